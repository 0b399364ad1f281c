"""Embeds and image downloads in headless Chromium: a chart embedded in a page of another origin
is drawn when FRAME_ANCESTORS lists that origin and refused when it does not; the explorer's
charts download as PNG and SVG at 1600 × 900, offline, named for what they show, with their
title and source note inside."""

from __future__ import annotations

import functools
import http.server
import struct
import threading
from pathlib import Path

import pytest
from dash.testing.wait import until

from tests.browser.helpers import WAIT, requests_leaving_the_machine


@pytest.fixture
def other_origin(tmp_path: Path):
    """A web server of another origin (another port), serving ``host.html`` from ``tmp_path``."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield tmp_path, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def frame_state(driver) -> str:
    """What the first iframe shows: "drawn" (the chart's plot), "refused" (the browser's error
    page), or "" while it loads."""
    driver.switch_to.frame(driver.find_element("css selector", "iframe"))
    try:
        return driver.execute_script("""
            if (location.href.startsWith('chrome-error:')) return 'refused';
            const svg = document.querySelector('#embed-chart .main-svg');
            return svg && document.querySelector('#embed-chart .gtitle') ? 'drawn' : '';""")
    finally:
        driver.switch_to.default_content()


def test_an_embed_in_another_sites_page(dash_duo, app, other_origin, monkeypatch) -> None:
    folder, origin = other_origin
    dash_duo.start_server(app)
    src = dash_duo.server_url + "/embed/map?kpi=robot_density&lang=en"
    (folder / "host.html").write_text(f'<!DOCTYPE html><html><body><h1>News</h1>'
                                      f'<iframe src="{src}" width="600" height="400"></iframe></body></html>')
    monkeypatch.setitem(app.server.config, "FRAME_ANCESTORS", f"'self' {origin}")
    dash_duo.driver.get(origin + "/host.html")
    until(lambda: frame_state(dash_duo.driver) == "drawn", timeout=WAIT, msg="the embed was not drawn")
    dash_duo.driver.switch_to.frame(dash_duo.driver.find_element("css selector", "iframe"))
    shown = dash_duo.driver.execute_script("""
        const gd = document.getElementById('embed-chart');
        return {title: gd.querySelector('.gtitle').textContent, width: gd._fullLayout.width,
                height: gd._fullLayout.height, open: document.getElementById('embed-open').href,
                nav: document.querySelectorAll('nav, header, .filter-bar').length,
                note: Array.from(gd.querySelectorAll('.annotation-text')).map(a => a.textContent).join(' ')};""")
    dash_duo.driver.switch_to.default_content()
    assert shown["title"] == "Robot density by county, 2025" and shown["nav"] == 0
    assert shown["width"] == 600 and 340 <= shown["height"] <= 380  # the frame, less the link's line
    assert shown["open"] == dash_duo.server_url + "/?kpi=robot_density&lang=en"
    assert "Source: synthetic demo" in shown["note"]  # the note, as drawn (its lines run together)
    # an origin FRAME_ANCESTORS does not list: the browser refuses to show it
    monkeypatch.setitem(app.server.config, "FRAME_ANCESTORS", "'self' https://www.norskindustri.no")
    dash_duo.driver.get(origin + "/host.html?again")
    until(lambda: frame_state(dash_duo.driver) == "refused", timeout=WAIT, msg="the embed was not refused")


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_charts_download_as_png_and_svg_offline(dash_duo, app) -> None:
    dash_duo.start_server(app)
    dash_duo.driver.get(dash_duo.server_url + "/?lang=en&kpi=robot_density&county=46")
    dash_duo.wait_for_element("#explorer-map .main-svg", timeout=WAIT)
    folder = Path(dash_duo.download_path)
    dash_duo.find_element("#explorer-share-map-open").click()
    link = dash_duo.wait_for_element("#explorer-share-map-link", timeout=WAIT)
    until(lambda: link.get_attribute("value").endswith("/?county=46&kpi=robot_density&lang=en"), timeout=WAIT,
          msg="no link in the share menu")
    snippet = dash_duo.find_element("#explorer-share-map-embed").get_attribute("value")
    assert snippet.startswith(f'<iframe src="{dash_duo.server_url}/embed/map?county=46&amp;kpi=robot_density&amp;lang=en"')
    for fmt in ("png", "svg"):
        dash_duo.find_element(f'[id*=\'"format":"{fmt}"\'][id*=\'"chart":"map"\']').click()
    name = "map-robot-density-vestland-2025"
    until(lambda: (folder / f"{name}.png").exists() and (folder / f"{name}.svg").exists(), timeout=WAIT,
          msg=f"no {name}.png and .svg in {sorted(p.name for p in folder.iterdir())}")
    assert png_size((folder / f"{name}.png").read_bytes()) == (1600, 900)
    svg = (folder / f"{name}.svg").read_text(encoding="utf-8")
    assert 'width="1600"' in svg and 'height="900"' in svg
    assert "Robot density by county, 2025" in svg and "Source: synthetic demo" in svg
    assert requests_leaving_the_machine(dash_duo) == []
