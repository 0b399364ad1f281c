"""Queries on the tiny fixture database against answers computed by hand (see tiny_tables)."""

from __future__ import annotations

import pytest

from dashboard.db import Database


def values(db: Database, kpis: list[str], year_from: int = 2024, year_to: int = 2025) -> dict:
    df = db.query("kpi_by_year", kpis=kpis, year_from=year_from, year_to=year_to)
    return {(r.kpi, r.year): (r.value, r.companies) for r in df.itertuples()}


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


def test_totals_by_year(tiny_db: Database) -> None:
    df = tiny_db.query("totals_by_year", year_from=2024, year_to=2025)
    assert df.to_dict("records") == [
        {"year": 2024, "companies": 3, "fte": 60.0},
        {"year": 2025, "companies": 4, "fte": 360.0},
    ]


def test_year_span_and_meta(tiny_db: Database) -> None:
    span = tiny_db.query("year_span")
    assert (span["first_year"].iloc[0], span["last_year"].iloc[0]) == (2024, 2025)
    meta = tiny_db.check()
    assert meta["source"] == "test" and "built_at" in meta
