"""The presentation in headless Chromium: every slide by keyboard at 1920×1080 and 1280×720 (each
saved as a screenshot to the git-ignored screenshots/ folder), auto-advance, the secret winners
revealed one per R, the host's hints only while the mouse moves, and no request leaving the
machine."""

from __future__ import annotations

import time
from pathlib import Path

from dash.testing.wait import until
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from dashboard.pages.present import SLIDES
from tests.browser.helpers import WAIT, requests_leaving_the_machine

SHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def viewport(dash_duo, width: int, height: int) -> None:
    dash_duo.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def active(dash_duo) -> str:
    return dash_duo.driver.execute_script(
        "const s = document.querySelector('#present-deck .slide.active'); return s && s.dataset.slide;")


def press(dash_duo, key: str) -> None:
    dash_duo.find_element("#present-deck").send_keys(key)


# The active slide's charts are drawn: each plotted at the size of its box (present.js fits and
# resizes a chart as its slide is shown), and a chart with frames (the scatter) animating through
# them (present.js starts that 0.3 s after the slide is shown).
DRAWN = """
    const s = document.querySelector('#present-deck .slide.active');
    return Array.from(s.querySelectorAll('.dash-graph')).every(g => {
        const gd = g.querySelector('.js-plotly-plot'), full = gd && gd._fullLayout;
        if (!full || !gd.querySelector('.main-svg')) return false;
        if (Math.abs(full.width - gd.clientWidth) > 1.5 || Math.abs(full.height - gd.clientHeight) > 1.5) return false;
        const frames = (gd._transitionData && gd._transitionData._frames) || [];
        return frames.length ? Boolean(full._currentFrame) : !gd._transitioning;
    });"""


def drawn(dash_duo, what: str) -> None:
    until(lambda: dash_duo.driver.execute_script(DRAWN), timeout=WAIT, poll=0.1, msg=f"{what}: not drawn")


def overflow(dash_duo) -> dict:
    """How far the active slide's content reaches past the screen, in pixels (0 when it fits)."""
    return dash_duo.driver.execute_script("""
        const s = document.querySelector('#present-deck .slide.active');
        let bottom = 0, right = 0;
        s.querySelectorAll('*').forEach(e => { const r = e.getBoundingClientRect();
            if (r.width && r.height) { bottom = Math.max(bottom, r.bottom); right = Math.max(right, r.right); } });
        return {bottom: Math.max(0, bottom - window.innerHeight), right: Math.max(0, right - window.innerWidth),
                scroll: document.documentElement.scrollHeight - window.innerHeight};""")


def winner_names(app) -> dict[str, str]:
    """Prize -> the name of its winner in 2025."""
    from dashboard.disclosure import JURY
    from dashboard.db import run_query

    with app.server.app_context():
        return run_query("present_winners", year_from=2025, year=2025, as_of=JURY.as_of).set_index("prize")["name"].to_dict()


# The host's hints that can be seen now: shown (not hidden by their slide) and not faded out, as
# rendered (innerText leaves out a part not displayed, such as "R reveal" off the winner slide).
HINTS = """
    return Array.from(document.querySelectorAll('#present-deck .host-hint')).filter(e => {
        const s = getComputedStyle(e);
        return e.getClientRects().length > 0 && s.visibility === 'visible' && parseFloat(s.opacity) > 0;
    }).map(e => e.innerText);"""


def hints(dash_duo) -> list[str]:
    return dash_duo.driver.execute_script(HINTS)


def test_every_slide_by_keyboard(dash_duo, app) -> None:
    SHOTS.mkdir(exist_ok=True)
    won = winner_names(app)
    dash_duo.start_server(app)
    for width, height in ((1920, 1080), (1280, 720)):
        viewport(dash_duo, width, height)
        dash_duo.driver.get(dash_duo.server_url + "/present?lang=en&year=2025")
        dash_duo.wait_for_element("#present-deck .slide.active")
        body_px = float(dash_duo.driver.execute_script(
            "return parseFloat(getComputedStyle(document.getElementById('present-deck')).fontSize)"))
        if width == 1920:
            assert body_px >= 28
        for i, name in enumerate(SLIDES):
            assert active(dash_duo) == name
            drawn(dash_duo, f"{name} at {width}x{height}")  # plotly has drawn (and the scatter animates)
            if name == "winner":
                # before the reveal the winners are only two of the finalists (listed alphabetically)
                outside = dash_duo.driver.execute_script(
                    "return Array.from(document.querySelectorAll('#present-deck .slide'))"
                    ".filter(s => s.id !== 'slide-finalists').map(s => s.textContent).join(' ')")
                assert won["main"] not in outside and won["special"] not in outside
                # the first R reveals the special prize, with its figures; the second the main prize
                press(dash_duo, "r")
                dash_duo.wait_for_contains_text("#present-winner .winner-special .winner-name", won["special"])
                assert won["main"] not in dash_duo.find_element("#present-winner").text
                press(dash_duo, "r")
                dash_duo.wait_for_contains_text("#present-winner .winner-main .winner-name", won["main"])
                assert len(dash_duo.find_elements("#present-winner .winner-figure")) == 6
            assert overflow(dash_duo) == {"bottom": 0, "right": 0, "scroll": 0}, (name, width)
            dash_duo.driver.save_screenshot(str(SHOTS / f"present-{width}x{height}-{i + 1:02d}-{name}.png"))
            press(dash_duo, Keys.ARROW_RIGHT if i % 2 else Keys.PAGE_DOWN)
        assert active(dash_duo) == SLIDES[0]  # it loops
        press(dash_duo, Keys.ARROW_LEFT)
        assert active(dash_duo) == SLIDES[-1]
        press(dash_duo, Keys.PAGE_UP)
        assert active(dash_duo) == SLIDES[-2]
        press(dash_duo, Keys.HOME)
        assert active(dash_duo) == SLIDES[0]
    assert dash_duo.get_logs() == []
    assert requests_leaving_the_machine(dash_duo) == []


def test_auto_advance_and_pause(dash_duo, app) -> None:
    dash_duo.start_server(app)
    dash_duo.driver.get(dash_duo.server_url + "/present?auto=3&slides=headline,finalists,closing")
    dash_duo.wait_for_element("#present-deck .slide.active")
    shown = time.monotonic()
    assert active(dash_duo) == "headline"
    until(lambda: active(dash_duo) != "headline", timeout=WAIT, poll=0.1, msg="no auto-advance")
    advanced_after = time.monotonic() - shown  # 3 s, or more on a busy machine
    assert active(dash_duo) == "finalists"
    press(dash_duo, "p")
    dash_duo.wait_for_contains_class("#present-deck", "paused")
    # paused: it stays, watched for longer than an advance took here, however busy the machine
    watch_until = time.monotonic() + max(4.0, 1.5 * advanced_after)
    while time.monotonic() < watch_until:
        assert active(dash_duo) == "finalists"
        time.sleep(0.2)  # the pace of the watch
    assert active(dash_duo) == "finalists"
    assert requests_leaving_the_machine(dash_duo) == []


def test_host_hints_show_only_while_the_mouse_moves(dash_duo, app) -> None:
    """The keys and "press R" are for the host: hidden until the mouse moves, gone again 3 s after
    it stops, and never shown by the keys (a clicker sends keys while the hall watches). "R reveal"
    is among the keys on the winner slide only, the one slide where R does anything."""
    dash_duo.start_server(app)
    dash_duo.driver.get(dash_duo.server_url + "/present?lang=en&slides=winner,headline")
    dash_duo.wait_for_element("#present-deck .slide.active")
    assert active(dash_duo) == "winner" and hints(dash_duo) == []
    moved = time.monotonic()
    ActionChains(dash_duo.driver).move_to_element_with_offset(dash_duo.find_element("#present-deck"), 20, 20).perform()
    until(lambda: len(hints(dash_duo)) == 2, timeout=WAIT, poll=0.05, msg="no hints after the mouse moved")
    assert sorted(hints(dash_duo)) == ["Press R to reveal", "→ next · ← back · F full screen · P pause · R reveal"]
    until(lambda: hints(dash_duo) == [], timeout=WAIT, poll=0.1, msg="the hints stayed after the mouse stopped")
    assert time.monotonic() - moved >= 3.0  # they stayed their 3 s
    press(dash_duo, Keys.ARROW_RIGHT)
    assert active(dash_duo) == "headline" and hints(dash_duo) == []
    ActionChains(dash_duo.driver).move_to_element_with_offset(dash_duo.find_element("#present-deck"), 40, 40).perform()
    until(lambda: hints(dash_duo) == ["→ next · ← back · F full screen · P pause"], timeout=WAIT, poll=0.05,
          msg="the keys off the winner slide")
