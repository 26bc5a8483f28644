"""The clause check's rules: sentences, each provision found, missed or in conflict with the words that
matched, the breach notice time, the warnings, the uniform addendum; and the labelled corpus."""

import json

import pytest

from benchmarks.contract_check import load_corpus, score
from techapproval.domain.clauses import Finding, check_text, periods, plain_text, sentences
from techapproval.domain.contracts import Provision

P = Provision


def finding(text: str, provision: Provision):
    return check_text([text]).result(provision)


def test_sentences_keep_their_page_and_join_words_split_at_a_line_end():
    items = sentences(["GOVERNING LAW\nThis Agreement is governed by the laws of Con-\nnecticut. See 20 U.S.C. 1232g "
                       "for FERPA.", "Second page, e.g. this one. It has two sentences."])
    assert [(s.text, s.page, s.heading) for s in items] == [
        ("GOVERNING LAW", 1, True),
        ("This Agreement is governed by the laws of Connecticut.", 1, False),
        ("See 20 U.S.C. 1232g for FERPA.", 1, False),
        ("Second page, e.g. this one.", 2, False),
        ("It has two sentences.", 2, False),
    ]


def test_a_found_provision_quotes_its_sentence_page_and_matched_words():
    result = check_text(["Preamble.", "Intro. The laws of the State of Connecticut shall govern this Agreement."]
                        ).result(P.P9)
    assert result.finding is Finding.FOUND
    assert [(q.text, q.page) for q in result.quotes] == [
        ("The laws of the State of Connecticut shall govern this Agreement.", 2)]
    assert set(result.matched) == {"laws of the State", "Connecticut"}
    assert "Connecticut" in result.why and "page 2" in result.why


@pytest.mark.parametrize("text, provision, expected", [
    # negative sentences are not the provision
    ("The Contractor shall not be required to delete Student Data upon the District's request.", P.P2,
     Finding.CONFLICT),
    ("Upon the District's written request the Contractor shall delete the Student Data within 30 days.", P.P2,
     Finding.FOUND),
    ("After termination the Provider may retain Student Data for three (3) years.", P.P7, Finding.CONFLICT),
    ("Upon termination the Provider shall delete all Student Data.", P.P7, Finding.FOUND),
    ("Upon termination the Provider shall delete Student Data, except that it may retain de-identified data.",
     P.P7, Finding.FOUND),
    ("Upon termination, Vendor has no obligation to return or destroy student data.", P.P7, Finding.CONFLICT),
    ("We will never sell student information or use it for targeted advertising.", P.P11, Finding.FOUND),
    ("We may sell student information to our partners.", P.P11, Finding.CONFLICT),
    ("We may use student information to show personalized advertising.", P.P11, Finding.CONFLICT),
    ("We may create profiles of students based on their activity.", P.P11, Finding.CONFLICT),
    ("This Agreement is governed by the laws of the State of California.", P.P9, Finding.CONFLICT),
    ("This Agreement is governed by Connecticut law, without regard to conflict of laws.", P.P9, Finding.FOUND),
    ("The courts of Hartford County have jurisdiction.", P.P9, Finding.NOT_FOUND),
    ("Student data shall become the property of Acme upon upload.", P.P1, Finding.CONFLICT),
    ("Student data remains the property of the Board.", P.P1, Finding.FOUND),
    ("Provider may use student data for any purpose.", P.P3, Finding.CONFLICT),
    ("Provider shall use student data solely to provide the Services.", P.P3, Finding.FOUND),
    ("Provider is not obligated to notify the District of security incidents.", P.P6, Finding.CONFLICT),
    ("Provider shall comply with FERPA.", P.P8, Finding.FOUND),
    ("Provider is not subject to FERPA.", P.P8, Finding.CONFLICT),
    ("If any provision is held invalid, the remaining provisions remain in effect.", P.P10, Finding.FOUND),
    ("The parties met on Tuesday.", P.P10, Finding.NOT_FOUND),
    ("Vendor shall have no obligation to correct student records.", P.P4, Finding.CONFLICT),
    ("We delete a school's data one year after the subscription ends.", P.P7, Finding.CONFLICT),
    ("We delete a school's data within 60 days after the subscription ends.", P.P7, Finding.FOUND),
    ("Connecticut law applies to this Agreement.", P.P9, Finding.FOUND),
    ("Delaware law applies to this Agreement.", P.P9, Finding.CONFLICT),
    ("The District is the owner of all student records.", P.P1, Finding.FOUND),
    ("The Provider shall implement security controls to protect District data.", P.P1, Finding.NOT_FOUND),
])
def test_each_rule_reads_the_sense_not_only_the_words(text, provision, expected):
    assert finding(text, provision).finding is expected


def test_a_provision_said_in_two_sentences_quotes_both():
    result = finding("Parents may review their child's records. The Provider will correct any errors the District "
                     "identifies.", P.P4)
    assert result.finding is Finding.FOUND
    assert result.quotes[0].text.count(".") == 2


def test_a_conflict_beats_a_sentence_that_would_satisfy_and_says_so():
    result = finding("This Agreement is governed by Connecticut law. Notwithstanding the above, this Agreement shall "
                     "be governed by the laws of the State of Texas.", P.P9)
    assert result.finding is Finding.CONFLICT
    assert "Texas" in result.quotes[0].text and "Connecticut" in result.also_found[0].text


def test_periods_read_words_digits_hours_and_business_days():
    assert [d for d, _ in periods("within thirty (30) days")] == [30]
    assert [d for d, _ in periods("within 72 hours")] == [3]
    assert [d for d, _ in periods("within five (5) business days")] == [7]
    assert [d for d, _ in periods("within sixty days")] == [60]


@pytest.mark.parametrize("days, finding_, warning", [
    (30, Finding.FOUND, None), (45, Finding.FOUND, "breach_notice_over_30_days"),
    (90, Finding.CONFLICT, None),
])
def test_the_breach_notice_time_is_read_and_judged(days, finding_, warning):
    check = check_text([f"The Provider shall notify the District of any breach of student data within {days} days."])
    assert check.breach_notice_days == days
    assert check.result(P.P6).finding is finding_
    kinds = {w.kind for w in check.warnings}
    assert (warning in kinds) if warning else not kinds & {"breach_notice_over_30_days", "breach_notice_none"}
    if finding_ is Finding.CONFLICT:
        assert [c.kind for c in check.conflicts] == ["breach_notice_late"]


def test_no_breach_notice_time_is_a_warning():
    check = check_text(["The Provider will notify the District promptly of any breach of student data."])
    assert check.breach_notice_days is None
    assert check.result(P.P6).finding is Finding.FOUND
    assert [w.why for w in check.warnings if w.kind == "breach_notice_none"] == [
        "no breach notice time in days: only \u201cpromptly\u201d"]


def test_unilateral_changes_and_indemnity_are_noted_and_a_signed_amendment_is_not():
    check = check_text(["We may modify these Terms at any time by posting them. The Customer shall indemnify "
                        "and hold harmless the Company."])
    assert {w.kind for w in check.warnings} >= {"unilateral-changes", "indemnity"}
    signed = check_text(["This Agreement may be amended only by a written instrument signed by both parties."])
    assert "unilateral-changes" not in {w.kind for w in signed.warnings}


def test_the_uniform_addendum_is_recognised_by_its_title_and_the_commission():
    addendum = check_text(["Connecticut Student Data Privacy\nTerms-of-Service Agreement Addendum\n\nThis uniform "
                           "addendum of the Commission for Educational Technology applies."])
    assert addendum.uniform_addendum and addendum.addendum_quote.page == 1
    assert not check_text(["Terms of Service. These terms govern your use."]).uniform_addendum


def test_json_has_one_object_per_provision_and_the_facts():
    data = check_text(["Connecticut law governs this Agreement."]).as_json()
    json.dumps(data)
    assert [p["provision"] for p in data["provisions"]] == [p.value for p in Provision]
    p9 = data["provisions"][8]
    assert p9["finding"] == "found" and p9["quotes"][0]["page"] == 1 and p9["why"]
    assert {"conflicts", "warnings", "breach_notice_days", "uniform_addendum"} <= set(data)


def test_the_plain_text_says_suggestions_only_and_quotes_pages():
    text = plain_text(check_text(["x", "This Agreement is governed by the laws of the State of Delaware."]), "a.pdf")
    assert "Suggestions only" in text and "P9 CONFLICT" in text and "p. 2:" in text and "P1 NOT FOUND" in text


def test_the_same_text_gives_the_same_findings():
    corpus = load_corpus()
    _name, pages, _label = corpus[0]
    assert check_text(pages).as_json() == check_text(pages).as_json()


def test_the_labelled_corpus_meets_the_targets_for_every_provision():
    """The issue's targets, on the corpus of tests/contracts_corpus (benchmarks/contract_check.py reports
    the same numbers): at least 0.9 precision and recall for each provision."""
    corpus = load_corpus()
    assert len(corpus) >= 30
    styles = {label["style"].split(",")[0].split(":")[0] for _n, _p, label in corpus}
    assert len(styles) >= 8  # varied styles, not one template
    found, conflict, other, _ = score(corpus)
    for p in Provision:
        assert found[p].precision >= 0.9 and found[p].recall >= 0.9, (p, found[p].errors)
    assert all(c.precision >= 0.9 and c.recall >= 0.9 for c in conflict.values())
    assert other["breach_notice_days"].recall >= 0.9 and other["uniform_addendum"].recall == 1.0


def test_a_run_on_text_is_cut_into_quotes_short_enough_to_keep():
    items = sentences(["the provider shall keep records " * 400])
    assert len(items) > 1 and all(len(s.text) <= 1_000 for s in items)
