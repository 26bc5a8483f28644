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

from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

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
            font.face.__class__ = _SubsetCachingFace
            # reportlab treats fonts with the same internal face name as one font, and both Droid files
            # call themselves "DroidSansFallback": the second would print with the first one's glyphs.
            font.face.name = name.encode()
            pdfmetrics.registerFont(font)
            # Keep what reportlab will draw with (should a font of that name be registered already),
            # so that the cmap checked below is the one actually used.
            _loaded[name] = pdfmetrics.getFont(name)
        return _loaded[name]


class _SubsetCachingFace(TTFontFace):
    """reportlab builds and compresses a subset of each font for every PDF: a third of a decision sheet's
    time. Subset 0 holds all of ASCII plus the other characters in the order they first appear, and on most
    sheets those are the same few (☐ ☒ · • —), so the subset's bytes, and its compressed bytes, are kept
    and reused for the next PDF that needs exactly the same subset."""

    KEEP = 64  # subsets per font, about 55 KB each: a district's names and texts make a few dozen

    def makeSubset(self, subset: list[int]) -> bytes:
        cache = self.__dict__.setdefault("_subsets", {})
        key = tuple(subset)
        data = cache.get(key)
        if data is None:
            data = super().makeSubset(subset)
            if len(cache) >= self.KEEP:
                cache.pop(next(iter(cache)), None)  # the oldest
            cache[key] = data
        return data

    def addSubsetObjects(self, doc, fontname, subset):
        ref = super().addSubsetObjects(doc, fontname, subset)
        # The font file stream reportlab just added, given the bytes compressed once for all documents.
        # Should reportlab name or build it differently one day, it is left as it is: only slower.
        stream = doc.idToObject.get(f"fontFile:{self.filename}({fontname})")
        if isinstance(stream, pdfdoc.PDFStream) and stream.filters == [pdfdoc.PDFZCompress] \
                and "Filter" not in stream.dictionary.dict and isinstance(stream.content, bytes):
            compressed = self.__dict__.setdefault("_compressed", {})
            data = compressed.get(stream.content)  # the same bytes object as the cached subset: a quick lookup
            if data is None:
                data = pdfdoc.PDFZCompress.encode(stream.content)
                if len(compressed) >= self.KEEP:
                    compressed.pop(next(iter(compressed)), None)
                compressed[stream.content] = data
            stream.content = data
            stream.filters = None
            stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName(pdfdoc.PDFZCompress.pdfname)])
        return ref


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


@cache
def _chars(name: str) -> frozenset[str]:
    """The characters the font draws, as strings: one set operation checks a whole text."""
    return frozenset(map(chr, _cmap(name)))


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
    text = normalize(text)
    if _chars(font).issuperset(text.replace("\n", "")):  # the usual case: the font has every character
        return escape(text).replace("\n", "<br/>")
    out: list[str] = []
    run_face: str | None = font
    run: list[str] = []

    def flush() -> None:
        if run:
            chunk = escape("".join(run))
            out.append(chunk if run_face == font else f'<font name="{run_face}">{chunk}</font>')
            run.clear()

    for char in text:
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
