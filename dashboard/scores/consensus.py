"""The numbers the jury meeting starts from. Pure functions: the jurors' scores in, figures out.

A juror's **total** for a finalist is the mean of their scores on the prize's criteria (each
criterion counts alike, as the award's criteria do; a criterion they left blank is left out). Over
the jurors who scored a finalist (a conflict of interest scores nothing), each finalist gets:

- the **mean**, the **median** and the **trimmed mean** of the jurors' totals: the trimmed mean
  leaves out the one lowest and the one highest total when there are at least three (one of each,
  however many share the value), so that one juror's extreme cannot carry a finalist;
- the **spread**: the standard deviation (sample, n − 1; none for a single juror) and the lowest
  and highest total;
- a **rank** on each (1 is best; finalists whose figures are equal to two decimals share a place:
  1, 2, 2, 4);
- a **normalised** figure: every score as a z-score among all that juror's scores of the round
  (how far above or below their own average, in their own standard deviations), averaged as the
  totals are, so that a strict and a generous juror count alike. A juror who gave one score
  everywhere expresses no preference: their z-scores are all 0.

**Agreement** across the jury is Kendall's W (0 no agreement, 1 every juror ranks the finalists
alike) over the jurors who scored every finalist, with the correction for ties. **Disagreements**
are the finalist–criterion pairs where the jurors' scores lie 3 points or more apart.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

RANK_DECIMALS = 2  # figures that are equal to this many decimals share a rank
DISAGREEMENT = 3  # points between the lowest and the highest score of a finalist on a criterion
Cell = tuple[str, str, str, int]  # juror, org_nr, criterion, score


def mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def trimmed_mean(values: list[float]) -> float | None:
    """The mean without the single lowest and single highest value, from three values on (one of
    each even when several share it: 5, 5, 5, 8, 8 gives the mean of 5, 5, 8, that is 6)."""
    if len(values) < 3:
        return mean(values)
    return mean(sorted(values)[1:-1])


def spread(values: list[float]) -> float | None:
    """The sample standard deviation (n − 1); none for fewer than two values."""
    return statistics.stdev(values) if len(values) >= 2 else None


def ranks(values: Mapping[str, float | None], decimals: int = RANK_DECIMALS) -> dict[str, int | None]:
    """Competition ranks (1, 2, 2, 4), highest first; equal to ``decimals`` shares a place; none
    for a missing value."""
    shown = {k: None if v is None else round(v, decimals) for k, v in values.items()}
    known = [v for v in shown.values() if v is not None]
    return {k: None if v is None else 1 + sum(u > v for u in known) for k, v in shown.items()}


def z_scores(cells: Iterable[Cell]) -> dict[tuple[str, str, str], float]:
    """Each score as a z-score among all its juror's scores (population standard deviation); 0
    for every score of a juror whose scores are all alike."""
    cells = list(cells)
    by_juror: dict[str, list[int]] = defaultdict(list)
    for juror, _, _, score in cells:
        by_juror[juror].append(score)
    centre = {j: (statistics.fmean(v), statistics.pstdev(v)) for j, v in by_juror.items()}
    out = {}
    for juror, org, criterion, score in cells:
        m, sd = centre[juror]
        out[(juror, org, criterion)] = (score - m) / sd if sd > 0 else 0.0
    return out


def juror_totals(cells: Iterable[tuple[str, str, str, float]]) -> dict[str, dict[str, float]]:
    """juror -> finalist -> the mean of that juror's values for the finalist over the criteria."""
    sums: dict[tuple[str, str], list[float]] = defaultdict(list)
    for juror, org, _, value in cells:
        sums[(juror, org)].append(value)
    out: dict[str, dict[str, float]] = defaultdict(dict)
    for (juror, org), values in sums.items():
        out[juror][org] = sum(values) / len(values)
    return dict(out)


def average_ranks(values: Mapping[str, float]) -> dict[str, float]:
    """Ranks 1..n, highest value first; tied values share the mean of the places they take."""
    ordered = sorted(values, key=lambda k: -values[k])
    out: dict[str, float] = {}
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and values[ordered[j + 1]] == values[ordered[i]]:
            j += 1
        for k in ordered[i:j + 1]:
            out[k] = (i + j) / 2 + 1
        i = j + 1
    return out


@dataclass(frozen=True)
class Agreement:
    w: float | None  # Kendall's W, 0–1; None when it cannot be computed
    jurors: int  # the jurors it is computed over: those who scored every finalist
    of_jurors: int  # all jurors with a score


def kendalls_w(totals: Mapping[str, Mapping[str, float]], finalists: list[str]) -> Agreement:
    """Kendall's coefficient of concordance over the jurors with a total for every finalist,
    corrected for ties: W = 12·S / (m²(n³ − n) − m·ΣT), T = Σ(t³ − t) over each juror's groups of
    tied finalists. None for fewer than two such jurors or finalists, or when every juror ties
    every finalist (nothing to agree on)."""
    complete = [j for j, by_org in totals.items() if all(org in by_org for org in finalists)]
    m, n = len(complete), len(finalists)
    if m < 2 or n < 2:
        return Agreement(None, m, len(totals))
    rank_sums = dict.fromkeys(finalists, 0.0)
    ties = 0.0
    for juror in complete:
        values = {org: totals[juror][org] for org in finalists}
        for org, r in average_ranks(values).items():
            rank_sums[org] += r
        for size in _tie_sizes(values.values()):
            ties += size ** 3 - size
    centre = m * (n + 1) / 2
    s = sum((r - centre) ** 2 for r in rank_sums.values())
    denominator = m * m * (n ** 3 - n) - m * ties
    return Agreement(12 * s / denominator if denominator > 0 else None, m, len(totals))


def _tie_sizes(values: Iterable[float]) -> list[int]:
    counts: dict[float, int] = defaultdict(int)
    for v in values:
        counts[v] += 1
    return [c for c in counts.values() if c > 1]


@dataclass(frozen=True)
class Finalist:
    org_nr: str
    jurors: int
    mean: float | None
    median: float | None
    trimmed: float | None
    sd: float | None
    low: float | None
    high: float | None
    normalised: float | None  # mean over jurors of their mean z-score for the finalist
    rank_mean: int | None
    rank_median: int | None
    rank_trimmed: int | None
    rank_normalised: int | None


@dataclass(frozen=True)
class Disagreement:
    org_nr: str
    criterion: str
    low: int
    high: int
    scores: tuple[tuple[str, int], ...]  # (juror, score), lowest first

    @property
    def spread(self) -> int:
        return self.high - self.low


@dataclass(frozen=True)
class Consensus:
    finalists: tuple[Finalist, ...]  # in the order of the mean's rank (unscored last, by order given)
    agreement: Agreement
    disagreements: tuple[Disagreement, ...]  # widest first
    heat: dict[tuple[str, str], float]  # (criterion, org_nr) -> mean score
    jurors: tuple[str, ...]


def consensus(cells: Iterable[Cell], finalists: list[str]) -> Consensus:
    """The consensus of a round from its cells (juror, org_nr, criterion, score), conflicts
    already left out, for ``finalists`` (their org numbers, in the order to list unscored ones)."""
    cells = [c for c in cells if c[1] in finalists and c[3] is not None]
    totals = juror_totals(cells)
    z = z_scores(cells)
    z_totals = juror_totals((j, o, c, z[(j, o, c)]) for j, o, c, _ in cells)
    per_org = {org: [by_org[org] for by_org in totals.values() if org in by_org] for org in finalists}
    figures = {org: dict(mean=mean(v), median=median(v), trimmed=trimmed_mean(v)) for org, v in per_org.items()}
    normalised = {org: mean([by_org[org] for by_org in z_totals.values() if org in by_org]) for org in finalists}
    rank = {name: ranks({org: figures[org][name] for org in finalists}) for name in ("mean", "median", "trimmed")}
    rank_normalised = ranks(normalised)
    rows = [Finalist(org, len(v), figures[org]["mean"], figures[org]["median"], figures[org]["trimmed"], spread(v),
                     min(v) if v else None, max(v) if v else None, normalised[org], rank["mean"][org],
                     rank["median"][org], rank["trimmed"][org], rank_normalised[org])
            for org, v in per_org.items()]
    rows.sort(key=lambda r: (r.rank_mean is None, r.rank_mean or 0, finalists.index(r.org_nr)))
    return Consensus(tuple(rows), kendalls_w(totals, finalists), disagreements(cells),
                     heat_map(cells), tuple(sorted(totals)))


def disagreements(cells: Iterable[Cell], threshold: int = DISAGREEMENT) -> tuple[Disagreement, ...]:
    """Finalist–criterion pairs whose scores lie ``threshold`` points or more apart, widest first."""
    by_pair: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for juror, org, criterion, score in cells:
        by_pair[(org, criterion)].append((juror, score))
    found = [Disagreement(org, criterion, min(s for _, s in v), max(s for _, s in v),
                          tuple(sorted(v, key=lambda p: (p[1], p[0]))))
             for (org, criterion), v in by_pair.items() if max(s for _, s in v) - min(s for _, s in v) >= threshold]
    return tuple(sorted(found, key=lambda d: (-d.spread, d.org_nr, d.criterion)))


def heat_map(cells: Iterable[Cell]) -> dict[tuple[str, str], float]:
    """(criterion, org_nr) -> the jurors' mean score."""
    by_pair: dict[tuple[str, str], list[int]] = defaultdict(list)
    for _, org, criterion, score in cells:
        by_pair[(criterion, org)].append(score)
    return {k: sum(v) / len(v) for k, v in by_pair.items()}


@dataclass(frozen=True)
class Beside:
    org_nr: str
    jury_rank: int | None
    data_rank: int | None

    @property
    def difference(self) -> int | None:
        """Places the data ranks the finalist lower than the jury does (negative: higher)."""
        return None if self.jury_rank is None or self.data_rank is None else self.data_rank - self.jury_rank


def beside_data(jury_ranks: Mapping[str, int | None], data_ranks: Mapping[str, int | None]) -> tuple[list[Beside], list[Beside]]:
    """The jury's rank next to the data's for every finalist, and the ones called out: those
    whose ranks differ by the largest number of places (none when they agree everywhere)."""
    rows = [Beside(org, jury_ranks.get(org), data_ranks.get(org)) for org in jury_ranks]
    gaps = [abs(r.difference) for r in rows if r.difference]
    largest = max(gaps, default=0)
    return rows, [r for r in rows if largest and r.difference is not None and abs(r.difference) == largest]


BANDS = ("very_weak", "weak", "moderate", "strong", "very_strong")


def agreement_band(w: float) -> str:
    """Schmidt's (1997) words for a W: very weak, weak, moderate, strong, very strong (an i18n key's end)."""
    for limit, band in ((0.1, "very_weak"), (0.3, "weak"), (0.5, "moderate"), (0.7, "strong")):
        if w < limit:
            return band
    return "very_strong"
