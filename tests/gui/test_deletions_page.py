"""Deletion requests through their screens: a reviewer records one, closes it under one of the law's
exceptions, and confirms deletion for an expired contract."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QLineEdit

from techapproval.db.models import Contract
from techapproval.domain.contracts import format_day
from techapproval.domain.deletions import Requester
from techapproval.gui.dialogs.deletion import CloseDeletionDialog, ConfirmDeletionDialog, DeletionRequestDialog
from techapproval.gui.pages.deletions import DeletionsPage
from techapproval.services import audit
from techapproval.services import deletions as svc
from tests.gui.conftest import choose, click, find, type_into, when_dialog_opens
from tests.helpers import registered_contract

TODAY = date.today()


def open_page(qtbot, ctx) -> DeletionsPage:
    page = DeletionsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    return page


def rows(page, table: str = "Deletion requests") -> list[list[str]]:
    model = find(page, table, QAbstractItemView).model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def contractor_of(district, contract_id: int) -> int:
    with district.db.transaction() as s:
        return s.get(Contract, contract_id).contractor_id


def test_reviewer_records_a_request_and_a_name_is_refused(qtbot, signed_in, district):
    registered_contract(district, "Kahoot! ASA", TODAY - timedelta(days=200))
    page = open_page(qtbot, signed_in(district.reviewer))
    assert rows(page) == []
    assert find(page, "Deletion request details", QLabel).text() == "No deletion requests recorded."
    assert not find(page, "Close request", QAbstractButton).isEnabled()
    due = TODAY + timedelta(days=30)

    def fill(dialog):
        case = find(dialog, "Case reference", QLineEdit)
        assert "never a student's name" in case.placeholderText()
        assert find(dialog, "Deletion due date", QLabel).text().startswith(f"Deletion due by {format_day(due)}")
        choose(qtbot, dialog, "Contractor", "Kahoot! ASA")
        click(qtbot, dialog, "Parent or guardian")
        type_into(qtbot, dialog, "Case reference", "Maria Lopez")
        type_into(qtbot, dialog, "What to delete", "The account and essays of this case.")
        click(qtbot, dialog, "Record request")
        assert dialog.isVisible()
        assert "Never enter a student's name" in find(dialog, "Case reference error", QLabel).text()
        case.clear()
        type_into(qtbot, dialog, "Case reference", "DEL-2026-014")
        click(qtbot, dialog, "Record request")

    problems = when_dialog_opens(DeletionRequestDialog, fill)
    with qtbot.waitSignal(page.changed, timeout=5000):
        click(qtbot, page, "Record deletion request")
    assert problems == []
    [row] = rows(page)
    assert row[:4] == [f"\u25f7 Open: deletion due by {format_day(due)} (requested {format_day(TODAY)}).",
                       "Kahoot! ASA", "Parent or guardian", "DEL-2026-014"]
    assert "must delete the data by" in find(page, "Deletions message", QLabel).text()
    assert "The account and essays of this case." in find(page, "Deletion request details", QLabel).text()
    with district.db.transaction() as s:
        [saved] = svc.list_deletion_requests(s, district.reviewer)
    assert (saved.requested_by, saved.case_reference, saved.due_on) == (Requester.PARENT, "DEL-2026-014", due)


def test_close_a_request_as_kept_needs_a_note(qtbot, signed_in, district):
    kid = contractor_of(district, registered_contract(district, "Kahoot! ASA", TODAY - timedelta(days=200)))
    with district.db.transaction() as s:
        old = svc.record_deletion_request(s, district.reviewer, kid, "student", "DEL-1", TODAY - timedelta(days=40),
                                          "Everything.")
    page = open_page(qtbot, signed_in(district.reviewer))
    assert rows(page)[0][0].startswith("\u26a0 Overdue: deletion was due")

    def close(dialog):
        click(qtbot, dialog, "Kept: state or federal law requires retention")
        click(qtbot, dialog, "Save outcome")
        assert dialog.isVisible()
        assert "which law" in find(dialog, "Note error", QLabel).text()
        type_into(qtbot, dialog, "Note", "Records retention schedule M8.")
        click(qtbot, dialog, "Save outcome")

    problems = when_dialog_opens(CloseDeletionDialog, close)
    with qtbot.waitSignal(page.changed, timeout=5000):
        click(qtbot, page, "Close request")
    assert problems == []
    assert rows(page)[0][0] == (f"\u2716 Kept: state or federal law requires retention (recorded on "
                                f"{format_day(TODAY)}; late, it was due {format_day(old.due_on)}).")
    assert "Note: Records retention schedule M8." in find(page, "Deletion request details", QLabel).text()
    assert not find(page, "Close request", QAbstractButton).isEnabled()
    with district.db.transaction() as s:
        assert audit.history(s, "deletion_request", old.id)[-1].actor == "Rita Reviewer"


def test_disaster_recovery_outcome_shows_the_proviso(qtbot, signed_in, district):
    kid = contractor_of(district, registered_contract(district, "Kahoot! ASA", TODAY - timedelta(days=200)))
    with district.db.transaction() as s:
        svc.record_deletion_request(s, district.reviewer, kid, "board", "", TODAY, "Class 4B accounts.")
    page = open_page(qtbot, signed_in(district.reviewer))
    seen = []

    def close(dialog):
        proviso = [w for w in dialog.findChildren(QLabel) if "repopulate" in w.text()]
        seen.append(proviso[0].isVisible())
        click(qtbot, dialog, "Kept: inaccessible disaster-recovery copy")
        seen.append(proviso[0].isVisible())
        type_into(qtbot, dialog, "Note", "Nightly backup tapes, offline, 90-day rotation.")
        click(qtbot, dialog, "Save outcome")

    problems = when_dialog_opens(CloseDeletionDialog, close)
    click(qtbot, page, "Close request")
    qtbot.waitUntil(lambda: rows(page)[0][0].startswith("\u2716 Kept: inaccessible"), timeout=5000)
    assert problems == []
    assert seen == [False, True]
    assert "repopulate" in find(page, "Deletion request details", QLabel).text()


def test_confirm_deletion_for_an_expired_contract(qtbot, signed_in, district):
    expired = registered_contract(district, "Kahoot! ASA", TODAY - timedelta(days=400),
                                  expires_on=TODAY - timedelta(days=10))
    registered_contract(district, "Padlet Inc.", TODAY - timedelta(days=400), expires_on=TODAY + timedelta(days=10))
    page = open_page(qtbot, signed_in(district.reviewer))
    [row] = rows(page, "Expired contracts")
    assert row[0].startswith("Kahoot! ASA")
    assert row[2] == "\u26a0 Expired 10 days ago"
    assert find(page, "Expired contracts summary", QLabel).text().startswith("\u26a0 1 expired contract")
    confirmed = TODAY - timedelta(days=2)

    def confirm(dialog):
        from PySide6.QtCore import QDate
        from PySide6.QtWidgets import QDateEdit

        find(dialog, "Date deletion confirmed", QDateEdit).setDate(
            QDate(confirmed.year, confirmed.month, confirmed.day))
        click(qtbot, dialog, "Save confirmation")

    problems = when_dialog_opens(ConfirmDeletionDialog, confirm)
    with qtbot.waitSignal(page.changed, timeout=5000):
        click(qtbot, page, "Confirm deletion")
    assert problems == []
    assert rows(page, "Expired contracts") == []
    assert find(page, "Expired contracts summary", QLabel).text() == (
        "\u2714 Every expired contract has its deletion confirmed.")
    assert not find(page, "Confirm deletion", QAbstractButton).isEnabled()
    with district.db.transaction() as s:
        assert s.get(Contract, expired).deletion_confirmed_on == confirmed


def test_a_requester_sees_no_requests_and_no_buttons(qtbot, signed_in, district):
    kid = contractor_of(district, registered_contract(district, "Kahoot! ASA", TODAY - timedelta(days=200)))
    with district.db.transaction() as s:
        svc.record_deletion_request(s, district.reviewer, kid, "parent", "DEL-7", TODAY, "Everything.")
    page = open_page(qtbot, signed_in(district.teacher))
    assert rows(page) == []
    assert find(page, "Deletions message", QLabel).text() == "Only a reviewer keeps the deletion requests."
    for name in ("Record deletion request", "Close request", "Confirm deletion"):
        assert not find(page, name, QAbstractButton).isVisible()
    assert all("DEL-7" not in w.text() for w in page.findChildren(QLabel))
