"""NumPy's sorting, searching and counting functions.

- sorting: ``sort``, ``argsort``, ``unique`` (with the index of each value's first
  occurrence, the inverse that rebuilds the input, and the counts);
- searching: ``searchsorted`` (binary search in a sorted tensor), ``where`` (pick from two
  tensors by a condition; with one argument, ``nonzero``), ``nonzero``, ``flatnonzero``,
  ``argwhere``;
- counting: ``count_nonzero``.

The order is NumPy's (``ordering.py``): ascending, every NaN last, equal elements in the
order they came (NumPy's default quicksort does not promise that order; zeronn always
keeps it, so ``argsort`` of ties can differ from NumPy's, never the sorted values).

>>> sort([3, 1, 2]), argsort([3.0, float("nan"), 1.0])
(tensor([1, 2, 3]), tensor([2, 0, 1]))
>>> unique([3, 1, 3, 2], return_counts=True)
(tensor([1, 2, 3]), tensor([1, 1, 2]))
>>> where([True, False, True], [1, 2, 3], 0)
tensor([1, 0, 3])
"""

from __future__ import annotations

__all__ = [
    "sort",
    "argsort",
    "unique",
    "searchsorted",
    "where",
    "nonzero",
    "flatnonzero",
    "argwhere",
    "count_nonzero",
]

from typing import Any, List, Optional, Tuple, overload

from . import casting, dtypes, ordering
from ._shape import broadcast_shapes, normalize_axis, size_of
from .core import Tensor, as_tensor, elements, tensor
from .dtypes import int64
from .manipulation import broadcast_to, moveaxis, stack

# ---------------------------------------------------------------------------
# Sorting
# ---------------------------------------------------------------------------


def sort(a: Any, axis: Optional[int] = -1, kind: Optional[str] = None, order: Any = None,
         *, stable: Optional[bool] = None) -> Tensor:  # fmt: skip
    """A sorted copy of ``a`` along ``axis`` (the last by default; the flattened tensor for
    None): ``np.sort``. NaNs go last; ``kind`` and ``stable`` are checked, and every kind
    gives the stable order.

    >>> sort([[3, 1], [0, 2]]), sort([[3, 1], [0, 2]], axis=None)
    (tensor([[1, 3],
           [0, 2]]), tensor([0, 1, 2, 3]))
    """
    t = as_tensor(a)
    made = t.ravel().copy() if axis is None else t.copy("K")
    made.sort(-1 if axis is None else axis, kind, order, stable=stable)
    return made


def argsort(a: Any, axis: Optional[int] = -1, kind: Optional[str] = None, order: Any = None,
            *, stable: Optional[bool] = None) -> Tensor:  # fmt: skip
    """The indices that sort ``a`` along ``axis`` (``np.argsort``); see ``Tensor.argsort``.

    >>> argsort([[3, 1, 2]])
    tensor([[1, 2, 0]])
    """
    return as_tensor(a).argsort(axis, kind, order, stable=stable)


def unique(
    ar: Any, return_index: bool = False, return_inverse: bool = False, return_counts: bool = False,
    axis: Optional[int] = None, *, equal_nan: bool = True, sorted: bool = True,
) -> Any:  # fmt: skip
    """The sorted distinct elements of ``ar`` (``np.unique``), and as asked: the index of each
    one's first occurrence, for every element the index of its distinct value (in ``ar``'s
    shape, so ``values[inverse]`` rebuilds ``ar``), and how often each occurs. With ``axis``
    the distinct sub-tensors along it. NaNs count as one value unless ``equal_nan`` is false.

    >>> values, first, inverse = unique([[2, 1], [2, 3]], return_index=True, return_inverse=True)
    >>> values, first, inverse
    (tensor([1, 2, 3]), tensor([1, 0, 3]), tensor([[1, 0],
           [1, 2]]))
    >>> unique([[1, 2], [1, 2], [0, 5]], axis=0)
    tensor([[0, 5],
            [1, 2]])
    """
    t = as_tensor(ar)
    if axis is not None:
        return _unique_along(t, normalize_axis(axis, t.ndim), return_index, return_inverse, return_counts)
    found = ordering.unique_lane(t.to_flat_list(), equal_nan)
    results: List[Tensor] = [Tensor.from_storage(t.dtype.storage(found.values), (len(found.values),), t.dtype)]
    if return_index:
        results.append(_indices(found.first_index))
    if return_inverse:
        results.append(_indices(found.inverse).reshape(t.shape))
    if return_counts:
        results.append(_indices(found.counts))
    return results[0] if len(results) == 1 else tuple(results)


# ---------------------------------------------------------------------------
# Searching
# ---------------------------------------------------------------------------


def searchsorted(a: Any, v: Any, side: str = "left", sorter: Any = None) -> Any:
    """Where the elements of ``v`` would be inserted into the sorted 1-d ``a`` to keep it
    sorted (``np.searchsorted``): before equal elements (``side="left"``) or after them.
    ``sorter`` holds the indices that sort ``a``, if ``a`` itself is not sorted.

    >>> searchsorted([1, 2, 2, 3], [2, 0, 9]), searchsorted([1, 2, 2, 3], 2, side="right")
    (tensor([1, 0, 4]), 3)
    """
    t = as_tensor(a)
    if t.ndim != 1:
        depth = "too deep" if t.ndim > 1 else "of too small depth"
        raise ValueError(f"object {depth} for desired array")
    lane = t.to_flat_list()
    if sorter is not None:  # a read in the order sorter gives
        lane = [lane[int(i)] for i in as_tensor(sorter).astype(int64).to_flat_list()]
    where_in = as_tensor(v)
    places = ordering.search_lane(lane, where_in.to_flat_list(), side)
    return places[0] if not where_in.shape else _indices(places).reshape(where_in.shape)


@overload
def where(condition: Any) -> Tuple[Tensor, ...]: ...
@overload
def where(condition: Any, x: Any, y: Any) -> Tensor: ...
def where(condition: Any, x: Any = None, y: Any = None) -> Any:
    """``x`` where ``condition`` is true, ``y`` where it is not, the three broadcast together
    (``np.where``), in the dtype NumPy gives ``x`` and ``y`` (Python numbers are "weak").
    With ``condition`` alone: ``nonzero(condition)``.

    >>> where([[True, False], [False, True]], [[1, 2], [3, 4]], [[9, 8], [7, 6]])
    tensor([[1, 8],
            [7, 4]])
    >>> where([1, 0, 2])
    (tensor([0, 2]),)
    >>> where([True], 1)
    Traceback (most recent call last):
    ...
    ValueError: either both or neither of x and y should be given
    """
    if x is None and y is None:
        return nonzero(condition)
    if x is None or y is None:
        raise ValueError("either both or neither of x and y should be given")
    chosen = as_tensor(condition)
    pair = [value if _is_python_number(value) else as_tensor(value) for value in (x, y)]
    to = dtypes.operation_type(*pair)  # (a Python int must fit, as NumPy's conversion requires)
    shape = broadcast_shapes(chosen.shape, *(p.shape for p in pair if isinstance(p, Tensor)))
    dtypes.check_fits(shape, to)
    flags = elements(broadcast_to(chosen, shape))
    sides = [_elements_as(p, to, shape) for p in pair]
    picked = [left if flag else right for flag, left, right in zip(flags, sides[0], sides[1])]
    return Tensor.from_storage(to.storage(picked), shape, to)


def nonzero(a: Any) -> Tuple[Tensor, ...]:
    """The indices of the elements of ``a`` that are not zero, one tensor per axis (``np.nonzero``).

    >>> nonzero([[1, 0], [0, 2]])
    (tensor([0, 1]), tensor([0, 1]))
    """
    return as_tensor(a).nonzero()


def flatnonzero(a: Any) -> Tensor:
    """The positions in the flattened ``a`` of the elements that are not zero (``np.flatnonzero``).

    >>> flatnonzero([[1, 0], [0, 2]])
    tensor([0, 3])
    """
    return as_tensor(a).ravel().nonzero()[0]


def argwhere(a: Any) -> Tensor:
    """The positions of the elements of ``a`` that are not zero, one row each (``np.argwhere``).

    >>> argwhere([[0, 3], [4, 0]])
    tensor([[0, 1],
            [1, 0]])
    """
    t = as_tensor(a)
    if t.ndim == 0:  # NumPy's rule: a number is one position of no axes, or none
        return Tensor.from_storage(int64.storage([]), (int(bool(t.item())), 0), int64)
    columns = t.nonzero()
    return stack(columns, axis=1) if columns else Tensor.from_storage(int64.storage([]), (0, 0), int64)


# ---------------------------------------------------------------------------
# Counting
# ---------------------------------------------------------------------------


def count_nonzero(a: Any, axis: Any = None, *, keepdims: bool = False) -> Any:
    """How many elements of ``a`` are not zero, in all or along ``axis`` (``np.count_nonzero``).

    >>> count_nonzero([[1, 0, 2], [0, 0, 3]]), count_nonzero([[1, 0, 2], [0, 0, 3]], axis=0)
    (3, tensor([1, 0, 2]))
    """
    t = as_tensor(a)
    truths = t.astype(bool).astype(int64)
    if axis is None and not keepdims:
        return int(sum(truths.to_flat_list()))
    if isinstance(axis, tuple):
        counted = truths
        for ax in sorted((normalize_axis(a, t.ndim) for a in axis), reverse=True):
            counted = counted.sum(axis=ax, keepdims=keepdims)
        return counted
    return truths.sum(axis, keepdims=keepdims)


# ---------------------------------------------------------------------------
# Private helpers
# ---------------------------------------------------------------------------


def _indices(values: List[int]) -> Tensor:
    return Tensor.from_storage(int64.storage(values), (len(values),), int64)


def _is_python_number(value: Any) -> bool:
    return isinstance(value, (bool, int, float)) and not isinstance(value, Tensor)


def _elements_as(value: Any, to: dtypes.DType, shape: Tuple[int, ...]) -> Any:
    """``value`` (a tensor or a Python number) as elements of ``to``, broadcast to ``shape``."""
    if not isinstance(value, Tensor):
        return [casting.cast_scalar(value, to)] * size_of(shape)
    values = elements(broadcast_to(value, shape))
    return values if value.dtype is to else casting.cast_values(values, value.dtype, to)


def _unique_along(t: Tensor, axis: int, return_index: bool, return_inverse: bool, return_counts: bool) -> Any:
    """``unique`` with an axis: the distinct sub-tensors along ``axis``, in lexicographic order."""
    moved = moveaxis(t, axis, 0)
    rows = [tuple(moved[(i, Ellipsis)].to_flat_list()) for i in range(moved.shape[0])]
    found = ordering.unique_lane(rows, equal_nan=False)  # tuples compare as NumPy orders rows
    values = moveaxis(moved[[rows.index(row) for row in found.values]] if found.values else moved[:0], 0, axis)
    results: List[Tensor] = [tensor(values)]
    if return_index:
        results.append(_indices(found.first_index))
    if return_inverse:
        results.append(_indices(found.inverse))
    if return_counts:
        results.append(_indices(found.counts))
    return results[0] if len(results) == 1 else tuple(results)

