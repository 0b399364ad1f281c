-- The companies in the selection in one year, with the chosen KPI and the headline KPIs: best
-- first by the chosen KPI ($ascending when lower is better), companies without it last, at most
-- $limit rows, and how many there are in all.
with wide as (
    select org_nr,
           max(value) filter (where kpi = $kpi) as kpi_value,
           max(value) filter (where kpi = 'productivity') as productivity,
           max(value) filter (where kpi = 'emissions_reduction') as emissions_reduction,
           max(value) filter (where kpi = 'robot_density') as robot_density,
           max(value) filter (where kpi = 'automation_share') as automation_share
    from selected_kpis($sel)
    where year = $year
      and list_contains($kpis, kpi)  -- the chosen KPI and the headline ones: a third of the rows
    group by org_nr
)
select f.org_nr, c.name, f.county, f.sector, f.fte,
       w.kpi_value, w.productivity, w.emissions_reduction, w.robot_density, w.automation_share,
       f.main_level, f.special_level,
       count(*) over () as total
from selected_facts($sel) f
join companies c using (org_nr)
left join wide w using (org_nr)
where f.year = $year
order by case when $ascending then w.kpi_value end asc nulls last,
         case when not $ascending then w.kpi_value end desc nulls last,
         c.name
limit $limit
