"""Words the learner reads, through Qt's translation system, and the window's language.

Write every user-visible string as ``translate("Context", "text with {name}").format(name=...)``
(``pyside6-lupdate`` finds the bare ``translate(`` calls); strings in module-level tables as
``QT_TRANSLATE_NOOP("Context", "text")``, translated where they are shown. The context is a
fixed word per area ("Quiz", "TrainingDock", ...), never a class name taken at run time, so a
subclass or a mixin cannot lose its translations. Numbers and formulas stay as they are.

The language (View ▸ Language: System, English, 한국어) is kept in the settings under
``ui/language``; "system" follows the system locale. It is installed once, before the window is
made (``install_language``): the app's own ``graphviz_nn_ko.qm`` (compiled from
``resources/i18n/graphviz_nn_ko.ts``, shipped in ``ui/translations/``) and Qt's own
``qtbase_ko.qm`` for its dialogs and buttons. ``python3 -m ui.i18n`` brings the ``.ts`` file up
to date with the sources and compiles the ``.qm`` file (see ``ui/i18n_tools.py``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

__all__ = ["QT_TRANSLATE_NOOP", "translate", "LANGUAGES", "install_language", "current_language",
           "chosen_language", "set_chosen_language", "font_families"]

TRANSLATIONS = Path(__file__).resolve().parent / "translations"
SETTINGS_KEY = "ui/language"
LANGUAGES = {"system": QT_TRANSLATE_NOOP("Language", "System"), "en": "English", "ko": "한국어"}
# Hangul-capable families, best first; the first one installed leads every font the app makes
KOREAN_FAMILIES = ("Noto Sans KR", "Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic",
                   "NanumGothic", "Source Han Sans KR", "UnDotum")
LATIN_FAMILIES = ("DejaVu Sans", "Noto Sans", "Segoe UI", "Helvetica", "Arial")

_installed: list[QTranslator] = []
_language = "en"


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the window's language (``text`` itself when no translation is loaded)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def app_settings() -> QSettings:
    """The app's settings (the same store the document's recent files use)."""
    return QSettings("graphviz-nn", "graphviz-nn")


def chosen_language(settings: QSettings | None = None) -> str:
    """What the learner chose: "system", "en" or "ko" (a value from elsewhere reads as
    "system")."""
    value = (settings or app_settings()).value(SETTINGS_KEY, "system")
    return value if value in LANGUAGES else "system"


def set_chosen_language(choice: str, settings: QSettings | None = None) -> None:
    if choice not in LANGUAGES:
        raise ValueError(f"unknown language {choice!r}; choose one of {', '.join(LANGUAGES)}")
    (settings or app_settings()).setValue(SETTINGS_KEY, choice)


def resolve(choice: str) -> str:
    """The language a choice means here: "system" follows the system locale."""
    if choice == "system":
        return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"
    return choice if choice in ("en", "ko") else "en"


def current_language() -> str:
    """The language installed now: "en" or "ko"."""
    return _language


def install_language(choice: str = "system") -> str:
    """Install the translations for ``choice`` in the running application (replacing any
    installed before) and return the language in effect ("en" or "ko"). A missing ``.qm``
    file leaves the window in English."""
    global _language
    app = QCoreApplication.instance()
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    language = resolve(choice)
    _language = "en"
    if language == "ko":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in (("graphviz_nn_ko", str(TRANSLATIONS)), ("qtbase_ko", qt_dir)):
            translator = QTranslator(app)
            if translator.load(name, folder) and QCoreApplication.installTranslator(translator):
                _installed.append(translator)
                if name.startswith("graphviz_nn"):
                    _language = "ko"
    QLocale.setDefault(QLocale(QLocale.Language.Korean if _language == "ko"
                               else QLocale.Language.English))
    return _language


def font_families(language: str | None = None) -> list[str]:
    """The family list for the app's fonts: in Korean, the first Hangul-capable family that is
    installed leads; in English, the Latin families lead with a Hangul one as fallback (names
    typed in Hangul still render)."""
    from PySide6.QtGui import QFontDatabase

    installed = set(QFontDatabase.families())
    korean = [f for f in KOREAN_FAMILIES if f in installed][:1]
    latin = list(LATIN_FAMILIES)
    if (language or _language) == "ko":
        return korean + latin + ["sans-serif"]
    return latin + korean + ["sans-serif"]


def apply_app_font() -> None:
    """Give the application's default font the family list of the language in effect."""
    from PySide6.QtGui import QGuiApplication

    font = QGuiApplication.font()
    font.setFamilies(font_families())
    QGuiApplication.setFont(font)
