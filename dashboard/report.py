"""Downloads served as plain routes: the import template (CSV and xlsx) and the benchmark report.

The downloadable benchmark report: one self-contained HTML file, in nb or en, with the charts
as PNG images drawn offline by kaleido with the system's Chromium (never its Chrome download).

The page asks for it through a callback (``callbacks/benchmark.report``: a POST, so typed figures
stay out of addresses and logs, and the buttons show progress while it is drawn); the same report
is served to a plain form post at ``POST /benchmark/report``. Both go through ``answer`` (its
guards). It computes exactly what the page shows, with the same disclosure control, headed by the
same summary (or, for a group too small to show, the same one banner).
"""

from __future__ import annotations

import base64
import html
import json
import logging
from dataclasses import dataclass, field
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
    small = bench.hidden_group(rows)
    esc = html.escape

    def hidden(reason: str) -> str:  # as on the page: a dash, the reason said once under the table
        title = esc(tn(f"benchmark.suppressed.{reason}", disclosure.MIN_GROUP, lang), quote=True)
        return f"<span class='hidden' title='{title}'>–</span>"

    def cell(r: bench.PeerRow, key: str) -> str:
        d = KPIS_BY_ID[r.kpi].decimals
        if key in ("quartiles", "top_decile", "pct") and r.hidden:
            return f"<td>{hidden(r.hidden)}</td>"
        if key == "group" and r.group_hidden:
            return f"<td>{hidden(r.group_hidden)}</td>"
        if key == "value" and r.value is None:
            return f"<td>{esc(t('benchmark.missing', lang))}</td>"
        if key == "gap":  # as on the page: the verdict, or the signed change with its unit
            text, unit = bench.gap_parts(r, lang)
            return f"<td>{esc(text)}" + (f"<br><small>{esc(unit)}</small>" if unit else "") + "</td>"
        if key == "quartiles":
            return f"<td>{esc(' · '.join(fmt_number(q, lang, d) for q in r.quartiles))}</td>"
        if key == "pct":
            shown = t(f"benchmark.band.{r.band}", lang) if r.band else fmt_number(r.pct, lang, 0)
            if r.quarter is None:
                return f"<td>{esc(shown)}</td>"
            background, ink = figures.QUARTER_COLOURS[r.quarter]
            return f"<td style='background:{background};color:{ink}'>{esc(shown)}</td>"
        return f"<td>{esc(fmt_number(getattr(r, key), lang, d))}</td>"

    # as on the page: a group too small to show has the banner and a table of the company's own
    # figures (and the winners' level, where there is one), without a column of hidden cells
    if small:
        columns = ("value", "winners") if any(r.winners is not None for r in rows) else ("value",)
        table_title = t("benchmark.table.own", lang, year=year)
        table_help = t("benchmark.table.own.help", lang) + (
            " " + t("benchmark.table.own.winners", lang, year=year) if "winners" in columns else "")
    else:
        columns = ("value", "pct", "quartiles", "top_decile", "group", "winners", "gap")
        table_title, table_help = t("benchmark.table", lang, year=year), t("benchmark.table.help", lang, year=year)
    body_rows = "".join(
        f"<tr><th>{esc(KPIS_BY_ID[r.kpi].label(lang))}<br><small>{esc(KPIS_BY_ID[r.kpi].unit(lang))}</small></th>"
        + "".join(cell(r, k) for k in columns) + "</tr>" for r in rows)
    heads = "".join(f"<th>{esc(t(f'benchmark.col.{c}', lang))}</th>"
                    for c in ("subject" if c == "value" else c for c in columns))
    subject_line = esc(f"{subject.name} · {dimensions.sector_name(subject.sector, lang)} · "
                       f"{dimensions.county_name(subject.county, lang)}")
    what = bench.describe_group(subject, options, lang)
    group_line = esc(bench.group_line(count, subject, options, lang))
    if small:
        head = f"<p class='banner'>{esc(tn('benchmark.small', disclosure.MIN_GROUP, lang, what=what))}</p>"
    else:
        summary = bench.summarize(rows, bench.previous_rows(subject, options, year, viewer), year)
        head = (f"<h2>{esc(t('benchmark.summary', lang))}</h2><ul class='summary'>"
                + "".join(f"<li>{esc(line)}</li>" for line in bench.summary_lines(summary, lang)) + "</ul>")
    reasons = list(dict.fromkeys(x for r in rows for x in (r.hidden, r.group_hidden) if x))
    hidden_note = "" if small or not reasons else "<p class='note'><span class='hidden'>–</span> " + esc(
        "; ".join(tn(f"benchmark.suppressed.{x}", disclosure.MIN_GROUP, lang) for x in reasons) + ".") + "</p>"
    not_drawn = f"<p class='note'>{esc(t('benchmark.report.no_chart', lang))}</p>"
    shown = [] if small else [figures.strips_figure(rows, lang), figures.benchmark_radar_figure(rows, lang)]
    charts = "".join(_image(f) or not_drawn for f in (
        *shown, figures.benchmark_trend_figure(own, medians, KPIS_BY_ID[trend_kpi], lang, subject.name)))
    title = esc(t("benchmark.report.title", lang))
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title} – {subject_line}</title>
<style>
body {{ font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; color: #1b2733;
       max-width: 1040px; margin: 2rem auto; padding: 0 1rem; }}
table {{ border-collapse: collapse; width: 100%; font-size: 14px; }}
th, td {{ border-bottom: 1px solid #d5dbe1; padding: 4px 6px; text-align: right; vertical-align: top; }}
th:first-child {{ text-align: left; }} small, .note, .hidden {{ color: #52606d; }}
.hidden {{ font-style: italic; }}
img {{ max-width: 100%; margin: 1rem 0; }}
table.own {{ width: auto; min-width: 50%; }}
.demo {{ background: #fff3cd; padding: .5rem 1rem; }}
.banner {{ background: #fff3cd; border: 1px solid #e0c46c; padding: .5rem 1rem; }}
ul.summary {{ font-size: 16px; }}
@page {{ size: A4; margin: 15mm; }}
</style></head><body>
<h1>{title}</h1>
<p class="demo">{esc(t("demo.notice", lang))}</p>
<p><strong>{subject_line}</strong><br>{group_line}<br>
<small>{esc(t("benchmark.report.generated", lang, date=fmt_date(date.today(), lang)))}</small></p>
{head}
<h2>{esc(table_title)}</h2>
<p class="note">{esc(table_help)}</p>
<table{" class='own'" if small else ""}><thead><tr><th>{esc(t("data.kpi", lang))}</th>{heads}</tr></thead><tbody>{body_rows}</tbody></table>
{hidden_note}
{charts}
<p class="note">{esc(tn("benchmark.lead", disclosure.MIN_GROUP, lang))}</p>
</body></html>"""


@dataclass(frozen=True)
class Answer:
    """A report, or why there is none: an HTTP status, the HTML or a short text, and headers."""

    status: int
    text: str
    headers: dict[str, str] = field(default_factory=dict)
    filename: str = ""


def answer(raw_state: str, lang: str) -> Answer:
    """The report for the page's inputs (the JSON it keeps in its report field), with the guards:
    a limit per address, one report drawn at a time per worker, a damaged database."""
    lang = normalize_lang(lang)
    plain = {"Content-Type": "text/plain; charset=utf-8"}
    if not auth.from_own_site():  # the form route and the page's callback alike
        return Answer(403, t("benchmark.report.cross_site", lang), plain)
    if not ratelimit.allow("report", ratelimit.client_address(), *REPORT_LIMIT):
        return Answer(429, t("benchmark.report.too_many", lang), {**plain, "Retry-After": str(int(REPORT_LIMIT[1]))})
    try:
        state = json.loads(raw_state or "{}")
    except ValueError:
        state = {}
    if not isinstance(state, dict):
        state = {}
    try:
        with drawing.one_report():
            report = render(state, lang)
    except drawing.Busy:
        return Answer(503, t("benchmark.report.busy", lang), {**plain, "Retry-After": str(drawing.RETRY_AFTER)})
    except bench.TooMany:
        return Answer(429, tn("benchmark.too_many", int(bench.TYPED_WINDOW // 60), lang),
                      {**plain, "Retry-After": str(int(bench.TYPED_WINDOW))})
    except DatabaseError:  # logged once per file by the Database
        return Answer(503, t("error.db.title", lang), {**plain, "X-Data-Unavailable": "database"})
    if report is None:
        return Answer(400, t("benchmark.pick", lang), plain)
    year = bench.parse_year(state.get("year"))
    filename = f"benchmark-{year}-{lang}.html"
    return Answer(200, report, {"Content-Type": "text/html; charset=utf-8",
                                "Content-Disposition": f'attachment; filename="{filename}"'}, filename)


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
        """The report as a plain form post (the page asks for it through a callback instead)."""
        a = answer(request.form.get("state") or "", request.form.get("lang"))
        return Response(a.text, status=a.status, headers=a.headers)
