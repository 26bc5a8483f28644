"""The contract registry through its screens: a reviewer records a contractor and a contract, sees
what the law says about it, fixes it, attaches the signed copy and opens it again."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QCheckBox, QDateEdit, QFileDialog, QLabel

from techapproval.domain.contract_form import ContractForm, ContractorForm
from techapproval.domain.contracts import ComplianceState, Provision
from techapproval.domain.enums import InfoCategory
from techapproval.gui.dialogs.contract import ADDENDUM_LABEL, ContractDialog
from techapproval.gui.dialogs.contractor import ContractorDialog
from techapproval.gui.models.tables import badge
from techapproval.gui.pages.contracts import ContractsPage
from techapproval.gui.widgets.date_field import OptionalDateField
from techapproval.services import contracts
from tests.gui.conftest import choose, click, find, type_into, when_dialog_opens

TODAY = date.today()
EXECUTED = TODAY - timedelta(days=20)
POSTED = EXECUTED + timedelta(days=1)  # well within the five business days


def open_page(qtbot, ctx) -> ContractsPage:
    page = ContractsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


def set_date(window, name: str, day: date) -> None:
    """Tick "<name> recorded" when there is one, then pick the day in the date edit."""
    boxes = [w for w in window.findChildren(QCheckBox) if w.accessibleName() == f"{name} recorded"]
    if boxes and not boxes[0].isChecked():
        boxes[0].click()
    edit = find(window, name, QDateEdit)
    assert edit.isEnabled()
    edit.setDate(QDate(day.year, day.month, day.day))


def table_rows(page) -> list[list[str]]:
    table = find(page, "Contracts", QAbstractItemView)
    model = table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def column(page, title: str) -> int:
    model = find(page, "Contracts", QAbstractItemView).model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())].index(title)


def error_text(window, field: str) -> str:
    return find(window, f"{field} error", QLabel).text()


def add_contract_directly(district, name: str = "Padlet Inc.", **overrides) -> int:
    """A contract made through the services, for tests about what comes after."""
    with district.db.transaction() as s:
        contractor = contracts.save_contractor(s, district.reviewer, None, ContractorForm(name=name))
        values = dict(contractor_id=contractor.id, title="Data privacy agreement", purpose="Bulletin boards.",
                      description="Online bulletin boards for class work.",
                      information_allowed=[InfoCategory.STUDENT_GENERATED_CONTENT], executed_on=EXECUTED,
                      notice_posted_on=POSTED, provisions={p: "" for p in Provision})
        values.update(overrides)
        return contracts.save_contract(s, district.reviewer, None, ContractForm(**values)).id


def test_reviewer_adds_a_contract_missing_p9_then_amends_it(qtbot, signed_in, district):
    ctx = signed_in(district.reviewer)
    page = open_page(qtbot, ctx)
    assert table_rows(page) == []

    def add_contractor(dialog):
        type_into(qtbot, dialog, "Name", "Kahoot! ASA")
        choose(qtbot, dialog, "Kind", "Operator (website, online service or app)")
        type_into(qtbot, dialog, "Contact email", "not an address")
        click(qtbot, dialog, "Add contractor")
        assert dialog.isVisible() and error_text(dialog, "Contact email")
        find(dialog, "Contact email").clear()
        type_into(qtbot, dialog, "Contact email", "privacy@kahoot.example")
        click(qtbot, dialog, "Add contractor")

    problems = when_dialog_opens(ContractorDialog, add_contractor)
    click(qtbot, page, "New contractor")
    assert not problems, problems
    assert [c.name for c in ctx.call(contracts.list_contractors)] == ["Kahoot! ASA"]

    def fill(dialog):
        choose(qtbot, dialog, "Contractor", "Kahoot! ASA")
        type_into(qtbot, dialog, "Title", "Data privacy agreement")
        click(qtbot, dialog, "Save contract")  # no purpose, description or information yet
        assert dialog.isVisible()
        assert error_text(dialog, "Purpose").startswith("\u26a0 ")
        assert error_text(dialog, "Brief description")
        assert error_text(dialog, "Student information the contract allows")
        assert not error_text(dialog, "Contractor")

        type_into(qtbot, dialog, "Purpose", "Game-based quizzes for review sessions.")
        type_into(qtbot, dialog, "Brief description", "Online quiz platform used in grades 3 and 4.")
        click(qtbot, dialog, "First and last name")
        set_date(dialog, "Date executed", EXECUTED)
        set_date(dialog, "Website notice posted", POSTED)
        for provision in Provision:
            if provision is not Provision.P9:
                click(qtbot, dialog, provision.label)
        type_into(qtbot, dialog, "P1 clause", "\u00a7 4.1")
        status = find(dialog, "Contract status", QLabel).text()
        assert status.startswith(badge(ComplianceState.MISSING_PROVISIONS)) and "P9" in status
        click(qtbot, dialog, "Save contract")

    problems = when_dialog_opens(ContractDialog, fill)
    click(qtbot, page, "New contract")
    assert not problems, problems

    [saved] = ctx.call(contracts.list_contracts)
    assert saved.status.state is ComplianceState.MISSING_PROVISIONS
    assert saved.form.provisions[Provision.P1] == "\u00a7 4.1" and Provision.P9 not in saved.form.provisions
    [row] = table_rows(page)
    assert row[column(page, "Contractor")] == "Kahoot! ASA"
    assert "Missing provisions" in row[column(page, "Status")]
    assert row[column(page, "Status")] == badge(saved.status.state)
    details = find(page, "Contract status details", QLabel).text()
    assert saved.status.reason in details and "P9" in details

    def amend(dialog):
        assert find(dialog, Provision.P1.label, QCheckBox).isChecked()
        assert not find(dialog, Provision.P9.label, QCheckBox).isChecked()
        click(qtbot, dialog, Provision.P9.label)
        type_into(qtbot, dialog, "P9 clause", "\u00a7 12")
        assert find(dialog, "Contract status", QLabel).text().startswith(badge(ComplianceState.COMPLIANT))
        click(qtbot, dialog, "Save contract")

    table = find(page, "Contracts", QAbstractItemView)
    table.setFocus()
    problems = when_dialog_opens(ContractDialog, amend)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert not problems, problems

    after = ctx.call(contracts.get_contract, saved.id)
    assert after.status.state is ComplianceState.COMPLIANT
    assert after.form.provisions[Provision.P9] == "\u00a7 12"
    assert table_rows(page)[0][column(page, "Status")] == badge(ComplianceState.COMPLIANT)
    assert after.status.reason in find(page, "Contract status details", QLabel).text()


def test_saving_tells_each_problem_next_to_its_field(qtbot, signed_in, district):
    ctx = signed_in(district.reviewer)
    dialog = ContractDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog, "Brief description", "Online quiz platform.")
    click(qtbot, dialog, InfoCategory.NONE.label)
    set_date(dialog, "Date executed", TODAY + timedelta(days=3))
    set_date(dialog, "Amended", EXECUTED)
    click(qtbot, dialog, "Save contract")

    assert dialog.isVisible() and dialog.contract is None
    assert error_text(dialog, "Contractor")
    assert error_text(dialog, "Purpose")
    assert "future" in error_text(dialog, "Date executed")
    assert "notice to amend" in error_text(dialog, "Amended")
    assert not find(dialog, "Brief description error", QLabel).isVisible()
    assert not find(dialog, "Student information the contract allows error", QLabel).isVisible()
    assert ctx.call(contracts.list_contracts) == []


def test_the_state_addendum_ticks_all_eleven(qtbot, signed_in, district):
    dialog = ContractDialog(signed_in(district.reviewer))
    qtbot.addWidget(dialog)
    dialog.show()
    click(qtbot, dialog, Provision.P3.label)
    status = find(dialog, "Contract status", QLabel)
    assert status.text().startswith(badge(ComplianceState.MISSING_PROVISIONS))
    click(qtbot, dialog, ADDENDUM_LABEL)
    for provision in Provision:
        box = find(dialog, provision.label, QCheckBox)
        assert box.isChecked() and not box.isEnabled(), provision
    assert "Missing" not in status.text()

    click(qtbot, dialog, ADDENDUM_LABEL)  # untick: the reviewer's own ticks come back
    ticked = [p for p in Provision if find(dialog, p.label, QCheckBox).isChecked()]
    assert ticked == [Provision.P3]
    assert all(find(dialog, p.label, QCheckBox).isEnabled() for p in Provision)


def test_a_saved_addendum_contract_reopens_with_the_addendum(qtbot, signed_in, district):
    ctx = signed_in(district.reviewer)
    contract_id = add_contract_directly(district, uses_state_addendum=True, provisions={})
    dialog = ContractDialog(ctx, contract_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert find(dialog, ADDENDUM_LABEL, QCheckBox).isChecked()
    assert all(find(dialog, p.label, QCheckBox).isChecked() for p in Provision)
    assert find(dialog, "P5 clause").text() == ""  # the addendum's own placeholder, not a typed clause
    click(qtbot, dialog, "Save contract")
    assert dialog.result() == 1
    assert ctx.call(contracts.get_contract, contract_id).form.uses_state_addendum


def test_attach_a_signed_document_and_open_it(qtbot, signed_in, district, tmp_path, monkeypatch):
    contract_id = add_contract_directly(district)
    ctx = signed_in(district.reviewer)
    page = open_page(qtbot, ctx)
    assert table_rows(page)[0][column(page, "Document")] == "None attached"
    assert not find(page, "Open document", QAbstractButton).isEnabled()

    signed = tmp_path / "Padlet DPA (signed).pdf"
    signed.write_bytes(b"%PDF-1.4\n% signed by both parties\n%%EOF\n")
    asked = []

    def pick(parent, caption, folder, filters):
        asked.append(filters)
        return str(signed), "PDF documents (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getOpenFileName", pick)
    click(qtbot, page, "Attach signed document")
    assert asked and "*.pdf" in asked[0]

    stored = ctx.call(contracts.get_contract, contract_id)
    assert stored.document_sha256 == hashlib.sha256(signed.read_bytes()).hexdigest()
    assert stored.document_name == signed.name
    assert table_rows(page)[0][column(page, "Document")] == signed.name

    type_into(qtbot, page, "Search contracts", "kahoot")
    assert table_rows(page) == [] and not find(page, "Open document", QAbstractButton).isEnabled()
    find(page, "Search contracts").clear()
    type_into(qtbot, page, "Search contracts", "padlet privacy")  # contractor and title words
    assert len(table_rows(page)) == 1

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    click(qtbot, page, "Open document")
    [url] = opened
    path = Path(url.toLocalFile())
    assert path.name == signed.name
    assert path.read_bytes() == signed.read_bytes()


def test_requester_sees_the_registry_but_cannot_change_it(qtbot, signed_in, district):
    contract_id = add_contract_directly(district, provisions={p: "" for p in Provision if p is not Provision.P4})
    ctx = signed_in(district.teacher)
    page = open_page(qtbot, ctx)
    for name in ("New contract", "New contractor", "Attach signed document"):
        assert not find(page, name, QAbstractButton).isVisible(), name
    [row] = table_rows(page)
    assert row[column(page, "Contractor")] == "Padlet Inc."
    reason = ctx.call(contracts.get_contract, contract_id).status.reason
    assert "P4" in reason and reason in find(page, "Contract status details", QLabel).text()

    def look(dialog):
        assert not find(dialog, "Save contract", QAbstractButton).isVisible()
        assert not find(dialog, Provision.P1.label, QCheckBox).isEnabled()
        assert find(dialog, "Purpose").isReadOnly()
        click(qtbot, dialog, "Close")

    problems = when_dialog_opens(ContractDialog, look)
    click(qtbot, page, "View contract")
    assert not problems, problems


def test_someone_elses_change_is_not_overwritten(qtbot, signed_in, district):
    contract_id = add_contract_directly(district)
    ctx = signed_in(district.reviewer)
    dialog = ContractDialog(ctx, contract_id)
    qtbot.addWidget(dialog)
    dialog.show()
    with district.db.transaction() as s:  # another reviewer saves first
        other = contracts.get_contract(s, district.admin, contract_id)
        contracts.save_contract(s, district.admin, contract_id, ContractForm(**{**vars(other.form), "title": "V2"}),
                                expected_version=other.version)
    type_into(qtbot, dialog, "Title", " (mine)")
    click(qtbot, dialog, "Save contract")
    assert dialog.isVisible()
    assert "Someone else changed" in find(dialog, "Message", QLabel).text()
    assert ctx.call(contracts.get_contract, contract_id).title == "V2"


def test_an_optional_date_is_set_and_cleared_from_the_keyboard(qtbot):
    field = OptionalDateField("Deletion confirmed")
    qtbot.addWidget(field)
    field.show()
    changes = []
    field.changed.connect(lambda: changes.append(field.value()))
    assert field.value() is None and field.text() == "not recorded"
    assert not find(field, "Deletion confirmed", QDateEdit).isEnabled()

    box = find(field, "Deletion confirmed recorded", QCheckBox)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert field.value() == date.today() and changes == [date.today()]
    edit = find(field, "Deletion confirmed", QDateEdit)
    edit.setDate(QDate(2026, 8, 31))
    assert field.value() == date(2026, 8, 31)

    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert field.value() is None and changes[-1] is None
    qtbot.keyClick(box, Qt.Key.Key_Space)  # ticked again: the date typed before comes back
    assert field.value() == date(2026, 8, 31)

    field.set_value(None)
    assert field.value() is None and not box.isChecked()
    required = OptionalDateField("Date executed", required=True)
    qtbot.addWidget(required)
    assert required.value() == date.today()
    assert not [w for w in required.findChildren(QCheckBox)]
