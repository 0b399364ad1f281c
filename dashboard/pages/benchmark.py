"""Benchmark, page ``/benchmark``: where one company stands among its peers, without exposing any
peer. Every peer figure is an aggregate that passes disclosure control (``dashboard.disclosure``);
no other company's name, number or value is computed into a response.

The subject is a company looked up by its exact organisation number or name, or figures typed into
the form (used for one calculation, never stored).
"""

from __future__ import annotations

import base64
import json
from urllib.parse import urlencode

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import auth, dimensions, disclosure, figures
from dashboard import benchmark as bench
from dashboard.benchmark import PEER_OPTIONS, PeerRow, Subject
from dashboard.components.loading import loading
from dashboard.components.shell import page_layout
from dashboard.db import year_span
from dashboard.i18n import LANGS, column, dropdown_labels, fmt_number, lang_arg, t, tn
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
EMPTY = "benchmark-empty"  # the panel that says what to do, until there is a subject
RESULTS = "benchmark-results"  # everything shown for a subject (hidden until there is one)
BANNER = "benchmark-banner"  # the one banner for a peer group too small to show
BANNER_TEXT = "benchmark-banner-text"
WIDEN = "benchmark-widen"  # the banner's button: the wider group it offers
WIDEN_TO = "benchmark-widen-to"  # the options the button ticks
SUMMARY = "benchmark-summary"
TABLE = "benchmark-table"
CHARTS = "benchmark-charts"  # the strips and the radar, drawn only when there is something to draw
STRIPS = "benchmark-strips"
RADAR = "benchmark-radar"
TREND_BOX = "benchmark-trend-box"
TREND = "benchmark-trend"
TREND_KPI = "benchmark-trend-kpi"
REPORT = "benchmark-report"  # the report panel: class "busy" while a report is drawn
REPORT_STATE = "benchmark-report-state"
REPORT_LANG = "benchmark-report-lang"  # the HTML buttons: f"{REPORT_LANG}-{code}"
REPORT_PDF = "benchmark-report-pdf"  # the PDF buttons: f"{REPORT_PDF}-{code}"
REPORT_STATUS = "benchmark-report-status"
REPORT_DOWNLOAD = "benchmark-report-download"
ADDRESS = "benchmark-address"  # the address of the view, written by the server


def _hidden_cell(reason: str, lang: str) -> html.Span:
    """A suppressed figure: a dash, with its reason as the tooltip (the reason is said once, under
    the table; a group that shows nothing has the banner and no such cells at all)."""
    return html.Span("–", className="suppressed",
                     title=tn(f"benchmark.suppressed.{reason}", disclosure.MIN_GROUP, lang))


def pct_style(quarter: str | None) -> dict:
    """The percentile cell's colours (over Bootstrap's striping), by the quarter it stands in."""
    if quarter is None:
        return {}
    background, ink = figures.QUARTER_COLOURS[quarter]
    return {"--bs-table-bg-state": background, "--bs-table-color-state": ink}


def table(rows: list[PeerRow], lang: str, year: int) -> html.Div:
    """The key figures against the peer group; for a group that shows nothing (the banner says
    why, once), only the company's own figures and the winners' level: no column of hidden cells."""
    if bench.hidden_group(rows):
        return own_table(rows, lang, year)
    body = []
    for r in rows:
        k = KPIS_BY_ID[r.kpi]
        d = k.decimals
        value = fmt_number(r.value, lang, d) if r.value is not None else t("benchmark.missing", lang)
        if r.hidden:
            pct, quart, top = (_hidden_cell(r.hidden, lang) for _ in range(3))
        else:
            quart = " · ".join(fmt_number(q, lang, d) for q in r.quartiles)
            top = fmt_number(r.top_decile, lang, d)
            pct = (t(f"benchmark.band.{r.band}", lang) if r.band
                   else fmt_number(r.pct, lang, 0) if r.pct is not None else "–")
        group = _hidden_cell(r.group_hidden, lang) if r.group_hidden else fmt_number(r.group, lang, d)
        gap, unit = bench.gap_parts(r, lang)
        body.append(html.Tr([
            html.Th([k.label(lang), html.Br(), html.Small(k.unit(lang), className="text-muted")], scope="row"),
            html.Td(value, className="num subject"),
            html.Td(pct, className=f"num pct pct-{r.quarter}" if r.quarter else "num pct", style=pct_style(r.quarter)),
            html.Td(quart, className="num quartiles"), html.Td(top, className="num"), html.Td(group, className="num"),
            html.Td(fmt_number(r.winners, lang, d) if r.winners is not None else "–", className="num"),
            html.Td([gap, html.Br(), html.Small(unit, className="text-muted")] if unit else gap, className="num gap"),
        ]))
    head = html.Thead(html.Tr([html.Th(t("data.kpi", lang), scope="col"), *[
        html.Th(t(f"benchmark.col.{c}", lang), scope="col", className="num")
        for c in ("subject", "pct", "quartiles", "top_decile", "group", "winners", "gap")]]))
    return html.Div([
        html.H2(t("benchmark.table", lang, year=year), className="h5"),
        html.P(t("benchmark.table.help", lang, year=year), className="table-note"),
        dbc.Table([head, html.Tbody(body)], size="sm", striped=True, responsive=True, className="benchmark-table"),
        hidden_note(rows, lang),
    ])


def own_table(rows: list[PeerRow], lang: str, year: int) -> html.Div:
    """A group too small to show: the company's own key figures, and the winners' level where there
    is one (it does not depend on the group). The peer columns are left out, not filled with dashes."""
    winners = any(r.winners is not None for r in rows)
    body = []
    for r in rows:
        k = KPIS_BY_ID[r.kpi]
        value = fmt_number(r.value, lang, k.decimals) if r.value is not None else t("benchmark.missing", lang)
        cells = [html.Th([k.label(lang), html.Br(), html.Small(k.unit(lang), className="text-muted")], scope="row"),
                 html.Td(value, className="num subject")]
        if winners:
            cells.append(html.Td(fmt_number(r.winners, lang, k.decimals) if r.winners is not None else "–",
                                 className="num"))
        body.append(html.Tr(cells))
    columns = ("subject", "winners") if winners else ("subject",)
    head = html.Thead(html.Tr([html.Th(t("data.kpi", lang), scope="col"), *[
        html.Th(t(f"benchmark.col.{c}", lang), scope="col", className="num") for c in columns]]))
    help_text = t("benchmark.table.own.help", lang) + (
        " " + t("benchmark.table.own.winners", lang, year=year) if winners else "")
    return html.Div([
        html.H2(t("benchmark.table.own", lang, year=year), className="h5"),
        html.P(help_text, className="table-note"),
        dbc.Table([head, html.Tbody(body)], size="sm", striped=True, responsive=True,
                  className="benchmark-table own-figures"),
    ])


def hidden_note(rows: list[PeerRow], lang: str) -> html.P | None:
    """Why some figures read "–": each reason once, under the table."""
    reasons = list(dict.fromkeys(x for r in rows for x in (r.hidden, r.group_hidden) if x))
    if not reasons:
        return None
    said = "; ".join(tn(f"benchmark.suppressed.{x}", disclosure.MIN_GROUP, lang) for x in reasons)
    return html.P([html.Span("–", className="suppressed"), f" {said}. {t('benchmark.hidden.more', lang)}"],
                  className="table-note hidden-note")


def charts(rows: list[PeerRow], lang: str, named: tuple = ()) -> list:
    """The strips and the radar, or nothing where no percentile may be shown (the banner or the
    table says why): no empty chart frames. Their downloads are named for ``named`` (the
    company, the peer group, the year)."""
    if not any(not r.hidden and r.pct is not None for r in rows):
        return []
    strips = figures.named(figures.strips_figure(rows, lang), "benchmark", *named)
    radar = figures.named(figures.benchmark_radar_figure(rows, lang), "benchmark-radar", *named)
    return [
        html.Section(dcc.Graph(id=STRIPS, figure=strips, config=figures.graph_config(lang),
                               className="chart-strips"), className="chart-panel"),
        html.Section(dcc.Graph(id=RADAR, figure=radar, config=figures.graph_config(lang), className="chart-radar"),
                     className="chart-panel"),
    ]


def view(subject: Subject | None, options: list[str], year: int, lang: str,
         viewer: disclosure.Viewer | None = None, mode: str = "company") -> dict:
    """Everything the page shows but the trend, by output id: the subject line, the empty panel or
    the results, the banner for a group too small to show (with the wider group it offers), the
    summary, the table and the charts."""
    if subject is None:
        return {SUBJECT: "", EMPTY: t("benchmark.empty.typed" if mode == "typed" else "benchmark.empty", lang),
                "empty_hidden": False, "results_hidden": True, GROUP: "", "banner_hidden": True,
                BANNER_TEXT: "", WIDEN: "", "widen_hidden": True, WIDEN_TO: None, SUMMARY: None,
                TABLE: None, CHARTS: []}
    count, rows = bench.rows(subject, options, year, viewer)
    what = bench.describe_group(subject, options, lang)
    fte = tn("count.fte", subject.fte, lang)
    key = "benchmark.subject" if subject.org_nr else "benchmark.typed_subject"
    label = t(key, lang, name=subject.name, sector=dimensions.sector_name(subject.sector, lang),
              county=dimensions.county_name(subject.county, lang), fte=fte)
    small = bench.hidden_group(rows)
    wider = bench.widen(subject, options, year, viewer) if small else None
    banner = (tn("benchmark.small", disclosure.MIN_GROUP, lang, what=what)
              + ("" if wider is not None else " " + t("benchmark.small.none", lang))) if small else ""
    summary = None if small else summary_list(
        bench.summarize(rows, bench.previous_rows(subject, options, year, viewer), year), lang)
    return {SUBJECT: label, EMPTY: "", "empty_hidden": True, "results_hidden": False,
            GROUP: bench.group_line(count, subject, options, lang), "banner_hidden": not small,
            BANNER_TEXT: banner, WIDEN: t("benchmark.small.widen", lang, what=bench.describe_group(subject, wider, lang))
            if wider is not None else "", "widen_hidden": wider is None, WIDEN_TO: wider,
            SUMMARY: summary, TABLE: table(rows, lang, year), CHARTS: charts(rows, lang, (subject.name, what, year))}


def summary_list(summary: bench.Summary, lang: str) -> list:
    return [html.H2(t("benchmark.summary", lang), className="visually-hidden"),
            html.Ul([html.Li(line) for line in bench.summary_lines(summary, lang)], className="summary-lines")]


def trend_graph(subject: Subject | None, options: list[str], kpi_id: str, lang: str,
                viewer: disclosure.Viewer | None = None) -> dcc.Graph | None:
    """The subject against the peer median over the years; nothing without a subject."""
    if subject is None:
        return None
    own, medians = bench.trend(subject, options, kpi_id, viewer)
    fig = figures.named(figures.benchmark_trend_figure(own, medians, KPIS_BY_ID[kpi_id], lang, subject.name),
                        "benchmark", subject.name, KPIS_BY_ID[kpi_id].label(lang), bench.describe_group(subject, options, lang))
    return dcc.Graph(id=TREND, figure=fig, config=figures.graph_config(lang), className="chart-trend")


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


def report_download(state: object, lang: str, fmt: str = "html") -> tuple[dict | None, str]:
    """The report for the page's inputs as a download (dcc.Download's data), HTML or (``fmt`` "pdf")
    PDF, or why not (a short text for the panel): the same guards as the ``/benchmark/report`` route."""
    from dashboard import report

    answer = report.answer(state if isinstance(state, str) else "", lang, fmt)
    if answer.status != 200:
        return None, answer.text
    if isinstance(answer.text, bytes):
        return {"content": base64.b64encode(answer.text).decode(), "base64": True,
                "filename": answer.filename, "type": "application/pdf"}, ""
    return {"content": answer.text, "filename": answer.filename, "type": "text/html"}, ""


@page_layout("benchmark", PATH)
def layout(lang: str, args: dict[str, str]) -> list:
    year = bench.parse_year(args.get("year"))
    peers = args.get("peers")  # "" is a link with no box ticked; absent is the default
    options = bench.parse_options(peers.split(",") if isinstance(peers, str) else DEFAULT_PEERS)
    query = args.get("company", "")[:120]
    trend_kpi = bench.parse_kpi(args.get("kpi"))
    viewer = auth.viewer()
    subject = bench.allowed_subject(query, year, viewer) if query else None
    out = view(subject, options, year, lang, viewer)
    if subject is None and query:
        out[SUBJECT] = t("benchmark.not_found", lang)
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
                      dcc.Dropdown(id=YEAR, value=year, clearable=False, labels=dropdown_labels(lang),
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
                          dcc.Dropdown(id=SECTOR, value=25, clearable=False, labels=dropdown_labels(lang),
                                       options=[{"label": f"{c} {r[short]}", "value": int(c)}
                                                for c, r in dimensions.sectors().iterrows()])],
                         className="measure-field"),
                html.Div([html.Label(t("filter.county", lang), htmlFor=COUNTY, className="form-label"),
                          dcc.Dropdown(id=COUNTY, value="03", clearable=False, labels=dropdown_labels(lang),
                                       options=[{"label": r[name], "value": c}
                                                for c, r in dimensions.counties().iterrows()])],
                         className="measure-field"),
                *[_measure_input(m, lang) for m in MEASURES],
            ], className="measure-grid"),
        ], className="typed-figures chart-panel", id="benchmark-typed"),
        html.P(out[SUBJECT], id=SUBJECT, className="subject-line", **{"aria-live": "polite"}),
        html.Section(out[EMPTY], id=EMPTY, hidden=out["empty_hidden"], className="chart-panel empty-panel"),
        html.Div([
            html.Div(out[GROUP], id=GROUP, className="group-line", **{"aria-live": "polite"}),
            html.Div([html.P(out[BANNER_TEXT], id=BANNER_TEXT),
                      html.Button(out[WIDEN], id=WIDEN, hidden=out["widen_hidden"], className="btn btn-primary btn-sm")],
                     id=BANNER, hidden=out["banner_hidden"], role="status", className="alert alert-warning small-group"),
            dcc.Store(id=WIDEN_TO, data=out[WIDEN_TO]),
            html.Section(out[SUMMARY], id=SUMMARY, className="benchmark-summary"),
            html.Section(loading(html.Div(out[TABLE], id=TABLE)), className="chart-panel"),
            loading(html.Div(out[CHARTS], id=CHARTS, className="chart-grid chart-grid-b")),
            html.Section([
                html.Div([html.Label(t("benchmark.trend.kpi", lang), htmlFor=TREND_KPI, className="form-label me-2"),
                          dcc.Dropdown(id=TREND_KPI, value=trend_kpi, clearable=False, className="kpi-select",
                                       labels=dropdown_labels(lang),
                                       options=[{"label": k.label(lang), "value": k.id} for k in KPIS])]),
                loading(html.Div(trend_graph(subject, options, trend_kpi, lang, viewer), id=TREND_BOX)),
            ], className="chart-panel"),
            html.Section([
                dcc.Input(type="hidden", id=REPORT_STATE,
                          value=report_state("company", query, {}, None, None, year, options, trend_kpi)),
                html.Span(t("benchmark.report", lang), className="form-label me-2"),
                *[html.Button(t(text, lang, language=t(f"lang.{code}", lang)), type="button",
                              className="btn btn-outline-primary btn-sm", id=f"{prefix}-{code}")
                  for prefix, text in ((REPORT_LANG, "benchmark.report.button"), (REPORT_PDF, "benchmark.report.pdf"))
                  for code in LANGS],
                html.Span([html.Span(className="spinner-border spinner-border-sm", **{"aria-hidden": "true"}),
                           " " + t("benchmark.report.drawing", lang)], className="report-busy"),
                html.Span(id=REPORT_STATUS, className="report-status", role="status"),
                dcc.Download(id=REPORT_DOWNLOAD),
            ], id=REPORT, className="report-form chart-panel"),
        ], id=RESULTS, hidden=out["results_hidden"]),
        dcc.Store(id=LANG, data=lang),
        dcc.Store(id=ADDRESS),
    ]
