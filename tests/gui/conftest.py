"""GUI tests drive real widgets, found by their accessible names, as a person (or a screen reader) would."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from techapproval.gui.context import AppContext  # noqa: E402
from techapproval.services import people  # noqa: E402


def find(parent: QWidget | None, name: str, cls: type = QWidget):
    """The one visible-or-not widget called `name` under parent (or among all windows)."""
    roots = [parent] if parent is not None else QApplication.topLevelWidgets()
    found = []
    for root in roots:
        candidates = [root, *root.findChildren(cls)]
        found.extend(w for w in candidates if isinstance(w, cls) and w.accessibleName() == name)
    assert len(found) == 1, f"expected one widget named {name!r}, found {len(found)}"
    return found[0]


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch):
    """A message box nobody expected fails the test instead of waiting forever for a click."""
    from PySide6.QtWidgets import QMessageBox

    def unexpected(*args, **kwargs):
        texts = [a for a in args if isinstance(a, str)]
        raise AssertionError(f"unexpected dialog: {texts}")

    for name in ("question", "warning", "information", "critical", "about"):
        monkeypatch.setattr(QMessageBox, name, unexpected)


@pytest.fixture
def signed_in(district):
    def as_person(person_id: int) -> AppContext:
        with district.db.transaction() as s:
            ctx = AppContext(district.db, people.get_person(s, person_id))
        ctx.reload_settings()
        return ctx

    return as_person
