"""BLAS threads while training beside the window: threadpoolctl's controller of the loaded BLAS
libraries (found once), and a limit of one thread for the time a run trains.
"""

from __future__ import annotations

_BLAS = []   # the threadpoolctl controller, found once (finding the libraries takes ~40 ms)


def blas_controller():
    """threadpoolctl's controller of the loaded BLAS libraries, or None without threadpoolctl."""
    if not _BLAS:
        try:
            from threadpoolctl import ThreadpoolController
            _BLAS.append(ThreadpoolController())
        except Exception:  # noqa: BLE001 - ImportError or an odd platform: go without
            _BLAS.append(None)
    return _BLAS[0]


def _single_threaded_blas():
    """Limit BLAS to one thread while training next to the GUI (threadpoolctl, if present).

    Trainer and GUI are already two busy threads; BLAS helper threads spinning beside them on
    a small machine make both slower (the GUI's 80×80 decision-boundary grid 5× slower)."""
    ctl = blas_controller()
    if ctl is None:
        return None
    try:
        return ctl.limit(limits=1, user_api="blas")
    except Exception:  # noqa: BLE001 - a speed tweak, never a reason to fail
        return None
