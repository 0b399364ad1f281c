-- The verdict on cells of the public lattice (each a key like '46|25|medium', '*' for all of a
-- dimension) for the given KPIs (or 'fte' for the FTE total) and years: how many companies report,
-- whether the public may see the figure, and if not why (too_few, dominated, overlap). Decided
-- once per build by dashboard/disclosure.py. (Semi-joins, not list_contains: the table is sorted
-- by KPI and year, so DuckDB skips the rest; about 1.5 ms at 10x the demo data, not 9.)
select kpi, year, cell, n, published, reason
from disclosure_cells
where kpi in (select unnest($figures))
  and year in (select unnest($years))
  and cell in (select unnest($cells))
