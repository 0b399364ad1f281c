"""Data page, ``/data``: how every KPI is defined, straight from the catalogue."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from dashboard.components.shell import page_layout
from dashboard.i18n import t
from dashboard.kpis import CRITERIA_BY_ID, KPIS, KPI

PATH = "/data"
CATALOGUE = "data-kpi-catalogue"


def formula(kpi: KPI) -> str:
    return f"Σ ({kpi.numerator}) / Σ ({kpi.denominator})"


@page_layout("data", PATH)
def layout(lang: str, args: dict[str, str]) -> list:
    head = html.Thead(html.Tr([html.Th(t(k, lang), scope="col") for k in (
        "data.kpi", "data.definition", "data.formula", "data.unit", "data.direction", "data.criterion")]))
    rows = [
        html.Tr([
            html.Th(k.label(lang), scope="row"),
            html.Td(k.definition(lang)),
            html.Td(html.Code(formula(k))),
            html.Td(k.unit(lang)),
            html.Td(t(f"direction.{k.direction}", lang)),
            html.Td(getattr(CRITERIA_BY_ID[k.criterion], lang)),
        ], id=f"data-kpi-{k.id}")
        for k in KPIS
    ]
    return [
        html.H1(t("data.title", lang)),
        html.P(t("data.lead", lang), className="lead"),
        dbc.Table([head, html.Tbody(rows)], id=CATALOGUE, striped=True, responsive=True,
                  className="catalogue"),
    ]
