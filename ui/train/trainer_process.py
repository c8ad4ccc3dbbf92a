"""The child process that trains ``Sequential`` models for the window (``graphviz_nn.nn.remote``).

Why a process and not a thread: the trainer's steps are ~100 µs of mostly Python, and a thread
shares the interpreter lock with the GUI, so every millisecond the window spends on its curves
is one the trainer waits. In its own process the trainer never waits for the window.

One child serves all runs of this app, one job at a time: started on the first run (again if it
died), ended with the app or when its stdin closes. A writer thread sends (so the GUI thread
never blocks on a pipe, even with a big data set) and a reader thread files what comes back in
the inbox of its job, for the worker's ``QTimer`` to drain on the GUI thread.
"""

from __future__ import annotations

import atexit
import itertools
import os
import queue
import subprocess
import sys
import threading
from collections import deque

import numpy as np

import graphviz_nn
from graphviz_nn.nn import wire

__all__ = ["TrainerProcess", "trainer_process", "close_trainer_process", "next_job_id"]

_SINGLE_BLAS = {k: "1" for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}


class _Inbox:
    """What the reader thread leaves for one job (deque appends are atomic)."""

    def __init__(self) -> None:
        self.messages: deque = deque()
        self.parked = threading.Event()
        self.done = threading.Event()


PIPE_BYTES = 1 << 20     # a progress message with its time-travel snapshots: ~0.1 MB


def _grow(pipe) -> None:
    """Make ``pipe`` hold a megabyte (Linux; elsewhere it stays as it is): with the default
    64 kB the trainer waited for the window to read a message whenever the window was busy
    drawing (a fifth of its time in the selftest)."""
    try:
        import fcntl
        fcntl.fcntl(pipe.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_BYTES)
    except (ImportError, OSError, ValueError):
        pass


class TrainerProcess:
    """The child process, a thread that writes to it and one that reads from it."""

    def __init__(self) -> None:
        env = dict(os.environ, **_SINGLE_BLAS)
        root = os.path.dirname(os.path.dirname(os.path.abspath(graphviz_nn.__file__)))
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        self.proc = subprocess.Popen([sys.executable, "-m", "graphviz_nn.nn.remote"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        for pipe in (self.proc.stdin, self.proc.stdout):
            _grow(pipe)
        self._inboxes: dict[int, _Inbox] = {}
        self._outbox: queue.Queue = queue.Queue()
        self._last: tuple[int, _Inbox] | None = None    # the newest job
        self.alive = True
        threading.Thread(target=self._read, daemon=True, name="graphviz-nn-trainer-in").start()
        threading.Thread(target=self._write, daemon=True, name="graphviz-nn-trainer-out").start()

    def submit(self, job: int, head: dict, arrays: list[np.ndarray]) -> _Inbox:
        """Queue a fit; a job still under way is asked to stop, and the fit waits for it."""
        prev = self._last
        if prev is not None and not prev[1].done.is_set():
            self.send({"t": "stop", "job": prev[0]})
        inbox = self._inboxes[job] = _Inbox()
        self._last = (job, inbox)
        self._outbox.put((head, arrays, prev[1] if prev is not None else None))
        return inbox

    def send(self, head: dict, arrays: list[np.ndarray] | tuple = ()) -> None:
        self._outbox.put((head, list(arrays), None))

    def _write(self) -> None:
        while True:
            head, arrays, after = self._outbox.get()
            if head is None:
                break
            if after is not None:       # one job at a time: the previous one must have ended
                after.done.wait()
            try:
                wire.send(self.proc.stdin, head, arrays)
            except (OSError, ValueError):
                break
        try:
            self.proc.stdin.close()
        except OSError:
            pass

    def _read(self) -> None:
        why = None
        while True:
            try:
                msg = wire.recv(self.proc.stdout)
            except wire.WireError as exc:       # not a message of ours: stop listening
                msg, why = None, str(exc)
            except OSError:
                msg = None
            if msg is None:
                break
            head, arrays = msg
            inbox = self._inboxes.get(head.get("job"))
            if inbox is None:
                continue
            inbox.messages.append((head, arrays))
            kind = head.get("t")
            if kind == "parked":
                inbox.parked.set()
            elif kind == "done":
                del self._inboxes[head["job"]]
                inbox.done.set()
        self.alive = False
        try:
            code = self.proc.wait(1.0)      # its stdout has closed: it is ending, or has
        except subprocess.TimeoutExpired:   # still running, but no longer understood
            self.proc.kill()
            code = self.proc.wait()
        for inbox in list(self._inboxes.values()):
            inbox.messages.append(({"t": "died", "code": code, "why": why}, []))
            inbox.done.set()
        self._inboxes.clear()
        self._outbox.put((None, None, None))    # the writer ends too

    def close(self, timeout: float = 2.0) -> None:
        self._outbox.put((None, None, None))
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()


_PROCESS: list[TrainerProcess] = []
_JOBS = itertools.count(1)


def next_job_id() -> int:
    return next(_JOBS)


def trainer_process() -> TrainerProcess:
    """The app's trainer process, started on first use (again if it has died)."""
    if not _PROCESS or not _PROCESS[0].alive or _PROCESS[0].proc.poll() is not None:
        _PROCESS[:] = [TrainerProcess()]
    return _PROCESS[0]


def close_trainer_process() -> None:
    if _PROCESS:
        _PROCESS.pop().close()


atexit.register(close_trainer_process)
