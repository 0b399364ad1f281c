-- True when a company-year row r (the row itself, as a struct: any table with these columns)
-- belongs to the user's selection $sel, a struct:
--   counties, sectors, sizes, ownership: lists, each empty for "all";
--   status: 0 all companies, 1 nominees, 2 finalists (and winners), 3 winners;
--   prize: 'any', 'main' or 'special' (only read when status > 0);
--   as_of: a nomination counts from its publish date on (counts_by); the jury's as_of
--          (disclosure.FOREVER) counts them all.
-- Built in one place, state.selection(); only the table macros selected_facts and selected_kpis
-- call this, so a query takes the whole selection as one parameter, and a new filter changes this
-- file alone (and state.selection).
create or replace macro in_selection(sel, r) as
    (len(sel['counties']) = 0 or list_contains(sel['counties']::varchar[], r.county))
    and (len(sel['sectors']) = 0 or list_contains(sel['sectors']::integer[], r.sector))
    and (len(sel['sizes']) = 0 or list_contains(sel['sizes']::varchar[], r.size_class))
    and (len(sel['ownership']) = 0 or list_contains(sel['ownership']::varchar[], r.ownership))
    and (
        sel['status'] = 0
        or (sel['prize'] <> 'special' and r.main_level >= sel['status'] and counts_by(r.main_published, sel['as_of']))
        or (sel['prize'] <> 'main' and r.special_level >= sel['status'] and counts_by(r.special_published, sel['as_of']))
    )
