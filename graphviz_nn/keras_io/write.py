"""Writing .keras files that Keras 3 opens with ``keras.models.load_model``: a zip of
``metadata.json``, ``config.json`` and ``model.weights.h5`` in Keras's own layout."""

from __future__ import annotations

import datetime
import io
import json
import os
import zipfile

import numpy as np

from ..export.model_spec import Layer, ModelSpec
from .format import KERAS_VERSION, OPTIMIZERS, keras_names, model_name, need_h5py


def _policy() -> dict:
    return {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
            "registered_name": None}


def _layer_config(lay: Layer, dim: int) -> dict:
    if lay.kind == "Dropout":
        return {"module": "keras.layers", "class_name": "Dropout", "registered_name": None,
                "config": {"name": lay.name, "trainable": True, "dtype": _policy(),
                           "rate": lay.rate, "seed": None, "noise_shape": None}}
    init = {"module": "keras.initializers", "class_name": "GlorotUniform",
            "config": {"seed": None}, "registered_name": None}
    zeros = {"module": "keras.initializers", "class_name": "Zeros", "config": {},
             "registered_name": None}
    return {"module": "keras.layers", "class_name": "Dense", "registered_name": None,
            "build_config": {"input_shape": [None, dim]},
            "config": {"name": lay.name, "trainable": True, "dtype": _policy(),
                       "units": lay.units, "activation": lay.activation, "use_bias": True,
                       "kernel_initializer": init, "bias_initializer": zeros,
                       "kernel_regularizer": None, "bias_regularizer": None,
                       "kernel_constraint": None, "bias_constraint": None}}


def model_config(spec: ModelSpec) -> dict:
    """Keras 3's ``config.json`` for ``spec`` (with its compile settings)."""
    layers = keras_names(spec)
    items = [{"module": "keras.layers", "class_name": "InputLayer", "registered_name": None,
              "config": {"batch_shape": [None, spec.input_dim], "dtype": "float32",
                         "sparse": False, "ragged": False, "name": "input_layer",
                         "optional": False}}]
    dim = spec.input_dim
    for lay in layers:
        items.append(_layer_config(lay, dim))
        dim = lay.units if lay.kind == "Dense" else dim
    opt = dict(spec.optimizer)
    name = opt.pop("name", "adam")
    cls = {v: k for k, v in OPTIMIZERS.items()}[name]
    return {"module": "keras", "class_name": "Sequential", "registered_name": None,
            "build_config": {"input_shape": [None, spec.input_dim]},
            "config": {"name": model_name(spec.name), "trainable": True, "dtype": _policy(),
                       "layers": items, "build_input_shape": [None, spec.input_dim]},
            "compile_config": {
                "optimizer": {"module": "keras.optimizers", "class_name": cls,
                              "config": {"name": name, **opt}, "registered_name": None},
                "loss": spec.loss, "loss_weights": None,
                "metrics": ["accuracy"] if spec.classifier else None,
                "weighted_metrics": None, "run_eagerly": False, "steps_per_execution": 1,
                "jit_compile": False}}


def weights_h5(spec: ModelSpec) -> bytes:
    """``model.weights.h5``: each layer's variables, Keras 3's layout."""
    h5py = need_h5py("writing")
    buf = io.BytesIO()
    with h5py.File(buf, "w") as h5:
        root = h5.create_group("layers")
        k = 0
        for lay in keras_names(spec):
            group = root.create_group(lay.name).create_group("vars")
            group.attrs["name"] = lay.name
            if lay.kind == "Dense":
                group.create_dataset("0", data=np.asarray(spec.weights[k], np.float32))
                group.create_dataset("1", data=np.asarray(spec.weights[k + 1], np.float32))
                k += 2
        opt = h5.create_group("optimizer").create_group("vars")
        opt.attrs["name"] = spec.optimizer.get("name", "adam")
        opt.create_dataset("0", data=np.int32(0))
        opt.create_dataset("1", data=np.float32(spec.optimizer.get("learning_rate", 0.001)))
        for i, slot in enumerate(_fresh_slots(spec), start=2):
            opt.create_dataset(str(i), data=slot)
        h5.create_group("vars").attrs["name"] = model_name(spec.name)
    return buf.getvalue()


def _fresh_slots(spec: ModelSpec) -> list[np.ndarray]:
    """The optimizer's state before its first step, in Keras's order (per weight, per slot),
    so that Keras loads a compiled model without a warning. Empty where Keras's order is not
    this simple (RMSprop with momentum or centered): Keras then starts them fresh itself."""
    opt = spec.optimizer
    name = opt.get("name")
    per_weight = {"adam": 2, "adagrad": 1}.get(name, 0)
    fill = float(opt.get("initial_accumulator_value", 0.1)) if name == "adagrad" else 0.0
    if name == "sgd" and float(opt.get("momentum", 0.0)) > 0:
        per_weight = 1
    if name == "rmsprop":
        plain = not float(opt.get("momentum", 0.0)) and not opt.get("centered")
        per_weight = 1 if plain else 0
    return [np.full(w.shape, fill, np.float32) for w in spec.weights for _ in range(per_weight)]


def keras_bytes(spec: ModelSpec) -> bytes:
    """The whole .keras file for ``spec``."""
    spec.check()
    meta = {"keras_version": KERAS_VERSION,
            "date_saved": datetime.datetime.now().strftime("%Y-%m-%d@%H:%M:%S")}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("metadata.json", json.dumps(meta))
        zf.writestr("config.json", json.dumps(model_config(spec)))
        zf.writestr("model.weights.h5", weights_h5(spec))
    return buf.getvalue()


def write_keras(spec: ModelSpec, path: str | os.PathLike) -> None:
    """Write ``spec`` as a .keras file, atomically; ``keras.models.load_model`` opens it."""
    from ..io import write_atomic
    write_atomic(path, keras_bytes(spec))
