"""The contract registry: contractors, contracts with their provisions and signed documents, and which
approved resource each contract covers. Reviewers keep it; everyone signed in may read it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from ..db.models import CatalogResource, Contract, ContractDocument, Contractor, ContractProvision
from ..domain.contract_form import (
    ContractForm,
    ContractorForm,
    validate_contract,
    validate_contractor,
)
from ..domain.contracts import ComplianceStatus, Coverage, Provision, contract_status, format_day
from ..domain.enums import InfoCategory
from ..domain.validation import normalise_name
from . import audit, documents
from .access import REVIEWERS, acting
from .compliance_context import compliance_context, contract_terms
from .errors import Conflict, Invalid, NotFound

if TYPE_CHECKING:
    from ..domain.clauses import ContractCheck  # its rules compile when a contract is first checked


@dataclass(frozen=True)
class ContractorView:
    id: int
    name: str
    kind: str
    contact_name: str
    contact_email: str
    contact_phone: str
    website: str
    contract_count: int
    version: int

    def form(self) -> ContractorForm:
        return ContractorForm(self.name, self.kind, self.contact_name, self.contact_email, self.contact_phone,
                              self.website)


@dataclass(frozen=True)
class ContractView:
    id: int
    contractor_id: int
    contractor_name: str
    title: str
    form: ContractForm
    document_name: str | None
    document_sha256: str | None
    document_size: int | None
    status: ComplianceStatus
    resources: tuple[tuple[int, str], ...]  # (catalog id, name) of the resources it covers
    version: int

    @property
    def label(self) -> str:
        """How the contract is named in lists: contractor, title, date executed."""
        title = f" \u2014 {self.title}" if self.title else ""
        return f"{self.contractor_name}{title} (executed {format_day(self.form.executed_on)})"


def _categories(text: str) -> list[InfoCategory]:
    return [InfoCategory(v) for v in text.split(",") if v]


def _form_of(c: Contract) -> ContractForm:
    return ContractForm(
        contractor_id=c.contractor_id, title=c.title, purpose=c.purpose, description=c.description,
        information_allowed=_categories(c.information_allowed), information_details=c.information_details,
        executed_on=c.executed_on, starts_on=c.starts_on, expires_on=c.expires_on,
        uses_state_addendum=c.uses_state_addendum,
        provisions={Provision(p.provision): p.clause for p in c.provisions},
        evidence={Provision(p.provision): (p.evidence_quote, p.evidence_page) for p in c.provisions
                  if p.evidence_quote},
        amend_notice_sent_on=c.amend_notice_sent_on, amended_on=c.amended_on, notice_posted_on=c.notice_posted_on,
        deletion_confirmed_on=c.deletion_confirmed_on,
    )


def _flat(form: ContractForm) -> dict:
    """The form as audit values: JSON-friendly and comparable."""
    return {
        "contractor": form.contractor_id, "title": form.title, "purpose": form.purpose,
        "description": form.description,
        "information_allowed": ", ".join(c.label for c in form.information_allowed),
        "information_details": form.information_details,
        **{k: (getattr(form, k).isoformat() if getattr(form, k) else None)
           for k in ("executed_on", "starts_on", "expires_on", "amend_notice_sent_on", "amended_on",
                     "notice_posted_on", "deletion_confirmed_on")},
        "uses_state_addendum": form.uses_state_addendum,
        "provisions": ", ".join(f"{p.value} ({c})" if c else p.value for p, c in form.provisions.items()),
        **{f"evidence {p.value}": evidence_label(quote, page) for p, (quote, page) in form.evidence.items()},
    }


def evidence_label(quote: str, page: int | None) -> str:
    """How accepted evidence reads in the history: "p. 3: “The laws of …”"."""
    where = f"p. {page}: " if page else ""
    return f"{where}\u201c{quote}\u201d"


def _view(c: Contract, on: date, calendar, amend_days: int, document_size: int | None = None) -> ContractView:
    return ContractView(
        c.id, c.contractor_id, c.contractor.name, c.title, _form_of(c), c.document_name, c.document_sha256,
        document_size,
        contract_status(contract_terms(c), on, calendar, amend_days),
        tuple((r.id, r.name) for r in sorted(c.resources, key=lambda r: r.normalised_name)), c.version,
    )


def _stale(what: str) -> Conflict:
    return Conflict(f"Someone else changed this {what} while you were editing it. Nothing was overwritten; "
                    "reopen it to see their changes.")


# --- contractors ---------------------------------------------------------------------------------


def _contractor_view(c: Contractor, contracts: int | None = None) -> ContractorView:
    """`contracts`: how many the contractor has, when counted already (else read through the relation)."""
    return ContractorView(c.id, c.name, c.kind, c.contact_name, c.contact_email, c.contact_phone, c.website,
                          len(c.contracts) if contracts is None else contracts, c.version)


def list_contractors(session: Session, actor_id: int) -> list[ContractorView]:
    """Reviewers only: the list carries the vendors' contact people."""
    acting(session, actor_id, *REVIEWERS)
    counts = dict(session.execute(select(Contract.contractor_id, func.count()).group_by(Contract.contractor_id)).all())
    return [_contractor_view(c, counts.get(c.id, 0))
            for c in session.scalars(select(Contractor).order_by(Contractor.normalised_name))]


def save_contractor(
    session: Session, actor_id: int, contractor_id: int | None, form: ContractorForm,
    expected_version: int | None = None,
) -> ContractorView:
    actor = acting(session, actor_id, *REVIEWERS)
    form = form.cleaned()
    errors = validate_contractor(form)
    key = normalise_name(form.name)
    clash = session.scalar(select(Contractor).where(Contractor.normalised_name == key))
    if clash is not None and clash.id != contractor_id and "name" not in errors:
        errors["name"] = f"{clash.name} is already in the registry."
    if errors:
        raise Invalid(errors)
    values = {"name": form.name, "kind": form.kind, "contact_name": form.contact_name,
              "contact_email": form.contact_email, "contact_phone": form.contact_phone, "website": form.website}
    if contractor_id is None:
        c = Contractor(normalised_name=key, **values)
        session.add(c)
        session.flush()
        audit.record(session, actor.id, "contractor", c.id, "contractor added", audit.diff({}, values))
        return _contractor_view(c)
    c = session.get(Contractor, contractor_id)
    if c is None:
        raise NotFound("This contractor is no longer in the registry.")
    if expected_version is not None and c.version != expected_version:
        raise _stale("contractor")
    old = {k: getattr(c, k) for k in values}
    for k, v in values.items():
        setattr(c, k, v)
    c.normalised_name = key
    if changes := audit.diff(old, values):
        audit.record(session, actor.id, "contractor", c.id, "contractor changed", changes)
    try:
        session.flush()
    except StaleDataError:
        raise _stale("contractor") from None
    return _contractor_view(c)


# --- contracts -----------------------------------------------------------------------------------


def list_contracts(session: Session, actor_id: int, on: date | None = None) -> list[ContractView]:
    acting(session, actor_id)
    ctx = compliance_context(session, on)
    query = (select(Contract).join(Contract.contractor)
             .order_by(Contractor.normalised_name, Contract.executed_on, Contract.id)
             .options(selectinload(Contract.resources), selectinload(Contract.provisions)))
    return [_view(c, ctx.on, ctx.calendar, ctx.amend_days) for c in session.scalars(query).unique()]


def get_contract(session: Session, actor_id: int, contract_id: int, on: date | None = None) -> ContractView:
    acting(session, actor_id)
    c = session.get(Contract, contract_id)
    if c is None:
        raise NotFound(f"There is no contract {contract_id}.")
    ctx = compliance_context(session, on)
    size = None
    if c.document_sha256:
        size = session.scalar(select(ContractDocument.size).where(ContractDocument.sha256 == c.document_sha256))
    return _view(c, ctx.on, ctx.calendar, ctx.amend_days, size)


def save_contract(
    session: Session, actor_id: int, contract_id: int | None, form: ContractForm,
    expected_version: int | None = None, today: date | None = None,
) -> ContractView:
    """Add or change a contract. The checklist replaces the stored provisions; the audit trail keeps
    every change with old and new values."""
    actor = acting(session, actor_id, *REVIEWERS)
    ctx = compliance_context(session, today)
    form = form.cleaned()
    errors = validate_contract(form, ctx.on)
    if form.contractor_id is not None and session.get(Contractor, form.contractor_id) is None:
        errors["contractor_id"] = "This contractor is no longer in the registry."
    if errors:
        raise Invalid(errors)
    now = audit.now()
    if contract_id is None:
        c = Contract(created_at=now, provisions=[])
        session.add(c)
        old = {}
    else:
        c = session.get(Contract, contract_id)
        if c is None:
            raise NotFound(f"There is no contract {contract_id}.")
        if expected_version is not None and c.version != expected_version:
            raise _stale("contract")
        old = _flat(_form_of(c))
    c.contractor_id = form.contractor_id
    c.title, c.purpose, c.description = form.title, form.purpose, form.description
    c.information_allowed = ",".join(x.value for x in form.information_allowed)
    c.information_details = form.information_details
    c.executed_on, c.starts_on, c.expires_on = form.executed_on, form.starts_on, form.expires_on
    c.uses_state_addendum = form.uses_state_addendum
    c.amend_notice_sent_on, c.amended_on = form.amend_notice_sent_on, form.amended_on
    c.notice_posted_on, c.deletion_confirmed_on = form.notice_posted_on, form.deletion_confirmed_on
    current = {p.provision: p for p in c.provisions}
    keep = []
    for position, p in enumerate(Provision, start=1):
        if p not in form.provisions:
            continue
        row = current.get(p.value) or ContractProvision(provision=p.value, position=position)
        row.clause = form.provisions[p]
        row.evidence_quote, row.evidence_page = form.evidence.get(p, ("", None))
        keep.append(row)
    c.provisions = keep
    c.updated_at = now
    try:
        session.flush()
    except StaleDataError:
        raise _stale("contract") from None
    new = _flat(form)
    if contract_id is None:
        audit.record(session, actor.id, "contract", c.id, "contract added", audit.diff({}, new))
    elif changes := audit.diff(old, new):
        audit.record(session, actor.id, "contract", c.id, "contract changed", changes)
    session.refresh(c)
    return _view(c, ctx.on, ctx.calendar, ctx.amend_days)


def record_notice_posted(
    session: Session, actor_id: int, contract_ids: list[int], on: date, today: date | None = None
) -> list[int]:
    """Record the website notice of these contracts as posted on `on` (the export does this when asked).
    Contracts already posted keep their date. Returns the ids that changed."""
    actor = acting(session, actor_id, *REVIEWERS)
    if on > (today or date.today()):
        raise Invalid({"notice_posted_on": "This date is in the future; record it when it has happened."})
    changed = []
    for c in session.scalars(select(Contract).where(Contract.id.in_(contract_ids)).order_by(Contract.id)):
        if c.notice_posted_on is None and c.executed_on <= on:
            c.notice_posted_on = on
            c.updated_at = audit.now()
            audit.record(session, actor.id, "contract", c.id, "website notice posted",
                         {"notice_posted_on": [None, on.isoformat()]})
            changed.append(c.id)
    session.flush()
    return changed


def attach_document(session: Session, actor_id: int, contract_id: int, filename: str, content: bytes) -> str:
    """Keep the signed contract in the database, addressed by its SHA-256 (returned)."""
    actor = acting(session, actor_id, *REVIEWERS)
    c = session.get(Contract, contract_id)
    if c is None:
        raise NotFound(f"There is no contract {contract_id}.")
    name = documents.accept(filename, content, "contract")  # size and kind checked before anything changes
    digest = documents.store(session, content)
    old = [c.document_name, c.document_sha256]
    c.document_sha256, c.document_name = digest, name
    c.updated_at = audit.now()
    session.flush()
    audit.record(session, actor.id, "contract", c.id, "document attached",
                 {"document": [f"{old[0]} ({old[1]})" if old[1] else None, f"{name} ({digest})"]})
    return digest


def check_document(session: Session, actor_id: int, contract_id: int) -> ContractCheck:
    """The clause check of the contract's signed document: suggestions for each provision, with quotes.
    Nothing is ticked or stored; Invalid (field "document") when its text cannot be read."""
    from . import contract_text

    name, content = document_content(session, actor_id, contract_id)
    try:
        return contract_text.check_document(name, content)
    except contract_text.TextProblem as exc:
        raise Invalid({"document": exc.message}) from None


@dataclass(frozen=True)
class Gap:
    provision: Provision
    law: str  # the policy's words for the provision
    law_source: str  # where they come from
    finding: str  # "Not found", "Conflict", or why the document was not read
    why: str
    found_instead: tuple[tuple[str, int | None], ...]  # (quote, page): what the contract says instead


@dataclass(frozen=True)
class GapReport:
    """What a notice to amend attaches: each provision the contract lacks, the law's words, and what the
    signed document says instead (from the clause check)."""

    contract_label: str
    contractor_name: str
    document_name: str | None
    prepared_on: date
    amend_days: int
    gaps: tuple[Gap, ...]
    check_note: str  # how the document was read, or why it was not


def gap_report(session: Session, actor_id: int, contract_id: int, missing: list[Provision] | None = None,
               on: date | None = None) -> GapReport:
    """The gap report of a contract: `missing` (default: the provisions not ticked on the record), each
    with the law's words and, when a signed document is attached and readable, what it says instead."""
    view = get_contract(session, actor_id, contract_id, on)
    ctx = compliance_context(session, on)
    if missing is None:
        missing = [] if view.form.uses_state_addendum else [p for p in Provision if p not in view.form.provisions]
    check, note = None, "No signed document is attached: the findings below come from the record alone."
    if view.document_sha256:
        try:
            check = check_document(session, actor_id, contract_id)
            note = f"Read from the signed document {view.document_name} by the clause check; reviewed by the district."
        except Invalid as exc:
            note = exc.errors["document"]
    return GapReport(view.label, view.contractor_name, view.document_name, ctx.on, ctx.amend_days,
                     gaps_of(check, missing), note)


def gaps_of(check: ContractCheck | None, missing: list[Provision]) -> tuple[Gap, ...]:
    """Each provision in `missing`, with the policy's words and what the clause check found instead
    (None: no document was read)."""
    from ..domain.clauses import Finding
    from ..domain.policy_help import help_for

    gaps = []
    for p in Provision:
        if p not in missing:
            continue
        passage = help_for(p.value)[0]
        if check is None:
            finding, why, instead = "Not recorded", "The provision is not ticked on the district's record.", ()
        else:
            r = check.result(p)
            finding = "Conflict" if r.finding is Finding.CONFLICT else "Not found"
            instead = tuple((q.text, q.page) for q in r.quotes)
            if r.finding is Finding.FOUND:
                why = ("The clause check suggested a sentence, but the district did not accept it as containing "
                       "the provision.")
            elif r.finding is Finding.CONFLICT:
                why = f"The document {r.why}."
            else:
                why = r.why[0].upper() + r.why[1:] + "."
        gaps.append(Gap(p, passage.excerpt, passage.source, finding, why, instead))
    return tuple(gaps)


def contract_history(session: Session, actor_id: int, contract_id: int) -> list[audit.HistoryEntry]:
    """Every recorded change to the contract, oldest first, with the evidence accepted for its provisions."""
    acting(session, actor_id)
    if session.get(Contract, contract_id) is None:
        raise NotFound(f"There is no contract {contract_id}.")
    return audit.history(session, "contract", contract_id)


def document_content(session: Session, actor_id: int, contract_id: int) -> tuple[str, bytes]:
    """The signed document's file name and bytes, checked against its SHA-256 before use."""
    acting(session, actor_id)
    c = session.get(Contract, contract_id)
    if c is None or not c.document_sha256:
        raise NotFound("No signed document is attached to this contract.")
    return c.document_name or "contract", documents.load(session, c.document_sha256)


# --- coverage of approved resources ----------------------------------------------------------------


def link_resource(
    session: Session, actor_id: int, resource_id: int, coverage: Coverage | str, contract_id: int | None = None,
    note: str = "", expected_version: int | None = None,
) -> None:
    """Say what makes the use of an approved resource lawful: its contract, no contract needed (with
    the reason), an IEP/504 exception (case reference, never a child's name), or nothing yet."""
    actor = acting(session, actor_id, *REVIEWERS)
    try:
        coverage = Coverage(coverage)
    except ValueError:
        raise Invalid({"coverage": "Choose how the resource is covered."}) from None
    r = session.get(CatalogResource, resource_id)
    if r is None:
        raise NotFound("This resource is no longer in the catalog.")
    if expected_version is not None and r.version != expected_version:
        raise _stale("resource")
    note = note.strip()
    errors = {}
    if coverage is Coverage.CONTRACT:
        if contract_id is None or session.get(Contract, contract_id) is None:
            errors["contract"] = "Choose the contract that covers this resource."
        note = ""
    else:
        contract_id = None
    if coverage is Coverage.NOT_REQUIRED and not note:
        errors["note"] = ("Say why no contract is needed, e.g. a site for the general public that collects no "
                          "student data.")
    if coverage is Coverage.IEP_504_EXCEPTION and not note:
        errors["note"] = "Give the exception's case reference (not the student's name)."
    if coverage is Coverage.NONE:
        note = ""
    if len(note) > 2_000:
        errors["note"] = "Use at most 2,000 characters."
    if errors:
        raise Invalid(errors)
    old = {"coverage": r.coverage, "contract": r.contract_id, "note": r.coverage_note}
    r.coverage, r.contract_id, r.coverage_note = coverage.value, contract_id, note
    new = {"coverage": r.coverage, "contract": r.contract_id, "note": r.coverage_note}
    try:
        session.flush()
    except StaleDataError:
        raise _stale("resource") from None
    if changes := audit.diff(old, new):
        audit.record(session, actor.id, "catalog", r.id, "coverage changed", changes)


def contract_choices(session: Session, actor_id: int) -> list[tuple[int, str]]:
    """(id, label) of every contract, for a picker."""
    return [(v.id, v.label) for v in list_contracts(session, actor_id)]
