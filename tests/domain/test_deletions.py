from datetime import date

import pytest

from techapproval.domain.deadlines import ObligationKind
from techapproval.domain.deletions import (
    CLOSING_OUTCOMES,
    DeletionRef,
    Outcome,
    Requester,
    case_reference_problem,
    deletion_due,
    deletion_obligation,
    deletion_state,
    validate_closing,
    validate_deletion_request,
)

D = date.fromisoformat
ASKED, DUE = D("2026-11-02"), D("2026-12-02")


def test_outcome_labels_carry_the_statutes_words():
    assert Outcome.DELETED.label == "Deleted (confirmed by the contractor)"
    assert Outcome.LEGAL_RETENTION.label == "Kept: state or federal law requires retention"
    assert Outcome.DISASTER_RECOVERY.label == "Kept: inaccessible disaster-recovery copy"
    assert CLOSING_OUTCOMES == (Outcome.DELETED, Outcome.LEGAL_RETENTION, Outcome.DISASTER_RECOVERY)
    assert [o for o in Outcome if o.needs_note] == [Outcome.LEGAL_RETENTION, Outcome.DISASTER_RECOVERY]


def test_requester_labels_and_who_needs_a_case_reference():
    assert [r.label for r in Requester] == ["Student", "Parent or guardian", "Board of Education"]
    assert [r for r in Requester if not r.needs_case_reference] == [Requester.BOARD]


def test_deletion_due_adds_the_districts_days():
    assert deletion_due(ASKED, 30) == DUE
    assert deletion_due(D("2026-12-20"), 14) == D("2027-01-03")
    with pytest.raises(ValueError):
        deletion_due(ASKED, 0)


@pytest.mark.parametrize(
    ("on", "words", "overdue"),
    [
        ("2026-11-10", "\u25f7 Open: deletion due by Wed 2 Dec 2026 (requested Mon 2 Nov 2026).", False),
        ("2026-12-02", "\u25f7 Open: deletion due by Wed 2 Dec 2026 (requested Mon 2 Nov 2026).", False),
        ("2026-12-03", "\u26a0 Overdue: deletion was due Wed 2 Dec 2026 (requested Mon 2 Nov 2026).", True),
    ],
)
def test_open_request_state(on, words, overdue):
    assert deletion_state(ASKED, DUE, "open", None, D(on)) == (words, overdue)


def test_closed_request_states_say_how_and_whether_late():
    on = D("2027-01-15")
    assert deletion_state(ASKED, DUE, Outcome.DELETED, D("2026-11-20"), on) == (
        "\u2714 Deleted on Fri 20 Nov 2026 (confirmed by the contractor).", False)
    assert deletion_state(ASKED, DUE, Outcome.DELETED, D("2026-12-10"), on) == (
        "\u2714 Deleted on Thu 10 Dec 2026 (confirmed by the contractor; late, it was due Wed 2 Dec 2026).", False)
    words, overdue = deletion_state(ASKED, DUE, Outcome.LEGAL_RETENTION, D("2026-11-20"), on)
    assert words == "\u2716 Kept: state or federal law requires retention (recorded on Fri 20 Nov 2026)."
    assert not overdue
    words, _ = deletion_state(ASKED, DUE, "disaster_recovery", D("2026-11-20"), on)
    assert words.startswith("\u2716 Kept: inaccessible disaster-recovery copy")


def test_obligation_open_then_overdue_then_gone():
    o = deletion_obligation("Kahoot! ASA", "parent", "DEL-2026-014", ASKED, DUE, "open", D("2026-11-10"),
                            DeletionRef(7))
    assert o.kind is ObligationKind.DELETION_DUE
    assert (o.subject, o.due, o.overdue, o.ref) == ("Kahoot! ASA", DUE, False, DeletionRef(7))
    assert "a parent or guardian (case DEL-2026-014)" in o.text
    assert "due Wed 2 Dec 2026" in o.text
    late = deletion_obligation("Kahoot! ASA", Requester.BOARD, "", ASKED, DUE, Outcome.OPEN, D("2026-12-03"))
    assert late.overdue and "it was due Wed 2 Dec 2026" in late.text
    assert "the Board asked" in late.text and "case" not in late.text
    assert deletion_obligation("Kahoot! ASA", "parent", "DEL-1", ASKED, DUE, "deleted", D("2026-12-03")) is None


@pytest.mark.parametrize(
    ("text", "required", "ok"),
    [
        ("DEL-2026-014", True, True),
        ("  504-17  ", True, True),
        ("", False, True),
        ("", True, False),
        ("   ", True, False),
        ("Maria Lopez", True, False),  # a name: no number in it
        ("Maria Lopez", False, False),  # optional, but if given it must still be a reference
        ("maria.lopez2@school.example", True, False),
        ("X" * 99 + "1", True, True),
        ("X" * 100 + "1", True, False),
    ],
)
def test_case_reference_problem(text, required, ok):
    assert (case_reference_problem(text, required) is None) is ok


def test_validate_deletion_request():
    today = D("2026-11-25")
    assert validate_deletion_request("parent", "DEL-2026-014", ASKED, "All of the child's work.", today) == {}
    assert validate_deletion_request("board", "", ASKED, "Class 4B's accounts.", today) == {}
    errors = validate_deletion_request("parent", "", D("2026-11-26"), " ", today)
    assert set(errors) == {"case_reference", "requested_on", "what"}
    assert "never the student's name" in errors["case_reference"]
    assert set(validate_deletion_request("teacher", "DEL-1", ASKED, "x", today)) == {"requested_by"}
    assert set(validate_deletion_request("student", "DEL-1", None, "x" * 5_001, today)) == {"requested_on", "what"}


def test_validate_closing():
    today = D("2026-12-10")
    assert validate_closing("deleted", D("2026-11-20"), "", ASKED, today) == {}
    assert validate_closing("legal_retention", D("2026-11-20"), "FERPA audit hold", ASKED, today) == {}
    assert set(validate_closing("legal_retention", D("2026-11-20"), "  ", ASKED, today)) == {"note"}
    assert set(validate_closing("disaster_recovery", D("2026-11-20"), "", ASKED, today)) == {"note"}
    assert set(validate_closing("open", D("2026-11-20"), "", ASKED, today)) == {"outcome"}
    assert set(validate_closing("deleted", None, "", ASKED, today)) == {"closed_on"}
    assert set(validate_closing("deleted", D("2026-12-11"), "", ASKED, today)) == {"closed_on"}
    assert set(validate_closing("deleted", D("2026-11-01"), "", ASKED, today)) == {"closed_on"}
    assert set(validate_closing("deleted", D("2026-11-20"), "n" * 2_001, ASKED, today)) == {"note"}
