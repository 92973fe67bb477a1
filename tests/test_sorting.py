"""sorting.py and ordering.py: sorting, searching, counting. Expected values are NumPy 2.4's."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zeronn import (
    OutOfBoundsError,
    argsort,
    argwhere,
    count_nonzero,
    flatnonzero,
    nonzero,
    searchsorted,
    sort,
    tensor,
    unique,
    where,
    zeros,
)
from zeronn.ordering import argsort_lane, sort_lane, unique_lane
from zeronn.testing import shapes, tensors

nan = float("nan")


def test_sort_puts_nan_last_and_keeps_the_dtype():
    assert sort([3.0, nan, -1.0, 2.0]).tolist()[:3] == [-1.0, 2.0, 3.0] and math.isnan(sort([nan, 1.0])[1])
    assert sort([[3, 1], [0, 2]]).tolist() == [[1, 3], [0, 2]] and sort([[3, 1], [0, 2]], axis=0).tolist() == [
        [0, 1], [3, 2]]  # fmt: skip
    assert sort([[3, 1], [0, 2]], axis=None).tolist() == [0, 1, 2, 3]
    assert sort(tensor([3, 1], dtype="uint8")).dtype == "uint8" and sort([True, False]).tolist() == [False, True]
    assert [math.copysign(1, v) for v in sort([0.0, -0.0, 0.0, -0.0]).tolist()] == [1, -1, 1, -1]  # ties keep order


def test_sort_method_sorts_in_place_and_argsort_ranks():
    x = tensor([[3.0, nan, 1.0], [2.0, 0.0, 5.0]])
    view = x[:, ::-1]
    view.sort()  # through a view: the tensor it reads changes
    assert x.tolist()[1] == [5.0, 2.0, 0.0] and math.isnan(x[0, 0])
    assert argsort([2, 1, 2, 0]).tolist() == [3, 1, 0, 2]  # stable: equal elements in their order
    assert argsort([3.0, nan, 1.0]).tolist() == [2, 0, 1] and argsort([[3, 1], [0, 2]], axis=None).tolist() == [
        2, 1, 3, 0]  # fmt: skip
    assert argsort([[3, 1], [0, 2]], axis=0).tolist() == [[1, 0], [0, 1]] and argsort([]).dtype == "int64"


def test_unique_is_numpys():
    values, first, inverse, counts = unique([[3.0, 1.0], [1.0, nan]], True, True, True)
    assert values.tolist()[:2] == [1.0, 3.0] and math.isnan(values[2])
    assert (first.tolist(), inverse.tolist(), counts.tolist()) == ([1, 0, 3], [[1, 0], [0, 2]], [2, 1, 1])
    assert len(unique([nan, nan, 1.0], equal_nan=False)) == 3 and len(unique([nan, nan, 1.0])) == 2
    assert unique([[1, 2], [1, 2], [0, 5]], axis=0).tolist() == [[0, 5], [1, 2]]
    assert unique([[1, 2], [1, 2], [0, 5]], axis=0, return_inverse=True)[1].tolist() == [1, 1, 0]
    assert unique(5).tolist() == [5] and unique([True, False, True]).tolist() == [False, True]
    assert [math.copysign(1, v) for v in unique([-0.0, 0.0]).tolist()] == [-1]  # the first of equal values
    empty = unique(zeros(0, dtype="uint8"), return_index=True, return_inverse=True, return_counts=True)
    assert [t.dtype.name for t in empty] == ["uint8", "int64", "int64", "int64"] and empty[0].size == 0


def test_searching_and_counting_are_numpys():
    assert searchsorted([1, 2, 2, 3], [2, 0, 9]).tolist() == [1, 0, 4] and searchsorted([1, 2, 2, 3], 2, "right") == 3
    assert searchsorted([1.0, 2.0, nan], [nan, 2.5]).tolist() == [2, 2]
    assert searchsorted([3, 1, 2], 2, sorter=[1, 2, 0]) == 1
    assert where([[True, False], [False, True]], [[1, 2], [3, 4]], [[9, 8], [7, 6]]).tolist() == [[1, 8], [7, 4]]
    assert where([True, False], tensor([1, 2], dtype="uint8"), 300.5).dtype == "float64"
    assert where([True, False], tensor([1, 2], dtype="uint8"), 3).dtype == "uint8"  # a weak Python int
    assert where([1, 0, 2])[0].tolist() == [0, 2] and nonzero([[1, 0], [0, 2]])[1].tolist() == [0, 1]
    assert flatnonzero([[1, 0], [0, 2]]).tolist() == [0, 3]
    assert argwhere([[0, 3], [4, 0]]).tolist() == [[0, 1], [1, 0]] and argwhere(5).shape == (1, 0)
    assert argwhere([0, 0]).shape == (0, 1) and argwhere(0).shape == (0, 0)
    assert count_nonzero([[1, 0, 2], [0, 0, 3]]) == 3 and count_nonzero([[1, 0, 2], [0, 0, 3]], axis=0).tolist() == [
        1, 0, 2]  # fmt: skip
    assert count_nonzero([[1, 0], [2, 3]], axis=(0, 1)) == 3 and count_nonzero([[1, 0]], keepdims=True).shape == (1, 1)


BAD = [
    (lambda: sort([1], kind="bogo"), ValueError, r"^sort kind must be one of 'quick', 'heap', or 'stable' \(got"),
    (lambda: sort([1], kind="stable", stable=True), ValueError, "^`kind` and keyword parameters can't be provided"),
    (lambda: sort([1], order="x"), ValueError, "^Cannot specify order when the array has no fields.$"),
    (lambda: sort(tensor(5)), OutOfBoundsError, "^axis -1 is out of bounds for array of dimension 0$"),
    (lambda: searchsorted([1, 2], 1, side="x"), ValueError, r"^search side must be 'left' or 'right' \(got 'x'\)$"),
    (lambda: searchsorted([[1, 2]], 1), ValueError, "^object too deep for desired array$"),
    (lambda: where([True], 1), ValueError, "^either both or neither of x and y should be given$"),
    (lambda: where([True, False], [1, 2, 3], 0), ValueError, "^operands could not be broadcast together"),
    (lambda: tensor(5).nonzero(), ValueError, "^Calling nonzero on 0d arrays is not allowed"),
]


@pytest.mark.parametrize("call, error, message", BAD)
def test_bad_arguments_get_numpys_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_a_read_only_tensor_cannot_be_sorted_in_place():
    x = tensor([2, 1])
    x.setflags(write=False)
    with pytest.raises(ValueError, match="^assignment destination is read-only$"):
        x.sort()
    assert sort(x).tolist() == [1, 2]  # a copy can


lanes = st.lists(st.floats(-5, 5) | st.just(nan) | st.integers(-5, 5).map(float), max_size=12)


@given(lanes)
def test_a_sorted_lane_is_ordered_with_every_nan_last(lane):
    ordered = sort_lane(lane)
    numbers = [v for v in ordered if v == v]
    assert numbers == sorted(numbers) and all(v != v for v in ordered[len(numbers) :])
    assert [lane[i] for i in argsort_lane(lane)][: len(numbers)] == numbers


@given(lanes)
def test_unique_rebuilds_its_input_from_values_and_inverse(lane):
    found = unique_lane(lane)
    rebuilt = [found.values[i] for i in found.inverse]
    assert all(a == b or (a != a and b != b) for a, b in zip(rebuilt, lane))
    assert sum(found.counts) == len(lane) and [lane[i] for i in found.first_index] == found.values or any(
        v != v for v in lane)  # fmt: skip


@given(tensors(shapes(min_dims=1, max_dims=3, max_side=4), elements=st.integers(-9, 9)), st.data())
def test_taking_the_argsort_gives_the_sort(x, data):
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1))
    order = argsort(x, axis)
    assert sort(x, axis).tolist() == _take_along(x, order, axis)


def _take_along(x, order, axis):
    moved_x = x.swapaxes(axis, -1).tolist()
    moved_order = order.swapaxes(axis, -1).tolist()

    def walk(values, indices):
        if indices and isinstance(indices[0], list):
            return [walk(v, i) for v, i in zip(values, indices)]
        return [values[i] for i in indices]

    taken = tensor(walk(moved_x, moved_order), x.dtype).reshape(x.swapaxes(axis, -1).shape)
    return taken.swapaxes(axis, -1).tolist()


# ---------------------------------------------------------------------------
# Against NumPy itself
# ---------------------------------------------------------------------------


@pytest.mark.oracle
@given(tensors(shapes(min_dims=1, max_dims=3, min_side=0, max_side=5), elements=st.integers(-3, 3) | st.just(nan)),
       st.sampled_from(["float64", "float32", "int8", "uint64", "bool"]), st.data())  # fmt: skip
def test_sorting_agrees_with_numpy(x, dtype, data):
    numpy = pytest.importorskip("numpy")
    if dtype != "float64" and dtype != "float32":
        x = tensor([0 if v != v else abs(int(v)) for v in x.to_flat_list()], dtype).reshape(x.shape)
    else:
        x = x.astype(dtype)
    n = numpy.array(x.tolist(), dtype=dtype).reshape(x.shape)
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1) | st.none())

    def same(ours, theirs):
        return ours.shape == theirs.shape and ours.dtype.name == theirs.dtype.name and str(ours.tolist()) == str(
            theirs.tolist())  # fmt: skip (str: nan equals nan)

    assert same(sort(x, axis), numpy.sort(n, axis)) and same(argsort(x, axis, kind="stable"),
                                                             numpy.argsort(n, axis, kind="stable"))  # fmt: skip
    for ours, theirs in zip(unique(x, True, True, True), numpy.unique(n, True, True, True)):
        assert same(ours, theirs)
    assert count_nonzero(x) == numpy.count_nonzero(n)
    assert all(same(p, q) for p, q in zip(nonzero(x), numpy.nonzero(n)))
    ordered = numpy.sort(n.ravel())
    probes = data.draw(st.lists(st.integers(-4, 4), max_size=4))
    for side in ("left", "right"):
        assert searchsorted(tensor(ordered.tolist(), dtype), probes, side).tolist() == numpy.searchsorted(
            ordered, probes, side).tolist()  # fmt: skip
