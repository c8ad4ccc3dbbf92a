"""The engine's texts marked for Qt's translation (so ``pyside6-lupdate`` finds them): its
message templates (TEMPLATES, by code), each op's one-line doc (OP_DOCS) and the words of its
formulas (OP_FORMULAS). ``python3 -m ui.i18n_tools`` writes these tables from the engine's
(``graphviz_nn/messages.py``, ``graphviz_nn/ops``); ``ui/engine_text.py`` says them.
"""

from __future__ import annotations

from ui.i18n import QT_TRANSLATE_NOOP

TEMPLATES: dict[str, str] = {
    "no_value_set": QT_TRANSLATE_NOOP("Engine", "no value set"),
    "missing_input": QT_TRANSLATE_NOOP("Engine", "missing input on port {port}"),
    "input_no_value": QT_TRANSLATE_NOOP("Engine", "input {name!r} on port {port} has no value"),
    "pass_too_big": QT_TRANSLATE_NOOP(
        "Engine",
        "not computed: this forward pass already made {made} numbers (at most {limit})"),
    "result_too_big": QT_TRANSLATE_NOOP(
        "Engine",
        "the result would hold {size} numbers (shape {shape}); one value holds at most "
        "{limit}"),
    "shape_mismatch": QT_TRANSLATE_NOOP("Engine", "shape mismatch: {a} {symbol} {b}"),
    "shape_mismatch_ports": QT_TRANSLATE_NOOP(
        "Engine",
        "shape mismatch: {port_a} {a}, {port_b} {b} ({detail})"),
    "bad_shape": QT_TRANSLATE_NOOP("Engine", "{op} cannot take shape {shape}: {detail}"),
    "op_failed": QT_TRANSLATE_NOOP("Engine", "{op} failed: {detail}"),
    "backward_unconnected": QT_TRANSLATE_NOOP(
        "Engine",
        "cannot run backward: {name!r} has an unconnected port"),
    "backward_no_value": QT_TRANSLATE_NOOP(
        "Engine",
        "cannot run backward: {name!r} has no value; run forward first"),
    "backward_error": QT_TRANSLATE_NOOP(
        "Engine",
        "cannot run backward: {name!r} has no value ({why})"),
    "cannot_trace": QT_TRANSLATE_NOOP("Engine", "cannot trace {name}: {why}"),
    "no_value": QT_TRANSLATE_NOOP("Engine", "no value"),
    "labels_shape": QT_TRANSLATE_NOOP(
        "Engine",
        "labels must have shape ({n},) for logits {logits}, got {shape}"),
    "labels_integer": QT_TRANSLATE_NOOP("Engine", "labels must be integer class indices"),
    "labels_range": QT_TRANSLATE_NOOP(
        "Engine",
        "labels must be between 0 and {top} (logits have {classes} classes)"),
    "labels_one_sample": QT_TRANSLATE_NOOP(
        "Engine",
        "logits of shape {logits} are one sample: the label must be one integer, got "
        "shape {shape}"),
    "logits_2d": QT_TRANSLATE_NOOP("Engine", "logits must be (batch, classes), got shape {shape}"),
    "count": QT_TRANSLATE_NOOP("Engine", " ({bad} of {size} numbers)"),
    "largest": QT_TRANSLATE_NOOP("Engine", "{max}, the largest {dtype}"),
    "value_and_count": QT_TRANSLATE_NOOP("Engine", "{value}{count}"),
    "leaf_nonfinite": QT_TRANSLATE_NOOP("Engine", "this value holds {kind}{count}"),
    "log_negative": QT_TRANSLATE_NOOP("Engine", "log of a negative number gives nan (log({x}))"),
    "log_zero": QT_TRANSLATE_NOOP("Engine", "log of 0 gives -inf"),
    "exp_overflow": QT_TRANSLATE_NOOP("Engine", "exp overflowed to inf: exp({x}) is above {big}"),
    "zero_by_zero": QT_TRANSLATE_NOOP("Engine", "0 / 0 gives nan"),
    "division_by_zero": QT_TRANSLATE_NOOP("Engine", "division by 0 gives {kind}"),
    "division_overflow": QT_TRANSLATE_NOOP(
        "Engine",
        "the division overflowed to {kind}: the quotient is beyond ±{big}"),
    "pow_negative": QT_TRANSLATE_NOOP(
        "Engine",
        "a negative number to the power {p} gives nan (({x}) ** {p})"),
    "pow_zero_negative": QT_TRANSLATE_NOOP("Engine", "0 to a negative power ({p}) gives inf"),
    "pow_overflow": QT_TRANSLATE_NOOP(
        "Engine",
        "the power overflowed to {kind}: x ** {p} is beyond ±{big}"),
    "what_add": QT_TRANSLATE_NOOP("Engine", "the sum"),
    "what_sub": QT_TRANSLATE_NOOP("Engine", "the difference"),
    "what_mul": QT_TRANSLATE_NOOP("Engine", "the product"),
    "what_matmul": QT_TRANSLATE_NOOP("Engine", "the matrix product"),
    "what_sum": QT_TRANSLATE_NOOP("Engine", "the sum"),
    "what_mean": QT_TRANSLATE_NOOP("Engine", "the sum for the mean"),
    "what_mse": QT_TRANSLATE_NOOP("Engine", "the squared error"),
    "overflow_nan": QT_TRANSLATE_NOOP(
        "Engine",
        "{what} overflowed: numbers beyond ±{big} became inf, and inf − inf gives nan"),
    "overflow": QT_TRANSLATE_NOOP("Engine", "{what} overflowed to {kind}: it is beyond ±{big}"),
    "op_nonfinite": QT_TRANSLATE_NOOP(
        "Engine",
        "{op} gave {kind} from finite inputs (a number beyond ±{big})"),
    "grad_sum_overflow": QT_TRANSLATE_NOOP(
        "Engine",
        "gradient became {kind} here: the gradients arriving add up to more than the "
        "largest {dtype}"),
    "grad_local": QT_TRANSLATE_NOOP(
        "Engine",
        "gradient became {kind} here (sent to {name}): the local derivative {rule} is "
        "{local_kind} at {name} = {at}"),
    "grad_overflow": QT_TRANSLATE_NOOP(
        "Engine",
        "gradient became {kind} here (sent to {name}): upstream × local {rule} "
        "overflowed{count}"),
    "value_and_grad": QT_TRANSLATE_NOOP("Engine", "{value}; {grad}"),
    "cycle": QT_TRANSLATE_NOOP("Engine", "connecting {src} → {dst} would make a cycle"),
    "name_empty": QT_TRANSLATE_NOOP("Engine", "a node needs a non-empty name"),
    "name_too_long": QT_TRANSLATE_NOOP(
        "Engine",
        "a node name has at most {limit} characters, not {length}"),
    "name_control": QT_TRANSLATE_NOOP(
        "Engine",
        "a node name cannot hold the control character {char}"),
    "name_surrogate": QT_TRANSLATE_NOOP(
        "Engine",
        "a node name cannot hold a broken character (lone surrogate {char})"),
    "name_taken": QT_TRANSLATE_NOOP("Engine", "there is already a node named {name!r}"),
    "not_a_leaf": QT_TRANSLATE_NOOP(
        "Engine",
        "{name} is computed by {op}; only leaves take a value"),
    "not_rectangular": QT_TRANSLATE_NOOP(
        "Engine",
        "value is not a rectangular array of numbers ({detail})"),
    "not_numbers": QT_TRANSLATE_NOOP("Engine", "value must be numbers, got {dtype} data"),
    "bad_attr": QT_TRANSLATE_NOOP("Engine", "{op}: {detail}"),
    "attr_alpha": QT_TRANSLATE_NOOP("Engine", "alpha must be a finite number, not {value}"),
    "attr_softmax_axis": QT_TRANSLATE_NOOP("Engine", "softmax needs one integer axis, not {value}"),
    "attr_exponent": QT_TRANSLATE_NOOP(
        "Engine",
        "the exponent p must be a finite number, not {value}"),
    "attr_dropout_p": QT_TRANSLATE_NOOP(
        "Engine",
        "dropout p must be a number in [0, 1), not {value}"),
    "attr_axis_range": QT_TRANSLATE_NOOP(
        "Engine",
        "axis {axis} is out of range for a {ndim}-D input"),
    "attr_axis_type": QT_TRANSLATE_NOOP(
        "Engine",
        "axis must be None, an integer or a list of integers, not {value}"),
    "matmul_scalar": QT_TRANSLATE_NOOP("Engine", "matmul needs at least 1-D operands"),
    "no_port": QT_TRANSLATE_NOOP("Engine", "{name} ({op}) has {have}; there is no port {port}"),
    "no_input_ports": QT_TRANSLATE_NOOP("Engine", "no input ports"),
    "parse_not_text": QT_TRANSLATE_NOOP("Engine", "the expression must be text"),
    "parse_too_long": QT_TRANSLATE_NOOP(
        "Engine",
        "the expression is too long (over {limit} characters)"),
    "parse_empty": QT_TRANSLATE_NOOP("Engine", "write an expression such as f = (x + y) * z"),
    "parse_unused_value": QT_TRANSLATE_NOOP(
        "Engine",
        "value given for {name!r}, which the expression never uses"),
    "parse_control": QT_TRANSLATE_NOOP(
        "Engine",
        "the expression contains the control character {char} at {where}"),
    "parse_surrogate": QT_TRANSLATE_NOOP(
        "Engine",
        "the expression contains a broken character (lone surrogate {char}) at {where}"),
    "parse_line_column": QT_TRANSLATE_NOOP("Engine", "line {line}, column {column}"),
    "parse_column": QT_TRANSLATE_NOOP("Engine", "column {column}"),
    "parse_syntax": QT_TRANSLATE_NOOP("Engine", "syntax error{where}: {detail}"),
    "parse_at_column": QT_TRANSLATE_NOOP("Engine", " (column {column})"),
    "parse_at": QT_TRANSLATE_NOOP("Engine", " at {where}"),
    "parse_too_deep": QT_TRANSLATE_NOOP("Engine", "the expression is nested too deeply"),
    "parse_unreadable": QT_TRANSLATE_NOOP("Engine", "the expression cannot be read: {detail}"),
    "parse_not_allowed": QT_TRANSLATE_NOOP("Engine", "not allowed in an expression: {what}{where}"),
    "parse_assigned_twice": QT_TRANSLATE_NOOP(
        "Engine",
        "{name!r} is assigned twice or is already a variable"),
    "parse_own_definition": QT_TRANSLATE_NOOP(
        "Engine",
        "{name!r} is used in its own definition; give the result another name"),
    "parse_number_too_large": QT_TRANSLATE_NOOP(
        "Engine",
        "the number {number} is too large (the largest is about 1.8e308) at column "
        "{column}"),
    "parse_axis_whole": QT_TRANSLATE_NOOP(
        "Engine",
        "axis must be a whole number, not {number} (column {column})"),
    "parse_one_argument": QT_TRANSLATE_NOOP("Engine", "{op} takes 1 argument, got {got}"),
    "parse_arguments": QT_TRANSLATE_NOOP("Engine", "{op} takes {n} arguments, got {got}"),
    "parse_no_option": QT_TRANSLATE_NOOP("Engine", "{op} has no option {option!r}"),
    "refused_assign": QT_TRANSLATE_NOOP("Engine", "assigning to anything but one name"),
    "refused_attribute": QT_TRANSLATE_NOOP("Engine", "attribute access"),
    "refused_indexing": QT_TRANSLATE_NOOP("Engine", "indexing"),
    "refused_lambda": QT_TRANSLATE_NOOP("Engine", "lambdas"),
    "refused_import": QT_TRANSLATE_NOOP("Engine", "imports"),
    "refused_comparison": QT_TRANSLATE_NOOP("Engine", "comparisons"),
    "refused_bool": QT_TRANSLATE_NOOP("Engine", "and/or"),
    "refused_if": QT_TRANSLATE_NOOP("Engine", "if-expressions"),
    "refused_list": QT_TRANSLATE_NOOP("Engine", "lists"),
    "refused_tuple": QT_TRANSLATE_NOOP("Engine", "tuples"),
    "refused_dict": QT_TRANSLATE_NOOP("Engine", "dicts"),
    "refused_set": QT_TRANSLATE_NOOP("Engine", "sets"),
    "refused_comprehension": QT_TRANSLATE_NOOP("Engine", "comprehensions"),
    "refused_fstring": QT_TRANSLATE_NOOP("Engine", "f-strings"),
    "refused_starred": QT_TRANSLATE_NOOP("Engine", "* arguments"),
    "refused_operator": QT_TRANSLATE_NOOP("Engine", "the operator {name}"),
    "refused_constant": QT_TRANSLATE_NOOP("Engine", "the constant {value}"),
    "refused_call": QT_TRANSLATE_NOOP("Engine", "calling {name}"),
    "refused_call_that": QT_TRANSLATE_NOOP("Engine", "calling that"),
    "refused_exponent": QT_TRANSLATE_NOOP("Engine", "an exponent that is not a number"),
    "refused_attr_value": QT_TRANSLATE_NOOP("Engine", "a {key} that is not a number"),
    "layer_sizes_format": QT_TRANSLATE_NOOP(
        "Engine",
        "layer sizes must be whole numbers separated by commas, like 64,64; {part!r} is "
        "not"),
    "layer_size_range": QT_TRANSLATE_NOOP(
        "Engine",
        "layer size {size} is out of range (1 to {limit})"),
    "file_prefix": QT_TRANSLATE_NOOP("Engine", "{path}: {detail}"),
    "file_unreadable": QT_TRANSLATE_NOOP("Engine", "cannot read {path}: {detail}"),
    "file_not_regular": QT_TRANSLATE_NOOP("Engine", "cannot read {path}: not a regular file"),
    "file_too_large": QT_TRANSLATE_NOOP(
        "Engine",
        "{path} is too large for a graph file (more than {limit})"),
    "file_not_utf8": QT_TRANSLATE_NOOP(
        "Engine",
        "{path} is not a graph file (not UTF-8 text: byte {byte} at position {position})"),
    "file_broken_json": QT_TRANSLATE_NOOP(
        "Engine",
        "{path} is not a graph file (broken or truncated JSON at line {line}, column "
        "{column}: {detail})"),
    "file_too_deep": QT_TRANSLATE_NOOP("Engine", "{path} is not a graph file (nested too deeply)"),
    "file_not_json": QT_TRANSLATE_NOOP("Engine", "{path} is not a graph file ({detail})"),
    "file_too_many_objects": QT_TRANSLATE_NOOP(
        "Engine",
        "{path} is too big for a graph file: it holds {count} JSON objects and lists, and"
        " a graph file (at most {nodes} nodes) holds at most {limit}"),
    "file_too_many_numbers": QT_TRANSLATE_NOOP(
        "Engine",
        "{path} holds too many numbers for a graph file ({count} items; at most {limit})"),
    "file_top_level": QT_TRANSLATE_NOOP(
        "Engine",
        "not a graph file: the top level must be a JSON object"),
    "file_format": QT_TRANSLATE_NOOP(
        "Engine",
        "not a graph file: format is {format}, expected {expected!r}"),
    "file_version_type": QT_TRANSLATE_NOOP(
        "Engine",
        "not a graph file: version must be an integer"),
    "file_newer": QT_TRANSLATE_NOOP(
        "Engine",
        "this file was written by a newer graphviz-nn (format version {version}; this "
        "version reads up to {known})"),
    "far_above": QT_TRANSLATE_NOOP("Engine", "far above {version}"),
    "file_node": QT_TRANSLATE_NOOP("Engine", "node {number}"),
    "file_node_named": QT_TRANSLATE_NOOP("Engine", "node {number} ({name})"),
    "file_edge": QT_TRANSLATE_NOOP("Engine", "edge {number}"),
    "file_version_unknown": QT_TRANSLATE_NOOP("Engine", "unknown format version {version}"),
    "too_many_nodes": QT_TRANSLATE_NOOP(
        "Engine",
        "the graph has {count} nodes; a graph file holds at most {limit}"),
    "too_many_numbers": QT_TRANSLATE_NOOP(
        "Engine",
        "the graph's values hold {count} numbers; a graph file holds at most {limit}"),
    "file_would_be_too_big": QT_TRANSLATE_NOOP(
        "Engine",
        "the graph would make a {size} MiB file; a graph file holds at most {limit} MiB"),
}


# each op's one-line doc (OpSpec.doc), as the palette shows it
OP_DOCS: dict[str, str] = {
    "matmul": QT_TRANSLATE_NOOP(
        "OpDocs",
        "Matrix product, e.g. a batch of inputs times a weight matrix."),
    "sum": QT_TRANSLATE_NOOP("OpDocs", "Sums over an axis (or all elements)."),
    "mean": QT_TRANSLATE_NOOP("OpDocs", "Averages over an axis (or all elements)."),
    "sigmoid": QT_TRANSLATE_NOOP("OpDocs", "Squashes to (0, 1); the classic neuron of CS231n."),
    "tanh": QT_TRANSLATE_NOOP("OpDocs", "Squashes to (−1, 1)."),
    "relu": QT_TRANSLATE_NOOP(
        "OpDocs",
        "Keeps positives, zeroes negatives; the gradient passes only where x > 0."),
    "leaky_relu": QT_TRANSLATE_NOOP(
        "OpDocs",
        "Like ReLU but lets a small slope α through for negatives."),
    "elu": QT_TRANSLATE_NOOP("OpDocs", "Smooth for negatives, saturating at −α."),
    "softmax": QT_TRANSLATE_NOOP("OpDocs", "Turns scores into probabilities along an axis."),
    "input": QT_TRANSLATE_NOOP(
        "OpDocs",
        "Data fed to the graph, e.g. an image batch or x in f(x, y)."),
    "param": QT_TRANSLATE_NOOP(
        "OpDocs",
        "A trainable parameter (weight or bias): training updates its value."),
    "const": QT_TRANSLATE_NOOP("OpDocs", "A fixed number."),
    "add": QT_TRANSLATE_NOOP(
        "OpDocs",
        "Adds two tensors (numpy broadcasting); passes the upstream gradient unchanged to"
        " both."),
    "sub": QT_TRANSLATE_NOOP(
        "OpDocs",
        "Subtracts b from a; the gradient to b is the upstream gradient negated."),
    "neg": QT_TRANSLATE_NOOP("OpDocs", "Negates its input."),
    "mul": QT_TRANSLATE_NOOP(
        "OpDocs",
        "Multiplies elementwise; each input's gradient is the upstream gradient times the"
        " other input."),
    "div": QT_TRANSLATE_NOOP(
        "OpDocs",
        "Divides elementwise, computed as a times b to the power −1."),
    "pow": QT_TRANSLATE_NOOP("OpDocs", "Raises to a constant power p."),
    "abs": QT_TRANSLATE_NOOP(
        "OpDocs",
        "The absolute value; its derivative is the sign (0 at 0, as numpy's sign)."),
    "exp": QT_TRANSLATE_NOOP("OpDocs", "The exponential; its derivative is itself."),
    "log": QT_TRANSLATE_NOOP("OpDocs", "The natural logarithm."),
    "mse": QT_TRANSLATE_NOOP("OpDocs", "Mean squared error over all elements."),
    "softmax_cross_entropy": QT_TRANSLATE_NOOP(
        "OpDocs",
        "Softmax and cross-entropy in one stable step (log-sum-exp); integer labels, "
        "batch mean."),
    "dropout": QT_TRANSLATE_NOOP(
        "OpDocs",
        "Randomly zeroes a fraction p of the inputs while training, rescaling the rest."),
}


# an op's formula ("op") and local derivative rules ("op:port") where they hold words, e.g.
# "Σ x  (over axis, or everything)"; the others are formulas only and stay as they are
OP_FORMULAS: dict[str, str] = {
    "matmul": QT_TRANSLATE_NOOP("OpFormulas", "a @ b  (matrix product)"),
    "sum": QT_TRANSLATE_NOOP("OpFormulas", "Σ x  (over axis, or everything)"),
    "sum:0": QT_TRANSLATE_NOOP(
        "OpFormulas",
        "∂(Σx)/∂x = 1  (the upstream gradient is copied to every summed element)"),
    "mean": QT_TRANSLATE_NOOP("OpFormulas", "(1/n) Σ x  (over axis, or everything)"),
    "mean:0": QT_TRANSLATE_NOOP(
        "OpFormulas",
        "∂mean/∂x = 1/n  (for each of the n averaged elements)"),
    "softmax": QT_TRANSLATE_NOOP(
        "OpFormulas",
        "softmax(x)ᵢ = e^xᵢ / Σⱼ e^xⱼ  (max subtracted first)"),
    "input": QT_TRANSLATE_NOOP("OpFormulas", "value set by you"),
    "param": QT_TRANSLATE_NOOP("OpFormulas", "value set by you"),
    "const": QT_TRANSLATE_NOOP("OpFormulas", "value set by you"),
    "pow": QT_TRANSLATE_NOOP("OpFormulas", "xᵖ  (p a constant)"),
    "softmax_cross_entropy": QT_TRANSLATE_NOOP(
        "OpFormulas",
        "mean over the batch of −log softmax(logits)[label]"),
    "softmax_cross_entropy:1": QT_TRANSLATE_NOOP("OpFormulas", "labels are integers: no gradient"),
    "dropout": QT_TRANSLATE_NOOP(
        "OpFormulas",
        "x · mask / (1 − p) while training (mask ~ Bernoulli(1 − p)); x when evaluating"),
    "dropout:0": QT_TRANSLATE_NOOP(
        "OpFormulas",
        "∂/∂x = mask / (1 − p) while training, 1 when evaluating"),
}
