"""Shared test setup: Qt always runs offscreen, so the suite works with no display."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QSettings (recent files, layouts, language) go to a fresh folder: tests never read or
# change the learner's own settings, and never each other's from an earlier run
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="graphviz-nn-test-config-")
# and the app's data (recovery files, caches) likewise: a crashed test window never leaves a
# "restore?" question for the learner's next start
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="graphviz-nn-test-data-")
