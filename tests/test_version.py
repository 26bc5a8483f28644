"""The version is written once, in pyproject.toml; everything that shows it reads it from there."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import techapproval
from techapproval.__main__ import main

ROOT = Path(__file__).resolve().parents[1]


def pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)["project"]["version"]


def test_the_package_version_is_pyprojects():
    assert techapproval.__version__ == pyproject_version()


def test_the_version_is_written_nowhere_else():
    source = (ROOT / "techapproval" / "__init__.py").read_text(encoding="utf-8")
    assert pyproject_version() not in source


def test_dash_dash_version_prints_it(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"techapproval {pyproject_version()}"


def test_an_uninstalled_source_tree_reads_pyproject(tmp_path):
    """With no package metadata to be found (PYTHONPATH=. python -m techapproval), pyproject.toml is read."""
    code = (
        "import importlib.metadata as m\n"
        "def missing(name): raise m.PackageNotFoundError(name)\n"
        "m.version = missing\n"
        "import techapproval; print(techapproval.__version__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip() == pyproject_version()


def test_other_names_are_still_missing():
    with pytest.raises(AttributeError):
        techapproval.__no_such_thing__  # noqa: B018
