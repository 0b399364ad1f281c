"""A copy of a database damaged the way a disk fault damages one: some bytes overwritten well inside
the file, so it opens and most tables read, but reading one table's damaged block fails its
checksum (DuckDB: "Corrupt database file: computed checksum ... does not match stored checksum")."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

BLOCK = 256 * 1024  # DuckDB's block size; blocks follow a 12 KiB header
HEADER = 3 * 4096


def tables(path: Path) -> list[str]:
    with duckdb.connect(str(path), read_only=True) as con:
        return [r[0] for r in con.execute("select table_name from information_schema.tables "
                                          "where table_type = 'BASE TABLE' order by 1").fetchall()]


def _reads(path: Path, names: list[str]) -> dict[str, str]:
    """Each table's fate when read in full: 'ok' or the error's first line."""
    out = {}
    with duckdb.connect(str(path), read_only=True) as con:
        for name in names:
            try:
                con.execute(f"select * from {name}").fetchall()  # names from information_schema
                out[name] = "ok"
            except duckdb.Error as exc:
                out[name] = str(exc).splitlines()[0]
    return out


def damaged_copy(source: Path, target: Path, table: str = "kpi_values") -> str:
    """Copy ``source`` to ``target`` and overwrite bytes in the middle of one block of ``table``,
    chosen so that every other table still reads. Returns the checksum error reading ``table``
    gives. Blocks are tried from the middle of the file outwards."""
    names = tables(source)
    size = source.stat().st_size
    blocks = range((size - HEADER) // BLOCK)
    middle = len(blocks) // 2
    for n in sorted(blocks, key=lambda b: abs(b - middle)):
        shutil.copy(source, target)
        with target.open("r+b") as f:
            f.seek(HEADER + n * BLOCK + BLOCK // 2)
            f.write(b"\xde\xad\xbe\xef" * 64)
        try:
            fate = _reads(target, names)
        except duckdb.Error:  # the catalogue itself is damaged: not this block
            continue
        if "checksum" in fate[table] and all(v == "ok" for k, v in fate.items() if k != table):
            return fate[table]
    raise AssertionError(f"no block of {table} alone found in {source}")
