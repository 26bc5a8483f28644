"""Every validator, fed anything: it never raises, it answers with field name → non-empty message for real
fields only, it passes what is valid, and cleaning and the matching keys are stable."""

from __future__ import annotations

import dataclasses
import string
from datetime import date

from hypothesis import example, given
from hypothesis import strategies as st

from techapproval.domain.contract_form import (
    CONTRACT_LIMITS,
    ContractForm,
    ContractorForm,
    ContractorKind,
    validate_contract,
    validate_contractor,
)
from techapproval.domain.contracts import Provision
from techapproval.domain.deletions import case_reference_problem, validate_closing, validate_deletion_request
from techapproval.domain.enums import Answer, Decision, Grade, InfoCategory, Permission
from techapproval.domain.exceptions import validate_exception
from techapproval.domain.incidents import INCIDENT_LIMITS, IncidentForm, Involves, validate_incident
from techapproval.domain.settings import SETTINGS, normalised_setting, setting_problem
from techapproval.domain.validation import (
    FIELD_LABELS,
    LIMITS,
    RequestForm,
    clean_text,
    email_problem,
    link_problem,
    normalise_link,
    normalise_link_input,
    normalise_name,
    password_problem,
    validate_decision,
    validate_form,
)
from tests.properties.strategies import FAST, any_text, hostile_text

TODAY = date(2026, 11, 25)
dates = st.none() | st.dates(date(2000, 1, 1), date(2035, 12, 31))
answers = st.none() | st.sampled_from(Answer)


def field_names(cls) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}


def check_errors(errors: dict[str, str], allowed: set[str]) -> None:
    """Every error is keyed by a real field and says something."""
    assert isinstance(errors, dict)
    assert set(errors) <= allowed, set(errors) - allowed
    for key, message in errors.items():
        assert isinstance(message, str) and message.strip(), key


def check_problem(problem: str | None) -> None:
    assert problem is None or (isinstance(problem, str) and problem.strip())


# --- the request form ------------------------------------------------------------------------------

any_request_form = st.builds(
    RequestForm,
    grades=st.lists(st.sampled_from(Grade), max_size=20),
    not_used_by_students=st.booleans(),
    resource_name=any_text, resource_description=any_text, resource_link=any_text, planned_use=any_text,
    information_shared=st.lists(st.sampled_from(InfoCategory), max_size=40),
    information_details=any_text, who_has_access=any_text,
    student_accounts=answers, download_required=answers, app_requires_parental_permission=answers,
)


@FAST
@given(any_request_form, st.booleans())
def test_any_request_form_gets_field_errors_never_an_exception(form, submitting):
    allowed = field_names(RequestForm) & set(FIELD_LABELS)  # a message always has a labelled field to sit by
    check_errors(validate_form(form, submitting=submitting), allowed)
    cleaned = form.cleaned()
    check_errors(validate_form(cleaned, submitting=submitting), allowed)
    assert cleaned.cleaned() == cleaned


@FAST
@given(any_request_form)
def test_a_draft_that_passes_also_passes_once_cleaned_and_submitting_only_adds_errors(form):
    cleaned = form.cleaned()
    draft = validate_form(cleaned, submitting=False)
    submitting = validate_form(cleaned, submitting=True)
    assert draft.items() <= submitting.items()  # submitting checks more, never less


# Text a person could really type into each field: something visible, within the limit.
def real_text(limit: int) -> st.SearchStrategy[str]:
    return st.one_of(
        hostile_text.filter(clean_text),  # something visible once cleaned
        st.builds(lambda c, n: c * n, st.characters(categories=["L", "N", "P", "S"]), st.integers(1, limit)),
    ).filter(lambda t: len(t) <= limit)


labels = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=15).filter(
    lambda s: not s.startswith("-"))
hosts = st.one_of(
    st.builds(lambda parts, tld: ".".join([*parts, tld]), st.lists(labels, min_size=1, max_size=3),
              st.sampled_from(["org", "com", "example", "edu", "io"])),
    st.sampled_from(["bücher.example", "李小龙.example", "www.kahoot.com", "localhost", "127.0.0.1", "Example.ORG"]),
)
paths = st.lists(st.text(string.ascii_letters + string.digits + "-._~%", max_size=10), max_size=4).map(
    lambda parts: "".join("/" + p for p in parts))
links = st.builds(
    lambda scheme, host, path, tail: f"{scheme}{host}{path}{tail}",
    st.sampled_from(["https://", "http://", "HTTPS://", "Http://"]), hosts, paths,
    st.sampled_from(["", "/", "?a=1&b=2", "#top", "/?q=x#f"]),
)
typed_links = links | st.builds(lambda host, path: host + path, hosts.filter(lambda h: "." in h), paths)


@st.composite
def valid_request_forms(draw) -> RequestForm:
    not_used = draw(st.booleans())
    none = draw(st.booleans())
    return RequestForm(
        grades=[] if not_used else draw(st.lists(st.sampled_from(Grade), min_size=1)),
        not_used_by_students=not_used,
        resource_name=draw(real_text(LIMITS["resource_name"])),
        resource_description=draw(real_text(LIMITS["resource_description"])),
        resource_link=draw(st.just("") | typed_links),
        planned_use=draw(real_text(LIMITS["planned_use"])),
        information_shared=[InfoCategory.NONE] if none else draw(
            st.lists(st.sampled_from([c for c in InfoCategory if c is not InfoCategory.NONE]), min_size=1)),
        information_details=draw(st.just("") | real_text(LIMITS["information_details"])),
        who_has_access=draw(real_text(LIMITS["who_has_access"])),
        student_accounts=draw(answers if not_used else st.sampled_from(Answer)),
        download_required=draw(answers if not_used else st.sampled_from(Answer)),
        app_requires_parental_permission=draw(answers if not_used else st.sampled_from(Answer)),
    )


@FAST
@given(valid_request_forms())
def test_a_complete_valid_form_validates_clean(form):
    cleaned = form.cleaned()
    assert validate_form(cleaned, submitting=True) == {}
    assert cleaned.cleaned() == cleaned


@FAST
@given(valid_request_forms(), st.sampled_from(["resource_name", "resource_description", "planned_use",
                                                "information_details", "who_has_access", "resource_link"]))
def test_one_character_over_the_limit_is_refused_on_that_field(form, name):
    form = dataclasses.replace(form, **{name: "x" * (LIMITS[name] + 1)})
    assert name in validate_form(form, submitting=False)


@FAST
@given(st.none() | st.sampled_from(Decision), st.none() | st.sampled_from(Permission), any_text)
def test_any_decision_gets_field_errors(decision, permission, reason):
    errors = validate_decision(decision, permission, reason)
    check_errors(errors, {"decision", "permission", "reason"})
    if decision is Decision.APPROVED and permission is not None:
        assert errors == {}
    if decision is Decision.NOT_APPROVED and reason.strip() and len(reason) <= LIMITS["reason"]:
        assert errors == {}


# --- contracts, incidents, deletions, exceptions, settings -----------------------------------------------

any_contractor = st.builds(ContractorForm, name=any_text, kind=st.sampled_from(["operator", "consultant"]) | any_text,
                           contact_name=any_text, contact_email=any_text, contact_phone=any_text, website=any_text)
any_contract = st.builds(
    ContractForm, contractor_id=st.none() | st.integers(1, 10**6), title=any_text, purpose=any_text,
    description=any_text, information_allowed=st.lists(st.sampled_from(InfoCategory), max_size=40),
    information_details=any_text, executed_on=dates, starts_on=dates, expires_on=dates,
    uses_state_addendum=st.booleans(), provisions=st.dictionaries(st.sampled_from(Provision), any_text),
    amend_notice_sent_on=dates, amended_on=dates, notice_posted_on=dates, deletion_confirmed_on=dates,
)


@FAST
@given(any_contractor)
def test_any_contractor_form_gets_field_errors(form):
    check_errors(validate_contractor(form), field_names(ContractorForm))
    cleaned = form.cleaned()
    check_errors(validate_contractor(cleaned), field_names(ContractorForm))
    assert cleaned.cleaned() == cleaned


@FAST
@given(any_contract, st.dates(date(2000, 1, 1), date(2035, 12, 31)))
def test_any_contract_form_gets_field_errors(form, today):
    check_errors(validate_contract(form, today), field_names(ContractForm))
    cleaned = form.cleaned()
    check_errors(validate_contract(cleaned, today), field_names(ContractForm))
    assert cleaned.cleaned() == cleaned


@FAST
@given(real_text(CONTRACT_LIMITS["name"]), st.sampled_from(sorted(ContractorKind.LABELS)),
       st.just("") | typed_links)
def test_a_valid_contractor_validates_clean(name, kind, website):
    form = ContractorForm(name=name, kind=kind, website=website, contact_email="privacy@vendor.example").cleaned()
    assert validate_contractor(form) == {}


@FAST
@given(real_text(CONTRACT_LIMITS["purpose"]), real_text(CONTRACT_LIMITS["description"]),
       st.lists(st.sampled_from([c for c in InfoCategory if c is not InfoCategory.NONE]), min_size=1),
       st.dates(date(2000, 1, 1), TODAY), st.sets(st.sampled_from(Provision)), st.booleans())
def test_a_valid_contract_validates_clean(purpose, description, info, executed, provisions, addendum):
    form = ContractForm(contractor_id=1, purpose=purpose, description=description, information_allowed=info,
                        executed_on=executed, uses_state_addendum=addendum,
                        provisions={p: "§ 4" for p in provisions}).cleaned()
    assert validate_contract(form, TODAY) == {}


any_incident = st.builds(
    IncidentForm, contractor_id=st.none() | st.integers(1, 10**6), contract_id=st.none() | st.integers(1, 10**6),
    discovered_on=dates, involves=st.frozensets(st.sampled_from(Involves)),
    students_affected=st.none() | st.integers(-10, 2_000_000) | st.booleans(),
    description=any_text, board_notified_on=dates, parents_notified_on=dates, website_posted_on=dates,
)


@FAST
@given(any_incident, st.dates(date(2000, 1, 1), date(2035, 12, 31)))
def test_any_incident_form_gets_field_errors(form, today):
    check_errors(validate_incident(form, today), field_names(IncidentForm))
    cleaned = form.cleaned()
    check_errors(validate_incident(cleaned, today), field_names(IncidentForm))
    assert cleaned.cleaned() == cleaned


@FAST
@given(st.dates(date(2000, 1, 1), TODAY), st.frozensets(st.sampled_from(Involves), min_size=1),
       st.none() | st.integers(0, 1_000_000), real_text(INCIDENT_LIMITS["description"]))
def test_a_valid_incident_validates_clean(discovered, involves, students, description):
    form = IncidentForm(contractor_id=1, discovered_on=discovered, involves=involves, students_affected=students,
                        description=description).cleaned()
    assert validate_incident(form, TODAY) == {}


@FAST
@given(any_text, any_text, dates, any_text, st.sampled_from(["student", "parent", "board"]) | any_text)
def test_deletion_and_exception_forms_get_field_errors(case, what, requested_on, note, requested_by):
    check_errors(validate_deletion_request(requested_by, case, requested_on, what, TODAY),
                 {"requested_by", "case_reference", "requested_on", "what"})
    check_errors(validate_closing(requested_by, requested_on, note, date(2020, 1, 1), TODAY),
                 {"outcome", "closed_on", "note"})
    check_errors(validate_exception(case, requested_by, note), {"case_reference", "plan", "notes"})
    check_problem(case_reference_problem(case))
    check_problem(case_reference_problem(case, required=False))


@FAST
@given(st.sampled_from(sorted(SETTINGS)), any_text | typed_links | st.integers(-5, 400).map(str))
def test_any_setting_value_gets_a_message_or_passes_and_stores_stably(key, value):
    problem = setting_problem(key, value)
    check_problem(problem)
    stored = normalised_setting(key, value)
    assert normalised_setting(key, stored) == stored
    if problem is None:
        assert setting_problem(key, stored) is None  # what is stored still passes


@FAST
@given(st.integers(1, 365), real_text(200), st.just("") | typed_links.filter(lambda link: len(link) <= 200))
def test_valid_settings_pass(days, name, website):
    for key, value in (("amend_days", str(days)), ("deletion_days", f" {days} "), ("district_name", name),
                       ("town", name), ("approver_title", name), ("contracts_website", website)):
        assert setting_problem(key, value) is None, (key, value)


@FAST
@given(any_text)
def test_password_email_and_link_checks_answer_anything(text):
    problem = password_problem(text)
    check_problem(problem)
    assert (problem is None) == (10 <= len(text) <= 200)
    check_problem(email_problem(text))
    check_problem(link_problem(text))
    check_problem(link_problem(normalise_link_input(text)))


# --- the matching keys ----------------------------------------------------------------------------------


@FAST
@given(any_text)
def test_normalise_name_is_idempotent(name):
    key = normalise_name(name)
    assert normalise_name(key) == key
    assert key == key.strip() and "  " not in key


whitespace = st.text(" \t\n\r\u00a0\u2003\u3000", min_size=1, max_size=4)
words = st.lists(st.text(string.ascii_letters + string.digits + "éüßЖ李", min_size=1, max_size=10), min_size=1,
                 max_size=5)


@FAST
@given(words, st.lists(whitespace, min_size=7, max_size=7), st.sampled_from([str.upper, str.lower, str.swapcase]))
def test_normalise_name_ignores_case_and_spacing(parts, spaces, case):
    plain = " ".join(parts)
    spaced = spaces[0] + "".join(p + s for p, s in zip(parts, spaces[1:], strict=False))
    assert normalise_name(case(spaced)) == normalise_name(plain)
    assert normalise_name("\u201c" + plain + "!\u201d") == normalise_name(plain)  # punctuation too


@FAST
@given(any_text | typed_links)
@example("https://localhost:3000/app")  # was "localhost/app", which is no link: now ""
@example("http://www.www.kahoot.com")  # was "www.kahoot.com", whose own key is "kahoot.com"
@example("http://www.org/x")  # was "org/x", which is no link
def test_normalise_link_is_idempotent(link):
    key = normalise_link(link)
    assert normalise_link(key) == key


@FAST
@given(hosts.filter(lambda h: "." in h), paths, whitespace, st.sampled_from(["", "/", "?x=1", "#frag", "/?q#f"]))
def test_normalise_link_ignores_case_scheme_www_and_spacing(host, path, space, tail):
    key = normalise_link(f"https://{host}{path}")
    assert key  # a valid link has a key
    host_key = key.split("/")[0]
    for variant in (f"{space}HTTP://{host.upper()}{path}{tail}{space}", f"{host}{path}{tail}",
                    f"https://www.{host_key}{path}/", f"http://{host_key}.{path}"):
        assert normalise_link(variant) == key, variant
