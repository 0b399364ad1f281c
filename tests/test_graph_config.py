"""Nothing offers to leave the machine: every chart takes figures.GRAPH_CONFIG, which turns off
every cloud, share and "edit in" button that the served plotly.js knows."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import plotly

from dashboard.figures import GRAPH_CONFIG

DASHBOARD = Path(__file__).resolve().parents[1] / "dashboard"
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"  # what Dash serves
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
                    assert "GRAPH_CONFIG" in ast.get_source_segment(source, fn), f"{path.name}:{call.lineno}"
    assert graphs >= 8
