"""The training loop behind ``Sequential.fit``: batches, callbacks, validation, and the
non-finite guard.

Per step: gather the batch rows into the plan's buffers (``np.take(out=)``), run the plan,
check that the loss and every gradient are finite, then let the optimizer update the weights
in place. Each step's loss and accuracy go into ``history.step_log`` (two array writes);
callbacks that do not override ``on_batch_end`` cost nothing more per step, and one that raised
its ``batch_end_from`` costs one comparison until that step comes.
"""

from __future__ import annotations

import math
import sys
import time

import numpy as np

from graphviz_nn.nn.callbacks import Callback, History, StepLog
from graphviz_nn.nn.graph_build import param_names

__all__ = ["run_fit", "fit_steps"]


def _overrides(cb: Callback, hook: str) -> bool:
    return hook in vars(cb) or getattr(type(cb), hook) is not getattr(Callback, hook)


class _Printer(Callback):
    """Keras-like one line per epoch on stdout (``verbose`` 1 or 2)."""

    def __init__(self, epochs: int, steps: int) -> None:
        self.epochs, self.steps, self.t0 = epochs, steps, 0.0

    def on_epoch_begin(self, epoch, logs):
        self.t0 = time.perf_counter()

    def on_epoch_end(self, epoch, logs):
        dt = time.perf_counter() - self.t0
        print(f"Epoch {epoch + 1}/{self.epochs} - {self.steps}/{self.steps} - {dt:.2f}s - "
              f"{format_logs(logs)}", file=sys.stdout, flush=True)


def format_logs(logs: dict) -> str:
    """Keras's "loss: 0.1234 - accuracy: 0.9600" style."""
    return " - ".join(f"{k}: {v:.4f}" for k, v in logs.items() if isinstance(v, float))


def _validation(model, x, y, validation_split, validation_data):
    if validation_data is not None:
        if not isinstance(validation_data, (tuple, list)) or len(validation_data) != 2:
            raise ValueError("validation_data must be a pair (x_val, y_val)")
        xv, yv = model._xy(*validation_data, what="validation ")
        return x, y, xv, yv
    if validation_split:
        if not 0.0 < float(validation_split) < 1.0:
            raise ValueError(f"validation_split must be between 0 and 1, got "
                             f"{validation_split!r}")
        cut = int(len(x) * (1.0 - float(validation_split)))
        if cut == 0 or cut == len(x):
            raise ValueError(f"validation_split={validation_split} of {len(x)} samples leaves "
                             "no training or no validation samples")
        return x[:cut], y[:cut], x[cut:], y[cut:]
    return x, y, None, None


def _check_int(name: str, value, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low:
        raise ValueError(f"{name} must be a whole number >= {low}, got {value!r}")
    return int(value)


def run_fit(model, x, y, batch_size, epochs, verbose, callbacks, validation_split,
            validation_data, shuffle, initial_epoch) -> History:
    for _ in fit_steps(model, x, y, batch_size, epochs, verbose, callbacks, validation_split,
                       validation_data, shuffle, initial_epoch):
        pass
    return model.history


def fit_steps(model, x, y, batch_size=32, epochs=1, verbose=0, callbacks=None,
              validation_split=0.0, validation_data=None, shuffle=True, initial_epoch=0):
    """``fit`` one step at a time: a generator that yields the count of steps done after each
    step (its callbacks called). Two of them advanced in turn train two models in lock-step.
    Setting ``model.stop_training`` between two steps ends it at the next ``next()`` without
    another step (the epoch's logs and ``on_train_end`` as after a stop)."""
    batch_size = _check_int("batch_size", batch_size, 1)
    epochs = _check_int("epochs", epochs, 0)
    initial_epoch = _check_int("initial_epoch", initial_epoch, 0)
    if x is None or y is None:
        raise ValueError("fit needs training data: fit(x, y, ...)")
    x, y = model._xy(x, y)
    x, y, xv, yv = _validation(model, x, y, validation_split, validation_data)
    n = len(x)
    if n == 0:
        raise ValueError("fit needs at least one training sample")
    batch_size = min(batch_size, n)
    plan = model._get_plan(batch_size)
    opt = model.optimizer
    params, grads = plan.params, plan.grads
    steps = -(-n // batch_size)
    verbose = 1 if verbose == "auto" else int(verbose)

    history = History()
    cbs: list[Callback] = [history, *(callbacks or [])]
    if verbose:
        cbs.append(_Printer(epochs, steps))
    for cb in cbs:
        if not isinstance(cb, Callback):
            raise TypeError(f"callbacks must be Callback objects, got {cb!r}")
        cb.set_model(model)
    for cb in cbs:
        monitor = getattr(cb, "monitor", "")
        if isinstance(monitor, str) and monitor.startswith("val_") and xv is None:
            raise ValueError(f"{type(cb).__name__} monitors {monitor!r}, which needs "
                             "validation data: give validation_split or validation_data")
    batch_cbs = [cb for cb in cbs if _overrides(cb, "on_batch_end")]
    history.params = {"epochs": epochs, "steps": steps, "batch_size": batch_size,
                      "samples": n, "verbose": verbose}
    step_log = history.step_log = StepLog((epochs - initial_epoch) * steps, steps, initial_epoch)
    log_loss, log_acc = step_log.loss, step_log.accuracy
    model.history = history
    model.stop_training = False
    with_acc = bool(model.metrics)
    xbuf, ybuf = plan.x, plan.y
    step, last_logs = 0, {}
    for cb in cbs:
        cb.on_train_begin({})
    with np.errstate(all="ignore"):
        for epoch in range(initial_epoch, epochs):
            for cb in cbs:
                cb.on_epoch_begin(epoch, {})
            order = model._shuffle_rng.permutation(n) if shuffle else np.arange(n)
            loss_sum, correct_sum, seen, stopped_by_nan = 0.0, 0, 0, False
            for batch, start in enumerate(range(0, n, batch_size)):
                idx = order[start:start + batch_size]
                rows = len(idx)
                xb = np.take(x, idx, axis=0, out=xbuf[:rows])
                yb = np.take(y, idx, axis=0, out=ybuf[:rows])
                loss, correct = plan.train_step(xb, yb)
                if not (math.isfinite(loss) and plan.grads_finite()):
                    info = {"step": step, "node": _first_nonfinite(model, plan, xb, yb, loss)}
                    for cb in cbs:
                        cb.on_nonfinite(info)
                    stopped_by_nan = True
                    break
                opt.apply(params, grads)
                loss_sum += loss * rows
                correct_sum += correct
                seen += rows
                log_loss[step] = loss
                if with_acc:
                    log_acc[step] = correct / rows
                step_log.count = step + 1
                logs = None
                for cb in batch_cbs:
                    if step >= cb.batch_end_from:
                        if logs is None:
                            logs = {"loss": loss, "epoch": epoch, "batch": batch, "step": step}
                            if with_acc:
                                logs["accuracy"] = correct / rows
                        cb.on_batch_end(step, logs)
                step += 1
                yield step
                if model.stop_training:
                    break
            if stopped_by_nan:
                break
            logs = {"loss": loss_sum / seen}
            if with_acc:
                logs["accuracy"] = correct_sum / seen
            if xv is not None:
                val_loss, val_acc = model._evaluate(xv, yv)
                logs["val_loss"] = val_loss
                if with_acc:
                    logs["val_accuracy"] = val_acc
            for cb in cbs:
                cb.on_epoch_end(epoch, logs)
            last_logs = logs
            if model.stop_training:
                break
        for cb in cbs:
            cb.on_train_end(dict(last_logs))


def _bad(arr) -> bool:
    return arr is not None and arr.dtype.kind == "f" and not np.isfinite(arr).all()


def _first_nonfinite(model, plan, xb, yb, loss) -> str:
    """Where the step blew up: the first node, in topological order, whose value is NaN/inf;
    if every value is finite, the first node the backward pass reaches (reverse topological
    order) whose gradient is. The engine graph recomputes the step once (a rare path) and
    keeps the batch in ``x``/``y`` so the GUI can show it."""
    try:
        g = model.graph
        g.set_value(g["x"], xb.copy())
        if "y" in g:
            g.set_value(g["y"], yb.copy())
        g.forward()
        for node in g.nodes:
            if _bad(node.value):
                return node.name
        g.backward(g["loss"])
        for node in reversed(g.nodes):
            if node.op != "input" and _bad(node.grad):
                return node.name
    except Exception:  # noqa: BLE001 - the guard must not fail; fall back to the plan's view
        pass
    if not math.isfinite(loss):
        return "loss"
    for k, slot in enumerate(plan.dense, start=1):
        for name, arr in zip(param_names(k), (slot.dW, slot.db), strict=True):
            if not np.isfinite(arr).all():
                return name
    return "loss"
