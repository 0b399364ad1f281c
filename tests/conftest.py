"""Shared fixtures: a tiny hand-made database, the demo database, and one app per test session.

Dash registers callbacks globally, so the app is built once per session (see conventions)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard import create_app
from dashboard.config import Config
from dashboard.db import Database
from dashboard.kpis import MEASURE_IDS
from dashboard.warehouse import build_database

# Valid organisation numbers (modulus-11 check digit) for the fixture companies.
ORG_A, ORG_B, ORG_C, ORG_D = "910000004", "910000012", "910000020", "910000039"


def company_years(rows: list[dict]) -> pd.DataFrame:
    """Company-year rows with every measure column; a measure left out is unknown (NULL)."""
    df = pd.DataFrame(rows)
    for col in MEASURE_IDS:
        if col not in df:
            df[col] = None
    for col in ("robots", "lost_time_injuries"):
        df[col] = df[col].astype("Int64")
    return df


def tiny_tables() -> dict[str, pd.DataFrame]:
    """Four companies over two years, small enough to compute every answer by hand.

    2024: A (Oslo, 25) fte 10, va 20; B (Oslo, 24) fte 30, va 30; C (Vestland, 25) fte 20, va unknown.
    2025: A fte 10, va 22; B fte 30, va 33; C fte 20, va 10; D (Vestland, 10) fte 300, va 300.
    Emissions (scope 1 + 2): A 100 -> 80, B 1100 -> 1000, C unknown, D first reported 2025: 50.
    """
    companies = pd.DataFrame({
        "org_nr": [ORG_A, ORG_B, ORG_C, ORG_D],
        "name": ["Alfa Mek AS", "Beta Metall AS", "Gamma Sveis AS", "Delta Mat AS"],
        "county_code": ["03", "03", "46", "46"],
        "sector_code": [25, 24, 25, 10],
        "founded": [1990, 1950, 2019, 2000],
    })
    years = company_years([
        dict(org_nr=ORG_A, year=2024, fte=10, turnover_mnok=50, value_added_mnok=20, wage_costs_mnok=8,
             export_mnok=10, scope1_t=100, scope2_t=0, robots=2),
        dict(org_nr=ORG_B, year=2024, fte=30, turnover_mnok=100, value_added_mnok=30, wage_costs_mnok=18,
             export_mnok=90, scope1_t=1000, scope2_t=100, robots=0),
        dict(org_nr=ORG_C, year=2024, fte=20, turnover_mnok=40, wage_costs_mnok=10, export_mnok=0),
        dict(org_nr=ORG_A, year=2025, fte=10, turnover_mnok=55, value_added_mnok=22, wage_costs_mnok=8.5,
             export_mnok=11, scope1_t=80, scope2_t=0, robots=3),
        dict(org_nr=ORG_B, year=2025, fte=30, turnover_mnok=110, value_added_mnok=33, wage_costs_mnok=19,
             export_mnok=99, scope1_t=900, scope2_t=100, robots=1),
        dict(org_nr=ORG_C, year=2025, fte=20, turnover_mnok=45, value_added_mnok=10, wage_costs_mnok=10,
             export_mnok=5),
        dict(org_nr=ORG_D, year=2025, fte=300, turnover_mnok=900, value_added_mnok=300,
             wage_costs_mnok=180, export_mnok=90, scope1_t=40, scope2_t=10, robots=6),
    ])
    nominations = pd.DataFrame({
        "year": [2025, 2025, 2025], "org_nr": [ORG_A, ORG_B, ORG_C],
        "prize": ["main", "main", "special"], "status": ["winner", "finalist", "winner"],
    })
    return {"companies": companies, "company_years": years, "nominations": nominations}


@pytest.fixture
def tiny_db(tmp_path: Path) -> Database:
    path = tmp_path / "tiny.duckdb"
    t = tiny_tables()
    build_database(path, t["companies"], t["company_years"], t["nominations"], {"source": "test"})
    db = Database(path)
    yield db
    db.close()


@pytest.fixture(scope="session")
def demo_db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from data.generate import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    build_demo(path)
    return path


@pytest.fixture(scope="session")
def app(demo_db_path: Path):
    """The one Dash app of the test session, serving the demo database."""
    return create_app(Config(db_path=demo_db_path, build_missing_db=False))
