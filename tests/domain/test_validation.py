import pytest

from techapproval.domain.enums import Answer, Decision, Grade, InfoCategory, Permission, format_grades
from techapproval.domain.validation import (
    RequestForm,
    link_problem,
    normalise_link,
    normalise_link_input,
    normalise_name,
    validate_decision,
    validate_form,
)
from tests.helpers import complete_form


@pytest.mark.parametrize(
    "link",
    [
        "https://kahoot.com",
        "http://example.org/path?q=1#x",
        "https://bücher.example/katalog",
        "https://пример.рф/",
        "https://例え.jp",
        "https://sub.domain.example.co.uk:8443/a",
    ],
)
def test_accepted_links(link):
    assert link_problem(link) is None


@pytest.mark.parametrize(
    ("link", "words"),
    [
        ("javascript:alert(1)", "http"),
        ("JAVASCRIPT:alert(1)", "http"),
        ("data:text/html,<b>x</b>", "http"),
        ("ftp://files.example.org", "http"),
        ("file:///etc/passwd", "http"),
        ("https://", "site name"),
        ("https://exa mple.com", "spaces"),
        ("https://nodot", "domain"),
        ("https://bad_host.example", "not valid"),
    ],
)
def test_refused_links(link, words):
    assert words in link_problem(link)


def test_link_without_scheme_gains_https():
    assert normalise_link_input("www.example.org/x") == "https://www.example.org/x"
    assert normalise_link_input("javascript:alert(1)") == "javascript:alert(1)"


def test_normalised_names_and_links_match_variants():
    assert normalise_name("  Kahoot!  ") == normalise_name("KAHOOT") == "kahoot"
    assert normalise_name("Zoë's  Reader") == normalise_name("ZOE'S reader") == "zoe s reader"
    assert normalise_link("https://www.Kahoot.com/") == normalise_link("http://kahoot.com") == "kahoot.com"
    assert normalise_link("kahoot.com/play?x=1") == "kahoot.com/play"
    assert normalise_link("javascript:alert(1)") == ""


def test_complete_form_is_valid_for_submission():
    assert validate_form(complete_form().cleaned(), submitting=True) == {}


def test_empty_form_names_every_required_field():
    errors = validate_form(RequestForm(), submitting=True)
    assert set(errors) == {
        "resource_name", "resource_description", "planned_use", "who_has_access", "grades",
        "information_shared", "student_accounts", "download_required", "app_requires_parental_permission",
    }


def test_drafts_need_no_required_fields():
    assert validate_form(RequestForm(), submitting=False) == {}


def test_administrative_use_needs_no_student_questions():
    form = complete_form(grades=[], not_used_by_students=True, student_accounts=None, download_required=None,
                         app_requires_parental_permission=None)
    assert validate_form(form, submitting=True) == {}


def test_huge_paste_is_refused_not_truncated():
    form = complete_form(planned_use="x" * 100_000)
    errors = validate_form(form, submitting=False)
    assert "100,000 characters" in errors["planned_use"]
    assert "limit is 10,000" in errors["planned_use"]


def test_none_cannot_be_combined():
    form = complete_form(information_shared=[InfoCategory.NONE, InfoCategory.GRADES])
    assert "None" in validate_form(form, submitting=False)["information_shared"]


def test_grades_and_not_used_by_students_exclusive():
    form = complete_form(not_used_by_students=True)
    assert "grades" in validate_form(form, submitting=False)


def test_cleaned_orders_and_trims():
    form = RequestForm(grades=[Grade.G5, Grade.PREK, Grade.G5], resource_name="  Padlet \n",
                       information_shared=[InfoCategory.PHOTOS, InfoCategory.FULL_NAME],
                       resource_link="padlet.com")
    clean = form.cleaned()
    assert clean.grades == [Grade.PREK, Grade.G5]
    assert clean.resource_name == "Padlet"
    assert clean.information_shared == [InfoCategory.FULL_NAME, InfoCategory.PHOTOS]
    assert clean.resource_link == "https://padlet.com"


@pytest.mark.parametrize(
    ("decision", "permission", "reason", "field"),
    [
        (None, None, "", "decision"),
        (Decision.APPROVED, None, "", "permission"),
        (Decision.NOT_APPROVED, None, "   ", "reason"),
    ],
)
def test_decision_needs_the_forms_choices(decision, permission, reason, field):
    assert field in validate_decision(decision, permission, reason)


def test_valid_decisions():
    assert validate_decision(Decision.APPROVED, Permission.PARENTAL_REQUIRED, "") == {}
    assert validate_decision(Decision.NOT_APPROVED, None, "Collects more data than needed.") == {}


@pytest.mark.parametrize(
    ("grades", "text"),
    [
        ([Grade.PREK, Grade.K, Grade.G1], "PreK\u20131"),
        ([Grade.G3, Grade.G4], "3, 4"),
        ([Grade.G9, Grade.G10, Grade.G11, Grade.G12, Grade.K], "K, 9\u201312"),
        ([], ""),
    ],
)
def test_format_grades(grades, text):
    assert format_grades(grades, False) == text


def test_format_grades_administrative():
    assert "Not used by students" in format_grades([], True)


def test_answers_have_labels():
    assert [a.label for a in Answer] == ["Yes", "No", "Not sure"]
