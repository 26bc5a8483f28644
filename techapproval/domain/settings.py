"""Every district setting, declared once with its default and its title."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .accessibility import Population
from .renewals import MAX_YEARS
from .validation import link_problem, normalise_link_input


@dataclass(frozen=True)
class SettingSpec:
    key: str
    title: str
    default: str
    required: bool = False
    kind: str = "text"  # "text", "days" (a whole number of days), "years", "link" or "choice"
    choices: tuple[tuple[str, str], ...] = ()  # (stored value, label) for a "choice"


SETTINGS: dict[str, SettingSpec] = {
    s.key: s
    for s in (
        SettingSpec("district_name", "District name (as in \u201c___ PUBLIC SCHOOLS\u201d)", "", required=True),
        SettingSpec("town", "Town", "", required=True),
        SettingSpec("approver_title", "Approver title", "Technology Coordinator/Principal", required=True),
        # C.G.S. 10-234bb(c): a contract missing a provision is void if not amended within a
        # "reasonable time" after notice; the district decides what that is.
        SettingSpec("amend_days", "Days a contractor has to amend a contract (reasonable time)", "30",
                    required=True, kind="days"),
        SettingSpec("deletion_days", "Days a contractor has to delete data on request (reasonable time)", "30",
                    required=True, kind="days"),
        SettingSpec("contracts_website", "Address of the district's contracts web page", "", kind="link"),
        # The ADA Title II web rule's compliance date depends on it (domain/accessibility.py).
        SettingSpec("district_population", "Population of the district's town or city (ADA Title II date)", "",
                    kind="choice", choices=(("", "Not set (the earlier date applies)"),
                                            *((p.value, p.label) for p in Population))),
        SettingSpec("renewal_years", "Years before an approved tool is reviewed again (0: never)", "3",
                    required=True, kind="years"),
        SettingSpec("renewal_at_contract_expiry", "Also review a tool again when its contract expires", "yes",
                    required=True, kind="choice", choices=(("yes", "Yes"), ("no", "No"))),
    )
}


def setting_problem(key: str, value: str) -> str | None:
    spec = SETTINGS[key]
    if spec.required and not value.strip():
        return f"Enter the {spec.title.split(' (')[0].lower()}."
    if len(value) > 200:
        return "Use at most 200 characters."
    if spec.kind == "days" and value.strip():
        if not value.strip().isdecimal() or not 1 <= int(value) <= 365:  # isdecimal: "²" is a digit
            return "Enter a whole number of days from 1 to 365."
    if spec.kind == "years" and value.strip():
        if not value.strip().isdecimal() or not 0 <= int(value) <= MAX_YEARS:
            return f"Enter a whole number of years from 0 to {MAX_YEARS}."
    if spec.kind == "choice" and value.strip() not in {v for v, _ in spec.choices}:
        return "Choose one of the listed values."
    if spec.kind == "link" and value.strip():
        return link_problem(normalise_link_input(value))
    return None


def normalised_setting(key: str, value: str) -> str:
    """The value as stored: trimmed; a link gains its https:// as it was checked."""
    value = value.strip()
    return normalise_link_input(value) if SETTINGS[key].kind == "link" and value else value


def days_setting(values: dict[str, str], key: str) -> int:
    text = values.get(key, "").strip()
    return int(text) if text.isdecimal() and int(text) >= 1 else int(SETTINGS[key].default)


def renewal_years(values: dict[str, str]) -> int:
    text = values.get("renewal_years", "").strip()
    return int(text) if text.isdecimal() and int(text) <= MAX_YEARS else int(SETTINGS["renewal_years"].default)


def renewal_at_contract_expiry(values: dict[str, str]) -> bool:
    return values.get("renewal_at_contract_expiry", SETTINGS["renewal_at_contract_expiry"].default) != "no"


def amend_days(values: dict[str, str]) -> int:
    return days_setting(values, "amend_days")


def district_short(name: str) -> str:
    """The district's name without a trailing "Public Schools", so that "{district} Public Schools" (and
    its translations) never says it twice whichever way the name was typed."""
    return re.sub(r"\s*public\s+schools$", "", " ".join(name.split()), flags=re.IGNORECASE)


def district_heading(name: str, blank: str = "") -> str:
    """The form's heading: "RIVERSIDE PUBLIC SCHOOLS"; `blank` stands in for a name not set."""
    return f"{district_short(name).upper() or blank} PUBLIC SCHOOLS".strip()
