"""Compare, page ``/compare``: the jury's workspace. Nominees side by side on every KPI, and a
ranking on the award's criteria with a weight per criterion.

The selection lives in the address:
``?year=2024&prize=main&companies=ORG,ORG&weights=crit:weight,...&lang=en`` (the year only when it
is not the last year with data, the default). An address without ``companies`` opens with the
year's finalists; ``companies=`` (empty) is the empty view.

On paper (print CSS, A4 landscape) the page is one document: a title line with the prize, year,
date and weights, the ranking, the key figures of every chosen company in groups of
``PRINT_GROUP``, then the small multiples and the radar.

The companies are listed in one order everywhere: the ranking's, under the weights the sliders
show (``ORDER``). The key-figure table's columns, the legends of the small multiples and the radar
and the key-figure CSV follow it, and follow it anew when a weight moves a company to another
place; a company keeps its colour (given in the order picked) whatever its place.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard import auth, dimensions, figures, scoring, state
from dashboard.components.loading import loading
from dashboard.components.plain import el
from dashboard.components.shell import page_layout
from dashboard.db import run_query, year_span
from dashboard.i18n import dropdown_labels, fmt_date, fmt_number, t, tn
from dashboard.kpis import KPIS, LOWER_IS_BETTER, criteria_for
from dashboard.state import COMPARE_MAX, WEIGHT_MAX, CompareState
from dashboard.years import Span

PATH = "/compare"
LANG = "compare-lang"
ADDRESS = "compare-address"  # the address of the view, written by the server
YEAR = "compare-year"
PRIZE = "compare-prize"
STATUS = "compare-status"
COMPANIES = "compare-companies"
ADD_FINALISTS = "compare-add-finalists"
NOTICE = "compare-notice"
WEIGHT = "compare-weight"  # dict ids: {"type": WEIGHT, "criterion": id}
RANKING = "compare-ranking"
SCORES = "compare-scores"  # store: criterion scores of the chosen companies, no raw peer data
ORDER = "compare-order"  # store: the chosen companies in the ranking's order, as the table shows them
TABLE = "compare-table"
VIEW = "compare-view"
MULTIPLES = "compare-multiples"
RADAR = "compare-radar"
CSV = "compare-csv"  # the key-figure table's download
DOWNLOAD = "compare-download"
RANKING_CSV = "compare-ranking-csv"  # the ranking's download
RANKING_DOWNLOAD = "compare-ranking-download"
RESET = "compare-reset-weights"
PRINT = "compare-print"
RESULTS = "compare-results"  # everything drawn from the chosen companies
EMPTY = "compare-empty"  # in its place while none is chosen
LOAD_FINALISTS = "compare-load-finalists"
TABLE_TITLE = "compare-table-title"
SEARCH_LIMIT = 50
PRINT_GROUP = 5  # companies per key-figure table on paper: A4 landscape holds five columns


def search_options(s: CompareState, search: str, lang: str) -> list[dict]:
    """Companies for the picker: the chosen ones first, then matches for ``search``."""
    level = state.STATUS_LEVEL[s.status]
    found = run_query("company_search", year=s.year, search=search[:40], limit=SEARCH_LIMIT,
                      sel=state.selection(auth.as_of(), status=level, prize=s.prize))
    chosen = run_query("compare_companies", companies=list(s.companies), year=s.year, prize=s.prize)
    rows = pd.concat([chosen[["org_nr", "name", "level"]], found]).drop_duplicates("org_nr")
    return [{"label": f"{r.name} ({r.org_nr}){_level_tag(int(r.level), lang)}", "value": r.org_nr}
            for r in rows.itertuples()]


def _level_tag(level: int, lang: str) -> str:
    return f" · {t(f'award.{level}', lang).lower()}" if level else ""


def finalists(s: CompareState) -> list[str]:
    df = run_query("company_search", year=s.year, search="", limit=COMPARE_MAX,
                   sel=state.selection(auth.as_of(), status=2, prize=s.prize))
    return df["org_nr"].tolist()


def opening_state(args: dict[str, str], span: Span) -> CompareState:
    """The view an address describes. An address that names no companies (no ``companies`` at all,
    as in the menu's link) opens with the year's finalists; ``companies=`` with nothing after it is
    the empty view, as :func:`address` writes it."""
    s = state.compare_from_query(args, span)
    if "companies" not in args:
        s = replace(s, companies=tuple(finalists(s)))
    return s


def address(s: CompareState, lang: str, span: Span) -> str:
    """The page's address for ``s``; an empty choice is written as ``companies=``, so that the
    address of the empty view opens it, and not the finalists."""
    query = s.to_query(lang, span)
    if not s.companies:
        query += ("&" if query else "?") + "companies="
    return PATH + query


COMPANY_COLUMNS = ["org_nr", "name", "county", "sector", "founded", "level", "fte"]
PCT_COLUMNS = ["kpi", "value", "nominee_pct", "nominees", "sector_pct", "sector_peers"]


def comparison(s: CompareState) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The chosen companies (in the order picked) and their KPI percentiles, from one query."""
    df = run_query("compare_table", companies=list(s.companies), year=s.year, prize=s.prize,
                   lower_is_better=list(LOWER_IS_BETTER), sel=state.selection(auth.as_of(), status=1, prize=s.prize))
    order = {org: i for i, org in enumerate(s.companies)}
    companies = df[COMPANY_COLUMNS].drop_duplicates("org_nr")
    companies = companies.assign(order=companies["org_nr"].map(order)).sort_values("order").reset_index(drop=True)
    pct = df.loc[df["kpi"].notna(), ["org_nr", *PCT_COLUMNS]].reset_index(drop=True)
    return companies, pct


def scores_store(companies: pd.DataFrame, pct: pd.DataFrame, prize: str, year: int | None = None) -> dict:
    """What the ranking and the radar need, per company: its KPI percentiles among the nominees
    and its criterion scores, and the year (for the printed title line). Aggregates of the chosen
    companies only, no peer's values.

    The percentiles are kept unrounded: scores, totals, ranks and the stability column are computed
    from them, and each is rounded once where it is shown."""
    criteria = criteria_for(prize)
    by_org: dict[str, dict[str, float | None]] = {org: {} for org in companies["org_nr"]}
    for org, kpi, value in zip(pct["org_nr"], pct["kpi"], pct["nominee_pct"]):
        by_org.setdefault(org, {})[kpi] = None if pd.isna(value) else float(value)
    return {"prize": prize, "year": year, "companies": [
        {"org_nr": org, "name": name, "percentiles": by_org[org],
         "scores": scoring.criterion_scores(by_org[org], criteria)}
        for org, name in zip(companies["org_nr"], companies["name"])
    ]}


def ranked(store: dict, weights: dict[str, float]) -> list[dict]:
    """The chosen companies best first under ``weights``: each with its rank (None when it has no
    scores; companies whose shown totals are equal share one), whether it shares that rank, total,
    criterion scores and stability (the most places it moves when one weight changes by ±50%).
    Unrounded; the table and the CSV round where they show."""
    companies = store.get("companies", [])
    scores = {c["org_nr"]: c["scores"] for c in companies}
    totals = {org: scoring.total_score(sc, weights) for org, sc in scores.items()}
    ranks = scoring.ranks(totals)
    moves = scoring.stability(scores, weights)
    taken = [r for r in ranks.values() if r is not None]
    rows = [{"org_nr": c["org_nr"], "name": c["name"], "rank": ranks[c["org_nr"]],
             "shared": ranks[c["org_nr"]] is not None and taken.count(ranks[c["org_nr"]]) > 1,
             "total": totals[c["org_nr"]], "scores": c["scores"], "moves": moves[c["org_nr"]]}
            for c in companies]
    return sorted(rows, key=lambda r: (r["rank"] is None, r["rank"] or 0, r["name"]))


def rank_order(store: dict, weights: dict[str, float]) -> list[str]:
    """The chosen companies' organisation numbers in the ranking's order under ``weights`` (shared
    places as the ranking lists them, companies without scores last)."""
    return [r["org_nr"] for r in ranked(store, weights)]


def in_order(companies: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    """``companies`` (rows with an org_nr) in ``order``; any it does not name keep their place after."""
    place = {org: i for i, org in enumerate(order)}
    key = companies["org_nr"].map(lambda org: place.get(org, len(place)))
    return companies.assign(_place=key).sort_values("_place", kind="stable").drop(columns="_place")


def _weight(value: float, lang: str) -> str:
    """A weight as the slider shows it: 2, 2,5."""
    return fmt_number(value, lang, 0 if float(value).is_integer() else 1)


def weights_line(prize: str, weights: dict[str, float], lang: str) -> str:
    """The weights as one line of text: "Weights: Sustainability 1 · Technology 2 · …"."""
    parts = [f"{c.label(lang, short=True)} {_weight(weights.get(c.id, 1.0), lang)}"
             for c in criteria_for(prize) if c.measurable]
    return t("compare.print.weights", lang, weights=" · ".join(parts))


def print_title(store: dict, weights: dict[str, float], lang: str) -> html.Div:
    """The head of the printed document (hidden on screen): prize, year, today's date, weights."""
    prize = store.get("prize", "main")
    year = store.get("year")
    return html.Div([
        html.P(t("compare.print.title", lang, award=t("app.title", lang), prize=t(f"prize.{prize}", lang),
                 year="" if year is None else str(year), date=fmt_date(date.today(), lang)),
               className="print-title-line"),
        html.P(weights_line(prize, weights, lang), className="print-weights-line"),
    ], className="print-only print-title")


def ranking_table(store: dict, weights: dict[str, float], lang: str) -> html.Div:
    """The ranking of the chosen companies under ``weights``, with a stability column, and under it
    how the score is computed and what it leaves to the jury; on paper, under the document's title
    line."""
    if not store.get("companies"):
        return html.P(t("compare.empty", lang), className="text-muted")
    criteria = [c for c in criteria_for(store.get("prize", "main")) if c.measurable]
    judgement = [c.label(lang) for c in criteria_for(store.get("prize", "main")) if not c.measurable]
    head = html.Thead(html.Tr([
        html.Th(t("compare.rank", lang), scope="col"), html.Th(t("compare.company", lang), scope="col"),
        html.Th(t("compare.total", lang), scope="col", className="num"),
        *[html.Th(c.label(lang, short=True), scope="col", className="num crit", title=c.label(lang))
          for c in criteria],
        html.Th(t("compare.stability", lang), scope="col", title=t("compare.stability.help", lang)),
    ]))
    body = []
    rows = ranked(store, weights)
    for r in rows:
        body.append(html.Tr([
            html.Td(str(r["rank"]) if r["rank"] else "–", className="rank shared" if r["shared"] else "rank",
                    title=t("compare.tie.title", lang) if r["shared"] else None),
            html.Th(r["name"], scope="row"),
            html.Td(fmt_number(scoring.shown_total(r["total"]), lang, scoring.TOTAL_DECIMALS)
                    if r["total"] is not None else t("compare.unranked", lang), className="num total"),
            *[html.Td(fmt_number(r["scores"].get(cr.id), lang, 0), className="num") for cr in criteria],
            html.Td(t("compare.stable", lang) if r["moves"] == 0 else t("compare.moves", lang, n=r["moves"]),
                    className="stable" if r["moves"] == 0 else "unstable"),
        ], id={"type": "compare-rank-row", "org": r["org_nr"]}))
    return html.Div([
        print_title(store, weights, lang),
        html.H2(t("compare.ranking", lang), className="h5 print-only"),
        html.Div(dbc.Table([head, html.Tbody(body)], id=f"{RANKING}-table", size="sm", hover=True,
                           className="ranking-table"), className="ranking-scroll"),
        html.P(t("compare.tie", lang), className="table-note tie-note") if any(r["shared"] for r in rows) else None,
        html.P(t("compare.stability.help", lang), className="table-note"),
        html.P(t("compare.rule", lang), className="table-note rule", id="compare-rule"),
        html.P(t("compare.judgement", lang, items=", ".join(judgement)), className="table-note judgement"),
    ])


def ranking_csv_rows(store: dict, weights: dict[str, float], lang: str) -> pd.DataFrame:
    """The ranking as the page shows it, for the CSV download: best first, shared places written
    as the page writes them (1, 2, 2, 4), the total to one decimal and the criterion scores to
    none, each criterion's column headed with its weight."""
    criteria = [c for c in criteria_for(store.get("prize", "main")) if c.measurable]
    rows = ranked(store, weights)
    columns = {
        t("compare.rank", lang): pd.array([r["rank"] for r in rows], dtype="Int64"),
        t("compare.company", lang): [r["name"] for r in rows],
        t("col.org_nr", lang): [r["org_nr"] for r in rows],
        t("compare.total", lang): pd.array([scoring.shown_total(r["total"]) for r in rows], dtype="Float64"),
    }
    for c in criteria:
        header = t("compare.csv.criterion", lang, criterion=c.label(lang, short=True),
                   weight=_weight(weights.get(c.id, 1.0), lang))
        columns[header] = pd.array([None if r["scores"].get(c.id) is None else round(r["scores"][c.id])
                                    for r in rows], dtype="Int64")
    columns[t("compare.csv.stability", lang)] = pd.array([r["moves"] for r in rows], dtype="Int64")
    return pd.DataFrame(columns)


def _kpi_grid(companies: pd.DataFrame, cell: dict, lang: str, class_name: str) -> dbc.Table:
    """Every KPI (rows) for ``companies`` (columns), each value with its two percentiles (plain
    elements: ``components.plain``)."""
    head = el("Thead", el("Tr", [el("Th", t("data.kpi", lang), scope="col"), *[
        el("Th", [r.name, el("Br"), el("Small", f"{dimensions.sector_name(r.sector, lang)} · "
                                                f"{dimensions.county_name(r.county, lang)}{_level_tag(int(r.level), lang)}",
                                       className="text-muted")], scope="col")
        for r in companies.itertuples()]]))
    rows = []
    for k in KPIS:
        cells = []
        for org in companies["org_nr"]:
            v = cell.get((org, k.id))
            if v is None:
                cells.append(el("Td", "–", className="num missing"))
                continue
            pcts = t("compare.pct", lang, nominees=fmt_number(v["nominee_pct"], lang, 0),
                     sector=fmt_number(v["sector_pct"], lang, 0))
            cells.append(el("Td", [el("Span", fmt_number(v["value"], lang, k.decimals), className="value"),
                                   el("Br"), el("Small", pcts, className="pct")], className="num"))
        rows.append(el("Tr", [el("Th", [k.label(lang), el("Br"), el("Small", k.unit(lang), className="text-muted")],
                                 scope="row"), *cells]))
    return dbc.Table([head, el("Tbody", rows)], size="sm", striped=True, className=class_name)


def table_title(s: CompareState, lang: str) -> str:
    return t("compare.table", lang, year=s.year)


def kpi_table(companies: pd.DataFrame, pct: pd.DataFrame, s: CompareState, lang: str,
              order: list[str] | None = None) -> html.Div:
    """Every KPI for every chosen company, the companies in the ranking's ``order``: on screen one
    table whose first column stays while it scrolls sideways; on paper the companies in groups of
    ``PRINT_GROUP``, the KPI column repeated, so that every company is on the page, and each group
    after the first headed with the table's title and "(cont.)"."""
    if companies.empty:
        return html.P(t("compare.empty", lang), className="text-muted")
    companies = in_order(companies, order or [])
    cell = {(r["org_nr"], r["kpi"]): r for r in pct.to_dict("records")}
    groups = [companies.iloc[i:i + PRINT_GROUP] for i in range(0, len(companies), PRINT_GROUP)]
    cont = t("compare.table.cont", lang, title=table_title(s, lang))
    return html.Div([
        html.P(t("compare.table.help", lang, prize=t(f"prize.{s.prize}", lang).lower()), className="table-note"),
        html.Div(_kpi_grid(companies, cell, lang, "compare-table"), className="compare-table-scroll screen-only"),
        *[html.Div([html.P(cont, className="h5 print-cont") if i else None,
                    _kpi_grid(group, cell, lang, "compare-table compare-print-table")], className="print-only")
          for i, group in enumerate(groups)],
    ])


def csv_rows(companies: pd.DataFrame, pct: pd.DataFrame, lang: str, order: list[str] | None = None) -> pd.DataFrame:
    """The key-figure table as flat rows for the CSV download: the companies in the table's order
    (the ranking's ``order``), the KPIs in the table's order, each number to the precision the
    table shows."""
    companies = in_order(companies, order or [])
    names = dict(zip(companies["org_nr"], companies["name"]))
    cell = {(r["org_nr"], r["kpi"]): r for r in pct.to_dict("records")}
    found = [(org, k, cell[(org, k.id)]) for org in names for k in KPIS if (org, k.id) in cell]

    def shown(value: object, decimals: int) -> float | None:
        return None if value is None or pd.isna(value) else round(float(value), decimals)

    return pd.DataFrame({
        t("compare.company", lang): [names[org] for org, _, _ in found],
        t("col.org_nr", lang): [org for org, _, _ in found],
        t("data.kpi", lang): [k.label(lang) for _, k, _ in found],
        t("data.unit", lang): [k.unit(lang) for _, k, _ in found],
        t("company.value", lang): pd.array([shown(v["value"], k.decimals) for _, k, v in found], dtype="Float64"),
        t("compare.csv.nominee_pct", lang): pd.array([shown(v["nominee_pct"], 0) for _, _, v in found], dtype="Int64"),
        t("compare.csv.sector_pct", lang): pd.array([shown(v["sector_pct"], 0) for _, _, v in found], dtype="Int64"),
    })


def table_and_scores(s: CompareState, lang: str,
                     weights: dict[str, float] | None = None) -> tuple[html.Div, dict, list[str]]:
    """The KPI table, the store of percentiles and criterion scores for a selection, and the
    ranking's order under ``weights`` (the selection's own by default), which the table follows."""
    companies, pct = comparison(s)
    store = scores_store(companies, pct, s.prize, s.year)
    order = rank_order(store, s.weight_map() if weights is None else weights)
    return kpi_table(companies, pct, s, lang, order), store, order


def multiples(s: CompareState, lang: str, order: list[str] | None = None) -> figures.Figure:
    """The small multiples; each company's colour by the order picked, the legend in ``order``."""
    companies = run_query("compare_companies", companies=list(s.companies), year=s.year, prize=s.prize)
    picked = {org: i for i, org in enumerate(s.companies)}
    companies = companies.assign(order=companies["org_nr"].map(picked)).sort_values("order")
    names = dict(zip(companies["org_nr"], companies["name"]))
    history = run_query("compare_history", companies=list(s.companies)) if names else pd.DataFrame(
        columns=["org_nr", "kpi", "year", "value", "change"])
    return figures.named(figures.multiples_figure(history, names, KPIS, lang, s.view, order), t("nav.compare", lang),
                         t(f"prize.{s.prize}", lang), s.year, t(f"compare.view.{s.view}", lang))


def radar(store: dict, lang: str, order: list[str] | None = None) -> figures.Figure:
    """The radar from the stored percentiles (no query); the legend in ``order``."""
    companies = store.get("companies", [])
    names = {c["org_nr"]: c["name"] for c in companies}
    pct = pd.DataFrame([(c["org_nr"], k, v) for c in companies for k, v in c.get("percentiles", {}).items()],
                       columns=["org_nr", "kpi", "nominee_pct"])
    prize = store.get("prize", "main")
    return figures.named(figures.radar_figure(pct, names, KPIS, lang, prize, order), t("nav.compare", lang), "radar",
                         t(f"prize.{prize}", lang), store.get("year"))


def weight_sliders(s: CompareState, lang: str) -> html.Div:
    criteria = criteria_for(s.prize)
    weights = s.weight_map()
    return html.Div([
        html.H2(t("compare.weights", lang), className="h5"),
        *[html.Div([
            # the short name, as the ranking's column heads it; the award's full wording on hover
            html.Label(c.label(lang, short=True), htmlFor=f'{{"criterion":"{c.id}","type":"{WEIGHT}"}}',
                       className="form-label weight-label", title=c.label(lang)),
            dcc.Slider(id={"type": WEIGHT, "criterion": c.id}, min=0, max=WEIGHT_MAX, step=0.5,
                       value=weights[c.id], marks={i: str(i) for i in range(int(WEIGHT_MAX) + 1)},
                       updatemode="drag"),
        ], className="weight") for c in criteria if c.measurable],
        html.Button(t("compare.reset_weights", lang), id=RESET, className="btn btn-outline-secondary btn-sm reset",
                    disabled=all(w == 1.0 for w in weights.values())),
    ], className="weights")


def year_and_prize(year_id: str, prize_id: str, year: int, prize: str, span: Span, lang: str) -> list[html.Div]:
    """The award year and prize pickers, as the jury's pages (compare, jury) lay them out."""
    return [
        html.Div([html.Label(t("compare.year", lang), htmlFor=year_id, className="form-label"),
                  dcc.Dropdown(id=year_id, value=year, clearable=False, labels=dropdown_labels(lang),
                               options=[{"label": str(y), "value": y} for y in span.newest_first()])],
                 className="filter-field"),
        html.Div([html.Label(t("compare.prize", lang), htmlFor=prize_id, className="form-label"),
                  dcc.Dropdown(id=prize_id, value=prize, clearable=False, searchable=False,
                               options=[{"label": t(f"prize.{p}", lang), "value": p} for p in state.AWARD_PRIZES])],
                 className="filter-field"),
    ]


def load_button(s: CompareState, lang: str) -> tuple[str, bool]:
    """The empty view's button: its label, and whether it is disabled because the year has no
    finalists for the prize (asked only while nothing is chosen, when the button is shown)."""
    return t("compare.load_finalists", lang, year=s.year), not s.companies and not finalists(s)


def _panel_buttons(*buttons: html.Button) -> html.Div:
    return html.Div(list(buttons), className="panel-buttons")


@page_layout("compare", PATH)
def layout(lang: str, args: dict[str, str]) -> list:
    if not auth.sees_companies():  # the jury's page: nothing of it is built for anyone else
        return [html.H1(t("compare.title", lang)),
                dbc.Alert([t("auth.forbidden", lang), " ", html.A(t("auth.sign_in", lang), href=f"/login?lang={lang}")],
                          color="warning", id="compare-forbidden")]
    span = year_span()
    s = opening_state(args, span)
    table, store, order = table_and_scores(s, lang)
    chosen = bool(s.companies)
    load_label, load_disabled = load_button(s, lang)
    notice = dbc.Alert(t("filter.dropped", lang, items=", ".join(s.dropped)), color="info", id=NOTICE,
                       dismissable=True) if s.dropped else html.Div(id=NOTICE)
    return [
        html.H1(t("compare.title", lang), className="screen-only"),
        html.P(tn("compare.lead", COMPARE_MAX, lang), className="lead screen-only"),
        html.P(t("compare.special_mode", lang), className="special-mode screen-only") if s.prize == "special" else None,
        notice,
        html.Section([
            *year_and_prize(YEAR, PRIZE, s.year, s.prize, span, lang),
            html.Div([html.Label(t("compare.status", lang), htmlFor=STATUS, className="form-label"),
                      dcc.Dropdown(id=STATUS, value=s.status, clearable=False, searchable=False,
                                   options=[{"label": t("compare.status.all" if st == "all" else f"status.{st}", lang),
                                             "value": st} for st in state.STATUSES])],
                     className="filter-field"),
            html.Div([html.Label(t("compare.companies", lang), htmlFor=COMPANIES, className="form-label"),
                      dcc.Dropdown(id=COMPANIES, value=list(s.companies), multi=True, labels=dropdown_labels(lang),
                                   options=search_options(s, "", lang), maxHeight=360)],
                     className="filter-field filter-companies"),
            html.Div(html.Button(t("compare.add_finalists", lang), id=ADD_FINALISTS,
                                 className="btn btn-outline-primary"), className="filter-actions"),
        ], className="filter-bar compare-picker", **{"aria-label": t("filter.title", lang)}),
        html.Section([
            html.P(t("compare.start", lang)),
            html.Button(load_label, id=LOAD_FINALISTS, className="btn btn-primary", disabled=load_disabled),
        ], id=EMPTY, className="chart-panel compare-empty", hidden=chosen),
        html.Div([
            html.Div([
                html.Section(weight_sliders(s, lang), className="chart-panel panel-weights"),
                html.Section([
                    html.Div([html.H2(t("compare.ranking", lang), className="h5"),
                              _panel_buttons(
                                  html.Button(t("compare.ranking_csv", lang), id=RANKING_CSV,
                                              className="btn btn-outline-primary btn-sm"),
                                  html.Button(t("compare.print", lang), id=PRINT,
                                              className="btn btn-outline-secondary btn-sm"))],
                             className="panel-head"),
                    loading(html.Div(ranking_table(store, s.weight_map(), lang), id=RANKING)),
                ], className="chart-panel panel-ranking"),
            ], className="compare-top"),
            html.Section([
                html.Div([html.H2(table_title(s, lang), className="h5", id=TABLE_TITLE),
                          _panel_buttons(html.Button(t("compare.csv", lang), id=CSV,
                                                     className="btn btn-outline-primary btn-sm"))],
                         className="panel-head"),
                loading(html.Div(table, id=TABLE)),
            ], className="chart-panel panel-key-figures"),
            html.Section([
                html.Div([html.Label(t("compare.view", lang), htmlFor=VIEW, className="form-label me-2"),
                          dcc.RadioItems(id=VIEW, value=s.view, inline=True, className="view-toggle",
                                         options=[{"label": t(f"compare.view.{v}", lang), "value": v}
                                                  for v in state.VIEWS])], className="panel-tools-left"),
                # below the first screen: drawn by their callbacks once the page is up
                loading(dcc.Graph(id=MULTIPLES, figure=figures.pending_figure(lang), config=figures.graph_config(lang),
                                  className="chart-multiples")),
            ], className="chart-panel panel-multiples print-fit"),
            html.Section(loading(dcc.Graph(id=RADAR, figure=figures.pending_figure(lang),
                                           config=figures.graph_config(lang), className="chart-radar")),
                         className="chart-panel panel-radar print-fit print-fill"),
        ], id=RESULTS, hidden=not chosen),
        dcc.Store(id=SCORES, data=store),
        dcc.Store(id=ORDER, data=order),
        dcc.Store(id=LANG, data=lang),
        dcc.Store(id=ADDRESS),
        dcc.Download(id=DOWNLOAD),
        dcc.Download(id=RANKING_DOWNLOAD),
    ]
