"""What a client sees when a request fails: a short message, never a traceback or SQL text.

A callback request that Dash cannot even dispatch (inputs missing, wrong shapes, bad JSON) is a
client error: 400. Anything else unexpected is logged with its traceback on the server only.
"""

from __future__ import annotations

import logging

from flask import Flask, jsonify, request
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)
CALLBACK_PATH = "/_dash-update-component"


def register(server: Flask) -> None:
    @server.errorhandler(Exception)
    def handle(exc: Exception):
        if isinstance(exc, HTTPException):
            return exc
        if request.path.endswith(CALLBACK_PATH):
            log.warning("refused callback request: %s: %s", type(exc).__name__, str(exc)[:200])
            return jsonify(error="The request could not be processed."), 400
        log.exception("unhandled error on %s", request.path)
        return "Internal error. The server log has the details.", 500
