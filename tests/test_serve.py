"""The production server, `make serve` (gunicorn), driven over HTTP: headers, compression, hostile
and malformed requests, a worker killed under load, and an unreadable database."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

import psutil
import pytest
import requests

from tests.test_app import EXPLORER, HOSTILE, VIEWS
from tests.waiting import wait_until

pytestmark = pytest.mark.slow  # every test here starts gunicorn or drives it

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: Path, log: Path, workers: int = 2, **settings: str) -> tuple[subprocess.Popen, str]:
    """`make serve` on a free port for ``db`` (``settings``: more environment), once it answers."""
    port = free_port()
    env = {**os.environ, "DASHBOARD_DB": str(db), "PORT": str(port), "HOST": "127.0.0.1", "WORKERS": str(workers),
           "RATE_DB": str(log.parent / "ratelimit.sqlite3"), "SCORES_DB": str(log.parent / "scores.sqlite3"),
           **settings}
    process = subprocess.Popen(["make", "--no-print-directory", "serve"], cwd=ROOT, env=env,
                               stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"

    def answers() -> bool:
        assert process.poll() is None, f"make serve exited with {process.returncode}"  # no use waiting on
        try:
            return requests.get(url + "/", timeout=10).status_code == 200
        except requests.RequestException:
            return False

    try:
        wait_until(answers, f"make serve to answer on {url}", every=0.1)
    except AssertionError as e:
        stop(process)
        raise AssertionError(f"make serve did not start ({e}): {log.read_text()[-2000:]}") from None
    return process, url


def stop(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:  # it has already ended
        pass
    process.wait(timeout=60)  # gunicorn's graceful timeout is 10 s


def workers(process: subprocess.Popen) -> list[psutil.Process]:
    """The gunicorn worker processes: gunicorn processes whose parent is gunicorn too (a worker
    that has just died, not yet reaped, is not one)."""
    def live_gunicorn(p: psutil.Process) -> bool:
        try:
            return p.status() != psutil.STATUS_ZOMBIE and "gunicorn" in " ".join(p.cmdline())
        except psutil.Error:  # ended while we looked
            return False

    family = psutil.Process(process.pid).children(recursive=True)
    gunicorns = {p.pid for p in family if live_gunicorn(p)}
    parents = {}
    for p in family:
        try:
            parents[p.pid] = p.ppid()
        except psutil.Error:
            pass
    return [p for p in family if p.pid in gunicorns and parents.get(p.pid) in gunicorns]


def worker_pids(process: subprocess.Popen, n: int) -> set[int]:
    """The ids of the ``n`` workers, once all are up (the first answers before the last is forked)."""
    wait_until(lambda: len(workers(process)) >= n, f"{n} gunicorn workers", every=0.1)
    pids = {p.pid for p in workers(process)}
    assert len(pids) == n, pids
    return pids


@pytest.fixture(scope="module")
def server(demo_db_path: Path, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("serve")
    db = folder / "served.duckdb"
    shutil.copy(demo_db_path, db)
    process, url = serve(db, folder / "serve.log")
    yield process, url
    stop(process)


def test_headers_and_compression(server) -> None:
    _, url = server
    page = requests.get(url + "/", headers={"Accept-Encoding": "gzip"}, timeout=10)
    csp = page.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'self'" in csp and "'unsafe-eval'" not in csp
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert page.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert '"ui":false' in page.text and "Werkzeug Debugger" not in requests.get(url + "/nope", timeout=10).text
    layout = requests.get(url + "/_dash-layout", headers={"Accept-Encoding": "br, gzip"}, timeout=10)
    assert layout.headers["Content-Encoding"] in ("br", "gzip")
    asset = re.search(r'src="(/_dash-component-suites/[^"]+)"', page.text).group(1)
    cached = requests.get(url + asset, timeout=10)
    assert cached.headers["Cache-Control"] == "public, max-age=31536000, immutable"


@pytest.fixture(scope="module")
def bodies(app):
    from tests.dash_requests import callback_body

    app.server.test_client().get("/")
    return lambda output, values: callback_body(app, output, values)


@pytest.mark.parametrize("values", HOSTILE)
def test_hostile_callbacks_over_http(server, bodies, values) -> None:
    _, url = server
    for output in VIEWS:
        body = bodies(output, EXPLORER | {k.replace("__", "."): v for k, v in values.items()})
        r = requests.post(url + "/_dash-update-component", json=body, timeout=20)
        assert r.status_code < 500, (output, r.status_code)
        text = r.text.lower()
        assert "traceback" not in text and "select " not in text and "kpi_values" not in text


def test_malformed_requests_over_http(server) -> None:
    _, url = server
    for data in (b"{not json", b"[1, 2]", b'{"output": 5}', b"\xff\xfe", b"x" * 100_000):
        r = requests.post(url + "/_dash-update-component", data=data, timeout=10,
                          headers={"Content-Type": "application/json"})
        assert r.status_code == 400, data[:20]
        assert "traceback" not in r.text.lower()
    r = requests.post(url + "/benchmark/report", data={"state": "{]", "lang": "en"}, timeout=10,
                      headers={"Origin": url})
    assert r.status_code == 400


def test_killed_workers_are_replaced(demo_db_path: Path, tmp_path: Path, bodies) -> None:
    """Two of four workers killed at once under load from eight clients: the requests in flight on
    them may fail (one per client at most), the master starts two new ones, and every client is
    answered again."""
    db = tmp_path / "served.duckdb"
    shutil.copy(demo_db_path, db)
    process, url = serve(db, tmp_path / "serve.log", workers=4)
    body = bodies("explorer-map.figure", EXPLORER)
    results: list[int] = []
    done = threading.Event()

    def hammer() -> None:
        session = requests.Session()
        while not done.is_set():
            try:
                results.append(session.post(url + "/_dash-update-component", json=body, timeout=30).status_code)
            except requests.RequestException:
                results.append(0)

    threads = [threading.Thread(target=hammer, daemon=True) for _ in range(8)]  # never outlive a failure
    try:
        before = worker_pids(process, 4)
        for t in threads:
            t.start()
        wait_until(lambda: results.count(200) >= 40, "the clients to be answered before the kill")
        for pid in sorted(before)[:2]:
            os.kill(pid, signal.SIGKILL)
        # the master starts new workers; the clients keep asking until they are up and answer
        wait_until(lambda: len(workers(process)) == 4 and len({p.pid for p in workers(process)} & before) == 2,
                   "gunicorn to replace both killed workers")
        replaced_at = len(results)
        wait_until(lambda: results[replaced_at:].count(200) >= 40, "the clients to be answered after the kill")
        failed = [r for r in results if r != 200]
        assert len(failed) <= 8, failed  # at most the requests in flight, one per client
        assert len(results) > 80
        # four again (a count taken while the master is between a worker's end and its successor's
        # start can see three), two of them new beside the two that lived
        def four() -> set[int] | None:
            pids = {p.pid for p in workers(process)}
            return pids if len(pids) == 4 else None

        after = wait_until(four, "four workers after the kill")
        assert len(after - before) >= 2
        assert requests.post(url + "/_dash-update-component", json=body, timeout=10).status_code == 200
    finally:
        done.set()
        for t in threads:
            if t.is_alive():
                t.join()
        stop(process)


def test_corrupt_database_page_and_log(tmp_path: Path) -> None:
    db = tmp_path / "corrupt.duckdb"
    db.write_bytes(b"not a database" * 100)
    log = tmp_path / "serve.log"
    process, url = serve(db, log, workers=1)
    try:
        body = {"output": ".._pages_content.children..._pages_store.data..",
                "outputs": [{"id": "_pages_content", "property": "children"},
                            {"id": "_pages_store", "property": "data"}],
                "inputs": [{"id": "_pages_location", "property": "pathname", "value": "/"},
                           {"id": "_pages_location", "property": "search", "value": "?lang=en"}],
                "changedPropIds": ["_pages_location.pathname"], "state": []}
        page = requests.post(url + "/_dash-update-component", json=body, timeout=10)
        assert page.status_code == 200
        text = json.dumps(page.json(), ensure_ascii=False)
        assert "The database cannot be read" in text and str(db) in text and "make data DB=" in text
    finally:
        stop(process)
    assert f"Cannot read the database file {db}" in log.read_text()


def _peak_memory(pids: set[int]) -> int:
    """The most memory each process has ever held (VmHWM), summed, in bytes."""
    total = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                total += int(line.split()[1]) * 1024
    return total


def test_large_bodies_are_refused_unread(server) -> None:
    process, url = server
    pids = worker_pids(process, 2)
    callback = url + "/_dash-update-component"
    body = json.dumps({"output": "x", "inputs": [], "pad": "a" * (2 * 1024 * 1024)}).encode()
    r = requests.post(callback, data=body, headers={"Content-Type": "application/json"}, timeout=30)
    assert r.status_code == 413 and "traceback" not in r.text.lower()
    before = _peak_memory(pids)
    big = json.dumps({"output": "x", "inputs": [], "pad": "a" * (48 * 1024 * 1024)}).encode()
    for _ in range(2):  # both workers, most likely
        r = requests.post(callback, data=big, headers={"Content-Type": "application/json"}, timeout=60)
        assert r.status_code == 413
    assert _peak_memory(pids) - before < 16 * 1024 * 1024  # a 48 MiB body never came into memory
    assert requests.post(callback, json={"output": "x"}, timeout=10).status_code == 400  # small: read
    # the limit is exactly 1 MiB: a body of 1 MiB is read (and refused as a bad callback: 400), one
    # byte more is not; a chunked body (no length given up front) is cut off at the limit
    for size, status in ((1024 * 1024, 400), (1024 * 1024 + 1, 413)):
        head = b'{"output": "x", "inputs": [], "pad": "'
        exact = head + b"a" * (size - len(head) - 2) + b'"}'
        assert len(exact) == size
        r = requests.post(callback, data=exact, headers={"Content-Type": "application/json"}, timeout=30)
        assert r.status_code == status, (size, r.status_code)

    def chunks():
        yield b'{"output": "x", "inputs": [], "pad": "'
        for _ in range(48):
            yield b"a" * (1024 * 1024)
        yield b'"}'

    r = requests.post(callback, data=chunks(), headers={"Content-Type": "application/json"}, timeout=60)
    # Dash answers the cut-off body 400 (werkzeug stops reading at the limit and Dash's own body
    # parsing turns that into a bad request): refused, unread, either way
    assert r.status_code in (400, 413) and "traceback" not in r.text.lower()
    assert _peak_memory(pids) - before < 16 * 1024 * 1024


def test_slow_clients_do_not_block_others(server) -> None:
    """A handful of clients sending their headers a byte at a time (slowloris) while a normal
    client asks for a page: it is answered at once, again and again while they drip."""
    _, url = server
    port = int(url.rsplit(":", 1)[1])
    slow = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(6)]
    for s in slow:
        s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    rounds = [0]
    done = threading.Event()

    def trickle() -> None:
        while not done.wait(0.3):
            for s in slow:
                try:
                    s.sendall(b"X")
                except OSError:
                    pass
            rounds[0] += 1

    dripper = threading.Thread(target=trickle)
    dripper.start()
    try:
        latencies = []
        deadline = time.monotonic() + 60
        while rounds[0] < 8 and time.monotonic() < deadline:  # some 2.5 s of dripping
            started = time.monotonic()
            assert requests.get(url + "/data", timeout=30).status_code == 200
            if rounds[0] >= 2:  # every slow connection is in a worker by now
                latencies.append(time.monotonic() - started)
        assert len(latencies) >= 5 and max(latencies) < 1.0, latencies
    finally:
        done.set()
        dripper.join()
        for s in slow:
            s.close()


def test_reports_cannot_flood_the_server(demo_db_path: Path, tmp_path: Path, bodies) -> None:
    """Four reports asked for at once (each seconds of Chromium): each worker draws one at a time
    and answers the others 503 with Retry-After; other pages (the Data page, and the explorer's
    views drawn by their callback) answer within a second all along; no worker dies; and an address
    gets at most REPORT_LIMIT reports a minute (429)."""
    import duckdb

    from dashboard.report import REPORT_LIMIT

    if not shutil.which("chromium") and os.environ.get("REQUIRE_BROWSER") != "1":
        pytest.skip("reports are drawn by Chromium: sudo apt-get install -y chromium")
    db = tmp_path / "served.duckdb"
    shutil.copy(demo_db_path, db)
    with duckdb.connect(str(db), read_only=True) as con:
        orgs = [r[0] for r in con.execute("select org_nr from companies order by org_nr limit 4").fetchall()]
    process, url = serve(db, tmp_path / "serve.log", workers=2)
    try:
        before = worker_pids(process, 2)
        answers: list[requests.Response] = []

        def report(org: str) -> None:
            state = {"mode": "company", "query": org, "year": 2025, "options": ["sector"], "trend_kpi": "productivity"}
            answers.append(requests.post(url + "/benchmark/report", headers={"Origin": url}, timeout=120,
                                         data={"lang": "en", "state": json.dumps(state)}))

        threads = [threading.Thread(target=report, args=(org,)) for org in orgs]
        for t in threads:
            t.start()
        latencies = []
        paced = threading.Event()
        views = bodies("explorer-map.figure", EXPLORER)
        while any(t.is_alive() for t in threads):
            started = time.monotonic()
            if len(latencies) % 2:
                assert requests.post(url + "/_dash-update-component", json=views, timeout=60).status_code == 200
            else:
                assert requests.get(url + "/data", timeout=60).status_code == 200
            latencies.append(time.monotonic() - started)
            paced.wait(0.05)  # a reader clicking about, not a load test
        for t in threads:
            t.join()
        statuses = sorted(r.status_code for r in answers)
        assert set(statuses) <= {200, 503} and 200 in statuses, statuses
        assert all(r.headers["Retry-After"] == "10" for r in answers if r.status_code == 503)
        assert all("<img" in r.text for r in answers if r.status_code == 200)
        assert len(latencies) >= 5 and max(latencies) < 1.0, latencies
        assert {p.pid for p in workers(process)} == before  # no worker died or was killed

        refused = None
        for _ in range(REPORT_LIMIT[0]):  # bad state: answered at once, but counted
            refused = requests.post(url + "/benchmark/report", headers={"Origin": url}, timeout=30,
                                    data={"lang": "en", "state": "{}"})
            if refused.status_code == 429:
                break
        assert refused.status_code == 429 and refused.headers["Retry-After"] == "60"
    finally:
        stop(process)
