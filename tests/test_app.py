"""The app over HTTP: pages, routing and callbacks, including hostile callback requests."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from dashboard import prepare_database
from dashboard.config import Config
from dashboard.db import Database
from dashboard.disclosure import JURY
from tests.dash_requests import callback_body
from tests.layout import by_class, find, of_kind, text


@pytest.fixture(scope="module")
def client(app):
    client = app.server.test_client()
    return client


def route(client, pathname: str, search: str = "") -> dict:
    """Ask Dash Pages' router for a page, as the browser does on navigation."""
    body = {
        "output": ".._pages_content.children..._pages_store.data..",
        "outputs": [{"id": "_pages_content", "property": "children"},
                    {"id": "_pages_store", "property": "data"}],
        "inputs": [{"id": "_pages_location", "property": "pathname", "value": pathname},
                   {"id": "_pages_location", "property": "search", "value": search}],
        "changedPropIds": ["_pages_location.pathname"],
        "state": [],
    }
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data[:500]
    return response.get_json()


@pytest.mark.parametrize("path", ["/", "/compare", "/benchmark", "/present", "/data"])
def test_pages_are_served(client, path: str) -> None:
    assert client.get(path).status_code == 200
    content = route(client, path, "?lang=en")["response"]["_pages_content"]["children"]
    badges = by_class(content, "demo-badge") + by_class(content, "present-badge")  # the deck has its own
    assert [text(b) for b in badges] == ["Synthetic demo data"]


def test_unknown_page_says_so(client) -> None:
    content = route(client, "/no-such-page")["response"]["_pages_content"]["children"]
    assert text(find(content, "not-found")) == "Fant ikke siden"


EXPLORER = {
    "explorer-county.value": [], "explorer-sector.value": [], "explorer-size.value": [],
    "explorer-years.value": [2014, 2025], "explorer-status.value": "all",
    "explorer-prize.value": "any", "explorer-kpi.value": "productivity", "explorer-lang.data": "nb",
}


def post(client, app, output: str, **values):
    body = callback_body(app, output, EXPLORER | {k.replace("__", "."): v for k, v in values.items()})
    return client.post("/_dash-update-component", json=body)


def test_trend_callback(client, app) -> None:
    response = post(client, app, "explorer-trend.figure", **{"explorer-kpi__value": "robot_density",
                                                            "explorer-lang__data": "en"})
    figure = response.get_json()["response"]["explorer-trend"]["figure"]
    assert figure["layout"]["title"]["text"] == "Robot density, 2014–2025"
    assert figure["layout"]["yaxis"]["title"]["text"] == "robots per 10,000 FTE"
    assert figure["data"][0]["x"] == list(range(2014, 2026))


def test_company_modal_over_http(client, app) -> None:
    with app.server.app_context():
        from dashboard.pages.explorer import table_view
        from dashboard.state import Filters

        row = table_view(Filters(2014, 2025), "en", JURY)[0][0]
    body = callback_body(app, "explorer-company.is_open",
                         {"explorer-table.cellClicked": {"rowId": row["org_nr"], "colId": "name"},
                          "explorer-kpi.value": "productivity", "explorer-years.value": [2014, 2025],
                          "explorer-lang.data": "en"}, changed="explorer-table.cellClicked")
    response = client.post("/_dash-update-component", json=body).get_json()["response"]
    assert response["explorer-company"]["is_open"] is True
    assert response["explorer-company-title"]["children"] == row["name"]
    hostile = callback_body(app, "explorer-company.is_open",
                            {"explorer-table.cellClicked": {"rowId": "1 or 1=1"}},
                            changed="explorer-table.cellClicked")
    assert client.post("/_dash-update-component", json=hostile).status_code == 204  # nothing to update


HOSTILE = [
    {"explorer-county__value": ["'; drop table facts; --"]},
    {"explorer-county__value": ["03"] * 10_000},
    {"explorer-years__value": [10**12, 10**12]},
    {"explorer-years__value": "2014"},
    {"explorer-sector__value": [{"$gt": 1}], "explorer-size__value": 7},
    {"explorer-kpi__value": "x" * 10_000, "explorer-lang__data": ["en"]},
    {"explorer-status__value": "winner", "explorer-prize__value": "'; select 1"},
]
VIEWS = ["explorer-map.figure", "explorer-sectors.figure", "explorer-trend.figure",
         "explorer-scatter.figure", "explorer-cards.children", "explorer-table.rowData"]


@pytest.mark.parametrize("values", HOSTILE)
@pytest.mark.parametrize("output", VIEWS)
def test_hostile_values_get_a_clamped_view(client, app, output, values) -> None:
    response = post(client, app, output, **values)
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "Traceback" not in body and "select " not in body.lower() and "drop table" not in body


def test_malformed_requests_are_refused_cleanly(client) -> None:
    for payload in ({"output": "explorer-map.figure", "inputs": []}, {"nonsense": True}, [1, 2, 3]):
        response = client.post("/_dash-update-component", json=payload)
        assert response.status_code == 400, payload
        assert response.get_json() == {"error": "Forespørselen kunne ikke behandles. / The request could not be processed."}
    response = client.post("/_dash-update-component", data="{not json", content_type="application/json")
    assert response.status_code == 400 and b"Traceback" not in response.data


def test_callbacks_take_their_inputs_by_name(app) -> None:
    """Every server callback of the pages declares its inputs and state by name (Dash's dict
    ``inputs=``/``state=``), so none depends on the order of a list kept in step by hand. The dicts
    the pages share keep only their own entries (Dash adds a callback's inputs to the ``state`` dict
    it is given)."""
    from dash import State

    from dashboard.callbacks import benchmark, compare, explorer

    ours = {f"{v['callback'].__module__}.{v['callback'].__name__}": v["inputs_state_indices"]
            for v in app.callback_map.values() if v.get("callback") is not None
            and v["callback"].__module__.startswith("dashboard.callbacks.")}
    assert len(ours) == 31  # benchmark 5, compare 10, explorer 10, jury 5, present 1
    assert {name for name, indices in ours.items() if not isinstance(indices, dict)} == set()
    assert list(ours["dashboard.callbacks.compare.compare"]) == [
        "ids", "store", "shown", "lang", "chosen", "year", "prize", "values"]  # the state's names, then the inputs'
    for shared in (compare.LANG, explorer.LANG):
        assert list(shared) == ["lang"] and isinstance(shared["lang"], State)
    assert list(benchmark.STATE) == ["ids", "lang"]
    assert list(compare.DOWNLOAD_STATE) == ["chosen", "year", "prize", "values", "ids", "lang"]


@pytest.mark.slow
def test_missing_database_is_built(tmp_path: Path) -> None:
    path = tmp_path / "new" / "demo.duckdb"
    prepare_database(Config(db_path=path))
    assert Database(path).check()["source"] == "demo"


@pytest.mark.slow
def test_old_demo_database_is_rebuilt(tmp_path: Path) -> None:
    import duckdb

    path = tmp_path / "demo.duckdb"
    prepare_database(Config(db_path=path))
    con = duckdb.connect(str(path))
    con.execute("update meta set value = '0' where key = 'schema_version'")
    con.close()
    prepare_database(Config(db_path=path))
    assert Database(path).check()["schema_version"] != "0"


def test_corrupt_database_is_logged_with_its_path(tmp_path: Path, caplog) -> None:
    path = tmp_path / "corrupt.duckdb"
    path.write_bytes(b"nope" * 1000)
    with caplog.at_level(logging.ERROR):
        prepare_database(Config(db_path=path))
    assert str(path) in caplog.text and "make data" in caplog.text
    assert path.read_bytes() == b"nope" * 1000  # never overwritten


def test_unknown_asset_paths_are_404_in_one_log_line(client, caplog) -> None:
    for path in ("/_dash-component-suites/nothing/here.js", "/_dash-component-suites/dash/no/such.js",
                 "/_dash-component-suites/dash/../../etc/passwd.js"):
        caplog.clear()
        with caplog.at_level(logging.INFO):
            response = client.get(path)
        assert response.status_code == 404 and b"Traceback" not in response.data
        lines = [r for r in caplog.records if r.levelno >= logging.WARNING]
        assert len(lines) == 1 and lines[0].exc_info is None and "Traceback" not in caplog.text, caplog.text


def test_damaged_database_answers_callbacks_data_unavailable(damaged_app, caplog) -> None:
    app, path = damaged_app
    client = app.server.test_client()
    with caplog.at_level(logging.INFO):
        page = route(client, "/", "?lang=en")
        answers = [post(client, app, output) for output in VIEWS]
        english = post(client, app, "explorer-table.rowData", **{"explorer-lang.data": "en"})
    assert page["response"]["_pages_content"]["children"]  # laid out (what it reads may be whole)
    assert all(r.status_code == 200 for r in answers)  # never 400 as if the request were bad
    # views from other tables still answer; those that read the damaged block (at least the
    # company-level scatter and table) answer "data unavailable"
    unavailable = [r for r in answers if r.headers.get("X-Data-Unavailable") == "database"]
    assert len(unavailable) >= 2 and answers[VIEWS.index("explorer-table.rowData")] in unavailable
    for response in [*unavailable, english]:
        body = response.get_json()
        assert body["response"] == {} and body["dataUnavailable"]["file"] == str(path)
        error_page = json.dumps(body["sideUpdate"]["_pages_content"], ensure_ascii=False)
        assert "db-error" in error_page and str(path) in error_page and f"make data DB={path}" in error_page
    def title(response) -> str:  # the error page's heading, in the page's language
        return text(of_kind(find(response.get_json()["sideUpdate"]["_pages_content"]["children"], "db-error"), "H1")[0])

    assert title(unavailable[0]) == "Databasen kan ikke leses"
    assert title(english) == "The database cannot be read"
    # the error page the browser is given names the file and the fix
    panel = find(english.get_json()["sideUpdate"]["_pages_content"]["children"], "db-error")
    body = text(of_kind(panel, "P")[0])
    assert body.startswith(f"The file {path} cannot be opened: ") and f"“make data DB={path}”" in body
    logged = [r for r in caplog.records if str(path) in r.getMessage()]
    assert len(logged) == 1 and "checksum" in logged[0].getMessage()  # once per file
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING and r not in logged]



FIRST_REQUESTS = """
import sys, threading
from pathlib import Path
from dashboard import create_app
from dashboard.config import Config
from tests.test_ingest import _table_request

app = create_app(Config(db_path=Path(sys.argv[1]), build_missing_db=False, rate_db=Path(sys.argv[2])))
start, codes = threading.Barrier(8), []

def ask():
    client = app.server.test_client()
    start.wait()
    codes.append(client.post("/_dash-update-component", json=_table_request()).status_code)

threads = [threading.Thread(target=ask) for _ in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(sorted(codes))
"""


def test_a_fresh_worker_answers_its_first_requests_at_once(demo_db_path: Path, tmp_path: Path) -> None:
    """Dash registers the callbacks on a worker's first request, after marking that done: in a
    threaded worker the requests that arrived meanwhile were refused (400). The app does it before
    it serves, so its first requests, all at once, are answered. (A process of its own: Dash moves
    the callbacks into the first app made in a process.)"""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", FIRST_REQUESTS, str(demo_db_path), str(tmp_path / "rate.sqlite3")],
                          capture_output=True, text=True, timeout=120, cwd=Path(__file__).parent.parent)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == str([200] * 8), done.stdout


def test_errors_answer_in_both_languages_with_their_headers(app) -> None:
    """Flask's own error pages were English HTML; a bare error now says what it is in Norwegian and
    English (the language it answers in is not known), keeping its status and headers."""
    client = app.server.test_client()
    r = client.put("/data")
    assert (r.status_code, r.mimetype) == (405, "text/plain")
    assert r.get_data(as_text=True) == "Metoden er ikke tillatt her. / Method not allowed here."
    assert "GET" in r.headers["Allow"]
    r = client.get("/_dash-component-suites/dash/nothing.js")
    assert (r.status_code, r.get_data(as_text=True)) == (404, "Fant ikke siden. / Not found.")


def test_server_timing_names_each_explorer_view_only_when_asked(app, monkeypatch) -> None:
    """SERVER_TIMING=on (make bench): each of the explorer's three callbacks says how long each of
    its views took to build and encode; off (the default): no such header."""
    from dashboard import timing

    client = app.server.test_client()
    assert "Server-Timing" not in post(client, app, "explorer-map.figure").headers
    monkeypatch.setitem(app.server.config, timing.SETTING, True)
    parts = {output: timing.parse(post(client, app, output, **{"explorer-county__value": ["46"]})
                                  .headers["Server-Timing"])
             for output in ("explorer-map.figure", "explorer-trend.figure", "explorer-table.rowData")}
    assert {k: set(v) for k, v in parts.items()} == {"explorer-map.figure": {"cards", "map", "sectors"},
                                                     "explorer-trend.figure": {"trend", "scatter"},
                                                     "explorer-table.rowData": {"table"}}
    assert all(ms > 0 for v in parts.values() for ms in v.values())
    assert timing.parse("map;dur=1.50, table;dur=12.25") == {"map": 1.5, "table": 12.25}
