"""The Examples menu: small graphs that teach one idea each, with a paragraph about it.

``python3 -m ui.explore.examples resources/examples/`` writes every example as a graph file, so the
files in the repository are made by this script and never go stale.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ui.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    import graphviz_nn as gnn


def _graph() -> gnn.Graph:
    """A new engine Graph (the engine is imported on first use, not at window startup)."""
    import graphviz_nn

    return graphviz_nn.Graph()


@dataclass(frozen=True)
class Example:
    """One example: ``title`` and ``text`` in the window's language (``source_title`` and
    ``source_text`` are the English, marked for translation)."""

    key: str
    source_title: str
    source_text: str
    build: Callable[[], gnn.Graph]     # the graph, with .output set

    @property
    def title(self) -> str:
        return translate("Examples", self.source_title)

    @property
    def text(self) -> str:
        return translate("Examples", self.source_text)


def cs231n_f() -> gnn.Graph:
    g = _graph()
    x, y, z = g.input("x", -2.0), g.input("y", 5.0), g.input("z", -4.0)
    g.output = g.mul(g.add(x, y, name="q"), z, name="f")
    return g


def sigmoid_neuron() -> gnn.Graph:
    g = _graph()
    w0, x0 = g.input("w0", 2.0), g.input("x0", -1.0)
    w1, x1 = g.input("w1", -3.0), g.input("x1", -2.0)
    w2 = g.input("w2", -3.0)
    s = g.add(g.add(g.mul(w0, x0, name="w0x0"), g.mul(w1, x1, name="w1x1"), name="s01"), w2,
              name="s")
    g.output = g.sigmoid(s, name="f")
    return g


def softmax_120() -> gnn.Graph:
    g = _graph()
    s = g.input("scores", [1.0, 2.0, 0.0])
    p = g.softmax(s, name="p")
    pick = g.const("class_1", [0.0, 1.0, 0.0])
    g.output = g.sum(g.mul(p, pick, name="p_pick"), name="p1")
    return g


def linear_collapse() -> gnn.Graph:
    g = _graph()
    a = g.input("a", 1.0)
    b = g.add(g.mul(a, 4.0, name="a×4"), 2.0, name="b")
    c = g.sub(g.mul(b, 3.0, name="b×3"), 5.0, name="c")
    one = g.add(g.mul(a, 12.0, name="a×12"), 1.0, name="c_one_layer")
    g.output = g.sub(c, one, name="difference")
    return g


def with_nonlinearity() -> gnn.Graph:
    g = _graph()
    a = g.input("a", 1.0)
    b = g.add(g.mul(a, 4.0, name="a×4"), 2.0, name="b")
    k = g.log(b, name="k")
    g.output = g.sub(g.mul(k, 3.0, name="k×3"), 5.0, name="c")
    return g


def spiral_batch(n_per_class: int = 12, classes: int = 3, seed: int = 0):
    """A small 2-D spiral (Karpathy's toy data): points (n, 2) and integer labels (n,)."""
    rng = np.random.default_rng(seed)
    xs, ys = [], []
    for c in range(classes):
        r = np.linspace(0.1, 1.0, n_per_class)
        t = np.linspace(c * 4.0, (c + 1) * 4.0, n_per_class) + rng.normal(0, 0.2, n_per_class)
        xs.append(np.c_[r * np.sin(t), r * np.cos(t)])
        ys.append(np.full(n_per_class, c))
    return np.concatenate(xs), np.concatenate(ys).astype(np.int64)


def _mlp(x, y, hidden: int, activation: str, classes: int, seed: int) -> gnn.Graph:
    """The app's classifier MLP (``mlp_layers``: one hidden Dense layer, softmax output) as a
    float64 graph on the batch ``x``, ``y``, its nodes named as the example texts name them.

    The weights are the layers' own Glorot-uniform init drawn from ``default_rng(seed)``."""
    from graphviz_nn.nn import Sequential, mlp_layers

    model = Sequential(mlp_layers(x.shape[1], [hidden], classes, activation=activation))
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    model.reset_weights(seed)
    g = model.graph.copy(dtype="float64")     # float64: the numbers a learner checks by hand
    g.set_value(g["x"], x)
    g.set_value(g["y"], y)
    for old, new in (("m1", "x@W1"), ("a1", "h1"), ("m2", "h1@W2")):
        g.rename(g[old], new)
    g.output = g["loss"]
    return g


def spiral_mlp() -> gnn.Graph:
    x, y = spiral_batch()
    return _mlp(x, y, 16, "relu", classes=3, seed=1)


def fashion_784() -> gnn.Graph:
    rng = np.random.default_rng(0)
    x = rng.uniform(0.0, 1.0, (16, 784))
    y = rng.integers(0, 10, 16).astype(np.int64)
    return _mlp(x, y, 100, "sigmoid", classes=10, seed=2)


EXAMPLES: list[Example] = [
    Example("cs231n", "f = (x + y) · z",
            QT_TRANSLATE_NOOP("Examples",
            "The first graph of CS231n lecture 4. Forward: q = x + y = 3, f = q · z = -12. Backward "
            "from ∂f/∂f = 1: the multiply gate swaps its inputs (∂f/∂q = z = -4, ∂f/∂z = q = 3), "
            "and the add gate hands its upstream gradient unchanged to both inputs (∂f/∂x = ∂f/∂y = "
            "-4). Each gate only knows its local derivative; the chain rule multiplies it by the "
            "upstream gradient."), cs231n_f),
    Example("sigmoid", QT_TRANSLATE_NOOP("Examples", "A sigmoid neuron"),
            QT_TRANSLATE_NOOP("Examples",
            "CS231n's neuron f = σ(w0·x0 + w1·x1 + w2) with w = (2, -3, -3), x = (-1, -2). The sum "
            "is 1, σ(1) = 0.73. The sigmoid's local derivative is σ(1 - σ) = 0.2, which every "
            "weight's gradient then shares: the add gates distribute it, the multiply gates scale it "
            "by the other input."), sigmoid_neuron),
    Example("softmax", QT_TRANSLATE_NOOP("Examples", "Softmax of [1, 2, 0]"),
            QT_TRANSLATE_NOOP("Examples",
            "The lecture's softmax: exponentiate the scores and divide by their sum, giving the "
            "probabilities [0.245, 0.665, 0.09]. Here the output is the probability of class 1. Its "
            "gradient with respect to the scores is p1·(1 - p1) for its own score and -p1·pj for the "
            "others: raising one score lowers every other probability."), softmax_120),
    Example("linear", QT_TRANSLATE_NOOP("Examples", "Why a non-linearity (1): two linear layers"),
            QT_TRANSLATE_NOOP("Examples",
            "Seed 001: a×4+2 = b, then b×3-5 = c is the same as a×12+1 = c, one linear layer. The "
            "graph computes both and their difference: it is 0 for every a, and its gradient with "
            "respect to a is 12 - 12 = 0. Stacking linear layers adds nothing."), linear_collapse),
    Example("nonlinear", QT_TRANSLATE_NOOP("Examples", "Why a non-linearity (2): with log between"),
            QT_TRANSLATE_NOOP("Examples",
            "The same two layers with log(b) between them. Now c = 3·log(4a+2) - 5 is no longer a "
            "straight line: its slope ∂c/∂a = 3 · (1/b) · 4 changes with a. Step backward and watch "
            "the log gate's local derivative 1/b."), with_nonlinearity),
    Example("spiral", QT_TRANSLATE_NOOP("Examples", "2-layer MLP on a spiral batch"),
            QT_TRANSLATE_NOOP("Examples",
            "A batch of 36 points of a 3-class spiral goes through Dense(16, ReLU) and Dense(3) into "
            "softmax cross-entropy. Every value is a matrix now: select W1 or h1 to see them as "
            "heatmaps. Backward through matmul, ∂L/∂W1 = xᵀ · ∂L/∂z1; the bias gradient sums the "
            "batch."), spiral_mlp),
    Example("fashion", QT_TRANSLATE_NOOP("Examples", "784-100-10 Fashion-MNIST model"),
            QT_TRANSLATE_NOOP("Examples",
            "Seed 001's Keras model: Dense(100, sigmoid, input_shape=(784,)) then Dense(10, "
            "softmax), here as a graph on a batch of 16 random images. W1 holds 78,400 weights; select "
            "it to see each hidden unit's 784 weights as a 28×28 image, its template, and the "
            "gradient the batch sends to each."), fashion_784),
]

BY_KEY = {e.key: e for e in EXAMPLES}
DEFAULT = "cs231n"


# examples written as files (the 784-100-10 model would be a 2.4 MB file; it is built in code)
FILES = ("cs231n", "sigmoid", "softmax", "linear", "nonlinear", "spiral")


def main(argv: list[str]) -> int:
    """Write the small examples to a directory as ``<key>.json``."""
    out = Path(argv[0] if argv else "resources/examples")
    out.mkdir(parents=True, exist_ok=True)
    for ex in EXAMPLES:
        if ex.key not in FILES:
            continue
        ex.build().save(out / f"{ex.key}.json")
        print(out / f"{ex.key}.json")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
