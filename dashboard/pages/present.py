"""Present, page ``/present``: full-screen slides of the year's story for events, offline.

Every slide is drawn on the server when the page loads; moving between slides, auto-advance,
pause and full screen happen in the browser (``assets/present.js``), so a clicker or the keyboard
works with no round trip. Only aggregates are shown (and, to the jury, the winners' key figures),
and the winners are not in the page at all until the reveal key asks the server for them.

``?year=2024&lang=nb&auto=15&slides=headline,map,scatter`` sets it up for a kiosk; without
``year``, the slides tell the last year with data. ``reveal=main,special`` reveals the main prize
with the first R (the special prize comes first otherwise). Host hints (the keys, "press R") show
only while the mouse moves.
"""

from __future__ import annotations

import functools

import pandas as pd
from dash import dcc, html

from dashboard import auth, dimensions, disclosure, figures, state
from dashboard.db import DatabaseError, run_query, year_span
from dashboard.disclosure import Viewer
from dashboard.i18n import fmt_number, fmt_years, normalize_lang, t, tn, with_unit
from dashboard.kpis import DECIMALS, KPIS_BY_ID
from dashboard.winners import Rank, named, standing, strengths, why

PATH = "/present"
DECK = "present-deck"
REVEAL = "present-reveal"  # store the browser writes when R is pressed
WINNER = "present-winner"
LANG = "present-lang"
YEAR = "present-year"
ORDER = "present-order"  # the order the prizes are revealed in
PRIZES = state.AWARD_PRIZES  # as the winner slide shows them
REVEAL_ORDER = ("special", "main")  # one prize per press of R, unless the address sets another
SLIDES = ("headline", "map", "scatter", "automation", "sectors", "finalists", "winner", "halloffame",
          "closing")
FONT = figures.SLIDE_FONT  # chart font in px
INK, ACCENT = figures.SLIDE_INK, figures.SLIDE_ACCENT
MAP_STRETCH = 2.5  # the map's tiles are this much wider than tall, so a county's full name fits


def dark(fig: figures.Figure) -> figures.Figure:
    """A new figure for the dark, high-contrast slides (the "nsi_dark" template), filling its
    slide. Notes under the plot are dropped: a slide states its definition in a caption instead."""
    fig = figures.themed(fig, "nsi_dark")
    layout = fig["layout"]
    # a slider (the scatter's years) stands under the x axis's title: room for both
    margin = {**layout["margin"], "b": figures.SLIDER_BELOW + 110 if layout.get("sliders") else 70}
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
    """Four numbers of the year, each with the population it counts ("in 335 reporting
    companies") and its change since the year before. Nominees count from their publish date for
    the public; the national totals go through the disclosure layer (FTE as itself, exports with
    the export share, the emissions cut with emissions reduction). A change is shown only between
    two published figures, worked out from their unrounded values and rounded once."""
    viewer = disclosure.or_public(viewer)
    raw = run_query("present_headline", year=year, as_of=viewer.as_of)
    df = raw
    for column, kpi, d in (("fte", disclosure.FTE, 0), ("export_mnok", "export_share", 0),
                           ("emissions_cut_pct", "emissions_reduction", 1)):
        df = _show(df, viewer, [disclosure.Cell()] * len(df), kpi=kpi, column=column, decimals=d)
    df, raw = df.set_index("year"), raw.set_index("year")

    def figure(y: int, column: str, frame: pd.DataFrame = df) -> float | None:
        v = frame.loc[y, column] if y in frame.index else None
        return None if v is None or pd.isna(v) else float(v)

    # the label, the value and its population (columns), decimals shown, scale, how the change is told
    numbers = (("present.headline.nominees", "nominees", "companies", "present.headline.nominees.of", 0, 1,
                "present.headline.change.count"),
               ("present.headline.fte", "fte", "fte_companies", "present.headline.fte.of", 0, 1,
                "present.headline.change.percent"),
               ("present.headline.exports", "export_mnok", "export_companies", "present.headline.exports.of", 1,
                1 / 1000, "present.headline.change.percent"),
               ("present.headline.cut", "emissions_cut_pct", "emissions_companies", "present.headline.cut.of", 1, 1,
                "present.headline.change.points"))
    cells = []
    for label, column, population, of, d, scale, change in numbers:
        now, before = figure(year, column), figure(year - 1, column)
        shown = None if now is None else now * scale
        lines = [html.Div(fmt_number(shown, lang, d), className="big-number"),
                 # the label agrees with the number above it: "1 nominert bedrift"
                 html.Div(tn(label, shown, lang, d), className="big-label")]
        companies = figure(year, population)
        if companies is not None:
            lines.append(html.Div(tn(of, companies, lang), className="big-population"))
        percent = change == "present.headline.change.percent"
        if now is not None and before is not None and (before > 0 or not percent):
            if change == "present.headline.change.count":
                text = t(change, lang, n=fmt_number(before, lang), year=year - 1)
            else:
                now, before = figure(year, column, raw), figure(year - 1, column, raw)
                delta = 100 * (now / before - 1) if percent else now - before
                text = tn(change, figure(year - 1, population) or 0, lang, year=year - 1,
                          change=fmt_number(delta, lang, 1, signed=True))
            lines.append(html.Div(text, className="big-change"))
        cells.append(html.Div(lines, className="big-cell"))
    return [html.H1(t("present.headline.title", lang, year=year)), html.Div(cells, className="big-grid")]


def county_map(year: int, lang: str, viewer: Viewer | None = None) -> list:
    """The counties as tiles the height of the slide, each with its full name and figure; beside
    it the top three and the colour scale with its unit. Only published county figures."""
    viewer = disclosure.or_public(viewer)
    kpi = KPIS_BY_ID["productivity"]
    df = run_query("kpi_by_dimension", dim="county", kpi=kpi.id, year=year, **everyone(year, viewer))
    df = _show(df, viewer, [disclosure.Cell(county=m) for m in df["member"]], kpi=kpi.id, year=year)
    shown = df.dropna(subset=["value"])
    top = shown.assign(name=[dimensions.county_name(m, lang) for m in shown["member"]]).sort_values(
        ["value", "name"], ascending=[not kpi.higher_is_better, True]).head(3)
    fig = figures.tile_map_figure(df, dimensions.counties().reset_index(drop=True), kpi, lang, year, (),
                                  t("selection.all", lang))
    fig = figures.tiles_as_shapes(fig, font=FONT + 4, full_names=True, stretch=MAP_STRETCH,
                                  outlined=tuple(top["member"]))
    fig = dark(figures.titled(fig, t("present.map.title", lang, year=year)))
    fig = figures.with_layout(fig, margin={**fig["layout"]["margin"], "b": 10, "l": 10, "r": 10})
    unit = kpi.unit(lang)
    podium = html.Ol([html.Li([html.Span(r.name, className="name"), html.Br(),
                               html.Span(with_unit(fmt_number(r.value, lang, kpi.decimals), unit, lang), className="value")])
                      for r in top.itertuples()], className="map-top")
    scale = [html.Li([html.Span(className="swatch", style={"background": colour}), text])
             for colour, text in scale_labels(figures.tile_scale(shown["value"].tolist(), kpi.higher_is_better),
                                              kpi.decimals, lang)] if len(shown) else []
    if len(shown) < len(dimensions.counties()):
        scale.append(html.Li([html.Span(className="swatch none"), t("map.nodata", lang)]))
    aside = html.Div([
        html.H2(t("present.map.top", lang)), podium,
        html.H2(f"{kpi.label(lang)}, {unit}", className="scale-title"), html.Ul(scale, className="map-scale"),
    ], className="map-aside") if len(shown) else None
    return [html.Div([_graph(fig, "present-map"), aside], className="map-split"),
            caption(f"{kpi.definition(lang)} {t('common.source', lang)}")]


def scale_labels(bands: list[tuple[str, float, float]], decimals: int, lang: str) -> list[tuple[str, str]]:
    """The colour scale's bands (``figures.tile_scale``, best first) as (colour, "from–to") as shown:
    two neighbours share a boundary, which belongs to one of them (the better one, as the tiles are
    coloured), so the other's end starts or stops one shown unit away ("1 721–1 861", "1 582–1 720")."""
    step = 10 ** -decimals
    labels = []
    for i, (colour, a, b) in enumerate(bands):
        lo, hi = round(a, decimals), round(b, decimals)
        if i and bands[i - 1][1] == b:  # higher is better: the better band above holds the boundary
            hi = round(hi - step, decimals)
        if i and bands[i - 1][2] == a:  # lower is better: the better band below holds it
            lo = round(lo + step, decimals)
        shown = fmt_number(lo, lang, decimals) if lo >= hi else f"{fmt_number(lo, lang, decimals)}–{fmt_number(hi, lang, decimals)}"
        labels.append((colour, shown))
    return labels


def scatter(year: int, lang: str, viewer: Viewer | None = None) -> list:
    """Sectors over the years. A bubble needs both its figures and its FTE published (for the
    public); the jury's bubbles need five reporting companies. A sector with reporting companies
    but no bubble in a year is named in that year's note."""
    viewer = disclosure.or_public(viewer)
    df = run_query("present_sector_years", year=year, min_group=disclosure.MIN_GROUP)
    cells = [disclosure.Cell(sector=int(x)) for x in df["sector"]]
    for column, kpi, d in (("productivity", "productivity", 0), ("emissions_intensity", "emissions_intensity", 1),
                           ("fte", disclosure.FTE, 0)):
        df = _show(df, viewer, cells, kpi=kpi, column=column, decimals=d)
    shown = df.dropna(subset=["productivity", "emissions_intensity", "fte"])
    fig = figures.animated_sectors_figure(df, dimensions.sectors().reset_index(drop=True), lang,
                                          t("present.scatter.title", lang,
                                            years=fmt_years(int(shown["year"].min()) if len(shown) else year, year)),
                                          t("present.scatter.note", lang, n=disclosure.MIN_GROUP), font=FONT)
    return [_graph(dark(fig), "present-scatter"),
            caption(f"{t('present.scatter.note', lang, n=disclosure.MIN_GROUP)} {t('common.source', lang)}")]


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


def hidden_sectors(reported: pd.DataFrame, shown: pd.DataFrame, year: int, lang: str) -> str:
    """The note naming the sectors with reporting companies (``reported``'s members) that have no
    figure in ``shown``: fewer than five companies, or held back by the disclosure rules. "" if none."""
    published = {str(m) for m, v in zip(shown["member"], shown["value"]) if pd.notna(v)}
    names = sorted(dimensions.sector_name(int(m), lang) for m in reported["member"] if str(m) not in published)
    return tn("present.sectors.hidden", disclosure.MIN_GROUP, lang, year=year, sectors=", ".join(names)) if names else ""


def sectors(year: int, lang: str, viewer: Viewer | None = None) -> list:
    """The sectors' productivity as bars, and the sectors best at two other KPIs. Only sectors of
    five or more companies (for the jury too: the slides are shown in public); the caption names
    the sectors left out."""
    viewer = disclosure.or_public(viewer)
    kpi = KPIS_BY_ID["productivity"]
    reported = run_query("kpi_by_dimension", dim="sector", kpi=kpi.id, year=year, **everyone(year, viewer))
    df = reported[reported["companies"] >= disclosure.MIN_GROUP]
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
                                + f" ({with_unit(fmt_number(top['value'], lang, k.decimals), k.unit(lang), lang)})"))
    note = " ".join(p for p in (kpi.definition(lang), hidden_sectors(reported, df, year, lang), t("common.source", lang)) if p)
    return [html.Div([_graph(dark(fig), "present-sectors"), html.Ul(best, className="callouts")],
                     className="slide-split"), caption(note)]


def finalists(year: int, lang: str, viewer: Viewer | None = None) -> list:
    viewer = disclosure.or_public(viewer)
    df = run_query("present_finalists", year=year, as_of=viewer.as_of)
    columns = []
    for prize in PRIZES:
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
    """Nothing about the winner: only the host's prompt (shown when the mouse moves). The reveal
    callback fills it in."""
    return [html.H1(t("present.winner.title", lang)),
            html.Div(html.P(t("present.winner.hint", lang), className="hint host-hint"), id=WINNER,
                     className="winner")]


def parse_reveal(raw: object) -> list[str]:
    """The order the prizes are revealed in, one per press of R: ``special,main`` (the default:
    the special prize first, the main prize last) or ``main,special``."""
    chosen = [p for p in str(raw or "").split(",") if p in PRIZES]
    return list(dict.fromkeys(chosen + [p for p in REVEAL_ORDER if p not in chosen])) if chosen else list(REVEAL_ORDER)


def _key_figures(prize: str, own: dict[str, Rank], lang: str, besides: dict[str, Rank] | None) -> list:
    """The winner's three key figures where it did best among the year's nominees for the prize,
    and the line that says so (the KPIs of that line first; no line if none is worth naming, see
    ``why``). Nothing if it has no nominee to be placed among."""
    chosen = named(own, prize, besides)
    shown = (chosen + [k for k in strengths(own, prize) if k not in chosen])[:3]
    figures_ = [html.Div([html.Div(fmt_number(own[k].value, lang, KPIS_BY_ID[k].decimals), className="figure-value"),
                          html.Div(KPIS_BY_ID[k].label(lang), className="figure-label"),
                          html.Div(KPIS_BY_ID[k].unit(lang), className="figure-unit")], className="winner-figure")
                for k in shown]
    line = why(own, prize, lang, besides)
    return ([html.Div(figures_, className="winner-figures")] if figures_ else []) + \
        ([html.P(line, className="winner-why")] if line else [])


def winner(year: int, lang: str, viewer: Viewer | None = None, step: int = 2,
           order: list[str] | tuple[str, ...] = REVEAL_ORDER) -> list:
    """The winners of ``year`` revealed by ``step`` presses of R, in ``order`` (a prize with no
    winner is passed over); asked for only by the reveal key. Shown main prize first.

    Only a viewer who may see a company's figures (the jury, or the open demo) sees each winner's
    key figures and why it won: the public sees the names (see README, Present). Each winner is
    placed among its own prize's nominees; the special prize's line leaves out a KPI whose words
    would contradict the main winner's (whether or not that one is revealed yet, so the line does
    not change at the next R)."""
    viewer = disclosure.or_public(viewer)
    df = run_query("present_winners", year_from=year, year=year, as_of=viewer.as_of)
    won = [p for p in order if (df["prize"] == p).any()]
    revealed = won[:max(step, 0)]
    if not revealed:
        return [html.P(t("present.winner.hint", lang), className="hint host-hint")]
    rows = {p: df[df["prize"] == p].iloc[0] for p in won}
    # every winner placed, revealed or not, so the special prize's line is the same before and
    # after the main prize joins it (nothing of an unrevealed winner goes into the page)
    placed = {p: standing(r["org_nr"], p, year, viewer) for p, r in rows.items()} if viewer.full else {}
    blocks = []
    for prize in PRIZES:
        if prize not in revealed:
            continue
        r = rows[prize]
        label = t("present.winner.main", lang, year=year) if prize == "main" else t("present.winner.special", lang)
        besides = placed.get("main") if prize == "special" else None
        blocks.append(html.Div([html.P(label, className="prize-label"), html.P(r["name"], className="winner-name"),
                                html.P(f"{dimensions.sector_name(int(r['sector']), lang)} · "
                                       f"{dimensions.county_name(r['county'], lang)}", className="meta"),
                                *(_key_figures(prize, placed[prize], lang, besides) if prize in placed else [])],
                               className=f"winner-block winner-{prize}" + (" winner-alone" if len(revealed) == 1 else "")))
    if len(revealed) < len(won):
        blocks.append(html.P(t("present.winner.next", lang), className="hint host-hint"))
    return blocks


@functools.cache
def _hall_of_fame() -> pd.DataFrame:
    return pd.read_csv(dimensions.DATA_DIR / "hall_of_fame.csv", dtype={"county_code": str}).fillna("")


def _place(place: str, county: str, lang: str) -> str:
    """A real winner's place line: "Sarpsborg · Østfold" (the county in today's borders); "" where
    the sources give none (the slide then shows no line rather than say so to the hall)."""
    parts = [p for p in (place, dimensions.county_name(county, lang) if county else "") if p]
    return " · ".join(parts)


def hall_of_fame(year: int, lang: str, viewer: Viewer | None = None) -> list:
    """The real winners as plain facts (no figures), each with its place and county, then the demo
    winners of the years after them, up to the year before this one (this year's winner stays on
    the winner slide), each with its sector and county as on the winner slide; the demo column says
    under its list that its companies are invented."""
    real = _hall_of_fame()
    last_real = int(real["year"].max())
    demo = run_query("present_winners", year_from=last_real + 1, year=year - 1,
                     as_of=disclosure.or_public(viewer).as_of)
    demo = demo[demo["prize"] == "main"]

    def item(y: int, name: str, meta: str) -> html.Li:
        spans = [html.Span(str(y), className="year"), html.Span(name, className="name")]
        return html.Li(spans + [html.Span(meta, className="meta")] if meta else spans)

    real_items = [item(r.year, r.name, _place(r.place, r.county_code, lang)) for r in real.itertuples()]
    demo_items = [item(r.year, r.name, f"{dimensions.sector_name(int(r.sector), lang)} · "
                                       f"{dimensions.county_name(r.county, lang)}") for r in demo.itertuples()]
    years = fmt_years(int(real["year"].min()), last_real)
    return [html.H1(t("present.fame.title", lang)), html.Div([
        html.Div([html.H2(t("present.fame.real", lang, years=years)), html.Ol(real_items, className="fame-list")]),
        html.Div([html.H2(t("present.fame.demo", lang, years=fmt_years(int(demo["year"].min()), int(demo["year"].max())))),
                  html.Ol(demo_items, className="fame-list"),
                  html.P(t("present.fame.demo.note", lang), className="fame-note")])
        if demo_items else None,
    ], className="fame-grid")]


def closing(year: int, lang: str, viewer: Viewer | None = None) -> list:
    """Thanks, the award and its year, and who presents it (the award's name once)."""
    return [html.H1(t("present.closing.title", lang), className="closing-title"),
            html.P(t("app.title", lang) + f" {year}", className="closing-award"),
            html.P(t("present.closing.body", lang), className="closing-body")]


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
    order = parse_reveal(args.get("reveal"))
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
        # "R reveal" only on the winner slide, the one slide where R does anything (03-present.css)
        html.Div([t("present.keys", lang), html.Span(" · " + t("present.keys.reveal", lang), className="keys-reveal")],
                 className="present-keys host-hint"),
        dcc.Store(id=REVEAL),
        dcc.Store(id=ORDER, data=order),
        dcc.Store(id=LANG, data=lang),
        dcc.Store(id=YEAR, data=year),
    ], id=DECK, className="present-deck", lang=lang, tabIndex="0",
        **{"data-auto": str(parse_auto(args.get("auto"))), "data-prizes": str(len(order)),
           "aria-roledescription": "carousel"})
