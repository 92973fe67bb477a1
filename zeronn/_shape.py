"""Shape arithmetic on plain tuples: the part of a tensor library that needs no tensor.

Everything here works on Python lists and tuples, so it can be read and tested on its
own (the tensor module builds on it, never the other way round):

- ``flatten_nested(data)``: nested lists -> ``(flat list, shape)``, with the ragged,
  depth and type checks that give zeronn its error messages, and ``promote_numbers``,
  which gives the elements one type as NumPy would;
- ``nest(flat, shape)``: the inverse, ``(flat list, shape)`` -> nested lists;
- ``size_of``, ``strides_of``, ``unravel``: row-major bookkeeping; ``format_shape``
  prints a shape the way NumPy's messages do;
- ``broadcast_shapes`` and ``broadcast_to``: NumPy's broadcasting rule, and the list
  repetition that carries it out;
- ``normalize_axis``, ``resolve_reshape``, ``gather``: axes, ``-1`` in reshape, and
  picking elements out of a flat list by strides (indexing and transpose use it).

>>> flatten_nested([[1, 2, 3], [4, 5, 6]])
([1, 2, 3, 4, 5, 6], (2, 3))
>>> broadcast_shapes((2, 1), (3,))
(2, 3)
"""

from __future__ import annotations

__all__ = [
    "OutOfBoundsError",
    "Number",
    "flatten_nested",
    "promote_numbers",
    "nest",
    "size_of",
    "strides_of",
    "unravel",
    "format_shape",
    "broadcast_shapes",
    "broadcast_to",
    "normalize_axis",
    "resolve_reshape",
    "gather",
]

import math
from itertools import chain
from typing import Any, List, Sequence, Tuple, Union

Number = Union[bool, int, float]
Shape = Tuple[int, ...]

# The containers a nested literal may be made of. ``range`` is here so that
# ``tensor(range(5))`` works as ``np.array(range(5))`` does.
_SEQUENCE_TYPES = (list, tuple, range)
# The element types a tensor holds. ``bool`` is a subclass of ``int`` and listed for
# clarity; the order is NumPy's promotion order: bool < int < float.
_NUMBER_TYPES = (bool, int, float)


class OutOfBoundsError(ValueError, IndexError):
    """An axis or an index outside a tensor's shape.

    It is a ``ValueError`` (zeronn's rule: bad input is a value error that says what is
    wrong) and also an ``IndexError``, so code written for NumPy, whose ``AxisError``
    makes the same choice, catches it too.

    >>> issubclass(OutOfBoundsError, ValueError), issubclass(OutOfBoundsError, IndexError)
    (True, True)
    """


# ---------------------------------------------------------------------------
# Nested data <-> flat data
# ---------------------------------------------------------------------------


def flatten_nested(data: Any) -> Tuple[List[Number], Shape]:
    """Return the elements of nested lists in row-major order, and their shape.

    The walk goes one nesting level at a time instead of recursing, so a list nested
    5,000 deep is as fine as a flat one. Mixed element types are promoted as NumPy
    does (bool < int < float), so the result holds one kind of number.

    >>> flatten_nested([[1, 2.5], [3, 4]])
    ([1.0, 2.5, 3.0, 4.0], (2, 2))
    >>> flatten_nested(7)
    ([7], ())
    >>> flatten_nested([[], []])
    ([], (2, 0))
    >>> flatten_nested([[1, 2, 3], [4, 5]])
    Traceback (most recent call last):
    ...
    ValueError: ragged nested list at [1]: expected length 3, got 2

    Raises ``ValueError`` for ragged or mixed-depth nesting and ``TypeError`` for an
    element that is not an int, float or bool; both name the element's position.
    """
    if not isinstance(data, _SEQUENCE_TYPES):
        return promote_numbers([data], ()), ()
    shape: List[int] = []
    level: List[Any] = [data]
    while level and isinstance(level[0], _SEQUENCE_TYPES):
        length = len(level[0])
        for index, item in enumerate(level):
            if not isinstance(item, _SEQUENCE_TYPES):
                _raise_not_a_list(item, unravel(index, tuple(shape)), length)
            if len(item) != length:
                where = _format_position(unravel(index, tuple(shape)))
                raise ValueError(
                    f"ragged nested list at {where}: expected length {length}, got {len(item)}"
                )
        shape.append(length)
        level = list(chain.from_iterable(level))
    final_shape = tuple(shape)
    for index, item in enumerate(level):
        if isinstance(item, _SEQUENCE_TYPES):
            where = _format_position(unravel(index, final_shape))
            raise ValueError(
                f"mixed nesting depth at {where}: expected a number, got a {type(item).__name__}"
            )
    return promote_numbers(level, final_shape), final_shape


def nest(flat: Sequence[Number], shape: Shape) -> Any:
    """Return the nested lists of ``shape`` that hold ``flat`` in row-major order.

    The lists are built bottom-up (innermost axis first) without recursion, and they
    are always new lists: changing them never changes a tensor.

    >>> nest([1, 2, 3, 4, 5, 6], (2, 3))
    [[1, 2, 3], [4, 5, 6]]
    >>> nest([], (2, 0))
    [[], []]
    >>> nest([5], ())
    5
    """
    if not shape:
        return flat[0]
    if 0 in shape:
        # No elements: keep the axes in front of the first zero as empty lists.
        first_zero = shape.index(0)
        if first_zero == 0:
            return []
        outer = shape[:first_zero]
        items: List[Any] = [[] for _ in range(size_of(outer))]
    else:
        outer = shape
        items = list(flat)
    for length in reversed(outer[1:]):
        items = [items[start : start + length] for start in range(0, len(items), length)]
    return items


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

    >>> strides_of((2, 3, 4))
    (12, 4, 1)
    """
    strides = []
    step = 1
    for length in reversed(shape):
        strides.append(step)
        step *= length
    return tuple(reversed(strides))


def unravel(flat_index: int, shape: Shape) -> Shape:
    """Return the position ``(i, j, ...)`` of element ``flat_index`` in ``shape``.

    >>> unravel(5, (2, 3))
    (1, 2)
    """
    position = []
    for length in reversed(shape):
        flat_index, index = divmod(flat_index, length) if length else (flat_index, 0)
        position.append(index)
    return tuple(reversed(position))


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
    """
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
# Axes, reshape and gathering
# ---------------------------------------------------------------------------


def normalize_axis(axis: int, ndim: int) -> int:
    """Return ``axis`` as a non-negative axis number for a tensor of ``ndim`` axes.

    >>> normalize_axis(-1, 2)
    1
    >>> normalize_axis(2, 2)
    Traceback (most recent call last):
    ...
    zeronn._shape.OutOfBoundsError: axis 2 is out of bounds for array of dimension 2
    """
    if isinstance(axis, bool) or not isinstance(axis, int):
        raise TypeError(f"axis must be an int or None, not {type(axis).__name__}")
    if not -ndim <= axis < ndim:
        raise OutOfBoundsError(f"axis {axis} is out of bounds for array of dimension {ndim}")
    return axis % ndim


def resolve_reshape(size: int, shape: Sequence[Any]) -> Shape:
    """Return ``shape`` with its one ``-1`` filled in so that it holds ``size`` elements.

    >>> resolve_reshape(6, (3, -1))
    (3, 2)
    >>> resolve_reshape(6, (4,))
    Traceback (most recent call last):
    ...
    ValueError: cannot reshape array of size 6 into shape (4,)
    """
    for length in shape:
        if isinstance(length, bool) or not isinstance(length, int):
            raise TypeError(f"shape lengths must be ints, got {type(length).__name__} in {shape!r}")
    if list(shape).count(-1) > 1:
        raise ValueError("can only specify one unknown dimension")
    if any(length < -1 for length in shape):
        raise ValueError(f"negative dimensions are not allowed: {tuple(shape)!r}")
    known = size_of(tuple(length for length in shape if length != -1))
    if -1 in shape and known and size % known == 0:
        shape = tuple(size // known if length == -1 else length for length in shape)
    if -1 in shape or size_of(tuple(shape)) != size:
        raise ValueError(f"cannot reshape array of size {size} into shape {format_shape(tuple(shape))}")
    return tuple(shape)


def gather(flat: Sequence[Number], start: int, steps: Sequence[Tuple[int, int]]) -> List[Number]:
    """Return the elements at ``start + i*stride + j*stride2 + ...`` in row-major order.

    ``steps`` holds one ``(stride, count)`` pair per output axis. Indexing (``t[:, 1]``)
    and transposing both come down to this: new strides over the same flat data.

    >>> gather([0, 1, 2, 3, 4, 5], 0, [(1, 3), (3, 2)])  # the transpose of a (2, 3)
    [0, 3, 1, 4, 2, 5]
    """
    offsets = [start]
    for stride, count in steps:
        offsets = [offset + i * stride for offset in offsets for i in range(count)]
    return [flat[offset] for offset in offsets]


# ---------------------------------------------------------------------------
# Private helpers
# ---------------------------------------------------------------------------


def promote_numbers(flat: List[Any], shape: Shape) -> List[Number]:
    """Check that every element is a number and give them all one type (NumPy's rule).

    The order is bool < int < float; ``shape`` is only used to name the position of
    an element that is not a number. A list already of one type is returned as it is.

    >>> promote_numbers([True, 2, 3.5], (3,))
    [1.0, 2.0, 3.5]
    >>> promote_numbers([1, "2"], (2,))
    Traceback (most recent call last):
    ...
    TypeError: tensor elements must be int, float or bool; got str '2' at [1]
    """
    kinds = set(map(type, flat))
    if kinds <= {float} or kinds <= {int} or kinds <= {bool}:
        return flat
    for index, item in enumerate(flat):
        if isinstance(item, complex) or not isinstance(item, (int, float)):
            if not shape:
                raise TypeError(
                    "a tensor is made of a number or nested lists of numbers, "
                    f"not {type(item).__name__} {item!r}"
                )
            where = _format_position(unravel(index, shape))
            raise TypeError(
                f"tensor elements must be int, float or bool; got {type(item).__name__} "
                f"{item!r} at {where}"
            )
    # All numbers (possibly subclasses such as IntEnum): convert to the widest kind.
    if any(isinstance(item, float) for item in flat):
        return [float(item) for item in flat]
    if any(not isinstance(item, bool) for item in flat):
        return [int(item) for item in flat]
    return [bool(item) for item in flat]


def _raise_not_a_list(item: Any, position: Shape, length: int) -> None:
    """Explain an element found where a nested list of ``length`` was expected."""
    where = _format_position(position)
    if isinstance(item, _NUMBER_TYPES):
        raise ValueError(
            f"mixed nesting depth at {where}: expected a list of length {length}, got {item!r}"
        )
    raise TypeError(
        f"tensor elements must be int, float or bool; got {type(item).__name__} {item!r} at {where}"
    )


def _format_position(position: Shape) -> str:
    """``(1, 2)`` -> ``'[1, 2]'``, the way the element would be indexed."""
    return "[" + ", ".join(map(str, position)) + "]"
