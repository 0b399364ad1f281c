"""What 2, 5 and 8 mean on each criterion the jury scores (1 to 10), so that jurors score alike.

2 is weak, little evidence; 5 is solid, on par with good Norwegian industry; 8 is outstanding, among
the best. The scores between and beyond them are read against these three. Each anchor names what a
juror can see in the company's application, figures or visit.

Anchors are keyed by (prize, criterion): the special prize, for start-ups, reuses the ids
"technology" and "sustainability" with its own wording, and a start-up is judged on what it has built
so far. Where a criterion has key figures (``kpis.kpis_for``), the anchors name them, but the figures
are a starting point: the jury judges the criterion as a whole (``data_note``).
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.i18n import localized
from dashboard.kpis import kpis_for


@dataclass(frozen=True)
class Anchor:
    """What one score means on one criterion."""

    score: int  # 2, 5 or 8
    nb: str
    en: str

    def text(self, lang: str) -> str:
        return localized(self, lang)


@dataclass(frozen=True)
class Note:
    """A text beside a criterion's anchors."""

    nb: str
    en: str

    def text(self, lang: str) -> str:
        return localized(self, lang)


SCORES = (2, 5, 8)


def _levels(weak: tuple[str, str], solid: tuple[str, str],
            outstanding: tuple[str, str]) -> tuple[Anchor, Anchor, Anchor]:
    return tuple(Anchor(score, nb, en) for score, (nb, en) in zip(SCORES, (weak, solid, outstanding)))


ANCHORS: dict[tuple[str, str], tuple[Anchor, Anchor, Anchor]] = {
    # The main prize, for established industrial companies.
    ("main", "innovative"): _levels(
        ("Få nye produkter eller prosesser de siste årene; endringer kommer mest når kundene krever det.",
         "Few new products or processes in recent years; change comes mostly when customers demand it."),
        ("Lanserer jevnlig forbedrede produkter eller prosesser, og har en fast måte å ta i bruk nye ideer på.",
         "Regularly launches improved products or processes, with a set way of putting new ideas to use."),
        ("Har skapt produkter, prosesser eller forretningsmodeller som resten av bransjen nå følger etter.",
         "Has created products, processes or business models that the rest of the industry now follows."),
    ),
    ("main", "sustainability"): _levels(
        ("Utslipp, energibruk og vraking måles knapt, og det finnes verken mål eller plan for å få dem ned.",
         "Emissions, energy use and scrap are barely measured, with neither targets nor a plan to cut them."),
        ("Utslipp, energibruk, vrakandel og H-verdi på linje med bransjen, med tallfestede mål og jevn bedring.",
         "Emissions, energy use, scrap rate and H-value on par with the sector, with set targets and steady gains."),
        ("Blant de beste i bransjen på utslipp, energi og materialbruk, med store kutt og sirkulære materialstrømmer.",
         "Among the sector's best on emissions, energy and materials, with large cuts and circular material flows."),
    ),
    ("main", "technology"): _levels(
        ("Lite automatisering og få digitale verktøy, nesten ingen roboter, og lite planlagt opplæring.",
         "Little automation and few digital tools, hardly any robots, and little planned training."),
        ("Robottetthet og automatiseringsgrad på nivå med norsk industri, og en opplæringsplan for alle ansatte.",
         "Robot density and automation on par with Norwegian industry, and a training plan for all staff."),
        ("Automatisering, data og KI i hele verdikjeden, robottetthet helt i toppen og sterk kompetanseheving.",
         "Automation, data and AI across the value chain, robot density near the top, and strong upskilling."),
    ),
    ("main", "productivity"): _levels(
        ("Verdiskaping per årsverk klart under bransjesnittet, og ingen plan for å løfte den.",
         "Value added per FTE well below the sector average, and no plan to raise it."),
        ("Verdiskaping per årsverk på nivå med bransjen, og stigende de siste årene.",
         "Value added per FTE on par with the sector, and rising over recent years."),
        ("Verdiskaping per årsverk blant de beste i bransjen, og en klar plan for å holde den.",
         "Value added per FTE among the best in the sector, and a clear plan to keep it there."),
    ),
    ("main", "uniqueness"): _levels(
        ("Produktene ligner konkurrentenes og konkurrerer mest på pris.",
         "The products resemble competitors' and compete mainly on price."),
        ("Har et tydelig særpreg i produkt, kvalitet eller leveranse som kundene er villige til å betale for.",
         "Has a clear edge in product, quality or delivery that customers are willing to pay for."),
        ("Gjør noe få eller ingen andre i verden får til, og har en posisjon som er vanskelig å kopiere.",
         "Does something few or none in the world can do, and holds a position that is hard to copy."),
    ),
    ("main", "rnd"): _levels(
        ("FoU-utgifter godt under industrisnittet på om lag 1,4\u00a0% av omsetningen, og ingen faste prosjekter.",
         "R&D spend well below the industry average of about 1.4% of turnover, and no ongoing projects."),
        ("FoU-intensitet rundt industrisnittet, med faste prosjekter sammen med forskningsmiljøer.",
         "R&D intensity around the industry average, with ongoing projects together with research partners."),
        ("FoU-intensitet blant de høyeste i bransjen, og forskningen gir nye produkter og patenter.",
         "R&D intensity among the highest in the sector, and the research yields new products and patents."),
    ),
    ("main", "cost_level"): _levels(
        ("Verdiskapingen dekker så vidt lønnskostnadene, og produksjonen kan lett flyttes til lavkostland.",
         "Value added barely covers the wage bill, and production could easily move to low-cost countries."),
        ("Verdiskaping per lønnskrone på nivå med bransjen; produksjonen er lønnsom med norske lønninger.",
         "Value added per wage krone on par with the sector; production pays its way at Norwegian wages."),
        ("Verdiskaping per lønnskrone blant de beste; slår lavkostland og henter produksjon hjem til Norge.",
         "Value added per wage krone among the best; beats low-cost countries and brings production home."),
    ),
    ("main", "world_market"): _levels(
        ("Selger nesten bare i Norge, med lav eksportandel og ingen plan for å nå kunder i utlandet.",
         "Sells almost only in Norway, with a low export share and no plan to reach customers abroad."),
        ("Eksportandel på nivå med norsk industri (rundt 40\u00a0%), med faste kunder i flere land.",
         "Export share on par with Norwegian industry (about 40%), with regular customers in several countries."),
        ("Høy og voksende eksportandel, og blant verdens ledende leverandører i sin nisje.",
         "A high and growing export share, and among the leading suppliers in its niche worldwide."),
    ),
    ("main", "world_problems"): _levels(
        ("Produktene har liten tydelig virkning på store utfordringer som klima, helse, mat eller energi.",
         "The products have little clear effect on big challenges such as climate, health, food or energy."),
        ("Produktene bidrar målbart til å løse en stor utfordring, for eksempel lavere utslipp hos kundene.",
         "The products help measurably with a big challenge, for example lower emissions for customers."),
        ("Produktene løser et globalt problem i stor skala, med dokumentert virkning i mange land.",
         "The products solve a global problem at scale, with documented effect in many countries."),
    ),
    # The special prize, for start-ups: judged on what they have built so far.
    ("special", "unique_idea"): _levels(
        ("Forretningsideen ligner det som allerede finnes, uten et tydelig problem den løser bedre.",
         "The business idea resembles what already exists, with no clear problem it solves better."),
        ("En tydelig og ny idé for et reelt behov, bekreftet av de første kundene eller pilotene.",
         "A clear, new idea for a real need, confirmed by the first customers or pilots."),
        ("En idé som kan endre en bransje, er vanskelig å kopiere og har betalende kunder eller sterk etterspørsel.",
         "An idea that could change an industry, is hard to copy and has paying customers or strong demand."),
    ),
    ("special", "technology"): _levels(
        ("Teknologien er fortsatt på idéstadiet, uten prototype eller plan for digitalisert produksjon.",
         "The technology is still at the idea stage, with no prototype or plan for digitalised production."),
        ("Fungerende prototype eller pilotproduksjon, med automatisering og digitale verktøy fra start.",
         "A working prototype or pilot line, with automation and digital tools from the start."),
        ("Egen teknologi i drift, med datadrevet produksjon og automatiseringsgrad over etablert industri.",
         "Own technology in operation, with data-driven production and more automation than established industry."),
    ),
    ("special", "sustainability"): _levels(
        ("Bærekraft nevnes, men uten tall for utslipp, energi eller materialbruk, og uten plan for dem.",
         "Sustainability is mentioned, but without figures on emissions, energy or materials, or a plan for them."),
        ("Måler utslipp, energi og materialbruk fra start, og produktet gir kundene merkbart lavere utslipp.",
         "Measures emissions, energy and materials from the start, and the product clearly cuts customers' emissions."),
        ("Selve forretningsideen driver det grønne skiftet, med store, dokumenterte utslippskutt hos kundene.",
         "The business idea itself drives the green shift, with large, documented emission cuts for customers."),
    ),
}

WHOLE = Note("Nøkkeltallene er et utgangspunkt; juryen vurderer kriteriet som en helhet.",
             "The key figures are a starting point; the jury judges the criterion as a whole.")


def anchors(prize: str, criterion: str) -> tuple[Anchor, ...]:
    """The anchors for 2, 5 and 8 on ``criterion`` of ``prize`` ("main" or "special"), in that
    order; an unknown prize or criterion raises KeyError."""
    return ANCHORS[(prize, criterion)]


def data_note(prize: str, criterion: str) -> Note | None:
    """The reminder that the figures do not decide the score, for a criterion with key figures;
    None for one left wholly to the jury's judgement. Unknown (prize, criterion): KeyError."""
    anchors(prize, criterion)
    return WHOLE if kpis_for(criterion) else None
