"""``Sequential``: the Keras model of the lecture notes, training through a compiled plan.

    model = Sequential([Dense(100, activation="sigmoid", input_shape=(784,)),
                        Dense(10, activation="softmax")], seed=0)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    history = model.fit(x, y, epochs=5, batch_size=32, validation_split=0.2)
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

from graphviz_nn import optim
from graphviz_nn.losses import Head, make_head
from graphviz_nn.nn.callbacks import Callback, History
from graphviz_nn.nn.fit import format_logs, run_fit
from graphviz_nn.nn.graph_build import build_graph, param_names, summary_text
from graphviz_nn.nn.layers import Dense, Dropout, Layer
from graphviz_nn.nn.plan import Plan, logits

__all__ = ["Sequential"]


class Sequential:
    """A stack of layers (``Dense``, ``Dropout``), trained with ``compile`` + ``fit``.

    ``seed`` makes the weight initialisation, the shuffling and dropout repeatable.
    ``model.graph`` is the engine graph of the model; its parameter nodes hold the weights.
    """

    def __init__(self, layers: Iterable[Layer] | Layer | None = None, name: str = "sequential",
                 seed: int | None = None) -> None:
        self.name = name
        self.layers: list[Layer] = []
        self.seed = seed
        seq = np.random.SeedSequence(seed)
        init_ss, shuffle_ss, drop_ss, graph_ss = seq.spawn(4)
        self._init_rng = np.random.default_rng(init_ss)
        self._shuffle_rng = np.random.default_rng(shuffle_ss)
        self._drop_rng = np.random.default_rng(drop_ss)
        self._graph_seed = int(graph_ss.generate_state(1)[0])
        self.input_dim: int | None = None
        self.optimizer: optim.Optimizer | None = None
        self.loss: str | None = None
        self.metrics: list[str] = []
        self._head: Head | None = None
        self._graph = None
        self._plan: Plan | None = None
        self.stop_training = False
        self.history: History | None = None
        if isinstance(layers, Layer):
            layers = [layers]
        for layer in layers or []:
            self.add(layer)

    # -- building ----------------------------------------------------------------------------
    def add(self, layer: Layer) -> None:
        """Append a layer (Keras's ``model.add``)."""
        if not isinstance(layer, Layer):
            raise TypeError(f"Sequential takes Dense/Dropout layers, got {layer!r}")
        counts = sum(type(lay) is type(layer) for lay in self.layers)
        if layer.name is None:
            base = layer.kind.lower()
            layer.name = base if counts == 0 else f"{base}_{counts}"
        if any(lay.name == layer.name for lay in self.layers):
            raise ValueError(f"two layers are named {layer.name!r}")
        self.layers.append(layer)
        self._head = None                # the output layer changed: compile again (as Keras)
        if self.built:
            self._wire()
        elif len(self.layers) == 1 and layer.input_shape is not None:
            self.build(layer.input_shape)

    @property
    def dense_layers(self) -> list[Dense]:
        return [lay for lay in self.layers if isinstance(lay, Dense)]

    def build(self, input_shape) -> None:
        """Fix the input size and create the weights (done by the first ``fit`` otherwise)."""
        shape = (input_shape,) if isinstance(input_shape, int) else tuple(input_shape)
        if shape and shape[0] is None:
            shape = shape[1:]
        if len(shape) != 1:
            raise ValueError(f"Dense layers take flat inputs, got input_shape {shape}; "
                             f"flatten images first (e.g. (28, 28) -> (784,))")
        self.input_dim = int(shape[0])
        self._wire()

    def _wire(self) -> None:
        dim = self.input_dim
        for lay in self.layers:
            lay.input_dim = dim
            dim = lay.output_dim(dim)
            if isinstance(lay, Dense) and lay.W is None:
                lay.initialize(self._init_rng)
        self._rebuild_graph()

    def _rebuild_graph(self) -> None:
        self._graph = build_graph(self.layers, self._head, self.input_dim, self._graph_seed)
        self._plan = None

    @property
    def built(self) -> bool:
        return self.input_dim is not None

    @property
    def graph(self):
        """The engine ``Graph`` of this model (inputs ``x``, ``y``; params ``W1``, ``b1``...).

        Training updates its parameter nodes' arrays in place. ``compile`` (which adds the
        loss) and ``add`` build a new graph, so fetch it after those."""
        if self._graph is None:
            raise ValueError("the model has no input size yet: give the first layer "
                             "input_shape=(n,) or call fit first")
        return self._graph

    def compile(self, optimizer: str | optim.Optimizer = "rmsprop", loss: str | None = None,
                metrics: Iterable[str] | str | None = None) -> None:
        """Choose the optimizer (name or instance), the loss and the metrics (``accuracy``)."""
        if loss is None:
            raise ValueError("compile needs a loss, e.g. loss='sparse_categorical_crossentropy'")
        if not self.dense_layers:
            raise ValueError("the model needs at least one Dense layer")
        if isinstance(metrics, str):
            metrics = [metrics]
        metrics = list(metrics or [])
        for m in metrics:
            if m not in ("accuracy", "acc"):
                raise ValueError(f"unknown metric {m!r}; the metric is 'accuracy'")
        if isinstance(self.layers[-1], Dropout):
            raise ValueError("a Dropout layer cannot come after the output layer")
        last = self.dense_layers[-1]
        head = make_head(loss, last.activation, last.units)
        self.optimizer = optim.get(optimizer)
        self.loss, self.metrics, self._head = head.name, ["accuracy"] if metrics else [], head
        if self.built:
            self._rebuild_graph()

    # -- weights -----------------------------------------------------------------------------
    def _sync_weights(self) -> None:
        """Make each layer use the arrays its graph parameter nodes hold (the GUI may have
        replaced a node's value)."""
        g = self.graph
        for k, lay in enumerate(self.dense_layers, start=1):
            for attr, name in zip(("W", "b"), param_names(k), strict=True):
                node = g[name] if name in g else None
                if node is None or node.value is None:
                    raise ValueError(f"the model's graph has lost parameter node {name!r}")
                arr, old = node.value, getattr(lay, attr)
                if arr is old:
                    continue
                if arr.shape != old.shape:
                    raise ValueError(f"parameter {name} has shape {arr.shape}, the layer "
                                     f"{lay.name} needs {old.shape}")
                if arr.dtype != np.float32 or not arr.flags.c_contiguous or \
                        not arr.flags.writeable:
                    g.set_value(node, np.ascontiguousarray(arr, dtype=np.float32))
                    arr = node.value
                setattr(lay, attr, arr)
                self._plan = None

    def get_weights(self) -> list[np.ndarray]:
        """Copies of all weights, Keras order: [W1, b1, W2, b2, ...]."""
        return [w.copy() for lay in self.dense_layers for w in lay.weights]

    def last_gradients(self) -> list[np.ndarray] | None:
        """Copies of the gradients of the last training step, in ``get_weights`` order
        ([dL/dW1, dL/db1, ...], the regularization's share included); None before the first
        step (or after the weights were replaced)."""
        plan = self._plan
        if plan is None or not plan.rows:
            return None
        return [g.copy() for g in plan.grads]

    def set_weights(self, weights: list) -> None:
        """Write weights (as from ``get_weights``) into the model's arrays, in place."""
        self._sync_weights()
        own = [w for lay in self.dense_layers for w in lay.weights]
        weights = list(weights)
        if len(weights) != len(own):
            raise ValueError(f"set_weights needs {len(own)} arrays, got {len(weights)}")
        for i, (dst, src) in enumerate(zip(own, weights, strict=True)):
            src = np.asarray(src)
            if src.shape != dst.shape:
                raise ValueError(f"weight {i} has shape {src.shape}, expected {dst.shape}")
        for dst, src in zip(own, weights, strict=True):
            np.copyto(dst, src, casting="unsafe")

    def reset_weights(self, seed: int | None = None) -> None:
        """Re-initialise (Glorot uniform, zero biases) and forget the optimizer's state."""
        self._sync_weights()
        rng = self._init_rng if seed is None else np.random.default_rng(seed)
        for lay in self.dense_layers:
            lay.initialize(rng)
        if self.optimizer is not None:
            self.optimizer.reset()

    def count_params(self) -> int:
        """Number of weights and biases."""
        return sum(lay.count_params() for lay in self.layers)

    def summary(self, print_fn=None) -> None:
        """Print Keras's table of layers, output shapes and parameter counts."""
        (print_fn or print)(self.summary_text())

    def summary_text(self) -> str:
        return summary_text(self.name, self.layers, self.input_dim)

    # -- data --------------------------------------------------------------------------------
    def _x(self, x, what: str = "x") -> np.ndarray:
        if not self.dense_layers:
            raise ValueError("the model needs at least one Dense layer")
        x = np.asarray(x)
        if x.dtype.kind not in "biuf":
            raise ValueError(f"{what} must be numbers, got {x.dtype} data")
        if not self.built and x.ndim == 2:
            self.build((x.shape[1],))
        if x.ndim != 2 or x.shape[1] != self.input_dim:
            hint = " (flatten images first)" if x.ndim > 2 else ""
            raise ValueError(f"{what} has shape {x.shape}, the model takes (n, "
                             f"{self.input_dim if self.built else '?'}){hint}")
        return np.ascontiguousarray(x, dtype=np.float32)

    def _xy(self, x, y, what: str = "") -> tuple[np.ndarray, np.ndarray]:
        if self._head is None:
            raise ValueError("compile the model first (model.compile(optimizer, loss, ...))")
        x = self._x(x, what + "x")
        return x, self._head.targets(y, len(x))

    def _get_plan(self, batch_size: int) -> Plan:
        self._sync_weights()
        plan = self._plan
        if plan is None or plan.batch_size != batch_size or plan.head is not self._head:
            plan = self._plan = Plan(self.layers, self._head, batch_size, self.input_dim,
                                     self._drop_rng)
        return plan

    # -- inference ---------------------------------------------------------------------------
    def predict(self, x, batch_size: int | None = None, verbose: int = 0) -> np.ndarray:
        """The outputs for ``x`` (class probabilities for a softmax model); dropout is off."""
        x = self._x(x)
        self._sync_weights()
        last = self.dense_layers[-1]
        with np.errstate(all="ignore"):
            z = self._logits(x)
            return last.activation.forward(z, z)

    def _logits(self, x: np.ndarray) -> np.ndarray:
        return logits(self.dense_layers, x)

    def evaluate(self, x, y, batch_size: int | None = None, verbose: int = 0
                 ) -> list[float] | float:
        """``[loss, accuracy]`` over all of ``x`` (just the loss without a metric)."""
        x, y = self._xy(x, y)
        loss, acc = self._evaluate(x, y)
        if verbose:
            print(format_logs({"loss": loss, "accuracy": acc} if self.metrics else {"loss": loss}))
        return [loss, acc] if self.metrics else loss

    def _evaluate(self, x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
        self._sync_weights()
        if len(x) == 0:
            return math.nan, math.nan
        with np.errstate(all="ignore"):
            loss, correct = self._head.evaluate(self._logits(x), y)
        return loss / len(x) + self.penalty(), correct / len(x)

    def penalty(self) -> float:
        """The weight penalties of every layer (the regularization part of the loss)."""
        return sum(lay.penalty() for lay in self.dense_layers)

    # -- diagnostics -------------------------------------------------------------------------
    def diagnostics(self) -> list[dict]:
        """Per Dense layer, from the last training step: gradient norm ‖dW‖, weight norm
        ‖W‖, and for ReLU layers the fraction of units that gave 0 for the whole batch."""
        plan, out = self._plan, []
        for k, lay in enumerate(self.dense_layers):
            d = {"layer": lay.name, "grad_norm": 0.0,
                 "weight_norm": float(np.linalg.norm(lay.W)), "dead_fraction": None}
            if plan is not None and plan.rows:
                slot = plan.dense[k]
                d["grad_norm"] = float(np.linalg.norm(slot.dW))
                if lay.activation.name == "relu" and not slot.last:
                    alive = (slot.z[:plan.rows] > 0).any(axis=0)
                    d["dead_fraction"] = float(1.0 - alive.mean())
            out.append(d)
        return out

    # -- training ----------------------------------------------------------------------------
    def fit(self, x=None, y=None, batch_size: int | None = None, epochs: int = 1,
            verbose: int | str = "auto", callbacks: list[Callback] | None = None,
            validation_split: float = 0.0, validation_data=None, shuffle: bool = True,
            initial_epoch: int = 0) -> History:
        """Train with mini-batches; returns a ``History`` (``.history["loss"]`` ...).

        Keras's arguments and defaults (batch_size 32). ``validation_split`` takes the last
        fraction of the samples, before shuffling. Stops early when ``model.stop_training``
        is set (by a callback or another thread) or when a step gives NaN/inf."""
        return run_fit(self, x, y, 32 if batch_size is None else batch_size, epochs, verbose,
                       callbacks, validation_split, validation_data, shuffle, initial_epoch)
