"""What a graph file may hold, and the checks of its parts (numbers, values, ids, positions).

Loading refuses, with one :class:`GraphError` naming the problem, anything the app could not
show or save again: so a file that opens can always be saved, and memory stays bounded by the
bytes of the file (nothing declared in it, such as a shape, is allocated before its numbers
are there). The same limits hold when saving, so every file the app writes opens again.

Limits (generous for teaching graphs: the 784-100-10 Fashion-MNIST model holds 80,000 numbers
in 20 nodes):

- ``MAX_FILE_BYTES`` (160 MiB) of JSON; read in one bounded read, never past the limit;
- ``MAX_NODES`` (10,000) nodes;
- ``MAX_ELEMENTS`` (4,194,304) numbers in all leaf values together;
- ``MAX_RANK`` (8) dimensions per value;
- ``MAX_NAME_LENGTH`` (200) characters per node name (checked by ``Graph`` itself);
- node ids from 0 to ``MAX_ID`` (2³¹ − 1, what the window's signals carry);
- positions finite and within ``MAX_COORD`` (10⁹) of the origin.
"""

from __future__ import annotations

import math
import os
import stat
from typing import Any

import numpy as np

from .messages import say
from .node import GraphError

MAX_FILE_BYTES = 160 * 2 ** 20
MAX_NODES = 10_000
MAX_ELEMENTS = 2 ** 22
MAX_RANK = 8
MAX_ID = 2 ** 31 - 1
MAX_COORD = 1e9
VALUE_DTYPES = ("float16", "float32", "float64", "int32", "int64")
# JSON objects and lists, and commas, a file of MAX_NODES nodes can hold: a node is at most
# 7 (itself, attrs, axis, value, shape, data, pos), its edges at most 2 more; the numbers of
# the values are MAX_ELEMENTS commas. Counted on the text before it is parsed, so a file of
# a million tiny objects (each 2 bytes of text, 60 of memory) is refused before they are made.
_MAX_CONTAINERS = 10 * MAX_NODES + 16
_MAX_COMMAS = MAX_ELEMENTS + 32 * MAX_NODES


def need(cond: bool, msg: str) -> None:
    """Raise GraphError(msg) unless ``cond``."""
    if not cond:
        raise GraphError(msg)


def is_int(x: Any) -> bool:
    """A JSON integer (not a bool)."""
    return isinstance(x, int) and not isinstance(x, bool)


def is_number(x: Any) -> bool:
    """A JSON number (not a bool)."""
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _size(n: float) -> str:
    return f"{n / 2 ** 20:.0f} MiB"


def read_text(path: str | os.PathLike) -> str:
    """The text of ``path``: a regular file of at most MAX_FILE_BYTES, UTF-8 (a BOM is fine).
    GraphError otherwise; never blocks on a pipe or reads a device without end."""
    try:
        # stat before opening: opening a named pipe would wait for a writer forever
        need(stat.S_ISREG(os.stat(path).st_mode), say("file_not_regular", path=str(path)))
        with open(path, "rb") as f:
            data = _read_at_most(f, MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise GraphError(say("file_unreadable", path=str(path),
                             detail=str(exc.strerror or exc))) from None
    need(len(data) <= MAX_FILE_BYTES, say("file_too_large", path=str(path),
                                          limit=_size(MAX_FILE_BYTES)))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GraphError(say("file_not_utf8", path=str(path), byte=f"0x{data[exc.start]:02x}",
                             position=exc.start)) from None


def _read_at_most(f, limit: int) -> bytes:
    """Up to ``limit`` bytes of ``f``, in chunks: memory follows what is there, not the limit."""
    chunks, total = [], 0
    while total < limit:
        chunk = f.read(min(2 ** 16, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def check_text(text: str, where: str) -> None:
    """Refuse, before parsing, JSON text with more objects or numbers than a file can hold."""
    containers = text.count("{") + text.count("[")
    need(containers <= _MAX_CONTAINERS, say("file_too_many_objects", path=where,
                                            count=f"{containers:,}", nodes=f"{MAX_NODES:,}",
                                            limit=f"{_MAX_CONTAINERS:,}"))
    commas = text.count(",")
    need(commas <= _MAX_COMMAS, say("file_too_many_numbers", path=where, count=f"{commas:,}",
                                    limit=f"{_MAX_COMMAS:,}"))


def check_counts(n_nodes: int, n_elements: int) -> None:
    """Refuse a graph with more nodes or numbers than a file may hold."""
    need(n_nodes <= MAX_NODES, say("too_many_nodes", count=f"{n_nodes:,}", limit=f"{MAX_NODES:,}"))
    need(n_elements <= MAX_ELEMENTS, say("too_many_numbers", count=f"{n_elements:,}",
                                         limit=f"{MAX_ELEMENTS:,}"))


def check_id(nid: Any, where: str) -> None:
    need(is_int(nid) and 0 <= nid <= MAX_ID,
         f"{where}: id must be an integer from 0 to {MAX_ID}")


def check_pos(pos: Any, where: str) -> None:
    """None, or two finite numbers within MAX_COORD of the origin."""
    if pos is None:
        return
    need(isinstance(pos, list) and len(pos) == 2 and all(is_number(c) for c in pos),
         f"{where}: pos must be two numbers")
    for c in pos:
        try:
            ok = math.isfinite(float(c)) and abs(float(c)) <= MAX_COORD
        except OverflowError:
            ok = False
        need(ok, f"{where}: pos must be two finite numbers within ±{MAX_COORD:,.0f}, "
             f"not {_short(c)}")


def shown_name(name: Any) -> str:
    """A name as a message may show it: printable (control characters and broken surrogates
    escaped, so the message itself can always be printed and saved), at most 60 characters."""
    text = name if isinstance(name, str) and name.isprintable() else repr(name)[1:-1] \
        if isinstance(name, str) else repr(name)
    return text if len(text) <= 60 else f"{text[:48]}… ({len(text)} characters)"


def _short(x: Any) -> str:
    text = repr(x)
    return text if len(text) <= 24 else f"{text[:12]}…({len(text)} digits)"


def decode_value(v: Any, where: str, budget: int) -> np.ndarray:
    """A leaf's value from its JSON form; ``budget``: numbers still allowed in this file."""
    need(isinstance(v, dict), f"{where}: value must be an object with dtype, shape and data")
    dtype, shape, data = v.get("dtype"), v.get("shape"), v.get("data")
    need(isinstance(dtype, str) and dtype in VALUE_DTYPES,
         f"{where}: unsupported value dtype {_short(dtype)}")
    need(isinstance(shape, list) and all(is_int(s) and s >= 0 for s in shape),
         f"{where}: value shape must be a list of non-negative integers")
    need(all(s <= MAX_ELEMENTS for s in shape), f"{where}: value shape {_shape(shape)} has "
         f"a dimension above {MAX_ELEMENTS:,}")
    need(len(shape) <= MAX_RANK, f"{where}: value has {len(shape)} dimensions; at most "
         f"{MAX_RANK}")
    need(isinstance(data, list), f"{where}: value data must be a list of numbers")
    size = math.prod(shape)
    need(size <= budget, f"{where}: value shape {_shape(shape)} holds {size:,} numbers; the "
         f"values of a graph file hold at most {MAX_ELEMENTS:,}")
    need(len(data) == size, f"{where}: value has {len(data):,} numbers but shape "
         f"{_shape(shape)} needs {size:,}")
    if dtype.startswith("int"):
        return _ints(data, dtype, where).reshape(shape)
    return _floats(data, dtype, where).reshape(shape)


def _shape(shape: list) -> str:
    text = str(tuple(shape))
    return text if len(text) <= 60 else f"{text[:40]}…)"


def _ints(data: list, dtype: str, where: str) -> np.ndarray:
    if set(map(type, data)) <= {int}:
        try:
            return np.array(data, dtype=dtype)
        except OverflowError:
            pass                                # find the number and name it below
    info = np.iinfo(dtype)
    for x in data:
        if not is_int(x):
            need(is_number(x) or isinstance(x, str),
                 f"{where}: value data must be numbers, found {_short(x)}")
            raise GraphError(f"{where}: {dtype} value data must be whole numbers, found "
                             f"{_short(x)}")
        need(info.min <= x <= info.max, f"{where}: {_short(x)} does not fit in {dtype} "
             f"({info.min} to {info.max})")
    return np.array(data, dtype=dtype)


def _float_item(x: Any, where: str) -> float | int:
    if isinstance(x, str) and x in ("nan", "inf", "-inf"):
        return float(x)
    need(is_number(x), f"{where}: value data must be numbers, found {_short(x)}")
    return x


def _floats(data: list, dtype: str, where: str) -> np.ndarray:
    """Numbers (and "nan", "inf", "-inf") as ``dtype``; a finite number too large for it is
    refused by name, never turned into inf."""
    if not set(map(type, data)) <= {int, float}:
        data = [_float_item(x, where) for x in data]
    big = float(np.finfo(dtype).max)
    try:
        arr = np.array(data, dtype=np.float64)
    except OverflowError:
        bad = next(x for x in data if is_int(x) and not -big <= x <= big)
        raise GraphError(f"{where}: {_short(bad)} does not fit in {dtype} (largest "
                         f"{big:.4g})") from None
    over = np.isfinite(arr)
    over[over] = np.abs(arr[over]) > big
    if over.any():
        bad = data[int(np.argmax(over))]
        raise GraphError(f"{where}: {_short(bad)} does not fit in {dtype} (largest {big:.4g})")
    return arr.astype(dtype)
