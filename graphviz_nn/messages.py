"""Messages a learner reads, as data: English text with a code and the values it was made from.

The engine never imports Qt, yet the window speaks Korean too. So every message that reaches a
learner (a node's badge: missing input, a shape mismatch, where NaN started; a refused
expression; a refused file; an edit the graph refuses) is made by :func:`say`::

    say("missing_input", port="b")   # -> Message("missing input on port b")

A :class:`Message` *is* the English ``str`` (what the CLI prints and tests match), and it also
carries ``.code`` (a key of :data:`TEMPLATES`) and ``.params`` (the values, already written as
text the way the English shows them: numbers, shapes and names stay as they are). A front end
that speaks another language looks the template up by its code and fills in the params; a
param that is itself a Message is said the same way. ``GraphError.code`` / ``.params`` give
the same for an exception. Text built by other means (numpy's own messages) stays English.
"""

from __future__ import annotations

from typing import Any

# code -> English template (str.format fields; "{name!r}" writes a name in quotes)
TEMPLATES: dict[str, str] = {
    # a forward pass, per node (passes.py)
    "no_value_set": "no value set",
    "missing_input": "missing input on port {port}",
    "input_no_value": "input {name!r} on port {port} has no value",
    "pass_too_big": "not computed: this forward pass already made {made} numbers (at most "
                    "{limit})",
    "result_too_big": "the result would hold {size} numbers (shape {shape}); one value holds at "
                      "most {limit}",
    "shape_mismatch": "shape mismatch: {a} {symbol} {b}",
    "shape_mismatch_ports": "shape mismatch: {port_a} {a}, {port_b} {b} ({detail})",
    "bad_shape": "{op} cannot take shape {shape}: {detail}",
    "op_failed": "{op} failed: {detail}",
    "backward_unconnected": "cannot run backward: {name!r} has an unconnected port",
    "backward_no_value": "cannot run backward: {name!r} has no value; run forward first",
    "backward_error": "cannot run backward: {name!r} has no value ({why})",
    "cannot_trace": "cannot trace {name}: {why}",
    "no_value": "no value",
    # labels of softmax_cross_entropy (ops/losses.py)
    "labels_shape": "labels must have shape ({n},) for logits {logits}, got {shape}",
    "labels_integer": "labels must be integer class indices",
    "labels_range": "labels must be between 0 and {top} (logits have {classes} classes)",
    "labels_one_sample": "logits of shape {logits} are one sample: the label must be one "
                         "integer, got shape {shape}",
    "logits_2d": "logits must be (batch, classes), got shape {shape}",
    # where a value or a gradient first stopped being a number (numerics.py)
    "count": " ({bad} of {size} numbers)",
    "largest": "{max}, the largest {dtype}",
    "value_and_count": "{value}{count}",
    "leaf_nonfinite": "this value holds {kind}{count}",
    "log_negative": "log of a negative number gives nan (log({x}))",
    "log_zero": "log of 0 gives -inf",
    "exp_overflow": "exp overflowed to inf: exp({x}) is above {big}",
    "zero_by_zero": "0 / 0 gives nan",
    "division_by_zero": "division by 0 gives {kind}",
    "division_overflow": "the division overflowed to {kind}: the quotient is beyond ±{big}",
    "pow_negative": "a negative number to the power {p} gives nan (({x}) ** {p})",
    "pow_zero_negative": "0 to a negative power ({p}) gives inf",
    "pow_overflow": "the power overflowed to {kind}: x ** {p} is beyond ±{big}",
    "what_add": "the sum",
    "what_sub": "the difference",
    "what_mul": "the product",
    "what_matmul": "the matrix product",
    "what_sum": "the sum",
    "what_mean": "the sum for the mean",
    "what_mse": "the squared error",
    "overflow_nan": "{what} overflowed: numbers beyond ±{big} became inf, and inf − inf gives "
                    "nan",
    "overflow": "{what} overflowed to {kind}: it is beyond ±{big}",
    "op_nonfinite": "{op} gave {kind} from finite inputs (a number beyond ±{big})",
    "grad_sum_overflow": "gradient became {kind} here: the gradients arriving add up to more "
                         "than the largest {dtype}",
    "grad_local": "gradient became {kind} here (sent to {name}): the local derivative {rule} is "
                  "{local_kind} at {name} = {at}",
    "grad_overflow": "gradient became {kind} here (sent to {name}): upstream × local {rule} "
                     "overflowed{count}",
    "value_and_grad": "{value}; {grad}",
    # editing a graph (graph.py, node.py)
    "cycle": "connecting {src} → {dst} would make a cycle",
    "name_empty": "a node needs a non-empty name",
    "name_too_long": "a node name has at most {limit} characters, not {length}",
    "name_control": "a node name cannot hold the control character {char}",
    "name_surrogate": "a node name cannot hold a broken character (lone surrogate {char})",
    "name_taken": "there is already a node named {name!r}",
    "not_a_leaf": "{name} is computed by {op}; only leaves take a value",
    "not_rectangular": "value is not a rectangular array of numbers ({detail})",
    "not_numbers": "value must be numbers, got {dtype} data",
    "bad_attr": "{op}: {detail}",
    "attr_alpha": "alpha must be a finite number, not {value}",
    "attr_softmax_axis": "softmax needs one integer axis, not {value}",
    "attr_exponent": "the exponent p must be a finite number, not {value}",
    "attr_dropout_p": "dropout p must be a number in [0, 1), not {value}",
    "attr_axis_range": "axis {axis} is out of range for a {ndim}-D input",
    "attr_axis_type": "axis must be None, an integer or a list of integers, not {value}",
    "matmul_scalar": "matmul needs at least 1-D operands",
    "no_port": "{name} ({op}) has {have}; there is no port {port}",
    "no_input_ports": "no input ports",
    # expressions (parse.py)
    "parse_not_text": "the expression must be text",
    "parse_too_long": "the expression is too long (over {limit} characters)",
    "parse_empty": "write an expression such as f = (x + y) * z",
    "parse_unused_value": "value given for {name!r}, which the expression never uses",
    "parse_control": "the expression contains the control character {char} at {where}",
    "parse_surrogate": "the expression contains a broken character (lone surrogate {char}) at "
                       "{where}",
    "parse_line_column": "line {line}, column {column}",
    "parse_column": "column {column}",
    "parse_syntax": "syntax error{where}: {detail}",
    "parse_at_column": " (column {column})",
    "parse_at": " at {where}",
    "parse_too_deep": "the expression is nested too deeply",
    "parse_unreadable": "the expression cannot be read: {detail}",
    "parse_not_allowed": "not allowed in an expression: {what}{where}",
    "parse_assigned_twice": "{name!r} is assigned twice or is already a variable",
    "parse_own_definition": "{name!r} is used in its own definition; give the result another "
                            "name",
    "parse_number_too_large": "the number {number} is too large (the largest is about 1.8e308) "
                              "at column {column}",
    "parse_axis_whole": "axis must be a whole number, not {number} (column {column})",
    "parse_one_argument": "{op} takes 1 argument, got {got}",
    "parse_arguments": "{op} takes {n} arguments, got {got}",
    "parse_no_option": "{op} has no option {option!r}",
    "refused_assign": "assigning to anything but one name",
    "refused_attribute": "attribute access",
    "refused_indexing": "indexing",
    "refused_lambda": "lambdas",
    "refused_import": "imports",
    "refused_comparison": "comparisons",
    "refused_bool": "and/or",
    "refused_if": "if-expressions",
    "refused_list": "lists",
    "refused_tuple": "tuples",
    "refused_dict": "dicts",
    "refused_set": "sets",
    "refused_comprehension": "comprehensions",
    "refused_fstring": "f-strings",
    "refused_starred": "* arguments",
    "refused_operator": "the operator {name}",
    "refused_constant": "the constant {value}",
    "refused_call": "calling {name}",
    "refused_call_that": "calling that",
    "refused_exponent": "an exponent that is not a number",
    "refused_attr_value": "a {key} that is not a number",
    # layer sizes typed in a form (nn/layers.py)
    "layer_sizes_format": "layer sizes must be whole numbers separated by commas, like 64,64; "
                          "{part!r} is not",
    "layer_size_range": "layer size {size} is out of range (1 to {limit})",
    # graph files (io.py, filecheck.py)
    "file_prefix": "{path}: {detail}",
    "file_unreadable": "cannot read {path}: {detail}",
    "file_not_regular": "cannot read {path}: not a regular file",
    "file_too_large": "{path} is too large for a graph file (more than {limit})",
    "file_not_utf8": "{path} is not a graph file (not UTF-8 text: byte {byte} at position "
                     "{position})",
    "file_broken_json": "{path} is not a graph file (broken or truncated JSON at line {line}, "
                        "column {column}: {detail})",
    "file_too_deep": "{path} is not a graph file (nested too deeply)",
    "file_not_json": "{path} is not a graph file ({detail})",
    "file_too_many_objects": "{path} is too big for a graph file: it holds {count} JSON "
                             "objects and lists, and a graph file (at most {nodes} nodes) holds "
                             "at most {limit}",
    "file_too_many_numbers": "{path} holds too many numbers for a graph file ({count} items; at "
                             "most {limit})",
    "file_top_level": "not a graph file: the top level must be a JSON object",
    "file_format": "not a graph file: format is {format}, expected {expected!r}",
    "file_version_type": "not a graph file: version must be an integer",
    "file_newer": "this file was written by a newer graphviz-nn (format version {version}; this "
                  "version reads up to {known})",
    "far_above": "far above {version}",
    "file_node": "node {number}",
    "file_node_named": "node {number} ({name})",
    "file_edge": "edge {number}",
    "file_version_unknown": "unknown format version {version}",
    "too_many_nodes": "the graph has {count} nodes; a graph file holds at most {limit}",
    "too_many_numbers": "the graph's values hold {count} numbers; a graph file holds at most "
                        "{limit}",
    "file_would_be_too_big": "the graph would make a {size} MiB file; a graph file holds at "
                             "most {limit} MiB",
}


class Message(str):
    """English text (the ``str`` itself) with the ``code`` of its template and its ``params``."""

    code: str
    params: dict[str, Any]

    def __reduce__(self):                 # a copy or a pickle keeps the code
        return (_remake, (self.code, self.params, str(self)))


def _remake(code: str, params: dict, text: str) -> Message:
    msg = Message(text)
    msg.code, msg.params = code, params
    return msg


def say(code: str, **params: Any) -> Message:
    """The message ``code`` (a key of :data:`TEMPLATES`) filled with ``params``."""
    return _remake(code, params, TEMPLATES[code].format(**params))


def reason(exc: BaseException) -> str:
    """The message an exception carries: the Message it was raised with, else its text."""
    first = exc.args[0] if len(exc.args) == 1 else None
    return first if isinstance(first, Message) else str(exc)


def code_of(message: Any) -> str | None:
    """The code of a message (None for plain text)."""
    return getattr(message, "code", None) if isinstance(message, Message) else None
