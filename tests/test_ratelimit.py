"""The shared rate limiter: counts per bucket and key, across processes, forgets after the window,
and believes X-Forwarded-For only from trusted proxies."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest
from flask import Flask

from dashboard import ratelimit
from dashboard.config import Config


@pytest.fixture
def server(tmp_path: Path) -> Flask:
    server = Flask(__name__)
    ratelimit.setup(server, tmp_path / "limits" / "rate.sqlite3")
    return server


def test_counts_per_bucket_and_key_within_the_window(server, monkeypatch) -> None:
    clock = [1000.0]
    monkeypatch.setattr(ratelimit.time, "time", lambda: clock[0])
    with server.app_context():
        assert [ratelimit.allow("report", "1.2.3.4", 3, 60) for _ in range(4)] == [True, True, True, False]
        assert ratelimit.allow("report", "5.6.7.8", 3, 60)  # another key
        assert ratelimit.allow("typed", "1.2.3.4", 3, 60)  # another bucket
        clock[0] += 30
        assert not ratelimit.allow("report", "1.2.3.4", 3, 60)  # refused hits were not counted...
        clock[0] += 30.5
        assert ratelimit.allow("report", "1.2.3.4", 3, 60)  # ...and the window has passed
    path = server.config[ratelimit.RATE_DB]
    con = sqlite3.connect(path)
    assert con.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert "1.2.3.4" not in repr(con.execute("select * from hits").fetchall())  # keys are hashed
    con.close()


def _hammer(path: str, results) -> None:
    server = Flask(__name__)
    ratelimit.setup(server, Path(path))
    with server.app_context():
        results.put(sum(ratelimit.allow("report", "10.0.0.1", 30, 600) for _ in range(20)))


@pytest.mark.slow
def test_one_count_across_processes_and_restarts(tmp_path: Path) -> None:
    path = tmp_path / "rate.sqlite3"
    ctx = multiprocessing.get_context("spawn")  # fresh interpreters, as after a restart
    results = ctx.Queue()
    procs = [ctx.Process(target=_hammer, args=(str(path), results)) for _ in range(3)]
    for p in procs:
        p.start()
    counts = [results.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert sum(counts) == 30  # 60 tries, 30 allowed, however the processes interleaved
    server = Flask(__name__)
    ratelimit.setup(server, path)
    with server.app_context():
        assert not ratelimit.allow("report", "10.0.0.1", 30, 600)


def test_a_broken_file_does_not_take_the_site_down(tmp_path: Path, caplog) -> None:
    server = Flask(__name__)
    (tmp_path / "not-a-folder").write_text("")
    ratelimit.setup(server, tmp_path / "not-a-folder" / "rate.sqlite3")
    with server.app_context():
        assert ratelimit.allow("report", "k", 1, 60) and ratelimit.allow("report", "k", 1, 60)
    assert sum("rate limits not counted" in r.message for r in caplog.records) == 1


def test_client_address_believes_only_trusted_proxies(tmp_path: Path) -> None:
    plain, proxied = Flask(__name__), Flask(__name__)
    ratelimit.setup(plain, tmp_path / "a.sqlite3")
    ratelimit.setup(proxied, tmp_path / "b.sqlite3", ("127.0.0.1", "10.0.0.0/8"))
    forwarded = {"X-Forwarded-For": "6.6.6.6, 203.0.113.9, 10.1.2.3"}
    with plain.test_request_context(headers=forwarded, environ_base={"REMOTE_ADDR": "127.0.0.1"}):
        assert ratelimit.client_address() == "127.0.0.1"
    with proxied.test_request_context(headers=forwarded, environ_base={"REMOTE_ADDR": "127.0.0.1"}):
        assert ratelimit.client_address() == "203.0.113.9"  # the hop our proxies saw, not the client's claim
    with proxied.test_request_context(headers=forwarded, environ_base={"REMOTE_ADDR": "198.51.100.1"}):
        assert ratelimit.client_address() == "198.51.100.1"  # not from a proxy: the header is ignored
    with proxied.test_request_context(headers={"X-Forwarded-For": "junk"}, environ_base={"REMOTE_ADDR": "10.0.0.5"}):
        assert ratelimit.client_address() == "10.0.0.5"


def test_config_from_env(tmp_path: Path) -> None:
    users = tmp_path / "users.sqlite3"
    assert Config.from_env({"USERS_DB": str(users)}).rate_db == tmp_path / "ratelimit.sqlite3"
    assert Config.from_env({"RATE_DB": "/x/r.sqlite3"}).rate_db == Path("/x/r.sqlite3")
    assert Config.from_env({"TRUSTED_PROXIES": "127.0.0.1, 10.0.0.0/8"}).trusted_proxies == ("127.0.0.1", "10.0.0.0/8")
    assert Config().rate_db.name == "ratelimit.sqlite3"
    with pytest.raises(ValueError):
        ratelimit.setup(Flask(__name__), users, ("not-an-address",))
