"""What every unit of an MLP computes over the input plane, as numbers and as pictures.

The network diagram (``ui/train/network_view.py``) draws each input feature, hidden unit and
output unit as a small square heatmap of its value on a grid over the data's 2-D range. One
batched forward pass over the grid's points gives every unit's map at once (plain numpy, from a
weight snapshot: never the model the trainer is using). No Qt here.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ui.train import inference
from ui.train.inference import activate

MAP_GRID = 50       # points along each side of a unit's map
RAW = ("x1", "x2")  # the plane's own coordinates: the inputs when no features are chosen

# TensorFlow Playground's colours: blue for positive, orange for negative, white for 0
POSITIVE = np.array((8, 119, 189), np.float32)
NEGATIVE = np.array((245, 147, 34), np.float32)
NEUTRAL = np.array((255, 255, 255), np.float32)
NOT_A_NUMBER = np.array((150, 150, 150), np.float32)


def grid_points(bounds: tuple[float, float, float, float], n: int = MAP_GRID) -> np.ndarray:
    """The ``n``×``n`` grid over ``(xmin, xmax, ymin, ymax)`` as ``(n*n, 2)`` float32 points,
    x along the first grid axis (``inference.grid_points``: the boundary view's grid too)."""
    return inference.grid_points(bounds, n)


def input_columns(points: np.ndarray, features: Sequence[str] | None) -> np.ndarray:
    """The model's input columns at ``points`` (n, 2): the points themselves, or the chosen
    features of them (``inference.model_inputs``: the columns the run trained on)."""
    if not features or tuple(features) == RAW:
        return np.asarray(points, np.float32)
    return inference.model_inputs(points, features)


def unit_values(weights: Sequence[np.ndarray], activations: Sequence[str | None],
                bounds: tuple[float, float, float, float], n: int = MAP_GRID,
                features: Sequence[str] | None = None) -> list[np.ndarray]:
    """Every unit's value on the grid: ``[inputs, layer 1, ..., output]``, each an array
    ``(units, n, n)`` indexed ``[unit, ix, iy]``. ``weights`` are ``[W1, b1, W2, b2, ...]``
    (Keras shapes), ``activations`` one per Dense layer (the output's softmax included)."""
    if len(weights) != 2 * len(activations):
        raise ValueError(f"{len(weights)} weight arrays for {len(activations)} Dense layers")
    h = input_columns(grid_points(bounds, n), features)
    out = [h]
    for i, act in enumerate(activations):
        w = np.asarray(weights[2 * i], np.float32)
        b = np.asarray(weights[2 * i + 1], np.float32)
        with np.errstate(over="ignore", invalid="ignore"):
            z = h @ w
            z += b.reshape(1, -1)
        h = activate(z, act)
        out.append(h)
    return [np.ascontiguousarray(a.T).reshape(a.shape[1], n, n) for a in out]


LEVELS = 256      # colour steps of a map


def _packed(rgb: np.ndarray) -> np.ndarray:
    """RGB floats (..., 3) as uint32 0xffRRGGBB."""
    c = np.clip(rgb + 0.5, 0, 255).astype(np.uint32)
    return 0xFF000000 | (c[..., 0] << 16) | (c[..., 1] << 8) | c[..., 2]


def _ramp(toward: np.ndarray) -> np.ndarray:
    """LEVELS colours from NEUTRAL to ``toward`` (float RGB)."""
    t = np.linspace(0.0, 1.0, LEVELS, dtype=np.float32)[:, None]
    return NEUTRAL + t * (toward - NEUTRAL)


# diverging: index 0 full orange, LEVELS - 1 full blue, white between; one more for NaN
_T = np.linspace(-1.0, 1.0, LEVELS, dtype=np.float32)[:, None]
DIVERGING = _packed(np.concatenate([
    np.where(_T < 0, NEUTRAL - _T * (NEGATIVE - NEUTRAL), NEUTRAL + _T * (POSITIVE - NEUTRAL)),
    NOT_A_NUMBER[None]]))
NAN_INDEX = len(DIVERGING) - 1


def diverging(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each unit's values ``(units, ...)`` as uint32 0xffRRGGBB pixels on the unit's own
    symmetric scale (orange below 0, blue above, white at 0, full colour at the unit's largest
    magnitude; grey where not a number), and that magnitude per unit."""
    values = np.asarray(values, np.float32)
    finite = np.isfinite(values)
    clean = values if finite.all() else np.where(finite, values, np.float32(0))
    flat = np.abs(clean).reshape(len(values), -1)
    mag = flat.max(axis=1) if flat.size else np.zeros(len(values), np.float32)
    half = (LEVELS - 1) / 2
    scale = (half / np.where(mag > 0, mag, 1)).astype(np.float32)
    t = clean * scale.reshape((-1,) + (1,) * (values.ndim - 1))
    t += np.float32(half + 0.5)
    np.clip(t, 0, LEVELS - 1, out=t)
    idx = t.astype(np.uint16)
    if not finite.all():
        idx[~finite] = NAN_INDEX
    return DIVERGING.take(idx), mag


def probability(values: np.ndarray, colors: np.ndarray) -> np.ndarray:
    """Class probabilities ``(classes, ...)`` as uint32 pixels: white at 0, the class's colour
    (``colors``, one RGB row per class) at 1, grey where not a number."""
    finite = np.isfinite(values)
    idx = np.rint(np.clip(np.where(finite, values, 0.0), 0, 1) * (LEVELS - 1)).astype(np.intp)
    out = np.empty(values.shape, np.uint32)
    for k in range(len(values)):
        out[k] = _packed(_ramp(np.asarray(colors[k], np.float32)))[idx[k]]
    out[~finite] = DIVERGING[NAN_INDEX]
    return out


def to_image_rows(pixels: np.ndarray) -> np.ndarray:
    """Units' maps of uint32 pixels ``(units, n, n)`` indexed ``[unit, ix, iy]`` as one strip
    ``(n, units * n)``: row 0 at the top (largest y), each unit's square beside the one before
    (a QImage in Format_RGB32 over these bytes)."""
    units, n = pixels.shape[0], pixels.shape[1]
    rows = pixels[:, :, ::-1].transpose(2, 0, 1)                             # [row, u, ix]
    return np.ascontiguousarray(rows.reshape(n, units * n))
