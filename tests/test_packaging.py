"""Packaging: the Linux desktop files and icons (always), and the PyInstaller build (on request, it takes minutes).

    TECHAPPROVAL_TEST_PACKAGING=1 uv run pytest tests/test_packaging.py      builds dist/techapproval, then checks it
    TECHAPPROVAL_TEST_PACKAGING=reuse uv run pytest tests/test_packaging.py  checks the build already in dist/ (if any)

The validators come from Debian's packages appstream (appstreamcli) and desktop-file-utils
(desktop-file-validate); without them those two tests are skipped. The xcb check needs xvfb.
"""

from __future__ import annotations

import faulthandler
import os
import shutil
import signal
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from techapproval.db.schema import REVISIONS

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "io.github.techapproval.TechApproval"
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "resources" / "icons"
ICON_SIZES = (16, 32, 48, 64, 128, 256)

PACKAGING_ENV = "TECHAPPROVAL_TEST_PACKAGING"
DIST = ROOT / "dist" / "techapproval"
EXECUTABLE = DIST / "techapproval"
INTERNAL = DIST / "_internal"
SIZE_BUDGET_MB = 260  # about 200 today: a jump means something big came in with a dependency


def project() -> dict:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)["project"]


def desktop_entry() -> dict[str, str]:
    lines = DESKTOP.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line and not line.startswith("#"))


# The desktop files and icons ---------------------------------------------------------------------------------


def test_desktop_entry_names_the_app_and_its_icon():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "techapproval"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert set(entry["Categories"].rstrip(";").split(";")) == {"Office", "Education"}


def test_metainfo_agrees_with_pyproject_and_the_desktop_entry():
    component = ET.parse(METAINFO).getroot()
    meta = project()
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ID
    assert component.findtext("project_license") == meta["license"]
    assert component.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert component.findtext("provides/binary") == next(iter(meta["scripts"]))
    assert {c.text for c in component.iterfind("categories/category")} == {"Office", "Education"}
    assert component.find("content_rating[@type='oars-1.1']") is not None
    newest = component.find("releases/release")
    assert newest is not None and newest.get("version") == meta["version"], (
        f"pyproject.toml says {meta['version']}: add a <release> for it at the top of {METAINFO.name}")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-validate not installed "
                    "(Debian package desktop-file-utils)")
def test_desktop_entry_validates():
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    # Hints (Office and Education are both main categories, as wanted) are not errors.
    problems = [line for line in result.stdout.splitlines() if ": error:" in line or ": warning:" in line]
    assert result.returncode == 0 and not problems, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="appstreamcli not installed (Debian package appstream)")
def test_metainfo_validates():
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    # Infos are fine: appstream 0.16 (Debian 12) does not know <developer> yet, which 1.0 asks for.
    assert not [line for line in result.stdout.splitlines() if line[:2] in ("E:", "W:")], result.stdout


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_icons_at_every_size_and_the_svg_master():
    for size in ICON_SIZES:
        assert png_size(ICONS / f"techapproval-{size}.png") == (size, size)
    svg = ET.parse(ICONS / "techapproval.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg" and svg.get("viewBox") == "0 0 256 256"


# The third-party notices --------------------------------------------------------------------------------------


def notices_module():
    """packaging/notices.py, loaded by path: a module named `packaging` would be the PyPI one."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("techapproval_notices", ROOT / "packaging" / "notices.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_notices_name_every_runtime_distribution_with_its_licence_text():
    notices = notices_module()
    items = {n.name.lower().replace("_", "-"): n for n in notices.notices()}
    requirements = project()["dependencies"]
    for requirement in requirements:  # each direct dependency, by its name without extras or versions
        name = requirement.split("[")[0].split(">")[0].split("=")[0].split("!")[0].split("<")[0].strip().lower()
        assert name in items, f"{name} is bundled but not in the notices"
    for name, licence in (("pyside6-essentials", "LGPL-3.0"), ("sqlalchemy", "MIT"), ("reportlab", "BSD"),
                          ("shiboken6", "LGPL-3.0"), ("psycopg", "LGPL-3.0"), ("psycopg-binary", "LGPL-3.0")):
        notice = items[name]
        assert licence in notice.licence, (name, notice.licence)
        assert notice.version and notice.texts, f"{name}: no version or no licence text"
        assert all(text.strip() for text in notice.texts.values()), f"{name}: an empty licence text"
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in "".join(items["pyside6-essentials"].texts.values())
    assert "download.qt.io" in items["pyside6-essentials"].note  # where Qt's source is
    assert "pyinstaller" in items and "python" in items  # the bootloader and the interpreter ship too
    assert "techapproval" not in items
    for font_licence in (ROOT / "resources" / "fonts").glob("LICENSE-*.txt"):
        assert any(f"resources/fonts/{font_licence.name}" in n.texts for n in items.values()), font_licence.name
    text = notices.render(list(items.values()))
    assert text.count("\n" + "=" * 100 + "\n") == len(items)


def test_notices_list_a_distribution_without_licence_files_and_say_so():
    notices = notices_module()
    bare = notices.Notice("example-dist", "1.0", "not stated in its metadata")
    text = notices.render([bare])
    assert "example-dist 1.0" in text and "ships no licence file" in text


# The PyInstaller build ----------------------------------------------------------------------------------------

packaging = pytest.mark.skipif(os.environ.get(PACKAGING_ENV) not in ("1", "reuse"),
                               reason=f"builds the packaged app (minutes): set {PACKAGING_ENV}=1, or =reuse")


@pytest.fixture(scope="module")
def built() -> Path:
    if os.environ.get(PACKAGING_ENV) == "reuse" and EXECUTABLE.is_file():
        return EXECUTABLE
    faulthandler.cancel_dump_traceback_later()  # the build outlasts faulthandler_timeout, and is not stuck
    result = subprocess.run(["bash", str(ROOT / "packaging" / "build.sh"), "--no-check"], cwd=ROOT,
                            capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, f"the build failed:\n{result.stdout[-4000:]}\n{result.stderr[-8000:]}"
    assert EXECUTABLE.is_file()
    return EXECUTABLE


def run_app(app: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}
    environment.pop("TECHAPPROVAL_DATABASE_URL", None)
    return subprocess.run([str(app), *args], capture_output=True, text=True, timeout=300, env=environment)


@packaging
def test_the_packaged_app_passes_its_self_test(built):
    result = run_app(built, "--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Self-test passed" in result.stdout


@packaging
def test_the_packaged_app_shows_pyprojects_version(built):
    result = run_app(built, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"techapproval {project()['version']}"


@packaging
def test_the_packaged_command_line_works(built, tmp_path):
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    help_text = run_app(built, "--database", url, "print-decision", "--help")
    assert help_text.returncode == 0 and "usage: techapproval print-decision" in help_text.stdout
    seeded = run_app(built, "--database", url, "seed-demo")
    assert seeded.returncode == 0, seeded.stdout + seeded.stderr
    # Two worker processes: each is the frozen executable again, started with "spawn".
    out = tmp_path / "sheets"
    batch = run_app(built, "--database", url, "print-decisions", "--from", "2000-01-01", "--to", "2099-12-31",
                    "-o", str(out), "--jobs", "2")
    assert batch.returncode == 0, batch.stdout + batch.stderr
    sheets = sorted(out.glob("decision-*.pdf"))
    assert sheets and all(sheet.read_bytes().startswith(b"%PDF-") for sheet in sheets)
    site = run_app(built, "--database", url, "export-website", str(tmp_path / "site"))
    assert site.returncode == 0 and (tmp_path / "site" / "index.html").is_file(), site.stdout + site.stderr


@packaging
def test_the_packaged_app_has_the_postgresql_driver(built):
    # Nothing listens on the discard port: the driver must load and then fail to connect, in plain words.
    result = run_app(built, "--database", "postgresql+psycopg://nobody@127.0.0.1:9/none", "verify-audit")
    assert result.returncode == 1
    assert "Cannot reach the database server" in result.stderr, result.stderr
    assert "No module named" not in result.stderr


@packaging
def test_the_bundle_holds_what_is_loaded_by_path_and_leaves_out_unused_qt(built):
    versions = sorted(p.name for p in (INTERNAL / "techapproval" / "db" / "migrations" / "versions").glob("*.py"))
    assert [name[:4] for name in versions] == list(REVISIONS)
    assert (INTERNAL / "techapproval" / "db" / "migrations" / "env.py").is_file()
    assert list(INTERNAL.glob("techapproval-*.dist-info/METADATA"))
    for font in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DroidSansFallbackFull.ttf",
                 "DroidSansFallback.ttf"):
        assert (INTERNAL / "resources" / "fonts" / font).is_file()
    assert (INTERNAL / "resources" / "icons" / "techapproval-256.png").is_file()
    assert (INTERNAL / "resources" / "letters" / "es.json").is_file()
    assert (INTERNAL / "resources" / "policy" / "policy-3520.13.txt").is_file()  # Help: the policy's text
    assert (INTERNAL / "reportlab" / "fonts").is_dir()
    plugins = INTERNAL / "PySide6" / "Qt" / "plugins"
    assert {p.name for p in (plugins / "platforms").iterdir()} == {"libqxcb.so", "libqoffscreen.so"}
    # What xcb needs beyond libxcb itself, which Qt 6 wants and many desktops lack (libxcb-cursor0 above all):
    # present only when the build machine had them installed.
    for lib in ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-image.so.0", "libxcb-keysyms.so.1",
                "libxcb-render-util.so.0", "libxkbcommon-x11.so.0"):
        assert (INTERNAL / lib).exists(), f"{lib} is not bundled: install it on the build machine"
    for unused in ("libQt6Svg.so.6", "libQt6Network.so.6", "libQt6WaylandClient.so.6", "libQt6Qml.so.6",
                   "libcups.so.2", "libgtk-3.so.0"):
        assert not list(INTERNAL.rglob(unused)), f"{unused} should have been left out"
    assert not [p for p in INTERNAL.rglob("*") if p.is_symlink() and not p.exists()], "dangling symlinks"
    size_mb = sum(p.stat().st_size for p in DIST.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20
    assert size_mb < SIZE_BUDGET_MB, f"dist/techapproval is {size_mb:.0f} MB"


@packaging
def test_the_bundle_ships_the_third_party_notices(built):
    text = (DIST / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    for name in ("PySide6_Essentials", "shiboken6", "SQLAlchemy", "reportlab", "alembic", "argon2-cffi", "psycopg",
                 "platformdirs", "holidays", "pypdfium2", "pillow"):
        assert f"\n{name} " in text, f"{name} is not in THIRD-PARTY-NOTICES.txt"
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text and "download.qt.io" in text
    assert "resources/fonts/LICENSE-DejaVu.txt" in text


@packaging
@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb not installed (Debian package xvfb)")
def test_the_packaged_app_opens_on_x11(built, tmp_path):
    """The real desktop path: the xcb platform plugin loads with the bundled libraries and the first window shows."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            display = pipe.readline().strip()
        assert display, "Xvfb did not start"
        environment = {**os.environ, "DISPLAY": f":{display}", "QT_QPA_PLATFORM": "xcb",
                       "TECHAPPROVAL_DATABASE_URL": f"sqlite:///{tmp_path / 'x11.db'}"}
        app = subprocess.Popen([str(built)], env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
        try:
            app.wait(timeout=8)  # the setup dialog waits for a person: still running means it opened
            pytest.fail(f"the app ended on X11 (status {app.returncode}):\n{app.stderr.read()}")
        except subprocess.TimeoutExpired:
            pass
        finally:
            if app.poll() is None:
                app.send_signal(signal.SIGTERM)
                app.wait(timeout=10)
        assert (tmp_path / "x11.db").is_file()  # it got as far as opening the database
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
