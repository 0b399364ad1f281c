-- Peer statistics for one year, per KPI, over the peer group (the companies in the selection $sel,
-- never the subject $exclude): how many
-- companies, their quantiles, the group's ratio of sums, and the largest single company's share of
-- the group's numerator and denominator (for the dominance rule). Also the subject's percentile:
-- the share of peers it does better than, a tie counting half. The quantiles come twice: exact
-- (p10..p90, interpolated) and as the public sees them (w10..w90: each the mean of the $window
-- companies nearest the quantile's position, never within $near of one company's own value; window_mean).
-- Only aggregates leave this query.
with subject as (
    select unnest($kpis) as kpi, unnest($values) as value
),
peers as (
    select kpi, num, den, value,
           case when list_contains($lower_is_better, kpi) then -1 else 1 end as sign
    from selected_kpis($sel)
    where year = $year
      and org_nr <> $exclude
),
stats as (
    select kpi,
           count(*) as n,
           quantile_cont(value, [0.10, 0.25, 0.50, 0.75, 0.90]) as q,
           list_sort(list(value)) as sorted_values,
           sum(num) / sum(den) as group_value,
           greatest(max(abs(num)) / nullif(sum(abs(num)), 0), max(den) / nullif(sum(den), 0)) as top_share
    from peers
    group by kpi
),
ranked as (
    select s.kpi,
           100.0 * (count(*) filter (where p.value * p.sign < s.value * p.sign)
                    + 0.5 * count(*) filter (where p.value = s.value))
               / nullif(count(p.value), 0) as subject_pct
    from subject s
    join peers p on p.kpi = s.kpi
    where s.value is not null
    group by s.kpi
)
select st.kpi, st.n, st.q[1] as p10, st.q[2] as p25, st.q[3] as p50, st.q[4] as p75, st.q[5] as p90,
       window_mean(st.sorted_values, 0.10, $window, $near) as w10, window_mean(st.sorted_values, 0.25, $window, $near) as w25,
       window_mean(st.sorted_values, 0.50, $window, $near) as w50, window_mean(st.sorted_values, 0.75, $window, $near) as w75,
       window_mean(st.sorted_values, 0.90, $window, $near) as w90,
       st.group_value, st.top_share, r.subject_pct
from stats st
left join ranked r using (kpi)
order by st.kpi
