"""The data build: atomic, and it refuses what the data model forbids."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dashboard.warehouse import build_database, org_nr_is_valid
from tests.conftest import ORG_A, tiny_tables


@pytest.mark.parametrize(("org_nr", "valid"), [
    ("923609016", True), ("923609017", False), ("910000004", True), ("91000000", False),
    ("9100000040", False), ("91000000x", False), ("９１００００００４", False), (None, False),
])
def test_org_nr_check_digit(org_nr, valid) -> None:
    assert org_nr_is_valid(org_nr) is valid


def build(path: Path, **changes) -> None:
    t = tiny_tables() | changes
    build_database(path, t["companies"], t["company_years"], t["nominations"], {"source": "test"})


def test_failed_build_leaves_the_old_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "db.duckdb"
    build(path)
    before = path.read_bytes()
    bad_years = tiny_tables()["company_years"]
    bad_years.loc[0, "value_added_mnok"] = 10_000  # above turnover: the schema refuses it
    with pytest.raises(duckdb.ConstraintException):
        build(path, company_years=bad_years)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["db.duckdb"]  # no temporary file left


def test_invalid_org_nr_is_refused_before_writing(tmp_path: Path) -> None:
    companies = tiny_tables()["companies"]
    companies.loc[0, "org_nr"] = "910000005"
    with pytest.raises(ValueError, match="910000005"):
        build(tmp_path / "db.duckdb", companies=companies)
    assert not (tmp_path / "db.duckdb").exists()


def test_unknown_stays_null(tmp_path: Path) -> None:
    path = tmp_path / "db.duckdb"
    build(path)
    con = duckdb.connect(str(path), read_only=True)
    rows = con.execute("select value_added_mnok, robots from company_years where year = 2024 "
                       "order by org_nr").fetchall()
    con.close()
    assert rows == [(20.0, 2), (30.0, 0), (None, None)]
    assert ORG_A.startswith("910")
