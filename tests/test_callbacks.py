"""The explorer's callbacks, called directly: the right figures for a selection, empty states for
an empty one, and clamped views for hostile values."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from dash import no_update

from dashboard.callbacks import explorer as cb
from dashboard.disclosure import JURY, public
from dashboard.pages import explorer as page
from tests.conftest import explorer_views
from tests.dash_requests import callback_body
from tests.layout import by_class, find, of_kind, text

ALL = {"county": [], "sector": [], "size": [], "ownership": [], "years": [2014, 2025], "status": "all",
       "prize": "any", "kpi": "productivity"}  # the filter bar's values by name, as callbacks take them
EVERYONE = page.state.Filters(2014, 2025)  # all companies over the demo data's years


def call(app, fn, *args):
    with app.server.app_context():
        return fn(*args)


def filters(**changes) -> dict:
    return ALL | changes


def views(app, widgets: dict, lang: object) -> dict:
    """Every view of the explorer, as its three callbacks draw them."""
    return call(app, explorer_views, widgets, lang)


def test_map_shows_every_county_and_outlines_the_selection(app) -> None:
    fig = views(app, filters(county=["46"], kpi="robot_density"), "en")["map"]
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
    fig = views(app, filters(kpi="emissions_intensity"), "nb")["sectors"]
    bars = fig["data"][0]
    # plotly draws horizontal bars bottom-up: the best (lowest intensity) is drawn last, on top
    assert bars["x"] == sorted(bars["x"], reverse=True)
    assert fig["layout"]["title"]["text"].startswith("Utslippsintensitet etter bransje")


def test_trend_compares_selection_all_and_winners(app) -> None:
    fig = views(app, filters(sector=[24], years=[2016, 2022]), "en")["trend"]
    assert [tr["name"] for tr in fig["data"]] == ["Selection", "All companies", "Winners' level"]
    assert fig["data"][0]["x"] == list(range(2016, 2023))
    whole = views(app, ALL, "en")["trend"]
    assert [tr["name"] for tr in whole["data"]] == ["Selection", "Winners' level"]


def test_empty_selection_says_so(app) -> None:
    empty = filters(county=["56"], sector=[21], size=["large"], status="winner", prize="main")
    drawn = views(app, empty, "en")
    for name in ("map", "sectors", "trend", "scatter"):
        fig = drawn[name]
        assert not fig["data"], name
        assert fig["layout"]["annotations"][0]["text"].startswith("No companies match this selection")
        assert "Finnmark" in fig["layout"]["annotations"][0]["text"]
    assert drawn["rows"] == [] and drawn["note"].startswith("0 of 0 companies")


def test_cards_follow_the_selection(app) -> None:
    drawn = views(app, filters(status="finalist", prize="main", years=[2014, 2020]), "nb")
    cards, lead = drawn["cards"], drawn["lead"]
    assert lead == "2020 · finalister, hovedprisen"
    companies = find(cards, "explorer-card-companies")
    assert text(by_class(companies, "card-label")) == "Bedrifter"
    assert text(by_class(companies, "card-value")) == "3"  # three main-prize finalists in 2020


def test_table_rows_and_csv(app) -> None:
    drawn = views(app, filters(county=["46"], kpi="export_share"), "nb")
    rows, columns, note, csv = drawn["rows"], drawn["columns"], drawn["note"], drawn["csv"]
    assert rows and all(r["county"] == "Vestland" for r in rows)
    shares = [r["kpi_value"] for r in rows if r["kpi_value"] is not None]
    assert shares == sorted(shares, reverse=True)
    assert columns[5]["headerName"] == "Eksportandel (% av omsetningen)"
    assert csv["columnSeparator"] == ";" and "csvCell" in csv["processCellCallback"]["function"]
    assert note.startswith(f"{len(rows)} av {len(rows)} bedrifter")


def test_clicks_cross_filter(app) -> None:
    click = {"points": [{"customdata": ["46", "Vestland", "1 234", 40]}]}
    assert cb.click_county(click=click, current=[]) == ["46"]
    assert cb.click_county(click=click, current=["46"]) == []  # clicking the only selected county clears it
    assert cb.click_sector(click={"points": [{"customdata": [24, 5]}]}, current=[25]) == [24]
    assert cb.click_county(click={"points": [{"customdata": ["'; drop"]}]}, current=[]) is no_update
    assert cb.click_sector(click="garbage", current=[]) is no_update


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
    fig = views(app, filters(county=county, years=[10**12, -10**12], kpi="<img>"), "xx")["map"]
    assert fig["layout"]["title"]["text"] == "Produktivitet etter fylke, 2025"


def post(app, output: str, values: dict, changed: str | None = None):
    """A callback over HTTP, as the browser asks for it (``values`` by "id.prop")."""
    return app.server.test_client().post("/_dash-update-component", json=callback_body(app, output, values, changed))


def test_one_answer_draws_every_view_for_the_year(app, demo_db_path) -> None:
    """The cards, the charts, the table and its title are one callback's answer, so none of them
    can show another year than the rest (while ▶ play steps, separate answers came one by one)."""
    import duckdb

    with duckdb.connect(str(demo_db_path), read_only=True) as con:
        reporting = {y: n for y, n in con.execute(
            "select year, count(*) from company_years where year in (2018, 2019) group by year").fetchall()}
    drawn = views(app, filters(years=[2016, 2019]), "en")
    assert drawn["lead"] == "2019 · all companies"
    assert drawn["title"] == "Companies in the selection, 2019"
    assert drawn["map"]["layout"]["title"]["text"] == "Productivity by county, 2019"
    assert drawn["sectors"]["layout"]["title"]["text"] == "Productivity by sector, 2019"
    assert drawn["trend"]["layout"]["title"]["text"] == "Productivity, 2016–2019"
    assert drawn["trend"]["data"][0]["x"] == [2016, 2017, 2018, 2019]
    companies = find(drawn["cards"], "explorer-card-companies")
    assert text(by_class(companies, "card-value")) == str(reporting[2019])
    change = reporting[2019] - reporting[2018]
    assert text(by_class(companies, "card-change")) == (f"{change:+d} from 2018" if change else "unchanged from 2018")
    assert drawn["csv"]["fileName"] == "companies-productivity-2019.csv"
    assert drawn["drawn"] == 2019  # what ▶ play waits for


PLAY = {"explorer-play.n_clicks": 1, "explorer-play-timer.n_intervals": 7, "explorer-play-timer.disabled": False,
        "explorer-years.value": [2016, 2020], "explorer-lang.data": "en"}


def test_play_steps_once_the_views_have_drawn_the_year(app) -> None:
    tick = "explorer-play-timer.n_intervals"
    # the views still show 2019: this tick waits (204: nothing to update)
    assert post(app, "explorer-years.value", PLAY | {"explorer-drawn.data": 2019}, tick).status_code == 204
    answer = post(app, "explorer-years.value", PLAY | {"explorer-drawn.data": 2020}, tick).get_json()["response"]
    assert answer["explorer-years"]["value"] == [2016, 2021]
    assert answer["explorer-play-timer"]["disabled"] is False
    assert answer["explorer-played"]["data"] == "1:7"  # the step, for the address
    last = PLAY | {"explorer-years.value": [2016, 2024], "explorer-drawn.data": 2024}
    answer = post(app, "explorer-years.value", last, tick).get_json()["response"]
    assert answer["explorer-years"]["value"] == [2016, 2025]
    assert answer["explorer-play-timer"]["disabled"] is True and answer["explorer-play"]["children"] == "▶ Play the years"
    # the views could not be drawn (the database): nothing to wait for
    assert post(app, "explorer-years.value", PLAY | {"explorer-drawn.data": None}, tick).status_code == 200


ORG = "923456789"
VIEW = {f"{widget}.value": value for widget, value in (
    ("explorer-county", ["46"]), ("explorer-sector", []), ("explorer-size", []), ("explorer-ownership", []),
    ("explorer-years", [2014, 2025]), ("explorer-status", "all"), ("explorer-prize", "any"),
    ("explorer-kpi", "productivity"))} | {"explorer-lang.data": "en"}


def address(app, changed: str | None = None, **values) -> dict:
    body = VIEW | {k.replace("__", "."): v for k, v in values.items()}
    return post(app, "explorer-address.data", body, changed).get_json()["response"]


@pytest.mark.parametrize(("values", "history"), [
    ({}, "push"),                                                               # a filter changed
    ({"explorer-played__data": "1:7", "explorer-address__data": {"step": "1:6"}}, "replace"),  # ▶ play's step
    ({"explorer-played__data": "1:7", "explorer-address__data": {"step": "1:7"}}, "push"),  # a change after play
    ({"explorer-played__data": ["x"], "explorer-address__data": "garbage"}, "push"),
])
def test_play_replaces_the_history_entry(app, values, history) -> None:
    written = address(app, **values)["explorer-address"]["data"]
    assert written["href"] == "/?county=46&lang=en" and written["history"] == history


def test_the_open_company_is_in_the_address(app) -> None:
    opened = address(app, "explorer-company.is_open", **{"explorer-company-open__data": ORG,
                                                         "explorer-company__is_open": True})
    assert opened["explorer-address"]["data"]["href"] == f"/?county=46&company={ORG}&lang=en"
    assert opened["explorer-address"]["data"]["history"] == "push"
    assert opened["lang-nb"]["href"] == f"/?county=46&company={ORG}"  # the other language keeps it
    closed = address(app, "explorer-company.is_open", **{"explorer-company-open__data": ORG,
                                                         "explorer-company__is_open": False})
    assert closed["explorer-address"]["data"] == {"href": "/?county=46&lang=en", "history": "back", "step": None,
                                                  "embed": "?county=46&from=2014&to=2025&lang=en"}  # years pinned
    hostile = address(app, **{"explorer-company-open__data": "1 or 1=1", "explorer-company__is_open": True})
    assert hostile["explorer-address"]["data"]["href"] == "/?county=46&lang=en"


def page_for(app, search: str) -> dict:
    """The explorer as Dash Pages' router answers for an address (``search``)."""
    response = post(app, "_pages_content.children", {"_pages_location.pathname": "/",
                                                      "_pages_location.search": search})
    assert response.status_code == 200 and b"Traceback" not in response.data
    return response.get_json()["response"]["_pages_content"]["children"]


def test_an_address_opens_the_company_detail(app) -> None:
    with app.server.app_context():
        row = page.table_view(EVERYONE, "en", JURY)[0][3]
    content = page_for(app, f"?county=03&company={row['org_nr']}&lang=en")
    assert find(content, page.MODAL)["props"]["is_open"] is True
    assert text(find(content, page.MODAL_TITLE)) == row["name"]
    assert [text(h) for h in of_kind(find(content, page.MODAL_BODY), "H3")] == ["Rank among sector peers, 2025"]
    assert find(content, page.COMPANY)["props"]["data"] == row["org_nr"]  # the address keeps it


@pytest.mark.parametrize("company", ["999999999", "'; drop table companies; --", "9" * 5000, "%00", ""])
def test_a_hostile_company_in_the_address_gives_the_page(app, company) -> None:
    content = page_for(app, f"?company={company}&lang=en")
    assert find(content, page.MODAL)["props"]["is_open"] is False
    assert find(content, page.COMPANY)["props"]["data"] is None
    assert text(find(content, page.LEAD)) == "2025 · all companies"
    if company:
        assert f"company={unquote(company)[:20]}" in text(find(content, page.NOTICE))


def test_the_public_gets_no_company_detail_from_an_address(app, monkeypatch) -> None:
    with app.server.app_context():
        row = page.table_view(EVERYONE, "en", JURY)[0][0]
    monkeypatch.setattr(page, "current_viewer", public)
    content = page_for(app, f"?company={row['org_nr']}&lang=en")
    assert find(content, page.MODAL)["props"]["is_open"] is False
    assert text(find(content, page.NOTICE)) == "Individual companies' figures are shown to the jury only."
    assert row["name"] not in str(content) and find(content, page.COMPANY)["props"]["data"] is None
