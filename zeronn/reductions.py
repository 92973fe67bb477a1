"""Reductions: a tensor's elements, or each lane along one axis, reduced to one number.

``Tensor.sum``, ``mean``, ``max``, ``min``, ``argmax``, ``any`` and ``all`` (and the
functions of the same names in ``ops.py``) call ``reduce`` with the function that
reduces one lane, a flat sequence of numbers:

- ``sum``: Python's ``sum``, started from 0 of the result dtype (int64 for integers and
  bools, uint64 for unsigned, the dtype itself for floats, as NumPy sums);
- ``max`` and ``min``: Python's ``max`` and ``min``, looked at again element by element
  (``ieee.maximum``) when the answer may be a zero or a NaN, where NumPy's rules differ
  from Python's;
- ``argmax``: the first index of the largest, where a NaN counts as the largest.

Along an axis the tensor is read as ``(outer, length, inner)``: the lane for ``(o, i)``
is the slice ``values[o*length*inner + i :: inner]``, cut at the end of block ``o``,
which Python's slicing gathers at C speed.

>>> from zeronn import tensor
>>> reduce(tensor([[1, 2, 3], [4, 5, 6]]), sum, axis=1, keepdims=False, out=dtypes.int64)
tensor([ 6, 15])
"""

from __future__ import annotations

__all__ = ["reduce", "extreme", "mean_of", "argmax_of"]

import math
from typing import TYPE_CHECKING, Any, Callable, Optional, Sequence

from . import casting, core, dtypes, ieee
from ._shape import normalize_axis, size_of
from .dtypes import DType
from .layout import memory_order

if TYPE_CHECKING:
    from .core import Tensor


def reduce(t: Tensor, lane_function: Callable[[Any], Any], axis: Optional[int], keepdims: bool, out: DType) -> Any:
    """``lane_function`` of all of ``t``'s elements, or of every lane along ``axis``, as dtype ``out``.

    The result is a Python number where NumPy's would be 0-d, else a tensor laid out in
    ``t``'s memory order, as NumPy lays it out.

    >>> from zeronn import tensor
    >>> x = tensor([[1, 2], [3, 4]])
    >>> reduce(x, sum, None, False, dtypes.int64), reduce(x, sum, 0, True, dtypes.int64)
    (10, tensor([[4, 6]]))
    """
    values = core.elements(t)
    if axis is None:
        value = _as_element(lane_function(values), out)
        return core.Tensor.from_storage(out.storage([value]), (1,) * t.ndim, out) if keepdims else value
    axis = normalize_axis(axis, t.ndim)
    if not t.flags.c_contiguous:  # NumPy lays the result out in the tensor's memory order
        steps = [0 if length == 1 else stride // t.dtype.itemsize for length, stride in zip(t.shape, t.strides)]
        order = memory_order(t.shape, [tuple(steps)], same_shapes=False)
        if order != list(range(t.ndim)):
            permuted = reduce(t.transpose(*order), lane_function, order.index(axis), True, out)
            kept = permuted.transpose(*[order.index(axis) for axis in range(t.ndim)])
            return kept if keepdims else kept[(slice(None),) * axis + (0,)]
    shape = t.shape[:axis] + ((1,) if keepdims else ()) + t.shape[axis + 1 :]
    dtypes.check_fits(shape, out)  # zeros((0, 10**12)).sum(axis=0) would be 10**12 sums
    outer = size_of(t.shape[:axis])
    inner = size_of(t.shape[axis + 1 :])
    block = t.shape[axis] * inner
    lanes = [values[o * block + i : (o + 1) * block : inner] for o in range(outer) for i in range(inner)]
    results = [_as_element(lane_function(lane), out) for lane in lanes]
    if not shape:
        return results[0]  # a 1-d tensor reduces to a number, as in NumPy
    return core.Tensor.from_storage(out.storage(results), shape, out)


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


def _as_element(value: Any, out: DType) -> Any:
    """A reduction's result as an element of ``out`` (wrapped, or rounded to float32)."""
    if out.kind in "iu":
        return casting.wrap([int(value)], out)[0]
    if out is dtypes.float32:
        return casting.round_float32(value)
    return out.type(value)
