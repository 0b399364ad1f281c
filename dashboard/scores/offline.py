"""The jury's scores as a spreadsheet: a template to fill in offline, its import, and an export.

A file has the columns ``COLUMNS``, one row per juror, company and criterion. An import is
checked completely before anything is written, as a data import is, and every problem is reported
as ``FILE:ROW: column: reason``; then every row is written in one transaction of the scores file,
through the same rules as the page (``store.write``), so a file lands entirely or not at all.

A row sets the score and the comment the file has; a blank one leaves what is stored (a juror who
scored on the page and writes only comments in a fresh template loses no score), and a row with
neither is skipped. An import never clears a score: that is done on the page.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard import sheets, users
from dashboard.db import Database
from dashboard.kpis import criteria_for
from dashboard.scores import store
from dashboard.scores.finalists import finalists
from dashboard.sheets import Cell, SheetError
from dashboard.state import AWARD_PRIZES

COLUMNS = ("juror", "year", "prize", "org_nr", "criterion", "score", "comment")
PRIZES = AWARD_PRIZES
SCORING_ROLES = ("jury", "admin")
SHEET = "scores"

# What a refusal of the rules means, per reason of ``store.Refused``: the column it is about and
# the words for it.
_REFUSALS = {
    "round": ("prize", "the round for {year} {prize} is {state}: scores are written only while it is open"),
    "finalist": ("org_nr", "{org_nr} is not a finalist of {year} {prize}"),
    "criterion": ("criterion", "{criterion!r} is not a criterion of the {prize} prize"),
    "conflict": ("org_nr", "{juror} declared a conflict of interest with {org_nr}, so scores no criterion of it"),
    "submitted": ("juror", "{juror} submitted the sheet for {year} {prize}; reopen it to change a score"),
    "score": ("score", "must be a whole number from 1 to 10"),
    "comment": ("comment", "must be text"),
}
_STATES = {"none": "not open (never opened)", "closed": "closed"}


class CellError(ValueError):
    pass


@dataclass
class Row:
    """One checked row of a file, and where it came from."""

    where: str  # FILE:ROW
    key: store.Key
    score: int | None
    comment: str


@dataclass
class Result:
    """What an import did: rows whose score or comment changed, rows already as stored, blank rows
    skipped, and the problems (if any, nothing was written)."""

    written: int = 0
    unchanged: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)


# --- template and export -----------------------------------------------------------------------

def template_rows(year: int, prize: str, finalists_df: pd.DataFrame, juror: str = "") -> list[dict]:
    """One row per finalist and criterion of the prize, score and comment empty."""
    return [dict(juror=juror, year=year, prize=prize, org_nr=org_nr, criterion=c.id, score=None, comment="")
            for org_nr in finalists_df["org_nr"] for c in criteria_for(prize)]


def to_csv(rows: Iterable[dict]) -> str:
    """Rows as CSV text with the columns ``COLUMNS`` (comma-separated; an empty score is empty)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({**r, "score": "" if r["score"] is None else r["score"]} for r in rows)
    return out.getvalue()


def csv_bytes(rows: Iterable[dict]) -> bytes:
    """The CSV file: UTF-8 with a byte-order mark, so Excel reads Æ, Ø and Å right."""
    return ("\ufeff" + to_csv(rows)).encode("utf-8")


def xlsx_bytes(rows: Iterable[dict]) -> bytes:
    """The rows as a workbook with one sheet, ``scores``; organisation numbers as text."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(list(COLUMNS))
    for r in rows:
        sheet.append([r[c] for c in COLUMNS])
    for cell in sheet["D"]:
        cell.number_format = "@"  # text: a typed organisation number keeps its digits as written
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def export_csv(scores_db: Path, year: int, prize: str) -> str:
    """Every juror's stored scores and comments of a year and prize (conflicts left out), sorted, as
    CSV that an import takes back unchanged."""
    return to_csv(dict(juror=s.juror, year=year, prize=prize, org_nr=s.org_nr, criterion=s.criterion,
                       score=s.score, comment=safe_comment(s.comment)) for s in store.scores(scores_db, year, prize))


def last_year(dashboard_db: Path, prize: str) -> int | None:
    """The last year with finalists for ``prize``: the template's default year."""
    database = Database(dashboard_db)
    try:
        year = database.query("jury_last_year", prize=prize)["year"].iloc[0]
    finally:
        database.close()
    return None if pd.isna(year) else int(year)


# --- import --------------------------------------------------------------------------------------

def import_files(paths: list[Path], scores_db: Path, users_db: Path, dashboard_db: Path, actor: str,
                 sheet: str | None = None) -> Result:
    """Check every row of ``paths`` and, if none has a problem, write them all in one transaction;
    otherwise write nothing. The result counts what was done, or lists every problem. A workbook
    is read from its one sheet with data, or the one named ``sheet``."""
    result = Result()
    roles: dict[str, str | None] = {}
    finals: dict[tuple[int, str], set[str]] = {}

    def role(name: str) -> str | None:
        if name not in roles:
            user = users.get(users_db, name)
            roles[name] = user.role if user else None
        return roles[name]

    def finalists_of(year: int, prize: str) -> set[str]:
        if (year, prize) not in finals:
            finals[(year, prize)] = set(finalists(year, prize, db=dashboard_db)["org_nr"])
        return finals[(year, prize)]

    rows: list[Row] = []
    seen: dict[store.Key, str] = {}
    for path in paths:
        for line, cells in _read(path, result, sheet):
            where = f"{path}:{line}"
            if cells["score"].blank and cells["comment"].blank:
                result.skipped += 1
                continue
            row = _check(where, cells, role, finalists_of, result.errors)
            if row is None:
                continue
            if row.key in seen:
                result.errors.append(f"{where}: criterion: same juror, year, prize, org_nr and criterion as "
                                     f"{seen[row.key]}")
                continue
            seen[row.key] = where
            rows.append(row)
    if not result.errors:
        _write(rows, scores_db, actor, finalists_of, result)
    if result.errors:
        result.written = result.unchanged = 0
    return result


def _read(path: Path, result: Result, sheet: str | None = None) -> list[tuple[int, dict[str, Cell]]]:
    """The rows of one file as (line, cells by column); its problems of shape and header are
    added to ``result.errors``."""
    def error(line: int, column: str, reason: str) -> None:
        result.errors.append(f"{path}:{line}: {column}: {reason}")

    data = path.read_bytes()
    if not data.strip():
        error(1, "file", "no rows (the file is empty)")
        return []
    try:
        table = sheets.read(path, data, sheet=sheet, max_cell=store.MAX_COMMENT)
    except SheetError as exc:
        error(exc.line, exc.column, exc.reason)
        return []
    for exc in table.errors:
        error(exc.line, exc.column, exc.reason)
    unknown = [c for c in table.header if c not in COLUMNS]
    for column in unknown:
        error(table.header_line, column or "file", "unknown column" if column else "a column with no name")
    for column in COLUMNS:
        if column not in table.header:
            error(table.header_line, column, "required column missing")
    if unknown or set(COLUMNS) - set(table.header):
        return []
    position = {c: table.header.index(c) for c in COLUMNS}
    return [(line, {c: cells[i] for c, i in position.items()}) for line, cells in table.rows]


def _check(where: str, cells: dict[str, Cell], role, finalists_of, errors: list[str]) -> Row | None:
    """One row checked column by column; every problem added to ``errors``; the row if it has none."""
    values: dict[str, object] = {}
    for column, check in (("juror", _juror(role)), ("year", _year), ("prize", _prize), ("org_nr", _text),
                          ("criterion", _text), ("score", _score), ("comment", _comment)):
        try:
            values[column] = check(cells[column])
        except CellError as exc:
            errors.append(f"{where}: {column}: {exc}")
    year, prize = values.get("year"), values.get("prize")
    if year is not None and prize is not None:
        if "org_nr" in values and values["org_nr"] not in finalists_of(year, prize):
            errors.append(f"{where}: org_nr: {values['org_nr']} is not a finalist of {year} {prize}")
            del values["org_nr"]
    if prize is not None and "criterion" in values:
        ids = [c.id for c in criteria_for(prize)]
        if values["criterion"] not in ids:
            errors.append(f"{where}: criterion: {values['criterion']!r} is not a criterion of the {prize} prize "
                          f"({', '.join(ids)})")
            del values["criterion"]
    if len(values) < len(COLUMNS):
        return None
    key = store.Key(values["juror"], year, prize, values["org_nr"], values["criterion"])
    return Row(where, key, values["score"], values["comment"])


def _text(cell: Cell) -> str:
    text = cell.text.strip()
    if not text:
        raise CellError("required")
    return text


def _juror(role):
    def check(cell: Cell) -> str:
        name = _text(cell)
        found = role(name)
        if found is None:
            raise CellError(f"no user {name!r}")
        if found not in SCORING_ROLES:
            raise CellError(f"{name!r} is a {found} user; only jury and admin users score")
        return name
    return check


def _whole(cell: Cell) -> int | None:
    """A whole number as written (7, or 7.0 from a spreadsheet's number cell); None if blank. A
    decimal mark in text (7,5 or 7.0) is refused: a score has none."""
    try:
        reading = sheets.parse_number(cell, percent_allowed=False)
    except ValueError as exc:
        raise CellError(f"not a whole number: {cell.text.strip()!r} ({exc})") from None
    if reading is None:
        return None
    if reading.mark is not None or not reading.value.is_integer():
        raise CellError(f"not a whole number: {cell.text.strip()!r}")
    return int(reading.value)


def _year(cell: Cell) -> int:
    year = _whole(cell)
    if year is None:
        raise CellError("required")
    if not 1000 <= year <= 9999:
        raise CellError(f"not a year: {cell.text.strip()!r}")
    return year


def _prize(cell: Cell) -> str:
    prize = _text(cell)
    if prize not in PRIZES:
        raise CellError(f"must be 'main' or 'special', not {prize!r}")
    return prize


def _score(cell: Cell) -> int | None:
    why = ""
    try:
        score = _whole(cell)
        fits = score is None or store.LOWEST <= score <= store.HIGHEST
    except CellError as exc:
        fits, why = False, str(exc).partition(" (")[2].rstrip(")")
        why = why if "percent" in why else ""  # a cell formatted as percent: say so; the rest speaks for itself
    if not fits:
        raise CellError(f"must be a whole number from {store.LOWEST} to {store.HIGHEST}, not {cell.text.strip()!r}"
                        + (f" ({why})" if why else ""))
    return score


FORMULA_START = ("=", "+", "-", "@")  # a spreadsheet would run a cell that begins so


def safe_comment(text: str) -> str:
    """A comment as the export writes it: with a ' in front where a spreadsheet would otherwise
    run it as a formula (the import takes that ' off again)."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _comment(cell: Cell) -> str:
    text = cell.text.strip()
    if text.startswith("'") and text[1:].startswith(FORMULA_START):
        text = text[1:]  # written so by the export, or by a person, to keep it text
    if "\n" in text or "\r" in text:
        raise CellError("a line break; write the comment on one line")
    if len(text) > store.MAX_COMMENT:
        raise CellError(f"{len(text)} characters; at most {store.MAX_COMMENT}")
    return text


class _Refusals(Exception):
    """Raised inside the transaction to roll it back when a row broke the rules."""


def _write(rows: list[Row], scores_db: Path, actor: str, finalists_of, result: Result) -> None:
    """Every row in one ``store.writing`` transaction; a refusal by the rules (round not open,
    conflict, submitted sheet) is added to ``result.errors`` and rolls the whole transaction back,
    after every row has been tried, so all refusals are reported at once. A row already as stored
    is counted, not written (``store.write`` asks no rule of it: an export of a submitted sheet or
    a closed round imports back unchanged)."""
    try:
        with store.writing(scores_db) as con:
            for row in rows:
                k = row.key
                try:
                    changed = store.write(con, k, store.KEEP if row.score is None else row.score,
                                          row.comment or store.KEEP, actor, finalists_of(k.year, k.prize))
                except store.Refused as exc:
                    column, words = _REFUSALS.get(exc.reason, ("row", exc.reason))
                    state = _STATES.get(store.round_state(con, k.year, k.prize), "open")
                    result.errors.append(f"{row.where}: {column}: " + words.format(
                        year=k.year, prize=k.prize, org_nr=k.org_nr, criterion=k.criterion, juror=k.juror,
                        state=state))
                    continue
                if changed:
                    result.written += 1
                else:
                    result.unchanged += 1
            if result.errors:
                raise _Refusals
    except _Refusals:
        pass
