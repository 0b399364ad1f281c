from __future__ import annotations

from datetime import date

import pytest

from dashboard.i18n import NBSP, TEXTS, fmt_date, fmt_number, normalize_lang, plotly_separators, t


@pytest.mark.parametrize(("value", "lang", "decimals", "expected"), [
    (1234567.8, "nb", 1, f"1{NBSP}234{NBSP}567,8"),
    (1234567.8, "en", 1, "1,234,567.8"),
    (-1234.5, "nb", 0, f"\u22121{NBSP}234"),
    (-0.04, "nb", 1, "0,0"),
    (0.5, "en", 2, "0.50"),
    (None, "nb", 0, "–"),
    (float("nan"), "en", 0, "–"),
])
def test_fmt_number(value, lang, decimals, expected) -> None:
    assert fmt_number(value, lang, decimals) == expected


def test_signed_numbers() -> None:
    assert fmt_number(38.2, "nb", 1, signed=True) == "+38,2"
    assert fmt_number(-3.0, "en", 0, signed=True) == "-3"


def test_dates() -> None:
    assert fmt_date(date(2026, 11, 26), "nb") == "26.11.2026"
    assert fmt_date("2026-01-05T10:00:00+00:00", "en") == "5 Jan 2026"


@pytest.mark.parametrize("hostile", [None, "", "EN", "de", "<script>", ["en"], 1])
def test_anything_but_en_is_norwegian(hostile) -> None:
    assert normalize_lang(hostile) == "nb"
    assert normalize_lang("en") == "en"


def test_every_text_has_both_languages() -> None:
    for key, (nb, en) in TEXTS.items():
        assert nb.strip() and en.strip(), key
        assert nb.count("{") == en.count("{"), key
    assert t("card.change", "nb", change="+1", year=2024) == "+1 fra 2024"
    assert plotly_separators("nb") == "," + NBSP and plotly_separators("en") == ".,"
