"""The command line stays in English whatever the window's language: with the language setting
한국어 and LANG=ko_KR.UTF-8, `render` draws the engine's English badges and every error is the
English line the docs show (one that can be searched for); no command loads a translation."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import numpy as np

import graphviz_nn as gnn

HANGUL = re.compile("[가-힣]")


def _run(args: list[str], tmp_path) -> subprocess.CompletedProcess:
    config = tmp_path / "config"
    (config / "graphviz-nn").mkdir(parents=True, exist_ok=True)
    (config / "graphviz-nn" / "graphviz-nn.conf").write_text("[ui]\nlanguage=ko\n",
                                                             encoding="utf-8")
    env = dict(os.environ, XDG_CONFIG_HOME=str(config), LANG="ko_KR.UTF-8",
               LC_MESSAGES="ko_KR.UTF-8", QT_QPA_PLATFORM="offscreen")
    env.pop("LC_ALL", None)
    return subprocess.run([sys.executable, "-m", "graphviz_nn", *args], capture_output=True,
                          text=True, env=env, timeout=180)


def test_render_draws_english_badges_under_a_korean_setting(tmp_path):
    g = gnn.Graph()
    x = g.input("x", np.array([-1.0, 2.0]))
    g.sum(g.log(x, name="y"), name="f")
    path = tmp_path / "nan.json"
    g.save(path)
    out = tmp_path / "view.svg"
    done = _run(["render", str(path), "--out", str(out), "--forward"], tmp_path)
    assert done.returncode == 0, done.stderr
    svg = out.read_text(encoding="utf-8")
    assert "log of a negative number gives" in svg and "(1 of 2 numbers)" in svg   # wrapped
    assert not HANGUL.search(svg + done.stdout + done.stderr)


def test_error_lines_stay_english_under_a_korean_setting(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "graphviz-nn", "nodes": [', encoding="utf-8")
    g = gnn.Graph()
    g.add(g.input("a", np.ones(3)), g.input("b", np.ones(4)), name="s")
    mismatch = tmp_path / "mismatch.json"
    g.save(mismatch)
    for args, head in ((["render", str(bad), "--out", str(tmp_path / "v.svg")],
                        "graphviz-nn render: "),
                       (["render", str(mismatch), "--out", str(tmp_path / "v.svg"), "--forward"],
                        "graphviz-nn render: cannot run mismatch.json: cannot trace s: shape "
                        "mismatch: (3,) + (4,)"),
                       (["export", str(bad), "--to", "numpy", "--out", str(tmp_path / "s.py")],
                        "graphviz-nn export: "),
                       (["train", "--dataset", "nonsense"], "graphviz-nn train: ")):
        done = _run(args, tmp_path)
        assert done.returncode != 0, args
        assert done.stderr.startswith(head), (args, done.stderr)
        assert not HANGUL.search(done.stderr + done.stdout), (args, done.stderr)
