"""The demo-data generator: deterministic, internally consistent, calibrated to docs/domain.md."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from data.generate import generate
from dashboard.warehouse import org_nr_is_valid


@pytest.fixture(scope="module")
def demo() -> dict[str, pd.DataFrame]:
    return generate(scale=1, seed=2014)


def test_same_seed_same_data(demo: dict[str, pd.DataFrame]) -> None:
    again = generate(scale=1, seed=2014)
    for name, df in demo.items():
        pd.testing.assert_frame_equal(df, again[name])
    other = generate(scale=1, seed=7)
    assert not other["company_years"]["turnover_mnok"].equals(demo["company_years"]["turnover_mnok"])


def test_companies(demo: dict[str, pd.DataFrame]) -> None:
    companies = demo["companies"]
    assert 300 <= len(companies) <= 400
    assert companies["org_nr"].is_unique and companies["org_nr"].map(org_nr_is_valid).all()
    assert companies["name"].is_unique
    assert companies["county_code"].nunique() == 15
    assert companies["sector_code"].between(10, 33).all() and companies["sector_code"].nunique() >= 15


def test_company_years_are_consistent(demo: dict[str, pd.DataFrame]) -> None:
    y = demo["company_years"]
    assert set(y["year"]) == set(range(2014, 2026))
    assert not y.duplicated(["org_nr", "year"]).any()
    both = y.dropna(subset=["value_added_mnok", "turnover_mnok"])
    assert (both["value_added_mnok"] < both["turnover_mnok"]).all()
    exp = y.dropna(subset=["export_mnok"])
    assert (exp["export_mnok"] <= exp["turnover_mnok"]).all()
    w = y.dropna(subset=["value_added_mnok", "wage_costs_mnok"])
    assert (w["value_added_mnok"] > w["wage_costs_mnok"]).all()
    for col in ("renewable_share_pct", "automation_pct", "scrap_rate_pct", "recycled_input_pct"):
        assert y[col].dropna().between(0, 100).all(), col


def test_some_values_are_missing_not_zero(demo: dict[str, pd.DataFrame]) -> None:
    y = demo["company_years"]
    share_missing = y["value_added_mnok"].isna().mean()
    assert 0.01 < share_missing < 0.1
    assert y["fte"].notna().all() and (y["fte"] > 0).all()


def national(demo: dict[str, pd.DataFrame], sql: str) -> pd.Series:
    y = demo["company_years"]  # noqa: F841  (read by DuckDB by name)
    return duckdb.sql(sql).df().set_index("year").iloc[:, 0]


def test_calibrated_to_the_domain(demo: dict[str, pd.DataFrame]) -> None:
    density = national(demo, "select year, 10000 * sum(robots) / sum(fte) filter (where robots is not null) "
                             "from y group by year")
    assert 40 <= density[2014] <= 50 and 90 <= density[2022] <= 110
    exports = national(demo, "select year, sum(export_mnok) / sum(turnover_mnok) filter "
                             "(where export_mnok is not null) from y group by year")
    assert exports.between(0.35, 0.45).all()
    emissions = national(demo, "select year, sum(scope1_t + scope2_t) from y group by year")
    assert emissions[2025] < 0.9 * emissions[2014]


def test_heavy_sectors_carry_the_energy_and_emissions(demo: dict[str, pd.DataFrame]) -> None:
    y = demo["company_years"].merge(demo["companies"], on="org_nr")
    heavy = y["sector_code"].isin([20, 24])
    assert y.loc[heavy, "energy_mwh"].sum() > 0.5 * y["energy_mwh"].sum()
    per_fte = y.groupby(heavy)["scope1_t"].sum() / y.groupby(heavy)["fte"].sum()
    assert per_fte[True] > 20 * per_fte[False]


def test_nominations(demo: dict[str, pd.DataFrame]) -> None:
    n = demo["nominations"]
    per_year = n.groupby("year").size()
    assert set(per_year.index) == set(range(2014, 2026)) and per_year.between(25, 35).all()
    winners = n[n["status"] == "winner"].groupby(["year", "prize"]).size()
    assert (winners == 1).all() and len(winners) == 24
    assert (n[n["status"] == "finalist"].groupby(["year", "prize"]).size() >= 1).all()
    for prize in ("main", "special"):
        assert n[(n["status"] == "winner") & (n["prize"] == prize)]["org_nr"].is_unique, prize
    assert n["org_nr"].isin(demo["companies"]["org_nr"]).all()


def test_scaled_data_has_more_distinct_companies() -> None:
    big = generate(scale=3, seed=2014)
    assert len(big["companies"]) == 3 * 350 and big["companies"]["org_nr"].is_unique


def test_shares_wander_from_year_to_year(demo: dict[str, pd.DataFrame]) -> None:
    """Export share and recycled input are not a level plus a fixed trend (which drew every
    company as a straight line, and two companies of one sector as the same line in the compare
    page's change view): a company's yearly changes differ, and two companies' changes differ.
    Steps are compared to a tenth of a percentage point (the stored figures are rounded)."""
    y = demo["company_years"].assign(export_share=lambda d: 100 * d["export_mnok"] / d["turnover_mnok"])
    for column, top in (("export_share", 97), ("recycled_input_pct", 95)):
        wide = y.pivot(index="org_nr", columns="year", values=column).dropna()
        wide = wide[((wide > 0.01) & (wide < top - 0.01)).all(axis=1)]  # never clipped
        assert len(wide) > 100, column
        steps = wide.diff(axis=1).iloc[:, 1:].round(1)
        straight = steps.nunique(axis=1) == 1
        assert straight.mean() < 0.02, f"{column}: {straight.mean():.0%} of companies on a straight line"
        # no two companies share their yearly changes (one line drawn exactly under another)
        assert not steps.duplicated().any(), column
