from datetime import date

import pytest

from techapproval.domain.exceptions import (
    Condition,
    Plan,
    RecordedException,
    exception_status,
    required_conditions,
    resource_exception_outcome,
    validate_exception,
)

C = Condition
MET = date(2026, 11, 20)
ALL_MET = dict.fromkeys(Condition, MET)


def test_the_five_conditions_in_the_policys_words():
    assert [c.value for c in Condition] == [
        "ferpa_hipaa", "reasonable_effort", "operator_complies", "parent_signature", "ppt_signature"]
    assert "FERPA" in C.FERPA_HIPAA.label and "HIPAA" in C.FERPA_HIPAA.label
    assert "reasonable effort to contract" in C.REASONABLE_EFFORT.label
    assert "find an equivalent" in C.REASONABLE_EFFORT.label
    assert "10-234cc" in C.OPERATOR_COMPLIES.label
    assert "parent or guardian signed" in C.PARENT_SIGNATURE.label
    assert C.PPT_SIGNATURE.label.startswith("A member of the planning and placement team signed")
    assert C.PPT_SIGNATURE.label.endswith("(IEP only)")
    assert len({c.short for c in Condition}) == 5


def test_iep_needs_the_ppt_signature_and_504_does_not():
    assert required_conditions(Plan.IEP) == tuple(Condition)
    assert required_conditions("504") == (C.FERPA_HIPAA, C.REASONABLE_EFFORT, C.OPERATOR_COMPLIES,
                                          C.PARENT_SIGNATURE)
    without_ppt = {c: d for c, d in ALL_MET.items() if c is not C.PPT_SIGNATURE}
    assert exception_status(Plan.SECTION_504, without_ppt).complete
    iep = exception_status(Plan.IEP, without_ppt)
    assert not iep.complete
    assert iep.missing == [C.PPT_SIGNATURE]


def test_status_with_one_condition_missing():
    met = {**ALL_MET, C.PARENT_SIGNATURE: None}
    status = exception_status(Plan.IEP, met, {C.FERPA_HIPAA})
    assert status == (False, [C.PARENT_SIGNATURE], status.words)
    assert status.words == (
        "\u26a0 Incomplete: 4 of 5 conditions met; missing Parent signed the agreement; "
        "evidence attached for 1 of 5.")


def test_complete_status_counts_dates_not_files():
    status = exception_status(Plan.IEP, ALL_MET)
    assert status.complete and status.missing == []
    assert status.words == "\u2714 Complete: all 5 conditions met; evidence attached for 0 of 5."
    # Evidence alone does not meet a condition.
    files_only = exception_status(Plan.SECTION_504, {}, set(Condition))
    assert not files_only.complete
    assert files_only.missing == list(required_conditions(Plan.SECTION_504))
    assert "evidence attached for 4 of 4" in files_only.words  # the PPT file of a 504 plan is not counted


def test_resource_outcome():
    assert resource_exception_outcome([]) == (None, "")
    done = RecordedException("IEP-2026-014", Plan.IEP, ALL_MET)
    lacking = RecordedException("504-2026-003", Plan.SECTION_504, {C.FERPA_HIPAA: MET})
    assert resource_exception_outcome([lacking, done]) == (True, "IEP-2026-014")
    complete, detail = resource_exception_outcome([lacking])
    assert complete is False
    assert detail == ("case 504-2026-003 (504 plan) lacks Reasonable effort to contract and to find an "
                      "equivalent; Operator complies with C.G.S. 10-234cc; Parent signed the agreement")


@pytest.mark.parametrize(
    ("case", "plan", "notes", "fields"),
    [
        ("IEP-2026-014", "iep", "", set()),
        ("504-3", "504", "n" * 5_000, set()),
        ("", "iep", "", {"case_reference"}),
        ("Maria Lopez", "iep", "", {"case_reference"}),
        ("IEP-1", "ilp", "", {"plan"}),
        ("IEP-1", "504", "n" * 5_001, {"notes"}),
    ],
)
def test_validate_exception(case, plan, notes, fields):
    assert set(validate_exception(case, plan, notes)) == fields
