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
import math
import struct
from typing import BinaryIO

import numpy as np

from graphviz_nn import optim
from graphviz_nn.nn.layers import Dense, Dropout

__all__ = ["send", "recv", "model_state", "model_from_state", "load_state", "state_len",
           "WireError"]

_LEN = struct.Struct(">I")
MAX_HEADER = 64 << 20
MAX_ARRAYS = 4 << 30        # bytes of arrays in one message (MNIST as float32: 0.2 GB)
MAX_NDIM = 32
_CHUNK = 1 << 20
DTYPES = {"float32", "float64", "int64", "int32", "uint8", "bool"}
_NAMES = {np.dtype(name): name for name in DTYPES}   # dtype.name is slow (~10 µs a call)


class WireError(ValueError):
    """A message that is cut short or not in this format."""


def send(fh: BinaryIO, header: dict, arrays: list[np.ndarray] | tuple = ()) -> None:
    """Write one message (``header`` must be JSON-able; arrays of the dtypes in ``DTYPES``)."""
    arrays = [np.require(np.asarray(a), requirements="C") for a in arrays]   # 0-d stays 0-d
    names = [_NAMES.get(a.dtype) for a in arrays]
    for a, name in zip(arrays, names, strict=True):
        if name is None:
            raise WireError(f"cannot send an array of dtype {a.dtype}")
    head = dict(header)
    head["arrays"] = [[name, list(a.shape)] for a, name in zip(arrays, names, strict=True)]
    raw = json.dumps(head, separators=(",", ":")).encode()
    fh.write(_LEN.pack(len(raw)) + raw)
    for a in arrays:
        if a.nbytes:
            fh.write(memoryview(a).cast("B"))
    fh.flush()


def _read_exact(fh: BinaryIO, n: int) -> bytearray | None:
    """``n`` bytes, or None at the end of the stream before the first one. Memory grows with
    the bytes that arrive (a chunk at most as big as what came before), never with ``n``
    alone: a header that declares 500 MB and sends 50 bytes costs about 1 MB."""
    buf = bytearray(min(n, _CHUNK))
    got = 0
    while got < n:
        if got == len(buf):                       # full: grow by what is there (doubling)
            buf.extend(bytes(min(len(buf), n - len(buf))))
        k = fh.readinto(memoryview(buf)[got:])
        if not k:
            if got == 0:
                return None
            raise WireError(f"message cut short: {got:,} of {n:,} bytes")
        got += k
    return buf


def _header(raw: bytearray) -> tuple[dict, list[tuple[np.dtype, tuple[int, ...], int]]]:
    """The JSON header and its checked array specs ``(dtype, shape, nbytes)``."""
    try:
        head = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as exc:       # UnicodeDecodeError is a ValueError
        raise WireError(f"bad message header: {exc}") from None
    if not isinstance(head, dict):
        raise WireError(f"bad message header: a JSON {type(head).__name__}, not an object")
    specs = head.pop("arrays", None)
    if not isinstance(specs, list):
        raise WireError("bad message header: no list of arrays")
    out, total = [], 0
    for i, spec in enumerate(specs):
        if not (isinstance(spec, list) and len(spec) == 2 and isinstance(spec[1], list)):
            raise WireError(f"bad array {i}: expected [dtype, shape], got {spec!r:.80}")
        dtype, shape = spec
        if not isinstance(dtype, str) or dtype not in DTYPES:
            raise WireError(f"bad array dtype {dtype!r:.40}")
        if len(shape) > MAX_NDIM or not all(
                isinstance(d, int) and not isinstance(d, bool) and d >= 0 for d in shape):
            raise WireError(f"bad array {i} shape {shape!r:.80}: up to {MAX_NDIM} "
                            f"non-negative integers")
        dt = np.dtype(dtype)
        nbytes = math.prod(shape) * dt.itemsize          # exact: Python integers
        total += nbytes
        if total > MAX_ARRAYS:
            raise WireError(f"message declares more than {MAX_ARRAYS:,} bytes of arrays")
        out.append((dt, tuple(shape), nbytes))
    return head, out


def recv(fh: BinaryIO) -> tuple[dict, list[np.ndarray]] | None:
    """Read one message: ``(header, arrays)``, or None at the end of the stream. Anything
    that is not a well-formed message raises WireError (and nothing else); memory is
    bounded by the bytes that really arrive."""
    size = _read_exact(fh, _LEN.size)
    if size is None:
        return None
    (n,) = _LEN.unpack(size)
    if n > MAX_HEADER:
        raise WireError(f"message header of {n:,} bytes: not a graphviz-nn message")
    raw = _read_exact(fh, n)
    if raw is None:
        raise WireError("message cut short after its length")
    head, specs = _header(raw)
    arrays = []
    for dt, shape, nbytes in specs:
        data = _read_exact(fh, nbytes) if nbytes else bytearray()
        if data is None:
            raise WireError("message cut short before its arrays")
        arrays.append(np.frombuffer(data, dtype=dt, count=nbytes // dt.itemsize)
                      .reshape(shape))
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


def _int(x, low: int = 0) -> bool:
    return isinstance(x, int) and not isinstance(x, bool) and x >= low


def _shapes(spec: dict) -> list[tuple[int, ...]]:
    """The weight shapes a state's layers need, checked before anything is built: a state
    cannot make the receiver allocate weights its arrays do not carry."""
    if not isinstance(spec, dict) or not isinstance(spec.get("layers"), list):
        raise WireError("bad model state: no list of layers")
    dim = spec.get("input_dim")
    if not _int(dim, 1):
        raise WireError(f"bad model state: input size {dim!r:.40}")
    shapes = []
    for i, ls in enumerate(spec["layers"]):
        kind = ls.get("kind") if isinstance(ls, dict) else None
        if kind == "Dense":
            if not _int(ls.get("units"), 1):
                raise WireError(f"bad model state: layer {i} units {ls.get('units')!r:.40}")
            shapes += [(dim, ls["units"]), (ls["units"],)]
            dim = ls["units"]
        elif kind != "Dropout":
            raise WireError(f"bad model state: layer {i} is {kind!r:.40}")
    return shapes


def state_len(spec) -> int:
    """How many arrays a model state of ``spec`` has (WireError for a spec that cannot say)."""
    n = spec.get("n_weights") if isinstance(spec, dict) else None
    keys = spec.get("slot_keys") if isinstance(spec, dict) else None
    if not _int(n) or not (keys is None or isinstance(keys, list)
                           and all(isinstance(k, list) for k in keys)):
        raise WireError("bad model state: its number of arrays")
    return n + sum(len(k) for k in keys or ())


def check_state(spec: dict, arrays: list[np.ndarray]) -> None:
    """WireError unless ``arrays`` are exactly the weights (and optimizer moments) ``spec``
    describes, in number and shape."""
    shapes = _shapes(spec)
    if spec.get("n_weights") != len(shapes) or len(arrays) < len(shapes):
        raise WireError(f"bad model state: {len(shapes)} weights expected, "
                        f"{spec.get('n_weights')!r:.20} declared, {len(arrays)} arrays sent")
    for i, (a, shape) in enumerate(zip(arrays, shapes, strict=False)):
        if a.shape != shape:
            raise WireError(f"bad model state: weight {i} has shape {a.shape}, its layer "
                            f"needs {shape}")
    keys = spec.get("slot_keys")
    if keys is None:
        moments = 0
    elif isinstance(keys, list) and len(keys) == len(shapes) and all(
            isinstance(k, list) and all(isinstance(n, str) for n in k) for k in keys):
        moments = sum(len(k) for k in keys)
        rest = iter(arrays[len(shapes):])
        for shape, names in zip(shapes, keys, strict=True):
            for _ in names:
                a = next(rest, None)
                if a is not None and a.shape != shape:
                    raise WireError(f"bad model state: a moment has shape {a.shape}, its "
                                    f"weight {shape}")
    else:
        raise WireError("bad model state: optimizer moments do not match the weights")
    if len(arrays) != len(shapes) + moments:
        raise WireError(f"bad model state: {len(shapes) + moments} arrays expected, "
                        f"{len(arrays)} sent")


def model_from_state(spec: dict, arrays: list[np.ndarray]):
    """A new ``Sequential`` with the state ``model_state`` gave (WireError if it is not one)."""
    check_state(spec, arrays)
    try:
        return _model_from_state(spec, arrays)
    except WireError:
        raise
    except (KeyError, TypeError, ValueError, IndexError, AttributeError,
            OverflowError) as exc:
        raise WireError(f"bad model state: {type(exc).__name__}: {exc}") from None


def _model_from_state(spec: dict, arrays: list[np.ndarray]):
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
    that shows them sees the change), the optimizer's step count and moments, the generators.
    WireError, and the model unchanged, if the state is not one for this model."""
    check_state(spec, arrays)
    n = spec["n_weights"]
    try:                         # everything checked before anything changes
        rngs = ((model._shuffle_rng, spec["rng"]["shuffle"]), (model._drop_rng,
                                                               spec["rng"]["drop"]))
        for rng, state in rngs:
            type(rng.bit_generator)().state = state
        fresh = _optimizer(spec["optimizer"])
        iterations = int(spec["iterations"])
        model.set_weights(arrays[:n])                  # checks every shape, then copies
    except WireError:
        raise
    except (KeyError, TypeError, ValueError, IndexError, AttributeError,
            OverflowError) as exc:
        raise WireError(f"bad model state: {type(exc).__name__}: {exc}") from None
    opt = model.optimizer
    if opt.get_config() != spec["optimizer"]:
        model.optimizer = opt = fresh
    opt.iterations = iterations
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
    for rng, state in rngs:
        rng.bit_generator.state = state
