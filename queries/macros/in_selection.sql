-- True when a company-year row belongs to the user's selection $sel, a struct:
--   counties, sectors, sizes, ownership: lists, each empty for "all";
--   status: 0 all companies, 1 nominees, 2 finalists (and winners), 3 winners;
--   prize: 'any', 'main' or 'special' (only read when status > 0);
--   as_of: a nomination counts from its publish date on; the jury's (disclosure.FOREVER) counts them all; counts_by.
-- Built in one place, state.selection(); only the table macros selected_facts and selected_kpis
-- call this, so a query takes the whole selection as one parameter.
create or replace macro in_selection(
    sel, county, sector, size_class, ownership, main_level, special_level, main_published, special_published
) as
    (len(sel['counties']) = 0 or list_contains(sel['counties']::varchar[], county))
    and (len(sel['sectors']) = 0 or list_contains(sel['sectors']::integer[], sector))
    and (len(sel['sizes']) = 0 or list_contains(sel['sizes']::varchar[], size_class))
    and (len(sel['ownership']) = 0 or list_contains(sel['ownership']::varchar[], ownership))
    and (
        sel['status'] = 0
        or (sel['prize'] <> 'special' and main_level >= sel['status']
            and counts_by(main_published, sel['as_of']))
        or (sel['prize'] <> 'main' and special_level >= sel['status']
            and counts_by(special_published, sel['as_of']))
    )
