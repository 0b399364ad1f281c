"""Benchmark the app's callbacks and page renders, in process, on one database.

    python -m tests.bench --db PATH [--requests N] [--json OUT]

Each request goes through Flask and Dash exactly as a browser's would (the test client), so the
time is the server's time: routing, validation, queries, figure building and JSON encoding. The
selections are drawn at random (seeded) from the filters a user can set. ``make bench`` runs this
on the demo data and on 100× demo data and prints one table per database.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import time
from pathlib import Path

from dashboard import create_app
from dashboard.config import Config
from dashboard.disclosure import JURY
from dashboard.kpis import KPI_IDS, MEASURE_IDS
from dashboard.state import PRIZES, SIZES, STATUSES
from tests.dash_requests import callback_body

VIEWS = ["explorer-map.figure"]  # one callback draws every explorer view (cards, charts, table) in one answer
COUNTIES = ["03", "11", "15", "18", "31", "32", "33", "34", "39", "40", "42", "46", "50", "55", "56"]
SECTORS = [10, 16, 20, 22, 24, 25, 26, 28, 30, 33]


def random_selection(rng: random.Random) -> dict:
    first = rng.randint(2014, 2025)
    return {
        "explorer-county.value": rng.sample(COUNTIES, rng.choice([0, 0, 1, 2, 3])),
        "explorer-sector.value": rng.sample(SECTORS, rng.choice([0, 0, 1, 2])),
        "explorer-size.value": rng.sample(list(SIZES), rng.choice([0, 0, 1])),
        "explorer-years.value": [first, rng.randint(first, 2025)],
        "explorer-status.value": rng.choice(STATUSES[:2] + STATUSES),
        "explorer-prize.value": rng.choice(PRIZES),
        "explorer-kpi.value": rng.choice(KPI_IDS),
        "explorer-lang.data": rng.choice(["nb", "en"]),
    }


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def run(db: Path, requests: int, seed: int = 1, auth: bool = False) -> tuple[dict, object]:
    """Every page and callback, ``requests`` times each. With ``auth``, access control is on and
    the requests come from the public (anonymous): the cost of checking who is asking."""
    import tempfile

    start = time.perf_counter()
    app = create_app(Config(db_path=db, build_missing_db=False, auth=auth, secret_key="bench",
                            users_db=Path(tempfile.mkdtemp()) / "users.sqlite3"))
    client = app.server.test_client()
    client.get("/")
    cold_start = time.perf_counter() - start
    rng = random.Random(seed)
    results = {}

    from dashboard.pages import explorer as explorer_page

    cached_views = [explorer_page.cards_view, explorer_page.map_view, explorer_page.sector_view,
                    explorer_page.trend_view, explorer_page.scatter_view, explorer_page.table_view]

    def measure(name: str, make_body) -> None:
        """Server time of uncached requests: the view caches are emptied before each one."""
        times, sizes = [], []
        for _ in range(requests):
            body = make_body()
            for view in cached_views:
                view.cache_clear()
            t0 = time.perf_counter()
            response = client.post("/_dash-update-component", json=body)
            times.append((time.perf_counter() - t0) * 1000)
            if response.status_code == 403 and auth:  # the jury's own: refused to the public, as it must be
                results[name] = {"p50_ms": 0.0, "p95_ms": 0.0, "max_bytes": 0, "mean_bytes": 0, "forbidden": True}
                return
            if response.status_code not in (200, 204):
                raise SystemExit(f"{name}: HTTP {response.status_code}: {response.data[:300]!r}")
            sizes.append(len(response.data))
        results[name] = {"p50_ms": percentile(times, 50), "p95_ms": percentile(times, 95),
                         "max_bytes": max(sizes), "mean_bytes": statistics.fmean(sizes)}

    for path in ("/", "/compare", "/benchmark", "/data"):
        def page_body(path=path) -> dict:
            return {"output": ".._pages_content.children..._pages_store.data..",
                    "outputs": [{"id": "_pages_content", "property": "children"},
                                {"id": "_pages_store", "property": "data"}],
                    "inputs": [{"id": "_pages_location", "property": "pathname", "value": path},
                               {"id": "_pages_location", "property": "search",
                                "value": "?" + rng.choice(["", "county=46,11", "sector=24&kpi=robot_density",
                                                           "status=finalist&prize=main", "lang=en"])}],
                    "changedPropIds": ["_pages_location.pathname"], "state": []}
        measure(f"page {path}", page_body)
    for output in VIEWS:
        measure("explorer views", lambda output=output: callback_body(app, output, random_selection(rng)))

    with app.server.test_request_context():
        from dashboard.pages.explorer import table_view
        from dashboard.state import Filters

        orgs = [r["org_nr"] for r in table_view(Filters(2014, 2025), "nb", JURY)[0]]
    measure("explorer-company (modal)", lambda: callback_body(
        app, "explorer-company.is_open",
        {"explorer-table.cellClicked": {"rowId": rng.choice(orgs)}, "explorer-kpi.value": rng.choice(KPI_IDS),
         "explorer-years.value": [2014, 2025], "explorer-lang.data": "nb"},
        changed="explorer-table.cellClicked"))
    with app.server.test_request_context():
        from dashboard.pages import compare
        from dashboard.state import CompareState

        nominees = {year: [o["value"] for o in compare.search_options(CompareState(year=year), "", "nb")]
                    for year in range(2014, 2026)}
        stores = [compare.table_and_scores(CompareState(year=2025, companies=tuple(nominees[2025][i:i + 10])),
                                           "nb")[1] for i in range(0, 20, 5)]

    def comparison(output: str) -> dict:
        year = rng.randint(2014, 2025)
        return callback_body(app, output, {
            "compare-companies.value": rng.sample(nominees[year], min(10, len(nominees[year]))),
            "compare-year.value": year, "compare-prize.value": "main",
            "compare-view.value": rng.choice(["change", "level"]), "compare-lang.data": "nb"})

    def reranking() -> dict:
        criteria = ["sustainability", "technology", "productivity", "rnd", "cost_level", "world_market"]
        body = callback_body(app, "compare-ranking.children",
                             {"compare-scores.data": rng.choice(stores), "compare-lang.data": "nb"})
        ids = [{"type": "compare-weight", "criterion": c} for c in criteria]
        body["inputs"][0] = [{"id": i, "property": "value", "value": rng.choice([0, 0.5, 1, 2, 5])} for i in ids]
        body["state"][0] = [{"id": i, "property": "id", "value": i} for i in ids]
        return body

    def searching() -> dict:
        return callback_body(app, "compare-companies.options", {
            "compare-companies.search_value": rng.choice(["", "fjord", "mek", "9", "95", "as"]),
            "compare-year.value": rng.randint(2014, 2025), "compare-prize.value": "main",
            "compare-status.value": rng.choice(["all", "nominated"]), "compare-companies.value": [],
            "compare-lang.data": "nb"}, changed="compare-companies.search_value")

    from dashboard.pages import benchmark

    measure_ids = [{"type": benchmark.MEASURE, "measure": m} for m in MEASURE_IDS]

    def benchmarking(output: str) -> dict:
        typed = rng.random() < 0.3
        body = callback_body(app, output, {
            f"{benchmark.MODE}.value": "typed" if typed else "company", f"{benchmark.FETCH}.n_clicks": 1,
            f"{benchmark.QUERY}.value": rng.choice(orgs), f"{benchmark.YEAR}.value": rng.randint(2014, 2025),
            f"{benchmark.OPTIONS}.value": rng.sample(list(benchmark.PEER_OPTIONS), rng.randint(0, 3)),
            f"{benchmark.SECTOR}.value": rng.choice(SECTORS), f"{benchmark.COUNTY}.value": rng.choice(COUNTIES),
            f"{benchmark.TREND_KPI}.value": rng.choice(KPI_IDS), f"{benchmark.LANG}.data": "nb"})
        typed_values = {"fte": 120, "turnover_mnok": 400, "value_added_mnok": 130, "robots": 5}
        body["inputs"][7] = [{"id": i, "property": "value", "value": typed_values.get(i["measure"]) if typed else None}
                             for i in measure_ids]
        body["state"][0] = [{"id": i, "property": "id", "value": i} for i in measure_ids]
        return body

    measure("benchmark (table, strips, radar)", lambda: benchmarking(f"{benchmark.SUBJECT}.children"))
    measure("benchmark-trend", lambda: benchmarking(f"{benchmark.TREND_BOX}.children"))
    measure("compare-table (comparison)", lambda: comparison("compare-table.children"))
    measure("compare-multiples", lambda: comparison("compare-multiples.figure"))
    measure("compare-radar", lambda: callback_body(app, "compare-radar.figure", {
        "compare-scores.data": rng.choice(stores), "compare-lang.data": "nb"}))
    measure("compare-ranking (weights)", reranking)
    measure("compare-companies (search)", searching)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"db": str(db), "requests_each": requests, "cold_start_s": cold_start,
            "peak_memory_mb": peak_mb, "results": results}, app


def table(report: dict) -> str:
    lines = [f"{report['db']}: cold start {report['cold_start_s']:.2f} s, "
             f"peak memory {report['peak_memory_mb']:.0f} MB, {report['requests_each']} requests each",
             f"{'page / callback':34} {'p50 ms':>8} {'p95 ms':>8} {'max KB':>8}"]
    for name, r in report["results"].items():
        if r.get("forbidden"):
            lines.append(f"{name:34} {'refused (403): the jury only':>26}")
            continue
        lines.append(f"{name:34} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f} {r['max_bytes'] / 1024:8.1f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--serve", action="store_true", help="also measure gunicorn: start, first draw, load")
    parser.add_argument("--auth", action="store_true", help="access control on, requests from the public")
    args = parser.parse_args(argv)
    report, app = run(args.db, args.requests, auth=args.auth)
    print(table(report))
    if args.serve:
        report["serve"] = serve_metrics(args.db, app)
        s = report["serve"]
        print(f"make serve: started in {s['start_s']:.1f} s; explorer drawn in {s['first_draw_s']:.2f} s "
              f"(browser warmed on /data); "
              f"{s['requests_per_s']:.0f} callback requests/s with {s['clients']} clients, {s['errors']} errors; "
              f"server memory {s['server_rss_mb']:.0f} MB")
        print("first draw in a cold browser (new profile each time), median of 3: " + "; ".join(
            f"{page} {r['median_s']:.2f} s" for page, r in s["cold_draw"].items()))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    return 0



def serve_metrics(db: Path, app, seconds: float = 10.0, clients: int = 8, seed: int = 2) -> dict:
    """Against gunicorn as `make serve` runs it: start time, the explorer fully drawn in headless
    Chromium (browser warmed first), each of four pages fully drawn in a cold browser (median of 3),
    and callback throughput with ``clients`` concurrent clients on loopback."""
    import os
    import tempfile
    import threading

    import psutil
    import requests

    from tests.test_serve import serve, stop

    start = time.perf_counter()
    # as `make serve` runs by default: two workers per core
    process, url = serve(db, Path(tempfile.mkdtemp()) / "serve.log", workers=2 * (os.cpu_count() or 1))
    started = time.perf_counter() - start
    try:
        first_draw = _first_draw(url)
        cold_draw = {page: _cold_draws(url, address, drawn) for page, (address, drawn) in cold_pages(app).items()}
        rng = random.Random(seed)
        bodies = [callback_body(app, rng.choice(VIEWS), random_selection(rng)) for _ in range(400)]
        done, errors, stop_at = [], [], time.perf_counter() + seconds

        def client(k: int) -> None:
            session = requests.Session()
            i = k
            while time.perf_counter() < stop_at:
                try:
                    r = session.post(url + "/_dash-update-component", json=bodies[i % len(bodies)], timeout=10)
                    (done if r.status_code == 200 else errors).append(r.status_code)
                except requests.RequestException as exc:
                    errors.append(type(exc).__name__)
                i += clients

        threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - t0
        family = psutil.Process(process.pid).children(recursive=True)
        rss = sum(p.memory_info().rss for p in family if "gunicorn" in " ".join(p.cmdline())) / 2**20
        return {"start_s": started, "first_draw_s": first_draw, "cold_draw": cold_draw, "clients": clients,
                "requests_per_s": len(done) / elapsed, "errors": len(errors), "server_rss_mb": rss}
    finally:
        stop(process)


# JavaScript that is true once a page is fully drawn. The explorer: every chart, card and table row.
EXPLORER_DRAWN = ("return document.querySelectorAll('.js-plotly-plot .main-svg').length >= 4 && "
                  "document.querySelectorAll('#explorer-table .ag-row').length > 0 && "
                  "document.querySelectorAll('.kpi-card').length === 6")
# Every chart on the page plotted, and no callback still loading.
CHARTS_DRAWN = ("Array.from(document.querySelectorAll('.js-plotly-plot')).every(gd => gd.querySelector('.main-svg')) "
                "&& !document.querySelector('[data-dash-is-loading=\"true\"]')")
COMPARE_DRAWN = ("return document.querySelectorAll('#compare-ranking-table tbody tr').length > 0 && "
                 "document.querySelectorAll('#compare-multiples .main-svg, #compare-radar .main-svg').length >= 2 && "
                 + CHARTS_DRAWN)
# The table and the trend (the strips and the radar come with the table when the group may show them).
BENCHMARK_DRAWN = ("return document.querySelectorAll('#benchmark-table tbody tr').length > 0 && "
                   "document.querySelector('#benchmark-trend .main-svg') !== null && " + CHARTS_DRAWN)


def cold_pages(app) -> dict[str, tuple[str, str]]:
    """The pages drawn in a cold browser: name -> (address, JavaScript true once drawn). Compare
    opens on the latest year's main-prize finalists; the benchmark on the first of them."""
    from dashboard.db import year_span
    from dashboard.pages import compare
    from dashboard.state import CompareState
    from tests.browser.test_present import DRAWN

    with app.server.test_request_context():
        finalists = compare.finalists(CompareState(year=year_span().last, prize="main"))
    if not finalists:
        raise SystemExit("the latest year has no main-prize finalists to compare")
    # the active slide's charts drawn, as the presentation's browser test waits for them
    present_drawn = "if (!document.querySelector('#present-deck .slide.active')) return false;" + DRAWN
    return {"/": ("/", EXPLORER_DRAWN),
            "/compare": ("/compare?companies=" + ",".join(finalists), COMPARE_DRAWN),
            "/benchmark": ("/benchmark?company=" + finalists[0], BENCHMARK_DRAWN),
            "/present": ("/present", present_drawn)}


def _chromium(profile: str):
    """A headless Chromium with its own profile folder."""
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--window-size=1920,1080", f"--user-data-dir={profile}"):
        options.add_argument(arg)
    return webdriver.Chrome(options=options)


def _drawn_in(driver, address: str, drawn: str) -> float:
    """Seconds from asking for ``address`` to ``drawn`` (JavaScript) being true."""
    t0 = time.perf_counter()
    driver.get(address)
    while not driver.execute_script(drawn):
        if time.perf_counter() - t0 > 30:
            raise SystemExit(f"{address} was not drawn in 30 s")
        time.sleep(0.02)
    return time.perf_counter() - t0


def _first_draw(url: str) -> float:
    """Seconds from asking for the explorer to every chart, card and table row drawn, in a browser
    that has loaded another page of the app first (so the app's scripts are cached)."""
    import tempfile

    with tempfile.TemporaryDirectory() as profile:
        driver = _chromium(profile)
        try:
            driver.get(url + "/data")  # warm the browser itself, not the page under test
            return _drawn_in(driver, url + "/", EXPLORER_DRAWN)
        finally:
            driver.quit()


def _cold_draws(url: str, address: str, drawn: str, runs: int = 3) -> dict:
    """``address`` drawn ``runs`` times, each in a new browser with a new, empty profile (nothing
    cached); the browser's own start is not counted."""
    import tempfile

    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as profile:
            driver = _chromium(profile)
            try:
                times.append(_drawn_in(driver, url + address, drawn))
            finally:
                driver.quit()
    return {"address": address, "median_s": statistics.median(times), "runs_s": times}


if __name__ == "__main__":
    sys.exit(main())
