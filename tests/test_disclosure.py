"""Disclosure control: the rules on hand-made cells, and an attacker with a script against a running
app (`make serve` with AUTH on, signed out), who tries to work back one company's exact figures.

The attack database: county 46, sector 25 holds five medium companies and one large one (the
target): the groups "sector 25 in county 46" (6 companies) and "... of medium size" (5) differ by
the target alone. County 03, sector 10 holds exactly five companies (quartiles of a small group).
Productivity values are spread irregularly; where a mean of neighbours comes within 1 % of one of
them anyway, the public quantile is withheld (tested on its own), and the attacks below check every
figure they find against every company's value at that 1 %.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import plotly
import pytest
import requests

from dashboard import disclosure
from dashboard.disclosure import Cell
from dashboard.warehouse import build_database, org_nr_is_valid
from tests.conftest import company_years, serving
from tests.dash_requests import callback_body
from tests.layout import by_class, find, of_kind, prop, text

YEAR = 2025
ORGS = iter(f"{n:09d}" for n in range(920000000, 921000000) if org_nr_is_valid(f"{n:09d}"))
# (county, sector, FTE, productivity in NOK 1,000 per FTE)
GROUPS = [
    *[("46", 25, fte, p) for fte, p in ((60, 812), (85, 1340), (120, 1675), (150, 2950), (200, 1187))],
    ("46", 25, 400, 2480),  # the target: the only large company of sector 25 in county 46
    *[("46", 28, fte, p) for fte, p in ((60, 905), (75, 1422), (70, 1733), (90, 2210), (120, 1098),
                                         (300, 3021), (144, 1560))],
    *[("11", 25, fte, p) for fte, p in ((25, 1010), (55, 1890), (75, 2404), (110, 1277), (30, 3333),
                                         (500, 1618))],
    *[("11", 10, fte, p) for fte, p in ((15, 700), (40, 940), (65, 1150), (95, 1515), (130, 2045), (210, 870),
                                         (310, 1760), (12, 2580))],
    *[("03", 28, fte, p) for fte, p in ((18, 1450), (66, 2190), (140, 980), (270, 2760), (33, 1333),
                                         (88, 1915))],
    *[("03", 10, fte, p) for fte, p in ((22, 812), (58, 1340), (97, 1675), (160, 2950), (45, 4100))],
    *[("56", 10, fte, p) for fte, p in ((14, 1234), (26, 1987))],  # Finnmark: two companies only
]
COMPANIES = [(next(ORGS), *g) for g in GROUPS]
TARGET = COMPANIES[5]


def size_of(fte: float) -> str:
    return "small" if fte < 50 else "medium" if fte < 250 else "large"


def attack_tables() -> dict[str, pd.DataFrame]:
    companies = pd.DataFrame({"org_nr": [c[0] for c in COMPANIES], "name": [f"Bedrift {c[0]} AS" for c in COMPANIES],
                              "county_code": [c[1] for c in COMPANIES], "sector_code": [c[2] for c in COMPANIES],
                              "founded": 1990})
    rows = [dict(org_nr=org, year=YEAR, fte=fte, value_added_mnok=p * fte / 1000, turnover_mnok=3 * p * fte / 1000,
                 wage_costs_mnok=0.6 * fte, export_mnok=p * fte / 1000)
            for org, _, _, fte, p in COMPANIES]
    nominations = pd.DataFrame(columns=["year", "org_nr", "prize", "status", "published_on"])
    return {"companies": companies, "company_years": company_years(rows), "nominations": nominations}


def members(cell: Cell) -> set[str]:
    """Who is in a cell, from the fixture itself (every company reports productivity)."""
    return {org for org, county, sector, fte, _ in COMPANIES
            if cell.county in (None, county) and cell.sector in (None, sector) and cell.size in (None, size_of(fte))}


def productivity(org: str) -> float:
    return next(p for o, *_, p in COMPANIES if o == org)


def recovered(value: float | None, among: set[str] | None = None) -> list[str]:
    """The companies (of the group attacked, or any) whose own productivity ``value`` is within 1 % of."""
    if value is None:
        return []
    return [org for org, *_, p in COMPANIES if abs(value - p) <= 0.01 * p and (among is None or org in among)]


# Numbers as the pages write them: "1,234.5" in English, "1 234,5" (no-break space) in Norwegian.
WRITTEN = {"en": re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?"),
           "nb": re.compile(r"(?<![\w.,\u00a0])(\d{1,3}(?:\u00a0\d{3})+|\d+)(?:,(\d+))?")}


def written_numbers(tree: object, lang: str = "en") -> list[tuple[float, int]]:
    """Every number a callback response or a layout holds, with the decimals it is written to: the
    JSON numbers as sent (a figure's data, at full precision) and every number in its texts as
    ``lang`` writes them."""
    tree = json.loads(json.dumps(tree, cls=plotly.utils.PlotlyJSONEncoder))
    found: list[tuple[float, int]] = []

    def walk(x: object) -> None:
        if isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
        elif isinstance(x, str):
            for whole, decimals in WRITTEN[lang].findall(x):
                digits = re.sub(r"\D", "", whole)
                # "1401.0" is 1401 rounded to a whole number: trailing zeros add no precision
                found.append((float(f"{digits}.{decimals or 0}"), len(decimals.rstrip("0"))))
        elif isinstance(x, (int, float)) and not isinstance(x, bool):
            r = repr(float(x))
            found.append((float(x), 15 if "e" in r else len(r.split(".")[1].rstrip("0"))))

    walk(tree)
    return found


def shown_at_any_rounding(figure: float, numbers: list[tuple[float, int]]) -> list[tuple[float, int]]:
    """The numbers that are ``figure`` rounded (to nearest, up or down) to the decimals they are written to."""
    return [(v, d) for v, d in numbers if abs(abs(v) - figure) < 10.0 ** -d]


def group_figures(group: set[str]) -> dict[str, float]:
    """Everything a peer group's productivity could give away: each member's own value, the exact
    (interpolated) quantiles, the published kind (mean of three nearest) and the ratio of sums."""
    values = sorted(productivity(org) for org in group)
    out = {f"company {org}": float(productivity(org)) for org in group}
    probs = (0.10, 0.25, 0.50, 0.75, 0.90)
    out |= {f"p{round(p * 100)}": float(np.percentile(values, 100 * p)) for p in probs}
    windowed = disclosure.windowed_quantiles(values, probs) if len(values) >= 3 else {}
    out |= {f"w{round(p * 100)}": q for p, q in windowed.items() if q is not None}
    fte = {org: f for org, _, _, f, _ in COMPANIES}
    out["group total"] = sum(productivity(o) * fte[o] for o in group) / sum(fte[o] for o in group)
    return out


def assert_nothing_of(group: set[str], tree: object, lang: str = "en") -> None:
    """No figure of ``group`` is in ``tree`` (a response or a layout), at any rounding."""
    numbers = written_numbers(tree, lang)
    leaks = {name: shown_at_any_rounding(v, numbers) for name, v in group_figures(group).items()}
    assert not any(leaks.values()), {k: v for k, v in leaks.items() if v}


# --- the rules, on hand-made cells ----------------------------------------------------------------


def test_decide_suppresses_the_finer_of_two_cells_that_differ_by_one_to_four() -> None:
    cells = pd.DataFrame([
        # county, sector, size, n, top share
        (None, None, None, 40, 0.1),
        ("46", None, None, 12, 0.2),
        ("46", 25, None, 6, 0.3),        # inside sector 25 (10), which is coarser: 10 - 6 = 4: suppressed
        ("46", 25, "medium", 5, 0.3),    # the same five as (46, medium): a difference of 0 is no secret
        ("46", None, "medium", 5, 0.3),
        ("11", None, None, 28, 0.7),     # one company holds 70 %: dominated
        ("11", 25, None, 4, 0.3),        # too few
        (None, 25, None, 10, 0.2),
    ], columns=["county", "sector", "size_class", "n", "top_share"])
    out = disclosure.decide(cells)
    assert list(out["reason"]) == ["", "", "overlap", "", "", "dominated", "too_few", ""]
    assert list(out["published"]) == [True, True, False, True, True, False, False, True]


def test_windowed_quantiles_never_return_one_companys_value() -> None:
    values = [812, 1340, 1675, 2950, 1187]  # sorted: 812 1187 1340 1675 2950
    q = disclosure.windowed_quantiles(values, (0.10, 0.25, 0.50, 0.75, 0.90))
    # positions p·4: 0.4, 1, 2, 3, 3.6 -> windows starting at 0, 0, 1, 2, 2
    assert q[0.10] == pytest.approx((812 + 1187 + 1340) / 3)
    assert q[0.25] == pytest.approx((812 + 1187 + 1340) / 3)
    assert q[0.50] == pytest.approx((1187 + 1340 + 1675) / 3)
    assert q[0.75] == pytest.approx((1340 + 1675 + 2950) / 3)
    assert q[0.90] == pytest.approx((1340 + 1675 + 2950) / 3)
    assert disclosure.windowed_quantiles([1, 2, 3, 4], (0.5,)) == {0.5: None}  # fewer than five


def test_a_quantile_on_one_companys_value_is_withheld() -> None:
    """Evenly spaced values put the mean of three on the middle one: the issue's five peers, whose
    quartiles were the 2nd, 3rd and 4th companies' own values. Within 1 % of one is withheld too."""
    probs = (0.10, 0.25, 0.50, 0.75, 0.90)
    assert set(disclosure.windowed_quantiles([1000, 2000, 3000, 4000, 5000], probs).values()) == {None}
    near = disclosure.windowed_quantiles([1000, 2000, 3000, 4050, 5000], probs)
    # 0.25 and 0.10: (1000+2000+3000)/3 = 2000, on the second value; the median (2000+3000+4050)/3 =
    # 3016.7 is within 1 % of 3000; the upper windows (3000+4050+5000)/3 = 4016.7, within 1 % of 4050
    assert set(near.values()) == {None}
    apart = disclosure.windowed_quantiles([1000, 2100, 3000, 4000, 5000], probs)
    assert apart[0.25] == pytest.approx(2033.33, abs=0.01)  # 1.6 % from 2100: shown
    assert apart[0.50] == pytest.approx(3033.33, abs=0.01)  # 1.1 % from 3000: shown
    assert apart[0.75] is None  # (3000+4000+5000)/3 = 4000: the fourth company's own value


def test_sql_and_python_windows_agree(tmp_path: Path) -> None:
    """The queries' window_mean macro and disclosure.windowed_quantiles give the same quantiles."""
    import duckdb

    path = tmp_path / "attack.duckdb"
    t = attack_tables()
    build_database(path, t["companies"], t["company_years"], t["nominations"], {"source": "test"})
    values = [812.0, 1340.0, 1675.0, 2950.0, 1187.0, 2600.0, 905.0]  # no quantile near a value
    probs = (0.10, 0.25, 0.50, 0.75, 0.90)
    con = duckdb.connect(str(path), read_only=True)
    try:
        def sql(values: list[float]) -> list[float | None]:
            return [con.execute("select window_mean(list_sort($v), $p, $window, $near)",
                                {"v": values, "p": p, **disclosure.QUANTILE_PARAMS}).fetchall()[0][0] for p in probs]

        shown, even = sql(values), sql([1000.0, 2000.0, 3000.0, 4000.0, 5000.0])
        short = con.execute("select window_mean([1.0, 2.0], 0.5, 3, 0.01)").fetchall()[0][0]
    finally:
        con.close()
    python = disclosure.windowed_quantiles(values, probs)
    assert None not in shown and shown == pytest.approx([python[p] for p in probs]) and short is None
    assert even == [None] * len(probs)


def test_band_follows_the_direction() -> None:
    q = {"p10": 10.0, "p25": 20.0, "p50": 30.0, "p75": 40.0, "p90": 50.0}
    assert [disclosure.band(v, q, True) for v in (5, 20, 35, 45, 60)] == list(disclosure.BANDS)
    assert [disclosure.band(v, q, False) for v in (60, 40, 25, 15, 5)] == list(disclosure.BANDS)
    assert disclosure.band(None, q, True) is None and disclosure.band(5, {**q, "p50": None}, True) is None


def test_cell_of_a_selection() -> None:
    from dashboard.state import Filters

    assert Filters(2025, 2025, counties=("46",), sectors=(25,)).cell() == Cell("46", 25, None)
    assert Filters(2020, 2025, sizes=("small",), kpi="robot_density", prize="main").cell() == Cell(None, None, "small")
    assert Filters(2025, 2025, counties=("46", "11")).cell() is None  # a union of counties: not a lattice cell
    assert Filters(2025, 2025, counties=("46", "11")).cell(counties=()) == Cell()  # the map's: every county
    assert Filters(2025, 2025, status="finalist").cell() is None  # a group of finalists
    assert Filters(2025, 2025, ownership=("foreign",)).cell() is None  # a choice of owner


def test_views_default_to_the_public(tmp_path: Path) -> None:
    """A view called without a viewer shows what the public sees: a forgotten argument shows less."""

    from dashboard import state
    from dashboard.pages import explorer

    t = attack_tables()
    with serving(tmp_path / "attack.duckdb", t["companies"], t["company_years"], t["nominations"]):
        f = state.Filters(YEAR, YEAR, counties=("46",), sectors=(25,), sizes=("medium",))
        assert explorer.table_view(f, "en")[0] == []
        public = explorer.sector_view(f, "en")
        jury = explorer.sector_view(f, "en", disclosure.JURY)
    def value(fig: dict) -> float | None:
        bars = fig["data"][0] if fig["data"] else {"x": [], "customdata": []}
        return next((x for x, c in zip(bars["x"], bars["customdata"]) if c[0] == 25), None)

    assert value(jury) == pytest.approx(sum(productivity(o) * f for o, c, s, f, p in COMPANIES
                                            if c == "46" and s == 25 and size_of(f) == "medium")
                                        / sum(f for o, c, s, f, p in COMPANIES
                                              if c == "46" and s == 25 and size_of(f) == "medium"))
    assert value(public) is None  # (46, 25, medium) differs from (46, 25) by the target alone


def test_small_counts_are_withheld_with_the_next_smallest() -> None:
    public, jury = disclosure.public(), disclosure.JURY
    # one count under five: it and the next smallest go, so the total less the rest gives neither
    assert disclosure.counts([12, 7, 3, 9], public) == [12, None, None, 9]
    assert disclosure.counts([12, 3, 2, 9], public) == [12, None, None, 9]  # two: each hides the other
    assert disclosure.counts([12, 7, 3, 9], jury) == [12, 7, 3, 9]
    assert disclosure.counts([4], public) == [None]


def test_the_data_pages_coverage_goes_through_the_layer(tmp_path: Path) -> None:
    """Finnmark (56) holds two companies and sector 16 none: the public reads "fewer than 5" for
    Finnmark and for the next smallest county (03, eleven companies), the jury every count."""
    from dashboard.pages import data

    t = attack_tables()
    with serving(tmp_path / "attack.duckdb", t["companies"], t["company_years"], t["nominations"]):
        public = text(find(data.coverage("en"), f"{data.COVERAGE}-county"))
        rules = [text(p) for p in by_class(data.coverage("en"), "disclosure-rules")]
        assert by_class(data.coverage("en", disclosure.JURY), "disclosure-rules") == []
        jury = text(find(data.coverage("en", disclosure.JURY), f"{data.COVERAGE}-county"))
    assert public == "CountyCompaniesRogaland14Vestland13Oslofewer than 5Finnmarkfewer than 5"
    assert len(rules) == 1 and rules[0].startswith("Companies give their figures because only aggregates")
    assert jury == "CountyCompaniesRogaland14Vestland13Oslo11Finnmark2"


# --- the attacker, over HTTP against make serve with AUTH on, signed out ---------------------------


@pytest.fixture(scope="module")
def public_site(app, tmp_path_factory: pytest.TempPathFactory):
    from dashboard import users
    from tests.test_serve import serve, stop

    folder = tmp_path_factory.mktemp("attack")
    db = folder / "attack.duckdb"
    t = attack_tables()
    build_database(db, t["companies"], t["company_years"], t["nominations"], {"source": "test"})
    users_db = folder / "users.sqlite3"
    users.add(users_db, "juror", "jury", "a long jury password")
    process, url = serve(db, folder / "serve.log", workers=1, AUTH="on", USERS_DB=str(users_db),
                         SECRET_KEY="test-secret", SECURE_COOKIES="off")
    app.server.test_client().get("/")  # the callback map the request bodies are built from
    yield app, url
    stop(process)


def post(url: str, body: dict) -> dict:
    r = requests.post(url + "/_dash-update-component", json=body, timeout=30,
                      headers={"Origin": url})
    assert r.status_code == 200, r.text[:300]
    return r.json()["response"]


FILTERS = ("explorer-county.value", "explorer-sector.value", "explorer-size.value", "explorer-years.value",
           "explorer-status.value", "explorer-prize.value", "explorer-kpi.value")


def explorer_body(app, output: str, cell: Cell, kpi: str = "productivity") -> dict:
    values = dict(zip(FILTERS, ([cell.county] if cell.county else [], [cell.sector] if cell.sector else [],
                                [cell.size] if cell.size else [], [YEAR, YEAR], "all", "any", kpi)))
    return callback_body(app, output, {**values, "explorer-lang.data": "en"}, changed="explorer-county.value")


def sector_bars(app, url: str, county: str | None, size: str | None) -> dict[int, float]:
    """The explorer's sector bars for a county and size, as the public gets them: sector -> value."""
    fig = post(url, explorer_body(app, "explorer-sectors.figure", Cell(county, None, size)))["explorer-sectors"]["figure"]
    bars = fig["data"][0] if fig["data"] else {"x": [], "customdata": []}
    return {int(c[0]): x for x, c in zip(bars["x"], bars["customdata"]) if x is not None}


def card(app, url: str, cell: Cell, card_id: str) -> float | None:
    """A headline card's number as the public reads it (English formatting)."""
    cards = post(url, explorer_body(app, "explorer-cards.children", cell))["explorer-cards"]["children"]
    value = text(by_class(find(cards, f"explorer-card-{card_id}"), "card-value"))
    return None if value == "–" else float(value.replace(",", ""))  # "–": not shown


@pytest.mark.slow
def test_overlapping_groups_in_the_explorer_do_not_single_out_a_company(public_site) -> None:
    """Sector 25 in county 46 with size "all" (6) and "medium" (5), and their FTE cards: the
    difference would be the target. At most one of the two is published."""
    app, url = public_site
    wide, narrow = Cell("46", 25, None), Cell("46", 25, "medium")
    p6, p5 = sector_bars(app, url, "46", None).get(25), sector_bars(app, url, "46", "medium").get(25)
    f6, f5 = card(app, url, wide, "fte"), card(app, url, narrow, "fte")
    assert (p6 is None) or (p5 is None), "both groups are published"
    assert (f6 is None) or (f5 is None), "both FTE totals are published"
    if None not in (p6, p5, f6, f5) and f6 != f5:
        assert recovered((p6 * f6 - p5 * f5) / (f6 - f5)) == []
    assert p6 is not None and p6 == round(p6)  # the wider group is shown, rounded as displayed


def benchmark_body(app, url: str, options: list[str], fte: float, value_added: float,
                   sector: int = 25, county: str = "46") -> dict:
    from dashboard import benchmark as bench
    from dashboard.pages import benchmark as page

    ids = [{"type": page.MEASURE, "measure": m} for m in bench.MEASURE_IDS]
    typed = {"fte": fte, "value_added_mnok": value_added, "turnover_mnok": 1e6}
    b = callback_body(app, f"{page.SUBJECT}.children", {
        f"{page.MODE}.value": "typed", f"{page.FETCH}.n_clicks": 1, f"{page.QUERY}.value": "",
        f"{page.YEAR}.value": YEAR, f"{page.OPTIONS}.value": options, f"{page.SECTOR}.value": sector,
        f"{page.COUNTY}.value": county, f"{page.TREND_KPI}.value": "productivity", f"{page.LANG}.data": "en"})
    b["inputs"][7] = [{"id": i, "property": "value", "value": typed.get(i["measure"])} for i in ids]
    b["state"][0] = [{"id": i, "property": "id", "value": i} for i in ids]
    return b


def productivity_row(response: dict) -> list[str]:
    """The benchmark table's productivity row as the public reads it: subject, percentile (or
    band), quartiles, top decile, group total, winners' level, gap."""
    rows = [tr for tr in of_kind(response["benchmark-table"]["children"], "Tr")
            if of_kind(tr, "Th") and (prop(of_kind(tr, "Th")[0], "children") or [None])[0] == "Productivity"]
    assert len(rows) == 1, rows
    return [text(td) for td in by_class(rows[0], "num")]


def number(text: str) -> float | None:
    return float(text.replace(",", "")) if re.fullmatch(r"-?[\d,]+(\.\d+)?", text) else None


def band_at(app, url: str, options: list[str], value: float) -> str:
    """The band a typed productivity lands in (FTE 100, so value added = value / 10 MNOK)."""
    from dashboard.i18n import t

    shown = productivity_row(post(url, benchmark_body(app, url, options, 100, value / 10)))[1]
    return next((b for b in disclosure.BANDS if t(f"benchmark.band.{b}", "en") == shown), shown)


@pytest.mark.slow
def test_typed_figures_give_a_band_and_its_edges_are_published_figures(public_site) -> None:
    """The percentile oracle: bisect a typed value and watch the answer change. With bands, the
    edges found are the published quartiles and top decile (as shown), never a company's own value,
    with one peer-group box ticked or two."""
    from dashboard.i18n import t

    app, url = public_site
    bands = [t(f"benchmark.band.{b}", "en") for b in disclosure.BANDS]
    bisected = 0
    for options in (["sector", "county"], ["sector", "county", "size"]):
        response = post(url, benchmark_body(app, url, options, 100, 150))
        row = productivity_row(response)
        group = members(Cell("46", 25, "medium" if "size" in options else None))
        if len(row) < 2 or row[1] not in bands:
            # this group is not published: nothing to bisect, and the page shows none of it. The
            # row holds the typed figure (1,500) and dashes at most, and the response, text and JSON,
            # holds no company value, quantile or total of the group at any rounding, no band and
            # no percentile (no summary line, no chart)
            assert row[0] == "1,500" and set(row[1:]) <= {"–"}, row
            assert_nothing_of(group, response)
            assert not any(b in json.dumps(response) for b in bands)
            assert response["benchmark-summary"]["children"] is None
            assert response["benchmark-charts"]["children"] == []
            assert response["benchmark-banner"]["hidden"] is False  # and the page says why, once
            continue
        with pytest.raises(AssertionError):  # the same check sees a published group's figures
            assert_nothing_of(group, response)
        shown = [number(x) for x in row[2].split(" · ")] + [number(row[3])]
        edges, lo, hi = [], 100.0, 6000.0
        assert [band_at(app, url, options, v) for v in (lo, hi)] == ["below_p25", "above_p90"]
        while band_at(app, url, options, lo) != "above_p90":  # the next edge above lo, by bisection
            a, b, start = lo, hi, band_at(app, url, options, lo)
            while b - a > 0.5:  # productivity is shown without decimals
                mid = (a + b) / 2
                a, b = (mid, b) if band_at(app, url, options, mid) == start else (a, mid)
            edges.append(b)
            lo = b + 0.5
        # the edges are the published figures (two may coincide in a small group), nothing finer
        assert sorted({round(e) for e in edges}) == sorted({round(x) for x in shown}), (edges, shown)
        # and none of them is within 1 % of one company's own value: each is the mean of three,
        # withheld where it would be
        for edge in edges:
            assert recovered(edge, group) == [], (options, edge)
        bisected += 1
    # of the two groups, which differ by the target alone, only one answers: there is nothing to
    # difference, so the company that differs stays unknown
    assert bisected == 1


@pytest.mark.slow
def test_small_group_quartiles_are_not_company_values(public_site) -> None:
    """County 03, sector 10 holds exactly five companies: its quartiles must not be three of them."""
    app, url = public_site
    row = productivity_row(post(url, benchmark_body(app, url, ["sector", "county"], 100, 150, 10, "03")))
    quartiles = [number(x) for x in row[2].split(" · ")] + [number(row[3])]
    assert all(q is not None for q in quartiles), row
    for q in quartiles:
        assert recovered(q, members(Cell("03", 10, None))) == [], (q, row)


@pytest.mark.slow
def test_every_pair_of_published_cells_differs_by_five_or_more(public_site) -> None:
    """The generic check: every group the public can reach from the explorer's filters (a county,
    sector and size, each one or all), as the public gets it; of any two whose memberships differ
    by 1 to 4 companies, at most one is published."""
    app, url = public_site
    # the sector bars of each county and size give every sector's cell; the trend the "all sectors" one
    counties, sizes = (None, "46", "11", "03", "56"), (None, "small", "medium", "large")
    published: dict[Cell, float] = {}
    for county, size in itertools.product(counties, sizes):
        for sector, value in sector_bars(app, url, county, size).items():
            published[Cell(county, sector, size)] = value
    for size in sizes:  # all sectors: the trend line of the selection
        for county in counties:
            fig = post(url, explorer_body(app, "explorer-trend.figure", Cell(county, None, size)))["explorer-trend"]["figure"]
            ys = [y for y in fig["data"][0]["y"] if y is not None] if fig["data"] else []
            if ys:
                published[Cell(county, None, size)] = ys[-1]
    assert len(published) >= 10, published
    for a, b in itertools.combinations(published, 2):
        differ = len(members(a) ^ members(b))
        assert not 0 < differ < disclosure.MIN_GROUP, (a, b, differ)
    for cell, value in published.items():
        assert value == round(value), (cell, value)  # nothing finer than shown reaches the browser
        assert len(members(cell)) >= disclosure.MIN_GROUP


@pytest.mark.slow
def test_benchmark_group_totals_of_overlapping_groups(public_site) -> None:
    """The benchmark's group total (a ratio of sums) for sector 25 in county 46 with and without
    "same size": at most one is a number, so the two cannot be differenced."""
    app, url = public_site
    totals = []
    for options in (["sector", "county"], ["sector", "county", "size"]):
        response = post(url, benchmark_body(app, url, options, 100, 150))
        row = productivity_row(response)  # a group that shows nothing has no group-total column
        totals.append(number(row[4]) if len(row) > 4 else None)
        if totals[-1] is None:  # not published: the total is nowhere in the response, at any rounding
            group = members(Cell("46", 25, "medium" if "size" in options else None))
            total = group_figures(group)["group total"]
            assert shown_at_any_rounding(total, written_numbers(response)) == [], (options, total)
    assert sum(x is not None for x in totals) <= 1, totals


def test_presentation_goes_through_the_layer(tmp_path: Path) -> None:
    """The slides as the public gets them: unpublished nominees are not counted, a county map tile
    or a sector bubble needs a published cell, and nothing finer than shown is sent."""

    from dashboard.pages import present

    t = attack_tables()
    nominees = [c[0] for c in COMPANIES[:4]]
    t["nominations"] = pd.DataFrame({"year": YEAR, "org_nr": nominees, "prize": "main", "status": "nominated",
                                     "published_on": [pd.Timestamp("2025-01-01").date()] * 3 + [None]})
    with serving(tmp_path / "present.duckdb", t["companies"], t["company_years"], t["nominations"]):
        def big_numbers(viewer) -> list[str]:
            return [text(n) for n in by_class(present.headline(YEAR, "en", viewer), "big-number")]

        assert big_numbers(disclosure.JURY)[0] == "4" and big_numbers(None)[0] == "3"  # one not yet published
        public_map = find(present.county_map(YEAR, "en"), "present-map").figure
        jury_map = find(present.county_map(YEAR, "en", disclosure.JURY), "present-map").figure
        scatter = present.scatter(YEAR, "en")[0].figure

    def tiles(fig: dict) -> dict[str, str]:
        """County -> what its tile shows ("Finnmark" -> "no data")."""
        return dict([part for part in re.split("<[^>]*>", a["text"]) if part]
                    for a in fig["layout"]["annotations"] if a.get("xref") == "x")

    assert tiles(jury_map)["Finnmark"] != "no data"  # the jury sees Finnmark's two companies
    assert tiles(public_map)["Finnmark"] == "no data"  # the public does not: fewer than five
    assert {k: v for k, v in tiles(public_map).items() if v != "no data"}.items() <= tiles(jury_map).items()
    for trace in scatter["data"]:
        for x in trace.get("x", []):
            assert x == round(x, 1)  # emissions intensity, as shown


# last: it uses up this address's typed calculations on the attack server
@pytest.mark.slow
def test_typed_calculations_are_rate_limited(public_site) -> None:
    from dashboard import benchmark as bench

    app, url = public_site
    session = requests.Session()
    texts = []
    for i in range(bench.TYPED_LIMIT + 5):
        r = session.post(url + "/_dash-update-component", json=benchmark_body(app, url, [], 100, 100 + i),
                         headers={"Origin": url, "X-Forwarded-For": "203.0.113.9"}, timeout=30)
        texts.append(r.json()["response"]["benchmark-subject"]["children"])
        if "Too many" in str(texts[-1]):
            break
    from dashboard.i18n import tn

    assert texts[-1] == tn("benchmark.too_many", int(bench.TYPED_WINDOW // 60), "en")
    assert len(texts) > 10  # ordinary use is not refused
