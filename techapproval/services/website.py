"""What the district's public contracts website shows (C.G.S. 10-234bb(d), (e)): every contract with
its date executed, description, purpose and the student data it allows, plus the approved-resources
list for parents. Read-only; anyone signed in may read it. Nothing internal (compliance status,
contractor staff's names, emails or phones) is in it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import CatalogResource, Contractor
from ..domain.district_time import local_day
from ..domain.enums import Grade, InfoCategory, Permission
from ..domain.validation import normalise_link_input, normalise_name
from . import audit
from .access import REVIEWERS, acting
from .contracts import list_contracts
from .errors import NotAllowed
from .settings import read as read_settings


@dataclass(frozen=True)
class PublicContract:
    id: int
    contractor: str
    contractor_website: str
    title: str
    executed: date
    starts: date | None
    expires: date | None
    description: str
    purpose: str
    information: tuple[InfoCategory, ...]
    information_details: str
    document_name: str | None  # the signed document's file name, when one is attached
    document_sha256: str | None


@dataclass(frozen=True)
class PublicResource:
    name: str
    link: str
    description: str
    grades: tuple[Grade, ...]
    not_used_by_students: bool
    permission: Permission


@dataclass(frozen=True)
class WebsiteData:
    district_name: str
    town: str
    address: str  # the "contracts_website" setting: where the site is published ("" when not set)
    contracts: tuple[PublicContract, ...]  # by contractor name, date executed, id
    resources: tuple[PublicResource, ...]  # by name
    # The district's day the data was read: the pages say they were last updated that day, and mark a contract
    # whose last day in effect was before it as expired.
    as_of: date


def website_data(session: Session, actor_id: int) -> WebsiteData:
    """Everything the public site shows, except the documents' bytes: read those one at a time with
    services.contracts.document_content(session, actor_id, contract_id)."""
    acting(session, actor_id)
    settings = read_settings(session)
    # Only the contractor's public website; its contact people stay out of the published data.
    websites = {row.id: row.website for row in session.execute(select(Contractor.id, Contractor.website))}
    contracts = sorted(
        (
            PublicContract(
                v.id, v.contractor_name, websites.get(v.contractor_id, ""), v.title, v.form.executed_on,
                v.form.starts_on, v.form.expires_on, v.form.description, v.form.purpose,
                tuple(v.form.information_allowed), v.form.information_details, v.document_name, v.document_sha256,
            )
            for v in list_contracts(session, actor_id)
        ),
        key=lambda c: (normalise_name(c.contractor), c.contractor, c.executed, c.id),
    )
    # Only the listed columns: the site shows no compliance status, so none is computed.
    listed = session.execute(select(CatalogResource.name, CatalogResource.link, CatalogResource.description,
                                    CatalogResource.grades, CatalogResource.not_used_by_students,
                                    CatalogResource.permission)
                           .where(CatalogResource.approval_ended_at.is_(None))  # a renewal not approved: no longer
                           .order_by(CatalogResource.id))
    resources = sorted(
        (
            PublicResource(r.name, r.link, r.description, tuple(Grade(g) for g in r.grades.split(",") if g),
                           r.not_used_by_students, Permission(r.permission))
            for r in listed
        ),
        key=lambda r: (normalise_name(r.name), r.name, r.link),
    )
    return WebsiteData(settings.get("district_name", "").strip(), settings.get("town", "").strip(),
                       normalise_link_input(settings.get("contracts_website", "")), tuple(contracts), tuple(resources),
                       local_day(audit.now()))


def check_may_record_posted(session: Session, actor_id: int) -> None:
    """Recording the website notices as posted changes the registry: reviewers and administrators only.
    Asked before anything is written, so a refusal leaves the site folder untouched."""
    try:
        acting(session, actor_id, *REVIEWERS)
    except NotAllowed:
        person = acting(session, actor_id)  # an inactive account keeps its own message
        raise NotAllowed(f"{person.name} may not record website notices as posted: only a reviewer or an "
                         "administrator can. Nothing was written.") from None


@dataclass(frozen=True)
class SiteExport:
    data: WebsiteData
    result: object  # website.export.ExportResult: the files written, changed and removed


def export_site(db, actor_id: int, outdir, *, progress=None, cancelled=None) -> SiteExport:
    """Write the contracts website to `outdir`: File → Export contracts website and `export-website` alike.

    Short transactions of its own: the data in one, then each document in one, so other desks' work never
    waits for the files being written (on SQLite a transaction holds the write lock). A document changed in
    between fails its checksum, and then the pages are not written (website.export.ExportProblem)."""
    from ..website.export import export_website  # the page templates load only when a site is written
    from .contracts import document_content

    with db.transaction() as session:
        data = website_data(session, actor_id)

    def document(contract_id: int) -> tuple[str, bytes]:
        with db.transaction() as session:
            return document_content(session, actor_id, contract_id)

    return SiteExport(data, export_website(data, outdir, document, progress=progress, cancelled=cancelled))
