"""The jury page over HTTP against `make serve` (two workers) with AUTH on: the public and
companies get nothing from /jury; two jurors score at the same time and lose nothing; until the
round closes a juror sees only their own scores; the chair's rights are the chair's; conflicts and
closed rounds are refused on the server."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest
import requests

from dashboard import users
from dashboard.kpis import CRITERIA
from dashboard.scores import store
from dashboard.scores.finalists import finalists
from tests import jury_requests as req
from tests.layout import text
from tests.test_auth import PASSWORD, session
from tests.test_auth import route as auth_route
from tests.test_serve import serve, stop

pytestmark = pytest.mark.slow  # starts gunicorn


@pytest.fixture(scope="module")
def served(demo_db_path: Path, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("jury")
    db = folder / "served.duckdb"
    shutil.copy(demo_db_path, db)
    users_db = folder / "users.sqlite3"
    orgs = finalists(2025, "main", db)["org_nr"].tolist()
    for name, role, org in (("kari", "jury", None), ("ola", "jury", None), ("chair", "admin", None),
                            ("firma", "company", orgs[0])):
        users.add(users_db, name, role, PASSWORD, org)
    scores_db = folder / "scores.sqlite3"
    process, url = serve(db, folder / "serve.log", workers=2, AUTH="on", USERS_DB=str(users_db),
                         SCORES_DB=str(scores_db), SECRET_KEY="test-secret", SECURE_COOKIES="off")
    yield {"url": url, "orgs": orgs, "scores_db": scores_db}
    stop(process)


def post(s: requests.Session, served: dict, body: dict) -> requests.Response:
    return s.post(served["url"] + "/_dash-update-component", json=body, timeout=30)


def answer(s: requests.Session, served: dict, body: dict) -> dict:
    r = post(s, served, body)
    assert r.status_code == 200, r.text[:300]
    return r.json()["response"]


def route(s: requests.Session, served: dict, path: str) -> str:
    """The page the app lays out at ``path`` for this visitor, as text."""
    return json.dumps(auth_route(s, served, path))


def test_the_public_and_companies_get_nothing_from_jury(served, app) -> None:
    store.set_round(served["scores_db"], 2025, "main", "open", "chair")
    for who in (None, "firma"):
        s = session(served, who)
        page = s.get(served["url"] + "/jury")
        assert page.status_code == 403 and "jury" not in page.text.lower().replace("/jury", "")
        assert s.get(served["url"] + "/jury/?tab=round").status_code == 403
        layout = route(s, served, "/jury")
        assert "jury-forbidden" in layout and not any(org in layout for org in served["orgs"])
        assert '"/jury"' not in route(s, served, "/")  # the menu does not offer it
        for body in req.every_callback(app):
            r = post(s, served, body)
            assert r.status_code == 403, (who, body["output"], r.status_code)
            assert not any(org in r.text for org in served["orgs"])
    for who in ("kari", "chair"):
        assert session(served, who).get(served["url"] + "/jury").status_code == 200


def test_two_jurors_score_at_the_same_time_and_see_only_their_own(served, app) -> None:
    year, prize, orgs = 2025, "main", served["orgs"]
    chair = session(served, "chair")
    answer(chair, served, req.action(app, "open"))
    jurors = {name: session(served, name) for name in ("kari", "ola")}
    start = threading.Barrier(len(jurors))
    said: dict[str, list[str]] = {name: [] for name in jurors}

    def score(name: str) -> None:
        start.wait()
        for i, org in enumerate(orgs):
            for j, c in enumerate(CRITERIA):
                value = 1 + (i + j + len(name)) % 10
                for left in (False, True):  # the score typed, then the comment left
                    body = req.save(app, org, c.id, value, f"{name}-{c.id}", left=left)
                    (out,) = answer(jurors[name], served, body).values()
                    said[name].append(out["children"])

    threads = [threading.Thread(target=score, args=(name,)) for name in jurors]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    cells = len(orgs) * len(CRITERIA)
    assert said == {name: ["Saved"] * 2 * cells for name in jurors}
    stored = store.scores(served["scores_db"], year, prize)
    assert len(stored) == 2 * cells
    assert {(s.juror, s.org_nr, s.criterion): s.score for s in stored} == {
        (name, org, c.id): 1 + (i + j + len(name)) % 10
        for name in jurors for i, org in enumerate(orgs) for j, c in enumerate(CRITERIA)}

    # until the round closes a juror sees only their own: their sheet, and no consensus
    kari_sheet = json.dumps(answer(jurors["kari"], served, req.view(app, "sheet")))
    assert "kari-rnd" in kari_sheet and "ola-" not in kari_sheet
    waiting = text(answer(jurors["kari"], served, req.view(app, "consensus"))["jury-view"]["children"])
    assert waiting.startswith("The consensus opens when the chair closes the round")
    assert post(jurors["kari"], served, req.export(app)).status_code == 403
    assert post(jurors["kari"], served, req.export(app, "scores")).status_code == 403
    assert post(jurors["kari"], served, req.view(app, "round")).status_code == 200  # the tab says no, below
    assert "Log:" not in json.dumps(answer(jurors["kari"], served, req.view(app, "round")))
    # the chair sees everything at any time
    chair_view = text(answer(chair, served, req.view(app, "consensus"))["jury-view"]["children"])
    assert "2 jurors" in chair_view
    progress = text(answer(chair, served, req.view(app, "round"))["jury-view"]["children"])
    assert "kari-rnd" in progress and "ola-rnd" in progress  # every score and comment
    assert f"kari{cells}/{cells}" in progress.replace(" ", "") and f"ola{cells}/{cells}" in progress.replace(" ", "")

    # a juror cannot close the round; the chair can, and then writes are refused and jurors see the consensus
    assert post(jurors["kari"], served, req.action(app, "close")).status_code == 403
    answer(chair, served, req.action(app, "close"))
    (out,) = answer(jurors["ola"], served, req.save(app, orgs[0], "rnd", 10)).values()
    assert out["children"] == "Not saved: the round is not open"
    shown = text(answer(jurors["kari"], served, req.view(app, "consensus"))["jury-view"]["children"])
    assert "2 jurors" in shown and "Agreement (Kendall's W)" in shown
    answer(chair, served, req.action(app, "open"))


def test_conflicts_are_enforced_on_the_server_and_left_out(served, app) -> None:
    store.set_round(served["scores_db"], 2025, "main", "open", "chair")
    ola, org = session(served, "ola"), served["orgs"][2]
    (out,) = answer(ola, served, req.save(app, org, "innovative", 4)).values()
    assert out["children"] == "Saved"
    assert answer(ola, served, req.conflict(app, org))["jury-message"]["children"].startswith("The conflict of interest is recorded")
    (out,) = answer(ola, served, req.save(app, org, "innovative", 4)).values()
    assert out["children"] == "Not saved: you declared a conflict of interest with the company"
    assert not [s for s in store.scores(served["scores_db"], 2025, "main") if s.juror == "ola" and s.org_nr == org]
    shown = text(answer(session(served, "chair"), served, req.view(app, "round"))["jury-view"]["children"])
    assert "Declared conflicts of interest" in shown and "ola" in shown
