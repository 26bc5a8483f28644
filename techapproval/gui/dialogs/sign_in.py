"""Sign in with email and password."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...db.database import Database
from ...services import people
from ...services.errors import ServiceError
from .forms import FieldDialog


class SignInDialog(FieldDialog):
    def __init__(self, db: Database, district: str, parent: QWidget | None = None):
        super().__init__("Sign in \u2014 techapproval", f"{district}\nSign in with your school email address.",
                         parent)
        self.db = db
        self.person: people.PersonView | None = None
        self.add_field("email", "&Email:")
        self.add_field("password", "&Password:", password=True)
        self.add_button("&Sign in", "Sign in").clicked.connect(self.sign_in)

    def sign_in(self) -> None:
        try:
            with self.db.transaction() as session:
                self.person = people.authenticate(session, self.text("email"), self.text("password"))
        except ServiceError as exc:
            self.show_errors({"password": exc.message})
            self.fields["password"].selectAll()
            return
        self.accept()
