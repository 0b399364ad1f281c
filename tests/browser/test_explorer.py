"""The explorer in headless Chromium: URL state, cross-filtering, language, drill-down, download."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlparse

from dash.testing.wait import until

from tests.browser.helpers import (WAIT, address_shows, chart_subtitle, chart_title, click_point, dropdown_text,
                                   map_shows, requests_leaving_the_machine)

LINK = "/?county=46,11&sector=24,25&from=2018&to=2024&kpi=robot_density&size=small,medium&lang=en"


def table_counties(dash_duo) -> set[str]:
    cells = "return Array.from(document.querySelectorAll(\"#explorer-table .ag-cell[col-id='county']\"))" \
            ".map(c => c.textContent)"
    return set(dash_duo.driver.execute_script(cells))


def query(dash_duo) -> dict:
    return {k: v[0] for k, v in parse_qs(urlparse(dash_duo.driver.current_url).query).items()}


def test_a_link_reproduces_the_view_and_language_keeps_it(dash_duo, app) -> None:
    dash_duo.start_server(app)
    dash_duo.driver.get(dash_duo.server_url + LINK)
    dash_duo.wait_for_text_to_equal("#explorer-map .gtitle", "Robot density by county, 2024")
    assert dash_duo.find_element("#explorer-lead").text == \
        "2024 · Vestland, Rogaland · Basic metals, Metal products · under 50 FTE, 50–249 FTE"
    assert "Vestland" in dropdown_text(dash_duo, "explorer-county")
    assert "Robot density" in dropdown_text(dash_duo, "explorer-kpi")
    assert chart_title(dash_duo, "explorer-trend") == "Robot density, 2018–2024"
    assert "Basic metals, Metal products" in chart_subtitle(dash_duo, "explorer-scatter")

    dash_duo.find_element("#lang-nb").click()
    dash_duo.wait_for_text_to_equal("#explorer-map .gtitle", "Robottetthet etter fylke, 2024")
    assert dash_duo.find_element("#explorer-lead").text == \
        "2024 · Vestland, Rogaland · Metaller, Metallvarer · under 50 årsverk, 50–249 årsverk"
    assert query(dash_duo) == {"county": "46,11", "sector": "24,25", "from": "2018", "to": "2024",
                               "kpi": "robot_density", "size": "small,medium"}
    assert dash_duo.get_logs() == []
    assert requests_leaving_the_machine(dash_duo) == []


def test_clicking_a_county_filters_the_other_charts(dash_duo, app) -> None:
    dash_duo.start_server(app)
    dash_duo.driver.get(dash_duo.server_url + "/?lang=en")
    dash_duo.wait_for_text_to_equal("#explorer-map .gtitle", "Productivity by county, 2025")
    assert "all companies" in chart_subtitle(dash_duo, "explorer-sectors")
    click_point(dash_duo, "explorer-map", 0)  # the first tile: Oslo (03)
    dash_duo.wait_for_contains_text("#explorer-lead", "Oslo")
    dash_duo.wait_for_contains_text("#explorer-sectors .gtitle-subtitle", "Oslo")
    dash_duo.wait_for_contains_text("#explorer-trend .gtitle-subtitle", "Oslo")
    address_shows(dash_duo, lambda url: "county=03" in url, "named Oslo's county")
    assert query(dash_duo)["county"] == "03"
    # the table's rows are Oslo's once its own callback has answered: wait for that, not a note
    # that said "companies" before the click too
    until(lambda: table_counties(dash_duo) == {"Oslo"}, timeout=WAIT, poll=0.1,
          msg="the table never showed only Oslo's companies")

    dash_duo.driver.back()  # the previous view comes back
    dash_duo.wait_for_text_to_equal("#explorer-lead", "2025 · all companies")
    assert "county" not in query(dash_duo)
    assert dash_duo.get_logs() == []


def test_company_detail_and_csv_download(dash_duo, app) -> None:
    dash_duo.start_server(app)
    dash_duo.driver.get(dash_duo.server_url + "/?county=03&lang=en")
    first = dash_duo.wait_for_element("#explorer-table .ag-row[row-index='0'] .ag-cell[col-id='name']")
    name = first.text
    org = first.find_element("xpath", "..").get_attribute("row-id")
    first.click()
    dash_duo.wait_for_text_to_equal("#explorer-company-title", name)
    dash_duo.wait_for_contains_text("#explorer-company-body", "Rank among sector peers, 2025")
    # the detail is in the address, so it can be shared; back closes it, forward opens it again
    # (the page drawn from the address)
    address_shows(dash_duo, lambda url: f"company={org}" in url, "named the company")
    dash_duo.driver.back()
    address_shows(dash_duo, lambda url: "company" not in url, "dropped the company")
    dash_duo.wait_for_element("#explorer-table .ag-row[row-index='0']")
    dash_duo.wait_for_no_elements(".modal-backdrop")
    dash_duo.driver.forward()
    dash_duo.wait_for_text_to_equal("#explorer-company-title", name)
    assert query(dash_duo) == {"county": "03", "company": org, "lang": "en"}
    # closing it goes back to the entry it was opened from, without drawing the page again
    dash_duo.driver.execute_script("window.notReloaded = true")
    dash_duo.find_element("#explorer-company .btn-close").click()
    dash_duo.wait_for_no_elements(".modal-backdrop")
    address_shows(dash_duo, lambda url: "company" not in url, "dropped the company")
    assert dash_duo.driver.execute_script("return window.notReloaded && (history.state || {}).before === undefined")

    dash_duo.find_element("#explorer-download").click()
    folder = Path(dash_duo.download_path)
    # the CSV once written whole (Chromium writes to a .crdownload file, then renames it)
    until(lambda: list(folder.glob("*.csv")), timeout=WAIT, msg="no CSV downloaded")
    csv = next(folder.glob("*.csv")).read_text(encoding="utf-8-sig")
    lines = csv.strip().splitlines()
    shown = dash_duo.find_element("#explorer-table-note").text.split()[0]
    assert lines[0].startswith('"Company","Org. no.","County"')
    assert len(lines) - 1 == int(shown) and all('"Oslo"' in line for line in lines[1:])
    # the grid's CSV cells: text a spreadsheet would run as a formula stays text
    cell = "return dashAgGridFunctions.csvCell({value: arguments[0]}, arguments[1])"
    assert dash_duo.driver.execute_script(cell, '=HYPERLINK("x")', "en") == "'=HYPERLINK(\"x\")"
    assert dash_duo.driver.execute_script(cell, "@SUM(A1)", "nb") == "'@SUM(A1)"
    assert dash_duo.driver.execute_script(cell, 12.5, "nb") == "12,5"


# Every year each view shows, in order, as it changes (a MutationObserver, so no state is missed
# between two looks): the lead, the table's title, the map's and the trend's titles and the year the
# companies card compares with; and whether the trend ever said that no companies match.
WATCH_VIEWS = """
    const year = (selector, pattern) => {
        const e = document.querySelector(selector), m = e && e.textContent.match(pattern);
        return m ? Number(m[1]) : null;
    };
    const seen = {lead: [], table: [], map: [], trend: [], cards: [], empty: false};
    const look = () => {
        const now = {lead: year('#explorer-lead', /^(\\d{4})/), table: year('#explorer-table-title', /(\\d{4})$/),
                     map: year('#explorer-map .gtitle', /(\\d{4})$/), trend: year('#explorer-trend .gtitle', /(\\d{4})$/),
                     cards: year('#explorer-card-companies .card-change', /(\\d{4})\\D*$/)};
        now.cards = now.cards && now.cards + 1;  // "+3 from 2021" is the card of 2022
        for (const [view, y] of Object.entries(now)) {
            const list = seen[view];
            if (y !== null && list[list.length - 1] !== y) list.push(y);
        }
        seen.empty = seen.empty || /No companies match/.test(document.querySelector('#explorer-trend').textContent);
    };
    look();
    new MutationObserver(look).observe(document.getElementById('main'),
                                       {childList: true, subtree: true, characterData: true});
    window.seenViews = seen;
"""


def test_play_moves_every_view_and_leaves_the_history_alone(dash_duo, app) -> None:
    dash_duo.start_server(app)
    dash_duo.driver.get(dash_duo.server_url + "/?from=2021&to=2022&lang=en")
    dash_duo.wait_for_text_to_equal("#explorer-map .gtitle", "Productivity by county, 2022")
    click_point(dash_duo, "explorer-map", 0)  # a filter before the play: Oslo
    address_shows(dash_duo, lambda url: "county=03" in url, "named Oslo's county")
    dash_duo.wait_for_text_to_equal("#explorer-lead", "2022 · Oslo")
    entries = dash_duo.driver.execute_script("return history.length")
    dash_duo.driver.execute_script(WATCH_VIEWS)
    dash_duo.find_element("#explorer-play").click()
    dash_duo.wait_for_text_to_equal("#explorer-play", "⏸ Stop")
    # played to the end: the button offers to play again once the last year is drawn
    dash_duo.wait_for_text_to_equal("#explorer-play", "▶ Play the years")
    map_shows(dash_duo, 2025)
    dash_duo.wait_for_text_to_equal("#explorer-table-title", "Companies in the selection, 2025")
    seen = dash_duo.driver.execute_script("return window.seenViews")
    # every view showed every year, in order, and the trend always had the selection's line
    years = [2022, 2023, 2024, 2025]
    assert {view: seen[view] for view in ("lead", "table", "map", "trend", "cards")} == \
        {view: years for view in ("lead", "table", "map", "trend", "cards")}
    assert seen["empty"] is False
    # the years replaced the entry they were played in: no new entries, and back undoes the filter
    assert dash_duo.driver.execute_script("return history.length") == entries
    assert query(dash_duo) == {"county": "03", "from": "2021", "lang": "en"}
    dash_duo.driver.back()
    dash_duo.wait_for_text_to_equal("#explorer-lead", "2022 · all companies")
    assert query(dash_duo) == {"from": "2021", "to": "2022", "lang": "en"}
    assert dash_duo.get_logs() == []
