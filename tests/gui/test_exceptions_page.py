"""The IEP/504 exceptions register through its screens: a reviewer records an exception, dates the
conditions until the resource is lawful, attaches and opens evidence, and saves the parent's packet."""

from __future__ import annotations

import hashlib
import io
from datetime import date, timedelta

from pypdf import PdfReader
from PySide6.QtCore import QDate
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)

from techapproval.db.models import Contract
from techapproval.domain.contracts import ComplianceState
from techapproval.domain.exceptions import Condition, Plan
from techapproval.gui.dialogs.plan_exception import PlanExceptionDialog
from techapproval.gui.pages.exceptions import ExceptionsPage
from techapproval.services import catalog
from techapproval.services import exceptions as svc
from tests.gui.conftest import choose, click, find, type_into, when_dialog_opens
from tests.helpers import approved_resource

TODAY = date.today()


def open_page(qtbot, ctx) -> ExceptionsPage:
    page = ExceptionsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    return page


def rows(page) -> list[list[str]]:
    model = find(page, "IEP/504 exceptions", QAbstractItemView).model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def tick_met(qtbot, page, condition: Condition) -> None:
    click(qtbot, page, f"Date met: {condition.short} recorded")


def recorded(district, plan=Plan.IEP, case="IEP-2026-014") -> tuple[int, int]:
    rid = approved_resource(district)
    with district.db.transaction() as s:
        return rid, svc.record_exception(s, district.reviewer, case, plan, rid).id


def resource_state(district, rid):
    with district.db.transaction() as s:
        return catalog.get_entry(s, district.reviewer, rid).status.state


def test_record_then_date_every_condition(qtbot, signed_in, district):
    rid = approved_resource(district)
    page = open_page(qtbot, signed_in(district.reviewer))
    assert rows(page) == []
    assert find(page, "Exception status", QLabel).text() == "No IEP/504 exceptions recorded."
    assert not find(page, "Save evidence packet", QAbstractButton).isEnabled()

    def fill(dialog):
        assert "never a student's name" in find(dialog, "Case reference", QLineEdit).placeholderText()
        choose(qtbot, dialog, "Resource", "Kahoot!")
        click(qtbot, dialog, Plan.IEP.label)
        type_into(qtbot, dialog, "Case reference", "Jamie Smith")
        click(qtbot, dialog, "Save exception")
        assert "Never enter a student's name" in find(dialog, "Case reference error", QLabel).text()
        find(dialog, "Case reference", QLineEdit).clear()
        type_into(qtbot, dialog, "Case reference", "IEP-2026-014")
        click(qtbot, dialog, "Save exception")

    problems = when_dialog_opens(PlanExceptionDialog, fill)
    with qtbot.waitSignal(page.changed, timeout=5000):
        click(qtbot, page, "Record exception")
    assert problems == []
    assert rows(page) == [["\u26a0 Incomplete (0 of 5 met)", "Kahoot!", "IEP", "IEP-2026-014",
                           "\u26a0 IEP/504 exception incomplete"]]
    assert resource_state(district, rid) is ComplianceState.EXCEPTION_INCOMPLETE

    # Four of five dated: still incomplete, and the words say what is missing.
    for condition in list(Condition)[:4]:
        tick_met(qtbot, page, condition)
    assert find(page, "Unsaved dates", QLabel).text() == "\u270e 4 dates not saved yet"
    with qtbot.waitSignal(page.changed, timeout=5000):
        click(qtbot, page, "Save condition dates")
    assert rows(page)[0][0] == "\u26a0 Incomplete (4 of 5 met)"
    status = find(page, "Exception status", QLabel).text()
    assert "missing Planning and placement team member signed (IEP only)" in status
    assert resource_state(district, rid) is ComplianceState.EXCEPTION_INCOMPLETE
    assert not find(page, "Save condition dates", QAbstractButton).isEnabled()

    # The last one: the resource's status becomes the exception.
    tick_met(qtbot, page, Condition.PPT_SIGNATURE)
    click(qtbot, page, "Save condition dates")
    assert rows(page)[0][0] == "\u2714 Complete (5 of 5 met)"
    assert rows(page)[0][4] == "\u2714 IEP/504 exception"
    assert resource_state(district, rid) is ComplianceState.IEP_504_EXCEPTION
    with district.db.transaction() as s:
        [view] = svc.list_exceptions(s, district.reviewer)
    assert all(c.met_on == TODAY for c in view.conditions)


def test_a_future_date_is_refused_and_nothing_is_saved(qtbot, signed_in, district):
    rid, _ = recorded(district)
    page = open_page(qtbot, signed_in(district.reviewer))
    tick_met(qtbot, page, Condition.FERPA_HIPAA)
    tick_met(qtbot, page, Condition.OPERATOR_COMPLIES)
    future = TODAY + timedelta(days=5)
    find(page, f"Date met: {Condition.OPERATOR_COMPLIES.short}", QDateEdit).setDate(
        QDate(future.year, future.month, future.day))
    click(qtbot, page, "Save condition dates")
    message = find(page, "Exceptions message", QLabel).text()
    assert message == "This date is in the future; record it when it has happened."
    with district.db.transaction() as s:
        [view] = svc.list_exceptions(s, district.reviewer)
    assert view.met_count == 0  # one transaction: the valid date was not kept either
    assert find(page, "Unsaved dates", QLabel).text() == "\u270e 2 dates not saved yet"


def test_a_504_plan_shows_no_ppt_condition(qtbot, signed_in, district):
    recorded(district, Plan.SECTION_504, "504-2026-003")
    page = open_page(qtbot, signed_in(district.reviewer))
    assert rows(page)[0][:3] == ["\u26a0 Incomplete (0 of 4 met)", "Kahoot!", "504 plan"]
    ppt = find(page, f"Date met: {Condition.PPT_SIGNATURE.short} recorded", QCheckBox)
    parent = find(page, f"Date met: {Condition.PARENT_SIGNATURE.short} recorded", QCheckBox)
    assert not ppt.isVisible() and parent.isVisible()
    assert not find(page, f"Attach evidence: {Condition.PPT_SIGNATURE.short}", QAbstractButton).isVisible()


def test_attach_and_open_evidence_keeps_unsaved_dates(qtbot, signed_in, district, tmp_path, monkeypatch):
    _, eid = recorded(district)
    scan = tmp_path / "signed agreement.pdf"
    scan.write_bytes(b"%PDF-1.4 the parent's signed agreement")
    digest = hashlib.sha256(scan.read_bytes()).hexdigest()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(scan), "PDF documents (*.pdf)"))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    page = open_page(qtbot, signed_in(district.reviewer))
    name = Condition.PARENT_SIGNATURE.short
    assert find(page, f"Evidence: {name}", QLabel).text() == "No evidence attached"
    assert not find(page, f"Open evidence: {name}", QAbstractButton).isEnabled()

    tick_met(qtbot, page, Condition.FERPA_HIPAA)  # not saved yet
    click(qtbot, page, f"Attach evidence: {name}")
    assert find(page, f"Evidence: {name}", QLabel).text() == (
        f"Attached: signed agreement.pdf (SHA-256 {digest[:12]}\u2026)")
    assert find(page, "Exceptions message", QLabel).text().startswith("Attached signed agreement.pdf")
    assert find(page, "Unsaved dates", QLabel).text() == "\u270e 1 date not saved yet"
    assert "evidence attached for 1 of 5" in find(page, "Exception status", QLabel).text()
    with district.db.transaction() as s:
        stored = svc.get_exception(s, district.reviewer, eid).condition(Condition.PARENT_SIGNATURE)
    assert (stored.document_name, stored.document_sha256, stored.met_on) == ("signed agreement.pdf", digest, None)

    click(qtbot, page, f"Open evidence: {name}")
    assert len(opened) == 1
    with open(opened[0], "rb") as f:
        assert f.read() == scan.read_bytes()
    assert opened[0].endswith("signed agreement.pdf")


def test_save_the_evidence_packet(qtbot, signed_in, district, tmp_path, monkeypatch):
    _, eid = recorded(district)
    with district.db.transaction() as s:
        svc.set_condition(s, district.reviewer, eid, Condition.REASONABLE_EFFORT, TODAY)
        digest = svc.attach_evidence(s, district.reviewer, eid, Condition.REASONABLE_EFFORT, "effort log.pdf",
                                     b"%PDF effort")
    target = tmp_path / "packet"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF documents (*.pdf)"))
    page = open_page(qtbot, signed_in(district.reviewer))
    click(qtbot, page, "Save evidence packet")
    saved = tmp_path / "packet.pdf"
    assert saved.exists()
    assert find(page, "Exceptions message", QLabel).text().startswith(f"Saved the evidence packet as {saved}")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(saved.read_bytes())).pages)
    assert "Case reference: IEP-2026-014" in text
    assert "Technology resource: Kahoot!" in text
    assert f"SHA-256: {digest}" in text
    assert "Evidence file: effort log.pdf" in text


def test_a_requester_sees_no_exceptions(qtbot, signed_in, district):
    recorded(district)
    page = open_page(qtbot, signed_in(district.teacher))
    assert rows(page) == []
    assert find(page, "Exceptions message", QLabel).text() == "Only a reviewer keeps the IEP/504 exceptions."
    assert not find(page, "Record exception", QAbstractButton).isVisible()
    assert not find(page, "Conditions of the selected exception").isVisible()
    assert all("IEP-2026-014" not in w.text() for w in page.findChildren(QLabel))


def unnamed_controls(root) -> list[str]:
    """Controls without an accessible name (Qt's own parts and captions read as text aside)."""
    found = []
    for cls in (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QPlainTextEdit, QDateEdit, QLabel):
        for widget in root.findChildren(cls):
            parent = widget.parent()
            if widget.objectName().startswith("qt_") or parent.objectName().startswith("qt_") or \
                    parent.metaObject().className() == "QComboBoxPrivateContainer":
                continue
            if isinstance(widget, QLabel) and (widget.buddy() is not None or not widget.text() or widget.wordWrap()):
                continue
            if not widget.accessibleName():
                found.append(f"{type(widget).__name__} {getattr(widget, 'text', str)()!r}")
    return found


def test_every_control_has_an_accessible_name(qtbot, signed_in, district):
    from techapproval.gui.dialogs.deletion import CloseDeletionDialog, ConfirmDeletionDialog, DeletionRequestDialog
    from techapproval.gui.pages.deletions import DeletionsPage
    from techapproval.services import deletions
    from tests.helpers import registered_contract

    recorded(district)
    cid = registered_contract(district, "Padlet Inc.", TODAY - timedelta(days=400), expires_on=TODAY - timedelta(1))
    ctx = signed_in(district.reviewer)
    with district.db.transaction() as s:
        kid = s.get(Contract, cid).contractor_id
        request = deletions.record_deletion_request(s, district.reviewer, kid, "parent", "DEL-1", TODAY, "All.")
        [expired] = deletions.list_expired_unconfirmed(s, district.reviewer)
    roots = [open_page(qtbot, ctx), DeletionsPage(ctx), PlanExceptionDialog(ctx), DeletionRequestDialog(ctx),
             CloseDeletionDialog(ctx, request), ConfirmDeletionDialog(ctx, expired)]
    for root in roots:
        qtbot.addWidget(root)
        assert root.findChildren(QAbstractButton)
        assert unnamed_controls(root) == [], type(root).__name__
