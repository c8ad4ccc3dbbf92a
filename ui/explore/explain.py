"""What the inspector says, as equation blocks (ui/explore/equation.py): the forward step's
formula with its numbers, the backward step's chain rule (upstream × local = downstream) for
every input, the sums where a node is used more than once, and a node's facts.

Pure functions of engine data, so tests read them directly (``equation.to_text``).
"""

from __future__ import annotations

import numpy as np

from ui.engine_text import engine_text, op_doc, op_local
from ui.explore.equation import Para, Piece, Row, is_small, join, num, op, stats_text, sym
from ui.explore.formula import (
    LITERAL,
    call_pieces,
    derivative_of,
    factor,
    local_numbers,
    local_rule,
    rule_where,
    vjp_pieces,
)
from ui.i18n import translate


def grad_sym(output: str, name: str) -> str:
    """``∂f/∂q``."""
    return f"∂{output}/∂{name}"


def call_text(node) -> str:
    """``q = x + y``; a leaf: ``x`` and its kind."""
    if node.is_leaf:
        return translate("Inspector", "{name} ({kind})").format(name=node.name, kind=node.op)
    pieces = call_pieces(node, [sym(i.name if i is not None else "∅") for i in node.inputs])
    return f"{node.name} = {join(pieces)}"


def rule_text(node, port: int) -> str:
    """The local derivative of ``node`` for input ``port``, written with its inputs' names:
    ``∂(q·z)/∂q = z`` (the op's own rule, ``∂(a·b)/∂a = b``, with the ports renamed)."""
    names = [i.name if i is not None else None for i in node.inputs]
    return node.spec.local_rule(port, names, node.attrs, rule=op_local(node.op, port))


# ----- forward -------------------------------------------------------------------------------

def forward_block(step, index: int, n_forward: int) -> list:
    """``q = x + y = -2 + 5 = 3``, aligned on "=", one row per stage."""
    node = step.node
    names = [sym(i.name) for i in step.inputs]
    numbers = [num(i.value, "value", paren=k > 0) if i.value is not None else sym("?")
               for k, i in enumerate(step.inputs)]
    rows = [Row([sym(node.name)], call_pieces(node, names)),
            Row([], call_pieces(node, numbers)),
            Row([], [num(step.value, "value", bold=True)])]
    return [Para(translate("Inspector", "Forward step {i} of {n}: {node} computes its value "
                           "from its inputs.").format(i=index + 1, n=n_forward, node=node.name),
                 "title"),
            rows]


# ----- backward ------------------------------------------------------------------------------

def _times(a: np.ndarray, b) -> str:
    """``·`` when a factor is a number, ``⊙`` (element by element) between two tensors."""
    return "·" if a.size == 1 or b is None or np.size(b) == 1 else "⊙"


def _constant(arr) -> np.ndarray:
    """A tensor whose elements are all equal (an add's ones) as that one number."""
    a = np.asarray(arr)
    if a.size > 1 and np.all(a == a.reshape(-1)[0]):
        return a.reshape(-1)[0].copy()
    return a


def _broadcast_note(name: str, product_shape: tuple, shape: tuple) -> Para | None:
    """Where numpy broadcast an input: its gradient is summed back to the input's shape."""
    from ui.style import shape_text

    if tuple(product_shape) == tuple(shape):
        return None
    extra = len(product_shape) - len(shape)
    axes = list(range(extra)) + [extra + k for k, n in enumerate(shape)
                                 if n == 1 and product_shape[extra + k] != 1]
    words = translate("Inspector", "axis {list}") if len(axes) == 1 else \
        translate("Inspector", "axes {list}")
    return Para(translate(
        "Inspector", "{name} has shape {small}, upstream × local has shape {big}: the forward "
        "pass broadcast {name}, so its gradient is summed over {axes} back to {small}.").format(
            name=name, small=shape_text(shape), big=shape_text(product_shape),
            axes=words.format(list=", ".join(str(a) for a in axes))), "muted")


_TERMS: list = [None, {}]       # the trace indexed last, and its terms by node id


def terms_of(trace, node) -> list[tuple[int, object, int, object]]:
    """Every gradient the backward pass sends to ``node``: (step index, consumer node, port,
    downstream), in trace order. (Indexed once per trace: a step asks several times.)"""
    if _TERMS[0] is not trace:
        index: dict[int, list] = {}
        for k, s in enumerate(trace):
            if s.kind == "backward":
                for lg in s.locals:
                    index.setdefault(lg.input.id, []).append((k, s.node, lg.port, lg.downstream))
        _TERMS[:] = [trace, index]
    return list(_TERMS[1].get(node.id, ()))


def _term_caption(consumer, port: int, same_twice: bool) -> str:
    if same_twice:
        return translate("Inspector", "from {node}, port {port}").format(
            node=consumer.name, port=consumer.spec.ports[port])
    return translate("Inspector", "from {node}").format(node=consumer.name)


def sum_rows(o: str, node, terms, cursor: int, hide_step: int | None) -> list[Row]:
    """``∂o/∂x = 3 + 3 + 1 = 7``: each term with its number (``…`` while still to come, ``?``
    while the quiz hides it) and, once all have arrived, the sum."""
    consumers = [t[1].id for t in terms]
    rhs: list[Piece] = []
    total = None
    complete = True
    for k, (i, consumer, port, g) in enumerate(terms):
        if rhs:
            rhs.append(op("+"))
        cap = _term_caption(consumer, port, consumers.count(consumer.id) > 1)
        if i > cursor:
            complete = False
            rhs.append(sym("…", "grad", caption=cap + " " + translate("Inspector", "(later)")))
        elif i == hide_step:
            complete = False
            rhs.append(sym("?", "grad", caption=cap))
        else:
            rhs.append(num(g, "grad", caption=cap, paren=k > 0))
            total = np.asarray(g) if total is None else total + np.asarray(g)
    rows = [Row([sym(grad_sym(o, node.name), "grad")], rhs)]
    if complete and total is not None:
        rows.append(Row([], [num(total, "grad", bold=True)]))
    return rows


def _input_rows(step, lg, o: str, hidden: bool) -> list[Row]:
    """The chain rule for one input, as the lecture writes it."""
    n, i = step.node.name, lg.input.name
    up = np.asarray(step.upstream)
    # no captions under the terms: the sentence above names them, and a caption costs a
    # nested table (four times the layout time of a step)
    twice = sum(x.input is lg.input for x in step.locals) > 1      # x · x: say which port
    port = translate("Inspector", "through port {port}").format(
        port=step.node.spec.ports[lg.port]) if twice else ""
    rows = [Row([sym(grad_sym(o, i), "grad", caption=port)],
                [sym(grad_sym(o, n), "grad"), op("·"), sym(f"∂{n}/∂{i}")])]
    rule = local_rule(step.node, lg.port, grad_sym(o, n))
    if hidden:
        # the rule as a formula; its numbers would give the answer away
        rows.append(Row([], [num(up, "grad"), op("·"), sym(derivative_of(step.node, lg.port))]))
        if rule is not None and not LITERAL.match(rule):
            rows.append(Row([], [num(up, "grad"), op("·"), sym(factor(rule))]))
        rows.append(Row([], [sym("?", "grad", bold=True)]))
        return rows
    if lg.local is None:
        # a vector-Jacobian product (matmul, softmax): the rule says how upstream is used
        if rule is not None:
            rows.append(Row([], [sym(rule)]))
        numbers = vjp_pieces(step.node, lg.port, up)
        if numbers is not None:
            rows.append(Row([], numbers))
        rows.append(Row([], [num(lg.downstream, "grad", bold=True)]))
        return rows
    if rule is not None and not LITERAL.match(rule):
        rows.append(Row([], [num(up, "grad"), op("·"), sym(factor(rule))]))
        numbers = local_numbers(step.node, lg.port)
        if numbers is not None:
            rows.append(Row([], [num(up, "grad"), op("·"), sym(numbers, "local")]))
    local = _constant(lg.local)
    rows.append(Row([], [num(up, "grad"), op(_times(up, local)), num(local, "local", paren=True)]))
    rows.append(Row([], [num(lg.downstream, "grad", bold=True)]))
    return rows


def backward_block(trace, index: int, output_name: str, hidden: bool = False) -> list:
    """The chain rule of the backward step ``trace[index]``, for every input:
    ``∂f/∂x = ∂f/∂q · ∂q/∂x = -4 · 1 = -4``; where the step's node or an input is used more
    than once, the sum of the gradients arriving at it. ``hidden``: the quiz hides the
    downstream numbers and the local numbers that would give them away."""
    step = trace[index]
    n_forward = len(trace.forward_steps)
    node, o = step.node, output_name
    block: list = [Para(translate("Inspector", "Backward step {i} of {n}: {call}").format(
        i=index - n_forward + 1, n=len(trace) - n_forward, call=call_text(node)), "title")]
    if node.name == o:
        block.append(Para(translate("Inspector", "{o} is the output: the chain starts at "
                                    "∂{o}/∂{o} = 1.").format(o=o)))
    mine = terms_of(trace, node)
    if len(mine) > 1:
        block.append(Para(translate("Inspector", "{node} is used {k} times, so its upstream "
                                    "gradient is the sum of what each use sent back:").format(
            node=node.name, k=len(mine))))
        block.append(sum_rows(o, node, mine, index, None))
    block.append(Para(translate("Inspector", "downstream = upstream × local, for each input:")))
    hide = index if hidden else None
    for lg in step.locals:
        block.append(_input_rows(step, lg, o, hidden))
        where = rule_where(node, lg.port)
        if where is not None:
            block.append(Para(translate("Inspector", "where {definition}").format(
                definition=where), "muted"))
        if not hidden and lg.local is not None:
            product = np.broadcast_shapes(np.shape(step.upstream), np.shape(lg.local))
            note = _broadcast_note(lg.input.name, product, np.shape(lg.downstream))
            if note is not None:
                block.append(note)
        terms = terms_of(trace, lg.input)
        if len(terms) > 1 and lg is _last_local_for(step, lg.input):
            block.append(Para(translate("Inspector", "{node} is used {k} times: ∂{o}/∂{node} "
                                        "adds up what every use sends back.").format(
                node=lg.input.name, k=len(terms), o=o)))
            block.append(sum_rows(o, lg.input, terms, index, hide))
    if not hidden:       # the rule of an add would give the answer away
        rules = "; ".join(sorted({op_local(node.op, lg.port) for lg in step.locals}))
        block.append(Para(translate("Inspector", "local rule of {op}: {rules}").format(
            op=node.op, rules=rules), "muted"))
    return block


def _last_local_for(step, node):
    """The last port of ``step`` fed by ``node`` (x·x feeds both ports: one sum, after both)."""
    return [lg for lg in step.locals if lg.input is node][-1]


# ----- a Dense layer stepped as a whole ------------------------------------------------------

def layer_block(trace, start: int, end: int, title: str, output_name: str,
                hidden: bool = False) -> list:
    """Steps ``start..end`` of one Dense layer taken as one step (the canvas shows the layer
    closed): what the layer does, then each of its steps as usual."""
    kind = trace[end].kind
    if kind == "forward":
        head = translate("Inspector", "Layer {title}, forward in one step: its {k} nodes "
                         "one after the other.")
    else:
        head = translate("Inspector", "Layer {title}, backward in one step: the chain rule "
                         "through its {k} nodes, from its output back to its input and "
                         "weights.")
    block: list = [Para(head.format(title=title, k=end - start + 1), "title")]
    n_forward = len(trace.forward_steps)
    for i in range(start, end + 1):
        if kind == "forward":
            block += forward_block(trace[i], i, n_forward)
        else:
            block += backward_block(trace, i, output_name, hidden=hidden and i == end)
    return block


# ----- a node's facts ------------------------------------------------------------------------

def node_block(node, value, grad, output_name: str | None, terms=(), cursor: int = 0,
               hide_step: int | None = None) -> list:
    """The selected node: its formula, value, gradient and, where it is used more than once,
    the sum of the gradients arriving at it."""
    spec = node.spec
    block: list = []
    if not node.is_leaf:
        block.append([Row([sym(node.name)], call_pieces(
            node, [sym(i.name if i is not None else "∅") for i in node.inputs]))])
    block.append(Para(translate("Inspector", "{symbol} ({op}): {doc}").format(
        symbol=spec.symbol, op=node.op, doc=op_doc(node.op)), "muted"))
    if node.attrs:
        block.append(Para(", ".join(f"{k} = {v}" for k, v in node.attrs.items()), "muted"))
    rows = []
    if value is not None:
        rows.append(Row([sym(node.name, caption=translate("Inspector", "value"))],
                        [_fact(value, "value")]))
    if grad is not None and output_name:
        rows.append(Row([sym(grad_sym(output_name, node.name), "grad",
                             caption=translate("Inspector", "gradient"))], [_fact(grad, "grad")]))
    if rows:
        block.append(rows)
    if len(terms) > 1 and output_name:
        block.append(Para(translate("Inspector", "{node} is used {k} times, so its gradient is "
                                    "the sum of what each use sends back:").format(
            node=node.name, k=len(terms))))
        block.append(sum_rows(output_name, node, terms, cursor, hide_step))
    if node.error:
        block.append(Para(translate("Inspector", "cannot compute: {why}").format(
            why=engine_text(node.error)),
                          "error"))
    return block


def _fact(value, kind: str) -> Piece:
    """Numbers written out when small; a big tensor's shape, min, mean and max (its picture is
    drawn below, larger)."""
    arr = np.asarray(value)
    return num(arr, kind) if is_small(arr) else sym(stats_text(arr), kind)

