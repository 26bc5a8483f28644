"""Render the public contracts website and write it to a folder: index.html (the contracts),
resources.html (approved resources, for parents), contracts.csv, contracts.json and the signed
documents under documents/. Same data, same bytes: nothing here reads the clock or depends on the
order of a dict or a set. Every file is replaced whole (a temporary file, then a rename)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

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
# WCAG 2.1 AA by design (tests/website/test_accessibility_axe.py checks it in a browser): text contrast at
# least 7:1 (#111 and the links #0645ad / visited #551a8b on #fff and on the #eee header cells), borders at
# least 3:1 (#767676), sizes in rem so text resizes, links underlined (never told apart by colour alone), the current
# page in bold, a thick outline on keyboard focus, long addresses wrapped rather than scrolled sideways, and a
# wide table scrolled in a region of its own that the keyboard can reach (the page reflows at 320 CSS px). The
# skip link is hidden until it has focus.
_STYLE = (
    "body{font-family:system-ui,sans-serif;line-height:1.5;max-width:60rem;margin:0 auto;padding:1rem;"
    "color:#111;background:#fff}a{color:#0645ad;text-decoration:underline;overflow-wrap:anywhere}"
    "a:visited{color:#551a8b}:focus-visible{outline:.2rem solid #0645ad;outline-offset:.15rem}"
    "#main:focus{outline:none}[aria-current=page]{font-weight:700}"
    "nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}"
    "table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}"
    "th,td{border:1px solid #767676;padding:.4rem .6rem;text-align:left;vertical-align:top}"
    "th{background:#eee;font-weight:600}th[scope=row]{width:30%}.text{white-space:pre-line}"
    "caption{text-align:left;font-weight:600;padding-bottom:.25rem}.wide{overflow-x:auto}"
    ".skip{display:inline-block;padding:.5rem 1rem;background:#fff}"
    ".vh,.skip:not(:focus){position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;"
    "clip:rect(0 0 0 0);white-space:nowrap;border:0}"
)
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


def _e(text: str) -> str:
    return escape(text, quote=True)


def _link(url: str, text: str | None = None, *, external: bool = True) -> str:
    """A link only for http(s) addresses; anything else is shown as text, never made clickable. A link to
    another website says so in its text."""
    label = _e(text if text is not None else url)
    if re.match(r"(?i)^https?://", url):
        return f'<a href="{_e(url)}">{label}{EXTERNAL if external else ""}</a>'
    return label


def _day(d: date | None, missing: str = "Not stated") -> str:
    if d is None:
        return _e(missing)
    return f'<time datetime="{d.isoformat()}">{d.day} {_MONTHS[d.month - 1]} {d.year}</time>'


def _text(text: str, missing: str = "Not stated") -> str:
    return f'<span class="text">{_e(text)}</span>' if text else _e(missing)


def _school(data: WebsiteData) -> str:
    name = district_short(data.district_name)  # a name typed with the suffix keeps one copy
    return f"{name} Public Schools" if name else "Public Schools"


def _page(data: WebsiteData, title: str, current: str, body: Iterable[str]) -> str:
    school = _school(data)
    where = ", ".join(x for x in (school, data.town, "Connecticut") if x)
    here = ' aria-current="page"'
    nav = "".join(
        f'<li><a href="{href}"{here if href == current else ""}>{label}</a></li>'
        for href, label in (("index.html", "Contracts"), ("resources.html", "Approved technology resources"))
    )
    footer = (f"<p>Published by {_e(school)} under Connecticut\u2019s student data privacy law.</p>"
              + (f"<p>This website: {_link(data.address, external=False)}</p>" if data.address else ""))
    # The skip link is the first thing the keyboard reaches; main takes the focus it moves (tabindex -1).
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)} \u2014 {_e(school)}</title>", f"<style>{_STYLE}</style>", "</head>", "<body>",
        '<a class="skip" href="#main">Skip to main content</a>',
        "<header>", f"<p>{_e(where)}</p>", f"<h1>{_e(school)} \u2014 {_e(title)}</h1>",
        f'<nav aria-label="Pages"><ul>{nav}</ul></nav>', "</header>", '<main id="main" tabindex="-1">', *body,
        "</main>", f"<footer>{footer}</footer>", "</body>", "</html>",
    ]) + "\n"


def _index(data: WebsiteData) -> str:
    body = [
        "<p>Under Connecticut's student data privacy law (C.G.S. 10-234aa to 10-234dd), the Board of Education "
        "contracts with each operator or consultant that receives student information, student records or "
        "student-generated content. Within five business days after a contract is executed, the Board posts it "
        "here with the date it was executed, a brief description and purpose of the contract, and what student "
        "information, student records and student-generated content may be collected under it. This page lists "
        "all of the Board's contracts.</p>",
        '<p>The same list to download: <a href="contracts.csv">the contracts as a spreadsheet (CSV)</a>, '
        '<a href="contracts.json">the contracts as data (JSON)</a>. The apps and websites teachers may use are on '
        'the <a href="resources.html">approved technology resources</a> page.</p>',
    ]
    if not data.contracts:
        body.append("<p>The Board has no contracts to post yet.</p>")
    for c in data.contracts:
        heading = f"{c.contractor} \u2014 {c.title}" if c.title else c.contractor
        info = "".join(f"<li>{_e(i.label)}</li>" for i in c.information)
        details = f'<p class="text">{_e(c.information_details)}</p>' if c.information_details else ""
        rel = document_path(c)
        document = (f'<a href="{_e(rel)}">Signed contract with {_e(c.contractor)}: {_e(c.document_name or "Contract")}'
                    "</a>" if rel else "Not posted yet; ask the district for a copy.")
        rows = (
            ("Contractor", _e(c.contractor)),
            ("Contractor\u2019s website", _link(c.contractor_website) if c.contractor_website else "Not stated"),
            ("Contract", _text(c.title, "Untitled")),
            ("Date executed", _day(c.executed)),
            ("Starts", _day(c.starts)),
            ("Expires", _day(c.expires, "No expiry date")),
            ("Brief description", _text(c.description)),
            ("Purpose", _text(c.purpose)),
            ("Student information, records and content that may be collected",
             (f"<ul>{info}</ul>" if info else "Not stated") + details),
            ("Contract document", document),
        )
        body += [
            f'<section aria-labelledby="contract-{c.id}">', f'<h2 id="contract-{c.id}">{_e(heading)}</h2>',
            "<table>", f'<caption class="vh">Details of the contract: {_e(heading)}</caption>', "<tbody>",
            *(f'<tr><th scope="row">{_e(name)}</th><td>{value}</td></tr>' for name, value in rows),
            "</tbody>", "</table>", "</section>",
        ]
    return _page(data, "Student data privacy contracts", "index.html", body)


def _resources(data: WebsiteData) -> str:
    body = [
        "<p>The district has approved these technology resources (websites, apps and online services) for use "
        "under Board policy 3520.13. Where additional parental notification and permission is required, the "
        "teacher notifies you and asks for your permission before your child uses the resource. The Board\u2019s "
        'contracts with the companies behind them are on the <a href="index.html">student data privacy contracts'
        "</a> page.</p>",
    ]
    if not data.resources:
        body.append("<p>No technology resources are approved yet.</p>")
    else:
        body += ['<div class="wide" role="region" aria-labelledby="resources-caption" tabindex="0">', "<table>",
                 '<caption id="resources-caption">Approved technology resources</caption>', "<thead><tr>",
                 *(f'<th scope="col">{h}</th>' for h in ("Resource", "Description", "Grades", "Parental permission")),
                 "</tr></thead>", "<tbody>"]
        for r in data.resources:
            grades = format_grades(r.grades, r.not_used_by_students) or "Not stated"
            body.append(f'<tr><th scope="row">{_link(r.link, r.name) if r.link else _e(r.name)}</th>'
                        f"<td>{_text(r.description, '')}</td><td>{_e(grades)}</td>"
                        f"<td>{_e(r.permission.label)}</td></tr>")
        body += ["</tbody>", "</table>", "</div>"]
    return _page(data, "Approved technology resources", "resources.html", body)
