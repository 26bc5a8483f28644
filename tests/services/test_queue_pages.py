"""The review queue read a page at a time: sorted by every column in the database the way the column
reads, searched through the search index, and the same rows whichever way it is paged."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from techapproval.db import search as search_index
from techapproval.domain.enums import Answer, Decision, Grade, Permission, RequestStatus
from techapproval.services import requests as svc
from techapproval.services.requests import QueueSort
from tests.helpers import complete_form

NAMES = ["Padlet", "quizlet", "Kahoot!", "Flip", "  Book Creator", "Seesaw", "Desmos", "Nearpod", "Blooket"]
GRADES = [[Grade.G3], [Grade.K, Grade.G1], [Grade.G10], [Grade.PREK], [], [Grade.G1], [Grade.G12], [Grade.G2], []]


def _permission_text(r: svc.RequestRow) -> str:
    """What the Permission column shows (gui.models.tables), lower-cased."""
    if r.permission:
        return r.permission.short_label.casefold()
    if r.app_requires_permission and not r.status.is_decided:
        return f"App needs permission? {r.app_requires_permission.label}".casefold()
    return ""


NOW = datetime.now(UTC)
# Each column's sort key, as a person reading the column expects it.
KEYS = {
    QueueSort.STATUS: lambda r: list(RequestStatus).index(r.status),
    QueueSort.REQUESTER: lambda r: r.requester_name.lower(),
    QueueSort.RESOURCE: lambda r: r.resource_name.lower(),
    QueueSort.GRADES: lambda r: min((g.order for g in r.grades), default=99),
    QueueSort.SUBMITTED: lambda r: r.submitted_at,
    QueueSort.DAYS_WAITING: lambda r: -1 if r.days_waiting(NOW) is None else r.days_waiting(NOW),
    QueueSort.PERMISSION: _permission_text,
}


@pytest.fixture
def queue(district):
    """Nine requests in every state the queue shows, from two requesters, with different grades and answers."""
    answers = itertools.cycle([Answer.YES, Answer.NO, Answer.NOT_SURE])
    ids = []
    for i, (name, grades) in enumerate(zip(NAMES, GRADES, strict=True)):
        teacher = district.teacher if i % 2 else district.other_teacher
        site = "".join(c for c in name.lower() if c.isalnum())
        form = complete_form(resource_name=name, resource_link=f"https://{site}.example/app",
                             grades=grades, not_used_by_students=not grades,
                             app_requires_parental_permission=next(answers))
        with district.db.transaction() as s:
            rid = svc.save_draft(s, teacher, None, form)
            svc.submit_request(s, teacher, rid)
        ids.append(rid)
    with district.db.transaction() as s:
        svc.decide_request(s, district.reviewer, ids[0], Decision.APPROVED, Permission.PARENTAL_REQUIRED)
        svc.decide_request(s, district.reviewer, ids[1], Decision.APPROVED, Permission.NONE_REQUIRED)
        svc.decide_request(s, district.reviewer, ids[2], Decision.NOT_APPROVED, reason="Sells data.")
        svc.return_request(s, district.reviewer, ids[3], "Which grades?")
        svc.withdraw_request(s, district.other_teacher, ids[4])
    return ids


@pytest.mark.parametrize("sort", list(QueueSort))
@pytest.mark.parametrize("descending", [False, True])
def test_every_column_sorts_in_the_database_as_it_reads(district, queue, sort, descending):
    with district.db.transaction() as s:
        whole = svc.list_queue(s, district.reviewer, sort=sort, descending=descending)
        paged = [row for offset in range(0, len(whole) + 2, 2)
                 for row in svc.list_queue(s, district.reviewer, sort=sort, descending=descending, offset=offset,
                                           limit=2)]
    assert sorted(r.id for r in whole) == sorted(queue)
    assert [r.id for r in paged] == [r.id for r in whole]  # a stable order: pages neither repeat nor skip
    keys = [KEYS[sort](r) for r in whole]
    assert keys == sorted(keys, reverse=descending)


def test_the_default_order_is_oldest_submission_first(district, queue):
    with district.db.transaction() as s:
        rows = svc.list_queue(s, district.reviewer)
    assert [r.submitted_at for r in rows] == sorted(r.submitted_at for r in rows)


SEARCHES = ["pad", "PADLET", "uizl", "t!", "ok cr", ".example/app", "kahoot.example", "tom", "TEACHER", "thị",
            "ánh", "zzz", "a", "qu", "%", "_", '"', "e\"x", "flip.example/app"]


@pytest.mark.parametrize("words", SEARCHES)
def test_search_finds_any_part_of_the_name_link_or_requester(district, queue, words):
    """The same rows as reading every request and looking for the text, case aside, through the index
    for three characters and more."""
    with district.db.transaction() as s:
        everything = {r.id: r for r in svc.list_queue(s, district.reviewer)}
        links = dict(s.execute(text("SELECT id, resource_link FROM request")).all())
        found = [r.id for r in svc.list_queue(s, district.reviewer, search=words)]
    wanted = [rid for rid, r in everything.items()
              if any(words.casefold() in field.casefold()
                     for field in (r.resource_name, links[rid], r.requester_name))]
    assert sorted(found) == sorted(wanted)


def test_the_search_index_follows_edits_and_renames(district, queue):
    with district.db.transaction() as s:
        rid = svc.save_draft(s, district.teacher, None, complete_form(resource_name="Gimkit"))
        svc.save_draft(s, district.teacher, rid, complete_form(resource_name="Wordwall"))
        svc.submit_request(s, district.teacher, rid)
        # No screen renames anyone yet; an import or a fix by IT may, and the index must follow.
        s.execute(text("UPDATE person SET name = 'Tamsin Okonkwo' WHERE id = :id"), {"id": district.other_teacher})
    with district.db.transaction() as s:
        assert [r.id for r in svc.list_queue(s, district.reviewer, search="wordwall")] == [rid]
        assert svc.list_queue(s, district.reviewer, search="gimkit") == []
        renamed = {r.id for r in svc.list_queue(s, district.reviewer, search="okonkwo")}
        assert svc.list_queue(s, district.reviewer, search="tom teacher") == []
    assert renamed == set(queue[0::2])


def test_the_queue_uses_its_indexes(district, queue):
    """The plans (SQLite): the first page of all requests walks the submission index instead of sorting
    every request, and a search asks the full-text index."""
    with district.db.transaction() as s:
        conn = s.connection()
        if conn.dialect.name != "sqlite":
            pytest.skip("SQLite's query plans")
        assert search_index.available(conn)
        statements = []
        conn.engine.dispose()  # a fresh connection: the listener sees every statement

        from sqlalchemy import event

        def keep(_conn, _cursor, statement, parameters, _context, _many):
            statements.append((statement, parameters))

        event.listen(conn.engine, "before_cursor_execute", keep)
        try:
            svc.list_queue(s, district.reviewer, limit=100)
            svc.list_queue(s, district.reviewer, search="padlet", limit=100)
        finally:
            event.remove(conn.engine, "before_cursor_execute", keep)
        first_page, searching = (next(st for st in statements if "LIMIT" in st[0] and (("MATCH" in st[0]) == m))
                                 for m in (False, True))
        plans = [" / ".join(row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params))
                 for sql, params in (first_page, searching)]
    assert "ix_request_submitted" in plans[0] and "TEMP B-TREE" not in plans[0], plans[0]
    assert "VIRTUAL TABLE" in plans[1], plans[1]


# --- approved resources -------------------------------------------------------------------------------

CATALOG_SEARCHES = ["pad", "PADLET", "let", "book cr", "seesaw.example", "example/app", "kahoot!", "hoot!",
                    "desmos.ex", "zzz", "qu", "e", "%", "_", '"a"', "near pod"]


@pytest.mark.parametrize("words", CATALOG_SEARCHES)
def test_approved_resources_are_found_by_any_part_of_name_or_link(district, words):
    from techapproval.domain.validation import clean_text, normalise_name
    from techapproval.services import catalog
    from tests.helpers import approved_resource

    for name in NAMES:
        site = "".join(c for c in name.lower() if c.isalnum())
        approved_resource(district, resource_name=name, resource_link=f"https://{site}.example/app")
    with district.db.transaction() as s:
        keys = dict(s.execute(text("SELECT id, normalised_name FROM catalog_resource")).all())
        links = dict(s.execute(text("SELECT id, normalised_link FROM catalog_resource")).all())
        found = sorted(e.id for e in catalog.list_catalog(s, district.teacher, search=words))
    name = normalise_name(words)  # punctuation alone is no search: everything is listed
    wanted = sorted(rid for rid in keys if not name or name in keys[rid] or clean_text(words).lower() in links[rid])
    assert found == wanted
