"""The app over HTTP: pages, routing and callbacks, including hostile callback requests."""

from __future__ import annotations

import base64
import json
import logging
from pathlib import Path

import numpy as np
import pytest

from dashboard import prepare_database
from dashboard.config import Config
from dashboard.db import Database


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


def route(client, pathname: str, search: str = "") -> dict:
    """Ask Dash Pages' router for a page, as the browser does on navigation."""
    body = {
        "output": ".._pages_content.children..._pages_store.data..",
        "outputs": [{"id": "_pages_content", "property": "children"},
                    {"id": "_pages_store", "property": "data"}],
        "inputs": [{"id": "_pages_location", "property": "pathname", "value": pathname},
                   {"id": "_pages_location", "property": "search", "value": search}],
        "changedPropIds": ["_pages_location.pathname"],
        "state": [],
    }
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data[:500]
    return response.get_json()


@pytest.mark.parametrize("path", ["/", "/compare", "/benchmark", "/present", "/data"])
def test_pages_are_served(client, path: str) -> None:
    assert client.get(path).status_code == 200
    page = json.dumps(route(client, path, "?lang=en"))
    assert "Synthetic demo data" in page


def test_unknown_page_says_so(client) -> None:
    page = json.dumps(route(client, "/no-such-page"), ensure_ascii=False)
    assert "Fant ikke siden" in page


def decode(array) -> np.ndarray:
    """An array from a figure in a response: plotly sends numbers as base64 typed arrays."""
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"])
    return np.asarray(array)


def trend_request(kpi, lang="nb") -> dict:
    return {
        "output": "explorer-trend.figure",
        "outputs": {"id": "explorer-trend", "property": "figure"},
        "inputs": [{"id": "explorer-kpi", "property": "value", "value": kpi}],
        "changedPropIds": ["explorer-kpi.value"],
        "state": [{"id": "explorer-lang", "property": "data", "value": lang}],
    }


def test_trend_callback(client) -> None:
    response = client.post("/_dash-update-component", json=trend_request("robot_density", "en"))
    figure = response.get_json()["response"]["explorer-trend"]["figure"]
    assert figure["layout"]["title"]["text"] == "Robot density, 2014–2025"
    assert figure["layout"]["yaxis"]["title"]["text"] == "robots per 10,000 FTE"
    assert decode(figure["data"][0]["x"]).tolist() == list(range(2014, 2026))


@pytest.mark.parametrize("hostile", ["'; drop table facts; --", None, 12, ["productivity"],
                                     {"a": 1}, "x" * 10_000])
def test_hostile_kpi_gets_an_empty_chart(client, hostile) -> None:
    response = client.post("/_dash-update-component", json=trend_request(hostile, hostile))
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "Ingen data" in body and "select" not in body.lower() and "Traceback" not in body


def test_missing_database_is_built(tmp_path: Path) -> None:
    path = tmp_path / "new" / "demo.duckdb"
    prepare_database(Config(db_path=path))
    assert Database(path).check()["source"] == "demo"


def test_corrupt_database_is_logged_with_its_path(tmp_path: Path, caplog) -> None:
    path = tmp_path / "corrupt.duckdb"
    path.write_bytes(b"nope" * 1000)
    with caplog.at_level(logging.ERROR):
        prepare_database(Config(db_path=path))
    assert str(path) in caplog.text and "make data" in caplog.text
    assert path.read_bytes() == b"nope" * 1000  # never overwritten
