-- The peer group's exact median of one KPI per year (never the subject $exclude), with the number
-- of companies behind each: the jury's. The public's is benchmark_peer_trend_public.
select year, count(*) as n, median(value) as p50
from selected_kpis($sel)
where kpi = $kpi
  and org_nr <> $exclude
group by year
order by year
