"""``make bench``: the app's speed as users meet it, on one database.

    python -m tests.bench --db PATH [--json OUT] [--requests N] [--seconds S]
    python -m tests.bench --summary bench-1x.json bench-10x.json ...

Against ``make serve`` (gunicorn, its default workers) over HTTP on loopback:

1. **Callbacks**: every kind of request the pages send, ``--requests`` times each, one after the
   other, each with a selection drawn at random from the widgets' own options and never sent
   before (so no worker's cache can answer it): p50, p95, largest answer.
2. **Throughput**: 8 clients for ``--seconds`` each on the heaviest callback alone (the explorer's
   views), on the explorer's mix, and on the mix of the explorer, compare and benchmark pages.
3. **First draw in a cold browser** (headless Chromium, a new profile each time, median of 3) of
   ``/``, ``/compare`` with companies, ``/benchmark`` with a company and ``/present``, timed in the
   page from navigation start to the last chart, card and table row drawn; and the presentation's
   slide changes (key press to the next slide shown with its charts fitted).
4. **Memory**: the resident size of each worker after all that.
5. **Against the usual way**: the explorer's five views written with pandas in the callbacks and
   plotly express (``tests/peer_app.py``), served the same way over the same file, given the same
   selections; each view's build-and-encode time from both apps' ``Server-Timing``, and the
   whole explorer's requests sent at once.

A table against the targets is printed and everything is written as JSON. ``--summary`` puts the
JSON of several scales side by side, with memory per 1,000 companies. The in-process timings of
``tests.bench_profile`` are a profile aid, not these.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

from dashboard import create_app, timing
from dashboard.config import Config
from tests.test_serve import serve, stop, workers
from tests.waiting import wait_until
from tests.workload import Workload

CALLBACK = "/_dash-update-component"
CLIENTS = 8
# Targets, at 100x on this machine (issue 16); each row of the table says met or missed.
TARGET_P95_MS = 40.0
TARGET_EXPLORER_PER_S = 300.0
TARGET_COLD_EXPLORER_S = 1.0
TARGET_SLIDE_MS = 200.0
TARGET_PEER_RATIO = 3.0
PEER_VIEWS = ("map", "sectors", "trend", "scatter", "table")
WARM_UP = 3  # requests of each kind sent first and not counted (a worker's first answers build caches
#              of plotly, Dash and DuckDB that every later one finds: `make serve` starts once)


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def post(session: requests.Session, url: str, body: dict) -> requests.Response:
    r = session.post(url + CALLBACK, json=body, headers={"Origin": url}, timeout=60)
    if r.status_code not in (200, 204):
        raise SystemExit(f"{body.get('output')}: HTTP {r.status_code}: {r.text[:300]}")
    return r


# --- 1. callbacks, one after the other ------------------------------------------------------------

def latencies(url: str, work: Workload, n: int, seen: set[str]) -> dict:
    session = requests.Session()
    out = {}
    for name, make in work.kinds().items():
        times, sizes = [], []
        for body in work.unique(make, WARM_UP, seen):  # the worker this session talks to, warmed
            post(session, url, body)
        for body in work.unique(make, n, seen):
            t0 = time.perf_counter()
            r = post(session, url, body)
            times.append((time.perf_counter() - t0) * 1000)
            sizes.append(len(r.content))
        out[name] = {"n": len(times), "p50_ms": percentile(times, 50), "p95_ms": percentile(times, 95),
                     "max_kb": max(sizes) / 1024}
    return out


# --- 2. throughput ------------------------------------------------------------------------------

def throughput(url: str, bodies: list[dict], seconds: float) -> dict:
    """``CLIENTS`` clients posting ``bodies`` (each at most once) for ``seconds``: answers per second."""
    done: list[int] = []
    errors: list[object] = []
    stop_at = time.perf_counter() + seconds

    def client(k: int) -> None:
        session = requests.Session()
        for body in bodies[k::CLIENTS]:
            if time.perf_counter() >= stop_at:
                return
            try:
                r = session.post(url + CALLBACK, json=body, headers={"Origin": url}, timeout=30)
                (done if r.status_code == 200 else errors).append(r.status_code)
            except requests.RequestException as exc:
                errors.append(type(exc).__name__)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(CLIENTS)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    if len(done) + len(errors) >= len(bodies):
        raise SystemExit(f"throughput: all {len(bodies)} bodies sent in {elapsed:.1f} s; make more")
    return {"per_s": len(done) / elapsed, "answered": len(done), "errors": len(errors), "seconds": elapsed}


def mixes(work: Workload, seconds: float, seen: set[str]) -> dict[str, list[dict]]:
    """Bodies for each mix, enough for ``seconds`` at 1,000 answers a second, none repeated. The
    explorer's mix is what its page sends on a change (views and address, now and then a company's
    detail); the pages' mix adds compare and the benchmark (in its company mode: typed figures are
    limited per address)."""
    n = int(seconds * 1000)
    rng = random.Random(3)
    kinds = work.kinds()
    views = ("explorer first screen", "explorer trend and scatter", "explorer table")
    explorer = {**{v: 10 for v in views}, "explorer address": 10, "explorer company detail": 1}
    pages = {**explorer, "compare table": 2, "compare multiples": 2, "compare search": 2, "compare ranking (weights)": 2,
             "benchmark trend": 2}
    company_bench = lambda: work.benchmark("benchmark-subject.children", typed_share=0)  # noqa: E731

    def draw(weights: dict[str, int], extra: dict | None = None) -> list[dict]:
        makers = {**{k: kinds[k] for k in weights}, **(extra or {})}
        weights = {**weights, **{k: 2 for k in (extra or {})}}
        names = rng.choices(list(weights), weights=list(weights.values()), k=n)
        per_kind = {k: iter(work.unique(makers[k], names.count(k), seen)) for k in makers}
        return [b for b in (next(per_kind[k], None) for k in names) if b is not None]

    return {"explorer views alone": draw({v: 1 for v in views}),
            "explorer mix": draw(explorer),
            "explorer, compare and benchmark": draw(pages, {"benchmark table": company_bench})}


# --- 3. the browser -----------------------------------------------------------------------------

# JavaScript that is true once a page is fully drawn. The explorer: its four charts plotted with
# their data (the trend and scatter come after the first screen), every card and table rows.
EXPLORER_DRAWN = ("return ['explorer-map', 'explorer-sectors', 'explorer-trend', 'explorer-scatter'].every(id => {"
                  " const gd = document.querySelector('#' + id + ' .js-plotly-plot');"
                  " return gd && gd.querySelector('.main-svg') && gd.data && gd.data.length > 0; }) && "
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
# A slide shown: the active slide's charts drawn at its size (an animation may still play).
SLIDE_SHOWN = """
    const s = document.querySelector('#present-deck .slide.active');
    return Boolean(s) && Array.from(s.querySelectorAll('.dash-graph')).every(g => {
        const gd = g.querySelector('.js-plotly-plot'), full = gd && gd._fullLayout;
        return full && gd.querySelector('.main-svg') && Math.abs(full.width - gd.clientWidth) <= 1.5
            && Math.abs(full.height - gd.clientHeight) <= 1.5;
    });"""


def cold_pages(work: Workload) -> dict[str, tuple[str, str]]:
    """The pages drawn in a cold browser: name -> (address, JavaScript true once drawn). Compare
    opens on the latest year's main-prize finalists; the benchmark on the first of them."""
    if not work.finalists:
        raise SystemExit("the latest year has no main-prize finalists to compare")
    return {"/": ("/", EXPLORER_DRAWN),
            "/compare": ("/compare?companies=" + ",".join(work.finalists), COMPARE_DRAWN),
            "/benchmark": ("/benchmark?company=" + work.finalists[0], BENCHMARK_DRAWN),
            "/present": ("/present", SLIDE_SHOWN)}


def chromium(profile: str):
    """A headless Chromium with its own (empty) profile folder, at a 1920x1080 window."""
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--window-size=1920,1080", f"--user-data-dir={profile}"):
        options.add_argument(arg)
    return webdriver.Chrome(options=options)


def drawn_at(driver, address: str, drawn: str) -> float:
    """Seconds from navigation start to ``drawn`` (a function body) first true, timed in the page:
    a script added before the page's own polls it every frame from the document's start."""
    watch = ("(function poll() { try { if ((function () {" + drawn + "})()) { window.__drawnAt = performance.now();"
             " return; } } catch (e) {} requestAnimationFrame(poll); })();")
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": watch})
    driver.get(address)
    seconds = wait_until(lambda: driver.execute_script("return window.__drawnAt"), f"{address} drawn", timeout=60)
    return seconds / 1000


def cold_draws(url: str, address: str, drawn: str, runs: int = 3) -> dict:
    """``address`` drawn ``runs`` times, each in a new browser with a new, empty profile."""
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as profile:
            driver = chromium(profile)
            try:
                times.append(drawn_at(driver, url + address, drawn))
            finally:
                driver.quit()
    return {"address": address, "median_s": statistics.median(times), "runs_s": times}


def slide_changes(url: str) -> dict:
    """The presentation stepped through with →: for each slide, ms from the key press to the next
    slide shown with its charts fitted (timed in the page, every frame)."""
    step = ("const done = arguments[arguments.length - 1];"
            "const before = document.querySelector('#present-deck .slide.active');"
            "const t0 = performance.now();"
            "document.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true}));"
            # polled every frame; once shown, the next frame is the one that paints it
            "(function poll() { const now = document.querySelector('#present-deck .slide.active');"
            " if (now && now !== before && (function () {" + SLIDE_SHOWN + "})())"
            "   return requestAnimationFrame(() => done(performance.now() - t0));"
            " if (performance.now() - t0 > 20000) return done(-1);"
            " requestAnimationFrame(poll); })();")
    with tempfile.TemporaryDirectory() as profile:
        driver = chromium(profile)
        try:
            driver.set_script_timeout(30)
            drawn_at(driver, url + "/present", SLIDE_SHOWN)
            count = driver.execute_script("return document.querySelectorAll('#present-deck .slide').length")
            times = [driver.execute_async_script(step) for _ in range(count)]
        finally:
            driver.quit()
    if min(times) < 0:
        raise SystemExit(f"a slide was not shown within 20 s: {times}")
    return {"median_ms": statistics.median(times), "max_ms": max(times), "runs_ms": times}


# --- 4, 5. memory, and the usual way ------------------------------------------------------------

def worker_rss_mb(process: subprocess.Popen) -> list[float]:
    return sorted(p.memory_info().rss / 2**20 for p in workers(process))


def serve_peer(db: Path, log: Path, n_workers: int) -> tuple[subprocess.Popen, str]:
    """``tests/peer_app.py`` under gunicorn, as ``make serve`` runs the app."""
    from tests.test_serve import free_port

    port = free_port()
    env = {**os.environ, "PEER_DB": str(db)}
    root = Path(__file__).resolve().parent.parent
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "tests.peer_app:server", "--preload", "--workers", str(n_workers),
         "--worker-class", "gthread", "--threads", "4", "--bind", f"127.0.0.1:{port}", "--timeout", "120"],
        cwd=root, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"

    def answers() -> bool:
        if process.poll() is not None:
            raise SystemExit(f"the peer app exited: {log.read_text()[-2000:]}")
        try:
            return requests.get(url + "/", timeout=10).status_code == 200
        except requests.RequestException:
            return False

    wait_until(answers, "the peer app to answer", timeout=300, every=0.2)
    return process, url


def _at_once(asks: list) -> float:
    """Run the ``asks`` (functions) at once, as a browser sends a page's requests: ms until the last."""
    threads = [threading.Thread(target=ask) for ask in asks]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return (time.perf_counter() - t0) * 1000


def against_the_usual_way(db: Path, app, work: Workload, n: int, n_workers: int) -> dict:
    """The same ``n`` selections (all companies: the peer has no award filters) to both apps, served
    side by side. Each view's build-and-encode time from the Server-Timing headers, with the
    requests sent one after the other (so neither app's views wait for each other's CPU); then the
    whole explorer sent at once, as the browser does (ours: three requests; the peer's: five)."""
    from tests.dash_requests import callback_body
    from tests.peer_app import create_app as create_peer

    # two selections each time: one for the views one by one, one for the page at once (each
    # worker caches the views it drew; no selection is asked twice)
    distinct = [json.loads(k) for k in {json.dumps(work.selection(status=False), sort_keys=True)
                                        for _ in range(8 * (n + WARM_UP))}][:2 * (n + WARM_UP)]
    pairs = list(zip(distinct[::2], distinct[1::2]))
    peer_app = create_peer(db)  # for its callback map only
    ours_outputs = ("explorer-map.figure", "explorer-trend.figure", "explorer-table.rowData")
    peer_outputs = [f"{v}.{'rowData' if v == 'table' else 'figure'}" for v in PEER_VIEWS]
    folder = Path(tempfile.mkdtemp())
    ours_process, ours_url = serve(db, folder / "ours.log", workers=n_workers, SERVER_TIMING="on")
    peer_process, peer_url = serve_peer(db, folder / "peer.log", n_workers)
    apps = {"ours": (app, ours_url, ours_outputs), "peer": (peer_app, peer_url, peer_outputs)}
    views = {name: {v: [] for v in PEER_VIEWS} for name in apps}
    whole: dict[str, list[float]] = {name: [] for name in apps}
    try:
        sessions = {name: [requests.Session() for _ in outputs] for name, (_, _, outputs) in apps.items()}
        def values(name: str, selection: dict) -> dict:
            return selection if name == "ours" else {
                "county.data": selection["explorer-county.value"], "sector.data": selection["explorer-sector.value"],
                "size.data": selection["explorer-size.value"], "years.data": selection["explorer-years.value"],
                "kpi.data": selection["explorer-kpi.value"]}

        for k, (one_by_one, at_once) in enumerate(pairs):
            for name, (dash_app, url, outputs) in apps.items():
                parts: dict[str, float] = {}
                for output, session in zip(outputs, sessions[name]):  # one after the other
                    body = callback_body(dash_app, output, values(name, one_by_one))
                    parts |= timing.parse(post(session, url, body).headers.get("Server-Timing"))
                bodies = [callback_body(dash_app, o, values(name, at_once)) for o in outputs]
                failed: list[BaseException] = []

                def ask(body: dict, session: requests.Session) -> None:
                    try:
                        post(session, url, body)
                    except BaseException as exc:  # noqa: BLE001  (reported below, not lost in the thread)
                        failed.append(exc)

                took = _at_once([lambda b=b, s=s: ask(b, s) for b, s in zip(bodies, sessions[name])])
                if failed:
                    raise SystemExit(f"{name}: {failed[0]}")
                if k >= WARM_UP:
                    whole[name].append(took)
                    for v in PEER_VIEWS:
                        views[name][v].append(parts[v])
    finally:
        stop(ours_process)
        stop(peer_process)
    result: dict = {"selections": len(pairs) - WARM_UP}
    for name in apps:
        result[name] = {"views_p95_ms": {v: percentile(t, 95) for v, t in views[name].items()},
                        "explorer_p95_ms": percentile(whole[name], 95)}
    ratios = {v: result["peer"]["views_p95_ms"][v] / result["ours"]["views_p95_ms"][v] for v in PEER_VIEWS}
    result["ratio_by_view"] = ratios
    result["geometric_mean"] = math.exp(statistics.fmean(math.log(r) for r in ratios.values()))
    result["explorer_ratio"] = result["peer"]["explorer_p95_ms"] / result["ours"]["explorer_p95_ms"]
    return result


# --- the run, and its table ----------------------------------------------------------------------

def run(db: Path, n: int, seconds: float) -> dict:
    app = create_app(Config(db_path=db, build_missing_db=False))
    app.server.test_client().get("/")  # the callback map the bodies are built from
    work = Workload(app)
    with app.server.test_request_context():
        from dashboard.db import run_query

        companies = int(run_query("coverage_by_year")["companies"].max())
    n_workers = 2 * (os.cpu_count() or 1)  # as make serve runs by default
    seen: set[str] = set()
    report: dict = {"db": str(db), "companies": companies, "workers": n_workers}

    start = time.perf_counter()
    process, url = serve(db, Path(tempfile.mkdtemp()) / "serve.log", workers=n_workers)
    report["start_s"] = time.perf_counter() - start
    try:
        print(f"{db}: {companies:,} companies in the newest year; make serve with {n_workers} workers "
              f"answered in {report['start_s']:.1f} s", flush=True)
        report["callbacks"] = latencies(url, work, n, seen)
        print("callbacks measured", flush=True)
        report["throughput"] = {name: throughput(url, bodies, seconds)
                                for name, bodies in mixes(work, seconds, seen).items()}
        print("throughput measured", flush=True)
        report["cold_draw"] = {page: cold_draws(url, address, drawn)
                               for page, (address, drawn) in cold_pages(work).items()}
        report["slide_change"] = slide_changes(url)
        print("browser measured", flush=True)
        rss = worker_rss_mb(process)
        report["memory"] = {"worker_rss_mb": rss, "mean_worker_rss_mb": statistics.fmean(rss)}
    finally:
        stop(process)
    report["usual_way"] = against_the_usual_way(db, app, work, n, n_workers)
    return report


def mark(ok: bool) -> str:
    return "met" if ok else "MISSED"


def table(report: dict) -> str:
    lines = ["", f"{'callback (over HTTP, uncached)':34} {'p50 ms':>8} {'p95 ms':>8} {'max KB':>8}"]
    for name, r in report["callbacks"].items():
        lines.append(f"{name:34} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f} {r['max_kb']:8.1f}")
    lines.append(f"\nthroughput, {CLIENTS} clients:")
    for name, r in report["throughput"].items():
        lines.append(f"  {name:40} {r['per_s']:6.0f} answers/s ({r['errors']} errors)")
    lines.append("\nfirst draw in a cold browser (median of 3): " + "; ".join(
        f"{page} {r['median_s']:.2f} s" for page, r in report["cold_draw"].items()))
    s = report["slide_change"]
    lines.append(f"slide change: median {s['median_ms']:.0f} ms, slowest {s['max_ms']:.0f} ms")
    m = report["memory"]
    lines.append(f"memory: {', '.join(f'{x:.0f}' for x in m['worker_rss_mb'])} MB per worker (RSS)")
    u = report["usual_way"]
    lines.append(f"\nagainst pandas in the callbacks (tests/peer_app.py), {u['selections']} selections, "
                 "p95 of each view's build and encoding (Server-Timing):")
    lines.append(f"  {'view':10} {'ours ms':>8} {'peer ms':>8} {'peer/ours':>10}")
    for v in PEER_VIEWS:
        lines.append(f"  {v:10} {u['ours']['views_p95_ms'][v]:8.1f} {u['peer']['views_p95_ms'][v]:8.1f} "
                     f"{u['ratio_by_view'][v]:9.1f}x")
    lines.append(f"  geometric mean {u['geometric_mean']:.1f}x; the whole explorer over HTTP (p95): ours "
                 f"{u['ours']['explorer_p95_ms']:.0f} ms for its three requests at once, the peer "
                 f"{u['peer']['explorer_p95_ms']:.0f} ms for its five ({u['explorer_ratio']:.1f}x)")
    worst = max(report["callbacks"].items(), key=lambda kv: kv[1]["p95_ms"])
    explorer_mix = report["throughput"]["explorer mix"]["per_s"]
    cold = report["cold_draw"]["/"]["median_s"]
    lines += ["", f"targets (issue 16, set for 100x data; this is {report['companies']:,} companies):",
              f"  every callback p95 <= {TARGET_P95_MS:.0f} ms: worst {worst[0]} {worst[1]['p95_ms']:.1f} ms "
              f"-> {mark(worst[1]['p95_ms'] <= TARGET_P95_MS)}",
              f"  explorer mix >= {TARGET_EXPLORER_PER_S:.0f}/s with {CLIENTS} clients: {explorer_mix:.0f}/s "
              f"-> {mark(explorer_mix >= TARGET_EXPLORER_PER_S)}",
              f"  explorer drawn in a cold browser <= {TARGET_COLD_EXPLORER_S:.1f} s: {cold:.2f} s "
              f"-> {mark(cold <= TARGET_COLD_EXPLORER_S)}",
              f"  slide change <= {TARGET_SLIDE_MS:.0f} ms: slowest {s['max_ms']:.0f} ms -> "
              f"{mark(s['max_ms'] <= TARGET_SLIDE_MS)}",
              f"  >= {TARGET_PEER_RATIO:.0f}x the usual way (geometric mean), never slower on a view: "
              f"{u['geometric_mean']:.1f}x, slowest view {min(u['ratio_by_view'].values()):.1f}x -> "
              f"{mark(u['geometric_mean'] >= TARGET_PEER_RATIO and min(u['ratio_by_view'].values()) >= 1)}"]
    return "\n".join(lines)


def summary(paths: list[Path]) -> str:
    """Several scales side by side: p95 per callback, throughput, cold draws, memory per worker and
    per 1,000 companies (the slope between the smallest and largest scale)."""
    reports = sorted((json.loads(p.read_text()) for p in paths), key=lambda r: r["companies"])
    head = f"{'':34}" + "".join(f"{r['companies']:>10,}" for r in reports)
    lines = ["p95 ms per callback, by companies in the newest year", head]
    for name in reports[0]["callbacks"]:
        lines.append(f"{name:34}" + "".join(f"{r['callbacks'][name]['p95_ms']:10.1f}" for r in reports))
    for name in reports[0]["throughput"]:
        lines.append(f"{name + ' /s':34}" + "".join(f"{r['throughput'][name]['per_s']:10.0f}" for r in reports))
    for page in reports[0]["cold_draw"]:
        lines.append(f"{'cold draw ' + page + ' s':34}" + "".join(f"{r['cold_draw'][page]['median_s']:10.2f}"
                                                                   for r in reports))
    lines.append(f"{'slowest slide change ms':34}" + "".join(f"{r['slide_change']['max_ms']:10.0f}" for r in reports))
    lines.append(f"{'worker RSS MB':34}" + "".join(f"{r['memory']['mean_worker_rss_mb']:10.0f}" for r in reports))
    lines.append(f"{'vs the usual way (geo. mean)':34}" + "".join(f"{r['usual_way']['geometric_mean']:9.1f}x"
                                                                for r in reports))
    if len(reports) > 1:
        a, b = reports[0], reports[-1]
        per = (b["memory"]["mean_worker_rss_mb"] - a["memory"]["mean_worker_rss_mb"]) / (b["companies"] - a["companies"])
        lines.append(f"a worker costs about {1000 * per:.1f} MB per 1,000 companies "
                     f"({a['memory']['mean_worker_rss_mb']:.0f} MB at {a['companies']:,}, "
                     f"{b['memory']['mean_worker_rss_mb']:.0f} MB at {b['companies']:,})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--requests", type=int, default=40, help="requests of each kind")
    parser.add_argument("--seconds", type=float, default=10.0, help="each throughput run")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--summary", type=Path, nargs="+", help="JSON files of earlier runs, side by side")
    args = parser.parse_args(argv)
    if args.summary:
        print(summary(args.summary))
        return 0
    if args.db is None:
        parser.error("--db or --summary is needed")
    report = run(args.db, args.requests, args.seconds)
    print(table(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
