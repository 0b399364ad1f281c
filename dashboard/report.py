"""Downloads served as plain routes: the import template (CSV and xlsx) and the benchmark report.

The downloadable benchmark report: one self-contained HTML file, in nb or en, with the charts
as PNG images drawn offline by kaleido with the system's Chromium (never its Chrome download).

Served at ``POST /benchmark/report`` (a plain form post, so typed figures stay out of addresses
and logs). It computes exactly what the page shows, with the same disclosure control.
"""

from __future__ import annotations

import base64
import html
import json
import logging
from datetime import date

from flask import Flask, Response, request

from dashboard import auth, dimensions, disclosure, drawing, figures, ratelimit
from dashboard import benchmark as bench
from dashboard.db import DatabaseError
from dashboard.i18n import fmt_date, fmt_number, normalize_lang, t, tn
from dashboard.kpis import KPIS_BY_ID


log = logging.getLogger(__name__)
REPORT_LIMIT = (6, 60.0)  # reports per address per minute, counted across all workers


def _image(fig: dict) -> str | None:
    """A chart as an <img> with an embedded PNG, or None if it cannot be drawn here."""
    fig = {**fig, "layout": {**fig["layout"], "template": {}}}  # the page's own styling, not plotly's theme
    try:
        png = drawing.png(fig, width=1000, height=fig["layout"].get("height") or 560)
    except drawing.Busy:
        raise
    except Exception as exc:  # kaleido or Chromium missing: the report still has every number
        log.warning("report chart not drawn: %s", exc)
        return None
    return f"<img alt='' src='data:image/png;base64,{base64.b64encode(png).decode()}'>"


def render(state: dict, lang: str) -> str | None:
    year, options = bench.parse_year(state.get("year")), bench.parse_options(state.get("options"))
    trend_kpi = bench.parse_kpi(state.get("trend_kpi"))
    mode = state.get("mode") if state.get("mode") in ("company", "typed") else "company"
    viewer = auth.viewer()
    subject = bench.resolve(mode, state.get("query"), state.get("measures"), state.get("sector"),
                            state.get("county"), year, lang, viewer)
    if subject is None:
        return None
    count, rows = bench.rows(subject, options, year, viewer)
    own, medians = bench.trend(subject, options, trend_kpi, viewer)
    esc = html.escape

    def cell(r: bench.PeerRow, key: str) -> str:
        if key in ("p50", "top_decile", "pct") and r.hidden:
            return esc(tn(f"benchmark.suppressed.{r.hidden}", disclosure.MIN_GROUP, lang))
        if key == "group" and r.group_hidden:
            return esc(tn(f"benchmark.suppressed.{r.group_hidden}", disclosure.MIN_GROUP, lang))
        if key == "gap":  # as on the page: the verdict and the gap from the unrounded figures
            return esc(bench.gap_text(r, lang))
        if key == "pct" and r.band:  # typed figures: a band, never a percentile
            return esc(t(f"benchmark.band.{r.band}", lang))
        d = 0 if key == "pct" else KPIS_BY_ID[r.kpi].decimals
        return esc(fmt_number(getattr(r, key), lang, d))

    body_rows = "".join(
        f"<tr><th>{esc(KPIS_BY_ID[r.kpi].label(lang))}<br><small>{esc(KPIS_BY_ID[r.kpi].unit(lang))}</small></th>"
        + "".join(f"<td>{cell(r, k)}</td>" for k in ("value", "pct", "p50", "top_decile", "group", "winners", "gap"))
        + "</tr>" for r in rows)
    heads = "".join(f"<th>{esc(t(f'benchmark.col.{c}', lang))}</th>"
                    for c in ("subject", "pct", "quartiles", "top_decile", "group", "winners", "gap"))
    heads = heads.replace(esc(t("benchmark.col.quartiles", lang)), esc(t("benchmark.trend.median", lang)))
    subject_line = esc(f"{subject.name} · {dimensions.sector_name(subject.sector, lang)} · "
                       f"{dimensions.county_name(subject.county, lang)}")
    group_line = esc(tn("benchmark.group", count, lang, what=bench.describe_group(subject, options, lang)))
    not_drawn = f"<p class='note'>{esc(t('benchmark.report.no_chart', lang))}</p>"
    charts = "".join(_image(f) or not_drawn for f in (
        figures.strips_figure(rows, lang), figures.benchmark_radar_figure(rows, lang),
        figures.benchmark_trend_figure(own, medians, KPIS_BY_ID[trend_kpi], lang, subject.name)))
    title = esc(t("benchmark.report.title", lang))
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title} – {subject_line}</title>
<style>
body {{ font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; color: #1b2733;
       max-width: 1040px; margin: 2rem auto; padding: 0 1rem; }}
table {{ border-collapse: collapse; width: 100%; font-size: 14px; }}
th, td {{ border-bottom: 1px solid #d5dbe1; padding: 4px 6px; text-align: right; vertical-align: top; }}
th:first-child {{ text-align: left; }} small, .note {{ color: #52606d; }}
img {{ max-width: 100%; margin: 1rem 0; }}
.demo {{ background: #fff3cd; padding: .5rem 1rem; }}
@page {{ size: A4; margin: 15mm; }}
</style></head><body>
<h1>{title}</h1>
<p class="demo">{esc(t("demo.notice", lang))}</p>
<p><strong>{subject_line}</strong><br>{group_line}<br>
<small>{esc(t("benchmark.report.generated", lang, date=fmt_date(date.today(), lang)))}</small></p>
<h2>{esc(t("benchmark.table", lang, year=year))}</h2>
<p class="note">{esc(t("benchmark.table.help", lang, year=year))}</p>
<table><thead><tr><th>{esc(t("data.kpi", lang))}</th>{heads}</tr></thead><tbody>{body_rows}</tbody></table>
{charts}
<p class="note">{esc(tn("benchmark.lead", disclosure.MIN_GROUP, lang))}</p>
</body></html>"""


def register(server: Flask) -> None:
    from dashboard import ingest

    @server.get("/data/template.csv")
    def template_csv() -> Response:
        return Response(ingest.template_csv(), mimetype="text/csv",
                        headers={"Content-Disposition": 'attachment; filename="template.csv"'})

    @server.get("/data/template.xlsx")
    def template_xlsx() -> Response:
        return Response(ingest.template_xlsx(),
                        mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        headers={"Content-Disposition": 'attachment; filename="template.xlsx"'})

    @server.post("/benchmark/report")
    @auth.same_origin
    def benchmark_report() -> Response:
        lang = normalize_lang(request.form.get("lang"))
        if not ratelimit.allow("report", ratelimit.client_address(), *REPORT_LIMIT):
            return Response(t("benchmark.report.too_many", lang), status=429, mimetype="text/plain; charset=utf-8",
                            headers={"Retry-After": str(int(REPORT_LIMIT[1]))})
        try:
            state = json.loads(request.form.get("state") or "{}")
        except ValueError:
            state = {}
        if not isinstance(state, dict):
            state = {}
        try:
            with drawing.one_report():
                report = render(state, lang)
        except drawing.Busy:
            return Response(t("benchmark.report.busy", lang), status=503, mimetype="text/plain; charset=utf-8",
                            headers={"Retry-After": str(drawing.RETRY_AFTER)})
        except bench.TooMany:
            return Response(tn("benchmark.too_many", int(bench.TYPED_WINDOW // 60), lang), status=429,
                            mimetype="text/plain; charset=utf-8", headers={"Retry-After": "60"})
        except DatabaseError:  # logged once per file by the Database
            return Response(t("error.db.title", lang), status=503, mimetype="text/plain; charset=utf-8",
                            headers={"X-Data-Unavailable": "database"})
        if report is None:
            return Response(t("benchmark.pick", lang), status=400, mimetype="text/plain; charset=utf-8")
        year = bench.parse_year(state.get("year"))
        return Response(report, mimetype="text/html; charset=utf-8", headers={
            "Content-Disposition": f'attachment; filename="benchmark-{year}-{lang}.html"'})
