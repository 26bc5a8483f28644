"""The clause check through the contract registry: suggestions from the signed document, evidence the
coordinator accepts kept with each provision and in the history, and the gap report of a notice to amend."""

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from techapproval.domain.clauses import Finding
from techapproval.domain.contracts import Provision
from techapproval.pdf.gap_report import render_gap_report
from techapproval.services import contracts as svc
from techapproval.services.errors import Invalid
from tests import contract_files as files
from tests.services.test_contracts import TODAY, add_contract, add_contractor, contract_form

CORPUS = Path(__file__).parent.parent / "contracts_corpus"


def pages(name: str) -> list[str]:
    return (CORPUS / name).read_text(encoding="utf-8").split("\f")


@pytest.fixture
def quizly(district) -> int:
    """A contract with nothing ticked, its signed document the Delaware-law DPA as a PDF."""
    cid = add_contract(district, add_contractor(district, "Quizly, Inc."), provisions={})
    with district.db.transaction() as s:
        content = files.text_pdf(pages("dpa_delaware_quizly.txt"))
        svc.attach_document(s, district.reviewer, cid, "quizly-dpa.pdf", content)
    return cid


def test_the_signed_document_is_checked_and_nothing_is_ticked(district, quizly):
    with district.db.transaction() as s:
        check = svc.check_document(s, district.reviewer, quizly)
        view = svc.get_contract(s, district.reviewer, quizly)
    assert check.result(Provision.P9).finding is Finding.CONFLICT
    assert "Delaware" in check.result(Provision.P9).quotes[0].text
    assert check.result(Provision.P1).finding is Finding.FOUND
    assert view.form.provisions == {} and view.form.evidence == {}


def test_accepted_evidence_is_stored_with_the_provision_and_in_the_history(district, quizly):
    with district.db.transaction() as s:
        quote = svc.check_document(s, district.reviewer, quizly).result(Provision.P1).quotes[0]
        view = svc.get_contract(s, district.reviewer, quizly)
        form = contract_form(view.form.contractor_id, provisions={Provision.P1: "p. 1"},
                             evidence={Provision.P1: (quote.text, quote.page)})
        svc.save_contract(s, district.reviewer, quizly, form, view.version, today=TODAY)
    with district.db.transaction() as s:
        saved = svc.get_contract(s, district.reviewer, quizly)
        history = svc.contract_history(s, district.reviewer, quizly)
    assert saved.form.evidence == {Provision.P1: (quote.text, 1)}
    changes = history[-1].changes
    assert changes["evidence P1"] == [None, f"p. 1: \u201c{quote.text}\u201d"]
    assert history[-1].action == "contract changed"


def test_unticking_a_provision_lets_go_of_its_evidence(district, quizly):
    with district.db.transaction() as s:
        view = svc.get_contract(s, district.reviewer, quizly)
        svc.save_contract(s, district.reviewer, quizly, contract_form(view.form.contractor_id, provisions={},
                          evidence={Provision.P1: ("Customer owns all right, title and interest.", 1)}),
                          view.version, today=TODAY)
        assert svc.get_contract(s, district.reviewer, quizly).form.evidence == {}


def test_too_long_a_quote_is_refused_and_nothing_changes(district, quizly):
    with district.db.transaction() as s:
        view = svc.get_contract(s, district.reviewer, quizly)
        with pytest.raises(Invalid) as caught:
            svc.save_contract(s, district.reviewer, quizly, contract_form(
                view.form.contractor_id, provisions={Provision.P1: ""}, evidence={Provision.P1: ("x" * 2001, 1)}),
                view.version, today=TODAY)
    assert "2,001 characters" in caught.value.errors["provisions"]


def test_an_unreadable_document_gets_its_message_and_leaves_the_contract_unchanged(district):
    cid = add_contract(district, add_contractor(district), provisions={})
    with district.db.transaction() as s:
        svc.attach_document(s, district.reviewer, cid, "scan.pdf", files.scanned_pdf())
        before = svc.get_contract(s, district.reviewer, cid)
        with pytest.raises(Invalid) as caught:
            svc.check_document(s, district.reviewer, cid)
        assert svc.get_contract(s, district.reviewer, cid) == before
    assert "no text found: tick the provisions by hand" in caught.value.errors["document"]


def test_the_gap_report_lists_each_missing_provision_with_the_law_and_what_was_found(district, quizly):
    with district.db.transaction() as s:
        view = svc.get_contract(s, district.reviewer, quizly)
        ticked = {p: "" for p in Provision if p is not Provision.P9}
        svc.save_contract(s, district.reviewer, quizly, contract_form(view.form.contractor_id, provisions=ticked),
                          view.version, today=TODAY)
        report = svc.gap_report(s, district.reviewer, quizly)
    assert [g.provision for g in report.gaps] == [Provision.P9]
    gap = report.gaps[0]
    assert gap.finding == "Conflict" and "Connecticut laws shall govern" in gap.law
    assert "Delaware" in gap.found_instead[0][0] and gap.found_instead[0][1] == 2
    pdf = render_gap_report(report, {"district_name": "Riverside", "town": "Riverside"})
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Notice to amend" in text and "P9" in text and "Delaware" in text and "Connecticut laws shall" in text


def test_the_demo_canva_contract_has_a_signed_document_lacking_p9_and_p10(db):
    from sqlalchemy import select

    from techapproval.db.models import Contract
    from techapproval.services import people
    from techapproval.services.demo import seed_demo

    seed_demo(db, password="a demo password")
    rosa = people.sign_in(db, "rosa.martinez@riverside.example", "a demo password")
    with db.transaction() as s:
        canva = s.scalar(select(Contract.id).where(Contract.document_name.like("Canva%")))
        check = svc.check_document(s, rosa.id, canva)
    assert check.result(Provision.P9).finding is Finding.CONFLICT
    assert check.result(Provision.P10).finding is Finding.NOT_FOUND
    assert [p for p in Provision if check.result(p).finding is Finding.FOUND] == [
        p for p in Provision if p not in (Provision.P9, Provision.P10)]
