from __future__ import annotations

import ast
import json
import re
import string
from datetime import date
from pathlib import Path

import pytest

from dashboard.i18n import (CLIENT_TEXTS, DEFAULT_LANG, DROPDOWN_LABELS, LANGS, LANGUAGES, NBSP, TEXTS, ag_grid_texts, client_config, column,
                            csv_format, fmt_date, fmt_number, lang_arg, localized, normalize_lang, plotly_separators,
                            plural_form, t, tn, with_unit)


@pytest.mark.parametrize(("value", "lang", "decimals", "expected"), [
    (1234567.8, "nb", 1, f"1{NBSP}234{NBSP}567,8"),
    (1234567.8, "en", 1, "1,234,567.8"),
    (-1234.5, "nb", 0, f"\u22121{NBSP}234"),
    (-1234.5, "en", 1, "\u22121,234.5"),  # the true minus in English too
    (-0.04, "en", 1, "0.0"),
    (-0.04, "nb", 1, "0,0"),
    (0.5, "en", 2, "0.50"),
    (None, "nb", 0, "–"),
    (float("nan"), "en", 0, "–"),
])
def test_fmt_number(value, lang, decimals, expected) -> None:
    assert fmt_number(value, lang, decimals) == expected


def test_signed_numbers() -> None:
    assert fmt_number(38.2, "nb", 1, signed=True) == "+38,2"
    assert fmt_number(-3.0, "en", 0, signed=True) == "\u22123"
    assert fmt_number(-3.0, "nb", 0, signed=True) == "\u22123"


def test_a_percent_sign_follows_its_number_as_the_language_writes_it() -> None:
    """English writes "2.8%" and "2.8% of turnover", Norwegian "2,8 %" and "2,8 % av omsetningen";
    any other unit is one space away in both."""
    assert with_unit("2.8", "%", "en") == "2.8%"
    assert with_unit("2.8", "% of turnover", "en") == "2.8% of turnover"
    assert with_unit("2,8", "%", "nb") == "2,8 %"
    assert with_unit("2,8", "% av omsetningen", "nb") == "2,8 % av omsetningen"
    assert with_unit("1,447", "NOK thousand per FTE", "en") == "1,447 NOK thousand per FTE"
    assert with_unit("12", "", "en") == "12"


def test_dates() -> None:
    assert fmt_date(date(2026, 11, 26), "nb") == "26.11.2026"
    assert fmt_date("2026-01-05T10:00:00+00:00", "en") == "5 Jan 2026"


@pytest.mark.parametrize("hostile", [None, "", "EN", "de", "<script>", ["en"], 1, "__class__"])
def test_anything_but_a_known_language_is_norwegian(hostile) -> None:
    assert normalize_lang(hostile) == "nb"
    assert normalize_lang("en") == "en" and normalize_lang("nb") == "nb"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_text_has_every_language() -> None:
    """A text per language (a plural text: one per plural form of the language), none empty, and
    every form with the same {fields}."""
    for key, texts in TEXTS.items():
        assert len(texts) == len(LANGS), key
        forms = []
        for lang, text in zip(LANGS, texts):
            if not isinstance(text, str):
                assert len(text) == LANGUAGES[lang].plurals, (key, lang)
            forms += [text] if isinstance(text, str) else list(text)
        assert all(f.strip() for f in forms), key
        assert all(_fields(f) == _fields(forms[0]) for f in forms), key
    assert t("card.change", "nb", change="+1", year=2024) == "+1 fra 2024"
    assert plotly_separators("nb") == "," + NBSP and plotly_separators("en") == ".,"


@pytest.mark.parametrize(("n", "nb", "en"), [
    (0, "0 bedrifter", "0 companies"),
    (1, "1 bedrift", "1 company"),
    (2, "2 bedrifter", "2 companies"),
    (1234, f"1{NBSP}234 bedrifter", "1,234 companies"),
    (None, "– bedrifter", "– companies"),
])
def test_a_count_takes_the_plural_form_of_its_number(n, nb, en) -> None:
    assert tn("count.companies", n, "nb") == nb and tn("count.companies", n, "en") == en


@pytest.mark.parametrize(("n", "nb", "en"), [
    (0, "Sammenligningsgruppe: 0 bedrifter (Metaller).", "Peer group: 0 companies (Metaller)."),
    (1, "Sammenligningsgruppe: 1 bedrift (Metaller).", "Peer group: 1 company (Metaller)."),
    (2, "Sammenligningsgruppe: 2 bedrifter (Metaller).", "Peer group: 2 companies (Metaller)."),
])
def test_whole_sentences_agree_with_their_count(n, nb, en) -> None:
    assert tn("benchmark.group", n, "nb", what="Metaller") == nb
    assert tn("benchmark.group", n, "en", what="Metaller") == en
    assert tn("table.count", n, "nb", shown="0", kpi="x").startswith(f"0 av {nb.split(': ')[1].split(' (')[0]},")


def test_plural_forms_of_numbers_as_shown_and_words_without_a_number() -> None:
    assert [tn("count.fte", n, "nb") for n in (0, 1, 2)] == ["0 årsverk", "1 årsverk", "2 årsverk"]
    assert [tn("count.fte", n, "en") for n in (0, 1, 2)] == ["0 FTE", "1 FTE", "2 FTE"]
    assert tn("count.companies", 1.4, "en") == "1 company"  # as shown, rounded
    assert tn("count.companies", 1.4, "en", decimals=1) == "1.4 companies"
    assert [tn("present.headline.nominees", n, "nb") for n in (0, 1, 2)] == [
        "nominerte bedrifter", "nominert bedrift", "nominerte bedrifter"]
    assert [tn("present.headline.fte", n, "en") for n in (0, 1, 2)] == [
        "full-time equivalents", "full-time equivalent", "full-time equivalents"]
    assert plural_form(None, "en") == LANGUAGES["en"].plurals - 1
    assert tn("benchmark.suppressed.dominated", 5, "en") == "hidden: one company dominates"  # no forms: as t
    with pytest.raises(TypeError, match="tn"):
        t("count.companies", "nb")


def test_the_language_helpers() -> None:
    assert column("en", "name") == "name_en" and column("nb", "short") == "short_nb" and column("en") == "en"
    assert column("xx", "name") == "name_nb"  # through normalize_lang, like every helper
    entry = type("Entry", (), {"nb": "Bedrift", "en": "Company", "unit_nb": "årsverk", "unit_en": "FTE"})
    assert localized(entry, "en") == "Company" and localized(entry, "nb", "unit") == "årsverk"
    assert lang_arg("nb") == {} and lang_arg("en") == {"lang": "en"} and lang_arg("<x>") == {}
    assert csv_format("nb") == (";", ",") and csv_format("en") == (",", ".")
    assert ag_grid_texts("nb")["page"] == "Side" and ag_grid_texts("en") is None
    config = json.loads(client_config())
    assert config["default"] == DEFAULT_LANG and list(config["languages"]) == list(LANGS)
    assert {k: v for k, v in config["languages"]["nb"].items() if k != "texts"} == {"locale": "nb-NO", "decimal": ","}
    assert config["languages"]["en"]["texts"]["image.svg"] == "Download as SVG (1600 × 900)"


# --- Every text is used, and every text used exists ------------------------------------------------

DASHBOARD = Path(__file__).resolve().parent.parent / "dashboard"


def _dynamic() -> dict[str, tuple[str, ...]]:
    """Keys the code builds at run time, ``t(f"size.{s}", ...)``: each prefix and every value the
    code can put after it. A new f-string key makes the scan below fail until it is added here."""
    from dashboard import benchmark, dimensions, disclosure, errors, figures, kpis, state, users
    from dashboard.components.shell import PAGES
    from dashboard import meta
    from dashboard.pages import explorer, jury
    from dashboard.scores import consensus, store
    return {
        "nav.": tuple(page for page, _ in PAGES),
        "lang.": LANGS,
        "auth.role.": users.ROLES,
        "size.": dimensions.SIZE_CLASSES,
        "ownership.": dimensions.OWNERSHIP,
        "status.": state.STATUSES,
        "prize.": state.PRIZES,
        "award.": tuple(str(state.STATUS_LEVEL[s]) for s in state.STATUSES[1:]),
        "trend.": tuple(figures.TREND_STYLES),
        "direction.": tuple({k.direction for k in kpis.KPIS}),
        "filter.": ("county", "sector"),  # the Data page's coverage tables
        "data.coverage.": ("county", "sector"),
        "benchmark.suppressed.": ("too_few", "dominated", "overlap"),  # disclosure's reasons
        "benchmark.band.": disclosure.BANDS,
        "benchmark.col.": ("subject", "pct", "quartiles", "top_decile", "group", "winners", "gap"),
        "benchmark.same_": benchmark.PEER_OPTIONS,
        "benchmark.mode.": ("company", "typed"),
        "compare.view.": state.VIEWS,
        "unit.": tuple({m.unit for m in kpis.MEASURES}),
        "http.": (*map(str, errors.HTTP_TEXTS), "error"),
        "jury.round.": store.ROUND_STATES,
        "jury.round.now_": ("open", "closed"),
        "jury.closed_note.": ("none", "closed"),  # a sheet that cannot be written to yet, or any more
        "jury.refused.": (*store.REASONS, *jury.PAGE_REASONS),
        "jury.tab.": jury.TAB_IDS,
        "jury.col.": (*jury.CONSENSUS_COLUMNS, *(f"{c}.help" for c in jury.CONSENSUS_COLUMNS), *jury.SPREAD_COLUMNS),
        "jury.agreement.": consensus.BANDS,
        "jury.audit.": store.ACTIONS,
        "share.chart.": explorer.SHARED,  # the charts' download names
        "og.": tuple(meta.PAGES.values()),  # each page's preview text
        "image.": ("png", "svg"),  # the share menu's image buttons (also shown by assets/plotly-download.js)
    }


def _keys_in_source() -> tuple[set[str], dict[str, set[str]], set[str]]:
    """String constants of dashboard/ (any of them may be a key handed to ``t`` later), the keys
    that ``t`` and ``tn`` are called with (literal, or a known prefix with each of its values),
    and the f-string prefixes found."""
    dynamic = _dynamic()
    constants: set[str] = set()
    calls: dict[str, set[str]] = {"t": set(), "tn": set()}
    prefixes: set[str] = set()

    def keys(arg: ast.expr, where: str) -> set[str]:
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            return {arg.value}
        if isinstance(arg, ast.IfExp):
            return keys(arg.body, where) | keys(arg.orelse, where)
        if isinstance(arg, ast.JoinedStr) and arg.values and isinstance(arg.values[0], ast.Constant):
            prefix = arg.values[0].value
            assert prefix in dynamic, f"{where}: t(f\"{prefix}{{...}}\"): add the prefix and its values to _dynamic()"
            prefixes.add(prefix)
            return {prefix + value for value in dynamic[prefix]}
        return set()  # a variable: its literal is one of the constants

    for path in DASHBOARD.rglob("*.py"):
        if path.name == "i18n.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                constants.add(node.value)
            elif isinstance(node, ast.Call) and node.args:
                name = getattr(node.func, "id", getattr(node.func, "attr", None))
                if name in calls:
                    calls[name] |= keys(node.args[0], f"{path.name}:{node.lineno}")
    return constants, calls, prefixes


def test_every_text_is_used_and_every_key_used_exists() -> None:
    constants, calls, prefixes = _keys_in_source()
    own = {f"dropdown.{key}" for key in DROPDOWN_LABELS} | set(CLIENT_TEXTS)  # i18n's own: dropdowns, scripts
    used = (constants & TEXTS.keys()) | calls["t"] | calls["tn"] | own
    assert sorted(TEXTS.keys() - used) == [], "texts nobody shows: remove them from i18n.py"
    assert sorted((calls["t"] | calls["tn"]) - TEXTS.keys()) == [], "keys missing from i18n.py"
    plural = {k for k, texts in TEXTS.items() if not all(isinstance(x, str) for x in texts)}
    assert sorted(calls["t"] & plural) == [], "texts with plural forms need tn(key, n, lang)"
    assert prefixes == set(_dynamic()), "a prefix in _dynamic() the code no longer builds"


def test_no_module_but_i18n_compares_language_codes() -> None:
    """Adding a language touches i18n.py (and the data's name columns), not every page."""
    check = re.compile(r"""[!=]==?\s*["'](nb|en)["']|["'](nb|en)["']\s*[!=]==?|["'](name|short)_(nb|en)["']""")
    offenders = [f"{p.relative_to(DASHBOARD)}:{i}: {line.strip()}"
                 for p in [*DASHBOARD.rglob("*.py"), *DASHBOARD.rglob("*.js")] if p.name != "i18n.py"
                 for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if check.search(line)]
    assert offenders == []


def test_dash_dropdowns_speak_the_page_language() -> None:
    """Dash's dropdown writes its own texts ("10 selected", "Select all") in English unless told."""
    from dashboard.i18n import dropdown_labels

    assert dropdown_labels("nb")["selected_count"] == "{num_selected} valgt"
    assert dropdown_labels("en")["selected_count"] == "{num_selected} selected"
    assert set(dropdown_labels("nb")) == set(DROPDOWN_LABELS)
    assert all(dropdown_labels("nb")[k] != dropdown_labels("en")[k] for k in DROPDOWN_LABELS)


def test_a_count_with_a_noun_takes_the_plural_form_of_its_number() -> None:
    """"1 bedrift", "2 bedrifter": every text that writes a count before a noun that has plural
    forms (bedrift, nominert, finalist) has plural forms and is shown with tn."""
    noun = re.compile(r"\{(n|shown)\} (bedrifter|nominerte|finalister|vinnere|companies|nominees|finalists|winners)\b")
    single = [k for k, texts in TEXTS.items() if isinstance(texts[0], str) and noun.search(texts[0] + texts[1])]
    # the exceptions count a rule's number, the smallest group the public sees, never 1
    from dashboard import disclosure

    assert single == ["disclosure.public_rules", "present.scatter.note"] and disclosure.rule_numbers()["n"] >= 2
    assert tn("count.companies", 1, "nb") == "1 bedrift" and tn("count.companies", 2, "nb") == "2 bedrifter"


def test_every_dropdown_that_can_show_its_own_texts_speaks_the_page_language(app) -> None:
    """A searchable or multiple dropdown writes "Search", "No options found", "10 selected" unless
    given its texts: on a Norwegian page each one has them in Norwegian."""
    from dashboard.i18n import dropdown_labels
    from dashboard.pages import benchmark, compare, explorer
    from tests.layout import kind, prop, walk

    with app.server.app_context():
        pages = [explorer.layout(lang="nb"), compare.layout(lang="nb"), benchmark.layout(lang="nb", company="983152716")]
    talking = [d for page in pages for d in walk(page) if kind(d) == "Dropdown"
               and (prop(d, "multi") or prop(d, "searchable") is not False)]
    assert len(talking) >= 8
    assert [prop(d, "id") for d in talking if prop(d, "labels") != dropdown_labels("nb")] == []
