"""Reading a contract's text for the eleven provisions of C.G.S. 10-234bb: a fixed set of rules over its
sentences, each finding with the sentences that made it and the words in them that matched.

Plain Python and deterministic: the same text always gives the same findings, nothing is learned and
nothing is fetched. The rules propose; the coordinator decides (nothing here ticks a provision).

A rule is a set of word groups that must all occur in one sentence (or in two sentences next to each
other, for the provisions a contract often says in two), and words that stop it counting. A provision
is *found* when a rule that satisfies it matches, *conflict* when a rule that contradicts it matches
(governing law of another state, permission to sell student data, keeping it after the contract
ends...), otherwise *not found*. Besides the eleven: how many days the contractor has to report a
breach, whether the vendor may change the terms alone, indemnity and liability terms (for
information), and whether the text is the state's uniform addendum.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from .contracts import Provision

BREACH_DAYS_STUDENT_INFORMATION = 30  # C.G.S. 10-234dd: student information other than directory information
BREACH_DAYS_OTHER = 60  # directory information, student records, student-generated content
# Deleting within this many days of the end is taken as not keeping the data (the time to carry it out);
# a longer wait is a conflict for the coordinator to judge.
DELETION_DAYS_AFTER_END = 90


class Finding(StrEnum):
    FOUND = "found"
    NOT_FOUND = "not_found"
    CONFLICT = "conflict"

    @property
    def label(self) -> str:
        return {"found": "Found", "not_found": "Not found", "conflict": "Conflict"}[self.value]


@dataclass(frozen=True)
class Sentence:
    text: str
    page: int | None  # 1-based; None when the source has no pages (a Word document without page breaks)
    index: int  # position in the document, from 0
    heading: bool = False  # a title standing alone: never read together with the sentence after it


@dataclass(frozen=True)
class Quote:
    text: str
    page: int | None
    matched: tuple[str, ...] = ()  # the words in it that made the rule match, as written

    def as_json(self) -> dict:
        return {"text": self.text, "page": self.page, "matched": list(self.matched)}


@dataclass(frozen=True)
class ProvisionResult:
    provision: Provision
    finding: Finding
    quotes: tuple[Quote, ...]  # found: what satisfies it; conflict: what conflicts
    why: str
    also_found: tuple[Quote, ...] = ()  # conflict: sentences that would satisfy it otherwise

    @property
    def matched(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(w for q in self.quotes for w in q.matched))

    def as_json(self) -> dict:
        data = {"provision": self.provision.value, "finding": self.finding.value,
                "quotes": [q.as_json() for q in self.quotes], "why": self.why}
        if self.also_found:
            data["also_found"] = [q.as_json() for q in self.also_found]
        return data


@dataclass(frozen=True)
class Note:
    """A conflict or a warning: what kind, which provision it concerns (if any), the sentence, why."""

    kind: str
    provision: Provision | None
    quote: Quote
    why: str

    def as_json(self) -> dict:
        return {"kind": self.kind, "provision": self.provision.value if self.provision else None,
                "text": self.quote.text, "page": self.quote.page, "matched": list(self.quote.matched),
                "why": self.why}


@dataclass(frozen=True)
class ContractCheck:
    provisions: tuple[ProvisionResult, ...]
    conflicts: tuple[Note, ...]
    warnings: tuple[Note, ...]
    breach_notice_days: int | None  # the shortest time the text gives for a breach notice, in days
    uniform_addendum: bool
    addendum_quote: Quote | None = None
    sentences: int = 0
    pages: int | None = None

    def result(self, provision: Provision) -> ProvisionResult:
        return next(r for r in self.provisions if r.provision is provision)

    @property
    def found(self) -> tuple[Provision, ...]:
        return tuple(r.provision for r in self.provisions if r.finding is Finding.FOUND)

    @property
    def gaps(self) -> tuple[ProvisionResult, ...]:
        """The provisions not found or in conflict: what a notice to amend asks for."""
        return tuple(r for r in self.provisions if r.finding is not Finding.FOUND)

    def as_json(self) -> dict:
        return {
            "provisions": [r.as_json() for r in self.provisions],
            "conflicts": [n.as_json() for n in self.conflicts],
            "warnings": [n.as_json() for n in self.warnings],
            "breach_notice_days": self.breach_notice_days,
            "uniform_addendum": self.uniform_addendum,
            "sentences": self.sentences,
            "pages": self.pages,
        }


# --- sentences ------------------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    "e.g i.e etc inc no nos sec secs u.s u.s.c c.g.s corp ltd co mr ms mrs dr st vs v art para approx cf "
    "fig p pp ch al seq jr sr llc l.l.c p.c n.a gen stat stats".split())
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
_HYPHEN_BREAK = re.compile(r"(\w)-\n(\w)")
_PARAGRAPH = re.compile(r"\n[ \t]*\n+")
_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9\u00a7])")
_NUMBERED = re.compile(
    r"^(?:\(?[0-9]{1,3}(?:\.[0-9]{1,3})*[.)]|\(?[a-z]{1,3}\)|\(?[ivx]{1,5}\)|[\u2022\u25cf\u25aa*-])\s+")


def _is_heading(line: str) -> bool:
    """A line that stands alone: a title or a numbered heading, short and without a full stop."""
    line = line.strip()
    if not line or len(line) > 80 or line[-1] in ".,;:!?" or len(line.split()) > 10:
        return False
    if line.isupper():
        return True
    words = [w for w in re.findall(r"[A-Za-z]+", line) if len(w) > 3]
    return bool(words) and all(w[0].isupper() for w in words)


def _inline_heading(text: str) -> bool:
    """ "Section 10 - Severability." or "9.1 Governing Law.": a title run into its paragraph."""
    words = text.rstrip(".:").split()
    long = [w for w in re.findall(r"[A-Za-z]+", text) if len(w) > 2]
    return len(words) <= 6 and bool(long) and all(w[0].isupper() for w in long)


def _segments(page: str) -> list[tuple[str, bool]]:
    """Paragraphs, headings and numbered items: places no sentence runs across."""
    # PDFium marks a word hyphenated at a line end with U+FFFE (or U+0002), the line break already gone
    page = page.replace("\r\n", "\n").replace("\r", "\n").replace("\u00ad", "").replace("\ufffe", "")
    page = page.replace("\x02", "")
    page = _HYPHEN_BREAK.sub(r"\1\2", page)
    out: list[tuple[str, bool]] = []
    for paragraph in _PARAGRAPH.split(page):
        current: list[str] = []
        lines = [line for raw in paragraph.split("\n") if (line := _SPACES.sub(" ", raw).strip())]
        for i, line in enumerate(lines):
            # a short first line without a full stop, before a line that starts a sentence: a heading
            title = _is_heading(line) or (
                (not current or current[-1][-1] in ".!?:;\"\u201d") and i + 1 < len(lines) and len(line) <= 60
                and len(line.split()) <= 8
                and line[-1] not in ".,;:!?-" and lines[i + 1][:1].isupper())
            if title or _NUMBERED.match(line):
                if current:
                    out.append((" ".join(current), False))
                current = []
                if title:
                    out.append((line, True))
                    continue
            current.append(line)
        if current:
            out.append((" ".join(current), False))
    return out


def _split(segment: str) -> list[str]:
    pieces, start = [], 0
    for m in _END.finditer(segment):
        before = segment[start:m.start()].rsplit(None, 1)
        word = before[-1].lower().lstrip("(\"'\u201c") if before else ""
        if word.rstrip(".") in _ABBREVIATIONS or re.fullmatch(r"[a-z]|\(?[0-9ivx]{1,4}\)?|\d+(?:\.\d+)*", word):
            if not (word.isdigit() and segment[m.end():].lstrip()[:1].isupper() and len(before) > 1
                    and not re.fullmatch(r"(?:section|sec|article|§|no|item|clause|paragraph)\.?",
                                         before[0].rsplit(None, 1)[-1].lower() if before[0].split() else "")):
                continue
        pieces.append(segment[start:m.end()].strip())
        start = m.end()
    pieces.append(segment[start:].strip())
    return [short for p in pieces if p for short in _shorter(p)]


MAX_SENTENCE = 1_000  # characters: a quote to read, and to keep as evidence (the form allows 2,000)


def _shorter(text: str) -> list[str]:
    """A run-on "sentence" (a list without full stops, a scan's text) cut at semicolons, then at spaces."""
    if len(text) <= MAX_SENTENCE:
        return [text]
    out: list[str] = []
    for part in re.split(r"(?<=;)\s+", text):
        while len(part) > MAX_SENTENCE:
            cut = part.rfind(" ", 0, MAX_SENTENCE)
            cut = cut if cut > MAX_SENTENCE // 2 else MAX_SENTENCE
            out.append(part[:cut].strip())
            part = part[cut:].strip()
        if out and len(out[-1]) + len(part) < MAX_SENTENCE // 2:
            out[-1] = f"{out[-1]} {part}"
        elif part:
            out.append(part)
    return out


def sentences(pages: Sequence[str], paged: bool = True) -> list[Sentence]:
    """The text's sentences in order, each with its page (1-based; None when `paged` is False)."""
    out: list[Sentence] = []
    for number, page in enumerate(pages, start=1):
        for segment, heading in _segments(page):
            for text in _split(segment):
                if re.search(r"[A-Za-z]{2}", text):
                    out.append(Sentence(text, number if paged else None, len(out), heading or _inline_heading(text)))
    return out


# --- vocabulary -----------------------------------------------------------------------------------

def _w(*alternatives: str) -> str:
    return r"(?:" + "|".join(alternatives) + r")"


DATA = _w(
    r"(?:student|pupil)s?['\u2019]?\s*(?:-\s*)?(?:generated\s+)?(?:data|information|records?|content|pii|"
    r"personal\s+(?:data|information)|personally\s+identifiable\s+information|files?|work)",
    r"personally\s+identifiable\s+information", r"\bpii\b", r"education(?:al)?\s+records?",
    r"(?:customer|district|school|board|institution|lea|covered|protected|user|children['\u2019]?s)\s+"
    r"(?:data|information|content|records)",
    r"personal\s+(?:data|information)", r"(?:such|the|any|all|those|these)\s+(?:data|information|records|content)",
    r"\b(?:everything|anything|whatever|what)\s+(?:\w+\s+){0,2}students?\s+(?:give|create|write|record|upload|submit|"
    r"make|produce|enter|provide)\w*",
    r"(?:your|their|its)\s+(?:child['\u2019]s\s+)?(?:data|information|records|content)",
)
BOARD = _w(r"\bboard(?:\s+of\s+education)?\b", r"\bdistricts?\b", r"\bschools?\b(?!\s+purposes)", r"\bleas?\b",
           r"local\s+education(?:al)?\s+agency", r"\bcustomers?\b", r"\binstitutions?\b", r"\bsubscribers?\b",
           r"\bagency\b", r"\bclients?\b", r"\blicensees?\b")
VENDOR = _w(r"\bcontractors?\b", r"\bproviders?\b", r"\bvendors?\b", r"\bcompany\b", r"\boperators?\b",
            r"\bconsultants?\b", r"\bwe\b", r"\bus\b", r"\bour\b", r"\blicensors?\b", r"\bsupplier\b")
NEG = r"(?:\bnot\b|\bnever\b|\bno\b|\bn['\u2019]t\b|\bnor\b|\bneither\b|\bwithout\b|\bprohibited\b|\bexcept\b)"
_NEGATED_DUTY = _w(r"\bnot\s+(?:be\s+)?(?:required|obligated|obliged|responsible|liable)\s+to\b",
                   r"\bno\s+(?:obligation|duty|responsibility)\s+to\b", r"\bunder\s+no\s+obligation\b",
                   r"\b(?:cannot|can\s*not|is\s+unable\s+to|will\s+not\s+be\s+able\s+to)\b",
                   r"\bat\s+(?:its|our)\s+(?:sole\s+)?(?:discretion|option)\b")
MAY = _w(r"\bmay\b(?!\s+not)", r"\bwill\b(?!\s+not)", r"\bcan\b", r"\bshall\b(?!\s+not)",
         r"\breserves?\s+the\s+right\s+to\b", r"\b(?:is|are)\s+(?:permitted|allowed|entitled|free)\s+to\b",
         r"\bpermits?\b", r"\ballows?\b", r"\bauthoriz\w+\b", r"\bgrants?\b", r"\bwe\b", r"\bcompany\b")
STATES = (
    "Alabama Alaska Arizona Arkansas California Colorado Delaware Florida Georgia Hawaii Idaho Illinois Indiana "
    "Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana "
    "Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin "
    "Wyoming").split() + ["New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina",
                          "North Dakota", "Rhode Island", "South Carolina", "South Dakota", "West Virginia",
                          "England and Wales", "England", "Ontario", "Ireland", "the District of Columbia"]
_STATE = _w(*(re.escape(s) for s in sorted(STATES, key=len, reverse=True)))

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "forty-five": 45, "sixty": 60, "seventy-two": 72, "ninety": 90, "forty-eight": 48, "twenty-four": 24,
    "one hundred twenty": 120, "one hundred and twenty": 120, "one hundred eighty": 180, "hundred": 100,
}
_NUMBER = _w(r"\d{1,3}", *(re.escape(k) for k in sorted(_NUMBER_WORDS, key=len, reverse=True)))
_PERIOD = re.compile(
    rf"\b(?P<word>{_NUMBER})(?:\s*\((?P<digits>\d{{1,3}})\))?\s*(?:-\s*)?(?P<kind>calendar\s+|business\s+|working\s+)?"
    r"(?P<unit>days?|hours?|weeks?|months?|years?)\b", re.IGNORECASE)


def _number(text: str) -> int | None:
    text = text.lower()
    return int(text) if text.isdigit() else _NUMBER_WORDS.get(text)


def periods(text: str) -> list[tuple[int, str]]:
    """Every time span in the text, in days (a business week counted as seven days), with its words."""
    out = []
    for m in _PERIOD.finditer(text):
        n = int(m.group("digits")) if m.group("digits") else _number(m.group("word"))
        if n is None:
            continue
        unit = m.group("unit").lower()
        days = {"h": -(-n // 24), "d": n, "w": n * 7, "m": n * 30, "y": n * 365}[unit[0]]
        if m.group("kind") and m.group("kind").strip().lower() in ("business", "working") and unit.startswith("d"):
            days = -(-n * 7 // 5)  # five business days are a calendar week
        out.append((days, m.group(0)))
    return out


# --- rules ----------------------------------------------------------------------------------------


class Kind(StrEnum):
    SATISFIES = "satisfies"
    CONFLICT = "conflict"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Rule:
    name: str
    kind: Kind
    provision: Provision | None
    groups: tuple[tuple[str, re.Pattern], ...]  # (what the group stands for, its words): all must match
    unless: tuple[re.Pattern, ...] = ()  # a sentence where one of these matches does not count
    why: str = ""
    window: int = 1  # sentences read together: 2 lets a provision said in two sentences match

    def match(self, text: str) -> tuple[str, ...] | None:
        if any(p.search(text) for p in self.unless):
            return None
        words = []
        for _name, pattern in self.groups:
            m = pattern.search(text)
            if m is None:
                return None
            words.append(m.group(0))
        return tuple(dict.fromkeys(w.strip() for w in words))


def _rule(name: str, kind: Kind, provision: Provision | None, why: str, *groups: str, unless: Sequence[str] = (),
          window: int = 1) -> Rule:
    compiled = tuple((g.split("=", 1)[0] if "=" in g[:12] else f"g{i}",
                      re.compile(g.split("=", 1)[1] if "=" in g[:12] else g, re.IGNORECASE))
                     for i, g in enumerate(groups))
    return Rule(name, kind, provision, compiled, tuple(re.compile(u, re.IGNORECASE) for u in unless), why, window)


S, C, W, INFO = Kind.SATISFIES, Kind.CONFLICT, Kind.WARNING, Kind.INFO
P = Provision

_DELETE = r"\b(?:delet\w*|destr(?:oy|uction)\w*|eras\w*|purg\w*|dispos\w*|remov\w*|de-?identif\w+)\b"
_END_OF_CONTRACT = _w(r"\b(?:upon|on|after|following|at|within\s+.{1,40}?\s+(?:of|after|following))\s+(?:the\s+)?"
                      r"(?:expiration|expiry|termination|end|conclusion|cancellation|completion)\b",
                      r"\bwhen\s+(?:this|the)\s+(?:agreement|contract)\s+(?:ends|expires|terminates|is\s+terminated)",
                      r"\b(?:agreement|contract|subscription|term|license|licence)\s+(?:ends|expires|terminates)\b",
                      r"\bno\s+longer\s+(?:needed|necessary|required)\b",
                      r"\bafter\s+(?:the\s+|this\s+)?(?:contract|agreement)\b")
_DEIDENTIFIED = (r"de-?identified|aggregate|anonymi[sz]ed|independently\s+establish|own\s+(?:personal\s+)?account|"
                 r"student[- ]generated\s+content\s+.{0,40}account|legal(?:ly)?\s+(?:hold|required|obligat)|"
                 r"required\s+by\s+law")
_ADVERTISING = r"\b(?:(?:targeted|behavio(?:u)?ral|interest[- ]based|personali[sz]ed)\s+)?advertis\w*|" \
               r"\bmarket(?:ing)?\s+(?:to|products|purposes|materials|communications)|\bads\b"
_SELL = r"\b(?:sell|sold|sells|selling|sale|rent(?:s|ed|ing)?|lease|trade|monetiz\w+)\b"
_PROFILE = r"\b(?:profil(?:e|es|ing)|build\s+profiles?|create\s+(?:a\s+)?profiles?)\b"

_BECOMES_VENDORS = (r"\bbecom\w*\s+(?:the\s+)?(?:sole\s+)?property\s+of\b(?!\s+(?:the\s+)?(?:board|district|school|"
                    r"customer|lea|institution|licensee))")

RULES: tuple[Rule, ...] = (
    # P1: the Board's property and control
    _rule("p1-property", S, P.P1, "says the data stays the Board's property or under its control",
          f"data={DATA}",
          r"owner=\b(?:property\s+of|(?:is|are|remains?|shall\s+remain|continues?\s+to\s+be|be)\s+"
          r"(?:the\s+)?(?:sole\s+|exclusive\s+)?(?:property|owned)|own(?:s|ed)?\s+(?:and\s+control\w*\s+)?(?:all\s+)?|"
          r"ownership|right,?\s+title,?\s+and\s+interest|belongs?\s+to|(?:is|are|remains?)\s+the\s+(?:sole\s+|"
          r"exclusive\s+)?owners?\s+of|(?:controls?|owns?)\s+(?:the\s+|all\s+|its\s+)?(?:student\s+)?"
          r"(?:data|information|records)|under\s+the\s+(?:sole\s+|exclusive\s+)?"
          r"control\s+of|under\s+(?:the\s+)?\w+['\u2019]s\s+(?:sole\s+|exclusive\s+)?control|"
          r"(?:remains?|is|are|stays?)\s+(?:the\s+)?\w+['\u2019]s(?:\s+(?:sole\s+|exclusive\s+)?property)?\b|(?:retains?|keeps?|maintains?)\s+(?:all\s+|full\s+|exclusive\s+)?(?:ownership|control))",
          f"board={BOARD}",
          unless=(r"property\s+of\s+(?:the\s+)?(?:provider|company|contractor|vendor|operator|us)\b",
                  r"\b(?:provider|company|contractor|vendor|operator|we)\s+(?:shall\s+)?owns?\b",
                  _BECOMES_VENDORS)),
    _rule("p1-vendor-owns", C, P.P1, "gives the vendor ownership of, or an unlimited licence to, the data",
          f"data={DATA}",
          r"vendor=\b(?:property\s+of\s+(?:the\s+)?(?:provider|company|contractor|vendor|operator|us)\b|"
          r"(?:provider|company|contractor|vendor|operator|we)\s+(?:shall\s+)?owns?\b|"
          + _BECOMES_VENDORS + r"|"
          r"(?:perpetual|irrevocable)[\w ,-]{0,40}licen[cs]e)",
          unless=(r"\bnot\s+(?:become|be)\s+(?:the\s+)?property", r"\bno\s+(?:ownership|rights?)\b")),
    # P2: the Board may ask for deletion
    _rule("p2-request-deletion", S, P.P2, "describes how the Board asks for the data to be deleted",
          r"ask=\b(?:request\w*|ask\w*|instruct\w*|direct\w*|notif\w+|written\s+notice|demand\w*|"
          r"upon\s+receipt|submit\w*|send\w*|e-?mail\w*|tell\w*)\b",
          f"delete={_DELETE}", f"board={BOARD}",
          unless=(_NEGATED_DUTY, r"\bnot\s+(?:be\s+)?delet", r"\bdeleted\s+accounts?\b")),
    _rule("p2-refuses-deletion", C, P.P2, "says the vendor need not delete the data when asked",
          f"duty={_NEGATED_DUTY}", f"delete={_DELETE}", f"data={DATA}|\\bdata\\b|\\binformation\\b|\\brecords\\b",
          unless=(r"\b(?:except|unless)\b.{0,60}\b(?:law|legal|regulat|disaster|backup)", _END_OF_CONTRACT)),
    # P3: no use beyond what the contract authorizes
    _rule("p3-only-authorized", S, P.P3, "limits the use of the data to the purposes the contract authorizes",
          r"use=\b(?:us(?:e|ed|es|ing)|process\w*|access\w*|collect\w*|disclos\w*)\b",
          r"limit=\b(?:solely|only|exclusively|no\s+(?:other\s+)?purposes?|any\s+(?:other\s+)?purposes?\s+"
          r"(?:other\s+than|except|beyond)|purposes?\s+other\s+than|except\s+(?:as|for|those)|strictly|"
          r"for\s+no\s+(?:other\s+)?purpose|other\s+than|not\s+.{0,40}\bfor\s+any\s+(?:other\s+)?purpose|beyond\s+(?:what|the))\b",
          r"authorized=\b(?:authori[sz]\w*|permitted|agreement|contract|services?|perform\w*|provid\w+|"
          r"educational\s+purposes?|school\s+purposes?|instructions?|terms)\b",
          f"data={DATA}",
          unless=(r"\bfor\s+any\s+(?:lawful\s+)?(?:business\s+)?purpose\b(?!\s+(?:other|except|beyond))",)),
    _rule("p3-use-only", S, P.P3, "limits the use of the data to the purposes it names",
          r"only=\b(?:us(?:e|es|ed)|process(?:es|ed)?)\s+(?:\w+\s+){0,4}(?:only|solely|exclusively)\s+(?:as\s+"
          r"(?:needed|necessary|required)\s+)?(?:to|for|as|on|in)\b|\b(?:only|solely|exclusively)\s+(?:\w+\s+){0,2}"
          r"(?:use|process)\b",
          f"data={DATA}",
          unless=(r"\b(?:not|never)\s+(?:\w+\s+){0,2}(?:only|solely)\b",)),
    _rule("p3-nothing-else", S, P.P3, "limits the use of the data to the purposes it names",
          r"use=\b(?:us(?:e|ed|es|ing)|process\w*)\b",
          r"limit=\b(?:(?:for|and)\s+nothing\s+else|for\s+no\s+other\s+(?:purpose|reason)s?|and\s+no\s+other\s+"
          r"(?:purpose|use)s?)\b",
          f"data={DATA}"),
    _rule("p3-any-purpose", C, P.P3, "lets the vendor use the data beyond the contract's purposes",
          f"may={MAY}", r"use=\b(?:use|process|exploit|share|disclose)\b",
          r"any=\b(?:for\s+any\s+(?:lawful\s+)?(?:business\s+)?purpose(?!s?\s+(?:other|except|beyond))|"
          r"(?:its|our)\s+own\s+(?:commercial\s+|business\s+)?purposes|any\s+purpose\s+(?:we|it|the\s+company)\s+"
          r"(?:deems?|sees?|considers?))",
          f"data={DATA}|\\bdata\\b|\\binformation\\b",
          unless=(NEG + r"\s+(?:\w+\s+){0,3}(?:use|process|share|disclose)\b", r"\bde-?identified\b")),
    # P4: students and parents review and correct
    _rule("p4-review-correct", S, P.P4, "describes how a student or parent reviews the data and corrects errors",
          r"who=\b(?:parents?|guardians?|eligible\s+students?|students?|famil(?:y|ies)|you)\b",
          r"review=\b(?:review\w*|inspect\w*|access\w*|see|view\w*|obtain\s+a\s+copy|look\s+at)\b",
          r"correct=\b(?:correct\w*|amend\w*|erroneous|inaccura\w+|errors?|mistakes?|rectif\w+|fix\w*|update\s+(?:any\s+)?"
          r"(?:incorrect|inaccurate))\b",
          unless=(r"\b(?:will\s+not|cannot|can\s*not|may\s+not|does\s+not|do\s+not)\s+(?:\w+\s+){0,2}"
                  r"(?:review|correct|access|amend)", _NEGATED_DUTY + r"\s+(?:\w+\s+){0,2}(?:review|correct|amend)",
                  r"\b(?:does|do|will)\s+not\s+(?:offer|allow|permit|provide|give)\b.{0,60}\b(?:review|correct)"),
          window=2),
    _rule("p4-refuses", C, P.P4, "refuses students and parents the review or correction of their records",
          r"refuse=" + _NEGATED_DUTY + r"\s+(?:\w+\s+){0,2}(?:review|correct|amend)\w*|\b(?:does|do|will)\s+not\s+"
          r"(?:offer|allow|permit|provide|give)\b.{0,60}\b(?:review|correct)\w*",
          f"data={DATA}|\\brecords?\\b|\\bparents?\\b"),
    # P5: security and confidentiality
    _rule("p5-security", S, P.P5, "commits the contractor to keep the data secure and confidential",
          r"security=\b(?:secur\w+|safeguard\w*|confidential\w*|protect\w*|safe|private)\b",
          r"action=\b(?:measures?|safeguards?|actions?|steps|controls?|practices|procedures|program|encrypt\w*|"
          r"implement\w*|maintain\w*|ensure\w*|standards?|keep\w*)\b",
          unless=(r"\b(?:not|no)\s+(?:be\s+)?(?:required|obligated|responsible)\s+(?:to|for)\s+.{0,30}secur",
                  r"\bno\s+(?:security|safeguards)\b", r"\bdisclaims?\b")),
    # P6: notice of an unauthorized release
    _rule("p6-breach-notice", S, P.P6, "describes how the Board is told of an unauthorized release",
          r"notify=\b(?:notif\w+|notice|inform\w*|report\w*|alert\w*|tell|contact|let\s+(?:\w+\s+){1,3}know)\b",
          r"breach=\b(?:breach\w*|unauthori[sz]ed\s+(?:release|disclosure|acquisition|access|use)|security\s+"
          r"(?:incidents?|events?)|data\s+incidents?|compromis\w+|intrusions?|without\s+(?:permission|authori[sz]ation)|expos(?:ed|ure))\b",
          f"board={BOARD}|\\byou\\b|\\bparents\\b",
          unless=(r"\b(?:not|no)\s+(?:be\s+)?(?:required|obligated|obliged|responsible|duty|obligation)\s+"
                  r"(?:\w+\s+){0,2}(?:notif|inform|report|give)",
                  r"\bwill\s+not\s+(?:\w+\s+)?(?:notify|inform|report)")),
    _rule("p6-no-notice", C, P.P6, "says the vendor need not tell the Board of a breach",
          r"duty=\b(?:not|no)\s+(?:be\s+)?(?:required|obligated|obliged|responsible|duty|obligation)\s+"
          r"(?:\w+\s+){0,2}(?:notif|inform|report|give)\w*|\bwill\s+not\s+(?:\w+\s+)?(?:notify|inform|report)",
          r"breach=\b(?:breach\w*|unauthori[sz]ed|security\s+(?:incidents?|events?)|incidents?)\b"),
    # P7: nothing kept after the contract ends
    _rule("p7-delete-at-end", S, P.P7, "says the data is deleted or returned, not kept, when the contract ends",
          f"end={_END_OF_CONTRACT}",
          r"delete=\b(?:delet\w*|destr(?:oy|uction)\w*|eras\w*|purg\w*|dispos\w*|return\w*|not\s+(?:be\s+)?"
          r"(?:retain\w*|kept|available)|no\s+longer\s+(?:retain|keep|have|be\s+available))\b",
          unless=(_NEGATED_DUTY, r"\bmay\s+(?:continue\s+to\s+)?(?:retain|keep|store)\b(?!\s+(?:\w+\s+){0,2}"
                                 r"(?:de-?identified|aggregate|anonymi))",
                  r"\b(?:retain|keep|store)\w*\s+(?:\w+\s+){0,6}for\s+(?:up\s+to\s+|a\s+period\s+of\s+)?" + _NUMBER +
                  r"\s*(?:\(\d+\)\s*)?(?:days?|months?|years?)\s+(?:after|following|from)",
                  r"\bindefinitely\b")),
    _rule("p7-retain-after-end", C, P.P7, "lets the vendor keep student data after the contract ends",
          f"end={_END_OF_CONTRACT}|\\bindefinitely\\b|\\bafter\\s+(?:you|the\\s+district)\\s+(?:stop|cease|close)|"
          r"\bafter\s+(?:your|the|its)\s+(?:account|subscription)\s+(?:is\s+|has\s+been\s+)?(?:deleted|closed|cancel\w+|ends)|"
          r"\bafter\s+(?:it|they)\s+(?:is|are|has\s+been|have\s+been)\s+(?:closed|deleted|terminated|cancel\w+)",
          r"keep=\b(?:(?:may|will|shall|can)\s+(?:continue\s+to\s+)?(?:retain|keep|store|use|hold)\w*|"
          r"(?:retain\w*|keep|kept|store[sd]?)\s+(?:\w+\s+){0,6}for\s+(?:up\s+to\s+|a\s+period\s+of\s+)?" + _NUMBER +
          r"\s*(?:\(\d+\)\s*)?(?:days?|months?|years?)|(?:retain\w*|kept|keep|stored)\s+(?:\w+\s+){0,4}"
          r"indefinitely|survive\w*)\b|\b(?:retain|keep)\w*\b.{0,80}\bfor\s+" + _NUMBER + r"\s*(?:\(\d+\)\s*)?"
          r"(?:years?|months?)\s+after\b|" + _NEGATED_DUTY + r"\s+(?:\w+\s+){0,3}(?:delet|destroy|return|eras)",
          f"data={DATA}|\\bdata\\b|\\binformation\\b|\\bcontent\\b|\\bcopies\\b|\\baccount\\s+details\\b",
          unless=(_DEIDENTIFIED, r"\b(?:shall|will|must)\s+not\s+(?:\w+\s+){0,3}(?:retain|keep|store)",
                  r"\bconfidentiality\b.{0,40}\bsurviv", r"\bsurviv\w*\s+.{0,40}\b(?:obligations?|sections?)\b")),
    # P8: FERPA
    _rule("p8-ferpa", S, P.P8, "commits the parties to comply with FERPA",
          r"ferpa=\bferpa\b|family\s+educational\s+rights\s+and\s+privacy\s+act|20\s+u\.?\s?s\.?\s?c\.?\s+"
          r"(?:\u00a7\s*)?1232g|34\s+c\.?f\.?r\.?\s+(?:part\s+)?99",
          r"comply=\b(?:compl\w+|follow\w*|accordance|consistent|conform\w*|abide|adhere\w*|obligations?\s+under|subject\s+to|"
          r"requirements?\s+of|as\s+required\s+by|school\s+official|ensure)\b",
          unless=(r"\bnot\s+(?:be\s+)?(?:subject\s+to|responsible\s+for|bound\s+by|required\s+to\s+comply)",
                  r"\bdoes\s+not\s+(?:apply|comply)\b", r"\bmakes?\s+no\s+representation")),
    _rule("p8-disclaims-ferpa", C, P.P8, "disclaims FERPA duties",
          r"ferpa=\bferpa\b|family\s+educational\s+rights\s+and\s+privacy\s+act",
          r"not=\bnot\s+(?:be\s+)?(?:subject\s+to|responsible\s+for|bound\s+by|required\s+to\s+comply)|"
          r"\bdoes\s+not\s+(?:apply|comply)\b|\bmakes?\s+no\s+representation|\bsolely\s+responsible\b"),
    # P9: Connecticut law governs
    _rule("p9-connecticut", S, P.P9, "makes Connecticut law govern the contract",
          r"govern=\b(?:govern\w*|constru\w+|interpret\w*|enforced|controlling\s+law|applicable\s+law|law\s+appl(?:y|ies)|"
          r"choice\s+of\s+law|laws?\s+of\s+the\s+state|subject\s+to\s+the\s+laws?)\b",
          r"state=\bconnecticut\b",
          unless=(r"\bconflict(?:s)?\s+(?:of\s+)?laws?\s+principles\s+of\s+connecticut",)),
    _rule("p9-other-state", C, P.P9, "makes the law of another state govern",
          r"govern=\b(?:govern\w*|law\s+appl(?:y|ies)|constru\w+\s+(?:in\s+accordance|under|pursuant)|"
          r"interpret\w*\s+(?:in\s+accordance|"
          r"under)|controlling\s+law|choice\s+of\s+law|subject\s+to\s+the\s+laws?)\b",
          rf"state=\b(?:laws?\s+of\s+(?:the\s+)?(?:state\s+of\s+|commonwealth\s+of\s+|province\s+of\s+)?{_STATE}\b|"
          rf"{_STATE}\s+law|laws?\s+of\s+(?:the\s+)?(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}})\b|"
          r"laws?\s+of\s+the\s+state\s+(?:in\s+which|where)\s+(?:the\s+)?"
          r"(?:provider|company|vendor|we|licensor)\b)",
          unless=(r"\bconnecticut\b",)),
    # P10: severability
    _rule("p10-severability", S, P.P10, "keeps the rest of the contract in force if a part is held invalid",
          r"invalid=\b(?:severab\w+|sever\w*|invalid\w*|unenforceab\w+|illegal|void|unlawful|(?:cannot|can['\u2019]t|"
          r"could\s*not|may\s+not)\s+be\s+enforced)",
          r"rest=\b(?:remain\w*|rest\s+of|other\s+provisions?|not\s+(?:affect|impair)|continue\w*\s+in\s+(?:full\s+)?"
          r"(?:force|effect)|full\s+force|severed|severable|severability|enforced\s+to\s+the\s+maximum)\b",
          unless=(r"\b(?:are|is)\s+not\s+severable\b",)),
    # P11: no advertising; no selling, no profiling (the operators' duties, C.G.S. 10-234cc)
    _rule("p11-no-advertising", S, P.P11, "forbids using the data for advertising",
          rf"not={NEG}|\bprohibit\w*|\brefrain\b|\bonly\b",
          f"advertising={_ADVERTISING}",
          f"data={DATA}|\\bdata\\b|\\binformation\\b|\\bpii\\b",
          unless=(r"\b(?:may|will|can)\s+(?:also\s+)?(?:use|share|disclose)\s+(?:\w+\s+){0,6}"
                  r"(?:for|to|with)\s+(?:\w+\s+){0,3}(?:advertis|market)",)),
    _rule("p11-advertising", C, P.P11, "lets the vendor advertise to students or use their data for advertising",
          f"may={MAY}", r"use=\b(?:use|share|disclose|show|display|serve|deliver|provide|send|target)\w*\b",
          f"advertising={_ADVERTISING}|advertisers|advertising\\s+partners",
          unless=(NEG + r"\s+(?:\w+\s+){0,4}(?:use|share|disclose|show|display|serve|deliver|send|target|engage)",
                  r"\b(?:not|never)\s+(?:\w+\s+){0,3}advertis", r"\bno\s+(?:\w+\s+){0,2}advertis",
                  r"\bprohibit\w*\b", r"\bnot\s+(?:\w+\s+){0,4}(?:for|in|to)\s+(?:\w+\s+){0,2}advertis")),
    _rule("p11-selling", C, P.P11, "lets the vendor sell or rent student data",
          rf"may={MAY}|\bmay\s+be\b|\bwill\s+be\b",
          f"sell={_SELL}",
          f"data={DATA}|\\bdata\\b|\\binformation\\b",
          unless=(NEG + r"\s+(?:\w+\s+){0,4}" + _SELL, r"\bnever\b", r"\bprohibit\w*\b", r"\bforbid\w*\b",
                  r"\b(?:merger|acquisition|bankruptcy|sale\s+of\s+(?:all|substantially|the\s+business|assets|"
                  r"(?:our|the)\s+company))\b")),
    _rule("p11-profiling", C, P.P11, "lets the vendor build profiles of students",
          f"may={MAY}", f"profile={_PROFILE}",
          r"who=\b(?:students?|users?|children|learners|you)\b",
          unless=(NEG + r"\s+(?:\w+\s+){0,5}(?:profil|create|build)", r"\bnever\b", r"\bprohibit\w*\b",
                  r"\bprofile\s+(?:page|picture|photo|settings)\b", r"\bschool\s+purposes\b")),
    # the operators' duties are P11's too: a prohibition on selling or profiling also satisfies it
    _rule("p11-no-selling", S, P.P11, "forbids selling student data or profiling students (operators' duties)",
          rf"not={NEG}|\bprohibit\w*|\brefrain\b", rf"sell={_SELL}|{_PROFILE}",
          f"data={DATA}",
          unless=(r"\b(?:merger|acquisition|bankruptcy)\b",)),
)

_PROMPTLY = re.compile(r"\b(?:promptly|as\s+soon\s+as\s+(?:reasonably\s+)?(?:practicable|possible)|without\s+"
                       r"(?:undue|unreasonable)\s+delay|in\s+a\s+timely\s+manner|reasonable\s+time|expedient)\b",
                       re.IGNORECASE)

NOTE_RULES: tuple[Rule, ...] = (
    _rule("unilateral-changes", W, None, "the vendor may change the terms alone",
          r"change=\b(?:may|can|reserves?\s+the\s+right\s+to|will)\s+(?:\w+\s+){0,3}(?:modify|change|amend|update|"
          r"revise|replace)\w*\b",
          r"terms=\b(?:these\s+terms|this\s+agreement|the\s+terms|this\s+(?:privacy\s+)?policy|terms\s+of\s+"
          r"(?:service|use)|the\s+agreement|(?:this|the)\s+(?:privacy\s+)?(?:notice|policy|statement|schedule|"
          r"exhibit|dpa|addendum|contract)|privacy\s+policy)\b",
          r"alone=\b(?:at\s+any\s+time|from\s+time\s+to\s+time|sole\s+discretion|without\s+(?:prior\s+)?"
          r"(?:notice|consent)|unilateral\w*|by\s+posting|continued\s+use|whenever\s+(?:we|it)\s+(?:like|wish|choose|want)s?|"
          r"at\s+(?:our|its)\s+(?:sole\s+)?discretion|keep\s+using)\b",
          unless=(r"\b(?:only|except)\s+(?:\w+\s+){0,4}(?:in\s+)?(?:a\s+)?writ\w+\s+(?:\w+\s+){0,3}signed",
                  r"\bmutual\w*\s+(?:written\s+)?(?:agreement|consent)\b", r"\bsigned\s+by\s+both\b",
                  r"\bmay\s+not\s+(?:\w+\s+){0,3}(?:modif|chang|amend)")),
    _rule("indemnity", INFO, None, "indemnity (for information: the law does not require it)",
          r"words=\b(?:indemnif\w+|hold\s+harmless|defend,?\s+indemnify)\b"),
    _rule("liability", INFO, None, "liability limit (for information: the law does not require it)",
          r"words=\b(?:limitation\s+of\s+liability|in\s+no\s+event\s+shall\s+.{0,40}\bliable|liability\b.{0,60}\b"
          r"(?:shall|will)\s+not\s+exceed|aggregate\s+liability|not\s+be\s+liable\s+for\s+any\s+(?:indirect|"
          r"consequential|special))\b"),
)

_ADDENDUM_TITLE = re.compile(
    r"(?:student\s+data\s+privacy\s+)?terms[- ]of[- ]service\s+(?:agreement\s+)?addendum", re.IGNORECASE)
_ADDENDUM_STATE = re.compile(r"\bcommission\s+for\s+educational\s+technology\b|\bconnecticut\b|\b10-234bb\b",
                             re.IGNORECASE)
_ADDENDUM_UNIFORM = re.compile(r"\buniform\b|\bcommission\s+for\s+educational\s+technology\b", re.IGNORECASE)


def _window_texts(items: Sequence[Sentence], size: int):
    for i, s in enumerate(items):
        yield (s,), s.text
        if size > 1 and i + 1 < len(items) and items[i + 1].index == s.index + 1:
            yield (s, items[i + 1]), f"{s.text} {items[i + 1].text}"


@dataclass
class _Hits:
    satisfying: dict[Provision, list[tuple[Rule, tuple[Sentence, ...], tuple[str, ...]]]] = field(default_factory=dict)
    conflicting: dict[Provision, list[tuple[Rule, tuple[Sentence, ...], tuple[str, ...]]]] = field(default_factory=dict)


def _quote(sents: tuple[Sentence, ...], words: tuple[str, ...]) -> Quote:
    return Quote(" ".join(s.text for s in sents), sents[0].page, words)


def _pages(found: Sequence[Quote]) -> str:
    pages = sorted({q.page for q in found if q.page is not None})
    if not pages:
        return ""
    return (" on page " if len(pages) == 1 else " on pages ") + ", ".join(str(p) for p in pages)


def _words(words: Sequence[str]) -> str:
    return ", ".join(f"\u201c{w}\u201d" for w in dict.fromkeys(words))


def _breach_days(items: Sequence[Sentence]) -> tuple[int | None, Quote | None, list[Quote]]:
    """The shortest span in days any breach-notice sentence gives, the sentence, and the vague ones."""
    best: tuple[int, Quote] | None = None
    vague = []
    for s in items:
        spans = periods(s.text)
        if spans:
            days, words = min(spans)
            if best is None or days < best[0]:
                best = (days, Quote(s.text, s.page, (words,)))
        elif m := _PROMPTLY.search(s.text):
            vague.append(Quote(s.text, s.page, (m.group(0),)))
    if best is None:
        return None, None, vague
    return best[0], best[1], vague


def check_text(pages: Sequence[str], paged: bool = True) -> ContractCheck:
    """The findings for a contract given as the text of its pages (one string when it has no pages;
    `paged` False leaves every page None)."""
    items = sentences(pages, paged)
    hits = _Hits()
    seen: set[tuple[str, tuple[int, ...]]] = set()
    body = [s for s in items if not s.heading]  # a title alone says nothing the text under it does not
    for rule in RULES:
        for sents, text in _window_texts(body, rule.window):
            words = rule.match(text)
            if words is None:
                continue
            if len(sents) > 1 and (rule.match(sents[0].text) is not None or rule.match(sents[1].text) is not None):
                continue  # one sentence alone matches: it is quoted alone
            key = (rule.name, tuple(s.index for s in sents))
            if key in seen:
                continue
            seen.add(key)
            target = hits.satisfying if rule.kind is Kind.SATISFIES else hits.conflicting
            target.setdefault(rule.provision, []).append((rule, sents, words))

    conflicts: list[Note] = []
    warnings: list[Note] = []
    told = [sents[0] for _r, sents, _w in hits.satisfying.get(P.P6, [])]
    days, days_quote, vague = _breach_days(told)
    if days is not None and days > BREACH_DAYS_OTHER:
        conflicts.append(Note("breach_notice_late", P.P6, days_quote,
                              f"a breach notice within {days} days is later than the law allows: "
                              f"{BREACH_DAYS_STUDENT_INFORMATION} days for student information, "
                              f"{BREACH_DAYS_OTHER} days for directory information, records and content"))
    elif days is not None and days > BREACH_DAYS_STUDENT_INFORMATION:
        warnings.append(Note("breach_notice_over_30_days", P.P6, days_quote,
                             f"a breach notice within {days} days meets the {BREACH_DAYS_OTHER}-day limit for "
                             f"directory information, records and content, not the "
                             f"{BREACH_DAYS_STUDENT_INFORMATION}-day limit for other student information"))

    keep, late = [], []
    for hit in hits.satisfying.get(P.P7, []):
        text = " ".join(s.text for s in hit[1])
        spans = [span for span in periods(text) if span[0] > DELETION_DAYS_AFTER_END]
        (late if spans else keep).append((hit, spans))
    if late:
        hits.satisfying[P.P7] = [hit for hit, _ in keep]
        for (_rule, sents, words), spans in late:
            kept, span_words = max(spans)
            conflicts.append(Note("deletion_late", P.P7, _quote(sents, (span_words, *words)),
                                  f"the data is kept up to {kept} days after the contract ends before it is deleted "
                                  f"(more than {DELETION_DAYS_AFTER_END})"))

    results = []
    for provision in Provision:
        sat = [_quote(s, w) for _r, s, w in hits.satisfying.get(provision, [])]
        con = [(_quote(s, w), r) for r, s, w in hits.conflicting.get(provision, [])]
        noted = [n for n in conflicts if n.provision is provision]
        if con or noted:
            quotes = tuple(q for q, _ in con) + tuple(n.quote for n in noted)
            reasons = list(dict.fromkeys([r.why for _, r in con] + [n.why for n in noted]))
            why = "; ".join(reasons) + f" ({_words([w for q in quotes for w in q.matched])}){_pages(quotes)}"
            sat = [q for q in sat if q.text not in {c.text for c in quotes}]  # the late notice itself, say
            if sat:
                why += f"; elsewhere the text {hits.satisfying[provision][0][0].why}{_pages(sat)}"
            results.append(ProvisionResult(provision, Finding.CONFLICT, quotes, why, tuple(sat)))
            for q, r in con:
                conflicts.append(Note(r.name, provision, q, r.why))
        elif sat:
            first = hits.satisfying[provision][0][0]
            why = f"the text {first.why}: {_words([w for q in sat for w in q.matched])}{_pages(sat)}"
            results.append(ProvisionResult(provision, Finding.FOUND, tuple(sat), why))
        else:
            results.append(ProvisionResult(provision, Finding.NOT_FOUND, (),
                                           f"no sentence {_NOT_FOUND_WHY[provision]}"))

    if days is None and results[PROVISION_ORDER[P.P6]].finding is not Finding.CONFLICT:
        where = vague[0] if vague else None
        why = (f"no breach notice time in days: only \u201c{where.matched[0]}\u201d" if where
               else "no breach notice time found")
        warnings.append(Note("breach_notice_none", P.P6, where or Quote("", None), why))

    for rule in NOTE_RULES:
        for s in body:
            if (words := rule.match(s.text)) is not None:
                warnings.append(Note(rule.name, None, Quote(s.text, s.page, words), rule.why))

    addendum = _addendum(items)
    conflicts.sort(key=lambda n: (PROVISION_ORDER[n.provision], n.quote.page or 0))
    return ContractCheck(tuple(results), tuple(conflicts), tuple(warnings), days, addendum is not None, addendum,
                         len(items), len(pages) if paged else None)


PROVISION_ORDER = {p: i for i, p in enumerate(Provision)} | {None: len(Provision)}

_NOT_FOUND_WHY = {
    P.P1: "says the student data remains the Board's property or under its control",
    P.P2: "describes how the Board may request deletion",
    P.P3: "limits the use of the data to the purposes the contract authorizes",
    P.P4: "describes how a student or parent may review the data and correct errors",
    P.P5: "commits the contractor to security and confidentiality",
    P.P6: "describes notifying the Board of an unauthorized release",
    P.P7: "says the data is deleted or not kept once the contract ends",
    P.P8: "mentions compliance with FERPA",
    P.P9: "makes Connecticut law govern",
    P.P10: "keeps the rest of the contract in force when a provision is held invalid (severability)",
    P.P11: "forbids using the data for advertising",
}


def _addendum(items: Sequence[Sentence]) -> Quote | None:
    """The state's uniform addendum names itself in its first lines: the title and the Commission or
    Connecticut, and "uniform" or the Commission."""
    head = items[:12]
    for s in head:
        if m := _ADDENDUM_TITLE.search(s.text):
            nearby = " ".join(x.text for x in head)
            state, uniform = _ADDENDUM_STATE.search(nearby), _ADDENDUM_UNIFORM.search(nearby)
            if state and uniform:
                return Quote(s.text, s.page, tuple(dict.fromkeys((m.group(0), state.group(0), uniform.group(0)))))
    return None


def plain_text(check: ContractCheck, name: str = "") -> str:
    """The findings for people: one block per provision, then conflicts and warnings."""
    lines = []
    if name:
        lines.append(f"Contract check: {name}")
    lines.append(f"{len(check.found)} of 11 provisions found"
                 + (f"; {sum(r.finding is Finding.CONFLICT for r in check.provisions)} in conflict"
                    if any(r.finding is Finding.CONFLICT for r in check.provisions) else "")
                 + ". Suggestions only: tick each provision yourself after reading the quote.")
    if check.uniform_addendum:
        lines.append("This is the state's uniform terms-of-service addendum"
                     + (f" (page {check.addendum_quote.page})" if check.addendum_quote.page else "") + ".")
    lines.append("")
    for r in check.provisions:
        lines.append(f"{r.provision.value} {r.finding.label.upper()} \u2014 {r.provision.text}")
        lines.append(f"    Why: {r.why}")
        for q in r.quotes:
            where = f"p. {q.page}: " if q.page else ""
            lines.append(f"    {where}\u201c{q.text}\u201d")
    lines.append("")
    if check.breach_notice_days is not None:
        lines.append(f"Breach notice: within {check.breach_notice_days} days.")
    notes = [("Warning", n) for n in check.warnings if n.kind not in ("indemnity", "liability")]
    notes += [("For information", n) for n in check.warnings if n.kind in ("indemnity", "liability")]
    for label, n in notes:
        where = f" (p. {n.quote.page})" if n.quote.page else ""
        lines.append(f"{label}: {n.why}{where}" + (f": \u201c{n.quote.text}\u201d" if n.quote.text else "."))
    return "\n".join(lines).rstrip() + "\n"
