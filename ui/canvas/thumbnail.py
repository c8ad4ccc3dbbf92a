"""Small heatmap images of tensors (numpy -> QImage), with no pyqtgraph import."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage

# diverging map: negative blue, zero white, positive red (what the sign means matters)
_NEG = np.array([49, 104, 196], dtype=float)
_MID = np.array([250, 250, 250], dtype=float)
_POS = np.array([204, 52, 52], dtype=float)


def as_matrix(value, max_side: int = 64) -> np.ndarray:
    """A 2-D float view of any array, subsampled to at most ``max_side`` per side."""
    arr = np.asarray(value, dtype=float)
    if arr.ndim == 0:
        arr = arr.reshape(1, 1)
    elif arr.ndim == 1:
        arr = arr.reshape(1, -1)
    elif arr.ndim > 2:
        arr = arr.reshape(arr.shape[0], -1)
    rs = max(1, int(np.ceil(arr.shape[0] / max_side)))
    cs = max(1, int(np.ceil(arr.shape[1] / max_side)))
    return arr[::rs, ::cs]


def diverging_rgb(mat: np.ndarray, scale: float | None = None) -> np.ndarray:
    """uint8 (h, w, 3) colours of ``mat`` on a blue-white-red map symmetric around zero."""
    finite = np.isfinite(mat)
    m = np.where(finite, mat, 0.0)
    s = scale if scale else float(np.max(np.abs(m))) if m.size else 1.0
    t = np.clip(m / (s or 1.0), -1.0, 1.0)[..., None]
    rgb = np.where(t >= 0, _MID + (_POS - _MID) * t, _MID + (_NEG - _MID) * (-t))
    rgb[~finite] = (0, 0, 0)
    return rgb.astype(np.uint8)


def heatmap_image(value, max_side: int = 64) -> QImage:
    """QImage heatmap of ``value`` (copied, so it owns its pixels)."""
    rgb = np.ascontiguousarray(diverging_rgb(as_matrix(value, max_side)))
    h, w, _ = rgb.shape
    img = QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888)
    return img.copy()
