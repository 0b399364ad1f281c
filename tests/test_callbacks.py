"""The explorer's callbacks, called directly: the right figures for a selection, empty states for
an empty one, and clamped views for hostile values."""

from __future__ import annotations

import pytest
from dash import no_update

from dashboard.callbacks import explorer as cb
from dashboard.disclosure import JURY
from dashboard.pages import explorer as page
from tests.layout import by_class, find, of_kind, text

ALL = {"county": [], "sector": [], "size": [], "ownership": [], "years": [2014, 2025], "status": "all",
       "prize": "any", "kpi": "productivity"}  # the filter bar's values by name, as callbacks take them
EVERYONE = page.state.Filters(2014, 2025)  # all companies over the demo data's years


def call(app, fn, *args):
    with app.server.app_context():
        return fn(*args)


def filters(**changes) -> dict:
    return ALL | changes


def test_map_shows_every_county_and_outlines_the_selection(app) -> None:
    fig = call(app, cb.update_map, filters(county=["46"], kpi="robot_density"), "en")
    layout = fig["layout"]
    assert layout["title"]["text"] == "Robot density by county, 2025"
    assert "robots per 10,000 FTE" in layout["title"]["subtitle"]["text"]
    assert "Vestland" in layout["title"]["subtitle"]["text"]
    tiles = fig["data"][0]
    assert len(tiles["x"]) == 15
    outlined = [c[0] for c, w in zip(tiles["customdata"], tiles["marker"]["line"]["width"]) if w]
    assert outlined == ["46"]
    assert "IFR" in layout["annotations"][0]["text"]  # the definition note from the catalogue


def test_sector_bars_are_ranked_best_first(app) -> None:
    fig = call(app, cb.update_sectors, filters(kpi="emissions_intensity"), "nb")
    bars = fig["data"][0]
    # plotly draws horizontal bars bottom-up: the best (lowest intensity) is drawn last, on top
    assert bars["x"] == sorted(bars["x"], reverse=True)
    assert fig["layout"]["title"]["text"].startswith("Utslippsintensitet etter bransje")


def test_trend_compares_selection_all_and_winners(app) -> None:
    fig = call(app, cb.update_trend, filters(sector=[24], years=[2016, 2022]), "en")
    assert [tr["name"] for tr in fig["data"]] == ["Selection", "All companies", "Winners' level"]
    assert fig["data"][0]["x"] == list(range(2016, 2023))
    whole = call(app, cb.update_trend, ALL, "en")
    assert [tr["name"] for tr in whole["data"]] == ["Selection", "Winners' level"]


def test_empty_selection_says_so(app) -> None:
    empty = filters(county=["56"], sector=[21], size=["large"], status="winner", prize="main")
    for fn in (cb.update_map, cb.update_sectors, cb.update_trend, cb.update_scatter):
        fig = call(app, fn, empty, "en")
        assert not fig["data"], fn.__name__
        assert fig["layout"]["annotations"][0]["text"].startswith("No companies match this selection")
        assert "Finnmark" in fig["layout"]["annotations"][0]["text"]
    rows, columns, note, _ = call(app, cb.update_table, empty, "en")
    assert rows == [] and note.startswith("0 of 0 companies")


def test_cards_follow_the_selection(app) -> None:
    cards, lead = call(app, cb.update_cards, filters(status="finalist", prize="main", years=[2014, 2020]), "nb")
    assert lead == "2020 · finalister, hovedprisen"
    companies = find(cards, "explorer-card-companies")
    assert text(by_class(companies, "card-label")) == "Bedrifter"
    assert text(by_class(companies, "card-value")) == "3"  # three main-prize finalists in 2020


def test_table_rows_and_csv(app) -> None:
    rows, columns, note, csv = call(app, cb.update_table, filters(county=["46"], kpi="export_share"), "nb")
    assert rows and all(r["county"] == "Vestland" for r in rows)
    shares = [r["kpi_value"] for r in rows if r["kpi_value"] is not None]
    assert shares == sorted(shares, reverse=True)
    assert columns[5]["headerName"] == "Eksportandel (% av omsetningen)"
    assert csv["columnSeparator"] == ";" and "csvCell" in csv["processCellCallback"]["function"]
    assert note.startswith(f"{len(rows)} av {len(rows)} bedrifter")


def test_clicks_cross_filter(app) -> None:
    click = {"points": [{"customdata": ["46", "Vestland", "1 234", 40]}]}
    assert cb.click_county(click, []) == ["46"]
    assert cb.click_county(click, ["46"]) == []  # clicking the only selected county clears it
    assert cb.click_sector({"points": [{"customdata": [24, 5]}]}, [25]) == [24]
    assert cb.click_county({"points": [{"customdata": ["'; drop"]}]}, []) is no_update
    assert cb.click_sector("garbage", []) is no_update


def test_company_detail(app) -> None:
    with app.server.app_context():
        rows = page.table_view(EVERYONE, "en", JURY)[0]
        title, body = page.company_view(rows[0]["org_nr"], page.state.Filters(2014, 2025, kpi="robot_density"), "en")
        missing_title, missing_body = page.company_view("999999999", EVERYONE, "en")
        # every company in the selection opens, nominated or not
        for row in rows[:40]:
            assert page.company_view(row["org_nr"], EVERYONE, "nb")[0] == row["name"]
    assert title == rows[0]["name"]
    assert [text(h) for h in of_kind(body, "H3")] == ["Rank among sector peers, 2025"]
    chart = by_class(body, "company-chart")
    assert len(chart) == 1 and chart[0].figure["layout"]["title"]["text"] == "Robot density over time"
    assert missing_title == "No company has that organisation number." and missing_body == []


@pytest.mark.parametrize("county", [["'; drop table facts; --"], ["03"] * 10_000, "03", None, [{"x": 1}]])
def test_hostile_values_give_a_clamped_view(app, county) -> None:
    fig = call(app, cb.update_map, filters(county=county, years=[10**12, -10**12], kpi="<img>"), "xx")
    assert fig["layout"]["title"]["text"] == "Produktivitet etter fylke, 2025"
