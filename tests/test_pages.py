"""Every page's layout renders in both languages; bad input gets a clear message, not a crash."""

from __future__ import annotations

import json
from pathlib import Path

import flask
import pytest

from dashboard.db import Database
from dashboard.pages import data, explorer, not_found, placeholders

LAYOUTS = {
    "explorer": explorer.layout, "compare": placeholders.compare_layout,
    "benchmark": placeholders.benchmark_layout, "present": placeholders.present_layout,
    "data": data.layout, "not-found": not_found.layout,
}


def text_of(component) -> str:
    return json.dumps(component.to_plotly_json(), default=lambda o: o.to_plotly_json(), ensure_ascii=False)


@pytest.mark.parametrize("page", LAYOUTS)
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_layout_renders(app, page: str, lang: str) -> None:
    with app.server.app_context():
        rendered = text_of(LAYOUTS[page](lang=lang))
    assert ("Synthetic demo data" if lang == "en" else "Syntetiske demodata") in rendered
    assert '"lang": "%s"' % lang in rendered


def test_explorer_cards_show_numbers_from_the_database(app) -> None:
    with app.server.app_context():
        cards = explorer.headline_cards("nb", 2025)
    by_id = {c.id: c for c in cards}
    assert list(by_id) == ["productivity", "emissions_reduction", "robot_density", "automation_share",
                           "companies", "fte"]
    assert 100 <= by_id["robot_density"].value <= 150  # calibrated demo: about 124 in 2025
    assert 300 <= by_id["companies"].value <= 400
    assert all(c.previous is not None for c in cards)


def test_query_args_are_ignored_or_explained(app) -> None:
    with app.server.app_context():
        rendered = text_of(explorer.layout(kpi="<script>alert(1)</script>", lang="xx", foo="bar"))
    assert "Ukjent nøkkeltall" in rendered and explorer.UNKNOWN_KPI in rendered
    assert '"lang": "nb"' in rendered


def test_data_page_lists_every_kpi(app) -> None:
    with app.server.app_context():
        rendered = text_of(data.layout(lang="en"))
    assert "robots per 10,000 FTE" in rendered and "Σ (robots * 10000) / Σ (fte)" in rendered


def test_unreadable_database_gives_an_error_page(tmp_path: Path) -> None:
    path = tmp_path / "broken.duckdb"
    path.write_bytes(b"\x00garbage" * 512)
    server = flask.Flask(__name__)
    server.extensions["dashboard.db"] = Database(path)
    with server.app_context():
        rendered = text_of(explorer.layout(lang="en"))
    assert "db-error" in rendered and str(path) in rendered and "make data DB=" in rendered
    assert "Traceback" not in rendered
