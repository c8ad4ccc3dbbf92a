"""The op methods of ``Graph`` (``g.add(x, y)``, ``g.sigmoid(z)``, ...), one line each.

Any argument that is not a node (a number, a list, an array) becomes a ``const`` node.
"""

from __future__ import annotations

from typing import Any

from .node import Node


class BuildersMixin:
    """Leaves and op methods; each takes ``name=`` (a fresh name is made up otherwise)."""

    def _leaf(self, op: str, name: str, value: Any) -> Node:
        return self.add_node(op, name, value=value)

    def _op(self, op: str, args: tuple, name: str | None, **attrs: Any) -> Node:
        ins = [a if isinstance(a, Node) else self.const(None, a) for a in args]
        for a in ins:
            self._own(a)
        node = self.add_node(op, name, **attrs)
        node.inputs = list(ins)
        for a in ins:
            self._nx.add_edge(a.id, node.id)
        self._structure_changed([node])
        return node

    # leaves
    def input(self, name: str | None, value: Any = None) -> Node:
        """Data fed to the graph (e.g. ``x``); value may be set later."""
        return self._leaf("input", name, value)

    def param(self, name: str | None, value: Any = None) -> Node:
        """A trainable parameter (weights, biases)."""
        return self._leaf("param", name, value)

    def const(self, name: str | None, value: Any) -> Node:
        """A fixed number or array."""
        return self._leaf("const", name, value)

    # arithmetic
    def add(self, a: Any, b: Any, name: str | None = None) -> Node:
        """a + b (broadcasting)."""
        return self._op("add", (a, b), name)

    def sub(self, a: Any, b: Any, name: str | None = None) -> Node:
        """a − b."""
        return self._op("sub", (a, b), name)

    def mul(self, a: Any, b: Any, name: str | None = None) -> Node:
        """a · b elementwise."""
        return self._op("mul", (a, b), name)

    def div(self, a: Any, b: Any, name: str | None = None) -> Node:
        """a / b elementwise."""
        return self._op("div", (a, b), name)

    def neg(self, a: Any, name: str | None = None) -> Node:
        """−a."""
        return self._op("neg", (a,), name)

    def pow(self, a: Any, p: float, name: str | None = None) -> Node:
        """aᵖ for a constant number p."""
        return self._op("pow", (a,), name, p=p)

    def abs(self, a: Any, name: str | None = None) -> Node:
        """|a| elementwise."""
        return self._op("abs", (a,), name)

    def exp(self, a: Any, name: str | None = None) -> Node:
        """eᵃ."""
        return self._op("exp", (a,), name)

    def log(self, a: Any, name: str | None = None) -> Node:
        """ln a."""
        return self._op("log", (a,), name)

    # tensor
    def matmul(self, a: Any, b: Any, name: str | None = None) -> Node:
        """a @ b."""
        return self._op("matmul", (a, b), name)

    def sum(self, a: Any, axis: Any = None, name: str | None = None) -> Node:
        """Sum over ``axis`` (int, list of ints, or None for everything)."""
        return self._op("sum", (a,), name, axis=axis)

    def mean(self, a: Any, axis: Any = None, name: str | None = None) -> Node:
        """Mean over ``axis`` (int, list of ints, or None for everything)."""
        return self._op("mean", (a,), name, axis=axis)

    # activations
    def sigmoid(self, a: Any, name: str | None = None) -> Node:
        """σ(a) = 1/(1+e^−a)."""
        return self._op("sigmoid", (a,), name)

    def tanh(self, a: Any, name: str | None = None) -> Node:
        """tanh(a)."""
        return self._op("tanh", (a,), name)

    def relu(self, a: Any, name: str | None = None) -> Node:
        """max(0, a)."""
        return self._op("relu", (a,), name)

    def leaky_relu(self, a: Any, alpha: float = 0.01, name: str | None = None) -> Node:
        """a if a > 0 else alpha·a."""
        return self._op("leaky_relu", (a,), name, alpha=alpha)

    def elu(self, a: Any, alpha: float = 1.0, name: str | None = None) -> Node:
        """a if a > 0 else alpha·(eᵃ − 1)."""
        return self._op("elu", (a,), name, alpha=alpha)

    def softmax(self, a: Any, axis: int = -1, name: str | None = None) -> Node:
        """Probabilities along ``axis`` (stable: the max is subtracted first)."""
        return self._op("softmax", (a,), name, axis=axis)

    # losses and regularization
    def mse(self, pred: Any, target: Any, name: str | None = None) -> Node:
        """mean((pred − target)²)."""
        return self._op("mse", (pred, target), name)

    def softmax_cross_entropy(self, logits: Any, labels: Any, name: str | None = None) -> Node:
        """Mean over the batch of −log softmax(logits)[label]; labels are integers."""
        return self._op("softmax_cross_entropy", (logits, labels), name)

    def dropout(self, a: Any, p: float = 0.5, name: str | None = None) -> Node:
        """Zero a fraction p while ``graph.training``; identity otherwise."""
        return self._op("dropout", (a,), name, p=p)
