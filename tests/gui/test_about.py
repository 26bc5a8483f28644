"""Help → About shows pyproject's version, the database in use and its schema version; the app has its icon."""

from __future__ import annotations

import tomllib
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from techapproval.db.schema import HEAD

from .conftest import open_main

ROOT = Path(__file__).resolve().parents[2]


def test_about_shows_the_version_from_pyproject(qtbot, signed_in, district, monkeypatch):
    with (ROOT / "pyproject.toml").open("rb") as file:
        version = tomllib.load(file)["project"]["version"]
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window = open_main(qtbot, signed_in(district.admin))
    window.show_about()
    [text] = shown
    assert f"techapproval {version}\n" in text
    assert f"Database: {district.db.location}" in text
    assert f"Schema version: {HEAD}" in text


def test_the_application_carries_the_version_and_icon(qapp, qtbot, signed_in, district):
    from techapproval import __version__
    from techapproval.gui.app import application, carry_version

    app = application()
    assert app is qapp
    app.setApplicationVersion("")
    window = open_main(qtbot, signed_in(district.teacher))
    carry_version(app, window)  # as run_gui does once the window shows: read once it has painted
    window.update()
    qtbot.waitUntil(lambda: app.applicationVersion() == __version__, timeout=3000)
    icon = app.windowIcon()
    assert not icon.isNull()
    sizes = {(size.width(), size.height()) for size in icon.availableSizes()}
    assert {(16, 16), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)} <= sizes


def test_the_window_matches_its_desktop_entry(qapp):
    from techapproval.gui.app import APP_ID, application

    assert application().desktopFileName() == APP_ID
    assert (ROOT / "packaging" / "linux" / f"{APP_ID}.desktop").is_file()
    assert (ROOT / "packaging" / "linux" / f"{APP_ID}.metainfo.xml").is_file()


def test_the_icon_pngs_are_rendered_from_the_svg_master(qapp):
    """After a change to techapproval.svg: uv run python packaging/render_icons.py, and commit the PNGs."""
    import importlib.util

    from PySide6.QtGui import QImage

    spec = importlib.util.spec_from_file_location("render_icons", ROOT / "packaging" / "render_icons.py")
    render_icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(render_icons)
    for size in render_icons.SIZES:
        fresh = render_icons.render(size).convertToFormat(QImage.Format.Format_ARGB32)
        saved = QImage(str(render_icons.png_path(size))).convertToFormat(QImage.Format.Format_ARGB32)
        assert saved.size() == fresh.size()
        a, b = bytes(fresh.constBits()), bytes(saved.constBits())
        assert max(abs(x - y) for x, y in zip(a, b, strict=True)) <= 2, f"{size} px PNG is stale"
