"""A district setting with a fixed list of values, shown as a drop-down that reads and takes the stored
value as text, like the settings' line edits, so the settings page treats all fields alike."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from ..i18n import domain_text


class SettingChoice(QComboBox):
    def __init__(self, choices: tuple[tuple[str, str], ...], value: str, parent: QWidget | None = None):
        super().__init__(parent)
        for stored, label in choices:
            self.addItem(domain_text(label), stored)
        self.setText(value)

    def text(self) -> str:
        return self.currentData() or ""

    def setText(self, value: str) -> None:  # noqa: N802 - QLineEdit's name, so both are used alike
        index = self.findData(value)
        self.setCurrentIndex(index if index >= 0 else 0)
