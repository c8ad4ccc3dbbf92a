"""Benchmark: forward + backward of a 784-100-10 MLP graph (batch 128, float32) against the
same maths in plain numpy, in the same run. Prints both times and their ratio (target ≤ 1.15).

    python3 tests/bench/bench_engine.py [--pairs 400]

A script, not a pytest test (its name does not start with test_).
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np

import graphviz_nn as gnn

N, D, H, C = 128, 784, 100, 10


def data(seed: int = 0):
    rng = np.random.default_rng(seed)
    x = rng.random((N, D), dtype=np.float32)
    y = rng.integers(0, C, size=N)
    w1 = (rng.standard_normal((D, H)) * 0.05).astype(np.float32)
    w2 = (rng.standard_normal((H, C)) * 0.1).astype(np.float32)
    return x, y, w1, np.zeros(H, np.float32), w2, np.zeros(C, np.float32)


def build_graph(x, y, w1, b1, w2, b2):
    g = gnn.Graph(dtype="float32")
    xi, yi = g.input("x", x), g.input("y", y)
    params = [g.param("W1", w1), g.param("b1", b1), g.param("W2", w2), g.param("b2", b2)]
    h = g.sigmoid(g.add(g.matmul(xi, params[0]), params[1]))
    logits = g.add(g.matmul(h, params[2]), params[3])
    loss = g.softmax_cross_entropy(logits, yi, name="loss")
    return g, loss, params


def numpy_step(x, y, w1, b1, w2, b2):
    """The same forward and backward, written out by hand."""
    z1 = x @ w1 + b1
    h = 1.0 / (1.0 + np.exp(-z1))
    z2 = h @ w2 + b2
    shifted = z2 - z2.max(axis=1, keepdims=True)
    logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -logp[np.arange(N), y].mean()
    dz2 = np.exp(logp)
    dz2[np.arange(N), y] -= 1.0
    dz2 /= N
    dw2, db2 = h.T @ dz2, dz2.sum(axis=0)
    dz1 = (dz2 @ w2.T) * (h * (1.0 - h))
    dw1, db1 = x.T @ dz1, dz1.sum(axis=0)
    return loss, dw1, db1, dw2, db2


def paired_times(fa, fb, pairs: int) -> tuple[list[float], list[float]]:
    """Time ``fa`` and ``fb`` back to back, alternating which goes first, ``pairs`` times."""
    ta, tb = [], []
    clock = time.perf_counter
    for k in range(pairs):
        for f, out in ((fa, ta), (fb, tb)) if k % 2 else ((fb, tb), (fa, ta)):
            t0 = clock()
            f()
            out.append(clock() - t0)
    return ta, tb


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", type=int, default=400)
    args = ap.parse_args(argv)
    arrays = data()
    g, loss, params = build_graph(*arrays)

    def graph_step():
        g.forward()
        g.backward(loss, wrt=params)

    # same numbers first: the benchmark compares equal work
    graph_step()
    ref = numpy_step(*arrays)
    assert np.allclose(loss.value, ref[0], rtol=1e-5)
    for p, r in zip(params, ref[1:], strict=True):
        assert np.allclose(p.grad, r, rtol=1e-4, atol=1e-6), p.name

    for _ in range(20):                   # warm up caches and BLAS threads
        graph_step()
        numpy_step(*arrays)
    tg, tn = paired_times(graph_step, lambda: numpy_step(*arrays), args.pairs)
    # the median of per-pair ratios shrugs off other processes better than total times do
    ratio = float(np.median(np.array(tg) / np.array(tn)))
    t_graph, t_np = float(np.median(tg)), float(np.median(tn))
    print(f"plain numpy : {t_np * 1e3:8.3f} ms per forward+backward")
    print(f"graph engine: {t_graph * 1e3:8.3f} ms per forward+backward")
    print(f"ratio       : {ratio:8.3f}x  (median of {args.pairs} paired runs; target <= 1.15x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
