"""The Korean translation is complete and current: every string of the sources is in the .ts
(lupdate adds nothing), every entry is translated and keeps its placeholders, the shipped .qm is
compiled from it, and the engine's messages are marked for translation word for word."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest

from ui import i18n_tools

ROOT = Path(__file__).resolve().parents[2]
FIELD = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}")   # {name!r:.4g}


@pytest.fixture(scope="module")
def fresh_ts(tmp_path_factory) -> Path:
    """The .ts as lupdate makes it from today's sources (a copy: the shipped one is kept)."""
    path = tmp_path_factory.mktemp("i18n") / "graphviz_nn_ko.ts"
    shutil.copy(i18n_tools.TS, path)
    i18n_tools.update_ts(path)
    return path


def test_the_ts_holds_every_string_of_the_sources(fresh_ts):
    """A string added to the window without a translation fails here: run
    ``python3 -m ui.i18n_tools`` and translate it."""
    shipped = {(m["context"], m["source"]) for m in i18n_tools.messages(i18n_tools.TS)}
    now = {(m["context"], m["source"]) for m in i18n_tools.messages(fresh_ts)}
    assert sorted(now - shipped) == [], "new strings: run python3 -m ui.i18n_tools"
    assert sorted(shipped - now) == [], "strings gone from the sources: run python3 -m ui.i18n_tools"


def test_every_entry_is_translated():
    todo = [(m["context"], m["source"]) for m in i18n_tools.messages() if m["unfinished"]]
    assert todo == []


def test_translations_keep_every_placeholder():
    """``{name}`` fields (and ``%n``) of the source are in the translation, and no others."""
    wrong = []
    for m in i18n_tools.messages():
        if m["unfinished"]:
            continue
        for form in m["translation"].split(" | "):
            if sorted(FIELD.findall(form)) != sorted(FIELD.findall(m["source"])) \
                    or ("%n" in m["source"]) != ("%n" in form):
                wrong.append((m["context"], m["source"], form))
    assert wrong == []


def test_the_shipped_qm_exists_and_is_compiled_from_the_ts(tmp_path):
    assert i18n_tools.QM.exists()
    qm = tmp_path / "fresh.qm"
    i18n_tools.release(i18n_tools.TS, qm)
    assert qm.read_bytes() == i18n_tools.QM.read_bytes(), "run python3 -m ui.i18n_tools"


def test_the_window_has_the_engines_messages_word_for_word():
    from graphviz_nn.messages import TEMPLATES as ENGINE
    from ui.engine_text import TEMPLATES as WINDOW

    assert WINDOW == ENGINE, "run python3 -m ui.i18n_tools"
    assert i18n_tools.engine_table() == i18n_tools.ENGINE_TEXT.read_text(encoding="utf-8")


def test_every_message_code_the_engine_uses_has_a_template():
    """``say("code", ...)`` with a code that is not in TEMPLATES would fail only when that
    message is made: look at every call in the engine's sources."""
    from graphviz_nn.messages import TEMPLATES

    used = set()
    for path in (ROOT / "graphviz_nn").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "say" \
                    and node.args and isinstance(node.args[0], ast.Constant):
                used.add(node.args[0].value)
    assert used and used - set(TEMPLATES) == set()


def test_the_tool_has_a_help_that_changes_nothing(capsys):
    before = i18n_tools.TS.read_bytes()
    with pytest.raises(SystemExit) as stop:
        i18n_tools.main(["--help"])
    assert stop.value.code == 0
    assert "--check" in capsys.readouterr().out
    assert i18n_tools.TS.read_bytes() == before
