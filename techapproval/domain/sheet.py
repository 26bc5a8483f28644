"""The printed decision as plain data: what the PDF renderer needs and nothing else.

Services build a DecisionSheet from the database; ``techapproval.pdf`` turns it into bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .enums import Answer, Decision, Grade, InfoCategory, Permission, RequestStatus


@dataclass(frozen=True)
class DecisionSheet:
    # district settings: "<DISTRICT> PUBLIC SCHOOLS, <Town>, Connecticut"
    district_name: str
    town: str
    approver_title: str  # e.g. "Technology Coordinator/Principal"

    reference: str  # e.g. "Request 12"
    status: RequestStatus

    # the requester's part of the form
    requester_name: str
    requester_position: str
    request_date: date | None  # the date of submission (None for a never-submitted draft)
    grades: tuple[Grade, ...]
    not_used_by_students: bool
    resource_name: str
    resource_description: str
    resource_link: str
    planned_use: str
    information_shared: tuple[InfoCategory, ...]
    information_details: str  # free text beside the categories
    who_has_access: str
    student_accounts: Answer | None
    download_required: Answer | None
    app_requires_parental_permission: Answer | None

    # "For Office Use Only"
    decision: Decision | None = None
    permission: Permission | None = None  # only with Decision.APPROVED
    reason: str = ""  # only with Decision.NOT_APPROVED
    decided_by: str = ""
    decided_on: date | None = None
    extra_notes: tuple[str, ...] = field(default_factory=tuple)

    # A renewal: the approved tool back for review; the approval it renews (its date, and its request when
    # one is on file: an imported tool has none).
    renewal: bool = False
    renews_approval_on: date | None = None
    renews_request: str = ""  # e.g. "Request 5"
