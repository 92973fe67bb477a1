"""NumPy-named functions: exp, log, maximum, minimum, comparisons and reductions."""

import math

import pytest

import zeronn
from zeronn import exp, log, maximum, minimum, tensor
from zeronn.testing import assert_allclose

NAN, INF = math.nan, math.inf


def test_exp_follows_ieee():
    assert exp([0.0, -1000.0, 1000.0, -INF, INF]).tolist() == [1.0, 0.0, INF, 0.0, INF]
    assert math.isnan(exp([NAN]).item())
    assert_allclose(exp([1.0, -1.0]), [2.718281828459045, 0.36787944117144233], rtol=1e-15)


def test_log_follows_numpy():
    result = log([1.0, 0.0, -1.0, INF]).tolist()
    assert result[0] == 0.0 and result[1] == -INF and math.isnan(result[2]) and result[3] == INF


def test_maximum_and_minimum_propagate_nan_on_either_side():
    for a, b in [(NAN, 0.0), (0.0, NAN)]:
        assert math.isnan(maximum(a, b)) and math.isnan(minimum(a, b))
    # Python's own max is order-dependent with NaN; maximum is not.
    assert max(0.0, NAN) == 0.0 and math.isnan(max(NAN, 0.0))


def test_maximum_broadcasts_and_promotes_like_numpy():
    assert maximum([[1, 5]], [[3], [4]]).tolist() == [[3, 5], [4, 5]]
    assert maximum([1, -2], 0.0).tolist() == [1.0, 0.0]
    promoted = maximum(tensor([1, 5]), tensor([2.0, 1.0]))
    assert promoted.tolist() == [2.0, 5.0] and promoted.dtype == float
    pairs = tensor([1.0, 5.0, -1.0, NAN]), tensor([3.0, 2.0, -0.5, 0.0])  # element by element
    assert maximum(*pairs).tolist()[:3] == [3.0, 5.0, -0.5] and minimum(*pairs).tolist()[:3] == [1.0, 2.0, -1.0]
    assert math.isnan(maximum(*pairs)[3]) and math.isnan(minimum(*pairs[::-1])[3])
    bools = maximum([True, False], [0, 2])  # bools meet ints as ints
    assert bools.tolist() == [1, 2] and bools.dtype == int
    assert [type(v) for v in promoted.to_flat_list()] == [float, float]


# NumPy 2.4: repr(np.maximum(0, x)), repr(np.maximum(x, 1)) for x = [255, 0, 3] of each dtype.
WITH_A_NUMBER = [
    ("uint8", [255, 0, 3], "tensor([255,   0,   3], dtype=uint8)", "tensor([255,   1,   3], dtype=uint8)"),
    ("float32", [255, 0, 3], "tensor([255.,   0.,   3.], dtype=float32)", "tensor([255.,   1.,   3.], dtype=float32)"),
    ("int64", [255, 0, 3], "tensor([255,   0,   3])", "tensor([255,   1,   3])"),
    ("float64", [255, 0, 3], "tensor([255.,   0.,   3.])", "tensor([255.,   1.,   3.])"),
    ("bool", [True, False], "tensor([1, 0])", "tensor([1, 1])"),
]  # fmt: skip


@pytest.mark.parametrize("dtype, values, number_first, number_second", WITH_A_NUMBER)
def test_maximum_with_a_number_keeps_numpys_dtype_in_its_own_container(dtype, values, number_first, number_second):
    x = tensor(values, dtype=dtype)
    for result, expected in ((maximum(0, x), number_first), (maximum(x, 1), number_second)):
        assert repr(result) == expected
        assert type(result._storage) is type(result.dtype.storage([]))  # an array.array for uint8 and float32
    with_nan = maximum(x, NAN)  # NaN wins, in float32 for float32 and in float64 for the rest
    assert with_nan.dtype == ("float32" if dtype == "float32" else "float64")
    assert all(map(math.isnan, with_nan.tolist())) and len(with_nan) == len(values)


def test_comparison_functions_give_bools_not_integers():
    assert zeronn.greater([-1, 0, 2], 0).tolist() == [False, False, True]
    assert zeronn.less([-1, 0, 2], 0).tolist() == [True, False, False]
    assert zeronn.equal([1, 2], [1, 3]).tolist() == [True, False]


def test_free_reductions_take_numpy_arguments():
    x = [[1, 8], [5, 2]]
    assert zeronn.sum(x) == 16 and zeronn.sum(x, axis=-1, keepdims=True).tolist() == [[9], [7]]
    assert zeronn.max(x, axis=0).tolist() == [5, 8] and zeronn.min(x) == 1
    assert zeronn.argmax(x, axis=1).tolist() == [1, 0] and zeronn.mean(x) == 4.0
    assert zeronn.any([0, 1]) is True and zeronn.all([0, 1]) is False
    assert zeronn.abs([-1.5, 2]).tolist() == [1.5, 2.0]
    assert zeronn.dot([1, 2, 3], [4, 5, 6]) == 32
    for reduction in ("max", "min"):  # NumPy's message names the ufunc behind the reduction
        with pytest.raises(ValueError, match=f"^zero-size array to reduction operation {reduction}imum which has no"):
            getattr(tensor([]), reduction)()


def test_average_weighs_as_numpy_does():
    assert zeronn.average([1, 2, 3, 4]) == 2.5
    assert zeronn.average([[1, 2], [3, 4]], axis=0, weights=[[1, 0], [1, 1]]).tolist() == [2.0, 4.0]
    # 1-d weights along an axis; zeros in a must not upset the sum of the weights.
    assert zeronn.average([[0.0, 2.0], [4.0, 0.0]], axis=1, weights=[1, 3]).tolist() == [1.5, 1.0]
    assert zeronn.average([[0.0, 2.0], [4.0, 0.0]], axis=0, weights=[1, 3]).tolist() == [3.0, 0.5]
    with pytest.raises(ZeroDivisionError, match="Weights sum to zero, can't be normalized"):
        zeronn.average([1, 2], weights=[0, 0])
    with pytest.raises(ValueError, match=r"weights of shape \(3,\) do not fit a of shape \(1, 2\)"):
        zeronn.average([[1, 2]], weights=[1, 2, 3], axis=1)


def test_array_is_tensor_under_numpy_name():
    assert zeronn.array([-1.0, 1.0] , dtype=int).tolist() == [-1, 1]
    t = tensor([1])
    assert zeronn.asarray(t) is t
