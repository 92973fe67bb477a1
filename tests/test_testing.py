"""The shipped hypothesis strategies keep their promises."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zeronn import Tensor, broadcast_shapes, tensor
from zeronn.testing import (
    assert_allclose,
    broadcastable_shapes,
    mutually_broadcastable_shapes,
    shapes,
    tensors,
)


@given(shapes(min_dims=1, max_dims=3, min_side=2, max_side=4))
def test_shapes_respect_their_bounds(shape):
    assert 1 <= len(shape) <= 3 and all(2 <= side <= 4 for side in shape)


@given(tensors(shapes(max_dims=3), elements=st.integers(-3, 3)))
def test_tensors_have_the_drawn_shape_and_elements(t):
    assert isinstance(t, Tensor) and t.size == len(t.to_flat_list())
    assert all(-3 <= v <= 3 for v in t.to_flat_list())


@given(broadcastable_shapes((3, 1, 4), min_side=0))
def test_broadcastable_shapes_broadcast_against_the_shape(shape):
    broadcast_shapes(shape, (3, 1, 4))


@given(mutually_broadcastable_shapes(3, base_shape=(2, 1), max_side=3))
def test_mutually_broadcastable_shapes_report_their_result(drawn):
    assert len(drawn.input_shapes) == 3
    assert broadcast_shapes((2, 1), *drawn.input_shapes) == drawn.result_shape


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda: shapes(min_dims=-1), "min_dims=-1 must be at least 0"),
        (lambda: shapes(min_side=3, max_side=2), "max_side=2 must be at least min_side=3"),
        (lambda: tensors((2, -1)), "must not hold negative lengths"),
        (lambda: mutually_broadcastable_shapes(0), "num_shapes=0 must be at least 1"),
    ],
)
def test_strategy_arguments_are_checked_up_front(make, message):
    with pytest.raises(ValueError, match=message):
        make()


def test_assert_allclose_checks_shape_values_and_nan():
    assert_allclose(tensor([1.0, float("nan")]), [1.0 + 1e-9, float("nan")])
    with pytest.raises(AssertionError, match="shapes differ"):
        assert_allclose(tensor([1.0]), [[1.0]])
    with pytest.raises(AssertionError, match=r"first at \[1\]: actual 2.0, desired 2.5"):
        assert_allclose([1.0, 2.0], [1.0, 2.5])
    with pytest.raises(AssertionError):
        assert_allclose([float("inf")], [float("-inf")])
