"""Compare, page ``/compare``: the jury's workspace. Nominees side by side on every KPI, and a
ranking on the award's criteria with a weight per criterion.

The selection lives in the address:
``?year=2024&prize=main&companies=ORG,ORG&weights=crit:weight,...&lang=en`` (the year only when it
is not the last year with data, the default).
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard import auth, dimensions, figures, scoring, state
from dashboard.components.shell import page_layout
from dashboard.db import run_query, year_span
from dashboard.i18n import fmt_number, t, tn
from dashboard.kpis import KPIS, LOWER_IS_BETTER, criteria_for
from dashboard.state import COMPARE_MAX, WEIGHT_MAX, CompareState

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
TABLE = "compare-table"
VIEW = "compare-view"
MULTIPLES = "compare-multiples"
RADAR = "compare-radar"
CSV = "compare-csv"
DOWNLOAD = "compare-download"
PRINT = "compare-print"
SEARCH_LIMIT = 50


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


def comparison(s: CompareState) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The chosen companies (in the order picked) and their KPI percentiles."""
    companies = run_query("compare_companies", companies=list(s.companies), year=s.year, prize=s.prize)
    order = {org: i for i, org in enumerate(s.companies)}
    companies = companies.assign(order=companies["org_nr"].map(order)).sort_values("order")
    pct = run_query("compare_percentiles", companies=list(s.companies), year=s.year,
                    lower_is_better=list(LOWER_IS_BETTER), sel=state.selection(auth.as_of(), status=1, prize=s.prize))
    return companies, pct


def scores_store(companies: pd.DataFrame, pct: pd.DataFrame, prize: str) -> dict:
    """What the ranking and the radar need, per company: its KPI percentiles among the nominees
    and its criterion scores. Aggregates of the chosen companies only, no peer's values.

    The percentiles are kept unrounded: scores, totals, ranks and the stability column are computed
    from them, and each is rounded once where it is shown."""
    criteria = criteria_for(prize)
    by_org: dict[str, dict[str, float | None]] = {org: {} for org in companies["org_nr"]}
    for org, kpi, value in zip(pct["org_nr"], pct["kpi"], pct["nominee_pct"]):
        by_org.setdefault(org, {})[kpi] = None if pd.isna(value) else float(value)
    return {"prize": prize, "companies": [
        {"org_nr": org, "name": name, "percentiles": by_org[org],
         "scores": scoring.criterion_scores(by_org[org], criteria)}
        for org, name in zip(companies["org_nr"], companies["name"])
    ]}


def ranking_table(store: dict, weights: dict[str, float], lang: str) -> html.Div:
    """The ranking of the chosen companies under ``weights``, with a stability column."""
    companies = store.get("companies", [])
    if not companies:
        return html.P(t("compare.empty", lang), className="text-muted")
    criteria = [c for c in criteria_for(store.get("prize", "main")) if c.measurable]
    scores = {c["org_nr"]: c["scores"] for c in companies}
    totals = {org: scoring.total_score(sc, weights) for org, sc in scores.items()}
    ranks = scoring.ranks(totals)
    moves = scoring.stability(scores, weights)
    order = sorted(companies, key=lambda c: (ranks[c["org_nr"]] is None, ranks[c["org_nr"]] or 0, c["name"]))
    head = html.Thead(html.Tr([
        html.Th(t("compare.rank", lang), scope="col"), html.Th(t("compare.company", lang), scope="col"),
        html.Th(t("compare.total", lang), scope="col", className="num"),
        *[html.Th(c.label(lang, short=True), scope="col", className="num crit", title=c.label(lang))
          for c in criteria],
        html.Th(t("compare.stability", lang), scope="col", title=t("compare.stability.help", lang)),
    ]))
    body = []
    for c in order:
        org, rank = c["org_nr"], ranks[c["org_nr"]]
        move = moves[org]
        body.append(html.Tr([
            html.Td(str(rank) if rank else "–", className="rank"),
            html.Th(c["name"], scope="row"),
            html.Td(fmt_number(totals[org], lang, 1) if totals[org] is not None else t("compare.unranked", lang),
                    className="num total"),
            *[html.Td(fmt_number(c["scores"].get(cr.id), lang, 0), className="num") for cr in criteria],
            html.Td(t("compare.stable", lang) if move == 0 else t("compare.moves", lang, n=move),
                    className="stable" if move == 0 else "unstable"),
        ], id={"type": "compare-rank-row", "org": org}))
    return html.Div([
        dbc.Table([head, html.Tbody(body)], id=f"{RANKING}-table", size="sm", hover=True,
                  className="ranking-table"),
        html.P(t("compare.stability.help", lang), className="table-note"),
    ])


def kpi_table(companies: pd.DataFrame, pct: pd.DataFrame, s: CompareState, lang: str) -> html.Div:
    """Every KPI (rows) for every chosen company (columns), each value with its two percentiles."""
    if companies.empty:
        return html.P(t("compare.empty", lang), className="text-muted")
    cell = {(r["org_nr"], r["kpi"]): r for r in pct.to_dict("records")}
    orgs = companies["org_nr"].tolist()
    head = html.Thead(html.Tr([html.Th(t("data.kpi", lang), scope="col"), *[
        html.Th([r.name, html.Br(), html.Small(
            f"{dimensions.sector_name(r.sector, lang)} · {dimensions.county_name(r.county, lang)}"
            f"{_level_tag(int(r.level), lang)}", className="text-muted")], scope="col")
        for r in companies.itertuples()]]))
    rows = []
    for k in KPIS:
        cells = []
        for org in orgs:
            v = cell.get((org, k.id))
            if v is None:
                cells.append(html.Td("–", className="num missing"))
                continue
            pcts = t("compare.pct", lang, nominees=fmt_number(v["nominee_pct"], lang, 0),
                     sector=fmt_number(v["sector_pct"], lang, 0))
            cells.append(html.Td([html.Span(fmt_number(v["value"], lang, k.decimals), className="value"),
                                  html.Br(), html.Small(pcts, className="pct")], className="num"))
        rows.append(html.Tr([html.Th([k.label(lang), html.Br(), html.Small(k.unit(lang), className="text-muted")],
                                     scope="row"), *cells]))
    return html.Div([
        html.H2(t("compare.table", lang, year=s.year), className="h5"),
        html.P(t("compare.table.help", lang, prize=t(f"prize.{s.prize}", lang).lower()), className="table-note"),
        dbc.Table([head, html.Tbody(rows)], size="sm", striped=True, responsive=True, className="compare-table"),
    ])


def csv_rows(companies: pd.DataFrame, pct: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The comparison table as flat rows for the CSV download."""
    names = dict(zip(companies["org_nr"], companies["name"]))
    labels = {k.id: (k.label(lang), k.unit(lang)) for k in KPIS}
    df = pct[pct["org_nr"].isin(names)].copy()
    return pd.DataFrame({
        t("compare.company", lang): df["org_nr"].map(names),
        t("col.org_nr", lang): df["org_nr"],
        t("data.kpi", lang): df["kpi"].map(lambda k: labels[k][0]),
        t("data.unit", lang): df["kpi"].map(lambda k: labels[k][1]),
        t("company.value", lang): df["value"].round(3),
        t("compare.csv.nominee_pct", lang): df["nominee_pct"].round(1),
        t("compare.csv.sector_pct", lang): df["sector_pct"].round(1),
    })


def table_and_scores(s: CompareState, lang: str) -> tuple[html.Div, dict]:
    """The KPI table and the store of percentiles and criterion scores for a selection."""
    companies, pct = comparison(s)
    return kpi_table(companies, pct, s, lang), scores_store(companies, pct, s.prize)


def multiples(s: CompareState, lang: str) -> figures.Figure:
    companies = run_query("compare_companies", companies=list(s.companies), year=s.year, prize=s.prize)
    order = {org: i for i, org in enumerate(s.companies)}
    companies = companies.assign(order=companies["org_nr"].map(order)).sort_values("order")
    names = dict(zip(companies["org_nr"], companies["name"]))
    history = run_query("compare_history", companies=list(s.companies)) if names else pd.DataFrame(
        columns=["org_nr", "kpi", "year", "value", "change"])
    return figures.multiples_figure(history, names, KPIS, lang, s.view)


def radar(store: dict, lang: str) -> figures.Figure:
    """The radar from the stored percentiles (no query)."""
    companies = store.get("companies", [])
    names = {c["org_nr"]: c["name"] for c in companies}
    pct = pd.DataFrame([(c["org_nr"], k, v) for c in companies for k, v in c.get("percentiles", {}).items()],
                       columns=["org_nr", "kpi", "nominee_pct"])
    return figures.radar_figure(pct, names, KPIS, lang, store.get("prize", "main"))


def weight_sliders(s: CompareState, lang: str) -> html.Div:
    criteria = criteria_for(s.prize)
    weights = s.weight_map()
    judgement = [c.label(lang) for c in criteria if not c.measurable]
    return html.Div([
        html.H2(t("compare.weights", lang), className="h5"),
        *[html.Div([
            html.Label(c.label(lang), htmlFor=f'{{"criterion":"{c.id}","type":"{WEIGHT}"}}',
                       className="form-label weight-label"),
            dcc.Slider(id={"type": WEIGHT, "criterion": c.id}, min=0, max=WEIGHT_MAX, step=0.5,
                       value=weights[c.id], marks={i: str(i) for i in range(int(WEIGHT_MAX) + 1)},
                       updatemode="drag"),
        ], className="weight") for c in criteria if c.measurable],
        html.P(t("compare.judgement", lang, items=", ".join(judgement)), className="judgement"),
        html.P(t("compare.rule", lang), className="rule", id="compare-rule"),
    ], className="weights")


@page_layout("compare", PATH)
def layout(lang: str, args: dict[str, str]) -> list:
    if not auth.sees_companies():  # the jury's page: nothing of it is built for anyone else
        return [html.H1(t("compare.title", lang)),
                dbc.Alert([t("auth.forbidden", lang), " ", html.A(t("auth.sign_in", lang), href=f"/login?lang={lang}")],
                          color="warning", id="compare-forbidden")]
    span = year_span()
    s = state.compare_from_query(args, span)
    table, store = table_and_scores(s, lang)
    notice = dbc.Alert(t("filter.dropped", lang, items=", ".join(s.dropped)), color="info", id=NOTICE,
                       dismissable=True) if s.dropped else html.Div(id=NOTICE)
    return [
        html.H1(t("compare.title", lang)),
        html.P(tn("compare.lead", COMPARE_MAX, lang), className="lead"),
        html.P(t("compare.special_mode", lang), className="special-mode") if s.prize == "special" else None,
        notice,
        html.Section([
            html.Div([html.Label(t("compare.year", lang), htmlFor=YEAR, className="form-label"),
                      dcc.Dropdown(id=YEAR, value=s.year, clearable=False,
                                   options=[{"label": str(y), "value": y} for y in span.newest_first()])],
                     className="filter-field"),
            html.Div([html.Label(t("compare.prize", lang), htmlFor=PRIZE, className="form-label"),
                      dcc.Dropdown(id=PRIZE, value=s.prize, clearable=False, searchable=False,
                                   options=[{"label": t(f"prize.{p}", lang), "value": p}
                                            for p in ("main", "special")])],
                     className="filter-field"),
            html.Div([html.Label(t("compare.status", lang), htmlFor=STATUS, className="form-label"),
                      dcc.Dropdown(id=STATUS, value=s.status, clearable=False, searchable=False,
                                   options=[{"label": t("compare.status.all" if st == "all" else f"status.{st}", lang),
                                             "value": st} for st in state.STATUSES])],
                     className="filter-field"),
            html.Div([html.Label(t("compare.companies", lang), htmlFor=COMPANIES, className="form-label"),
                      dcc.Dropdown(id=COMPANIES, value=list(s.companies), multi=True,
                                   options=search_options(s, "", lang), maxHeight=360)],
                     className="filter-field filter-companies"),
            html.Div(html.Button(t("compare.add_finalists", lang), id=ADD_FINALISTS,
                                 className="btn btn-outline-primary"), className="filter-actions"),
        ], className="filter-bar compare-picker", **{"aria-label": t("filter.title", lang)}),
        html.Div([
            html.Section(weight_sliders(s, lang), className="chart-panel panel-weights"),
            html.Section([
                html.Div([html.H2(t("compare.ranking", lang), className="h5"),
                          html.Div([html.Button(t("compare.csv", lang), id=CSV, className="btn btn-outline-primary btn-sm"),
                                    html.Button(t("compare.print", lang), id=PRINT, className="btn btn-outline-secondary btn-sm")],
                                   className="panel-buttons")], className="panel-head"),
                dcc.Loading(html.Div(ranking_table(store, s.weight_map(), lang), id=RANKING), delay_show=300),
            ], className="chart-panel panel-ranking"),
        ], className="compare-top"),
        html.Section(dcc.Loading(html.Div(table, id=TABLE), delay_show=300), className="chart-panel"),
        html.Section([
            html.Div([html.Label(t("compare.view", lang), htmlFor=VIEW, className="form-label me-2"),
                      dcc.RadioItems(id=VIEW, value=s.view, inline=True, className="view-toggle",
                                     options=[{"label": t(f"compare.view.{v}", lang), "value": v}
                                              for v in state.VIEWS])], className="panel-tools-left"),
            dcc.Loading(dcc.Graph(id=MULTIPLES, figure=multiples(s, lang), config=figures.GRAPH_CONFIG,
                                  className="chart-multiples"), delay_show=300),
        ], className="chart-panel panel-multiples"),
        html.Section(dcc.Loading(dcc.Graph(id=RADAR, figure=radar(store, lang), config=figures.GRAPH_CONFIG,
                                           className="chart-radar"), delay_show=300), className="chart-panel"),
        dcc.Store(id=SCORES, data=store),
        dcc.Store(id=LANG, data=lang),
        dcc.Store(id=ADDRESS),
        dcc.Download(id=DOWNLOAD),
    ]
