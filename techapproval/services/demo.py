"""Demo data: a small Connecticut district with a request in every state, for exploring the app.

Everything goes through the real services, so permissions, validation and the audit trail are the
ones a district would see. No student is named anywhere. One transaction: all or nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import CatalogResource, Person, Request
from ..domain.contract_form import ContractForm, ContractorForm
from ..domain.contracts import Coverage, Provision
from ..domain.enums import Answer, Decision, Grade, InfoCategory, Permission, RequestStatus, Role
from ..domain.incidents import IncidentForm, Involves
from ..domain.validation import RequestForm
from . import compliance, contracts, deletions, exceptions, incidents, people, permissions
from . import requests as svc
from .errors import Refused

DEMO_PASSWORD = "demo-password-2026"
ADMIN_EMAIL = "admin@riverside.example"

S = RequestStatus
C = InfoCategory  # short names keep the request table below readable
G = Grade


@dataclass(frozen=True)
class DemoPerson:
    name: str
    position: str
    email: str
    role: Role


@dataclass(frozen=True)
class DemoSummary:
    people: tuple[DemoPerson, ...]  # created by this run (the administrator too when setup ran here)
    requests: dict[RequestStatus, int]
    password: str  # for every person created by this run
    administrator_created: bool  # False: the database was set up already and keeps its administrator


# key, name, position, role
STAFF = (
    ("rosa", "Rosa Martínez", "Technology Coordinator", Role.REVIEWER),
    ("anh", "Nguyễn Thị Ánh", "Grade 3 Teacher, Riverside Elementary", Role.REQUESTER),
    ("sam", "Sam O'Brien", "Science Teacher, Riverside High School", Role.REQUESTER),
    ("zoe", "Zoë Łukasz", "Art Teacher, Riverside Middle School", Role.REQUESTER),
    ("li", "Li Wei (李伟)", "Library Media Specialist", Role.REQUESTER),
)
EMAILS = {
    "rosa": "rosa.martinez@riverside.example",
    "anh": "anh.nguyen@riverside.example",
    "sam": "sam.obrien@riverside.example",
    "zoe": "zoe.lukasz@riverside.example",
    "li": "li.wei@riverside.example",
}


@dataclass(frozen=True)
class _Story:
    """One request and how far it gets: the question and answer happen before the end state."""

    by: str
    end: RequestStatus
    form: RequestForm
    question: str = ""
    answer: str = ""
    permission: Permission | None = None
    reason: str = ""
    decider: str = "rosa"  # "admin": the district's administrator


def _form(grades, name, description, link, use, shared, details, access, accounts, download, parental):
    return RequestForm(
        grades=list(grades), not_used_by_students=not grades, resource_name=name, resource_description=description,
        resource_link=link, planned_use=use, information_shared=list(shared), information_details=details,
        who_has_access=access, student_accounts=accounts, download_required=download,
        app_requires_parental_permission=parental,
    )


Y, N, U = Answer.YES, Answer.NO, Answer.NOT_SURE
STORIES = (
    _Story("anh", S.APPROVED, _form(
        [G.G3], "Kahoot!", "Game-based quizzes that students answer from a shared screen.",
        "https://kahoot.com/schools", "End-of-unit review games in math and reading, played as a class.",
        [C.NONE], "Students join with a game PIN and a nickname; no names or accounts.",
        "My class and me, during the lesson only.", N, N, N), permission=Permission.NONE_REQUIRED),
    _Story("sam", S.SUBMITTED, _form(
        [G.G9, G.G10, G.G11, G.G12], "Quizlet", "Flashcards and practice tests for vocabulary.",
        "https://quizlet.com", "Biology and chemistry vocabulary sets for homework and test review.",
        [C.FULL_NAME, C.EMAIL, C.TEST_RESULTS], "Students sign in with their school Google account.",
        "My students, and co-teachers of the science department.", Y, N, U)),
    _Story("zoe", S.RETURNED, _form(
        [G.G6, G.G7, G.G8], "Padlet", "Online bulletin boards where students post images and comments.",
        "https://padlet.com", "A class gallery wall where students post photos of their artwork for peer critique.",
        [C.PHOTOS, C.STUDENT_GENERATED_CONTENT], "Photos of artwork only, no faces.",
        "Students in my art classes.", N, N, U),
        question="Will the boards be private to the class, or can anyone with the link see them?"),
    _Story("li", S.RESUBMITTED, _form(
        [G.G4, G.G5], "WeVideo", "Online video recording and editing for students.",
        "https://www.wevideo.com", "Book talks: students record a one-minute review of a book they read.",
        [C.VOICE_RECORDINGS, C.PHOTOS, C.STUDENT_GENERATED_CONTENT], "Videos stay in a class group.",
        "Students of the two grade 4–5 library classes and their classroom teachers.", Y, N, U),
        question="Students' faces and voices will be recorded. Who can view the videos, and for how long?",
        answer="Only the class group can view them; I will delete the group at the end of the school year."),
    _Story("zoe", S.APPROVED, _form(
        [G.G6, G.G7, G.G8], "Canva for Education", "Graphic design for posters, slides and portfolios.",
        "https://www.canva.com/education", "Design unit: posters and a digital portfolio of each student's work.",
        [C.FULL_NAME, C.EMAIL, C.STUDENT_GENERATED_CONTENT], "Students sign in with their school account.",
        "Students in my art classes and me.", Y, N, N), permission=Permission.PARENTAL_REQUIRED),
    _Story("anh", S.APPROVED, _form(
        [G.K, G.G1, G.G2, G.G3], "Seesaw", "Digital portfolios shared with families.",
        "https://web.seesaw.me", "Students add photos and recordings of their work; families see their child's.",
        [C.FULL_NAME, C.PHOTOS, C.VOICE_RECORDINGS, C.STUDENT_GENERATED_CONTENT],
        "First names in class; each family sees only their own child's journal.",
        "The K–3 teachers, the students and their families.", Y, Y, U),
        question="Will families be invited with their own accounts? Please confirm which app they install.",
        answer="Yes: families get an invitation code and use the Seesaw app or website; no other app.",
        permission=Permission.PARENTAL_REQUIRED),
    _Story("sam", S.APPROVED, _form(
        [G.G9, G.G10, G.G11, G.G12], "Desmos", "Online graphing calculator and classroom activities.",
        "https://www.desmos.com", "Graphing lab data in physics; students join class activities with a code.",
        [C.NONE], "Students may join without an account.", "My students and me.", N, N, N),
        permission=Permission.NONE_REQUIRED),
    _Story("rosa", S.APPROVED, _form(
        [], "SignUpGenius", "Online sign-up sheets.", "https://www.signupgenius.com",
        "Parent-teacher conference scheduling for the elementary school.", [C.NONE],
        "Families enter a name and email to book a slot; no student information.", "Staff and families.",
        None, None, None), permission=Permission.NONE_REQUIRED, decider="admin"),
    _Story("li", S.APPROVED, _form(
        [G.G4], "Learning Ally", "Human-read audiobooks for students with reading disabilities.",
        "https://learningally.org", "Audiobooks of class novels for one student, as the 504 plan requires.",
        [C.FULL_NAME, C.DISABILITIES], "The student's account is created by the company from the school's referral.",
        "The student, the library media specialist and the 504 coordinator.", Y, Y, Y),
        permission=Permission.PARENTAL_REQUIRED),
    _Story("anh", S.NOT_APPROVED, _form(
        [G.G3], "FreeGamesNow", "A free website of math and typing games.", "https://freegamesnow.example",
        "Math fact practice during centers.", [C.SEARCH_ACTIVITY], "The site records what games are played.",
        "Students in my class.", N, N, N),
        reason="The site shows third-party ads and tracks visitors for advertising. Kahoot! and Desmos are"
        " approved alternatives."),
    _Story("sam", S.WITHDRAWN, _form(
        [G.G11, G.G12], "Gimkit", "Quiz games where students earn in-game money.", "https://www.gimkit.com",
        "Review games before tests.", [C.FULL_NAME], "", "My students.", Y, N, U)),
    _Story("li", S.DRAFT, _form(
        [G.G2, G.G3], "Book Creator", "Students make their own illustrated e-books.", "https://bookcreator.com",
        "", [], "", "", None, None, None)),
)


def seed_demo(db: Database, *, password: str = DEMO_PASSWORD) -> DemoSummary:
    """Add the demo district to this database, or raise Refused (nothing changed) if it is already here."""
    with db.transaction() as s:
        created: list[DemoPerson] = []
        admin_created = people.needs_setup(s)
        if admin_created:
            admin = people.complete_setup(
                s, district_name="Riverside", town="Riverside", approver_title="Technology Coordinator/Principal",
                name="Dana Whitfield", position="Director of Technology", email=ADMIN_EMAIL, password=password,
            )
            created.append(DemoPerson(admin.name, admin.position, admin.email, admin.role))
            admin_id = admin.id
        else:
            taken = s.scalar(select(Person.email).where(Person.email.in_(EMAILS.values())))
            if taken:
                raise Refused(f"Demo data is already here ({taken} exists). Nothing was changed.")
            admin_id = s.scalar(select(Person.id).where(Person.role == Role.ADMINISTRATOR.value, Person.active)
                                .order_by(Person.id))
            if admin_id is None:
                raise Refused("This database has no active administrator to add the demo people. Nothing was changed.")
        ids = {"admin": admin_id}
        for key, name, position, role in STAFF:
            person = people.add_person(s, admin_id, name=name, position=position, email=EMAILS[key], role=role,
                                       password=password)
            ids[key] = person.id
            created.append(DemoPerson(name, position, person.email, role))
        counts = Counter(_tell(s, ids, story) for story in STORIES)
        _contracts(s, ids["rosa"], ids["admin"], date.today())
        counts[S.SUBMITTED] += _accessibility_and_renewal(s, ids, date.today())
    return DemoSummary(tuple(created), {status: counts[status] for status in S}, password, admin_created)


def _tell(s: Session, ids: dict[str, int], story: _Story) -> RequestStatus:
    who, reviewer = ids[story.by], ids[story.decider]
    rid = svc.save_draft(s, who, None, story.form)
    if story.end is S.DRAFT:
        return S.DRAFT
    status = svc.submit_request(s, who, rid)
    if story.question:
        status = svc.return_request(s, reviewer, rid, story.question)
        if story.answer:
            status = svc.resubmit_request(s, who, rid, story.answer)
    if story.end is S.WITHDRAWN:
        status = svc.withdraw_request(s, who, rid)
    elif story.end is S.APPROVED:
        status = svc.decide_request(s, reviewer, rid, Decision.APPROVED, story.permission)
    elif story.end is S.NOT_APPROVED:
        status = svc.decide_request(s, reviewer, rid, Decision.NOT_APPROVED, reason=story.reason)
    assert status is story.end, (story.form.resource_name, status)
    return status


def _contracts(s: Session, reviewer: int, admin: int, today: date) -> None:
    """A registry that shows every status the app computes, dated relative to today."""
    all_but = lambda *missing: {p: f"\u00a7 {i}" for i, p in enumerate(Provision, 1) if p not in missing}  # noqa: E731
    catalog = {r.name: r.id for r in s.scalars(select(CatalogResource))}

    def contractor(name: str, website: str, kind: str = "operator") -> int:
        return contracts.save_contractor(s, reviewer, None, ContractorForm(name, kind, website=website)).id

    def contract(contractor_id: int, title: str, purpose: str, description: str, info, executed: date, **kw) -> int:
        form = ContractForm(contractor_id=contractor_id, title=title, purpose=purpose, description=description,
                            information_allowed=list(info), executed_on=executed, **kw)
        return contracts.save_contract(s, reviewer, None, form, today=today).id

    seesaw = contract(
        contractor("Seesaw Learning, Inc.", "https://web.seesaw.me"), "Data privacy agreement",
        "Student digital portfolios shared with families.", "Seesaw for Schools, grades K\u20133.",
        [C.FULL_NAME, C.PHOTOS, C.VOICE_RECORDINGS, C.STUDENT_GENERATED_CONTENT], today - timedelta(days=120),
        expires_on=today + timedelta(days=600), uses_state_addendum=True,
        notice_posted_on=today - timedelta(days=117))
    canva = contract(
        contractor("Canva Pty Ltd", "https://www.canva.com"), "Canva for Education terms",
        "Graphic design work by students.", "Canva for Education accounts for grades 6\u20138.",
        [C.FULL_NAME, C.EMAIL, C.STUDENT_GENERATED_CONTENT], today - timedelta(days=60),
        provisions=all_but(Provision.P9, Provision.P10), notice_posted_on=today - timedelta(days=57),
        amend_notice_sent_on=today - timedelta(days=10))
    _attach_canva_terms(s, reviewer, canva)
    kahoot = contract(
        contractor("Kahoot! ASA", "https://kahoot.com"), "Student data privacy addendum",
        "Classroom quiz games.", "Kahoot! for schools; students join with a PIN and a nickname.",
        [C.NONE], today - timedelta(days=1), provisions=all_but())
    contract(
        contractor("Edmodo (closed)", "https://www.edmodo.com"), "Learning platform agreement",
        "Class discussion and assignments (service closed).", "Edmodo classes for grades 6\u201312.",
        [C.FULL_NAME, C.EMAIL, C.STUDENT_GENERATED_CONTENT], date(today.year - 4, 8, 15),
        expires_on=date(today.year - 1, 6, 30), uses_state_addendum=True,
        notice_posted_on=date(today.year - 4, 8, 18))
    for name, coverage, contract_id, note in (
        ("Seesaw", Coverage.CONTRACT, seesaw, ""),
        ("Canva for Education", Coverage.CONTRACT, canva, ""),
        ("Kahoot!", Coverage.CONTRACT, kahoot, ""),
        ("Desmos", Coverage.NOT_REQUIRED, None,
         "Designed for the general public; students use it without an account and no student data is collected."),
    ):
        contracts.link_resource(s, reviewer, catalog[name], coverage, contract_id, note)
    compliance.add_closure(s, admin, today + timedelta(days=14), "Professional development day (no school)")
    _duties(s, reviewer, today, catalog)


# The demo's signed document for Canva: terms written for the demo (not Canva's own) that lack P9 and P10,
# so the clause check has something to find and something to miss.
CANVA_TERMS = (
    ("Canva for Education \u2014 Student Data Terms (demo document)", ""),
    ("1. Ownership", "Student data remains the property of the School District and under its control."),
    ("2. Deletion", "The District may request the deletion of student data by writing to privacy@canva.example; "
                    "Canva will delete it within 30 days."),
    ("3. Use", "Canva shall use student data solely to provide Canva for Education to the District."),
    ("4. Families", "Parents and eligible students may review the student data Canva holds and ask the District "
                    "to correct errors."),
    ("5. Security", "Canva shall maintain safeguards designed to ensure the security and confidentiality of "
                    "student data."),
    ("6. Breach", "Canva shall notify the District of any unauthorized disclosure of student data within 30 "
                  "days of discovering it."),
    ("7. End of the agreement", "Upon expiration of the agreement, Canva shall delete all student data."),
    ("8. FERPA", "Canva and the District shall comply with FERPA."),
    ("9. Advertising", "Canva shall not use student data for targeted advertising, and shall not sell it."),
    ("10. Governing law", "These terms are governed by the laws of New South Wales, Australia."),
)


def _attach_canva_terms(s: Session, reviewer: int, contract_id: int) -> None:
    import io

    import docx  # python-docx: the demo's document is a Word file, as vendors often send

    document = docx.Document()
    for heading, text in CANVA_TERMS:
        document.add_paragraph(heading)
        if text:
            document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    contracts.attach_document(s, reviewer, contract_id, "Canva student data terms (signed).docx", out.getvalue())


def _duties(s: Session, reviewer: int, today: date, catalog: dict[str, int]) -> None:
    """One open item of each of the law's other duties: a breach, a deletion request, an IEP/504
    exception still missing a condition, and permission slips coming back."""
    canva = next(c for c in contracts.list_contracts(s, reviewer, on=today) if c.contractor_name == "Canva Pty Ltd")
    incidents.record_incident(s, reviewer, IncidentForm(
        contractor_id=canva.contractor_id, contract_id=canva.id, discovered_on=today - timedelta(days=12),
        involves=frozenset({Involves.DIRECTORY_INFORMATION}), students_affected=37,
        description="A misconfigured share link exposed class rosters (names and grade levels) for two days.",
        board_notified_on=today - timedelta(days=1)), today=today)
    deletions.record_deletion_request(
        s, reviewer, canva.contractor_id, "parent", "DR-2026-004", today - timedelta(days=20),
        "All designs and the account of the student in case DR-2026-004, who left the district.", canva.id,
        today=today)
    exception = exceptions.record_exception(
        s, reviewer, "504-2026-017", "504", catalog["Learning Ally"],
        "The vendor will not sign the district's data privacy agreement; no equivalent offers human-read audio.")
    for condition, days_ago in (("ferpa_hipaa", 30), ("reasonable_effort", 25), ("operator_complies", 25)):
        exceptions.set_condition(s, reviewer, exception.id, condition, today - timedelta(days=days_ago), today=today)
    seesaw = next(r for r in s.scalars(select(Request).where(Request.resource_name == "Seesaw")))
    permissions.save_tally(s, reviewer, seesaw.id, None, "Grade 2 \u2013 Room 7", 22, 18, 1)


def _accessibility_and_renewal(s: Session, ids: dict[str, int], today: date) -> int:
    """Two tools reviewed for accessibility (the rest wait on the dashboard), and one approval old enough
    that its renewal is in the queue; returns the renewals opened (submitted requests)."""
    from datetime import UTC, datetime

    from ..domain.accessibility import Population, ReviewForm
    from ..domain.enums import AccessibilityFinding, ClaimedConformance
    from . import accessibility, renewals, settings

    reviewer = ids["rosa"]
    settings.write(s, ids["admin"], {"district_population": Population.SMALL.value})
    catalog = {r.name: r for r in s.scalars(select(CatalogResource))}
    accessibility.record_review(s, reviewer, resource_id=catalog["Seesaw"].id, form=ReviewForm(
        AccessibilityFinding.CONFORMS, ClaimedConformance.WCAG_21_AA, True, today - timedelta(days=30),
        notes="Vendor's ACR (VPAT 2.5) reviewed; spot-checked with a screen reader and the keyboard."), today=today)
    accessibility.record_review(s, reviewer, resource_id=catalog["Canva for Education"].id, form=ReviewForm(
        AccessibilityFinding.PARTIALLY_CONFORMS, ClaimedConformance.PARTIAL, True, today - timedelta(days=20),
        alternative_plan="Students who use a screen reader make the same poster in Google Slides with the "
                         "teacher's template; the teacher grades both the same way."), today=today)
    # Desmos was approved nearly three years ago (dated back here, as a district's older approvals are):
    # its renewal is due within the month, so it is back in the queue.
    desmos = catalog["Desmos"]
    approved = datetime.combine(today - timedelta(days=3 * 365 - 10), datetime.min.time(), UTC).replace(hour=15)
    desmos.approved_at = approved
    s.get(Request, desmos.last_request_id).decided_at = approved
    s.flush()
    return renewals.open_due_renewals(s, reviewer, today)
