"""Hostile text for the property tests: any Unicode (control characters, RTL, emoji; never lone
surrogates, which no keyboard or clipboard produces), markup, formula prefixes and very long strings."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Few examples each: the folder must run in well under a minute on a shared machine. For a deeper search
# now and then: TECHAPPROVAL_PROPERTY_SCALE=20 uv run pytest tests/properties
SCALE = max(1, int(os.environ.get("TECHAPPROVAL_PROPERTY_SCALE", "1")))
_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
FAST = settings(max_examples=40 * SCALE, deadline=None, suppress_health_check=_QUIET)
SLOW = settings(max_examples=15 * SCALE, deadline=None, suppress_health_check=_QUIET)

SCRIPTS = [
    "Nguyễn Thị Ánh", "Zoë Łukasz", "Αθηνά", "Олена", "李小龙", "山田花子", "김민준",
    "مدرسة الرياض",  # Arabic, right to left
    "שלום", "\u202eevil\u202c", "\u200f\u200e", "👩🏽‍🏫📚", "e\u0301", "\ufeff", "\u00a0\u2003\u3000",
]
MARKUP = [
    "<b>", "</b>", "&amp;", "&", "<para>", "</para>", "</font>", '<font name="x">', "<br/>", "&#0;", "&lt;",
    "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "'", '"', "<!--", "]]>", "<![CDATA[",
    "javascript:alert(1)", "=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1",
]

pieces = st.one_of(st.text(max_size=30), st.sampled_from(SCRIPTS), st.sampled_from(MARKUP))
# Any text, built from runs of arbitrary Unicode, other scripts and markup.
hostile_text = st.lists(pieces, max_size=6).map("".join)
# Now and then very long: thousands of characters, or one very long unbroken word.
long_text = st.builds(lambda piece, n: piece * n, st.text(min_size=1, max_size=12), st.integers(200, 1_500))
any_text = st.one_of(hostile_text, hostile_text, hostile_text, long_text)
