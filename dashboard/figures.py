"""Figure builders: DataFrame in, ``go.Figure`` out. Pure: no data access, no shared state.

Every chart carries a title that names the KPI and the selection, an axis with the unit, hover text
with units, and a note under the plot with the definition and the source.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.i18n import plotly_separators, t
from dashboard.kpis import KPI

INK = "#1b2733"
MUTED = "#52606d"
PRIMARY = "#1f5f99"
# dcc.Graph config for every chart: no plotly logo, no cloud link, no lasso or box select.
GRAPH_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["sendDataToCloud", "lasso2d", "select2d"]}
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"


def base_layout(lang: str, title: str, note: str) -> dict:
    """Layout shared by every chart: fonts, number separators of the language, title and note."""
    return dict(
        template="plotly_white",
        font=dict(family=FONT, size=14, color=INK),
        separators=plotly_separators(lang),
        title=dict(text=title, x=0, xanchor="left", font=dict(size=18)),
        margin=dict(l=70, r=24, t=64, b=96),
        annotations=[
            dict(text=note, showarrow=False, xref="paper", yref="paper", x=0, y=-0.22,
                 xanchor="left", yanchor="top", align="left", font=dict(size=12, color=MUTED))
        ],
        hoverlabel=dict(font=dict(family=FONT, size=14)),
    )


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


def trend_figure(df: pd.DataFrame, kpi: KPI, lang: str) -> go.Figure:
    """A KPI over the years. ``df`` has columns year, value and companies, one row per year."""
    df = df.dropna(subset=["value"])
    if df.empty:
        return empty_figure(lang)
    unit = kpi.unit(lang)
    first, last = int(df["year"].min()), int(df["year"].max())
    fig = go.Figure(
        go.Scatter(
            x=df["year"],
            y=df["value"],
            mode="lines+markers",
            line=dict(color=PRIMARY, width=3),
            marker=dict(size=8),
            customdata=df[["companies"]],
            name=kpi.label(lang),
            hovertemplate=(
                f"%{{x}}: <b>%{{y:,.{kpi.decimals}f}}</b> {unit}<br>"
                f"%{{customdata[0]}} {t('card.companies', lang).lower()}<extra></extra>"
            ),
        )
    )
    note = f"{kpi.definition(lang)} {t('chart.trend.note', lang)}"
    fig.update_layout(
        **base_layout(lang, t("chart.trend.title", lang, kpi=kpi.label(lang), first=first, last=last), note),
        xaxis=dict(title=t("chart.year", lang), dtick=1, tickformat="d"),
        yaxis=dict(title=unit, rangemode="tozero", tickformat=f",.{max(kpi.decimals - 1, 0)}f"),
        showlegend=False,
    )
    return fig
