-- benchmark_peer_stats without the quantiles (NULL): how many peers, the group's ratio of sums, the
-- largest company's share and the subject's percentile, counted without sorting anything. For the
-- year before, where only the percentile is shown (the summary's "biggest rise").
with subject as (
    select unnest($kpis) as kpi, unnest($values) as value
),
peers as (
    select * from selected_peers($sel, $year, $exclude, $lower_is_better)
)
select p.kpi, count(*) as n,
       null::double as p10, null::double as p25, null::double as p50, null::double as p75, null::double as p90,
       null::double as w10, null::double as w25, null::double as w50, null::double as w75, null::double as w90,
       sum(p.num) / sum(p.den) as group_value,
       greatest(max(abs(p.num)) / nullif(sum(abs(p.num)), 0), max(p.den) / nullif(sum(p.den), 0)) as top_share,
       case when any_value(s.value) is not null then
           100.0 * (count(*) filter (where p.value * p.sign < s.value * p.sign)
                    + 0.5 * count(*) filter (where p.value = s.value)) / count(*) end as subject_pct
from peers p
left join subject s using (kpi)
group by p.kpi
order by p.kpi
