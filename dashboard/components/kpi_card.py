"""Headline cards: one figure, its unit, and its change from the year before."""

from __future__ import annotations

from dataclasses import dataclass

import dash_bootstrap_components as dbc
from dash import html

from dashboard.i18n import fmt_number, t


@dataclass(frozen=True)
class CardData:
    """What one card shows. ``higher_is_better`` is None for counts with no better direction."""

    id: str
    label: str
    value: float | None
    unit: str
    decimals: int
    previous: float | None
    previous_year: int
    higher_is_better: bool | None
    note: str = ""


def change_text(card: CardData, lang: str) -> tuple[str, str]:
    """The change line and its CSS class: better, worse, neutral (direction from the catalogue)."""
    if card.value is None or card.previous is None:
        return t("card.no_change", lang, year=card.previous_year), "change-none"
    delta = card.value - card.previous
    shown = fmt_number(delta, lang, card.decimals, signed=True)
    if round(delta, card.decimals) == 0:
        return t("card.change", lang, change=t("card.unchanged", lang), year=card.previous_year), "change-neutral"
    text = t("card.change", lang, change=shown, year=card.previous_year)
    if card.higher_is_better is None:
        return text, "change-neutral"
    better = (delta > 0) == card.higher_is_better
    arrow = "▲" if delta > 0 else "▼"
    verdict = t("card.better" if better else "card.worse", lang)
    return f"{arrow} {text} ({verdict})", "change-better" if better else "change-worse"


def kpi_card(card: CardData, lang: str) -> dbc.Card:
    change, css = change_text(card, lang)
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2(card.label, className="card-label"),
                html.P(
                    [html.Span(fmt_number(card.value, lang, card.decimals), className="card-value"),
                     html.Span(card.unit, className="card-unit")],
                    className="card-figure",
                ),
                html.P(change, className=f"card-change {css}"),
                html.P(card.note, className="card-note") if card.note else None,
            ]
        ),
        id=f"explorer-card-{card.id}",
        className="kpi-card",
    )
