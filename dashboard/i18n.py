"""Every user-facing string in Norwegian Bokmål (the default) and English, and number formatting.

In nb, numbers are written ``1 234 567,8`` (a no-break space groups thousands, a comma marks the
decimals) and dates ``26.11.2026``; in en, ``1,234,567.8`` and ``26 Nov 2026``.
"""

from __future__ import annotations

import math
from datetime import date, datetime

LANGS = ("nb", "en")
DEFAULT_LANG = "nb"
NBSP = "\u00a0"
MINUS = "\u2212"

TEXTS: dict[str, tuple[str, str]] = {
    # key: (nb, en)
    "app.title": ("Norges smarteste industribedrift", "Norway's smartest industrial company"),
    "app.subtitle": ("KPI-dashbord", "KPI dashboard"),
    "nav.explorer": ("Utforsk", "Explore"),
    "nav.compare": ("Sammenlign", "Compare"),
    "nav.benchmark": ("Benchmark", "Benchmark"),
    "nav.present": ("Presenter", "Present"),
    "nav.data": ("Data", "Data"),
    "nav.label": ("Hovedmeny", "Main menu"),
    "nav.current": ("valgt", "current"),
    "lang.switch": ("Språk", "Language"),
    "lang.nb": ("Norsk", "Norsk"),
    "lang.en": ("English", "English"),
    "skip": ("Hopp til innholdet", "Skip to content"),
    "demo.badge": ("Syntetiske demodata", "Synthetic demo data"),
    "demo.notice": (
        "Tallene er oppdiktede demodata om oppdiktede bedrifter, laget for å vise dashbordet. "
        "De sier ingenting om virkelige bedrifter.",
        "These figures are invented demo data about invented companies, made to show the "
        "dashboard. They say nothing about real companies.",
    ),
    "footer.built": ("Database bygget {date}", "Database built {date}"),
    "explorer.title": ("Utforsk nøkkeltallene", "Explore the key figures"),
    "explorer.lead": (
        "Produktivitet, utslippskutt og automatisering i norsk industri, {year}, for alle "
        "bedrifter i datasettet.",
        "Productivity, emissions reduction and automation in Norwegian industry, {year}, for all "
        "companies in the data set.",
    ),
    "card.companies": ("Bedrifter", "Companies"),
    "card.companies.unit": ("som rapporterer", "reporting"),
    "card.fte": ("Årsverk", "Full-time equivalents"),
    "card.fte.unit": ("årsverk i alt", "FTE in total"),
    "card.change": ("{change} fra {year}", "{change} from {year}"),
    "card.no_change": ("ingen tall for {year}", "no figure for {year}"),
    "card.better": ("bedre", "better"),
    "card.worse": ("dårligere", "worse"),
    "card.unchanged": ("uendret", "unchanged"),
    "card.basis": ("{n} bedrifter", "{n} companies"),
    "chart.trend.title": ("{kpi}, {first}–{last}", "{kpi}, {first}–{last}"),
    "chart.trend.note": (
        "Alle bedrifter som rapporterer året. Gruppetall er forholdstall av summer. "
        "Kilde: syntetiske demodata.",
        "All companies reporting that year. Group figures are ratios of sums. "
        "Source: synthetic demo data.",
    ),
    "chart.year": ("År", "Year"),
    "chart.empty": ("Ingen data for dette utvalget", "No data for this selection"),
    "kpi.choose": ("Nøkkeltall", "Key figure"),
    "kpi.unknown": (
        "Ukjent nøkkeltall «{value}». Viser {default} i stedet.",
        "Unknown key figure “{value}”. Showing {default} instead.",
    ),
    "error.db.title": ("Databasen kan ikke leses", "The database cannot be read"),
    "error.db.body": (
        "Filen {path} kan ikke åpnes: {reason}. Bygg den på nytt med «make data DB={path}» "
        "(demodata) eller importer dataene på nytt, og last siden igjen.",
        "The file {path} cannot be opened: {reason}. Rebuild it with “make data DB={path}” "
        "(demo data) or import your data again, then reload the page.",
    ),
    "error.404.title": ("Fant ikke siden", "Page not found"),
    "error.404.body": ("Det finnes ingen side på denne adressen.", "There is no page at this address."),
    "error.404.home": ("Gå til forsiden", "Go to the front page"),
    "page.soon": (
        "Denne siden er ikke bygget ennå. Den kommer i en senere leveranse: {what}",
        "This page is not built yet. It comes in a later delivery: {what}",
    ),
    "compare.title": ("Sammenlign nominerte", "Compare nominees"),
    "compare.what": (
        "juryens arbeidsflate for å sammenligne og rangere nominerte på kriteriene.",
        "the jury's workspace to compare and rank nominees on the criteria.",
    ),
    "benchmark.title": ("Benchmark mot andre", "Benchmark against peers"),
    "benchmark.what": (
        "se hvor en bedrift står blant sammenlignbare bedrifter, uten å vise andres tall.",
        "see where a company stands among its peers, without showing anyone else's figures.",
    ),
    "present.title": ("Presentasjon", "Presentation"),
    "present.what": (
        "fullskjerms lysbilder for arrangementer, som virker uten nett.",
        "full-screen slides for events that work without a network.",
    ),
    "data.title": ("Data og definisjoner", "Data and definitions"),
    "data.lead": (
        "Slik er hvert nøkkeltall definert. Et gruppetall (fylke, bransje, hele landet) er summen av "
        "tellerne delt på summen av nevnerne, ikke et snitt av bedriftenes tall. Et bedriftsår "
        "teller bare der både teller og nevner er rapportert.",
        "How each key figure is defined. A group figure (county, sector, the whole country) is the "
        "sum of numerators over the sum of denominators, not a mean of company figures. A "
        "company-year counts only where both numerator and denominator are reported.",
    ),
    "data.kpi": ("Nøkkeltall", "Key figure"),
    "data.definition": ("Definisjon", "Definition"),
    "data.formula": ("Formel", "Formula"),
    "data.unit": ("Enhet", "Unit"),
    "data.direction": ("Bedre når", "Better when"),
    "data.criterion": ("Juryens kriterium", "Jury criterion"),
    "direction.higher": ("høyere", "higher"),
    "direction.lower": ("lavere", "lower"),
}


def normalize_lang(value: object) -> str:
    """``"en"`` or ``"nb"``; anything else (missing, hostile, misspelt) is the default, nb."""
    return "en" if value == "en" else DEFAULT_LANG


def t(key: str, lang: str, **fields: object) -> str:
    """The text for ``key`` in ``lang``, with ``{fields}`` filled in."""
    nb, en = TEXTS[key]
    text = en if lang == "en" else nb
    return text.format(**fields) if fields else text


def fmt_number(value: float | int | None, lang: str, decimals: int = 0, signed: bool = False) -> str:
    """A number as a reader of ``lang`` writes it; ``–`` for a missing value."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    text = f"{abs(value):,.{decimals}f}"
    if lang != "en":
        text = text.replace(",", NBSP).replace(".", ",")
    if value < 0 and float(text.replace(NBSP, "").replace(",", ".")) != 0:
        return (MINUS if lang != "en" else "-") + text
    return ("+" + text) if signed and value > 0 else text


def fmt_date(value: date | datetime | str, lang: str) -> str:
    """``26.11.2026`` in nb, ``26 Nov 2026`` in en."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.strftime("%d.%m.%Y") if lang != "en" else value.strftime("%-d %b %Y")


def plotly_separators(lang: str) -> str:
    """Plotly's ``layout.separators``: the decimal mark, then the thousands separator."""
    return "," + NBSP if lang != "en" else ".,"
