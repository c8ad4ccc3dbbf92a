"""The Keras-style layer of the lecture notes (seed 001), on top of the engine.

    from graphviz_nn.nn import Sequential, Dense, Dropout
    model = Sequential([Dense(100, activation="sigmoid", input_shape=(784,)),
                        Dense(10, activation="softmax")])
    model.summary()            # Param # 78,500 and 1,010; Total params: 79,510
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    history = model.fit(x, y, epochs=5, batch_size=32, validation_split=0.2)
"""

from graphviz_nn.nn.callbacks import Callback, EarlyStopping, History, LambdaCallback
from graphviz_nn.nn.layers import Dense, Dropout, Layer, mlp_layers, parse_layer_sizes
from graphviz_nn.nn.model import Sequential

__all__ = ["Callback", "Dense", "Dropout", "EarlyStopping", "History", "LambdaCallback",
           "Layer", "Sequential", "mlp_layers", "parse_layer_sizes"]
