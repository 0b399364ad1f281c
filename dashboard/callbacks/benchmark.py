"""Callbacks of the benchmark page. Every response carries the subject's own figures and peer
aggregates that pass disclosure control, and nothing else about any other company."""

from __future__ import annotations

from dash import ALL, Input, Output, State, callback, no_update

from dashboard.callbacks.explorer import db_error_figure, guarded
from dashboard.i18n import normalize_lang, t
from dashboard.pages import benchmark as page


def _measures(values: object, ids: object) -> dict:
    if not (isinstance(values, list) and isinstance(ids, list)):
        return {}
    return {i.get("measure"): v for i, v in zip(ids, values) if isinstance(i, dict)}


@callback(Output(page.SUBJECT, "children"), Output(page.GROUP, "children"), Output(page.TABLE, "children"),
          Output(page.STRIPS, "figure"), Output(page.RADAR, "figure"), Output(page.REPORT_STATE, "value"),
          Input(page.MODE, "value"), Input(page.FETCH, "n_clicks"), Input(page.QUERY, "value"),
          Input(page.YEAR, "value"), Input(page.OPTIONS, "value"), Input(page.SECTOR, "value"),
          Input(page.COUNTY, "value"), Input({"type": page.MEASURE, "measure": ALL}, "value"),
          Input(page.TREND_KPI, "value"),
          State({"type": page.MEASURE, "measure": ALL}, "id"), State(page.LANG, "data"),
          prevent_initial_call=True)
@guarded(lambda lang: (t("error.db.title", lang), no_update, no_update, no_update, no_update, no_update))
def update(mode: object, n_clicks: object, query: object, year: object, options: object, sector: object,
           county: object, values: object, trend_kpi: object, ids: object, lang: object):
    lang = normalize_lang(lang)
    mode = mode if mode in ("company", "typed") else "company"
    year, options, trend_kpi = page.parse_year(year), page.parse_options(options), page.parse_kpi(trend_kpi)
    measures = _measures(values, ids)
    subject = page.resolve(mode, query, measures, sector, county, year, lang)
    out = page.results(subject, options, year, lang)
    if subject is None and mode == "company" and isinstance(query, str) and query.strip():
        out["subject"] = t("benchmark.not_found", lang)
    return (out["subject"], out["group"], out["table"], out["strips"], out["radar"],
            page.report_state(mode, query, measures, sector, county, year, options, trend_kpi))


@callback(Output(page.TREND, "figure"),
          Input(page.MODE, "value"), Input(page.FETCH, "n_clicks"), Input(page.QUERY, "value"),
          Input(page.YEAR, "value"), Input(page.OPTIONS, "value"), Input(page.SECTOR, "value"),
          Input(page.COUNTY, "value"), Input({"type": page.MEASURE, "measure": ALL}, "value"),
          Input(page.TREND_KPI, "value"),
          State({"type": page.MEASURE, "measure": ALL}, "id"), State(page.LANG, "data"),
          prevent_initial_call=True)
@guarded(db_error_figure)
def update_trend(mode: object, n_clicks: object, query: object, year: object, options: object, sector: object,
                 county: object, values: object, trend_kpi: object, ids: object, lang: object):
    """The subject against the peer median over the years: its own callback, drawn alongside."""
    lang = normalize_lang(lang)
    mode = mode if mode in ("company", "typed") else "company"
    year, options = page.parse_year(year), page.parse_options(options)
    subject = page.resolve(mode, query, _measures(values, ids), sector, county, year, lang)
    return page.trend_figure(subject, options, page.parse_kpi(trend_kpi), lang)
