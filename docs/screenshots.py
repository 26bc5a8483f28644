"""Make the screenshots in docs/images/ from the demo district, the same way every time.

    uv run python docs/screenshots.py            # all of them, into docs/images/
    uv run python docs/screenshots.py OUT_DIR    # somewhere else

What it does: a fresh SQLite database in a temporary folder (TECHAPPROVAL_HOME points there too, so the
recovery journal and logs of the windows opened here never touch your own), `techapproval seed-demo`,
then the app's own windows under QT_QPA_PLATFORM=offscreen, signed in through the services as
tests/gui/conftest.py `signed_in` does (no sign-in dialog), each grabbed with widget.grab(). The decision
sheet is `techapproval print-decision` rendered by `pdftoppm` (poppler-utils), skipped with a warning
when pdftoppm is missing.

Dates in the pictures are today's: the demo data is dated relative to the day it is seeded.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZE = (1200, 760)  # every main window
FONT_POINTS = 9  # a fixed font size: the same pictures on every machine with the same fonts


def techapproval(url: str, *args: str) -> str:
    """The app's command line, in this Python (the one `uv run` chose)."""
    done = subprocess.run([sys.executable, "-m", "techapproval", "--database", url, *args],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"techapproval {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def settle(qt, seconds: float = 0.3) -> None:
    """Let timers (searches, matches, the overdue count) fire and the windows paint."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        qt.processEvents()
        time.sleep(0.01)
    qt.processEvents()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="techapproval-screenshots-"))
    os.environ["TECHAPPROVAL_HOME"] = str(work / "home")
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.pop("QT_SCALE_FACTOR", None)
    os.environ["TZ"] = "America/New_York"  # Connecticut's clock, as the app shows request dates: one day everywhere
    time.tzset()
    url = f"sqlite:///{work / 'demo.db'}"
    try:
        print(techapproval(url, "seed-demo").strip().splitlines()[0])
        shoot(url, out, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def shoot(url: str, out: Path, work: Path) -> None:
    from PySide6.QtGui import QFont
    from sqlalchemy import select

    from techapproval.db.database import open_database
    from techapproval.db.models import Person, Request
    from techapproval.domain.enums import Answer, Grade, InfoCategory
    from techapproval.gui.app import application
    from techapproval.gui.context import AppContext
    from techapproval.gui.dialogs.request_window import RequestWindow
    from techapproval.gui.main_window import MainWindow
    from techapproval.services import people

    qt = application()
    font = QFont(qt.font())
    font.setPointSize(FONT_POINTS)
    qt.setFont(font)
    db = open_database(url)

    def signed_in(email: str) -> AppContext:
        with db.transaction() as s:
            person_id = s.scalar(select(Person.id).where(Person.email == email))
            ctx = AppContext(db, people.get_person(s, person_id))
        ctx.reload_settings()
        return ctx

    def request_id(name: str) -> int:
        with db.transaction() as s:
            return s.scalar(select(Request.id).where(Request.resource_name == name))

    def save(widget, name: str) -> None:
        settle(qt)
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        print(f"  {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")

    def main_window(ctx: AppContext) -> MainWindow:
        window = MainWindow(ctx)
        window.poll_timer.stop()  # nobody else changes this database
        window.resize(*SIZE)
        window.show()
        settle(qt)
        return window

    def request_window(ctx: AppContext, parent: MainWindow, rid: int | None) -> RequestWindow:
        window = parent.new_request() if rid is None else parent.open_request(_Row(rid))
        window.resize(*SIZE)
        settle(qt)
        return window

    # --- a teacher: Nguyễn Thị Ánh, grade 3 ------------------------------------------------------
    teacher = signed_in("anh.nguyen@riverside.example")
    home = main_window(teacher)
    form_window = request_window(teacher, home, None)
    form = form_window.form
    form.grade_boxes[Grade.G3].setChecked(True)
    form.resource_name.setText("Epic")
    form.resource_description.setPlainText("A digital library of children's books, audiobooks and read-to-me books.")
    form.resource_link.setText("https://www.getepic.com")
    form.planned_use.setPlainText("Independent reading during literacy centers; I assign books that match each "
                                  "reading group's level.")
    for category in (InfoCategory.FULL_NAME, InfoCategory.SEARCH_ACTIVITY):
        form.info_boxes[category].setChecked(True)
    form.information_details.setPlainText("I create the class; each student is listed by first name and last "
                                          "initial. Epic keeps which books each student reads.")
    form.who_has_access.setPlainText("My students and me; families can see their child's reading log.")
    for combo, value in ((form.student_accounts, Answer.NO), (form.download_required, Answer.NO),
                         (form.app_permission, Answer.NOT_SURE)):
        combo.setCurrentIndex(combo.findData(value))
    settle(qt, 1.0)  # the draft autosaves, as it would for a teacher
    save(form_window, "teacher-request-form")
    save(form, "teacher-request-form-full")  # the whole form, as it scrolls
    form_window.close()

    # The same form, typing the name of a tool the district has already decided on.
    form_window = request_window(teacher, home, None)
    form_window.form.resource_name.setText("Kahoot")
    form_window.form.resource_name.textEdited.emit("Kahoot")  # as typing does: the match check runs
    settle(qt, 0.8)
    save(form_window, "teacher-already-decided")
    form_window.close()

    home.refresh()
    save(home, "teacher-my-requests")
    home.tabs.setCurrentWidget(home.catalog_page)
    save(home, "teacher-approved-resources")
    home.close()

    # A request the coordinator returned with a question: Zoë Łukasz's Padlet.
    art = signed_in("zoe.lukasz@riverside.example")
    home = main_window(art)
    save(request_window(art, home, request_id("Padlet")), "teacher-question")
    for window in home.findChildren(RequestWindow):
        window.close()
    home.close()

    # --- the technology coordinator: Rosa Martínez ---------------------------------------------
    reviewer = signed_in("rosa.martinez@riverside.example")
    home = main_window(reviewer)
    home.tabs.setCurrentWidget(home.queue_page)
    save(home, "coordinator-queue")

    review = request_window(reviewer, home, request_id("Quizlet"))
    review.decision_panel.approved.setChecked(True)
    review.decision_panel.parental.setChecked(True)
    save(review, "coordinator-decision")
    review.close()

    # Desmos, approved nearly three years ago, is back in the queue for renewal.
    with db.transaction() as s:
        renewal = s.scalar(select(Request.id).where(Request.renewal_of_id.is_not(None)))
    window = request_window(reviewer, home, renewal)
    save(window, "coordinator-renewal")
    window.close()

    from techapproval.gui.dialogs.accessibility_review import AccessibilityReviewDialog

    with db.transaction() as s:
        kahoot = s.scalar(select(Request).where(Request.resource_name == "Kahoot!", Request.status == "approved"))
        kahoot_id = kahoot.id
    dialog = AccessibilityReviewDialog(reviewer, "Kahoot!", request_id=kahoot_id, parent=home)
    dialog.show()
    save(dialog, "coordinator-accessibility-review")
    dialog.close()

    for page, name in ((home.catalog_page, "coordinator-approved-resources"),
                       (home.contracts_page, "coordinator-contracts"),
                       (home.deadlines_page, "coordinator-deadlines")):
        home.tabs.setCurrentWidget(page)
        save(home, name)
    home.close()

    # --- the decision sheet --------------------------------------------------------------------
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("  pdftoppm not found (install poppler-utils): decision-sheet.png not made", file=sys.stderr)
        return
    pdf = work / "decision.pdf"
    techapproval(url, "print-decision", str(request_id("Canva for Education")), "-o", str(pdf))
    subprocess.run([pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(out / "decision-sheet")], check=True)
    print(f"  {out / 'decision-sheet.png'}")


class _Row:
    """What MainWindow.open_request needs of a list row: its request's id."""

    def __init__(self, rid: int):
        self.id = rid


if __name__ == "__main__":
    started = time.perf_counter()
    main(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else HERE / "images")
    print(f"done in {time.perf_counter() - started:.1f} s")
    sys.stdout.flush()
    os._exit(0)  # no Qt teardown: the pictures are saved
