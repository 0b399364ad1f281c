"""Present, page ``/present``: full-screen slides of the year's story for events, offline.

Every slide is drawn on the server when the page loads; moving between slides, auto-advance,
pause and full screen happen in the browser (``assets/present.js``), so a clicker or the keyboard
works with no round trip. Only aggregates are shown, and the winner is not in the page at all until
the reveal key asks the server for it.

``?year=2024&lang=nb&auto=15&slides=headline,map,scatter`` sets it up for a kiosk; without
``year``, the slides tell the last year with data.
"""

from __future__ import annotations

import functools

import pandas as pd
from dash import dcc, html

from dashboard import auth, dimensions, disclosure, figures, state
from dashboard.disclosure import Viewer
from dashboard.db import DatabaseError, run_query, year_span
from dashboard.i18n import fmt_number, normalize_lang, t, tn
from dashboard.kpis import DECIMALS, KPIS_BY_ID

PATH = "/present"
DECK = "present-deck"
REVEAL = "present-reveal"  # store the browser writes when R is pressed
WINNER = "present-winner"
LANG = "present-lang"
YEAR = "present-year"
SLIDES = ("headline", "map", "scatter", "automation", "sectors", "finalists", "winner", "halloffame",
          "closing")
FONT = figures.SLIDE_FONT  # chart font in px
INK, ACCENT = figures.SLIDE_INK, figures.SLIDE_ACCENT


def dark(fig: figures.Figure) -> figures.Figure:
    """A new figure for the dark, high-contrast slides (the "nsi_dark" template), filling its
    slide. Notes under the plot are dropped: a slide states its definition in a caption instead."""
    fig = figures.themed(fig, "nsi_dark")
    layout = fig["layout"]
    margin = {**layout["margin"], "b": 150 if layout.get("sliders") else 70}
    if "title" in layout:
        margin["t"] = 110
    return figures.with_layout(fig, autosize=True, margin=margin, height=None,
                               annotations=[a for a in layout.get("annotations", []) if a.get("xref") != "paper"])


def everyone(year: int, viewer: Viewer) -> dict[str, object]:
    """Query parameters for all companies in ``year``, as this viewer may see them."""
    return state.Filters(year, year).params(viewer.as_of)


def _show(df: pd.DataFrame, viewer: Viewer, cells: list, kpi: str | None = None, year: int | None = None,
          column: str = "value", decimals: int | dict | None = None) -> pd.DataFrame:
    """Slide figures through the disclosure layer, as on every other page."""
    places = DECIMALS if decimals is None else decimals
    return disclosure.apply(run_query, df, viewer, cells, places, kpi=kpi, year=year, column=column)


def caption(text: str) -> html.P:
    return html.P(text, className="slide-note")


def _graph(fig: figures.Figure, graph_id: str) -> dcc.Graph:
    return dcc.Graph(id=graph_id, figure=fig, className="slide-chart", style={"height": "100%"},
                     config=figures.GRAPH_CONFIG | {"displayModeBar": False, "responsive": True})


def headline(year: int, lang: str, viewer: Viewer | None = None) -> list:
    """Four numbers of the year. Nominees count from their publish date for the public; the
    national totals go through the disclosure layer (FTE as itself, exports with the export share,
    the emissions cut with emissions reduction)."""
    viewer = disclosure.or_public(viewer)
    df = run_query("present_headline", year=year, as_of=viewer.as_of)
    for column, kpi, d in (("fte", disclosure.FTE, 0), ("export_mnok", "export_share", 0),
                           ("emissions_cut_pct", "emissions_reduction", 1)):
        df = _show(df, viewer, [disclosure.Cell()] * len(df), kpi=kpi, column=column, decimals=d)
    df = df.set_index("year")
    row = df.loc[year] if year in df.index else None
    numbers = [
        ("nominees", row["nominees"] if row is not None else None, 0, 1),
        ("fte", row["fte"] if row is not None else None, 0, 1),
        ("exports", row["export_mnok"] if row is not None else None, 1, 1 / 1000),
        ("cut", row["emissions_cut_pct"] if row is not None else None, 1, 1),
    ]
    shown = [(key, None if v is None or pd.isna(v) else v * scale, d) for key, v, d, scale in numbers]
    return [
        html.H1(t("present.headline.title", lang, year=year)),
        html.Div([html.Div([html.Div(fmt_number(v, lang, d), className="big-number"),
                            # the label agrees with the number above it: "1 nominert bedrift"
                            html.Div(tn(f"present.headline.{key}", v, lang, d), className="big-label")],
                           className="big-cell") for key, v, d in shown], className="big-grid"),
    ]


def county_map(year: int, lang: str, viewer: Viewer | None = None) -> list:
    viewer = disclosure.or_public(viewer)
    kpi = KPIS_BY_ID["productivity"]
    df = run_query("kpi_by_dimension", dim="county", kpi=kpi.id, year=year, **everyone(year, viewer))
    df = _show(df, viewer, [disclosure.Cell(county=m) for m in df["member"]], kpi=kpi.id, year=year)
    fig = figures.tile_map_figure(df, dimensions.counties().reset_index(drop=True), kpi, lang, year, (),
                                  t("selection.all", lang))
    fig = figures.titled(figures.tiles_as_shapes(fig, font=FONT - 6), t("present.map.title", lang, year=year))
    return [_graph(dark(fig), "present-map"), caption(f"{kpi.definition(lang)} {t('common.source', lang)}")]


def scatter(year: int, lang: str, viewer: Viewer | None = None) -> list:
    """Sectors over the years. A bubble needs both its figures and its FTE published (for the
    public); the jury's bubbles need five reporting companies."""
    viewer = disclosure.or_public(viewer)
    df = run_query("present_sector_years", year=year, min_group=disclosure.MIN_GROUP)
    cells = [disclosure.Cell(sector=int(x)) for x in df["sector"]]
    for column, kpi, d in (("productivity", "productivity", 0), ("emissions_intensity", "emissions_intensity", 1),
                           ("fte", disclosure.FTE, 0)):
        df = _show(df, viewer, cells, kpi=kpi, column=column, decimals=d)
    df = df.dropna(subset=["productivity", "emissions_intensity", "fte"])
    fig = figures.animated_sectors_figure(df, dimensions.sectors().reset_index(drop=True), lang,
                                          t("present.scatter.title", lang, first=int(df["year"].min()) if len(df) else year,
                                            last=year), t("present.scatter.note", lang), font=FONT)
    return [_graph(dark(fig), "present-scatter"),
            caption(f"{t('present.scatter.note', lang)} {t('common.source', lang)}")]


def automation(year: int, lang: str, viewer: Viewer | None = None) -> list:
    viewer = disclosure.or_public(viewer)
    df = run_query("kpi_by_year", kpis=["robot_density"], year_from=year_span().first, year_to=year,
                   **everyone(year, viewer))
    df = _show(df, viewer, [disclosure.Cell()] * len(df)).dropna(subset=["value"])
    kpi = KPIS_BY_ID["robot_density"]
    fig = figures.trend_figure({"selection": df}, kpi, lang, t("selection.all", lang))
    fig = figures.restyled(fig, line={"color": ACCENT, "width": 6}, marker={"size": 14, "color": ACCENT})
    ends = [{"x": int(r["year"]), "y": float(r["value"]), "text": f"<b>{fmt_number(r['value'], lang, 0)}</b>",
             "showarrow": False, "yshift": 36, "xanchor": anchor, "font": {"size": FONT + 14, "color": ACCENT}}
            for r, anchor in ((df.iloc[0], "left"), (df.iloc[-1], "right"))] if len(df) else []
    fig = figures.with_layout(figures.titled(fig, t("present.automation.title", lang)), showlegend=False,
                              annotations=[*fig["layout"].get("annotations", []), *ends])
    return [_graph(dark(fig), "present-automation"), caption(f"{kpi.definition(lang)} {t('common.source', lang)}")]


def sectors(year: int, lang: str, viewer: Viewer | None = None) -> list:
    viewer = disclosure.or_public(viewer)
    kpi = KPIS_BY_ID["productivity"]
    df = run_query("kpi_by_dimension", dim="sector", kpi=kpi.id, year=year, **everyone(year, viewer))
    df = df[df["companies"] >= disclosure.MIN_GROUP]
    df = _show(df, viewer, [disclosure.Cell(sector=int(m)) for m in df["member"]], kpi=kpi.id, year=year)
    fig = figures.sector_bar_figure(df, dimensions.sectors().reset_index(drop=True), kpi, lang, year, (),
                                    t("selection.all", lang))
    # a new year's first few submissions may leave no sector with 5 companies: an empty chart, titled
    fig = figures.titled(fig, t("present.sectors.title", lang, year=year))
    fig = figures.with_layout(fig, margin={**fig["layout"]["margin"], "l": 330})
    fig = figures.restyled(fig, textfont={"size": FONT - 6, "color": INK})
    best = []
    for kpi_id in ("robot_density", "emissions_reduction"):
        k = KPIS_BY_ID[kpi_id]
        d = run_query("kpi_by_dimension", dim="sector", kpi=kpi_id, year=year, **everyone(year, viewer))
        d = d[d["companies"] >= disclosure.MIN_GROUP]
        d = _show(d, viewer, [disclosure.Cell(sector=int(m)) for m in d["member"]], kpi=kpi_id, year=year)
        d = d.dropna(subset=["value"])
        if len(d):
            top = d.sort_values("value", ascending=not k.higher_is_better).iloc[0]
            best.append(html.Li(t("present.sectors.best", lang, kpi=k.label(lang).lower(),
                                  sector=dimensions.sector_name(int(top["member"]), lang))
                                + f" ({fmt_number(top['value'], lang, k.decimals)} {k.unit(lang)})"))
    return [html.Div([_graph(dark(fig), "present-sectors"), html.Ul(best, className="callouts")],
                     className="slide-split"), caption(f"{kpi.definition(lang)} {t('common.source', lang)}")]


def finalists(year: int, lang: str, viewer: Viewer | None = None) -> list:
    viewer = disclosure.or_public(viewer)
    df = run_query("present_finalists", year=year, as_of=viewer.as_of)
    columns = []
    for prize in ("main", "special"):
        rows = df[df["prize"] == prize]
        columns.append(html.Div([
            html.H2(t(f"prize.{prize}", lang)),
            html.Ul([html.Li([html.Span(r.name, className="name"), html.Br(),
                              html.Span(f"{dimensions.sector_name(r.sector, lang)} · "
                                        f"{dimensions.county_name(r.county, lang)}", className="meta")])
                     for r in rows.itertuples()], className="finalist-list"),
        ], className="finalist-column"))
    return [html.H1(t("present.finalists.title", lang)), html.Div(columns, className="finalist-grid")]


def winner_placeholder(lang: str) -> list:
    """Nothing about the winner: only the prompt. The reveal callback fills it in."""
    return [html.H1(t("present.winner.title", lang)),
            html.Div(html.P(t("present.winner.hint", lang), className="hint"), id=WINNER, className="winner")]


def winner(year: int, lang: str, viewer: Viewer | None = None) -> list:
    """The revealed winners of ``year``; asked for only by the reveal key."""
    viewer = disclosure.or_public(viewer)
    df = run_query("present_winners", year_from=year, year=year, as_of=viewer.as_of)
    blocks = []
    for prize in ("main", "special"):
        rows = df[df["prize"] == prize]
        if rows.empty:
            continue
        r = rows.iloc[0]
        label = t("present.winner.main", lang, year=year) if prize == "main" else t("present.winner.special", lang)
        blocks.append(html.Div([html.P(label, className="prize-label"), html.P(r["name"], className="winner-name"),
                                html.P(f"{dimensions.sector_name(int(r['sector']), lang)} · "
                                       f"{dimensions.county_name(r['county'], lang)}", className="meta")],
                               className=f"winner-block winner-{prize}"))
    return blocks


@functools.cache
def _hall_of_fame() -> pd.DataFrame:
    return pd.read_csv(dimensions.DATA_DIR / "hall_of_fame.csv", dtype={"county_code": str}).fillna("")


def hall_of_fame(year: int, lang: str, viewer: Viewer | None = None) -> list:
    """The real winners as plain facts (no figures), then the demo winners of the years after them,
    up to the year before this one (this year's winner stays on the winner slide)."""
    real = _hall_of_fame()
    last_real = int(real["year"].max())
    demo = run_query("present_winners", year_from=last_real + 1, year=year - 1,
                     as_of=disclosure.or_public(viewer).as_of)
    demo = demo[demo["prize"] == "main"]
    real_items = [html.Li([html.Span(str(r.year), className="year"), html.Span(r.name, className="name"),
                           html.Span(r.place or "", className="meta")]) for r in real.itertuples()]
    demo_items = [html.Li([html.Span(str(r.year), className="year"), html.Span(r.name, className="name"),
                           html.Span(dimensions.county_name(r.county, lang), className="meta")])
                  for r in demo.itertuples()]
    return [html.H1(t("present.fame.title", lang)), html.Div([
        html.Div([html.H2(t("present.fame.real", lang)), html.Ol(real_items, className="fame-list")]),
        html.Div([html.H2(t("present.fame.demo", lang)), html.Ol(demo_items, className="fame-list demo")])
        if demo_items else None,
    ], className="fame-grid")]


def closing(year: int, lang: str, viewer: Viewer | None = None) -> list:
    return [html.H1(t("present.closing.title", lang), className="closing-title"),
            html.P(t("present.closing.body", lang), className="closing-body"),
            html.P(t("app.title", lang) + f" {year}", className="closing-award")]


BUILDERS = {"headline": headline, "map": county_map, "scatter": scatter, "automation": automation,
            "sectors": sectors, "finalists": finalists, "winner": lambda year, lang, viewer=None: winner_placeholder(lang),
            "halloffame": hall_of_fame, "closing": closing}


def parse_slides(raw: object) -> list[str]:
    chosen = [s for s in str(raw or "").split(",") if s in SLIDES]
    return list(dict.fromkeys(chosen)) or list(SLIDES)


def parse_auto(raw: object) -> int:
    """Seconds per slide for auto-advance: 0 (off) or 3 to 600."""
    try:
        seconds = int(str(raw))
    except ValueError:
        return 0
    return 0 if seconds <= 0 else min(max(seconds, 3), 600)


def layout(**query: str) -> html.Div:
    """The slide deck: no navigation chrome, only the slides, a progress bar and a demo badge."""
    args = {k: v for k, v in query.items() if isinstance(v, str)}
    lang = normalize_lang(args.get("lang"))
    slides = parse_slides(args.get("slides"))
    year = None
    try:
        year = state.one_year(args.get("year"), year_span())
        viewer = auth.viewer()
        built = [html.Section(BUILDERS[name](year, lang, viewer), className=f"slide slide-{name}",
                              id=f"slide-{name}", **{"data-slide": name})
                 for name in slides]
    except DatabaseError as exc:  # logged once per file by the Database
        built = [html.Section([html.H1(t("error.db.title", lang)),
                               html.P(t("error.db.body", lang, path=exc.path, reason=exc.reason))],
                              className="slide", id="slide-error")]
    return html.Div([
        html.Div(className="progress-bar-slim", id="present-progress"),
        *built,
        html.Div(t("demo.badge", lang), className="present-badge"),
        html.Div(t("present.paused", lang), className="present-paused", id="present-paused"),
        html.Div(t("present.keys", lang), className="present-keys"),
        dcc.Store(id=REVEAL),
        dcc.Store(id=LANG, data=lang),
        dcc.Store(id=YEAR, data=year),
    ], id=DECK, className="present-deck", lang=lang, tabIndex="0",
        **{"data-auto": str(parse_auto(args.get("auto"))), "aria-roledescription": "carousel"})
