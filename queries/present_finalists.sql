-- The year's finalists for each prize, in alphabetical order, without who won: the winner stays
-- secret until it is revealed.
select n.prize, c.name, c.county_code as county, c.sector_code as sector
from nominations n
join companies c using (org_nr)
where n.year = $year and n.status in ('finalist', 'winner')
order by n.prize, c.name
