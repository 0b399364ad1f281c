-- The last year with finalists for prize $prize (the default year of the jury's offline
-- template); null when there are none.
select max(year) as year
from nominations
where prize = $prize and status in ('finalist', 'winner')
