"""Saving like a careful editor (graphviz_nn.atomic.write_atomic, used by every save and export):
new files get the umask's mode, an existing file keeps its mode, a symbolic link stays a link
and its target is written, the folder is synced after the rename, and a save killed at any
moment leaves the old file or the new one, complete."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import graphviz_nn as gnn
from graphviz_nn.io import write_atomic

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes and links are POSIX")


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def umask():
    """Set the process umask for one test (restored afterwards)."""
    old = os.umask(0o022)
    yield lambda mask: os.umask(mask)
    os.umask(old)


@posix_only
@pytest.mark.parametrize("mask, expected", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_file_gets_the_mode_the_umask_allows(tmp_path, umask, mask, expected):
    umask(mask)
    gnn.parse("f = x + 1", x=1).save(tmp_path / "new.json")
    write_atomic(tmp_path / "export.csv", b"a,b\n")
    assert _mode(tmp_path / "new.json") == expected
    assert _mode(tmp_path / "export.csv") == expected


@posix_only
@pytest.mark.parametrize("mode", [0o664, 0o600, 0o640, 0o444])
def test_saving_over_a_file_keeps_its_mode(tmp_path, umask, mode):
    umask(0o077 if mode != 0o600 else 0o002)     # a umask that would give another mode
    path = tmp_path / "g.json"
    path.write_text("old")
    os.chmod(path, mode)
    gnn.parse("f = x * 2", x=3).save(path)
    assert _mode(path) == mode
    assert gnn.load(path).output.name == "f"


@posix_only
def test_saving_through_a_symlink_writes_its_target_and_keeps_the_link(tmp_path, umask):
    real_dir = tmp_path / "projects"
    real_dir.mkdir()
    target = real_dir / "net.json"
    target.write_text("old")
    os.chmod(target, 0o664)
    link = tmp_path / "link.json"
    link.symlink_to(os.path.relpath(target, tmp_path))
    chain = tmp_path / "chain.json"                    # a link to a link
    chain.symlink_to("link.json")
    gnn.parse("f = x * 2", x=3).save(chain)
    assert chain.is_symlink() and link.is_symlink()
    assert os.readlink(chain) == "link.json"
    assert gnn.load(target).output.name == "f"
    assert _mode(target) == 0o664
    assert sorted(os.listdir(tmp_path)) == ["chain.json", "link.json", "projects"]
    assert os.listdir(real_dir) == ["net.json"]        # no temporary file left in either


@posix_only
def test_a_dangling_symlink_creates_its_target(tmp_path, umask):
    link = tmp_path / "link.json"
    link.symlink_to("missing.json")
    write_atomic(link, b"{}")
    assert link.is_symlink()
    assert (tmp_path / "missing.json").read_bytes() == b"{}"
    assert _mode(tmp_path / "missing.json") == 0o644


def test_the_folder_is_synced_after_the_rename(tmp_path, monkeypatch):
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        events.append("fsync dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync file")
        real_fsync(fd)

    def replace(a, b):
        events.append("rename")
        real_replace(a, b)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    write_atomic(tmp_path / "g.json", b"{}")
    expected = ["fsync file", "rename", "fsync dir"] if hasattr(os, "O_DIRECTORY") \
        else ["fsync file", "rename"]
    assert events == expected


def test_a_folder_in_the_way_is_refused_and_left_alone(tmp_path):
    (tmp_path / "g.json").mkdir()
    with pytest.raises(OSError):
        write_atomic(tmp_path / "g.json", b"{}")
    assert (tmp_path / "g.json").is_dir()
    assert os.listdir(tmp_path) == ["g.json"]


# A process that saves in a loop, killed with SIGKILL at a random moment, 60 times (forked from
# one interpreter, so the test takes seconds). After each kill the file must be one whole
# version - the one before or one after - with the mode and the link it had.
KILLER = textwrap.dedent("""
    import importlib.util, json, os, random, signal, stat, sys, time

    folder, runs, module = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    # graphviz_nn/atomic.py alone (not the package with numpy): a small process forks fast
    spec = importlib.util.spec_from_file_location("atomic", module)
    atomic = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(atomic)
    write_atomic = atomic.write_atomic
    target = os.path.join(folder, "real.json")
    link = os.path.join(folder, "link.json")

    def version(k):
        body = bytes((k * 7 + i) % 251 for i in range(256)) * 256      # 64 KiB, k-specific
        return b"%d\\n" % k + body

    write_atomic(target, version(0))
    os.chmod(target, 0o640)
    os.symlink("real.json", link)
    rng = random.Random(7)
    report = {"runs": 0, "bad": [], "versions": set()}
    last = 0
    for run in range(runs):
        pid = os.fork()
        if pid == 0:
            k = last + 1
            while True:
                write_atomic(link, version(k))
                k += 1
        deadline = time.monotonic() + 5.0       # let it save once (slow on a busy machine)
        while time.monotonic() < deadline:
            with open(target, "rb") as f:
                if int(f.readline() or b"0") > last:
                    break
            time.sleep(0.0005)
        time.sleep(rng.uniform(0.0, 0.005))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        data = open(target, "rb").read()
        head = data.split(b"\\n", 1)[0]
        k = int(head) if head.isdigit() else -1
        if k < last or data != version(k):
            report["bad"].append(f"run {run}: not a whole version ({len(data)} bytes)")
        if stat.S_IMODE(os.stat(target).st_mode) != 0o640 or not os.path.islink(link):
            report["bad"].append(f"run {run}: mode or link lost")
        report["versions"].add(k)
        last = k
        report["runs"] += 1
    report["versions"] = len(report["versions"])
    report["temporary"] = sum(n.endswith(".tmp") for n in os.listdir(folder))
    print(json.dumps(report))
""")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")
def test_a_save_killed_at_random_moments_leaves_a_whole_file(tmp_path):
    import graphviz_nn.atomic

    out = subprocess.run([sys.executable, "-c", KILLER, str(tmp_path), "60",
                          graphviz_nn.atomic.__file__], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["runs"] == 60
    assert report["bad"] == []
    assert report["versions"] == 60         # every run saved, then was killed
    assert report["temporary"] >= 5         # and kills landed in the middle of a save
