"""Years from the data, in headless Chromium: once the data runs to 2026, the explorer shows 2026,
and the address the browser writes leaves out exactly the years the server leaves out."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlparse

from dash.testing.wait import until

from dashboard import state
from dashboard.years import Span
from tests.browser.helpers import WAIT, address_shows, map_shows

SPAN = Span(2024, 2026)  # the years of tests/conftest.py tiny_tables_2026()


def search(dash_duo) -> str:
    return urlparse(dash_duo.driver.current_url).query


def test_explorer_shows_2026_and_the_address_follows_the_data(dash_duo, app_with_2026) -> None:
    dash_duo.start_server(app_with_2026)
    dash_duo.driver.get(dash_duo.server_url + "/?lang=en")
    dash_duo.wait_for_text_to_equal("#explorer-map .gtitle", "Productivity by county, 2026")
    dash_duo.wait_for_text_to_equal("#explorer-lead", "2026 · all companies")
    dash_duo.wait_for_contains_text("#explorer-table-title", "2026")
    assert "2026" in dash_duo.find_element("#explorer-years").text  # the slider's last mark
    assert search(dash_duo) == "lang=en"  # the whole span is the default: no years in the address

    # ▶ at the end starts from the first year and plays on to 2026, where it stops
    dash_duo.find_element("#explorer-play").click()
    for year in (2024, 2025, 2026):  # each step a state to wait on, however busy the machine
        map_shows(dash_duo, year)
    dash_duo.wait_for_text_to_equal("#explorer-play", "▶ Play the years")
    # back at the last year with data, the address drops "to" again, as state.Filters.to_query does
    address_shows(dash_duo, lambda url: urlparse(url).query == "lang=en", "dropped the years")
    assert search(dash_duo) == "lang=en"
    nb_link = "const a = document.querySelector('#lang-nb'); return a && a.href;"
    until(lambda: (dash_duo.driver.execute_script(nb_link) or "").endswith("/"), timeout=WAIT,
          msg="the language link kept the years")

    # a link to 2025 keeps "to" (▶ play's years replace one history entry, so this is a link)
    dash_duo.driver.get(dash_duo.server_url + "/?to=2025&lang=en")
    dash_duo.wait_for_text_to_equal("#explorer-map .gtitle", "Productivity by county, 2025")
    assert search(dash_duo) == "to=2025&lang=en"
    expected = state.from_query(dict(parse_qsl(search(dash_duo))), SPAN)
    assert "?" + search(dash_duo) == expected.to_query("en", SPAN)
    # back to the played view: no "to" in the address means the last year with data, 2026
    dash_duo.driver.back()
    dash_duo.wait_for_text_to_equal("#explorer-map .gtitle", "Productivity by county, 2026")
    dash_duo.wait_for_text_to_equal("#explorer-lead", "2026 · all companies")
    assert dash_duo.get_logs() == []


def test_compare_and_benchmark_offer_2026_and_leave_it_out_of_the_address(dash_duo, app_with_2026) -> None:
    from tests.conftest import ORG_A

    dash_duo.start_server(app_with_2026)
    for path in ("/compare?lang=en", f"/benchmark?company={ORG_A}&lang=en"):
        page = path.split("?")[0].strip("/")
        dash_duo.driver.get(dash_duo.server_url + path)
        dash_duo.wait_for_contains_text(f"#{page}-year", "2026")
        dash_duo.select_dcc_dropdown(f"#{page}-year", "2025")
        until(lambda: "year=2025" in search(dash_duo), timeout=WAIT)
        dash_duo.select_dcc_dropdown(f"#{page}-year", "2026")
        until(lambda: "year=" not in search(dash_duo), timeout=WAIT)  # the newest year is the default
        assert "lang=en" in search(dash_duo)
    assert dash_duo.get_logs() == []
