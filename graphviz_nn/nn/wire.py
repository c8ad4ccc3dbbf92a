"""Messages between two processes, and a ``Sequential`` model's whole state as one message.

A message is a JSON header plus numpy arrays sent as raw bytes (no pickle: what arrives is only
ever numbers and plain JSON). On the wire: 4 bytes header length (big-endian), the UTF-8 JSON
header, whose ``"arrays"`` lists each array's dtype and shape, then each array's bytes.

``model_state`` / ``model_from_state`` / ``load_state`` carry everything that training changes
or needs: the layers, the weights, the optimizer with its moments and step count, the loss and
metric, and the states of the shuffling and dropout random generators, so a model trained in
another process continues exactly as if it had been trained here.
"""

from __future__ import annotations

import json
import struct
from typing import BinaryIO

import numpy as np

from graphviz_nn import optim
from graphviz_nn.nn.layers import Dense, Dropout

__all__ = ["send", "recv", "model_state", "model_from_state", "load_state", "WireError"]

_LEN = struct.Struct(">I")
MAX_HEADER = 64 << 20
DTYPES = {"float32", "float64", "int64", "int32", "uint8", "bool"}


class WireError(ValueError):
    """A message that is cut short or not in this format."""


def send(fh: BinaryIO, header: dict, arrays: list[np.ndarray] | tuple = ()) -> None:
    """Write one message (``header`` must be JSON-able; arrays of the dtypes in ``DTYPES``)."""
    arrays = [np.require(np.asarray(a), requirements="C") for a in arrays]   # 0-d stays 0-d
    for a in arrays:
        if a.dtype.name not in DTYPES:
            raise WireError(f"cannot send an array of dtype {a.dtype}")
    head = dict(header)
    head["arrays"] = [[a.dtype.name, list(a.shape)] for a in arrays]
    raw = json.dumps(head, separators=(",", ":")).encode()
    fh.write(_LEN.pack(len(raw)) + raw)
    for a in arrays:
        if a.nbytes:
            fh.write(memoryview(a).cast("B"))
    fh.flush()


def _read_exact(fh: BinaryIO, n: int) -> bytearray | None:
    buf = bytearray(n)
    view, got = memoryview(buf), 0
    while got < n:
        k = fh.readinto(view[got:])
        if not k:
            if got == 0:
                return None
            raise WireError(f"message cut short: {got} of {n} bytes")
        got += k
    return buf


def recv(fh: BinaryIO) -> tuple[dict, list[np.ndarray]] | None:
    """Read one message: ``(header, arrays)``, or None at the end of the stream."""
    size = _read_exact(fh, _LEN.size)
    if size is None:
        return None
    (n,) = _LEN.unpack(size)
    if n > MAX_HEADER:
        raise WireError(f"message header of {n} bytes: not a graphviz-nn message")
    raw = _read_exact(fh, n)
    if raw is None:
        raise WireError("message cut short after its length")
    try:
        head = json.loads(raw.decode())
        specs = head.pop("arrays")
    except (ValueError, KeyError, AttributeError) as exc:
        raise WireError(f"bad message header: {exc}") from None
    arrays = []
    for dtype, shape in specs:
        if dtype not in DTYPES:
            raise WireError(f"bad array dtype {dtype!r}")
        dt = np.dtype(dtype)
        count = int(np.prod(shape, dtype=np.int64))
        data = _read_exact(fh, count * dt.itemsize) if count else bytearray()
        if data is None:
            raise WireError("message cut short before its arrays")
        arrays.append(np.frombuffer(data, dtype=dt, count=count).reshape(tuple(shape)))
    return head, arrays


# -- a Sequential model's state ----------------------------------------------------------------
def _reg(regularizer) -> dict | None:
    return None if regularizer is None else regularizer.get_config()


def _layer_spec(layer) -> dict:
    if isinstance(layer, Dense):
        return {"kind": "Dense", "name": layer.name, "units": layer.units,
                "activation": layer.activation.name,
                "kernel_regularizer": _reg(layer.kernel_regularizer),
                "bias_regularizer": _reg(layer.bias_regularizer)}
    if isinstance(layer, Dropout):
        return {"kind": "Dropout", "name": layer.name, "rate": layer.rate}
    raise WireError(f"cannot send layer {layer!r}")


def model_state(model) -> tuple[dict, list[np.ndarray]]:
    """The state of a compiled, built ``Sequential``: (JSON-able spec, arrays)."""
    opt = model.optimizer
    if opt is None or model.loss is None or not model.built:
        raise WireError("only a compiled model with an input size can be sent")
    weights = model.get_weights()
    slot_keys, slots = [], []
    for s in opt._slots or []:
        keys = sorted(k for k in s if k != "tmp")   # "tmp" is scratch, made again on arrival
        slot_keys.append(keys)
        slots.extend(s[k] for k in keys)
    spec = {
        "name": model.name, "input_dim": model.input_dim,
        "layers": [_layer_spec(lay) for lay in model.layers],
        "loss": model.loss, "metrics": list(model.metrics),
        "optimizer": opt.get_config(), "iterations": opt.iterations,
        "slot_keys": slot_keys if opt._slots is not None else None,
        "n_weights": len(weights),
        "rng": {"shuffle": model._shuffle_rng.bit_generator.state,
                "drop": model._drop_rng.bit_generator.state},
    }
    return spec, weights + slots


def _optimizer(config: dict) -> optim.Optimizer:
    config = dict(config)
    name = str(config.pop("name", "")).lower()
    if name not in optim.OPTIMIZERS:
        raise WireError(f"unknown optimizer {name!r}")
    return optim.OPTIMIZERS[name](**config)


def model_from_state(spec: dict, arrays: list[np.ndarray]):
    """A new ``Sequential`` with the state ``model_state`` gave."""
    from graphviz_nn.nn.model import Sequential

    layers = []
    for ls in spec["layers"]:
        if ls["kind"] == "Dense":
            layers.append(Dense(ls["units"], activation=ls["activation"], name=ls["name"],
                                kernel_regularizer=ls.get("kernel_regularizer"),
                                bias_regularizer=ls.get("bias_regularizer")))
        else:
            layers.append(Dropout(ls["rate"], name=ls["name"]))
    model = Sequential(layers, name=spec["name"])
    model.build((spec["input_dim"],))
    model.compile(optimizer=_optimizer(spec["optimizer"]), loss=spec["loss"],
                  metrics=spec["metrics"] or None)
    load_state(model, spec, arrays)
    return model


def load_state(model, spec: dict, arrays: list[np.ndarray]) -> None:
    """Write a state into an existing model of the same layers: weights in place (a graph
    that shows them sees the change), the optimizer's step count and moments, the generators."""
    n = spec["n_weights"]
    model.set_weights(arrays[:n])
    opt = model.optimizer
    if opt.get_config() != spec["optimizer"]:
        model.optimizer = opt = _optimizer(spec["optimizer"])
    opt.iterations = int(spec["iterations"])
    keys = spec["slot_keys"]
    if keys is None:
        opt._slots = None
    else:
        rest, slots = iter(arrays[n:]), []
        for p, names in zip(arrays[:n], keys, strict=True):     # one slot set per weight
            s = {"tmp": np.empty_like(p)}
            for k in names:
                s[k] = np.array(next(rest), dtype=p.dtype)
            slots.append(s)
        opt._slots = slots
    model._shuffle_rng.bit_generator.state = spec["rng"]["shuffle"]
    model._drop_rng.bit_generator.state = spec["rng"]["drop"]
