"""Change sets come from what a transaction wrote, and the look at others' changes from the audit events."""

from __future__ import annotations

import pytest

from techapproval.domain.changes import NOTHING, ChangeSet, Kind, from_audit
from techapproval.domain.enums import Decision, Permission
from techapproval.services import changes, settings
from techapproval.services import requests as svc
from techapproval.services.backend import LocalBackend
from tests.helpers import complete_form, submitted_request


def test_a_decision_reports_the_request_and_the_catalog_entry_it_wrote(district):
    backend = LocalBackend(district.db)
    rid = submitted_request(district)
    outcome = backend.run(svc.decide_request, district.reviewer, rid, Decision.APPROVED, Permission.NONE_REQUIRED)
    assert outcome.changes.kinds == {Kind.REQUESTS, Kind.CATALOG}
    assert outcome.changes.ids_of(Kind.REQUESTS) == {rid}
    [entry] = outcome.changes.ids_of(Kind.CATALOG)
    assert isinstance(entry, int)
    assert outcome.events  # numbered once committed
    with district.db.transaction() as s:
        assert changes.last_event(s) == max(outcome.events)


def test_a_read_reports_nothing_and_a_refusal_writes_nothing(district):
    backend = LocalBackend(district.db)
    rid = submitted_request(district)
    assert backend.run(svc.get_request, district.reviewer, rid).changes == NOTHING
    before = backend.last_event()
    with pytest.raises(Exception):  # noqa: B017 - the teacher may not decide
        backend.run(svc.decide_request, district.teacher, rid, Decision.APPROVED, Permission.NONE_REQUIRED)
    assert backend.last_event() == before


def test_settings_changes_are_their_own_kind(district):
    backend = LocalBackend(district.db)
    outcome = backend.run(settings.update_settings, district.admin, {"district_name": "Maplewood Public Schools"})
    assert outcome.changes.kinds == {Kind.SETTINGS}


def test_others_changes_come_from_the_audit_events_since_the_last_one_seen(district):
    mine, theirs = LocalBackend(district.db), LocalBackend(district.db)
    start = mine.last_event()
    assert mine.changes_since(start) == (NOTHING, start)
    rid = theirs.run(svc.save_draft, district.teacher, None, complete_form()).value
    submitted = theirs.run(svc.submit_request, district.teacher, rid)
    seen, newest = mine.changes_since(start)
    assert seen.ids_of(Kind.REQUESTS) == {rid} and newest == max(submitted.events)
    assert mine.changes_since(newest) == (NOTHING, newest)
    # The desk's own events are left out: it has shown them already.
    assert mine.changes_since(start, frozenset(range(start + 1, newest + 1)))[0] == NOTHING


def test_a_desk_far_behind_reads_everything(district, monkeypatch):
    backend = LocalBackend(district.db)
    start = backend.last_event()
    monkeypatch.setattr(changes, "CATCH_UP_LIMIT", 1)
    submitted_request(district)
    submitted_request(district)
    assert backend.changes_since(start)[0].everything


def test_change_sets_combine_and_survive_the_wire():
    a = ChangeSet.of([(Kind.REQUESTS, 1), (Kind.CATALOG, None)])
    b = from_audit([("request", 2), ("contract", 7), ("unknown entity", 3)])
    both = a | b
    assert both.ids_of(Kind.REQUESTS) == {1, 2} and both.kinds == {Kind.REQUESTS, Kind.CATALOG, Kind.CONTRACTS}
    assert both.touches({Kind.CONTRACTS}) and not both.touches({Kind.PEOPLE})
    assert ChangeSet.from_plain(both.as_plain()) == both
    assert (both | ChangeSet.all()).everything and ChangeSet.all().touches({Kind.PEOPLE})
    assert not NOTHING and both


def test_every_table_but_the_audit_trail_counts_as_a_kind():
    """A new table must say which kind its records are, or its writes would reach no screen."""
    from techapproval.db import models

    mapped = {mapper.class_ for mapper in models.Base.registry.mappers}
    assert mapped - set(changes._KIND_OF) == {models.AuditEvent, models.AuditHead}
