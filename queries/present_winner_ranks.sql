-- Where the company $company stands among the year's nominees for a prize ($sel: nominees of one
-- prize) on each KPI, compared as the slides show the figures: rounded to each KPI's decimals
-- ($places: a list of {kpi, decimals}). better: the other nominees with a better figure; tied: the
-- others with the same figure; others: the other nominees with a figure. "Better" follows each
-- KPI's direction ($lower_is_better lists the KPIs where a lower value is better).
with places as (
    select unnest($places, recursive := true)
),
shown as (
    select k.org_nr, k.kpi, round(k.value, p.decimals) as value,
           case when list_contains($lower_is_better, k.kpi) then -1 else 1 end as sign
    from selected_kpis($sel) k
    join places p on p.kpi = k.kpi
    where k.year = $year and k.value is not null
),
own as (
    select kpi, value, sign from shown where org_nr = $company
)
select o.kpi, o.value,
       count(s.value) filter (where s.value * o.sign > o.value * o.sign) as better,
       count(s.value) filter (where s.value = o.value) as tied,
       count(s.value) as others
from own o
left join shown s on s.kpi = o.kpi and s.org_nr <> $company
group by o.kpi, o.value
order by o.kpi
