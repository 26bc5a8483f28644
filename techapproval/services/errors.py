"""What a use case can refuse, each with a message written for the person who asked."""

from __future__ import annotations

# A database the app cannot use is told to people like a refusal: front ends take it from here, with the
# services' own errors, and import nothing of the database layer.
from ..db.database import DatabaseProblem

__all__ = ["Conflict", "DatabaseProblem", "Invalid", "NotAllowed", "NotFound", "Refused", "ServiceError",
           "SignInFailed"]


class ServiceError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotAllowed(ServiceError):
    """The acting person's role or relation to the record does not allow this."""


class NotFound(ServiceError):
    pass


class Refused(ServiceError):
    """The workflow does not allow this from the record's current state."""


class Conflict(ServiceError):
    """Someone else changed the record since it was read; nothing was overwritten."""


class Invalid(ServiceError):
    """Input that fails validation; errors maps field name → message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("Some fields need attention: " + "; ".join(errors.values()))
        self.errors = errors


class SignInFailed(ServiceError):
    pass
