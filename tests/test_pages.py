"""Every page's layout renders in both languages; bad input gets a clear message, not a crash."""

from __future__ import annotations

import json
import re
from pathlib import Path

import flask
from plotly.utils import PlotlyJSONEncoder
import pytest

from dashboard import state
from dashboard.db import Database
from dashboard.pages import benchmark, compare, data, explorer, not_found, present

LAYOUTS = {
    "explorer": explorer.layout, "compare": compare.layout,
    "benchmark": benchmark.layout, "present": present.layout,
    "data": data.layout, "not-found": not_found.layout,
}


def text_of(component) -> str:
    return json.dumps(component, cls=PlotlyJSONEncoder, ensure_ascii=False)


@pytest.mark.parametrize("page", LAYOUTS)
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_layout_renders(app, page: str, lang: str) -> None:
    with app.server.app_context():
        rendered = text_of(LAYOUTS[page](lang=lang))
    assert ("Synthetic demo data" if lang == "en" else "Syntetiske demodata") in rendered
    assert '"lang": "%s"' % lang in rendered


def test_explorer_cards_show_numbers_from_the_database(app) -> None:
    with app.server.app_context():
        cards = explorer.cards_view(state.Filters(), "en")
    ids = [c.id for c in cards]
    assert ids == [f"explorer-card-{k}" for k in ("productivity", "emissions_reduction", "robot_density",
                                                  "automation_share", "companies", "fte")]
    robots = text_of(cards[2])
    density = int(re.search(r'"children": "(\d+)", "className": "card-value"', robots).group(1))
    assert 100 <= density <= 150  # calibrated demo: about 124 robots per 10,000 FTE in 2025


def test_query_args_are_ignored_or_explained(app) -> None:
    with app.server.app_context():
        rendered = text_of(explorer.layout(kpi="<script>alert(1)</script>", lang="xx", foo="bar"))
    assert "Noe i lenken ble ikke forstått og er utelatt: kpi=<script>alert(1)</script>" in rendered
    assert explorer.NOTICE in rendered
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
