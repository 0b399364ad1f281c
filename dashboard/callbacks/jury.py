"""Callbacks of the jury page. Every one refuses (403) anyone but the jury and admins first; every
write goes through ``scores.store``, whose rules (round, conflict, submitted sheet, the prize's
criteria, the finalists, whole scores 1–10) are checked on the server whatever the browser sends."""

from __future__ import annotations

import functools
import io
import logging
import sqlite3

from dash import ALL, MATCH, ClientsideFunction, Input, Output, State, callback, clientside_callback, ctx, dcc, no_update
from dash.exceptions import PreventUpdate

from dashboard import auth, csv_export
from dashboard.callbacks.guard import guarded
from dashboard.components.shell import LANG_LINKS
from dashboard.db import year_span
from dashboard.i18n import LANGS, normalize_lang, t
from dashboard.pages import jury as page
from dashboard.scores import store

log = logging.getLogger(__name__)

LANG = dict(lang=State(page.LANG, "data"))
CHOICE = dict(year=State(page.YEAR, "value"), prize=State(page.PRIZE, "value"))  # copy: dict(CHOICE)


def _allowed() -> None:
    auth.require(*page.ROLES)


def scores_file(fallback):
    """A scores file that cannot be read or written (locked past the wait, a full disk, damage)
    becomes a line that says so, logged as an error, never a refused request."""

    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args: object, **kwargs: object) -> object:
            try:
                return fn(*args, **kwargs)
            except sqlite3.Error as exc:
                log.error("scores file %s: %s: %s", page.scores_db(), fn.__name__, exc)
                return fallback(normalize_lang(kwargs.get("lang")))

        return wrapper

    return decorate


def _storage(lang: str) -> str:
    return t("jury.refused.storage", lang)


def _selection(year: object, prize: object, tab: object = None) -> page.Selection:
    return page.selection(year, prize, tab, year_span())


@callback(output=dict(view=Output(page.VIEW, "children"), status=Output(page.STATUS, "children")),
          inputs=dict(year=Input(page.YEAR, "value"), prize=Input(page.PRIZE, "value"),
                      tab=Input(page.TABS, "active_tab"), version=Input(page.VERSION, "data")),
          state=dict(LANG), prevent_initial_call=True)
@guarded(lambda lang: {"view": t("error.db.title", lang), "status": no_update})
@scores_file(lambda lang: {"view": _storage(lang), "status": no_update})
def view(year: object, prize: object, tab: object, version: object, lang: object) -> dict:
    """The chosen tab for the year and prize, drawn again after every action."""
    _allowed()
    lang = normalize_lang(lang)
    s = _selection(year, prize, tab)
    return {"view": page.view(s, lang), "status": page.status_line(s, lang)}


@callback(output=Output({"type": page.SAVED, "org": MATCH, "criterion": MATCH}, "children"),
          inputs=dict(score=Input({"type": page.SCORE, "org": MATCH, "criterion": MATCH}, "value"),
                      blur=Input({"type": page.COMMENT, "org": MATCH, "criterion": MATCH}, "n_blur")),
          state=dict(comment=State({"type": page.COMMENT, "org": MATCH, "criterion": MATCH}, "value"),
                     **CHOICE, **LANG), prevent_initial_call=True)
@guarded(lambda lang: t("error.db.title", lang))
@scores_file(lambda lang: t("jury.not_saved", lang, reason=_storage(lang)))
def save(score: object, blur: object, comment: object, year: object, prize: object, lang: object) -> str:
    """One cell of the sheet, saved as it is typed (the score) or left (the comment): "saved", or
    why not. The cell's company and criterion are the input's id, checked like any value."""
    _allowed()
    lang = normalize_lang(lang)
    cell = ctx.outputs_list["id"] if isinstance(ctx.outputs_list, dict) else {}
    s = _selection(year, prize)
    if (year, prize) != (s.year, s.prize):  # a write goes where it was asked to, or nowhere
        return t("jury.not_saved", lang, reason=t("jury.refused.choice", lang))
    org, criterion = cell.get("org"), cell.get("criterion")
    if not isinstance(org, str) or not isinstance(criterion, str):
        return t("jury.not_saved", lang, reason=t("jury.refused.finalist", lang))
    juror = auth.user_name()
    key = store.Key(juror, s.year, s.prize, org, criterion)
    try:
        # the score when it was typed, the comment when it was left: one field each, so that two
        # requests in flight for one cell cannot write back the other's old value
        typed = any(p.endswith(".value") for p in ctx.triggered_prop_ids)
        store.put(page.scores_db(), key, score if typed else store.KEEP, store.KEEP if typed else comment,
                  juror, page.finalists_of_year(s))
    except store.Refused as exc:
        return t("jury.not_saved", lang, reason=page.refusal(exc, lang))
    return t("jury.saved", lang)


@callback(output=dict(version=Output(page.VERSION, "data"), message=Output(page.MESSAGE, "children")),
          inputs=dict(actions=Input({"type": page.ACTION, "action": ALL}, "n_clicks"),
                      conflicts=Input({"type": page.CONFLICT, "org": ALL}, "value")),
          state=dict(version=State(page.VERSION, "data"), **CHOICE, **LANG), prevent_initial_call=True)
@guarded(lambda lang: {"version": no_update, "message": t("error.db.title", lang)})
@scores_file(lambda lang: {"version": no_update, "message": t("jury.not_done", lang, reason=_storage(lang))})
def act(actions: object, conflicts: object, version: object, year: object, prize: object, lang: object) -> dict:
    """Submit or reopen the sheet, declare or withdraw a conflict, open or close the round (the
    chair's): then the view is drawn again (``VERSION``) with a line saying what happened."""
    _allowed()
    lang = normalize_lang(lang)
    trigger = ctx.triggered_id
    if not isinstance(trigger, dict) or not ctx.triggered:
        raise PreventUpdate
    if trigger.get("type") == page.ACTION and not ctx.triggered[0].get("value"):
        raise PreventUpdate  # a button drawn anew (n_clicks None), not pressed
    s = _selection(year, prize)
    juror, path = auth.user_name(), page.scores_db()
    finalists = page.finalists_of_year(s)
    try:
        if trigger.get("type") == page.CONFLICT:
            org = trigger.get("org")
            if not isinstance(org, str):
                raise store.Refused("finalist")
            value = ctx.triggered[0].get("value")
            if isinstance(value, list) and "conflict" in value:
                changed = store.declare_conflict(path, juror, s.year, s.prize, org, "", juror, finalists)
                message = t("jury.conflict.declared", lang)
            else:
                changed = store.withdraw_conflict(path, juror, s.year, s.prize, org, juror)
                message = t("jury.conflict.withdrawn", lang)
            if not changed:  # as stored already (a checkbox drawn anew): nothing to draw again
                raise PreventUpdate
        elif trigger.get("action") == "submit":
            store.submit(path, juror, s.year, s.prize, finalists, juror)
            message = t("jury.submitted.now", lang)
        elif trigger.get("action") == "reopen":
            store.reopen(path, juror, s.year, s.prize, juror)
            message = t("jury.reopened", lang)
        elif trigger.get("action") in ("open", "close"):
            if not page.is_chair():
                auth.require("admin")
            state = "open" if trigger["action"] == "open" else "closed"
            store.set_round(path, s.year, s.prize, state, juror)
            message = t(f"jury.round.now_{state}", lang)
        else:
            raise PreventUpdate
    except store.Refused as exc:
        return {"version": no_update, "message": t("jury.not_done", lang, reason=page.refusal(exc, lang))}
    return {"version": (version if isinstance(version, int) else 0) + 1, "message": message}


@callback(output=Output(page.DOWNLOAD, "data"),
          inputs=dict(clicks=Input({"type": page.EXPORT, "format": ALL}, "n_clicks")),
          state=dict(**CHOICE, **LANG), prevent_initial_call=True)
@guarded(lambda lang: no_update)
@scores_file(lambda lang: no_update)
def export(clicks: object, year: object, prize: object, lang: object):
    """The consensus table for the minutes, as CSV or xlsx: for the chair, and for jurors once the
    round is closed (as the page shows it)."""
    _allowed()
    lang = normalize_lang(lang)
    trigger = ctx.triggered_id
    if not isinstance(trigger, dict) or not ctx.triggered or not ctx.triggered[0].get("value"):
        raise PreventUpdate
    s = _selection(year, prize)
    if trigger.get("format") == "scores":  # every juror's every score and comment: the chair's
        if not page.is_chair():
            auth.require("admin")
        return dcc.send_string(csv_export.to_csv(page.scores_frame(s, lang), lang),
                               f"jury-scores-{s.prize}-{s.year}.csv")
    if not page.may_see_consensus(store.state_of(page.scores_db(), s.year, s.prize)):
        auth.require("admin")
    f = page.finalists_of(s)
    frame = page.consensus_frame(page.consensus_of(s, f)[0], f, lang)
    name = f"jury-consensus-{s.prize}-{s.year}"
    if trigger.get("format") == "xlsx":
        buffer = io.BytesIO()
        frame.to_excel(buffer, index=False, sheet_name=t("jury.tab.consensus", lang)[:31])
        return dcc.send_bytes(buffer.getvalue(), f"{name}.xlsx")
    return dcc.send_string(csv_export.to_csv(frame, lang), f"{name}.csv")


clientside_callback(
    ClientsideFunction(namespace="dashboard", function_name="print"),
    Output(page.PRINT, "n_clicks"), Input(page.PRINT, "n_clicks"), prevent_initial_call=True,
)


@callback(output=[Output(page.ADDRESS, "data"),
                  *(Output(link, "href", allow_duplicate=True) for link in LANG_LINKS.values())],
          inputs=dict(year=Input(page.YEAR, "value"), prize=Input(page.PRIZE, "value"),
                      tab=Input(page.TABS, "active_tab")),
          state=dict(LANG), prevent_initial_call=True)
def address(year: object, prize: object, tab: object, lang: object):
    """The page's address and language links for the year, prize and tab shown."""
    _allowed()
    span, lang = year_span(), normalize_lang(lang)
    s = _selection(year, prize, tab)
    return tuple(page.address(s, language, span) for language in (lang, *LANGS))


clientside_callback(
    ClientsideFunction(namespace="dashboard", function_name="pushAddress"),
    Input(page.ADDRESS, "data"),
)
