"""Server-Timing: how long each part of an answer took to build and encode, in the response's
``Server-Timing`` header (``SERVER_TIMING=on``; off by default). ``make bench`` reads it to compare
views that one callback draws together; a browser's developer tools show it too.

A part is timed with its JSON encoding (Dash's own encoder), so that a view built as plain dicts and
one built as plotly graph objects are measured alike. The encoding is done a second time for the
measurement, which is why this is off unless asked for.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from dash._utils import to_json
from flask import Response, current_app, g, has_request_context

T = TypeVar("T")
SETTING = "SERVER_TIMING"  # the Flask config key that turns it on


def timed(name: str, build: Callable[[], T]) -> T:
    """``build()``; when timing is on, its time (and its output's encoding) is noted as ``name``."""
    if not (has_request_context() and current_app.config.get(SETTING)):
        return build()
    start = time.perf_counter()
    out = build()
    to_json(out)
    g.setdefault("server_timing", {})[name] = (time.perf_counter() - start) * 1000
    return out


def add_header(response: Response) -> Response:
    """Write the parts noted for this request into ``Server-Timing`` (ms, to 0.01)."""
    parts = g.pop("server_timing", None) if has_request_context() else None
    if parts:
        response.headers["Server-Timing"] = ", ".join(f"{name};dur={ms:.2f}" for name, ms in parts.items())
    return response


def parse(header: str | None) -> dict[str, float]:
    """A ``Server-Timing`` header read back: name -> ms."""
    out = {}
    for part in (header or "").split(","):
        name, _, rest = part.strip().partition(";dur=")
        if name and rest:
            out[name] = float(rest)
    return out
