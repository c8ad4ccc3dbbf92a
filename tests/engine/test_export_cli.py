"""``graphviz-nn export FILE --to numpy|torch|keras --out script.py``: the files it writes, and
one line on stderr (exit 2) for bad input."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys

import pytest

from graphviz_nn.cli import main
from graphviz_nn.export import from_sequential
from graphviz_nn.keras_io import write_keras
from graphviz_nn.nn import Dense, Sequential


def run(args, capsys):
    code = main(["export", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def files(tmp_path, fxyz):
    g, *_, f = fxyz
    g.output = f
    graph = tmp_path / "f.json"
    g.save(graph)
    model = Sequential([Dense(4, activation="relu", input_shape=(3,)),
                        Dense(2, activation="softmax")], seed=0)
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    keras = tmp_path / "m.keras"
    write_keras(from_sequential(model), keras)
    mlp = tmp_path / "mlp.json"
    model.graph.save(mlp)
    return graph, keras, mlp


def test_a_graph_to_numpy_writes_a_script_that_checks_itself(files, tmp_path, capsys):
    graph, _, _ = files
    code, out, err = run([graph, "--to", "numpy", "--out", tmp_path / "f.py"], capsys)
    assert (code, err) == (0, "")
    assert out.strip() == str(tmp_path / "f.py")
    text = (tmp_path / "f.py").read_text()
    assert "q = x + y\nf = q * z\n" in text and "dq = z * df\n" in text
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(text, "f.py", "exec"), {"__name__": "__main__"})
    assert printed.getvalue().endswith("OK: every value and gradient matches graphviz-nn\n")


def test_models_go_out_with_their_weights_beside(files, tmp_path, capsys, monkeypatch):
    from graphviz_nn.export import model_scripts

    monkeypatch.setattr(model_scripts, "torch_available", lambda: False)   # .npz, not .pt
    graph, keras, mlp = files
    code, out, _ = run([keras, "--to", "keras", "--out", tmp_path / "k.py"], capsys)
    assert code == 0 and out.split() == [str(tmp_path / "k.py"), str(tmp_path / "k_weights.npz")]
    code, out, _ = run([keras, "--to", "torch", "--out", tmp_path / "t.py"], capsys)
    assert code == 0 and out.split()[1] == str(tmp_path / "t_weights.npz")
    assert "np.load(HERE / \"t_weights.npz\", allow_pickle=False)" in (tmp_path / "t.py").read_text()
    code, out, _ = run([mlp, "--to", "torch", "--model", "--out", tmp_path / "g.py"], capsys)
    assert code == 0 and "nn.Linear(3, 4)" in (tmp_path / "g.py").read_text()
    code, out, _ = run([keras, "--to", "numpy", "--out", tmp_path / "n.py"], capsys)
    assert code == 0 and "loss = cross_entropy(z2, y)" in (tmp_path / "n.py").read_text()


@pytest.mark.parametrize("args, words", [
    (["nothere.json", "--to", "numpy", "--out", "x.py"], "cannot read nothere.json"),
    (["{graph}", "--to", "tf", "--out", "x.py"], "invalid choice: 'tf'"),
    (["{graph}", "--to", "numpy"], "the following arguments are required: --out"),
    (["{graph}", "--to", "keras", "--out", "x.py"], "f.json is not a Sequential model"),
    (["{bad}", "--to", "torch", "--out", "x.py"], "bad.keras: not a .keras file"),
    (["{graph}", "--to", "numpy", "--out", "{tmp}/no/such/dir/x.py"], "cannot write"),
])
def test_bad_input_gives_one_line_on_stderr(files, tmp_path, capsys, args, words):
    graph, _, _ = files
    bad = tmp_path / "bad.keras"
    bad.write_bytes(b"not a zip")
    args = [a.format(graph=graph, bad=bad, tmp=tmp_path) for a in args]
    code, out, err = run(args, capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("graphviz-nn export: ")
    assert words in err


def test_the_installed_command_runs_it(files, tmp_path):
    graph, _, _ = files
    proc = subprocess.run([sys.executable, "-m", "graphviz_nn", "export", str(graph), "--to",
                           "torch", "--out", str(tmp_path / "t.py")], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "requires_grad=True" in (tmp_path / "t.py").read_text()
