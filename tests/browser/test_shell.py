"""The app in real headless Chromium: first page, language switch, console and network."""

from __future__ import annotations

import re

from tests.browser.helpers import card_label, card_value, requests_leaving_the_machine
from tests.waiting import wait_until


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
    # the table's numbers (AG Grid's fmtNumber) take the true minus in English too, as the server's
    # fmt_number does, and never read "−0.0"; axis ticks group thousands as the bar labels do
    fmt = "return window.dashAgGridFunctions.fmtNumber(arguments[0], 1, arguments[1])"
    assert dash_duo.driver.execute_script(fmt, -1234.5, "en") == "\u22121,234.5"
    assert dash_duo.driver.execute_script(fmt, -1234.5, "nb") == "\u22121\u00a0234,5"
    assert dash_duo.driver.execute_script(fmt, -0.04, "en") == "0.0"
    ticks = "return Array.from(document.querySelectorAll('#explorer-sectors .xtick text')).map(e => e.textContent)"
    wait_until(lambda: "1,000" in dash_duo.driver.execute_script(ticks), "the sector axis's ticks read 1,000")

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


# Every text of every chart on the page, as the browser draws it: the title, the subtitle, the
# legend, the axis titles, the annotations (the note, a subplot's heading), the x tick labels, a
# radar's labels and the tile map's tiles, and the toolbar (a title ran under its camera); the pairs of different kinds whose boxes overlap by more than a pixel; the texts
# that run past the chart's left or right edge (plotly.js cuts them off there); and whether the
# legend scrolls (its entries are taller than the room plotly.js gives it).
CHART_TEXTS = r"""
const kinds = {title: '.g-gtitle .gtitle', subtitle: '.g-gtitle .gtitle-subtitle', xtitle: '.g-xtitle', ytitle: '.g-ytitle', legend: '.legend',
               annotation: '.annotation', xtick: '.xtick text', label: '.angularaxistick text',
               toolbar: '.modebar', tile: '.textpoint'};
return Array.from(document.querySelectorAll('.js-plotly-plot')).map(gd => {
    const boxes = [];
    for (const [kind, selector] of Object.entries(kinds)) {
        gd.querySelectorAll(selector).forEach(el => {
            const r = el.getBoundingClientRect();
            if (r.width > 0 && r.height > 0) boxes.push({kind, text: el.textContent.slice(0, 40), r});
        });
    }
    const overlaps = [];
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => {
        const dx = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const dy = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (a.kind !== b.kind && dx > 1 && dy > 1) overlaps.push(`${a.kind} "${a.text}" on ${b.kind} "${b.text}"`);
    }));
    const edge = gd.getBoundingClientRect();
    const outside = boxes.filter(b => b.r.left < edge.left - 1 || b.r.right > edge.right + 1)
        .map(b => `${b.kind} "${b.text}"`);
    const legend = gd._fullLayout.showlegend && gd._fullLayout.legend;
    const title = gd.querySelector('.g-gtitle');
    return {id: gd.closest('[id]').id, locale: gd._context.locale, overlaps, outside,
            scrolls: Boolean(legend && legend._height > legend._effHeight + 1),
            title: title ? title.getBoundingClientRect().top : null};
});"""
DRAWN = """return !document.querySelector('[data-dash-is-loading="true"]')
    && Array.from(document.querySelectorAll('.js-plotly-plot')).filter(gd => gd._fullLayout).length"""
PANEL_TOPS = """return Array.from(document.querySelectorAll('.chart-grid')).map(grid =>
    Array.from(grid.querySelectorAll(':scope > .chart-panel')).map(p => p.getBoundingClientRect().top))"""


def test_chart_texts_never_overlap_and_plotly_speaks_the_page_language(dash_duo, app) -> None:
    """At 1280 px, with ten companies compared and every sector picked: no chart's title, legend,
    axis title, note or label sits on another (a legend once covered the small multiples' title and
    a radar's label, an axis title the sector chart's note) or runs past the chart's edge (the
    scatter's note did, and the H-value's unit), and no legend scrolls (the scatter's hid its last
    sectors); panels side by side start at one height, their charts' titles
    on one line; and a Norwegian page's charts ask plotly.js for its Norwegian locale, served by
    the app, so the toolbar speaks Norwegian."""
    from selenium.webdriver.common.action_chains import ActionChains

    from dashboard import auth, dimensions, state
    from dashboard.db import run_query

    with app.server.app_context():
        ten = run_query("company_search", year=2025, search="", limit=10,
                        sel=state.selection(auth.as_of(), status=1, prize="main"))["org_nr"].tolist()
    assert len(ten) == 10
    dash_duo.start_server(app)
    every_sector = ",".join(str(c) for c in dimensions.sectors()["code"])
    pages = [("/?lang=nb", 4), (f"/?sector={every_sector}&lang=en", 4),
             (f"/compare?companies={','.join(ten)}&lang=nb", 2), (f"/benchmark?company={ten[3]}&lang=en", 3)]
    for path, charts in pages:
        dash_duo.driver.get(dash_duo.server_url + path)
        wait_until(lambda: (dash_duo.driver.execute_script(DRAWN) or 0) >= charts, f"{path}: {charts} charts drawn")
        drawn = dash_duo.driver.execute_script(CHART_TEXTS)
        assert [(c["id"], c["overlaps"]) for c in drawn if c["overlaps"]] == [], path
        assert [(c["id"], c["outside"]) for c in drawn if c["outside"]] == [], path
        assert [c["id"] for c in drawn if c["scrolls"]] == [], path
        assert {c["locale"] for c in drawn} == {"no" if "lang=nb" in path else "en"}, path
        for tops in dash_duo.driver.execute_script(PANEL_TOPS):
            assert max(tops) - min(tops) < 1, (path, tops)
    # the explorer's map and sector panels, and the trend and scatter panels, have their titles on one line
    dash_duo.driver.get(dash_duo.server_url + "/?lang=nb")
    wait_until(lambda: (dash_duo.driver.execute_script(DRAWN) or 0) >= 4, "the explorer's charts drawn")
    titles = {c["id"]: c["title"] for c in dash_duo.driver.execute_script(CHART_TEXTS)}
    assert abs(titles["explorer-map"] - titles["explorer-sectors"]) < 2, titles
    assert abs(titles["explorer-trend"] - titles["explorer-scatter"]) < 2, titles
    ActionChains(dash_duo.driver).move_to_element(dash_duo.find_element("#explorer-sectors .js-plotly-plot")).perform()
    button = dash_duo.wait_for_element('#explorer-sectors .modebar-btn[data-title="Last ned diagrammet som PNG"]')
    assert button is not None
    assert dash_duo.get_logs() == []
    assert requests_leaving_the_machine(dash_duo) == []
    # the charts were drawn by the partial plotly.js bundle; the full plotly.min.js was never fetched
    loaded = dash_duo.driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    ours = ("locale", "/assets/plotly-download.js")  # plotly.js's Norwegian texts, and our download buttons
    assert [u for u in loaded if "plotly" in u and not any(o in u for o in ours)] == [
        u for u in loaded if "/assets/plotly-bundle.min.js?m=" in u] != [], loaded


# The explorer's filter bar as drawn: each field's label (top), the year slider's mark labels (left,
# right) and the Reset button and the bar (right edges).
FILTER_BAR = r"""
const bar = document.querySelector('.filter-bar'), reset = document.querySelector('#explorer-reset');
const labels = Array.from(bar.querySelectorAll('.filter-field > .form-label')).map(l => {
    const r = l.getBoundingClientRect(); return {text: l.textContent, top: r.top, bottom: r.bottom};
});
const marks = Array.from(bar.querySelectorAll('.filter-wide [class*="mark"]')).filter(m => m.textContent.trim()
    && !m.querySelector('[class*="mark"]')).map(m => { const r = m.getBoundingClientRect();
    return {text: m.textContent, left: r.left, right: r.right}; });
const b = bar.getBoundingClientRect(), r = reset.getBoundingClientRect();
return {labels, marks, barRight: b.right - parseFloat(getComputedStyle(bar).paddingRight), resetRight: r.right,
        resetBottom: r.bottom, lastBottom: Math.max(...Array.from(bar.children).map(c => c.getBoundingClientRect().bottom))};"""


def test_the_filter_bar_lines_up_at_1920(dash_duo, app) -> None:
    """At 1920 px every label in a row of the filter bar stands on one line (the size group's rose
    above the others), Reset sits at the bar's right edge in its last row, not mid-panel, and the
    year slider's labels do not run into each other ("2014 15", "24 2025")."""
    dash_duo.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": 1920, "height": 1080, "deviceScaleFactor": 1, "mobile": False})
    dash_duo.start_server(app)
    dash_duo.wait_for_element("#explorer-card-productivity")
    wait_until(lambda: len(dash_duo.driver.execute_script(FILTER_BAR)["marks"]) >= 2, "the year slider's marks")
    bar = dash_duo.driver.execute_script(FILTER_BAR)
    rows: dict[int, list] = {}
    for label in bar["labels"]:
        rows.setdefault(round(label["top"] / 40), []).append(label)
    assert len(bar["labels"]) == 8 and len(rows) == 2, bar["labels"]
    for row in rows.values():
        assert max(lb["top"] for lb in row) - min(lb["top"] for lb in row) < 1, row
    assert abs(bar["resetRight"] - bar["barRight"]) < 2, bar
    assert abs(bar["resetBottom"] - bar["lastBottom"]) < 2, bar
    marks = sorted(bar["marks"], key=lambda m: m["left"])
    assert [m["text"] for m in marks][0] == "2014" and marks[-1]["text"] == "2025", marks
    for a, b in zip(marks, marks[1:]):
        assert b["left"] - a["right"] >= 4, (a, b)
