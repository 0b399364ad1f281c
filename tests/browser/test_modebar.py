"""Nothing on any page offers to send a chart off the machine: every chart's toolbar, as the browser
draws it, has the PNG and SVG downloads and no share, cloud or "edit in" button."""

from __future__ import annotations

from dash.testing.wait import until
from selenium.webdriver.common.action_chains import ActionChains

CHARTS = """return Array.from(document.querySelectorAll('.js-plotly-plot')).map(gd => ({
    id: (gd.closest('[id]') || gd).id,
    drawn: Boolean(gd._fullLayout),
    modebar: gd._context.displayModeBar,
    toCloud: gd._context.showSendToCloud,
    server: gd._context.plotlyServerURL,
    buttons: Array.from(gd.querySelectorAll('.modebar-btn')).map(b =>
        [b.getAttribute('data-title') || '', b.getAttribute('data-attr') || '', b.getAttribute('data-val') || ''].join(' ')),
    links: Array.from(gd.querySelectorAll('a[href]')).map(a => a.href),
}))"""
LEAVING = ("share", "cloud", "studio", "edit in", "plotly.com", "chart-studio")


def test_no_chart_offers_to_leave_the_machine(dash_duo, app) -> None:
    from dashboard.pages.compare import finalists
    from dashboard.state import CompareState

    with app.server.app_context():
        orgs = finalists(CompareState(year=2025))[:2]
    dash_duo.start_server(app)
    pages = [("/?lang=en", 4), (f"/compare?companies={','.join(orgs)}&lang=en", 2),
             (f"/benchmark?company={orgs[0]}&lang=en", 3), ("/present?lang=nb", 1), ("/data?lang=en", 0)]
    for path, at_least in pages:
        dash_duo.driver.get(dash_duo.server_url + path)
        dash_duo.wait_for_element("main, #present-deck", timeout=30)
        until(lambda: len([c for c in dash_duo.driver.execute_script(CHARTS) if c["drawn"]]) >= at_least,
              timeout=30, msg=f"{path}: charts not drawn")
        charts = dash_duo.driver.execute_script(CHARTS)
        for chart in charts:
            if chart["modebar"] is not False:  # a toolbar shows on hover: hover, as a reader would
                ActionChains(dash_duo.driver).move_to_element(
                    dash_duo.find_element(f"#{chart['id']} .js-plotly-plot")).perform()
        for chart in dash_duo.driver.execute_script(CHARTS):
            where = f"{path} #{chart['id']}"
            found = [b for b in chart["buttons"] + chart["links"] if any(w in b.lower() for w in LEAVING)]
            assert found == [], (where, found)
            assert chart["toCloud"] is False and chart["server"] == "", where
            if chart["modebar"] is not False and chart["drawn"]:
                assert any("download plot as a png" in b.lower() for b in chart["buttons"]), (where, chart["buttons"])
                assert any("download as svg (1600 × 900)" in b.lower() for b in chart["buttons"]), (where, chart["buttons"])
    assert dash_duo.get_logs() == []
