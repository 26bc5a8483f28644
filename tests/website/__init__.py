"""Builders for the public-website tests: a contract registry made through the real services, and a small
HTML tree parser (stdlib html.parser) to read the pages back as a browser would show them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser

from techapproval.db.models import Request
from techapproval.domain.contract_form import ContractForm, ContractorForm
from techapproval.domain.contracts import Coverage, Provision
from techapproval.domain.enums import Decision, Grade, InfoCategory, Permission
from techapproval.services import contracts as svc
from techapproval.services import requests as rq
from tests.helpers import complete_form

D = date.fromisoformat
HOSTILE = '<script>alert(1)</script> "Quotes" &amp; Co'
HOSTILE_LINK = 'https://vendor.example/privacy?a="x"&b=<y>'
CONTACT = {"contact_name": "Carla Confidential", "contact_email": "carla.secret@vendor.example",
           "contact_phone": "+1 860 555 0199"}
DOCUMENT = b"%PDF-1.4\n% a signed contract, Zo\xc3\xab \xc5\x81ukasz\n%%EOF\n"
DOCUMENT_NAME = "Zoë's contract (signed).pdf"
CASE_REFERENCE = "IEP-CASE-2026-017"


@dataclass
class Registry:
    hostile: int  # contractor ids
    zoe: int
    li: int
    first: int  # contract ids
    second: int
    untitled: int
    zoe_contract: int
    void: int
    resources: dict[str, int] = field(default_factory=dict)


def _contract(district, contractor_id: int, **overrides) -> int:
    values = dict(
        contractor_id=contractor_id, title="Data privacy agreement", purpose="Classroom quizzes.",
        description="An online quiz platform.", information_allowed=[InfoCategory.FULL_NAME],
        executed_on=D("2026-03-02"), provisions={p: "" for p in Provision},
    )
    values.update(overrides)
    with district.db.transaction() as s:
        return svc.save_contract(s, district.reviewer, None, ContractForm(**values)).id


def _contractor(district, name: str, website: str = "", **contact) -> int:
    with district.db.transaction() as s:
        return svc.save_contractor(s, district.reviewer, None, ContractorForm(name=name, website=website, **contact)).id


def approve(district, permission: Permission, **form) -> int:
    """Submit and approve a request through the real services; the catalog entry it made."""
    with district.db.transaction() as s:
        rid = rq.save_draft(s, district.teacher, None, complete_form(**form))
        rq.submit_request(s, district.teacher, rid)
    with district.db.transaction() as s:
        rq.decide_request(s, district.reviewer, rid, Decision.APPROVED, permission)
        return s.get(Request, rid).catalog_resource_id


def build_registry(district) -> Registry:
    """Three contractors, five contracts (one void, one with a signed document), two approved resources."""
    hostile = _contractor(district, HOSTILE, HOSTILE_LINK, **CONTACT)
    zoe = _contractor(district, "Zoë Łukasz Learning", "https://zoe.example", contact_email="zoe@zoe.example")
    li = _contractor(district, "李小龙 Software")
    second = _contract(district, hostile, title="Second", executed_on=D("2026-03-01"), starts_on=D("2026-03-15"),
                       expires_on=D("2027-06-30"), description=f"Line one {HOSTILE}\nLine two: Zoë, 李小龙.",
                       information_allowed=[InfoCategory.FULL_NAME, InfoCategory.GRADES,
                                            InfoCategory.STUDENT_GENERATED_CONTENT],
                       information_details=f"Nicknames only; {HOSTILE}")
    first = _contract(district, hostile, title="First", executed_on=D("2026-02-01"), notice_posted_on=D("2026-02-03"))
    untitled = _contract(district, hostile, title="", executed_on=D("2026-03-01"))
    zoe_contract = _contract(district, zoe, title="Zoë's agreement", executed_on=D("2026-01-05"),
                             uses_state_addendum=True, purpose=f"Reading practice; {HOSTILE}")
    void = _contract(district, li, title="李小龙 DPA", executed_on=D("2025-01-06"), provisions={},
                     amend_notice_sent_on=D("2025-01-10"), information_allowed=[InfoCategory.NONE])
    with district.db.transaction() as s:
        svc.attach_document(s, district.reviewer, zoe_contract, DOCUMENT_NAME, DOCUMENT)
    reg = Registry(hostile, zoe, li, first, second, untitled, zoe_contract, void)
    reg.resources["hostile"] = approve(
        district, Permission.PARENTAL_REQUIRED, resource_name=f"{HOSTILE} Quiz", resource_link=HOSTILE_LINK,
        resource_description="Quizzes & polls <b>live</b>.", grades=[Grade.G3, Grade.G4, Grade.G5, Grade.G9])
    reg.resources["li"] = approve(district, Permission.NONE_REQUIRED, resource_name="李小龙 Reader",
                                  resource_link="https://reader.example", grades=[Grade.PREK, Grade.K])
    with district.db.transaction() as s:
        svc.link_resource(s, district.reviewer, reg.resources["hostile"], Coverage.CONTRACT, second)
        svc.link_resource(s, district.reviewer, reg.resources["li"], Coverage.IEP_504_EXCEPTION, note=CASE_REFERENCE)
    return reg


# --- reading the pages back -------------------------------------------------------------------------

VOID_ELEMENTS = {"meta", "link", "br", "img", "hr", "input", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None]
    children: list = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def all(self, tag: str) -> list[Node]:
        found = []
        for c in self.children:
            if isinstance(c, Node):
                if c.tag == tag:
                    found.append(c)
                found += c.all(tag)
        return found

    def one(self, tag: str) -> Node:
        found = self.all(tag)
        assert len(found) == 1, f"expected one <{tag}>, found {len(found)}"
        return found[0]

    def rows(self) -> dict[str, str]:
        """A two-column table read as header → cell text."""
        return {tr.one("th").text(): tr.one("td").text() for tr in self.all("tr")}


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]
        self.doctype = ""

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID_ELEMENTS:
            self.stack.append(node)

    def handle_endtag(self, tag):
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    """The page as a tree; every element must be closed where it opened."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements"
    assert builder.doctype.lower() == "doctype html"
    return builder.root
