"""Import nominee submissions: validate every row of every file first, then load them atomically.

    python -m dashboard.ingest FILE... [--db PATH] [--dry-run]
    python -m dashboard.ingest --template DIR

Files are CSV (comma or semicolon separated; UTF-8 with or without a byte-order mark, or
Windows-1252; decimal comma or point) or Excel ``.xlsx``, in the template's columns. Every problem
is reported as ``FILE:ROW: column: reason`` and nothing is written (exit status 1). A valid input
is merged into the database (an upsert on organisation number and year; re-importing a file changes
nothing), written as a new file and swapped in atomically (``warehouse.publish``), so a running app
keeps serving and picks up the new data on its next query. Each load is recorded in ``loads``.

Numbers: a comma is a decimal comma (``12,5``), spaces may group thousands (``1 234,5``); a number
with both a comma and a point is refused as ambiguous. Lines whose first cell begins with ``#``
are comments (the template's units and example rows).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import math
import sys
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from dashboard import dimensions
from dashboard.config import Config
from dashboard.kpis import MEASURES
from dashboard.warehouse import SCHEMA_VERSION, org_nr_is_valid, publish, read_tables

IDENTITY = ("org_nr", "name", "county", "sector", "founded", "year")
NOMINATION = ("prize", "status", "published_on")
COLUMNS = (*IDENTITY, *(m.id for m in MEASURES), *NOMINATION)
OPTIONAL = ("founded", *NOMINATION)
REQUIRED = tuple(c for c in COLUMNS if c not in OPTIONAL)
UNITS = {"org_nr": "9 digits", "name": "text", "county": "2024 code", "sector": "NACE 10-33",
         "founded": "year", "year": "2014-2025", "prize": "main/special",
         "status": "nominated/finalist/winner", "published_on": "YYYY-MM-DD or empty (not yet public)",
         **{m.id: m.unit for m in MEASURES}}
EXAMPLE = {"org_nr": "910000004", "name": "Eksempel Mek AS", "county": "46", "sector": "25",
           "founded": "1987", "year": "2025", "fte": "84,5", "turnover_mnok": "310", "value_added_mnok": "112",
           "wage_costs_mnok": "58", "export_mnok": "140", "rnd_mnok": "4,2", "energy_mwh": "2100",
           "renewable_share_pct": "92", "scope1_t": "180", "scope2_t": "25", "robots": "9",
           "automation_pct": "48", "material_utilisation_pct": "91", "scrap_rate_pct": "3,1",
           "recycled_input_pct": "22", "training_hours": "2300", "lost_time_injuries": "1",
           "hours_worked": "139000", "prize": "main", "status": "nominated", "published_on": ""}
# Pre-2024 county codes that map to one 2024 county (shared/domain.md); 30, 38 and 54 do not.
OLD_COUNTIES = {"01": "31", "02": "32", "06": "33", "04": "34", "05": "34", "07": "39", "08": "40",
                "09": "42", "10": "42", "12": "46", "14": "46", "16": "50", "17": "50", "19": "55", "20": "56"}
SPLIT_COUNTIES = {"30": ("Viken", "31, 32 and 33"), "38": ("Vestfold og Telemark", "39 and 40"),
                  "54": ("Troms og Finnmark", "55 and 56")}
FORMULA_START = ("=", "+", "-", "@")
MAX_SHARE = {m.id: m.max_value for m in MEASURES if m.max_value is not None}
INTEGER = {m.id for m in MEASURES if m.integer}


@dataclass
class Parsed:
    """One file's valid rows, or its errors."""

    name: str
    checksum: str
    rows: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class CellError(ValueError):
    pass


def _number(text: str) -> float | None:
    t = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if t == "":
        return None
    if "," in t and "." in t or t.count(",") > 1:
        raise CellError(f"ambiguous number {text.strip()!r}: use one decimal comma or point and no "
                        "thousands separator but spaces")
    try:
        value = float(t.replace(",", "."))
    except ValueError:
        raise CellError(f"not a number: {text.strip()!r}") from None
    if not math.isfinite(value):
        raise CellError(f"not a finite number: {text.strip()!r}")
    return value


def _whole(text: str, low: int, high: int, what: str) -> int | None:
    value = _number(text)
    if value is None:
        return None
    if not value.is_integer() or not low <= value <= high:
        raise CellError(f"{what} must be a whole number from {low} to {high}, not {text.strip()!r}")
    return int(value)


def _county(text: str) -> str:
    code = text.strip()
    code = code.zfill(2) if code.isdigit() and len(code) == 1 else code
    if code in dimensions.counties().index:
        return code
    if code in OLD_COUNTIES:
        return OLD_COUNTIES[code]
    if code in SPLIT_COUNTIES:
        name, parts = SPLIT_COUNTIES[code]
        raise CellError(f"pre-2024 code {code} ({name}) was split into {parts}; give the 2024 code "
                        "(it cannot be placed without the municipality)")
    raise CellError(f"unknown county code {text.strip()!r}")


def _text(text: str, column: str) -> str:
    value = text.strip()
    if not value:
        raise CellError("required")
    if value.startswith(FORMULA_START):
        raise CellError(f"begins with {value[0]!r}, which a spreadsheet would run as a formula")
    return value


def _decode(data: bytes) -> str:
    if b"\x00" in data:
        raise CellError("not text in UTF-8 or Windows-1252 (it has NUL bytes: UTF-16 or a binary file?)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise CellError(f"not text in UTF-8 or Windows-1252 (byte {exc.start})") from None


def _table(path: Path, data: bytes) -> list[tuple[int, list[str]]]:
    """The file's lines as (line number, cells), header first."""
    if data[:2] == b"PK" or path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        out = []
        for n, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            out.append((n, ["" if v is None else (str(int(v)) if isinstance(v, float) and v.is_integer()
                                                   else str(v)) for v in row]))
        return out
    text = _decode(data)
    first = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text), delimiter=";" if first.count(";") > first.count(",") else ",")
    out = []
    for cells in reader:
        out.append((reader.line_num, cells))
    return out


def parse(path: Path) -> Parsed:
    """Read and validate one file completely; nothing is written."""
    name = path.name
    data = path.read_bytes()
    result = Parsed(name, hashlib.sha256(data).hexdigest())

    def error(line: int, column: str, reason: str) -> None:
        result.errors.append(f"{name}:{line}: {column}: {reason}")

    if not data.strip():
        error(1, "file", "empty file")
        return result
    try:
        lines = _table(path, data)
    except CellError as exc:
        error(1, "file", str(exc))
        return result
    except Exception as exc:  # a damaged .xlsx: say so, do not crash
        error(1, "file", f"cannot be read as CSV or .xlsx ({type(exc).__name__})")
        return result
    header_line, header = lines[0]
    header = [h.strip().lower().lstrip("\ufeff") for h in header]
    for column in header:
        if column and column not in COLUMNS:
            error(header_line, column, "unknown column")
    for column in REQUIRED:
        if column not in header:
            error(header_line, column, "required column missing")
    if result.errors:
        return result
    position = {c: header.index(c) for c in COLUMNS if c in header}
    seen: dict[tuple[str, int], int] = {}
    companies: dict[str, tuple[int, str, str, int]] = {}
    for line, cells in lines[1:]:
        if not any(c.strip() for c in cells) or (cells and cells[0].strip().startswith("#")):
            continue
        cell = {c: (cells[i] if i < len(cells) else "") for c, i in position.items()}
        row: dict[str, object] = {"line": line}
        bad = False
        for column, check in CHECKS:
            if column not in cell:
                row[column] = None
                continue
            try:
                row[column] = check(cell[column])
            except CellError as exc:
                error(line, column, str(exc))
                bad = True
        if bad:
            continue
        for part, limit in (("value_added_mnok", "value added"), ("export_mnok", "exports")):
            if row[part] is not None and row["turnover_mnok"] is not None and row[part] > row["turnover_mnok"]:
                error(line, part, f"{limit} ({_show(row[part])}) above turnover ({_show(row['turnover_mnok'])})")
                bad = True
        if (row["prize"] is None) != (row["status"] is None):
            error(line, "prize" if row["prize"] is None else "status", "prize and status go together")
            bad = True
        key = (row["org_nr"], row["year"])
        if key in seen:
            error(line, "org_nr", f"same organisation and year as line {seen[key]}")
            bad = True
        seen.setdefault(key, line)
        who = (line, row["name"], row["county"], row["sector"])
        first = companies.setdefault(row["org_nr"], who)
        for index, column in ((1, "name"), (2, "county"), (3, "sector")):
            if first[index] != who[index]:
                error(line, column, f"differs from line {first[0]} for the same organisation")
                bad = True
        if not bad:
            result.rows.append(row)
    if not result.rows and not result.errors:
        error(header_line, "file", "no data rows")
    return result


def _show(value: float) -> str:
    return f"{value:g}"


def _required(value: object) -> object:
    if value is None:
        raise CellError("required")
    return value


def _date(text: str):
    value = text.strip()
    if not value:
        return None
    try:
        return datetime.strptime(value[:10], "%Y-%m-%d").date()
    except ValueError:
        raise CellError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _org_nr(text: str) -> str:
    value = text.strip().replace(" ", "")
    if not value:
        raise CellError("required")
    if not org_nr_is_valid(value):
        raise CellError(f"{text.strip()!r} is not a valid organisation number (9 digits, modulus-11 check digit)")
    return value


def _sector(text: str) -> int:
    value = _required(_whole(text, 10, 33, "the NACE division"))
    if value not in dimensions.sectors().index:
        raise CellError(f"unknown NACE division {value}")
    return value


def _choice(text: str, allowed: tuple[str, ...]) -> str | None:
    value = text.strip().lower()
    if not value:
        return None
    if value not in allowed:
        raise CellError(f"{text.strip()!r} is not one of {', '.join(allowed)}")
    return value


def _measure_check(column: str):
    def check(text: str) -> float | None:
        value = _number(text)
        if value is None:
            return None
        if value < 0:
            raise CellError(f"negative ({_show(value)}); amounts and counts cannot be below 0")
        if column in MAX_SHARE and value > MAX_SHARE[column]:
            raise CellError(f"a share from 0 to 100, not {_show(value)}")
        if column in INTEGER and not value.is_integer():
            raise CellError(f"a whole number, not {_show(value)}")
        return value
    return check


CHECKS = [
    ("org_nr", _org_nr), ("name", lambda v: _text(v, "name")), ("county", _county), ("sector", _sector),
    ("founded", lambda v: _whole(v, 1800, 2100, "a year")),
    ("year", lambda v: _required(_whole(v, 2014, 2025, "the year"))),
    ("prize", lambda v: _choice(v, ("main", "special"))),
    ("status", lambda v: _choice(v, ("nominated", "finalist", "winner"))),
    ("published_on", lambda v: _date(v)),
    *[(m.id, _measure_check(m.id)) for m in MEASURES],
]


def merge(existing: dict[str, pd.DataFrame], files: list[Parsed]) -> tuple[dict[str, pd.DataFrame], list[dict]]:
    """The base tables with every file's rows upserted, and one load record per file."""
    measure_ids = [m.id for m in MEASURES]
    companies, years, nominations = existing["companies"], existing["company_years"], existing["nominations"]
    loads = []
    for f in files:
        rows = pd.DataFrame(f.rows)
        incoming = rows[["org_nr", "year", *measure_ids]].astype({"year": int})
        known = years.assign(year=years["year"].astype(int)).merge(
            incoming, on=["org_nr", "year"], how="inner", suffixes=("_old", ""))
        same = pd.Series(True, index=known.index)
        for m in measure_ids:
            old, new = pd.to_numeric(known[f"{m}_old"]), pd.to_numeric(known[m])
            same &= (old == new) | (old.isna() & new.isna())
        loads.append({"file_name": f.name, "checksum": f.checksum, "rows_added": len(incoming) - len(known),
                      "rows_changed": int((~same).sum()),
                      "loaded_at": datetime.now(timezone.utc).replace(tzinfo=None)})
        who = rows.rename(columns={"county": "county_code", "sector": "sector_code"})[
            ["org_nr", "name", "county_code", "sector_code", "founded"]].drop_duplicates("org_nr")
        companies = pd.concat([companies[~companies["org_nr"].isin(who["org_nr"])], who], ignore_index=True)
        keys = set(zip(incoming["org_nr"], incoming["year"]))
        kept = [k not in keys for k in zip(years["org_nr"], years["year"].astype(int))]
        years = pd.concat([years[kept], incoming], ignore_index=True)
        nominated = rows[rows["prize"].notna()][["year", "org_nr", "prize", "status", "published_on"]]
        nominations = pd.concat([nominations, nominated], ignore_index=True).drop_duplicates(
            ["year", "org_nr", "prize"], keep="last")
    for column in ("robots", "lost_time_injuries"):
        years[column] = pd.to_numeric(years[column]).round().astype("Int64")
    for column in measure_ids:
        if column not in ("robots", "lost_time_injuries"):
            years[column] = pd.to_numeric(years[column]).astype(float)
    years["year"] = years["year"].astype(int)
    companies["founded"] = pd.to_numeric(companies["founded"]).astype("Int64")
    companies["sector_code"] = companies["sector_code"].astype(int)
    nominations["year"] = nominations["year"].astype(int)
    return {"companies": companies, "company_years": years, "nominations": nominations}, loads


def load(files: list[Path], db: Path, dry_run: bool = False, out=sys.stdout, err=sys.stderr) -> int:
    parsed = [parse(f) for f in files]
    errors = [e for p in parsed for e in p.errors]
    if errors:
        print("\n".join(errors), file=err)
        print(f"{len(errors)} problem(s); nothing was imported.", file=err)
        return 1
    empty = {"companies": pd.DataFrame(columns=["org_nr", "name", "county_code", "sector_code", "founded"]),
             "company_years": pd.DataFrame(columns=["org_nr", "year", *[m.id for m in MEASURES]]),
             "nominations": pd.DataFrame(columns=["year", "org_nr", "prize", "status", "published_on"]),
             "meta": pd.DataFrame(columns=["key", "value"]),
             "loads": pd.DataFrame(columns=["file_name", "checksum", "rows_added", "rows_changed", "loaded_at"])}
    existing = read_tables(db) if db.exists() else empty
    tables, loads = merge(existing, parsed)
    for record in loads:
        print(f"{record['file_name']}: {record['rows_added']} row(s) added, {record['rows_changed']} changed"
              + (" (dry run: nothing written)" if dry_run else ""), file=out)
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
    return load(args.files, args.db or Config.from_env().db_path, args.dry_run)


if __name__ == "__main__":
    raise SystemExit(main())
