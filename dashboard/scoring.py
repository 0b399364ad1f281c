"""Criteria scores for the jury's ranking. Pure functions: numbers in, numbers out.

The rules, which the compare page states in words:

- Each KPI value is normalised to a percentile among that year's nominees for the prize: the share
  of the other nominees the company does better than, a tie counting half (0–100; 50 is the
  middle). The company itself is not counted, as on the benchmark page; a company with no other
  nominee reporting the KPI has no percentile for it. The percentiles themselves come from SQL
  (``queries/compare_percentiles.sql``), unrounded.
- A criterion's score is the mean of the percentiles of its KPIs that the company reports.
- The total is the weighted mean of the criterion scores the company has. A missing KPI, or a
  criterion with no KPI reported, is left out of both the sum and the weights: it neither helps
  nor hurts. A company with no scores at all is unranked.
- Criteria that no number measures (jury judgement) have no score and no weight here.
- Everything is computed from unrounded percentiles and rounded only where it is shown. Totals
  that differ by less than ``TIE`` are a tie: floating-point noise (the same mean summed in another
  order) must not split a tie into two places.
"""

from __future__ import annotations

from collections.abc import Mapping

from dashboard.kpis import Criterion, kpis_for

Scores = Mapping[str, float | None]
TIE = 1e-9  # on a 0–100 score shown to one decimal: only rounding noise is this small


def criterion_scores(percentiles: Scores, criteria: tuple[Criterion, ...]) -> dict[str, float | None]:
    """Each measurable criterion's score: the mean of the company's KPI percentiles for it."""
    scores: dict[str, float | None] = {}
    for c in criteria:
        if not c.measurable:
            continue
        known = [percentiles[k.id] for k in kpis_for(c.id) if percentiles.get(k.id) is not None]
        scores[c.id] = sum(known) / len(known) if known else None
    return scores


def total_score(scores: Scores, weights: Mapping[str, float]) -> float | None:
    """The weighted mean of the criterion scores the company has; None if it has none."""
    pairs = [(s, weights.get(c, 0.0)) for c, s in scores.items() if s is not None]
    weight = sum(w for _, w in pairs)
    return sum(s * w for s, w in pairs) / weight if weight > 0 else None


def ranks(totals: Mapping[str, float | None]) -> dict[str, int | None]:
    """Competition ranking (1, 2, 2, 4), best total first; unscored companies get no rank. Totals
    within ``TIE`` of each other share a place."""
    scored = [t for t in totals.values() if t is not None]
    return {org: (1 + sum(u > t + TIE for u in scored) if t is not None else None)
            for org, t in totals.items()}


def ranking(scores_by_org: Mapping[str, Scores], weights: Mapping[str, float]) -> dict[str, int | None]:
    return ranks({org: total_score(s, weights) for org, s in scores_by_org.items()})


def stability(scores_by_org: Mapping[str, Scores], weights: Mapping[str, float]) -> dict[str, int]:
    """How far each company's rank moves, at most, when any one weight changes by ±50%."""
    base = ranking(scores_by_org, weights)
    moves = {org: 0 for org in scores_by_org}
    for criterion in weights:
        for factor in (0.5, 1.5):
            changed = ranking(scores_by_org, {**weights, criterion: weights[criterion] * factor})
            for org, rank in changed.items():
                if rank is not None and base[org] is not None:
                    moves[org] = max(moves[org], abs(rank - base[org]))
    return moves
