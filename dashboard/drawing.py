"""Charts drawn as PNG images for the downloadable report, by kaleido with the system Chromium,
and the report printed to PDF by the same Chromium (``pdf``).

Drawing is the costliest thing the server does (seconds of Chromium per report), so:

- each worker process draws one report at a time: a report that needs a chart drawn while another
  report is drawing in the same process gets ``Busy`` (the route answers 503 with Retry-After),
  rather than queueing Chromium after Chromium until the workers stop answering;
- printing a PDF takes the same turn (it is Chromium too), and is killed after ``PDF_TIMEOUT``;
- each chart is cached by its content (the figure's JSON, width and height), so the same report
  asked for again is answered from memory, without Chromium and without waiting for its turn.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import warnings
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

import plotly.io as pio
from plotly.io.json import to_json_plotly

CACHE_SIZE = 64  # charts per process; a report's chart is some 100 KB
RETRY_AFTER = 10  # seconds: about one report's drawing time
PDF_TIMEOUT = 60  # seconds: Chromium prints a report in about one


class Busy(Exception):
    """Another report is being drawn in this process."""


class PrintError(RuntimeError):
    """Chromium could not print the PDF: missing, failed or too slow. The message says which."""


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


@contextmanager
def _my_turn() -> Iterator[None]:
    """Hold the process's turn to run Chromium: inside ``one_report`` taken without waiting (Busy
    if another report has it) and kept until the report ends; outside one (a script), waited for."""
    held = _held.get()
    if held is None:
        with _turn:
            yield
        return
    if not held[0]:
        if not _turn.acquire(blocking=False):
            raise Busy
        held[0] = True
    yield


def _key(fig: dict, width: int, height: int) -> str:
    return hashlib.sha256(f"{width}x{height}:{to_json_plotly(fig)}".encode()).hexdigest()


def cached(fig: dict, width: int, height: int) -> bool:
    """Whether ``fig`` at this size is drawn already (``png`` answers it from memory)."""
    with _cache_lock:
        return _key(fig, width, height) in _cache


def png(fig: dict, width: int, height: int) -> bytes:
    """``fig`` as a PNG image, from the cache when the same chart was drawn before."""
    key = _key(fig, width, height)
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    with _my_turn():
        image = _draw(fig, width, height)
    with _cache_lock:
        _cache[key] = image
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return image


def pdf(page: str) -> bytes:
    """A self-contained HTML page printed to PDF by the system Chromium, headless and offline:
    A4 (the page's ``@page`` rule), no header or footer, network blocked.

    Chromium rather than a Python PDF library: it is the engine a reader's own "print to PDF"
    uses, so the PDF looks like the HTML report with the page's CSS as it is (a library such as
    WeasyPrint or xhtml2pdf has its own, smaller CSS and fonts); and it is already required for
    the charts (kaleido), so the PDF adds no dependency."""
    with _my_turn():
        return _print(page)


def _print(page: str) -> bytes:
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        raise PrintError("Chromium not found: sudo apt-get install -y chromium")
    with tempfile.TemporaryDirectory(prefix="report-pdf-") as tmp:
        source, out = Path(tmp, "report.html"), Path(tmp, "report.pdf")
        source.write_text(page, encoding="utf-8")
        args = [browser, "--headless", "--disable-gpu", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-sync", "--no-pdf-header-footer",
                "--host-resolver-rules=MAP * ~NOTFOUND",  # no name resolves: nothing loads from the network
                f"--user-data-dir={tmp}/profile", f"--print-to-pdf={out}", source.as_uri()]
        if os.geteuid() == 0:  # Chromium will not start its sandbox as root (containers, CI)
            args.insert(1, "--no-sandbox")
        # its own process group, so a timeout kills Chromium's helper processes too
        process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   start_new_session=True)
        try:
            _, err = process.communicate(timeout=PDF_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise PrintError(f"Chromium took more than {PDF_TIMEOUT} s to print the report") from None
        data = out.read_bytes() if out.exists() else b""
        if process.returncode != 0 or not data.startswith(b"%PDF"):
            last = (err.decode(errors="replace").strip().splitlines() or ["no message"])[-1]
            raise PrintError(f"Chromium printed no PDF (exit {process.returncode}): {last[:200]}")
        return data


@contextmanager
def one_browser() -> Iterator[None]:
    """For a script drawing many reports: kaleido keeps one Chromium for every chart drawn inside
    this block, rather than starting one per chart (seconds each)."""
    import kaleido

    kaleido.start_sync_server(silence_warnings=True)
    try:
        with warnings.catch_warnings():  # plotly's note that the server ignores per-call options
            warnings.filterwarnings("ignore", "The kopts argument is ignored", UserWarning)
            yield
    finally:
        kaleido.stop_sync_server(silence_warnings=True)


def _draw(fig: dict, width: int, height: int) -> bytes:
    return pio.to_image(fig, format="png", width=width, height=height, scale=1)


def cache_clear() -> None:
    with _cache_lock:
        _cache.clear()
