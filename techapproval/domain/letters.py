"""The letters the district sends families, in English and Spanish: their reviewed texts
(`resources/letters/<code>.json`), checked to be complete and to use the same placeholders in every
language, and the small language-aware pieces (dates, grades, categories) that fill them.

Dates and month names come from the texts, never from the operating system's locale.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from ..paths import resources_dir
from .enums import Grade, InfoCategory, format_grades


class Language(StrEnum):
    EN = "en"
    ES = "es"

    @property
    def label(self) -> str:
        """The language's name in itself, as a parent choosing it would look for it."""
        return {"en": "English", "es": "Espa\u00f1ol"}[self.value]


# Every placeholder a text may use; a typo such as {resouce} is caught by the check below.
PLACEHOLDERS = frozenset({
    "district", "town", "resource", "teacher", "return_by", "approver_title", "website", "school_year",
    "day", "month", "year", "page",
})


class LetterTextError(ValueError):
    """The letter texts on disk are incomplete or inconsistent between languages."""


def letters_dir() -> Path:
    return resources_dir() / "letters"


def flatten(data: Any, prefix: str = "") -> dict[str, str]:
    """{"a": {"b": "x"}, "c": ["y"]} → {"a.b": "x", "c.0": "y"}. Non-text leaves are kept as their
    repr, so the check reports them instead of crashing."""
    if isinstance(data, Mapping):
        items = ((f"{prefix}{k}", v) for k, v in data.items())
    elif isinstance(data, list):
        items = ((f"{prefix}{i}", v) for i, v in enumerate(data))
    else:
        return {prefix.rstrip("."): data if isinstance(data, str) else repr(data)}
    out: dict[str, str] = {}
    for key, value in items:
        if isinstance(value, Mapping | list):
            out.update(flatten(value, key + "."))
        else:
            out[key] = value if isinstance(value, str) else repr(value)
    return out


def placeholders(template: str) -> set[str]:
    """The {names} a text uses. A stray brace makes it unparseable: reported as "{?}"."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError:
        return {"?"}


def check_letter_sets(sets: Mapping[Language, Mapping[str, Any]]) -> list[str]:
    """Every problem with a set of letter texts, in words; empty when they are fit to print.

    The first language given is the reference: every other one must have exactly its keys, and each text
    the same placeholders. Each language must name every InfoCategory and twelve months.
    """
    problems: list[str] = []
    flat = {language: flatten(data) for language, data in sets.items()}
    if not flat:
        return ["No letter texts were given."]
    reference, ref_texts = next(iter(flat.items()))
    for language, texts in flat.items():
        for key, text in texts.items():
            if unknown := placeholders(text) - PLACEHOLDERS:
                problems.append(f"{language.label}: {key} uses unknown placeholders {sorted(unknown)}.")
            if not text.strip():
                problems.append(f"{language.label}: {key} is empty.")
        missing_categories = [c.value for c in InfoCategory if f"categories.{c.value}" not in texts]
        if missing_categories:
            problems.append(f"{language.label}: categories lacks {missing_categories}.")
        months = [k for k in texts if re.fullmatch(r"date\.months\.\d+", k)]
        if len(months) != 12:
            problems.append(f"{language.label}: date.months has {len(months)} names, not 12.")
        if language is reference:
            continue
        for key in sorted(ref_texts.keys() - texts.keys()):
            problems.append(f"{language.label}: {key} is missing (it is in {reference.label}).")
        for key in sorted(texts.keys() - ref_texts.keys()):
            problems.append(f"{language.label}: {key} is not in {reference.label}.")
        for key in sorted(ref_texts.keys() & texts.keys()):
            ours, theirs = placeholders(texts[key]), placeholders(ref_texts[key])
            if ours != theirs:
                problems.append(f"{language.label}: {key} uses {sorted(ours)} but {reference.label} uses "
                                f"{sorted(theirs)}.")
    return problems


def read_letter_sets(directory: Path | None = None) -> dict[Language, dict[str, Any]]:
    directory = directory or letters_dir()
    sets = {}
    for language in Language:
        path = directory / f"{language.value}.json"
        try:
            sets[language] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise LetterTextError(f"The {language.label} letter texts ({path}) cannot be read: {exc}") from None
    return sets


class _Values(dict):
    def __missing__(self, key: str) -> str:
        raise KeyError(f"no value given for the placeholder {{{key}}}")


class LetterTexts:
    """One language's texts. `get` is the raw text; `fill` puts values into its placeholders."""

    def __init__(self, language: Language, data: Mapping[str, Any]):
        self.language = language
        self._texts = flatten(data)

    def get(self, key: str) -> str:
        try:
            return self._texts[key]
        except KeyError:
            raise LetterTextError(f"{self.language.label}: no text {key!r}") from None

    def fill(self, key: str, values: Mapping[str, str]) -> str:
        """The text with its placeholders filled by str.format_map. The caller escapes the values (and
        the text) for wherever the result goes."""
        return self.get(key).format_map(_Values(values))

    def keys(self) -> set[str]:
        return set(self._texts)

    def format_date(self, day: date) -> str:
        """"November 25, 2026" / "25 de noviembre de 2026", whatever the computer's locale."""
        month = self.get(f"date.months.{day.month - 1}")
        return self.fill("date.format", {"day": str(day.day), "month": month, "year": str(day.year)})

    def category(self, category: InfoCategory) -> str:
        return self.get(f"categories.{category.value}")

    def grades(self, grades: list[Grade] | tuple[Grade, ...]) -> str:
        """format_grades' "PreK, K, 3–5" with PreK and K in this language."""
        names = {g: self.get(f"grades.{g}") for g in ("PreK", "K")}
        parts = []
        for part in format_grades(grades, False).split(", "):
            parts.append("\u2013".join(names.get(piece, piece) for piece in part.split("\u2013")))
        return ", ".join(p for p in parts if p)


@cache
def _all_texts() -> dict[Language, LetterTexts]:
    sets = read_letter_sets()
    if problems := check_letter_sets(sets):
        raise LetterTextError("The letter texts need fixing: " + " ".join(problems))
    return {language: LetterTexts(language, data) for language, data in sets.items()}


def letter_texts(language: Language) -> LetterTexts:
    """The checked texts of one language; all languages are read and checked together, once."""
    return _all_texts()[Language(language)]


