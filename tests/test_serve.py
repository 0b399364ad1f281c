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

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: Path, log: Path, workers: int = 2, **settings: str) -> tuple[subprocess.Popen, str]:
    """`make serve` on a free port for ``db`` (``settings``: more environment), once it answers."""
    port = free_port()
    env = dict(os.environ, DASHBOARD_DB=str(db), PORT=str(port), HOST="127.0.0.1", WORKERS=str(workers),
               **settings)
    process = subprocess.Popen(["make", "--no-print-directory", "serve"], cwd=ROOT, env=env,
                               stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            if requests.get(url + "/", timeout=1).status_code == 200:
                return process, url
        except requests.ConnectionError:
            time.sleep(0.1)
    os.killpg(process.pid, signal.SIGTERM)
    raise RuntimeError(f"make serve did not start: {log.read_text()[-2000:]}")


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=15)


def workers(process: subprocess.Popen) -> list[psutil.Process]:
    """The gunicorn worker processes: gunicorn processes whose parent is gunicorn too."""
    family = psutil.Process(process.pid).children(recursive=True)
    gunicorns = {p.pid for p in family if "gunicorn" in " ".join(p.cmdline())}
    return [p for p in family if p.pid in gunicorns and p.ppid() in gunicorns]


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
    r = requests.post(url + "/benchmark/report", data={"state": "{]", "lang": "en"}, timeout=10)
    assert r.status_code == 400


def test_killed_worker_is_replaced(server, bodies) -> None:
    process, url = server
    body = bodies("explorer-map.figure", EXPLORER)
    before = {p.pid for p in workers(process)}
    assert len(before) == 2
    results: list[int] = []
    stop_at = time.time() + 4

    def hammer() -> None:
        while time.time() < stop_at:
            try:
                results.append(requests.post(url + "/_dash-update-component", json=body, timeout=10).status_code)
            except requests.RequestException:
                results.append(0)

    threads = [threading.Thread(target=hammer) for _ in range(4)]
    for t in threads:
        t.start()
    time.sleep(1.5)
    os.kill(sorted(before)[0], signal.SIGKILL)
    for t in threads:
        t.join()
    failed = [r for r in results if r != 200]
    assert len(failed) <= 4, failed  # at most the requests in flight, one per client
    assert len(results) > 50
    deadline = time.time() + 10
    while time.time() < deadline and len(workers(process)) < 2:
        time.sleep(0.2)
    after = {p.pid for p in workers(process)}
    assert len(after) == 2 and after != before  # the master started a new one
    assert requests.post(url + "/_dash-update-component", json=body, timeout=10).status_code == 200


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
