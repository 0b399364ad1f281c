"""Nothing offers to leave the machine: every chart takes figures.GRAPH_CONFIG (through
figures.graph_config, in the page's language), which turns off every cloud, share and "edit in"
button that the served plotly.js knows. plotly.js's own texts speak the page's language: its
Norwegian locale is served by the app itself."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from dashboard.figures import GRAPH_CONFIG, graph_config
from dashboard.i18n import LANGS, plotly_locale

DASHBOARD = Path(__file__).resolve().parents[1] / "dashboard"
PLOTLY_JS = DASHBOARD / "assets" / "plotly-bundle.min.js"  # the plotly.js the app serves
LEAVING = re.compile(r"cloud|studio|share|link", re.IGNORECASE)


def test_config_turns_off_every_way_out_that_plotly_js_has() -> None:
    bundle = PLOTLY_JS.read_text(encoding="utf-8")
    buttons = set(re.findall(r'name:"([A-Za-z0-9]+)",(?:_cat:"[a-z]+",)?title:', bundle))
    assert {"toImage", "sendChartToCloud", "zoom2d"} <= buttons  # the pattern still reads the bundle
    assert {b for b in buttons if LEAVING.search(b)} <= set(GRAPH_CONFIG["modeBarButtonsToRemove"])
    assert "toImage" not in GRAPH_CONFIG["modeBarButtonsToRemove"]  # the PNG download stays
    switches = set(re.findall(r"\b(show[A-Za-z]*(?:Cloud|Studio|Link)[A-Za-z]*):\{valType", bundle))
    assert "showSendToCloud" in switches
    assert all(GRAPH_CONFIG.get(s) is False for s in switches | {"showEditInChartStudio", "showLink"})
    assert GRAPH_CONFIG["plotlyServerURL"] == "" and GRAPH_CONFIG["displaylogo"] is False


def test_every_graph_takes_the_config() -> None:
    graphs = 0
    for path in DASHBOARD.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        for fn in ast.walk(tree):
            if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for call in ast.walk(fn):
                if isinstance(call, ast.Call) and ast.unparse(call.func) in ("dcc.Graph", "Graph"):
                    graphs += 1
                    config = next((k.value for k in call.keywords if k.arg == "config"), None)
                    assert config is not None, f"{path.name}:{call.lineno}: a dcc.Graph without config"
                    segment = ast.get_source_segment(source, fn)
                    assert "GRAPH_CONFIG" in segment or "graph_config(" in segment, f"{path.name}:{call.lineno}"
    assert graphs >= 8


ASSETS = DASHBOARD / "assets"


def test_a_norwegian_page_asks_plotly_for_the_norwegian_locale_that_the_app_serves(app) -> None:
    nb, en = graph_config("nb"), graph_config("en")
    assert nb["locale"] == "no" and en["locale"] == "en"  # "en" is plotly.js's own
    assert nb | {"locale": None} == en | {"locale": None} and GRAPH_CONFIG.items() <= nb.items()
    assert graph_config("nb", scrollZoom=True)["scrollZoom"] is True
    # every locale a page asks for, but plotly.js's own English, is registered by an asset under
    # the name the config gives it
    registered = {}
    for path in ASSETS.glob("plotly-locale-*.js"):
        source = path.read_text(encoding="utf-8")
        registered[re.search(r"name: '([a-z-]+)'", source).group(1)] = source
    wanted = {plotly_locale(lang) for lang in LANGS} - {"en"}
    assert wanted and wanted <= set(registered)
    assert "'Download plot as a PNG': 'Last ned diagrammet som PNG'" in registered["no"]
    assert "'Reset axes':" in registered["no"]  # the key plotly.js asks for (misspelt upstream)
    assert "window.PlotlyLocales.push(locale)" in registered["no"]  # or waits for plotly.js, were it loaded later
    # served by the app, on every page (Dash puts every asset in the page), from no other host
    client = app.server.test_client()
    page = client.get("/?lang=nb").get_data(as_text=True)
    assert re.search(r'<script src="/assets/plotly-locale-no\.js\?m=[0-9.]+"></script>', page)
    served = client.get("/assets/plotly-locale-no.js")
    assert served.status_code == 200 and served.get_data(as_text=True) == registered["no"]
    served.close()


def _unwrapped(node: object, under_spinner: bool = False) -> list[str]:
    """The charts, grids and tables in a layout tree that no dcc.Loading holds."""
    from tests.layout import kind, prop

    if isinstance(node, (list, tuple)):
        return [found for child in node for found in _unwrapped(child, under_spinner)]
    if prop(node, "id") is None and kind(node) is None:
        return []
    here = kind(node)
    found = [f"{here} {prop(node, 'id') or prop(node, 'className')}"] \
        if here in ("Graph", "AgGrid", "Table") and not under_spinner else []
    return found + _unwrapped(prop(node, "children"), under_spinner or here == "Loading")


def test_every_chart_and_table_a_callback_redraws_shows_a_spinner_meanwhile(app) -> None:
    """On the explorer (and in its company detail), the comparison of ten companies and the benchmark
    of one, every chart, grid and table sits in a dcc.Loading (the Data page's tables are drawn once, by the server)."""
    from dashboard import auth, state
    from dashboard.db import run_query
    from dashboard.pages import benchmark, compare, explorer
    from tests.layout import kind, of_kind, walk

    with app.server.app_context():
        ten = run_query("company_search", year=2025, search="", limit=10,
                        sel=state.selection(auth.as_of(), status=1, prize="main"))["org_nr"].tolist()
        pages = {"explorer": explorer.layout(lang="nb"),
                 "company detail": explorer.layout(lang="nb", company=ten[0]),  # its chart and table
                 "compare": compare.layout(lang="nb", companies=",".join(ten)),
                 "benchmark": benchmark.layout(lang="nb", company=ten[3])}
    for page, layout in pages.items():
        shown = [c for c in walk(layout) if kind(c) in ("Graph", "AgGrid", "Table")]
        assert len(shown) >= 2, page
        assert _unwrapped(layout) == [], page
        for spinner in of_kind(layout, "Loading"):
            assert spinner.delay_show and spinner.delay_show >= 200, page  # a quick redraw does not flicker
    # the shared spinner keeps what it covers in its place, dimmed, and shows after a moment
    from dashboard.components.loading import loading

    spinner = loading(None)
    assert spinner.overlay_style["visibility"] == "visible" and spinner.delay_show == 300
    assert spinner.show_initially is False
