"""Downloads served as plain routes: the import template (CSV and xlsx) and the benchmark report;
and the reports from the command line::

    python -m dashboard.report --company ORG --year Y [--lang nb|en] --pdf OUT.pdf [--html OUT.html]
    python -m dashboard.report --all --year Y [--lang nb|en] --out DIR


The downloadable benchmark report: one self-contained HTML file, in nb or en, with the charts
as PNG images drawn offline by kaleido with the system's Chromium (never its Chrome download).

The page asks for it through a callback (``callbacks/benchmark.report``: a POST, so typed figures
stay out of addresses and logs, and the buttons show progress while it is drawn); the same report
is served to a plain form post at ``POST /benchmark/report``. Both go through ``answer`` (its
guards). It computes exactly what the page shows, with the same disclosure control, headed by the
same summary (or, for a group too small to show, the same one banner). As PDF, the same HTML is
printed by the system Chromium (``drawing.pdf``), under the same guards.

From the command line (DASHBOARD_DB), each report is the one the company itself sees when signed
in (``company_report``); ``--all`` writes ``<org_nr>-<name>.pdf`` for each company nominated that
year, says how long each took, goes on past one it cannot write, and exits 1 if any failed.
"""

from __future__ import annotations

import argparse
import base64
import html
import json
import logging
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from flask import Flask, Response, request

from dashboard import auth, dimensions, disclosure, drawing, figures, ratelimit
from dashboard import benchmark as bench
from dashboard.config import Config
from dashboard.db import Database, DatabaseError, run_query, year_span
from dashboard.i18n import LANGS, fmt_date, fmt_number, normalize_lang, t, tn
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


def render(state: dict, lang: str, viewer: disclosure.Viewer | None = None) -> str | None:
    """The report for the page's inputs, as one HTML page; None when they name no subject. For
    ``viewer``: the current visitor (``auth.viewer()``) when not given, as on the page."""
    year, options = bench.parse_year(state.get("year")), bench.parse_options(state.get("options"))
    trend_kpi = bench.parse_kpi(state.get("trend_kpi"))
    mode = state.get("mode") if state.get("mode") in ("company", "typed") else "company"
    viewer = viewer or auth.viewer()
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
    org = f" · {t('col.org_nr', lang)} {subject.org_nr}" if subject.org_nr else ""  # typed figures have none
    subject_line = esc(f"{subject.name}{org} · {dimensions.sector_name(subject.sector, lang)} · "
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
<html lang="{lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>{title} – {subject_line}</title>
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
@media print {{ body {{ margin: 0 auto; print-color-adjust: exact; }} tr, img {{ break-inside: avoid; }} }}
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
    """A report, or why there is none: an HTTP status, the HTML, the PDF or a short text, and headers."""

    status: int
    text: str | bytes
    headers: dict[str, str] = field(default_factory=dict)
    filename: str = ""


def answer(raw_state: str, lang: str, fmt: str = "html") -> Answer:
    """The report for the page's inputs (the JSON it keeps in its report field), as HTML or (``fmt``
    "pdf") PDF, with the guards: a limit per address, one report drawn or printed at a time per
    worker, a damaged database."""
    lang, fmt = normalize_lang(lang), "pdf" if fmt == "pdf" else "html"
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
            if report is not None and fmt == "pdf":
                report = drawing.pdf(report)
    except drawing.Busy:
        return Answer(503, t("benchmark.report.busy", lang), {**plain, "Retry-After": str(drawing.RETRY_AFTER)})
    except bench.TooMany:
        return Answer(429, tn("benchmark.too_many", int(bench.TYPED_WINDOW // 60), lang),
                      {**plain, "Retry-After": str(int(bench.TYPED_WINDOW))})
    except DatabaseError:  # logged once per file by the Database
        return Answer(503, t("error.db.title", lang), {**plain, "X-Data-Unavailable": "database"})
    except drawing.PrintError as exc:
        log.error("report not printed to PDF: %s", exc)
        return Answer(503, t("benchmark.report.no_pdf", lang), plain)
    if report is None:
        return Answer(400, t("benchmark.pick", lang), plain)
    year = bench.parse_year(state.get("year"))
    filename = f"benchmark-{year}-{lang}.{fmt}"
    kind = "application/pdf" if fmt == "pdf" else "text/html; charset=utf-8"
    return Answer(200, report, {"Content-Type": kind, "Content-Disposition": f'attachment; filename="{filename}"'},
                  filename)


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
        a = answer(request.form.get("state") or "", request.form.get("lang"), request.form.get("format") or "html")
        return Response(a.text, status=a.status, headers=a.headers)


def company_report(org: str, year: int, lang: str) -> str | None:
    """The report a company user gets of its own company (None if it has no figures that year):
    the company's own viewer, so its peers only through the disclosure rules, never the jury's;
    the page's default peer group and key figure."""
    from dashboard.pages.benchmark import DEFAULT_PEERS

    viewer = disclosure.Viewer(full=False, as_of=date.today(), org=org)
    return render({"mode": "company", "query": org, "year": year, "options": DEFAULT_PEERS}, lang, viewer)


def nominees(year: int) -> list[tuple[str, str]]:
    """(organisation number, name) of each company nominated in ``year`` for any prize."""
    return [(r.org_nr, r.name) for r in run_query("report_nominees", year=year).itertuples()]


def slug(name: str) -> str:
    """A company name for a file name: "Fjord Metall Ålesund AS" -> "fjord-metall-alesund-as"."""
    name = name.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-") or "company"


def _write(org: str, year: int, lang: str, pdf: Path | None, page: Path | None) -> None:
    """One company's report written to ``pdf`` and/or ``page`` (HTML); ValueError if it has none."""
    report = company_report(org, year, lang)
    if report is None:
        raise ValueError(f"no figures for {year}")
    if page:
        page.write_text(report, encoding="utf-8")
    if pdf:
        pdf.write_bytes(drawing.pdf(report))


def main(argv: list[str] | None = None) -> int:
    """python -m dashboard.report: one company's report, or one PDF per nominee of a year."""
    parser = argparse.ArgumentParser(prog="python -m dashboard.report", description=(
        "Benchmark reports as a company sees its own (disclosure rules as on the page), from DASHBOARD_DB."))
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--company", metavar="ORG", help="the company's organisation number")
    who.add_argument("--all", action="store_true", help="every company nominated in the year, one PDF each")
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--lang", choices=LANGS, default="nb")
    parser.add_argument("--pdf", type=Path, metavar="OUT.pdf", help="with --company: write the PDF here")
    parser.add_argument("--html", type=Path, metavar="OUT.html", help="with --company: write the HTML here")
    parser.add_argument("--out", type=Path, metavar="DIR", help="with --all: the folder for the PDFs")
    args = parser.parse_args(argv)
    if args.company and not (args.pdf or args.html):
        parser.error("--company needs --pdf OUT.pdf or --html OUT.html")
    if args.all and not args.out:
        parser.error("--all needs --out DIR")
    app = Flask(__name__)  # the report's queries run in an app context; nothing is served
    app.extensions["dashboard.db"] = Database(Config.from_env().db_path)
    with app.app_context(), drawing.one_browser():
        try:
            span = year_span()
            if not span.first <= args.year <= span.last:
                print(f"no figures for {args.year}: the data runs {span.first}–{span.last}", file=sys.stderr)
                return 1
            if args.company:
                _write(args.company, args.year, args.lang, args.pdf, args.html)
                print(f"wrote {', '.join(str(p) for p in (args.pdf, args.html) if p)}")
                return 0
            companies = nominees(args.year)
        except (DatabaseError, ValueError, drawing.PrintError, OSError) as exc:
            print(f"{args.company or args.year}: {exc}", file=sys.stderr)
            return 1
        if not companies:
            print(f"no nominees in {args.year}", file=sys.stderr)
            return 1
        args.out.mkdir(parents=True, exist_ok=True)
        failed = []
        for i, (org, name) in enumerate(companies, 1):
            started = time.monotonic()
            try:
                _write(org, args.year, args.lang, args.out / f"{org}-{slug(name)}.pdf", None)
            except Exception as exc:  # noqa: BLE001 (one company's failure, whatever it is, must not stop the rest)
                failed.append(org)
                print(f"[{i}/{len(companies)}] {org} {name}: NOT WRITTEN: {type(exc).__name__}: {exc}", flush=True)
                continue
            print(f"[{i}/{len(companies)}] {org} {name}: {time.monotonic() - started:.1f} s", flush=True)
        if failed:
            print(f"{len(failed)} of {len(companies)} reports not written: {', '.join(failed)}", file=sys.stderr)
            return 1
        print(f"wrote {len(companies)} reports to {args.out}")
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
