"""The explorer's filter bar: county, sector, years, size, award status, prize and KPI, plus reset.

Its widget ids and the callback inputs live here, by name (``FILTERS``), so every callback reads
the selection the same way: ``state.from_widgets(filters, span)``, the one place a selection is
built. The year slider runs over the years with data (``span``).
"""

from __future__ import annotations

from dash import Input, dcc, html

from dashboard import dimensions
from dashboard.components.shell import href
from dashboard.i18n import column, dropdown_labels, t
from dashboard.kpis import KPIS
from dashboard.state import OWNERSHIP as OWNERSHIP_VALUES
from dashboard.state import PRIZES, SIZES, STATUSES, Filters
from dashboard.years import Span

COUNTY = "explorer-county"
SECTOR = "explorer-sector"
SIZE = "explorer-size"
OWNERSHIP = "explorer-ownership"
YEARS = "explorer-years"
STATUS = "explorer-status"
PRIZE = "explorer-prize"
KPI = "explorer-kpi"
RESET = "explorer-reset"

# The filter bar's values by name, as callbacks take them (``inputs=dict(filters=FILTERS)``); the
# names are the URL's (``state.URL_KEYS``), with one "years" for the slider.
FILTERS = {
    "county": Input(COUNTY, "value"), "sector": Input(SECTOR, "value"), "size": Input(SIZE, "value"),
    "ownership": Input(OWNERSHIP, "value"), "years": Input(YEARS, "value"), "status": Input(STATUS, "value"),
    "prize": Input(PRIZE, "value"), "kpi": Input(KPI, "value"),
}


def _field(label: str, control_id: str, control, wide: bool = False) -> html.Div:
    return html.Div([html.Label(label, htmlFor=control_id, className="form-label"), control],
                    className="filter-field" + (" filter-wide" if wide else ""))


def year_marks(span: Span) -> dict[int, dict]:
    """The year slider's marks: the first and last year in full, the years between as two digits.
    Over more than six years only every other year between has a mark, and none right beside an
    end: "2014 15" and "24 2025" ran into each other. (The slider still steps a year at a time; a
    mark with an empty label would show its year in full.)"""
    ends = (span.first, span.last)
    crowded = span.last - span.first > 6

    def marked(y: int) -> bool:
        return y in ends or not crowded or ((y - span.first) % 2 == 0 and span.first + 1 < y < span.last - 1)

    return {y: {"label": str(y) if y in ends else f"{y % 100:02d}"}
            for y in range(span.first, span.last + 1) if marked(y)}


def filter_bar(f: Filters, span: Span, lang: str) -> html.Section:
    name, short = column(lang, "name"), column(lang, "short")
    counties = dimensions.counties().sort_values(name)
    sectors = dimensions.sectors()
    return html.Section(
        [
            html.H2(t("filter.title", lang), className="visually-hidden"),
            _field(t("kpi.choose", lang), KPI, dcc.Dropdown(
                id=KPI, options=[{"label": k.label(lang), "value": k.id} for k in KPIS],
                value=f.kpi, clearable=False, searchable=True, labels=dropdown_labels(lang))),
            _field(t("filter.county", lang), COUNTY, dcc.Dropdown(
                id=COUNTY, multi=True, value=list(f.counties), labels=dropdown_labels(lang),
                placeholder=t("filter.all_counties", lang),
                options=[{"label": r[name], "value": r["code"]} for _, r in counties.iterrows()])),
            _field(t("filter.sector", lang), SECTOR, dcc.Dropdown(
                id=SECTOR, multi=True, value=list(f.sectors), labels=dropdown_labels(lang),
                placeholder=t("filter.all_sectors", lang),
                options=[{"label": f"{c} {r[short]}", "value": int(c)} for c, r in sectors.iterrows()])),
            _field(t("filter.years", lang), YEARS, dcc.RangeSlider(
                id=YEARS, min=span.first, max=span.last, step=1, value=[f.year_from, f.year_to],
                marks=year_marks(span),
                allowCross=True, updatemode="mouseup"), wide=True),
            _field(t("filter.size", lang), SIZE, dcc.Checklist(
                id=SIZE, value=list(f.sizes), inline=True, className="size-checklist",
                options=[{"label": t(f"size.{s}", lang), "value": s} for s in SIZES]), wide=True),
            _field(t("filter.ownership", lang), OWNERSHIP, dcc.Checklist(
                id=OWNERSHIP, value=list(f.ownership), inline=True, className="size-checklist",
                options=[{"label": t(f"ownership.{o}", lang), "value": o} for o in OWNERSHIP_VALUES])),
            _field(t("filter.status", lang), STATUS, dcc.Dropdown(
                id=STATUS, value=f.status, clearable=False, searchable=False,
                options=[{"label": t(f"status.{s}", lang), "value": s} for s in STATUSES])),
            _field(t("filter.prize", lang), PRIZE, dcc.Dropdown(
                id=PRIZE, value=f.prize, clearable=False, searchable=False, disabled=f.status == "all",
                options=[{"label": t(f"prize.{p}", lang), "value": p} for p in PRIZES])),
            # the grid's last column, at the foot of the bar (02-app.css)
            html.Div(dcc.Link(t("filter.reset", lang), href=href("/", lang), id=RESET,
                              className="btn btn-outline-secondary"), className="filter-actions"),
        ],
        className="filter-bar",
        **{"aria-label": t("filter.title", lang)},
    )
