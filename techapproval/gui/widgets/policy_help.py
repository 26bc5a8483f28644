"""The panel "What policy 3520.13 says": the passages governing the field that has the keyboard focus.

A widget says which field it is with `governs(widget, key)` (a key of domain.policy_help.FIELD_HELP);
the panel follows the focus within its window and shows that field's passages, quoted from the shipped
policy text. The text is escaped, never taken as markup. Whether the panel is shown is remembered on
this computer (`preferences.ini` in the app's data folder).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QGroupBox, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from ...domain.policy_help import help_for
from ...paths import data_dir
from ..common import named
from ..i18n import translate

HELP_PROPERTY = "policyHelpKey"
SHOWN_SETTING = "policy_help/shown"
TITLE = "What policy 3520.13 says"


def governs(widget: QWidget, key: str) -> QWidget:
    """Mark `widget` as an input for `key`: the help panel shows that key's passages when it has the focus."""
    widget.setProperty(HELP_PROPERTY, key)
    return widget


def help_key(widget: QWidget | None) -> str | None:
    """The key of the widget, or of the nearest of its parents that has one, within its window."""
    while widget is not None:
        key = widget.property(HELP_PROPERTY)
        if key:
            return str(key)
        if widget.isWindow():
            return None
        widget = widget.parentWidget()
    return None


def preferences() -> QSettings:
    """UI preferences of this person on this computer (not the district's settings, which are in the database)."""
    return QSettings(str(data_dir() / "preferences.ini"), QSettings.Format.IniFormat)


class PolicyHelpPanel(QGroupBox):
    """The passages for the focused field of the window it follows; `toggle` hides and shows it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(translate("PolicyHelpPanel", TITLE), parent)
        named(self, translate("PolicyHelpPanel", "Policy help"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        self.browser = QTextBrowser()
        self.browser.setReadOnly(True)
        self.browser.setOpenLinks(False)
        self.browser.setTabChangesFocus(True)  # Tab moves on: keyboard users are not trapped in it
        named(self.browser, translate("PolicyHelpPanel", TITLE),
              translate("PolicyHelpPanel", "The passages of policy 3520.13 about the field you are in"))
        layout.addWidget(self.browser)
        self.key: str | None = None
        self.window_followed: QWidget | None = None
        self.toggle = named(QPushButton(translate("PolicyHelpPanel", "Polic&y help")),
                            translate("PolicyHelpPanel", "Show policy help"),
                            translate("PolicyHelpPanel", "Show or hide what policy 3520.13 says about the field "
                                                         "you are in (F1)"))
        self.toggle.setCheckable(True)
        self.toggle.setAutoDefault(False)
        shown = preferences().value(SHOWN_SETTING, True, type=bool)
        self.toggle.setChecked(shown)
        self.setVisible(shown)
        self.toggle.toggled.connect(self._toggled)
        self.show_intro()

    def follow(self, window: QWidget) -> None:
        """Show the passages of whatever field of `window` gets the focus (its own text is left alone)."""
        self.window_followed = window
        QApplication.instance().focusChanged.connect(self._focus_changed)
        QShortcut(QKeySequence(Qt.Key.Key_F1), window, activated=self.toggle.toggle)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or self.window_followed is None or new.window() is not self.window_followed:
            return
        key = help_key(new)
        if key and help_for(key):  # elsewhere (the panel itself, a button): keep what was shown
            self.show_for(key, new.accessibleName())

    def show_intro(self) -> None:
        self.key = None
        self.browser.setPlainText(translate(
            "PolicyHelpPanel", "Move to a field with Tab or the mouse: what policy 3520.13 and its form say about "
            "it appears here. Help \u2192 Policy 3520.13 shows the whole policy."))

    def show_for(self, key: str, field_name: str = "") -> None:
        if key == self.key:
            return
        self.key = key
        parts = []
        if field_name:
            about = translate("PolicyHelpPanel", "About: {field}").format(field=field_name)
            parts.append(f"<p style='margin-bottom:6px'><b>{escape(about)}</b></p>")
        for passage in help_for(key):
            parts.append(
                f"<p style='margin:8px 0 2px 0'><b>{escape(passage.heading)}</b></p>"
                f"<p style='margin:0 0 2px 0'>{escape(passage.quoted)}</p>"
                f"<p style='margin:0'><i>\u2014 {escape(passage.source)}</i></p>")
        self.browser.setHtml("".join(parts))

    def text(self) -> str:
        return self.browser.toPlainText()

    def _toggled(self, shown: bool) -> None:
        self.setVisible(shown)
        settings = preferences()
        settings.setValue(SHOWN_SETTING, shown)
        settings.sync()
