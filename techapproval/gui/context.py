"""What every window needs: the backend that runs use cases and who is signed in. Handed in, never global.

Every use case the GUI runs goes through `call` (or an operation, gui/operations.py, which calls it on the
worker thread): the backend runs it in a transaction of its own and hands back what it changed. The change
set goes to every listener (`on_changes`), which is how the main window's pages know what to read again
after the person's own changes; nothing has to remember to refresh them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..domain.changes import ChangeSet
from ..services import settings as settings_service
from ..services.backend import LocalBackend
from ..services.people import PersonView

T = TypeVar("T")
Listener = Callable[[ChangeSet], None]


def as_backend(backend_or_database: Any) -> Any:
    """A backend as it is; a database (tests, the single desk) with a LocalBackend over it."""
    return backend_or_database if hasattr(backend_or_database, "run") else LocalBackend(backend_or_database)


@dataclass(eq=False)
class AppContext:
    backend: Any  # a LocalBackend, or a database to run one over (what tests and the single desk hand in)
    person: PersonView
    settings: dict[str, str] = field(default_factory=dict)
    listeners: list[Listener] = field(default_factory=list)
    own_events: set[int] = field(default_factory=set)  # audit events this desk added: already shown here

    def __post_init__(self) -> None:
        self.backend = as_backend(self.backend)

    def call(self, use_case: Callable[..., T], *args, **kwargs) -> T:
        """Run one use case as the signed-in person, in its own transaction; tell listeners what it changed."""
        outcome = self.backend.run(use_case, self.person.id, *args, **kwargs)
        self.answered(outcome)
        return outcome.value

    def answered(self, outcome) -> None:
        """A use case run for this desk has answered: its change set to the listeners."""
        self.own_events |= outcome.events
        if outcome.changes:
            self.changed(outcome.changes)

    def query(self, read: Callable[..., T], *args, **kwargs) -> T:
        """A read that needs no acting person: the district's settings, its calendar."""
        return self.backend.query(read, *args, **kwargs)

    def long_run(self, work: Callable[..., T], *args, **kwargs) -> T:
        """Long work with its own short transactions (exports, batches): see services/backend.py."""
        return self.backend.long_run(work, self.person.id, *args, **kwargs)

    def on_changes(self, listener: Listener) -> None:
        self.listeners.append(listener)

    def changed(self, changes: ChangeSet) -> None:
        for listener in list(self.listeners):
            listener(changes)

    def reload_settings(self) -> None:
        self.settings = self.query(settings_service.read)

    @property
    def location(self) -> str:
        return self.backend.location

    @property
    def is_reviewer(self) -> bool:
        return self.person.role.may_review()
