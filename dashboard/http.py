"""HTTP hardening for every response: compression, long caching of fingerprinted assets, and
security headers (a Content-Security-Policy limited to this server, nosniff, referrer policy). Only
the embeds (``/embed/…``) may be framed by other sites, those ``FRAME_ANCESTORS`` names.

Dash writes two small inline scripts into its page; their hashes (``Dash.csp_hashes``) are allowed
by the policy instead of any inline script. Dash and plotly set inline styles, so styles allow
``'unsafe-inline'``; scripts do not, and nothing needs ``eval``.
"""

from __future__ import annotations

import gzip

import brotli
from dash import Dash
from flask import Response, request
from flask_compress import Compress

ONE_YEAR = 365 * 24 * 3600
STATIC = ("/assets/", "/_dash-component-suites/")  # files whose address changes with each release
PACKED_MAX = 256  # compressed files kept per worker (the pages load about 30)
# dashboard.embed's routes, the only ones other sites may frame (by their rules: /embed/map/x or
# /embed/../jury are the app's pages, framed by the app only)
EMBED_CHART, EMBED_SCRIPT = "/embed/<chart>", "/embed/embed.js"
MAX_BODY = 1024 * 1024  # bytes: the largest request body read (a callback body is a few KB)


def harden(app: Dash, frame_ancestors: str) -> None:
    server = app.server
    server.config.update(
        COMPRESS_MIMETYPES=["text/html", "text/css", "text/csv", "application/json",
                            "application/javascript", "text/javascript", "image/svg+xml"],
        COMPRESS_MIN_SIZE=500,
        COMPRESS_ALGORITHM=["br", "gzip"],
        # assets carry ?m=<mtime> and component suites a version in their names, so they can be
        # cached for a year; a new release changes the address
        SEND_FILE_MAX_AGE_DEFAULT=ONE_YEAR,
        # a larger body is refused (413) before it is read, never parsed into memory
        MAX_CONTENT_LENGTH=MAX_BODY,
        FRAME_ANCESTORS=frame_ancestors,  # read per request: who may frame the embeds
    )
    Compress(server)
    _pack_static_files(server)
    policy: dict[str, str] = {}

    @server.after_request
    def headers(response: Response) -> Response:
        if not policy:
            hashes = " ".join(app.csp_hashes())  # already quoted: 'sha256-…'
            policy["value"] = "; ".join([
                "default-src 'self'",
                f"script-src 'self' {hashes}",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data: blob:",
                "font-src 'self' data:",
                "connect-src 'self'",
                "worker-src 'self' blob:",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
            ])
        # the embeds may be framed where FRAME_ANCESTORS says; every other page by this site only
        rule = request.url_rule.rule if request.url_rule is not None else ""
        framing = server.config["FRAME_ANCESTORS"] if rule in (EMBED_CHART, EMBED_SCRIPT) else "'self'"
        response.headers["Content-Security-Policy"] = f"{policy['value']}; frame-ancestors {framing}"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        if request.path.startswith(STATIC) and response.status_code == 200:
            response.headers["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"
        return response


def _pack_static_files(server) -> None:
    """Scripts and styles compressed once per worker, not for every visitor: Flask-Compress
    compresses a file it streams anew each time (3.5 MB of JavaScript for each cold browser) and
    offers no gzip for streams. Here each file is compressed on its first request (brotli, or gzip
    for a browser without it) and kept, under its address, which changes with every release.
    Registered after Flask-Compress, so it runs first; Flask-Compress leaves a compressed answer."""
    packed: dict[tuple[str, str], bytes] = {}
    types = set(server.config["COMPRESS_MIMETYPES"])

    @server.after_request
    def pack(response: Response) -> Response:
        if (not request.path.startswith(STATIC) or response.status_code != 200 or response.mimetype not in types
                or "Content-Encoding" in response.headers):
            return response
        encoding = request.accept_encodings.best_match(["br", "gzip"])
        if encoding is None:
            return response
        key = (request.full_path, encoding)
        body = packed.get(key)
        response.direct_passthrough = False
        if body is None:
            raw = response.get_data()
            if len(raw) < server.config["COMPRESS_MIN_SIZE"]:
                return response
            body = brotli.compress(raw, quality=5) if encoding == "br" else gzip.compress(raw, 6)
            if len(packed) < PACKED_MAX:
                packed[key] = body
        response.set_data(body)
        response.headers["Content-Encoding"] = encoding
        response.vary.add("Accept-Encoding")
        etag, weak = response.get_etag()
        if etag and not weak:
            response.set_etag(f"{etag}:{encoding}")
        return response
