"""Years come from the data: once the data runs to 2026, every page offers 2026 and shows it by
default, with no code change and no restart; the schema's plausible years come from
``dashboard.years``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import flask
import pytest

from dashboard import benchmark as bench
from dashboard import state, warehouse, years
from dashboard.callbacks import compare as compare_cb
from dashboard.callbacks import explorer as explorer_cb
from dashboard.callbacks import present as present_cb
from dashboard.db import Database, year_span
from dashboard.pages import benchmark, compare, data, explorer, present
from dashboard.years import Span
from tests.conftest import ORG_A, ORG_D, explorer_views, tiny_tables, tiny_tables_2026
from tests.dash_requests import callback_body
from tests.layout import by_class, of_kind, text


def find(node, component_id: str):
    """The component with ``component_id`` in a layout tree (None when there is none)."""
    if getattr(node, "id", None) == component_id:
        return node
    children = getattr(node, "children", None)
    for child in children if isinstance(children, (list, tuple)) else [children]:
        if child is not None and not isinstance(child, (str, int, float)):
            found = find(child, component_id)
            if found is not None:
                return found
    return None


def winners(blocks: list) -> list[tuple[str, str]]:
    """The revealed winners as the slide shows them: (prize, company), in order."""
    return [(text(by_class(b, "prize-label")), text(by_class(b, "winner-name"))) for b in by_class(blocks, "winner-block")]


def build(path: Path, tables: dict) -> None:
    warehouse.build_database(path, tables["companies"], tables["company_years"], tables["nominations"],
                             {"source": "test"})


def test_the_schema_takes_its_years_from_the_years_module(tmp_path: Path) -> None:
    assert years.latest(date(2026, 11, 27)) == 2027
    sql = warehouse.schema_sql()
    assert "{year_" not in sql
    assert sql.count(f"check (year between {years.EARLIEST} and {years.latest()})") == 2
    build(tmp_path / "ok.duckdb", tiny_tables_2026())  # 2026 is a plausible year
    for year in (years.EARLIEST - 1, years.latest() + 1):
        t = tiny_tables()
        t["company_years"].loc[0, "year"] = year
        with pytest.raises(duckdb.ConstraintException, match="year"):
            build(tmp_path / f"bad-{year}.duckdb", t)
        assert not (tmp_path / f"bad-{year}.duckdb").exists()


def test_the_year_span_follows_an_import_without_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "awards.duckdb"
    t = tiny_tables()
    warehouse.publish(path, t["companies"], t["company_years"], t["nominations"], {"source": "test"})
    server = flask.Flask(__name__)
    server.extensions["dashboard.db"] = db = Database(path)
    try:
        with server.app_context():
            assert year_span() == Span(2024, 2025)
            t = tiny_tables_2026()
            warehouse.publish(path, t["companies"], t["company_years"], t["nominations"], {"source": "test"})
            assert year_span() == Span(2024, 2026)  # the same Database, the new file
    finally:
        db.close()


def test_a_database_without_figures_offers_this_year(tmp_path: Path) -> None:
    t = tiny_tables()
    path = tmp_path / "empty.duckdb"
    build(path, {**t, "company_years": t["company_years"].iloc[0:0], "nominations": t["nominations"].iloc[0:0]})
    server = flask.Flask(__name__)
    server.extensions["dashboard.db"] = db = Database(path)
    try:
        with server.app_context():
            assert year_span() == Span(date.today().year, date.today().year)
    finally:
        db.close()


def test_explorer_offers_2026_and_starts_there(app_with_2026) -> None:
    app = app_with_2026
    with app.server.app_context():
        assert year_span() == Span(2024, 2026)
        layout = explorer.layout(lang="en")
        slider = find(layout, "explorer-years")
        assert (slider.min, slider.max, slider.value) == (2024, 2026, [2024, 2026])
        assert slider.marks[2026] == {"label": "2026"} and slider.marks[2025] == {"label": "25"}
        assert find(layout, "explorer-lead").children == "2026 · all companies"
        assert find(layout, "explorer-map").figure["layout"]["title"]["text"] == "Productivity by county, 2026"
        # a link to 2025 keeps it; years past the data are clamped to it
        assert find(explorer.layout(lang="en", to="2025"), "explorer-years").value == [2024, 2025]
        assert find(explorer.layout(lang="en", **{"from": "1900", "to": "3000"}), "explorer-years").value == [2024, 2026]

        widgets = {"years": [2024, 2026], "status": "all", "prize": "any", "kpi": "productivity"}
        views = explorer_views(widgets, "en")
        assert views["map"]["layout"]["title"]["text"] == "Productivity by county, 2026"
        hostile = {"years": [10**12, -10**12], "kpi": "productivity"}
        assert explorer_cb.first_screen(filters=hostile, lang="en")["map"]["layout"]["title"]["text"] == \
            "Productivity by county, 2026"
        assert views["lead"] == "2026 · all companies"
        rows = views["rows"]
        assert sorted(r["org_nr"] for r in rows) == sorted([ORG_A, "910000012", ORG_D])  # C has no 2026
        assert views["trend"]["data"][0]["x"] == [2024, 2025, 2026]


def test_play_runs_to_the_last_year_with_data(app_with_2026) -> None:
    """The play button's steps over HTTP: from 2025 on to 2026, where it stops."""
    app = app_with_2026
    client = app.server.test_client()
    client.get("/")

    def press(values: dict, changed: str) -> dict:
        body = callback_body(app, "explorer-years.value", {**values, "explorer-lang.data": "en"}, changed=changed)
        return client.post("/_dash-update-component", json=body).get_json()["response"]

    response = press({"explorer-play-timer.n_intervals": 1, "explorer-years.value": [2024, 2025],
                      "explorer-play-timer.disabled": False}, "explorer-play-timer.n_intervals")
    assert response["explorer-years"]["value"] == [2024, 2026]
    assert response["explorer-play-timer"]["disabled"] is True  # the last year: it stops
    # at the end, ▶ starts again from the first year
    response = press({"explorer-play.n_clicks": 1, "explorer-years.value": [2024, 2026],
                      "explorer-play-timer.disabled": True}, "explorer-play.n_clicks")
    assert response["explorer-years"]["value"] == [2024, 2024]


def test_explorer_page_over_http_shows_2026(app_with_2026) -> None:
    """The page as the browser gets it after the data has 2026: the slider runs to 2026."""
    client = app_with_2026.server.test_client()
    client.get("/")
    body = {
        "output": ".._pages_content.children..._pages_store.data..",
        "outputs": [{"id": "_pages_content", "property": "children"},
                    {"id": "_pages_store", "property": "data"}],
        "inputs": [{"id": "_pages_location", "property": "pathname", "value": "/"},
                   {"id": "_pages_location", "property": "search", "value": "?lang=en"}],
        "changedPropIds": ["_pages_location.pathname"],
        "state": [],
    }
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200
    page = response.get_json()["response"]["_pages_content"]["children"]
    slider = find_json(page, "explorer-years")
    assert (slider["min"], slider["max"], slider["value"]) == (2024, 2026, [2024, 2026])
    assert find_json(page, "explorer-lead")["children"] == "2026 · all companies"


def find_json(node, component_id: str) -> dict | None:
    """The props of the component with ``component_id`` in a layout as Dash sends it as JSON."""
    if isinstance(node, dict):
        props = node.get("props", {})
        if props.get("id") == component_id:
            return props
        return find_json(props.get("children"), component_id)
    if isinstance(node, list):
        for child in node:
            found = find_json(child, component_id)
            if found is not None:
                return found
    return None


def test_compare_offers_2026_and_starts_there(app_with_2026) -> None:
    app = app_with_2026
    with app.server.app_context():
        layout = compare.layout(lang="en")
        dropdown = find(layout, "compare-year")
        assert [o["value"] for o in dropdown.options] == [2026, 2025, 2024] and dropdown.value == 2026
        assert find(compare.layout(lang="en", year="2025"), "compare-year").value == 2025
        # no year: the picker lists 2026's nominees (A and D), not 2025's (A and B)
        options = compare_cb.search(search="", year=None, prize="main", status="nominated", chosen=[], lang="en")
        assert sorted(o["value"] for o in options) == sorted([ORG_A, ORG_D])
    assert state.compare_from_query({}, Span(2024, 2026)).to_query("nb", Span(2024, 2026)) == ""


def test_benchmark_offers_2026_and_starts_there(app_with_2026) -> None:
    app = app_with_2026
    with app.server.app_context():
        layout = benchmark.layout(lang="en", company=ORG_A)
        dropdown = find(layout, "benchmark-year")
        assert [o["value"] for o in dropdown.options] == [2026, 2025, 2024] and dropdown.value == 2026
        # the fixture's groups are too small to show: the company's own figures, for 2026
        assert [text(h) for h in of_kind(find(layout, "benchmark-table"), "H2")] == [
            "The company's own key figures, 2026"]
        assert [bench.parse_year(v) for v in (None, "2025", 2030, "x")] == [2026, 2025, 2026, 2026]


def test_present_tells_2026(app_with_2026) -> None:
    app = app_with_2026
    with app.server.app_context():
        layout = present.layout(lang="en")
        assert find(layout, "present-year").data == 2026
        assert text(of_kind(find(layout, "slide-headline"), "H1")) == "Norwegian industry 2026"
        # the reveal of the newest year: 2026's main-prize winner is D (and 2025's, A and C, after two presses of R)
        assert winners(present_cb.reveal(1, None, "en")) == [("Norway's smartest industrial company 2026", "Delta Mat AS")]
        assert winners(present_cb.reveal(2, 2025, "en")) == [
            ("Norway's smartest industrial company 2025", "Alfa Mek AS"), ("The special prize", "Gamma Sveis AS")]


def test_data_page_covers_2026(app_with_2026) -> None:
    with app_with_2026.server.app_context():
        page = data.layout(lang="en")
    coverage = find(page, "data-coverage-years")
    # tiny_tables_2026(): companies, counties and sectors reporting each year, counted by hand
    assert [[text(cell) for cell in row.children] for row in of_kind(of_kind(coverage, "Tbody"), "Tr")] == [
        ["2024", "3", "2", "2"], ["2025", "4", "2", "3"], ["2026", "3", "2", "3"]]
    assert "Companies per county, 2026" in [text(h) for h in of_kind(page, "H3")]
