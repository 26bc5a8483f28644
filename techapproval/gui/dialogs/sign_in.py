"""Sign in with email and password; after an administrator's reset, choose a new password first."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...db.database import DatabaseProblem
from ...services import people
from ...services.errors import ServiceError
from ..context import AppContext, as_backend
from ..i18n import translate
from .forms import FieldDialog
from .password import PasswordDialog


class SignInDialog(FieldDialog):
    def __init__(self, backend, district: str, parent: QWidget | None = None):
        super().__init__(
            translate("SignInDialog", "Sign in \u2014 techapproval"),
            translate("SignInDialog", "{district}\nSign in with your school email address.").format(district=district),
            parent,
        )
        self.backend = as_backend(backend)
        self.person: people.PersonView | None = None
        self.add_field("email", translate("SignInDialog", "&Email:"))
        self.add_field("password", translate("SignInDialog", "&Password:"), password=True)
        self.add_button(translate("SignInDialog", "&Sign in"), translate("SignInDialog", "Sign in")).clicked.connect(
            self.sign_in
        )

    def sign_in(self) -> None:
        password = self.text("password")
        try:
            person = self.backend.sign_in(self.text("email"), password)
        except ServiceError as exc:  # a wrong password, or the lock-out's message with its time
            self.show_errors({"password": exc.message})
            self.fields["password"].selectAll()
            return
        except DatabaseProblem as problem:  # the server went away, say: nothing to do with the password
            self.message.setText(f"{problem.title}: {problem.message}")
            return
        if person.must_change_password:
            choose = PasswordDialog(AppContext(self.backend, person), current=password, parent=self)
            if not choose.exec():  # not choosing one signs out: the app does not open
                self.reject()
                return
            person = choose.person
        self.person = person
        self.accept()
