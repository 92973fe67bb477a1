"""The derivatives in zeronn.nn.activations: ``sigmoid_grad`` and ``relu_grad`` (the
activations themselves are tested in tests/test_activations.py)."""

from hypothesis import given
from hypothesis import strategies as st

from zeronn.nn import numerical_diff, relu_grad, sigmoid, sigmoid_grad
from zeronn.testing import assert_allclose, shapes, tensors


def test_sigmoid_grad_is_numpys():
    # the book's sigmoid_grad on NumPy 2.4
    expected = [0.1049935854035065, 0.19661193324148185, 0.25, 0.19661193324148185, 0.045176659730912]
    assert_allclose(sigmoid_grad([-2.0, -1.0, 0.0, 1.0, 3.0]), expected, rtol=1e-15)
    assert sigmoid_grad([-1000.0, 1000.0]).tolist() == [0.0, 0.0]  # flat far out: the vanishing gradient


def test_relu_grad_says_1_at_zero_as_the_book_does():
    assert relu_grad([-2.0, -0.0, 0.0, 3.0]).tolist() == [0.0, 1.0, 1.0, 1.0]
    assert relu_grad([[-1, 2]]).tolist() == [[0, 1]]  # the input's dtype, as zeros_like gives
    assert relu_grad([float("nan")]).tolist() == [0.0]  # nan >= 0 is False


@given(tensors(shapes(max_dims=2, max_side=4), elements=st.floats(-8, 8)))
def test_sigmoid_grad_is_the_slope_of_sigmoid(x):
    assert_allclose(sigmoid_grad(x), numerical_diff(sigmoid, x), rtol=1e-6, atol=1e-10)


@given(tensors(shapes(max_dims=2, max_side=4), elements=st.floats(-8, 8).filter(lambda v: abs(v) > 1e-3)))
def test_relu_grad_is_the_slope_of_relu_away_from_zero(x):
    assert relu_grad(x).tolist() == (x > 0).astype(float).tolist()
    assert_allclose(relu_grad(x), numerical_diff(lambda v: v * (v > 0), x), rtol=1e-9)
