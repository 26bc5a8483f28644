"""The interface is translatable: every string a person sees goes through Qt's translation, the committed
Spanish catalogue has every string the code has, its .qm is compiled from it, and a Spanish-speaking
teacher can file a request."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QComboBox, QLabel

from techapproval.gui import i18n
from tests.gui.conftest import click, find, open_main, type_into

GUI = Path(i18n.__file__).resolve().parent
TS = i18n.translations_dir() / "techapproval_es.ts"
QM = TS.with_suffix(".qm")


def messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) → translation (None when unfinished), without the vanished and obsolete ones."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else None
            if kind in ("vanished", "obsolete"):
                continue
            found[(name, message.findtext("source"))] = None if kind == "unfinished" else translation.text
    return found


# --- the catalogue is up to date -----------------------------------------------------------------------

def test_domain_strings_are_current():
    """domain_strings.py lists every label the domain shows (regenerate with `i18n --update`)."""
    assert (GUI / "domain_strings.py").read_text(encoding="utf-8") == i18n.domain_strings_source()


def test_committed_catalogue_has_every_string(tmp_path):
    fresh = tmp_path / "fresh_es.ts"
    i18n.lupdate(fresh)
    extracted = set(messages(fresh))
    assert len(extracted) > 500  # lupdate read the code (a wrong call form would extract nothing)
    missing = extracted - set(messages(TS))
    assert not missing, (f"{len(missing)} strings are not in {TS.name}; run "
                         f"`uv run python -m techapproval.gui.i18n --update`: {sorted(missing)[:10]}")


def test_committed_qm_is_compiled_from_the_catalogue(tmp_path):
    compiled = tmp_path / "techapproval_es.qm"
    i18n.lrelease(TS, compiled)
    assert compiled.read_bytes() == QM.read_bytes(), "run `uv run python -m techapproval.gui.i18n --update`"


def test_spanish_covers_the_requesters_screens():
    catalogue = messages(TS)
    for context in ("RequestForm", "RequestWindow", "SignInDialog"):
        unfinished = [s for (c, s), t in catalogue.items() if c == context and not t]
        assert not unfinished, (context, unfinished)
    for (context, source), translation in catalogue.items():  # placeholders survive translation
        if translation:
            assert sorted(_fields(source)) == sorted(_fields(translation)), (context, source, translation)
            assert source.count("&") == translation.count("&"), (context, source, translation)


def _fields(text: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]


# --- nothing untranslated reaches the screen -----------------------------------------------------------

# Calls that show their argument(s) to people: method or function name → positions of the arguments.
SHOWN = {
    "setText": (0,), "setWindowTitle": (0,), "setToolTip": (0,), "setStatusTip": (0,), "setWhatsThis": (0,),
    "setAccessibleName": (0,), "setAccessibleDescription": (0,), "setPlaceholderText": (0,), "setTitle": (0,),
    "addTab": (1,), "insertTab": (2,), "setTabText": (1,), "addItem": (0,), "addMenu": (0,), "addAction": (0,),
    "showMessage": (0,), "say": (0,), "show_message": (0,), "setLabelText": (0,), "setInformativeText": (0,),
    "setHeaderLabels": (0,),
    "QLabel": (0,), "QPushButton": (0,), "QCheckBox": (0,), "QRadioButton": (0,), "QGroupBox": (0,),
    "QAction": (0, 1), "QMenu": (0,), "named": (1, 2), "text_label": (0,), "details_panel": (0,),
    "MessageLabel": (0,), "ErrorLabel": (1,), "ListView": (0,), "add_field": (1,), "add_button": (0, 1),
    "information": (1, 2), "warning": (1, 2), "critical": (1, 2), "question": (1, 2), "about": (1, 2),
    "QMessageBox": (1, 2), "getSaveFileName": (1,), "getOpenFileName": (1,), "getExistingDirectory": (1,),
    "BackgroundTask": (1, 2), "setCancelButtonText": (0,),
}
# Strings that are not words in any language.
NOT_WORDS = {"https://", "Ctrl+N", "Ctrl+P"}
SKIP = {"i18n.py", "domain_strings.py"}


def _words(node: ast.AST) -> list[ast.AST]:
    """The literal text in an argument that would be shown untranslated."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
        return [node] if any(c.isalpha() for c in text) and text not in NOT_WORDS else []
    if isinstance(node, ast.JoinedStr):
        literal = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
        return [node] if any(c.isalpha() for c in literal) else []
    if isinstance(node, ast.IfExp):
        return _words(node.body) + _words(node.orelse)
    if isinstance(node, ast.BoolOp):
        return [w for v in node.values for w in _words(v)]
    if isinstance(node, ast.BinOp):
        return _words(node.left) + _words(node.right)
    if isinstance(node, ast.List | ast.Tuple):
        return [w for e in node.elts for w in _words(e)]
    return []


def _name(call: ast.Call) -> str | None:
    return call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", None)


def gui_sources():
    return [p for p in sorted(GUI.rglob("*.py")) if p.name not in SKIP and "__pycache__" not in p.parts]


def test_no_string_reaches_the_screen_untranslated():
    problems = []
    for path in gui_sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or _name(node) not in SHOWN:
                continue
            args = [node.args[i] for i in SHOWN[_name(node)] if i < len(node.args)]
            args += [k.value for k in node.keywords if k.arg in ("text", "title", "name", "description")]
            for arg in args:
                for bad in _words(arg):
                    problems.append(f"{path.relative_to(GUI)}:{bad.lineno}: {ast.unparse(bad)[:80]}")
    assert not problems, "wrap these in translate(\"Context\", ...):\n" + "\n".join(problems)


def test_translation_calls_are_ones_lupdate_reads():
    """lupdate reads translate("Context", "text") and QT_TRANSLATE_NOOP("Context", "text") only with a literal
    context (and text, unless it translates a marked constant); run at import, translate() would happen
    before the translator is installed, so module-level text is marked with QT_TRANSLATE_NOOP instead;
    column titles are marked in the context their model translates them in ("Tables")."""
    problems = []
    for path in gui_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        at_import = set()
        for top in tree.body:
            if not isinstance(top, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                at_import |= {id(n) for n in ast.walk(top) if not isinstance(n, ast.Lambda)}
                for lam in (n for n in ast.walk(top) if isinstance(n, ast.Lambda)):
                    at_import -= {id(n) for n in ast.walk(lam.body)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            where = f"{path.relative_to(GUI)}:{node.lineno}"
            name = _name(node)
            if name in ("translate", "QT_TRANSLATE_NOOP") and isinstance(node.func, ast.Name | ast.Attribute):
                if not (node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                    problems.append(f"{where}: the context must be a string literal")
                if name == "QT_TRANSLATE_NOOP" and not isinstance(node.args[1], ast.Constant | ast.JoinedStr):
                    problems.append(f"{where}: QT_TRANSLATE_NOOP needs a literal")
                if name == "translate" and id(node) in at_import:
                    problems.append(f"{where}: translate() at import time; mark with QT_TRANSLATE_NOOP")
            if name == "tr" and isinstance(node.func, ast.Attribute):
                problems.append(f"{where}: self.tr() takes its context from the class at run time; use translate()")
            if name == "Column" and node.args:
                title = node.args[0]
                if not (isinstance(title, ast.Call) and _name(title) == "QT_TRANSLATE_NOOP"
                        and isinstance(title.args[0], ast.Constant) and title.args[0].value == "Tables"):
                    problems.append(f"{where}: a column title is QT_TRANSLATE_NOOP(\"Tables\", ...)")
    assert not problems, "\n".join(problems)


# --- Spanish at run time -------------------------------------------------------------------------------

@pytest.fixture
def spanish(monkeypatch):
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "es")
    app = QApplication.instance()
    translators = i18n.install_translators(app)
    assert translators, "the Spanish .qm did not load"
    yield
    i18n.remove_translators(app, translators)


def test_language_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "es")
    assert i18n.chosen_locale().language() == QLocale.Language.Spanish
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "en")
    assert i18n.install_translators(QApplication.instance()) == []


def es(context: str, text: str) -> str:
    translated = i18n.translate(context, text)
    assert translated != text, f"no Spanish for {text!r}"
    return translated


def test_teacher_files_a_request_in_spanish(qtbot, spanish, signed_in, district):
    teacher = open_main(qtbot, signed_in(district.teacher))
    tabs = [teacher.tabs.tabText(i) for i in range(teacher.tabs.count())]
    assert "&Mis solicitudes" in tabs
    click(qtbot, teacher, "Solicitud nueva")
    window = teacher.windows[None]
    qtbot.addWidget(window)
    assert window.windowTitle().startswith("Solicitud nueva \u2014 Solicitud del personal")
    labels = {label.text() for label in window.findChildren(QLabel)}
    assert "&Nombre del recurso:" in labels and "Cómo &planea usarlo:" in labels

    type_into(qtbot, window, es("Domain", "Name of the resource"), "Padlet")
    type_into(qtbot, window, es("Domain", "Description"), "Murales en línea para compartir trabajos.")
    type_into(qtbot, window, es("Domain", "Link"), "https://padlet.com")
    click(qtbot, window, es("RequestForm", "Grade {value}").format(value="3"))
    type_into(qtbot, window, es("Domain", "How you plan to use it"), "Los estudiantes publican sus respuestas.")
    click(qtbot, window, es("Domain", "First and last name"))
    type_into(qtbot, window, es("Domain", "Details of the information shared"), "Solo el nombre.")
    type_into(qtbot, window, es("Domain", "Who will have access"), "Mi clase y yo.")
    for field in ("Students sign up for an account", "Students download an application",
                  "The application requires parental permission"):
        combo = find(window, es("Domain", field), QComboBox)
        assert combo.itemText(0) == "Elija\u2026"
        combo.setCurrentIndex(combo.findText(es("Domain", "Not sure")))
    qtbot.waitUntil(lambda: window.request_id is not None, timeout=3000)
    click(qtbot, window, es("RequestWindow", "Submit request"))
    status = find(window, es("RequestWindow", "Status"), QLabel).text()
    assert status.startswith("Estado: Enviada"), status
