"""NumPy's indexing routines: elements picked by index, by condition, or along a diagonal.

- ``take(a, indices, axis)``: the elements at ``indices`` along an axis (``mode`` says what
  an index out of range means: an error, wrapped around, or clipped);
- ``take_along_axis(arr, indices, axis)``: a different index for every lane, as ``argsort`` gives;
- ``choose(a, choices)``: from which of several tensors each element comes;
- ``compress(condition, a, axis)``: the positions where ``condition`` holds;
- ``diagonal(a, offset)``, ``trace(a, offset)``: a diagonal as a read-only view, and its sum;
- ``indices(dimensions)``: the grid of every position's index;
- ``shares_memory(a, b)``, ``may_share_memory(a, b)``: whether two tensors read the same storage.

(``where``, ``nonzero`` and the index tricks ``r_``, ``c_``, ``s_`` are in ``sorting.py`` and
``manipulation.py``.)

>>> take([10, 20, 30], [2, 0]), choose([1, 0, 1], [[1, 2, 3], [10, 20, 30]])
(tensor([30, 10]), tensor([10,  2, 30]))
>>> diagonal([[1, 2, 3], [4, 5, 6]]), trace([[1, 2], [3, 4]])
(tensor([1, 5]), 5)
"""

from __future__ import annotations

__all__ = [
    "take",
    "take_along_axis",
    "choose",
    "compress",
    "diagonal",
    "trace",
    "indices",
    "shares_memory",
    "may_share_memory",
]

import operator
from typing import Any, Optional, Sequence

from . import dtypes
from ._shape import OutOfBoundsError, normalize_axis
from .core import Tensor, as_strided, as_tensor, memory_of, tensor
from .dtypes import DTypeLike, int64
from .manipulation import broadcast_arrays, broadcast_to, moveaxis, stack

# ---------------------------------------------------------------------------
# Picking by index
# ---------------------------------------------------------------------------


def take(a: Any, indices: Any, axis: Optional[int] = None, out: Optional[Tensor] = None, mode: str = "raise") -> Any:
    """The elements of ``a`` at ``indices`` along ``axis`` (of the flattened ``a`` when None):
    ``np.take``. ``mode`` says what an index out of range means: ``"raise"`` an error,
    ``"wrap"`` around, ``"clip"`` to the nearest end. The result has the indices' shape in
    place of the axis.

    >>> take([[1, 2], [3, 4]], [[0, 1]], axis=1).shape, take([1, 2, 3], [5, -5], mode="clip")
    ((2, 1, 2), tensor([3, 1]))
    >>> take([1, 2, 3], [5])  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ...
    OutOfBoundsError: index 5 is out of bounds for axis 0 with size 3
    """
    t = as_tensor(a)
    if axis is None:
        t, axis = t.ravel(), 0
    axis = normalize_axis(axis, t.ndim)
    picked = t[(slice(None),) * axis + (_within(indices, t.shape[axis], mode, axis), Ellipsis)]
    return _into(picked, out)


def take_along_axis(arr: Any, indices: Any, axis: Optional[int] = -1) -> Tensor:
    """The elements of ``arr`` at ``indices``, a different index for every lane along ``axis``
    (``np.take_along_axis``): ``take_along_axis(x, argsort(x, axis), axis)`` is ``sort(x, axis)``.

    >>> take_along_axis([[10, 30, 20]], [[0, 2, 1]], axis=1)
    tensor([[10, 20, 30]])
    """
    t, picks = as_tensor(arr), as_tensor(indices)
    if axis is None:
        t, axis = t.ravel(), 0
    if picks.ndim != t.ndim:
        raise ValueError("`indices` and `arr` must have the same number of dimensions")
    axis = normalize_axis(axis, t.ndim)
    key = []
    for position in range(t.ndim):  # an index array per axis, broadcast against the picks
        if position == axis:
            key.append(picks)
        else:
            shape = [1] * t.ndim
            shape[position] = t.shape[position]
            key.append(tensor(list(range(t.shape[position]))).reshape(shape))
    picked: Tensor = t[tuple(key)]
    return picked


def choose(a: Any, choices: Sequence[Any], out: Optional[Tensor] = None, mode: str = "raise") -> Any:
    """Each element from the choice that ``a`` names at its position (``np.choose``):
    ``a`` and every choice broadcast together, and the result is ``choices[a[i]][i]``.

    >>> choose([[0, 1], [1, 0]], [7, [[1, 2], [3, 4]]])
    tensor([[7, 2],
            [3, 7]])
    >>> choose([3], [[1], [2]])
    Traceback (most recent call last):
    ...
    ValueError: invalid entry in choice array
    """
    options = [as_tensor(choice) for choice in choices]
    which = as_tensor(a)
    if which.dtype.kind not in "biu":
        raise TypeError(f"Cannot cast array data from {which.dtype!r} to dtype('int64') according to the rule 'safe'")
    to = dtypes.result_type(*options)
    spread = broadcast_arrays(which, *options)
    which = _within(spread[0], len(options), mode, None, "invalid entry in choice array")
    chosen = [int(c) for c in which.to_flat_list()]
    columns = [choice.astype(to).to_flat_list() for choice in spread[1:]]
    picked = [columns[c][i] for i, c in enumerate(chosen)]
    return _into(Tensor.from_storage(to.storage(picked), spread[0].shape, to) if spread[0].shape else picked[0], out)


def compress(condition: Any, a: Any, axis: Optional[int] = None, out: Optional[Tensor] = None) -> Any:
    """The slices of ``a`` along ``axis`` where the 1-d ``condition`` is true (``np.compress``);
    ``condition`` may be shorter than the axis (the rest counts as false), not longer.

    >>> compress([0, 1], [[1, 2], [3, 4], [5, 6]], axis=0), compress([False, True], [1, 2, 3])
    (tensor([[3, 4]]), tensor([2]))
    """
    t = as_tensor(a)
    if axis is None:
        t, axis = t.ravel(), 0
    axis = normalize_axis(axis, t.ndim)
    flags = as_tensor(condition)
    if flags.ndim != 1:
        raise ValueError("condition must be a 1-d array")
    kept = [position for position, flag in enumerate(flags.to_flat_list()) if flag]
    return take(t, kept, axis, out)


# ---------------------------------------------------------------------------
# Diagonals
# ---------------------------------------------------------------------------


def diagonal(a: Any, offset: int = 0, axis1: int = 0, axis2: int = 1) -> Tensor:
    """The diagonal of ``a`` in the plane of ``axis1`` and ``axis2`` (``offset`` above the main
    one, or below it if negative), as a read-only view, NumPy's ``np.diagonal``; the diagonal
    becomes the last axis.

    >>> d = diagonal([[0, 1, 2], [3, 4, 5]], 1)
    >>> d, d.flags.writeable
    (tensor([1, 5]), False)
    >>> diagonal([1, 2])
    Traceback (most recent call last):
    ...
    ValueError: diag requires an array of at least two dimensions
    """
    t = as_tensor(a)
    if t.ndim < 2:
        raise ValueError("diag requires an array of at least two dimensions")
    first, second = normalize_axis(axis1, t.ndim), normalize_axis(axis2, t.ndim)
    if first == second:
        raise ValueError("axis1 and axis2 cannot be the same")
    plane = moveaxis(t, (first, second), (-2, -1))
    rows, columns = plane.shape[-2:]
    start = (max(0, -offset), max(0, offset))
    length = max(0, min(rows - start[0], columns - start[1]))
    corner: Tensor = plane[..., start[0] if length else 0 :, start[1] if length else 0 :]
    shape = plane.shape[:-2] + (length,)
    strides = corner.strides[:-2] + (corner.strides[-2] + corner.strides[-1],)
    return as_strided(corner, shape, strides, writeable=False)


def trace(a: Any, offset: int = 0, axis1: int = 0, axis2: int = 1, dtype: Optional[DTypeLike] = None,
          out: Optional[Tensor] = None) -> Any:  # fmt: skip
    """The sum of a diagonal (``np.trace``): of the main one, or ``offset`` away; the sums of
    every diagonal in the plane of ``axis1`` and ``axis2`` for more axes.

    >>> trace([[1, 2], [3, 4]]), trace([[1, 2], [3, 4]], dtype=float), trace([[1, 2], [3, 4]], offset=1)
    (5, 5.0, 2)
    """
    line = diagonal(a, offset, axis1, axis2)
    if dtype is not None:
        line = line.astype(dtype)
    return _into(line.sum(-1), out)


def indices(dimensions: Sequence[int], dtype: DTypeLike = int, sparse: bool = False) -> Any:
    """The index of every position of a grid of ``dimensions``, one grid per axis, stacked
    (``np.indices``); with ``sparse``, a tuple of tensors that broadcast to the grid instead.

    >>> indices((2, 3))[1]
    tensor([[0, 1, 2],
            [0, 1, 2]])
    >>> [axis.shape for axis in indices((2, 3), sparse=True)]
    [(2, 1), (1, 3)]
    """
    lengths = tuple(operator.index(n) for n in dimensions)
    to = dtypes.dtype(dtype)
    grids = []
    for position, length in enumerate(lengths):
        shape = [1] * len(lengths)
        shape[position] = length
        grids.append(tensor(list(range(length)), to).reshape(shape))
    if sparse:
        return tuple(grids)
    if not grids:
        return tensor([], to)
    return stack([broadcast_to(grid, lengths) for grid in grids])


# ---------------------------------------------------------------------------
# Shared memory
# ---------------------------------------------------------------------------


def shares_memory(a: Any, b: Any, max_work: Optional[int] = None) -> bool:
    """Whether ``a`` and ``b`` have an element in common in memory (``np.shares_memory``):
    the same storage, and an element of one where the other reads too.

    zeronn answers exactly for tensors over one storage (views of one another, however
    strided). Views of one memory as dtypes of different sizes are different storages
    over the same bytes, whose overlap zeronn cannot tell: it raises rather than guess.

    >>> x = tensor([1, 2, 3, 4])
    >>> shares_memory(x[::2], x[1::2]), shares_memory(x[1:], x[:2]), shares_memory(x, x.copy())
    (False, True, False)
    """
    first, second = as_tensor(a), as_tensor(b)
    if not may_share_memory(first, second):
        return False
    (storage, offsets), (other_storage, other_offsets) = memory_of(first), memory_of(second)
    if storage is not other_storage:
        raise TypeError(
            "shares_memory: zeronn cannot tell exactly whether two views of one memory as different dtypes "
            "overlap; may_share_memory says that they may"
        )
    return not set(offsets).isdisjoint(other_offsets)


def may_share_memory(a: Any, b: Any, max_work: Optional[int] = None) -> bool:
    """Whether ``a`` and ``b`` read the same memory (``np.may_share_memory``): cheap, and
    true even where they read different elements of it.

    >>> x = tensor([1, 2, 3, 4])
    >>> may_share_memory(x[::2], x[1::2]), may_share_memory(x, x.copy())
    (True, False)
    """
    return _root(as_tensor(a)) is _root(as_tensor(b))


def _root(t: Tensor) -> Any:
    """What a tensor's memory belongs to at bottom: the tensor that owns it, or a buffer."""
    while isinstance(t.base, Tensor):
        t = t.base
    return t if t.base is None else t.base


# ---------------------------------------------------------------------------
# Private helpers
# ---------------------------------------------------------------------------


def _within(indices: Any, length: int, mode: str, axis: Optional[int], message: str = "") -> Tensor:
    """``indices`` as an int64 tensor of positions in ``0 .. length-1``, by NumPy's ``mode``."""
    picks = as_tensor(indices).astype(int64)
    if mode not in ("raise", "wrap", "clip"):
        raise ValueError(f"clipmode must be one of 'clip', 'raise', or 'wrap' (got {mode!r})")
    values = picks.to_flat_list()
    if mode == "wrap":
        values = [value % length for value in values] if length else values
    elif mode == "clip":
        values = [min(max(value, 0), length - 1) for value in values]
    else:
        for value in values:
            if not -length <= value < length or (message and value < 0):
                if message:
                    raise ValueError(message)
                raise OutOfBoundsError(f"index {value} is out of bounds for axis {axis} with size {length}")
    return Tensor.from_storage(int64.storage(values), picks.shape, int64) if picks.shape else tensor(values[0])


def _into(result: Any, out: Optional[Tensor]) -> Any:
    """``result``, or written into ``out`` (which is then what NumPy returns)."""
    if out is None:
        return result
    out[...] = result
    return out
