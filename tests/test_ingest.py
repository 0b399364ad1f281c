"""Importing submissions: every bad file is refused with its exact errors and the database left as it
was; good files in every accepted format load, upsert, and are recorded."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import duckdb
import pytest

from dashboard import ingest, years
from dashboard.ingest import COLUMNS, EXAMPLE
from dashboard.warehouse import build_database, publish
from tests.conftest import explorer_views, tiny_tables

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
    "bad_sector.csv": ["bad_sector.csv:2: sector: the NACE division must be a whole number from 10 to 33, not 45"],
    "share_out_of_range.csv": ["share_out_of_range.csv:2: renewable_share_pct: a share from 0 to 100, not 120"],
    "negative_amount.csv": ["negative_amount.csv:2: export_mnok: negative (-5); amounts and counts cannot be below 0"],
    "value_added_above_turnover.csv": ["value_added_above_turnover.csv:2: value_added_mnok: value added (400) "
                                       "above turnover (310)"],
    "exports_above_turnover.csv": ["exports_above_turnover.csv:2: export_mnok: exports (311) above turnover (310)"],
    "duplicate_org_year.csv": ["duplicate_org_year.csv:3: org_nr: same organisation and year as line 2"],
    "empty.csv": ["empty.csv:1: file: no rows (the file is empty)"],
    "header_only.csv": ["header_only.csv:1: file: no data rows"],
    "utf16.csv": ["utf16.csv:1: file: not text in UTF-8 or Windows-1252 (it has NUL bytes: UTF-16 or a binary file?)"],
    "formula_injection.csv": ["formula_injection.csv:2: name: begins with '=', which a spreadsheet would run as a "
                              "formula"],
    "ambiguous_number.csv": ["ambiguous_number.csv:2: turnover_mnok: ambiguous number '1,234.5': both a comma and a "
                             "point; write one decimal mark and group thousands with spaces, if at all"],
    # the shape of a file
    "short_row.csv": ["short_row.csv:3: file: 24 fields, but the header has 27 (a stray line break?); every row "
                      "must have one field per column"],
    "long_row.csv": ["long_row.csv:3: file: 28 fields, but the header has 27; every row must have one field per "
                     "column"],
    "duplicate_header.csv": ["duplicate_header.csv:1: fte: appears twice in the header (columns 7 and 13); each "
                             "column must have one name"],
    "unnamed_column_with_data.csv": ["unnamed_column_with_data.csv:2: column 28: holds data but has no name in the "
                                     "header"],
    "unclosed_quote.csv": ["unclosed_quote.csv:2: file: a quote opened here is never closed"],
    "quote_swallows_rows.csv": ["quote_swallows_rows.csv:2: file: a line break inside a quoted cell; every row must "
                                "be one line"],
    "stray_carriage_return.csv": [
        "stray_carriage_return.csv:2: file: 13 fields, but the header has 27 (a stray line break?); every row must "
        "have one field per column",
        "stray_carriage_return.csv:3: file: 15 fields, but the header has 27 (a stray line break?); every row must "
        "have one field per column"],
    "overlong_name.csv": ["overlong_name.csv:2: name: 303 characters; at most 200"],
    "bom_only.csv": ["bom_only.csv:1: file: no rows (the file or sheet is empty)"],
    # numbers read one way only
    "dot_thousands_in_comma_file.csv": [
        "dot_thousands_in_comma_file.csv:2: hours_worked: ambiguous number '139.000': the file writes decimals with "
        "',' (line 2, fte '84,5'), so '.' here would group thousands (139000) or be a slip (139); write the number "
        "without it"],
    "dot_thousands_groups.csv": ["dot_thousands_groups.csv:2: energy_mwh: ambiguous number '1.234.567': '.' used "
                                 "to group thousands; write the number without it (or group with spaces)"],
    "mixed_decimal_marks.csv": ["mixed_decimal_marks.csv:2: scrap_rate_pct: mixed decimal marks: this value uses "
                                "'.', but line 2, fte '84,5', uses ','; write all decimals one way"],
    "comma_could_be_thousands.csv": [
        "comma_could_be_thousands.csv:2: hours_worked: ambiguous number '139,000': 139 or 139000? Nothing else in "
        "the file shows whether it writes decimals with a comma or a point; write it without the ',' if it is a "
        "whole number"],
    "robots_beyond_range.csv": ["robots_beyond_range.csv:2: robots: 3000000000 is above the largest count this "
                                "column holds (2147483647)"],
    "percent_sign_on_amount.csv": ["percent_sign_on_amount.csv:2: fte: '48 %' has a percent sign, but this column "
                                   "is not a share"],
    "scientific_notation.csv": ["scientific_notation.csv:2: energy_mwh: not a number: '2.1E3'"],
    "year_too_early.csv": [f"year_too_early.csv:2: year: the year must be a whole number from 2000 to "
                           f"{years.latest()}, not 1999"],
    "year_too_late.csv": [f"year_too_late.csv:2: year: the year must be a whole number from 2000 to "
                          f"{years.latest()}, not 2031"],
    # text and dates
    "mixed_encoding.csv": ["mixed_encoding.csv:4: file: byte 0xE5 is not UTF-8, but the rest of the file is: save "
                           "the file in one encoding (UTF-8)"],
    "date_norwegian_style.csv": ["date_norwegian_style.csv:2: published_on: not a date written YYYY-MM-DD: "
                                 "'15.01.2026'"],
    "date_with_time.csv": ["date_with_time.csv:2: published_on: not a date written YYYY-MM-DD: '2026-01-15 10:00'"],
    "date_impossible.csv": ["date_impossible.csv:2: published_on: no such day: '2026-02-30'"],
    "two_names_one_file.csv": ["two_names_one_file.csv:3: name: 'Fjordstål Verk ASA' differs from 'Fjordstål Verk AS' "
                               "for the same organisation at line 2"],
    "founded_differs_within.csv": ["founded_differs_within.csv:3: founded: '1988' differs from '1987' for the same "
                                   "organisation at line 2"],
    # Excel as people use it
    "two_sheets.xlsx": ["two_sheets.xlsx:1: file: data on 2 sheets ('2025', '2026'); pick one with --sheet NAME"],
    "empty_workbook.xlsx": ["empty_workbook.xlsx:1: file: no rows (every visible sheet is empty)"],
    "percent_cell_on_amount.xlsx": ["percent_cell_on_amount.xlsx:2: fte: formatted as percent (84.5 %), but this "
                                    "column is not a share"],
    "formula_without_value.xlsx": ["formula_without_value.xlsx:2: energy_mwh: cell M2 is a formula with no saved "
                                   "value; open the file in Excel or LibreOffice and save it, or type the value"],
    "date_in_number_cell.xlsx": ["date_in_number_cell.xlsx:2: fte: not a number: '2025-05-12' (the spreadsheet "
                                 "turned it into a date)"],
    # found by attacking the importer with hand-made files
    "hash_na_org_nr.csv": ["hash_na_org_nr.csv:2: org_nr: '#N/A' is not a valid organisation number (9 digits, "
                           "modulus-11 check digit)"],  # a data row, not a comment
    "damaged_sheet_xml.xlsx": ["damaged_sheet_xml.xlsx:1: file: cannot be read as an .xlsx workbook (ParseError: "
                               "not well-formed (invalid token): line 1, column 2700)"],
    "xml_entity_bomb.xlsx": ["xml_entity_bomb.xlsx:1: file: cannot be read as an .xlsx workbook (ParseError: limit "
                             "on input amplification factor (from DTD and entities) breached: line 1, column 2709)"],
    "mac_roman.csv": ["mac_roman.csv:2: file: 'FjordstŒl' looks like Æ, Ø or Å saved as Mac Roman, which is neither "
                      "UTF-8 nor Windows-1252: save the file as UTF-8"],
    "error_cell_as_name.xlsx": ["error_cell_as_name.xlsx:2: name: a spreadsheet error value (#DIV/0!), not a name"],
    "error_value_as_name.csv": ["error_value_as_name.csv:2: name: a spreadsheet error value (#DIV/0!), not a name"],
    "control_character_in_name.csv": ["control_character_in_name.csv:2: name: holds an invisible control character "
                                      "(U+001B)"],
    "hidden_formula_in_name.csv": ["hidden_formula_in_name.csv:2: name: begins with '=', which a spreadsheet would "
                                   "run as a formula"],  # behind a zero-width space
    "date_cell_out_of_range.xlsx": [f"date_cell_out_of_range.xlsx:2: published_on: a date from 2000 to "
                                    f"{years.latest()}, not 2099-01-01"],
    "only_hidden_sheet.xlsx": ["only_hidden_sheet.xlsx:1: file: no rows (every visible sheet is empty; hidden sheets "
                               "with data: 'Hidden' (name one with --sheet))"],
    "founded_after_year.csv": ["founded_after_year.csv:2: founded: 2027 is after the year reported (2025)"],
}

# One command, several files: checked as one input.
BAD_TOGETHER = {
    ("pair_a.csv", "pair_b_same_year.csv"): ["pair_b_same_year.csv:3: org_nr: same organisation and year as "
                                             "pair_a.csv line 2"],
    ("pair_a.csv", "pair_b_other_name.csv"): ["pair_b_other_name.csv:2: name: 'Fjordstaal Verk AS' differs from "
                                              "'Fjordstål Verk AS' for the same organisation at pair_a.csv line 2"],
    ("pair_a.csv", "pair_b_other_founded.csv"): ["pair_b_other_founded.csv:2: founded: '1990' differs from '1987' "
                                                 "for the same organisation at pair_a.csv line 2"],
}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "served" / "served.duckdb"
    t = tiny_tables()
    build_database(path, t["companies"], t["company_years"], t["nominations"], {"source": "test"})
    return path


def fingerprint(path: Path) -> tuple[str, str]:
    real = os.path.realpath(path)
    return real, hashlib.sha256(Path(real).read_bytes()).hexdigest()


def folder_state(path: Path) -> dict[str, str]:
    """Everything in the database's folder: each file's hash, each link's target, each folder."""
    state = {}
    for p in sorted(Path(path).parent.rglob("*")):
        key = str(p.relative_to(path.parent))
        state[key] = (f"-> {os.readlink(p)}" if p.is_symlink() else "dir" if p.is_dir()
                      else hashlib.sha256(p.read_bytes()).hexdigest())
    return state


def run(files: list[Path], db: Path, dry_run: bool = False, sheet: str | None = None) -> tuple[int, list[str], str]:
    out, err = io.StringIO(), io.StringIO()
    code = ingest.load(files, db, dry_run, out=out, err=err, sheet=sheet)
    return code, err.getvalue().splitlines(), out.getvalue()


def stored(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(os.path.realpath(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_corpus_has_a_file_for_every_case() -> None:
    """Every file in the corpus is checked by a test here (a file nobody reads checks nothing)."""
    named = set(BAD) | {f for pair in BAD_TOGETHER for f in pair} | set(GOOD)
    assert named == {p.name for p in CORPUS.iterdir()} - {"good_semicolon_cp1252.csv", "good_comma_utf8_bom.csv"}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file_is_refused_and_nothing_changes(name: str, db: Path) -> None:
    before = folder_state(db)
    code, errors, _ = run([CORPUS / name], db)
    assert code == 1
    assert errors[:-1] == BAD[name]
    assert errors[-1] == f"{len(BAD[name])} problem(s); nothing was imported."
    assert folder_state(db) == before


@pytest.mark.parametrize("names", sorted(BAD_TOGETHER))
def test_files_of_one_command_are_one_input(names: tuple[str, ...], db: Path) -> None:
    before = folder_state(db)
    code, errors, _ = run([CORPUS / n for n in names], db)
    assert code == 1
    assert errors[:-1] == BAD_TOGETHER[names]
    assert folder_state(db) == before
    # each file alone is fine
    for name in names:
        assert run([CORPUS / name], db, dry_run=True)[0] == 0


# Good files, and what must be stored for them: (sql, expected rows).
GOOD = {
    "good_2026.csv": ("select year, fte from company_years where org_nr = '910000047'", [(2026, 101.5)]),
    "good_percent_signs.csv": ("select automation_pct, renewable_share_pct from company_years "
                               "where org_nr = '910000047'", [(48.5, 92.0)]),
    "good_spaces_group_thousands.csv": ("select hours_worked, energy_mwh from company_years "
                                        "where org_nr = '910000047'", [(139000.0, 2100.5)]),
    "good_comma_separated_decimal_points.csv": ("select fte, rnd_mnok, scrap_rate_pct, hours_worked from "
                                                "company_years where org_nr = '910000047'",
                                                [(84.5, 4.2, 3.1, 139000.0)]),
    "good_without_founded.csv": ("select founded from companies where org_nr = '910000004'", [(1990,)]),
    "good_name_update.csv": ("select name, founded from companies where org_nr = '910000004'",
                             [("Alfa Mekaniske AS", 1990)]),
    "good_percent_cells.xlsx": ("select automation_pct, renewable_share_pct from company_years "
                                "where org_nr = '910000047'", [(48.1, 92.0)]),
    # a % in quotes, after a backslash or after _ is a plain character: 0.5 shown "0.5%" is 0.5; the
    # real percent formats beside them ("0%", "[Blue]0%") still read 0.92 as 92
    "good_percent_quoted_literal.xlsx": ("select automation_pct, renewable_share_pct, scrap_rate_pct from "
                                         "company_years where org_nr = '910000047'", [(0.5, 92.0, 3.1)]),
    "good_percent_escaped_literal.xlsx": ("select automation_pct, renewable_share_pct, scrap_rate_pct from "
                                          "company_years where org_nr = '910000047'", [(0.5, 92.0, 3.1)]),
    "empty_first_sheet.xlsx": ("select year, fte from company_years where org_nr = '910000047'", [(2026, 77.0)]),
    "good_date_cell.xlsx": ("select year, prize, status, published_on::varchar from nominations "
                            "where org_nr = '910000047'", [(2026, "main", "winner", "2026-11-20")]),
    # the size tag inside the workbook says fewer rows or columns than it has: all are read
    "wrong_size_tag_rows.xlsx": ("select org_nr, year from company_years where year = 2026 order by org_nr",
                                 [("910000004", 2026), ("910000047", 2026)]),
    "wrong_size_tag_columns.xlsx": ("select prize, status, published_on::varchar from nominations "
                                    "where org_nr = '910000047'", [("main", "winner", "2026-03-01")]),
    "claims_a_million_rows.xlsx": ("select count(*) from company_years where org_nr = '910000047'", [(1,)]),
    "good_hash_in_name.csv": ("select name from companies where org_nr = '910000047'", [("#1 Sveis AS",)]),
    "good_founded_on_second_row.csv": ("select founded from companies where org_nr = '910000047'", [(1987,)]),
    "good_comment_before_header.csv": ("select year, fte from company_years where org_nr = '910000047'",
                                       [(2026, 101.5)]),
    "good_formula_empty_text.xlsx": ("select energy_mwh, fte from company_years where org_nr = '910000047'",
                                     [(None, 101.5)]),
    "good_zero_width_space_in_name.csv": ("select name from companies where org_nr = '910000004'",
                                          [("Alfa Mek AS",)]),
    "good_minus_zero.csv": ("select export_mnok::varchar, robots from company_years where org_nr = '910000047'",
                            [("0.0", 0)]),
}


@pytest.mark.parametrize(("number_format", "value", "percent"), [
    ("0%", 0.5, True), ("0.0%", 0.5, True), ("[Red]0.0%", 0.5, True),
    ('0.0"%"', 0.5, False), ("0.0\\%", 0.5, False), ("0.0_%", 0.5, False), ("0.0*%", 0.5, False),
    ("General", 0.5, False),
    ("0;0%", 0.5, False), ("0;0%", -0.5, True),  # positive;negative: the section for the value
    ('0%;-0%;"-"', 0, False), ("[>=1]0;0%", 0.5, True),  # zero section; a condition: any % counts
])
def test_which_number_formats_show_percent(number_format: str, value: float, percent: bool) -> None:
    from dashboard.sheets import _shows_percent

    assert _shows_percent(number_format, value) is percent


@pytest.mark.parametrize("name", sorted(GOOD))
def test_good_file_is_stored_as_meant(name: str, db: Path) -> None:
    code, errors, out = run([CORPUS / name], db)
    assert code == 0, errors
    sql, expected = GOOD[name]
    assert stored(db, sql) == expected


def test_name_update_is_reported(db: Path) -> None:
    code, _, out = run([CORPUS / "good_name_update.csv"], db)
    assert code == 0
    assert "good_name_update.csv: 910000004: name updated from 'Alfa Mek AS' to 'Alfa Mekaniske AS'" in out


def test_left_out_columns_keep_stored_values(db: Path) -> None:
    """A file without `founded` and without the nomination columns erases neither."""
    before = stored(db, "select * from nominations order by all")
    code, _, out = run([CORPUS / "good_without_founded.csv"], db)
    assert code == 0
    assert "good_without_founded.csv: not in the file, so the stored values are kept: founded" in out
    assert stored(db, "select founded from companies where org_nr = '910000004'") == [(1990,)]
    assert stored(db, "select * from nominations order by all") == before


def test_nomination_without_publish_date_keeps_the_stored_one(tmp_path: Path, db: Path) -> None:
    def write(name: str, columns: list[str], **values: str) -> Path:
        row = dict(EXAMPLE, org_nr="910000047", year="2026", prize="main", **values)
        path = tmp_path / name
        path.write_text(";".join(columns) + "\n" + ";".join(row[c] for c in columns) + "\n", encoding="utf-8")
        return path

    first = write("published.csv", list(COLUMNS), status="nominated", published_on="2026-11-01")
    later = write("status_only.csv", [c for c in COLUMNS if c != "published_on"], status="finalist")
    assert run([first], db)[0] == 0
    assert run([later], db)[0] == 0
    assert stored(db, "select status, published_on::varchar from nominations where org_nr = '910000047'") == [
        ("finalist", "2026-11-01")]


def test_sheet_option_picks_one_sheet(db: Path) -> None:
    code, errors, _ = run([CORPUS / "two_sheets.xlsx"], db, sheet="2026")
    assert code == 0, errors
    assert stored(db, "select year from company_years where org_nr = '910000047'") == [(2026,)]
    code, errors, _ = run([CORPUS / "two_sheets.xlsx"], db, sheet="Ark9")
    assert code == 1 and errors[0] == "two_sheets.xlsx:1: file: no sheet named 'Ark9'; the sheets are '2025', '2026'"


def test_sheet_option_with_a_csv_file_is_refused(db: Path) -> None:
    """--sheet names a sheet of a workbook; given with a CSV file it is a mix-up, not ignored."""
    before = folder_state(db)
    code, errors, _ = run([CORPUS / "good_2026.csv"], db, sheet="2026")
    assert code == 1
    assert errors == ["good_2026.csv:1: file: --sheet '2026' applies to Excel workbooks only; this is a CSV file",
                      "1 problem(s); nothing was imported."]
    assert ingest.main([str(CORPUS / "good_2026.csv"), "--db", str(db), "--sheet", "2026"]) == 1
    assert folder_state(db) == before


def test_clean_up_touches_only_its_own_versions(db: Path) -> None:
    """Versions live in a folder of their own; a user's backup named like one is never removed."""
    backup = db.parent / "served.2025-01-15.duckdb"
    look_alike = db.parent / "served.20250115T000000000000.duckdb"
    for p in (backup, look_alike):
        p.write_bytes(b"a user's own file")
    for _ in range(4):
        changed = CORPUS / "good_2026.csv"
        assert run([changed], db)[0] == 0
    versions = sorted(p.name for p in (db.parent / "served.versions").iterdir())
    assert len(versions) == 2 and os.readlink(db) == f"served.versions/{versions[-1]}"
    assert backup.read_bytes() == look_alike.read_bytes() == b"a user's own file"


@pytest.mark.slow
def test_concurrent_imports_both_land(tmp_path: Path, db: Path) -> None:
    """Two import processes at once: the second waits for the first, and both files are stored."""
    import subprocess
    import sys

    files = []
    for org, name in (("910000055", "Bryggen Plast AS"), ("910000063", "Sørvik Blå AS")):
        path = tmp_path / f"{org}.csv"
        values = dict(EXAMPLE, org_nr=org, name=name, year="2026", prize="", status="")
        path.write_text(";".join(COLUMNS) + "\n" + ";".join(values[c] for c in COLUMNS) + "\n", encoding="utf-8")
        files.append(path)
    procs = [subprocess.Popen([sys.executable, "-m", "dashboard.ingest", str(f), "--db", str(db)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in files]
    results = [p.communicate(timeout=240) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    assert stored(db, "select org_nr from company_years where year = 2026 order by org_nr") == [
        ("910000055",), ("910000063",)]
    assert len(stored(db, "select * from loads")) == 2


def _publish_tiny(db: Path) -> None:
    """What the first import does to a plain database file: a new version, and the path a link to it."""
    t = tiny_tables()
    publish(db, t["companies"], t["company_years"], t["nominations"], {"source": "test"})


def test_the_lock_holds_when_the_database_becomes_a_link(db: Path) -> None:
    """An import that locked the plain file still blocks one that starts after the file has
    become a link into the versions folder (the lock used to follow the link and move with it)."""
    assert db.is_file() and not db.is_symlink()
    with ingest.import_lock(db, wait=0):
        _publish_tiny(db)
        assert db.is_symlink()
        with pytest.raises(TimeoutError, match="another import into"):
            with ingest.import_lock(db, wait=0, err=io.StringIO()):
                pass
    with ingest.import_lock(db, wait=0):  # released: the next import takes it at once
        pass
    assert ingest.lock_path(db) == db.parent / ".served.duckdb.lock"


def _one_row_file(folder: Path, org: str, name: str) -> Path:
    path = folder / f"{org}.csv"
    values = dict(EXAMPLE, org_nr=org, name=name, year="2026", prize="", status="")
    path.write_text(";".join(COLUMNS) + "\n" + ";".join(values[c] for c in COLUMNS) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
def test_imports_before_and_after_the_first_link_all_land(tmp_path: Path, db: Path) -> None:
    """Three imports: A holds the lock on the plain file, B starts and waits, A publishes (the
    file becomes a link), C starts: C waits too, and all three rows are stored."""
    import subprocess
    import sys

    a, b, c = (_one_row_file(tmp_path, org, name) for org, name in (
        ("910000055", "Bryggen Plast AS"), ("910000063", "Sørvik Blå AS"), ("910000071", "Tindetre AS")))

    def start(path: Path) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "dashboard.ingest", str(path), "--db", str(db)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    procs = []
    try:
        with ingest.import_lock(db, wait=0):
            procs.append(start(b))
            # a process that does not wait prints nothing to stderr and ends: readline gives ""
            assert procs[0].stderr.readline().startswith("waiting for another import into")
            assert ingest._merge_and_publish([ingest.parse(a)], db, False, io.StringIO()) == 0
            assert db.is_symlink()
            procs.append(start(c))
            assert procs[1].stderr.readline().startswith("waiting for another import into")
        results = [p.communicate(timeout=240) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:  # a failed assertion above: end the import it left waiting
                p.kill()
    assert [p.returncode for p in procs] == [0, 0], results
    assert stored(db, "select org_nr from company_years where year = 2026 order by org_nr") == [
        ("910000055",), ("910000063",), ("910000071",)]
    assert [r[0] for r in stored(db, "select file_name from loads order by loaded_at")] == [
        "910000055.csv", "910000063.csv", "910000071.csv"]


@pytest.mark.slow
def test_large_file_with_one_bad_row(tmp_path: Path, db: Path) -> None:
    """40,000 rows (generated here: too large to keep in git; ten times the demo data);
    row 37,778 has a bad share."""
    lines = [";".join(COLUMNS)]
    org = "910000004"
    for i in range(40_000):
        values = dict(EXAMPLE, org_nr=org, year=str(2014 + i % 12), prize="", status="")
        if i % 12 == 0 and i:
            org = f"{910000000 + i:09d}"
        lines.append(";".join(values[c] for c in COLUMNS))
    big = tmp_path / "big.csv"
    lines[37_777] = lines[37_777].replace(";92;", ";192;")
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = fingerprint(db)
    code, errors, _ = run([big], db)
    assert code == 1
    assert "big.csv:37778: renewable_share_pct: a share from 0 to 100, not 192" in errors
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


def test_an_import_leaves_the_jurys_scores_alone(tmp_path: Path, db: Path) -> None:
    """The scores file lives beside the database by default (data/): an import, which publishes a
    new version in that folder, changes nothing of it, its write-ahead log included."""
    from openpyxl import load_workbook

    from dashboard.scores import store

    scores = db.parent / "scores.sqlite3"
    store.set_round(scores, 2025, "main", "open", "chair")
    store.put(scores, store.Key("kari", 2025, "main", "910000004", "rnd"), 7, "God FoU", "kari", ["910000004"])
    con = store.connect(scores)  # held open, as a serving worker would: the WAL file stays
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in db.parent.glob("scores.sqlite3*")}
    template = tmp_path / "template.xlsx"
    template.write_bytes(ingest.template_xlsx())
    book = load_workbook(template)
    book.active.append([EXAMPLE[c] if c not in ("fte",) else 50 for c in COLUMNS])
    book.save(template)
    code, errors, _ = run([template], db)
    assert code == 0, errors
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in db.parent.glob("scores.sqlite3*")}
    con.close()
    assert len(before) >= 2 and after == before
    assert store.sheet(scores, "kari", 2025, "main") == {("910000004", "rnd"): (7, "God FoU")}


def test_csv_template_parses_as_comments_only(tmp_path: Path) -> None:
    path = tmp_path / "template.csv"
    path.write_bytes(ingest.template_csv())
    assert ingest.parse(path).errors == ["template.csv:1: file: no data rows"]


@pytest.mark.slow
def test_import_while_serving(tmp_path: Path, demo_db_path: Path) -> None:
    """A running app (`make serve`) keeps answering while a file is imported, and then shows it."""
    import shutil
    import threading

    import requests

    from tests.test_serve import serve, stop
    from tests.waiting import wait_until

    db = tmp_path / "served.duckdb"
    shutil.copy(demo_db_path, db)
    server, url = serve(db, tmp_path / "serve.log")
    try:
        table = _table_request()
        failures, answers, finished = [], [], threading.Event()

        def hammer() -> None:
            while not finished.is_set():
                for path, payload in (("/_dash-update-component", table), ("/_dash-layout", None)):
                    try:
                        r = requests.post(url + path, json=payload, timeout=30) if payload else \
                            requests.get(url + path, timeout=30)
                    except requests.RequestException as e:  # counted, and the client asks on
                        answers.append(0)
                        failures.append((path, 0, repr(e)[:200]))
                        continue
                    answers.append(r.status_code)
                    if r.status_code != 200:
                        failures.append((path, r.status_code, r.text[:200]))

        threads = [threading.Thread(target=hammer, daemon=True) for _ in range(3)]  # never outlive a failure
        for t in threads:
            t.start()
        try:
            wait_until(lambda: len(answers) >= 12, "the clients to be answered before the import")
            new = tmp_path / "new.csv"
            new.write_bytes((CORPUS / "good_comma_utf8_bom.csv").read_bytes()
                            .replace(b"910000012", b"910000098").replace(b"Komma Punkt AS", b"Nyimportert Industri AS"))
            code, errors, _ = run([new], db)
            imported_at = len(answers)
            wait_until(lambda: len(answers) >= imported_at + 12, "the clients to be answered after the import")
        finally:
            finished.set()
            for t in threads:
                t.join()
        assert code == 0, errors
        refused = [line for line in (tmp_path / "serve.log").read_text().splitlines() if "refused" in line]
        assert failures == [] and len(answers) > 20, (failures, refused)
        after = requests.post(url + "/_dash-update-component", json=table, timeout=10).json()
        rows = after["response"]["explorer-table"]["rowData"]
        # the explorer's table shows it without a restart
        assert ("910000098", "Nyimportert Industri AS") in [(r["org_nr"], r["name"]) for r in rows]
    finally:
        stop(server)


def _table_request() -> dict:
    """The explorer's table for Vestland (county 46) in 2025, as the browser asks for it."""
    from dashboard.callbacks.explorer import TABLE as VIEWS

    values = {"explorer-county": ["46"], "explorer-sector": [], "explorer-size": [], "explorer-ownership": [],
              "explorer-years": [2014, 2025], "explorer-status": "all", "explorer-prize": "any",
              "explorer-kpi": "productivity"}
    outputs = [{"id": o.component_id, "property": o.component_property} for o in VIEWS.values()]
    return {"output": ".." + "...".join(f"{o['id']}.{o['property']}" for o in outputs) + "..",
            "outputs": outputs,
            "inputs": [{"id": k, "property": "value", "value": v} for k, v in values.items()],
            "changedPropIds": ["explorer-county.value"],
            "state": [{"id": "explorer-lang", "property": "data", "value": "en"}]}


def test_a_2026_file_imports_and_every_page_shows_2026(app, db: Path) -> None:
    """The round trip: the data runs to 2025, a 2026 submission is imported through the importer,
    and each page (the session's app, pointed at this database as at any served file) offers 2026,
    opens on it and shows it: the explorer, compare, benchmark, present and the Data page."""
    from dashboard.db import Database
    from dashboard.pages import benchmark, compare, data, explorer, present
    from tests.layout import of_kind, text
    from tests.test_years import find

    code, errors, _ = run([CORPUS / "good_2026.csv"], db)
    assert code == 0, errors
    served, database = app.server.extensions["dashboard.db"], Database(db)
    app.server.extensions["dashboard.db"] = database
    try:
        with app.server.app_context():
            # explorer
            slider = find(explorer.layout(lang="en"), "explorer-years")
            assert (slider.min, slider.max, slider.value) == (2024, 2026, [2024, 2026])
            widgets = {"years": [2024, 2026], "status": "all", "prize": "any", "kpi": "productivity"}
            rows = explorer_views(widgets, "en")["rows"]
            assert [(r["org_nr"], r["name"]) for r in rows] == [("910000047", "Fjordstål Verk AS")]
            # compare
            dropdown = find(compare.layout(lang="en"), "compare-year")
            assert [o["value"] for o in dropdown.options] == [2026, 2025, 2024] and dropdown.value == 2026
            # benchmark, for the imported company: too few peers, so its own figures, for 2026
            page = benchmark.layout(lang="en", company="910000047")
            dropdown = find(page, "benchmark-year")
            assert [o["value"] for o in dropdown.options] == [2026, 2025, 2024] and dropdown.value == 2026
            assert [text(h) for h in of_kind(find(page, "benchmark-table"), "H2")] == [
                "The company's own key figures, 2026"]
            # present
            deck = present.layout(lang="en")
            assert find(deck, "present-year").data == 2026
            assert text(of_kind(find(deck, "slide-headline"), "H1")) == "Norwegian industry 2026"
            # the Data page: companies, counties and sectors per year (tiny_tables(), counted by
            # hand), and 2026 with the one imported company, in one county and one sector
            page = data.layout(lang="en")
            coverage = [[text(cell) for cell in row.children]
                        for row in of_kind(of_kind(find(page, "data-coverage-years"), "Tbody"), "Tr")]
            assert coverage == [["2024", "3", "2", "2"], ["2025", "4", "2", "3"], ["2026", "1", "1", "1"]]
            assert "Companies per county, 2026" in [text(h) for h in of_kind(page, "H3")]
    finally:
        app.server.extensions["dashboard.db"] = served
        database.close()


def test_the_importer_and_the_schema_share_one_home_per_constant(tmp_path: Path) -> None:
    """Founding years from dashboard/years.py, prizes and statuses from dashboard/state.py, ownership
    from dashboard/dimensions.py: the importer's checks, its template and the schema agree."""
    from dashboard import state, warehouse

    sql = warehouse.schema_sql()
    assert f"check (founded between {years.FOUNDED_EARLIEST} and {years.latest()})" in sql
    assert "check (ownership in ('norwegian', 'foreign'))" in sql
    assert "{" not in sql.replace("{9}", "")  # every placeholder filled
    assert (ingest.PRIZES, ingest.STATUSES) == (("main", "special"), ("nominated", "finalist", "winner"))
    assert set(ingest.PRIZES) < set(state.PRIZES) and set(ingest.STATUSES) < set(state.STATUSES)
    assert [ingest.UNITS[c] for c in ("prize", "status", "ownership")] == [
        "main/special", "nominated/finalist/winner", "norwegian/foreign"]
    for founded in (years.FOUNDED_EARLIEST - 1, years.latest() + 1):  # the schema refuses what the importer does
        t = tiny_tables()
        t["companies"].loc[0, "founded"] = founded
        with pytest.raises(duckdb.ConstraintException, match="founded"):
            build_database(tmp_path / f"founded-{founded}.duckdb", t["companies"], t["company_years"],
                           t["nominations"], {"source": "test"})
    path = tmp_path / "founded.csv"
    row = dict(EXAMPLE, founded=str(years.FOUNDED_EARLIEST - 1), prize="", status="")
    path.write_text(";".join(COLUMNS) + "\n" + ";".join(row[c] for c in COLUMNS) + "\n", encoding="utf-8")
    assert ingest.parse(path).errors == [f"founded.csv:2: founded: a year must be a whole number from "
                                         f"{years.FOUNDED_EARLIEST} to {years.latest()}, not 1799"]


def test_first_import_creates_the_database(tmp_path: Path) -> None:
    db = tmp_path / "new" / "folder" / "awards.duckdb"
    code, errors, _ = run([CORPUS / "good_2026.csv"], db)
    assert code == 0, errors
    assert os.readlink(db).startswith("awards.versions/awards.")
    assert stored(db, "select org_nr, year from company_years") == [("910000047", 2026)]


def test_ownership_is_imported_and_kept_when_left_out(tmp_path: Path, db: Path) -> None:
    def write(name: str, columns: list[str], **values: str) -> Path:
        row = dict(EXAMPLE, org_nr="910000047", year="2026", prize="", status="", **values)
        path = tmp_path / name
        path.write_text(";".join(columns) + "\n" + ";".join(row[c] for c in columns) + "\n", encoding="utf-8")
        return path

    assert run([write("owned.csv", list(COLUMNS), ownership="foreign")], db)[0] == 0
    assert stored(db, "select ownership from companies where org_nr = '910000047'") == [("foreign",)]
    code, _, out = run([write("no_owner.csv", [c for c in COLUMNS if c != "ownership"], fte="90")], db)
    assert code == 0 and "stored values are kept: ownership" in out
    assert stored(db, "select ownership from companies where org_nr = '910000047'") == [("foreign",)]
    code, errors, _ = run([write("martian.csv", list(COLUMNS), ownership="martian")], db)
    assert code == 1 and errors[0] == "martian.csv:2: ownership: 'martian' is not one of norwegian, foreign"
