"""What the coordinator types about contractors and contracts, and the checks on it. Like the request
form's validators these return field name → message; empty means valid."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date

from .contracts import Provision
from .enums import InfoCategory
from .validation import clean_text, email_problem, link_problem, normalise_link_input

CONTRACT_LIMITS = {
    "name": 200,
    "contact_name": 200,
    "contact_email": 254,
    "contact_phone": 50,
    "website": 2_000,
    "title": 200,
    "purpose": 5_000,
    "description": 5_000,
    "information_details": 5_000,
    "clause": 200,
    "evidence": 2_000,
    "note": 2_000,
}
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024  # a scanned contract of a few hundred pages


class ContractorKind:
    OPERATOR = "operator"
    CONSULTANT = "consultant"
    LABELS = {"operator": "Operator (website, online service or app)", "consultant": "Consultant"}


def _clean(value):
    return clean_text(value) if isinstance(value, str) else value


def _too_long(name: str, value: str) -> str | None:
    limit = CONTRACT_LIMITS[name]
    if len(value) > limit:
        return f"This is {len(value):,} characters long; the limit is {limit:,}. Shorten it (nothing was saved)."
    return None


@dataclass
class ContractorForm:
    name: str = ""
    kind: str = ContractorKind.OPERATOR
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    website: str = ""

    def cleaned(self) -> ContractorForm:
        values = {f.name: _clean(getattr(self, f.name)) for f in fields(self)}
        if values["website"]:
            values["website"] = normalise_link_input(values["website"])
        return ContractorForm(**values)


def validate_contractor(form: ContractorForm) -> dict[str, str]:
    errors = {n: m for n in ("name", "contact_name", "contact_email", "contact_phone", "website")
              if (m := _too_long(n, getattr(form, n)))}
    if not form.name and "name" not in errors:
        errors["name"] = "Give the contractor's name."
    if form.kind not in ContractorKind.LABELS:
        errors["kind"] = "Choose operator or consultant."
    if form.contact_email and "contact_email" not in errors and (m := email_problem(form.contact_email)):
        errors["contact_email"] = m
    if form.website and "website" not in errors and (m := link_problem(form.website)):
        errors["website"] = m
    return errors


@dataclass
class ContractForm:
    contractor_id: int | None = None
    title: str = ""
    purpose: str = ""
    description: str = ""
    information_allowed: list[InfoCategory] = field(default_factory=list)
    information_details: str = ""
    executed_on: date | None = None
    starts_on: date | None = None
    expires_on: date | None = None
    uses_state_addendum: bool = False
    # The provisions the contract contains, each with where it says so ("" when not noted).
    provisions: dict[Provision, str] = field(default_factory=dict)
    # For a ticked provision, the sentence the coordinator accepted from the clause check and its page.
    evidence: dict[Provision, tuple[str, int | None]] = field(default_factory=dict)
    amend_notice_sent_on: date | None = None
    amended_on: date | None = None
    notice_posted_on: date | None = None
    deletion_confirmed_on: date | None = None

    def cleaned(self) -> ContractForm:
        values = {f.name: _clean(getattr(self, f.name)) for f in fields(self)}
        values["information_allowed"] = [c for c in InfoCategory if c in set(self.information_allowed)]
        # As ticked, even with the state addendum (which supplies all eleven by itself): unticking the
        # addendum later must not leave provisions recorded that nobody checked.
        values["provisions"] = {p: _clean(self.provisions[p]) for p in Provision if p in self.provisions}
        # Evidence goes with its tick: unticking a provision lets go of the sentence accepted for it.
        values["evidence"] = {p: (_clean(quote), page) for p in Provision if p in self.evidence
                              and p in self.provisions for quote, page in [self.evidence[p]] if quote.strip()}
        return ContractForm(**values)


def validate_contract(form: ContractForm, today: date) -> dict[str, str]:
    errors = {n: m for n in ("title", "purpose", "description", "information_details")
              if (m := _too_long(n, getattr(form, n)))}
    if form.contractor_id is None:
        errors["contractor_id"] = "Choose the contractor."
    if form.executed_on is None:
        errors["executed_on"] = "Enter the date the contract was executed (signed by both parties)."
    elif form.executed_on > today:
        errors["executed_on"] = "A contract cannot be executed in the future; record it once it is signed."
    if not form.purpose and "purpose" not in errors:
        errors["purpose"] = "State the purpose: the website notice must give it."
    if not form.description and "description" not in errors:
        errors["description"] = "Give a brief description: the website notice must give it."
    if not form.information_allowed:
        errors["information_allowed"] = 'Tick the student information the contract allows, or "None".'
    elif InfoCategory.NONE in form.information_allowed and len(form.information_allowed) > 1:
        errors["information_allowed"] = '"None" cannot be combined with other kinds of information.'
    if form.expires_on and form.starts_on and form.expires_on < form.starts_on:
        errors["expires_on"] = "The contract cannot expire before it starts."
    elif form.expires_on and form.executed_on and form.expires_on < form.executed_on:
        errors["expires_on"] = "The contract cannot expire before it was executed."
    for p, clause in form.provisions.items():
        if _too_long("clause", clause):
            errors["provisions"] = f"The clause reference for {p.value} is too long (at most 200 characters)."
    for p, (quote, page) in form.evidence.items():
        if len(quote) > CONTRACT_LIMITS["evidence"]:
            errors["provisions"] = (f"The quote accepted for {p.value} is {len(quote):,} characters long; the limit "
                                    f"is {CONTRACT_LIMITS['evidence']:,}.")
        elif page is not None and page < 1:
            errors["provisions"] = f"The page of the quote accepted for {p.value} must be 1 or more."
    missing = [] if form.uses_state_addendum else [p for p in Provision if p not in form.provisions]
    if form.amended_on and not form.amend_notice_sent_on:
        errors["amended_on"] = "Record the notice to amend first."
    elif form.amended_on and missing:
        errors["amended_on"] = (f"Tick the provisions the amendment added; still missing: "
                                f"{', '.join(p.value for p in missing)}.")
    elif form.amended_on and form.amend_notice_sent_on and form.amended_on < form.amend_notice_sent_on:
        errors["amended_on"] = "The amendment cannot come before the notice to amend."
    if form.amend_notice_sent_on and form.executed_on and form.amend_notice_sent_on < form.executed_on:
        errors["amend_notice_sent_on"] = "The notice to amend cannot come before the contract was executed."
    if form.notice_posted_on and form.executed_on and form.notice_posted_on < form.executed_on:
        errors["notice_posted_on"] = "The website notice cannot be posted before the contract was executed."
    if form.deletion_confirmed_on and not form.expires_on:
        errors["deletion_confirmed_on"] = "Enter the expiry date first: deletion is confirmed after expiry."
    for name in ("amend_notice_sent_on", "amended_on", "notice_posted_on", "deletion_confirmed_on"):
        value = getattr(form, name)
        if value and value > today and name not in errors:
            errors[name] = "This date is in the future; record it when it has happened."
    return errors
