"""THIRD-PARTY-NOTICES.txt: the licences of everything third-party the one-folder build ships.

    uv run python packaging/notices.py OUT_FILE     (build.sh writes dist/techapproval/THIRD-PARTY-NOTICES.txt)

Read from the installed distributions (importlib.metadata), so that it always matches the versions bundled:
every Python distribution techapproval needs at run time (its requirements, their requirements, and the extras
asked for, such as psycopg[binary]), with its name, version, licence (License-Expression, License, and the
licence classifiers) and the text of its licence files (the License-File entries, else the files named
LICENSE*, COPYING*, NOTICE*, AUTHORS* in its dist-info or package). A distribution that ships no licence file
is listed all the same, and says so. Then what is not a Python distribution: Python itself, PyInstaller's
bootloader (in every build), and the fonts in resources/fonts with their licences. Qt (LGPL-3.0) gets a note
on where its source is and how to use another build of it, as the LGPL asks.

No third-party imports here: the build calls it with the project's own Python.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = "techapproval"
# Not requirements of the app, but in every build: PyInstaller's bootloader is the executable itself.
ALSO_BUNDLED = ("pyinstaller",)
# Licence texts kept in the repository for distributions whose wheels ship none (Qt for Python's): verbatim
# from the FSF, as Debian's /usr/share/common-licenses has them. The LGPL-3.0 is the GPL-3.0 plus permissions,
# so it comes with both.
KEPT_TEXTS = ROOT / "packaging" / "licences"
QT_TEXTS = ("LGPL-3.0.txt", "GPL-3.0.txt")
LICENCE_FILE = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|AUTHORS|COPYRIGHT)", re.IGNORECASE)
QT_NOTE = """\
Qt for Python (PySide6, shiboken6) and the Qt libraries it contains are used under the GNU Lesser General
Public License version 3 (LGPL-3.0-only). The Qt libraries are in _internal/PySide6/ as separate shared
libraries (libQt6*.so.6): you may replace them with your own build of the same Qt version, and the app will use
it. The source code of Qt and of Qt for Python, for the version named above, is available from The Qt Company
at https://download.qt.io/official_releases/qt/ and https://download.qt.io/official_releases/QtForPython/,
and from https://code.qt.io/ (qt/qtbase and friends, pyside/pyside-setup)."""


@dataclass
class Notice:
    name: str
    version: str
    licence: str
    texts: dict[str, str] = field(default_factory=dict)  # file name -> its text
    note: str = ""


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirements(dist: metadata.Distribution, extras: set[str]) -> list[tuple[str, set[str]]]:
    """(name, extras) of each requirement that applies: no extra marker, or one of the extras asked for."""
    found = []
    for line in dist.requires or []:
        spec, _, marker = line.partition(";")
        wanted = set(re.findall(r"extra\s*==\s*['\"]([^'\"]+)['\"]", marker))
        if wanted and not wanted & extras:
            continue
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?", spec)
        if match:
            found.append((match.group(1), {e.strip() for e in (match.group(2) or "").split(",") if e.strip()}))
    return found


def runtime_distributions(app: str = APP) -> list[metadata.Distribution]:
    """The installed distributions the app needs at run time, by name, the app itself left out."""
    seen: dict[str, metadata.Distribution] = {}
    extras_seen: dict[str, set[str]] = {}
    todo = [(app, set())]
    while todo:
        name, extras = todo.pop()
        key = _normal(name)
        if key in extras_seen and extras <= extras_seen[key]:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:  # a requirement for another platform or Python
            continue
        extras_seen[key] = extras_seen.get(key, set()) | extras
        seen[key] = dist
        todo.extend(_requirements(dist, extras_seen[key]))
    seen.pop(_normal(app), None)
    for name in ALSO_BUNDLED:
        try:
            seen.setdefault(_normal(name), metadata.distribution(name))
        except metadata.PackageNotFoundError:
            pass
    return sorted(seen.values(), key=lambda d: _normal(d.metadata["Name"]))


def licence_name(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    named = [meta.get("License-Expression") or ""]
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) < 200:  # some put the whole licence text here: that is a text
        named.append(text)
    named += [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    names = list(dict.fromkeys(n for n in named if n and n not in ("UNKNOWN", "OSI Approved")))
    return "; ".join(names) or "not stated in its metadata"


def licence_texts(dist: metadata.Distribution) -> dict[str, str]:
    meta = dist.metadata
    declared = set(meta.get_all("License-File") or [])
    texts = {}
    for file in dist.files or []:
        path = Path(str(file))
        if str(file) in declared or any(str(file).endswith("/" + d) for d in declared) or (
                LICENCE_FILE.match(path.name) and (".dist-info" in str(file) or len(path.parts) <= 2)):
            if path.suffix in (".py", ".pyc", ".so", ".dll", ".pyd"):
                continue
            try:
                texts[str(file)] = Path(dist.locate_file(file)).read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
    text = (meta.get("License") or "").strip()
    if not texts and "\n" in text:  # the whole licence in the License field
        texts["License (from the package metadata)"] = text
    return texts


def notices(app: str = APP) -> list[Notice]:
    found = []
    for dist in runtime_distributions(app):
        name = dist.metadata["Name"]
        texts = licence_texts(dist)
        note = ""
        if _normal(name).startswith(("pyside6", "shiboken6")):
            note = QT_NOTE
            if not texts:
                note += ("\n\nIts wheel ships no licence file: the texts below are the licences it names, kept in "
                         "packaging/licences/ of techapproval's repository.")
                texts = {f"packaging/licences/{f}": (KEPT_TEXTS / f).read_text(encoding="utf-8") for f in QT_TEXTS}
        if _normal(name) == "pyinstaller":
            note = ("Only PyInstaller's bootloader (the techapproval executable) and its run-time hooks are in the "
                    "bundle; its licence lets them be distributed with a program under any licence.")
        found.append(Notice(name, dist.version, licence_name(dist), texts, note))
    python = Path(sys.base_prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "LICENSE.txt"
    if not python.is_file():
        python = Path(sys.base_prefix) / "LICENSE.txt"  # Windows
    found.append(Notice("Python", sys.version.split()[0], "PSF-2.0 (Python Software Foundation License)",
                        {python.name: python.read_text(encoding="utf-8")} if python.is_file() else {},
                        "The Python interpreter and standard library, in _internal/ (libpython, lib-dynload)."))
    fonts = ROOT / "resources" / "fonts"
    for licence in sorted(fonts.glob("LICENSE-*.txt")):
        family = licence.stem.removeprefix("LICENSE-")
        files = ", ".join(p.name for p in sorted(fonts.glob(f"{family}*.tt[fc]")))
        found.append(Notice(f"{family} fonts", "", "see the licence below",
                            {f"resources/fonts/{licence.name}": licence.read_text(encoding="utf-8")},
                            f"The font files {files} in _internal/resources/fonts/ (the PDFs embed them)."))
    return found


def render(items: list[Notice]) -> str:
    rule = "=" * 100
    lines = ["techapproval: third-party notices", "",
             "The techapproval bundle contains the software below, each under its own licence. Its name, its",
             "version in this bundle, the licence its package declares, and the licence texts it ships follow.",
             "", "Contents:"]
    lines += [f"  {n.name} {n.version}".rstrip() + f": {n.licence}" for n in items]
    for n in items:
        lines += ["", rule, f"{n.name} {n.version}".rstrip(), f"Licence: {n.licence}"]
        if n.note:
            lines += ["", n.note]
        if not n.texts:
            lines += ["", "This distribution ships no licence file; the licence named above applies."]
        for file, text in n.texts.items():
            lines += ["", f"--- {file} ---", "", text.rstrip()]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python packaging/notices.py OUT_FILE", file=sys.stderr)
        return 2
    items = notices()
    out = Path(argv[0])
    out.write_text(render(items), encoding="utf-8")
    missing = [n.name for n in items if not n.texts]
    print(f"{out}: {len(items)} components" + (f"; no licence file shipped by {', '.join(missing)}" if missing else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
