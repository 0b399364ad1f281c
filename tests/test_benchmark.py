"""Benchmarking: percentiles, peer selection and disclosure control on hand-made groups, and a leak
test that sends every callback of the page to a running app."""

from __future__ import annotations

import dataclasses

import itertools
import json
import re
import threading
from pathlib import Path

import pandas as pd
import pytest
import requests
from werkzeug.serving import make_server

from dashboard import benchmark as bench
from dashboard import disclosure
from dashboard.disclosure import JURY
from dashboard.kpis import KPIS_BY_ID
from dashboard.warehouse import org_nr_is_valid
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


def test_a_company_user_sees_no_peer_total_one_peer_dominates(tmp_path: Path) -> None:
    """Sector 16 in Oslo: six companies of one productivity; the largest holds 55 % of the FTE and
    value added, so the cell is published. Without the looked-up company (10 of 100 FTE) it holds
    55/90 = 61 % of its peers' totals: their ratio of sums would all but show its figure, to a
    company user as to the jury."""
    orgs = [o for o in (f"{n:09d}" for n in range(930000000, 930001000)) if org_nr_is_valid(o)][:6]
    companies = pd.DataFrame({"org_nr": orgs, "name": [f"Firma {o}" for o in orgs], "county_code": "03",
                              "sector_code": 16, "founded": 2000})
    ftes = [55, 10, 10, 10, 10, 5]
    rows = [dict(org_nr=o, year=2025, fte=f, turnover_mnok=3 * f, value_added_mnok=f) for o, f in zip(orgs, ftes)]
    with serving(tmp_path / "dominant.duckdb", companies, company_years(rows)):
        subject = bench.company_subject(orgs[1], 2025)
        cell = bench.peer_cell(subject, ["sector", "county"])
        assert disclosure.published(bench.run_query, ["productivity"], [2025], [cell])  # the cell is shown
        for viewer in (disclosure.Viewer(False, disclosure.FOREVER, orgs[1]), JURY):
            r = row(bench.rows(subject, ["sector", "county"], 2025, viewer)[1], "productivity")
            assert (r.n, r.group_hidden, r.group) == (5, "dominated", None), viewer


def test_rows_without_quantiles_give_the_same_percentiles(peers_db) -> None:
    """The year before is looked up for its percentiles only (benchmark_peer_stats without quantiles):
    the same counts, percentiles and group figures as the full query, the quantiles left out."""
    subject = bench.company_subject(SUBJECT, 2025)
    for options in ([], ["sector"]):
        for viewer in (JURY, disclosure.public()):
            full = bench.rows(subject, options, 2025, viewer)
            light = bench.rows(subject, options, 2025, viewer, quantiles=False)
            assert full[0] == light[0]
            for a, b in zip(full[1], light[1]):
                assert (a.kpi, a.n, a.pct, a.group, a.hidden, a.group_hidden) == \
                       (b.kpi, b.n, b.pct, b.group, b.hidden, b.group_hidden)
                assert b.p10 is b.p50 is b.p90 is None
    # all manufacturing for the jury: productivity's 75.0 (7.5 of the 10 peers beaten), as by hand
    assert row(bench.rows(subject, [], 2025, JURY, quantiles=False)[1], "productivity").pct == 75.0


def test_trend_medians_for_the_jury_and_the_public(peers_db) -> None:
    """All manufacturing, the subject left out: 1000, 2000, 3000, 4000 and six at 1500; the jury's
    median of the ten is 1500. The public's would be the mean of the three middle values (1500 each:
    one company's own figure), so it is withheld, and the cell (the big company holds 94 % of the
    FTE) is not published anyway: the public gets the company's own line only."""
    subject = bench.company_subject(SUBJECT, 2025)
    own, medians = bench.trend(subject, [], "productivity", JURY)
    assert own == {2025: 2000.0} and medians == {2025: 1500.0}
    assert bench.trend(subject, [], "productivity", disclosure.public()) == ({2025: 2000.0}, {})


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
def test_no_other_company_leaks(app, running_app, demo_db_path, monkeypatch) -> None:
    """Every callback of the page, every peer-group option, company and typed subjects: no response
    holds another company's organisation number, name or individual (full-precision) value. (The
    report's text is checked; its charts are the page's, checked in the callbacks' answers, so they
    are not drawn here: kaleido's Chromium took 15 of this test's 25 s. Other tests draw reports.)"""
    import duckdb

    from dashboard import drawing

    monkeypatch.setattr(drawing, "_draw", lambda fig, width, height: b"\x89PNG not drawn")
    monkeypatch.setattr(drawing, "_cache", type(drawing._cache)())  # the stand-ins stay out of the real cache

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
                         for output in (f"{page.SUBJECT}.children", f"{page.TREND_BOX}.children")]
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
            numbers = set(re.findall(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?", text))  # every number written, once
            for other_org, value in values:
                if other_org != own and abs(value) > 1e-9 and value != round(value, 4):
                    assert json.dumps(value) not in numbers
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
    """The change that reaches the top quartile: signed in the KPI's direction (a cut where lower is
    better), with its unit; percentage points for a share."""
    assert bench.gap_text(peer_row("energy_intensity", 1.0, False), "en") == "\u22121 MWh per NOK million value added"
    assert bench.gap_text(peer_row("energy_intensity", 1.0, False), "nb") == "−1 MWh per mill. kr verdiskaping"
    assert bench.gap_text(peer_row("productivity", 171.0, False), "nb") == "+171 " + KPIS_BY_ID["productivity"].unit("nb")
    assert bench.gap_text(peer_row("rnd_intensity", 0.79, False), "en") == "+0.79 percentage points"
    assert bench.gap_text(peer_row("energy_intensity", 0.0, True), "en") == "in the top quartile"
    edge = dataclasses.replace(peer_row("energy_intensity", 0.0, False), at_edge=True)
    assert bench.gap_text(edge, "en") == "at the edge of the top quartile"
    # 14.30 against 14.296 (lower is better): 0.004 worse, too small to show at 0 decimals
    assert bench.gap_text(peer_row("energy_intensity", 0.0, False), "en") == "\u2212 under 1 MWh per NOK million value added"
    assert bench.gap_text(peer_row("rnd_intensity", 0.0, False), "nb") == "+ under 0,01 prosentpoeng"
    assert bench.gap_text(peer_row("energy_intensity", None, None), "en") == "–"


def test_standing_agrees_with_the_percentile() -> None:
    """Worked by hand at the boundaries. In the top quartile: the value reaches it and the percentile
    is at least 75; the value alone: at the edge."""
    # ten peers 1000, 1100, ..., 1900: the 75th percentile is at position 6.75, 1600 + 0.75 * 100 = 1675.
    # 1680 beats seven of ten (70): it reaches the quartile, but with a percentile of 70 it is not in it
    assert bench.standing(1680, 1675, 70.0, higher_is_better=True) == (False, True)
    # 1700 beats seven and ties one: 75, and reaches 1675: in the top quartile
    assert bench.standing(1700, 1675, 75.0, True) == (True, False)
    # eight peers 1000 ... 1700: the quartile is 1525; 1510 beats six of eight (75) yet is 15 short
    assert bench.standing(1510, 1525, 75.0, True) == (False, False)
    assert bench.gap_to(1510, 1525, True) == 15.0
    # lower is better: 13.52 against a quartile of 13.52 with a percentile of 80
    assert bench.standing(13.52, 13.52, 80.0, False) == (True, False)
    assert bench.standing(13.53, 13.52, 80.0, False) == (False, False)
    # a typed band has no percentile: the value alone decides
    assert bench.standing(1700, 1675, None, True) == (True, False)
    assert bench.standing(None, 1675, 80.0, True) == (None, False)


def test_percentile_is_shown_rounded_down() -> None:
    # 50 of 67 peers beaten is 74.63: shown as 74, never as 75 beside "not in the top quartile"
    assert bench.shown_percentile(100.0 * 50 / 67) == 74.0
    assert bench.shown_percentile(75.0) == 75.0 and bench.shown_percentile(100.0 * 7.5 / 10) == 75.0
    assert bench.shown_percentile(99.99) == 99.0 and bench.shown_percentile(None) is None


def test_percentile_colours_pass_wcag_aa() -> None:
    from dashboard import figures

    def luminance(colour: str) -> float:
        c = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        c = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]

    for quarter, (background, ink) in figures.QUARTER_COLOURS.items():
        light, dark = sorted((luminance(background), luminance(ink)), reverse=True)
        assert (light + 0.05) / (dark + 0.05) >= 4.5, quarter


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
    # lower is better: worst to best is the 75th percentile (17) first, the 25th (13.52) last
    assert energy.quartiles == (17.0, 16.0, 14.0) and energy.quarter == "q3"
    rnd = row(rows, "rnd_intensity")
    assert (rnd.value, rnd.top_quartile) == (13.52, 14.3)
    assert rnd.in_top is False and rnd.gap == 0.79  # 14.304 - 13.5151 = 0.7889, not 14.30 - 13.52
    assert rnd.quartiles == (11.0, 12.0, 14.3)


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


def _form(query: str, fetch: object = 1, options: list[str] | None = None) -> dict:
    """The benchmark form's values by name, as the callbacks take them (``FORM``): a company looked
    up in 2025, no figure typed."""
    return {"mode": "company", "fetch": fetch, "query": query, "year": 2025,
            "options": ["sector"] if options is None else options, "sector": None, "county": None,
            "measures": [None] * len(bench.MEASURE_IDS), "trend_kpi": "productivity"}


MEASURE_IDS = [{"type": page.MEASURE, "measure": m} for m in bench.MEASURE_IDS]


def test_callback_shows_gap_rounded_once(boundary_db) -> None:
    from dashboard.callbacks import benchmark as cb

    assert set(_form(SUBJECT)) == set(cb.FORM)
    out = cb.update(form=_form(SUBJECT), ids=MEASURE_IDS, lang="en")
    table = {r[0].split(" ")[0] + " " + r[0].split(" ")[1]: r for r in _cells(out["table"])[1:]}
    energy, rnd = table["Energy intensity"], table["R&D intensity"]
    # not "in the top quartile": 1 to cut (lower is better), in the KPI's unit
    assert energy[1] == "14" and energy[-1].split() == ["\u22121", "MWh", "per", "NOK", "million", "value", "added"]
    assert energy[3] == "17 · 16 · 14"  # worst to best (lower is better): 14 against 14, yet 1 from it
    assert rnd[1] == "13.52" and rnd[-1].split() == ["+0.79", "percentage", "points"]  # not 14.30 - 13.52
    assert rnd[3] == "11.00 · 12.00 · 14.30"
    note = [layout.text(p) for p in layout.by_class(out["table"], "table-note")]  # the help under the table
    assert len(note) == 2 and "company itself is not counted" in note[0]
    # the KPIs nobody in this group reports are hidden: their cells read "–", the reason is said
    # once, under the table, and no cell repeats it or says "hidden"
    robots = table["Robot density"]
    assert robots[1:] == ["not reported", "–", "–", "–", "–", "–", "–"]
    assert note[1] == "– hidden: fewer than 5 companies. Untick a box above to compare with a wider group."
    cells = " ".join(" ".join(r) for r in _cells(out["table"])[1:])
    assert "fewer than" not in cells and "hidden" not in cells


def test_report_shows_gap_rounded_once(boundary_db, monkeypatch) -> None:
    from dashboard import report

    monkeypatch.setattr(report, "_image", lambda fig: "")
    text = report.render({"mode": "company", "query": SUBJECT, "year": 2025, "options": ["sector"],
                          "trend_kpi": "productivity"}, "en")
    energy = text.split("Energy intensity<br>")[1].split("</tr>")[0]
    rnd = text.split("R&amp;D intensity<br>")[1].split("</tr>")[0]
    assert "<td>\u22121<br><small>MWh per NOK million value added</small></td>" in energy and "top quartile" not in energy
    assert "<td>17 · 16 · 14</td>" in energy  # worst to best, as on the page
    assert "<td>+0.79<br><small>percentage points</small></td>" in rnd
    # as on the page: the hidden cells of the KPIs nobody reports read "–", the reason is said once
    robots = text.split("Robot density<br>")[1].split("</tr>")[0]
    assert re.findall(r"<td>(.*?)</td>", re.sub(r"<span[^>]*>|</span>", "", robots))[1:5] == ["–"] * 4
    visible = re.sub(r"<[^>]+>", " ", text.split("<body>")[1])
    assert visible.count("fewer than 5 companies") == 1 and visible.count("hidden") == 1


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


# --- the verdict beside the percentile, the summary, a group too small, the empty page ----------

VALID = [f"{n:09d}" for n in range(920000000, 920000300) if org_nr_is_valid(f"{n:09d}")]
EDGE, TEN = VALID[0], VALID[1:19]  # sector 28's subject; the peers


@pytest.fixture
def edge_db(tmp_path: Path):
    """2025, every company 10 FTE. Sector 25: the subject with productivity 1680 and ten peers at
    1000, 1100, ..., 1900 (the top quartile is 1600 + 0.75 * 100 = 1675; 1680 beats seven: 70).
    Sector 28: EDGE at 1510 and eight peers at 1000, ..., 1700 (top quartile 1500 + 0.25 * 100 =
    1525; 1510 beats six of eight: 75)."""
    ten, eight = TEN[:10], TEN[10:18]
    orgs = [SUBJECT, *ten, EDGE, *eight]
    sectors = [25] * 11 + [28] * 9
    productivity = [1680, *range(1000, 2000, 100), 1510, *range(1000, 1800, 100)]
    companies = pd.DataFrame({"org_nr": orgs, "name": [f"Firma {o}" for o in orgs], "county_code": "03",
                              "sector_code": sectors, "founded": 2000})
    rows = [dict(org_nr=o, year=2025, fte=10, turnover_mnok=100, value_added_mnok=p / 100)
            for o, p in zip(orgs, productivity)]
    with serving(tmp_path / "edge.duckdb", companies, company_years(rows)):
        yield


def test_in_the_top_quartile_agrees_with_the_percentile(edge_db) -> None:
    _, rows = bench.rows(bench.company_subject(SUBJECT, 2025), ["sector"], 2025, JURY)
    r = row(rows, "productivity")
    assert (r.pct, r.p75) == (70.0, 1675.0)
    # reaches the quartile with a percentile of 70: at the edge, never "in the top quartile"
    assert (r.in_top, r.at_edge, r.quarter) == (False, True, "q3")
    assert bench.gap_text(r, "en") == "at the edge of the top quartile"
    _, rows = bench.rows(bench.company_subject(EDGE, 2025), ["sector"], 2025, JURY)
    r = row(rows, "productivity")
    # a percentile of 75, yet 15 short of the interpolated quartile: not in it, and not coloured as if
    assert (r.pct, r.p75, r.in_top, r.at_edge, r.quarter) == (75.0, 1525.0, False, False, "q3")
    assert bench.gap_text(r, "en") == "+15 " + KPIS_BY_ID["productivity"].unit("en")


def test_page_and_report_say_the_same_at_the_edge(edge_db, monkeypatch) -> None:
    from dashboard import report

    monkeypatch.setattr(report, "_image", lambda fig: "")
    cells = _table_row(page.layout(lang="en", company=SUBJECT, peers="sector"), "Productivity")
    assert cells[1] == "70" and cells[-1] == "at the edge of the top quartile"
    text = report.render({"mode": "company", "query": SUBJECT, "year": 2025, "options": ["sector"]}, "en")
    productivity = text.split("Productivity<br>")[1].split("</tr>")[0]
    assert ">70</td>" in productivity and "<td>at the edge of the top quartile</td>" in productivity


PEERS5 = ["910000152", "910000160", "910000179", "910000187", "910000195"]


@pytest.fixture
def two_years_db(tmp_path: Path):
    """2024 and 2025, sector 25, every company 10 FTE and turnover 100 (MNOK). Five peers, the same
    both years: productivity 1000 ... 5000, energy intensity 10 ... 50 (MWh per NOK million, lower
    is better), R&D 1 ... 5 % of turnover. The subject: productivity 2500 then 3500, energy
    intensity 35 then 15, R&D 1.5 then 4.5 %."""
    orgs = [SUBJECT, *PEERS5]
    companies = pd.DataFrame({"org_nr": orgs, "name": [f"Firma {o}" for o in orgs], "county_code": "03",
                              "sector_code": 25, "founded": 2000})
    rows = []
    for year, (prod, energy, rnd) in ((2024, (2500, 35, 1.5)), (2025, (3500, 15, 4.5))):
        rows.append(dict(org_nr=SUBJECT, year=year, fte=10, turnover_mnok=100, value_added_mnok=prod / 100,
                         energy_mwh=energy * prod / 100, rnd_mnok=rnd))
        rows += [dict(org_nr=o, year=year, fte=10, turnover_mnok=100, value_added_mnok=10 * i,
                      energy_mwh=10 * i * 10 * i, rnd_mnok=i) for i, o in enumerate(PEERS5, 1)]
    with serving(tmp_path / "two.duckdb", companies, company_years(rows)):
        yield


def test_summary_by_hand(two_years_db, monkeypatch) -> None:
    """2025: productivity 3500 beats 3 of 5 (60); energy 15 beats 20 ... 50 (80); R&D 4.5 beats 4 (80).
    2024: 2500 beats 2 (40); 35 beats 40, 50 (40); 1.5 beats 1 (20). Strongest: energy (80, before
    R&D on the tie); weakest: productivity (60); biggest gain: R&D, 20 -> 80 (productivity +20,
    energy +40)."""
    from dashboard import report

    subject = bench.company_subject(SUBJECT, 2025)
    _, rows = bench.rows(subject, ["sector"], 2025, JURY)
    assert [(r.kpi, r.pct) for r in rows if r.pct is not None] == [
        ("productivity", 60.0), ("energy_intensity", 80.0), ("rnd_intensity", 80.0)]
    summary = bench.summarize(rows, bench.previous_rows(subject, ["sector"], 2025, JURY), 2025)
    lines = ["Strongest: Energy intensity, percentile 80 (15 MWh per NOK million value added).",
             f"Weakest: Productivity, percentile 60 (3,500 {KPIS_BY_ID['productivity'].unit('en')}).",
             "Biggest gain since 2024: R&D intensity, from percentile 20 to 80."]
    assert bench.summary_lines(summary, "en") == lines
    # productivity: the top quartile of 1000 ... 5000 is 4000: 500 to raise
    assert bench.gap_text(row(rows, "productivity"), "en") == "+500 " + KPIS_BY_ID["productivity"].unit("en")
    assert bench.gap_text(row(rows, "energy_intensity"), "en") == "in the top quartile"
    # the page heads with it, and so does the report
    summary_box = layout.find(page.layout(lang="en", company=SUBJECT, peers="sector"), page.SUMMARY)
    assert [layout.text(li) for li in layout.of_kind(summary_box, "Li")] == lines
    monkeypatch.setattr(report, "_image", lambda fig: "")
    text = report.render({"mode": "company", "query": SUBJECT, "year": 2025, "options": ["sector"]}, "en")
    assert [f"<li>{line.replace('&', '&amp;')}</li>" in text for line in lines] == [True] * 3
    assert text.index("Strongest:") < text.index("<table>")
    # 2024 has no year before it
    summary = bench.summarize(bench.rows(bench.company_subject(SUBJECT, 2024), ["sector"], 2024, JURY)[1],
                              None, 2024)
    assert bench.summary_lines(summary, "nb")[-1] == "Ingen tall fra 2023 å sammenligne med."


def _visible(node, component_id: str) -> bool:
    return not layout.prop(layout.find(node, component_id), "hidden")


def test_one_banner_for_a_group_too_small(peers_db) -> None:
    """Sector 25 holds four peers: nothing of the group may be shown. One banner says so once and
    offers the wider group that shows the figures (all manufacturing: ten peers)."""
    from dashboard.callbacks import benchmark as cb

    small = page.layout(lang="en", company=SUBJECT, peers="sector")
    banners = [b for b in layout.by_class(small, "small-group") if not layout.prop(b, "hidden")]
    assert len(banners) == 1
    assert layout.text(banners[0]).count("fewer than 5 companies") == 1
    assert layout.text(layout.find(small, page.WIDEN)) == "Widen the group: all manufacturing in all of Norway"
    assert layout.prop(layout.find(small, page.WIDEN_TO), "data") == []
    page_text = layout.text(layout.find(small, page.RESULTS))
    assert page_text.count("fewer than") == 1  # not once per cell
    assert layout.of_kind(layout.find(small, page.CHARTS), "Graph") == []  # no empty chart frames
    # the button ticks the offered group; there the figures show and the banner is gone
    assert cb.widen(clicks=1, wider=[]) == [] and cb.widen(clicks=None, wider=[]) is cb.no_update
    wide = page.layout(lang="en", company=SUBJECT, peers="")
    assert not _visible(wide, page.BANNER) and _table_row(wide, "Productivity")[1] == "75"
    assert len(layout.of_kind(layout.find(wide, page.CHARTS), "Graph")) == 2


def test_a_hidden_group_says_why_once_and_shows_none_of_its_figures(peers_db, monkeypatch) -> None:
    """Sector 25's four peers (1000, 2000, 3000, 4000) show nothing. The page says why exactly once
    (the banner), in both languages and for a company user too, and draws no cell of the group: the
    table holds the company's own figures only, no cell says "hidden" or "–". The response and the
    report hold none of the group's figures at any rounding. By hand: the exact quantiles p10 ...
    p90 are 1300, 1750, 2500, 3250, 3700; the group total 100 / 40 FTE = 2500; the subject's
    percentile (1 beaten, 1 tie, of 4) 37.5; the peers' own values 1000, 3000, 4000."""
    from dashboard import report
    from dashboard.callbacks import benchmark as cb
    from tests.test_disclosure import shown_at_any_rounding, written_numbers

    group = [1000, 3000, 4000, 1300, 1750, 2500, 3250, 3700, 37.5]
    for lang, reason, word in (("en", "fewer than 5 companies", "hidden"), ("nb", "færre enn 5 bedrifter", "skjult")):
        small = page.layout(lang=lang, company=SUBJECT, peers="sector")
        assert layout.text(small).count(reason) == 1, lang  # the banner's, once on the whole page
        assert layout.text(layout.find(small, page.BANNER)).count(reason) == 1
        assert word not in layout.text(small).lower()
        # four peers: the group's line names the group, with no count beside the banner
        assert layout.text(layout.find(small, page.GROUP)) == {
            "en": "Peer group: Metal products.", "nb": "Sammenligningsgruppe: Metallvarer."}[lang]
        cells = _cells(layout.find(small, page.TABLE))
        assert cells[0] == [{"en": "Key figure", "nb": "Nøkkeltall"}[lang], {"en": "Subject", "nb": "Bedriften"}[lang]]
        assert len(cells) == 1 + len(bench.KPIS) and all(len(r) == 2 for r in cells)
        assert cells[1][0].startswith(KPIS_BY_ID["productivity"].label(lang))
        assert cells[1][1] == {"en": "2,000", "nb": "2\u00a0000"}[lang]  # its own productivity
        assert "–" not in layout.text(layout.find(small, page.TABLE))
    out = cb.update(form=_form(SUBJECT), ids=MEASURE_IDS, lang="en")
    numbers = written_numbers(out)
    assert {x: shown_at_any_rounding(x, numbers) for x in group} == {x: [] for x in group}
    assert shown_at_any_rounding(2000, numbers) != []  # the check sees the company's own figure
    assert out["summary"] is None and out["charts"] == []
    # a company user (who sees the public's figures and the rules above the form): still said once
    monkeypatch.setattr(page.auth, "viewer", lambda: disclosure.Viewer(False, disclosure.FOREVER, SUBJECT))
    public = page.layout(lang="en", company=SUBJECT, peers="sector")
    rules = layout.text(layout.by_class(public, "disclosure-rules"))
    assert layout.text(public).count("fewer than 5 companies") == 1 + rules.count("fewer than 5 companies")
    assert layout.text(layout.find(public, page.RESULTS)).count("fewer than 5 companies") == 1
    # the report: the banner once, the company's own figures, no hidden cell, none of the group's figures
    monkeypatch.setattr(report, "_image", lambda fig: "")
    text = report.render({"mode": "company", "query": SUBJECT, "year": 2025, "options": ["sector"]}, "en")
    body = text.split("<body>")[1]
    assert body.count("fewer than 5 companies") == 1 and "hidden" not in body.lower()
    assert "<td>2,000</td>" in body and "–</span>" not in body and "Percentile" not in body
    numbers = written_numbers(body)
    assert {x: shown_at_any_rounding(x, numbers) for x in group} == {x: [] for x in group}


def test_empty_page_says_what_to_do(peers_db) -> None:
    """Until an organisation number is typed: one short panel, no chart frames, no report buttons."""
    from dashboard.callbacks import benchmark as cb

    empty = page.layout(lang="en")
    assert _visible(empty, page.EMPTY) and not _visible(empty, page.RESULTS)
    assert layout.text(layout.find(empty, page.EMPTY)).startswith("Type an organisation number")
    assert layout.of_kind(empty, "Graph") == []  # the charts are not drawn at all
    out = cb.update(form=_form("", fetch=None), ids=MEASURE_IDS, lang="nb")
    assert (out["empty_hidden"], out["results_hidden"], out["charts"]) == (False, True, [])
    assert out["empty"].startswith("Skriv inn et organisasjonsnummer")
    assert cb.update_trend(form=_form("", fetch=None), ids=MEASURE_IDS, lang="nb") is None
    # a company typed: the panel goes, the results come
    out = cb.update(form=_form(SUBJECT, options=[]), ids=MEASURE_IDS, lang="en")
    assert (out["empty_hidden"], out["results_hidden"], len(out["charts"])) == (True, False, 2)


def test_report_button_shows_progress(app) -> None:
    """While the report is drawn, the renderer disables both buttons and marks the panel busy (the
    callback's running outputs, as the browser receives them), which shows "Making the report …"."""
    deps = app.server.test_client().get("/_dash-dependencies").get_json()
    spec = next(d for d in deps if f"{page.REPORT_DOWNLOAD}.data" in d["output"])
    running = spec["running"]
    assert running["running"][f"{page.REPORT}.className"].split()[-1] == "busy"
    assert running["runningOff"][f"{page.REPORT}.className"].split()[-1] != "busy"
    for code in ("nb", "en"):
        assert running["running"][f"{page.REPORT_LANG}-{code}.disabled"] is True
        assert running["runningOff"][f"{page.REPORT_LANG}-{code}.disabled"] is False
