"""Small builders shared by tests."""

from __future__ import annotations

from techapproval.domain.enums import Answer, Grade, InfoCategory
from techapproval.domain.validation import RequestForm


def complete_form(**overrides) -> RequestForm:
    values = dict(
        grades=[Grade.G3, Grade.G4],
        resource_name="Kahoot!",
        resource_description="Game-based quizzes for review sessions.",
        resource_link="https://kahoot.com",
        planned_use="Weekly vocabulary review games in class.",
        information_shared=[InfoCategory.FULL_NAME, InfoCategory.STUDENT_GENERATED_CONTENT],
        information_details="First names only as nicknames.",
        who_has_access="My students and me.",
        student_accounts=Answer.NO,
        download_required=Answer.NO,
        app_requires_parental_permission=Answer.NOT_SURE,
    )
    values.update(overrides)
    return RequestForm(**values)
