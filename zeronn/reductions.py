"""Reductions: a tensor's elements, or each lane along one axis, reduced to one number.

``Tensor.sum``, ``mean``, ``max``, ``min``, ``argmax``, ``any`` and ``all`` (and the
functions of the same names in ``ops.py``) pass the tensor's elements, row-major, to
``reduce_lanes`` with the function that reduces one lane, a flat sequence of numbers:

- ``sum``: Python's ``sum``, started from 0 of the result dtype (int64 for integers and
  bools, uint64 for unsigned, the dtype itself for floats, as NumPy sums);
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

__all__ = ["reduce_lanes", "as_element", "extreme", "mean_of", "argmax_of"]

import math
from typing import Any, Callable, List, Sequence, Tuple

from . import casting, dtypes, ieee
from ._shape import Shape, size_of
from .dtypes import DType


def reduce_lanes(
    values: Sequence[Any], shape: Shape, axis: int, keepdims: bool, lane_function: Callable[[Any], Any], out: DType
) -> Tuple[List[Any], Shape]:
    """``lane_function`` of every lane of ``values`` (row-major, of ``shape``) along ``axis``,
    each as an element of dtype ``out``, and the shape of the result.

    >>> reduce_lanes([1, 2, 3, 4], (2, 2), axis=0, keepdims=True, lane_function=max, out=dtypes.int64)
    ([3, 4], (1, 2))
    """
    result_shape = shape[:axis] + ((1,) if keepdims else ()) + shape[axis + 1 :]
    dtypes.check_fits(result_shape, out)  # zeros((0, 10**12)).sum(axis=0) would be 10**12 sums
    outer = size_of(shape[:axis])
    inner = size_of(shape[axis + 1 :])
    block = shape[axis] * inner
    lanes = [values[o * block + i : (o + 1) * block : inner] for o in range(outer) for i in range(inner)]
    return [as_element(lane_function(lane), out) for lane in lanes], result_shape


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


def mean_of(lane: Sequence[Any]) -> float:
    """The arithmetic mean of a lane; NaN for an empty one, as NumPy gives (with a warning).

    >>> mean_of([1, 2, 3, 4]), mean_of([])
    (2.5, nan)
    """
    return sum(lane, 0.0) / len(lane) if len(lane) else math.nan


def argmax_of(lane: Sequence[Any]) -> int:
    """The index of a lane's largest element: the first of equals, or the first NaN.

    >>> argmax_of([1, 5, 5]), argmax_of([1.0, float("nan"), 9.0])
    (1, 1)
    """
    if not len(lane):
        raise ValueError("attempt to get argmax of an empty sequence")
    if type(lane[0]) is float:
        nans = list(map(math.isnan, lane))
        if any(nans):
            return nans.index(True)
    return list(lane).index(max(lane))


def as_element(value: Any, out: DType) -> Any:
    """A reduction's result as an element of ``out`` (wrapped, or rounded to float32).

    >>> as_element(300, dtypes.uint8), as_element(0.1, dtypes.float32)
    (44, 0.10000000149011612)
    """
    if out.kind in "iu":
        return casting.wrap([int(value)], out)[0]
    if out is dtypes.float32:
        return casting.round_float32(value)
    return out.type(value)
