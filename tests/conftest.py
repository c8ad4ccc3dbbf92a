"""Shared test setup: Qt always runs offscreen, so the suite works with no display."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
