"""The request form's "already decided" lookup (catalog.find_matches) in a real database: close spellings
through the search index, and each approval's grades against the grades the teacher asks for."""

from __future__ import annotations

from sqlalchemy import text

from techapproval.domain.enums import Decision, Grade
from techapproval.domain.matching import Fit
from techapproval.services import catalog
from techapproval.services import requests as svc
from tests.helpers import approved_resource, submitted_request

G = Grade
HIGH_SCHOOL = [G.G9, G.G10, G.G11, G.G12]


def matches(district, name: str, link: str = "", grades=None, staff_only: bool = False):
    with district.db.transaction() as s:
        return catalog.find_matches(s, district.other_teacher, name, link, grades, staff_only)


def test_an_approval_for_grades_4_5_does_not_cover_a_grade_9_12_request(district):
    approved_resource(district, resource_name="TikTok", resource_link="https://www.tiktok.com",
                      grades=[G.G4, G.G5])
    [m] = matches(district, "TikTok", "", HIGH_SCHOOL)
    assert m.approved and m.grades == (G.G4, G.G5)
    assert m.fit.fit is Fit.NOT_COVERED and m.fit.missing == tuple(HIGH_SCHOOL)
    [m] = matches(district, "TikTok", "", [G.G5, G.G6])
    assert (m.fit.fit, m.fit.missing) == (Fit.NOT_COVERED, (G.G6,))
    [m] = matches(district, "TikTok", "", [G.G4])
    assert m.fit.fit is Fit.COVERED
    [m] = matches(district, "", "tiktok.com")  # by link, no grades chosen yet
    assert m.fit.fit is Fit.NOT_ASKED


def test_a_staff_only_approval_does_not_cover_students(district):
    approved_resource(district, resource_name="Canva", resource_link="https://www.canva.com", grades=[],
                      not_used_by_students=True, student_accounts=None, download_required=None,
                      app_requires_parental_permission=None)
    [m] = matches(district, "Canva", "", [G.G7])
    assert m.not_used_by_students and (m.fit.fit, m.fit.missing) == (Fit.NOT_COVERED, (G.G7,))
    [m] = matches(district, "Canva", "", [], staff_only=True)
    assert m.fit.fit is Fit.COVERED


def test_close_spellings_find_the_approval_through_the_search_index(district):
    if district.db.engine.dialect.name == "sqlite":  # FTS5's index; PostgreSQL's pg_trgm serves LIKE
        with district.db.transaction() as s:
            assert s.execute(text("SELECT count(*) FROM catalog_search")).scalar() == 0  # the index is in use
    approved_resource(district, resource_name="TikTok", resource_link="https://www.tiktok.com")
    approved_resource(district, resource_name="Kahoot!", resource_link="https://kahoot.com")
    approved_resource(district, resource_name="Google Classroom", resource_link="https://classroom.google.com")
    for typed, found in [("tik tok", "TikTok"), ("TIK-TOK", "TikTok"), ("Kahot", "Kahoot!"),
                         ("kahoot", "Kahoot!"), ("Google Clasroom", "Google Classroom"),
                         ("classroom", "Google Classroom")]:
        assert [m.name for m in matches(district, typed)] == [found], typed
    assert matches(district, "Google Docs") == []
    assert matches(district, "Zoom") == []


def test_a_refusal_is_found_by_a_close_spelling_too(district):
    rid = submitted_request(district, resource_name="Spy App", resource_link="https://spyapp.example")
    with district.db.transaction() as s:
        svc.decide_request(s, district.reviewer, rid, Decision.NOT_APPROVED, reason="Sells student data.")
    [m] = matches(district, "spyap")
    assert (m.approved, m.name, m.reason, m.fit) == (False, "Spy App", "Sells student data.", None)


def test_close_spellings_are_found_without_the_search_index_too(district, monkeypatch):
    from techapproval.db import search

    approved_resource(district, resource_name="Tik Tok", resource_link="https://www.tiktok.com")
    monkeypatch.setattr(search, "in_use", lambda conn: False)  # PostgreSQL, or an SQLite without FTS5
    assert [m.name for m in matches(district, "TikTok")] == ["Tik Tok"]
    assert [m.name for m in matches(district, "tiktk")] == ["Tik Tok"]
