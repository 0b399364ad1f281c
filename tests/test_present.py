"""The presentation's settings from the URL, the winners kept secret until revealed one by one (and
why they won), the headline's populations, the map's names and top three, and the scatter's labels."""

from __future__ import annotations

import copy
import json
import re
from datetime import date
from pathlib import Path

import pandas as pd

import plotly.io as pio
from dash import dcc
from plotly.utils import PlotlyJSONEncoder

from dashboard import dimensions, figures, winners
from dashboard.db import run_query
from dashboard.disclosure import JURY
from dashboard.kpis import KPIS_BY_ID
from dashboard.pages import present
from tests.conftest import ORG_A, ORG_B, ORG_C, ORG_D, company_years, serving, tiny_tables
from tests.dash_requests import callback_body
from tests.layout import by_class, find, of_kind, text
from tests.test_figures import tile_map


def test_url_settings() -> None:
    assert present.parse_slides("headline,map,scatter") == ["headline", "map", "scatter"]
    assert present.parse_slides("nope,map,map") == ["map"]
    assert present.parse_slides(None) == list(present.SLIDES)
    assert [present.parse_auto(v) for v in ("15", "0", "-4", "1", "99999", "x", None)] == [15, 0, 0, 3, 600, 0, 0]


def test_winner_is_not_in_the_page_until_revealed(app) -> None:
    with app.server.app_context():
        page = json.dumps(present.layout(year="2025", lang="en"), cls=PlotlyJSONEncoder)
        winners = run_query("present_winners", year_from=2025, year=2025, as_of=JURY.as_of)
        finalists = run_query("present_finalists", year=2025, as_of=JURY.as_of)
    for prize in ("main", "special"):
        names = finalists[finalists["prize"] == prize]["name"].tolist()
        assert names == sorted(names)  # alphabetical: the order gives nothing away
    assert '"winner-name"' not in page
    for name in winners["name"]:
        assert page.count(name) == 1  # once, as a finalist among the others


def test_reveal_over_http(app) -> None:
    """One prize per press of R: the special prize first, then the main prize (shown above it);
    the address may set the other order."""
    client = app.server.test_client()
    client.get("/")
    with app.server.app_context():
        won = run_query("present_winners", year_from=2025, year=2025, as_of=JURY.as_of).set_index("prize")["name"]

    def revealed(presses: object, order: object = None) -> list[tuple[str, str]]:
        body = callback_body(app, "present-winner.children", {"present-reveal.data": presses, "present-year.data": 2025,
                                                              "present-lang.data": "en", "present-order.data": order})
        response = client.post("/_dash-update-component", json=body)
        assert response.status_code == 200 and "Traceback" not in response.get_data(as_text=True)
        blocks = response.get_json()["response"]["present-winner"]["children"]
        return [(prize, text(by_class(b, "winner-name"))) for prize in ("main", "special")
                for b in by_class(blocks, f"winner-{prize}")]

    assert revealed(0) == []
    assert revealed(1) == [("special", won["special"])]
    assert revealed(2) == revealed(3) == [("main", won["main"]), ("special", won["special"])]
    assert revealed(1, ["main", "special"]) == [("main", won["main"])]
    # hostile values: nothing revealed, no error
    assert revealed("x", "1e999; drop") == revealed(-4, 5) == revealed({"a": 1}, [["main"]]) == []


def test_reveal_order_from_the_address() -> None:
    assert present.parse_reveal(None) == present.parse_reveal("x,y") == ["special", "main"]
    assert present.parse_reveal("main,special") == present.parse_reveal("main") == ["main", "special"]
    assert present.parse_reveal("special,special,main") == ["special", "main"]


def test_places_among_the_nominees_in_words() -> None:
    """The winner's place is 1 + the nominees with a better figure (a tie shares it), as a share of
    all the nominees, rounded up: 2nd of 24 is 8.3 %, "top 9%"; nobody better is "best", or "joint
    best" when another nominee shows the same figure."""
    rank = winners.Rank
    assert [rank(1.0, b, 0, n).top() for b, n in ((0, 23), (1, 23), (1, 19), (4, 4), (2, 3))] == [0, 9, 10, 100, 75]
    assert [rank(1.0, 0, tied, 4).words(lang) for tied, lang in ((0, "en"), (1, "en"), (0, "nb"), (2, "nb"))] == [
        "best of all", "joint best", "best av alle", "delt best"]
    assert rank(1.0, 1, 0, 23).words("en") == "top 9%" and rank(1.0, 1, 0, 23).words("nb") == "topp 9 %"
    assert [winners._in_sentence(KPIS_BY_ID[k].label(lang)) for k, lang in (
        ("productivity", "nb"), ("rnd_intensity", "nb"), ("h_value", "nb"), ("rnd_intensity", "en"),
        ("automation_share", "en"))] == ["produktivitet", "FoU-intensitet", "H-verdi", "R&D intensity", "automation share"]


def test_the_line_names_only_places_worth_calling_a_strength() -> None:
    """A KPI is named to the hall when the winner is best, joint best (with at most half the
    nominees sharing it) or in the top quarter. Of 24: 6th is 6/24 = 25 % (named), 7th is 29.2 %,
    "top 30%" (not). Joint best: 2 of 5 share it (named), 3 of 5 (not), 11 of 24 (named), 13 of 24
    (not)."""
    rank = winners.Rank
    assert [rank(1.0, b, 0, 23).notable() for b in (0, 5, 6)] == [True, True, False]
    assert [rank(1.0, 0, tied, n).notable() for tied, n in ((1, 4), (2, 4), (10, 23), (12, 23))] == [
        True, False, True, False]
    # 2nd of 5 (top 40%) and 3rd of 5: no line at all; one place worth naming: a line of one
    assert winners.why({"automation_share": rank(59.3, 1, 0, 4), "circular_input": rank(26.0, 2, 0, 4)},
                       "special", "en") is None
    assert winners.why({"automation_share": rank(59.3, 1, 0, 4), "renewable_share": rank(100.0, 0, 1, 4)},
                       "special", "nb") == "Blant de beste av de nominerte til spesialprisen på fornybarandel (delt best)"
    # no line, but the key figures stay (the winner's best three)
    shown = present._key_figures("special", {"automation_share": rank(59.3, 1, 0, 4)}, "en", None)
    assert [text(by_class(shown, "figure-value"))] == ["59.3"] and not by_class(shown, "winner-why")


def test_two_winners_words_never_contradict_their_figures() -> None:
    """The demo's 2025 slide, by hand: energy intensity (lower is better) 12 is joint best among
    the main prize's 24 nominees, 19 best among the special prize's 5; the special winner's line
    may not call 19 "best" beside 12, so it names its next strength. Automation share 71.6 (2nd of
    24, top 9%) beside 59.3 (2nd of 5, top 40%) agrees with the figures, but top 40% is no strength
    to read out to the hall, so the special prize's line names renewable share alone."""
    rank = winners.Rank
    main = {"energy_intensity": rank(12.0, 0, 1, 23), "automation_share": rank(71.6, 1, 0, 23)}
    special = {"energy_intensity": rank(19.0, 0, 0, 4), "renewable_share": rank(100.0, 0, 1, 4),
               "automation_share": rank(59.3, 1, 0, 4)}
    assert winners.contradicts(main["energy_intensity"], special["energy_intensity"], True)
    assert not winners.contradicts(main["automation_share"], special["automation_share"], False)
    # equal figures told differently contradict; a worse figure in a larger top share does not
    assert winners.contradicts(rank(5.0, 0, 0, 9), rank(5.0, 1, 0, 9), False)
    assert not winners.contradicts(rank(5.0, 1, 0, 9), rank(4.0, 3, 0, 9), False)
    assert winners.contradicts(rank(5.0, 1, 0, 9), rank(4.0, 0, 0, 3), False)
    assert winners.why(special, "special", "en") == (
        "Among the best of the special prize's nominees in energy intensity (best of all) and renewable share (joint best)")
    assert winners.why(special, "special", "en", besides=main) == (
        "Among the best of the special prize's nominees in renewable share (joint best)")
    assert winners.why(main, "main", "nb") == ("Blant de beste av de nominerte til hovedprisen på energiintensitet "
                                               "(delt best) og automatiseringsgrad (topp 9 %)")


def nominated_tables() -> dict:
    """tiny_tables() with B the main prize's winner among four nominees (A a finalist, C and D
    nominated) and C the special prize's only nominee and winner, all published."""
    t = tiny_tables()
    t["nominations"] = pd.DataFrame({
        "year": 2025, "org_nr": [ORG_A, ORG_B, ORG_C, ORG_D, ORG_C], "prize": ["main"] * 4 + ["special"],
        "status": ["finalist", "winner", "nominated", "nominated", "winner"],
        "published_on": [date(2025, 1, 1)] * 5})
    return t


def test_the_special_prize_reads_the_same_before_and_after_the_main_prize_joins_it(app) -> None:
    """The first R shows the special prize; the second adds the main prize above it. The special
    prize's figures and line must not change under the hall's eyes at the second R (its line leaves
    out a KPI that would contradict the main winner's, whether or not that one is shown yet)."""
    with app.server.app_context():
        first, second = (present.winner(2025, "en", JURY, step=step) for step in (1, 2))
    [alone] = by_class(first, "winner-special")
    [beside] = by_class(second, "winner-special")
    assert by_class(alone, "winner-why") and not by_class(first, "winner-main") and by_class(second, "winner-main")
    assert [text(by_class(block, c)) for block in (alone, beside) for c in ("winner-why", "winner-figures")][:2] == \
        [text(by_class(beside, c)) for c in ("winner-why", "winner-figures")]


def test_why_the_winner_won_from_its_places_among_the_nominees(tmp_path: Path) -> None:
    """B's places among the main prize's four nominees (the others A, C, D), by hand from
    tiny_tables(): export share 90 % beats A 20 %, C 11.1 %, D 10 % (best of all); productivity 1,100
    is behind A 2,200 only (2nd of 4, "top 50%"); value added per wage 1.74 is behind A only (2nd of
    4, after productivity in the catalogue); robot density 333 and emissions reduction 9.1 % are
    2nd of the 3 reporting (67 %); emissions intensity 30.3 is behind A 3.6 and D 0.17 (last). The
    line names export share only: 2nd of 4 is no strength to read out (top 50%)."""
    t = nominated_tables()
    with serving(tmp_path / "why.duckdb", t["companies"], t["company_years"], t["nominations"]):
        jury = present.winner(2025, "en", JURY, step=2)
        public = present.winner(2025, "en", None, step=2)
    [main] = by_class(jury, "winner-main")
    assert text(by_class(main, "winner-name")) == "Beta Metall AS"
    assert [[text(by_class(f, c)) for c in ("figure-value", "figure-label", "figure-unit")]
            for f in by_class(main, "winner-figure")] == [
        [value, KPIS_BY_ID[k].label("en"), KPIS_BY_ID[k].unit("en")]
        for value, k in (("90.0", "export_share"), ("1,100", "productivity"), ("1.74", "value_added_per_wage"))]
    assert text(by_class(main, "winner-why")) == "Among the best of the main prize's nominees in export share (best of all)"
    # the special prize's only nominee has no one to be better than: its name, no figures, no "why"
    [special] = by_class(jury, "winner-special")
    assert text(by_class(special, "winner-name")) == "Gamma Sveis AS" and not by_class(special, "winner-figure")
    assert not by_class(special, "winner-why")
    # the public sees the winners' names, never a company's figures
    assert [text(by_class(b, "winner-name")) for b in by_class(public, "winner-block")] == ["Beta Metall AS", "Gamma Sveis AS"]
    assert not by_class(public, "winner-figure") and not by_class(public, "winner-why")
    # the special prize counts only its own criteria (technology, sustainability): not productivity
    assert winners.why({"productivity": winners.Rank(1.0, 0, 0, 9), "renewable_share": winners.Rank(80.0, 1, 0, 9)},
                       "special", "en") == "Among the best of the special prize's nominees in renewable share (top 20%)"


def test_hall_of_fame_gives_each_winner_its_place_line_and_the_award_is_named_once(tmp_path: Path) -> None:
    """data/hall_of_fame.csv: every real winner has a line with its place and county, except 2018,
    whose sources state none: no line there, rather than "place not stated" to the hall. B (Basic
    metals, Oslo) won the main prize in 2024 in the tiny data, a demo year, told by sector and
    county under its own heading and note."""
    t = tiny_tables()
    t["nominations"] = pd.DataFrame({"year": [2024], "org_nr": [ORG_B], "prize": ["main"], "status": ["winner"],
                                     "published_on": [date(2024, 6, 1)]})
    with serving(tmp_path / "fame.duckdb", t["companies"], t["company_years"], t["nominations"]):
        slide = present.hall_of_fame(2025, "en", JURY)
        closing = present.closing(2025, "nb")
    real, demo = by_class(slide, "fame-list")
    lines = [[text(by_class(li, c)) for c in ("year", "name", "meta")] for li in of_kind(real, "Li")]
    assert len(lines) == 7 and all(meta for year, _, meta in lines if year != "2018")
    assert lines[0] == ["2014", "Borregaard", "Sarpsborg · Østfold"]
    assert lines[4] == ["2018", "Thermo Fisher Scientific (Norway)", ""]
    assert not by_class(of_kind(real, "Li")[4], "meta")
    assert [[text(by_class(li, c)) for c in ("year", "name", "meta")] for li in of_kind(demo, "Li")] == [
        ["2024", "Beta Metall AS", "Basic metals · Oslo"]]
    assert [text(h) for h in of_kind(slide, "H2")] == ["The main prize 2014–2020", "The demo years 2024"]
    assert text(by_class(slide, "fame-note")) == "Invented companies from the demo data"
    # the closing slide names the award once, with its year
    words = " ".join(text(p) for p in of_kind(closing, "P"))
    assert words.count("Norges smarteste industribedrift") == 1 and "Norges smarteste industribedrift 2025" in words


def test_headline_names_the_population_of_each_figure(tmp_path: Path) -> None:
    """tiny_tables(), by hand. 2025: A, B, C nominated (of the 4 reporting companies); FTE 10 + 30
    + 20 + 300 = 360 (2024: 60 in 3 companies); exports 11 + 99 + 5 + 90 = 205 MNOK (2024: 100);
    emissions cut (100 - 80 + 1100 - 1000 + 50 - 50) / (100 + 1100 + 50) = 9.6 % in A, B, D
    (2024: 0 % in A and B, each in its baseline year)."""
    t = tiny_tables()
    with serving(tmp_path / "headline.duckdb", t["companies"], t["company_years"], t["nominations"]):
        jury = present.headline(2025, "en", JURY)
        public = present.headline(2025, "nb")

    def cells(slide: list) -> list[list[str]]:
        return [[text(by_class(c, k)) for k in ("big-number", "big-label", "big-population", "big-change")]
                for c in by_class(slide, "big-cell")]

    assert cells(jury) == [
        ["3", "nominated companies", "among 4 reporting companies", "0 in 2024"],
        ["360", "full-time equivalents", "in 4 reporting companies", "+500.0% since 2024 (3 companies then)"],
        ["0.2", "NOK billion in exports", "from 4 companies reporting exports", "+105.0% since 2024 (3 companies then)"],
        ["9.6", "% lower emissions than in the companies' baseline years", "in 3 companies reporting emissions",
         "+9.6 percentage points since 2024 (2 companies then)"]]
    # the public: no nomination published yet, and no total from fewer than five companies (so no change)
    assert cells(public) == [
        ["0", "nominerte bedrifter", "blant 4 rapporterende bedrifter", "0 i 2024"],
        ["–", "årsverk", "i 4 rapporterende bedrifter", ""],
        ["–", "mrd. kr i eksport", "fra 4 bedrifter som rapporterer eksport", ""],
        ["–", "% lavere utslipp enn i bedriftenes basisår", "i 3 bedrifter som rapporterer utslipp", ""]]


def test_headline_changes_come_from_unrounded_figures(tmp_path: Path, monkeypatch) -> None:
    """The public's FTE total is published rounded (60), but its change is worked out from the
    unrounded totals and rounded once: 2025 without D, A at 10.4 FTE: 60.4 against 60 in 2024 is
    +0.7 %, where the rounded figures (60 and 60) would say +0.0 %. Every cell published here, to
    test the rounding alone."""
    from dashboard import disclosure

    t = tiny_tables()
    years = t["company_years"]
    years = years[~((years["org_nr"] == ORG_D) & (years["year"] == 2025))].copy()
    years["fte"] = years["fte"].astype(float)
    years.loc[(years["org_nr"] == ORG_A) & (years["year"] == 2025), "fte"] = 10.4
    monkeypatch.setattr(disclosure, "published", lambda run_query, kpis, yrs, cells: {
        (k, y, c) for k in kpis for y in yrs for c in cells})
    with serving(tmp_path / "rounding.duckdb", t["companies"], years, t["nominations"]):
        public = present.headline(2025, "en")
    fte = [text(by_class(c, k)) for c in by_class(public, "big-cell")[1:2] for k in ("big-number", "big-change")]
    assert fte == ["60", "+0.7% since 2024 (3 companies then)"]


def test_county_map_slide_names_the_counties_and_the_top_three(tmp_path: Path) -> None:
    """tiny_tables() 2025 for the jury: Oslo (A, B) (22 + 33) / (10 + 30) = 1,375 and Vestland (C, D)
    (10 + 300) / (20 + 300) = 969 (thousand kroner per FTE); no other county reports."""
    t = tiny_tables()
    with serving(tmp_path / "map.duckdb", t["companies"], t["company_years"], t["nominations"]):
        slide = present.county_map(2025, "en", JURY)
    fig = find(slide, "present-map").figure
    labels = dict([part for part in re.split("<[^>]*>", a["text"]) if part]  # name, value
                  for a in fig["layout"]["annotations"] if a.get("xref") == "x")
    assert len(labels) == 15 and labels["Oslo"] == "1,375" and labels["Vestland"] == "969"
    assert labels["Møre og Romsdal"] == labels["Finnmark"] == "no data"
    outlined = [s for s in fig["layout"]["shapes"] if s["line"].get("color") == figures.SLIDE_ACCENT]
    assert len(outlined) == 2  # the top three, of the two counties with a figure
    # each outline lies inside its tile (4 px line, 0.04 tile heights in): neighbours keep their gap
    tiles = [s for s in fig["layout"]["shapes"] if s["line"]["width"] == 0]
    for o in outlined:
        [tile] = [s for s in tiles if s["x0"] < o["x0"] and s["x1"] > o["x1"] and s["y0"] < o["y0"] and s["y1"] > o["y1"]]
        assert round(o["y0"] - tile["y0"], 6) == 0.04 and o["line"]["width"] == 4
    unit = KPIS_BY_ID["productivity"].unit("en")
    assert [text(li) for li in of_kind(by_class(slide, "map-top"), "Li")] == [
        f"Oslo1,375 {unit}", f"Vestland969 {unit}"]
    # the colour scale: six equal bands from 968.75 to 1,375 (67.71 wide), darkest (best) first, then
    # "no data"; a boundary (1,307.29) belongs to the better band, so the next one stops at 1,306
    scale = [text(li) for li in of_kind(by_class(slide, "map-scale"), "Li")]
    assert scale == ["1,307–1,375", "1,240–1,306", "1,172–1,239", "1,104–1,171", "1,036–1,103", "969–1,035", "no data"]
    assert text(by_class(slide, "scale-title")) == f"Productivity, {unit}"


def test_scale_labels_share_no_endpoint() -> None:
    """Values 10 to 16 in bands of 1: higher is better, 15–16 holds 15, so the next is 14–14.9 (one
    decimal shown); lower is better, 10–11 holds 11, so the next starts at 12 (none shown)."""
    labels = [text for _, text in present.scale_labels(figures.tile_scale([10.0, 16.0], True), 1, "nb")]
    assert labels == ["15,0–16,0", "14,0–14,9", "13,0–13,9", "12,0–12,9", "11,0–11,9", "10,0–10,9"]
    labels = [text for _, text in present.scale_labels(figures.tile_scale([10.0, 16.0], False), 0, "en")]
    assert labels == ["10–11", "12", "13", "14", "15", "16"]


def test_tile_scale_bands() -> None:
    assert figures.tile_scale([10.0, 16.0, 13.0], True) == [
        (c, lo, lo + 1) for c, lo in zip(reversed(figures.SEQUENTIAL), (15.0, 14.0, 13.0, 12.0, 11.0, 10.0))]
    # lower is better: the darkest band holds the lowest values
    assert figures.tile_scale([10.0, 16.0], False)[0] == (figures.SEQUENTIAL[-1], 10.0, 11.0)


def test_scatter_names_a_dropped_sector_and_never_piles_labels() -> None:
    """Four sectors over two years: Beverages (11) is not published in 2024, so that frame names
    it in a note (and shows no figure for it); Paper (17) reports in 2025 without a published figure
    (a row without figures), so it is named too; Food (10) and Wood (16) sit on one spot, so only the
    larger (Food) gets its name there."""
    nan = float("nan")
    df = pd.DataFrame({"sector": [10, 16, 10, 16, 11, 17], "year": [2024, 2024, 2025, 2025, 2025, 2025],
                       "fte": [900.0, 100.0, 900.0, 100.0, 400.0, nan],
                       "productivity": [1000.0, 1000.0, 1100.0, 1100.0, 2000.0, nan],
                       "emissions_intensity": [5.0, 5.0, 5.0, 5.0, 50.0, nan]})
    fig = figures.animated_sectors_figure(df, dimensions.sectors().reset_index(drop=True), "en", "T", "N", font=26)
    frames = {f["name"]: f["data"] for f in fig["frames"]}
    bubbles, note = frames["2024"]
    assert bubbles["ids"] == ["10", "16"] and "11" not in bubbles["ids"]
    assert note["text"] == ["Not published for 2024: Beverages"]
    bubbles, note = frames["2025"]
    assert dict(zip(bubbles["ids"], bubbles["text"])) == {"10": "Food", "16": " ", "11": "Beverages"}
    assert note["text"] == ["Not published for 2025: Paper"] and "17" not in bubbles["ids"]
    bubbles, note = figures.animated_sectors_figure(df[df["sector"] != 17], dimensions.sectors().reset_index(drop=True),
                                                    "en", "T", "N", font=26)["frames"][1]["data"]
    assert note["text"] == [" "]  # blank, not empty (see the builder)
    assert fig["data"] == frames["2025"]  # the chart opens on the last year
    corners = [a["text"] for a in fig["layout"]["annotations"] if a.get("xref") == "x domain"]
    assert corners == ["↑ more value per FTE", "← less emissions per krone of value added"]


def test_sector_slide_names_the_sectors_it_leaves_out(tmp_path: Path) -> None:
    """tiny_tables() 2025: Metal products (A, C), Basic metals (B) and Food (D) each have
    fewer than five companies, so the bars show none of them, for the jury too, and the caption
    names all three (sorted by name)."""
    t = tiny_tables()
    with serving(tmp_path / "sectors.duckdb", t["companies"], t["company_years"], t["nominations"]):
        slide = present.sectors(2025, "en", JURY)
    assert not find(slide, "present-sectors").figure["data"]
    assert "Not published for 2025 (a sector is shown from 5 companies): Basic metals, Food, Metal products." in (
        text(by_class(slide, "slide-note")))
    reported = pd.DataFrame({"member": ["10", "24", "25"], "value": [1.0, 2.0, 3.0]})
    assert present.hidden_sectors(reported, reported.assign(value=[1.0, None, 3.0]), 2025, "nb") == (
        "Ikke publisert for 2025 (en bransje vises fra 5 bedrifter): Metaller.")
    assert present.hidden_sectors(reported, reported, 2025, "nb") == ""


def test_sector_callouts_write_the_percent_sign_each_languages_way(tmp_path: Path) -> None:
    """Five metal-product companies (sector 25, Oslo), 10 FTE each, emitting 100 t each in 2024
    and 90, 80, 70, 60, 52 t in 2025: a cut of (10 + 20 + 30 + 40 + 48) / 500 = 29.6 %; robots
    1, 1, 1, 1, 2 in 2025: 6 per 50 FTE = 1,200 per 10,000 FTE. English writes "29.6%", Norwegian
    "29,6 %"."""
    orgs = ["910000055", "910000063", "910000071", "910000098", "910000101"]
    companies = pd.DataFrame({"org_nr": orgs, "name": [f"Firma {i} AS" for i in range(5)], "county_code": "03",
                              "sector_code": 25, "founded": 2000, "ownership": "norwegian"})
    years = company_years([dict(org_nr=org, year=year, fte=10, turnover_mnok=50, value_added_mnok=20,
                                wage_costs_mnok=8, scope1_t=t, scope2_t=0, robots=robots)
                           for org, cut, robots in zip(orgs, (90, 80, 70, 60, 52), (1, 1, 1, 1, 2))
                           for year, t in ((2024, 100), (2025, cut))])
    with serving(tmp_path / "callouts.duckdb", companies, years):
        en, nb = (present.sectors(2025, lang, JURY) for lang in ("en", "nb"))
    assert [text(li) for li in of_kind(by_class(en, "callouts"), "Li")] == [
        "Highest robot density: Metal products (1,200 robots per 10,000 FTE)",
        "Highest emissions reduction: Metal products (29.6% since the baseline year)"]
    assert [text(li) for li in of_kind(by_class(nb, "callouts"), "Li")][1] == (
        "Høyest utslippskutt: Metallvarer (29,6 % siden basisåret)")


def test_no_english_slide_puts_a_space_before_a_percent_sign(app) -> None:
    """Every slide of the demo's 2025 deck in English, its charts and the winners after both
    presses of R: a percent sign follows its number with no space ("36.9%"); Norwegian keeps the
    space ("36,9 %"), as i18n.with_unit writes it."""
    with app.server.app_context():
        pages = {lang: json.dumps([present.layout(year="2025", lang=lang), present.winner(2025, lang, JURY, step=2)],
                                  cls=PlotlyJSONEncoder, ensure_ascii=False) for lang in ("en", "nb")}
    assert re.findall(r".{40}\d %", pages["en"]) == []
    assert re.search(r"\d+,\d %", pages["nb"])  # the check sees a Norwegian percent


def test_dark_returns_a_new_figure_and_leaves_the_original_alone() -> None:
    fig = figures.with_layout(figures.tiles_as_shapes(tile_map(), font=20), height=500)
    before = copy.deepcopy(fig)
    slide = present.dark(fig)
    assert fig == before
    assert slide is not fig and slide["layout"] is not fig["layout"]
    assert slide["layout"]["margin"] is not fig["layout"]["margin"]
    assert "height" not in slide["layout"] and slide["layout"]["autosize"] is True
    assert slide["layout"]["margin"]["t"] == 110 and slide["layout"]["margin"]["b"] == 70
    # the note under the plot goes (a caption says it on the slide); the tile labels stay
    assert [a for a in fig["layout"]["annotations"] if a.get("xref") == "paper"]
    assert [a["xref"] for a in slide["layout"]["annotations"]] == ["x"] * 15


def test_slide_charts_take_the_dark_look_from_the_template(app) -> None:
    with app.server.app_context():
        page = present.layout(year="2025", lang="en", slides="map,scatter,automation,sectors")
    graphs = [c for c in page._traverse() if isinstance(c, dcc.Graph)]
    assert [g.id for g in graphs] == ["present-map", "present-scatter", "present-automation", "present-sectors"]
    dark = pio.templates["nsi_dark"].to_plotly_json()
    assert dark["layout"]["paper_bgcolor"] == dark["layout"]["plot_bgcolor"] == figures.SLIDE_PAPER
    for graph in graphs:
        layout = graph.figure["layout"]
        # the template goes with the figure (plotly.js knows no template by plotly.py's name)...
        assert layout["template"] == dark, graph.id
        # ...and the light look of the other pages is left out, so the template's shows
        assert not {"paper_bgcolor", "plot_bgcolor", "font"} & layout.keys(), graph.id
        assert "font" not in layout["title"] and "gridcolor" not in layout["xaxis"], graph.id
        # an axis title takes the template's size (the light pages' 14 px would be unreadable
        # across a hall beside 22 px ticks)
        for axis in ("xaxis", "yaxis"):
            assert "font" not in layout[axis].get("title", {}), (graph.id, axis)
    # ticks group thousands ("3 500", "3,500"), titles are as large as the ticks
    for axis in ("xaxis", "yaxis"):
        look = dark["layout"][axis]
        assert look["separatethousands"] is True
        assert look["title"]["font"]["size"] == look["tickfont"]["size"] == figures.SLIDE_FONT - 4
