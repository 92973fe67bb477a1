"""Shape arithmetic on plain tuples: the part of a tensor library that needs no tensor.

Everything here works on Python lists and tuples, so it can be read and tested on its
own (the tensor module builds on it, never the other way round):

- ``flatten_nested(data)``: nested lists -> ``(flat list, shape)``, with the ragged,
  depth and type checks that give zeronn its error messages, and ``promote_numbers``,
  which gives the elements one type as NumPy would;
- ``nest(flat, shape)``: the inverse, ``(flat list, shape)`` -> nested lists;
- ``size_of``, ``strides_of``, ``unravel``: row-major bookkeeping; ``format_shape``
  prints a shape the way NumPy's messages do;
- ``is_contiguous``, ``reshape_strides``, ``offsets_of``: strides, the steps through a
  flat storage that make views possible (see ``core.py`` for a drawing);
- ``broadcast_shapes`` and ``broadcast_to``: NumPy's broadcasting rule, and the list
  repetition that carries it out;
- ``normalize_axis``, ``resolve_reshape``: axes, and ``-1`` in reshape.

>>> flatten_nested([[1, 2, 3], [4, 5, 6]])
([1, 2, 3, 4, 5, 6], (2, 3))
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
    "flatten_nested",
    "promote_numbers",
    "nest",
    "size_of",
    "strides_of",
    "unravel",
    "is_contiguous",
    "reshape_strides",
    "offsets_of",
    "format_shape",
    "broadcast_shapes",
    "broadcast_to",
    "normalize_axis",
    "resolve_reshape",
]

import math
from itertools import chain
from typing import Any, List, Optional, Sequence, Tuple, Union

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


class InvalidIndexError(TypeError, IndexError):
    """An index of a kind no tensor can be indexed with, such as a float or a string.

    A ``TypeError`` (the index has the wrong type) and also an ``IndexError``, which is
    what NumPy raises, so code written for either catches it.

    >>> issubclass(InvalidIndexError, TypeError), issubclass(InvalidIndexError, IndexError)
    (True, True)
    """


# ---------------------------------------------------------------------------
# Nested data <-> flat data
# ---------------------------------------------------------------------------


def flatten_nested(data: Any) -> Tuple[List[Number], Shape]:
    """Return the elements of nested lists in row-major order, and their shape.

    The walk goes one nesting level at a time instead of recursing, and stops past
    NumPy's limit of 64 axes, so a list nested 5,000 deep (or one that contains itself)
    is a clear error, not a ``RecursionError``. Mixed element types are promoted as
    NumPy does (bool < int < float), so the result holds one kind of number.

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

    Raises ``ValueError`` for ragged or mixed-depth nesting or more than 64 axes, and
    ``TypeError`` for an element that is not an int, float or bool; both name the
    element's position.
    """
    if not isinstance(data, _SEQUENCE_TYPES):
        return promote_numbers([data], ()), ()
    shape: List[int] = []
    level: List[Any] = [data]
    while level and isinstance(level[0], _SEQUENCE_TYPES):
        check_ndim(len(shape) + 1)
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

    A shape with no elements gets strides of 0, as NumPy 2 gives a new empty array.

    >>> strides_of((2, 3, 4)), strides_of((2, 0))
    ((12, 4, 1), (0, 0))
    """
    if 0 in shape:
        return (0,) * len(shape)
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


def reshape_strides(shape: Shape, strides: Shape, new_shape: Shape, same_shape_is_same: bool = True) -> Optional[Shape]:
    """The strides that read the elements of a (possibly strided) view in ``new_shape``,
    or ``None`` when no strides can and ``reshape`` must copy.

    NumPy's rule (``_attempt_nocopy_reshape``): the new axes are matched to groups of
    old axes with the same number of elements, and a group of old axes can become new
    axes only if it is contiguous within itself. A transpose can gain or lose axes of
    length 1 without a copy, but cannot be flattened. Asking for the same shape (spelled
    without ``-1``, as NumPy checks it) keeps the same strides.

    >>> reshape_strides((2, 3), (3, 1), (3, 2)), reshape_strides((3, 2), (1, 3), (6,))
    ((2, 1), None)
    >>> reshape_strides((3, 2), (1, 3), (3, 1, 2))   # x.T with an axis of length 1 added
    (1, 6, 3)
    """
    if same_shape_is_same and tuple(new_shape) == tuple(shape):
        return strides
    if size_of(shape) == 0 or is_contiguous(shape, strides):
        # Row-major strides over the same storage, an axis of length 0 counted as 1
        # (NumPy's _array_fill_strides: a view keeps real strides even when it is empty).
        filled, step = [], 1
        for length in reversed(new_shape):
            filled.append(step)
            step *= length or 1
        return tuple(reversed(filled))
    old = [(length, stride) for length, stride in zip(shape, strides) if length != 1]
    new_strides = [0] * len(new_shape)
    oi, oj, ni, nj = 0, 1, 0, 1
    while ni < len(new_shape) and oi < len(old):
        new_count, old_count = new_shape[ni], old[oi][0]
        while new_count != old_count:
            if new_count < old_count:
                new_count *= new_shape[nj]
                nj += 1
            else:
                old_count *= old[oj][0]
                oj += 1
        for ok in range(oi, oj - 1):  # the old axes of this group must be contiguous
            if old[ok][1] != old[ok + 1][0] * old[ok + 1][1]:
                return None
        new_strides[nj - 1] = old[oj - 1][1]
        for nk in range(nj - 1, ni, -1):
            new_strides[nk - 1] = new_strides[nk] * new_shape[nk]
        ni, nj, oi, oj = nj, nj + 1, oj, oj + 1
    last = new_strides[ni - 1] if ni >= 1 else 1
    for nk in range(ni, len(new_shape)):  # trailing axes of length 1
        new_strides[nk] = last
    return tuple(new_strides)


def is_f_contiguous(shape: Shape, strides: Shape) -> bool:
    """Whether ``strides`` walk ``shape`` column by column (NumPy's F-contiguous flag).

    >>> is_f_contiguous((3, 2), (1, 3)), is_f_contiguous((2, 3), (3, 1)), is_f_contiguous((1, 3), (7, 1))
    (True, False, True)
    """
    return is_contiguous(tuple(reversed(shape)), tuple(reversed(strides)))


def like_order(shape: Shape, strides: Shape) -> List[int]:
    """The axes, outermost first, of a new tensor laid out like one of ``strides``.

    NumPy's ``PyArray_NewLikeArray`` with ``order="K"`` (``astype``, ``np.copy``,
    ``np.array(x)``, ``zeros_like``): row-major if the tensor is C-contiguous,
    column-major if it is F-contiguous, else its axes by decreasing stride (ties keep
    their order).

    >>> like_order((2, 3), (3, 1)), like_order((2, 3), (1, 2)), like_order((2, 3, 4), (4, 1, 12))
    ([0, 1], [1, 0], [2, 0, 1])
    """
    if is_contiguous(shape, strides):
        return list(range(len(shape)))
    if is_f_contiguous(shape, strides):
        return list(reversed(range(len(shape))))
    return sorted(range(len(shape)), key=lambda axis: -abs(strides[axis]))


def memory_order(shape: Shape, operand_strides: Sequence[Shape], same_shapes: bool = True) -> List[int]:
    """The axes, outermost first, of the result of an elementwise operation, as NumPy lays it out.

    NumPy lays out the result in the memory order of its operands (``order="K"``), so
    that ``(x.T + 1)`` is laid out like ``x.T``. When every operand that is not a number
    has the result's shape and all are C- (or all F-) contiguous, that order is row-
    (or column-) major. Otherwise NumPy's iterator finds it by an insertion sort of the
    axes, innermost first, in which each operand votes by its strides (an axis of length
    1 or a broadcast one abstains) and, where operands disagree, row-major order wins
    (``npyiter_find_best_axis_ordering``). ``operand_strides`` are the operands' strides
    broadcast to ``shape``, with 0 where an operand has no such axis; ``same_shapes``
    says whether every operand has exactly ``shape`` (else no shortcut is taken).

    >>> memory_order((2, 3), [(3, 1)]), memory_order((3, 2), [(1, 3)])
    ([0, 1], [1, 0])
    >>> memory_order((3, 2), [(1, 3), (2, 1)])      # a transpose meets a row-major tensor
    [0, 1]
    """
    ndim = len(shape)
    if same_shapes and all(is_contiguous(shape, strides) for strides in operand_strides):
        return list(range(ndim))
    if same_shapes and all(is_f_contiguous(shape, strides) for strides in operand_strides):
        return list(reversed(range(ndim)))
    votes = [[0 if shape[axis] == 1 else strides[axis] for axis in range(ndim)] for strides in operand_strides]
    order = list(reversed(range(ndim)))  # innermost first, as NumPy's iterator keeps its axes
    for i0 in range(1, ndim):
        axis, position = order[i0], i0
        for i1 in range(i0 - 1, -1, -1):
            other, decided, swap = order[i1], False, False
            for strides in votes:
                if strides[axis] and strides[other]:
                    if abs(strides[other]) <= abs(strides[axis]):
                        swap = False  # a vote for row-major order always wins
                    elif not decided:
                        swap = True
                    decided = True
            if decided and not swap:
                break
            if decided:
                position = i1
        order[position + 1 : i0 + 1] = order[position:i0]
        order[position] = axis
    return order[::-1]


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
# Axes and reshape
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
    check_ndim(len(shape))
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
