"""The reviewer's compliance screens: coverage of approved resources, badges, deadlines, closures."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QMessageBox, QTabWidget

from techapproval.domain.contracts import Provision
from techapproval.domain.deadlines import school_year_of
from techapproval.gui.dialogs.coverage import CoverageDialog
from techapproval.gui.main_window import MainWindow
from techapproval.services import compliance
from techapproval.services import requests as svc
from tests.gui.conftest import choose, click, find, open_main, settle, type_into, when_dialog_opens
from tests.helpers import approved_resource, registered_contract, submitted_request


def catalog_cells(window: MainWindow, column: str) -> dict[str, str]:
    view = find(window, "Approved resources", QAbstractItemView)
    model = view.model()
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return {model.index(r, 0).data(): model.index(r, titles.index(column)).data() for r in range(model.rowCount())}


def select_resource(window: MainWindow, name: str) -> None:
    view = find(window, "Approved resources", QAbstractItemView)
    model = view.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == name)
    view.setCurrentIndex(model.index(row, 0))


def test_linking_a_contract_with_a_missing_provision_changes_the_badge(qtbot, signed_in, district):
    approved_resource(district)
    registered_contract(district, "Kahoot! ASA", date.today() - timedelta(days=20), missing=(Provision.P9,),
                        notice_posted_on=date.today() - timedelta(days=18))
    window = open_main(qtbot, signed_in(district.reviewer))
    window.tabs.setCurrentWidget(window.catalog_page)
    settle()  # the tab reads its list on the worker thread
    assert catalog_cells(window, "Contract status") == {"Kahoot!": "\u26a0 No contract on file"}

    def link(dialog):
        click(qtbot, dialog, "Covered by a contract")
        assert find(dialog, "Contract").currentText().startswith("Kahoot! ASA")
        click(qtbot, dialog, "Save coverage")

    select_resource(window, "Kahoot!")
    problems = when_dialog_opens(CoverageDialog, link)
    click(qtbot, window, "Contract coverage")
    assert not problems, problems

    assert catalog_cells(window, "Contract status") == {"Kahoot!": "\u26a0 Missing provisions"}
    details = find(window, "Resource status details", QLabel).text()
    assert "Missing P9" in details and "notice to amend not sent" in details


def test_no_contract_required_needs_a_reason(qtbot, signed_in, district):
    approved_resource(district, resource_name="Desmos", resource_link="https://www.desmos.com")
    window = open_main(qtbot, signed_in(district.reviewer))
    window.tabs.setCurrentWidget(window.catalog_page)
    settle()  # the tab reads its list on the worker thread
    select_resource(window, "Desmos")
    seen = []

    def mark_not_required(dialog):
        iep = find(dialog, "IEP/504 exception (recorded with its conditions under IEP/504 exceptions)")
        assert not iep.isEnabled()  # an exception counts only with its conditions, kept on its own tab
        click(qtbot, dialog, "No contract required (general-audience site, or no student data collected)")
        click(qtbot, dialog, "Save coverage")
        seen.append(find(dialog, "Note error", QLabel).text())
        type_into(qtbot, dialog, "Reason no contract is required", "General-audience calculator; no accounts.")
        click(qtbot, dialog, "Save coverage")

    problems = when_dialog_opens(CoverageDialog, mark_not_required)
    click(qtbot, window, "Contract coverage")
    assert not problems, problems
    assert seen and "why no contract is needed" in seen[0]
    assert catalog_cells(window, "Contract status") == {"Desmos": "\u2714 No contract required"}
    assert "General-audience calculator" in find(window, "Resource status details", QLabel).text()


def test_status_filter_shows_only_resources_needing_attention(qtbot, signed_in, district):
    approved_resource(district)
    approved_resource(district, resource_name="Desmos", resource_link="https://www.desmos.com")
    contract = registered_contract(district, "Desmos Studio", date.today() - timedelta(days=30),
                                   uses_state_addendum=True, notice_posted_on=date.today() - timedelta(days=29))
    from techapproval.domain.contracts import Coverage
    from techapproval.services import catalog, contracts

    with district.db.transaction() as s:
        desmos = next(e for e in catalog.list_catalog(s, district.reviewer) if e.name == "Desmos")
        contracts.link_resource(s, district.reviewer, desmos.id, Coverage.CONTRACT, contract)
    window = open_main(qtbot, signed_in(district.reviewer))
    window.tabs.setCurrentWidget(window.catalog_page)
    settle()  # the tab reads its list on the worker thread
    assert catalog_cells(window, "Contract status") == {"Desmos": "\u2714 Compliant",
                                                        "Kahoot!": "\u26a0 No contract on file"}
    combo = find(window, "Contract status filter")
    combo.setCurrentIndex(combo.findText("\u26a0 Needs attention (outside the law)"))
    assert catalog_cells(window, "Contract status") == {"Kahoot!": "\u26a0 No contract on file"}


def test_cancelling_the_warning_leaves_the_request_undecided(qtbot, signed_in, district, monkeypatch):
    rid = submitted_request(district)
    window = open_main(qtbot, signed_in(district.reviewer))
    review = window.open_request(next(r for r in window.queue_model.rows if r.id == rid))
    qtbot.addWidget(review)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: QMessageBox.StandardButton.Cancel)
    click(qtbot, review, "Approved for use")
    click(qtbot, review, "No additional notifications or permissions required.")
    click(qtbot, review, "Record decision")
    with district.db.transaction() as s:
        assert svc.get_request(s, district.reviewer, rid).status.value == "submitted"


def test_deadlines_tab_counts_overdue_and_records_the_yearly_notice(qtbot, signed_in, district):
    registered_contract(district, "Old Vendor", date.today() - timedelta(days=40))  # website notice never posted
    window = open_main(qtbot, signed_in(district.reviewer))
    tabs = find(window, "Sections", QTabWidget)
    year = school_year_of(date.today())
    overdue_before = sum(o.overdue for o in _deadlines(district))
    counted = f"&Deadlines ({overdue_before} overdue)"  # counted just after the window first paints
    qtbot.waitUntil(lambda: tabs.tabText(tabs.indexOf(window.deadlines_page)) == counted, timeout=5000)
    assert find(window, "Overdue obligations", QLabel).text().startswith(f"\u26a0 {overdue_before} overdue")
    table = find(window, "Deadlines", QAbstractItemView)
    whats = [table.model().index(r, 1).data() for r in range(table.model().rowCount())]
    assert "Post website notice" in whats

    window.tabs.setCurrentWidget(window.deadlines_page)
    settle()  # the tab reads its list on the worker thread
    click(qtbot, window, "Record yearly notice sent")

    with district.db.transaction() as s:
        assert compliance.annual_notice(s, district.reviewer, year).sent_on == date.today()
    whats = [table.model().index(r, 1).data() for r in range(table.model().rowCount())]
    assert "Annual notice to families" not in whats
    assert "\u2714 Sent" in find(window, "Yearly notice status", QLabel).text()


def test_the_lower_panel_follows_the_selected_line(qtbot, signed_in, district):
    """The selected obligation's panel says what the line is and offers its action; the yearly notice keeps a
    titled group of its own, whatever line is selected."""
    from PySide6.QtWidgets import QGroupBox

    from techapproval.gui.dialogs.contract import ContractDialog

    contract_id = registered_contract(district, "Old Vendor", date.today() - timedelta(days=40))
    window = open_main(qtbot, signed_in(district.reviewer))
    window.tabs.setCurrentWidget(window.deadlines_page)
    table = find(window, "Deadlines", QAbstractItemView)
    model = table.model()
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=5000)
    kinds = [model.index(r, 1).data() for r in range(model.rowCount())]
    notice = find(window, "Yearly notice to families", QGroupBox)
    assert notice.title().startswith("Yearly notice to families (")

    table.setCurrentIndex(model.index(kinds.index("Post website notice"), 0))
    details = find(window, "Obligation details", QLabel).text()
    assert "Post website notice" in details
    assert find(window, "Selected obligation", QGroupBox).isVisible()
    opened = []
    problems = when_dialog_opens(ContractDialog, lambda d: (opened.append(d.contract_id), d.reject()))
    click(qtbot, window, "Open contract")
    assert not problems, problems
    assert opened == [contract_id] and window.tabs.currentWidget() is window.contracts_page

    window.tabs.setCurrentWidget(window.deadlines_page)
    window.activateWindow()  # back from the contract's dialog
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    table.setCurrentIndex(model.index(kinds.index("Annual notice to families"), 0))  # listed until sent
    assert "Annual notice to families" in find(window, "Obligation details", QLabel).text()
    click(qtbot, window, "Go to the yearly notice")
    qtbot.waitUntil(lambda: find(window, "Yearly notice date").hasFocus(), timeout=2000)
    assert notice.isVisible() and find(window, "Record yearly notice sent", QAbstractButton).isVisible()


def _deadlines(district):
    with district.db.transaction() as s:
        return compliance.deadlines(s, district.reviewer)


def test_administrator_adds_a_closure_and_the_notice_deadline_moves(qtbot, signed_in, district):
    executed = date.today() - timedelta(days=1)
    registered_contract(district, "New Vendor", executed)
    before = next(o.due for o in _deadlines(district) if o.kind.value == "website_notice")
    window = open_main(qtbot, signed_in(district.admin))
    window.tabs.setCurrentIndex([window.tabs.tabText(i) for i in range(window.tabs.count())].index("Se&ttings"))
    settle()  # the tab reads its list on the worker thread
    closures = find(window, "District closures")
    find(window, "Closure date").setDate(before)
    click(qtbot, window, "Add closure")
    assert "Say what the closure is" in find(window, "Closure reason error").text()
    type_into(qtbot, window, "Closure reason", "Snow day")
    click(qtbot, window, "Add closure")
    assert closures.count() == 1 and "Snow day" in closures.item(0).text()
    after = next(o.due for o in _deadlines(district) if o.kind.value == "website_notice")
    assert after > before  # the closed day no longer counts as a business day
    closures.setCurrentRow(0)
    click(qtbot, window, "Remove closure")
    assert closures.count() == 0


def test_contract_added_in_the_registry_changes_the_linked_tools_badge(qtbot, signed_in, district):
    from techapproval.gui.dialogs.contract import ContractDialog
    from techapproval.services import contracts
    from tests.gui.test_contracts_page import set_date

    approved_resource(district)
    with district.db.transaction() as s:
        from techapproval.domain.contract_form import ContractorForm

        contracts.save_contractor(s, district.reviewer, None, ContractorForm("Kahoot! ASA"))
    window = open_main(qtbot, signed_in(district.reviewer))
    executed = date.today() - timedelta(days=30)

    def fill(dialog):
        choose(qtbot, dialog, "Contractor", "Kahoot! ASA")
        type_into(qtbot, dialog, "Purpose", "Game-based quizzes.")
        type_into(qtbot, dialog, "Brief description", "Kahoot! for schools.")
        click(qtbot, dialog, "First and last name")
        set_date(dialog, "Date executed", executed)
        set_date(dialog, "Website notice posted", executed + timedelta(days=1))
        for provision in Provision:
            if provision is not Provision.P9:
                click(qtbot, dialog, provision.label)
        click(qtbot, dialog, "Save contract")

    window.tabs.setCurrentWidget(window.contracts_page)
    settle()  # the tab reads its list on the worker thread
    problems = when_dialog_opens(ContractDialog, fill)
    click(qtbot, window, "New contract")
    assert not problems, problems

    window.tabs.setCurrentWidget(window.catalog_page)
    settle()  # the tab reads its list on the worker thread
    select_resource(window, "Kahoot!")
    problems = when_dialog_opens(CoverageDialog, lambda d: (click(qtbot, d, "Covered by a contract"),
                                                            click(qtbot, d, "Save coverage")))
    click(qtbot, window, "Contract coverage")
    assert not problems, problems
    assert catalog_cells(window, "Contract status") == {"Kahoot!": "\u26a0 Missing provisions"}
    deadlines = find(window, "Deadlines", QAbstractItemView).model()
    assert "Send notice to amend" in [deadlines.index(r, 1).data() for r in range(deadlines.rowCount())]

    def amend(dialog):
        click(qtbot, dialog, Provision.P9.label)
        click(qtbot, dialog, "Save contract")

    window.tabs.setCurrentWidget(window.contracts_page)
    settle()  # the tab reads its list on the worker thread
    problems = when_dialog_opens(ContractDialog, amend)
    click(qtbot, window, "Edit contract")
    assert not problems, problems
    window.tabs.setCurrentWidget(window.catalog_page)  # read again as it is shown
    settle()  # the tab reads its list on the worker thread
    assert catalog_cells(window, "Contract status") == {"Kahoot!": "\u2714 Compliant"}


def test_export_website_from_the_menu_records_the_posting(qtbot, signed_in, district, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from techapproval.services import contracts

    cid = registered_contract(district, "Kahoot! ASA", date.today() - timedelta(days=2))
    window = open_main(qtbot, signed_in(district.reviewer))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "site"))
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes)
    action = next(a for a in window.menuBar().actions()[0].menu().actions()
                  if a.text() == "&Export contracts website\u2026")
    action.trigger()

    index = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert "Kahoot! ASA" in index
    [question] = asked
    assert "Kahoot! ASA" in question and "no website-notice date" in question
    with district.db.transaction() as s:
        assert contracts.get_contract(s, district.reviewer, cid).form.notice_posted_on == date.today()
    whats = [o.kind.value for o in _deadlines(district)]
    assert "website_notice" not in whats


def test_an_overdue_breach_notice_is_on_the_dashboard_and_opens_its_incident(qtbot, signed_in, district):
    from PySide6.QtCore import Qt as QtKeys

    from techapproval.domain.contract_form import ContractorForm
    from techapproval.domain.incidents import IncidentForm, Involves
    from techapproval.gui.dialogs.incident import IncidentDialog
    from techapproval.services import contracts, incidents

    with district.db.transaction() as s:
        vendor = contracts.save_contractor(s, district.reviewer, None, ContractorForm("Leaky Apps LLC")).id
        incidents.record_incident(s, district.reviewer, IncidentForm(
            contractor_id=vendor, discovered_on=date.today() - timedelta(days=40),
            involves=frozenset({Involves.STUDENT_INFORMATION}), students_affected=12,
            description="Gradebook export left public."))
    window = open_main(qtbot, signed_in(district.reviewer))
    table = find(window, "Deadlines", QAbstractItemView)
    model = table.model()
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=5000)  # read just after the window first paints
    rows = [(model.index(r, 0).data(), model.index(r, 1).data(), model.index(r, 2).data())
            for r in range(model.rowCount())]
    breach = next(r for r, row in enumerate(rows) if row[2] == "Leaky Apps LLC")
    assert rows[breach][0].startswith("\u26a0 Overdue since") and rows[breach][1].startswith("Breach")
    window.tabs.setCurrentWidget(window.deadlines_page)
    settle()  # the tab reads its list on the worker thread
    table.setCurrentIndex(model.index(breach, 0))
    opened = []
    problems = when_dialog_opens(IncidentDialog, lambda d: (opened.append(d.windowTitle()), d.reject()))
    table.setFocus()
    qtbot.keyClick(table, QtKeys.Key.Key_Return)
    assert not problems, problems
    assert opened and window.tabs.currentWidget() is window.incidents_page
