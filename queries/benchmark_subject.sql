-- The subject of a benchmark: the one company whose organisation number, or whole name (any
-- case), is $query, with its FTE in $year (its size band picks its peers). A lookup, not a search:
-- it never lists other companies.
select c.org_nr, c.name, c.county_code as county, c.sector_code as sector, c.founded, f.fte
from companies c
left join facts f on f.org_nr = c.org_nr and f.year = $year
where c.org_nr = $query or lower(c.name) = lower($query)
order by c.org_nr
limit 1
