-- The first and last year with data.
select min(year) as first_year, max(year) as last_year
from facts
