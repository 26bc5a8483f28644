"""What policy 3520.13 (and its form) says about each thing a person fills in or chooses, and for the
accessibility questions, what the ADA Title II web rule says.

A small table, field key → passages: each passage has a heading, its words quoted from the shipped
policy text (`resources/policy/`), and where they come from. The keys are:

- the request form's fields: the names of `validation.RequestForm`'s fields;
- the reviewer's choices: the values of `Decision` and `Permission`, and "reason";
- the contract: the provisions `P1` … `P11`, and a few of `contract_form.ContractForm`'s fields;
- the reviewer's accessibility review: "finding" and "alternative_plan" (`accessibility.ReviewForm`).

An excerpt is one or more pieces, each copied word for word from the text (a test checks it, spaces
and line breaks aside); pieces are shown joined by an ellipsis. No Qt here: the screens show it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from ..paths import resources_dir
from .contracts import Provision
from .enums import Decision, Permission

SEPARATOR = "-" * 72  # ends the lines naming a document and its source, at the top of each file
ELLIPSIS = " \u2026 "


class Document(StrEnum):
    POLICY = "policy"
    FORM = "form"
    ADA = "ada"  # the ADA Title II web rule: the accessibility questions (not part of 3520.13)

    @property
    def filename(self) -> str:
        return {"policy": "policy-3520.13.txt", "form": "form-3520.13.txt",
                "ada": "ada-title-ii-web-rule.txt"}[self.value]

    @property
    def short_title(self) -> str:
        return {"policy": "Policy 3520.13", "form": "Form 3520.13 (the paper request form)",
                "ada": "ADA Title II web rule (28 CFR 35.200)"}[self.value]


@dataclass(frozen=True)
class PolicyDocument:
    title: str
    source: str  # the lines above the separator, as written
    text: str  # the document, verbatim


@dataclass(frozen=True)
class Passage:
    heading: str
    pieces: tuple[str, ...]  # each verbatim from the document; shown joined by an ellipsis
    document: Document
    where: str  # the page or item, e.g. "page (a), contract provision 1"

    @property
    def excerpt(self) -> str:
        return ELLIPSIS.join(self.pieces)

    @property
    def quoted(self) -> str:
        """The excerpt between quotation marks. The marks inside it become single ones, as a quotation within
        a quotation is written: “‘Student’ means …”, never two opening marks in a row."""
        inner = self.excerpt.replace("\u201c", "\u2018").replace("\u201d", "\u2019")
        return f"\u201c{inner}\u201d"

    @property
    def source(self) -> str:
        return f"{self.document.short_title}, {self.where}"


def policy_dir():
    return resources_dir() / "policy"


@cache
def read_document(document: Document) -> PolicyDocument:
    raw = (policy_dir() / document.filename).read_text(encoding="utf-8")
    head, sep, text = raw.partition(SEPARATOR + "\n")
    if not sep:
        raise ValueError(f"{document.filename}: no line of {len(SEPARATOR)} dashes after its source")
    title = next((line.removeprefix("Title:").strip() for line in head.splitlines() if line.startswith("Title:")),
                 document.short_title)
    return PolicyDocument(title, head.strip(), text)


_LINE_END_HYPHEN = re.compile(r"(?<=\w-)[ \t]*\n\s*(?=\w)")  # "student-\n\ngenerated": one word


def normalise(text: str) -> str:
    """The text as one line: every run of spaces and line breaks one space, hyphenated words joined."""
    return " ".join(_LINE_END_HYPHEN.sub("", text).split())


def _p(heading: str, document: Document, where: str, *pieces: str) -> Passage:
    return Passage(heading, pieces, document, where)


P, F, A = Document.POLICY, Document.FORM, Document.ADA

_FORM_INTRO = _p(
    "Who must ask first", F, "introduction",
    "Before use in the classroom, use with students, or administrative use, all online learning resources, "
    "online applications, digital subscription services, and other programs or technology applications requiring "
    "the user to accept terms of services or a user agreement must be approved",
    "To request to use such an online resource or technology application other than a District-approved "
    "resource, please complete and submit the following form.")
_STUDENT = _p(
    "Definition 4: \u201cStudent\u201d", P, "page (e), definition 4",
    "\u201cStudent\u201d means a Connecticut resident enrolled in a preschool program participating in the "
    "state-wide public school information system, pursuant to section 10-10a of the general statutes, or "
    "enrolled in grades K to 12, inclusive, in a public school, or receiving special education and related "
    "services under an individualized education program, or otherwise the responsibility of the Board.")
_OPERATOR = _p(
    "Definition 2: \u201cOperator\u201d", P, "page (e), definition 2",
    "\u201cOperator\u201d means the operator of an Internet website, online service, online application, (app) "
    "or mobile application with actual knowledge that such Internet website, service, or mobile application is "
    "used primarily for school purposes and was designed and marketed for school purposes and who collects, "
    "maintains or uses student information.")
_GENERAL_AUDIENCE = _p(
    "Where the policy does not apply", P, "page (h), \u201cNothing in this policy shall be construed to\u201d, item 7",
    "Nothing in this policy shall be construed to:",
    "apply to Internet websites, online services or mobile applications that are designed and marketed for use "
    "by individuals generally, even if the account credentials created for an operator\u2019s Internet website, "
    "online service or mobile application may be used to access Internet websites, online services or mobile "
    "applications that are designed and marketed for school purposes.")
_QUESTION_2_INFO = _p(
    "The form, question 2", F, "question 2",
    "Describe how you plan to use the requested resource. What information, if any, will be shared?")
_STUDENT_INFORMATION = _p(
    "Definition 10: \u201cStudent information\u201d", P, "page (f), definition 10 (c)",
    "\u201cStudent information\u201d is personally identifiable information regarding a student that in any media "
    "or format that is not publicly available that meets any of the following:",
    "identifies a student including but not limited to information in the student\u2019s educational record or "
    "email account, first and last name, home address, telephone number, date of birth, email address, or other "
    "information that allows physical or online contact, discipline records, test results, special education "
    "data, juvenile dependency records, grades, evaluations, criminal records, medical records, health records, "
    "social security number, biometric information, disabilities, socioeconomic information, food purchases, "
    "political affiliations, religious information, text messages, documents, student identifiers, search "
    "activity, photos, voice recordings, or behavioral assessments.")
_STUDENT_GENERATED = _p(
    "Definition 7: \u201cStudent-generated content\u201d", P, "page (e), definition 7",
    "\u201cStudent-generated content\u201d means materials created by a student, including, but not limited to, "
    "essays, research reports, portfolios, creative writing, music or other audio files, or photographs. "
    "\u201cStudent-generated content\u201d does not include student responses to a standardized assessment.")
_STUDENT_RECORDS = _p(
    "Definition 8: \u201cStudent records\u201d", P, "page (f), definition 8",
    "\u201cStudent records\u201d means any information directly related to a student that is maintained by the "
    "school district, the State Board of Education or the Department of Education or any information acquired "
    "from a student through the use of educational software assigned to the student by a teacher or other "
    "district employee.")
_DIRECTORY = _p(
    "Directory information", P, "page (h)",
    "The Board, upon determination that a request for directory information is related to school purposes, may "
    "disclose directory information to any person requesting such directory information. If the Board "
    "determines that a request for directory information is not related to school purposes, the Board shall not "
    "disclose such directory information.")
_DISCLOSE = _p(
    "What an operator may not do: disclose", P, "page (g), restrictions on an operator, item 4",
    "An operator shall not knowingly engage in any of the following activities with respect to their internet "
    "website, online service or mobile application:",
    "Disclose student information, unless the disclosure is made (a) in furtherance of school purposes of the "
    "Internet website, online service or mobile application,")
_SCHOOL_PURPOSES = _p(
    "Definition 11: \u201cSchool purposes\u201d", P, "page (g), definition 11",
    "\u201cSchool purposes\u201d means purposes that customarily take place at the direction of a teacher, or a "
    "board of education or aid in the administration of school activities, including, but not limited to, "
    "instruction in the classroom, administrative activities, and collaboration among students, school "
    "personnel, or parents/legal guardians.")
_CREATED_BY_STUDENT = _p(
    "Definition 10 (a): information a student creates", P, "page (f), definition 10 (a)",
    "Is created or provided by a student, or the student\u2019s parent or legal guardian, by using an operators\u2019 "
    "website, online service, or mobile application (app) for school purposes.")
_ACCOUNT_OR_DOWNLOAD = _p(
    "The form, question 2", F, "question 2",
    "If for use by students, will students need to sign up for an account or download an application?")
_PARENTAL_QUESTION = _p(
    "The form, question 2", F, "question 2",
    "Is parental permission required by the application before use by a student?")
_APPROVED = _p(
    "The form: For Office Use Only", F, "For Office Use Only",
    "Approved for use", "Additional parental notification and permission required.",
    "No additional notifications or permissions required.")
_CONTRACT_REQUIRED = _p(
    "A contract with the provisions", P, "page (a)",
    "The Board when entering into a contract with a contractor for purposes listed above, shall ensure the "
    "contract includes, but is not limited to the following:")
_VOID = _p(
    "A contract without them is void", P, "page (b)",
    "Moreover, a contract is void if it lacks any of the above provisions. The Board will give the contractor "
    "reasonable notice to amend the contract or the terms-of-service agreement addendum to include the missing "
    "provisions.")
_NOT_APPROVED = _p(
    "The form: For Office Use Only", F, "For Office Use Only", "Not approved for use at this time", "Reason:")
_OPERATOR_MAY_NOT = _p(
    "What an operator may not do", P, "page (g), restrictions on an operator, items 1 to 3",
    "An operator shall not knowingly engage in any of the following activities with respect to their internet "
    "website, online service or mobile application:",
    "1. Engage in targeted advertising on the operator\u2019s site, service, or application, or on any other "
    "Internet website, online service or mobile application; 2. Use student information to create a profile of "
    "a student for purposes other than the furtherance of school purposes; 3. Sell student information,")
_IEP_504 = _p(
    "No contract: a child's IEP or Section 504 plan", P, "page (c)",
    "The Board of Education is not required to enter into a contract pursuant to this policy if the use of an "
    "Internet website, online service or mobile application operated by a consultant or an operator is unique "
    "and necessary to implement a child\u2019s individualized education program or plan pursuant to Section 504 "
    "of the Rehabilitation Act of 1973,")
_SEPTEMBER_NOTICE = _p(
    "Telling parents every year", P, "page (c)",
    "On or before September 1st annually, the Board of Education shall electronically notify students and the "
    "parents/guardians of students of the address of the Internet website described in this policy.")

_PROVISION_ITEMS = {
    Provision.P1: ("a", "A statement that student records, student information and student generated content "
                        "continues to be the property of and under the control of the Board. (They are not the "
                        "property of, or under the control of a software or electronic service contractor.)"),
    Provision.P2: ("a", "A description of the means by which the Board may request the deletion of any student "
                        "information, student records or student-generated content in the possession of the "
                        "contractor that is not (a) otherwise prohibited from deletion or required to be retained "
                        "under state or federal law, or (b) stored as a copy of a disaster recovery storage system "
                        "and that is (i) inaccessible to the public, and (ii) unable to be used in the normal course "
                        "of business by the contractor, provided the Board of Education may request the deletion of "
                        "any such student information, student records or student-generated content if such copy "
                        "has been used by the operator to repopulate data following a disaster recovery."),
    Provision.P3: ("a", "A statement that the contractor will not use student information, student records, or "
                        "student-generated content for any purposes except those the contract authorizes."),
    Provision.P4: ("a", "A description of the procedures by which a student, parent or legal guardian, of a "
                        "student may review personally identifiable information (PII) contained in the student\u2019s "
                        "record, student information or student-generated content and correct erroneous "
                        "information, if any in such student material."),
    Provision.P5: ("a", "A statement that the contractor shall take actions designed to ensure the security and "
                        "confidentiality of student records, student information, and student-generated content."),
    Provision.P6: ("b", "A description of the procedures that a contractor will follow for notifying the Board, "
                        "in compliance with C.G.S. 10-234dd when there has been an unauthorized release, disclosure "
                        "or acquisition of student information, student records or student-generated content."),
    Provision.P7: ("b", "A statement that a student\u2019s records, student information, or student-generated "
                        "content shall not be retained or available to the contractor upon expiration of the "
                        "contract between the contractor and the Board of Education except a student, parent or "
                        "legal guardian of a student may choose to independently establish or maintain an "
                        "electronic account with the contractor after the expiration of such contract for the "
                        "purpose of storing student-generated content."),
    Provision.P8: ("b", "A statement that the contractor and the Board shall ensure compliance with the federal "
                        "Family Educational Rights and Privacy Act (FERPA), 20 USC 1232g."),
    Provision.P9: ("b", "A statement that Connecticut laws shall govern the rights and duties of all parties to "
                        "the contract, (contractor and the Board)."),
    Provision.P10: ("b", "A statement that if any provision of the contract or the application of the contract is "
                         "held invalid by a court of competent jurisdiction, the invalidity does not affect other "
                         "provisions of the contract which can be given effect without the invalid provision or "
                         "application."),
    Provision.P11: ("b", "A prohibition against the contractor using personally identifiable information "
                         "contained in student records to engage in advertising or for any other purposes other "
                         "than those authorized pursuant to the contract."),
}


def _provision(provision: Provision) -> Passage:
    page, text = _PROVISION_ITEMS[provision]
    number = provision.value.removeprefix("P")
    return _p(f"Contract provision {number}", P, f"page ({page}), contract provision {number}", text)


_ADDENDUM = _p(
    "The state's uniform addendum", P, "page (b)",
    "The Board of Education may use the uniform student data privacy terms-of-service agreement addendum, "
    "developed by the Commission for Educational Technology (CET), in contracts entered into pursuant to "
    "C.G.S. 10-234bb. Such amendment shall conform to the requirements for a contract listed above.")
_WEBSITE_NOTICE = _p(
    "The notice on the website", P, "page (c)",
    "Not later than five business days after executing a contract pursuant to this policy the Board shall post "
    "notice of such contract on the Board\u2019s website. The notice shall include the contract and (1) state that "
    "the contract has been executed and the date that such contract was executed, (2) provide a brief "
    "description of the contract and the purpose of the contract, and (3) state what student information, "
    "student records or student-generated content may be collected as a result of the contract.")
_AMEND_VOID = _p(
    "Void unless amended", P, "page (c)",
    "Any contract entered into on and after July 1, 2018, or the terms-of-service agreement addendum that does "
    "not include the provisions listed above shall be void, provided the Board has given reasonable notice to "
    "the contractor and the contractor has failed within a reasonable time to amend the contract or the "
    "terms-of-service agreement addendum to include the required provisions.")
_DELETION = _p(
    "Deletion on request", P, "page (d)",
    "delete any student information, student records or student-generated content within a reasonable amount of "
    "time if a student, parent/guardian or Board requests deletion of such student information, student records "
    "or student generated content unless:")
_CONTRACTOR = _p(
    "Definition 1: \u201cContractor\u201d", P, "page (e), definition 1",
    "\u201cContractor\u201d means an operator or consultant that is in possession of or has access to student "
    "information, student records or student-generated content as a result of a contract with a local or "
    "regional Board of Education.")
_PURPOSES = _p(
    "What a contract may be for", P, "page (a)",
    "The Board of Education (Board) may, pursuant to this policy, enter into a contract with a third party for "
    "either or both of the following purposes:",
    "1. To provide services, including Cloud-based services, for the digital storage, management, and retrieval "
    "of student records. 2. To provide digital educational software that authorizes a third-party provider of "
    "digital educational software to access, store, and use student records in accordance with the contractual "
    "provisions listed below.")

# The ADA Title II web rule: what a district provides through vendors must conform to WCAG 2.1 AA.
_ADA_GENERAL = _p(
    "ADA Title II: web content and apps the district provides", A, "28 CFR 35.200(a)",
    "A public entity shall ensure that the following are readily accessible to and usable by individuals with "
    "disabilities:",
    "(1) Web content that a public entity provides or makes available, directly or through contractual, "
    "licensing, or other arrangements; and (2) Mobile apps that a public entity provides or makes available, "
    "directly or through contractual, licensing, or other arrangements.")
_ADA_STANDARD = _p(
    "ADA Title II: the standard, WCAG 2.1 Level AA", A, "28 CFR 35.200(b)(1)",
    "comply with Level A and Level AA success criteria and conformance requirements specified in WCAG 2.1, unless "
    "the public entity can demonstrate that compliance with this section would result in a fundamental "
    "alteration in the nature of a service, program, or activity or in undue financial and administrative "
    "burdens.")
_ADA_DATES = _p(
    "ADA Title II: the compliance dates, as extended in 2026", A, "interim final rule, 91 FR 20902, summary",
    "The compliance date for State and local government entities with a total population of 50,000 or more is "
    "extended from April 24, 2026, to April 26, 2027. The compliance date for public entities with a total "
    "population of less than 50,000, or any special district government, is extended from April 26, 2027, to "
    "April 26, 2028.")

FIELD_HELP: dict[str, tuple[Passage, ...]] = {
    # The request form (validation.RequestForm)
    "grades": (
        _p("The form: grades", F, "below Name, Position and Date",
           "If the resource will be used by students, which grade(s)?:"),
        _STUDENT),
    "not_used_by_students": (_FORM_INTRO, _GENERAL_AUDIENCE),
    "resource_name": (
        _p("The form, question 1", F, "question 1",
           "Give name and description of the technology resource you are requesting to use."),
        _FORM_INTRO),
    "resource_description": (
        _p("The form, question 1", F, "question 1",
           "Give name and description of the technology resource you are requesting to use."),
        _OPERATOR, _GENERAL_AUDIENCE),
    "resource_link": (
        _p("The form, question 1", F, "question 1",
           "If you are requesting an online resource, please include a link to the resource."),
        _p("Definition 9: \u201cOnline service\u201d", P, "page (f), definition 9",
           "\u201cOnline service\u201d includes Cloud computing services, which must comply with this policy if they "
           "otherwise meet the definition of an operator.")),
    "planned_use": (
        _p("The form, question 2", F, "question 2", "Describe how you plan to use the requested resource."),
        _SCHOOL_PURPOSES),
    "information_shared": (_QUESTION_2_INFO, _STUDENT_INFORMATION, _STUDENT_GENERATED, _DIRECTORY),
    "information_details": (_QUESTION_2_INFO, _STUDENT_RECORDS, _STUDENT_GENERATED),
    "who_has_access": (
        _p("The form, question 2", F, "question 2", "Who will have access to the resource?"),
        _DISCLOSE),
    "student_accounts": (_ACCOUNT_OR_DOWNLOAD, _CREATED_BY_STUDENT, _GENERAL_AUDIENCE),
    "download_required": (_ACCOUNT_OR_DOWNLOAD, _OPERATOR),
    "app_requires_parental_permission": (_PARENTAL_QUESTION, _APPROVED),
    # Not on the paper form: the tool's accessibility (ADA Title II)
    "acr_available": (_ADA_GENERAL, _ADA_DATES),
    "claimed_conformance": (_ADA_STANDARD, _ADA_DATES),
    "known_barriers": (_ADA_GENERAL, _ADA_STANDARD),
    # The reviewer's accessibility review
    "finding": (_ADA_STANDARD, _ADA_GENERAL, _ADA_DATES),
    "alternative_plan": (_ADA_GENERAL, _ADA_STANDARD),
    # The reviewer's choices ("For Office Use Only")
    Decision.APPROVED.value: (_APPROVED, _FORM_INTRO, _CONTRACT_REQUIRED, _VOID),
    Permission.PARENTAL_REQUIRED.value: (_APPROVED, _PARENTAL_QUESTION, _IEP_504),
    Permission.NONE_REQUIRED.value: (_APPROVED, _GENERAL_AUDIENCE),
    Decision.NOT_APPROVED.value: (_NOT_APPROVED, _OPERATOR_MAY_NOT),
    "reason": (_NOT_APPROVED, _VOID),
    # The contract (C.G.S. 10-234bb) and its follow-up
    **{p.value: (_provision(p),) for p in Provision},
    "provisions": (_CONTRACT_REQUIRED, _VOID),
    "uses_state_addendum": (_ADDENDUM,),
    "contractor_id": (_CONTRACTOR, _OPERATOR),
    "purpose": (_PURPOSES, _WEBSITE_NOTICE),
    "description": (_WEBSITE_NOTICE,),
    "information_allowed": (_WEBSITE_NOTICE, _STUDENT_INFORMATION, _STUDENT_GENERATED),
    "executed_on": (_WEBSITE_NOTICE,),
    "notice_posted_on": (_WEBSITE_NOTICE, _SEPTEMBER_NOTICE),
    "amend_notice_sent_on": (_VOID, _AMEND_VOID),
    "amended_on": (_AMEND_VOID,),
    "expires_on": (_provision(Provision.P7),),
    "deletion_confirmed_on": (_provision(Provision.P7), _DELETION),
}

# Keys whose passages are those of another key: the contract's "Details" speak of what its ticks say.
ALIASES = {"contract_information_details": "information_allowed"}


def help_for(key: str) -> tuple[Passage, ...]:
    """The passages governing `key` (a form field, a choice, a provision); empty when none is known."""
    return FIELD_HELP.get(ALIASES.get(key, key), ())


def help_text(key: str) -> str:
    """The passages as plain text: heading, the quoted words, and where they come from."""
    return "\n\n".join(f"{p.heading}\n{p.quoted}\n\u2014 {p.source}" for p in help_for(key))
