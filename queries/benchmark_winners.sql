-- The winners' level in $year: per KPI, the median over every prize winner (either prize) of the
-- years up to and including $year, each in its winning year, with the number of winners behind it.
-- A later year's winners never count. Only winners published by $as_of count (all of them for the
-- jury).
-- w50 is the median as the public sees it: the mean of the $window winners nearest the middle
-- (window_mean).
select kpi, count(*) as n, median(value) as p50,
       window_mean(list_sort(list(value)), 0.5, $window, $near) as w50
from winner_kpis
where year <= $year
  and ((main_level = 3 and counts_by(main_published, $as_of))
       or (special_level = 3 and counts_by(special_published, $as_of)))
group by kpi
order by kpi
