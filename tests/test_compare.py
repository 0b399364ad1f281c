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
    assert [text(h) for h in of_kind(out["compare-table"]["children"], "H2")] == ["Every key figure, 2025"]

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


def test_csv_download(client, app, finalists) -> None:
    r = post(client, app, "compare-download.data",
             {"compare-csv.n_clicks": 1, "compare-companies.value": finalists, "compare-year.value": 2025,
              "compare-prize.value": "main", "compare-lang.data": "nb"})
    data = r.get_json()["response"]["compare-download"]["data"]
    assert data["filename"] == "compare-main-2025.csv"
    lines = data["content"].lstrip("\ufeff").splitlines()
    assert lines[0] == "Bedrift;Org.nr.;Nøkkeltall;Enhet;Verdi;P nominerte;P bransje"
    assert len(lines) > 3 * 10


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
