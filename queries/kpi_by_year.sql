-- Each requested KPI per year, over the companies that report it: a ratio of sums (the sum of
-- numerators over the sum of denominators), with the number of companies behind each figure.
select kpi, year, sum(num) / sum(den) as value, count(*) as companies
from kpi_values
where list_contains($kpis, kpi)
  and year between $year_from and $year_to
group by kpi, year
order by kpi, year
