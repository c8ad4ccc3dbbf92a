"""The engine (graphviz_nn/) never imports PySide6, pyqtgraph or ui."""

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ENGINE = Path(__file__).resolve().parents[1] / "graphviz_nn"
FORBIDDEN = ("PySide6", "pyqtgraph", "ui", "shiboken6", "PyQt5", "PyQt6")


def _forbidden(module: str | None) -> bool:
    return bool(module) and module.split(".")[0] in FORBIDDEN


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.lineno, node.module


def test_engine_sources_never_import_qt_or_ui():
    files = sorted(ENGINE.rglob("*.py"))
    assert files, f"no sources under {ENGINE}"
    bad = [f"{p.relative_to(ENGINE.parent)}:{line} imports {mod}"
           for p in files for line, mod in _imports(p) if _forbidden(mod)]
    assert bad == []


def test_the_scan_would_catch_an_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from PySide6 import QtCore\n    import ui.app\n")
    assert [m for _, m in _imports(sample) if _forbidden(m)] == ["PySide6", "ui.app"]


SCRIPT = """
import importlib, json, pkgutil, sys
import graphviz_nn
failed = []
for info in pkgutil.walk_packages(graphviz_nn.__path__, "graphviz_nn."):
    if info.name.endswith("__main__"):
        continue
    try:
        importlib.import_module(info.name)
    except Exception as exc:  # a broken module is another test's business
        failed.append(info.name)
print(json.dumps({"loaded": sorted(m for m in sys.modules
                                   if m.split(".")[0] in %r), "failed": failed}))
"""


@pytest.mark.parametrize("what", ["import graphviz_nn", "every submodule"])
def test_importing_the_engine_loads_no_qt(what):
    code = ("import graphviz_nn, json, sys; print(json.dumps({'loaded': sorted(m for m in "
            f"sys.modules if m.split('.')[0] in {FORBIDDEN!r}), 'failed': []}}))"
            if what == "import graphviz_nn" else SCRIPT % (FORBIDDEN,))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, cwd=ENGINE.parent)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["loaded"] == []
