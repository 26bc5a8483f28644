"""Every district setting, declared once with its default and its title."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SettingSpec:
    key: str
    title: str
    default: str
    required: bool = False


SETTINGS: dict[str, SettingSpec] = {
    s.key: s
    for s in (
        SettingSpec("district_name", "District name (as in \u201c___ PUBLIC SCHOOLS\u201d)", "", required=True),
        SettingSpec("town", "Town", "", required=True),
        SettingSpec("approver_title", "Approver title", "Technology Coordinator/Principal", required=True),
    )
}


def setting_problem(key: str, value: str) -> str | None:
    spec = SETTINGS[key]
    if spec.required and not value.strip():
        return f"Enter the {spec.title.split(' (')[0].lower()}."
    if len(value) > 200:
        return "Use at most 200 characters."
    return None
