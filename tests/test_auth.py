"""Access control over HTTP against `make serve` with AUTH=on: users, sign-in, and what each role
may see in every page and callback, including hand-made requests for another company."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from dashboard import users
from tests.test_serve import free_port

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "correct horse battery"


def test_users_command(tmp_path: Path) -> None:
    db = tmp_path / "users.sqlite3"
    run = lambda *a, stdin="": subprocess.run(  # noqa: E731
        [sys.executable, "-m", "dashboard.users", "--users-db", str(db), *a], input=stdin, text=True,
        capture_output=True, cwd=ROOT)
    assert run("add", "kari", "--role", "jury", "--password-stdin", stdin=PASSWORD + "\n").returncode == 0
    bad = run("add", "firma", "--role", "company", "--password-stdin", stdin=PASSWORD + "\n")
    assert bad.returncode == 1 and "needs --org" in bad.stderr
    short = run("add", "ola", "--role", "admin", "--password-stdin", stdin="kort\n")
    assert short.returncode == 1 and "at least 10" in short.stderr
    assert run("add", "firma", "--role", "company", "--org", "910000004", "--password-stdin",
               stdin=PASSWORD + "\n").returncode == 0
    assert run("list").stdout.splitlines() == ["firma\tcompany\t910000004", "kari\tjury\t"]
    assert PASSWORD not in db.read_bytes().decode("latin-1")  # only hashes are stored
    assert users.verify(db, "kari", PASSWORD).role == "jury" and users.verify(db, "kari", "wrong") is None
    assert run("remove", "kari").returncode == 0 and users.get(db, "kari") is None


@pytest.fixture(scope="module")
def secured(demo_db_path: Path, tmp_path_factory: pytest.TempPathFactory):
    """The app with AUTH=on, and a jury member, an admin and a company user."""
    import time

    folder = tmp_path_factory.mktemp("auth")
    db = folder / "served.duckdb"
    shutil.copy(demo_db_path, db)
    users_db = folder / "users.sqlite3"
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    orgs = [r[0] for r in con.execute("select org_nr from nominations where year = 2025 order by org_nr").fetchall()]
    con.close()
    users.add(users_db, "jury", "jury", PASSWORD)
    users.add(users_db, "admin", "admin", PASSWORD)
    users.add(users_db, "company", "company", PASSWORD, orgs[0])
    users.add(users_db, "target", "jury", PASSWORD)  # for the rate limit
    port = free_port()
    env = dict(os.environ, DASHBOARD_DB=str(db), PORT=str(port), WORKERS="1", AUTH="on", USERS_DB=str(users_db),
               SECRET_KEY="test-secret", SECURE_COOKIES="off")
    process = subprocess.Popen(["make", "--no-print-directory", "serve"], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            requests.get(url + "/", timeout=1)
            break
        except requests.ConnectionError:
            time.sleep(0.1)
    yield {"url": url, "own": orgs[0], "other": orgs[1], "db": db}
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=15)


def session(secured: dict, who: str | None) -> requests.Session:
    s = requests.Session()
    if who:
        r = s.post(secured["url"] + "/login", data={"name": who, "password": PASSWORD}, allow_redirects=False)
        assert r.status_code == 302, r.text[:200]
    return s


def test_sign_in_cookies_and_sign_out(secured) -> None:
    s = requests.Session()
    r = s.post(secured["url"] + "/login", data={"name": "jury", "password": PASSWORD}, allow_redirects=False)
    cookie = r.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert json.dumps(route(s, secured, "/")).count("Jury") >= 1
    s.get(secured["url"] + "/logout")
    assert "Sign in" in json.dumps(route(s, secured, "/", "?lang=en"))


def test_wrong_password_and_rate_limit(secured) -> None:
    s = requests.Session()
    codes = [s.post(secured["url"] + "/login", data={"name": "target", "password": "nope"}).status_code
             for _ in range(6)]
    assert codes == [401] * 5 + [429]
    # while blocked, even the right password waits; other accounts are not blocked
    assert s.post(secured["url"] + "/login", data={"name": "target", "password": PASSWORD}).status_code == 429
    assert session(secured, "jury") is not None


def route(s: requests.Session, secured: dict, path: str, search: str = "") -> dict:
    body = {"output": ".._pages_content.children..._pages_store.data..",
            "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
            "inputs": [{"id": "_pages_location", "property": "pathname", "value": path},
                       {"id": "_pages_location", "property": "search", "value": search}],
            "changedPropIds": ["_pages_location.pathname"], "state": []}
    r = s.post(secured["url"] + "/_dash-update-component", json=body, timeout=20)
    assert r.status_code == 200
    return r.json()
