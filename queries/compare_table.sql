-- The comparison table in one statement: who the chosen companies are (name, county, sector,
-- founded, how far each got in the year's award for the prize: 0 not nominated, 1 nominee, 2
-- finalist, 3 winner; FTE) and every KPI of theirs in the year with two percentiles: among that
-- year's nominees for the prize, and among all companies of the company's sector. A percentile is
-- the share of the other companies of the group that the company does better than, a tie counting
-- half (0–100): the company itself never counts, as on the benchmark page. A company with no one
-- else in a group has no percentile there (NULL). "Better" follows each KPI's direction
-- ($lower_is_better lists the KPIs where a lower value is better). nominees and sector_peers count
-- the others. One row per company and KPI; a company without any KPI that year has one row, kpi NULL.
with who as (
    select * from chosen_companies($companies, $year, $prize)
),
chosen as (
    select org_nr, kpi, value, sector,
           case when list_contains($lower_is_better, kpi) then -1 else 1 end as sign
    from company_kpis
    where year = $year and org_nr in (select unnest($companies))
),
nominees as (
    select org_nr, kpi, value
    from selected_kpis($sel)  -- the year's nominees for the prize
    where year = $year
),
among_peers as (
    -- every company of the chosen company's sector that reports the KPI, the company among them once
    select c.org_nr, c.kpi,
           100.0 * (count(*) filter (where k.value * c.sign < c.value * c.sign)
                    + 0.5 * (count(*) filter (where k.value = c.value) - 1))
               / nullif(count(*) - 1, 0) as sector_pct,
           count(*) - 1 as sector_peers
    from chosen c
    join kpi_values k on k.year = $year and k.kpi = c.kpi and k.sector = c.sector
    group by c.org_nr, c.kpi
),
among_nominees as (
    select c.org_nr, c.kpi,
           100.0 * (count(*) filter (where n.value * c.sign < c.value * c.sign)
                    + 0.5 * count(*) filter (where n.value = c.value))
               / nullif(count(n.value), 0) as nominee_pct,
           count(n.value) as nominees
    from chosen c
    left join nominees n on n.kpi = c.kpi and n.org_nr <> c.org_nr
    group by c.org_nr, c.kpi
),
figures as (
    select c.org_nr, c.kpi, c.value, n.nominee_pct, n.nominees, p.sector_pct, p.sector_peers
    from chosen c
    join among_nominees n using (org_nr, kpi)
    join among_peers p using (org_nr, kpi)
)
select w.org_nr, w.name, w.county, w.sector, w.founded, w.level, w.fte,
       f.kpi, f.value, f.nominee_pct, f.nominees, f.sector_pct, f.sector_peers
from who w
left join figures f using (org_nr)
order by w.org_nr, f.kpi
