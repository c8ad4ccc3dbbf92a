"""The end of every exported script: print each number and check it against graphviz-nn's.

Each value and gradient is printed one per line (``q = 3.0``; a big array by its shape, sum
and absolute sum), then compared: small arrays element by element, big ones by their sum,
absolute sum and a few sampled elements.
"""

from __future__ import annotations

import numpy as np

from . import literals
from .listing import Listing

SHOW_MAX = 64   # arrays up to this many elements are printed in full

SHOW_HELPERS = '''
def _numpy(value):
    """A tensor or a number as a float64 numpy array."""
    if hasattr(value, "detach"):
        value = value.detach().cpu().numpy()
    return np.asarray(value, dtype=np.float64)


def show(name, value):
    """Print one result: every number of a small array, the shape and sums of a big one."""
    value = _numpy(value)
    if value.size <= SHOW_MAX:
        print(f"{name} = {value.tolist()!r}")
    else:
        print(f"{name}: shape {value.shape}, sum {float(value.sum())!r}, "
              f"abs sum {float(np.abs(value).sum())!r}")
'''.replace("SHOW_MAX", str(SHOW_MAX))

HELPERS = SHOW_HELPERS + '''

def check(name, got, want):
    """Print ``got`` and check it against what graphviz-nn computed."""
    show(name, got)
    np.testing.assert_allclose(_numpy(got), want, rtol=RTOL, atol=ATOL, err_msg=name)


def check_summary(name, got, shape, total, abs_total, samples):
    """Check a big array by its shape, sum, absolute sum and a few of its elements."""
    show(name, got)
    flat = _numpy(got).reshape(-1)
    assert _numpy(got).shape == shape, f"{name}: shape {_numpy(got).shape}, expected {shape}"
    slack = RTOL * abs_total + ATOL * flat.size
    assert abs(flat.sum() - total) <= slack, f"{name}: sum {flat.sum()}, expected {total}"
    assert abs(np.abs(flat).sum() - abs_total) <= slack, f"{name}: abs sum differs"
    for i, want in samples.items():
        np.testing.assert_allclose(flat[i], want, rtol=RTOL, atol=ATOL, err_msg=f"{name}[{i}]")
'''


def check_line(label: str, expr: str, value: np.ndarray, blobs: literals.Blobs) -> str:
    """``check("dq", dq, -4.0)``; a bigger array's expected value as a blob; the biggest
    checked by ``check_summary``."""
    value = np.asarray(value)
    if value.size <= literals.LITERAL_MAX:
        want = literals.nested(value) if value.ndim else literals.number(value)
        if value.dtype.kind in "iub":
            want = literals.nested(value)
        return f'check("{label}", {expr}, {want})'
    if value.size <= literals.CHECK_FULL_MAX:
        return f'check("{label}", {expr}, {blobs.add("want_" + label, value)})'
    total, abs_total, samples = literals.summary(value)
    picks = ", ".join(f"{i}: {literals.number(v)}" for i, v in samples.items())
    return (f'check_summary("{label}", {expr}, {tuple(value.shape)!r}, '
            f"total={literals.number(total)}, abs_total={literals.number(abs_total)}, "
            f"samples={{{picks}}})")


def check_lines(listing: Listing, grad_expr=None) -> list[str]:
    """A check for every value the forward pass made and every gradient the backward pass
    made, in the order the code computed them. ``grad_expr(node)`` is the script's text for a
    node's gradient (default: its gradient variable)."""
    names = listing.names
    trace = listing.trace
    lines = []
    for step in trace.forward_steps:
        lines.append(check_line(names.of(step.node), names.of(step.node), step.node.value,
                                listing.blobs))
    done: set[int] = set()
    order = [s.node for s in trace.backward_steps] + listing.leaves
    for node in order:
        if node.id in done or node.grad is None or \
                (grad_expr is None and node.id not in names.grad):
            continue
        done.add(node.id)
        expr = names.grad_of(node) if grad_expr is None else grad_expr(node)
        if expr is not None:
            lines.append(check_line(names.grad_of(node), expr, node.grad, listing.blobs))
    return lines
