"""Embeds: one explorer chart alone, for Norsk Industri's web pages, newsletters and the press.

``/embed/map``, ``/embed/sectors``, ``/embed/trend`` and ``/embed/scatter`` take the explorer's
address arguments (``?kpi=…&county=…&from=…&to=…&lang=en``) and answer a small page with that one
chart (its title, unit, selection and source note are the chart's own) sized to its frame, and a
link "open in the dashboard" to the same view. No header, navigation or filters, and no Dash: the
page loads the app's plotly.js bundle and a few lines of script (``embed_assets/embed.js``) that
draw the figure, which the page carries as JSON. Offline like the rest of the app.

Every embed is the public's view, whoever's browser shows it: the figures pass through the
disclosure layer exactly as the public explorer's do (``disclosure.or_public``).

Who may frame these pages is ``FRAME_ANCESTORS`` (CSP ``frame-ancestors``: ``'self'`` and the
origins listed); every other page of the app may be framed by itself only (``http.harden``).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from flask import Flask, Response, abort, request, send_file
from plotly.io.json import to_json_plotly

from dashboard import figures, http, state
from dashboard.db import year_span
from dashboard.i18n import normalize_lang, t
from dashboard.pages import explorer

PREFIX = "/embed/"
CHARTS = {"map": explorer.map_view, "sectors": explorer.sector_view, "trend": explorer.trend_view,
          "scatter": explorer.scatter_view}
SCRIPT = Path(__file__).parent / "embed_assets" / "embed.js"
DEFAULT_SIZE = (600, 400)  # the snippet's frame; the chart fills whatever frame it gets


def is_embed(path: str) -> bool:
    return path.startswith(PREFIX)


def _json(value: object) -> str:
    """JSON safe inside a <script> element: no "</" can end it early."""
    return to_json_plotly(value).replace("</", "<\\/")


def chart_page(chart: str, args: dict[str, str]) -> str:
    """The embed page of ``chart`` for the explorer address arguments ``args``."""
    lang = normalize_lang(args.get("lang"))
    span = year_span()
    f = state.from_query(args, span)
    fig = CHARTS[chart](f, lang, None)  # None: the public's view
    title = fig.get("layout", {}).get("title", {}).get("text", "") or t("app.title", lang)
    config = figures.graph_config(lang, responsive=True)
    dashboard = "/" + f.to_query(lang, span)  # the same view in the explorer
    esc = html.escape
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(html.unescape(_plain(title)))} – {esc(t("app.title", lang))}</title>
<style>
html, body {{ height: 100%; margin: 0; background: #fff; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }}
#embed-chart {{ position: absolute; inset: 0 0 1.75rem 0; }}
.embed-foot {{ position: absolute; left: 0; right: 0; bottom: 0; height: 1.75rem; display: flex; align-items: center;
  justify-content: space-between; padding: 0 .6rem; font-size: 12px; color: #4a5561; }}
.embed-foot a {{ color: #1f5f99; }}
</style></head>
<body>
<div id="embed-chart" role="img" aria-label="{esc(_plain(title))}"></div>
<div class="embed-foot"><span>{esc(t("app.title", lang))}</span>
<a href="{esc(dashboard)}" target="_blank" rel="noopener" id="embed-open">{esc(t("embed.open", lang))}</a></div>
<script type="application/json" id="embed-figure">{_json(fig)}</script>
<script type="application/json" id="embed-config">{_json(config)}</script>
<script src="{_asset("plotly-bundle.min.js")}"></script><script src="{_asset("plotly-locale-no.js")}"></script>
<script src="{PREFIX}embed.js?m={SCRIPT.stat().st_mtime:.0f}"></script>
</body></html>"""


def _asset(name: str) -> str:
    """An asset's address as Dash writes it, with its modification time (cached for a year, the
    address changes with the file)."""
    path = Path(__file__).parent / "assets" / name
    return f"/assets/{name}?m={path.stat().st_mtime}"


def _plain(title: str) -> str:
    """A chart title without plotly's line breaks and tags."""
    return re.sub(r"<[^>]+>", " ", title.replace("<br>", " ")).strip()


def register(server: Flask) -> None:
    @server.route(http.EMBED_SCRIPT)
    def embed_script() -> Response:
        return send_file(SCRIPT, mimetype="text/javascript", max_age=3600)

    @server.route(http.EMBED_CHART)
    def embed(chart: str) -> Response:
        if chart not in CHARTS:
            abort(404)
        args = {k: v for k, v in request.args.items() if isinstance(v, str)}
        return Response(chart_page(chart, args), mimetype="text/html")
