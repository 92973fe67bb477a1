"""The short float64 paths that the forward pass and a training step run (README, "Reading
the source") give what the general path gives for the same call, bit for bit, layout
included: each is only a quicker way to the same answer.

The general path is reached by a call that differs only where the fast path does not
look (``dtype="float64"`` for ``sum``, ``keepdims=True`` for ``argmax``, an index given as
lists), or through the private function the fast path hands everything else to.
"""

import functools
import math
import operator

import pytest
from conftest import same
from hypothesis import given
from hypothesis import strategies as st

import zeronn
from zeronn import tensor
from zeronn.testing import shapes, tensors

INF, NAN = math.inf, math.nan
any_float = st.one_of(st.sampled_from([0.0, -0.0, INF, -INF, NAN, 1e308, -1e308, 5e-324]), st.floats())
sevenths = st.integers(-10**6, 10**6).map(lambda i: i / 7.0)  # inexact: the order of additions shows
mostly_moderate = st.one_of(sevenths, sevenths, any_float)
matrices = tensors(shapes(min_dims=2, max_dims=2, max_side=9), elements=any_float)


def all_same(left, right):
    left, right = list(left), list(right)
    return len(left) == len(right) and all(map(same, left, right))


def flat(result):
    return zeronn.as_tensor(result).to_flat_list()


@given(tensors(shapes(max_dims=3, max_side=12), elements=mostly_moderate), st.sampled_from([None, 0, 1, -1, -2]))
@zeronn.errstate(all="ignore")  # infinities and NaN are the point: no warnings
def test_a_float64_sum_is_the_general_sum(x, axis):
    if axis is not None and not -x.ndim <= axis < x.ndim:
        return
    fast, general = x.sum(axis=axis), x.sum(axis=axis, dtype="float64")
    assert type(fast) is type(general) and all_same(flat(fast), flat(general))
    if isinstance(fast, zeronn.Tensor):
        assert fast.shape == general.shape and fast.strides == general.strides


@given(st.integers(1, 4), st.sampled_from([2, 9, 16, 17, 40]), st.sampled_from([0, 1, -1, -2]), st.data())
def test_a_float64_sum_along_long_rows_or_columns_is_the_general_sum(rows, length, axis, data):
    x = data.draw(tensors(st.just((rows, length) if axis % 2 else (length, rows)), elements=sevenths))
    assert all_same(x.sum(axis=axis).to_flat_list(), x.sum(axis=axis, dtype="float64").to_flat_list())


@given(matrices)
def test_argmax_along_the_rows_is_the_general_argmax(x):
    if not x.shape[1]:
        return
    fast, general = x.argmax(axis=1), x.argmax(axis=1, keepdims=True)
    assert fast.tolist() == general.reshape(-1).tolist() and fast.dtype == general.dtype


@given(matrices, st.data())
def test_picking_one_element_per_row_is_general_fancy_indexing(x, data):
    height, width = x.shape
    n = data.draw(st.integers(0, 6))
    rows = data.draw(st.lists(st.integers(-height - 1, height), min_size=n, max_size=n))
    columns = data.draw(st.lists(st.integers(-width - 1, width), min_size=n, max_size=n))
    try:
        general = x[rows, columns]  # lists: the general path (indexing.select)
    except (IndexError, ValueError) as error:
        try:
            x[tensor(rows, dtype=int), tensor(columns, dtype=int)]
        except type(error) as raised:
            assert str(raised) == str(error)  # out of bounds: the general path's very error
        else:
            raise AssertionError("an index out of bounds was accepted") from None
        return
    fast = x[tensor(rows, dtype=int), tensor(columns, dtype=int)]
    assert all_same(fast.to_flat_list(), general.to_flat_list()) and fast.shape == general.shape


@given(matrices, st.data(), st.sampled_from([0, 0.5, -1, 2**60]))
def test_writing_a_number_through_a_mask_is_the_general_write(x, data, value):
    mask = data.draw(tensors(st.just(x.shape), elements=st.booleans()))
    fast, general = x.copy(), x.copy()
    fast[mask] = value
    general._set_selection(mask, value)
    assert all_same(fast.to_flat_list(), general.to_flat_list())


@given(tensors(shapes(min_dims=1, max_dims=3, max_side=5), elements=st.floats(-1e3, 1e3)), st.data())
def test_a_row_major_reshape_is_the_general_reshape(x, data):
    size = x.size
    if not size:
        return
    divisors = [d for d in range(1, size + 1) if size % d == 0]
    first = data.draw(st.sampled_from(divisors))
    shape = data.draw(st.sampled_from([(first, -1), (size,), (-1, first), x.shape]))
    fast, general = x.reshape(shape), x._reshape_any(shape, "C", None)
    assert fast.shape == general.shape and fast.strides == general.strides
    assert fast.base is general.base and fast.flags.c_contiguous == general.flags.c_contiguous
    assert all_same(fast.to_flat_list(), general.to_flat_list())


@given(tensors(shapes(min_dims=2, max_dims=2, min_side=1, max_side=6), elements=any_float), st.data(),
       st.sampled_from(["add", "subtract", "multiply", "divide", "floor_divide", "remainder"]))
@zeronn.errstate(all="ignore")
def test_in_place_arithmetic_on_views_is_the_general_update(x, data, name):
    view = data.draw(st.sampled_from([lambda t: t[:, 0], lambda t: t.T, lambda t: t[::-1], lambda t: t]))
    other = data.draw(st.one_of(any_float, st.just(view(x).copy())))
    fast_base, general_base = x.copy(), x.copy()
    view(fast_base)._update(name, other)
    view(general_base)._update_any(name, other)
    assert all_same(fast_base.to_flat_list(), general_base.to_flat_list())


@given(tensors(shapes(min_dims=2, max_dims=3, max_side=6), elements=st.integers(-9, 9)),
       st.sampled_from(["float64", "float32", "int64", "bool"]), st.data())
def test_picking_rows_by_a_tensor_of_row_numbers_is_the_general_pick(x, dtype, data):
    # x[batch_mask], the book's mini-batch, copies whole rows; a list key takes the general path
    x = x.astype(dtype)
    length = x.shape[0]
    rows = data.draw(st.lists(st.integers(-length, length - 1), max_size=7) if length else st.just([]))
    for layout in (x, x[::-1], x.T.copy().T):  # row-major (the fast path); rows reversed; column-major
        picked = layout[tensor(rows, dtype="int64")]
        expected = layout[rows] if rows else layout[tensor([], dtype="int64")]
        assert picked.tolist() == expected.tolist() == [layout.tolist()[i] for i in rows]
        assert picked.shape == (len(rows),) + x.shape[1:] and picked.dtype == x.dtype
        assert picked.strides == expected.strides and picked.flags.owndata  # NumPy's copy owns its memory
        before = layout.tolist()
        picked[...] = 1  # a copy: the original keeps its numbers
        assert layout.tolist() == before


def test_picked_rows_are_laid_out_as_numpys_are():
    # NumPy's answers: the rows of a column-major tensor keep its order of strides, a copy all the same;
    # a pick after a slice is a view of a copy whose axes NumPy swapped
    x = zeronn.arange(12.0).reshape(3, 2, 2).T.copy().T
    for key in ([0, 1], tensor([0, 1])):
        assert x[key].strides == (32, 8, 16) and x[key].flags.owndata
    assert x[:, [0]].strides == (8, 48, 24) and not x[:, [0]].flags.owndata
    y = zeronn.zeros((1, 2, 1)).T.copy().T  # row-major by its flags, its last stride 16 bytes
    assert y[tensor([0, 0])].strides == (16, 8, 16) and y[tensor([0, 0])].flags.owndata


@given(tensors(shapes(min_dims=2, max_dims=2, max_side=4)), st.integers(0, 3), st.booleans())
def test_a_row_number_out_of_bounds_is_numpys_index_error(x, beyond, negative):
    bad = -(x.shape[0] + 1 + beyond) if negative else x.shape[0] + beyond
    with pytest.raises(IndexError, match=f"^index {bad} is out of bounds for axis 0 with size {x.shape[0]}$"):
        x[tensor([0, bad][-1:] if not x.shape[0] else [0, bad], dtype="int64")]


def test_picking_rows_of_a_tensor_over_a_shared_buffer_is_the_general_pick():
    # frombuffer over a bytearray shares its memory (a memoryview storage): picked rows are a copy
    shared = bytearray(b"\x00\x00\x80?\x00\x00\x00@\x00\x00@@\x00\x00\x80@")  # float32 1, 2, 3, 4
    x = zeronn.frombuffer(shared, dtype="float32").reshape(2, 2)
    picked = x[tensor([1, 0, 1])]
    assert picked.tolist() == [[3.0, 4.0], [1.0, 2.0], [3.0, 4.0]] and picked.dtype == "float32"
    picked[0, 0] = 9.0
    assert x.tolist() == [[1.0, 2.0], [3.0, 4.0]]


def test_a_columns_sum_adds_pairwise_as_numpy_does():
    # a (n, 1) column's elements are one run in memory: NumPy sums them pairwise, blocks of
    # eight, not one after another (which the float64 fast path does for the rows of a matrix)
    column = tensor([[i / 7.0] for i in range(1, 77)])
    assert column.sum(axis=0).tolist() == [column.reshape(-1).sum()] == [418.0]  # NumPy's answer
    assert functools.reduce(operator.add, [i / 7.0 for i in range(1, 77)]) == 417.99999999999994  # one by one


@given(st.sampled_from([2, 3, -3, -4]), st.sampled_from([(2, 2), (3, 1), (1, 4)]))
def test_a_float64_sum_along_an_axis_the_matrix_lacks_is_numpys_axis_error(axis, shape):
    x = zeronn.ones(shape)
    with pytest.raises(IndexError, match=f"^axis {axis} is out of bounds for array of dimension 2$"):
        x.sum(axis=axis)
