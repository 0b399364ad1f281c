-- Every KPI of the chosen companies in one year, with two percentiles: among that year's nominees
-- for the prize, and among all companies of the company's sector. A percentile is the share of the
-- other companies of the group that the company does better than, a tie counting half (0–100):
-- the company itself never counts, as on the benchmark page. A company with no one else in a group
-- has no percentile there (NULL). "Better" follows each KPI's direction ($lower_is_better lists the
-- KPIs where a lower value is better). nominees and sector_peers count the others.
with chosen as (
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
peers as (
    -- the values of every company in the chosen companies' sectors, one list per KPI and sector;
    -- each chosen company is in its own sector's list once, and is taken out below
    select kpi, sector, list(value) as peer_values
    from kpi_values
    where year = $year and sector in (select sector from chosen)
    group by kpi, sector
),
among_peers as (
    select c.org_nr, c.kpi,
           100.0 * (len(list_filter(p.peer_values, lambda v: v * c.sign < c.value * c.sign))
                    + 0.5 * (len(list_filter(p.peer_values, lambda v: v = c.value)) - 1))
               / nullif(len(p.peer_values) - 1, 0) as sector_pct,
           len(p.peer_values) - 1 as sector_peers
    from chosen c
    join peers p on p.kpi = c.kpi and p.sector = c.sector
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
)
select c.org_nr, c.kpi, c.value, n.nominee_pct, n.nominees, p.sector_pct, p.sector_peers
from chosen c
join among_nominees n using (org_nr, kpi)
join among_peers p using (org_nr, kpi)
order by c.org_nr, c.kpi
