"""The graph canvas: QGraphicsScene items that paint and emit intent, a scene and a view."""

import ctypes as _ctypes
import sys as _sys

# PySide6 6.12 on Python 3.11: every void Qt call (painter.setPen, item.update, ...) takes a
# reference away from None (and emit() from True) that it never gave; painting a few hundred
# items exhausts the count and Python aborts ("none_dealloc"). Give these singletons the
# near-endless count Python 3.12 gives them. Idempotent; the same as ui/qtfix.py does.
if _sys.version_info < (3, 12) and _sys.implementation.name == "cpython":
    for _obj in (None, True, False):
        _ref = _ctypes.c_ssize_t.from_address(id(_obj))
        if _ref.value < 1 << 39:
            _ref.value += 1 << 40
