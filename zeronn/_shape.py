"""Shape arithmetic on plain tuples: the part of a tensor library that needs no tensor.

Everything here works on Python tuples and lists, so it can be read and tested on its
own (the tensor module builds on it, never the other way round):

- ``size_of``, ``strides_of``, ``unravel``: row-major bookkeeping; ``format_shape``
  prints a shape the way NumPy's messages do;
- ``is_contiguous``, ``offsets_of``: strides, the steps through a flat storage that
  make views possible (see ``core.py`` for a drawing; the rules for choosing them are
  in ``layout.py``);
- ``broadcast_shapes`` and ``broadcast_to``: NumPy's broadcasting rule, and the list
  repetition that carries it out (the plain twin of ``kernels.stretch``);
- ``normalize_axis``, ``check_ndim``: axes, and NumPy's limit of 64 of them.

Nested lists in and out of a tensor are in ``nested.py``.

>>> strides_of((2, 3))
(3, 1)
>>> broadcast_shapes((2, 1), (3,))
(2, 3)
"""

from __future__ import annotations

__all__ = [
    "OutOfBoundsError",
    "InvalidIndexError",
    "Number",
    "MAX_DIMS",
    "check_ndim",
    "size_of",
    "strides_of",
    "unravel",
    "is_contiguous",
    "offsets_of",
    "format_shape",
    "broadcast_shapes",
    "broadcast_to",
    "normalize_axis",
]

import math
from itertools import accumulate, chain
from operator import mul
from typing import List, Tuple, Union

Number = Union[bool, int, float]
Shape = Tuple[int, ...]

class OutOfBoundsError(ValueError, IndexError):
    """An axis or an index outside a tensor's shape.

    It is a ``ValueError`` (zeronn's rule: bad input is a value error that says what is
    wrong) and also an ``IndexError``, so code written for NumPy, whose ``AxisError``
    makes the same choice, catches it too.

    >>> issubclass(OutOfBoundsError, ValueError), issubclass(OutOfBoundsError, IndexError)
    (True, True)
    """


class InvalidIndexError(TypeError, IndexError):
    """An index of a kind no tensor can be indexed with, such as a float or a string.

    A ``TypeError`` (the index has the wrong type) and also an ``IndexError``, which is
    what NumPy raises, so code written for either catches it.

    >>> issubclass(InvalidIndexError, TypeError), issubclass(InvalidIndexError, IndexError)
    (True, True)
    """


# ---------------------------------------------------------------------------
# The number of axes
# ---------------------------------------------------------------------------


MAX_DIMS = 64  # NumPy's limit on the number of axes


def check_ndim(ndim: int) -> None:
    """Raise ``ValueError`` for more axes than NumPy allows (64).

    >>> check_ndim(65)
    Traceback (most recent call last):
    ...
    ValueError: maximum supported dimension for an ndarray is 64, found 65
    """
    if ndim > MAX_DIMS:
        raise ValueError(f"maximum supported dimension for an ndarray is {MAX_DIMS}, found {ndim}")


# ---------------------------------------------------------------------------
# Row-major bookkeeping
# ---------------------------------------------------------------------------


def size_of(shape: Shape) -> int:
    """Return the number of elements in ``shape`` (1 for the 0-d shape ``()``).

    >>> size_of((2, 3)), size_of(()), size_of((4, 0))
    (6, 1, 0)
    """
    return math.prod(shape)


def strides_of(shape: Shape) -> Shape:
    """Return how far apart, in the flat list, neighbours along each axis are.

    A shape with no elements gets strides of 0, as NumPy 2 gives a new empty array.

    >>> strides_of((2, 3, 4)), strides_of((2, 0))
    ((12, 4, 1), (0, 0))
    """
    if 0 in shape or not shape:  # (and a 0-d shape has no strides)
        return (0,) * len(shape)
    if len(shape) == 1:  # the usual shapes, at once (every new tensor asks)
        return (1,)
    if len(shape) == 2:
        return (shape[1], 1)
    # each stride is the product of the lengths after its axis: 1, then running products from the right
    return tuple(accumulate(shape[:0:-1], mul, initial=1))[::-1]


def unravel(flat_index: int, shape: Shape) -> Shape:
    """Return the position ``(i, j, ...)`` of element ``flat_index`` in ``shape`` (which
    has that element, so no length in it is 0).

    >>> unravel(5, (2, 3))
    (1, 2)
    """
    position = []
    for length in reversed(shape):
        flat_index, index = divmod(flat_index, length)
        position.append(index)
    return tuple(reversed(position))


def is_contiguous(shape: Shape, strides: Shape) -> bool:
    """Whether ``strides`` (in elements) walk ``shape`` in plain row-major order (NumPy's
    C-contiguous flag): then the elements are one run of the storage.

    The stride of an axis of length 1 never matters, and an empty tensor is contiguous.

    >>> is_contiguous((2, 3), (3, 1)), is_contiguous((3, 2), (1, 3)), is_contiguous((1, 3), (7, 1))
    (True, False, True)
    >>> is_contiguous((0, 2), (0, 0))
    True
    """
    if 0 in shape:
        return True
    expected = 1
    for length, stride in zip(reversed(shape), reversed(strides)):
        if length != 1 and stride != expected:
            return False
        expected *= length
    return True


def offsets_of(shape: Shape, strides: Shape, offset: int) -> List[int]:
    """Where each element lives in the storage, in row-major order.

    >>> offsets_of((2, 3), (1, 2), 0)          # a (3, 2) matrix transposed
    [0, 2, 4, 1, 3, 5]
    """
    offsets = [offset]
    for length, stride in zip(shape, strides):
        offsets = [start + i * stride for start in offsets for i in range(length)]
    return offsets


def format_shape(shape: Shape) -> str:
    """Return a shape the way NumPy's messages print it: ``(2,3)``, ``(4,)``, ``()``.

    >>> format_shape((2, 3)), format_shape((4,)), format_shape(())
    ('(2,3)', '(4,)', '()')
    """
    if len(shape) == 1:
        return f"({shape[0]},)"
    return "(" + ",".join(map(str, shape)) + ")"


# ---------------------------------------------------------------------------
# Broadcasting (https://numpy.org/doc/stable/user/basics.broadcasting.html)
# ---------------------------------------------------------------------------


def broadcast_shapes(*shapes: Shape) -> Shape:
    """Return the shape that ``shapes`` broadcast to, by NumPy's rule.

    Shapes are lined up at their last axis; along each axis the lengths must be equal
    or one of them 1, and a missing leading axis counts as 1.

    >>> broadcast_shapes((100, 50), (50,))
    (100, 50)
    >>> broadcast_shapes((3, 1), (1, 4), ())
    (3, 4)
    >>> broadcast_shapes((2, 3), (4,))
    Traceback (most recent call last):
    ...
    ValueError: operands could not be broadcast together with shapes (2,3) (4,)
    """
    if len(shapes) == 1:
        return tuple(shapes[0])
    if len(shapes) == 2:  # the usual case: one shape ends with the other, as (100, 50) with (50,)
        longer, shorter = sorted(shapes, key=len, reverse=True)
        if longer[len(longer) - len(shorter):] == shorter:
            return tuple(longer)
    ndim = max(map(len, shapes), default=0)
    result = [1] * ndim
    for shape in shapes:
        offset = ndim - len(shape)
        for axis, length in enumerate(shape, start=offset):
            if length == result[axis] or length == 1:
                continue
            if result[axis] != 1:
                listed = " ".join(map(format_shape, shapes))
                raise ValueError(f"operands could not be broadcast together with shapes {listed}")
            result[axis] = length
    return tuple(result)


def broadcast_to(flat: List[Number], shape: Shape, target: Shape) -> List[Number]:
    """Return the flat data of ``shape`` expanded to the (broadcast-compatible) ``target``.

    Each axis of length 1 that must grow is repeated with list repetition, innermost
    axis first, which runs at C speed. The input list is never changed.

    >>> broadcast_to([1, 2, 3], (3,), (2, 3))
    [1, 2, 3, 1, 2, 3]
    >>> broadcast_to([1, 2], (2, 1), (2, 3))
    [1, 1, 1, 2, 2, 2]
    >>> broadcast_to([7], (), (0, 3))
    []
    """
    if size_of(target) == 0:
        return []  # an axis of length 0 anywhere: nothing to repeat
    padded = (1,) * (len(target) - len(shape)) + shape
    data = flat
    block = 1  # the size of one already-expanded inner block
    for axis in reversed(range(len(target))):
        repeats = target[axis]
        if padded[axis] != repeats:
            # The axis has length 1 here: repeat each inner block ``repeats`` times.
            blocks = (data[start : start + block] for start in range(0, len(data), block))
            data = list(chain.from_iterable(part * repeats for part in blocks))
        block *= repeats
    return data if data is not flat else list(flat)


# ---------------------------------------------------------------------------
# Axes
# ---------------------------------------------------------------------------


def normalize_axis(axis: int, ndim: int) -> int:
    """Return ``axis`` as a non-negative axis number for a tensor of ``ndim`` axes.

    >>> normalize_axis(-1, 2)
    1
    >>> normalize_axis(2, 2)  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ...
    OutOfBoundsError: axis 2 is out of bounds for array of dimension 2
    """
    if isinstance(axis, bool) or not isinstance(axis, int):
        raise TypeError(f"axis must be an int or None, not {type(axis).__name__}")
    if not -ndim <= axis < ndim:
        raise OutOfBoundsError(f"axis {axis} is out of bounds for array of dimension {ndim}")
    return axis % ndim
