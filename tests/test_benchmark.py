"""Benchmarking: percentiles, peer selection and disclosure control on hand-made groups, and a leak
test that sends every callback of the page to a running app."""

from __future__ import annotations

import itertools
import json
import threading
from pathlib import Path

import flask
import pandas as pd
import pytest
import requests
from werkzeug.serving import make_server

from dashboard import disclosure
from dashboard.db import Database
from dashboard.pages import benchmark as page
from dashboard.warehouse import build_database
from tests.conftest import company_years
from tests.dash_requests import callback_body

SUBJECT = "910000144"
SMALL = ["910000152", "910000160", "910000179", "910000187"]                       # sector 25, Oslo
BIG = ["910000195", "910000209", "910000217", "910000225", "910000233", "910000241"]  # sector 28, Oslo


@pytest.fixture
def peers_db(tmp_path: Path):
    """2025. Sector 25: the subject (value added 20 on 10 FTE: productivity 2000) and four peers
    with productivity 1000, 2000, 3000, 4000. Sector 28: six companies, one of 1,000 FTE and five
    of 10 FTE, all with productivity 1500, so the big one holds 95 % of the group's FTE."""
    orgs = [SUBJECT, *SMALL, *BIG]
    companies = pd.DataFrame({"org_nr": orgs, "name": [f"Firma {o}" for o in orgs],
                              "county_code": "03", "sector_code": [25] * 5 + [28] * 6, "founded": 2000})
    va = {SUBJECT: 20, SMALL[0]: 10, SMALL[1]: 20, SMALL[2]: 30, SMALL[3]: 40}
    rows = [dict(org_nr=o, year=2025, fte=10, turnover_mnok=100, value_added_mnok=v) for o, v in va.items()]
    rows += [dict(org_nr=o, year=2025, fte=1000 if i == 0 else 10, turnover_mnok=3000 if i == 0 else 30,
                  value_added_mnok=1500 if i == 0 else 15) for i, o in enumerate(BIG)]
    path = tmp_path / "peers.duckdb"
    build_database(path, companies, company_years(rows),
                   pd.DataFrame(columns=["year", "org_nr", "prize", "status"]), {"source": "test"})
    server = flask.Flask(__name__)
    server.extensions["dashboard.db"] = Database(path)
    with server.app_context():
        yield
    server.extensions["dashboard.db"].close()


def row(rows: list[dict], kpi: str) -> dict:
    return next(r for r in rows if r["kpi"] == kpi)


def test_disclosure_rules() -> None:
    assert disclosure.order_statistic(4) == disclosure.Verdict(False, "too_few")
    assert disclosure.order_statistic(5).shown
    assert disclosure.sum_statistic(10, 0.61) == disclosure.Verdict(False, "dominated")
    assert disclosure.sum_statistic(10, 0.60).shown
    assert disclosure.sum_statistic(4, 0.1).reason == "too_few"


def test_group_of_four_shows_nothing(peers_db) -> None:
    subject = page.company_subject(SUBJECT, 2025)
    count, rows = page.benchmark_rows(subject, ["sector"], 2025)
    r = row(rows, "productivity")
    assert count == 4 and r["n"] == 4
    assert (r["hidden"], r["group_hidden"]) == ("too_few", "too_few")
    assert r["p50"] is r["pct"] is r["group"] is r["top_quartile"] is None
    assert r["value"] == 2000.0  # the subject still sees its own figure


def test_wider_group_shows_percentiles(peers_db) -> None:
    subject = page.company_subject(SUBJECT, 2025)
    count, rows = page.benchmark_rows(subject, [], 2025)  # all manufacturing: 4 + 6 peers
    r = row(rows, "productivity")
    assert count == 10 and r["n"] == 10 and not r["hidden"]
    # peers: 1000, 2000, 3000, 4000 and six at 1500; the subject (2000) beats 1000 and the six
    # 1500s and ties one 2000: (7 + 0.5) / 10
    assert r["pct"] == 75.0
    assert r["p50"] == 1500.0 and r["p75"] == pytest.approx(1875.0)
    assert r["gap"] == 0.0  # above the top quartile already
    # the 1,000-FTE company holds 1000 / 1090 of the FTE: the group total is hidden
    assert r["group_hidden"] == "dominated" and r["group"] is None


def test_dominated_group(peers_db) -> None:
    subject = page.typed_subject(page.clean_measures({"fte": 10, "turnover_mnok": 30, "value_added_mnok": 12}),
                                 28, "03", "en")
    count, rows = page.benchmark_rows(subject, ["sector"], 2025)
    r = row(rows, "productivity")
    assert count == 6 and not r["hidden"] and r["p50"] == 1500.0  # order statistics: six companies
    assert r["group_hidden"] == "dominated"
    assert r["pct"] == 0.0 and r["gap"] == pytest.approx(300.0)  # 1200 against a top quartile of 1500


def test_subject_with_missing_kpis(peers_db) -> None:
    subject = page.typed_subject(page.clean_measures({"fte": 10}), 25, "03", "en")
    count, rows = page.benchmark_rows(subject, [], 2025)
    r = row(rows, "productivity")
    assert r["value"] is None and r["pct"] is None and r["gap"] is None
    assert r["p50"] == 1500.0  # the peers' statistics are still shown


def test_typed_figures_outside_the_peers_range(peers_db) -> None:
    measures = page.clean_measures({"fte": "1", "turnover_mnok": "1 000 000", "value_added_mnok": "900000",
                                    "renewable_share_pct": 250, "robots": -3, "scrap_rate_pct": "abc"})
    assert measures["renewable_share_pct"] is None and measures["robots"] is None
    assert measures["scrap_rate_pct"] is None and measures["turnover_mnok"] == 1_000_000
    subject = page.typed_subject(measures, 25, "03", "nb")
    _, rows = page.benchmark_rows(subject, [], 2025)
    r = row(rows, "productivity")
    assert r["value"] == 900_000_000.0 and r["pct"] == 100.0 and r["gap"] == 0.0
    tiny = page.typed_subject(page.clean_measures({"fte": 1000, "value_added_mnok": 0.001, "turnover_mnok": 1}),
                              25, "03", "nb")
    r = row(page.benchmark_rows(tiny, [], 2025)[1], "productivity")
    # typed figures exclude no one: all 11 companies are peers; their top quartile is 2000
    assert r["n"] == 11 and r["pct"] == 0.0 and r["gap"] == pytest.approx(2000.0, abs=0.01)


def test_typed_kpis_use_the_catalogue() -> None:
    kpis = page.typed_kpis(page.clean_measures({"fte": 20, "value_added_mnok": 30, "wage_costs_mnok": 15,
                                                "robots": 2, "scope1_t": 60, "scope2_t": 0}))
    assert kpis["productivity"] == 1500.0 and kpis["value_added_per_wage"] == 2.0
    assert kpis["robot_density"] == 1000.0 and kpis["emissions_intensity"] == 2.0
    assert kpis["emissions_reduction"] is None and kpis["export_share"] is None


@pytest.fixture(scope="module")
def running_app(app):
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    requests.get(url + "/", timeout=10)
    yield url
    server.shutdown()


def test_no_other_company_leaks(app, running_app, demo_db_path) -> None:
    """Every callback of the page, every peer-group option, company and typed subjects: no response
    holds another company's organisation number, name or individual (full-precision) value."""
    import duckdb

    con = duckdb.connect(str(demo_db_path), read_only=True)
    companies = con.execute("select org_nr, name from companies").fetchall()
    values = con.execute("select org_nr, value from company_kpis where year = 2025").fetchall()
    con.close()
    subjects = [companies[0], companies[42]]
    measure_ids = [{"type": page.MEASURE, "measure": m} for m in page.MEASURE_IDS]
    typed = dict(fte=80, turnover_mnok=300, value_added_mnok=90, wage_costs_mnok=45, robots=4)

    def body(mode: str, query: str, options: list[str], kpi: str, output: str) -> dict:
        b = callback_body(app, output, {
            f"{page.MODE}.value": mode, f"{page.FETCH}.n_clicks": 1, f"{page.QUERY}.value": query,
            f"{page.YEAR}.value": 2025, f"{page.OPTIONS}.value": options, f"{page.SECTOR}.value": 25,
            f"{page.COUNTY}.value": "46", f"{page.TREND_KPI}.value": kpi, f"{page.LANG}.data": "en"})
        b["inputs"][7] = [{"id": i, "property": "value", "value": typed.get(i["measure"]) if mode == "typed" else None}
                          for i in measure_ids]
        b["state"][0] = [{"id": i, "property": "id", "value": i} for i in measure_ids]
        return b

    options = [list(c) for n in range(4) for c in itertools.combinations(page.PEER_OPTIONS, n)]
    checked = 0
    for (org, name), peers in itertools.product(subjects, options):
        kpi = "robot_density" if len(peers) % 2 else "productivity"
        for mode, query in (("company", org), ("company", name), ("typed", "")):
            responses = [requests.post(running_app + "/_dash-update-component",
                                       json=body(mode, query, peers, kpi, output), timeout=30)
                         for output in (f"{page.SUBJECT}.children", f"{page.TREND}.figure")]
            assert [r.status_code for r in responses] == [200, 200]
            text = responses[0].text + responses[1].text
            # the report too (kaleido draws its charts, so only for the first subject and group)
            report = requests.post(running_app + "/benchmark/report", timeout=60, data={
                "lang": "en", "state": responses[0].json()["response"][page.REPORT_STATE]["value"]}) \
                if org == subjects[0][0] and not peers else None
            if report is not None:
                assert report.status_code == 200 and "<img" in report.text
            for other_org, other_name in companies:
                if mode == "company" and other_org == org:
                    continue
                assert other_org not in text and json.dumps(other_name)[1:-1] not in text, other_name
                if report is not None:
                    assert other_org not in report.text and other_name not in report.text
            own = org if mode == "company" else None
            for other_org, value in values:
                if other_org != own and abs(value) > 1e-9 and value != round(value, 4):
                    assert json.dumps(value) not in text
            checked += 1
    assert checked == len(subjects) * len(options) * 3
