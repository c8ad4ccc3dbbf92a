"""The compiled training step: the model's maths as a fixed list of in-place numpy calls.

The plan is built once per (model, batch size). It holds preallocated float32 buffers for
every layer's output and gradient, and reads and writes the layers' weight arrays directly
(the same arrays the engine graph's parameter nodes hold). One step is: forward through the
layers (``matmul(out=)``, ``add(out=)``, activation in place), the fused output head (softmax
+ cross-entropy), then backward, with no gradient for the data input ``x``. No graph walking,
no networkx, no allocation beyond a few per-row temporaries.

The engine graph ``model.graph`` computes the same numbers node by node; a test checks both
give the same loss and gradients on one batch.
"""

from __future__ import annotations

import math

import numpy as np

from graphviz_nn.losses import Head
from graphviz_nn.nn.layers import Dense, Dropout, Layer

__all__ = ["Plan", "logits"]


class _DenseSlot:
    __slots__ = ("layer", "last", "drops", "z", "dx", "scratch", "dW", "db", "inp")

    def __init__(self, layer: Dense, batch: int, last: bool, drops: list, dtype) -> None:
        self.layer, self.last, self.drops = layer, last, drops   # drops: dropouts on its input
        self.z = np.zeros((batch, layer.units), dtype)        # pre-activation, then activation
        self.scratch = np.zeros((batch, layer.units), dtype)
        self.dx = np.zeros((batch, layer.input_dim), dtype)
        self.dW = np.zeros_like(layer.W)
        self.db = np.zeros_like(layer.b)
        self.inp: np.ndarray | None = None                   # the input of the last step


class _DropoutSlot:
    __slots__ = ("layer", "mask", "out")

    def __init__(self, layer: Dropout, batch: int, dim: int, dtype) -> None:
        self.layer = layer
        self.mask = np.zeros((batch, dim), dtype)
        self.out = np.zeros((batch, dim), dtype)


class Plan:
    """Forward + backward of a stack of Dense/Dropout layers and a head, on fixed buffers."""

    def __init__(self, layers: list[Layer], head: Head, batch_size: int, input_dim: int,
                 rng: np.random.Generator, dtype=np.float32) -> None:
        self.head, self.batch_size, self.rng, self.dtype = head, batch_size, rng, dtype
        self.dense: list[_DenseSlot] = []
        n_dense = sum(isinstance(lay, Dense) for lay in layers)
        dim, drops = input_dim, []
        for lay in layers:
            if isinstance(lay, Dense):
                last = len(self.dense) == n_dense - 1
                self.dense.append(_DenseSlot(lay, batch_size, last, drops, dtype))
                dim, drops = lay.units, []
            elif isinstance(lay, Dropout):
                drops.append(_DropoutSlot(lay, batch_size, dim, dtype))
        if drops:
            raise ValueError("a Dropout layer cannot come after the output layer")
        self.x = np.zeros((batch_size, input_dim), dtype)     # gathered batch
        self.y = np.zeros((batch_size,) if head.sparse else (batch_size, head.units),
                          np.int64 if head.sparse else dtype)
        self.rows = 0                                          # rows of the last step
        self.regularized = [s for s in self.dense if s.layer.penalties()]
        self._flat = [g.reshape(-1) for g in self.grads]       # views, for the finite check

    # -- the arrays an optimizer updates -----------------------------------------------------
    @property
    def params(self) -> list[np.ndarray]:
        return [a for s in self.dense for a in (s.layer.W, s.layer.b)]

    @property
    def grads(self) -> list[np.ndarray]:
        return [a for s in self.dense for a in (s.dW, s.db)]

    # -- one training step -------------------------------------------------------------------
    def train_step(self, x: np.ndarray, y: np.ndarray) -> tuple[float, int]:
        """Forward and backward on a batch (views into ``self.x``/``self.y`` work best).

        Returns the batch-mean loss (with the layers' weight penalties, as Keras reports it)
        and the number of correct predictions; the gradients are left in ``self.grads``."""
        n = len(x)
        self.rows = n
        a = x
        for s in self.dense:
            for d in s.drops:
                a = self._dropout(d, a, n)
            z = s.z[:n]
            s.inp = a
            np.matmul(a, s.layer.W, out=z)
            z += s.layer.b
            if not s.last:
                s.layer.activation.forward(z, z)
            a = z
        loss, correct = self.head.train(a, y, a)    # dz written over the logits' buffer
        if self.regularized:
            loss = self._penalize(loss)
        dz = a
        for k in range(len(self.dense) - 1, -1, -1):
            s = self.dense[k]
            np.matmul(s.inp.T, dz, out=s.dW)
            np.add.reduce(dz, axis=0, out=s.db)
            if s in self.regularized:
                for w, reg in s.layer.penalties():
                    reg.add_gradient(w, s.dW if w is s.layer.W else s.db)
            if k == 0:
                break                                 # no gradient for the data x
            dx = s.dx[:n]
            np.matmul(dz, s.layer.W.T, out=dx)
            for d in s.drops:
                dx *= d.mask[:n]
            prev = self.dense[k - 1]
            prev.layer.activation.backward(prev.z[:n], dx, dx, prev.scratch[:n])
            dz = dx
        return loss, correct

    def _penalize(self, loss: float) -> float:
        """The data loss plus every layer's weight penalty (of the weights before the update)."""
        return float(loss) + sum(s.layer.penalty() for s in self.regularized)

    def _dropout(self, s: _DropoutSlot, a: np.ndarray, n: int) -> np.ndarray:
        rate = s.layer.rate
        if rate == 0.0:
            s.mask[:n].fill(1.0)
            return a
        mask = s.mask[:n]
        self.rng.random(dtype=self.dtype, out=mask)
        np.greater_equal(mask, rate, out=mask)
        mask *= 1.0 / (1.0 - rate)
        return np.multiply(a, mask, out=s.out[:n])

    def grads_finite(self) -> bool:
        """True if every gradient is finite (a dot product per array, exact on doubt)."""
        for flat in self._flat:
            if not math.isfinite(float(np.dot(flat, flat))) and not np.isfinite(flat).all():
                return False
        return True


def logits(dense: list[Dense], x: np.ndarray, chunk: int = 2048) -> np.ndarray:
    """The last Dense layer's pre-activation for every row of ``x`` (no dropout: inference),
    ``chunk`` rows at a time. Needs no plan, so predict/evaluate allocate no training buffers."""
    out = np.empty((len(x), dense[-1].units), np.float32)
    for start in range(0, len(x), chunk):
        a = x[start:start + chunk]
        for k, lay in enumerate(dense):
            a = a @ lay.W
            a += lay.b
            if k < len(dense) - 1:
                a = lay.activation.forward(a, a)
        out[start:start + chunk] = a
    return out
