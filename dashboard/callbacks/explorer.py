"""Callbacks of the explorer page: thin wrappers that validate inputs and call the page's views.

Every callback takes the filter bar's values by name (``filter_bar.FILTERS``) and reads them
through ``state.from_widgets``, which drops unknown codes, cuts long lists and clamps years to the
years with data (``db.year_span``), so a hostile request gets a clamped or empty view, never an
error. The address is written on the server, from ``Filters.to_query``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from dash.exceptions import PreventUpdate
from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback, ctx, no_update

from dashboard import auth, state
from dashboard.callbacks.guard import db_error_figure, guarded
from dashboard.components import filter_bar as fb
from dashboard.db import year_span
from dashboard.components.shell import LANG_LINKS
from dashboard.i18n import LANGS, normalize_lang, t
from dashboard.pages import explorer as page

log = logging.getLogger(__name__)
ORG_NR = re.compile(r"[0-9]{9}")


LANG = dict(lang=State(page.LANG, "data"))


def _filters(filters: object) -> state.Filters:
    return state.from_widgets(filters if isinstance(filters, dict) else {}, year_span())


def _figure_callback(graph_id: str, view: Callable) -> Callable:
    """A callback that redraws one chart of the explorer from the filter bar."""

    @callback(output=Output(graph_id, "figure"), inputs=dict(filters=fb.FILTERS), state=LANG,
              prevent_initial_call=True)
    @guarded(db_error_figure)
    def redraw(filters: dict, lang: object):
        return view(_filters(filters), normalize_lang(lang), auth.viewer())

    redraw.__name__ = f"update_{graph_id.removeprefix('explorer-')}"
    return redraw


update_map = _figure_callback(page.MAP, page.map_view)
update_sectors = _figure_callback(page.SECTORS, page.sector_view)
update_trend = _figure_callback(page.TREND, page.trend_view)
update_scatter = _figure_callback(page.SCATTER, page.scatter_view)


@callback(output=[Output(page.CARDS, "children"), Output(page.LEAD, "children")],
          inputs=dict(filters=fb.FILTERS), state=LANG, prevent_initial_call=True)
@guarded(lambda lang: ([], t("error.db.title", lang)))
def update_cards(filters: dict, lang: object):
    f, lang = _filters(filters), normalize_lang(lang)
    return page.cards_view(f, lang, auth.viewer()), page.lead_text(f, lang)


@callback(output=[Output(page.TABLE, "rowData"), Output(page.TABLE, "columnDefs"),
                  Output(page.TABLE_NOTE, "children"), Output(page.TABLE, "csvExportParams")],
          inputs=dict(filters=fb.FILTERS), state=LANG, prevent_initial_call=True)
@guarded(lambda lang: ([], no_update, t("error.db.title", lang), no_update))
def update_table(filters: dict, lang: object):
    f, lang = _filters(filters), normalize_lang(lang)
    rows, columns, note = page.table_view(f, lang, auth.viewer())
    return rows, columns, note, page.csv_params(f, lang)


@callback(output=[Output(page.ADDRESS, "data"), *(Output(link, "href") for link in LANG_LINKS.values())],
          inputs=dict(filters=fb.FILTERS), state=LANG)
def address(filters: dict, lang: object):
    """The address of the view, written from ``Filters.to_query`` (the browser only pushes it into
    its history), and the language links, which keep the selection."""
    span, lang = year_span(), normalize_lang(lang)
    f = state.from_widgets(filters if isinstance(filters, dict) else {}, span)
    return tuple("/" + f.to_query(language, span) for language in (lang, *LANGS))


@callback(Output(page.TABLE, "exportDataAsCsv"), Input(page.DOWNLOAD, "n_clicks"),
          prevent_initial_call=True)
def download_csv(n_clicks: object) -> bool:
    """The grid writes the CSV itself: exactly the rows and columns it shows, filtered and sorted."""
    return True


@callback(Output(fb.PRIZE, "disabled"), Input(fb.STATUS, "value"))
def prize_only_with_status(status: object) -> bool:
    return status not in state.STATUSES[1:]


def _toggle(current: object, clicked: object, allowed: set) -> list:
    """Clicking a chart's county or sector selects it alone; clicking it again clears the choice."""
    if clicked not in allowed:
        return no_update
    current = current if isinstance(current, list) else []
    return [] if current == [clicked] else [clicked]


def _clicked(click: object, index: int = 0) -> object:
    try:
        return click["points"][0]["customdata"][index]
    except (TypeError, KeyError, IndexError):
        return None


@callback(Output(fb.COUNTY, "value"), Input(page.MAP, "clickData"), State(fb.COUNTY, "value"),
          prevent_initial_call=True)
def click_county(click: object, current: object):
    from dashboard.dimensions import counties

    return _toggle(current, _clicked(click), set(counties()["code"]))


@callback(Output(fb.SECTOR, "value"), Input(page.SECTORS, "clickData"), State(fb.SECTOR, "value"),
          prevent_initial_call=True)
def click_sector(click: object, current: object):
    from dashboard.dimensions import sectors

    return _toggle(current, _clicked(click), set(sectors()["code"]))


@callback(Output(fb.YEARS, "value"),
          Output(page.TIMER, "disabled"), Output(page.PLAY, "children"),
          Input(page.PLAY, "n_clicks"), Input(page.TIMER, "n_intervals"),
          State(fb.YEARS, "value"), State(page.TIMER, "disabled"), State(page.LANG, "data"),
          prevent_initial_call=True)
@guarded(lambda lang: (no_update, True, t("play.start", lang)))
def play(n_clicks: object, n_intervals: object, years: object, stopped: object, lang: object):
    """Play the years: the last year of the range steps forward until the data's last year, and
    every view follows, like the time slider of Our World in Data's Grapher."""
    lang = normalize_lang(lang)
    span = year_span()
    f = state.from_widgets({"years": years}, span)
    start, stop = t("play.start", lang), t("play.stop", lang)
    if ctx.triggered_id == page.PLAY:
        if stopped is False:  # playing: stop where we are
            return no_update, True, start
        if f.year_to >= span.last:  # at the end: start again from the first year
            return [f.year_from, f.year_from], False, stop
        return no_update, False, stop
    if stopped is not False:
        return no_update, True, start
    year = min(f.year_to + 1, span.last)
    done = year >= span.last
    return [f.year_from, year], done, start if done else stop


@callback(Output(page.MODAL, "is_open"), Output(page.MODAL_TITLE, "children"),
          Output(page.MODAL_BODY, "children"),
          Input(page.TABLE, "cellClicked"), Input(page.SCATTER, "clickData"),
          State(fb.KPI, "value"), State(fb.YEARS, "value"), State(page.LANG, "data"),
          prevent_initial_call=True)
@guarded(lambda lang: (True, t("error.db.title", lang), []))
def open_company(cell: object, click: object, kpi: object, years: object, lang: object):
    """A company's detail, from a click on a table row or a scatter bubble (the jury's only)."""
    auth.require("jury", "admin")
    lang = normalize_lang(lang)
    if ctx.triggered_id == page.TABLE:
        org_nr = cell.get("rowId") if isinstance(cell, dict) else None
    else:
        org_nr = _clicked(click)
    if not isinstance(org_nr, str) or not ORG_NR.fullmatch(org_nr):
        raise PreventUpdate
    f = state.from_widgets({"years": years, "kpi": kpi}, year_span())
    title, body = page.company_view(org_nr, f, lang)
    return True, title, body


# The browser puts the address the server wrote into its history (a link reproduces the view;
# back and forward redraw the page from it).
clientside_callback(
    ClientsideFunction(namespace="dashboard", function_name="pushAddress"),
    Input(page.ADDRESS, "data"),
)
