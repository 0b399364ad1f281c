"""Pages whose issues are still open. Each says plainly that it is not built yet and what it will be,
so the navigation is complete from the start without pretending."""

from __future__ import annotations

from collections.abc import Callable

import dash_bootstrap_components as dbc
from dash import html

from dashboard.components.shell import page_layout
from dashboard.i18n import t


def _placeholder(page: str, path: str) -> Callable:
    @page_layout(page, path)
    def layout(lang: str, args: dict[str, str]) -> list:
        return [
            html.H1(t(f"{page}.title", lang)),
            dbc.Alert(t("page.soon", lang, what=t(f"{page}.what", lang)), color="secondary",
                      id=f"{page}-soon"),
        ]

    return layout


present_layout = _placeholder("present", "/present")
