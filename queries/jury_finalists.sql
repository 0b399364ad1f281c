-- The finalists of year $year's award for prize $prize, whom the jury scores (page /jury): the
-- finalists and the winner alike, in alphabetical order, without saying who won. For the jury only,
-- so unpublished nominations count too.
select n.org_nr, c.name, c.county_code as county, c.sector_code as sector
from nominations n
join companies c using (org_nr)
where n.year = $year and n.prize = $prize and n.status in ('finalist', 'winner')
order by c.name, n.org_nr
