"""logic.py: array_equal, array_equiv, isclose, allclose. Expected values are NumPy 2.4's."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zeronn import allclose, array_equal, array_equiv, isclose, tensor
from zeronn.testing import shapes, tensors

nan, inf = float("nan"), float("inf")


def test_array_equal_is_numpys():
    assert array_equal([1, 2], [1, 2]) is True and array_equal([1, 2], [1.0, 2.0]) is True
    assert array_equal([1, 2], [1, 2, 3]) is False and array_equal([1, 2], [[1, 2]]) is False
    assert array_equal(tensor(0), tensor(0.0)) is True
    b1 = tensor([1.0, 2.0, nan])
    assert array_equal(b1, b1) is False and array_equal(b1, b1, equal_nan=True) is True  # NaN: only if asked
    assert array_equal([1.0, nan], [nan, 1.0], equal_nan=True) is False
    assert array_equal([[1, 2], [3]], [1]) is False  # ragged: no array at all, as NumPy answers
    # compared as NumPy compares: int64 and float64 meet in float64, where 2**53 + 1 rounds to 2**53
    assert array_equal([2**53 + 1], [float(2**53)]) is True
    with pytest.raises(TypeError, match="got str 'a'"):  # what zeronn cannot hold is refused, not called unequal
        array_equal(["a"], ["a"])


def test_array_equiv_broadcasts():
    assert array_equiv([1, 1], [1]) is True and array_equiv([1, 1], [[1], [1]]) is True
    assert array_equiv([1, 2], [[1], [2]]) is False and array_equiv([1, 2], [1, 2, 3]) is False
    assert array_equiv([1, 2], [[1, 2, 3], [4, 5, 6], [7, 8, 9]]) is False


def test_isclose_and_allclose_are_numpys():
    assert isclose([1e10, 1e-7], [1.00001e10, 1e-8]).tolist() == [True, False]
    assert isclose([1e10, 1e-8], [1.0001e10, 1e-9]).tolist() == [False, True]
    assert isclose([1.0, nan], [1.0, nan]).tolist() == [True, False]
    assert isclose([1.0, nan], [1.0, nan], equal_nan=True).tolist() == [True, True]
    assert isclose([inf, -inf, inf], [inf, inf, 1e308]).tolist() == [True, False, False]
    assert isclose(1e-7, 0.0) is False and isclose(1e-7, 0.0, atol=1e-6) is True  # a bool for numbers
    assert isclose(100, 100.001, atol=0) is True and isclose(100.001, 100, atol=0) is False  # not symmetric
    assert allclose([1e10, 1e-8], [1.00001e10, 1e-9]) is True and allclose([1.0, nan], [1.0, nan]) is False


@given(tensors(shapes(max_dims=2), elements=st.floats(allow_nan=True, allow_infinity=True)))
def test_a_tensor_is_equal_and_close_to_itself_with_equal_nan(x):
    assert array_equal(x, x, equal_nan=True) and allclose(x, x, equal_nan=True)


@pytest.mark.oracle
@given(st.lists(st.floats(-1e3, 1e3) | st.sampled_from([nan, inf, -inf, 0.0, -0.0, 1e-9]), min_size=3, max_size=3),
       st.lists(st.floats(-1e3, 1e3) | st.sampled_from([nan, inf, -inf, 0.0, 1e-9]), min_size=3, max_size=3),
       st.booleans(), st.sampled_from(["float64", "float32"]))  # fmt: skip
def test_closeness_agrees_with_numpy(a, b, equal_nan, dtype):
    numpy = pytest.importorskip("numpy")
    x, y = tensor(a, dtype), tensor(b, dtype)
    p, q = numpy.array(a, dtype), numpy.array(b, dtype)
    with numpy.errstate(all="ignore"):
        assert isclose(x, y, equal_nan=equal_nan).tolist() == numpy.isclose(p, q, equal_nan=equal_nan).tolist()
        assert allclose(x, y, equal_nan=equal_nan) == numpy.allclose(p, q, equal_nan=equal_nan)
    assert array_equal(x, y, equal_nan) == numpy.array_equal(p, q, equal_nan)
