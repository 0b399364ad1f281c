"""The page loads plotly.js as assets/plotly-bundle.min.js, a partial bundle with only the trace
types the app draws (``make plotly-bundle``), never Dash's full plotly.min.js; the bundle is the
plotly.js version Dash's plotly package ships, and is served compressed and cached."""

from __future__ import annotations

import re
from pathlib import Path

import plotly.graph_objects as go
from plotly.basedatatypes import BaseTraceType
from plotly.offline import get_plotlyjs_version

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dashboard" / "assets" / "plotly-bundle.min.js"
ENTRY = ROOT / "tools" / "plotly-bundle" / "entry.js"
FULL = "/_dash-component-suites/plotly/package_data/plotly.min.js"
TRACE_TYPES = {name.lower() for name in go.__all__  # plotly's trace classes: Bar, Scatterpolar, ...
               if isinstance(getattr(go, name), type) and issubclass(getattr(go, name), BaseTraceType)}


def test_the_page_loads_the_bundle_and_not_the_full_plotly_js(app) -> None:
    client = app.server.test_client()
    page = client.get("/?lang=nb").get_data(as_text=True)
    scripts = re.findall(r'<script src="([^"]+)"', page)
    bundle = [s for s in scripts if s.startswith("/assets/plotly-bundle.min.js?m=")]
    assert len(bundle) == 1, scripts
    assert not [s for s in scripts if "plotly.min.js" in s or "cdn.plot.ly" in s], scripts
    # the Norwegian locale registers with plotly.js, so it comes after the bundle (assets sort by name)
    assert scripts.index(bundle[0]) < next(i for i, s in enumerate(scripts) if "plotly-locale-no.js" in s)
    # dcc.Graph fetches the full file only when the page has no window.Plotly; it is not served at all
    missing = client.get(FULL)
    assert missing.status_code == 404
    missing.close()
    served = client.get(bundle[0], headers={"Accept-Encoding": "gzip, deflate, br"})
    body = served.get_data()
    assert served.status_code == 200 and served.headers["Content-Encoding"] == "br"
    assert "immutable" in served.headers["Cache-Control"]
    assert len(body) < BUNDLE.stat().st_size / 2  # compressed: 0.4 MB of 1.2 MB
    served.close()


def test_the_bundle_is_the_plotly_js_of_dash_and_has_every_trace_type_the_app_draws() -> None:
    source = BUNDLE.read_text(encoding="utf-8")
    header = source[:2000]
    assert f"plotly.js v{get_plotlyjs_version()}," in header  # `make plotly-bundle` after an upgrade
    assert "MIT License" in header and "Permission is hereby granted" in header  # the licence kept
    assert "window.Plotly" not in source[:200] and source.count("var Plotly=") == 1  # the global
    assert BUNDLE.stat().st_size < 1_500_000  # the full plotly.min.js is 4.8 MB
    # every trace type a dashboard module names is registered by the bundle's entry (scatter is core)
    named = set()
    for path in (ROOT / "dashboard").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        named |= set(re.findall(r"""["']type["']\s*:\s*["']([a-z]+)["']""", text))
        named |= set(re.findall(r"""\btype=["']([a-z]+)["']""", text))
    drawn = named & TRACE_TYPES
    assert {"scatter", "bar", "scatterpolar"} <= drawn  # the pattern finds the figures' traces
    registered = {"scatter"} | set(re.findall(r"require\('plotly\.js/lib/([a-z]+)'\)", ENTRY.read_text()))
    assert drawn <= registered, drawn - registered
    assert "choropleth" in TRACE_TYPES and "choropleth" not in registered


def test_no_script_the_browser_runs_names_an_address_on_the_internet() -> None:
    """Offline at events: the scripts we serve hold no internet address (the bundle's cloud and
    topojson defaults are emptied by its build, its documentation links lose their scheme); only the
    w3.org XML namespaces stay, which are names, never fetched."""
    namespaces = {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink", "http://www.w3.org/2000/xmlns/",
                  "http://www.w3.org/1999/xhtml", "http://www.w3.org/XML/1998/namespace"}
    for script in sorted((ROOT / "dashboard" / "assets").glob("*.js")):
        found = set(re.findall(r"https?://[\w./-]*", script.read_text(encoding="utf-8")))
        assert found <= namespaces, (script.name, found - namespaces)


def test_no_page_loads_dash_table_which_no_page_lays_out(app) -> None:
    """Every Dash app loads DataTable's scripts; no page here has one, so they are not served."""
    from tests.layout import find_all
    from tests.test_app import route

    client = app.server.test_client()
    scripts = re.findall(r'<script src="([^"]+)"', client.get("/").get_data(as_text=True))
    assert not [s for s in scripts if "dash_table" in s], scripts
    for path in ("/", "/compare", "/benchmark", "/present", "/data"):
        content = route(client, path, "?lang=en")["response"]["_pages_content"]["children"]
        assert find_all(content, lambda node: isinstance(node, dict) and node.get("namespace") == "dash_table") == []


def test_every_script_and_style_is_compressed_and_cached(app) -> None:
    """Each file the page loads: compressed (brotli, or gzip for a client without it) and cached
    for a year (its address changes with every release)."""
    client = app.server.test_client()
    page = client.get("/").get_data(as_text=True)
    files = re.findall(r'<script src="([^"]+)"', page) + re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)
    assert len(files) > 10, files
    for path in files:
        for accept, encoding in (("gzip, deflate, br", "br"), ("gzip, deflate", "gzip")):
            r = client.get(path, headers={"Accept-Encoding": accept})
            raw = r.get_data()
            assert r.status_code == 200, path
            assert "immutable" in r.headers["Cache-Control"] and "max-age=31536000" in r.headers["Cache-Control"], path
            if int(r.headers.get("Content-Length", len(raw))) > 1000 or r.headers.get("Content-Encoding"):
                assert r.headers.get("Content-Encoding") == encoding, (path, accept, r.headers.get("Content-Encoding"))
            r.close()


def test_a_file_is_compressed_once_per_worker(app, monkeypatch) -> None:
    """Ten cold browsers asking for the plotly bundle cost one compression, not ten."""
    import brotli

    from dashboard import http

    calls = []
    real = brotli.compress
    monkeypatch.setattr(http.brotli, "compress", lambda data, **kw: calls.append(len(data)) or real(data, **kw))
    client = app.server.test_client()
    path = next(s for s in re.findall(r'<script src="([^"]+)"', client.get("/").get_data(as_text=True))
                if "plotly-bundle" in s) + "&test=once"  # an address no earlier test asked for
    bodies = set()
    for _ in range(10):
        r = client.get(path, headers={"Accept-Encoding": "br"})
        assert r.headers["Content-Encoding"] == "br"
        bodies.add(r.get_data())
        r.close()
    assert len(calls) == 1 and len(bodies) == 1
    assert brotli.decompress(bodies.pop()) == BUNDLE.read_bytes()
