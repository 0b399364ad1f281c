-- Who the chosen companies are, and how far each got in the year's award for the prize
-- (0 not nominated, 1 nominee, 2 finalist, 3 winner).
select c.org_nr, c.name, c.county_code as county, c.sector_code as sector, c.founded,
       coalesce(case when $prize = 'special' then f.special_level else f.main_level end, 0) as level,
       f.fte
from companies c
left join facts f on f.org_nr = c.org_nr and f.year = $year
where c.org_nr in (select unnest($companies))
order by c.name
