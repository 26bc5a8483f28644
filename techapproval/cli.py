"""Command-line tasks. Each opens the database the same way the app does and calls services.

The command line is for district IT with access to the database (the file, or the server's
credentials): it asks for no app password, since whoever can open the database can read everything
in it anyway. Its commands act as a named person, as the first active administrator, or as System.
The passwords it asks for are the ones it sets (init-server, reset-password).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from .paths import DATABASE_ENV, database_url


class CliError(Exception):
    """A plain-language message for stderr; exit status 1."""


class _ShowVersion(argparse.Action):
    """--version, as argparse's own, but reading the package's metadata (~10 ms) only when asked: every start
    of the app builds this parser."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS,
                 help="show program's version number and exit"):
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        from . import __version__

        print(f"techapproval {__version__}")  # to stdout, as argparse's version action
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="techapproval",
        description="Staff requests for approval of technology resources (Connecticut policy 3520.13).",
        epilog="For district IT: commands open the database directly (the file, or the server with the URL's "
               "credentials) and never ask for an app sign-in. See docs/SECURITY.md.",
    )
    parser.add_argument("--version", action=_ShowVersion)
    parser.add_argument(
        "--self-test", action="store_true",
        help="check this installation in a temporary folder (a new database, a request filed and decided, its PDF, "
             "the website, the audit chain, the main window offscreen), then remove it; your own database is "
             "never touched. Exit status 0 when every step passes",
    )
    parser.add_argument(
        "--database", metavar="URL",
        help=f"database URL (default: ${DATABASE_ENV}, else a SQLite file in your data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser(
        "seed-demo", help="fill the database with a demo district to explore",
        description="Add a small demo district (staff, and requests in every state) to the database.",
    )
    printing = commands.add_parser(
        "print-decision", help="save the decision sheet of a request as a PDF",
        description="Save the policy 3520.13 form of a request, with its decision, as a PDF.",
    )
    printing.add_argument("request_id", type=int, metavar="REQUEST_ID", help="the request number")
    printing.add_argument("-o", "--output", required=True, metavar="FILE", help='the PDF to write ("-": stdout)')
    printing.add_argument("--as", dest="as_email", metavar="EMAIL",
                          help="act as this person (default: the first active administrator)")
    batch = commands.add_parser(
        "print-decisions", help="save the decision sheets of the requests decided in a period, one PDF each",
        description="Save the policy 3520.13 form of every request decided (approved or not approved) in a date "
                    "range or a school year (July 1 to June 30) into a folder, one PDF per request named "
                    "decision-NNNNN.pdf by request number, so the folder lists them in order. A file of the same "
                    "name is replaced; other files are left alone. Reviewers and administrators. Ctrl+C stops "
                    "after the file being written; the files already saved are whole.",
    )
    period = batch.add_mutually_exclusive_group(required=True)
    period.add_argument("--school-year", metavar="YEAR", type=_school_year,
                        help="the school year, by the year it starts in (2025 or 2025-26: July 1, 2025 to June 30, "
                             "2026)")
    period.add_argument("--from", dest="first", metavar="DATE", type=_date,
                        help="the first day (YYYY-MM-DD), with --to")
    batch.add_argument("--to", dest="last", metavar="DATE", type=_date, help="the last day (YYYY-MM-DD), included")
    batch.add_argument("-o", "--output", required=True, metavar="DIR", help="the folder to write (created if need be)")
    batch.add_argument("--as", dest="as_email", metavar="EMAIL",
                       help="act as this person (default: the first active administrator)")
    batch.add_argument("--jobs", type=int, metavar="N",
                       help="processes to render with (default: one per core for a large batch)")
    website = commands.add_parser(
        "export-website", help="write the public contracts website (C.G.S. 10-234bb) to a folder",
        description="Write the district's public contracts website as static files: index.html (every contract "
                    "with its date executed, description, purpose and the student data it allows), resources.html "
                    "(approved resources, for parents), contracts.csv, contracts.json and the signed documents. "
                    "Other files in the folder are left alone.",
    )
    website.add_argument("outdir", metavar="OUTDIR", help="the folder to write (created if need be)")
    website.add_argument("--record-posted", action="store_true",
                         help="then record today as the website-notice date of every contract that has none "
                              "(reviewers and administrators)")
    website.add_argument("--as", dest="as_email", metavar="EMAIL",
                         help="act as this person (default: the first active administrator)")
    records = commands.add_parser(
        "export-records", help="export the records as CSV or Excel, for a public-records request or an auditor",
        description="Export the records (requests with their decisions, approved resources with their compliance "
                    "status, contracts with their eleven provisions, incidents, deletion requests, IEP/504 "
                    "exceptions by case reference, and the audit trail) as an Excel workbook (a sheet per table) "
                    "or as CSV files (one per table, in a folder, or in a .zip when PATH ends in .zip). Drafts are "
                    "not exported. The file appears only once it is whole; the export is recorded in the audit "
                    "trail. Reviewers and administrators. Ctrl+C stops it and leaves nothing behind.",
    )
    records.add_argument("--format", dest="fmt", choices=("xlsx", "csv"), default="xlsx",
                         help="xlsx: one workbook (default); csv: a folder of .csv files, or a .zip of them")
    records.add_argument("-o", "--output", required=True, metavar="PATH",
                         help="the .xlsx file, or for csv the folder (created if need be) or the .zip file")
    records.add_argument("--tables", nargs="+", metavar="TABLE",
                         help="only these tables: requests, resources, contracts, incidents, deletions, exceptions, "
                              "audit (default: all)")
    records.add_argument("--as", dest="as_email", metavar="EMAIL",
                         help="act as this person (default: the first active administrator)")
    saving = commands.add_parser(
        "backup", help="copy the whole database into a backup file",
        description="Copy the whole database into FILE while the app may stay open: a SQLite file through "
                    "SQLite's backup API, a database server through pg_dump (PostgreSQL's client tools). The file "
                    "holds personal data and is readable by you only; keep it safe.",
    )
    saving.add_argument("file", metavar="FILE", help="the backup file to write")
    saving.add_argument("--force", action="store_true", help="replace FILE if it already exists")
    restoring = commands.add_parser(
        "restore", help="replace everything in the database with a backup file",
        description="Replace everything in the database with the backup FILE made by `techapproval backup`. The "
                    "file is checked first; a backup from a newer techapproval is refused. The database as it was "
                    "is kept in a copy (next to a SQLite file; for a server, in your data folder).",
    )
    restoring.add_argument("file", metavar="FILE", help="the backup file to restore")
    restoring.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    commands.add_parser(
        "verify-audit", help="check that the audit trail has not been changed",
        description="Recompute the hash chain of the audit trail, oldest event first. Exit status 0 when every "
                    "event fits; 1 naming the first event that was changed, removed or inserted outside the app. "
                    "Write down the last hash it prints (or keep the output with your backups): a later run "
                    "that prints a different history before it shows the trail was rewritten.",
    )
    server = commands.add_parser(
        "init-server", help="prepare a PostgreSQL database for district mode (schema, administrator, grants)",
        description="Prepare a database on a PostgreSQL server, connecting as the role that owns it: create or "
                    "upgrade the schema, set up the district and its first administrator if nobody uses it yet, and "
                    "with --app-role give the role the desks connect as exactly the rights the app needs (it can "
                    "change no table's shape). Safe to run again: on a prepared database it only upgrades and "
                    "re-applies the grants; run it after each upgrade of techapproval. The administrator's "
                    f"password is asked for twice, or read from ${ADMIN_PASSWORD_ENV}; never given as an argument.",
    )
    server.add_argument("url", metavar="URL", help="the owner's address, e.g. postgresql://owner@server/techapproval")
    server.add_argument("--app-role", metavar="ROLE",
                        help="an existing role for the app to connect as: it gets the app's rights and no more")
    server.add_argument("--print-grants", action="store_true",
                        help="only print the grant statements for --app-role (to run them yourself), then stop")
    for option, what in (("--district", "the district's name"), ("--town", "its town"),
                         ("--approver-title", "the approver's title"),
                         ("--admin-name", "the first administrator's name"),
                         ("--admin-position", "their position"), ("--admin-email", "their email address")):
        server.add_argument(option, metavar=option.rsplit("-", 1)[-1].upper(),
                            help=f"{what}, if nobody uses the database yet (asked for when missing)")
    checking = commands.add_parser(
        "check-contract", help="read a contract for the eleven provisions of C.G.S. 10-234bb",
        description="Read a contract (PDF with text, Word .docx or plain text) and say, for each of the eleven "
                    "provisions, whether it is found (with the sentences and their page), not found, or in "
                    "conflict (governing law of another state, selling or advertising, data kept after the "
                    "contract ends, a late breach notice...), with the words that matched. Suggestions only: "
                    "the coordinator decides. Runs offline and opens no database. Exit status 0 when the file "
                    "was read, 1 when it could not be.",
    )
    checking.add_argument("file", metavar="FILE", help="the contract to read")
    checking.add_argument("--json", action="store_true",
                          help="print JSON: one object per provision, the conflicts, warnings, breach notice days "
                               "and whether it is the state's uniform addendum")
    checking.add_argument("--gap-report", metavar="PDF",
                          help="also save a gap report for a notice to amend: each provision not found or in "
                               "conflict, the policy's words for it, and what the document says instead")
    checking.add_argument("--district", metavar="NAME", default="",
                          help="the district's name for the gap report's heading")
    reset = commands.add_parser(
        "reset-password", help="give someone a temporary password and end any lock-out",
        description="Set a temporary password for the person with this email address, end any lock-out on "
                    "their account, and make them choose a new password when they next sign in: for when the "
                    "only administrator is locked out or has forgotten the password. The password is asked for "
                    "twice, or read from the first line of standard input when that is not a terminal; never "
                    "given as an argument. The audit trail records the reset as done by System.",
    )
    reset.add_argument("email", metavar="EMAIL", help="the email address the person signs in with")
    notify = commands.add_parser(
        "send-notifications", help="send the email notifications waiting in the outbox (for a scheduled task)",
        description="Write each reviewer's morning digest when it is due, then send every email waiting in the "
                    "outbox through the relay set under Settings \u2192 Email, marking each sent or to be tried "
                    "again later. Safe to run every few minutes from cron or Windows Task Scheduler, and at the "
                    "same time as the app: no message is sent twice. Exit status 0 when nothing failed, 1 "
                    "otherwise. See docs/EMAIL.md.",
    )
    notify.add_argument("--limit", type=int, default=200, metavar="N", help="send at most N messages (default 200)")
    return parser


def run(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import DBAPIError

    from .services.errors import DatabaseProblem, ServiceError
    from .services.system import plain_error

    command = COMMANDS.get(args.command)
    if command is None:
        print(f"techapproval: unknown command {args.command}", file=sys.stderr)
        return 2
    try:
        return command(args)
    except DatabaseProblem as exc:
        return _fail(f"{exc.title}: {exc.message}")
    except DBAPIError as exc:  # e.g. busy or disk full after opening
        problem = plain_error(exc)
        return _fail(f"{problem.title}: {problem.message}")
    except ServiceError as exc:
        return _fail(exc.message)
    except CliError as exc:
        return _fail(str(exc))
    except Exception as exc:  # noqa: BLE001 - a plain message, never a traceback with data in it
        from .errorlog import log_unexpected

        path = log_unexpected(type(exc), exc.__traceback__, exc)
        where = f" Details for district IT are in {path}." if path else ""
        return _fail(f"An unexpected problem stopped the command ({type(exc).__name__}); nothing more was done."
                     f"{where}")


def _fail(message: str) -> int:
    print(f"techapproval: {message}", file=sys.stderr)
    return 1


def _open(args: argparse.Namespace):
    """The backend every command runs its use cases through, on the database the options name."""
    from .services.backend import LocalBackend

    return LocalBackend.open(database_url(args.database))


def _actor(backend, email: str | None) -> int:
    """Whom the command acts as: the person with --as EMAIL, else the first active administrator."""
    from .services.system import acting_as

    return backend.query(acting_as, email)


def seed_demo(args: argparse.Namespace) -> int:
    from .services.demo import seed_demo as seed

    backend = _open(args)
    try:
        summary = backend.maintain(seed)
    finally:
        backend.dispose()
    print(f"Added the demo district to {backend.location}.")
    print("Requests: " + ", ".join(f"{n} {s.label.lower()}" for s, n in summary.requests.items() if n)
          + f" ({sum(summary.requests.values())} in all).")
    print("\nSign in as:")
    for p in summary.people:
        print(f"  {p.email:<34} {p.role.label:<18} {p.name}, {p.position}")
    print(f"\nPassword for each of them: {summary.password}")
    if not summary.administrator_created:
        print("The database's own administrator is unchanged and keeps their password.")
    return 0


def print_decision(args: argparse.Namespace) -> int:
    from .services.printing import decision_sheet

    backend = _open(args)
    try:
        sheet = backend.run(decision_sheet, _actor(backend, args.as_email), args.request_id).value
    finally:
        backend.dispose()
    from .pdf.decision import render_decision_pdf  # reportlab loads only for this command

    pdf = render_decision_pdf(sheet)
    if args.output == "-":
        sys.stdout.buffer.write(pdf)
        sys.stdout.buffer.flush()
    else:
        _write_atomically(Path(args.output), pdf)
        print(f"Saved the decision sheet of {sheet.reference} ({sheet.status.label.lower()}) to {args.output}.")
    return 0


def _date(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD") from None


def _school_year(text: str) -> int:
    """2025, 2025-26 or 2025\u201326 (as the app prints it): the year the school year starts in."""
    import re

    match = re.fullmatch(r"(\d{4})(?:[-\u2013/](\d{2}|\d{4}))?", text.strip())
    if match:
        start, end = int(match[1]), match[2]
        if end is None or int(end) in (start + 1, (start + 1) % 100):
            return start
    raise argparse.ArgumentTypeError(f"{text!r} is not a school year; write the year it starts in, e.g. 2025 "
                                     "or 2025-26")


def print_decisions(args: argparse.Namespace) -> int:
    from .domain.deadlines import school_year_label
    from .services.printing import decided_between, save_decision_sheets, school_year_dates

    if args.school_year is not None:
        if args.last is not None:
            raise CliError("Give either --school-year or --from and --to, not both.")
        first, last = school_year_dates(args.school_year)
    else:
        if args.last is None:
            raise CliError("Give the last day with --to (or a whole school year with --school-year).")
        first, last = args.first, args.last
        if last < first:
            raise CliError(f"--to {last.isoformat()} is before --from {first.isoformat()}.")
    if args.jobs is not None and args.jobs < 1:
        raise CliError("--jobs must be 1 or more.")
    outdir = Path(args.output)
    if outdir.exists() and not outdir.is_dir():
        raise CliError(f"{outdir} is a file, not a folder. Give the folder to save the decision sheets in.")
    backend = _open(args)
    try:
        actor = _actor(backend, args.as_email)
        ids = backend.run(decided_between, actor, first, last).value
        if not ids:
            print(f"No request was decided from {first.isoformat()} to {last.isoformat()}; nothing was saved.")
            return 0
        # Ctrl+C stops after the file being written, not in the middle of it
        with _progress_and_ctrl_c("saved") as (progress, cancelled):
            try:
                result = backend.long_run(save_decision_sheets, actor, ids, outdir, progress=progress,
                                          cancelled=cancelled, workers=args.jobs)
            except OSError as exc:
                raise CliError(f"Cannot write to {outdir} ({exc.strerror or exc}). The decision sheets saved "
                               "before this are whole.") from None
    finally:
        backend.dispose()
    if args.school_year is not None:
        period = f"decided in the school year {school_year_label(args.school_year)}"
    else:
        period = f"decided from {first.isoformat()} to {last.isoformat()}"
    if result.cancelled:
        return _fail(f"Stopped: saved {len(result.files)} of the {result.total} decision sheets {period} to "
                     f"{outdir}; each saved file is whole.")
    print(f"Saved the decision sheets of the {result.total} request(s) {period} to {outdir}.")
    return 0


def export_records(args: argparse.Namespace) -> int:
    from .export.writers import TableFormat
    from .services.records_export import chosen_tables
    from .services.records_export import export_records as export

    output = Path(args.output)
    if args.fmt == "xlsx":
        fmt = TableFormat.XLSX
        if output.suffix.lower() != ".xlsx":
            raise CliError(f"{output} does not end in .xlsx; give the workbook's name, e.g. records.xlsx.")
    else:
        fmt = TableFormat.CSV_ZIP if output.suffix.lower() == ".zip" else TableFormat.CSV
    tables = chosen_tables([t.strip().lower() for t in args.tables] if args.tables else None)
    backend = _open(args)
    try:
        actor = _actor(backend, args.as_email)
        # Ctrl+C stops between pages, and the files are removed
        with _progress_and_ctrl_c("rows written") as (progress, cancelled):
            try:
                result = backend.long_run(export, actor, output, fmt, [t.key for t in tables],
                                          progress=progress, cancelled=cancelled)
            except OSError as exc:
                raise CliError(f"Cannot write {output} ({exc.strerror or exc}). Nothing was exported.") from None
    finally:
        backend.dispose()
    if result.cancelled:
        return _fail("Stopped: nothing was exported.")
    counts = ", ".join(f"{result.rows[t.key]} {t.title.lower()}" for t in tables if t.key in result.rows)
    print(f"Exported {result.row_count} rows ({counts}) to {output}.")
    return 0


@contextmanager
def _progress_and_ctrl_c(unit: str):
    """For a long task: its progress on a terminal's stderr ("12 of 40 saved"), and Ctrl+C asking it to stop
    at its next step rather than killing it mid-write. Yields the task's (progress, cancelled) callbacks."""
    import signal
    import threading

    stopping = []
    show = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show:
            print(f"\r{done} of {total} {unit}", end="", file=sys.stderr, flush=True)

    def stop(_signum, _frame) -> None:
        stopping.append(True)

    catching = threading.current_thread() is threading.main_thread()  # only it may set a signal handler
    previous = signal.signal(signal.SIGINT, stop) if catching else None
    try:
        yield progress, lambda: bool(stopping)
    finally:
        if catching:
            signal.signal(signal.SIGINT, previous if previous is not None else signal.default_int_handler)
        if show:
            print(file=sys.stderr)


def export_website(args: argparse.Namespace) -> int:
    from .services.website import check_may_record_posted, export_site
    from .website.export import ExportProblem

    outdir = Path(args.outdir)
    if outdir.exists() and not outdir.is_dir():
        raise CliError(f"{outdir} is a file, not a folder. Give the folder to write the website to.")
    backend = _open(args)
    try:
        actor = _actor(backend, args.as_email)
        if args.record_posted:
            backend.run(check_may_record_posted, actor)
        try:
            exported = backend.long_run(export_site, actor, outdir)
        except ExportProblem as exc:
            raise CliError(f"{exc} The website in {outdir} may be partly updated; nothing was recorded.") from None
        except OSError as exc:
            raise CliError(f"Cannot write the website to {outdir} ({exc.strerror or exc}). Choose a folder you "
                           "can write to; nothing was recorded.") from None
        data, result = exported.data, exported.result
        print(f"Wrote the contracts website to {outdir}: {len(data.contracts)} contract(s), {result.documents} "
              f"document(s), {len(data.resources)} approved resource(s); {len(result.written)} file(s) new or "
              f"changed.")
        if result.removed:
            print(f"Removed {len(result.removed)} old document(s) no longer listed: {', '.join(result.removed)}.")
        if args.record_posted:
            _record_posted(backend, actor, data.contracts)
    finally:
        backend.dispose()
    return 0


def _record_posted(backend, actor: int, contracts) -> None:
    """After a successful export: today becomes the website-notice date of each contract that has none."""
    from datetime import date

    from .services.contracts import record_notice_posted

    today = date.today()
    changed = set(backend.run(record_notice_posted, actor, [c.id for c in contracts], today).value)
    if not changed:
        print("Every contract already had a website-notice date; nothing was recorded.")
        return
    print(f"Recorded the website notice as posted on {today.isoformat()} for:")
    for c in contracts:
        if c.id in changed:
            title = f" \u2014 {c.title}" if c.title else ""
            note = "" if c.document_sha256 else "; no signed document attached yet: the notice should include it"
            print(f"  {c.contractor}{title} (executed {c.executed.isoformat()}{note})")


def verify_audit(args: argparse.Namespace) -> int:
    from .services.system import audit_trail

    backend = _open(args)
    try:
        report = backend.query(audit_trail)
    finally:
        backend.dispose()
    where, bad = backend.location, report.bad
    if report.problem is None:
        print(f"The audit trail of {where} is intact: {report.events} event(s).")
        print(f"Last hash: {report.head_hash}")
        return 0
    if bad is None:
        return _fail(f"The audit trail of {where} is not intact: {report.problem}.")
    when = bad.at.strftime("%Y-%m-%d %H:%M UTC")
    return _fail(f"The audit trail of {where} is not intact. The first bad event is number {bad.id} "
                 f"({when}, {bad.entity} {bad.entity_id}, \"{bad.action}\"): it {report.problem}.")


ADMIN_PASSWORD_ENV = "TECHAPPROVAL_ADMIN_PASSWORD"


def init_server(args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(args.url)
    except ArgumentError:
        raise CliError(f"{args.url} is not a database address; give the PostgreSQL owner's, e.g. "
                       "postgresql://owner@server/techapproval.") from None
    if url.get_backend_name() != "postgresql":
        raise CliError("init-server prepares a database on a PostgreSQL server. A SQLite file needs no init: "
                       "the app sets it up on first run.")
    from .services.system import REGRANT_NOTE, AppRoleProblem, check_app_role, grant_app_role, grant_statements

    if args.print_grants:
        print(grant_statements(args.app_role or "techapproval_app", url.database or "techapproval"), end="")
        return 0
    from .services.backend import LocalBackend
    from .services.system import schema_revision

    before = schema_revision(url)
    backend = LocalBackend.open(url)  # creates or upgrades the schema
    try:
        head = backend.schema_version
        if before is None:
            print(f"Created the techapproval schema ({head}) in {backend.location}.")
        elif before != head:
            print(f"Upgraded {backend.location} from schema {before} to {head}.")
        else:
            print(f"{backend.location} is already initialised (schema {head}); nothing to upgrade.")
        if args.app_role:
            try:
                backend.maintain(check_app_role, args.app_role)
            except AppRoleProblem as exc:
                raise CliError(str(exc)) from None
        if backend.needs_setup():
            details = _setup_details(args)
            admin = backend.complete_setup(**details)
            print(f"Set up {details['district_name']}: {admin.name} ({admin.email}) is the first administrator.")
        else:
            print("The district is already set up; its settings and people are unchanged.")
        if args.app_role:
            try:
                backend.maintain(grant_app_role, args.app_role)
            except AppRoleProblem as exc:
                raise CliError(str(exc)) from None
            desk = url.set(drivername="postgresql", username=args.app_role, password=None)
            print(f"Granted {args.app_role} the app's rights: read and write its records, add to the audit trail "
                  f"(never change or remove it), no schema changes. Desks connect with "
                  f"--database {desk.render_as_string(hide_password=True)} (and the role's password).")
            print(REGRANT_NOTE)
        else:
            print("No grants changed. Give the desks a role that cannot change the schema: run again with "
                  "--app-role ROLE (--print-grants shows the statements).")
    finally:
        backend.dispose()
    return 0


def _setup_details(args: argparse.Namespace) -> dict[str, str]:
    """What complete_setup needs: from the options, else asked for on a terminal."""
    import getpass

    from .domain.settings import SETTINGS
    from .domain.validation import password_problem

    asking = sys.stdin.isatty()
    fields = (
        ("district_name", args.district, "--district", "District name", None),
        ("town", args.town, "--town", "Town", None),
        ("approver_title", args.approver_title, "--approver-title", "Approver title",
         SETTINGS["approver_title"].default),
        ("name", args.admin_name, "--admin-name", "First administrator's name", None),
        ("position", args.admin_position, "--admin-position", "Their position", ""),
        ("email", args.admin_email, "--admin-email", "Their email address (to sign in)", None),
    )
    details: dict[str, str] = {}
    missing: list[str] = []
    password = os.environ.get(ADMIN_PASSWORD_ENV)
    try:
        for key, value, option, prompt, default in fields:
            if value is None and asking:  # an empty answer is refused below, with the reason
                value = input(f"{prompt}{f' [{default}]' if default else ''}: ").strip() or default or ""
            if value is None:
                value = default
            if value is None:
                missing.append(option)
            details[key] = value or ""
        if not password and asking and not missing:
            password = getpass.getpass("Their password: ")
            if problem := password_problem(password):
                raise CliError(f"Password: {problem} Nothing was set up; run init-server again.")
            if getpass.getpass("The password again: ") != password:
                raise CliError("The two passwords differ. Nothing was set up; run init-server again.")
    except (EOFError, KeyboardInterrupt):
        raise CliError("Stopped before the district was set up; run init-server again.") from None
    if not password:
        missing.append(f"${ADMIN_PASSWORD_ENV}")
    if missing:
        raise CliError("Nobody uses this database yet, so init-server sets up the district and its first "
                       f"administrator: give {', '.join(missing)} (or run it in a terminal to be asked).")
    details["password"] = password
    return details


def reset_password(args: argparse.Namespace) -> int:
    from .services.errors import Invalid
    from .services.system import reset_password as reset

    password = _temporary_password()
    backend = _open(args)
    try:
        person = backend.maintain(reset, args.email, password)
    except Invalid as exc:
        raise CliError(f"{' '.join(exc.errors.values())} Nothing was changed.") from None
    finally:
        backend.dispose()
    print(f"Reset the password of {person.name} ({person.email}); any lock-out has ended. "
          "They must choose a new password when they next sign in.")
    return 0


def _temporary_password() -> str:
    """Asked for twice on a terminal, else the first line of stdin: never an argument, which others could see."""
    import getpass

    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    password = getpass.getpass("Temporary password: ")
    if getpass.getpass("The same again: ") != password:
        raise CliError("The two passwords differ. Nothing was changed.")
    return password


def backup(args: argparse.Namespace) -> int:
    from .services.system import backup_file

    result = backup_file(database_url(args.database), Path(args.file), force=args.force)
    print(f"Backed up {result.location} to {result.file}: {_size(result.size)}, schema {result.revision}.")
    print("The backup holds personal data and only you can read it; keep it somewhere safe.")
    return 0


def restore(args: argparse.Namespace) -> int:
    from .services.system import restore_file

    source = Path(args.file)
    if not args.yes and not sys.stdin.isatty():
        raise CliError(f"A restore replaces everything in the database with {source}, and there is no terminal to"
                       " ask whether you mean it. Add --yes to confirm. Nothing was changed.")

    def confirm(location: str) -> bool:
        if args.yes:
            return True
        try:
            answer = input(f"Replace everything in {location} with {source}? [y/N] ")
        except EOFError:
            return False
        return answer.strip().lower() in ("y", "yes")

    result = restore_file(database_url(args.database), source, confirm=confirm)
    print(f"Restored {result.file} ({_size(result.size)}, schema {result.revision}) into {result.location}.")
    if result.previous_copy is not None:
        print(f"The database as it was before is kept in {result.previous_copy}.")
    else:
        print("The database held nothing before, so no copy of it was needed.")
    if result.upgraded_to:
        print(f"The restored data was upgraded from schema {result.revision} to {result.upgraded_to}.")
        if result.server:
            print("If the desks connect as an app role of their own, run `techapproval init-server` with the owner's"
                  " address to give it its rights on the upgraded tables.")
    return 0


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    size = float(n)
    for unit in ("KB", "MB", "GB"):
        size /= 1024
        if size < 1024 or unit == "GB":
            break
    return f"{size:.1f} {unit}"


def _write_atomically(path: Path, data: bytes) -> None:
    """A temporary file next to the target, then a rename: readers never see half a PDF, and a
    failure leaves any earlier file as it was."""
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise CliError(f"Cannot write to the folder {path.parent} ({exc.strerror}).") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; give it the usual permissions
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise CliError(f"Cannot save {path} ({exc.strerror}). Nothing was written.") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_contract(args: argparse.Namespace) -> int:
    """The clause check of one file, for people or as JSON. Opens no database."""
    import json

    from .domain.clauses import plain_text
    from .domain.contract_form import MAX_DOCUMENT_BYTES
    from .services.contract_text import TextProblem, check_document

    path = Path(args.file)
    try:
        if not path.is_file():
            raise CliError(f"{path} is not a file that can be read.")
        if path.stat().st_size > MAX_DOCUMENT_BYTES:
            raise CliError(f"{path.name} is larger than {MAX_DOCUMENT_BYTES // 2**20} MB: it is not checked.")
        content = path.read_bytes()
    except OSError as exc:
        raise CliError(f"{path} cannot be read ({exc.strerror or exc}).") from None
    try:
        check = check_document(path.name, content)
    except TextProblem as exc:
        raise CliError(exc.message) from None
    if args.json:
        print(json.dumps({"file": path.name, **check.as_json()}, ensure_ascii=False, indent=2))
    else:
        print(plain_text(check, path.name), end="")
    if args.gap_report:
        _save_gap_report(check, path.name, Path(args.gap_report), args.district, quiet=args.json)
    return 0


def _save_gap_report(check, name: str, target: Path, district: str, quiet: bool) -> None:
    from datetime import date

    from .domain.contracts import DEFAULT_AMEND_DAYS
    from .pdf.gap_report import render_gap_report
    from .services.contracts import GapReport, gaps_of

    missing = [r.provision for r in check.gaps]
    report = GapReport(name, "", name, date.today(), DEFAULT_AMEND_DAYS, gaps_of(check, missing),
                       f"Read from {name} by the clause check (techapproval check-contract); its findings are "
                       "suggestions for the district to confirm.")
    try:
        _write_atomically(target, render_gap_report(report, {"district_name": district}))
    except OSError as exc:
        raise CliError(f"Cannot write the gap report to {target} ({exc.strerror or exc}).") from None
    if not quiet:
        print(f"Saved the gap report ({len(missing)} provisions) to {target}.")


def send_notifications(args: argparse.Namespace) -> int:
    from .mail import send_due

    backend = _open(args)
    try:
        report = backend.maintain(send_due, limit=max(1, args.limit))
    finally:
        backend.dispose()
    if report.email_off:
        print("Email is not set up (Settings \u2192 Email): nothing was sent.")
        return 0
    print(f"Sent {report.sent} message(s); {report.failed} to try again or failed; "
          f"{report.digests} digest(s) written.")
    for error in dict.fromkeys(report.errors):
        print(f"  {error}", file=sys.stderr)
    return 1 if report.failed else 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "send-notifications": send_notifications,
    "check-contract": check_contract,
    "verify-audit": verify_audit,
    "seed-demo": seed_demo,
    "print-decision": print_decision,
    "print-decisions": print_decisions,
    "export-website": export_website,
    "export-records": export_records,
    "backup": backup,
    "restore": restore,
    "reset-password": reset_password,
    "init-server": init_server,
}
