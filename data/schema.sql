-- The data model. Base tables hold what companies report; derived tables (facts, kpi_values) are
-- rebuilt from them by dashboard/warehouse.py on every build or import. NULL means "not reported";
-- 0 is a real zero.
-- The bounds of the year checks are placeholders that warehouse.schema_sql() fills in from
-- dashboard/years.py (the plausible years), and the ownership values from dashboard/dimensions.py;
-- which years there are comes from the data. The prize and status values below (and in the
-- warehouse's facts) are still written out here: their home is dashboard/state.py's PRIZES and
-- STATUSES, which the data layer does not import.

create table counties (
    code varchar primary key,            -- 2024 county code, two digits
    name_nb varchar not null,
    name_en varchar not null,
    abbr varchar not null,               -- three letters, for map tiles
    tile_row integer not null,           -- position on the offline tile-grid map
    tile_col integer not null,
    colour varchar not null
);

create table sectors (
    code integer primary key,            -- NACE Rev. 2 division, 10–33
    name_nb varchar not null,
    name_en varchar not null,
    short_nb varchar not null,
    short_en varchar not null,
    colour varchar not null
);

create table companies (
    org_nr varchar primary key check (regexp_full_match(org_nr, '[0-9]{9}')),
    name varchar not null,
    county_code varchar not null references counties (code),
    sector_code integer not null references sectors (code),
    founded integer check (founded between {founded_earliest} and {year_latest}),
    ownership varchar check (ownership in ({ownership}))  -- who owns it; NULL: not reported
);

create table company_years (
    org_nr varchar not null references companies (org_nr),
    year integer not null check (year between {year_earliest} and {year_latest}),
    fte double check (fte >= 0),
    turnover_mnok double check (turnover_mnok >= 0),
    value_added_mnok double check (value_added_mnok <= turnover_mnok),
    wage_costs_mnok double check (wage_costs_mnok >= 0),
    export_mnok double check (export_mnok >= 0 and export_mnok <= turnover_mnok),
    rnd_mnok double check (rnd_mnok >= 0),
    energy_mwh double check (energy_mwh >= 0),
    renewable_share_pct double check (renewable_share_pct between 0 and 100),
    scope1_t double check (scope1_t >= 0),
    scope2_t double check (scope2_t >= 0),
    robots integer check (robots >= 0),
    automation_pct double check (automation_pct between 0 and 100),
    material_utilisation_pct double check (material_utilisation_pct between 0 and 100),
    scrap_rate_pct double check (scrap_rate_pct between 0 and 100),
    recycled_input_pct double check (recycled_input_pct between 0 and 100),
    training_hours double check (training_hours >= 0),
    lost_time_injuries integer check (lost_time_injuries >= 0),
    hours_worked double check (hours_worked >= 0),
    primary key (org_nr, year)
);

create table nominations (
    year integer not null check (year between {year_earliest} and {year_latest}),
    org_nr varchar not null references companies (org_nr),
    prize varchar not null check (prize in ('main', 'special')),
    status varchar not null check (status in ('nominated', 'finalist', 'winner')),
    published_on date,                   -- from this day the public may see it; NULL: not yet
    primary key (year, org_nr, prize)
);

create table meta (
    key varchar primary key,
    value varchar
);

create table loads (
    file_name varchar not null,
    checksum varchar not null,           -- sha256 of the file's bytes
    rows_added integer not null,
    rows_changed integer not null,
    loaded_at timestamp not null
);
