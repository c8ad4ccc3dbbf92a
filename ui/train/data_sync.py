"""How the training dock follows the data and model choices at once, as TensorFlow
Playground does.

- Before a run, the boundary view shows the chosen 2-D set's points as a run will split them
  (training points, and the test points when "show test data" is on), and the model summary
  shows Keras's table of the model Train will make (its input width follows the features).
- While a run is under way (running or paused), a change of the data (data set, noise, size,
  features, Regenerate, painted or erased points, the file), of the validation share, the
  batch size, the hidden layers, their activations or the penalty starts the run over on the
  new data from fresh weights (as Playground resets its network), a moment after the last
  change (a painting stroke: when the mouse is released). A paused run stops instead and
  waits for Train. The learning rate, optimizer, epochs and seed apply at the next Train.
- Painting: the boundary view's tools add and erase points of the 2-D set (``paint.py``).
- A CSV file is read as soon as it is chosen; a file that cannot be used goes to the Train
  workspace's message bar, naming the file, the line and what is wrong; an image set that does
  not load names its files and offers to load them from a folder.
- The speed: the 2-D problems start slow enough to watch, the others at full speed.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer

from ui.i18n import translate
from ui.train.controls import IDLE, PAUSED, RUNNING
from ui.train.dataset import IMAGES, split_with_points
from ui.train.feedback import data_failed_text
from ui.train.model_form import summary_for
from ui.train.speed import FULL, WATCH

RESTART_DELAY_MS = 400
FRAME = (-6.0, 6.0, -6.0, 6.0)     # the plane of Playground's generated sets


class DataSyncMixin:
    """For ``TrainingDock``: previews, the model summary, restarts, painting, CSV files."""

    def _init_data_sync(self) -> None:
        self._restart_timer = QTimer(self)
        self._restart_timer.setSingleShot(True)
        self._restart_timer.setInterval(RESTART_DELAY_MS)
        self._restart_timer.timeout.connect(self._apply_change)
        self._stroke = False              # the mouse is down on the boundary view, painting
        self._restart_after_stop = False
        f, m, b = self.data_form, self.model_form, self.boundary
        f.changed.connect(self._on_data_change)
        f.path.editingFinished.connect(self._on_file_chosen)
        f.file_chosen.connect(self._on_file_chosen)
        f.plane.view_changed.connect(self._on_view_options)
        f.plane.refused.connect(self.message)
        for signal in (m.val_split.valueChanged, m.seed.valueChanged):
            signal.connect(lambda *_a: self.show_preview())
        for signal in (m.val_split.valueChanged, m.batch.valueChanged, m.hidden.textChanged,
                       m.dropout.valueChanged, m.penalty.changed, m.layer_activations.changed,
                       m.activation.currentTextChanged):
            signal.connect(self._on_model_change)
        m.source.currentIndexChanged.connect(lambda *_a: self.update_summary())
        b.paint_add.connect(self._paint_add)
        b.paint_erase.connect(self._paint_erase)
        b.paint_clear.connect(self._paint_clear)
        b.stroke_done.connect(self._on_stroke_done)

    # previews --------------------------------------------------------------------------------
    def show_preview(self, keep_output: bool = False) -> None:
        """Show the chosen 2-D set's points as the next run splits them (cheap sets only)."""
        f = self.data_form
        if not (f.is_plane() or f.kind_name().startswith("CSV")):
            if not f.is_loading() and self.state == IDLE:
                self.boundary.set_data(None, None, 0)
            return
        if f.kind_name().startswith("CSV") and not f.path.text().strip():
            return
        try:
            data = f.current()
            settings = self.model_form.settings()
        except Exception:  # noqa: BLE001 - the preview is best effort; Train reports errors
            return
        b = self.boundary
        if self.state != IDLE and (data.features != b.features or data.classes != b.classes):
            return          # the running model takes other inputs: the restart shows these
        if data.points is None:
            b.set_data(None, None, 0)
            return
        try:
            _xt, yt, _xv, yv, pt, pv = split_with_points(data, settings.validation_split,
                                                         settings.seed)
        except ValueError:      # too few points to split (painting from nothing): all of them
            pt, yt, pv, yv = data.points, data.y, None, None
        b.set_data(pt, yt, data.classes, pv, yv, features=data.features,
                   frame=FRAME if f.is_plane() else None,
                   keep_output=keep_output or self.state != IDLE)

    def update_summary(self) -> None:
        """Keras's table of the model Train would make now (or why there is none)."""
        m = self.model_form
        try:
            settings = m.settings()
        except ValueError as exc:
            self.summary.show_text(str(exc))
            return
        if settings.source == "canvas":
            self.summary.show_text(translate("TrainingDock", "Train trains the graph on the "
                                             "canvas."))
            return
        if settings.opened is not None:
            self.summary.show_text(settings.opened.summary_text())
            return
        shape = self._input_shape()
        if shape is None:
            self.summary.show_text(translate("TrainingDock", "Choose a data file to see the "
                                             "model's table."))
            return
        self.summary.show_text(summary_for(settings, *shape))

    def _input_shape(self) -> tuple[int, int] | None:
        """(input width, classes) of the chosen data, without loading a big set."""
        f = self.data_form
        kind = f.kind_name()
        if kind in IMAGES:
            return 784, 10
        if kind.startswith("CSV") and not f.path.text().strip():
            return None
        try:
            data = f.current()
        except Exception:  # noqa: BLE001 - Train says what is wrong with the data
            return None
        return None if data is None else (data.x.shape[1], data.classes)

    # changes -----------------------------------------------------------------------------------
    def _on_data_change(self) -> None:
        self.show_preview()
        self.update_summary()
        self._schedule_restart()

    def _on_model_change(self, *_args) -> None:
        self.update_summary()
        self._schedule_restart()

    def _on_view_options(self) -> None:
        p = self.data_form.plane
        self.boundary.set_options(p.show_test.isChecked(), p.discretize.isChecked())

    def _schedule_restart(self) -> None:
        if self.state != IDLE:
            self._restart_timer.start()

    def _apply_change(self) -> None:
        """The data or the model changed under a run: start it over (or stop a paused one)."""
        if self._stroke:
            return                        # the stroke's end starts it over
        if self.state == RUNNING and self.worker is not None and self.worker.is_running():
            self._restart_after_stop = True
            self.message.emit(translate("TrainingDock", "The data or the model changed: "
                                        "training starts over from fresh weights."))
            self.worker.stop()
        elif self.state == PAUSED:
            self.message.emit(translate("TrainingDock", "The data or the model changed: the "
                                        "paused run stopped; Train starts a new one."))
            self.stop()

    def _restart_if_asked(self) -> bool:
        """After a run ended: start the new run a change asked for. True if it did."""
        if not self._restart_after_stop:
            return False
        self._restart_after_stop = False
        self._begin("train")
        return True

    # painting ------------------------------------------------------------------------------------
    def _paint(self, edit) -> None:
        try:
            edit()
        except Exception as exc:  # noqa: BLE001 - a set that cannot be read: say why
            self._data_problem(exc)
            return
        self.show_preview(keep_output=True)

    def _paint_add(self, points, value: float) -> None:
        self._stroke = True
        self._paint(lambda: self.data_form.add_points(points, value))

    def _paint_erase(self, x: float, y: float, radius: float) -> None:
        self._stroke = True
        self._paint(lambda: self.data_form.erase_points((x, y), radius))

    def _paint_clear(self) -> None:
        self._paint(self.data_form.clear_points)

    def _on_stroke_done(self) -> None:
        self._stroke = False
        self._schedule_restart()

    # files ---------------------------------------------------------------------------------------
    def _on_file_chosen(self) -> None:
        """A CSV file was chosen: read it now, so a bad one is said at once."""
        f = self.data_form
        if not f.kind_name().startswith("CSV") or not f.path.text().strip():
            return
        try:
            f.current()
        except Exception as exc:  # noqa: BLE001 - shown in the message bar
            self._data_problem(exc)
            return
        self.feedback.clear()
        self.show_preview()
        self.update_summary()

    def _data_problem(self, exc: Exception) -> None:
        """A data file that cannot be used: the message bar says why, with Choose file…."""
        self.feedback.show(translate("TrainingDock", "This data cannot be used: {why}").format(
            why=exc), "error", [(translate("TrainingDock", "Choose file…"),
                                 self.data_form.ask_path)])

    # the speed and the data sets that load later ---------------------------------------------
    def set_speed(self, rate: float | None) -> None:
        """Steps a second (None: full speed), as if the learner moved the speed slider."""
        self.controls.speed.set_rate(rate)

    def _on_speed(self, rate: float | None) -> None:
        self.refresher.paced = rate is not None
        if self.worker is not None and self.worker.is_running():
            self.worker.set_speed(rate)
            self.controls.restart_clock(self.last_step + 1)    # "time left" at the new pace

    def _default_speed(self) -> None:
        """The 2-D problems run slow enough to watch; the others at full speed."""
        self.controls.speed.set_rate(WATCH if self.data_form.is_plane() else FULL, chosen=False)

    def _on_data_loaded(self, _data) -> None:
        self.show_preview()
        mode, self._pending = self._pending, None
        if mode is not None and self.state == IDLE:
            self._begin(mode)

    def _on_data_failed(self, err: Exception) -> None:
        """An image data set did not load: the message bar says why, names its files and
        offers to load them from a folder (then the Train that asked for it goes on)."""
        mode, self._pending = self._pending, None
        kind = self.data_form.kind.currentText()

        def choose() -> None:
            if self.data_form.choose_image_folder():
                self._begin(mode or "train")
            else:                               # cancelled: the advice stays in sight
                show()

        def show() -> None:
            self.feedback.show(data_failed_text(kind, err), "error",
                               [(translate("TrainingDock", "Choose folder…"), choose)])

        show()
