-- One row per company in the selection in one year with both productivity and emissions
-- intensity: the largest $limit companies by FTE, and how many there are in all.
with wide as (
    select org_nr, sector,
           max(value) filter (where kpi = 'productivity') as productivity,
           max(value) filter (where kpi = 'emissions_intensity') as emissions_intensity
    from selected_kpis($sel)
    where year = $year
      and kpi in ('productivity', 'emissions_intensity')
    group by org_nr, sector
)
select w.org_nr, c.name, w.sector, f.fte, w.productivity, w.emissions_intensity,
       count(*) over () as total
from wide w
join companies c using (org_nr)
join facts f on f.org_nr = w.org_nr and f.year = $year
where w.productivity is not null and w.emissions_intensity is not null
order by f.fte desc, w.org_nr
limit $limit
