"""Whom the jury scores: the finalists of a year and prize, from the dashboard's database."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.db import Database, run_query


def finalists(year: int, prize: str, db: Path | None = None) -> pd.DataFrame:
    """org_nr, name, county, sector of the year's finalists for ``prize``, by name; from the
    serving app's database, or from the file ``db`` (the command line's)."""
    if db is None:
        return run_query("jury_finalists", year=year, prize=prize)
    database = Database(db)
    try:
        return database.query("jury_finalists", year=year, prize=prize)
    finally:
        database.close()
