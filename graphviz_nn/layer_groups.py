"""Which nodes of a graph form a Dense layer (``x @ W + b``, then its activation).

Two sources, both data: the Sequential graph builder tags the nodes of each layer
(``graph.layer_tags``: a layer's label -> its tag, kept by ``Graph.copy``), and a graph built by
hand is recognised by its structure: ``matmul(a, W)`` with a parameter ``W``, added to a
parameter ``b``, then (optionally) one activation op, where the matmul and the add feed only
the next op.
A tag whose nodes no longer have that structure (an edit broke the layer) is ignored.

The GUI draws a layer as one group node; the engine only answers which nodes belong together.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["LayerGroup", "LayerTag", "dense_layers", "ACTIVATION_OPS"]

ACTIVATION_OPS = ("sigmoid", "tanh", "relu", "leaky_relu", "elu", "softmax")


@dataclass(frozen=True)
class LayerTag:
    """What the builder knows about a layer: its kind, units, Keras activation name (which may
    be fused into the loss, e.g. softmax) and the ids of its nodes."""

    kind: str
    units: int
    activation: str | None
    node_ids: tuple[int, ...] = field(default=())


@dataclass(frozen=True)
class LayerGroup:
    """One Dense layer of a graph, by node id."""

    index: int                   # 1 for the first layer of the graph, in topological order
    units: int | None            # the weight's last dimension (None before it has a value)
    activation: str | None       # the activation op (or the tag's name); None: linear
    fused: bool                  # the activation is computed by the loss (softmax + CE)
    weight: int
    bias: int
    matmul: int
    add: int
    output: int                  # the node whose value leaves the layer (activation or add)
    source: int | None           # the node feeding the matmul, outside the layer
    tagged: bool                 # from the builder's tag (else recognised by structure)

    @property
    def members(self) -> tuple[int, ...]:
        """Ids of every node inside the layer."""
        inner = (self.weight, self.bias, self.matmul, self.add)
        return inner if self.output == self.add else inner + (self.output,)

    @property
    def key(self) -> int:
        """A stable name for the layer while it exists: its output node's id."""
        return self.output

    def title(self) -> str:
        """``Dense 100, sigmoid``; ``Dense 10, softmax in the loss``; ``Dense 3``."""
        text = "Dense" if self.units is None else f"Dense {self.units}"
        if self.activation and self.fused:
            return f"{text}, {self.activation} in the loss"
        return f"{text}, {self.activation}" if self.activation else text


def _chain(graph, add) -> tuple | None:
    """``(W, b, matmul, source)`` if ``add`` is ``matmul(source, W) + b`` with parameter
    leaves and a matmul used only by the add, else None (W and b may also feed e.g. a weight
    penalty)."""
    if add.op != "add" or None in add.inputs:
        return None
    a, b = add.inputs
    m, bias = (a, b) if a.op == "matmul" else (b, a)
    if m.op != "matmul" or bias.op != "param" or None in m.inputs:
        return None
    source, w = m.inputs
    if w.op != "param":
        return None
    if len(graph.consumers(m)) != 1:
        return None
    return w, bias, m, source


def dense_layers(graph) -> list[LayerGroup]:
    """Every Dense layer of ``graph``, first layer first (tags where the builder left them,
    the rest recognised by structure)."""
    tags = getattr(graph, "layer_tags", None) or {}
    tag_of: dict[int, LayerTag] = {}
    for tag in tags.values():
        for nid in tag.node_ids:
            tag_of[nid] = tag
    layers: list[LayerGroup] = []
    for node in graph.nodes:
        found = _chain(graph, node)
        if found is None:
            continue
        w, bias, m, source = found
        out = node
        cons = graph.consumers(node)
        if len(cons) == 1 and cons[0][0].op in ACTIVATION_OPS:
            out = cons[0][0]
        tag = tag_of.get(node.id)
        tagged = tag is not None and all(n.id in tag.node_ids for n in (w, bias, m))
        if tagged and out is not node and out.id not in tag.node_ids:
            out = node                  # the builder says the next op is not this layer's
        activation = None if out is node else out.op
        fused = False
        if tagged and tag.activation not in (None, "linear") and out is node:
            activation, fused = tag.activation, True
        units = None if w.value is None or w.value.ndim < 1 else int(w.value.shape[-1])
        layers.append(LayerGroup(len(layers) + 1, units, activation, fused, w.id, bias.id,
                                 m.id, node.id, out.id, source.id, tagged))
    return layers
