"""The README's screenshot of a lesson in progress, in Korean: lesson 1 at "predict ∂f/∂x",
a wrong answer typed and its hint shown, as a learner sees it.

    python3 -m ui.headless.lesson_screenshot [resources/screenshots/lesson_ko.png] [--lang en]

The window is made offscreen with the language installed first (View > Language: 한국어); the
lesson is played through its panel (the forward pass stepped, the answer typed and checked).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DEFAULT_OUT = Path("resources/screenshots/lesson_ko.png")


def make_screenshot(out: str | Path = DEFAULT_OUT, language: str = "ko",
                    size: tuple[int, int] = (1440, 900)) -> Path:
    from ui.headless.render import save_png
    from ui.headless.script import window_in
    from ui.lessons import open_lesson

    app, window = window_in(language, size)
    open_lesson(window, "backprop", 0)
    window.controller.run_forward()              # the step's checkpoint: the forward pass
    panel = window.lesson_panel
    panel.next_button.click()                    # "predict ∂f/∂x"
    panel.answer.setText("3")                    # a wrong try: the hint shows
    panel.check_button.click()
    for _ in range(3):
        app.processEvents()
    out = save_png(window.grab(), out)
    window.close()
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python3 -m ui.headless.lesson_screenshot")
    p.add_argument("out", nargs="?", default=str(DEFAULT_OUT))
    p.add_argument("--lang", default="ko", choices=("ko", "en"))
    args = p.parse_args(sys.argv[1:] if argv is None else argv)
    print(make_screenshot(args.out, args.lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
