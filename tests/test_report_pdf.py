"""The benchmark report as PDF: printed by the system Chromium (``drawing.pdf``), downloaded from the
page, and written from the command line for one company or every nominee of a year.

Charts are drawn by a stand-in (a 1×1 PNG) rather than kaleido: the charts are the HTML report's,
tested elsewhere; here only the PDF around them is. The tests marked slow run Chromium."""

from __future__ import annotations

import base64
import contextlib
import json
import re
import shutil
from datetime import date
from io import BytesIO
from pathlib import Path

import duckdb
import pypdf
import pytest

from dashboard import disclosure, drawing, report
from dashboard.pages import benchmark as page

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
YEAR = 2025
needs_chromium = pytest.mark.skipif(not shutil.which("chromium"), reason="sudo apt-get install -y chromium")


@pytest.fixture
def drawn(monkeypatch) -> None:
    """Charts drawn by a stand-in, with an empty cache before and after."""
    monkeypatch.setattr(drawing, "_draw", lambda fig, width, height: PNG)
    drawing.cache_clear()
    yield
    drawing.cache_clear()


@pytest.fixture(scope="module")
def companies(demo_db_path) -> dict[str, str]:
    """Every company in the demo database: organisation number -> name."""
    with duckdb.connect(str(demo_db_path), read_only=True) as con:
        return dict(con.execute("select org_nr, name from companies").fetchall())


@pytest.fixture(scope="module")
def nominee(demo_db_path) -> str:
    """The first company nominated in YEAR, by organisation number."""
    with duckdb.connect(str(demo_db_path), read_only=True) as con:
        return con.execute("select min(org_nr) from nominations where year = $y", {"y": YEAR}).fetchall()[0][0]


@pytest.fixture
def cli(monkeypatch, demo_db_path):
    """``python -m dashboard.report`` in process, on the demo database (DASHBOARD_DB), without
    kaleido's Chromium kept running for the charts (the stand-in draws them)."""
    monkeypatch.setenv("DASHBOARD_DB", str(demo_db_path))
    monkeypatch.setattr(drawing, "one_browser", contextlib.nullcontext)
    return report.main


def pdf_text(data: bytes) -> str:
    """A PDF's text, every run of white space (line breaks too) as one space."""
    return " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(BytesIO(data)).pages).split())


def others_named(text: str, own: str, companies: dict[str, str]) -> list[str]:
    """Names and organisation numbers of companies other than ``own`` that appear in ``text``."""
    return [x for org, name in companies.items() if org != own for x in (org, name) if x in text]


@pytest.mark.slow
@needs_chromium
def test_pdf_names_its_company_and_group_and_no_other(cli, app, drawn, nominee, companies, tmp_path) -> None:
    out, page_out = tmp_path / "report.pdf", tmp_path / "report.html"
    assert cli(["--company", nominee, "--year", str(YEAR), "--lang", "en", "--pdf", str(out),
                "--html", str(page_out)]) == 0
    data = out.read_bytes()
    reader = pypdf.PdfReader(BytesIO(data))
    assert [round(float(x)) for x in reader.pages[0].mediabox[2:]] == [595, 842]  # A4 in points
    text = pdf_text(data)
    # the company and its organisation number; the peer group and its size as the page says them,
    # to the company itself (its own viewer)
    with app.server.app_context():
        viewer = disclosure.Viewer(False, date.today(), nominee)
        subject = report.bench.allowed_subject(nominee, YEAR, viewer)
        group = page.view(subject, page.DEFAULT_PEERS, YEAR, "en", viewer)[page.GROUP]
    assert f"{companies[nominee]} · Org. no. {nominee} ·" in text
    assert re.fullmatch(r"Peer group: \d+ companies \(.+\)\.", group) and group in text
    # the three charts (the stand-in's one image, which Chromium embeds once)
    assert page_out.read_text().count("<img") == 3 and sum(len(p.images) for p in reader.pages) == 1
    # no other company, by name or number, in the PDF or the HTML
    assert others_named(text, nominee, companies) == []
    assert others_named(page_out.read_text(), nominee, companies) == []


def test_the_command_line_report_is_the_companys_own_view(cli, drawn, nominee, monkeypatch, tmp_path) -> None:
    """The report a company gets is drawn with its own viewer (its peers only through the
    disclosure rules), never the jury's, which sees every company."""
    seen = []
    render = report.render
    monkeypatch.setattr(report, "render", lambda state, lang, viewer=None: seen.append(viewer) or render(state, lang, viewer))
    assert cli(["--company", nominee, "--year", str(YEAR), "--html", str(tmp_path / "r.html")]) == 0
    assert seen == [disclosure.Viewer(full=False, as_of=date.today(), org=nominee)]
    assert '<html lang="nb">' in (tmp_path / "r.html").read_text()  # Norwegian unless told


def test_all_writes_one_pdf_per_nominee_and_goes_on_past_a_failure(cli, drawn, nominee, monkeypatch, tmp_path,
                                                                   capsys) -> None:
    ghost = "999999999"  # nominated, but no figures that year: it cannot be drawn
    monkeypatch.setattr(report, "nominees", lambda year: [(ghost, "Spøkelse Ørsta AS"), (nominee, "Fjord Metall Ålesund AS")])
    monkeypatch.setattr(drawing, "_print", lambda html: b"%PDF-1.7 " + html.encode())
    assert cli(["--all", "--year", str(YEAR), "--lang", "en", "--out", str(tmp_path / "out")]) == 1
    assert [p.name for p in (tmp_path / "out").iterdir()] == [f"{nominee}-fjord-metall-alesund-as.pdf"]
    lines = capsys.readouterr()
    assert lines.out.splitlines()[0] == f"[1/2] {ghost} Spøkelse Ørsta AS: NOT WRITTEN: ValueError: no figures for {YEAR}"
    assert re.fullmatch(rf"\[2/2\] {nominee} Fjord Metall Ålesund AS: \d+\.\d s", lines.out.splitlines()[1])
    assert lines.err == f"1 of 2 reports not written: {ghost}\n"


def test_nominees_are_each_company_nominated_that_year(app, demo_db_path) -> None:
    with duckdb.connect(str(demo_db_path), read_only=True) as con:
        expected = con.execute("select distinct org_nr from nominations where year = $y order by 1", {"y": YEAR}).fetchall()
    with app.server.app_context():
        got = report.nominees(YEAR)
    assert [org for org, _ in got] == [org for (org,) in expected] and len(got) >= 25


def test_file_names_are_plain() -> None:
    assert report.slug("Bjørkenes Automasjon AS") == "bjorkenes-automasjon-as"
    assert report.slug("Ærø & Åsen Stål/Verk A.S.") == "aero-asen-stal-verk-a-s"
    assert report.slug("../..") == "company"


def post(app, org: str, address: str, fmt: str = "pdf"):
    state = {"mode": "company", "query": org, "year": YEAR, "options": ["sector"], "trend_kpi": "productivity"}
    return app.server.test_client().post(
        "/benchmark/report", data={"lang": "en", "state": json.dumps(state), "format": fmt},
        headers={"Origin": "http://localhost"}, environ_base={"REMOTE_ADDR": address})


@pytest.mark.slow
@needs_chromium
def test_the_route_answers_a_pdf(app, drawn, nominee, companies) -> None:
    answer = post(app, nominee, "192.0.2.20")
    assert answer.status_code == 200 and answer.headers["Content-Type"] == "application/pdf"
    assert answer.headers["Content-Disposition"] == f'attachment; filename="benchmark-{YEAR}-en.pdf"'
    assert f"{companies[nominee]} · Org. no. {nominee}" in pdf_text(answer.data)


def test_the_page_downloads_a_pdf(app, drawn, nominee, monkeypatch) -> None:
    monkeypatch.setattr(drawing, "_print", lambda html: b"%PDF-1.7 " + html.encode())
    state = json.dumps({"mode": "company", "query": nominee, "year": YEAR, "options": ["sector"]})
    with app.server.test_request_context(headers={"Origin": "http://localhost"},
                                         environ_base={"REMOTE_ADDR": "192.0.2.21"}):
        data, why = page.report_download(state, "nb", "pdf")
    assert why == "" and (data["type"], data["base64"], data["filename"]) == ("application/pdf", True, f"benchmark-{YEAR}-nb.pdf")
    printed = base64.b64decode(data["content"])
    assert printed.startswith(b"%PDF-1.7 <!DOCTYPE html>") and f"Org.nr. {nominee}".encode() in printed
    with app.server.test_request_context(headers={"Origin": "http://evil.example"}):
        assert page.report_download(state, "nb", "pdf") == (None, "Rapporten kan bare bestilles fra denne siden.")


def test_a_pdf_takes_the_drawing_turn(app, drawn, nominee, monkeypatch) -> None:
    """Printing is Chromium too: while another report is drawing in this process, a PDF is refused
    (503), even of a report whose charts are cached; the HTML of that report is not."""
    monkeypatch.setattr(drawing, "_print", lambda html: b"%PDF-1.7")
    assert post(app, nominee, "192.0.2.22", "html").status_code == 200  # its charts cached from now on
    with drawing.one_report():
        drawing.png({"data": [], "layout": {"title": {"text": "elsewhere"}}}, 100, 100)
        assert post(app, nominee, "192.0.2.22", "html").status_code == 200
        busy = post(app, nominee, "192.0.2.22", "pdf")
        assert busy.status_code == 503 and busy.headers["Retry-After"] == str(drawing.RETRY_AFTER)
    assert post(app, nominee, "192.0.2.22", "pdf").data == b"%PDF-1.7"


def test_a_chromium_that_hangs_is_killed(app, drawn, nominee, monkeypatch, tmp_path) -> None:
    """A Chromium that prints nothing in PDF_TIMEOUT is killed, with the helper it started, and the
    page is told the PDF could not be made (503)."""
    fake, helper = tmp_path / "chromium", tmp_path / "helper.pid"
    fake.write_text(f"#!/bin/sh\n/bin/sleep 30 &\necho $! > {helper}\nwait\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(drawing, "PDF_TIMEOUT", 0.3)
    with pytest.raises(drawing.PrintError, match="took more than 0.3 s"):
        drawing.pdf("<p>x</p>")
    status = Path(f"/proc/{helper.read_text().strip()}/status")
    assert not status.exists() or "State:\tZ" in status.read_text()  # gone, or dead and not yet reaped
    answer = post(app, nominee, "192.0.2.23")
    assert answer.status_code == 503
    assert answer.get_data(as_text=True) == ("The PDF could not be made just now. Download the HTML report and "
                                             "print it from the browser.")
