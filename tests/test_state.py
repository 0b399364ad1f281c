"""Parsing the explorer's selection from URLs and widget values, hostile ones included."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard import state
from dashboard.state import CompareState, Filters
from dashboard.years import Span

SPAN = Span(2014, 2025)  # the years with data, as db.year_span() would give them


def test_the_documented_url_round_trips() -> None:
    query = "county=46,11&sector=24,25&from=2018&to=2025&kpi=productivity&status=finalist&prize=main"
    args = dict(part.split("=") for part in query.split("&"))
    f = state.from_query(args, SPAN)
    assert f == Filters(counties=("46", "11"), sectors=(24, 25), year_from=2018, year_to=2025,
                        status="finalist", prize="main")
    assert f.dropped == ()
    assert f.to_query("en", SPAN) == "?county=46,11&sector=24,25&from=2018&status=finalist&prize=main&lang=en"
    assert state.from_query(dict(part.split("=") for part in f.to_query("en", SPAN)[1:].split("&")), SPAN) == f


def test_defaults_give_an_empty_query() -> None:
    assert state.from_query({}, SPAN) == Filters(2014, 2025)
    assert Filters(2014, 2025).to_query("nb", SPAN) == ""
    assert Filters(2014, 2025, prize="main").to_query("nb", SPAN) == ""  # a prize means nothing without a status


def test_years_come_from_the_span() -> None:
    """A span that runs to 2026 (an import added it): 2026 is offered, is the default and is left
    out of the address; 2025 is now a choice that the address keeps."""
    span = Span(2014, 2026)
    assert state.from_query({}, span) == Filters(2014, 2026)
    assert state.from_query({"to": "2026"}, span).to_query("nb", span) == ""
    assert state.from_query({"to": "2025"}, span).to_query("nb", span) == "?to=2025"
    assert state.from_query({"to": "2026"}, SPAN).year_to == 2025  # a year without data is clamped
    assert state.from_query({"from": "1999", "to": "9999"}, span) == Filters(2014, 2026)
    assert state.one_year(None, span) == 2026 and state.one_year("2020", span) == 2020
    assert state.one_year("2027", span) == 2026 and state.one_year("next", span) == 2026
    assert state.compare_from_query({}, span).year == 2026
    assert CompareState(year=2026).to_query("nb", span) == ""
    assert CompareState(year=2025).to_query("nb", span) == "?year=2025"
    assert state.build_compare(year="2030", span=span).year == 2026


def test_unknown_values_are_dropped_and_named() -> None:
    f = state.from_query({"county": "46,99,'; drop table facts;--", "sector": "24,9,abc",
                          "kpi": "nope", "status": "boss", "prize": "gold", "size": "huge,small",
                          "from": "soon"}, SPAN)
    assert (f.counties, f.sectors, f.sizes, f.kpi, f.status, f.prize) == (
        ("46",), (24,), ("small",), "productivity", "all", "any")
    assert f.year_from == SPAN.first
    assert set(f.dropped) == {"county=99", "county='; drop table facts;--", "sector=9", "sector=abc",
                              "kpi=nope", "status=boss", "prize=gold", "size=huge", "from=soon"}


@pytest.mark.parametrize(("years", "expected"), [
    ([2018, 2020], (2018, 2020)),
    ([2020, 2018], (2018, 2020)),         # reversed: swapped
    ([10**12, -5], (2014, 2025)),         # absurd: clamped
    ([2016.0, 2019.0], (2016, 2019)),
    ("2016", (2014, 2025)),               # not a pair: the full range
    ([True, None], (2014, 2025)),
    ([], (2014, 2025)),
])
def test_years_are_clamped(years, expected) -> None:
    f = state.from_widgets({"years": years}, SPAN)
    assert (f.year_from, f.year_to) == expected


def test_hostile_widget_values() -> None:
    f = state.from_widgets({"county": ["03"] * 10_000 + ["11"], "sector": [{"a": 1}, 24, "25", True],
                            "size": "small", "years": [2015, 2016], "status": ["finalist"], "prize": 7,
                            "kpi": {"kpi": 1}, "ownership": ["foreign", "martian", 3]}, SPAN)
    # long lists are read only so far, duplicates collapse, wrong types are dropped
    assert f.counties == ("03",)
    assert f.sectors == (24, 25)
    assert f.sizes == ("small",)
    assert (f.status, f.prize, f.kpi) == ("all", "any", "productivity")
    assert f.ownership == ("foreign",) and "ownership=martian" in f.dropped


def test_params_for_queries() -> None:
    f = Filters(2014, 2025, counties=("03",), sectors=(24,), sizes=("large",), status="winner", prize="main",
                ownership=("foreign",))
    day = date(2026, 1, 1)
    assert f.params(day) == {"sel": {"counties": ["03"], "sectors": [24], "sizes": ["large"],
                                     "ownership": ["foreign"], "status": 3, "prize": "main", "as_of": day}}
    assert f.params(day, counties=())["sel"]["counties"] == []


def test_ownership_round_trips_through_the_address() -> None:
    f = state.from_query({"ownership": "foreign", "county": "46"}, SPAN)
    assert f.ownership == ("foreign",)
    assert f.to_query("nb", SPAN) == "?county=46&ownership=foreign"
    assert state.from_query(dict(pair.split("=") for pair in f.to_query("nb", SPAN)[1:].split("&")), SPAN) == f
    assert state.describe(f, "en") == "Vestland · foreign-owned"


def test_describe() -> None:
    f = Filters(2014, 2025, counties=("46", "11"), sectors=(24,), status="finalist", prize="main")
    assert state.describe(f, "nb") == "Vestland, Rogaland · Metaller · finalister, hovedprisen"
    assert state.describe(Filters(2014, 2025), "en") == "all companies"


def test_compare_url_round_trips() -> None:
    s = state.compare_from_query({"year": "2024", "prize": "special", "companies": "910000004,910000012",
                                  "weights": "technology:2,sustainability:0.5", "lang": "en"}, SPAN)
    assert s.companies == ("910000004", "910000012") and s.prize == "special" and s.year == 2024
    assert s.weight_map() == {"technology": 2.0, "sustainability": 0.5}
    assert s.dropped == ()
    query = s.to_query("en", SPAN)
    assert query == ("?year=2024&prize=special&companies=910000004,910000012"
                     "&weights=technology:2,sustainability:0.5&lang=en")
    again = state.compare_from_query(dict(p.split("=") for p in query[1:].split("&")), SPAN)
    assert again == s


def test_compare_hostile_values() -> None:
    s = state.build_compare(year=10**12, prize="gold", companies=["910000004", "1 or 1=1", 42]
                            + [f"9100{i:05d}" for i in range(20)],
                            weights="productivity:99,technology:-3,rnd:nan,evil:1,export_share", span=SPAN)
    assert s.year == 2025 and s.prize == "main"
    assert len(s.companies) == state.COMPARE_MAX and s.companies[0] == "910000004"
    weights = s.weight_map()
    assert weights["productivity"] == state.WEIGHT_MAX and weights["technology"] == 0.0
    assert weights["rnd"] == 1.0  # a weight that is not a number is dropped: the default stays
    assert {"prize=gold", "companies=1 or 1=1", "weights=evil:1", "weights=rnd:nan"} <= set(s.dropped)


@pytest.mark.parametrize(("raw", "expected"), [
    ("923456789", ("923456789", ())),
    (" 923456789 ", ("923456789", ())),
    (None, (None, ())),
    ("", (None, ())),
    ("92345678", (None, ("company=92345678",))),                  # eight digits
    ("923456789' or 1=1 --; x", (None, ("company=923456789' or 1=1 --",))),
    ("9" * 10_000, (None, ("company=" + "9" * 20,))),            # named, cut short
    (["923456789"], (None, ("company=['923456789']",))),
])
def test_the_company_in_an_address(raw, expected) -> None:
    assert state.company_from_query(raw) == expected


def test_the_address_names_the_open_company_before_the_language() -> None:
    f = Filters(2018, 2025, counties=("46",))
    assert f.to_query("en", SPAN, "923456789") == "?county=46&from=2018&company=923456789&lang=en"
    assert Filters(2014, 2025).to_query("nb", SPAN, "923456789") == "?company=923456789"
    assert f.to_query("nb", SPAN, None) == "?county=46&from=2018"
