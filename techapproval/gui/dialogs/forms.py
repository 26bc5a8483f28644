"""A small base for dialogs made of labelled fields, each with its error message underneath."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...services.errors import Invalid, ServiceError
from ..common import ErrorLabel, named, text_label
from ..i18n import translate
from ..screen import fit_wrapped_text
from ..widgets.date_field import OptionalDateField


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
        named(self.message, translate("FieldDialog", "Message"))
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox()
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self._fitted = False

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt's name
        if visible and not self._fitted:  # before Qt places it: the whole of it on the screen
            self._fitted = True
            fit_wrapped_text(self)
        super().setVisible(visible)

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


class ScrollingFormDialog(QDialog):
    """A long record form (a contract, an incident): a heading, the fields in a scrolling body, a live
    summary under them, a message line, and Save / Cancel. Subclasses fill `self.body` with `_row`s and
    name each field key's label in FIELD_LABELS."""

    FIELD_LABELS: dict[str, str] = {}

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.captions: list[QLabel] = []

    def _field(self, key: str, widget: QWidget, error_target: QWidget | None = None) -> ErrorLabel:
        self.fields[key] = widget
        error = ErrorLabel(error_target or widget, self.FIELD_LABELS[key])
        self.errors[key] = error
        return error

    def _row(self, form: QFormLayout, key: str, caption: str, widget: QWidget,
             error_target: QWidget | None = None, extra: QWidget | None = None) -> None:
        """A captioned field with its error line; `extra` (a button) sits beside the field. The caption's
        buddy is the field itself: a date field hands the focus to its tick box or its date."""
        if not widget.accessibleName() and not isinstance(widget, OptionalDateField):  # it names its parts
            named(widget, self.FIELD_LABELS[key])
        label = QLabel(caption)
        label.setBuddy(widget)
        self.captions.append(label)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if extra is None:
            column.addWidget(widget)
        else:
            line = QHBoxLayout()
            line.addWidget(widget, 1)
            line.addWidget(extra)
            column.addLayout(line)
        column.addWidget(self._field(key, widget, error_target))
        form.addRow(label, holder)

    @staticmethod
    def _form_layout() -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        return form

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message under its field; messages for no field on the form go to the message line. The
        first field with a problem, in form order, is scrolled to and focused."""
        for key, label in self.errors.items():
            label.show_message(errors.get(key))
        unplaced = [message for key, message in errors.items() if key not in self.errors]
        self.show_message(" ".join(unplaced))
        for key in self.errors:
            if key in errors:
                label = self.errors[key]
                self.scroll.ensureWidgetVisible(label.field)
                self.scroll.ensureWidgetVisible(label)
                label.field.setFocus()
                break

    def show_message(self, text: str) -> None:
        self.message.setText(f"\u26a0 {text}" if text else "")
        self.message.setVisible(bool(text))

    def frame(self, what: str, *, summary: str, save: str, cancel: str = "Cancel") -> QVBoxLayout:
        """Build the frame; returns the body's layout for the fields. `what` names the form for
        assistive technology ("Contract" → "Contract heading", "Contract form")."""
        layout = QVBoxLayout(self)
        self.heading = text_label(translate("FieldDialog", "{what} heading").format(what=what))
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)

        body = QWidget()
        self.body = QVBoxLayout(body)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # text wraps instead
        self.scroll.setWidget(body)
        named(self.scroll, translate("FieldDialog", "{what} form").format(what=what))
        layout.addWidget(self.scroll, 1)

        self.summary = text_label(summary)
        self.summary.setFrameShape(QLabel.Shape.StyledPanel)
        self.summary.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.summary)
        self.message = text_label(translate("FieldDialog", "Message"))
        self.message.setStyleSheet("font-weight: bold;")
        self.message.hide()
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = named(QPushButton(f"&{save}"), save)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = named(QPushButton(cancel), cancel)
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        return self.body

    def save(self) -> None:  # pragma: no cover - each form saves its own record
        raise NotImplementedError
