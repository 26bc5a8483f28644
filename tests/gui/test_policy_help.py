"""Beside the form, "What policy 3520.13 says" follows the keyboard focus; Help → Policy 3520.13 shows it all."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QPushButton, QTextBrowser

from techapproval.domain.contracts import Provision
from techapproval.domain.policy_help import FIELD_HELP, help_for, normalise
from techapproval.domain.validation import RequestForm
from techapproval.gui.widgets.policy_help import help_key
from tests.gui.conftest import click, find, open_main, type_text
from tests.helpers import submitted_request

PANEL = "What policy 3520.13 says"


def new_request_window(qtbot, main):
    window = main.new_request()
    qtbot.addWidget(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    return window


def panel_text(window) -> str:
    return find(window, PANEL, QTextBrowser).toPlainText()


def tab(qtbot, backward: bool = False) -> None:
    key = Qt.Key.Key_Backtab if backward else Qt.Key.Key_Tab
    qtbot.keyClick(QApplication.focusWidget(), key)


def test_the_panel_follows_the_focus_as_the_teacher_tabs_through_the_form(qtbot, signed_in, district):
    main = open_main(qtbot, signed_in(district.teacher))
    window = new_request_window(qtbot, main)
    assert QApplication.focusWidget().accessibleName() == "Name of the resource"  # a new request starts there
    qtbot.waitUntil(lambda: "About: Name of the resource" in panel_text(window), timeout=2000)
    assert "Give name and description of the technology resource you are requesting to use." in panel_text(window)
    assert "other than a District-approved resource" in panel_text(window)

    tab(qtbot)
    assert QApplication.focusWidget().accessibleName() == "Description"
    text = panel_text(window)
    assert text.startswith("About: Description")
    assert "\u201c\u2018Operator\u2019 means the operator of an Internet website" in text
    assert "\u2014 Policy 3520.13, page (e), definition 2" in text
    assert "\u201c\u201c" not in text  # a quotation within the quotation takes single marks

    tab(qtbot)
    assert QApplication.focusWidget().accessibleName() == "Link"
    assert "please include a link to the resource" in panel_text(window)
    assert "\u201c\u2018Online service\u2019 includes Cloud computing services" in panel_text(window)

    tab(qtbot, backward=True)  # and back again
    assert panel_text(window).startswith("About: Description")

    who = find(window, "Who will have access")
    who.setFocus()
    tab(qtbot, backward=True)  # from "Who will have access" back to the details of the information
    assert QApplication.focusWidget().accessibleName() == "Details of the information shared"
    assert "\u201c\u2018Student records\u2019 means any information directly related to a student" in panel_text(window)

    type_text(qtbot, QApplication.focusWidget(), "First names only.")  # typing leaves the help where it is
    assert "Student records" in panel_text(window)
    tab(qtbot)  # and Tab moves on from the text box
    assert "Who will have access to the resource?" in panel_text(window)


def test_every_field_of_the_form_has_its_help(qtbot, signed_in, district):
    main = open_main(qtbot, signed_in(district.teacher))
    window = new_request_window(qtbot, main)
    form = window.form
    keys = {key for key in (help_key(w) for w in form._inputs())}
    assert None not in keys, "an input of the request form has no policy help"
    assert not [key for key in keys if not help_for(key)]
    fields = {f.name for f in dataclasses.fields(RequestForm)}
    assert fields <= keys, f"fields of RequestForm no input shows help for: {fields - keys}"
    for widget in form._inputs():  # what the panel shows is that key's text, every passage of it
        widget.setFocus()
        text = normalise(panel_text(window))
        for passage in help_for(help_key(widget)):
            assert normalise(passage.quoted) in text and passage.source in text


def test_the_reviewers_choices_show_what_the_policy_says(qtbot, signed_in, district):
    rid = submitted_request(district)
    reviewer = open_main(qtbot, signed_in(district.reviewer))
    queue = find(reviewer, "Review queue", QAbstractItemView)
    queue.setFocus()
    qtbot.keyClick(queue, Qt.Key.Key_Return)
    review = reviewer.windows[rid]
    qtbot.addWidget(review)
    review.activateWindow()
    qtbot.waitUntil(review.isActiveWindow, timeout=2000)

    click(qtbot, review, "Approved for use")
    qtbot.waitUntil(lambda: panel_text(review).startswith("About: Approved for use"), timeout=2000)
    assert "a contract is void if it lacks any of the above provisions" in panel_text(review)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # on to the permission choice
    assert panel_text(review).startswith("About: Additional parental notification")
    click(qtbot, review, "Not approved for use at this time")
    assert "An operator shall not knowingly engage" in panel_text(review)
    tab(qtbot)
    assert QApplication.focusWidget().accessibleName() == "Reason"
    assert panel_text(review).startswith("About: Reason")


def test_the_panel_can_be_hidden_and_stays_hidden_next_time(qtbot, signed_in, district):
    main = open_main(qtbot, signed_in(district.teacher))
    window = new_request_window(qtbot, main)
    panel = find(window, PANEL, QTextBrowser)
    toggle = find(window, "Show policy help", QPushButton)
    assert panel.isVisible() and toggle.isChecked()
    click(qtbot, window, "Show policy help")
    assert not panel.isVisible() and not toggle.isChecked()
    window.close()

    again = new_request_window(qtbot, main)
    panel = find(again, PANEL, QTextBrowser)
    assert not panel.isVisible()  # remembered
    find(again, "Name of the resource").setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)  # F1 shows it again, about the field in focus
    assert panel.isVisible() and find(again, "Show policy help", QPushButton).isChecked()
    assert panel_text(again).startswith("About: Name of the resource")


def test_help_menu_opens_the_whole_policy_and_finds_words_in_it(qtbot, signed_in, district):
    main = open_main(qtbot, signed_in(district.teacher))
    [help_menu] = [a.menu() for a in main.menuBar().actions() if a.text().replace("&", "") == "Help"]
    [action] = [a for a in help_menu.actions() if a.text().replace("&", "") == "Policy 3520.13"]
    action.trigger()
    text_view = find(main, "Policy 3520.13 text", QTextBrowser)
    window = text_view.window()
    qtbot.waitUntil(window.isVisible, timeout=2000)
    assert window.windowTitle() == "Policy 3520.13"
    assert not window.isModal()  # it stays open beside a request
    shown = normalise(text_view.toPlainText())
    assert "Connecticut Association of Boards of Education" in shown and "P3520.13(a)" in shown
    assert "STAFF REQUEST FOR APPROVAL OF TECHNOLOGY RESOURCES" in shown
    for provision in Provision:  # every quoted passage is there to read in full
        assert help_for(provision.value)[0].pieces[0] in shown
    assert all(piece in shown for passages in FIELD_HELP.values() for p in passages for piece in p.pieces)

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    find_edit = find(window, "Find in the policy", QLineEdit)
    assert QApplication.focusWidget() is find_edit
    qtbot.keyClicks(find_edit, "Family Educational Rights")
    qtbot.keyClick(find_edit, Qt.Key.Key_Return)
    assert text_view.textCursor().selectedText() == "Family Educational Rights"
    find_edit.clear()
    qtbot.keyClicks(find_edit, "no such words anywhere")
    assert find(window, "Find result").text() == "Not found"

    action.trigger()  # asked again: the same window, not a second one
    assert len([w for w in QApplication.topLevelWidgets() if w.windowTitle() == "Policy 3520.13"]) == 1


def test_the_contracts_eleven_provisions_each_show_their_item_of_the_policy(qtbot, signed_in, district):
    from techapproval.gui.dialogs.contract import ContractDialog

    dialog = ContractDialog(signed_in(district.reviewer))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    find(dialog, Provision.P1.label).setFocus()
    assert "continues to be the property of and under the control of the Board" in panel_text(dialog)
    for provision in list(Provision)[1:]:  # Tab to the next box (the clauses wait for a tick)
        tab(qtbot)
        assert QApplication.focusWidget().accessibleName() == provision.label
        text = normalise(panel_text(dialog))
        [passage] = help_for(provision.value)
        assert passage.excerpt in text, provision
        assert f"contract provision {provision.value.removeprefix('P')}" in text
    find(dialog, "Uses the state uniform terms-of-service addendum").setFocus()
    assert "Commission for Educational Technology" in panel_text(dialog)
