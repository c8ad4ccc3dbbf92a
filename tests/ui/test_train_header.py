"""The training header says the time left only while a run goes: paused (by the learner, a NaN
or a diverging loss) or stopped, it keeps epoch, step and loss but no estimate."""

from __future__ import annotations

from ui.train import controls as controls_module
from ui.train.controls import IDLE, PAUSED, RUNNING, TrainControls


def test_paused_header_has_no_time_left(qtbot, monkeypatch):
    c = TrainControls()
    qtbot.addWidget(c)
    clock = iter([0.0, 2.0, 2.0, 2.0])
    monkeypatch.setattr(controls_module.time, "perf_counter", lambda: next(clock))
    c.begin(total_steps=1000, epochs=10)
    c.set_state(RUNNING)
    c.show_progress(step=199, epoch=1, loss=0.5)
    assert "left" in c.info.text() and "step 200/1000" in c.info.text()
    c.set_state(PAUSED)
    assert "left" not in c.info.text() and "steps/s" not in c.info.text()
    assert "step 200/1000" in c.info.text() and "loss 0.5" in c.info.text()
    c.set_state(IDLE)
    assert "left" not in c.info.text()
