"""Percentiles, criterion scores, totals, ranks and stability, against cases worked by hand."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard import scoring
from dashboard import state
from dashboard.disclosure import JURY
from dashboard.db import Database
from dashboard.kpis import CRITERIA, SPECIAL_CRITERIA
from dashboard.pages.compare import LOWER_IS_BETTER
from dashboard.warehouse import build_database
from tests.conftest import company_years
from tests.layout import by_class, text

E1, E2, E3, E4, E5 = "910000047", "910000055", "910000063", "910000071", "910000098"


@pytest.fixture
def nominee_db(tmp_path: Path) -> Database:
    """Five main-prize nominees in 2025. Productivity (value added per FTE, NOK 1,000): E1 1000,
    E2 2000, E3 2000 (a tie), E4 3000, E5 unknown. Robot density: 1000 for all five (all equal).
    Emissions intensity (lower is better): E1 1.0, E2 2.0, E4 1.0 (a tie), E3 and E5 unknown.
    E1–E4 are in sector 25; E5 alone in sector 24."""
    companies = pd.DataFrame({"org_nr": [E1, E2, E3, E4, E5], "name": ["E1", "E2", "E3", "E4", "E5"],
                              "county_code": ["03"] * 5, "sector_code": [25, 25, 25, 25, 24],
                              "founded": [2000] * 5})
    va = {E1: 10, E2: 20, E3: 20, E4: 30, E5: None}
    scope1 = {E1: 10, E2: 40, E3: None, E4: 30, E5: None}
    years = company_years([
        dict(org_nr=o, year=2025, fte=10, turnover_mnok=100, value_added_mnok=va[o], wage_costs_mnok=5,
             robots=1, scope1_t=scope1[o], scope2_t=0 if scope1[o] is not None else None)
        for o in (E1, E2, E3, E4, E5)
    ])
    nominations = pd.DataFrame({"year": [2025] * 5, "org_nr": [E1, E2, E3, E4, E5], "prize": ["main"] * 5,
                                "status": ["winner", "finalist", "finalist", "nominated", "nominated"]})
    path = tmp_path / "nominees.duckdb"
    build_database(path, companies, years, nominations, {"source": "test"})
    db = Database(path)
    yield db
    db.close()


def percentiles(db: Database, companies: list[str]) -> pd.DataFrame:
    df = db.query("compare_table", companies=companies, year=2025, prize="main", lower_is_better=list(LOWER_IS_BETTER),
                  sel=state.selection(JURY.as_of, status=1, prize="main"))
    return df[df["kpi"].notna()].set_index(["org_nr", "kpi"])


def test_percentile_with_ties(nominee_db: Database) -> None:
    pct = percentiles(nominee_db, [E1, E2, E3, E4])
    # share of the 3 other reporting nominees the company beats, a tie counting half; the company
    # itself is not counted (as on the benchmark page)
    assert pct.loc[(E1, "productivity"), "nominee_pct"] == pytest.approx(0.0)                 # beats none
    assert pct.loc[(E2, "productivity"), "nominee_pct"] == pytest.approx(100 * (1 + 0.5) / 3)  # 50
    assert pct.loc[(E3, "productivity"), "nominee_pct"] == pytest.approx(50.0)
    assert pct.loc[(E4, "productivity"), "nominee_pct"] == pytest.approx(100.0)               # beats all 3
    assert pct.loc[(E1, "productivity"), "nominees"] == 3
    # the sector (25: E1–E4 report productivity) the same way
    assert pct.loc[(E2, "productivity"), "sector_pct"] == pytest.approx(50.0)
    assert pct.loc[(E4, "productivity"), "sector_pct"] == pytest.approx(100.0)
    assert pct.loc[(E4, "productivity"), "sector_peers"] == 3


def test_percentile_follows_the_direction(nominee_db: Database) -> None:
    pct = percentiles(nominee_db, [E1, E2, E4])
    # emissions intensity, lower is better: E1 and E4 tie at 1.0 and beat E2 (2.0); each has two
    # others: E1 beats E2 and ties E4, (1 + 0.5) / 2; E2 beats neither
    assert pct.loc[(E1, "emissions_intensity"), "nominee_pct"] == pytest.approx(100 * 1.5 / 2)  # 75
    assert pct.loc[(E4, "emissions_intensity"), "nominee_pct"] == pytest.approx(100 * 1.5 / 2)
    assert pct.loc[(E2, "emissions_intensity"), "nominee_pct"] == pytest.approx(0.0)


def test_all_equal_and_single_company(nominee_db: Database) -> None:
    pct = percentiles(nominee_db, [E1, E5])
    assert pct.loc[(E1, "robot_density"), "nominee_pct"] == pytest.approx(50.0)  # ties all 4 others
    # alone in sector 24: no one else to be better than, so no sector percentile (not 50, not 0)
    assert pd.isna(pct.loc[(E5, "robot_density"), "sector_pct"])
    assert pct.loc[(E5, "robot_density"), "sector_peers"] == 0


def test_missing_value_has_no_percentile(nominee_db: Database) -> None:
    pct = percentiles(nominee_db, [E5])
    assert (E5, "productivity") not in pct.index  # unknown value added: no row, not a zero


def test_criterion_scores_average_what_is_reported() -> None:
    scores = scoring.criterion_scores(
        {"productivity": 50.0, "robot_density": 80.0, "automation_share": None, "training_hours": 40.0},
        CRITERIA)
    assert scores["technology"] == pytest.approx(60.0)  # mean of 80 and 40; automation unknown
    assert scores["productivity"] == 50.0
    assert scores["sustainability"] is None and scores["rnd"] is None
    assert "innovative" not in scores and "uniqueness" not in scores  # jury judgement: no score
    special = scoring.criterion_scores({"robot_density": 70.0}, SPECIAL_CRITERIA)
    assert special == {"technology": 70.0, "sustainability": None}


def test_total_leaves_missing_criteria_out_of_sum_and_weights() -> None:
    assert scoring.total_score({"a": 60.0, "b": None, "c": 90.0}, {"a": 1, "b": 2, "c": 1}) == 75.0
    assert scoring.total_score({"a": 60.0, "c": 90.0}, {"a": 3, "c": 1}) == pytest.approx(67.5)
    assert scoring.total_score({"a": None}, {"a": 1}) is None
    assert scoring.total_score({"a": 50.0}, {"a": 0}) is None
    # a missing KPI neither helps nor hurts: same level, one criterion unknown, same total
    full = scoring.total_score({"p": 80.0, "s": 80.0}, {"p": 1, "s": 1})
    partial = scoring.total_score({"p": 80.0, "s": None}, {"p": 1, "s": 1})
    assert full == partial == 80.0


def test_ranks_share_places_on_ties() -> None:
    assert scoring.ranks({"x": 80.0, "y": 80.0, "z": 70.0, "w": None}) == {"x": 1, "y": 1, "z": 3, "w": None}
    assert scoring.ranks({"only": 10.0}) == {"only": 1}


def test_totals_shown_alike_share_a_place() -> None:
    # shown to one decimal: 60.94 and 60.86 both read 60.9 and share second place; 60.84 reads
    # 60.8 and is fourth. 60.96 reads 61.0 and is first, though nearer 60.94 than 60.94 is to 60.86
    totals = {"a": 60.94, "b": 60.86, "c": 60.84, "d": 60.96}
    assert scoring.ranks(totals) == {"d": 1, "a": 2, "b": 2, "c": 4}
    assert [scoring.shown_total(totals[k]) for k in "dabc"] == [61.0, 60.9, 60.9, 60.8]
    assert scoring.shown_total(None) is None
    # stability counts places as shown: with one criterion, no weight can split or join the tie
    scores = {"a": {"p": 60.94}, "b": {"p": 60.86}}
    assert scoring.ranking(scores, {"p": 1.0}) == {"a": 1, "b": 1}
    assert scoring.stability(scores, {"p": 1.0}) == {"a": 0, "b": 0}


def test_stability_under_half_and_one_and_a_half_weights() -> None:
    scores = {"A": {"p": 100.0, "s": 0.0}, "B": {"p": 0.0, "s": 90.0}, "C": {"p": 10.0, "s": 10.0}}
    weights = {"p": 1.0, "s": 1.0}
    # A 50 beats B 45; with p at half weight, A 33.3 and B 60 swap places; C stays last
    assert scoring.ranking(scores, weights) == {"A": 1, "B": 2, "C": 3}
    assert scoring.stability(scores, weights) == {"A": 1, "B": 1, "C": 0}
    assert scoring.stability({"solo": {"p": 10.0}}, {"p": 1.0}) == {"solo": 0}


def test_ranks_do_not_split_a_tie_on_floating_point_noise() -> None:
    # the same three percentiles in another order: the same mean, but summed in another order the
    # floats differ in the last bit (1.5 / 7, 2.5 / 9, 3 / 11 of 100)
    a, b, c = 100 * 1.5 / 7, 100 * 2.5 / 9, 100 * 3 / 11
    one = scoring.criterion_scores({"robot_density": a, "automation_share": b, "training_hours": c}, CRITERIA)
    two = scoring.criterion_scores({"robot_density": c, "automation_share": a, "training_hours": b}, CRITERIA)
    totals = {"one": scoring.total_score(one, {"technology": 1.0}),
              "two": scoring.total_score(two, {"technology": 1.0})}
    assert totals["one"] == pytest.approx(totals["two"])
    assert scoring.ranks(totals) == {"one": 1, "two": 1}
    assert scoring.ranks({"x": 50.0, "y": 50.0 + 1e-12, "z": 49.9}) == {"x": 1, "y": 1, "z": 3}
    # noise across a rounding boundary: 60.25 is exact in binary and reads 60.2 (half to even);
    # a hair above it, from summing in another order, must read and rank the same, not 60.3
    assert scoring.shown_total(60.25 + 1e-12) == scoring.shown_total(60.25) == 60.2
    assert scoring.ranks({"x": 60.25, "y": 60.25 + 1e-12, "z": 60.3}) == {"z": 1, "x": 2, "y": 2}


def test_scores_are_kept_unrounded() -> None:
    from dashboard.pages.compare import ranking_table, scores_store

    # technology from two percentiles, 0 and 100 * 2 / 29 (beats 2 of 29 others): the mean is
    # 100 / 29 = 3.448..., shown as 3.4. From percentiles rounded to 2 decimals first it would be
    # (0 + 6.90) / 2 = 3.45, shown as 3.5.
    companies = pd.DataFrame({"org_nr": ["A"], "name": ["Alfa"]})
    pct = pd.DataFrame({"org_nr": ["A", "A"], "kpi": ["robot_density", "automation_share"],
                        "nominee_pct": [0.0, 100 * 2 / 29]})
    store = scores_store(companies, pct, "main")
    assert store["companies"][0]["percentiles"]["automation_share"] == 100 * 2 / 29
    assert store["companies"][0]["scores"]["technology"] == pytest.approx(100 / 29)
    weights = {c.id: (1.0 if c.id == "technology" else 0.0) for c in CRITERIA if c.measurable}
    table = ranking_table(store, weights, "en")
    assert [text(cell) for cell in by_class(table, "total")] == ["3.4"]  # Alfa's score, its only row
