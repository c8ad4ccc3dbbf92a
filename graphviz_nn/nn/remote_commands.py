"""The trainer child's side of the parent's commands: what the parent asked for (``_Control``)
and the thread that reads the parent's messages from stdin and acts on them (``_reader``).

The messages themselves are described in ``graphviz_nn.nn.remote``.
"""

from __future__ import annotations

import queue
import threading

from graphviz_nn.nn import wire


def _rate(value) -> float | None:
    """A speed from the parent: steps a second, or None for full speed (anything else)."""
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value < 1e9
    return float(value) if ok else None


class _Control:
    """What the parent asked for; written by the reader thread, read by the trainer."""

    def __init__(self) -> None:
        self.job = None
        self.paused = False
        self.steps_left: int | None = None
        self.stop = False
        self.attention = False
        self.commands: queue.Queue = queue.Queue()
        self.model = None
        self.direct_stop = True              # a stop may end fit at once (not a paired run)
        self.speed: float | None = None      # steps a second; None: full speed
        self.wake = threading.Event()        # set on every command: a paced wait ends


COMMANDS = ("fit", "pause", "resume", "step", "stop", "set_weights", "speed", "quit")


def _checked(head: dict) -> str:
    """The kind of a message from the parent; WireError for one this trainer cannot follow."""
    kind = head.get("t")
    if kind not in COMMANDS:
        raise wire.WireError(f"unknown message {kind!r:.40}")
    job = head.get("job")
    if kind != "quit" and (not isinstance(job, int) or isinstance(job, bool)):
        raise wire.WireError(f"{kind} message without a job number")
    if kind == "fit" and not (isinstance(head.get("model"), dict)
                              and isinstance(head.get("fit"), dict)
                              and isinstance(head.get("data"), list) and head["data"]):
        raise wire.WireError("fit message without its model, fit arguments and data")
    return kind


def _reader(inp, ctrl: _Control, jobs: queue.Queue, problems: list[str]) -> None:
    """Read the parent's messages; jobs go to the main thread, commands act at once. At the
    end of stdin, on "quit" or on a message that is not one of ours (the stream can no longer
    be trusted: it is said in ``problems``), the running job is stopped and the trainer ends."""
    try:
        while True:
            msg = wire.recv(inp)
            if msg is None:
                break
            head, arrays = msg
            kind = _checked(head)
            if kind == "fit":
                ctrl.job, ctrl.stop, ctrl.paused = head["job"], False, False
                ctrl.steps_left, ctrl.attention = None, False
                ctrl.speed = _rate(head.get("speed"))   # here: in order with "speed" commands
                jobs.put((head, arrays))
                continue
            if kind == "quit":
                break
            if head["job"] != ctrl.job:
                continue      # a command for a job that has ended
            if kind == "pause":
                ctrl.paused = True
            elif kind == "resume":
                ctrl.paused, ctrl.steps_left = False, None
            elif kind == "step":
                ctrl.steps_left, ctrl.paused = 1, False
            elif kind == "stop":
                ctrl.stop = True
                if ctrl.model is not None and ctrl.direct_stop:
                    ctrl.model.stop_training = True
            elif kind == "set_weights":
                ctrl.commands.put(("set_weights", arrays))
            elif kind == "speed":
                ctrl.speed = _rate(head.get("steps_per_s"))
            ctrl.attention = True
            ctrl.commands.put(("wake", None))
            ctrl.wake.set()
    except wire.WireError as exc:
        problems.append(str(exc))
    except OSError:
        pass
    finally:
        ctrl.stop = ctrl.attention = True
        if ctrl.model is not None and ctrl.direct_stop:
            ctrl.model.stop_training = True
        ctrl.commands.put(("wake", None))
        ctrl.wake.set()
        jobs.put(None)
