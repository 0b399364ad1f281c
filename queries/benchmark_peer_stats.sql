-- Peer statistics for one year, per KPI, over the peer group (the companies in the selection $sel,
-- never the subject $exclude): how many
-- companies, their quantiles, the group's ratio of sums, and the largest single company's share of
-- the group's numerator and denominator (for the dominance rule). Also the subject's percentile:
-- the share of peers it does better than, a tie counting half. The quantiles come twice: exact
-- (p10..p90, interpolated) and as the public sees them (w10..w90: each the mean of the $window
-- companies nearest the quantile's position, never within $near of one company's own value; window_mean).
-- Everything comes from one sorted list of the peers' values per KPI: the exact quantiles are
-- interpolated in it as quantile_cont does (position p·(n−1)), the percentile counted in it.
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
),
exact as (
    -- quantile_cont from the sorted list (the position p·(n−1), interpolated), without sorting again
    select *, list_transform([0.10, 0.25, 0.50, 0.75, 0.90], lambda p:
               v[floor(p * (n - 1))::bigint + 1]
               + (p * (n - 1) - floor(p * (n - 1))) * (v[least(floor(p * (n - 1))::bigint + 2, n)] - v[floor(p * (n - 1))::bigint + 1])) as q
    from stats
)
select st.kpi, st.n, st.q[1] as p10, st.q[2] as p25, st.q[3] as p50, st.q[4] as p75, st.q[5] as p90,
       window_mean(st.v, 0.10, $window, $near) as w10, window_mean(st.v, 0.25, $window, $near) as w25,
       window_mean(st.v, 0.50, $window, $near) as w50, window_mean(st.v, 0.75, $window, $near) as w75,
       window_mean(st.v, 0.90, $window, $near) as w90,
       st.group_value, st.top_share,
       case when s.value is not null then
           100.0 * (case when list_contains($lower_is_better, st.kpi)
                         then len(list_filter(st.v, lambda x: x > s.value))
                         else len(list_filter(st.v, lambda x: x < s.value)) end
                    + 0.5 * len(list_filter(st.v, lambda x: x = s.value))) / nullif(st.n, 0) end as subject_pct
from exact st
left join subject s using (kpi)
order by st.kpi
