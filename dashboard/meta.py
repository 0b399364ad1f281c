"""What a page says about itself to the browser and to whoever a link is pasted to: the HTML title
in the page's language, and Open Graph and Twitter card tags (title, description, an image of the
view), so that a link in a chat, a newsletter or a social post shows a preview.

The image (``/og/<page>.png``) is drawn offline by kaleido with the system Chromium
(``dashboard.drawing``: one at a time per worker, cached by content): the explorer's county map of
the address's KPI and year (other pages: of the last year), as the public sees it, whoever asks: a
preview is seen by anyone the link is sent to. Only the KPI, the year and the language choose an
image, so there are few to draw (15 KPIs × the years × 2 languages), each once per worker; and an
address gets ``PREVIEW_LIMIT`` drawings a minute, so previews cannot keep the reports' drawing
turn busy.
"""

from __future__ import annotations

import logging
from html import escape
from urllib.parse import parse_qs, urlencode

from flask import Flask, Response, abort, has_request_context, request

from dashboard import drawing, ratelimit, state
from dashboard.db import DatabaseError, year_span
from dashboard.i18n import DEFAULT_LANG, language, normalize_lang, t
from dashboard.kpis import get_kpi

log = logging.getLogger(__name__)
PAGES = {"/": "explorer", "/compare": "compare", "/benchmark": "benchmark", "/present": "present",
         "/data": "data", "/jury": "jury"}
IMAGE = (1200, 630)  # the size link previews show (Open Graph's recommended 1.91 : 1)
PREVIEW_KEYS = ("kpi", "to", "lang")  # what chooses a preview image
PREVIEW_LIMIT = (12, 60.0)  # preview images drawn per address per minute, across all workers


def request_lang() -> str:
    """The language of the page being asked for: ``?lang=`` of a page's address, or of the address
    the pages' router callback is given (a link followed inside the app)."""
    if not has_request_context():
        return DEFAULT_LANG
    if request.method == "GET":
        return normalize_lang(request.args.get("lang"))
    body = request.get_json(silent=True) or {}
    for item in body.get("inputs", []) if isinstance(body, dict) else []:
        if isinstance(item, dict) and item.get("id") == "_pages_location" and item.get("property") == "search":
            search = item.get("value") if isinstance(item.get("value"), str) else ""
            return normalize_lang((parse_qs(search.lstrip("?")).get("lang") or [None])[0])
    return DEFAULT_LANG


def title_of(page: str):
    """A page's title for Dash's page registry: in the language the page is asked for."""
    return lambda **_: f"{t(f'nav.{page}', request_lang())} – {t('app.title', request_lang())}"


def description(page: str, lang: str, args: dict[str, str]) -> str:
    if page == "explorer":
        try:
            f = state.from_query(args, year_span())
            kpi = get_kpi(f.kpi).label(lang)
            return t("og.explorer", lang, kpi=kpi, year=f.year_to, selection=state.describe(f, lang))
        except DatabaseError:
            pass
    return t(f"og.{page}", lang)


def tags(path: str, args: dict[str, str]) -> tuple[str, str]:
    """The <title> and the preview's <meta> tags for a page's address."""
    page = PAGES.get("/" + path.strip("/"), "explorer")
    lang = normalize_lang(args.get("lang"))
    title = f"{t(f'nav.{page}', lang)} – {t('app.title', lang)}"
    text = description(page, lang, args)
    view = {k: v for k, v in args.items() if k in PREVIEW_KEYS} if page == "explorer" else {"lang": lang}
    image = f"{request.host_url.rstrip('/')}/og/{page}.png" + ("?" + urlencode(view) if view else "")
    metas = {"description": text}
    props = {"og:type": "website", "og:site_name": t("app.title", lang), "og:title": title, "og:description": text,
             "og:url": request.url, "og:image": image, "og:image:width": str(IMAGE[0]),
             "og:image:height": str(IMAGE[1]), "og:locale": language(lang).locale.replace("-", "_"),
             "twitter:card": "summary_large_image", "twitter:title": title, "twitter:description": text,
             "twitter:image": image}
    lines = [f'<meta name="{k}" content="{escape(v)}">' for k, v in metas.items()]
    lines += [f'<meta property="{k}" content="{escape(v)}">' for k, v in props.items()]
    return escape(title), "\n".join(lines)


def image(page: str, args: dict[str, str], limited: bool = False) -> bytes:
    """The preview image of a page's view: the explorer map of the address's KPI and year (any
    other page: of the last year), the public's figures, titled as on the page. ``limited``: an
    image not drawn before counts against the asking address's ``PREVIEW_LIMIT`` (``Busy`` past it)."""
    from dashboard.pages import explorer

    lang = normalize_lang(args.get("lang"))
    chosen = {k: v for k, v in args.items() if k in PREVIEW_KEYS} if page == "explorer" else {}
    f = state.from_query(chosen, year_span())
    fig = explorer.map_view(f, lang, None)
    fig = {**fig, "layout": {**fig["layout"], "template": {}}}
    if limited and not drawing.cached(fig, *IMAGE) and not ratelimit.allow("preview", ratelimit.client_address(),
                                                                            *PREVIEW_LIMIT):
        raise drawing.Busy
    return drawing.png(fig, *IMAGE)


def register(app) -> None:
    """The title and the preview tags in every page's HTML; the preview images at ``/og/``."""
    server: Flask = app.server
    original = app.interpolate_index

    def interpolate_index(**parts: str) -> str:
        if has_request_context() and request.method == "GET":
            args = {k: v for k, v in request.args.items() if isinstance(v, str)}
            parts["title"], extra = tags(request.path, args)
            parts["metas"] = extra + "\n" + parts.get("metas", "")
        return original(**parts)

    app.interpolate_index = interpolate_index

    @server.route("/og/<page>.png")
    def preview(page: str) -> Response:
        if page not in PAGES.values():
            abort(404)
        try:
            with drawing.one_report():
                png = image(page, {k: v for k, v in request.args.items() if isinstance(v, str)}, limited=True)
        except drawing.Busy:
            return Response(status=503, headers={"Retry-After": str(drawing.RETRY_AFTER)})
        return Response(png, mimetype="image/png", headers={"Cache-Control": "public, max-age=86400"})
