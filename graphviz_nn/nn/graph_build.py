"""Build the engine ``Graph`` of a Sequential model, and Keras's summary table.

The graph is what the GUI draws and steps through::

    x ─@─ W1 → m1 ─+─ b1 → z1 → relu a1 → (dropout d1) → @ W2 → m2 ─+─ b2 → z2 → loss ← y

With weight penalties (``kernel_regularizer=l2(0.01)``), the loss of the data is named
``data_loss`` and ``loss = data_loss + l2_W1 + ...``, where ``l2_W1 = 0.01 · Σ W1²`` and
``l1_W1 = rate · Σ |W1|``: the same total the training plan reports.

Its parameter nodes ``W1, b1, W2, b2, ...`` hold the layers' weight arrays themselves, so the
training plan, which updates those arrays in place, is what the graph shows.
"""

from __future__ import annotations

import numpy as np

from graphviz_nn.graph import Graph
from graphviz_nn.layer_groups import LayerTag
from graphviz_nn.losses import Head
from graphviz_nn.nn.layers import Dense, Dropout, Layer

__all__ = ["build_graph", "summary_text", "param_names"]


def param_names(k: int) -> tuple[str, str]:
    """Names of the k-th (1-based) Dense layer's weight and bias nodes."""
    return f"W{k}", f"b{k}"


def build_graph(layers: list[Layer], head: Head | None, input_dim: int,
                seed: int | None = None) -> Graph:
    """The model as an engine graph (float32). Rebinds each Dense layer's ``W``/``b`` to the
    arrays its parameter nodes hold."""
    g = Graph(dtype="float32", seed=seed)
    a = g.input("x", np.zeros((1, input_dim), np.float32))
    dense = [lay for lay in layers if isinstance(lay, Dense)]
    penalized = []          # (weight node, regularizer)
    k = d = 0
    for lay in layers:
        if isinstance(lay, Dropout):
            d += 1
            a = g.dropout(a, p=lay.rate, name=f"d{d}" if k == 0 else f"drop{k}")
            continue
        k += 1
        wn, bn = param_names(k)
        W, b = g.param(wn, lay.W), g.param(bn, lay.b)
        lay.W, lay.b = W.value, b.value          # the graph's arrays are the layer's arrays
        penalized += [(node, reg) for node, reg in ((W, lay.kernel_regularizer),
                                                    (b, lay.bias_regularizer)) if reg is not None]
        m = g.matmul(a, W, name=f"m{k}")
        z = g.add(m, b, name=f"z{k}")
        last = lay is dense[-1]
        act = lay.activation
        if last and head is not None and head.name != "mse":
            a = z                                # the activation is fused into the loss
        elif act.engine_op is None:
            a = z
        else:
            a = getattr(g, act.engine_op)(z, name=f"a{k}" if not last else "out",
                                          **act.engine_attrs)
        name = None if act.name == "linear" else act.name
        g.layer_tags[f"dense_{k}"] = LayerTag("Dense", lay.units, name,
                                              tuple(n.id for n in {W, b, m, z, a}))
    if head is not None:
        loss = _add_loss(g, head, a, "data_loss" if penalized else "loss")
        if penalized:
            terms = [loss] + [_add_penalty(g, node, reg) for node, reg in penalized]
            total = terms[0]
            for i, term in enumerate(terms[1:], start=1):
                total = g.add(total, term, name="loss" if i == len(terms) - 1 else f"loss_{i}")
    return g


def _add_penalty(g: Graph, w, reg):
    """``l1·Σ|w| + l2·Σw²`` as nodes, named after the weight (``l2_W1``)."""
    parts = []
    if reg.l1:
        rate = g.const(f"l1_rate_{w.name}", np.float32(reg.l1))
        parts.append(g.mul(rate, g.sum(g.abs(w, name=f"abs_{w.name}"), name=f"sum_abs_{w.name}"),
                           name=f"l1_{w.name}"))
    if reg.l2:
        rate = g.const(f"l2_rate_{w.name}", np.float32(reg.l2))
        parts.append(g.mul(rate, g.sum(g.pow(w, 2.0, name=f"sq_{w.name}"),
                                       name=f"sum_sq_{w.name}"), name=f"l2_{w.name}"))
    if len(parts) == 1:
        return parts[0]
    return g.add(parts[0], parts[1], name=f"penalty_{w.name}")


def _add_loss(g: Graph, head: Head, out, name: str = "loss"):
    if head.sparse:
        y = g.input("y", np.zeros(1, np.int64))
        return g.softmax_cross_entropy(out, y, name=name)
    y = g.input("y", np.zeros((1, head.units), np.float32))
    if head.name == "mse":
        return g.mse(out, y, name=name)
    if head.name == "categorical_crossentropy":
        logp = g.log(g.softmax(out, name="p"), name="log_p")
        per_row = g.sum(g.mul(y, logp, name="y_log_p"), axis=-1, name="sum_y_log_p")
        return g.neg(g.mean(per_row, name="mean_y_log_p"), name=name)
    # binary cross-entropy from the sigmoid
    p = g.sigmoid(out, name="p")
    pos = g.mul(y, g.log(p, name="log_p"), name="y_log_p")
    one = g.const("one", 1.0)
    neg = g.mul(g.sub(one, y, name="1_y"), g.log(g.sub(one, p, name="1_p"),
                                                 name="log_1_p"), name="neg_term")
    return g.neg(g.mean(g.add(pos, neg, name="ll"), name="mean_ll"), name=name)


def summary_text(name: str, layers: list[Layer], input_dim: int | None) -> str:
    """Keras's model table, e.g. for 784-100-10: 78,500 / 1,010 / Total params: 79,510."""
    width = 65
    rows = []
    dim = input_dim
    for lay in layers:
        dim = lay.output_dim(dim) if dim is not None else None
        shape = "(None, ?)" if dim is None else f"(None, {dim})"
        rows.append((f"{lay.name} ({lay.kind})", shape, f"{lay.count_params():,}"))
    total = sum(lay.count_params() for lay in layers)
    lines = [f'Model: "{name}"', "_" * width,
             f" {'Layer (type)':<28}{'Output Shape':<26}{'Param #':<10}", "=" * width]
    for i, (a, b, c) in enumerate(rows):
        lines.append(f" {a:<28}{b:<26}{c:<10}".rstrip())
        lines.append("" if i < len(rows) - 1 else "=" * width)
    if not rows:
        lines.append("=" * width)
    lines += [f"Total params: {total:,}", f"Trainable params: {total:,}",
              "Non-trainable params: 0", "_" * width]
    return "\n".join(lines)
