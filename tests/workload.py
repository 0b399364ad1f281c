"""What users ask of the app, as callback request bodies for ``make bench`` (over HTTP) and the
in-process profile: each kind drawn at random (seeded) from the widgets' own options and the data's
years, companies and nominees, as a user picks them."""

from __future__ import annotations

import json
import random
from collections.abc import Callable

from dashboard import dimensions
from dashboard.disclosure import JURY
from dashboard.kpis import KPI_IDS, MEASURE_IDS
from dashboard.state import PRIZES, SIZES, STATUSES
from tests.dash_requests import callback_body

SEARCHES = ("", "fjord", "mek", "9", "95", "as")
TYPED = {"fte": 120, "turnover_mnok": 400, "value_added_mnok": 130, "robots": 5}  # a typed company


def expand(body: dict, wildcard: str, ids: list[dict], values: list) -> dict:
    """Fill a pattern-matching (ALL) input and state of type ``wildcard`` with one entry per id,
    as the browser sends them (``values``: each input's value; the state holds the ids)."""
    for key in ("inputs", "state"):
        for i, item in enumerate(body[key]):
            pattern = json.loads(item["id"]) if isinstance(item, dict) and str(item["id"]).startswith("{") else {}
            if pattern.get("type") == wildcard:
                shown = values if item["property"] != "id" else ids
                body[key][i] = [{"id": x, "property": item["property"], "value": v} for x, v in zip(ids, shown)]
    return body


class Workload:
    """Request bodies of every kind a page sends, for ``app`` and its database."""

    def __init__(self, app, seed: int = 1):
        from dashboard.db import year_span
        from dashboard.pages import compare
        from dashboard.pages.explorer import table_view
        from dashboard.state import CompareState, Filters

        self.app, self.rng = app, random.Random(seed)
        with app.server.test_request_context():
            span = year_span()
            self.years = list(range(span.first, span.last + 1))
            self.orgs = [r["org_nr"] for r in table_view(Filters(span.first, span.last), "nb", JURY)[0]]
            self.nominees = {y: [o["value"] for o in compare.search_options(CompareState(year=y), "", "nb")]
                             for y in self.years}
            last = self.nominees[span.last]
            self.stores = [compare.table_and_scores(CompareState(year=span.last, companies=tuple(last[i:i + 10])),
                                                    "nb")[1] for i in range(0, 20, 5)]
            self.finalists = compare.finalists(CompareState(year=span.last, prize="main"))
        self.counties = list(dimensions.counties().index)
        self.sectors = [int(c) for c in dimensions.sectors().index]

    def kinds(self) -> dict[str, Callable[[], dict]]:
        """Every kind of request: name -> a maker of a new random body."""
        from dashboard.pages import benchmark

        return {
            **{f"page {path}": (lambda path=path: self.page(path)) for path in ("/", "/compare", "/benchmark", "/data")},
            "explorer first screen": self.views,
            "explorer trend and scatter": lambda: self.views(output="explorer-trend.figure"),
            "explorer table": lambda: self.views(output="explorer-table.rowData"),
            "explorer address": self.address,
            "explorer company detail": self.company,
            "benchmark table": lambda: self.benchmark(f"{benchmark.SUBJECT}.children"),
            "benchmark trend": lambda: self.benchmark(f"{benchmark.TREND_BOX}.children"),
            "compare table": lambda: self.comparison("compare-table.children"),
            "compare multiples": lambda: self.comparison("compare-multiples.figure"),
            "compare radar": self.radar,
            "compare ranking (weights)": self.ranking,
            "compare search": self.search,
        }

    def unique(self, make: Callable[[], dict], n: int, seen: set[str] | None = None) -> list[dict]:
        """``n`` bodies from ``make``, no two alike (and none in ``seen``): no cache can answer
        one from another. Gives up after 20 n tries (a kind with few choices)."""
        seen = set() if seen is None else seen
        out: list[dict] = []
        for _ in range(20 * n):
            body = make()
            key = json.dumps(body, sort_keys=True)
            if key not in seen:
                seen.add(key)
                out.append(body)
                if len(out) == n:
                    break
        return out

    def selection(self, status: bool = True) -> dict:
        """The filter bar as a user sets it (``status``: the award filters too, else all companies)."""
        rng = self.rng
        first = rng.choice(self.years)
        return {
            "explorer-county.value": rng.sample(self.counties, rng.choice([0, 0, 1, 2, 3])),
            "explorer-sector.value": rng.sample(self.sectors, rng.choice([0, 0, 1, 2])),
            "explorer-size.value": rng.sample(list(SIZES), rng.choice([0, 0, 1])),
            "explorer-years.value": [first, rng.choice([y for y in self.years if y >= first])],
            "explorer-status.value": rng.choice(STATUSES[:2] + STATUSES) if status else "all",
            "explorer-prize.value": rng.choice(PRIZES) if status else "any",
            "explorer-kpi.value": rng.choice(KPI_IDS),
            "explorer-lang.data": rng.choice(["nb", "en"]),
        }

    def page(self, path: str) -> dict:
        search = self.rng.choice(["", f"county={self.rng.choice(self.counties)}",
                                  f"sector={self.rng.choice(self.sectors)}&kpi={self.rng.choice(KPI_IDS)}",
                                  "status=finalist&prize=main", "lang=en"])
        return {"output": ".._pages_content.children..._pages_store.data..",
                "outputs": [{"id": "_pages_content", "property": "children"},
                            {"id": "_pages_store", "property": "data"}],
                "inputs": [{"id": "_pages_location", "property": "pathname", "value": path},
                           {"id": "_pages_location", "property": "search", "value": "?" + search}],
                "changedPropIds": ["_pages_location.pathname"], "state": []}

    def views(self, status: bool = True, output: str = "explorer-map.figure") -> dict:
        """One of the explorer's three callbacks of views (``output`` names it) for a new selection."""
        return callback_body(self.app, output, self.selection(status))

    def address(self) -> dict:
        return callback_body(self.app, "explorer-address.data", self.selection())

    def company(self) -> dict:
        first = self.rng.choice(self.years)
        return callback_body(self.app, "explorer-company.is_open", {
            "explorer-table.cellClicked": {"rowId": self.rng.choice(self.orgs)},
            "explorer-kpi.value": self.rng.choice(KPI_IDS), "explorer-years.value": [first, self.years[-1]],
            "explorer-lang.data": "nb"}, changed="explorer-table.cellClicked")

    def benchmark(self, output: str, typed_share: float = 0.3) -> dict:
        from dashboard.pages import benchmark

        rng = self.rng
        typed = rng.random() < typed_share
        ids = [{"type": benchmark.MEASURE, "measure": m} for m in MEASURE_IDS]
        body = callback_body(self.app, output, {
            f"{benchmark.MODE}.value": "typed" if typed else "company", f"{benchmark.FETCH}.n_clicks": 1,
            f"{benchmark.QUERY}.value": rng.choice(self.orgs), f"{benchmark.YEAR}.value": rng.choice(self.years),
            f"{benchmark.OPTIONS}.value": rng.sample(list(benchmark.PEER_OPTIONS), rng.randint(0, 3)),
            f"{benchmark.SECTOR}.value": rng.choice(self.sectors), f"{benchmark.COUNTY}.value": rng.choice(self.counties),
            f"{benchmark.TREND_KPI}.value": rng.choice(KPI_IDS), f"{benchmark.LANG}.data": "nb"})
        return expand(body, benchmark.MEASURE, ids, [TYPED.get(i["measure"]) if typed else None for i in ids])

    def comparison(self, output: str) -> dict:
        year = self.rng.choice([y for y in self.years if self.nominees[y]])
        return callback_body(self.app, output, {
            "compare-companies.value": self.rng.sample(self.nominees[year], min(10, len(self.nominees[year]))),
            "compare-year.value": year, "compare-prize.value": "main",
            "compare-view.value": self.rng.choice(["change", "level"]), "compare-lang.data": "nb"})

    def radar(self) -> dict:
        return callback_body(self.app, "compare-radar.figure", {"compare-scores.data": self.rng.choice(self.stores),
                                                                "compare-lang.data": self.rng.choice(["nb", "en"])})

    def ranking(self) -> dict:
        from dashboard.kpis import criteria_for
        from dashboard.pages.compare import WEIGHT

        body = callback_body(self.app, "compare-ranking.children",
                             {"compare-scores.data": self.rng.choice(self.stores), "compare-lang.data": "nb"})
        ids = [{"type": WEIGHT, "criterion": c.id} for c in criteria_for("main") if c.measurable]
        return expand(body, WEIGHT, ids, [self.rng.choice([0, 0.5, 1, 2, 5]) for _ in ids])

    def search(self) -> dict:
        return callback_body(self.app, "compare-companies.options", {
            "compare-companies.search_value": self.rng.choice(SEARCHES),
            "compare-year.value": self.rng.choice(self.years), "compare-prize.value": "main",
            "compare-status.value": self.rng.choice(["all", "nominated"]), "compare-companies.value": [],
            "compare-lang.data": "nb"}, changed="compare-companies.search_value")
