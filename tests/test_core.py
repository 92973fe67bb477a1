"""The Tensor: construction, inspection, arithmetic and dtypes, reductions, shape, dot, copies.

Expected values are NumPy 2.4's answers on the same inputs, written down as literals.
Views, indexing and writing are in ``test_indexing.py``; printing in ``test_printing.py``.
"""

import copy
import math
import operator
import pickle
import re
from array import array

import pytest
from conftest import same
from hypothesis import given
from hypothesis import strategies as st

import zeronn
from zeronn import InvalidIndexError, OutOfBoundsError, Tensor, arange, reductions, tensor
from zeronn.core import as_tensor, elements, elementwise
from zeronn.dtypes import IntegerOutOfBoundsError, bool_, float32, float64, int8, int64, uint8, uint64
from zeronn.testing import assert_allclose, mutually_broadcastable_shapes, shapes, tensors

small_floats = st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False)
A = [[1.5, -2.0, 3.0], [0.5, 4.0, -1.0]]
B = [2.0, -1.0, 0.5]

# ---------------------------------------------------------------------------
# Construction and inspection
# ---------------------------------------------------------------------------


def test_tensor_holds_row_major_data_and_shape():
    t = tensor([[1, 2, 3], [4, 5, 6]])
    assert t.shape == (2, 3) and t.ndim == 2 and t.size == 6 and len(t) == 2
    assert t.strides == (24, 8)
    assert t.to_flat_list() == [1, 2, 3, 4, 5, 6]
    assert t.tolist() == [[1, 2, 3], [4, 5, 6]]


def test_zero_d_and_empty_tensors():
    scalar = tensor(3.5)
    assert scalar.shape == () and scalar.ndim == 0 and scalar.size == 1 and scalar.item() == 3.5
    assert tensor([]).shape == (0,) and tensor([]).tolist() == [] and tensor([]).dtype == float64
    empty = tensor([[], []])
    assert empty.shape == (2, 0) and empty.size == 0 and empty.tolist() == [[], []]
    assert empty.sum(axis=1).tolist() == [0.0, 0.0]
    sums = [type(tensor([]).sum()), type(tensor([], dtype=int).sum())]
    assert sums == [float, int]  # NumPy: 0.0 for float64, 0 for int64


def test_tensor_copies_its_input_and_tolist_returns_a_copy():
    data = [[1, 2], [3, 4]]
    t = tensor(data)
    data[0][0] = 99
    assert t[0, 0] == 1
    out = t.tolist()
    out[0][0] = 42
    assert t[0, 0] == 1
    flat = t.to_flat_list()
    flat[0] = 42
    assert t[0, 0] == 1


def test_tensor_changes_only_where_numpy_arrays_change():
    t = tensor([1, 2])
    t[0] = 5  # as an ndarray: item assignment
    assert t.tolist() == [5, 2]
    t.shape = (1, 2)  # as an ndarray: reshaped in place, where strides allow
    assert t.tolist() == [[5, 2]]
    with pytest.raises(AttributeError):
        t.ndim = 2
    with pytest.raises(AttributeError):
        t.extra = 1
    with pytest.raises(TypeError):
        hash(t)


def test_dtypes_follow_numpy():
    assert tensor([1, 2]).dtype == int64 and tensor([1, 2]).dtype == int
    assert tensor([1, 2.5]).dtype == float64 and tensor([1, 2.5]).to_flat_list() == [1.0, 2.5]
    assert tensor([True, False]).dtype == bool_
    assert tensor([1.7, -1.7], dtype=int).tolist() == [1, -1]
    assert tensor([0, 2], dtype="bool").tolist() == [False, True]
    assert tensor([0.1], dtype=float32).item() == 0.10000000149011612
    assert tensor([2**63]).dtype == uint64 and tensor([1, 2**63]).dtype == float64
    assert tensor([tensor([1, 2], dtype=uint8), tensor([3, 4], dtype=uint8)]).dtype == uint8
    # Each int is an int64 or, beyond that, a uint64; the two together make float64, as NumPy's do.
    assert tensor([2**63, 2**64 - 1]).dtype == uint64 and tensor([2**63]).tolist() == [2**63]
    assert tensor([0, 2**64 - 1]).tolist() == [0.0, 1.8446744073709552e19]
    assert tensor([-(2**63), 2**63]).tolist() == [-9.223372036854776e18, 9.223372036854776e18]
    largest = 2**1024 - 2**970 - 1  # the largest int float() takes: it rounds down to the largest double
    assert tensor([0.5, largest, -largest]).tolist() == [0.5, 1.7976931348623157e308, -1.7976931348623157e308]
    stacked = tensor([tensor([1.5]), tensor([2], dtype=uint8), tensor([-3])])  # every one's dtype counts
    assert stacked.tolist() == [[1.5], [2.0], [-3.0]] and stacked.dtype == float64


def test_iteration_goes_over_axis_zero():
    assert [row.tolist() for row in tensor([[1, 2], [3, 4]])] == [[1, 2], [3, 4]]
    assert list(tensor([5, 6])) == [5, 6]
    assert 3 in tensor([[1, 2], [3, 4]]) and 9 not in tensor([1, 2])
    assert None not in tensor([1, 2]) and 2.0 in tensor(2.0)


def test_bool_is_only_for_one_element():
    assert bool(tensor([-1]) < 0) is True
    assert bool(tensor(0.0)) is False
    assert float(tensor([[2.5]])) == 2.5 and int(tensor(7)) == 7
    assert [10, 20, 30][tensor(1)] == 20  # a 0-d integer tensor is an index


def test_pickle_and_deepcopy_round_trip_every_dtype():
    for dtype in ("bool", "int8", "uint8", "int32", "int64", "uint64", "float32", "float64"):
        t = tensor([[0, 1, 2], [3, 4, 5]], dtype=dtype)
        for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
            back = pickle.loads(pickle.dumps(t, protocol))
            assert back.dtype == t.dtype and back.tolist() == t.tolist()
        assert copy.deepcopy(t).tolist() == t.tolist()
    view = arange(6.0).reshape(2, 3).T  # a strided view pickles as its elements
    assert pickle.loads(pickle.dumps(view)).tolist() == [[0.0, 3.0], [1.0, 4.0], [2.0, 5.0]]
    for empty in (zeronn.zeros((0, 3)), zeronn.zeros((2, 0), dtype="uint8"), zeronn.zeros(0)):
        back = pickle.loads(pickle.dumps(empty))  # shapes with a zero in them come back too
        assert back.shape == empty.shape and back.dtype == empty.dtype
    scalar = pickle.loads(pickle.dumps(tensor(2.5)))
    assert scalar.shape == () and scalar.item() == 2.5


def test_copies_are_independent():
    t = tensor([1.0, 2.0])
    for duplicate in (copy.copy(t), copy.deepcopy(t), t.copy(), pickle.loads(pickle.dumps(t))):
        duplicate[0] = 9.0
        assert t.tolist() == [1.0, 2.0]


# ---------------------------------------------------------------------------
# Elementwise arithmetic, broadcasting and dtypes
# ---------------------------------------------------------------------------


def test_arithmetic_with_broadcasting_matches_numpy():
    a, b = tensor(A), tensor(B)
    assert (a + b).tolist() == [[3.5, -3.0, 3.5], [2.5, 3.0, -0.5]]
    assert (a * b).tolist() == [[3.0, 2.0, 1.5], [1.0, -4.0, -0.5]]
    assert (a / b).tolist() == [[0.75, 2.0, 6.0], [0.25, -4.0, -2.0]]
    assert (b - a).tolist() == [[0.5, 1.0, -2.5], [1.5, -5.0, 1.5]]
    assert (a**2).tolist() == [[2.25, 4.0, 9.0], [0.25, 16.0, 1.0]]
    assert (-a).tolist() == [[-1.5, 2.0, -3.0], [-0.5, -4.0, 1.0]]
    assert abs(a).tolist() == [[1.5, 2.0, 3.0], [0.5, 4.0, 1.0]]
    assert (2 * tensor([1, 2])).tolist() == [2, 4]  # reflected operators


def test_python_numbers_on_either_side():
    b = tensor(B)
    assert (1 / b).tolist() == [0.5, -1.0, 2.0]
    assert (10 - b).tolist() == [8.0, 11.0, 9.5]
    assert_allclose(2**b, [4.0, 0.5, 1.4142135623730951])
    assert ([1, 2, 3] + tensor([10, 20, 30])).tolist() == [11, 22, 33]
    # A float on either side of an integer tensor makes floats (NEP 50: float64 here).
    for halves in (0.5 + tensor([1, 2]), tensor([1, 2]) + 0.5, 0.5 * tensor([3], dtype="uint8")):
        assert halves.dtype == float64 and halves.tolist() in ([1.5, 2.5], [1.5])
    assert (tensor([1.5], dtype="float32") * 2).dtype == float32 and (3 - tensor([True])).tolist() == [2]


def test_zero_d_results_are_python_numbers_as_numpy_gives_scalars():
    assert tensor(2) + 1 == 3 and type(tensor(2.0) * tensor(3.0)) is float
    assert zeronn.exp(0.0) == 1.0 and zeronn.sigmoid(0.0) == 0.5
    assert isinstance(tensor([2]) + 1, Tensor)


def test_int_scalar_with_float_tensor_gives_floats():
    assert [type(v) for v in (tensor([1.5, -2.0]) * 0).to_flat_list()] == [float, float]


def test_dtype_promotion_of_results_matches_numpy():
    u8 = tensor([250, 1], dtype="uint8")
    assert (u8 + 10).dtype == uint8 and (u8 + 10).tolist() == [4, 11]  # wraps as uint8
    assert (u8 - tensor([251, 0], dtype="uint8")).tolist() == [255, 1]
    assert (u8 + 1.5).dtype == float64 and (u8 / 2).dtype == float64
    assert (tensor([1.0], dtype="float32") * 0.1).dtype == float32
    assert (tensor([1.0], dtype="float32") * 0.1).item() == 0.10000000149011612  # 0.1 rounded first
    assert (tensor([2**62]) * 4).tolist() == [0] and (-tensor([-128], dtype="int8")).tolist() == [-128]
    assert (tensor([1, 2]) ** 10**9).tolist() == [1, 0]  # int64 wraps; no 300-million-digit int
    assert (tensor([1.0, 2.5]) > tensor([1, 2])).tolist() == [False, True]
    assert (tensor([2**53 + 1]) == tensor([2.0**53])).tolist() == [True]  # ints meet floats as floats
    assert (tensor([1], dtype="uint8") < 300).tolist() == [True]  # comparisons take any int


def test_bool_arithmetic_is_logic_as_in_numpy():
    assert (tensor([True, False]) + tensor([True, True])).tolist() == [True, True]
    assert (tensor([True, True]) * tensor([True, False])).tolist() == [True, False]
    assert (tensor([True]) / tensor([True])).dtype == float64
    assert (tensor([True]) ** tensor([True])).dtype == int8
    assert tensor([True, True]).sum() == 2


@zeronn.errstate(all="ignore")  # the answers, not the warnings, are tested here
def test_ieee_answers_where_python_raises():
    assert (tensor([1.0, -1.0, 0.0]) / 0).tolist()[:2] == [math.inf, -math.inf]
    assert math.isnan((tensor([0.0]) / 0).item())
    assert (tensor([-1.0]) / tensor([-0.0])).item() == math.inf
    assert math.isnan((tensor([-8.0]) ** (1 / 3)).item())
    assert math.isnan((tensor([-1e200]) ** 2.5).item())
    assert (tensor([0.0, -0.0]) ** -1).tolist() == [math.inf, -math.inf]
    assert (tensor([10.0, -10.0]) ** tensor([400, 401])).tolist() == [math.inf, -math.inf]
    # The other side of each guard: a positive base to an odd power, -0.0 to an even one.
    assert (tensor([10.0]) ** 401).tolist() == [math.inf] and (tensor([-10.0]) ** 400).tolist() == [math.inf]
    assert (tensor([-0.0]) ** -2).tolist() == [math.inf] and (tensor([2, 3]) ** 2).tolist() == [4, 9]
    assert zeronn.exp([1.0, 710.0]).tolist() == [math.e, math.inf]


def test_integer_powers_wrap_as_numpys_signed_and_unsigned_integers():
    # NumPy 2.4: np.array([2, -2, 3, -3], np.int8) ** 7, np.array([2, 3, 255], np.uint8) ** 7, ...
    assert repr(tensor([2, -2, 3, -3], dtype="int8") ** 7) == "tensor([-128, -128, -117,  117], dtype=int8)"
    assert repr(tensor([2, 3, 255], dtype="uint8") ** 7) == "tensor([128, 139, 255], dtype=uint8)"
    assert repr(tensor([2, 3], dtype="int16") ** 15) == "tensor([-32768,  -3477], dtype=int16)"
    assert (tensor([2**62, 3]) ** 2).tolist() == [0, 9]


@zeronn.errstate(all="ignore")  # the answers, not the warnings, are tested here
def test_floor_division_and_remainder_match_numpy():
    floats = tensor([1.0, -1.0, 0.0, 7.0, -7.0]) // tensor([0.0, 0.0, 0.0, 2.0, 2.0])
    assert floats.tolist()[:2] == [math.inf, -math.inf] and math.isnan(floats[2]) and floats.tolist()[3:] == [3, -4]
    remainders = tensor([1.0, -7.0, 7.0, 5.5]) % tensor([0.0, 2.0, -2.0, 1.5])
    assert math.isnan(remainders[0]) and remainders.tolist()[1:] == [1.0, -1.0, 1.0]
    assert (tensor([7, -7, 5]) // tensor([2, 2, 0])).tolist() == [3, -4, 0]
    assert (tensor([7, -7, 5]) % tensor([2, 2, 0])).tolist() == [1, 1, 0]
    assert (tensor([True]) // tensor([True])).dtype == int8 and (7 % tensor([4])).tolist() == [3]
    counts = tensor([10, 11])
    counts //= 3
    counts %= 2
    assert counts.tolist() == [1, 1]


def test_map_applies_a_function_and_checks_results():
    assert tensor([1, 2, 3]).map(lambda v: v * 10).tolist() == [10, 20, 30]
    with pytest.raises(TypeError, match="got str"):
        tensor([1, 2]).map(str)


@given(mutually_broadcastable_shapes(2), st.data())
def test_addition_commutes_under_broadcasting(drawn, data):
    a = data.draw(tensors(drawn.input_shapes[0], elements=small_floats))
    b = data.draw(tensors(drawn.input_shapes[1], elements=small_floats))
    left, right = as_tensor(a + b), as_tensor(b + a)
    assert left.shape == right.shape == drawn.result_shape
    assert left.tolist() == right.tolist()


@given(mutually_broadcastable_shapes(2), st.data())
def test_subtracting_then_adding_gives_back_the_input(drawn, data):
    a = data.draw(tensors(drawn.input_shapes[0], elements=small_floats))
    b = data.draw(tensors(drawn.input_shapes[1], elements=small_floats))
    expected = a + b * 0  # a, broadcast to the result shape
    assert_allclose((a - b) + b, expected, rtol=1e-12, atol=1e-9)


@given(mutually_broadcastable_shapes(2, min_side=0), st.data())
def test_broadcast_result_agrees_with_explicit_loops(drawn, data):
    a = data.draw(tensors(drawn.input_shapes[0], elements=st.integers(-9, 9)))
    b = data.draw(tensors(drawn.input_shapes[1], elements=st.integers(-9, 9)))
    result = as_tensor(a * b)
    shape = drawn.result_shape
    assert result.shape == shape
    for flat_index, value in enumerate(result.to_flat_list()):
        position = zeronn._shape.unravel(flat_index, shape)
        assert value == _broadcast_item(a, position) * _broadcast_item(b, position)


def test_zero_length_axes_broadcast():
    assert (zeronn.zeros((1, 0)) + zeronn.zeros((3, 0))).shape == (3, 0)
    assert (zeronn.zeros((2, 1)) * zeronn.zeros((0,))).shape == (2, 0)


def _broadcast_item(t, position):
    """The element of ``t`` that lands at ``position`` of the broadcast result."""
    own = position[len(position) - t.ndim :]
    index = tuple(0 if side == 1 else i for i, side in zip(own, t.shape))
    return t[index] if index else t.item()


# ---------------------------------------------------------------------------
# In-place operators
# ---------------------------------------------------------------------------


def test_in_place_operators_change_the_tensor_and_every_name_for_it():
    a = zeronn.zeros(2)
    b = a
    a -= 1  # the trap of the issue: must not rebind a to a new tensor
    assert b.tolist() == [-1.0, -1.0] and a is b
    a *= tensor([2.0, 3.0])
    a /= 2
    a **= 2
    a += 1
    assert b.tolist() == [2.0, 3.25]


def test_in_place_casting_follows_same_kind():
    ints = tensor([1, 2])
    ints += 2  # int += int stays int
    ints *= True
    assert ints.tolist() == [3, 4] and ints.dtype == int64
    with pytest.raises(TypeError, match=r"Cannot cast ufunc 'add' output from dtype\('float64'\) to dtype\('int64'\)"):
        ints += 1.5
    floats32 = tensor([1.0, 2.0], dtype="float32")
    floats32 /= 3  # float64 arithmetic, rounded back to float32
    assert floats32.dtype == float32 and floats32.tolist() == [0.3333333432674408, 0.6666666865348816]
    with pytest.raises(ValueError, match=r"non-broadcastable output operand with shape \(3,\) doesn't match"):
        z = zeronn.zeros(3)
        z += zeronn.ones((2, 3))
    with pytest.raises(IntegerOutOfBoundsError, match="Python integer 300 out of bounds for uint8"):
        u8 = tensor([1], dtype="uint8")
        u8 += 300
    small = tensor([100, -100], dtype="int8")
    small += tensor([100, -100])  # computed in int64, then wrapped back into int8, as NumPy
    assert small.tolist() == [-56, 56] and small.dtype == int8
    bytes_ = zeronn.zeros(2, dtype="uint8")
    bytes_ -= tensor([300, 1], dtype="uint16")
    assert bytes_.tolist() == [212, 255]
    with pytest.raises(TypeError, match=r"output from dtype\('int16'\) to dtype\('uint8'\)"):
        bytes_ -= tensor([1], dtype="int16")  # signed into unsigned is not the same kind


# ---------------------------------------------------------------------------
# Comparisons
# ---------------------------------------------------------------------------


def test_comparisons_give_bool_tensors():
    x = tensor([-1.0, 0.0, 2.0])
    assert (x > 0).tolist() == [False, False, True]
    assert (x <= 0).tolist() == [True, True, False]
    assert (x == tensor([[-1.0], [2.0]])).tolist() == [[True, False, False], [False, False, True]]
    assert (x != 0).tolist() == [True, False, True]
    assert (x >= 0).tolist() == [False, True, True] and (x < 0).tolist() == [True, False, False]
    assert (0 >= x).tolist() == [True, True, False] and (2 <= x).tolist() == [False, False, True]
    assert (0 < x).tolist() == [False, False, True]
    assert (tensor([math.nan]) == math.nan).tolist() == [False]
    assert (tensor([1, 2]) == "a").tolist() == [False, False]  # NumPy 2: compared, unequal
    assert (tensor([1, 2]) == None).tolist() == [False, False]  # noqa: E711
    assert (tensor([1, 2]) != None).tolist() == [True, True]  # noqa: E711


def test_any_and_all():
    assert tensor([0, 0, 3]).any() is True and tensor([1, 0]).all() is False
    assert tensor([[0, 1], [0, 0]]).any(axis=1).tolist() == [True, False]


# ---------------------------------------------------------------------------
# Reductions
# ---------------------------------------------------------------------------

C = arange(24).reshape(2, 3, 4)


def test_reductions_match_numpy():
    assert C.sum(axis=1).tolist() == [[12, 15, 18, 21], [48, 51, 54, 57]]
    assert C.max(axis=0).tolist() == [[12, 13, 14, 15], [16, 17, 18, 19], [20, 21, 22, 23]]
    assert C.mean(axis=-1).tolist() == [[1.5, 5.5, 9.5], [13.5, 17.5, 21.5]]
    assert C.argmax() == 23 and C.argmax(axis=1).tolist() == [[2, 2, 2, 2], [2, 2, 2, 2]]
    assert C.min(axis=-2, keepdims=True).shape == (2, 1, 4)
    assert C.sum(keepdims=True).tolist() == [[[276]]]
    assert tensor([[3, 1, 3], [2, 2, 0]]).argmax(axis=1).tolist() == [0, 0]
    assert tensor([1, 2, 3]).sum(axis=0) == 6  # a 1-d axis reduction is a number, as NumPy
    big = tensor([[2**62], [2**62]])
    assert big.sum() == -(2**63) and big.sum(axis=0).tolist() == [-(2**63)]  # int64 wraps, as NumPy's
    assert tensor([2**63 - 1, 1], dtype="uint64").sum() == 2**63


def test_reduction_dtypes_match_numpy():
    assert tensor([1, 2], dtype="uint8").sum() == 3
    assert tensor([[1, 2]], dtype="uint8").sum(axis=0).dtype == uint64
    assert tensor([1, 2], dtype="int32").sum(axis=0) == 3
    f32 = tensor([[1.5, -2.0], [0.5, 4.0]], dtype="float32")
    assert f32.sum(axis=0).dtype == float32 and f32.mean() == 1.0
    assert tensor([True, True, False]).sum() == 2 and tensor([True, False]).mean() == 0.5
    assert tensor([True, False]).max() is True


def test_nan_wins_max_min_and_argmax():
    x = tensor([1.0, math.nan, 3.0])
    assert math.isnan(x.max()) and math.isnan(x.min())
    assert tensor([1.0, math.nan, math.nan]).argmax() == 1


def test_signed_zeros_in_max_and_min_are_numpys():
    # NumPy's reduction keeps the later of equal values, which tells 0.0 from -0.0.
    assert math.copysign(1, tensor([0.0, -0.0]).max()) == -1
    assert math.copysign(1, tensor([-0.0, 0.0]).max()) == 1
    assert math.copysign(1, tensor([0.0, -0.0]).min()) == -1


@given(tensors(shapes(min_dims=1, max_dims=3)))
def test_sum_is_the_pairwise_sum_of_the_flat_data(t):
    # A row-major tensor is one run of memory: NumPy sums it pairwise, as one sequence.
    flat = t.to_flat_list()
    assert same(t.sum(), reductions.pairwise_sum(flat) if t.dtype.kind == "f" else sum(flat))
    assert same(t.T.sum(), t.sum())  # the transpose is the same run of memory, read in memory order


@given(tensors(shapes(min_dims=1, max_dims=3)), st.data())
def test_sum_along_an_axis_adds_up_to_the_total(t, data):
    axis = data.draw(st.integers(-t.ndim, t.ndim - 1))
    partial = t.sum(axis=axis)
    total = partial.sum() if isinstance(partial, Tensor) else partial
    assert math.isclose(total, t.sum(), rel_tol=1e-9, abs_tol=1e-6)


@given(tensors(shapes(min_dims=1, max_dims=3), elements=st.integers(-5, 5)))
def test_argmax_points_at_a_maximum(t):
    flat = t.to_flat_list()
    index = t.argmax()
    assert flat[index] == max(flat) and max(flat) not in flat[:index]


# ---------------------------------------------------------------------------
# Shape changes
# ---------------------------------------------------------------------------


def test_results_are_laid_out_as_numpys_are():
    x = zeronn.zeros((2, 3))
    # The memory order of the operands (NumPy's order="K"), which decides what a later
    # reshape or ravel of the result views or copies:
    assert (x.T + 1).strides == (8, 24) and (-x.T).strides == (8, 24) and (x.T + x.T).strides == (8, 24)
    assert (x.T + x.copy().T.copy()).strides == (16, 8)  # operands disagree: row-major wins
    assert x.T.astype("float32").strides == (4, 12) and tensor(x.T).strides == (8, 24)
    # Column-major operands with an axis of length 1 (whose stride NumPy places by its
    # shortcut only when no operand must be converted or broadcast first):
    f = zeronn.arange(6.0).reshape(3, 1, 2).T  # shape (2, 1, 3)
    assert (f + f).strides == (8, 16, 16) and (f.astype("float32") + f).strides == (8, 48, 16)
    assert (f + zeronn.arange(3.0)).strides == (8, 48, 16) and (f[:, :, :1] + f[:, :, 1:]).strides == (8, 32, 16)
    # A row-major operand with fewer axes votes on the axes it has, and row-major wins them:
    assert (zeronn.zeros((2, 3, 4)).T + zeronn.zeros((3, 2))).strides == (8, 64, 32)  # NumPy 2.4's
    # An operand that broadcasts along every axis casts no vote, and an axis of length 1
    # goes where the other operand's strides put it:
    b = zeronn.arange(9.0).reshape(3, 3).T[:, :, None]  # (3, 3, 1), strides (8, 24, 0)
    assert (zeronn.zeros((1, 1, 1)) + b).strides == (8, 24, 8) and (b + 1).strides == (8, 24, 72)
    # ... and reductions keep the memory order of what they reduce (NumPy 2.4's strides):
    assert [f.sum(axis=a).strides for a in range(3)] == [(24, 8), (8, 16), (8, 16)]
    assert [f.sum(axis=a, keepdims=True).strides for a in range(3)] == [(8, 24, 8), (8, 48, 16), (8, 16, 16)]
    g = zeronn.arange(24.0).reshape(4, 1, 3, 2).T  # (2, 3, 1, 4), column-major
    assert [g.max(axis=a, keepdims=True).strides for a in range(4)] == [
        (8, 8, 96, 24), (8, 16, 64, 16), (8, 16, 192, 48), (8, 16, 48, 48)]
    y = zeronn.zeros((2, 3, 4)).transpose(2, 0, 1)
    assert y.sum(axis=1).strides == (8, 32) and y.sum(axis=1, keepdims=True).strides == (8, 96, 32)
    assert zeronn.zeros((2, 2), dtype=bool).T.astype(int).strides == (8, 16)


def test_reshape_flatten_transpose_match_numpy():
    assert arange(6).reshape(2, -1).tolist() == [[0, 1, 2], [3, 4, 5]]
    assert arange(6).reshape((3, 2)).shape == (3, 2)
    assert C.transpose()[1].tolist() == [[1, 13], [5, 17], [9, 21]]
    assert C.transpose(1, 0, 2).shape == (3, 2, 4)
    assert tensor([[1, 2, 3]]).T.tolist() == [[1], [2], [3]]
    assert tensor([1, 2]).T.tolist() == [1, 2]
    assert C.flatten().tolist() == list(range(24))


def test_reshape_of_a_strided_view_is_a_view_with_numpys_strides():
    # NumPy 2.4: np.arange(12)[::2].reshape(shape).strides, and the same for a column slice.
    every_other = arange(12)[::2]
    for shape, strides in [((6, 1), (16, 16)), ((3, 2, 1), (32, 16, 16)), ((1, 6, 1, 1), (96, 16, 16, 16)),
                           ((2, 1, 3, 1), (48, 48, 16, 16))]:
        view = every_other.reshape(shape)
        assert view.strides == strides and view._storage is every_other._storage, shape
    # With -1 NumPy does not take the same-shape shortcut, so an axis of length 1 gets a new stride:
    f = arange(6.0).reshape(3, 1, 2).T  # (2, 1, 3), strides (8, 16, 16)
    assert f.reshape(2, 1, 3).strides == (8, 16, 16) and f.reshape(2, 1, -1).strides == (8, 48, 16)
    columns = arange(24).reshape(4, 6)[:, ::3]
    assert columns.reshape(8, 1).strides == (24, 24) and columns.reshape(4, 2, 1).strides == (48, 24, 24)
    assert columns.reshape(8, 1).tolist() == [[0], [3], [6], [9], [12], [15], [18], [21]]


@given(tensors(shapes(min_dims=0, max_dims=4)))
def test_transpose_is_an_involution(t):
    assert t.T.T.tolist() == t.tolist() and t.T.shape == tuple(reversed(t.shape))


@given(tensors(shapes(min_dims=1, max_dims=4)))
def test_reshape_round_trips(t):
    assert t.reshape(-1).reshape(t.shape).tolist() == t.tolist()


def test_astype_converts_like_numpy():
    assert tensor([-1.5, 0.0, 2.7]).astype(int).tolist() == [-1, 0, 2]
    assert tensor([0, 3]).astype(bool).tolist() == [False, True]
    assert tensor([True]).astype(float).tolist() == [1.0]
    assert tensor([300, -1]).astype("uint8").tolist() == [44, 255]
    assert tensor([1 / 3]).astype("float32").tolist() == [0.3333333432674408]


# ---------------------------------------------------------------------------
# dot and @
# ---------------------------------------------------------------------------

W = [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]


def test_dot_follows_numpy_for_each_rank():
    a, b, w = tensor(A), tensor(B), tensor(W)
    assert a.dot(w).tolist() == [[10.5, 13.0], [7.5, 11.0]]
    assert b.dot(w).tolist() == [1.5, 3.0]
    assert w.dot(tensor([1.0, -1.0])).tolist() == [-1.0, -1.0, -1.0]
    assert b.dot(b) == 5.25
    assert tensor(2).dot(b).tolist() == [4.0, -2.0, 1.0] and tensor(2).dot(tensor(3)) == 6
    assert (a @ w).tolist() == [[10.5, 13.0], [7.5, 11.0]]
    assert ([2.0, -1.0, 0.5] @ w).tolist() == [1.5, 3.0]
    assert tensor([[], []]).dot(zeronn.zeros((0, 3))).tolist() == [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
    assert w.T.dot(a.T).tolist() == [[10.5, 7.5], [13.0, 11.0]]  # strided views read in place
    backwards = zeronn.arange(8.0).reshape(2, 4)[:, :0:-1]  # rows [3, 2, 1] and [7, 6, 5]
    assert backwards.dot(tensor([[1.0], [10.0], [100.0]])).tolist() == [[123.0], [567.0]]
    column = tensor([1.0, 2.0])[:, None]  # a new axis has stride 0: rows read as one repeated element
    assert column.strides == (8, 0) and column.dot(tensor([[3.0, 4.0]])).tolist() == [[3.0, 4.0], [6.0, 8.0]]


def test_dot_signed_zeros_and_dtypes_match_numpy():
    assert math.copysign(1, zeronn.dot([-0.0], [1.0])) == -1  # np.dot of one term: the product
    assert math.copysign(1, (tensor([-0.0]) @ tensor([1.0]))) == 1  # matmul sums from +0.0
    assert math.copysign(1, zeronn.dot([-0.0, -0.0], [1.0, 1.0])) == 1
    assert zeronn.dot(tensor([True, False]), tensor([True, True])) is True
    assert zeronn.dot(tensor([[2**62]]), tensor([[4]])).tolist() == [[0]]  # int64 wraps
    assert tensor([[1, 2]], dtype="uint8").dot(tensor([[1.5], [1.0]], dtype="float32")).dtype == float32


@given(st.integers(1, 4), st.integers(1, 4), st.integers(1, 4), st.data())
def test_dot_transposes_as_a_product_should(m, n, p, data):
    a = data.draw(tensors((m, n), elements=small_floats))
    b = data.draw(tensors((n, p), elements=small_floats))
    assert_allclose(a.dot(b).T, b.T.dot(a.T), rtol=1e-12, atol=1e-9)


@given(st.integers(0, 4), st.integers(0, 4), st.integers(0, 4), st.data())
def test_dot_equals_the_textbook_triple_loop(m, n, p, data):
    a = data.draw(tensors((m, n), elements=st.integers(-9, 9)))
    b = data.draw(tensors((n, p), elements=st.integers(-9, 9)))
    expected = [[sum(a[i, k] * b[k, j] for k in range(n)) for j in range(p)] for i in range(m)]
    assert a.dot(b).tolist() == expected


# ---------------------------------------------------------------------------
# zeronn's functions never change their arguments
# ---------------------------------------------------------------------------

TENSOR_OPERATIONS = [
    lambda a, b: a + b, lambda a, b: a - b, lambda a, b: a * b, lambda a, b: a / b,
    lambda a, b: a > b, lambda a, b: a == b, lambda a, b: a.sum(axis=0), lambda a, b: a.T,
    lambda a, b: a.reshape(-1), lambda a, b: a[0], lambda a, b: a.astype(int),
    lambda a, b: a.dot(b.T), lambda a, b: a.map(abs), lambda a, b: a.argmax(axis=1),
    lambda a, b: a[a > 0], lambda a, b: a.copy(), lambda a, b: a.ravel(), lambda a, b: a.flatten(),
]
# The free functions also take nested lists: those must come back unchanged too.
FUNCTION_OPERATIONS = [
    zeronn.maximum, zeronn.minimum, zeronn.greater, zeronn.equal,
    lambda a, b: elementwise("add", a, b),
    lambda a, b: zeronn.exp(a), lambda a, b: zeronn.log(a), lambda a, b: zeronn.softmax(a),
    lambda a, b: zeronn.sigmoid(a), lambda a, b: zeronn.relu(a), lambda a, b: zeronn.sum(a, axis=1),
    lambda a, b: tensor(a), lambda a, b: zeronn.dot(a, [list(row) for row in zip(*b)]),
    lambda a, b: zeronn.zeros_like(a), lambda a, b: zeronn.copy(a), lambda a, b: zeronn.average(a, weights=b),
    lambda a, b: zeronn.random.permutation(a), lambda a, b: zeronn.sqrt(a),
]


@given(tensors((2, 3), elements=small_floats), tensors((2, 3), elements=small_floats))
@zeronn.errstate(all="ignore")  # the answers, not the warnings, are tested here
def test_inputs_are_never_mutated(a, b):
    before_a, before_b = a.tolist(), b.tolist()
    for operation in TENSOR_OPERATIONS:
        operation(a, b)
        assert a.tolist() == before_a and b.tolist() == before_b
    for operation in FUNCTION_OPERATIONS:
        lists_a, lists_b = copy.deepcopy(before_a), copy.deepcopy(before_b)
        try:
            operation(a, b)
            operation(lists_a, lists_b)
        except ZeroDivisionError:  # average: weights that sum to zero
            pass
        assert lists_a == before_a and lists_b == before_b
        assert a.tolist() == before_a and b.tolist() == before_b


# ---------------------------------------------------------------------------
# Bad input: one table of (call, exception, message fragment)
# ---------------------------------------------------------------------------

BAD_INPUTS = [
    (lambda: tensor([[1, 2, 3], [4, 5]]), ValueError, r"ragged nested list at \[1\]: expected length 3, got 2"),
    (lambda: tensor([[[1, 2], [3, 4]], [[5, 6], [7]]]), ValueError, r"ragged nested list at \[1, 1\]"),
    (lambda: tensor([1, [2]]), ValueError, r"mixed nesting depth at \[1\]"),
    (lambda: tensor([[1], 2]), ValueError, r"mixed nesting depth at \[1\]"),
    (lambda: tensor(["a", "b"]), TypeError, r"got str 'a' at \[0\]"),
    (lambda: tensor("abc"), TypeError, "not str 'abc'"),
    (lambda: tensor(None), TypeError, "not NoneType"),
    (lambda: tensor([None]), TypeError, r"got NoneType None at \[0\]"),
    (lambda: tensor({"a": 1}), TypeError, "not dict"),
    (lambda: tensor([[1, 2], {"a": 1}]), TypeError, r"got dict .* at \[1\]"),
    (lambda: tensor([1, 2j]), TypeError, r"got complex 2j at \[1\]"),
    (lambda: tensor([1], dtype="complex"), TypeError, "data type 'complex' is not supported by zeronn"),
    (lambda: tensor([1], dtype=object), TypeError, "not understood"),
    (lambda: tensor([300], dtype="uint8"), IntegerOutOfBoundsError, r"300 out of bounds for uint8 \(at \[0\]\)"),
    (lambda: tensor([10**400]), ValueError, "too large for any of zeronn's dtypes"),
    (lambda: tensor([0.5, -(2**1024 - 2**970)]), ValueError, r"at \[1\] is too large for float64"),  # the first
    (lambda: tensor([-(2**63), 2**64]), ValueError, "integer 18446744073709551616 is too large"),  # names the culprit
    (lambda: tensor([-(2**63) - 1, 2**63]), ValueError, "integer -9223372036854775809 is too large"),
    (lambda: Tensor.from_storage(array("d", [1.0]), (1,), "float32"), TypeError,
     r"float32 storage must be an array\('f'\), got array"),
    (lambda: Tensor.from_storage(array("d", [1.0]), (1,), "float64"), TypeError, "float64 storage must be a list"),
    (lambda: tensor([1.0]) + 10**400, ValueError, "out of bounds for float64"),
    (lambda: tensor([1, 2]) + tensor([1, 2, 3]), ValueError,
     r"operands could not be broadcast together with shapes \(2,\) \(3,\)"),
    (lambda: tensor([[1, 2, 3]]).dot(tensor([1, 2])), ValueError,
     r"shapes \(1,3\) and \(2,\) not aligned: 3 \(dim 1\) != 2 \(dim 0\)"),
    (lambda: C.dot(C), ValueError, r"up to 2 dimensions, got shapes \(2,3,4\) and \(2,3,4\)"),
    (lambda: tensor([1, 2]) @ tensor(2), ValueError, "matmul: Input operand 1"),
    (lambda: arange(6).reshape(4, 2), ValueError, r"cannot reshape array of size 6 into shape \(4,2\)"),
    (lambda: arange(6).reshape(-1, -1), ValueError, "can only specify one unknown dimension"),
    (lambda: arange(6).reshape(-2, -3), ValueError, "negative dimensions are not allowed"),
    (lambda: C.sum(axis=3), OutOfBoundsError, "axis 3 is out of bounds for array of dimension 3"),
    (lambda: C.max(axis=-4), OutOfBoundsError, "axis -4 is out of bounds"),
    (lambda: C.sum(axis=1.0), TypeError, "axis must be an int or None"),
    (lambda: C.transpose(0, 0, 1), ValueError, "don't match"),
    (lambda: tensor([1, 2]).item(), ValueError, "can only convert an array of size 1"),
    (lambda: bool(tensor([1, 2])), ValueError, "ambiguous. Use a.any"),
    (lambda: bool(tensor([])), ValueError, "empty array is ambiguous"),
    (lambda: len(tensor(1)), TypeError, "len\\(\\) of unsized object"),
    (lambda: iter(tensor(1)), TypeError, "iteration over a 0-d array"),
    (lambda: tensor([]).max(), ValueError, "zero-size array to reduction operation maximum"),
    (lambda: tensor([]).argmax(), ValueError, "attempt to get argmax of an empty sequence"),
    (lambda: zeronn.softmax(zeronn.zeros((2, 0))), ValueError, "zero-size array to reduction operation maximum"),
    (lambda: tensor([2, 3]) ** tensor([-1, 1]), ValueError, "Integers to negative integer powers"),
    (lambda: tensor([True]) - tensor([True]), TypeError, "numpy boolean subtract"),
    (lambda: -tensor([True]), TypeError, "numpy boolean negative"),
    (lambda: tensor([1.0, math.inf]).astype(int), ValueError, r"cannot convert inf at \[1\] to int64"),
    (lambda: tensor([math.nan]).astype(int), ValueError, r"cannot convert nan at \[0\] to int64"),
    (lambda: tensor([-1.5]).astype("uint8"), ValueError, r"cannot convert -1.5 at \[0\] to uint8: out of range"),
    (lambda: tensor([1, 2]) + "a", TypeError, "unsupported operand"),
    (lambda: tensor([1, 2]) < None, TypeError, "not supported"),
    (lambda: zeronn.arange(0, 5, 0), ValueError, "step must not be zero"),
    (lambda: zeronn.arange(0, math.inf), ValueError, "stop must be finite"),
    (lambda: zeronn.arange("5"), TypeError, "stop must be an int or a float, not str"),
    (lambda: zeronn.zeros((2, -1)), ValueError, "negative dimensions are not allowed"),
    (lambda: zeronn.arange(0, 1e18), ValueError, r"\(1000000000000000000,\) .* 8,000,000,000,000,000,000 bytes"),
    (lambda: zeronn.ones((10**6, 10**6)), ValueError, r"\(1000000, 1000000\) .* 8,000,000,000,000 bytes"),
    (lambda: zeronn.full((2,), "x"), TypeError, "not str"),
    (lambda: zeronn.zeros((1,) * 65), ValueError, "maximum supported dimension for an ndarray is 64, found 65"),
    (lambda: tensor([1, 2])["a"], InvalidIndexError, "valid indices, not str"),
]


@pytest.mark.parametrize("call, error, message", BAD_INPUTS)
def test_bad_input_gets_a_clear_error(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_deep_nesting_is_a_clear_error_not_a_recursion_error():
    data = 0.5
    for _ in range(64):
        data = [data]
    t = tensor(data)  # NumPy's most: 64 axes
    assert t.ndim == 64 and t.sum() == 0.5 and t.reshape(-1).tolist() == [0.5]
    assert repr(t).startswith("tensor(" + "[" * 64)
    assert t.T.shape == t.shape and (t + 1).item() == 1.5
    for _ in range(5000 - 64):
        data = [data]
    with pytest.raises(ValueError, match="maximum supported dimension for an ndarray is 64, found 65"):
        tensor(data)
    itself = []
    itself.append(itself)
    with pytest.raises(ValueError, match="maximum supported dimension"):
        tensor(itself)


def test_elementwise_is_the_shared_engine():
    assert elementwise("subtract", tensor([[1], [5]]), [1, 2]).tolist() == [[0, -1], [4, 3]]


def test_elements_reads_in_row_major_order_without_copying_a_whole_tensor():
    x = tensor([[1, 2, 3], [4, 5, 6]])
    assert elements(x) is x._storage  # the whole tensor: its storage itself, no copy
    row = x[1]  # contiguous, at offset 3 of a longer storage: a slice of it
    assert elements(row) == [4, 5, 6] and elements(row) is not x._storage
    assert elements(x[:, 1:]) == [2, 3, 5, 6] and elements(x.T) == [1, 4, 2, 5, 3, 6]
    assert elements(x[::-1, ::-1]) == [6, 5, 4, 3, 2, 1] and elements(x[:, 1:2]) == [2, 5]
    assert elements(zeronn.core._make([7, 8], (2, 2), (1, 0), 0, int64)) == [7, 7, 8, 8]  # stride 0, as broadcast
    assert elements(x[:, None, 2]) == [3, 6] and elements(x[2:]) == []
    whole_of_float32 = tensor([1.5, 2.5], dtype="float32")
    assert elements(whole_of_float32) is whole_of_float32._storage


def test_item_takes_a_flat_index_or_one_per_axis():
    x = tensor([[1, 2, 3], [4, 5, 6]])
    assert (x.item(4), x.item(-6), x.item(1, 2), x.item(-1, 0)) == (5, 1, 6, 4)
    for flat in (6, -7):  # NumPy 2.4's message for a flat index past either end
        with pytest.raises(OutOfBoundsError, match=f"^index {flat} is out of bounds for size 6$"):
            x.item(flat)
    with pytest.raises(IndexError, match="index 5 is out of bounds for axis 1 with size 3"):
        x.item(1, 5)


def test_only_a_0d_integer_tensor_is_an_index():
    assert [10, 20, 30][tensor(1)] == 20 and operator.index(tensor(2, dtype="uint8")) == 2
    for not_an_index in (tensor([1]), tensor(1.0), tensor(True), tensor([[1]])):
        with pytest.raises(TypeError, match="^only integer scalar arrays can be converted to a scalar index$"):
            operator.index(not_an_index)


def test_the_int64_range_is_closed_at_both_ends():
    assert repr(tensor([-(2**63)])) == "tensor([-9223372036854775808])"  # NumPy 2.4: int64, not float64
    assert repr(tensor([-(2**63), 2**63 - 1])) == "tensor([-9223372036854775808,  9223372036854775807])"
    assert tensor([2**63]).dtype == "uint64" and tensor([-(2**63), 2**63]).dtype == "float64"


def test_dot_reads_reversed_rows_that_end_at_the_storages_start():
    a = arange(6.0).reshape(2, 3)[:, 2:0:-1]  # rows [2, 1] and [5, 4]: row 0 stops just short of element 0
    assert a.strides == (24, -8) and zeronn.dot(a, zeronn.ones((2, 1))).tolist() == [[3.0], [9.0]]
    assert list(zeronn.core._rows(a)) == [[2.0, 1.0], [5.0, 4.0]]  # exactly each row (sumprod wants equal lengths)
    assert tensor([127.0, -128.0]).astype("int8").tolist() == [127, -128]  # both ends of int8 are in range


def test_dot_refuses_more_than_two_axes_on_either_side():
    two, three = zeronn.zeros((2, 2)), zeronn.zeros((2, 2, 2))
    for left, right, named in ((three, two, "(2,2,2) and (2,2)"), (two, three, "(2,2) and (2,2,2)"),
                               (three, three, "(2,2,2) and (2,2,2)")):
        message = f"^dot supports tensors of up to 2 dimensions, got shapes {re.escape(named)}$"
        with pytest.raises(ValueError, match=message):
            zeronn.dot(left, right)
    assert zeronn.dot(zeronn.zeros((2, 3)), zeronn.zeros((3, 0))).shape == (2, 0)  # rows of zeros, no columns
