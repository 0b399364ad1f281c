"""Queries on the tiny fixture database against answers computed by hand (see tiny_tables)."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard import disclosure, state
from dashboard.kpis import HEADLINE_KPIS
from dashboard.db import Database


def sel(**filters) -> dict:
    """The selection as the queries take it (one ``$sel``); the jury's, unless ``as_of`` is given."""
    return {"sel": state.selection(filters.pop("as_of", date(9999, 12, 31)), **filters)}


ALL = sel()


def values(db: Database, kpis: list[str], year_from: int = 2024, year_to: int = 2025, **filters) -> dict:
    df = db.query("kpi_by_year", kpis=kpis, year_from=year_from, year_to=year_to, **sel(**filters))
    return {(r.kpi, r.year): (r.value, r.companies) for r in df.itertuples()}


def by(db: Database, dim: str, kpi: str = "productivity", year: int = 2025, **filters) -> dict:
    df = db.query("kpi_by_dimension", dim=dim, kpi=kpi, year=year, **sel(**filters))
    return {r.member: (r.value, r.companies) for r in df.itertuples()}


def test_productivity_is_a_ratio_of_sums(tiny_db: Database) -> None:
    # 2025: (22 + 33 + 10 + 300) MNOK * 1000 / (10 + 30 + 20 + 300) FTE = 365000 / 360
    # (the mean of the company ratios would be (2200 + 1100 + 500 + 1000) / 4 = 1200)
    got = values(tiny_db, ["productivity"])
    assert got[("productivity", 2025)] == (pytest.approx(365000 / 360), 4)


def test_unknown_value_is_left_out_of_numerator_and_denominator(tiny_db: Database) -> None:
    # 2024: C's value added is unknown, so C's 20 FTE stay out too: (20 + 30) * 1000 / (10 + 30)
    got = values(tiny_db, ["productivity"])
    assert got[("productivity", 2024)] == (pytest.approx(1250.0), 2)


def test_emissions_reduction_against_each_company_first_year(tiny_db: Database) -> None:
    # A: 100 -> 80, B: 1100 -> 1000; D's first year is 2025 (cut 0 of 50); C never reports.
    # 2025: (20 + 100 + 0) * 100 / (100 + 1100 + 50) = 12000 / 1250
    got = values(tiny_db, ["emissions_reduction"])
    assert got[("emissions_reduction", 2025)] == (pytest.approx(9.6), 3)
    assert got[("emissions_reduction", 2024)] == (pytest.approx(0.0), 2)


def test_robot_density_counts_zero_robots_but_not_unknown(tiny_db: Database) -> None:
    # 2024: A 2 robots, B 0 robots (a real zero), C unknown: 2 * 10000 / (10 + 30) = 500
    got = values(tiny_db, ["robot_density"], 2024, 2024)
    assert got[("robot_density", 2024)] == (pytest.approx(500.0), 2)


def test_several_kpis_and_year_bounds(tiny_db: Database) -> None:
    # export share 2025: (11 + 99 + 5 + 90) * 100 / (55 + 110 + 45 + 900) = 20500 / 1110
    got = values(tiny_db, ["export_share", "value_added_per_wage"], 2025, 2025)
    assert set(got) == {("export_share", 2025), ("value_added_per_wage", 2025)}
    assert got[("export_share", 2025)][0] == pytest.approx(20500 / 1110)
    # value added per wage krone 2025: (22 + 33 + 10 + 300) / (8.5 + 19 + 10 + 180)
    assert got[("value_added_per_wage", 2025)][0] == pytest.approx(365 / 217.5)


@pytest.mark.parametrize(("filters", "expected"), [
    (dict(counties=["03"]), 55000 / 40),                      # A and B
    (dict(counties=["46"], sectors=[25]), 500.0),             # C alone
    (dict(sizes=["large"]), 1000.0),                          # D alone
    (dict(status=2), 65000 / 60),                             # finalists, either prize: A, B, C
    (dict(status=2, prize="main"), 55000 / 40),               # main-prize finalists: A and B
    (dict(status=3), 32000 / 30),                             # winners of either prize: A and C
    (dict(status=3, prize="main"), 2200.0),                   # A
    (dict(status=3, prize="special"), 500.0),                 # C
    (dict(status=1, prize="special"), 500.0),                 # nominees for the special prize: C
])
def test_selection_filters(tiny_db: Database, filters: dict, expected: float) -> None:
    got = values(tiny_db, ["productivity"], 2025, 2025, **filters)
    assert got[("productivity", 2025)][0] == pytest.approx(expected)


def test_empty_selection_has_no_rows(tiny_db: Database) -> None:
    assert values(tiny_db, ["productivity"], counties=["56"]) == {}


def test_kpi_by_county_and_sector(tiny_db: Database) -> None:
    # 03: (22 + 33) * 1000 / (10 + 30); 46: (10 + 300) * 1000 / (20 + 300)
    assert by(tiny_db, "county") == {"03": (pytest.approx(1375.0), 2), "46": (pytest.approx(968.75), 2)}
    # 25: A and C: (22 + 10) * 1000 / (10 + 20); 24: B; 10: D
    assert by(tiny_db, "sector") == {"10": (pytest.approx(1000.0), 1), "24": (pytest.approx(1100.0), 1),
                                     "25": (pytest.approx(32000 / 30), 2)}
    assert by(tiny_db, "size_class") == {"large": (pytest.approx(1000.0), 1),
                                         "small": (pytest.approx(65000 / 60), 3)}
    # other filters still apply: main-prize finalists by county
    assert by(tiny_db, "county", status=2, prize="main") == {"03": (pytest.approx(1375.0), 2)}


def test_totals_by_year(tiny_db: Database) -> None:
    df = tiny_db.query("totals_by_year", year_from=2024, year_to=2025, **ALL)
    assert df.to_dict("records") == [
        {"year": 2024, "companies": 3, "fte": 60.0},
        {"year": 2025, "companies": 4, "fte": 360.0},
    ]
    finalists = tiny_db.query("totals_by_year", year_from=2024, year_to=2025,
                              **sel(status=2, prize="main"))
    assert finalists.to_dict("records") == [{"year": 2025, "companies": 2, "fte": 40.0}]


def test_company_table_best_first_by_direction(tiny_db: Database) -> None:
    from tests.conftest import ORG_A, ORG_B, ORG_C, ORG_D

    heads = list(HEADLINE_KPIS)
    df = tiny_db.query("company_table", kpi="productivity", kpis=heads, year=2025, ascending=False, limit=10, **ALL)
    assert df["org_nr"].tolist() == [ORG_A, ORG_B, ORG_D, ORG_C]  # 2200, 1100, 1000, 500
    assert df["kpi_value"].tolist() == pytest.approx([2200, 1100, 1000, 500])
    assert df["total"].tolist() == [4] * 4
    assert df[["main_level", "special_level"]].values.tolist() == [[3, 0], [2, 0], [0, 0], [0, 3]]
    # emissions intensity, lower is better: D 50/300, A 80/22, B 1000/33; C reports none: last
    low = tiny_db.query("company_table", kpi="emissions_intensity", kpis=["emissions_intensity", *heads], year=2025,
                        ascending=True, limit=10, **ALL)
    assert low["org_nr"].tolist() == [ORG_D, ORG_A, ORG_B, ORG_C]
    assert low["kpi_value"].iloc[:3].tolist() == pytest.approx([50 / 300, 80 / 22, 1000 / 33])
    limited = tiny_db.query("company_table", kpi="productivity", kpis=heads, year=2025, ascending=False, limit=2, **ALL)
    assert limited["org_nr"].tolist() == [ORG_A, ORG_B] and limited["total"].tolist() == [4, 4]


def test_company_scatter_largest_first(tiny_db: Database) -> None:
    from tests.conftest import ORG_B, ORG_D

    df = tiny_db.query("company_scatter", year=2025, limit=2, **ALL)
    # A, B and D have both KPIs (C reports no emissions); the two largest by FTE: D, B
    assert df["org_nr"].tolist() == [ORG_D, ORG_B] and df["total"].tolist() == [3, 3]
    assert df["productivity"].tolist() == pytest.approx([1000.0, 1100.0])
    assert df["emissions_intensity"].tolist() == pytest.approx([50 / 300, 1000 / 33])


def test_company_peer_rank_and_history(tiny_db: Database) -> None:
    from tests.conftest import ORG_A, ORG_C

    ranks = tiny_db.query("company_peer_rank", year=2025, org_nr=ORG_A,
                          lower_is_better=["emissions_intensity"]).set_index("kpi")
    # sector 25 in 2025: A 2200 and C 500
    assert ranks.loc["productivity", ["rank", "peers"]].tolist() == [1, 2]
    assert ranks.loc["productivity", "sector_median"] == pytest.approx(1350.0)
    assert ranks.loc["emissions_intensity", ["rank", "peers"]].tolist() == [1, 1]
    c_ranks = tiny_db.query("company_peer_rank", year=2025, org_nr=ORG_C,
                            lower_is_better=["emissions_intensity"]).set_index("kpi")
    assert c_ranks.loc["productivity", "rank"] == 2
    history = tiny_db.query("company_kpi_history", kpi="productivity", org_nr=ORG_C)
    # 2024: only A reports in sector 25 (C's value added is unknown); 2025: A and C
    assert history["year"].tolist() == [2024, 2025]
    assert history["sector_median"].tolist() == pytest.approx([2000.0, 1350.0])
    assert history["value"].isna().tolist() == [True, False] and history["value"].iloc[1] == pytest.approx(500)


def test_company_profile(tiny_db: Database) -> None:
    from tests.conftest import ORG_A

    p = tiny_db.query("company_profile", org_nr=ORG_A).iloc[0]
    assert (p["name"], p["county"], p["sector"]) == ("Alfa Mek AS", "03", 25)
    assert list(p["nominations"]) == ["2025:main:winner"]
    assert tiny_db.query("company_profile", org_nr="000000000").empty


def test_year_span_and_meta(tiny_db: Database) -> None:
    span = tiny_db.query("year_span")
    assert (span["first_year"].iloc[0], span["last_year"].iloc[0]) == (2024, 2025)
    meta = tiny_db.check()
    assert meta["source"] == "test" and "built_at" in meta


def _tiny_variant(tmp_path, extra_years: list[dict] = (), extra_nominations: list[dict] = ()) -> Database:
    """The tiny fixture with some company-years or nominations added."""
    import pandas as pd

    from dashboard.warehouse import build_database
    from tests.conftest import company_years, tiny_tables

    t = tiny_tables()
    years = pd.concat([t["company_years"], company_years(list(extra_years))]) if extra_years else t["company_years"]
    noms = pd.concat([t["nominations"], pd.DataFrame(list(extra_nominations))]) if extra_nominations else t["nominations"]
    path = tmp_path / "variant.duckdb"
    build_database(path, t["companies"], years.reset_index(drop=True), noms.reset_index(drop=True), {"source": "test"})
    return Database(path)


def winners_level(db: Database, year: int) -> dict:
    df = db.query("benchmark_winners", year=year, as_of=date(9999, 12, 31), **disclosure.QUANTILE_PARAMS)
    return {r.kpi: (r.p50, r.n) for r in df.itertuples()}


def test_winners_level_counts_no_later_winner(tiny_db: Database) -> None:
    # A (main) and C (special) won in 2025: looking at 2024, no winner counts yet
    assert winners_level(tiny_db, 2024) == {}
    # 2025: A 2200 and C 500 in their winning year; median 1350
    assert winners_level(tiny_db, 2025)["productivity"] == (pytest.approx(1350.0), 2)


def test_winners_level_pools_earlier_winners_in_their_winning_year(tmp_path) -> None:
    from tests.conftest import ORG_B

    # B also won the main prize in 2024 (export share that year: 90 * 100 / 100 = 90)
    db = _tiny_variant(tmp_path, extra_nominations=[dict(year=2024, org_nr=ORG_B, prize="main", status="winner")])
    try:
        # 2024: B alone; the 2025 winners A and C do not count
        assert winners_level(db, 2024)["export_share"] == (pytest.approx(90.0), 1)
        # 2025: B in 2024 (90), A in 2025 (11 * 100 / 55 = 20) and C in 2025 (5 * 100 / 45): median 20
        # (B's own 2025 figure, as a finalist, does not count)
        assert winners_level(db, 2025)["export_share"] == (pytest.approx(20.0), 3)
        # the explorer's winners' line: each year's winners in that year, never a later one
        got = values(db, ["productivity"], status=3)
        assert got[("productivity", 2024)] == (pytest.approx(1000.0), 1)       # B: 30 * 1000 / 30
        assert got[("productivity", 2025)] == (pytest.approx(32000 / 30), 2)   # A and C
    finally:
        db.close()


def test_emissions_baseline_is_the_first_year_with_both_scopes(tmp_path) -> None:
    from tests.conftest import ORG_A

    # A reported scope 1 only (120 t) in 2023: that year has no total, so A's baseline stays 2024
    # (100 t). 2025: (100 - 80) * 100 / 100 = 20 (not (120 - 80) * 100 / 120 = 33.3 from 2023)
    db = _tiny_variant(tmp_path, extra_years=[dict(org_nr=ORG_A, year=2023, fte=10, turnover_mnok=45,
                                                   value_added_mnok=18, scope1_t=120)])
    try:
        got = values(db, ["emissions_reduction"], 2023, 2025, counties=["03"], sectors=[25])
        assert got == {("emissions_reduction", 2024): (pytest.approx(0.0), 1),
                       ("emissions_reduction", 2025): (pytest.approx(20.0), 1)}
    finally:
        db.close()


def test_ownership_filter(tiny_db: Database) -> None:
    # B (30 FTE, value added 33) and D (300, 300) are foreign-owned: 2025 = 333000 / 330
    assert values(tiny_db, ["productivity"], ownership=["foreign"])[("productivity", 2025)] == (
        pytest.approx(333000 / 330), 2)
    # A (10, 22) and C (20, 10) Norwegian: 32000 / 30; with county 46 only C
    assert values(tiny_db, ["productivity"], ownership=["norwegian"])[("productivity", 2025)] == (
        pytest.approx(32000 / 30), 2)
    assert by(tiny_db, "county", ownership=["norwegian"]) == {"03": (pytest.approx(2200.0), 1),
                                                            "46": (pytest.approx(500.0), 1)}
    both = values(tiny_db, ["productivity"], ownership=["norwegian", "foreign"])
    assert both == values(tiny_db, ["productivity"])  # both owners is everyone
