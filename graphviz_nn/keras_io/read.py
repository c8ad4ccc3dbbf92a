"""Reading .keras files: a Sequential of ``Dense`` and ``Dropout`` layers (an ``InputLayer``
and a first ``Flatten`` allowed) with activations graphviz-nn knows. Anything else is refused
with one :class:`KerasFileError` naming it. A damaged or hostile file cannot make the reader
allocate without bound: the archive's members, the JSON, the layer sizes and every weight array
are checked against limits before anything big is read.
"""

from __future__ import annotations

import io
import json
import math
import os
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from ..export.model_spec import ACTIVATIONS, OPTIMIZER_ARGS, Layer, ModelSpec
from ..filecheck import MAX_ELEMENTS
from ..filecheck import is_int as _int
from .format import LOSS_NAMES, OPTIMIZERS, KerasFileError, keras_names, model_name, need_h5py
from .format import need as _need

MAX_FILE_BYTES = 64 << 20         # the .keras file itself
MAX_CONFIG_BYTES = 4 << 20        # config.json and metadata.json
MAX_LAYERS = 256
MAX_UNITS = 1 << 16               # units of one Dense layer, and the input size
MAX_PARAMS = MAX_ELEMENTS // 2    # all weights together: the opened model's graph (its
                                  # weights and a batch) stays within what a graph file holds
MAX_RATIO = 200                   # a member may unpack to at most this many times its size
H5_SLACK = 1 << 20                # bytes an HDF5 file needs beyond its arrays
H5_SIGNATURE = b"\x89HDF\r\n\x1a\n"


def read_keras(path: str | os.PathLike) -> ModelSpec:
    """The model in a .keras file; KerasFileError names the file and the problem."""
    path = Path(path)
    try:
        size = path.stat().st_size
        _need(size <= MAX_FILE_BYTES, f"the file is {size / 2**20:.0f} MB; graphviz-nn opens "
              f".keras files up to {MAX_FILE_BYTES >> 20} MB")
        with open(path, "rb") as f:
            return read_keras_bytes(f)
    except OSError as exc:
        raise KerasFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    except KerasFileError as exc:
        raise KerasFileError(f"{path.name}: {exc}") from None


def read_keras_bytes(data: bytes | io.IOBase) -> ModelSpec:
    """The model in a .keras file given as bytes or an open binary file."""
    f = io.BytesIO(data) if isinstance(data, (bytes, bytearray)) else data
    try:
        with zipfile.ZipFile(f) as zf:
            config = _json_member(zf, "config.json")
            spec = parse_config(config)
            _json_member(zf, "metadata.json", required=False)
            n_params = sum(w for w in _param_counts(spec))
            limit = 4 * n_params + H5_SLACK
            raw = _member(zf, "model.weights.h5", limit)
    except zipfile.BadZipFile as exc:
        raise KerasFileError(f"not a .keras file (not a zip archive: {exc})") from None
    except (zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, ValueError) as exc:
        if isinstance(exc, KerasFileError):
            raise
        raise KerasFileError(f"the archive is damaged ({type(exc).__name__}: {exc})") from None
    spec.weights = read_weights(raw, spec)
    spec.check()
    return spec


def _info(zf: zipfile.ZipFile, name: str) -> zipfile.ZipInfo | None:
    try:
        return zf.getinfo(name)
    except KeyError:
        return None


def _member(zf: zipfile.ZipFile, name: str, limit: int, required: bool = True) -> bytes | None:
    """A member's bytes, refusing one that declares or unpacks to more than ``limit`` bytes
    or unpacks to more than ``MAX_RATIO`` times its stored size (a zip bomb)."""
    info = _info(zf, name)
    if info is None:
        _need(not required, f"not a .keras file: it has no {name}")
        return None
    _need(info.file_size <= limit, f"{name} declares {info.file_size:,} bytes, more than "
          f"the model it describes can need ({limit:,})")
    _need(info.file_size <= max(MAX_RATIO * info.compress_size, 1 << 16),
          f"{name} unpacks to {info.file_size:,} bytes from {info.compress_size:,}: refused "
          "as a zip bomb")
    with zf.open(info) as member:
        data = member.read(limit + 1)
    _need(len(data) <= limit, f"{name} unpacks to more than {limit:,} bytes")
    return data


def _json_member(zf: zipfile.ZipFile, name: str, required: bool = True) -> Any:
    raw = _member(zf, name, MAX_CONFIG_BYTES, required)
    if raw is None:
        return None
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KerasFileError(f"{name} is not valid JSON ({exc})") from None
    except RecursionError:
        raise KerasFileError(f"{name} is nested too deeply") from None


def _size(x: Any, what: str) -> int:
    _need(_int(x) and 1 <= x <= MAX_UNITS, f"{what} must be a whole number from 1 to "
          f"{MAX_UNITS}, not {x!r}")
    return x


def _input_dim(shape: Any, where: str) -> int:
    """The number of features of a (batch, ...) shape: (None, 784) or (None, 28, 28)."""
    _need(isinstance(shape, list) and 2 <= len(shape) <= 4,
          f"{where}: input shape {shape!r} is not (batch, features)")
    dims = shape[1:]
    _need(all(_int(d) and d >= 1 for d in dims), f"{where}: input shape {shape!r} has "
          "unknown or bad sizes")
    n = math.prod(dims)
    _need(n <= MAX_UNITS, f"{where}: {n:,} input features; graphviz-nn takes up to "
          f"{MAX_UNITS:,}")
    _need(len(dims) == 1 or where == "flatten", f"{where}: an input of shape "
          f"{tuple(dims)} needs a Flatten layer first")
    return n


def parse_config(config: Any) -> ModelSpec:
    """The layers, loss and optimizer of a Keras ``config.json`` (weights still empty)."""
    _need(isinstance(config, dict), "config.json must hold an object")
    cls = config.get("class_name")
    _need(cls == "Sequential", f"graphviz-nn opens Sequential models; this one is a {cls!r}")
    body = config.get("config")
    _need(isinstance(body, dict), "config.json: the model has no config")
    items = body.get("layers")
    _need(isinstance(items, list) and items, "config.json: the model has no layers")
    _need(len(items) <= MAX_LAYERS, f"config.json: {len(items)} layers; graphviz-nn opens "
          f"models of up to {MAX_LAYERS}")
    layers: list[Layer] = []
    first_shape, flatten = None, False
    seen_names: set[str] = set()
    for i, item in enumerate(items):
        _need(isinstance(item, dict) and isinstance(item.get("config"), dict),
              f"config.json: layer {i + 1} is not a layer object")
        kind, cfg = item.get("class_name"), item["config"]
        name = cfg.get("name") if isinstance(cfg.get("name"), str) else f"layer_{i + 1}"
        _need(name not in seen_names, f"config.json: two layers are named {name!r}")
        seen_names.add(name)
        if first_shape is None and not layers:
            first_shape = cfg.get("batch_shape", cfg.get("batch_input_shape"))
            if first_shape is None and isinstance(item.get("build_config"), dict):
                first_shape = item["build_config"].get("input_shape")
        if kind == "InputLayer":
            _need(not layers and not flatten, f"config.json: InputLayer {name!r} comes after "
                  "other layers")
            continue
        if kind == "Flatten":
            _need(not layers and not flatten, f"layer {name!r}: a Flatten layer is "
                  "supported only first (images flattened to one row of pixels)")
            flatten = True
            continue
        if kind == "Dense":
            layers.append(_dense(cfg, name))
        elif kind == "Dropout":
            rate = cfg.get("rate")
            _need(isinstance(rate, (int, float)) and not isinstance(rate, bool)
                  and 0 <= rate < 1, f"Dropout layer {name!r}: rate {rate!r} is not in [0, 1)")
            layers.append(Layer("Dropout", rate=float(rate), name=name))
        else:
            raise KerasFileError(f"layer {name!r} is a {kind}: graphviz-nn opens Sequential "
                                 "models of Dense and Dropout layers only")
    _need(first_shape is not None, "config.json does not say how many inputs the model takes")
    input_dim = _input_dim(first_shape, "flatten" if flatten else "the input")
    dense = [lay for lay in layers if lay.kind == "Dense"]
    _need(bool(dense), "the model has no Dense layer")
    _need(layers[-1].kind == "Dense", "a Dropout layer cannot come after the output layer")
    spec = ModelSpec(input_dim, layers, [], name=model_name(body.get("name")))
    _compile_settings(spec, config.get("compile_config"))
    _need(sum(_param_counts(spec)) <= MAX_PARAMS, f"the model has "
          f"{sum(_param_counts(spec)):,} weights; graphviz-nn opens up to {MAX_PARAMS:,}")
    return spec


def _dense(cfg: dict, name: str) -> Layer:
    units = _size(cfg.get("units"), f"Dense layer {name!r}: units")
    act = cfg.get("activation", "linear")
    if act is None:
        act = "linear"
    _need(isinstance(act, str), f"Dense layer {name!r}: a custom activation object is not "
          "supported")
    _need(act in ACTIVATIONS, f"Dense layer {name!r}: activation {act!r} is not one "
          f"graphviz-nn knows ({', '.join(ACTIVATIONS)})")
    _need(cfg.get("use_bias", True) is True, f"Dense layer {name!r} has no bias; graphviz-nn's "
          "Dense layers always have one")
    return Layer("Dense", units=units, activation=act, name=name)


def _param_counts(spec: ModelSpec) -> list[int]:
    counts, dim = [], spec.input_dim
    for lay in spec.dense:
        counts.append(dim * lay.units + lay.units)
        dim = lay.units
    return counts


def _compile_settings(spec: ModelSpec, compile_config: Any) -> None:
    """Loss and optimizer from Keras's ``compile_config`` (defaults where it has none)."""
    last = spec.dense[-1]
    spec.loss = "sparse_categorical_crossentropy" if last.activation == "softmax" else "mse"
    if not isinstance(compile_config, dict):
        return
    loss = compile_config.get("loss")
    if isinstance(loss, dict):
        loss = loss.get("class_name")
    if isinstance(loss, str) and loss in LOSS_NAMES:
        spec.loss = LOSS_NAMES[loss]
    opt = compile_config.get("optimizer")
    if isinstance(opt, dict) and opt.get("class_name") in OPTIMIZERS and \
            isinstance(opt.get("config"), dict):
        name = OPTIMIZERS[opt["class_name"]]
        config: dict[str, Any] = {"name": name}
        for key in OPTIMIZER_ARGS[name]:
            v = opt["config"].get(key)
            if isinstance(v, bool) or (isinstance(v, (int, float)) and math.isfinite(v)):
                config[key] = v
        spec.optimizer = config
    elif isinstance(opt, str) and opt.lower() in OPTIMIZERS.values():
        spec.optimizer = {"name": opt.lower(), "learning_rate": 0.001}
    if spec.loss == "sparse_categorical_crossentropy" and last.activation != "softmax":
        spec.loss = "mse"       # cross-entropy on outputs that are not probabilities: not ours


def read_weights(raw: bytes, spec: ModelSpec) -> list[np.ndarray]:
    """``[W1, b1, ...]`` from ``model.weights.h5``, each checked against the layer's shape
    before it is read."""
    h5py = need_h5py("reading")
    _need(raw[:8] == H5_SIGNATURE, "model.weights.h5 is not an HDF5 file")
    weights: list[np.ndarray] = []
    try:
        with h5py.File(io.BytesIO(raw), "r") as h5:
            dim = spec.input_dim
            # Keras files a layer's weights under its class name and place (dense, dense_1,
            # ...), not under the name in config.json
            for lay, stored in zip(spec.layers, keras_names(spec), strict=True):
                if lay.kind != "Dense":
                    continue
                for var, shape in (("0", (dim, lay.units)), ("1", (lay.units,))):
                    weights.append(_dataset(h5, stored.name, lay.name, var, shape, h5py))
                dim = lay.units
    except KerasFileError:
        raise
    except Exception as exc:  # noqa: BLE001 - h5py raises many kinds for a damaged file
        raise KerasFileError(f"model.weights.h5 is damaged ({type(exc).__name__}: "
                             f"{' '.join(str(exc).split())[:200]})") from None
    return weights


def _dataset(h5, stored: str, layer: str, var: str, shape: tuple, h5py) -> np.ndarray:
    path = f"layers/{stored}/vars/{var}"
    obj = h5.get(path)
    _need(isinstance(obj, h5py.Dataset), f"model.weights.h5 has no weights for layer "
          f"{layer!r} ({path})")
    _need(tuple(obj.shape) == shape, f"layer {layer!r}: weights of shape {tuple(obj.shape)}, "
          f"the layer needs {shape}")
    _need(obj.dtype.kind == "f" and obj.dtype.itemsize in (2, 4, 8),
          f"layer {layer!r}: weights of type {obj.dtype}, expected floats")
    arr = np.asarray(obj[()], dtype=np.float32)
    _need(arr.shape == shape, f"layer {layer!r}: weights of shape {arr.shape}")
    _need(bool(np.isfinite(arr).all()), f"layer {layer!r}: its weights are not all finite")
    return arr
