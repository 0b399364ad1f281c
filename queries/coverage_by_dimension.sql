-- Companies reporting in one year per county, sector or size class ($dim is allow-listed).
select case $dim
           when 'county' then county
           when 'sector' then sector::varchar
           else size_class
       end as member,
       count(*) as companies
from facts
where year = $year
group by member
order by companies desc, member
