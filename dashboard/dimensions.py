"""Counties and sectors: codes, names in both languages, map tiles and colours.

Read from ``data/counties.csv`` and ``data/sectors.csv``, the same files the data build loads into
DuckDB, so a label or a colour is defined once.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd

from dashboard.i18n import column

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

SIZE_CLASSES = ("small", "medium", "large")  # under 50, 50–249, 250 and more FTE
OWNERSHIP = ("norwegian", "foreign")  # who owns the company (a submission's optional column)
SIZE_LIMITS = (50, 250)  # FTE where medium and large begin; the data build uses the same


def size_class(fte: float | None) -> str | None:
    """A company's size class by its FTE, as the data build assigns it; None when FTE is unknown."""
    if fte is None:
        return None
    return SIZE_CLASSES[sum(fte >= limit for limit in SIZE_LIMITS)]


@cache
def counties() -> pd.DataFrame:
    """The 15 counties from 2024, indexed by two-digit code."""
    df = pd.read_csv(DATA_DIR / "counties.csv", dtype={"code": str})
    return df.set_index("code", drop=False)


@cache
def sectors() -> pd.DataFrame:
    """NACE divisions 10–33, indexed by integer code."""
    df = pd.read_csv(DATA_DIR / "sectors.csv", dtype={"code": int})
    return df.set_index("code", drop=False)


def county_name(code: str, lang: str) -> str:
    return counties().loc[code, column(lang, "name")]


def sector_name(code: int, lang: str, short: bool = True) -> str:
    return sectors().loc[int(code), column(lang, "short" if short else "name")]
