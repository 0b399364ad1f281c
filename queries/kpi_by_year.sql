-- Each requested KPI per year for the selection: a ratio of sums (the sum of numerators over the
-- sum of denominators) over the companies that report it, with the number of companies behind it.
select kpi, year, sum(num) / sum(den) as value, count(*) as companies
from selected_kpis($sel)
where list_contains($kpis, kpi)
  and year between $year_from and $year_to
group by kpi, year
order by kpi, year
