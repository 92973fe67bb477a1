"""More reductions, lane by lane: products, the smallest element's index, running totals.

``reductions.py`` reduces each lane of a tensor along an axis to one number for ``sum``,
``max``, ``argmax`` and the rest; these are the lane functions for the reductions it
does not have, in the same form (a lane is a flat sequence of numbers of one dtype):

- ``product(out)``: the lane function of ``prod``, NumPy's ``multiply.reduce``: the
  elements multiplied in order (float32 rounded after each step, as NumPy's float32
  loop rounds), integers exactly and wrapped once at the end (which wraps as each step
  would: multiplication modulo ``2**bits`` does not care when it wraps);
- ``argmin_of(lane)``: the first index of the smallest element, or of the first NaN;
- ``accumulate_lanes(values, shape, axis, step, out)``: every lane replaced by its
  running totals under ``step`` (``operator.add`` for ``cumsum``, ``operator.mul`` for
  ``cumprod``), NumPy's ``add.accumulate``: sequential, so float64 gives NumPy's very
  numbers, and float32 does too, rounded at each step.

>>> from operator import add
>>> product(dtypes.int64)([2, 3, 4]), argmin_of([3.0, 1.0, 1.0])
(24, 1)
>>> accumulate_lanes([1, 2, 3, 4, 5, 6], (2, 3), 1, add, dtypes.int64)
[1, 3, 6, 4, 9, 15]
"""

from __future__ import annotations

__all__ = ["product", "argmin_of", "accumulate_lanes"]

import math
import operator
from functools import reduce
from itertools import accumulate
from typing import Any, Callable, List, Sequence

from . import casting, dtypes, reductions
from ._shape import Shape, size_of
from .dtypes import DType


def product(out: DType, initial: Any = 1) -> Callable[[Sequence[Any]], Any]:
    """The lane function of ``prod`` computing in dtype ``out``, from ``initial`` (so
    ``initial`` for an empty lane).

    >>> product(dtypes.float64)([1e200, 1e200]), product(dtypes.float32)([0.1, 3.0])
    (inf, 0.30000001192092896)
    >>> product(dtypes.uint8)([16, 16, 3])     # 768, wrapped by the caller to 0
    768
    """
    if out in (dtypes.float32, dtypes.float16):  # float16 multiplies in float32, rounded at the end
        rounded = casting.round_float32
        return lambda lane: reduce(lambda a, b: rounded(a * b), lane, float(initial))
    start = out.type(initial)
    return lambda lane: math.prod(lane, start=start)


def argmin_of(lane: Sequence[Any]) -> int:
    """The index of a lane's smallest element: the first of equals, or the first NaN.

    It is ``reductions.argmax_of`` of the negated lane: the largest of the negated numbers
    is the smallest, ties and NaN stay where they were (and negating is exact).

    >>> argmin_of([3, 1, 1]), argmin_of([1.0, float("nan"), -9.0]), argmin_of([0.0, -0.0])
    (1, 1, 0)
    >>> argmin_of([])
    Traceback (most recent call last):
    ...
    ValueError: attempt to get argmin of an empty sequence
    """
    if not len(lane):
        raise ValueError("attempt to get argmin of an empty sequence")
    return reductions.argmax_of(list(map(operator.neg, lane)))


def accumulate_lanes(
    values: Sequence[Any], shape: Shape, axis: int, step: Callable[[Any, Any], Any], out: DType
) -> List[Any]:
    """``values`` (row-major, of ``shape``) with every lane along ``axis`` replaced by its
    running totals under ``step``, as elements of ``out`` (row-major again).

    The lanes are cut as ``reductions.reduce_lanes`` cuts them: lane ``(o, i)`` is
    ``values[o*block + i : (o+1)*block : inner]``, and its totals go back to the same
    places by slice assignment.

    >>> from operator import add
    >>> accumulate_lanes([1, 2, 3, 4], (2, 2), 0, add, dtypes.int64)
    [1, 2, 4, 6]
    >>> accumulate_lanes([100, 100], (2,), 0, add, dtypes.int8)    # wrapped as int8 wraps
    [100, -56]
    """
    rounded = casting.rounder(out) if out.kind == "f" else None
    if rounded is not None:  # each running total rounded, as NumPy's float32 (float16) loop rounds it
        plain_step = step
        step = lambda a, b: rounded(plain_step(a, b))
    outer = size_of(shape[:axis])
    inner = size_of(shape[axis + 1 :])
    block = shape[axis] * inner
    totals: List[Any] = [out.type(0)] * size_of(shape)
    for o in range(outer):
        for i in range(inner):
            lane = slice(o * block + i, (o + 1) * block, inner)
            totals[lane] = list(accumulate(values[lane], step))
    if out.kind in "iu":
        return casting.wrap(list(map(int, totals)), out)
    return totals if out.kind == "b" else list(map(out.type, totals))
