"""Access control over HTTP against `make serve` with AUTH=on: users, sign-in, and what each role
may see in every page and callback, including hand-made requests for another company; and sign-in
itself: limits kept in the users file, the same cost for unknown names, sessions ended on the
server, and posts from other sites refused."""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from flask import Flask

from dashboard import auth, users
from tests.dash_requests import callback_body
from tests.layout import find, prop, text
from tests.test_serve import serve, stop

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "correct horse battery"
EVIL = "https://evil.example"


@pytest.mark.slow
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
    assert users.begin_sign_in(db, "firma", "10.0.0.9") == 0
    assert run("unlock", "firma").returncode == 0 and run("unlock", "firma").returncode == 1


@pytest.fixture(scope="module")
def secured(demo_db_path: Path, tmp_path_factory: pytest.TempPathFactory):
    """The app with AUTH=on, and a jury member, an admin and a company user."""
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
    process, url = serve(db, folder / "serve.log", workers=1, AUTH="on", USERS_DB=str(users_db),
                         SECRET_KEY="test-secret", SECURE_COOKIES="off")
    yield {"url": url, "own": orgs[0], "other": orgs[1], "db": db, "users_db": users_db}
    stop(process)


def session(secured: dict, who: str | None) -> requests.Session:
    """A client of the served app, signed in as ``who``; it posts as the app's own pages do (a
    browser sends Origin with every post)."""
    s = requests.Session()
    s.headers["Origin"] = secured["url"]
    if who:
        r = s.post(secured["url"] + "/login", data={"name": who, "password": PASSWORD}, allow_redirects=False)
        assert r.status_code == 302, r.text[:200]
    return s


@pytest.mark.slow
def test_sign_in_cookies_and_sign_out(secured) -> None:
    s = session(secured, None)
    r = s.post(secured["url"] + "/login", data={"name": "jury", "password": PASSWORD}, allow_redirects=False)
    cookie = r.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert signed_in_as(route(s, secured, "/")) == "Jury"
    copied = s.cookies.copy()
    out = s.post(secured["url"] + "/logout?lang=en", allow_redirects=False)
    assert out.status_code == 302
    assert signed_in_as(route(s, secured, "/", "?lang=en")) == "Sign in"
    # the cookie as it was before signing out no longer signs anyone in: the session ended on the server
    thief = requests.Session()
    thief.cookies.update(copied)
    page = route(thief, secured, "/", "?lang=en")
    assert signed_in_as(page) == "Sign in" and "Jury" not in json.dumps(page)
    assert out.headers["Location"] == "/?lang=en"  # back to the dashboard in the same language


@pytest.mark.slow
def test_sign_out_only_by_post(secured) -> None:
    """A link or an image (a GET, from any site) signs nobody out."""
    s = session(secured, "jury")
    assert s.get(secured["url"] + "/logout", allow_redirects=False).status_code == 405
    assert signed_in_as(route(s, secured, "/")) == "Jury"


@pytest.mark.slow
def test_wrong_password_and_rate_limit(secured) -> None:
    users.unlock(secured["users_db"], "target")
    s = session(secured, None)
    codes = [s.post(secured["url"] + "/login", data={"name": "target", "password": "nope"}).status_code
             for _ in range(6)]
    assert codes == [401] * 5 + [429]
    # while blocked, even the right password waits; other accounts are not blocked
    blocked = s.post(secured["url"] + "/login", data={"name": "target", "password": PASSWORD})
    assert blocked.status_code == 429 and 240 < int(blocked.headers["Retry-After"]) <= 300
    assert session(secured, "jury") is not None


@pytest.mark.slow
def test_many_names_from_one_address_are_limited(secured) -> None:
    """25 names (none of them tried twice) from one address: the address is locked after 20."""
    users.unlock(secured["users_db"], "127.0.0.1")
    s = session(secured, None)
    try:
        codes = [s.post(secured["url"] + "/login", data={"name": f"guess{i}", "password": "nope"}).status_code
                 for i in range(25)]
        assert codes == [401] * users.LIMITS["address"] + [429] * (25 - users.LIMITS["address"])
        # an existing account with its right password waits too: the address is locked, whatever the name
        assert s.post(secured["url"] + "/login", data={"name": "admin", "password": PASSWORD}).status_code == 429
    finally:
        users.unlock(secured["users_db"], "127.0.0.1")
    assert session(secured, "admin") is not None


@pytest.mark.slow
def test_failures_are_kept_in_the_users_file(secured, tmp_path: Path) -> None:
    """Failures counted by one process are seen by another: here this test's own app (as another
    worker would, or the same one after a restart) fails five times, and `make serve` refuses."""
    users.add(secured["users_db"], "target2", "jury", PASSWORD)
    other_worker = bare_app(secured["users_db"]).test_client()
    for _ in range(users.LIMITS["account"]):
        assert sign_in(other_worker, "target2", "nope", "10.0.0.7").status_code == 401
    r = requests.post(secured["url"] + "/login", data={"name": "target2", "password": PASSWORD},
                      headers={"Origin": secured["url"]}, allow_redirects=False)
    assert r.status_code == 429
    # and a fresh app, started after all that, still counts them
    assert sign_in(bare_app(secured["users_db"]).test_client(), "target2", PASSWORD, "10.0.0.8").status_code == 429


@pytest.mark.slow
def test_cross_site_posts_are_refused(secured) -> None:
    url = secured["url"]
    login = {"name": "jury", "password": PASSWORD}
    report = {"lang": "en", "state": "{}"}  # nothing picked: a 400 once past the check
    for headers in ({"Origin": EVIL}, {"Referer": EVIL + "/page"}, {"Origin": "null"}, {}):
        assert requests.post(url + "/login", data=login, headers=headers, allow_redirects=False).status_code == 403
        assert requests.post(url + "/benchmark/report", data=report, headers=headers).status_code == 403
    signed_in = session(secured, "jury")
    assert signed_in.post(url + "/logout", headers={"Origin": EVIL}).status_code == 403
    assert signed_in_as(route(signed_in, secured, "/")) == "Jury"  # still signed in
    # the same site, by Origin or by Referer alone, is let through
    assert requests.post(url + "/login", data=login, headers={"Referer": url + "/login"},
                         allow_redirects=False).status_code == 302
    assert requests.post(url + "/benchmark/report", data=report, headers={"Origin": url}).status_code == 400


def test_cross_site_report_is_refused_with_auth_off(app) -> None:
    client = app.server.test_client()
    form = {"lang": "en", "state": "{}"}
    assert client.post("/benchmark/report", data=form, headers={"Origin": EVIL}).status_code == 403
    assert client.post("/benchmark/report", data=form).status_code == 403
    assert client.post("/benchmark/report", data=form, headers={"Origin": "http://localhost"}).status_code == 400


def test_the_pages_report_callback_checks_the_origin_too(app) -> None:
    """The page asks for its report through a callback, not the form route: a request from another
    site gets the refusal in the panel and no report; from this site it goes on to the usual
    checks (here: nothing looked up, so no report either, and another reason)."""
    from dashboard.pages import benchmark as page

    client = app.server.test_client()
    client.get("/")
    body = callback_body(app, f"{page.REPORT_DOWNLOAD}.data", {
        f"{page.REPORT_LANG}-en.n_clicks": 1, f"{page.REPORT_STATE}.value": "{}", f"{page.LANG}.data": "en"},
        changed=f"{page.REPORT_LANG}-en.n_clicks")

    def status(headers: dict) -> str:
        r = client.post("/_dash-update-component", json=body, headers=headers)
        assert r.status_code == 200, r.data[:300]
        response = r.get_json()["response"]
        assert "data" not in response.get(page.REPORT_DOWNLOAD, {})
        return response[page.REPORT_STATUS]["children"]

    refused = "The report can only be asked for from this site."
    assert status({"Origin": EVIL}) == status({}) == refused
    assert status({"Origin": "http://localhost"}) not in ("", refused)


# --- sign-in, in this process: an app with only the sign-in routes ---------------------------

def bare_app(users_db: Path) -> Flask:
    """A Flask app with access control on and nothing else, plus /whoami (the role it sees)."""
    server = Flask("auth-test")
    auth.setup(server, True, users_db, "test-secret", False)
    server.add_url_rule("/whoami", "whoami", auth.role)
    return server


def sign_in(client, name: str, password: str, address: str = "10.0.0.1"):
    return client.post("/login", data={"name": name, "password": password}, headers={"Origin": "http://localhost"},
                       environ_base={"REMOTE_ADDR": address})


def test_lock_outs_grow_and_are_forgotten(tmp_path: Path) -> None:
    db = tmp_path / "users.sqlite3"
    start = 1_000_000.0
    # an account: five failures (from anywhere), then locks of 5, 10, 20, 40 minutes, then an hour each
    at = start
    for i in range(users.LIMITS["account"]):
        assert users.begin_sign_in(db, "kari", f"10.0.0.{i}", now=at) == 0
    locks = []
    for _ in range(6):
        wait = users.begin_sign_in(db, "kari", "10.1.0.1", now=at)
        locks.append(round(wait))
        at += wait
        assert users.begin_sign_in(db, "kari", "10.1.0.1", now=at) == 0  # one more try once it has passed
    assert locks == [300, 600, 1200, 2400, 3600, 3600]
    # a day without failures: it starts again from zero
    at += users.FORGET + 1
    assert all(users.begin_sign_in(db, "kari", "10.2.0.1", now=at + i) == 0 for i in range(users.LIMITS["account"]))
    assert users.begin_sign_in(db, "kari", "10.2.0.2", now=at + 10) > 0
    # a right password clears the account (here just before it locks) and gives the address its try back
    for i in range(4):
        assert users.begin_sign_in(db, "ola", "10.3.0.1", now=at + i) == 0
    users.signed_in(db, "ola", "10.3.0.1")
    assert all(users.begin_sign_in(db, "ola", "10.3.0.2", now=at + 10 + i) == 0 for i in range(4))


def test_changed_password_and_removal_end_sessions(tmp_path: Path) -> None:
    db = tmp_path / "users.sqlite3"
    users.add(db, "kari", "jury", PASSWORD)
    server = bare_app(db)

    def cookie(password: str) -> str:
        client = server.test_client()
        assert sign_in(client, "kari", password).status_code == 302
        return client.get_cookie("session").value

    def whoami(session_cookie: str) -> str:
        client = server.test_client()
        client.set_cookie("session", session_cookie)
        return client.get("/whoami").text

    first = cookie(PASSWORD)
    assert whoami(first) == "jury"
    users.add(db, "kari", "jury", PASSWORD + "!")  # a new password
    assert whoami(first) == "public"
    second = cookie(PASSWORD + "!")
    assert whoami(second) == "jury"
    users.remove(db, "kari")
    assert whoami(second) == "public"
    users.add(db, "kari", "jury", PASSWORD + "!")  # added again, same password: old cookies stay dead
    assert whoami(first) == whoami(second) == "public"


@pytest.mark.slow
def test_unknown_names_cost_as_much_as_known_ones(tmp_path: Path) -> None:
    """Refusing an unknown name takes as long as refusing a wrong password (it was twice as long)."""
    db = tmp_path / "users.sqlite3"
    users.add(db, "kari", "jury", PASSWORD)
    users.add(db, "ola", "jury", PASSWORD)
    client = bare_app(db).test_client()
    sign_in(client, "ola", "nope", "10.9.0.1"), sign_in(client, "ghost", "nope", "10.9.0.2")  # warm up

    def took(name: str, address: str) -> float:
        start = time.perf_counter()
        assert sign_in(client, name, "nope", address).status_code == 401
        return time.perf_counter() - start

    known, unknown = [], []
    for i in range(users.LIMITS["account"]):  # interleaved, so a busy moment hits both alike
        known.append(took("kari", f"10.9.1.{i}"))
        unknown.append(took(f"ghost{i}", f"10.9.2.{i}"))
    ratio = statistics.median(unknown) / statistics.median(known)
    assert 0.5 <= ratio <= 1.5, (known, unknown)


def signed_in_as(page: dict) -> str:
    """What the header's access corner says: the role signed in, or the sign-in link."""
    shown = prop(find(page["response"]["_pages_content"]["children"], "access"), "children")
    return text(shown[0] if isinstance(shown, list) else shown)


def route(s: requests.Session, secured: dict, path: str, search: str = "") -> dict:
    body = {"output": ".._pages_content.children..._pages_store.data..",
            "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
            "inputs": [{"id": "_pages_location", "property": "pathname", "value": path},
                       {"id": "_pages_location", "property": "search", "value": search}],
            "changedPropIds": ["_pages_location.pathname"], "state": []}
    r = s.post(secured["url"] + "/_dash-update-component", json=body, timeout=20)
    assert r.status_code == 200
    return r.json()


@pytest.fixture(scope="module")
def body(app):
    from tests.dash_requests import callback_body

    app.server.test_client().get("/")
    return lambda output, values, changed=None: callback_body(app, output, values, changed)


@pytest.fixture(scope="module")
def names(secured) -> list[str]:
    import duckdb

    con = duckdb.connect(str(secured["db"]), read_only=True)
    out = [r[0] for r in con.execute("select name from companies").fetchall()]
    con.close()
    return out


EXPLORER = {"explorer-county.value": [], "explorer-sector.value": [], "explorer-size.value": [],
            "explorer-years.value": [2014, 2025], "explorer-status.value": "all", "explorer-prize.value": "any",
            "explorer-kpi.value": "productivity", "explorer-lang.data": "en"}


def post(s: requests.Session, secured: dict, payload: dict) -> requests.Response:
    return s.post(secured["url"] + "/_dash-update-component", json=payload, timeout=20)


def bench_body(body, query: str, mode: str = "company") -> dict:
    from dashboard.kpis import MEASURE_IDS

    b = body("benchmark-subject.children", {
        "benchmark-mode.value": mode, "benchmark-fetch.n_clicks": 1, "benchmark-query.value": query,
        "benchmark-year.value": 2025, "benchmark-options.value": ["sector"], "benchmark-sector.value": 25,
        "benchmark-county.value": "46", "benchmark-trend-kpi.value": "productivity", "benchmark-lang.data": "en"})
    ids = [{"type": "benchmark-measure", "measure": m} for m in MEASURE_IDS]
    typed = {"fte": 80, "turnover_mnok": 300, "value_added_mnok": 90}
    b["inputs"][7] = [{"id": i, "property": "value", "value": typed.get(i["measure"]) if mode == "typed" else None}
                      for i in ids]
    b["state"][0] = [{"id": i, "property": "id", "value": i} for i in ids]
    return b


@pytest.mark.slow
@pytest.mark.parametrize("who", [None, "company"])
def test_public_and_company_see_no_individual_company(secured, body, names, who) -> None:
    s = session(secured, who)
    own = secured["own"]
    import duckdb

    con = duckdb.connect(str(secured["db"]), read_only=True)
    own_name = con.execute("select name from companies where org_nr = ?", [own]).fetchall()[0][0]
    # finalists and winners once published are public (the presentation shows them)
    published = {r[0] for r in con.execute(
        "select c.name from nominations n join companies c using (org_nr) where n.status in ('finalist', 'winner') "
        "and n.published_on <= current_date").fetchall()}
    con.close()
    others = [n for n in names if n != own_name and n not in published]
    texts = [json.dumps(route(s, secured, path, "?lang=en"), ensure_ascii=False)
             for path in ("/", "/compare", "/benchmark", "/present", "/data")]
    for output in ("explorer-table.rowData", "explorer-scatter.figure", "explorer-map.figure", "explorer-cards.children"):
        r = post(s, secured, body(output, EXPLORER))
        assert r.status_code == 200
        texts.append(r.text)
    joined = "\n".join(texts)
    leaked = [n for n in others if json.dumps(n)[1:-1] in joined]
    assert leaked == []
    assert "compare-forbidden" in texts[1]
    assert '"rowData": []' in texts[5].replace('"rowData":[]', '"rowData": []')
    # every jury-only callback is refused outright, whatever it asks for
    modal = body("explorer-company.is_open", {"explorer-table.cellClicked": {"rowId": secured["other"]},
                                               "explorer-kpi.value": "productivity",
                                               "explorer-years.value": [2014, 2025], "explorer-lang.data": "en"},
                 "explorer-table.cellClicked")
    assert post(s, secured, modal).status_code == 403
    compare = body("compare-table.children", {"compare-companies.value": [secured["other"], own],
                                              "compare-year.value": 2025, "compare-prize.value": "main",
                                              "compare-lang.data": "en"})
    assert post(s, secured, compare).status_code == 403
    ranking = body("compare-ranking.children", {"compare-scores.data": {"prize": "main", "companies": []},
                                                "compare-lang.data": "en"})
    ranking["inputs"][0] = [{"id": {"type": "compare-weight", "criterion": "rnd"}, "property": "value", "value": 1}]
    ranking["state"][0] = [{"id": {"type": "compare-weight", "criterion": "rnd"}, "property": "id",
                            "value": {"type": "compare-weight", "criterion": "rnd"}}]
    assert post(s, secured, ranking).status_code == 403
    # benchmark: another company is "not found"; a company user gets its own
    assert "No company has that number or name." in post(s, secured, bench_body(body, secured["other"])).text
    mine = post(s, secured, bench_body(body, own)).text
    if who == "company":
        assert own_name in mine
    else:
        assert "No company has that number or name." in mine and own_name not in mine
    assert "Your figures" in post(s, secured, bench_body(body, "", mode="typed")).text
    report = s.post(secured["url"] + "/benchmark/report",  # Origin: this site (see session)
                    data={"lang": "en", "state": json.dumps({"mode": "company", "query": secured["other"], "year": 2025})})
    assert report.status_code == 400


@pytest.mark.slow
def test_unpublished_nominations_are_the_jury_s(secured, body) -> None:
    finalists_2025 = EXPLORER | {"explorer-status.value": "finalist", "explorer-years.value": [2025, 2025]}
    public = post(requests.Session(), secured, body("explorer-map.figure", finalists_2025)).json()
    jury_s = session(secured, "jury")
    jury = post(jury_s, secured, body("explorer-map.figure", finalists_2025)).json()
    assert public["response"]["explorer-map"]["figure"]["data"] == []  # not announced: no finalists yet
    assert jury["response"]["explorer-map"]["figure"]["data"] != []
    # 2024's finalists are published: the public sees their aggregates (where five or more)
    published = EXPLORER | {"explorer-status.value": "nominated", "explorer-years.value": [2024, 2024]}
    assert "2024" in post(requests.Session(), secured, body("explorer-cards.children", published)).text
    reveal = body("present-winner.children", {"present-reveal.data": 1, "present-year.data": 2025,
                                              "present-lang.data": "en"})
    assert "winner-name" not in post(requests.Session(), secured, reveal).text
    assert "winner-name" in post(jury_s, secured, reveal).text


@pytest.mark.slow
def test_small_groups_are_hidden_from_the_public(secured, body) -> None:
    pharma = EXPLORER | {"explorer-sector.value": [21]}
    figure = post(requests.Session(), secured, body("explorer-map.figure", pharma)).json()
    data = figure["response"]["explorer-map"]["figure"]["data"]
    tiles = data[0]["customdata"] if data else []
    assert all(t[2] == "no data" for t in tiles if t[3] < 5)
    jury = post(session(secured, "jury"), secured, body("explorer-map.figure", pharma)).json()
    jury_tiles = jury["response"]["explorer-map"]["figure"]["data"][0]["customdata"]
    assert any(t[3] < 5 and t[2] != "no data" for t in jury_tiles)


@pytest.mark.slow
@pytest.mark.parametrize("who", ["jury", "admin"])
def test_jury_and_admin_see_everything(secured, body, who) -> None:
    s = session(secured, who)
    assert "compare-forbidden" not in json.dumps(route(s, secured, "/compare"))
    rows = post(s, secured, body("explorer-table.rowData", EXPLORER)).json()["response"]["explorer-table"]["rowData"]
    assert len(rows) > 100
    compare = body("compare-table.children", {"compare-companies.value": [secured["other"], secured["own"]],
                                              "compare-year.value": 2025, "compare-prize.value": "main",
                                              "compare-lang.data": "en"})
    assert post(s, secured, compare).status_code == 200


@pytest.mark.slow
def test_every_callback_as_the_public(secured, app, names) -> None:
    """Each callback the app has, sent by an anonymous visitor with the other company's number
    wherever a company can be named: a 403, or an answer without any unpublished company's name."""
    import duckdb

    from tests.dash_requests import callback_body

    app.server.test_client().get("/")
    con = duckdb.connect(str(secured["db"]), read_only=True)
    published = {r[0] for r in con.execute(
        "select c.name from nominations n join companies c using (org_nr) where n.status in ('finalist', 'winner') "
        "and n.published_on <= current_date").fetchall()}
    con.close()
    secret = [n for n in names if n not in published]
    other = secured["other"]
    values = {**EXPLORER, "explorer-table.cellClicked": {"rowId": other}, "compare-companies.value": [other],
              "compare-year.value": 2025, "compare-prize.value": "main", "compare-lang.data": "en",
              "compare-companies.search_value": other[:4], "benchmark-query.value": other,
              "benchmark-mode.value": "company", "present-reveal.data": 1, "present-year.data": 2025,
              "present-lang.data": "en", "compare-csv.n_clicks": 1, "compare-add-finalists.n_clicks": 1}
    s = requests.Session()
    seen = 0
    for key, spec in app.callback_map.items():
        if "callback" not in spec or "_pages_" in key:  # clientside callbacks run in the browser
            continue
        if any(str(d.get("id", "")).startswith("{") for d in spec["inputs"] + spec.get("state", [])):
            continue  # pattern-matching inputs (weights, measures): covered by the tests above
        try:
            b = callback_body(app, key.strip(".").split("...")[0], values)
        except KeyError:
            continue
        r = post(s, secured, b)
        assert r.status_code in (200, 204, 403), (key, r.status_code)
        leaked = [n for n in secret if json.dumps(n)[1:-1] in r.text]
        assert leaked == [], (key, leaked[:3])
        seen += 1
    assert seen >= 15
