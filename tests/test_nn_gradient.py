"""zeronn.nn.gradient: numerical differentiation (the book's printed numbers), the
argument put back exactly, gradient descent; and ``assert_gradients_agree``, the check
every layer and network test uses (backpropagation against ``numerical_gradient``)."""

from contextlib import contextmanager

import pytest
from hypothesis import given
from hypothesis import strategies as st

import zeronn
from zeronn import arange, log, tensor
from zeronn.nn import cross_entropy_error, gradient_descent, layers, numerical_diff, numerical_gradient, softmax
from zeronn.testing import assert_allclose, shapes, tensors


def assert_gradients_agree(backprop, numerical, rtol=1e-6, atol=1e-8):
    """Each gradient in the dict ``backprop`` equals the one in ``numerical`` with the same
    key, to ``rtol`` of the largest gradient element of either (so that a gradient that is
    0 in theory, as a bias's before batch normalisation, is compared with the noise floor
    of its neighbours, not with itself), plus ``atol``: the central difference's own error,
    ``h**2 / 6`` times the third derivative (about 1e-9 here) and rounding (``1e-16 * |f| / h``),
    which is all there is where every gradient is about 0 (a network whose ReLUs are all off)."""
    assert backprop.keys() == numerical.keys()
    scale = max(max(abs(v) for v in g.to_flat_list()) for g in [*backprop.values(), *numerical.values()])
    for key in backprop:
        assert backprop[key].shape == numerical[key].shape, key
        worst = max(abs(a - b) for a, b in zip(backprop[key].to_flat_list(), numerical[key].to_flat_list()))
        assert worst <= rtol * scale + atol, f"{key}: |backprop - numerical| = {worst:.3g}, largest {scale:.3g}"


@contextmanager
def without_the_log_guard():
    """Within it, ``SoftmaxWithLoss`` computes ``-log(y)`` instead of the book's
    ``-log(y + 1e-7)`` (its guard against ``log 0``): the loss whose gradient its
    ``backward`` gives. With the guard, the slope of each row's loss is smaller by
    ``y / (y + 1e-7)``, a difference that does not vanish where the rows' gradients
    cancel out in the sum."""

    def cross_entropy_without_the_guard(y, t):
        if t.size == y.size:  # one-hot rows
            t = t.argmax(axis=1)
        return -log(y[arange(y.shape[0]), t]).sum() / y.shape[0]

    guarded = layers.cross_entropy_error
    layers.cross_entropy_error = cross_entropy_without_the_guard
    try:
        yield
    finally:
        layers.cross_entropy_error = guarded


# ---------------------------------------------------------------------------
# The book's printed numbers (section 4.3, 4.4)
# ---------------------------------------------------------------------------


def function_1(x):
    return 0.01 * x**2 + 0.1 * x


def function_2(x):
    return (x**2).sum()


def test_numerical_diff_prints_the_books_slopes():
    assert numerical_diff(function_1, 5) == 0.1999999999990898
    assert numerical_diff(function_1, 10) == 0.2999999999986347
    assert numerical_diff(function_1, tensor([5.0, 10.0])).tolist() == [0.1999999999990898, 0.2999999999986347]


def test_numerical_gradient_prints_the_books_gradients():
    assert numerical_gradient(function_2, tensor([3.0, 4.0])).tolist() == [6.00000000000378, 7.999999999999119]
    assert numerical_gradient(function_2, tensor([0.0, 2.0])).tolist() == [0.0, 4.000000000004]
    assert numerical_gradient(function_2, tensor([3.0, 0.0])).tolist() == [6.000000000012662, 0.0]


def test_gradient_descent_reaches_numpys_minimum_and_shows_bad_learning_rates():
    init_x = tensor([-3.0, 4.0])
    x = gradient_descent(function_2, init_x, lr=0.1, step_num=100)
    assert_allclose(x, [-6.111107928998789e-10, 8.148143905314271e-10], rtol=1e-9)
    assert init_x.tolist() == [-3.0, 4.0]  # zeronn's own starts from a copy
    big = gradient_descent(function_2, [-3.0, 4.0], lr=10.0, step_num=100)
    assert_allclose(big, [-25898374737328.363, -1295248616896.5398], rtol=1e-9)  # too large a step diverges
    small = gradient_descent(function_2, [-3.0, 4.0], lr=1e-10, step_num=100)
    assert_allclose(small, [-2.999999939999995, 3.9999999199999934], rtol=1e-12)  # too small barely moves


def test_a_loss_that_reads_the_weights_elsewhere_sees_each_move():
    # The book's simpleNet (4.4.2): f ignores its argument and reads net.W, which is x.
    W = tensor([[0.47355232, 0.9977393, 0.84668094], [0.85557411, 0.03563661, 0.69422093]])
    x = tensor([0.6, 0.9])

    def loss(_):
        return cross_entropy_error(softmax(x.dot(W)), tensor([0, 0, 1]))

    assert abs(loss(None) - 0.9280682857864075) < 1e-12  # the book's printed loss
    dW = numerical_gradient(loss, W)
    assert_allclose(dW, [[0.2192475712392561, 0.14356242984070455, -0.3628100010055757],
                         [0.3288713569016277, 0.21534364482433954, -0.5442150014739466]], rtol=1e-9)


# ---------------------------------------------------------------------------
# Invariants
# ---------------------------------------------------------------------------

moderate = st.floats(-10, 10, allow_nan=False, allow_infinity=False)
any_float = st.floats(allow_nan=True, allow_infinity=True)


@given(tensors(shapes(min_dims=0, max_dims=3, max_side=3), elements=any_float), st.booleans())
@zeronn.errstate(all="ignore")  # any float: 3 * 1e308 overflows, as NumPy says with a warning
def test_numerical_gradient_restores_its_argument_exactly(x, transposed):
    x = x.T if transposed else x  # a view read in memory order, written through its strides
    before = x.tolist()
    numerical_gradient(lambda w: zeronn.sum(w * 3.0), x)
    after = x.tolist()
    # the same numbers, bit for bit: NaN is NaN, and -0.0 keeps its sign
    assert [repr(v) for v in _flat(after)] == [repr(v) for v in _flat(before)]


@given(tensors(shapes(min_dims=1, max_dims=3, max_side=3), elements=moderate))
def test_numerical_gradient_of_a_sum_of_squares_is_twice_x(x):
    grad = numerical_gradient(function_2, x)
    assert grad.shape == x.shape
    assert_allclose(grad, 2 * x, rtol=1e-6, atol=1e-6)


def test_numerical_gradient_visits_elements_in_memory_order():
    x = arange(6.0).reshape(2, 3).T  # a transpose: memory order is its columns
    seen = []
    numerical_gradient(lambda w: seen.append(w.tolist()) or 0.0, x)
    moved = [next(i for i, (a, b) in enumerate(zip(_flat(s), _flat(x.tolist()))) if a != b) for s in seen[::2]]
    assert moved == [0, 2, 4, 1, 3, 5]  # x[0,0], x[1,0], x[2,0], x[0,1]: the storage's order, as nditer's


@pytest.mark.parametrize(
    "x, message",
    [
        ([1.0, 2.0], "x must be a tensor, got list"),
        (tensor([1, 2]), "numerical_gradient needs a float tensor, got int64"),
    ],
)
def test_numerical_gradient_refuses_what_it_cannot_move(x, message):
    with pytest.raises(TypeError, match=message):
        numerical_gradient(function_2, x)


def _flat(nested):
    if isinstance(nested, list):
        return [v for item in nested for v in _flat(item)]
    return [nested]
