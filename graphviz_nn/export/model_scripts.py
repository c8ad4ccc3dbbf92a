"""A Keras-style model out to PyTorch (``nn.Sequential`` and a training loop) and to Keras
(``keras.Sequential``, ``compile``, ``fit``), with its current weights and its data set saved
beside the script: ``.pt`` for PyTorch where torch is installed, ``.npz`` otherwise.

``torch_model_files`` and ``keras_model_files`` return ``{path: bytes}``; the caller writes
them (atomically). Nothing here imports torch unless a ``.pt`` file is asked for.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np

from ..node import GraphError
from .checks import SHOW_HELPERS
from .literals import number
from .model_spec import ModelSpec
from .numpy_code import script_header

TORCH_ACT = {"relu": "nn.ReLU()", "sigmoid": "nn.Sigmoid()", "tanh": "nn.Tanh()",
             "softmax": "nn.Softmax(dim=1)", "leaky_relu": "nn.LeakyReLU(0.2)",
             "elu": "nn.ELU(1.0)"}
SAMPLE_ROWS = 32


def weights_path(script: str | Path, suffix: str) -> Path:
    """``train.py`` -> ``train_weights.npz`` (or ``.pt``) beside it."""
    script = Path(script)
    return script.with_name(f"{script.stem}_weights{suffix}")


def saved_arrays(spec: ModelSpec) -> tuple[dict[str, np.ndarray], bool]:
    """``W1, b1, ..., x, y[, x_val, y_val]`` to save beside a script; True when ``x``/``y``
    are a made-up sample because graphviz-nn had no data for the model."""
    spec.check()
    arrays = {}
    for k in range(len(spec.dense)):
        arrays[f"W{k + 1}"] = np.ascontiguousarray(spec.weights[2 * k], dtype=np.float32)
        arrays[f"b{k + 1}"] = np.ascontiguousarray(spec.weights[2 * k + 1], dtype=np.float32)
    made_up = spec.x is None or spec.y is None
    if made_up:
        rng = np.random.default_rng(0)
        x = rng.normal(size=(SAMPLE_ROWS, spec.input_dim)).astype(np.float32)
        units = spec.dense[-1].units
        y = rng.integers(0, units, SAMPLE_ROWS) if spec.classifier else \
            rng.normal(size=(SAMPLE_ROWS, units)).astype(np.float32)
    else:
        x, y = spec.x, spec.y
    arrays["x"] = np.ascontiguousarray(x, dtype=np.float32)
    arrays["y"] = np.asarray(y).astype(np.int64 if spec.classifier else np.float32)
    if spec.x_val is not None and len(spec.x_val):
        arrays["x_val"] = np.ascontiguousarray(spec.x_val, dtype=np.float32)
        arrays["y_val"] = np.asarray(spec.y_val).astype(
            np.int64 if spec.classifier else np.float32)
    if arrays["x"].shape[1:] != (spec.input_dim,):
        raise GraphError(f"the data have {arrays['x'].shape[1:]} features, the model takes "
                         f"{spec.input_dim}")
    return arrays, made_up


def npz_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    return buf.getvalue()


def torch_available() -> bool:
    import importlib.util
    return importlib.util.find_spec("torch") is not None


def pt_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    import torch
    buf = io.BytesIO()
    torch.save({k: torch.from_numpy(np.array(v)) for k, v in arrays.items()}, buf)
    return buf.getvalue()


def _data_note(made_up: bool) -> str:
    return ("\n# graphviz-nn had no training data for this model: x and y are random samples;"
            "\n# put your own data here." if made_up else "")


def _torch_layers(spec: ModelSpec) -> list[str]:
    lines, dim = [], spec.input_dim
    last = spec.dense[-1]
    for lay in spec.layers:
        if lay.kind == "Dropout":
            lines.append(f"    nn.Dropout({number(lay.rate)}),")
            continue
        lines.append(f"    nn.Linear({dim}, {lay.units}),")
        dim = lay.units
        if lay is last and spec.classifier:
            lines[-1] += "   # its softmax is inside nn.CrossEntropyLoss, which takes logits"
        elif lay.activation != "linear":
            lines.append(f"    {TORCH_ACT[lay.activation]},")
    return lines


def _torch_optimizer(config: dict) -> tuple[str, str]:
    """The torch.optim line and a note on how it differs from Keras's rule, if it does."""
    name, lr = config["name"], number(config.get("learning_rate", 0.001))
    if name == "sgd":
        mom = float(config.get("momentum", 0.0))
        args = f", momentum={number(mom)}" if mom else ""
        if config.get("nesterov"):
            args += ", nesterov=True"
        return f"torch.optim.SGD(model.parameters(), lr={lr}{args})", ""
    eps = number(config.get("epsilon", 1e-7))
    note = ("# Keras and graphviz-nn add epsilon {where}; PyTorch adds it {theirs}:\n"
            "# with tiny gradients the first steps differ a little.\n")
    if name == "adam":
        b1, b2 = number(config.get("beta_1", 0.9)), number(config.get("beta_2", 0.999))
        return (f"torch.optim.Adam(model.parameters(), lr={lr}, betas=({b1}, {b2}), eps={eps})",
                note.format(where="before the bias correction", theirs="after it"))
    if name == "rmsprop":
        args = f", alpha={number(config.get('rho', 0.9))}, eps={eps}"
        if float(config.get("momentum", 0.0)):
            args += f", momentum={number(config['momentum'])}"
        if config.get("centered"):
            args += ", centered=True"
        return (f"torch.optim.RMSprop(model.parameters(), lr={lr}{args})",
                note.format(where="inside the square root", theirs="outside"))
    acc = number(config.get("initial_accumulator_value", 0.1))
    return (f"torch.optim.Adagrad(model.parameters(), lr={lr}, "
            f"initial_accumulator_value={acc}, eps={eps})",
            note.format(where="inside the square root", theirs="outside"))


def torch_model_script(spec: ModelSpec, weights_file: str, made_up: bool = False,
                       has_val: bool = False) -> str:
    """The PyTorch script: ``nn.Sequential``, the weights from ``weights_file``, and a training
    loop with the same optimizer, hyper-parameters, batches and data as graphviz-nn's."""
    pt = weights_file.endswith(".pt")
    opt_line, opt_note = _torch_optimizer(spec.optimizer)
    head = script_header(
        spec.name, "the model as a PyTorch nn.Sequential, trained as graphviz-nn trains it",
        f"The weights it had and the data it trained on are in\n{weights_file} beside this "
        "script. Run it with python3 (PyTorch installed).\n\nWhen you outgrow graphviz-nn: "
        "this same script runs on a GPU (device below), and on\nmany machines with "
        "torch.distributed: wrap the model in\ntorch.nn.parallel.DistributedDataParallel and "
        "give each process its share of the\nbatches; the model and the loop stay as they are.")
    load = (f'saved = torch.load(HERE / "{weights_file}")' if pt else
            f'with np.load(HERE / "{weights_file}", allow_pickle=False) as f:\n'
            "    saved = {k: torch.from_numpy(f[k]) for k in f.files}")
    imports = ["from pathlib import Path", "", "import numpy as np", "import torch",
               "from torch import nn"]
    lines = [head + "\n".join(imports), "",
             "HERE = Path(__file__).resolve().parent",
             'device = "cuda" if torch.cuda.is_available() else "cpu"', SHOW_HELPERS, "",
             "# the weights graphviz-nn had (W as inputs x units, as in Keras) and the data it "
             "trained on",
             load + _data_note(made_up), "",
             "model = nn.Sequential(", *_torch_layers(spec), ")",
             "with torch.no_grad():          # PyTorch keeps each weight matrix as units x inputs",
             "    linears = [m for m in model if isinstance(m, nn.Linear)]",
             "    for k, layer in enumerate(linears, start=1):",
             '        layer.weight.copy_(saved[f"W{k}"].T)',
             '        layer.bias.copy_(saved[f"b{k}"])',
             "model.to(device)", "",
             f"loss_fn = {'nn.CrossEntropyLoss()' if spec.classifier else 'nn.MSELoss()'}",
             f"{opt_note}optimizer = {opt_line}",
             'x_train, y_train = saved["x"].to(device), saved["y"].to(device)']
    if has_val:
        lines.append('x_val, y_val = saved["x_val"].to(device), saved["y_val"].to(device)')
    lines += [f"batch_size, epochs, shuffle = {spec.batch_size}, {spec.epochs}, {spec.shuffle}",
              "", "for epoch in range(epochs):",
              "    model.train()",
              "    n = len(x_train)",
              "    order = torch.randperm(n, device=device) if shuffle else "
              "torch.arange(n, device=device)",
              "    total, correct = 0.0, 0",
              "    for start in range(0, n, batch_size):",
              "        idx = order[start:start + batch_size]",
              "        xb, yb = x_train[idx], y_train[idx]",
              "        optimizer.zero_grad()",
              "        out = model(xb)",
              "        loss = loss_fn(out, yb)",
              "        loss.backward()",
              "        optimizer.step()",
              "        total += loss.item() * len(idx)"]
    if spec.classifier:
        lines += ["        correct += (out.argmax(dim=1) == yb).sum().item()",
                  '    logs = f"loss {total / n:.4f}, accuracy {correct / n:.4f}"']
    else:
        lines.append('    logs = f"loss {total / n:.4f}"')
    if has_val:
        acc = (", accuracy {(out.argmax(dim=1) == y_val).float().mean().item():.4f}"
               if spec.classifier else "")
        lines += ["    model.eval()", "    with torch.no_grad():",
                  "        out = model(x_val)",
                  f'        logs += f" - val loss {{loss_fn(out, y_val).item():.4f}}{acc}"']
    lines += ['    print(f"epoch {epoch + 1}/{epochs}: {logs}")', "",
              "# the weights after training, named as graphviz-nn names them",
              "for k, layer in enumerate(linears, start=1):",
              '    show(f"W{k}", layer.weight.T)',
              '    show(f"b{k}", layer.bias)', ""]
    return "\n".join(lines)


def _keras_optimizer(config: dict) -> str:
    name = config["name"]
    cls = {"adam": "Adam", "sgd": "SGD", "rmsprop": "RMSprop", "adagrad": "Adagrad"}[name]
    keys = {"adam": ("learning_rate", "beta_1", "beta_2", "epsilon"),
            "sgd": ("learning_rate", "momentum", "nesterov"),
            "rmsprop": ("learning_rate", "rho", "momentum", "epsilon", "centered"),
            "adagrad": ("learning_rate", "initial_accumulator_value", "epsilon")}[name]
    args = []
    for k in keys:
        if k in config:
            v = config[k]
            args.append(f"{k}={v!r}" if isinstance(v, bool) else f"{k}={number(v)}")
    return f"keras.optimizers.{cls}({', '.join(args)})"


def keras_model_script(spec: ModelSpec, weights_file: str, made_up: bool = False,
                       has_val: bool = False) -> str:
    """The Keras 3 script: ``keras.Sequential`` with the weights from ``weights_file``,
    ``compile`` with the same optimizer and loss, ``fit`` on the same data."""
    layers = [f"    keras.Input(shape=({spec.input_dim},)),"]
    for lay in spec.layers:
        if lay.kind == "Dropout":
            layers.append(f"    keras.layers.Dropout({number(lay.rate)}),")
        else:
            act = "" if lay.activation == "linear" else f', activation="{lay.activation}"'
            layers.append(f"    keras.layers.Dense({lay.units}{act}),")
    names = ", ".join(f'saved["{w}{k + 1}"]' for k in range(len(spec.dense)) for w in "Wb")
    metrics = ', metrics=["accuracy"]' if spec.classifier else ""
    val = ', validation_data=(saved["x_val"], saved["y_val"])' if has_val else ""
    head = script_header(
        spec.name, "the model in Keras 3, compiled and trained as graphviz-nn trains it",
        f"The weights it had and the data it trained on are in\n{weights_file} beside this "
        "script. Run it with python3 (Keras 3 with TensorFlow, JAX or\nPyTorch as its "
        "backend).")
    return f'''{head}from pathlib import Path

import keras
import numpy as np

HERE = Path(__file__).resolve().parent
{SHOW_HELPERS}

# the weights graphviz-nn had and the data it trained on
with np.load(HERE / "{weights_file}", allow_pickle=False) as f:
    saved = dict(f){_data_note(made_up)}

model = keras.Sequential([
{chr(10).join(layers)}
], name={json.dumps(spec.name or "sequential")})
model.set_weights([{names}])
model.compile(optimizer={_keras_optimizer(spec.optimizer)},
              loss="{spec.loss}"{metrics})
model.summary()
history = model.fit(saved["x"], saved["y"], batch_size={spec.batch_size}, epochs={spec.epochs},
                    shuffle={spec.shuffle}{val}, verbose=2)

# the weights after training, named as graphviz-nn names them
for k, layer in enumerate((la for la in model.layers if la.weights), start=1):
    W, b = layer.get_weights()
    show(f"W{{k}}", W)
    show(f"b{{k}}", b)
'''


def torch_model_files(spec: ModelSpec, script: str | Path, pt: bool | None = None
                      ) -> dict[Path, bytes]:
    """The PyTorch script and its weights file (``.pt`` when torch is installed, or when
    ``pt`` says so; else ``.npz``), as ``{path: bytes}``."""
    arrays, made_up = saved_arrays(spec)
    pt = torch_available() if pt is None else pt
    wpath = weights_path(script, ".pt" if pt else ".npz")
    text = torch_model_script(spec, wpath.name, made_up, "x_val" in arrays)
    return {Path(script): text.encode("utf-8"),
            wpath: pt_bytes(arrays) if pt else npz_bytes(arrays)}


def keras_model_files(spec: ModelSpec, script: str | Path) -> dict[Path, bytes]:
    """The Keras script and its ``.npz`` of weights and data, as ``{path: bytes}``."""
    arrays, made_up = saved_arrays(spec)
    wpath = weights_path(script, ".npz")
    text = keras_model_script(spec, wpath.name, made_up, "x_val" in arrays)
    return {Path(script): text.encode("utf-8"), wpath: npz_bytes(arrays)}
