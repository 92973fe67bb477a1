"""arange, zeros, ones, full and the rest of creation.py: NumPy's answers written down."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zeronn import (
    Tensor,
    arange,
    copy,
    empty,
    empty_like,
    eye,
    frombuffer,
    full,
    full_like,
    identity,
    linspace,
    logspace,
    meshgrid,
    ones,
    ones_like,
    tensor,
    tri,
    tril,
    triu,
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
    (lambda: arange(3, dtype=bool), TypeError, "^arange.. is only supported for booleans when the result has at most"),
    (lambda: arange(255, 258, dtype="uint8"), OverflowError, "^Python integer 256 out of bounds for uint8"),
    (lambda: arange(-1, 3, dtype="uint8"), OverflowError, "^Python integer -1 out of bounds for uint8"),
    (lambda: zeros(2, order="A"), ValueError, "^only 'C' or 'F' order is permitted$"),
    (lambda: zeros(2, device="gpu"), ValueError, '^Device not understood. Only "cpu" is allowed, but received: gpu$'),
    (lambda: ones(2, like=[1]), TypeError, "^The `like` argument must be an array-like that implements"),
    (lambda: linspace(0, 1, -1), ValueError, r"^Number of samples, -1, must be non-negative\.$"),
    (lambda: Tensor((2,), "int16", buffer=bytes(3)), TypeError, "^buffer is too small for requested array$"),
    (lambda: Tensor((2,), strides=(16,)), ValueError, "^strides is incompatible with shape of requested array"),
    (lambda: Tensor((2,), strides=(8, 8)), ValueError, "^strides, if given, must be the same length as shape$"),
    (lambda: Tensor((2,), strides=(4,)), ValueError, "^zeronn's strides count whole elements"),
    (lambda: Tensor(-1), ValueError, "^negative dimensions are not allowed$"),
    (lambda: Tensor((2,), order="X"), ValueError, r"^order must be one of 'C', 'F', 'A', or 'K' \(got 'X'\)$"),
    (lambda: Tensor((2,), buffer=arange(4).T[::2]), ValueError, "^ndarray is not contiguous$"),
]


@pytest.mark.parametrize("call, error, message", BAD)
def test_bad_arguments_get_clear_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()


# ---------------------------------------------------------------------------
# NumPy's signatures: dtype=None, order, device, like; fill values; arange's fill
# ---------------------------------------------------------------------------


def test_zeros_ones_empty_default_to_float64_and_take_an_order():
    assert zeros(2, dtype=None).dtype == "float64" and ones(2, None).dtype == "float64"
    assert empty(2, None).dtype == "float64"
    column_major = zeros((2, 3), order="F")
    assert column_major.strides == (8, 16) and column_major.flags.f_contiguous and column_major.flags.owndata
    assert ones((2, 3), "uint8", "F").strides == (1, 2) and ones((2, 3), "uint8", "F").tolist() == [[1, 1, 1]] * 2
    assert full((2, 2), 7, order="F").strides == (8, 16) and zeros(2, device="cpu", like=zeros(1)).shape == (2,)
    assert eye(2, order="F").flags.f_contiguous and identity(2, dtype=None).dtype == "float64"


def test_full_takes_what_numpy_takes():
    assert full(3, [1, 2, 3]).tolist() == [1, 2, 3] and full((2, 2), [1, 2], dtype="f4").tolist() == [[1, 2]] * 2
    assert full(2, 2**63).dtype == "uint64" and full(2, 2**63).tolist() == [2**63] * 2  # the dtype tensor() gives
    assert full(2, tensor([300.7])).tolist() == [300.7, 300.7]


def test_like_functions_take_order_shape_and_subok():
    x = zeros((2, 3)).T
    assert zeros_like(x, order="C").strides == (16, 8) and zeros_like(x, order="A").strides == (8, 24)
    assert ones_like(x, shape=(4,)).tolist() == [1.0] * 4
    assert full_like(x, 2, shape=(2, 2), order="F").strides == (8, 16)

    assert type(zeros_like(x, subok=True)) is Tensor  # (zeronn has no subclasses of Tensor to keep)


def test_arange_wraps_and_refuses_as_numpy_does():
    # NumPy 2.4: the first two elements must fit the dtype; the fill then wraps around
    assert arange(250, 260, dtype="uint8").tolist() == [250, 251, 252, 253, 254, 255, 0, 1, 2, 3]
    assert arange(2**63 - 2, 2**63 + 1, dtype="int64").tolist() == [2**63 - 2, 2**63 - 1, -(2**63)]
    assert arange(10, 0, -3, dtype="uint8").tolist() == [10, 7, 4, 1]
    assert arange(0.5, 5.5, 1.5, dtype="uint8").tolist() == [0, 2, 4, 6]  # 0.5 -> 0, 2.0 -> 2: delta 2
    assert arange(2, dtype=bool).tolist() == [False, True] and arange(1, 3, dtype=bool).tolist() == [True, True]


def test_linspace_gives_numpys_floats():
    assert linspace(0, 1, 5).tolist() == [0.0, 0.25, 0.5, 0.75, 1.0]
    assert linspace(0, 1, 3, endpoint=False).tolist() == [0.0, 0.3333333333333333, 0.6666666666666666]
    values, step = linspace(2, 3, 5, retstep=True)
    assert step == 0.25 and values.tolist() == [2.0, 2.25, 2.5, 2.75, 3.0]
    assert linspace(-1, 1, 7).tolist() == [-1.0, -0.6666666666666667, -0.33333333333333337, 0.0,
                                           0.33333333333333326, 0.6666666666666665, 1.0]  # fmt: skip
    assert linspace(0, 1, 5, dtype=int).tolist() == [0, 0, 0, 0, 1] and linspace(2, 3, 0).tolist() == []
    single, nan_step = linspace(2, 3, 1, retstep=True)
    assert single.tolist() == [2.0] and math.isnan(nan_step)
    assert linspace(tensor(0, dtype="float32"), tensor(1, dtype="float32"), 4).dtype == "float32"
    assert linspace([0, 1], [1, 3], 3, axis=1).tolist() == [[0.0, 0.5, 1.0], [1.0, 2.0, 3.0]]
    assert linspace([0, 1], [1, 3], 3).tolist() == [[0.0, 1.0], [0.5, 2.0], [1.0, 3.0]]


def test_logspace_and_triangles_are_numpys():
    assert logspace(0, 2, 3).tolist() == [1.0, 10.0, 100.0]
    assert logspace(0, 3, 4, base=2, dtype=int).tolist() == [1, 2, 4, 8]
    assert tri(3, 4, k=1, dtype=int).tolist() == [[1, 1, 0, 0], [1, 1, 1, 0], [1, 1, 1, 1]]
    assert tril([1, 2, 3]).tolist() == [[1, 0, 0], [1, 2, 0], [1, 2, 3]]  # a vector: repeated into a square
    m = arange(12).reshape(3, 4)
    assert tril(m, -1).tolist() == [[0, 0, 0, 0], [4, 0, 0, 0], [8, 9, 0, 0]]
    assert triu(m, 1).tolist() == [[0, 1, 2, 3], [0, 0, 6, 7], [0, 0, 0, 11]]
    assert m.tolist() == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]  # a copy: m itself unchanged
    stacked = tril(arange(8).reshape(2, 2, 2))
    assert stacked.tolist() == [[[0, 0], [2, 3]], [[4, 0], [6, 7]]]


def test_the_ndarray_constructor_reads_a_buffer_as_numpy_does():
    raw = bytearray(range(6))
    x = Tensor((2, 3), "uint8", buffer=raw)
    x[0, 0] = 99  # the buffer itself, shared
    assert raw[0] == 99 and x.base is raw and not x.flags.owndata
    assert Tensor((2, 3), "uint8", buffer=bytes(range(6)), strides=(1, 2)).tolist() == [[0, 2, 4], [1, 3, 5]]
    assert Tensor((2,), "uint8", buffer=bytes(range(6)), offset=4).tolist() == [4, 5]
    assert Tensor((2, 2), order="F").strides == (8, 16) and Tensor(3, "int16").tolist() == [0, 0, 0]
    source = arange(4, dtype="uint16")
    halves = Tensor((8,), "uint8", buffer=source)  # a tensor's bytes, read as another dtype
    assert halves.tolist() == [0, 0, 1, 0, 2, 0, 3, 0] and halves.base is source
    halves[2] = 7
    assert source.tolist() == [0, 7, 2, 3]


@pytest.mark.oracle
@pytest.mark.parametrize("args", [(0, 1, 5), (-3.5, 7.25, 11), (1, 1e-300, 4), (5, -5, 9), (0.1, 0.7, 7)])
@pytest.mark.parametrize("dtype", [None, "float32", "int64", "uint8"])
@pytest.mark.parametrize("endpoint", [True, False])
def test_linspace_agrees_with_numpy(args, dtype, endpoint):
    numpy = pytest.importorskip("numpy")
    start, stop, num = args
    if dtype == "uint8" and min(start, stop) < 0:
        return  # a negative float cast to uint8: C leaves it undefined, zeronn refuses
    expected = numpy.linspace(start, stop, num, endpoint=endpoint, dtype=dtype)
    got = linspace(start, stop, num, endpoint=endpoint, dtype=dtype)
    assert got.dtype.name == expected.dtype.name and got.tolist() == expected.tolist()


@pytest.mark.oracle
@pytest.mark.parametrize("args", [(250, 260, 1), (2**63 - 2, 2**63 + 1, 1), (10, 0, -3), (0.5, 5.5, 1.5), (0, 300, 7)])
@pytest.mark.parametrize("dtype", ["uint8", "int8", "int16", "uint64", "int64", "float32"])
def test_arange_with_a_dtype_agrees_with_numpy(args, dtype):
    numpy = pytest.importorskip("numpy")
    try:
        expected = numpy.arange(*args, dtype=dtype).tolist()
    except OverflowError:
        expected = OverflowError
    try:
        got = arange(*args, dtype=dtype).tolist()
    except OverflowError:  # zeronn's IntegerOutOfBoundsError is an OverflowError, as NumPy's error is
        got = OverflowError
    assert got == expected
