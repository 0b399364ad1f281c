"""The compare page in headless Chromium: pick two companies, move a weight, see the ranking change."""

from __future__ import annotations

from selenium.webdriver.common.keys import Keys

from tests.browser.helpers import address_shows, requests_leaving_the_machine


def two_rivals(app) -> tuple[dict, dict]:
    """Two 2025 nominees where one leads on productivity and the other on export share."""
    from dashboard.pages import compare
    from dashboard.state import CompareState

    with app.server.app_context():
        s = CompareState(year=2025, prize="main")
        options = compare.search_options(s, "", "en")
        orgs = [o["value"] for o in options]
        companies, pct = compare.comparison(CompareState(year=2025, prize="main", companies=tuple(orgs[:10])))
        store = compare.scores_store(companies, pct, "main")["companies"]
    labels = {o["value"]: o["label"] for o in options}
    for a in store:
        for b in store:
            sa, sb = a["scores"], b["scores"]
            if None in (sa["productivity"], sb["productivity"], sa["world_market"], sb["world_market"]):
                continue
            if sa["productivity"] > sb["productivity"] + 10 and sb["world_market"] > sa["world_market"] + 10:
                return (a | {"label": labels[a["org_nr"]]}), (b | {"label": labels[b["org_nr"]]})
    raise AssertionError("no two nominees with opposite strengths in the demo data")


def first_ranked(dash_duo) -> str:
    return dash_duo.find_element("#compare-ranking-table tbody tr:first-child th").text


def set_weight(dash_duo, criterion: str, key: str) -> None:
    thumb = dash_duo.find_element(f'[id*=\'"criterion":"{criterion}"\'] [role="slider"]')
    thumb.send_keys(key)


def test_pick_two_and_move_a_weight(dash_duo, app) -> None:
    productive, exporter = two_rivals(app)
    dash_duo.start_server(app)
    # all weight on world market to begin with: the exporter leads
    weights = "sustainability:0,technology:0,productivity:0,rnd:0,cost_level:0,world_market:5"
    dash_duo.driver.get(dash_duo.server_url + f"/compare?lang=en&weights={weights}")
    dash_duo.wait_for_element("#compare-companies")
    for company in (productive, exporter):
        dash_duo.select_dcc_dropdown("#compare-companies", company["label"])
        dash_duo.driver.find_element("tag name", "body").send_keys(Keys.ESCAPE)
    dash_duo.wait_for_text_to_equal("#compare-ranking-table tbody tr:first-child th", exporter["name"])
    address_shows(dash_duo, lambda url: "companies=" in url, "named the companies")

    # keyboard: world market down to 0, productivity up to 5; the productive company now leads
    set_weight(dash_duo, "world_market", Keys.HOME)
    set_weight(dash_duo, "productivity", Keys.END)
    dash_duo.wait_for_text_to_equal("#compare-ranking-table tbody tr:first-child th", productive["name"])
    address_shows(dash_duo, lambda url: "productivity:5" in url, "carried the new weight")
    assert dash_duo.find_element("#compare-rule").text.startswith("How the score is computed")
    assert dash_duo.get_logs() == []
    assert requests_leaving_the_machine(dash_duo) == []


def test_benchmark_link_and_language_keep_the_view(dash_duo, app) -> None:
    from dashboard.pages.compare import finalists
    from dashboard.state import CompareState

    with app.server.app_context():
        org = finalists(CompareState(year=2025))[0]
    dash_duo.start_server(app)
    dash_duo.driver.get(dash_duo.server_url + "/benchmark?lang=en")
    query = dash_duo.wait_for_element("#benchmark-query")
    query.send_keys(org + Keys.ENTER)
    dash_duo.wait_for_contains_text("#benchmark-subject", "FTE")
    address_shows(dash_duo, lambda url: f"company={org}" in url, "named the company")
    dash_duo.find_element("#lang-nb").click()
    dash_duo.wait_for_contains_text("#benchmark-subject", "årsverk")
    url = address_shows(dash_duo, lambda url: "lang=en" not in url, "dropped lang=en")
    assert f"company={org}" in url and "lang=en" not in url
    assert dash_duo.get_logs() == []
