-- The winners' level: per KPI, the median over every prize winner in its winning year, with the
-- number of winners behind it. Only winners published by $as_of count (all of them for the jury).
select kpi, count(*) as n, median(value) as p50
from winner_kpis
where $as_of = DATE '9999-12-31'
   or (main_level = 3 and main_published <= $as_of)
   or (special_level = 3 and special_published <= $as_of)
group by kpi
order by kpi
