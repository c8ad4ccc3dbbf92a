"""The main window's file and checking intents (a mixin of ui.app.MainWindow).

Open and Save go to the window's document (ui/files/document.py: recent files, autosave, the
unsaved-changes guard), so there is one way to open a file; exports go to ui/files/exports.py.
"""

from __future__ import annotations

from pathlib import Path

from ui.engine_text import engine_text, error_text
from ui.i18n import translate

BACKGROUND_CHECK_SIZE = 20_000     # values with more elements are checked on a worker thread


class WindowToolsMixin:
    """Needs ``controller``, ``scene``, ``actions``, ``status``, ``inspector`` and the
    ``check_finished`` / ``_check_done`` signals of the window."""

    def open_file(self, path: str | Path) -> bool:
        """Open a graph file. Files are opened one way only, by the document
        (``ui.files.document.Document.open_path``): a broken file is named in the message bar
        and the current graph stays; an opened one is in the title and the recent files."""
        return self.document.open_path(path)

    def check_numerically(self, background: bool | None = None) -> list[str] | None:
        """Compare every gradient with central differences and mark the nodes that disagree.

        Small graphs are checked at once (returns the names that disagree); big ones (or
        ``background=True``) on a worker thread: returns None, ``check_finished`` follows."""
        import threading

        from ui.explore.numcheck import check_graph, snapshot, work_size
        c = self.controller
        if c.trace is None or c.output is None:
            why = engine_text(c.trace_error) or translate("Window", "no output")
            self.status(translate("Window", "Nothing to check: {why}").format(why=why))
            return []
        if c.output.grad is None:
            c.graph.backward(c.output)
        copy, out, grads = snapshot(c.graph, c.output)
        if background is None:
            background = work_size(c.graph) > BACKGROUND_CHECK_SIZE
        if not background:
            return self._apply_check(c.trace, check_graph(copy, out, grads=grads))
        trace = c.trace
        self.actions["check_numerically"].setEnabled(False)
        self.status(translate("Window", "Checking gradients against central differences…"))

        def work() -> None:
            try:
                report = check_graph(copy, out, grads=grads)
            except Exception as exc:  # noqa: BLE001 - reported in the status bar
                report = exc
            self._check_done.emit(trace, report)
        threading.Thread(target=work, name="check-numerically", daemon=True).start()
        return None

    def _on_check_done(self, trace, report) -> None:
        self.actions["check_numerically"].setEnabled(True)
        if isinstance(report, Exception):
            self.status(translate("Window", "Check numerically failed: {why}").format(
                why=error_text(report)))
            return
        self._apply_check(trace, report)

    def _apply_check(self, trace, report) -> list[str]:
        c = self.controller
        if trace is not c.trace:        # the graph changed meanwhile: the result is stale
            self.status(translate("Window", "The graph changed during the check; run it again."))
            return []
        bad = [r.node for r in report if not r.ok]
        c.set_marked(bad)
        names = [c.node(i).name for i in bad]
        self.status(translate("Window", "All gradients agree with central differences.")
                    if not names else
                    translate("Window", "Gradients disagree with central differences at: "
                              "{names}").format(names=", ".join(names)))
        self.check_finished.emit(names)
        return names
