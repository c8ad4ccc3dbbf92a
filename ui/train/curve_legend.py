"""The curves' legend: one row of entries above the loss and accuracy plots, never over them.

A legend inside a plot hides the curves under it, is cut when the plot is small and grows
with every run added (a branch, a paired run's B); this one is a label of its own that wraps
between its entries, so each reads in full at any width and in presentation mode.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

# how an entry's sample is drawn: a line, a line with the per-epoch dots, dashed with squares
SAMPLES = {"line": "━━", "dots": "━●━", "squares": "╍■╍"}


def _hex(color) -> str:
    if isinstance(color, str):
        return color
    r, g, b = (int(c) for c in color[:3])
    return f"#{r:02x}{g:02x}{b:02x}"


class CurveLegend(QLabel):
    """Entries (a coloured sample and its text) in the order they were first set."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("curve_legend")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._entries: dict[object, tuple[str, str, str]] = {}

    def set_entry(self, key: object, color, text: str, sample: str = "line") -> None:
        """Show (or change) the entry ``key``: ``text`` beside a ``sample`` in ``color``."""
        entry = (_hex(color), text, sample)
        if self._entries.get(key) != entry:
            self._entries[key] = entry
            self._render()

    def remove(self, key: object) -> None:
        if self._entries.pop(key, None) is not None:
            self._render()

    def texts(self) -> list[str]:
        """The entries' texts, in order (what a learner reads)."""
        return [text for _c, text, _s in self._entries.values()]

    def _render(self) -> None:
        parts = []
        for color, text, sample in self._entries.values():
            parts.append(f'<span style="color:{color}">{SAMPLES[sample]}</span>&nbsp;'
                         + html.escape(text).replace(" ", "&nbsp;"))
        # entries break between one another, never inside one
        self.setText(" &nbsp; ".join(parts))
