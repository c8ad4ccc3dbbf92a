"""The training dock's views and forms, each checked for what a learner would see."""

from __future__ import annotations

import csv
import gzip
import struct

import numpy as np
import pytest

from ui.train.confusion import ConfusionView
from ui.train.curves import CurvesView, nice_ceil
from ui.train.data_form import DataForm
from ui.train.envelope import PeakEnvelope
from ui.train.gradflow import GradientFlowView
from ui.train.inference import mlp_forward
from ui.train.series import EMA


def test_smoothing_is_tensorboards_debiased_moving_average():
    ema = EMA(0.5)
    ema.extend(np.array([1.0, 0.0, 0.0]))
    # by hand: last = 0.5, 0.25, 0.125; debiased by 1 - 0.5^k = 0.5, 0.75, 0.875
    assert np.allclose(ema.out.data, [1.0, 1 / 3, 0.125 / 0.875])
    # a long chunk (vectorised path) gives what one value at a time gives
    # (a low weight cuts the run into short blocks, 0.999 into one long block)
    values = np.random.default_rng(0).random(500)
    for weight in (0.1, 0.9, 0.999):
        a, b = EMA(weight), EMA(weight)
        a.extend(values)
        for v in values:
            b.extend(np.array([v]))
        assert np.allclose(a.out.data, b.out.data, rtol=1e-9, atol=1e-12)
    zero = EMA(0.0)
    zero.extend(values[:10])
    assert np.allclose(zero.out.data, values[:10])       # slider at 0: the raw curve


def test_axes_grow_in_readable_steps():
    assert [nice_ceil(v) for v in (0.7, 1, 1.2, 2.5, 9, 101, 7300)] == \
        [0.8, 1, 1.5, 3, 10, 150, 8000]


def test_the_step_axis_spans_the_planned_run_from_its_first_step(qtbot):
    view = CurvesView()
    qtbot.addWidget(view)
    view.begin_run(planned_steps=6000)
    view.add_steps(np.arange(50), np.linspace(2, 1, 50), np.full(50, 0.5))
    view.refresh()
    left, right = view.loss_plot.vb.viewRange()[0]
    assert left <= 0 and 6000 <= right < 6200            # the whole run, not just 50 steps
    view.add_steps(np.arange(50, 5000), np.linspace(1, 0.5, 4950), np.full(4950, 0.5))
    view.refresh()
    assert view.loss_plot.vb.viewRange()[0] == [left, right]   # the curve grew into it
    view.add_steps(np.arange(5000, 7000), np.full(2000, 0.5), np.full(2000, 0.5))
    view.refresh()
    assert view.loss_plot.vb.viewRange()[0][1] >= 7000       # a longer run still fits


def test_100k_steps_draw_downsampled_and_export(qtbot, tmp_path):
    view = CurvesView()
    view.resize(900, 400)
    qtbot.addWidget(view)
    view.show()
    n = 100_000
    steps = np.arange(n)
    loss = 2.0 * np.exp(-steps / 20_000) + 0.05 * np.random.default_rng(1).random(n)
    view.add_steps(steps, loss, np.full(n, 0.5), epoch=0)
    view.add_epoch(0, n - 1, {"loss": 0.3, "val_loss": 0.4, "accuracy": 0.8,
                              "val_accuracy": 0.7})
    view.refresh()
    view.plots.grab()                                    # paint once
    shown_x, shown_y = view.raw_loss.getData()
    assert 0 < len(shown_x) < 10_000                      # pyqtgraph draws a peak-downsampled copy
    assert shown_y.max() == pytest.approx(loss.max(), rel=1e-6)   # peaks survive downsampling
    assert "step 50000" in view.readout(50_000.2)

    path = tmp_path / "curves.csv"
    view.export_csv(str(path))
    with open(path, newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == n
    assert float(rows[123]["loss"]) == pytest.approx(loss[123])
    assert rows[-1]["val_loss"] == "0.4" and rows[0]["val_loss"] == ""
    png = tmp_path / "curves.png"
    view.export_png(str(png))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _pairs_match_raw(xs, ys, steps, values, last=True):
    """Each drawn (x, min), (x, max) pair is the min and max of the raw values from its x up to
    the next pair's x (the last pair: up to the end, unless ``last`` is False)."""
    starts = xs[0::2]
    edges = np.searchsorted(steps, np.append(starts, np.inf))
    for k in range(starts.size - (0 if last else 1)):
        chunk = values[edges[k]:edges[k + 1]]
        assert (ys[2 * k], ys[2 * k + 1]) == (chunk.min(), chunk.max())


def test_a_100k_step_curve_gets_a_few_points_per_pixel_with_every_peak(qtbot):
    view = CurvesView()
    view.resize(900, 400)
    qtbot.addWidget(view)
    view.show()
    n = 100_000
    view.begin_run(planned_steps=n)
    rng = np.random.default_rng(2)
    steps = np.arange(n)
    loss = np.exp(-steps / 30_000) + 0.2 * rng.standard_normal(n) ** 3   # spiky
    for start in range(0, n, 2_500):                      # as the trainer sends them
        view.add_steps(steps[start:start + 2_500], loss[start:start + 2_500],
                       np.full(2_500, 0.5))
        view.refresh()
    width = view.loss_plot.vb.width()
    xs, ys = view.raw_loss.getData()
    assert 0 < len(xs) <= 2 * (width + 64)                 # about two points per pixel
    assert ys.max() == loss.max() and ys.min() == loss.min()
    _pairs_match_raw(xs, ys, steps, loss)
    sx, sy = view.smooth_loss.getData()
    _pairs_match_raw(sx, sy, steps, view.run.smooth_loss.out.data)

    view.loss_plot.setXRange(50_000, 50_200, padding=0)   # zoom in: the raw steps themselves
    xs, ys = view.raw_loss.getData()
    assert xs[0] <= 50_000 and xs[-1] >= 50_200 and len(xs) < 300
    assert np.array_equal(ys, loss[xs.astype(int)])
    view.loss_plot.setXRange(20_000, 45_000, padding=0)   # wider: reduced for this view
    xs, ys = view.raw_loss.getData()
    assert len(xs) <= 2 * (width + 64) and xs[0] <= 20_000 and xs[-1] >= 44_000
    _pairs_match_raw(xs, ys, steps, loss, last=False)
    view.smoothing.setValue(90)                           # new smoothing: redrawn from scratch
    sx, sy = view.smooth_loss.getData()
    _pairs_match_raw(sx, sy, steps, view.run.smooth_loss.out.data, last=False)
    view.loss_plot.setXRange(0, n, padding=0)             # zoomed out: the envelope again
    sx, sy = view.smooth_loss.getData()
    assert len(sx) <= 2 * (width + 64)
    _pairs_match_raw(sx, sy, steps, view.run.smooth_loss.out.data)


def test_the_previous_run_stays_on_the_plot_and_log_scale_toggles(qtbot):
    view = CurvesView()
    qtbot.addWidget(view)
    view.add_steps(np.arange(50), np.linspace(2, 1, 50), np.linspace(0, 1, 50))
    view.refresh()
    view.begin_run()
    x, y = view.prev_loss.getData()
    assert len(x) == 50 and y[0] > y[-1]                   # the old run, smoothed, faded
    assert view.raw_loss.getData()[0] is None or len(view.raw_loss.getData()[0]) == 0
    view.log_scale.setChecked(True)
    assert view.loss_plot.getAxis("left").logMode


def test_gradient_flow_names_vanishing_gradients(qtbot):
    view = GradientFlowView()
    qtbot.addWidget(view)
    view.show()
    diag = [{"layer": f"dense_{i}", "grad_norm": g, "dead_fraction": None}
            for i, g in enumerate([1e-5, 1e-3, 0.5])]
    view.add([0, 1, 2], [diag, diag, diag])
    view.refresh(force=True)
    assert "vanishing gradients" in view.summary.text()
    assert len(view._curves) == 3
    view.begin_run()                                       # now a ReLU net, some units dead
    relu = [{"layer": f"dense_{i}", "grad_norm": 0.3, "dead_fraction": d}
            for i, d in enumerate([0.25, 0.5, None])]
    view.add([0], [relu])
    view.refresh(force=True)
    text = view.summary.text()
    assert "vanishing" not in text and "previous run: 2e-05×" in text
    assert "25%" in text and "50%" in text


def test_confusion_matrix_counts_the_validation_predictions(qtbot):
    view = ConfusionView()
    qtbot.addWidget(view)
    x = np.array([[1, 0], [0, 1], [1, 0], [0, 1], [0, 1]], dtype=np.float32)
    y = np.array([0, 1, 1, 1, 0])
    weights = [np.array([[2, -2], [-2, 2]], np.float32), np.zeros(2, np.float32)]
    assert mlp_forward(x, weights, ["softmax"]).argmax(1).tolist() == [0, 1, 0, 1, 1]
    view.set_validation(x, y, ["left", "right"])
    view.update_weights(3, weights, ["softmax"])
    assert view.matrix.tolist() == [[1, 1], [1, 2]]           # rows: true, columns: predicted
    assert "after epoch 4" in view.caption.text() and "3 of 5" in view.caption.text()
    view.update_weights(3, weights, ["softmax"], step=41)       # a run that stopped mid-epoch
    assert "after step 42" in view.caption.text()
    huge = [np.array([[3e38, 0], [3e38, 0]], np.float32), np.array([3e38, 0], np.float32)]
    view.update_weights(4, huge, ["softmax"])                   # outputs overflow: no matrix
    assert view.matrix is None and "not finite" in view.caption.text()


def test_weights_whose_outputs_overflow_are_drawn_grey_not_left_as_the_old_boundary(qtbot):
    from ui.train.boundary import UNKNOWN, BoundaryView

    view = BoundaryView()
    qtbot.addWidget(view)
    x = np.array([[-1, -1], [1, 1], [-1, 1], [1, -1]], np.float32)
    view.set_data(x, np.array([0, 1, 0, 1]), 2)
    view.update_weights([np.eye(2, dtype=np.float32), np.zeros(2, np.float32)], ["softmax"])
    before = view.rgb.copy()
    huge = [np.array([[3e38, -3e38], [3e38, -3e38]], np.float32), np.zeros(2, np.float32)]
    view.update_weights(huge, ["softmax"])
    grey = (view.rgb == np.array(UNKNOWN, np.uint8)).all(axis=-1)
    assert grey.any() and not np.array_equal(view.rgb, before)


def test_a_csv_file_loads_and_a_bad_one_says_why(qtbot, tmp_path):
    form = DataForm()
    qtbot.addWidget(form)
    good = tmp_path / "points.csv"
    good.write_text("a,b,kind\n0,1,cat\n1,0,dog\n2,2,cat\n", encoding="utf-8")
    form.kind.setCurrentText("CSV file…")
    form.path.setText(str(good))
    form.label_column.setText("kind")
    data = form.current()
    assert data.x.shape == (3, 2) and data.y.tolist() == [0, 1, 0]
    assert data.class_names == ["cat", "dog"]
    bad = tmp_path / "broken.csv"
    bad.write_text("a,b,kind\n0,1\n1,zero,dog\n", encoding="utf-8")
    form.path.setText(str(bad))
    with pytest.raises(ValueError, match="broken.csv"):
        form.current()


def _write_idx(path, arr: np.ndarray) -> None:
    header = struct.pack(">BBBB", 0, 0, 0x08, arr.ndim) + struct.pack(f">{arr.ndim}I", *arr.shape)
    with gzip.open(path, "wb") as fh:
        fh.write(header + arr.astype(np.uint8).tobytes())


def test_mnist_from_a_folder_loads_in_the_background_then_trains(qtbot, tmp_path):
    from graphviz_nn import datasets
    from ui.train import TrainingDock

    rng = np.random.default_rng(0)
    for key, (fname, _url, _md5) in datasets.MNIST_FILES.items():
        n = 200 if key.startswith("train") else 20
        labels = np.arange(n) % 10
        if key.endswith("labels"):
            _write_idx(tmp_path / fname, labels)
        else:   # each digit a bright stripe in its own row: learnable
            img = rng.integers(0, 40, size=(n, 28, 28))
            img[np.arange(n), 2 + 2 * labels] = 250
            _write_idx(tmp_path / fname, img)
    dock = TrainingDock()
    qtbot.addWidget(dock)
    dock.data_form.kind.setCurrentText("MNIST")
    dock.data_form.source.setCurrentIndex(1)
    dock.data_form.path.setText(str(tmp_path))
    dock.model_form.epochs.setValue(40)
    dock.model_form.hidden.setText("32")
    dock.train()
    assert dock.data_form.is_loading() or dock.worker is not None
    qtbot.waitUntil(lambda: dock.worker is not None and dock.state == "idle", timeout=20000)
    assert dock.data.x.shape == (200, 784) and dock.data.x.max() <= 1.0   # flattened, scaled
    assert dock.boundary.bounds is None                  # not 2-D: the note instead
    assert dock.confusion.matrix.shape == (10, 10)
    assert np.trace(dock.confusion.matrix) >= 0.9 * dock.confusion.matrix.sum()
    dock.shutdown()


def test_digits_come_flat_and_scaled(qtbot):
    pytest.importorskip("sklearn")
    form = DataForm()
    qtbot.addWidget(form)
    form.kind.setCurrentText("digits")
    assert not form.noise.isVisibleTo(form) and not form.size.isVisibleTo(form)
    data = form.current()
    assert data.x.shape == (1797, 64) and 0 <= data.x.min() and data.x.max() <= 1.0
    assert data.classes == 10 and not data.is_2d


def test_an_envelope_that_outgrows_its_span_equals_one_built_for_the_whole_run():
    rng = np.random.default_rng(3)
    x, y = np.arange(50_000.0), rng.standard_normal(50_000)
    y[777] = np.nan                                       # non-finite values are left out
    grown = PeakEnvelope(256)                             # span 256 steps, doubled as needed
    for start in range(0, x.size, 3_000):
        grown.extend(x[start:start + 3_000], y[start:start + 3_000])
    whole = PeakEnvelope(256, 0.0, grown.span)
    whole.extend(x, y)
    assert grown.span >= 50_000 and grown.n == whole.n == 50_000
    for a, b in zip(grown.points(), whole.points(), strict=True):
        assert np.array_equal(a, b)
    xs, ys = grown.points()
    assert ys.max() == np.nanmax(y) and ys.min() == np.nanmin(y)
