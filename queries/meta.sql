-- What the database is: source (demo or import), build time, scale.
select key, value
from meta
order by key
