"""NumPy's answer for one number, where Python's own operators raise or go astray.

NumPy computes in C, under the IEEE 754 rules for floating point: a result too large
is ``inf``, an undefined one is ``nan``, and nothing raises. Python's ``math`` module and
operators raise instead (``math.exp(1000)`` is an ``OverflowError``, ``1.0 / 0.0`` a
``ZeroDivisionError``, ``math.sin(inf)`` a ``ValueError``), or answer with a complex
number (``(-8.0) ** 0.5``). Each function here takes one or two Python numbers and
gives NumPy's answer (what NumPy *also* reports, its ``divide``/``over``/``invalid``
flags, is ``loops.py``'s and ``float_errors.py``'s business):

- division: ``divide(a, b)`` (``a / b``: by zero ``±inf``, ``0 / 0`` ``nan``),
  ``floor_divide``, ``remainder`` (``a // b``, ``a % b``; by zero, floats give what
  division gives and ``nan``, integers 0), ``fmod`` and ``integer_fmod`` (C's remainder,
  with the sign of ``a``), ``float32_divmod`` (NumPy's float32 ``//`` and ``%``, rounded
  as float32 arithmetic rounds each step), ``integer_reciprocal``;
- powers: ``power(base, exponent)`` (floats: overflow ``±inf``, a negative base to a
  fractional power ``nan``, ``0.0`` to a negative power ``inf``), ``integer_power(base,
  exponent, bits)`` (modulo ``2 ** bits``, fast even for ``2 ** 10**9``), ``sqrt``, ``cbrt``;
- exponentials and logarithms: ``exp``, ``exp2``, ``expm1`` (``inf`` on overflow), ``log``,
  ``log2``, ``log10``, ``log1p`` (``-inf`` at the pole, ``nan`` below it), ``logaddexp``,
  ``logaddexp2``;
- trigonometry: ``sin``, ``cos``, ``tan`` (``nan`` at infinity), ``arcsin``, ``arccos``,
  ``arccosh``, ``arctanh`` (``nan`` outside their domain, ``arctanh(±1)`` is ``±inf``),
  ``sinh``, ``cosh`` (``±inf`` on overflow);
- rounding to whole numbers: ``floor``, ``ceil``, ``trunc``, ``rint`` (``-0.0`` kept, as in
  ``ceil(-0.5)``; infinities and NaN pass through);
- signs and comparisons: ``sign``, ``signbit``, ``heaviside``, ``maximum``, ``minimum`` (a
  NaN on either side wins; of ``0.0`` and ``-0.0`` the second is kept, as NumPy's SIMD
  loops keep it), ``fmax``, ``fmin`` (a NaN loses; a tie keeps the first),
  ``float32_nextafter``, ``float16_nextafter``;
- bits: ``left_shift(a, b, bits)``, ``right_shift(a, b, bits)``: C's shifts as NumPy
  defines them for any count, negative or past the width.

The kernels (``kernels.py``) run Python's fast operators over whole tensors and fall
back to these functions, element by element, only when an operator raises. That is why
each one is written for a single number: what it gives for an element cannot depend on
the element's neighbours.

>>> divide(1.0, 0.0), divide(-1.0, 0.0), divide(0.0, 0.0)
(inf, -inf, nan)
>>> exp(1000.0), log(0.0), power(-1e200, 2.5), sin(math.inf), ceil(-0.5)
(inf, -inf, nan, nan, -0.0)
"""

from __future__ import annotations

__all__ = [
    "divide",
    "floor_divide",
    "remainder",
    "fmod",
    "integer_fmod",
    "float32_divmod",
    "integer_reciprocal",
    "power",
    "integer_power",
    "sqrt",
    "cbrt",
    "exp",
    "exp2",
    "expm1",
    "log",
    "log2",
    "log10",
    "log1p",
    "logaddexp",
    "logaddexp2",
    "sin",
    "cos",
    "tan",
    "arcsin",
    "arccos",
    "sinh",
    "cosh",
    "arccosh",
    "arctanh",
    "floor",
    "ceil",
    "trunc",
    "rint",
    "sign",
    "signbit",
    "heaviside",
    "maximum",
    "minimum",
    "fmax",
    "fmin",
    "float32_nextafter",
    "float16_nextafter",
    "left_shift",
    "right_shift",
]

import math
import struct
from typing import Tuple, Union

from .casting import round_float32

Number = Union[bool, int, float]
_LOG2E = 1.4426950408889634  # log2(e), which NumPy multiplies by where log2 would divide by log(2)

# ---------------------------------------------------------------------------
# Division
# ---------------------------------------------------------------------------


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


def fmod(a: float, b: float) -> float:
    """C's ``fmod``: the remainder of ``a / b`` truncated toward zero, with the sign of ``a``
    (``np.fmod``); ``nan`` when ``a`` is infinite or ``b`` is zero.

    >>> fmod(-7.0, 2.0), fmod(7.0, -2.0), fmod(1.0, math.inf), fmod(math.inf, 1.0), fmod(1.0, 0.0)
    (-1.0, 1.0, 1.0, nan, nan)
    """
    try:
        return math.fmod(a, b)
    except ValueError:  # math.fmod refuses an infinite a and a zero b
        return math.nan


def integer_fmod(a: int, b: int) -> int:
    """``np.fmod`` of integers: the remainder with the sign of ``a`` (C's ``%``), 0 by zero.

    >>> integer_fmod(-7, 2), integer_fmod(7, -2), integer_fmod(7, 0)
    (-1, 1, 0)
    """
    if b == 0:
        return 0
    remainder = abs(a) % abs(b)
    return -remainder if a < 0 else remainder


def float32_divmod(a: float, b: float) -> Tuple[float, float]:
    """NumPy's float32 ``(a // b, a % b)``: its ``npy_divmodf``, every step rounded to float32.

    Python's float ``//`` and ``%`` are the same algorithm in float64 (CPython took it
    from NumPy), so for float64 they are NumPy's answers already. In float32, NumPy
    rounds after each step, and doing the steps in float64 and rounding once at the end
    gives another quotient in about a quarter of random cases. ``fmod`` is exact in any
    precision; each ``+ - /`` is rounded as float32 arithmetic rounds it (a double holds
    more than twice float32's digits, so rounding the double's answer is float32's own).

    >>> float32_divmod(7.300000190734863, 0.10000000149011612)     # float32(7.3), float32(0.1)
    (73.0, 8.195638656616211e-08)
    >>> float32_divmod(1.0, 0.0), float32_divmod(-0.0, 3.0)
    ((inf, nan), (-0.0, 0.0))
    """
    r32 = round_float32
    mod = fmod(a, b)
    if not b:
        return divide(a, b), mod  # by zero: fmod gives nan, and the quotient is a / b
    div = r32(r32(a - mod) / b)  # a - mod is very nearly a whole multiple of b
    if mod:
        if (b < 0) != (mod < 0):  # Python's (and NumPy's) remainder takes the sign of b
            mod = r32(mod + b)
            div = r32(div - 1.0)
    else:
        mod = math.copysign(0.0, b)
    if div:
        floor_div = float(math.floor(div)) if math.isfinite(div) else div
        if r32(div - floor_div) > 0.5:  # snap to the nearest whole number
            floor_div = r32(floor_div + 1.0)
    else:
        floor_div = math.copysign(0.0, divide(a, b))
    return floor_div, mod


def integer_reciprocal(x: int) -> int:
    """``np.reciprocal`` of an integer: ``1 / x`` truncated toward zero, so 0 for all but
    ``1`` and ``-1``. For 0 NumPy leaves the answer to C (a machine's garbage, which
    differs by dtype and platform), and zeronn refuses.

    >>> integer_reciprocal(1), integer_reciprocal(-1), integer_reciprocal(2), integer_reciprocal(-3)
    (1, -1, 0, 0)
    >>> integer_reciprocal(0)
    Traceback (most recent call last):
    ...
    ValueError: reciprocal of the integer 0 has no value: NumPy leaves it to C; use floats
    """
    if x == 0:
        raise ValueError("reciprocal of the integer 0 has no value: NumPy leaves it to C; use floats")
    return 1 // x if x in (1, -1) else 0


# ---------------------------------------------------------------------------
# Powers and roots
# ---------------------------------------------------------------------------


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


def sqrt(x: float) -> float:
    """The square root; ``nan`` for a negative number (``-0.0`` stays ``-0.0``).

    >>> sqrt(2.0), sqrt(-0.0), sqrt(-1.0)
    (1.4142135623730951, -0.0, nan)
    """
    return math.sqrt(x) if x >= 0 else math.nan


def cbrt(x: float) -> float:
    """The real cube root, negative for a negative number (``np.cbrt``).

    ``x`` is split as ``m * 2**(3k)`` (exactly, with ``frexp``) so that ``m`` lies between
    0.125 and 1, whose cube root ``m ** (1/3)`` one step of Newton's method corrects;
    times ``2**k``, exactly again. Within one unit in the last place of NumPy's answer,
    and exact for the cube of a whole number. (Python 3.11's ``math.cbrt`` is the C
    library's, which gives ``3.0000000000000004`` for 27.)

    >>> cbrt(27.0), cbrt(-8.0), cbrt(-0.0), cbrt(math.inf), cbrt(2.0), cbrt(1e-300)
    (3.0, -2.0, -0.0, inf, 1.2599210498948732, 1e-100)
    """
    if x == 0 or not math.isfinite(x):
        return x
    mantissa, exponent = math.frexp(abs(x))  # abs(x) == mantissa * 2**exponent, 0.5 <= mantissa < 1
    shift = exponent % 3  # so that exponent - shift is a multiple of 3
    m = math.ldexp(mantissa, shift - 3)  # between 0.0625 and 0.5: abs(x) == m * 2**(exponent - shift + 3)
    root = m ** (1 / 3)
    root -= (root * root * root - m) / (3 * root * root)
    return math.copysign(math.ldexp(root, (exponent - shift + 3) // 3), x)


# ---------------------------------------------------------------------------
# Exponentials and logarithms
# ---------------------------------------------------------------------------


def exp(x: float) -> float:
    """``e ** x``; overflow (``x`` above about 709.78) gives ``inf``.

    >>> exp(0.0), exp(-1000.0), exp(1000.0), exp(float("-inf"))
    (1.0, 0.0, inf, 0.0)
    """
    try:
        return math.exp(x)
    except OverflowError:
        return math.inf


def exp2(x: float) -> float:
    """``2 ** x``; ``inf`` past 1024, ``0.0`` far below zero.

    >>> exp2(10.0), exp2(0.5), exp2(1024.0), exp2(-1080.0), exp2(-math.inf)
    (1024.0, 1.4142135623730951, inf, 0.0, 0.0)
    """
    try:
        return math.pow(2.0, x)
    except OverflowError:
        return math.inf


def expm1(x: float) -> float:
    """``e ** x - 1``, accurate near zero; ``inf`` on overflow.

    >>> expm1(1e-10), expm1(1000.0), expm1(-math.inf)
    (1.00000000005e-10, inf, -1.0)
    """
    try:
        return math.expm1(x)
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


def log2(x: float) -> float:
    """The base-2 logarithm: ``-inf`` at zero, ``nan`` below it.

    >>> log2(8.0), log2(0.0), log2(-1.0)
    (3.0, -inf, nan)
    """
    return math.log2(x) if x > 0 else log(x)  # (log's answers at and below zero are the same)


def log10(x: float) -> float:
    """The base-10 logarithm: ``-inf`` at zero, ``nan`` below it.

    >>> log10(1000.0), log10(-0.0), log10(-math.inf)
    (3.0, -inf, nan)
    """
    return math.log10(x) if x > 0 else log(x)


def log1p(x: float) -> float:
    """``log(1 + x)``, accurate near zero: ``-inf`` at ``-1``, ``nan`` below it.

    >>> log1p(1e-10), log1p(-1.0), log1p(-2.0), log1p(math.inf)
    (9.999999999500001e-11, -inf, nan, inf)
    """
    if x > -1:
        return math.log1p(x)
    return -math.inf if x == -1 else math.nan


def logaddexp(x: float, y: float) -> float:
    """``log(exp(x) + exp(y))`` without overflow: NumPy's ``npy_logaddexp``.

    >>> logaddexp(1000.0, 1000.0), logaddexp(-math.inf, 2.0), logaddexp(math.inf, math.inf)
    (1000.6931471805599, 2.0, inf)
    """
    if x == y:  # infinities of one sign, without inf - inf
        return x + math.log(2.0)
    difference = x - y
    if difference > 0:
        return x + math.log1p(exp(-difference))
    if difference <= 0:
        return y + math.log1p(exp(difference))
    return difference  # a NaN


def logaddexp2(x: float, y: float) -> float:
    """``log2(2**x + 2**y)`` without overflow: NumPy's ``npy_logaddexp2``.

    >>> logaddexp2(1.0, 1.0), logaddexp2(-math.inf, 3.0), logaddexp2(0.0, 1.0)
    (2.0, 3.0, 1.584962500721156)
    """
    if x == y:
        return x + 1.0
    difference = x - y
    if difference > 0:
        return x + math.log1p(exp2(-difference)) * _LOG2E
    if difference <= 0:
        return y + math.log1p(exp2(difference)) * _LOG2E
    return difference


# ---------------------------------------------------------------------------
# Trigonometric and hyperbolic functions
# ---------------------------------------------------------------------------


def sin(x: float) -> float:
    """The sine; ``nan`` at infinity.

    >>> sin(0.0), sin(-0.0), sin(math.inf)
    (0.0, -0.0, nan)
    """
    return math.sin(x) if not math.isinf(x) else math.nan


def cos(x: float) -> float:
    """The cosine; ``nan`` at infinity.

    >>> cos(0.0), cos(-math.inf)
    (1.0, nan)
    """
    return math.cos(x) if not math.isinf(x) else math.nan


def tan(x: float) -> float:
    """The tangent; ``nan`` at infinity.

    >>> tan(0.0), tan(math.inf)
    (0.0, nan)
    """
    return math.tan(x) if not math.isinf(x) else math.nan


def arcsin(x: float) -> float:
    """The inverse sine; ``nan`` outside ``[-1, 1]``.

    >>> arcsin(1.0), arcsin(-0.0), arcsin(2.0)
    (1.5707963267948966, -0.0, nan)
    """
    return math.asin(x) if -1 <= x <= 1 else math.nan


def arccos(x: float) -> float:
    """The inverse cosine; ``nan`` outside ``[-1, 1]``.

    >>> arccos(1.0), arccos(-1.0), arccos(-1.5)
    (0.0, 3.141592653589793, nan)
    """
    return math.acos(x) if -1 <= x <= 1 else math.nan


def sinh(x: float) -> float:
    """The hyperbolic sine; ``±inf`` on overflow.

    >>> sinh(1.0), sinh(-1000.0)
    (1.1752011936438014, -inf)
    """
    try:
        return math.sinh(x)
    except OverflowError:
        return math.copysign(math.inf, x)


def cosh(x: float) -> float:
    """The hyperbolic cosine; ``inf`` on overflow.

    >>> cosh(0.0), cosh(-1000.0)
    (1.0, inf)
    """
    try:
        return math.cosh(x)
    except OverflowError:
        return math.inf


def arccosh(x: float) -> float:
    """The inverse hyperbolic cosine; ``nan`` below 1.

    >>> arccosh(1.0), arccosh(0.5)
    (0.0, nan)
    """
    return math.acosh(x) if x >= 1 else math.nan


def arctanh(x: float) -> float:
    """The inverse hyperbolic tangent: ``±inf`` at ``±1``, ``nan`` beyond.

    >>> arctanh(0.5), arctanh(1.0), arctanh(-1.0), arctanh(2.0)
    (0.5493061443340548, inf, -inf, nan)
    """
    if -1 < x < 1:
        return math.atanh(x)
    return math.copysign(math.inf, x) if abs(x) == 1 else math.nan


# ---------------------------------------------------------------------------
# Rounding to whole numbers (floats in, floats out)
# ---------------------------------------------------------------------------
# Python's math.floor and round give ints, which lose the sign of a zero and have no
# infinity or NaN. A whole-number result always has the sign of x (floor(0.3) is 0.0,
# ceil(-0.3) is -0.0), so copysign puts it back; infinities and NaN are their own answer.


def floor(x: float) -> float:
    """The largest whole number not above ``x``, as a float.

    >>> floor(-0.5), floor(2.7), floor(-0.0), floor(-math.inf)
    (-1.0, 2.0, -0.0, -inf)
    """
    return math.copysign(float(math.floor(x)), x) if math.isfinite(x) else x


def ceil(x: float) -> float:
    """The smallest whole number not below ``x``, as a float (``ceil(-0.5)`` is ``-0.0``).

    >>> ceil(-0.5), ceil(2.1), ceil(math.nan)
    (-0.0, 3.0, nan)
    """
    return math.copysign(float(math.ceil(x)), x) if math.isfinite(x) else x


def trunc(x: float) -> float:
    """``x`` without its fraction, as a float.

    >>> trunc(-2.7), trunc(-0.2), trunc(math.inf)
    (-2.0, -0.0, inf)
    """
    return math.copysign(float(math.trunc(x)), x) if math.isfinite(x) else x


def rint(x: float) -> float:
    """The nearest whole number, halves to even (NumPy's ``rint``), as a float.

    >>> rint(0.5), rint(1.5), rint(2.5), rint(-0.4), rint(math.inf)
    (0.0, 2.0, 2.0, -0.0, inf)
    """
    return math.copysign(float(round(x)), x) if math.isfinite(x) else x


# ---------------------------------------------------------------------------
# Signs and comparisons
# ---------------------------------------------------------------------------


def sign(x: Number) -> Number:
    """``-1``, ``0`` or ``1`` by the sign of ``x`` (``0.0`` for both zeros, ``nan`` for NaN).

    >>> sign(-2.5), sign(-0.0), sign(math.nan), sign(7)
    (-1.0, 0.0, nan, 1)
    """
    if x != x:
        return x
    one = type(x)(1)
    return one if x > 0 else -one if x < 0 else one * 0


def signbit(x: float) -> bool:
    """Whether the sign bit is set: true for ``-0.0``, ``-inf`` and a negative NaN.

    >>> signbit(-0.0), signbit(0.0), signbit(-math.nan), signbit(-3)
    (True, False, True, True)
    """
    return math.copysign(1.0, x) < 0


def heaviside(x: float, at_zero: float) -> float:
    """The step function: 0 below zero, 1 above it, ``at_zero`` at it (``nan`` for NaN).

    >>> heaviside(-2.0, 0.5), heaviside(-0.0, 0.5), heaviside(3.0, 0.5), heaviside(math.nan, 0.5)
    (0.0, 0.5, 1.0, nan)
    """
    if x < 0:
        return 0.0
    if x > 0:
        return 1.0
    return at_zero if x == 0 else x


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


def fmax(a: Number, b: Number) -> Number:
    """The larger of ``a`` and ``b``, a NaN losing to a number (C's ``fmax``); a tie keeps ``a``.

    >>> fmax(math.nan, 1.0), fmax(1.0, math.nan), fmax(0.0, -0.0), fmax(-0.0, 0.0)
    (1.0, 1.0, 0.0, -0.0)
    """
    return a if a >= b or b != b else b


def fmin(a: Number, b: Number) -> Number:
    """The smaller of ``a`` and ``b``, a NaN losing to a number (C's ``fmin``); a tie keeps ``a``.

    >>> fmin(math.nan, 1.0), fmin(0.0, -0.0), fmin(math.nan, math.nan)
    (1.0, 0.0, nan)
    """
    return a if a <= b or b != b else b


def float32_nextafter(a: float, b: float) -> float:
    """The float32 next to ``a`` in the direction of ``b`` (``np.nextafter`` on float32).

    A float32 is a 32-bit pattern, and for numbers of one sign the patterns count up
    as the numbers do: the neighbour is the pattern one step away.

    >>> float32_nextafter(1.0, 2.0), float32_nextafter(0.0, -1.0), float32_nextafter(1.0, 1.0)
    (1.0000001192092896, -1.401298464324817e-45, 1.0)
    """
    return _next_pattern(a, b, "<f", "<I")


def float16_nextafter(a: float, b: float) -> float:
    """The float16 next to ``a`` in the direction of ``b`` (``np.nextafter`` on float16):
    ``float32_nextafter`` with 16-bit patterns.

    >>> float16_nextafter(1.0, 2.0), float16_nextafter(0.0, -1.0), float16_nextafter(65504.0, 1e5)
    (1.0009765625, -5.960464477539063e-08, inf)
    """
    return _next_pattern(a, b, "<e", "<H")


def _next_pattern(a: float, b: float, float_format: str, bits_format: str) -> float:
    """The float next to ``a`` toward ``b`` in the format ``float_format``, whose bit
    pattern ``bits_format`` reads as an unsigned integer: the pattern one step away."""
    if a != a or b != b:
        return math.nan
    if a == b:
        return b
    if a == 0:
        return math.copysign(struct.unpack(float_format, struct.pack(bits_format, 1))[0], b)  # the smallest subnormal
    bits = struct.unpack(bits_format, struct.pack(float_format, a))[0]
    bits += 1 if (b > a) == (a > 0) else -1  # away from zero, or toward it
    return float(struct.unpack(float_format, struct.pack(bits_format, bits))[0])


# ---------------------------------------------------------------------------
# Bits
# ---------------------------------------------------------------------------


def left_shift(a: int, b: int, bits: int) -> int:
    """``a << b`` as NumPy defines it for a ``bits``-wide integer: 0 for a count that is
    negative or not below the width (C leaves those undefined), else the exact shift,
    which the caller wraps. Python's ``<<`` would raise for a negative count and build a
    gigantic number for ``1 << 10**12``.

    >>> left_shift(1, 3, 8), left_shift(1, 8, 8), left_shift(1, -1, 8), left_shift(1, 10**12, 64)
    (8, 0, 0, 0)
    """
    return a << b if 0 <= b < bits else 0


def right_shift(a: int, b: int, bits: int) -> int:
    """``a >> b`` as NumPy defines it: past the width (or for a negative count) only the
    sign is left, ``-1`` for a negative ``a`` and 0 otherwise.

    >>> right_shift(-8, 1, 8), right_shift(-8, 100, 8), right_shift(8, -1, 8)
    (-4, -1, 0)
    """
    if 0 <= b < bits:
        return a >> b
    return -1 if a < 0 else 0


def _is_odd_integer(value: float) -> bool:
    return float(value).is_integer() and int(value) % 2 == 1
