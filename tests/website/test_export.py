"""The public contracts website, built from a real registry and read back as a browser and a spreadsheet
would read it."""

import csv
import dataclasses
import hashlib
import json
import re
from datetime import date

import pytest

from techapproval.domain.contracts import ComplianceState
from techapproval.domain.enums import InfoCategory, Permission
from techapproval.services import contracts as svc
from techapproval.services.errors import NotAllowed
from techapproval.services.website import PublicContract, PublicResource, WebsiteData, website_data
from techapproval.website.export import COLUMNS, export_website, safe_filename
from tests.website import (
    CASE_REFERENCE,
    CONTACT,
    DOCUMENT,
    DOCUMENT_NAME,
    HOSTILE,
    HOSTILE_LINK,
    build_registry,
    parse,
)

SHA = hashlib.sha256(DOCUMENT).hexdigest()
DOC_PATH = f"documents/{SHA[:12]}-Zoe_s_contract_signed.pdf"


AS_OF = date(2026, 12, 7)  # the day the tests' sites are published: none of the registry's contracts has expired


def export(district, outdir, actor=None, as_of=AS_OF):
    actor = actor or district.teacher  # anyone signed in may publish the site's data
    with district.db.transaction() as s:
        data = dataclasses.replace(website_data(s, actor), as_of=as_of)
        return export_website(data, outdir, lambda cid: svc.document_content(s, actor, cid))


def files(root) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def registry(district):
    return build_registry(district)


@pytest.fixture
def site(district, registry, tmp_path):
    export(district, tmp_path / "site")
    return tmp_path / "site"


def test_the_contracts_page_lists_every_contract_in_order_with_what_the_law_asks(site, registry):
    page = parse((site / "index.html").read_text("utf-8"))
    assert page.one("html").attrs["lang"] == "en"
    assert page.all("meta")[0].attrs == {"charset": "utf-8"}
    assert page.one("h1").text() == "Riverside Public Schools \u2014 Student data privacy contracts"
    intro = page.one("main").all("p")[0].text()
    for words in ("executed", "brief description and purpose", "student information", "five business days"):
        assert words in intro
    sections = page.all("section")
    assert [s.one("h2").text() for s in sections] == [
        f"{HOSTILE} \u2014 First", f"{HOSTILE} \u2014 Second", HOSTILE,
        "Zoë Łukasz Learning \u2014 Zoë's agreement", "李小龙 Software \u2014 李小龙 DPA",  # the void one too
    ]
    second = sections[1].one("table").rows()
    assert second["Contractor"] == HOSTILE
    assert second["Date executed"] == "1 March 2026"
    assert second["Starts"] == "15 March 2026"
    assert second["Expires"] == "30 June 2027"
    assert second["Brief description"] == f"Line one {HOSTILE}\nLine two: Zoë, 李小龙."
    assert second["Purpose"] == "Classroom quizzes."
    collected = second["Student information, records and content that may be collected"]
    items = [li.text() for li in sections[1].all("li")]
    assert items == [InfoCategory.FULL_NAME.label, InfoCategory.GRADES.label,
                     InfoCategory.STUDENT_GENERATED_CONTENT.label]
    assert collected.endswith(f"Nicknames only; {HOSTILE}")
    assert [t.attrs["datetime"] for t in sections[1].all("time")] == ["2026-03-01", "2026-03-15", "2027-06-30"]
    website = sections[1].one("a")
    assert (website.attrs["href"], website.text()) == (HOSTILE_LINK, f"{HOSTILE_LINK} (external website)")
    assert second["Contract document"].startswith("Not posted yet")
    assert sections[2].one("table").rows()["Expires"] == "No expiry date"

    zoe = sections[3]
    assert zoe.one("table").rows()["Purpose"] == f"Reading practice; {HOSTILE}"
    links = {a.text(): a.attrs["href"] for a in zoe.all("a")}
    assert links == {"https://zoe.example (external website)": "https://zoe.example",
                     f"Signed contract with Zoë Łukasz Learning: {DOCUMENT_NAME}": DOC_PATH}
    assert [li.text() for li in sections[4].all("li")] == [InfoCategory.NONE.label]
    nav = {a.text(): a.attrs["href"] for a in page.one("nav").all("a")}
    assert nav == {"Contracts": "index.html", "Approved technology resources": "resources.html"}


def test_the_pages_are_built_for_wcag_21_aa(site):
    """What a browser-free reading can check (tests/website/test_accessibility_axe.py runs axe-core in chromium)."""
    for name, title in (("index.html", "Student data privacy contracts"),
                        ("resources.html", "Approved technology resources")):
        page = parse((site / name).read_text("utf-8"))
        assert page.one("html").attrs["lang"] == "en"
        assert page.one("title").text() == f"{title} \u2014 Riverside Public Schools"
        body = [c for c in page.one("body").children if not isinstance(c, str)]
        assert [c.tag for c in body] == ["a", "header", "main", "footer"]
        assert (body[0].attrs["href"], body[0].text()) == ("#main", "Skip to main content")
        assert page.one("main").attrs == {"id": "main", "tabindex": "-1"}
        assert page.one("header").one("nav").attrs["aria-label"] == "Pages"
        levels = [int(n.tag[1]) for n in _headings(page)]
        assert levels[0] == 1 and levels.count(1) == 1, levels
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels  # no level skipped
        tables = page.all("table")
        assert tables
        for table in tables:
            assert table.one("caption").text().strip()
            assert all(th.attrs.get("scope") in ("row", "col") for th in table.all("th"))
            assert all(tr.all("th") for tr in table.all("tr"))  # every row has its header cell
            if table.all("thead"):  # and a table of columns, a header for each column
                header, row = table.one("thead").one("tr"), table.one("tbody").all("tr")[0]
                assert len(header.all("th")) == len(row.all("th") + row.all("td"))
        for a in page.all("a"):
            text = a.text().strip().lower()
            assert text and text not in ("click here", "here", "link", "more", "read more"), a.text()
            if a.attrs["href"].startswith("http") and a.attrs["href"] != "https://riverside.example/privacy":
                assert text.endswith("(external website)"), a.text()


def _headings(node):
    for c in node.children:
        if not isinstance(c, str):
            if c.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                yield c
            yield from _headings(c)


def test_the_style_keeps_text_contrast_focus_and_resizing(site):
    pages = [(site / name).read_text("utf-8") for name in ("index.html", "resources.html")]
    styles = {re.search(r"<style>(.*)</style>", page, re.S)[1] for page in pages}
    assert len(styles) == 1  # one style sheet for the whole site, on one line
    (_STYLE,) = styles
    assert "\n" not in _STYLE

    def luminance(colour: str) -> float:
        hexa = colour.lstrip("#")
        hexa = "".join(ch * 2 for ch in hexa) if len(hexa) == 3 else hexa
        parts = [int(hexa[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        r, g, b = (p / 12.92 if p <= 0.03928 else ((p + 0.055) / 1.055) ** 2.4 for p in parts)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    def contrast(a: str, b: str) -> float:
        hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
        return (hi + 0.05) / (lo + 0.05)

    colours = set(re.findall(r"(?<![-\w])color:(#[0-9a-f]{3,6})", _STYLE))
    backgrounds = set(re.findall(r"background:(#[0-9a-f]{3,6})", _STYLE))
    assert colours and backgrounds
    for fg in colours:  # every text colour on every background
        for bg in backgrounds:
            assert contrast(fg, bg) >= 4.5, (fg, bg)
    assert contrast(re.search(r"border:1px solid (#[0-9a-f]{3,6})", _STYLE)[1], "#fff") >= 3
    assert ":focus-visible{outline:" in _STYLE  # and only main, which the skip link focuses, goes without one
    assert re.findall(r"([^{}]+)\{[^}]*outline:none", _STYLE) == ["#main:focus"]
    assert not re.search(r"font-size:[\d.]+px", _STYLE)  # text sizes relative, so text resizes
    assert "text-decoration:underline" in _STYLE  # links are not told apart by colour alone


def test_the_signed_document_is_copied_under_its_checksum(site):
    assert (site / DOC_PATH).read_bytes() == DOCUMENT
    assert hashlib.sha256((site / DOC_PATH).read_bytes()).hexdigest() == SHA
    assert [p.name for p in (site / "documents").iterdir()] == [DOC_PATH.split("/")[1]]


def test_the_resources_page_tells_parents_about_grades_and_permission(site, registry):
    page = parse((site / "resources.html").read_text("utf-8"))
    assert page.one("h1").text() == "Riverside Public Schools \u2014 Approved technology resources"
    table = page.one("table")
    assert [th.attrs["scope"] for th in table.one("thead").all("th")] == ["col"] * 4
    rows = [[cell.text() for cell in tr.children if not isinstance(cell, str)] for tr in table.one("tbody").all("tr")]
    assert rows == [
        [f"{HOSTILE} Quiz (external website)", "Quizzes & polls <b>live</b>.", "3\u20135, 9",
         Permission.PARENTAL_REQUIRED.label],
        ["李小龙 Reader (external website)", "Game-based quizzes for review sessions.", "PreK, K",
         Permission.NONE_REQUIRED.label],
    ]
    first = table.one("tbody").all("tr")[0]
    assert first.one("th").attrs["scope"] == "row"
    assert first.one("a").attrs["href"] == HOSTILE_LINK
    assert "index.html" in [a.attrs["href"] for a in page.one("main").all("a")]


def test_hostile_text_is_escaped_everywhere(site):
    for name in ("index.html", "resources.html"):
        text = (site / name).read_text("utf-8")
        page = parse(text)
        assert not page.all("script") and not page.all("b")  # text never becomes markup
        assert "<script>" not in text and "<b>" not in text
        assert [s.tag for s in page.all("style")] == ["style"]


def test_nothing_internal_or_personal_is_published(site):
    everything = b"".join(files(site).values()).decode("utf-8")
    for secret in (*CONTACT.values(), "zoe@zoe.example", CASE_REFERENCE):
        assert secret not in everything
    visible = parse((site / "index.html").read_text("utf-8")).text() + parse(
        (site / "resources.html").read_text("utf-8")).text()
    for state in ComplianceState:
        assert state.label not in visible, state


def test_csv_and_json_carry_the_same_contract_data(site):
    with (site / "contracts.csv").open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames) == COLUMNS
        rows = list(reader)
    objects = json.loads((site / "contracts.json").read_text("utf-8"))
    assert (site / "contracts.json").read_text("utf-8").endswith("}\n]\n")
    assert [r["title"] for r in rows] == [o["title"] for o in objects] == ["First", "Second", "", "Zoë's agreement",
                                                                            "李小龙 DPA"]
    second = rows[1]
    assert second == {
        "contractor": HOSTILE, "title": "Second", "executed": "2026-03-01", "starts": "2026-03-15",
        "expires": "2027-06-30", "description": f"Line one {HOSTILE}\nLine two: Zoë, 李小龙.",
        "purpose": "Classroom quizzes.",
        "information_collected": "; ".join(c.label for c in (InfoCategory.FULL_NAME, InfoCategory.GRADES,
                                                              InfoCategory.STUDENT_GENERATED_CONTENT)),
        "information_details": f"Nicknames only; {HOSTILE}", "document": "", "document_sha256": "",
    }
    assert objects[1] == {**second, "document": None, "document_sha256": None}
    assert objects[3]["document"] == rows[3]["document"] == DOC_PATH
    assert objects[3]["document_sha256"] == rows[3]["document_sha256"] == SHA
    assert objects[2]["expires"] is None and rows[2]["expires"] == ""
    assert list(objects[0]) == sorted(COLUMNS)
    raw = (site / "contracts.json").read_text("utf-8")
    assert "李小龙" in raw and "\\u" not in raw  # ensure_ascii=False


def test_same_database_same_bytes(district, registry, site, tmp_path):
    again = export(district, tmp_path / "again", actor=district.admin)
    assert files(tmp_path / "again") == files(site)
    assert set(again.written) == set(files(site)) and again.unchanged == ()
    before = {p: (site / p).stat().st_mtime_ns for p in files(site)}
    result = export(district, site)
    assert result.written == () and result.removed == ()
    assert set(result.unchanged) == set(files(site))
    assert {p: (site / p).stat().st_mtime_ns for p in files(site)} == before  # untouched, not rewritten
    assert not [p for p in site.rglob("*") if p.name.endswith(".tmp")]


def test_a_changed_database_changes_the_site_and_stale_documents_go(district, registry, site):
    (site / "notes.txt").write_text("the webmaster's own file")
    (site / "documents" / "README.txt").write_text("kept")
    (site / "index.html").write_text("an older page")
    new = b"%PDF-1.4 the amended contract"
    with district.db.transaction() as s:
        svc.attach_document(s, district.reviewer, registry.zoe_contract, "李小龙.pdf", new)
    result = export(district, site)
    new_path = f"documents/{hashlib.sha256(new).hexdigest()[:12]}-contract.pdf"
    assert result.removed == (DOC_PATH,)
    assert not (site / DOC_PATH).exists()
    assert (site / new_path).read_bytes() == new
    assert (site / "notes.txt").read_text() == "the webmaster's own file"
    assert (site / "documents" / "README.txt").read_text() == "kept"
    page = parse((site / "index.html").read_text("utf-8"))
    document = {a.attrs["href"]: a.text() for a in page.all("section")[3].all("a")}[new_path]
    assert document == "Signed contract with Zoë Łukasz Learning: 李小龙.pdf"
    assert "index.html" in result.written and "resources.html" in result.unchanged


def test_the_footer_gives_the_address_families_are_sent(district, registry, tmp_path):
    from techapproval.services.settings import update_settings

    with district.db.transaction() as s:
        update_settings(s, district.admin, {"contracts_website": "riverside.example/privacy"})
    export(district, tmp_path / "site")
    for name in ("index.html", "resources.html"):
        footer = parse((tmp_path / "site" / name).read_text("utf-8")).one("footer")
        assert footer.one("a").attrs["href"] == "https://riverside.example/privacy"


def test_every_page_says_the_day_it_was_last_updated(site):
    for name in ("index.html", "resources.html"):
        footer = parse((site / name).read_text("utf-8")).one("footer")
        assert footer.all("p")[0].text() == "Last updated 7 December 2026."
        assert footer.one("time").attrs["datetime"] == "2026-12-07"


def test_the_data_is_as_of_the_district_day_it_was_read(district, monkeypatch):
    from datetime import UTC, datetime

    from techapproval.services import audit

    # 03:00 in UTC on 8 December is still 7 December in Connecticut (UTC-5 in winter).
    monkeypatch.setattr(audit, "now", lambda: datetime(2026, 12, 8, 3, 0, tzinfo=UTC))
    with district.db.transaction() as s:
        assert website_data(s, district.teacher).as_of == date(2026, 12, 7)


def test_a_contract_past_its_last_day_is_marked_expired_in_words(district, registry, tmp_path):
    def contracts(as_of: date) -> dict[str, dict[str, str]]:
        out = tmp_path / as_of.isoformat()
        export(district, out, as_of=as_of)
        page = parse((out / "index.html").read_text("utf-8"))
        return {s.one("h2").text(): s.one("table").rows() for s in page.all("section")}

    last_day = contracts(date(2027, 6, 30))  # "Second" is in effect to the end of 30 June 2027
    assert last_day[f"{HOSTILE} \u2014 Second"]["Expires"] == "30 June 2027"
    assert not any("expired" in heading for heading in last_day)
    after = contracts(date(2027, 7, 1))
    assert list(after) == [h + " (expired)" if h.endswith("Second") else h for h in last_day]
    assert after[f"{HOSTILE} \u2014 Second (expired)"]["Expires"] == "30 June 2027 (expired: no longer in effect)"
    assert after[f"{HOSTILE} \u2014 First"]["Expires"] == "No expiry date"  # open-ended: never expires


def test_a_document_that_does_not_match_its_checksum_is_not_published(district, registry, tmp_path):
    from techapproval.website.export import ExportProblem

    with district.db.transaction() as s:
        data = website_data(s, district.teacher)
    with pytest.raises(ExportProblem, match="Zoë Łukasz Learning"):
        export_website(data, tmp_path / "site", lambda cid: ("x.pdf", b"tampered"))
    assert not (tmp_path / "site" / "index.html").exists()


def test_an_inactive_account_may_not_read_the_data(district, registry):
    from techapproval.db.models import Person

    with district.db.transaction() as s:
        s.get(Person, district.other_teacher).active = False
    with pytest.raises(NotAllowed), district.db.transaction() as s:
        website_data(s, district.other_teacher)


def _data(**overrides) -> WebsiteData:
    values = dict(district_name="Riverside", town="Riverside", address="", contracts=(), resources=(), as_of=AS_OF)
    values.update(overrides)
    return WebsiteData(**values)


def test_only_web_links_are_clickable(tmp_path):
    contract = PublicContract(1, "Acme", "javascript:alert(1)", "DPA", date(2026, 1, 5), None, None, "d", "p",
                              (InfoCategory.EMAIL,), "", None, None)
    resource = PublicResource("Tool", "javascript:alert(2)", "", (), True, Permission.NONE_REQUIRED)
    export_website(_data(contracts=(contract,), resources=(resource,)), tmp_path, lambda cid: ("", b""))
    for name in ("index.html", "resources.html"):
        page = parse((tmp_path / name).read_text("utf-8"))
        assert all(a.attrs["href"].endswith(".html") or a.attrs["href"].startswith("contracts.")
                   or a.attrs["href"] == "#main" for a in page.all("a")), name
    assert "javascript:alert(1)" in parse((tmp_path / "index.html").read_text("utf-8")).text()
    rows = parse((tmp_path / "resources.html").read_text("utf-8")).one("tbody").one("tr")
    assert "Not used by students" in rows.text()


def test_an_empty_registry_still_makes_a_site(tmp_path):
    result = export_website(_data(address="https://riverside.example/privacy"), tmp_path / "out", lambda cid: ("", b""))
    assert sorted(result.written) == ["contracts.csv", "contracts.json", "index.html", "resources.html"]
    assert (tmp_path / "out" / "contracts.json").read_text() == "[]\n"
    assert (tmp_path / "out" / "contracts.csv").read_text().strip() == ",".join(COLUMNS)
    page = parse((tmp_path / "out" / "index.html").read_text())
    assert "no contracts to post yet" in page.text()
    assert page.one("footer").one("a").attrs["href"] == "https://riverside.example/privacy"
    assert not (tmp_path / "out" / "documents").exists()


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("Zoë's contract (signed).pdf", "Zoe_s_contract_signed.pdf"),
        ("李小龙.pdf", "contract.pdf"),
        ("", "contract"),
        ("../../etc/passwd", None),
        ("a" * 255 + ".PDF", "a" * 100 + ".PDF"),
        ("DPA 2026 v1.2.docx", "DPA_2026_v1.2.docx"),
    ],
)
def test_safe_filename(name, safe):
    result = safe_filename(name)
    assert re.fullmatch(r"[A-Za-z0-9._-]+", result) and not result.startswith(".")
    if safe is not None:
        assert result == safe


def test_csv_cells_that_look_like_formulas_are_not_run_by_a_spreadsheet(district, tmp_path):
    from techapproval.services import website
    from techapproval.website.export import export_website

    from . import _contract, _contractor

    _contract(district, _contractor(district, "=HYPERLINK(\"http://evil.example\",\"Click\")"),
              title="@SUM(A1:A9)", purpose="-2+3")
    with district.db.transaction() as s:
        data = website.website_data(s, district.reviewer)
    export_website(data, tmp_path, lambda _id: ("", b""))
    with (tmp_path / "contracts.csv").open(encoding="utf-8", newline="") as f:
        [row] = list(csv.DictReader(f))
    assert row["contractor"] == "'=HYPERLINK(\"http://evil.example\",\"Click\")"
    assert row["title"] == "'@SUM(A1:A9)" and row["purpose"] == "'-2+3"
    [obj] = json.loads((tmp_path / "contracts.json").read_text("utf-8"))
    assert obj["contractor"].startswith("=HYPERLINK") and obj["title"] == "@SUM(A1:A9)"  # JSON stays exact
