"""Renewals: an approval comes back to the review queue after the district's period or at its contract's
end, whichever is first; approved again, it lasts another period; not approved, the tool is no longer
approved."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from techapproval.db.models import CatalogResource, Person, Request
from techapproval.domain.contracts import Coverage
from techapproval.domain.deadlines import ObligationKind
from techapproval.domain.enums import Decision, Grade, InfoCategory, Permission, RequestStatus
from techapproval.domain.renewals import RenewalRef, add_years
from techapproval.services import audit, catalog, compliance, contracts, renewals, website
from techapproval.services import requests as svc
from techapproval.services.errors import Invalid, NotAllowed, Refused
from techapproval.services.settings import update_settings
from tests.helpers import approved_resource, registered_contract

YEAR = timedelta(days=365)


def today() -> date:
    return renewals.local_day(datetime.now(UTC))


def backdate(district, resource_id: int, ago: timedelta) -> None:
    """As if the tool (and its request) had been approved `ago` before now."""
    when = datetime.now(UTC) - ago
    with district.db.transaction() as s:
        s.execute(update(CatalogResource).where(CatalogResource.id == resource_id).values(approved_at=when))
        s.execute(update(Request).where(Request.catalog_resource_id == resource_id).values(decided_at=when))


def open_due(district, on: date | None = None) -> int:
    with district.db.transaction() as s:
        return renewals.open_due_renewals(s, district.reviewer, on)


def renewal_requests(district, resource_id: int) -> list[Request]:
    with district.db.transaction() as s:
        found = s.scalars(select(Request).where(Request.renewal_of_id == resource_id).order_by(Request.id)).all()
        s.expunge_all()
        return list(found)


def renewal_lines(district, on: date | None = None):
    with district.db.transaction() as s:
        return [o for o in compliance.deadlines(s, district.reviewer, on) if o.kind is ObligationKind.RENEWAL_DUE]


def entry(district, resource_id: int, on: date | None = None):
    with district.db.transaction() as s:
        return next((e for e in catalog.list_catalog(s, district.reviewer, on=on) if e.id == resource_id), None)


def settings(district, **values: str) -> None:
    with district.db.transaction() as s:
        update_settings(s, district.admin, values)


def decide(district, request_id: int, decision: Decision, **kwargs) -> None:
    with district.db.transaction() as s:
        svc.decide_request(s, district.reviewer, request_id, decision, **kwargs)


def test_an_approval_three_years_old_comes_back_to_the_queue_once(district):
    rid = approved_resource(district, resource_name="Kahoot!", grades=[Grade.G3, Grade.G4],
                            information_shared=[InfoCategory.FULL_NAME])
    backdate(district, rid, 3 * YEAR + timedelta(days=5))
    with district.db.transaction() as s:
        previous = s.scalar(select(Request).where(Request.catalog_resource_id == rid))
        previous_id, previous_form = previous.id, svc.form_values(svc.form_of(previous))

    assert open_due(district) == 1
    assert open_due(district) == 0  # idempotent: the open renewal is not opened again
    [renewal] = renewal_requests(district, rid)
    assert renewal.status == RequestStatus.SUBMITTED.value
    assert renewal.requester_id == district.teacher  # who asked for it last
    assert renewal.renews_request_id == previous_id
    assert renewal.submitted_at is not None
    assert renewal.submitted_form == previous_form
    assert svc.form_values(svc.form_of(renewal)) == previous_form  # the form, copied
    assert renewal.renewal_basis["decision"] == "approved"
    assert renewal.renewal_basis["decided_by"] == "Rita Reviewer"
    assert renewal.renewal_basis["information_shared"] == "full_name"
    assert renewal.renewal_basis["decided_context"]["contract_state"] == "no_contract"
    assert renewal.renewal_due_on == entry(district, rid).renewal_due < today()

    with district.db.transaction() as s:
        [row] = [r for r in svc.list_queue(s, district.reviewer) if r.id == renewal.id]
        assert row.renewal and row.resource_name == "Kahoot!"
        assert [r.renewal for r in svc.list_my_requests(s, district.teacher)].count(True) == 1
        assert "renewal opened" in [h.action for h in audit.history(s, "request", renewal.id)]
    [line] = renewal_lines(district)
    assert line.ref == RenewalRef(rid, renewal.id) and line.overdue
    assert "In the review queue since" in line.text


def test_a_renewal_opens_the_lead_time_before_it_is_due(district):
    rid = approved_resource(district)
    backdate(district, rid, 3 * YEAR - timedelta(days=60))
    assert open_due(district) == 0 and renewal_lines(district) == []
    due = entry(district, rid).renewal_due
    assert open_due(district, on=due - timedelta(days=31)) == 0
    assert open_due(district, on=due - timedelta(days=30)) == 1
    [line] = renewal_lines(district, on=due - timedelta(days=30))
    assert not line.overdue and line.due == due


def test_a_renewal_approved_moves_the_approval_and_the_next_due_date(district):
    rid = approved_resource(district)
    backdate(district, rid, 3 * YEAR + timedelta(days=5))
    before = entry(district, rid)
    open_due(district)
    [renewal] = renewal_requests(district, rid)
    decide(district, renewal.id, Decision.APPROVED, permission=Permission.PARENTAL_REQUIRED)

    after = entry(district, rid)
    assert after.approved_at > before.approved_at
    assert renewals.local_day(after.approved_at) == today()
    assert after.renewal_due == add_years(today(), 3) > before.renewal_due
    assert after.permission is Permission.PARENTAL_REQUIRED
    assert renewal_lines(district) == []
    assert open_due(district) == 0
    with district.db.transaction() as s:
        assert len(s.scalars(select(CatalogResource)).all()) == 1  # renewed in place, no second entry


def test_a_renewal_not_approved_ends_the_approval(district):
    rid = approved_resource(district, resource_name="Kahoot!", resource_link="https://kahoot.com")
    backdate(district, rid, 3 * YEAR + timedelta(days=5))
    open_due(district)
    [renewal] = renewal_requests(district, rid)
    decide(district, renewal.id, Decision.NOT_APPROVED, reason="The vendor will not sign the addendum.")

    assert entry(district, rid) is None
    with district.db.transaction() as s:
        matches = catalog.find_matches(s, district.teacher, "Kahoot!", "https://kahoot.com")
        assert [m.approved for m in matches] == [False]  # only the refusal, with its reason
        assert matches[0].reason == "The vendor will not sign the addendum."
        assert [r.name for r in website.website_data(s, district.teacher).resources] == []
        assert s.get(CatalogResource, rid).approval_ended_at is not None
    assert renewal_lines(district) == []
    assert open_due(district) == 0
    with district.db.transaction() as s, pytest.raises(Refused, match="no longer approved"):
        renewals.open_renewal(s, district.reviewer, rid, district.teacher)


def test_a_contract_ending_sooner_brings_the_tool_back_sooner(district):
    rid = approved_resource(district)
    ends = today() + timedelta(days=20)
    cid = registered_contract(district, "Kahoot! ASA", today() - YEAR, expires_on=ends)
    with district.db.transaction() as s:
        contracts.link_resource(s, district.reviewer, rid, Coverage.CONTRACT, cid)
    assert entry(district, rid).renewal_due == ends
    [line] = renewal_lines(district)
    assert line.due == ends and line.ref == RenewalRef(rid, None)

    settings(district, renewal_at_contract_expiry="no")
    assert entry(district, rid).renewal_due == add_years(today(), 3)
    assert open_due(district) == 0 and renewal_lines(district) == []

    settings(district, renewal_at_contract_expiry="yes")
    assert open_due(district) == 1


def test_no_period_and_no_contract_rule_means_never(district):
    rid = approved_resource(district)
    settings(district, renewal_years="0", renewal_at_contract_expiry="no")
    backdate(district, rid, 10 * YEAR)
    assert entry(district, rid).renewal_due is None
    assert open_due(district) == 0 and renewal_lines(district) == []
    settings(district, renewal_years="5")
    assert entry(district, rid).renewal_due == add_years(renewals.local_day(entry(district, rid).approved_at), 5)
    assert open_due(district) == 1


def test_a_tool_imported_without_a_request_waits_for_a_reviewer_to_name_its_user(district):
    approved = datetime.now(UTC) - 4 * YEAR
    with district.db.transaction() as s:
        tool = CatalogResource(name="GeoGebra", normalised_name="geogebra", link="https://geogebra.org",
                               normalised_link="geogebra.org", description="Graphing.", permission="none_required",
                               grades="9,10", approved_at=approved, coverage="none")
        s.add(tool)
        s.flush()
        tool_id = tool.id
    assert open_due(district) == 0  # nobody on file to renew it
    [line] = renewal_lines(district)
    assert line.ref == RenewalRef(tool_id, None) and line.overdue
    assert line.text.startswith("No staff member on file")

    with district.db.transaction() as s:
        choices = renewals.renewal_staff_choices(s, district.reviewer)
        assert district.teacher in [c.id for c in choices] and district.reviewer not in [c.id for c in choices]
        with pytest.raises(Invalid, match="your own"):
            renewals.open_renewal(s, district.reviewer, tool_id, district.reviewer)
        with pytest.raises(Invalid):
            renewals.open_renewal(s, district.reviewer, tool_id, None)
    with district.db.transaction() as s:
        s.execute(update(Person).where(Person.id == district.other_teacher).values(active=False))
    with district.db.transaction() as s, pytest.raises(Invalid, match="active"):
        renewals.open_renewal(s, district.reviewer, tool_id, district.other_teacher)
    with district.db.transaction() as s:
        request_id = renewals.open_renewal(s, district.reviewer, tool_id, district.teacher)
    with district.db.transaction() as s:
        detail = svc.get_request(s, district.teacher, request_id)
        assert detail.status is RequestStatus.SUBMITTED and detail.requester_id == district.teacher
        assert (detail.form.resource_name, detail.form.resource_link) == ("GeoGebra", "https://geogebra.org")
        assert detail.form.grades == [Grade.G9, Grade.G10] and detail.form.resource_description == "Graphing."
        assert detail.renewal_of_id == tool_id and detail.renewal_due_on == add_years(today() - 4 * YEAR, 3)
        rows = {r.label: r for r in renewals.renewal_comparison(s, district.teacher, request_id)}
        assert rows["Decision"].previous.endswith("by imported with the catalog")
        assert not rows["Information shared"].known
    with district.db.transaction() as s, pytest.raises(Refused, match="already in the review queue"):
        renewals.open_renewal(s, district.reviewer, tool_id, district.teacher)
    [line] = renewal_lines(district)
    assert line.ref == RenewalRef(tool_id, request_id)


def test_a_requester_who_left_is_not_named_by_the_app(district):
    rid = approved_resource(district)
    backdate(district, rid, 3 * YEAR + timedelta(days=1))
    with district.db.transaction() as s:
        s.execute(update(Person).where(Person.id == district.teacher).values(active=False))
    assert open_due(district) == 0
    [line] = renewal_lines(district)
    assert line.ref == RenewalRef(rid, None) and line.text.startswith("No staff member on file")
    with district.db.transaction() as s:
        renewals.open_renewal(s, district.reviewer, rid, district.other_teacher)
    [renewal] = renewal_requests(district, rid)
    assert renewal.requester_id == district.other_teacher
    assert renewal.planned_use == "Weekly vocabulary review games in class."  # the previous request's form


def test_a_withdrawn_renewal_is_not_opened_again_by_itself(district):
    rid = approved_resource(district)
    backdate(district, rid, 3 * YEAR + timedelta(days=1))
    open_due(district)
    [renewal] = renewal_requests(district, rid)
    with district.db.transaction() as s:
        svc.withdraw_request(s, district.teacher, renewal.id)
    assert open_due(district) == 0
    [line] = renewal_lines(district)
    assert line.ref == RenewalRef(rid, None) and "withdrawn" in line.text


def comparison(district, request_id: int, who: int | None = None):
    with district.db.transaction() as s:
        return {r.label: r for r in renewals.renewal_comparison(s, who or district.reviewer, request_id)}


def test_the_comparison_says_what_changed_and_what_did_not(district):
    rid = approved_resource(district, grades=[Grade.G3], information_shared=[InfoCategory.FULL_NAME])
    backdate(district, rid, 3 * YEAR + timedelta(days=5))
    open_due(district)
    [renewal] = renewal_requests(district, rid)

    rows = comparison(district, renewal.id)
    assert list(rows) == ["Decision", "Contract status", "Accessibility", "Information shared", "Grades"]
    assert not any(r.changed for r in rows.values())
    assert rows["Decision"].previous.startswith("Approved for use: no additional permission")
    assert "Rita Reviewer" in rows["Decision"].previous and rows["Decision"].now.startswith("Under review")
    assert rows["Contract status"].previous.startswith("No contract on file")
    assert rows["Information shared"].previous == rows["Information shared"].now == "First and last name"
    assert rows["Grades"].now == "3"

    # Meanwhile a contract was signed; the reviewer asks, and the teacher now shares more, with grade 4 too.
    cid = registered_contract(district, "Kahoot! ASA", today() - timedelta(days=30))
    with district.db.transaction() as s:
        contracts.link_resource(s, district.reviewer, rid, Coverage.CONTRACT, cid)
        svc.return_request(s, district.reviewer, renewal.id, "Still the same classes?")
    with district.db.transaction() as s:
        form = svc.get_request(s, district.teacher, renewal.id).form
        form.grades = [Grade.G3, Grade.G4]
        form.information_shared = [InfoCategory.FULL_NAME, InfoCategory.EMAIL]
        svc.save_draft(s, district.teacher, renewal.id, form)
        svc.resubmit_request(s, district.teacher, renewal.id, "Grade 4 joins, with emails.")
    rows = comparison(district, renewal.id, district.teacher)  # the staff member sees it too
    assert rows["Contract status"].changed and rows["Contract status"].known
    assert rows["Information shared"].changed and "Email address" in rows["Information shared"].now
    assert rows["Grades"].changed and rows["Grades"].now == "3, 4"
    assert not rows["Accessibility"].changed and not rows["Decision"].changed

    decide(district, renewal.id, Decision.APPROVED, permission=Permission.PARENTAL_REQUIRED)
    rows = comparison(district, renewal.id)
    assert rows["Decision"].changed and "parental permission required" in rows["Decision"].now


def test_an_approval_recorded_before_this_version_says_so(district):
    rid = approved_resource(district)
    backdate(district, rid, 3 * YEAR + timedelta(days=5))
    with district.db.transaction() as s:
        s.execute(update(Request).where(Request.catalog_resource_id == rid).values(decided_context=None))
    open_due(district)
    [renewal] = renewal_requests(district, rid)
    rows = comparison(district, renewal.id)
    assert rows["Contract status"].previous == renewals.NOT_RECORDED and not rows["Contract status"].known
    assert rows["Accessibility"].previous == renewals.NOT_RECORDED


def test_others_are_refused(district):
    rid = approved_resource(district)
    backdate(district, rid, 3 * YEAR + timedelta(days=5))
    open_due(district)
    [renewal] = renewal_requests(district, rid)
    with district.db.transaction() as s:
        with pytest.raises(NotAllowed):
            renewals.renewal_comparison(s, district.other_teacher, renewal.id)
        with pytest.raises(NotAllowed):
            renewals.open_due_renewals(s, district.teacher)
        with pytest.raises(NotAllowed):
            renewals.open_renewal(s, district.teacher, rid, district.other_teacher)
        assert renewals.renewal_comparison(s, district.teacher, renewal.id)  # the renewal's own requester


def test_no_more_than_a_queue_full_of_renewals_opens_at_once(district, monkeypatch):
    """Years of approvals coming due together (an upgrade, an import) open a few at a time, soonest due
    first; the next open as those are decided, and the dashboard says why the others wait."""
    monkeypatch.setattr(renewals, "MAX_OPEN", 2)
    tools = [approved_resource(district, resource_name=f"Tool {n}", resource_link=f"https://tool{n}.example")
             for n in range(3)]
    for n, rid in enumerate(tools):
        backdate(district, rid, 3 * YEAR + timedelta(days=10 - n))  # Tool 0 is due first
    assert open_due(district) == 2
    assert [len(renewal_requests(district, rid)) for rid in tools] == [1, 1, 0]
    [waiting] = [o for o in renewal_lines(district) if o.ref.request_id is None]
    assert waiting.subject == "Tool 2" and "once fewer than 2 renewals wait there" in waiting.text
    assert open_due(district) == 0  # still full

    [first] = renewal_requests(district, tools[0])
    decide(district, first.id, Decision.APPROVED, permission=Permission.NONE_REQUIRED)
    assert open_due(district) == 1
    assert len(renewal_requests(district, tools[2])) == 1


def test_the_decision_sheet_of_a_renewal_names_the_approval_it_renews(district):
    from techapproval.pdf.decision import format_date, render_decision_pdf
    from techapproval.services import printing

    rid = approved_resource(district, resource_name="Kahoot!")
    backdate(district, rid, 3 * YEAR + timedelta(days=5))
    with district.db.transaction() as s:
        previous = s.scalar(select(Request).where(Request.catalog_resource_id == rid))
        previous_id, approved_on = previous.id, renewals.local_day(previous.decided_at)
    open_due(district)
    [renewal] = renewal_requests(district, rid)
    with district.db.transaction() as s:
        sheet = printing.decision_sheet(s, district.reviewer, renewal.id)
        first = printing.decision_sheet(s, district.reviewer, previous_id)
    assert sheet.renewal and sheet.renews_approval_on == approved_on
    assert sheet.renews_request == f"Request {previous_id}"
    assert not first.renewal
    import io

    from pypdf import PdfReader

    text = " ".join(PdfReader(io.BytesIO(render_decision_pdf(sheet))).pages[0].extract_text().split())
    assert f"Renewal of the approval of {format_date(approved_on)} (Request {previous_id})" in text
