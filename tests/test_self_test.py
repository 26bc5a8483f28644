"""`techapproval --self-test`: every step in a temporary folder, one line each, nothing left behind."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest

from techapproval import selftest
from techapproval.__main__ import main
from techapproval.paths import HOME_ENV, data_dir

STEP_COUNT = len(selftest.STEPS)


@pytest.fixture
def temp_root(tmp_path, monkeypatch):
    """The folder tempfile hands out, to see that the self-test leaves nothing in it."""
    root = tmp_path / "temp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


def step_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if line[:1].isdigit()]


def test_every_step_passes_in_process_and_leaves_nothing(temp_root, isolated_home, capsys):
    assert main(["--self-test"]) == 0
    out = capsys.readouterr().out
    lines = step_lines(out)
    assert [line.split(". ", 1)[1].split(" ... ")[0] for line in lines] == [label for label, _ in selftest.STEPS]
    assert all(" ... ok (" in line for line in lines), out
    assert f"Self-test passed: all {STEP_COUNT} steps ok." in out
    assert list(temp_root.iterdir()) == []  # the database, the website, the home folder: all gone
    assert os.environ[HOME_ENV] == str(isolated_home)  # the person's own folders are back
    assert not data_dir().exists()  # their database was never opened, nor created


def test_a_broken_step_is_named_and_the_rest_not_run(temp_root, capsys, monkeypatch):
    from techapproval.pdf import decision

    def broken(sheet):
        raise ValueError("the renderer ran out of fonts")

    monkeypatch.setattr(decision, "render_decision_pdf", broken)
    assert main(["--self-test"]) == 1
    out = capsys.readouterr().out
    lines = step_lines(out)
    assert len(lines) == 5 and all(" ... ok (" in line for line in lines[:4])
    assert lines[4] == ("5. Render the decision PDF and read it back ... FAILED: ValueError: the renderer ran out "
                        "of fonts")
    assert "Self-test FAILED at: Render the decision PDF and read it back." in out
    assert list(temp_root.iterdir()) == []


def test_a_pdf_without_the_resource_fails_with_a_plain_reason(temp_root, capsys, monkeypatch):
    from techapproval.pdf import decision

    real = decision.render_decision_pdf
    monkeypatch.setattr(decision, "render_decision_pdf", lambda sheet: real(replace(sheet, resource_name="Other")))
    assert main(["--self-test"]) == 1
    [failed] = [line for line in step_lines(capsys.readouterr().out) if "FAILED" in line]
    assert failed.endswith(f"FAILED: the decision sheet's text does not name the resource {selftest.RESOURCE!r}")


def test_self_test_takes_no_command(capsys):
    with pytest.raises(SystemExit) as e:
        main(["--self-test", "verify-audit"])
    assert e.value.code == 2
    assert "--self-test runs on its own" in capsys.readouterr().err


def test_the_installed_command_passes_without_a_display(tmp_path):
    temp = tmp_path / "temp"
    temp.mkdir()
    script = Path(sys.executable).parent / ("techapproval.exe" if os.name == "nt" else "techapproval")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "techapproval"]
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "TECHAPPROVAL_DATABASE_URL")}
    env.update(TMPDIR=str(temp), TEMP=str(temp), TMP=str(temp), **{HOME_ENV: str(tmp_path / "home")})
    done = subprocess.run([*command, "--self-test"], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(step_lines(done.stdout)) == STEP_COUNT
    assert "Create the main window (offscreen) ... ok (Qt " in done.stdout
    assert list(temp.iterdir()) == []
    assert not (tmp_path / "home").exists()  # not even an empty log folder
