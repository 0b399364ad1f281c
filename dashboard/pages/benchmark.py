"""Benchmark, page ``/benchmark``: where one company stands among its peers, without exposing any
peer. Every peer figure is an aggregate that passes disclosure control (``dashboard.disclosure``);
no other company's name, number or value is computed into a response.

The subject is a company looked up by its exact organisation number or name, or figures typed into
the form (used for one calculation, never stored).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

import dash_bootstrap_components as dbc
import duckdb
import pandas as pd
from dash import dcc, html

from dashboard import auth, dimensions, disclosure, figures, ratelimit, state
from dashboard import benchmark as bench
from dashboard.components.shell import page_layout
from dashboard.db import run_query, year_span
from dashboard.i18n import fmt_number, t
from dashboard.kpis import KPIS, KPIS_BY_ID, MEASURES, MEASURE_IDS

PATH = "/benchmark"
LANG = "benchmark-lang"
MODE = "benchmark-mode"
QUERY = "benchmark-query"
FETCH = "benchmark-fetch"
YEAR = "benchmark-year"
OPTIONS = "benchmark-options"
SECTOR = "benchmark-sector"
COUNTY = "benchmark-county"
MEASURE = "benchmark-measure"  # dict ids: {"type": MEASURE, "measure": id}
SUBJECT = "benchmark-subject"
GROUP = "benchmark-group"
TABLE = "benchmark-table"
STRIPS = "benchmark-strips"
RADAR = "benchmark-radar"
TREND = "benchmark-trend"
TREND_KPI = "benchmark-trend-kpi"
REPORT_STATE = "benchmark-report-state"
REPORT_LANG = "benchmark-report-lang"
PEER_OPTIONS = ("sector", "county", "size")
LOWER_IS_BETTER = [k.id for k in KPIS if not k.higher_is_better]


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
        if self.fte is None:
            return None
        return "small" if self.fte < 50 else "medium" if self.fte < 250 else "large"


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


def allowed_subject(query: str, year: int) -> Subject | None:
    """The company to benchmark, if the viewer may see its figures: the jury any company, a
    company user only its own, the public none (it may type figures instead). A refusal looks
    exactly like an unknown company."""
    viewer = auth.viewer()
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
    con = duckdb.connect()
    try:
        row = con.execute(sql, measures).fetchall()[0]
    finally:
        con.close()
    return {k.id: (None if v is None else float(v)) for k, v in zip(KPIS, row)}


def typed_subject(measures: dict[str, float | None], sector: object, county: object, lang: str) -> Subject:
    sectors, counties = dimensions.sectors(), dimensions.counties()
    sector_code = int(sector) if isinstance(sector, int) and sector in sectors.index else 25
    county_code = county if isinstance(county, str) and county in counties.index else "03"
    return Subject(name=t("benchmark.mode.typed", lang), org_nr=None, sector=sector_code, county=county_code,
                   fte=measures.get("fte"), values=typed_kpis(measures))


def peer_filter(subject: Subject, options: list[str]) -> dict:
    """Query parameters of the peer group: each ticked option narrows it to the subject's own."""
    return {
        "sectors": [subject.sector] if "sector" in options else [],
        "counties": [subject.county] if "county" in options else [],
        "sizes": [subject.size] if "size" in options and subject.size else [],
    }


def describe_group(subject: Subject, options: list[str], lang: str) -> str:
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


def benchmark_rows(subject: Subject, options: list[str], year: int,
                   viewer: disclosure.Viewer | None = None) -> tuple[int, list[dict]]:
    """Per KPI: the subject's value and percentile and the peer statistics the viewer may see,
    rounded to the KPI's precision. Suppressed statistics are None with a reason.

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
    window = disclosure.QUANTILE_WINDOW
    stats = run_query("benchmark_peer_stats", year=year, exclude=exclude, kpis=list(known),
                      values=list(known.values()), lower_is_better=LOWER_IS_BETTER, window=window,
                      **peers).set_index("kpi")
    winners = run_query("benchmark_winners", year=year, as_of=viewer.as_of, window=window).set_index("kpi")
    count = run_query("benchmark_peer_count", year=year, exclude=exclude, **peers)["companies"].iloc[0]
    cell = peer_cell(subject, options)
    verdict = {} if viewer.full else disclosure.verdicts(run_query, [k.id for k in KPIS], [year], [cell])
    newest = year == year_span().last
    rows = []
    for k in KPIS:
        d = k.decimals
        s = stats.loc[k.id] if k.id in stats.index else None
        n = int(s["n"]) if s is not None else 0
        w = winners.loc[k.id] if k.id in winners.index else None
        if viewer.full:
            order = disclosure.order_statistic(n)
            total = disclosure.sum_statistic(n, None if s is None or pd.isna(s["top_share"]) else float(s["top_share"]))
            hidden, group_hidden = order.reason, total.reason
            raw = {p: s[p] if order.shown and s is not None else None for p in PROBS}
            raw_winners = w["p50"] if w is not None and disclosure.order_statistic(int(w["n"])).shown else None
        else:
            # the cell must be published, and the figure itself come from enough companies: the peers
            # of a looked-up company are its cell without it
            hidden = group_hidden = (verdict[(k.id, year, cell)] or ("too_few" if n < disclosure.MIN_GROUP else "")
                                     if s is not None else "too_few")
            raw = {p: s[f"w{p[1:]}"] if not hidden else None for p in PROBS}
            raw_winners = (w["w50"] if newest and w is not None and int(w["n"]) >= disclosure.MIN_GROUP
                           else None)
        q = {p: disclosure.round_for(raw[p], d) for p in PROBS}
        raw_value = subject.values.get(k.id)
        value = disclosure.round_for(raw_value, d)
        top_q, top_d = (q["p75"], q["p90"]) if k.higher_is_better else (q["p25"], q["p10"])
        # the gap and the verdict from the unrounded value and quartile, rounded once for display
        raw_top = raw["p75"] if k.higher_is_better else raw["p25"]
        gap = bench.round_shown(bench.gap_to(raw_value, raw_top, k.higher_is_better), d)
        in_top = bench.reaches(raw_value, raw_top, k.higher_is_better)
        pct, band = None, None
        if not hidden and s is not None and value is not None:
            if subject.org_nr is None and not viewer.full:  # typed figures: a band, never a percentile
                band = disclosure.band(raw_value, q, k.higher_is_better)
                pct = BAND_MIDDLE.get(band)
            else:
                pct = disclosure.round_for(s["subject_pct"], 0)
        rows.append({
            "kpi": k.id, "n": n, "value": value, "pct": pct, "band": band,
            **q, "top_quartile": top_q, "top_decile": top_d,
            "group": disclosure.round_for(s["group_value"], d) if s is not None and not group_hidden else None,
            "hidden": hidden, "group_hidden": group_hidden,
            "winners": disclosure.round_for(raw_winners, d), "gap": gap, "in_top": in_top,
        })
    return int(count), rows


def trend(subject: Subject, options: list[str], kpi_id: str,
          viewer: disclosure.Viewer | None = None) -> tuple[dict[int, float], dict[int, float]]:
    """The subject's values over the years and the peer median of every year the viewer may see
    (for anyone but the jury: years whose cell is published, as the mean of the middle companies)."""
    viewer = disclosure.or_public(viewer)
    df = run_query("benchmark_peer_trend", kpi=kpi_id, exclude=subject.org_nr or "",
                   window=disclosure.QUANTILE_WINDOW, **peer_filter(subject, options))
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


def gap_text(r: dict, lang: str) -> str:
    """The gap column: "in the top quartile" when the unrounded value reaches it, else the gap
    rounded once; a gap too small to show at the KPI's precision reads "< 1" (or "< 0.01")."""
    if r["gap"] is None or r["in_top"] is None:
        return "–"
    if r["in_top"]:
        return t("benchmark.in_top", lang)
    d = KPIS_BY_ID[r["kpi"]].decimals
    if r["gap"] == 0:
        return "< " + fmt_number(10 ** -d, lang, d)
    return fmt_number(r["gap"], lang, d)


def table(rows: list[dict], lang: str, year: int) -> html.Div:
    def hidden(reason: str) -> html.Span:
        return html.Span(t(f"benchmark.suppressed.{reason}", lang, n=disclosure.MIN_GROUP), className="suppressed")

    body = []
    for r in rows:
        k = KPIS_BY_ID[r["kpi"]]
        d = k.decimals
        value = fmt_number(r["value"], lang, d) if r["value"] is not None else t("benchmark.missing", lang)
        if r["hidden"]:
            quart = top = pct = hidden(r["hidden"])
        else:
            quart = " · ".join(fmt_number(r[p], lang, d) for p in ("p25", "p50", "p75"))
            top = fmt_number(r["top_decile"], lang, d)
            pct = (t(f"benchmark.band.{r['band']}", lang) if r.get("band")
                   else fmt_number(r["pct"], lang, 0) if r["pct"] is not None else "–")
        group = hidden(r["group_hidden"]) if r["group_hidden"] else fmt_number(r["group"], lang, d)
        gap = gap_text(r, lang)
        body.append(html.Tr([
            html.Th([k.label(lang), html.Br(), html.Small(k.unit(lang), className="text-muted")], scope="row"),
            html.Td(value, className="num subject"), html.Td(pct, className="num"),
            html.Td(quart, className="num"), html.Td(top, className="num"), html.Td(group, className="num"),
            html.Td(fmt_number(r["winners"], lang, d) if r["winners"] is not None else "–", className="num"),
            html.Td(gap, className="num"),
        ]))
    head = html.Thead(html.Tr([html.Th(t("data.kpi", lang), scope="col"), *[
        html.Th(t(f"benchmark.col.{c}", lang), scope="col", className="num")
        for c in ("subject", "pct", "quartiles", "top_decile", "group", "winners", "gap")]]))
    return html.Div([
        html.H2(t("benchmark.table", lang, year=year), className="h5"),
        html.P(t("benchmark.table.help", lang, year=year), className="table-note"),
        dbc.Table([head, html.Tbody(body)], size="sm", striped=True, responsive=True, className="benchmark-table"),
    ])


def results(subject: Subject | None, options: list[str], year: int, lang: str,
            viewer: disclosure.Viewer | None = None) -> dict:
    """Everything the page shows for a subject but the trend, as components and figures."""
    if subject is None:
        empty = figures.empty_figure(lang, t("benchmark.pick", lang))
        return {"subject": "", "group": "", "table": html.P(t("benchmark.pick", lang)),
                "strips": empty, "radar": empty}
    count, rows = benchmark_rows(subject, options, year, viewer)
    what = describe_group(subject, options, lang)
    fte = fmt_number(subject.fte, lang, 0)
    key = "benchmark.subject" if subject.org_nr else "benchmark.typed_subject"
    label = t(key, lang, name=subject.name, sector=dimensions.sector_name(subject.sector, lang),
              county=dimensions.county_name(subject.county, lang), fte=fte)
    widen = any(r["hidden"] or r["group_hidden"] for r in rows)
    group = [t("benchmark.group", lang, n=fmt_number(count, lang), what=what),
             html.Div(t("benchmark.widen", lang), className="widen") if widen else None]
    return {"subject": label, "group": group, "table": table(rows, lang, year),
            "strips": figures.strips_figure(rows, lang), "radar": figures.benchmark_radar_figure(rows, lang)}


def trend_figure(subject: Subject | None, options: list[str], kpi_id: str, lang: str,
                 viewer: disclosure.Viewer | None = None) -> figures.Figure:
    if subject is None:
        return figures.empty_figure(lang, t("benchmark.pick", lang))
    own, medians = trend(subject, options, kpi_id, viewer)
    return figures.benchmark_trend_figure(own, medians, KPIS_BY_ID[kpi_id], lang, subject.name)


TYPED_LIMIT, TYPED_WINDOW = 120, 600.0  # typed calculations per address in ten minutes (public)


class TooMany(Exception):
    """The visitor's address has asked for too many typed calculations: wait, then try again."""


def resolve(mode: object, query: object, measures: object, sector: object, county: object, year: int,
            lang: str) -> Subject | None:
    """The subject the inputs describe, or None. Typed figures count against the address's limit
    (anyone but the jury), so a script cannot bisect its way along the bands."""
    if mode == "typed":
        clean = clean_measures(measures)
        if not any(v is not None for v in clean.values()):
            return None
        if not auth.viewer().full and not ratelimit.allow("typed", ratelimit.client_address(),
                                                          TYPED_LIMIT, TYPED_WINDOW):
            raise TooMany()
        return typed_subject(clean, sector, county, lang)
    return allowed_subject(query, year) if isinstance(query, str) and query.strip() else None


def report_state(mode: object, query: object, measures: object, sector: object, county: object,
                 year: int, options: list[str], trend_kpi: str) -> str:
    """The hidden form field the report download posts back: the inputs, nothing computed."""
    return json.dumps({"mode": mode, "query": query if isinstance(query, str) else "",
                       "measures": clean_measures(measures) if mode == "typed" else {},
                       "sector": sector, "county": county, "year": year, "options": options,
                       "trend_kpi": trend_kpi})


def parse_options(raw: object) -> list[str]:
    return [o for o in PEER_OPTIONS if isinstance(raw, list) and o in raw]


def parse_year(raw: object) -> int:
    """The benchmark year: clamped to the years with data, the newest when not given."""
    return state.one_year(raw, year_span())


def parse_kpi(raw: object) -> str:
    return raw if isinstance(raw, str) and raw in KPIS_BY_ID else "productivity"


def _measure_input(m, lang: str) -> html.Div:
    label = m.en if lang == "en" else m.nb
    return html.Div([
        html.Label(f"{label} ({m.unit})", htmlFor=f"bench-m-{m.id}", className="form-label"),
        dcc.Input(id={"type": MEASURE, "measure": m.id}, type="number", min=0,
                  max=m.max_value if m.max_value else None, step="any", debounce=True,
                  name=f"m-{m.id}", className="form-control form-control-sm"),
    ], className="measure-field")


@page_layout("benchmark", PATH)
def layout(lang: str, args: dict[str, str]) -> list:
    year = parse_year(args.get("year"))
    options = parse_options((args.get("peers") or "sector,size").split(","))
    query = args.get("company", "")[:120]
    trend_kpi = parse_kpi(args.get("kpi"))
    subject = allowed_subject(query, year) if query else None
    out = results(subject, options, year, lang)
    name = "name_en" if lang == "en" else "name_nb"
    short = "short_en" if lang == "en" else "short_nb"
    return [
        html.H1(t("benchmark.title", lang)),
        html.P(t("benchmark.lead", lang, n=disclosure.MIN_GROUP), className="lead"),
        None if auth.viewer().full else html.P(
            t("disclosure.public_rules", lang, n=disclosure.MIN_GROUP, w=disclosure.QUANTILE_WINDOW)
            + " " + t("benchmark.typed_band", lang), className="table-note disclosure-rules"),
        html.Section([
            html.Div([html.Label(t("benchmark.mode", lang), className="form-label"),
                      dcc.RadioItems(id=MODE, value="company", inline=True, className="mode-toggle",
                                     options=[{"label": t(f"benchmark.mode.{m}", lang), "value": m}
                                              for m in ("company", "typed")])], className="filter-field filter-wide"),
            html.Div([html.Label(t("benchmark.query", lang), htmlFor=QUERY, className="form-label"),
                      html.Div([dcc.Input(id=QUERY, value=query, type="text", debounce=True,
                                          className="form-control", autoComplete="off"),
                                html.Button(t("benchmark.fetch", lang), id=FETCH, className="btn btn-primary")],
                               className="input-group")], className="filter-field filter-wide company-only"),
            html.Div([html.Label(t("benchmark.year", lang), htmlFor=YEAR, className="form-label"),
                      dcc.Dropdown(id=YEAR, value=year, clearable=False,
                                   options=[{"label": str(y), "value": y} for y in year_span().newest_first()])],
                     className="filter-field"),
            html.Div([html.Label(t("benchmark.peers", lang), className="form-label"),
                      dcc.Checklist(id=OPTIONS, value=options, inline=True, className="size-checklist",
                                    options=[{"label": t(f"benchmark.same_{o}", lang), "value": o}
                                             for o in PEER_OPTIONS])], className="filter-field filter-wide"),
        ], className="filter-bar benchmark-subject"),
        html.Details([
            html.Summary(t("benchmark.mode.typed", lang)),
            html.P(t("benchmark.typed_note", lang), className="table-note"),
            html.Div([
                html.Div([html.Label(t("filter.sector", lang), htmlFor=SECTOR, className="form-label"),
                          dcc.Dropdown(id=SECTOR, value=25, clearable=False,
                                       options=[{"label": f"{c} {r[short]}", "value": int(c)}
                                                for c, r in dimensions.sectors().iterrows()])],
                         className="measure-field"),
                html.Div([html.Label(t("filter.county", lang), htmlFor=COUNTY, className="form-label"),
                          dcc.Dropdown(id=COUNTY, value="03", clearable=False,
                                       options=[{"label": r[name], "value": c}
                                                for c, r in dimensions.counties().iterrows()])],
                         className="measure-field"),
                *[_measure_input(m, lang) for m in MEASURES],
            ], className="measure-grid"),
        ], className="typed-figures chart-panel", id="benchmark-typed"),
        html.Div([html.P(out["subject"], id=SUBJECT, className="subject-line"),
                  html.Div(out["group"], id=GROUP, className="group-line")], **{"aria-live": "polite"}),
        html.Section(dcc.Loading(html.Div(out["table"], id=TABLE), delay_show=300), className="chart-panel"),
        html.Div([
            html.Section(dcc.Loading(dcc.Graph(id=STRIPS, figure=out["strips"], config=figures.GRAPH_CONFIG,
                                               className="chart-strips"), delay_show=300), className="chart-panel"),
            html.Section(dcc.Loading(dcc.Graph(id=RADAR, figure=out["radar"], config=figures.GRAPH_CONFIG,
                                               className="chart-radar"), delay_show=300), className="chart-panel"),
        ], className="chart-grid chart-grid-b"),
        html.Section([
            html.Div([html.Label(t("benchmark.trend.kpi", lang), htmlFor=TREND_KPI, className="form-label me-2"),
                      dcc.Dropdown(id=TREND_KPI, value=trend_kpi, clearable=False, className="kpi-select",
                                   options=[{"label": k.label(lang), "value": k.id} for k in KPIS])]),
            dcc.Loading(dcc.Graph(id=TREND, figure=trend_figure(subject, options, trend_kpi, lang),
                                  config=figures.GRAPH_CONFIG,
                                  className="chart-trend"), delay_show=300),
        ], className="chart-panel"),
        html.Form([
            dcc.Input(type="hidden", name="state", id=REPORT_STATE,
                      value=report_state("company", query, {}, None, None, year, options, trend_kpi)),
            html.Span(t("benchmark.report", lang), className="form-label me-2"),
            *[html.Button(label, type="submit", name="lang", value=code,
                          className="btn btn-outline-primary btn-sm", id=f"{REPORT_LANG}-{code}")
              for code, label in (("nb", "Norsk (HTML)"), ("en", "English (HTML)"))],
        ], action="/benchmark/report", method="post", className="report-form chart-panel"),
        dcc.Store(id=LANG, data=lang),
    ]
