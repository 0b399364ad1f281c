"""Who sees what. With ``AUTH=on``, visitors are the public until they sign in as a jury member, a
company or an admin; with it off, the demo runs open (as the jury would see it) and says so.

- public: aggregates of at least five companies, finalists and winners once published;
- company: the same, plus its own figures in the benchmark;
- jury and admin: everything, published or not.

The rules are enforced on the server, in page layouts, callbacks and queries; hiding a button
is never the protection. Sign-in uses Flask-Login with salted password hashes (``dashboard.users``),
HttpOnly and SameSite session cookies (Secure unless ``SECURE_COOKIES=off``), failed attempts
counted in the users file per account and per address with growing lock-outs (``users.LIMITS``),
and a session version checked on every request, so signing out ends the session on the server.
Posts that change something (sign-in, sign-out, the benchmark report) must come from this site.
"""

from __future__ import annotations

import functools
import html
import logging
import math
import secrets
from datetime import date
from pathlib import Path
from typing import Callable
from urllib.parse import urlencode, urlsplit

from flask import Flask, abort, current_app, redirect, request
from flask_login import LoginManager, current_user, login_user, logout_user

from dashboard import ratelimit, users
from dashboard.disclosure import FOREVER, Viewer  # the views' viewer
from dashboard.i18n import lang_arg, normalize_lang, t

log = logging.getLogger(__name__)
FULL = ("open", "jury", "admin")  # roles that see individual companies and unpublished nominations


def role() -> str:
    """The current visitor's role: open (access control off), public, company, jury or admin."""
    if not current_app.config.get("DASHBOARD_AUTH"):
        return "open"
    return current_user.role if current_user.is_authenticated else "public"


def own_org() -> str | None:
    """A company user's organisation number; None for everyone else."""
    return current_user.org_nr if role() == "company" else None


OPEN_USER = "demo"  # whom the jury page scores as while access control is off (the demo)


def user_name() -> str:
    """The signed-in user's name; ``OPEN_USER`` while access control is off."""
    return OPEN_USER if role() == "open" else (current_user.name if current_user.is_authenticated else "")


def sees_companies() -> bool:
    return role() in FULL


def as_of() -> date:
    """Nominations count from their publish date on; the jury sees them before."""
    return FOREVER if role() in FULL else date.today()


def viewer() -> Viewer:
    """The current visitor, for the views (``disclosure.Viewer``)."""
    return Viewer(role() in FULL, as_of(), own_org())


def require(*roles: str) -> None:
    """Refuse the request (403) unless the visitor has one of ``roles`` (or access control is off)."""
    if role() not in (*roles, "open"):
        abort(403)


def _host(url: str) -> str | None:
    """host[:port] of an http(s) address, lower case, without the scheme's default port."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    host = parts.netloc.rpartition("@")[2].lower()
    return host.removesuffix({"http": ":80", "https": ":443"}[parts.scheme])


def from_own_site() -> bool:
    """Whether a browser sent this request from this site: its Origin header (or, without one, its
    Referer) names this server's own host (the Host header, as the browser addressed it). Not with
    neither: every current browser sends Origin with a POST. A refusal is logged."""
    source = request.headers.get("Origin") or request.headers.get("Referer") or ""
    own = request.host.lower().removesuffix(":80").removesuffix(":443")
    if _host(source) != own:
        log.warning("refused %s %s from %r (not %s)", request.method, request.path, source[:100], own)
        return False
    return True


def same_origin_or_403() -> None:
    """Refuse (403) a request that a browser sent from another site (``from_own_site``)."""
    if not from_own_site():
        abort(403)


def same_origin(view: Callable) -> Callable:
    """A route that only this site's own pages may post to (see ``same_origin_or_403``)."""

    @functools.wraps(view)
    def checked(*args, **kwargs):
        same_origin_or_403()
        return view(*args, **kwargs)

    return checked


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


def _home(lang: str) -> str:
    """The front page in ``lang`` (the default language needs no argument)."""
    args = lang_arg(lang)
    return "/?" + urlencode(args) if args else "/"


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
    # every request that asks who is looking checks the session version against the users file
    manager.user_loader(lambda user_id: users.from_session(users_db, user_id))
    if enabled:
        users.dummy_hash()  # made once, before the workers fork: an unknown name costs one check too

    @server.route("/login", methods=["GET", "POST"])
    def login():
        lang = normalize_lang(request.args.get("lang"))
        if request.method == "GET":
            return _page(lang)
        same_origin_or_403()
        name = request.form.get("name", "")[:100]
        address = ratelimit.client_address()  # behind TRUSTED_PROXIES, the visitor's, not the proxy's
        wait = users.begin_sign_in(users_db, name, address)
        if wait:
            body, status, headers = _page(lang, t("auth.too_many", lang, minutes=math.ceil(wait / 60)), 429)
            return body, status, {**headers, "Retry-After": str(math.ceil(wait))}
        user = users.verify(users_db, name, request.form.get("password", "")[:200])
        if user is None:
            log.warning("failed sign-in from %s as %r", address, name)
            return _page(lang, t("auth.wrong", lang), 401)
        users.signed_in(users_db, name, address)
        login_user(user)
        return redirect(_home(lang))

    @server.route("/logout", methods=["GET", "POST"])  # GET named here only to refuse it (else the pages answer)
    def logout():
        if request.method != "POST":
            abort(405, valid_methods=["POST"])  # a link or an image on another site cannot sign anyone out
        same_origin_or_403()
        if current_user.is_authenticated:
            users.end_sessions(users_db, current_user.name)  # a copy of the cookie is no good either
        logout_user()
        lang = normalize_lang(request.args.get("lang"))
        return redirect(_home(lang))
