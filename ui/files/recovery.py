"""Recovery files: where a window's unsaved graph is autosaved, and finding those of crashed
sessions.

Each window (session) writes ``recovery-<session>.json`` plus a small info file, and holds
``recovery-<session>.lock`` (a ``QLockFile``) while it lives. A recovery file whose lock can be
taken belongs to a session that is gone without cleaning up, i.e. that crashed; files of
sessions still running (another window, another instance) are never offered nor deleted.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

from graphviz_nn.io import write_atomic


@dataclass
class Orphan:
    """The recovery file of a crashed session."""

    path: Path
    original: str | None      # the file that graph came from, if it had one
    time: float               # when it was autosaved (seconds since the epoch)
    lock: QLockFile

    def describe(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.time))
        name = Path(self.original).name if self.original else "Untitled"
        return f" of {name} (autosaved {when})"


class RecoveryStore:
    """The recovery files of one session in ``folder``."""

    def __init__(self, folder: str | Path, session: str | None = None) -> None:
        self.folder = Path(folder)
        self.session = session or uuid.uuid4().hex[:12]
        self._lock: QLockFile | None = None

    @property
    def path(self) -> Path:
        return self.folder / f"recovery-{self.session}.json"

    def _info(self, graph_path: Path) -> Path:
        return graph_path.with_suffix(".info")

    @staticmethod
    def _lock_file(graph_path: Path) -> QLockFile:
        lock = QLockFile(str(graph_path.with_suffix(".lock")))
        lock.setStaleLockTime(0)          # stale only when its process is gone, never by age
        return lock

    def save(self, graph, original: str | None) -> None:
        """Write ``graph`` and the info file (both atomically, by the engine); lock the session."""
        self.folder.mkdir(parents=True, exist_ok=True)
        if self._lock is None:
            self._lock = self._lock_file(self.path)
            if not self._lock.tryLock(0):
                raise OSError(f"cannot lock {self.path.with_suffix('.lock')}")
        graph.save(self.path)
        info = json.dumps({"path": original, "time": time.time()})
        write_atomic(self._info(self.path), info.encode("utf-8"))

    def discard(self) -> None:
        """Remove this session's recovery files (after a save, a clean close, ...)."""
        _unlink(self.path, self._info(self.path))
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def orphans(self) -> list[Orphan]:
        """Recovery files of crashed sessions, newest first (their locks are now held here)."""
        found = []
        for path in sorted(self.folder.glob("recovery-*.json")):
            if path == self.path:
                continue
            lock = self._lock_file(path)
            if not lock.tryLock(0):
                continue                   # that session is alive
            try:
                info = json.loads(self._info(path).read_text("utf-8"))
                original, when = info.get("path"), float(info.get("time", 0.0))
            except (OSError, ValueError, TypeError, AttributeError):
                original, when = None, path.stat().st_mtime
            found.append(Orphan(path, original, when, lock))
        return sorted(found, key=lambda o: -o.time)

    def remove(self, orphan: Orphan) -> None:
        _unlink(orphan.path, self._info(orphan.path))
        orphan.lock.unlock()


def _unlink(*paths: Path) -> None:
    for p in paths:
        try:
            p.unlink()
        except OSError:
            pass
