-- The winners' level in $year: per KPI, the median over every prize winner (either prize) of the
-- years up to and including $year, each in its winning year, with the number of winners behind it.
-- A later year's winners never count. Only winners published by $as_of count (all of them for the
-- jury).
-- w50 is the median as the public sees it: the mean of the $window winners nearest the middle.
with pool as (
    select kpi, value,
           row_number() over (partition by kpi order by value) - 1 as i,
           count(*) over (partition by kpi) as n
    from winner_kpis
    where year <= $year
      and ($as_of = DATE '9999-12-31'
           or (main_level = 3 and main_published <= $as_of)
           or (special_level = 3 and special_published <= $as_of))
),
placed as (
    select *, least(greatest(floor(0.5 * (n - 1) - ($window - 1) / 2 + 0.5), 0), n - $window) as start
    from pool
)
select kpi, count(*) as n, median(value) as p50,
       avg(value) filter (where n >= $window and i >= start and i < start + $window) as w50
from placed
group by kpi
order by kpi
