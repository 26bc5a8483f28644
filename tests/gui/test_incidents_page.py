"""Breach incidents through their screens: a reviewer records one, sees its deadline, records the notices
as they are given, and saves the report and the letter to families."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QLabel,
    QSpinBox,
)

from techapproval.domain.contracts import format_day
from techapproval.domain.incidents import IncidentForm, Involves
from techapproval.gui.dialogs.incident import IncidentDialog
from techapproval.gui.pages.incidents import IncidentsPage
from techapproval.services import incidents
from tests.gui.conftest import choose, click, find, type_into, when_dialog_opens
from tests.helpers import registered_contract

TODAY = date.today()


def open_page(qtbot, ctx) -> IncidentsPage:
    page = IncidentsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    return page


def set_date(window, name: str, day: date) -> None:
    boxes = [w for w in window.findChildren(QCheckBox) if w.accessibleName() == f"{name} recorded"]
    if boxes and not boxes[0].isChecked():
        boxes[0].click()
    edit = find(window, name, QDateEdit)
    assert edit.isEnabled()
    edit.setDate(QDate(day.year, day.month, day.day))


def table_rows(page) -> list[dict[str, str]]:
    model = find(page, "Incidents", QAbstractItemView).model()
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return [{titles[c]: model.index(r, c).data() for c in range(model.columnCount())} for r in range(model.rowCount())]


def error_text(window, field: str) -> str:
    return find(window, f"{field} error", QLabel).text()


def test_reviewer_records_an_incident_and_sees_its_deadline(qtbot, signed_in, district):
    registered_contract(district, "Acme Learning", TODAY - timedelta(days=400), title="Data privacy agreement")
    registered_contract(district, "Padlet Inc.", TODAY - timedelta(days=300), title="Padlet terms")
    ctx = signed_in(district.reviewer)
    page = open_page(qtbot, ctx)
    assert table_rows(page) == []
    assert find(page, "Incident details", QLabel).text().startswith("No incidents recorded.")
    discovered = TODAY - timedelta(days=5)
    due = discovered + timedelta(days=30)

    def fill(dialog):
        click(qtbot, dialog, "Save incident")  # nothing chosen or typed yet
        assert dialog.isVisible()
        assert error_text(dialog, "Contractor").startswith("\u26a0 ")
        assert error_text(dialog, "Student data involved")
        assert error_text(dialog, "What happened")

        choose(qtbot, dialog, "Contractor", "Acme Learning")
        contract = find(dialog, "Contract", QComboBox)
        offered = [contract.itemText(i) for i in range(contract.count())]
        assert offered[0] == "No particular contract" and len(offered) == 2  # not Padlet's contract
        assert offered[1].startswith("Data privacy agreement (executed ")
        choose(qtbot, dialog, "Contract", offered[1])
        set_date(dialog, "Date discovered", discovered)
        click(qtbot, dialog, "Student information (other than directory information)")
        click(qtbot, dialog, "Student-generated content")
        spin = find(dialog, "Students affected", QSpinBox)
        assert spin.text() == "Not known yet"
        spin.setFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, "42")
        type_into(qtbot, dialog, "What happened", "A misconfigured export exposed class rosters.")
        preview = find(dialog, "Timeline preview", QLabel).text()
        assert f"due {format_day(due)}" in preview and "within 30 days" in preview
        # Families cannot be told before the Board has the contractor's notice.
        set_date(dialog, "Students and parents notified", TODAY)
        click(qtbot, dialog, "Save incident")
        assert dialog.isVisible() and "Record first" in error_text(dialog, "Students and parents notified")
        click(qtbot, dialog, "Students and parents notified recorded")
        click(qtbot, dialog, "Save incident")

    problems = when_dialog_opens(IncidentDialog, fill)
    click(qtbot, page, "Record incident")
    assert not problems, problems

    [saved] = ctx.call(incidents.list_incidents)
    assert saved.form.students_affected == 42 and saved.contract_label.startswith("Data privacy agreement")
    assert saved.facts.involves == {Involves.STUDENT_INFORMATION, Involves.STUDENT_GENERATED_CONTENT}
    [row] = table_rows(page)
    assert row["Contractor"] == "Acme Learning"
    assert row["Discovered"] == format_day(discovered)
    assert row["Involves"] == "Student information (other than directory information), Student-generated content"
    assert row["Students"] == "42"
    assert row["Contractor notice"] == f"\u25f7 due {format_day(due)}"
    assert row["Family notice"] == "\u2026 waiting for the contractor's notice"
    assert row["Overall"] == "\u25f7 Open"
    details = find(page, "Incident details", QLabel).text()
    assert saved.timeline.headline in details and f"due {format_day(due)}" in details

    # The contractor's notice arrives today; the Board now has two business days.
    def notice_arrived(dialog):
        assert find(dialog, "Students affected", QSpinBox).value() == 42
        set_date(dialog, "Contractor's notice received", TODAY)
        assert "The Board must notify" in find(dialog, "Timeline preview", QLabel).text()
        click(qtbot, dialog, "Save incident")

    table = find(page, "Incidents", QAbstractItemView)
    table.setFocus()
    problems = when_dialog_opens(IncidentDialog, notice_arrived)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert not problems, problems
    after = ctx.call(incidents.get_incident, saved.id)
    family_due = after.timeline.family_notice.due
    assert family_due is not None and family_due > TODAY
    [row] = table_rows(page)
    assert row["Contractor notice"] == f"\u2714 on time (done {format_day(TODAY)})"
    assert row["Family notice"] == f"\u25f7 due {format_day(family_due)}"


def test_an_overdue_incident_says_so_in_words(qtbot, signed_in, district):
    cid = registered_contract(district, "Acme Learning", TODAY - timedelta(days=400))
    with district.db.transaction() as s:
        from techapproval.db.models import Contract

        kid = s.get(Contract, cid).contractor_id
    discovered = TODAY - timedelta(days=40)
    ctx = signed_in(district.reviewer)
    ctx.call(incidents.record_incident, IncidentForm(
        contractor_id=kid, discovered_on=discovered, involves=frozenset({Involves.STUDENT_INFORMATION}),
        description="Rosters exposed."))
    ctx.call(incidents.record_incident, IncidentForm(
        contractor_id=kid, discovered_on=TODAY - timedelta(days=2), involves=frozenset({Involves.STUDENT_RECORDS}),
        description="Gradebook exposed."))
    page = open_page(qtbot, ctx)
    rows = table_rows(page)
    assert [r["Overall"] for r in rows] == ["\u26a0 Overdue", "\u25f7 Open"]  # the overdue one first
    overdue_due = discovered + timedelta(days=30)
    assert rows[0]["Contractor notice"] == (f"\u26a0 overdue since {format_day(overdue_due + timedelta(days=1))} "
                                            f"(was due {format_day(overdue_due)})")
    assert rows[1]["Contractor notice"] == f"\u25f7 due {format_day(TODAY + timedelta(days=58))}"  # 60 days
    assert "Overdue: the contractor has not notified the Board" in find(page, "Incident details", QLabel).text()


def test_report_and_letter_are_saved_as_pdfs(qtbot, signed_in, district, tmp_path, monkeypatch):
    cid = registered_contract(district, "Zoë Łukasz Learning", TODAY - timedelta(days=400))
    with district.db.transaction() as s:
        from techapproval.db.models import Contract

        kid = s.get(Contract, cid).contractor_id
    ctx = signed_in(district.reviewer)
    ctx.call(incidents.record_incident, IncidentForm(
        contractor_id=kid, discovered_on=TODAY - timedelta(days=3),
        involves=frozenset({Involves.DIRECTORY_INFORMATION}), students_affected=7,
        description="Names <b>&</para> of a class list."))
    page = open_page(qtbot, ctx)
    targets = iter([tmp_path / "report", tmp_path / "letter.pdf"])
    asked = []

    def fake_save(parent, title, suggested, filters):
        asked.append(suggested)
        return str(next(targets)), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    click(qtbot, page, "Save incident report")
    click(qtbot, page, "Save parent letter")
    assert Path(asked[0]).name.startswith("incident-") and asked[0].endswith("-report.pdf")
    assert asked[1].endswith("-parent-letter.pdf")

    def text(path) -> str:
        return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(path.read_bytes())).pages)

    report = text(tmp_path / "report.pdf")  # the suffix is added
    assert "REPORT OF A BREACH OF SECURITY" in report and "Zoë Łukasz Learning" in report
    assert "Names <b>&</para> of a class list." in report and "Students affected: 7" in report
    letter = text(tmp_path / "letter.pdf")
    assert "Dear parent or guardian" in letter and "Directory information" in letter
    assert "Rita Reviewer" in letter and "reviewer@riverside.example" in letter  # whom to contact
    assert "RIVERSIDE PUBLIC SCHOOLS" in letter
    assert "letter.pdf" in find(page, "Incidents message", QLabel).text()


def test_requesters_see_no_incidents_and_no_buttons(qtbot, signed_in, district):
    ctx = signed_in(district.teacher)
    page = open_page(qtbot, ctx)
    assert table_rows(page) == []
    assert "Only a reviewer" in find(page, "Incidents message", QLabel).text()
    for name in ("Record incident", "Edit incident", "Save incident report", "Save parent letter"):
        assert not find(page, name, QAbstractButton).isVisible()


def _qt_part(widget) -> bool:
    """A part Qt builds inside a control (a date's calendar, a combo box's popup list, a table's corner)."""
    if widget.objectName().startswith("qt_"):
        return True
    widget = widget.parentWidget()
    while widget is not None:
        if widget.metaObject().className() in ("QCalendarWidget", "QComboBoxPrivateContainer"):
            return True
        widget = widget.parentWidget()
    return False


def test_every_control_has_an_accessible_name(qtbot, signed_in, district):
    registered_contract(district, "Acme Learning", TODAY - timedelta(days=400))
    ctx = signed_in(district.reviewer)
    page = open_page(qtbot, ctx)
    dialog = IncidentDialog(ctx, None, page)
    qtbot.addWidget(dialog)
    from PySide6.QtWidgets import QAbstractSpinBox, QPlainTextEdit

    for window in (page, dialog):
        for cls in (QAbstractButton, QComboBox, QAbstractSpinBox, QPlainTextEdit, QAbstractItemView):
            for widget in window.findChildren(cls):
                if _qt_part(widget):
                    continue
                assert widget.accessibleName(), (type(widget).__name__, widget.objectName())
