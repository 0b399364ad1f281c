"""The presentation's settings from the URL, and the winner kept secret until the reveal."""

from __future__ import annotations

import copy
import json

import plotly.io as pio
from dash import dcc
from plotly.utils import PlotlyJSONEncoder

from dashboard import figures
from dashboard.db import run_query
from dashboard.disclosure import JURY
from dashboard.pages import present
from tests.dash_requests import callback_body
from tests.layout import by_class, text
from tests.test_figures import tile_map


def test_url_settings() -> None:
    assert present.parse_slides("headline,map,scatter") == ["headline", "map", "scatter"]
    assert present.parse_slides("nope,map,map") == ["map"]
    assert present.parse_slides(None) == list(present.SLIDES)
    assert [present.parse_auto(v) for v in ("15", "0", "-4", "1", "99999", "x", None)] == [15, 0, 0, 3, 600, 0, 0]


def test_winner_is_not_in_the_page_until_revealed(app) -> None:
    with app.server.app_context():
        page = json.dumps(present.layout(year="2025", lang="en"), cls=PlotlyJSONEncoder)
        winners = run_query("present_winners", year_from=2025, year=2025, as_of=JURY.as_of)
        finalists = run_query("present_finalists", year=2025, as_of=JURY.as_of)
    for prize in ("main", "special"):
        names = finalists[finalists["prize"] == prize]["name"].tolist()
        assert names == sorted(names)  # alphabetical: the order gives nothing away
    assert '"winner-name"' not in page
    for name in winners["name"]:
        assert page.count(name) == 1  # once, as a finalist among the others


def test_reveal_over_http(app) -> None:
    client = app.server.test_client()
    client.get("/")
    body = callback_body(app, "present-winner.children",
                         {"present-reveal.data": 1, "present-year.data": 2025, "present-lang.data": "en"})
    blocks = client.post("/_dash-update-component", json=body).get_json()["response"]["present-winner"]["children"]
    with app.server.app_context():
        main = run_query("present_winners", year_from=2025, year=2025,
                         as_of=JURY.as_of).query("prize == 'main'")["name"].iloc[0]
    assert [text(by_class(b, "winner-name")) for b in by_class(blocks, "winner-main")] == [main]
    hostile = callback_body(app, "present-winner.children",
                            {"present-reveal.data": "x", "present-year.data": "1e999; drop", "present-lang.data": 5})
    response = client.post("/_dash-update-component", json=hostile)
    assert response.status_code == 200 and "Traceback" not in response.get_data(as_text=True)


def test_dark_returns_a_new_figure_and_leaves_the_original_alone() -> None:
    fig = figures.with_layout(figures.tiles_as_shapes(tile_map(), font=20), height=500)
    before = copy.deepcopy(fig)
    slide = present.dark(fig)
    assert fig == before
    assert slide is not fig and slide["layout"] is not fig["layout"]
    assert slide["layout"]["margin"] is not fig["layout"]["margin"]
    assert "height" not in slide["layout"] and slide["layout"]["autosize"] is True
    assert slide["layout"]["margin"]["t"] == 110 and slide["layout"]["margin"]["b"] == 70
    # the note under the plot goes (a caption says it on the slide); the tile labels stay
    assert [a for a in fig["layout"]["annotations"] if a.get("xref") == "paper"]
    assert [a["xref"] for a in slide["layout"]["annotations"]] == ["x"] * 15


def test_slide_charts_take_the_dark_look_from_the_template(app) -> None:
    with app.server.app_context():
        page = present.layout(year="2025", lang="en", slides="map,scatter,automation,sectors")
    graphs = [c for c in page._traverse() if isinstance(c, dcc.Graph)]
    assert [g.id for g in graphs] == ["present-map", "present-scatter", "present-automation", "present-sectors"]
    dark = pio.templates["nsi_dark"].to_plotly_json()
    assert dark["layout"]["paper_bgcolor"] == dark["layout"]["plot_bgcolor"] == figures.SLIDE_PAPER
    for graph in graphs:
        layout = graph.figure["layout"]
        # the template goes with the figure (plotly.js knows no template by plotly.py's name)...
        assert layout["template"] == dark, graph.id
        # ...and the light look of the other pages is left out, so the template's shows
        assert not {"paper_bgcolor", "plot_bgcolor", "font"} & layout.keys(), graph.id
        assert "font" not in layout["title"] and "gridcolor" not in layout["xaxis"], graph.id
