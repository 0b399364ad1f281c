"""The explorer's five views written the usual way, for ``make bench`` to compare against.

The data are read into pandas once at start; each view is its own callback that filters and groups
in pandas and draws with plotly express; the table sends the rows to AG Grid. It reads the same
database file as the app and gets the same selections. Not part of the app: ``make bench`` serves
it with gunicorn as ``make serve`` serves the app (``PEER_DB`` names the file).

Each callback notes its build and encoding time in the ``Server-Timing`` header, as the app's
explorer does with ``SERVER_TIMING=on`` (``dashboard.timing``), so the two are measured alike.
"""

from __future__ import annotations

import os
from pathlib import Path

import dash_ag_grid as dag
import duckdb
import pandas as pd
import plotly.express as px
from dash import Dash, Input, Output, dcc, html

from dashboard import timing

ROOT = Path(__file__).resolve().parent.parent
VIEWS = ("map", "sectors", "trend", "scatter", "table")
FILTERS = ("county", "sector", "size", "years", "kpi")  # each a dcc.Store: the selection, as ids
SCATTER_LIMIT, TABLE_LIMIT = 400, 500  # as the app's


def create_app(db: Path) -> Dash:
    con = duckdb.connect(str(db), read_only=True)
    try:
        kv = con.execute("select org_nr, year, kpi, county, sector, size_class, num, den, value "
                         "from kpi_values").df()
        facts = con.execute("select f.org_nr, c.name, f.year, f.fte from facts f join companies c using (org_nr)").df()
    finally:
        con.close()
    tiles = pd.read_csv(ROOT / "data" / "counties.csv", dtype={"code": str})

    app = Dash(__name__)
    app.layout = html.Div([*(dcc.Store(id=f) for f in FILTERS), *(dcc.Graph(id=v) for v in VIEWS[:4]),
                           dag.AgGrid(id="table")])
    inputs = [Input(f, "data") for f in FILTERS]

    def narrowed(d: pd.DataFrame, county: list, sector: list, size: list) -> pd.DataFrame:
        for column, chosen in (("county", county), ("sector", sector), ("size_class", size)):
            if chosen:
                d = d[d[column].isin(chosen)]
        return d

    def selected(kpi: str, first: int, last: int, county: list, sector: list, size: list) -> pd.DataFrame:
        return narrowed(kv[(kv["kpi"] == kpi) & kv["year"].between(first, last)], county, sector, size)

    def ratio(d: pd.DataFrame, by: str) -> pd.DataFrame:
        g = d.groupby(by)[["num", "den"]].sum()
        return g.assign(value=g["num"] / g["den"]).reset_index()

    @app.callback(Output("map", "figure"), inputs)
    def map_view(county, sector, size, years, kpi):
        def build():
            d = ratio(selected(kpi, years[1], years[1], [], sector, size), "county")  # every county
            df = tiles.merge(d, left_on="code", right_on="county", how="left")
            fig = px.scatter(df, x="tile_col", y="tile_row", color="value", text="abbr", hover_name="name_en",
                             title=f"{kpi} by county, {years[1]}")
            fig.update_traces(marker={"symbol": "square", "size": 40})
            fig.update_yaxes(autorange="reversed")
            return fig
        return timing.timed("map", build)

    @app.callback(Output("sectors", "figure"), inputs)
    def sector_view(county, sector, size, years, kpi):
        def build():
            d = ratio(selected(kpi, years[1], years[1], county, [], size), "sector").sort_values("value")
            return px.bar(d, x="value", y=d["sector"].astype(str), orientation="h", title=f"{kpi} by sector")
        return timing.timed("sectors", build)

    @app.callback(Output("trend", "figure"), inputs)
    def trend_view(county, sector, size, years, kpi):
        def build():
            both = pd.concat([ratio(selected(kpi, years[0], years[1], county, sector, size), "year").assign(group="selection"),
                              ratio(selected(kpi, years[0], years[1], [], [], []), "year").assign(group="all")])
            return px.line(both, x="year", y="value", color="group", markers=True, title=f"{kpi} over the years")
        return timing.timed("trend", build)

    @app.callback(Output("scatter", "figure"), inputs)
    def scatter_view(county, sector, size, years, kpi):
        def build():
            year = years[1]
            d = narrowed(kv[kv["kpi"].isin(["productivity", "emissions_intensity"]) & (kv["year"] == year)],
                         county, sector, size)
            wide = d.pivot_table(index=["org_nr", "sector"], columns="kpi", values="value").reset_index()
            wide = wide.reindex(columns=["org_nr", "sector", "productivity", "emissions_intensity"]).dropna()
            wide = wide.merge(facts[facts["year"] == year], on="org_nr").nlargest(SCATTER_LIMIT, "fte")
            return px.scatter(wide, x="emissions_intensity", y="productivity", size="fte",
                              color=wide["sector"].astype(str), hover_name="name", log_x=True,
                              title=f"Productivity and emissions, {year}")
        return timing.timed("scatter", build)

    @app.callback(Output("table", "rowData"), inputs)
    def table_view(county, sector, size, years, kpi):
        def build():
            d = selected(kpi, years[1], years[1], county, sector, size)
            d = d.merge(facts[facts["year"] == years[1]], on=["org_nr", "year"])
            d = d.sort_values("value", ascending=False).head(TABLE_LIMIT)
            return d[["org_nr", "name", "county", "sector", "size_class", "fte", "value"]].to_dict("records")
        return timing.timed("table", build)

    app.server.config[timing.SETTING] = True
    app.server.after_request(timing.add_header)
    return app


server = create_app(Path(os.environ["PEER_DB"])).server if "PEER_DB" in os.environ else None
