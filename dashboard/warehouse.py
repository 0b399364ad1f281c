"""Writes the DuckDB file: the only code that writes. The app itself opens it read-only.

A build goes to a temporary file beside the target and is moved into place with one atomic rename,
so a reader never sees a half-written database and a failed build leaves the old file untouched.
"""

from __future__ import annotations

import os
import re
import shutil
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pandas as pd

from dashboard import dimensions, disclosure, years
from dashboard.db import MACROS_DIR
from dashboard.kpis import KPIS, MEASURE_IDS

SCHEMA_FILE = dimensions.DATA_DIR / "schema.sql"
# Raise when the tables, derived tables or macros change: an older demo database is then rebuilt.
SCHEMA_VERSION = "13"

_FACTS_SQL = """
create table facts as
with measured as (
    select *, scope1_t + scope2_t as emissions_t from company_years
),
baseline as (
    -- each company's emissions in its first year with known emissions: emissions_t is NULL unless
    -- both scope 1 and scope 2 are reported, so the baseline is the first year with both
    select org_nr,
           arg_min(emissions_t, year) filter (where emissions_t is not null) as base_emissions_t,
           min(year) filter (where emissions_t is not null) as base_year
    from measured
    group by org_nr
),
nominated as (
    -- how far the company got that year, per prize: 0 not nominated, 1 nominee, 2 finalist, 3 winner
    select org_nr, year,
           max(case status when 'winner' then 3 when 'finalist' then 2 else 1 end)
               filter (where prize = 'main') as main_level,
           max(case status when 'winner' then 3 when 'finalist' then 2 else 1 end)
               filter (where prize = 'special') as special_level,
           max(published_on) filter (where prize = 'main') as main_published,
           max(published_on) filter (where prize = 'special') as special_published
    from nominations
    group by org_nr, year
)
select m.*,
       c.county_code as county,
       c.sector_code as sector,
       c.ownership,
       case when m.fte < {medium} then 'small' when m.fte < {large} then 'medium'
            when m.fte >= {large} then 'large' end as size_class,
       coalesce(n.main_level, 0) as main_level,
       coalesce(n.special_level, 0) as special_level,
       n.main_published,
       n.special_published,
       b.base_emissions_t,
       b.base_year
from measured m
join companies c using (org_nr)
left join baseline b using (org_nr)
left join nominated n using (org_nr, year)
order by m.year, county, sector
"""


def schema_sql() -> str:
    """The data model (``data/schema.sql``) with its plausible years filled in from ``years`` and
    its ownership values from ``dimensions``: trusted constants, not input, so formatting them into
    the text is safe (the values are checked to be plain words all the same)."""
    if not all(re.fullmatch("[a-z]+", o) for o in dimensions.OWNERSHIP):
        raise ValueError(f"ownership values must be plain words: {dimensions.OWNERSHIP}")
    fill = {"{year_earliest}": str(years.EARLIEST), "{year_latest}": str(years.latest()),
            "{founded_earliest}": str(years.FOUNDED_EARLIEST),
            "{ownership}": ", ".join(f"'{o}'" for o in dimensions.OWNERSHIP)}
    text = SCHEMA_FILE.read_text(encoding="utf-8")
    for placeholder, value in fill.items():
        text = text.replace(placeholder, value)
    return text


def org_nr_is_valid(org_nr: str) -> bool:
    """True for a 9-digit Norwegian organisation number with a valid modulus-11 check digit."""
    if not (isinstance(org_nr, str) and len(org_nr) == 9 and org_nr.isascii() and org_nr.isdigit()):
        return False
    weights = (3, 2, 7, 6, 5, 4, 3, 2)
    remainder = sum(int(d) * w for d, w in zip(org_nr, weights)) % 11
    if remainder == 1:
        return False
    check = 0 if remainder == 0 else 11 - remainder
    return int(org_nr[8]) == check


def kpi_values_sql() -> str:
    """One row per company, year and KPI with its numerator and denominator.

    Composed from the catalogue's constant expressions at build time; no user input reaches it.
    """
    parts = [
        f"""select org_nr, year, county, sector, size_class, ownership, main_level, special_level,
               main_published, special_published, '{k.id}' as kpi,
               ({k.numerator})::double as num, ({k.denominator})::double as den
        from facts
        where ({k.numerator}) is not null and ({k.denominator}) > 0"""
        for k in KPIS
    ]
    union = "\nunion all\n".join(parts)
    return f"""create table kpi_values as
        select *, num / den as value from ({union})
        order by kpi, year, county, sector"""


def build_database(
    path: Path,
    companies: pd.DataFrame,
    company_years: pd.DataFrame,
    nominations: pd.DataFrame,
    meta: dict[str, str],
    loads: pd.DataFrame | None = None,
) -> None:
    """Write a complete database to ``path``, atomically replacing any file already there.

    ``loads`` is the import history to carry over (one row per file loaded)."""
    bad = [o for o in companies["org_nr"] if not org_nr_is_valid(o)]
    if bad:
        raise ValueError(f"invalid organisation numbers (mod-11 check digit): {bad[:10]}")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.building")
    tmp.unlink(missing_ok=True)
    try:
        con = duckdb.connect(str(tmp))
        try:
            con.execute(schema_sql())
            _insert(con, "counties", dimensions.counties().reset_index(drop=True))
            _insert(con, "sectors", dimensions.sectors().reset_index(drop=True))
            _insert(con, "companies", companies)
            _insert(con, "company_years", company_years[["org_nr", "year", *MEASURE_IDS]])
            _insert(con, "nominations", nominations)
            if loads is not None and len(loads):
                _insert(con, "loads", loads)
            medium, large = dimensions.SIZE_LIMITS  # constants, not user input
            con.execute(_FACTS_SQL.format(medium=medium, large=large))
            con.execute(kpi_values_sql())
            # the same rows sorted by company, so looking up a few companies skips the rest
            con.execute("create table company_kpis as select * from kpi_values order by org_nr, kpi, year")
            disclosure.build_cells(con)
            con.execute("create table winner_kpis as "
                        "select * from kpi_values where main_level = 3 or special_level = 3")
            # by name: a table macro binds the macros it calls when it is made, so those it reads
            # (selected_kpis) sort before those that read them (selected_peers)
            for macro in sorted(MACROS_DIR.glob("*.sql")):
                con.execute(macro.read_text(encoding="utf-8"))
            stamp = {"built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                     "schema_version": SCHEMA_VERSION, **meta}
            _insert(con, "meta", pd.DataFrame({"key": list(stamp), "value": list(stamp.values())}))
            con.execute("checkpoint")
        finally:
            con.close()
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}.wal").unlink(missing_ok=True)


# The tables a build writes and an import reads back: the allow-list for table names in SQL text.
BASE_TABLES = ("counties", "sectors", "companies", "company_years", "nominations", "meta", "loads")


def _table(name: str) -> str:
    if name not in BASE_TABLES:
        raise ValueError(f"unknown table {name!r}")
    return name


def _insert(con: duckdb.DuckDBPyConnection, table: str, df: pd.DataFrame) -> None:
    con.register("incoming", df)
    try:
        con.execute(f"insert into {_table(table)} by name select * from incoming")
    finally:
        con.unregister("incoming")


def read_tables(path: Path) -> dict[str, pd.DataFrame]:
    """The base tables and load history of an existing database, to build a new one from."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = {name: con.execute(f"select * from {_table(name)}").df()
                  for name in ("companies", "company_years", "nominations", "meta")}
        has_loads = con.execute("select count(*) from information_schema.tables "
                                "where table_name = 'loads'").fetchall()[0][0]
        tables["loads"] = con.execute("select * from loads").df() if has_loads else pd.DataFrame(
            columns=["file_name", "checksum", "rows_added", "rows_changed", "loaded_at"])
    finally:
        con.close()
    return tables


def versions_dir(path: Path) -> Path:
    """The folder that holds the versions an import publishes for ``path``: its own folder, so the
    clean-up can never match a file of someone else's (a backup named like a version, say)."""
    path = Path(path)
    return path.with_name(f"{path.stem}.versions")


def publish(path: Path, companies: pd.DataFrame, company_years: pd.DataFrame, nominations: pd.DataFrame,
            meta: dict[str, str], loads: pd.DataFrame | None = None, keep: int = 2) -> Path:
    """Build a new version of the database and atomically point ``path`` at it.

    Versions live in ``versions_dir(path)`` as ``<stem>.<timestamp>.duckdb``, and ``path`` becomes a
    symbolic link to the newest. A server reading the old version goes on undisturbed and switches
    on its next query (``db.Database``); a failed build leaves ``path`` and its folder as they were.
    Of the versions this function made, all but the newest ``keep`` are removed; nothing else in
    that folder, and nothing outside it, is touched.
    """
    path = Path(path)
    folder = versions_dir(path)
    created = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
    version = folder / f"{path.stem}.{stamp}{path.suffix}"
    link = path.with_name(f".{path.name}.{os.getpid()}.link")
    try:
        build_database(version, companies, company_years, nominations, meta, loads)
        link.unlink(missing_ok=True)
        os.symlink(os.path.join(folder.name, version.name), link)
        os.replace(link, path)
    except BaseException:
        version.unlink(missing_ok=True)
        link.unlink(missing_ok=True)
        if created:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    own = re.compile(rf"{re.escape(path.stem)}\.\d{{8}}T\d{{12}}{re.escape(path.suffix)}")
    versions = sorted(p for p in folder.iterdir() if own.fullmatch(p.name) and p.is_file() and not p.is_symlink())
    for old in versions[:-keep]:
        if old != version:
            old.unlink(missing_ok=True)
    return version
