"""Accessibility reviews of tools (ADA Title II), against a real database: recorded on a request or a
catalog entry, the newest is the tool's status in the catalog, and unreviewed approved tools are due on
the dashboard by the district's compliance date."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import update

from techapproval.db.models import CatalogResource
from techapproval.domain.accessibility import AccessibilityState, ReviewForm
from techapproval.domain.deadlines import ObligationKind
from techapproval.domain.enums import AccessibilityFinding, ClaimedConformance, Decision, Permission
from techapproval.services import accessibility as svc
from techapproval.services import audit, catalog, compliance, settings
from techapproval.services import requests as requests_svc
from techapproval.services.errors import Invalid, NotAllowed, Refused
from tests.helpers import approved_resource, submitted_request

D = date.fromisoformat
TODAY = D("2026-11-25")
PDF = b"%PDF-1.7\n" + bytes(range(256)) * 4


def form(**overrides) -> ReviewForm:
    values = dict(finding=AccessibilityFinding.CONFORMS, claimed=ClaimedConformance.WCAG_21_AA, acr_on_file=True,
                  reviewed_on=D("2026-11-20"), notes="VPAT 2.5 dated March 2026.")
    values.update(overrides)
    return ReviewForm(**values)


def record(district, actor=None, **kwargs) -> int:
    kwargs.setdefault("form", form())
    with district.db.transaction() as s:
        return svc.record_review(s, actor or district.reviewer, today=TODAY, **kwargs)


def entry(district, resource_id: int, on: date = TODAY) -> catalog.CatalogEntry:
    with district.db.transaction() as s:
        return catalog.get_entry(s, district.teacher, resource_id, on=on)


def listed(district, on: date = TODAY) -> dict[str, catalog.CatalogEntry]:
    with district.db.transaction() as s:
        return {e.name: e for e in catalog.list_catalog(s, district.teacher, on=on)}


def review_obligations(district, on: date) -> list:
    with district.db.transaction() as s:
        return [o for o in compliance.deadlines(s, district.reviewer, on=on)
                if o.kind is ObligationKind.ACCESSIBILITY_REVIEW]


# --- recording --------------------------------------------------------------------------------------


def test_a_review_on_a_request_joins_the_catalog_entry_when_it_is_approved(district):
    rid = submitted_request(district, resource_name="Padlet", resource_link="https://padlet.com")
    review_id = record(district, request_id=rid, form=form(finding=AccessibilityFinding.PARTIALLY_CONFORMS,
                                                           alternative_plan="  Printed boards on request.  "),
                       document=("C:\\VPATs\\Padlet VPAT.pdf", PDF))
    with district.db.transaction() as s:
        status = svc.status_for_request(s, district.reviewer, rid, on=TODAY)
        assert status.state is AccessibilityState.ALTERNATIVE_PLAN
        [view] = svc.reviews_for_request(s, district.reviewer, rid)
        assert (view.id, view.finding, view.document_name, view.reviewer, view.alternative_plan) == (
            review_id, AccessibilityFinding.PARTIALLY_CONFORMS, "Padlet VPAT.pdf", "Rita Reviewer",
            "Printed boards on request.")
        assert view.resource_id is None  # Padlet is new to the catalog
        assert svc.review_document(s, district.reviewer, review_id) == ("Padlet VPAT.pdf", PDF)
        [event] = audit.history(s, "accessibility_review", review_id)
        assert event.action == "accessibility review recorded"
        assert event.changes["finding"] == [None, "partially_conforms"]
        assert event.changes["request"] == [None, rid]
        requests_svc.decide_request(s, district.reviewer, rid, Decision.APPROVED, Permission.NONE_REQUIRED)
        resource_id = requests_svc.get_request(s, district.reviewer, rid).catalog_resource_id
        [view] = svc.reviews_for_resource(s, district.reviewer, resource_id)
        assert view.id == review_id
    assert entry(district, resource_id).accessibility.state is AccessibilityState.ALTERNATIVE_PLAN
    assert listed(district)["Padlet"].accessibility.text == (
        "\u25d1 Partially conforms: alternative plan on file")


def test_a_review_of_a_request_for_a_tool_already_in_the_catalog_counts_for_it_at_once(district):
    resource_id = approved_resource(district, resource_name="Kahoot!", resource_link="https://kahoot.com")
    assert entry(district, resource_id).accessibility.state is AccessibilityState.NOT_REVIEWED
    again = submitted_request(district, resource_name="Kahoot", resource_link="https://kahoot.com/")
    record(district, request_id=again)
    assert entry(district, resource_id).accessibility.text == "\u2714 Conforms to WCAG 2.1 AA"


def test_a_review_on_a_catalog_entry_newest_first(district):
    resource_id = approved_resource(district, resource_name="Seesaw", resource_link="https://seesaw.me")
    first = record(district, resource_id=resource_id, form=form(finding=AccessibilityFinding.UNKNOWN, claimed=None,
                                                                 acr_on_file=False))
    assert entry(district, resource_id).accessibility.state is AccessibilityState.UNKNOWN
    second = record(district, resource_id=resource_id, form=form(reviewed_on=D("2026-11-24")))
    with district.db.transaction() as s:
        views = svc.reviews_for_resource(s, district.reviewer, resource_id)
    assert [v.id for v in views] == [second, first]
    assert views[1].claimed is None and not views[1].acr_on_file
    assert entry(district, resource_id).accessibility.state is AccessibilityState.CONFORMS


def test_every_listed_entry_has_a_status(district):
    approved_resource(district, resource_name="Flip", resource_link="https://flip.com")
    reviewed = approved_resource(district, resource_name="Quizlet", resource_link="https://quizlet.com")
    record(district, resource_id=reviewed)
    entries = listed(district)
    assert entries["Flip"].accessibility.text == "\u26a0 Not reviewed: review before Mon 26 Apr 2027"
    assert entries["Quizlet"].accessibility.state is AccessibilityState.CONFORMS
    late = listed(district, on=D("2027-05-01"))["Flip"].accessibility.text
    assert late == "\u26a0 Not reviewed: overdue since Mon 26 Apr 2027"


def test_each_problem_is_told_by_its_field(district):
    resource_id = approved_resource(district)
    with pytest.raises(Invalid) as caught:
        record(district, resource_id=resource_id, form=form(finding=None, reviewed_on=D("2026-12-01")))
    assert set(caught.value.errors) == {"finding", "reviewed_on"}
    assert "future" in caught.value.errors["reviewed_on"]
    with pytest.raises(Invalid) as caught:
        record(district, resource_id=resource_id, form=form(finding=AccessibilityFinding.DOES_NOT_CONFORM,
                                                             alternative_plan="   "),
               document=("vpat.pdf", b"just some text"))
    assert set(caught.value.errors) == {"alternative_plan", "document"}
    assert "equally effective alternative" in caught.value.errors["alternative_plan"]
    with district.db.transaction() as s:
        assert svc.reviews_for_resource(s, district.reviewer, resource_id) == []


def test_an_attached_report_means_an_acr_is_on_file(district):
    resource_id = approved_resource(district)
    review_id = record(district, resource_id=resource_id, form=form(acr_on_file=False), document=("acr.pdf", PDF))
    with district.db.transaction() as s:
        [view] = svc.reviews_for_resource(s, district.reviewer, resource_id)
    assert view.id == review_id and view.acr_on_file and view.document_name == "acr.pdf"


def test_a_requester_is_refused_and_nothing_is_recorded(district):
    rid = submitted_request(district)
    with district.db.transaction() as s:
        before = audit.change_count(s)
    with pytest.raises(NotAllowed):
        record(district, actor=district.teacher, request_id=rid)
    with district.db.transaction() as s:
        assert audit.change_count(s) == before
        with pytest.raises(NotAllowed):
            svc.reviews_for_request(s, district.teacher, rid)


def test_a_refused_or_withdrawn_request_takes_no_review(district):
    refused = submitted_request(district, resource_name="Tool A")
    withdrawn = submitted_request(district, resource_name="Tool B")
    with district.db.transaction() as s:
        requests_svc.decide_request(s, district.reviewer, refused, Decision.NOT_APPROVED, None, "Ads in the app.")
        requests_svc.withdraw_request(s, district.teacher, withdrawn)
    for rid in (refused, withdrawn):
        with pytest.raises(Refused, match="awaiting a decision or approved"):
            record(district, request_id=rid)


# --- the deadlines dashboard ------------------------------------------------------------------------


def test_unreviewed_tools_are_due_on_the_compliance_date_and_overdue_after(district):
    unreviewed = approved_resource(district, resource_name="Flip", resource_link="https://flip.com")
    unknown = approved_resource(district, resource_name="Gimkit", resource_link="https://gimkit.com")
    done = approved_resource(district, resource_name="Quizlet", resource_link="https://quizlet.com")
    record(district, resource_id=unknown, form=form(finding=AccessibilityFinding.UNKNOWN))
    record(district, resource_id=done)

    before = review_obligations(district, TODAY)
    assert [(o.subject, o.ref, o.due, o.overdue) for o in before] == [
        ("Flip", unreviewed, D("2027-04-26"), False), ("Gimkit", unknown, D("2027-04-26"), False)]
    assert before[0].text == (
        "Record an accessibility review of Flip: is there an ACR/VPAT, does it conform to WCAG 2.1 AA, and if not, "
        "what equally effective alternative will the district provide; the ADA Title II compliance date is "
        "Mon 26 Apr 2027.")
    assert "could not establish conformance" in before[1].text
    assert review_obligations(district, D("2027-04-26"))[0].overdue is False  # due that day: not yet overdue
    assert all(o.overdue for o in review_obligations(district, D("2027-04-27")))

    with district.db.transaction() as s:  # a smaller district: a year later
        settings.update_settings(s, district.admin, {"district_population": "under_50000"})
    assert {o.due for o in review_obligations(district, D("2027-05-01"))} == {D("2028-04-26")}
    assert not any(o.overdue for o in review_obligations(district, D("2027-05-01")))


def test_a_tool_whose_approval_ended_is_not_listed(district):
    ended = approved_resource(district, resource_name="Flip", resource_link="https://flip.com")
    approved_resource(district, resource_name="Padlet", resource_link="https://padlet.com")
    with district.db.transaction() as s:
        s.execute(update(CatalogResource).where(CatalogResource.id == ended).values(approval_ended_at=audit.now()))
    assert [o.subject for o in review_obligations(district, TODAY)] == ["Padlet"]
