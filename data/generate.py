"""Seeded generator of synthetic demo data: invented companies, calibrated to docs/domain.md.

    python -m data.generate [--scale N] [--db PATH] [--seed S]

The same seed and scale always give the same data. Calibration targets (checked by the tests):
national robot density rising from about 44 (2014) to about 100 (2022) per 10,000 FTE, emissions
falling, exports near 40% of turnover, value added per FTE above wage cost per FTE in every company,
value added below turnover and exports at most turnover. Basic metals and chemicals carry most of
the energy use and emissions. About one value in 25 is missing (NULL), never zero.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.kpis import MEASURE_IDS
from dashboard.warehouse import build_database

FIRST, LAST = 2014, 2025  # the demo's years: the real award's first year to the last it is set in
YEARS = np.arange(FIRST, LAST + 1)
BASE_COMPANIES = 350
NOMINEES_PER_YEAR = 30
FOREIGN_OWNED = 0.25  # share of demo companies with a foreign owner (a demo assumption, not a source)
SPECIAL_NOMINEES_PER_YEAR = 5

# National robot density target (robots per 10,000 FTE), IFR figures to 2022, extrapolated after.
ROBOT_DENSITY = dict(zip(YEARS.tolist(), [44, 47, 50, 53, 56, 60, 67, 85, 103, 110, 117, 124]))

# sector: (share of companies, value added per FTE 2014 in MNOK, value-added share of turnover,
#          export share, energy MWh per FTE, scope 1 t CO2e per FTE, robot weight, recycled input %)
SECTORS = {
    10: (0.16, 0.95, 0.22, 0.22, 60, 8, 0.8, 10),
    11: (0.02, 1.30, 0.35, 0.05, 50, 5, 1.0, 15),
    16: (0.06, 0.80, 0.25, 0.30, 80, 3, 0.7, 20),
    17: (0.02, 1.20, 0.28, 0.75, 900, 40, 0.8, 45),
    20: (0.04, 2.20, 0.30, 0.70, 1500, 250, 0.6, 10),
    21: (0.02, 2.80, 0.45, 0.80, 150, 10, 0.7, 5),
    22: (0.05, 0.95, 0.33, 0.40, 70, 4, 1.6, 25),
    23: (0.04, 1.40, 0.35, 0.20, 600, 220, 0.8, 15),
    24: (0.05, 2.00, 0.25, 0.80, 3000, 550, 1.1, 35),
    25: (0.14, 0.85, 0.40, 0.30, 30, 3, 1.8, 15),
    26: (0.05, 1.30, 0.42, 0.60, 25, 1, 1.5, 5),
    27: (0.04, 1.10, 0.38, 0.50, 30, 2, 1.4, 8),
    28: (0.10, 1.10, 0.36, 0.50, 25, 2, 1.3, 8),
    29: (0.02, 1.00, 0.30, 0.75, 40, 3, 3.5, 20),
    30: (0.07, 0.95, 0.30, 0.40, 30, 3, 0.6, 10),
    31: (0.02, 0.75, 0.35, 0.30, 30, 2, 1.0, 10),
    32: (0.02, 0.90, 0.40, 0.35, 20, 1, 0.8, 10),
    33: (0.08, 0.85, 0.45, 0.15, 15, 1, 0.3, 5),
}
HEAVY_SECTORS = (17, 20, 23, 24)
COUNTIES = {
    "46": 0.13, "11": 0.11, "15": 0.10, "50": 0.09, "34": 0.07, "42": 0.07, "32": 0.07, "31": 0.06,
    "33": 0.06, "39": 0.05, "40": 0.04, "18": 0.05, "03": 0.04, "55": 0.03, "56": 0.03,
}
NAME_HEADS = ["Fjord", "Nord", "Berg", "Vest", "Sol", "Elve", "Is", "Gran", "Hav", "Stein", "Furu",
              "Lys", "Tinde", "Myr", "Kvit", "Rime", "Skog", "Brede", "Aust", "Strand", "Lauv",
              "Vind", "Bjørke", "Kval", "Ospe", "Dal", "Sjø", "Nes", "Mo", "Li"]
NAME_TAILS = ["vik", "tind", "heim", "lund", "nes", "berg", "dal", "våg", "øy", "fjell", "mo",
              "stad", "bakk", "li", "sund", "rud", "voll", "haug", "kjos", "eid"]
SECTOR_WORDS = {
    10: ["Mat", "Fisk", "Bakeri", "Meieri"], 11: ["Bryggeri", "Drikke"], 16: ["Tre", "Sag", "Bruk"],
    17: ["Papir", "Emballasje"], 20: ["Kjemi", "Kjemiske"], 21: ["Farma", "Biofarma"],
    22: ["Plast", "Polymer"], 23: ["Betong", "Glass", "Stein"], 24: ["Metall", "Smelteverk"],
    25: ["Mek", "Sveis", "Stål"], 26: ["Elektronikk", "Sensor", "Optikk"], 27: ["Elektro", "Kraftteknikk"],
    28: ["Maskin", "Hydraulikk", "Automasjon"], 29: ["Kjøretøy", "Tilhenger"],
    30: ["Verft", "Marine", "Offshore"], 31: ["Møbel", "Interiør"], 32: ["Industri", "Produkter"],
    33: ["Service", "Montasje", "Reparasjon"],
}


def make_org_numbers(rng: np.random.Generator, n: int) -> list[str]:
    """``n`` distinct 9-digit organisation numbers starting with 9, each with a valid check digit."""
    seen: set[str] = set()
    out: list[str] = []
    weights = np.array([3, 2, 7, 6, 5, 4, 3, 2])
    while len(out) < n:
        body = rng.integers(0, 10, size=(2 * (n - len(out)) + 8, 8))
        body[:, 0] = 9
        remainder = (body * weights).sum(axis=1) % 11
        for digits, r in zip(body, remainder):
            if r == 1:
                continue
            number = "".join(map(str, digits)) + str(0 if r == 0 else 11 - r)
            if number not in seen:
                seen.add(number)
                out.append(number)
                if len(out) == n:
                    break
    return out


def make_names(rng: np.random.Generator, sectors: np.ndarray) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    for sector in sectors:
        base = (rng.choice(NAME_HEADS) + rng.choice(NAME_TAILS) + " "
                + rng.choice(SECTOR_WORDS[int(sector)]))
        name, n = f"{base} AS", 2
        while name in seen:  # only at large scales; keeps names distinct for search
            name, n = f"{base} {n} AS", n + 1
        seen.add(name)
        names.append(name)
    return names


def generate(scale: int = 1, seed: int = 2014) -> dict[str, pd.DataFrame]:
    """The demo tables: companies, company_years and nominations."""
    rng = np.random.default_rng(seed)
    n = BASE_COMPANIES * scale
    sector_codes = np.array(list(SECTORS))
    params = np.array(list(SECTORS.values()))
    sector_idx = rng.choice(len(sector_codes), size=n, p=params[:, 0] / params[:, 0].sum())
    county_codes = np.array(list(COUNTIES))
    county_p = np.array(list(COUNTIES.values()))
    county = rng.choice(county_codes, size=n, p=county_p / county_p.sum())
    county[: len(county_codes)] = county_codes  # every county has companies
    p = params[sector_idx]

    # the big emitters report every year from 2014, so national emissions follow real cuts
    heavy = np.isin(sector_codes[sector_idx], HEAVY_SECTORS)
    startup = (rng.random(n) < 0.15) & ~heavy
    founded = np.where(startup, rng.integers(2008, 2023, n), rng.integers(1900, 2011, n))
    # established companies enter the data set in 2014, a fifth of them later; a few leave
    late_entry = (rng.random(n) < 0.2) & ~heavy
    first_year = np.where(startup, np.maximum(founded + 1, FIRST),
                          np.where(late_entry, rng.integers(FIRST + 1, FIRST + 6, n), FIRST))
    last_year = np.where((rng.random(n) < 0.05) & ~heavy, rng.integers(LAST - 6, LAST, n), LAST)

    companies = pd.DataFrame({
        "org_nr": make_org_numbers(rng, n),
        "name": make_names(rng, sector_codes[sector_idx]),
        "county_code": county,
        "sector_code": sector_codes[sector_idx],
        "founded": founded,
        # a stream of its own, so adding it left every other demo figure as it was
        "ownership": np.where(np.random.default_rng(seed + 1).random(n) < FOREIGN_OWNED, "foreign", "norwegian"),
    })

    t = YEARS - FIRST
    shape = (n, len(YEARS))
    active = (YEARS >= first_year[:, None]) & (YEARS <= last_year[:, None])

    def noise(sigma: float) -> np.ndarray:
        return rng.lognormal(0.0, sigma, shape)

    base_fte = np.where(startup, rng.uniform(4, 30, n), np.clip(rng.lognormal(np.log(70), 1.0, n), 8, 3000))
    growth = np.where(startup, rng.uniform(1.08, 1.30, n), rng.normal(1.01, 0.03, n))
    years_in = np.clip(YEARS - first_year[:, None], 0, None)
    fte = np.round(base_fte[:, None] * growth[:, None] ** years_in * noise(0.03), 1)

    wage_per_fte = 0.47 * 1.032 ** t * rng.lognormal(0, 0.08, n)[:, None]
    va_per_fte = p[:, 1, None] * rng.lognormal(0, 0.25, n)[:, None] * 1.02 ** t * noise(0.05)
    va_per_fte = np.maximum(va_per_fte, wage_per_fte * rng.uniform(1.08, 1.4, shape))
    value_added = fte * va_per_fte
    va_share = np.clip(p[:, 2] * rng.lognormal(0, 0.12, n), 0.12, 0.8)[:, None]
    turnover = value_added / va_share
    # export share and recycled input drift from year to year by a small random walk per company
    # (a level and a trend alone drew straight, parallel lines); a stream of its own, so that
    # every other demo figure stayed as it was
    walk_rng = np.random.default_rng(seed + 2)

    def walk(sigma: float) -> np.ndarray:
        steps = walk_rng.normal(0.0, sigma, shape)
        steps[:, 0] = 0.0
        return steps.cumsum(axis=1)

    export_walk, recycled_walk = walk(0.012), walk(0.9)
    export = turnover * np.clip(0.85 * p[:, 3, None] + rng.normal(0, 0.12, n)[:, None] + 0.002 * t + export_walk,
                                0, 0.97)
    wages = fte * wage_per_fte
    rnd = turnover * np.clip(rng.lognormal(np.log(0.012), 0.7, n)[:, None] * noise(0.15), 0, 0.2)
    rnd[rng.random(n) < 0.08] = 0.0  # some companies really spend nothing on R&D

    energy = fte * p[:, 4, None] * rng.lognormal(0, 0.3, n)[:, None] * 0.99 ** t * noise(0.04)
    renewable = np.clip(rng.normal(80, 10, n)[:, None] + 1.0 * t + rng.normal(0, 2, shape), 20, 100)
    cut = np.where(heavy, rng.uniform(0.95, 1.0, n), rng.uniform(0.93, 1.005, n))[:, None]  # each company's yearly emissions trend
    scope1 = base_fte[:, None] * p[:, 5, None] * rng.lognormal(0, 0.4, n)[:, None] * cut ** t * noise(0.04)
    scope2 = energy * (1 - renewable / 100) * 0.05

    unreported = {name: rng.random(shape) < 0.04 for name in MEASURE_IDS}
    for name in ("scope1_t", "scope2_t", "energy_mwh"):
        unreported[name] &= ~heavy[:, None]  # big emitters always report emissions and energy
    # robots: scaled so that the reporting companies hit the national density of each year;
    # rounding with a fixed offset per company keeps each company's count steady from year to year
    robot_weight = p[:, 6, None] * rng.lognormal(0, 0.6, n)[:, None] * np.ones(shape)
    counted = active & ~unreported["robots"]
    weighted = np.where(counted, fte * robot_weight, 0).sum(axis=0) / np.where(counted, fte, 0).sum(axis=0)
    density = np.array([ROBOT_DENSITY[y] for y in YEARS.tolist()])
    robots = np.floor(fte * robot_weight / weighted * density / 10_000 + rng.random(n)[:, None])
    automation = np.clip(rng.uniform(10, 50, n)[:, None] + 2.2 * t + rng.normal(0, 2, shape), 0, 95)
    material = np.clip(rng.normal(85, 6, n)[:, None] + 0.4 * t + rng.normal(0, 1, shape), 50, 99.5)
    scrap = np.clip(rng.lognormal(np.log(4), 0.5, n)[:, None] * 0.97 ** t * noise(0.1), 0.1, 30)
    recycled = np.clip(p[:, 7, None] + rng.normal(0, 8, n)[:, None] + 0.8 * t + recycled_walk, 0, 95)
    training = fte * np.clip(rng.normal(22, 8, n)[:, None] + 0.5 * t + rng.normal(0, 2, shape), 2, 80)
    hours = fte * rng.normal(1650, 40, shape)
    injuries = rng.poisson(hours / 1e6 * rng.lognormal(np.log(6), 0.4, n)[:, None] * 0.96 ** t)

    columns = {
        "fte": fte, "turnover_mnok": turnover, "value_added_mnok": value_added,
        "wage_costs_mnok": wages, "export_mnok": export, "rnd_mnok": rnd, "energy_mwh": energy,
        "renewable_share_pct": renewable, "scope1_t": scope1, "scope2_t": scope2,
        "robots": robots.astype(float), "automation_pct": automation,
        "material_utilisation_pct": material, "scrap_rate_pct": scrap,
        "recycled_input_pct": recycled, "training_hours": training,
        "lost_time_injuries": injuries.astype(float), "hours_worked": hours,
    }
    decimals = {"fte": 1, "energy_mwh": 0, "hours_worked": 0, "training_hours": 0, "robots": 0,
                "lost_time_injuries": 0, "scope1_t": 1, "scope2_t": 1}
    late_emissions = ((rng.random(n) < 0.3) & ~heavy)[:, None] & (YEARS < rng.integers(2015, 2018, n)[:, None])
    for name, values in columns.items():
        values = np.round(values, decimals.get(name, 3))
        if name not in ("fte", "turnover_mnok"):
            values = np.where(unreported[name], np.nan, values)
        if name in ("scope1_t", "scope2_t"):
            values = np.where(late_emissions, np.nan, values)  # emissions reported from later on
        columns[name] = values

    rows, cols = np.nonzero(active)
    company_years = pd.DataFrame({"org_nr": companies["org_nr"].to_numpy()[rows], "year": YEARS[cols]})
    for name, values in columns.items():
        company_years[name] = values[rows, cols]
    for name in ("robots", "lost_time_injuries"):
        company_years[name] = company_years[name].astype("Int64")

    nominations = _nominate(rng, companies, company_years, founded)
    return {"companies": companies, "company_years": company_years, "nominations": nominations}


def _nominate(rng: np.random.Generator, companies: pd.DataFrame, years: pd.DataFrame,
              founded: np.ndarray) -> pd.DataFrame:
    """About 30 nominees a year, three finalists and one winner for each prize.

    Nominees lean towards productive, automated companies; a company wins each prize once at most.
    """
    founded_by_org = dict(zip(companies["org_nr"], founded))
    score = (years["value_added_mnok"] / years["fte"]).rank(pct=True).fillna(0.5) \
        + (years["robots"].astype(float) / years["fte"]).rank(pct=True).fillna(0.5) \
        + years["automation_pct"].rank(pct=True).fillna(0.5)
    years = years.assign(score=score, founded=years["org_nr"].map(founded_by_org))
    past_winners: dict[str, set[str]] = {"main": set(), "special": set()}
    records = []
    for year, group in years.groupby("year"):
        young = group["founded"] >= year - 7
        special_pool = group[young & ~group["org_nr"].isin(past_winners["special"])]
        special = _draw(rng, special_pool, SPECIAL_NOMINEES_PER_YEAR)
        main_pool = group[~young & ~group["org_nr"].isin(past_winners["main"])]
        main = _draw(rng, main_pool, NOMINEES_PER_YEAR - len(special))
        for prize, chosen in (("main", main), ("special", special)):
            ranked = chosen.sort_values("score", ascending=False)["org_nr"].tolist()
            # announced in February the year after; the last year is not announced yet
            published = None if year == YEARS[-1] else date(int(year) + 1, 2, 15)
            for i, org in enumerate(ranked):
                status = "winner" if i == 0 else "finalist" if i < 3 else "nominated"
                records.append((int(year), org, prize, status, published))
            if ranked:
                past_winners[prize].add(ranked[0])
    return pd.DataFrame(records, columns=["year", "org_nr", "prize", "status", "published_on"])


def _draw(rng: np.random.Generator, pool: pd.DataFrame, k: int) -> pd.DataFrame:
    if pool.empty:
        return pool
    weights = np.exp(3 * pool["score"].to_numpy())
    idx = rng.choice(len(pool), size=min(k, len(pool)), replace=False, p=weights / weights.sum())
    return pool.iloc[np.sort(idx)]


def build_demo(db: Path, scale: int = 1, seed: int = 2014) -> None:
    """Generate the demo data and write it to ``db`` (atomically)."""
    tables = generate(scale=scale, seed=seed)
    build_database(db, tables["companies"], tables["company_years"], tables["nominations"],
                   meta={"source": "demo", "scale": str(scale), "seed": str(seed)})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1, help="N times the demo's 350 companies")
    parser.add_argument("--db", type=Path, default=Path("data/demo.duckdb"))
    parser.add_argument("--seed", type=int, default=2014)
    args = parser.parse_args(argv)
    if args.scale < 1:
        parser.error("--scale must be 1 or more")
    start = time.perf_counter()
    build_demo(args.db, args.scale, args.seed)
    print(f"built {args.db} (scale {args.scale}) in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

