-- Companies reporting and their total full-time equivalents, per year, for the selection.
select year, count(*) as companies, sum(fte) as fte
from selected_facts($sel)
where year between $year_from and $year_to
group by year
order by year
