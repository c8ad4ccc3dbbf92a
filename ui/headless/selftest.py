"""``graphviz-nn selftest [--startup-only]``: drive the real window and measure it.

1. Open the main window on the default example and time until it has painted once
   (``--startup-only`` stops here).
2. Run forward and backward through the window's own actions; check f = -12 and the gradients
   of x, y, z (-4, -4, 3).
3. Train the spiral MLP in the Train workspace for a fixed number of steps while a 5 ms timer
   measures the longest event-loop stall and the network diagram (shown) counts how often its
   neuron maps were redrawn; then time the same training headless.

The last line printed is ``selftest ok: startup_ms=… max_stall_ms=… gui_train_ratio=…`` (exit 0)
or ``selftest failed: …`` (exit 1). ``gui_train_ratio`` is the window's training speed (steps/s)
divided by the headless speed of the same model, data and settings. A line before it gives
the network diagram's maps redrawn per second during the run (target >= 10, ``--min-maps``).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass

T_ENTRY = time.perf_counter()


class SelftestError(Exception):
    """A check failed; the message says which."""


def _process_age_s() -> float | None:
    """Seconds since this process started (Linux), so startup includes the interpreter."""
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        with open("/proc/uptime", encoding="ascii") as fh:
            uptime = float(fh.read().split()[0])
        return uptime - int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def _parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="graphviz-nn selftest", description=__doc__.split("\n")[0])
    p.add_argument("--startup-only", action="store_true",
                   help="exit as soon as the main window has painted once")
    p.add_argument("--steps", type=int, default=15000,
                   help="training steps (default 15000, about 2 s headless)")
    p.add_argument("--max-stall-ms", type=float, default=50.0,
                   help="fail when the event loop stalls longer (default 50)")
    p.add_argument("--min-ratio", type=float, default=0.9,
                   help="fail when GUI training is slower than this share of headless (0.9)")
    p.add_argument("--min-maps", type=float, default=10.0,
                   help="fail when the network diagram redraws its maps fewer times a second "
                        "while training (10; not judged for runs under 2 s)")
    return p.parse_args(argv)


def _wait(app, predicate, timeout_s: float, what: str, poll_ms: int = 10) -> None:
    """Run the real event loop until ``predicate()`` holds (checked every ``poll_ms``)."""
    from PySide6.QtCore import QEventLoop, QTimer

    if predicate():
        return
    loop = QEventLoop()
    end = time.perf_counter() + timeout_s
    timed_out = []

    def check() -> None:
        if predicate():
            loop.quit()
        elif time.perf_counter() > end:
            timed_out.append(True)
            loop.quit()

    poll = QTimer()
    poll.setInterval(poll_ms)
    poll.timeout.connect(check)
    poll.start()
    loop.exec()
    poll.stop()
    if timed_out:
        raise SelftestError(f"timed out after {timeout_s:.0f} s waiting for {what}")


def _show_window(app):
    from PySide6.QtCore import QEvent, QObject

    from ui import start

    painted: list[float] = []

    class PaintSpy(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Paint and not painted:
                painted.append(time.perf_counter())
            return False

    spy = PaintSpy()
    app.installEventFilter(spy)
    start.LONG_LIVED = True        # as in the app: the window's objects kept from the collector
    # as `graphviz-nn` starts: show, paint, then the example and the panels (training dock)
    window = start.launch([], after_first_paint=start.panel_installers())
    if window is None:
        raise SelftestError("the main window could not be created")
    _wait(app, lambda: bool(painted), 20, "the window's first paint")
    app.removeEventFilter(spy)
    start.keep_long_lived()
    return window, painted[0]


def _check_example(app, window) -> None:
    import numpy as np

    c = window.controller
    if "f" not in c.graph:
        import graphviz_nn as gnn
        g = gnn.parse("f = (x + y) * z", x=-2, y=5, z=-4)
        c.load_graph(g, output=g["f"])
    window.actions["forward"].trigger()
    app.processEvents()
    window.actions["backward"].trigger()
    app.processEvents()
    g = c.graph
    got = {"f": g["f"].value, "x.grad": g["x"].grad, "y.grad": g["y"].grad, "z.grad": g["z"].grad}
    want = {"f": -12.0, "x.grad": -4.0, "y.grad": -4.0, "z.grad": 3.0}
    for key, expected in want.items():
        value = got[key]
        if value is None or not np.allclose(float(np.asarray(value)), expected):
            raise SelftestError(f"default example: {key} is {value}, expected {expected:g}")


SPIRAL = {"n": 600, "noise": 0.1, "hidden": "32,32", "batch": 32, "lr": 0.01, "split": 0.2}


def _configure_dock(dock, epochs: int) -> None:
    f, m = dock.data_form, dock.model_form
    f.kind.setCurrentText("spiral")
    f.size.setValue(SPIRAL["n"])
    f.noise.setValue(SPIRAL["noise"])
    m.hidden.setText(SPIRAL["hidden"])
    m.activation.setCurrentText("relu")
    m.dropout.setValue(0.0)
    m.optimizer.setCurrentText("Adam")
    m.lr.setValue(SPIRAL["lr"])
    m.batch.setValue(SPIRAL["batch"])
    m.val_split.setValue(SPIRAL["split"])
    m.epochs.setValue(epochs)
    m.show_on_canvas.setChecked(True)
    dock.set_speed(None)        # full speed, chosen: the 2-D sets start slow enough to watch


def _dock_of(window):
    """The training dock, on screen as the learner sees it (the Train workspace)."""
    if hasattr(window, "show_workspace"):
        window.show_workspace("train")
    dock = getattr(window, "training_dock", None)
    if dock is None:
        from ui.train import install
        dock = install(window)
    return dock


@dataclass
class Measured:
    """One training run in the window, and the same fit headless just before and after."""

    stall_ms: float = 0.0       # the longest event-loop stall
    window_rate: float = 0.0    # steps/s of the trainer while the window showed the run
    maps_rate: float = 0.0      # network diagram map redraws a second
    seconds: float = 0.0        # the run's length on the trainer's clock
    busy: float = 0.0           # the trainer's CPU time over its wall time
    window_cpu: float = 0.0     # the window process's CPU time over the run's wall time
    steps: int = 0
    before: float = 0.0         # headless steps/s just before the run
    after: float = 0.0          # and just after

    @property
    def headless_rate(self) -> float:
        """Steps/s of the two headless fits together (the machine's speed drifts)."""
        return 2 / (1 / self.before + 1 / self.after)


def _train_in_window(app, dock, steps: int) -> Measured:
    """Train in the dock; what the run showed (the headless speeds are the caller's)."""
    from PySide6.QtCore import Qt, QTimer

    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setTimerType(Qt.PreciseTimer)
    timer.setInterval(5)
    timer.timeout.connect(tick)
    settle = time.perf_counter() + 0.5     # let the dock lay itself out and paint first
    _wait(app, lambda: time.perf_counter() > settle, 5, "the window to settle")
    if dock.controls.speed.rate() is not None:
        raise SelftestError(f"the training dock's speed is {dock.controls.speed.value.text()}, "
                            "not full speed")
    if not dock.network.isVisible():
        raise SelftestError("the network diagram is not on screen in the Train workspace")
    timer.start()
    last[0] = time.perf_counter()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    maps0 = dock.network.refreshes
    dock.train()
    if dock.worker is None:
        raise SelftestError("the training dock did not start training")
    # a slow poll: the harness should not wake the GUI thread (and take the GIL) more often
    # than the stall timer does; the trainer's own clock (fit_seconds) gives its speed
    _wait(app, lambda: dock.state == "idle", 600, "training in the window to finish", 100)
    timer.stop()
    window_cpu = (time.process_time() - cpu0) / (time.perf_counter() - wall0)
    worker = dock.worker
    if worker.steps_done != steps:
        raise SelftestError(f"the window trained {worker.steps_done} steps, expected {steps}")
    if worker.fit_seconds <= 0:
        raise SelftestError("training in the window took no time?")
    maps = dock.network.refreshes - maps0
    return Measured(stall_ms=1000 * max(gaps, default=0.0),
                    window_rate=worker.steps_done / worker.fit_seconds,
                    maps_rate=maps / worker.fit_seconds, seconds=worker.fit_seconds,
                    busy=worker.fit_cpu_seconds / worker.fit_seconds, window_cpu=window_cpu,
                    steps=steps)


def _train_headless(settings, data) -> float:
    """Seconds of a plain ``model.fit`` in this process, with the dock's own fit arguments."""
    from ui.train.data_form import fit_kwargs, split_data
    from ui.train.model_form import build_model

    xt, yt, xv, yv = split_data(data, settings.validation_split, settings.seed)
    model = build_model(settings, data.x.shape[1], data.classes)
    kw = fit_kwargs(xt, yt, xv, yv, settings.epochs, settings.batch_size)
    t0 = time.perf_counter()
    model.fit(**kw)
    return time.perf_counter() - t0


def _measure_training(app, window, steps: int) -> Measured:
    """The spiral MLP trained in the Train workspace with its network diagram on screen, and
    the same fit headless just before and just after."""
    import math

    if hasattr(window, "show_workspace"):
        window.show_workspace("train")
    dock = _dock_of(window)
    per_epoch = math.ceil(SPIRAL["n"] * (1 - SPIRAL["split"]) / SPIRAL["batch"])
    epochs = max(1, round(steps / per_epoch))
    steps = epochs * per_epoch
    _configure_dock(dock, epochs)
    settings, data = dock.model_form.settings(), dock.data_form.current()
    _train_headless(settings, data)   # warm-up: first-call costs are nobody's fault
    before = _train_headless(settings, data)
    m = _train_in_window(app, dock, steps)
    after = _train_headless(settings, data)
    # the machine's speed drifts: the headless time just before and just after (both are
    # printed: how far apart they are says how far to trust the ratio)
    m.before, m.after = steps / before, steps / after
    return m


def run(args: argparse.Namespace) -> str:
    """Run the checks; return the summary line (raises SelftestError on a failed check)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["graphviz-nn"])
    window, painted_at = _show_window(app)
    age = _process_age_s()
    if age is not None:   # from process start: interpreter and imports included
        startup_ms = 1000 * (age - (time.perf_counter() - painted_at))
    else:
        startup_ms = 1000 * (painted_at - T_ENTRY)
    try:
        if args.startup_only:
            return f"selftest ok: startup_ms={startup_ms:.0f}"
        _check_example(app, window)
        m = _measure_training(app, window, args.steps)
        ratio = m.window_rate / m.headless_rate
        summary = (f"startup_ms={startup_ms:.0f} max_stall_ms={m.stall_ms:.1f} "
                   f"gui_train_ratio={ratio:.2f}")
        print(f"trained {m.steps} steps at full speed: window {m.window_rate:,.0f} steps/s, "
              f"headless {m.headless_rate:,.0f} steps/s (before {m.before:,.0f}, after "
              f"{m.after:,.0f}); the trainer computed {m.busy:.0%} of its run's time, the window "
              f"used {m.window_cpu:.0%} of a CPU", flush=True)
        print(f"network diagram: {m.maps_rate:.1f} map redraws/s while training "
              f"({SPIRAL['hidden']} hidden units at 50x50; target >= {args.min_maps:g})",
              flush=True)
        if m.seconds >= 2.0 and m.maps_rate < args.min_maps:
            raise SelftestError(f"{summary}: the network diagram redrew its maps "
                                f"{m.maps_rate:.1f} times a second (limit {args.min_maps:g})")
        if m.stall_ms > args.max_stall_ms:
            raise SelftestError(f"{summary}: the event loop stalled {m.stall_ms:.0f} ms "
                                f"(limit {args.max_stall_ms:g} ms)")
        if ratio < args.min_ratio:
            raise SelftestError(f"{summary}: training in the window ran at {ratio:.0%} of "
                                f"headless (limit {args.min_ratio:.0%})")
        return f"selftest ok: {summary}"
    finally:
        dock = getattr(window, "training_dock", None)
        if dock is not None:
            dock.shutdown()
        window.close()
        app.processEvents()


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``graphviz-nn selftest``; returns the exit code."""
    args = _parse(list(sys.argv[1:] if argv is None else argv))
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        line = run(args)
    except SelftestError as exc:
        print(f"selftest failed: {exc}", flush=True)
        return 1
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback at the user
        print(f"selftest failed: {type(exc).__name__}: {exc}", flush=True)
        return 1
    print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
