"""The jury's offline scores: the template, an import that writes every row or none and names every
bad row, the export that imports back unchanged, imports at once, and a backup of a file in use."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest

from dashboard import sheets, users
from dashboard.scores import offline, store
from dashboard.scores.__main__ import main
from dashboard.scores.finalists import finalists
from dashboard.scores.store import Score
from tests.conftest import ORG_A

ROOT = Path(__file__).resolve().parent.parent
HEADER = "juror,year,prize,org_nr,criterion,score,comment\n"
MAIN_IDS = ["innovative", "sustainability", "technology", "productivity", "uniqueness", "rnd", "cost_level",
            "world_market", "world_problems"]
SPECIAL_IDS = ["unique_idea", "technology", "sustainability"]


@pytest.fixture
def env(tmp_path: Path, demo_db_path: Path, monkeypatch: pytest.MonkeyPatch) -> SimpleNamespace:
    """A users file (jury kari, admin chair, company firma), a scores file with the 2025 main round
    open, and the demo database's 2025 finalists; the test works in its folder, as a person at the
    command line does (the files are named relative to it, and errors name them so)."""
    monkeypatch.chdir(tmp_path)
    users_db, scores_db = tmp_path / "users.sqlite3", tmp_path / "scores.sqlite3"
    users.add(users_db, "kari", "jury", "kari-password")
    users.add(users_db, "chair", "admin", "chair-password")
    users.add(users_db, "firma", "company", "firma-password", ORG_A)
    store.set_round(scores_db, 2025, "main", "open", "chair")
    main_orgs = list(finalists(2025, "main", db=demo_db_path)["org_nr"])
    special_orgs = list(finalists(2025, "special", db=demo_db_path)["org_nr"])
    assert len(main_orgs) == 3 and ORG_A not in main_orgs
    return SimpleNamespace(tmp=tmp_path, users_db=users_db, scores_db=scores_db, db=demo_db_path,
                           main=main_orgs, special=special_orgs)


def run_import(env: SimpleNamespace, *paths: Path) -> offline.Result:
    """The import of ``paths``, named as a person in their folder names them (errors say the path
    as given)."""
    return offline.import_files([p.relative_to(env.tmp) for p in paths], env.scores_db, env.users_db, env.db,
                                "chair")


def table(path: Path) -> list[tuple]:
    """Every stored score and every audit row: what an import must leave alone when refused."""
    with sqlite3.connect(path) as con:
        return (con.execute("select * from scores order by juror, year, prize, org_nr, criterion").fetchall()
                + con.execute("select * from audit order by id").fetchall())


def cli(env: SimpleNamespace, *args: str) -> subprocess.CompletedProcess:
    """``python -m dashboard.scores`` in a process of its own, in the test's folder, the files from
    the environment."""
    environ = dict(os.environ, SCORES_DB=str(env.scores_db), USERS_DB=str(env.users_db), DASHBOARD_DB=str(env.db),
                   PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "dashboard.scores", *args], cwd=env.tmp, env=environ,
                          capture_output=True, text=True, timeout=60)


# --- template ------------------------------------------------------------------------------------

def test_template_has_a_row_per_finalist_and_criterion(env, capsys):
    assert main(["--db", str(env.db), "template", "--prize", "main", "--juror", "kari", "--out", str(env.tmp)]) == 0
    assert "2025 main, 3 finalists, 27 rows" in capsys.readouterr().out
    expected = [["kari", "2025", "main", org, c, "", ""] for org in env.main for c in MAIN_IDS]
    data = (env.tmp / "scores-template.csv").read_bytes()
    assert data.startswith("\ufeff".encode())
    got = sheets.read(Path("t.csv"), data)
    assert got.header == list(offline.COLUMNS)
    assert [[c.text for c in cells] for _, cells in got.rows] == expected
    book = openpyxl.load_workbook(env.tmp / "scores-template.xlsx")
    assert book.sheetnames == ["scores"]
    rows = [[("" if v is None else str(v)) for v in r] for r in book["scores"].iter_rows(values_only=True)]
    assert rows == [list(offline.COLUMNS)] + expected

    special = offline.template_rows(2025, "special", finalists(2025, "special", db=env.db))
    assert [(r["org_nr"], r["criterion"], r["juror"], r["score"]) for r in special] == \
        [(org, c, "", None) for org in env.special for c in SPECIAL_IDS]


# --- good imports ------------------------------------------------------------------------------

def test_a_good_csv_writes_exactly_its_scores(env):
    a, b, _ = env.main
    path = env.tmp / "kari.csv"
    path.write_text(HEADER
                    + f"kari,2025,main,{a},innovative,7,\"Sterk, nyskapende\"\n"
                    + f"kari,2025,main,{a},rnd,10,\n"
                    + f"kari,2025,main,{a},uniqueness,,bare kommentar\n"
                    + f"kari,2025,main,{b},innovative,,\n"  # blank: skipped
                    + f"chair,2025,main,{b},world_problems,1,Lite relevant\n", encoding="utf-8")
    result = run_import(env, path)
    assert (result.written, result.unchanged, result.skipped, result.errors) == (4, 0, 1, [])
    assert sorted(store.scores(env.scores_db, 2025, "main"), key=lambda s: (s.juror, s.org_nr, s.criterion)) == [
        Score("chair", b, "world_problems", 1, "Lite relevant"),
        Score("kari", a, "innovative", 7, "Sterk, nyskapende"),
        Score("kari", a, "rnd", 10, ""),
        Score("kari", a, "uniqueness", None, "bare kommentar"),
    ]


def test_a_good_xlsx_writes_exactly_its_scores(env):
    a, b, c = env.main
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(offline.COLUMNS))
    sheet.append(["kari", 2025, "main", a, "productivity", 7.0, "Høy verdiskaping per årsverk"])  # 7.0: a number cell
    sheet.append(["kari", 2025.0, "main", int(b), "cost_level", 3, None])  # org_nr typed as a number
    sheet.append(["kari", 2025, "main", c, "technology", "8", ""])  # a score typed as text
    sheet.append(["kari", 2025, "main", c, "rnd", None, None])
    path = env.tmp / "kari.xlsx"
    book.save(path)
    result = run_import(env, path)
    assert (result.written, result.unchanged, result.skipped, result.errors) == (3, 0, 1, [])
    assert store.sheet(env.scores_db, "kari", 2025, "main") == {
        (a, "productivity"): (7, "Høy verdiskaping per årsverk"), (b, "cost_level"): (3, ""), (c, "technology"): (8, "")}


def test_a_long_comment_fits_up_to_the_stores_limit(env):
    a = env.main[0]
    path = env.tmp / "long.csv"
    path.write_text(HEADER + f"kari,2025,main,{a},rnd,5,{'x' * 2000}\n" + f"kari,2025,main,{a},uniqueness,5,{'y' * 2001}\n")
    assert run_import(env, path).errors == ["long.csv:3: comment: 2001 characters; at most 2000"]
    path.write_text(HEADER + f"kari,2025,main,{a},rnd,5,{'x' * 2000}\n")
    assert run_import(env, path).written == 1
    assert store.sheet(env.scores_db, "kari", 2025, "main") == {(a, "rnd"): (5, "x" * 2000)}


# --- refused imports -----------------------------------------------------------------------------

def test_bad_rows_are_all_named_and_nothing_is_written(env):
    a, b, _ = env.main
    first = env.tmp / "first.csv"
    first.write_text(HEADER + f"kari,2025,main,{a},innovative,6,før\n")
    assert run_import(env, first).written == 1
    before = table(env.scores_db)
    bad = env.tmp / "bad.csv"
    bad.write_text(HEADER
                   + f"nobody,2025,main,{a},innovative,5,\n"      # 2
                   + f"firma,2025,main,{a},innovative,5,\n"       # 3
                   + f"kari,2025,main,{ORG_A},innovative,5,\n"    # 4
                   + f"kari,2025,main,{a},unique_idea,5,\n"       # 5
                   + f"kari,2025,main,{a},rnd,0,\n"               # 6
                   + f"kari,2025,main,{a},rnd,11,\n"              # 7
                   + f"kari,2025,main,{a},rnd,7.5,\n"             # 8
                   + f"kari,2025,main,{a},rnd,sju,\n"             # 9
                   + f"kari,2025,main,{b},rnd,\"7,5\",\n"         # 10
                   + f"kari,2025,main,{b},innovative,4,\n"        # 11: good on its own
                   + f"kari,2025,main,{b},innovative,5,\n"        # 12: the same cell again
                   + f"kari,2025,main,{b},world_market,9,ny\n")   # 13: good
    done = cli(env, "import", "bad.csv")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "bad.csv:2: juror: no user 'nobody'",
        "bad.csv:3: juror: 'firma' is a company user; only jury and admin users score",
        f"bad.csv:4: org_nr: {ORG_A} is not a finalist of 2025 main",
        "bad.csv:5: criterion: 'unique_idea' is not a criterion of the main prize (" + ", ".join(MAIN_IDS) + ")",
        "bad.csv:6: score: must be a whole number from 1 to 10, not '0'",
        "bad.csv:7: score: must be a whole number from 1 to 10, not '11'",
        "bad.csv:8: score: must be a whole number from 1 to 10, not '7.5'",
        "bad.csv:9: score: must be a whole number from 1 to 10, not 'sju'",
        "bad.csv:10: score: must be a whole number from 1 to 10, not '7,5'",
        "bad.csv:12: criterion: same juror, year, prize, org_nr and criterion as bad.csv:11",
        "10 problem(s); nothing was imported.",
    ]
    assert done.stdout == ""
    assert table(env.scores_db) == before


def test_a_percent_cell_says_so_and_comments_keep_formulas_as_text(env):
    """A 7 in a cell formatted as percent reads 700 %: refused, saying why. A comment that a
    spreadsheet would run as a formula is exported with a ' in front, and imported back without."""
    a = env.main[0]
    book = openpyxl.Workbook()
    book.active.append(list(offline.COLUMNS))
    book.active.append(["kari", 2025, "main", a, "rnd", 7, ""])
    book.active["F2"].number_format = "0%"
    book.save(env.tmp / "pct.xlsx")
    assert run_import(env, env.tmp / "pct.xlsx").errors == [
        "pct.xlsx:2: score: must be a whole number from 1 to 10, not '7' (formatted as percent (700 %), but this "
        "column is not a share)"]
    path = env.tmp / "formula.csv"
    path.write_text(HEADER + f'kari,2025,main,{a},rnd,6,"=HYPERLINK(""http://evil"")"\n')
    assert run_import(env, path).written == 1
    assert store.sheet(env.scores_db, "kari", 2025, "main")[(a, "rnd")] == (6, '=HYPERLINK("http://evil")')
    exported = offline.export_csv(env.scores_db, 2025, "main")
    assert "'=HYPERLINK" in exported
    (env.tmp / "back.csv").write_text(exported)
    back = run_import(env, env.tmp / "back.csv")
    assert (back.errors, back.written, back.unchanged) == ([], 0, 1)


def test_a_blank_score_or_comment_leaves_what_is_stored(env):
    a = env.main[0]
    store.put(env.scores_db, store.Key("kari", 2025, "main", a, "rnd"), 8, "Fra siden", "kari", env.main)
    store.put(env.scores_db, store.Key("kari", 2025, "main", a, "uniqueness"), 4, "Fra siden", "kari", env.main)
    path = env.tmp / "comments.csv"
    path.write_text(HEADER + f"kari,2025,main,{a},rnd,,Ny kommentar\n" + f"kari,2025,main,{a},uniqueness,6,\n")
    assert run_import(env, path).written == 2
    assert store.sheet(env.scores_db, "kari", 2025, "main") == {(a, "rnd"): (8, "Ny kommentar"),
                                                                (a, "uniqueness"): (6, "Fra siden")}


def test_a_duplicate_across_files_names_the_other_file(env):
    a = env.main[0]
    one, two = env.tmp / "one.csv", env.tmp / "two.xlsx"
    one.write_text(HEADER + f"kari,2025,main,{a},rnd,5,\n")
    book = openpyxl.Workbook()
    book.active.append(list(offline.COLUMNS))
    book.active.append(["kari", 2025, "main", a, "rnd", 6, ""])
    book.save(two)
    result = run_import(env, one, two)
    assert result.errors == ["two.xlsx:2: criterion: same juror, year, prize, org_nr and criterion as one.csv:2"]
    assert (result.written, store.scores(env.scores_db, 2025, "main")) == (0, [])


def test_a_header_must_have_exactly_the_columns(env):
    path = env.tmp / "head.csv"
    path.write_text("juror,year,prize,org_nr,criterion,score,colour\nkari,2025,main,1,rnd,5,red\n")
    assert run_import(env, path).errors == ["head.csv:1: colour: unknown column",
                                            "head.csv:1: comment: required column missing"]
    path.write_text("comment,score,criterion,org_nr,prize,year,juror\nfint,5,rnd," + env.main[0]
                    + ",main,2025,kari\n")  # any order
    assert run_import(env, path).written == 1


def test_a_round_not_open_refuses_every_row(env):
    a = env.main[0]
    store.set_round(env.scores_db, 2025, "main", "closed", "chair")
    before = table(env.scores_db)
    path = env.tmp / "late.csv"
    path.write_text(HEADER + f"kari,2025,main,{a},rnd,5,\n" + f"kari,2025,special,{env.special[0]},unique_idea,5,\n")
    result = run_import(env, path)
    assert result.errors == [
        "late.csv:2: prize: the round for 2025 main is closed: scores are written only while it is open",
        "late.csv:3: prize: the round for 2025 special is not open (never opened): scores are written only "
        "while it is open",
    ]
    assert (result.written, result.unchanged) == (0, 0)
    assert table(env.scores_db) == before


def test_a_declared_conflict_refuses_its_rows_and_the_file(env):
    a, b, _ = env.main
    store.declare_conflict(env.scores_db, "kari", 2025, "main", a, "styreverv", "kari", env.main)
    before = table(env.scores_db)
    path = env.tmp / "kari.csv"
    path.write_text(HEADER + f"kari,2025,main,{b},rnd,5,\n" + f"kari,2025,main,{a},rnd,9,\n"
                    + f"chair,2025,main,{a},rnd,4,\n")
    result = run_import(env, path)
    assert result.errors == [f"kari.csv:3: org_nr: kari declared a conflict of interest with {a}, so scores no "
                             "criterion of it"]
    assert table(env.scores_db) == before


def test_a_submitted_sheet_refuses_its_rows(env):
    a = env.main[0]
    path = env.tmp / "all.csv"
    path.write_text(HEADER + "".join(f"kari,2025,main,{org},{c},5,\n" for org in env.main for c in MAIN_IDS))
    assert run_import(env, path).written == 27
    store.submit(env.scores_db, "kari", 2025, "main", env.main, "kari")
    path.write_text(HEADER + f"kari,2025,main,{a},rnd,6,\n")
    assert run_import(env, path).errors == [
        "all.csv:2: juror: kari submitted the sheet for 2025 main; reopen it to change a score"]
    assert store.sheet(env.scores_db, "kari", 2025, "main")[(a, "rnd")] == (5, "")


# --- export, round trip --------------------------------------------------------------------------

def test_export_then_import_changes_nothing(env, capsys):
    a, b, c = env.main
    path = env.tmp / "in.csv"
    path.write_text(HEADER + f"kari,2025,main,{a},rnd,7,\"Sier \"\"sterk\"\", ikke svak; æøå\"\n"
                    + f"kari,2025,main,{b},innovative,,bare kommentar\n"
                    + f"chair,2025,main,{c},world_market,3,\n", encoding="utf-8")
    assert run_import(env, path).written == 3
    assert main(["--scores-db", str(env.scores_db), "export", "--year", "2025", "--prize", "main"]) == 0
    exported = capsys.readouterr().out
    assert exported.splitlines() == [
        HEADER.strip(),
        f"chair,2025,main,{c},world_market,3,",
        f"kari,2025,main,{a},rnd,7,\"Sier \"\"sterk\"\", ikke svak; æøå\"",
        f"kari,2025,main,{b},innovative,,bare kommentar",
    ]
    before = table(env.scores_db)
    again = env.tmp / "export.csv"
    again.write_text(exported, encoding="utf-8")
    result = run_import(env, again)
    assert (result.written, result.unchanged, result.skipped, result.errors) == (0, 3, 0, [])
    assert table(env.scores_db) == before
    assert offline.export_csv(env.scores_db, 2025, "main") == exported


def test_an_export_of_a_submitted_sheet_and_a_closed_round_imports_back_unchanged(env):
    path = env.tmp / "all.csv"
    path.write_text(HEADER + "".join(f"kari,2025,main,{org},{c},5,\n" for org in env.main for c in MAIN_IDS))
    assert run_import(env, path).written == 27
    store.submit(env.scores_db, "kari", 2025, "main", env.main, "kari")
    exported = env.tmp / "export.csv"
    exported.write_text(offline.export_csv(env.scores_db, 2025, "main"))
    before = table(env.scores_db)
    result = run_import(env, exported)
    assert (result.written, result.unchanged, result.errors) == (0, 27, [])
    assert table(env.scores_db) == before
    store.set_round(env.scores_db, 2025, "main", "closed", "chair")
    before = table(env.scores_db)
    result = run_import(env, exported)
    assert (result.written, result.unchanged, result.errors) == (0, 27, [])
    assert table(env.scores_db) == before
    path.write_text(HEADER + f"kari,2025,main,{env.main[0]},rnd,6,\n")  # a change is still refused
    assert run_import(env, path).errors == [
        "all.csv:2: prize: the round for 2025 main is closed: scores are written only while it is open"]


def test_export_leaves_out_conflicts(env):
    a, b, _ = env.main
    path = env.tmp / "in.csv"
    path.write_text(HEADER + f"kari,2025,main,{a},rnd,7,\n" + f"kari,2025,main,{b},rnd,8,\n")
    run_import(env, path)
    store.declare_conflict(env.scores_db, "kari", 2025, "main", a, "", "kari", env.main)
    assert offline.export_csv(env.scores_db, 2025, "main") == \
        "juror,year,prize,org_nr,criterion,score,comment\r\n" + f"kari,2025,main,{b},rnd,8,\r\n"


# --- at once, and a backup -------------------------------------------------------------------

def test_two_imports_at_once_both_land(env):
    files = {}
    for juror, score in (("kari", 4), ("chair", 9)):
        files[juror] = env.tmp / f"{juror}.csv"
        files[juror].write_text(HEADER + "".join(f"{juror},2025,main,{org},{c},{score},{juror} om {c}\n"
                                                 for org in env.main for c in MAIN_IDS))
    start, results = threading.Barrier(2), {}

    def run(juror: str) -> None:
        start.wait()
        results[juror] = run_import(env, files[juror])

    threads = [threading.Thread(target=run, args=(j,)) for j in files]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert {j: (r.written, r.errors) for j, r in results.items()} == {"kari": (27, []), "chair": (27, [])}
    assert sorted(store.scores(env.scores_db, 2025, "main"), key=lambda s: (s.juror, s.org_nr, s.criterion)) == \
        sorted([Score(j, org, c, s, f"{j} om {c}") for j, s in (("kari", 4), ("chair", 9))
                for org in env.main for c in MAIN_IDS], key=lambda s: (s.juror, s.org_nr, s.criterion))


def test_backup_of_a_file_in_use_has_its_scores(env):
    path = env.tmp / "in.csv"
    path.write_text(HEADER + "".join(f"kari,2025,main,{org},{c},6,\n" for org in env.main for c in MAIN_IDS))
    reader = store.connect(env.scores_db)  # another process's reader, inside a read transaction
    try:
        reader.execute("begin")
        reader.execute("select count(*) from scores").fetchall()
        assert run_import(env, path).written == 27  # committed to the WAL; the open reader keeps it there
        wal = Path(str(env.scores_db) + "-wal")
        assert reader.execute("pragma journal_mode").fetchall() == [("wal",)] and wal.stat().st_size > 0
        copy = env.tmp / "backup" / "scores.sqlite3"
        done = cli(env, "backup", str(copy))
        assert (done.returncode, done.stderr) == (0, "")
    finally:
        reader.close()
    assert sorted(p.name for p in copy.parent.iterdir()) == ["scores.sqlite3"]  # no half-written copy left
    assert len(store.scores(copy, 2025, "main")) == 27
    assert store.scores(copy, 2025, "main") == store.scores(env.scores_db, 2025, "main")
