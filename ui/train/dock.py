"""The training dock: choose data and a model, train it off the GUI thread, watch it learn."""

from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from graphviz_nn.nn.divergence import DivergenceWatch
from ui.engine_text import error_text
from ui.i18n import translate
from ui.train.boundary import BoundaryView
from ui.train.confusion import ConfusionView
from ui.train.controls import IDLE, PAUSED, RUNNING, TrainControls
from ui.train.curves import CurvesView
from ui.train.data_form import DataForm, DataSet, fit_kwargs
from ui.train.data_sync import FRAME, DataSyncMixin
from ui.train.dataset import split_with_points
from ui.train.feedback import Feedback
from ui.train.gradflow import GradientFlowView
from ui.train.graph_model import GraphModel
from ui.train.halt import HaltMixin
from ui.train.histograms import HistogramView
from ui.train.launch import new_worker, put_model_on_canvas
from ui.train.model_form import ModelForm, TrainSettings, make_model
from ui.train.network_panel import NetworkPreview, canvas_graph_note, data_features, spec_for
from ui.train.network_view import NetworkView
from ui.train.pairs import Pairs
from ui.train.refresh import ViewRefresher
from ui.train.run_reports import RunReportsMixin
from ui.train.run_start import StagedStart
from ui.train.scrubber import TimeBar
from ui.train.summary_view import ModelSummary
from ui.train.time_travel import TimeTravel
from ui.train.worker_base import WorkerBase
from ui.train.workers import histograms_of

START_DELAY_MS = 150   # a new run starts training this long after Train is clicked


class TrainingDock(RunReportsMixin, DataSyncMixin, HaltMixin, QWidget):
    """Data set and model choices, Train/Pause/Stop/Step/Reset, and the live views."""

    message = Signal(str)          # for the main window's status bar
    state_changed = Signal(str)    # "idle" | "running" | "paused"

    def __init__(self, controller=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.data_form = DataForm()
        self.model_form = ModelForm()
        self.controls = TrainControls()
        self.curves = CurvesView()
        self.boundary = BoundaryView()
        self.gradflow = GradientFlowView()
        self.confusion = ConfusionView()
        self.network = NetworkView()       # Playground's diagram: units as maps, weights as edges
        self.histograms = HistogramView()
        self.summary = ModelSummary()
        self.feedback = Feedback(self)     # the window's message bar, once installed

        settings_box = QWidget()
        col = QVBoxLayout(settings_box)
        col.setContentsMargins(4, 4, 4, 4)
        data_group = QGroupBox(translate("TrainingDock", "Data"))
        QVBoxLayout(data_group).addWidget(self.data_form)
        model_group = QGroupBox(translate("TrainingDock", "Model and optimizer"))
        QVBoxLayout(model_group).addWidget(self.model_form)
        summary_group = QGroupBox(translate("TrainingDock", "Model summary"))
        QVBoxLayout(summary_group).addWidget(self.summary)
        col.addWidget(data_group)
        col.addWidget(model_group)
        col.addWidget(summary_group)
        col.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(settings_box)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(250)

        middle = QWidget()
        mid = QVBoxLayout(middle)
        mid.setContentsMargins(4, 4, 4, 4)
        mid.addWidget(self.controls)
        mid.addWidget(self.curves, 1)
        self.time_bar = TimeBar(self.curves)       # time travel: every run's kept steps
        mid.addWidget(self.time_bar)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.boundary, translate("TrainingDock", "Decision boundary"))
        self.tabs.addTab(self.gradflow, translate("TrainingDock", "Gradient flow"))
        self.tabs.addTab(self.confusion, translate("TrainingDock", "Confusion matrix"))
        self.tabs.addTab(self.histograms, translate("TrainingDock", "Histograms"))
        # the main window's Train workspace docks these three apart (ui/train/workspace.py)
        self.settings_panel, self.run_panel = scroll, middle
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(self.network)
        splitter.addWidget(middle)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 3)
        splitter.setStretchFactor(3, 2)
        splitter.setSizes([260, 420, 420, 420])
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(splitter)

        self.model = None
        self.predictor = None        # activations of the MLP, or the graph model's predict_with
        self.settings: TrainSettings | None = None
        self.data: DataSet | None = None
        self.worker: WorkerBase | None = None
        self.x_train = self.y_train = self.x_val = self.y_val = None
        self.last_step = -1
        self.last_epoch = 0
        self.last_loss = float("nan")
        self.last_grads = None                 # the gradients of the newest weight snapshot
        self.halt: dict | None = None          # why the run paused by itself (NaN, diverged)
        self.watch = DivergenceWatch()
        self._diverging: dict | None = None    # the run is being stopped: it diverged
        self._pending: str | None = None       # "train" | "step" while a data set loads
        self.refresher = ViewRefresher(self)
        self.starting = StagedStart(self)      # a new run's views, a piece per turn
        self.travel = TimeTravel(self, self.time_bar)
        self.pairs = Pairs(self)                   # Compare…: two runs in lock-step
        self.model_on_canvas = False
        self.p_train = self.p_val = None       # the run's points of the plane (2-D sets)
        self._wire_signals()
        self._init_data_sync()
        self._default_speed()
        self.preview = NetworkPreview(self)
        self.show_preview()
        self.update_summary()
        self.preview.schedule()

    def _wire_signals(self) -> None:
        c = self.controls
        c.train.clicked.connect(self.train)
        c.pause.clicked.connect(self.toggle_pause)
        c.stop.clicked.connect(self.stop)
        c.step.clicked.connect(self.step_one_batch)
        c.reset.clicked.connect(self.reset_weights)
        c.speed.changed.connect(self._on_speed)
        self.data_form.changed.connect(self._default_speed)
        self.data_form.loaded.connect(self._on_data_loaded)
        self.data_form.failed.connect(self._on_data_failed)
        self.curves.exported.connect(self.message)
        self.tabs.currentChanged.connect(self._on_tab_change)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # a fixed hint: the main window sizes the bottom dock area from it, and a hint that
        # followed the labels' text would make the window re-layout while training
        return QSize(1300, 360)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(600, 220)

    # public intents -------------------------------------------------------------------------------
    @property
    def state(self) -> str:
        return self.controls.state

    def train(self) -> None:
        """Start a new run with the current choices."""
        self.starting.finish()
        self.travel.leave()
        self._begin("train")

    def step_one_batch(self) -> None:
        """Run one batch and pause (starts a run when none is under way)."""
        self.starting.finish()
        self.travel.leave()
        if self.state == PAUSED and self.worker is not None and self.worker.is_running():
            self.worker.step_once()
        elif self.state == PAUSED and self.halt is not None:
            self._continue(steps=1)
        elif self.state == IDLE:
            self._begin("step")

    def toggle_pause(self) -> None:
        self.starting.finish()
        if self.state == RUNNING and self.worker is not None:
            self.worker.pause()
            self._set_state(PAUSED)
        elif self.state == PAUSED:
            self.resume()

    def resume(self) -> None:
        self.starting.finish()
        self.travel.leave()
        if self.worker is not None and self.worker.is_running():
            self.feedback.clear()
            self.controls.restart_clock(self.last_step + 1)
            self.worker.resume()
            self._set_state(RUNNING)
        elif self.halt is not None:
            self._continue(steps=None)

    def stop(self) -> None:
        self.starting.finish()
        if self.worker is not None and self.worker.is_running():
            self.worker.stop()
        elif self.state == PAUSED:     # paused by itself (NaN, diverged): nothing runs
            self.halt = None
            self.feedback.clear()
            self._set_state(IDLE)

    def shutdown(self, timeout: float = 10.0) -> bool:
        """Stop the trainer and wait for its thread (the window calls this when it closes)."""
        if self.worker is None:
            return True
        return self.worker.stop_and_join(timeout)

    # starting a run --------------------------------------------------------------------------------
    def _begin(self, mode: str) -> None:
        try:
            settings = self.model_form.settings()
            data = self.data_form.current()
        except Exception as exc:  # noqa: BLE001 - bad input: one readable line
            if self.data_form.kind_name().startswith("CSV"):
                self._data_problem(exc)          # a file: the message bar, with Choose file…
            else:
                self.message.emit(translate("TrainingDock", "Cannot train: {why}").format(
                    why=error_text(exc)))
            return
        if data is None:
            self._pending = mode
            self.message.emit(translate("TrainingDock", "Loading the data set…"))
            return
        try:
            self._start_run(settings, data, mode)
        except Exception as exc:  # noqa: BLE001
            self.message.emit(translate("TrainingDock", "Cannot train: {why}").format(
                why=error_text(exc)))
            self._set_state(IDLE)

    def _start_run(self, settings: TrainSettings, data: DataSet, mode: str) -> None:
        xt, yt, xv, yv, pt, pv = split_with_points(data, settings.validation_split,
                                                   settings.seed)
        model = make_model(settings, data.x.shape[1], data.classes, data.name, self.controller)
        model, settings = self.pairs.begin_run(model, settings)     # a paired run's A
        self.model, self.settings, self.data = model, settings, data
        on_canvas = isinstance(model, GraphModel)     # it is the canvas's own graph
        self.predictor = model.predict_with if on_canvas else [
            lay.activation.name for lay in model.dense_layers]
        self.x_train, self.y_train, self.x_val, self.y_val = xt, yt, xv, yv
        self.p_train, self.p_val = pt, pv
        self.halt = self._diverging = None
        self.watch = DivergenceWatch()
        self.feedback.clear()
        self.refresher.reset()
        self.last_step, self.last_epoch = -1, 0
        per_epoch = math.ceil(len(xt) / settings.batch_size)
        self.travel.begin_run(model)
        self.gradflow.begin_run()
        self.histograms.begin_run([d["layer"] for d in histograms_of(model) or []])
        self.confusion.set_validation(xv if len(xv) else None, yv, data.class_names,
                                      regression=data.regression)
        self.last_grads = None
        self.model_on_canvas = on_canvas
        weights = model.get_weights()

        def curves() -> None:
            self.curves.begin_run(per_epoch * settings.epochs)
            self.curves.name_loss(data.regression, settings.penalty_text())

        def plane() -> None:
            self.boundary.set_data(pt, yt, data.classes, pv, yv, features=data.features,
                                   frame=FRAME if self.data_form.is_plane() else None)
            self.show_boundary(weights)

        def network() -> None:
            self.network.set_model(spec_for(model, self.boundary.bounds, data_features(data),
                                            data.classes),
                                   canvas_graph_note() if on_canvas else "")

        def maps() -> None:        # its edges in slices, not at once
            self.network.show_weights(weights, None, live=True)

        pieces = [curves, plane, network, maps]
        if settings.show_on_canvas and self.controller is not None and not on_canvas:
            pieces.append(self._put_model_on_canvas)
        self.starting.begin(pieces)        # a paint between two pieces: no single long stall
        # let the fresh run paint (cleared plots, the data points, the model on the canvas:
        # the costliest paints of a run) before the trainer competes with it for the GIL
        self._launch(settings.epochs, 0, 0, 1 if mode == "step" else None, delay_ms=START_DELAY_MS)

    def _launch(self, epochs: int, step_offset: int, epoch_offset: int,
                pause_after: int | None, delay_ms: int = 0) -> None:
        s = self.settings
        fit = fit_kwargs(self.x_train, self.y_train, self.x_val, self.y_val, epochs,
                         s.batch_size)
        per_epoch = math.ceil(len(self.x_train) / s.batch_size)
        # what this job will have run when it ends (a run going on after a halt repeats the
        # epoch it stopped in, from its start: the header counts to its real last step)
        self.controls.begin(step_offset + per_epoch * epochs, epoch_offset + epochs, step_offset)
        speed = self.controls.speed.rate()
        self.refresher.paced = speed is not None
        self.worker = new_worker(self.model, fit, self.refresher, self.message.emit,
                                 step_offset=step_offset, epoch_offset=epoch_offset,
                                 start_paused_after=pause_after, speed=speed,
                                 history=self.travel.job_history(step_offset),
                                 model_b=self.pairs.model_b, parent=self)
        self.worker.progress.connect(self._on_progress)
        self.worker.paused.connect(self._on_paused)
        self.worker.finished.connect(self._on_finished)
        self.pairs.launched()
        self.worker.start(delay_ms)
        self._set_state(PAUSED if pause_after else RUNNING)

    def _on_tab_change(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.gradflow:
            self.gradflow.refresh(force=True)
        elif self.tabs.currentWidget() is self.histograms:
            self.histograms.refresh(force=True)

    # views -----------------------------------------------------------------------------------------
    def _set_state(self, state: str) -> None:
        changed = state != self.controls.state
        self.controls.set_state(state)
        self.time_bar.compare.setEnabled(state == IDLE)
        if changed:
            self.state_changed.emit(state)

    def show_weights(self, weights, grads=None, live: bool = False) -> None:
        """Show the model with these weights (``[W1, b1, ...]``) in the decision boundary and
        the network diagram (with ``grads``, the gradients of the step they are from; ``live``:
        as a run starts or goes on)."""
        self.show_boundary(weights)
        self.network.show_weights(weights, grads, live=live)

    def show_boundary(self, weights) -> None:
        if self.settings is not None and self.boundary.bounds is not None:
            self.boundary.update_weights(weights, self.predictor)

    def _put_model_on_canvas(self) -> None:
        put_model_on_canvas(self)
