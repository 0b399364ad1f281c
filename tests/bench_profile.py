"""A profile aid, not the benchmark: the app's callbacks and page renders timed in process.

    python -m tests.bench_profile --db PATH [--requests N] [--json OUT]   (make bench-profile)

Each request goes through Flask and Dash as a browser's would, but through the test client, with
no HTTP, no gunicorn and the view caches emptied before each request: the server's own time, to
find where it goes (with cProfile, say). What users meet is measured by ``tests.bench`` (``make
bench``), over HTTP against ``make serve``.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path

from dashboard import create_app
from dashboard.config import Config
from tests.workload import Workload


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

    for name, make in Workload(app, seed).kinds().items():
        measure(name, make)
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
    parser.add_argument("--auth", action="store_true", help="access control on, requests from the public")
    args = parser.parse_args(argv)
    report, app = run(args.db, args.requests, auth=args.auth)
    print("Profile aid (in process: no HTTP, no gunicorn, caches emptied), not what users meet:")
    print(table(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
