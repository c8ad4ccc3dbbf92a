"""Which nodes form a Dense layer: the builder's tags, and hand-built chains recognised."""

from __future__ import annotations

import numpy as np

import graphviz_nn as gnn
from graphviz_nn.layer_groups import dense_layers
from graphviz_nn.nn import Dense, Sequential


def fashion_model() -> Sequential:
    model = Sequential([Dense(100, activation="sigmoid", input_shape=(784,)),
                        Dense(10, activation="softmax")])
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    return model


def test_the_sequential_builder_tags_its_dense_layers():
    g = fashion_model().graph
    layers = dense_layers(g)
    assert [lay.title() for lay in layers] == ["Dense 100, sigmoid",
                                               "Dense 10, softmax in the loss"]
    names = [{g.node_by_id(i).name for i in lay.members} for lay in layers]
    assert names == [{"W1", "b1", "m1", "z1", "a1"}, {"W2", "b2", "m2", "z2"}]
    assert g.node_by_id(layers[0].source).name == "x"
    assert g.node_by_id(layers[1].source).name == "a1"
    assert all(lay.tagged for lay in layers)


def test_tags_survive_a_copy_and_a_rename():
    g = fashion_model().graph.copy(dtype="float64")
    g.rename(g["a1"], "h1")
    layers = dense_layers(g)
    assert [g.node_by_id(lay.output).name for lay in layers] == ["h1", "z2"]
    assert layers[1].fused and layers[1].activation == "softmax"


def test_a_hand_built_chain_is_recognised():
    g = gnn.Graph()
    x = g.input("x", np.ones((4, 3)))
    w, b = g.param("W", np.ones((3, 5))), g.param("b", np.zeros(5))
    h = g.tanh(g.add(b, g.matmul(x, w, name="m"), name="z"), name="h")
    g.sum(h, name="out")
    (layer,) = dense_layers(g)
    assert layer.title() == "Dense 5, tanh" and not layer.tagged
    assert {g.node_by_id(i).name for i in layer.members} == {"W", "b", "m", "z", "h"}


def test_no_layer_where_the_chain_is_broken_or_shared():
    g = gnn.Graph()
    x = g.input("x", np.ones((4, 3)))
    w, b = g.param("W", np.ones((3, 5))), g.param("b", np.zeros(5))
    m = g.matmul(x, w, name="m")
    z = g.add(m, b, name="z")
    g.add(z, m, name="uses_m_twice")          # the matmul's value is used outside the layer
    assert dense_layers(g) == []
    g2 = fashion_model().graph
    g2.remove(g2["b1"])                        # an edit breaks the first layer
    assert [lay.title() for lay in dense_layers(g2)] == ["Dense 10, softmax in the loss"]
