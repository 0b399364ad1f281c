"""What a client sees when a request fails: a short message, never a traceback or SQL text.

A callback request that Dash cannot even dispatch (inputs missing, wrong shapes, bad JSON) is a
client error: 400. An asset address Dash does not serve is a 404, logged in one line. A database
that cannot be read (missing, damaged at open or in a block read later) is not the client's fault:
every callback of that request is answered "data unavailable", which turns the page into the
error page that names the file and the fix (see ``data_unavailable``). Anything else unexpected is
logged with its traceback on the server only.
"""

from __future__ import annotations

import functools
import logging
from urllib.parse import parse_qs, urlparse

from dash._utils import to_json
from dash.exceptions import DependencyException
from flask import Flask, Response, g, jsonify, request
from werkzeug.exceptions import HTTPException

from dashboard.db import DatabaseError
from dashboard.i18n import LANGS, normalize_lang, t

log = logging.getLogger(__name__)
CALLBACK_PATH = "/_dash-update-component"
PAGE_CONTENT = "_pages_content"  # Dash Pages' container of the page: every page has it
PAGE_STORE = "_pages_store"  # the router's other output: the page's title


def data_unavailable(exc: DatabaseError) -> Response:
    """The answer to a callback whose data cannot be read: a Dash response that updates none of
    the callback's outputs and replaces the page's content with the error page (naming the file
    and the fix), so the reader sees why, in the page's language, instead of a blank page (the
    router's own callback gets the error page as its output). It is marked for anyone else who
    asks: the header ``X-Data-Unavailable`` and ``dataUnavailable`` in the JSON."""
    from dashboard.components.shell import error_page

    path, lang = _page_of_request()
    page = {"children": error_page(path, lang, exc)}
    body: dict = {"multi": True, "response": {}, "dataUnavailable": {"file": str(exc.path), "message": str(exc)}}
    if (PAGE_CONTENT, "children") in _outputs():  # the router itself: answer as the router does
        body["response"] = {PAGE_CONTENT: page, PAGE_STORE: {"data": {"title": t("error.db.title", lang)}}}
    else:
        body["sideUpdate"] = {PAGE_CONTENT: page}
    return Response(to_json(body), status=200, mimetype="application/json",
                    headers={"X-Data-Unavailable": "database", "Cache-Control": "no-store"})


def _outputs() -> set[tuple[str, str]]:
    """The (id, property) pairs the callback request asks for."""
    body = request.get_json(silent=True)
    outputs = body.get("outputs") if isinstance(body, dict) else None
    outputs = outputs if isinstance(outputs, list) else [outputs]
    return {(str(o.get("id")), str(o.get("property"))) for o in outputs if isinstance(o, dict)}


def _page_of_request() -> tuple[str, str]:
    """The path and language of the page a callback came from: from the router's inputs or a page's
    language store when the callback has them, else from the page's address (Referer)."""
    page = urlparse(request.referrer or "/")
    path, lang = page.path or "/", (parse_qs(page.query).get("lang") or [None])[0]
    body = request.get_json(silent=True)
    items = [*body.get("inputs", []), *body.get("state", [])] if isinstance(body, dict) else []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("value"), str):
            continue
        if item.get("id") == "_pages_location" and item.get("property") == "pathname":
            path = item["value"] if item["value"].startswith("/") and not item["value"].startswith("//") else "/"
        elif item.get("id") == "_pages_location" and item.get("property") == "search":
            lang = (parse_qs(item["value"].lstrip("?")).get("lang") or [lang])[0]
        elif str(item.get("id")).endswith("-lang") and item.get("property") == "data":
            lang = item["value"]
    return path, normalize_lang(lang)


def said(status: int) -> str:
    """What an error status means, in Norwegian and English (the language a bare error answers in
    is not known): "Fant ikke siden. / Not found."."""
    return " / ".join(t(f"http.{status}" if status in HTTP_TEXTS else "http.error", lang, status=status)
                      for lang in LANGS)


HTTP_TEXTS = (400, 403, 404, 405, 413, 429, 500)


def register(server: Flask) -> None:
    @server.errorhandler(Exception)
    def handle(exc: Exception):
        if isinstance(exc, HTTPException):
            response = exc.get_response()  # its status and headers (Allow, Retry-After), our words
            if response.status_code >= 400:
                response.set_data(said(response.status_code))
                response.mimetype = "text/plain"
            return response
        if isinstance(exc, DependencyException):  # /_dash-component-suites/<unknown>
            log.warning("not found: %s", request.path[:200])
            return Response(said(404), status=404, mimetype="text/plain")
        if request.path.endswith(CALLBACK_PATH):
            if isinstance(exc, DatabaseError):
                g.pop("database_error", None)
                return data_unavailable(exc)
            log.warning("refused callback request: %s: %s", type(exc).__name__, str(exc)[:200])
            return jsonify(error=said(400)), 400
        log.exception("unhandled error on %s", request.path)
        return Response(said(500), status=500, mimetype="text/plain")

    # A callback may catch the database error itself and answer with an empty view; the request
    # noted it (db.Database), and the answer is replaced here, inside the view, so the response
    # still passes through compression and the security headers.
    endpoint = next(rule.endpoint for rule in server.url_map.iter_rules() if rule.rule.endswith(CALLBACK_PATH))
    dispatch = server.view_functions[endpoint]

    @functools.wraps(dispatch)
    def dispatch_or_unavailable(*args, **kwargs):
        response = dispatch(*args, **kwargs)
        exc = g.pop("database_error", None)
        return data_unavailable(exc) if exc is not None else response

    server.view_functions[endpoint] = dispatch_or_unavailable
