"""Autosave and crash recovery for a :class:`ui.files.document.Document`.

While the graph is unsaved it is written to this session's recovery file every 30 s (see
``ui.files.recovery``: nothing is written without the session's lock). At start, the graphs of
sessions that crashed are offered for restoring; a declined one is deleted, one that cannot be
read is kept aside and named in the message bar. Problems (autosave failing, a recovery file
that cannot be read) go to the window's message bar, said once.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QMessageBox

from ui.i18n import translate

RECOVERY_ENV = "GRAPHVIZ_NN_RECOVERY_DIR"
AUTOSAVE_MS = 30_000


def default_recovery_dir() -> Path:
    """``$GRAPHVIZ_NN_RECOVERY_DIR`` if set, else the per-user app data folder."""
    env = os.environ.get(RECOVERY_ENV)
    if env:
        return Path(env)
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".graphviz-nn") / "recovery"


class Autosave:
    """The autosave and recovery half of ``Document`` (which provides ``recovery``, ``ctrl``,
    ``path``, ``is_dirty``, ``report``, ``_show_graph``, ``_set_path``, ``_status``)."""

    def ask_restore(self, info: str) -> bool:
        """Ask whether to restore a crashed session's graph (tests replace this)."""
        box = QMessageBox.question(
            self.window, translate("Files", "Restore unsaved work?"),
            translate("Files", "graphviz-nn did not close normally. Restore the unsaved "
                      "graph{info}?").format(info=info),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        return box == QMessageBox.StandardButton.Yes

    def autosave(self) -> bool:
        """Write the recovery file if there are unsaved changes; True if written. Back at the
        saved state (undone to it), an older recovery file is removed."""
        if not self.is_dirty():
            self.discard_recovery()
            return False
        try:
            self.recovery.save(self.ctrl.graph, str(self.path) if self.path else None)
        except (OSError, ValueError, TypeError) as exc:
            reason = said_reason(exc)
            self._status(translate("Files", "Autosave failed: {reason}").format(reason=reason))
            if reason != self._autosave_problem:        # said once, not every 30 s
                self._autosave_problem = reason
                self.report(translate("Files", "Autosave failed: {reason}\nSave your work "
                                      "yourself (Ctrl+S) until this is fixed.")
                            .format(reason=reason), key="autosave", severity="warning",
                            title=translate("Files", "Autosave failed"))
            return False
        if self._autosave_problem:
            self._autosave_problem = None
            self._clear_report("autosave")
        return True

    def discard_recovery(self) -> None:
        """Remove this window's recovery file (its graph is saved or deliberately dropped)."""
        self.recovery.discard()

    def offer_recovery(self) -> bool:
        """Offer to restore the graph of each crashed session, newest first, until one is
        taken; the ones declined are deleted. One that cannot be read is kept aside (its
        place is named in the message bar), never deleted."""
        import graphviz_nn as gnn

        orphans = self.recovery.orphans()
        restored = False
        for orphan in orphans:
            if restored:
                orphan.lock.unlock()              # keep it for the next start
                continue
            if not self.ask_restore(orphan.describe()):
                self.recovery.remove(orphan)
                continue
            try:
                graph = gnn.load(orphan.path)
            except Exception as exc:      # whatever is in it, the app starts
                aside = self.recovery.keep_aside(orphan)
                where = str(aside) if aside else str(orphan.path)
                reason = said_reason(exc).replace(str(orphan.path), where)   # where it is now
                self.report(translate("Files", "The unsaved graph cannot be restored: {reason}"
                                      "\nThe recovery file is kept as {path}.")
                            .format(reason=reason, path=where), key="recovery",
                            title=translate("Files", "Could not restore"))
                continue
            self._show_graph(graph)
            self._set_path(Path(orphan.original) if orphan.original else None)
            self.mark_modified()
            self.recovery.remove(orphan)
            self.autosave()                        # now this session's unsaved work
            self._status(translate("Files", "Restored the unsaved graph; save it to keep it"))
            restored = True
        return restored


def reason_of(exc: Exception) -> str:
    """What went wrong, in English ("No such file or directory", not "[Errno 2] ...")."""
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)


def said_reason(exc: Exception) -> str:
    """What went wrong, for the window: an engine error in the window's language."""
    from ui.engine_text import error_text

    return exc.strerror if isinstance(exc, OSError) and exc.strerror else error_text(exc)
