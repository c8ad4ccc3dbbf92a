"""TensorFlow Playground's regression problems and its input features.

Regression (the target is a number in [−1, 1], as the playground colours it):

- ``plane``: the target rises linearly along x1 + x2 (from −1 at (−6, −6)-ish to +1);
- ``multi_gaussian``: six bumps, alternately positive and negative, in two rows of three;
  each point takes the bump it is most strongly inside.

``noise`` (0 to 0.5) moves the point the target is read at, as the playground does.

Features: a 2-D input (x1, x2) can be widened to any of ``FEATURES`` (x1, x2, x1², x2², x1·x2,
sin(x1), sin(x2)): ``features(xy, ["x1", "x2", "x1*x2"])`` gives the (n, 3) columns the
model's first layer then takes.
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["MAX_SAMPLES", "REGRESSION", "FEATURES", "plane", "multi_gaussian", "features", "regression"]

REGRESSION = ("plane", "multi_gaussian")
MAX_SAMPLES = 1_000_000     # a generated set beyond this is a typo, not a lesson (8 MB of x)
RADIUS = 6.0

FEATURES = {
    "x1": lambda a, b: a,
    "x2": lambda a, b: b,
    "x1^2": lambda a, b: a * a,
    "x2^2": lambda a, b: b * b,
    "x1*x2": lambda a, b: a * b,
    "sin(x1)": lambda a, b: np.sin(a),
    "sin(x2)": lambda a, b: np.sin(b),
}

# the six bumps of multi_gaussian: centre and sign
BUMPS = ((-4.0, 2.5, 1.0), (0.0, 2.5, -1.0), (4.0, 2.5, 1.0),
         (-4.0, -2.5, -1.0), (0.0, -2.5, 1.0), (4.0, -2.5, -1.0))


def _check(n, noise) -> tuple[int, float]:
    """``(n, noise)`` checked for every generated data set (ValueError saying what is wrong)."""
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 2 <= n <= MAX_SAMPLES:
        raise ValueError(f"n must be a whole number of samples from 2 to {MAX_SAMPLES:,}, "
                         f"got {n!r}")
    noise = float(noise)
    if math.isnan(noise) or not 0.0 <= noise <= 1.0:
        raise ValueError(f"noise must be between 0 and 1, got {noise!r}")
    return int(n), noise


def plane(n: int = 500, noise: float = 0.0, seed: int | None = 0):
    """x float32 (n, 2) in [−6, 6]², y float32 (n,): (x1 + x2) / 10 read at a noisy point,
    clipped to [−1, 1]."""
    n, noise = _check(n, noise)
    rng = np.random.default_rng(seed)
    xy = rng.uniform(-RADIUS, RADIUS, (n, 2))
    at = xy + rng.uniform(-RADIUS, RADIUS, xy.shape) * noise
    y = np.clip((at[:, 0] + at[:, 1]) / 10.0, -1.0, 1.0)
    return xy.astype(np.float32), y.astype(np.float32)


def _bump_target(at: np.ndarray) -> np.ndarray:
    """Per point, the signed strength of the bump it is most inside: 1 at a centre, falling
    linearly to 0 at distance 2."""
    best = np.zeros(len(at))
    for cx, cy, sign in BUMPS:
        strength = np.clip(1.0 - np.hypot(at[:, 0] - cx, at[:, 1] - cy) / 2.0, 0.0, 1.0)
        take = strength > np.abs(best)
        best[take] = sign * strength[take]
    return best


def multi_gaussian(n: int = 500, noise: float = 0.0, seed: int | None = 0):
    """x float32 (n, 2) in [−6, 6]², y float32 (n,) in [−1, 1]: six bumps of alternating sign."""
    n, noise = _check(n, noise)
    rng = np.random.default_rng(seed)
    xy = rng.uniform(-RADIUS, RADIUS, (n, 2))
    at = xy + rng.uniform(-RADIUS, RADIUS, xy.shape) * noise
    return xy.astype(np.float32), _bump_target(at).astype(np.float32)


def regression(name: str, n: int = 500, noise: float = 0.0, seed: int | None = 0):
    """One of ``REGRESSION`` by name."""
    makers = {"plane": plane, "multi_gaussian": multi_gaussian}
    if name not in makers:
        raise ValueError(f"unknown regression data set {name!r}; choose one of: "
                         f"{', '.join(REGRESSION)}")
    return makers[name](n=n, noise=noise, seed=seed)


def features(xy, names) -> np.ndarray:
    """The chosen feature columns of 2-D points ``xy`` (n, 2), in the order of ``names``."""
    xy = np.asarray(xy)
    if xy.ndim != 2 or xy.shape[1] != 2:
        raise ValueError(f"features take 2-D points of shape (n, 2), got {xy.shape}")
    names = list(names)
    if not names:
        raise ValueError("choose at least one input feature")
    unknown = [f for f in names if f not in FEATURES]
    if unknown:
        raise ValueError(f"unknown feature {unknown[0]!r}; choose from {', '.join(FEATURES)}")
    if len(set(names)) != len(names):
        raise ValueError("each feature can be chosen once")
    a = xy[:, 0].astype(np.float32)
    b = xy[:, 1].astype(np.float32)
    return np.stack([FEATURES[f](a, b) for f in names], axis=1).astype(np.float32)
