"""Callbacks of the benchmark page. Every response carries the subject's own figures and peer
aggregates that pass disclosure control, and nothing else about any other company."""

from __future__ import annotations

from dash import ALL, ClientsideFunction, Input, Output, State, callback, clientside_callback, no_update

from dashboard import auth
from dashboard import benchmark as bench
from dashboard.callbacks.guard import db_error_figure, guarded
from dashboard.i18n import normalize_lang, t
from dashboard.pages import benchmark as page

# Both callbacks read the same inputs: who the subject is, the year and the peer group.
INPUTS = [
    Input(page.MODE, "value"), Input(page.FETCH, "n_clicks"), Input(page.QUERY, "value"),
    Input(page.YEAR, "value"), Input(page.OPTIONS, "value"), Input(page.SECTOR, "value"),
    Input(page.COUNTY, "value"), Input({"type": page.MEASURE, "measure": ALL}, "value"),
    Input(page.TREND_KPI, "value"),
    State({"type": page.MEASURE, "measure": ALL}, "id"), State(page.LANG, "data"),
]


def _read(mode: object, n_clicks: object, query: object, year: object, options: object, sector: object,
          county: object, values: object, trend_kpi: object, ids: object, lang: object) -> dict:
    """The validated inputs, and the subject they describe (None when there is none)."""
    lang = normalize_lang(lang)
    mode = mode if mode in ("company", "typed") else "company"
    measures = {}
    if isinstance(values, list) and isinstance(ids, list):
        measures = {i.get("measure"): v for i, v in zip(ids, values) if isinstance(i, dict)}
    year, options, trend_kpi = bench.parse_year(year), bench.parse_options(options), bench.parse_kpi(trend_kpi)
    try:
        subject, limited = bench.resolve(mode, query, measures, sector, county, year, lang, auth.viewer()), False
    except bench.TooMany:
        subject, limited = None, True
    return dict(lang=lang, mode=mode, query=query, measures=measures, sector=sector, county=county,
                year=year, options=options, trend_kpi=trend_kpi, subject=subject, limited=limited)


@callback(Output(page.SUBJECT, "children"), Output(page.GROUP, "children"), Output(page.TABLE, "children"),
          Output(page.STRIPS, "figure"), Output(page.RADAR, "figure"), Output(page.REPORT_STATE, "value"),
          *INPUTS, prevent_initial_call=True)
@guarded(lambda lang: (t("error.db.title", lang), no_update, no_update, no_update, no_update, no_update))
def update(*values: object):
    v = _read(*values)
    out = page.results(v["subject"], v["options"], v["year"], v["lang"], auth.viewer())
    if v["subject"] is None and v["mode"] == "company" and isinstance(v["query"], str) and v["query"].strip():
        out["subject"] = t("benchmark.not_found", v["lang"])
    if v["limited"]:
        out["subject"] = t("benchmark.too_many", v["lang"], minutes=int(bench.TYPED_WINDOW // 60))
    return (out["subject"], out["group"], out["table"], out["strips"], out["radar"],
            page.report_state(v["mode"], v["query"], v["measures"], v["sector"], v["county"], v["year"],
                              v["options"], v["trend_kpi"]))


@callback(Output(page.TREND, "figure"), *INPUTS, prevent_initial_call=True)
@guarded(db_error_figure)
def update_trend(*values: object):
    """The subject against the peer median over the years: its own callback, drawn alongside."""
    v = _read(*values)
    return page.trend_figure(v["subject"], v["options"], v["trend_kpi"], v["lang"], auth.viewer())


clientside_callback(
    ClientsideFunction(namespace="dashboard", function_name="syncBenchmarkUrl"),
    Output("lang-nb", "href", allow_duplicate=True), Output("lang-en", "href", allow_duplicate=True),
    Input(page.MODE, "value"), Input(page.QUERY, "value"), Input(page.YEAR, "value"),
    Input(page.OPTIONS, "value"), Input(page.TREND_KPI, "value"), State(page.LANG, "data"),
    State(page.YEAR, "options"),  # the newest year offered is the default, left out of the address
    prevent_initial_call="initial_duplicate",
)
