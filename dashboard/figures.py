"""Figure builders: DataFrame in, figure out. Pure: no data access, no shared state.

A figure is the plain dict that plotly.js draws (``{"data": [...], "layout": {...}}``). Building it
as a dict rather than through ``plotly.graph_objects`` keeps every callback fast: graph objects
validate each property in Python, which took 70 of a scatter callback's 100 ms at 100× data.
A builder returns a new figure and never changes what it was given: to change a figure, derive a
new one (``with_layout``, ``titled``, ``restyled``, ``themed``), copying only what changes.

The presentation's dark look is the plotly template "nsi_dark", registered here once.

Every chart carries a title that names the KPI, a subtitle with the unit and the selection, axes
with units, hover text with units, and a note under the plot with the definition and the source.
"""

from __future__ import annotations

import copy
import functools
import math
import re
import unicodedata

import pandas as pd
import plotly.io as pio

from dashboard.i18n import column, fmt_number, fmt_years, plotly_locale, plotly_separators, t, tn, with_unit
from dashboard.kpis import KPI, KPIS

Figure = dict
INK = "#1b2733"
MUTED = "#52606d"
PRIMARY = "#1f5f99"
GRID = "#e5e9ee"
# dcc.Graph config for every chart: no plotly logo, no cloud link, no lasso or box select.
# Every chart's configuration (every dcc.Graph takes it). Nothing offers to leave the machine:
# plotly.js 3 shows a "Share chart..." button (sendChartToCloud) unless showSendToCloud is false,
# and would upload the chart to plotlyServerURL; older builds had "Edit in Chart Studio" and a
# link to plotly. All of them off, the address blank, the logo (a link out) hidden. The PNG
# download (toImage) stays.
GRAPH_CONFIG = {
    "displaylogo": False,
    "showSendToCloud": False,
    "showEditInChartStudio": False,
    "showLink": False,
    "plotlyServerURL": "",
    "modeBarButtonsToRemove": ["sendChartToCloud", "sendDataToCloud", "editInChartStudio", "lasso2d", "select2d"],
}


def graph_config(lang: str, **changes: object) -> dict:
    """``GRAPH_CONFIG`` for a chart on a page in ``lang``: plotly.js's own texts (the toolbar, its
    date and hover texts) in that language; ``changes`` are set on top."""
    return {**GRAPH_CONFIG, "locale": plotly_locale(lang), **changes}

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
# separatethousands: plotly.js groups a 4-digit number ("3500") only when told to; a bar's label on
# the same chart reads "3 565" (nb) / "3,565" (en), so the ticks do too (an axis with a tickformat,
# the years' "d", is left as it is)
_AXIS = {"gridcolor": GRID, "linecolor": GRID, "zerolinecolor": "#c9d1da", "automargin": True,
         "separatethousands": True}

# Where a chart's texts go, in pixels, so that none sits on another at any chart size. The title
# and its subtitle are pinned to the top; a legend goes between them and the plot (``legend_above``);
# under the plot come the tick labels, the axis title and the note (``laid_out`` moves the note
# clear of what the x axis shows and sizes the bottom margin for it).
TITLE_BLOCK = 64  # padding, the title's line and the gap before the plot (or the legend)
SUBTITLE_LINE = 17
LEGEND_ROW = 20  # a row of a horizontal legend (12 px)
LEGEND_PAD = 12  # around a legend
TICK_BAND = 28  # an x axis's tick labels
AXIS_TITLE_BAND = 30  # an x axis's title under its tick labels
NOTE_LINE = 16
GAP = 10
NARROWEST = 420  # a plot's width in a half-width panel at 1280 px, less its margins

# How wide each chart is where it is narrowest: in its panel on a 1280 px screen (with a 15 px
# scrollbar; wider screens give more room, never less), in pixels. plotly.js wraps no text, so a
# chart's note and subtitle are broken into lines that fit this width (``chars``).
ROOM_HALF = 580  # half a chart grid: the explorer's trend and scatter, the benchmark's strips and radar
ROOM_MAP, ROOM_SECTORS = 480, 680  # the explorer's first row (5 : 7)
ROOM_FULL = 1180  # a full-width panel (compare, the benchmark's trend); compare prints at this width too
ROOM_MODAL = 1100  # the explorer's company detail (an extra-large modal)
ROOM_REPORT = 1000  # the benchmark report's charts (report.py), narrower than their full-width panel
# The explorer's scatter's height at 1280 px (02-app.css, .panel-scatter .chart-scatter): its title,
# a subtitle naming every sector, and a legend of every sector under it fit (``legend_beside``).
SCATTER_HEIGHT = 684
# A character's width in ems, on average over the words of a note: a little more than in the
# widest font the charts may get (DejaVu Sans, the Linux system-ui: about 0.52 em), so a line
# estimated to fit does fit.
CHAR_EM = 0.58
NOTE_INSET = 8  # the note's distance from the chart's left edge, as the title's
# The chart toolbar (plotly.js's modebar) sits over the top right corner, on the title's line: a
# chart with axes shows eight buttons (PNG, zoom, pan, zoom in and out, autoscale, reset, SVG), a
# radar or the tile map three at most (assets/plotly-download.js adds the SVG one). A title is
# broken into lines that end left of it (``base_layout``).
TOOLBAR, TOOLBAR_SMALL = 215, 95
TITLE_LINE = 22  # a title's second line (17 px)


def chars(room: float, size: float, bold: bool = False) -> int:
    """How many characters of a ``size`` px font fit on a line ``room`` px wide (bold ones are wider)."""
    return max(10, int(room / (size * (CHAR_EM + (0.06 if bold else 0)))))

# The presentation's look: dark, high contrast, fonts readable across a hall on a 1920 × 1080 screen.
SLIDE_FONT = 26  # chart font in px: matches 28 px body text on a 1920 × 1080 screen
SLIDE_INK, SLIDE_PAPER, SLIDE_MUTED, SLIDE_ACCENT = "#f5f7fa", "#0b1726", "#b8c4d2", "#ffd166"
# The switches too: plotly.js shows an axis line (and a category axis its grid) when a figure sets
# its colour, as the light layout does, but not when only a template does.
# An axis title is as large as the tick labels (the builders' 14 px is left out for it, see
# themed), and ticks group thousands as the bars' labels do: "3 500", "3,500" (a year axis keeps
# its tickformat "d", which groups nothing).
_SLIDE_AXIS = {"showline": True, "showgrid": True, "zeroline": True, "separatethousands": True,
               "gridcolor": "#2a3a4e", "linecolor": "#2a3a4e", "zerolinecolor": "#3a4e66",
               "tickfont": {"size": SLIDE_FONT - 4, "color": SLIDE_INK},
               "title": {"font": {"size": SLIDE_FONT - 4, "color": SLIDE_MUTED}}}
pio.templates["nsi_dark"] = {"layout": {
    "paper_bgcolor": SLIDE_PAPER, "plot_bgcolor": SLIDE_PAPER,
    "font": {"family": FONT, "size": SLIDE_FONT, "color": SLIDE_INK},
    # no padding above the title: a slide's top margin is the title's and the subtitle's
    "title": {"font": {"size": SLIDE_FONT + 6, "color": SLIDE_INK}, "pad": {"t": 10},
              "subtitle": {"font": {"size": SLIDE_FONT - 4, "color": SLIDE_MUTED}}},
    "xaxis": _SLIDE_AXIS, "yaxis": _SLIDE_AXIS,
}}


def base_layout(lang: str, title: str, note: str, subtitle: str = "", width: int | None = None,
                note_offset: int = 0, room: int = ROOM_HALF, note_room: int | None = None,
                toolbar: int = TOOLBAR) -> dict:
    """Layout shared by every chart: fonts, number separators of the language, title, subtitle
    (unit and selection) and a note under the plot (definition and source).

    ``room`` is the chart's width in pixels where it is narrowest (``ROOM_*``): the note and the
    subtitle are broken into lines that fit it, from the chart's left edge (``note_room``: the note
    gets less, where something stands beside it). ``width`` instead gives the characters a line
    holds (the slides, whose size is known). ``note_offset`` is how many pixels below the plot the
    note starts at least; ``laid_out`` moves it clear of the x axis's ticks and title. Margins grow
    with the number of lines, so nothing overlaps at any chart height. On a page (no ``width``) the
    title ends left of the chart's toolbar, ``toolbar`` pixels wide at the top right.
    """
    if not width:
        title = _wrap(title, chars(room - toolbar - NOTE_INSET, 17))
    subtitle = _wrap(subtitle, int(width * 0.85) if width else chars(room - 2 * NOTE_INSET, 13))
    note = _wrap(note, width or chars((note_room or room) - 2 * NOTE_INSET, 12))
    top = (TITLE_BLOCK + TITLE_LINE * title.count("<br>")
           + SUBTITLE_LINE * (subtitle.count("<br>") + 1 if subtitle else 0))
    bottom = note_offset + NOTE_LINE * (note.count("<br>") + 1) + GAP
    return {
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "font": {"family": FONT, "size": 14, "color": INK},
        "separators": plotly_separators(lang),
        # pinned to the top (plotly.js centres a title without a subtitle in the top margin, which
        # a legend above the plot makes taller)
        # (plotly.js centres a title of several lines on its first line's place: each extra line
        # lifts it by half a line, which the padding gives back)
        "title": {"text": title, "x": 0.01, "xanchor": "left", "font": {"size": 17},
                  "yref": "container", "y": 1, "yanchor": "top",
                  "pad": {"t": 16 + TITLE_LINE // 2 * title.count("<br>")},
                  "subtitle": {"text": subtitle, "font": {"size": 13, "color": MUTED}}},
        "margin": {"l": 70, "r": 24, "t": top, "b": bottom},
        "annotations": [
            {"name": "note", "text": note, "showarrow": False, "xref": "paper", "yref": "paper", "x": 0, "y": 0,
             "yshift": -note_offset, "xanchor": "left", "yanchor": "top", "align": "left",
             "font": {"size": 12, "color": MUTED}}
        ],
        "hoverlabel": {"font": {"family": FONT, "size": 14}},
        "xaxis": dict(_AXIS),
        "yaxis": dict(_AXIS),
    }


def _wrap(text: str, width: int = 110) -> str:
    """Break a long note into lines (plotly does not wrap annotations)."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "<br>".join([*lines, line])


def kpi_note(kpi: KPI, lang: str, extra: str = "", median: bool = False) -> str:
    """The note under a KPI chart: the catalogue's definition, anything extra, and the source, with
    how its group figures are made (ratios of sums, or, for a chart whose group line is a
    ``median``, the median of the companies' own figures)."""
    source = t("common.source.median" if median else "common.source", lang)
    return " ".join(p for p in (kpi.definition(lang), extra, source) if p)


def hover_number(kpi: KPI, field: str = "y") -> str:
    return f"%{{{field}:,.{kpi.decimals}f}}"


def hover_value(kpi: KPI, lang: str, field: str = "y", bold: bool = False) -> str:
    """A hover's number with its unit, as ``lang`` writes them ("2.8%", "2,8 %", "1 447 kr …")."""
    number = hover_number(kpi, field)
    return with_unit(f"<b>{number}</b>" if bold else number, kpi.unit(lang), lang)


def figure(data: list[dict], layout: dict, **axes: dict) -> Figure:
    """A figure from traces and a layout; ``axes`` (xaxis=..., yaxis=...) merge into the defaults
    (an axis title gets the font size that ``AXIS_TITLE_BAND`` is made for), and the note is laid
    out under them."""
    merged = {}
    for name, settings in axes.items():
        if isinstance(settings.get("title"), dict):  # a size that the axis-title band is made for
            settings = {**settings, "title": {"font": {"size": 14}, "standoff": 10, **settings["title"]}}
        merged[name] = {**layout.get(name, {}), **settings}
    return laid_out({"data": data, "layout": {**layout, **merged}})


def legend_rows(labels: list[str], room: int) -> int:
    """How many rows a horizontal legend of ``labels`` takes in a plot ``room`` pixels wide (plotly.js
    wraps a horizontal legend at the plot's width, in columns as wide as the widest entry). Errs
    towards a row too many: a gap is better than a legend on a title."""
    if not labels:
        return 0
    column = 30 + 7.8 * max(len(label) for label in labels)  # the line sample, the text (12 px), the gap
    per_row = max(1, int(room // column))
    return -(-len(labels) // per_row)


def legend_height(labels: list[str], room: int) -> int:
    rows = legend_rows(labels, room)
    return rows * LEGEND_ROW + LEGEND_PAD if rows else 0


# A vertical legend, in pixels: an entry is the larger of 16 px and its text's line, and 3 px
# (plotly.js, for a font of 12 px or less); the title (14 px) and the padding come on top.
LEGEND_ENTRY = 19
LEGEND_TITLE = 24


def legend_column(labels: list[str], title: str = "") -> tuple[int, int]:
    """The width and height in pixels of a vertical legend of ``labels`` (12 px) under ``title``,
    erring towards more: the line sample and the gaps, and the widest entry or the title."""
    width = 40 + 7.8 * max(len(label) for label in [*labels, title]) if labels else 0
    height = (LEGEND_TITLE if title else 0) + LEGEND_ENTRY * len(labels) + LEGEND_PAD
    return int(width), height if labels else 0


def legend_beside(layout: dict, labels: list[str], title: str) -> dict:
    """``layout`` with a vertical legend right of the plot, from the plot's top down, as tall as it
    needs to be (plotly.js would otherwise make it scroll at the plot's height, hiding entries):
    it may run into the bottom margin, beside the note, which the builder keeps narrower
    (``base_layout(note_room=...)``)."""
    _, height = legend_column(labels, title)
    return {**layout, "legend": {"title": {"text": title}, "font": {"size": 12}, "orientation": "v",
                                 "x": 1.02, "xanchor": "left", "y": 1, "yanchor": "top",
                                 "tracegroupgap": 0, "maxheight": height}}


def _legend() -> dict:
    """A horizontal legend, its groups (a company's lines in every subplot) one entry each."""
    return {"orientation": "h", "x": 0, "xanchor": "left", "font": {"size": 12}, "tracegroupgap": 0}


def legend_above(layout: dict, labels: list[str], room: int, clearance: int = 0) -> dict:
    """``layout`` with a horizontal legend of ``labels`` between the subtitle and the plot, and the
    top margin grown by its height, so it sits on neither. ``room`` is the plot's width in pixels
    where it is narrowest (its panel at 1280 px). ``clearance`` keeps that many pixels free between
    the legend and the plot (headings above subplots); it needs the layout's ``height``."""
    height = legend_height(labels, room)
    top = layout["margin"]["t"]
    legend = _legend()
    if clearance:  # from the top of the chart, in pixels of its known height
        legend |= {"yref": "container", "y": 1 - top / layout["height"], "yanchor": "top"}
    else:
        legend |= {"y": 1, "yanchor": "bottom"}
    return {**layout, "legend": legend, "margin": {**layout["margin"], "t": top + height + clearance}}


def legend_below(layout: dict) -> dict:
    """``layout`` with a horizontal legend right under the plot; ``laid_out`` puts the note under it."""
    return {**layout, "legend": _legend() | {"y": 0, "yanchor": "top"}}


def _under_plot(fig: Figure) -> int:
    """How many pixels under the plot what the x axis shows takes (the tick labels and the title),
    and a legend right under the plot (``legend_below``), drawn at its narrowest."""
    layout = fig["layout"]
    legend = layout.get("legend", {})
    below = 0
    if layout.get("showlegend") is not False and legend.get("orientation") == "h" and legend.get("y", 1) <= 0:
        names = [tr["name"] for tr in fig["data"] if tr.get("name") and tr.get("showlegend") is not False]
        below = legend_height(names, NARROWEST)
    if "polar" in layout:  # a radar's labels stay inside its domain (RADAR_DOMAIN)
        return below + GAP
    xaxis = layout.get("xaxis", {})
    if xaxis.get("visible") is False:
        return below + GAP
    titled = bool((xaxis.get("title") or {}).get("text"))
    return TICK_BAND + (AXIS_TITLE_BAND if titled else 0) + below + GAP


def laid_out(fig: Figure) -> Figure:
    """A new figure: ``fig`` with its note moved clear of the x axis's ticks and title (and never
    nearer the plot than its builder put it), and a bottom margin that holds the note's lines. The
    note starts at the chart's left edge, under the title (whatever the left margin), which is
    where ``base_layout`` measured its lines from."""
    layout = fig["layout"]
    note = next((a for a in layout.get("annotations", []) if a.get("name") == "note"), None)
    if note is None:
        return fig
    offset = max(-note.get("yshift", 0), _under_plot(fig))
    bottom = offset + NOTE_LINE * (note["text"].count("<br>") + 1) + GAP
    margin = {**layout["margin"], "b": max(layout["margin"].get("b", 0), bottom)}
    moved = {**note, "x": 0, "xshift": NOTE_INSET - margin.get("l", 0), "yshift": -offset}
    annotations = [moved if a is note else a for a in layout["annotations"]]
    return with_layout(fig, margin=margin, annotations=annotations)


# A radar's circle within its plot: room above and below for the labels at 12 and 6 o'clock.
RADAR_DOMAIN = {"x": [0, 1], "y": [0.08, 0.92]}
# A radar's percentile ticks (25, 50, 75, 100) sit where their rings cross the radial axis, and a
# company's line may run through them: a white halo cuts the ring and the lines behind the number
# (as a contour map labels its lines), so "75" reads over them.
RADAR_TICKS = {"range": [0, 100], "tickvals": [25, 50, 75, 100], "gridcolor": GRID, "separatethousands": True,
               "tickfont": {"size": 10, "color": MUTED,
                            "shadow": "0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff, 0 0 4px #fff"}}
# The KPI labels round the rim stand off it by a tick's length, clear of a marker at 100 (a
# marker's radius is 3-4 px; the labels sat on it).
RADAR_LABELS = {"gridcolor": GRID, "ticks": "outside", "ticklen": 9, "tickcolor": "rgba(0,0,0,0)",
                "tickfont": {"size": 11}}


def with_layout(fig: Figure, **changes: object) -> Figure:
    """A new figure: ``fig`` with these layout keys set anew (``None`` removes a key). Whatever is
    not changed is shared with ``fig``, not copied: nothing changes a figure once it is built."""
    layout = {**fig["layout"], **changes}
    return {**fig, "layout": {k: v for k, v in layout.items() if v is not None}}


def file_name(*parts: object) -> str:
    """A download's file name from what a chart shows ("produktivitet-vestland-2014-2025"): lower
    case ASCII, words joined by hyphens (æ, ø and å written ae, o, a)."""
    text = " ".join(str(p) for p in parts if p not in (None, "")).lower()
    text = text.replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:120] or "chart"


def named(fig: Figure, *parts: object) -> Figure:
    """``fig`` whose downloads (PNG and SVG, ``assets/plotly-download.js``) are named for ``parts``."""
    return with_layout(fig, meta={**fig.get("layout", {}).get("meta", {}), "filename": file_name(*parts)})


def titled(fig: Figure, text: str) -> Figure:
    """A new figure: ``fig`` with another title (an empty chart, which has none, gets one)."""
    return with_layout(fig, title={**fig["layout"].get("title", {}), "text": text})


def restyled(fig: Figure, **changes: object) -> Figure:
    """A new figure: ``fig`` with these keys set anew on every trace (not on animation frames)."""
    return {**fig, "data": [{**trace, **changes} for trace in fig["data"]]}


@functools.cache
def _template(name: str) -> dict:
    return pio.templates[name].to_plotly_json()


def themed(fig: Figure, name: str) -> Figure:
    """A new figure in the look of the registered plotly template ``name``.

    The figure carries the template as a dict: dcc.Graph hands the figure to plotly.js as it is,
    and plotly.js knows no template by plotly.py's name. A figure's own values win over its
    template's, so the builder's colours and fonts are left out where the template sets them (an
    axis template, ``xaxis``, covers every axis of its kind, as in plotly.js).
    """
    template = copy.deepcopy(_template(name))  # a copy per figure: no figure shares a dict with another
    look = template.get("layout", {})
    layout = {key: _without(value, look.get(re.sub(r"^([xy]axis)\d+$", r"\1", key)))
              for key, value in fig["layout"].items()}
    return {**fig, "layout": {**{k: v for k, v in layout.items() if v is not None}, "template": template}}


def _without(value: object, preset: object) -> object:
    """``value`` less the colours and fonts that ``preset`` (the template's value for the same
    property) sets; None if nothing is left. A switch (``zeroline``) the figure sets stays: it is
    what the chart shows, not how it looks."""
    if preset is None or isinstance(preset, bool):
        return value
    if isinstance(value, dict) and isinstance(preset, dict):
        kept = {k: _without(v, preset.get(k)) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v is not None} or None
    return None


def pending_figure(lang: str) -> Figure:
    """A chart still to be drawn (below the first screen, filled by its callback once the page is
    up): the white of the panel, no axes and no text; the page's spinner shows if it takes long."""
    return {"data": [], "layout": {"paper_bgcolor": "#ffffff", "plot_bgcolor": "#ffffff",
                                   "separators": plotly_separators(lang),
                                   "xaxis": {"visible": False}, "yaxis": {"visible": False}}}


def empty_figure(lang: str, message: str | None = None) -> Figure:
    """A blank chart that says why it is blank, instead of bare axes."""
    return {"data": [], "layout": {
        "paper_bgcolor": "#ffffff", "plot_bgcolor": "#ffffff",
        "font": {"family": FONT, "size": 14, "color": INK}, "separators": plotly_separators(lang),
        "xaxis": {"visible": False}, "yaxis": {"visible": False},
        "margin": {"l": 24, "r": 24, "t": 24, "b": 24},
        "annotations": [{"text": _wrap(message or t("chart.empty", lang), 60), "showarrow": False,
                         "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5,
                         "font": {"size": 16, "color": MUTED}}],
    }}


# Light to dark blue; a darker tile is always the better one (the scale flips for lower-is-better).
# The first three take dark text, the last three white text: both pairs pass WCAG AA (4.5:1).
SEQUENTIAL = ["#eef4fa", "#cfe1f2", "#a5c8e6", "#2f6fad", "#1f5f99", "#0b3a66"]


# The benchmark's percentile cells, worst quarter to top tenth (benchmark.PeerRow.quarter): orange
# below the median, blue above it, dark blue in the top quartile. (background, text): every pair
# passes WCAG AA (4.5:1; the lowest, white on #1f5f99, is 6.7:1).
QUARTER_COLOURS = {"q1": ("#f4b183", INK), "q2": ("#fbe0c8", INK), "q3": ("#d6e6f5", INK),
                   "top": ("#1f5f99", "#ffffff"), "top10": ("#0b3a66", "#ffffff")}


def _scale_index(fraction: float) -> int:
    return min(int(fraction * len(SEQUENTIAL)), len(SEQUENTIAL) - 1)


def _scale_colour(fraction: float) -> str:
    return SEQUENTIAL[_scale_index(fraction)]


def _text_colour(fraction: float) -> str:
    return "#ffffff" if _scale_index(fraction) >= 3 else INK


def scale_cell(fraction: float) -> tuple[str, str]:
    """A table cell's (background, text) colours for a value ``fraction`` (0–1) of the way up the
    sequential scale; every pair passes WCAG AA."""
    fraction = min(max(fraction, 0.0), 1.0)
    return _scale_colour(fraction), _text_colour(fraction)


def _values(series: pd.Series) -> list:
    """A column as a JSON-ready list, missing values as null."""
    return [None if pd.isna(v) else v for v in series.tolist()]


def tile_map_figure(df: pd.DataFrame, counties: pd.DataFrame, kpi: KPI, lang: str, year: int,
                    selected: tuple[str, ...], subtitle: str) -> Figure:
    """Norway's 15 counties as a tile grid (no base map to download), coloured by the KPI.

    ``df`` has member (county code), value and companies; ``counties`` the tile positions.
    """
    tiles = counties.merge(df, left_on="code", right_on="member", how="left")
    has = tiles["value"].notna()
    if not has.any():
        return empty_figure(lang, t("empty.selection", lang, selection=subtitle))
    lo, hi = tiles.loc[has, "value"].min(), tiles.loc[has, "value"].max()
    goodness = (tiles["value"] - lo) / ((hi - lo) or 1.0)
    if not kpi.higher_is_better:
        goodness = 1 - goodness
    unit = kpi.unit(lang)
    values = [fmt_number(v, lang, kpi.decimals) if pd.notna(v) else t("map.nodata", lang)
              for v in tiles["value"]]
    # a tile (46 px) holds its code and a number; a county without a figure shows a dash, which the
    # note explains, and its hover says "no data" without a unit
    shown = [with_unit(v, unit, lang) if pd.notna(x) else v for v, x in zip(values, tiles["value"])]
    tile_values = [v if pd.notna(x) else "–" for v, x in zip(values, tiles["value"])]
    companies = tiles["companies"].fillna(0).astype(int).tolist()
    trace = {
        "type": "scatter", "mode": "markers+text", "showlegend": False,
        "x": tiles["tile_col"].tolist(), "y": (-tiles["tile_row"]).tolist(),
        "marker": {
            "symbol": "square", "size": 46,
            "color": [_scale_colour(g) if pd.notna(g) else "#d9dee3" for g in goodness],
            "line": {"width": [4 if c in selected else 0 for c in tiles["code"]], "color": "#f0b400"},
        },
        "text": [f"<b>{a}</b><br>{v}" for a, v in zip(tiles["abbr"], tile_values)],
        "textfont": {"size": 12, "color": [_text_colour(g) if pd.notna(g) else INK for g in goodness]},
        # code, name, value as shown, companies, the companies in words ("1 bedrift"), and the value
        # with its unit ("ingen data" without)
        "customdata": [list(row) for row in zip(tiles["code"], tiles[column(lang, "name")], values, companies,
                                                [tn("count.companies", n, lang) for n in companies], shown)],
        "hovertemplate": "<b>%{customdata[1]}</b><br>%{customdata[5]}<br>%{customdata[4]}<extra></extra>",
    }
    missing = t("map.missing", lang) if not has.all() else ""
    layout = base_layout(lang, t("map.title", lang, kpi=kpi.label(lang), year=year),
                         kpi_note(kpi, lang, " ".join(p for p in (t("map.note", lang), missing) if p)),
                         f"{unit} · {subtitle}", room=ROOM_MAP, note_offset=8, toolbar=TOOLBAR_SMALL)
    layout["margin"].update(l=10, r=10)
    layout["dragmode"] = False
    # A county's full name does not fit a tile (its pitch is some 54 px at 1280 px, "Møre og
    # Romsdal" needs 90), so the tiles keep their codes, named in the hover, and a legend of the
    # colours, with the unit, fills the empty corner over the west coast (top left of the grid).
    # (one value everywhere: one key, in the colour the tiles get)
    bands = tile_scale(tiles.loc[has, "value"].tolist(), kpi.higher_is_better)
    named = _band_names(bands, kpi, lang) if hi > lo else [(_scale_colour(0.0), fmt_number(lo, lang, kpi.decimals))]
    keys = [{"type": "scatter", "x": [None], "y": [None], "mode": "markers", "name": name, "showlegend": True,
             "marker": {"symbol": "square", "size": 14, "color": colour, "line": {"width": 1, "color": "#c3ccd6"}},
             "hoverinfo": "skip"} for colour, name in named]
    layout["legend"] = {"x": 0, "y": 1, "xanchor": "left", "yanchor": "top", "bgcolor": "rgba(255,255,255,0)",
                        "title": {"text": _wrap(unit, 18), "font": {"size": 12, "color": MUTED}},
                        "font": {"size": 12}, "itemclick": False, "itemdoubleclick": False, "tracegroupgap": 0}
    return figure([trace, *keys], layout,
                  xaxis={"visible": False, "range": [-0.6, 4.6], "fixedrange": True},
                  yaxis={"visible": False, "range": [-7.6, 0.6], "fixedrange": True, "scaleanchor": "x"})


def sector_bar_figure(df: pd.DataFrame, sectors: pd.DataFrame, kpi: KPI, lang: str, year: int,
                      selected: tuple[int, ...], subtitle: str) -> Figure:
    """The KPI per sector as ranked horizontal bars, best at the top, in each sector's colour."""
    df = df.dropna(subset=["value"])
    if df.empty:
        return empty_figure(lang, t("empty.selection", lang, selection=subtitle))
    df = df.assign(code=df["member"].astype(int)).merge(sectors, on="code")
    df = df.sort_values("value", ascending=kpi.higher_is_better)  # plotly draws bottom-up
    unit = kpi.unit(lang)
    trace = {
        "type": "bar", "orientation": "h", "x": df["value"].tolist(), "y": df[column(lang, "short")].tolist(),
        "marker": {"color": df["colour"].tolist(),
                   "line": {"width": [3 if c in selected else 0 for c in df["code"]], "color": INK}},
        "text": [fmt_number(v, lang, kpi.decimals) for v in df["value"]], "textposition": "outside",
        "cliponaxis": False,
        "customdata": [[int(c), int(n), tn("count.companies", int(n), lang)]
                       for c, n in zip(df["code"], df["companies"])],
        "hovertemplate": f"<b>%{{y}}</b><br>{hover_value(kpi, lang, 'x')}<br>%{{customdata[2]}}<extra></extra>",
    }
    layout = base_layout(lang, t("sector.title", lang, kpi=kpi.label(lang), year=year),
                         kpi_note(kpi, lang, t("sector.note", lang)), f"{unit} · {subtitle}", room=ROOM_SECTORS)
    layout["margin"].update(l=150, r=60)
    layout.update(bargap=0.25, showlegend=False)
    return figure([trace], layout, xaxis={"title": {"text": unit}, "rangemode": "tozero"})


TREND_STYLES = {
    "selection": {"color": PRIMARY, "width": 3.5, "dash": "solid"},
    "all": {"color": "#6b7785", "width": 2.5, "dash": "dash"},
    "winners": {"color": "#b35c00", "width": 2.5, "dash": "dot"},
}


def trend_figure(series: dict[str, pd.DataFrame], kpi: KPI, lang: str, subtitle: str) -> Figure:
    """The KPI over the years: the selection against all companies and the winners' level.

    ``series`` maps "selection", "all" and "winners" to frames of year, value and companies;
    "all" is left out when the selection is all companies.
    """
    unit = kpi.unit(lang)
    traces, years = [], []
    for key, df in series.items():
        df = df.dropna(subset=["value"])
        if df.empty:
            continue
        years += df["year"].tolist()
        label = t(f"trend.{key}", lang)
        traces.append({
            "type": "scatter", "mode": "lines+markers", "name": label, "meta": key,
            "x": df["year"].tolist(), "y": df["value"].tolist(),
            "line": dict(TREND_STYLES[key]), "marker": {"size": 7},
            "customdata": [[int(n), tn("count.companies", int(n), lang)] for n in df["companies"]],
            "hovertemplate": f"{label} %{{x}}: {hover_value(kpi, lang, bold=True)}<br>%{{customdata[1]}}<extra></extra>",
        })
    if not any(tr["meta"] == "selection" for tr in traces):
        return empty_figure(lang, t("empty.selection", lang, selection=subtitle))
    first, last = min(years), max(years)
    layout = base_layout(lang, t("trend.title", lang, kpi=kpi.label(lang), years=fmt_years(first, last)),
                         kpi_note(kpi, lang, t("trend.note", lang)), f"{unit} · {subtitle}", room=ROOM_HALF)
    layout = legend_above(layout, [tr["name"] for tr in traces], 480) | {"hovermode": "x unified"}
    return figure(traces, layout,
                  xaxis={"dtick": 1, "tickformat": "d", "range": [first - 0.4, last + 0.4]},
                  yaxis={"title": {"text": unit}, "rangemode": "tozero"})


def scatter_figure(df: pd.DataFrame, sectors: pd.DataFrame, lang: str, year: int, subtitle: str,
                   productivity: KPI, intensity: KPI, capped_note: str = "") -> Figure:
    """Productivity against emissions intensity, one bubble per company: size FTE, colour sector."""
    df = df[(df["emissions_intensity"] > 0) & df["productivity"].notna()]
    if df.empty:
        return empty_figure(lang, t("empty.selection", lang, selection=subtitle))
    df = df.merge(sectors, left_on="sector", right_on="code")
    sizeref = 2.0 * df["fte"].max() / (38 ** 2)
    hover = (f"<b>%{{customdata[1]}}</b><br>{{label}}<br>"
             f"{productivity.label(lang)}: {hover_value(productivity, lang)}<br>"
             f"{intensity.label(lang)}: {hover_value(intensity, lang, 'x')}<br>"
             f"%{{customdata[2]}}<extra></extra>")
    traces = [
        {
            "type": "scatter", "mode": "markers", "name": label,
            # unrounded: the hover rounds them once, to each KPI's precision
            "x": group["emissions_intensity"].tolist(), "y": group["productivity"].tolist(),
            "marker": {"size": group["fte"].round(1).tolist(), "sizemode": "area", "sizeref": sizeref,
                       "sizemin": 4, "color": colour, "line": {"width": 1, "color": "#ffffff"},
                       "opacity": 0.85},
            "customdata": [[org, name, tn("count.fte", fte, lang)]
                           for org, name, fte in zip(group["org_nr"], group["name"], group["fte"])],
            "hovertemplate": hover.replace("{label}", label),
        }
        for (_, label, colour), group in df.groupby(["code", column(lang, "short"), "colour"], sort=True)
    ]
    note = " ".join(p for p in (t("scatter.note", lang), capped_note, t("common.source", lang)) if p)
    # every sector in the legend beside the plot, and the note left of it
    names, title = [tr["name"] for tr in traces], t("filter.sector", lang)
    beside, _ = legend_column(names, title)
    layout = base_layout(lang, t("scatter.title", lang, year=year), note, subtitle, room=ROOM_HALF,
                         note_room=ROOM_HALF - beside - GAP)
    layout = legend_beside(layout, names, title)
    return figure(traces, layout,
                  xaxis={"title": {"text": f"{intensity.label(lang)} ({intensity.unit(lang)})"},
                         "type": "log", "dtick": 1},
                  yaxis={"title": {"text": f"{productivity.label(lang)} ({productivity.unit(lang)})"}})


def company_history_figure(df: pd.DataFrame, kpi: KPI, lang: str, name: str) -> Figure:
    """One company's KPI over the years against its sector's median and interquartile range."""
    if df["value"].notna().sum() == 0:
        return empty_figure(lang)
    unit = kpi.unit(lang)
    years = df["year"].tolist()
    line = {"type": "scatter", "x": years}
    data = [
        line | {"y": _values(df["sector_q3"]), "mode": "lines", "line": {"width": 0},
                "hoverinfo": "skip", "showlegend": False},
        line | {"y": _values(df["sector_q1"]), "mode": "lines", "line": {"width": 0}, "fill": "tonexty",
                "fillcolor": "rgba(107,119,133,0.18)", "hoverinfo": "skip",
                "name": t("chart.middle_half", lang)},
        line | {"y": _values(df["sector_median"]), "mode": "lines", "name": t("company.sector_median", lang),
                "line": {"color": "#6b7785", "dash": "dash", "width": 2},
                "hovertemplate": f"%{{x}}: {hover_value(kpi, lang)}<extra></extra>"},
        line | {"y": _values(df["value"]), "mode": "lines+markers", "name": name,
                "line": {"color": PRIMARY, "width": 3},
                "hovertemplate": f"%{{x}}: {hover_value(kpi, lang, bold=True)}<extra></extra>"},
    ]
    layout = base_layout(lang, t("company.history", lang, kpi=kpi.label(lang)), kpi_note(kpi, lang, median=True), unit,
                         room=ROOM_MODAL)
    layout = legend_above(layout, [t("chart.middle_half", lang), t("company.sector_median", lang), name], 900)
    layout["hovermode"] = "x unified"
    return figure(data, layout, xaxis={"dtick": 1, "tickformat": "d"}, yaxis={"title": {"text": unit}})


# One colour per compared company, in the order they were picked (colour-blind-safe sets).
COMPANY_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
                   "#332288", "#882255", "#117733", "#999933"]


def multiples_figure(history: pd.DataFrame, names: dict[str, str], kpis: tuple[KPI, ...], lang: str,
                     view: str, order: list[str] | None = None) -> Figure:
    """Small multiples: one panel per KPI, one line per company over the years.

    ``history`` has org_nr, kpi, year, value and change; ``view`` "change" plots the change since
    each company's first reported year, "level" the value itself. Colours follow ``names``' order,
    the legend ``order`` (the ranking's; ``names``' order by default).
    """
    if history.empty:
        return empty_figure(lang, t("compare.empty", lang))
    cols, gap_x = 5, 0.045
    rows = -(-len(kpis) // cols)
    width = (1 - gap_x * (cols - 1)) / cols
    headings = _multiples_headings(kpis, lang, cols, width, gap_x)
    heading = max(h for _, h in headings)
    # the figure grows by a heading's extra lines in every row, and the gap between two rows holds
    # the upper row's tick labels and the lower row's heading even when printed (PRINT_HEIGHT)
    legend = legend_height(list(names.values()), 1100)
    total = 240 * rows + 150 + legend + (heading - MULTIPLES_HEADING) * rows
    top, bottom = TITLE_BLOCK + legend + heading, TICK_BAND + NOTE_LINE * 2 + GAP
    gap_y = max(0.12, (MULTIPLES_TICKS + heading) / (min(total, PRINT_HEIGHT) - top - bottom))
    height = (1 - gap_y * (rows - 1)) / rows
    column = "change" if view == "change" else "value"
    data, annotations, layout = [], [], {}
    colour = {org: COMPANY_COLOURS[i % len(COMPANY_COLOURS)] for i, org in enumerate(names)}
    rank = _legend_ranks(names, order)
    series = {key: frame for key, frame in history.groupby(["kpi", "org_nr"], sort=False)}
    for i, kpi in enumerate(kpis):
        r, c = divmod(i, cols)
        axis = "" if i == 0 else str(i + 1)
        x0, y1 = c * (width + gap_x), 1 - r * (height + gap_y)
        layout[f"xaxis{axis}"] = {**_AXIS, "domain": [x0, x0 + width], "anchor": f"y{axis}",
                                  "tickformat": "d", "nticks": 4, "tickfont": {"size": 10}}
        layout[f"yaxis{axis}"] = {**_AXIS, "domain": [y1 - height, y1], "anchor": f"x{axis}",
                                  "tickfont": {"size": 10}, "zeroline": view == "change"}
        annotations.append({"text": headings[i][0],
                            "x": x0, "y": y1, "xref": "paper", "yref": "paper", "xanchor": "left",
                            "yanchor": "bottom", "showarrow": False, "align": "left",
                            "font": {"size": 12}})
        for org, name in names.items():
            rows_ = series.get((kpi.id, org))
            if rows_ is None:
                continue
            data.append({
                "type": "scatter", "mode": "lines+markers", "name": name, "legendgroup": org,
                "legendrank": rank[org], "showlegend": org not in {d["legendgroup"] for d in data},
                # unrounded: the hover rounds the change once, to the KPI's precision
                "x": rows_["year"].tolist(), "y": _values(rows_[column]),
                "xaxis": f"x{axis}", "yaxis": f"y{axis}",
                "line": {"color": colour[org], "width": 2}, "marker": {"size": 4},
                "hovertemplate": f"{name} %{{x}}: {hover_value(kpi, lang)}<extra>{kpi.label(lang)}</extra>",
            })
    title = t("compare.multiples.change" if view == "change" else "compare.multiples.level", lang)
    base = base_layout(lang, title, t("compare.multiples.note", lang), width=160)
    base["annotations"] += annotations
    base.update(layout)
    base["margin"].update(l=50, r=20)
    # the height grows with the legend's rows, which sit above the first row's headings (KPI, unit)
    base["height"] = total
    base = legend_above(base, list(names.values()), 1100, clearance=heading)
    return laid_out({"data": data, "layout": base})


MULTIPLES_HEADING = 40  # a subplot's heading (KPI and unit) above it, on a line each
MULTIPLES_TICKS = 24  # a subplot's x tick labels (10 px) under it
PRINT_HEIGHT = 790  # the height dashboard.js draws a .print-fit chart at, at most, for A4 landscape


def _multiples_headings(kpis: tuple[KPI, ...], lang: str, cols: int, width: float,
                        gap_x: float) -> list[tuple[str, int]]:
    """Each small multiple's heading (the KPI in bold, its unit under it) in lines that fit above
    its plot, as text and its height in pixels. A heading may run into the gap to the next column;
    the last column's runs into the right margin (20 px) only."""
    plot = ROOM_FULL - 50 - 20  # the multiples' margins
    headings = []
    for i, kpi in enumerate(kpis):
        room = plot * width + (20 if i % cols == cols - 1 else plot * gap_x)
        label = _wrap(kpi.label(lang), chars(room, 12, bold=True)).split("<br>")
        unit = _wrap(kpi.unit(lang), chars(room, 10)).split("<br>")
        text = "<br>".join([*(f"<b>{line}</b>" for line in label),
                            *(f"<span style='font-size:10px'>{line}</span>" for line in unit)])
        headings.append((text, 16 * len(label) + 14 * len(unit) + GAP))
    return headings


def _legend_ranks(names: dict[str, str], order: list[str] | None) -> dict[str, int]:
    """Each company's place in a legend: as in ``order`` (the ranking's), the rest after it."""
    listed = [org for org in (order or []) if org in names] + [org for org in names if org not in (order or [])]
    return {org: i + 1 for i, org in enumerate(listed)}


def radar_figure(pct: pd.DataFrame, names: dict[str, str], kpis: tuple[KPI, ...], lang: str,
                 prize: str, order: list[str] | None = None) -> Figure:
    """Every KPI as a percentile among the year's nominees, one closed line per company; colours
    by ``names``' order, the legend in ``order``. The rings (25, 50, 75, 100) carry no numbers,
    which the company lines would cross wherever they stood; the subtitle names them."""
    if pct.empty:
        return empty_figure(lang, t("compare.empty", lang))
    labels = [k.label(lang) for k in kpis]
    table = pct.pivot_table(index="org_nr", columns="kpi", values="nominee_pct", aggfunc="first")
    data, rank = [], _legend_ranks(names, order)
    for i, (org, name) in enumerate(names.items()):
        values = [table.at[org, k.id] if org in table.index and k.id in table.columns
                  and pd.notna(table.at[org, k.id]) else None for k in kpis]
        # the hover says what the number is: "Produktivitet: persentil 79 blant de nominerte"
        said = [t("compare.radar.hover", lang, kpi=k.label(lang), pct=fmt_number(v, lang, 0)) if v is not None
                else None for k, v in zip(kpis, values)]
        data.append({
            "type": "scatterpolar", "name": name, "legendrank": rank[org],
            "r": values + values[:1], "theta": labels + labels[:1],
            "mode": "lines+markers", "connectgaps": False, "customdata": said + said[:1],
            "line": {"color": COMPANY_COLOURS[i % len(COMPANY_COLOURS)], "width": 2},
            "hovertemplate": f"{name}<br>%{{customdata}}<extra></extra>",
        })
    layout = base_layout(lang, t("compare.radar.title", lang),
                         t("compare.radar.note", lang, prize=t(f"prize.{prize}", lang).lower()),
                         t("compare.radar.subtitle", lang), room=ROOM_FULL, toolbar=TOOLBAR_SMALL)
    layout.pop("xaxis"), layout.pop("yaxis")
    # the first KPI points right and they run anticlockwise (plotly.js's default); the rings are
    # drawn without their numbers (ten companies' lines cross any place they could stand)
    layout["polar"] = {"domain": copy.deepcopy(RADAR_DOMAIN),
                       "radialaxis": copy.deepcopy(RADAR_TICKS) | {"angle": 180 / len(kpis), "showticklabels": False,
                                                                  "ticks": "", "showline": False},
                       "angularaxis": copy.deepcopy(RADAR_LABELS) | {"rotation": 0, "direction": "counterclockwise"}}
    layout = legend_above(layout, list(names.values()), 990)
    layout["margin"].update(l=90, r=90)
    return laid_out({"data": data, "layout": layout})


def strips_figure(rows: list, lang: str) -> Figure:
    """A percentile strip per KPI: the peer group's middle half and 10–90 % as bands, the median as
    a tick and the subject as a dot at its percentile. Only aggregates: no peer is drawn."""
    shown = [r for r in rows if not r.hidden and r.pct is not None]
    if not shown:
        return empty_figure(lang, t("benchmark.widen", lang))
    kpis = {k.id: k for k in KPIS}
    labels = [kpis[r.kpi].label(lang) for r in shown]
    unit = {r.kpi: kpis[r.kpi].unit(lang) for r in shown}

    def fmt(r, key: str) -> str:
        return fmt_number(getattr(r, key), lang, kpis[r.kpi].decimals)

    band = {"type": "bar", "orientation": "h", "y": labels, "hoverinfo": "skip", "showlegend": False}
    data = [
        band | {"base": [10] * len(shown), "x": [80] * len(shown), "marker": {"color": "#e3e8ee"},
                "name": t("chart.middle_80", lang)},
        band | {"base": [25] * len(shown), "x": [50] * len(shown), "marker": {"color": "#c3ccd6"},
                "name": t("chart.middle_half", lang)},
        {"type": "scatter", "mode": "markers", "x": [50] * len(shown), "y": labels, "name": t("benchmark.trend.median", lang),
         "marker": {"symbol": "line-ns-open", "size": 18, "color": INK, "line": {"width": 3, "color": INK}},
         "customdata": [[with_unit(fmt(r, "p50"), unit[r.kpi], lang)] for r in shown],
         "hovertemplate": f"{t('benchmark.trend.median', lang)}: %{{customdata[0]}}<extra></extra>"},
        {"type": "scatter", "mode": "markers+text", "x": [r.pct for r in shown], "y": labels,
         "name": t("benchmark.col.subject", lang), "text": [fmt(r, "value") for r in shown],
         "textposition": "top center", "textfont": {"size": 11, "color": PRIMARY},
         "marker": {"size": 14, "color": PRIMARY, "line": {"width": 2, "color": "#ffffff"}},
         # typed figures stand in a band between quartiles (for the public), never at a percentile
         "customdata": [[with_unit(f"<b>{fmt(r, 'value')}</b>", unit[r.kpi], lang),
                         t(f"benchmark.band.{r.band}", lang) if r.band else f"P{r.pct:.0f}"]
                        for r in shown],
         "hovertemplate": "%{y}: %{customdata[0]}<br>%{customdata[1]}<extra></extra>"},
    ]
    layout = base_layout(lang, t("benchmark.strip.title", lang), t("benchmark.strip.note", lang),
                         t("benchmark.strip.subtitle", lang), room=ROOM_HALF)
    layout.update(barmode="overlay", bargap=0.45, showlegend=False, height=90 + 38 * len(shown) + 120)
    layout["margin"].update(l=200, r=50)  # r: a value at the 100th percentile is written past the plot
    return figure(data, layout, xaxis={"range": [0, 100], "tickvals": [0, 10, 25, 50, 75, 90, 100],
                                       "title": {"text": t("benchmark.col.pct", lang)}},
                  yaxis={"autorange": "reversed"})


def benchmark_radar_figure(rows: list, lang: str) -> Figure:
    """The subject's percentile on every KPI against the median (50) and the top quartile (75).

    The first KPI points up and they run clockwise; long labels are broken into lines so none runs
    past the side margins, and the legend sits under the plot, below the lowest label."""
    shown = [r for r in rows if not r.hidden and r.pct is not None]
    if not shown:
        return empty_figure(lang, t("benchmark.widen", lang))
    kpis = {k.id: k for k in KPIS}
    theta = [_wrap(kpis[r.kpi].label(lang), 16) for r in shown]
    closed = theta + theta[:1]
    data = [
        {"type": "scatterpolar", "r": [75] * len(closed), "theta": closed, "mode": "lines",
         "name": t("benchmark.radar.top", lang), "line": {"color": "#b35c00", "dash": "dot"}, "hoverinfo": "skip"},
        {"type": "scatterpolar", "r": [50] * len(closed), "theta": closed, "mode": "lines",
         "name": t("benchmark.radar.median", lang), "line": {"color": "#6b7785", "dash": "dash"}, "hoverinfo": "skip"},
        {"type": "scatterpolar", "r": [r.pct for r in shown] + [shown[0].pct], "theta": closed,
         "mode": "lines+markers", "name": t("benchmark.col.subject", lang), "fill": "toself",
         "fillcolor": "rgba(31,95,153,0.15)", "line": {"color": PRIMARY, "width": 2.5},
         "customdata": [[kpis[r.kpi].label(lang), t(f"benchmark.band.{r.band}", lang) if r.band else f"P{r.pct:.0f}"]
                        for r in [*shown, shown[0]]],
         "hovertemplate": "%{customdata[0]}: %{customdata[1]}<extra></extra>"},
    ]
    layout = base_layout(lang, t("benchmark.radar.title", lang), t("benchmark.radar.note", lang),
                         t("benchmark.radar.subtitle", lang), room=ROOM_HALF, note_offset=44, toolbar=TOOLBAR_SMALL)
    layout.pop("xaxis"), layout.pop("yaxis")
    layout["polar"] = {"domain": {"x": [0, 1], "y": [0.1, 1]},
                       # the percentile ticks between the first two spokes, clear of the top label
                       "radialaxis": copy.deepcopy(RADAR_TICKS) | {"angle": 90 - 180 / len(shown)},
                       "angularaxis": copy.deepcopy(RADAR_LABELS) | {"rotation": 90, "direction": "clockwise"}}
    layout = legend_below(layout)
    # t: the label at 12 o'clock stands above the circle, clear of the subtitle
    layout["margin"].update(l=110, r=110, t=layout["margin"]["t"] + 18)
    return laid_out({"data": data, "layout": layout})


def benchmark_trend_figure(own: dict[int, float], medians: dict[int, float], kpi: KPI, lang: str,
                           name: str) -> Figure:
    """The subject's KPI over the years against the peer group's median of each year."""
    if not own and not medians:
        return empty_figure(lang, t("benchmark.widen", lang))
    unit = kpi.unit(lang)
    median = {"type": "scatter", "mode": "lines+markers", "name": t("benchmark.trend.median", lang),
              "x": sorted(medians), "y": [medians[y] for y in sorted(medians)],
              "line": {"color": "#6b7785", "dash": "dash", "width": 2.5},
              "hovertemplate": f"%{{x}}: {hover_value(kpi, lang)}<extra>{t('benchmark.trend.median', lang)}</extra>"}
    data = [*([median] if medians else []),  # a group too small to show has no median to draw
            {"type": "scatter", "mode": "lines+markers", "name": name, "x": sorted(own), "y": [own[y] for y in sorted(own)],
             "line": {"color": PRIMARY, "width": 3}, "marker": {"size": 8},
             "hovertemplate": f"%{{x}}: {hover_value(kpi, lang, bold=True)}<extra></extra>"}]
    title = t("benchmark.trend.title" if medians else "benchmark.trend.title.own", lang, kpi=kpi.label(lang))
    layout = base_layout(lang, title, kpi_note(kpi, lang, median=bool(medians)), unit, room=ROOM_REPORT)
    layout = legend_above(layout, [trace["name"] for trace in data], 1000) | {"hovermode": "x unified"}
    return figure(data, layout, xaxis={"dtick": 1, "tickformat": "d"}, yaxis={"title": {"text": unit}})



def tiles_as_shapes(fig: Figure, font: int, full_names: bool = False, stretch: float = 1.0,
                    outlined: tuple[str, ...] = ()) -> Figure:
    """The tile map with tiles drawn as shapes in data units, so they grow with the screen
    (markers have a fixed size in pixels). For the presentation, where nothing is clicked.

    ``full_names`` writes each county's name over its value instead of the three-letter code; ``stretch`` widens the tiles (and the grid) by that factor, so a name
    fits; the counties in ``outlined`` (codes) get an outline in the slides' accent colour."""
    if not fig["data"]:
        return with_layout(fig)
    tiles = fig["data"][0]
    xs = [x * stretch for x in tiles["x"]]
    if full_names:  # customdata: code, name, value as shown, ...; a long name a little smaller, to fit its tile
        texts = [f"<span style='font-size:{0.72 if len(c[1]) <= 12 else 0.58}em'><b>{c[1]}</b></span><br>{c[2]}"
                 for c in tiles["customdata"]]
    else:
        texts = tiles["text"]
    codes = [c[0] for c in tiles["customdata"]]
    shapes = [{"type": "rect", "x0": x - 0.46 * stretch, "x1": x + 0.46 * stretch, "y0": y - 0.46, "y1": y + 0.46,
               "fillcolor": colour, "layer": "below", "line": {"width": 0}}
              for x, y, colour in zip(xs, tiles["y"], tiles["marker"]["color"])]
    # an outline inside its tile (a line is drawn centred on its edge), so two outlined neighbours
    # keep the gap between them
    shapes += [{"type": "rect", "x0": x - 0.42 * stretch, "x1": x + 0.42 * stretch, "y0": y - 0.42, "y1": y + 0.42,
                "layer": "below", "line": {"width": 4, "color": SLIDE_ACCENT}}
               for x, y, code in zip(xs, tiles["y"], codes) if code in outlined]
    labels = [{"x": x, "y": y, "xref": "x", "yref": "y", "text": text, "showarrow": False,
               "font": {"size": font, "color": colour}}
              for x, y, text, colour in zip(xs, tiles["y"], texts, tiles["textfont"]["color"])]
    hover_only = {"type": "scatter", "x": xs, "y": list(tiles["y"]), "mode": "markers",
                  "marker": {"opacity": 0}, "hoverinfo": "skip", "showlegend": False}
    layout = fig["layout"]
    xaxis = {**layout["xaxis"], "range": [v * stretch for v in layout["xaxis"]["range"]]}
    return with_layout({**fig, "data": [hover_only]}, shapes=shapes, xaxis=xaxis,
                       annotations=[*layout.get("annotations", []), *labels])


def _band_names(bands: list[tuple[str, float, float]], kpi: KPI, lang: str) -> list[tuple[str, str]]:
    """The tile map's legend, best first: each colour with the values it stands for, as one-sided
    bounds so no boundary is named twice ("≥ 1 700" … "< 1 067" where higher is better, "≤ 12" …
    "> 40" where lower is)."""
    def num(v: float) -> str:
        return fmt_number(v, lang, kpi.decimals)
    if kpi.higher_is_better:
        return [(c, f"≥ {num(a)}") for c, a, _ in bands[:-1]] + [(bands[-1][0], f"< {num(bands[-1][2])}")]
    return [(c, f"≤ {num(b)}") for c, _, b in bands[:-1]] + [(bands[-1][0], f"> {num(bands[-1][1])}")]


def tile_scale(values: list[float], higher_is_better: bool) -> list[tuple[str, float, float]]:
    """The tile map's colour scale as (colour, from, to) bands of the values, best first: the
    colours ``tile_map_figure`` gives, for a legend."""
    lo, hi = min(values), max(values)
    span = (hi - lo) or 1.0
    n = len(SEQUENTIAL)
    bands = []
    for i in reversed(range(n)):
        a, b = (lo + span * i / n, lo + span * (i + 1) / n) if higher_is_better else \
            (hi - span * (i + 1) / n, hi - span * i / n)
        bands.append((SEQUENTIAL[i], a, b))
    return bands


# How far below the scatter's plot its year slider and play button start (px at 1920 × 1080): under
# the x axis's tick labels and title, with a gap, so the title does not read as the slider's label.
SLIDER_BELOW = 112

# The scatter's plot area on a 1920 × 1080 slide, in pixels (at 1280 × 720 fonts, margins and plot
# shrink together, so what fits here fits there): where labels are placed without overlapping.
_SCATTER_PLOT = (1580, 560)


def _label_boxes(points: list[tuple[str, float, float, float]], names: dict[str, str], size: int,
                 reserved: list[tuple[float, float, float, float]], limit: int) -> dict[str, str]:
    """Which bubbles get a label and where ("top center" or "bottom center"): ``points`` are
    (id, x, y, radius) in pixels of the plot area (y down), in the order of preference. A label
    goes where its box overlaps no other label, no bubble and no ``reserved`` box, at most ``limit``
    of them: in a crowd, none."""
    placed = [*reserved, *((x - r, y - r, x + r, y + r) for _, x, y, r in points)]
    chosen: dict[str, str] = {}
    for key, x, y, r in points:
        if len(chosen) >= limit:
            break
        w, h = len(names[key]) * 0.56 * size + 8, 1.3 * size
        for position, top in (("top center", y - r - 2 - h), ("bottom center", y + r + 2)):
            box = (x - w / 2, top, x + w / 2, top + h)
            if box[0] < 0 or box[2] > _SCATTER_PLOT[0] or box[1] < 0 or box[3] > _SCATTER_PLOT[1]:
                continue
            if all(box[2] <= b[0] or box[0] >= b[2] or box[3] <= b[1] or box[1] >= b[3] for b in placed):
                placed.append(box)
                chosen[key] = position
                break
    return chosen


def animated_sectors_figure(df: pd.DataFrame, sectors: pd.DataFrame, lang: str, title: str, note: str,
                            font: int, labels: int = 10) -> Figure:
    """Productivity against emissions intensity per sector, one frame per year, with a play
    button and a year slider. ``df`` has sector, year, fte, productivity, emissions_intensity.

    At most ``labels`` bubbles per year are named (the largest sectors first, where a name fits
    without touching another name or bubble); the better corner is marked (more value up, less emissions left);
    and a sector not shown in a year (a row without all three figures: not published; or shown in
    another year only) is named in that year's note rather than vanishing without a word."""
    name_col = column(lang, "short")
    names = {str(c): n for c, n in zip(sectors["code"], sectors[name_col])}
    figures_ = ["fte", "productivity", "emissions_intensity"]
    unpublished = df[df[figures_].isna().any(axis=1)]
    df = df[df[figures_].notna().all(axis=1) & (df["emissions_intensity"] > 0)]
    if df.empty:
        return empty_figure(lang)
    df = df.merge(sectors, left_on="sector", right_on="code")
    years = sorted(df["year"].unique().tolist())
    sizeref = 2.0 * df["fte"].max() / (70 ** 2)
    # the largest sectors (by their FTE in the last year each is shown) are named first
    latest = df.sort_values("year").groupby("code").last()
    preference = [str(c) for c in latest.sort_values(["fte", name_col], ascending=[False, True]).index]
    x_lo, x_hi = df["emissions_intensity"].min(), df["emissions_intensity"].max()
    x_range = [math.log10(x_lo) - 0.2, math.log10(x_hi) + 0.2]
    y_hi = df["productivity"].max()
    y_range = [0, y_hi * 1.12]
    label_size = font - 4
    width, height = _SCATTER_PLOT
    # the corner marks (top left, bottom left) and the note (bottom right) keep their place free
    reserved = [(0, 0, 24 * label_size * 0.56, 1.6 * label_size),
                (0, height - 1.6 * label_size, 30 * label_size * 0.56, height),
                (width * 0.55, height - 3 * (font - 6) * 1.3, width, height)]
    hover = (f"%{{customdata}}<br>%{{y:,.0f}} {_kpi('productivity').unit(lang)}<br>"
             f"%{{x:,.1f}} {_kpi('emissions_intensity').unit(lang)}<extra></extra>")

    def pixels(x: float, y: float) -> tuple[float, float]:
        return ((math.log10(x) - x_range[0]) / (x_range[1] - x_range[0]) * width,
                (1 - (y - y_range[0]) / (y_range[1] - y_range[0])) * height)

    def frame_data(year: int) -> list[dict]:
        d = df[df["year"] == year]
        keys = d["code"].astype(str).tolist()
        # a bubble's radius in pixels, as plotly.js draws it (sizemode "area": sqrt(size / 2 / sizeref))
        where = {k: (*pixels(x, y), max(math.sqrt(f / 2 / sizeref), 8))
                 for k, x, y, f in zip(keys, d["emissions_intensity"], d["productivity"], d["fte"])}
        named = _label_boxes([(k, *where[k]) for k in preference if k in where], names, label_size, reserved, labels)
        hidden = {str(int(c)) for c in unpublished.loc[unpublished["year"] == year, "sector"]}
        missing = sorted({names[k] for k in [*preference, *hidden] if k not in where and k in names})
        bubbles = {"type": "scatter", "mode": "markers+text", "ids": keys,
                   "x": d["emissions_intensity"].tolist(), "y": d["productivity"].round(0).tolist(),
                   # " ", not "": plotly.js drops the text element of an empty label and an
                   # animation does not bring it back when a later frame names that bubble
                   "text": [names[k] if k in named else " " for k in keys],
                   "textposition": [named.get(k, "top center") for k in keys],
                   "textfont": {"size": label_size}, "customdata": [names[k] for k in keys],
                   "marker": {"size": d["fte"].tolist(), "sizemode": "area", "sizeref": sizeref, "sizemin": 8,
                              "color": d["colour"].tolist(), "line": {"width": 1, "color": "#ffffff"}},
                   "hovertemplate": hover}
        gone = {"type": "scatter", "mode": "text", "ids": ["missing"], "hoverinfo": "skip",
                "x": [10 ** (x_range[1] - 0.02)], "y": [y_range[1] * 0.02], "textposition": "top left",
                "text": [_wrap(t("present.scatter.missing", lang, year=year, sectors=", ".join(missing)), 48)
                         if missing else " "],
                "textfont": {"size": font - 6, "color": SLIDE_MUTED}}
        return [bubbles, gone]

    layout = base_layout(lang, title, note, width=120, note_offset=70)
    layout["showlegend"] = False
    layout["sliders"] = [{
        "active": len(years) - 1, "x": 0.08, "len": 0.9, "y": 0, "yanchor": "top", "pad": {"t": SLIDER_BELOW},
        "currentvalue": {"prefix": "", "xanchor": "right", "font": {"size": font + 8}}, "font": {"size": font - 8},
        "steps": [{"label": str(y), "method": "animate",
                   "args": [[str(y)], {"mode": "immediate", "frame": {"duration": 600, "redraw": False},
                                       "transition": {"duration": 500}}]} for y in years],
    }]
    layout["updatemenus"] = [{
        "type": "buttons", "showactive": False, "x": 0, "y": 0, "xanchor": "left", "yanchor": "top",
        "pad": {"t": SLIDER_BELOW + 8}, "font": {"size": font - 8, "color": SLIDE_PAPER},
        "bgcolor": SLIDE_ACCENT, "bordercolor": SLIDE_ACCENT,
        "buttons": [{"label": "▶", "method": "animate",
                     "args": [None, {"frame": {"duration": 900, "redraw": False}, "fromcurrent": False,
                                     "transition": {"duration": 600}}]}],
    }]
    layout["margin"].update(b=layout["margin"]["b"] + 110, l=120)
    layout["annotations"][0]["yshift"] = -170
    # which way is better, in the plot's corners (in the plot's own coordinates, so they stay put)
    layout["annotations"] += [
        {"text": t(key, lang), "xref": "x domain", "yref": "y domain", "x": 0.005, "y": y, "xanchor": "left",
         "yanchor": anchor, "showarrow": False, "font": {"size": label_size, "color": SLIDE_ACCENT}}
        for key, y, anchor in (("present.scatter.up", 1, "top"), ("present.scatter.left", 0, "bottom"))]
    return {
        "data": frame_data(years[-1]),
        "frames": [{"name": str(y), "data": frame_data(y)} for y in years],
        "layout": {**layout,
                   "xaxis": {**_AXIS, "type": "log", "dtick": 1, "range": x_range,
                             "title": {"text": f"{_kpi('emissions_intensity').label(lang)} ({_kpi('emissions_intensity').unit(lang)})",
                                       "standoff": 8}},
                   "yaxis": {**_AXIS, "range": y_range,
                             "title": {"text": f"{_kpi('productivity').label(lang)} ({_kpi('productivity').unit(lang)})"}}},
    }


def _kpi(kpi_id: str) -> KPI:
    return next(k for k in KPIS if k.id == kpi_id)
