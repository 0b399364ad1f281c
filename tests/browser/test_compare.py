"""The compare page in headless Chromium: pick two companies, move a weight, see the ranking change;
print ten companies, and two, to PDF, find every one of them on the paper and see every page (drawn
to PNG) fit A4 landscape, no chart cut."""

from __future__ import annotations

import base64
import struct
import unicodedata
import zlib
from datetime import date
from pathlib import Path

import numpy as np
import pypdfium2
from selenium.webdriver.common.keys import Keys

from dashboard.i18n import fmt_date, t
from dashboard.kpis import KPIS
from tests.browser.helpers import WAIT, address_shows, requests_leaving_the_machine
from tests.waiting import wait_until


def two_rivals(app) -> tuple[dict, dict]:
    """Two 2025 nominees where one leads on productivity and the other on export share."""
    from dashboard.pages import compare
    from dashboard.state import CompareState

    with app.server.app_context():
        s = CompareState(year=2025, prize="main")
        options = compare.search_options(s, "", "en")
        orgs = [o["value"] for o in options]
        companies, pct = compare.comparison(CompareState(year=2025, prize="main", companies=tuple(orgs[:10])))
        store = compare.scores_store(companies, pct, "main", 2025)["companies"]
    labels = {o["value"]: o["label"] for o in options}
    for a in store:
        for b in store:
            sa, sb = a["scores"], b["scores"]
            if None in (sa["productivity"], sb["productivity"], sa["world_market"], sb["world_market"]):
                continue
            if sa["productivity"] > sb["productivity"] + 10 and sb["world_market"] > sa["world_market"] + 10:
                return (a | {"label": labels[a["org_nr"]]}), (b | {"label": labels[b["org_nr"]]})
    raise AssertionError("no two nominees with opposite strengths in the demo data")


A4_LANDSCAPE = (841.9, 595.3)  # pt
MM = 72 / 25.4  # pt
MARGIN = 10 * MM  # the print CSS's @page margin
SCALE = 1.5  # px per pt in the PNGs


def write_png(path: Path, rgb: np.ndarray) -> None:
    """An RGB array as a PNG file (zlib is enough; no imaging library needed)."""
    height, width, _ = rgb.shape
    raw = b"".join(b"\x00" + row.tobytes() for row in rgb)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw, 1)) + chunk(b"IEND", b""))


def print_to_pdf(driver, out: Path) -> tuple[list[str], list[np.ndarray], list[tuple[float, float]]]:
    """Print the page to PDF as Chromium does (the print CSS's A4 landscape), save it and each page
    drawn to PNG in ``out``; return each page's text (as one reads it: a name may wrap in a cell,
    and a chart's "fi" may be set as a ligature), where it has ink (a bool per pixel, SCALE px per
    pt) and its size in pt."""
    data = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"])
    out.mkdir(parents=True, exist_ok=True)
    (out / "print.pdf").write_bytes(data)
    texts, inks, sizes = [], [], []
    for i, page in enumerate(pypdfium2.PdfDocument(data)):
        texts.append(" ".join(unicodedata.normalize("NFKC", page.get_textpage().get_text_range()).split()))
        rgb = page.render(scale=SCALE, rev_byteorder=True).to_numpy()
        write_png(out / f"page-{i + 1}.png", rgb)
        inks.append((rgb < 250).any(axis=2))
        sizes.append(page.get_size())
    return texts, inks, sizes


def ink_in(ink: np.ndarray, left: float = 0, top: float = 0, right: float = A4_LANDSCAPE[0],
           bottom: float = A4_LANDSCAPE[1]) -> bool:
    """Whether anything is drawn in a box of the page (pt from its top left corner)."""
    return bool(ink[round(top * SCALE):round(bottom * SCALE), round(left * SCALE):round(right * SCALE)].any())


def assert_fits_a4(texts: list[str], inks: list[np.ndarray], sizes: list[tuple[float, float]], groups: int,
                   names: list[str]) -> None:
    """Every page is A4 landscape with nothing drawn in its margins; after the ranking and the
    ``groups`` key-figure pages, the small multiples and the radar each fill a page of their own,
    whole. A chart cut at a page break has its title and its note (the text under it) on two pages,
    or runs down to the printable area's bottom edge (or past it); one cut at the right runs to the
    printable area's right edge (or past it) and loses its last column's text. Printed whole, each
    ends a few mm above and left of those edges."""
    width, height = A4_LANDSCAPE
    right, bottom = width - MARGIN, height - MARGIN
    slack = 1  # pt: a line on the printable area's edge is drawn across it
    problems = []
    for i, ((w, h), ink) in enumerate(zip(sizes, inks), start=1):
        if (round(w), round(h)) != (842, 595):
            problems.append(f"page {i} is {w:.0f}×{h:.0f} pt, not A4 landscape")
        for side, box in {"left": {"right": MARGIN - slack}, "right": {"left": right + slack},
                          "top": {"bottom": MARGIN - slack}, "bottom": {"top": bottom + slack}}.items():
            if ink_in(ink, **box):
                problems.append(f"page {i}: drawn in the {side} margin")
    charts = {
        "the small multiples": (t("compare.multiples.change", "nb"), t("compare.multiples.note", "nb"),
                                [k.label("nb") for k in KPIS]),
        "the radar": (t("compare.radar.title", "nb"),
                      t("compare.radar.note", "nb", prize=t("prize.main", "nb").lower()), []),
    }
    for page, (chart, (title, note, headings)) in enumerate(charts.items(), start=1 + groups):
        if [i for i, text in enumerate(texts) if title in text] != [page]:
            problems.append(f"{chart}: the title is not on page {page + 1} alone")
            continue
        if " ".join(note.split()) not in texts[page]:
            problems.append(f"{chart}: the note is not on the page of the title")
        missing = [n for n in [*names, *headings] if n not in texts[page]]
        if missing:
            problems.append(f"{chart}: {', '.join(missing)} missing on page {page + 1}")
        ink = inks[page]
        if ink_in(ink, top=bottom - 1.5 * MM):
            problems.append(f"{chart} run to the bottom of page {page + 1}")
        if ink_in(ink, left=right - 4 * MM):
            problems.append(f"{chart} run to the right edge of page {page + 1}")
    if len(texts) != 1 + groups + len(charts):
        problems.append(f"{len(texts)} pages, not {1 + groups + len(charts)}")
    assert problems == []


def wait_for_charts(dash_duo) -> None:
    drawn = """return ['compare-multiples', 'compare-radar'].every(id => {
        const gd = document.querySelector('#' + id + ' .js-plotly-plot');
        return gd && gd._fullLayout && gd.querySelector('.main-svg'); })
        && !document.querySelector('[data-dash-is-loading="true"]');"""
    wait_until(lambda: dash_duo.driver.execute_script(drawn), "the charts drawn", timeout=WAIT)


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
    dash_duo.driver.get(dash_duo.server_url + f"/compare?lang=en&companies=&weights={weights}")
    # nothing chosen: one panel that says what to do, and nothing drawn from no companies
    dash_duo.wait_for_text_to_equal("#compare-load-finalists", "Load the 2025 finalists")
    assert not dash_duo.find_element("#compare-results").is_displayed()
    for company in (productive, exporter):
        dash_duo.select_dcc_dropdown("#compare-companies", company["label"])
        dash_duo.driver.find_element("tag name", "body").send_keys(Keys.ESCAPE)
    dash_duo.wait_for_text_to_equal("#compare-ranking-table tbody tr:first-child th", exporter["name"])
    first_column = ".compare-table-scroll thead th:nth-child(2)"  # the key figures follow the ranking
    dash_duo.wait_for_contains_text(first_column, exporter["name"])
    assert not dash_duo.find_element("#compare-empty").is_displayed()
    address_shows(dash_duo, lambda url: f"companies={productive['org_nr']},{exporter['org_nr']}" in url,
                  "named the companies")

    # keyboard: world market down to 0, productivity up to 5; the productive company now leads
    set_weight(dash_duo, "world_market", Keys.HOME)
    set_weight(dash_duo, "productivity", Keys.END)
    dash_duo.wait_for_text_to_equal("#compare-ranking-table tbody tr:first-child th", productive["name"])
    dash_duo.wait_for_contains_text(first_column, productive["name"])
    address_shows(dash_duo, lambda url: "productivity:5" in url, "carried the new weight")
    assert dash_duo.find_element("#compare-rule").text.startswith("How the score is computed")
    # reset: every weight back to 1 (the address then names none), and the button has nothing to do
    dash_duo.find_element("#compare-reset-weights").click()
    address_shows(dash_duo, lambda url: "weights=" not in url, "dropped the weights")
    wait_until(lambda: not dash_duo.find_element("#compare-reset-weights").is_enabled(), "reset disabled")
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


def test_print_has_every_company(dash_duo, app, tmp_path) -> None:
    """Ten companies on A4 landscape: the title line, the ranking, and the key figures of all ten
    (the print once stopped after six columns) in the ranking's order, the second group headed
    "(forts.)", with nothing of the screen's controls; then the small multiples and the radar, each
    whole on a page of its own, as with two companies (the pages, drawn to PNG, are in tmp_path).
    On screen, at 1280 px, the ranking shows every column, and the key-figure column stays put when
    the table scrolls sideways."""
    from dashboard.pages import compare
    from dashboard.state import CompareState

    with app.server.app_context():
        options = compare.search_options(CompareState(year=2025, prize="main"), "", "nb")[:10]
    orgs = [o["value"] for o in options]
    names = [o["label"].split(" (")[0] for o in options]
    assert len(set(names)) == 10
    dash_duo.start_server(app)
    dash_duo.driver.get(dash_duo.server_url + "/compare?companies=" + ",".join(orgs) + "&weights=productivity:2.5")
    driver = dash_duo.driver
    wait_until(lambda: len(dash_duo.find_elements("#compare-ranking-table tbody tr")) == 10, "ten ranked")
    wait_for_charts(dash_duo)

    fits = "const e = document.querySelector('.ranking-scroll'); return [e.scrollWidth, e.clientWidth];"
    scroll_width, width = driver.execute_script(fits)
    assert scroll_width <= width, f"the ranking is cut at 1280 px: {scroll_width} px in {width} px"
    # the weights stand beside the ranking and need less height than it (their rule and the jury's
    # part are under the ranking): no empty hole pushes the key figures down
    boxes = """const box = s => document.querySelector(s).getBoundingClientRect();
        return [box('.panel-weights'), box('.panel-ranking'), box('.panel-weights .weights'),
                box('.panel-ranking .panel-head'), box('#compare-ranking'), box('.panel-key-figures')]
               .map(b => [b.left, b.top, b.bottom]);"""
    weights, ranking, sliders, head, ranking_content, key_figures = driver.execute_script(boxes)
    assert weights[0] < ranking[0] and abs(weights[1] - ranking[1]) < 1, "the weights are not beside the ranking"
    assert sliders[2] - sliders[1] <= ranking_content[2] - head[1], "the weights are taller than the ranking"
    assert key_figures[1] - max(weights[2], ranking[2]) < 40, "a gap above the key figures"
    assert weights[2] - sliders[2] < 40, "an empty hole under the weights"
    sideways = """const box = document.querySelector('.compare-table-scroll');
        const first = () => box.querySelector('tbody tr th').getBoundingClientRect().left;
        const company = () => box.querySelector('thead th:nth-child(2)').getBoundingClientRect().left;
        const before = [first(), company()];
        box.scrollLeft = 400;
        return [before, [first(), company()], box.scrollLeft];"""
    (first, company), (first_after, company_after), scrolled = driver.execute_script(sideways)
    assert scrolled > 0 and company_after < company - 100, "the table did not scroll"
    assert abs(first_after - first) < 1, "the key-figure column scrolled away"

    pages, inks, sizes = print_to_pdf(driver, tmp_path / "ten")
    assert_fits_a4(pages, inks, sizes, 2, names)
    assert pages[0].startswith(f"Norges smarteste industribedrift · Hovedprisen 2025 · juryens sammenligning, "
                               f"{fmt_date(date.today(), 'nb')}")
    assert "Vekter: Bærekraft 1 · Teknologi 1 · Produktivitet 2,5 · FoU 1 · Kostnadsnivå 1 · Verdensmarked 1" in pages[0]
    assert [n for n in names if n not in pages[0]] == [], "a company is missing from the ranking"
    # the key-figure pages: after the ranking, before the small multiples
    charts = next(i for i, text in enumerate(pages) if "Endring siden bedriftens første rapporterte år" in text)
    key_figures = " ".join(pages[1:charts])
    assert "Alle nøkkeltall, 2025" in key_figures and "Alle nøkkeltall, 2025 (forts.)" in pages[charts - 1]
    assert [n for n in names if n not in key_figures] == [], "a company is missing from the key figures"
    # one order on paper: the key figures' columns as the ranking lists the companies
    assert sorted(names, key=key_figures.index) == sorted(names, key=pages[0].index)
    assert any("Profil: persentil på hvert nøkkeltall" in text for text in pages[charts:])
    everything = " ".join(pages)
    screen_only = ["Vekt på kriteriene", "Tilbakestill vektene", "Legg til alle finalister", "Last ned",
                   "Skriv ut", "Velg opptil", "Utforsk"]
    assert [s for s in screen_only if s in everything] == []

    # two companies: one key-figure page, and the charts as tall as with ten (a legend of one row)
    dash_duo.driver.get(dash_duo.server_url + "/compare?companies=" + ",".join(orgs[:2]))
    wait_until(lambda: len(dash_duo.find_elements("#compare-ranking-table tbody tr")) == 2, "two ranked")
    wait_for_charts(dash_duo)
    pages, inks, sizes = print_to_pdf(driver, tmp_path / "two")
    assert_fits_a4(pages, inks, sizes, 1, names[:2])
    assert dash_duo.get_logs() == []
