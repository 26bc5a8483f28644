"""File → Export contracts website: the same export as `techapproval export-website`, from the desktop."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from ..db.database import DatabaseProblem
from ..domain.contracts import format_day
from ..services import contracts, website
from ..services.errors import ServiceError
from .background import BackgroundTask
from .common import show_problem
from .context import AppContext
from .folders import existing_folder
from .i18n import translate


def export_contracts_website(parent: QWidget, ctx: AppContext) -> Path | None:
    """Ask for a folder, write the site there off the UI thread (progress, Cancel), then offer to record
    today's posting of new notices. Returns when the export is done, like a dialog's exec()."""
    from ..website.export import ExportCancelled, ExportProblem  # loaded only when used

    folder = existing_folder(parent, translate("Website", "Export the contracts website to a folder"))
    if not folder:
        return None
    outdir = Path(folder)

    def work(progress, cancelled) -> website.SiteExport:  # in the worker thread
        return ctx.long_run(website.export_site, outdir, progress=progress, cancelled=cancelled)

    task = BackgroundTask(
        parent,
        translate("Website", "Exporting the contracts website"),
        translate("Website", "Writing the contracts website to {folder}\u2026").format(folder=outdir),
        work,
    ).start()
    try:
        exported = task.wait()
    except (ServiceError, DatabaseProblem) as exc:
        show_problem(parent, exc)
        return None
    except ExportCancelled:
        QMessageBox.information(
            parent,
            translate("Website", "Website export stopped"),
            translate(
                "Website", "The export was stopped. The pages in {outdir} are as they were; nothing was recorded."
            ).format(outdir=outdir),
        )
        return None
    except (ExportProblem, OSError) as exc:
        QMessageBox.warning(
            parent,
            translate("Website", "The website was not exported"),
            translate("Website", "The website could not be written to {outdir}: {value}. Nothing was recorded.").format(
                outdir=outdir, value=getattr(exc, "strerror", None) or exc
            ),
        )
        return None
    data, result = exported.data, exported.result
    summary = (f"Wrote the contracts website to {outdir}: {len(data.contracts)} contract(s), "
               f"{len(data.resources)} approved resource(s); {len(result.written)} file(s) new or changed.")
    unposted = [c for c in ctx.call(contracts.list_contracts) if c.form.notice_posted_on is None]
    if not ctx.is_reviewer or not unposted:
        QMessageBox.information(parent, translate("Website", "Website exported"), summary)
        return outdir
    names = "\n".join(f"\u2022 {c.label}" for c in unposted)
    answer = QMessageBox.question(
        parent,
        translate("Website", "Website exported"),
        translate(
            "Website",
            "{summary}\n\nThese contracts have no website-notice date yet:\n{names}\n\nWill you publish this export "
            "today? If so, record {value} as the date their notice was posted.",
        ).format(summary=summary, names=names, value=format_day(date.today())),
    )
    if answer == QMessageBox.StandardButton.Yes:
        try:
            ctx.call(contracts.record_notice_posted, [c.id for c in unposted], date.today())
        except (ServiceError, DatabaseProblem) as exc:
            show_problem(parent, exc)
    return outdir
