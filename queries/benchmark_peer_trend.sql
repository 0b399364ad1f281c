-- The peer group's median of one KPI per year (never the subject $exclude), with the number of
-- companies behind each median.
select year, count(*) as n, median(value) as p50
from kpi_values
where kpi = $kpi
  and org_nr <> $exclude
  and in_selection(county, sector, size_class, main_level, special_level,
                   main_published, special_published, $counties, $sectors, $sizes, 0, 'any', DATE '9999-12-31')
group by year
order by year
