"""HTTP hardening for every response: compression, long caching of fingerprinted assets, and
security headers (a Content-Security-Policy limited to this server, nosniff, referrer policy).

Dash writes two small inline scripts into its page; their hashes (``Dash.csp_hashes``) are allowed
by the policy instead of any inline script. Dash and plotly set inline styles, so styles allow
``'unsafe-inline'``; scripts do not, and nothing needs ``eval``.
"""

from __future__ import annotations

from dash import Dash
from flask import Response, request
from flask_compress import Compress

ONE_YEAR = 365 * 24 * 3600
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
    )
    Compress(server)
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
                f"frame-ancestors {frame_ancestors}",
            ])
        response.headers["Content-Security-Policy"] = policy["value"]
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        if request.path.startswith(("/assets/", "/_dash-component-suites/")) and response.status_code == 200:
            response.headers["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"
        return response
