"""Disclosure control for peer statistics, as statistics offices practise it.

- No statistic is computed from fewer than ``MIN_GROUP`` companies.
- No sum-based statistic (the group's ratio of sums) where one company has more than
  ``MAX_SHARE`` of the group's total numerator or denominator: it would all but show that
  company's own figure.

A suppressed statistic is never sent to the browser; the page shows why, and suggests a wider group.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_GROUP = 5
MAX_SHARE = 0.60


@dataclass(frozen=True)
class Verdict:
    shown: bool
    reason: str = ""  # "too_few" or "dominated" when not shown


def order_statistic(n: int | None) -> Verdict:
    """Medians, quartiles, deciles and percentile ranks: only from enough companies."""
    return Verdict(True) if (n or 0) >= MIN_GROUP else Verdict(False, "too_few")


def sum_statistic(n: int | None, top_share: float | None) -> Verdict:
    """A ratio of sums: enough companies, and no single one dominating the totals."""
    if (n or 0) < MIN_GROUP:
        return Verdict(False, "too_few")
    if top_share is None or top_share > MAX_SHARE:
        return Verdict(False, "dominated")
    return Verdict(True)
