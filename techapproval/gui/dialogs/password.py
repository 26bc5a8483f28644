"""Choosing a new password (one's own), and an administrator's reset of someone else's."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QWidget

from ...domain.sign_in import temporary_password
from ...services import people
from ..common import named
from ..context import AppContext
from ..i18n import translate
from .forms import FieldDialog

RejectRole = QDialogButtonBox.ButtonRole.RejectRole


class PasswordDialog(FieldDialog):
    """The signed-in person chooses a new password. After a reset the sign-in dialog hands in the
    temporary password it just checked (`current`), so it is not asked again, and cancelling signs out."""

    def __init__(self, ctx: AppContext, current: str | None = None, parent: QWidget | None = None):
        after_reset = current is not None
        intro = ("An administrator reset your password. Choose a new one that only you know."
                 if after_reset else "Enter your current password, then the new one twice.")
        super().__init__(
            translate("PasswordDialog", "Choose a new password"), intro + " Use at least 10 characters.", parent
        )
        self.ctx = ctx
        self.current = current
        self.person: people.PersonView | None = None
        if not after_reset:
            self.add_field("current", translate("PasswordDialog", "&Current password:"), password=True)
        self.add_field("new", translate("PasswordDialog", "&New password:"), password=True)
        self.add_field("repeat", translate("PasswordDialog", "&Repeat new password:"), password=True)
        self.add_button(
            translate("PasswordDialog", "&Save new password"), translate("PasswordDialog", "Save new password")
        ).clicked.connect(self.save)
        cancel = "Sign &out" if after_reset else "Cance&l"
        named(self.buttons.addButton(cancel, RejectRole), cancel.replace("&", ""))

    def save(self) -> None:
        if self.text("new") != self.text("repeat"):
            self.show_errors({"repeat": "The two new passwords are not the same."})
            return
        current = self.current if self.current is not None else self.text("current")
        self.person = self.attempt(lambda: self.ctx.call(people.change_password, current, self.text("new")))

    def show_errors(self, errors: dict[str, str]) -> None:
        super().show_errors(errors)
        # "current" has no field after a reset (the password was reset again meanwhile, say): say it here.
        self.message.setText(" ".join(f"\u26a0 {m}" for key, m in errors.items() if key not in self.fields))


class ResetPasswordDialog(FieldDialog):
    """An administrator gives someone a temporary password (shown, to hand over in person); they must
    replace it when they next sign in. Any lock-out on the account ends."""

    def __init__(self, ctx: AppContext, person: people.PersonView, parent: QWidget | None = None):
        super().__init__(
            translate("PasswordDialog", "Reset password \u2014 {name}").format(name=person.name),
            translate(
                "PasswordDialog",
                "Give {name} ({email}) this temporary password in person, or type your own. They must choose a new "
                "password when they next sign in. If the account is locked after wrong passwords, the lock ends now.",
            ).format(name=person.name, email=person.email),
            parent,
        )
        self.ctx = ctx
        self.target = person
        self.person: people.PersonView | None = None
        # Shown, not hidden behind dots: the administrator reads it out or writes it down.
        self.add_field("password", translate("PasswordDialog", "&Temporary password:"), text=temporary_password())
        self.add_button(
            translate("PasswordDialog", "&Reset password"), translate("PasswordDialog", "Reset password")
        ).clicked.connect(self.reset)
        named(
            self.buttons.addButton(translate("PasswordDialog", "Cance&l"), RejectRole),
            translate("PasswordDialog", "Cancel"),
        )

    def reset(self) -> None:
        self.person = self.attempt(
            lambda: self.ctx.call(people.reset_password, self.target.id, self.text("password")))
