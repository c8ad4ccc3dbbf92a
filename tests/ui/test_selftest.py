"""`graphviz-nn selftest` run as a user would run it: a separate process, offscreen."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

OK = re.compile(r"^selftest ok: startup_ms=(\d+) max_stall_ms=([\d.]+) gui_train_ratio=([\d.]+)$")


def _selftest(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("DISPLAY", None)               # the selftest must pick offscreen by itself
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run([sys.executable, "-m", "graphviz_nn", "selftest", *args],
                          capture_output=True, text=True, timeout=timeout, env=env)


def _last_line(proc: subprocess.CompletedProcess) -> str:
    lines = [ln for ln in proc.stdout.splitlines() if ln.strip()]
    assert lines, f"no output; stderr: {proc.stderr[-2000:]}"
    return lines[-1]


def test_startup_only_exits_once_the_window_has_painted():
    proc = _selftest("--startup-only", timeout=60)
    last = _last_line(proc)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-2000:]
    m = re.fullmatch(r"selftest ok: startup_ms=(\d+)", last)
    assert m, last
    assert 0 < int(m.group(1)) < 30_000
    assert "Traceback" not in proc.stderr


def test_a_short_selftest_trains_at_full_speed_and_reports_what_it_measured():
    """The selftest's contract, not the machine's speed (that is tests/bench/bench_gui_train.py,
    which prints the ratio against its 0.9 target): the dock at full speed, exactly the steps
    asked for, and a summary whose ratio is the window's speed over the headless one."""
    proc = _selftest("--steps", "450", "--min-ratio", "0", "--max-stall-ms", "1e9")
    last = _last_line(proc)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-2000:]
    m = OK.match(last)
    assert m, last
    startup, stall, ratio = int(m.group(1)), float(m.group(2)), float(m.group(3))
    rates = re.search(r"trained (\d+) steps at full speed: window ([\d,]+) steps/s, "
                      r"headless ([\d,]+) steps/s", proc.stdout)
    assert rates, proc.stdout
    steps, window, headless = (int(g.replace(",", "")) for g in rates.groups())
    assert steps == 450                       # 30 epochs of the spiral's 15 batches
    busy = re.search(r"the trainer computed (\d+)% of its run's time", proc.stdout)
    assert busy and 0 < int(busy.group(1)) <= 110, proc.stdout
    assert ratio == pytest.approx(window / headless, abs=0.01 + 1 / headless)
    assert startup > 0 and stall > 0          # the stall timer did run


def test_a_missed_target_is_reported_with_exit_code_1():
    proc = _selftest("--steps", "150", "--min-ratio", "50", "--max-stall-ms", "5000")
    last = _last_line(proc)
    assert proc.returncode == 1
    assert last.startswith("selftest failed:") and "headless" in last
    assert "Traceback" not in proc.stdout + proc.stderr
