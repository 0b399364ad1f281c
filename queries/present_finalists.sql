-- The year's finalists for each prize, in alphabetical order, without who won: the winner stays
-- secret until it is revealed. Only nominations published by $as_of (all for the jury).
select n.prize, c.name, c.county_code as county, c.sector_code as sector
from nominations n
join companies c using (org_nr)
where n.year = $year and n.status in ('finalist', 'winner')
  and counts_by(n.published_on, $as_of)
order by n.prize, c.name
