"""Jury, page ``/jury``: each juror's score sheet, the chair's round, and the consensus beside
the data. For the jury and admin roles only: anyone else gets 403, from the page (``guard``) and
from every callback.

``?year=2025&prize=special&tab=consensus&lang=en`` (the year only when it is not the last).

- **My sheet**: the year's finalists for the prize, each with its compare-page figures beside
  every criterion of the prize, a score from 1 to 10 with what 2, 5 and 8 mean, and a comment.
  A score and a comment are saved when the juror leaves the field (Tab, Enter or a click); "submit" marks the sheet
  done (every cell scored), "edit again" takes it back while the round is open. A conflict of
  interest is declared per finalist: its scores go, and no more are taken.
- **Consensus**: for the chair (admin) always, for jurors once the chair closes the round; until
  then a juror sees only their own scores, so that no one anchors on the others.
- **Round** (the chair's): open and close the round, each juror's progress, the declared
  conflicts and the audit log.

With access control off (the demo), the visitor is the chair and scores as ``auth.OPEN_USER``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html
from flask import abort, current_app, request

from dashboard import auth, dimensions, figures, state, users
from dashboard.components.loading import loading
from dashboard.components.shell import page_layout
from dashboard.db import cached, year_span
from dashboard.i18n import fmt_date, fmt_number, t, tn
from dashboard.kpis import Criterion, criteria_for, kpis_for
from dashboard.pages import compare
from dashboard.scores import consensus as cs
from dashboard.scores import store
from dashboard.scores.finalists import finalists
from dashboard.scores.rubric import anchors
from dashboard.years import Span

PATH = "/jury"
ROLES = ("jury", "admin")  # who may open the page; the chair is an admin
LANG = "jury-lang"
ADDRESS = "jury-address"
YEAR = "jury-year"
PRIZE = "jury-prize"
TABS = "jury-tabs"
VIEW = "jury-view"
STATUS = "jury-status"  # the line under the title: who scores, the round's state
VERSION = "jury-version"  # store: bumped by every action, so the view is drawn again
MESSAGE = "jury-message"
SCORE = "jury-score"  # dict ids {"type": SCORE, "org": org_nr, "criterion": id}
COMMENT = "jury-comment"
SAVED = "jury-saved"
CONFLICT = "jury-conflict"  # {"type": CONFLICT, "org": org_nr}
ACTION = "jury-action"  # {"type": ACTION, "action": submit | reopen | open | close}
EXPORT = "jury-export"  # {"type": EXPORT, "format": csv | xlsx}
DOWNLOAD = "jury-download"
PRINT = "jury-print"
TAB_IDS = ("sheet", "consensus", "round")
PAGE_REASONS = ("choice", "storage")  # refusals of the page's own, beside the store's (jury.refused.*)
AUDIT_ROWS = 100  # the latest changes the chair sees on the page (the file keeps every one)


def guard() -> None:
    """Refuse the page's address (403) to anyone but the jury and admins, before Dash serves it."""
    if request.path.rstrip("/") == PATH and auth.role() not in (*ROLES, "open"):
        abort(403)


def scores_db():
    return current_app.config["SCORES_DB"]


@dataclass(frozen=True)
class Selection:
    year: int
    prize: str
    tab: str = "sheet"

    def query(self, lang: str, span: Span) -> dict[str, str]:
        return {"year": str(self.year) if self.year != span.last else "",
                "prize": self.prize if self.prize != "main" else "",
                "tab": self.tab if self.tab != "sheet" else "", "lang": lang}


def selection(year: object, prize: object, tab: object, span: Span) -> Selection:
    """A selection from raw values (address or widgets), validated: the year within ``span``
    (its last by default), the prize main or special, a known tab."""
    s = state.build_compare(year, prize, None, None, span=span)
    return Selection(s.year, s.prize, tab if tab in TAB_IDS else "sheet")


def address(s: Selection, lang: str, span: Span) -> str:
    from dashboard.components.shell import href

    return href(PATH, lang, s.query(lang, span))


# --- what a view is drawn from ------------------------------------------------------------------

@dataclass(frozen=True)
class Finalists:
    """The year's finalists for the prize, their compare-page figures and the data's ranking."""

    frame: pd.DataFrame  # org_nr, name, county, sector
    pct: pd.DataFrame  # compare.comparison's KPI rows
    data_scores: dict[str, dict[str, float | None]]  # org -> criterion -> 0–100
    data_ranks: dict[str, int | None]

    @property
    def orgs(self) -> list[str]:
        return self.frame["org_nr"].tolist()

    def name(self, org: str) -> str:
        names = dict(zip(self.frame["org_nr"], self.frame["name"]))
        return names.get(org, org)


@cached(maxsize=64)
def finalists_of_year(s: Selection) -> tuple[str, ...]:
    """The organisation numbers of the finalists a write may name (asked once per database file:
    every saved cell checks them)."""
    return tuple(finalists(s.year, s.prize)["org_nr"])


def finalists_of(s: Selection) -> Finalists:
    frame = finalists(s.year, s.prize)
    cs_state = state.CompareState(s.year, s.prize, companies=tuple(frame["org_nr"]))
    companies, pct = compare.comparison(cs_state) if len(frame) else (pd.DataFrame(columns=["org_nr", "name"]),
                                                                      pd.DataFrame(columns=["org_nr", *compare.PCT_COLUMNS]))
    scored = compare.scores_store(companies, pct, s.prize, s.year)
    ranked = compare.ranked(scored, state.weights_for(s.prize, {}))  # the compare page's default weights
    return Finalists(frame, pct, {c["org_nr"]: c["scores"] for c in scored["companies"]},
                     {r["org_nr"]: r["rank"] for r in ranked})


def is_chair() -> bool:
    return auth.role() in ("admin", "open")


def round_text(round_state: str, lang: str) -> str:
    return t(f"jury.round.{round_state}", lang)


def when(stamp: str, lang: str, seconds: bool = False) -> str:
    """A stored time (ISO 8601, UTC) as the language writes a date, and the time of day in UTC."""
    moment = datetime.fromisoformat(stamp)
    return f"{fmt_date(moment, lang)} {moment:%H:%M:%S}" if seconds else f"{fmt_date(moment, lang)} {moment:%H:%M}"


def refusal(exc: store.Refused, lang: str) -> str:
    if exc.reason == "incomplete":
        return tn("jury.incomplete", int(exc.detail), lang)
    return t(f"jury.refused.{exc.reason}", lang)


# --- my sheet ---------------------------------------------------------------------------------

def _anchor_line(prize: str, c: Criterion, lang: str) -> html.Ul:
    """What 2, 5 and 8 mean on the criterion, one line each."""
    return html.Ul([html.Li([html.B(str(a.score)), " ", a.text(lang)]) for a in anchors(prize, c.id)],
                   className="jury-anchors text-muted")


def _evidence(f: Finalists, org: str, c: Criterion, lang: str) -> list:
    """What the data says on a criterion: the data's score (0–100) and each KPI with its value and
    percentile among the nominees, as on the compare page; judgement criteria say so."""
    if not c.measurable:
        return [html.Span(t("jury.judgement", lang), className="text-muted")]
    score = f.data_scores.get(org, {}).get(c.id)
    rows = {r["kpi"]: r for r in f.pct[f.pct["org_nr"] == org].to_dict("records")}
    items = []
    for k in kpis_for(c.id):
        r = rows.get(k.id)
        if r is None or pd.isna(r["value"]):
            continue
        pct = "" if pd.isna(r["nominee_pct"]) else " · " + t("jury.pct", lang, pct=fmt_number(r["nominee_pct"], lang, 0))
        items.append(html.Li(f"{k.label(lang)}: {fmt_number(r['value'], lang, k.decimals)} {k.unit(lang)}{pct}"))
    head = t("jury.data_score", lang, score=fmt_number(score, lang, 0)) if score is not None else t("jury.no_data", lang)
    return [html.Strong(head), html.Ul(items, className="jury-kpis") if items else None]


def _hidden_label(component_id: dict, text: str) -> html.Label:
    """A label for a screen reader, tied to a component with a dict id (as Dash writes it in the page)."""
    return html.Label(text, htmlFor=json.dumps(component_id, sort_keys=True, separators=(",", ":")),
                      className="visually-hidden")


def _sheet_card(f: Finalists, org: str, s: Selection, cells: dict, conflicted: bool, writable: bool,
                lang: str) -> html.Section:
    row = f.frame[f.frame["org_nr"] == org].iloc[0]
    criteria = criteria_for(s.prize)
    body = []
    for c in criteria:
        score, comment = cells.get((org, c.id), (None, ""))
        cell = {"org": org, "criterion": c.id}
        label = f"{c.label(lang)} – {row['name']}"
        body.append(html.Tr([
            html.Th([html.Span(c.label(lang), className="jury-criterion"), html.Br(), _anchor_line(s.prize, c, lang)],
                    scope="row"),
            html.Td(_evidence(f, org, c, lang), className="jury-evidence"),
            html.Td([_hidden_label({"type": SCORE, **cell}, t("jury.score.label", lang, what=label)),
                     dcc.Input(id={"type": SCORE, **cell}, type="number", min=store.LOWEST, max=store.HIGHEST, step=1,
                               value=score, debounce=True, disabled=not writable, inputMode="numeric",
                               className="form-control jury-score-input")], className="jury-score"),
            html.Td([_hidden_label({"type": COMMENT, **cell}, t("jury.comment.label", lang, what=label)),
                     dcc.Textarea(id={"type": COMMENT, **cell}, value=comment, rows=2, maxLength=store.MAX_COMMENT,
                                  disabled=not writable, className="form-control jury-comment-input")],
                    className="jury-comment"),
            html.Td(html.Span(id={"type": SAVED, **cell}, className="jury-saved", role="status"), className="jury-state"),
        ]))
    head = html.Thead(html.Tr([html.Th(t(k, lang), scope="col") for k in
                               ("jury.col.criterion", "jury.col.data", "jury.col.score", "jury.col.comment", "jury.col.saved")]))
    rank = f.data_ranks.get(org)
    where = f"{dimensions.sector_name(row['sector'], lang)} · {dimensions.county_name(row['county'], lang)}"
    return html.Section([
        html.Div([
            html.H3([row["name"], " ", html.Small(f"{org} · {where}", className="text-muted")], className="h5"),
            html.Small(t("jury.data_rank", lang, rank=rank, n=len(f.orgs)) if rank else "", className="text-muted"),
        ], className="jury-card-head"),
        dcc.Checklist(id={"type": CONFLICT, "org": org}, value=["conflict"] if conflicted else [],
                      options=[{"label": " " + t("jury.conflict.declare", lang, name=row["name"]), "value": "conflict"}],
                      className="jury-conflict", inputClassName="form-check-input me-1"),
        html.P(t("jury.conflict.note", lang), className="alert alert-secondary py-1") if conflicted else None,
        None if conflicted else dbc.Table([head, html.Tbody(body)], size="sm", className="jury-sheet-table"),
    ], className="chart-panel jury-card", id=f"jury-card-{org}")


def sheet_view(s: Selection, f: Finalists, lang: str) -> list:
    juror = auth.user_name()
    path = scores_db()
    with store.reading(path) as con:
        round_state = store.round_state(con, s.year, s.prize)
        gaps = store.missing(con, juror, s.year, s.prize, f.orgs)
    cells = store.sheet(path, juror, s.year, s.prize)
    conflicted = {org for j, org, _, _ in store.conflicts(path, s.year) if j == juror}
    done = store.submitted_at(path, juror, s.year, s.prize)
    writable = round_state == "open" and not done
    total = sum(len(criteria_for(s.prize)) for org in f.orgs if org not in conflicted)
    progress = t("jury.progress", lang, done=total - len(gaps), total=total)
    if done:
        note = dbc.Alert(t("jury.submitted", lang, at=when(done, lang)), color="success", className="py-2")
    elif round_state != "open":
        hint = " " + t("jury.open_hint", lang) if is_chair() else ""
        note = dbc.Alert(t(f"jury.closed_note.{round_state}", lang) + hint, color="warning", className="py-2")
    else:
        note = html.P(t("jury.sheet.help", lang), className="table-note")
    # enabled while the sheet can be written to: a sheet with gaps is refused with their number
    actions = [html.Button(t("jury.submit", lang), id={"type": ACTION, "action": "submit"}, className="btn btn-primary",
                           disabled=not writable)]
    if done and round_state == "open":
        actions.append(html.Button(t("jury.reopen", lang), id={"type": ACTION, "action": "reopen"},
                                   className="btn btn-outline-secondary"))
    if not f.orgs:
        return [html.P(t("jury.no_finalists", lang, year=s.year), className="text-muted", id="jury-empty")]
    return [
        note,
        *[_sheet_card(f, org, s, cells, org in conflicted, writable and org not in conflicted, lang) for org in f.orgs],
        html.Div([html.Span(progress, className="jury-progress", id="jury-progress"), *actions],
                 className="jury-submit-bar"),
    ]


# --- consensus --------------------------------------------------------------------------------

def may_see_consensus(round_state: str) -> bool:
    return is_chair() or round_state == "closed"


def consensus_of(s: Selection, f: Finalists) -> tuple[cs.Consensus, list[store.Score]]:
    cells = [sc for sc in store.scores(scores_db(), s.year, s.prize) if sc.score is not None]
    return cs.consensus([(c.juror, c.org_nr, c.criterion, c.score) for c in cells], f.orgs), cells


def _n(value: float | None, lang: str, decimals: int = 2) -> str:
    return "–" if value is None else fmt_number(value, lang, decimals)


def _rank(value: int | None) -> str:
    return "–" if value is None else str(value)


# The consensus table's columns, as the page heads them (each with a help text on hover); the
# downloads write "range" as two columns, min and max.
CONSENSUS_COLUMNS = ("rank", "finalist", "jurors", "mean", "median", "trimmed", "sd", "range", "rank_median",
                     "rank_trimmed", "normalised", "rank_normalised", "data_rank", "difference")
SPREAD_COLUMNS = ("mean", "median", "trimmed", "sd", "low", "high")


def consensus_rows(c: cs.Consensus, f: Finalists, lang: str) -> list[dict]:
    """The consensus table as the page shows it (and the CSV and xlsx write it): one row per
    finalist, best mean first; numbers to two decimals, the normalised figure in z units."""
    beside, _ = cs.beside_data({r.org_nr: r.rank_mean for r in c.finalists}, f.data_ranks)
    diff = {b.org_nr: b.difference for b in beside}
    return [{
        "rank": r.rank_mean, "finalist": f.name(r.org_nr), "org_nr": r.org_nr, "jurors": r.jurors,
        "mean": r.mean, "median": r.median, "trimmed": r.trimmed, "sd": r.sd, "low": r.low, "high": r.high,
        "rank_median": r.rank_median, "rank_trimmed": r.rank_trimmed, "normalised": r.normalised,
        "rank_normalised": r.rank_normalised, "data_rank": f.data_ranks.get(r.org_nr), "difference": diff[r.org_nr],
    } for r in c.finalists]


def consensus_frame(c: cs.Consensus, f: Finalists, lang: str) -> pd.DataFrame:
    """The consensus table for the minutes (CSV and xlsx), headed in ``lang``, rounded as shown."""
    rows = consensus_rows(c, f, lang)
    r2 = lambda v: None if v is None else round(v, 2)  # noqa: E731
    return pd.DataFrame({
        t("jury.col.rank", lang): pd.array([r["rank"] for r in rows], dtype="Int64"),
        t("jury.col.finalist", lang): [r["finalist"] for r in rows],
        t("col.org_nr", lang): [r["org_nr"] for r in rows],
        t("jury.col.jurors", lang): pd.array([r["jurors"] for r in rows], dtype="Int64"),
        **{t(f"jury.col.{k}", lang): pd.array([r2(r[k]) for r in rows], dtype="Float64")
           for k in SPREAD_COLUMNS},
        t("jury.col.rank_median", lang): pd.array([r["rank_median"] for r in rows], dtype="Int64"),
        t("jury.col.rank_trimmed", lang): pd.array([r["rank_trimmed"] for r in rows], dtype="Int64"),
        t("jury.col.normalised", lang): pd.array([r2(r["normalised"]) for r in rows], dtype="Float64"),
        t("jury.col.rank_normalised", lang): pd.array([r["rank_normalised"] for r in rows], dtype="Int64"),
        t("jury.col.data_rank", lang): pd.array([r["data_rank"] for r in rows], dtype="Int64"),
        t("jury.col.difference", lang): pd.array([r["difference"] for r in rows], dtype="Int64"),
    })


def _consensus_table(c: cs.Consensus, f: Finalists, lang: str) -> dbc.Table:
    head = html.Thead(html.Tr([html.Th(t(f"jury.col.{k}", lang), scope="col", className="" if k in ("rank", "finalist") else "num",
                                       title=t(f"jury.col.{k}.help", lang)) for k in CONSENSUS_COLUMNS]))
    body = []
    for r in consensus_rows(c, f, lang):
        d = r["difference"]
        body.append(html.Tr([
            html.Td(_rank(r["rank"]), className="rank"), html.Th(r["finalist"], scope="row"),
            html.Td(str(r["jurors"]), className="num"),
            *[html.Td(_n(r[k], lang), className="num") for k in ("mean", "median", "trimmed", "sd")],
            html.Td("–" if r["low"] is None else f"{_n(r['low'], lang)}–{_n(r['high'], lang)}", className="num"),
            html.Td(_rank(r["rank_median"]), className="num"), html.Td(_rank(r["rank_trimmed"]), className="num"),
            html.Td(_n(r["normalised"], lang), className="num"), html.Td(_rank(r["rank_normalised"]), className="num"),
            html.Td(_rank(r["data_rank"]), className="num"),
            html.Td("–" if d is None else fmt_number(d, lang, 0, signed=bool(d)), className="num"),
        ]))
    return dbc.Table([head, html.Tbody(body)], size="sm", striped=True, className="jury-consensus-table")


def heat_table(c: cs.Consensus, f: Finalists, prize: str, lang: str) -> dbc.Table:
    """The heat map, criterion × finalist: the jurors' mean score in each cell, its colour from the
    1–10 scale (light to dark blue; every colour pair passes WCAG AA). A table rather than a chart:
    every number is readable, on screen and on paper, and by a screen reader."""
    criteria = criteria_for(prize)
    head = html.Thead(html.Tr([html.Th(t("jury.col.criterion", lang), scope="col"),
                               *[html.Th(f.name(r.org_nr), scope="col", className="num") for r in c.finalists]]))
    rows = []
    for cr in criteria:
        cells = []
        for r in c.finalists:
            v = c.heat.get((cr.id, r.org_nr))
            if v is None:
                cells.append(html.Td("–", className="num heat-cell"))
                continue
            bg, fg = figures.scale_cell((v - store.LOWEST) / (store.HIGHEST - store.LOWEST))
            cells.append(html.Td(fmt_number(v, lang, 1), className="num heat-cell",
                                 style={"backgroundColor": bg, "color": fg}))
        rows.append(html.Tr([html.Th(cr.label(lang, short=True), scope="row", title=cr.label(lang)), *cells]))
    return dbc.Table([head, html.Tbody(rows)], size="sm", bordered=True, className="jury-heat")


def _agreement_line(c: cs.Consensus, lang: str) -> str:
    a = c.agreement
    if a.w is None:
        return t("jury.agreement.none", lang, n=a.jurors)
    return t("jury.agreement", lang, w=fmt_number(a.w, lang, 2), band=t(f"jury.agreement.{cs.agreement_band(a.w)}", lang),
             n=a.jurors, of=a.of_jurors)


def _agenda(c: cs.Consensus, f: Finalists, prize: str, lang: str) -> html.Div:
    labels = {cr.id: cr.label(lang, short=True) for cr in criteria_for(prize)}
    if not c.disagreements:
        return html.P(t("jury.agenda.none", lang, points=cs.DISAGREEMENT), className="text-muted")
    return html.Ol([html.Li([
        html.Strong(f"{f.name(d.org_nr)} – {labels.get(d.criterion, d.criterion)}: "),
        t("jury.agenda.item", lang, low=d.low, high=d.high, scores=", ".join(f"{j} {s}" for j, s in d.scores)),
    ]) for d in c.disagreements], className="jury-agenda")


def _callouts(c: cs.Consensus, f: Finalists, lang: str) -> html.Div:
    _, called = cs.beside_data({r.org_nr: r.rank_mean for r in c.finalists}, f.data_ranks)
    if not called:
        return html.P(t("jury.beside.agree", lang), className="jury-callout")
    return html.Ul([html.Li(t("jury.beside.item", lang, name=f.name(b.org_nr), jury=b.jury_rank, data=b.data_rank))
                    for b in called], className="jury-callout")


def consensus_view(s: Selection, f: Finalists, lang: str) -> list:
    path = scores_db()
    round_state = store.state_of(path, s.year, s.prize)
    if not may_see_consensus(round_state):
        return [dbc.Alert(t("jury.consensus.wait", lang), color="info", id="jury-consensus-wait")]
    c, cells = consensus_of(s, f)
    if not cells:
        return [html.P(t("jury.consensus.empty", lang), className="text-muted", id="jury-consensus-empty")]
    return [
        html.Div([
            html.P(t("jury.print.title", lang, award=t("app.title", lang), prize=t(f"prize.{s.prize}", lang), year=s.year),
                   className="print-only print-title-line"),
            html.Div([html.H2(t("jury.consensus.title", lang, year=s.year, prize=t(f"prize.{s.prize}", lang)), className="h5"),
                      html.Div([html.Button(t("jury.export.csv", lang), id={"type": EXPORT, "format": "csv"},
                                            className="btn btn-outline-primary btn-sm"),
                                html.Button(t("jury.export.xlsx", lang), id={"type": EXPORT, "format": "xlsx"},
                                            className="btn btn-outline-primary btn-sm"),
                                html.Button(t("jury.print", lang), id=PRINT, className="btn btn-outline-secondary btn-sm")],
                               className="panel-buttons")], className="panel-head"),
            html.P([round_text(round_state, lang), " · ", tn("jury.jurors", len(c.jurors), lang), " (",
                    tn("jury.sheets_submitted", len(store.sheets_submitted(path, s.year, s.prize)), lang), ") · ",
                    _agreement_line(c, lang)], className="jury-agreement", id="jury-agreement"),
            html.Div(_consensus_table(c, f, lang), className="ranking-scroll"),
            html.P(t("jury.consensus.rule", lang), className="table-note"),
        ], className="chart-panel"),
        html.Section([html.H2(t("jury.beside.title", lang), className="h5"), _callouts(c, f, lang),
                      html.P(t("jury.beside.rule", lang), className="table-note")], className="chart-panel"),
        html.Section([html.H2(t("jury.heat.title", lang), className="h5"),
                      html.Div(heat_table(c, f, s.prize, lang), className="ranking-scroll"),
                      html.P(t("jury.heat.note", lang), className="table-note")], className="chart-panel"),
        html.Section([html.H2(t("jury.agenda.title", lang, points=cs.DISAGREEMENT), className="h5"),
                      _agenda(c, f, s.prize, lang)], className="chart-panel jury-agenda-panel"),
    ]


# --- the chair's round ------------------------------------------------------------------------

def jurors(cells: list[store.Score]) -> list[str]:
    """Who is expected to score: every user with the jury role, and anyone who has scored (``cells``)."""
    listed = [u.name for u in users.listing(current_app.config["USERS_DB"]) if u.role == "jury"] \
        if current_app.config.get("DASHBOARD_AUTH") else []
    scored = {sc.juror for sc in cells}
    return sorted({*listed, *scored, *([auth.user_name()] if auth.role() == "open" else [])})


def round_view(s: Selection, f: Finalists, lang: str) -> list:
    if not is_chair():
        return [dbc.Alert(t("auth.forbidden", lang), color="warning")]
    path = scores_db()
    round_state = store.state_of(path, s.year, s.prize)
    cells = store.scores(path, s.year, s.prize)
    done = store.sheets_submitted(path, s.year, s.prize)
    conflicts = [c for c in store.conflicts(path, s.year) if c[1] in f.orgs]
    per_juror = len(criteria_for(s.prize))
    buttons = [html.Button(t("jury.round.open_button" if round_state != "closed" else "jury.round.reopen_button", lang),
                           id={"type": ACTION, "action": "open"}, className="btn btn-primary",
                           disabled=round_state == "open"),
               html.Button(t("jury.round.close_button", lang), id={"type": ACTION, "action": "close"},
                           className="btn btn-outline-danger", disabled=round_state != "open")]
    progress = []
    for j in jurors(cells):
        own_conflicts = sum(1 for c in conflicts if c[0] == j)
        total = per_juror * (len(f.orgs) - own_conflicts)
        scored = sum(1 for c in cells if c.juror == j and c.score is not None)
        progress.append(html.Tr([html.Th(j, scope="row"), html.Td(f"{scored}/{total}", className="num"),
                                 html.Td(t("jury.submitted.short", lang, at=when(done[j], lang)) if j in done else t("jury.draft", lang)),
                                 html.Td(str(own_conflicts), className="num")]))
    audit = store.audit(path, s.year, s.prize, AUDIT_ROWS)
    labels = {c.id: c.label(lang, short=True) for c in criteria_for(s.prize)}
    every = scores_frame(s, lang, f, cells)
    return [
        html.Section([html.H2(t("jury.round.title", lang), className="h5"),
                      html.P(round_text(round_state, lang), id="jury-round-state"),
                      html.Div(buttons, className="panel-buttons"),
                      html.P(t("jury.round.help", lang), className="table-note")], className="chart-panel"),
        html.Section([html.H2(t("jury.progress.title", lang), className="h5"),
                      dbc.Table([html.Thead(html.Tr([html.Th(t(k, lang), scope="col") for k in (
                          "jury.col.juror", "jury.col.scored", "jury.col.sheet", "jury.col.conflicts")])),
                                 html.Tbody(progress)], size="sm", id="jury-progress-table")], className="chart-panel"),
        html.Section([html.H2(t("jury.conflicts.title", lang), className="h5"),
                      dbc.Table([html.Thead(html.Tr([html.Th(t(k, lang), scope="col") for k in (
                          "jury.col.juror", "jury.col.finalist", "jury.col.reason", "jury.col.when")])),
                                 html.Tbody([html.Tr([html.Td(j), html.Td(f.name(org)), html.Td(reason or "–"),
                                                      html.Td(when(at, lang))])
                                             for j, org, reason, at in conflicts])], size="sm", id="jury-conflicts")
                      if conflicts else html.P(t("jury.conflicts.none", lang), className="text-muted")],
                     className="chart-panel"),
        html.Section([
            html.Div([html.H2(t("jury.scores.title", lang), className="h5"),
                      html.Div(html.Button(t("jury.scores.download", lang), id={"type": EXPORT, "format": "scores"},
                                           className="btn btn-outline-primary btn-sm"), className="panel-buttons")],
                     className="panel-head"),
            html.Div(dbc.Table.from_dataframe(every.astype(object).where(every.notna(), "–"), size="sm", striped=True,
                                              className="jury-every"),
                     className="jury-every-scroll") if len(every) else
            html.P(t("jury.scores.none", lang), className="text-muted"),
        ], className="chart-panel"),
        html.Section([html.H2(tn("jury.audit.title", min(len(audit), AUDIT_ROWS), lang), className="h5"),
                      html.Div(dbc.Table([html.Thead(html.Tr([html.Th(t(k, lang), scope="col") for k in (
                          "jury.col.when", "jury.col.by", "jury.col.juror", "jury.col.what", "jury.col.finalist",
                          "jury.col.criterion", "jury.col.change")])),
                          html.Tbody([html.Tr([html.Td(when(at, lang, seconds=True)), html.Td(actor), html.Td(juror or "–"),
                                               html.Td(t(f"jury.audit.{action}", lang)),
                                               html.Td(f.name(org) if org else "–"),
                                               html.Td(labels.get(crit, crit) if crit else "–"),
                                               html.Td(f"{_shown(old)} → {_shown(new)}")])
                                      for at, actor, juror, action, org, crit, old, new in audit])],
                          size="sm", className="jury-audit"), className="ranking-scroll")], className="chart-panel"),
    ]


def scores_frame(s: Selection, lang: str, f: Finalists | None = None,
                 cells: list[store.Score] | None = None) -> pd.DataFrame:
    """Every juror's score and comment of the year and prize (conflicts keep none; ``cells`` when
    read already), by juror, finalist and criterion: the chair's table and its download."""
    names = dict(zip(*(finalists(s.year, s.prize)[c] for c in ("org_nr", "name")))) if f is None \
        else dict(zip(f.frame["org_nr"], f.frame["name"]))
    order = {c.id: i for i, c in enumerate(criteria_for(s.prize))}
    labels = {c.id: c.label(lang, short=True) for c in criteria_for(s.prize)}
    cells = sorted(store.scores(scores_db(), s.year, s.prize) if cells is None else cells,
                   key=lambda c: (c.juror, names.get(c.org_nr, c.org_nr), order.get(c.criterion, 99)))
    return pd.DataFrame({
        t("jury.col.juror", lang): [c.juror for c in cells],
        t("jury.col.finalist", lang): [names.get(c.org_nr, c.org_nr) for c in cells],
        t("col.org_nr", lang): [c.org_nr for c in cells],
        t("jury.col.criterion", lang): [labels.get(c.criterion, c.criterion) for c in cells],
        t("jury.col.score", lang): pd.array([c.score for c in cells], dtype="Int64"),
        t("jury.col.comment", lang): [c.comment for c in cells],
    })


def _shown(value: str | None) -> str:
    if value is None or value == "":
        return "–"
    return value if len(value) <= 60 else value[:57] + "…"


def view(s: Selection, lang: str) -> list:
    f = finalists_of(s)
    return {"sheet": sheet_view, "consensus": consensus_view, "round": round_view}[s.tab](s, f, lang)


def status_line(s: Selection, lang: str) -> str:
    who = auth.user_name()
    role = t("jury.chair", lang) if is_chair() else t("jury.juror", lang)
    return t("jury.status", lang, who=who, role=role, round=round_text(store.state_of(scores_db(), s.year, s.prize), lang))


@page_layout("jury", PATH)
def layout(lang: str, args: dict[str, str]) -> list:
    if auth.role() not in (*ROLES, "open"):  # the address itself is refused (guard); this is for in-app navigation
        return [html.H1(t("jury.title", lang)),
                dbc.Alert([t("auth.forbidden", lang), " ", html.A(t("auth.sign_in", lang), href=f"/login?lang={lang}")],
                          color="warning", id="jury-forbidden")]
    span = year_span()
    s = selection(args.get("year"), args.get("prize"), args.get("tab"), span)
    tabs = [dbc.Tab(label=t(f"jury.tab.{tab}", lang), tab_id=tab) for tab in TAB_IDS if tab != "round" or is_chair()]
    return [
        html.H1(t("jury.title", lang), className="screen-only"),
        html.P(t("jury.lead", lang), className="lead screen-only"),
        html.Section(compare.year_and_prize(YEAR, PRIZE, s.year, s.prize, span, lang), className="filter-bar screen-only", **{"aria-label": t("filter.title", lang)}),
        html.P(status_line(s, lang), id=STATUS, className="jury-status screen-only"),
        html.Div(id=MESSAGE, role="status", className="jury-message"),
        dbc.Tabs(tabs, id=TABS, active_tab=s.tab if s.tab != "round" or is_chair() else "sheet",
                 className="screen-only jury-tabs"),
        loading(html.Div(view(s, lang), id=VIEW, className="jury-view")),
        dcc.Store(id=VERSION, data=0),
        dcc.Store(id=LANG, data=lang),
        dcc.Store(id=ADDRESS),
        dcc.Download(id=DOWNLOAD),
    ]
