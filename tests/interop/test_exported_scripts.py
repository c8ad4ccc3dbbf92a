"""Every exported script runs in a subprocess, and what it prints is what the app computes:
numpy scripts within 1e-9 (float64), PyTorch graph scripts within 1e-6, and models trained a
few steps by the PyTorch and Keras scripts within 1e-4 of the app's own training (same
weights, no shuffling, no dropout). A model saved as .keras by the app opens in Keras and by
Keras opens in the app, and both predict the same.

The scripts run in two subprocesses (numpy + PyTorch, then Keras), so torch and Keras are
imported once each.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from graphviz_nn import datasets
from graphviz_nn.export import from_sequential, graph_script, model_files, trace_of
from graphviz_nn.export.model_scripts import torch_model_files
from graphviz_nn.io import write_atomic
from graphviz_nn.keras_io import read_keras, write_keras
from graphviz_nn.nn import Dense, Sequential
from graphviz_nn.optim import SGD, Adam
from ui.explore.examples import EXAMPLES

DRIVER = textwrap.dedent('''
    """Run each script as __main__, keep what it printed, write it all as JSON."""
    import contextlib, io, json, runpy, sys, traceback
    results = {}
    for path in sys.argv[2:]:
        out = io.StringIO()
        try:
            with contextlib.redirect_stdout(out):
                runpy.run_path(path, run_name="__main__")
            results[path] = {"ok": True, "out": out.getvalue()}
        except BaseException:
            results[path] = {"ok": False, "out": out.getvalue(),
                             "error": traceback.format_exc()}
    with open(sys.argv[1], "w") as f:
        json.dump(results, f)
''')

NUMBER = r"[-+]?(?:nan|inf|\d+\.?\d*(?:[eE][-+]?\d+)?)"


def printed(out: str) -> dict[str, tuple]:
    """``name = [numbers]`` -> ("full", array); ``name: shape (..), sum S, abs sum A`` ->
    ("summary", shape, S, A)."""
    found = {}
    for line in out.splitlines():
        full = re.match(r"^(\w+) = (.*)$", line)
        summary = re.match(rf"^(\w+): shape \(([\d, ]*)\), sum ({NUMBER}), abs sum ({NUMBER})$",
                           line)
        if summary:
            shape = tuple(int(s) for s in summary.group(2).split(",") if s.strip())
            found[summary.group(1)] = ("summary", shape, float(summary.group(3)),
                                       float(summary.group(4)))
        elif full:
            found[full.group(1)] = ("full", np.array([float(v) for v in
                                                      re.findall(NUMBER, full.group(2))]))
    return found


def assert_same(seen: tuple, want: np.ndarray, rtol: float, atol: float, what: str) -> None:
    want = np.asarray(want, dtype=np.float64)
    if seen[0] == "full":
        np.testing.assert_allclose(seen[1], want.reshape(-1), rtol=rtol, atol=atol, err_msg=what)
    else:
        _, shape, total, abs_total = seen
        assert shape == want.shape, what
        slack = rtol * np.abs(want).sum() + atol * want.size
        assert abs(total - want.sum()) <= slack, what
        assert abs(abs_total - np.abs(want).sum()) <= slack, what


def run_scripts(paths: list[Path], tmp: Path, env: dict | None = None) -> dict[str, dict]:
    driver, report = tmp / "driver.py", tmp / f"report_{len(paths)}_{id(env)}.json"
    driver.write_text(DRIVER)
    proc = subprocess.run([sys.executable, str(driver), str(report), *map(str, paths)],
                          env={**os.environ, **(env or {})}, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(report.read_text())
    for path, res in results.items():
        assert res["ok"], f"{Path(path).name} failed:\n{res.get('error')}"
    return results


def checked_numbers(trace, names_out: dict, rtol: float, atol: float, label: str) -> int:
    """Compare every value and gradient the script printed with the app's; returns how many."""
    from graphviz_nn.export import numpy_listing

    listing = numpy_listing(trace)        # the script's names for the nodes
    names = listing.names
    n = 0
    for step in trace.forward_steps:
        assert_same(names_out[names.of(step.node)], step.node.value, rtol, atol,
                    f"{label}: {step.node.name}")
        n += 1
    for node in [s.node for s in trace.backward_steps] + listing.leaves:
        if node.grad is not None and names.grad.get(node.id) in names_out:
            assert_same(names_out[names.grad[node.id]], node.grad, rtol, atol,
                        f"{label}: d{node.name}")
            n += 1
    return n


# ---- the models: trained a few steps here and by the exported scripts ----
def model_case(kind: str):
    x, y = datasets.spiral(n=64, noise=0.1, seed=0)
    x = x.astype(np.float32)
    if kind == "adam":
        model = Sequential([Dense(8, activation="relu", input_shape=(2,)),
                            Dense(6, activation="tanh"), Dense(3, activation="softmax")], seed=1)
        model.compile(optimizer=Adam(learning_rate=0.01), loss="sparse_categorical_crossentropy",
                      metrics=["accuracy"])
        target = y
    else:
        model = Sequential([Dense(5, activation="sigmoid", input_shape=(2,)),
                            Dense(3, activation="linear")], seed=2)
        model.compile(optimizer=SGD(learning_rate=0.1, momentum=0.9), loss="mse")
        target = np.eye(3, dtype=np.float32)[y]
    return model, x, target


FIT = {"batch_size": 16, "epochs": 2, "shuffle": False}       # 8 steps


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("exported")
    cases = {}
    for ex in EXAMPLES:
        trace = trace_of(ex.build())
        for to in ("numpy", "torch"):
            path = tmp / f"{to}_{ex.key}.py"
            write_atomic(path, graph_script(trace.output.graph, to, trace.output).encode())
            cases[path.name] = (trace, to)
    models = {}
    for kind in ("adam", "sgd_mse"):
        model, x, y = model_case(kind)
        spec = from_sequential(model, x, y, **FIT)
        for to in ("torch", "keras"):
            for path, data in model_files(spec, to, tmp / f"{to}_model_{kind}.py").items():
                write_atomic(path, data)
        # where torch is not installed, the weights go beside as .npz with a loader
        for path, data in torch_model_files(spec, tmp / f"npz_model_{kind}.py", pt=False).items():
            write_atomic(path, data)
        model.fit(x, y, verbose=0, **FIT)
        models[kind] = model.get_weights()
    return tmp, cases, models


@pytest.fixture(scope="module")
def numpy_and_torch_runs(exported):
    tmp, cases, _ = exported
    scripts = sorted(tmp / name for name in cases) + \
        [tmp / f"{how}_model_{kind}.py" for how in ("torch", "npz") for kind in ("adam", "sgd_mse")]
    return run_scripts(scripts, tmp)


def test_numpy_scripts_print_the_app_s_numbers_within_1e_9(exported, numpy_and_torch_runs):
    tmp, cases, _ = exported
    total = 0
    for name, (trace, to) in cases.items():
        if to != "numpy":
            continue
        res = numpy_and_torch_runs[str(tmp / name)]
        assert res["out"].endswith("OK: every value and gradient matches graphviz-nn\n")
        total += checked_numbers(trace, printed(res["out"]), 1e-9, 1e-12, name)
    assert total >= 100


def test_torch_graph_scripts_print_the_app_s_numbers_within_1e_6(exported,
                                                                  numpy_and_torch_runs):
    tmp, cases, _ = exported
    for name, (trace, to) in cases.items():
        if to != "torch":
            continue
        res = numpy_and_torch_runs[str(tmp / name)]
        assert res["out"].endswith("OK: every value and gradient matches graphviz-nn\n")
        checked_numbers(trace, printed(res["out"]), 1e-6, 1e-9, name)


def assert_trained_like_the_app(out: str, weights: list[np.ndarray], what: str) -> None:
    seen = printed(out)
    for k in range(len(weights) // 2):
        for label, w in ((f"W{k + 1}", weights[2 * k]), (f"b{k + 1}", weights[2 * k + 1])):
            assert_same(seen[label], w, 0.0, 1e-4, f"{what}: {label}")


def test_torch_model_scripts_train_like_the_app(exported, numpy_and_torch_runs):
    tmp, _, models = exported
    for kind, weights in models.items():
        for how in ("torch", "npz"):
            res = numpy_and_torch_runs[str(tmp / f"{how}_model_{kind}.py")]
            assert "epoch 2/2: loss" in res["out"]
            assert_trained_like_the_app(res["out"], weights, f"{how} {kind}")
    assert (tmp / "torch_model_adam_weights.pt").exists()
    assert (tmp / "npz_model_adam_weights.npz").exists()


ROUND_TRIP = textwrap.dedent('''
    """Keras opens the app's .keras file; the app will open the one Keras saves here."""
    import keras
    import numpy as np

    x = np.load("{x}")
    app_model = keras.models.load_model("{app}")
    print("app_in_keras =", app_model.predict(x, verbose=0).tolist())
    keras.utils.set_random_seed(5)
    made = keras.Sequential([
        keras.Input(shape=(4,)),
        keras.layers.Dense(7, activation="elu"),
        keras.layers.Dropout(0.2),
        keras.layers.Dense(6, activation="leaky_relu"),
        keras.layers.Dense(5, activation="sigmoid"),
        keras.layers.Dense(3, activation="softmax"),
    ])
    made.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.003),
                 loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    made.save("{keras_made}")
    print("keras_made =", made.predict(x, verbose=0).tolist())
''')


def test_keras_scripts_and_keras_files_both_ways(exported):
    tmp, _, models = exported
    rng = np.random.default_rng(0)
    x = rng.normal(size=(9, 4)).astype(np.float32)
    np.save(tmp / "x.npy", x)
    app_model = Sequential([Dense(6, activation="tanh", input_shape=(4,)),
                            Dense(3, activation="softmax")], seed=4)
    app_model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    write_keras(from_sequential(app_model), tmp / "app_made.keras")
    script = tmp / "round_trip.py"
    script.write_text(ROUND_TRIP.format(x=tmp / "x.npy", app=tmp / "app_made.keras",
                                        keras_made=tmp / "keras_made.keras"))
    runs = run_scripts([tmp / "keras_model_adam.py", tmp / "keras_model_sgd_mse.py", script],
                       tmp, env={"KERAS_BACKEND": "torch"})
    for kind, weights in models.items():
        out = runs[str(tmp / f"keras_model_{kind}.py")]["out"]
        assert "Epoch 2/2" in out
        assert_trained_like_the_app(out, weights, f"keras {kind}")
    seen = printed(runs[str(script)]["out"])
    # the app's file in Keras predicts what the app predicts
    assert_same(seen["app_in_keras"], app_model.predict(x), 0.0, 1e-6, "app file in Keras")
    # Keras's file in the app: same layers, same predictions
    spec = read_keras(tmp / "keras_made.keras")
    assert [(lay.kind, lay.activation) for lay in spec.layers] == [
        ("Dense", "elu"), ("Dropout", "linear"), ("Dense", "leaky_relu"), ("Dense", "sigmoid"),
        ("Dense", "softmax")]
    assert spec.optimizer["name"] == "rmsprop"
    assert spec.optimizer["learning_rate"] == pytest.approx(0.003)
    assert_same(seen["keras_made"], spec.to_sequential().predict(x), 0.0, 1e-6,
                "Keras file in the app")
