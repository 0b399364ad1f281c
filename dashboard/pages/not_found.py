"""The page for an address that does not exist."""

from __future__ import annotations

from dash import dcc, html

from dashboard.components.shell import href, page_layout
from dashboard.i18n import t


@page_layout("not-found", "/")
def layout(lang: str, args: dict[str, str]) -> list:
    return [
        html.H1(t("error.404.title", lang), id="not-found"),
        html.P(t("error.404.body", lang)),
        dcc.Link(t("error.404.home", lang), href=href("/", lang)),
    ]
