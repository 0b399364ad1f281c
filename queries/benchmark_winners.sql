-- The winners' level: per KPI, the median over every prize winner in its winning year, with the
-- number of winners behind it.
select kpi, count(*) as n, median(value) as p50
from winner_kpis
group by kpi
order by kpi
