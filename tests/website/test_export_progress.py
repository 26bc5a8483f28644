"""The website export tells its progress and stops on request before any page changes."""

import pytest

from techapproval.services import contracts as svc
from techapproval.services.website import website_data
from techapproval.website.export import ExportCancelled, export_website
from tests.website import build_registry


def export(district, outdir, **kw):
    with district.db.transaction() as s:
        data = website_data(s, district.reviewer)
        return export_website(data, outdir, lambda cid: svc.document_content(s, district.reviewer, cid), **kw)


def test_progress_counts_every_file(district, tmp_path):
    build_registry(district)
    seen = []
    result = export(district, tmp_path / "site", progress=lambda done, total: seen.append((done, total)))
    total = result.documents + 4  # the documents, then contracts.csv, contracts.json, index.html, resources.html
    assert seen == [(n, total) for n in range(total + 1)]


def test_cancel_leaves_the_earlier_pages_as_they_were(district, tmp_path):
    build_registry(district)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the site published last week")
    with pytest.raises(ExportCancelled):
        export(district, site, cancelled=lambda: True)
    assert (site / "index.html").read_text() == "the site published last week"
    assert not (site / "contracts.csv").exists()
