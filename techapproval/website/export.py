"""Render the public contracts website and write it to a folder: index.html (the contracts),
resources.html (approved resources, for parents), contracts.csv, contracts.json and the signed
documents under documents/. Same data, same bytes: nothing here reads the clock (the day the pages say
they were last updated, and by which a contract has expired, comes in with the data) or depends on the
order of a dict or a set. Every file is replaced whole (a temporary file, then a rename)."""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
from markupsafe import Markup

from ..domain.enums import format_grades
from ..domain.settings import district_short

if TYPE_CHECKING:  # the data comes from services.website; nothing here touches the database
    from ..services.website import PublicContract, WebsiteData

DOCUMENTS = "documents"
COLUMNS = ("contractor", "title", "executed", "starts", "expires", "description", "purpose",
           "information_collected", "information_details", "document", "document_sha256")
_OURS = re.compile(r"^\.?[0-9a-f]{12}-[A-Za-z0-9._-]+$")  # a document we wrote, or our leftover temporary file
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
EXTERNAL = " (external website)"  # said in every link that leaves the site, so the link text says so


class ExportProblem(Exception):
    """The data cannot be published as it stands; a plain-language message."""


class ExportCancelled(Exception):
    """Stopped on request before any page was written: the pages in the folder are the earlier export's, and
    they still link only to documents that are there (new documents may have been added beside them)."""


@dataclass(frozen=True)
class ExportResult:
    outdir: Path
    written: tuple[str, ...]  # relative paths of files created or changed
    unchanged: tuple[str, ...]  # already there with the same bytes
    removed: tuple[str, ...]  # documents of an earlier export no longer referenced
    documents: int


def safe_filename(name: str) -> str:
    """ASCII letters, digits, ".", "_" and "-" only; accents dropped, anything else becomes "_"."""
    def ascii_only(text: str) -> str:
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
        return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._-")

    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    stem, ext = ascii_only(stem)[:100].rstrip("._-"), ascii_only(ext)[:10].rstrip("._-")
    return (stem or "contract") + (f".{ext}" if ext else "")


def document_path(c: PublicContract) -> str | None:
    """Where the contract's document goes, relative to the site folder: documents/<sha256[:12]>-<name>."""
    if not c.document_sha256:
        return None
    return f"{DOCUMENTS}/{c.document_sha256[:12]}-{safe_filename(c.document_name or 'contract')}"


def export_website(data: WebsiteData, outdir: Path, documents: Callable[[int], tuple[str, bytes]], *,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> ExportResult:
    """Write the site into `outdir` (created if need be). `documents(contract_id)` gives a contract's
    signed document as (file name, bytes). Documents go first and the pages after, so a page never
    links to a missing file; then documents of earlier exports that nothing links to are removed.
    Other files in `outdir` are left alone. Raises OSError when the folder cannot be written.

    `progress(done, total)` is told after each file (documents, then the four pages). Once `cancelled()`
    returns True, ExportCancelled is raised before the next document; once the pages are being written
    the export finishes (they take a moment), so the site is never left half old, half new."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    docs: dict[str, PublicContract] = {}
    for c in data.contracts:
        if (rel := document_path(c)) is not None:
            docs.setdefault(rel, c)
    written: list[str] = []
    unchanged: list[str] = []
    pages = {"contracts.csv": _csv(data), "contracts.json": _json(data), "index.html": _index(data),
             "resources.html": _resources(data)}
    total = len(docs) + len(pages)

    def done() -> None:
        if progress is not None:
            progress(len(written) + len(unchanged), total)

    def stop() -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelled(f"The export was stopped; the pages in {outdir} are unchanged.")

    done()
    if docs:
        (outdir / DOCUMENTS).mkdir(exist_ok=True)
    for rel in sorted(docs):
        stop()
        c = docs[rel]
        content = documents(c.id)[1]
        if hashlib.sha256(content).hexdigest() != c.document_sha256:
            raise ExportProblem(f"The document of the contract with {c.contractor} does not match its checksum; "
                                "it was not published.")
        (written if _write(outdir / rel, content) else unchanged).append(rel)
        done()
    stop()
    for rel in sorted(pages):
        (written if _write(outdir / rel, pages[rel].encode("utf-8")) else unchanged).append(rel)
        done()
    removed = []
    folder = outdir / DOCUMENTS
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            rel = f"{DOCUMENTS}/{path.name}"
            if rel not in docs and _OURS.match(path.name) and (path.is_file() or path.is_symlink()):
                path.unlink()
                removed.append(rel)
    return ExportResult(outdir, tuple(written), tuple(unchanged), tuple(removed), len(docs))


def _write(path: Path, content: bytes) -> bool:
    """Replace `path` whole with `content`; False (and the file untouched) when it already holds it."""
    try:
        if path.is_file() and path.stat().st_size == len(content) and path.read_bytes() == content:
            return False
    except OSError:
        pass
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(content)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # a published file: readable by the web server
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


# --- the data files --------------------------------------------------------------------------------


def _row(c: PublicContract) -> dict[str, str | None]:
    return {
        "contractor": c.contractor, "title": c.title, "executed": c.executed.isoformat(),
        "starts": c.starts.isoformat() if c.starts else None, "expires": c.expires.isoformat() if c.expires else None,
        "description": c.description, "purpose": c.purpose,
        "information_collected": "; ".join(i.label for i in c.information),
        "information_details": c.information_details, "document": document_path(c),
        "document_sha256": c.document_sha256,
    }


def _csv(data: WebsiteData) -> str:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=COLUMNS)  # None is written as an empty cell
    writer.writeheader()
    writer.writerows({k: _cell(v) for k, v in _row(c).items()} for c in data.contracts)
    return out.getvalue()


def _cell(value):
    """A spreadsheet must not run a cell as a formula (CSV injection): text that starts like one gets
    a leading apostrophe, the usual guard. contracts.json keeps the exact text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _json(data: WebsiteData) -> str:
    return json.dumps([_row(c) for c in data.contracts], sort_keys=True, indent=2, ensure_ascii=False) + "\n"


# --- the pages -------------------------------------------------------------------------------------
# Jinja2 templates in templates/ (page.html around each page, its style in style.css), autoescaped: everything a
# template prints is escaped unless it is markup the templates made themselves. WCAG 2.1 AA by design
# (tests/website/test_accessibility_axe.py checks it in a browser): text contrast at least 7:1 (#111 and the links
# #0645ad / visited #551a8b on #fff and on the #eee header cells), borders at least 3:1 (#767676), sizes in rem so
# text resizes, links underlined (never told apart by colour alone), the current page in bold, a thick outline on
# keyboard focus, long addresses wrapped rather than scrolled sideways, and a wide table scrolled in a region of
# its own that the keyboard can reach (the page reflows at 320 CSS px). The skip link is hidden until it has focus.


def _escape(value: object) -> Markup:
    """What a template prints: its own markup as it is, anything else escaped, always with html.escape's
    entities (&quot;, &#x27;), so a page's bytes depend on its data only (a re-export rewrites nothing)."""
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    return Markup(escape(str(value), quote=True))


@functools.cache
def _templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("techapproval.website", "templates"), autoescape=True, finalize=_escape,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined,
    )
    env.globals["EXTERNAL"] = EXTERNAL
    env.tests["web_address"] = lambda url: bool(re.match(r"(?i)^https?://", url))
    env.filters["long_date"] = lambda d: f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    env.filters["document_path"] = document_path
    env.filters["grades"] = lambda r: format_grades(r.grades, r.not_used_by_students) or "Not stated"
    return env


def _school(data: WebsiteData) -> str:
    name = district_short(data.district_name)  # a name typed with the suffix keeps one copy
    return f"{name} Public Schools" if name else "Public Schools"


def _render(template: str, data: WebsiteData, title: str) -> str:
    school = _school(data)
    return _templates().get_template(template).render(
        title=title, current=template, school=school, address=data.address, as_of=data.as_of,
        where=", ".join(x for x in (school, data.town, "Connecticut") if x),
        contracts=data.contracts, resources=data.resources,
    )


def _index(data: WebsiteData) -> str:
    return _render("index.html", data, "Student data privacy contracts")


def _resources(data: WebsiteData) -> str:
    return _render("resources.html", data, "Approved technology resources")
