"""What the training dock must not let the learner miss: a run that blew up (NaN, or a loss
that diverged) and a data set that cannot be loaded. Each goes to the window's message bar
(``window.notify(..., key="train", workspace="train")``, see ui/message_bar.py), with a button
that does what the text advises; passing news stays on the status bar (``dock.message``).

A dock without a window (``TrainingDock()`` on its own) says the same on ``dock.message``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from ui.i18n import translate

KEY = "train"
WORKSPACE = "train"

Action = tuple[str, Callable[[], object]]


class Feedback:
    """The dock's way to the window's message bar."""

    def __init__(self, dock) -> None:
        self.dock = dock
        self._notify: Callable | None = None
        self._clear: Callable[[str], object] | None = None
        self.shown = ""                 # the text of the notice up now ("" when none)
        self.bar = None                 # the message bar the window showed it in

    def connect(self, window) -> None:
        """Send notices to ``window.notify`` / ``window.clear_notice`` (a ``MainWindow``)."""
        self._notify = getattr(window, "notify", None)
        self._clear = getattr(window, "clear_notice", None)

    def show(self, text: str, severity: str = "error", actions: Sequence[Action] = ()) -> None:
        self.shown = text
        if self._notify is None:
            self.dock.message.emit(text)
            return
        self.bar = self._notify(text, severity, actions=list(actions), key=KEY,
                                workspace=WORKSPACE)

    def clear(self) -> None:
        """Take back the dock's notice (a new run, Resume, Stop)."""
        self.shown = ""
        if self._clear is not None:
            self._clear(KEY)


def halted_text(halt: dict, lr: float, weights: list[np.ndarray]) -> str:
    """Why the run paused by itself: a NaN or infinity (``halt["why"] == "nonfinite"``, with
    ``step`` and ``node``) or a diverging loss (``"diverged"``, with ``loss``, ``first`` and
    ``step`` or ``epoch``); what to do about it."""
    action = translate("TrainingDock", "“Lower the learning rate” divides it by 10 (to {low}), "
                                       "puts back fresh weights and goes on.").format(
        low=f"{lr / 10:g}")
    if halt.get("why") == "nonfinite":
        finite = all(np.isfinite(w).all() for w in weights)
        restored = (translate("TrainingDock", "the parameters were returned to their last "
                                              "finite values") if finite else
                    translate("TrainingDock", "some parameters are still not finite"))
        return translate(
            "TrainingDock", "Training paused at step {step}: node '{node}' became NaN or "
            "infinite; {restored}. The learning rate ({lr}) is probably too large: try a lower "
            "learning rate. {action} Or change it yourself, then Resume (Reset weights first "
            "if the weights have grown huge).").format(
            step=halt.get("step", "?"), node=halt.get("node", "?"), restored=restored,
            lr=f"{lr:g}", action=action)
    where = (translate("TrainingDock", "at step {step}").format(step=halt["step"] + 1)
             if "step" in halt else
             translate("TrainingDock", "over epoch {epoch}").format(epoch=halt["epoch"] + 1))
    return translate(
        "TrainingDock", "Training paused: the loss diverged. It grew from {first} at the first "
        "step to {loss} {where}, and a network whose loss has grown this much has stopped "
        "learning. The learning rate ({lr}) is too large: try a lower learning rate. {action} "
        "Or change it yourself, then Resume.").format(
        first=f"{halt['first']:.3g}", loss=f"{halt['loss']:.3g}", where=where, lr=f"{lr:g}",
        action=action)


def data_failed_text(kind: str, err: Exception) -> str:
    """Why an image data set (MNIST, Fashion-MNIST) did not load, and how to load it anyway:
    its four files, where they come from, and the folder to point the app at."""
    from graphviz_nn.datasets import DatasetUnavailable

    if not isinstance(err, DatasetUnavailable):
        return translate("TrainingDock", "{kind} cannot be loaded: {why}. Press “Choose "
                                         "folder…” to load it from a folder holding its files."
                         ).format(kind=kind, why=err)
    files = err.files
    return translate(
        "TrainingDock", "{kind} cannot be loaded: {why}. It needs four files: {a}, {b}, {c} "
        "and {d}, published at {source} (the files Keras downloads). Download them where "
        "there is a network, put them in one folder, and press “Choose folder…” to load them "
        "from there; the folder is remembered.").format(
        kind=kind, why=err.reason, a=files[0], b=files[1], c=files[2], d=files[3],
        source=err.sources[0])
