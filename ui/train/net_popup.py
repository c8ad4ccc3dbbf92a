"""The network diagram's hover popup: one unit's map, large, with what it is and its scale."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

LARGE = 180     # px: the map's side in the popup


class UnitPopup(QFrame):
    """A tooltip-like window beside the hovered unit (it never takes the focus)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFrameShape(QFrame.Shape.Box)
        self.setObjectName("unit_popup")
        self.setStyleSheet("#unit_popup { background: palette(base); }")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        self.map = QLabel()
        self.map.setFixedSize(LARGE, LARGE)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setMaximumWidth(max(LARGE, 240))
        lay.addWidget(self.map, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(self.text)

    def show_unit(self, image: QImage | None, text: str, right_of: QPoint,
                  left_of: QPoint) -> None:
        """Show ``image`` (None: no map) and ``text`` right of ``right_of`` (or, where the
        screen ends, left of ``left_of``)."""
        self.map.setVisible(image is not None)
        if image is not None:
            self.map.setPixmap(QPixmap.fromImage(image).scaled(
                LARGE, LARGE, Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        self.text.setText(text)
        self.adjustSize()
        pos = right_of + QPoint(12, 0)
        screen = QGuiApplication.screenAt(right_of) or QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            if pos.x() + self.width() > area.right():
                pos = left_of - QPoint(12 + self.width(), 0)
            pos.setY(max(area.top(), min(pos.y(), area.bottom() - self.height())))
        self.move(pos)
        self.show()
