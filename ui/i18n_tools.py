"""Keep the translations current: ``python3 -m ui.i18n_tools`` (``--check`` changes nothing).

0. The engine's message templates (``graphviz_nn/messages.py``) are copied into
   ``ui/engine_tables.py``, marked for translation, so lupdate finds them.
1. ``pyside6-lupdate`` reads every ``translate(...)`` / ``QT_TRANSLATE_NOOP(...)`` in ``ui/``
   and brings ``resources/i18n/graphviz_nn_ko.ts`` up to date (new strings come in as
   unfinished; strings no longer in the sources go).
2. ``pyside6-lrelease`` compiles it to ``ui/translations/graphviz_nn_ko.qm``, which ships in
   the package.
3. It lists what is still untranslated. Translate in Qt Linguist (``pyside6-linguist``) or in
   the XML, following ``resources/i18n/glossary.md``; then run this again.

The tests fail if a string is unfinished or the ``.qm`` file is older than the ``.ts`` file.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "graphviz_nn_ko.ts"
QM = ROOT / "ui" / "translations" / "graphviz_nn_ko.qm"
ENGINE_TEXT = ROOT / "ui" / "engine_tables.py"   # the tables ui/engine_text.py says


def tool(name: str) -> str:
    """The path of Qt's ``lupdate`` / ``lrelease`` that PySide6 ships."""
    import PySide6

    bundled = Path(PySide6.__file__).resolve().parent / name
    if bundled.exists():
        return str(bundled)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found: it comes with PySide6-Essentials")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def update_ts(ts: Path = TS) -> str:
    """Run lupdate over ``ui/`` into ``ts``; returns lupdate's summary."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    out = subprocess.run([tool("lupdate"), *sources(), "-locations", "none", "-no-obsolete",
                          "-target-language", "ko_KR", "-ts", str(ts)],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    return out.stdout.strip()


def release(ts: Path = TS, qm: Path = QM) -> None:
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT,
                   capture_output=True, text=True, check=True)


def messages(ts: Path = TS) -> list[dict]:
    """Every message of ``ts``: context, source, translation text and whether it is
    unfinished (or empty)."""
    rows = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            forms = [f.text or "" for f in tr.iter("numerusform")] if tr is not None else []
            text = (tr.text or "") if tr is not None else ""
            done = tr is not None and tr.get("type") not in ("unfinished", "vanished",
                                                            "obsolete")
            rows.append({"context": name, "source": message.findtext("source") or "",
                         "translation": text if not forms else " | ".join(forms),
                         "unfinished": not done or not (text.strip() or any(forms))})
    return rows


def engine_table() -> str:
    """The source of ``ui/engine_tables.py`` with its tables made from the engine's: TEMPLATES
    (the messages, context "Engine") and OP_DOCS (each op's one-line doc, context "OpDocs"),
    every text marked with ``QT_TRANSLATE_NOOP``."""
    from graphviz_nn.messages import TEMPLATES
    from graphviz_nn.ops import OPS

    text = ENGINE_TEXT.read_text(encoding="utf-8")
    text = _table(text, "TEMPLATES", "Engine", TEMPLATES)
    text = _table(text, "OP_DOCS", "OpDocs", {name: spec.doc for name, spec in OPS.items()})
    formulas = {}
    for name, spec in OPS.items():
        for key, words in [(name, spec.formula)] + [(f"{name}:{port}", rule)
                                                     for port, rule in enumerate(spec.local)]:
            if _has_words(words):
                formulas[key] = words
    return _table(text, "OP_FORMULAS", "OpFormulas", formulas)


# the words of formulas that are names, not English (an op's formula with no other word of
# three letters or more stays as it is)
MATH_WORDS = {"upstream", "softmax", "tanh", "exp", "mean", "max", "sign", "mask", "onehot",
              "logits", "label", "pred", "target", "log", "ReLU", "MSE", "ELU", "Bernoulli",
              "sigmoid", "else"}


def _has_words(formula: str) -> bool:
    import re

    return any(w not in MATH_WORDS for w in re.findall(r"[A-Za-z]{3,}", formula))


def _table(text: str, name: str, context: str, rows_of: dict[str, str]) -> str:
    start = f"{name}: dict[str, str] = {{\n"
    head, rest = text.split(start, 1)
    tail = rest if rest.startswith("}\n") else rest[rest.index("\n}\n") + 1:]
    rows = []
    for key, words in rows_of.items():
        one = f'    "{key}": QT_TRANSLATE_NOOP("{context}", {_quoted(words)}),'
        if len(one) <= 100:
            rows.append(one)
            continue
        rows.append(f'    "{key}": QT_TRANSLATE_NOOP(')
        rows.append(f'        "{context}",')
        pieces = textwrap.wrap(words, 80, drop_whitespace=False, break_on_hyphens=False)
        rows += [f"        {_quoted(p)}" for p in pieces]
        rows[-1] += "),"
    return head + start + "".join(row + "\n" for row in rows) + tail


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def check(ts: Path = TS) -> list[str]:
    """What ``main`` would find, changing nothing: strings of the sources missing from ``ts``,
    strings of ``ts`` gone from the sources, and unfinished ones."""
    problems = []
    if engine_table() != ENGINE_TEXT.read_text(encoding="utf-8"):
        problems.append("ui/engine_tables.py differs from graphviz_nn/messages.py")
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / ts.name
        shutil.copy(ts, fresh)
        update_ts(fresh)
        now = {(m["context"], m["source"]) for m in messages(fresh)}
    kept = {(m["context"], m["source"]) for m in messages(ts)}
    problems += [f"new in the sources [{c}] {s!r}" for c, s in sorted(now - kept)]
    problems += [f"gone from the sources [{c}] {s!r}" for c, s in sorted(kept - now)]
    problems += [f"untranslated [{m['context']}] {m['source']!r}" for m in messages(ts)
                 if m["unfinished"]]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python3 -m ui.i18n_tools",
        description="Bring resources/i18n/graphviz_nn_ko.ts up to date with the sources "
                    "(lupdate), compile ui/translations/graphviz_nn_ko.qm (lrelease) and list "
                    "what is still untranslated.")
    parser.add_argument("--check", action="store_true",
                        help="change nothing; list what is new, gone or untranslated "
                             "(exit status 1 if anything)")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        for line in problems:
            print(line)
        print(f"{len(problems)} problem(s)")
        return 1 if problems else 0
    table = engine_table()
    if table != ENGINE_TEXT.read_text(encoding="utf-8"):
        ENGINE_TEXT.write_text(table, encoding="utf-8")
        print(f"{ENGINE_TEXT.relative_to(ROOT)}: engine messages updated")
    print(update_ts())
    release()
    todo = [m for m in messages() if m["unfinished"]]
    for m in todo:
        print(f"untranslated [{m['context']}] {m['source']!r}")
    print(f"{QM.relative_to(ROOT)} written; {len(todo)} string(s) still to translate")
    return 1 if todo else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
