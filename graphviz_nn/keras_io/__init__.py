""".keras files both ways, without Keras: a zip of ``metadata.json``, ``config.json`` and
``model.weights.h5`` (Keras 3's format), written and read with ``json``, ``zipfile`` and
``h5py`` (the ``interop`` extra). ``read.py`` reads (and refuses what it cannot open, by
name), ``write.py`` writes, ``format.py`` holds what both share.

    spec = read_keras("model.keras")         # a ModelSpec; spec.to_sequential() to train it
    write_keras(spec, "model.keras")         # keras.models.load_model opens it
"""

from .format import KERAS_VERSION, KerasFileError, keras_names
from .read import parse_config, read_keras, read_keras_bytes, read_weights
from .write import keras_bytes, model_config, weights_h5, write_keras

__all__ = ["KERAS_VERSION", "KerasFileError", "keras_bytes", "keras_names", "model_config",
           "parse_config", "read_keras", "read_keras_bytes", "read_weights", "weights_h5",
           "write_keras"]
