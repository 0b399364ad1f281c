-- The peer group's median of one KPI per year (never the subject $exclude), with the number of
-- companies behind each median: exact (p50) and as the public sees it (w50: the mean of the
-- $window companies nearest the middle, never within $near of one company's own value; see window_mean).
select year, count(*) as n, median(value) as p50,
       window_mean(list_sort(list(value)), 0.5, $window, $near) as w50
from selected_kpis($sel)
where kpi = $kpi
  and org_nr <> $exclude
group by year
order by year
