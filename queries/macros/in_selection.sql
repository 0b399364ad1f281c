-- True when a company-year row belongs to the user's selection. An empty list means "all".
-- status_level: 0 all companies, 1 nominees, 2 finalists (and winners), 3 winners;
-- prize: 'any', 'main' or 'special' (only read when status_level > 0);
-- as_of: a nomination counts from its publish date on; 9999-12-31 (the jury) counts them all.
create or replace macro in_selection(
    county, sector, size_class, main_level, special_level, main_published, special_published,
    counties, sectors, sizes, status_level, prize, as_of
) as
    (len(counties) = 0 or list_contains(counties, county))
    and (len(sectors) = 0 or list_contains(sectors, sector))
    and (len(sizes) = 0 or list_contains(sizes, size_class))
    and (
        status_level = 0
        or (prize <> 'special' and main_level >= status_level
            and (as_of = DATE '9999-12-31' or main_published <= as_of))
        or (prize <> 'main' and special_level >= status_level
            and (as_of = DATE '9999-12-31' or special_published <= as_of))
    )
