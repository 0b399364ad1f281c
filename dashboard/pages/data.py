"""Data page, ``/data``: how every KPI is defined (straight from the catalogue), how complete the
data are, what has been imported, and the import template."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from dashboard import dimensions, disclosure
from dashboard.auth import viewer as current_viewer
from dashboard.disclosure import Viewer
from dashboard.components.shell import page_layout
from dashboard.db import cached, run_query
from dashboard.i18n import fmt_date, fmt_number, t, with_unit
from dashboard.kpis import CRITERIA_BY_ID, KPIS, KPI, MEASURES

PATH = "/data"
CATALOGUE = "data-kpi-catalogue"
COVERAGE = "data-coverage"
LOADS = "data-loads"


def formula(kpi: KPI) -> str:
    return f"Σ ({kpi.numerator}) / Σ ({kpi.denominator})"


def _table(head: list[str], rows: list[list], table_id: str) -> dbc.Table:
    return dbc.Table([html.Thead(html.Tr([html.Th(h, scope="col") for h in head])),
                      html.Tbody([html.Tr([html.Th(r[0], scope="row"), *[html.Td(c, className="num") for c in r[1:]]])
                                  for r in rows])],
                     id=table_id, striped=True, size="sm", responsive=True)


def catalogue(lang: str) -> list:
    head = [t(k, lang) for k in ("data.kpi", "data.definition", "data.formula", "data.unit", "data.direction",
                                 "data.criterion")]
    rows = [html.Tr([
        html.Th(k.label(lang), scope="row"), html.Td(k.definition(lang)), html.Td(html.Code(formula(k))),
        html.Td(k.unit(lang)), html.Td(t(f"direction.{k.direction}", lang)),
        html.Td(CRITERIA_BY_ID[k.criterion].label(lang)),
    ], id=f"data-kpi-{k.id}") for k in KPIS]
    return [html.H2(t("data.catalogue", lang), className="h4"),
            dbc.Table([html.Thead(html.Tr([html.Th(h, scope="col") for h in head])), html.Tbody(rows)],
                      id=CATALOGUE, striped=True, responsive=True, className="catalogue")]


@cached(maxsize=16)  # the same for every visitor until an import publishes a new file
def coverage(lang: str, viewer: Viewer | None = None) -> list:
    """How many companies report, per year, and per county and sector in the newest year (through
    the disclosure layer: a count under five is withheld from the public), and the share of unknown
    values per measure."""
    years = run_query("coverage_by_year")
    last = int(years["year"].max()) if len(years) else None
    by_year = _table([t(k, lang) for k in ("data.col.year", "data.col.companies", "data.col.counties", "data.col.sectors")],
                     [[str(r.year), fmt_number(r.companies, lang), r.counties, r.sectors] for r in years.itertuples()],
                     f"{COVERAGE}-years")
    parts = [html.Div([html.H3(t("data.coverage.year", lang), className="h6"), by_year])]
    if last is not None:
        for dim, name in (("county", lambda c: dimensions.county_name(c, lang)),
                          ("sector", lambda c: dimensions.sector_name(int(c), lang))):
            df = run_query("coverage_by_dimension", dim=dim, year=last)
            shown = disclosure.counts(list(df["companies"]), viewer)
            parts.append(html.Div([html.H3(t(f"data.coverage.{dim}", lang, year=last), className="h6"),
                                   _table([t(f"filter.{dim}", lang), t("data.col.companies", lang)],
                                          [[name(m), fmt_number(n, lang) if n is not None
                                            else t("data.few", lang, n=disclosure.MIN_GROUP)]
                                           for m, n in zip(df["member"], shown)],
                                          f"{COVERAGE}-{dim}")]))
    missing = run_query("missing_shares").iloc[0]
    parts.append(html.Div([html.H3(t("data.coverage.missing", lang), className="h6"),
                           _table([t("data.col.measure", lang), t("data.col.missing", lang)],
                                  [[m.label(lang),
                                    with_unit(fmt_number(100 * (missing[m.id] or 0), lang, 1), "%", lang)] for m in MEASURES],
                                  f"{COVERAGE}-missing")]))
    rules = None if disclosure.or_public(viewer).full else html.P(
        t("disclosure.public_rules", lang, **disclosure.rule_numbers()), className="table-note disclosure-rules")
    return [html.H2(t("data.coverage", lang), className="h4"), rules, html.Div(parts, className="coverage-grid")]


@cached(maxsize=16)
def loads(lang: str) -> list:
    df = run_query("load_history")
    if df.empty:
        body = html.P(t("data.loads.none", lang), id=LOADS)
    else:
        body = _table([t(k, lang) for k in ("data.col.file", "data.col.added", "data.col.changed", "data.col.when",
                                            "data.col.checksum")],
                      [[r.file_name, fmt_number(r.rows_added, lang), fmt_number(r.rows_changed, lang),
                        f"{fmt_date(r.loaded_at, lang)} {r.loaded_at:%H:%M}", html.Code(r.checksum[:16] + "…")]
                       for r in df.itertuples()], LOADS)
    return [html.H2(t("data.loads", lang), className="h4"), body]


@page_layout("data", PATH)
def layout(lang: str, args: dict[str, str]) -> list:
    return [
        html.H1(t("data.title", lang)),
        html.P(t("data.lead", lang), className="lead"),
        html.Section(catalogue(lang), className="chart-panel"),
        html.Section(coverage(lang, current_viewer()), className="chart-panel"),
        html.Section([
            html.H2(t("data.import", lang), className="h4"),
            html.P(t("data.import.body", lang)),
            html.Div([  # its own row, a gap above the load history's heading
                html.A(t("data.template.csv", lang), href="/data/template.csv", download="template.csv",
                       className="btn btn-outline-primary btn-sm", id="data-template-csv"),
                html.A(t("data.template.xlsx", lang), href="/data/template.xlsx", download="template.xlsx",
                       className="btn btn-outline-primary btn-sm", id="data-template-xlsx"),
            ], className="template-buttons"),
            *loads(lang),
        ], className="chart-panel"),
    ]
