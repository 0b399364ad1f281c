"""Screenshots of the app in headless Chromium, for the README and for looking at what we build.

    python -m tests.browser.screenshot OUT.png [PATH] [WIDTHxHEIGHT]

Serves the app (DASHBOARD_DB, demo data by default) on a free local port, opens PATH (default /)
and saves a full-page PNG.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from pathlib import Path

from selenium import webdriver
from werkzeug.serving import make_server

from dashboard import create_app


# The page is drawn: the page's content is in, no callback is pending (Dash marks the components
# it is loading), and every chart shown is plotted at the size of its box.
DRAWN = """
    if (!document.querySelector('#_pages_content > *')) return false;
    if (document.querySelector('[data-dash-is-loading="true"]')) return false;
    return Array.from(document.querySelectorAll('.dash-graph')).filter(g => g.offsetParent !== null).every(g => {
        const gd = g.querySelector('.js-plotly-plot'), full = gd && gd._fullLayout;
        return Boolean(full && gd.querySelector('.main-svg')) && !gd._transitioning
            && Math.abs(full.width - gd.clientWidth) <= 1.5 && Math.abs(full.height - gd.clientHeight) <= 1.5;
    });"""


def drawn(driver, timeout: float = 60) -> None:
    """Wait until the page is drawn, and still so a moment later (one callback may set off the next)."""
    deadline, since = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        if not driver.execute_script(DRAWN):
            since = None
        elif since is None:
            since = time.monotonic()
        elif time.monotonic() - since >= 0.5:
            return
        time.sleep(0.1)  # the pace of the poll
    raise TimeoutError(f"the page was not drawn in {timeout:g} s")


@contextlib.contextmanager
def serving():
    """The app (DASHBOARD_DB, demo data by default) on a free local port; yields its base URL."""
    server = make_server("127.0.0.1", 0, create_app().server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


@contextlib.contextmanager
def chromium(width: int, height: int):
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--disable-background-networking", f"--window-size={width},{height}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options)
    try:
        viewport(driver, width, height)
        yield driver
    finally:
        driver.quit()


def viewport(driver, width: int, height: int) -> None:
    """The page's viewport exactly ``width`` × ``height`` (a headless window's size includes the
    browser's frame, so its page area is smaller)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def full_page(driver, out: Path, width: int, height: int) -> None:
    """Save the whole page: the viewport stretched to the page's height, the charts redrawn at it."""
    drawn(driver)
    full = driver.execute_script("return document.documentElement.scrollHeight")
    viewport(driver, width, max(height, full))
    drawn(driver)
    out.parent.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(out))
    viewport(driver, width, height)


def shoot(out: Path, path: str = "/", size: str = "1280x900") -> None:
    width, height = (int(v) for v in size.split("x"))
    with serving() as url, chromium(width, height) as driver:
        driver.get(url + path)
        full_page(driver, out, width, height)


if __name__ == "__main__":
    shoot(Path(sys.argv[1]), *sys.argv[2:])
