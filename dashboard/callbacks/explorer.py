"""Callbacks of the explorer page: thin wrappers that validate inputs and call the page's views.

Every callback takes the filter bar's values by name (``filter_bar.FILTERS``) and reads them
through ``state.from_widgets``, which drops unknown codes, cuts long lists and clamps years to the
years with data (``db.year_span``), so a hostile request gets a clamped or empty view, never an
error. The address is written on the server, from ``Filters.to_query``.
"""

from __future__ import annotations

import logging
import re

from dash.exceptions import PreventUpdate
from dash import MATCH, ClientsideFunction, Input, Output, State, callback, clientside_callback, ctx, no_update

from dashboard import auth, state
from dashboard.callbacks.guard import db_error_figure, guarded
from dashboard.timing import timed
from dashboard.components import filter_bar as fb
from dashboard.db import year_span
from dashboard.components.shell import LANG_LINKS
from dashboard.i18n import LANGS, normalize_lang, t
from dashboard.pages import explorer as page

log = logging.getLogger(__name__)
ORG_NR = re.compile(r"[0-9]{9}")


# Dash adds a callback's inputs to the dict it is given as ``state``: each callback is given a copy.
LANG = dict(lang=State(page.LANG, "data"))


def _filters(filters: object) -> state.Filters:
    return state.from_widgets(filters if isinstance(filters, dict) else {}, year_span())


def _asked(filters: object, lang: object) -> tuple[state.Filters, str, auth.Viewer]:
    """What a callback of views draws: the selection, the language, and who is looking."""
    return _filters(filters), normalize_lang(lang), auth.viewer()


# The views of the page, in three callbacks that the same change fires at once, so the workers
# build them side by side: the first screen (cards, lead, map, sectors), the charts below it (trend,
# scatter) and the table. A page opened from an address comes with the first screen drawn; the other
# two draw once it is up. Each writes the year it drew, and ▶ play steps on only when all three
# have drawn the year before, so no view is left a year behind.
FIRST = {
    "cards": Output(page.CARDS, "children"), "lead": Output(page.LEAD, "children"),
    "map": Output(page.MAP, "figure"), "sectors": Output(page.SECTORS, "figure"), "drawn": Output(page.DRAWN, "data"),
}
BELOW = {"trend": Output(page.TREND, "figure"), "scatter": Output(page.SCATTER, "figure"),
         "drawn": Output(page.DRAWN_BELOW, "data")}
TABLE = {
    "rows": Output(page.TABLE, "rowData"), "columns": Output(page.TABLE, "columnDefs"),
    "note": Output(page.TABLE_NOTE, "children"), "csv": Output(page.TABLE, "csvExportParams"),
    "title": Output(page.TABLE_TITLE, "children"), "drawn": Output(page.DRAWN_TABLE, "data"),
}


def _unavailable(lang: str) -> dict:
    """The views when the database cannot be read: each one's empty state; nothing for ▶ play to
    wait for."""
    figure = db_error_figure(lang)
    return {"cards": [], "lead": t("error.db.title", lang), "map": figure, "sectors": figure, "trend": figure,
            "scatter": figure, "rows": [], "columns": no_update, "note": t("error.db.title", lang),
            "csv": no_update, "title": no_update, "drawn": None}


def _only(outputs: dict) -> object:
    """``_unavailable`` for the callback that draws ``outputs``."""
    return lambda lang: {k: v for k, v in _unavailable(lang).items() if k in outputs}


@callback(output=FIRST, inputs=dict(filters=fb.FILTERS), state=dict(LANG), prevent_initial_call=True)
@guarded(_only(FIRST))
def first_screen(filters: dict, lang: object) -> dict:
    """The first screen: cards, lead, map and sectors, and the year drawn. (Each view is timed on
    its own with ``timing.timed``: only with SERVER_TIMING=on, for make bench.)"""
    f, lang, viewer = _asked(filters, lang)
    return {"cards": timed("cards", lambda: page.cards_view(f, lang, viewer)), "lead": page.lead_text(f, lang),
            "map": timed("map", lambda: page.map_view(f, lang, viewer)),
            "sectors": timed("sectors", lambda: page.sector_view(f, lang, viewer)), "drawn": f.year_to}


# not prevent_initial_call: a page opened from an address draws these once its first screen is up
@callback(output=BELOW, inputs=dict(filters=fb.FILTERS), state=dict(LANG))
@guarded(_only(BELOW))
def below(filters: dict, lang: object) -> dict:
    """The trend and the scatter, and the year drawn."""
    f, lang, viewer = _asked(filters, lang)
    return {"trend": timed("trend", lambda: page.trend_view(f, lang, viewer)),
            "scatter": timed("scatter", lambda: page.scatter_view(f, lang, viewer)), "drawn": f.year_to}


@callback(output=TABLE, inputs=dict(filters=fb.FILTERS), state=dict(LANG))
@guarded(_only(TABLE))
def table(filters: dict, lang: object) -> dict:
    """The table: its rows, columns, note, title and CSV settings, and the year drawn."""
    f, lang, viewer = _asked(filters, lang)
    rows, columns, note = timed("table", lambda: page.table_view(f, lang, viewer))
    return {"rows": rows, "columns": columns, "note": note, "csv": page.csv_params(f, lang),
            "title": page.table_title(f, lang), "drawn": f.year_to}


def _history(played: bool, closed: bool) -> str:
    """How the browser keeps an address (``pushAddress``): ▶ play's years replace the entry they
    were played in (back undoes what came before the play, not one year); closing a company's
    detail goes back to the entry it was opened from; any other change is a new entry."""
    return "replace" if played else "back" if closed else "push"


@callback(output=[Output(page.ADDRESS, "data"), *(Output(link, "href") for link in LANG_LINKS.values())],
          inputs=dict(filters=fb.FILTERS, company=Input(page.COMPANY, "data"), shown=Input(page.MODAL, "is_open")),
          state=dict(**LANG, step=State(page.PLAYED, "data"), before=State(page.ADDRESS, "data")))
def address(filters: dict, lang: object, company: object = None, shown: object = None, step: object = None,
            before: object = None):
    """The address of the view, written from ``Filters.to_query`` with the open company's detail
    (the browser only puts it into its history), and the language links, which keep both. An
    address is ▶ play's when play took a step since the last one (``page.PLAYED``)."""
    span, lang = year_span(), normalize_lang(lang)
    f = state.from_widgets(filters if isinstance(filters, dict) else {}, span)
    org = company if shown is True and isinstance(company, str) and ORG_NR.fullmatch(company) else None
    step = step if isinstance(step, str) else None
    played = step is not None and step != (before.get("step") if isinstance(before, dict) else None)
    closed = shown is False and ctx.triggered_id == page.MODAL
    here = {"href": "/" + f.to_query(lang, span, org), "history": _history(played, closed), "step": step,
            "embed": f.pinned_query(lang, span)}
    return here, *("/" + f.to_query(language, span, org) for language in LANGS)


@callback(output=Output(page.TABLE, "exportDataAsCsv"), inputs=dict(n_clicks=Input(page.DOWNLOAD, "n_clicks")),
          prevent_initial_call=True)
def download_csv(n_clicks: object) -> bool:
    """The grid writes the CSV itself: exactly the rows and columns it shows, filtered and sorted."""
    return True


@callback(output=Output(fb.PRIZE, "disabled"), inputs=dict(status=Input(fb.STATUS, "value")))
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


@callback(output=Output(fb.COUNTY, "value"), inputs=dict(click=Input(page.MAP, "clickData")),
          state=dict(current=State(fb.COUNTY, "value")), prevent_initial_call=True)
def click_county(click: object, current: object):
    from dashboard.dimensions import counties

    return _toggle(current, _clicked(click), set(counties()["code"]))


@callback(output=Output(fb.SECTOR, "value"), inputs=dict(click=Input(page.SECTORS, "clickData")),
          state=dict(current=State(fb.SECTOR, "value")), prevent_initial_call=True)
def click_sector(click: object, current: object):
    from dashboard.dimensions import sectors

    return _toggle(current, _clicked(click), set(sectors()["code"]))


@callback(output=[Output(fb.YEARS, "value"), Output(page.TIMER, "disabled"), Output(page.PLAY, "children"),
                  Output(page.PLAYED, "data")],
          inputs=dict(n_clicks=Input(page.PLAY, "n_clicks"), n_intervals=Input(page.TIMER, "n_intervals")),
          state=dict(years=State(fb.YEARS, "value"), stopped=State(page.TIMER, "disabled"),
                     drawn=State(page.DRAWN, "data"), drawn_below=State(page.DRAWN_BELOW, "data"),
                     drawn_table=State(page.DRAWN_TABLE, "data"), **LANG),
          prevent_initial_call=True)
@guarded(lambda lang: (no_update, True, t("play.start", lang), no_update))
def play(n_clicks: object, n_intervals: object, years: object, stopped: object, drawn: object,
         drawn_below: object, drawn_table: object, lang: object):
    """Play the years: the last year of the range steps forward until the data's last year, and
    every view follows, like the time slider of Our World in Data's Grapher. A step waits until
    all three callbacks of views have drawn the year before (``page.DRAWN``, ``DRAWN_BELOW``,
    ``DRAWN_TABLE``), so on a slow day no year is skipped
    and none is shown half-drawn. Each step is marked in ``page.PLAYED`` for the address."""
    lang = normalize_lang(lang)
    span = year_span()
    f = state.from_widgets({"years": years}, span)
    start, stop = t("play.start", lang), t("play.stop", lang)
    step = f"{n_clicks}:{n_intervals}"
    if ctx.triggered_id == page.PLAY:
        if stopped is False:  # playing: stop where we are
            return no_update, True, start, no_update
        if f.year_to >= span.last:  # at the end: start again from the first year
            return [f.year_from, f.year_from], False, stop, step
        return no_update, False, stop, no_update
    if stopped is not False:
        return no_update, True, start, no_update
    if any(d is not None and d != f.year_to for d in (drawn, drawn_below, drawn_table)):
        raise PreventUpdate  # the views are still drawing this year
    year = min(f.year_to + 1, span.last)
    done = year >= span.last
    return [f.year_from, year], done, start if done else stop, step


@callback(output=[Output(page.MODAL, "is_open"), Output(page.MODAL_TITLE, "children"),
                  Output(page.MODAL_BODY, "children"), Output(page.COMPANY, "data")],
          inputs=dict(cell=Input(page.TABLE, "cellClicked"), click=Input(page.SCATTER, "clickData")),
          state=dict(kpi=State(fb.KPI, "value"), years=State(fb.YEARS, "value"), **LANG),
          prevent_initial_call=True)
@guarded(lambda lang: (True, t("error.db.title", lang), [], None))
def open_company(cell: object, click: object, kpi: object, years: object, lang: object):
    """A company's detail, from a click on a table row or a scatter bubble (the jury's only); its
    organisation number goes into the address (``company=``), so the detail can be shared."""
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
    return True, title, body, org_nr if body else None


# Each chart's share / embed menu: the link and the iframe snippet written from the view's address,
# in the browser (it knows the address the reader reached the server by); copy buttons; PNG and SVG.
clientside_callback(
    ClientsideFunction(namespace="dashboard", function_name="shareTexts"),
    [*(Output(f"explorer-share-{name}-link", "value") for name in page.SHARED),
     *(Output(f"explorer-share-{name}-embed", "value") for name in page.SHARED)],
    Input(page.ADDRESS, "data"),
)
clientside_callback(
    ClientsideFunction(namespace="dashboard", function_name="toggleShare"),
    Output({"type": page.SHARE_PANEL, "chart": MATCH}, "is_open"),
    Output({"type": page.SHARE_OPEN, "chart": MATCH}, "aria-expanded"),
    Input({"type": page.SHARE_OPEN, "chart": MATCH}, "n_clicks"),
    State({"type": page.SHARE_PANEL, "chart": MATCH}, "is_open"), prevent_initial_call=True,
)
clientside_callback(
    ClientsideFunction(namespace="dashboard", function_name="copyText"),
    Output({"type": page.COPY, "target": MATCH}, "children"),
    Input({"type": page.COPY, "target": MATCH}, "n_clicks"), prevent_initial_call=True,
)
clientside_callback(
    ClientsideFunction(namespace="dashboard", function_name="downloadChart"),
    Output({"type": page.IMAGE, "chart": MATCH, "format": MATCH}, "className"),
    Input({"type": page.IMAGE, "chart": MATCH, "format": MATCH}, "n_clicks"), prevent_initial_call=True,
)


# The browser puts the address the server wrote into its history as the server says (a link
# reproduces the view; back and forward redraw the page from it).
clientside_callback(
    ClientsideFunction(namespace="dashboard", function_name="pushAddress"),
    Input(page.ADDRESS, "data"),
)
