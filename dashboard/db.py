"""Read-only access to the DuckDB file: run a named SQL statement from ``queries/``.

The connection opens lazily on the first query, once per process, and each call takes its own
cursor, so threads share one connection safely. Parameters are bound by DuckDB (``$name`` in the
SQL), never formatted into the text. Ids chosen by a user (KPI, dimension) are checked against
their allow-lists before a query runs.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
import functools
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
from flask import current_app, g, has_app_context, has_request_context

from dashboard.kpis import UnknownIdError, get_kpi
from dashboard.years import Span

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"
MACROS_DIR = QUERIES_DIR / "macros"  # SQL macros the queries call; the data build stores them
DIMENSIONS = ("county", "sector", "size_class")
_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")
log = logging.getLogger(__name__)
_logged: set[str] = set()  # unreadable files already logged by this process


class DatabaseError(RuntimeError):
    """The database file cannot be opened or read. The message names the file and the fix."""

    def __init__(self, path: Path, reason: str):
        self.path, self.reason = path, reason
        super().__init__(
            f"Cannot read the database file {path}: {reason}. "
            f"Rebuild it with `make data DB={path}` (demo data) or re-import your data."
        )


@cache
def _sql(name: str) -> tuple[str, frozenset[str]]:
    """The SQL text of ``queries/<name>.sql`` and the parameter names it uses."""
    if name not in query_names():
        raise UnknownIdError("query", name, query_names())
    text = (QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")
    return text, frozenset(_PARAM.findall(text))


@cache
def query_names() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in QUERIES_DIR.glob("*.sql")))


def _check_ids(params: dict[str, Any]) -> None:
    if "kpi" in params:
        get_kpi(params["kpi"])
    for kpi in [*params.get("kpis", ()), *params.get("lower_is_better", ())]:
        get_kpi(kpi)
    if "dim" in params and params["dim"] not in DIMENSIONS:
        raise UnknownIdError("dimension", params["dim"], DIMENSIONS)


class Database:
    """One DuckDB file, opened read-only on first use."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._con: duckdb.DuckDBPyConnection | None = None
        self._identity: tuple[str, int] | None = None  # the resolved path and inode it reads
        self._retired: list[tuple[float, duckdb.DuckDBPyConnection]] = []
        self._lock = threading.Lock()

    def _connection(self) -> duckdb.DuckDBPyConnection:
        """The open connection, reopened when an import has published a new file.

        An import writes a new versioned file and atomically points the configured path at it
        (see ``warehouse.publish``), so the path then resolves to another file. DuckDB caches
        databases by path, so the new file is opened by its own resolved path. The old connection
        is kept for a grace period, so queries already running on it finish undisturbed.
        """
        real = os.path.realpath(self.path)
        try:
            identity = (real, os.stat(real).st_ino)
        except OSError:
            identity = None
        if self._con is None or identity != self._identity:
            with self._lock:
                if self._con is None or identity != self._identity:
                    if identity is None:
                        raise self._unreadable(DatabaseError(self.path, "the file does not exist"))
                    try:
                        con = duckdb.connect(real, read_only=True)
                    except duckdb.Error as exc:
                        raise self._unreadable(DatabaseError(self.path, _first_line(exc))) from exc
                    if self._con is not None:
                        self._retired.append((time.monotonic(), self._con))
                    self._con, self._identity = con, identity
                    self._close_retired()
        return self._con

    def _close_retired(self, grace: float = 120.0) -> None:
        now = time.monotonic()
        keep = []
        for since, con in self._retired:
            if now - since > grace:
                con.close()
            else:
                keep.append((since, con))
        self._retired = keep

    def query(self, name: str, **params: Any) -> pd.DataFrame:
        """Run ``queries/<name>.sql`` with ``params`` bound to its ``$name`` placeholders."""
        sql, wanted = _sql(name)
        given = set(params)
        if given != wanted:
            raise TypeError(
                f"query {name!r} takes parameters {sorted(wanted)}, got {sorted(given)}"
            )
        _check_ids(params)
        cursor = self._connection().cursor()
        try:
            return cursor.execute(sql, params).df()
        except duckdb.Error as exc:
            if not _unreadable_file(exc):
                raise
            raise self._unreadable(DatabaseError(self.path, _first_line(exc))) from exc
        finally:
            cursor.close()

    def _unreadable(self, exc: DatabaseError) -> DatabaseError:
        """Note for the request that the data is unavailable (``errors`` answers its callbacks so),
        and log it once per file: at start-up (workers forked after it do not repeat it), else
        once an hour across all workers (``ratelimit``), and again when the file changes. Every
        request reading a damaged file fails the same way, so more lines would say nothing."""
        if has_request_context():
            g.database_error = exc
        real = os.path.realpath(self.path)
        try:
            st = os.stat(real)
            key = f"{real}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"
        except OSError:
            key = f"{real}:missing"
        if key not in _logged:
            _logged.add(key)
            from dashboard import ratelimit

            if not has_app_context() or ratelimit.allow("log-unreadable-database", key, 1, 3600):
                log.error("%s", exc)
        return exc

    def identity(self) -> tuple[str, int] | None:
        """Which file the queries read now (it changes when an import publishes a new one)."""
        self._connection()
        return self._identity

    def check(self) -> dict[str, str]:
        """The database's metadata; raises DatabaseError if the file is not a usable database."""
        meta = self.query("meta")
        return dict(zip(meta["key"], meta["value"]))

    def close(self) -> None:
        with self._lock:
            for _, con in self._retired:
                _close(con)
            self._retired = []
            if self._con is not None:
                _close(self._con)
                self._con = None
                self._identity = None


def _close(con: duckdb.DuckDBPyConnection, attempts: int = 200) -> None:
    """Close a connection; one still running a query in another thread is interrupted first
    (DuckDB 2 refuses to close a busy connection rather than wait)."""
    for _ in range(attempts):
        try:
            con.close()
            return
        except duckdb.Error as exc:
            if "already closed" in str(exc):
                return
            if "busy" not in str(exc):
                raise
            try:
                con.interrupt()
            except duckdb.Error:
                pass  # closed meanwhile: the next attempt says so
            time.sleep(0.01)
    con.close()


def _unreadable_file(exc: duckdb.Error) -> bool:
    """Whether a DuckDB error says the file cannot be read (missing tables, I/O, a damaged block),
    as opposed to a query it cannot run. A damaged block's checksum error is a plain duckdb.Error."""
    if isinstance(exc, (duckdb.IOException, duckdb.CatalogException, duckdb.InternalException,
                        duckdb.FatalException)):
        return True
    return type(exc) is duckdb.Error or "corrupt database" in str(exc).lower()


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def get_db() -> Database:
    """The Database of the app serving the current request."""
    return current_app.extensions["dashboard.db"]


def run_query(name: str, **params: Any) -> pd.DataFrame:
    """Run a named query against the current app's database."""
    return get_db().query(name, **params)



def cached(maxsize: int = 1024) -> Callable:
    """Memoise a view builder per database file: ``fn(*args)`` with hashable arguments (a frozen
    selection, a language) gives the same answer until an import publishes a new file. Many
    viewers at an event ask for the same few views; each worker process keeps its own cache.
    Callers must not change what they get back."""

    def decorate(fn: Callable) -> Callable:
        @functools.lru_cache(maxsize=maxsize)
        def by_file(identity: tuple, *args: Any) -> Any:
            return fn(*args)

        @functools.wraps(fn)
        def wrapper(*args: Any) -> Any:
            return by_file(get_db().identity(), *args)

        wrapper.cache_clear = by_file.cache_clear  # type: ignore[attr-defined]
        return wrapper

    return decorate


@cached(maxsize=16)
def year_span() -> Span:
    """The first and last year with data in the current app's database: the years every page
    offers. Read again when an import publishes a new file, so a new year needs no restart. A
    database with no figures offers this year alone."""
    df = run_query("year_span")
    first, last = df["first_year"].iloc[0], df["last_year"].iloc[0]
    if pd.isna(first) or pd.isna(last):
        return Span(date.today().year, date.today().year)
    return Span(int(first), int(last))
