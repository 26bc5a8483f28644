"""The "already decided" lookup's rules: names that differ only in spaces, case, punctuation or a small typo
are one name; an approval covers the grades it was given, and says which asked-for grades it does not."""

from __future__ import annotations

import pytest

from techapproval.domain.enums import Grade
from techapproval.domain.matching import Fit, GradeFit, edit_distance, grade_fit, names_match, trigrams
from techapproval.domain.validation import compact_name

G = Grade


@pytest.mark.parametrize(("asked", "known"), [
    ("tik tok", "TikTok"),
    ("TikTok", "Tik Tok"),
    ("Tik-Tok!", "tiktok"),
    ("KAHOOT", "Kahoot!"),
    ("Kahot", "Kahoot!"),  # one letter dropped
    ("Kahooot", "Kahoot!"),  # one added
    ("Desmso", "Desmos"),  # two swapped
    ("Google Clasroom", "Google Classroom"),
    ("Goggle Clasroom", "Google Classroom"),  # two typos in a long name
    ("desmos", "Desmos Graphing Calculator"),  # within a longer name, as before
    ("Café Français", "Cafe Francais"),
])
def test_close_spellings_are_one_name(asked, known):
    assert names_match(asked, known)


@pytest.mark.parametrize(("asked", "known"), [
    ("Google Docs", "Google Classroom"),
    ("Zoom", "Loom"),  # short names: a one-letter difference is another tool
    ("Quizlet", "Quizizz"),
    ("Padlet", "Tablet"),
    ("ab", "abc"),  # too short to match anything but itself
    ("", "Kahoot!"),
    ("Desmos Graphing Calculator", "Desmos"),  # the longer name is not within the shorter
])
def test_different_names_are_not_matched(asked, known):
    assert not names_match(asked, known)


def test_compact_names_and_their_trigrams():
    assert compact_name("Tik-Tok!") == compact_name("tik tok") == "tiktok"
    assert trigrams("tik tok") == ("tik", "ikt", "kto", "tok")
    assert trigrams("ab") == ()
    assert len(trigrams("x" * 3 + "abcdefghijklmnopqrstuvwxyz" * 4)) == 24  # a long name: its first pieces


@pytest.mark.parametrize(("a", "b", "limit", "expected"), [
    ("kahoot", "kahoot", 2, 0), ("kahot", "kahoot", 2, 1), ("desmso", "desmos", 2, 1), ("abc", "xyz", 2, 3),
    ("abcdef", "a", 2, 3),  # lengths too far apart: over the limit at once
])
def test_edit_distance_stops_past_its_limit(a, b, limit, expected):
    assert edit_distance(a, b, limit) == expected


def test_an_approval_for_some_grades_says_which_asked_for_grades_it_does_not_cover():
    four_five = (G.G4, G.G5)
    assert grade_fit(four_five, False, [G.G9, G.G10, G.G11, G.G12], False) == GradeFit(
        Fit.NOT_COVERED, (G.G9, G.G10, G.G11, G.G12))
    assert grade_fit(four_five, False, [G.G5, G.G6], False) == GradeFit(Fit.NOT_COVERED, (G.G6,))
    assert grade_fit(four_five, False, [G.G4], False) == GradeFit(Fit.COVERED)
    assert grade_fit(four_five, False, [], False) == GradeFit(Fit.NOT_ASKED)


def test_staff_use_and_approvals_without_grades():
    assert grade_fit((), True, [G.G3], False) == GradeFit(Fit.NOT_COVERED, (G.G3,))  # staff only: not students
    assert grade_fit((), True, [], True) == GradeFit(Fit.COVERED)
    assert grade_fit((G.G3,), False, [], True) == GradeFit(Fit.COVERED)
    assert grade_fit((), False, [G.G3], False) == GradeFit(Fit.UNKNOWN)  # imported with no grades
