"""The IEP/504 exceptions register against a real database: conditions, evidence, roles, and the
approved resource's status."""

import hashlib
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, text

from techapproval.db.models import CatalogResource, ContractDocument
from techapproval.domain.contract_form import MAX_DOCUMENT_BYTES
from techapproval.domain.contracts import ComplianceState, Coverage
from techapproval.domain.exceptions import Condition, Plan
from techapproval.services import audit, catalog
from techapproval.services import contracts as reg
from techapproval.services import exceptions as svc
from techapproval.services.errors import Conflict, Invalid, NotAllowed, NotFound, Refused
from tests.helpers import approved_resource, registered_contract

S = ComplianceState
MET = date.today() - timedelta(days=3)


def record(district, resource_id, case="IEP-2026-014", plan=Plan.IEP, actor=None, notes=""):
    with district.db.transaction() as s:
        return svc.record_exception(s, actor or district.reviewer, case, plan, resource_id, notes)


def resource_state(district, resource_id):
    with district.db.transaction() as s:
        return catalog.get_entry(s, district.reviewer, resource_id).status


def test_record_sets_coverage_and_starts_incomplete(district):
    rid = approved_resource(district)
    view = record(district, rid, notes="Text-to-speech the IEP names; no equivalent found.")
    assert (view.case_reference, view.plan, view.resource_id) == ("IEP-2026-014", Plan.IEP, rid)
    assert [c.condition for c in view.conditions] == list(Condition)
    assert view.status.complete is False and view.status.missing == list(Condition)
    with district.db.transaction() as s:
        entry = catalog.get_entry(s, district.reviewer, rid)
        history = audit.history(s, "plan_exception", view.id)
    assert (entry.coverage, entry.coverage_note) == (Coverage.IEP_504_EXCEPTION, "IEP-2026-014")
    assert entry.status.state is S.EXCEPTION_INCOMPLETE
    assert "case IEP-2026-014 (IEP) lacks" in entry.status.reason
    assert view.resource_status == entry.status
    assert history[0].action == "exception recorded"
    assert history[0].changes["case_reference"] == [None, "IEP-2026-014"]


def test_status_becomes_the_exception_when_the_last_condition_is_dated(district):
    rid = approved_resource(district)
    view = record(district, rid, plan=Plan.SECTION_504, case="504-2026-003")
    assert [c.condition for c in view.conditions] == [Condition.FERPA_HIPAA, Condition.REASONABLE_EFFORT,
                                                      Condition.OPERATOR_COMPLIES, Condition.PARENT_SIGNATURE]
    *first, last = view.conditions
    version = view.version
    for c in first:
        with district.db.transaction() as s:
            version = svc.set_condition(s, district.reviewer, view.id, c.condition, MET, version).version
    assert resource_state(district, rid).state is S.EXCEPTION_INCOMPLETE
    assert "lacks Parent signed the agreement" in resource_state(district, rid).reason
    with district.db.transaction() as s:
        done = svc.set_condition(s, district.reviewer, view.id, last.condition, MET, version)
    assert done.status.complete
    status = resource_state(district, rid)
    assert (status.state, status.reason) == (S.IEP_504_EXCEPTION, "IEP/504 exception, case 504-2026-003.")
    # Clearing a date undoes it.
    with district.db.transaction() as s:
        svc.set_condition(s, district.reviewer, view.id, Condition.FERPA_HIPAA, None)
        history = audit.history(s, "plan_exception", view.id)
    assert resource_state(district, rid).state is S.EXCEPTION_INCOMPLETE
    assert history[-1].action == "condition cleared"
    assert history[-1].changes == {"ferpa_hipaa": [MET.isoformat(), None]}


def test_iep_needs_the_ppt_signature_and_a_504_plan_refuses_it(district):
    iep_resource = approved_resource(district)
    other = approved_resource(district, resource_name="Read&Write", resource_link="https://texthelp.com")
    iep = record(district, iep_resource)
    plan504 = record(district, other, case="504-2026-003", plan="504")
    with district.db.transaction() as s:
        for c in Condition:
            if c is not Condition.PPT_SIGNATURE:
                svc.set_condition(s, district.reviewer, iep.id, c, MET)
                svc.set_condition(s, district.reviewer, plan504.id, c, MET)
    assert resource_state(district, iep_resource).state is S.EXCEPTION_INCOMPLETE
    assert resource_state(district, other).state is S.IEP_504_EXCEPTION
    with pytest.raises(Invalid) as e, district.db.transaction() as s:
        svc.set_condition(s, district.reviewer, plan504.id, Condition.PPT_SIGNATURE, MET)
    assert set(e.value.errors) == {"condition"}
    with district.db.transaction() as s:
        svc.set_condition(s, district.reviewer, iep.id, Condition.PPT_SIGNATURE, MET)
    assert resource_state(district, iep_resource).state is S.IEP_504_EXCEPTION


def test_one_complete_exception_makes_the_resource_lawful(district):
    rid = approved_resource(district)
    first = record(district, rid, case="504-2026-003", plan="504")
    record(district, rid, case="IEP-2026-014")
    with district.db.transaction() as s:
        assert catalog.get_entry(s, district.reviewer, rid).coverage_note == "504-2026-003, IEP-2026-014"
        for c in Condition:
            if c is not Condition.PPT_SIGNATURE:
                svc.set_condition(s, district.reviewer, first.id, c, MET)
    status = resource_state(district, rid)
    assert (status.state, status.reason) == (S.IEP_504_EXCEPTION, "IEP/504 exception, case 504-2026-003.")


def test_the_catalog_list_shows_each_resources_own_exceptions(district):
    """list_catalog reads the exceptions of every resource at once: each resource shows its own, as
    get_entry has it, including one covered by the exception with none recorded in the register."""
    lawful = approved_resource(district)
    pending = approved_resource(district, resource_name="Read&Write", resource_link="https://texthelp.com")
    unrecorded = approved_resource(district, resource_name="Snap&Read", resource_link="https://snapandread.com")
    done = record(district, lawful, case="504-2026-003", plan="504")
    record(district, lawful, case="IEP-2026-014")
    record(district, pending, case="IEP-2026-020")
    with district.db.transaction() as s:
        for c in Condition:
            if c is not Condition.PPT_SIGNATURE:
                svc.set_condition(s, district.reviewer, done.id, c, MET)
        reg.link_resource(s, district.reviewer, unrecorded, Coverage.IEP_504_EXCEPTION, note="Case 12")
    with district.db.transaction() as s:
        listed = {e.id: e.status for e in catalog.list_catalog(s, district.reviewer)}
        assert listed == {r: catalog.get_entry(s, district.reviewer, r).status for r in (lawful, pending, unrecorded)}
    assert listed[lawful].reason == "IEP/504 exception, case 504-2026-003."
    assert listed[pending].state is S.EXCEPTION_INCOMPLETE
    assert "case IEP-2026-020 (IEP) lacks" in listed[pending].reason
    assert listed[unrecorded].reason == "IEP/504 exception, case Case 12."


def test_record_validation(district):
    rid = approved_resource(district)
    with pytest.raises(Invalid) as e:
        record(district, rid, case="Maria Lopez", plan="ilp")
    assert set(e.value.errors) == {"case_reference", "plan"}
    with pytest.raises(Invalid) as e:
        record(district, 9999)
    assert set(e.value.errors) == {"resource_id"}
    record(district, rid)
    with pytest.raises(Invalid) as e:
        record(district, rid, case=" iep-2026-014 ")
    assert set(e.value.errors) == {"case_reference"}


def test_a_resource_covered_by_a_contract_is_refused(district):
    rid = approved_resource(district)
    cid = registered_contract(district, "Kahoot! ASA", date.today() - timedelta(days=30))
    with district.db.transaction() as s:
        reg.link_resource(s, district.reviewer, rid, Coverage.CONTRACT, cid)
        assert rid not in dict(svc.resource_choices(s, district.reviewer))
    with pytest.raises(Refused):
        record(district, rid)
    with district.db.transaction() as s:
        assert s.get(CatalogResource, rid).coverage == "contract"


@pytest.mark.parametrize("who", ["teacher", "other_teacher"])
def test_requesters_may_do_nothing_with_exceptions(district, who):
    rid = approved_resource(district)
    view = record(district, rid)
    with district.db.transaction() as s:
        svc.attach_evidence(s, district.reviewer, view.id, Condition.FERPA_HIPAA, "vpat.pdf", b"%PDF evidence")
    actor = getattr(district, who)
    with pytest.raises(NotAllowed):
        record(district, rid, case="IEP-2026-099", actor=actor)
    for call, args in ((svc.list_exceptions, ()), (svc.get_exception, (view.id,)),
                       (svc.set_condition, (view.id, Condition.FERPA_HIPAA, MET)),
                       (svc.attach_evidence, (view.id, Condition.FERPA_HIPAA, "x.pdf", b"x")),
                       (svc.evidence_content, (view.id, Condition.FERPA_HIPAA)),
                       (svc.resource_choices, ())):
        with pytest.raises(NotAllowed), district.db.transaction() as s:
            call(s, actor, *args)


def test_evidence_is_stored_by_sha256_and_checked(district):
    rid = approved_resource(district)
    view = record(district, rid)
    content = b"%PDF-1.4 signed agreement"
    digest = hashlib.sha256(content).hexdigest()
    with district.db.transaction() as s:
        got = svc.attach_evidence(s, district.reviewer, view.id, Condition.PARENT_SIGNATURE,
                                  "C:\\scans\\..\\agreement\x07.pdf", content, expected_version=view.version)
        # The same bytes for another condition share one stored copy.
        svc.attach_evidence(s, district.reviewer, view.id, Condition.PPT_SIGNATURE, "agreement.pdf", content)
    assert got == digest
    with district.db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(ContractDocument)) == 1
        again = svc.get_exception(s, district.reviewer, view.id)
        name, data = svc.evidence_content(s, district.reviewer, view.id, Condition.PARENT_SIGNATURE)
        history = audit.history(s, "plan_exception", view.id)
    parent = again.condition(Condition.PARENT_SIGNATURE)
    assert (parent.document_name, parent.document_sha256, parent.document_size) == (
        "agreement.pdf", digest, len(content))
    assert parent.met_on is None  # evidence does not date the condition
    assert not again.status.complete
    assert "evidence attached for 2 of 5" in again.status.words
    assert (name, data) == ("agreement.pdf", content)
    assert history[-2].changes == {"evidence parent_signature": [None, f"agreement.pdf ({digest})"]}
    with pytest.raises(NotFound), district.db.transaction() as s:
        svc.evidence_content(s, district.reviewer, view.id, Condition.FERPA_HIPAA)
    # A damaged stored copy is refused, not handed out.
    with district.db.transaction() as s:
        s.execute(text("UPDATE contract_document SET content = :c"), {"c": b"tampered"})
    with pytest.raises(Refused), district.db.transaction() as s:
        svc.evidence_content(s, district.reviewer, view.id, Condition.PARENT_SIGNATURE)


def test_evidence_limits_and_replacement(district):
    rid = approved_resource(district)
    view = record(district, rid)
    with pytest.raises(Invalid), district.db.transaction() as s:
        svc.attach_evidence(s, district.reviewer, view.id, Condition.FERPA_HIPAA, "empty.pdf", b"")
    with pytest.raises(Invalid) as e, district.db.transaction() as s:
        svc.attach_evidence(s, district.reviewer, view.id, Condition.FERPA_HIPAA, "huge.pdf",
                            b"x" * (MAX_DOCUMENT_BYTES + 1))
    assert "limit is 50 MB" in e.value.errors["document"]
    with district.db.transaction() as s:
        first = svc.attach_evidence(s, district.reviewer, view.id, Condition.FERPA_HIPAA, "one.pdf", b"%PDF one")
        second = svc.attach_evidence(s, district.reviewer, view.id, Condition.FERPA_HIPAA, "two.pdf", b"%PDF two")
        history = audit.history(s, "plan_exception", view.id)
        now = svc.get_exception(s, district.reviewer, view.id).condition(Condition.FERPA_HIPAA)
    assert (now.document_name, now.document_sha256) == ("two.pdf", second)
    assert history[-1].changes == {"evidence ferpa_hipaa": [f"one.pdf ({first})", f"two.pdf ({second})"]}


def test_condition_dates_are_checked_and_versions_guard_edits(district):
    rid = approved_resource(district)
    view = record(district, rid)
    with pytest.raises(Invalid) as e, district.db.transaction() as s:
        svc.set_condition(s, district.reviewer, view.id, Condition.FERPA_HIPAA, date.today() + timedelta(days=1))
    assert set(e.value.errors) == {"met_on"}
    with district.db.transaction() as s:
        newer = svc.set_condition(s, district.reviewer, view.id, Condition.FERPA_HIPAA, MET, view.version)
    assert newer.version > view.version
    with pytest.raises(Conflict), district.db.transaction() as s:
        svc.set_condition(s, district.admin, view.id, Condition.REASONABLE_EFFORT, MET, view.version)
    with pytest.raises(NotFound), district.db.transaction() as s:
        svc.set_condition(s, district.reviewer, 9999, Condition.FERPA_HIPAA, MET)
    with district.db.transaction() as s:
        assert svc.get_exception(s, district.reviewer, view.id).condition(Condition.REASONABLE_EFFORT).met_on is None


def test_list_exceptions(district):
    kahoot = approved_resource(district)
    aac = approved_resource(district, resource_name="AAC Talker", resource_link="https://aac.example")
    record(district, kahoot, case="IEP-2026-014")
    record(district, aac, case="504-2026-003", plan="504")
    with district.db.transaction() as s:
        rows = svc.list_exceptions(s, district.admin)
    assert [(r.resource_name, r.case_reference, r.plan) for r in rows] == [
        ("AAC Talker", "504-2026-003", Plan.SECTION_504), ("Kahoot!", "IEP-2026-014", Plan.IEP)]
    assert all(r.resource_status.state is S.EXCEPTION_INCOMPLETE for r in rows)
