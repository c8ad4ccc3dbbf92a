"""Speed of training: one epoch of a 784-100-10 ReLU MLP, SGD, batch 128, on 60,000
MNIST-shaped float32 samples, three ways:

  fit     graphviz_nn's ``model.fit`` (the compiled plan behind the Keras API)
  numpy   the same maths hand-fused in plain numpy (gather, forward, fused softmax + CE,
          backward without dx, in-place SGD), the floor for any numpy implementation
  torch   PyTorch on the CPU, when it is installed

Prints seconds per epoch (best of ``--repeat``) and the ratios. Run:
``python3 tests/bench/bench_train.py [--repeat 5]``. Target: fit <= 1.15x numpy.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

N, D, H, K, BATCH, LR = 60_000, 784, 100, 10, 128, 0.01


def data(seed: int = 0):
    rng = np.random.default_rng(seed)
    return rng.random((N, D), dtype=np.float32), rng.integers(0, K, N)


def glorot(rng, fan_in, fan_out):
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, (fan_in, fan_out)).astype(np.float32)


def bench_fit(x, y) -> float:
    from graphviz_nn.nn import Dense, Sequential
    from graphviz_nn.optim import SGD
    model = Sequential([Dense(H, activation="relu", input_shape=(D,)),
                        Dense(K, activation="softmax")], seed=0)
    model.compile(SGD(learning_rate=LR), "sparse_categorical_crossentropy", ["accuracy"])
    model.fit(x[:BATCH * 4], y[:BATCH * 4], batch_size=BATCH, epochs=1, verbose=0)  # warm-up
    t = time.perf_counter()
    model.fit(x, y, batch_size=BATCH, epochs=1, verbose=0)
    return time.perf_counter() - t


def bench_numpy(x, y) -> float:
    rng = np.random.default_rng(0)
    W1, b1 = glorot(rng, D, H), np.zeros(H, np.float32)
    W2, b2 = glorot(rng, H, K), np.zeros(K, np.float32)
    xb, yb = np.empty((BATCH, D), np.float32), np.empty(BATCH, np.int64)
    h, z = np.empty((BATCH, H), np.float32), np.empty((BATCH, K), np.float32)
    dh, mask = np.empty((BATCH, H), np.float32), np.empty((BATCH, H), np.float32)
    dW1, db1 = np.empty_like(W1), np.empty_like(b1)
    dW2, db2 = np.empty_like(W2), np.empty_like(b2)
    rows = np.arange(BATCH)
    t = time.perf_counter()
    order = rng.permutation(N)
    total = 0.0
    for start in range(0, N, BATCH):
        idx = order[start:start + BATCH]
        n = len(idx)
        xv, yv = np.take(x, idx, axis=0, out=xb[:n]), np.take(y, idx, out=yb[:n])
        hv, zv, dhv, mv = h[:n], z[:n], dh[:n], mask[:n]
        np.matmul(xv, W1, out=hv)
        hv += b1
        np.maximum(hv, 0, out=hv)
        np.matmul(hv, W2, out=zv)
        zv += b2
        zv -= zv.max(axis=1, keepdims=True)
        picked = zv[rows[:n], yv].sum()
        np.exp(zv, out=zv)
        s = zv.sum(axis=1, keepdims=True)
        total += float(np.log(s).sum() - picked)
        zv /= s
        zv[rows[:n], yv] -= 1
        zv *= 1.0 / n
        np.matmul(hv.T, zv, out=dW2)
        np.sum(zv, axis=0, out=db2)
        np.matmul(zv, W2.T, out=dhv)
        np.greater(hv, 0, out=mv)
        dhv *= mv
        np.matmul(xv.T, dhv, out=dW1)
        np.sum(dhv, axis=0, out=db1)
        for p, g in ((W1, dW1), (b1, db1), (W2, dW2), (b2, db2)):
            g *= LR
            p -= g
    dt = time.perf_counter() - t
    assert np.isfinite(total)
    return dt


def bench_torch(x, y) -> float | None:
    try:
        import torch
    except ImportError:
        return None
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(D, H), torch.nn.ReLU(), torch.nn.Linear(H, K))
    opt = torch.optim.SGD(model.parameters(), lr=LR)
    lossf = torch.nn.CrossEntropyLoss()
    xt, yt = torch.from_numpy(x), torch.from_numpy(y)
    t = time.perf_counter()
    order = torch.randperm(N)
    for start in range(0, N, BATCH):
        idx = order[start:start + BATCH]
        opt.zero_grad(set_to_none=True)
        loss = lossf(model(xt[idx]), yt[idx])
        loss.backward()
        opt.step()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    x, y = data()
    times = {"fit": [], "numpy": [], "torch": []}
    for _ in range(args.repeat):      # interleaved, so drifts in machine load hit all alike
        times["numpy"].append(bench_numpy(x, y))
        times["fit"].append(bench_fit(x, y))
        t = bench_torch(x, y)
        if t is not None:
            times["torch"].append(t)
    best = {k: min(v) for k, v in times.items() if v}
    for k, v in best.items():
        print(f"{k:6s} {v:.3f} s/epoch")
    print(f"fit / numpy = {best['fit'] / best['numpy']:.2f}x (target <= 1.15x)")
    if "torch" in best:
        print(f"fit / torch = {best['fit'] / best['torch']:.2f}x "
              f"(torch / numpy = {best['torch'] / best['numpy']:.2f}x)")
    else:
        print("torch  not installed (pip install torch to compare)")


if __name__ == "__main__":
    main()
