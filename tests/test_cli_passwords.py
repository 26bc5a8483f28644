"""`techapproval reset-password`: district IT lets a locked-out administrator back in."""

from __future__ import annotations

import io

import pytest

from techapproval.__main__ import main
from techapproval.services import audit, people
from techapproval.services.errors import SignInFailed

ADMIN = "admin@riverside.example"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def stdin(monkeypatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def lock_out(district, email: str) -> None:
    for i in range(5):
        with pytest.raises(SignInFailed):
            people.sign_in(district.db, email, f"wrong password {i}")


def test_reset_password_from_stdin_ends_the_lock_and_asks_for_a_new_one(district, db_url, monkeypatch, capsys):
    lock_out(district, ADMIN)
    stdin(monkeypatch, "temporary-2026\n")
    assert main(["--database", db_url, "reset-password", "Admin@Riverside.example"]) == 0
    out = capsys.readouterr().out
    assert "Reset the password of Dana Admin (admin@riverside.example)" in out and "temporary-2026" not in out

    admin = people.sign_in(district.db, ADMIN, "temporary-2026")
    assert admin.id == district.admin and admin.must_change_password
    with district.db.transaction() as s:
        [event] = [e for e in audit.history(s, "person", district.admin) if e.action == "password reset"]
    assert event.actor == "System"


def test_reset_password_on_a_terminal_asks_twice(district, db_url, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", Terminal())
    answers = iter(["temporary-2026", "temporary-2027"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["--database", db_url, "reset-password", ADMIN]) == 1
    assert "The two passwords differ. Nothing was changed." in capsys.readouterr().err

    answers = iter(["temporary-2026", "temporary-2026"])
    assert main(["--database", db_url, "reset-password", ADMIN]) == 0
    assert people.sign_in(district.db, ADMIN, "temporary-2026").must_change_password


@pytest.mark.parametrize(
    ("email", "typed", "message"),
    [
        ("nobody@riverside.example", "temporary-2026\n", "Nobody with the email address nobody@riverside.example"),
        (ADMIN, "short\n", "Use at least 10 characters. Nothing was changed."),
        (ADMIN, "", "Use at least 10 characters. Nothing was changed."),
    ],
)
def test_reset_password_refusals_change_nothing(district, db_url, monkeypatch, capsys, email, typed, message):
    stdin(monkeypatch, typed)
    assert main(["--database", db_url, "reset-password", email]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert people.sign_in(district.db, ADMIN, "correct horse battery").id == district.admin
