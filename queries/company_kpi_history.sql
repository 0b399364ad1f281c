-- One company's value of one KPI per year, beside the median and quartiles of its sector peers
-- (companies, not a ratio of sums: the typical peer).
with peers as (
    select year,
           median(value) as sector_median,
           quantile_cont(value, 0.25) as sector_q1,
           quantile_cont(value, 0.75) as sector_q3
    from kpi_values
    where kpi = $kpi
      and sector = (select sector_code from companies where org_nr = $org_nr)
    group by year
)
select p.year, v.value, p.sector_median, p.sector_q1, p.sector_q3
from peers p
left join company_kpis v on v.year = p.year and v.kpi = $kpi and v.org_nr = $org_nr
order by p.year
