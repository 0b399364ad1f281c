-- Peer statistics for one year as the jury sees them, per KPI, over the peer group (the companies
-- in the selection $sel, never the subject $exclude): how many companies, the exact quantiles
-- (p10..p90, interpolated), the group's ratio of sums, the largest single company's share of the
-- group's numerator and denominator (for the dominance rule), and the subject's percentile: the
-- share of peers it does better than, a tie counting half. Counted and selected, nothing sorted
-- whole; without $quantiles no quantile (NULL), for the year before, whose percentiles alone are
-- shown. The public's quantiles (w10..w90) come from benchmark_peer_stats_public.
-- Only aggregates leave this query.
with subject as (
    select unnest($kpis) as kpi, unnest($values) as value
),
peers as (
    select * from selected_peers($sel, $year, $exclude, $lower_is_better)
),
stats as (
    select p.kpi, count(*) as n,
           -- none at all without $quantiles (the year before: its percentiles only)
           quantile_cont(p.value, [0.10, 0.25, 0.50, 0.75, 0.90]) filter (where $quantiles) as q,
           sum(p.num) / sum(p.den) as group_value,
           greatest(max(abs(p.num)) / nullif(sum(abs(p.num)), 0), max(p.den) / nullif(sum(p.den), 0)) as top_share,
           case when any_value(s.value) is not null then
               100.0 * (count(*) filter (where p.value * p.sign < s.value * p.sign)
                        + 0.5 * count(*) filter (where p.value = s.value)) / count(*) end as subject_pct
    from peers p
    left join subject s using (kpi)
    group by p.kpi
)
select kpi, n, q[1] as p10, q[2] as p25, q[3] as p50, q[4] as p75, q[5] as p90,
       null::double as w10, null::double as w25, null::double as w50, null::double as w75, null::double as w90,
       group_value, top_share, subject_pct
from stats
order by kpi
