"""arange, zeros, ones, full and the rest of creation.py: NumPy's answers written down."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zeronn import (
    arange,
    copy,
    empty_like,
    frombuffer,
    full,
    full_like,
    meshgrid,
    ones,
    ones_like,
    zeros,
    zeros_like,
)


def test_arange_matches_numpy():
    assert arange(5).tolist() == [0, 1, 2, 3, 4]
    assert arange(10, 0, -3).tolist() == [10, 7, 4, 1]
    assert arange(3, 1).tolist() == []
    assert arange(0.5, 2.1, 0.3).shape == (6,)
    assert arange(0, 1, 0.1).shape == (10,)
    assert arange(-5.0, 5.0, 0.1).shape == (100,)
    assert arange(1, 10, 3).dtype == int and arange(1.0, 3).dtype == float
    for args, name in (((None, 5), "start"), ((0, "5"), "stop"), ((0, 5, "x"), "step"), ((0, 5, True), "step")):
        with pytest.raises(TypeError, match=f"^arange: {name} must be an int or a float, not "):
            arange(*args)
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


def test_dtypes_of_made_tensors_follow_numpy():
    assert full((2,), 1.5).dtype == "float64" and full((2,), True).dtype == "bool"
    assert full(2, 7, dtype="float32").tolist() == [7.0, 7.0] and zeros(2, dtype="uint8").dtype == "uint8"
    assert arange(5, dtype="float32").tolist() == [0.0, 1.0, 2.0, 3.0, 4.0]
    # float32 arange is filled in float32 arithmetic, as NumPy fills it:
    assert arange(0, 1, 0.3, dtype="float32").tolist() == [0.0, 0.30000001192092896, 0.6000000238418579,
                                                            0.9000000357627869]


def test_like_functions_keep_shape_dtype_and_memory_order():
    assert ones_like([True, False]).tolist() == [True, True] and zeros_like([1, 2]).dtype == "int64"
    assert full_like([1.5, 2.5], 7).tolist() == [7.0, 7.0] and empty_like([[1, 2]]).shape == (1, 2)
    # NumPy's order="K": the new tensor is laid out as the old one is.
    assert zeros_like(zeros((2, 3, 4)).transpose(1, 0, 2)).strides == (32, 96, 8)
    assert copy(zeros((2, 3)).T).strides == (8, 24) and zeros((2, 3)).T.copy().strides == (16, 8)
    x = arange(6).reshape(2, 3)
    duplicate = copy(x.T)
    duplicate[0, 0] = 9
    assert x[0, 0] == 0 and duplicate.tolist() == [[9, 3], [1, 4], [2, 5]]


def test_meshgrid_matches_numpy():
    X, Y = meshgrid(arange(-2, 2.5, 0.25)[:3], arange(3))  # the book's gradient_2d
    assert X.tolist() == [[-2.0, -1.75, -1.5]] * 3 and Y.tolist() == [[0, 0, 0], [1, 1, 1], [2, 2, 2]]
    A, _, C = meshgrid([1, 2], [3, 4, 5], [6])
    assert A.shape == (3, 2, 1) and A.tolist() == [[[1], [2]]] * 3 and C.tolist() == [[[6], [6]]] * 3
    (alone,) = meshgrid([1, 2, 3])  # one vector: nothing to swap, a 1-tuple as NumPy gives
    assert alone.tolist() == [1, 2, 3]
    four = meshgrid([1, 2], [3, 4, 5], [6, 7], [8, 9, 10, 11])  # "xy" swaps only the first two axes
    assert [g.shape for g in four] == [(3, 2, 2, 4)] * 4
    assert [g[1, 0, :, 2].tolist() for g in four] == [[1, 1], [4, 4], [6, 7], [10, 10]]
    assert [g[2, 1, 1, :].tolist() for g in four] == [[2, 2, 2, 2], [5, 5, 5, 5], [7, 7, 7, 7], [8, 9, 10, 11]]
    rows, columns = meshgrid([1, 2, 3], [4, 5], indexing="ij")
    assert rows.tolist() == [[1, 1], [2, 2], [3, 3]] and columns.tolist() == [[4, 5]] * 3
    X[0, 0] = 100  # copies, not views of the inputs
    assert X[1, 0] == -2.0
    X, Y = grids = meshgrid([-0.0, 1.0], [2.0, -0.0])
    assert type(grids) is tuple  # NumPy 2 returns a tuple
    assert [math.copysign(1, v) for v in X.to_flat_list() + Y.to_flat_list()] == [-1, 1, -1, 1, 1, 1, -1, -1]


def test_frombuffer_reads_bytes_in_place():
    assert frombuffer(bytes(range(8)), "uint16").tolist() == [256, 770, 1284, 1798]
    assert frombuffer(b"\x00\x00\x80\x3f", "float32").tolist() == [1.0]
    assert frombuffer(bytes(range(8)), "uint8", count=3, offset=2).tolist() == [2, 3, 4]
    assert repr(frombuffer(b"abcd", "uint8", count=0)) == "tensor([], dtype=uint8)"  # none: count=-1 is all
    assert repr(frombuffer(b"abcde", "uint16", count=2)) == "tensor([25185, 25699], dtype=uint16)"  # a count
    assert repr(frombuffer(b"abcd", "uint8", offset=4)) == "tensor([], dtype=uint8)"  # an offset at the end
    raw = bytearray(b"\x01\x02\x03")
    view = frombuffer(raw, "uint8")
    view[0] = 9  # a writable buffer is shared, as NumPy shares it
    assert raw[0] == 9 and frombuffer(b"\x00" * 8, "float64").tolist() == [0.0]
    # Kept in a list (zeronn's storage for bool, int64, float64), read from read-only bytes:
    flags = frombuffer(b"\x00\x01\x01", "bool")
    assert flags.tolist() == [False, True, True] and flags.dtype == "bool"
    assert frombuffer(b"\xff" * 8, "int64").tolist() == [-1] and not flags.flags.writeable


BAD = [
    (lambda: frombuffer(b"\x00\x01\x02", "uint16"), ValueError, "buffer size must be a multiple of element size"),
    (lambda: frombuffer(b"\x00", "uint8", offset=2), ValueError, "offset must be non-negative"),
    (lambda: frombuffer(b"\x00", "uint8", count=2), ValueError, "buffer is smaller than requested size"),
    (lambda: frombuffer(bytearray(8), "float64"), ValueError, "cannot share a writable buffer"),
    (lambda: meshgrid([1], indexing="yx"), ValueError, "Valid values for `indexing`"),
    (lambda: full(2, "x"), TypeError, "a tensor is made of a number or nested lists of numbers, not str"),
]


@pytest.mark.parametrize("call, error, message", BAD)
def test_bad_arguments_get_clear_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()
