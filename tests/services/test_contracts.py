"""The contract registry against a real database: contractors, contracts, signed documents, coverage
of approved resources, and who may do what."""

import hashlib
from datetime import date

import pytest
from sqlalchemy import func, select, text

from techapproval.db.models import CatalogResource, ContractDocument, ContractProvision, Request
from techapproval.domain.contract_form import MAX_DOCUMENT_BYTES, ContractForm, ContractorForm
from techapproval.domain.contracts import ComplianceState, Coverage, Provision
from techapproval.domain.deadlines import ObligationKind
from techapproval.domain.enums import Decision, InfoCategory, Permission
from techapproval.services import audit, catalog, compliance
from techapproval.services import contracts as svc
from techapproval.services import requests as rq
from techapproval.services.errors import Conflict, Invalid, NotAllowed, NotFound, Refused
from tests.helpers import complete_form

D = date.fromisoformat
EXECUTED = D("2026-11-25")  # a Wednesday, the day before Thanksgiving
TODAY = D("2026-11-25")
CLAUSES = {p: f"\u00a7 {i}" for i, p in enumerate(Provision, start=1)}


def contract_form(contractor_id: int | None, /, **overrides) -> ContractForm:
    values = dict(
        contractor_id=contractor_id,
        title="Data privacy agreement 2026",
        purpose="Game-based quizzes for review sessions.",
        description="Online quiz platform used in grades 3 and 4.",
        information_allowed=[InfoCategory.FULL_NAME, InfoCategory.STUDENT_GENERATED_CONTENT],
        information_details="First names only.",
        executed_on=EXECUTED,
        provisions=dict(CLAUSES),
    )
    values.update(overrides)
    return ContractForm(**values)


def add_contractor(district, name="Kahoot! ASA", **fields) -> int:
    with district.db.transaction() as s:
        return svc.save_contractor(s, district.reviewer, None, ContractorForm(name=name, **fields)).id


def add_contract(district, contractor_id: int, today: date = TODAY, **overrides) -> int:
    with district.db.transaction() as s:
        return svc.save_contract(s, district.reviewer, None, contract_form(contractor_id, **overrides), today=today).id


def approved(district, **form_overrides) -> int:
    """Submit and approve a request; return the catalog entry the approval made."""
    with district.db.transaction() as s:
        rid = rq.save_draft(s, district.teacher, None, complete_form(**form_overrides))
        rq.submit_request(s, district.teacher, rid)
    with district.db.transaction() as s:
        rq.decide_request(s, district.reviewer, rid, Decision.APPROVED, Permission.NONE_REQUIRED)
        return s.get(Request, rid).catalog_resource_id


# --- roles -----------------------------------------------------------------------------------------


def test_requester_cannot_keep_the_registry(district):
    kid = add_contractor(district)
    cid = add_contract(district, kid)
    entry = approved(district)
    attempts = [
        lambda s: svc.save_contractor(s, district.teacher, None, ContractorForm(name="Padlet Inc.")),
        lambda s: svc.save_contractor(s, district.teacher, kid, ContractorForm(name="Renamed")),
        lambda s: svc.save_contract(s, district.teacher, None, contract_form(kid), today=TODAY),
        lambda s: svc.save_contract(s, district.teacher, cid, contract_form(kid, purpose="Changed"), today=TODAY),
        lambda s: svc.link_resource(s, district.teacher, entry, Coverage.CONTRACT, cid),
        lambda s: svc.link_resource(s, district.teacher, entry, Coverage.NOT_REQUIRED, note="Public site."),
        lambda s: svc.attach_document(s, district.teacher, cid, "contract.pdf", b"%PDF-1.7"),
        lambda s: svc.record_notice_posted(s, district.teacher, [cid], D("2026-11-27"), today=D("2026-11-27")),
        lambda s: svc.list_contractors(s, district.teacher),  # it carries the vendors' contact people
    ]
    for attempt in attempts:
        with pytest.raises(NotAllowed, match="Only a reviewer"), district.db.transaction() as s:
            attempt(s)
    with district.db.transaction() as s:
        view = svc.get_contract(s, district.teacher, cid)
        assert view.form.purpose == contract_form(kid).purpose
        assert view.document_sha256 is None and view.form.notice_posted_on is None
        assert catalog.get_entry(s, district.teacher, entry).coverage is Coverage.NONE


def test_reviewer_keeps_the_registry_and_everyone_signed_in_reads_it(district):
    kid = add_contractor(district)
    cid = add_contract(district, kid)
    entry = approved(district)
    with district.db.transaction() as s:
        svc.link_resource(s, district.reviewer, entry, Coverage.CONTRACT, cid)
        svc.attach_document(s, district.reviewer, cid, "signed.pdf", b"%PDF-1.7 signed")
    for reviewer in (district.reviewer, district.admin):
        with district.db.transaction() as s:
            assert [(c.name, c.contract_count) for c in svc.list_contractors(s, reviewer)] == [("Kahoot! ASA", 1)]
    for reader in (district.teacher, district.other_teacher, district.reviewer, district.admin):
        with district.db.transaction() as s:
            assert [(v.id, v.resources) for v in svc.list_contracts(s, reader, on=TODAY)] == [
                (cid, ((entry, "Kahoot!"),))]
            assert svc.contract_choices(s, reader) == [(cid, "Kahoot! ASA \u2014 Data privacy agreement 2026 "
                                                             "(executed Wed 25 Nov 2026)")]
            assert [(e.id, e.contract_id) for e in catalog.list_catalog(s, reader, on=TODAY)] == [(entry, cid)]
            assert svc.document_content(s, reader, cid) == ("signed.pdf", b"%PDF-1.7 signed")


def test_inactive_account_cannot_read_the_registry(district):
    from techapproval.db.models import Person

    add_contractor(district)
    with district.db.transaction() as s:
        s.get(Person, district.teacher).active = False
    with pytest.raises(NotAllowed, match="not active"), district.db.transaction() as s:
        svc.list_contracts(s, district.teacher)


# --- contractors -----------------------------------------------------------------------------------


def test_contractor_is_added_with_a_normalised_website_and_audited(district):
    with district.db.transaction() as s:
        view = svc.save_contractor(s, district.reviewer, None, ContractorForm(
            name="  Kahoot! ASA ", kind="operator", contact_name="Privacy Office",
            contact_email="privacy@kahoot.example", website="kahoot.com"))
    assert (view.name, view.website, view.contract_count) == ("Kahoot! ASA", "https://kahoot.com", 0)
    with district.db.transaction() as s:
        [event] = audit.history(s, "contractor", view.id)
    assert (event.actor, event.action) == ("Rita Reviewer", "contractor added")
    assert event.changes["name"] == [None, "Kahoot! ASA"]
    assert event.changes["website"] == [None, "https://kahoot.com"]


@pytest.mark.parametrize(
    ("form", "field"),
    [
        (ContractorForm(name=""), "name"),
        (ContractorForm(name="   "), "name"),
        (ContractorForm(name="x" * 201), "name"),
        (ContractorForm(name="Padlet", kind="vendor"), "kind"),
        (ContractorForm(name="Padlet", contact_email="privacy at padlet"), "contact_email"),
        (ContractorForm(name="Padlet", website="ftp://padlet.com"), "website"),
        (ContractorForm(name="Padlet", website="https://pad let.com"), "website"),
    ],
)
def test_contractor_validation_by_field(district, form, field):
    with pytest.raises(Invalid) as e, district.db.transaction() as s:
        svc.save_contractor(s, district.reviewer, None, form)
    assert set(e.value.errors) == {field}
    with district.db.transaction() as s:
        assert svc.list_contractors(s, district.reviewer) == []


def test_duplicate_contractor_is_found_by_normalised_name(district):
    kid = add_contractor(district, "Kahoot! ASA")
    for spelling in ("kahoot asa", "KAHOOT  ASA.", "Kahóot ASA"):
        with pytest.raises(Invalid) as e, district.db.transaction() as s:
            svc.save_contractor(s, district.reviewer, None, ContractorForm(name=spelling))
        assert e.value.errors == {"name": "Kahoot! ASA is already in the registry."}
    other = add_contractor(district, "Padlet Inc.")
    with pytest.raises(Invalid) as e, district.db.transaction() as s:
        svc.save_contractor(s, district.reviewer, other, ContractorForm(name="KAHOOT! asa"))
    assert set(e.value.errors) == {"name"}
    # Renaming a contractor to another spelling of its own name is no clash.
    with district.db.transaction() as s:
        assert svc.save_contractor(s, district.reviewer, kid, ContractorForm(name="KAHOOT ASA")).name == "KAHOOT ASA"
        assert len(svc.list_contractors(s, district.reviewer)) == 2


def test_contractor_edit_is_audited_and_a_stale_edit_refused(district):
    kid = add_contractor(district, "Padlet Inc.", contact_email="old@padlet.example")
    with district.db.transaction() as s:
        version = svc.list_contractors(s, district.reviewer)[0].version
        svc.save_contractor(s, district.reviewer, kid,
                            ContractorForm(name="Padlet Inc.", contact_email="privacy@padlet.example"),
                            expected_version=version)
    with pytest.raises(Conflict), district.db.transaction() as s:
        svc.save_contractor(s, district.admin, kid, ContractorForm(name="Padlet"), expected_version=version)
    with district.db.transaction() as s:
        [c] = svc.list_contractors(s, district.reviewer)
        changed = audit.history(s, "contractor", kid)[-1]
    assert (c.name, c.contact_email) == ("Padlet Inc.", "privacy@padlet.example")
    assert changed.action == "contractor changed"
    assert changed.changes == {"contact_email": ["old@padlet.example", "privacy@padlet.example"]}
    with pytest.raises(NotFound), district.db.transaction() as s:
        svc.save_contractor(s, district.reviewer, 9999, ContractorForm(name="Ghost"))


# --- contracts: validation -------------------------------------------------------------------------

VALIDATION_CASES = [
    ({"executed_on": None}, "executed_on", "Enter the date"),
    ({"executed_on": D("2026-11-26")}, "executed_on", "in the future"),
    ({"purpose": "   "}, "purpose", "purpose"),
    ({"description": ""}, "description", "description"),
    ({"information_allowed": []}, "information_allowed", "Tick"),
    ({"information_allowed": [InfoCategory.NONE, InfoCategory.FULL_NAME]}, "information_allowed", '"None"'),
    ({"expires_on": D("2026-11-24")}, "expires_on", "before it was executed"),
    ({"starts_on": D("2026-12-01"), "expires_on": D("2026-11-30")}, "expires_on", "before it starts"),
    ({"amended_on": D("2026-11-25")}, "amended_on", "notice to amend first"),
    (
        {"executed_on": D("2026-11-02"), "amend_notice_sent_on": D("2026-11-03"), "amended_on": D("2026-11-20"),
         "provisions": {p: "" for p in Provision if p is not Provision.P9}},
        "amended_on", "still missing: P9",
    ),
    (
        {"executed_on": D("2026-11-02"), "amend_notice_sent_on": D("2026-11-10"), "amended_on": D("2026-11-05")},
        "amended_on", "before the notice",
    ),
    ({"amend_notice_sent_on": D("2026-11-20")}, "amend_notice_sent_on", "before the contract was executed"),
    ({"amend_notice_sent_on": D("2026-11-26"), "provisions": {}}, "amend_notice_sent_on", "in the future"),
    ({"notice_posted_on": D("2026-11-26")}, "notice_posted_on", "in the future"),
    ({"notice_posted_on": D("2026-11-24")}, "notice_posted_on", "before the contract was executed"),
    ({"deletion_confirmed_on": D("2026-11-25")}, "deletion_confirmed_on", "expiry date first"),
    ({"expires_on": D("2026-11-25"), "deletion_confirmed_on": D("2026-11-30")}, "deletion_confirmed_on",
     "in the future"),
    ({"title": "t" * 201}, "title", "limit is 200"),
    ({"provisions": {Provision.P1: "x" * 201}}, "provisions", "P1"),
    ({"contractor_id": None}, "contractor_id", "Choose the contractor"),
    ({"contractor_id": 9999}, "contractor_id", "no longer in the registry"),
]


@pytest.mark.parametrize(("overrides", "field", "words"), VALIDATION_CASES)
def test_contract_validation_by_field(district, overrides, field, words):
    kid = add_contractor(district)
    with pytest.raises(Invalid) as e, district.db.transaction() as s:
        svc.save_contract(s, district.reviewer, None, contract_form(kid, **overrides), today=TODAY)
    assert set(e.value.errors) == {field}
    assert words in e.value.errors[field]
    with district.db.transaction() as s:
        assert svc.list_contracts(s, district.reviewer, on=TODAY) == []


def test_many_problems_are_reported_together(district):
    kid = add_contractor(district)
    with pytest.raises(Invalid) as e, district.db.transaction() as s:
        svc.save_contract(s, district.reviewer, None, contract_form(
            kid, purpose="", description="", information_allowed=[], executed_on=None), today=TODAY)
    assert set(e.value.errors) == {"purpose", "description", "information_allowed", "executed_on"}


def test_the_future_is_judged_against_the_today_given(district):
    kid = add_contractor(district)
    with pytest.raises(Invalid), district.db.transaction() as s:
        svc.save_contract(s, district.reviewer, None, contract_form(kid, executed_on=D("2026-12-01")),
                          today=D("2026-11-30"))
    cid = add_contract(district, kid, today=D("2026-12-01"), executed_on=D("2026-12-01"))
    with district.db.transaction() as s:
        assert svc.get_contract(s, district.reviewer, cid).form.executed_on == D("2026-12-01")


# --- contracts: saving -----------------------------------------------------------------------------


def test_save_contract_creates_with_provisions_and_audit(district):
    kid = add_contractor(district)
    with district.db.transaction() as s:
        view = svc.save_contract(
            s, district.reviewer, None,
            contract_form(kid, information_allowed=[InfoCategory.STUDENT_GENERATED_CONTENT, InfoCategory.FULL_NAME],
                          expires_on=D("2027-06-30"), starts_on=D("2026-12-01")),
            today=TODAY,
        )
    with district.db.transaction() as s:
        got = svc.get_contract(s, district.reviewer, view.id, on=D("2026-11-30"))
        rows = s.scalars(select(ContractProvision).where(ContractProvision.contract_id == view.id)
                         .order_by(ContractProvision.position)).all()
        [added] = audit.history(s, "contract", view.id)
    assert got.contractor_name == "Kahoot! ASA" and got.contractor_id == kid
    assert got.form.provisions == CLAUSES
    assert list(got.form.provisions) == list(Provision)
    # Stored in the order of the checklist, whatever order the boxes were ticked in.
    assert got.form.information_allowed == [InfoCategory.FULL_NAME, InfoCategory.STUDENT_GENERATED_CONTENT]
    assert (got.form.starts_on, got.form.expires_on) == (D("2026-12-01"), D("2027-06-30"))
    assert [(r.provision, r.position, r.clause) for r in rows] == [
        (p.value, i, f"\u00a7 {i}") for i, p in enumerate(Provision, start=1)]
    assert got.status.state is ComplianceState.NOTICE_DUE and got.status.due == D("2026-12-03")
    assert (added.actor, added.action) == ("Rita Reviewer", "contract added")
    assert added.changes["executed_on"] == [None, "2026-11-25"]
    assert added.changes["purpose"] == [None, "Game-based quizzes for review sessions."]
    assert added.changes["provisions"][0] is None
    assert "P11 (\u00a7 11)" in added.changes["provisions"][1]


def test_edit_replaces_the_provisions_checklist_and_audits_old_and_new(district):
    kid = add_contractor(district)
    cid = add_contract(district, kid)
    with district.db.transaction() as s:
        before = svc.get_contract(s, district.reviewer, cid, on=TODAY)
        provisions = {p: c for p, c in CLAUSES.items() if p not in (Provision.P4, Provision.P9)}
        provisions[Provision.P1] = "Art. 2"
        after = svc.save_contract(s, district.reviewer, cid,
                                  contract_form(kid, purpose="Homework quizzes.", provisions=provisions),
                                  expected_version=before.version, today=TODAY)
    assert after.version > before.version
    with district.db.transaction() as s:
        got = svc.get_contract(s, district.reviewer, cid, on=TODAY)
        stored = s.scalars(select(ContractProvision.provision).where(ContractProvision.contract_id == cid)).all()
        history = audit.history(s, "contract", cid)
    assert set(got.form.provisions) == set(Provision) - {Provision.P4, Provision.P9}
    assert got.form.provisions[Provision.P1] == "Art. 2"
    assert sorted(stored) == sorted(p.value for p in got.form.provisions)
    assert got.form.purpose == "Homework quizzes."
    assert got.status.state is ComplianceState.MISSING_PROVISIONS
    assert "P4 (Students and parents may review PII and correct errors), P9 (Connecticut law governs)" \
        in got.status.reason
    assert [h.action for h in history] == ["contract added", "contract changed"]
    changes = history[-1].changes
    assert set(changes) == {"purpose", "provisions"}
    assert changes["purpose"] == ["Game-based quizzes for review sessions.", "Homework quizzes."]
    old, new = changes["provisions"]
    assert "P1 (\u00a7 1)" in old and "P4 (\u00a7 4)" in old and "P9 (\u00a7 9)" in old
    assert "P1 (Art. 2)" in new and "P4" not in new and "P9" not in new


def test_saving_unchanged_contract_records_no_change(district):
    kid = add_contractor(district)
    cid = add_contract(district, kid)
    with district.db.transaction() as s:
        svc.save_contract(s, district.reviewer, cid, contract_form(kid), today=TODAY)
        assert [h.action for h in audit.history(s, "contract", cid)] == ["contract added"]


def test_state_addendum_counts_as_all_eleven(district):
    kid = add_contractor(district)
    with district.db.transaction() as s:
        view = svc.save_contract(s, district.reviewer, None,
                                 contract_form(kid, uses_state_addendum=True, provisions={Provision.P3: "Sec. 3"}),
                                 today=TODAY)
    with district.db.transaction() as s:
        got = svc.get_contract(s, district.reviewer, view.id, on=TODAY)
        [obligation] = [o for o in compliance.deadlines(s, district.reviewer, on=TODAY) if o.ref == view.id]
    assert got.form.uses_state_addendum
    assert got.status.state is ComplianceState.NOTICE_DUE
    assert not any("Missing" in p for p in got.status.problems)
    assert obligation.kind is ObligationKind.WEBSITE_NOTICE  # no notice to amend: nothing is missing
    # An amendment may be recorded with the addendum alone: nothing is left missing.
    with district.db.transaction() as s:
        svc.save_contract(s, district.reviewer, view.id, contract_form(
            kid, uses_state_addendum=True, provisions={}, amend_notice_sent_on=D("2026-11-25"),
            amended_on=D("2026-11-25")), today=TODAY)
    # Without the addendum, the provisions ticked are all the contract has.
    with district.db.transaction() as s:
        svc.save_contract(s, district.reviewer, view.id, contract_form(
            kid, uses_state_addendum=False, provisions={Provision.P3: "Sec. 3"}), today=TODAY)
    with district.db.transaction() as s:
        got = svc.get_contract(s, district.reviewer, view.id, on=TODAY)
    assert got.status.state is ComplianceState.MISSING_PROVISIONS
    assert "P1, P2, P4, P5, P6, P7, P8, P9, P10, P11" in got.status.reason


def test_stale_contract_edit_raises_conflict_and_keeps_the_first_edit(district):
    kid = add_contractor(district)
    cid = add_contract(district, kid)
    with district.db.transaction() as s:
        version = svc.get_contract(s, district.reviewer, cid).version
        svc.save_contract(s, district.reviewer, cid, contract_form(kid, title="First edit"),
                          expected_version=version, today=TODAY)
    with pytest.raises(Conflict, match="Someone else changed this contract"), district.db.transaction() as s:
        svc.save_contract(s, district.admin, cid, contract_form(kid, title="Second edit"),
                          expected_version=version, today=TODAY)
    with district.db.transaction() as s:
        assert svc.get_contract(s, district.reviewer, cid).title == "First edit"
        assert [h.action for h in audit.history(s, "contract", cid)] == ["contract added", "contract changed"]


def test_unknown_contract(district):
    kid = add_contractor(district)
    with pytest.raises(NotFound), district.db.transaction() as s:
        svc.get_contract(s, district.reviewer, 9999)
    with pytest.raises(NotFound), district.db.transaction() as s:
        svc.save_contract(s, district.reviewer, 9999, contract_form(kid), today=TODAY)


def test_contracts_are_listed_by_contractor_then_execution(district):
    zeta = add_contractor(district, "Zeta Reading")
    alpha = add_contractor(district, "alpha Math")
    late = add_contract(district, alpha, executed_on=D("2026-11-20"), title="")
    early = add_contract(district, alpha, executed_on=D("2026-10-01"), title="")
    z = add_contract(district, zeta)
    with district.db.transaction() as s:
        views = svc.list_contracts(s, district.teacher, on=TODAY)
    assert [v.id for v in views] == [early, late, z]
    assert views[0].label == "alpha Math (executed Thu 1 Oct 2026)"


# --- signed documents ------------------------------------------------------------------------------


def test_document_is_stored_by_sha256_and_read_back(district):
    kid = add_contractor(district)
    cid = add_contract(district, kid)
    content = b"%PDF-1.7\n" + bytes(range(256)) * 10
    with district.db.transaction() as s:
        digest = svc.attach_document(s, district.reviewer, cid, "C:\\Scans\\Kahoot DPA.pdf", content)
    assert digest == hashlib.sha256(content).hexdigest()
    with district.db.transaction() as s:
        view = svc.get_contract(s, district.teacher, cid)
        assert (view.document_name, view.document_sha256, view.document_size) == ("Kahoot DPA.pdf", digest,
                                                                                   len(content))
        assert svc.document_content(s, district.teacher, cid) == ("Kahoot DPA.pdf", content)
        stored = s.get(ContractDocument, digest)
        assert stored.content == content and stored.size == len(content)
        [attached] = [h for h in audit.history(s, "contract", cid) if h.action == "document attached"]
    assert attached.changes == {"document": [None, f"Kahoot DPA.pdf ({digest})"]}


@pytest.mark.parametrize(
    ("filename", "stored"),
    [("../../etc/.profile\n", "profile.pdf"), ("C:\\Scans\\..\\DPA\x07 2026.pdf", "DPA 2026.pdf"),
     ("folder/", "contract.pdf"), ("  ", "contract.pdf")],
)
def test_document_name_keeps_only_a_safe_file_name(district, filename, stored):
    kid = add_contractor(district)
    cid = add_contract(district, kid)
    with district.db.transaction() as s:
        svc.attach_document(s, district.reviewer, cid, filename, b"%PDF-1.4 scan")
        assert svc.document_content(s, district.reviewer, cid)[0] == stored


def test_same_content_twice_is_stored_once(district):
    kid = add_contractor(district)
    a = add_contract(district, kid)
    b = add_contract(district, kid, title="Renewal")
    content = b"%PDF-1.4 the same signed scan"
    with district.db.transaction() as s:
        first = svc.attach_document(s, district.reviewer, a, "a.pdf", content)
    with district.db.transaction() as s:
        second = svc.attach_document(s, district.reviewer, b, "b.pdf", content)
        svc.attach_document(s, district.reviewer, a, "a-again.pdf", content)
    assert first == second
    with district.db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(ContractDocument)) == 1
        assert svc.document_content(s, district.reviewer, a) == ("a-again.pdf", content)
        assert svc.document_content(s, district.reviewer, b) == ("b.pdf", content)
        replaced = audit.history(s, "contract", a)[-1]
    assert replaced.changes == {"document": [f"a.pdf ({first})", f"a-again.pdf ({first})"]}


def test_replacing_the_document_keeps_the_new_one(district):
    kid = add_contractor(district)
    cid = add_contract(district, kid)
    with district.db.transaction() as s:
        svc.attach_document(s, district.reviewer, cid, "draft.pdf", b"%PDF-1.4 unsigned draft")
        new = svc.attach_document(s, district.reviewer, cid, "signed.pdf", b"%PDF-1.4 signed by both parties")
    with district.db.transaction() as s:
        assert svc.get_contract(s, district.reviewer, cid).document_sha256 == new
        assert svc.document_content(s, district.reviewer, cid) == ("signed.pdf", b"%PDF-1.4 signed by both parties")


@pytest.mark.parametrize("content", [b"", b"x" * (MAX_DOCUMENT_BYTES + 1)], ids=["empty", "oversized"])
def test_empty_or_oversized_document_is_refused(district, content):
    kid = add_contractor(district)
    cid = add_contract(district, kid)
    with pytest.raises(Invalid) as e, district.db.transaction() as s:
        svc.attach_document(s, district.reviewer, cid, "scan.pdf", content)
    assert set(e.value.errors) == {"document"}
    with district.db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(ContractDocument)) == 0
        assert svc.get_contract(s, district.reviewer, cid).document_sha256 is None


def test_document_of_exactly_the_limit_is_accepted(district):
    kid = add_contractor(district)
    cid = add_contract(district, kid)
    content = b"%PDF-" + b"x" * (MAX_DOCUMENT_BYTES - 5)
    with district.db.transaction() as s:
        assert svc.attach_document(s, district.reviewer, cid, "big.pdf", content) == hashlib.sha256(
            content).hexdigest()


def test_tampered_document_is_refused(district):
    kid = add_contractor(district)
    cid = add_contract(district, kid)
    with district.db.transaction() as s:
        digest = svc.attach_document(s, district.reviewer, cid, "signed.pdf", b"%PDF the real contract")
    with district.db.transaction() as s:
        s.execute(text("UPDATE contract_document SET content = :c WHERE sha256 = :h"),
                  {"c": b"a forged contract", "h": digest})
    with pytest.raises(Refused, match="checksum"), district.db.transaction() as s:
        svc.document_content(s, district.reviewer, cid)


def test_reattaching_the_genuine_file_repairs_a_damaged_copy(district):
    kid = add_contractor(district)
    cid = add_contract(district, kid)
    with district.db.transaction() as s:
        digest = svc.attach_document(s, district.reviewer, cid, "signed.pdf", b"%PDF the real contract")
    with district.db.transaction() as s:
        s.execute(text("UPDATE contract_document SET content = :c WHERE sha256 = :h"),
                  {"c": b"damaged bytes", "h": digest})
    with district.db.transaction() as s:
        assert svc.attach_document(s, district.reviewer, cid, "signed.pdf", b"%PDF the real contract") == digest
    with district.db.transaction() as s:
        assert svc.document_content(s, district.reviewer, cid) == ("signed.pdf", b"%PDF the real contract")


def test_document_missing_or_unknown_contract(district):
    kid = add_contractor(district)
    cid = add_contract(district, kid)
    with pytest.raises(NotFound), district.db.transaction() as s:
        svc.document_content(s, district.reviewer, cid)
    with pytest.raises(NotFound), district.db.transaction() as s:
        svc.attach_document(s, district.reviewer, 9999, "x.pdf", b"x")


# --- coverage of approved resources ------------------------------------------------------------------


def test_contract_coverage_requires_a_contract(district):
    entry = approved(district)
    for contract_id in (None, 9999):
        with pytest.raises(Invalid) as e, district.db.transaction() as s:
            svc.link_resource(s, district.reviewer, entry, Coverage.CONTRACT, contract_id)
        assert set(e.value.errors) == {"contract"}
    with district.db.transaction() as s:
        assert catalog.get_entry(s, district.reviewer, entry).coverage is Coverage.NONE


def test_link_to_contract_and_audit(district):
    entry = approved(district)
    kid = add_contractor(district)
    cid = add_contract(district, kid)
    with district.db.transaction() as s:
        version = catalog.get_entry(s, district.reviewer, entry).version
        # A note given with contract coverage is not kept: the contract says it all.
        svc.link_resource(s, district.reviewer, entry, "contract", cid, note="ignored", expected_version=version)
    with district.db.transaction() as s:
        got = catalog.get_entry(s, district.teacher, entry, on=D("2026-12-03"))
        history = audit.history(s, "catalog", entry)
        covered = svc.get_contract(s, district.reviewer, cid).resources
    assert (got.coverage, got.contract_id, got.coverage_note) == (Coverage.CONTRACT, cid, "")
    assert got.status.state is ComplianceState.NOTICE_DUE
    assert covered == ((entry, "Kahoot!"),)
    assert [h.action for h in history].count("coverage changed") == 1
    assert (history[-1].actor, history[-1].action) == ("Rita Reviewer", "coverage changed")
    assert history[-1].changes == {"coverage": ["none", "contract"], "contract": [None, cid]}


def test_stale_coverage_edit_raises_conflict(district):
    entry = approved(district)
    with district.db.transaction() as s:
        version = catalog.get_entry(s, district.reviewer, entry).version
        svc.link_resource(s, district.reviewer, entry, Coverage.NOT_REQUIRED, note="General-public site.",
                          expected_version=version)
    with pytest.raises(Conflict), district.db.transaction() as s:
        svc.link_resource(s, district.admin, entry, Coverage.IEP_504_EXCEPTION, note="Case 7",
                          expected_version=version)
    with district.db.transaction() as s:
        assert catalog.get_entry(s, district.reviewer, entry).coverage is Coverage.NOT_REQUIRED


@pytest.mark.parametrize("note", ["", "   "])
@pytest.mark.parametrize("coverage", [Coverage.NOT_REQUIRED, Coverage.IEP_504_EXCEPTION])
def test_exception_coverage_needs_a_note(district, coverage, note):
    entry = approved(district)
    with pytest.raises(Invalid) as e, district.db.transaction() as s:
        svc.link_resource(s, district.reviewer, entry, coverage, note=note)
    assert set(e.value.errors) == {"note"}
    with district.db.transaction() as s:
        assert catalog.get_entry(s, district.reviewer, entry).coverage is Coverage.NONE


def test_note_too_long_is_refused(district):
    entry = approved(district)
    with pytest.raises(Invalid) as e, district.db.transaction() as s:
        svc.link_resource(s, district.reviewer, entry, Coverage.NOT_REQUIRED, note="n" * 2_001)
    assert set(e.value.errors) == {"note"}


def test_not_required_and_iep_exception_show_their_reason(district):
    entry = approved(district)
    with district.db.transaction() as s:
        svc.link_resource(s, district.reviewer, entry, Coverage.NOT_REQUIRED,
                          note="  Public website; no student data.  ")
        got = catalog.get_entry(s, district.reviewer, entry)
    assert got.coverage_note == "Public website; no student data."
    assert got.status.state is ComplianceState.NOT_REQUIRED
    assert "Public website; no student data" in got.status.reason
    with district.db.transaction() as s:
        svc.link_resource(s, district.reviewer, entry, Coverage.IEP_504_EXCEPTION, note="PPT case 2026-014")
    with district.db.transaction() as s:
        got = catalog.get_entry(s, district.reviewer, entry)
        last = audit.history(s, "catalog", entry)[-1]
    assert got.status.state is ComplianceState.IEP_504_EXCEPTION
    assert "PPT case 2026-014" in got.status.reason
    assert last.changes == {"coverage": ["not_required", "iep_504_exception"],
                            "note": ["Public website; no student data.", "PPT case 2026-014"]}


def test_none_clears_contract_and_note(district):
    entry = approved(district)
    kid = add_contractor(district)
    cid = add_contract(district, kid)
    with district.db.transaction() as s:
        svc.link_resource(s, district.reviewer, entry, Coverage.CONTRACT, cid)
    with district.db.transaction() as s:
        svc.link_resource(s, district.reviewer, entry, Coverage.NONE, cid, note="left over")
    with district.db.transaction() as s:
        got = catalog.get_entry(s, district.reviewer, entry)
        row = s.get(CatalogResource, entry)
        last = audit.history(s, "catalog", entry)[-1]
        covered = svc.get_contract(s, district.reviewer, cid).resources
    assert (got.coverage, got.contract_id, got.coverage_note) == (Coverage.NONE, None, "")
    assert (row.coverage, row.contract_id, row.coverage_note) == ("none", None, "")
    assert got.status.state is ComplianceState.NO_CONTRACT
    assert covered == ()
    assert last.changes == {"coverage": ["contract", "none"], "contract": [cid, None]}


def test_unknown_resource(district):
    with pytest.raises(NotFound), district.db.transaction() as s:
        svc.link_resource(s, district.reviewer, 9999, Coverage.NOT_REQUIRED, note="x")


# --- website notice posted -------------------------------------------------------------------------


def test_record_notice_posted_sets_only_unposted_contracts_and_audits(district):
    kid = add_contractor(district)
    posted = add_contract(district, kid, title="Posted", notice_posted_on=D("2026-11-25"))
    unposted = add_contract(district, kid, title="Unposted")
    with district.db.transaction() as s:
        changed = svc.record_notice_posted(s, district.reviewer, [posted, unposted], D("2026-11-27"),
                                           today=D("2026-11-27"))
    assert changed == [unposted]
    with district.db.transaction() as s:
        assert svc.get_contract(s, district.reviewer, posted).form.notice_posted_on == D("2026-11-25")
        assert svc.get_contract(s, district.reviewer, unposted).form.notice_posted_on == D("2026-11-27")
        assert [h.action for h in audit.history(s, "contract", posted)] == ["contract added"]
        last = audit.history(s, "contract", unposted)[-1]
        assert (last.actor, last.action) == ("Rita Reviewer", "website notice posted")
        assert last.changes == {"notice_posted_on": [None, "2026-11-27"]}
        # Asking again changes nothing.
        assert svc.record_notice_posted(s, district.reviewer, [posted, unposted], D("2026-11-30"),
                                        today=D("2026-11-30")) == []
        assert svc.get_contract(s, district.reviewer, unposted).form.notice_posted_on == D("2026-11-27")


def test_notice_is_not_recorded_before_execution(district):
    kid = add_contractor(district)
    cid = add_contract(district, kid)
    with district.db.transaction() as s:
        assert svc.record_notice_posted(s, district.reviewer, [cid], D("2026-11-24"), today=D("2026-11-24")) == []
        assert svc.get_contract(s, district.reviewer, cid).form.notice_posted_on is None
