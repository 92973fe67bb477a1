"""arange, zeros, ones, full: NumPy's answers written down."""

import math

from hypothesis import given
from hypothesis import strategies as st

from zeronn import arange, full, ones, zeros


def test_arange_matches_numpy():
    assert arange(5).tolist() == [0, 1, 2, 3, 4]
    assert arange(10, 0, -3).tolist() == [10, 7, 4, 1]
    assert arange(3, 1).tolist() == []
    assert arange(0.5, 2.1, 0.3).shape == (6,)
    assert arange(0, 1, 0.1).shape == (10,)
    assert arange(-5.0, 5.0, 0.1).shape == (100,)
    assert arange(1, 10, 3).dtype is int and arange(1.0, 3).dtype is float


@given(st.integers(-50, 50), st.integers(-50, 50), st.integers(-7, 7).filter(bool))
def test_arange_length_is_the_ceiling_rule(start, stop, step):
    assert arange(start, stop, step).size == max(0, math.ceil((stop - start) / step))
    assert arange(start, stop, step).tolist() == list(range(start, stop, step))


@given(st.floats(-10, 10), st.floats(-10, 10), st.floats(0.01, 3))
def test_arange_values_are_start_plus_i_step(start, stop, step):
    values = arange(start, stop, step).to_flat_list()
    assert len(values) == max(0, math.ceil((stop - start) / step))
    assert values == [start + i * step for i in range(len(values))]


def test_zeros_ones_full():
    assert zeros((2, 3)).tolist() == [[0.0] * 3] * 2
    assert ones(2).tolist() == [1.0, 1.0]
    assert full((2, 2), 7).tolist() == [[7, 7], [7, 7]]
    assert zeros(()).shape == () and zeros((0, 4)).size == 0
