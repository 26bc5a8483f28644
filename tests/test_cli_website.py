"""`techapproval export-website`: the public contracts website from the command line."""

import json
import os
import subprocess
import sys
from datetime import date

import pytest

from techapproval.__main__ import main
from techapproval.services import contracts as svc
from tests.website import D, build_registry


@pytest.fixture
def registry(district):
    return build_registry(district)


def posted(district, *contract_ids) -> list[date | None]:
    with district.db.transaction() as s:
        return [svc.get_contract(s, district.admin, cid).form.notice_posted_on for cid in contract_ids]


def test_export_writes_the_site_and_changes_nothing_in_the_database(district, registry, db_url, tmp_path, capsys):
    outdir = tmp_path / "public" / "site"  # made as needed
    assert main(["--database", db_url, "export-website", str(outdir)]) == 0
    out = capsys.readouterr().out
    assert f"Wrote the contracts website to {outdir}: 5 contract(s), 1 document(s), 2 approved resource(s)" in out
    assert {p.name for p in outdir.iterdir()} == {"index.html", "resources.html", "contracts.csv", "contracts.json",
                                                  "documents"}
    assert [c["title"] for c in json.loads((outdir / "contracts.json").read_text("utf-8"))][-1] == "李小龙 DPA"
    assert posted(district, registry.first, registry.second, registry.void) == [D("2026-02-03"), None, None]


def test_anyone_signed_in_may_export(district, registry, db_url, tmp_path, capsys):
    assert main(["--database", db_url, "export-website", str(tmp_path / "site"), "--as",
                 "Teacher@Riverside.example"]) == 0
    assert (tmp_path / "site" / "index.html").is_file()


def test_record_posted_dates_the_contracts_without_a_notice(district, registry, db_url, tmp_path, capsys):
    args = ["--database", db_url, "export-website", str(tmp_path / "site"), "--record-posted",
            "--as", "reviewer@riverside.example"]
    assert main(args) == 0
    out = capsys.readouterr().out
    today = date.today()
    assert f"Recorded the website notice as posted on {today.isoformat()} for:" in out
    assert "李小龙 Software \u2014 李小龙 DPA (executed 2025-01-06; no signed document attached yet" in out
    assert "Zoë Łukasz Learning \u2014 Zoë's agreement (executed 2026-01-05)\n" in out
    assert "\u2014 First" not in out  # it was posted already
    ids = (registry.first, registry.second, registry.untitled, registry.zoe_contract, registry.void)
    assert posted(district, *ids) == [D("2026-02-03"), today, today, today, today]

    assert main(args) == 0  # a second time there is nothing left to record
    assert "nothing was recorded" in capsys.readouterr().out
    assert posted(district, *ids) == [D("2026-02-03"), today, today, today, today]


def test_a_requester_may_not_record_posted(district, registry, db_url, tmp_path, capsys):
    outdir = tmp_path / "site"
    assert main(["--database", db_url, "export-website", str(outdir), "--record-posted",
                 "--as", "teacher@riverside.example"]) == 1
    err = capsys.readouterr().err
    assert "only a reviewer or an administrator" in err and "Traceback" not in err
    assert not outdir.exists()  # refused before anything was written
    assert posted(district, registry.second, registry.void) == [None, None]


@pytest.mark.parametrize(
    ("where", "message"),
    [("a-file", "is a file, not a folder"), ("a-file/site", "Cannot write the website to")],
)
def test_an_unwritable_folder_is_a_plain_error(district, registry, db_url, tmp_path, capsys, where, message):
    (tmp_path / "a-file").write_text("not a folder")
    assert main(["--database", db_url, "export-website", str(tmp_path / where), "--record-posted"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("techapproval: ") and message in err and "Traceback" not in err
    assert (tmp_path / "a-file").read_text() == "not a folder"
    assert posted(district, registry.second) == [None]


def test_an_unknown_person_is_refused(district, db_url, tmp_path, capsys):
    assert main(["--database", db_url, "export-website", str(tmp_path / "site"), "--as", "nobody@x.example"]) == 1
    assert "Nobody with the email address nobody@x.example" in capsys.readouterr().err
    assert not (tmp_path / "site").exists()


def test_the_same_bytes_whatever_the_hash_seed(district, registry, db_url, tmp_path):
    """Sets and dicts iterate in a per-process order for strings: two processes with different seeds
    must still write identical files."""
    outputs = []
    for seed in ("1", "2"):
        outdir = tmp_path / f"site-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-m", "techapproval", "--database", db_url, "export-website",
                               str(outdir)], env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        outputs.append({p.relative_to(outdir).as_posix(): p.read_bytes() for p in outdir.rglob("*") if p.is_file()})
    assert outputs[0] == outputs[1] and len(outputs[0]) == 5
