"""Benchmarking: percentiles, peer selection and disclosure control on hand-made groups, and a leak
test that sends every callback of the page to a running app."""

from __future__ import annotations

import dataclasses

import itertools
import json
import threading
from pathlib import Path

import pandas as pd
import pytest
import requests
from werkzeug.serving import make_server

from dashboard import benchmark as bench
from dashboard import disclosure
from dashboard.disclosure import JURY
from dashboard.pages import benchmark as page
from tests import layout
from tests.conftest import company_years, serving
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
    with serving(tmp_path / "peers.duckdb", companies, company_years(rows)):
        yield


def row(rows: list[dict], kpi: str) -> dict:
    return next(r for r in rows if r.kpi == kpi)


def test_disclosure_rules() -> None:
    assert disclosure.order_statistic(4) == disclosure.Verdict(False, "too_few")
    assert disclosure.order_statistic(5).shown
    assert disclosure.sum_statistic(10, 0.61) == disclosure.Verdict(False, "dominated")
    assert disclosure.sum_statistic(10, 0.60).shown
    assert disclosure.sum_statistic(4, 0.1).reason == "too_few"


def test_group_of_four_shows_nothing(peers_db) -> None:
    subject = bench.company_subject(SUBJECT, 2025)
    count, rows = bench.rows(subject, ["sector"], 2025, JURY)
    r = row(rows, "productivity")
    assert count == 4 and r.n == 4
    assert (r.hidden, r.group_hidden) == ("too_few", "too_few")
    assert r.p50 is r.pct is r.group is r.top_quartile is None
    assert r.value == 2000.0  # the subject still sees its own figure


def test_wider_group_shows_percentiles(peers_db) -> None:
    subject = bench.company_subject(SUBJECT, 2025)
    count, rows = bench.rows(subject, [], 2025, JURY)  # all manufacturing: 4 + 6 peers
    r = row(rows, "productivity")
    assert count == 10 and r.n == 10 and not r.hidden
    # peers: 1000, 2000, 3000, 4000 and six at 1500; the subject (2000) beats 1000 and the six
    # 1500s and ties one 2000: (7 + 0.5) / 10
    assert r.pct == 75.0
    assert r.p50 == 1500.0 and r.p75 == pytest.approx(1875.0)
    assert r.gap == 0.0  # above the top quartile already
    # the 1,000-FTE company holds 1000 / 1090 of the FTE: the group total is hidden
    assert r.group_hidden == "dominated" and r.group is None


def test_dominated_group(peers_db) -> None:
    subject = bench.typed_subject(bench.clean_measures({"fte": 10, "turnover_mnok": 30, "value_added_mnok": 12}),
                                 28, "03", "en")
    count, rows = bench.rows(subject, ["sector"], 2025, JURY)
    r = row(rows, "productivity")
    assert count == 6 and not r.hidden and r.p50 == 1500.0  # order statistics: six companies
    assert r.group_hidden == "dominated"
    assert r.pct == 0.0 and r.gap == pytest.approx(300.0)  # 1200 against a top quartile of 1500


def test_subject_with_missing_kpis(peers_db) -> None:
    subject = bench.typed_subject(bench.clean_measures({"fte": 10}), 25, "03", "en")
    count, rows = bench.rows(subject, [], 2025, JURY)
    r = row(rows, "productivity")
    assert r.value is None and r.pct is None and r.gap is None
    assert r.p50 == 1500.0  # the peers' statistics are still shown


def test_typed_figures_outside_the_peers_range(peers_db) -> None:
    measures = bench.clean_measures({"fte": "1", "turnover_mnok": "1 000 000", "value_added_mnok": "900000",
                                    "renewable_share_pct": 250, "robots": -3, "scrap_rate_pct": "abc"})
    assert measures["renewable_share_pct"] is None and measures["robots"] is None
    assert measures["scrap_rate_pct"] is None and measures["turnover_mnok"] == 1_000_000
    subject = bench.typed_subject(measures, 25, "03", "nb")
    _, rows = bench.rows(subject, [], 2025, JURY)
    r = row(rows, "productivity")
    assert r.value == 900_000_000.0 and r.pct == 100.0 and r.gap == 0.0
    tiny = bench.typed_subject(bench.clean_measures({"fte": 1000, "value_added_mnok": 0.001, "turnover_mnok": 1}),
                              25, "03", "nb")
    r = row(bench.rows(tiny, [], 2025, JURY)[1], "productivity")
    # typed figures exclude no one: all 11 companies are peers; their top quartile is 2000
    assert r.n == 11 and r.pct == 0.0 and r.gap == pytest.approx(2000.0, abs=0.01)


def test_typed_kpis_use_the_catalogue() -> None:
    kpis = bench.typed_kpis(bench.clean_measures({"fte": 20, "value_added_mnok": 30, "wage_costs_mnok": 15,
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


@pytest.mark.slow
def test_no_other_company_leaks(app, running_app, demo_db_path) -> None:
    """Every callback of the page, every peer-group option, company and typed subjects: no response
    holds another company's organisation number, name or individual (full-precision) value."""
    import duckdb

    con = duckdb.connect(str(demo_db_path), read_only=True)
    companies = con.execute("select org_nr, name from companies").fetchall()
    values = con.execute("select org_nr, value from company_kpis where year = 2025").fetchall()
    con.close()
    subjects = [companies[0], companies[42]]
    measure_ids = [{"type": page.MEASURE, "measure": m} for m in bench.MEASURE_IDS]
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

    options = [list(c) for n in range(4) for c in itertools.combinations(bench.PEER_OPTIONS, n)]
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
            report = requests.post(running_app + "/benchmark/report", timeout=60,
                                   headers={"Origin": running_app}, data={  # as the page's own form
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


# --- rounding: every shown difference and verdict from the unrounded figures -------------------

def test_gap_and_verdict_from_unrounded_figures() -> None:
    # worked by hand: 14.304 against a top quartile of 13.515 (lower is better), shown to 2 decimals
    # as 14.30 and 13.52; the gap is 0.789, shown 0.79 (not 14.30 - 13.52 = 0.78)
    assert bench.gap_to(14.304, 13.515, higher_is_better=False) == pytest.approx(0.789)
    assert bench.round_shown(bench.gap_to(14.304, 13.515, False), 2) == 0.79
    # 13.5151 shows as 13.52 whatever the float: still 0.79 (0.7889), never 0.78
    assert bench.round_shown(bench.gap_to(14.304, 13.5151, False), 2) == 0.79
    assert bench.round_shown(bench.gap_to(13.5151, 14.304, True), 2) == 0.79  # higher is better
    # 14.30 against 13.52 shown without decimals is 14 against 14: rounded first, it would read
    # "in the top quartile"; it is 0.78 worse, shown as 1
    assert bench.reaches(14.30, 13.52, higher_is_better=False) is False
    assert bench.round_shown(bench.gap_to(14.30, 13.52, False), 0) == 1.0
    # the direction: the same pair is a pass when higher is better
    assert bench.reaches(14.30, 13.52, higher_is_better=True) is True
    assert bench.gap_to(14.30, 13.52, True) == 0.0
    # 1.996 against 2.004 (higher is better) both show as 2.00: not reached, gap 0.008 -> 0.01
    assert bench.reaches(1.996, 2.004, True) is False
    assert bench.round_shown(bench.gap_to(1.996, 2.004, True), 2) == 0.01
    # equal counts as reached; unknown is unknown
    assert bench.reaches(2.0, 2.0, True) is True and bench.reaches(2.0, 2.0, False) is True
    assert bench.reaches(None, 2.0, True) is None and bench.gap_to(1.0, float("nan"), True) is None


def peer_row(kpi: str, gap: float | None, in_top: bool | None) -> bench.PeerRow:
    """A benchmark row with only what the gap column reads filled in."""
    empty = dict.fromkeys(f.name for f in dataclasses.fields(bench.PeerRow))
    return bench.PeerRow(**{**empty, "kpi": kpi, "n": 0, "hidden": "", "group_hidden": "", "gap": gap,
                            "in_top": in_top})


def test_gap_text() -> None:
    assert bench.gap_text(peer_row("energy_intensity", 1.0, False), "en") == "1"
    assert bench.gap_text(peer_row("energy_intensity", 0.0, True), "en") == "in the top quartile"
    # 14.30 against 14.296 (lower is better): 0.004 worse, too small to show at 0 decimals
    assert bench.gap_text(peer_row("energy_intensity", 0.0, False), "en") == "< 1"
    assert bench.gap_text(peer_row("rnd_intensity", 0.0, False), "nb") == "< 0,01"
    assert bench.gap_text(peer_row("energy_intensity", None, None), "en") == "–"


BOUNDARY_PEERS = ["910000152", "910000160", "910000179", "910000187", "910000195"]


@pytest.fixture
def boundary_db(tmp_path: Path):
    """2025, sector 25, Oslo, every company 10 FTE, turnover 100 and value added 100 (MNOK).
    Energy intensity (MWh per NOK million, lower is better, shown without decimals): the subject
    14.30; the five peers 13.00, 13.52, 16, 17, 18, so their 25th percentile (the top quartile) is
    13.52. R&D intensity (% of turnover, higher is better, 2 decimals): the subject 13.5151; the
    peers 10, 11, 12, 14.304, 20, so their 75th percentile is 14.304."""
    orgs = [SUBJECT, *BOUNDARY_PEERS]
    energy = [1430, 1300, 1352, 1600, 1700, 1800]
    rnd = [13.5151, 10, 11, 12, 14.304, 20]
    companies = pd.DataFrame({"org_nr": orgs, "name": [f"Firma {o}" for o in orgs], "county_code": "03",
                              "sector_code": 25, "founded": 2000})
    rows = [dict(org_nr=o, year=2025, fte=10, turnover_mnok=100, value_added_mnok=100, energy_mwh=e, rnd_mnok=r)
            for o, e, r in zip(orgs, energy, rnd)]
    with serving(tmp_path / "boundary.duckdb", companies, company_years(rows)):
        yield


def test_rows_at_rounding_boundaries(boundary_db) -> None:
    _, rows = bench.rows(bench.company_subject(SUBJECT, 2025), ["sector"], 2025, JURY)
    energy = row(rows, "energy_intensity")
    # shown: 14 against a top quartile of 14; unrounded 14.30 > 13.52, lower is better: not reached
    assert (energy.value, energy.top_quartile) == (14.0, 14.0)
    assert energy.in_top is False and energy.gap == 1.0  # 0.78, rounded once
    # the subject is not among its own peers: it beats 16, 17 and 18 of the five others
    assert energy.n == 5 and energy.pct == 60.0
    rnd = row(rows, "rnd_intensity")
    assert (rnd.value, rnd.top_quartile) == (13.52, 14.3)
    assert rnd.in_top is False and rnd.gap == 0.79  # 14.304 - 13.5151 = 0.7889, not 14.30 - 13.52


def _cells(component) -> list[str]:
    """The text of every cell of a Dash table, row by row, as flat strings."""
    def text(c) -> str:
        if c is None:
            return ""
        if isinstance(c, (str, int, float)):
            return str(c)
        if isinstance(c, list):
            return " ".join(text(x) for x in c)
        return text(getattr(c, "children", None))

    rows = []

    def walk(c) -> None:
        if isinstance(c, list):
            for x in c:
                walk(x)
        elif getattr(c, "_type", None) == "Tr":
            rows.append([text(cell) for cell in c.children])
        elif c is not None and not isinstance(c, (str, int, float)):
            walk(getattr(c, "children", None))

    walk(component)
    return rows


def test_callback_shows_gap_rounded_once(boundary_db) -> None:
    from dashboard.callbacks import benchmark as cb

    ids = [{"type": page.MEASURE, "measure": m} for m in bench.MEASURE_IDS]
    out = cb.update("company", 1, SUBJECT, 2025, ["sector"], None, None, [None] * len(ids), "productivity",
                    ids, "en")
    table = {r[0].split(" ")[0] + " " + r[0].split(" ")[1]: r for r in _cells(out[2])[1:]}
    energy, rnd = table["Energy intensity"], table["R&D intensity"]
    assert energy[1] == "14" and energy[-1] == "1"  # not "in the top quartile"
    assert energy[3] == "14 · 16 · 17"  # the quartiles as shown: 14 against 14, yet 1 from it
    assert rnd[1] == "13.52" and rnd[-1] == "0.79"  # 14.304 - 13.5151, not 14.30 - 13.52
    note = [layout.text(p) for p in layout.by_class(out[2], "table-note")]  # the help under the table
    assert len(note) == 1 and "company itself is not counted" in note[0]


def test_report_shows_gap_rounded_once(boundary_db, monkeypatch) -> None:
    from dashboard import report

    monkeypatch.setattr(report, "_image", lambda fig: "")
    text = report.render({"mode": "company", "query": SUBJECT, "year": 2025, "options": ["sector"],
                          "trend_kpi": "productivity"}, "en")
    energy = text.split("Energy intensity")[1].split("</tr>")[0]
    rnd = text.split("R&amp;D intensity")[1].split("</tr>")[0]
    assert "<td>1</td>" in energy and "top quartile" not in energy
    assert "<td>0.79</td>" in rnd


def _table_row(component, label: str) -> list:
    """The cells of the benchmark table's row for ``label`` (a KPI's name), as the page builds them."""
    from dash import html

    found = []

    def walk(node) -> None:
        if isinstance(node, html.Tr) and isinstance(node.children, list) and node.children \
                and isinstance(node.children[0], html.Th) and node.children[0].children[0] == label:
            found.append([c.children for c in node.children[1:]])
        children = getattr(node, "children", None)
        for child in children if isinstance(children, list) else [children] if children is not None else []:
            if hasattr(child, "children") or isinstance(child, list):
                walk(child)

    walk(component)
    return found[0]


def test_page_from_a_link_shows_what_the_viewer_may_see(peers_db) -> None:
    """The page drawn from ?company=… shows the jury's (here: the open demo's) figures, the same
    as the callback: the viewer is passed, not left to the public default."""
    layout = page.layout(lang="en", company=SUBJECT, peers="")
    cells = _table_row(layout, "Productivity")
    assert cells[1] == "75"  # the exact percentile (the public would see the group hidden)
