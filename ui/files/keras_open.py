"""File > Open of a .keras file: the model becomes the graph on the canvas (on a small batch,
ready to step through) and the training dock's model (ready to train)."""

from __future__ import annotations

from pathlib import Path

SAMPLE_ROWS = 4


def read_model(path: str | Path):
    """``(model, graph)``: the compiled Sequential of the .keras file and its graph on a small
    random batch. KerasFileError (a GraphError) names what is wrong with the file."""
    from graphviz_nn.export import sample_graph
    from graphviz_nn.keras_io import read_keras

    spec = read_keras(path)
    return sample_graph(spec, rows=SAMPLE_ROWS)


def model_opened(window, model, name: str) -> None:
    """Remember ``model`` as the window's opened model and offer it to the training dock."""
    window.opened_model = model
    window.opened_model_name = name
    dock = getattr(window, "training_dock", None)
    if dock is not None:
        dock.model_form.set_opened_model(model, name)
