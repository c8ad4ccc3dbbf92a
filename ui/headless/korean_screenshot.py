"""The README's screenshot of the window in Korean: the CS231n sigmoid neuron stepped backward to
its first weight, the inspector writing the chain rule in Korean.

    python3 -m ui.headless.korean_screenshot [resources/screenshots/window_ko.png] [--lang en]

Made offscreen with the language installed before any widget, as the app does when View >
Language is 한국어 (so the picture is what a Korean learner sees, Qt's own words included).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DEFAULT_OUT = Path("resources/screenshots/window_ko.png")


def make_screenshot(out: str | Path = DEFAULT_OUT, language: str = "ko",
                    size: tuple[int, int] = (1440, 900)) -> Path:
    """Write the screenshot to ``out``; returns its path."""
    from ui.headless.render import save_png
    from ui.headless.script import window_in

    app, window = window_in(language, size)
    window.load_example("sigmoid")
    c = window.controller
    c.run_forward()
    # backward to the multiply gate w0·x0: the chain rule to w0 and x0, spelled out
    target = next(i for i, s in enumerate(c.trace) if s.kind == "backward"
                  and s.node.name == "w0x0")
    c.seek(target)
    window.scene.clearSelection()
    window.scene.node_item(c.graph["w0"].id).setSelected(True)
    window.canvas.fit()
    for _ in range(3):
        app.processEvents()
    out = save_png(window.grab(), out)
    window.close()
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python3 -m ui.headless.korean_screenshot",
                                description="The README's screenshot of the window in Korean.")
    p.add_argument("out", nargs="?", default=str(DEFAULT_OUT))
    p.add_argument("--lang", default="ko", choices=("ko", "en"))
    args = p.parse_args(sys.argv[1:] if argv is None else argv)
    print(make_screenshot(args.out, args.lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
