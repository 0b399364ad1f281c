-- How many companies are in the peer group in one year (never counting the subject $exclude).
select count(*) as companies
from facts
where year = $year
  and org_nr <> $exclude
  and in_selection(county, sector, size_class, main_level, special_level,
                   main_published, special_published, $counties, $sectors, $sizes, 0, 'any', DATE '9999-12-31')
