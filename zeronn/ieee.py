"""NumPy's answer for one number, where Python's own operators raise or go astray.

NumPy computes in C, under the IEEE 754 rules for floating point: a result too large
is ``inf``, an undefined one is ``nan``, and nothing raises. Python's ``math`` module and
operators raise instead (``math.exp(1000)`` is an ``OverflowError``, ``1.0 / 0.0`` a
``ZeroDivisionError``), or answer with a complex number (``(-8.0) ** 0.5``). Each function
here takes one or two Python numbers and gives NumPy's answer:

- ``divide(a, b)``: ``a / b``; division by zero gives ``±inf``, ``0 / 0`` gives ``nan``;
- ``floor_divide(a, b)``, ``remainder(a, b)``: ``a // b`` and ``a % b``; by zero, floats
  give what division gives (and ``nan`` for the remainder), integers give 0;
- ``power(base, exponent)``: floats; overflow gives ``±inf``, a negative base to a
  fractional power ``nan``, ``0.0`` to a negative power ``inf``;
- ``integer_power(base, exponent, bits)``: integers, modulo ``2 ** bits`` as a
  ``bits``-wide C integer keeps them, and fast even for ``2 ** 10**9``;
- ``exp``, ``log``, ``sqrt``: ``exp(1000.0)`` is ``inf``, ``log(0.0)`` is ``-inf``,
  ``log(-1.0)`` and ``sqrt(-1.0)`` are ``nan``;
- ``maximum``, ``minimum``: a NaN on either side wins; between equal values (``0.0``
  and ``-0.0``) the second one is kept, as NumPy's SIMD loops keep it.

The kernels (``kernels.py``) run Python's fast operators over whole tensors and fall
back to these functions, element by element, only when an operator raises. That is why
each one is written for a single number: what it gives for an element cannot depend on
the element's neighbours.

>>> divide(1.0, 0.0), divide(-1.0, 0.0), divide(0.0, 0.0)
(inf, -inf, nan)
>>> exp(1000.0), log(0.0), power(-1e200, 2.5)
(inf, -inf, nan)
"""

from __future__ import annotations

__all__ = [
    "divide",
    "floor_divide",
    "remainder",
    "power",
    "integer_power",
    "exp",
    "log",
    "sqrt",
    "maximum",
    "minimum",
]

import math
from typing import Union

Number = Union[bool, int, float]


def divide(a: float, b: float) -> float:
    """``a / b`` with IEEE results for division by zero.

    >>> divide(3.0, 2.0), divide(1.0, -0.0), divide(float("nan"), 0.0)
    (1.5, -inf, nan)
    """
    try:
        return a / b
    except ZeroDivisionError:
        if a == 0 or a != a:  # 0/0 and nan/0 are undefined
            return math.nan
        infinity = math.copysign(math.inf, a)  # the sign of a, flipped when b is -0.0
        return infinity if math.copysign(1.0, b) == 1.0 else -infinity


def floor_divide(a: Number, b: Number) -> Number:
    """``a // b``; by zero as ``divide`` for floats, and 0 for integers (NumPy's answers).

    >>> floor_divide(-7.0, 2.0), floor_divide(1.0, 0.0), floor_divide(7, 0)
    (-4.0, inf, 0)
    """
    try:
        return a // b
    except ZeroDivisionError:
        return divide(a, b) if isinstance(a, float) or isinstance(b, float) else 0


def remainder(a: Number, b: Number) -> Number:
    """``a % b`` with the sign of ``b``; by zero, ``nan`` for floats and 0 for integers.

    >>> remainder(-7.0, 2.0), remainder(1.0, 0.0), remainder(7, 0)
    (1.0, nan, 0)
    """
    try:
        return a % b
    except ZeroDivisionError:
        return math.nan if isinstance(a, float) or isinstance(b, float) else 0


def power(base: float, exponent: float) -> float:
    """``base ** exponent`` for floats, as C's ``pow`` (and so NumPy) answers it.

    >>> power(2.0, 0.5), power(10.0, 400.0), power(-10.0, 401.0), power(-10.0, 400.0)
    (1.4142135623730951, inf, -inf, inf)
    >>> power(-8.0, 1 / 3), power(0.0, -1.0), power(-0.0, -1.0), power(-0.0, -2.0)
    (nan, inf, -inf, inf)
    """
    try:
        result = base**exponent
    except ZeroDivisionError:  # zero to a negative power
        return math.copysign(math.inf, base) if _is_odd_integer(exponent) else math.inf
    except OverflowError:
        if base < 0 and not float(exponent).is_integer():
            return math.nan  # a negative base to a fractional power has no real value
        return -math.inf if base < 0 and _is_odd_integer(exponent) else math.inf
    if isinstance(result, complex):  # Python's answer for a negative base, fractional power
        return math.nan
    return float(result)


def integer_power(base: int, exponent: int, bits: int) -> int:
    """``base ** exponent`` modulo ``2 ** bits``: the bits a ``bits``-wide integer keeps
    (``casting.wrap`` reads them as signed where the dtype is).

    Modular exponentiation keeps every step below ``2 ** bits``, so even ``2 ** 10**9``
    takes microseconds; Python's exact ``**`` would compute a 300-million-digit number.

    >>> integer_power(3, 4, 64), integer_power(2, 63, 64), integer_power(-3, 3, 8), integer_power(2, 10**9, 64)
    (81, 9223372036854775808, 229, 0)
    >>> integer_power(2, -1, 64)
    Traceback (most recent call last):
    ...
    ValueError: Integers to negative integer powers are not allowed.
    """
    if exponent < 0:
        raise ValueError("Integers to negative integer powers are not allowed.")
    return pow(base, exponent, 1 << bits)


def exp(x: float) -> float:
    """``e ** x``; overflow (``x`` above about 709.78) gives ``inf``.

    >>> exp(0.0), exp(-1000.0), exp(1000.0), exp(float("-inf"))
    (1.0, 0.0, inf, 0.0)
    """
    try:
        return math.exp(x)
    except OverflowError:
        return math.inf


def log(x: float) -> float:
    """The natural logarithm: ``-inf`` at zero, ``nan`` below it.

    >>> log(1.0), log(0.0), log(-0.0), log(-1.0), log(float("inf"))
    (0.0, -inf, -inf, nan, inf)
    """
    if x > 0:
        return math.log(x)
    if x == 0:
        return -math.inf
    return math.nan  # negative, -inf or nan


def sqrt(x: float) -> float:
    """The square root; ``nan`` for a negative number (``-0.0`` stays ``-0.0``).

    >>> sqrt(2.0), sqrt(-0.0), sqrt(-1.0)
    (1.4142135623730951, -0.0, nan)
    """
    return math.sqrt(x) if x >= 0 else math.nan


def maximum(a: Number, b: Number) -> Number:
    """The larger of ``a`` and ``b``: NaN on either side wins, a tie keeps ``b``.

    ``a != a`` holds only for NaN. Python's ``max(0.0, nan)`` is ``0.0`` but
    ``max(nan, 0.0)`` is ``nan``; this gives ``nan`` both ways.

    >>> maximum(0.0, float("nan")), maximum(float("nan"), 0.0), maximum(0.0, -0.0), maximum(-0.0, 0.0)
    (nan, nan, -0.0, 0.0)
    """
    return a if a > b or a != a else b


def minimum(a: Number, b: Number) -> Number:
    """The smaller of ``a`` and ``b``: NaN on either side wins, a tie keeps ``b``.

    >>> minimum(1.0, float("nan")), minimum(0.0, -0.0), minimum(-0.0, 0.0)
    (nan, -0.0, 0.0)
    """
    return a if a < b or a != a else b


def _is_odd_integer(value: float) -> bool:
    return float(value).is_integer() and int(value) % 2 == 1
