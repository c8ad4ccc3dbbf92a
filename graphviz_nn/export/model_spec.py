"""A Keras-style model as plain data: layers, weights, loss, optimizer, training settings, data.

``ModelSpec`` is what the PyTorch and Keras model exports and the ``.keras`` files read and
write. It comes from a ``Sequential`` (``from_sequential``) or from a graph that has the shape
of one (``from_graph``: the MLP builder's graph, a ``Sequential``'s ``model.graph``), and turns
back into a compiled ``Sequential`` (``to_sequential``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..node import GraphError, Node

ACTIVATIONS = ("linear", "relu", "sigmoid", "tanh", "softmax", "leaky_relu", "elu")
LOSSES = ("sparse_categorical_crossentropy", "mse")
# Keras's optimizer names and the hyper-parameters graphviz-nn's optimizers take
OPTIMIZER_ARGS = {"adam": ("learning_rate", "beta_1", "beta_2", "epsilon"),
                  "sgd": ("learning_rate", "momentum", "nesterov"),
                  "rmsprop": ("learning_rate", "rho", "momentum", "epsilon", "centered"),
                  "adagrad": ("learning_rate", "initial_accumulator_value", "epsilon")}


@dataclass
class Layer:
    """``Dense`` (``units``, ``activation``) or ``Dropout`` (``rate``)."""

    kind: str                      # "Dense" or "Dropout"
    units: int = 0
    activation: str = "linear"
    rate: float = 0.0
    name: str = ""


@dataclass
class ModelSpec:
    """A Sequential of Dense and Dropout layers, its weights, how it is trained and on what.

    ``weights`` are Keras's order ``[W1, b1, W2, b2, ...]`` (float32, ``W`` is inputs × units).
    ``x``/``y`` (and ``x_val``/``y_val``) are the training data, None when unknown."""

    input_dim: int
    layers: list[Layer]
    weights: list[np.ndarray]
    loss: str = "sparse_categorical_crossentropy"
    optimizer: dict = field(default_factory=lambda: {"name": "adam", "learning_rate": 0.001})
    batch_size: int = 32
    epochs: int = 1
    shuffle: bool = True
    x: np.ndarray | None = None
    y: np.ndarray | None = None
    x_val: np.ndarray | None = None
    y_val: np.ndarray | None = None
    name: str = "sequential"

    @property
    def dense(self) -> list[Layer]:
        return [lay for lay in self.layers if lay.kind == "Dense"]

    @property
    def classifier(self) -> bool:
        return self.loss == "sparse_categorical_crossentropy"

    def check(self) -> None:
        """Raise GraphError if the layers, weights, loss or optimizer do not fit together."""
        dense = self.dense
        if not dense:
            raise GraphError("the model has no Dense layer")
        if len(self.weights) != 2 * len(dense):
            raise GraphError(f"the model has {len(dense)} Dense layers but "
                             f"{len(self.weights)} weight arrays")
        dim = self.input_dim
        for k, lay in enumerate(dense):
            W, b = self.weights[2 * k], self.weights[2 * k + 1]
            if W.shape != (dim, lay.units) or b.shape != (lay.units,):
                raise GraphError(f"layer {lay.name or k + 1}: weights of shape {W.shape} and "
                                 f"{b.shape}, expected {(dim, lay.units)} and {(lay.units,)}")
            if lay.activation not in ACTIVATIONS:
                raise GraphError(f"layer {lay.name}: unknown activation {lay.activation!r}")
            dim = lay.units
        if self.loss not in LOSSES:
            raise GraphError(f"unsupported loss {self.loss!r}")
        if self.optimizer.get("name") not in OPTIMIZER_ARGS:
            raise GraphError(f"unsupported optimizer {self.optimizer.get('name')!r}")

    def to_sequential(self):
        """A compiled ``graphviz_nn.nn.Sequential`` with these layers and weights."""
        from ..nn import Dense, Dropout, Sequential

        self.check()
        layers = []
        for lay in self.layers:
            first = {"input_shape": (self.input_dim,)} if not layers else {}
            if lay.kind == "Dense":
                layers.append(Dense(lay.units, activation=lay.activation, name=lay.name or None,
                                    **first))
            else:
                layers.append(Dropout(lay.rate, name=lay.name or None, **first))
        model = Sequential(layers, name=self.name or "sequential")
        model.compile(optimizer=make_optimizer(self.optimizer), loss=self.loss,
                      metrics=["accuracy"] if self.classifier else None)
        model.set_weights(self.weights)
        return model


def make_optimizer(config: dict):
    """A ``graphviz_nn.optim`` optimizer from Keras-style ``{"name": ..., hyper-params}``."""
    from .. import optim

    name = str(config.get("name", "adam")).lower()
    if name not in OPTIMIZER_ARGS:
        raise GraphError(f"unsupported optimizer {config.get('name')!r}")
    args = {k: config[k] for k in OPTIMIZER_ARGS[name] if k in config}
    try:
        return optim.OPTIMIZERS[name](**args)
    except (TypeError, ValueError) as exc:
        raise GraphError(f"optimizer {name}: {exc}") from None


def optimizer_config(opt) -> dict:
    """Keras-style ``{"name": ..., hyper-params}`` of a ``graphviz_nn.optim`` optimizer."""
    config = dict(opt.get_config())
    config["name"] = str(config.get("name", type(opt).__name__)).lower()
    return config


def from_sequential(model, x=None, y=None, batch_size: int = 32, epochs: int = 1,
                    shuffle: bool = True, validation_data=None) -> ModelSpec:
    """The spec of a ``graphviz_nn.nn.Sequential`` (built) with its current weights."""
    if not model.built:
        raise GraphError("the model has no input size yet")
    layers = []
    for lay in model.layers:
        if lay.kind == "Dense":
            layers.append(Layer("Dense", units=lay.units, activation=lay.activation.name,
                                name=lay.name or ""))
        else:
            layers.append(Layer("Dropout", rate=lay.rate, name=lay.name or ""))
    opt = model.optimizer
    spec = ModelSpec(model.input_dim, layers,
                     [np.array(w, dtype=np.float32) for w in model.get_weights()],
                     loss=model.loss or "sparse_categorical_crossentropy",
                     optimizer=optimizer_config(opt) if opt is not None else
                     {"name": "adam", "learning_rate": 0.001},
                     batch_size=batch_size, epochs=epochs, shuffle=shuffle,
                     name=model.name)
    spec.x, spec.y = x, y
    if validation_data is not None:
        spec.x_val, spec.y_val = validation_data
    spec.check()
    return spec


ACT_OPS = {"relu": "relu", "sigmoid": "sigmoid", "tanh": "tanh", "softmax": "softmax",
           "leaky_relu": "leaky_relu", "elu": "elu"}


def from_graph(graph) -> ModelSpec:
    """Read a graph shaped like a Sequential model: ``x → @W → +b → activation → (dropout)
    → … → loss``. GraphError says where it differs (a branch, an op a Dense layer has not)."""
    if "x" not in graph or graph["x"].op != "input":
        raise GraphError("a model needs an input node named x")
    node, layers, weights = graph["x"], [], []
    input_dim = None
    while True:
        users = graph.consumers(node)
        if not users:
            break
        if len(users) != 1:
            raise GraphError(f"{node.name} feeds {len(users)} nodes; a Sequential model is "
                             "one chain of layers")
        nxt, port = users[0]
        if nxt.op == "dropout":
            layers.append(Layer("Dropout", rate=float(nxt.attrs["p"]), name=nxt.name))
            node = nxt
            continue
        if nxt.op in ("softmax_cross_entropy", "mse"):
            if port != 0:
                raise GraphError(f"{node.name} is the target of {nxt.name}, not its input")
            return _finish(graph, layers, weights, input_dim, nxt)
        if nxt.op != "matmul" or port != 0:
            raise GraphError(f"{nxt.name} ({nxt.op}) is not part of a Dense layer")
        W = _param(nxt.inputs[1], 2, nxt.name)
        add = _only_user(graph, nxt)
        if add is None or add.op != "add":
            raise GraphError(f"{nxt.name} is not followed by a bias (+ b)")
        b = _param(add.inputs[1] if add.inputs[0] is nxt else add.inputs[0], 1, add.name)
        if input_dim is None:
            input_dim = W.value.shape[0]
        weights += [np.array(W.value, dtype=np.float32), np.array(b.value, dtype=np.float32)]
        act, node = "linear", add
        after = _only_user(graph, add)
        if after is not None and after.op in ACT_OPS:
            act, node = after.op, after
            alpha = after.attrs.get("alpha")
            if after.op == "leaky_relu" and alpha != 0.2 or after.op == "elu" and alpha != 1.0:
                raise GraphError(f"{after.name}: Keras's {after.op} has alpha "
                                 f"{0.2 if after.op == 'leaky_relu' else 1.0}, this one {alpha}")
        layers.append(Layer("Dense", units=int(W.value.shape[1]), activation=act,
                            name=f"dense_{len(weights) // 2 - 1}" if len(weights) > 2
                            else "dense"))
    return _finish(graph, layers, weights, input_dim, None)


def _only_user(graph, node: Node) -> Node | None:
    users = graph.consumers(node)
    if len(users) > 1:
        raise GraphError(f"{node.name} feeds {len(users)} nodes; a Sequential model is one "
                         "chain of layers")
    return users[0][0] if users else None


def _param(node: Node | None, ndim: int, where: str) -> Node:
    if node is None or node.op not in ("param", "const", "input") or node.value is None \
            or np.ndim(node.value) != ndim:
        what = "a weight matrix" if ndim == 2 else "a bias vector"
        raise GraphError(f"{where} needs {what} (a param node)")
    return node


def _finish(graph, layers: list[Layer], weights: list, input_dim, loss: Node | None) -> ModelSpec:
    dense = [lay for lay in layers if lay.kind == "Dense"]
    if not dense:
        raise GraphError("the graph has no Dense layer (x @ W + b)")
    loss_name = "mse"
    if loss is not None and loss.op == "softmax_cross_entropy":
        if dense[-1].activation != "linear":
            raise GraphError("softmax cross-entropy needs the last layer's logits")
        dense[-1].activation, loss_name = "softmax", "sparse_categorical_crossentropy"
    if layers and layers[-1].kind == "Dropout":
        raise GraphError("a Dropout layer cannot come after the output layer")
    spec = ModelSpec(int(input_dim), layers, weights, loss=loss_name)
    x = graph["x"].value
    target = loss.inputs[1] if loss is not None else None
    if x is not None and np.ndim(x) == 2 and target is not None and target.value is not None:
        spec.x = np.array(x, dtype=np.float32)
        y = np.asarray(target.value)
        spec.y = y.astype(np.int64) if spec.classifier else y.astype(np.float32)
    spec.check()
    return spec
