"""The screenshot set in docs/screenshots/: every page in nb and en at 1280 and 1920 px wide, and
every slide in nb and en at 1920×1080 and 1280×720, from the demo data in headless Chromium.

    python -m tests.browser.screenshots [OUT_DIR]      (make screenshots)

Pages are saved whole (the window stretched to the page's height), slides as the screen shows them.
Benchmark is shot for a company of the largest peer group (sector and county) in the latest year;
the winner slide after each R the host presses.
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
from selenium.webdriver.common.by import By

from dashboard.config import Config
from dashboard.pages.present import SLIDES
from tests.browser.screenshot import chromium, drawn, full_page, serving

PAGE_SIZES = ((1280, 800), (1920, 1080))
SLIDE_SIZES = ((1920, 1080), (1280, 720))
LANGS = ("nb", "en")
REVEALS = 2  # the winner slide: the special prize, then the main prize


def pages() -> dict[str, str]:
    """Page name: its address."""
    with duckdb.connect(str(Config.from_env().db_path), read_only=True) as con:
        (company,), = con.sql("""
            SELECT org_nr FROM company_years JOIN companies USING (org_nr)
            WHERE year = (SELECT max(year) FROM company_years)
            ORDER BY count(*) OVER (PARTITION BY sector_code, county_code) DESC, org_nr LIMIT 1""").fetchall()
    return {"explorer": "/", "compare": "/compare", "benchmark": f"/benchmark?company={company}", "data": "/data"}


def main(out: Path) -> None:
    with serving() as url:
        for width, height in PAGE_SIZES:
            with chromium(width, height) as driver:
                for name, path in pages().items():
                    for lang in LANGS:
                        driver.get(f"{url}{path}{'&' if '?' in path else '?'}lang={lang}")
                        full_page(driver, out / f"{name}-{lang}-{width}.png", width, height)
                        print(out / f"{name}-{lang}-{width}.png")
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
                        print(slide, lang, width)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
