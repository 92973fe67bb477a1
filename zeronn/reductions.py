"""Reductions: a tensor's elements, or each lane along one axis, reduced to one number.

``Tensor.sum``, ``mean``, ``max``, ``min``, ``argmax``, ``any`` and ``all`` (and the
functions of the same names in ``ops.py``) pass the tensor's elements, row-major, to
``reduce_lanes`` with the function that reduces one lane, a flat sequence of numbers:

- ``sum`` of floats: NumPy's own order of additions, so that the last bits agree
  (``pairwise_sum`` along the axis contiguous in memory, ``add_rows`` across the others,
  ``buffered_sum`` where NumPy copies through its buffer); of integers and bools,
  Python's exact ``sum`` (int64 for signed and bools, uint64 for unsigned, wrapped);
- ``max`` and ``min``: Python's ``max`` and ``min``, looked at again element by element
  (``ieee.maximum``) when the answer may be a zero or a NaN, where NumPy's rules differ
  from Python's;
- ``argmax``: the first index of the largest, where a NaN counts as the largest.

Along an axis the elements are read as ``(outer, length, inner)``: the lane for ``(o, i)``
is the slice ``values[o*length*inner + i :: inner]``, cut at the end of block ``o``,
which Python's slicing gathers at C speed. Plain functions on lists: the tensor around
them is ``Tensor._reduce``'s business.

>>> reduce_lanes([1, 2, 3, 4, 5, 6], (2, 3), axis=1, keepdims=False, lane_function=sum, out=dtypes.int64)
([6, 15], (2,))
"""

from __future__ import annotations

__all__ = [
    "reduce_lanes", "as_element", "extreme", "argmax_of", "BUFFER_SIZE", "add_in_order", "buffered_sum", "buffer_size",
    "pairwise_sum", "pairwise_sums", "pairwise_sum_float32", "pairwise_sums_float32", "add_rows", "add_rows_float32",
]

import math
from functools import reduce
from operator import add
from typing import Any, Callable, Iterable, List, Optional, Sequence, Tuple

from . import casting, dtypes, ieee
from ._shape import Shape, size_of
from .dtypes import DType
from .kernels import add_in_order, pairwise_sum, pairwise_sums


def reduce_lanes(
    values: Sequence[Any], shape: Shape, axis: int, keepdims: bool, lane_function: Callable[[Any], Any], out: DType,
    across: Optional[Callable[[List[Sequence[Any]]], List[Any]]] = None,
    along: Optional[Callable[[Sequence[Any], int], List[Any]]] = None,
) -> Tuple[List[Any], Shape]:
    """``lane_function`` of every lane of ``values`` (row-major, of ``shape``) along ``axis``,
    each as an element of dtype ``out``, and the shape of the result.

    ``across``, if given, reduces the lanes of a block together when ``axis`` is not the
    last one (``x.sum(axis=0)``): it takes the block's rows along ``axis``, in order, and
    gives the block's results, as NumPy's loop computes them (one row after another).
    ``along``, if given, reduces every lane at once when ``axis`` is the last one (the
    lanes are then runs of ``values``): ``along(values, length)``.

    >>> reduce_lanes([1, 2, 3, 4], (2, 2), axis=0, keepdims=True, lane_function=max, out=dtypes.int64)
    ([3, 4], (1, 2))
    """
    result_shape = shape[:axis] + ((1,) if keepdims else ()) + shape[axis + 1 :]
    dtypes.check_fits(result_shape, out)  # zeros((0, 10**12)).sum(axis=0) would be 10**12 sums
    outer = size_of(shape[:axis])
    inner = size_of(shape[axis + 1 :])
    length = shape[axis]
    block = length * inner
    if across is not None and inner > 1 and length:
        starts = [[o * block + k * inner for k in range(length)] for o in range(outer)]
        rows = [[values[start : start + inner] for start in block_starts] for block_starts in starts]
        return [as_element(value, out) for block_rows in rows for value in across(block_rows)], result_shape
    if along is not None and inner == 1 and length:
        return [as_element(value, out) for value in along(values, length)], result_shape
    lanes = [values[o * block + i : (o + 1) * block : inner] for o in range(outer) for i in range(inner)]
    return [as_element(lane_function(lane), out) for lane in lanes], result_shape


# ---------------------------------------------------------------------------
# Sums of floats, in NumPy's order of additions
# ---------------------------------------------------------------------------

# NumPy's buffer, in elements: where its loop reads a copy (a cast, or a tensor that is
# not one run of memory), it sums the copy a buffer at a time.
BUFFER_SIZE = 8192

def pairwise_sums_float32(values: Sequence[float], length: int) -> List[float]:
    """``kernels.pairwise_sums`` with every addition rounded to float32."""
    return pairwise_sums(values, length, _add32, _add32_in_order)


def pairwise_sum_float32(values: Sequence[float]) -> float:
    """``pairwise_sum`` with every addition rounded to float32, as NumPy sums float32.

    >>> tenth = 0.10000000149011612                    # float32's nearest to 0.1
    >>> pairwise_sum_float32([tenth] * 10), pairwise_sum([tenth] * 10)
    (1.0, 1.0000000149011612)
    """
    return pairwise_sum(values, _add32, _add32_in_order)


def add_rows(rows: List[Sequence[float]]) -> List[float]:
    """The elementwise sums of ``rows``, one row after another from ``+0.0``: NumPy's order
    when it sums along an axis that is not contiguous (``x.sum(axis=0)``).

    >>> add_rows([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    [9.0, 12.0]
    """
    return reduce(lambda total, row: list(map(add, total, row)), rows, [0.0] * len(rows[0]))


def add_rows_float32(rows: List[Sequence[float]]) -> List[float]:
    """``add_rows`` in float32."""
    return reduce(lambda total, row: list(map(_add32, total, row)), rows, [0.0] * len(rows[0]))


def buffered_sum(
    values: Sequence[float], run_sum: Callable[[Sequence[float]], float] = pairwise_sum, float32: bool = False,
    size: int = BUFFER_SIZE,
) -> float:
    """The sum of ``values`` as NumPy computes it a buffer at a time: ``run_sum`` of each
    ``size`` values, added in order from ``+0.0`` (in float32 for float32): a mean of
    integers (read through a cast), or a tensor that is not one run of memory.

    >>> buffered_sum([0.1] * 10) == pairwise_sum([0.1] * 10), buffered_sum([0.1] * 10, size=4)
    (True, 1.0)
    """
    chunks = [run_sum(values[start : start + size]) for start in range(0, len(values), size)]
    return _add32_in_order(chunks, 0.0) if float32 else add_in_order(chunks, 0.0)


def buffer_size(run_length: int, step: int) -> int:
    """How many elements NumPy's sum of a whole tensor of several runs (``run_length``
    elements each, at ``step``) adds pairwise at a time: as many whole runs as fit in its
    buffer (at least one), when they are read in place (one element after another, either
    way), else a buffer full (``BUFFER_SIZE``), copied.

    >>> buffer_size(70, 1), buffer_size(70, -1), buffer_size(10000, 1), buffer_size(70, 2)
    (8190, 8190, 10000, 8192)
    """
    if abs(step) == 1:
        return max(BUFFER_SIZE // run_length, 1) * run_length
    return BUFFER_SIZE


def _add32(a: float, b: float) -> float:
    """``a + b`` in float32: the double sum of two float32 values rounded once, which is exact float32 addition."""
    return casting.round_float32(a + b)


def _add32_in_order(values: Iterable[float], start: float) -> float:
    return reduce(_add32, values, start)


def extreme(name: str) -> Callable[[Sequence[Any]], Any]:
    """The reduction of a lane by NumPy's ``maximum`` or ``minimum``: NaN wins, and of
    equal values the last (which tells ``0.0`` from ``-0.0``), as NumPy's reduction keeps.

    >>> extreme("maximum")([1.0, float("nan"), 3.0]), extreme("maximum")([0.0, -0.0])
    (nan, -0.0)
    """
    builtin = max if name == "maximum" else min
    pick = ieee.maximum if name == "maximum" else ieee.minimum

    def extreme_of(lane: Sequence[Any]) -> Any:
        if not len(lane):
            raise ValueError(f"zero-size array to reduction operation {name} which has no identity")
        found = builtin(lane)  # C speed; only zeros and NaN need a closer look
        if type(found) is float and (found == 0 or any(map(math.isnan, lane))):
            found = lane[0]
            for value in lane[1:]:
                found = pick(found, value)
        return found

    return extreme_of


def argmax_of(lane: Sequence[Any]) -> int:
    """The index of a lane's largest element: the first of equals, or the first NaN.

    >>> argmax_of([1, 5, 5]), argmax_of([1.0, float("nan"), 9.0])
    (1, 1)
    """
    if not len(lane):
        raise ValueError("attempt to get argmax of an empty sequence")
    if type(lane[0]) is float and any(map(math.isnan, lane)):  # the first NaN
        return next(index for index, value in enumerate(lane) if value != value)
    return list(lane).index(max(lane))


def as_element(value: Any, out: DType) -> Any:
    """A reduction's result as an element of ``out`` (wrapped, or rounded to float32 or float16).

    >>> as_element(300, dtypes.uint8), as_element(0.1, dtypes.float32)
    (44, 0.10000000149011612)
    """
    if out.kind in "iu":
        return casting.wrap([int(value)], out)[0]
    rounded = casting.rounder(out) if out.kind == "f" else None
    if rounded is not None:
        return rounded(value)
    return out.type(value)
