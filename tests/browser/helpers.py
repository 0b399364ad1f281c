"""Helpers that hide CSS selectors and browser plumbing from the tests."""

from __future__ import annotations

from urllib.parse import urlparse

from dash.testing.wait import until

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
WAIT = 30  # seconds at most for a state, on a loaded machine; each wait ends as soon as it is there


def requests_leaving_the_machine(dash_duo) -> list[str]:
    """Every resource the page loaded (scripts, styles, fonts, images, XHR) from another host."""
    urls = dash_duo.driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
        ".concat([location.href]);"
    )
    return [u for u in urls if urlparse(u).scheme in ("http", "https", "ws", "wss")
            and urlparse(u).hostname not in LOCAL_HOSTS]


def card_label(dash_duo, card_id: str) -> str:
    return dash_duo.find_element(f"#explorer-card-{card_id} .card-label").text


def card_value(dash_duo, card_id: str) -> str:
    """The value as written in the page (``.text`` would turn no-break spaces into spaces)."""
    return dash_duo.find_element(f"#explorer-card-{card_id} .card-value").get_attribute("textContent")


def chart_title(dash_duo, graph_id: str) -> str:
    return dash_duo.find_element(f"#{graph_id} .gtitle").get_attribute("textContent")


def chart_subtitle(dash_duo, graph_id: str) -> str:
    """The subtitle's text (textContent: selenium's .text misses SVG text outside the viewport)."""
    return " ".join(e.get_attribute("textContent") for e in dash_duo.find_elements(f"#{graph_id} .gtitle-subtitle"))


def click_point(dash_duo, graph_id: str, index: int) -> None:
    """Hover and click the index-th point of a graph's first trace, as a user's mouse would."""
    from selenium.webdriver.common.action_chains import ActionChains

    point = dash_duo.find_elements(f"#{graph_id} .scatterlayer .trace:first-child .point")[index]
    ActionChains(dash_duo.driver).move_to_element(point).pause(0.3).click().perform()


def dropdown_text(dash_duo, dropdown_id: str) -> str:
    return dash_duo.find_element(f"#{dropdown_id}").text


def address_shows(dash_duo, test, what: str) -> str:
    """Wait until the address bar passes ``test`` (a view's address is written by a callback of its
    own, after the view's charts may already be drawn), and return it."""
    until(lambda: test(dash_duo.driver.current_url), timeout=WAIT, poll=0.1,
          msg=f"the address never {what}: {dash_duo.driver.current_url}")
    return dash_duo.driver.current_url


def map_shows(dash_duo, year: int, kpi: str = "Productivity") -> None:
    """Wait until the explorer's map is titled for ``year``, looking often (▶ play steps a year
    every 1.4 s, and a step must not be missed) for as long as a busy machine needs."""
    title = f"{kpi} by county, {year}"
    now = "const e = document.querySelector('#explorer-map .gtitle'); return e && e.textContent;"
    until(lambda: dash_duo.driver.execute_script(now) == title, timeout=WAIT, poll=0.1,
          msg=f"the map never showed {title!r}")
