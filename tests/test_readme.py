"""The README's code runs and prints what the README says it prints."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def _python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def _run(code: str, tmp_path) -> list[str]:
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()


def test_readme_opens_with_the_install_and_test_commands():
    text = README.read_text(encoding="utf-8")
    first_bash = re.findall(r"```bash\n(.*?)```", text, re.S)[:2]
    assert first_bash[0].strip() == 'python3 -m pip install -e . && graphviz-nn'
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert first_bash[1].strip() in ci            # CI runs exactly the README's test command


def test_engine_example_prints_the_lecture_numbers(tmp_path):
    out = _run(_python_blocks()[0], tmp_path)
    assert out[0] == "-12.0 -4.0 -4.0 3.0"
    assert float(out[1]) == -4.0
    assert float(out[2]) < 1e-6                    # gradcheck: analytic matches numeric
    assert out[3:] == ["forward q", "forward f", "backward f", "backward q"]


def test_keras_example_learns_the_spiral(tmp_path):
    out = _run(_python_blocks()[1], tmp_path)
    assert float(out[0]) >= 0.95
    assert any(line.startswith("Total params:") for line in out)
