"""Two administrators changing the district settings: nobody's change is overwritten unseen."""

from __future__ import annotations

import pytest

from techapproval.services import settings
from techapproval.services.errors import Conflict


def update(district, values, read_as=None):
    with district.db.transaction() as s:
        return settings.update_settings(s, district.admin, values, read_as)


def test_a_setting_changed_since_it_was_read_is_not_overwritten(district):
    before = update(district, {})
    update(district, {"approver_title": "Principal"}, {"approver_title": before["approver_title"]})
    with pytest.raises(Conflict, match="Approver title: \u201cPrincipal\u201d"):
        update(district, {"approver_title": "Director"}, {"approver_title": before["approver_title"]})
    assert update(district, {})["approver_title"] == "Principal"
    # Read again (as the message told them), the second administrator may replace it.
    assert update(district, {"approver_title": "Director"}, {"approver_title": "Principal"})["approver_title"] == \
        "Director"


def test_different_settings_and_the_same_new_value_do_not_conflict(district):
    before = update(district, {})
    update(district, {"town": "Riverdale"}, {"town": before["town"]})
    saved = update(district, {"amend_days": "45"}, {"amend_days": before["amend_days"]})
    assert (saved["town"], saved["amend_days"]) == ("Riverdale", "45")
    assert update(district, {"town": "Riverdale"}, {"town": before["town"]})["town"] == "Riverdale"


def test_the_population_setting_picks_the_ada_compliance_date(district):
    from datetime import date

    from techapproval.services.compliance_context import compliance_context

    def ada_due():
        with district.db.transaction() as s:
            return compliance_context(s).ada_due

    assert ada_due() == date(2027, 4, 26)  # not set yet: the earlier date, never a later one than may apply
    update(district, {"district_population": "under_50000"})
    assert ada_due() == date(2028, 4, 26)
    update(district, {"district_population": "special_district"})
    assert ada_due() == date(2028, 4, 26)
    update(district, {"district_population": "50000_or_more"})
    assert ada_due() == date(2027, 4, 26)


@pytest.mark.parametrize(("key", "value", "message"), [
    ("district_population", "lots", "Choose one of the listed values."),
    ("renewal_years", "11", "from 0 to 10"),
    ("renewal_years", "-1", "from 0 to 10"),
    ("renewal_years", "", "Enter the years before an approved tool is reviewed again."),
    ("renewal_at_contract_expiry", "maybe", "Choose one of the listed values."),
])
def test_choice_and_year_settings_refuse_other_values(district, key, value, message):
    from techapproval.services.errors import Invalid

    with pytest.raises(Invalid) as refused:
        update(district, {key: value})
    assert message in refused.value.errors[key]


def test_renewal_settings_reach_the_compliance_context(district):
    from techapproval.services.compliance_context import compliance_context

    update(district, {"renewal_years": "0", "renewal_at_contract_expiry": "no"})
    with district.db.transaction() as s:
        ctx = compliance_context(s)
    assert (ctx.renewal_years, ctx.renewal_at_expiry) == (0, False)
