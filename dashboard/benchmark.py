"""The benchmark: where one company (or typed figures) stands among its peers, and the arithmetic of
gaps. Used by the benchmark page and by its downloadable report; pages only lay out what this
computes.

Every peer figure is an aggregate that passes disclosure control (``dashboard.disclosure``): no
other company's name, number or value is computed into a result.

Every comparison and difference here is made on the unrounded figures; the result is rounded once,
for display. Rounding the value and the statistic first and then subtracting or comparing them is
off in the last digit about one time in seven, and can call a company that is below the top
quartile "in the top quartile" (14.30 against 13.52 shown without decimals is 14 against 14).

"In the top quartile" agrees with the percentile shown beside it: the value reaches the top
quartile *and* the company beats at least three in four of its peers. The two can differ in a
small group, because the quartile is interpolated between companies while the percentile counts
them; where the value reaches the quartile but the percentile is under 75 the row is "at the edge".
The percentile is shown rounded down, so a 75 on the page always means at least 75.
"""

from __future__ import annotations

import functools
import itertools
import math
from dataclasses import dataclass, field, replace
from datetime import date

import duckdb
import pandas as pd

from dashboard import dimensions, disclosure, ratelimit, state
from dashboard.db import cached, run_query, year_span
from dashboard.disclosure import Viewer
from dashboard.i18n import fmt_number, t, tn, with_unit
from dashboard.kpis import KPIS, KPIS_BY_ID, LOWER_IS_BETTER, MEASURES, MEASURE_IDS

PEER_OPTIONS = ("sector", "county", "size")


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


TOP = 75.0  # the percentile a company in the top quartile reaches


def shown_percentile(raw: float | None) -> float | None:
    """A percentile as shown: rounded down to a whole number, so that a shown 75 is at least 75
    and a shown 74 is under it (rounding to nearest would show 74.6 as 75 beside "not in the top
    quartile"). The tolerance only absorbs float noise in an exact whole number."""
    return float(math.floor(float(raw) + 1e-9)) if _known(raw) else None


def standing(value: float | None, target: float | None, pct: float | None,
             higher_is_better: bool) -> tuple[bool | None, bool]:
    """Whether the subject is in the top quartile, and whether it is "at the edge" of it.

    In the top quartile: the unrounded value reaches the unrounded top quartile, and the unrounded
    percentile (None for a typed band, which is placed by the value alone) is at least 75. At the
    edge: the value reaches the quartile but the percentile is under 75 (an interpolated quartile
    in a small group). Unknown (None, False) when the value or the quartile is."""
    reached = reaches(value, target, higher_is_better)
    if reached is None:
        return None, False
    beats = pct is None or not _known(pct) or float(pct) >= TOP
    return bool(reached and beats), bool(reached and not beats)


@dataclass(frozen=True)
class Subject:
    """Whom we benchmark: a company's own figures, or typed ones (``org_nr`` None)."""

    name: str
    org_nr: str | None
    sector: int
    county: str
    fte: float | None
    values: dict[str, float | None]  # KPI values in the benchmark year
    history: dict[str, dict[int, float]] = field(default_factory=dict)  # KPI -> year -> value

    @property
    def size(self) -> str | None:
        return dimensions.size_class(self.fte)


def company_subject(query: str, year: int) -> Subject | None:
    """The company whose organisation number or full name is ``query``, with its own figures."""
    found = run_query("benchmark_subject", query=query.strip()[:120], year=year)
    if found.empty:
        return None
    c = found.iloc[0]
    values = run_query("benchmark_subject_values", org_nr=c["org_nr"])
    history: dict[str, dict[int, float]] = {}
    for kpi, yr, value in zip(values["kpi"], values["year"], values["value"]):
        history.setdefault(kpi, {})[int(yr)] = float(value)
    own_fte = float(c["fte"]) if pd.notna(c["fte"]) else None
    return Subject(name=c["name"], org_nr=c["org_nr"], sector=int(c["sector"]), county=c["county"],
                   fte=own_fte, values={k: history.get(k, {}).get(year) for k in KPIS_BY_ID},
                   history=history)


def allowed_subject(query: str, year: int, viewer: Viewer | None = None) -> Subject | None:
    """The company to benchmark, if the viewer may see its figures: the jury any company, a
    company user only its own, the public none (it may type figures instead). A refusal looks
    exactly like an unknown company."""
    viewer = disclosure.or_public(viewer)
    if not viewer.full and viewer.org is None:
        return None
    subject = company_subject(query, year)
    if subject is not None and not viewer.full and subject.org_nr != viewer.org:
        return None
    return subject


def clean_measures(raw: object) -> dict[str, float | None]:
    """Typed base measures: numbers only, finite, not negative, shares at most 100."""
    raw = raw if isinstance(raw, dict) else {}
    out: dict[str, float | None] = {}
    for m in MEASURES:
        value = raw.get(m.id)
        if isinstance(value, str):
            value = value.replace("\u00a0", "").replace(" ", "").replace(",", ".")
        try:
            number = float(value) if value not in (None, "") and not isinstance(value, bool) else None
        except (TypeError, ValueError):
            number = None
        if number is not None and (not math.isfinite(number) or number < 0 or number > 1e12
                                   or (m.max_value is not None and number > m.max_value)):
            number = None
        out[m.id] = number
    return out


def typed_kpis(measures: dict[str, float | None]) -> dict[str, float | None]:
    """KPI values of typed measures, with the catalogue's own formulas (in an in-memory DuckDB).

    The expressions are the catalogue's constants; the typed numbers are bound parameters. One
    year of figures has no baseline, so emissions reduction stays unknown.
    """
    columns = ", ".join(f"${m}::double as {m}" for m in MEASURE_IDS)
    exprs = ", ".join(f"case when ({k.denominator}) > 0 then ({k.numerator}) / ({k.denominator}) end"
                      for k in KPIS)
    sql = f"select {exprs} from (select {columns}, null::double as base_emissions_t)"
    cursor = _calculator().cursor()  # a cursor per call: each thread its own
    try:
        row = cursor.execute(sql, measures).fetchall()[0]
    finally:
        cursor.close()
    return {k.id: (None if v is None else float(v)) for k, v in zip(KPIS, row)}


@functools.cache
def _calculator() -> duckdb.DuckDBPyConnection:
    """One in-memory DuckDB per process for typed figures (opening one took 15 ms a call). Made on
    first use, so in a server worker, never before the fork."""
    return duckdb.connect()


def typed_subject(measures: dict[str, float | None], sector: object, county: object, lang: str) -> Subject:
    """Typed figures as a subject, in a sector and county (known codes only)."""
    sectors, counties = dimensions.sectors(), dimensions.counties()
    sector_code = int(sector) if isinstance(sector, int) and sector in sectors.index else 25
    county_code = county if isinstance(county, str) and county in counties.index else "03"
    return Subject(name=t("benchmark.mode.typed", lang), org_nr=None, sector=sector_code, county=county_code,
                   fte=measures.get("fte"), values=typed_kpis(measures))


def peer_filter(subject: Subject, options: list[str]) -> dict:
    """The peer group as the query's selection (``$sel``): each ticked option narrows it to the
    subject's own sector, county or size class."""
    return {"sel": state.selection(
        disclosure.FOREVER,
        counties=[subject.county] if "county" in options else [],
        sectors=[subject.sector] if "sector" in options else [],
        sizes=[subject.size] if "size" in options and subject.size else [],
    )}


def group_line(count: int, subject: Subject, options: list[str], lang: str) -> str:
    """The peer group's size and make-up: "Peer group: 23 companies (Machinery · 50–249 FTE)"; for a
    group too small to show, its make-up only (the banner says why; the subject is never its own
    peer, so the count of the others read "0 companies" beside a banner about fewer than 5)."""
    what = describe_group(subject, options, lang)
    if count < disclosure.MIN_GROUP:
        return t("benchmark.group.few", lang, what=what)
    return tn("benchmark.group", count, lang, what=what)


def describe_group(subject: Subject, options: list[str], lang: str) -> str:
    """The peer group in words: "Metaller · Vestland", or all manufacturing in Norway."""
    parts = []
    if "sector" in options:
        parts.append(dimensions.sector_name(subject.sector, lang))
    if "county" in options:
        parts.append(dimensions.county_name(subject.county, lang))
    if "size" in options and subject.size:
        parts.append(t(f"size.{subject.size}", lang))
    return " · ".join(parts) if parts else t("benchmark.group.all", lang)


PROBS = ("p10", "p25", "p50", "p75", "p90")
BAND_MIDDLE = {"below_p25": 12.5, "p25_p50": 37.5, "p50_p75": 62.5, "p75_p90": 82.5, "above_p90": 95.0}


def peer_cell(subject: Subject, options: list[str]) -> disclosure.Cell:
    """The peer group as a cell of the public lattice."""
    return disclosure.Cell(subject.county if "county" in options else None,
                           subject.sector if "sector" in options else None,
                           subject.size if "size" in options and subject.size else None)


@dataclass(frozen=True)
class PeerRow:
    """One KPI of the benchmark: the subject against its peer group, as the viewer may see it.
    Figures are rounded as shown; a suppressed statistic is None and ``hidden`` says why."""

    kpi: str
    n: int  # peers reporting the KPI (never the subject)
    value: float | None  # the subject's own value
    pct: float | None  # its percentile among the peers, or a typed band's middle (for the strips)
    band: str | None  # typed figures seen by the public: the band instead of a percentile
    p10: float | None
    p25: float | None
    p50: float | None
    p75: float | None
    p90: float | None
    top_quartile: float | None  # p75 or p25, in the KPI's direction
    top_decile: float | None
    group: float | None  # the group's ratio of sums
    hidden: str  # why the order statistics are suppressed ("" when shown)
    group_hidden: str  # why the group total is suppressed
    winners: float | None  # the winners' level
    gap: float | None  # to the top quartile, from unrounded figures, rounded once
    in_top: bool | None  # in the top quartile: the value reaches it and the percentile is >= 75
    at_edge: bool = False  # the value reaches the top quartile, the percentile is under 75

    @property
    def quartiles(self) -> tuple[float | None, float | None, float | None]:
        """The quartiles worst to best in the KPI's direction (p75 first where lower is better)."""
        return (self.p25, self.p50, self.p75) if KPIS_BY_ID[self.kpi].higher_is_better \
            else (self.p75, self.p50, self.p25)

    @property
    def quarter(self) -> str | None:
        """Where the subject stands, for the cell's colour: "q1" (worst quarter) to "q3", "top",
        "top10"; None when there is no percentile. Agrees with the number shown and the verdict:
        the top classes only in the top quartile."""
        if self.pct is None:
            return None
        if self.in_top:
            return "top10" if self.pct >= 90 else "top"
        return "q1" if self.pct < 25 else "q2" if self.pct < 50 else "q3"


def rows(subject: Subject, options: list[str], year: int,
         viewer: Viewer | None = None, quantiles: bool = True) -> tuple[int, list[PeerRow]]:
    """Per KPI: the subject's value and percentile and the peer statistics the viewer may see,
    rounded to the KPI's precision. Suppressed statistics are None with a reason. Without
    ``quantiles`` (the year before, for its percentiles only) the quantiles are None, uncomputed.

    The jury sees exact quantiles of any group of at least five. Anyone else sees a peer group only
    where its cell of the public lattice is published (``disclosure``), quantiles as the mean of the
    companies nearest each quantile, the winners' level of the newest year only (older pools differ
    from it by a year's one or two winners), and for typed figures a band, not a percentile.

    The percentile counts the other companies of the peer group only, never the subject itself.
    The gap to the top quartile and ``in_top`` (whether the subject reaches it) come from the
    unrounded value and quartile; the gap is then rounded once."""
    viewer = disclosure.or_public(viewer)
    exclude = subject.org_nr or ""
    peers = peer_filter(subject, options)
    known = {k: v for k, v in subject.values.items() if v is not None}
    if quantiles and not viewer.full:  # the public's windowed quantiles, from the sorted values
        stats = run_query("benchmark_peer_stats_public", year=year, exclude=exclude, kpis=list(known),
                          values=list(known.values()), lower_is_better=list(LOWER_IS_BETTER),
                          **disclosure.QUANTILE_PARAMS, **peers).set_index("kpi")
    else:  # the jury's exact quantiles, selected without sorting the group; none without ``quantiles``
        stats = run_query("benchmark_peer_stats", year=year, exclude=exclude, kpis=list(known),
                          values=list(known.values()), lower_is_better=list(LOWER_IS_BETTER), quantiles=quantiles,
                          **peers).set_index("kpi")
    winners = winners_level(year, viewer.as_of)
    count = run_query("benchmark_peer_count", year=year, exclude=exclude, **peers)["companies"].iloc[0]
    cell = peer_cell(subject, options)
    verdict = {} if viewer.full else disclosure.verdicts(run_query, [k.id for k in KPIS], [year], [cell])
    newest = year == year_span().last
    out = []
    for k in KPIS:
        d = k.decimals
        s = stats.loc[k.id] if k.id in stats.index else None
        n = int(s["n"]) if s is not None else 0
        w = winners.loc[k.id] if k.id in winners.index else None
        # the peers' total: enough companies, none dominating it (checked on the peers themselves:
        # a published cell without the subject can be dominated by one company)
        total = disclosure.sum_statistic(n, None if s is None or pd.isna(s["top_share"]) else float(s["top_share"]))
        if viewer.full:
            order = disclosure.order_statistic(n)
            hidden, group_hidden = order.reason, total.reason
            raw = {p: s[p] if order.shown and s is not None else None for p in PROBS}
            raw_winners = w["p50"] if w is not None and disclosure.order_statistic(int(w["n"])).shown else None
        else:
            # the cell must be published, and the figure itself come from enough companies: the peers
            # of a looked-up company are its cell without it
            hidden = (verdict[(k.id, year, cell)] or ("too_few" if n < disclosure.MIN_GROUP else "")
                      if s is not None else "too_few")
            group_hidden = hidden or total.reason
            raw = {p: s[f"w{p[1:]}"] if not hidden else None for p in PROBS}
            raw_winners = (w["w50"] if newest and w is not None and int(w["n"]) >= disclosure.MIN_GROUP
                           else None)
        q = {p: disclosure.round_for(raw[p], d) for p in PROBS}
        raw_value = subject.values.get(k.id)
        value = disclosure.round_for(raw_value, d)
        top_q, top_d = (q["p75"], q["p90"]) if k.higher_is_better else (q["p25"], q["p10"])
        # the gap and the verdict from the unrounded value and quartile, rounded once for display
        raw_top = raw["p75"] if k.higher_is_better else raw["p25"]
        pct, band, raw_pct = None, None, None
        if not hidden and s is not None and value is not None:
            if subject.org_nr is None and not viewer.full:  # typed figures: a band, never a percentile
                band = disclosure.band(raw_value, q, k.higher_is_better)
                pct = BAND_MIDDLE.get(band)
                # the band's edges are the published (rounded) quartiles: the verdict and the gap
                # are measured from them too, so moving a typed value teaches nothing finer
                raw_top = top_q
            else:
                raw_pct = s["subject_pct"] if pd.notna(s["subject_pct"]) else None
                pct = shown_percentile(raw_pct)
        gap = round_shown(gap_to(raw_value, raw_top, k.higher_is_better), d)
        in_top, at_edge = standing(raw_value, raw_top, raw_pct, k.higher_is_better)
        out.append(PeerRow(
            kpi=k.id, n=n, value=value, pct=pct, band=band, **q, top_quartile=top_q, top_decile=top_d,
            group=disclosure.round_for(s["group_value"], d) if s is not None and not group_hidden else None,
            hidden=hidden, group_hidden=group_hidden, winners=disclosure.round_for(raw_winners, d),
            gap=gap, in_top=in_top, at_edge=at_edge))
    return int(count), out


@cached(maxsize=64)
def winners_level(year: int, as_of: date) -> pd.DataFrame:
    """The winners' level of ``year`` per KPI (``benchmark_winners``): the same for every subject,
    so worked out once per database file, year and day. Callers must not change it."""
    return run_query("benchmark_winners", year=year, as_of=as_of, **disclosure.QUANTILE_PARAMS).set_index("kpi")


def trend(subject: Subject, options: list[str], kpi_id: str,
          viewer: Viewer | None = None) -> tuple[dict[int, float], dict[int, float]]:
    """The subject's values over the years and the peer median of every year the viewer may see
    (for anyone but the jury: years whose cell is published, as the mean of the middle companies)."""
    viewer = disclosure.or_public(viewer)
    if viewer.full:
        df = run_query("benchmark_peer_trend", kpi=kpi_id, exclude=subject.org_nr or "", **peer_filter(subject, options))
    else:
        df = run_query("benchmark_peer_trend_public", kpi=kpi_id, exclude=subject.org_nr or "",
                       **disclosure.QUANTILE_PARAMS, **peer_filter(subject, options))
    d = KPIS_BY_ID[kpi_id].decimals
    if viewer.full:
        medians = {int(y): round(float(m), d) for y, n, m in zip(df["year"], df["n"], df["p50"])
                   if disclosure.order_statistic(int(n)).shown}
    else:
        cell = peer_cell(subject, options)
        ok = disclosure.published(run_query, [kpi_id], [int(y) for y in df["year"]], [cell])
        medians = {int(y): round(float(m), d) for y, m in zip(df["year"], df["w50"])
                   if (kpi_id, int(y), cell) in ok and pd.notna(m)}
    own = {y: round(v, d) for y, v in subject.history.get(kpi_id, {}).items()}
    return own, medians


def gap_unit(kpi_id: str, lang: str) -> str:
    """The unit of a difference in a KPI: percentage points for a share, else the KPI's unit."""
    k = KPIS_BY_ID[kpi_id]
    return t("benchmark.unit.pp", lang) if k.unit("en").startswith("%") else k.unit(lang)


def gap_parts(r: PeerRow, lang: str) -> tuple[str, str]:
    """The gap column as (text, unit): "in the top quartile", "at the edge", or the change that
    would reach the top quartile, with its sign (+ to raise, − to cut, in the KPI's direction) and
    unit, from the unrounded figures and rounded once. A change too small to show at the KPI's
    precision reads "+ under 1" (never "0", which would look like reaching it)."""
    if r.gap is None or r.in_top is None:
        return "–", ""
    if r.in_top:
        return t("benchmark.in_top", lang), ""
    if r.at_edge:
        return t("benchmark.at_edge", lang), ""
    k = KPIS_BY_ID[r.kpi]
    d, direction = k.decimals, 1 if k.higher_is_better else -1
    if r.gap == 0:
        sign = fmt_number(direction, lang, 0, signed=True)[0]
        return t("benchmark.gap.under", lang, sign=sign, n=fmt_number(10 ** -d, lang, d)), gap_unit(r.kpi, lang)
    return fmt_number(direction * r.gap, lang, d, signed=True), gap_unit(r.kpi, lang)


def gap_text(r: PeerRow, lang: str) -> str:
    """The gap column as one line of text: "+171 NOK 1,000 per FTE", "in the top quartile"."""
    text, unit = gap_parts(r, lang)
    return f"{text} {unit}" if unit else text


def hidden_group(rows: list[PeerRow]) -> bool:
    """Whether none of the peer group's statistics may be shown (too small, or not published)."""
    return all(r.hidden for r in rows)


def widen(subject: Subject, options: list[str], year: int, viewer: Viewer | None = None) -> list[str] | None:
    """The peer group to offer when this one shows nothing: of the groups made by unticking boxes,
    the one that shows the most key figures, keeping as many boxes as it can (the closest group).
    None when no wider group shows anything."""
    best, best_key = None, (0, -1)
    for n in range(len(options) - 1, -1, -1):
        for kept in itertools.combinations(options, n):
            # whether a figure shows needs its count and its cell's verdict, not its quantiles
            candidate = rows(subject, list(kept), year, viewer, quantiles=False)[1]
            shown = sum(not r.hidden for r in candidate)
            if (shown, n) > best_key:
                best, best_key = list(kept), (shown, n)
            if shown == len(candidate):  # shows everything: no group with fewer boxes can beat it
                return best
    return best


@dataclass(frozen=True)
class Summary:
    """The three lines that head the page and the report, from the subject's own figures and the
    peer figures the viewer may see (the rows, as shown)."""

    strongest: PeerRow | None  # the highest percentile shown (the first KPI on a tie)
    weakest: PeerRow | None  # the lowest (None with fewer than two KPIs shown)
    gain: tuple[PeerRow, PeerRow] | None  # (last year, this year) of the KPI that rose most
    previous: int  # the year compared with
    has_previous: bool  # whether there are figures of that year to compare with


def previous_rows(subject: Subject, options: list[str], year: int,
                  viewer: Viewer | None = None) -> list[PeerRow] | None:
    """The subject's rows of the year before, in the same peer group, under the same disclosure
    rules; None when there is no such year or no figure of the subject's in it."""
    before = year - 1
    values = {k: subject.history.get(k, {}).get(before) for k in KPIS_BY_ID}
    if before < year_span().first or not any(v is not None for v in values.values()):
        return None
    return rows(replace(subject, values=values), options, before, viewer, quantiles=False)[1]


def summarize(now: list[PeerRow], before: list[PeerRow] | None, year: int) -> Summary:
    """Strongest and weakest KPI by the percentile shown, and the KPI whose shown percentile rose
    most since the year before (only a rise counts). The figures a reader can check in the table."""
    ranked = [r for r in now if r.pct is not None]
    strongest = max(ranked, key=lambda r: r.pct, default=None)
    weakest = min(ranked, key=lambda r: r.pct) if len(ranked) > 1 else None
    earlier = {r.kpi: r for r in before or [] if r.pct is not None and r.band is None}
    rises = [(r.pct - earlier[r.kpi].pct, earlier[r.kpi], r) for r in ranked if r.kpi in earlier]
    rise = max(rises, key=lambda x: x[0], default=None)
    return Summary(strongest, weakest, (rise[1], rise[2]) if rise and rise[0] > 0 else None,
                   year - 1, before is not None)


def summary_lines(summary: Summary, lang: str) -> list[str]:
    """The summary as three sentences (fewer when a KPI is missing)."""
    def standing_text(r: PeerRow) -> str:
        return t(f"benchmark.band.{r.band}", lang) if r.band else t("benchmark.summary.pct", lang,
                                                                        pct=fmt_number(r.pct, lang, 0))

    def value(r: PeerRow) -> str:
        k = KPIS_BY_ID[r.kpi]
        return with_unit(fmt_number(r.value, lang, k.decimals), k.unit(lang), lang)

    lines = []
    for key, r in (("benchmark.summary.strongest", summary.strongest), ("benchmark.summary.weakest", summary.weakest)):
        if r is not None:
            lines.append(t(key, lang, kpi=KPIS_BY_ID[r.kpi].label(lang),
                           standing=standing_text(r), value=value(r)))
    if summary.gain is not None:
        before, after = summary.gain
        lines.append(t("benchmark.summary.gain", lang, year=summary.previous, kpi=KPIS_BY_ID[after.kpi].label(lang),
                       before=fmt_number(before.pct, lang, 0), after=fmt_number(after.pct, lang, 0)))
    elif summary.has_previous:
        lines.append(t("benchmark.summary.no_gain", lang, year=summary.previous))
    else:
        lines.append(t("benchmark.summary.no_previous", lang, year=summary.previous))
    return lines


TYPED_LIMIT, TYPED_WINDOW = 120, 600.0  # typed calculations per address in ten minutes (public)


class TooMany(Exception):
    """The visitor's address has asked for too many typed calculations: wait, then try again."""


def resolve(mode: object, query: object, measures: object, sector: object, county: object, year: int,
            lang: str, viewer: Viewer | None = None) -> Subject | None:
    """The subject the inputs describe, or None. Typed figures count against the address's limit
    (anyone but the jury), so a script cannot bisect its way along the bands."""
    if mode == "typed":
        clean = clean_measures(measures)
        if not any(v is not None for v in clean.values()):
            return None
        viewer = disclosure.or_public(viewer)
        if not viewer.full and not ratelimit.allow("typed", ratelimit.client_address(),
                                                          TYPED_LIMIT, TYPED_WINDOW):
            raise TooMany()
        return typed_subject(clean, sector, county, lang)
    return allowed_subject(query, year, viewer) if isinstance(query, str) and query.strip() else None


def parse_options(raw: object) -> list[str]:
    return [o for o in PEER_OPTIONS if isinstance(raw, list) and o in raw]


def parse_year(raw: object) -> int:
    """The benchmark year: clamped to the years with data, the newest when not given."""
    return state.one_year(raw, year_span())


def parse_kpi(raw: object) -> str:
    return raw if isinstance(raw, str) and raw in KPIS_BY_ID else "productivity"
