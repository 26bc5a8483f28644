"""The views that list many rows read them in a fixed number of statements, however many rows there are:
no query per row (N+1). Each test counts the SQL statements of one view with a few rows, adds many more
rows, and counts again."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date

from sqlalchemy import event

from techapproval.domain.contracts import Coverage, Provision
from techapproval.domain.enums import Decision, Permission
from techapproval.domain.exceptions import Plan
from techapproval.services import catalog, compliance, contracts, exceptions, permissions
from techapproval.services import requests as svc
from tests.helpers import approved_resource, registered_contract, submitted_request

TODAY = date(2026, 11, 25)
FEW, MANY = 3, 30


@contextmanager
def counting(district):
    """Count the statements sent to the database inside the block: `with counting(d) as n: ...; n[0]`."""
    count = [0]

    def before(*_args) -> None:
        count[0] += 1

    event.listen(district.db.engine, "before_cursor_execute", before)
    try:
        yield count
    finally:
        event.remove(district.db.engine, "before_cursor_execute", before)


def statements(district, view) -> int:
    """The statements of one read of `view(session)` in its own transaction, after a first read: what a
    connection asks once and remembers (whether the search index exists) is not a query per row."""
    with district.db.transaction() as s:
        view(s)
    with counting(district) as n, district.db.transaction() as s:
        view(s)
    return n[0]


def add_catalog(district, start: int, stop: int) -> None:
    """Approved resources numbered start..stop-1, each covered by a contract of its own (some missing a
    provision), and every third by an IEP/504 exception instead."""
    for i in range(start, stop):
        rid = approved_resource(district, resource_name=f"Tool {i:03}", resource_link=f"https://tool{i}.example")
        cid = registered_contract(district, f"Vendor {i:03}", date(2026, 1, 5),
                                  missing=(Provision.P9,) if i % 2 else ())
        with district.db.transaction() as s:
            if i % 3:
                contracts.link_resource(s, district.reviewer, rid, Coverage.CONTRACT, cid)
            else:
                exceptions.record_exception(s, district.reviewer, f"Case {i}", Plan.IEP, rid)


def test_review_queue_reads_a_fixed_number_of_statements(district):
    def queue(s):
        rows = svc.list_queue(s, district.reviewer)
        svc.queue_counts(s, district.reviewer)
        return rows

    for i in range(FEW):
        submitted_request(district, resource_name=f"Tool {i:03}")
    few = statements(district, queue)
    for i in range(FEW, MANY):
        submitted_request(district, resource_name=f"Tool {i:03}")
    with district.db.transaction() as s:
        assert len(queue(s)) == MANY
    assert statements(district, queue) == few


def test_approved_resources_read_a_fixed_number_of_statements(district):
    def everything(s):
        return catalog.list_catalog(s, district.reviewer, on=TODAY)

    def search(s):  # the Approved resources page's search box
        return catalog.list_catalog(s, district.reviewer, "tool", on=TODAY)

    add_catalog(district, 0, FEW)
    few = statements(district, everything), statements(district, search)
    add_catalog(district, FEW, MANY)
    with district.db.transaction() as s:
        entries = everything(s)
        assert len(entries) == MANY
        assert {e.coverage for e in entries} == {Coverage.CONTRACT, Coverage.IEP_504_EXCEPTION}
    assert (statements(district, everything), statements(district, search)) == few


def test_deadlines_read_a_fixed_number_of_statements(district):
    def view(s):
        return compliance.deadlines(s, district.reviewer, on=TODAY)

    def add(start: int, stop: int) -> None:
        for i in range(start, stop):  # executed, never posted: each has a website notice due
            registered_contract(district, f"Vendor {i:03}", date(2026, 11, 2), missing=(Provision.P3,) if i % 2 else ())

    add(0, FEW)
    few = statements(district, view)
    add(FEW, MANY)
    with district.db.transaction() as s:
        assert len({o.ref for o in view(s)}) >= MANY
    assert statements(district, view) == few


def request_with(district, name: str, n: int) -> int:
    """A request asked about and answered n times, approved with parental permission, with n classes'
    permission slips and n IEP/504 exceptions for its resource."""
    rid = submitted_request(district, resource_name=name, resource_link=f"https://{name.lower()}.example")
    for i in range(n):
        with district.db.transaction() as s:
            svc.return_request(s, district.reviewer, rid, f"Question {i}?")
            svc.resubmit_request(s, district.teacher, rid, f"Answer {i}.")
    with district.db.transaction() as s:
        svc.decide_request(s, district.reviewer, rid, Decision.APPROVED, Permission.PARENTAL_REQUIRED)
        resource = svc.get_request(s, district.reviewer, rid).catalog_resource_id
    for i in range(n):
        with district.db.transaction() as s:
            permissions.save_tally(s, district.teacher, rid, None, f"Class {i}", 20, 10, 1)
            exceptions.record_exception(s, district.reviewer, f"Case {i}", Plan.IEP, resource)
    return rid


def test_request_window_reads_a_fixed_number_of_statements(district):
    """What the request window reads for a reviewer: the request with its messages and history, the
    resource's compliance status, the permission tallies; for a request with a few of each, and for one
    with many."""

    def window(rid: int):
        def view(s):
            detail = svc.get_request(s, district.reviewer, rid)
            catalog.status_for_request(s, district.reviewer, rid, on=TODAY)
            return detail, permissions.list_tallies(s, district.reviewer, rid)

        return view

    few, many = request_with(district, "Small", FEW), request_with(district, "Large", MANY)
    with district.db.transaction() as s:
        detail, tallies = window(many)(s)
        assert (len(detail.messages), len(tallies)) == (2 * MANY, MANY)
    assert statements(district, window(many)) == statements(district, window(few))


def test_renewals_due_read_a_fixed_number_of_statements(district):
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import update

    from techapproval.db.models import CatalogResource, Request
    from techapproval.domain.deadlines import ObligationKind
    from techapproval.services import renewals

    def view(s):
        return compliance.deadlines(s, district.reviewer)

    def add(start: int, stop: int) -> None:  # approved four years ago; every other one's renewal already open
        for i in range(start, stop):
            rid = approved_resource(district, resource_name=f"Tool {i:03}", resource_link=f"https://tool{i}.example")
            with district.db.transaction() as s:
                when = datetime.now(UTC) - timedelta(days=4 * 365)
                s.execute(update(CatalogResource).where(CatalogResource.id == rid).values(approved_at=when))
                s.execute(update(Request).where(Request.catalog_resource_id == rid).values(decided_at=when))
                if i % 2:
                    renewals.open_renewal(s, district.reviewer, rid, district.other_teacher)

    add(0, FEW)
    few = statements(district, view)
    add(FEW, MANY)
    with district.db.transaction() as s:
        assert len([o for o in view(s) if o.kind is ObligationKind.RENEWAL_DUE]) == MANY
    assert statements(district, view) == few
