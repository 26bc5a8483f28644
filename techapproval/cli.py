"""Command-line tasks. Each opens the database the same way the app does and calls services.

The command line is for district IT with access to the database file: it asks for no password
(whoever can read the file can read everything in it anyway) and acts as a named person, or as
the first active administrator.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from . import __version__
from .paths import DATABASE_ENV, database_url


class CliError(Exception):
    """A plain-language message for stderr; exit status 1."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="techapproval",
        description="Staff requests for approval of technology resources (Connecticut policy 3520.13).",
        epilog="Commands act on the database file directly and ask for no password: they are for district IT.",
    )
    parser.add_argument("--version", action="version", version=f"techapproval {__version__}")
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
    return parser


def run(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import DBAPIError

    from .db.database import DatabaseProblem, plain_error
    from .services.errors import ServiceError

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

        path = log_unexpected(type(exc), exc.__traceback__)
        where = f" Details for district IT are in {path}." if path else ""
        return _fail(f"An unexpected problem stopped the command ({type(exc).__name__}); nothing more was done."
                     f"{where}")


def _fail(message: str) -> int:
    print(f"techapproval: {message}", file=sys.stderr)
    return 1


def _open(args: argparse.Namespace):
    from .db.database import open_database

    return open_database(database_url(args.database))


def seed_demo(args: argparse.Namespace) -> int:
    from .services.demo import seed_demo as seed

    db = _open(args)
    try:
        summary = seed(db)
    finally:
        db.dispose()
    print(f"Added the demo district to {db.location}.")
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

    db = _open(args)
    try:
        with db.transaction() as session:
            sheet = decision_sheet(session, _actor(session, args.as_email), args.request_id)
    finally:
        db.dispose()
    from .pdf.decision import render_decision_pdf  # reportlab loads only for this command

    pdf = render_decision_pdf(sheet)
    if args.output == "-":
        sys.stdout.buffer.write(pdf)
        sys.stdout.buffer.flush()
    else:
        _write_atomically(Path(args.output), pdf)
        print(f"Saved the decision sheet of {sheet.reference} ({sheet.status.label.lower()}) to {args.output}.")
    return 0


def export_website(args: argparse.Namespace) -> int:
    from .services.contracts import document_content
    from .services.website import check_may_record_posted, website_data
    from .website.export import ExportProblem
    from .website.export import export_website as export

    outdir = Path(args.outdir)
    if outdir.exists() and not outdir.is_dir():
        raise CliError(f"{outdir} is a file, not a folder. Give the folder to write the website to.")
    db = _open(args)
    try:
        with db.transaction() as session:
            actor = _actor(session, args.as_email)
            if args.record_posted:
                check_may_record_posted(session, actor)
            data = website_data(session, actor)
            try:
                result = export(data, outdir, lambda contract_id: document_content(session, actor, contract_id))
            except ExportProblem as exc:
                raise CliError(f"{exc} The website in {outdir} may be partly updated; nothing was recorded.") from None
            except OSError as exc:
                raise CliError(f"Cannot write the website to {outdir} ({exc.strerror or exc}). Choose a folder you "
                               "can write to; nothing was recorded.") from None
        print(f"Wrote the contracts website to {outdir}: {len(data.contracts)} contract(s), {result.documents} "
              f"document(s), {len(data.resources)} approved resource(s); {len(result.written)} file(s) new or "
              f"changed.")
        if result.removed:
            print(f"Removed {len(result.removed)} old document(s) no longer listed: {', '.join(result.removed)}.")
        if args.record_posted:
            _record_posted(db, actor, data.contracts)
    finally:
        db.dispose()
    return 0


def _record_posted(db, actor: int, contracts) -> None:
    """After a successful export: today becomes the website-notice date of each contract that has none."""
    from datetime import date

    from .services.contracts import record_notice_posted

    today = date.today()
    with db.transaction() as session:
        changed = set(record_notice_posted(session, actor, [c.id for c in contracts], today))
    if not changed:
        print("Every contract already had a website-notice date; nothing was recorded.")
        return
    print(f"Recorded the website notice as posted on {today.isoformat()} for:")
    for c in contracts:
        if c.id in changed:
            title = f" \u2014 {c.title}" if c.title else ""
            note = "" if c.document_sha256 else "; no signed document attached yet: the notice should include it"
            print(f"  {c.contractor}{title} (executed {c.executed.isoformat()}{note})")


def _actor(session, email: str | None) -> int:
    from sqlalchemy import select

    from .db.models import Person
    from .domain.enums import Role

    if email:
        person = session.scalar(select(Person).where(Person.email == email.strip().casefold()))
        if person is None:
            raise CliError(f"Nobody with the email address {email} uses this database.")
        if not person.active:
            raise CliError(f"The account of {person.name} ({person.email}) is switched off.")
        return person.id
    admin = session.scalar(select(Person.id).where(Person.role == Role.ADMINISTRATOR.value, Person.active)
                           .order_by(Person.id))
    if admin is None:
        raise CliError("This database has no active administrator yet. Set it up in the app, or use --as EMAIL.")
    return admin


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


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "seed-demo": seed_demo,
    "print-decision": print_decision,
    "export-website": export_website,
}
