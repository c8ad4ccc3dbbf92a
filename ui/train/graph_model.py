"""Train the graph drawn on the canvas, with the same ``fit`` and callback contract as
``graphviz_nn.nn.Sequential`` (so the worker, the curves and the views need not know).

The graph needs an input node ``x`` for the data, a loss (``softmax_cross_entropy`` or ``mse``)
and ``param`` nodes to learn. Each step puts a batch into ``x`` (and the labels node), runs the
engine's forward and backward passes, and lets the optimizer update the ``param`` values in
place, so the canvas shows the weights as they change. This is the engine doing the work, one
op at a time: slower than the compiled ``Sequential`` plan, and meant for small graphs.
"""

from __future__ import annotations

import math

import numpy as np

from ui.engine_text import engine_text
from ui.i18n import translate
from ui.train.inference import activate

LOSS_OPS = ("softmax_cross_entropy", "mse")


def _finite(a) -> bool:
    return a is None or not np.issubdtype(np.asarray(a).dtype, np.floating) or \
        bool(np.isfinite(a).all())


class GraphModel:
    """A model view of an engine graph: ``fit``, weights, diagnostics, prediction."""

    def __init__(self, graph, output=None, optimizer=None) -> None:
        if "x" not in graph or graph["x"].op != "input":
            raise ValueError(translate("TrainingDock", "the graph on the canvas needs an input "
                                       "node named x for the data"))
        loss = output if output is not None and output.op in LOSS_OPS else None
        if loss is None:
            losses = [n for n in graph.nodes if n.op in LOSS_OPS]
            loss = losses[-1] if losses else None
        if loss is None:
            raise ValueError(translate("TrainingDock", "the graph on the canvas has no loss to "
                                       "minimise (softmax_cross_entropy or mse)"))
        labels = loss.inputs[1] if len(loss.inputs) > 1 else None
        if labels is None or labels.op != "input":
            raise ValueError(translate("TrainingDock", "the loss {name} needs its targets from "
                                       "an input node").format(name=loss.name))
        self.params = [n for n in graph.nodes if n.op == "param"]
        if not self.params:
            raise ValueError(translate("TrainingDock", "the graph on the canvas has no param "
                                       "nodes to train"))
        self.graph, self.loss, self.labels, self.logits = graph, loss, labels, loss.inputs[0]
        self.x = graph["x"]
        self.classifier = loss.op == "softmax_cross_entropy"
        self.optimizer = optimizer
        self.stop_training = False
        self._initial = [np.array(p.value, copy=True) for p in self.params]
        self._grads: list = [None] * len(self.params)   # of the last training step
        self._shadow = graph.copy()   # for predictions on the GUI thread, never trained

    @property
    def input_dim(self) -> int | None:
        v = self.x.value
        return int(v.shape[1]) if v is not None and np.ndim(v) == 2 else None

    # weights ------------------------------------------------------------------------------------
    def get_weights(self) -> list[np.ndarray]:
        return [np.array(p.value, copy=True) for p in self.params]

    def count_params(self) -> int:
        return int(sum(np.size(p.value) for p in self.params))

    def last_gradients(self) -> list[np.ndarray] | None:
        """Copies of the last training step's gradients (``get_weights`` order), or None."""
        if any(g is None for g in self._grads):
            return None
        return [np.array(g, copy=True) for g in self._grads]

    def set_weights(self, weights) -> None:
        for p, w in zip(self.params, weights, strict=True):
            np.copyto(p.value, w, casting="unsafe")

    def reset_weights(self, seed: int | None = None) -> None:
        """Back to the values the params had when this model was made."""
        self.set_weights(self._initial)
        if self.optimizer is not None and hasattr(self.optimizer, "reset"):
            self.optimizer.reset()

    def diagnostics(self) -> list[dict]:
        # the last step's gradients, kept: a validation pass or the end of fit (putting the
        # example's data back) clears the nodes' own
        out = []
        for p, g in zip(self.params, self._grads, strict=True):
            if np.ndim(p.value) == 2:
                out.append({"layer": p.name, "weight_norm": float(np.linalg.norm(p.value)),
                            "grad_norm": float(np.linalg.norm(g)) if g is not None else 0.0,
                            "dead_fraction": None})
        return out

    def histograms(self) -> list[dict]:
        """Histograms of each weight matrix and of its last step's gradient."""
        from graphviz_nn.nn.histograms import layer_histograms
        pairs = [(p, g) for p, g in zip(self.params, self._grads, strict=True)
                 if np.ndim(p.value) == 2]
        return layer_histograms([p.name for p, _ in pairs], [p.value for p, _ in pairs],
                                [g for _, g in pairs])

    # prediction (GUI thread, on a private copy) --------------------------------------------------
    def predict_with(self, weights, x: np.ndarray) -> np.ndarray:
        """Class probabilities (or raw outputs for mse) of ``x`` with a weight snapshot."""
        g = self._shadow
        g.training = False
        for p, w in zip(self.params, weights, strict=True):
            g.set_value(g[p.name], w)
        g.set_value(g["x"], np.asarray(x, dtype=np.float64))
        g.set_value(g[self.labels.name], np.zeros(len(x), dtype=np.int64) if self.classifier
                    else np.zeros((len(x), *np.shape(self.labels.value)[1:])))
        g.forward()
        z = np.array(g[self.logits.name].value, dtype=np.float64)   # a copy: softmax is in place
        return activate(z, "softmax") if self.classifier else z

    # training (worker thread) --------------------------------------------------------------------
    def _step(self, xb, yb) -> tuple[float, float]:
        g = self.graph
        g.set_value(self.x, xb)
        g.set_value(self.labels, yb)
        errors = g.forward()
        if errors:
            node, why = next(iter(errors.items()))
            raise ValueError(translate("TrainingDock", "the graph cannot compute {name}: {why}")
                             .format(name=node.name, why=engine_text(why)))
        loss = float(np.asarray(self.loss.value))
        acc = math.nan
        if self.classifier:
            acc = float((np.argmax(self.logits.value, axis=1) == yb).mean())
        return loss, acc

    def _first_nonfinite(self) -> str:
        for n in self.graph.nodes:
            if not _finite(n.value):
                return n.name
        for n in reversed(self.graph.nodes):
            if not _finite(n.grad):
                return n.name
        return self.loss.name

    def fit(self, x, y, epochs=1, batch_size=32, validation_data=None, shuffle=True,
            verbose=0, callbacks=(), seed: int = 0):
        g, cbs = self.graph, list(callbacks or [])
        keep = (self.x.value, self.labels.value)
        rng = np.random.default_rng(seed)
        n, step = len(x), 0
        self.stop_training = False
        try:
            for epoch in range(epochs):
                order = rng.permutation(n) if shuffle else np.arange(n)
                g.training = True
                loss_sum = acc_sum = seen = 0.0
                for batch, start in enumerate(range(0, n, batch_size)):
                    idx = order[start:start + batch_size]
                    loss, acc = self._step(x[idx], y[idx])
                    g.backward(self.loss)
                    grads = self._grads = [p.grad for p in self.params]
                    if not (math.isfinite(loss) and all(_finite(gr) for gr in grads)):
                        # the update is not applied: the params keep their last finite values
                        info = {"step": step, "node": self._first_nonfinite()}
                        for cb in cbs:
                            cb.on_nonfinite(info)
                        return None
                    self.optimizer.apply([p.value for p in self.params], grads)
                    loss_sum, acc_sum, seen = (loss_sum + loss * len(idx),
                                               acc_sum + acc * len(idx), seen + len(idx))
                    logs = {"loss": loss, "epoch": epoch, "batch": batch, "step": step}
                    if self.classifier:
                        logs["accuracy"] = acc
                    for cb in cbs:
                        cb.on_batch_end(step, logs)
                    step += 1
                    if self.stop_training:
                        return None
                logs = {"loss": loss_sum / seen}
                if self.classifier:
                    logs["accuracy"] = acc_sum / seen
                if validation_data is not None and len(validation_data[0]):
                    g.training = False
                    logs["val_loss"], val_acc = self._step(*validation_data)
                    if self.classifier:
                        logs["val_accuracy"] = val_acc
                for cb in cbs:
                    cb.on_epoch_end(epoch, logs)
                if self.stop_training:
                    return None
        finally:   # leave the canvas's own example data in place
            g.training = True
            for node, value in zip((self.x, self.labels), keep, strict=True):
                if value is not None:
                    g.set_value(node, value)
        return None
