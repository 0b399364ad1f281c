"""The compare page's callbacks over HTTP: choosing, comparing, ranking, downloading, hostile input."""

from __future__ import annotations

import pytest

from dashboard.callbacks import compare as cb
from tests.dash_requests import callback_body
from tests.layout import by_class, of_kind, text


@pytest.fixture(scope="module")
def client(app):
    client = app.server.test_client()
    client.get("/")
    return client


@pytest.fixture(scope="module")
def finalists(app) -> list[str]:
    from dashboard.pages.compare import finalists
    from dashboard.state import CompareState

    with app.server.app_context():
        return finalists(CompareState(year=2025, prize="main"))


def post(client, app, output: str, values: dict, changed: str | None = None):
    response = client.post("/_dash-update-component", json=callback_body(app, output, values, changed))
    return response


def test_add_all_finalists(client, app, finalists) -> None:
    assert len(finalists) == 3
    r = post(client, app, "compare-companies.value",
             {"compare-add-finalists.n_clicks": 1, "compare-companies.value": [],
              "compare-year.value": 2025, "compare-prize.value": "main", "compare-lang.data": "en"},
             changed="compare-add-finalists.n_clicks")
    assert r.get_json()["response"]["compare-companies"]["value"] == finalists


def test_comparison_and_ranking(client, app, finalists) -> None:
    r = post(client, app, "compare-table.children",
             {"compare-companies.value": finalists, "compare-year.value": 2025, "compare-prize.value": "main",
              "compare-lang.data": "en"})
    out = r.get_json()["response"]
    store = out["compare-scores"]["data"]
    assert [c["org_nr"] for c in store["companies"]] == finalists
    assert set(store["companies"][0]["scores"]) == {"sustainability", "technology", "productivity", "rnd",
                                                    "cost_level", "world_market"}
    assert out["compare-table-title"]["children"] == "Every key figure, 2025"
    assert out["compare-results"]["hidden"] is False and out["compare-empty"]["hidden"] is True
    # on screen one table; on paper the same companies in groups of five, the KPI column repeated
    tables = of_kind(out["compare-table"]["children"], "Table")
    heads = [[text(th) for th in of_kind(of_kind(table, "Thead"), "Th")] for table in tables]
    assert len(tables) == 2 and heads[0] == heads[1] and heads[0][0] == "Key figure"

    r = post(client, app, "compare-multiples.figure",
             {"compare-companies.value": finalists, "compare-view.value": "change", "compare-year.value": 2025,
              "compare-prize.value": "main", "compare-lang.data": "en"})
    multiples = r.get_json()["response"]["compare-multiples"]["figure"]
    assert multiples["layout"]["title"]["text"] == "Change since the company's first reported year"
    assert {tr["legendgroup"] for tr in multiples["data"]} == set(finalists)
    # every series starts at zero: change since the company's own first year
    assert all(tr["y"][0] == 0 for tr in multiples["data"] if tr["y"] and tr["y"][0] is not None)

    r = post(client, app, "compare-radar.figure", {"compare-scores.data": store, "compare-lang.data": "en"})
    radar = r.get_json()["response"]["compare-radar"]["figure"]
    assert [tr["name"] for tr in radar["data"]] == [c["name"] for c in store["companies"]]
    assert all(v is None or 0 <= v <= 100 for tr in radar["data"] for v in tr["r"])

    criteria = ["sustainability", "technology", "productivity", "rnd", "cost_level", "world_market"]
    ids = [{"type": "compare-weight", "criterion": c} for c in criteria]
    names = {c["org_nr"]: c["name"] for c in store["companies"]}

    def order(weights: list[float]) -> list[str]:
        body = callback_body(app, "compare-ranking.children", {"compare-scores.data": store, "compare-lang.data": "en"})
        body["inputs"][0] = [{"id": i, "property": "value", "value": w} for i, w in zip(ids, weights)]
        body["state"][0] = [{"id": i, "property": "id", "value": i} for i in ids]
        table = client.post("/_dash-update-component", json=body).get_json()["response"]["compare-ranking"]["children"]
        heads = [text(th) for th in of_kind(of_kind(table, "Thead"), "Th")]
        assert heads[:3] == ["Rank", "Company", "Score (0–100)"] and heads[-1] == "Stability", heads
        rows = of_kind(of_kind(table, "Tbody"), "Tr")
        assert text(by_class(rows[0], "rank")) == "1"
        listed = [text(of_kind(tr, "Th")) for tr in rows]  # the companies, best first
        assert sorted(listed) == sorted(names.values())
        return [org for name in listed for org in names if names[org] == name]

    for criterion in ("productivity", "world_market"):
        only = [1.0 if c == criterion else 0.0 for c in criteria]
        best = max(store["companies"], key=lambda c: c["scores"][criterion] or -1)["org_nr"]
        assert order(only)[0] == best, criterion


@pytest.mark.parametrize("values", [
    {"compare-companies.value": ["1 or 1=1"] * 10_000},
    {"compare-companies.value": "910000004", "compare-year.value": 10**12},
    {"compare-companies.value": [{"$ne": 1}], "compare-prize.value": ["main"], "compare-view.value": 3},
])
def test_hostile_comparison_requests(client, app, values) -> None:
    base = {"compare-companies.value": [], "compare-year.value": 2025, "compare-prize.value": "main",
            "compare-view.value": "change", "compare-lang.data": "nb"}
    for output in ("compare-table.children", "compare-multiples.figure"):
        r = post(client, app, output, base | values)
        assert r.status_code == 200, output
        body = r.get_data(as_text=True)
        assert "Traceback" not in body and "select " not in body.lower()


def test_hostile_ranking_store(client, app) -> None:
    body = callback_body(app, "compare-ranking.children",
                         {"compare-scores.data": {"prize": "x", "companies": [{"name": 1, "scores": "no"},
                                                                               {"name": "A", "scores": {"p": "drop"}}]},
                          "compare-lang.data": "en"})
    body["inputs"][0] = [{"id": {"type": "compare-weight", "criterion": "rnd"}, "property": "value", "value": "9e999"}]
    body["state"][0] = [{"id": {"type": "compare-weight", "criterion": "rnd"}, "property": "id",
                         "value": {"type": "compare-weight", "criterion": "rnd"}}]
    r = client.post("/_dash-update-component", json=body)
    assert r.status_code == 200 and "Pick companies to compare them." in r.get_data(as_text=True)
    radar = post(client, app, "compare-radar.figure", {"compare-scores.data": [1, 2], "compare-lang.data": "en"})
    assert radar.status_code == 200 and "Pick companies to compare them." in radar.get_data(as_text=True)


def test_search_by_name_or_number(client, app, finalists) -> None:
    r = post(client, app, "compare-companies.options",
             {"compare-companies.search_value": finalists[0][:5], "compare-year.value": 2025,
              "compare-prize.value": "main", "compare-status.value": "all", "compare-companies.value": [],
              "compare-lang.data": "en"}, changed="compare-companies.search_value")
    options = r.get_json()["response"]["compare-companies"]["options"]
    assert finalists[0] in [o["value"] for o in options]
    assert all(o["value"].startswith(finalists[0][:5]) or finalists[0][:5] in o["label"] for o in options)


def test_key_figure_csv_is_the_table_as_shown(client, app, finalists) -> None:
    from dashboard.kpis import KPIS

    r = post(client, app, "compare-download.data",
             {"compare-csv.n_clicks": 1, "compare-companies.value": finalists, "compare-year.value": 2025,
              "compare-prize.value": "main", "compare-lang.data": "nb"})
    data = r.get_json()["response"]["compare-download"]["data"]
    assert data["filename"] == "compare-main-2025.csv"
    lines = data["content"].lstrip("\ufeff").splitlines()
    assert lines[0] == "Bedrift;Org.nr.;Nøkkeltall;Enhet;Verdi;P nominerte;P bransje"
    rows = [line.split(";") for line in lines[1:]]
    # the companies in the ranking's order at the default weights (each criterion 1; scores from
    # the store): Solhaug (65.9 + 56.8 + 70.8 + 50.0 + 79.2 + 91.7) / 6 = 69.1, Lysstad 60.9,
    # Strandnes 60.2; each with the KPIs in the table's order
    assert list(dict.fromkeys(row[1] for row in rows)) == RANKED_FINALISTS
    first = [row[2] for row in rows if row[1] == RANKED_FINALISTS[0]]
    assert first == [k.label("nb") for k in KPIS if k.label("nb") in first]
    assert len(first) > 10
    # every number as the table shows it (rounded to the KPI's decimals), percentiles whole
    table = post(client, app, "compare-table.children",
                 {"compare-companies.value": finalists, "compare-year.value": 2025, "compare-prize.value": "main",
                  "compare-lang.data": "nb"}).get_json()["response"]["compare-table"]["children"]
    screen = of_kind(table, "Table")[0]
    shown = [text(by_class(td, "value")) for tr in of_kind(of_kind(screen, "Tbody"), "Tr")
             for td in of_kind(tr, "Td")[:1] if by_class(td, "value")]
    assert len(shown) == len(first)
    for row, value in zip(rows, shown):  # the first company's rows, against its column on the page
        assert float(row[4].replace(",", ".")) == float(value.replace("\u2009", "").replace("\xa0", "")
                                                         .replace("\u2212", "-").replace(",", ".")), (row, value)
        assert row[5].lstrip("-").isdigit() or row[5] == "", row


# The 2025 finalists of the demo data, best first at the default weights (see the test above)
RANKED_FINALISTS = ["961785146", "939229159", "903346655"]


def test_key_figures_follow_the_ranking(client, app, finalists) -> None:
    """The key-figure table's columns (on screen and in the print's groups), the key-figure CSV and
    the legends of the small multiples and the radar list the companies as the ranking does, under
    the sliders' weights. A weight that moves no company changes nothing; one that does reorders
    them all, and each company keeps its colour."""
    criteria = list(RANKING_WEIGHTS)
    ids = [{"type": "compare-weight", "criterion": c} for c in criteria]
    names = {"961785146": "Solhaug Sensor AS", "939229159": "Lysstad Optikk AS", "903346655": "Strandnes Elektro AS"}

    def request(output: str, values: dict, only: str | None = None, changed: str | None = None) -> dict | None:
        """The callback's response under weights of 1 each, or all on the criterion ``only``."""
        weights = [1.0] * len(criteria) if only is None else [float(c == only) for c in criteria]
        body = callback_body(app, output, {"compare-year.value": 2025, "compare-prize.value": "main",
                                           "compare-lang.data": "en"} | values, changed)
        for part in ("inputs", "state"):
            for i, item in enumerate(body[part]):
                if "ALL" in str(item["id"]):
                    body[part][i] = [{"id": x, "property": item["property"],
                                      "value": w if item["property"] == "value" else x} for x, w in zip(ids, weights)]
        response = client.post("/_dash-update-component", json=body)
        return None if response.status_code == 204 else response.get_json()["response"]

    def heads(table: dict) -> list[list[str]]:
        """Each table's company columns by name: the screen's first, then the print's groups."""
        return [[text(th).split(" ")[0] for th in of_kind(of_kind(t_, "Thead"), "Th")[1:]]
                for t_ in of_kind(table, "Table")]

    picked = {"compare-companies.value": finalists}
    out = request("compare-table.children", picked)
    assert out["compare-order"]["data"] == RANKED_FINALISTS
    assert heads(out["compare-table"]["children"]) == [["Solhaug", "Lysstad", "Strandnes"]] * 2
    store = out["compare-scores"]["data"]
    assert [c["org_nr"] for c in store["companies"]] == finalists  # colours by the order picked

    moved = {"compare-scores.data": store, "compare-order.data": RANKED_FINALISTS} | picked
    weight = '{"criterion":"%s","type":"compare-weight"}.value'
    # all weight on world market: Solhaug 91.7, Lysstad 87.5, Strandnes 33.3, the same order: no answer
    assert request("compare-table.children", moved, "world_market", weight % "world_market") is None
    # all on technology: Strandnes 87.4, Lysstad 71.0, Solhaug 56.8; the table is drawn again
    out = request("compare-table.children", moved, "technology", weight % "technology")
    by_technology = ["903346655", "939229159", "961785146"]
    assert out["compare-order"]["data"] == by_technology
    assert heads(out["compare-table"]["children"]) == [["Strandnes", "Lysstad", "Solhaug"]] * 2
    assert "compare-scores" not in out  # nothing else changed

    csv = request("compare-download.data", {"compare-csv.n_clicks": 1} | picked, "technology")
    lines = csv["compare-download"]["data"]["content"].lstrip("\ufeff").splitlines()[1:]
    assert list(dict.fromkeys(line.split(",")[1] for line in lines)) == by_technology

    for output, values in (("compare-multiples.figure", {"compare-view.value": "change"} | picked),
                           ("compare-radar.figure", {"compare-scores.data": store})):
        figure = request(output, values | {"compare-order.data": by_technology})[output.split(".")[0]]["figure"]
        legend = sorted((tr["legendrank"], tr["name"]) for tr in figure["data"] if tr.get("showlegend", True))
        assert [name for _, name in legend] == [names[org] for org in by_technology], output
        colour = {tr["name"]: tr["line"]["color"] for tr in figure["data"]}
        assert [colour[names[org]] for org in finalists] == ["#0072B2", "#D55E00", "#009E73"], output


def ranking_store() -> dict:
    """Three companies' criterion scores, made up to be computed by hand (see the test below)."""
    blank = dict.fromkeys(["sustainability", "technology", "productivity", "rnd", "cost_level", "world_market"])
    return {"prize": "main", "year": 2025, "companies": [
        {"org_nr": "910000004", "name": "Alfa", "percentiles": {},
         "scores": {"sustainability": 62.5, "technology": 60.0, "productivity": 40.0, "rnd": None,
                    "cost_level": 50.0, "world_market": 70.0}},
        {"org_nr": "910000012", "name": "Beta", "percentiles": {},
         "scores": {"sustainability": 30.0, "technology": 90.0, "productivity": 70.0, "rnd": 20.0,
                    "cost_level": 60.0, "world_market": 10.0}},
        {"org_nr": "910000020", "name": "Ceta", "percentiles": {}, "scores": blank},
    ]}


RANKING_WEIGHTS = {"sustainability": 1.0, "technology": 1.0, "productivity": 2.5, "rnd": 0.0, "cost_level": 1.0,
                   "world_market": 1.0}


def ranking_request(app, store: dict, weights: dict[str, float], lang: str = "nb") -> dict:
    ids = [{"type": "compare-weight", "criterion": c} for c in weights]
    body = callback_body(app, "compare-ranking.children", {"compare-scores.data": store, "compare-lang.data": lang})
    body["inputs"][0] = [{"id": i, "property": "value", "value": w} for i, w in zip(ids, weights.values())]
    body["state"][0] = [{"id": i, "property": "id", "value": i} for i in ids]
    return body


def test_ranking_csv_is_the_ranking_as_shown(client, app) -> None:
    from dashboard import csv_export
    from dashboard.pages import compare as page

    # By hand, weights 1, 1, 2.5, 0, 1, 1 (sum 6.5):
    #   Beta (30 + 90 + 2.5·70 + 0·20 + 60 + 10) / 6.5 = 365 / 6.5 = 56.15 -> 56.2, first
    #   Alfa (62.5 + 60 + 2.5·40 + 50 + 70) / 6.5 (no R&D score: left out) = 342.5 / 6.5 = 52.69 -> 52.7
    #   Ceta has no scores: no rank, listed last
    # Productivity's weight halved (1.25): Alfa 292.5 / 5.25 = 55.7 passes Beta 277.5 / 5.25 = 52.9, so
    # each moves one place (stability 1). Alfa's 62.5 is shown, and written, as 62 (half to even).
    csv = csv_export.to_csv(page.ranking_csv_rows(ranking_store(), RANKING_WEIGHTS, "nb"), "nb")
    assert csv.lstrip("\ufeff").splitlines() == [
        ("Plass;Bedrift;Org.nr.;Poeng (0–100);Bærekraft (vekt 1);Teknologi (vekt 1);Produktivitet (vekt 2,5);"
         "FoU (vekt 0);Kostnadsnivå (vekt 1);Verdensmarked (vekt 1);Stabilitet (± plasser)"),
        "1;Beta;910000012;56,2;30;90;70;20;60;10;1",
        "2;Alfa;910000004;52,7;62;60;40;;50;70;1",
        ";Ceta;910000020;;;;;;;;0",
    ]
    # the table on the page says the same, in the same order, and offers "reset weights"
    out = client.post("/_dash-update-component", json=ranking_request(app, ranking_store(), RANKING_WEIGHTS))
    response = out.get_json()["response"]
    assert response["compare-reset-weights"]["disabled"] is False
    rows = of_kind(of_kind(response["compare-ranking"]["children"], "Tbody"), "Tr")
    assert [[text(c) for c in of_kind(tr, "Td") + of_kind(tr, "Th")] for tr in rows] == [
        ["1", "56,2", "30", "90", "70", "20", "60", "10", "±1", "Beta"],
        ["2", "52,7", "62", "60", "40", "–", "50", "70", "±1", "Alfa"],
        ["–", "ingen tall", "–", "–", "–", "–", "–", "–", "stabil", "Ceta"],
    ]
    title = by_class(response["compare-ranking"]["children"], "print-title")
    assert text(by_class(title, "print-weights-line")) == (
        "Vekter: Bærekraft 1 · Teknologi 1 · Produktivitet 2,5 · FoU 0 · Kostnadsnivå 1 · Verdensmarked 1")
    assert text(by_class(title, "print-title-line")).startswith(
        "Norges smarteste industribedrift · Hovedprisen 2025 · juryens sammenligning, ")
    same = client.post("/_dash-update-component", json=ranking_request(app, ranking_store(), dict.fromkeys(RANKING_WEIGHTS, 1)))
    assert same.get_json()["response"]["compare-reset-weights"]["disabled"] is True


def tie_store() -> dict:
    """Four companies scored on technology alone, made up so that two totals are shown alike."""
    def company(org: str, name: str, technology: float) -> dict:
        scores = dict.fromkeys(["sustainability", "technology", "productivity", "rnd", "cost_level", "world_market"])
        return {"org_nr": org, "name": name, "percentiles": {}, "scores": scores | {"technology": technology}}
    return {"prize": "main", "year": 2025, "companies": [
        company("910000004", "Gamma", 60.84), company("910000012", "Beta", 60.86),
        company("910000020", "Delta", 70.0), company("910000039", "Alfa", 60.94)]}


def test_scores_shown_alike_share_a_place(client, app) -> None:
    """By hand, every weight 1 and only technology scored, so each total is its technology score:
    Delta 70.0; Alfa 60.94 and Beta 60.86, both shown 60.9, share second place (listed by name);
    Gamma 60.84, shown 60.8, is fourth, not third. The table, its note and the CSV agree."""
    from dashboard import csv_export
    from dashboard.pages import compare as page

    weights = dict.fromkeys(RANKING_WEIGHTS, 1.0)
    out = client.post("/_dash-update-component", json=ranking_request(app, tie_store(), weights, "en"))
    children = out.get_json()["response"]["compare-ranking"]["children"]
    rows = of_kind(of_kind(children, "Tbody"), "Tr")
    assert [[text(of_kind(tr, "Td")[0]), text(of_kind(tr, "Th")), text(of_kind(tr, "Td")[1])] for tr in rows] == [
        ["1", "Delta", "70.0"], ["2", "Alfa", "60.9"], ["2", "Beta", "60.9"], ["4", "Gamma", "60.8"]]
    assert [text(cell) for cell in by_class(children, "shared")] == ["2", "2"]
    assert text(by_class(children, "tie-note")).startswith("Shared place: companies with the same score as shown")
    csv = csv_export.to_csv(page.ranking_csv_rows(tie_store(), weights, "en"), "en").lstrip("\ufeff").splitlines()
    assert [line.split(",")[:4] for line in csv[1:]] == [
        ["1", "Delta", "910000020", "70.0"], ["2", "Alfa", "910000039", "60.9"],
        ["2", "Beta", "910000012", "60.9"], ["4", "Gamma", "910000004", "60.8"]]
    # no tie, no note: the three companies of the store above
    plain = client.post("/_dash-update-component", json=ranking_request(app, ranking_store(), weights, "en"))
    assert by_class(plain.get_json()["response"]["compare-ranking"]["children"], "tie-note") == []


def test_ranking_download_over_http(client, app, finalists) -> None:
    """The ranking's download recomputes the scores from the database, under the sliders' weights,
    and lists the companies as the ranking on the page does."""
    weights = dict.fromkeys(RANKING_WEIGHTS, 1.0) | {"productivity": 3.0}
    ids = [{"type": "compare-weight", "criterion": c} for c in weights]
    body = callback_body(app, "compare-ranking-download.data",
                         {"compare-ranking-csv.n_clicks": 1, "compare-companies.value": finalists,
                          "compare-year.value": 2025, "compare-prize.value": "main", "compare-lang.data": "en"})
    body["state"][3] = [{"id": i, "property": "value", "value": w} for i, w in zip(ids, weights.values())]
    body["state"][4] = [{"id": i, "property": "id", "value": i} for i in ids]
    data = client.post("/_dash-update-component", json=body).get_json()["response"]["compare-ranking-download"]["data"]
    assert data["filename"] == "ranking-main-2025.csv"
    lines = data["content"].lstrip("\ufeff").splitlines()
    assert lines[0].startswith("Rank,Company,Org. no.,Score (0–100),Sustainability (weight 1),")
    assert "Productivity (weight 3)" in lines[0]
    store = post(client, app, "compare-table.children",
                 {"compare-companies.value": finalists, "compare-year.value": 2025, "compare-prize.value": "main",
                  "compare-lang.data": "en"}).get_json()["response"]["compare-scores"]["data"]
    table = client.post("/_dash-update-component", json=ranking_request(app, store, weights, "en")).get_json()
    rows = of_kind(of_kind(table["response"]["compare-ranking"]["children"], "Tbody"), "Tr")
    shown = [[text(of_kind(tr, "Td")[0]), text(of_kind(tr, "Th")), text(of_kind(tr, "Td")[1])] for tr in rows]
    written = [line.split(",") for line in lines[1:]]
    assert [[row[0], row[1], row[3]] for row in written] == shown  # rank, name, total to one decimal
    assert sorted(row[2] for row in written) == sorted(finalists)


def test_reset_weights(client, app) -> None:
    ids = [{"type": "compare-weight", "criterion": c} for c in ("productivity", "rnd", "world_market")]
    key = '{"criterion":["ALL"],"type":"compare-weight"}.value'
    body = {"output": key, "outputs": {"id": {"criterion": ["ALL"], "type": "compare-weight"}, "property": "value"},
            "inputs": [{"id": "compare-reset-weights", "property": "n_clicks", "value": 1}],
            "changedPropIds": ["compare-reset-weights.n_clicks"],
            "state": [[{"id": i, "property": "id", "value": i} for i in ids]]}
    response = client.post("/_dash-update-component", json=body).get_json()["response"]
    assert response == {'{"criterion":["ALL"],"type":"compare-weight"}': {"value": [1.0, 1.0, 1.0]}}
    body["state"][0] = "nonsense"
    hostile = client.post("/_dash-update-component", json=body)
    assert hostile.status_code < 500 and "Traceback" not in hostile.get_data(as_text=True)


def test_opens_with_the_latest_finalists(app, finalists) -> None:
    from dashboard.pages import compare as page
    from tests.layout import find, prop

    with app.server.test_request_context():
        opened = page.layout(lang="en")  # the menu's link: no companies in the address
        empty = page.layout(lang="en", companies="")  # the empty view's own address
        named = page.layout(lang="en", companies=finalists[0])
    assert prop(find(opened, "compare-companies"), "value") == finalists
    assert prop(find(opened, "compare-results"), "hidden") is False
    assert prop(find(opened, "compare-empty"), "hidden") is True
    assert prop(find(empty, "compare-companies"), "value") == []
    assert prop(find(empty, "compare-results"), "hidden") is True
    assert prop(find(empty, "compare-empty"), "hidden") is False
    assert text(find(empty, "compare-load-finalists")) == "Load the 2025 finalists"
    assert prop(find(empty, "compare-load-finalists"), "disabled") is False
    assert prop(find(named, "compare-companies"), "value") == [finalists[0]]


def test_address_reproduces_the_view(client, app, finalists) -> None:
    def address(companies: list[str]) -> str:
        r = post(client, app, "compare-address.data",
                 {"compare-year.value": 2025, "compare-prize.value": "main", "compare-status.value": "nominated",
                  "compare-companies.value": companies, "compare-view.value": "change", "compare-lang.data": "en"})
        return r.get_json()["response"]["compare-address"]["data"]

    assert address(finalists) == "/compare?companies=" + ",".join(finalists) + "&lang=en"
    assert address([]) == "/compare?lang=en&companies="  # not the finalists again on reload


def test_empty_choice_shows_the_empty_view(client, app) -> None:
    out = post(client, app, "compare-table.children",
               {"compare-companies.value": [], "compare-year.value": 2025, "compare-prize.value": "main",
                "compare-lang.data": "nb"}).get_json()["response"]
    assert out["compare-results"]["hidden"] is True and out["compare-empty"]["hidden"] is False
    assert out["compare-load-finalists"] == {"children": "Last inn finalistene for 2025", "disabled": False}
    r = post(client, app, "compare-companies.value",
             {"compare-load-finalists.n_clicks": 1, "compare-companies.value": [], "compare-year.value": 2025,
              "compare-prize.value": "main", "compare-lang.data": "nb"}, changed="compare-load-finalists.n_clicks")
    assert len(r.get_json()["response"]["compare-companies"]["value"]) == 3


def test_weights_from_sliders_are_validated() -> None:
    ids = [{"type": "compare-weight", "criterion": "productivity"}, {"criterion": "evil"}, "x"]
    assert cb._weights([3, 2, 1], ids, "main")["productivity"] == 3.0
    assert "evil" not in cb._weights([3, 2, 1], ids, "main")
    assert cb._weights("nope", None, "main")["rnd"] == 1.0


def test_change_since_first_year_is_rounded_once() -> None:
    import pandas as pd

    from dashboard import figures
    from dashboard.kpis import KPIS_BY_ID

    # a change of 1.2451 in a KPI shown to 1 decimal is 1.2; rounded to 2 decimals first (1.25) and
    # then to 1 it would read 1.3. The figure carries the unrounded change; the hover rounds once.
    kpi = KPIS_BY_ID["emissions_intensity"]
    history = pd.DataFrame({"org_nr": ["A", "A"], "kpi": [kpi.id] * 2, "year": [2024, 2025],
                            "value": [3.0, 4.2451], "change": [0.0, 1.2451]})
    fig = figures.multiples_figure(history, {"A": "Alfa"}, (kpi,), "en", "change")
    assert fig["data"][0]["y"] == [0.0, 1.2451]
    assert ":,.1f}" in fig["data"][0]["hovertemplate"]


def test_an_unreadable_database_says_so_in_the_table_and_leaves_the_rest(client, app, finalists, monkeypatch) -> None:
    """The comparison's outputs are named (``cb.OUTPUTS``): when the database cannot be read the
    table says so, in the page's language, and every other output is left as it was."""
    import duckdb

    def unreadable(*args, **kwargs):
        raise duckdb.IOException("block checksum mismatch")

    monkeypatch.setattr(cb.page, "table_and_scores", unreadable)
    for lang, said in (("en", "The database cannot be read"), ("nb", "Databasen kan ikke leses")):
        r = post(client, app, "compare-table.children",
                 {"compare-companies.value": finalists, "compare-year.value": 2025, "compare-prize.value": "main",
                  "compare-lang.data": lang})
        assert r.status_code == 200
        assert r.get_json()["response"] == {"compare-table": {"children": said}}
