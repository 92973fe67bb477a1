"""The reductions zeronn added (prod, cumsum, cumprod, argmin, var, std, ptp, clip, round) and
NumPy's keywords on all of them (tuple axes, where=, out=, dtype=, initial=, keepdims=).

The literals are NumPy 2.4's answers; the oracle tests at the end draw tensors and compare
with NumPy itself where it is installed.
"""

import math
import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

import zeronn
from zeronn import errstate, statistics, tensor
from zeronn.testing import assert_allclose, shapes, tensors

M = tensor([[1, 2, 3], [4, 5, 6]])


# ---------------------------------------------------------------------------
# The new reductions, NumPy's answers written down
# ---------------------------------------------------------------------------


def test_prod_multiplies_as_numpys_multiply_reduce():
    assert zeronn.prod([[1, 2, 3, 4], [5, 6, 7, 9], [10, 3, 4, 5]], axis=-1).tolist() == [24, 1890, 600]
    assert M.prod() == 720 and M.prod(axis=0).tolist() == [4, 10, 18] and tensor([]).prod() == 1.0
    small = tensor([100, 3], dtype="int8")
    assert small.prod() == 300 and tensor([200, 2], dtype="uint8").prod() == 400  # as int64 / uint64
    assert tensor([2**62, 4]).prod() == 0  # int64 wraps
    assert tensor([True, True]).prod() == 1 and tensor([0.1, 3.0], dtype="float32").prod() == 0.30000001192092896
    assert M.prod(axis=(0, 1), keepdims=True).tolist() == [[720]] and M.prod(initial=2) == 1440
    assert M.prod(where=M > 3) == 120 and M.prod(dtype=float) == 720.0


def test_argmin_finds_the_first_smallest_or_the_first_nan():
    assert tensor([[3, 1], [0, 5]]).argmin() == 2
    assert tensor([[3, 1], [0, 5]]).argmin(axis=1, keepdims=True).tolist() == [[1], [0]]
    assert zeronn.argmin([2.0, math.nan, 1.0, math.nan]) == 1 and zeronn.argmin([1, 0, 0]) == 1
    assert zeronn.argmax([[1, 9], [7, 2]], axis=0, keepdims=True).tolist() == [[1, 0]]
    with pytest.raises(ValueError, match="attempt to get argmin of an empty sequence"):
        tensor([]).argmin()


def test_cumsum_and_cumprod_keep_the_running_totals():
    assert zeronn.cumsum([[1, 2], [3, 4]]).tolist() == [1, 3, 6, 10]
    assert zeronn.cumsum([[1, 2], [3, 4]], axis=0).tolist() == [[1, 2], [4, 6]]
    assert zeronn.cumsum([[1, 2], [3, 4]], axis=-1).tolist() == [[1, 3], [3, 7]]
    int8 = tensor([100, 100], dtype="int8")
    assert int8.cumsum().tolist() == [100, 200] and int8.cumsum().dtype == "int64"
    assert int8.cumsum(dtype="int8").tolist() == [100, -56]
    assert tensor([True, True]).cumsum().tolist() == [1, 2]
    assert tensor([1.5, 2.0], dtype="float32").cumprod().tolist() == [1.5, 3.0]
    assert zeronn.cumprod([1, 2, 3, 4]).tolist() == [1, 2, 6, 24] and zeronn.cumsum([]).tolist() == []
    assert tensor([1.5, 2.5]).cumsum(dtype=int).tolist() == [1, 3]  # each element converted first
    out = zeronn.zeros(4, dtype=int)
    assert zeronn.cumsum([[1, 2], [3, 4]], out=out) is out and out.tolist() == [1, 3, 6, 10]


def test_float32_running_sums_round_at_each_step_as_numpys_do():
    # NumPy's float32 add.accumulate rounds every partial sum to float32: 2**24 + 1 is 2**24.
    x = tensor([2.0**24, 1.0, 1.0], dtype="float32")
    assert x.cumsum().tolist() == [16777216.0, 16777216.0, 16777216.0]


def test_var_and_std_follow_numpys_steps():
    a = tensor([1, -1, 1, -1])
    assert zeronn.var(a) == 1.0 and zeronn.std(a) == 1.0
    assert zeronn.var(a, ddof=1) == 1.3333333333333333 and zeronn.var(a, correction=1) == 1.3333333333333333
    assert zeronn.var([[1, 2, 3], [4, 5, 6]]) == 2.9166666666666665
    assert zeronn.var([[1, 2, 3], [4, 5, 6]], 0).tolist() == [2.25, 2.25, 2.25]
    assert zeronn.std([[1, 2, 3], [4, 5, 6]]) == 1.707825127659933
    assert_allclose(zeronn.std([[1, 2, 3], [4, 5, 6]], 1), [0.816496580927726, 0.816496580927726])
    assert zeronn.var(1) == 0.0 and zeronn.std(1) == 0.0
    assert zeronn.var(tensor([1.0, 2.0], dtype="float32")) == 0.25
    assert zeronn.var(tensor([1.0, 2.0], dtype="float32")).__class__ is float
    with pytest.raises(ValueError, match="ddof and correction can't be provided simultaneously."):
        zeronn.var(a, ddof=1, correction=0)


def test_var_of_too_few_elements_warns_as_numpy_does():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert math.isnan(zeronn.var([1.0], ddof=1)) and zeronn.var([1.0, 2.0], ddof=3) == math.inf
        assert math.isnan(zeronn.std([]))
    messages = [str(w.message) for w in caught]
    assert messages.count("Degrees of freedom <= 0 for slice") == 3
    assert "invalid value encountered in divide" in messages and "divide by zero encountered in divide" in messages


def test_var_takes_the_mean_where_and_out():
    x = tensor([[1.0, 2.0, 4.0], [3.0, 5.0, 9.0]])
    mean = x.mean(axis=1, keepdims=True)
    assert x.var(axis=1, mean=mean).tolist() == x.var(axis=1).tolist()
    where = x > 1.5
    assert_allclose(x.var(axis=1, where=where), [1.0, 6.222222222222221], rtol=1e-15)  # (3.12+ sums compensated)
    assert x.mean(axis=1, where=where).tolist() == [3.0, 5.666666666666667]
    out = zeronn.zeros((2, 1))
    assert x.std(axis=1, keepdims=True, out=out) is out and out.shape == (2, 1)
    assert x.var(axis=(0, 1)) == x.var()


def test_ptp_is_the_range():
    assert zeronn.ptp([3, 4, 5, 10, -3, -5, 6.0]) == 15.0
    assert zeronn.ptp([[1, 5], [2, 9]], axis=1).tolist() == [4, 7]
    assert zeronn.ptp(tensor([0, 255], dtype="uint8")) == 255


def test_clip_brings_each_element_into_the_range():
    assert zeronn.clip([-1, 5, 2, 3, 10, -4, -9], 2, 7).tolist() == [2, 5, 2, 3, 7, 2, 2]
    nan_stays = zeronn.clip([1.5, math.nan], 0, 1).tolist()
    assert nan_stays[0] == 1.0 and math.isnan(nan_stays[1])
    assert zeronn.clip([1, 5], 3, 2).tolist() == [2, 2]  # min > max: every element is max
    assert zeronn.clip([1, 5], 1.5, 2).tolist() == [1.5, 2.0]  # a float bound: float64, as in NumPy
    assert tensor([1, 200], dtype="uint8").clip(0, 300).tolist() == [1, 200]  # Python ints beyond uint8
    assert tensor([1, 100], dtype="int8").clip(-300, 50).tolist() == [1, 50]
    assert zeronn.clip([1, 5], None, 3).tolist() == [1, 3] and zeronn.clip([[1, 5]], [2], [[4], [5]]).shape == (2, 2)
    with pytest.raises(ValueError, match="One of max or min must be given"):
        zeronn.clip([1], None, None)


def test_round_is_numpys_around():
    assert zeronn.around([1.56, 72.54, 6.35, 3.25], decimals=1).tolist() == [1.6, 72.5, 6.4, 3.2]
    assert zeronn.round([1.5, 2.5, -0.5]).tolist() == [2.0, 2.0, -0.0]
    assert math.copysign(1, zeronn.round([-0.5]).tolist()[0]) == -1
    assert zeronn.round([2.675], 2).tolist() == [2.68] and zeronn.round(3.14159, 2) == 3.14
    assert zeronn.round([1234, -1250], -2).tolist() == [1200, -1200]
    assert tensor([125], dtype="int8").round(-1).tolist() == [120]
    assert tensor([1, 2], dtype="int8").round(1).dtype == "int8"
    assert tensor([1.5], dtype="float32").round(1).dtype == "float32"
    assert repr(zeronn.round([True, False])) == "tensor([1., 0.], dtype=float16)"  # NumPy's rint of bools


# ---------------------------------------------------------------------------
# NumPy's keywords on every reduction
# ---------------------------------------------------------------------------


def test_tuple_axes_reduce_several_axes_at_once():
    x = zeronn.arange(24).reshape(2, 3, 4)
    assert x.sum(axis=(0, 2)).tolist() == [60, 92, 124] and x.sum(axis=(0, 1, 2)) == 276
    assert x.sum(axis=(2, 0), keepdims=True).shape == (1, 3, 1)
    assert x.max(axis=(-1, 0)).tolist() == [15, 19, 23] and x.min(axis=(0, 1)).tolist() == [0, 1, 2, 3]
    assert x.mean(axis=(1, 2)).tolist() == [5.5, 17.5] and x.any(axis=(0, 1)).tolist() == [True] * 4
    assert x.sum(axis=()).tolist() == x.tolist()  # no axis reduced: each element its own lane
    assert x.T.sum(axis=(0, 1)).tolist() == [66, 210]
    with pytest.raises(ValueError, match="duplicate value in 'axis'"):
        x.sum(axis=(0, -3))
    with pytest.raises(zeronn.OutOfBoundsError, match="axis 3 is out of bounds for array of dimension 3"):
        x.sum(axis=(0, 3))


def test_where_leaves_elements_out():
    assert M.sum(where=M > 2) == 18 and M.sum(axis=1, where=[True, False, True]).tolist() == [4, 10]
    assert M.mean(where=tensor([[True, False, True], [True, True, True]])) == 3.8
    assert M.max(where=M < 5, initial=0) == 4 and M.min(axis=0, where=M > 1, initial=9).tolist() == [4, 2, 3]
    assert M.all(where=M > 3) is True and M.any(axis=1, where=M > 5).tolist() == [False, True]
    with pytest.raises(ValueError, match="zero-size array to reduction operation maximum which has no identity"):
        M.max(where=M > 10)
    with pytest.raises(ValueError, match="operands could not be broadcast together with shapes"):
        M.sum(where=[True, False])


def test_dtype_initial_and_keepdims():
    assert tensor([1.5, 2.5]).sum(dtype=int) == 3 and M.sum(dtype="float32") == 21.0
    assert tensor([200, 100], dtype="uint8").sum(dtype="uint8") == 44  # wraps in the dtype asked for
    assert M.mean(dtype="float32") == 3.5 and M.sum(initial=10) == 31
    assert M.max(initial=10) == 10 and tensor([]).max(initial=-1.0) == -1.0
    assert M.max(axis=1, keepdims=True).tolist() == [[3], [6]] and M.sum(keepdims=True).tolist() == [[21]]


def test_out_receives_the_reduction():
    out = zeronn.zeros(3)
    assert M.sum(axis=0, out=out) is out and out.tolist() == [5.0, 7.0, 9.0]
    scalar = zeronn.zeros((), dtype=int)
    assert zeronn.sum([1.5, 1.0], out=scalar) is scalar and scalar.item() == 2  # cast unsafely, as NumPy's
    mean_out = zeronn.zeros((2, 1))
    assert zeronn.mean(M, axis=1, keepdims=True, out=mean_out) is mean_out and mean_out.tolist() == [[2.0], [5.0]]
    with pytest.raises(ValueError, match="output parameter for reduction operation add has the wrong number"):
        M.sum(out=zeronn.zeros(1))
    with pytest.raises(ValueError, match="output parameter for reduction operation add has a non-matching shape"):
        M.sum(axis=0, out=zeronn.zeros(2))


def test_reductions_never_change_their_operand():
    x = tensor([[3.0, 1.0], [2.0, 5.0]])
    before = x.tolist()
    for reduction in (x.prod, x.cumsum, x.cumprod, x.argmin, x.var, x.std, x.round):
        reduction()
    x.clip(2, 4)
    x.sum(axis=(0, 1), where=x > 2)
    assert x.tolist() == before


# ---------------------------------------------------------------------------
# Lane functions
# ---------------------------------------------------------------------------


def test_lane_functions():
    assert statistics.product(zeronn.dtype("int64"))([2, 3, 4]) == 24
    assert statistics.product(zeronn.dtype("float64"), 2.0)([]) == 2.0
    assert statistics.argmin_of([3, 1, 1]) == 1
    assert statistics.accumulate_lanes([1, 2, 3, 4], (2, 2), 0, lambda a, b: a + b, zeronn.dtype("int64")) == [
        1, 2, 4, 6]


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------

finite = st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False)


@given(tensors(shapes(min_dims=1, max_dims=3, max_side=4), elements=finite))
def test_the_last_running_sum_is_the_sum(x):
    flat = x.cumsum()
    assert_allclose(flat[-1], x.sum(), rtol=1e-9, atol=1e-9)


@given(tensors(shapes(min_dims=1, max_dims=3, max_side=4), elements=finite))
def test_variance_is_never_negative_and_std_is_its_root(x):
    variance = as_list(x.var(axis=-1))
    assert all(v >= 0 for v in variance)
    assert_allclose(as_list(x.std(axis=-1)), [math.sqrt(v) for v in variance], rtol=1e-12)


@given(tensors(shapes(min_dims=2, max_dims=3, max_side=4), elements=finite))
def test_reducing_two_axes_at_once_is_reducing_them_one_after_the_other(x):
    assert_allclose(x.sum(axis=(0, 1)), x.sum(axis=1).sum(axis=0), rtol=1e-9, atol=1e-6)
    assert x.max(axis=(0, 1)).tolist() == x.max(axis=1).max(axis=0).tolist() if x.ndim == 3 else True


@given(tensors(shapes(min_dims=1, max_dims=2, max_side=5), elements=finite), finite, finite)
def test_clip_lands_in_the_range(x, low, high):
    clipped = x.clip(min(low, high), max(low, high)).to_flat_list() if x.ndim else []
    assert all(min(low, high) <= v <= max(low, high) for v in clipped)


def as_list(result):
    return result.to_flat_list() if isinstance(result, zeronn.Tensor) else [result]


# ---------------------------------------------------------------------------
# Against NumPy itself
# ---------------------------------------------------------------------------

REDUCTIONS = ["sum", "prod", "mean", "var", "std", "max", "min", "ptp", "any", "all"]
specials = st.sampled_from([0.0, -0.0, 1.0, -2.5, 3.0, 1e300, -1e300, math.inf, -math.inf, math.nan, 7.0])


@pytest.mark.oracle
@given(tensors(shapes(min_dims=1, max_dims=3, max_side=3), elements=st.one_of(finite, specials)),
       st.sampled_from(REDUCTIONS), st.data())
def test_reductions_match_numpy_with_every_keyword(x, name, data):
    numpy = pytest.importorskip("numpy")
    axes = data.draw(st.sets(st.integers(0, x.ndim - 1)).map(tuple) | st.none() | st.integers(-x.ndim, x.ndim - 1))
    keepdims = data.draw(st.booleans())
    keywords = {"axis": axes, "keepdims": keepdims}
    if name in ("sum", "prod", "mean", "var", "std", "any", "all") and data.draw(st.booleans()):
        keywords["where"] = data.draw(tensors(x.shape, elements=st.booleans()))
    if name in ("max", "min") and data.draw(st.booleans()):
        keywords["initial"] = -5.0 if name == "max" else 5.0
        if data.draw(st.booleans()):
            keywords["where"] = data.draw(tensors(x.shape, elements=st.booleans()))
    results = []
    for module, operand in ((zeronn, x), (numpy, numpy.array(x.tolist()))):
        arguments = {k: (numpy.array(v.tolist()) if module is numpy and isinstance(v, zeronn.Tensor) else v)
                     for k, v in keywords.items()}
        with module.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                results.append(numpy.asarray(as_list(getattr(module, name)(operand, **arguments))
                                             if module is zeronn else getattr(module, name)(operand, **arguments)))
            except (ValueError, TypeError) as error:
                results.append(type(error))
    mine, numpys = results
    if isinstance(numpys, type) or isinstance(mine, type):
        assert isinstance(numpys, type) and isinstance(mine, type), (mine, numpys)
        return
    assert numpy.allclose(mine.ravel(), numpys.ravel(), rtol=1e-9, atol=1e-12, equal_nan=True), (mine, numpys)


@pytest.mark.oracle
@given(tensors(shapes(min_dims=1, max_dims=3, max_side=4), elements=st.integers(-50, 50)),
       st.sampled_from(["int8", "uint8", "int16", "int32", "int64", "uint64", "float32", "float64", "bool"]),
       st.sampled_from(["sum", "prod", "cumsum", "cumprod", "argmin", "argmax", "mean", "var", "std"]),
       st.data())
def test_result_dtypes_and_integer_values_match_numpy(x, dtype, name, data):
    numpy = pytest.importorskip("numpy")
    axis = data.draw(st.none() | st.integers(-x.ndim, x.ndim - 1))
    mine, numpys = x.astype(dtype), numpy.array(x.tolist()).astype(dtype)
    with numpy.errstate(all="ignore"), errstate(all="ignore"):
        z, n = getattr(zeronn, name)(mine, axis=axis), getattr(numpy, name)(numpys, axis=axis)
    if isinstance(z, zeronn.Tensor):
        assert z.dtype.name == n.dtype.name and z.shape == n.shape
        z = z.tolist()
    else:
        assert type(z) is type(n.item())
    if n.dtype.kind in "biu":
        assert z == n.tolist()
    else:
        assert numpy.allclose(z, n, rtol=1e-5 if "32" in dtype else 1e-12, equal_nan=True)


@pytest.mark.oracle
@given(st.lists(st.floats(-1e4, 1e4, allow_nan=False), min_size=1, max_size=6), st.integers(-3, 3))
def test_round_matches_numpy(values, decimals):
    numpy = pytest.importorskip("numpy")
    assert zeronn.round(values, decimals).tolist() == numpy.round(numpy.array(values), decimals).tolist()
