"""Browser tests drive real headless Chromium through dash[testing]'s ``dash_duo``.

Chromium and ChromeDriver come from Debian's packages ``chromium`` and ``chromium-driver``;
``make test`` installs them when run as root on Debian. Elsewhere, without them, these tests are
skipped with the command that installs them, unless REQUIRE_BROWSER=1 (as in CI), where a missing
browser is an error.
"""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest
from selenium.webdriver.chrome.options import Options

from tests.browser.helpers import WAIT

INSTALL_HINT = "install Chromium and its driver: sudo apt-get install -y chromium chromium-driver"
HAVE_BROWSER = bool(shutil.which("chromedriver") and (shutil.which("chromium") or shutil.which("google-chrome")))
HERE = Path(__file__).resolve().parent


@pytest.hookimpl(tryfirst=True)  # before `-m "not slow"` deselects by marker
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every browser test is slow (`make test-fast` leaves them out; `make test` and CI run them).
    Without a browser they are skipped, or, with REQUIRE_BROWSER=1 (CI), the run fails."""
    browser_tests = [item for item in items if HERE in item.path.resolve().parents]
    for item in browser_tests:
        item.add_marker(pytest.mark.slow)
    if HAVE_BROWSER or not browser_tests:
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(f"REQUIRE_BROWSER=1 but no Chromium/ChromeDriver found: {INSTALL_HINT}")
    skip = pytest.mark.skip(reason=f"no Chromium/ChromeDriver: {INSTALL_HINT}")
    for item in browser_tests:
        item.add_marker(skip)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pytest_setup_options() -> Options:
    options = Options()
    if shutil.which("chromium"):
        options.binary_location = shutil.which("chromium")
    # no background traffic of Chromium's own: every request a test sees comes from the page
    for arg in ("--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--disable-quic", "--window-size=1280,900", "--lang=nb-NO"):
        options.add_argument(arg)
    return options


@pytest.fixture
def dash_thread_server():
    """dash[testing]'s threaded server, given WAIT seconds to stop (its default is 3 s)."""
    from dash.testing.application_runners import ThreadedRunner

    with ThreadedRunner(stop_timeout=WAIT) as starter:
        yield starter


def _browser_options(request: pytest.FixtureRequest, tmpdir) -> dict:
    """dash[testing]'s own fixture arguments, and a generous default wait (its default is 10 s)."""
    get = request.config.getoption
    return dict(browser=get("webdriver"), remote=get("remote"), remote_url=get("remote_url"),
                headless=get("headless"), options=request.config.hook.pytest_setup_options(),
                download_path=tmpdir.mkdir("download").strpath, percy_assets_root=get("percy_assets"),
                percy_finalize=get("nopercyfinalize"), pause=get("pause"), wait_timeout=WAIT)


@pytest.fixture
def dash_duo(request: pytest.FixtureRequest, dash_thread_server, tmpdir):
    """dash[testing]'s ``dash_duo``, with WAIT seconds for the server to start, the page to load and
    every wait_for_* (its defaults: 3, 10 and 10 s), on a free port (its own ports count up from
    58050, the same in every test session, so two sessions at once would meet each other's app)."""
    from dash.testing.composite import DashComposite

    class Composite(DashComposite):
        def start_server(self, app, navigate: bool = True, **kwargs) -> None:
            kwargs.setdefault("start_timeout", WAIT)
            kwargs.setdefault("port", free_port())
            super().start_server(app, navigate, **kwargs)

        def wait_for_page(self, url: str | None = None, timeout: float = WAIT) -> None:
            super().wait_for_page(url, timeout)

    with Composite(server=dash_thread_server, **_browser_options(request, tmpdir)) as dc:
        yield dc


@pytest.fixture
def dash_br(request: pytest.FixtureRequest, tmpdir):
    """dash[testing]'s ``dash_br``, whose wait_for_* helpers wait up to WAIT seconds."""
    from dash.testing.browser import Browser

    with Browser(**_browser_options(request, tmpdir)) as browser:
        yield browser
