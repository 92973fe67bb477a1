"""NumPy-named functions: exp, log, maximum, minimum, comparisons and reductions."""

import math

import pytest

import zeronn
from zeronn import exp, log, maximum, minimum, tensor
from zeronn.testing import assert_allclose

NAN, INF = math.nan, math.inf


@zeronn.errstate(over="ignore")
def test_exp_follows_ieee():
    assert exp([0.0, -1000.0, 1000.0, -INF, INF]).tolist() == [1.0, 0.0, INF, 0.0, INF]
    assert math.isnan(exp([NAN]).item())
    assert_allclose(exp([1.0, -1.0]), [2.718281828459045, 0.36787944117144233], rtol=1e-15)


@zeronn.errstate(divide="ignore", invalid="ignore")
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
    # repr pins the dtype too: [False, True] == [0, 1] in Python, so tolist() alone would not.
    x, y = tensor([1.0, 2.0, NAN]), tensor([1.0, 3.0, NAN])
    for function, operator_, expected in [
        (zeronn.equal, lambda a, b: a == b, "tensor([ True, False, False])"),
        (zeronn.not_equal, lambda a, b: a != b, "tensor([False,  True,  True])"),
        (zeronn.less, lambda a, b: a < b, "tensor([False,  True, False])"),
        (zeronn.less_equal, lambda a, b: a <= b, "tensor([ True,  True, False])"),
        (zeronn.greater, lambda a, b: a > b, "tensor([False, False, False])"),
        (zeronn.greater_equal, lambda a, b: a >= b, "tensor([ True, False, False])"),
    ]:
        assert repr(function(x, y)) == expected == repr(operator_(x, y)), function.__name__
        assert function(tensor([1, 2], dtype="int8"), 2).dtype == "bool"


def test_integer_operands_take_numpys_loops():
    # exp, log and sqrt take integers as the smallest float holding them all, as NumPy 2.4 does
    assert repr(log(tensor([1, 2]))) == "tensor([0.        , 0.69314718])"
    assert repr(zeronn.sqrt(tensor([4, 2], dtype="int16"))) == "tensor([2.       , 1.4142135], dtype=float32)"
    e32 = exp(tensor([1], dtype="uint16"))  # NumPy's float32 exp gives 2.7182819843; zeronn's may be 1 ulp off
    assert e32.dtype == "float32" and math.isclose(e32.item(), 2.7182819843292236, rel_tol=2.5e-7)
    assert zeronn.sqrt(tensor([4], dtype="int32")).dtype == "float64"
    assert exp(tensor([0], dtype="uint64")).dtype == "float64"
    for small in (tensor([True]), tensor([4], dtype="int8"), tensor([4], dtype="uint8")):
        assert zeronn.sqrt(small).dtype == "float16"  # NumPy's smallest float that holds them
    assert repr(zeronn.sqrt(tensor([4, 9], dtype="int8"))) == "tensor([2., 3.], dtype=float16)"
    assert zeronn.sqrt(tensor([4], dtype="uint8").astype("float32")).tolist() == [2.0]  # the way round it
    bools, trues = tensor([True, False]), tensor([True, True])
    assert repr(bools % trues) == "tensor([0, 0], dtype=int8)"  # NumPy computes %, // and ** of bools in int8
    assert repr(bools // trues) == "tensor([1, 0], dtype=int8)" and repr(bools ** trues) == "tensor([1, 0], dtype=int8)"
    # A Python int too large for every integer dtype: / takes it as a float, comparisons compare exactly.
    assert repr(tensor([1], dtype="uint8") / 2**70) == "tensor([8.47032947e-22])"
    assert repr(tensor([2], dtype="int8") < 2**70) == "tensor([ True])"


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
    with pytest.raises(ValueError, match=r"^Shape of weights must be .*: weights \(3,\), a \(1, 2\), axis 1"):
        zeronn.average([[1, 2]], weights=[1, 2, 3], axis=1)
    with pytest.raises(TypeError, match="^Axis must be specified when shapes of a and weights differ."):
        zeronn.average([[1, 2]], weights=[1, 2])


def test_average_computes_in_numpys_dtype():
    # NumPy 2.4: integer weights meet integers in float64, so uint8 weights never wrap (not 72.0)
    uint8 = tensor([200, 200], dtype="uint8")
    assert zeronn.average(uint8, weights=tensor([2, 2], dtype="uint8")) == 200.0
    assert zeronn.average(uint8, weights=tensor([2, 2], dtype="uint8"), returned=True) == (200.0, 4.0)
    # float32 with float32 weights stays float32; with int64 weights it is float64
    f4 = tensor([[1.0, 2.0], [3.0, 5.0]], dtype="float32")
    f4_weights = tensor([[1.0, 1.0], [3.0, 3.0]], dtype="float32")
    assert zeronn.average(f4, axis=0, weights=f4_weights).dtype == "float32"
    assert zeronn.average(f4, axis=1, weights=[1, 3]).dtype == "float64"
    assert zeronn.average(f4, axis=1, weights=[1, 3]).tolist() == [1.75, 4.5]
    mean, count = zeronn.average(f4, axis=0, returned=True)
    assert mean.dtype == "float32" and mean.tolist() == [2.0, 3.5] and count.tolist() == [2.0, 2.0]
    assert count.dtype == "float32"


def test_array_is_tensor_under_numpy_name():
    assert zeronn.array([-1.0, 1.0] , dtype=int).tolist() == [-1, 1]
    t = tensor([1])
    assert zeronn.asarray(t) is t


def test_array_takes_numpys_copy_order_and_ndmin():
    a = zeronn.arange(24).reshape(2, 3, 4)
    assert zeronn.array(a, order="F").strides == (8, 16, 48) and zeronn.array(a.T, order="A").strides == (8, 32, 96)
    assert zeronn.array(a, copy=False) is a and zeronn.asarray(a) is a and zeronn.array(a) is not a
    assert zeronn.asarray(a, order="F").strides == (8, 16, 48)
    assert zeronn.array(5, ndmin=2).tolist() == [[5]] and zeronn.shares_memory(zeronn.array(a, copy=None, ndmin=4), a)
    with pytest.raises(ValueError, match=r"^Unable to avoid copy while creating an array as requested\.$"):
        zeronn.array(a, copy=False, order="F")
    with pytest.raises(ValueError, match=r"^Unable to avoid copy while creating an array as requested\.$"):
        zeronn.array([1, 2], copy=False)


def test_ascontiguousarray_and_asfortranarray_copy_only_when_needed():
    x = zeronn.arange(6).reshape(2, 3)
    column_major = x.T
    assert zeronn.ascontiguousarray(x) is x and zeronn.asfortranarray(column_major) is column_major
    row = zeronn.ascontiguousarray(x.T)
    assert row.strides == (16, 8) and row.tolist() == [[0, 3], [1, 4], [2, 5]]
    assert zeronn.asfortranarray(x).strides == (8, 16) and zeronn.ascontiguousarray(7).tolist() == [7]
    assert zeronn.ascontiguousarray([1.5], dtype="float32").dtype is zeronn.dtypes.float32
