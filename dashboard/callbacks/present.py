"""The presentation's one server callback: reveal the winners, one prize per press of R."""

from __future__ import annotations

from dash import Input, Output, State, callback
from dash.exceptions import PreventUpdate

from dashboard import auth, state
from dashboard.callbacks.guard import guarded
from dashboard.db import year_span
from dashboard.i18n import normalize_lang, t
from dashboard.pages import present as page


def _step(requested: object) -> int:
    """How many prizes to show: the number of presses of R (0 to 2); anything else shows none."""
    try:
        return min(max(int(str(requested)), 0), len(page.PRIZES))
    except ValueError:
        return 0


@callback(output=Output(page.WINNER, "children"), inputs=dict(requested=Input(page.REVEAL, "data")),
          state=dict(year=State(page.YEAR, "data"), lang=State(page.LANG, "data"), order=State(page.ORDER, "data")),
          prevent_initial_call=True)
@guarded(lambda lang: t("error.db.title", lang))
def reveal(requested: object, year: object, lang: object, order: object = None):
    if requested is None:
        raise PreventUpdate
    prizes = page.parse_reveal(",".join(map(str, order)) if isinstance(order, list) else order)
    return page.winner(state.one_year(year, year_span()), normalize_lang(lang), auth.viewer(),
                       step=_step(requested), order=prizes) or "–"
