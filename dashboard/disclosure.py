"""Disclosure control: the one layer every figure shown to the public or to a company goes through.

Companies give the award their figures because only aggregates are shown. The jury (and the open
demo) sees everything; everyone else sees what these rules let through, as statistics offices
practise them. Each rule is stated in the README and on the pages, with why:

1. **Groups the public may ask for are cells of one lattice**: all companies, or one county, one
   sector and one size class (each one member or all), in one year. A union of several counties or
   sectors, a group of nominees, finalists or winners, or a choice of owner, is not published to
   the public: those
   could be combined with the cells to single out a company (we coarsen what the public may
   combine, rather than chase every union).
2. **Minimum frequency**: a figure comes from at least ``MIN_GROUP`` companies that report the KPI
   (both its numerator and its denominator), counted per figure.
3. **Dominance**: no ratio of sums where one company holds more than ``MAX_SHARE`` of the group's
   numerator or denominator: it would all but show that company's own figure.
4. **Protection against differencing (secondary suppression)**: two published cells of the same
   KPI and year never differ by 1 to ``MIN_GROUP - 1`` reporting companies; where two would, the
   finer one is suppressed (cells are published coarsest first). Differencing two published
   figures therefore always mixes at least ``MIN_GROUP`` companies.
5. **Rounding**: every value sent to a browser is rounded to the precision it is shown at.
6. **Quantiles** (quartiles, deciles, medians) are each the mean of the ``QUANTILE_WINDOW``
   companies nearest the quantile's position, and withheld where that mean comes within
   ``QUANTILE_NEAR`` of any one company's own value (evenly spaced values put it on the middle
   one), so no quantile is one company's own value.
7. **Typed figures** are placed in a band between published quantiles, never at an exact
   percentile, and typed calculations are rate-limited per address.

Cells are decided once per database build (``build_cells``, called by the warehouse) and stored
in ``disclosure_cells``; a view asks ``published`` which of its cells it may show.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

import duckdb
import numpy as np
import pandas as pd

MIN_GROUP = 5
MAX_SHARE = 0.60
QUANTILE_WINDOW = 3
QUANTILE_NEAR = 0.01  # a public quantile within 1 % of one company's value is withheld
QUANTILE_PARAMS = {"window": QUANTILE_WINDOW, "near": QUANTILE_NEAR}  # the window_mean macro's
FOREVER = date(9999, 12, 31)
FTE = "fte"  # the FTE total (explorer card, presentation headline) is checked like a KPI


@dataclass(frozen=True)
class Viewer:
    """What a visitor may see. Every view takes one; ``None`` means the public, so a forgotten
    argument shows less, not more."""

    full: bool  # individual companies, unpublished nominations, every group
    as_of: date  # nominations count from their publish date
    org: str | None = None  # a company user's own organisation

    @property
    def min_group(self) -> int:
        """The fewest companies behind a figure this viewer may see."""
        return 1 if self.full else MIN_GROUP


JURY = Viewer(True, FOREVER)


def rule_numbers() -> dict[str, int]:
    """The rules' numbers, for the texts that state them on the pages."""
    return {"n": MIN_GROUP, "w": QUANTILE_WINDOW, "share": round(MAX_SHARE * 100), "near": round(QUANTILE_NEAR * 100)}


def public() -> Viewer:
    return Viewer(False, date.today())


def or_public(viewer: Viewer | None) -> Viewer:
    return public() if viewer is None else viewer


@dataclass(frozen=True)
class Cell:
    """A group of the public lattice: one county, sector and size class, or all (None)."""

    county: str | None = None
    sector: int | None = None
    size: str | None = None


# --- Deciding the cells (at build time) ----------------------------------------------------------

_CELL_SQL = """
select kpi, year, county, sector, size_class, count(*) as n,
       greatest(max(abs(num)) / nullif(sum(abs(num)), 0), max(den) / nullif(sum(den), 0)) as top_share,
       grouping(county, sector, size_class) as g
from (
    select kpi, year, county, sector, coalesce(size_class, '?') as size_class, num, den from kpi_values
    union all
    select 'fte', year, county, sector, coalesce(size_class, '?'), fte, 1 from facts where fte is not null
)
group by kpi, year, cube(county, sector, size_class)
"""


def decide(cells: pd.DataFrame) -> pd.DataFrame:
    """Which cells of one KPI and year are published, and why not: ``cells`` has county, sector,
    size_class (None for all), ``n`` (reporting companies) and ``top_share``. Returns it with
    ``published`` and ``reason`` ("too_few", "dominated", "overlap")."""
    cells = cells.copy()
    keys = [(c if isinstance(c, str) else None, None if s is None or pd.isna(s) else int(s),
             z if isinstance(z, str) else None)
            for c, s, z in zip(cells["county"], cells["sector"], cells["size_class"])]
    n_of = dict(zip(keys, cells["n"].astype(int)))
    level = [sum(v is not None for v in k) for k in keys]
    reason = np.where(cells["n"] < MIN_GROUP, "too_few",
                      np.where(cells["top_share"].isna() | (cells["top_share"] > MAX_SHARE), "dominated", ""))
    order = sorted(range(len(keys)), key=lambda i: (level[i], -n_of[keys[i]], str(keys[i])))
    by_n: dict[int, list[tuple]] = defaultdict(list)  # published cells by their count
    for i in order:
        if reason[i]:
            continue
        key, n = keys[i], n_of[keys[i]]
        clash = False
        for m in range(n - MIN_GROUP + 1, n + MIN_GROUP):
            for other in by_n.get(m, ()):
                both = _meet(key, other)
                shared = n_of.get(both, 0) if both is not None else 0
                if 0 < n + m - 2 * shared < MIN_GROUP:
                    clash = True
                    break
            if clash:
                break
        if clash:
            reason[i] = "overlap"
        else:
            by_n[n].append(key)
    cells["reason"] = reason
    cells["published"] = reason == ""
    return cells


def _meet(a: tuple, b: tuple) -> tuple | None:
    """The cell both ``a`` and ``b`` contain (their intersection), None if they are disjoint."""
    out = []
    for x, y in zip(a, b):
        if x is not None and y is not None and x != y:
            return None
        out.append(x if x is not None else y)
    return tuple(out)


def build_cells(con: duckdb.DuckDBPyConnection) -> None:
    """Decide every cell of every KPI and year and store them in ``disclosure_cells``."""
    df = con.execute(_CELL_SQL).df()
    g = df["g"].astype(int)  # bits: 4 county, 2 sector, 1 size class (1 = rolled up to "all")
    df["county"] = df["county"].where((g & 4) == 0, None)
    df["sector"] = df["sector"].astype("Int64").where((g & 2) == 0, pd.NA)
    df["size_class"] = df["size_class"].where((g & 1) == 0, None)
    df = df[df["size_class"] != "?"]  # companies of unknown size count in "all sizes" only
    df = df.astype({"sector": object}).where(df.notna(), None)
    parts = [decide(part) for _, part in df.groupby(["kpi", "year"], sort=True)]
    out = pd.concat(parts, ignore_index=True) if parts else df.assign(reason="", published=False)
    out = out[["kpi", "year", "county", "sector", "size_class", "n", "published", "reason"]]
    out = out.astype({"year": int, "n": int, "published": bool})
    out["sector"] = pd.array([None if s is None else int(s) for s in out["sector"]], dtype="Int64")
    out["county"] = [c if isinstance(c, str) else None for c in out["county"]]
    out["size_class"] = [z if isinstance(z, str) else None for z in out["size_class"]]
    out["cell"] = [key(Cell(c, None if pd.isna(s) else int(s), z))
                   for c, s, z in zip(out["county"], out["sector"], out["size_class"])]
    con.register("decided", out)
    try:
        con.execute("create table disclosure_cells as select * from decided order by kpi, year, county, sector, size_class")
    finally:
        con.unregister("decided")


# --- Asking (at request time) --------------------------------------------------------------------


def key(cell: Cell) -> str:
    """A cell as stored: "46|25|medium", "*" for all of a dimension."""
    sector = cell.sector if isinstance(cell.sector, (int, np.integer)) and not isinstance(cell.sector, bool) else None
    return "|".join((cell.county if isinstance(cell.county, str) else "*",
                     "*" if sector is None else str(int(sector)),
                     cell.size if isinstance(cell.size, str) else "*"))


def verdicts(run_query, kpis: list[str], years: list[int], cells: list[Cell]) -> dict[tuple[str, int, Cell], str]:
    """For each (kpi, year, cell) asked about: "" if the public may see it, else why not
    ("too_few", "dominated", "overlap"). A cell with no reporting company at all is "too_few"."""
    cells = list(dict.fromkeys(cells))
    out = {(k, int(y), c): "too_few" for k in kpis for y in years for c in cells}
    if not out:
        return out
    by_key = {key(c): c for c in cells}
    df = run_query("disclosure_cells", figures=list(kpis), years=[int(y) for y in years], cells=list(by_key))
    for kpi, year, cell, reason in zip(df["kpi"], df["year"], df["cell"], df["reason"]):
        out[(kpi, int(year), by_key[cell])] = reason
    return out


def published(run_query, kpis: list[str], years: list[int], cells: list[Cell]) -> set[tuple[str, int, Cell]]:
    """Which (kpi, year, cell) of those asked about may be shown to the public."""
    return {k for k, reason in verdicts(run_query, kpis, years, cells).items() if reason == ""}


def windowed_quantiles(values: list[float], probs: tuple[float, ...]) -> dict[float, float | None]:
    """Each quantile as the mean of the ``QUANTILE_WINDOW`` values nearest its position (a sorted
    list's index p·(n−1)); None where that mean lies within ``QUANTILE_NEAR`` of any one value, so
    that no quantile is one company's own value, and None for groups smaller than ``MIN_GROUP``.
    The ``window_mean`` SQL macro does the same."""
    v = sorted(float(x) for x in values)
    n = len(v)
    if n < MIN_GROUP:
        return {p: None for p in probs}
    out = {}
    for p in probs:
        centre = p * (n - 1)
        start = math.floor(centre - (QUANTILE_WINDOW - 1) / 2 + 0.5)
        start = min(max(start, 0), n - QUANTILE_WINDOW)
        mean = sum(v[start:start + QUANTILE_WINDOW]) / QUANTILE_WINDOW
        out[p] = None if any(abs(x - mean) <= QUANTILE_NEAR * abs(x) for x in v) else mean
    return out


BANDS = ("below_p25", "p25_p50", "p50_p75", "p75_p90", "above_p90")


def band(value: float | None, q: dict[str, float | None], higher_is_better: bool) -> str | None:
    """Where a typed value stands between the published quantiles (as shown, rounded), in the KPI's
    direction: below the lower quartile, lower quartile to median, median to upper quartile, upper
    quartile to top decile, above the top decile. The edges are figures already published, so
    moving a typed value across them teaches nothing more than the table shows."""
    if value is None or any(q.get(p) is None for p in ("p10", "p25", "p50", "p75", "p90")):
        return None
    if higher_is_better:
        edges = [q["p25"], q["p50"], q["p75"], q["p90"]]
        position = sum(value >= e for e in edges)
    else:
        edges = [q["p75"], q["p50"], q["p25"], q["p10"]]
        position = sum(value <= e for e in edges)
    return BANDS[position]


@dataclass(frozen=True)
class Verdict:
    shown: bool
    reason: str = ""  # "too_few" or "dominated" when not shown


def order_statistic(n: int | None) -> Verdict:
    """Medians, quartiles, deciles and percentile ranks for the jury: only from enough companies."""
    return Verdict(True) if (n or 0) >= MIN_GROUP else Verdict(False, "too_few")


def sum_statistic(n: int | None, top_share: float | None) -> Verdict:
    """A ratio of sums for the jury: enough companies, and no single one dominating the totals."""
    if (n or 0) < MIN_GROUP:
        return Verdict(False, "too_few")
    if top_share is None or top_share > MAX_SHARE:
        return Verdict(False, "dominated")
    return Verdict(True)


def counts(values: list[int], viewer: Viewer | None = None) -> list[int | None]:
    """Counts of companies per member of one dimension (a table whose total is published too), as
    ``viewer`` may see them: for anyone but the jury, a count under ``MIN_GROUP`` is withheld (None),
    and where just one is, so is the next smallest, so the total minus the shown counts gives no
    withheld count exactly (secondary suppression)."""
    viewer = or_public(viewer)
    out: list[int | None] = [int(v) for v in values]
    if viewer.full:
        return out
    small = [i for i, v in enumerate(out) if v < MIN_GROUP]
    if len(small) == 1 and len(out) > 1:
        small.append(min((i for i in range(len(out)) if i not in small), key=lambda i: out[i]))
    for i in small:
        out[i] = None
    return out


def round_for(value: object, decimals: int) -> float | None:
    """A figure rounded to the precision it is shown at (nothing finer reaches a browser)."""
    if value is None or (isinstance(value, float) and np.isnan(value)) or pd.isna(value):
        return None
    return round(float(value), decimals)


def apply(run_query, df: pd.DataFrame, viewer: Viewer | None, cells: list[Cell | None],
          decimals: int | dict[str, int], kpi: str | None = None, year: int | None = None,
          column: str = "value") -> pd.DataFrame:
    """Group figures as ``viewer`` may see them. Row i of ``df`` is the figure of ``cells[i]`` (None:
    not a lattice group) for its ``kpi`` and ``year`` (columns of ``df``, or the arguments). The
    jury sees every figure as it is; anyone else only published cells, rounded as shown."""
    viewer = or_public(viewer)
    if viewer.full or df.empty:
        return df
    df = df.copy()
    kpis = list(df["kpi"]) if kpi is None else [kpi] * len(df)
    yrs = [int(y) for y in df["year"]] if year is None else [int(year)] * len(df)
    ok = published(run_query, sorted(set(kpis)), sorted(set(yrs)), [c for c in cells if c is not None])
    keep = [c is not None and (k, y, c) in ok for k, y, c in zip(kpis, yrs, cells)]
    places = [decimals if isinstance(decimals, int) else decimals.get(k, 2) for k in kpis]
    df[column] = [round_for(v, d) if shown else None for v, d, shown in zip(df[column], places, keep)]
    return df
