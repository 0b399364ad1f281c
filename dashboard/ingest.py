"""Import nominee submissions: check every row of every file first, then load them as one, atomically.

    python -m dashboard.ingest FILE... [--db PATH] [--sheet NAME] [--dry-run]
    python -m dashboard.ingest --template DIR

Files are CSV (comma or semicolon separated; UTF-8 with or without a byte-order mark, or
Windows-1252; decimal comma or point) or Excel ``.xlsx``, in the template's columns. How a file is
read (its shape, encoding, numbers) is ``dashboard.sheets``; what the values must be is here.

The files of one command are one input: an organisation and year may appear once across all of
them, and an organisation has one name, county, sector and founding year across all of them. Every
problem is reported as ``FILE:ROW: column: reason`` and nothing is written (exit status 1).

A valid input is merged into the database (an upsert on organisation number and year; re-importing
a file changes nothing) and published as a new version (``warehouse.publish``), under a lock, so two
imports at once run one after the other and neither is lost. A column left out of a file keeps the
stored values (``founded``, and the nomination columns). Each load is recorded in ``loads``.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import io
import os
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import duckdb
import pandas as pd

from dashboard import dimensions, sheets, state, years
from dashboard.config import Config
from dashboard.kpis import MEASURES
from dashboard.sheets import Cell, Reading, SheetError
from dashboard.warehouse import SCHEMA_VERSION, org_nr_is_valid, publish, read_tables

IDENTITY = ("org_nr", "name", "county", "sector", "founded", "year")
NOMINATION = ("prize", "status", "published_on")
OWNERSHIP = dimensions.OWNERSHIP
PRIZES = state.PRIZES[1:]  # the filter's first choice ("any") is no prize of its own
STATUSES = state.STATUSES[1:]  # nor is "all" a status
COLUMNS = (*IDENTITY, *(m.id for m in MEASURES), *NOMINATION, "ownership")
OPTIONAL = ("founded", *NOMINATION, "ownership")  # left out of a file, they keep the stored values
REQUIRED = tuple(c for c in COLUMNS if c not in OPTIONAL)
UNITS = {"org_nr": "9 digits", "name": "text", "county": "2024 code", "sector": "NACE 10-33",
         "founded": "year", "year": f"{years.EARLIEST}-{years.latest()}", "prize": "/".join(PRIZES),
         "status": "/".join(STATUSES), "published_on": "YYYY-MM-DD or empty (not yet public)",
         "ownership": "/".join(OWNERSHIP),
         **{m.id: m.unit for m in MEASURES}}
EXAMPLE = {"org_nr": "910000004", "name": "Eksempel Mek AS", "county": "46", "sector": "25",
           "founded": "1987", "year": str(years.latest() - 2), "fte": "84,5", "turnover_mnok": "310",
           "value_added_mnok": "112", "wage_costs_mnok": "58", "export_mnok": "140", "rnd_mnok": "4,2",
           "energy_mwh": "2100", "renewable_share_pct": "92", "scope1_t": "180", "scope2_t": "25", "robots": "9",
           "automation_pct": "48", "material_utilisation_pct": "91", "scrap_rate_pct": "3,1",
           "recycled_input_pct": "22", "training_hours": "2300", "lost_time_injuries": "1",
           "hours_worked": "139000", "prize": "main", "status": "nominated", "published_on": "",
           "ownership": "norwegian"}
# Pre-2024 county codes that map to one 2024 county (docs/domain.md); 30, 38 and 54 do not.
OLD_COUNTIES = {"01": "31", "02": "32", "06": "33", "04": "34", "05": "34", "07": "39", "08": "40",
                "09": "42", "10": "42", "12": "46", "14": "46", "16": "50", "17": "50", "19": "55", "20": "56"}
SPLIT_COUNTIES = {"30": ("Viken", "31, 32 and 33"), "38": ("Vestfold og Telemark", "39 and 40"),
                  "54": ("Troms og Finnmark", "55 and 56")}
FORMULA_START = ("=", "+", "-", "@")
MAX_SHARE = {m.id: m.max_value for m in MEASURES if m.max_value is not None}
INTEGER = {m.id for m in MEASURES if m.integer}
INT_MAX = 2**31 - 1  # the largest value of an integer column in the database
MAX_AMOUNT = 1e12  # no measure of one company comes near this; more is a slip (or an attack)
NUMERIC = ("sector", "founded", "year", *(m.id for m in MEASURES))
SHARES = {m.id for m in MEASURES if m.unit == "%"}
LOCK_WAIT = 600.0  # seconds a second import waits for the first before it gives up


@dataclass
class Parsed:
    """One file's valid rows (each with its line), the columns it has, or its errors."""

    name: str
    checksum: str
    rows: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    columns: tuple[str, ...] = ()


class CellError(ValueError):
    pass


def parse(path: Path, sheet: str | None = None) -> Parsed:
    """Read and check one file completely; nothing is written."""
    name = path.name
    data = path.read_bytes()
    result = Parsed(name, hashlib.sha256(data).hexdigest())

    def error(line: int, column: str, reason: str) -> None:
        result.errors.append(f"{name}:{line}: {column}: {reason}")

    if not data.strip():
        error(1, "file", "no rows (the file is empty)")
        return result
    try:
        table = sheets.read(path, data, sheet)
    except SheetError as exc:
        error(exc.line, exc.column, exc.reason)
        return result
    for exc in table.errors:
        error(exc.line, exc.column, exc.reason)
    for column in table.header:
        if column and column not in COLUMNS:
            error(table.header_line, column, "unknown column")
    for column in REQUIRED:
        if column not in table.header:
            error(table.header_line, column, "required column missing")
    if any(f":{table.header_line}: " in e for e in result.errors):
        return result
    result.columns = tuple(c for c in COLUMNS if c in table.header)
    position = {c: table.header.index(c) for c in result.columns}
    rows = [(line, {c: cells[i] for c, i in position.items()}) for line, cells in table.rows]

    # First pass: every number as written, and the decimal mark the file settles on (if any).
    readings: dict[tuple[int, str], Reading | None] = {}  # a number that cannot be read is missing
    file_mark: tuple[str, str] | None = None
    for line, cell in rows:
        for column in NUMERIC:
            if column not in cell:
                continue
            try:
                reading = sheets.parse_number(cell[column], percent_allowed=column in SHARES)
            except ValueError as exc:
                error(line, column, str(exc))
                continue
            readings[(line, column)] = reading
            if reading and reading.decisive and file_mark is None:
                file_mark = (reading.mark, f"line {line}, {column} {reading.text!r},")

    # Second pass: every value checked, numbers read with the file's decimal mark.
    for line, cell in rows:
        row: dict[str, object] = {"line": line}
        bad = False
        for column, check in CHECKS:
            if column not in cell:
                row[column] = None
                continue
            try:
                if column not in NUMERIC:
                    row[column] = check(cell[column])
                elif (line, column) not in readings:
                    bad = True  # already reported
                else:
                    reading = readings[(line, column)]
                    row[column] = check(None if reading is None else sheets.decide(reading, file_mark))
            except (CellError, ValueError) as exc:
                error(line, column, str(exc))
                bad = True
        if bad:
            continue
        for part, limit in (("value_added_mnok", "value added"), ("export_mnok", "exports")):
            if row[part] is not None and row["turnover_mnok"] is not None and row[part] > row["turnover_mnok"]:
                error(line, part, f"{limit} ({_show(row[part])}) above turnover ({_show(row['turnover_mnok'])})")
                bad = True
        if row["founded"] is not None and row["founded"] > row["year"]:
            error(line, "founded", f"{row['founded']} is after the year reported ({row['year']})")
            bad = True
        if (row["prize"] is None) != (row["status"] is None):
            error(line, "prize" if row["prize"] is None else "status", "prize and status go together")
            bad = True
        if not bad:
            result.rows.append(row)
    if not result.rows and not result.errors:
        error(table.header_line, "file", "no data rows")
    return result


def check_together(files: list[Parsed]) -> list[str]:
    """Conflicts across the rows of all files of one command (and within each file): the same
    organisation and year twice, or two names, counties, sectors or founding years for one
    organisation."""
    errors: list[str] = []
    seen: dict[tuple[str, int], tuple[str, int]] = {}
    first: dict[str, dict[str, tuple[object, str, int]]] = {}

    def where(here: str, there: tuple[str, int]) -> str:
        return f"line {there[1]}" if there[0] == here else f"{there[0]} line {there[1]}"

    for f in files:
        kept = []
        for row in f.rows:
            line, bad = row["line"], False
            key = (row["org_nr"], row["year"])
            if key in seen:
                errors.append(f"{f.name}:{line}: org_nr: same organisation and year as {where(f.name, seen[key])}")
                bad = True
            seen.setdefault(key, (f.name, line))
            known = first.setdefault(row["org_nr"], {})
            for column in ("name", "county", "sector", "founded", "ownership"):
                if row[column] is None:
                    continue
                value, fname, fline = known.setdefault(column, (row[column], f.name, line))
                if value != row[column]:
                    errors.append(f"{f.name}:{line}: {column}: {_show(row[column])!r} differs from "
                                  f"{_show(value)!r} for the same organisation at {where(f.name, (fname, fline))}")
                    bad = True
            if not bad:
                kept.append(row)
        f.rows = kept
    return errors


def _show(value: object) -> str:
    """A number as a person writes it: 3000000000, 12.5, 25.0000000001 (not 3e+09 or 25)."""
    if isinstance(value, float):
        if abs(value) >= 1e16:
            return f"{value:g}"
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _required(value: object) -> object:
    if value is None:
        raise CellError("required")
    return value


def _whole(value: float | None, low: int, high: int, what: str) -> int | None:
    if value is None:
        return None
    if not float(value).is_integer() or not low <= value <= high:
        raise CellError(f"{what} must be a whole number from {low} to {high}, not {_show(value)}")
    return int(value)


def _cell_text(cell: Cell) -> str:
    return cell.text.strip()


def _county(cell: Cell) -> str:
    code = _cell_text(cell)
    if not code:
        raise CellError("required")
    code = code.zfill(2) if code.isdigit() and len(code) == 1 else code
    if code in dimensions.counties().index:
        return code
    if code in OLD_COUNTIES:
        return OLD_COUNTIES[code]
    if code in SPLIT_COUNTIES:
        name, parts = SPLIT_COUNTIES[code]
        raise CellError(f"pre-2024 code {code} ({name}) was split into {parts}; give the 2024 code "
                        "(it cannot be placed without the municipality)")
    raise CellError(f"unknown county code {code!r}")


# Characters that print as nothing (zero-width spaces and joiners, a stray byte-order mark)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPREADSHEET_ERROR = re.compile(r"#(NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A|SPILL!|CALC!|GETTING_DATA)",
                                re.IGNORECASE)


def _name(cell: Cell) -> str:
    """A company name as text: one form of each letter (NFC), single spaces, nothing invisible."""
    if isinstance(cell.value, (bool, datetime, date)):
        raise CellError(f"not text but {'a date' if not isinstance(cell.value, bool) else 'TRUE/FALSE'} "
                        f"({cell.text})")
    value = " ".join(unicodedata.normalize("NFC", _cell_text(cell)).translate(_INVISIBLE).split())
    if not value:
        raise CellError("required")
    control = next((ch for ch in value if unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs")), None)
    if control is not None:
        raise CellError(f"holds an invisible control character (U+{ord(control):04X})")
    if _SPREADSHEET_ERROR.fullmatch(value):
        raise CellError(f"a spreadsheet error value ({value}), not a name")
    if value.startswith(FORMULA_START):
        raise CellError(f"begins with {value[0]!r}, which a spreadsheet would run as a formula")
    return value


_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _date(cell: Cell) -> date | None:
    value = cell.value
    if isinstance(value, datetime):
        if value.time() != datetime.min.time():
            raise CellError(f"a date without a time of day, not {value.isoformat(sep=' ')}")
        value = value.date()
    if isinstance(value, date):
        if not years.EARLIEST <= value.year <= years.latest():
            raise CellError(f"a date from {years.EARLIEST} to {years.latest()}, not {value.isoformat()}")
        return value
    text = _cell_text(cell)
    if not text:
        return None
    m = _DATE.fullmatch(text)
    if not m:
        raise CellError(f"not a date written YYYY-MM-DD: {text!r}")
    try:
        day = date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise CellError(f"no such day: {text!r}") from None
    if not years.EARLIEST <= day.year <= years.latest():
        raise CellError(f"a date from {years.EARLIEST} to {years.latest()}, not {text}")
    return day


def _org_nr(cell: Cell) -> str:
    text = _cell_text(cell)
    value = text.replace(" ", "")
    if not value:
        raise CellError("required")
    if not org_nr_is_valid(value):
        raise CellError(f"{text!r} is not a valid organisation number (9 digits, modulus-11 check digit)")
    return value


def _sector(value: float | None) -> int:
    code = _required(_whole(value, 10, 33, "the NACE division"))
    if code not in dimensions.sectors().index:
        raise CellError(f"unknown NACE division {code}")
    return code


def _choice(allowed: tuple[str, ...]) -> Callable[[Cell], str | None]:
    def check(cell: Cell) -> str | None:
        value = _cell_text(cell).lower()
        if not value:
            return None
        if value not in allowed:
            raise CellError(f"{_cell_text(cell)!r} is not one of {', '.join(allowed)}")
        return value
    return check


def _measure_check(column: str) -> Callable[[float | None], float | None]:
    def check(value: float | None) -> float | None:
        if value is None:
            return None
        if value < 0:
            raise CellError(f"negative ({_show(value)}); amounts and counts cannot be below 0")
        if column in MAX_SHARE and value > MAX_SHARE[column]:
            raise CellError(f"a share from 0 to 100, not {_show(value)}")
        if column in INTEGER:
            if not value.is_integer():
                raise CellError(f"a whole number, not {_show(value)}")
            if value > INT_MAX:
                raise CellError(f"{_show(value)} is above the largest count this column holds ({INT_MAX})")
        if value > MAX_AMOUNT:
            raise CellError(f"{_show(value)} is above {MAX_AMOUNT:.0e}, more than any one company reports")
        return value
    return check


# (column, check): text columns get the Cell, numeric ones (NUMERIC) the number read from it
CHECKS: list[tuple[str, Callable]] = [
    ("org_nr", _org_nr), ("name", _name), ("county", _county), ("sector", _sector),
    ("founded", lambda v: _whole(v, years.FOUNDED_EARLIEST, years.latest(), "a year")),
    ("year", lambda v: _required(_whole(v, years.EARLIEST, years.latest(), "the year"))),
    ("prize", _choice(PRIZES)),
    ("status", _choice(STATUSES)),
    ("published_on", _date),
    ("ownership", _choice(OWNERSHIP)),
    *[(m.id, _measure_check(m.id)) for m in MEASURES],
]


def merge(existing: dict[str, pd.DataFrame], files: list[Parsed]) -> tuple[dict[str, pd.DataFrame], list[dict], list[str]]:
    """The base tables with every file's rows upserted, one load record per file, and what the
    input changes about companies already stored (a new name, county, sector or founding year)."""
    measure_ids = [m.id for m in MEASURES]
    companies = existing["companies"].copy()
    years_ = existing["company_years"]
    nominations = existing["nominations"]
    loads, updates = [], []
    if "ownership" not in companies:  # a database from before ownership was reported
        companies["ownership"] = None
    stored = companies.set_index("org_nr")
    for f in files:
        rows = pd.DataFrame(f.rows)
        incoming = rows[["org_nr", "year", *measure_ids]].astype({"year": int})
        known = years_.assign(year=years_["year"].astype(int)).merge(
            incoming, on=["org_nr", "year"], how="inner", suffixes=("_old", ""))
        same = pd.Series(True, index=known.index)
        for m in measure_ids:
            old, new = pd.to_numeric(known[f"{m}_old"]), pd.to_numeric(known[m])
            same &= (old == new) | (old.isna() & new.isna())
        loads.append({"file_name": f.name, "checksum": f.checksum, "rows_added": len(incoming) - len(known),
                      "rows_changed": int((~same).sum()),
                      "loaded_at": datetime.now(timezone.utc).replace(tzinfo=None)})
        # one record per organisation: the name, county and sector (the same on every row, see
        # check_together) and the founding year from any row that gives it, else the stored one
        who = rows.rename(columns={"county": "county_code", "sector": "sector_code"}).groupby(
            "org_nr", sort=False)[["name", "county_code", "sector_code", "founded", "ownership"]].first()
        who["sector_code"] = who["sector_code"].astype(int)
        old = stored.reindex(who.index)
        who["founded"] = pd.to_numeric(who["founded"]).astype("Int64").fillna(
            pd.to_numeric(old["founded"]).astype("Int64"))
        # a file without ownership (or a blank cell) keeps the stored one
        who["ownership"] = who["ownership"].where(who["ownership"].notna(), old["ownership"])
        for column in ("name", "county_code", "sector_code", "founded", "ownership"):
            if column in ("sector_code", "founded"):
                before, after = pd.to_numeric(old[column]), pd.to_numeric(who[column])
            else:
                before, after = old[column].astype(str), who[column].astype(str)
            changed = (old[column].notna() & who[column].notna() & (before != after)).fillna(False)
            for org in who.index[changed.to_numpy()]:
                updates.append(f"{f.name}: {org}: {column.removesuffix('_code')} updated from "
                               f"{_show(old.at[org, column])!r} to {_show(who.at[org, column])!r}")
        stored = pd.concat([stored.drop(index=who.index, errors="ignore"), who])
        keys = set(zip(incoming["org_nr"], incoming["year"]))
        kept = [k not in keys for k in zip(years_["org_nr"], years_["year"].astype(int))]
        years_ = pd.concat([years_[kept], incoming], ignore_index=True)
        nominated = rows[rows["prize"].notna()][["year", "org_nr", "prize", "status", "published_on"]]
        if "published_on" not in f.columns:  # the file does not say: keep the stored publish dates
            before = nominations[["year", "org_nr", "prize", "published_on"]].astype({"year": int})
            nominated = nominated.drop(columns="published_on").astype({"year": int}).merge(
                before, on=["year", "org_nr", "prize"], how="left")
        nominations = pd.concat([nominations, nominated], ignore_index=True).drop_duplicates(
            ["year", "org_nr", "prize"], keep="last")
    companies = stored.reset_index()
    for column in ("robots", "lost_time_injuries"):
        years_[column] = pd.to_numeric(years_[column]).round().astype("Int64")
    for column in measure_ids:
        if column not in ("robots", "lost_time_injuries"):
            years_[column] = pd.to_numeric(years_[column]).astype(float)
    years_["year"] = years_["year"].astype(int)
    companies["founded"] = pd.to_numeric(companies["founded"]).astype("Int64")
    companies["sector_code"] = companies["sector_code"].astype(int)
    nominations["year"] = nominations["year"].astype(int)
    return {"companies": companies, "company_years": years_, "nominations": nominations}, loads, updates


EMPTY = {"companies": ["org_nr", "name", "county_code", "sector_code", "founded", "ownership"],
         "company_years": ["org_nr", "year", *[m.id for m in MEASURES]],
         "nominations": ["year", "org_nr", "prize", "status", "published_on"],
         "meta": ["key", "value"],
         "loads": ["file_name", "checksum", "rows_added", "rows_changed", "loaded_at"]}


def lock_path(db: Path) -> Path:
    """The import lock file of ``db``: beside its own path, never beside what that path links to.

    The first import turns a plain database file into a link into ``<stem>.versions/``; a lock
    that followed the link would move with it, and an import started before the switch and one
    started after it would not block each other."""
    db = Path(db).absolute()
    return db.parent / f".{db.name}.lock"


@contextmanager
def import_lock(db: Path, wait: float = LOCK_WAIT, err=sys.stderr) -> Iterator[None]:
    """Hold the import lock of ``db``: a second import waits for the first.

    The lock is an flock on ``lock_path(db)``, a small file left in place (removing it would let
    an import that opened the old file and one that created a new one both hold "the" lock); the
    kernel releases it if an import dies."""
    path = lock_path(db)
    path.parent.mkdir(parents=True, exist_ok=True)  # a first import creates the folder anyway
    lock = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline, told = time.monotonic() + wait, False
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"another import into {db} has run for over {wait:.0f} s")
                if not told:
                    print(f"waiting for another import into {db} to finish ...", file=err)
                    told = True
                time.sleep(0.1)
        yield
    finally:
        os.close(lock)  # closing the descriptor releases the lock


def load(files: list[Path], db: Path, dry_run: bool = False, out=sys.stdout, err=sys.stderr,
         sheet: str | None = None) -> int:
    """Check ``files`` as one input and import them into ``db``; 0 on success, 1 if refused."""
    parsed = [parse(f, sheet) for f in files]
    errors = [e for p in parsed for e in p.errors]
    errors += check_together(parsed)
    if errors:
        print("\n".join(errors), file=err)
        print(f"{len(errors)} problem(s); nothing was imported.", file=err)
        return 1
    try:
        if dry_run:
            return _merge_and_publish(parsed, db, True, out)
        with import_lock(db, err=err):
            return _merge_and_publish(parsed, db, False, out)
    except (duckdb.Error, OSError, TimeoutError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        print(f"{db}:0: database: {reason}", file=err)
        print("nothing was imported.", file=err)
        return 1


def _merge_and_publish(parsed: list[Parsed], db: Path, dry_run: bool, out) -> int:
    existing = read_tables(db) if db.exists() else {k: pd.DataFrame(columns=v) for k, v in EMPTY.items()}
    tables, loads, updates = merge(existing, parsed)
    for record in loads:
        print(f"{record['file_name']}: {record['rows_added']} row(s) added, {record['rows_changed']} changed"
              + (" (dry run: nothing written)" if dry_run else ""), file=out)
    for line in updates:
        print(line, file=out)
    for f in parsed:
        left_out = [c for c in OPTIONAL if c not in f.columns]
        if left_out:
            print(f"{f.name}: not in the file, so the stored values are kept: {', '.join(left_out)}", file=out)
    if dry_run:
        return 0
    meta = dict(zip(existing["meta"]["key"], existing["meta"]["value"]))
    meta = {k: v for k, v in meta.items() if k not in ("built_at", "schema_version")}
    meta["source"] = meta.get("source") or "import"
    meta["last_import"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    history = pd.concat([existing["loads"], pd.DataFrame(loads)], ignore_index=True)
    publish(db, tables["companies"], tables["company_years"], tables["nominations"], meta, history)
    print(f"imported into {db} (schema {SCHEMA_VERSION})", file=out)
    return 0


def template_frame() -> pd.DataFrame:
    """The template: the column names, a comment row of units and a commented-out example row."""
    units = {c: UNITS[c] for c in COLUMNS}
    units["org_nr"] = "# unit: " + units["org_nr"]
    example = dict(EXAMPLE)
    example["org_nr"] = "# example: " + example["org_nr"]
    return pd.DataFrame([units, example], columns=list(COLUMNS))


def template_csv() -> bytes:
    return ("\ufeff" + template_frame().to_csv(index=False, sep=";", lineterminator="\r\n")).encode("utf-8")


def template_xlsx() -> bytes:
    buffer = io.BytesIO()
    template_frame().to_excel(buffer, index=False, sheet_name="submissions")
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--db", type=Path, default=None, help="the DuckDB file (default: DASHBOARD_DB)")
    parser.add_argument("--dry-run", action="store_true", help="validate and report, write nothing")
    parser.add_argument("--sheet", help="the sheet to read in a workbook with data on more than one")
    parser.add_argument("--template", type=Path, metavar="DIR", help="write template.csv and template.xlsx")
    args = parser.parse_args(argv)
    if args.template:
        args.template.mkdir(parents=True, exist_ok=True)
        (args.template / "template.csv").write_bytes(template_csv())
        (args.template / "template.xlsx").write_bytes(template_xlsx())
        print(f"wrote {args.template / 'template.csv'} and {args.template / 'template.xlsx'}")
        return 0
    if not args.files:
        parser.error("give one or more files to import, or --template DIR")
    missing = [f for f in args.files if not f.is_file()]
    if missing:
        for f in missing:
            print(f"{f}:0: file: no such file", file=sys.stderr)
        return 1
    return load(args.files, args.db or Config.from_env().db_path, args.dry_run, sheet=args.sheet)


if __name__ == "__main__":
    raise SystemExit(main())
