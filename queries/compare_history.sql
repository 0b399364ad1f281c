-- Every KPI of the chosen companies over the years, with the change since each company's first
-- reported year for that KPI (in the KPI's own unit).
select org_nr, kpi, year, value,
       value - first_value(value) over (partition by org_nr, kpi order by year) as change
from company_kpis
where org_nr in (select unnest($companies))
order by org_nr, kpi, year
