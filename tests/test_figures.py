"""Figure builders are pure: each returns a new figure and leaves its inputs as they were, and a
figure built later does not change with what was done to one built before. The presentation's dark
look is one plotly template, carried by the slides' figures."""

from __future__ import annotations

import copy
import inspect
import math
import re
from dataclasses import replace
from pathlib import Path

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
        "pending_figure": (figures.pending_figure, ("nb",), {}),
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
        "named": (figures.named, (tile_map(), "Kart", "Produktivitet", "Møre og Romsdal", 2025), {}),
        "restyled": (figures.restyled, (tile_map(),), {"marker": {"size": 9}}),
        "themed": (figures.themed, (tile_map(), "nsi_dark"), {}),
        "laid_out": (figures.laid_out, (figures.figure([{"type": "bar", "x": [1], "y": [2]}],
                                                       figures.base_layout("en", "T", "N", note_offset=20)),), {}),
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


def test_downloads_are_named_for_what_they_show() -> None:
    fig = figures.named(tile_map(), "Kart", "Produktivitet", "Møre og Romsdal · Næringsmiddel", 2025)
    assert fig["layout"]["meta"]["filename"] == "kart-produktivitet-more-og-romsdal-naeringsmiddel-2025"
    assert figures.file_name("", None, "Årsverk (FTE)") == "arsverk-fte" and figures.file_name("–") == "chart"


def test_builders_leave_their_inputs_unchanged() -> None:
    for name, (build, args, kwargs) in cases().items():
        before = copy.deepcopy((args, kwargs))
        fig = build(*args, **kwargs)
        assert fig["data"] or name in ("empty_figure", "pending_figure"), name  # the inputs draw a chart
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



def _note(layout: dict) -> dict:
    return next(a for a in layout["annotations"] if a.get("name") == "note")


def test_every_chart_keeps_room_for_each_of_its_texts() -> None:
    """Title, legend, axis title and note never share pixels, at any chart size: under the plot the
    note starts below the x axis's tick labels (28 px) and title (30 px) and a legend under the plot
    (a row 20 px, 12 px around it), with a 10 px gap, and the bottom margin holds its lines (16 px
    each); a legend above the plot has its rows in the top margin, under the title (64 px) and
    the subtitle's lines (17 px each); a radar keeps room inside its plot for the labels at 6
    o'clock, and at 12 under a legend."""
    checked = 0
    for name, (build, args, kwargs) in cases().items():
        layout = build(*args, **kwargs)["layout"]
        if not any(a.get("name") == "note" for a in layout.get("annotations", [])) or "template" in layout:
            continue  # the empty chart has no note; the dark slides have their own sizes
        checked += 1
        note = _note(layout)
        offset, lines = -note["yshift"], note["text"].count("<br>") + 1
        assert layout["margin"]["b"] >= offset + 16 * lines, name
        xaxis, legend = layout.get("xaxis", {}), layout.get("legend", {})
        under = 0 if "polar" in layout or xaxis.get("visible") is False else 28
        if under and (xaxis.get("title") or {}).get("text"):
            under += 30
            assert xaxis["title"].get("font", {}).get("size", 14) <= 14, name  # the size the 30 px are for
        horizontal = legend.get("orientation") == "h" and layout.get("showlegend") is not False
        if horizontal and legend.get("y", 1) <= 0:  # under the plot: at least one row
            under += 20 + 12
        assert offset >= under + 10, (name, offset, under)
        if horizontal and legend.get("y", 0) > 0:  # above the plot, under the title and subtitle
            subtitle = layout["title"]["subtitle"]["text"]
            title = 64 + (17 * (subtitle.count("<br>") + 1) if subtitle else 0)
            assert layout["title"]["yref"] == "container" and layout["title"]["y"] == 1, name
            if legend.get("yref") == "container":  # at a height in pixels of the chart's own height
                assert round((1 - legend["y"]) * layout["height"]) >= title, name
                assert layout["margin"]["t"] >= title + 20 + 12 + figures.MULTIPLES_HEADING, name
            else:
                assert legend["y"] == 1 and legend["yanchor"] == "bottom", name
                assert layout["margin"]["t"] >= title + 20 + 12, name
        if "polar" in layout:  # room for the labels at 6 o'clock, and at 12 under a legend above
            low, high = layout["polar"]["domain"]["y"]
            assert low >= 0.05 and (high <= 0.95 or not horizontal or legend.get("y", 0) <= 0), name
    assert checked >= 10


def test_the_note_moves_clear_of_an_axis_title_and_of_a_legend_under_the_plot() -> None:
    """Worked by hand: the sector bars have an x axis title, so their note starts 28 + 30 + 10 =
    68 px under the plot; the benchmark radar's legend (3 entries, one row of 20 px and 12 px
    around it) is right under its plot, so its note starts 32 + 10 = 42 px under it, or lower if
    its builder asked (44)."""
    bars = cases()["sector_bar_figure"]
    layout = bars[0](*bars[1], **bars[2])["layout"]
    assert _note(layout)["yshift"] == -68
    assert layout["margin"]["b"] == 68 + 16 * (_note(layout)["text"].count("<br>") + 1) + 10
    radar = figures.benchmark_radar_figure(peer_rows(), "en")["layout"]
    assert _note(radar)["yshift"] <= -42
    # a legend above the plot: the trend's three lines, one row, grow the top margin by 32 px
    trend = cases()["trend_figure"]
    layout = trend[0](*trend[1], **trend[2])["layout"]
    assert layout["margin"]["t"] == 64 + 17 + 20 + 12 and layout["legend"]["y"] == 1


def test_legend_rows_follow_the_widest_entry() -> None:
    """plotly.js lays a horizontal legend out in columns as wide as the widest entry (30 px of line
    sample and gap, and about 7.8 px a character at 12 px): ten 20-character names are 186 px a
    column, 5 to a row of 1000 px (2 rows), 2 to a row of 420 px (5 rows)."""
    names = [f"Company {i:02d} Industri"[:20].ljust(20) for i in range(10)]
    assert figures.legend_rows(names, 1000) == 2 and figures.legend_rows(names, 420) == 5
    assert figures.legend_rows([], 1000) == 0 and figures.legend_height([], 1000) == 0
    assert figures.legend_height(names, 1000) == 2 * 20 + 12


def test_every_figure_writes_numbers_the_pages_way() -> None:
    """Hover text and ticks take the page's decimal mark and thousands separator (plotly's
    ``separators``): nb "1 234,5", en "1,234.5"."""
    for name, (build, args, kwargs) in cases().items():
        layout = build(*args, **kwargs)["layout"]
        lang = next((a for a in (*args, *kwargs.values()) if isinstance(a, str) and a in ("nb", "en")), None)
        expected = {"nb": ",\u00a0", "en": ".,"}
        assert layout.get("separators") in expected.values(), name
        if lang:
            assert layout["separators"] == expected[lang], name


def test_hover_text_prints_each_unit_once_after_its_number() -> None:
    """A unit never starts with a number ("940 1000 kr per årsverk"), and a hover's number is
    followed by its unit, not by another number."""
    from dashboard.kpis import KPIS

    for kpi in KPIS:
        for lang in ("nb", "en"):
            assert not kpi.unit(lang)[:1].isdigit(), (kpi.id, lang)
    for name, (build, args, kwargs) in cases().items():
        for trace in build(*args, **kwargs)["data"]:
            template = trace.get("hovertemplate", "")
            assert not re.search(r"\}\s*\d", template), (name, template)


# What a line of text takes, measured on the widest font the charts get (DejaVu Sans, Linux's
# system-ui): some 6.2 px a character at 12 px on average over words; 7 px leaves a margin.
PX_12, PX_13 = 7.0, 7.6
# The narrowest each chart is drawn (its panel on a 1280 px screen, or the report's 1000 px), by hand
# from 02-app.css: main 1217 px wide with a scrollbar; the explorer's rows 5 : 7 and 1 : 1 with a
# 16 px gap, less a panel's 18 px of padding and border; a full-width panel 34 px less.
ROOMS = {"figure": 580, "laid_out": 580, "tile_map_figure": 480, "sector_bar_figure": 680,
         "trend_figure": 580, "scatter_figure": 580, "company_history_figure": 1100,
         "multiples_figure": 1180, "radar_figure": 1180, "strips_figure": 580, "benchmark_radar_figure": 580,
         "benchmark_trend_figure": 1000}


def _in_both_languages(args: tuple, kwargs: dict) -> list[tuple[tuple, dict]]:
    swap = {"nb": "en", "en": "nb"}
    other = tuple(swap.get(a, a) if isinstance(a, str) else a for a in args)
    return [(args, kwargs), (other, kwargs)]


def test_every_note_and_subtitle_fits_its_chart_at_its_narrowest() -> None:
    """plotly.js wraps no text: a note's or subtitle's line longer than its chart is cut off at the
    edge (the scatter's note ended "…Click a bubb" at 1280 px). Every line, started 8 px from the
    chart's left edge, ends inside the chart where it is narrowest, in nb and en; the scatter's note
    ends left of its legend. The note starts at the chart's left edge whatever the left margin."""
    checked = 0
    for name, (build, args, kwargs) in cases().items():
        if name not in ROOMS:
            continue
        for a, k in _in_both_languages(args, kwargs):
            layout = build(*a, **k)["layout"]
            room = ROOMS[name]
            note = _note(layout)
            assert note["x"] == 0 and note["xshift"] == 8 - layout["margin"]["l"], name
            beside = 0
            if layout.get("legend", {}).get("orientation") == "v":  # the scatter's legend, right of the plot
                labels = [tr["name"] for tr in build(*a, **k)["data"]] + [layout["legend"]["title"]["text"]]
                beside = 40 + 7.8 * max(len(x) for x in labels)
            for line in note["text"].split("<br>"):
                assert 8 + len(line) * PX_12 <= room - beside, (name, line)
            for line in layout["title"]["subtitle"]["text"].split("<br>"):
                assert 8 + len(line) * PX_13 <= room, (name, line)
            checked += 1
    assert checked == 2 * len(ROOMS)


def test_the_scatters_note_is_wrapped_to_the_room_left_of_its_legend() -> None:
    """Worked by hand for the case's two sectors (en): the legend is 40 + 7.8 × 14 ("Metal
    products") = 149 px wide, which leaves 580 − 149 − 10 = 421 px, less 8 px each side: 405 px
    of 12 px text at 0.58 em (6.96 px) a character is 58 characters a line (it was 95)."""
    build, args, kwargs = cases()["scatter_figure"]
    note = _note(build(*args, **kwargs)["layout"])["text"]
    lines = note.split("<br>")
    assert max(len(line) for line in lines) <= 58 and len(lines) >= 3
    assert " ".join(lines) == ("One bubble per company; size = FTE, colour = sector. Logarithmic x axis. "
                               "Click a bubble for details. capped Source: synthetic demo data. "
                               "Group figures are ratios of sums.")


def test_the_scatters_legend_shows_every_sector_without_scrolling() -> None:
    """With every sector (24) picked, so that the subtitle names them all too, the legend beside the
    plot is as tall as its entries (19 px each, 24 px of title, 12 px around: 492 px), which
    plotly.js would otherwise cut to the plot's height and scroll; and the subtitle and the legend
    fit the chart's height at 1280 px, which 02-app.css gives it."""
    from dashboard import state

    sectors = dimensions.sectors().reset_index(drop=True)
    codes = sectors["code"].tolist()
    df = pd.DataFrame({"org_nr": [f"9{c:08d}" for c in codes], "name": [f"Firma {c}" for c in codes],
                       "sector": codes, "fte": [10.0] * len(codes), "productivity": [1000.0] * len(codes),
                       "emissions_intensity": [2.0] * len(codes)})
    for lang in ("nb", "en"):
        subtitle = state.describe(state.Filters(2014, 2025, sectors=tuple(codes)), lang)
        fig = figures.scatter_figure(df, sectors, lang, 2025, subtitle, PROD, INTENSITY)
        legend, margin = fig["layout"]["legend"], fig["layout"]["margin"]
        assert len(fig["data"]) == 24 and legend["orientation"] == "v"
        assert legend["y"] == 1 and legend["yanchor"] == "top" and legend["x"] > 1
        assert legend["maxheight"] >= 24 * 19 + 24 + 12 == 492, lang
        assert margin["t"] + legend["maxheight"] <= figures.SCATTER_HEIGHT, lang
    css = (Path(figures.__file__).parent / "assets" / "02-app.css").read_text(encoding="utf-8")
    heights = re.findall(r"\.panel-scatter \.chart-scatter \{ height: (\d+)px; \}", css)
    assert heights and min(int(h) for h in heights) >= figures.SCATTER_HEIGHT


def test_a_one_year_span_reads_as_one_year() -> None:
    """▶ play starts again from the first year, whose trend holds that year alone: its title says
    "2021", not "2021–2021"."""
    from dashboard.i18n import fmt_years

    one = pd.DataFrame({"year": [2021], "value": [40.0], "companies": [30]})
    fig = figures.trend_figure({"selection": one, "all": one}, ROBOTS, "nb", "utvalg")
    assert fig["layout"]["title"]["text"] == "Robottetthet, 2021"
    build, args, kwargs = cases()["trend_figure"]
    assert build(*args, **kwargs)["layout"]["title"]["text"] == "Robottetthet, 2023–2025"
    assert fmt_years(2021, 2021) == "2021" and fmt_years(2014, 2025) == "2014–2025"


def test_a_county_without_a_figure_shows_a_dash_that_fits_its_tile() -> None:
    """A tile is 46 px: "ingen data" (60 px at 11 px) spilled into the gap. The tile says "–", the
    note says what the dash means, and the hover says "ingen data" without a unit; a county with a
    figure keeps its number, and its hover the unit."""
    fig = tile_map()
    tiles = fig["data"][0]
    at = {c[0]: i for i, c in enumerate(tiles["customdata"])}
    assert tiles["text"][at["46"]] == "<b>VLA</b><br>–"
    assert tiles["text"][at["03"]] == "<b>OSL</b><br>1\u00a0200"
    assert tiles["text"][at["11"]] == "<b>ROG</b><br>–"  # not in the rows at all
    assert tiles["customdata"][at["46"]][5] == "ingen data"
    assert tiles["customdata"][at["03"]][5] == "1\u00a0200 tusen kr per årsverk"
    assert "%{customdata[5]}" in tiles["hovertemplate"]
    assert "– = ingen data." in _note(fig["layout"])["text"].replace("<br>", " ")
    every = pd.DataFrame({"member": dimensions.counties()["code"].tolist(), "value": 1000.0, "companies": 9})
    full = figures.tile_map_figure(every, dimensions.counties().reset_index(drop=True), PROD, "en", 2025, (), "all")
    assert "–" not in _note(full["layout"])["text"]  # no dash, no word about it


def test_the_compare_radar_says_what_its_numbers_are_and_names_its_rings() -> None:
    """The hover reads "Produktivitet: persentil 80 blant de nominerte" (was a bare "80"); the
    rings carry no numbers (ten companies' lines crossed "75" wherever it stood), the subtitle
    names them; the legend follows the ranking's order while each company keeps its colour."""
    build, args, kwargs = cases()["radar_figure"]
    fig = build(*args, **kwargs)
    alfa = next(tr for tr in fig["data"] if tr["name"] == "Alfa")
    assert alfa["customdata"] == ["Produktivitet: persentil 80 blant de nominerte", None,
                                  "Produktivitet: persentil 80 blant de nominerte"]
    assert "%{customdata}" in alfa["hovertemplate"] and "%{r" not in alfa["hovertemplate"]
    polar = fig["layout"]["polar"]
    assert polar["radialaxis"]["angle"] == 90 and polar["angularaxis"]["rotation"] == 0
    assert polar["radialaxis"]["tickvals"] == [25, 50, 75, 100] and polar["radialaxis"]["showticklabels"] is False
    assert fig["layout"]["title"]["subtitle"]["text"] == \
        "0 = svakest, 100 = sterkest blant de nominerte; ringene ved 25, 50, 75 og 100"
    pct, names, kpis, _, prize = args
    backwards = list(reversed(names))
    ranked = figures.radar_figure(pct, names, kpis, "nb", prize, backwards)
    assert [tr["legendrank"] for tr in ranked["data"]] == [len(names) - i for i in range(len(names))]
    assert [tr["line"]["color"] for tr in ranked["data"]] == [tr["line"]["color"] for tr in fig["data"]]
    english = figures.radar_figure(pct, names, kpis, "en", prize)
    assert next(tr for tr in english["data"] if tr["name"] == "Beta")["customdata"][0] == \
        "Productivity: percentile 35 among the nominees"


def test_a_small_multiples_heading_fits_above_its_column() -> None:
    """The H-value's unit ran past the chart's right edge ("…hours worke"). In the last of five
    columns a heading has the column (1110 px × 0.164 = 182 px) and the right margin (20 px): at
    10 px (5.8 px a character) 34 characters a line, so "lost-time injuries per million hours
    worked" (43) takes two lines; the figure grows by the extra line (14 px) in every row, the legend keeps
    clear of the taller headings, and the rows' gap holds a heading and the tick labels above it,
    printed too (790 px)."""
    from dashboard.kpis import KPIS

    multiples = pd.DataFrame({"org_nr": [ORG_A] * 2, "kpi": ["h_value"] * 2, "year": [2024, 2025],
                              "value": [3.0, 2.0], "change": [0.0, -1.0]})
    fig = figures.multiples_figure(multiples, {ORG_A: "Alfa"}, KPIS, "en", "change")
    layout = fig["layout"]
    h_index = [k.id for k in KPIS].index("h_value")
    assert h_index % 5 == 4  # the last column
    heading = [a for a in layout["annotations"] if a.get("name") != "note"][h_index]["text"]
    lines = re.sub(r"<[^>]+>", "\n", heading.replace("<br>", "\n")).split("\n")
    lines = [line for line in lines if line]
    assert lines == ["H-value", "lost-time injuries per million", "hours worked"]
    assert all(len(line) <= 34 for line in lines[1:])
    rows = 3
    assert layout["height"] == 240 * rows + 150 + figures.legend_height(["Alfa"], 1100) + 14 * rows
    tallest = 16 + 14 * 2 + 10
    assert round((1 - layout["legend"]["y"]) * layout["height"]) + 32 + tallest <= layout["margin"]["t"]
    top, bottom = 64 + 32 + tallest, 28 + 32 + 10
    gap = (layout["yaxis"]["domain"][0] - layout["yaxis6"]["domain"][1]) * (min(layout["height"], 790) - top - bottom)
    assert gap >= 24 + tallest


def test_benchmark_trend_without_a_published_median_says_so() -> None:
    """A peer group too small to show has no median: the chart is titled as the company's own
    figures and draws one line, not a promised median that is missing."""
    kpi = KPIS_BY_ID["productivity"]
    alone = figures.benchmark_trend_figure({2024: 900.0, 2025: 950.0}, {}, kpi, "en", "Acme AS")
    assert alone["layout"]["title"]["text"].startswith("Productivity: the company's own figures over time")
    assert [trace["name"] for trace in alone["data"]] == ["Acme AS"]
    both = figures.benchmark_trend_figure({2024: 900.0}, {2024: 850.0}, kpi, "en", "Acme AS")
    assert both["layout"]["title"]["text"].startswith("Productivity: the company against the peer median")
    assert [trace["name"] for trace in both["data"]] == ["Peer median", "Acme AS"]


def _axes(layout: dict) -> dict[str, dict]:
    """Every axis of a layout that shows numbers: x and y axes (xaxis2, ...) and a radar's radial axis."""
    axes = {k: v for k, v in layout.items() if re.fullmatch(r"[xy]axis\d*", k)}
    if "polar" in layout:
        axes["polar.radialaxis"] = layout["polar"]["radialaxis"]
    return axes


def test_every_axis_groups_thousands_as_the_bar_labels_do() -> None:
    """plotly.js writes a 4-digit tick as "3500" unless the axis says ``separatethousands``, while
    a bar's label on the same chart reads "3 565" / "3,565". Every axis shown by every builder
    groups thousands (a year axis keeps its "d" format, which plotly.js does not group)."""
    checked = 0
    for name, (build, args, kwargs) in cases().items():
        for axis_name, axis in _axes(build(*args, **kwargs)["layout"]).items():
            if axis.get("visible") is False:
                continue
            assert axis.get("separatethousands") is True, (name, axis_name)
            checked += 1
    assert checked >= 20


def test_a_percent_unit_follows_its_number_as_the_language_writes_it() -> None:
    """A share's hover reads "53.3% of production steps" in English and "53,3 % av
    produksjonstrinnene" in Norwegian; another unit stays one space away."""
    share = KPIS_BY_ID["automation_share"]
    years = pd.DataFrame({"year": [2024, 2025], "value": [50.0, 53.3], "companies": [30, 31]})
    for lang, expected in (("en", "%{y:,.1f}</b>% of production steps"),
                           ("nb", "%{y:,.1f}</b> % av produksjonstrinnene")):
        fig = figures.trend_figure({"selection": years}, share, lang, "all")
        assert expected in fig["data"][0]["hovertemplate"], lang
    fig = figures.trend_figure({"selection": years}, PROD, "en", "all")
    assert "%{y:,.0f}</b> NOK thousand per FTE" in fig["data"][0]["hovertemplate"]


def test_a_title_ends_left_of_the_chart_toolbar() -> None:
    """plotly.js's toolbar sits over a chart's top right corner; the benchmark's strip title ran
    under its camera at 1280 px. A page chart's title is broken into lines that end left of the
    toolbar where the chart is narrowest, and the top margin grows by the extra line."""
    for name, (build, args, kwargs) in cases().items():
        if name not in ROOMS:
            continue
        for a, kw in _in_both_languages(args, kwargs):
            layout = build(*a, **kw)["layout"]
            toolbar = figures.TOOLBAR_SMALL if "polar" in layout or name == "tile_map_figure" else figures.TOOLBAR
            room = ROOMS[name] - toolbar - figures.NOTE_INSET
            for line in layout["title"]["text"].split("<br>"):
                assert len(line) * 17 * figures.CHAR_EM <= room, (name, line)
    strips = figures.strips_figure(peer_rows(), "en")["layout"]
    assert strips["title"]["text"] == "Where the company stands on every<br>key figure"  # left of eight buttons
    subtitle_lines = strips["title"]["subtitle"]["text"].count("<br>") + 1
    assert strips["margin"]["t"] == figures.TITLE_BLOCK + figures.TITLE_LINE + figures.SUBTITLE_LINE * subtitle_lines


def test_radar_numbers_read_over_their_rings_and_labels_stand_off_the_rim() -> None:
    """The percentile ticks (25 … 100) get a white halo, so "75" reads over its ring and over a
    company's line; the KPI labels stand a tick's length off the rim, clear of a marker at 100;
    the benchmark radar's top label keeps clear of the subtitle."""
    for name in ("radar_figure", "benchmark_radar_figure"):
        build, args, kwargs = cases()[name]
        polar = build(*args, **kwargs)["layout"]["polar"]
        assert "#fff" in polar["radialaxis"]["tickfont"]["shadow"], name
        assert polar["radialaxis"]["tickvals"] == [25, 50, 75, 100]
        assert polar["angularaxis"]["ticks"] == "outside" and polar["angularaxis"]["ticklen"] >= 8, name
    radar = figures.benchmark_radar_figure(peer_rows(), "nb")["layout"]
    title_block = figures.TITLE_BLOCK + figures.TITLE_LINE * radar["title"]["text"].count("<br>") \
        + figures.SUBTITLE_LINE * (radar["title"]["subtitle"]["text"].count("<br>") + 1)
    assert radar["margin"]["t"] >= title_block + 18


def test_the_county_map_has_a_colour_key_with_its_unit() -> None:
    """The tiles keep their codes (a full name does not fit a tile at 1280 px), in 12 px text, and
    a legend names each colour's values, best first, with one-sided bounds so that no boundary is
    named twice, under the unit. Hand-computed: 900 … 1200 in six bands of 50."""
    fig = tile_map()
    tiles, keys = fig["data"][0], fig["data"][1:]
    assert tiles["textfont"]["size"] >= 12 and tiles["text"][0].startswith("<b>")
    assert [k["name"] for k in keys] == ["≥ 1\u00a0150", "≥ 1\u00a0100", "≥ 1\u00a0050", "≥ 1\u00a0000", "≥ 950", "< 950"]
    assert [k["marker"]["color"] for k in keys] == list(reversed(figures.SEQUENTIAL))
    assert set(tiles["marker"]["color"]) - {"#d9dee3"} <= {k["marker"]["color"] for k in keys}
    assert fig["layout"]["legend"]["title"]["text"].replace("<br>", " ") == PROD.unit("nb")
    # lower is better: the best colour goes with the lowest values
    df = pd.DataFrame({"member": ["03", "50"], "value": [2.0, 8.0], "companies": [12, 7]})
    low = figures.tile_map_figure(df, dimensions.counties().reset_index(drop=True), INTENSITY, "en", 2025, (), "all")
    assert [k["name"] for k in low["data"][1:]][::5] == ["≤ 3.0", "> 7.0"]


def test_a_median_line_is_called_a_median_in_the_note() -> None:
    """The company detail's sector line and the benchmark's peer line are medians of the companies'
    own figures (1 324 beside a group total of 1 339): their notes must not say that group figures
    are ratios of sums, as the other charts' notes do."""
    for name in ("company_history_figure", "benchmark_trend_figure"):
        build, args, kwargs = cases()[name]
        note = " ".join(a["text"] for a in build(*args, **kwargs)["layout"]["annotations"]).replace("<br>", " ")
        assert "median" in note and "forholdstall av summer" not in note and "ratios of sums" not in note, (name, note)
    build, args, kwargs = cases()["trend_figure"]
    assert "forholdstall av summer" in " ".join(a["text"] for a in build(*args, **kwargs)["layout"]["annotations"]).replace("<br>", " ")
