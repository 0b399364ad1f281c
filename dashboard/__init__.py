"""The dashboard for "Norges smarteste industribedrift". ``create_app`` builds the Dash app."""

from __future__ import annotations

import logging
from pathlib import Path

import dash
from dash import Dash, Input, dcc, html

from dashboard import auth, embed, errors, http, meta, ratelimit, timing
from dashboard.config import Config
from dashboard.db import Database, DatabaseError
from dashboard.warehouse import SCHEMA_VERSION
from dashboard.i18n import DEFAULT_LANG, client_config, t

log = logging.getLogger(__name__)

INDEX = f"""<!DOCTYPE html>
<html lang="{DEFAULT_LANG}">
<head>
{{%metas%}}
<title>{{%title%}}</title>
{{%favicon%}}
{{%css%}}
</head>
<body>
{{%app_entry%}}
<footer>{{%config%}}{{%scripts%}}{{%renderer%}}</footer>
</body>
</html>"""


def prepare_database(config: Config) -> None:
    """Build the demo database if the file is missing; log clearly if it cannot be read.

    A missing file is built (when the config allows); an unreadable one is left alone, and every
    page then shows what is wrong and how to rebuild it. The probe connection is closed again, so
    no connection crosses a fork into server workers.
    """
    path = config.db_path
    if not path.exists() and config.build_missing_db:
        log.warning("database %s not found: building the demo data there", path)
        _build_demo(path)
    probe = Database(path)
    try:
        meta = probe.check()
        stale = meta.get("schema_version") != SCHEMA_VERSION
        if stale and meta.get("source") == "demo" and "last_import" not in meta:  # pure demo data only
            probe.close()
            log.warning("demo database %s is from an older version: rebuilding it", path)
            _build_demo(path, scale=int(meta.get("scale") or 1))
            meta = probe.check()
        log.info("serving %s (%s data, built %s)", path, meta.get("source"), meta.get("built_at"))
    except DatabaseError:
        pass  # logged by the Database, once per file: every page then says what is wrong
    finally:
        probe.close()


def _build_demo(path: Path, scale: int = 1) -> None:
    from data.generate import build_demo

    build_demo(path, scale=scale)


def create_app(config: Config | None = None) -> Dash:
    """The Dash app for ``config`` (from the environment when not given)."""
    config = config or Config.from_env()
    prepare_database(config)

    app = Dash(
        __name__,
        use_pages=True,
        pages_folder="",
        suppress_callback_exceptions=True,
        title=t("app.title", DEFAULT_LANG),
        update_title=None,
        serve_locally=True,
        include_pages_meta=False,  # dashboard.meta writes the title and preview tags in the page's language
        # the languages, for assets/dashboard.js (a meta tag: the security policy allows no inline script)
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"},
                   {"name": "dashboard-languages", "content": client_config()}],
    )
    app.index_string = INDEX
    _serve_only_used_scripts()
    errors.register(app.server)
    http.harden(app, config.frame_ancestors)
    app.server.config[timing.SETTING] = config.server_timing
    app.server.after_request(timing.add_header)
    auth.setup(app.server, config.auth, config.users_db, config.secret_key, config.secure_cookies)
    ratelimit.setup(app.server, config.rate_db, config.trusted_proxies)
    from dashboard import report  # here, so `python -m dashboard.report` runs it once

    report.register(app.server)
    embed.register(app.server)
    meta.register(app)
    app.server.config.update(SCORES_DB=config.scores_db, USERS_DB=config.users_db)
    app.server.extensions["dashboard.db"] = Database(config.db_path)
    _register_pages()
    from dashboard.pages import jury

    app.server.before_request(jury.guard)  # the jury's page is refused (403) before Dash serves it
    import dashboard.callbacks  # noqa: F401  (registers the callbacks)

    app.layout = html.Div([dcc.Location(id="url"), dash.page_container])
    app.clientside_callback(
        dash.ClientsideFunction(namespace="dashboard", function_name="setDocumentLang"),
        Input("url", "search"),
    )
    _first_request_setup(app)
    return app


def _serve_only_used_scripts() -> None:
    """No page loads JavaScript the app does not use: the full plotly.js (see
    ``_serve_plotly_bundle_only``) and Dash's DataTable, which every Dash app loads and no page
    here has (tables are html tables and AG Grid; a test checks no DataTable is laid out)."""
    from dash import dash_table

    _serve_plotly_bundle_only()
    dash_table._js_dist[:] = []


def _serve_plotly_bundle_only() -> None:
    """plotly.js comes from assets/plotly-bundle.min.js, built with only the trace types the
    figures draw (``make plotly-bundle``; 1.2 MB against the full 4.8 MB). dcc.Graph draws with a
    ``window.Plotly`` when the page has one and only otherwise fetches the full plotly.min.js, which
    every ``Dash()`` adds to dcc's resources (``Dash._setup_plotlyjs``). Dropping that entry here
    means the full file is neither loaded nor served (a 404), so a chart can never fall back to it
    unnoticed."""
    dcc._js_dist[:] = [r for r in dcc._js_dist if r.get("namespace") != "plotly"]


def _first_request_setup(app: Dash) -> None:
    """Run Dash's first-request hooks (register the callbacks, build the page router) now, once.
    Dash marks them done before doing them, so in a threaded worker a second request that arrives
    meanwhile finds no callbacks and is refused; run here, they are done before any request (with
    ``gunicorn --preload``, before the workers fork)."""
    with app.server.test_request_context("/"):
        for hook in app.server.before_request_funcs.get(None, []):
            if hook.__module__ == "dash.dash":
                hook()


def _register_pages() -> None:
    from dashboard.pages import benchmark, compare, data, explorer, jury, not_found, present

    title = t("app.title", DEFAULT_LANG)
    pages = (
        ("dashboard.pages.explorer", "/", explorer.layout, "nav.explorer"),
        ("dashboard.pages.compare", "/compare", compare.layout, "nav.compare"),
        ("dashboard.pages.benchmark", "/benchmark", benchmark.layout, "nav.benchmark"),
        ("dashboard.pages.present", "/present", present.layout, "nav.present"),
        ("dashboard.pages.data", "/data", data.layout, "nav.data"),
        ("dashboard.pages.jury", jury.PATH, jury.layout, "nav.jury"),
    )
    for order, (module, path, layout, label) in enumerate(pages):
        dash.register_page(module, path=path, layout=layout, order=order,
                           title=meta.title_of(label.removeprefix("nav.")), name=t(label, DEFAULT_LANG))
    dash.register_page("dashboard.pages.not_found_404", path="/404", layout=not_found.layout,
                       title=f"{t('error.404.title', DEFAULT_LANG)} – {title}")
