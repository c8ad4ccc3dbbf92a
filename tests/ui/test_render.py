"""``graphviz-nn render``: headless SVG/PNG with values and gradients as text; broken input
gets one line on stderr and a non-zero exit, never a traceback."""

from __future__ import annotations

import re

import pytest

from graphviz_nn.cli import main as cli_main
from ui.explore.examples import cs231n_f, sigmoid_neuron


@pytest.fixture
def graph_file(tmp_path):
    path = tmp_path / "f.json"
    cs231n_f().save(path)
    return path


def svg_texts(path) -> list[str]:
    return re.findall(r"<text[^>]*>\s*([^<]*?)\s*</text>", path.read_text(encoding="utf-8"))


def test_render_backward_svg_has_values_and_gradients(graph_file, tmp_path, capsys):
    out = tmp_path / "view.svg"
    assert cli_main(["render", str(graph_file), "--out", str(out), "--backward", "f"]) == 0
    texts = svg_texts(out)
    assert "-12" in texts                  # f's value
    assert texts.count("-4") >= 4          # ∂f/∂x, ∂f/∂y on edges and nodes, z's value
    assert "3" in texts                    # ∂f/∂z and q's value
    assert "∂ -4" in texts and "∂ 3" in texts
    svg = out.read_text(encoding="utf-8")
    assert "#1b7a36" in svg.lower() and "#c0262d" in svg.lower()   # green values, red gradients


def test_render_forward_only_has_no_gradients(graph_file, tmp_path):
    out = tmp_path / "view.svg"
    assert cli_main(["render", str(graph_file), "--out", str(out), "--forward"]) == 0
    texts = svg_texts(out)
    assert "-12" in texts
    assert not any(t.startswith("∂") for t in texts)


def test_render_plain_shows_leaves_only(graph_file, tmp_path):
    out = tmp_path / "view.svg"
    assert cli_main(["render", str(graph_file), "--out", str(out)]) == 0
    texts = svg_texts(out)
    assert "-2" in texts and "-12" not in texts


def test_render_png(tmp_path):
    path = tmp_path / "s.json"
    sigmoid_neuron().save(path)
    out = tmp_path / "view.png"
    assert cli_main(["render", str(path), "--out", str(out), "--backward", "f"]) == 0
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000


@pytest.mark.parametrize("content,needle", [
    ("{not json", "not a graph file"),
    ('{"format": "something-else"}', ""),
    ("", ""),
    ('{"format": "graphviz-nn", "version": 1, "nodes": [{"id": 0}], "edges": []}', ""),
])
def test_render_broken_files(tmp_path, capsys, content, needle):
    path = tmp_path / "broken.json"
    path.write_text(content)
    code = cli_main(["render", str(path), "--out", str(tmp_path / "v.svg")])
    err = capsys.readouterr().err
    assert code != 0
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "broken.json" in err and needle in err
    assert not (tmp_path / "v.svg").exists()


def test_render_missing_file_bad_node_bad_extension(graph_file, tmp_path, capsys):
    assert cli_main(["render", str(tmp_path / "nope.json"), "--out", str(tmp_path / "v.svg")]) != 0
    err = capsys.readouterr().err
    assert "nope.json" in err and len(err.strip().splitlines()) == 1
    assert cli_main(["render", str(graph_file), "--out", str(tmp_path / "v.svg"),
                     "--backward", "nosuch"]) != 0
    err = capsys.readouterr().err
    assert "nosuch" in err and len(err.strip().splitlines()) == 1
    assert cli_main(["render", str(graph_file), "--out", str(tmp_path / "v.gif")]) != 0
    err = capsys.readouterr().err
    assert ".svg or .png" in err and "Traceback" not in err
    assert cli_main(["render", str(graph_file)]) != 0          # --out is required
    assert "Traceback" not in capsys.readouterr().err


def test_render_graph_that_cannot_be_computed(tmp_path, capsys):
    import graphviz_nn as gnn
    g = gnn.Graph()
    x = g.input("x", [1.0, 2.0])
    w = g.input("w", [[1.0, 2.0, 3.0]])
    g.matmul(x, w, name="bad")
    path = tmp_path / "shape.json"
    g.save(path)
    assert cli_main(["render", str(path), "--out", str(tmp_path / "v.svg"), "--forward"]) != 0
    err = capsys.readouterr().err
    assert "shape" in err.lower() and len(err.strip().splitlines()) == 1


def test_render_graph_api(qapp, tmp_path):
    from ui.headless.render_cli import render_graph
    out = tmp_path / "g.svg"
    render_graph(cs231n_f(), out, backward="q")
    texts = svg_texts(out)
    assert "∂ 1" in texts                 # ∂q/∂q = 1 on q
    assert texts.count("∂ 1") == 3        # q, and x and y get ∂q/∂x = ∂q/∂y = 1
    with pytest.raises(ValueError, match="nosuch"):
        render_graph(cs231n_f(), out, backward="nosuch")
