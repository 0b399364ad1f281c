"""The page's title follows its language and page, on first load and on a link followed inside the
app; a shared link carries Open Graph and Twitter card tags, with an image of the view drawn
offline."""

from __future__ import annotations

import re
import struct

import pytest



def page_tags(client, url: str) -> tuple[str, dict[str, str]]:
    html = client.get(url).data.decode()
    title = re.search(r"<title>(.*?)</title>", html).group(1)
    props = dict(re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', html))
    return title, props


def routed_title(client, path: str, search: str) -> str:
    body = {"output": ".._pages_content.children..._pages_store.data..",
            "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
            "inputs": [{"id": "_pages_location", "property": "pathname", "value": path},
                       {"id": "_pages_location", "property": "search", "value": search}],
            "changedPropIds": ["_pages_location.pathname"], "state": []}
    return client.post("/_dash-update-component", json=body).get_json()["response"]["_pages_store"]["data"]["title"]


def test_the_title_follows_the_language_and_the_page(app) -> None:
    client = app.server.test_client()
    assert page_tags(client, "/?lang=en")[0] == "Explore – Norway&#x27;s smartest industrial company"
    assert page_tags(client, "/data")[0] == "Data – Norges smarteste industribedrift"
    # a link followed inside the app (the menu, the language switch): the router gives the title
    assert routed_title(client, "/benchmark", "?lang=en") == "Benchmark – Norway's smartest industrial company"
    assert routed_title(client, "/present", "") == "Presenter – Norges smarteste industribedrift"
    assert routed_title(client, "/data", "?lang=xx") == "Data – Norges smarteste industribedrift"


def test_a_shared_link_has_a_preview(app) -> None:
    client = app.server.test_client()
    _, tags = page_tags(client, "/?lang=en&kpi=robot_density&county=46&company=999999999")
    assert tags["og:title"] == "Explore – Norway&#x27;s smartest industrial company"
    assert tags["og:description"].startswith("Robot density by county and sector, 2025 · Vestland.")
    assert tags["twitter:card"] == "summary_large_image" and tags["og:locale"] == "en_GB"
    image = tags["og:image"].replace("&amp;", "&")
    assert image == "http://localhost/og/explorer.png?lang=en&kpi=robot_density"  # the KPI, year and language only
    assert page_tags(client, "/compare")[1]["og:description"].startswith("Juryens arbeidsflate")
    assert client.get("/og/nothing.png").status_code == 404


def test_previews_past_an_addresses_limit_are_not_drawn(app, monkeypatch) -> None:
    """An address that asked for PREVIEW_LIMIT images not drawn before gets 503, not a drawing (so
    previews cannot keep the reports' drawing turn)."""
    from dashboard import drawing, ratelimit

    monkeypatch.setattr(ratelimit, "allow", lambda *args: False)
    monkeypatch.setattr(drawing, "_draw", lambda *args: pytest.fail("drawn past the limit"))
    r = app.server.test_client().get("/og/explorer.png?kpi=energy_intensity&to=2019&lang=en")
    assert r.status_code == 503 and r.headers["Retry-After"] == str(drawing.RETRY_AFTER)


@pytest.mark.slow
def test_the_preview_image_is_the_view_drawn_offline(app) -> None:
    r = app.server.test_client().get("/og/explorer.png?lang=en&kpi=robot_density&county=46")
    assert r.status_code == 200 and r.mimetype == "image/png" and "max-age" in r.headers["Cache-Control"]
    assert r.data[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", r.data[16:24]) == (1200, 630)
