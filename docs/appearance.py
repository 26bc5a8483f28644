"""Screenshots of the main screens in a dark palette, in high contrast and at 200% scale: docs/images/appearance/.

    uv run python docs/appearance.py                    # every mode, into docs/images/appearance/
    uv run python docs/appearance.py dark scale2        # some of them
    uv run python docs/appearance.py --out DIR dark     # somewhere else

The modes (see docs/accessibility.md):
    dark      Fusion style and a dark QPalette, the way a desktop's dark theme reaches a Qt app
    contrast  Fusion style and a high-contrast palette: white text on black, yellow selection and links
    scale2    QT_SCALE_FACTOR=2 (set before QApplication is built), the window sized for a 1920×1080 screen at
              200% (960×540 logical pixels): what is cut off there is cut off for its users

Each mode runs in its own process (the scale factor can only be set before Qt starts), on a fresh demo
database, as docs/screenshots.py does. The screens: the request form, the review queue, a decided request,
the contracts page and the deadlines page, each the window alone. PNGs are written with the highest zlib
level; pictures at 200% are twice as large in pixels, as a person at that scale sees them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from screenshots import FONT_POINTS, _Row, settle, techapproval  # noqa: E402 - beside this file

MODES = ("dark", "contrast", "scale2")
SIZE = (1200, 760)  # as docs/screenshots.py
SCALED_SIZE = (960, 540)  # a 1920×1080 screen at 200%, in logical pixels


def dark_palette():
    """A dark palette with every role set, as a desktop's dark theme (KDE Breeze Dark, GNOME's dark style
    through the portal) gives it to Qt, disabled colours included."""
    from PySide6.QtGui import QColor, QPalette

    role, group = QPalette.ColorRole, QPalette.ColorGroup
    palette = QPalette()
    colours = {
        role.Window: "#2b2b2b", role.WindowText: "#eeeeee", role.Base: "#1e1e1e", role.AlternateBase: "#262626",
        role.ToolTipBase: "#3a3a3a", role.ToolTipText: "#eeeeee", role.PlaceholderText: "#a0a0a0",
        role.Text: "#eeeeee", role.Button: "#353535", role.ButtonText: "#eeeeee", role.BrightText: "#ff6b6b",
        role.Light: "#505050", role.Midlight: "#404040", role.Mid: "#2a2a2a", role.Dark: "#1a1a1a",
        role.Shadow: "#000000", role.Highlight: "#3d7fd9", role.HighlightedText: "#ffffff",
        role.Link: "#8ab4f8", role.LinkVisited: "#c58af9",
    }
    for r, colour in colours.items():
        palette.setColor(r, QColor(colour))
    for r in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, r, QColor("#8a8a8a"))
    palette.setColor(group.Disabled, role.Base, QColor("#2b2b2b"))
    palette.setColor(group.Disabled, role.Highlight, QColor("#505050"))
    return palette


def contrast_palette():
    """High contrast: black and white, yellow for the selection, links and focus."""
    from PySide6.QtGui import QColor, QPalette

    role, group = QPalette.ColorRole, QPalette.ColorGroup
    black, white, yellow = QColor("#000000"), QColor("#ffffff"), QColor("#ffff00")
    palette = QPalette()
    for r in (role.Window, role.Base, role.AlternateBase, role.Button, role.ToolTipBase, role.Shadow,
              role.Dark, role.Mid):
        palette.setColor(r, black)
    for r in (role.WindowText, role.Text, role.ButtonText, role.ToolTipText, role.BrightText, role.Light,
              role.Midlight):
        palette.setColor(r, white)
    palette.setColor(role.Highlight, yellow)
    palette.setColor(role.HighlightedText, black)
    palette.setColor(role.Link, yellow)
    palette.setColor(role.LinkVisited, yellow)
    grey_text = QColor("#3ff23f")  # "GrayText" of Windows' High Contrast Black: disabled text and placeholders
    palette.setColor(role.PlaceholderText, grey_text)
    for r in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, r, grey_text)
    return palette


def small(path: Path) -> None:
    """The PNG in 256 colours (Pillow, which reportlab brings), when that is smaller: a third of the size, and
    text in a screenshot has few colours anyway."""
    try:
        from PIL import Image
    except ImportError:
        return
    packed = path.with_suffix(".small.png")
    with Image.open(path) as image:
        image.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT).save(packed, optimize=True)
    if packed.stat().st_size < path.stat().st_size:
        packed.replace(path)
    else:
        packed.unlink()


def main(modes: list[str], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for mode in modes:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        env.pop("QT_SCALE_FACTOR", None)
        if mode == "scale2":
            env["QT_SCALE_FACTOR"] = "2"
        print(f"{mode}:")
        sys.stdout.flush()
        subprocess.run([sys.executable, __file__, "--child", mode, str(out)], env=env, check=True)


def child(mode: str, out: Path) -> None:
    work = Path(tempfile.mkdtemp(prefix="techapproval-appearance-"))
    os.environ["TECHAPPROVAL_HOME"] = str(work / "home")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    url = f"sqlite:///{work / 'demo.db'}"
    try:
        techapproval(url, "seed-demo")
        shoot(mode, url, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def shoot(mode: str, url: str, out: Path) -> None:
    from PySide6.QtGui import QFont, QImageWriter
    from sqlalchemy import select

    from techapproval.db.database import open_database
    from techapproval.db.models import Person, Request
    from techapproval.domain.enums import Grade, InfoCategory
    from techapproval.gui.app import application
    from techapproval.gui.context import AppContext
    from techapproval.gui.main_window import MainWindow
    from techapproval.services import people

    qt = application()
    font = QFont(qt.font())
    font.setPointSize(FONT_POINTS)
    qt.setFont(font)
    if mode in ("dark", "contrast"):
        qt.setStyle("Fusion")
        qt.setPalette(dark_palette() if mode == "dark" else contrast_palette())
    size = SCALED_SIZE if mode == "scale2" else SIZE
    db = open_database(url)

    def signed_in(email: str) -> AppContext:
        with db.transaction() as s:
            ctx = AppContext(db, people.get_person(s, s.scalar(select(Person.id).where(Person.email == email))))
        ctx.reload_settings()
        return ctx

    def request_id(name: str) -> int:
        with db.transaction() as s:
            return s.scalar(select(Request.id).where(Request.resource_name == name))

    def save(widget, name: str) -> None:
        settle(qt)
        path = out / f"{mode}-{name}.png"
        writer = QImageWriter(str(path), b"png")
        writer.setQuality(0)  # Qt's PNG "quality" is the inverse of the compression level: 0 packs the most
        writer.write(widget.grab().toImage())
        small(path)
        print(f"  {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")

    def main_window(ctx: AppContext) -> MainWindow:
        window = MainWindow(ctx)
        window.poll_timer.stop()
        window.resize(*size)
        window.show()
        settle(qt)
        return window

    def request_window(parent: MainWindow, rid: int | None):
        window = parent.new_request() if rid is None else parent.open_request(_Row(rid))
        window.resize(*size)
        settle(qt)
        return window

    teacher = signed_in("anh.nguyen@riverside.example")
    home = main_window(teacher)
    form_window = request_window(home, None)
    form = form_window.form
    form.grade_boxes[Grade.G3].setChecked(True)
    form.resource_name.setText("Epic")
    form.resource_description.setPlainText("A digital library of children's books, audiobooks and read-to-me books.")
    form.resource_link.setText("https://www.getepic.com")
    form.info_boxes[InfoCategory.FULL_NAME].setChecked(True)
    save(form_window, "request-form")
    form_window.close()
    home.close()

    reviewer = signed_in("rosa.martinez@riverside.example")
    home = main_window(reviewer)
    home.tabs.setCurrentWidget(home.queue_page)
    save(home, "queue")
    decided = request_window(home, request_id("FreeGamesNow"))
    save(decided, "decided-request")
    decided.close()
    for page, name in ((home.contracts_page, "contracts"), (home.deadlines_page, "deadlines")):
        home.tabs.setCurrentWidget(page)
        save(home, name)
    home.close()


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--child"]:
        child(args[1], Path(args[2]))
        sys.stdout.flush()
        os._exit(0)  # no Qt teardown: the pictures are saved
    out = HERE / "images" / "appearance"
    if args[:1] == ["--out"]:
        out, args = Path(args[1]).resolve(), args[2:]
    unknown = [a for a in args if a not in MODES]
    if unknown:
        sys.exit(f"unknown mode {unknown[0]!r}: choose from {', '.join(MODES)}")
    started = time.perf_counter()
    main(args or list(MODES), out)
    print(f"done in {time.perf_counter() - started:.1f} s")
