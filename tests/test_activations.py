"""The activation functions: the book's values, NumPy's answers, and their invariants."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zeronn import tensor
from zeronn.nn import identity, relu, sigmoid, softmax, step
from zeronn.testing import assert_allclose, shapes, tensors

finite = st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False)
wide = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
batches = tensors(shapes(min_dims=1, max_dims=2, max_side=6), elements=wide)

# ---------------------------------------------------------------------------
# Known values
# ---------------------------------------------------------------------------


def test_softmax_gives_the_books_values():
    assert_allclose(softmax([0.3, 2.9, 4.0]), [0.01821127, 0.24519181, 0.73659691], rtol=1e-6)


def test_softmax_rows_of_a_batch_match_numpy():
    expected = [[0.23611884, 0.47548496, 0.2883962], [0.02714903, 0.89905227, 0.0737987]]
    assert_allclose(softmax([[0.1, 0.8, 0.3], [-1.0, 2.5, 0.0]]), expected, rtol=1e-6)
    # Along axis 0 instead, each column sums to 1.
    columns = softmax([[0.1, 0.8], [-1.0, 2.5]], axis=0)
    assert_allclose(columns.sum(axis=0), [1.0, 1.0], rtol=1e-12)


def test_softmax_survives_large_inputs():
    assert_allclose(softmax([1000.0, 1010.0]), [4.5397868702434395e-05, 0.9999546021312976], rtol=1e-12)
    assert_allclose(softmax([1010.0, 1000.0, 990.0]).sum(), 1.0, rtol=1e-12)
    # Along axis 0 (the book's formula on tensors, not the row kernel): NumPy's numbers exactly.
    columns = softmax(tensor([[1000.0, 1000.0], [1001.0, 999.0]]), axis=0)
    assert columns.tolist() == [[0.2689414213699951, 0.7310585786300049], [0.7310585786300049, 0.2689414213699951]]


def test_softmax_keeps_float32_and_makes_float64_of_ints():
    # NumPy 2.4, the book's softmax on a float32 batch. Its float32 exp may differ from
    # exp in float64 rounded to float32 in the last bit, hence the tolerance of 1e-6.
    result = softmax(tensor([[1.0, 2.0, 3.0], [0.5, 0.25, -1.0]], dtype="float32"))
    assert result.dtype == "float32"
    assert_allclose(result, [[0.09003057, 0.24472846, 0.66524094], [0.49951774, 0.38902476, 0.11145747]], rtol=1e-6)
    of_ints = softmax(tensor([[1, 2], [3, 5]]), axis=0)
    assert of_ints.dtype == "float64"
    assert_allclose(of_ints, [[0.11920292, 0.04742587], [0.88079708, 0.95257413]], rtol=1e-7)


def test_sigmoid_matches_numpy_and_never_overflows():
    expected = [0.11920292, 0.37754067, 0.5, 0.62245933, 0.95257413]
    assert_allclose(sigmoid([-2.0, -0.5, 0.0, 0.5, 3.0]), expected, rtol=1e-7)
    assert sigmoid([-1000.0, 1000.0, -math.inf, math.inf]).tolist() == [0.0, 1.0, 0.0, 1.0]
    assert math.isnan(sigmoid([math.nan]).item())
    # Other dtypes take the book's formula itself: float32 stays float32, ints give float64.
    with pytest.raises(ValueError, match="zero-size array to reduction operation maximum which has no identity"):
        softmax(tensor([[], []]))  # rows of nothing have no largest value to subtract, as in the book's code
    halves = sigmoid(tensor([0.0, 1.0], dtype="float32"))
    assert halves.dtype == "float32" and halves.tolist() == [0.5, 0.7310585975646973]
    assert sigmoid(tensor([-1, 0, 3])).tolist() == [0.2689414213699951, 0.5, 0.9525741268224334]


def test_step_relu_identity_fixed_cases():
    assert step([-1.0, 0.0, 2.0]).tolist() == [0, 0, 1]
    assert step([math.nan, math.inf, -math.inf]).tolist() == [0, 1, 0]
    assert relu([-2.0, 0.0, 3.5, -math.inf, math.inf]).tolist() == [0.0, 0.0, 3.5, 0.0, math.inf]
    assert math.isnan(relu([math.nan]).item())
    assert relu([-1000.0, 1000.0]).tolist() == [0.0, 1000.0]
    assert identity([0.3, -1.2]).tolist() == [0.3, -1.2]


# ---------------------------------------------------------------------------
# Invariants
# ---------------------------------------------------------------------------


@given(batches)
def test_softmax_rows_sum_to_one(x):
    sums = softmax(x).sum(axis=-1)
    for total in sums.to_flat_list() if x.ndim > 1 else [sums]:
        assert abs(total - 1.0) <= 1e-12


@given(batches, finite)
def test_softmax_is_shift_invariant(x, shift):
    assert_allclose(softmax(x + shift), softmax(x), rtol=1e-9, atol=1e-12)


@given(tensors(shapes(min_dims=1, max_dims=1), elements=finite))
def test_softmax_keeps_the_argmax(x):
    probabilities = softmax(x)
    assert probabilities.to_flat_list()[x.argmax()] == probabilities.max()


@given(batches)
def test_softmax_values_lie_in_the_unit_interval(x):
    assert all(0.0 <= p <= 1.0 for p in softmax(x).to_flat_list())


@given(tensors(shapes(max_dims=2), elements=st.floats(allow_nan=False)))
def test_sigmoid_stays_in_the_unit_interval(x):
    assert all(0.0 <= v <= 1.0 for v in sigmoid(x).to_flat_list())


@given(finite, finite)
def test_sigmoid_is_monotone(a, b):
    low, high = sorted((a, b))
    assert sigmoid(low) <= sigmoid(high)  # Python floats in, Python floats out, as NumPy's scalars


@given(tensors(shapes(max_dims=2), elements=finite))
def test_sigmoid_is_symmetric_about_one_half(x):
    assert_allclose(sigmoid(-x), 1 - sigmoid(x), rtol=1e-9, atol=1e-15)


@given(tensors(shapes(max_dims=2), elements=wide))
def test_relu_is_non_negative(x):
    assert all(v >= 0 for v in relu(x).to_flat_list())


@given(tensors(shapes(max_dims=2), elements=st.floats(0, 1e6)))
def test_relu_is_the_identity_on_non_negative_inputs(x):
    assert relu(x).tolist() == x.tolist()


@given(tensors(shapes(max_dims=2), elements=wide))
def test_relu_is_idempotent(x):
    assert relu(relu(x)).tolist() == relu(x).tolist()


@given(tensors(shapes(max_dims=2), elements=st.floats(allow_nan=False)))
def test_step_is_zero_or_one_and_equals_x_greater_than_zero(x):
    result = step(x)
    assert set(result.to_flat_list()) <= {0, 1}
    assert result.tolist() == (x > 0).astype(int).tolist() and result.dtype == int


@given(tensors(shapes(min_dims=0, max_dims=2), elements=st.floats(allow_nan=False)))
def test_identity_returns_equal_values(x):
    assert identity(x).tolist() == x.tolist() and identity(x.tolist()).tolist() == x.tolist()


def test_activations_accept_plain_lists_and_numbers():
    assert sigmoid(0) == 0.5 and step(tensor(3)).tolist() == 1 and relu([-1, 2]).tolist() == [0, 2]


def test_the_wrong_values_of_the_issue_are_numpys_now():
    # An element's sigmoid no longer depends on its neighbours (one element below -709.78
    # used to switch the formula for the whole tensor):
    assert sigmoid([-800.0, 1.0]).tolist()[1] == sigmoid([1.0]).tolist()[0] == 0.7310585786300049
    assert sigmoid([-745.5]).tolist() == [0.0]  # NumPy's 1 / (1 + inf), not a subnormal
    # relu(-0.0) is NumPy's maximum(0, -0.0): of equal values the second, -0.0.
    assert math.copysign(1.0, relu([-0.0]).item()) == -1.0
    assert math.copysign(1.0, relu(tensor([-0.0])).item()) == -1.0
