-- The subject of a benchmark: the one company whose organisation number, or whole name (any
-- case), is $query. A lookup, not a search: it never lists other companies.
select org_nr, name, county_code as county, sector_code as sector, founded
from companies
where org_nr = $query or lower(name) = lower($query)
order by org_nr
limit 1
