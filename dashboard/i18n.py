"""Every user-facing text in Norwegian Bokmål (the default) and English, and how each language
writes numbers, dates and CSV files: the one module that knows which languages there are.

In nb, numbers are written ``1 234 567,8`` (a no-break space groups thousands, a comma marks the
decimals) and dates ``26.11.2026``; in en, ``1,234,567.8`` and ``26 Nov 2026``.

Nothing outside this module compares language codes. It asks: ``t`` and ``tn`` for texts,
``fmt_number`` and ``fmt_date`` for numbers and dates, ``column`` and ``localized`` for the name
columns of the data files and the labels of the KPI catalogue, ``csv_format``, ``ag_grid_texts``,
``dropdown_labels`` (Dash's dropdowns' own texts), ``plotly_separators`` and ``plotly_locale`` (charts),
``lang_arg`` (the language in an address) and ``client_config`` (the same facts for the browser's
JavaScript). ``normalize_lang`` is the one place a language code from outside is checked. Another
language is a column of ``TEXTS``, an entry in ``LANGUAGES``, and name columns in the data files
and the catalogue.

Plurals: a text that goes with a count has one form per plural form of the language, as gettext's
``Plural-Forms`` has them (nb and en: one for exactly 1, one for anything else, 0 included), and
``tn(key, n, lang)`` picks the form for ``n``: "1 bedrift", "2 bedrifter", "0 companies".
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

DEFAULT_LANG = "nb"
NBSP = "\u00a0"
MINUS = "\u2212"

# key: (nb, en), in the order of LANGS. A text that goes with a count may instead have a tuple of
# plural forms per language, in the order of the language's plural rule (``tn`` picks one).
Text = str | tuple[str, ...]
TEXTS: dict[str, tuple[Text, ...]] = {
    "app.title": ("Norges smarteste industribedrift", "Norway's smartest industrial company"),
    "app.subtitle": ("KPI-dashbord", "KPI dashboard"),
    "nav.explorer": ("Utforsk", "Explore"),
    "nav.compare": ("Sammenlign", "Compare"),
    "nav.benchmark": ("Benchmark", "Benchmark"),
    "nav.present": ("Presenter", "Present"),
    "nav.data": ("Data", "Data"),
    "nav.jury": ("Jury", "Jury"),
    "embed.open": ("Åpne i dashbordet", "Open in the dashboard"),
    "image.svg": ("Last ned som SVG (1600 × 900)", "Download as SVG (1600 × 900)"),
    "image.png": ("Last ned som PNG (1600 × 900)", "Download as PNG (1600 × 900)"),
    "share.copied": ("Kopiert", "Copied"),
    "og.explorer": ("{kpi} etter fylke og bransje, {year} · {selection}. Nøkkeltall fra nominerte og andre "
                    "industribedrifter.",
                    "{kpi} by county and sector, {year} · {selection}. Key figures of the nominees and other "
                    "industrial companies."),
    "og.compare": ("Juryens arbeidsflate: nominerte side om side og rangert på prisens kriterier.",
                   "The jury's workspace: nominees side by side and ranked on the award's criteria."),
    "og.benchmark": ("Se hvor din bedrift står blant sammenlignbare industribedrifter, uten å se noen andres tall.",
                     "See where your company stands among comparable industrial companies, without seeing anyone's "
                     "own figures."),
    "og.present": ("Årets historie om norsk industri, i lysbilder.", "The year's story of Norwegian industry, in slides."),
    "og.data": ("Hvordan nøkkeltallene er definert, hvilke data som finnes, og hvordan data lastes inn.",
                "How the key figures are defined, what data there is, and how data is imported."),
    "og.jury": ("Juryens egne vurderinger, ved siden av dataene.", "The jury's own scores, beside the data."),
    "share.chart.map": ("kart", "map"),
    "share.chart.sectors": ("bransjer", "sectors"),
    "share.chart.trend": ("utvikling", "trend"),
    "share.chart.scatter": ("bedrifter", "companies"),
    "share.button": ("Del / bygg inn", "Share / embed"),
    "share.link": ("Lenke til visningen", "Link to this view"),
    "share.embed": ("Bygg inn på en nettside (iframe)", "Embed in a web page (iframe)"),
    "share.embed.help": (
        "Den innebygde figuren viser det offentligheten ser (grupper for små til å publiseres er utelatt), med "
        "tittel, enhet, utvalg og kilde, for årene valgt her, og tilpasser seg rammen. Nettstedet må være "
        "tillatt i FRAME_ANCESTORS.",
        "The embedded chart shows what the public sees (groups too small to publish are left out), with its "
        "title, unit, selection and source, for the years chosen here, and fits its frame. The site must be "
        "allowed in FRAME_ANCESTORS."),
    "share.embed.scatter": (
        "Offentligheten ser ingen enkeltbedrifter: den innebygde figuren sier det, i stedet for å vise punktene.",
        "The public sees no single company: the embedded chart says so instead of showing the points."),
    "share.copy": ("Kopier", "Copy"),
    "share.images": ("Bilde for lysbilder og trykk", "Image for slides and print"),
    "jury.title": ("Juryens vurdering", "The jury's scores"),
    "jury.lead": (
        "Gi hver finalist en poengsum fra 1 til 10 på hvert kriterium, med nøkkeltallene ved siden av. "
        "Arbeidet lagres mens du går fra felt til felt. Til runden lukkes ser du bare dine egne poeng, så ingen "
        "forankrer seg i de andres; juryleder ser alt.",
        "Score every finalist from 1 to 10 on every criterion, with the key figures beside you. Your "
        "work is saved as you go from field to field. Until the round closes you see only your own scores, so that no "
        "one anchors on the others; the chair sees everything."),
    "jury.status": ("Du vurderer som {who} ({role}). {round}", "You score as {who} ({role}). {round}"),
    "jury.chair": ("juryleder", "chair"),
    "jury.juror": ("jurymedlem", "juror"),
    "jury.round.none": ("Runden er ikke åpnet ennå.", "The round is not open yet."),
    "jury.round.open": ("Runden er åpen.", "The round is open."),
    "jury.round.closed": ("Runden er lukket.", "The round is closed."),
    "jury.tab.sheet": ("Mitt skjema", "My sheet"),
    "jury.tab.consensus": ("Konsensus", "Consensus"),
    "jury.tab.round": ("Runde og habilitet", "Round and conflicts"),
    "jury.refused.round": ("runden er ikke åpen", "the round is not open"),
    "jury.refused.finalist": ("bedriften er ikke finalist dette året", "the company is not a finalist this year"),
    "jury.refused.criterion": ("kriteriet hører ikke til prisen", "the criterion is not one of the prize's"),
    "jury.refused.conflict": ("du har meldt interessekonflikt med bedriften",
                              "you declared a conflict of interest with the company"),
    "jury.refused.submitted": ("skjemaet er sendt inn; velg «Rediger igjen» for å endre",
                               "the sheet is submitted; choose “Edit again” to change it"),
    "jury.refused.score": ("poengsummen må være et helt tall fra 1 til 10",
                           "the score must be a whole number from 1 to 10"),
    "jury.refused.comment": ("kommentaren må være tekst", "the comment must be text"),
    "jury.refused.choice": ("året eller prisen er ikke en siden tilbyr", "the year or prize is not one the page offers"),
    "jury.refused.storage": ("poengfilen kan ikke skrives akkurat nå; prøv igjen om litt",
                             "the scores file cannot be written just now; try again shortly"),
    "jury.incomplete": (("{n} felt mangler poengsum", "{n} felt mangler poengsum"),
                                ("{n} cell has no score", "{n} cells have no score")),
    "jury.saved": ("Lagret", "Saved"),
    "jury.not_saved": ("Ikke lagret: {reason}", "Not saved: {reason}"),
    "jury.not_done": ("Ikke utført: {reason}.", "Not done: {reason}."),
    "jury.judgement": ("Skjønn: ingen nøkkeltall måler dette.", "Judgement: no key figure measures this."),
    "jury.data_score": ("Dataene: {score} av 100", "The data: {score} of 100"),
    "jury.no_data": ("Ingen nøkkeltall rapportert", "No key figure reported"),
    "jury.pct": ("bedre enn {pct} % av de nominerte", "better than {pct}% of nominees"),
    "jury.score.label": ("Poengsum 1–10: {what}", "Score 1–10: {what}"),
    "jury.comment.label": ("Kommentar: {what}", "Comment: {what}"),
    "jury.col.criterion": ("Kriterium", "Criterion"),
    "jury.col.data": ("Hva dataene sier", "What the data says"),
    "jury.col.score": ("Poeng (1–10)", "Score (1–10)"),
    "jury.col.comment": ("Kommentar", "Comment"),
    "jury.col.saved": ("Status", "Status"),
    "jury.data_rank": ("Nr. {rank} av {n} etter dataene (sammenlign-siden, like vekter)",
                       "No. {rank} of {n} by the data (compare page, equal weights)"),
    "jury.conflict.declare": ("Jeg har en interessekonflikt med {name}", "I have a conflict of interest with {name}"),
    "jury.conflict.note": (
        "Du har meldt interessekonflikt: du vurderer ikke denne bedriften, og ingen poeng fra deg teller i konsensus.",
        "You declared a conflict of interest: you do not score this company, and no score of yours counts in the "
        "consensus."),
    "jury.conflict.declared": ("Interessekonflikten er registrert, og poengene dine for bedriften er slettet.",
                               "The conflict of interest is recorded, and your scores for the company are deleted."),
    "jury.conflict.withdrawn": ("Interessekonflikten er trukket tilbake.", "The conflict of interest is withdrawn."),
    "jury.progress": ("{done} av {total} felt har poengsum", "{done} of {total} cells scored"),
    "jury.submitted": ("Skjemaet ble sendt inn {at} (UTC).", "The sheet was submitted {at} (UTC)."),
    "jury.submitted.now": ("Skjemaet er sendt inn. Takk!", "The sheet is submitted. Thank you!"),
    "jury.submitted.short": ("sendt inn {at}", "submitted {at}"),
    "jury.draft": ("utkast", "draft"),
    "jury.reopened": ("Skjemaet er et utkast igjen.", "The sheet is a draft again."),
    "jury.closed_note.none": ("Juryleder har ikke åpnet runden ennå: du kan lese, men ikke gi poeng.",
                              "The chair has not opened the round yet: you can read, but not score."),
    "jury.open_hint": ("Du er juryleder: åpne runden under «Runde og habilitet».",
                       "You are the chair: open the round under “Round and conflicts”."),
    "jury.closed_note.closed": ("Runden er lukket: poengene kan ikke endres.",
                                "The round is closed: scores can no longer change."),
    "jury.sheet.help": (
        "Tab flytter fra poengsum til kommentar til neste kriterium. Poengsum og kommentar lagres når du går "
        "videre (Tab, Enter eller et klikk). Send inn når alle felt har poengsum.",
        "Tab moves from score to comment to the next criterion. A score and a comment are saved as you move "
        "on (Tab, Enter or a click). Submit once every cell has a score."),
    "jury.submit": ("Send inn skjemaet", "Submit the sheet"),
    "jury.reopen": ("Rediger igjen", "Edit again"),
    "jury.no_finalists": ("Ingen finalister for {year} og denne prisen.", "No finalists for {year} and this prize."),
    "jury.consensus.wait": (
        "Konsensus vises når juryleder lukker runden. Til da ser du bare dine egne poeng, så ingen forankrer "
        "seg i de andres.",
        "The consensus opens when the chair closes the round. Until then you see only your own scores, so "
        "that no one anchors on the others."),
    "jury.consensus.empty": ("Ingen poeng er gitt ennå.", "No scores yet."),
    "jury.consensus.title": ("Konsensus, {prize} {year}", "Consensus, {prize} {year}"),
    "jury.print.title": ("{award} · {prize} {year} · juryens konsensus", "{award} · {prize} {year} · the jury's consensus"),
    "jury.export.csv": ("Last ned CSV", "Download CSV"),
    "jury.export.xlsx": ("Last ned Excel", "Download Excel"),
    "jury.print": ("Skriv ut (A4 liggende)", "Print (A4 landscape)"),
    "jury.jurors": (("{n} jurymedlem", "{n} jurymedlemmer"), ("{n} juror", "{n} jurors")),
    "jury.sheets_submitted": (("{n} skjema sendt inn", "{n} skjemaer sendt inn"),
                              ("{n} sheet submitted", "{n} sheets submitted")),
    "jury.agreement": (
        "Enighet (Kendalls W) {w}: {band}. 0 betyr ingen enighet, 1 at alle rangerer finalistene likt "
        "(regnet over de {n} av {of} som har vurdert alle finalistene).",
        "Agreement (Kendall's W) {w}: {band}. 0 means no agreement, 1 that every juror ranks the finalists "
        "alike (over the {n} of {of} jurors who scored every finalist)."),
    "jury.agreement.none": (
        "Enighet (Kendalls W) kan ikke regnes ut: det trengs minst to jurymedlemmer som har vurdert alle "
        "finalistene, og minst to finalister (nå {n}).",
        "Agreement (Kendall's W) cannot be worked out: it needs at least two jurors who scored every "
        "finalist, and at least two finalists (now {n})."),
    "jury.agreement.very_weak": ("svært svak", "very weak"),
    "jury.agreement.weak": ("svak", "weak"),
    "jury.agreement.moderate": ("middels", "moderate"),
    "jury.agreement.strong": ("sterk", "strong"),
    "jury.agreement.very_strong": ("svært sterk", "very strong"),
    "jury.consensus.rule": (
        "Et jurymedlems sum for en finalist er snittet av poengene på prisens kriterier. Trimmet snitt "
        "utelater den ene laveste og den ene høyeste summen (fra tre jurymedlemmer). Standardavviket er "
        "utvalgets (n − 1). Normalisert: hver poengsum som z-verdi blant jurymedlemmets egne poeng, så et "
        "strengt og et rundhåndet jurymedlem teller likt; den som ga samme poeng overalt, får 0. Inhabile "
        "poeng er utelatt. Alle gitte poeng teller, også i skjemaer som ikke er sendt inn. Like tall (to "
        "desimaler) deler plass.",
        "A juror's total for a finalist is the mean of their scores on the prize's criteria. The trimmed "
        "mean leaves out the one lowest and the one highest total (from three jurors). The standard "
        "deviation is the sample's (n − 1). Normalised: each score as a z-score among the juror's own "
        "scores, so that a strict and a generous juror count alike; one who gave one score everywhere gets "
        "0. Scores under a conflict of interest are left out. Every score given counts, in sheets not yet "
        "submitted too. Equal figures (two decimals) share a place."),
    "jury.col.rank": ("Plass", "Rank"),
    "jury.col.rank.help": ("Plass etter snittet", "Rank by the mean"),
    "jury.col.finalist": ("Finalist", "Finalist"),
    "jury.col.finalist.help": ("Bedriften", "The company"),
    "jury.col.jurors": ("Jury", "Jurors"),
    "jury.col.jurors.help": ("Jurymedlemmer som har vurdert bedriften", "Jurors who scored the company"),
    "jury.col.mean": ("Snitt", "Mean"),
    "jury.col.mean.help": ("Snittet av jurymedlemmenes summer", "The mean of the jurors' totals"),
    "jury.col.median": ("Median", "Median"),
    "jury.col.median.help": ("Medianen av jurymedlemmenes summer", "The median of the jurors' totals"),
    "jury.col.trimmed": ("Trimmet", "Trimmed"),
    "jury.col.trimmed.help": ("Snittet uten laveste og høyeste sum", "The mean without the lowest and highest total"),
    "jury.col.sd": ("Std.avvik", "Std dev"),
    "jury.col.sd.help": ("Spredningen mellom jurymedlemmene (n − 1)", "The spread between jurors (n − 1)"),
    "jury.col.range": ("Min–maks", "Min–max"),
    "jury.col.range.help": ("Laveste og høyeste sum", "The lowest and the highest total"),
    "jury.col.low": ("Min", "Min"),
    "jury.col.high": ("Maks", "Max"),
    "jury.col.rank_median": ("Plass (median)", "Rank (median)"),
    "jury.col.rank_median.help": ("Plass etter medianen", "Rank by the median"),
    "jury.col.rank_trimmed": ("Plass (trimmet)", "Rank (trimmed)"),
    "jury.col.rank_trimmed.help": ("Plass etter trimmet snitt", "Rank by the trimmed mean"),
    "jury.col.normalised": ("Normalisert (z)", "Normalised (z)"),
    "jury.col.normalised.help": ("Snittet av z-verdier per jurymedlem", "The mean of z-scores per juror"),
    "jury.col.rank_normalised": ("Plass (normalisert)", "Rank (normalised)"),
    "jury.col.rank_normalised.help": ("Plass etter normaliserte poeng", "Rank by the normalised scores"),
    "jury.col.data_rank": ("Plass (data)", "Rank (data)"),
    "jury.col.data_rank.help": ("Plass etter nøkkeltallene, som på sammenlign-siden med like vekter",
                                "Rank by the key figures, as on the compare page with equal weights"),
    "jury.col.difference": ("Avvik", "Difference"),
    "jury.col.difference.help": ("Plass etter data minus plass etter juryen", "Rank by the data less rank by the jury"),
    "jury.col.juror": ("Jurymedlem", "Juror"),
    "jury.col.scored": ("Poeng gitt", "Scored"),
    "jury.col.sheet": ("Skjema", "Sheet"),
    "jury.col.conflicts": ("Interessekonflikter", "Conflicts"),
    "jury.col.reason": ("Begrunnelse", "Reason"),
    "jury.col.when": ("Tidspunkt (UTC)", "When (UTC)"),
    "jury.col.by": ("Av", "By"),
    "jury.col.what": ("Endring", "Change"),
    "jury.col.change": ("Før → etter", "Before → after"),
    "jury.beside.title": ("Juryen ved siden av dataene", "The jury beside the data"),
    "jury.beside.agree": ("Juryen og dataene rangerer finalistene likt.", "The jury and the data rank the finalists alike."),
    "jury.beside.item": ("{name}: juryen gir plass {jury}, dataene plass {data}.",
                         "{name}: the jury ranks it {jury}, the data {data}."),
    "jury.beside.rule": (
        "Dataenes rangering er sammenlign-sidens med like vekter: persentiler blant årets nominerte til prisen, "
        "snitt per kriterium. Tre av kriteriene er skjønn som ingen tall måler, så avvik er ventet; de største "
        "er verdt en samtale.",
        "The data's ranking is the compare page's with equal weights: percentiles among the year's nominees "
        "for the prize, averaged per criterion. Three criteria are judgement no number measures, so "
        "differences are expected; the largest are worth a conversation."),
    "jury.heat.title": ("Varmekart: snittpoeng per kriterium og finalist",
                        "Heat map: mean score per criterion and finalist"),
    "jury.heat.note": ("Poeng 1–10; mørkere er høyere.", "Scores 1–10; darker is higher."),
    "jury.agenda.title": ("Dagsorden: uenighet på {points} poeng eller mer", "Agenda: disagreements of {points} points or more"),
    "jury.agenda.none": ("Ingen kriterier der poengene spriker med {points} poeng eller mer.",
                         "No criterion where the scores lie {points} points or more apart."),
    "jury.agenda.item": ("fra {low} til {high} ({scores})", "from {low} to {high} ({scores})"),
    "jury.round.title": ("Runden", "The round"),
    "jury.round.help": (
        "Når runden er åpen kan jurymedlemmene gi poeng. Når den lukkes, avvises alle endringer, og "
        "jurymedlemmene ser konsensus. Du kan åpne den igjen.",
        "While the round is open jurors can score. Once it is closed every change is refused, and the "
        "jurors see the consensus. You can open it again."),
    "jury.round.open_button": ("Åpne runden", "Open the round"),
    "jury.round.reopen_button": ("Åpne runden igjen", "Open the round again"),
    "jury.round.close_button": ("Lukk runden", "Close the round"),
    "jury.round.now_open": ("Runden er åpnet.", "The round is open."),
    "jury.round.now_closed": ("Runden er lukket.", "The round is closed."),
    "jury.progress.title": ("Fremdrift per jurymedlem", "Progress per juror"),
    "jury.conflicts.title": ("Meldte interessekonflikter", "Declared conflicts of interest"),
    "jury.conflicts.none": ("Ingen har meldt interessekonflikt.", "No one has declared a conflict of interest."),
    "jury.audit.title": (("Logg: siste {n} endring", "Logg: siste {n} endringer"),
                         ("Log: the latest {n} change", "Log: the latest {n} changes")),
    "jury.audit.score": ("poengsum", "score"),
    "jury.audit.comment": ("kommentar", "comment"),
    "jury.audit.conflict": ("interessekonflikt", "conflict of interest"),
    "jury.audit.round": ("runde", "round"),
    "jury.audit.submit": ("skjema", "sheet"),
    "jury.scores.title": ("Alle poeng og kommentarer", "Every score and comment"),
    "jury.scores.none": ("Ingen poeng er gitt ennå.", "No scores yet."),
    "jury.scores.download": ("Last ned alle poeng (CSV)", "Download every score (CSV)"),
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
    "card.companies": ("Bedrifter", "Companies"),
    "card.companies.unit": ("som rapporterer", "reporting"),
    "card.fte": ("Årsverk", "Full-time equivalents"),
    "card.fte.unit": ("årsverk i alt", "FTE in total"),
    "card.change": ("{change} fra {year}", "{change} from {year}"),
    "card.no_change": ("ingen tall for {year}", "no figure for {year}"),
    "card.better": ("bedre", "better"),
    "card.worse": ("dårligere", "worse"),
    "card.unchanged": ("uendret", "unchanged"),
    # A count with a noun: each language has its plural forms, chosen by ``tn`` (see PLURAL_RULES).
    "count.companies": (("{n} bedrift", "{n} bedrifter"), ("{n} company", "{n} companies")),
    "count.fte": (("{n} årsverk", "{n} årsverk"), ("{n} FTE", "{n} FTE")),
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
    "map.missing": ("– = ingen data.", "– = no data."),
    "sector.title": ("{kpi} etter bransje, {year}", "{kpi} by sector, {year}"),
    "sector.note": ("Beste øverst. Klikk en stolpe for å velge bransjen.",
                    "Best at the top. Click a bar to select the sector."),
    "trend.title": ("{kpi}, {years}", "{kpi}, {years}"),
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
    "scatter.capped": (("Viser de {shown} største av {n} bedrift.", "Viser de {shown} største av {n} bedrifter."),
                       ("Showing the {shown} largest of {n} company.", "Showing the {shown} largest of {n} companies.")),
    "common.source": ("Kilde: syntetiske demodata. Gruppetall er forholdstall av summer.",
                      "Source: synthetic demo data. Group figures are ratios of sums."),
    "common.source.median": ("Kilde: syntetiske demodata. Gruppelinjen er medianen av bedriftenes egne tall.",
                             "Source: synthetic demo data. The group line is the median of the companies' own figures."),
    "table.title": ("Bedriftene i utvalget, {year}", "Companies in the selection, {year}"),
    "table.count": (("{shown} av {n} bedrift, sortert etter {kpi}. Klikk en rad for detaljer.",
                     "{shown} av {n} bedrifter, sortert etter {kpi}. Klikk en rad for detaljer."),
                    ("{shown} of {n} company, sorted by {kpi}. Click a row for details.",
                     "{shown} of {n} companies, sorted by {kpi}. Click a row for details.")),
    "table.download": ("Last ned CSV", "Download CSV"),
    "col.name": ("Bedrift", "Company"),
    "col.org_nr": ("Org.nr.", "Org. no."),
    "col.county": ("Fylke", "County"),
    "col.sector": ("Bransje", "Sector"),
    "col.fte": ("Årsverk", "FTE"),
    "col.status": ("I prisen", "Award"),
    "company.facts": ("Org.nr. {org_nr} · {county} · {sector} · grunnlagt {founded}",
                      "Org. no. {org_nr} · {county} · {sector} · founded {founded}"),
    "company.history": ("{kpi} over tid", "{kpi} over time"),
    "company.sector_median": ("Median i bransjen", "Sector median"),
    "company.rank": ("Plass blant bransjekolleger, {year}", "Rank among sector peers, {year}"),
    "company.rank_of": ("{rank} av {n}", "{rank} of {n}"),
    "company.value": ("Verdi", "Value"),
    "company.median": ("Bransjemedian", "Sector median"),
    "company.not_found": ("Fant ingen bedrift med det organisasjonsnummeret.",
                          "No company has that organisation number."),
    "company.nominations": ("Nominasjoner: {items}", "Nominations: {items}"),
    "chart.empty": ("Ingen data for dette utvalget", "No data for this selection"),
    "chart.middle_half": ("25–75 %", "25–75%"),
    "chart.middle_80": ("10–90 %", "10–90%"),
    "kpi.choose": ("Nøkkeltall", "Key figure"),
    # Dash's dropdown's own texts (dcc.Dropdown ``labels``, see ``dropdown_labels``); it shows the
    # count only for two or more, and puts the number in for {num_selected}
    "dropdown.select_all": ("Velg alle", "Select all"),
    "dropdown.deselect_all": ("Fjern alle", "Deselect all"),
    "dropdown.selected_count": ("{num_selected} valgt", "{num_selected} selected"),
    "dropdown.search": ("Søk", "Search"),
    "dropdown.clear_search": ("Tøm søket", "Clear search"),
    "dropdown.clear_selection": ("Fjern valget", "Clear selection"),
    "dropdown.no_options_found": ("Ingen treff", "No options found"),
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
    "compare.title": ("Sammenlign nominerte", "Compare nominees"),
    "compare.lead": (
        ("Velg opptil {n} bedrift og sammenlign den på alle nøkkeltall og på juryens kriterier.",
         "Velg opptil {n} bedrifter og sammenlign dem på alle nøkkeltall og på juryens kriterier."),
        ("Pick up to {n} company and compare it on every key figure and on the jury's criteria.",
         "Pick up to {n} companies and compare them on every key figure and on the jury's criteria."),
    ),
    "compare.year": ("Prisår", "Award year"),
    "compare.prize": ("Pris", "Prize"),
    "compare.status": ("Vis i listen", "List"),
    "compare.status.all": ("Alle bedrifter", "All companies"),
    "compare.companies": ("Bedrifter (søk på navn eller org.nr.)", "Companies (search by name or org. no.)"),
    "compare.add_finalists": ("Legg til alle finalister", "Add all finalists"),
    "compare.too_many": (("Høyst {n} bedrift om gangen; resten er utelatt.",
                          "Høyst {n} bedrifter om gangen; resten er utelatt."),
                         ("At most {n} company at a time; the rest are left out.",
                          "At most {n} companies at a time; the rest are left out.")),
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
    "compare.tie": ("Delt plass: bedrifter med samme poengsum slik den vises (én desimal) får samme plass, "
                    "og plassene etter telles videre (1, 2, 2, 4).",
                    "Shared place: companies with the same score as shown (one decimal) share a place, "
                    "and the places after count on (1, 2, 2, 4)."),
    "compare.tie.title": ("Delt plass", "Shared place"),
    "compare.table": ("Alle nøkkeltall, {year}", "Every key figure, {year}"),
    "compare.table.cont": ("{title} (forts.)", "{title} (cont.)"),
    "compare.table.help": (
        "Under hver verdi: persentil blant årets nominerte til {prize} · persentil i bransjen. "
        "Persentilen er andelen av de andre bedriftene i gruppen som bedriften gjør det bedre enn "
        "(likt teller halvt); bedriften selv telles ikke med. Persentilene regnes av de uavrundede "
        "verdiene, så to verdier som vises likt kan ha ulik persentil.",
        "Under each value: percentile among the year's nominees for the {prize} · percentile in the "
        "sector. A percentile is the share of the other companies in the group that the company does "
        "better than (a tie counts half); the company itself is not counted. Percentiles come from "
        "the unrounded values, so two values shown alike can have different percentiles.",
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
    "compare.radar.hover": ("{kpi}: persentil {pct} blant de nominerte", "{kpi}: percentile {pct} among the nominees"),
    "compare.radar.subtitle": ("0 = svakest, 100 = sterkest blant de nominerte; ringene ved 25, 50, 75 og 100",
                               "0 = weakest, 100 = strongest among the nominees; rings at 25, 50, 75 and 100"),
    "compare.radar.note": ("Persentil blant de andre nominerte til {prize} samme år (bedriften selv "
                           "telles ikke med). Kilde: syntetiske demodata.",
                           "Percentile among the year's other nominees for the {prize} (the company "
                           "itself is not counted). Source: synthetic demo data."),
    "compare.csv": ("Last ned nøkkeltallene (CSV)", "Download the key figures (CSV)"),
    "compare.csv.nominee_pct": ("P nominerte", "P nominees"),
    "compare.csv.sector_pct": ("P bransje", "P sector"),
    "compare.ranking_csv": ("Last ned rangeringen (CSV)", "Download the ranking (CSV)"),
    "compare.csv.criterion": ("{criterion} (vekt {weight})", "{criterion} (weight {weight})"),
    "compare.csv.stability": ("Stabilitet (± plasser)", "Stability (± places)"),
    "compare.reset_weights": ("Tilbakestill vektene", "Reset weights"),
    "compare.start": ("Ingen bedrifter er valgt. Last inn årets finalister, eller søk etter bedrifter over.",
                      "No companies picked. Load this year's finalists, or search for companies above."),
    "compare.load_finalists": ("Last inn finalistene for {year}", "Load the {year} finalists"),
    "compare.print": ("Skriv ut (A4 liggende)", "Print (A4 landscape)"),
    "compare.print.title": ("{award} · {prize} {year} · juryens sammenligning, {date}",
                            "{award} · {prize} {year} · jury comparison, {date}"),
    "compare.print.weights": ("Vekter: {weights}", "Weights: {weights}"),
    "compare.special_mode": (
        "Spesialprisen: for oppstartsbedrifter med få år med tall, rangert på spesialprisens kriterier.",
        "Special prize: for start-ups with few years of figures, ranked on the special prize's criteria.",
    ),
    "benchmark.title": ("Benchmark mot andre", "Benchmark against peers"),
    "benchmark.lead": (
        ("Se hvor en bedrift står blant sammenlignbare bedrifter. Ingen annen bedrifts navn eller tall "
         "vises: bare samletall fra minst {n} bedrift, og aldri et tall én bedrift dominerer.",
         "Se hvor en bedrift står blant sammenlignbare bedrifter. Ingen annen bedrifts navn eller tall "
         "vises: bare samletall fra minst {n} bedrifter, og aldri et tall én bedrift dominerer."),
        ("See where a company stands among comparable companies. No other company's name or figures "
         "are shown: only aggregates of at least {n} company, and never a figure one company dominates.",
         "See where a company stands among comparable companies. No other company's name or figures "
         "are shown: only aggregates of at least {n} companies, and never a figure one company dominates."),
    ),
    "benchmark.mode": ("Hvem sammenlignes", "Who is compared"),
    "benchmark.mode.company": ("En bedrift i databasen", "A company in the database"),
    "benchmark.mode.typed": ("Egne tall (lagres ikke)", "Your own figures (not stored)"),
    "benchmark.query": ("Organisasjonsnummer eller fullt bedriftsnavn", "Organisation number or full company name"),
    "benchmark.fetch": ("Hent", "Look up"),
    "benchmark.not_found": ("Fant ingen bedrift med det nummeret eller navnet.",
                            "No company has that number or name."),
    "benchmark.subject": ("{name} · {sector} · {county} · {fte}", "{name} · {sector} · {county} · {fte}"),
    "benchmark.typed_subject": ("Egne tall · {sector} · {county} · {fte}", "Your figures · {sector} · {county} · {fte}"),
    "benchmark.typed_note": (
        "Tallene du skriver inn brukes bare til denne beregningen. De lagres ikke og logges ikke.",
        "The figures you type are used for this calculation only. They are not stored or logged.",
    ),
    "benchmark.year": ("År", "Year"),
    "benchmark.peers": ("Sammenlignes med", "Compared with"),
    "benchmark.same_sector": ("samme bransje", "same sector"),
    "benchmark.same_county": ("samme fylke", "same county"),
    "benchmark.same_size": ("samme størrelse", "same size"),
    "benchmark.group": (("Sammenligningsgruppe: {n} bedrift ({what}).", "Sammenligningsgruppe: {n} bedrifter ({what})."),
                        ("Peer group: {n} company ({what}).", "Peer group: {n} companies ({what}).")),
    "benchmark.group.few": ("Sammenligningsgruppe: {what}.", "Peer group: {what}."),
    "benchmark.group.all": ("all industri i hele Norge", "all manufacturing in all of Norway"),
    "benchmark.widen": (
        "Noen tall er skjult fordi gruppen er for liten eller domineres av én bedrift. Fjern et kryss "
        "over for å sammenligne med en bredere gruppe.",
        "Some figures are hidden because the group is too small or dominated by one company. Untick "
        "a box above to compare with a wider group.",
    ),
    "benchmark.pick": ("Velg en bedrift eller skriv inn egne tall.", "Pick a company or type your own figures."),
    "benchmark.empty": (
        "Skriv inn et organisasjonsnummer (eller hele bedriftsnavnet) over og trykk «Hent». Du kan også "
        "velge «Egne tall» og skrive inn tallene dine.",
        "Type an organisation number (or the company's full name) above and press “Look up”. Or choose "
        "“Your own figures” and type your figures.",
    ),
    "benchmark.empty.typed": ("Skriv inn tallene dine under «Egne tall (lagres ikke)».",
                              "Type your figures under “Your own figures (not stored)”."),
    "benchmark.small": (
        ("Tallene for sammenligningsgruppen ({what}) kan ikke vises: gruppen har færre enn {n} bedrift "
         "som rapporterer, eller den ville avsløre tall for enkeltbedrifter.",
         "Tallene for sammenligningsgruppen ({what}) kan ikke vises: gruppen har færre enn {n} bedrifter "
         "som rapporterer, eller den ville avsløre tall for enkeltbedrifter."),
        ("The peer group's figures ({what}) cannot be shown: fewer than {n} company in it reports them, "
         "or they would single out a company.",
         "The peer group's figures ({what}) cannot be shown: fewer than {n} companies in it report them, "
         "or they would single out a company."),
    ),
    "benchmark.small.widen": ("Utvid gruppen: {what}", "Widen the group: {what}"),
    "benchmark.small.none": ("Ingen bredere gruppe kan vises for dette året.", "No wider group can be shown for this year."),
    "benchmark.hidden.more": ("Fjern et kryss over for å sammenligne med en bredere gruppe.",
                              "Untick a box above to compare with a wider group."),
    "benchmark.table.own": ("Bedriftens egne nøkkeltall, {year}", "The company's own key figures, {year}"),
    "benchmark.table.own.help": ("Sammenligningsgruppens tall vises ikke (se over).",
                                 "The peer group's figures are not shown (see above)."),
    "benchmark.table.own.winners": (
        "Vinnernivå: median blant prisvinnerne (begge priser) fra årene til og med {year}, hver i sitt "
        "vinnerår; senere vinnere teller ikke.",
        "Winners' level: the median of the prize winners (both prizes) of the years up to and including "
        "{year}, each in its winning year; later winners do not count.",
    ),
    "benchmark.summary": ("Sammendrag", "Summary"),
    "benchmark.summary.pct": ("persentil {pct}", "percentile {pct}"),
    "benchmark.summary.strongest": ("Sterkest: {kpi}, {standing} ({value}).", "Strongest: {kpi}, {standing} ({value})."),
    "benchmark.summary.weakest": ("Svakest: {kpi}, {standing} ({value}).", "Weakest: {kpi}, {standing} ({value})."),
    "benchmark.summary.gain": ("Størst framgang siden {year}: {kpi}, fra persentil {before} til {after}.",
                               "Biggest gain since {year}: {kpi}, from percentile {before} to {after}."),
    "benchmark.summary.no_gain": ("Ingen nøkkeltall har steget i persentil siden {year}.",
                                  "No key figure has risen in percentile since {year}."),
    "benchmark.summary.no_previous": ("Ingen tall fra {year} å sammenligne med.", "No figures from {year} to compare with."),
    "benchmark.col.subject": ("Bedriften", "Subject"),
    "benchmark.col.pct": ("Persentil", "Percentile"),
    "benchmark.col.quartiles": ("Kvartiler, svakest → best", "Quartiles, worst → best"),
    "benchmark.col.top_decile": ("Beste tiendedel", "Top decile"),
    "benchmark.col.group": ("Gruppen samlet", "Group total"),
    "benchmark.col.winners": ("Vinnernivå", "Winners' level"),
    "benchmark.col.gap": ("Endring til beste kvartil", "Change to reach the top quartile"),
    "benchmark.in_top": ("i beste kvartil", "in the top quartile"),
    "benchmark.at_edge": ("på grensen til beste kvartil", "at the edge of the top quartile"),
    "benchmark.gap.under": ("{sign} under {n}", "{sign} under {n}"),
    "benchmark.unit.pp": ("prosentpoeng", "percentage points"),
    "benchmark.suppressed.too_few": (("skjult: færre enn {n} bedrift", "skjult: færre enn {n} bedrifter"),
                                     ("hidden: fewer than {n} company", "hidden: fewer than {n} companies")),
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
        ("For mange beregninger med egne tall fra din adresse. Vent litt (grensen gjelder {n} minutt) og "
         "prøv igjen.",
         "For mange beregninger med egne tall fra din adresse. Vent noen minutter (grensen gjelder {n} "
         "minutter) og prøv igjen."),
        ("Too many calculations with typed figures from your address. Wait a little (the limit covers {n} "
         "minute) and try again.",
         "Too many calculations with typed figures from your address. Wait a few minutes (the limit covers "
         "{n} minutes) and try again."),
    ),
    "disclosure.public_rules": (
        "Bedriftene gir tallene sine fordi bare samletall vises; derfor disse reglene. Offentlige tall viser "
        "grupper av minst {n} bedrifter som rapporterer nøkkeltallet, så ingen kan se én bedrifts tall: hele "
        "landet, ett fylke, én bransje og én størrelse (eller alle). Et tall skjules når én bedrift har over "
        "{share} % av summen (da er tallet nesten bedriftens eget), og når det sammen med et annet publisert "
        "tall ville skille ut færre enn {n} bedrifter (differansen av to grupper er også et tall). Flere fylker "
        "eller bransjer samtidig, valg av eier og grupper av nominerte vises bare for juryen, fordi de kunne "
        "kombineres med gruppene over. Kvartiler er snittet av de {w} bedriftene nærmest kvartilen, og holdes "
        "tilbake når snittet ligger innen {near} % av én bedrifts eget tall. Alle tall er avrundet slik de "
        "vises, så ingen får flere sifre enn siden viser.",
        "Companies give their figures because only aggregates are shown; hence these rules. Public figures "
        "show groups of at least {n} companies that report the key figure, so no one sees one company's "
        "figures: all of Norway, one county, one sector and one size (or all). A figure is hidden where one "
        "company holds over {share} % of the total (it would all but be that company's own), and where, "
        "with another published figure, it would single out fewer than {n} companies (the difference of two "
        "groups is a figure too). Several counties or sectors at once, a choice of owner and groups of "
        "nominees are for the jury only, because they could be combined with the groups above. Quartiles "
        "are the mean of the {w} companies nearest the quartile, withheld where that mean lies within "
        "{near} % of one company's own figure. Every figure is rounded as shown, so no one gets more digits "
        "than the page shows.",
    ),
    "benchmark.missing": ("ikke rapportert", "not reported"),
    "benchmark.table": ("Nøkkeltall mot sammenligningsgruppen, {year}", "Key figures against the peer group, {year}"),
    "benchmark.table.help": (
        "Persentil: andelen av de andre bedriftene i gruppen som bedriften gjør det bedre enn (likt "
        "teller halvt), rundet ned; bedriften selv telles ikke med, som på sammenligningssiden. Fargen "
        "følger persentilen: oransje i den svakeste fjerdedelen, lys oransje og lys blå i midten, blått "
        "i beste kvartil og mørkt blått i beste tiendedel. Kvartilene står fra svakest til best i "
        "retningen til hvert nøkkeltall. Beste kvartil er grensen for gruppens beste fjerdedel, "
        "interpolert mellom bedriftenes verdier. Bedriften er i beste kvartil når verdien når grensen og "
        "persentilen er minst 75; når bare verdien når den, står den på grensen. Endringen er det "
        "bedriften må øke (+) eller kutte (−) for å nå beste kvartil, i nøkkeltallets enhet; den regnes av "
        "de uavrundede tallene og avrundes én gang, så den kan avvike med én i siste siffer fra "
        "differansen mellom de avrundede tallene i tabellen. Vinnernivå: median blant prisvinnerne "
        "(begge priser) fra årene til og med {year}, hver i sitt vinnerår; senere vinnere teller ikke.",
        "Percentile: the share of the other companies in the group that the company does better than "
        "(a tie counts half), rounded down; the company itself is not counted, as on the compare page. "
        "The colour follows the percentile: orange in the worst quarter, light orange and light blue in "
        "the middle, blue in the top quartile and dark blue in the top tenth. The quartiles run from "
        "worst to best in each key figure's direction. The top quartile is the boundary of the group's "
        "best quarter, interpolated between companies' values. The company is in the top quartile when "
        "its value reaches that boundary and its percentile is at least 75; when only its value does, it "
        "is at the edge. The change is what the company would have to raise (+) or cut (−) to reach the "
        "top quartile, in the key figure's unit; it is computed from the unrounded figures and rounded "
        "once, so it can differ by one in the last digit from the difference of the rounded figures in "
        "the table. Winners' level: the median of the prize winners (both prizes) of the years up to and "
        "including {year}, each in its winning year; later winners do not count.",
    ),
    "benchmark.strip.title": ("Hvor bedriften står på hvert nøkkeltall", "Where the company stands on every key figure"),
    "benchmark.strip.subtitle": ("persentil i sammenligningsgruppen; båndene er midtre halvdel og 10–90 %",
                                 "percentile in the peer group; bands are the middle half and 10–90%"),
    "benchmark.strip.note": ("Til høyre er bedre. Skjulte tall vises ikke. Kilde: syntetiske demodata.",
                             "Right is better. Hidden figures are not drawn. Source: synthetic demo data."),
    "benchmark.radar.title": ("Bedriften mot medianen og beste kvartil", "The company against the median and the top quartile"),
    "benchmark.radar.subtitle": ("persentil i sammenligningsgruppen: 0 i midten, 100 ytterst",
                                 "percentile in the peer group: 0 at the centre, 100 at the rim"),
    "benchmark.radar.note": (
        "Hver eike er et nøkkeltall; lenger ut er bedre (snudd der lavere er bedre). Stiplet ring: "
        "medianen (50); prikket ring: beste kvartil (75). Skjulte tall vises ikke. Kilde: syntetiske demodata.",
        "Each spoke is a key figure; further out is better (turned where lower is better). Dashed ring: "
        "the median (50); dotted ring: the top quartile (75). Hidden figures are not drawn. Source: "
        "synthetic demo data."),
    "benchmark.radar.median": ("Median (50)", "Median (50)"),
    "benchmark.radar.top": ("Beste kvartil (75)", "Top quartile (75)"),
    "benchmark.trend.title": ("{kpi}: bedriften mot gruppens median", "{kpi}: the company against the peer median"),
    "benchmark.trend.title.own": ("{kpi}: bedriftens egne tall over tid", "{kpi}: the company's own figures over time"),
    "benchmark.trend.median": ("Median i gruppen", "Peer median"),
    "benchmark.trend.kpi": ("Nøkkeltall over tid", "Key figure over time"),
    "benchmark.report": ("Last ned rapport", "Download report"),
    "benchmark.report.button": ("{language} (HTML)", "{language} (HTML)"),
    "benchmark.report.pdf": ("{language} (PDF)", "{language} (PDF)"),
    "benchmark.report.no_pdf": ("PDF-en kunne ikke lages nå. Last ned HTML-rapporten og skriv den ut fra nettleseren.",
                                "The PDF could not be made just now. Download the HTML report and print it from the browser."),
    "benchmark.report.no_chart": ("(diagrammet kunne ikke tegnes her)", "(chart not drawn here)"),
    "benchmark.report.title": ("Benchmark-rapport", "Benchmark report"),
    "benchmark.report.drawing": ("Lager rapporten …", "Making the report …"),
    "benchmark.report.generated": ("Laget {date}", "Made {date}"),
    "http.400": ("Forespørselen kunne ikke behandles.", "The request could not be processed."),
    "http.403": ("Ingen tilgang.", "Forbidden."),
    "http.404": ("Fant ikke siden.", "Not found."),
    "http.405": ("Metoden er ikke tillatt her.", "Method not allowed here."),
    "http.413": ("Forespørselen er for stor.", "The request is too large."),
    "http.429": ("For mange forespørsler. Prøv igjen litt senere.", "Too many requests. Try again a little later."),
    "http.500": ("Intern feil. Serverloggen har detaljene.", "Internal error. The server log has the details."),
    "http.error": ("Feil {status}.", "Error {status}."),
    "benchmark.report.cross_site": ("Rapporten kan bare bestilles fra denne siden.",
                                    "The report can only be asked for from this site."),
    "benchmark.report.busy": ("Serveren lager en annen rapport nå. Prøv igjen om noen sekunder.",
                              "The server is making another report. Try again in a few seconds."),
    "benchmark.report.too_many": ("For mange rapporter på kort tid. Prøv igjen om et minutt.",
                                  "Too many reports in a short time. Try again in a minute."),
    "present.headline.title": ("Norsk industri {year}", "Norwegian industry {year}"),
    # under a big number: the plural form goes with the number, which the text does not repeat
    "present.headline.nominees": (("nominert bedrift", "nominerte bedrifter"), ("nominated company", "nominated companies")),
    "present.headline.fte": (("årsverk", "årsverk"), ("full-time equivalent", "full-time equivalents")),
    "present.headline.exports": ("mrd. kr i eksport", "NOK billion in exports"),
    "present.headline.cut": ("% lavere utslipp enn i bedriftenes basisår", "% lower emissions than in the companies' baseline years"),
    # under each label: the companies the figure counts, and its change since the year before
    "present.headline.nominees.of": (("blant {n} rapporterende bedrift", "blant {n} rapporterende bedrifter"),
                                     ("among {n} reporting company", "among {n} reporting companies")),
    "present.headline.fte.of": (("i {n} rapporterende bedrift", "i {n} rapporterende bedrifter"),
                                ("in {n} reporting company", "in {n} reporting companies")),
    "present.headline.exports.of": (("fra {n} bedrift som rapporterer eksport", "fra {n} bedrifter som rapporterer eksport"),
                                    ("from {n} company reporting exports", "from {n} companies reporting exports")),
    "present.headline.cut.of": (("i {n} bedrift som rapporterer utslipp", "i {n} bedrifter som rapporterer utslipp"),
                                ("in {n} company reporting emissions", "in {n} companies reporting emissions")),
    "present.headline.change.count": ("{n} i {year}", "{n} in {year}"),
    "present.headline.change.percent": (("{change} % fra {year} (da {n} bedrift)", "{change} % fra {year} (da {n} bedrifter)"),
                                        ("{change}% since {year} ({n} company then)", "{change}% since {year} ({n} companies then)")),
    "present.headline.change.points": (
        ("{change} prosentpoeng fra {year} (da {n} bedrift)", "{change} prosentpoeng fra {year} (da {n} bedrifter)"),
        ("{change} percentage points since {year} ({n} company then)", "{change} percentage points since {year} ({n} companies then)")),
    "present.map.title": ("Produktivitet i fylkene, {year}", "Productivity across the counties, {year}"),
    "present.map.top": ("Topp tre fylker", "Top three counties"),
    "present.scatter.title": ("Mer verdi, mindre utslipp: bransjene {years}", "More value, less emissions: the sectors {years}"),
    "present.scatter.note": ("Én boble per bransje; størrelse = årsverk; logaritmisk x-akse. En bransje vises de "
                             "årene tallene kan publiseres (minst {n} bedrifter).",
                             "One bubble per sector; size = FTE; logarithmic x axis. A sector is shown in the years "
                             "its figures can be published ({n} companies or more)."),
    "present.scatter.up": ("↑ mer verdi per årsverk", "↑ more value per FTE"),
    "present.scatter.left": ("← mindre utslipp per krone verdiskaping", "← less emissions per krone of value added"),
    "present.scatter.missing": ("Ikke publisert for {year}: {sectors}", "Not published for {year}: {sectors}"),
    "present.automation.title": ("Automatiseringen skyter fart", "Automation takes off"),
    "present.sectors.title": ("Bransjene i {year}", "The sectors in {year}"),
    "present.sectors.best": ("Høyest {kpi}: {sector}", "Highest {kpi}: {sector}"),
    "present.sectors.hidden": (("Ikke publisert for {year} (en bransje vises fra {n} bedrift): {sectors}.",
                                "Ikke publisert for {year} (en bransje vises fra {n} bedrifter): {sectors}."),
                               ("Not published for {year} (a sector is shown from {n} company): {sectors}.",
                                "Not published for {year} (a sector is shown from {n} companies): {sectors}.")),
    "present.finalists.title": ("Årets finalister", "This year's finalists"),
    "present.winner.title": ("Og vinneren er …", "And the winner is …"),
    "present.winner.hint": ("Trykk R for å avsløre", "Press R to reveal"),
    "present.winner.next": ("Trykk R for neste pris", "Press R for the next prize"),
    "present.winner.why": ("Blant de beste av {nominees} på {kpi} ({rank}) og {kpi2} ({rank2})",
                           "Among the best of {nominees} in {kpi} ({rank}) and {kpi2} ({rank2})"),
    "present.winner.why.one": ("Blant de beste av {nominees} på {kpi} ({rank})", "Among the best of {nominees} in {kpi} ({rank})"),
    "present.winner.nominees.main": ("de nominerte til hovedprisen", "the main prize's nominees"),
    "present.winner.nominees.special": ("de nominerte til spesialprisen", "the special prize's nominees"),
    "present.winner.best": ("best av alle", "best of all"),
    "present.winner.joint": ("delt best", "joint best"),
    "present.winner.top": ("topp {n} %", "top {n}%"),
    "present.winner.special": ("Spesialprisen", "The special prize"),
    "present.winner.main": ("Norges smarteste industribedrift {year}", "Norway's smartest industrial company {year}"),
    "present.fame.title": ("Tidligere vinnere", "Hall of fame"),
    "present.fame.real": ("Hovedprisen {years}", "The main prize {years}"),
    "present.fame.demo": ("Demoårene {years}", "The demo years {years}"),
    "present.fame.demo.note": ("Oppdiktede bedrifter fra demodataene", "Invented companies from the demo data"),
    "present.closing.title": ("Takk!", "Thank you!"),
    "present.closing.body": ("Prisen deles ut av Norsk Industri og Siemens.",
                             "The award is presented by Norsk Industri and Siemens."),
    "present.keys": ("→ neste · ← forrige · F fullskjerm · P pause", "→ next · ← back · F full screen · P pause"),
    "present.keys.reveal": ("R avslør", "R reveal"),  # shown on the winner slide only
    "present.paused": ("Pause", "Paused"),
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
    "data.few": ("under {n}", "fewer than {n}"),
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
    # the units of the base measures (``kpis.MEASURES``), keyed by the import template's unit
    "unit.FTE": ("årsverk", "FTE"),
    "unit.MNOK": ("mill. kr", "MNOK"),
    "unit.MWh": ("MWh", "MWh"),
    "unit.%": ("%", "%"),
    "unit.t CO2e": ("t CO2e", "t CO2e"),
    "unit.count": ("antall", "count"),
    "unit.hours": ("timer", "hours"),
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


def _one_or_other(n: float) -> int:
    """gettext's ``nplurals=2; plural=(n != 1);``: nb and en alike."""
    return 0 if n == 1 else 1


@dataclass(frozen=True)
class Language:
    """How a language writes what is not a text: numbers, dates, CSV files and its plurals."""

    code: str
    locale: str  # BCP 47, for the browser's Intl.NumberFormat (the company table's cells)
    decimal: str
    group: str  # between thousands
    minus: str
    date_format: str  # strftime
    csv_separator: str  # between fields, as a spreadsheet in this language expects
    plural: Callable[[float], int]  # which plural form a count takes: 0 .. plurals - 1
    plurals: int
    ag_grid: Mapping[str, str] | None = None  # AG Grid's own texts; None for its built-in English
    # plotly.js's locale (toolbar, its own hover and date texts): the name its locale file registers;
    # a locale other than plotly.js's built-in "en" is served from assets/ (plotly-locale-no.js)
    plotly: str = "en"
    # between a number and a percent sign: "2,8 %" in Norwegian, "2.8%" in English (``with_unit``)
    percent_gap: str = " "


LANGUAGES: dict[str, Language] = {lang.code: lang for lang in (
    Language("nb", locale="nb-NO", decimal=",", group=NBSP, minus=MINUS, date_format="%d.%m.%Y",
             csv_separator=";", plural=_one_or_other, plurals=2, ag_grid=AG_GRID_NB, plotly="no"),
    # the true minus in English too, as in the Norwegian pages and the charts (plotly.js writes one)
    Language("en", locale="en-GB", decimal=".", group=",", minus=MINUS, date_format="%-d %b %Y",
             csv_separator=",", plural=_one_or_other, plurals=2, percent_gap=""),
)}
LANGS = tuple(LANGUAGES)  # the order of the forms in TEXTS


def normalize_lang(value: object) -> str:
    """A language code of ``LANGS``; anything else (missing, hostile, misspelt) is the default, nb."""
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT_LANG


def language(lang: str) -> Language:
    """How ``lang`` writes numbers, dates and CSV files (the default language's for an unknown code)."""
    return LANGUAGES[normalize_lang(lang)]


def _text(key: str, lang: str) -> Text:
    return TEXTS[key][LANGS.index(normalize_lang(lang))]


def t(key: str, lang: str, **fields: object) -> str:
    """The text for ``key`` in ``lang``, with ``{fields}`` filled in. A text that goes with a count
    is ``tn``'s."""
    text = _text(key, lang)
    if not isinstance(text, str):
        raise TypeError(f"{key!r} has plural forms: use tn({key!r}, n, lang)")
    return text.format(**fields) if fields else text


def tn(key: str, n: float | None, lang: str, decimals: int = 0, **fields: object) -> str:
    """The text for ``key`` about a count ``n``: the plural form ``lang`` uses for ``n`` as shown,
    ``{n}`` written as ``lang`` writes numbers (``decimals`` places) and the other ``{fields}``
    filled in. A text with no plural forms reads the same for every count."""
    text = _text(key, lang)
    if not isinstance(text, str):
        text = text[plural_form(n, lang, decimals)]
    return text.format(n=fmt_number(n, lang, decimals), **fields)


def plural_form(n: float | None, lang: str, decimals: int = 0) -> int:
    """Which of ``lang``'s plural forms goes with ``n`` as shown (rounded to ``decimals``); the
    last, the general plural, for a missing number."""
    spec = language(lang)
    if n is None or (isinstance(n, float) and not math.isfinite(n)):
        return spec.plurals - 1
    return spec.plural(abs(round(n, decimals)))


def fmt_number(value: float | int | None, lang: str, decimals: int = 0, signed: bool = False) -> str:
    """A number as a reader of ``lang`` writes it; ``–`` for a missing value."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    spec = language(lang)
    digits = f"{abs(value):,.{decimals}f}"
    text = "".join(spec.group if c == "," else spec.decimal if c == "." else c for c in digits)
    if value < 0 and float(digits.replace(",", "")) != 0:  # no "−0,0"
        return spec.minus + text
    return ("+" + text) if signed and value > 0 else text


def with_unit(number: str, unit: str, lang: str) -> str:
    """A formatted number and its unit as ``lang`` writes them: a space between ("1 447 kr per
    årsverk"), except before a percent sign in a language that writes none ("2.8%", "2.8% of
    turnover"; Norwegian "2,8 %", "2,8 % av omsetningen"). No unit: the number alone."""
    if not unit:
        return number
    return number + (language(lang).percent_gap if unit.startswith("%") else " ") + unit


def fmt_years(first: int, last: int) -> str:
    """A span of years as a title writes it: "2014–2025", and one year as that year ("2021", not
    "2021–2021"). The same in every language."""
    return str(first) if first == last else f"{first}–{last}"


def fmt_date(value: date | datetime | str, lang: str) -> str:
    """``26.11.2026`` in nb, ``26 Nov 2026`` in en."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.strftime(language(lang).date_format)


def plotly_separators(lang: str) -> str:
    """Plotly's ``layout.separators``: the decimal mark, then the thousands separator."""
    spec = language(lang)
    return spec.decimal + spec.group


DROPDOWN_LABELS = ("select_all", "deselect_all", "selected_count", "search", "clear_search", "clear_selection",
                   "no_options_found")


def dropdown_labels(lang: str) -> dict[str, str]:
    """A dcc.Dropdown's ``labels`` in ``lang``: its own texts, which are English unless given."""
    return {key: t(f"dropdown.{key}", lang) for key in DROPDOWN_LABELS}


def plotly_locale(lang: str) -> str:
    """The ``locale`` of a chart's config in ``lang``: the name plotly.js knows the language by."""
    return language(lang).plotly


def csv_format(lang: str) -> tuple[str, str]:
    """The field separator and decimal mark of a CSV file for a reader of ``lang``: ``;`` and
    ``,`` in nb (what a Norwegian Excel expects), ``,`` and ``.`` in en."""
    spec = language(lang)
    return spec.csv_separator, spec.decimal


def ag_grid_texts(lang: str) -> Mapping[str, str] | None:
    """AG Grid's ``localeText`` for ``lang``; None leaves its own English."""
    return language(lang).ag_grid


def column(lang: str, stem: str = "") -> str:
    """The name of ``lang``'s variant of a column or field: ``column("en", "name")`` is
    ``"name_en"`` (the data files' ``name_nb``, ``short_en``, the catalogue's ``unit_nb``); with no
    stem, the code itself (the catalogue's labels ``KPI.nb``, ``KPI.en``)."""
    code = normalize_lang(lang)
    return f"{stem}_{code}" if stem else code


def localized(entry: object, lang: str, stem: str = "") -> str:
    """``entry``'s field for ``lang`` (see ``column``): ``localized(kpi, "en", "unit")`` is
    ``kpi.unit_en``."""
    return getattr(entry, column(lang, stem))


def lang_arg(lang: str) -> dict[str, str]:
    """The language as an address's query argument: none for the default language."""
    code = normalize_lang(lang)
    return {} if code == DEFAULT_LANG else {"lang": code}


CLIENT_TEXTS = ("image.svg", "image.png", "share.copied")  # texts the browser's JavaScript shows


def client_config() -> str:
    """What the browser's JavaScript needs of the languages (``assets/dashboard.js``,
    ``assets/plotly-download.js``), as JSON: the codes, the default, and each one's number locale,
    decimal mark and the few texts the scripts show (``CLIENT_TEXTS``)."""
    return json.dumps({"default": DEFAULT_LANG,
                       "languages": {c: {"locale": s.locale, "decimal": s.decimal,
                                         "texts": {k: t(k, c) for k in CLIENT_TEXTS}} for c, s in LANGUAGES.items()}},
                      separators=(",", ":"))
