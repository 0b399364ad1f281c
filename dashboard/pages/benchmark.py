"""Benchmark, page ``/benchmark``: where one company stands among its peers, without exposing any
peer. Every peer figure is an aggregate that passes disclosure control (``dashboard.disclosure``);
no other company's name, number or value is computed into a response.

The subject is a company looked up by its exact organisation number or name, or figures typed into
the form (used for one calculation, never stored).
"""

from __future__ import annotations

import json
from urllib.parse import urlencode

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import auth, dimensions, disclosure, figures
from dashboard import benchmark as bench
from dashboard.benchmark import PEER_OPTIONS, PeerRow, Subject
from dashboard.components.shell import page_layout
from dashboard.db import year_span
from dashboard.i18n import LANGS, column, fmt_number, lang_arg, t, tn
from dashboard.kpis import KPIS, KPIS_BY_ID, MEASURES

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
ADDRESS = "benchmark-address"  # the address of the view, written by the server


def table(rows: list[PeerRow], lang: str, year: int) -> html.Div:
    def hidden(reason: str) -> html.Span:
        return html.Span(tn(f"benchmark.suppressed.{reason}", disclosure.MIN_GROUP, lang), className="suppressed")

    body = []
    for r in rows:
        k = KPIS_BY_ID[r.kpi]
        d = k.decimals
        value = fmt_number(r.value, lang, d) if r.value is not None else t("benchmark.missing", lang)
        if r.hidden:
            quart = top = pct = hidden(r.hidden)
        else:
            quart = " · ".join(fmt_number(q, lang, d) for q in (r.p25, r.p50, r.p75))
            top = fmt_number(r.top_decile, lang, d)
            pct = (t(f"benchmark.band.{r.band}", lang) if r.band
                   else fmt_number(r.pct, lang, 0) if r.pct is not None else "–")
        group = hidden(r.group_hidden) if r.group_hidden else fmt_number(r.group, lang, d)
        body.append(html.Tr([
            html.Th([k.label(lang), html.Br(), html.Small(k.unit(lang), className="text-muted")], scope="row"),
            html.Td(value, className="num subject"), html.Td(pct, className="num"),
            html.Td(quart, className="num"), html.Td(top, className="num"), html.Td(group, className="num"),
            html.Td(fmt_number(r.winners, lang, d) if r.winners is not None else "–", className="num"),
            html.Td(bench.gap_text(r, lang), className="num"),
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
    count, rows = bench.rows(subject, options, year, viewer)
    what = bench.describe_group(subject, options, lang)
    fte = tn("count.fte", subject.fte, lang)
    key = "benchmark.subject" if subject.org_nr else "benchmark.typed_subject"
    label = t(key, lang, name=subject.name, sector=dimensions.sector_name(subject.sector, lang),
              county=dimensions.county_name(subject.county, lang), fte=fte)
    widen = any(r.hidden or r.group_hidden for r in rows)
    group = [tn("benchmark.group", count, lang, what=what),
             html.Div(t("benchmark.widen", lang), className="widen") if widen else None]
    return {"subject": label, "group": group, "table": table(rows, lang, year),
            "strips": figures.strips_figure(rows, lang), "radar": figures.benchmark_radar_figure(rows, lang)}


def trend_figure(subject: Subject | None, options: list[str], kpi_id: str, lang: str,
                 viewer: disclosure.Viewer | None = None) -> figures.Figure:
    if subject is None:
        return figures.empty_figure(lang, t("benchmark.pick", lang))
    own, medians = bench.trend(subject, options, kpi_id, viewer)
    return figures.benchmark_trend_figure(own, medians, KPIS_BY_ID[kpi_id], lang, subject.name)


DEFAULT_PEERS = ["sector", "size"]


def address(mode: object, query: object, year: int, options: list[str], trend_kpi: str, lang: str) -> str:
    """The page's address: a looked-up company (never typed figures), the year (left out when it is
    the newest), the peer group and the trend's key figure, so a link reproduces the view."""
    args = {
        "company": query.strip() if mode != "typed" and isinstance(query, str) and query.strip() else "",
        "year": str(year) if year != year_span().last else "",
        "kpi": trend_kpi if trend_kpi != "productivity" else "",
        **lang_arg(lang),
    }
    args = {k: v for k, v in args.items() if v}
    if options != DEFAULT_PEERS:  # "peers=" (empty) is a link with no box ticked
        args["peers"] = ",".join(options)
    return PATH + ("?" + urlencode(args, safe=",") if args else "")


def report_state(mode: object, query: object, measures: object, sector: object, county: object,
                 year: int, options: list[str], trend_kpi: str) -> str:
    """The hidden form field the report download posts back: the inputs, nothing computed."""
    return json.dumps({"mode": mode, "query": query if isinstance(query, str) else "",
                       "measures": bench.clean_measures(measures) if mode == "typed" else {},
                       "sector": sector, "county": county, "year": year, "options": options,
                       "trend_kpi": trend_kpi})


def _measure_input(m, lang: str) -> html.Div:
    return html.Div([
        html.Label(f"{m.label(lang)} ({t(f'unit.{m.unit}', lang)})", htmlFor=f"bench-m-{m.id}", className="form-label"),
        dcc.Input(id={"type": MEASURE, "measure": m.id}, type="number", min=0,
                  max=m.max_value if m.max_value else None, step="any", debounce=True,
                  name=f"m-{m.id}", className="form-control form-control-sm"),
    ], className="measure-field")


@page_layout("benchmark", PATH)
def layout(lang: str, args: dict[str, str]) -> list:
    year = bench.parse_year(args.get("year"))
    peers = args.get("peers")  # "" is a link with no box ticked; absent is the default
    options = bench.parse_options(peers.split(",") if isinstance(peers, str) else DEFAULT_PEERS)
    query = args.get("company", "")[:120]
    trend_kpi = bench.parse_kpi(args.get("kpi"))
    viewer = auth.viewer()
    subject = bench.allowed_subject(query, year, viewer) if query else None
    out = results(subject, options, year, lang, viewer)
    name, short = column(lang, "name"), column(lang, "short")
    return [
        html.H1(t("benchmark.title", lang)),
        html.P(tn("benchmark.lead", disclosure.MIN_GROUP, lang), className="lead"),
        None if viewer.full else html.P(
            t("disclosure.public_rules", lang, **disclosure.rule_numbers())
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
            *[html.Button(t("benchmark.report.button", lang, language=t(f"lang.{code}", lang)), type="submit",
                          name="lang", value=code, className="btn btn-outline-primary btn-sm", id=f"{REPORT_LANG}-{code}")
              for code in LANGS],
        ], action="/benchmark/report", method="post", className="report-form chart-panel"),
        dcc.Store(id=LANG, data=lang),
        dcc.Store(id=ADDRESS),
    ]
