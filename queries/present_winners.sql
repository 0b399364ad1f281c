-- Winners of each prize by year, up to and including $year (the presentation asks for the
-- current year only when the winner is revealed).
select n.year, n.prize, c.name, c.county_code as county, c.sector_code as sector
from nominations n
join companies c using (org_nr)
where n.status = 'winner' and n.year between $year_from and $year
order by n.year, n.prize
