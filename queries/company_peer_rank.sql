-- Where one company ranks among the companies of its sector in one year, on every KPI it reports
-- (1 = best; KPIs in $lower_is_better rank the lowest value first), with the sector median.
with peers as (
    select org_nr, kpi, value,
           rank() over (
               partition by kpi
               order by case when list_contains($lower_is_better, kpi) then value else -value end
           ) as rank,
           count(*) over (partition by kpi) as peers,
           median(value) over (partition by kpi) as sector_median
    from kpi_values
    where year = $year
      and sector = (select sector_code from companies where org_nr = $org_nr)
)
select kpi, value, rank, peers, sector_median
from peers
where org_nr = $org_nr
