"""The presentation's one server callback: reveal the winner, when the presenter presses R."""

from __future__ import annotations

from dash import Input, Output, State, callback
from dash.exceptions import PreventUpdate

from dashboard import auth, state
from dashboard.callbacks.guard import guarded
from dashboard.db import year_span
from dashboard.i18n import normalize_lang, t
from dashboard.pages import present as page


@callback(Output(page.WINNER, "children"), Input(page.REVEAL, "data"),
          State(page.YEAR, "data"), State(page.LANG, "data"), prevent_initial_call=True)
@guarded(lambda lang: t("error.db.title", lang))
def reveal(requested: object, year: object, lang: object):
    if not requested:
        raise PreventUpdate
    return page.winner(state.one_year(year, year_span()), normalize_lang(lang), auth.viewer()) or "–"
