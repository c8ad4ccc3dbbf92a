"""A graph's forward and backward passes as plain numpy, one line per node and per gradient.

    q = x + y              forward: one line per node
    f = q * z
    df = 1.0               backward: the output's gradient, then one line per gradient sent
    dq = z * df            (upstream × local, as the inspector spells it out)
    dz = q * df
    dx = dq
    dy = dq

A node used twice accumulates (``dx += ...``); a gradient of a broadcast input is summed back
to the input's shape (``db = dz.sum(axis=0)``); softmax + cross-entropy is written in its short
form (``dz = (softmax(z) - onehot(y, 3)) / 36 * dloss``). Every line belongs to the trace step
whose numbers it computes (see ``listing.py``).
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from ..node import GraphError, Node
from ..ops.tensor import _axes, _count
from ..trace import Trace
from .listing import Listing, dropout_mask, leaf_literal, leaves_of, shape_note
from .literals import axis as axis_text
from .literals import number
from .names import Names

# names the numpy script defines itself
RESERVED = {"np", "base64", "softmax", "cross_entropy", "onehot", "check", "check_summary",
            "show", "_array", "_BLOBS", "RTOL", "ATOL"}


def forward_expr(node: Node, v: list[str], mask: str | None) -> str:
    """The numpy expression that computes ``node`` from its inputs' variables ``v``."""
    op, a = node.op, node.attrs
    binary = {"add": "+", "sub": "-", "mul": "*", "div": "/", "matmul": "@"}
    if op in binary:
        return f"{v[0]} {binary[op]} {v[1]}"
    simple = {"neg": "-{0}", "exp": "np.exp({0})", "log": "np.log({0})",
              "sigmoid": "1 / (1 + np.exp(-{0}))", "tanh": "np.tanh({0})",
              "relu": "np.maximum({0}, 0)", "mse": "np.mean(({0} - {1}) ** 2)",
              "softmax_cross_entropy": "cross_entropy({0}, {1})"}
    if op in simple:
        return simple[op].format(*v)
    if op == "pow":
        return f"{v[0]} ** {number(a['p'])}"
    if op in ("sum", "mean"):
        axis = a.get("axis")
        return f"np.{op}({v[0]})" if axis is None else \
            f"np.{op}({v[0]}, axis={axis_text(axis)})"
    if op == "leaky_relu":
        return f"np.where({v[0]} > 0, {v[0]}, {number(a['alpha'])} * {v[0]})"
    if op == "elu":
        return (f"np.where({v[0]} > 0, {v[0]}, "
                f"{number(a['alpha'])} * np.expm1(np.minimum({v[0]}, 0)))")
    if op == "softmax":
        return f"softmax({v[0]}, axis={a['axis']})"
    if op == "dropout":
        return v[0] if mask is None else f"{v[0]} * {mask}"
    raise GraphError(f"no numpy code for op {op!r}")


def backward_expr(node: Node, port: int, v: list[str], out: str, up: str,
                  mask: str | None) -> tuple[str, tuple]:
    """The gradient ``node`` sends to input ``port`` (before summing a broadcast back), and
    the shape that expression has."""
    op = node.op
    xs = [i.value for i in node.inputs]
    oshape = np.shape(node.value)
    if op == "add":
        return up, oshape
    if op == "sub":
        return (up if port == 0 else f"-{up}"), oshape
    if op == "mul":
        return f"{v[1 - port]} * {up}", oshape
    if op == "div":
        return (f"{up} / {v[1]}" if port == 0 else f"-{v[0]} / {v[1]} ** 2 * {up}"), oshape
    if op == "mse":
        sign = "" if port == 0 else "-"
        n = max(int(np.size(xs[0] - xs[1])), 1)
        return f"{sign}2 * ({v[0]} - {v[1]}) / {n} * {up}", np.shape(xs[0] - xs[1])
    if op == "matmul":
        return _matmul_grad(port, v, up, xs, oshape)
    return _unary_grad(node, v, out, up, mask, xs), np.shape(xs[0])


def _unary_grad(node: Node, v: list[str], out: str, up: str, mask: str | None, xs) -> str:
    op, a, x = node.op, node.attrs, v[0]
    table = {"neg": f"-{up}", "exp": f"{out} * {up}", "log": f"{up} / {x}",
             "sigmoid": f"{out} * (1 - {out}) * {up}", "tanh": f"(1 - {out} ** 2) * {up}",
             "relu": f"({x} > 0) * {up}"}
    if op in table:
        return table[op]
    if op == "pow":
        p = float(a["p"])
        if p == 0:
            return f"np.zeros_like({x})"
        power = x if p - 1 == 1 else f"{x} ** {number(p - 1)}"
        return f"{number(p)} * {power} * {up}"
    if op in ("sum", "mean"):
        axis = a.get("axis")
        spread = up if axis is None else \
            f"np.expand_dims({up}, {axis_text(_axes(axis, np.ndim(xs[0])))})"
        grad = f"np.ones_like({x}) * {spread}"
        return grad if op == "sum" else f"{grad} / {_count(np.asarray(xs[0]), axis)}"
    if op == "leaky_relu":
        return f"np.where({x} > 0, 1.0, {number(a['alpha'])}) * {up}"
    if op == "elu":
        return f"np.where({x} > 0, 1.0, {out} + {number(a['alpha'])}) * {up}"
    if op == "softmax":
        return f"{out} * ({up} - np.sum({up} * {out}, axis={a['axis']}, keepdims=True))"
    if op == "softmax_cross_entropy":
        z = np.asarray(xs[0])
        classes = z.shape[-1] if z.ndim else 1
        batch = f" / {z.shape[0]}" if z.ndim == 2 else ""
        return f"(softmax({x}) - onehot({v[1]}, {classes})){batch} * {up}"
    if op == "dropout":
        return up if mask is None else f"{mask} * {up}"
    raise GraphError(f"no numpy code for the gradient of op {op!r}")


def _matmul_grad(port: int, v: list[str], up: str, xs, oshape) -> tuple[str, tuple]:
    a, b = (np.asarray(t) for t in xs)
    if a.ndim == 2 and b.ndim == 2:
        return (f"{up} @ {v[1]}.T", a.shape) if port == 0 else (f"{v[0]}.T @ {up}", b.shape)
    if a.ndim == 1 and b.ndim == 1:
        return f"{up} * {v[1 - port]}", xs[port].shape
    if a.ndim == 1 and b.ndim == 2:
        return (f"{v[1]} @ {up}", a.shape) if port == 0 else (f"np.outer({v[0]}, {up})", b.shape)
    if a.ndim == 2 and b.ndim == 1:
        return (f"np.outer({up}, {v[1]})", a.shape) if port == 0 else (f"{v[0]}.T @ {up}", b.shape)
    if a.ndim >= 2 and b.ndim >= 2:      # batches of matrices: the batch axes broadcast
        if port == 0:
            return f"{up} @ np.swapaxes({v[1]}, -1, -2)", oshape[:-1] + a.shape[-1:]
        return f"np.swapaxes({v[0]}, -1, -2) @ {up}", oshape[:-2] + b.shape[-2:]
    raise GraphError("no numpy code for the gradient of a matmul of a vector with a batch of "
                     f"matrices (shapes {a.shape} and {b.shape})")


def unbroadcast(expr: str, natural: tuple, shape: tuple) -> str:
    """``expr`` (of shape ``natural``) summed back to ``shape``, as numpy broadcasting undone."""
    natural, shape = tuple(natural), tuple(shape)
    if natural == shape:
        return expr
    src = expr if expr.isidentifier() else f"({expr})"
    if not shape:
        return f"{src}.sum()"
    extra = len(natural) - len(shape)
    lead = tuple(range(extra))
    rest = natural[extra:]
    keep = tuple(i for i, n in enumerate(shape) if n == 1 and rest[i] != 1)
    if lead:
        src += f".sum(axis={lead[0] if len(lead) == 1 else lead})"
    if keep:
        src += f".sum(axis={keep[0] if len(keep) == 1 else keep}, keepdims=True)"
    return src


def numpy_listing(trace: Trace) -> Listing:
    """The inputs, forward and backward lines of ``trace``'s graph, each tied to its step."""
    listing = Listing(trace, Names(RESERVED))
    names = listing.names
    listing.leaves = leaves_of(trace)
    listing.add("# inputs: the leaves")
    for leaf in listing.leaves:
        var = names.of(leaf)
        listing.add(f"{var} = {leaf_literal(listing, var, leaf.value)}{shape_note(leaf.value)}",
                    -1)
    masks: dict[int, str] = {}
    for step in trace.forward_steps:
        mask = dropout_mask(step.node) if step.node.op == "dropout" else None
        if mask is not None:
            var = names.fresh(f"mask_{names.of(step.node)}")
            masks[step.node.id] = var
            listing.add(f"{var} = {leaf_literal(listing, var, mask)}  # the dropout mask "
                        "drawn in this pass", -1)
    listing.add("")
    listing.add("# forward: one line per node")
    for i, step in enumerate(trace):
        if step.kind == "forward":
            node = step.node
            args = [names.of(n) for n in node.inputs]
            listing.add(f"{names.of(node)} = {forward_expr(node, args, masks.get(node.id))}", i)
    listing.add("")
    listing.add("# backward: one line per gradient (upstream × local)")
    _backward_lines(listing, masks)
    return listing


def _backward_lines(listing: Listing, masks: dict[int, str]) -> None:
    trace, names = listing.trace, listing.names
    arrivals = Counter(lg.input.id for s in trace.backward_steps for lg in s.locals)
    seen: Counter = Counter()
    first = True
    for i, step in enumerate(trace):
        if step.kind != "backward":
            continue
        node = step.node
        if first:
            out_var = names.of(node)
            seed = "1.0" if np.ndim(node.value) == 0 else f"np.ones_like({out_var})"
            listing.add(f"{names.grad_of(node)} = {seed}", i)
            first = False
        args = [names.of(n) for n in node.inputs]
        up = names.grad_of(node)
        for lg in step.locals:
            inp = lg.input
            expr, natural = backward_expr(node, lg.port, args, names.of(node), up,
                                          masks.get(node.id))
            expr = unbroadcast(expr, natural, np.shape(inp.value))
            seen[inp.id] += 1
            target = names.grad_of(inp)
            if seen[inp.id] > 1:
                listing.add(f"{target} += {expr}", i)
                continue
            if expr.isidentifier() and arrivals[inp.id] > 1 and np.ndim(inp.value):
                expr += ".copy()"      # += below must not change the gradient it came from
            listing.add(f"{target} = {expr}", i)


NUMPY_HELPERS = {
    "softmax": '''
def softmax(x, axis=-1):
    """Probabilities along ``axis``; the max is subtracted first, so nothing overflows."""
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)
''',
    "cross_entropy": '''
def cross_entropy(logits, labels):
    """Mean over the batch of -log softmax(logits)[label], by log-sum-exp."""
    z = np.atleast_2d(logits)
    y = np.asarray(labels).astype(int).reshape(-1)
    shifted = z - np.max(z, axis=1, keepdims=True)
    logp = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    return -np.sum(logp[np.arange(len(y)), y]) / len(y)
''',
    "onehot": '''
def onehot(labels, classes):
    """Integer class labels as rows of the identity matrix."""
    return np.eye(classes)[np.asarray(labels).astype(int)]
'''}


def script_header(title: str, what: str, how: str) -> str:
    """The docstring that opens an exported script."""
    return f'"""{title}: {what}.\n\nWritten by graphviz-nn. {how}\n"""\n'


def assemble(head: str, imports: list[str], settings: str, helpers: list[str],
             listing: Listing, code: str, checks: list[str]) -> str:
    """An exported script: docstring, imports, helpers, big arrays, the code, the checks."""
    if listing.blobs.items:
        imports = ["import base64", "", *imports]
    parts = [head, "\n".join(imports), "\n\n", settings]
    parts += ["\n" + h for h in helpers]
    parts += ["\n\n", listing.blobs.source(), code, "\n\n",
              "# check: the same numbers as graphviz-nn\n", "\n".join(checks), "\n",
              'print("OK: every value and gradient matches graphviz-nn")\n']
    return "".join(parts)


def numpy_script(trace: Trace, title: str = "") -> str:
    """A runnable script: rebuilds the inputs, runs the forward and backward lines of the code
    view, prints every value and gradient and asserts they are what graphviz-nn computed."""
    from .checks import HELPERS, check_lines

    listing = numpy_listing(trace)
    checks = check_lines(listing)        # before the blobs are written: checks add some
    graph = trace.output.graph
    rtol, atol = ("1e-9", "1e-12") if graph.dtype == np.float64 else ("1e-5", "1e-6")
    head = script_header(
        title or f"The graph of {trace.output.name}",
        "forward and backward in plain numpy",
        "Run it with python3: it computes every value and gradient\nline by line, as the "
        "code view shows them, and checks each against the numbers graphviz-nn showed.")
    code = listing.text
    used = [src for name, src in NUMPY_HELPERS.items() if f"{name}(" in code]
    settings = ("np.seterr(all=\"ignore\")   # as in graphviz-nn: inf and nan are results, "
                f"not errors\nRTOL, ATOL = {rtol}, {atol}   # how close each number must be\n")
    return assemble(head, ["import numpy as np"], settings, [*used, HELPERS], listing, code,
                    checks)
