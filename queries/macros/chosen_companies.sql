-- Who the chosen companies are (org_nr in `companies`), and how far each got in year `yr`'s award
-- for `prize` (0 not nominated, 1 nominee, 2 finalist, 3 winner), with its FTE that year. For the
-- compare page (compare_companies, compare_table).
create or replace macro chosen_companies(companies, yr, prize) as table
    select c.org_nr, c.name, c.county_code as county, c.sector_code as sector, c.founded,
           coalesce(case when prize = 'special' then f.special_level else f.main_level end, 0) as level,
           f.fte
    from companies c
    left join facts f on f.org_nr = c.org_nr and f.year = yr
    where list_contains(companies, c.org_nr)
