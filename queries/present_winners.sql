-- Winners of each prize by year, up to and including $year (the presentation asks for the
-- current year only when the winner is revealed). Only those published by $as_of (all for the jury).
select n.year, n.prize, n.org_nr, c.name, c.county_code as county, c.sector_code as sector
from nominations n
join companies c using (org_nr)
where n.status = 'winner' and n.year between $year_from and $year
  and counts_by(n.published_on, $as_of)
order by n.year, n.prize
