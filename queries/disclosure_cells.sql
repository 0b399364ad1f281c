-- The verdict on cells of the public lattice (each a key like '46|25|medium', '*' for all of a
-- dimension) for the given KPIs (or 'fte' for the FTE total) and years: how many companies report,
-- whether the public may see the figure, and if not why (too_few, dominated, overlap). Decided
-- once per build by dashboard/disclosure.py.
select kpi, year, cell, n, published, reason
from disclosure_cells
where list_contains($figures, kpi)
  and list_contains($years, year)
  and list_contains($cells, cell)
