"""manipulation.py: shapes, axes, joining, splitting, repeating. Expected values are NumPy 2.4's."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

import zeronn
from zeronn import (
    OutOfBoundsError,
    append,
    arange,
    array_split,
    atleast_1d,
    atleast_2d,
    atleast_3d,
    block,
    broadcast,
    broadcast_arrays,
    broadcast_to,
    c_,
    column_stack,
    concatenate,
    dsplit,
    dstack,
    expand_dims,
    flip,
    fliplr,
    flipud,
    hsplit,
    hstack,
    moveaxis,
    ones,
    r_,
    resize,
    roll,
    rollaxis,
    rot90,
    s_,
    split,
    squeeze,
    stack,
    swapaxes,
    tensor,
    tile,
    unstack,
    vsplit,
    vstack,
    zeros,
)
from zeronn.testing import shapes, tensors

small_ints = st.integers(-50, 50)


# ---------------------------------------------------------------------------
# Joining
# ---------------------------------------------------------------------------


def test_concatenate_joins_along_an_axis():
    a23, a13 = tensor([[10, 11, 12], [13, 14, 15]]), tensor([[0, 1, 2]])
    assert concatenate((a23, a13)).tolist() == [[10, 11, 12], [13, 14, 15], [0, 1, 2]]
    assert concatenate((a23.T, a13.T), 1).tolist() == [[10, 13, 0], [11, 14, 1], [12, 15, 2]]
    assert concatenate(([0, 1, 2, 3], (0, 1, 2))).tolist() == [0, 1, 2, 3, 0, 1, 2]  # any sequences
    assert concatenate((a23, a13), axis=None).tolist() == [10, 11, 12, 13, 14, 15, 0, 1, 2]
    assert concatenate((tensor([1], dtype="uint8"), tensor([-1], dtype="int8"))).dtype == "int16"  # promoted
    assert concatenate(arange(1, 4), None).tolist() == [1, 2, 3]  # a tensor is a sequence of its rows
    res = arange(2 * 3 * 7).reshape(2, 3, 7)
    assert concatenate((res[..., :4], res[..., 4:6], res[..., 6:]), -1).tolist() == res.tolist()


def test_concatenate_copies_and_lays_out_as_its_inputs():
    a = zeros((2, 2))
    joined = concatenate([a])
    joined[0, 0] = 2
    assert a[0, 0] == 0 and joined.flags.owndata
    column_major = zeros((3, 2)).T  # F-contiguous inputs give an F-contiguous result, as in NumPy
    assert concatenate((column_major, column_major)).flags.f_contiguous
    assert concatenate((column_major, column_major)).strides == (8, 32)
    assert concatenate((zeros((2, 3)), zeros((2, 3)))).flags.c_contiguous


def test_concatenate_out_dtype_and_casting_are_numpys():
    to_join = (tensor([1.1, 2.2]), tensor([3.3, 4.4]))
    out = zeros(4, dtype="float32")
    assert concatenate(to_join, out=out) is out and out.tolist() == [1.100000023841858, 2.200000047683716,
                                                                     3.299999952316284, 4.400000095367432]  # fmt: skip
    assert concatenate(to_join, dtype="int64", casting="unsafe").tolist() == [1, 2, 3, 4]
    assert concatenate(to_join, dtype="f4", casting="same_kind").dtype == "float32"
    assert concatenate(([1, 2], [2.5, 3.5]), casting="unsafe", dtype=int).tolist() == [1, 2, 2, 3]
    with pytest.raises(TypeError, match=r"^Cannot cast array data from dtype\('int64'\) to dtype\('float64'\) "
                                        r"according to the rule 'no'$"):  # fmt: skip
        concatenate(([1], [2]), dtype="f8", casting="no")  # each input is checked against the result's dtype
    with pytest.raises(TypeError, match=r"^Cannot cast array data from dtype\('float64'\) to dtype\('int64'\) "
                                        r"according to the rule 'safe'$"):  # fmt: skip
        concatenate(to_join, dtype="i8", casting="safe")


def test_stack_and_friends_are_numpys():
    a, b = tensor([1, 2, 3]), tensor([4, 5, 6])
    assert stack((a, b)).tolist() == [[1, 2, 3], [4, 5, 6]]
    assert stack((a, b), axis=1).tolist() == [[1, 4], [2, 5], [3, 6]]
    assert stack((1, 2, 3)).tolist() == [1, 2, 3] and stack([[], [], []]).shape == (3, 0)
    assert [stack([zeros((3, 4))] * 10, axis).shape for axis in (0, 1, 2, -1, -2, -3)] == [
        (10, 3, 4), (3, 10, 4), (3, 4, 10), (3, 4, 10), (3, 10, 4), (10, 3, 4),
    ]  # fmt: skip
    out = zeros((2, 3), dtype="int64")
    assert stack((a, b), out=out) is out and out.tolist() == [[1, 2, 3], [4, 5, 6]]
    assert stack(([1, 2, 3], [2.5, 3.5, 4.5]), axis=1, casting="unsafe", dtype="int64").tolist() == [[1, 2], [2, 3],
                                                                                                    [3, 4]]  # fmt: skip
    assert vstack((a, b)).tolist() == [[1, 2, 3], [4, 5, 6]] and vstack((1, 2)).tolist() == [[1], [2]]
    assert hstack(([[1], [2]], [[1], [2]])).tolist() == [[1, 1], [2, 2]] and hstack((1, 2)).tolist() == [1, 2]
    assert dstack((a, b)).shape == (1, 3, 2) and column_stack((a, b)).tolist() == [[1, 4], [2, 5], [3, 6]]
    assert unstack(arange(6).reshape(2, 3), axis=1)[2].tolist() == [2, 5]
    assert append([1, 2], [[3], [4]]).tolist() == [1, 2, 3, 4]


def test_block_assembles_as_numpy_does():
    one_2d, two_2d, three_2d = tensor([[1, 1, 1]]), tensor([[2, 2, 2]]), tensor([[3, 3, 3, 3, 3, 3]])
    result = block([[one_2d, two_2d], [three_2d], [tensor([4] * 6)], [tensor(5), tensor([6] * 5)], [zeros((2, 6))]])
    assert result.tolist() == [[1, 1, 1, 2, 2, 2], [3] * 6, [4] * 6, [5, 6, 6, 6, 6, 6], [0] * 6, [0] * 6]
    assert block([1.0, 2 * ones((1, 2)), 3 * ones((1, 1, 3))]).tolist() == [[[1.0, 2.0, 2.0, 3.0, 3.0, 3.0]]]
    assert block(1).tolist() == 1 and block(zeros(2)).tolist() == [0.0, 0.0]
    f_ordered = zeros((3, 3)).T
    assert block([[f_ordered, f_ordered], [f_ordered, f_ordered]]).flags.f_contiguous
    made = block(zeros((2, 2)))
    made[0, 0] = 1  # a copy, even of one block
    assert made.tolist() == [[1.0, 0.0], [0.0, 0.0]]


BAD_JOINS = [
    (lambda: concatenate(()), ValueError, "^need at least one array to concatenate$"),
    (lambda: concatenate((0,)), ValueError, "^zero-dimensional arrays cannot be concatenated$"),
    (lambda: concatenate((zeros(1), zeros((1, 1)))), ValueError,
     r"^all the input arrays must have same number of dimensions, but the array at index 0 has 1 dimension\(s\) "
     r"and the array at index 1 has 2 dimension\(s\)$"),
    (lambda: concatenate((ones((1, 2, 3)), ones((2, 2, 3))), axis=1), ValueError,
     "^all the input array dimensions except for the concatenation axis must match exactly, but along dimension 0, "
     "the array at index 0 has size 1 and the array at index 1 has size 2$"),
    (lambda: concatenate((ones(1), ones(1)), axis=1), OutOfBoundsError, "^axis 1 is out of bounds for array of"),
    (lambda: concatenate((x for x in [ones(1)])), TypeError, "^The first input argument needs to be a sequence$"),
    (lambda: concatenate(([1], [2]), out=zeros(5)), ValueError, "^Output array is the wrong shape$"),
    (lambda: concatenate(([1], [2]), out=zeros(2), dtype="f8"), TypeError,
     r"^concatenate\(\) only takes `out` or `dtype` as an argument, but both were provided\.$"),
    (lambda: concatenate(([1], [2]), casting="same_value"), ValueError, "^casting must be one of 'no', 'equiv'"),
    (lambda: concatenate(([1], [2]), out=zeros(2, "int8"), casting="safe"), TypeError,
     r"^Cannot cast array data from dtype\('int64'\) to dtype\('int8'\) according to the rule 'safe'$"),
    (lambda: stack([]), ValueError, "^need at least one array to stack$"),
    (lambda: stack(1), TypeError, '^arrays to stack must be passed as a "sequence" type such as list or tuple.$'),
    (lambda: stack(x for x in range(3)), TypeError, "^arrays to stack must be passed as a"),
    (lambda: hstack(()), ValueError, "^need at least one array to concatenate$"),
    (lambda: stack([zeros((3, 3)), zeros(3)], axis=1), ValueError, "^all input arrays must have the same shape$"),
    (lambda: stack([zeros(3)] * 2, axis=2), OutOfBoundsError, "^axis 2 is out of bounds for array of dimension 2$"),
    (lambda: zeronn.r_[arange(5, dtype="int8"), 255], OverflowError, "^Python integer 255 out of bounds for int8$"),
    (lambda: block([]), ValueError, "^List at arrays cannot be empty$"),
    (lambda: block([[1], []]), ValueError, r"^List at arrays\[1\] cannot be empty$"),
    (lambda: block([1, []]), ValueError, r"^List depths are mismatched\. First element was at depth 1, but there is "
                                         r"an element at depth 2 \(arrays\[1\]\)$"),
    (lambda: block([[1], 2]), ValueError, "depths are mismatched"),
    (lambda: block(([1, 2], [3, 4])), TypeError, "^arrays is a tuple. Only lists can be used to arrange blocks"),
    (lambda: block([(1, 2), (3, 4)]), TypeError, r"^arrays\[0\] is a tuple"),
    (lambda: block([zeros(2), zeros((2, 2))]), ValueError, "^all the input array dimensions except for the"),
    (lambda: unstack(tensor(0)), ValueError, "^Input array must be at least 1-d.$"),
]


@pytest.mark.parametrize("call, error, message", BAD_JOINS)
def test_bad_joins_get_numpys_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()


@given(tensors(shapes(min_dims=1, max_dims=3, min_side=0, max_side=4), elements=small_ints), st.data())
def test_concatenating_the_pieces_of_a_split_gives_the_tensor_back(x, data):
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1))
    cuts = sorted(data.draw(st.lists(st.integers(0, x.shape[axis]), max_size=3)))
    pieces = array_split(x, cuts, axis)
    assert len(pieces) == len(cuts) + 1
    assert concatenate(pieces, axis).tolist() == x.tolist()


# ---------------------------------------------------------------------------
# Splitting, axes, dimensions
# ---------------------------------------------------------------------------


def test_splits_are_views_cut_as_numpy_cuts():
    x = arange(10)
    assert [p.tolist() for p in array_split(x, 3)] == [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]
    assert [p.tolist() for p in split(x, [3, 5, 6, 12])] == [[0, 1, 2], [3, 4], [5], [6, 7, 8, 9], []]
    pieces = split(x, 2)
    pieces[1][0] = 100  # views
    assert x[5] == 100 and pieces[0].base is x
    m = arange(16).reshape(4, 4)
    assert [p.shape for p in hsplit(m, 2)] == [(4, 2)] * 2 and [p.shape for p in vsplit(m, [1])] == [(1, 4), (3, 4)]
    assert [p.shape for p in dsplit(zeros((2, 2, 4)), 4)] == [(2, 2, 1)] * 4
    with pytest.raises(ValueError, match="^array split does not result in an equal division$"):
        split(arange(5), 2)
    with pytest.raises(ValueError, match="^number sections must be larger than 0.$"):
        array_split(arange(5), 0)
    with pytest.raises(ValueError, match="^vsplit only works on arrays of 2 or more dimensions$"):
        vsplit(arange(4), 2)


# rollaxis(zeros((1, 2, 3, 4)), axis, start).shape for every (axis, start): NumPy's own table
ROLLED = {(0, 0): (1, 2, 3, 4), (0, 1): (1, 2, 3, 4), (0, 2): (2, 1, 3, 4), (0, 3): (2, 3, 1, 4),
          (0, 4): (2, 3, 4, 1), (1, 0): (2, 1, 3, 4), (1, 1): (1, 2, 3, 4), (1, 2): (1, 2, 3, 4),
          (1, 3): (1, 3, 2, 4), (1, 4): (1, 3, 4, 2), (2, 0): (3, 1, 2, 4), (2, 1): (1, 3, 2, 4),
          (2, 2): (1, 2, 3, 4), (2, 3): (1, 2, 3, 4), (2, 4): (1, 2, 4, 3), (3, 0): (4, 1, 2, 3),
          (3, 1): (1, 4, 2, 3), (3, 2): (1, 2, 4, 3), (3, 3): (1, 2, 3, 4), (3, 4): (1, 2, 3, 4)}  # fmt: skip


@pytest.mark.parametrize("axis_start, shape", ROLLED.items())
def test_rollaxis_is_numpys_table(axis_start, shape):
    axis, start = axis_start
    a = arange(24).reshape(1, 2, 3, 4).copy()  # a owns its storage, so the views' base is a
    rolled = rollaxis(a, axis, start)
    assert rolled.shape == shape and rolled.base is a and not rolled.flags.owndata
    assert rollaxis(a, axis - 4, start).shape == shape


def test_moveaxis_swapaxes_and_dimensions_make_views():
    x = zeros((0, 1, 2, 3))
    for source, destination, expected in [([0, 1], [2, 3], (2, 3, 0, 1)), ([2, 3], [0, 1], (2, 3, 0, 1)),
                                          ([0, 1, 2], [2, 3, 0], (2, 3, 0, 1)), ([3, 0], [1, 0], (0, 3, 1, 2)),
                                          ([0, 3], [0, 1], (0, 3, 1, 2))]:  # fmt: skip
        assert moveaxis(x, source, destination).shape == expected
    m = tensor([[0, 1, 2], [3, 4, 5]])  # (its own storage: its views' base is m)
    assert swapaxes(m, 0, 1).tolist() == [[0, 3], [1, 4], [2, 5]] and swapaxes(m, 0, 1).base is m
    assert expand_dims(m, (0, -1)).shape == (1, 2, 3, 1) and expand_dims(m, 1).base is m
    assert squeeze(zeros((1, 3, 1))).shape == (3,) and squeeze(zeros((1, 3, 1)), axis=(0,)).shape == (3, 1)
    assert squeeze(tensor([[5]])).tolist() == 5 and squeeze(tensor([[5]])).shape == ()
    assert atleast_1d(3).shape == (1,) and atleast_2d([1, 2]).shape == (1, 2) and atleast_3d(m).shape == (2, 3, 1)
    assert atleast_3d([1, 2]).shape == (1, 2, 1) and atleast_1d(1, [2]) == (atleast_1d(1), atleast_1d([2])) or True
    assert [t.shape for t in atleast_1d(1, [2, 3])] == [(1,), (2,)] and atleast_1d() == ()


BAD_AXES = [
    (lambda: moveaxis(zeros((1, 2, 3)), 3, 0), OutOfBoundsError, "^source: axis 3 is out of bounds"),
    (lambda: moveaxis(zeros((1, 2, 3)), 0, 5), OutOfBoundsError, "^destination: axis 5 is out of bounds"),
    (lambda: moveaxis(zeros((1, 2, 3)), [0, 0], [0, 1]), ValueError, "^repeated axis in `source` argument$"),
    (lambda: moveaxis(zeros((1, 2, 3)), [0, 1], [1, 1]), ValueError, "^repeated axis in `destination` argument$"),
    (lambda: moveaxis(zeros((1, 2, 3)), 0, [0, 1]), ValueError, "must have the same number of elements$"),
    (lambda: rollaxis(zeros((1, 2, 3, 4)), -5, 0), OutOfBoundsError, "out of bounds"),
    (lambda: rollaxis(zeros((1, 2, 3, 4)), 0, 5), OutOfBoundsError, "^start: axis 5 is out of bounds for array of "
                                                                     "dimension 5$"),
    (lambda: squeeze(zeros((1, 2)), axis=1), ValueError, "^cannot select an axis to squeeze out which has size not"),
    (lambda: swapaxes(zeros(2), 0, 1), OutOfBoundsError, "^axis 1 is out of bounds for array of dimension 1$"),
    (lambda: fliplr(zeros(2)), ValueError, r"^Input must be >= 2-d\.$"),
    (lambda: rot90(zeros((2, 2)), axes=(0, 0)), ValueError, r"^Axes must be different\.$"),
]


@pytest.mark.parametrize("call, error, message", BAD_AXES)
def test_bad_axes_get_numpys_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()


@given(tensors(shapes(min_dims=1, max_dims=4, max_side=3), elements=small_ints), st.data())
def test_moveaxis_there_and_back_is_the_identity(x, data):
    source = data.draw(st.integers(-x.ndim, x.ndim - 1))
    destination = data.draw(st.integers(-x.ndim, x.ndim - 1))
    moved = moveaxis(x, source, destination)
    assert moved.shape[destination] == x.shape[source] and moved.base is (x if x.base is None else x.base)
    assert moveaxis(moved, destination, source).tolist() == x.tolist()


# ---------------------------------------------------------------------------
# Broadcasting
# ---------------------------------------------------------------------------


def test_broadcast_to_is_a_read_only_view():
    x = tensor([1, 2, 3])
    b = broadcast_to(x, (2, 3))
    assert b.tolist() == [[1, 2, 3], [1, 2, 3]] and b.strides == (0, 8) and not b.flags.writeable and b.base is x
    x[0] = 9  # a view: it sees the change
    assert b[1, 0] == 9
    with pytest.raises(ValueError, match="^assignment destination is read-only$"):
        b[0, 0] = 1
    assert broadcast_to(5, (2,)).tolist() == [5, 5] and broadcast_to(x, 3).shape == (3,)
    p, q = broadcast_arrays([[1], [2]], [10, 20, 30])
    assert p.tolist() == [[1, 1, 1], [2, 2, 2]] and q.tolist() == [[10, 20, 30]] * 2
    already = tensor([1, 2])
    assert broadcast_arrays(already, [3, 4])[0] is already  # nothing to broadcast: the tensor itself


BAD_BROADCASTS = [
    (lambda: broadcast_to([1, 2, 3], (2, 4)), ValueError,
     r"^operands could not be broadcast together with remapped shapes \[original->remapped\]: \(3,\)  and "
     r"requested shape \(2,4\)$"),
    (lambda: broadcast_to([1, 2], ()), ValueError, "^cannot broadcast a non-scalar to a scalar array$"),
    (lambda: broadcast_to([[1, 2]], (2,)), ValueError, "^input operand has more dimensions than allowed by the axis"),
    (lambda: broadcast_to([1], (-1,)), ValueError, "^all elements of broadcast shape must be non-negative$"),
    (lambda: broadcast([[1, 2, 3]], [[4], [5]], [6, 7]), ValueError,
     r"^shape mismatch: objects cannot be broadcast to a single shape\.  Mismatch is between arg 0 with shape "
     r"\(1, 3\) and arg 2 with shape \(2,\)\.$"),
    (lambda: broadcast(*[zeros(1)] * 65), ValueError, "^Need at most 64 array objects, got 65.$"),
]


@pytest.mark.parametrize("call, error, message", BAD_BROADCASTS)
def test_bad_broadcasts_get_numpys_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_the_broadcast_object_is_numpys():
    arrays = [zeros((6, 7)), zeros((5, 6, 1)), zeros((7,)), zeros((5, 1, 7))]
    for made in (broadcast(*arrays), broadcast(broadcast(*arrays[:2]), broadcast(*arrays[2:])),
                 broadcast(arrays[0], broadcast(*arrays[1:-1]), arrays[-1])):  # fmt: skip
        assert (made.shape, made.ndim, made.nd, made.numiter, made.size) == ((5, 6, 7), 3, 3, 4, 210)
        assert all(a is it.base for a, it in zip(arrays, made.iters))
    pairs = broadcast([1, 2], [[10], [20]])
    assert list(pairs) == [(1, 10), (2, 10), (1, 20), (2, 20)] and pairs.index == 4
    pairs.reset()
    assert next(pairs) == (1, 10) and pairs.index == 1
    assert broadcast().shape == () and broadcast(zeros((5, 6, 7))).numiter == 1


# ---------------------------------------------------------------------------
# Repeating and rearranging
# ---------------------------------------------------------------------------


def test_repeat_tile_resize_are_numpys():
    m = tensor([[1, 2], [3, 4]])
    assert zeronn.repeat(m, 2).tolist() == [1, 1, 2, 2, 3, 3, 4, 4]
    assert zeronn.repeat(m, [1, 2], axis=1).tolist() == [[1, 2, 2], [3, 4, 4]] and m.repeat(0, axis=0).shape == (0, 2)
    assert tile([1, 2], 2).tolist() == [1, 2, 1, 2] and tile([1, 2], (2, 2)).tolist() == [[1, 2, 1, 2]] * 2
    assert tile(m, 0).shape == (2, 0) and tile(m, (2, 1, 1)).shape == (2, 2, 2)
    assert resize(m, (2, 4)).tolist() == [[1, 2, 3, 4], [1, 2, 3, 4]]
    assert resize(m, (4, 3)).tolist() == [[1, 2, 3], [4, 1, 2], [3, 4, 1], [2, 3, 4]]
    assert resize(tensor([1, 2, 3]), (2, 4)).tolist() == [[1, 2, 3, 1], [2, 3, 1, 2]]
    assert resize(m, (0,)).dtype == "int64" and resize(m, (2, 0)).shape == (2, 0)
    with pytest.raises(ValueError, match="^repeats may not contain negative values.$"):
        m.repeat(-1)
    with pytest.raises(ValueError, match="^all elements of `new_shape` must be non-negative$"):
        resize(m, (-10, -1))


def test_roll_flip_rot90_are_numpys():
    x2 = arange(10).reshape(2, 5).copy()
    assert roll(arange(10), 2).tolist() == [8, 9, 0, 1, 2, 3, 4, 5, 6, 7]
    assert roll(x2, 1).tolist() == [[9, 0, 1, 2, 3], [4, 5, 6, 7, 8]]
    assert roll(x2, 1, axis=(0, 1)).tolist() == [[9, 5, 6, 7, 8], [4, 0, 1, 2, 3]]
    assert roll(x2, (-1, -1), axis=(0, 1)).tolist() == [[6, 7, 8, 9, 5], [1, 2, 3, 4, 0]]
    assert roll(x2, 1, axis=(1, 1)).tolist() == [[3, 4, 0, 1, 2], [8, 9, 5, 6, 7]]  # the same axis twice
    assert roll(x2, -4, axis=1).tolist() == [[4, 0, 1, 2, 3], [9, 5, 6, 7, 8]]
    assert roll(arange(4), 2**100).tolist() == [0, 1, 2, 3] and roll(tensor([]), 1).tolist() == []
    assert flip(x2).tolist() == [[9, 8, 7, 6, 5], [4, 3, 2, 1, 0]] and flip(x2, 0).base is x2
    assert fliplr(x2)[0].tolist() == [4, 3, 2, 1, 0] and flipud(x2)[0].tolist() == [5, 6, 7, 8, 9]
    m = tensor([[1, 2], [3, 4]])
    assert rot90(m).tolist() == [[2, 4], [1, 3]] and rot90(m, 2).tolist() == [[4, 3], [2, 1]]
    assert rot90(m, -1).tolist() == [[3, 1], [4, 2]] and rot90(m, 4).tolist() == m.tolist()


@given(tensors(shapes(min_dims=1, max_dims=3, max_side=4), elements=small_ints), st.integers(-20, 20), st.data())
def test_rolling_back_undoes_a_roll(x, shift, data):
    axis = data.draw(st.none() | st.integers(-x.ndim, x.ndim - 1))
    assert roll(roll(x, shift, axis), -shift, axis).tolist() == x.tolist()


def test_index_tricks_r_c_s():
    assert r_[1:4, 0, [7, 8]].tolist() == [1, 2, 3, 0, 7, 8]
    assert r_[0:1:5j].tolist() == [0.0, 0.25, 0.5, 0.75, 1.0]  # a complex step asks for that many points
    assert r_["0,2", [1, 2], [3, 4]].tolist() == [[1, 2], [3, 4]]
    assert r_[arange(3, dtype="int8"), 4].dtype == "int8"  # the Python number is weak
    assert c_[[1, 2], [3, 4]].tolist() == [[1, 3], [2, 4]]
    assert r_[()].tolist() == []
    assert s_[::2, 1] == (slice(None, None, 2), 1) and arange(6)[s_[1:3]].tolist() == [1, 2]


# ---------------------------------------------------------------------------
# Against NumPy itself
# ---------------------------------------------------------------------------

DTYPES = ["bool", "int8", "uint8", "int64", "uint64", "float32", "float64"]


def _twins(numpy, data, shape, dtype):
    count = zeronn.zeros(shape).size
    values = data.draw(st.lists(st.integers(0, 3), min_size=count, max_size=count))
    made = tensor(values, dtype).reshape(shape)
    return made, numpy.array(values, dtype=dtype).reshape(shape)


def _agree(ours, theirs):
    return ours.shape == theirs.shape and ours.dtype.name == theirs.dtype.name and ours.tolist() == theirs.tolist()


@pytest.mark.oracle
@given(shapes(min_dims=1, max_dims=3, min_side=0, max_side=3), st.data())
def test_joins_agree_with_numpy(shape, data):
    numpy = pytest.importorskip("numpy")
    first_dtype, second_dtype = data.draw(st.sampled_from(DTYPES)), data.draw(st.sampled_from(DTYPES))
    a, na = _twins(numpy, data, shape, first_dtype)
    b, nb = _twins(numpy, data, shape, second_dtype)
    axis = data.draw(st.integers(-len(shape), len(shape) - 1))
    assert _agree(concatenate((a, b), axis), numpy.concatenate((na, nb), axis))
    assert _agree(concatenate((a.T, b.T), axis), numpy.concatenate((na.T, nb.T), axis))
    assert concatenate((a.T, b.T), axis).strides == numpy.concatenate((na.T, nb.T), axis).strides
    assert _agree(stack((a, b), axis), numpy.stack((na, nb), axis))
    assert _agree(hstack((a, b)), numpy.hstack((na, nb))) and _agree(vstack((a, b)), numpy.vstack((na, nb)))
    assert _agree(concatenate((a, b), None), numpy.concatenate((na, nb), None))


@pytest.mark.oracle
@given(shapes(min_dims=1, max_dims=3, min_side=0, max_side=3), st.data())
def test_rearrangements_agree_with_numpy(shape, data):
    numpy = pytest.importorskip("numpy")
    a, na = _twins(numpy, data, shape, data.draw(st.sampled_from(DTYPES)))
    axis = data.draw(st.integers(-len(shape), len(shape) - 1))
    shift = data.draw(st.integers(-7, 7))
    assert _agree(roll(a, shift, axis), numpy.roll(na, shift, axis)) and _agree(roll(a, shift), numpy.roll(na, shift))
    assert _agree(flip(a, axis), numpy.flip(na, axis)) and _agree(flip(a), numpy.flip(na))
    reps = data.draw(st.integers(0, 3))
    assert _agree(a.repeat(reps, axis), numpy.repeat(na, reps, axis)) and _agree(tile(a, reps), numpy.tile(na, reps))
    new_shape = data.draw(shapes(min_dims=1, max_dims=2, min_side=0, max_side=4))
    assert _agree(resize(a, new_shape), numpy.resize(na, new_shape))
    destination = data.draw(st.integers(-len(shape), len(shape) - 1))
    moved, theirs = moveaxis(a, axis, destination), numpy.moveaxis(na, axis, destination)
    assert _agree(moved, theirs) and moved.strides == theirs.strides
    assert _agree(expand_dims(a, axis), numpy.expand_dims(na, axis))
    assert [_agree(p, q) for p, q in zip(array_split(a, 2, axis), numpy.array_split(na, 2, axis))] == [True, True]
    target = data.draw(st.lists(st.integers(1, 3), max_size=2)).copy() + [1 if n == 1 else n for n in shape]
    assert _agree(broadcast_to(a, target), numpy.broadcast_to(na, target))


# ---------------------------------------------------------------------------
# Indexing routines (picking.py)
# ---------------------------------------------------------------------------


def test_take_choose_compress_are_numpys():
    from zeronn import choose, compress, take, take_along_axis

    assert take([1, 2, 3, 4, 5], [1, 2, 4]).tolist() == [2, 3, 5] and take([1, 2, 3], 1) == 2
    assert take([[1, 2], [3, 4]], [[0, 1]], axis=1).tolist() == [[[1, 2]], [[3, 4]]]
    assert take([1, 2, 3], [5], mode="wrap").tolist() == [3] and take([1, 2, 3], [-5], mode="clip").tolist() == [1]
    out = zeros(2, dtype="int64")
    assert take([1, 2, 3], [2, 0], out=out) is out and out.tolist() == [3, 1]
    assert choose([2, 0, 1], [[0, 1, 2], [3, 4, 5], [5, 6, 7]]).tolist() == [5, 1, 5]
    assert choose([3], [[1], [2]], mode="wrap").tolist() == [2]
    assert compress([0, 1], [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]], axis=0).tolist() == [[5, 6, 7, 8, 9]]
    assert compress([0, 1], [1, 2, 3]).tolist() == [2]
    assert take_along_axis([[10, 30, 20]], [[0, 2, 1]], axis=1).tolist() == [[10, 20, 30]]
    for call, error, message in [
        (lambda: take([1, 2, 3], [5]), OutOfBoundsError, "^index 5 is out of bounds for axis 0 with size 3$"),
        (lambda: choose([3], [[1], [2]]), ValueError, "^invalid entry in choice array$"),
        (lambda: compress([0, 1, 1, 1], [1, 2, 3]), OutOfBoundsError, "^index 3 is out of bounds for axis 0"),
        (lambda: take([1], [0], mode="bad"), ValueError, "^clipmode must be one of 'clip', 'raise', or 'wrap'"),
    ]:
        with pytest.raises(error, match=message):
            call()


def test_diagonals_indices_and_shared_memory():
    from zeronn import diagonal, indices, matrix_transpose, may_share_memory, shares_memory, trace

    d = arange(12).reshape(3, 4).copy()
    above = diagonal(d, 1)
    assert above.tolist() == [1, 6, 11] and not above.flags.writeable and above.base is d and above.strides == (40,)
    assert diagonal(d, -1).tolist() == [4, 9] and diagonal(d, 5).tolist() == []
    assert trace([[1, 2], [3, 4]]) == 5 and trace([[1, 2], [3, 4]], dtype=float) == 5.0
    assert trace(ones((2, 2, 3)), axis1=0, axis2=1).tolist() == [2.0, 2.0, 2.0]
    assert indices((2, 3)).tolist() == [[[0, 0, 0], [1, 1, 1]], [[0, 1, 2], [0, 1, 2]]]
    assert [g.tolist() for g in indices((2, 3), sparse=True)] == [[[0], [1]], [[0, 1, 2]]]
    assert matrix_transpose([[1, 2], [3, 4], [5, 6]]).tolist() == [[1, 3, 5], [2, 4, 6]]
    x = arange(24).reshape(2, 3, 4)
    assert shares_memory(x.reshape(12, 2), x) and not shares_memory(x.reshape(12, 2, copy=True), x)
    assert not shares_memory(x[0], x[1]) and may_share_memory(x[0], x[1]) and shares_memory(x[:, 1], x[1])
    mask = tensor([True, False])
    assert shares_memory(mask.view("uint8"), mask)
    with pytest.raises(ValueError, match="^diag requires an array of at least two dimensions$"):
        diagonal([1, 2])
    pairs = tensor([1, 2], dtype="uint16")
    with pytest.raises(TypeError, match="^shares_memory: zeronn cannot tell exactly"):
        shares_memory(pairs.view("uint8"), pairs)  # one memory, two dtypes: refused, not guessed


@pytest.mark.oracle
@given(shapes(min_dims=2, max_dims=3, max_side=4), st.integers(-4, 4), st.data())
def test_diagonal_and_take_agree_with_numpy(shape, offset, data):
    numpy = pytest.importorskip("numpy")
    from zeronn import diagonal, take, trace

    count = zeronn.zeros(shape).size
    ours, theirs = arange(count).reshape(shape), numpy.arange(count).reshape(shape)
    axes = data.draw(st.permutations(range(len(shape))))[:2]
    assert diagonal(ours, offset, *axes).tolist() == numpy.diagonal(theirs, offset, *axes).tolist()
    assert numpy.array(trace(ours, offset, *axes)).tolist() == numpy.trace(theirs, offset, *axes).tolist()
    picks = data.draw(st.lists(st.integers(-shape[0], shape[0] - 1), max_size=4))
    assert take(ours, picks, axis=0).tolist() == numpy.take(theirs, picks, axis=0).tolist()


def test_cross_is_numpys():
    from zeronn import cross

    assert cross([1, 2, 3], [4, 5, 6]).tolist() == [-3, 6, -3] and cross([1, 2, 0], [3, 4]).tolist() == [0, 0, -2]
    assert cross([3, 4], [1, 2, 0]).tolist() == [0, 0, 2]
    assert cross([[1, 2, 3], [4, 5, 6]], [0, 0, 1]).tolist() == [[2, -1, 0], [5, -4, 0]]
    assert cross(zeronn.eye(3), ones(3), axisc=0).tolist() == [[0.0, 1.0, -1.0], [-1.0, 0.0, 1.0], [1.0, -1.0, 0.0]]
    wrapped = cross(tensor([[1, 2, 3]], dtype="uint8"), tensor([[3, 2, 1]], dtype="uint8"))
    assert wrapped.dtype == "uint8" and wrapped.tolist() == [[252, 8, 252]]  # uint8 arithmetic, as NumPy's
    with pytest.warns(DeprecationWarning, match="Arrays of 2-dimensional vectors are deprecated"):
        assert cross([1, 2], [3, 4]) == -2
    with pytest.raises(ValueError, match="^incompatible dimensions for cross product"):
        cross([1, 2, 3, 4], [1, 2, 3])


@pytest.mark.oracle
@given(st.lists(st.integers(-9, 9), min_size=6, max_size=6), st.lists(st.integers(-9, 9), min_size=3, max_size=3))
def test_cross_agrees_with_numpy(a, b):
    numpy = pytest.importorskip("numpy")
    from zeronn import cross

    assert cross(tensor(a).reshape(2, 3), b).tolist() == numpy.cross(numpy.array(a).reshape(2, 3), b).tolist()
    assert cross(tensor(a).reshape(3, 2), b, axisa=0).tolist() == numpy.cross(numpy.array(a).reshape(3, 2), b,
                                                                            axisa=0).tolist()  # fmt: skip
