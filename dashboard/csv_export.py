"""CSV files the app writes: in the reader's spreadsheet convention, and safe to open.

In nb the separator is ``;`` and the decimal mark ``,`` (what a Norwegian Excel expects); in en,
``,`` and ``.``. A text cell that a spreadsheet would run as a formula (it begins with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) is prefixed with ``'`` so it stays text.
"""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import csv_format

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """``value`` unchanged, unless it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(df: pd.DataFrame, lang: str) -> str:
    """``df`` as CSV text, formula-safe, with a byte-order mark so Excel reads it as UTF-8."""
    safe = df.copy()
    safe.columns = [neutralise(str(c)) for c in safe.columns]
    for col in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[col]):
            safe[col] = safe[col].map(neutralise)
    sep, decimal = csv_format(lang)
    return "\ufeff" + safe.to_csv(index=False, sep=sep, decimal=decimal, lineterminator="\r\n")
