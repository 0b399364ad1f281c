"""Charts drawn as PNG images for the downloadable report, by kaleido with the system Chromium.

Drawing is the costliest thing the server does (seconds of Chromium per report), so:

- each worker process draws one report at a time: a report that needs a chart drawn while another
  report is drawing in the same process gets ``Busy`` (the route answers 503 with Retry-After),
  rather than queueing Chromium after Chromium until the workers stop answering;
- each chart is cached by its content (the figure's JSON, width and height), so the same report
  asked for again is answered from memory, without Chromium and without waiting for its turn.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import plotly.io as pio
from plotly.io.json import to_json_plotly

CACHE_SIZE = 64  # charts per process; a report's chart is some 100 KB
RETRY_AFTER = 10  # seconds: about one report's drawing time


class Busy(Exception):
    """Another report is being drawn in this process."""


_turn = threading.Lock()  # held by the one report drawing in this process
_held: ContextVar[list[bool] | None] = ContextVar("drawing_turn", default=None)
_cache: OrderedDict[str, bytes] = OrderedDict()
_cache_lock = threading.Lock()


@contextmanager
def one_report() -> Iterator[None]:
    """Draw one report's charts inside this block. The first chart that is not cached takes the
    process's turn without waiting (``png`` raises Busy if another report has it); the turn is
    given back when the block ends."""
    held = [False]
    token = _held.set(held)
    try:
        yield
    finally:
        _held.reset(token)
        if held[0]:
            _turn.release()


def png(fig: dict, width: int, height: int) -> bytes:
    """``fig`` as a PNG image, from the cache when the same chart was drawn before."""
    key = hashlib.sha256(f"{width}x{height}:{to_json_plotly(fig)}".encode()).hexdigest()
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    held = _held.get()
    if held is None:  # not inside a report request (a script): wait for the turn
        with _turn:
            image = _draw(fig, width, height)
    else:
        if not held[0]:
            if not _turn.acquire(blocking=False):
                raise Busy
            held[0] = True
        image = _draw(fig, width, height)
    with _cache_lock:
        _cache[key] = image
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return image


def _draw(fig: dict, width: int, height: int) -> bytes:
    return pio.to_image(fig, format="png", width=width, height=height, scale=1)


def cache_clear() -> None:
    with _cache_lock:
        _cache.clear()
