"""``graphviz-nn train``: train an MLP on a data set from the command line.

    graphviz-nn train --dataset spiral --layers 64,64 --activation relu --optimizer adam \\
        --lr 0.01 --epochs 100 --batch-size 32 [--plot curves.png] [--seed N] \\
        [--validation-split 0.2]

A progress bar per epoch goes to stderr, the final metrics to stdout. Bad arguments get one
line on stderr and exit status 2; a data file that cannot be read, or training that blows up
(NaN/inf), gets one line and status 1.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

import numpy as np

from graphviz_nn import datasets, optim
from graphviz_nn.nn import Callback, Sequential, mlp_layers, parse_layer_sizes
from graphviz_nn.nn.activations import ACTIVATIONS

DATASETS = (*datasets.PLAYGROUND, "digits", "mnist", "fashion_mnist")


class UsageError(Exception):
    """A bad command line (exit status 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: D401 - argparse's hook
        raise UsageError(message)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="graphviz-nn train", description="Train a Keras-style MLP.")
    p.add_argument("--dataset", default="spiral", choices=DATASETS)
    p.add_argument("--csv", metavar="FILE", help="train on a CSV file instead of --dataset")
    p.add_argument("--label-column", default="-1",
                   help="the CSV's label column: a name or an index (default: the last)")
    p.add_argument("--data-dir", metavar="DIR",
                   help="folder holding the MNIST / Fashion-MNIST .gz files (else: download)")
    p.add_argument("--samples", type=int, default=500, help="points of a 2-D data set")
    p.add_argument("--noise", type=float, default=0.0, help="noise of a 2-D data set (0..0.5)")
    p.add_argument("--layers", default="64,64", help="hidden layer sizes, e.g. 64,64")
    p.add_argument("--activation", default="relu", choices=[a for a in ACTIVATIONS
                                                             if a != "softmax"])
    p.add_argument("--dropout", type=float, default=0.0, help="dropout rate after each layer")
    p.add_argument("--optimizer", default="adam", choices=list(optim.OPTIMIZERS))
    p.add_argument("--lr", type=float, default=None, help="learning rate (Keras's default)")
    p.add_argument("--epochs", type=int, default=100)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--validation-split", type=float, default=0.2)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--plot", metavar="PNG", help="save loss/accuracy curves to this PNG file")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    return p


def _hidden(text: str) -> list[int]:
    try:
        return parse_layer_sizes(text)
    except ValueError as exc:
        raise UsageError(f"--layers: {exc}") from None


def _check(args) -> list[int]:
    hidden = _hidden(args.layers)
    if not 2 <= args.samples <= datasets.MAX_SAMPLES:
        raise UsageError(f"--samples must be from 2 to {datasets.MAX_SAMPLES:,}, got "
                         f"{args.samples:,}")
    if args.epochs < 1:
        raise UsageError(f"--epochs must be at least 1, got {args.epochs}")
    if args.batch_size < 1:
        raise UsageError(f"--batch-size must be at least 1, got {args.batch_size}")
    if args.lr is not None and not (math.isfinite(args.lr) and args.lr > 0):
        raise UsageError(f"--lr must be a positive number, got {args.lr}")
    if not 0.0 <= args.validation_split < 1.0:
        raise UsageError(f"--validation-split must be in [0, 1), got {args.validation_split}")
    if not 0.0 <= args.dropout < 1.0:
        raise UsageError(f"--dropout must be in [0, 1), got {args.dropout}")
    if args.plot:
        plot = Path(args.plot)
        if plot.suffix.lower() != ".png":
            raise UsageError(f"--plot writes a PNG file: give a name ending in .png, not "
                             f"{args.plot!r}")
        if not plot.resolve().parent.is_dir():
            raise UsageError(f"--plot: folder {plot.parent} does not exist")
    return hidden


def _load(args):
    if args.csv:
        label = int(args.label_column) if args.label_column.lstrip("-").isdigit() \
            else args.label_column
        return datasets.load_csv(args.csv, label)
    if args.dataset in datasets.PLAYGROUND:
        try:
            return datasets.playground(args.dataset, n=args.samples, noise=args.noise,
                                       seed=args.seed)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    if args.dataset == "digits":
        return datasets.digits()
    loader = datasets.mnist if args.dataset == "mnist" else datasets.fashion_mnist
    (x, y), _ = loader(path=args.data_dir, progress=_download_progress)
    return datasets.flatten(datasets.scale_pixels(x)), y


def _download_progress(done: int, total: int, name: str) -> None:
    mb = f"{done / 1e6:.1f} MB" + (f" of {total / 1e6:.1f} MB" if total else "")
    end = "\n" if total and done >= total else ""
    print(f"\rdownloading {name}: {mb}", end=end, file=sys.stderr, flush=True)


class ProgressBar(Callback):
    """One bar per epoch on stderr, redrawn at most ~10 times a second."""

    def __init__(self, epochs: int, stream=None) -> None:
        self.epochs, self.stream = epochs, stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.steps, self.last_draw, self.t0 = 1, 0.0, 0.0

    def on_train_begin(self, logs):
        self.steps = self.model.history.params.get("steps", 1)

    def on_epoch_begin(self, epoch, logs):
        self.t0 = time.perf_counter()

    def _bar(self, epoch: int, done: int, metrics: str) -> str:
        width = 24
        fill = int(width * done / max(self.steps, 1))
        return (f"epoch {epoch + 1}/{self.epochs} [{'#' * fill}{'.' * (width - fill)}] "
                f"{done}/{self.steps} {metrics}")

    def on_batch_end(self, step, logs):
        now = time.perf_counter()
        if self.tty and now - self.last_draw > 0.1:
            self.last_draw = now
            metrics = f"loss {logs['loss']:.4f}"
            print("\r" + self._bar(logs["epoch"], logs["batch"] + 1, metrics), end="",
                  file=self.stream, flush=True)

    def on_epoch_end(self, epoch, logs):
        metrics = " ".join(f"{k} {v:.4f}" for k, v in logs.items())
        line = self._bar(epoch, self.steps, metrics) + f" {time.perf_counter() - self.t0:.2f}s"
        print(("\r\x1b[K" if self.tty else "") + line, file=self.stream, flush=True)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = _parser().parse_args(argv)
        hidden = _check(args)
        x, y = _load(args)
    except UsageError as exc:
        print(f"graphviz-nn train: {exc}", file=sys.stderr)
        return 2
    except datasets.DatasetUnavailable as exc:
        print(f"graphviz-nn train: {exc.what}: {exc.reason}; put its files "
              f"{', '.join(exc.files)} (from {exc.sources[0]}) in a folder and pass "
              f"--data-dir FOLDER", file=sys.stderr)
        return 1
    except datasets.DatasetError as exc:
        print(f"graphviz-nn train: {exc}", file=sys.stderr)
        return 1
    # shuffle once (seeded), so --validation-split's last share is not one writer or one class
    order = np.random.default_rng(args.seed).permutation(len(x))
    x, y = x[order], y[order]
    classes = int(y.max()) + 1
    layers = mlp_layers(x.shape[1], hidden, classes, args.activation, args.dropout)
    model = Sequential(layers, seed=args.seed)
    model.compile(optim.get(args.optimizer, learning_rate=args.lr),
                  "sparse_categorical_crossentropy", ["accuracy"])
    callbacks = [] if args.quiet else [ProgressBar(args.epochs)]
    t0 = time.perf_counter()
    try:
        h = model.fit(x, y, epochs=args.epochs, batch_size=args.batch_size, verbose=0,
                      validation_split=args.validation_split or 0.0, callbacks=callbacks)
    except KeyboardInterrupt:
        print("\ngraphviz-nn train: interrupted", file=sys.stderr)
        return 130
    except ValueError as exc:
        print(f"graphviz-nn train: {exc}", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - t0
    final = {k: v[-1] for k, v in h.history.items() if v}
    if final:
        print(f"epochs {len(h.epoch)}  time {seconds:.1f}s  "
              + "  ".join(f"{k} {v:.4f}" for k, v in final.items()))
    if args.plot and h.history:
        try:
            from graphviz_nn.nn.curves import save_curves_png
            save_curves_png(h.history, args.plot)
        except OSError as exc:
            print(f"graphviz-nn train: cannot write {args.plot} ({exc.strerror or exc})",
                  file=sys.stderr)
            return 1
        print(f"curves saved to {args.plot}")
    if h.nonfinite is not None:
        print(f"graphviz-nn train: stopped at step {h.nonfinite['step']}: node "
              f"{h.nonfinite['node']!r} became NaN/inf (try a smaller --lr)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
