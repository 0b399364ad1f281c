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
from selenium.webdriver.common.keys import Keys

from tests.browser.helpers import WAIT, requests_leaving_the_machine


@pytest.fixture
def other_origin(tmp_path: Path):
    """A web server of another origin (another port), serving ``host.html`` from ``tmp_path``."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield tmp_path, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


CHARTS = ("map", "sectors", "trend", "scatter")


def frame_states(driver) -> list[str]:
    """What each iframe shows: "drawn" (the chart's plot and its title or, for the scatter, its
    "hidden" note), "refused" (the browser's error page), or "" while it loads."""
    states = []
    for frame in driver.find_elements("css selector", "iframe"):
        driver.switch_to.frame(frame)
        try:
            states.append(driver.execute_script("""
                if (location.href.startsWith('chrome-error:')) return 'refused';
                const svg = document.querySelector('#embed-chart .main-svg');
                return svg && document.querySelector('#embed-chart .gtitle, #embed-chart .annotation') ? 'drawn' : '';"""))
        finally:
            driver.switch_to.default_content()
    return states


def test_the_embeds_in_another_sites_page(dash_duo, app, other_origin, monkeypatch) -> None:
    folder, origin = other_origin
    dash_duo.start_server(app)
    frames = "".join(f'<iframe src="{dash_duo.server_url}/embed/{chart}?kpi=robot_density&lang=en" width="600" '
                     f'height="400"></iframe>' for chart in CHARTS)
    (folder / "host.html").write_text(f"<!DOCTYPE html><html><body><h1>News</h1>{frames}</body></html>")
    monkeypatch.setitem(app.server.config, "FRAME_ANCESTORS", f"'self' {origin}")
    dash_duo.driver.get(origin + "/host.html")
    until(lambda: frame_states(dash_duo.driver) == ["drawn"] * 4, timeout=WAIT,
          msg="the embeds were not all drawn")
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
    # an origin FRAME_ANCESTORS does not list: the browser refuses to show any of them
    monkeypatch.setitem(app.server.config, "FRAME_ANCESTORS", "'self' https://www.norskindustri.no")
    dash_duo.driver.get(origin + "/host.html?again")
    until(lambda: frame_states(dash_duo.driver) == ["refused"] * 4, timeout=WAIT,
          msg="the embeds were not all refused")


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_charts_download_as_png_and_svg_offline(dash_duo, app) -> None:
    dash_duo.start_server(app)
    dash_duo.driver.get(dash_duo.server_url + "/?lang=en&kpi=robot_density&county=46")
    dash_duo.wait_for_element("#explorer-map .main-svg", timeout=WAIT)
    folder = Path(dash_duo.download_path)
    dash_duo.find_element('[id*=\'"type":"explorer-share-open"\'][id*=\'"chart":"map"\']').send_keys(Keys.ENTER)
    link = dash_duo.wait_for_element("#explorer-share-map-link", timeout=WAIT)
    until(lambda: link.get_attribute("value").endswith("/?county=46&kpi=robot_density&lang=en"), timeout=WAIT,
          msg="no link in the share menu")
    snippet = dash_duo.find_element("#explorer-share-map-embed").get_attribute("value")
    # the embed keeps the view's years, written out: it goes on showing them after a new year is imported
    assert snippet.startswith(f'<iframe src="{dash_duo.server_url}/embed/map?county=46&amp;kpi=robot_density&amp;'
                              f'from=2014&amp;to=2025&amp;lang=en" width="600" height="400"')
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
