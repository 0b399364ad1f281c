"""Settings from environment variables, with defaults that just work on a laptop."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = ROOT / "data" / "demo.duckdb"


@dataclass(frozen=True)
class Config:
    """What the app needs to know at start-up. Tests build one directly."""

    db_path: Path = DEFAULT_DB
    host: str = "127.0.0.1"
    port: int = 8050
    # Build demo data when the database file is missing (the demo and local runs want this).
    build_missing_db: bool = True
    # Who may show the embeds (/embed/…) in a frame (CSP frame-ancestors): 'self', 'none' or origins;
    # every other page may be framed by the app itself only.
    frame_ancestors: str = "'self'"
    # Access control (AUTH=on): roles, sign-in; users live in their own file, not the database.
    auth: bool = False
    users_db: Path = ROOT / "data" / "users.sqlite3"
    # The jury's own scores (dashboard.scores): their own SQLite file, never the read-only database.
    scores_db: Path = ROOT / "data" / "scores.sqlite3"
    secret_key: str | None = None
    secure_cookies: bool = True
    # Rate limits shared by all worker processes (dashboard.ratelimit); None: beside users_db.
    rate_db: Path | None = None
    # Proxies whose X-Forwarded-For is believed (addresses or networks); none by default.
    trusted_proxies: tuple[str, ...] = ()
    # Server-Timing headers with each explorer view's build time (dashboard.timing), for make bench.
    server_timing: bool = False

    def __post_init__(self) -> None:
        if self.rate_db is None:
            object.__setattr__(self, "rate_db", Path(self.users_db).parent / "ratelimit.sqlite3")

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "Config":
        """Read DASHBOARD_DB, HOST, PORT, FRAME_ANCESTORS, AUTH, USERS_DB, SCORES_DB, SECRET_KEY,
        SECURE_COOKIES, RATE_DB, TRUSTED_PROXIES, SERVER_TIMING."""
        env = os.environ if env is None else env
        port = env.get("PORT", "8050")
        if not port.isdigit() or not 0 < int(port) < 65536:
            raise ValueError(f"PORT must be a number from 1 to 65535, not {port!r}")
        return cls(
            db_path=Path(env.get("DASHBOARD_DB") or DEFAULT_DB),
            host=env.get("HOST", "127.0.0.1"),
            port=int(port),
            frame_ancestors=env.get("FRAME_ANCESTORS") or "'self'",
            auth=env.get("AUTH", "off").lower() in ("on", "1", "true", "yes"),
            users_db=Path(env.get("USERS_DB") or ROOT / "data" / "users.sqlite3"),
            scores_db=Path(env.get("SCORES_DB") or ROOT / "data" / "scores.sqlite3"),
            secret_key=env.get("SECRET_KEY") or None,
            secure_cookies=env.get("SECURE_COOKIES", "on").lower() not in ("off", "0", "false", "no"),
            rate_db=Path(env["RATE_DB"]) if env.get("RATE_DB") else None,
            trusted_proxies=tuple(p for p in re.split(r"[,\s]+", env.get("TRUSTED_PROXIES", "")) if p),
            server_timing=env.get("SERVER_TIMING", "off").lower() in ("on", "1", "true", "yes"),
        )
