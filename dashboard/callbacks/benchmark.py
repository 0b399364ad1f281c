"""Callbacks of the benchmark page. Every response carries the subject's own figures and peer
aggregates that pass disclosure control, and nothing else about any other company."""

from __future__ import annotations

from dash import ALL, ClientsideFunction, Input, Output, State, callback, clientside_callback, ctx, no_update

from dashboard import auth
from dashboard import benchmark as bench
from dashboard.callbacks.guard import guarded
from dashboard.components.shell import LANG_LINKS
from dashboard.i18n import LANGS, normalize_lang, t, tn
from dashboard.pages import benchmark as page

# The page's form, by name: who the subject is, the year and the peer group. Both views take it as
# one value (``inputs=dict(form=FORM)``) and read it through ``_read``.
FORM = dict(
    mode=Input(page.MODE, "value"), fetch=Input(page.FETCH, "n_clicks"), query=Input(page.QUERY, "value"),
    year=Input(page.YEAR, "value"), options=Input(page.OPTIONS, "value"), sector=Input(page.SECTOR, "value"),
    county=Input(page.COUNTY, "value"), measures=Input({"type": page.MEASURE, "measure": ALL}, "value"),
    trend_kpi=Input(page.TREND_KPI, "value"),
)
# The typed figures' ids (which measure each one is) and the page's language. Dash adds a callback's
# inputs to the dict it is given as ``state``: each callback is given a copy.
STATE = dict(ids=State({"type": page.MEASURE, "measure": ALL}, "id"), lang=State(page.LANG, "data"))


def _read(form: object, ids: object, lang: object) -> dict:
    """The validated form (``FORM``'s values by name; a missing one counts as empty), and the
    subject it describes (None when there is none)."""
    form = form if isinstance(form, dict) else {}
    lang = normalize_lang(lang)
    mode = form.get("mode") if form.get("mode") in ("company", "typed") else "company"
    query, measures, sector, county = form.get("query"), form.get("measures"), form.get("sector"), form.get("county")
    typed = {}
    if isinstance(measures, list) and isinstance(ids, list):
        typed = {i.get("measure"): v for i, v in zip(ids, measures) if isinstance(i, dict)}
    year, options = bench.parse_year(form.get("year")), bench.parse_options(form.get("options"))
    trend_kpi = bench.parse_kpi(form.get("trend_kpi"))
    try:
        subject, limited = bench.resolve(mode, query, typed, sector, county, year, lang, auth.viewer()), False
    except bench.TooMany:
        subject, limited = None, True
    return dict(lang=lang, mode=mode, query=query, measures=typed, sector=sector, county=county,
                year=year, options=options, trend_kpi=trend_kpi, subject=subject, limited=limited)


# The page's outputs by name: the view (page.view) fills them all.
OUTPUTS = dict(
    subject=Output(page.SUBJECT, "children"), empty=Output(page.EMPTY, "children"),
    empty_hidden=Output(page.EMPTY, "hidden"), results_hidden=Output(page.RESULTS, "hidden"),
    group=Output(page.GROUP, "children"), banner_hidden=Output(page.BANNER, "hidden"),
    banner=Output(page.BANNER_TEXT, "children"), widen=Output(page.WIDEN, "children"),
    widen_hidden=Output(page.WIDEN, "hidden"), widen_to=Output(page.WIDEN_TO, "data"),
    summary=Output(page.SUMMARY, "children"), table=Output(page.TABLE, "children"),
    charts=Output(page.CHARTS, "children"), report_state=Output(page.REPORT_STATE, "value"),
)
VIEW_KEYS = dict(subject=page.SUBJECT, empty=page.EMPTY, empty_hidden="empty_hidden", results_hidden="results_hidden",
                 group=page.GROUP, banner_hidden="banner_hidden", banner=page.BANNER_TEXT, widen=page.WIDEN,
                 widen_hidden="widen_hidden", widen_to=page.WIDEN_TO, summary=page.SUMMARY, table=page.TABLE,
                 charts=page.CHARTS)


def _error(lang: str) -> dict:
    """A database that cannot be read: said in the subject line, the rest left as it was."""
    return {name: t("error.db.title", lang) if name == "subject" else no_update for name in OUTPUTS}


@callback(output=OUTPUTS, inputs=dict(form=FORM), state=dict(STATE), prevent_initial_call=True)
@guarded(_error)
def update(form: dict, ids: object, lang: object) -> dict:
    v = _read(form, ids, lang)
    out = page.view(v["subject"], v["options"], v["year"], v["lang"], auth.viewer(), v["mode"])
    if v["subject"] is None and v["mode"] == "company" and isinstance(v["query"], str) and v["query"].strip():
        out[page.SUBJECT] = t("benchmark.not_found", v["lang"])
    if v["limited"]:
        out[page.SUBJECT] = tn("benchmark.too_many", int(bench.TYPED_WINDOW // 60), v["lang"])
    return {**{name: out[key] for name, key in VIEW_KEYS.items()},
            "report_state": page.report_state(v["mode"], v["query"], v["measures"], v["sector"], v["county"],
                                              v["year"], v["options"], v["trend_kpi"])}


@callback(output=Output(page.TREND_BOX, "children"), inputs=dict(form=FORM), state=dict(STATE),
          prevent_initial_call=True)
@guarded(lambda lang: None)
def update_trend(form: dict, ids: object, lang: object):
    """The subject against the peer median over the years: its own callback, drawn alongside."""
    v = _read(form, ids, lang)
    return page.trend_graph(v["subject"], v["options"], v["trend_kpi"], v["lang"], auth.viewer())


@callback(output=Output(page.OPTIONS, "value"),
          inputs=dict(clicks=Input(page.WIDEN, "n_clicks")), state=dict(wider=State(page.WIDEN_TO, "data")),
          prevent_initial_call=True)
def widen(clicks: object, wider: object):
    """The banner's button: tick the boxes of the wider group the page offered."""
    return bench.parse_options(wider) if clicks and isinstance(wider, list) else no_update


@callback(output=dict(download=Output(page.REPORT_DOWNLOAD, "data"), status=Output(page.REPORT_STATUS, "children")),
          inputs=dict(clicks=[Input(f"{page.REPORT_LANG}-{code}", "n_clicks") for code in LANGS],
                      pdf_clicks=[Input(f"{page.REPORT_PDF}-{code}", "n_clicks") for code in LANGS]),
          state=dict(report_state=State(page.REPORT_STATE, "value"), lang=State(page.LANG, "data")),
          running=[(Output(page.REPORT, "className"), "report-form chart-panel busy", "report-form chart-panel"),
                   *((Output(f"{prefix}-{code}", "disabled"), True, False)
                     for prefix in (page.REPORT_LANG, page.REPORT_PDF) for code in LANGS)],
          prevent_initial_call=True)
def report(clicks: object, pdf_clicks: object, report_state: object, lang: object) -> dict:
    """The report, in the language and format (HTML or PDF) of the button pressed. It takes seconds
    to draw: while it runs the buttons are disabled and the panel says so (the ``running`` outputs)."""
    pressed = ctx.triggered_id if isinstance(ctx.triggered_id, str) else ""
    prefix, _, language = pressed.rpartition("-")
    fmt = "pdf" if prefix == page.REPORT_PDF else "html"
    language = language if prefix in (page.REPORT_LANG, page.REPORT_PDF) else lang
    data, why = page.report_download(report_state, normalize_lang(language), fmt)
    return {"download": data if data is not None else no_update, "status": why}


@callback(output=[Output(page.ADDRESS, "data"),
                  *(Output(link, "href", allow_duplicate=True) for link in LANG_LINKS.values())],
          inputs=dict(mode=Input(page.MODE, "value"), query=Input(page.QUERY, "value"),
                      year=Input(page.YEAR, "value"), options=Input(page.OPTIONS, "value"),
                      trend_kpi=Input(page.TREND_KPI, "value")),
          state=dict(lang=State(page.LANG, "data")), prevent_initial_call="initial_duplicate")
def address(mode: object, query: object, year: object, options: object, trend_kpi: object, lang: object):
    """The page's address and language links, written on the server (typed figures never)."""
    lang = normalize_lang(lang)
    year, options, trend_kpi = bench.parse_year(year), bench.parse_options(options), bench.parse_kpi(trend_kpi)
    return tuple(page.address(mode, query, year, options, trend_kpi, language) for language in (lang, *LANGS))


clientside_callback(
    ClientsideFunction(namespace="dashboard", function_name="pushAddress"),
    Input(page.ADDRESS, "data"),
)
