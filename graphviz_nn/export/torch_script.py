"""Any graph as a PyTorch script: the leaves become tensors with ``requires_grad``, each node the
same op, and ``.backward()`` does what the numpy code view spells out line by line. The script
prints every value and gradient and asserts they are the ones graphviz-nn computed.
"""

from __future__ import annotations

import numpy as np

from ..node import GraphError, Node
from ..trace import Trace
from . import literals
from .checks import HELPERS, check_lines
from .listing import Listing, dropout_mask, leaves_of, shape_note
from .names import Names
from .numpy_code import assemble, script_header

RESERVED = {"np", "torch", "F", "base64", "check", "check_summary", "show", "_numpy",
            "_array", "_BLOBS", "RTOL", "ATOL"}


def tensor_literal(listing: Listing, var: str, value: np.ndarray, grad: bool) -> str:
    """``torch.tensor(...)`` text that rebuilds ``value`` exactly."""
    value = np.asarray(value)
    flag = ", requires_grad=True" if grad and value.dtype.kind == "f" else ""
    if value.dtype.kind in "iub":
        data = literals.nested(value) if value.size <= literals.LITERAL_MAX else \
            listing.blobs.add(var, value)
        return f"torch.tensor({data})"
    dtype = f"torch.{value.dtype.name}"
    if value.size <= literals.LITERAL_MAX:
        return f"torch.tensor({literals.nested(value)}, dtype={dtype}{flag})"
    return f"torch.tensor({listing.blobs.add(var, value)}{flag})"


def torch_expr(node: Node, v: list[str], mask: str | None) -> str:
    """The PyTorch expression computing ``node`` from its inputs' variables ``v``."""
    op, a = node.op, node.attrs
    binary = {"add": "+", "sub": "-", "mul": "*", "div": "/", "matmul": "@"}
    if op in binary:
        return f"{v[0]} {binary[op]} {v[1]}"
    simple = {"neg": "-{0}", "exp": "torch.exp({0})", "log": "torch.log({0})",
              "sigmoid": "torch.sigmoid({0})", "tanh": "torch.tanh({0})",
              "relu": "torch.relu({0})", "mse": "torch.mean(({0} - {1}) ** 2)"}
    if op in simple:
        return simple[op].format(*v)
    if op == "pow":
        return f"{v[0]} ** {literals.number(a['p'])}"
    if op in ("sum", "mean"):
        axis = a.get("axis")
        return f"torch.{op}({v[0]})" if axis is None else \
            f"torch.{op}({v[0]}, dim={literals.axis(axis)})"
    if op == "leaky_relu":
        return f"F.leaky_relu({v[0]}, negative_slope={literals.number(a['alpha'])})"
    if op == "elu":
        return f"F.elu({v[0]}, alpha={literals.number(a['alpha'])})"
    if op == "softmax":
        return f"torch.softmax({v[0]}, dim={a['axis']})"
    if op == "softmax_cross_entropy":
        labels = node.inputs[1].value
        y = v[1] if np.asarray(labels).dtype.kind in "iu" else f"{v[1]}.long()"
        return f"F.cross_entropy({v[0]}, {y})"
    if op == "dropout":
        return f"{v[0]}.clone()" if mask is None else f"{v[0]} * {mask}"
    raise GraphError(f"no PyTorch code for op {op!r}")


def torch_script(trace: Trace, title: str = "") -> str:
    """A runnable PyTorch script of ``trace``'s graph that checks every value and gradient."""
    listing = Listing(trace, Names(RESERVED))
    names = listing.names
    listing.leaves = leaves_of(trace)
    graph = trace.output.graph
    lines = ["# inputs: the leaves as tensors; requires_grad=True asks autograd for their "
             "gradients"]
    for leaf in listing.leaves:
        var = names.of(leaf)
        lines.append(f"{var} = {tensor_literal(listing, var, leaf.value, True)}"
                     f"{shape_note(leaf.value)}")
    masks: dict[int, str] = {}
    for step in trace.forward_steps:
        mask = dropout_mask(step.node) if step.node.op == "dropout" else None
        if mask is not None:
            var = masks[step.node.id] = names.fresh(f"mask_{names.of(step.node)}")
            lines.append(f"{var} = {tensor_literal(listing, var, mask, False)}  # the dropout "
                         "mask graphviz-nn drew")
    lines += ["", "# forward: the same ops"]
    inner = []
    for step in trace.forward_steps:
        node = step.node
        args = [names.of(n) for n in node.inputs]
        lines.append(f"{names.of(node)} = {torch_expr(node, args, masks.get(node.id))}")
        inner.append(names.of(node))
    out = names.of(trace.output)
    lines += ["", "# backward: autograd sends the gradients back through every op"]
    if inner:
        lines.append(f"for node in ({', '.join(inner)},):")
        lines.append("    node.retain_grad()   # keep the inner nodes' gradients, to print them")
    lines.append(f"{out}.backward()" if np.ndim(trace.output.value) == 0 else
                 f"{out}.backward(torch.ones_like({out}))   # a tensor output: the gradient "
                 "of its sum")

    def grad_expr(node: Node) -> str | None:
        if node.is_leaf and np.asarray(node.value).dtype.kind != "f":
            return None
        return f"{names.of(node)}.grad"

    checks = check_lines(listing, grad_expr)     # before the blobs are written
    rtol, atol = ("1e-6", "1e-9") if graph.dtype == np.float64 else ("1e-5", "1e-6")
    head = script_header(
        title or f"The graph of {trace.output.name}", "forward and backward with PyTorch",
        "Run it with python3 (PyTorch installed): autograd computes\nevery gradient, and each "
        "value and gradient is checked against the numbers graphviz-nn showed.\n"
        "On a GPU: add device=\"cuda\" to each torch.tensor(...).")
    code = "\n".join(lines)
    imports = ["import numpy as np", "import torch"]
    if "F." in code:
        imports.append("import torch.nn.functional as F")
    settings = f"RTOL, ATOL = {rtol}, {atol}   # how close each number must be\n"
    return assemble(head, imports, settings, [HELPERS], listing, code, checks)
