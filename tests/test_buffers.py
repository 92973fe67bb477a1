"""A tensor's memory (buffers.py, flat.py and the ndarray methods at the end of core.Tensor):
views as another dtype, bytes, NumPy's array interface, base and flags, t.flat, and the
shape methods NumPy's routines share. Expected values are NumPy 2.4's."""

import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

import zeronn
from zeronn import OutOfBoundsError, Tensor, arange, flatiter, tensor, zeros
from zeronn.core import as_strided
from zeronn.testing import shapes, tensors

# ---------------------------------------------------------------------------
# Views as another dtype
# ---------------------------------------------------------------------------


def test_a_compact_dtype_viewed_as_another_shares_its_bytes():
    x = tensor([1, 256], dtype="uint16")
    b = x.view("uint8")
    assert b.tolist() == [1, 0, 0, 1] and b.dtype == "uint8" and b.base is x and b.flags.writeable
    b[0] = 2
    x[1] = 258  # both ways
    assert x.tolist() == [2, 258] and b.tolist() == [2, 0, 2, 1]
    assert tensor([[1, 2], [3, 4]], dtype="int16").view("int32").tolist() == [[131073], [262147]]  # last axis halves
    assert tensor([-1], dtype="int32").view("float32").tolist() != [-1.0]  # the bits, not the value
    assert tensor([1.0], dtype="float32").view("uint32").tolist() == [1065353216]
    assert tensor([-1, 1], dtype="int8").view("uint8").tolist() == [255, 1]


def test_a_list_kept_dtype_viewed_as_another_of_its_size_is_live_and_read_only():
    mask = tensor([True, False, True])
    bits = mask.view("uint8")  # the NumPy suite's comparisons read bool results so
    assert bits.tolist() == [1, 0, 1] and bits.dtype == "uint8" and not bits.flags.writeable and bits.base is mask
    mask[1] = True
    assert bits.tolist() == [1, 1, 1]  # live: it reads the bools afresh
    with pytest.raises(ValueError, match="^assignment destination is read-only$"):
        bits[0] = 2
    with pytest.raises(ValueError, match="^cannot set WRITEABLE flag to True of this array: its storage is read-only"):
        bits.setflags(write=True)
    doubles = tensor([-1.0, 2.5])
    assert doubles.view("int64").tolist() == [-4616189618054758400, 4612811918334230528]
    assert doubles.view("uint64").view("float64").tolist() == [-1.0, 2.5]
    assert tensor([-1]).view("uint64").tolist() == [2**64 - 1]
    assert (tensor([1, 2]).view("uint64") + 1).tolist() == [2, 3]


BAD_VIEWS = [
    (lambda: tensor([1.0]).view("int8"), TypeError,
     "^zeronn keeps float64 in a Python list of Python numbers, which has no bytes to share with another dtype: "
     "a float64 tensor cannot be viewed as int8$"),
    (lambda: tensor([1], dtype="uint8").view(bool), TypeError, "^zeronn can read uint8 as another dtype of 1 bytes"),
    (lambda: tensor(1, dtype="int16").view("int8"), ValueError,
     "^Changing the dtype of a 0d array is only supported if the itemsize is unchanged$"),
    (lambda: tensor([[1, 2], [3, 4]], dtype="int16").T.view("int32"), ValueError,
     "^To change to a dtype of a different size, the last axis must be contiguous$"),
    (lambda: tensor([1, 2, 3], dtype="int16").view("int32"), ValueError,
     "^When changing to a larger dtype, its size must be a divisor of the total size in bytes of the last axis"),
    (lambda: tensor([1]).view(type=int), TypeError, "^Cannot specify output type"),
]


@pytest.mark.parametrize("call, error, message", BAD_VIEWS)
def test_views_zeronn_cannot_make_are_refused_by_name(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_a_view_keeps_the_storage_and_a_subclass_is_refused():
    class MyTensor(Tensor):
        pass

    x = tensor([1, 2])
    same = x.view(Tensor)
    same[0] = 9
    assert type(same) is Tensor and x.tolist() == [9, 2] and same.base is x and x.view().base is x
    # NumPy keeps a subclass through every operation; zeronn's make plain tensors, so it refuses
    for make in (lambda: x.view(MyTensor), lambda: x.view(type=MyTensor), lambda: MyTensor((2,))):
        with pytest.raises(TypeError, match=r"^zeronn does not model subclasses of Tensor .*: MyTensor would not"):
            make()


@given(tensors(shapes(max_dims=3, max_side=4), elements=st.integers(0, 255)))
def test_viewing_there_and_back_gives_the_same_tensor(x):
    compact = x.astype("uint8")
    assert compact.view("int8").view("uint8").tolist() == compact.tolist()
    wide = x.astype("int64")
    assert wide.view("float64").view("uint64").view("int64").tolist() == wide.tolist()


# ---------------------------------------------------------------------------
# Bytes, NumPy's array interface, and NumPy's arrays in
# ---------------------------------------------------------------------------


def test_tobytes_and_the_interface():
    m = tensor([[1, 2], [3, 4]], dtype="uint8")
    assert m.tobytes() == b"\x01\x02\x03\x04" and m.tobytes("F") == b"\x01\x03\x02\x04"
    assert m.T.tobytes("A") == m.tobytes()
    assert tensor([1.0]).tobytes() == b"\x00\x00\x00\x00\x00\x00\xf0?" and m.itemsize == 1 and m.nbytes == 4
    face = m.T.__array_interface__
    assert (face["shape"], face["typestr"], face["strides"], face["offset"], face["version"]) == ((2, 2), "|u1", (1, 2),
                                                                                                 0, 3)  # fmt: skip
    assert tensor([1.5]).__array_interface__["data"] == tensor([1.5]).tobytes()  # a list: a copy of its bytes
    with pytest.raises(ValueError, match=r"^order must be one of 'C', 'F', 'A', or 'K' \(got 'X'\)$"):
        m.tobytes("X")


def test_tensor_reads_buffers_of_numbers():
    from array import array

    assert tensor(array("f", [0.5, 1.5])).dtype == "float32" and tensor(bytearray(b"\x01\x02")).tolist() == [1, 2]
    assert tensor(memoryview(bytes(4)).cast("B", (2, 2))).shape == (2, 2)
    with pytest.raises(TypeError, match="bytes"):  # text to NumPy (its "S" dtype), not numbers
        tensor(b"ab")


@pytest.mark.oracle
def test_numpy_and_zeronn_read_each_others_arrays():
    numpy = pytest.importorskip("numpy")
    x = arange(6, dtype="uint8").reshape(2, 3)
    shared = numpy.asarray(x)
    shared[0, 0] = 9  # a compact dtype: NumPy reads and writes zeronn's own memory
    assert x[0, 0] == 9 and numpy.asarray(x.T).strides == x.T.strides
    assert numpy.asarray(x[:, ::2]).tolist() == [[9, 2], [3, 5]]
    doubles = zeronn.linspace(0, 1, 3)
    copied = numpy.asarray(doubles)  # a list: NumPy gets a read-only copy of its bytes
    assert copied.tolist() == [0.0, 0.5, 1.0] and not copied.flags.writeable and numpy.array(doubles).flags.writeable
    read_only = tensor([1, 2], dtype="int8")
    read_only.setflags(write=False)
    assert not numpy.asarray(read_only).flags.writeable
    assert numpy.array(x, dtype="float32").dtype == numpy.float32
    with pytest.raises(ValueError, match="^Unable to avoid copy"):
        doubles.__array__(copy=False)  # (NumPy itself reads __array_interface__ first, which needs no copy)
    for values, dtype in (([[1.5, 2.0], [3.0, 4.0]], "float32"), ([1, 2], "int16"), ([True, False], "bool"),
                          ([2**64 - 1], "uint64"), ([[1.0]], "float64")):  # fmt: skip
        theirs = numpy.array(values, dtype=dtype)
        for array in (theirs, theirs.T, theirs[..., ::-1]):
            ours = tensor(array)
            assert ours.dtype.name == dtype and ours.tolist() == array.tolist()
    assert tensor(numpy.float32(2.5)).dtype == "float32" and tensor([numpy.arange(2), numpy.arange(2)]).shape == (2, 2)
    with pytest.raises(TypeError, match="zeronn reads only its own dtypes"):
        tensor(numpy.array([1], dtype=">i4"))


# ---------------------------------------------------------------------------
# base, flags, shape, and the methods NumPy's routines share
# ---------------------------------------------------------------------------


def test_base_and_owndata_are_numpys():
    x = tensor([[1, 2], [3, 4]])
    assert x.base is None and x.flags.owndata and x.flags["O"] and x.flags.aligned
    for view in (x[0], x[:, 1], x.T, x.reshape(4), x.ravel(), x[None], x[...], x[()], x.squeeze(), x.swapaxes(0, 1)):
        assert view.base is x and not view.flags.owndata
    assert x[0][1:].base is x  # a view of a view: the first one's base
    for copied in (x.copy(), x.T.copy(), x[[0]], x.astype(float), x.T.astype(float), x + 1, x.T + 1, x.sum(axis=0),
                   x.T.sum(axis=1), x.flatten(), x.T.ravel()):  # fmt: skip
        assert copied.base is None and copied.flags.owndata


def test_writeable_is_a_flag_to_set_and_a_views_base_keeps_it():
    x = tensor([1, 2, 3])
    x.flags.writeable = False
    with pytest.raises(ValueError, match="^assignment destination is read-only$"):
        x[0] = 5
    view = x[1:]
    with pytest.raises(ValueError, match="^cannot set WRITEABLE flag to True of this array: its base is read-only$"):
        view.setflags(write=True)  # issue 17: a view of a read-only tensor stays read-only
    x.flags["WRITEABLE"] = True
    view.flags.writeable = True
    view[0] = 7
    assert x.tolist() == [1, 7, 3] and x.flags == tensor([0, 0, 0]).flags
    with pytest.raises(ValueError, match="^zeronn can only set the WRITEABLE flag"):
        x.flags["OWNDATA"] = False


def test_the_shape_setter_reshapes_in_place_where_strides_allow():
    x = arange(6)
    x.shape = (2, -1)
    assert x.tolist() == [[0, 1, 2], [3, 4, 5]] and x.strides == (24, 8)
    t = x.T
    with pytest.raises(AttributeError, match="^Incompatible shape for in-place modification"):
        t.shape = (6,)
    t.shape = (3, 1, 2)  # an axis of length 1: no copy needed
    assert t.strides == (8, 48, 24)


def test_orders_of_reshape_ravel_flatten_copy():
    x = arange(6).reshape(2, 3)
    assert x.reshape(3, 2, order="F").tolist() == [[0, 4], [3, 2], [1, 5]]
    assert x.T.reshape((3, 2), order="F").base is x.base  # a view, when strides allow
    assert x.T.reshape(6, order="A").tolist() == [0, 1, 2, 3, 4, 5]  # x.T is column-major: read so
    assert x.ravel("F").tolist() == [0, 3, 1, 4, 2, 5] and x.T.ravel("K").tolist() == [0, 1, 2, 3, 4, 5]
    assert x[::-1].ravel("K").tolist() == [0, 1, 2, 3, 4, 5] and x.flatten("F").tolist() == [0, 3, 1, 4, 2, 5]
    assert x.copy("F").strides == (8, 16) and x.T.copy("A").strides == (8, 24) and x.T.copy("K").strides == (8, 24)
    assert x.T.copy().strides == (16, 8)
    with pytest.raises(ValueError, match="^Unable to avoid creating a copy while reshaping.$"):
        x.T.reshape(6, copy=False)
    copied = x.reshape(6, copy=True)  # as NumPy's: a view of a new copy of x
    assert copied.base is not x.base and copied.base.shape == (2, 3)
    with pytest.raises(ValueError, match="^order 'K' is not permitted for reshaping$"):
        x.reshape(6, order="K")


def test_fill_squeeze_swapaxes_repeat_nonzero():
    x = zeros((2, 2), dtype="uint8")
    x.fill(7)
    assert x.tolist() == [[7, 7], [7, 7]]
    with pytest.raises(ValueError, match="^Input object to FillWithScalar is not a scalar$"):
        x.fill([1, 2])
    with pytest.raises(OverflowError, match="^Python integer 300 out of bounds for uint8"):
        x.fill(300)
    assert tensor([[[1], [2]]]).squeeze().tolist() == [1, 2] and zeros((1, 2)).swapaxes(0, 1).shape == (2, 1)
    assert tensor([[1, 2], [3, 4]]).repeat(2).tolist() == [1, 1, 2, 2, 3, 3, 4, 4]
    with pytest.raises(ValueError, match=r"^operands could not be broadcast together with shape \(2,\) \(3,\)$"):
        tensor([1, 2]).repeat([1, 2, 3])
    rows, columns = tensor([[0, 3], [4, 0]]).nonzero()
    assert rows.tolist() == [0, 1] and columns.tolist() == [1, 0] and rows.dtype == "int64"


def test_as_strided_makes_checked_views():
    x = tensor([1, 2, 3, 4])
    windows = as_strided(x, (3, 2), (8, 8))
    assert windows.tolist() == [[1, 2], [2, 3], [3, 4]] and windows.base is x
    assert not as_strided(x, writeable=False).flags.writeable
    with pytest.raises(ValueError, match=r"^as_strided: shape \(2,\) and strides \(32,\) reach element 4"):
        as_strided(x, (2,), (32,))
    with pytest.raises(ValueError, match="^as_strided: zeronn's strides count whole elements"):
        as_strided(x, (2,), (4,))


# ---------------------------------------------------------------------------
# t.flat
# ---------------------------------------------------------------------------


def test_flat_reads_as_numpys_flatiter():
    a = arange(9).reshape(3, 3)
    assert isinstance(a.flat, flatiter) and a.flat.base is a and len(a.flat) == 9
    assert (a.flat[0], a.flat[-1]) == (0, 8) and a.flat[:5].tolist() == [0, 1, 2, 3, 4]
    assert a.flat[::-1].tolist() == list(range(8, -1, -1)) and a.flat[10:5].tolist() == []
    assert a.flat[()].tolist() == a.flat[...].tolist() == list(range(9))
    assert a.flat[[[1, 2], [3, 4]]].tolist() == [[1, 2], [3, 4]] and a.flat[[True, 1]].tolist() == [1, 1]
    assert a.flat[tensor([1, 3, 5], dtype="int16")].tolist() == [1, 3, 5] and a.flat[[]].tolist() == []
    mask = zeros(9, dtype=bool)
    mask[::2] = True
    assert a.flat[mask].tolist() == [0, 2, 4, 6, 8] and a.flat[tensor([0, 5, 6]).flat].tolist() == [0, 5, 6]
    assert a.T.flat[1] == 3 and list(a.T.flat)[:3] == [0, 3, 6]  # the tensor's row-major order, not memory's
    it = a.flat
    assert (next(it), next(it), it.index, it.coords) == (0, 1, 2, (0, 2)) and it.copy().tolist() == list(range(9))
    with pytest.warns(DeprecationWarning, match="0-dimensional boolean index"):
        assert a.flat[True] == 0
    with pytest.warns(DeprecationWarning, match="Invalid non-array indices for iterator objects are deprecated"):
        assert a.flat[[1.0, 2.0]].tolist() == [1, 2]


def test_flat_writes_through_to_the_tensor():
    a = arange(9).reshape(3, 3).T.copy("K").T  # strided, to write through the strides
    a.flat[0] = 10
    a.flat[::4] = 40
    assert a.tolist() == [[40, 1, 2], [3, 40, 5], [6, 7, 40]]
    a.flat[[1, 2, 3]] = [7, 8]  # repeated as needed
    assert a.tolist()[0] == [40, 7, 8] and a[1, 0] == 7
    b = arange(3)
    b.flat[tensor([True, False, True])] = 20
    assert b.tolist() == [20, 1, 20]
    b.flat = 5
    assert b.tolist() == [5, 5, 5]


BAD_FLAT = [
    (lambda: arange(9).flat[9], OutOfBoundsError, "^index 9 is out of bounds for size 9$"),
    (lambda: arange(9).flat[None], IndexError, r"^only integers, slices \(`:`\), ellipsis \(`\.\.\.`\) and integer or"),
    (lambda: arange(9).flat[1, 2], IndexError, "^too many indices for flat iterator: flat iterator is 1-dimensional, "
                                               "but 2 were indexed$"),
    (lambda: arange(3).flat[[True, False, True]], IndexError, "^boolean indices for iterators are not supported$"),
    (lambda: arange(3).flat[zeros(4, dtype=bool)], IndexError, "^boolean index did not match indexed flat iterator$"),
]


@pytest.mark.parametrize("call, error, message", BAD_FLAT)
def test_flat_refuses_what_numpy_refuses(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_flat_refuses_a_0d_key_for_writing():
    with pytest.raises(IndexError, match="^Assigning to a flat iterator with a 0-D index is not supported$"):
        arange(3).flat[()] = 7


@pytest.mark.oracle
@given(st.data())
def test_flat_agrees_with_numpy(data):
    numpy = pytest.importorskip("numpy")
    shape = data.draw(shapes(min_dims=1, max_dims=3, max_side=4))
    ours = arange(zeros(shape).size).reshape(shape)
    theirs = numpy.arange(ours.size).reshape(shape)
    if data.draw(st.booleans()):
        ours, theirs = ours.T, theirs.T
    key = data.draw(st.slices(ours.size) | st.lists(st.integers(-ours.size, ours.size - 1), max_size=4))
    assert numpy.array(ours.flat[key].tolist()).tolist() == theirs.flat[key].tolist()
    with warnings.catch_warnings():
        ours.flat[key] = -1
        theirs.flat[key] = -1
    assert ours.tolist() == theirs.tolist()


def test_pickle_and_copies_keep_the_memory_order():
    import copy
    import pickle

    from zeronn.core import rebuild_tensor

    x = arange(6).reshape(2, 3).T  # column-major, as NumPy's pickle keeps it (issue 17)
    for y in (pickle.loads(pickle.dumps(x)), copy.deepcopy(x), copy.copy(x)):
        assert y.tolist() == x.tolist() and y.strides == (8, 24) and y.flags.owndata
    with pytest.raises(ValueError, match="^cannot unpickle a tensor with the order flag 'yes'$"):
        rebuild_tensor("int64", (1,), bytes(8), "yes")
