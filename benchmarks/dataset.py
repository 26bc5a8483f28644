"""The district-scale data set: ten school years of a large Connecticut district, for the benchmarks.

`build(path, seed)` makes a SQLite database through the app's own `open_database` (so the schema is the
migrated one), sets the district up through the services (`people.complete_setup`, `settings`), and
bulk-inserts the rest with SQLAlchemy Core in a few big transactions. The rows are what the services
would have written: the same fields, statuses, decision/permission/reason combinations, catalog links,
contract provisions and audit events (with the services' own `changes`), and the audit trail is one valid
hash chain ending at the `audit_head` row, as `techapproval verify-audit` checks.

Everything comes from `random.Random(seed)` and a fixed calendar (ten school years ending 2026-06-30): the
same seed gives the same database, row for row (`content_digest` says so). Every account's password is
PASSWORD; the argon2 hash is computed once (with a salt from the seed) and shared.

    uv run python -m benchmarks.dataset [--seed N] [--output FILE]   # build (or reuse) and print the summary
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import itertools
import json
import os
import random
import sqlite3
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from argon2 import PasswordHasher
from sqlalchemy import bindparam, insert, select, update

from techapproval.db import schema
from techapproval.db.database import open_database
from techapproval.db.models import (
    AnnualNotice,
    AuditEvent,
    AuditHead,
    CatalogResource,
    Contract,
    ContractDocument,
    Contractor,
    ContractProvision,
    DistrictClosure,
    Message,
    PermissionTally,
    Person,
    Request,
)
from techapproval.db.search import is_search_object
from techapproval.domain.audit_chain import event_hash
from techapproval.domain.contracts import PROVISIONS
from techapproval.domain.enums import Grade, InfoCategory
from techapproval.domain.validation import normalise_link, normalise_name
from techapproval.services import audit, people, settings
from techapproval.services.audit import verify_chain

from . import vocabulary as V

DATASET_VERSION = 1  # bump when the generator changes: cached files of an older version are rebuilt
DEFAULT_SEED = 3520
DATA_DIR = Path(__file__).with_name(".data")

STAFF = 2_000
REQUESTS = 50_000
RESOURCES = 3_000  # catalog entries: distinct tools approved at least once
REFUSED_PRODUCTS = 400  # tools only ever turned down (or withdrawn, or still pending)
CONTRACTS = 800
EVENTS = 200_000
PENDING_DAYS = 75  # requests still in the workflow were filed in the last weeks of the data set

LOCAL = ZoneInfo("America/New_York")
FIRST_DAY = date(2016, 7, 1)
LAST_DAY = date(2026, 6, 30)  # the end of the tenth school year
START = datetime(2016, 7, 1, 8, 0, tzinfo=LOCAL).astimezone(UTC)
END = datetime(2026, 6, 30, 18, 0, tzinfo=LOCAL).astimezone(UTC)

PASSWORD = "district-benchmark-2026"
DOMAIN = "millbrook.example"
DISTRICT = "Millbrook"
ADMIN_EMAIL = f"admin@{DOMAIN}"
REVIEWER_EMAIL = f"technology.coordinator@{DOMAIN}"

GRADES = list(Grade)
CATEGORY_ORDER = {c.value: i for i, c in enumerate(InfoCategory)}
SENSITIVE = ("media", "sped", "assessment", "family")


@dataclass
class Summary:
    seed: int
    schema: str
    dataset_version: int
    path: str
    build_seconds: float
    counts: dict[str, int]
    requests_by_status: dict[str, int]
    coverage: dict[str, int]
    password: str
    admin_email: str
    admin_id: int
    reviewer_email: str
    reviewer_id: int
    teacher_email: str
    teacher_id: int
    audit_last_hash: str
    content_digest: str

    def lines(self) -> list[str]:
        c = self.counts
        return [
            f"{c['person']:,} staff, {c['request']:,} requests, {c['catalog_resource']:,} catalog resources, "
            f"{c['contractor']:,} contractors with {c['contract']:,} contracts ({c['contract_document']:,} signed "
            f"documents), {c['message']:,} messages, {c['permission_tally']:,} permission tallies, "
            f"{c['audit_event']:,} audit events",
            "requests: " + ", ".join(f"{n:,} {s}" for s, n in self.requests_by_status.items()),
            "catalog coverage: " + ", ".join(f"{n:,} {s}" for s, n in self.coverage.items()),
            f"sign in with any account, password {self.password}: reviewer {self.reviewer_email}, administrator "
            f"{self.admin_email}, teacher {self.teacher_email}",
            f"seed {self.seed}, schema {self.schema}, data set v{self.dataset_version}; audit chain ends "
            f"{self.audit_last_hash[:16]}…; content digest {self.content_digest[:16]}…",
        ]


def cache_path(seed: int = DEFAULT_SEED) -> Path:
    return DATA_DIR / f"district-{seed}-s{schema.HEAD}-v{DATASET_VERSION}.db"


def cached_build(seed: int = DEFAULT_SEED, *, rebuild: bool = False, log=print) -> tuple[Summary, bool]:
    """The data set for this seed, built once and kept under benchmarks/.data/. Returns (summary, built now)."""
    path = cache_path(seed)
    meta = path.with_suffix(".json")
    if not rebuild and path.exists() and meta.exists():
        return Summary(**json.loads(meta.read_text())), False
    DATA_DIR.mkdir(exist_ok=True)
    partial = path.with_name(f"{path.name}.partial-{os.getpid()}")  # two runs at once build apart
    _remove(partial)
    log(f"Building the district data set (seed {seed}) in {path} ...")
    summary = build(partial, seed, log=log)
    _remove(path)
    partial.rename(path)
    summary.path = str(path)
    meta.write_text(json.dumps(asdict(summary), indent=1, ensure_ascii=False))
    return summary, True


def _remove(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        p.unlink(missing_ok=True)


# --- small helpers ------------------------------------------------------------------------------


def _ascii(text: str) -> str:
    text = text.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O")
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return "".join(ch for ch in text.lower() if ch.isascii() and ch.isalnum())


def _local(d: date, rng: random.Random, start_hour: float = 7.5, end_hour: float = 16.5) -> datetime:
    """A moment during the school day `d`, in UTC with microseconds."""
    seconds = rng.uniform(start_hour * 3600, end_hour * 3600)
    return (datetime(d.year, d.month, d.day, tzinfo=LOCAL) + timedelta(seconds=seconds)).astimezone(UTC)


def _day(t: datetime) -> date:
    return t.astimezone(LOCAL).date()


def _ms(n: float) -> timedelta:
    return timedelta(milliseconds=n)


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _categories(values: list[str]) -> str:
    return ",".join(sorted(dict.fromkeys(values), key=CATEGORY_ORDER.__getitem__))


def _diff(new: dict[str, Any]) -> dict[str, list[Any]]:
    """audit.diff({}, new): every value that is not None."""
    return audit.diff({}, new)


@contextmanager
def _fixed_setup(start: datetime, salt: bytes) -> Iterator[None]:
    """The services' clock and password hasher made reproducible while the district is set up."""

    class FixedSalt(PasswordHasher):
        def hash(self, password, *, salt: bytes | None = None) -> str:
            return super().hash(password, salt=salt or fixed)

    fixed = salt
    ticks = itertools.count()
    clock, hasher = audit.now, people._hasher
    audit.now = lambda: start + _ms(next(ticks))
    people._hasher = FixedSalt()
    try:
        yield
    finally:
        audit.now, people._hasher = clock, hasher


# --- the generator -------------------------------------------------------------------------------


@dataclass
class _Person:
    id: int
    created: datetime
    role: str
    kind: str  # admin, reviewer, elementary, prek, middle, high, specialist, office
    grades: list[str]  # the grades this person teaches (Grade values), [] for office staff
    subject: str
    off_at: datetime | None = None


@dataclass
class _Product:
    index: int
    name: str
    link: str
    description: str
    profile: str
    vendor: str | None  # None: a tool that is never approved
    domain: str


@dataclass
class _Contract:
    id: int
    contractor: int
    executed: date
    expires: date | None
    created: datetime
    row: dict[str, Any]


class _Builder:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.seq = itertools.count()
        self.events: list[tuple] = []
        self.rows: dict[str, list[dict[str, Any]]] = {}
        self.products_of: dict[int, _Product] = {}  # request id -> the tool it asks for
        self.link_keys: dict[str, str] = {}
        self.password_hash = PasswordHasher().hash(PASSWORD, salt=self.rng.randbytes(16))

    def event(self, at: datetime, actor: int | None, entity: str, entity_id: int, action: str,
              changes: dict[str, Any]) -> None:
        # `changes` is already what canonical_changes() would give (string keys, lists, JSON scalars), and
        # verify_chain() at the end recomputes every hash from the stored JSON.
        self.events.append((at, next(self.seq), actor, entity, entity_id, action, changes))

    # --- people ---------------------------------------------------------------------------------

    def people(self, admin_id: int) -> None:
        rng = self.rng
        initial = int(STAFF * 0.62)
        created = [START + timedelta(seconds=120 + 2.5 * i + rng.random()) for i in range(initial)]
        span = (END - timedelta(days=20)) - (START + timedelta(days=30))
        created += sorted(START + timedelta(days=30) + span * rng.random() for _ in range(STAFF - 1 - initial))
        emails = {ADMIN_EMAIL}
        self.staff: list[_Person] = [_Person(admin_id, START, "administrator", "admin", [], "")]
        rows = []
        for offset, at in enumerate(created):
            pid = admin_id + 1 + offset
            person, name, position, email = self._new_person(pid, at, emails)
            emails.add(email)
            self.staff.append(person)
            actor = admin_id if pid <= admin_id + 12 else rng.choice([admin_id, admin_id + 1, admin_id + 2])
            self.event(at + _ms(1), actor, "person", pid, "created", {"role": [None, person.role]})
            version = 1
            if person.kind not in ("admin", "reviewer") and rng.random() < 0.09:
                off = at + timedelta(days=365 + rng.uniform(0, 3000))
                if off < END:
                    person.off_at = off
                    version += 1
                    self.event(off, rng.choice([admin_id, admin_id + 1]), "person", pid, "switched off",
                               {"active": [True, False]})
            rows.append(dict(id=pid, name=name, position=position, email=email, role=person.role,
                             password_hash=self.password_hash, active=person.off_at is None, created_at=at,
                             failed_sign_ins=0, locked_until=None, must_change_password=False, version=version))
        self.rows["person"] = rows
        self.person_by_id = {p.id: p for p in self.staff}
        self.reviewers = [p.id for p in self.staff if p.kind == "reviewer"]
        self.admins = [p.id for p in self.staff if p.kind == "admin"]
        self.created_order = [p.created for p in self.staff]  # ascending: ids follow creation

    def _new_person(self, pid: int, at: datetime, emails: set[str]) -> tuple[_Person, str, str, str]:
        rng = self.rng
        first, last = rng.choice(V.FIRST_NAMES), rng.choice(V.LAST_NAMES)
        name = f"{first} {last}"
        n = pid - 1  # the setup administrator is id 1
        if n <= 2:
            kind, role, position, grades, subject = "admin", "administrator", rng.choice(
                ["Network Administrator", "Systems Administrator"]), [], ""
        elif n <= 9:
            kind, role, grades, subject = "reviewer", "reviewer", [], ""
            position = "Technology Coordinator" if n <= 4 else f"Principal, {rng.choice(V.ELEMENTARY + V.MIDDLE)}"
        else:
            role = "requester"
            kind = rng.choices(["elementary", "prek", "middle", "high", "specialist", "office"],
                               [44, 3, 18, 17, 12, 6])[0]
            subject = ""
            if kind == "elementary":
                g = rng.choice(GRADES[1:7])
                grades = [g.value]
                position = f"{'Kindergarten' if g is Grade.K else f'Grade {g.value}'} Teacher, " \
                           f"{rng.choice(V.ELEMENTARY)}"
                subject = "reading"
            elif kind == "prek":
                grades, position, subject = ["PreK"], f"Preschool Teacher, {rng.choice(V.ELEMENTARY)}", "early literacy"
            elif kind == "middle":
                subject = rng.choice(V.MIDDLE_SUBJECTS)
                grades, position = ["6", "7", "8"], f"{subject} Teacher, {rng.choice(V.MIDDLE)}"
            elif kind == "high":
                subject = rng.choice(V.HIGH_SUBJECTS)
                grades, position = ["9", "10", "11", "12"], f"{subject} Teacher, {rng.choice(V.HIGH)}"
            elif kind == "specialist":
                school = rng.choice(V.ELEMENTARY + V.MIDDLE + V.HIGH)
                grades = (["K", "1", "2", "3", "4", "5"] if school in V.ELEMENTARY
                          else ["6", "7", "8"] if school in V.MIDDLE else ["9", "10", "11", "12"])
                position, subject = f"{rng.choice(V.SPECIALISTS)}, {school}", "reading"
            else:
                grades, position = [], f"{rng.choice(V.OFFICE)}, {rng.choice(V.ELEMENTARY + V.MIDDLE + V.HIGH)}"
        if n == 3:
            email = REVIEWER_EMAIL
        else:
            stem = f"{_ascii(first)}.{_ascii(last)}"
            email, k = f"{stem}@{DOMAIN}", 2
            while email in emails:
                email, k = f"{stem}{k}@{DOMAIN}", k + 1
        return _Person(pid, at, role, kind, grades, subject or "class"), name, position, email

    def requester_at(self, t: datetime) -> _Person:
        available = bisect.bisect_left(self.created_order, t)
        for _ in range(20):
            p = self.staff[self.rng.randrange(1, available)]
            if p.off_at is None or p.off_at > t + timedelta(days=30):
                return p
        return p

    # --- tools ----------------------------------------------------------------------------------

    def products(self) -> None:
        rng = self.rng
        bases = [(name, vendor, domain, profile, what) for name, vendor, domain, profile, what in V.TOOLS]
        real = [normalise_name(b[0]) for b in bases]
        invented = [p + s for p in V.INVENTED_PREFIXES for s in V.INVENTED_SUFFIXES
                    if normalise_name(p + s) not in real]
        rng.shuffle(invented)
        for name in invented[:170]:
            profile, what = rng.choice(V.INVENTED_KINDS)
            vendor = rng.choice(V.INVENTED_VENDOR_FORMS).format(name)
            bases.append((name, vendor, f"{name.lower()}.example", profile, what))
        names: set[str] = set()
        links: set[str] = set()
        approvable: list[_Product] = []

        def make(base, variant, vendor_known: bool) -> _Product | None:
            name, vendor, domain, profile, what = base
            suffix, slug = variant
            if suffix and suffix.strip().lower() in name.lower():
                return None
            host = domain if domain.count(".") > 1 else f"www.{domain}"
            link = f"https://{host}/{slug}" if slug else f"https://{host}"
            key_name, key_link = normalise_name(name + suffix), normalise_link(link)
            if key_name in names or key_link in links or not key_link:
                return None
            names.add(key_name)
            links.add(key_link)
            description = f"{what}{f' ({suffix.strip()})' if suffix else ''}."
            return _Product(0, name + suffix, link, description, profile, vendor if vendor_known else None, domain)

        for base in bases:  # every tool's plain product is in the catalog
            product = make(base, V.VARIANTS[0], True)
            assert product is not None, base
            approvable.append(product)
        pairs = [(b, v) for b in bases for v in V.VARIANTS[1:]]
        rng.shuffle(pairs)
        for base, variant in pairs:
            if len(approvable) == RESOURCES:
                break
            if (p := make(base, variant, True)) is not None:
                approvable.append(p)
        refused: list[_Product] = []
        pairs = [(b, v) for b in V.REFUSED_TOOLS for v in V.VARIANTS]
        rng.shuffle(pairs)
        for (name, domain), variant in pairs:
            if len(refused) == REFUSED_PRODUCTS:
                break
            base = (name, None, domain, rng.choice(["basic", "search", "media", "content"]),
                    "A free website for students")
            if (p := make(base, variant, False)) is not None:
                refused.append(p)
        assert len(approvable) == RESOURCES and len(refused) == REFUSED_PRODUCTS
        rng.shuffle(approvable)  # popularity rank, most requested first
        for i, p in enumerate(approvable + refused):
            p.index = i
        self.approvable, self.refused = approvable, refused
        self.approvable_weights = list(itertools.accumulate(1 / (r + 1) ** 0.9 for r in range(RESOURCES)))
        self.refused_weights = list(itertools.accumulate(1 / (r + 1) ** 0.7 for r in range(REFUSED_PRODUCTS)))

    def popular(self) -> _Product:
        return self.rng.choices(self.approvable, cum_weights=self.approvable_weights)[0]

    def unpopular(self) -> _Product:
        return self.rng.choices(self.refused, cum_weights=self.refused_weights)[0]

    # --- requests -------------------------------------------------------------------------------

    def requests(self) -> None:
        rng = self.rng
        span = END - START - timedelta(days=1)
        times = []
        while len(times) < REQUESTS:
            t = START + timedelta(hours=2) + span * rng.random() ** 0.8  # more requests in later years
            local = t.astimezone(LOCAL)
            if local.month in (7, 8) and rng.random() < 0.75:
                continue  # summer: few requests
            if local.weekday() >= 5:
                t = max(t - timedelta(days=local.weekday() - 4), START + timedelta(hours=2))  # Friday's
            times.append(t)
        times.sort()
        pending_from = END - timedelta(days=PENDING_DAYS)
        plans = []
        for t in times:
            if t >= pending_from:
                status = rng.choices(["draft", "submitted", "returned", "resubmitted", "approved", "not_approved",
                                      "withdrawn"], [14, 24, 9, 7, 32, 7, 7])[0]
            else:
                status = rng.choices(["draft", "withdrawn", "approved", "not_approved"], [2.5, 7.5, 68, 22])[0]
            if status in ("returned", "resubmitted"):
                cycles = 1 if rng.random() < 0.85 else 2
            elif status in ("draft", "submitted"):
                cycles = 0
            else:
                r = rng.random()
                cycles = 0 if r < 0.94 else 1 if r < 0.99 else 2
            plans.append([t, status, cycles, None])
        approved = [i for i, plan in enumerate(plans) if plan[1] == "approved"]
        rng.shuffle(approved)
        for product, i in zip(self.approvable, approved, strict=False):  # every catalog tool approved once
            plans[i][3] = product
        for plan in plans:
            if plan[3] is None:
                status = plan[1]
                if status == "approved":
                    plan[3] = self.popular()
                elif status == "not_approved":
                    plan[3] = self.unpopular() if rng.random() < 0.6 else self.popular()
                else:
                    plan[3] = self.unpopular() if rng.random() < 0.15 else self.popular()
        self.rows["request"], self.rows["message"] = [], []
        self.approvals: list[tuple[datetime, int, int, str, dict]] = []
        self.messages: list[tuple] = []
        for rid, (t0, status, cycles, product) in enumerate(plans, start=1):
            self._story(rid, t0, status, cycles, product)
        self.messages.sort(key=lambda m: (m[0], m[1]))
        self.rows["message"] = [dict(id=i, request_id=rid, author_id=author, kind=kind, body=body, created_at=at)
                                for i, (at, _seq, rid, author, kind, body) in enumerate(self.messages, start=1)]

    def _form(self, person: _Person, product: _Product, draft: bool) -> dict[str, Any]:
        rng = self.rng
        office = person.kind in ("office", "admin", "reviewer") or product.profile == "family" and rng.random() < 0.5
        if office:
            grades: list[str] = []
        elif len(person.grades) <= 1:
            grades = list(person.grades)
            if person.grades and rng.random() < 0.25:  # with the grade-level team next door
                i = [g.value for g in GRADES].index(person.grades[0])
                grades.append(GRADES[min(i + 1, len(GRADES) - 1)].value)
        else:
            a = rng.randrange(len(person.grades))
            b = rng.randrange(a, len(person.grades))
            grades = person.grades[a:b + 1]
        grades = [g.value for g in GRADES if g.value in grades]
        info = list(V.PROFILES[product.profile])
        if info != ["none"] and len(info) > 1 and rng.random() < 0.3:
            info.remove(rng.choice(info))
        accounts = None if office else ("yes" if {"full_name", "email"} & set(info) else "no")
        if accounts and rng.random() < 0.08:
            accounts = "not_sure"
        form = dict(
            grades=",".join(grades), not_used_by_students=office, resource_name=product.name,
            resource_description=product.description,
            resource_link=product.link if rng.random() < 0.9 else "",
            planned_use=rng.choice(V.PLANNED_USES[:-1] if not office else V.PLANNED_USES[-1:])
            .format(subject=person.subject),
            information_shared=_categories(info), information_details=rng.choice(V.DETAILS),
            who_has_access=rng.choice(V.ACCESS_OFFICE if office else V.ACCESS),
            student_accounts=accounts,
            download_required=None if office else rng.choices(["no", "yes", "not_sure"], [80, 15, 5])[0],
            app_requires_parental_permission=None if office else rng.choices(["no", "yes", "not_sure"],
                                                                               [60, 20, 20])[0],
        )
        if draft:  # a draft is whatever was typed so far
            for key in ("resource_description", "planned_use", "information_details", "who_has_access"):
                if rng.random() < 0.4:
                    form[key] = ""
            if rng.random() < 0.4:
                form["information_shared"] = ""
            for key in ("student_accounts", "download_required", "app_requires_parental_permission"):
                if rng.random() < 0.5:
                    form[key] = None
        return form

    def _story(self, rid: int, t0: datetime, status: str, cycles: int, product: _Product) -> None:
        rng = self.rng
        person = self.requester_at(t0)
        form = self._form(person, product, status == "draft")
        steps: list[str] = []
        if status == "withdrawn" and rng.random() < 0.12:
            steps = ["withdraw"]
        elif status != "draft":
            steps = ["submit"]
            for c in range(cycles):
                steps.append("return")
                last = c == cycles - 1
                if last and (status == "returned" or status == "withdrawn" and rng.random() < 0.5):
                    break
                steps.append("resubmit")
            if status in ("approved", "not_approved", "withdrawn"):
                steps.append({"approved": "approve", "not_approved": "not_approve"}.get(status, "withdraw"))
        edits = rng.randint(0, 3)
        editing = timedelta(seconds=rng.uniform(60, 2 * 86400)) if edits else timedelta(0)
        ranges = {"submit": (0.01, 48), "return": (3, 200), "resubmit": (1, 150), "approve": (2, 400),
                  "not_approve": (2, 400), "withdraw": (1, 200)}
        deltas = [timedelta(hours=rng.uniform(*ranges[s])) for s in steps]
        total = editing + sum(deltas, timedelta(0))
        room = END - t0 - timedelta(minutes=1)
        if total > room:  # near the end of the data set: the same story, faster
            factor = room / total
            editing, deltas = editing * factor, [d * factor for d in deltas]
        self.event(t0 + _ms(2), person.id, "request", rid, "draft started", {})
        t = t0 + editing
        current, submitted_form, submitted_at = "draft", None, None
        reviewer = rng.choice(self.reviewers)
        while reviewer == person.id:
            reviewer = rng.choice(self.reviewers)
        decided = dict(decision=None, permission=None, reason=None, decided_by_id=None, decided_at=None)
        for step, delta in zip(steps, deltas, strict=True):
            t += delta
            if step == "submit":
                self.event(t, person.id, "request", rid, "submit", {"status": ["draft", "submitted"], **_diff(form)})
                current, submitted_form, submitted_at = "submitted", dict(form), t + _ms(2)
            elif step == "return":
                self.event(t, reviewer, "request", rid, "return", {"status": [current, "returned"]})
                self.messages.append((t + _ms(2), next(self.seq), rid, reviewer, "question", rng.choice(V.QUESTIONS)))
                current = "returned"
            elif step == "resubmit":
                if rng.random() < 0.3:
                    key = rng.choice(["who_has_access", "information_details", "planned_use"])
                    form = dict(form, **{key: (form[key] + " " + rng.choice(V.ANSWERS)).strip()})
                self.event(t, person.id, "request", rid, "resubmit",
                           {"status": ["returned", "resubmitted"], **audit.diff(submitted_form, form)})
                self.messages.append((t + _ms(1), next(self.seq), rid, person.id, "answer", rng.choice(V.ANSWERS)))
                current, submitted_form, submitted_at = "resubmitted", dict(form), t + _ms(3)
            elif step == "withdraw":
                self.event(t, person.id, "request", rid, "withdraw", {"status": [current, "withdrawn"]})
                current = "withdrawn"
            else:
                decider = reviewer if rng.random() < 0.95 else rng.choice([a for a in self.admins if a != person.id])
                if step == "approve":
                    sensitive = product.profile in SENSITIVE or form["app_requires_parental_permission"] == "yes"
                    permission = "parental_required" if rng.random() < (0.65 if sensitive else 0.15) else \
                        "none_required"
                    changes = {"decision": [None, "approved"], "permission": [None, permission]}
                    decided.update(decision="approved", permission=permission)
                else:
                    reason = rng.choice(V.REASONS)
                    changes = {"decision": [None, "not_approved"], "reason": [None, reason]}
                    decided.update(decision="not_approved", reason=reason)
                new = "approved" if step == "approve" else "not_approved"
                self.event(t, decider, "request", rid, step, {"status": [current, new], **changes})
                decided.update(decided_by_id=decider, decided_at=t + _ms(2))
                current = new
                if step == "approve":
                    self.approvals.append((t + _ms(3), rid, decider, decided["permission"], form))
        assert current == status, (rid, current, status)
        version = 1 + edits + len(steps) + (1 if status == "approved" else 0)
        updated = t + _ms(1) if steps else t0 + editing
        self.products_of[rid] = product
        self.rows["request"].append(dict(
            id=rid, requester_id=person.id, status=status, created_at=t0, updated_at=updated,
            submitted_at=submitted_at, **form, **decided, catalog_resource_id=None, submitted_form=submitted_form,
            version=version,
        ))

    # --- the catalog, filled by approvals ---------------------------------------------------------

    def link_key(self, link: str) -> str:
        if link not in self.link_keys:
            self.link_keys[link] = normalise_link(link)
        return self.link_keys[link]

    def catalog(self) -> None:
        entries: dict[int, dict[str, Any]] = {}  # product index -> row
        self.first_approved: dict[int, datetime] = {}
        requests = self.rows["request"]
        for at, rid, decider, permission, form in sorted(self.approvals, key=lambda a: (a[0], a[1])):
            product = self.products_of[rid]
            entry = entries.get(product.index)
            if entry is None:
                entry = dict(id=len(entries) + 1, name=form["resource_name"],
                             normalised_name=normalise_name(form["resource_name"]), link="", normalised_link="",
                             grades="", version=0, coverage="none", contract_id=None, coverage_note="")
                entries[product.index] = entry
                self.first_approved[product.index] = at
            entry["link"] = form["resource_link"] or entry["link"] or ""
            entry["normalised_link"] = self.link_key(form["resource_link"]) or entry["normalised_link"] or ""
            entry["description"] = form["resource_description"]
            entry["permission"] = permission
            grades = set(filter(None, entry["grades"].split(","))) | set(filter(None, form["grades"].split(",")))
            entry["grades"] = ",".join(g.value for g in GRADES if g.value in grades)
            entry["not_used_by_students"] = form["not_used_by_students"] and not grades
            entry["approved_at"] = at - _ms(1)  # the request's decided_at
            entry["last_request_id"] = rid
            entry["version"] += 2
            requests[rid - 1]["catalog_resource_id"] = entry["id"]
            self.event(at, decider, "catalog", entry["id"], "approved request linked",
                       {"request": [None, rid], "permission": [None, permission]})
        assert len(entries) == RESOURCES
        self.entries = entries

    # --- contractors and contracts ----------------------------------------------------------------

    def contracts(self) -> None:
        rng = self.rng
        vendors: dict[str, datetime] = {}
        for product in self.approvable:
            first = self.first_approved[product.index]
            if product.vendor not in vendors or first < vendors[product.vendor]:
                vendors[product.vendor] = first
        chains: list[tuple[str, str, list[tuple[date, date | None]]]] = []
        for vendor in sorted(vendors, key=lambda v: (vendors[v], v)):
            start = _day(vendors[vendor]) + timedelta(days=rng.randint(10, 200))
            chains.append((vendor, "operator", self._chain(start)))
        consultants = list(V.CONSULTANTS)
        while sum(len(c[2]) for c in chains) < CONTRACTS and consultants:
            start = FIRST_DAY + timedelta(days=rng.randint(30, 3400))
            chains.append((consultants.pop(0), "consultant", self._chain(start)))
        chains = [c for c in chains if c[2]]
        total = sum(len(c[2]) for c in chains)
        assert total >= CONTRACTS, f"only {total} contracts: lengthen the chains"
        while total > CONTRACTS:  # the registry was started after the oldest ones had ended
            vendor, kind, chain = rng.choice(chains)
            if len(chain) > 1:
                chain.pop(0)
                total -= 1
        # Contractors are added just before their first contract; ids follow that order.
        firsts = sorted(((chain[0][0], name, kind, chain) for name, kind, chain in chains), key=lambda c: c[:2])
        contractors, planned = [], []
        for cid, (first, name, kind, chain) in enumerate(firsts, start=1):
            added = _local(first, rng) + timedelta(days=rng.uniform(0, 3))
            domain = next((p.domain for p in self.approvable if p.vendor == name), "")
            website = f"https://www.{domain}" if domain and domain.count(".") == 1 else \
                f"https://{domain}" if domain else ""
            contact = rng.random() < 0.6
            first_name, last_name = rng.choice(V.FIRST_NAMES), rng.choice(V.LAST_NAMES)
            values = dict(
                name=name, kind=kind, contact_name=f"{first_name} {last_name}" if contact else "",
                contact_email=f"{_ascii(first_name)}.{_ascii(last_name)}@vendor{cid}.example" if contact else "",
                contact_phone=f"(860) 555-{rng.randint(0, 9999):04d}" if contact and rng.random() < 0.7 else "",
                website=website,
            )
            contractors.append(dict(id=cid, normalised_name=normalise_name(name), version=1, **values))
            self.event(added, rng.choice(self.reviewers), "contractor", cid, "contractor added", _diff(values))
            for k, (executed, expires) in enumerate(chain):
                planned.append((executed, cid, name, kind, k, expires, added))
        self.contractor_ids = {c["name"]: c["id"] for c in contractors}
        self.rows["contractor"] = contractors
        planned.sort(key=lambda p: (p[0], p[1]))
        self.rows["contract"], self.rows["contract_provision"], self.rows["contract_document"] = [], [], []
        self.by_vendor: dict[int, list[_Contract]] = {}
        for contract_id, (executed, cid, name, kind, _k, expires, added) in enumerate(planned, start=1):
            c = self._contract(contract_id, cid, name, kind, executed, expires, added)
            self.by_vendor.setdefault(cid, []).append(c)

    def _chain(self, start: date) -> list[tuple[date, date | None]]:
        """Successive contracts with one contractor: each renewed shortly before the last one expires."""
        rng = self.rng
        chain: list[tuple[date, date | None]] = []
        executed = start
        lapses = rng.random() < 0.1
        while executed <= LAST_DAY - timedelta(days=5):
            years = rng.choices([1, 2, 3], [5, 3, 2])[0]
            expires = _add_years(executed, years) - timedelta(days=1)
            renewed = expires - timedelta(days=rng.randint(0, 60))
            last = renewed > LAST_DAY - timedelta(days=5) or (lapses and len(chain) >= 1)
            if last and rng.random() < 0.2:
                expires = None  # open-ended
            chain.append((executed, expires))
            if last:
                break
            executed = max(renewed, executed + timedelta(days=30))
        return chain

    def _contract(self, contract_id: int, cid: int, name: str, kind: str, executed: date, expires: date | None,
                  contractor_added: datetime) -> _Contract:
        rng = self.rng
        reviewer = rng.choice(self.reviewers)
        created = max(_local(executed + timedelta(days=rng.randint(0, 5)), rng), contractor_added + _ms(10))
        created = min(created, END - timedelta(minutes=30))
        title = rng.choice(["Data privacy agreement", "Student data privacy addendum", "Terms of service and "
                            "state addendum", "Master services agreement"] if kind == "operator" else
                           ["Consulting agreement", "Data sharing agreement"]) + f" {executed.year}"
        products = [p for p in self.approvable if p.vendor == name]
        info = sorted({c for p in products for c in V.PROFILES[p.profile]} or {"full_name", "student_identifiers",
                                                                                  "test_results"},
                      key=CATEGORY_ORDER.__getitem__)
        if len(info) > 1 and "none" in info:
            info.remove("none")
        addendum = rng.random() < 0.45
        if addendum:
            ticked = list(PROVISIONS) if rng.random() < 0.3 else []
            clause = "Addendum \u00a7 {}"
        else:
            ticked = list(PROVISIONS)
            if rng.random() < 0.2:
                for p in rng.sample(list(PROVISIONS), rng.randint(1, 3)):
                    ticked.remove(p)
            clause = "\u00a7 {}" if rng.random() < 0.8 else ""
        clauses = {p: (clause.format(f"{i}.{rng.randint(1, 6)}") if clause else "") for i, p in enumerate(ticked, 1)}
        starts = None if rng.random() < 0.3 else executed + timedelta(days=rng.choice([0, 0, 0, 1, 7, 14]))
        if starts and expires and starts > expires:
            starts = executed
        purpose = (f"Use of {', '.join(p.name for p in products[:3]) or name} in district classrooms."
                   if kind == "operator" else "Evaluation and support services for district programs.")
        description = (f"{name} provides {products[0].description.rstrip('.').lower() if products else 'services'}"
                       f" to staff and students under the district's license.")
        form = dict(contractor=cid, title=title, purpose=purpose, description=description,
                    information_allowed=", ".join(InfoCategory(c).label for c in info),
                    information_details="As listed in the contract's data schedule." if rng.random() < 0.5 else "",
                    executed_on=executed.isoformat(), starts_on=starts.isoformat() if starts else None,
                    expires_on=expires.isoformat() if expires else None, amend_notice_sent_on=None,
                    amended_on=None, notice_posted_on=None, deletion_confirmed_on=None,
                    uses_state_addendum=addendum, provisions=self._provisions(clauses))
        self.event(created + _ms(5), reviewer, "contract", contract_id, "contract added", _diff(form))
        row = dict(id=contract_id, contractor_id=cid, title=title, purpose=purpose, description=description,
                   information_allowed=",".join(info), information_details=form["information_details"],
                   executed_on=executed, starts_on=starts, expires_on=expires, uses_state_addendum=addendum,
                   amend_notice_sent_on=None, amended_on=None, notice_posted_on=None, deletion_confirmed_on=None,
                   document_sha256=None, document_name=None, created_at=created, version=1)
        t = created + _ms(10)

        def later(d: date | None = None, hours: tuple[float, float] = (1, 72)) -> datetime:
            at = _local(d, rng) if d else t + timedelta(hours=rng.uniform(*hours))
            return min(max(at, t + timedelta(minutes=1)), END)

        def change(at: datetime, action: str, changes: dict) -> datetime:
            row["version"] += 1
            self.event(at, reviewer, "contract", contract_id, action, changes)
            return at

        if rng.random() < 0.7:
            content = b"%PDF-1.4\n% signed contract\n" + rng.randbytes(rng.randint(4_000, 40_000)) + b"\n%%EOF\n"
            digest = hashlib.sha256(content).hexdigest()
            doc_name = f"{_ascii(name)[:40]}-{title.split()[0].lower()}-{executed.year}.pdf"
            self.rows["contract_document"].append(dict(sha256=digest, content=content, size=len(content)))
            row.update(document_sha256=digest, document_name=doc_name)
            t = change(later(hours=(0.1, 72)), "document attached", {"document": [None, f"{doc_name} ({digest})"]})
        missing = [p for p in PROVISIONS if p not in ticked] if not addendum else []
        if missing and rng.random() < 0.55:
            sent = executed + timedelta(days=rng.randint(3, 40))
            if sent <= LAST_DAY:
                row["amend_notice_sent_on"] = sent
                t = change(later(sent), "contract changed", {"amend_notice_sent_on": [None, sent.isoformat()]})
                amended = sent + timedelta(days=rng.randint(5, 45))
                if rng.random() < 0.5 and amended <= LAST_DAY:
                    old = form["provisions"]
                    for i, p in enumerate(PROVISIONS, 1):
                        clauses.setdefault(p, f"Amendment \u00a7 {i}")
                    ticked = list(PROVISIONS)
                    row["amended_on"] = amended
                    t = change(later(amended), "contract changed",
                               {"amended_on": [None, amended.isoformat()],
                                "provisions": [old, self._provisions(clauses)]})
        old_enough = executed < LAST_DAY - timedelta(days=400)
        if rng.random() < (0.97 if old_enough else 0.82):
            posted = executed + timedelta(days=rng.randint(1, 7) if rng.random() < 0.88 else rng.randint(8, 30))
            if posted <= LAST_DAY:
                row["notice_posted_on"] = posted
                if rng.random() < 0.6:
                    t = change(later(posted), "website notice posted", {"notice_posted_on": [None, posted.isoformat()]})
                else:
                    t = change(later(posted), "contract changed", {"notice_posted_on": [None, posted.isoformat()]})
        if expires and expires < LAST_DAY and rng.random() < 0.6:
            confirmed = expires + timedelta(days=rng.randint(3, 60))
            if confirmed <= LAST_DAY:
                row["deletion_confirmed_on"] = confirmed
                t = change(later(confirmed), "contract changed",
                           {"deletion_confirmed_on": [None, confirmed.isoformat()]})
        row["updated_at"] = t + _ms(1) if row["version"] > 1 else created
        self.rows["contract"].append(row)
        self.rows["contract_provision"].extend(
            dict(contract_id=contract_id, provision=p.value, position=i, clause=clauses[p])
            for i, p in enumerate(PROVISIONS, 1) if p in ticked)
        return _Contract(contract_id, cid, executed, expires, created, row)

    @staticmethod
    def _provisions(clauses: dict) -> str:
        return ", ".join(f"{p.value} ({clauses[p]})" if clauses[p] else p.value for p in PROVISIONS if p in clauses)

    # --- coverage of the catalog ---------------------------------------------------------------

    def coverage(self) -> None:
        rng = self.rng
        for product in self.approvable:
            entry = self.entries[product.index]
            first = self.first_approved[product.index]
            contracts = self.by_vendor.get(self.contractor_ids.get(product.vendor, 0), [])
            r = rng.random()
            reviewer = rng.choice(self.reviewers)
            if product.profile == "none" and r < 0.65 or not contracts and r < 0.08:
                note = rng.choice(V.NOT_REQUIRED_NOTES)
                at = min(first + timedelta(days=rng.uniform(1, 60)), END)
                self._cover(entry, at, reviewer, {"coverage": ["none", "not_required"], "note": ["", note]})
                entry.update(coverage="not_required", coverage_note=note)
            elif product.profile == "sped" and r < 0.1:
                note = f"{rng.choice(['IEP', '504'])}-{_day(first).year}-{rng.randint(1, 120):03d}"
                at = min(first + timedelta(days=rng.uniform(1, 30)), END)
                self._cover(entry, at, reviewer, {"coverage": ["none", "iep_504_exception"], "note": ["", note]})
                entry.update(coverage="iep_504_exception", coverage_note=note)
            elif contracts and r < 0.88:
                current = [c for c in contracts if c.created <= first + timedelta(days=30)]
                c = current[-1] if current else contracts[0]
                at = min(max(first, c.created) + timedelta(days=rng.uniform(0.05, 20)), END)
                self._cover(entry, at, reviewer, {"coverage": ["none", "contract"], "contract": [None, c.id]})
                entry.update(coverage="contract", contract_id=c.id)
                latest = contracts[-1]
                if latest is not c and rng.random() < 0.85:
                    at = min(max(at, latest.created) + timedelta(days=rng.uniform(0.05, 20)), END)
                    self._cover(entry, at, reviewer, {"contract": [c.id, latest.id]})
                    entry["contract_id"] = latest.id
        self.rows["catalog_resource"] = sorted(self.entries.values(), key=lambda e: e["id"])

    def _cover(self, entry: dict, at: datetime, reviewer: int, changes: dict) -> None:
        entry["version"] += 1
        self.event(at, reviewer, "catalog", entry["id"], "coverage changed", changes)

    # --- the other records -------------------------------------------------------------------------

    def calendar(self) -> None:
        rng = self.rng
        closures, notices = [], []
        for year in range(FIRST_DAY.year, LAST_DAY.year):
            days: list[tuple[date, str]] = []
            for label in rng.sample(V.CLOSURES, rng.randint(3, 5)):
                while True:
                    if label.startswith("Professional"):
                        day = date(year, rng.choice([10, 11]), rng.randint(1, 28))
                    else:
                        month = rng.choice([12, 1, 2, 3])
                        day = date(year + (month < 7), month, rng.randint(1, 28))
                    if day.weekday() < 5 and day not in [d for d, _ in days]:
                        break
                days.append((day, label))
            for day, label in days:
                at = _local(day, rng, 5.5, 6.5) if not label.startswith("Professional") else \
                    _local(day - timedelta(days=rng.randint(10, 40)), rng)
                self.event(at, rng.choice(self.admins), "closure", day.toordinal(), "closure added",
                           {day.isoformat(): [None, label]})
                closures.append(dict(day=day, label=label))
            drafted = date(year, 8, rng.randint(5, 20))
            sent = date(year, 8, rng.randint(21, 31)) if rng.random() < 0.9 else date(year, 9, rng.randint(2, 9))
            reviewer = rng.choice(self.reviewers)
            self.event(_local(drafted, rng), reviewer, "annual_notice", year, "yearly notice recorded",
                       {"drafted_on": [None, drafted.isoformat()]})
            self.event(_local(sent, rng), reviewer, "annual_notice", year, "yearly notice recorded",
                       {"sent_on": [None, sent.isoformat()]})
            notices.append(dict(school_year=year, drafted_on=drafted, sent_on=sent))
        self.rows["district_closure"] = sorted(closures, key=lambda c: c["day"])
        self.rows["annual_notice"] = notices

    def tallies(self) -> None:
        rng = self.rng
        recent = END - timedelta(days=730)
        tallies = []
        for r in self.rows["request"]:
            if r["permission"] != "parental_required" or r["decided_at"] < recent or rng.random() > 0.45:
                continue
            labels = []
            for _ in range(rng.randint(1, 3)):
                grade = r["grades"].split(",")[0] if r["grades"] else "K"
                label = rng.choice([f"Grade {grade} \u2013 Room {rng.randint(1, 40)}", f"Period {rng.randint(1, 8)}",
                                    f"504-{_day(r['decided_at']).year}-{rng.randint(1, 150):03d}"])
                if label.casefold() in labels:
                    continue
                labels.append(label.casefold())
                expected = rng.randint(12, 28) if not label.startswith("504") else 1
                granted = rng.randint(0, expected)
                refused = rng.randint(0, expected - granted)
                at = min(r["decided_at"] + timedelta(days=rng.uniform(2, 30)), END)
                values = dict(label=label, expected=expected, granted=granted, refused=refused)
                self.event(at, r["requester_id"], "request", r["id"], "permission slips added", _diff(values))
                tallies.append(dict(request_id=r["id"], updated_at=at + _ms(1), version=1, **values))
        tallies.sort(key=lambda t: (t["updated_at"], t["request_id"]))
        self.rows["permission_tally"] = [dict(id=i, **t) for i, t in enumerate(tallies, start=1)]

    def pad_events(self, already: int) -> None:
        """Staff changing their passwords, until the trail holds EVENTS events."""
        rng = self.rng
        missing = EVENTS - already - len(self.events)
        assert missing >= 0, f"{-missing} events too many: make the stories shorter"
        people = self.rows["person"]
        for _ in range(missing):
            p = rng.choice(self.staff[1:])
            until = p.off_at or END
            at = p.created + (until - p.created) * rng.uniform(0.05, 0.999)
            self.event(at, p.id, "person", p.id, "password changed", {})
            people[p.id - 2]["version"] += 1


def build(path: Path, seed: int = DEFAULT_SEED, *, log=print) -> Summary:
    """Create the district data set in a new SQLite file at `path`."""
    began = time.perf_counter()
    path = Path(path)
    _remove(path)
    b = _Builder(seed)
    db = open_database(f"sqlite:///{path}")
    try:
        with _fixed_setup(START, b.rng.randbytes(16)), db.transaction() as s:
            admin = people.complete_setup(
                s, district_name=DISTRICT, town=DISTRICT, approver_title="Technology Coordinator/Principal",
                name="Dana Whitfield", position="Director of Technology", email=ADMIN_EMAIL, password=PASSWORD,
            )
        with _fixed_setup(START + timedelta(minutes=1), b.rng.randbytes(16)), db.transaction() as s:
            settings.update_settings(s, admin.id, {"contracts_website": f"https://www.{DOMAIN}/student-data-privacy"})
        with db.transaction() as s:
            head = s.get(AuditHead, 1)
            head_events, head_hash = head.events, head.last_hash
            assert s.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1)) == head_events
        log("  generating ...")
        b.people(admin.id)
        b.products()
        b.requests()
        b.catalog()
        b.contracts()
        b.coverage()
        b.calendar()
        b.tallies()
        b.pad_events(head_events)
        log(f"  generated in {time.perf_counter() - began:.1f} s; hashing {len(b.events):,} audit events ...")
        b.events.sort(key=lambda e: (e[0], e[1]))
        assert b.events[0][0] > START + timedelta(minutes=1)
        events, previous = [], head_hash
        for number, (at, _seq, actor, entity, entity_id, action, changes) in enumerate(b.events, head_events + 1):
            digest = event_hash(previous, at, actor, entity, entity_id, action, changes)
            events.append(dict(id=number, at=at, actor_id=actor, entity=entity, entity_id=entity_id, action=action,
                               changes=changes, prev_hash=previous, hash=digest))
            previous = digest
        log("  inserting ...")
        links = [dict(b_id=e["id"], b_last=e["last_request_id"]) for e in b.rows["catalog_resource"]]
        for e in b.rows["catalog_resource"]:
            e["last_request_id"] = None  # the request rows come next; the links after them
        with db.engine.begin() as conn:
            for model in (Person, Contractor, ContractDocument, Contract, ContractProvision, CatalogResource, Request,
                          Message, PermissionTally, DistrictClosure, AnnualNotice):
                rows = b.rows[model.__tablename__]
                if model is Request:  # SQL NULL, as the services leave it, not JSON null: leave the column out
                    rows = [r for r in rows if r["submitted_form"] is not None]
                    unsubmitted = [{k: v for k, v in r.items() if k != "submitted_form"}
                                   for r in b.rows["request"] if r["submitted_form"] is None]
                    conn.execute(insert(model.__table__), unsubmitted)
                for chunk in range(0, len(rows), 10_000):
                    conn.execute(insert(model.__table__), rows[chunk:chunk + 10_000])
            table = CatalogResource.__table__
            conn.execute(update(table).where(table.c.id == bindparam("b_id"))
                         .values(last_request_id=bindparam("b_last")), links)
        with db.engine.begin() as conn:
            for chunk in range(0, len(events), 20_000):
                conn.execute(insert(AuditEvent.__table__), events[chunk:chunk + 20_000])
            conn.execute(update(AuditHead.__table__).where(AuditHead.__table__.c.id == 1)
                         .values(events=head_events + len(events), last_hash=previous))
        log("  checking ...")
        with db.transaction() as s:
            report = verify_chain(s)
        if report.problem is not None or report.events != EVENTS:
            raise AssertionError(f"the audit chain does not verify: {report}")
        raw = db.engine.raw_connection()
        try:
            cursor = raw.cursor()
            problems = cursor.execute("PRAGMA foreign_key_check").fetchall()
            assert not problems, f"foreign keys broken: {problems[:5]}"
            assert cursor.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()
    finally:
        db.dispose()
    counts = table_counts(path)
    requests = b.rows["request"]
    by_status = Counter(r["status"] for r in requests)
    coverage = Counter(e["coverage"] for e in b.rows["catalog_resource"])
    teacher = next(p for p in b.staff if p.kind == "elementary" and p.off_at is None)
    return Summary(
        seed=seed, schema=schema.HEAD, dataset_version=DATASET_VERSION, path=str(path),
        build_seconds=round(time.perf_counter() - began, 1), counts=counts,
        requests_by_status={s: by_status[s] for s in ("draft", "submitted", "returned", "resubmitted", "approved",
                                                      "not_approved", "withdrawn")},
        coverage={c: coverage[c] for c in ("contract", "not_required", "iep_504_exception", "none")},
        password=PASSWORD, admin_email=ADMIN_EMAIL, admin_id=admin.id, reviewer_email=REVIEWER_EMAIL,
        reviewer_id=admin.id + 3, teacher_email=b.rows["person"][teacher.id - 2]["email"], teacher_id=teacher.id,
        audit_last_hash=previous, content_digest=content_digest(path),
    )


def table_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def content_digest(path: Path) -> str:
    """SHA-256 over every row of every table in a fixed order: equal for two builds with the same seed."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    digest = hashlib.sha256()
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        for t in (t for t in tables if not is_search_object(t)):  # the search index: derived from the rest
            digest.update(t.encode())
            for row in conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid'):
                digest.update(repr(row).encode())
    finally:
        conn.close()
    return digest.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dataset", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--output", metavar="FILE", help="build into FILE (default: the cache in benchmarks/.data/)")
    parser.add_argument("--rebuild", action="store_true", help="build the cached file again")
    args = parser.parse_args(argv)
    if args.output:
        summary = build(Path(args.output), args.seed)
        built = True
    else:
        summary, built = cached_build(args.seed, rebuild=args.rebuild)
    print(f"{'Built' if built else 'Cached'}: {summary.path} (built in {summary.build_seconds:.1f} s)")
    for line in summary.lines():
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
