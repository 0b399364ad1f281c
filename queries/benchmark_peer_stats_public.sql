-- Peer statistics for one year as the public sees them, per KPI, over the peer group (the companies
-- in the selection $sel, never the subject $exclude): how many companies, the quantiles (w10..w90:
-- each the mean of the $window companies nearest the quantile's position, never within $near of one
-- company's own value; window_mean), the group's ratio of sums, the largest single company's share
-- of the group's numerator and denominator (for the dominance rule), and the subject's percentile:
-- the share of peers it does better than, a tie counting half. All from one sorted list of the
-- peers' values per KPI. The exact quantiles (p10..p90) are the jury's: benchmark_peer_stats.
-- Only aggregates leave this query.
with subject as (
    select unnest($kpis) as kpi, unnest($values) as value
),
stats as (
    select kpi,
           count(*) as n,
           list_sort(list(value)) as v,
           sum(num) / sum(den) as group_value,
           greatest(max(abs(num)) / nullif(sum(abs(num)), 0), max(den) / nullif(sum(den), 0)) as top_share
    from selected_kpis($sel)
    where year = $year
      and org_nr <> $exclude
    group by kpi
)
select st.kpi, st.n,
       null::double as p10, null::double as p25, null::double as p50, null::double as p75, null::double as p90,
       window_mean(st.v, 0.10, $window, $near) as w10, window_mean(st.v, 0.25, $window, $near) as w25,
       window_mean(st.v, 0.50, $window, $near) as w50, window_mean(st.v, 0.75, $window, $near) as w75,
       window_mean(st.v, 0.90, $window, $near) as w90,
       st.group_value, st.top_share,
       case when s.value is not null then
           100.0 * (case when list_contains($lower_is_better, st.kpi)
                         then len(list_filter(st.v, lambda x: x > s.value))
                         else len(list_filter(st.v, lambda x: x < s.value)) end
                    + 0.5 * len(list_filter(st.v, lambda x: x = s.value))) / nullif(st.n, 0) end as subject_pct
from stats st
left join subject s using (kpi)
order by st.kpi
