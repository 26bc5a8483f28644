"""The audit trail on a real database: chained at commit, verified, and tampering is named."""

import sqlalchemy
from sqlalchemy import func, select, text

from techapproval.__main__ import main
from techapproval.db import schema
from techapproval.db.database import open_database
from techapproval.db.models import AuditEvent, AuditHead
from techapproval.services import audit, requests
from tests.helpers import approved_resource, submitted_request


def tamper(db_url: str, statement: str) -> None:
    """What someone with the database owner's rights could do: lift the append-only trigger and write."""
    engine = sqlalchemy.create_engine(db_url)
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "sqlite":
                conn.execute(text("DROP TRIGGER audit_event_no_update"))
                conn.execute(text("DROP TRIGGER audit_event_no_delete"))
            else:
                conn.execute(text("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only"))
            conn.execute(text(statement))
    finally:
        engine.dispose()


def test_every_change_joins_the_chain_in_order(district):
    approved_resource(district)
    submitted_request(district, resource_name="Padlet")
    with district.db.transaction() as s:
        report = audit.verify_chain(s)
        count = s.scalar(select(func.count()).select_from(AuditEvent))
        hashes = s.scalars(select(AuditEvent.hash).order_by(AuditEvent.id)).all()
        prevs = s.scalars(select(AuditEvent.prev_hash).order_by(AuditEvent.id)).all()
        assert report.problem is None and report.events == count > 5
        assert prevs[1:] == hashes[:-1] and report.head_hash == hashes[-1]
        assert audit.change_count(s) == count


def test_a_rolled_back_transaction_leaves_no_event_and_no_link(district):
    with district.db.transaction() as s:
        before = audit.change_count(s)
    try:
        with district.db.transaction() as s:
            audit.record(s, district.admin, "person", district.admin, "noted", {"note": "x"})
            raise RuntimeError("the use case failed after recording")
    except RuntimeError:
        pass
    with district.db.transaction() as s:
        assert audit.change_count(s) == before and audit.verify_chain(s).problem is None


def test_history_includes_what_this_transaction_recorded(district):
    rid = submitted_request(district)
    with district.db.transaction() as s:
        audit.record(s, district.reviewer, "request", rid, "noted", {"note": "pending"})
        entries = audit.history(s, "request", rid)
        assert entries[-1].action == "noted" and entries[-1].actor == "Rita Reviewer"


def test_a_changed_event_is_named_by_verify_audit(district, db_url, capsys):
    rid = submitted_request(district)
    with district.db.transaction() as s:
        requests.withdraw_request(s, district.teacher, rid)
    with district.db.transaction() as s:
        target = s.scalar(select(AuditEvent.id).where(AuditEvent.action == "withdraw"))
    assert main(["--database", db_url, "verify-audit"]) == 0
    assert "intact" in capsys.readouterr().out

    tamper(db_url, f"UPDATE audit_event SET action = 'approved' WHERE id = {target}")

    assert main(["--database", db_url, "verify-audit"]) == 1
    err = capsys.readouterr().err
    assert f"number {target}" in err and '"approved"' in err and "changed after it was written" in err


def test_removed_events_are_found(district, db_url, capsys):
    submitted_request(district)
    with district.db.transaction() as s:
        last = s.scalar(select(func.max(AuditEvent.id)))
    tamper(db_url, f"DELETE FROM audit_event WHERE id = {last}")
    assert main(["--database", db_url, "verify-audit"]) == 1
    assert "events at the end were removed" in capsys.readouterr().err


def test_the_upgrade_chains_the_events_already_there(db_url):
    engine = sqlalchemy.create_engine(db_url)
    try:
        schema.upgrade(engine, "0003")
        with engine.begin() as conn:
            for n in range(3):
                conn.execute(text("INSERT INTO audit_event (at, entity, entity_id, action, changes)"
                                  " VALUES (:at, 'request', :n, 'submitted', :changes)"),
                             {"at": f"2026-10-0{n + 1} 12:00:00.00012{n}", "n": n, "changes": '{"a": [1, "é"]}'})
    finally:
        engine.dispose()
    db = open_database(db_url)
    try:
        with db.transaction() as s:
            report = audit.verify_chain(s)
            assert report.problem is None and report.events == 3
            assert s.get(AuditHead, 1).events == 3
    finally:
        db.dispose()
