"""The embeds in this process: who may frame what, the public's figures whoever asks, and hostile
addresses answered without a 500."""

from __future__ import annotations

import json
import re

import pytest

from dashboard import state
from dashboard.db import year_span
from dashboard.pages import explorer

SITE = "https://www.norskindustri.no"


@pytest.fixture
def client(app, monkeypatch):
    monkeypatch.setitem(app.server.config, "FRAME_ANCESTORS", f"'self' {SITE}")
    return app.server.test_client()


def framing(response) -> str:
    return response.headers["Content-Security-Policy"].split("frame-ancestors ")[1]


def test_only_the_embeds_may_be_framed_by_other_sites(client) -> None:
    for path in ("/embed/map", "/embed/sectors", "/embed/trend", "/embed/scatter", "/embed/embed.js"):
        r = client.get(path)
        assert r.status_code == 200 and framing(r) == f"'self' {SITE}", path
    # anything else under /embed/ is the app's own page (Dash answers any path): framed by the app only
    for path in ("/", "/login", "/jury", "/embed/", "/embed/map/x", "/embed//jury", "/embed/map/../../jury"):
        assert framing(client.get(path)) == "'self'", path
    assert client.get("/embed/table").status_code == 404


def embedded_figure(client, query: str) -> dict:
    html = client.get("/embed/trend?" + query).data.decode()
    return json.loads(re.search(r'<script type="application/json" id="embed-figure">(.*?)</script>', html, re.S)
                      .group(1).replace("<\\/", "</"))


def test_an_embed_is_the_publics_view(app, client) -> None:
    """Winners before their publish date, a tiny cell: the embed's figure is the public explorer's."""
    query = {"kpi": "productivity", "county": "46", "sector": "26", "size": "large", "status": "winner"}
    with app.server.test_request_context("/"):
        public = explorer.trend_view(state.from_query(query, year_span()), "nb", None)
    shown = embedded_figure(client, "&".join(f"{k}={v}" for k, v in query.items()))
    assert shown["data"] == json.loads(json.dumps(public["data"]))


@pytest.mark.parametrize("query", ["kpi=%3C/script%3E%3Cscript%3Ealert(1)", "county=" + "9" * 20_000,
                                   "from=abc&to=99999", "kpi=productivity&kpi=x&county=46&county=';drop",
                                   "lang=%22%3E%3Cscript%3E"])
def test_hostile_addresses_give_a_page_not_a_500(client, query) -> None:
    r = client.get("/embed/map?" + query)
    text = r.data.decode()
    assert r.status_code == 200 and "Traceback" not in text and "<script>alert" not in text
