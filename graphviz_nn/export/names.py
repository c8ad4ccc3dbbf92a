"""Python names for the nodes of a graph: node names become identifiers a script can use.

``x`` stays ``x``; ``x@W1`` becomes ``x_at_W1``, ``a×4`` becomes ``a_times_4``, ``1_y`` becomes
``v1_y``; a name that would shadow a keyword, a builtin or the script's own helpers gets a
trailing ``_``. Every variable is unique, and each node's gradient is ``d`` + its variable
(``dq`` for ``q``) unless that is taken.
"""

from __future__ import annotations

import builtins
import keyword
import re

_SPELLED = {"×": "_times_", "·": "_times_", "*": "_times_", "@": "_at_", "+": "_plus_",
            "−": "_minus_", "-": "_minus_", "/": "_div_", "÷": "_div_", "^": "_pow_",
            "²": "_sq", "σ": "sigma", "∂": "d"}


class Names:
    """Allocates unique identifiers; ``reserved`` are names the script itself uses."""

    def __init__(self, reserved: set[str] = frozenset()) -> None:
        self.taken: set[str] = set(reserved) | set(dir(builtins))
        self.value: dict[int, str] = {}
        self.grad: dict[int, str] = {}

    def fresh(self, base: str) -> str:
        """``base`` as a valid identifier not used yet."""
        name = identifier(base)
        while name in self.taken:
            name += "_"
        self.taken.add(name)
        return name

    def of(self, node) -> str:
        """The variable holding ``node``'s value."""
        if node.id not in self.value:
            self.value[node.id] = self.fresh(node.name)
        return self.value[node.id]

    def grad_of(self, node) -> str:
        """The variable holding ``node``'s gradient: ``d`` + its variable."""
        if node.id not in self.grad:
            base = self.of(node)
            name = "d" + base if base[0].isalpha() else "d" + base.lstrip("_")
            self.grad[node.id] = self.fresh(name if name != "d" else "d_")
        return self.grad[node.id]


def identifier(name: str) -> str:
    """A valid Python identifier that reads like ``name`` (never a keyword)."""
    if name.isidentifier() and name.isascii() and "__" not in name \
            and name[0] != "_" and name[-1] != "_":           # as it is (most names)
        return name + "_" if keyword.iskeyword(name) or keyword.issoftkeyword(name) else name
    out = []
    for ch in str(name).strip():
        if ch == "_" or ("a" + ch).isidentifier():
            out.append(ch)
        else:
            out.append(_SPELLED.get(ch, "_"))
    text = re.sub(r"_+", "_", "".join(out))
    if text not in ("", "_"):
        text = text.strip("_") or text
    if not text or text == "_":
        text = "v"
    if not text.isidentifier():
        text = "v" + text
    if keyword.iskeyword(text) or keyword.issoftkeyword(text):
        text += "_"
    return text
