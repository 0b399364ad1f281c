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
    "auth.title": ("Logg inn", "Sign in"),
    "auth.name": ("Brukernavn", "User name"),
    "auth.password": ("Passord", "Password"),
    "auth.sign_in": ("Logg inn", "Sign in"),
    "auth.sign_out": ("Logg ut", "Sign out"),
    "auth.back": ("Tilbake til dashbordet", "Back to the dashboard"),
    "auth.wrong": ("Feil brukernavn eller passord.", "Wrong user name or password."),
    "auth.too_many": ("For mange mislykkede forsøk. Prøv igjen om {minutes} min.",
                      "Too many failed attempts. Try again in {minutes} min."),
    "auth.open": ("Åpen demo: tilgangskontroll er av", "Open demo: access control is off"),
    "auth.open.short": ("Åpen demo", "Open demo"),
    "auth.role.public": ("Offentlig visning", "Public view"),
    "auth.role.company": ("Bedrift", "Company"),
    "auth.role.jury": ("Jury", "Jury"),
    "auth.role.admin": ("Administrator", "Admin"),
    "auth.forbidden": ("Denne siden er for juryen. Logg inn for å se den.",
                       "This page is for the jury. Sign in to see it."),
    "auth.companies_hidden": ("Enkeltbedrifters tall vises bare for juryen.",
                              "Individual companies' figures are shown to the jury only."),
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
    "size.small": ("under 50 årsverk", "under 50 FTE"),
    "size.medium": ("50–249 årsverk", "50–249 FTE"),
    "size.large": ("250 årsverk og mer", "250 FTE and more"),
    "status.all": ("Alle bedrifter", "All companies"),
    "status.nominated": ("Nominerte", "Nominees"),
    "status.finalist": ("Finalister", "Finalists"),
    "status.winner": ("Vinnere", "Winners"),
    "prize.any": ("Begge priser", "Both prizes"),
    "award.1": ("Nominert", "Nominee"),
    "award.2": ("Finalist", "Finalist"),
    "award.3": ("Vinner", "Winner"),
    "prize.main": ("Hovedprisen", "Main prize"),
    "prize.special": ("Spesialprisen", "Special prize"),
    "selection.all": ("alle bedrifter", "all companies"),
    "filter.title": ("Utvalg", "Selection"),
    "filter.county": ("Fylke", "County"),
    "filter.sector": ("Bransje", "Sector"),
    "filter.years": ("År", "Years"),
    "filter.size": ("Størrelse", "Size"),
    "filter.ownership": ("Eierskap", "Ownership"),
    "ownership.norwegian": ("norskeid", "Norwegian-owned"),
    "ownership.foreign": ("utenlandskeid", "foreign-owned"),
    "filter.status": ("Status i prisen", "Award status"),
    "filter.prize": ("Pris", "Prize"),
    "filter.all_counties": ("Alle fylker", "All counties"),
    "filter.all_sectors": ("Alle bransjer", "All sectors"),
    "filter.reset": ("Nullstill", "Reset"),
    "filter.dropped": (
        "Noe i lenken ble ikke forstått og er utelatt: {items}.",
        "Some of the link was not understood and is left out: {items}.",
    ),
    "play.start": ("▶ Spill av årene", "▶ Play the years"),
    "play.stop": ("⏸ Stopp", "⏸ Stop"),
    "explorer.lead.selection": ("{year} · {selection}", "{year} · {selection}"),
    "empty.selection": (
        "Ingen bedrifter passer utvalget ({selection}). Fjern et filter eller velg flere år.",
        "No companies match this selection ({selection}). Remove a filter or widen the years.",
    ),
    "map.title": ("{kpi} etter fylke, {year}", "{kpi} by county, {year}"),
    "map.note": ("Klikk et fylke for å velge det.", "Click a county to select it."),
    "map.nodata": ("ingen data", "no data"),
    "sector.title": ("{kpi} etter bransje, {year}", "{kpi} by sector, {year}"),
    "sector.note": ("Beste øverst. Klikk en stolpe for å velge bransjen.",
                    "Best at the top. Click a bar to select the sector."),
    "trend.title": ("{kpi}, {first}–{last}", "{kpi}, {first}–{last}"),
    "trend.selection": ("Utvalget", "Selection"),
    "trend.all": ("Alle bedrifter", "All companies"),
    "trend.winners": ("Vinnernivå", "Winners' level"),
    "trend.note": ("Vinnernivå: hvert års prisvinnere (begge priser) samlet, i året de vant; senere "
                   "vinnere teller ikke.",
                   "Winners' level: each year's prize winners (both prizes) taken together, in the "
                   "year they won; later winners do not count."),
    "scatter.title": ("Produktivitet mot utslippsintensitet, {year}",
                      "Productivity against emissions intensity, {year}"),
    "scatter.note": (
        "Én boble per bedrift; størrelse = årsverk, farge = bransje. Logaritmisk x-akse. "
        "Klikk en boble for detaljer.",
        "One bubble per company; size = FTE, colour = sector. Logarithmic x axis. "
        "Click a bubble for details.",
    ),
    "scatter.capped": ("Viser de {shown} største av {total} bedrifter.",
                       "Showing the {shown} largest of {total} companies."),
    "common.source": ("Kilde: syntetiske demodata. Gruppetall er forholdstall av summer.",
                      "Source: synthetic demo data. Group figures are ratios of sums."),
    "common.companies": ("bedrifter", "companies"),
    "common.fte": ("årsverk", "FTE"),
    "table.title": ("Bedriftene i utvalget, {year}", "Companies in the selection, {year}"),
    "table.count": ("{shown} av {total} bedrifter, sortert etter {kpi}. Klikk en rad for detaljer.",
                    "{shown} of {total} companies, sorted by {kpi}. Click a row for details."),
    "table.download": ("Last ned CSV", "Download CSV"),
    "col.name": ("Bedrift", "Company"),
    "col.org_nr": ("Org.nr.", "Org. no."),
    "col.county": ("Fylke", "County"),
    "col.sector": ("Bransje", "Sector"),
    "col.fte": ("Årsverk", "FTE"),
    "col.status": ("I prisen", "Award"),
    "company.title": ("{name}", "{name}"),
    "company.facts": ("Org.nr. {org_nr} · {county} · {sector} · grunnlagt {founded}",
                      "Org. no. {org_nr} · {county} · {sector} · founded {founded}"),
    "company.history": ("{kpi} over tid", "{kpi} over time"),
    "company.company": ("Bedriften", "The company"),
    "company.sector_median": ("Median i bransjen", "Sector median"),
    "company.rank": ("Plass blant bransjekolleger, {year}", "Rank among sector peers, {year}"),
    "company.rank_of": ("{rank} av {n}", "{rank} of {n}"),
    "company.value": ("Verdi", "Value"),
    "company.median": ("Bransjemedian", "Sector median"),
    "company.not_found": ("Fant ingen bedrift med det organisasjonsnummeret.",
                          "No company has that organisation number."),
    "company.close": ("Lukk", "Close"),
    "company.nominations": ("Nominasjoner: {items}", "Nominations: {items}"),
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
    "compare.lead": (
        "Velg opptil {n} bedrifter og sammenlign dem på alle nøkkeltall og på juryens kriterier.",
        "Pick up to {n} companies and compare them on every key figure and on the jury's criteria.",
    ),
    "compare.year": ("Prisår", "Award year"),
    "compare.prize": ("Pris", "Prize"),
    "compare.status": ("Vis i listen", "List"),
    "compare.status.all": ("Alle bedrifter", "All companies"),
    "compare.companies": ("Bedrifter (søk på navn eller org.nr.)", "Companies (search by name or org. no.)"),
    "compare.add_finalists": ("Legg til alle finalister", "Add all finalists"),
    "compare.too_many": ("Høyst {n} bedrifter om gangen; resten er utelatt.",
                         "At most {n} companies at a time; the rest are left out."),
    "compare.empty": ("Velg bedrifter for å sammenligne dem.", "Pick companies to compare them."),
    "compare.weights": ("Vekt på kriteriene", "Weight of the criteria"),
    "compare.judgement": ("Juryens skjønn (ikke med i poengsummen): {items}.",
                          "Jury judgement (not in the computed score): {items}."),
    "compare.rule": (
        "Slik regnes poengsummen: hvert nøkkeltall blir en persentil blant årets nominerte til "
        "prisen (andelen av de andre nominerte bedriften gjør det bedre enn; likt teller halvt; "
        "bedriften selv telles ikke med, som på benchmark-siden). Et kriterium får "
        "snittet av persentilene for sine nøkkeltall, og totalen er det vektede snittet av "
        "kriteriene. Et manglende nøkkeltall teller verken for eller mot: det holdes utenfor både "
        "summen og vektene.",
        "How the score is computed: each key figure becomes a percentile among the year's nominees "
        "for the prize (the share of the other nominees the company does better than; a tie counts "
        "half; the company itself is not counted, as on the benchmark page). A "
        "criterion gets the mean of its key figures' percentiles, and the total is the weighted "
        "mean of the criteria. A missing key figure neither helps nor hurts: it is left out of both "
        "the sum and the weights.",
    ),
    "compare.ranking": ("Rangering etter kriteriene", "Ranking on the criteria"),
    "compare.rank": ("Plass", "Rank"),
    "compare.company": ("Bedrift", "Company"),
    "compare.total": ("Poeng (0–100)", "Score (0–100)"),
    "compare.stability": ("Stabilitet", "Stability"),
    "compare.stability.help": (
        "Hvor mange plasser bedriften flytter seg, høyst, når én vekt endres med ±50 %.",
        "How many places the company moves, at most, when any one weight changes by ±50%.",
    ),
    "compare.stable": ("stabil", "stable"),
    "compare.moves": ("±{n}", "±{n}"),
    "compare.unranked": ("ingen tall", "no figures"),
    "compare.table": ("Alle nøkkeltall, {year}", "Every key figure, {year}"),
    "compare.table.help": (
        "Under hver verdi: persentil blant årets nominerte til {prize} · persentil i bransjen. "
        "Persentilen er andelen av de andre bedriftene i gruppen som bedriften gjør det bedre enn "
        "(likt teller halvt); bedriften selv telles ikke med.",
        "Under each value: percentile among the year's nominees for the {prize} · percentile in the "
        "sector. A percentile is the share of the other companies in the group that the company does "
        "better than (a tie counts half); the company itself is not counted.",
    ),
    "compare.pct": ("P{nominees} nominerte · P{sector} bransje", "P{nominees} nominees · P{sector} sector"),
    "compare.view": ("Vis", "Show"),
    "compare.view.change": ("Endring siden første år", "Change since first year"),
    "compare.view.level": ("Nivå", "Level"),
    "compare.multiples.change": ("Endring siden bedriftens første rapporterte år",
                                 "Change since the company's first reported year"),
    "compare.multiples.level": ("Nøkkeltallene over tid", "The key figures over time"),
    "compare.multiples.note": (
        "Prisen belønner framgang, ikke bare nivå. Endring er i nøkkeltallets egen enhet. "
        "Kilde: syntetiske demodata.",
        "The award rewards progress, not only level. Change is in the key figure's own unit. "
        "Source: synthetic demo data.",
    ),
    "compare.radar.title": ("Profil: persentil på hvert nøkkeltall", "Profile: percentile on every key figure"),
    "compare.radar.subtitle": ("0 = svakest, 100 = sterkest blant de nominerte", "0 = weakest, 100 = strongest among the nominees"),
    "compare.radar.note": ("Persentil blant de andre nominerte til {prize} samme år (bedriften selv "
                           "telles ikke med). Kilde: syntetiske demodata.",
                           "Percentile among the year's other nominees for the {prize} (the company "
                           "itself is not counted). Source: synthetic demo data."),
    "compare.csv": ("Last ned tabellen (CSV)", "Download the table (CSV)"),
    "compare.print": ("Skriv ut (A4 liggende)", "Print (A4 landscape)"),
    "compare.special_mode": (
        "Spesialprisen: for oppstartsbedrifter med få år med tall, rangert på spesialprisens kriterier.",
        "Special prize: for start-ups with few years of figures, ranked on the special prize's criteria.",
    ),
    "benchmark.title": ("Benchmark mot andre", "Benchmark against peers"),
    "benchmark.lead": (
        "Se hvor en bedrift står blant sammenlignbare bedrifter. Ingen annen bedrifts navn eller tall "
        "vises: bare samletall fra minst {n} bedrifter, og aldri et tall én bedrift dominerer.",
        "See where a company stands among comparable companies. No other company's name or figures "
        "are shown: only aggregates of at least {n} companies, and never a figure one company dominates.",
    ),
    "benchmark.mode": ("Hvem sammenlignes", "Who is compared"),
    "benchmark.mode.company": ("En bedrift i databasen", "A company in the database"),
    "benchmark.mode.typed": ("Egne tall (lagres ikke)", "Your own figures (not stored)"),
    "benchmark.query": ("Organisasjonsnummer eller fullt bedriftsnavn", "Organisation number or full company name"),
    "benchmark.fetch": ("Hent", "Look up"),
    "benchmark.not_found": ("Fant ingen bedrift med det nummeret eller navnet.",
                            "No company has that number or name."),
    "benchmark.subject": ("{name} · {sector} · {county} · {fte} årsverk", "{name} · {sector} · {county} · {fte} FTE"),
    "benchmark.typed_subject": ("Egne tall · {sector} · {county} · {fte} årsverk", "Your figures · {sector} · {county} · {fte} FTE"),
    "benchmark.typed_note": (
        "Tallene du skriver inn brukes bare til denne beregningen. De lagres ikke og logges ikke.",
        "The figures you type are used for this calculation only. They are not stored or logged.",
    ),
    "benchmark.year": ("År", "Year"),
    "benchmark.peers": ("Sammenlignes med", "Compared with"),
    "benchmark.same_sector": ("samme bransje", "same sector"),
    "benchmark.same_county": ("samme fylke", "same county"),
    "benchmark.same_size": ("samme størrelse", "same size"),
    "benchmark.group": ("Sammenligningsgruppe: {n} bedrifter ({what}).", "Peer group: {n} companies ({what})."),
    "benchmark.group.all": ("all industri i hele Norge", "all manufacturing in all of Norway"),
    "benchmark.widen": (
        "Noen tall er skjult fordi gruppen er for liten eller domineres av én bedrift. Fjern et kryss "
        "over for å sammenligne med en bredere gruppe.",
        "Some figures are hidden because the group is too small or dominated by one company. Untick "
        "a box above to compare with a wider group.",
    ),
    "benchmark.pick": ("Velg en bedrift eller skriv inn egne tall.", "Pick a company or type your own figures."),
    "benchmark.col.subject": ("Bedriften", "Subject"),
    "benchmark.col.pct": ("Persentil", "Percentile"),
    "benchmark.col.quartiles": ("Kvartiler (25 · 50 · 75)", "Quartiles (25 · 50 · 75)"),
    "benchmark.col.top_decile": ("Beste tiendedel", "Top decile"),
    "benchmark.col.group": ("Gruppen samlet", "Group total"),
    "benchmark.col.winners": ("Vinnernivå", "Winners' level"),
    "benchmark.col.gap": ("Avstand til beste kvartil", "Gap to top quartile"),
    "benchmark.in_top": ("i beste kvartil", "in the top quartile"),
    "benchmark.suppressed.too_few": ("skjult: færre enn {n} bedrifter", "hidden: fewer than {n} companies"),
    "benchmark.suppressed.dominated": ("skjult: én bedrift dominerer", "hidden: one company dominates"),
    "benchmark.suppressed.overlap": ("skjult: ville avsløre en bedrift sammen med en annen gruppe",
                                     "hidden: would single out a company together with another group"),
    "benchmark.band.below_p25": ("svakeste kvartil", "lowest quarter"),
    "benchmark.band.p25_p50": ("nest svakeste kvartil", "second quarter"),
    "benchmark.band.p50_p75": ("nest beste kvartil", "third quarter"),
    "benchmark.band.p75_p90": ("beste kvartil", "top quarter"),
    "benchmark.band.above_p90": ("beste tiendedel", "top tenth"),
    "benchmark.typed_band": (
        "Egne tall plasseres i et intervall mellom publiserte kvartiler, ikke på en nøyaktig persentil.",
        "Typed figures are placed in a band between published quartiles, not at an exact percentile.",
    ),
    "benchmark.too_many": (
        "For mange beregninger med egne tall fra din adresse. Vent noen minutter (grensen gjelder {minutes} "
        "minutter) og prøv igjen.",
        "Too many calculations with typed figures from your address. Wait a few minutes (the limit covers "
        "{minutes} minutes) and try again.",
    ),
    "disclosure.public_rules": (
        "Offentlige tall viser grupper av minst {n} bedrifter som rapporterer nøkkeltallet: hele landet, "
        "ett fylke, én bransje og én størrelse (eller alle). Et tall skjules når én bedrift har over {share} % "
        "av summen, eller når det sammen med et annet publisert tall ville skille ut færre enn {n} "
        "bedrifter. Flere fylker eller bransjer samtidig, valg av eier og grupper av nominerte vises bare for juryen. "
        "Kvartiler er snittet av de {w} bedriftene nærmest kvartilen, og alle tall er avrundet slik de vises.",
        "Public figures show groups of at least {n} companies that report the key figure: all of Norway, "
        "one county, one sector and one size (or all). A figure is hidden where one company holds over "
        "{share} % of the total, or where, with another published figure, it would single out fewer than {n} "
        "companies. Several counties or sectors at once, a choice of owner and groups of nominees are for the jury only. "
        "Quartiles are the mean of the {w} companies nearest the quartile, and every figure is rounded as "
        "shown.",
    ),
    "benchmark.missing": ("ikke rapportert", "not reported"),
    "benchmark.table": ("Nøkkeltall mot sammenligningsgruppen, {year}", "Key figures against the peer group, {year}"),
    "benchmark.table.help": (
        "Persentil: andelen av de andre bedriftene i gruppen som bedriften gjør det bedre enn (likt "
        "teller halvt); bedriften selv telles ikke med, som på sammenligningssiden. Beste kvartil og "
        "tiendedel følger retningen til hvert nøkkeltall. Beste kvartil er grensen for gruppens beste "
        "fjerdedel, interpolert mellom bedriftenes verdier, så i en liten gruppe kan en bedrift nå den "
        "med en persentil under 75. Avstanden til beste kvartil regnes av de uavrundede tallene og "
        "avrundes én gang, så den kan avvike med én i siste siffer fra differansen mellom de avrundede "
        "tallene i tabellen. Vinnernivå: median blant prisvinnerne (begge priser) fra årene til og med "
        "{year}, hver i sitt vinnerår; senere vinnere teller ikke.",
        "Percentile: the share of the other companies in the group that the company does better than "
        "(a tie counts half); the company itself is not counted, as on the compare page. Top quartile "
        "and decile follow each key figure's direction. The top quartile is the boundary of the "
        "group's best quarter, interpolated between companies' values, so in a small group a company "
        "can reach it with a percentile under 75. The gap to the top quartile is computed from the "
        "unrounded figures and rounded once, so it can differ by one in the last digit from the "
        "difference of the rounded figures in the table. Winners' level: the median of the prize "
        "winners (both prizes) of the years up to and including {year}, each in its winning year; "
        "later winners do not count.",
    ),
    "benchmark.strip.title": ("Hvor bedriften står på hvert nøkkeltall", "Where the company stands on every key figure"),
    "benchmark.strip.subtitle": ("persentil i sammenligningsgruppen; båndene er midtre halvdel og 10–90 %",
                                 "percentile in the peer group; bands are the middle half and 10–90%"),
    "benchmark.strip.note": ("Til høyre er bedre. Skjulte tall vises ikke. Kilde: syntetiske demodata.",
                             "Right is better. Hidden figures are not drawn. Source: synthetic demo data."),
    "benchmark.radar.title": ("Bedriften mot medianen og beste kvartil", "The company against the median and the top quartile"),
    "benchmark.radar.median": ("Median (50)", "Median (50)"),
    "benchmark.radar.top": ("Beste kvartil (75)", "Top quartile (75)"),
    "benchmark.trend.title": ("{kpi}: bedriften mot gruppens median", "{kpi}: the company against the peer median"),
    "benchmark.trend.median": ("Median i gruppen", "Peer median"),
    "benchmark.trend.kpi": ("Nøkkeltall over tid", "Key figure over time"),
    "benchmark.report": ("Last ned rapport", "Download report"),
    "benchmark.report.lang": ("Rapportens språk", "Report language"),
    "benchmark.report.title": ("Benchmark-rapport", "Benchmark report"),
    "benchmark.report.generated": ("Laget {date}", "Made {date}"),
    "benchmark.report.busy": ("Serveren lager en annen rapport nå. Prøv igjen om noen sekunder.",
                              "The server is making another report. Try again in a few seconds."),
    "benchmark.report.too_many": ("For mange rapporter på kort tid. Prøv igjen om et minutt.",
                                  "Too many reports in a short time. Try again in a minute."),
    "benchmark.what": (
        "se hvor en bedrift står blant sammenlignbare bedrifter, uten å vise andres tall.",
        "see where a company stands among its peers, without showing anyone else's figures.",
    ),
    "present.title": ("Presentasjon", "Presentation"),
    "present.headline.title": ("Norsk industri {year}", "Norwegian industry {year}"),
    "present.headline.nominees": ("nominerte bedrifter", "nominated companies"),
    "present.headline.fte": ("årsverk i bedriftene", "full-time equivalents"),
    "present.headline.exports": ("mrd. kr i eksport", "NOK billion in exports"),
    "present.headline.cut": ("% lavere utslipp enn i bedriftenes basisår", "% lower emissions than in the companies' baseline years"),
    "present.map.title": ("Produktivitet i fylkene, {year}", "Productivity across the counties, {year}"),
    "present.scatter.title": ("Mer verdi, mindre utslipp: bransjene {first}–{last}", "More value, less emissions: the sectors {first}–{last}"),
    "present.scatter.note": ("Én boble per bransje; størrelse = årsverk. Logaritmisk x-akse.",
                             "One bubble per sector; size = FTE. Logarithmic x axis."),
    "present.automation.title": ("Automatiseringen skyter fart", "Automation takes off"),
    "present.automation.robots": ("roboter per 10 000 årsverk", "robots per 10,000 FTE"),
    "present.sectors.title": ("Bransjene i {year}", "The sectors in {year}"),
    "present.sectors.best": ("Høyest {kpi}: {sector}", "Highest {kpi}: {sector}"),
    "present.finalists.title": ("Årets finalister", "This year's finalists"),
    "present.winner.title": ("Og vinneren er …", "And the winner is …"),
    "present.winner.hint": ("Trykk R for å avsløre", "Press R to reveal"),
    "present.winner.special": ("Spesialprisen", "The special prize"),
    "present.winner.main": ("Norges smarteste industribedrift {year}", "Norway's smartest industrial company {year}"),
    "present.fame.title": ("Tidligere vinnere", "Hall of fame"),
    "present.fame.real": ("Vinnere av hovedprisen", "Winners of the main prize"),
    "present.fame.demo": ("Oppdiktede demovinnere", "Invented demo winners"),
    "present.closing.title": ("Takk!", "Thank you!"),
    "present.closing.body": ("Norges smarteste industribedrift deles ut av Norsk Industri og Siemens.",
                             "Norway's smartest industrial company is awarded by Norsk Industri and Siemens."),
    "present.keys": ("→ neste · ← forrige · F fullskjerm · P pause · R avslør", "→ next · ← back · F full screen · P pause · R reveal"),
    "present.paused": ("Pause", "Paused"),
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
    "data.catalogue": ("Nøkkeltallene", "The key figures"),
    "data.coverage": ("Dekning", "Coverage"),
    "data.coverage.year": ("Bedrifter per år", "Companies per year"),
    "data.coverage.county": ("Bedrifter per fylke, {year}", "Companies per county, {year}"),
    "data.coverage.sector": ("Bedrifter per bransje, {year}", "Companies per sector, {year}"),
    "data.coverage.missing": ("Andel ukjente verdier per måltall", "Share of unknown values per measure"),
    "data.col.year": ("År", "Year"),
    "data.col.companies": ("Bedrifter", "Companies"),
    "data.col.counties": ("Fylker", "Counties"),
    "data.col.sectors": ("Bransjer", "Sectors"),
    "data.col.measure": ("Måltall", "Measure"),
    "data.col.missing": ("Ukjent", "Unknown"),
    "data.loads": ("Innlastinger", "Load history"),
    "data.loads.none": ("Ingen filer er importert i denne databasen.", "No files have been imported into this database."),
    "data.col.file": ("Fil", "File"),
    "data.col.checksum": ("Sjekksum (SHA-256)", "Checksum (SHA-256)"),
    "data.col.added": ("Nye rader", "Rows added"),
    "data.col.changed": ("Endrede rader", "Rows changed"),
    "data.col.when": ("Tidspunkt (UTC)", "Time (UTC)"),
    "data.import": ("Importere data", "Importing data"),
    "data.import.body": (
        "Last ned malen, fyll inn ett år per rad og importer med «make ingest FILE=fil.csv». Alle rader "
        "kontrolleres før noe skrives; feil meldes som FIL:RAD: kolonne: årsak.",
        "Download the template, fill in one year per row and import with “make ingest FILE=file.csv”. Every "
        "row is checked before anything is written; problems are reported as FILE:ROW: column: reason.",
    ),
    "data.template.csv": ("Mal (CSV)", "Template (CSV)"),
    "data.template.xlsx": ("Mal (Excel)", "Template (Excel)"),
    "data.definition": ("Definisjon", "Definition"),
    "data.formula": ("Formel", "Formula"),
    "data.unit": ("Enhet", "Unit"),
    "data.direction": ("Bedre når", "Better when"),
    "data.criterion": ("Juryens kriterium", "Jury criterion"),
    "direction.higher": ("høyere", "higher"),
    "direction.lower": ("lavere", "lower"),
}

# AG Grid's own texts (filter menus, pagination) in Norwegian.
AG_GRID_NB = {
    "filterOoo": "Filtrer …", "searchOoo": "Søk …", "contains": "Inneholder",
    "notContains": "Inneholder ikke", "equals": "Er lik", "notEqual": "Er ikke lik",
    "startsWith": "Begynner med", "endsWith": "Slutter med", "blank": "Tom", "notBlank": "Ikke tom",
    "lessThan": "Mindre enn", "greaterThan": "Større enn", "lessThanOrEqual": "Mindre enn eller lik",
    "greaterThanOrEqual": "Større enn eller lik", "inRange": "Mellom", "inRangeStart": "Fra",
    "inRangeEnd": "Til", "andCondition": "OG", "orCondition": "ELLER", "applyFilter": "Bruk",
    "resetFilter": "Nullstill", "clearFilter": "Tøm", "cancelFilter": "Avbryt",
    "noRowsToShow": "Ingen bedrifter passer utvalget", "loadingOoo": "Laster …", "page": "Side",
    "of": "av", "to": "til", "more": "flere", "next": "Neste", "previous": "Forrige",
    "first": "Første", "last": "Siste", "firstPage": "Første side", "lastPage": "Siste side",
    "nextPage": "Neste side", "previousPage": "Forrige side", "pageSizeSelectorLabel": "Rader per side:",
    "selectAll": "Velg alle", "ariaFilterInput": "Filter",
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
