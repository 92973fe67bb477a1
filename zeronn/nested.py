"""Nested Python lists in and out of a tensor: how data gets into zeronn and back.

Plain functions on lists and shapes; ``core.tensor`` builds the tensor from what they give.

- ``flatten_nested(data)``: nested lists -> ``(flat list, shape)``, with the ragged,
  depth and type checks that give zeronn its error messages, and ``promote_numbers``,
  which gives the elements one type as NumPy would, and ``python_dtype``, the dtype
  NumPy gives them;
- ``nest(flat, shape)``: the inverse, ``(flat list, shape)`` -> nested lists
  (``Tensor.tolist``).

>>> flatten_nested([[1, 2, 3], [4, 5, 6]])
([1, 2, 3, 4, 5, 6], (2, 3))
>>> nest([1, 2, 3, 4, 5, 6], (3, 2))
[[1, 2], [3, 4], [5, 6]]
"""

from __future__ import annotations

__all__ = ["flatten_nested", "promote_numbers", "python_dtype", "nest"]

from itertools import chain
from typing import Any, List, Optional, Sequence, Tuple

from . import dtypes
from ._shape import MAX_DIMS, Number, Shape, check_ndim, size_of, unravel
from .dtypes import DType, bool_, float64, int64

# The containers a nested literal may be made of. ``range`` is here so that
# ``tensor(range(5))`` works as ``np.array(range(5))`` does.
_SEQUENCE_TYPES = (list, tuple, range)
# The element types a tensor holds. ``bool`` is a subclass of ``int`` and listed for
# clarity; the order is NumPy's promotion order: bool < int < float.
_NUMBER_TYPES = (bool, int, float)


def flatten_nested(data: Any) -> Tuple[List[Number], Shape]:
    """Return the elements of nested lists in row-major order, and their shape.

    The walk goes one nesting level at a time instead of recursing: ``level`` is every
    list at one depth, and the next level is their items, chained. It stops past NumPy's
    limit of 64 axes, so a list nested 5,000 deep (or one that contains itself) is a
    clear error, not a ``RecursionError``. Mixed element types are promoted as NumPy
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

    Raises ``ValueError`` for ragged or mixed-depth nesting or more than 64 axes, and
    ``TypeError`` for an element that is not an int, float or bool; both name the
    element's position.
    """
    if not isinstance(data, _SEQUENCE_TYPES):
        return promote_numbers([data], ()), ()
    shape: List[int] = []
    level: List[Any] = [data]
    while level and isinstance(level[0], _SEQUENCE_TYPES):
        length = len(level[0])
        if len(shape) == MAX_DIMS or not all(type(item) in _SEQUENCE_TYPES and len(item) == length for item in level):
            _raise_irregular(level, tuple(shape), length)  # (a subclass of list is checked there too)
        shape.append(length)
        if len(level) * length > _SURELY_FITS:  # a range, or one row repeated, may hold more than memory
            dtypes.check_fits(shape, float64, f"nested data of shape {tuple(shape)}")
        level = list(chain.from_iterable(level))
    if any(isinstance(item, _SEQUENCE_TYPES) for item in level):
        _raise_irregular(level, tuple(shape), None)
    return promote_numbers(level, tuple(shape)), tuple(shape)


# Fewer elements than this take less than 64 MB as a list: no need to ask the machine.
_SURELY_FITS = 1 << 23


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
    if kinds <= {float} or kinds <= {int} or kinds <= {bool}:  # the usual case: one kind already
        return flat
    return _promoted(flat, shape)


def _promoted(flat: List[Any], shape: Shape) -> List[Number]:
    """``promote_numbers`` of elements of several types (or subclasses, such as ``IntEnum``)."""
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
    if any(isinstance(getattr(type(item), "dtype", None), DType) for item in flat):
        return _from_scalars(flat)
    # All numbers (possibly subclasses such as IntEnum): convert to the widest kind.
    if any(isinstance(item, float) for item in flat):
        try:
            return [float(item) for item in flat]
        except OverflowError:  # an int beyond float64's range, beside a float: say which, and where
            index, item = next((i, v) for i, v in enumerate(flat) if isinstance(v, int) and abs(v) >= _FLOAT_LIMIT)
            where = _format_position(unravel(index, shape))
            raise dtypes.IntegerOutOfBoundsError(
                f"Python integer {dtypes.describe_int(item)} at {where} is too large for float64"
            ) from None
    return [int(item) for item in flat]  # ints, with bools or int subclasses among them (all bools returned above)


class Typed(List[Number]):
    """Numbers that came as NumPy's scalars (``np.float32(1)``, see ``scalars.py``), as
    plain Python numbers, with the dtype NumPy gives the lot (``python_dtype`` reads it)."""

    dtype: DType


def _from_scalars(flat: List[Any]) -> Typed:
    """Elements among which are NumPy's scalars: the dtype NumPy's ``array`` gives them (their
    own dtypes and the Python numbers' promoted, ``[np.float32(1), np.float32(2)]`` is float32,
    ``[np.int8(1), 2]`` int64), and the elements as that dtype's Python numbers."""
    found = [getattr(type(item), "dtype", None) for item in flat]
    kinds = [each if isinstance(each, DType) else python_dtype([item]) for each, item in zip(found, flat)]
    common = kinds[0]
    for kind in kinds[1:]:
        common = dtypes.promote_types(common, kind)
    typed = Typed(common.type(item) for item in flat)
    typed.dtype = common
    return typed


def python_dtype(flat: List[Number]) -> DType:
    """The dtype NumPy gives Python numbers (already of one type): bool, int64, float64
    (and for NumPy's scalars among them, what they say: see ``Typed``).

    NumPy gives each int the first of int64 and uint64 that holds it, and promotes
    those: ints all in [2**63, 2**64) are ``uint64``, and int64s beside them make
    float64 (``[-1, 2**63]`` is float64). An int beyond both needs NumPy's Python
    objects, which zeronn does not have.
    """
    if isinstance(flat, Typed):  # NumPy's scalars among the elements: their dtypes decided
        return flat.dtype
    kind = type(flat[0]) if flat else float  # (no elements: NumPy's default, float64)
    if kind is not int:
        return bool_ if kind is bool else float64
    return _int_dtype(flat)


def _int_dtype(flat: List[Number]) -> DType:
    """``python_dtype`` of Python ints: int64, or uint64, or float64 (see there)."""
    low, high = min(flat), max(flat)
    if int64.min <= low and high <= int64.max:
        return int64
    if int64.min <= low and high <= dtypes.uint64.max:
        return dtypes.uint64 if low > int64.max else float64
    far = low if low < int64.min else high
    raise dtypes.IntegerOutOfBoundsError(
        f"Python integer {dtypes.describe_int(int(far))} is too large for any of zeronn's dtypes "
        "(NumPy would make an object array)"
    )


# The smallest int that float() refuses: halfway between the largest double and 2**1024,
# where rounding to even goes up to 2**1024, which a double cannot hold.
_FLOAT_LIMIT = 2**1024 - 2**970


def _raise_irregular(level: List[Any], shape: Shape, length: Optional[int]) -> None:
    """Explain what is wrong with ``level``, the items at one depth of nested data of
    ``shape`` so far, where each should be a list of ``length`` (or, for ``None``, a number)."""
    check_ndim(len(shape) + 1)
    for index, item in enumerate(level):
        where = _format_position(unravel(index, shape))
        if length is None and isinstance(item, _SEQUENCE_TYPES):
            raise ValueError(f"mixed nesting depth at {where}: expected a number, got a {type(item).__name__}")
        if length is not None and not isinstance(item, _SEQUENCE_TYPES):
            _raise_not_a_list(item, unravel(index, shape), length)
        if length is not None and len(item) != length:
            raise ValueError(f"ragged nested list at {where}: expected length {length}, got {len(item)}")


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
