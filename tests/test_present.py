"""The presentation's settings from the URL, and the winner kept secret until the reveal."""

from __future__ import annotations

import json

from plotly.utils import PlotlyJSONEncoder

from dashboard.disclosure import JURY
from dashboard.db import run_query
from dashboard.pages import present
from tests.dash_requests import callback_body


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
    text = client.post("/_dash-update-component", json=body).get_data(as_text=True)
    with app.server.app_context():
        main = run_query("present_winners", year_from=2025, year=2025,
                         as_of=JURY.as_of).query("prize == 'main'")["name"].iloc[0]
    assert main in text and "winner-name" in text
    hostile = callback_body(app, "present-winner.children",
                            {"present-reveal.data": "x", "present-year.data": "1e999; drop", "present-lang.data": 5})
    response = client.post("/_dash-update-component", json=hostile)
    assert response.status_code == 200 and "Traceback" not in response.get_data(as_text=True)
