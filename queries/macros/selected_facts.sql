-- The company-years (facts) in the selection $sel (see in_selection).
create or replace macro selected_facts(sel) as table
    select *
    from facts
    where in_selection(sel, county, sector, size_class, ownership, main_level, special_level,
                       main_published, special_published)
