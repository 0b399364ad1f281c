-- Companies reporting and their total full-time equivalents, per year, for the selection.
select year, count(*) as companies, sum(fte) as fte
from facts
where year between $year_from and $year_to
  and in_selection(county, sector, size_class, main_level, special_level,
                   main_published, special_published, $counties, $sectors, $sizes, $status, $prize, $as_of)
group by year
order by year
