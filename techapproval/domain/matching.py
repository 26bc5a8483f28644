"""Whether a resource a teacher is asking for is one the district has already decided on, and for which grades.

Names are compared by their compact form (domain.validation.compact_name: case, accents, punctuation and
spaces ignored), so "tik tok", "TikTok" and "Tik-Tok!" are one name. A name typed with a small typo
("Kahot", "Desmso") still matches: at most one letter added, dropped, changed or two swapped for a short
name, two for a longer one. A name within a longer one matches as before ("desmos" finds "Desmos Graphing
Calculator").

An approval covers the grades it was given. `grade_fit` says whether the grades asked for are among them,
and which are not, so the request form can say "approved for grades 4–5; you asked for 9–12".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from .enums import Grade
from .validation import compact_name

MIN_CHARS = 3  # a shorter compact name matches only itself
MAX_TRIGRAMS = 24  # a long name is looked up by its first ones: enough to find it, few enough to stay fast


def allowed_typos(length: int) -> int:
    """How many edits a name of this many letters may differ by and still be taken for the same name."""
    if length < 5:  # "Zoom" and "Loom" are two tools
        return 0
    return 1 if length < 9 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """The optimal-string-alignment distance between a and b (insertions, deletions, substitutions and
    swaps of neighbours), or limit + 1 as soon as it is known to exceed limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def matcher(asked: str) -> Callable[[str], bool]:
    """A test of compact names (compact_name) for the name a teacher typed, worked out once for a lookup
    that checks many: whether each is taken for the same name (see the module's rules)."""
    a = compact_name(asked)

    def matches(k: str) -> bool:
        if not a or not k:
            return False
        if a == k:
            return True
        if len(a) < MIN_CHARS:
            return False
        if a in k:
            return True
        limit = allowed_typos(min(len(a), len(k)))
        return limit > 0 and edit_distance(a, k, limit) <= limit

    return matches


def names_match(asked: str, known: str) -> bool:
    """Whether the name a teacher typed is taken for a known resource's name (see the module's rules)."""
    return matcher(asked)(compact_name(known))


def trigrams(name: str) -> tuple[str, ...]:
    """The three-letter pieces of a name's compact form, in order, each once: what a search index is asked
    for to find the names that may match (a name with one typo still shares most of them)."""
    text = compact_name(name)
    found = dict.fromkeys(text[i:i + 3] for i in range(len(text) - 2))
    return tuple(found)[:MAX_TRIGRAMS]


class Fit(StrEnum):
    """How an approval's grades stand to the grades a teacher asked for."""

    COVERED = "covered"  # every grade asked for is approved (or staff use of a staff tool)
    NOT_COVERED = "not_covered"  # some grades asked for are not approved: `missing` says which
    NOT_ASKED = "not_asked"  # the teacher has not chosen grades yet: the approval's are shown
    UNKNOWN = "unknown"  # the approval records no grades: nobody can say what it covers


@dataclass(frozen=True)
class GradeFit:
    fit: Fit
    missing: tuple[Grade, ...] = ()  # asked for, not approved (school order)


def grade_fit(approved: Iterable[Grade], approved_staff_only: bool, asked: Iterable[Grade],
              asked_staff_only: bool) -> GradeFit:
    """Whether an approval for `approved` grades (or for staff use only) covers what is asked."""
    approved, asked = set(approved), sorted(set(asked), key=lambda g: g.order)
    if not asked and not asked_staff_only:
        return GradeFit(Fit.NOT_ASKED)
    if not approved and not approved_staff_only:
        return GradeFit(Fit.UNKNOWN)
    if asked_staff_only:  # staff use: an approval for students or for staff covers it
        return GradeFit(Fit.COVERED)
    missing = tuple(g for g in asked if g not in approved)
    return GradeFit(Fit.NOT_COVERED, missing) if missing else GradeFit(Fit.COVERED)
