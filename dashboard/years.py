"""The years the data model accepts: set here and nowhere else.

Which years a page offers is not set here: it comes from the data (the ``year_span`` query, read
by ``db.year_span()`` as a ``Span``), so a new year's submissions show up on every page as soon as
they are imported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

EARLIEST = 2000  # no submission reports a year before this
FOUNDED_EARLIEST = 1800  # no company reports a founding year before this (the latest is ``latest()``)


def latest(today: date | None = None) -> int:
    """The newest year a submission may report: next year (figures for a year still running are
    accepted, a year further ahead is a typing mistake)."""
    return (today or date.today()).year + 1


@dataclass(frozen=True)
class Span:
    """The first and last year with data: the years a page offers, the last one its default."""

    first: int
    last: int

    def clamp(self, year: int) -> int:
        return min(max(year, self.first), self.last)

    def newest_first(self) -> range:
        """The years, newest first: a year dropdown's options."""
        return range(self.last, self.first - 1, -1)
