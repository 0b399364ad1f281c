"""Explorer, page ``/``: productivity, emissions reduction and automation by county, sector and year.

The view builders here (``*_view``) take a validated selection and a language, run the queries and
hand the rows to the pure builders in ``figures``. The layout and the callbacks both call them, so
a page drawn from a link and a page changed by a click show the same thing.
"""

from __future__ import annotations

import json

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
import numpy as np
import pandas as pd
from dash import dcc, html

from dashboard import dimensions, disclosure, figures, state
from dashboard.components.filter_bar import filter_bar
from dashboard.components.kpi_card import CardData, kpi_card
from dashboard.components.loading import loading
from dashboard.components.shell import page_layout
from dashboard.db import cached, run_query, year_span
from dashboard.auth import viewer as current_viewer
from dashboard.disclosure import Cell, Viewer
from dashboard.i18n import ag_grid_texts, column, csv_format, fmt_number, t, tn, with_unit
from dashboard.kpis import DECIMALS, HEADLINE_KPIS, KPIS, KPIS_BY_ID, LOWER_IS_BETTER, get_kpi
from dashboard.state import Filters

PATH = "/"
LANG = "explorer-lang"
LEAD = "explorer-lead"
NOTICE = "explorer-notice"
CARDS = "explorer-cards"
MAP = "explorer-map"
SECTORS = "explorer-sectors"
TREND = "explorer-trend"
SCATTER = "explorer-scatter"
TABLE = "explorer-table"
TABLE_NOTE = "explorer-table-note"
TABLE_TITLE = "explorer-table-title"
DOWNLOAD = "explorer-download"
PLAY = "explorer-play"
TIMER = "explorer-play-timer"
ADDRESS = "explorer-address"  # the address of the view, written by the server
DRAWN = "explorer-drawn"  # the year the views last drew: ▶ play steps on only when they have
DRAWN_BELOW = "explorer-drawn-below"  # the same for the trend and the scatter
DRAWN_TABLE = "explorer-drawn-table"  # and for the table
PLAYED = "explorer-played"  # ▶ play's last step, so the address it gives replaces the history entry
COMPANY = "explorer-company-open"  # the organisation number of the company detail last opened
MODAL = "explorer-company"
MODAL_TITLE = "explorer-company-title"
MODAL_BODY = "explorer-company-body"

SHARED = ("map", "sectors", "trend", "scatter")  # charts with a share / embed menu (dashboard.embed's)
SHARE_OPEN = "explorer-share-open"  # dict ids {"type": SHARE_OPEN, "chart": name}: the menu's button
SHARE_PANEL = "explorer-share-panel"  # and the panel it opens
COPY = "explorer-copy"  # {"type": COPY, "target": the id (a string) of the field it copies}
IMAGE = "explorer-image"  # {"type": IMAGE, "chart": name, "format": "png" | "svg"}
TABLE_LIMIT = 500  # rows sent to the browser; the note says when there are more
SCATTER_LIMIT = 400


def _show(df: pd.DataFrame, viewer: Viewer, cells: list[Cell | None], kpi: str | None = None,
          year: int | None = None) -> pd.DataFrame:
    """Group figures through the disclosure layer: the jury sees them all; anyone else only the
    published cells of the public lattice, rounded as shown."""
    return disclosure.apply(run_query, df, viewer, cells, DECIMALS, kpi=kpi, year=year)


def _only(items: tuple) -> object:
    """The one member of a dimension a selection fixes, or None for all of them."""
    return items[0] if len(items) == 1 else None


def lead_text(f: Filters, lang: str) -> str:
    return t("explorer.lead.selection", lang, year=f.year_to, selection=state.describe(f, lang))


def table_title(f: Filters, lang: str) -> str:
    return t("table.title", lang, year=f.year_to)


@cached()
def cards_view(f: Filters, lang: str, viewer: Viewer | None = None) -> list:
    """Headline cards for the selection in its last year, each against the year before. A figure
    the viewer may not see (disclosure control) is left out."""
    viewer = disclosure.or_public(viewer)
    year = f.year_to
    cell = f.cell()
    kpis = run_query("kpi_by_year", kpis=list(HEADLINE_KPIS), year_from=year - 1, year_to=year,
                     **f.params(viewer.as_of))
    kpis = _show(kpis, viewer, [cell] * len(kpis))
    kpis.loc[kpis["companies"] < viewer.min_group, "value"] = None
    totals = run_query("totals_by_year", year_from=year - 1, year_to=year, **f.params(viewer.as_of))
    totals = disclosure.apply(run_query, totals, viewer, [cell] * len(totals), 0, kpi=disclosure.FTE,
                              column="fte")
    totals.loc[totals["companies"] < viewer.min_group, "fte"] = None
    totals = totals.set_index("year")
    values = kpis.set_index(["kpi", "year"])

    def pick(frame: pd.DataFrame, key: object, col: str) -> float | None:
        return float(frame.at[key, col]) if key in frame.index and pd.notna(frame.at[key, col]) else None

    cards = []
    for kpi_id in HEADLINE_KPIS:
        kpi = KPIS_BY_ID[kpi_id]
        n = pick(values, (kpi_id, year), "companies")
        cards.append(CardData(
            id=kpi_id, label=kpi.label(lang), value=pick(values, (kpi_id, year), "value"),
            unit=kpi.unit(lang), decimals=kpi.decimals,
            previous=pick(values, (kpi_id, year - 1), "value"), previous_year=year - 1,
            higher_is_better=kpi.higher_is_better,
            note=tn("count.companies", n, lang) if n else "",
        ))
    for col, label, unit in (("companies", "card.companies", "card.companies.unit"),
                             ("fte", "card.fte", "card.fte.unit")):
        cards.append(CardData(
            id=col, label=t(label, lang), value=pick(totals, year, col), unit=t(unit, lang),
            decimals=0, previous=pick(totals, year - 1, col), previous_year=year - 1,
            higher_is_better=None,
        ))
    return [kpi_card(card, lang) for card in cards]


def _named(fig: figures.Figure, chart: str, f: Filters, lang: str, first: int | None = None) -> figures.Figure:
    """A view's downloads named for what it shows: the chart, the KPI, the selection and the
    year (or years): "kart-produktivitet-vestland-2025"."""
    years = f"{first}-{f.year_to}" if first is not None and first != f.year_to else f.year_to
    return figures.named(fig, t(f"share.chart.{chart}", lang), get_kpi(f.kpi).label(lang),
                         state.describe(f, lang) if (f.counties or f.sectors or f.sizes or f.ownership
                                                     or f.status != "all") else "", years)


@cached()
def map_view(f: Filters, lang: str, viewer: Viewer | None = None) -> figures.Figure:
    """The KPI by county. The county filter is not applied here: the map shows every county and
    outlines the selected ones, so a click can change the choice."""
    viewer = disclosure.or_public(viewer)
    df = run_query("kpi_by_dimension", dim="county", kpi=f.kpi, year=f.year_to,
                   **f.params(viewer.as_of, counties=[]))
    lattice = f.cell(counties=()) is not None
    cells = [disclosure.Cell(m, _only(f.sectors), _only(f.sizes)) if lattice else None for m in df["member"]]
    df = _show(df, viewer, cells, kpi=f.kpi, year=f.year_to)
    return _named(figures.tile_map_figure(df, dimensions.counties().reset_index(drop=True), get_kpi(f.kpi),
                                          lang, f.year_to, f.counties, state.describe(f, lang)), "map", f, lang)


@cached()
def sector_view(f: Filters, lang: str, viewer: Viewer | None = None) -> figures.Figure:
    """The KPI by sector; like the map, every sector is shown and the selected ones outlined."""
    viewer = disclosure.or_public(viewer)
    df = run_query("kpi_by_dimension", dim="sector", kpi=f.kpi, year=f.year_to,
                   **f.params(viewer.as_of, sectors=[]))
    lattice = f.cell(sectors=()) is not None
    cells = [disclosure.Cell(_only(f.counties), int(m), _only(f.sizes)) if lattice else None for m in df["member"]]
    df = _show(df, viewer, cells, kpi=f.kpi, year=f.year_to)
    return _named(figures.sector_bar_figure(df, dimensions.sectors().reset_index(drop=True), get_kpi(f.kpi),
                                            lang, f.year_to, f.sectors, state.describe(f, lang)), "sectors", f, lang)


@cached()
def trend_view(f: Filters, lang: str, viewer: Viewer | None = None) -> figures.Figure:
    """The KPI over the selected years: the selection, all companies, and the winners' level (a
    group of winners is the jury's: the public sees no figure of so few companies)."""
    viewer = disclosure.or_public(viewer)
    years = dict(kpis=[f.kpi], year_from=f.year_from, year_to=f.year_to)
    everyone = Filters(f.year_from, f.year_to, kpi=f.kpi)
    series = {"selection": (run_query("kpi_by_year", **years, **f.params(viewer.as_of)),
                            f.cell())}
    if f != everyone:
        series["all"] = (run_query("kpi_by_year", **years, **everyone.params(viewer.as_of)), disclosure.Cell())
    winners = Filters(f.year_from, f.year_to, status="winner", prize=f.prize if f.status != "all" else "any")
    series["winners"] = (run_query("kpi_by_year", **years, **winners.params(viewer.as_of)), None)
    shown = {key: _show(df, viewer, [cell] * len(df)) for key, (df, cell) in series.items()}
    for df in shown.values():
        df.loc[df["companies"] < viewer.min_group, "value"] = None
    return _named(figures.trend_figure(shown, get_kpi(f.kpi), lang, state.describe(f, lang)), "trend", f, lang,
                  f.year_from)


@cached()
def scatter_view(f: Filters, lang: str, viewer: Viewer | None = None) -> figures.Figure:
    """One bubble per company: for viewers who may see individual companies only."""
    viewer = disclosure.or_public(viewer)
    if not viewer.full:
        return figures.empty_figure(lang, t("auth.companies_hidden", lang))
    df = run_query("company_scatter", year=f.year_to, limit=SCATTER_LIMIT, **f.params(viewer.as_of))
    total = int(df["total"].iloc[0]) if len(df) else 0
    capped = tn("scatter.capped", total, lang, shown=fmt_number(len(df), lang)) if total > len(df) else ""
    return _named(figures.scatter_figure(df, dimensions.sectors().reset_index(drop=True), lang, f.year_to,
                                         state.describe(f, lang), KPIS_BY_ID["productivity"],
                                         KPIS_BY_ID["emissions_intensity"], capped), "scatter", f, lang)


def _award(main: int, special: int, lang: str) -> str:
    """"Finalist (hovedprisen)" and the like, from the nomination levels of the year."""
    return ", ".join(f"{t(f'award.{level}', lang)} ({t(f'prize.{prize}', lang).lower()})"
                     for level, prize in ((main, "main"), (special, "special")) if level)


def table_columns(f: Filters, lang: str, viewer: Viewer | None = None) -> list[dict]:
    """The company table's columns for the selection's KPI (no query: the page lays them out before
    the rows come); a viewer who may not see companies gets the name column only."""
    kpi = get_kpi(f.kpi)
    if not disclosure.or_public(viewer).full:
        return [{"field": "name", "headerName": t("col.name", lang)}]
    numeric = lambda decimals, heading="": {  # noqa: E731
        # minWidth: the heading's longest word ("Automatiseringsgrad", bold) on one line, beside its
        # menu, so a wrapped heading breaks between words, never inside one
        "type": "rightAligned", "filter": "agNumberColumnFilter",
        "minWidth": max(150, 9 * max((len(w) for w in heading.split()), default=0) + 50),
        "valueFormatter": {"function": f"fmtNumber(params.value, {decimals}, '{lang}')"},
    }
    heading = lambda k: f"{KPIS_BY_ID[k].label(lang)} ({KPIS_BY_ID[k].unit(lang)})"  # noqa: E731
    return [
        {"field": "name", "headerName": t("col.name", lang), "pinned": "left", "minWidth": 210,
         "filter": "agTextColumnFilter"},
        {"field": "org_nr", "headerName": t("col.org_nr", lang), "width": 120, "filter": "agTextColumnFilter"},
        {"field": "county", "headerName": t("col.county", lang), "filter": "agTextColumnFilter"},
        {"field": "sector", "headerName": t("col.sector", lang), "filter": "agTextColumnFilter"},
        {"field": "fte", "headerName": t("col.fte", lang), **numeric(0), "minWidth": 90},
        {"field": "kpi_value", "headerName": heading(kpi.id), **numeric(kpi.decimals, heading(kpi.id)),
         # right-aligned as the other numbers (a column's own classes replace its type's)
         "cellClass": ["ag-right-aligned-cell", "kpi-column"],
         "headerClass": ["ag-right-aligned-header", "kpi-column"]},
        *[{"field": k, "headerName": heading(k), **numeric(KPIS_BY_ID[k].decimals, heading(k))}
          for k in HEADLINE_KPIS if k != f.kpi],
        {"field": "award", "headerName": t("col.status", lang), "filter": "agTextColumnFilter"},
    ]


@cached()
def table_view(f: Filters, lang: str, viewer: Viewer | None = None) -> tuple[list[dict], list[dict], str]:
    """Rows and columns for the company table, and the line that says what is shown. Viewers who
    may not see individual companies get no rows."""
    viewer = disclosure.or_public(viewer)
    kpi = get_kpi(f.kpi)
    columns = table_columns(f, lang, viewer)
    if not viewer.full:
        return [], columns, t("auth.companies_hidden", lang)
    df = run_query("company_table", kpi=f.kpi, kpis=[f.kpi, *HEADLINE_KPIS], year=f.year_to,
                   ascending=not kpi.higher_is_better, limit=TABLE_LIMIT, **f.params(viewer.as_of))
    total = int(df["total"].iloc[0]) if len(df) else 0
    rows = pd.DataFrame({
        "org_nr": df["org_nr"],
        "name": df["name"],
        "county": df["county"].map(dimensions.counties()[column(lang, "name")]),
        "sector": df["sector"].map(dimensions.sectors()[column(lang, "short")]),
        "fte": df["fte"].round(0),
        "kpi_value": df["kpi_value"].round(kpi.decimals),
        **{k: df[k].round(KPIS_BY_ID[k].decimals) for k in HEADLINE_KPIS if k != f.kpi},
        "award": [_award(m, s, lang) for m, s in zip(df["main_level"], df["special_level"])],
    })
    note = tn("table.count", total, lang, shown=fmt_number(len(rows), lang), kpi=kpi.label(lang).lower())
    records = rows.astype(object).where(rows.notna(), None).to_dict("records")
    return records, columns, note


def csv_params(f: Filters, lang: str) -> dict:
    """AG Grid's CSV export: what the grid shows, in the reader's spreadsheet convention."""
    return {
        "fileName": f"companies-{f.kpi}-{f.year_to}.csv",
        "columnSeparator": csv_format(lang)[0],
        "processCellCallback": {"function": f"csvCell(params, '{lang}')"},
    }


def company_view(org_nr: str, f: Filters, lang: str) -> tuple[str, list]:
    """A company's detail: who it is, its history of the chosen KPI against its sector, and its
    rank among sector peers on every KPI in the selection's last year."""
    profile = run_query("company_profile", org_nr=org_nr)
    if profile.empty:
        return t("company.not_found", lang), []
    p = profile.iloc[0]
    kpi = get_kpi(f.kpi)
    history = run_query("company_kpi_history", kpi=f.kpi, org_nr=org_nr)
    ranks = run_query("company_peer_rank", year=f.year_to, org_nr=org_nr,
                      lower_is_better=list(LOWER_IS_BETTER)).set_index("kpi")
    facts = t("company.facts", lang, org_nr=p["org_nr"], county=dimensions.county_name(p["county"], lang),
              sector=dimensions.sector_name(p["sector"], lang), founded=p["founded"])
    noms = p["nominations"]
    nominations = None
    if isinstance(noms, (list, tuple, np.ndarray)) and len(noms):  # NULL (no nominations) is NA
        items = []
        for entry in noms:
            year, prize, status = entry.split(":")
            # one company's status ("nominert"), not the filter's ("nominerte")
            items.append(f"{year} {t(f'award.{state.STATUS_LEVEL[status]}', lang).lower()} "
                         f"({t(f'prize.{prize}', lang).lower()})")
        nominations = html.P(t("company.nominations", lang, items=", ".join(items)))
    rank_rows = [
        html.Tr([
            html.Th(k.label(lang), scope="row"),
            html.Td(with_unit(fmt_number(ranks.at[k.id, 'value'], lang, k.decimals), k.unit(lang), lang)),
            html.Td(t("company.rank_of", lang, rank=int(ranks.at[k.id, "rank"]), n=int(ranks.at[k.id, "peers"]))),
            html.Td(fmt_number(ranks.at[k.id, "sector_median"], lang, k.decimals)),
        ])
        for k in KPIS if k.id in ranks.index
    ]
    body = [
        html.P(facts, className="company-facts"),
        nominations,
        dcc.Graph(figure=figures.company_history_figure(history, kpi, lang, p["name"]),
                  config=figures.graph_config(lang), className="company-chart"),
        html.H3(t("company.rank", lang, year=f.year_to), className="h6 mt-3"),
        dbc.Table([
            html.Thead(html.Tr([html.Th(t("data.kpi", lang), scope="col"),
                                html.Th(t("company.value", lang), scope="col"),
                                html.Th(t("company.rank", lang, year=f.year_to), scope="col"),
                                html.Th(t("company.median", lang), scope="col")])),
            html.Tbody(rank_rows),
        ], size="sm", striped=True, className="rank-table"),
    ]
    return p["name"], body


def company_detail(org_nr: str | None, f: Filters, lang: str,
                   viewer: Viewer | None = None) -> tuple[str | None, list, bool]:
    """The company detail an address names (``company=ORG``): its title and body, empty when there
    is no such company; and whether it was withheld, as it is from anyone but the jury (the detail
    shows a single company's figures)."""
    viewer = disclosure.or_public(viewer)
    if org_nr is None:
        return None, [], False
    if not viewer.full:
        return None, [], True
    title, body = company_view(org_nr, f, lang)
    return (title, body, False) if body else (None, [], False)


def share_menu(name: str, lang: str) -> html.Div:
    """A chart's "share / embed" panel, opened by a button under the chart (in the page's own tab
    order): the link to the view, the iframe snippet of its embed (``dashboard.embed``), both
    with a copy button, and its image as PNG and SVG (1600 × 900). The link and the snippet are
    written in the browser from the view's address (``dashboard.js``, shareTexts)."""
    field = f"explorer-share-{name}"
    link, embed = f"{field}-link", f"{field}-embed"
    panel = {"type": SHARE_PANEL, "chart": name}
    copy = lambda target: html.Button(t("share.copy", lang), id={"type": COPY, "target": target},  # noqa: E731
                                      className="btn btn-outline-primary btn-sm")
    body = [
        html.Label(t("share.link", lang), htmlFor=link, className="form-label"),
        html.Div([dcc.Input(id=link, readOnly=True, className="form-control form-control-sm", type="text"),
                  copy(link)], className="share-row"),
        html.Label(t("share.embed", lang), htmlFor=embed, className="form-label mt-2"),
        html.Div([dcc.Textarea(id=embed, readOnly=True, rows=3, className="form-control form-control-sm share-code"),
                  copy(embed)], className="share-row"),
        html.P(t("share.embed.scatter" if name == "scatter" else "share.embed.help", lang), className="table-note"),
        html.P(t("share.images", lang), className="form-label mt-2 mb-1"),
        html.Div([html.Button(fmt.upper(), id={"type": IMAGE, "chart": name, "format": fmt}, title=t(f"image.{fmt}", lang),
                              className="btn btn-outline-primary btn-sm") for fmt in ("png", "svg")], className="share-row"),
    ]
    return html.Div([
        html.Button(t("share.button", lang), id={"type": SHARE_OPEN, "chart": name}, className="btn btn-link btn-sm share-open",
                    **{"aria-expanded": "false", "aria-controls": json.dumps(panel, sort_keys=True, separators=(",", ":"))}),
        dbc.Collapse(html.Div(body, className="share-panel"), id=panel, is_open=False),
    ], className="panel-share")


def _graph(graph_id: str, figure: figures.Figure, f: Filters, name: str, lang: str) -> dcc.Loading:
    config = figures.graph_config(lang)  # downloads sized and named by assets/plotly-download.js
    return dcc.Loading(dcc.Graph(id=graph_id, figure=figure, config=config, className=f"chart chart-{name}"),
                       delay_show=300, overlay_style={"visibility": "visible", "opacity": 0.5})


@page_layout("explorer", PATH)
def layout(lang: str, args: dict[str, str]) -> list:
    span = year_span()
    f = state.from_query(args, span)
    v = current_viewer()
    company, dropped = state.company_from_query(args.get("company"))
    title, body, hidden = company_detail(company, f, lang, v)
    if company and not body and not hidden:  # no such company: the page without a detail
        dropped, company = (*dropped, f"company={company}"), None
    notice = None
    if f.dropped or dropped or hidden:
        text = t("filter.dropped", lang, items=", ".join((*f.dropped, *dropped))) if f.dropped or dropped else ""
        notice = dbc.Alert(" ".join(p for p in (text, t("auth.companies_hidden", lang) if hidden else "") if p),
                           color="info", id=NOTICE, dismissable=True)
    return [
        html.H1(t("explorer.title", lang)),
        html.P(lead_text(f, lang), className="lead", id=LEAD),
        notice,
        filter_bar(f, span, lang),
        dcc.Store(id=ADDRESS),
        None if v.full else html.P(t("disclosure.public_rules", lang, **disclosure.rule_numbers()),
                                   className="table-note disclosure-rules", id="explorer-disclosure"),
        html.Section(cards_view(f, lang, v), id=CARDS, className="card-grid", **{"aria-live": "polite"}),
        html.Div(
            [
                html.Section([_graph(MAP, map_view(f, lang, v), f, "map", lang), share_menu("map", lang)],
                             className="chart-panel panel-map"),
                html.Section([_graph(SECTORS, sector_view(f, lang, v), f, "sectors", lang), share_menu("sectors", lang)],
                             className="chart-panel panel-sectors"),
            ],
            className="chart-grid chart-grid-a",
        ),
        html.Div(
            [
                html.Section(
                    [
                        html.Div(html.Button(t("play.start", lang), id=PLAY, className="btn btn-primary btn-sm"),
                                 className="panel-tools"),
                        # below the first screen: drawn by their callback once the page is up
                        _graph(TREND, figures.pending_figure(lang), f, "trend", lang),
                        share_menu("trend", lang),
                        dcc.Interval(id=TIMER, interval=1400, disabled=True),
                    ],
                    className="chart-panel panel-trend",
                ),
                html.Section([_graph(SCATTER, figures.pending_figure(lang), f, "scatter", lang),
                              share_menu("scatter", lang)], className="chart-panel panel-scatter"),
            ],
            className="chart-grid chart-grid-b",
        ),
        html.Section(
            [
                html.Div([
                    html.H2(table_title(f, lang), className="h5", id=TABLE_TITLE),
                    html.Button(t("table.download", lang), id=DOWNLOAD, className="btn btn-outline-primary btn-sm"),
                ], className="panel-head"),
                html.P(id=TABLE_NOTE, className="table-note"),
                loading(dag.AgGrid(
                    # the rows come from their callback once the page is up (AG Grid shows its
                    # loading overlay until then)
                    id=TABLE, rowData=None, columnDefs=table_columns(f, lang, v),
                    # a long heading ("Utslippskutt (% siden basisåret)") wraps onto lines rather
                    # than widen its column or end cut off mid-word
                    defaultColDef={"sortable": True, "resizable": True, "floatingFilter": True,
                                   "minWidth": 110, "wrapHeaderText": True, "autoHeaderHeight": True},
                    dashGridOptions={"pagination": True, "paginationPageSize": 20,
                                     "paginationPageSizeSelector": False,
                                     "localeText": ag_grid_texts(lang),
                                     "animateRows": False},
                    getRowId="params.data.org_nr",
                    csvExportParams=csv_params(f, lang),
                    columnSize="autoSize", columnSizeOptions={"skipHeader": True},
                    className="ag-theme-quartz company-grid",
                    style={"height": "640px"},
                )),
            ],
            className="chart-panel panel-table",
        ),
        # the detail's chart and table under the shared spinner while a click redraws them
        dbc.Modal([dbc.ModalHeader(dbc.ModalTitle(title, id=MODAL_TITLE)),
                   dbc.ModalBody(loading(html.Div(body, id=MODAL_BODY)))],
                  id=MODAL, size="xl", is_open=bool(body), scrollable=True),
        dcc.Store(id=COMPANY, data=company if body else None),
        dcc.Store(id=DRAWN, data=f.year_to),
        dcc.Store(id=DRAWN_BELOW),
        dcc.Store(id=DRAWN_TABLE),
        dcc.Store(id=PLAYED),
        dcc.Store(id=LANG, data=lang),
    ]
