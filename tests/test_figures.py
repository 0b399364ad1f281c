"""Figure builders are pure: each returns a new figure and leaves its inputs as they were, and a
figure built later does not change with what was done to one built before. The presentation's dark
look is one plotly template, carried by the slides' figures."""

from __future__ import annotations

import copy
import inspect
import math
from dataclasses import replace

import pandas as pd
import plotly.io as pio

from dashboard import dimensions, figures
from dashboard.benchmark import PeerRow
from dashboard.kpis import KPIS_BY_ID

PROD, INTENSITY, ROBOTS = (KPIS_BY_ID[k] for k in ("productivity", "emissions_intensity", "robot_density"))
ORG_A, ORG_B = "910000004", "910000012"


def peer_rows() -> list[PeerRow]:
    """Benchmark rows as the benchmark page hands them to its figures: one shown, one typed (a
    band for the public), one suppressed."""
    row = PeerRow(kpi="productivity", n=12, value=1234.5, pct=62.0, band=None, p10=600.0, p25=800.0,
                  p50=1000.0, p75=1300.0, p90=1700.0, top_quartile=1300.0, top_decile=1700.0, group=1100.0,
                  hidden="", group_hidden="", winners=1500.0, gap=65.5, in_top=False)
    return [row, replace(row, kpi="emissions_intensity", value=3.2, pct=40.0, band="p25_p50"),
            replace(row, kpi="robot_density", value=None, pct=None, hidden="too_few")]


def tile_map() -> figures.Figure:
    df = pd.DataFrame({"member": ["03", "46", "50"], "value": [1200.0, None, 900.0], "companies": [12, 3, 7]})
    return figures.tile_map_figure(df, dimensions.counties().reset_index(drop=True), PROD, "nb", 2025,
                                   ("03",), "alle bedrifter")


def cases() -> dict[str, tuple]:
    """Every figure builder with small inputs that draw a chart (not the empty one): name ->
    (builder, positional arguments, keyword arguments)."""
    counties = dimensions.counties().reset_index(drop=True)
    sectors = dimensions.sectors().reset_index(drop=True)
    by_county = pd.DataFrame({"member": ["03", "46", "50"], "value": [1200.0, None, 900.0],
                              "companies": [12, 3, 7]})
    by_sector = pd.DataFrame({"member": [10, 25, 28], "value": [1100.0, 950.0, None], "companies": [9, 14, 6]})
    years = pd.DataFrame({"year": [2023, 2024, 2025], "value": [40.0, None, 52.5], "companies": [30, 31, 33]})
    companies = pd.DataFrame({"org_nr": [ORG_A, ORG_B, "910000020"], "name": ["Alfa", "Beta", "Gamma"],
                              "sector": [10, 25, 25], "fte": [12.0, 340.5, 40.0],
                              "productivity": [900.0, 1500.0, None], "emissions_intensity": [2.5, 40.0, 1.0]})
    history = pd.DataFrame({"year": [2023, 2024, 2025], "value": [800.0, None, 950.0],
                            "sector_q1": [700.0, 720.0, None], "sector_median": [850.0, 860.0, 900.0],
                            "sector_q3": [1000.0, 1010.0, 1100.0]})
    multiples = pd.DataFrame({"org_nr": [ORG_A, ORG_A, ORG_B, ORG_B], "kpi": ["productivity"] * 2 + ["robot_density"] * 2,
                              "year": [2024, 2025, 2024, 2025], "value": [800.0, 950.0, 10.0, None],
                              "change": [0.0, 18.75, 0.0, None]})
    pct = pd.DataFrame({"org_nr": [ORG_A, ORG_A, ORG_B], "kpi": ["productivity", "robot_density", "productivity"],
                        "nominee_pct": [80.0, None, 35.0]})
    names = {ORG_A: "Alfa", ORG_B: "Beta"}
    sector_years = pd.DataFrame({"sector": [10, 25, 10, 25], "year": [2024, 2024, 2025, 2025],
                                 "fte": [500.0, 800.0, 520.0, 790.0], "productivity": [1000.0, 1200.0, 1050.0, None],
                                 "emissions_intensity": [3.0, 12.0, 2.8, 11.0]})
    return {
        "figure": (figures.figure, ([{"type": "bar", "x": [1], "y": [2]}], figures.base_layout("nb", "T", "N")),
                   {"xaxis": {"title": {"text": "x"}}, "yaxis": {"rangemode": "tozero"}}),
        "empty_figure": (figures.empty_figure, ("en", "nothing here"), {}),
        "tile_map_figure": (figures.tile_map_figure, (by_county, counties, PROD, "nb", 2025, ("03",), "alle"), {}),
        "sector_bar_figure": (figures.sector_bar_figure, (by_sector, sectors, PROD, "en", 2025, (25,), "all"), {}),
        "trend_figure": (figures.trend_figure, ({"selection": years, "all": years.assign(value=[38.0, 41.0, 44.0])},
                                                ROBOTS, "nb", "utvalg"), {}),
        "scatter_figure": (figures.scatter_figure, (companies, sectors, "en", 2025, "all", PROD, INTENSITY),
                           {"capped_note": "capped"}),
        "company_history_figure": (figures.company_history_figure, (history, PROD, "nb", "Alfa"), {}),
        "multiples_figure": (figures.multiples_figure, (multiples, names, (PROD, ROBOTS), "en", "change"), {}),
        "radar_figure": (figures.radar_figure, (pct, names, (PROD, ROBOTS), "nb", "main"), {}),
        "strips_figure": (figures.strips_figure, (peer_rows(), "nb"), {}),
        "benchmark_radar_figure": (figures.benchmark_radar_figure, (peer_rows(), "en"), {}),
        "benchmark_trend_figure": (figures.benchmark_trend_figure, ({2024: 900.0, 2025: 950.0}, {2024: 850.0},
                                                                    PROD, "nb", "Alfa"), {}),
        "tiles_as_shapes": (figures.tiles_as_shapes, (tile_map(),), {"font": 20}),
        "animated_sectors_figure": (figures.animated_sectors_figure, (sector_years, sectors, "nb", "T", "N"),
                                    {"font": 26}),
        "with_layout": (figures.with_layout, (tile_map(),), {"showlegend": False, "height": None}),
        "titled": (figures.titled, (tile_map(), "Another title"), {}),
        "restyled": (figures.restyled, (tile_map(),), {"marker": {"size": 9}}),
        "themed": (figures.themed, (tile_map(), "nsi_dark"), {}),
    }


def same(a: object, b: object) -> bool:
    """Deep equality that takes DataFrames (and their dtypes and missing values) into account."""
    if isinstance(a, pd.DataFrame):
        return isinstance(b, pd.DataFrame) and a.equals(b) and a.dtypes.equals(b.dtypes) and a.index.equals(b.index)
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b or (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b))


def touch(obj: object) -> None:
    """Change every dict and list inside ``obj`` in place (as a careless caller would)."""
    if isinstance(obj, dict):
        for value in obj.values():
            touch(value)
        obj["touched"] = True
    elif isinstance(obj, list):
        for value in obj:
            touch(value)
        obj.append("touched")


def test_every_builder_is_covered() -> None:
    builders = {name for name, fn in inspect.getmembers(figures, inspect.isfunction)
                if fn.__module__ == figures.__name__ and fn.__annotations__.get("return") == "Figure"}
    assert builders == set(cases())


def test_builders_leave_their_inputs_unchanged() -> None:
    for name, (build, args, kwargs) in cases().items():
        before = copy.deepcopy((args, kwargs))
        fig = build(*args, **kwargs)
        assert fig["data"] or name == "empty_figure", name  # the inputs draw a chart
        assert same((args, kwargs), before), f"{name} changed its input"


def test_a_figure_shares_nothing_with_the_next_one_built() -> None:
    """Module-level dicts (an axis style, a line style, the template) are copied into a figure,
    never shared: a caller that changes one figure does not change the next."""
    for name, (build, args, kwargs) in cases().items():
        first = build(*copy.deepcopy(args), **copy.deepcopy(kwargs))
        touch(first)
        fresh = build(*copy.deepcopy(args), **copy.deepcopy(kwargs))
        assert "touched" not in str(fresh), name


def test_tiles_as_shapes_returns_a_new_figure() -> None:
    fig = tile_map()
    before = copy.deepcopy(fig)
    shapes = figures.tiles_as_shapes(fig, font=20)
    assert fig == before
    assert shapes is not fig and shapes["layout"] is not fig["layout"] and shapes["data"] is not fig["data"]
    assert len(shapes["layout"]["shapes"]) == 15 and "shapes" not in fig["layout"]
    assert len(shapes["layout"]["annotations"]) == len(fig["layout"]["annotations"]) + 15


def test_the_dark_template_is_registered_once_and_embedded() -> None:
    """plotly.js in the browser knows only its own templates, so a figure carries the dark template
    as a dict; the builder's own values for what the template sets are left out, so it shows."""
    assert pio.templates["nsi_dark"].layout.paper_bgcolor == figures.SLIDE_PAPER
    fig = tile_map()
    before = copy.deepcopy(fig)
    dark = figures.themed(fig, "nsi_dark")
    assert fig == before and dark is not fig and dark["layout"] is not fig["layout"]
    assert dark["layout"]["template"] == pio.templates["nsi_dark"].to_plotly_json()
    assert dark["layout"]["template"]["layout"]["paper_bgcolor"] == figures.SLIDE_PAPER
    for key in ("paper_bgcolor", "plot_bgcolor", "font"):
        assert key not in dark["layout"], key
    assert "font" not in dark["layout"]["title"] and "font" not in dark["layout"]["title"]["subtitle"]
    assert "gridcolor" not in dark["layout"]["xaxis"] and dark["layout"]["xaxis"]["visible"] is False
    assert dark["layout"]["title"]["text"] == fig["layout"]["title"]["text"]
    assert dark["data"] == fig["data"] and dark["layout"]["separators"] == fig["layout"]["separators"]


def test_light_figures_carry_no_template() -> None:
    """Every other page draws in its own light look, as the report does (it strips plotly's theme)."""
    for name, (build, args, kwargs) in cases().items():
        if name != "themed":
            assert "template" not in build(*args, **kwargs)["layout"], name

