"""The letter texts: complete in every language, with the same placeholders, and dates that do not depend
on the computer's locale."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from techapproval.domain.enums import Grade, InfoCategory
from techapproval.domain.letters import (
    PLACEHOLDERS,
    Language,
    LetterTexts,
    check_letter_sets,
    flatten,
    letter_texts,
    placeholders,
    read_letter_sets,
)
from techapproval.domain.settings import district_heading, district_short


@pytest.fixture(scope="module")
def sets():
    return read_letter_sets()


def test_both_languages_are_complete_and_use_the_same_placeholders(sets) -> None:
    assert set(sets) == {Language.EN, Language.ES}
    assert check_letter_sets(sets) == []
    english, spanish = flatten(sets[Language.EN]), flatten(sets[Language.ES])
    assert english.keys() == spanish.keys()
    for key in english:
        assert placeholders(english[key]) == placeholders(spanish[key]), key
        assert placeholders(english[key]) <= PLACEHOLDERS, key
    # The letters say what they must: these texts carry the values the PDF fills in.
    assert "resource" in placeholders(english["permission_letter.slip.give"])
    assert "website" in placeholders(english["permission_letter.contracts_website"])
    assert {"school_year"} <= placeholders(english["annual_notice.website_intro"])


def test_spanish_is_translated_not_copied(sets) -> None:
    english, spanish = flatten(sets[Language.EN]), flatten(sets[Language.ES])
    same = [k for k in english if english[k] == spanish[k] and k not in ("town_line",)]
    assert same == [], f"these Spanish texts are still the English ones: {same}"


def test_the_check_finds_a_missing_key_and_a_different_placeholder(sets) -> None:
    broken = copy.deepcopy(sets)
    del broken[Language.ES]["permission_letter"]["heading_use"]
    broken[Language.ES]["permission_letter"]["slip"]["give"] = "Doy permiso para que mi hijo o hija use {recurso}."
    broken[Language.ES]["permission_letter"]["title"] = "Aviso: {resource"
    del broken[Language.ES]["categories"]["photos"]
    broken[Language.EN]["date"]["months"].pop()
    problems = " | ".join(check_letter_sets(broken))
    assert "Español: permission_letter.heading_use is missing" in problems
    assert "Español: permission_letter.slip.give uses unknown placeholders ['recurso']" in problems
    assert "Español: permission_letter.slip.give uses ['recurso'] but English uses ['resource']" in problems
    assert "Español: permission_letter.title uses unknown placeholders ['?']" in problems
    assert "Español: categories lacks ['photos']" in problems
    assert "English: date.months has 11 names, not 12" in problems


def test_the_check_finds_an_extra_key(sets) -> None:
    broken = copy.deepcopy(sets)
    broken[Language.ES]["permission_letter"]["heading_extra"] = "Otro"
    assert check_letter_sets(broken) == ["Español: permission_letter.heading_extra is not in English."]


def test_every_category_has_its_words_in_each_language() -> None:
    for language in Language:
        texts = letter_texts(language)
        for category in InfoCategory:
            assert texts.category(category).strip(), (language, category)
    assert letter_texts(Language.EN).category(InfoCategory.FULL_NAME) == InfoCategory.FULL_NAME.label
    assert letter_texts(Language.ES).category(InfoCategory.FULL_NAME) == "Nombre y apellido"


def test_language_labels_are_in_their_own_language() -> None:
    assert [language.label for language in Language] == ["English", "Espa\u00f1ol"]
    assert Language("es") is Language.ES


def test_dates_are_written_per_language_without_the_locale() -> None:
    day = date(2026, 11, 25)
    assert letter_texts(Language.EN).format_date(day) == "November 25, 2026"
    assert letter_texts(Language.ES).format_date(day) == "25 de noviembre de 2026"
    assert letter_texts(Language.ES).format_date(date(2027, 9, 1)) == "1 de septiembre de 2027"


def test_grades_name_prek_and_k_per_language() -> None:
    grades = [Grade.PREK, Grade.K, Grade.G1, Grade.G4]
    assert letter_texts(Language.EN).grades(grades) == "PreK\u20131, 4"
    assert letter_texts(Language.ES).grades(grades) == "Prek\u00ednder\u20131, 4"
    assert letter_texts(Language.ES).grades([Grade.K, Grade.G3]) == "K\u00ednder, 3"


def test_fill_refuses_a_missing_value() -> None:
    texts = LetterTexts(Language.EN, {"a": "Use {resource} by {return_by}."})
    assert texts.fill("a", {"resource": "Padlet", "return_by": "May 1"}) == "Use Padlet by May 1."
    with pytest.raises(KeyError, match="return_by"):
        texts.fill("a", {"resource": "Padlet"})


def test_district_name_loses_a_typed_public_schools() -> None:
    assert district_short("  Riverside   Public schools ") == "Riverside"
    assert district_short("Regional School District 13") == "Regional School District 13"
    assert district_heading("Riverside Public Schools") == district_heading("riverside") == "RIVERSIDE PUBLIC SCHOOLS"
    assert district_heading("", "____") == "____ PUBLIC SCHOOLS"
