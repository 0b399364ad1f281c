"""Where a prize's winner stands among that prize's nominees, KPI by KPI, and the one line the
winner slide says about why it won. Domain logic of the presentation, kept out of the page."""

from __future__ import annotations

import math
from dataclasses import dataclass

from dashboard import state
from dashboard.db import run_query
from dashboard.disclosure import Viewer
from dashboard.i18n import t
from dashboard.kpis import KPIS, KPIS_BY_ID, LOWER_IS_BETTER, criteria_for

TOP_SHARE = 25  # a winner's line names a KPI where it is best, joint best or in the top 25 % of its nominees


@dataclass(frozen=True)
class Rank:
    """Where a winner stands among the other nominees for its prize on one KPI, as the figures are
    shown (rounded): ``better`` of the ``others`` have a better figure, ``tied`` the same."""
    value: float
    better: int
    tied: int
    others: int

    @property
    def best(self) -> bool:
        return self.better == 0

    def top(self) -> int:
        """"Top n %": the winner's place (1 + those better; a tie shares the place) as a share of
        all the nominees, rounded up so it never claims more. 0 for the best (or joint best)."""
        return 0 if self.best else math.ceil(round(100 * (self.better + 1) / (self.others + 1), 6))

    def sort_key(self) -> float:
        """Best first; a place shared with many (eleven nominees "joint best" with no injuries) counts
        as the last of them, so a place held alone goes before it."""
        return (self.better + self.tied + 1) / (self.others + 1)

    def notable(self) -> bool:
        """Worth naming to the hall as a strength: best; joint best with at most half the nominees
        (four of five "joint best" with no injuries says nothing); or in the top quarter."""
        if self.best:
            return 2 * (self.tied + 1) <= self.others + 1
        return self.top() <= TOP_SHARE

    def words(self, lang: str) -> str:
        if self.best:
            return t("present.winner.joint", lang) if self.tied else t("present.winner.best", lang)
        return t("present.winner.top", lang, n=self.top())


def contradicts(a: Rank, b: Rank, lower_is_better: bool) -> bool:
    """Whether two winners' words on one KPI, each among its own prize's nominees, would contradict
    their figures side by side: the one with the worse figure said to be best, or in a smaller top
    share, than the one with the better figure; or equal figures told differently."""
    sign = -1 if lower_is_better else 1
    if a.value == b.value:
        return a.top() != b.top()
    if a.value * sign < b.value * sign:
        a, b = b, a  # a has the better figure
    return b.best or b.top() < a.top()


def _in_sentence(label: str) -> str:
    """A KPI's name inside a sentence: "Produktivitet" -> "produktivitet", but "FoU-intensitet",
    "H-verdi" and "R&D intensity" as they are."""
    word = label.split(" ")[0]
    return label if len(word) < 2 or not word[1:].islower() or not word[1].isalpha() else label[0].lower() + label[1:]


def strengths(ranks: dict[str, Rank], prize: str, besides: dict[str, Rank] | None = None) -> list[str]:
    """The winner's KPIs for ``prize``'s measurable criteria, best place among the nominees first
    (the catalogue's order between equals). ``besides``: the other winner's ranks on the same slide;
    a KPI whose words would contradict the other winner's is left out."""
    measured = {c.id for c in criteria_for(prize) if c.measurable}
    known = [k.id for k in KPIS if k.criterion in measured and k.id in ranks
             and not (besides and k.id in besides and contradicts(ranks[k.id], besides[k.id], k.id in LOWER_IS_BETTER))]
    return sorted(known, key=lambda k: ranks[k].sort_key())


def named(ranks: dict[str, Rank], prize: str, besides: dict[str, Rank] | None = None) -> list[str]:
    """The (at most two) KPIs the winner's line names: its best places among the prize's nominees,
    only those worth calling a strength (``Rank.notable``); empty when it has no such place."""
    return [k for k in strengths(ranks, prize, besides) if ranks[k].notable()][:2]


def why(ranks: dict[str, Rank], prize: str, lang: str, besides: dict[str, Rank] | None = None) -> str | None:
    """One line on why the winner won, from the data: its two best places among the prize's nominees,
    each best, joint best or in the top quarter ("Among the best of the main prize's nominees in
    energy intensity (joint best) and automation share (top 9%)"); one, or no line, if it has fewer."""
    best = [(_in_sentence(KPIS_BY_ID[k].label(lang)), ranks[k].words(lang)) for k in named(ranks, prize, besides)]
    if not best:
        return None
    nominees = t("present.winner.nominees.main", lang) if prize == "main" else t("present.winner.nominees.special", lang)
    if len(best) == 1:
        return t("present.winner.why.one", lang, nominees=nominees, kpi=best[0][0], rank=best[0][1])
    return t("present.winner.why", lang, nominees=nominees, kpi=best[0][0], rank=best[0][1], kpi2=best[1][0],
             rank2=best[1][1])


def standing(org_nr: str, prize: str, year: int, viewer: Viewer) -> dict[str, Rank]:
    """The winner's place among the year's nominees for ``prize`` on each KPI it reports."""
    df = run_query("present_winner_ranks", company=org_nr, year=year, lower_is_better=list(LOWER_IS_BETTER),
                   places=[{"kpi": k.id, "decimals": k.decimals} for k in KPIS],
                   sel=state.selection(viewer.as_of, status=1, prize=prize))
    return {r.kpi: Rank(float(r.value), int(r.better), int(r.tied), int(r.others))
            for r in df.itertuples() if r.others > 0}
