"""Validation of what people type, and the normal forms used to match resources.

Validators return a mapping field name → message so a screen can put each message next to
its field; an empty mapping means valid.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, fields
from urllib.parse import urlsplit

from .enums import Answer, ClaimedConformance, Decision, Grade, InfoCategory, Permission

# Sensible limits: long enough for a real answer, short enough that a stray paste of a whole
# document is refused with a message instead of being truncated silently.
LIMITS = {
    "resource_name": 200,
    "resource_description": 5_000,
    "resource_link": 2_000,
    "planned_use": 10_000,
    "information_details": 5_000,
    "who_has_access": 2_000,
    "known_barriers": 5_000,
    "alternative_plan": 10_000,
    "review_notes": 5_000,
    "reason": 5_000,
    "message": 5_000,
    "name": 120,
    "position": 120,
    "email": 254,
    "setting": 200,
}

FIELD_LABELS = {
    "grades": "Grades",
    "resource_name": "Name of the resource",
    "resource_description": "Description",
    "resource_link": "Link",
    "planned_use": "How you plan to use it",
    "information_shared": "Information shared",
    "information_details": "Details of the information shared",
    "who_has_access": "Who will have access",
    "student_accounts": "Students sign up for an account",
    "download_required": "Students download an application",
    "app_requires_parental_permission": "The application requires parental permission",
    "acr_available": "An accessibility conformance report (VPAT/ACR) is available",
    "claimed_conformance": "Accessibility the vendor claims",
    "known_barriers": "Known accessibility barriers",
}


@dataclass
class RequestForm:
    """The requester's part of the paper form (name, position and date come from the person and the
    submission)."""

    grades: list[Grade] = field(default_factory=list)
    not_used_by_students: bool = False
    resource_name: str = ""
    resource_description: str = ""
    resource_link: str = ""
    planned_use: str = ""
    information_shared: list[InfoCategory] = field(default_factory=list)
    information_details: str = ""
    who_has_access: str = ""
    student_accounts: Answer | None = None
    download_required: Answer | None = None
    app_requires_parental_permission: Answer | None = None
    # Not on the paper form: what the requester knows of the tool's accessibility (ADA Title II).
    # Optional: the policy's form does not ask, and "not sure" is an honest answer.
    acr_available: Answer | None = None
    claimed_conformance: ClaimedConformance | None = None
    known_barriers: str = ""

    def cleaned(self) -> RequestForm:
        """Trimmed text, NFC-normalised, grades and categories in canonical order."""
        values = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, str):
                value = clean_text(value)
            values[f.name] = value
        values["grades"] = sorted(set(self.grades), key=lambda g: g.order)
        values["information_shared"] = [c for c in InfoCategory if c in set(self.information_shared)]
        if values["resource_link"]:
            values["resource_link"] = normalise_link_input(values["resource_link"])
        return RequestForm(**values)


# Control characters no keyboard types (tab and line breaks are kept). Invisible, invalid in XML, and
# PostgreSQL refuses a NUL in any text: a paste from a binary file must not fail the whole save.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value: str) -> str:
    """Typed text as it is checked and stored: control characters dropped, NFC-normalised, trimmed."""
    return unicodedata.normalize("NFC", _CONTROL.sub("", value)).strip()


def too_long(name: str, value: str) -> str | None:
    limit = LIMITS[name]
    if len(value) > limit:
        return f"This is {len(value):,} characters long; the limit is {limit:,}. Shorten it (nothing was saved)."
    return None


def validate_form(form: RequestForm, *, submitting: bool) -> dict[str, str]:
    """Errors by field. Lengths and the link are always checked (drafts too); required answers only
    when submitting."""
    errors: dict[str, str] = {}
    for name in ("resource_name", "resource_description", "resource_link", "planned_use",
                 "information_details", "who_has_access", "known_barriers"):
        if message := too_long(name, getattr(form, name)):
            errors[name] = message
    if form.resource_link and "resource_link" not in errors:
        if message := link_problem(form.resource_link):
            errors["resource_link"] = message
    if InfoCategory.NONE in form.information_shared and len(form.information_shared) > 1:
        errors["information_shared"] = '"None" cannot be combined with other kinds of information.'
    if form.not_used_by_students and form.grades:
        errors["grades"] = 'Choose grades or "Not used by students", not both.'
    if not submitting:
        return errors

    def require(name: str, message: str) -> None:
        if name not in errors and not getattr(form, name).strip():
            errors[name] = message

    require("resource_name", "Give the name of the technology resource.")
    require("resource_description", "Describe the resource in a sentence or two.")
    require("planned_use", "Describe how you plan to use the resource.")
    require("who_has_access", "Say who will have access to the resource.")
    if not form.grades and not form.not_used_by_students and "grades" not in errors:
        errors["grades"] = 'Choose the grade(s) that will use it, or "Not used by students".'
    if not form.information_shared and "information_shared" not in errors:
        errors["information_shared"] = 'Tick what information will be shared, or "None".'
    if not form.not_used_by_students:
        for name in ("student_accounts", "download_required", "app_requires_parental_permission"):
            if getattr(form, name) is None:
                errors[name] = "Answer yes, no or not sure."
    return errors


def validate_decision(decision: Decision | None, permission: Permission | None, reason: str) -> dict[str, str]:
    """Exactly the form's choices: approved with one permission choice, or not approved with a reason."""
    if decision is None:
        return {"decision": 'Choose "Approved for use" or "Not approved for use at this time".'}
    if decision is Decision.APPROVED:
        if permission is None:
            return {"permission": "Choose whether additional parental notification and permission is required."}
        return {}
    if not reason.strip():
        return {"reason": "Give the reason it is not approved."}
    if message := too_long("reason", reason):
        return {"reason": message}
    return {}


# --- links -------------------------------------------------------------------------------------

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def normalise_link_input(text: str) -> str:
    """What a person typed into the link field, made into a URL: "example.com/x" gains https://."""
    text = text.strip()
    if text and not _SCHEME.match(text) and not text.startswith("//") and "." in text.split("/")[0]:
        return "https://" + text
    return text


def link_problem(link: str) -> str | None:
    """Only http and https links to a real host name; internationalised domain names are fine."""
    if any(ch.isspace() for ch in link):
        return "A link cannot contain spaces."
    try:
        parts = urlsplit(link)
    except ValueError:
        return "This is not a valid web address."
    if parts.scheme.lower() not in ("http", "https"):
        return "Only web links starting with http:// or https:// are accepted."
    host = parts.hostname or ""
    if not host:
        return "The link needs a site name, e.g. https://www.example.org."
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return "The site name in this link is not valid."
    labels = ascii_host.rstrip(".").split(".")
    is_ip = all(label.isdigit() for label in labels) and len(labels) == 4
    if not is_ip and (len(labels) < 2 and ascii_host != "localhost"):
        return "The site name needs a domain, e.g. example.org."
    if not all(re.fullmatch(r"[A-Za-z0-9-]{1,63}", label) for label in labels):
        return "The site name in this link is not valid."
    return None


def normalise_name(name: str) -> str:
    """A resource name as compared: case, accents width and punctuation ignored."""
    text = unicodedata.normalize("NFKD", name).casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def compact_name(name: str) -> str:
    """A resource name with its spaces dropped too: "tik tok", "TikTok" and "Tik-Tok!" are "tiktok"."""
    return normalise_name(name).replace(" ", "")


def normalise_link(link: str) -> str:
    """A link as compared: host without "www.", path without trailing slash; scheme, query and
    fragment ignored. "" when there is no usable link, or only "localhost" (a different machine at each
    desk). A key is a fixed point: normalise_link(key) == key."""
    if not link or link_problem(normalise_link_input(link)):
        return ""
    parts = urlsplit(normalise_link_input(link))
    host = (parts.hostname or "").encode("idna").decode("ascii").lower().rstrip(".")
    while host.startswith("www.") and "." in host[4:]:  # "www.org" keeps its name; "www.www.x.org" is x.org
        host = host[4:]
    if "." not in host:
        return ""
    path = parts.path.rstrip("/")
    return host + path


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def email_problem(email: str) -> str | None:
    if not email.strip():
        return "Enter an email address."
    if too_long("email", email):
        return "This email address is too long."
    if not _EMAIL.match(email.strip()):
        return "This does not look like an email address (name@example.org)."
    return None


def password_problem(password: str) -> str | None:
    if len(password) < 10:
        return "Use at least 10 characters."
    if len(password) > 200:
        return "Use at most 200 characters."
    return None
