-- The peer group's KPI rows of one year, never the subject's (`exclude`), each with the sign that
-- turns its KPI's direction into "higher is better" (`lower`: the KPIs where lower is better). For
-- the benchmark's statistics (benchmark_peer_stats). Its name sorts after
-- selected_kpis, which it reads (the build makes the macros in name order).
create or replace macro selected_peers(sel, yr, exclude, lower) as table
    select kpi, num, den, value,
           case when list_contains(lower, kpi) then -1 else 1 end as sign
    from selected_kpis(sel)
    where year = yr
      and org_nr <> exclude
