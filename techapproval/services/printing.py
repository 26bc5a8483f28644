"""The decision sheet for the PDF: the request, its decision and the district's settings as plain data."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from ..domain.sheet import DecisionSheet
from . import settings
from .requests import get_request

# Connecticut: dates on the form are the district's local dates, not UTC.
LOCAL = ZoneInfo("America/New_York")


def decision_sheet(session: Session, actor_id: int, request_id: int) -> DecisionSheet:
    detail = get_request(session, actor_id, request_id)  # checks who may see it
    district = settings.read(session)
    form = detail.form
    return DecisionSheet(
        district_name=district["district_name"], town=district["town"],
        approver_title=district["approver_title"], reference=f"Request {detail.id}", status=detail.status,
        requester_name=detail.requester_name, requester_position=detail.requester_position,
        request_date=detail.submitted_at.astimezone(LOCAL).date() if detail.submitted_at else None,
        grades=tuple(form.grades), not_used_by_students=form.not_used_by_students,
        resource_name=form.resource_name, resource_description=form.resource_description,
        resource_link=form.resource_link, planned_use=form.planned_use,
        information_shared=tuple(form.information_shared), information_details=form.information_details,
        who_has_access=form.who_has_access, student_accounts=form.student_accounts,
        download_required=form.download_required,
        app_requires_parental_permission=form.app_requires_parental_permission,
        decision=detail.decision, permission=detail.permission, reason=detail.reason,
        decided_by=detail.decided_by,
        decided_on=detail.decided_at.astimezone(LOCAL).date() if detail.decided_at else None,
    )
