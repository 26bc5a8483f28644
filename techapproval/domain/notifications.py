"""Email notifications: the kinds a person hears of, their texts in English and Spanish
(`resources/notifications/<code>.json`, checked to have the same keys and placeholders in every language),
the checks every outgoing header and address must pass, and the sender's back-off.

The texts are filled with str.format_map; the HTML template (autoescaped) escapes every value and text.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta
from enum import StrEnum
from functools import cache
from pathlib import Path

from ..paths import resources_dir
from .letters import Language, LetterTexts, flatten, placeholders


class NotificationKind(StrEnum):
    """What a message is about; each person may turn each kind off."""

    SUBMITTED = "submitted"  # to the reviewers: a request submitted or resubmitted
    RETURNED = "returned"  # to the requester: a question
    DECIDED = "decided"  # to the requester: the decision
    RENEWAL = "renewal"  # to the reviewers: a renewal opened
    DIGEST = "digest"  # to each reviewer, each morning: deadlines overdue or coming

    @property
    def label(self) -> str:
        return {
            "submitted": "A request waits for my review",
            "returned": "A reviewer asks me a question",
            "decided": "My request was decided",
            "renewal": "A renewal waits for review",
            "digest": "Each morning: deadlines overdue or coming",
        }[self.value]


# Messages that are no person's choice: the test message, the yearly notice to the mailing list.
SYSTEM_KINDS = ("test", "annual_notice")

MAX_ATTEMPTS = 8  # then the message is failed, and waits for "Send again"
CLAIM = timedelta(minutes=10)  # a sender that died holding a message lets it go after this


def retry_after(attempts: int) -> timedelta:
    """How long to wait after the `attempts`-th failed try: 1, 2, 4 … minutes, at most six hours."""
    return min(timedelta(minutes=2 ** max(0, attempts - 1)), timedelta(hours=6))


class HeaderProblem(ValueError):
    """An address or a header value that must not go into a message."""


_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_ADDRESS = re.compile(rf"[^@\s\"(),:;<>\[\]\\]+@{_LABEL}(?:\.{_LABEL})+")


def address_problem(address: str) -> str | None:
    """Why `address` is not one plain email address (a line break, a second address, a display name…)."""
    if not address:
        return "Enter an email address."
    if len(address) > 254:
        return "An email address has at most 254 characters."
    if any(c in address for c in "\r\n\0"):
        return "An email address cannot hold a line break."
    if not _ADDRESS.fullmatch(address):
        return f"\u201c{address}\u201d is not an email address (name@district.org)."
    return None


def checked_header(value: str) -> str:
    """A header value as given, refused if it holds a line break or a NUL (header injection)."""
    if any(c in value for c in "\r\n\0"):
        raise HeaderProblem("A header cannot hold a line break.")
    return value


def one_line(text: str) -> str:
    """Typed text for a subject: every run of spaces and line breaks becomes one space, at most 200 characters."""
    line = " ".join(text.split())
    return line if len(line) <= 200 else line[:199] + "\u2026"


def texts_dir() -> Path:
    return resources_dir() / "notifications"


def check_text_sets(sets: dict[Language, dict]) -> list[str]:
    """Every problem with the notification texts: English is the reference; every other language has its
    keys, and each text the same placeholders."""
    problems = []
    flat = {language: flatten(data) for language, data in sets.items()}
    reference = flat[Language.EN]
    for language, texts in flat.items():
        for key in sorted(reference.keys() - texts.keys()):
            problems.append(f"{language.label}: {key} is missing.")
        for key in sorted(texts.keys() - reference.keys()):
            problems.append(f"{language.label}: {key} is not in English.")
        for key in sorted(reference.keys() & texts.keys()):
            if placeholders(texts[key]) != placeholders(reference[key]):
                problems.append(f"{language.label}: {key} has other placeholders than English.")
            if not texts[key].strip():
                problems.append(f"{language.label}: {key} is empty.")
    return problems


@cache
def _all_texts() -> dict[Language, LetterTexts]:
    sets = {language: json.loads((texts_dir() / f"{language.value}.json").read_text(encoding="utf-8"))
            for language in Language}
    if problems := check_text_sets(sets):
        raise ValueError("The notification texts need fixing: " + " ".join(problems))
    return {language: LetterTexts(language, data) for language, data in sets.items()}


def notification_texts(language: Language | str) -> LetterTexts:
    return _all_texts()[Language(language)]
