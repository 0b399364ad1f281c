"""The headline cards' change line: the change from the unrounded figures, rounded once, and the
better/worse verdict from the same unrounded change and the KPI's direction."""

from __future__ import annotations

import pytest

from dashboard.components.kpi_card import CardData, change_text


def card(value: float, previous: float, decimals: int = 2, higher_is_better: bool | None = True) -> CardData:
    return CardData(id="x", label="X", value=value, unit="u", decimals=decimals, previous=previous,
                    previous_year=2024, higher_is_better=higher_is_better)


@pytest.mark.parametrize(("value", "previous", "higher", "text", "css"), [
    # 14.304 against 13.515: shown 14.30 and 13.52, the change is 0.789 -> +0.79 (not 0.78)
    (14.304, 13.515, True, "▲ +0.79 from 2024 (better)", "change-better"),
    (14.304, 13.5151, False, "▲ +0.79 from 2024 (worse)", "change-worse"),
    # both shown as 10.00, yet 0.008 apart: +0.01, not "unchanged"
    (10.004, 9.996, True, "▲ +0.01 from 2024 (better)", "change-better"),
    # shown as 2.01 and 2.00, yet only 0.0002 apart: unchanged, not +0.01 better
    (2.0051, 2.0049, True, "unchanged from 2024", "change-neutral"),
    # a fall, lower is better
    (1.996, 2.004, False, "▼ \u22120.01 from 2024 (better)", "change-better"),
])
def test_change_from_unrounded_figures(value, previous, higher, text, css) -> None:
    assert change_text(card(value, previous, higher_is_better=higher), "en") == (text, css)


def test_change_without_decimals() -> None:
    # 14.30 against 13.52 shown without decimals is 14 against 14, but the change is +0.78 -> +1
    assert change_text(card(14.30, 13.52, decimals=0, higher_is_better=False), "nb") == (
        "▲ +1 fra 2024 (dårligere)", "change-worse")
