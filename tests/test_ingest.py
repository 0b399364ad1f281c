"""Importing submissions: every bad file is refused with its exact errors and the database left as it
was; good files in every accepted format load, upsert, and are recorded."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import duckdb
import pytest

from dashboard import ingest
from dashboard.ingest import COLUMNS, EXAMPLE
from dashboard.warehouse import build_database
from tests.conftest import tiny_tables

CORPUS = Path(__file__).parent / "ingest_corpus"

BAD = {
    "missing_column.csv": ["missing_column.csv:1: fte: required column missing"],
    "unknown_column.csv": ["unknown_column.csv:1: colour: unknown column"],
    "bad_type.csv": ["bad_type.csv:2: fte: not a number: 'tolv'"],
    "bad_org_nr.csv": ["bad_org_nr.csv:2: org_nr: '910000005' is not a valid organisation number "
                       "(9 digits, modulus-11 check digit)"],
    "unknown_county.csv": ["unknown_county.csv:2: county: unknown county code '99'"],
    "split_county.csv": ["split_county.csv:2: county: pre-2024 code 30 (Viken) was split into 31, 32 and 33; "
                         "give the 2024 code (it cannot be placed without the municipality)"],
    "bad_sector.csv": ["bad_sector.csv:2: sector: the NACE division must be a whole number from 10 to 33, not '45'"],
    "share_out_of_range.csv": ["share_out_of_range.csv:2: renewable_share_pct: a share from 0 to 100, not 120"],
    "negative_amount.csv": ["negative_amount.csv:2: export_mnok: negative (-5); amounts and counts cannot be below 0"],
    "value_added_above_turnover.csv": ["value_added_above_turnover.csv:2: value_added_mnok: value added (400) "
                                       "above turnover (310)"],
    "exports_above_turnover.csv": ["exports_above_turnover.csv:2: export_mnok: exports (311) above turnover (310)"],
    "duplicate_org_year.csv": ["duplicate_org_year.csv:3: org_nr: same organisation and year as line 2"],
    "empty.csv": ["empty.csv:1: file: empty file"],
    "header_only.csv": ["header_only.csv:1: file: no data rows"],
    "utf16.csv": ["utf16.csv:1: file: not text in UTF-8 or Windows-1252 (it has NUL bytes: UTF-16 or a binary file?)"],
    "formula_injection.csv": ["formula_injection.csv:2: name: begins with '=', which a spreadsheet would run as a "
                              "formula"],
    "ambiguous_number.csv": ["ambiguous_number.csv:2: turnover_mnok: ambiguous number '1,234.5': use one decimal "
                             "comma or point and no thousands separator but spaces"],
}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "served.duckdb"
    t = tiny_tables()
    build_database(path, t["companies"], t["company_years"], t["nominations"], {"source": "test"})
    return path


def fingerprint(path: Path) -> tuple[str, str]:
    real = os.path.realpath(path)
    return real, hashlib.sha256(Path(real).read_bytes()).hexdigest()


def run(files: list[Path], db: Path, dry_run: bool = False) -> tuple[int, list[str], str]:
    out, err = io.StringIO(), io.StringIO()
    code = ingest.load(files, db, dry_run, out=out, err=err)
    return code, err.getvalue().splitlines(), out.getvalue()


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file_is_refused_and_nothing_changes(name: str, db: Path) -> None:
    before = fingerprint(db)
    code, errors, _ = run([CORPUS / name], db)
    assert code == 1
    assert errors[:-1] == BAD[name]
    assert errors[-1] == f"{len(BAD[name])} problem(s); nothing was imported."
    assert fingerprint(db) == before


def test_large_file_with_one_bad_row(tmp_path: Path, db: Path) -> None:
    """100,000 rows (generated here: too large to keep in git); row 77,778 has a bad share."""
    lines = [";".join(COLUMNS)]
    org = "910000004"
    for i in range(100_000):
        values = dict(EXAMPLE, org_nr=org, year=str(2014 + i % 12), prize="", status="")
        if i % 12 == 0 and i:
            org = f"{910000000 + i:09d}"
        lines.append(";".join(values[c] for c in COLUMNS))
    big = tmp_path / "big.csv"
    lines[77_777] = lines[77_777].replace(";92;", ";192;")
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = fingerprint(db)
    code, errors, _ = run([big], db)
    assert code == 1
    assert "big.csv:77778: renewable_share_pct: a share from 0 to 100, not 192" in errors
    assert fingerprint(db) == before


def test_good_files_load_and_upsert(db: Path) -> None:
    files = [CORPUS / "good_semicolon_cp1252.csv", CORPUS / "good_comma_utf8_bom.csv"]
    code, errors, out = run(files, db, dry_run=True)
    assert code == 0 and errors == [] and "dry run" in out
    before = fingerprint(db)
    assert fingerprint(db) == before  # a dry run writes nothing
    code, errors, out = run(files, db)
    assert code == 0, errors
    # both organisations and 2025 are in the fixture already: each file changes one row
    assert "good_semicolon_cp1252.csv: 0 row(s) added, 1 changed" in out
    con = duckdb.connect(os.path.realpath(db), read_only=True)
    company = con.execute("select name, county_code, sector_code from companies where org_nr = '910000004'").fetchall()
    fte = con.execute("select fte from company_years where org_nr = '910000004' and year = 2025").fetchall()
    nominated = con.execute("select prize, status from nominations where org_nr = '910000012' and year = 2025 "
                            "order by prize").fetchall()
    loads = con.execute("select file_name, rows_added, rows_changed from loads order by loaded_at").fetchall()
    con.close()
    # 910000004 was "Alfa Mek AS" in Oslo; the file replaces it: old county 12 (Hordaland) -> 46
    assert company == [("Ærlig Østre Åsen AS", "46", 25)]
    assert fte == [(12.5,)]  # "12,5" is twelve and a half, not 125
    assert nominated == [("main", "finalist"), ("special", "finalist")]  # the fixture's, and the file's
    assert loads == [("good_semicolon_cp1252.csv", 0, 1), ("good_comma_utf8_bom.csv", 0, 1)]
    # the same files again change nothing but the history
    code, _, out = run(files, db)
    assert code == 0 and "0 row(s) added, 0 changed" in out


def test_changed_row_is_counted(tmp_path: Path, db: Path) -> None:
    run([CORPUS / "good_semicolon_cp1252.csv"], db)
    changed = tmp_path / "changed.csv"
    changed.write_bytes((CORPUS / "good_semicolon_cp1252.csv").read_bytes().replace(b";12,5;", b";13;"))
    code, _, out = run([changed], db)
    assert code == 0 and "changed.csv: 0 row(s) added, 1 changed" in out


def test_xlsx_template_round_trip(tmp_path: Path, db: Path) -> None:
    from openpyxl import load_workbook

    template = tmp_path / "template.xlsx"
    template.write_bytes(ingest.template_xlsx())
    book = load_workbook(template)
    sheet = book.active
    assert [c.value for c in sheet[1]] == list(COLUMNS)
    assert str(sheet["A2"].value).startswith("# unit") and str(sheet["A3"].value).startswith("# example")
    sheet.append([EXAMPLE[c] if c not in ("fte",) else 50 for c in COLUMNS])
    book.save(template)
    code, errors, out = run([template], db)
    assert code == 0, errors
    assert "template.xlsx: 0 row(s) added, 1 changed" in out  # 910000004 in 2025 is in the fixture


def test_csv_template_parses_as_comments_only(tmp_path: Path) -> None:
    path = tmp_path / "template.csv"
    path.write_bytes(ingest.template_csv())
    assert ingest.parse(path).errors == ["template.csv:1: file: no data rows"]


def test_import_while_serving(tmp_path: Path, demo_db_path: Path) -> None:
    """A running app (`make serve`) keeps answering while a file is imported, and then shows it."""
    import shutil
    import threading
    import time

    import requests

    from tests.test_serve import serve, stop

    db = tmp_path / "served.duckdb"
    shutil.copy(demo_db_path, db)
    server, url = serve(db, tmp_path / "serve.log")
    try:
        table = _table_request()
        failures, answers, finished = [], [], threading.Event()

        def hammer() -> None:
            while not finished.is_set():
                for path, payload in (("/_dash-update-component", table), ("/_dash-layout", None)):
                    r = requests.post(url + path, json=payload, timeout=10) if payload else requests.get(url + path)
                    answers.append(r.status_code)
                    if r.status_code != 200:
                        failures.append((path, r.status_code, r.text[:200]))

        threads = [threading.Thread(target=hammer) for _ in range(3)]
        for t in threads:
            t.start()
        time.sleep(0.5)
        new = tmp_path / "new.csv"
        new.write_bytes((CORPUS / "good_comma_utf8_bom.csv").read_bytes()
                        .replace(b"910000012", b"910000098").replace(b"Komma Punkt AS", b"Nyimportert Industri AS"))
        code, errors, _ = run([new], db)
        time.sleep(0.5)
        finished.set()
        for t in threads:
            t.join()
        assert code == 0, errors
        assert failures == [] and len(answers) > 20
        after = requests.post(url + "/_dash-update-component", json=table, timeout=10).text
        assert "Nyimportert Industri AS" in after  # the explorer shows it without a restart
    finally:
        stop(server)


def _table_request() -> dict:
    """The explorer table's callback for Vestland (county 46) in 2025, as the browser sends it."""
    values = {"explorer-county": ["46"], "explorer-sector": [], "explorer-size": [],
              "explorer-years": [2014, 2025], "explorer-status": "all", "explorer-prize": "any",
              "explorer-kpi": "productivity"}
    outputs = [{"id": "explorer-table", "property": "rowData"}, {"id": "explorer-table", "property": "columnDefs"},
               {"id": "explorer-table-note", "property": "children"},
               {"id": "explorer-table", "property": "csvExportParams"}]
    return {"output": "..explorer-table.rowData...explorer-table.columnDefs...explorer-table-note.children"
                      "...explorer-table.csvExportParams..",
            "outputs": outputs,
            "inputs": [{"id": k, "property": "value", "value": v} for k, v in values.items()],
            "changedPropIds": ["explorer-county.value"],
            "state": [{"id": "explorer-lang", "property": "data", "value": "en"}]}
