"""Where the elements of a view or a new tensor lie in memory: NumPy's layout rules.

A view reads its storage through strides (see ``core.py``); these functions decide
which strides. They matter wherever NumPy's answer depends on memory order, which a
program can see through ``.strides``, ``.flags`` and the views it takes afterwards:

- ``reshape_strides``: whether a reshape can be a view, and its strides if so;
- ``resolve_reshape``: the ``-1`` of ``reshape(3, -1)`` filled in;
- ``like_order``: how ``astype``, ``np.copy`` and ``*_like`` lay out their copy;
- ``memory_order``: how an elementwise result is laid out (``x.T + 1`` like ``x.T``);
- ``innermost_run``: the run of elements at one step that NumPy's loops read at a time;
- ``order_letter``: an ``order=`` argument read as NumPy reads it (``"f"`` is ``"F"``).

>>> reshape_strides((2, 3), (3, 1), (3, 2))       # a contiguous tensor reshapes as a view
(2, 1)
>>> reshape_strides((3, 2), (1, 3), (6,)) is None  # a transpose cannot be flattened without a copy
True
"""

from __future__ import annotations

__all__ = [
    "reshape_strides", "resolve_reshape", "is_f_contiguous", "like_order", "memory_order", "innermost_run",
    "order_letter",
]

import math
from typing import Any, List, Optional, Sequence, Tuple

from ._shape import MAX_DIMS, Shape, check_ndim, format_shape, is_contiguous, size_of


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
    while oi < len(old):  # the sizes agree: the new axes run out when the old ones do
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
    last = new_strides[ni - 1]  # (the loop ran: a tensor that is not contiguous has an axis longer than 1)
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


def innermost_run(shape: Shape, strides: Shape) -> Tuple[int, int]:
    """The length and the step of the runs the elements at ``strides`` (axes outermost
    first) fall into: the innermost axes that continue each other (an axis whose stride is
    the next one's times its length), joined as NumPy's iterator joins them. One run of
    every element is a tensor a loop reads at once, at any step (``x[::-2]``, ``x.T.T``).

    >>> innermost_run((2, 3), (3, 1)), innermost_run((2, 3), (6, 2)), innermost_run((4, 5), (10, 1))
    ((6, 1), (6, 2), (5, 1))
    """
    length, step = 1, 1
    for axis in reversed(range(len(shape))):
        if shape[axis] == 1:
            continue  # (an axis of length 1 continues anything)
        if length == 1:
            step = strides[axis]
        elif strides[axis] != step * length:
            break
        length *= shape[axis]
    return length, step


def resolve_reshape(size: int, shape: Sequence[Any]) -> Shape:
    """Return ``shape`` with its one ``-1`` filled in so that it holds ``size`` elements.

    >>> resolve_reshape(6, (3, -1)), resolve_reshape(6, [1, 6])
    ((3, 2), (1, 6))
    >>> resolve_reshape(6, (4,))
    Traceback (most recent call last):
    ...
    ValueError: cannot reshape array of size 6 into shape (4,)
    """
    lengths = tuple(shape)
    if len(lengths) <= MAX_DIMS and all(type(length) is int and length >= -1 for length in lengths):  # the usual shape
        if -1 not in lengths and math.prod(lengths) == size:
            return lengths
        known = math.prod(length for length in lengths if length != -1)
        if lengths.count(-1) == 1 and known and size % known == 0:  # the one -1: what the other lengths leave
            return tuple(size // known if length == -1 else length for length in lengths)
    return _resolve_reshape_any(size, lengths)


def _resolve_reshape_any(size: int, shape: Tuple[Any, ...]) -> Shape:
    """``resolve_reshape`` in every case: lengths of any int type, and NumPy's errors, in its order.

    >>> _resolve_reshape_any(6, (-1, -1))
    Traceback (most recent call last):
    ...
    ValueError: can only specify one unknown dimension
    """
    for length in shape:
        if isinstance(length, bool) or not isinstance(length, int):
            raise TypeError(f"shape lengths must be ints, got {type(length).__name__} in {shape!r}")
    check_ndim(len(shape))
    if list(shape).count(-1) > 1:
        raise ValueError("can only specify one unknown dimension")
    if any(length < -1 for length in shape):
        raise ValueError(f"negative dimensions are not allowed: {tuple(shape)!r}")
    known = math.prod(length for length in shape if length != -1)
    if -1 in shape and known and size % known == 0:
        shape = tuple(size // known if length == -1 else length for length in shape)
    if -1 in shape or math.prod(shape) != size:
        raise ValueError(f"cannot reshape array of size {size} into shape {format_shape(tuple(shape))}")
    return tuple(map(int, shape))  # np.int64(6) is a length like 6, and the shape holds 6


def order_letter(order: Any, default: str = "C") -> str:
    """An ``order=`` argument as one capital letter, read as NumPy reads it: ``"C"``,
    ``"F"``, ``"A"`` or ``"K"`` in either case (``flatten("f")`` is ``flatten("F")``), bytes
    too, and ``None`` for the function's ``default``. Which letters a function accepts is
    its own check, made after this one.

    >>> order_letter("f"), order_letter(b"k"), order_letter(None, "K")
    ('F', 'K', 'K')
    >>> order_letter("ff")
    Traceback (most recent call last):
    ...
    ValueError: order must be one of 'C', 'F', 'A', or 'K' (got 'ff')
    """
    if order is None:
        return default
    if isinstance(order, bytes):
        order = order.decode("latin-1")
    if not isinstance(order, str):
        raise TypeError(f"order must be str, not {type(order).__name__}")
    if len(order) == 1 and order.upper() in "CFAK":
        return order.upper()
    raise ValueError(f"order must be one of 'C', 'F', 'A', or 'K' (got {order!r})")
