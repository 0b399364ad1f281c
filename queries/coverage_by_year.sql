-- How many companies report each year, and in how many counties and sectors.
select year, count(*) as companies, count(distinct county) as counties, count(distinct sector) as sectors
from facts
group by year
order by year
