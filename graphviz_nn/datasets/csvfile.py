"""CSV files of numbers with a label column, read with every value checked: any bytes give
``(x, y)`` or a DatasetError naming the file, the line, the column and the value.

Memory grows with the file (8 bytes a value while reading), never with what a value claims.
"""

from __future__ import annotations

import csv
import math
from array import array
from itertools import chain
from pathlib import Path

import numpy as np

from graphviz_nn.datasets.idx import DatasetError

__all__ = ["MAX_CLASSES", "load_csv"]

MAX_CLASSES = 1000                   # more different labels: probably not the label column
FLOAT32_MAX = float(np.finfo(np.float32).max)
CSV_DELIMITERS = (",", ";", "\t")


def _guess_delimiter(head: str) -> str:
    """The separator of a CSV from its first lines: the one of comma, semicolon and tab that
    splits every line into the same number of fields, the most fields winning."""
    lines = [ln for ln in head.splitlines()[:20] if ln.strip()]
    best, best_key = ",", (False, 0)
    for sep in CSV_DELIMITERS:
        counts = [ln.count(sep) for ln in lines] or [0]
        key = (min(counts) > 0 and len(set(counts)) == 1, min(counts))
        if key > best_key:
            best, best_key = sep, key
    return best


def load_csv(path, label_column: str | int = -1, delimiter: str | None = None):
    """A CSV file of numbers with a label column (name or index; default the last).

    Returns ``(x float32 (n, features), y int64 (n,))``; text labels become 0, 1, ... in
    sorted order (the names are in ``load_csv.classes`` after the call). Number labels must be
    whole numbers from 0 to ``MAX_CLASSES - 1``; features must be finite float32 numbers.
    ``delimiter``: None finds comma, semicolon or tab from the first lines. Anything else
    raises DatasetError naming the file, the line and the value."""
    path = Path(path)
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            sep = delimiter or _guess_delimiter(fh.read(64 * 1024))
            fh.seek(0)
            return _read_csv(csv.reader(fh, delimiter=sep), path, label_column)
    except OSError as exc:
        raise DatasetError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise DatasetError(f"{path}: not a text CSV file ({exc})") from None


def _label_index(path: Path, label_column, header: list[str] | None, width: int) -> int:
    if isinstance(label_column, str):
        if header is None or label_column not in header:
            cols = ", ".join(header) if header else "the file has no header row"
            raise DatasetError(f"{path}: no column named {label_column!r} ({cols})")
        return header.index(label_column)
    col = int(label_column)
    if not -width <= col < width:
        raise DatasetError(f"{path}: label column {col} does not exist "
                           f"(the file has {width} columns)")
    return col % width


def _read_csv(reader, path: Path, label_column):
    rows = (r for r in reader if r and any(c.strip() for c in r))
    first = next(rows, None)
    if first is None:
        raise DatasetError(f"{path}: the file is empty")
    header = None if all(_is_number(c) for c in first) else [c.strip() for c in first]
    width = len(first)
    if width < 2:
        raise DatasetError(
            f"{path}: one column only ({first[0].strip()[:40]!r}); training needs feature "
            f"columns and a label column, separated by commas, semicolons or tabs")
    col = _label_index(path, label_column, header, width)
    names = header or [str(i) for i in range(width)]
    feats = array("d")                 # 8 bytes a value, however the file writes it
    labels: dict[str, tuple[int, int]] = {}    # label -> (index, first line)
    ys = array("q")
    for row in rows if header else chain([first], rows):
        line = reader.line_num
        if len(row) != width:
            raise DatasetError(f"{path}, line {line}: {len(row)} values, expected {width}")
        label = row[col].strip()
        if not label:
            raise DatasetError(f"{path}, line {line}: the label ({names[col]}) is empty")
        if label not in labels:
            if len(labels) >= MAX_CLASSES:
                raise DatasetError(f"{path}: more than {MAX_CLASSES} different labels in "
                                   f"column {names[col]!r}; is it the label column?")
            labels[label] = (len(labels), line)
        ys.append(labels[label][0])
        for i, c in enumerate(row):
            if i != col:
                feats.append(_feature(c, path, line, names[i]))
    if not ys:
        raise DatasetError(f"{path}: no data rows")
    x = np.frombuffer(feats, np.float64).astype(np.float32).reshape(len(ys), width - 1)
    y, classes = _classes(labels, path, names[col])
    load_csv.classes = classes
    return x, y[np.frombuffer(ys, np.int64)]


def _feature(text: str, path: Path, line: int, column: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise DatasetError(f"{path}, line {line}: {text.strip()[:40]!r} in column "
                           f"{column!r} is not a number") from None
    if not math.isfinite(v) or abs(v) > FLOAT32_MAX:
        raise DatasetError(f"{path}, line {line}: {text.strip()[:40]} in column {column!r} "
                           f"is not a finite float32 number")
    return v


def _classes(labels: dict[str, tuple[int, int]], path: Path, column: str):
    """(index -> class number, class names) for the labels seen: whole numbers kept as
    they are, text sorted and numbered."""
    if all(_is_number(v) for v in labels):
        numbers = []
        for text, (_, line) in labels.items():
            v = float(text)
            if not (math.isfinite(v) and v == int(v) and 0 <= v < MAX_CLASSES):
                raise DatasetError(
                    f"{path}, line {line}: label {text[:40]} in column {column!r} is not a "
                    f"class: number labels are whole numbers from 0 to {MAX_CLASSES - 1}")
            numbers.append(int(v))
        return np.array(numbers, dtype=np.int64), sorted(set(numbers))
    classes = sorted(labels)
    rank = {c: i for i, c in enumerate(classes)}
    return np.array([rank[t] for t in labels], dtype=np.int64), classes


load_csv.classes = []


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
