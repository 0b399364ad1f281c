"""The jury's rubric: what 2, 5 and 8 mean on every criterion of both prizes."""

from __future__ import annotations

import pytest

from dashboard import kpis
from dashboard.i18n import LANGUAGES
from dashboard.scores import rubric

PRIZES = ("main", "special")
EVERY = [(prize, c.id) for prize in PRIZES for c in kpis.criteria_for(prize)]


def test_the_rubric_covers_exactly_the_criteria_of_both_prizes() -> None:
    assert len(EVERY) == 12  # nine for the main prize, three for the special prize
    assert sorted(rubric.ANCHORS) == sorted(EVERY)


@pytest.mark.parametrize(("prize", "criterion"), EVERY)
def test_every_criterion_has_anchors_2_5_8_in_every_language(prize: str, criterion: str) -> None:
    levels = rubric.anchors(prize, criterion)
    assert [a.score for a in levels] == [2, 5, 8]
    for lang in LANGUAGES:
        texts = [a.text(lang) for a in levels]
        assert len(set(texts)) == 3, texts  # three distinct levels
        for text in texts:
            assert text == text.strip() and text[0].isupper() and text.endswith("."), text
            assert 30 <= len(text) <= 110, text  # one short, concrete sentence
    assert all(a.nb != a.en for a in levels)


def test_text_reads_the_language_asked_for() -> None:
    eight = rubric.anchors("main", "productivity")[2]
    assert eight.text("nb") == "Verdiskaping per årsverk blant de beste i bransjen, og en klar plan for å holde den."
    assert eight.text("en") == "Value added per FTE among the best in the sector, and a clear plan to keep it there."


def test_no_two_anchors_anywhere_share_a_text() -> None:
    texts = [a.text(lang) for levels in rubric.ANCHORS.values() for a in levels for lang in LANGUAGES]
    assert len(texts) == 12 * 3 * len(LANGUAGES)
    assert len(set(texts)) == len(texts)


def test_the_special_prize_words_its_shared_criteria_for_start_ups() -> None:
    for criterion in ("technology", "sustainability"):
        main, special = rubric.anchors("main", criterion), rubric.anchors("special", criterion)
        assert {a.nb for a in main}.isdisjoint(a.nb for a in special)
        assert {a.en for a in main}.isdisjoint(a.en for a in special)


@pytest.mark.parametrize(("prize", "criterion"), [
    ("main", "unique_idea"),      # a special-prize criterion asked of the main prize
    ("special", "productivity"),  # and the other way round
    ("nobel", "technology"),
    ("main", ""),
])
def test_an_unknown_prize_or_criterion_is_an_error(prize: str, criterion: str) -> None:
    with pytest.raises(KeyError):
        rubric.anchors(prize, criterion)
    with pytest.raises(KeyError):
        rubric.data_note(prize, criterion)


def test_criteria_with_key_figures_remind_that_they_are_judged_as_a_whole() -> None:
    with_figures = sorted(key for key in EVERY if rubric.data_note(*key) is rubric.WHOLE)
    assert with_figures == [("main", "cost_level"), ("main", "productivity"), ("main", "rnd"),
                            ("main", "sustainability"), ("main", "technology"),
                            ("main", "world_market"), ("special", "sustainability"),
                            ("special", "technology")]
    assert all(rubric.data_note(*key) is None for key in EVERY if key not in with_figures)
    assert rubric.WHOLE.text("en") == "The key figures are a starting point; the jury judges the criterion as a whole."
