"""Training in the window at full speed, against the same training headless (a script:
``python3 tests/bench/bench_gui_train.py [--runs 5] [--steps 15000]``).

Runs ``graphviz-nn selftest`` (the spiral MLP, 32,32 ReLU, Adam, batch 32, trained in the
Train workspace's dock at full speed while a 5 ms timer watches the event loop; the same
training headless just before and after, in the same process) ``--runs`` times in a row and
prints each run's window/headless ratio and longest stall, then the worst and the median.
Targets (README, issue 11): ratio >= 0.90 at full speed, longest stall < 50 ms, judged on the
median run (each run's headless speed before and after is printed: on a shared 2-core machine
it moves by a third within seconds). Measure on an idle machine: another busy process on 2
cores halves both speeds and adds stalls.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINE = re.compile(r"startup_ms=(\d+) max_stall_ms=([\d.]+) gui_train_ratio=([\d.]+)")
MAPS = re.compile(r"network diagram: ([\d.]+) map redraws/s")
DRIFT = re.compile(r"before ([\d,]+), after ([\d,]+)")
TARGET_RATIO, TARGET_STALL_MS, TARGET_MAPS = 0.90, 50.0, 10.0


def one_run(steps: int) -> tuple[float, float, float, str]:
    """(ratio, longest stall ms, map redraws/s, the selftest's speeds line) of one selftest."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p))
    env.pop("DISPLAY", None)
    # no targets here: the selftest reports, this script judges
    proc = subprocess.run([sys.executable, "-m", "graphviz_nn", "selftest", "--steps",
                           str(steps), "--min-ratio", "0", "--max-stall-ms", "1e9", "--min-maps", "0"],
                          capture_output=True, text=True, env=env, timeout=900)
    m, maps = LINE.search(proc.stdout), MAPS.search(proc.stdout)
    if proc.returncode != 0 or m is None or maps is None:
        raise SystemExit(f"selftest failed: {proc.stdout[-500:]}{proc.stderr[-500:]}")
    speeds = next((ln for ln in proc.stdout.splitlines() if ln.startswith("trained")), "")
    return float(m.group(3)), float(m.group(2)), float(maps.group(1)), speeds


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--steps", type=int, default=15000)
    args = p.parse_args()
    ratios, stalls, maps, drifts = [], [], [], []
    for i in range(args.runs):
        ratio, stall, rate, speeds = one_run(args.steps)
        ratios.append(ratio)
        stalls.append(stall)
        maps.append(rate)
        d = DRIFT.search(speeds)
        if d:
            before, after = (float(g.replace(",", "")) for g in d.groups())
            drifts.append(abs(before / after - 1))
        print(f"run {i + 1}: ratio {ratio:.2f}  longest stall {stall:.0f} ms  maps {rate:.1f}/s"
              f"  ({speeds})", flush=True)
    # judged on the median run: the machine's own speed moves the headless reference by up to
    # a third between two runs seconds apart (printed below), so the worst of several ratios
    # says more about the machine than about the window
    ok = statistics.median(ratios) >= TARGET_RATIO and \
        statistics.median(stalls) < TARGET_STALL_MS and min(maps) >= TARGET_MAPS
    print(f"network diagram maps redrawn: worst {min(maps):.1f}/s, median "
          f"{statistics.median(maps):.1f}/s (target >= {TARGET_MAPS:.0f}/s)")
    if drifts:   # the same headless training, seconds apart: how far the machine itself moves
        print(f"headless alone, before against after the window's run: differed by up to "
              f"{max(drifts):.0%} (median {statistics.median(drifts):.0%})")
    print(f"window/headless at full speed: median {statistics.median(ratios):.2f} (worst "
          f"{min(ratios):.2f}; target >= {TARGET_RATIO:.2f}); longest stall: median "
          f"{statistics.median(stalls):.0f} ms (worst {max(stalls):.0f} ms; target < "
          f"{TARGET_STALL_MS:.0f} ms): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
