"""Screenshots of the app in headless Chromium, for the README and for looking at what we build.

    python -m tests.browser.screenshot OUT.png [PATH] [WIDTHxHEIGHT]

Serves the app (DASHBOARD_DB, demo data by default) on a free local port, opens PATH (default /)
and saves a full-page PNG.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

from selenium import webdriver
from werkzeug.serving import make_server

from dashboard import create_app


def shoot(out: Path, path: str = "/", size: str = "1280x900") -> None:
    width, height = (int(v) for v in size.split("x"))
    server = make_server("127.0.0.1", 0, create_app().server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--disable-background-networking", f"--window-size={width},{height}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options)
    try:
        driver.get(f"http://127.0.0.1:{server.server_port}{path}")
        time.sleep(3)  # let callbacks and plotly finish drawing
        full = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(width, max(height, full))
        time.sleep(0.5)
        out.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(out))
    finally:
        driver.quit()
        server.shutdown()


if __name__ == "__main__":
    shoot(Path(sys.argv[1]), *sys.argv[2:])
