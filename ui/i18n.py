"""Words the learner reads, through Qt's translation system.

Write every user-visible string as ``translate("Context", "text with {name}").format(name=...)``
(``pyside6-lupdate`` finds the bare ``translate(`` calls); strings in module-level tables as
``QT_TRANSLATE_NOOP("Context", "text")``, translated where they are shown. The context is a
fixed word per area ("Quiz", "TrainingDock", ...), never a class name taken at run time, so a
subclass or a mixin cannot lose its translations. Numbers and formulas stay as they are.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

__all__ = ["QT_TRANSLATE_NOOP", "translate"]


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the window's language (``text`` itself when no translation is loaded)."""
    return QCoreApplication.translate(context, text, disambiguation, n)
