"""Finds the texts in src/ a person reads that are not marked for translation (used by tests/test_i18n.py).

lupdate finds every *marked* text; this finds the unmarked ones, from the other side: every string literal (or
f-string, or concatenation, or ``"…".format``) that reaches a place a person reads it — a widget's text, a
tooltip, a tab, a menu, a window title, a dialog, the presenter's banners and hints, a print to the terminal,
argparse's help, the engine's outcomes and the checklist's items — unless it has no words (only markup,
placeholders, digits or punctuation). A line may say ``# untranslated: <why>`` for a text that is not for
people (a trace a benchmark parses).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

WIDGETS = {
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QToolButton", "QMenu",
    "QToolBar", "QMessageBox", "QListWidgetItem", "QProgressDialog", "QDialog", "Titled",
}  # fmt: skip
"""Constructors whose string arguments are shown."""
SHOWN_BY = {
    "setText", "setToolTip", "setStatusTip", "setWindowTitle", "setPlaceholderText", "addTab", "setTabText",
    "addMenu", "setTitle", "setLabelText", "showMessage", "setInformativeText", "setAccessibleName", "alert",
    "hint", "addItem", "addItems", "question", "warning", "information", "critical", "setHtml", "setPlainText",
}  # fmt: skip
"""Methods whose string arguments are shown."""
PRINTED_BY = {"print", "write", "_err", "exit"}
"""Functions whose first string argument goes to the terminal."""
ENGINE = {"ok", "ignored", "held", "error", "needs_confirmation", "said", "check_item", "_said", "_count_item"}
"""The core's outcome and checklist helpers (called by name): their texts must be marked where written."""
RAISED = {"ScreenChoiceError", "StarterError"}
"""Errors whose message the operator reads."""
MARKERS = {"translate", "QT_TRANSLATE_NOOP"}
"""Called by name, as lupdate finds them (``painter.translate(…)`` is another thing)."""
LOGGERS = {"log", "logging", "logger"}
"""Logs are for whoever debugs, in English: ``log.warning(…)`` is not ``QMessageBox.warning(…)``."""
HOST_TEXT = {"_text": 1}
"""The host monitor's layout helper (render/confidence.py): its text argument, by position."""
WORD = re.compile(r"[A-Za-zÆØÅæøå]{2,}")
TAG = re.compile(r"<[^>]*>|\{[^}]*\}|&\w+;")


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    text: str
    why: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.why}: {self.text!r}"


def has_words(text: str) -> bool:
    """True when text has something to translate: a word, once markup and {placeholders} are taken out."""
    return bool(WORD.search(TAG.sub(" ", text)))


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _unmarked(node: ast.expr) -> str | None:
    """The words of node when it is text written here without a marker; None when it is marked or wordless."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if has_words(node.value) else None
    if isinstance(node, ast.JoinedStr):
        parts = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
        return parts if has_words(parts) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _unmarked(node.left) or _unmarked(node.right)
    if isinstance(node, ast.IfExp):
        return _unmarked(node.body) or _unmarked(node.orelse)
    if isinstance(node, ast.Call) and _name(node.func) == "format" and isinstance(node.func, ast.Attribute):
        return _unmarked(node.func.value)
    return None


def _shown_args(call: ast.Call) -> list[ast.expr]:
    """The arguments of call that a person reads, by what is called."""
    name = _name(call.func)
    by_name = isinstance(call.func, ast.Name)
    if isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name) and call.func.value.id in LOGGERS:
        return []
    if name in HOST_TEXT and by_name:
        return call.args[HOST_TEXT[name] : HOST_TEXT[name] + 1]
    if name in WIDGETS | SHOWN_BY | RAISED:
        return [*call.args[:3], *(k.value for k in call.keywords if k.arg in ("text", "title", "toolTip"))]
    if name in PRINTED_BY:
        return call.args[:1]
    if name == "emit" and len(call.args) >= 2:
        return call.args[1:2]  # controller.message.emit(kind, text)
    if name in ENGINE and by_name:
        return call.args[:1] if name not in ("check_item", "_count_item") else call.args[1:4:2]
    if name == "add_argument" or name in ("_Parser", "ArgumentParser"):
        return [k.value for k in call.keywords if k.arg in ("help", "description", "epilog")]
    return []


def _marker_problems(call: ast.Call) -> str | None:
    """A translate()/QT_TRANSLATE_NOOP call lupdate cannot read: context and text must be written out."""
    if len(call.args) < 2:
        return "a translation call needs a context and a text"
    context, text = call.args[0], call.args[1]
    if not (isinstance(context, ast.Constant) and isinstance(context.value, str)):
        return "its context is not a string literal (lupdate reads literals only)"
    if isinstance(text, ast.JoinedStr) or (isinstance(text, ast.BinOp) and _unmarked(text) is not None):
        return "its text is built at run time (an f-string or +): put {placeholders} in, .format() after"
    if _name(call.func) == "QT_TRANSLATE_NOOP" and _unmarked(text) is None and not _is_literal(text):
        return "QT_TRANSLATE_NOOP marks a literal text"
    return None


def _is_literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def scan(path: Path, root: Path) -> list[Finding]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    found: list[Finding] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        if "# untranslated:" in lines[node.lineno - 1]:
            continue
        where = path.relative_to(root)
        if _name(node.func) in MARKERS and isinstance(node.func, ast.Name):
            problem = _marker_problems(node)
            if problem:
                found.append(Finding(where, node.lineno, ast.unparse(node)[:80], problem))
            continue
        for arg in _shown_args(node):
            text = _unmarked(arg)
            if text is not None:
                found.append(Finding(where, arg.lineno, text, f"not marked for translation ({_name(node.func)})"))
    return found
