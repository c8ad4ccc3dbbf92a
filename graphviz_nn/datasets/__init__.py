"""Data sets for training: TensorFlow Playground's 2-D problems, scikit-learn's digits,
MNIST / Fashion-MNIST from IDX files, any CSV; and the preprocessing of the lecture notes.

    x, y = datasets.spiral(n=500, noise=0.1, seed=0)        # x float32 (n, 2), y int64 (n,)
    (x_train, y_train), (x_test, y_test) = datasets.mnist()  # uint8 (60000, 28, 28), labels
    x_train = datasets.flatten(datasets.scale_pixels(x_train))

The 2-D generators follow playground.tensorflow.org (points in about [-6, 6]²; ``noise`` is
the fraction the playground's slider shows, 0 to 0.5); labels are 0/1 instead of -1/+1.
A file that is not what it should be gets a ``DatasetError`` naming it.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from graphviz_nn.datasets.csvfile import MAX_CLASSES, load_csv
from graphviz_nn.datasets.features import (
    FEATURES,
    MAX_SAMPLES,
    REGRESSION,
    _check,
    features,
    multi_gaussian,
    plane,
    regression,
)
from graphviz_nn.datasets.idx import (
    FASHION_MNIST_FILES,
    MNIST_FILES,
    DatasetError,
    DatasetUnavailable,
    DownloadError,
    fetch,
    read_idx,
)

__all__ = ["PLAYGROUND", "DatasetError", "DatasetUnavailable", "spiral", "xor", "circles", "moons", "gaussian",
           "playground", "digits", "mnist", "fashion_mnist", "read_idx", "load_csv",
           "MAX_CLASSES", "MAX_SAMPLES", "scale_pixels", "flatten", "one_hot", "train_val_test_split",
           "REGRESSION", "FEATURES", "plane", "multi_gaussian", "regression", "features"]

PLAYGROUND = ("spiral", "xor", "circles", "moons", "gaussian")


def _pack(points: np.ndarray, labels: np.ndarray, rng: np.random.Generator):
    order = rng.permutation(len(labels))
    return points[order].astype(np.float32), labels[order].astype(np.int64)


def spiral(n: int = 500, noise: float = 0.0, seed: int | None = 0):
    """Two interleaved spirals (the playground's hardest problem)."""
    n, noise = _check(n, noise)
    rng = np.random.default_rng(seed)
    half = [n // 2, n - n // 2]
    pts, labels = [], []
    for label, (count, delta) in enumerate(zip(half, (0.0, math.pi), strict=True)):
        i = np.arange(count)
        r = i / count * 5.0
        t = 1.75 * i / count * 2 * math.pi + delta
        xy = np.stack([r * np.sin(t), r * np.cos(t)], axis=1)
        pts.append(xy + rng.uniform(-1, 1, xy.shape) * noise)
        labels.append(np.full(count, 1 - label))
    return _pack(np.concatenate(pts), np.concatenate(labels), rng)


def xor(n: int = 500, noise: float = 0.0, seed: int | None = 0):
    """Points in four quadrants; the label is whether x·y > 0 (read after the noise)."""
    n, noise = _check(n, noise)
    rng = np.random.default_rng(seed)
    xy = rng.uniform(-5, 5, (n, 2))
    xy += np.where(xy > 0, 0.3, -0.3)                  # keep a gap along the axes
    noisy = xy + rng.uniform(-5, 5, xy.shape) * noise
    return _pack(xy, (noisy[:, 0] * noisy[:, 1] >= 0).astype(np.int64), rng)


def circles(n: int = 500, noise: float = 0.0, seed: int | None = 0):
    """A disc of one class inside a ring of the other."""
    n, noise = _check(n, noise)
    rng = np.random.default_rng(seed)
    radius, half = 5.0, n // 2
    r = np.concatenate([rng.uniform(0, radius * 0.5, half),
                        rng.uniform(radius * 0.7, radius, n - half)])
    angle = rng.uniform(0, 2 * math.pi, n)
    xy = np.stack([r * np.sin(angle), r * np.cos(angle)], axis=1)
    noisy = xy + rng.uniform(-radius, radius, xy.shape) * noise
    inside = np.hypot(noisy[:, 0], noisy[:, 1]) < radius * 0.5
    return _pack(xy, inside.astype(np.int64), rng)


def moons(n: int = 500, noise: float = 0.0, seed: int | None = 0):
    """Two interleaving half circles (scikit-learn's make_moons, scaled to the playground)."""
    n, noise = _check(n, noise)
    rng = np.random.default_rng(seed)
    a, b = n // 2, n - n // 2
    t1, t2 = np.linspace(0, math.pi, a), np.linspace(0, math.pi, b)
    xy = np.concatenate([np.stack([np.cos(t1), np.sin(t1)], 1),
                         np.stack([1 - np.cos(t2), 0.5 - np.sin(t2)], 1)])
    xy = (xy - [0.5, 0.25]) * 3.0 + rng.normal(0, 1, xy.shape) * noise * 3.0
    return _pack(xy, np.concatenate([np.zeros(a), np.ones(b)]), rng)


def gaussian(n: int = 500, noise: float = 0.0, seed: int | None = 0):
    """Two Gaussian blobs around (2, 2) and (−2, −2); noise widens them."""
    n, noise = _check(n, noise)
    rng = np.random.default_rng(seed)
    variance = 0.5 + min(noise, 0.5) / 0.5 * 3.5      # the playground's 0.5 .. 4
    half = n // 2
    centers = np.concatenate([np.tile([2.0, 2.0], (half, 1)), np.tile([-2.0, -2.0],
                                                                     (n - half, 1))])
    xy = centers + rng.normal(0, math.sqrt(variance), (n, 2))
    return _pack(xy, np.concatenate([np.ones(half), np.zeros(n - half)]), rng)


def playground(name: str, n: int = 500, noise: float = 0.0, seed: int | None = 0):
    """One of ``PLAYGROUND`` by name."""
    if name not in PLAYGROUND:
        raise ValueError(f"unknown data set {name!r}; choose one of: {', '.join(PLAYGROUND)}")
    return globals()[name](n=n, noise=noise, seed=seed)


def digits():
    """scikit-learn's 8×8 handwritten digits (1,797 images): x float32 (n, 64) scaled to
    [0, 1], y int64. Needs scikit-learn."""
    try:
        from sklearn.datasets import load_digits
    except ImportError:
        raise DatasetError("the digits data set comes with scikit-learn: "
                           "pip install scikit-learn") from None
    d = load_digits()
    return (d.data / 16.0).astype(np.float32), d.target.astype(np.int64)


def _idx_dataset(files: dict, path, cache_dir, progress, what: str):
    folder = Path(path) if path is not None else None
    names = tuple(name for name, _urls, _md5 in files.values())
    sources = tuple(dict.fromkeys(url[: -len(name)] for name, urls, _md5 in files.values()
                                  for url in urls))

    def unavailable(missing, reason: str) -> DatasetUnavailable:
        return DatasetUnavailable(what, names, sources, folder, tuple(missing), reason)

    if folder is not None and not folder.is_dir():
        raise unavailable(names, f"{folder}: no such folder")
    paths = {}
    for key, (fname, url, md5) in files.items():
        if folder is None:
            try:
                paths[key] = fetch(url, fname, md5, cache_dir, progress)
            except DownloadError as exc:
                why = exc.errors[0].split(": ", 1)[-1] if exc.errors else str(exc)
                if why.startswith("<urlopen error ") and why.endswith(">"):
                    why = why[len("<urlopen error "):-1]      # the reason, not the wrapping
                raise unavailable(names, f"could not download {fname} ({why})") from None
            continue
        f = folder / fname
        if not f.exists() and (folder / fname[:-3]).exists():
            f = folder / fname[:-3]                 # an uncompressed copy is fine too
        paths[key] = f
    if folder is not None:
        missing = [p.name for p in paths.values() if not p.exists()]
        if missing:
            which = "its files" if len(missing) == len(names) else ", ".join(missing)
            raise unavailable(missing, f"{folder} does not hold {which}")
    loaded = {key: read_idx(f) for key, f in paths.items()}
    for part in ("train", "test"):
        x, y = loaded[f"{part}_images"], loaded[f"{part}_labels"]
        if x.ndim != 3 or y.ndim != 1 or len(x) != len(y):
            raise DatasetError(f"{what}: {part} images {x.shape} and labels {y.shape} "
                               "do not match")
    return ((loaded["train_images"], loaded["train_labels"].astype(np.int64)),
            (loaded["test_images"], loaded["test_labels"].astype(np.int64)))


def mnist(path=None, cache_dir=None, progress=None):
    """MNIST as Keras's ``load_data()``: ``((x_train, y_train), (x_test, y_test))`` with
    uint8 images (n, 28, 28). From ``path`` (a folder with the four IDX .gz files) or
    downloaded once into ``cache_dir`` (default ~/.cache/graphviz-nn), checked by MD5.
    ``progress(done_bytes, total_bytes, filename)`` is called while downloading."""
    return _idx_dataset(MNIST_FILES, path, cache_dir, progress, "MNIST")


def fashion_mnist(path=None, cache_dir=None, progress=None):
    """Fashion-MNIST (the seed's clothes), same layout and arguments as :func:`mnist`."""
    return _idx_dataset(FASHION_MNIST_FILES, path, cache_dir, progress, "Fashion-MNIST")


# -- preprocessing, as in the lecture notes --------------------------------------------------
def scale_pixels(x, scale: float = 255.0) -> np.ndarray:
    """Pixels 0..255 to 0..1 as float32 (the notes: "divide by 255")."""
    return np.asarray(x, dtype=np.float32) / np.float32(scale)   # already float32


def flatten(x) -> np.ndarray:
    """(n, 28, 28) images to (n, 784) rows."""
    x = np.asarray(x)
    return x.reshape(len(x), -1)


def one_hot(y, num_classes: int | None = None) -> np.ndarray:
    """Integer labels to one-hot rows (float32), e.g. 2 -> [0, 0, 1, 0, ...]."""
    y = np.asarray(y)
    if y.ndim != 1 or y.dtype.kind not in "iu":
        raise ValueError(f"one_hot needs a 1-D array of integer labels, got {y.dtype} "
                         f"{y.shape}")
    k = int(y.max()) + 1 if num_classes is None else int(num_classes)
    if len(y) and (y.min() < 0 or y.max() >= k):
        raise ValueError(f"labels must be between 0 and {k - 1}")
    out = np.zeros((len(y), k), dtype=np.float32)
    out[np.arange(len(y)), y] = 1.0
    return out


def train_val_test_split(x, y, val: float = 0.2, test: float = 0.0, seed: int | None = 0,
                         shuffle: bool = True):
    """Split into ``(x_train, y_train), (x_val, y_val), (x_test, y_test)`` by fractions
    (shuffled first with ``seed``)."""
    x, y = np.asarray(x), np.asarray(y)
    if len(x) != len(y):
        raise ValueError(f"x has {len(x)} samples but y has {len(y)}")
    if val < 0 or test < 0 or val + test >= 1:
        raise ValueError(f"val and test must be fractions with val + test < 1, got "
                         f"{val} and {test}")
    order = np.random.default_rng(seed).permutation(len(x)) if shuffle else np.arange(len(x))
    n_test, n_val = int(round(len(x) * test)), int(round(len(x) * val))
    te, va, tr = order[:n_test], order[n_test:n_test + n_val], order[n_test + n_val:]
    return (x[tr], y[tr]), (x[va], y[va]), (x[te], y[te])
