"""Who sees what. With ``AUTH=on``, visitors are the public until they sign in as a jury member, a
company or an admin; with it off, the demo runs open (as the jury would see it) and says so.

- public: aggregates of at least five companies, finalists and winners once published;
- company: the same, plus its own figures in the benchmark;
- jury and admin: everything, published or not.

The rules are enforced on the server, in page layouts, callbacks and queries; hiding a button
is never the protection. Sign-in uses Flask-Login with salted password hashes (``dashboard.users``),
HttpOnly and SameSite session cookies (Secure unless ``SECURE_COOKIES=off``), and at most five
failed attempts per address and account in five minutes.
"""

from __future__ import annotations

import html
import logging
import secrets
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from flask import Flask, abort, current_app, redirect, request
from flask_login import LoginManager, current_user, login_user, logout_user

from dashboard import disclosure, users
from dashboard.i18n import normalize_lang, t

log = logging.getLogger(__name__)
FULL = ("open", "jury", "admin")  # roles that see individual companies and unpublished nominations
MAX_FAILURES, WINDOW = 5, 300.0
FOREVER = date(9999, 12, 31)


def role() -> str:
    """The current visitor's role: open (access control off), public, company, jury or admin."""
    if not current_app.config.get("DASHBOARD_AUTH"):
        return "open"
    return current_user.role if current_user.is_authenticated else "public"


def own_org() -> str | None:
    """A company user's organisation number; None for everyone else."""
    return current_user.org_nr if role() == "company" else None


def sees_companies() -> bool:
    return role() in FULL


def as_of() -> date:
    """Nominations count from their publish date on; the jury sees them before."""
    return FOREVER if role() in FULL else date.today()


@dataclass(frozen=True)
class Viewer:
    """What the current visitor may see, as the view builders need it (and cache by)."""

    full: bool  # individual companies and unpublished nominations
    as_of: date  # nominations count from their publish date
    org: str | None = None  # a company user's own organisation

    @property
    def min_group(self) -> int:
        """The fewest companies behind a figure this viewer may see."""
        return 1 if self.full else disclosure.MIN_GROUP


JURY = Viewer(True, FOREVER)


def viewer() -> Viewer:
    return Viewer(role() in FULL, as_of(), own_org())


def require(*roles: str) -> None:
    """Refuse the request (403) unless the visitor has one of ``roles`` (or access control is off)."""
    if role() not in (*roles, "open"):
        abort(403)


class _Attempts:
    """Failed sign-ins per address in a sliding window (per worker process)."""

    def __init__(self) -> None:
        self._failures: dict[str, deque] = defaultdict(deque)
        self._lock = threading.Lock()

    def blocked(self, who: str) -> bool:
        with self._lock:
            q = self._failures[who]
            while q and time.monotonic() - q[0] > WINDOW:
                q.popleft()
            return len(q) >= MAX_FAILURES

    def fail(self, who: str) -> None:
        with self._lock:
            self._failures[who].append(time.monotonic())

    def clear(self, who: str) -> None:
        with self._lock:
            self._failures.pop(who, None)


def _page(lang: str, message: str = "", status: int = 200):
    esc = html.escape
    body = f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(t("auth.title", lang))} – {esc(t("app.title", lang))}</title>
<link rel="stylesheet" href="/assets/01-bootstrap.min.css"></head>
<body class="p-4" style="max-width:28rem;margin:auto"><main>
<h1 class="h3">{esc(t("auth.title", lang))}</h1>
{f'<div class="alert alert-danger" role="alert">{esc(message)}</div>' if message else ''}
<form method="post" action="/login?lang={lang}">
<label class="form-label" for="name">{esc(t("auth.name", lang))}</label>
<input class="form-control mb-2" id="name" name="name" autocomplete="username" required>
<label class="form-label" for="password">{esc(t("auth.password", lang))}</label>
<input class="form-control mb-3" id="password" name="password" type="password" autocomplete="current-password" required>
<button class="btn btn-primary" type="submit">{esc(t("auth.sign_in", lang))}</button>
</form><p class="mt-3"><a href="/?lang={lang}">{esc(t("auth.back", lang))}</a></p></main></body></html>"""
    return body, status, {"Content-Type": "text/html; charset=utf-8"}


def setup(server: Flask, enabled: bool, users_db: Path, secret_key: str | None, secure_cookies: bool) -> None:
    """Turn access control on or off for the app's Flask server."""
    server.config["DASHBOARD_AUTH"] = enabled
    server.config.update(
        SECRET_KEY=secret_key or server.config.get("SECRET_KEY") or secrets.token_hex(32),
        SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax", SESSION_COOKIE_SECURE=secure_cookies,
        REMEMBER_COOKIE_HTTPONLY=True, REMEMBER_COOKIE_SAMESITE="Lax", REMEMBER_COOKIE_SECURE=secure_cookies,
    )
    if enabled and not secret_key:
        log.warning("AUTH is on but SECRET_KEY is not set: sessions end when the server restarts")
    manager = LoginManager(server)
    manager.user_loader(lambda name: users.get(users_db, name))
    attempts = _Attempts()

    @server.route("/login", methods=["GET", "POST"])
    def login():
        lang = normalize_lang(request.args.get("lang"))
        if request.method == "GET":
            return _page(lang)
        name = request.form.get("name", "")[:100]
        who = f"{request.remote_addr or '?'} {name}"  # per address and account
        if attempts.blocked(who):
            return _page(lang, t("auth.too_many", lang), 429)
        user = users.verify(users_db, name, request.form.get("password", "")[:200])
        if user is None:
            attempts.fail(who)
            log.warning("failed sign-in from %s", who)
            return _page(lang, t("auth.wrong", lang), 401)
        attempts.clear(who)
        login_user(user)
        return redirect(f"/?lang={lang}" if lang == "en" else "/")

    @server.route("/logout", methods=["GET", "POST"])
    def logout():
        logout_user()
        return redirect("/")
