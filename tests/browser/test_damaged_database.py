"""A database damaged after it was opened (a block that fails its checksum, as after a disk fault),
in headless Chromium: the page shows the error page naming the file and the fix, whether the
damage is met while the page is laid out or by a callback after it is drawn; never a blank page."""

from __future__ import annotations

from selenium.webdriver.common.keys import Keys


def test_damaged_database_shows_the_error_page(dash_duo, damaged_app, demo_db_path) -> None:
    import duckdb

    app, path = damaged_app
    with duckdb.connect(str(demo_db_path), read_only=True) as con:
        org = con.execute("select org_nr from companies order by org_nr limit 1").fetchall()[0][0]
    dash_duo.start_server(app)

    def shows_error_page() -> None:
        dash_duo.wait_for_contains_text("#db-error", "The database cannot be read", timeout=30)
        text = dash_duo.find_element("#db-error").text
        assert str(path) in text and f"make data DB={path}" in text

    # the explorer meets the damaged block while it lays the page out
    dash_duo.driver.get(dash_duo.server_url + "/?lang=en")
    shows_error_page()
    # the benchmark page is drawn; looking a company up meets the damage in a callback
    dash_duo.driver.get(dash_duo.server_url + "/benchmark?lang=en")
    dash_duo.wait_for_element("#benchmark-query", timeout=30).send_keys(org + Keys.ENTER)
    shows_error_page()
    assert dash_duo.find_elements("#benchmark-query") == []  # the page became the error page
    assert dash_duo.get_logs() == []  # no console errors: every callback was answered
