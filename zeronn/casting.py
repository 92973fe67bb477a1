"""Casting: numbers converted from one dtype to another, as NumPy converts them.

- ``cast_values(values, from_, to)``: a tensor's elements converted (``astype``, and
  assigning a tensor into one of another dtype): floats to integers truncate toward
  zero, integers wrap around, anything nonzero is ``True``;
- ``cast_python(values, to)`` and ``cast_scalar(value, to)``: Python numbers converted
  (``tensor(data, dtype)``, ``t[k] = 3``, ``np.float32(0.1)``), which must fit the dtype;
- ``wrap(values, to)``: integers brought into a narrower integer's range, as C wraps them;
- ``round_float32(value)`` and ``round_float16(value)``: the nearest float32 (float16), as
  a Python float.

What NumPy leaves to C, and C to chance (NaN, infinity or a too-large float to an
integer), zeronn refuses with a ``ValueError`` that names the value and its position.

>>> from .dtypes import int32, int64, uint8
>>> cast_values([-1.7, 2.9, 300.0], float64, int64), wrap([300], uint8)
([-1, 2, 300], [44])
"""

from __future__ import annotations

__all__ = [
    "cast_values", "cast_scalar", "cast_python", "to_float", "wrap", "round_float32", "round_float16", "rounder",
]

import math
from array import array
from typing import Any, Callable, List, Optional, Sequence

from .dtypes import (
    DType,
    IntegerOutOfBoundsError,
    Number,
    Storage,
    bool_,
    describe_int,
    float16,
    float32,
    float64,
    round_float16_all,
)


def cast_values(values: Sequence[Any], from_: DType, to: DType, where: Optional[Any] = None) -> Storage:
    """``values`` of dtype ``from_`` converted to ``to``, in a new container of ``to``.

    This is NumPy's "unsafe" cast of ``astype`` and of assignment into a tensor: floats
    to integers truncate toward zero, integers wrap around to fit a narrower integer,
    anything nonzero is ``True``. Where NumPy leaves the answer to C (NaN or infinity to
    an integer, a float beyond the integer's range) zeronn raises ``ValueError`` naming
    the value; ``where(index)`` names its position, if given.

    >>> from .dtypes import int32, int64, uint8
    >>> cast_values([-1.7, 2.9], float64, int64), cast_values([300, -1], int64, uint8)
    ([-1, 2], array('B', [44, 255]))
    >>> cast_values([float("nan")], float64, int32)
    Traceback (most recent call last):
    ...
    ValueError: cannot convert nan to int32
    """
    if to.kind == "b":
        return to.storage(map(bool, values))
    if to.kind == "f":
        if from_.kind == "f" or (to is float32 and from_.kind in "iu" and from_.itemsize < 8):
            return to.storage(values)  # array('f') rounds each value to float32 as it stores it
        wide_int = to is float32 and from_.itemsize == 8
        return to.storage(map(_int_to_float32 if wide_int else float, values))
    if from_.kind == "f":
        try:
            integers: List[int] = list(map(int, values))  # int() truncates toward zero
        except (ValueError, OverflowError):  # int() of nan or an infinity: say which and where
            index, value = next((i, v) for i, v in enumerate(values) if not math.isfinite(v))
            raise ValueError(f"cannot convert {value!r}{_at(where, index)} to {to.name}") from None
        for index, value in enumerate(integers):
            if not to.min <= value <= to.max:
                raise ValueError(f"cannot convert {values[index]!r}{_at(where, index)} to {to.name}: out of range")
        return to.storage(integers)
    return to.storage(wrap(list(map(int, values)) if from_ is bool_ else list(values), to))


def cast_scalar(value: Number, to: DType) -> Number:
    """One Python number as an element of ``to``: ``cast_python([value], to)[0]``.

    >>> from .dtypes import int32, int64, uint8
    >>> cast_scalar(1.9, uint8), cast_scalar(0.1, float32), cast_scalar(3, float64)
    (1, 0.10000000149011612, 3.0)
    """
    element: Number = cast_python([value], to)[0]
    return element


def cast_python(values: Sequence[Number], to: DType, where: Optional[Any] = None) -> Storage:
    """Python numbers converted to ``to``, as NumPy converts them one by one.

    This is what ``np.array(data, dtype=...)`` and assigning Python numbers do, and it
    differs from casting a tensor in one way: a Python int must fit an integer dtype
    (NumPy raises ``OverflowError``, zeronn ``IntegerOutOfBoundsError``) instead of
    wrapping around. Floats are truncated toward zero and must fit too.

    >>> from .dtypes import int32, int64, uint8
    >>> cast_python([True, 2, 3.7], int64), cast_python([1, 2], float32)
    ([1, 2, 3], array('f', [1.0, 2.0]))
    >>> cast_python([255, 256], uint8, where=lambda index: [index])  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ...
    IntegerOutOfBoundsError: Python integer 256 out of bounds for uint8 (at [1])
    """
    if to.kind == "b":
        return to.storage(map(bool, values))
    if to.kind == "f":
        return to.storage(map(to_float, values))
    for index, value in enumerate(values):
        if isinstance(value, int) and not to.min <= value <= to.max:
            place = f" (at {where(index)})" if where is not None else ""
            raise IntegerOutOfBoundsError(f"Python integer {describe_int(value)} out of bounds for {to.name}{place}")
    if all(isinstance(value, int) for value in values):
        return to.storage(map(int, values))
    return cast_values(list(map(to_float, values)), float64, to, where)


def to_float(value: Number) -> float:
    """``float(value)``, or for an int beyond float64's range an ``IntegerOutOfBoundsError``
    (a ``ValueError`` and an ``OverflowError``, as NumPy's) that names it briefly.

    >>> to_float(3)
    3.0
    >>> to_float(2**2000)  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ...
    IntegerOutOfBoundsError: Python integer 2**2000 or so (an int of 2001 bits) is too large for float64
    """
    try:
        return float(value)
    except OverflowError:
        raise IntegerOutOfBoundsError(f"Python integer {describe_int(int(value))} is too large for float64") from None


def wrap(values: List[int], to: DType) -> List[int]:
    """Integers brought into ``to``'s range modulo 2**bits, as C and NumPy do.

    The common case, every value already in range, costs two C-speed passes.

    >>> from .dtypes import int32, int64, uint8
    >>> wrap([2**63, -1], int64), wrap([256, -1], uint8)
    ([-9223372036854775808, -1], [0, 255])
    """
    if not values or (to.min <= min(values) and max(values) <= to.max):
        return values
    modulus = 1 << (8 * to.itemsize)
    wrapped = [value % modulus for value in values]  # as unsigned: 0 .. modulus - 1
    if to.kind == "u":
        return wrapped
    half = modulus >> 1  # as signed, the upper half stands for the negatives
    return [value - modulus if value >= half else value for value in wrapped]


def round_float32(value: float) -> float:
    """The float32 nearest to ``value`` (``inf`` beyond float32's range), as a Python float.

    >>> round_float32(0.1), round_float32(1e39)
    (0.10000000149011612, inf)
    """
    return array("f", (value,))[0]


def round_float16(value: float) -> float:
    """The float16 nearest to ``value`` (``inf`` beyond float16's 65504), as a Python float,
    rounded through float32 as NumPy's float16 arithmetic rounds (``dtypes.round_float16_all``).

    >>> round_float16(0.1), round_float16(2049.0), round_float16(1e5)
    (0.0999755859375, 2048.0, inf)
    """
    return round_float16_all((value,))[0]


def rounder(to: DType) -> Optional[Callable[[float], float]]:
    """The function that rounds a float64 result to an element of the float dtype ``to``
    (``round_float32``, ``round_float16``), or ``None`` for float64, which needs none.

    >>> rounder(float32) is round_float32, rounder(float64)
    (True, None)
    """
    return round_float32 if to is float32 else round_float16 if to is float16 else None


def _int_to_float32(value: int) -> float:
    """An int rounded once, straight to float32 (not via float64, which would round twice)."""
    if abs(value) < 1 << 53:
        return float(value)  # exact in a double: the one rounding happens on storing
    bits = abs(value).bit_length() - 24  # keep float32's 24 significant bits
    kept, rest = divmod(abs(value), 1 << bits)
    half = 1 << (bits - 1)
    if rest > half or (rest == half and kept % 2):  # round half to even
        kept += 1
    return math.copysign(float(kept << bits), value)


def _at(where: Optional[Any], index: int) -> str:
    return f" at {where(index)}" if where is not None else ""
