-- The winners' level: per KPI, the median over every prize winner in its winning year, with the
-- number of winners behind it.
select kpi, count(*) as n, median(value) as p50
from kpi_values
where main_level = 3 or special_level = 3
group by kpi
order by kpi
