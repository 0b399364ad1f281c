"""Parsing the explorer's selection from URLs and widget values, hostile ones included."""

from __future__ import annotations

import pytest

from dashboard import state
from dashboard.state import Filters


def test_the_documented_url_round_trips() -> None:
    query = "county=46,11&sector=24,25&from=2018&to=2025&kpi=productivity&status=finalist&prize=main"
    args = dict(part.split("=") for part in query.split("&"))
    f = state.from_query(args)
    assert f == Filters(counties=("46", "11"), sectors=(24, 25), year_from=2018, year_to=2025,
                        status="finalist", prize="main")
    assert f.dropped == ()
    assert f.to_query("en") == "?county=46,11&sector=24,25&from=2018&status=finalist&prize=main&lang=en"
    assert state.from_query(dict(part.split("=") for part in f.to_query("en")[1:].split("&"))) == f


def test_defaults_give_an_empty_query() -> None:
    assert state.from_query({}) == Filters()
    assert Filters().to_query("nb") == ""
    assert Filters(prize="main").to_query("nb") == ""  # a prize means nothing without a status


def test_unknown_values_are_dropped_and_named() -> None:
    f = state.from_query({"county": "46,99,'; drop table facts;--", "sector": "24,9,abc",
                          "kpi": "nope", "status": "boss", "prize": "gold", "size": "huge,small",
                          "from": "soon"})
    assert (f.counties, f.sectors, f.sizes, f.kpi, f.status, f.prize) == (
        ("46",), (24,), ("small",), "productivity", "all", "any")
    assert f.year_from == state.YEAR_MIN
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
    f = state.from_inputs(None, None, None, years, None, None, None)
    assert (f.year_from, f.year_to) == expected


def test_hostile_widget_values() -> None:
    f = state.from_inputs(["03"] * 10_000 + ["11"], [{"a": 1}, 24, "25", True], "small",
                          [2015, 2016], ["finalist"], 7, {"kpi": 1})
    # long lists are read only so far, duplicates collapse, wrong types are dropped
    assert f.counties == ("03",)
    assert f.sectors == (24, 25)
    assert f.sizes == ("small",)
    assert (f.status, f.prize, f.kpi) == ("all", "any", "productivity")


def test_params_for_queries() -> None:
    f = Filters(counties=("03",), sectors=(24,), sizes=("large",), status="winner", prize="main")
    assert f.params() == {"counties": ["03"], "sectors": [24], "sizes": ["large"], "status": 3, "prize": "main"}
    assert f.params(counties=[])["counties"] == []


def test_describe() -> None:
    f = Filters(counties=("46", "11"), sectors=(24,), status="finalist", prize="main")
    assert state.describe(f, "nb") == "Vestland, Rogaland · Metaller · finalister, hovedprisen"
    assert state.describe(Filters(), "en") == "all companies"
