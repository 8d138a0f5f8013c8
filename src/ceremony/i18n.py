"""The operator's language: every word of the presenter, its dialogs, the host's monitor and the CLI, via Qt's own
translation system.

The source texts in the code are English. ``translate(context, text)`` looks a text up in the ``.qm`` file of
the UI language (built by ``pyside6-lrelease`` from ``data/i18n/ceremony_{nb,en}.ts``, kept in the repository
and committed, see ``tools/i18n.py``); ``pyside6-lupdate`` finds every ``translate(...)`` and
``QT_TRANSLATE_NOOP(...)`` call in ``src/`` and writes them into the ``.ts`` files, where the translations
live. Texts with values are written with ``{name}`` fields and filled in *after* translation
(``translate("Presenter", "Cue {number}").format(number=3)``). A text that depends on a count has a
singular and a plural message, chosen in the code: lupdate's Python reader marks a message as plural (``%n``)
only when its count is a literal number, and Norwegian and English both have just the two forms.

The Qt-free core (``script``, ``show``) only marks its texts, with ``QT_TRANSLATE_NOOP``; the UI translates
them where it shows them. The show's own words on stage are not here: they come from the script
(``script/wording.py``).

The language: ``--ui-language nb|en`` (remembered in QSettings), else the remembered one, else the system's
(``nb``, ``nn`` or ``no`` give Norwegian bokmål; anything else English). QtCore is loaded only when the
first text is translated; without Qt every text stays in English.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ceremony import data

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

UiLanguage = Literal["nb", "en"]
UI_LANGUAGES: tuple[UiLanguage, ...] = ("nb", "en")
SETTINGS_KEY = "ui/language"
I18N = "i18n"
NORWEGIAN = ("nb", "nn", "no")
"""System languages that get the Norwegian bokmål UI."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Mark text for translation where it is written (Qt-free code); it is translated where it is shown."""
    return text


@dataclass(frozen=True, slots=True)
class Text:
    """A text for the operator with values to fill in: English as ``str()`` (logs, the remote API, tests),
    in the UI language as ``translated()``. Its template is marked where it is written."""

    template: str
    values: tuple[tuple[str, object], ...] = ()
    context: str = "Outcome"

    def __str__(self) -> str:
        return self.template.format(**{k: _value(v, False) for k, v in self.values}) if self.values else self.template

    def translated(self) -> str:
        found = translate(self.context, self.template)
        return found.format(**{k: _value(v, True) for k, v in self.values}) if self.values else found


def _value(value: object, translated: bool) -> object:
    """A Text's value as filled in: a Text in its language, a tuple of Texts as a list ('a, b')."""
    if isinstance(value, Text):
        return value.translated() if translated else str(value)
    if isinstance(value, tuple) and all(isinstance(v, Text) for v in value):
        return ", ".join(str(_value(v, translated)) for v in value)
    return value


def said(template: str, **values: object) -> Text:
    """A Text of the engine's outcomes (context 'Outcome'): ``said(QT_TRANSLATE_NOOP("Outcome", "cue {n}"), n=3)``."""
    return Text(template, tuple(values.items()))


class _State:
    requested: UiLanguage | None = None
    language: UiLanguage | None = None
    translator: QTranslator | None = None


_state = _State()


def request(language: UiLanguage | None) -> None:
    """The language asked for on the command line (None: none was); it is remembered once it is used."""
    _state.requested = language
    _state.language = None
    _state.translator = None


def language() -> UiLanguage:
    """The UI language, chosen (and the translator loaded) on first use."""
    if _state.language is None:
        use(_choose())
    assert _state.language is not None
    return _state.language


def use(chosen: UiLanguage) -> None:
    """Translate into chosen from now on (English without Qt: the source texts are English)."""
    _state.language = chosen
    _state.translator = None
    try:
        from PySide6.QtCore import QTranslator
    except ImportError:  # no Qt libraries here: the source texts are English
        return
    translator = QTranslator()
    if translator.load(str(data.path(I18N, f"ceremony_{chosen}.qm"))):
        _state.translator = translator


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """text in the UI language; text itself (English) when there is no translation. ``%n`` becomes n."""
    language()
    translator = _state.translator
    if translator is not None:
        found = translator.translate(context, text, disambiguation, n)
        if found:
            return found
    return text.replace("%n", str(n)) if n >= 0 else text


def _choose() -> UiLanguage:
    """--ui-language (then remembered), else the remembered language, else the system's."""
    try:
        from PySide6.QtCore import QCoreApplication, QLocale, QSettings
    except ImportError:
        return _state.requested or "en"
    if not QCoreApplication.organizationName():
        QCoreApplication.setOrganizationName("ceremony")
        QCoreApplication.setApplicationName("ceremony")
    settings = QSettings()
    if _state.requested is not None:
        settings.setValue(SETTINGS_KEY, _state.requested)
        return _state.requested
    remembered = settings.value(SETTINGS_KEY)
    if remembered in UI_LANGUAGES:
        return "nb" if remembered == "nb" else "en"
    return system_language(QLocale.system().uiLanguages())


def system_language(ui_languages: list[str]) -> UiLanguage:
    """The first of the system's languages that ceremony speaks: Norwegian (bokmål, nynorsk, 'no') gets nb."""
    for tag in ui_languages:
        primary = tag.replace("_", "-").split("-")[0].lower()
        if primary in NORWEGIAN:
            return "nb"
        if primary == "en":
            return "en"
    return "en"
