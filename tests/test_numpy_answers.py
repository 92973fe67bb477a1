"""The silent differences from NumPy once found in the core (issue 17, list 2), each pinned
to NumPy 2.4's own answer, written down as a literal (no NumPy needed to run these).

Each test names what used to differ: a wrong value, dtype, layout or flag that raised no
error, which is the worst kind of bug zeronn can have.
"""

import copy
import math
import pickle
import random

import pytest
from conftest import same

import zeronn
from zeronn import kernels, tensor
from zeronn.dtypes import float32, int8, int64, uint64


def values(count, seed=0):
    """The same uniform floats in [-1, 1) that NumPy's answers below were computed from."""
    rng = random.Random(seed)
    return [rng.uniform(-1, 1) for _ in range(count)]


# ---------------------------------------------------------------------------
# Sums: NumPy's pairwise order of additions, bit for bit
# ---------------------------------------------------------------------------


def test_float_sums_are_numpys_pairwise_sums_bit_for_bit():
    v = values(1000)
    assert tensor(v).sum() == -7.258038399498229  # a running sum gives -7.258038399498201
    assert tensor(v).mean() == -0.007258038399498229
    assert tensor([0.1] * 10).sum() == 1.0  # a running sum gives 0.9999999999999999


def test_sums_along_each_axis_are_numpys():
    m = tensor(values(1000)[:300]).reshape(30, 10)
    assert m.sum(axis=1).tolist()[:3] == [0.6903275062585377, 3.8484640920989817, 2.240643381780435]
    assert m.sum(axis=0).tolist()[:3] == [6.908473620831966, 4.767574745585668, -3.9710846003209994]
    assert m.T.sum() == 7.329565860575464  # read in memory order, as NumPy reads it


def test_float32_sums_add_in_float32_and_integer_means_through_numpys_buffer():
    assert tensor(values(1000)[:100], dtype=float32).sum() == 17.13462257385254
    rng = random.Random(0)
    for _ in range(1000):  # the integers NumPy was given came after values(1000), from one generator
        rng.uniform(-1, 1)
    integers = [rng.randint(-(2**60), 2**60) for _ in range(10000)]
    assert tensor(integers).mean() == -3341321828380232.0  # 8,192 at a time, then the rest


def test_softmax_sums_its_rows_as_numpy_does():
    m = tensor(values(1000)[:20]).reshape(2, 10)
    expected = [0.1722475050454245, 0.14489328821298028, 0.07379063923324354, 0.05340595319623246,
                0.08846775762213747, 0.07151856005066479, 0.15257951962542507, 0.05836487038870761,
                0.08253996749758978, 0.10219193912759454]  # fmt: skip
    assert zeronn.softmax(m)[0].tolist() == expected
    shifted = m - m.max(axis=-1, keepdims=True)  # the book's formula, on tensors
    assert (zeronn.exp(shifted) / zeronn.exp(shifted).sum(axis=-1, keepdims=True))[0].tolist() == expected


def test_a_run_of_negative_zeros_sums_to_positive_zero():
    assert same(tensor([-0.0, -0.0]).sum(), 0.0) and same(kernels.pairwise_sum([-0.0] * 20), 0.0)


# ---------------------------------------------------------------------------
# Elementwise: dtypes and loops
# ---------------------------------------------------------------------------


def test_int64_and_uint64_compare_exactly():
    assert (tensor([2**60]) < tensor([2**60 + 1], dtype=uint64)).tolist() == [True]  # as float64: False
    assert (tensor([2**53 + 1]) == tensor([2**53], dtype=uint64)).tolist() == [False]  # as float64: True
    assert (tensor([-1]) < tensor([2**64 - 1], dtype=uint64)).tolist() == [True]
    assert (tensor([2**60]) + tensor([1], dtype=uint64)).dtype == zeronn.float64  # arithmetic still promotes


def test_bool_squared_is_int8_as_numpys_square():
    squared = tensor([True, False]) ** 2
    assert squared.tolist() == [1, 0] and squared.dtype == int8
    assert (tensor([True, False]) ** 3).dtype == int64  # any other exponent: NumPy's power


@zeronn.errstate(all="ignore")
def test_power_of_one_half_is_a_square_root_only_for_one_number():
    # NumPy 2.4.6 on this (AVX-512) machine: an exponent of one number, broadcast (read with
    # stride 0), is sqrt for 0.5, x * x for 2, 1 / x for -1; an exponent read element by
    # element is C's pow, which gives 0.0 at -0.0 and inf at -inf.
    x = tensor([-0.0, -math.inf])
    assert all(map(same, (x**0.5).to_flat_list(), [-0.0, math.nan]))
    assert all(map(same, zeronn.power(x, 0.5).to_flat_list(), [-0.0, math.nan]))
    assert all(map(same, zeronn.power(x, tensor(0.5)).to_flat_list(), [-0.0, math.nan]))
    assert all(map(same, zeronn.power(x, tensor([0.5])).to_flat_list(), [-0.0, math.nan]))
    assert all(map(same, zeronn.power(x, tensor([0.5, 0.5])).to_flat_list(), [0.0, math.inf]))
    assert same((tensor([-math.inf]) ** tensor([0.5])).item(), math.inf)  # one element each: C's pow
    assert zeronn.power(tensor([3.0], dtype=float32), 0.5).item() == 1.7320507764816284  # sqrt, rounded once
    assert zeronn.power(tensor([1.5151472691864707]), 2).item() == 2.2956712473232197  # x * x; C's pow: ...193


# ---------------------------------------------------------------------------
# dot, conversions, reductions of a 0-d tensor
# ---------------------------------------------------------------------------


def test_dot_of_a_number_and_a_float_tensor_is_blas_axpy_into_zeros():
    assert all(map(same, zeronn.dot(tensor(0), tensor([-0.0, 1.0])).tolist(), [0.0, 0.0]))
    assert same(zeronn.dot(tensor([-0.0]), tensor(0, dtype=int8)).item(), -0.0)  # one element: the product
    assert same(zeronn.dot(tensor(0.0), -0.0), -0.0)  # two numbers: the product


def test_float_and_int_of_several_elements_raise_type_error():
    for convert in (float, int):
        with pytest.raises(TypeError, match="only length-1 arrays can be converted to Python scalars"):
            convert(tensor([1.0, 2.0]))
    assert float(tensor([[2.5]])) == 2.5


def test_reductions_of_a_0d_tensor_take_axis_0_and_minus_1():
    x = tensor(5.0)
    assert x.sum(axis=0) == 5.0 and x.sum(axis=-1) == 5.0 and x.max(axis=0) == 5.0
    assert tensor(7).argmax(axis=0) == 0
    kept = x.sum(axis=0, keepdims=True)
    assert kept.shape == () and kept.item() == 5.0
    with pytest.raises(zeronn.OutOfBoundsError, match="axis 1 is out of bounds for array of dimension"):
        x.sum(axis=1)
    with pytest.raises(zeronn.OutOfBoundsError, match="axis -1 is out of bounds for array of dimension 0"):
        x.mean(axis=-1)  # NumPy's mean counts the lane's elements first, and that refuses


# ---------------------------------------------------------------------------
# Layout and flags
# ---------------------------------------------------------------------------


def test_fancy_indexing_lays_the_copy_out_like_the_index():
    x = zeronn.arange(10.0)
    index = zeronn.arange(6).reshape(2, 3).T  # Fortran-ordered (3, 2)
    picked = x[index]
    assert picked.tolist() == [[0.0, 3.0], [1.0, 4.0], [2.0, 5.0]]
    assert picked.strides == (8, 24) and picked.flags.owndata  # NumPy: (8, 24), owning
    m = zeronn.arange(20.0).reshape(4, 5)
    assert m[index % 4, 1:3].strides == (32, 16, 8)  # with a slice: the index axes outermost, row-major
    assert m[:, index % 5].strides == (8, 64, 32)


def test_pickle_deepcopy_and_copy_keep_fortran_order():
    f = zeronn.arange(6.0).reshape(2, 3).T
    for made in (pickle.loads(pickle.dumps(f)), copy.deepcopy(f), copy.copy(f)):
        assert made.tolist() == f.tolist()
        assert made.flags.f_contiguous and not made.flags.c_contiguous and made.flags.owndata
    strided = zeronn.arange(20.0).reshape(4, 5)[:, ::2].T
    assert copy.deepcopy(strided).strides == (8, 24)  # NumPy's order="K"
    assert pickle.loads(pickle.dumps(strided)).strides == (32, 8)  # neither C nor F: pickled row-major


def test_a_view_of_a_read_only_tensor_cannot_be_made_writeable():
    v = zeronn.arange(3)
    v.setflags(write=False)
    view = v[1:]
    with pytest.raises(ValueError, match="cannot set WRITEABLE flag to True of this array"):
        view.setflags(write=True)
    with pytest.raises(ValueError, match="read-only"):
        view[0] = 9
    assert v.tolist() == [0, 1, 2]
    v.setflags(write=True)  # the owner may change its mind, and then its views may too
    view.setflags(write=True)
    view[0] = 9
    assert v.tolist() == [0, 9, 2]


def test_owndata_is_numpys():
    x = zeronn.arange(6.0).reshape(2, 3)
    assert x.flags["OWNDATA"] is False  # a reshape of arange's result: a view, as in NumPy
    owner = zeronn.arange(6.0)
    assert owner.flags["OWNDATA"] and not owner[1:].flags.owndata and not owner[1:][1:].flags.owndata
    assert (x.T + 1).flags.owndata and (-x.T).flags.owndata and x.T.astype(float32).flags.owndata
    assert x.T.sum(axis=0).flags.owndata and x.copy().flags.owndata and x[[0, 1]].flags.owndata
