-- Peer statistics for one year, per KPI, over the peer group (the companies matching $sectors,
-- $counties and $sizes, each an empty list for "all"; never the subject $exclude): how many
-- companies, their quantiles, the group's ratio of sums, and the largest single company's share of
-- the group's numerator and denominator (for the dominance rule). Also the subject's percentile:
-- the share of peers it does better than, a tie counting half. Only aggregates leave this query.
with subject as (
    select unnest($kpis) as kpi, unnest($values) as value
),
peers as (
    select kpi, num, den, value,
           case when list_contains($lower_is_better, kpi) then -1 else 1 end as sign
    from kpi_values
    where year = $year
      and org_nr <> $exclude
      and in_selection(county, sector, size_class, main_level, special_level,
                       main_published, special_published, $counties, $sectors, $sizes, 0, 'any', DATE '9999-12-31')
),
stats as (
    select kpi,
           count(*) as n,
           quantile_cont(value, [0.10, 0.25, 0.50, 0.75, 0.90]) as q,
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
       st.group_value, st.top_share, r.subject_pct
from stats st
left join ranked r using (kpi)
order by st.kpi
