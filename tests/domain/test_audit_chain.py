"""The hash chain on its own: every kind of tampering is found, at the first event it touches."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from techapproval.domain.audit_chain import GENESIS, ChainEvent, canonical_changes, event_hash, first_break

START = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)


def chain(n: int) -> list[ChainEvent]:
    events, previous = [], GENESIS
    for i in range(1, n + 1):
        at = START + timedelta(seconds=i)
        changes = {"status": ["submitted", "approved"], "note": f"event {i} · ünïcode"}
        digest = event_hash(previous, at, 2, "request", i, "decided", changes)
        events.append(ChainEvent(i, at, 2, "request", i, "decided", changes, previous, digest))
        previous = digest
    return events


def test_an_intact_chain_passes():
    events = chain(5)
    assert first_break(events, 5, events[-1].hash) is None
    assert first_break([], 0, GENESIS) is None


def test_changed_content_names_that_event():
    events = chain(5)
    events[2] = replace(events[2], changes={"status": ["submitted", "not_approved"]})
    problem = first_break(events, 5, events[-1].hash)
    assert problem.event_id == 3 and "changed after it was written" in problem.message


def test_a_recomputed_hash_breaks_the_next_link():
    events = chain(5)
    forged = replace(events[2], action="withdrawn")
    events[2] = replace(forged, hash=event_hash(forged.prev_hash, forged.at, 2, "request", 3, "withdrawn",
                                                forged.changes))
    problem = first_break(events, 5, events[-1].hash)
    assert problem.event_id == 4 and "does not follow" in problem.message


def test_a_removed_event_names_the_one_after_it():
    events = chain(5)
    del events[1]
    assert first_break(events, 5, events[-1].hash).event_id == 3


def test_removed_last_events_are_found_at_the_end():
    events = chain(5)
    head = events[-1].hash
    problem = first_break(events[:3], 5, head)
    assert problem.event_id is None and "ends after 3 event(s) but 5" in problem.message


def test_the_time_counts_at_the_microsecond():
    events = chain(2)
    events[0] = replace(events[0], at=events[0].at + timedelta(microseconds=1))
    assert first_break(events, 2, events[-1].hash).event_id == 1


@given(st.dictionaries(st.text(max_size=5), st.one_of(st.text(), st.integers(), st.none(),
                                                      st.lists(st.text(max_size=3), max_size=3))))
def test_the_hash_survives_the_round_trip_through_json(changes):
    stored = canonical_changes(changes)
    assert event_hash(GENESIS, START, None, "request", 1, "x", stored) == \
        event_hash(GENESIS, START, None, "request", 1, "x", canonical_changes(stored))
