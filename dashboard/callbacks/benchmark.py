"""Callbacks of the benchmark page. Every response carries the subject's own figures and peer
aggregates that pass disclosure control, and nothing else about any other company."""

from __future__ import annotations

from dash import ALL, ClientsideFunction, Input, Output, State, callback, clientside_callback, no_update

from dashboard import auth
from dashboard import benchmark as bench
from dashboard.callbacks.guard import db_error_figure, guarded
from dashboard.components.shell import LANG_LINKS
from dashboard.i18n import LANGS, normalize_lang, t, tn
from dashboard.pages import benchmark as page

# Both callbacks read the same inputs, by name: who the subject is, the year and the peer group.
INPUTS = dict(
    mode=Input(page.MODE, "value"), fetch=Input(page.FETCH, "n_clicks"), query=Input(page.QUERY, "value"),
    year=Input(page.YEAR, "value"), options=Input(page.OPTIONS, "value"), sector=Input(page.SECTOR, "value"),
    county=Input(page.COUNTY, "value"), measures=Input({"type": page.MEASURE, "measure": ALL}, "value"),
    trend_kpi=Input(page.TREND_KPI, "value"),
)
STATE = dict(ids=State({"type": page.MEASURE, "measure": ALL}, "id"), lang=State(page.LANG, "data"))


def _read(mode: object, fetch: object, query: object, year: object, options: object, sector: object,
          county: object, measures: object, trend_kpi: object, ids: object, lang: object) -> dict:
    """The validated inputs, and the subject they describe (None when there is none)."""
    lang = normalize_lang(lang)
    mode = mode if mode in ("company", "typed") else "company"
    typed = {}
    if isinstance(measures, list) and isinstance(ids, list):
        typed = {i.get("measure"): v for i, v in zip(ids, measures) if isinstance(i, dict)}
    year, options, trend_kpi = bench.parse_year(year), bench.parse_options(options), bench.parse_kpi(trend_kpi)
    try:
        subject, limited = bench.resolve(mode, query, typed, sector, county, year, lang, auth.viewer()), False
    except bench.TooMany:
        subject, limited = None, True
    return dict(lang=lang, mode=mode, query=query, measures=typed, sector=sector, county=county,
                year=year, options=options, trend_kpi=trend_kpi, subject=subject, limited=limited)


@callback(output=[Output(page.SUBJECT, "children"), Output(page.GROUP, "children"),
                  Output(page.TABLE, "children"), Output(page.STRIPS, "figure"), Output(page.RADAR, "figure"),
                  Output(page.REPORT_STATE, "value")],
          inputs=INPUTS, state=STATE, prevent_initial_call=True)
@guarded(lambda lang: (t("error.db.title", lang), no_update, no_update, no_update, no_update, no_update))
def update(mode: object, fetch: object, query: object, year: object, options: object, sector: object,
           county: object, measures: object, trend_kpi: object, ids: object, lang: object):
    v = _read(mode, fetch, query, year, options, sector, county, measures, trend_kpi, ids, lang)
    out = page.results(v["subject"], v["options"], v["year"], v["lang"], auth.viewer())
    if v["subject"] is None and v["mode"] == "company" and isinstance(v["query"], str) and v["query"].strip():
        out["subject"] = t("benchmark.not_found", v["lang"])
    if v["limited"]:
        out["subject"] = tn("benchmark.too_many", int(bench.TYPED_WINDOW // 60), v["lang"])
    return (out["subject"], out["group"], out["table"], out["strips"], out["radar"],
            page.report_state(v["mode"], v["query"], v["measures"], v["sector"], v["county"], v["year"],
                              v["options"], v["trend_kpi"]))


@callback(output=Output(page.TREND, "figure"), inputs=INPUTS, state=STATE, prevent_initial_call=True)
@guarded(db_error_figure)
def update_trend(mode: object, fetch: object, query: object, year: object, options: object, sector: object,
                 county: object, measures: object, trend_kpi: object, ids: object, lang: object):
    """The subject against the peer median over the years: its own callback, drawn alongside."""
    v = _read(mode, fetch, query, year, options, sector, county, measures, trend_kpi, ids, lang)
    return page.trend_figure(v["subject"], v["options"], v["trend_kpi"], v["lang"], auth.viewer())


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
