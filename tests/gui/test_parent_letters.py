"""Parent letters and permission slips from the request window; the yearly notice as a letter and an email
from the deadlines page."""

from __future__ import annotations

from datetime import date, timedelta
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
)

from techapproval.domain.deadlines import school_year_label, school_year_of
from techapproval.domain.enums import Decision, Permission
from techapproval.gui.dialogs.parent_letter import ParentLetterDialog
from techapproval.gui.dialogs.request_window import RequestWindow
from techapproval.gui.widgets.permissions import TallyDialog
from techapproval.services import permissions, settings
from techapproval.services import requests as svc
from tests.gui.conftest import click, find, open_main, settle, type_into, when_dialog_opens
from tests.helpers import submitted_request


def approved(district, permission: Permission = Permission.PARENTAL_REQUIRED, **form) -> int:
    rid = submitted_request(district, **form)
    with district.db.transaction() as s:
        svc.decide_request(s, district.reviewer, rid, Decision.APPROVED, permission)
    return rid


def open_request(qtbot, ctx, rid: int) -> RequestWindow:
    window = RequestWindow(ctx, rid)
    qtbot.addWidget(window)
    window.show()
    return window


def save_to(monkeypatch, path) -> list:
    asked = []

    def fake(parent, title, suggested, file_filter, *args, **kwargs):
        asked.append((title, suggested, file_filter))
        return str(path), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    return asked


def pdf_text(path) -> str:
    return " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(path).pages).split())


def pick(combo: QComboBox, text: str) -> None:
    """Choose an entry with the keyboard, as a person would (Down from the first one)."""
    combo.setFocus()
    while combo.currentText() != text:
        before = combo.currentIndex()
        QTest.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != before, f"{text!r} is not in the list"


def set_spin(qtbot, dialog, name: str, value: int) -> None:
    spin = find(dialog, name, QSpinBox)
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))
    assert spin.value() == value


def test_reviewer_saves_the_parent_letter_in_spanish(qtbot, signed_in, district, tmp_path, monkeypatch):
    rid = approved(district, resource_name="Padlet")
    window = open_request(qtbot, signed_in(district.reviewer), rid)
    assert find(window, "Parental permissions", QGroupBox).isVisible()
    saved = tmp_path / "carta"  # no suffix typed: .pdf is added
    asked = save_to(monkeypatch, saved)
    chosen = []

    def in_spanish(dialog):
        assert find(dialog, "Letter language", QComboBox).currentText() == "English"
        pick(find(dialog, "Letter language", QComboBox), "Espa\u00f1ol")
        chosen.append(find(dialog, "Return by").text())
        click(qtbot, dialog, "Save parent letter")

    problems = when_dialog_opens(ParentLetterDialog, in_spanish)
    click(qtbot, window, "Parent letter")
    assert not problems, problems

    assert asked and Path(asked[0][1]).name == f"request-{rid}-parent-letter-es.pdf"  # in Documents (test_folders)
    text = pdf_text(tmp_path / "carta.pdf")
    due = date.today() + timedelta(days=7)
    months = ("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre").split()
    assert "Padlet" in text and "Nguy\u1ec5n Th\u1ecb \u00c1nh" in text
    assert "C\u00f3mo se usar\u00e1" in text and "Doy permiso para que mi hijo o hija use Padlet." in text
    assert f"a m\u00e1s tardar el {due.day} de {months[due.month - 1]} de {due.year}" in text
    assert "How it will be used" not in text
    assert chosen and chosen[0] != "not recorded"
    assert f"Saved {tmp_path / 'carta.pdf'}" in find(window, "Parental permissions message", QLabel).text()


def test_cancelling_the_letter_saves_nothing(qtbot, signed_in, district, monkeypatch):
    rid = approved(district)
    window = open_request(qtbot, signed_in(district.teacher), rid)

    def no_file_dialog(*args, **kwargs):
        raise AssertionError("no file dialog after Cancel")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", no_file_dialog)
    problems = when_dialog_opens(ParentLetterDialog, lambda dialog: click(qtbot, dialog, "Cancel"))
    click(qtbot, window, "Parent letter")
    assert not problems, problems
    assert find(window, "Parental permissions message", QLabel).text() == ""


def test_adding_and_editing_a_class_updates_what_is_outstanding(qtbot, signed_in, district, monkeypatch):
    rid = approved(district)
    window = open_request(qtbot, signed_in(district.teacher), rid)  # the requester keeps the slips too
    line = find(window, "Permissions outstanding", QLabel)
    assert line.text() == "0 permission slips outstanding: no class or case recorded yet."
    assert not find(window, "Edit class or case", QAbstractButton).isEnabled()
    seen = []

    def add(dialog):
        assert "never a student" in find(dialog, "Class or case", QLineEdit).placeholderText()
        type_into(qtbot, dialog, "Class or case", "Grade 3 \u2013 Room 12")
        set_spin(qtbot, dialog, "Slips expected", 25)
        set_spin(qtbot, dialog, "Permission granted", 20)
        set_spin(qtbot, dialog, "Permission refused", 8)
        click(qtbot, dialog, "Save class or case")
        seen.append(find(dialog, "Slips expected error", QLabel).text())  # 28 back of 25 expected
        set_spin(qtbot, dialog, "Permission refused", 2)
        click(qtbot, dialog, "Save class or case")

    problems = when_dialog_opens(TallyDialog, add)
    click(qtbot, window, "Add class or case")
    assert not problems, problems
    assert seen and "20 granted and 8 refused make 28" in seen[0] and seen[0].startswith("\u26a0")
    assert line.text() == ("\u26a0 3 permission slips outstanding (20 granted, 2 refused). "
                           "Students whose families refused must not use the resource.")
    table = find(window, "Permission slips", QAbstractItemView).model()
    assert [table.index(0, c).data() for c in range(4)] == ["Grade 3 \u2013 Room 12", "25", "20", "2"]
    actions = [window.history.topLevelItem(i).text(2) for i in range(window.history.topLevelItemCount())]
    assert actions[-1] == "Permission slips added"

    def edit(dialog):
        assert find(dialog, "Class or case", QLineEdit).text() == "Grade 3 \u2013 Room 12"
        set_spin(qtbot, dialog, "Permission granted", 23)
        click(qtbot, dialog, "Save class or case")

    problems = when_dialog_opens(TallyDialog, edit)
    click(qtbot, window, "Edit class or case")
    assert not problems, problems
    assert line.text().startswith("\u2714 0 permission slips outstanding (23 granted, 2 refused).")
    with district.db.transaction() as s:
        assert permissions.outstanding(s, district.reviewer, rid) == 0

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    click(qtbot, window, "Remove class or case")
    assert line.text().startswith("0 permission slips outstanding")
    assert table.rowCount() == 0


def test_no_permission_group_without_parental_permission(qtbot, signed_in, district):
    rid = approved(district, Permission.NONE_REQUIRED)
    window = open_request(qtbot, signed_in(district.reviewer), rid)
    assert not find(window, "Parental permissions", QGroupBox).isVisible()
    undecided = submitted_request(district, resource_name="Seesaw")
    window = open_request(qtbot, signed_in(district.reviewer), undecided)
    assert not find(window, "Parental permissions", QGroupBox).isVisible()


def test_deadlines_page_saves_the_yearly_notice_as_email_and_letter(qtbot, signed_in, district, tmp_path,
                                                                   monkeypatch):
    main = open_main(qtbot, signed_in(district.reviewer))
    main.tabs.setCurrentWidget(main.deadlines_page)
    settle()  # the tab reads its list on the worker thread
    message = find(main, "Yearly notice file message", QLabel)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    click(qtbot, main, "Save yearly notice email")
    assert message.text().startswith("\u26a0 Set the address of the district's contracts web page")

    with district.db.transaction() as s:
        settings.update_settings(s, district.admin, {"contracts_website": "https://riverside.example/contracts"})
    year = school_year_of(date.today())
    label = school_year_label(year)
    asked = save_to(monkeypatch, tmp_path / "notice.eml")
    click(qtbot, main, "Save yearly notice email")
    assert (Path(asked[-1][1]).name, asked[-1][2]) == (f"contracts-website-notice-{label}-en.eml",
                                                       "Email messages (*.eml)")
    email = BytesParser(policy=policy.default).parsebytes((tmp_path / "notice.eml").read_bytes())
    assert label in email["Subject"]
    body = email.get_content()
    assert "https://riverside.example/contracts" in body and f"For the {label} school year" in body
    assert message.text() == f"\u2714 Saved {tmp_path / 'notice.eml'}"

    pick(find(main, "Yearly notice language", QComboBox), "Espa\u00f1ol")
    save_to(monkeypatch, tmp_path / "aviso.pdf")
    click(qtbot, main, "Save yearly notice letter")
    text = pdf_text(tmp_path / "aviso.pdf")
    assert f"para el a\u00f1o escolar {label}" in text and "https://riverside.example/contracts" in text
    assert "ESCUELAS P\u00daBLICAS DE RIVERSIDE" in text


def test_every_new_control_has_an_accessible_name(qtbot, signed_in, district):
    rid = approved(district)
    ctx = signed_in(district.reviewer)
    request = open_request(qtbot, ctx, rid)
    main = open_main(qtbot, ctx)
    tally = permissions.TallyView(1, "Grade 3", 25, 20, 2, 1, None)
    dialogs = [ParentLetterDialog("Padlet"), TallyDialog(ctx, rid, None), TallyDialog(ctx, rid, tally)]
    roots = [find(request, "Parental permissions", QGroupBox), main.deadlines_page.notice_files, *dialogs]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
    for root in roots:
        widgets = [w for cls in (QAbstractButton, QLineEdit, QComboBox, QSpinBox, QAbstractItemView, QLabel)
                   for w in root.findChildren(cls)]
        assert widgets
        for widget in widgets:
            parent = widget.parent()
            if widget.objectName().startswith("qt_") or parent.objectName().startswith("qt_") or \
                    parent.metaObject().className() == "QComboBoxPrivateContainer":
                continue  # Qt's own parts: a spin box's editor, the calendar's buttons, a combo box's list
            if isinstance(widget, QLabel) and (widget.buddy() is not None or not widget.text()
                                               or widget.wordWrap()):
                continue  # captions of a named field, empty error slots and intros: read as text
            assert widget.accessibleName(), f"{type(widget).__name__} {getattr(widget, 'text', str)()!r} in {root}"
