"""Lanes along one axis of a row-major flat list: cut out, worked on one by one, put back.

Sorting along an axis, repeating elements along it or rolling it all work on *lanes*: the
1-d runs of elements that go along the axis, one for every position of the other axes.
In a row-major list of ``shape`` the lane at outer position ``o`` and inner position ``i``
is the slice ``values[o*block + i : (o+1)*block : inner]``, where ``inner`` is the number
of elements after the axis and ``block = length * inner``; Python's extended slices cut it
out, and put a new one back, at C speed. Plain functions on lists and shapes (reductions,
which turn each lane into one number, do the same in ``reductions.py``).

>>> lanes_of([1, 2, 3, 4, 5, 6], (2, 3), axis=0)
[[1, 4], [2, 5], [3, 6]]
>>> from_lanes([[4, 1], [5, 2], [6, 3]], (2, 3), axis=0)
[4, 5, 6, 1, 2, 3]
"""

from __future__ import annotations

__all__ = ["lanes_of", "from_lanes", "map_lanes"]

from typing import Any, Callable, List, Sequence

from ._shape import Shape, size_of


def lanes_of(values: Sequence[Any], shape: Shape, axis: int) -> List[Any]:
    """Every lane of ``values`` (row-major, of ``shape``) along ``axis``, in the row-major
    order of the other axes. Each lane is a list, or an ``array.array`` for one.

    >>> lanes_of([1, 2, 3, 4, 5, 6], (2, 3), axis=1)
    [[1, 2, 3], [4, 5, 6]]
    """
    outer = size_of(shape[:axis])
    inner = size_of(shape[axis + 1 :])
    block = shape[axis] * inner
    return [values[o * block + i : (o + 1) * block : inner] for o in range(outer) for i in range(inner)]


def from_lanes(lanes: Sequence[Sequence[Any]], shape: Shape, axis: int) -> List[Any]:
    """The row-major list of a ``shape`` whose lanes along ``axis`` are ``lanes`` (in the order
    ``lanes_of`` gives them); ``shape[axis]`` is the new length of every lane.

    >>> from_lanes([[1, 2, 3], [4, 5, 6]], (2, 3), axis=1)
    [1, 2, 3, 4, 5, 6]
    """
    flat: List[Any] = [None] * size_of(shape)
    inner = size_of(shape[axis + 1 :])
    block = shape[axis] * inner
    for index, lane in enumerate(lanes):
        o, i = divmod(index, inner)
        flat[o * block + i : (o + 1) * block : inner] = lane
    return flat


def map_lanes(
    values: Sequence[Any], shape: Shape, axis: int, function: Callable[[Sequence[Any]], Sequence[Any]], length: int
) -> List[Any]:
    """``function`` of every lane along ``axis``, each giving a new lane of ``length``: the
    row-major list of ``shape`` with that axis now ``length`` long.

    >>> map_lanes([3, 1, 2, 6, 5, 4], (2, 3), 1, sorted, 3)
    [1, 2, 3, 4, 5, 6]
    """
    new_shape = shape[:axis] + (length,) + shape[axis + 1 :]
    return from_lanes([function(lane) for lane in lanes_of(values, shape, axis)], new_shape, axis)
