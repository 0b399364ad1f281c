"""The KPI catalogue: the one place that says what each number on the dashboard means.

Queries, labels, the data build and the Data page all read from here. Every KPI is a ratio
``numerator / denominator`` of base measures, so that a group figure (a county, a sector, the whole
country) is a ratio of sums, never a mean of company ratios. A company-year enters a KPI only where
both numerator and denominator are known and the denominator is positive; a missing value is never
read as zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from dashboard.i18n import localized

Direction = Literal["higher", "lower"]


@dataclass(frozen=True)
class Criterion:
    """One of the jury's criteria for the award (see docs/domain.md)."""

    id: str
    nb: str
    en: str
    measurable: bool  # False: jury judgement, no number measures it
    short_nb: str = ""
    short_en: str = ""

    def label(self, lang: str, short: bool = False) -> str:
        return localized(self, lang, "short" if short and self.short_nb else "")


CRITERIA: tuple[Criterion, ...] = (
    Criterion("innovative", "Nyskapende", "Innovative", False),
    Criterion("sustainability", "Bærekraft, miljø og energieffektivitet",
              "Sustainability, environment, energy efficiency", True, "Bærekraft", "Sustainability"),
    Criterion("technology", "Bruk av teknologi, digitalisering og kompetanseutvikling",
              "Technology, digitalisation, competence development", True, "Teknologi", "Technology"),
    Criterion("productivity", "Produktivitet", "Productivity", True, "Produktivitet", "Productivity"),
    Criterion("uniqueness", "Unikhet", "Uniqueness", False),
    Criterion("rnd", "Investerer i forskning og utvikling", "Invests in R&D", True, "FoU", "R&D"),
    Criterion("cost_level", "Produktivitet som tåler norsk kostnadsnivå",
              "Productivity that withstands Norwegian cost levels", True, "Kostnadsnivå", "Cost level"),
    Criterion("world_market", "Produksjon som har verden som marked",
              "Production with the world as its market", True, "Verdensmarked", "World market"),
    Criterion("world_problems", "Løse verdensproblemer", "Solving world problems", False),
)
# The special prize, for start-ups: its own three criteria (docs/domain.md). The measurable two
# reuse the main prize's KPI mapping.
SPECIAL_CRITERIA: tuple[Criterion, ...] = (
    Criterion("unique_idea", "Unik forretningsidé", "Unique business idea", False),
    Criterion("technology", "Teknologi og digitalisering", "Technology and digitalisation", True,
              "Teknologi", "Technology"),
    Criterion("sustainability", "Fremmer bærekraft og det grønne skiftet",
              "Promotes sustainability and the green shift", True, "Bærekraft", "Sustainability"),
)
CRITERIA_BY_ID = {c.id: c for c in (*CRITERIA, *SPECIAL_CRITERIA[:1])}


def criteria_for(prize: str) -> tuple[Criterion, ...]:
    """The jury's criteria for a prize: "main" or "special"."""
    return SPECIAL_CRITERIA if prize == "special" else CRITERIA


@dataclass(frozen=True)
class Measure:
    """A base measure reported by a company for one year (a column of ``company_years``)."""

    id: str
    nb: str
    en: str
    unit: str
    integer: bool = False
    max_value: float | None = None  # shares are 0–100; amounts and counts are only non-negative

    def label(self, lang: str) -> str:
        return localized(self, lang)


MEASURES: tuple[Measure, ...] = (
    Measure("fte", "Årsverk", "Full-time equivalents", "FTE"),
    Measure("turnover_mnok", "Omsetning", "Turnover", "MNOK"),
    Measure("value_added_mnok", "Verdiskaping (bearbeidingsverdi)", "Value added", "MNOK"),
    Measure("wage_costs_mnok", "Lønnskostnader", "Wage costs", "MNOK"),
    Measure("export_mnok", "Eksportinntekter", "Export revenue", "MNOK"),
    Measure("rnd_mnok", "FoU-utgifter", "R&D spend", "MNOK"),
    Measure("energy_mwh", "Energibruk", "Energy use", "MWh"),
    Measure("renewable_share_pct", "Fornybarandel av energi", "Renewable share of energy", "%",
            max_value=100),
    Measure("scope1_t", "Utslipp scope 1", "Scope 1 emissions", "t CO2e"),
    Measure("scope2_t", "Utslipp scope 2", "Scope 2 emissions", "t CO2e"),
    Measure("robots", "Industriroboter", "Industrial robots", "count", integer=True),
    Measure("automation_pct", "Andel automatiserte produksjonstrinn",
            "Share of production steps automated", "%", max_value=100),
    Measure("material_utilisation_pct", "Materialutnyttelse", "Material utilisation", "%",
            max_value=100),
    Measure("scrap_rate_pct", "Vrakandel", "Scrap rate", "%", max_value=100),
    Measure("recycled_input_pct", "Andel resirkulerte innsatsmaterialer", "Recycled input share",
            "%", max_value=100),
    Measure("training_hours", "Opplæringstimer", "Training hours", "hours"),
    Measure("lost_time_injuries", "Fraværsskader", "Lost-time injuries", "count", integer=True),
    Measure("hours_worked", "Utførte arbeidstimer", "Hours worked", "hours"),
)
MEASURE_IDS = tuple(m.id for m in MEASURES)


@dataclass(frozen=True)
class KPI:
    """A key performance indicator: value = numerator / denominator, in ``unit``."""

    id: str
    nb: str
    en: str
    unit_nb: str
    unit_en: str
    direction: Direction
    criterion: str
    numerator: str  # SQL over the ``facts`` table; a constant of this module, never user input
    denominator: str
    definition_nb: str
    definition_en: str
    decimals: int = 1

    def label(self, lang: str) -> str:
        return localized(self, lang)

    def unit(self, lang: str) -> str:
        return localized(self, lang, "unit")

    def definition(self, lang: str) -> str:
        return localized(self, lang, "definition")

    @property
    def higher_is_better(self) -> bool:
        return self.direction == "higher"


_TURNOVER_WEIGHTED_NB = " Gruppetall er vektet med omsetning."
_TURNOVER_WEIGHTED_EN = " Group figures are weighted by turnover."

KPIS: tuple[KPI, ...] = (
    KPI("productivity", "Produktivitet", "Productivity",
        "tusen kr per årsverk", "NOK thousand per FTE", "higher", "productivity",
        "value_added_mnok * 1000", "fte",
        "Verdiskaping (bearbeidingsverdi) per årsverk.",
        "Value added per full-time equivalent.", decimals=0),
    KPI("value_added_per_wage", "Verdiskaping per lønnskrone", "Value added per wage krone",
        "kr per lønnskrone", "NOK per NOK of wages", "higher", "cost_level",
        "value_added_mnok", "wage_costs_mnok",
        "Verdiskaping delt på lønnskostnader. Over 1 betyr at verdiskapingen dekker lønningene.",
        "Value added divided by wage costs. Above 1 means value added covers the wage bill.",
        decimals=2),
    KPI("emissions_intensity", "Utslippsintensitet", "Emissions intensity",
        "t CO₂e per mill. kr verdiskaping", "t CO₂e per NOK million value added", "lower",
        "sustainability",
        "scope1_t + scope2_t", "value_added_mnok",
        "Utslipp i scope 1 og 2 per million kroner verdiskaping.",
        "Scope 1 and 2 emissions per NOK million of value added."),
    KPI("emissions_reduction", "Utslippskutt", "Emissions reduction",
        "% siden basisåret", "% since the baseline year", "higher",
        "sustainability",
        "(base_emissions_t - (scope1_t + scope2_t)) * 100", "base_emissions_t",
        "Nedgang i utslipp (scope 1 og 2) siden bedriftens basisår, i prosent av utslippene det "
        "året. Basisåret er det første året bedriften rapporterte både scope 1 og scope 2; år med "
        "bare ett av dem teller ikke. For en gruppe: summen av kuttene over summen av "
        "utgangsutslippene.",
        "Fall in scope 1 and 2 emissions since the company's baseline year, as a percentage of that "
        "year's emissions. The baseline year is the first year the company reported both scope 1 "
        "and scope 2; a year with only one of them does not count. For a group: the sum of the cuts "
        "over the sum of the baselines."),
    KPI("energy_intensity", "Energiintensitet", "Energy intensity",
        "MWh per mill. kr verdiskaping", "MWh per NOK million value added", "lower",
        "sustainability",
        "energy_mwh", "value_added_mnok",
        "Energibruk per million kroner verdiskaping.",
        "Energy use per NOK million of value added.", decimals=0),
    KPI("renewable_share", "Fornybarandel", "Renewable share",
        "% av energibruken", "% of energy use", "higher", "sustainability",
        "renewable_share_pct * energy_mwh", "energy_mwh",
        "Andel av energibruken som er fornybar. Gruppetall er vektet med energibruk.",
        "Share of energy use that is renewable. Group figures are weighted by energy use."),
    KPI("robot_density", "Robottetthet", "Robot density",
        "roboter per 10\u00a0000 årsverk", "robots per 10,000 FTE", "higher", "technology",
        "robots * 10000", "fte",
        "Industriroboter per 10\u00a0000 årsverk (IFR-konvensjonen).",
        "Industrial robots per 10,000 full-time equivalents (the IFR convention).", decimals=0),
    KPI("automation_share", "Automatiseringsgrad", "Automation share",
        "% av produksjonstrinnene", "% of production steps", "higher", "technology",
        "automation_pct * fte", "fte",
        "Andel av produksjonstrinnene som er automatisert. Gruppetall er vektet med årsverk.",
        "Share of production steps that are automated. Group figures are weighted by FTE."),
    KPI("rnd_intensity", "FoU-intensitet", "R&D intensity",
        "% av omsetningen", "% of turnover", "higher", "rnd",
        "rnd_mnok * 100", "turnover_mnok",
        "Utgifter til forskning og utvikling i prosent av omsetningen.",
        "Research and development spend as a percentage of turnover.", decimals=2),
    KPI("export_share", "Eksportandel", "Export share",
        "% av omsetningen", "% of turnover", "higher", "world_market",
        "export_mnok * 100", "turnover_mnok",
        "Eksportinntekter i prosent av omsetningen.",
        "Export revenue as a percentage of turnover."),
    KPI("material_utilisation", "Materialutnyttelse", "Material utilisation",
        "%", "%", "higher", "sustainability",
        "material_utilisation_pct * turnover_mnok", "turnover_mnok",
        "Andel av råvarene som ender i solgte produkter." + _TURNOVER_WEIGHTED_NB,
        "Share of raw material that ends up in products sold." + _TURNOVER_WEIGHTED_EN),
    KPI("scrap_rate", "Vrakandel", "Scrap rate",
        "% av produksjonen", "% of output", "lower", "sustainability",
        "scrap_rate_pct * turnover_mnok", "turnover_mnok",
        "Andel av produksjonen som vrakes eller avvises." + _TURNOVER_WEIGHTED_NB,
        "Share of output scrapped or rejected." + _TURNOVER_WEIGHTED_EN),
    KPI("circular_input", "Sirkulære innsatsmaterialer", "Circular input",
        "% av innsatsmaterialene", "% of input materials", "higher", "sustainability",
        "recycled_input_pct * turnover_mnok", "turnover_mnok",
        "Andel resirkulerte eller tilbaketatte materialer i innsatsen." + _TURNOVER_WEIGHTED_NB,
        "Share of recycled or taken-back material in the input." + _TURNOVER_WEIGHTED_EN),
    KPI("training_hours", "Opplæring", "Training",
        "timer per årsverk", "hours per FTE", "higher", "technology",
        "training_hours", "fte",
        "Timer opplæring og kompetanseutvikling per årsverk.",
        "Hours of training and competence development per full-time equivalent."),
    KPI("h_value", "H-verdi", "H-value",
        "fraværsskader per million arbeidstimer", "lost-time injuries per million hours worked",
        "lower", "sustainability",
        "lost_time_injuries * 1000000", "hours_worked",
        "Fraværsskader per million utførte arbeidstimer (HMS).",
        "Lost-time injuries per million hours worked (health and safety)."),
)
KPIS_BY_ID = {k.id: k for k in KPIS}
DECIMALS = {k.id: k.decimals for k in KPIS}  # each KPI's shown precision
LOWER_IS_BETTER = tuple(k.id for k in KPIS if not k.higher_is_better)  # the queries rank these the other way


def kpis_for(criterion_id: str) -> tuple[KPI, ...]:
    """The KPIs that inform a criterion (none for a criterion left to the jury's judgement)."""
    return tuple(k for k in KPIS if k.criterion == criterion_id)
KPI_IDS = tuple(KPIS_BY_ID)
DEFAULT_KPI = "productivity"

# Headline KPIs, in the order the cards show them.
HEADLINE_KPIS = ("productivity", "emissions_reduction", "robot_density", "automation_share")


class UnknownIdError(ValueError):
    """A KPI, dimension or other id that is not in its allow-list."""

    def __init__(self, kind: str, value: object, allowed: tuple[str, ...]):
        self.kind, self.value, self.allowed = kind, value, allowed
        super().__init__(f"Unknown {kind} {value!r}; expected one of: {', '.join(allowed)}")


def get_kpi(kpi_id: object) -> KPI:
    """The catalogue entry for ``kpi_id``; an id outside the catalogue raises UnknownIdError."""
    if isinstance(kpi_id, str) and kpi_id in KPIS_BY_ID:
        return KPIS_BY_ID[kpi_id]
    raise UnknownIdError("KPI", kpi_id, KPI_IDS)
