"""Explorer, page ``/``: headline KPI cards for the latest year and a KPI's trend over the years."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard import figures
from dashboard.components.kpi_card import CardData, kpi_card
from dashboard.components.shell import page_layout
from dashboard.db import run_query
from dashboard.i18n import t
from dashboard.kpis import DEFAULT_KPI, HEADLINE_KPIS, KPIS, KPIS_BY_ID, get_kpi

PATH = "/"
KPI_SELECT = "explorer-kpi"
TREND = "explorer-trend"
LANG = "explorer-lang"
UNKNOWN_KPI = "explorer-unknown-kpi"


def headline_cards(lang: str, year: int) -> list[CardData]:
    """The cards for ``year``: headline KPIs, companies and FTE, each against the year before."""
    kpis = run_query("kpi_by_year", kpis=list(HEADLINE_KPIS), year_from=year - 1, year_to=year)
    totals = run_query("totals_by_year", year_from=year - 1, year_to=year).set_index("year")
    values = kpis.set_index(["kpi", "year"])["value"]
    counts = kpis.set_index(["kpi", "year"])["companies"]

    def pick(series: pd.Series, key: tuple) -> float | None:
        return float(series[key]) if key in series.index and pd.notna(series[key]) else None

    cards = []
    for kpi_id in HEADLINE_KPIS:
        kpi = KPIS_BY_ID[kpi_id]
        n = pick(counts, (kpi_id, year))
        cards.append(CardData(
            id=kpi_id, label=kpi.label(lang), value=pick(values, (kpi_id, year)),
            unit=kpi.unit(lang), decimals=kpi.decimals,
            previous=pick(values, (kpi_id, year - 1)), previous_year=year - 1,
            higher_is_better=kpi.higher_is_better,
            note=t("card.basis", lang, n=int(n)) if n else "",
        ))
    for col, label, unit, decimals in (("companies", "card.companies", "card.companies.unit", 0),
                                       ("fte", "card.fte", "card.fte.unit", 0)):
        cards.append(CardData(
            id=col, label=t(label, lang), value=pick(totals[col], year),
            unit=t(unit, lang), decimals=decimals, previous=pick(totals[col], year - 1),
            previous_year=year - 1, higher_is_better=None,
        ))
    return cards


def trend(kpi_id: str, lang: str) -> "figures.go.Figure":
    """The trend figure for a KPI over every year with data."""
    span = run_query("year_span")
    first, last = span["first_year"].iloc[0], span["last_year"].iloc[0]
    if pd.isna(last):
        return figures.empty_figure(lang)
    df = run_query("kpi_by_year", kpis=[kpi_id], year_from=int(first), year_to=int(last))
    return figures.trend_figure(df, get_kpi(kpi_id), lang)


@page_layout("explorer", PATH)
def layout(lang: str, args: dict[str, str]) -> list:
    span = run_query("year_span")
    year = span["last_year"].iloc[0]
    if pd.isna(year):
        return [html.H1(t("explorer.title", lang)), html.P(t("chart.empty", lang))]
    year = int(year)
    requested = args.get("kpi", DEFAULT_KPI)
    kpi_id = requested if requested in KPIS_BY_ID else DEFAULT_KPI
    warning = None
    if requested != kpi_id:
        warning = dbc.Alert(
            t("kpi.unknown", lang, value=requested[:60], default=KPIS_BY_ID[DEFAULT_KPI].label(lang)),
            color="info", id=UNKNOWN_KPI,
        )
    return [
        html.H1(t("explorer.title", lang)),
        html.P(t("explorer.lead", lang, year=year), className="lead"),
        warning,
        html.Section(
            [kpi_card(card, lang) for card in headline_cards(lang, year)],
            className="card-grid",
            **{"aria-label": t("explorer.title", lang)},
        ),
        html.Section(
            [
                dbc.Label(t("kpi.choose", lang), html_for=KPI_SELECT),
                dcc.Dropdown(
                    id=KPI_SELECT,
                    options=[{"label": k.label(lang), "value": k.id} for k in KPIS],
                    value=kpi_id,
                    clearable=False,
                    className="kpi-select",
                ),
                dcc.Loading(
                    dcc.Graph(id=TREND, figure=trend(kpi_id, lang), className="chart",
                              config=figures.GRAPH_CONFIG),
                    delay_show=250,
                ),
                dcc.Store(id=LANG, data=lang),
            ],
            className="chart-panel",
        ),
    ]
