-- Companies reporting and their total full-time equivalents, per year.
select year, count(*) as companies, sum(fte) as fte
from facts
where year between $year_from and $year_to
group by year
order by year
