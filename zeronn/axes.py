"""Axes by number: one, several or all of them, checked and made non-negative; where they move.

NumPy's functions take an axis as an int, a tuple of ints, or ``None`` for all of them,
with negative numbers counting from the end. These plain functions on tuples turn what a
caller gave into positions, with NumPy's errors, and compute the permutations that
``moveaxis``, ``rollaxis`` and ``swapaxes`` make (a permutation is what ``transpose``
takes, so every one of them is a view).

>>> normalize_axis_tuple((-1, 0), 3)
(2, 0)
>>> moved_order(4, (0,), (-1,))           # axis 0 to the end
[1, 2, 3, 0]
"""

from __future__ import annotations

__all__ = ["normalize_axis_tuple", "moved_order", "rolled_order", "swapped_order"]

import operator
from typing import Any, List, Optional, Tuple

from ._shape import OutOfBoundsError, normalize_axis


def normalize_axis_tuple(
    axis: Any, ndim: int, argname: Optional[str] = None, allow_duplicate: bool = False
) -> Tuple[int, ...]:
    """``axis`` (an int or an iterable of ints) as a tuple of non-negative axes of an
    ``ndim``-d tensor, as NumPy's ``normalize_axis_tuple``: out of range is an
    ``OutOfBoundsError`` (NumPy's ``AxisError``), a repeat a ``ValueError``.

    >>> normalize_axis_tuple(1, 2), normalize_axis_tuple([0, -1], 2)
    ((1,), (0, 1))
    >>> normalize_axis_tuple((0, 2), 2, "source")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ...
    OutOfBoundsError: source: axis 2 is out of bounds for array of dimension 2
    >>> normalize_axis_tuple((1, -1), 2)
    Traceback (most recent call last):
    ...
    ValueError: repeated axis
    """
    if isinstance(axis, (list, tuple, range)):
        given = [operator.index(a) for a in axis]
    else:
        given = [operator.index(axis)]
    axes = []
    for a in given:
        try:
            axes.append(normalize_axis(a, ndim))
        except OutOfBoundsError as error:
            raise OutOfBoundsError(f"{argname}: {error}" if argname else str(error)) from None
    if not allow_duplicate and len(set(axes)) != len(axes):
        raise ValueError(f"repeated axis in `{argname}` argument" if argname else "repeated axis")
    return tuple(axes)


def moved_order(ndim: int, source: Any, destination: Any) -> List[int]:
    """The permutation (for ``transpose``) that moves the axes ``source`` to the positions
    ``destination``, the others keeping their order: NumPy's ``moveaxis``.

    >>> moved_order(3, 0, 2), moved_order(4, [0, 1], [2, 3])
    ([1, 2, 0], [2, 3, 0, 1])
    >>> moved_order(3, 0, [0, 1])
    Traceback (most recent call last):
    ...
    ValueError: `source` and `destination` arguments must have the same number of elements
    """
    sources = normalize_axis_tuple(source, ndim, "source")
    destinations = normalize_axis_tuple(destination, ndim, "destination")
    if len(sources) != len(destinations):
        raise ValueError("`source` and `destination` arguments must have the same number of elements")
    order = [axis for axis in range(ndim) if axis not in sources]
    for destination_axis, source_axis in sorted(zip(destinations, sources)):
        order.insert(destination_axis, source_axis)
    return order


def rolled_order(ndim: int, axis: int, start: int) -> List[int]:
    """The permutation that rolls ``axis`` back until it lies before ``start``: NumPy's
    ``rollaxis``, where ``start`` may also be ``ndim`` (to the end).

    >>> rolled_order(4, 3, 1), rolled_order(4, 1, 4)
    ([0, 3, 1, 2], [0, 2, 3, 1])
    >>> rolled_order(4, 0, 5)  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ...
    OutOfBoundsError: start: axis 5 is out of bounds for array of dimension 5
    """
    axis = normalize_axis_tuple(axis, ndim, "axis")[0]
    start = operator.index(start)
    if not -ndim <= start <= ndim:  # NumPy counts start against ndim + 1 positions
        raise OutOfBoundsError(f"start: axis {start} is out of bounds for array of dimension {ndim + 1}")
    if start < 0:
        start += ndim
    if axis < start:
        start -= 1  # the axis leaves a gap before start
    order = [a for a in range(ndim) if a != axis]
    order.insert(start, axis)
    return order


def swapped_order(ndim: int, axis1: int, axis2: int) -> List[int]:
    """The permutation that swaps two axes: NumPy's ``swapaxes``.

    >>> swapped_order(3, 0, -1)
    [2, 1, 0]
    """
    first, second = normalize_axis(axis1, ndim), normalize_axis(axis2, ndim)
    order = list(range(ndim))
    order[first], order[second] = order[second], order[first]
    return order
