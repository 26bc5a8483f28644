"""The administrator's settings page: choices are drop-downs, chosen from the keyboard, saved and read back."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from techapproval.services import settings

from .conftest import choose, click, find, open_main, settle, type_into


def test_population_and_renewal_settings_are_chosen_and_saved(qtbot, signed_in, district):
    window = open_main(qtbot, signed_in(district.admin))
    population = find(window, "Population of the district's town or city (ADA Title II date)", QComboBox)
    window.tabs.setCurrentWidget(window.pages["settings"])
    settle()  # the tab reads its list on the worker thread
    assert population.currentText() == "Not set (the earlier date applies)"
    choose(qtbot, window, "Population of the district's town or city (ADA Title II date)", "Under 50,000")
    choose(qtbot, window, "Also review a tool again when its contract expires", "No")
    years = "Years before an approved tool is reviewed again (0: never)"
    find(window, years).clear()
    type_into(qtbot, window, years, "12")
    click(qtbot, window, "Save settings")
    assert "from 0 to 10" in find(window, f"{years} error").text()  # named next to its field; nothing saved
    with district.db.transaction() as s:
        assert settings.read(s)["district_population"] == ""

    find(window, years).clear()
    type_into(qtbot, window, years, "5")
    click(qtbot, window, "Save settings")
    assert window.statusBar().currentMessage() == "Settings saved."
    with district.db.transaction() as s:
        saved = settings.read(s)
    assert (saved["district_population"], saved["renewal_years"], saved["renewal_at_contract_expiry"]) == (
        "under_50000", "5", "no")
    assert population.currentText() == "Under 50,000"


def test_the_deadlines_page_says_which_ada_date_it_assumes_until_the_population_is_set(qtbot, signed_in, district):
    def summary_of_a_new_window() -> str:
        window = open_main(qtbot, signed_in(district.reviewer))
        window.tabs.setCurrentWidget(window.deadlines_page)
        settle()  # the tab reads its list on the worker thread
        qtbot.waitUntil(lambda: bool(find(window, "Deadlines summary").text()), timeout=5000)
        text = find(window, "Deadlines summary").text()
        window.close()
        return text

    assert "until an administrator sets the district's population under Settings" in summary_of_a_new_window()
    with district.db.transaction() as s:
        settings.update_settings(s, district.admin, {"district_population": "under_50000"})
    assert "population" not in summary_of_a_new_window()
