"""The query layer: allow-lists, parameter checks, and clear errors for a bad database file."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dashboard.db import Database, DatabaseError, query_names
from dashboard.kpis import UnknownIdError
from tests.test_queries import ALL


def test_unknown_kpi_is_refused_before_sql_runs(tiny_db: Database) -> None:
    with pytest.raises(UnknownIdError, match="Unknown KPI 'drop table'"):
        tiny_db.query("kpi_by_year", kpis=["drop table"], year_from=2024, year_to=2025, **ALL)


def test_unknown_query_name_is_refused(tiny_db: Database) -> None:
    with pytest.raises(UnknownIdError, match="Unknown query '../etc/passwd'"):
        tiny_db.query("../etc/passwd")
    assert "kpi_by_year" in query_names()


def test_parameters_must_match_the_statement(tiny_db: Database) -> None:
    with pytest.raises(TypeError, match=r"takes parameters \['kpis', 'sel', 'year_from', 'year_to'\]"):
        tiny_db.query("kpi_by_year", kpis=["productivity"], year_from=2024)


def test_unknown_dimension_is_refused(tiny_db: Database) -> None:
    with pytest.raises(UnknownIdError, match="Unknown dimension 'org_nr'"):
        tiny_db.query("kpi_by_dimension", dim="org_nr", kpi="productivity", year=2025, **ALL)


def test_values_are_bound_not_formatted(tiny_db: Database) -> None:
    # SQL in a value stays a value: DuckDB fails to read it as a year instead of running it
    with pytest.raises(duckdb.ConversionException):
        tiny_db.query("totals_by_year", year_from="0 or 1=1", year_to=2025, **ALL)
    assert len(tiny_db.query("totals_by_year", year_from=2024, year_to=2025, **ALL)) == 2


def test_missing_file_names_the_file(tmp_path: Path) -> None:
    db = Database(tmp_path / "nowhere.duckdb")
    with pytest.raises(DatabaseError) as info:
        db.check()
    assert "nowhere.duckdb" in str(info.value) and "make data" in str(info.value)


def test_corrupt_file_names_the_file_and_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.duckdb"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseError) as info:
        Database(path).check()
    message = str(info.value)
    assert str(path) in message and "make data DB=" in message


def test_database_without_the_tables_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "empty.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(DatabaseError, match="empty.duckdb"):
        Database(path).check()
