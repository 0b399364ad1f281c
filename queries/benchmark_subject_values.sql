-- The subject company's own KPI values, for every year it reports.
select kpi, year, value
from company_kpis
where org_nr = $org_nr
order by kpi, year
