"""Signing in and out in real headless Chromium against `make serve` with AUTH=on: the browser's own
form posts pass the same-site check, and the header's sign-out button ends the session on the server."""

from __future__ import annotations

import json

import requests

from tests.browser.helpers import WAIT
from tests.test_auth import PASSWORD, route, secured  # noqa: F401  (secured: the served app, a fixture)


def test_sign_in_and_out_in_the_browser(dash_br, secured) -> None:  # noqa: F811
    url = secured["url"]
    dash_br.driver.get(url + "/login?lang=en")
    dash_br.find_element("#name").send_keys("jury")
    dash_br.find_element("#password").send_keys(PASSWORD)
    dash_br.find_element("button[type=submit]").click()
    dash_br.wait_for_contains_text("#access", "Jury", timeout=WAIT)
    copied = {c["name"]: c["value"] for c in dash_br.driver.get_cookies()}

    dash_br.find_element("#access-sign-out").click()
    dash_br.wait_for_contains_text("#access", "Sign in", timeout=WAIT)
    assert dash_br.driver.current_url == url + "/?lang=en"
    # the cookie the browser held while signed in is worth nothing now
    thief = requests.Session()
    thief.cookies.update(copied)
    assert "Jury" not in json.dumps(route(thief, secured, "/", "?lang=en"))
