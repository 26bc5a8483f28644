"""The decision sheet for the PDF: the request, its decision and the district's settings as plain data;
and the decision sheets of many requests saved into a folder, one PDF each."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..db.database import Database
from ..db.models import Request
from ..domain.district_time import LOCAL
from ..domain.enums import Decision, Permission, RequestStatus
from ..domain.sheet import DecisionSheet
from . import settings
from .access import REVIEWERS, acting
from .errors import NotFound
from .requests import check_visible, form_of, load_request

# Connecticut: dates on the form are the district's local dates, not UTC.
DECIDED = (RequestStatus.APPROVED.value, RequestStatus.NOT_APPROVED.value)
SHEETS_PER_TRANSACTION = 50  # a short read each time: on SQLite a transaction holds the write lock


def decision_sheet(session: Session, actor_id: int, request_id: int) -> DecisionSheet:
    actor = acting(session, actor_id)
    r = load_request(session, request_id)
    check_visible(actor, r)  # their own request; reviewers any but others' drafts (as get_request)
    return _sheet(settings.read(session), r)


def _decision_sheets(session: Session, actor_id: int, request_ids: list[int]) -> list[DecisionSheet]:
    """The sheets of many requests in four statements, whatever their number; reviewers and administrators."""
    actor = acting(session, actor_id, *REVIEWERS)
    rows = {r.id: r for r in session.scalars(
        select(Request).where(Request.id.in_(request_ids)).options(selectinload(Request.decided_by)))}
    district = settings.read(session)
    sheets = []
    for request_id in request_ids:
        r = rows.get(request_id)
        if r is None:
            raise NotFound(f"Request {request_id} does not exist.")
        check_visible(actor, r)
        sheets.append(_sheet(district, r))
    return sheets


def _sheet(district: dict[str, str], r: Request) -> DecisionSheet:
    form = form_of(r)
    return DecisionSheet(
        district_name=district["district_name"], town=district["town"],
        approver_title=district["approver_title"], reference=f"Request {r.id}", status=RequestStatus(r.status),
        requester_name=r.requester.name, requester_position=r.requester.position,
        request_date=r.submitted_at.astimezone(LOCAL).date() if r.submitted_at else None,
        grades=tuple(form.grades), not_used_by_students=form.not_used_by_students,
        resource_name=form.resource_name, resource_description=form.resource_description,
        resource_link=form.resource_link, planned_use=form.planned_use,
        information_shared=tuple(form.information_shared), information_details=form.information_details,
        who_has_access=form.who_has_access, student_accounts=form.student_accounts,
        download_required=form.download_required,
        app_requires_parental_permission=form.app_requires_parental_permission,
        decision=Decision(r.decision) if r.decision else None,
        permission=Permission(r.permission) if r.permission else None, reason=r.reason or "",
        decided_by=r.decided_by.name if r.decided_by else "",
        decided_on=r.decided_at.astimezone(LOCAL).date() if r.decided_at else None,
        **_renewal(r),
    )


def _renewal(r: Request) -> dict:
    """What the sheet says of the approval a renewal renews (services/renewals.py keeps it in renewal_basis)."""
    if r.renewal_of_id is None:
        return {}
    basis = r.renewal_basis or {}
    renewed_on = basis.get("decided_on")
    return {"renewal": True, "renews_approval_on": date.fromisoformat(renewed_on) if renewed_on else None,
            "renews_request": f"Request {basis['request_id']}" if basis.get("request_id") else ""}


def decided_between(session: Session, actor_id: int, first: date, last: date) -> list[int]:
    """The requests decided (approved or not approved) from `first` to `last`, both included, by the
    district's local date as the form prints it; oldest request first. Reviewers and administrators."""
    acting(session, actor_id, *REVIEWERS)
    start = datetime.combine(first, time(), LOCAL).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time(), LOCAL).astimezone(UTC)
    return list(session.scalars(
        select(Request.id).where(Request.status.in_(DECIDED), Request.decided_at >= start, Request.decided_at < end)
        .order_by(Request.id)
    ))


def school_year_dates(start_year: int) -> tuple[date, date]:
    """A school year as dates: July 1 to June 30 (domain.deadlines.school_year_of)."""
    return date(start_year, 7, 1), date(start_year + 1, 6, 30)


@dataclass(frozen=True)
class SavedSheets:
    folder: Path
    files: tuple[Path, ...]  # the PDFs written, in request order
    total: int  # how many were asked for
    cancelled: bool  # stopped before the last one; the files written are whole


def sheet_file_name(request_id: int, width: int = 5) -> str:
    """decision-00123.pdf: zero-padded, so that a folder lists the sheets in request order."""
    return f"decision-{request_id:0{width}d}.pdf"


def save_decision_sheets(
    db: Database, actor_id: int, request_ids: Iterable[int], folder: Path, *,
    progress: Callable[[int, int], None] | None = None, cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
) -> SavedSheets:
    """Save the decision sheet of each request as folder/decision-NNNNN.pdf (replacing a file of that name).
    Reviewers and administrators. The sheets are read a few at a time, each time in a short transaction of
    its own, so others can keep working; `progress(done, total)` is called after each file, starting with
    (0, total); when `cancelled()` turns true the batch stops before the next file. Every file is written
    whole under a temporary name, then renamed: a stopped or failed batch leaves whole PDFs only.
    `workers`: processes to render with (default: worker_count, one per core for a large batch)."""
    from ..pdf.batch import render_decisions, worker_count  # reportlab loads only when used

    ids = list(dict.fromkeys(request_ids))
    with db.transaction() as session:
        acting(session, actor_id, *REVIEWERS)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    width = max(5, len(str(max(ids, default=0))))
    total, written = len(ids), []
    stop = cancelled or (lambda: False)
    if progress:
        progress(0, total)
    rendered = render_decisions(_sheets(db, actor_id, ids, stop), worker_count(total) if workers is None else workers)
    try:
        for request_id, pdf in rendered:
            if stop():
                break
            path = folder / sheet_file_name(request_id, width)
            write_whole(path, pdf)
            written.append(path)
            if progress:
                progress(len(written), total)
    finally:
        rendered.close()  # stops the worker processes, whatever happened
    return SavedSheets(folder, tuple(written), total, len(written) < total)


def _sheets(
    db: Database, actor_id: int, ids: list[int], stop: Callable[[], bool]
) -> Iterator[tuple[int, DecisionSheet]]:
    for i in range(0, len(ids), SHEETS_PER_TRANSACTION):
        if stop():
            return
        chunk = ids[i:i + SHEETS_PER_TRANSACTION]
        with db.transaction() as session:
            sheets = _decision_sheets(session, actor_id, chunk)
        yield from zip(chunk, sheets, strict=True)


def write_whole(path: Path, data: bytes) -> None:
    """Write under a temporary name in the same folder, then rename: the file is never seen half-written,
    and a failure leaves any earlier file of that name as it was. Created with the usual permissions (the
    umask's), as os.open applies it: no os.umask() call, which would race with other threads."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
