"""Callbacks of the compare page. Inputs are validated by ``state.build_compare``; the ranking is
recomputed in the browser's round trip from the stored criterion scores, without a query."""

from __future__ import annotations

import logging

from dash import (ALL, ClientsideFunction, Input, Output, State, callback, clientside_callback, ctx,
                  dcc, no_update)
from dash.exceptions import PreventUpdate

from dashboard import auth, csv_export, state
from dashboard.callbacks.guard import db_error_figure, guarded
from dashboard.db import year_span
from dashboard.components.shell import LANG_LINKS
from dashboard.i18n import LANGS, normalize_lang, t, tn
from dashboard.pages import compare as page

log = logging.getLogger(__name__)


def _weights(values: object, ids: object, prize: object) -> dict[str, float]:
    """Slider values by criterion, validated against the prize's criteria and clamped."""
    pairs = {}
    if isinstance(values, list) and isinstance(ids, list):
        pairs = {i.get("criterion"): v for i, v in zip(ids, values) if isinstance(i, dict)}
    return state.weights_for(prize, pairs)


# The inputs several callbacks share, by name. Dash adds a callback's inputs to the dict it is given
# as ``state``, so each callback is given a copy (``dict(LANG)``, ``**LANG``), never these.
LANG = dict(lang=State(page.LANG, "data"))
WEIGHTS = {"type": page.WEIGHT, "criterion": ALL}  # the sliders: their values, and their ids for the criteria


@callback(output=Output(page.COMPANIES, "options"),
          inputs=dict(search=Input(page.COMPANIES, "search_value"), year=Input(page.YEAR, "value"),
                      prize=Input(page.PRIZE, "value"), status=Input(page.STATUS, "value")),
          state=dict(chosen=State(page.COMPANIES, "value"), **LANG), prevent_initial_call=True)
@guarded(lambda lang: no_update)
def search(search: object, year: object, prize: object, status: object, chosen: object, lang: object):
    auth.require("jury", "admin")
    s = state.build_compare(year, prize, status, chosen, span=year_span())
    return page.search_options(s, search if isinstance(search, str) else "", normalize_lang(lang))


@callback(output=[Output(page.COMPANIES, "value"), Output(page.NOTICE, "children")],
          inputs=dict(n_clicks=Input(page.ADD_FINALISTS, "n_clicks"), n_loads=Input(page.LOAD_FINALISTS, "n_clicks"),
                      chosen=Input(page.COMPANIES, "value")),
          state=dict(year=State(page.YEAR, "value"), prize=State(page.PRIZE, "value"), **LANG),
          prevent_initial_call=True)
@guarded(lambda lang: (no_update, t("error.db.title", lang)))
def choose(n_clicks: object, n_loads: object, chosen: object, year: object, prize: object, lang: object):
    """Add the finalists in one click (the picker's button, or the empty view's); keep the choice
    to at most ten companies."""
    auth.require("jury", "admin")
    lang = normalize_lang(lang)
    span = year_span()
    s = state.build_compare(year, prize, None, chosen, span=span)
    if ctx.triggered_id in (page.ADD_FINALISTS, page.LOAD_FINALISTS):
        merged = list(dict.fromkeys([*s.companies, *page.finalists(s)]))
        s = state.build_compare(year, prize, None, merged, span=span)
        return list(s.companies), tn("compare.too_many", state.COMPARE_MAX, lang) if len(merged) > len(s.companies) else ""
    if isinstance(chosen, list) and len(chosen) > state.COMPARE_MAX:
        return list(s.companies), tn("compare.too_many", state.COMPARE_MAX, lang)
    raise PreventUpdate


def _order(value: object) -> list[str]:
    """The ranking's order as the browser sent it back: organisation numbers only (the pages check
    them against the chosen companies)."""
    return [org for org in value[:state.COMPARE_MAX] if isinstance(org, str)] if isinstance(value, list) else []


# What the comparison draws, by name.
OUTPUTS = dict(
    table=Output(page.TABLE, "children"), store=Output(page.SCORES, "data"),
    title=Output(page.TABLE_TITLE, "children"), results_hidden=Output(page.RESULTS, "hidden"),
    empty_hidden=Output(page.EMPTY, "hidden"), load_label=Output(page.LOAD_FINALISTS, "children"),
    load_disabled=Output(page.LOAD_FINALISTS, "disabled"), order=Output(page.ORDER, "data"),
)


def _unchanged(**changed: object) -> dict:
    """The comparison's outputs: those in ``changed`` written, the others left as they are."""
    return {name: changed.get(name, no_update) for name in OUTPUTS}


@callback(output=OUTPUTS,
          inputs=dict(chosen=Input(page.COMPANIES, "value"), year=Input(page.YEAR, "value"),
                      prize=Input(page.PRIZE, "value"), values=Input(WEIGHTS, "value")),
          state=dict(ids=State(WEIGHTS, "id"), store=State(page.SCORES, "data"), shown=State(page.ORDER, "data"),
                     **LANG),
          prevent_initial_call=True)
@guarded(lambda lang: _unchanged(table=t("error.db.title", lang)))
def compare(chosen: object, year: object, prize: object, values: object, ids: object, store: object,
            shown: object, lang: object) -> dict:
    """The comparison of the chosen companies, the key figures in the ranking's order under the
    sliders' weights; with none chosen, the empty view in its place. A weight that moves no company
    to another place changes nothing here (no query); one that does draws the table again."""
    auth.require("jury", "admin")
    lang = normalize_lang(lang)
    s = state.build_compare(year, prize, None, chosen, span=year_span())
    weights = _weights(values, ids, s.prize)
    if all(p.startswith("{") for p in ctx.triggered_prop_ids):  # only weights moved
        order = page.rank_order(_clean_store(store), weights)
        if order == _order(shown):
            raise PreventUpdate
        table, _, order = page.table_and_scores(s, lang, weights)
        return _unchanged(table=table, order=order)
    table, store, order = page.table_and_scores(s, lang, weights)
    load_label, load_disabled = page.load_button(s, lang)
    return {"table": table, "store": store, "title": page.table_title(s, lang), "results_hidden": not s.companies,
            "empty_hidden": bool(s.companies), "load_label": load_label, "load_disabled": load_disabled,
            "order": order}


@callback(output=Output(page.MULTIPLES, "figure"),
          inputs=dict(order=Input(page.ORDER, "data"), view=Input(page.VIEW, "value")),
          state=dict(chosen=State(page.COMPANIES, "value"), year=State(page.YEAR, "value"),
                     prize=State(page.PRIZE, "value"), **LANG))  # also once the page is up (below the fold)
@guarded(db_error_figure)
def multiples(order: object, view: object, chosen: object, year: object, prize: object, lang: object):
    """The small multiples, drawn again when the companies change (the table's callback writes their
    order then) or only their order (the legend follows the ranking)."""
    auth.require("jury", "admin")
    s = state.build_compare(year, prize, None, chosen, None, view, span=year_span())
    return page.multiples(s, normalize_lang(lang), _order(order))


def _clean_store(store: object) -> dict:
    """The store as the browser sent it back, kept only where it has the shape we wrote."""
    store = store if isinstance(store, dict) and isinstance(store.get("companies"), list) else {}
    year = store.get("year")  # only printed in the title line
    number = lambda v: v is None or (isinstance(v, (int, float)) and not isinstance(v, bool))  # noqa: E731
    return {
        "prize": store.get("prize") if store.get("prize") in ("main", "special") else "main",
        "year": year if isinstance(year, int) and not isinstance(year, bool) and 0 < year < 10_000 else None,
        "companies": [
            c for c in store.get("companies", [])[:state.COMPARE_MAX]
            if isinstance(c, dict) and isinstance(c.get("name"), str) and isinstance(c.get("org_nr"), str)
            and isinstance(c.get("scores"), dict) and all(number(v) for v in c["scores"].values())
            and isinstance(c.get("percentiles", {}), dict) and all(number(v) for v in c.get("percentiles", {}).values())
        ],
    }


@callback(output=Output(page.RADAR, "figure"),
          inputs=dict(store=Input(page.SCORES, "data"), order=Input(page.ORDER, "data")),
          state=dict(LANG))  # also once the page is up (below the fold)
def radar(store: object, order: object, lang: object):
    auth.require("jury", "admin")
    return page.radar(_clean_store(store), normalize_lang(lang), _order(order))


@callback(output=[Output(page.RANKING, "children"), Output(page.RESET, "disabled")],
          inputs=dict(values=Input(WEIGHTS, "value"), store=Input(page.SCORES, "data")),
          state=dict(ids=State(WEIGHTS, "id"), **LANG), prevent_initial_call=True)
def rank(values: object, store: object, ids: object, lang: object):
    """Re-rank live as a weight moves. The store holds only criterion scores of the chosen few.
    "Reset weights" is offered while a weight is not 1."""
    auth.require("jury", "admin")
    lang = normalize_lang(lang)
    clean = _clean_store(store)
    weights = _weights(values, ids, clean["prize"])
    return page.ranking_table(clean, weights, lang), all(w == 1.0 for w in weights.values())


@callback(output=Output(WEIGHTS, "value"), inputs=dict(n_clicks=Input(page.RESET, "n_clicks")),
          state=dict(ids=State(WEIGHTS, "id")), prevent_initial_call=True)
def reset_weights(n_clicks: object, ids: object):
    """Every weight back to 1, the default."""
    auth.require("jury", "admin")
    if not isinstance(ids, list):
        raise PreventUpdate
    return [1.0] * len(ids)


# What either download reads when its button is pressed: the choice and the sliders' weights.
DOWNLOAD_STATE = dict(chosen=State(page.COMPANIES, "value"), year=State(page.YEAR, "value"),
                      prize=State(page.PRIZE, "value"), values=State(WEIGHTS, "value"), ids=State(WEIGHTS, "id"),
                      **LANG)


@callback(output=Output(page.DOWNLOAD, "data"), inputs=dict(n_clicks=Input(page.CSV, "n_clicks")),
          state=dict(DOWNLOAD_STATE), prevent_initial_call=True)
@guarded(lambda lang: no_update)
def download(n_clicks: object, chosen: object, year: object, prize: object, values: object, ids: object,
             lang: object):
    """The key-figure table as CSV, the companies in the table's order (the ranking's under the
    sliders' weights, computed again from the database)."""
    s, companies, pct, store = _scored(chosen, year, prize)
    order = page.rank_order(store, _weights(values, ids, s.prize))
    rows = page.csv_rows(companies, pct, normalize_lang(lang), order)
    return dcc.send_string(csv_export.to_csv(rows, normalize_lang(lang)), f"compare-{s.prize}-{s.year}.csv")


@callback(output=Output(page.RANKING_DOWNLOAD, "data"), inputs=dict(n_clicks=Input(page.RANKING_CSV, "n_clicks")),
          state=dict(DOWNLOAD_STATE), prevent_initial_call=True)
@guarded(lambda lang: no_update)
def download_ranking(n_clicks: object, chosen: object, year: object, prize: object, values: object,
                     ids: object, lang: object):
    """The ranking as CSV, as the page shows it under the sliders' weights; the scores are
    computed again from the database, not taken from the browser's store."""
    s, _, _, store = _scored(chosen, year, prize)
    rows = page.ranking_csv_rows(store, _weights(values, ids, s.prize), normalize_lang(lang))
    return dcc.send_string(csv_export.to_csv(rows, normalize_lang(lang)), f"ranking-{s.prize}-{s.year}.csv")


def _scored(chosen: object, year: object, prize: object):
    """For a download (the jury's only): the picked companies' key figures, percentiles and
    criterion scores, computed again from the database, never taken from the browser's store."""
    auth.require("jury", "admin")
    s = state.build_compare(year, prize, None, chosen, span=year_span())
    companies, pct = page.comparison(s)
    return s, companies, pct, page.scores_store(companies, pct, s.prize, s.year)


clientside_callback(
    ClientsideFunction(namespace="dashboard", function_name="print"),
    Output(page.PRINT, "n_clicks"), Input(page.PRINT, "n_clicks"), prevent_initial_call=True,
)

@callback(output=[Output(page.ADDRESS, "data"),
                  *(Output(link, "href", allow_duplicate=True) for link in LANG_LINKS.values())],
          inputs=dict(year=Input(page.YEAR, "value"), prize=Input(page.PRIZE, "value"),
                      status=Input(page.STATUS, "value"), companies=Input(page.COMPANIES, "value"),
                      weights=Input(WEIGHTS, "value"), view=Input(page.VIEW, "value")),
          state=dict(ids=State(WEIGHTS, "id"), **LANG),
          prevent_initial_call="initial_duplicate")
def address(year: object, prize: object, status: object, companies: object, weights: object, view: object,
            ids: object, lang: object):
    """The page's address and language links, written from ``CompareState.to_query``."""
    span, lang = year_span(), normalize_lang(lang)
    pairs = {i.get("criterion"): w for i, w in zip(ids, weights)} \
        if isinstance(ids, list) and isinstance(weights, list) else {}
    s = state.build_compare(year, prize, status, companies, {k: v for k, v in pairs.items() if isinstance(k, str)},
                            view, span=span)
    return tuple(page.address(s, language, span) for language in (lang, *LANGS))


clientside_callback(
    ClientsideFunction(namespace="dashboard", function_name="pushAddress"),
    Input(page.ADDRESS, "data"),
)
