"""arange, zeros, ones, full and the rest of creation.py: NumPy's answers written down."""

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
    assert arange(1, 10, 3).dtype == int and arange(1.0, 3).dtype == float
    # NumPy fills by start + i*delta with delta = (start + step) - start: the book's x axis.
    x = arange(-5.0, 5.0, 0.1).to_flat_list()
    assert x[50] == -1.7763568394002505e-14 and x[1] == -4.9 and x[99] == 4.899999999999965


@given(st.integers(-50, 50), st.integers(-50, 50), st.integers(-7, 7).filter(bool))
def test_arange_length_is_the_ceiling_rule(start, stop, step):
    assert arange(start, stop, step).size == max(0, math.ceil((stop - start) / step))
    assert arange(start, stop, step).tolist() == list(range(start, stop, step))


@given(st.floats(-10, 10), st.floats(-10, 10), st.floats(0.01, 3))
def test_arange_values_follow_numpys_fill_rule(start, stop, step):
    values = arange(start, stop, step).to_flat_list()
    assert len(values) == max(0, math.ceil((stop - start) / step))
    delta = (start + step) - start
    assert values == [start, start + step, *(start + i * delta for i in range(2, len(values)))][: len(values)]


def test_zeros_ones_full():
    assert zeros((2, 3)).tolist() == [[0.0] * 3] * 2
    assert ones(2).tolist() == [1.0, 1.0]
    assert full((2, 2), 7).tolist() == [[7, 7], [7, 7]]
    assert zeros(()).shape == () and zeros((0, 4)).size == 0
