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
