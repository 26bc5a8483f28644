"""Help → Policy 3520.13: the whole shipped text of the policy and its form (and the ADA rule's excerpts), to
read and search."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain.policy_help import Document, read_document
from ..common import named
from ..i18n import translate
from ..screen import fit_to_screen


def full_text() -> str:
    """Each document under its title and source, as shipped: plain text."""
    parts = []
    for document in Document:
        shipped = read_document(document)
        parts.append(f"{shipped.source}\n\n{shipped.text.strip()}")
    return f"\n\n{'=' * 72}\n\n".join(parts) + "\n"


class PolicyTextWindow(QDialog):
    """Not modal: it stays open beside a request while the person reads."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("PolicyTextWindow", "Policy 3520.13"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        fit_to_screen(self, 900, 700)
        layout = QVBoxLayout(self)
        intro = QLabel(translate(
            "PolicyTextWindow", "Policy 3520.13 \u201cStudent Data Protection and Privacy/Cloud-Based Issues\u201d "
            "and its form, in the sample wording of the Connecticut Association of Boards of Education, then "
            "excerpts of the ADA Title II web rule (28 CFR 35.200) from the Federal Register. Type in "
            "Find and press Enter for the next match, Shift+Enter for the previous."))
        intro.setWordWrap(True)
        named(intro, translate("PolicyTextWindow", "About this text"))
        layout.addWidget(intro)

        bar = QHBoxLayout()
        self.find_edit = named(QLineEdit(), translate("PolicyTextWindow", "Find in the policy"))
        self.find_edit.setPlaceholderText(translate("PolicyTextWindow", "Words to find, e.g. directory information"))
        self.find_edit.setClearButtonEnabled(True)
        find_label = QLabel(translate("PolicyTextWindow", "&Find:"))
        find_label.setBuddy(self.find_edit)
        self.previous_button = named(QPushButton(translate("PolicyTextWindow", "&Previous")),
                                     translate("PolicyTextWindow", "Previous match"))
        self.next_button = named(QPushButton(translate("PolicyTextWindow", "&Next")),
                                 translate("PolicyTextWindow", "Next match"))
        for button in (self.previous_button, self.next_button):
            button.setAutoDefault(False)
        self.found = named(QLabel(), translate("PolicyTextWindow", "Find result"))
        self.found.setTextFormat(Qt.TextFormat.PlainText)
        bar.addWidget(find_label)
        bar.addWidget(self.find_edit, 1)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.next_button)
        bar.addWidget(self.found)
        layout.addLayout(bar)

        self.text = named(QTextBrowser(), translate("PolicyTextWindow", "Policy 3520.13 text"))
        self.text.setOpenLinks(False)
        self.text.setTabChangesFocus(True)
        self.text.setPlainText(full_text())  # plain text: nothing in the file is taken as markup
        layout.addWidget(self.text, 1)

        close = named(QPushButton(translate("PolicyTextWindow", "Close")), translate("PolicyTextWindow", "Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.close)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)

        self.find_edit.returnPressed.connect(self.find_next)
        QShortcut(QKeySequence("Shift+Return"), self.find_edit, activated=self.find_previous)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.find_edit.setFocus)
        QShortcut(QKeySequence.StandardKey.FindNext, self, activated=self.find_next)
        QShortcut(QKeySequence.StandardKey.FindPrevious, self, activated=self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.find_edit.textEdited.connect(self._search_from_top)
        self.find_edit.setFocus()

    def _search_from_top(self) -> None:
        self.text.moveCursor(QTextCursor.MoveOperation.Start)
        self.find_next()

    def find_next(self) -> bool:
        return self._find(QTextDocument.FindFlag(0))

    def find_previous(self) -> bool:
        return self._find(QTextDocument.FindFlag.FindBackward)

    def _find(self, flags: QTextDocument.FindFlag) -> bool:
        words = self.find_edit.text().strip()
        if not words:
            self.found.clear()
            return False
        found = self.text.find(words, flags)
        if not found:  # wrap around once, as search boxes do
            backward = bool(flags & QTextDocument.FindFlag.FindBackward)
            self.text.moveCursor(QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start)
            found = self.text.find(words, flags)
        self.found.setText("" if found else translate("PolicyTextWindow", "Not found"))
        return found
