"""The benchmark page in headless Chromium: the empty page says what to do and draws nothing; a
company in a peer group too small to show gets exactly one banner (the only place the reason is
said) and a table of its own figures, and the banner's button widens the group until the figures
show."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from selenium.webdriver.common.keys import Keys

from dashboard import benchmark as bench
from dashboard.pages import benchmark as page
from tests.browser.helpers import WAIT, address_shows
from tests.waiting import wait_until


def hidden_group_company(app, db_path) -> tuple[str, list[str]]:
    """A 2025 company whose peer group "same sector, county and size" shows nothing to the viewer
    the test app has, and the wider group the page should offer."""
    import duckdb

    with duckdb.connect(str(db_path), read_only=True) as con:
        orgs = [r[0] for r in con.execute("select org_nr from companies order by org_nr").fetchall()]
    with app.server.app_context():
        for org in orgs:
            subject = bench.company_subject(org, 2025)
            options = list(bench.PEER_OPTIONS)
            if subject is not None and bench.hidden_group(bench.rows(subject, options, 2025)[1]):
                return org, bench.widen(subject, options, 2025)
    raise AssertionError("the demo data has no company in a peer group too small to show")


def test_empty_page_and_one_banner_for_a_small_group(dash_duo, app, demo_db_path) -> None:
    org, wider = hidden_group_company(app, demo_db_path)
    assert wider is not None and len(wider) < 3
    dash_duo.start_server(app)
    dash_duo.driver.get(dash_duo.server_url + "/benchmark?peers=sector,county,size&lang=en")
    # the empty page: one panel says what to do; no chart, no report button on the page
    dash_duo.wait_for_contains_text(f"#{page.EMPTY}", "Type an organisation number")
    assert dash_duo.find_elements(".js-plotly-plot") == []
    assert not dash_duo.find_element(f"#{page.REPORT_LANG}-en").is_displayed()
    dash_duo.find_element(f"#{page.QUERY}").send_keys(org + Keys.ENTER)
    dash_duo.wait_for_contains_text(f"#{page.BANNER_TEXT}", "cannot be shown")
    banners = [b for b in dash_duo.find_elements(".small-group") if b.is_displayed()]
    assert len(banners) == 1 and not dash_duo.find_element(f"#{page.EMPTY}").is_displayed()
    # the reason is said once on the whole page; the table keeps the company's own figures and the
    # winners' level, with no column of hidden cells
    assert dash_duo.find_element("body").text.count("fewer than 5 companies") == 1
    table = dash_duo.find_element(f"#{page.TABLE}")
    assert [th.text for th in table.find_elements("css selector", "thead th")] == ["Key figure", "Subject",
                                                                                   "Winners' level"]
    assert "hidden" not in table.text.lower() and "fewer than" not in table.text
    dash_duo.find_element(f"#{page.WIDEN}").click()
    wait_until(lambda: not dash_duo.find_element(f"#{page.BANNER}").is_displayed(), "the banner gone", WAIT)
    address_shows(dash_duo, lambda url: parse_qs(urlsplit(url).query, keep_blank_values=True).get("peers")
                  == [",".join(wider)], "named the wider group")
    wait_until(lambda: len(dash_duo.find_elements(f"#{page.RADAR} .js-plotly-plot")) == 1, "the radar drawn", WAIT)
    assert dash_duo.get_logs() == []
