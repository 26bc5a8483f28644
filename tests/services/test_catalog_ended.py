"""The catalog lists, on request, the tools whose approval ended (a renewal not approved): with the day it
ended and no renewal date; the current list leaves them out, as before."""

from __future__ import annotations

from datetime import timedelta

from techapproval.domain.district_time import local_day
from techapproval.domain.enums import Decision
from techapproval.services import catalog
from techapproval.services.catalog import Shown
from tests.helpers import approved_resource
from tests.services.test_renewals import YEAR, backdate, decide, open_due, renewal_requests, today


def names(district, show: Shown | None = None, actor: int | None = None) -> list[tuple[str, bool]]:
    with district.db.transaction() as s:
        kwargs = {} if show is None else {"show": show}
        return [(e.name, e.ended) for e in catalog.list_catalog(s, actor or district.reviewer, **kwargs)]


def test_ended_approvals_are_listed_when_asked_with_the_day_they_ended(district):
    kahoot = approved_resource(district, resource_name="Kahoot!", resource_link="https://kahoot.com")
    approved_resource(district, resource_name="Seesaw", resource_link="https://seesaw.me")
    backdate(district, kahoot, 3 * YEAR + timedelta(days=5))
    open_due(district)
    [renewal] = renewal_requests(district, kahoot)
    decide(district, renewal.id, Decision.NOT_APPROVED, reason="The vendor will not sign the addendum.")

    assert names(district) == names(district, Shown.CURRENT) == [("Seesaw", False)]
    assert names(district, Shown.ENDED) == [("Kahoot!", True)]
    assert names(district, Shown.ALL) == [("Kahoot!", True), ("Seesaw", False)]
    assert names(district, Shown.ENDED, district.teacher) == [("Kahoot!", True)]  # teachers may know it, too
    with district.db.transaction() as s:
        [ended] = catalog.list_catalog(s, district.reviewer, show=Shown.ENDED)
        assert local_day(ended.approval_ended_at) == today() and ended.renewal_due is None
        one = catalog.get_entry(s, district.reviewer, kahoot)
        assert one.ended and one.renewal_due is None
        [current] = catalog.list_catalog(s, district.reviewer, search="seesaw", show=Shown.ALL)
        assert current.approval_ended_at is None and current.renewal_due is not None
