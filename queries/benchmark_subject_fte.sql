-- The subject company's full-time equivalents in one year (its size band picks its peers).
select fte
from facts
where org_nr = $org_nr and year = $year
