"""The notification texts agree between languages; addresses and headers that could inject are refused."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from techapproval.domain.letters import Language
from techapproval.domain.notifications import (
    HeaderProblem,
    address_problem,
    check_text_sets,
    checked_header,
    notification_texts,
    one_line,
    retry_after,
    texts_dir,
)


def test_the_shipped_texts_agree_in_every_language():
    sets = {lang: json.loads((texts_dir() / f"{lang.value}.json").read_text(encoding="utf-8")) for lang in Language}
    assert check_text_sets(sets) == []
    assert notification_texts(Language.ES).get("decided.none_required").startswith("No se requiere")


def test_a_missing_key_or_placeholder_is_reported():
    english = {"greeting": "Hello {name},", "a": "x"}
    problems = check_text_sets({Language.EN: english, Language.ES: {"greeting": "Hola, {nombre}:"}})
    assert "Español: a is missing." in problems
    assert "Español: greeting has other placeholders than English." in problems


@pytest.mark.parametrize("address", ["a@b", "two@a.example, three@b.example", "x@y.example\r\nBcc: z@evil.example",
                                     "Name <x@y.example>", "", "spaced name@y.example"])
def test_malformed_addresses_are_refused(address):
    assert address_problem(address) is not None


def test_a_plain_address_passes_and_headers_refuse_line_breaks():
    assert address_problem("rita.reviewer@riverside.k12.ct.us") is None
    with pytest.raises(HeaderProblem):
        checked_header("Subject\nBcc: x@evil.example")
    assert one_line("Quiz\r\nBcc:   x") == "Quiz Bcc: x"


def test_back_off_doubles_up_to_six_hours():
    assert [retry_after(n) for n in (1, 2, 3)] == [timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=4)]
    assert retry_after(30) == timedelta(hours=6)
