"""The message bar is drawn in its severity's colour, whatever name its workspace gives it."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from ui.message_bar import SEVERITIES, MessageBar


@pytest.mark.parametrize("severity", sorted(SEVERITIES))
def test_background_is_the_severitys_colour(qtbot, severity):
    bar = MessageBar()
    bar.setObjectName("message_bar_train")
    qtbot.addWidget(bar)
    bar.resize(400, 60)
    bar.show_message("The data set could not load.", severity)
    image = bar.grab().toImage()
    # a point inside the frame, right of the icon, below the text: the background itself
    colour = image.pixelColor(image.width() - 40, image.height() - 8)
    assert colour.name() == QColor(SEVERITIES[severity][0]).name()


def test_actions_dismiss_and_run(qtbot):
    bar = MessageBar()
    qtbot.addWidget(bar)
    ran = []
    bar.show_message("Training diverged.", "error", [("Lower the learning rate", lambda: ran.append(1))],
                     key="train")
    assert bar.action_texts() == ["Lower the learning rate"]
    with qtbot.waitSignal(bar.dismissed) as blocker:
        bar.buttons.itemAt(0).widget().click()
    assert ran == [1] and blocker.args == ["train"] and bar.text() == ""
