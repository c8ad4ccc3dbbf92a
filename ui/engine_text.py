"""Engine messages in the window's language.

The engine (no Qt) makes each message a learner reads as a :class:`graphviz_nn.messages.Message`:
English text with a code and its params. This module says a message in the language installed:
the template of its code (the engine's templates, marked for Qt's translation in
``ui/engine_tables.py``), translated, filled with its params (a param that is a message itself
is said the same way). Text without a code, or a code not listed there, stays as the engine wrote
it. The op docs and formulas of the palette are said here too (OP_DOCS, OP_FORMULAS).
``python3 -m ui.i18n_tools`` copies the tables from the engine; a test checks that they are the
same, word for word.
"""

from __future__ import annotations

from typing import Any

from ui.engine_tables import OP_DOCS, OP_FORMULAS, TEMPLATES
from ui.i18n import translate


def op_formula(op: str) -> str:
    """The formula of ``op`` as the palette writes it, in the window's language."""
    from graphviz_nn.ops import OPS

    source = OP_FORMULAS.get(op)
    return translate("OpFormulas", source) if source else OPS[op].formula


def op_local(op: str, port: int) -> str:
    """The local derivative rule of ``op`` for ``port`` (ports still named as the op names
    them), in the window's language; give it to ``OpSpec.local_rule(..., rule=)``."""
    from graphviz_nn.ops import OPS

    source = OP_FORMULAS.get(f"{op}:{port}")
    return translate("OpFormulas", source) if source else OPS[op].local[port]


def op_doc(op: str) -> str:
    """The doc of ``op`` in the window's language (the engine's English if not listed)."""
    from graphviz_nn.ops import OPS

    source = OP_DOCS.get(op)
    return translate("OpDocs", source) if source else OPS[op].doc


def _is_message(value: Any) -> bool:
    """An engine Message (told by its code, so the engine need not be imported to ask)."""
    return isinstance(value, str) and isinstance(getattr(value, "code", None), str) \
        and isinstance(getattr(value, "params", None), dict)


def engine_text(message: Any) -> str:
    """``message`` (an engine Message, or any text) in the window's language."""
    if not _is_message(message):
        return "" if message is None else str(message)
    template = TEMPLATES.get(message.code)
    if template is None:
        return str(message)
    params = {k: engine_text(v) if _is_message(v) else v for k, v in message.params.items()}
    try:
        return translate("Engine", template).format(**params)
    except (KeyError, IndexError, ValueError):      # a translation that lost a placeholder
        return template.format(**params)


def error_text(exc: BaseException) -> str:
    """What an exception says, in the window's language (an engine error from its code)."""
    return engine_text(reason(exc))


def reason(exc: BaseException) -> str:
    """The message an exception carries: the engine Message it was raised with (its code
    kept), else its text (``graphviz_nn.messages.reason``, without importing the engine)."""
    first = exc.args[0] if len(exc.args) == 1 else None
    return first if _is_message(first) else str(exc)
