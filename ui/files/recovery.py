"""Recovery files: where a window's unsaved graph is autosaved, and finding those of crashed
sessions.

Each window (session) writes ``recovery-<session>.json`` plus a small info file, and holds
``recovery-<session>.lock`` (a ``QLockFile``) while it lives. A recovery file whose lock can be
taken belongs to a session that is gone without cleaning up, i.e. that crashed; files of
sessions still running (another window, another instance) are never offered nor deleted: a
session writes nothing until it holds its lock. The info file is only a hint (the original
file's name, when it was saved): anything in it that is not believable is ignored. A recovery
file that cannot be read is kept aside as ``unreadable-<session>-<time>.json``, never deleted.
"""

from __future__ import annotations

import json
import math
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

from ui.i18n import translate

INFO_MAX_BYTES = 64 * 1024      # an info file is ~100 bytes; a bigger one is not ours
LAST_TIME = 253402300799.0      # 9999-12-31: the last second every platform's clock can show


@dataclass
class Orphan:
    """The recovery file of a crashed session."""

    path: Path
    original: str | None      # the file that graph came from, if it had one
    time: float               # when it was autosaved (seconds since the epoch)
    lock: QLockFile

    def describe(self) -> str:
        """" of net.json (autosaved 2025-01-31 14:02)", for the restore question."""
        try:
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.time))
        except (OverflowError, ValueError, OSError):
            when = "?"
        name = Path(self.original).name if self.original else translate("Files", "Untitled")
        return translate("Files", " of {name} (autosaved {when})").format(name=name, when=when)


def _believable_path(value: object) -> str | None:
    """The original file named in an info file, if it could be one: an absolute path that
    the file system can hold."""
    if not isinstance(value, str) or not 0 < len(value) <= 4096 or "\0" in value:
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:           # lone surrogates
        return None
    return value if os.path.isabs(value) else None


def _believable_time(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        value = float(value)
    except OverflowError:               # an integer of 400 digits
        return None
    return value if math.isfinite(value) and 0.0 <= value <= LAST_TIME else None


def read_info(path: Path) -> tuple[str | None, float | None]:
    """The original file and the autosave time an info file names; None for each that is
    missing, unreadable or not believable (never an exception)."""
    try:
        with open(path, "rb") as f:
            raw = f.read(INFO_MAX_BYTES + 1)
        if len(raw) > INFO_MAX_BYTES:
            return None, None
        info = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None, None
    if not isinstance(info, dict):
        return None, None
    return _believable_path(info.get("path")), _believable_time(info.get("time"))


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

    @property
    def locked(self) -> bool:
        """True while this session holds its lock (and so may write its recovery file)."""
        return self._lock is not None and self._lock.isLocked()

    def save(self, graph, original: str | None) -> None:
        """Write ``graph`` and the info file (both atomically, by the engine). Nothing is
        written unless the session holds its lock: an unlocked file would look crashed to
        every other instance, which could delete it. OSError when the lock cannot be taken
        (the next save tries again)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        if not self.locked:
            lock = self._lock_file(self.path)
            if not lock.tryLock(0):
                raise OSError(translate("Files", "cannot lock {path}: {why}").format(
                    path=self.path.with_suffix(".lock"), why=_lock_problem(lock)))
            self._lock = lock
        graph.save(self.path)
        info = json.dumps({"path": original, "time": time.time()})
        from graphviz_nn.io import write_atomic  # the engine is not needed before this
        write_atomic(self._info(self.path), info.encode("utf-8"))

    def discard(self) -> None:
        """Remove this session's recovery files (after a save, a clean close, ...)."""
        if self.locked:                    # an unlocked session never wrote them
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
                mtime = path.stat().st_mtime
            except OSError:                # its session cleaned up while we looked
                lock.unlock()
                continue
            original, when = read_info(self._info(path))
            found.append(Orphan(path, original, mtime if when is None else when, lock))
        return sorted(found, key=lambda o: -o.time)

    def remove(self, orphan: Orphan) -> None:
        """Delete a crashed session's files (the user declined them, or they are restored)."""
        _unlink(orphan.path, self._info(orphan.path))
        orphan.lock.unlock()

    def keep_aside(self, orphan: Orphan) -> Path | None:
        """Move a recovery file that cannot be read out of the way (it is never offered
        again) without deleting it: ``unreadable-<session>-<time>.json`` in the same folder.
        Returns where it is now (None if even the rename failed; it then stays where it is)."""
        session = orphan.path.stem.removeprefix("recovery-")
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = orphan.path.with_name(f"unreadable-{session}-{stamp}.json")
        try:
            os.replace(orphan.path, aside)
        except OSError:
            aside = None
        _unlink(self._info(orphan.path))
        orphan.lock.unlock()
        return aside


def _lock_problem(lock: QLockFile) -> str:
    error = lock.error()
    if error == QLockFile.LockError.LockFailedError:
        return translate("Files", "another process holds it")
    if error == QLockFile.LockError.PermissionError:
        return translate("Files", "no permission to write in that folder")
    return translate("Files", "unknown error")


def _unlink(*paths: Path) -> None:
    for p in paths:
        try:
            p.unlink()
        except OSError:
            pass
