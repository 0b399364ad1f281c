"""The jury's score sheet in headless Chromium, by keyboard alone: tab from score to comment to the
next score through every finalist, each cell saying it is saved, then submit."""

from __future__ import annotations

from selenium.webdriver.common.keys import Keys

from dashboard import auth
from dashboard.kpis import CRITERIA
from dashboard.scores import store
from tests.browser.helpers import WAIT
from tests.waiting import wait_until


def test_fill_a_sheet_with_the_keyboard_and_submit(dash_duo, app) -> None:
    path = app.server.config["SCORES_DB"]
    with store.writing(path) as con:
        for table in ("rounds", "scores", "sheets", "conflicts", "audit"):
            con.execute(f"delete from {table}")  # noqa: S608  (the module's own table names)
    store.set_round(path, 2025, "main", "open", "chair")
    dash_duo.start_server(app)
    dash_duo.driver.get(dash_duo.server_url + "/jury?lang=en")
    dash_duo.wait_for_element(".jury-score-input input", timeout=WAIT).click()
    driver = dash_duo.driver
    typed, steps = 0, 0
    while steps < 200:  # 27 scores, 27 comments, 2 conflict boxes between the cards, then the button
        steps += 1
        active = driver.switch_to.active_element
        what = active.get_attribute("id") or ""
        if '"type":"jury-score"' in what:
            typed += 1
            active.send_keys(str(1 + typed % 10), Keys.TAB)
        elif '"type":"jury-comment"' in what:
            active.send_keys("Klar plan" if typed == 1 else "", Keys.TAB)
        elif active.tag_name == "button" and active.text == "Submit the sheet":
            break
        else:
            active.send_keys(Keys.TAB)  # a conflict box between two finalists
    cells = 3 * len(CRITERIA)
    assert typed == cells
    wait_until(lambda: sum(e.text == "Saved" for e in dash_duo.find_elements(".jury-saved")) == cells,
               "every cell to say Saved", timeout=WAIT)
    wait_until(lambda: sum(s is not None for s, _ in store.sheet(path, auth.OPEN_USER, 2025, "main").values()) == cells,
               "every score to be stored", timeout=WAIT)
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    dash_duo.wait_for_text_to_equal("#jury-message", "The sheet is submitted. Thank you!", timeout=WAIT)
    mine = store.sheet(path, auth.OPEN_USER, 2025, "main")
    assert len(mine) == cells and sorted(s for s, _ in mine.values()) == sorted(1 + i % 10 for i in range(1, cells + 1))
    assert [c for s, c in mine.values() if c] == ["Klar plan"]
    assert store.submitted_at(path, auth.OPEN_USER, 2025, "main") is not None
    # drawn again: the sheet is read-only now, and says so
    dash_duo.wait_for_contains_text("#jury-view", "The sheet was submitted", timeout=WAIT)
    assert all(not e.is_enabled() for e in dash_duo.find_elements(".jury-score-input input"))
