"""Every page's layout renders in both languages; bad input gets a clear message, not a crash."""

from __future__ import annotations

import json
from pathlib import Path

import flask
from plotly.utils import PlotlyJSONEncoder
import pytest

from dashboard import state
from dashboard.db import Database
from dashboard.pages import benchmark, compare, data, explorer, not_found, present
from tests.layout import by_class, find, prop, text

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
        layout = LAYOUTS[page](lang=lang)
    badges = by_class(layout, "demo-badge") + by_class(layout, "present-badge")  # the deck has its own
    assert [text(b) for b in badges] == ["Synthetic demo data" if lang == "en" else "Syntetiske demodata"]
    assert prop(layout, "lang") == lang  # the page says its language at its root


def test_explorer_cards_show_numbers_from_the_database(app) -> None:
    with app.server.app_context():
        cards = explorer.cards_view(state.Filters(2014, 2025), "en")
    ids = [c.id for c in cards]
    assert ids == [f"explorer-card-{k}" for k in ("productivity", "emissions_reduction", "robot_density",
                                                  "automation_share", "companies", "fte")]
    robots = cards[2]
    assert text(by_class(robots, "card-label")) == "Robot density"
    assert text(by_class(robots, "card-unit")) == "robots per 10,000 FTE"
    density = int(text(by_class(robots, "card-value")))
    assert 100 <= density <= 150  # calibrated demo: about 124 robots per 10,000 FTE in 2025


def test_query_args_are_ignored_or_explained(app) -> None:
    with app.server.app_context():
        layout = explorer.layout(kpi="<script>alert(1)</script>", lang="xx", foo="bar")
    assert text(find(layout, explorer.NOTICE)) == \
        "Noe i lenken ble ikke forstått og er utelatt: kpi=<script>alert(1)</script>."
    assert prop(layout, "lang") == "nb"


def test_data_page_lists_every_kpi(app) -> None:
    with app.server.app_context():
        row = find(data.layout(lang="en"), "data-kpi-robot_density")
    cells = [text(cell) for cell in row.children]  # KPI, definition, formula, unit, ...
    assert (cells[0], cells[2], cells[3]) == ("Robot density", "Σ (robots * 10000) / Σ (fte)", "robots per 10,000 FTE")


def test_unreadable_database_gives_an_error_page(tmp_path: Path) -> None:
    path = tmp_path / "broken.duckdb"
    path.write_bytes(b"\x00garbage" * 512)
    server = flask.Flask(__name__)
    server.extensions["dashboard.db"] = Database(path)
    with server.app_context():
        rendered = text_of(explorer.layout(lang="en"))
    assert "db-error" in rendered and str(path) in rendered and "make data DB=" in rendered
    assert "Traceback" not in rendered


def test_data_page_coverage_and_loads(app, tmp_path: Path) -> None:
    with app.server.app_context():
        rendered = text_of(data.layout(lang="en"))
    for part in ("data-coverage-years", "data-coverage-county", "data-coverage-sector", "data-coverage-missing",
                 "No files have been imported into this database.", "/data/template.xlsx"):
        assert part in rendered, part
    # after an import, the load history lists the file
    from dashboard import ingest
    from dashboard.warehouse import build_database
    from tests.conftest import tiny_tables

    db = tmp_path / "db.duckdb"
    t = tiny_tables()
    build_database(db, t["companies"], t["company_years"], t["nominations"], {"source": "test"})
    corpus = Path(__file__).parent / "ingest_corpus"
    assert ingest.load([corpus / "good_comma_utf8_bom.csv"], db) == 0
    server = flask.Flask(__name__)
    server.extensions["dashboard.db"] = Database(db)
    with server.app_context():
        rendered = text_of(data.layout(lang="nb"))
    assert "good_comma_utf8_bom.csv" in rendered and "data-loads" in rendered


def test_template_downloads(app) -> None:
    client = app.server.test_client()
    csv = client.get("/data/template.csv")
    assert csv.status_code == 200 and csv.headers["Content-Disposition"].endswith('filename="template.csv"')
    assert csv.data.decode("utf-8-sig").startswith("org_nr;name;county;sector;founded;year;fte;")
    xlsx = client.get("/data/template.xlsx")
    assert xlsx.status_code == 200 and xlsx.data[:2] == b"PK"


def test_ownership_filter_on_the_explorer(app) -> None:
    """?ownership=foreign: the filter bar shows it, the lead and charts say it, the address the
    server writes keeps it, and the figures are the foreign-owned companies' (the jury's view)."""
    from dashboard.callbacks import explorer as cb
    from dashboard.components import filter_bar as fb
    from dashboard.db import year_span
    from dashboard.disclosure import JURY, public

    with app.server.app_context():
        rendered = explorer.layout(lang="en", ownership="foreign")
        checklist = next(c for c in _walk(rendered) if getattr(c, "id", None) == fb.OWNERSHIP)
        assert checklist.value == ["foreign"]
        widgets = {"ownership": ["foreign"], "years": [2014, 2025]}
        search, nb, en = cb.address(filters=widgets, lang="en")
        assert search["href"] == "/?ownership=foreign&lang=en" and nb == "/?ownership=foreign"
        f = state.from_widgets(widgets, year_span())
        assert explorer.lead_text(f, "en") == "2025 · foreign-owned"
        foreign = explorer.trend_view(f, "en", JURY)["data"][0]["y"]
        everyone = explorer.trend_view(state.from_widgets({}, year_span()), "en", JURY)["data"][0]["y"]
        assert foreign != everyone and all(v is not None for v in foreign)
        # a choice of owner is the jury's: the public sees no figure for it
        shown = explorer.trend_view(f, "en", public())["data"]
        assert not any(v is not None for tr in shown if tr.get("name") == "Selection" for v in tr["y"])


def _walk(node):
    """Every component in a layout, depth first."""
    if isinstance(node, (list, tuple)):
        for child in node:
            yield from _walk(child)
        return
    yield node
    children = getattr(node, "children", None)
    if children is not None and not isinstance(children, (str, int, float)):
        yield from _walk(children)


def test_addresses_are_written_on_the_server(app) -> None:
    """Compare and benchmark addresses come from the server (the browser only pushes them)."""
    from dashboard.callbacks import benchmark as bench_cb
    from dashboard.callbacks import compare as compare_cb
    from dashboard.db import year_span

    with app.server.app_context():
        newest = year_span().last
        here, nb, en = compare_cb.address(
            year=newest - 1, prize="special", status=None, companies=["910000004", "x"], weights=[2, 1], view="level",
            ids=[{"criterion": "productivity"}, {"criterion": "innovation"}], lang="en")
        assert here == f"/compare?year={newest - 1}&prize=special&companies=910000004&view=level&lang=en"
        assert nb == here.replace("&lang=en", "") and en == here
        here, nb, _ = bench_cb.address(mode="company", query=" 910000004 ", year=newest, options=["sector"],
                                       trend_kpi="robot_density", lang="nb")
        assert here == nb == "/benchmark?company=910000004&kpi=robot_density&peers=sector"
        # typed figures never go into the address; the default peers are left out
        assert bench_cb.address(mode="typed", query="910000004", year=newest, options=["sector", "size"],
                                trend_kpi="productivity", lang="nb")[0] == "/benchmark"
