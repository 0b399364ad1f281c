-- One KPI in one year for the selection, per member of a dimension (county, sector or size class):
-- a ratio of sums, with the number of companies behind each figure. $dim is allow-listed.
select case $dim
           when 'county' then county
           when 'sector' then sector::varchar
           else size_class
       end as member,
       sum(num) / sum(den) as value,
       count(*) as companies
from selected_kpis($sel)
where kpi = $kpi
  and year = $year
group by member
order by member
