"""Indexing: views that share storage, copies from fancy keys, writes through both, nditer.

Expected values are NumPy 2.4's answers on the same inputs, written down as literals.
"""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import zeronn
from zeronn import InvalidIndexError, OutOfBoundsError, Tensor, arange, nditer, tensor
from zeronn.dtypes import IntegerOutOfBoundsError
from zeronn.indexing import Picked, View, select
from zeronn.testing import shapes, tensors

C = arange(24).reshape(2, 3, 4)


def values(result):
    return result.tolist() if isinstance(result, Tensor) else result


# ---------------------------------------------------------------------------
# Basic indexing: views
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "key, expected",
    [
        ((1, 2, 3), 23),
        ((-1, -1, -1), 23),
        (0, [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]),
        ((1, slice(None), slice(None, None, 2)), [[12, 14], [16, 18], [20, 22]]),
        ((Ellipsis, -1), [[3, 7, 11], [15, 19, 23]]),
        ((slice(None), 1), [[4, 5, 6, 7], [16, 17, 18, 19]]),
        ((slice(1, None), 0, slice(None, None, -1)), [[15, 14, 13, 12]]),
        ((slice(5, None),), []),
        ((0, 0, Ellipsis, 0), 0),  # an Ellipsis makes a 0-d view, not a number
    ],
)
def test_basic_indexing_matches_numpy(key, expected):
    assert values(C[key]) == expected


def test_new_axes_and_negative_steps():
    assert C[..., None].shape == (2, 3, 4, 1) and C[None, :, 1].shape == (1, 2, 4)
    x = arange(5)
    assert x[::-2].tolist() == [4, 2, 0] and x[3:0:-1].tolist() == [3, 2, 1]
    x[::-1][1] = 77
    assert x.tolist() == [0, 1, 2, 77, 4]


def test_views_share_storage_and_writes_reach_the_original():
    x = arange(6).reshape(2, 3)
    x[1][2] = 7  # the example: a row is a view
    assert x.tolist() == [[0, 1, 2], [3, 4, 7]]
    v = x.T
    v[0, 1] = 100
    assert x.tolist() == [[0, 1, 2], [100, 4, 7]]
    x[:, ::2][0] = -1
    assert x.tolist() == [[-1, 1, -1], [100, 4, 7]]
    r = x.reshape(3, 2)
    r[0] = 9
    assert x.tolist() == [[9, 9, -1], [100, 4, 7]]


def test_which_operations_copy_follows_numpy():
    x = arange(6).reshape(2, 3)
    x.ravel()[-1] = 50  # contiguous: a view
    x.T.ravel()[0] = 99  # not contiguous: a copy
    x.T.reshape(6)[1] = 98  # no strides can read x.T as one row: a copy
    x.flatten()[0] = 97
    x.copy()[0, 0] = 96
    x[[0]][0, 0] = 95  # fancy indexing copies
    x.astype(int)[0, 0] = 94
    assert x.tolist() == [[0, 1, 2], [3, 4, 50]]


def test_slices_of_a_vector():
    x = arange(10)
    assert x[2:5].tolist() == [2, 3, 4] and x[-3:].tolist() == [7, 8, 9]
    assert x[::3].tolist() == [0, 3, 6, 9] and x[5:2].tolist() == []


@given(tensors(shapes(min_dims=1, max_dims=3)), st.data())
def test_integer_indexing_agrees_with_tolist(t, data):
    position = tuple(data.draw(st.integers(-side, side - 1)) for side in t.shape)
    nested = t.tolist()
    for index in position:
        nested = nested[index]
    assert t[position] == nested


@given(tensors(shapes(min_dims=2, max_dims=2, max_side=5), elements=st.integers(-9, 9)), st.data())
def test_views_of_views_read_what_nested_lists_read(t, data):
    a, b = (data.draw(st.sampled_from([1, 2, 3, -1, -2])) for _ in range(2))
    rows = t.tolist()
    view = t[::a][:, ::b].T
    expected = [list(column) for column in zip(*(row[::b] for row in rows[::a]))]
    assert view.shape == (len(rows[0][::b]), len(rows[::a]))
    if view.size:
        assert view.tolist() == expected
        assert view.copy().tolist() == expected and (view + 0).tolist() == expected


def test_select_describes_views_without_touching_numbers():
    assert select((2, 3), (3, 1), 0, (slice(None), slice(None, None, -1)), None) == View((2, 3), (3, -1), 2, False)
    assert select((4,), (1,), 0, 2, None) == View((), (), 2, True)
    assert select((2, 3), (3, 1), 0, ([1, 0], 2), zeronn.as_tensor) == Picked((2,), [5, 2], (0,), arrays_only=True)
    # A copy is laid out with the picked axes outermost, the others in their stride order:
    assert select((3, 4, 5), (1, 3, 12), 0, (slice(None), [0, 1]), zeronn.as_tensor).order == (1, 2, 0)


# ---------------------------------------------------------------------------
# Advanced indexing: copies
# ---------------------------------------------------------------------------


def test_fancy_indexing_matches_numpy():
    assert C[:, 0, [1, 2]].tolist() == [[1, 2], [13, 14]]
    assert C[0, :, [1, 2]].tolist() == [[1, 5, 9], [2, 6, 10]]  # a slice between: indexed axes go first
    assert C[[0, 1], :, [1, 2]].tolist() == [[1, 5, 9], [14, 18, 22]]
    assert C[[1, 0]][:, [2]].tolist() == [[[20, 21, 22, 23]], [[8, 9, 10, 11]]]
    assert C[C % 5 == 0].tolist() == [0, 5, 10, 15, 20]
    assert C[:, [True, False, True]].tolist() == [
        [[0, 1, 2, 3], [8, 9, 10, 11]],
        [[12, 13, 14, 15], [20, 21, 22, 23]],
    ]
    assert C[:, None, [0, 1]].shape == (2, 1, 2, 4) and C[[0, 1], None, [0, 1]].shape == (2, 1, 4)
    # The copies are laid out as NumPy lays them out (new axes as innermost as they can be):
    assert C[:, None, [0, 1]].strides == (32, 8, 64, 8) and C[[0, 1], None, [0, 1]].strides == (32, 8, 8)
    assert C[None, [0, 1]].strides == (8, 96, 32, 8) and C[[[0], [1]], None].strides == (96, 96, 8, 32, 8)
    y = arange(12.0).reshape(3, 4)
    assert y[arange(3), [1, 2, 3]].tolist() == [1.0, 6.0, 11.0]  # the book's y[np.arange(n), t]
    assert y[[[0], [2]], [1, 3]].tolist() == [[1.0, 3.0], [9.0, 11.0]]
    assert arange(10)[tensor([True] * 10)][::3].tolist() == [0, 3, 6, 9]

    class Two:  # any object with __index__ is an integer index, as NumPy's own scalars are
        def __index__(self):
            return 2

    assert arange(5)[Two()] == 2 and C[0, Two()].tolist() == [8, 9, 10, 11]


def test_the_books_batch_mask_picks_rows():
    x_train = arange(20.0, dtype="float32").reshape(5, 4)
    batch = x_train[tensor([4, 0, 4])]
    assert batch.dtype == "float32" and batch.tolist() == [[16, 17, 18, 19], [0, 1, 2, 3], [16, 17, 18, 19]]


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


def test_writes_of_every_key_kind_match_numpy():
    x = zeronn.zeros((3, 4))
    x[1:, ::2] = [[1, 2], [3, 4]]
    assert x.tolist() == [[0, 0, 0, 0], [1, 0, 2, 0], [3, 0, 4, 0]]
    x = zeronn.zeros((3, 4))
    x[[0, 2]] = arange(4)  # the value broadcasts to each picked row
    assert x.tolist() == [[0, 1, 2, 3], [0, 0, 0, 0], [0, 1, 2, 3]]
    x = zeronn.zeros(5)
    x[[1, 1, 3]] = [7, 8, 9]  # a repeated index: the last write wins
    assert x.tolist() == [0, 8, 0, 9, 0]
    x = arange(6.0).reshape(2, 3)
    x[x > 2] = -1  # the book's grad[x >= 0] = 1 and out[mask] = 0
    assert x.tolist() == [[0, 1, 2], [-1, -1, -1]]
    x[..., 0] = 5
    x[(1, 1)] = 6.5  # the book's x[idx] = tmp_val + h with a tuple index
    assert x.tolist() == [[5, 1, 2], [5, 6.5, -1]]


def test_a_mask_of_the_whole_shape_reads_and_writes_through_strides():
    x = arange(6).reshape(2, 3).T  # a transpose: its elements are not in storage order
    assert x[x > 2].tolist() == [3, 4, 5] and x[::-1][x[::-1] % 2 == 0].tolist() == [2, 4, 0]  # NumPy's order
    x[x % 2 == 1] = -1
    assert x.tolist() == [[0, -1], [-1, 4], [2, -1]] and x.T.tolist() == [[0, -1, 2], [-1, 4, -1]]


# What each kind of key accepts as a value, and NumPy 2.4's error where it refuses.
WRITES = [
    # An element takes one number, or a 0-d tensor; any sequence is refused. (For [5] into an
    # int array NumPy's refusal is int()'s TypeError; into a float array, this ValueError.)
    (lambda x: x.__setitem__((0, 0), tensor(5.0)), [[5, 0, 0], [0, 0, 0]], None, None),
    (lambda x: x.__setitem__((0, 0), [5]), None, ValueError, r"^setting an array element with a sequence\.$"),
    (lambda x: x.__setitem__((0, 0), tensor([5])), None, ValueError, r"^setting an array element with a sequence\.$"),
    # A view takes a list no deeper than itself; a tensor may have extra leading 1s.
    (lambda x: x.__setitem__(0, (1, 2, 3)), [[1, 2, 3], [0, 0, 0]], None, None),
    (lambda x: x.__setitem__(0, tensor([[[1, 2, 3]]])), [[1, 2, 3], [0, 0, 0]], None, None),
    (lambda x: x.__setitem__(0, [[1, 2, 3]]), None, ValueError,
     r"^setting an array element with a sequence\. The requested array would exceed the maximum number of "
     r"dimension of 1\.$"),
    (lambda x: x.__setitem__((0, ...), [[[7]]]), None, ValueError, "exceed the maximum number of dimension of 1"),
    (lambda x: x.__setitem__(slice(None), [1, 2]), None, ValueError,
     r"^could not broadcast input array from shape \(2,\) into shape \(2,3\)$"),
    # Picked elements take anything that broadcasts, leading 1s dropped.
    (lambda x: x.__setitem__([1], [[[4, 5, 6]]]), [[0, 0, 0], [4, 5, 6]], None, None),
    (lambda x: x.__setitem__((0, [0, 1]), [[1], [2]]), None, ValueError,
     r"^shape mismatch: value array of shape \(2,1\) could not be broadcast to indexing result of shape \(2,\)$"),
    # A mask of the whole shape takes 0-d or 1-d values: one, or one per True.
    (lambda x: x.__setitem__(x == 0, [7]), [[7, 7, 7], [7, 7, 7]], None, None),
    (lambda x: x.__setitem__(x == 0, range(6)), [[0, 1, 2], [3, 4, 5]], None, None),
    (lambda x: x.__setitem__(x == 0, [[7]]), None, TypeError,
     r"^NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has 2 dimensions$"),
    (lambda x: x.__setitem__(x == 0, [1, 2]), None, ValueError,
     r"^NumPy boolean array indexing assignment cannot assign 2 input values to the 6 output values where the "
     r"mask is true$"),
    # A mask of one axis is picked elements again: (1, 3) broadcasts to the (1, 3) picked.
    (lambda x: x.__setitem__(tensor([True, False]), [[[1, 2, 3]]]), [[1, 2, 3], [0, 0, 0]], None, None),
]


@pytest.mark.parametrize("write, expected, error, message", WRITES)
def test_each_kind_of_key_takes_the_values_numpy_takes(write, expected, error, message):
    x = zeronn.zeros((2, 3), dtype=int)
    if error is None:
        write(x)
        assert x.tolist() == expected
    else:
        with pytest.raises(error, match=message):
            write(x)
        assert x.tolist() == [[0, 0, 0], [0, 0, 0]]  # a refused write changes nothing


def test_augmented_assignment_to_a_key_is_read_change_write():
    x = arange(6.0).reshape(2, 3)
    x[:, 1] += 10
    assert x.tolist() == [[0, 11, 2], [3, 14, 5]]
    dx = arange(6.0).reshape(2, 3)
    dx[arange(2), tensor([2, 0])] -= 1  # SoftmaxWithLoss.backward
    assert dx.tolist() == [[0, 1, 1], [2, 4, 5]]
    x = zeronn.zeros(3)
    x[[0, 0, 1]] += 1  # NumPy does not accumulate repeated indices here
    assert x.tolist() == [1, 1, 0]


def test_overlapping_writes_read_first_as_numpy_does():
    x = arange(10)
    x[1:] = x[:-1]
    assert x.tolist() == [0, 0, 1, 2, 3, 4, 5, 6, 7, 8]
    y = arange(10)
    y[2:8:2] = y[1:4]
    assert y.tolist() == [0, 1, 1, 3, 2, 5, 3, 7, 8, 9]


def test_assignment_casts_values_to_the_tensors_dtype():
    x = zeronn.zeros(3, dtype=int)
    x[0] = 2.9
    x[1] = True
    assert x.tolist() == [2, 1, 0] and x.dtype == int
    u8 = zeronn.zeros(3, dtype="uint8")
    u8[:] = tensor([300, -1, 256])  # a tensor casts by wrapping, as NumPy's does
    assert u8.tolist() == [44, 255, 0]
    with pytest.raises(IntegerOutOfBoundsError, match="Python integer 300 out of bounds for uint8"):
        u8[0] = 300
    with pytest.raises(IntegerOutOfBoundsError, match="out of bounds for uint8"):
        u8[:] = [300, 1, 2]
    with pytest.raises(ValueError, match="cannot convert nan to int64"):
        x[0] = math.nan


def test_bad_writes_name_the_shapes():
    x = zeronn.zeros((2, 3))
    with pytest.raises(ValueError, match=r"could not broadcast input array from shape \(2,2\) into shape \(2,3\)"):
        x[:] = zeronn.ones((2, 2))
    x[:] = zeronn.ones((1, 1, 3))  # leading axes of length 1 are dropped, as in NumPy
    assert x.tolist() == [[1, 1, 1], [1, 1, 1]]
    row = zeronn.zeros(3)
    row[...] = tensor([[[4, 5, 6]]])  # two dropped, one at a time
    with pytest.raises(ValueError, match=r"could not broadcast input array from shape \(1,2\) into shape \(3,\)"):
        row[...] = tensor([[1, 2]])  # one dropped leaves (2,), which does not fit
    with pytest.raises(ValueError, match=r"from shape \(1,1,2\) into shape \(3,\)"):
        row[...] = tensor([[[1, 2]]])
    assert row.tolist() == [4, 5, 6]  # nothing written by the refused writes


BAD_KEYS = [
    (lambda: tensor([1, 2, 3])[3], OutOfBoundsError, "index 3 is out of bounds for axis 0 with size 3"),
    (lambda: C[0, -4], OutOfBoundsError, "index -4 is out of bounds for axis 1 with size 3"),
    (lambda: C[tensor([0, 5])], OutOfBoundsError, "index 5 is out of bounds for axis 0 with size 2"),
    (lambda: tensor([1, 2])[0, 0], OutOfBoundsError, "too many indices for array"),
    (lambda: tensor([1, 2])["a"], InvalidIndexError, "valid indices, not str"),
    (lambda: tensor([1, 2])[1.0], InvalidIndexError, "valid indices, not float"),
    (lambda: tensor([1, 2])[[1.0]], InvalidIndexError, "must be of integer \\(or boolean\\) type, not float64"),
    (lambda: tensor([1, 2])[True], InvalidIndexError, "a bool index"),
    (lambda: tensor([1, 2])[..., ...], InvalidIndexError, "single ellipsis"),
    (lambda: C[tensor([True, False, True])], OutOfBoundsError,
     "boolean index did not match indexed array along axis 0"),
    (lambda: C[[0, 1], [0, 1, 2]], OutOfBoundsError,
     r"^shape mismatch: indexing arrays could not be broadcast together with shapes \(2,\) \(3,\)$"),
    (lambda: C[[[0, 1]], [[0], [1], [2]], [[[0, 1, 2]]]], OutOfBoundsError,
     r"together with shapes \(1,2\) \(3,1\) \(1,1,3\)$"),
    (lambda: arange(3)[zeronn.zeros(0)], InvalidIndexError, "must be of integer \\(or boolean\\) type, not float64"),
    (lambda: zeronn.zeros((2, 3))[zeronn.ones((3, 2), dtype=bool)], OutOfBoundsError,
     "along axis 0; size of axis is 2 but size of corresponding boolean axis is 3"),
    (lambda: C[tensor(True)], InvalidIndexError, "a 0-d boolean index is not supported by zeronn"),
    (lambda: zeronn.frombuffer(b"\x00\x01", "uint8").__setitem__(0, 1), ValueError,
     "assignment destination is read-only"),
]


@pytest.mark.parametrize("call, error, message", BAD_KEYS)
def test_bad_keys_get_a_clear_error(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_the_64_axis_limit_counts_the_axes_of_the_result():
    # NumPy counts what the result would have: slices and new axes, plus the index arrays'
    # broadcast dimensions (a mask gives one); an int removes its axis.
    assert zeronn.zeros(3)[(0,) + (None,) * 64].shape == (1,) * 64
    assert zeronn.zeros(3)[(None,) * 64 + (0,)].shape == (1,) * 64
    assert zeronn.zeros(3)[(zeronn.ones(3, dtype=bool),) + (None,) * 63].shape == (3,) + (1,) * 63
    message = r"^number of dimensions must be within \[0, 64\], indexing result would have 65$"
    for key in [
        (None,) * 64 + (slice(None),),
        (Ellipsis,) + (None,) * 64,
        (zeronn.zeros((2, 2), dtype=int),) + (None,) * 63,
        (zeronn.ones(3, dtype=bool),) + (None,) * 64,
    ]:
        with pytest.raises(OutOfBoundsError, match=message):
            zeronn.zeros(3)[key]
    with pytest.raises(OutOfBoundsError, match=message):  # 2 axes from the index array, 63 kept
        zeronn.zeros((1,) * 64)[zeronn.zeros((2, 2), dtype=int)]
    with pytest.raises(IndexError):  # what NumPy raises, for code that catches it
        zeronn.zeros(3)[(Ellipsis,) + (None,) * 64]


def test_index_errors_are_also_what_numpy_code_catches():
    with pytest.raises(IndexError):
        tensor([1])[5]
    with pytest.raises(IndexError):
        tensor([1])["a"]


# ---------------------------------------------------------------------------
# Read-only tensors and nditer
# ---------------------------------------------------------------------------


def test_read_only_tensors_and_their_views_refuse_writes():
    x = zeronn.frombuffer(bytes(range(8)), "uint8").reshape(2, 4)
    assert not x.flags.writeable and not x.T.flags.writeable and x.copy().flags.writeable
    with pytest.raises(ValueError, match="output array is read-only"):
        x += 1
    with pytest.raises(ValueError, match="cannot set WRITEABLE flag"):
        x.setflags(write=True)


def test_nditer_walks_memory_order_with_multi_index():
    def walk(t):
        it = nditer(t, flags=["multi_index"])
        seen = []
        while not it.finished:
            seen.append(it.multi_index)
            it.iternext()
        return seen

    assert walk(zeronn.zeros((2, 3))) == [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2)]
    assert walk(zeronn.zeros((2, 3)).T) == [(0, 0), (1, 0), (2, 0), (0, 1), (1, 1), (2, 1)]  # NumPy's order K
    assert walk(zeronn.zeros(0)) == []


def test_nditer_accepts_numpys_harmless_flags():
    assert [float(v) for v in nditer(zeronn.zeros(2), flags=["refs_ok", "zerosize_ok"])] == [0.0, 0.0]


def test_nditer_has_no_index_past_the_end():
    it = nditer(zeronn.zeros(2), flags=["multi_index"])
    while not it.finished:
        it.iternext()
    with pytest.raises(ValueError, match="^Iterator is past the end$"):  # NumPy's words
        _ = it.multi_index


def test_nditer_iterates_one_tensor():
    # (NumPy's nditer([a, b]) iterates several operands together; zeronn's takes one tensor)
    for operand in ([1, 2], 5, None):
        with pytest.raises(TypeError, match=f"^nditer takes a tensor, got {type(operand).__name__}$"):
            nditer(operand)


def test_nditer_readwrite_writes_and_readonly_refuses():
    x = arange(6.0).reshape(2, 3)
    for v in nditer(x, op_flags=["readwrite"]):
        v[...] = v * 2
    assert x.tolist() == [[0, 2, 4], [6, 8, 10]]
    with pytest.raises(ValueError, match="read-only"):
        for v in nditer(x):
            v[...] = 0
    with pytest.raises(ValueError, match="not tracking a multi-index"):
        _ = nditer(x).multi_index
    with pytest.raises(ValueError, match="flag 'buffered' is not supported"):
        nditer(x, flags=["buffered"])


def test_the_books_numerical_gradient_loop_changes_and_restores_every_element():
    x = tensor([[1.0, 2.0], [3.0, 4.0]])
    seen = []
    it = nditer(x, flags=["multi_index"], op_flags=["readwrite"])
    while not it.finished:
        idx = it.multi_index
        tmp_val = x[idx]
        x[idx] = tmp_val + 1e-4
        seen.append(float(x.sum()))
        x[idx] = tmp_val
        it.iternext()
    assert x.tolist() == [[1.0, 2.0], [3.0, 4.0]] and len(seen) == 4
    assert all(abs(total - 10.0001) < 1e-12 for total in seen)


@pytest.mark.parametrize("key", [[slice(None)], (["1", "2"],), ((Ellipsis,) * 2,)])
def test_a_list_of_no_numbers_is_no_index_as_numpy_says(key):
    # NumPy 2.4 raises IndexError for each; zeronn's InvalidIndexError is one (and a TypeError)
    with pytest.raises(IndexError, match=r"^only integers, slices .* are valid indices, not a list holding "):
        zeronn.arange(10)[key]
