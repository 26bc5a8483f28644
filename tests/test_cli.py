"""The command line, run through the same entry point as the installed `techapproval` script."""

import hashlib
import io
import sqlite3

import pytest
from pypdf import PdfReader
from sqlalchemy import create_engine, text

from techapproval import __version__
from techapproval.__main__ import main


@pytest.fixture
def url(db_url) -> str:
    """The test's database (a SQLite file, or a database on the test server), not yet created."""
    return db_url


def request_id(url: str, name: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT id FROM request WHERE resource_name = :name"), {"name": name}).scalar_one()
    finally:
        engine.dispose()


def test_seed_demo_prints_the_sign_ins_and_refuses_a_second_time(url, capsys):
    assert main(["--database", url, "seed-demo"]) == 0
    out = capsys.readouterr().out
    for email in ("admin@riverside.example", "rosa.martinez@riverside.example", "li.wei@riverside.example"):
        assert email in out
    assert "demo-password-2026" in out and "Nguyễn Thị Ánh" in out

    assert main(["--database", url, "seed-demo"]) == 1
    captured = capsys.readouterr()
    assert "Demo data is already here" in captured.err and captured.out == ""


def test_print_decision_writes_a_pdf(url, tmp_path, capsys):
    main(["--database", url, "seed-demo"])
    target = tmp_path / "out" / "decision.pdf"
    target.parent.mkdir()
    target.write_bytes(b"an older file, replaced whole")
    rid = request_id(url, "Kahoot!")
    assert main(["--database", url, "print-decision", str(rid), "-o", str(target)]) == 0
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Kahoot!" in text and "Approved for use" in text
    assert [p.name for p in target.parent.iterdir()] == ["decision.pdf"]  # no temporary file left behind


def test_print_decision_to_stdout_as_the_requester(url, capsysbinary):
    main(["--database", url, "seed-demo"])
    rid = request_id(url, "Canva for Education")
    capsysbinary.readouterr()
    assert main(["--database", url, "print-decision", str(rid), "-o", "-", "--as", "Zoe.Lukasz@riverside.example"]) == 0
    pdf = capsysbinary.readouterr().out
    assert pdf.startswith(b"%PDF")
    assert "Canva for Education" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


@pytest.mark.parametrize(
    ("resource", "acting_as", "message"),
    [
        (None, [], "Request 999 does not exist"),
        ("Quizlet", ["--as", "nobody@riverside.example"], "Nobody with the email address"),
        ("Quizlet", ["--as", "anh.nguyen@riverside.example"], "only see your own requests"),
        ("Book Creator", [], "still a draft"),
    ],
)
def test_print_decision_refusals(url, tmp_path, capsys, resource, acting_as, message):
    main(["--database", url, "seed-demo"])
    capsys.readouterr()
    rid = request_id(url, resource) if resource else 999
    target = tmp_path / "x.pdf"
    assert main(["--database", url, "print-decision", str(rid), "-o", str(target), *acting_as]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not target.exists()


def test_print_decision_on_a_database_without_setup(url, tmp_path, capsys):
    assert main(["--database", url, "print-decision", "1", "-o", str(tmp_path / "x.pdf")]) == 1
    assert "no active administrator" in capsys.readouterr().err


def test_a_file_that_is_not_a_database_is_left_alone(tmp_path, capsys):
    path = tmp_path / "x.db"
    path.write_bytes(b"hello")
    assert main(["--database", f"sqlite:///{path}", "seed-demo"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("techapproval: Not a database:") and "not a techapproval database" in err
    assert path.read_bytes() == b"hello"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("x.db")] == ["x.db"]  # no -wal, -journal


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path, capsys):
    """About the file's bytes: on SQLite whatever the test server (tests/migrations covers the server)."""
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    main(["--database", url, "seed-demo"])
    path = url.removeprefix("sqlite:///")
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    capsys.readouterr()
    assert main(["--database", url, "print-decision", "1", "-o", "-"]) == 1
    assert "newer version" in capsys.readouterr().err
    assert hashlib.sha256(open(path, "rb").read()).hexdigest() == digest


def test_version(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"techapproval {__version__}"


def test_missing_output_is_an_argparse_error(url, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--database", url, "print-decision", "1"])
    assert exited.value.code == 2
    assert "-o/--output" in capsys.readouterr().err


def test_an_unexpected_error_is_a_plain_message_and_a_data_free_log(url, capsys, monkeypatch):
    from techapproval import cli
    from techapproval.paths import log_dir

    def broken(args):
        raise RuntimeError("Nguyễn Thị Ánh, case 504-2026-017")

    monkeypatch.setitem(cli.COMMANDS, "seed-demo", broken)
    assert main(["--database", url, "seed-demo"]) == 1
    err = capsys.readouterr().err
    assert "unexpected problem" in err and "RuntimeError" in err
    assert "Traceback" not in err and "Nguyễn" not in err
    log = (log_dir() / "errors.log").read_text(encoding="utf-8")
    assert "builtins.RuntimeError" in log and "Nguyễn" not in log and "504-2026" not in log
