"""The scores file: what the jurors wrote, and the rules every write passes.

One SQLite file (``SCORES_DB``, default ``data/scores.sqlite3``) in WAL mode, so that the page's
readers never wait on a writer and several workers and jurors can write at once: every write is
one ``begin immediate`` transaction that checks the rules and writes together, so that a round
closed or a conflict declared a moment before is seen. Data imports never touch this file.

A write is refused, with a reason the page and the import both report, when:

- ``round``: the chair has not opened the round for the year and prize, or has closed it;
- ``finalist``: the company is not a finalist of that year and prize;
- ``criterion``: the criterion is not one of that prize's;
- ``conflict``: the juror declared a conflict of interest with the company;
- ``submitted``: the juror submitted the sheet (reopen it to change a score);
- ``score``: the score is not a whole number from 1 to 10.

Every change is written to ``audit`` in the same transaction: who, when, what, old and new value.
A conflict keeps no scores: declaring one deletes the juror's scores and comments for that company
(the deletion is in the audit log), and the consensus leaves conflicts out besides.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from dashboard.config import ROOT
from dashboard.kpis import criteria_for

DEFAULT_PATH = ROOT / "data" / "scores.sqlite3"
REASONS = ("round", "finalist", "criterion", "conflict", "submitted", "score", "comment")  # each a jury.refused.* text
# (and "incomplete", a submit with cells unscored, which the page says with their number)
ACTIONS = ("score", "comment", "conflict", "round", "submit")  # what the audit log records
ROUND_STATES = ("none", "open", "closed")
LOWEST, HIGHEST = 1, 10
MAX_COMMENT = 2000  # characters
MAX_REASON = 200
WAIT = 15.0  # seconds a write waits for another to finish

SCHEMA = """
create table if not exists rounds (
    year integer not null, prize text not null,
    state text not null check (state in ('open', 'closed')),
    changed_at text not null, changed_by text not null,
    primary key (year, prize));
create table if not exists scores (
    juror text not null, year integer not null, prize text not null, org_nr text not null,
    criterion text not null,
    score integer check (score between 1 and 10),
    comment text not null default '',
    changed_at text not null,
    primary key (juror, year, prize, org_nr, criterion));
create table if not exists sheets (
    juror text not null, year integer not null, prize text not null, submitted_at text not null,
    primary key (juror, year, prize));
create table if not exists conflicts (
    juror text not null, year integer not null, org_nr text not null, reason text not null default '',
    declared_at text not null,
    primary key (juror, year, org_nr));
create table if not exists audit (
    id integer primary key, at text not null, actor text not null, juror text, action text not null,
    year integer, prize text, org_nr text, criterion text, old text, new text);
"""


class Refused(ValueError):
    """A write the rules do not allow; ``reason`` is one of the module's reasons."""

    def __init__(self, reason: str, detail: str = ""):
        self.reason, self.detail = reason, detail
        super().__init__(f"{reason}: {detail}" if detail else reason)


@dataclass(frozen=True)
class Key:
    """One cell of a sheet: a juror's score of a company on a criterion, in a year's prize."""

    juror: str
    year: int
    prize: str
    org_nr: str
    criterion: str


@dataclass(frozen=True)
class Score:
    juror: str
    org_nr: str
    criterion: str
    score: int | None
    comment: str


def path_from_env() -> Path:
    return Path(os.environ.get("SCORES_DB") or DEFAULT_PATH)


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are begun explicitly), the schema made."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path, timeout=WAIT, isolation_level=None)  # the timeout is SQLite's busy wait
    con.execute("pragma journal_mode = wal")
    con.executescript(SCHEMA)
    return con


@contextlib.contextmanager
def reading(path: Path) -> Iterator[sqlite3.Connection]:
    con = connect(path)
    try:
        yield con
    finally:
        con.close()


@contextlib.contextmanager
def writing(path: Path) -> Iterator[sqlite3.Connection]:
    """One transaction that holds the write lock from its start: its checks and writes see no
    other writer between them. Committed if the block ends normally, rolled back otherwise."""
    con = connect(path)
    try:
        con.execute("begin immediate")
        try:
            yield con
        except BaseException:
            con.execute("rollback")
            raise
        con.execute("commit")
    finally:
        con.close()


def _log(con: sqlite3.Connection, actor: str, action: str, *, juror: str | None = None, year: int | None = None,
         prize: str | None = None, org_nr: str | None = None, criterion: str | None = None,
         old: object = None, new: object = None) -> None:
    con.execute("insert into audit (at, actor, juror, action, year, prize, org_nr, criterion, old, new) "
                "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (now(), actor, juror, action, year, prize, org_nr, criterion,
                 None if old is None else str(old), None if new is None else str(new)))


# --- rounds ----------------------------------------------------------------------------------

def round_state(con: sqlite3.Connection, year: int, prize: str) -> str:
    """'none' (never opened), 'open' or 'closed'."""
    row = con.execute("select state from rounds where year = ? and prize = ?", (year, prize)).fetchall()
    return row[0][0] if row else "none"


def set_round(path: Path, year: int, prize: str, state: str, actor: str) -> str:
    """Open or close the round of a year and prize (the chair's); the state before."""
    if state not in ("open", "closed"):
        raise ValueError(f"a round is 'open' or 'closed', not {state!r}")
    with writing(path) as con:
        before = round_state(con, year, prize)
        if before != state:
            con.execute("insert into rounds values (?, ?, ?, ?, ?) on conflict (year, prize) do update set "
                        "state = excluded.state, changed_at = excluded.changed_at, changed_by = excluded.changed_by",
                        (year, prize, state, now(), actor))
            _log(con, actor, "round", year=year, prize=prize, old=before, new=state)
        return before


# --- the rules -------------------------------------------------------------------------------

def valid_score(value: object) -> int | None:
    """A score as stored: a whole number from 1 to 10, or None (no score). Anything else is refused."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and LOWEST <= value <= HIGHEST:
        return value
    raise Refused("score", repr(value)[:40])


def check(con: sqlite3.Connection, key: Key, finalists: Iterable[str]) -> None:
    """Refuse (``Refused``) a write of ``key`` that the rules do not allow; see the module."""
    if round_state(con, key.year, key.prize) != "open":
        raise Refused("round")
    if key.org_nr not in set(finalists):
        raise Refused("finalist", key.org_nr)
    if key.criterion not in {c.id for c in criteria_for(key.prize)}:
        raise Refused("criterion", key.criterion)
    if con.execute("select 1 from conflicts where juror = ? and year = ? and org_nr = ?",
                   (key.juror, key.year, key.org_nr)).fetchall():
        raise Refused("conflict", key.org_nr)
    if con.execute("select 1 from sheets where juror = ? and year = ? and prize = ?",
                   (key.juror, key.year, key.prize)).fetchall():
        raise Refused("submitted")


def _stored(con: sqlite3.Connection, key: Key) -> tuple[int | None, str]:
    row = con.execute("select score, comment from scores where juror = ? and year = ? and prize = ? and org_nr = ? "
                      "and criterion = ?", (key.juror, key.year, key.prize, key.org_nr, key.criterion)).fetchall()
    return (row[0][0], row[0][1]) if row else (None, "")


KEEP = object()  # a field a write leaves as stored


def write(con: sqlite3.Connection, key: Key, score: object, comment: object, actor: str,
          finalists: Iterable[str]) -> bool:
    """In a ``writing`` transaction: check ``key`` and store its score and comment (either may be
    ``KEEP``: the page saves a score and a comment by separate requests, which must not undo each
    other); each change logged. Whether anything changed: a write of what is stored already
    changes nothing, so it passes whatever the rules (an export imports back unchanged after the
    round closed)."""
    old_score, old_comment = _stored(con, key)
    score = old_score if score is KEEP else valid_score(score)
    comment = old_comment if comment is KEEP else comment_text(comment)
    if (old_score, old_comment) == (score, comment):
        return False
    check(con, key, finalists)
    where = (key.juror, key.year, key.prize, key.org_nr, key.criterion)
    if score is None and not comment:
        con.execute("delete from scores where juror = ? and year = ? and prize = ? and org_nr = ? and criterion = ?",
                    where)
    else:
        con.execute("insert into scores values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do update set "
                    "score = excluded.score, comment = excluded.comment, changed_at = excluded.changed_at",
                    (*where, score, comment, now()))
    fields = dict(juror=key.juror, year=key.year, prize=key.prize, org_nr=key.org_nr, criterion=key.criterion)
    if old_score != score:
        _log(con, actor, "score", old=old_score, new=score, **fields)
    if old_comment != comment:
        _log(con, actor, "comment", old=old_comment, new=comment, **fields)
    return True


def comment_text(value: object) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise Refused("comment", type(value).__name__)
    return " ".join(value.split())[:MAX_COMMENT]  # one line: a CSV export reads back row for row


def put(path: Path, key: Key, score: object, comment: object, actor: str, finalists: Iterable[str]) -> bool:
    """Store one cell (its own transaction); ``Refused`` if the rules do not allow it."""
    with writing(path) as con:
        return write(con, key, score, comment, actor, finalists)


# --- sheets ----------------------------------------------------------------------------------

def sheet(path: Path, juror: str, year: int, prize: str) -> dict[tuple[str, str], tuple[int | None, str]]:
    """A juror's own cells: (org_nr, criterion) -> (score, comment)."""
    with reading(path) as con:
        rows = con.execute("select org_nr, criterion, score, comment from scores where juror = ? and year = ? "
                           "and prize = ?", (juror, year, prize)).fetchall()
    return {(o, c): (s, m) for o, c, s, m in rows}


def submitted_at(path: Path, juror: str, year: int, prize: str) -> str | None:
    with reading(path) as con:
        row = con.execute("select submitted_at from sheets where juror = ? and year = ? and prize = ?",
                          (juror, year, prize)).fetchall()
    return row[0][0] if row else None


def missing(con: sqlite3.Connection, juror: str, year: int, prize: str, finalists: Iterable[str]) -> list[tuple[str, str]]:
    """The cells of a sheet without a score, conflicts left out: (org_nr, criterion)."""
    conflicted = {r[0] for r in con.execute("select org_nr from conflicts where juror = ? and year = ?",
                                            (juror, year))}
    scored = {(o, c) for o, c in con.execute(
        "select org_nr, criterion from scores where juror = ? and year = ? and prize = ? and score is not null",
        (juror, year, prize))}
    return [(org, c.id) for org in finalists if org not in conflicted for c in criteria_for(prize)
            if (org, c.id) not in scored]


def submit(path: Path, juror: str, year: int, prize: str, finalists: list[str], actor: str) -> None:
    """Mark a juror's sheet done: refused while the round is not open or a cell has no score."""
    with writing(path) as con:
        if round_state(con, year, prize) != "open":
            raise Refused("round")
        gaps = missing(con, juror, year, prize, finalists)
        if gaps:
            raise Refused("incomplete", str(len(gaps)))
        con.execute("insert into sheets values (?, ?, ?, ?) on conflict do nothing", (juror, year, prize, now()))
        _log(con, actor, "submit", juror=juror, year=year, prize=prize, old="draft", new="submitted")


def reopen(path: Path, juror: str, year: int, prize: str, actor: str) -> None:
    """Take a submitted sheet back to a draft, while the round is open."""
    with writing(path) as con:
        if round_state(con, year, prize) != "open":
            raise Refused("round")
        if con.execute("delete from sheets where juror = ? and year = ? and prize = ?", (juror, year, prize)).rowcount:
            _log(con, actor, "submit", juror=juror, year=year, prize=prize, old="submitted", new="draft")


# --- conflicts of interest -------------------------------------------------------------------

def _conflict_allowed(con: sqlite3.Connection, juror: str, year: int, prize: str, org_nr: str) -> None:
    """A conflict changes what the juror scored of the company, in any prize of the year: refused
    (``Refused``) while a round it would change is closed or a sheet it would change is submitted,
    the prize's it is declared in, and any other prize's where the juror scored the company."""
    prizes = {prize} | {r[0] for r in con.execute(
        "select distinct prize from scores where juror = ? and year = ? and org_nr = ?", (juror, year, org_nr))}
    for p in sorted(prizes):
        if round_state(con, year, p) == "closed":
            raise Refused("round")
        if con.execute("select 1 from sheets where juror = ? and year = ? and prize = ?", (juror, year, p)).fetchall():
            raise Refused("submitted")


def declare_conflict(path: Path, juror: str, year: int, prize: str, org_nr: str, reason: str, actor: str,
                     finalists: Iterable[str]) -> bool:
    """A juror's conflict of interest with a finalist of ``prize``: their scores and comments for
    it, in either prize, are deleted (logged), and later ones refused. Refused once a round it
    would change is closed (its consensus is settled) or a sheet it would change is submitted
    (reopen it first). Whether it is new."""
    if org_nr not in set(finalists):
        raise Refused("finalist", org_nr)
    with writing(path) as con:
        if con.execute("select 1 from conflicts where juror = ? and year = ? and org_nr = ?",
                       (juror, year, org_nr)).fetchall():
            return False
        _conflict_allowed(con, juror, year, prize, org_nr)
        con.execute("insert into conflicts values (?, ?, ?, ?, ?)",
                    (juror, year, org_nr, (reason or "").strip()[:MAX_REASON], now()))
        _log(con, actor, "conflict", juror=juror, year=year, org_nr=org_nr, old="none", new="declared")
        for prize_of, criterion, score, comment in con.execute(
                "select prize, criterion, score, comment from scores where juror = ? and year = ? and org_nr = ?",
                (juror, year, org_nr)).fetchall():
            _log(con, actor, "score", juror=juror, year=year, prize=prize_of, org_nr=org_nr, criterion=criterion,
                 old=score, new=None)
            if comment:
                _log(con, actor, "comment", juror=juror, year=year, prize=prize_of, org_nr=org_nr,
                     criterion=criterion, old=comment, new="")
        con.execute("delete from scores where juror = ? and year = ? and org_nr = ?", (juror, year, org_nr))
        return True


def withdraw_conflict(path: Path, juror: str, year: int, prize: str, org_nr: str, actor: str) -> bool:
    """Take a declaration back (logged), on the same terms as declaring it. Whether there was one."""
    with writing(path) as con:
        if not con.execute("select 1 from conflicts where juror = ? and year = ? and org_nr = ?",
                           (juror, year, org_nr)).fetchall():
            return False
        _conflict_allowed(con, juror, year, prize, org_nr)
        con.execute("delete from conflicts where juror = ? and year = ? and org_nr = ?", (juror, year, org_nr))
        _log(con, actor, "conflict", juror=juror, year=year, org_nr=org_nr, old="declared", new="none")
        return True


def conflicts(path: Path, year: int) -> list[tuple[str, str, str, str]]:
    """Every declaration of a year: (juror, org_nr, reason, declared_at)."""
    with reading(path) as con:
        return con.execute("select juror, org_nr, reason, declared_at from conflicts where year = ? "
                           "order by juror, org_nr", (year,)).fetchall()


# --- what the chair and the consensus read ---------------------------------------------------

def scores(path: Path, year: int, prize: str) -> list[Score]:
    """Every juror's cells of a year and prize, conflicts left out (they keep none, and a row
    written around the rules would not count either)."""
    with reading(path) as con:
        rows = con.execute(
            "select s.juror, s.org_nr, s.criterion, s.score, s.comment from scores s "
            "where s.year = ? and s.prize = ? and not exists (select 1 from conflicts c where c.juror = s.juror "
            "and c.year = s.year and c.org_nr = s.org_nr) order by s.juror, s.org_nr, s.criterion",
            (year, prize)).fetchall()
    return [Score(*r) for r in rows]


def sheets_submitted(path: Path, year: int, prize: str) -> dict[str, str]:
    with reading(path) as con:
        return dict(con.execute("select juror, submitted_at from sheets where year = ? and prize = ?", (year, prize)))


def state_of(path: Path, year: int, prize: str) -> str:
    with reading(path) as con:
        return round_state(con, year, prize)


def audit(path: Path, year: int, prize: str | None = None, limit: int = 200) -> list[tuple]:
    """The latest changes of a year (and prize; conflicts, which hold for the year, always):
    (at, actor, juror, action, org_nr, criterion, old, new), newest first."""
    with reading(path) as con:
        return con.execute(
            "select at, actor, juror, action, org_nr, criterion, old, new from audit where year = ? "
            "and (? is null or prize is null or prize = ?) order by id desc limit ?",
            (year, prize, prize, limit)).fetchall()


def backup(path: Path, dest: Path) -> None:
    """A consistent copy of the scores file at ``dest`` (SQLite's online backup, written beside
    ``dest`` and moved into place, so a half-written copy never has its name)."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", dir=dest.parent)
    os.close(fd)
    try:
        src = connect(path)
        out = sqlite3.connect(tmp)
        try:
            src.backup(out)
        finally:
            out.close()
            src.close()
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
