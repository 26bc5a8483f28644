"""File → Export contracts website: the same export as `techapproval export-website`, from the desktop."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..db.database import DatabaseProblem
from ..domain.contracts import format_day
from ..services import contracts, website
from ..services.errors import ServiceError
from .common import show_problem
from .context import AppContext


def export_contracts_website(parent: QWidget, ctx: AppContext) -> Path | None:
    """Ask for a folder, write the site there, then offer to record today's posting of new notices."""
    from ..website.export import ExportProblem, export_website  # loaded only when used

    folder = QFileDialog.getExistingDirectory(parent, "Export the contracts website to a folder")
    if not folder:
        return None
    outdir = Path(folder)
    try:
        with ctx.db.transaction() as session:
            data = website.website_data(session, ctx.person.id)
            result = export_website(data, outdir,
                                    lambda cid: contracts.document_content(session, ctx.person.id, cid))
    except (ServiceError, DatabaseProblem) as exc:
        show_problem(parent, exc)
        return None
    except (ExportProblem, OSError) as exc:
        QMessageBox.warning(parent, "The website was not exported",
                            f"The website could not be written to {outdir}: {getattr(exc, 'strerror', None) or exc}."
                            " Nothing was recorded.")
        return None
    summary = (f"Wrote the contracts website to {outdir}: {len(data.contracts)} contract(s), "
               f"{len(data.resources)} approved resource(s); {len(result.written)} file(s) new or changed.")
    unposted = [c for c in ctx.call(contracts.list_contracts) if c.form.notice_posted_on is None]
    if not ctx.is_reviewer or not unposted:
        QMessageBox.information(parent, "Website exported", summary)
        return outdir
    names = "\n".join(f"\u2022 {c.label}" for c in unposted)
    answer = QMessageBox.question(
        parent, "Website exported",
        f"{summary}\n\nThese contracts have no website-notice date yet:\n{names}\n\nWill you publish this export "
        f"today? If so, record {format_day(date.today())} as the date their notice was posted.",
    )
    if answer == QMessageBox.StandardButton.Yes:
        try:
            ctx.call(contracts.record_notice_posted, [c.id for c in unposted], date.today())
        except (ServiceError, DatabaseProblem) as exc:
            show_problem(parent, exc)
    return outdir
