"""How the screenshot scripts run from the command line: offscreen when there is no display,
the paths they wrote printed one a line, and a failure said in one line on stderr (exit 1),
never as a traceback."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable


def run(make: Callable[[], Iterable], what: str = "screenshot") -> int:
    """Call ``make()`` (the paths it wrote) and print them; 0, or 1 after one stderr line."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        paths = list(make())
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback
        print(f"{what} failed: {exc}", file=sys.stderr)
        return 1
    for path in paths:
        print(path)
    return 0
