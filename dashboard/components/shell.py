"""The frame around every page: skip link, header with navigation and language switch, demo notice,
footer, and the error panel shown instead of a page when the database cannot be read."""

from __future__ import annotations

import functools
from collections.abc import Callable
from urllib.parse import urlencode

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import auth
from dashboard.db import DatabaseError, get_db
from dashboard.i18n import LANGS, fmt_date, lang_arg, normalize_lang, t


# (page id, path); labels come from i18n as "nav.<page id>".
PAGES: tuple[tuple[str, str], ...] = (
    ("explorer", "/"),
    ("compare", "/compare"),
    ("benchmark", "/benchmark"),
    ("present", "/present"),
    ("data", "/data"),
    ("jury", "/jury"),
)
JURY_ONLY = ("jury",)  # pages the menu offers the jury and admins only (the pages refuse anyone else)
# The language switch's links, one per language; a page's callbacks keep their addresses in step.
LANG_LINKS = {code: f"lang-{code}" for code in LANGS}


def href(path: str, lang: str, args: dict[str, str] | None = None) -> str:
    """A link to ``path`` with ``args`` in the query string; the default language is left out."""
    query = {k: v for k, v in (args or {}).items() if k != "lang" and v not in (None, "")} | lang_arg(lang)
    return path + ("?" + urlencode(query, safe=",") if query else "")


def _current(lang: str) -> html.Span:
    # dcc.Link takes no aria-current, so the state is spoken by hidden text instead
    return html.Span(f" ({t('nav.current', lang)})", className="visually-hidden")


def header(page: str, path: str, lang: str, args: dict[str, str], demo: bool) -> html.Header:
    nav = html.Nav(
        html.Ul(
            [
                html.Li(
                    dcc.Link(
                        [t(f"nav.{pid}", lang), _current(lang) if pid == page else None],
                        href=href(p, lang),
                        className="nav-link" + (" active" if pid == page else ""),
                    ),
                    className="nav-item",
                )
                for pid, p in PAGES if pid not in JURY_ONLY or auth.role() in ("jury", "admin", "open")
            ],
            className="nav",
        ),
        **{"aria-label": t("nav.label", lang)},
        className="site-nav",
    )
    switch = html.Div(
        [
            dcc.Link(
                [html.Span(t(f"lang.{code}", lang), lang=code), _current(lang) if code == lang else None],
                href=href(path, code, args),
                id=LANG_LINKS[code],
                className="lang-link" + (" active" if code == lang else ""),
            )
            for code in LANGS
        ],
        role="group",
        className="lang-switch",
        **{"aria-label": t("lang.switch", lang)},
    )
    brand = dcc.Link(
        [html.Span(t("app.title", lang), className="brand-title"),
         html.Span(t("app.subtitle", lang), className="brand-subtitle")],
        href=href("/", lang),
        className="brand",
    )
    badge = html.Span(t("demo.badge", lang), className="demo-badge", id="demo-badge") if demo else None
    return html.Header([brand, nav, badge, access(lang), switch], className="site-header")


def access(lang: str) -> html.Div:
    """Who is looking, and how to sign in or out (or that access control is off)."""
    who = auth.role()
    if who == "open":
        return html.Div(t("auth.open.short", lang), title=t("auth.open", lang), className="access", id="access")
    if who == "public":
        return html.Div(html.A(t("auth.sign_in", lang), href=f"/login?lang={lang}", className="access-link"),
                        className="access", id="access")
    # signing out is a post (from this site only), so another site cannot sign a visitor out
    sign_out = html.Form(html.Button(t("auth.sign_out", lang), type="submit", className="access-link access-button",
                                     id="access-sign-out"),
                         action=f"/logout?lang={lang}", method="post", className="access-form")
    return html.Div([html.Span(t(f"auth.role.{who}", lang)), " · ", sign_out], className="access", id="access")


def shell(page: str, path: str, lang: str, args: dict[str, str], body: list) -> html.Div:
    """A whole page: header, the page's own content in <main>, and a footer."""
    meta = get_db().check()
    demo = meta.get("source") == "demo"
    notice = dbc.Alert(t("demo.notice", lang), color="warning", className="demo-notice") if demo else None
    built = meta.get("built_at")
    footer = html.Footer(t("footer.built", lang, date=fmt_date(built, lang)) if built else None,
                         className="site-footer")
    return html.Div(
        [
            html.A(t("skip", lang), href="#main", className="skip-link"),
            header(page, path, lang, args, demo),
            html.Main([notice, *body], id="main", tabIndex="-1"),
            footer,
        ],
        lang=lang,
        className=f"page page-{page}",
    )


def error_page(path: str, lang: str, exc: DatabaseError) -> html.Div:
    """What a reader sees when the database cannot be read: what failed, where, and the fix."""
    return html.Div(
        [
            header("", path, lang, {}, demo=False),
            html.Main(
                dbc.Alert(
                    [html.H1(t("error.db.title", lang), className="h4"),
                     html.P(t("error.db.body", lang, path=exc.path, reason=exc.reason))],
                    color="danger",
                    id="db-error",
                ),
                id="main",
            ),
        ],
        lang=lang,
        className="page page-error",
    )


def page_layout(page: str, path: str) -> Callable:
    """Decorate a page's ``body(lang, args)`` builder into a Dash Pages ``layout(**query)``.

    The layout accepts any query string (unknown keys are ignored, not an error) and renders the
    database error panel rather than a traceback when the file cannot be read.
    """

    def decorate(body: Callable[[str, dict[str, str]], list]) -> Callable[..., html.Div]:
        @functools.wraps(body)
        def layout(**query: str) -> html.Div:
            args = {k: v for k, v in query.items() if isinstance(v, str)}
            lang = normalize_lang(args.get("lang"))
            try:
                return shell(page, path, lang, args, body(lang, args))
            except DatabaseError as exc:  # logged once per file by the Database
                return error_page(path, lang, exc)

        return layout

    return decorate
