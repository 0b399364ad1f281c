"""Figure builders: DataFrame in, ``go.Figure`` out. Pure: no data access, no shared state.

Every chart carries a title that names the KPI and the selection, an axis with the unit, hover text
with units, and a note under the plot with the definition and the source.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.i18n import fmt_number, plotly_separators, t
from dashboard.kpis import KPI

INK = "#1b2733"
MUTED = "#52606d"
PRIMARY = "#1f5f99"
# dcc.Graph config for every chart: no plotly logo, no cloud link, no lasso or box select.
GRAPH_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["sendDataToCloud", "lasso2d", "select2d"]}
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"


def base_layout(lang: str, title: str, note: str, subtitle: str = "", width: int = 100) -> dict:
    """Layout shared by every chart: fonts, number separators of the language, title, subtitle
    (unit and selection) and a note under the plot (definition and source). ``width`` is how many
    characters fit on a line of the note and subtitle in the chart's panel."""
    subtitle = _wrap(subtitle, int(width * 0.85))
    top = 70 + 16 * subtitle.count("<br>")
    return dict(
        template="plotly_white",
        font=dict(family=FONT, size=14, color=INK),
        separators=plotly_separators(lang),
        title=dict(text=title, x=0.01, xanchor="left", font=dict(size=17),
                   subtitle=dict(text=subtitle, font=dict(size=13, color=MUTED))),
        margin=dict(l=70, r=24, t=top + 8, b=110),
        annotations=[
            dict(text=_wrap(note, width), showarrow=False, xref="paper", yref="paper", x=0, y=-0.16,
                 xanchor="left", yanchor="top", align="left", font=dict(size=12, color=MUTED))
        ],
        hoverlabel=dict(font=dict(family=FONT, size=14)),
    )


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


def kpi_note(kpi: KPI, lang: str, extra: str = "") -> str:
    """The note under a KPI chart: the catalogue's definition, anything extra, and the source."""
    return " ".join(p for p in (kpi.definition(lang), extra, t("common.source", lang)) if p)


def hover_number(kpi: KPI, field: str = "y") -> str:
    return f"%{{{field}:,.{kpi.decimals}f}}"


def empty_figure(lang: str, message: str | None = None) -> go.Figure:
    """A blank chart that says why it is blank, instead of bare axes."""
    fig = go.Figure()
    fig.update_layout(
        template="plotly_white",
        font=dict(family=FONT, size=14, color=INK),
        xaxis=dict(visible=False),
        yaxis=dict(visible=False),
        margin=dict(l=24, r=24, t=24, b=24),
        annotations=[dict(text=message or t("chart.empty", lang), showarrow=False, xref="paper",
                          yref="paper", x=0.5, y=0.5, font=dict(size=16, color=MUTED))],
    )
    return fig


# Light to dark blue; a darker tile is always the better one (the scale flips for lower-is-better).
# The first three take dark text, the last three white text: both pairs pass WCAG AA (4.5:1).
SEQUENTIAL = ["#eef4fa", "#cfe1f2", "#a5c8e6", "#2f6fad", "#1f5f99", "#0b3a66"]


def _scale_index(fraction: float) -> int:
    return min(int(fraction * len(SEQUENTIAL)), len(SEQUENTIAL) - 1)


def _scale_colour(fraction: float) -> str:
    return SEQUENTIAL[_scale_index(fraction)]


def _text_colour(fraction: float) -> str:
    return "#ffffff" if _scale_index(fraction) >= 3 else INK


def tile_map_figure(df: pd.DataFrame, counties: pd.DataFrame, kpi: KPI, lang: str, year: int,
                    selected: tuple[str, ...], subtitle: str) -> go.Figure:
    """Norway's 15 counties as a tile grid (no base map to download), coloured by the KPI.

    ``df`` has member (county code), value and companies; ``counties`` the tile positions.
    """
    tiles = counties.merge(df, left_on="code", right_on="member", how="left")
    has = tiles["value"].notna()
    if not has.any():
        return empty_figure(lang, t("empty.selection", lang, selection=subtitle))
    lo, hi = tiles.loc[has, "value"].min(), tiles.loc[has, "value"].max()
    span = (hi - lo) or 1.0
    goodness = (tiles["value"] - lo) / span
    if not kpi.higher_is_better:
        goodness = 1 - goodness
    name_col = "name_en" if lang == "en" else "name_nb"
    unit = kpi.unit(lang)
    values = [fmt_number(v, lang, kpi.decimals) if pd.notna(v) else t("map.nodata", lang)
              for v in tiles["value"]]
    fig = go.Figure()
    fig.add_trace(go.Scatter(
        x=tiles["tile_col"], y=-tiles["tile_row"], mode="markers+text",
        marker=dict(
            symbol="square", size=46,
            color=[_scale_colour(g) if pd.notna(g) else "#d9dee3" for g in goodness],
            line=dict(width=[4 if c in selected else 0 for c in tiles["code"]], color="#f0b400"),
        ),
        text=[f"<b>{a}</b><br>{v}" for a, v in zip(tiles["abbr"], values)],
        textfont=dict(size=11, color=[_text_colour(g) if pd.notna(g) else INK for g in goodness]),
        customdata=list(zip(tiles["code"], tiles[name_col], values, tiles["companies"].fillna(0).astype(int))),
        hovertemplate=(f"<b>%{{customdata[1]}}</b><br>%{{customdata[2]}} {unit}<br>"
                       f"%{{customdata[3]}} {t('common.companies', lang)}<extra></extra>"),
        showlegend=False,
    ))
    layout = base_layout(lang, t("map.title", lang, kpi=kpi.label(lang), year=year),
                         kpi_note(kpi, lang, t("map.note", lang)), f"{unit} · {subtitle}", width=72)
    layout["margin"].update(l=10, r=10, b=90)
    layout["annotations"][0]["y"] = -0.02
    fig.update_layout(
        **layout,
        xaxis=dict(visible=False, range=[-0.6, 4.6], fixedrange=True),
        yaxis=dict(visible=False, range=[-7.6, 0.6], fixedrange=True, scaleanchor="x"),
        dragmode=False,
    )
    return fig


def sector_bar_figure(df: pd.DataFrame, sectors: pd.DataFrame, kpi: KPI, lang: str, year: int,
                      selected: tuple[int, ...], subtitle: str) -> go.Figure:
    """The KPI per sector as ranked horizontal bars, best at the top, in each sector's colour."""
    df = df.dropna(subset=["value"])
    if df.empty:
        return empty_figure(lang, t("empty.selection", lang, selection=subtitle))
    df = df.assign(code=df["member"].astype(int)).merge(sectors, on="code")
    df = df.sort_values("value", ascending=kpi.higher_is_better)  # plotly draws bottom-up
    name_col = "short_en" if lang == "en" else "short_nb"
    unit = kpi.unit(lang)
    fig = go.Figure(go.Bar(
        x=df["value"], y=df[name_col], orientation="h",
        marker=dict(color=df["colour"],
                    line=dict(width=[3 if c in selected else 0 for c in df["code"]], color=INK)),
        text=[fmt_number(v, lang, kpi.decimals) for v in df["value"]], textposition="outside",
        cliponaxis=False,
        customdata=list(zip(df["code"], df["companies"])),
        hovertemplate=(f"<b>%{{y}}</b><br>{hover_number(kpi, 'x')} {unit}<br>"
                       f"%{{customdata[1]}} {t('common.companies', lang)}<extra></extra>"),
    ))
    layout = base_layout(lang, t("sector.title", lang, kpi=kpi.label(lang), year=year),
                         kpi_note(kpi, lang, t("sector.note", lang)), f"{unit} · {subtitle}", width=95)
    layout["margin"].update(l=150, r=60, b=120)
    layout["annotations"][0].update(x=-0.3, y=-0.1)
    fig.update_layout(**layout, xaxis=dict(title=unit, rangemode="tozero"),
                      yaxis=dict(automargin=True), bargap=0.25, showlegend=False)
    return fig


def trend_figure(series: dict[str, pd.DataFrame], kpi: KPI, lang: str, subtitle: str) -> go.Figure:
    """The KPI over the years: the selection against all companies and the winners' level.

    ``series`` maps "selection", "all" and "winners" to frames of year, value and companies;
    "all" is left out when the selection is all companies.
    """
    styles = {
        "selection": dict(color=PRIMARY, width=3.5, dash="solid"),
        "all": dict(color="#6b7785", width=2.5, dash="dash"),
        "winners": dict(color="#b35c00", width=2.5, dash="dot"),
    }
    unit = kpi.unit(lang)
    fig = go.Figure()
    years: list[int] = []
    drawn: set[str] = set()
    for key, df in series.items():
        df = df.dropna(subset=["value"])
        if df.empty:
            continue
        years += df["year"].tolist()
        drawn.add(key)
        fig.add_trace(go.Scatter(
            x=df["year"], y=df["value"], mode="lines+markers", name=t(f"trend.{key}", lang),
            line=styles[key], marker=dict(size=7),
            customdata=df[["companies"]],
            hovertemplate=(f"{t(f'trend.{key}', lang)} %{{x}}: <b>{hover_number(kpi)}</b> {unit}"
                           f"<br>%{{customdata[0]}} {t('common.companies', lang)}<extra></extra>"),
        ))
    if "selection" not in drawn:
        return empty_figure(lang, t("empty.selection", lang, selection=subtitle))
    first, last = min(years), max(years)
    layout = base_layout(lang, t("trend.title", lang, kpi=kpi.label(lang), first=first, last=last),
                         kpi_note(kpi, lang, t("trend.note", lang)), f"{unit} · {subtitle}", width=72)
    layout["margin"]["b"] = 150
    layout["annotations"][0]["y"] = -0.3
    fig.update_layout(
        **layout,
        xaxis=dict(title=t("chart.year", lang), dtick=1, tickformat="d", range=[first - 0.4, last + 0.4]),
        yaxis=dict(title=unit, rangemode="tozero"),
        legend=dict(orientation="h", x=0, y=-0.17, yanchor="top"),
        hovermode="x unified",
    )
    return fig


def scatter_figure(df: pd.DataFrame, sectors: pd.DataFrame, lang: str, year: int, subtitle: str,
                   productivity: KPI, intensity: KPI, capped_note: str = "") -> go.Figure:
    """Productivity against emissions intensity, one bubble per company: size FTE, colour sector."""
    df = df[(df["emissions_intensity"] > 0) & df["productivity"].notna()]
    if df.empty:
        return empty_figure(lang, t("empty.selection", lang, selection=subtitle))
    df = df.merge(sectors, left_on="sector", right_on="code")
    name_col = "short_en" if lang == "en" else "short_nb"
    sizeref = 2.0 * df["fte"].max() / (38 ** 2)
    fig = go.Figure()
    for (code, label, colour), group in df.groupby(["code", name_col, "colour"], sort=True):
        fig.add_trace(go.Scatter(
            x=group["emissions_intensity"], y=group["productivity"], mode="markers", name=label,
            marker=dict(size=group["fte"], sizemode="area", sizeref=sizeref, sizemin=4,
                        color=colour, line=dict(width=1, color="#ffffff"), opacity=0.85),
            customdata=list(zip(group["org_nr"], group["name"], group["fte"].round(0))),
            hovertemplate=(
                f"<b>%{{customdata[1]}}</b><br>{label}<br>"
                f"{productivity.label(lang)}: {hover_number(productivity)} {productivity.unit(lang)}<br>"
                f"{intensity.label(lang)}: %{{x:,.{intensity.decimals}f}} {intensity.unit(lang)}<br>"
                f"%{{customdata[2]:,.0f}} {t('common.fte', lang)}<extra></extra>"
            ),
        ))
    note = " ".join(p for p in (t("scatter.note", lang), capped_note, t("common.source", lang)) if p)
    fig.update_layout(
        **base_layout(lang, t("scatter.title", lang, year=year), note, subtitle, width=95),
        xaxis=dict(title=f"{intensity.label(lang)} ({intensity.unit(lang)})", type="log", dtick=1),
        yaxis=dict(title=f"{productivity.label(lang)} ({productivity.unit(lang)})"),
        legend=dict(title=t("filter.sector", lang), font=dict(size=12)),
    )
    return fig


def company_history_figure(df: pd.DataFrame, kpi: KPI, lang: str, name: str) -> go.Figure:
    """One company's KPI over the years against its sector's median and interquartile range."""
    if df["value"].notna().sum() == 0:
        return empty_figure(lang)
    unit = kpi.unit(lang)
    fig = go.Figure([
        go.Scatter(x=df["year"], y=df["sector_q3"], mode="lines", line=dict(width=0),
                   hoverinfo="skip", showlegend=False),
        go.Scatter(x=df["year"], y=df["sector_q1"], mode="lines", line=dict(width=0),
                   fill="tonexty", fillcolor="rgba(107,119,133,0.18)", hoverinfo="skip",
                   name="25–75 %"),
        go.Scatter(x=df["year"], y=df["sector_median"], mode="lines", name=t("company.sector_median", lang),
                   line=dict(color="#6b7785", dash="dash", width=2),
                   hovertemplate=f"%{{x}}: {hover_number(kpi)} {unit}<extra></extra>"),
        go.Scatter(x=df["year"], y=df["value"], mode="lines+markers", name=name,
                   line=dict(color=PRIMARY, width=3),
                   hovertemplate=f"%{{x}}: <b>{hover_number(kpi)}</b> {unit}<extra></extra>"),
    ])
    layout = base_layout(lang, t("company.history", lang, kpi=kpi.label(lang)), kpi_note(kpi, lang), unit)
    layout["margin"] = dict(l=70, r=24, t=78, b=120)
    fig.update_layout(**layout, xaxis=dict(dtick=1, tickformat="d"),
                      yaxis=dict(title=unit), legend=dict(orientation="h", x=0, y=1.02, yanchor="bottom"),
                      hovermode="x unified")
    return fig
