"""The jury page's callbacks, in this process, as the open demo sees them (the chair, scoring as
``auth.OPEN_USER``): cells saved and refused on the server whatever the browser sends, the
actions, the consensus as the page shows it and downloads it, and hostile requests."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from dashboard import auth
from dashboard.kpis import CRITERIA
from dashboard.scores import store
from dashboard.scores.finalists import finalists
from tests import jury_requests as req
from tests.layout import text

ME = auth.OPEN_USER


@pytest.fixture
def jury(app, demo_db_path):
    """A client of the app with an empty scores file, and the year's three main-prize finalists."""
    path = app.server.config["SCORES_DB"]
    with store.writing(path) as con:
        for table in ("rounds", "scores", "sheets", "conflicts", "audit"):
            con.execute(f"delete from {table}")  # noqa: S608  (the module's own table names)
    client = app.server.test_client()
    client.get("/")
    orgs = finalists(2025, "main", demo_db_path)["org_nr"].tolist()
    return {"client": client, "path": path, "orgs": orgs, "app": app}


def post(jury: dict, body: dict) -> dict:
    r = jury["client"].post("/_dash-update-component", json=body)
    assert r.status_code == 200, r.data[:300]
    return r.get_json()["response"]


def saved(jury: dict, org: object, criterion: object, score: object, comment: object = "") -> str:
    """What the cell's status says after the juror typed ``score`` and then, if there is one, left
    ``comment``."""
    (value,) = post(jury, req.save(jury["app"], org, criterion, score, comment)).values()
    if comment:
        (value,) = post(jury, req.save(jury["app"], org, criterion, score, comment, left=True)).values()
    return value["children"]


def test_the_page_answers_and_lists_the_finalists(jury) -> None:
    assert jury["client"].get("/jury").status_code == 200
    shown = text(post(jury, req.view(jury["app"]))[("jury-view")]["children"])
    assert len(jury["orgs"]) == 3 and all(org in shown for org in jury["orgs"])
    assert "The round is not open yet" in text(post(jury, req.view(jury["app"]))["jury-status"]["children"])


def test_a_cell_is_saved_only_while_the_round_is_open(jury) -> None:
    org = jury["orgs"][0]
    assert saved(jury, org, "innovative", 7) == "Not saved: the round is not open"
    post(jury, req.action(jury["app"], "open"))
    assert saved(jury, org, "innovative", 7, "  Strong  patents\nand people ") == "Saved"
    assert store.sheet(jury["path"], ME, 2025, "main") == {(org, "innovative"): (7, "Strong patents and people")}
    post(jury, req.action(jury["app"], "close"))
    assert saved(jury, org, "innovative", 9) == "Not saved: the round is not open"
    assert store.sheet(jury["path"], ME, 2025, "main")[(org, "innovative")][0] == 7


@pytest.mark.parametrize("score", [0, 11, 7.5, "7", "seven", True, [7], {"x": 1}, -3, 1e308])
def test_hostile_scores_are_refused_with_the_reason(jury, score) -> None:
    post(jury, req.action(jury["app"], "open"))
    assert saved(jury, jury["orgs"][0], "innovative", score) == "Not saved: the score must be a whole number from 1 to 10"
    assert store.sheet(jury["path"], ME, 2025, "main") == {}


@pytest.mark.parametrize("org, criterion, reason", [
    ("999999999", "innovative", "the company is not a finalist this year"),
    (["x"], "innovative", "the company is not a finalist this year"),
    ({"$ne": 1}, "innovative", "the company is not a finalist this year"),
    (None, "rnd", "the company is not a finalist this year"),
    ("FIRST", "unique_idea", "the criterion is not one of the prize's"),  # the special prize's
    ("FIRST", "'; drop table scores; --", "the criterion is not one of the prize's"),
    ("FIRST", 7, "the company is not a finalist this year"),
])
def test_hostile_cells_are_refused_with_the_reason(jury, org, criterion, reason) -> None:
    post(jury, req.action(jury["app"], "open"))
    org = jury["orgs"][0] if org == "FIRST" else org
    assert saved(jury, org, criterion, 5) == f"Not saved: {reason}"
    assert store.scores(jury["path"], 2025, "main") == []


def test_a_write_goes_where_it_was_asked_or_nowhere(jury) -> None:
    """A year or prize the page does not offer is not read as the default one for a write."""
    post(jury, req.action(jury["app"], "open"))
    for year, prize in ((1999, "main"), ("2025", "main"), (2025, "Main"), (2025, ["main"]), (True, "main")):
        (out,) = post(jury, req.save(jury["app"], jury["orgs"][0], "rnd", 5, year=year, prize=prize)).values()
        assert out["children"] == "Not saved: the year or prize is not one the page offers"
    assert store.scores(jury["path"], 2025, "main") == []


def test_a_scores_file_that_cannot_be_read_says_so(jury, tmp_path, monkeypatch, caplog) -> None:
    broken = tmp_path / "scores.sqlite3"
    broken.write_bytes(b"not a database " * 100)
    monkeypatch.setitem(jury["app"].server.config, "SCORES_DB", broken)
    (out,) = post(jury, req.save(jury["app"], jury["orgs"][0], "rnd", 5)).values()
    assert out["children"] == "Not saved: the scores file cannot be written just now; try again shortly"
    assert text(post(jury, req.view(jury["app"]))["jury-view"]["children"]).startswith("the scores file cannot")
    assert post(jury, req.action(jury["app"], "submit"))["jury-message"]["children"].startswith("Not done: the scores")
    assert any("scores file" in r.message and r.levelname == "ERROR" for r in caplog.records)


def test_hostile_choices_fall_back_to_a_valid_selection(jury) -> None:
    for year, prize in ((99999, "main"), ("2025; drop", {"a": 1}), (None, None), ([2025], "x" * 10_000)):
        response = post(jury, req.view(jury["app"], "sheet", year, prize))
        assert "Traceback" not in json.dumps(response)
    r = jury["client"].post("/_dash-update-component", json={"output": req.view(jury["app"])["output"]})
    assert r.status_code == 400 and b"Traceback" not in r.data and b"select" not in r.data.lower()


def test_a_score_and_a_comment_are_saved_apart(jury) -> None:
    """Typed and left a moment apart, their two requests may reach the server in either order:
    each writes only its own field, so neither writes back the other's old value."""
    post(jury, req.action(jury["app"], "open"))
    org = jury["orgs"][0]
    post(jury, req.save(jury["app"], org, "rnd", None, "Good lab", left=True))  # the comment first, the score not yet sent
    post(jury, req.save(jury["app"], org, "rnd", 8, ""))  # the score, with the comment's box as it was before
    assert store.sheet(jury["path"], ME, 2025, "main") == {(org, "rnd"): (8, "Good lab")}


def test_a_conflict_removes_the_scores_and_refuses_more(jury) -> None:
    post(jury, req.action(jury["app"], "open"))
    org = jury["orgs"][1]
    assert saved(jury, org, "rnd", 6) == "Saved"
    out = post(jury, req.conflict(jury["app"], org))
    assert out["jury-message"]["children"] == ("The conflict of interest is recorded, and your scores for the company "
                                               "are deleted.")
    assert saved(jury, org, "rnd", 6) == "Not saved: you declared a conflict of interest with the company"
    assert store.sheet(jury["path"], ME, 2025, "main") == {}
    # ticked again (the box drawn anew with its value): nothing to do, nothing drawn again
    r = jury["client"].post("/_dash-update-component", json=req.conflict(jury["app"], org))
    assert r.status_code == 204
    shown = text(post(jury, req.view(jury["app"], "round"))["jury-view"]["children"])
    assert ME in shown and "Declared conflicts of interest" in shown
    post(jury, req.conflict(jury["app"], org, declared=False))
    assert saved(jury, org, "rnd", 6) == "Saved"


def test_submit_needs_every_cell_then_locks_the_sheet(jury) -> None:
    app = jury["app"]
    post(jury, req.action(app, "open"))
    total = len(CRITERIA) * len(jury["orgs"])
    assert post(jury, req.action(app, "submit"))["jury-message"]["children"] == f"Not done: {total} cells have no score."
    for org in jury["orgs"]:
        for c in CRITERIA:
            assert saved(jury, org, c.id, 6) == "Saved"
    assert post(jury, req.action(app, "submit"))["jury-message"]["children"] == "The sheet is submitted. Thank you!"
    assert saved(jury, jury["orgs"][0], "rnd", 9).startswith("Not saved: the sheet is submitted")
    post(jury, req.action(app, "reopen"))
    assert saved(jury, jury["orgs"][0], "rnd", 9) == "Saved"


def _seed(jury: dict) -> None:
    """Two criteria of three jurors (the rest left blank), so every figure can be worked by hand:
    totals per juror are the mean of the two scores:
        A: X (8, 6) 7   Y (5, 5) 5   Z (3, 5) 4
        B: X (9, 9) 9   Y (4, 6) 5   Z (2, 2) 2
        C: X (5, 5) 5   Y (6, 8) 7   Z (9, 9) 9"""
    store.set_round(jury["path"], 2025, "main", "open", "chair")
    x, y, z = jury["orgs"]
    table = {"A": {x: (8, 6), y: (5, 5), z: (3, 5)}, "B": {x: (9, 9), y: (4, 6), z: (2, 2)},
             "C": {x: (5, 5), y: (6, 8), z: (9, 9)}}
    for juror, by_org in table.items():
        for org, pair in by_org.items():
            for criterion, score in zip(("innovative", "uniqueness"), pair):
                store.put(jury["path"], store.Key(juror, 2025, "main", org, criterion), score, "", juror, jury["orgs"])


def test_the_consensus_as_the_page_shows_and_downloads_it(jury) -> None:
    _seed(jury)
    x, y, z = jury["orgs"]
    shown = post(jury, req.view(jury["app"], "consensus"))["jury-view"]["children"]
    words = text(shown)
    # Kendall's W over the three: rank sums 5, 6, 7 around 6: S = 2, W = 24/216 = 0.11
    assert "Agreement (Kendall's W) 0.11: weak." in words and "over the 3 of 3 jurors" in words
    csv = post(jury, req.export(jury["app"], "csv"))["jury-download"]["data"]["content"]
    frame = pd.read_csv(io.StringIO(csv.lstrip("\ufeff")))
    assert frame["Finalist"].tolist() == [jury_name(jury, x), jury_name(jury, y), jury_name(jury, z)]
    assert frame["Mean"].tolist() == [7.0, 5.67, 5.0] and frame["Median"].tolist() == [7.0, 5.0, 4.0]
    assert frame["Trimmed"].tolist() == [7.0, 5.0, 4.0] and frame["Std dev"].tolist() == [2.0, 1.15, 3.61]
    assert frame["Min"].tolist() == [5.0, 5.0, 2.0] and frame["Max"].tolist() == [9.0, 7.0, 9.0]
    assert frame["Jurors"].tolist() == [3, 3, 3] and frame["Rank"].tolist() == [1, 2, 3]
    # the agenda: pairs 3 points or more apart, widest first (Z on both criteria: 7 points)
    assert f"{jury_name(jury, z)} – Innovative: from 2 to 9 (B 2, A 3, C 9)" in words
    xlsx = post(jury, req.export(jury["app"], "xlsx"))["jury-download"]["data"]
    book = pd.read_excel(io.BytesIO(__import__("base64").b64decode(xlsx["content"])))
    assert book["Mean"].tolist() == [7.0, 5.67, 5.0] and xlsx["filename"] == "jury-consensus-main-2025.xlsx"


def test_the_chair_sees_and_downloads_every_score(jury) -> None:
    _seed(jury)
    post(jury, req.save(jury["app"], jury["orgs"][0], "rnd", 4, "Svak FoU", left=True))
    shown = text(post(jury, req.view(jury["app"], "round"))["jury-view"]["children"])
    assert "Every score and comment" in shown and "Svak FoU" in shown
    csv = post(jury, req.export(jury["app"], "scores"))["jury-download"]["data"]
    frame = pd.read_csv(io.StringIO(csv["content"].lstrip("\ufeff")), dtype={"Org. no.": str})
    assert csv["filename"] == "jury-scores-main-2025.csv" and len(frame) == 3 * 3 * 2 + 1
    assert frame[frame["Juror"] == "C"]["Score (1–10)"].tolist() == [5, 5, 6, 8, 9, 9]  # C's scores, X then Y then Z
    assert frame[frame["Comment"] == "Svak FoU"]["Juror"].tolist() == [ME]


def jury_name(jury: dict, org: str) -> str:
    frame = finalists(2025, "main", jury["app"].server.extensions["dashboard.db"].path)
    return dict(zip(frame["org_nr"], frame["name"]))[org]


def test_every_jury_callback_is_covered_by_the_access_tests(app) -> None:
    """The HTTP access test posts ``jury_requests.every_callback``: it must name every server
    callback of the page, so a new one cannot be left out of it."""
    ours = {k for k, v in app.callback_map.items() if "jury-" in k and v.get("callback") is not None}
    assert {b["output"] for b in req.every_callback(app)} == ours
