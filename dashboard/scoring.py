"""Criteria scores for the jury's ranking. Pure functions: numbers in, numbers out.

The rules, which the compare page states in words:

- Each KPI value is normalised to a percentile among that year's nominees for the prize: the share
  of the other nominees the company does better than, a tie counting half (0–100; 50 is the
  middle). The company itself is not counted, as on the benchmark page; a company with no other
  nominee reporting the KPI has no percentile for it. The percentiles themselves come from SQL
  (``queries/compare_table.sql``), unrounded.
- A criterion's score is the mean of the percentiles of its KPIs that the company reports.
- The total is the weighted mean of the criterion scores the company has. A missing KPI, or a
  criterion with no KPI reported, is left out of both the sum and the weights: it neither helps
  nor hurts. A company with no scores at all is unranked.
- Criteria that no number measures (jury judgement) have no score and no weight here.
- Everything is computed from unrounded percentiles and rounded only where it is shown. The
  rank goes by the total as it is shown (``TOTAL_DECIMALS``): companies whose shown totals are
  equal share a place (1, 2, 2, 4), so the page never ranks 60,9 above 60,9. Floating-point noise
  (the same mean summed in another order) is rounded away first, so it cannot move a total across
  a rounding boundary either.
"""

from __future__ import annotations

from collections.abc import Mapping

from dashboard.kpis import Criterion, kpis_for

Scores = Mapping[str, float | None]
TOTAL_DECIMALS = 1  # a total is shown, written to the CSV and ranked to this many decimals
NOISE_DECIMALS = 9  # on a 0–100 score: only floating-point noise is this small


def shown_total(total: float | None) -> float | None:
    """A total as the page shows it and ranks it: to ``TOTAL_DECIMALS``, after the floating-point
    noise is rounded away (60.85 summed in another order as 60.84999999999 still shows 60.9)."""
    return None if total is None else round(round(total, NOISE_DECIMALS), TOTAL_DECIMALS)


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
    """Competition ranking (1, 2, 2, 4), best total first; unscored companies get no rank.
    Totals that are shown alike (:func:`shown_total`) share a place."""
    shown = {org: shown_total(t) for org, t in totals.items()}
    scored = [t for t in shown.values() if t is not None]
    return {org: (1 + sum(u > t for u in scored) if t is not None else None) for org, t in shown.items()}


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
