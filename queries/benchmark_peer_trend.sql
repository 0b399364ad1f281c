-- The peer group's median of one KPI per year (never the subject $exclude), with the number of
-- companies behind each median: exact (p50) and as the public sees it (w50: the mean of the
-- $window companies nearest the middle, never one company's own value).
with peers as (
    select year, value,
           row_number() over (partition by year order by value) - 1 as i,
           count(*) over (partition by year) as n
    from selected_kpis($sel)
    where kpi = $kpi
      and org_nr <> $exclude
),
placed as (
    select *, least(greatest(floor(0.5 * (n - 1) - ($window - 1) / 2 + 0.5), 0), n - $window) as start
    from peers
)
select year, count(*) as n, median(value) as p50,
       avg(value) filter (where n >= $window and i >= start and i < start + $window) as w50
from placed
group by year
order by year
