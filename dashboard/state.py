"""The explorer's selection: parsed from a URL or from widget values, always validated.

Everything a user (or a hostile request) can send passes through here before it reaches a query:
codes must be in their allow-lists, lists are cut to size, years are clamped to the data's range.
That range (a ``years.Span``, from ``db.year_span()``) is passed in by the caller: this module reads
no database. ``Filters.to_query`` writes the canonical query string, so a link reproduces the view:

    ?county=46,11&sector=24,25&from=2018&to=2024&kpi=productivity&status=finalist&prize=main&lang=en

(``from`` and ``to`` are left out when they are the first and last year with data.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from dashboard import dimensions
from dashboard.disclosure import Cell
from dashboard.i18n import lang_arg, t
from dashboard.kpis import DEFAULT_KPI, KPIS_BY_ID, criteria_for
from dashboard.years import Span

STATUSES = ("all", "nominated", "finalist", "winner")  # each includes the ones after it
STATUS_LEVEL = {s: i for i, s in enumerate(STATUSES)}
AWARD_PRIZES = ("main", "special")  # the award's two prizes (docs/domain.md)
PRIZES = ("any", *AWARD_PRIZES)  # the explorer's prize filter
SIZES = dimensions.SIZE_CLASSES
OWNERSHIP = dimensions.OWNERSHIP
_MAX_ITEMS = 100  # read at most this many items of a list; the allow-lists are shorter


@dataclass(frozen=True)
class Filters:
    """A validated selection. Empty tuples mean "all"."""

    year_from: int
    year_to: int
    counties: tuple[str, ...] = ()
    sectors: tuple[int, ...] = ()
    sizes: tuple[str, ...] = ()
    status: str = "all"
    prize: str = "any"
    kpi: str = DEFAULT_KPI
    ownership: tuple[str, ...] = ()
    dropped: tuple[str, ...] = field(default=(), compare=False)  # what the URL had that we ignored

    def params(self, as_of: date, **override: object) -> dict[str, object]:
        """The selection as the one query parameter ``$sel`` (see ``selection``), for a viewer who
        counts nominations from ``as_of``; ``override`` replaces some of its fields (a chart that
        shows every county passes ``counties=()``)."""
        fields = dict(counties=self.counties, sectors=self.sectors, sizes=self.sizes, ownership=self.ownership,
                      status=STATUS_LEVEL[self.status], prize=self.prize)
        return {"sel": selection(as_of, **(fields | override))}

    def cell(self, **override: object) -> Cell | None:
        """The cell of the public lattice (``disclosure``) this selection is, with ``override``
        replacing some fields (a chart of every county asks ``cell(counties=())``); None where it
        is not one: several members of a dimension, a group of nominees, or any other filter (a
        choice of owner, and any filter added later), none of which the public may combine."""
        f = replace(self, **override)
        rest = replace(f, counties=(), sectors=(), sizes=(), year_from=0, year_to=0, kpi=DEFAULT_KPI, prize="any")
        if rest != Filters(0, 0) or any(len(members) > 1 for members in (f.counties, f.sectors, f.sizes)):
            return None
        return Cell(f.counties[0] if f.counties else None, int(f.sectors[0]) if f.sectors else None,
                    f.sizes[0] if f.sizes else None)

    def query_args(self, span: Span) -> dict[str, str]:
        """The non-default parts of the selection, as URL query arguments; years are left out
        where they are the ends of ``span``. The explorer's address is written from this alone."""
        args = {
            "county": ",".join(self.counties),
            "sector": ",".join(map(str, self.sectors)),
            "size": ",".join(self.sizes),
            "from": str(self.year_from) if self.year_from != span.first else "",
            "to": str(self.year_to) if self.year_to != span.last else "",
            "kpi": self.kpi if self.kpi != DEFAULT_KPI else "",
            "status": self.status if self.status != "all" else "",
            "prize": self.prize if self.prize != "any" and self.status != "all" else "",
            "ownership": ",".join(self.ownership),
        }
        return {k: v for k, v in args.items() if v}

    def pinned_query(self, lang: str, span: Span) -> str:
        """The selection with its years written out even where they are the data's first and last:
        an embed's address, which must go on showing the same years after a new year is imported."""
        args = self.query_args(span) | {"from": str(self.year_from), "to": str(self.year_to)} | lang_arg(lang)
        return "?" + urlencode(args, safe=",")

    def to_query(self, lang: str, span: Span, company: str | None = None) -> str:
        """The explorer's address: the selection, the company whose detail is open, the language."""
        args = self.query_args(span) | ({"company": company} if company else {}) | lang_arg(lang)
        return "?" + urlencode(args, safe=",") if args else ""


def selection(as_of: date, counties: Iterable = (), sectors: Iterable = (), sizes: Iterable = (),
              ownership: Iterable = (), status: int = 0, prize: str = "any") -> dict[str, object]:
    """The selection as SQL receives it: one struct (``$sel``), read by the table macros
    ``selected_facts`` and ``selected_kpis`` (``queries/macros``). Empty lists mean "all";
    ``status`` 0 all companies, 1 nominees, 2 finalists, 3 winners; nominations count from
    ``as_of`` (the jury: disclosure.FOREVER). Values must already be validated (``build``)."""
    return {"counties": [str(c) for c in counties], "sectors": [int(x) for x in sectors],
            "sizes": [str(x) for x in sizes], "ownership": [str(x) for x in ownership],
            "status": int(status), "prize": str(prize), "as_of": as_of}


def _items(raw: object) -> list[object]:
    """A list from a list, a tuple or a comma-separated string; anything else is empty."""
    if isinstance(raw, str):
        return raw.split(",")[:_MAX_ITEMS]
    if isinstance(raw, (list, tuple)):
        return list(raw[:_MAX_ITEMS])
    return []


def _pick(raw: object, allowed: Iterable, cast: type) -> tuple[tuple, list[str]]:
    """Items of ``raw`` that are in ``allowed`` (deduplicated, in order) and the ones that are not."""
    allowed = set(allowed)
    kept: list = []
    dropped: list[str] = []
    for item in _items(raw):
        if isinstance(item, bool) or not isinstance(item, (str, int)):
            dropped.append(str(item)[:40])
            continue
        try:
            value = cast(item.strip() if isinstance(item, str) else item)
        except ValueError:
            value = None
        if value in allowed:
            if value not in kept:
                kept.append(value)
        elif str(item).strip():
            dropped.append(str(item)[:40])
    return tuple(kept), dropped


def _year(raw: object, default: int, span: Span) -> int | None:
    """A year clamped to ``span``; ``default`` if ``raw`` is empty, None if it is not a whole number."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, str) and raw.strip().lstrip("-").isdigit() and len(raw.strip()) < 20:
        raw = int(raw)
    if isinstance(raw, float) and raw.is_integer() and abs(raw) < 1e18:
        raw = int(raw)
    if isinstance(raw, int):
        return span.clamp(raw)
    return None if raw not in (None, "") else default


def _choice(raw: object, allowed: tuple[str, ...], default: str) -> tuple[str, bool]:
    if raw in (None, ""):
        return default, True
    return (raw, True) if isinstance(raw, str) and raw in allowed else (default, False)


def one_year(raw: object, span: Span) -> int:
    """A page's one year from a URL or a widget: clamped to ``span``, the newest when missing or
    not a whole number."""
    year = _year(raw, span.last, span)
    return span.last if year is None else year


# The selection's parts as a URL names them; the filter bar's widgets have the same names, but
# one range slider ("years") for "from" and "to".
URL_KEYS = ("county", "sector", "size", "ownership", "from", "to", "status", "prize", "kpi")


def build(raw: Mapping[str, object], *, span: Span) -> Filters:
    """Filters from raw values by name (URL arguments or widget values, see ``URL_KEYS``): the
    one place a selection is made. What is invalid is dropped and reported in ``dropped``; years
    are clamped to ``span``, a missing one is its end."""
    counties, bad_counties = _pick(raw.get("county"), dimensions.counties()["code"], str)
    sectors, bad_sectors = _pick(raw.get("sector"), dimensions.sectors()["code"], int)
    sizes, bad_sizes = _pick(raw.get("size"), SIZES, str)
    ownership, bad_ownership = _pick(raw.get("ownership"), OWNERSHIP, str)
    dropped = [f"county={v}" for v in bad_counties] + [f"sector={v}" for v in bad_sectors] \
        + [f"size={v}" for v in bad_sizes] + [f"ownership={v}" for v in bad_ownership]
    year_from, year_to = raw.get("from"), raw.get("to")
    first, last = _year(year_from, span.first, span), _year(year_to, span.last, span)
    if first is None:
        dropped.append(f"from={str(year_from)[:20]}")
        first = span.first
    if last is None:
        dropped.append(f"to={str(year_to)[:20]}")
        last = span.last
    first, last = min(first, last), max(first, last)
    status, prize, kpi = raw.get("status"), raw.get("prize"), raw.get("kpi")
    status_value, ok = _choice(status, STATUSES, "all")
    if not ok:
        dropped.append(f"status={str(status)[:20]}")
    prize_value, ok = _choice(prize, PRIZES, "any")
    if not ok:
        dropped.append(f"prize={str(prize)[:20]}")
    kpi_value, ok = _choice(kpi, tuple(KPIS_BY_ID), DEFAULT_KPI)
    if not ok:
        dropped.append(f"kpi={str(kpi)[:40]}")
    return Filters(first, last, counties, sectors, sizes, status_value, prize_value, kpi_value, ownership,
                   dropped=tuple(dropped))


def from_query(args: Mapping[str, str], span: Span) -> Filters:
    """Filters from URL query arguments (``URL_KEYS``)."""
    return build(args, span=span)


def from_widgets(values: Mapping[str, object], span: Span) -> Filters:
    """Filters from the filter bar's widget values by name, as a callback receives them
    (``components.filter_bar.FILTERS``): the same as a URL, the years slider giving from and to."""
    years = values.get("years")
    first, last = (years[0], years[-1]) if isinstance(years, (list, tuple)) and years else (None, None)
    return build({**values, "from": first, "to": last}, span=span)


def company_from_query(raw: object) -> tuple[str | None, tuple[str, ...]]:
    """The company whose detail an explorer address opens (``company=ORG``): a nine-digit
    organisation number or None, and what was dropped (anything else)."""
    if raw in (None, ""):
        return None, ()
    org = raw.strip() if isinstance(raw, str) else ""
    return (org, ()) if _ORG_NR.fullmatch(org) else (None, (f"company={str(raw)[:20]}",))


def describe(f: Filters, lang: str) -> str:
    """The selection in words, for chart titles: "Vestland, Rogaland · Metaller · finalister"."""
    parts = []
    if f.counties:
        parts.append(", ".join(dimensions.county_name(c, lang) for c in f.counties))
    if f.sectors:
        parts.append(", ".join(dimensions.sector_name(s, lang) for s in f.sectors))
    if f.sizes:
        parts.append(", ".join(t(f"size.{s}", lang) for s in f.sizes))
    if f.ownership:
        parts.append(", ".join(t(f"ownership.{o}", lang) for o in f.ownership))
    if f.status != "all":
        who = t(f"status.{f.status}", lang).lower()
        parts.append(who if f.prize == "any" else f"{who}, {t(f'prize.{f.prize}', lang).lower()}")
    return " · ".join(parts) if parts else t("selection.all", lang)


COMPARE_MAX = 10  # companies side by side
WEIGHT_MAX = 5.0
VIEWS = ("change", "level")
_ORG_NR = re.compile(r"[0-9]{9}")


@dataclass(frozen=True)
class CompareState:
    """The compare page's selection: year, prize, picker filter, companies, weights and view."""

    year: int
    prize: str = "main"
    status: str = "nominated"
    companies: tuple[str, ...] = ()
    weights: tuple[tuple[str, float], ...] = ()  # criteria whose weight is not 1
    view: str = "change"
    dropped: tuple[str, ...] = field(default=(), compare=False)

    def weight_map(self) -> dict[str, float]:
        """Every measurable criterion of the prize and its weight (1 unless set)."""
        return weights_for(self.prize, dict(self.weights))

    def to_query(self, lang: str, span: Span) -> str:
        """The non-default parts as a query string; the year is left out when it is the last of
        ``span``. The compare page's address is written from this alone."""
        weights = ",".join(f"{c}:{w:g}" for c, w in self.weights)
        args = {
            "year": str(self.year) if self.year != span.last else "",
            "prize": self.prize if self.prize != "main" else "",
            "status": self.status if self.status != "nominated" else "",
            "companies": ",".join(self.companies),
            "weights": weights,
            "view": self.view if self.view != "change" else "",
            **lang_arg(lang),
        }
        args = {k: v for k, v in args.items() if v}
        return "?" + urlencode(args, safe=",:") if args else ""


def _weights(raw: object, prize: str) -> tuple[tuple[tuple[str, float], ...], list[str]]:
    """``crit:weight`` pairs (a string or a mapping) for the prize's measurable criteria, 0–5."""
    allowed = [c.id for c in criteria_for(prize) if c.measurable]
    pairs = raw.items() if isinstance(raw, dict) else [
        p.split(":", 1) if ":" in p else (p, "") for p in _items(raw) if isinstance(p, str)]
    kept: dict[str, float] = {}
    dropped: list[str] = []
    for key, value in list(pairs)[:_MAX_ITEMS]:
        try:
            weight = float(value)
        except (TypeError, ValueError):
            weight = float("nan")
        if key in allowed and weight == weight and weight not in (float("inf"), float("-inf")):
            kept[key] = min(max(weight, 0.0), WEIGHT_MAX)
        else:
            dropped.append(f"weights={str(key)[:30]}:{str(value)[:10]}")
    return tuple((c, kept[c]) for c in allowed if c in kept and kept[c] != 1.0), dropped


def weights_for(prize: object, weights: object) -> dict[str, float]:
    """Every measurable criterion of the prize (main unless ``special``) and its weight: the one
    in ``weights`` (validated, 0–5) or 1."""
    prize_value, _ = _choice(prize, AWARD_PRIZES, "main")
    chosen = dict(_weights(weights, prize_value)[0])
    return {c.id: chosen.get(c.id, 1.0) for c in criteria_for(prize_value) if c.measurable}


def build_compare(year: object = None, prize: object = None, status: object = None,
                  companies: object = None, weights: object = None, view: object = None, *,
                  span: Span) -> CompareState:
    """A compare selection from raw values (URL arguments or widget values), validated. The year
    is clamped to ``span``; a missing one is its last."""
    dropped: list[str] = []
    year_value = _year(year, span.last, span)
    if year_value is None:
        dropped.append(f"year={str(year)[:20]}")
        year_value = span.last
    prize_value, ok = _choice(prize, AWARD_PRIZES, "main")
    if not ok:
        dropped.append(f"prize={str(prize)[:20]}")
    status_value, ok = _choice(status, STATUSES, "nominated")
    if not ok:
        dropped.append(f"status={str(status)[:20]}")
    orgs: list[str] = []
    for item in _items(companies):
        org = item.strip() if isinstance(item, str) else None
        if org and _ORG_NR.fullmatch(org):
            if org not in orgs:
                orgs.append(org)
        elif str(item).strip():
            dropped.append(f"companies={str(item)[:20]}")
    if len(orgs) > COMPARE_MAX:
        dropped += [f"companies={o}" for o in orgs[COMPARE_MAX:]]
        orgs = orgs[:COMPARE_MAX]
    weight_pairs, bad = _weights(weights, prize_value)
    view_value, ok = _choice(view, VIEWS, "change")
    if not ok:
        dropped.append(f"view={str(view)[:20]}")
    return CompareState(year_value, prize_value, status_value, tuple(orgs), weight_pairs, view_value,
                        dropped=tuple(dropped + bad))


def compare_from_query(args: dict[str, str], span: Span) -> CompareState:
    return build_compare(args.get("year"), args.get("prize"), args.get("status"),
                         args.get("companies"), args.get("weights"), args.get("view"), span=span)
