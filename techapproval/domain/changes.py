"""Change sets: which kinds of records a transaction changed, and their ids.

Every write use case reports one, built from what its transaction actually wrote (services/changes.py), and
the look for other people's changes builds the same from the audit events added since the last one it saw.
Screens declare the kinds they show and read again only when one of those changed, as Anki's OpChanges do.
A change set carries only kinds and ids, never the records: whoever shows them reads them again through the
ordinary use cases, so a change set never shows a person more than they may see.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """The kinds of records screens show. A request's messages and permission tallies are its own."""

    REQUESTS = "requests"
    CATALOG = "catalog"
    CONTRACTS = "contracts"
    INCIDENTS = "incidents"
    DELETIONS = "deletions"
    EXCEPTIONS = "exceptions"
    ACCESSIBILITY = "accessibility"
    PEOPLE = "people"
    SETTINGS = "settings"
    CALENDAR = "calendar"  # district closures: they move business-day deadlines
    NOTICES = "notices"  # the yearly notice to families
    IMPORTS = "imports"
    MAIL = "mail"  # the outbox of email notifications


# The audit trail names records by these entities (services record them); each is a kind's.
AUDIT_ENTITY_KINDS: Mapping[str, Kind] = {
    "request": Kind.REQUESTS,
    "catalog": Kind.CATALOG,
    "contract": Kind.CONTRACTS,
    "contractor": Kind.CONTRACTS,
    "incident": Kind.INCIDENTS,
    "deletion_request": Kind.DELETIONS,
    "plan_exception": Kind.EXCEPTIONS,
    "accessibility_review": Kind.ACCESSIBILITY,
    "person": Kind.PEOPLE,
    "setting": Kind.SETTINGS,
    "closure": Kind.CALENDAR,
    "annual_notice": Kind.NOTICES,
    "records_import": Kind.IMPORTS,
}


@dataclass(frozen=True)
class ChangeSet:
    """Kinds changed, each with the ids of its records that changed (an id of None: some, not known which).

    `everything` says the whole picture may have changed (a restore, or changes aged out of what can be told):
    every screen reads again."""

    ids: Mapping[Kind, frozenset[int | None]] = field(default_factory=dict)
    everything: bool = False

    @classmethod
    def of(cls, pairs: Iterable[tuple[Kind, int | None]]) -> ChangeSet:
        found: dict[Kind, set[int | None]] = {}
        for kind, record_id in pairs:
            found.setdefault(kind, set()).add(record_id)
        return cls({kind: frozenset(ids) for kind, ids in found.items()})

    @classmethod
    def all(cls) -> ChangeSet:
        return cls(everything=True)

    @property
    def kinds(self) -> frozenset[Kind]:
        return frozenset(Kind) if self.everything else frozenset(self.ids)

    def __bool__(self) -> bool:
        return self.everything or bool(self.ids)

    def touches(self, kinds: Iterable[Kind]) -> bool:
        """Whether any of `kinds` changed: what a screen that shows those kinds asks."""
        return self.everything or any(kind in self.ids for kind in kinds)

    def ids_of(self, kind: Kind) -> frozenset[int | None]:
        return self.ids.get(kind, frozenset())

    def __or__(self, other: ChangeSet) -> ChangeSet:
        if self.everything or other.everything:
            return ChangeSet.all()
        merged = {kind: self.ids_of(kind) | other.ids_of(kind) for kind in {*self.ids, *other.ids}}
        return ChangeSet(merged)

    def as_plain(self) -> dict[str, object]:
        """For the wire and for logs: kind → sorted ids (None as null), and whether everything changed."""
        def in_order(ids: frozenset[int | None]) -> list[int | None]:
            return sorted(ids, key=lambda i: (i is None, i or 0))

        return {"everything": self.everything,
                "ids": {kind.value: in_order(ids) for kind, ids in sorted(self.ids.items())}}

    @classmethod
    def from_plain(cls, plain: Mapping[str, object]) -> ChangeSet:
        ids = plain.get("ids") or {}
        assert isinstance(ids, Mapping)
        return cls({Kind(k): frozenset(v) for k, v in ids.items()}, everything=bool(plain.get("everything")))


NOTHING = ChangeSet()


def from_audit(entities: Iterable[tuple[str, int | None]]) -> ChangeSet:
    """The change set that audit events (entity, entity id) tell of; entities no screen shows are left out."""
    return ChangeSet.of((AUDIT_ENTITY_KINDS[e], i) for e, i in entities if e in AUDIT_ENTITY_KINDS)
