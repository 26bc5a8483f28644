"""The vocabulary of policy 3520.13 and its form, as enums with the wording people see."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    REQUESTER = "requester"
    REVIEWER = "reviewer"
    ADMINISTRATOR = "administrator"

    @property
    def label(self) -> str:
        return {"requester": "Requester (staff)", "reviewer": "Reviewer", "administrator": "Administrator"}[
            self.value
        ]

    def may_review(self) -> bool:
        return self in (Role.REVIEWER, Role.ADMINISTRATOR)


class RequestStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    RESUBMITTED = "resubmitted"
    APPROVED = "approved"
    NOT_APPROVED = "not_approved"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def is_decided(self) -> bool:
        return self in (RequestStatus.APPROVED, RequestStatus.NOT_APPROVED)

    @property
    def awaits_reviewer(self) -> bool:
        return self in (RequestStatus.SUBMITTED, RequestStatus.RESUBMITTED)


_STATUS_LABELS = {
    RequestStatus.DRAFT: "Draft",
    RequestStatus.SUBMITTED: "Submitted",
    RequestStatus.RETURNED: "Returned for more information",
    RequestStatus.RESUBMITTED: "Resubmitted",
    RequestStatus.APPROVED: "Approved",
    RequestStatus.NOT_APPROVED: "Not approved",
    RequestStatus.WITHDRAWN: "Withdrawn",
}


class Grade(StrEnum):
    """Grades in school order; the value is what the form prints."""

    PREK = "PreK"
    K = "K"
    G1 = "1"
    G2 = "2"
    G3 = "3"
    G4 = "4"
    G5 = "5"
    G6 = "6"
    G7 = "7"
    G8 = "8"
    G9 = "9"
    G10 = "10"
    G11 = "11"
    G12 = "12"

    @property
    def order(self) -> int:
        return _GRADE_ORDER[self]  # looked up: lists sort and format thousands of grades per screen


_GRADE_ORDER = {g: i for i, g in enumerate(Grade)}

class Answer(StrEnum):
    """The yes / no / not sure questions of item 2 on the form."""

    YES = "yes"
    NO = "no"
    NOT_SURE = "not_sure"

    @property
    def label(self) -> str:
        return {"yes": "Yes", "no": "No", "not_sure": "Not sure"}[self.value]


class Decision(StrEnum):
    APPROVED = "approved"
    NOT_APPROVED = "not_approved"

    @property
    def label(self) -> str:
        return {"approved": "Approved for use", "not_approved": "Not approved for use at this time"}[self.value]


class Permission(StrEnum):
    """The two sub-choices under "Approved for use" on the form."""

    PARENTAL_REQUIRED = "parental_required"
    NONE_REQUIRED = "none_required"

    @property
    def label(self) -> str:
        return {
            "parental_required": "Additional parental notification and permission required.",
            "none_required": "No additional notifications or permissions required.",
        }[self.value]

    @property
    def short_label(self) -> str:
        return {"parental_required": "Parental permission required", "none_required": "No additional permission"}[
            self.value
        ]


class InfoCategory(StrEnum):
    """What information will be shared: C.G.S. 10-234aa definitions of student information (10(c)),
    student-generated content and directory information, plus "none"."""

    FULL_NAME = "full_name"
    HOME_ADDRESS = "home_address"
    TELEPHONE = "telephone"
    DATE_OF_BIRTH = "date_of_birth"
    EMAIL = "email"
    DISCIPLINE_RECORDS = "discipline_records"
    TEST_RESULTS = "test_results"
    SPECIAL_EDUCATION = "special_education"
    JUVENILE_DEPENDENCY = "juvenile_dependency"
    GRADES = "grades"
    EVALUATIONS = "evaluations"
    CRIMINAL_RECORDS = "criminal_records"
    MEDICAL_RECORDS = "medical_records"
    HEALTH_RECORDS = "health_records"
    SOCIAL_SECURITY_NUMBER = "social_security_number"
    BIOMETRIC = "biometric"
    DISABILITIES = "disabilities"
    SOCIOECONOMIC = "socioeconomic"
    FOOD_PURCHASES = "food_purchases"
    POLITICAL_AFFILIATIONS = "political_affiliations"
    RELIGIOUS_INFORMATION = "religious_information"
    TEXT_MESSAGES = "text_messages"
    DOCUMENTS = "documents"
    STUDENT_IDENTIFIERS = "student_identifiers"
    SEARCH_ACTIVITY = "search_activity"
    PHOTOS = "photos"
    VOICE_RECORDINGS = "voice_recordings"
    BEHAVIORAL_ASSESSMENTS = "behavioral_assessments"
    STUDENT_GENERATED_CONTENT = "student_generated_content"
    DIRECTORY_INFORMATION = "directory_information"
    NONE = "none"

    @property
    def label(self) -> str:
        return _INFO_LABELS[self]

    @property
    def is_student_information(self) -> bool:
        """Student information in the sense of 10-234aa(10)(c): the categories other than
        student-generated content, directory information and "none"."""
        return self not in (
            InfoCategory.STUDENT_GENERATED_CONTENT,
            InfoCategory.DIRECTORY_INFORMATION,
            InfoCategory.NONE,
        )


_INFO_LABELS = {
    InfoCategory.FULL_NAME: "First and last name",
    InfoCategory.HOME_ADDRESS: "Home address",
    InfoCategory.TELEPHONE: "Telephone number",
    InfoCategory.DATE_OF_BIRTH: "Date of birth",
    InfoCategory.EMAIL: "Email address or other contact information",
    InfoCategory.DISCIPLINE_RECORDS: "Discipline records",
    InfoCategory.TEST_RESULTS: "Test results",
    InfoCategory.SPECIAL_EDUCATION: "Special education data",
    InfoCategory.JUVENILE_DEPENDENCY: "Juvenile dependency records",
    InfoCategory.GRADES: "Grades",
    InfoCategory.EVALUATIONS: "Evaluations",
    InfoCategory.CRIMINAL_RECORDS: "Criminal records",
    InfoCategory.MEDICAL_RECORDS: "Medical records",
    InfoCategory.HEALTH_RECORDS: "Health records",
    InfoCategory.SOCIAL_SECURITY_NUMBER: "Social security number",
    InfoCategory.BIOMETRIC: "Biometric information",
    InfoCategory.DISABILITIES: "Disabilities",
    InfoCategory.SOCIOECONOMIC: "Socioeconomic information",
    InfoCategory.FOOD_PURCHASES: "Food purchases",
    InfoCategory.POLITICAL_AFFILIATIONS: "Political affiliations",
    InfoCategory.RELIGIOUS_INFORMATION: "Religious information",
    InfoCategory.TEXT_MESSAGES: "Text messages",
    InfoCategory.DOCUMENTS: "Documents",
    InfoCategory.STUDENT_IDENTIFIERS: "Student identifiers",
    InfoCategory.SEARCH_ACTIVITY: "Search activity",
    InfoCategory.PHOTOS: "Photos",
    InfoCategory.VOICE_RECORDINGS: "Voice recordings",
    InfoCategory.BEHAVIORAL_ASSESSMENTS: "Behavioral assessments",
    InfoCategory.STUDENT_GENERATED_CONTENT: (
        "Student-generated content (essays, reports, portfolios, creative work, audio, photos)"
    ),
    InfoCategory.DIRECTORY_INFORMATION: "Directory information",
    InfoCategory.NONE: "None: no student information is shared",
}


def format_grades(grades: list[Grade] | tuple[Grade, ...], not_used_by_students: bool) -> str:
    """Grades as people write them: "PreK, K, 3–5, 9"; ranges collapse."""
    if not_used_by_students:
        return "Not used by students (administrative use)"
    ordered = sorted(set(grades), key=lambda g: g.order)
    if not ordered:
        return ""
    runs: list[list[Grade]] = [[ordered[0]]]
    for g in ordered[1:]:
        if g.order == runs[-1][-1].order + 1:
            runs[-1].append(g)
        else:
            runs.append([g])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{run[0].value}\u2013{run[-1].value}")
        else:
            parts.extend(g.value for g in run)
    return ", ".join(parts)


class ClaimedConformance(StrEnum):
    """What a vendor's accessibility conformance report (VPAT/ACR) claims. The ADA Title II rule asks for
    WCAG 2.1 Level AA; 2.2 AA includes it, 2.0 AA does not."""

    WCAG_22_AA = "wcag_22_aa"
    WCAG_21_AA = "wcag_21_aa"
    WCAG_20_AA = "wcag_20_aa"
    PARTIAL = "partial"  # the report claims partial support of AA, or only Level A
    NONE = "none"  # no claim made
    NOT_SURE = "not_sure"

    @property
    def label(self) -> str:
        return _CLAIM_LABELS[self]

    @property
    def meets_rule(self) -> bool:
        """Whether the claim, if true, meets WCAG 2.1 Level AA."""
        return self in (ClaimedConformance.WCAG_22_AA, ClaimedConformance.WCAG_21_AA)


_CLAIM_LABELS = {
    ClaimedConformance.WCAG_22_AA: "WCAG 2.2 Level AA",
    ClaimedConformance.WCAG_21_AA: "WCAG 2.1 Level AA",
    ClaimedConformance.WCAG_20_AA: "WCAG 2.0 Level AA (older than the rule's 2.1)",
    ClaimedConformance.PARTIAL: "Partial AA support, or Level A only",
    ClaimedConformance.NONE: "No conformance claimed",
    ClaimedConformance.NOT_SURE: "Not sure",
}


class AccessibilityFinding(StrEnum):
    """The reviewer's finding on a tool against WCAG 2.1 Level AA."""

    CONFORMS = "conforms"
    PARTIALLY_CONFORMS = "partially_conforms"
    DOES_NOT_CONFORM = "does_not_conform"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return _FINDING_LABELS[self]

    @property
    def needs_plan(self) -> bool:
        """Falling short of WCAG 2.1 AA: the district needs an equally effective alternative."""
        return self in (AccessibilityFinding.PARTIALLY_CONFORMS, AccessibilityFinding.DOES_NOT_CONFORM)


_FINDING_LABELS = {
    AccessibilityFinding.CONFORMS: "Conforms to WCAG 2.1 AA",
    AccessibilityFinding.PARTIALLY_CONFORMS: "Partially conforms",
    AccessibilityFinding.DOES_NOT_CONFORM: "Does not conform",
    AccessibilityFinding.UNKNOWN: "Unknown",
}
