"""The screenshot set in docs/screenshots/: every page in nb and en at 1280 and 1920 px wide, every
slide in nb and en at 1920×1080 and 1280×720, and the states a user meets on the way (nothing
picked, ten companies, the print, a small peer group, a report being drawn, a company's detail, the
host's hints), from the demo data in headless Chromium.

    python -m tests.browser.screenshots [OUT_DIR]      (make screenshots)

Pages are saved whole (the viewport stretched to the page's height), slides as the screen shows them.
"""

from __future__ import annotations

import base64
import os
import random
import sys
import tempfile
from pathlib import Path

import duckdb
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from dashboard.config import Config
from dashboard.pages import benchmark
from dashboard.pages.present import SLIDES
from tests.browser.screenshot import chromium, drawn, full_page, serving
from tests.waiting import wait_until

PAGE_SIZES = ((1280, 800), (1920, 1080))
SLIDE_SIZES = ((1920, 1080), (1280, 720))
LANGS = ("nb", "en")
REVEALS = 2  # the winner slide: the special prize, then the main prize


def demo_facts() -> dict[str, str]:
    """Companies and lists the states are shot for, from the data: a company of the largest peer
    group (sector and county) and one alone in its sector and size class in the latest year, ten
    nominees for the main prize and a company of the scatter."""
    with duckdb.connect(str(Config.from_env().db_path), read_only=True) as con:
        (crowded,), = con.sql("""
            SELECT org_nr FROM facts WHERE year = (SELECT max(year) FROM facts)
            ORDER BY count(*) OVER (PARTITION BY sector, county) DESC, org_nr LIMIT 1""").fetchall()
        (alone,), = con.sql("""
            SELECT org_nr FROM facts WHERE year = (SELECT max(year) FROM facts)
            ORDER BY count(*) OVER (PARTITION BY sector, size_class), org_nr LIMIT 1""").fetchall()
        ten = [r[0] for r in con.sql("""
            SELECT org_nr FROM nominations WHERE year = (SELECT max(year) FROM facts) AND prize = 'main'
            ORDER BY org_nr LIMIT 10""").fetchall()]
    return {"crowded": crowded, "alone": alone, "ten": ",".join(ten)}


def pages(facts: dict[str, str]) -> dict[str, str]:
    """Page name: its address."""
    return {"explorer": "/", "compare": "/compare", "benchmark": f"/benchmark?company={facts['crowded']}",
            "data": "/data", "jury": "/jury", "jury-consensus": "/jury?tab=consensus", "jury-round": "/jury?tab=round"}


def demo_scores(path: Path) -> None:
    """A closed round of the last year's main prize for the jury page's shots: four jurors, each a
    little stricter or more generous, one conflict of interest, every sheet submitted; the sheet
    shot (the open demo's own, ``demo``) has a few scores and a comment."""
    from dashboard import auth
    from dashboard.kpis import criteria_for
    from dashboard.scores import store
    from dashboard.scores.finalists import finalists

    year = duckdb.connect(str(Config.from_env().db_path), read_only=True).sql(
        "SELECT max(year) FROM nominations").fetchall()[0][0]
    orgs = finalists(year, "main", Config.from_env().db_path)["org_nr"].tolist()
    store.set_round(path, year, "main", "open", "chair")
    draw = random.Random(year)
    for juror, bias in (("anne", 1), ("bjorn", -1), ("cecilie", 0), ("david", 0)):
        for i, org in enumerate(orgs):
            if juror == "david" and i == len(orgs) - 1:
                store.declare_conflict(path, juror, year, "main", org, "Tidligere styremedlem", juror, orgs)
                continue
            for c in criteria_for("main"):
                score = min(10, max(1, 7 - i + bias + draw.randint(-2, 2)))
                store.put(path, store.Key(juror, year, "main", org, c.id), score, "", juror, orgs)
        store.submit(path, juror, year, "main", orgs, juror)
    for c in criteria_for("main")[:3]:
        store.put(path, store.Key(auth.OPEN_USER, year, "main", orgs[0], c.id), 8, "", auth.OPEN_USER, orgs)
    store.put(path, store.Key(auth.OPEN_USER, year, "main", orgs[0], "innovative"), 8,
              "Sterk patentportefølje; egen FoU-avdeling", auth.OPEN_USER, orgs)
    store.set_round(path, year, "main", "closed", "chair")


def states(facts: dict[str, str]) -> dict[str, str]:
    """State name: its address (shot in both languages at 1280 px; the ten companies also at 1920)."""
    return {"compare-empty": "/compare?companies=", "compare-ten": f"/compare?companies={facts['ten']}",
            "benchmark-empty": "/benchmark", "benchmark-small-group": f"/benchmark?company={facts['alone']}",
            "explorer-company": f"/?company={facts['crowded']}"}


def address(url: str, path: str, lang: str) -> str:
    return f"{url}{path}{'&' if '?' in path else '?'}lang={lang}"


def shoot_report_running(driver, url: str, facts: dict[str, str], out: Path, lang: str) -> None:
    """The benchmark report being drawn: the buttons disabled and the panel saying so."""
    driver.get(address(url, f"/benchmark?company={facts['crowded']}", lang))
    drawn(driver)
    driver.find_element(By.ID, f"{benchmark.REPORT_LANG}-{lang}").click()
    wait_until(lambda: "busy" in (driver.find_element(By.ID, benchmark.REPORT).get_attribute("class") or ""),
               "the report to be drawing")
    driver.find_element(By.ID, benchmark.REPORT).location_once_scrolled_into_view  # noqa: B018
    driver.save_screenshot(str(out / f"benchmark-report-running-{lang}-1280.png"))
    # the server draws one report at a time: let this one finish before the next is asked for
    wait_until(lambda: "busy" not in (driver.find_element(By.ID, benchmark.REPORT).get_attribute("class") or ""),
               "the report to be drawn", timeout=120)


def save_print(driver, url: str, facts: dict[str, str], out: Path, lang: str) -> None:
    """The jury's A4 print of ten companies, as Chromium prints it to PDF."""
    driver.get(address(url, f"/compare?companies={facts['ten']}", lang))
    drawn(driver)
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"landscape": True, "paperWidth": 11.69, "paperHeight": 8.27,
                                                      "preferCSSPageSize": True, "printBackground": True})
    (out / f"compare-print-{lang}.pdf").write_bytes(base64.b64decode(pdf["data"]))


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    facts = demo_facts()
    os.environ["SCORES_DB"] = str(Path(tempfile.mkdtemp()) / "scores.sqlite3")  # never the real one
    demo_scores(Path(os.environ["SCORES_DB"]))
    with serving() as url:
        for width, height in PAGE_SIZES:
            with chromium(width, height) as driver:
                for name, path in pages(facts).items():
                    for lang in LANGS:
                        driver.get(address(url, path, lang))
                        full_page(driver, out / f"{name}-{lang}-{width}.png", width, height)
                for name, path in states(facts).items():
                    if width != 1280 and name != "compare-ten":
                        continue
                    for lang in LANGS:
                        driver.get(address(url, path, lang))
                        full_page(driver, out / f"{name}-{lang}-{width}.png", width, height)
                if width == 1280:
                    for lang in LANGS:
                        save_print(driver, url, facts, out, lang)
                        shoot_report_running(driver, url, facts, out, lang)
                print("pages", width)
        for width, height in SLIDE_SIZES:
            with chromium(width, height) as driver:
                for index, slide in enumerate(SLIDES, 1):
                    for lang in LANGS:
                        driver.get(f"{url}/present?slides={slide}&lang={lang}")
                        drawn(driver)
                        for step in range(REVEALS if slide == "winner" else 0):
                            driver.find_element(By.ID, "present-deck").send_keys("r")
                            drawn(driver)
                            driver.save_screenshot(str(out / f"slide-{index:02d}-{slide}-{step + 1}-{lang}-{width}.png"))
                        if slide != "winner":
                            driver.save_screenshot(str(out / f"slide-{index:02d}-{slide}-{lang}-{width}.png"))
                # the host's hints, shown while the mouse moves (hidden again 3 s after it stops)
                driver.get(f"{url}/present?lang=nb")
                drawn(driver)
                ActionChains(driver).move_by_offset(200, 200).move_by_offset(40, 40).perform()
                driver.save_screenshot(str(out / f"slide-hints-nb-{width}.png"))
                print("slides", width)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
