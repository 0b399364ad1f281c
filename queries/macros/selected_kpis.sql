-- The KPI values (one row per company, year and KPI) in the selection $sel (see in_selection).
create or replace macro selected_kpis(sel) as table
    select *
    from kpi_values r
    where in_selection(sel, r)
