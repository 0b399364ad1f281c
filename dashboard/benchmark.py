"""Benchmark arithmetic: where a value stands against a peer statistic. Pure: numbers in, numbers out.

Every comparison and difference here is made on the unrounded figures; a caller rounds the result
once, for display. Rounding the value and the statistic first and then subtracting or comparing
them is off in the last digit about one time in seven, and can call a company that is below the
top quartile "in the top quartile" (14.30 against 13.52 shown without decimals is 14 against 14).
"""

from __future__ import annotations

import math


def _known(x: float | None) -> bool:
    return x is not None and not (isinstance(x, float) and math.isnan(x))


def reaches(value: float | None, target: float | None, higher_is_better: bool) -> bool | None:
    """Whether ``value`` is at least as good as ``target`` in the KPI's direction (equal counts);
    None when either is unknown."""
    if not (_known(value) and _known(target)):
        return None
    return bool(value >= target if higher_is_better else value <= target)


def gap_to(value: float | None, target: float | None, higher_is_better: bool) -> float | None:
    """How far ``value`` is from ``target`` in the KPI's unit, in the KPI's direction: 0 when it
    already reaches it, else the positive distance. Unrounded; None when either is unknown."""
    if not (_known(value) and _known(target)):
        return None
    return max(0.0, float(target) - float(value)) if higher_is_better else max(0.0, float(value) - float(target))


def round_shown(value: float | None, decimals: int) -> float | None:
    """A figure rounded once to the precision it is shown at; None for unknown."""
    return round(float(value), decimals) if _known(value) else None
