"""`techapproval --self-test`: the check district IT runs after installing.

Everything happens in a temporary folder, removed at the end: a new SQLite database (never the
person's own), a made-up district, one request filed by a teacher and decided by the reviewer, its
decision sheet as a PDF read back, the public website, the audit chain, and the main window created
on Qt's offscreen platform (no display needed). One line per step; exit status 0 when every step
passes, 1 naming the first that failed (the steps after it are not run).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .paths import HOME_ENV

RESOURCE = "Self Test Quiz Maker"
PASSWORD = "self-test-password-2026"


class StepFailed(Exception):
    """A check that did not hold, in plain words."""


@dataclass
class _State:
    folder: Path
    db: object = None
    people: dict[str, int] = field(default_factory=dict)
    request_id: int | None = None


def _database(state: _State) -> str:
    from .db.database import current_revision, open_database
    from .db.schema import HEAD

    state.db = open_database(f"sqlite:///{state.folder / 'self-test.db'}")
    revision = current_revision(state.db)
    if revision != HEAD:
        raise StepFailed(f"the database is at schema {revision} after the migrations, not {HEAD}")
    return f"schema {HEAD}"


def _district(state: _State) -> str:
    from .domain.enums import Role
    from .services import people

    with state.db.transaction() as s:
        admin = people.complete_setup(
            s, district_name="Self Test", town="Testville", approver_title="Technology Coordinator",
            name="Sam Admin", position="Director of Technology", email="admin@self-test.example", password=PASSWORD)
    state.people["admin"] = admin.id
    with state.db.transaction() as s:
        for key, name, role in (("reviewer", "Riley Reviewer", Role.REVIEWER),
                                ("teacher", "Taylor Teacher", Role.REQUESTER)):
            state.people[key] = people.add_person(
                s, admin.id, name=name, position=key.title(), email=f"{key}@self-test.example", role=role,
                password=PASSWORD).id
    return "an administrator, a reviewer and a teacher"


def _file_request(state: _State) -> str:
    from .domain.enums import Answer, Grade, InfoCategory, RequestStatus
    from .domain.validation import RequestForm
    from .services import requests

    form = RequestForm(
        grades=[Grade.G4], resource_name=RESOURCE, resource_description="Quizzes for review sessions.",
        resource_link="https://quiz.self-test.example", planned_use="Weekly review games in class.",
        information_shared=[InfoCategory.FULL_NAME], information_details="First names only.",
        who_has_access="My students and me.", student_accounts=Answer.NO, download_required=Answer.NO,
        app_requires_parental_permission=Answer.NO,
    )
    teacher = state.people["teacher"]
    with state.db.transaction() as s:
        state.request_id = requests.save_draft(s, teacher, None, form)
        status = requests.submit_request(s, teacher, state.request_id)
    if status is not RequestStatus.SUBMITTED:
        raise StepFailed(f"the request is {status.label.lower()} after filing, not submitted")
    return f"request {state.request_id}"


def _decide(state: _State) -> str:
    from .domain.enums import Decision, Permission, RequestStatus
    from .services import requests

    with state.db.transaction() as s:
        status = requests.decide_request(s, state.people["reviewer"], state.request_id, Decision.APPROVED,
                                         Permission.NONE_REQUIRED)
    if status is not RequestStatus.APPROVED:
        raise StepFailed(f"the request is {status.label.lower()} after approval")
    return "approved"


def _pdf(state: _State) -> str:
    from .services.printing import decision_sheet

    with state.db.transaction() as s:
        sheet = decision_sheet(s, state.people["reviewer"], state.request_id)
    from .pdf.decision import render_decision_pdf  # reportlab loads only now

    pdf = render_decision_pdf(sheet)
    if not pdf.startswith(b"%PDF-") or len(pdf) < 1000:
        raise StepFailed(f"the decision sheet is not a PDF ({len(pdf)} bytes, starting {pdf[:8]!r})")
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        text = " ".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
    if RESOURCE not in " ".join(text.split()):
        raise StepFailed(f"the decision sheet's text does not name the resource {RESOURCE!r}")
    return f"{len(pdf):,} bytes, read back"


def _website(state: _State) -> str:
    from .services.contracts import document_content
    from .services.website import website_data
    from .website.export import export_website

    site = state.folder / "site"
    reviewer = state.people["reviewer"]
    with state.db.transaction() as s:
        data = website_data(s, reviewer)
        export_website(data, site, lambda contract_id: document_content(s, reviewer, contract_id))
    for name in ("index.html", "resources.html", "contracts.csv", "contracts.json"):
        if not (site / name).is_file():
            raise StepFailed(f"the website has no {name}")
    if RESOURCE not in (site / "resources.html").read_text(encoding="utf-8"):
        raise StepFailed(f"resources.html does not list the approved resource {RESOURCE!r}")
    return f"{sum(1 for p in site.rglob('*') if p.is_file())} files"


def _audit(state: _State) -> str:
    from .services.audit import verify_chain

    with state.db.transaction() as s:
        report = verify_chain(s)
    if report.problem is not None:
        raise StepFailed(f"the audit trail is not intact: {report.problem.message}")
    if report.events == 0:
        raise StepFailed("the audit trail recorded nothing")
    return f"{report.events} events, intact"


def _window(state: _State) -> str:
    try:
        from .gui.selfcheck import open_main_window
    except ImportError as exc:  # e.g. a system library Qt needs is missing
        raise StepFailed(f"Qt could not be loaded ({exc})") from exc
    from .gui.context import AppContext
    from .services.people import get_person

    with state.db.transaction() as s:
        person = get_person(s, state.people["admin"])
    ctx = AppContext(state.db, person)
    ctx.reload_settings()
    return open_main_window(ctx)


STEPS: tuple[tuple[str, Callable[[_State], str]], ...] = (
    ("Create a SQLite database and run the migrations", _database),
    ("Set up a district", _district),
    ("File a request as a teacher", _file_request),
    ("Decide it as the reviewer", _decide),
    ("Render the decision PDF and read it back", _pdf),
    ("Export the public website", _website),
    ("Verify the audit chain", _audit),
    ("Create the main window (offscreen)", _window),
)


def _reason(exc: BaseException) -> str:
    """Plain words for a failure. The data is made up, so the message may be shown whole."""
    from .db.database import DatabaseProblem
    from .services.errors import ServiceError

    if isinstance(exc, StepFailed):
        return str(exc)
    if isinstance(exc, DatabaseProblem):
        return f"{exc.title}: {exc.message}"
    if isinstance(exc, ServiceError):
        return exc.message
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror}{f' ({exc.filename})' if exc.filename else ''}"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def run(out=None) -> int:
    """Run every step; 0 when all pass, 1 at the first failure."""
    out = out or sys.stdout
    print("techapproval self-test, in a temporary folder (your own database is not touched):", file=out)
    saved_home = os.environ.get(HOME_ENV)
    with tempfile.TemporaryDirectory(prefix="techapproval-self-test-", ignore_cleanup_errors=True) as tmp:
        folder = Path(tmp)
        os.environ[HOME_ENV] = str(folder / "home")  # anything that looks for the app's folders finds these
        state = _State(folder)
        failed: str | None = None
        try:
            for number, (label, step) in enumerate(STEPS, 1):
                print(f"{number}. {label} ... ", end="", file=out, flush=True)
                try:
                    detail = step(state)
                except Exception as exc:  # noqa: BLE001 - every failure is reported as the step's
                    failed = label
                    print(f"FAILED: {_reason(exc)}", file=out, flush=True)
                    break
                print(f"ok ({detail})", file=out, flush=True)
        finally:
            if state.db is not None:
                state.db.dispose()  # before the folder goes: Windows keeps open files
            if saved_home is None:
                os.environ.pop(HOME_ENV, None)
            else:
                os.environ[HOME_ENV] = saved_home
    if failed is not None:
        print(f"Self-test FAILED at: {failed}. Steps after it were not run.", file=out)
        return 1
    print(f"Self-test passed: all {len(STEPS)} steps ok.", file=out)
    return 0
