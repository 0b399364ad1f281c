-- The peer group's median of one KPI per year as the public sees it (w50: the mean of the $window
-- companies nearest the middle, never within $near of one company's own value; see window_mean),
-- never counting the subject $exclude, with the number of companies behind it. The jury's exact
-- median is benchmark_peer_trend (which sorts nothing).
select year, count(*) as n,
       window_mean(list_sort(list(value)), 0.5, $window, $near) as w50
from selected_kpis($sel)
where kpi = $kpi
  and org_nr <> $exclude
group by year
order by year
