"""When gradients are forgotten: a forward pass forgets them (they belonged to the old values),
a backward pass replaces them, an edit forgets them."""

import numpy as np


def test_a_forward_pass_forgets_every_gradient(fxyz):
    g, x, y, z, q, f = fxyz
    g.forward()
    g.backward(f)
    assert float(x.grad) == -4.0 and float(g.edge_grad(q, f)) == -4.0
    x.value[...] = 1.0                       # changed in place, as a training step does
    g.forward()
    assert all(n.grad is None for n in g.nodes)
    assert g.edge_grad(q, f) is None
    g.backward(f)
    assert float(x.grad) == -4.0 and float(z.grad) == 6.0      # q = 1 + 5


def test_a_second_backward_replaces_the_first(fxyz):
    g, x, y, z, q, f = fxyz
    g.forward()
    g.backward(f)
    g.backward(q)                            # no forward in between
    assert f.grad is None and z.grad is None and g.edge_grad(z, f) is None
    assert float(x.grad) == 1.0 and float(g.edge_grad(x, q)) == 1.0


def test_an_edit_forgets_the_gradients(fxyz):
    g, x, y, z, q, f = fxyz
    g.forward()
    g.backward(f)
    g.set_value(y, np.float64(7.0))
    assert x.grad is None and f.grad is None and g.edge_grad(q, f) is None
