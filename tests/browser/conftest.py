"""Browser tests drive real headless Chromium through dash[testing]'s ``dash_duo``.

Chromium and ChromeDriver come from Debian's packages ``chromium`` and ``chromium-driver``;
``make test`` installs them when run as root on Debian. Elsewhere, without them, these tests are
skipped with the command that installs them, unless REQUIRE_BROWSER=1 (as in CI), where a missing
browser is an error.
"""

from __future__ import annotations

import os
import shutil

import pytest
from selenium.webdriver.chrome.options import Options

INSTALL_HINT = "install Chromium and its driver: sudo apt-get install -y chromium chromium-driver"
HAVE_BROWSER = bool(shutil.which("chromedriver") and (shutil.which("chromium") or shutil.which("google-chrome")))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if HAVE_BROWSER:
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(f"REQUIRE_BROWSER=1 but no Chromium/ChromeDriver found: {INSTALL_HINT}")
    skip = pytest.mark.skip(reason=f"no Chromium/ChromeDriver: {INSTALL_HINT}")
    for item in items:
        if "browser" in item.nodeid.split("/"):
            item.add_marker(skip)


def pytest_setup_options() -> Options:
    options = Options()
    if shutil.which("chromium"):
        options.binary_location = shutil.which("chromium")
    # no background traffic of Chromium's own: every request a test sees comes from the page
    for arg in ("--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--disable-quic", "--window-size=1280,900", "--lang=nb-NO"):
        options.add_argument(arg)
    return options
