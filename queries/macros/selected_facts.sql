-- The company-years (facts) in the selection $sel (see in_selection).
create or replace macro selected_facts(sel) as table
    select *
    from facts r
    where in_selection(sel, r)
