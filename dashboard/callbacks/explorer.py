"""Callbacks of the explorer page."""

from __future__ import annotations

import logging

import plotly.graph_objects as go
from dash import Input, Output, State, callback

from dashboard import figures
from dashboard.db import DatabaseError
from dashboard.i18n import normalize_lang, t
from dashboard.kpis import KPIS_BY_ID
from dashboard.pages import explorer as page

log = logging.getLogger(__name__)


@callback(
    Output(page.TREND, "figure"),
    Input(page.KPI_SELECT, "value"),
    State(page.LANG, "data"),
    prevent_initial_call=True,
)
def update_trend(kpi_id: object, lang: object) -> go.Figure:
    """Redraw the trend for the chosen KPI; an id outside the catalogue gets an empty chart."""
    lang = normalize_lang(lang)
    if not isinstance(kpi_id, str) or kpi_id not in KPIS_BY_ID:
        return figures.empty_figure(lang)
    try:
        return page.trend(kpi_id, lang)
    except DatabaseError as exc:
        log.error("explorer trend: %s", exc)
        return figures.empty_figure(lang, t("error.db.title", lang))
