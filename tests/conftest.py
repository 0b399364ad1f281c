"""Shared fixtures: a tiny hand-made database, the demo database, and one app per test session.

Dash registers callbacks globally, so the app is built once per session (see conventions)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import flask
import pandas as pd
import pytest

from dashboard import create_app
from dashboard.config import Config
from dashboard.db import Database
from dashboard.kpis import MEASURE_IDS
from dashboard.warehouse import build_database, publish

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


@contextmanager
def serving(path: Path, companies: pd.DataFrame, years: pd.DataFrame,
            nominations: pd.DataFrame | None = None) -> Iterator[None]:
    """Build a database from the tables at ``path`` and run the block in an app context that
    reads it (the views' and queries' ``run_query``); the connection is closed afterwards."""
    nominations = pd.DataFrame(columns=["year", "org_nr", "prize", "status"]) if nominations is None else nominations
    build_database(path, companies, years, nominations, {"source": "test"})
    server = flask.Flask(__name__)
    server.extensions["dashboard.db"] = Database(path)
    try:
        with server.app_context():
            yield
    finally:
        server.extensions["dashboard.db"].close()


def tiny_tables() -> dict[str, pd.DataFrame]:
    """Four companies over two years, small enough to compute every answer by hand.

    2024: A (Oslo, 25) fte 10, va 20; B (Oslo, 24) fte 30, va 30; C (Vestland, 25) fte 20, va unknown.
    2025: A fte 10, va 22; B fte 30, va 33; C fte 20, va 10; D (Vestland, 10) fte 300, va 300.
    Emissions (scope 1 + 2): A 100 -> 80, B 1100 -> 1000, C unknown, D first reported 2025: 50.
    Owners: A and C Norwegian, B and D foreign.
    """
    companies = pd.DataFrame({
        "org_nr": [ORG_A, ORG_B, ORG_C, ORG_D],
        "name": ["Alfa Mek AS", "Beta Metall AS", "Gamma Sveis AS", "Delta Mat AS"],
        "county_code": ["03", "03", "46", "46"],
        "sector_code": [25, 24, 25, 10],
        "founded": [1990, 1950, 2019, 2000],
        "ownership": ["norwegian", "foreign", "norwegian", "foreign"],
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


def tiny_tables_2026() -> dict[str, pd.DataFrame]:
    """``tiny_tables()`` and the year an import of 2026's submissions adds: A, B and D report 2026
    (A fte 10, va 24; B fte 30, va 36; D fte 300, va 330; C does not report), A is a main-prize
    finalist and D the main-prize winner of 2026."""
    t = tiny_tables()
    later = company_years([
        dict(org_nr=ORG_A, year=2026, fte=10, turnover_mnok=60, value_added_mnok=24, wage_costs_mnok=9,
             export_mnok=12, scope1_t=70, scope2_t=0, robots=4),
        dict(org_nr=ORG_B, year=2026, fte=30, turnover_mnok=120, value_added_mnok=36, wage_costs_mnok=20,
             export_mnok=100, scope1_t=850, scope2_t=90, robots=2),
        dict(org_nr=ORG_D, year=2026, fte=300, turnover_mnok=950, value_added_mnok=330,
             wage_costs_mnok=185, export_mnok=95, scope1_t=35, scope2_t=10, robots=8),
    ])
    nominations = pd.DataFrame({"year": [2026, 2026], "org_nr": [ORG_A, ORG_D], "prize": ["main", "main"],
                                "status": ["finalist", "winner"]})
    return {"companies": t["companies"],
            "company_years": pd.concat([t["company_years"], later], ignore_index=True),
            "nominations": pd.concat([t["nominations"], nominations], ignore_index=True)}


@pytest.fixture
def app_with_2026(app, tmp_path: Path):
    """The session's app serving a database whose data runs to 2026, published the way an import
    publishes one. The app is the same (Dash registers callbacks once per session); only the
    database it reads is another, and the demo database comes back afterwards."""
    path = tmp_path / "awards.duckdb"
    t = tiny_tables_2026()
    publish(path, t["companies"], t["company_years"], t["nominations"], {"source": "test"})
    demo = app.server.extensions["dashboard.db"]
    db = Database(path)
    app.server.extensions["dashboard.db"] = db
    yield app
    app.server.extensions["dashboard.db"] = demo
    db.close()


@pytest.fixture
def damaged_app(app, demo_db_path: Path, tmp_path: Path):
    """The session's app serving a copy of the demo database damaged in the middle (as by a disk
    fault): it opens, but reading kpi_values fails a block checksum. Yields (app, path)."""
    from tests.damaged_db import damaged_copy

    path = tmp_path / "damaged.duckdb"
    damaged_copy(demo_db_path, path)
    demo = app.server.extensions["dashboard.db"]
    db = Database(path)
    app.server.extensions["dashboard.db"] = db
    yield app, path
    app.server.extensions["dashboard.db"] = demo
    db.close()


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
    """The one Dash app of the test session, serving the demo database (rate limits and the jury's
    scores in files of its own, so no run counts against another)."""
    return create_app(Config(db_path=demo_db_path, build_missing_db=False,
                             rate_db=demo_db_path.parent / "ratelimit.sqlite3",
                             scores_db=demo_db_path.parent / "scores.sqlite3"))


def explorer_views(filters: dict, lang: object) -> dict:
    """Every view of the explorer for the filter bar's values, as its three callbacks (first screen,
    below it, the table) answer them together. Call inside an app context."""
    from dashboard.callbacks import explorer as cb

    return {**cb.first_screen(filters=filters, lang=lang), **cb.below(filters=filters, lang=lang),
            **cb.table(filters=filters, lang=lang)}
