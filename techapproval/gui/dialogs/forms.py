"""A small base for dialogs made of labelled fields, each with its error message underneath."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...services.errors import Invalid, ServiceError
from ..common import ErrorLabel, named


class FieldDialog(QDialog):
    def __init__(self, title: str, intro: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, ErrorLabel] = {}
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            layout.addWidget(label)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        named(self.message, "Message")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox()
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)

    def add_field(self, key: str, label: str, widget: QWidget | None = None, *, password: bool = False,
                  text: str = "") -> QWidget:
        if widget is None:
            widget = QLineEdit(text)
            if password:
                widget.setEchoMode(QLineEdit.EchoMode.Password)
        plain = label.replace("&", "").rstrip(":")
        named(widget, plain)
        caption = QLabel(label)
        caption.setBuddy(widget)
        error = ErrorLabel(widget, plain)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(widget)
        column.addWidget(error)
        self.form.addRow(caption, holder)
        self.fields[key] = widget
        self.errors[key] = error
        return widget

    def add_button(self, text: str, name: str, role=QDialogButtonBox.ButtonRole.AcceptRole):
        button = self.buttons.addButton(text, role)
        named(button, name)
        button.setDefault(True)
        return button

    def text(self, key: str) -> str:
        return self.fields[key].text()

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, label in self.errors.items():
            label.show_message(errors.get(key))
        for key in self.fields:
            if key in errors:
                self.fields[key].setFocus()
                break

    def attempt(self, action):
        """Run a service call; on success close the dialog and return its result. A refusal is shown
        next to the fields it names, or above the buttons, and the dialog stays open with its input."""
        try:
            result = action()
        except Invalid as exc:
            self.show_errors(exc.errors)
            return None
        except ServiceError as exc:
            self.message.setText(exc.message)
            return None
        self.accept()
        return result
