"""What a teacher typed in a request window and the database does not have yet, kept on this computer.

The window writes its form here a moment after each edit (far sooner than the database autosave) and
removes the file once the database holds the same. So a crash, a power cut, or a database server that
stopped answering loses nothing: the next start offers each journal again (recovered in the request
window, or shown read-only when the request can no longer be changed).

One small JSON file per window, in a private folder (0700) under the data folder; files are 0600 and
written whole (a temporary file, then os.replace), so a crash leaves the old copy or the new one, never
half of one. A journal holds the RequestForm's fields (the paper form, no student data) and nothing else
the person typed. Its name is a hash of the database and the person, never their name or email, then
the request's number or a random token for a request the database has not numbered yet. No Qt here.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import tempfile
import time
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from pathlib import Path

from ..domain.enums import Answer, ClaimedConformance, Grade, InfoCategory
from ..domain.validation import FIELD_LABELS, RequestForm
from ..paths import data_dir, private_folder

FOLDER = "drafts"
VERSION = 1
STALE_TEMP_S = 60  # a temporary file older than this is what a crash left halfway
_LISTS = {"grades": Grade, "information_shared": InfoCategory}
# The form's choices, each kept as its stored value (None: not answered).
_CHOICES = {name: Answer for name in ("student_accounts", "download_required", "app_requires_parental_permission",
                                      "acr_available")} | {"claimed_conformance": ClaimedConformance}


def default_folder() -> Path:
    return data_dir() / FOLDER


def database_key(url) -> str:
    """Which database, whatever address or credentials reach it: the SQLite file, or the server's host,
    port and database name (never the user or password). Takes a SQLAlchemy URL."""
    if url.get_backend_name() == "sqlite":
        where = url.database or ":memory:"
        if where != ":memory:":
            where = str(Path(where).expanduser().resolve())
        return f"sqlite:{where}"
    return f"{url.get_backend_name()}://{url.host or ''}:{url.port or ''}/{url.database or ''}"


def owner_key(database: str, person_id: int) -> str:
    """The person on this database, as a name that tells nothing about either."""
    return hashlib.sha256(f"{database}\n{person_id}".encode()).hexdigest()[:32]


def form_to_json(form: RequestForm) -> dict:
    values = {}
    for f in fields(RequestForm):
        value = getattr(form, f.name)
        if isinstance(value, list):
            value = [v.value for v in value]
        elif isinstance(value, Answer | ClaimedConformance):
            value = value.value
        values[f.name] = value
    return values


def form_from_json(values: dict) -> RequestForm:
    """The form back; ValueError, TypeError or KeyError for anything that is not one."""
    form = RequestForm()
    for f in fields(RequestForm):
        if f.name not in values:
            continue
        value = values[f.name]
        if f.name in _LISTS:
            value = [_LISTS[f.name](v) for v in value]
        elif f.name in _CHOICES:
            value = _CHOICES[f.name](value) if value is not None else None
        elif f.name == "not_used_by_students":
            if not isinstance(value, bool):
                raise TypeError(f.name)
        elif not isinstance(value, str):
            raise TypeError(f.name)
        setattr(form, f.name, value)
    return form


def is_blank(form: RequestForm) -> bool:
    return form.cleaned() == RequestForm()


def as_text(form: RequestForm) -> str:
    """The form as plain text to read and copy, one field a paragraph."""
    labels = {**FIELD_LABELS, "not_used_by_students": "Not used by students"}
    lines = []
    for f in fields(RequestForm):
        value = getattr(form, f.name)
        if isinstance(value, list):
            value = ", ".join(v.label if isinstance(v, InfoCategory) else v.value for v in value)
        elif isinstance(value, Answer | ClaimedConformance):
            value = value.label
        elif isinstance(value, bool):
            value = "Yes" if value else ""
        if value:
            lines.append(f"{labels[f.name]}:\n{value}")
    return "\n\n".join(lines)


@dataclass(frozen=True)
class Recovered:
    """A journal found on this computer: what was typed, for which request, and when."""

    path: Path
    request_id: int | None
    token: str | None
    saved_at: datetime
    form: RequestForm


class Journal:
    """One request window's journal."""

    def __init__(self, store: DraftStore, request_id: int | None, token: str | None = None):
        self.store = store
        self.request_id = request_id
        self.token = token if request_id is None else None
        if request_id is None and self.token is None:
            self.token = secrets.token_hex(8)

    @property
    def path(self) -> Path:
        tail = str(self.request_id) if self.request_id is not None else f"new-{self.token}"
        return self.store.folder / f"{self.store.owner}-{tail}.json"

    def write(self, form: RequestForm) -> None:
        """Keep the form on this computer, replacing the last copy whole. Raises OSError (disk full...)."""
        content = {"version": VERSION, "owner": self.store.owner, "request_id": self.request_id,
                   "token": self.token, "saved_at": datetime.now(UTC).isoformat(), "form": form_to_json(form)}
        _write_atomically(self.store.private_folder(), self.path, json.dumps(content, ensure_ascii=False))

    def read(self) -> Recovered | None:
        return _read(self.path, self.store.owner)

    def remove(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def saved(self, request_id: int) -> None:
        """The database has exactly what the window shows: the journal goes. A new draft is known by its
        number from now on."""
        self.remove()
        self.request_id, self.token = request_id, None


class DraftStore:
    """The journals of one person on one database, in one folder of this computer."""

    def __init__(self, folder: Path, database: str, person_id: int):
        self.folder = folder
        self.owner = owner_key(database, person_id)

    @classmethod
    def for_database(cls, url, person_id: int, folder: Path | None = None) -> DraftStore:
        return cls(folder or default_folder(), database_key(url), person_id)

    def journal(self, request_id: int | None, token: str | None = None) -> Journal:
        return Journal(self, request_id, token)

    def private_folder(self) -> Path:
        return private_folder(self.folder)

    def pending(self) -> list[Recovered]:
        """This person's journals for this database, oldest first. Files that cannot be read are left
        where they are, and so are other people's."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in self.folder.glob(f"{self.owner}-*.json"):
            if (recovered := _read(path, self.owner)) is not None:
                found.append(recovered)
        for stale in self.folder.glob(f".{self.owner}-*.tmp"):  # a write cut short by a crash
            with contextlib.suppress(OSError):
                if time.time() - stale.stat().st_mtime > STALE_TEMP_S:
                    stale.unlink()
        return sorted(found, key=lambda r: r.saved_at)


def _read(path: Path, owner: str) -> Recovered | None:
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
        if content.get("version") != VERSION or content.get("owner") != owner:
            return None
        request_id, token = content.get("request_id"), content.get("token")
        if not (isinstance(request_id, int) or isinstance(token, str)):
            return None
        saved_at = datetime.fromisoformat(content["saved_at"])
        if saved_at.tzinfo is None:
            saved_at = saved_at.replace(tzinfo=UTC)
        return Recovered(path, request_id if isinstance(request_id, int) else None,
                         token if request_id is None else None, saved_at, form_from_json(content["form"]))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _write_atomically(folder: Path, path: Path, text: str) -> None:
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.stem}-", suffix=".tmp")  # 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    if os.name == "posix":  # the rename itself survives a power cut
        with contextlib.suppress(OSError):
            dir_fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
