"""The app in real headless Chromium: first page, language switch, console and network."""

from __future__ import annotations

import re

from tests.browser.helpers import card_label, card_value, requests_leaving_the_machine


def test_explorer_shows_numbers_and_switches_language(dash_duo, app) -> None:
    dash_duo.start_server(app)
    dash_duo.wait_for_text_to_equal("#explorer-card-robot_density .card-label", "Robottetthet")
    assert dash_duo.find_element("#demo-badge").text == "Syntetiske demodata"
    # Norwegian number format: a no-break space groups thousands, a comma marks decimals
    assert re.fullmatch(r"\d{1,2}\u00a0\d{3}", card_value(dash_duo, "fte"))
    assert re.fullmatch(r"\d+,\d", card_value(dash_duo, "automation_share"))
    dash_duo.wait_for_contains_text("#explorer-trend .gtitle", "Produktivitet, 2014–2025")

    dash_duo.find_element("#lang-en").click()
    dash_duo.wait_for_text_to_equal("#explorer-card-robot_density .card-label", "Robot density")
    assert dash_duo.driver.current_url.endswith("/?lang=en")
    assert dash_duo.driver.execute_script("return document.documentElement.lang") == "en"
    assert re.fullmatch(r"\d{1,2},\d{3}", card_value(dash_duo, "fte"))
    assert card_label(dash_duo, "fte") == "Full-time equivalents"

    dash_duo.select_dcc_dropdown("#explorer-kpi", "Robot density")
    dash_duo.wait_for_contains_text("#explorer-trend .gtitle", "Robot density, 2014–2025")
    dash_duo.find_element("#lang-nb").click()
    dash_duo.wait_for_text_to_equal("#explorer-card-robot_density .card-label", "Robottetthet")

    assert dash_duo.get_logs() == []
    assert requests_leaving_the_machine(dash_duo) == []


def test_navigation_reaches_every_page_and_keeps_the_language(dash_duo, app) -> None:
    dash_duo.start_server(app)
    dash_duo.wait_for_element("#lang-en").click()
    dash_duo.wait_for_text_to_equal("#explorer-card-robot_density .card-label", "Robot density")
    # the presentation last: it has no navigation of its own
    for label, marker in (("Compare", "#compare-rule"), ("Benchmark", "#benchmark-table"),
                          ("Data", "#data-kpi-catalogue"), ("Present", "#present-deck")):
        link = dash_duo.driver.find_element("link text", label)
        link.click()
        dash_duo.wait_for_element(marker)
        assert "lang=en" in dash_duo.driver.current_url
    assert dash_duo.find_element("#present-deck").get_attribute("lang") == "en"
    dash_duo.driver.get(dash_duo.server_url + "/data?lang=en")
    dash_duo.wait_for_contains_text("#data-kpi-robot_density", "robots per 10,000 FTE")
    dash_duo.driver.get(dash_duo.server_url + "/no-such-page?lang=en")
    dash_duo.wait_for_text_to_equal("#not-found", "Page not found")
    assert dash_duo.get_logs() == []
    assert requests_leaving_the_machine(dash_duo) == []


def test_keyboard_reaches_skip_link_and_navigation(dash_duo, app) -> None:
    from selenium.webdriver.common.keys import Keys

    dash_duo.start_server(app)
    dash_duo.wait_for_element("#explorer-card-productivity")
    body = dash_duo.find_element("body")
    body.send_keys(Keys.TAB)
    active = dash_duo.driver.switch_to.active_element
    assert active.get_attribute("class") == "skip-link"
    assert active.is_displayed()
