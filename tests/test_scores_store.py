"""The scores file's rules, on the server side of every write: rounds, conflicts, submitted
sheets, the prize's criteria, the finalists, whole scores 1–10; and its audit log."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from dashboard.scores import store
from dashboard.scores.store import Key, Refused

FINALISTS = ["900000001", "900000002"]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "scores.sqlite3"
    store.set_round(path, 2025, "main", "open", "chair")
    return path


def key(juror="kari", org="900000001", criterion="innovative", prize="main", year=2025) -> Key:
    return Key(juror, year, prize, org, criterion)


def reason(fn, *args) -> str | None:
    try:
        fn(*args)
    except Refused as exc:
        return exc.reason
    return None


def test_a_score_is_stored_changed_and_logged(db: Path) -> None:
    assert store.put(db, key(), 7, "Sterk idé", "kari", FINALISTS)
    assert not store.put(db, key(), 7, " Sterk idé ", "kari", FINALISTS)  # the same: nothing changes
    assert store.put(db, key(), 8, "Sterk idé", "kari", FINALISTS)
    assert store.sheet(db, "kari", 2025, "main") == {("900000001", "innovative"): (8, "Sterk idé")}
    log = [(a[1], a[3], a[6], a[7]) for a in store.audit(db, 2025, "main")]
    assert log == [("kari", "score", "7", "8"), ("kari", "comment", "", "Sterk idé"),
                   ("kari", "score", None, "7"), ("chair", "round", "none", "open")]
    store.put(db, key(), None, "", "kari", FINALISTS)  # cleared: no row left
    assert store.sheet(db, "kari", 2025, "main") == {}


@pytest.mark.parametrize("value", [0, 11, 7.5, "7", True, -1, float("nan"), [7], {"a": 1}])
def test_only_whole_scores_from_1_to_10(db: Path, value) -> None:
    assert reason(store.put, db, key(), value, "", "kari", FINALISTS) == "score"
    assert store.sheet(db, "kari", 2025, "main") == {}


def test_the_prize_criteria_and_the_finalists(db: Path) -> None:
    assert reason(store.put, db, key(criterion="unique_idea"), 5, "", "kari", FINALISTS) == "criterion"
    assert reason(store.put, db, key(criterion="'; drop table scores; --"), 5, "", "kari", FINALISTS) == "criterion"
    assert reason(store.put, db, key(org="999999999"), 5, "", "kari", FINALISTS) == "finalist"
    assert reason(store.put, db, key(prize="special", criterion="unique_idea"), 5, "", "kari", FINALISTS) == "round"
    store.set_round(db, 2025, "special", "open", "chair")
    assert store.put(db, key(prize="special", criterion="unique_idea"), 5, "", "kari", FINALISTS)


def test_a_closed_round_refuses_every_write(db: Path) -> None:
    store.put(db, key(), 6, "", "kari", FINALISTS)
    assert store.set_round(db, 2025, "main", "closed", "chair") == "open"
    assert reason(store.put, db, key(), 9, "", "kari", FINALISTS) == "round"
    assert reason(store.put, db, key(org="900000002"), 9, "", "kari", FINALISTS) == "round"
    assert reason(store.submit, db, "kari", 2025, "main", FINALISTS, "kari") == "round"
    assert reason(store.declare_conflict, db, "kari", 2025, "main", "900000001", "", "kari", FINALISTS) == "round"
    assert store.sheet(db, "kari", 2025, "main") == {("900000001", "innovative"): (6, "")}
    store.set_round(db, 2025, "main", "open", "chair")  # the chair may open it again
    assert store.put(db, key(), 9, "", "kari", FINALISTS)


def test_a_conflict_deletes_the_jurors_scores_and_refuses_new_ones(db: Path) -> None:
    store.put(db, key(), 6, "kjenner dem", "kari", FINALISTS)
    store.put(db, key(juror="ola"), 4, "", "ola", FINALISTS)
    store.declare_conflict(db, "kari", 2025, "main", "900000001", "styremedlem", "kari", FINALISTS)
    assert reason(store.put, db, key(), 9, "", "kari", FINALISTS) == "conflict"
    assert store.sheet(db, "kari", 2025, "main") == {}
    assert [(s.juror, s.score) for s in store.scores(db, 2025, "main")] == [("ola", 4)]  # left out of the consensus
    assert [c[:3] for c in store.conflicts(db, 2025)] == [("kari", "900000001", "styremedlem")]
    actions = [(a[3], a[6], a[7]) for a in store.audit(db, 2025, "main")[:3]]
    assert actions == [("comment", "kjenner dem", ""), ("score", "6", None), ("conflict", "none", "declared")]
    # the other finalist stays open to her; withdrawn, the company is hers to score again
    assert store.put(db, key(org="900000002"), 5, "", "kari", FINALISTS)
    store.withdraw_conflict(db, "kari", 2025, "main", "900000001", "kari")
    assert store.put(db, key(), 3, "", "kari", FINALISTS)


def test_a_conflict_cannot_change_a_submitted_sheet_or_a_closed_round(db: Path) -> None:
    """Declaring a conflict deletes scores: not those of a submitted sheet, nor of a closed round,
    in the prize it is declared in or in the other (a company can be a finalist of both)."""
    from dashboard.kpis import CRITERIA

    for c in CRITERIA:
        for org in FINALISTS:
            store.put(db, key(org=org, criterion=c.id), 5, "", "kari", FINALISTS)
    store.submit(db, "kari", 2025, "main", FINALISTS, "kari")
    assert reason(store.declare_conflict, db, "kari", 2025, "main", FINALISTS[0], "", "kari", FINALISTS) == "submitted"
    store.reopen(db, "kari", 2025, "main", "kari")
    # the other prize: its round open, this company a finalist there too; the main round closed
    store.set_round(db, 2025, "special", "open", "chair")
    store.set_round(db, 2025, "main", "closed", "chair")
    assert reason(store.declare_conflict, db, "kari", 2025, "special", FINALISTS[0], "", "kari", FINALISTS) == "round"
    assert len(store.sheet(db, "kari", 2025, "main")) == 2 * len(CRITERIA)  # nothing deleted
    store.set_round(db, 2025, "main", "open", "chair")
    assert store.declare_conflict(db, "kari", 2025, "special", FINALISTS[0], "", "kari", FINALISTS)
    store.set_round(db, 2025, "main", "closed", "chair")
    assert reason(store.withdraw_conflict, db, "kari", 2025, "main", FINALISTS[0], "kari") == "round"


def test_submit_needs_every_cell_and_locks_the_sheet_until_reopened(db: Path) -> None:
    assert reason(store.submit, db, "kari", 2025, "main", FINALISTS, "kari") == "incomplete"
    store.declare_conflict(db, "kari", 2025, "main", "900000002", "", "kari", FINALISTS)  # not asked of her
    from dashboard.kpis import CRITERIA

    for c in CRITERIA[:-1]:
        store.put(db, key(criterion=c.id), 5, "", "kari", FINALISTS)
    with store.reading(db) as con:
        assert store.missing(con, "kari", 2025, "main", FINALISTS) == [("900000001", "world_problems")]
    store.put(db, key(criterion="world_problems"), 5, "", "kari", FINALISTS)
    store.submit(db, "kari", 2025, "main", FINALISTS, "kari")
    assert store.submitted_at(db, "kari", 2025, "main") is not None
    assert reason(store.put, db, key(), 9, "", "kari", FINALISTS) == "submitted"
    store.reopen(db, "kari", 2025, "main", "kari")
    assert store.put(db, key(), 9, "", "kari", FINALISTS)


def test_jurors_writing_at_once_lose_nothing(db: Path) -> None:
    """Eight jurors in threads, each with its own connection, every cell of two finalists."""
    from dashboard.kpis import CRITERIA

    errors: list[BaseException] = []

    def juror(name: str) -> None:
        try:
            for org in FINALISTS:
                for i, c in enumerate(CRITERIA):
                    store.put(db, key(juror=name, org=org, criterion=c.id), 1 + i, "", name, FINALISTS)
        except BaseException as exc:  # noqa: BLE001  (reported below)
            errors.append(exc)

    threads = [threading.Thread(target=juror, args=(f"j{i}",)) for i in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    assert len(store.scores(db, 2025, "main")) == 8 * 2 * len(CRITERIA)
    with store.reading(db) as con:
        assert con.execute("select count(*) from audit where action = 'score'").fetchall() == [(8 * 2 * len(CRITERIA),)]
        assert con.execute("pragma journal_mode").fetchall() == [("wal",)]
