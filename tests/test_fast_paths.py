"""Every fast path gives the answer of the straightforward one (issue: speed close to the
pure-Python limit). The fast paths are measured in benchmarks/run.py; here only their
answers count."""

import math
import sys

from hypothesis import given
from hypothesis import strategies as st

from zeronn import dot, maximum, relu, sigmoid, softmax, tensor
from zeronn.activations import _stable_sigmoid
from zeronn.core import _dot_rows, _dot_rows_skipping_zeros, _worth_skipping_zeros
from zeronn.testing import assert_allclose, shapes, tensors

finite = st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False)
# Mostly zeros, like an MNIST image (82 % of its pixels are 0).
sparse = st.one_of(st.just(0.0), st.just(0.0), st.just(0.0), st.just(0.0), finite)


@given(st.integers(1, 5), st.integers(1, 12), st.integers(1, 5), st.data())
def test_skipping_zeros_gives_the_dense_products(m, n, p, data):
    rows = [data.draw(st.lists(sparse, min_size=n, max_size=n)) for _ in range(m)]
    cols = [data.draw(st.lists(finite, min_size=n, max_size=n)) for _ in range(p)]
    skipped, dense = _dot_rows_skipping_zeros(rows, cols), _dot_rows(rows, cols)
    if sys.version_info >= (3, 12):  # math.sumprod's extended precision: last bits only
        assert_allclose(skipped, dense, rtol=1e-15, atol=1e-300)
    else:  # a zero term adds exactly nothing to a running float sum
        assert skipped == dense


@given(st.integers(1, 4), st.data())
def test_dot_takes_the_zero_skipping_path_and_agrees_with_the_triple_loop(m, data):
    # A first row of zeros but one: dot decides from the first row to skip zeros.
    a = tensor([[0.0] * 7 + [1.5]] + data.draw(tensors((m, 8), elements=sparse)).tolist())
    b = data.draw(tensors((8, 3), elements=finite))
    assert _worth_skipping_zeros(a.to_flat_list(), b.to_flat_list(), 8)
    expected = [[math.fsum(a[i, k] * b[k, j] for k in range(8)) for j in range(3)] for i in range(m + 1)]
    assert_allclose(a.dot(b), expected, rtol=1e-9, atol=1e-9)


def test_a_zero_times_infinity_is_not_skipped():
    mostly_zero = [0.0, 0.0, 0.0, 2.0]
    assert math.isnan(dot(mostly_zero, [[math.inf], [1.0], [1.0], [1.0]]).item())
    assert math.isnan(dot(mostly_zero, [[math.nan], [1.0], [1.0], [1.0]]).item())
    assert dot(mostly_zero, [[-math.inf], [1.0], [1.0], [1.0]]).tolist() != [2.0]
    assert math.isnan(dot([[0.0, 0.0, 0.0, math.nan]], [[1.0]] * 4)[0, 0])  # NaN in the kept part


@given(tensors(shapes(max_dims=2), elements=st.floats(allow_nan=False)))
def test_sigmoid_fast_formula_agrees_with_the_stable_form(x):
    fast = sigmoid(x).to_flat_list()
    stable = [_stable_sigmoid(v) for v in x.to_flat_list()]
    assert_allclose(fast, stable, rtol=1e-12, atol=1e-300)


@given(tensors(shapes(max_dims=2), elements=st.floats()))
def test_relu_fast_path_is_maximum_with_zero(x):
    fast, reference = relu(x).to_flat_list(), maximum(x, 0.0).to_flat_list()
    assert [math.isnan(v) for v in fast] == [math.isnan(v) for v in reference]
    assert [v for v in fast if not math.isnan(v)] == [v for v in reference if not math.isnan(v)]


@given(tensors(shapes(min_dims=2, max_dims=3), elements=finite))
def test_softmax_row_path_agrees_with_the_whole_tensor_steps(x):
    # axis=-1 takes the row-by-row path; the same softmax along axis 0 of the transpose
    # goes through max/exp/sum/divide on whole tensors.
    by_rows = softmax(x, axis=-1)
    by_steps = softmax(x.T, axis=0).T
    assert_allclose(by_rows, by_steps, rtol=1e-12, atol=1e-300)
