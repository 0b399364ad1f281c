"""A rate limiter shared by every worker process and surviving restarts: hits in a small SQLite file.

    if not ratelimit.allow("report", ratelimit.client_address(), limit=10, window=600):
        return too_many_requests()

The file is ``RATE_DB`` (default: ``ratelimit.sqlite3`` beside ``USERS_DB`` in ``data/``), set per app
by ``setup`` from its ``Config`` (tests point it at a temporary file), created on first use, in WAL
mode, with one short write transaction per call. Keys are stored hashed, never as given (an address
or typed figures stay out of the file), and a hit is deleted once its window has passed.

If the file cannot be written (disk full, permissions), ``allow`` says yes and logs the reason once
per process: a limiter that fails must not take the site down with it. Callers that guard something
costly keep their own in-process limit too (the report draws one at a time per worker).
"""

from __future__ import annotations

import hashlib
import ipaddress
import logging
import os
import sqlite3
import time
from pathlib import Path

from flask import Flask, current_app, has_app_context, request

log = logging.getLogger(__name__)
RATE_DB = "DASHBOARD_RATE_DB"  # Flask config keys set by setup()
TRUSTED = "DASHBOARD_TRUSTED_PROXIES"
_ready: set[tuple[int, str]] = set()  # (process, file) whose table exists
_failed: set[tuple[int, str]] = set()  # (process, file) whose failure is logged


def setup(server: Flask, path: Path, trusted_proxies: tuple[str, ...] = ()) -> None:
    """Use ``path`` for this app's limits; believe X-Forwarded-For only from ``trusted_proxies``
    (addresses or networks, e.g. ``("127.0.0.1", "10.0.0.0/8")``)."""
    server.config[RATE_DB] = Path(path)
    server.config[TRUSTED] = tuple(parse_networks(trusted_proxies))


def parse_networks(items: tuple[str, ...] | list[str]) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    """Addresses or networks (``10.0.0.0/8``); a value that is neither raises ValueError."""
    return [ipaddress.ip_network(item.strip(), strict=False) for item in items if item.strip()]


def _path() -> Path:
    if has_app_context() and current_app.config.get(RATE_DB):
        return current_app.config[RATE_DB]
    from dashboard.config import Config

    return Config.from_env().rate_db


def _connect(path: Path) -> sqlite3.Connection:
    # One connection per call: cheap for SQLite, and nothing to carry across gunicorn's fork.
    first = (os.getpid(), str(path)) not in _ready
    if first:
        path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path, timeout=5.0, isolation_level=None)
    con.execute("pragma synchronous=normal")
    if first:
        con.execute("pragma journal_mode=wal")
        con.execute("create table if not exists hits (bucket text not null, key text not null, "
                    "at real not null, expires real not null)")
        con.execute("create index if not exists hits_by_key on hits (bucket, key, at)")
        con.execute("create index if not exists hits_by_expiry on hits (expires)")
        _ready.add((os.getpid(), str(path)))
    return con


def allow(bucket: str, key: str, limit: int, window: float) -> bool:
    """True, and the hit counted, if (``bucket``, ``key``) had fewer than ``limit`` hits in the last
    ``window`` seconds, counted across all processes; False otherwise (a refused hit is not counted)."""
    path = _path()
    hashed = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    now = time.time()
    try:
        con = _connect(path)
        try:
            con.execute("begin immediate")
            con.execute("delete from hits where expires <= ?", (now,))
            (count,) = con.execute("select count(*) from hits where bucket = ? and key = ? and at > ?",
                                   (bucket, hashed, now - window)).fetchone()
            allowed = count < limit
            if allowed:
                con.execute("insert into hits values (?, ?, ?, ?)", (bucket, hashed, now, now + window))
            con.execute("commit")
            return allowed
        finally:
            con.close()
    except (sqlite3.Error, OSError) as exc:
        if (os.getpid(), str(path)) not in _failed:
            _failed.add((os.getpid(), str(path)))
            log.error("rate limits not counted: cannot write %s: %s", path, exc)
        return True


def client_address() -> str:
    """The address the current request comes from: ``request.remote_addr``, or, when that is one of
    the trusted proxies (``TRUSTED_PROXIES``), the nearest address in X-Forwarded-For that is not a
    trusted proxy itself (entries further left are whatever the client chose to send)."""
    remote = request.remote_addr or "unknown"
    trusted = current_app.config.get(TRUSTED) or ()
    if not trusted or not _trusted(remote, trusted):
        return remote
    hops = [hop.strip() for header in request.headers.getlist("X-Forwarded-For")
            for hop in header.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, trusted):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:  # not an address: the proxy's client sent garbage; count the proxy
                return remote
    return hops[0] if hops else remote


def _trusted(address: str, networks: tuple) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in net for net in networks)
