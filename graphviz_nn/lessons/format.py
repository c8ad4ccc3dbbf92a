"""Lesson files: TOML a teacher writes without code (the README's "Writing a lesson" section).

``load_lesson(path)`` reads one file into a :class:`Lesson` or raises :class:`LessonError`
naming the file, the step and the key that is wrong (a TOML syntax error, an unknown key, an
unknown checkpoint kind, a text without its Korean or English, a formula that cannot be read).
Nothing else escapes, whatever the bytes.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from ..datasets import PLAYGROUND
from ..nn.activations import HIDDEN_ACTIVATIONS
from .lesson import LANGUAGES, Check, Lesson, LessonError, Step, Text
from .quantity import Quantity, QuantityError

MAX_BYTES = 1_000_000
MAX_STEPS = 200
WORKSPACES = ("explore", "build", "train")
CURSORS = ("start", "forward_end", "end")
DATASETS = (*PLAYGROUND, "digits", "MNIST", "Fashion-MNIST")
OPTIMIZERS = ("adam", "sgd", "sgd_momentum", "rmsprop", "adagrad")    # the training form's
ACTIVATIONS = HIDDEN_ACTIVATIONS


# ----- the vocabulary ----------------------------------------------------------------------------
COMPARE = ("equals", "below", "above", "tolerance")
CHECK_KEYS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {   # required, optional
    "answer": (("of",), ("label", "tolerance")),
    "value": (("node",), COMPARE),
    "grad": (("node",), COMPARE),
    "leaf_value": (("leaf", "target"), COMPARE),
    "node_present": ((), ("node", "op", "count")),
    "cursor": ((), ("at", "node", "phase")),
    "workspace": (("is",), ()),
    "run_finished": ((), ("dataset", "optimizer", "optimizer_changed", "learning_rate_min",
                          "learning_rate_max", "batch_size", "batch_size_min", "batch_size_max",
                          "full_batch", "dropout_min", "epochs_min", "completed", "diverged",
                          "loss_decreased", "accuracy_min", "val_accuracy_min",
                          "overfit_epochs", "activation", "hidden")),
}
TRAIN_KEYS = ("dataset", "size", "noise", "hidden", "activation", "dropout", "optimizer",
              "learning_rate", "batch_size", "epochs", "validation", "seed", "speed",
              "show_on_canvas", "fallback")
SETUP_KEYS = ("workspace", "example", "expression", "values", "graph", "cursor", "quiz",
              "select", "train")
STEP_KEYS = ("title", "text", "setup", "check", "hint", "done")
LESSON_KEYS = ("id", "order", "title", "summary", "source", "step")


class _Reader:
    """Validation with the place it is at (file, step, key) for every message."""

    def __init__(self, source: str, examples: set[str] | None, folder: Path | None) -> None:
        self.source, self.examples, self.folder = source, examples, folder
        self.step: int | None = None

    def fail(self, key: str, message: str) -> LessonError:
        return LessonError(message, self.source, self.step, key)

    def table(self, value: Any, key: str, allowed: tuple[str, ...]) -> dict:
        if not isinstance(value, dict):
            raise self.fail(key, f"expected a table of {', '.join(allowed)}, got "
                                 f"{_kind(value)}")
        for k in value:
            if k not in allowed:
                raise self.fail(f"{key}.{k}" if key else k,
                                f"unknown key {k!r} (allowed: {', '.join(allowed)})")
        return value

    def text(self, value: Any, key: str) -> Text:
        if isinstance(value, str):
            raise self.fail(key, "give the text in both languages: "
                                 f"{key}.ko = \"...\" and {key}.en = \"...\"")
        self.table(value, key, LANGUAGES)
        for lang in LANGUAGES:
            if lang not in value:
                raise self.fail(f"{key}.{lang}", f"missing the {_LANG_NAME[lang]} text")
            if not isinstance(value[lang], str) or not value[lang].strip():
                raise self.fail(f"{key}.{lang}", "expected some text")
        return Text(value["ko"].strip(), value["en"].strip())

    def choice(self, value: Any, key: str, options: tuple[str, ...]) -> str:
        if value not in options or not isinstance(value, str):
            raise self.fail(key, f"{value!r} is not one of: {', '.join(options)}")
        return value

    def number(self, value: Any, key: str, lo: float | None = None, hi: float | None = None,
               integer: bool = False) -> float | int:
        ok = isinstance(value, int) if integer else isinstance(value, (int, float))
        if isinstance(value, bool) or not ok or value != value:
            raise self.fail(key, f"expected {'a whole number' if integer else 'a number'}, "
                                 f"got {_kind(value)}")
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            raise self.fail(key, f"{value} is outside {lo:g} to {hi:g}")
        return value

    def flag(self, value: Any, key: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(key, f"expected true or false, got {_kind(value)}")
        return value

    def quantity(self, value: Any, key: str) -> Quantity:
        try:
            return Quantity(value)
        except QuantityError as exc:
            raise self.fail(key, str(exc)) from None

    def string(self, value: Any, key: str, most: int = 2000) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, f"expected text, got {_kind(value)}")
        if len(value) > most:
            raise self.fail(key, f"longer than {most} characters")
        return value.strip()


_LANG_NAME = {"ko": "Korean", "en": "English"}


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text {value[:40]!r}"
    return repr(value)[:40]


# ----- setups ---------------------------------------------------------------------------------------
def _setup(r: _Reader, raw: Any) -> dict[str, Any]:
    t = r.table(raw, "setup", SETUP_KEYS)
    out: dict[str, Any] = {}
    graphs = [k for k in ("example", "expression", "graph") if k in t]
    if len(graphs) > 1:
        raise r.fail(f"setup.{graphs[1]}", f"a step shows one graph: {' and '.join(graphs)} "
                                           "cannot both be given")
    if "workspace" in t:
        out["workspace"] = r.choice(t["workspace"], "setup.workspace", WORKSPACES)
    if "example" in t:
        ex = r.string(t["example"], "setup.example")
        if r.examples is not None and ex not in r.examples:
            raise r.fail("setup.example", f"no example {ex!r} (examples: "
                                          f"{', '.join(sorted(r.examples))})")
        out["example"] = ex
    if "values" in t:
        values = t["values"]
        if not isinstance(values, dict):
            raise r.fail("setup.values", f"expected a table such as {{ x = -2, y = 5 }}, got "
                                         f"{_kind(values)}")
        out["values"] = {str(k): _leaf_value(r, v, f"setup.values.{k}") for k, v in values.items()}
    if "expression" in t:
        out["expression"] = _expression(r, t["expression"], out.get("values", {}))
    if "graph" in t:
        name = r.string(t["graph"], "setup.graph", 500)
        path = (r.folder / name) if r.folder is not None else Path(name)
        if path.suffix != ".json" or not path.is_file():
            raise r.fail("setup.graph", f"no graph file {name!r} next to the lesson")
        out["graph"] = path
    if "cursor" in t:
        c = t["cursor"]
        out["cursor"] = (r.number(c, "setup.cursor", -1, 100_000, integer=True)
                         if isinstance(c, int) and not isinstance(c, bool)
                         else r.choice(c, "setup.cursor", CURSORS))
    if "quiz" in t:
        out["quiz"] = r.flag(t["quiz"], "setup.quiz")
    if "select" in t:
        out["select"] = r.string(t["select"], "setup.select", 200)
    if "train" in t:
        out["train"] = _train(r, t["train"], "setup.train")
    return out


def _leaf_value(r: _Reader, v: Any, key: str):
    if isinstance(v, list):
        if not v or len(v) > 64:
            raise r.fail(key, "a list of 1 to 64 numbers (or of rows)")
        return [_leaf_value(r, e, key) for e in v]
    return r.number(v, key)


def _expression(r: _Reader, raw: Any, values: dict) -> str:
    from ..parse import parse

    text = r.string(raw, "setup.expression", 5000)
    try:
        graph = parse(text, **values)
    except (ValueError, TypeError) as exc:      # ParseError is a ValueError
        raise r.fail("setup.expression", str(exc)) from None
    if graph.output is None:
        raise r.fail("setup.expression", "the expression computes nothing")
    return text


def _train(r: _Reader, raw: Any, key: str, fallback_ok: bool = True) -> dict[str, Any]:
    t = r.table(raw, key, TRAIN_KEYS if fallback_ok else TRAIN_KEYS[:-1])
    out: dict[str, Any] = {}
    for k, v in t.items():
        at = f"{key}.{k}"
        if k in MODEL_CHOICES:
            out[k] = _model_choice(r, k, v, at)
        elif k in ("size", "batch_size", "epochs", "seed"):
            lo, hi = {"size": (20, 100_000), "batch_size": (1, 65536), "epochs": (1, 100_000),
                      "seed": (0, 2**31 - 1)}[k]
            out[k] = r.number(v, at, lo, hi, integer=True)
        elif k in ("noise", "dropout", "validation"):
            out[k] = float(r.number(v, at, 0.0, 1.0 if k == "noise" else 0.9))
        elif k == "learning_rate":
            out[k] = float(r.number(v, at, 1e-5, 1e6))
        elif k == "speed":          # steps a second, or "full"
            if isinstance(v, str):
                r.choice(v, at, ("full",))
                out[k] = None
            else:
                out[k] = float(r.number(v, at, 1, 100_000))
        elif k == "show_on_canvas":
            out[k] = r.flag(v, at)
        elif k == "fallback":
            out[k] = _train(r, v, at, fallback_ok=False)
    return out


MODEL_CHOICES = ("dataset", "optimizer", "activation", "hidden")


def _model_choice(r: _Reader, k: str, v: Any, at: str):
    """One of ``MODEL_CHOICES``, as a setup's train table and a run check both give them."""
    options = {"dataset": DATASETS, "optimizer": OPTIMIZERS, "activation": ACTIVATIONS}
    return _hidden(r, v, at) if k == "hidden" else r.choice(v, at, options[k])


def _hidden(r: _Reader, v: Any, key: str) -> tuple[int, ...]:
    if isinstance(v, int) and not isinstance(v, bool):
        v = [v]
    if isinstance(v, str):
        parts = [p for p in re.split(r"[,\s]+", v.strip()) if p]
        if not all(p.isdigit() for p in parts):
            raise r.fail(key, f"hidden layer sizes are whole numbers such as \"100\" or "
                              f"\"16, 16\", got {v!r}")
        v = [int(p) for p in parts]
    if not isinstance(v, list) or len(v) > 12:
        raise r.fail(key, "hidden layer sizes: a list of at most 12 whole numbers")
    return tuple(int(r.number(n, key, 1, 4096, integer=True)) for n in v)


# ----- checks ---------------------------------------------------------------------------------------
def _checks(r: _Reader, raw: Any) -> list[Check]:
    items = raw if isinstance(raw, list) else [raw]
    if not items:
        raise r.fail("check", "an empty list of checks")
    checks = [_check(r, item, "check" if len(items) == 1 else f"check[{i + 1}]")
              for i, item in enumerate(items)]
    if sum(c.kind == "answer" for c in checks) > 1:
        raise r.fail("check", "a step asks for one answer at most")
    return checks


def _check(r: _Reader, raw: Any, key: str) -> Check:
    if not isinstance(raw, dict):
        raise r.fail(key, f"expected a table with a kind, got {_kind(raw)}")
    kind = raw.get("kind")
    if not isinstance(kind, str) or kind not in CHECK_KEYS:
        raise r.fail(f"{key}.kind", f"unknown checkpoint kind {kind!r} (kinds: "
                                    f"{', '.join(CHECK_KEYS)})")
    required, optional = CHECK_KEYS[kind]
    r.table(raw, key, ("kind", *required, *optional))
    for k in required:
        if k not in raw:
            raise r.fail(f"{key}.{k}", f"a {kind} check needs {k}")
    p: dict[str, Any] = {}
    for k, v in raw.items():
        at = f"{key}.{k}"
        if k == "kind":
            continue
        if k in ("of", "target", "equals", "below", "above"):
            p[k] = r.quantity(v, at)
        elif k == "tolerance":
            p[k] = float(r.number(v, at, 0.0, 1e12))
        elif k in ("node", "leaf"):
            p[k] = r.string(v, at, 200)
        elif k == "label":
            p[k] = Text(v, v) if isinstance(v, str) and v.strip() else r.text(v, at)
        elif k == "op":
            ops = v if isinstance(v, list) else [v]
            p[k] = tuple(r.string(o, at, 60) for o in ops)
        elif k == "count":
            p[k] = int(r.number(v, at, 1, 10_000, integer=True))
        elif k == "at":
            p[k] = r.choice(v, at, CURSORS)
        elif k == "phase":
            p[k] = r.choice(v, at, ("forward", "backward"))
        elif k == "is":
            p[k] = r.choice(v, at, WORKSPACES)
        else:
            p[k] = _run_param(r, k, v, at)
    if kind in ("value", "grad", "leaf_value") and not any(
            k in p for k in ("equals", "below", "above")):
        raise r.fail(key, f"a {kind} check compares with equals, below or above")
    if kind == "node_present" and "node" not in p and "op" not in p:
        raise r.fail(key, "a node_present check names a node or an op")
    if kind == "cursor" and ("at" in p) == ("node" in p):
        raise r.fail(key, "a cursor check gives either at or node (with phase)")
    if kind == "cursor" and "node" in p and "phase" not in p:
        p["phase"] = "backward"
    return Check(kind, p)


def _run_param(r: _Reader, k: str, v: Any, at: str):
    if k in MODEL_CHOICES:
        return _model_choice(r, k, v, at)
    if k in ("optimizer_changed", "full_batch", "completed", "diverged", "loss_decreased"):
        return r.flag(v, at)
    if k in ("batch_size", "batch_size_min", "batch_size_max", "epochs_min", "overfit_epochs"):
        return int(r.number(v, at, 1, 100_000, integer=True))
    if k in ("accuracy_min", "val_accuracy_min", "dropout_min"):
        return float(r.number(v, at, 0.0, 1.0))
    return float(r.number(v, at, 0.0, 1e6))        # learning_rate_min / _max


# ----- files ---------------------------------------------------------------------------------------
def parse_lesson(text: str, source: str = "<lesson>", examples: set[str] | None = None,
                 folder: Path | None = None) -> Lesson:
    """A :class:`Lesson` from TOML ``text``; ``examples``: the example keys a setup may name
    (None: any); ``folder``: where graph files named by a setup are."""
    r = _Reader(source, examples, folder)
    if not isinstance(text, str):
        raise r.fail("", "a lesson file is text")
    try:
        data = tomllib.loads(text)
    except (ValueError, RecursionError) as exc:     # TOMLDecodeError is a ValueError
        raise r.fail("", f"not valid TOML: {exc}") from None
    r.table(data, "", LESSON_KEYS)
    for k in ("id", "title", "step"):
        if k not in data:
            raise r.fail(k, f"a lesson needs {k}")
    lesson_id = r.string(data["id"], "id", 60)
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", lesson_id):
        raise r.fail("id", f"{lesson_id!r}: use lower-case letters, digits, - and _")
    title = r.text(data["title"], "title")
    summary = r.text(data["summary"], "summary") if "summary" in data else None
    order = int(r.number(data["order"], "order", 0, 100_000, integer=True)) \
        if "order" in data else 1000
    source_note = r.string(data["source"], "source", 300) if "source" in data else ""
    raw_steps = data["step"]
    if not isinstance(raw_steps, list) or not raw_steps:
        raise r.fail("step", "write each step as a [[step]] table")
    if len(raw_steps) > MAX_STEPS:
        raise r.fail("step", f"more than {MAX_STEPS} steps")
    steps = []
    for i, raw in enumerate(raw_steps, start=1):
        r.step = i
        t = r.table(raw, "", STEP_KEYS)
        if "text" not in t:
            raise r.fail("text", "a step needs text (text.ko and text.en)")
        step = Step(i, r.text(t["text"], "text"))
        if "title" in t:
            step.title = r.text(t["title"], "title")
        if "setup" in t:
            step.setup = _setup(r, t["setup"])
        if "check" in t:
            step.checks = _checks(r, t["check"])
        for k in ("hint", "done"):
            if k in t:
                setattr(step, k, r.text(t[k], k))
        if step.hint is not None and not step.checks:
            raise r.fail("hint", "a hint belongs to a step with a check")
        steps.append(step)
    return Lesson(lesson_id, title, steps, order, summary, source_note)


def load_lesson(path: str | Path, examples: set[str] | None = None) -> Lesson:
    """Read the lesson file at ``path`` (LessonError naming it when it cannot be used)."""
    path = Path(path)
    source = path.name
    try:
        if not path.is_file():
            raise LessonError("no such lesson file", source)
        if path.stat().st_size > MAX_BYTES:
            raise LessonError(f"larger than {MAX_BYTES // 1000} kB", source)
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise LessonError(f"cannot read it ({exc.strerror or exc})", source) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LessonError(f"not UTF-8 text (byte {exc.start})", source) from None
    lesson = parse_lesson(text, source, examples, path.parent)
    lesson.path = path
    return lesson
