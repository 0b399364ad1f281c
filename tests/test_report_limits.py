"""The benchmark report's guards, in process (charts drawn by a stand-in, not Chromium): one report
drawn at a time per worker, each chart cached by its content, and a limit per address."""

from __future__ import annotations

import json

import duckdb
import pytest

from dashboard import drawing, report


@pytest.fixture
def drawn(monkeypatch) -> list[dict]:
    """Every chart drawn (instead of kaleido), with an empty cache before and after."""
    calls: list[dict] = []
    monkeypatch.setattr(drawing, "_draw", lambda fig, width, height: calls.append(fig) or b"\x89PNG")
    drawing.cache_clear()
    yield calls
    drawing.cache_clear()


@pytest.fixture(scope="module")
def orgs(demo_db_path) -> list[str]:
    with duckdb.connect(str(demo_db_path), read_only=True) as con:
        return [r[0] for r in con.execute("select org_nr from companies order by org_nr limit 3").fetchall()]


def post(app, org: str, address: str, lang: str = "en"):
    state = {"mode": "company", "query": org, "year": 2025, "options": ["sector"], "trend_kpi": "productivity"}
    return app.server.test_client().post(
        "/benchmark/report", data={"lang": lang, "state": json.dumps(state)},
        headers={"Origin": "http://localhost"}, environ_base={"REMOTE_ADDR": address})


def test_charts_are_cached_by_content(app, drawn, orgs) -> None:
    first = post(app, orgs[0], "192.0.2.1")
    assert first.status_code == 200 and first.data.count(b"<img") == 3 and len(drawn) == 3
    again = post(app, orgs[0], "192.0.2.1")
    assert again.status_code == 200 and again.data == first.data and len(drawn) == 3  # nothing drawn again
    assert post(app, orgs[0], "192.0.2.1", lang="nb").status_code == 200 and len(drawn) == 6  # other labels


def test_one_report_drawn_at_a_time(app, drawn, orgs) -> None:
    assert post(app, orgs[0], "192.0.2.2").status_code == 200  # cached from now on
    with drawing.one_report():  # another report is drawing in this process
        drawing.png({"data": [], "layout": {"title": {"text": "elsewhere"}}}, 100, 100)
        busy = post(app, orgs[1], "192.0.2.2")
        assert busy.status_code == 503 and busy.headers["Retry-After"] == str(drawing.RETRY_AFTER)
        assert "another report" in busy.get_data(as_text=True)
        assert post(app, orgs[0], "192.0.2.2").status_code == 200  # cached: no need to wait
    assert post(app, orgs[1], "192.0.2.2").status_code == 200  # the turn is free again
    assert drawing._turn.acquire(blocking=False)  # and given back after every report
    drawing._turn.release()


def test_reports_per_address_are_limited(app, drawn, orgs) -> None:
    limit, window = report.REPORT_LIMIT
    answers = [post(app, orgs[2], "192.0.2.3").status_code for _ in range(limit + 1)]
    assert answers == [200] * limit + [429]
    refused = post(app, orgs[2], "192.0.2.3")
    assert refused.status_code == 429 and refused.headers["Retry-After"] == str(int(window))
    assert post(app, orgs[2], "192.0.2.4").status_code == 200  # another address
