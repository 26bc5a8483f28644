"""The public contracts website fed hostile text in every field a person typed: the pages parse with
nothing the text created (no element, no attribute, no script link), the text shows as typed; the JSON
gives the exact text back; the CSV too, with a leading apostrophe on a cell a spreadsheet would run as a
formula; and files are written only where the exporter means to."""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import json
import re
import tempfile
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from techapproval.domain.contract_form import ContractForm, ContractorForm
from techapproval.domain.contracts import Provision
from techapproval.domain.enums import Grade, InfoCategory, Permission
from techapproval.domain.validation import clean_text
from techapproval.services import contracts as contract_svc
from techapproval.services.errors import Invalid
from techapproval.services.website import PublicContract, PublicResource, WebsiteData, website_data
from techapproval.website.export import COLUMNS, export_website
from tests.properties.strategies import FAST, SCALE, hostile_text
from tests.website import approve

PAYLOADS = [
    "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "' onmouseover='alert(1)", "javascript:alert(1)",
    " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>",
    '=HYPERLINK("http://evil.example","click")', "+1+2", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1",
    "=cmd|'/c calc'!A1", "a & b &amp; &lt; &#0; &#x3c;", "</td></tr></table><h1>x", "<!-- ", "]]>", "Zoë 李小龙 مدرسة",
]
text = st.one_of(hostile_text, st.sampled_from(PAYLOADS),
                 st.builds(lambda a, b: a + b, st.sampled_from(PAYLOADS), hostile_text))
links = st.one_of(text, st.builds(lambda a: "https://vendor.example/?q=" + a, text),
                  st.sampled_from(['https://x.example/"><script>alert(1)</script>', "HTTPS://X.EXAMPLE/a?b=1&c=2"]))
doc_names = st.one_of(text, st.sampled_from(["../../etc/passwd", "..", "a/b\\c.pdf", "con.pdf", ".hidden", ""]))
dates = st.dates(date(2000, 1, 1), date(2040, 12, 31))

TAGS = {"html", "head", "meta", "title", "style", "body", "header", "p", "h1", "h2", "nav", "ul", "li", "a", "main",
        "section", "table", "caption", "thead", "tbody", "tr", "th", "td", "time", "span", "footer", "div"}
ATTRIBUTES = {"lang", "charset", "name", "content", "href", "aria-current", "aria-label", "aria-labelledby", "id",
              "scope", "class", "datetime", "tabindex", "role"}
OWN_LINKS = {"index.html", "resources.html", "contracts.csv", "contracts.json"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@st.composite
def contracts(draw, i: int) -> tuple[PublicContract, bytes | None]:
    document = f"%PDF-1.4 contract {i}".encode() if draw(st.booleans()) else None
    contract = PublicContract(
        id=i + 1, contractor=draw(text), contractor_website=draw(st.just("") | links), title=draw(text),
        executed=draw(dates), starts=draw(st.none() | dates), expires=draw(st.none() | dates),
        description=draw(text), purpose=draw(text),
        information=tuple(draw(st.lists(st.sampled_from(InfoCategory), max_size=4, unique=True))),
        information_details=draw(text),
        document_name=draw(doc_names) if document else None,
        document_sha256=hashlib.sha256(document).hexdigest() if document else None,
    )
    return contract, document


resources = st.builds(PublicResource, name=text, link=st.just("") | links, description=text,
                      grades=st.lists(st.sampled_from(Grade), max_size=5, unique=True).map(tuple),
                      not_used_by_students=st.booleans(), permission=st.sampled_from(Permission))


@st.composite
def sites(draw) -> tuple[WebsiteData, dict[int, bytes]]:
    pairs = [draw(contracts(i)) for i in range(draw(st.integers(0, 4)))]
    data = WebsiteData(draw(text), draw(text), draw(st.just("") | links), tuple(c for c, _ in pairs),
                       tuple(draw(st.lists(resources, max_size=4))), draw(dates))
    return data, {c.id: d for c, d in pairs if d is not None}


class Page(HTMLParser):
    """Every element and attribute of a page, and its text as a browser would show it."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.text.append(data)


def check_page(html: str, texts: list[str]) -> None:
    page = Page(html)
    for tag, attrs in page.elements:
        assert tag in TAGS, f"<{tag}> on the page"
        for name, value in attrs:
            assert name in ATTRIBUTES and not name.startswith("on"), f"{name}= on <{tag}>"
            if name == "href":  # an http(s) address, or one of the site's own files
                assert re.match(r"(?i)https?://", value) or value in OWN_LINKS | {"#main"} or re.fullmatch(
                    r"documents/[0-9a-f]{12}-[A-Za-z0-9._-]+", value), value
    shown = "".join(page.text)
    for typed in texts:  # (a browser reads a CR or CR LF as a line feed, and so does read_text)
        assert typed.replace("\r\n", "\n").replace("\r", "\n") in shown, typed


@FAST
@given(sites())
def test_the_site_shows_hostile_text_as_text_and_the_data_files_keep_it(site):
    data, documents = site
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "site"
        export_website(data, out, lambda cid: ("ignored", documents[cid]))
        for path in out.rglob("*"):  # written only where the exporter means to, whatever a file is called
            assert path.resolve().is_relative_to(out.resolve())
            rel = path.relative_to(out).as_posix()
            assert rel in OWN_LINKS | {"documents"} or re.fullmatch(r"documents/[0-9a-f]{12}-[A-Za-z0-9._-]+", rel)
        index = (out / "index.html").read_text("utf-8")
        check_page(index, [t for c in data.contracts for t in (c.contractor, c.description, c.purpose, c.title,
                                                                c.information_details) if t])
        check_page((out / "resources.html").read_text("utf-8"),
                   [t for r in data.resources for t in (r.name, r.description) if t])
        rows = json.loads((out / "contracts.json").read_text("utf-8"))
        table = list(csv.DictReader(io.StringIO((out / "contracts.csv").read_bytes().decode("utf-8"), newline="")))
    assert len(rows) == len(table) == len(data.contracts)
    for c, row, cells in zip(data.contracts, rows, table, strict=True):
        assert list(cells) == list(COLUMNS)
        for name in ("contractor", "title", "description", "purpose", "information_details"):
            typed = getattr(c, name)
            assert row[name] == typed  # JSON: the exact text
            # CSV: the exact text, behind an apostrophe where a spreadsheet would take it for a formula
            assert cells[name] == ("'" + typed if typed.startswith(FORMULA_START) else typed)
        assert not any(cell.startswith(FORMULA_START) for cell in cells.values())


_names = itertools.count()


@settings(max_examples=8 * SCALE, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(name=text, purpose=text, description=text, resource=text, link=links)
def test_hostile_text_typed_into_the_app_reaches_the_site_as_text(district, tmp_path, name, purpose, description,
                                                                 resource, link):
    """Through the real services: what is saved (cleaned) is what the site shows, as text."""
    unique = f" {next(_names)}"  # contractor names are unique in the registry
    saved = []
    try:
        with district.db.transaction() as s:
            contractor = contract_svc.save_contractor(s, district.reviewer, None, ContractorForm(name=name + unique))
            contract_svc.save_contract(s, district.reviewer, None, ContractForm(
                contractor_id=contractor.id, purpose=purpose + unique, description=description + unique,
                information_allowed=[InfoCategory.FULL_NAME], executed_on=date(2026, 1, 5),
                provisions={p: "" for p in Provision}))
        saved = [clean_text(name + unique), clean_text(purpose + unique), clean_text(description + unique)]
    except Invalid as refused:  # too long: refused with a message by the field
        assert refused.errors.keys() <= {"name"}
    try:
        approve(district, Permission.NONE_REQUIRED, resource_name=resource + unique, resource_link=link,
                resource_description=description + unique)
    except Invalid as refused:  # a link that is not a web address, a name too long
        assert refused.errors.keys() <= {"resource_link", "resource_name"}
    with district.db.transaction() as s:
        data = website_data(s, district.teacher)
    out = tmp_path / f"site{unique.strip()}"
    export_website(data, out, lambda cid: ("", b""))
    check_page((out / "index.html").read_text("utf-8"), saved)
    check_page((out / "resources.html").read_text("utf-8"), [r.name for r in data.resources])
