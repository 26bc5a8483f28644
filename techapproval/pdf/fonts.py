"""Bundled fonts, and Paragraph markup that never prints a glyph as an empty box.

reportlab draws a missing glyph as .notdef (an empty box), silently. Names on the form come
from staff of every background, so each character is checked against the font's cmap and
runs the main font lacks are switched to a fallback font that has them.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
OBLIQUE = "DejaVuSans-Oblique"
# Tried in order for characters DejaVu lacks. The Full file adds CJK Extension A but, unlike the
# plain one, has no Hangul syllables, so Korean names need the second file.
FALLBACKS = ("DroidSansFallbackFull", "DroidSansFallback")

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    OBLIQUE: "DejaVuSans-Oblique.ttf",
    "DroidSansFallbackFull": "DroidSansFallbackFull.ttf",
    "DroidSansFallback": "DroidSansFallback.ttf",
}

_loaded: dict[str, TTFont] = {}
_lock = threading.Lock()  # the PDF may be rendered from a worker thread


def _font(name: str) -> TTFont:
    """Load and register one bundled font on first use; the CJK files are 4 MB, so only when needed.
    A TTFont registered alone maps its own bold/italic variants to itself, so a fallback run inside
    <b> keeps the fallback face."""
    with _lock:
        if name not in _loaded:
            font = TTFont(name, str(FONTS_DIR / _FILES[name]))
            # reportlab treats fonts with the same internal face name as one font, and both Droid files
            # call themselves "DroidSansFallback": the second would print with the first one's glyphs.
            font.face.name = name.encode()
            pdfmetrics.registerFont(font)
            # Keep what reportlab will draw with (should a font of that name be registered already),
            # so that the cmap checked below is the one actually used.
            _loaded[name] = pdfmetrics.getFont(name)
        return _loaded[name]


@cache
def register_fonts() -> None:
    """Register the DejaVu family, so that <b>/<i> and the styles' fontName resolve within it."""
    for face in (REGULAR, BOLD, OBLIQUE):
        _font(face)
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=OBLIQUE, boldItalic=BOLD)


@cache
def _cmap(name: str) -> frozenset[int]:
    # Glyph 0 is .notdef: a code point mapped to it would still print as a box.
    return frozenset(cp for cp, gid in _font(name).face.charToGlyph.items() if gid)


def has_glyph(font_name: str, char: str) -> bool:
    return ord(char) in _cmap(font_name)


_VARIATION_SELECTOR = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def normalize(text: str) -> str:
    """NFC (Vietnamese typed with combining marks becomes the precomposed letters DejaVu has),
    every line break (CR LF, U+2028, ...) as "\\n", tabs as spaces, other control characters dropped
    (they are invalid in the XML markup)."""
    text = "\n".join(unicodedata.normalize("NFC", text).splitlines()).replace("\t", " ")
    return _CONTROL.sub("", text)


def _face_for(char: str, font: str) -> str | None:
    """The font to draw char with: font itself, else regular DejaVu, else the first fallback with it."""
    if has_glyph(font, char):
        return font
    for name in (REGULAR, *FALLBACKS):
        if has_glyph(name, char):
            return name
    return None


def markup(text: str, font: str = REGULAR) -> str:
    """Paragraph markup for plain user text, to be set in `font` (REGULAR, BOLD or OBLIQUE).

    Everything is XML-escaped; newlines become <br/>; runs the font lacks are wrapped in
    <font name="..."> of a font that has them. A character no bundled font has: invisible format
    characters (zero-width joiner, variation selectors, ...) are dropped, anything else prints as
    "?". A visible "?" says that something was there, where an empty box or a silent gap would not.
    """
    out: list[str] = []
    run_face: str | None = font
    run: list[str] = []

    def flush() -> None:
        if run:
            chunk = escape("".join(run))
            out.append(chunk if run_face == font else f'<font name="{run_face}">{chunk}</font>')
            run.clear()

    for char in normalize(text):
        if char == "\n":
            flush()
            out.append("<br/>")
            continue
        face = font if char == " " else _face_for(char, font)
        if face is None:
            if unicodedata.category(char) == "Cf" or _VARIATION_SELECTOR.match(char):
                continue
            char, face = "?", font
        if face != run_face:
            flush()
            run_face = face
        run.append(char)
    flush()
    return "".join(out)
