"""The engine's messages are data as well as English: a badge, a refused expression, a refused
file or edit carries a code and its values, so the window can say it in Korean, while the
English text (what the CLI prints) stays exactly as it was."""

from __future__ import annotations

import copy
import pickle

import numpy as np
import pytest

import graphviz_nn as gnn
from graphviz_nn.messages import TEMPLATES, say


def test_a_message_is_its_english_text_with_a_code():
    msg = say("missing_input", port="b")
    assert msg == "missing input on port b" and isinstance(msg, str)
    assert (msg.code, msg.params) == ("missing_input", {"port": "b"})
    for kept in (copy.copy(msg), copy.deepcopy(msg), pickle.loads(pickle.dumps(msg))):
        assert kept == msg and kept.code == "missing_input" and kept.params == {"port": "b"}


def test_every_template_fills_from_its_own_fields():
    import string

    for code, template in TEMPLATES.items():
        fields = {f for _, f, _, _ in string.Formatter().parse(template) if f}
        assert str(say(code, **{f: f"<{f}>" for f in fields})), code


def test_a_missing_input_and_a_shape_mismatch_name_their_code_and_shapes():
    g = gnn.Graph()
    a, b = g.input("a", np.ones(3)), g.input("b", np.ones(4))
    s = g.add(a, b, name="s")
    m = g.add_node("mul", "m")
    g.connect(s, m, 0)
    g.forward()
    assert s.error == "shape mismatch: (3,) + (4,)"
    assert s.error.code == "shape_mismatch"
    assert s.error.params == {"a": "(3,)", "symbol": "+", "b": "(4,)"}
    assert m.error.code == "input_no_value" and m.error.params["name"] == "s"
    g.disconnect(m, 0)
    g.forward()
    assert (m.error, m.error.code) == ("missing input on port a", "missing_input")


def test_where_nan_starts_is_a_message_of_messages():
    g = gnn.Graph()
    x = g.input("x", np.array([-1.0, 2.0]))
    y = g.log(x, name="y")
    g.forward()
    why = g.diagnose()[y]
    assert why == "log of a negative number gives nan (log(-1)) (1 of 2 numbers)"
    assert why.code == "value_and_count"
    assert why.params["value"].code == "log_negative" and why.params["count"].code == "count"


def test_refused_edits_expressions_and_files_carry_codes(tmp_path):
    g = gnn.Graph()
    x = g.input("x", 1.0)
    y = g.neg(x, name="y")
    with pytest.raises(gnn.GraphError) as cycle:
        g.connect(y, y, 0)
    assert cycle.value.code == "cycle" and cycle.value.params == {"src": "y", "dst": "y"}
    with pytest.raises(gnn.GraphError) as taken:
        g.rename(y, "x")
    assert str(taken.value) == "there is already a node named 'x'"
    assert taken.value.code == "name_taken"
    with pytest.raises(gnn.GraphError) as parsed:
        gnn.parse("f = x.y")
    assert parsed.value.code == "parse_not_allowed"
    assert parsed.value.params["what"].code == "refused_attribute"
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "graphviz-nn", "version": 1, "nodes": [}', encoding="utf-8")
    with pytest.raises(gnn.GraphError) as broken:
        gnn.load(bad)
    assert broken.value.code == "file_broken_json"
    assert broken.value.params["path"] == str(bad)
    plain = gnn.GraphError("something else")
    assert (plain.code, plain.params, plain.message) == (None, {}, "something else")

