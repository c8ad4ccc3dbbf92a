"""Crash recovery that never costs work: a session writes nothing without its lock, so no other
instance can take a live session's graph for a crashed one and delete it; whatever is in an info
file, the app starts; a recovery file that cannot be read is kept aside, never deleted; autosave
that fails says so once, in the message bar."""

from __future__ import annotations

import json
import math
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graphviz_nn as gnn
from tests.ui.windows import make_window
from ui.files.recovery import RecoveryStore, read_info

ROOT = Path(__file__).resolve().parents[2]


def _edit(w) -> None:
    w.controller.add_node("input", (0.0, 0.0), "x", [1.0, 2.0])


def _block_lock(store: RecoveryStore) -> Path:
    """Something in the way of the session's lock file (here: a folder of that name)."""
    store.folder.mkdir(parents=True, exist_ok=True)
    obstacle = store.path.with_suffix(".lock")
    obstacle.mkdir()
    return obstacle


def test_a_failed_lock_writes_nothing_and_the_next_autosave_takes_the_lock(qtbot, tmp_path):
    w1 = make_window(qtbot, tmp_path, "one")
    _edit(w1)
    obstacle = _block_lock(w1.document.recovery)
    assert not w1.document.autosave()
    assert not w1.document.recovery_path.exists()       # no file without the lock
    assert "Autosave failed" in w1.message_bar.text() and w1.message_bar.key == "autosave"
    obstacle.rmdir()
    assert w1.document.autosave() and w1.document.recovery.locked
    assert not w1.message_bar.isVisibleTo(w1)            # fixed: the warning goes
    w2 = make_window(qtbot, tmp_path, "two")             # another session, same folder
    w2.document.ask_restore = lambda info: pytest.fail("offered a live session's graph")
    assert not w2.document.offer_recovery()
    assert w1.document.recovery_path.exists()


def test_autosave_failing_is_said_once_not_every_30_seconds(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    _edit(w)
    _block_lock(w.document.recovery)
    shown = []
    w.notify = lambda text, **kw: shown.append(text)
    for _ in range(3):
        assert not w.document.autosave()
    assert len(shown) == 1


LIVE_SESSION = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.app import MainWindow
w = MainWindow(example=None)
w.document.use(recovery_dir=sys.argv[1],
               settings=QSettings(sys.argv[2], QSettings.Format.IniFormat))
w.controller.add_node("input", (0.0, 0.0), "mine", [1.0, 2.0])
lock = w.document.recovery.path.with_suffix(".lock")
os.makedirs(lock)                                 # the first lock attempt fails
assert not w.document.autosave()
os.rmdir(lock)
assert w.document.autosave()
print("saved", flush=True)
sys.stdin.readline()                              # alive until the test says
"""


def test_another_instance_neither_offers_nor_deletes_a_live_session_s_file(qtbot, tmp_path):
    rec = tmp_path / "recovery"
    live = subprocess.Popen([sys.executable, "-c", LIVE_SESSION, str(rec),
                             str(tmp_path / "live.ini")], cwd=ROOT, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert live.stdout.readline().strip() == "saved", live.stderr.read()
        files = sorted(p.name for p in rec.glob("recovery-*.json"))
        assert len(files) == 1
        w = make_window(qtbot, tmp_path, "second")
        offered = []
        w.document.ask_restore = lambda info: offered.append(info) or False   # would delete
        w.document.start_session()
        assert offered == [] and sorted(p.name for p in rec.glob("recovery-*.json")) == files
        live.send_signal(signal.SIGKILL)               # now it really crashed
        live.wait(timeout=30)
        w.document.ask_restore = lambda info: offered.append(info) or True
        assert w.document.offer_recovery()
        assert len(offered) == 1 and "mine" in w.controller.graph
    finally:
        if live.poll() is None:
            live.kill()
            live.wait(timeout=30)


def _crashed(folder: Path, info: bytes | None, session: str = "crashed") -> RecoveryStore:
    """A recovery file as a crashed session leaves it (no lock held), with ``info`` as its
    info file (None: no info file)."""
    store = RecoveryStore(folder, session=session)
    store.save(gnn.parse("f = x + 1", x=1), "/home/me/net.json")
    store._lock.unlock()
    info_path = store.path.with_suffix(".info")
    if info is None:
        info_path.unlink()
    else:
        info_path.write_bytes(info)
    return store


NASTY_INFOS = [
    b'{"path": "/home/me/net.json", "time": NaN}',
    b'{"path": "/home/me/net.json", "time": 1e308}',
    b'{"path": "/home/me/net.json", "time": ' + b"9" * 400 + b"}",
    b'{"path": 5, "time": 1700000000}',
    b'{"path": "\\ud800", "time": "yesterday"}',
    b"[" * 100000,
]


@pytest.mark.parametrize("info", NASTY_INFOS, ids=range(len(NASTY_INFOS)))
def test_whatever_the_info_file_holds_the_app_starts_and_offers_the_graph(qtbot, tmp_path,
                                                                         info):
    _crashed(tmp_path / "recovery", info)
    w = make_window(qtbot, tmp_path, "next")
    offered = []
    w.document.ask_restore = lambda text: offered.append(text) or True
    w.document.start_session()                      # raised on every start before
    assert len(offered) == 1 and "autosaved" in offered[0]
    assert "f" in w.controller.graph and w.isWindowModified()


def _json_values():
    scalars = st.one_of(st.none(), st.booleans(), st.integers(min_value=-10**400,
                                                              max_value=10**400),
                        st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40))
    return st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                        | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=6)


GRAPH = json.dumps(gnn.parse("f = x + 1", x=1).to_dict()).encode()


def _info_bytes():
    as_json = st.fixed_dictionaries({}, optional={"path": _json_values(),
                                                  "time": _json_values()}) \
        .map(lambda d: json.dumps(d).encode())
    return st.one_of(as_json, st.binary(max_size=200), st.none())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(info=_info_bytes())
def test_fuzzed_info_files_give_a_believable_description_or_none(info):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "recovery-crashed.json").write_bytes(GRAPH)    # left by a crash
        if info is not None:
            (Path(folder) / "recovery-crashed.info").write_bytes(info)
        found = RecoveryStore(folder, session="next").orphans()
        assert [o.path.name for o in found] == ["recovery-crashed.json"]
        orphan = found[0]
        try:
            assert math.isfinite(orphan.time) and orphan.time >= 0
            assert orphan.original is None or (isinstance(orphan.original, str)
                                               and os.path.isabs(orphan.original))
            text = orphan.describe()
            assert isinstance(text, str) and "autosaved" in text
        finally:
            orphan.lock.unlock()


def test_read_info_never_reads_more_than_a_small_file(tmp_path):
    big = tmp_path / "x.info"
    big.write_bytes(b'{"path": "/a", "time": 1, "pad": "' + b"x" * 10**6 + b'"}')
    assert read_info(big) == (None, None)
    assert read_info(tmp_path / "missing.info") == (None, None)


def test_an_unreadable_recovery_file_is_kept_aside_and_named(qtbot, tmp_path):
    rec = tmp_path / "recovery"
    store = _crashed(rec, b'{"path": null, "time": 1700000000}')
    store.path.write_bytes(b'{"format": "graphviz-nn", "nodes": [tru')   # cut off mid-write
    w = make_window(qtbot, tmp_path, "next")
    w.document.ask_restore = lambda text: True
    w.document.start_session()
    kept = list(rec.glob("unreadable-crashed-*.json"))
    assert len(kept) == 1 and kept[0].read_bytes().endswith(b"[tru")
    bar = w.message_bar
    assert bar.severity == "error" and str(kept[0]) in bar.text()
    assert "cannot be restored" in bar.text()
    assert "recovery-crashed.json" not in bar.text()    # only where the file is now
    assert list(rec.glob("recovery-*.json")) == []
    w.document.ask_restore = lambda text: pytest.fail("offered again")
    assert RecoveryStore(rec, session="third").orphans() == []
