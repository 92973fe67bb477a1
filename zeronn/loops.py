"""NumPy's ufuncs one element at a time: what each computes, and in which dtype.

A ufunc ("universal function") is NumPy's name for an operation applied element by
element: ``np.add``, ``np.exp``, ``np.less``. ``core.elementwise`` and ``core.unary``
do the broadcasting, the dtypes and the memory layout; this table says, for each
ufunc's name, which Python function computes one element:

- ``BINARY``: two-argument ufuncs, as ``(fast, safe)``: ``fast`` is Python's own operator
  (C speed, but it raises on some inputs, ``1.0 / 0.0``), ``safe`` its IEEE twin from
  ``ieee.py``, which answers where ``fast`` raises and agrees everywhere else;
- ``COMPARISONS``: the binary ufuncs whose result is bool;
- ``ON_BOOLS``: what ``+`` and ``*`` mean on bools (``or`` and ``and``, as in NumPy);
- ``UNARY``: one-argument ufuncs, ``(fast, safe)`` likewise;
- ``unary_dtype(name, dtype)``: the dtype a one-argument ufunc computes in;
- ``FLOAT64``: the binary ufuncs whose float64 loop is their ``BINARY`` pair as it
  stands, with nothing more to decide (``core.elementwise``'s common case);
- ``binary_dtype(name, common)`` and ``binary_loop(name, dtype, exponent)``: the dtype a
  two-argument ufunc computes in, and the pair that computes it there, for every dtype.

>>> fast, safe = BINARY["true_divide"]
>>> fast(1.0, 4.0), safe(1.0, 0.0)
(0.25, inf)
"""

from __future__ import annotations

__all__ = [
    "BINARY", "COMPARISONS", "ON_BOOLS", "UNARY", "TO_FLOAT", "unary_dtype",
    "FLOAT64", "binary_dtype", "binary_loop", "floor_divide_float32",
]

import math
import operator
from typing import Any, Callable, Dict, Optional, Tuple

from . import dtypes, ieee
from .casting import round_float32 as _float32
from .dtypes import DType

# name -> (Python's operator, its IEEE twin for when the operator raises)
BINARY: Dict[str, Tuple[Callable[[Any, Any], Any], Callable[[Any, Any], Any]]] = {
    "add": (operator.add, operator.add),
    "subtract": (operator.sub, operator.sub),
    "multiply": (operator.mul, operator.mul),
    "true_divide": (operator.truediv, ieee.divide),
    "floor_divide": (operator.floordiv, ieee.floor_divide),
    "remainder": (operator.mod, ieee.remainder),
    "power": (ieee.power, ieee.power),
    "maximum": (ieee.maximum, ieee.maximum),
    "minimum": (ieee.minimum, ieee.minimum),
    "less": (operator.lt, operator.lt),
    "less_equal": (operator.le, operator.le),
    "greater": (operator.gt, operator.gt),
    "greater_equal": (operator.ge, operator.ge),
    "equal": (operator.eq, operator.eq),
    "not_equal": (operator.ne, operator.ne),
}
COMPARISONS = {"less", "less_equal", "greater", "greater_equal", "equal", "not_equal"}
# On bools NumPy's + is "or" and * is "and"; - has no meaning.
ON_BOOLS = {"add": operator.or_, "multiply": operator.and_}
UNARY: Dict[str, Tuple[Callable[[Any], Any], Callable[[Any], Any]]] = {
    "negative": (operator.neg, operator.neg),
    "absolute": (abs, abs),
    "exp": (math.exp, ieee.exp),
    "log": (math.log, ieee.log),
    "sqrt": (math.sqrt, ieee.sqrt),
}
TO_FLOAT = {"exp", "log", "sqrt"}  # integers and bools go in as floats: see unary_dtype


def unary_dtype(name: str, dtype: DType) -> DType:
    """The dtype NumPy computes ``name`` of ``dtype`` in: ``dtype`` itself, except that
    ``exp``, ``log`` and ``sqrt`` take integers and bools as the smallest float that holds
    every value exactly: float32 for 2-byte integers, float64 for wider ones, and float16
    for bools and 1-byte integers, which zeronn does not have, so it says so.

    >>> unary_dtype("exp", dtypes.int16), unary_dtype("exp", dtypes.int64), unary_dtype("negative", dtypes.int64)
    (dtype('float32'), dtype('float64'), dtype('int64'))
    """
    if name not in TO_FLOAT or dtype.kind == "f":
        return dtype
    if dtype.itemsize == 1:
        raise TypeError(
            f"NumPy computes {name} of {dtype.name} in float16, which zeronn does not have; "
            "convert first, as x.astype('float32') or x.astype(float)"
        )
    return dtypes.float32 if dtype.itemsize == 2 else dtypes.float64


# ---------------------------------------------------------------------------
# Two-argument ufuncs: the dtype each computes in, and its loop there
# ---------------------------------------------------------------------------

# The binary ufuncs whose float64 loop is their BINARY pair as it stands: for these,
# float64 operands need no decision at all (core.elementwise takes them first).
FLOAT64 = frozenset({"add", "subtract", "multiply", "true_divide", "maximum", "minimum"} | COMPARISONS)

Loop = Tuple[Callable[[Any, Any], Any], Callable[[Any, Any], Any]]


def binary_dtype(name: str, common: DType) -> DType:
    """The dtype NumPy computes ``name`` in, for operands whose common dtype is ``common``:
    ``common`` itself, except that integers divide (``/``) as float64 and that ``**``,
    ``//`` and ``%`` take bools as int8 (NumPy has no bool loop for them).

    >>> binary_dtype("true_divide", dtypes.int64), binary_dtype("power", dtypes.bool_)
    (dtype('float64'), dtype('int8'))
    >>> binary_dtype("add", dtypes.uint8)
    dtype('uint8')
    """
    if name == "true_divide" and common.kind != "f":
        return dtypes.float64
    if name in ("power", "floor_divide", "remainder") and common is dtypes.bool_:
        return dtypes.int8
    return common


def binary_loop(name: str, dtype: DType, exponent: Optional[Any] = None) -> Loop:
    """The ``(fast, safe)`` pair that computes ``name`` on elements of ``dtype``.

    ``BINARY[name]``, except where NumPy's loop for that dtype computes something else:
    on bools ``+`` is "or" and ``*`` is "and" (``-`` is an error); integers raise to a
    power modulo ``2 ** bits``, as their C type keeps them; float32 floor-divides in
    float32 (``floor_divide_float32``); and a float raised to one number 0.5 for the
    whole loop (``exponent``, when the second operand is one number) is a square root,
    as NumPy's power loop computes it (they differ at ``-0.0`` and ``-inf``).

    >>> binary_loop("add", dtypes.bool_)[0](True, True), binary_loop("power", dtypes.uint8)[0](2, 9)   # 512 modulo 256
    (True, 0)
    >>> binary_loop("power", dtypes.float64, exponent=0.5)[1](-math.inf, 0.5)
    nan
    >>> binary_loop("subtract", dtypes.bool_)
    Traceback (most recent call last):
    ...
    TypeError: numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, ...
    """
    if dtype is dtypes.bool_ and name in ON_BOOLS:
        return ON_BOOLS[name], ON_BOOLS[name]
    if dtype is dtypes.bool_ and name == "subtract":
        raise TypeError(
            "numpy boolean subtract, the `-` operator, is not supported, "
            "use the bitwise_xor, the `^` operator, or the logical_xor function instead."
        )
    if name == "power" and dtype.kind != "f":
        bits = 8 * dtype.itemsize  # the wrap of the result makes it signed where the dtype is
        def integer_power(base: int, exponent: int) -> int:
            return ieee.integer_power(base, exponent, bits)

        return integer_power, integer_power
    if name == "power" and exponent == 0.5 and type(exponent) is not bool:
        return _square_root, _square_root_safe
    if name == "floor_divide" and dtype is dtypes.float32:
        return floor_divide_float32, floor_divide_float32
    return BINARY[name]


def _square_root(base: float, exponent: float) -> float:
    return math.sqrt(base)  # raises below zero, where _square_root_safe answers nan


def _square_root_safe(base: float, exponent: float) -> float:
    return ieee.sqrt(base)


def floor_divide_float32(a: float, b: float) -> float:
    """``a // b`` for two float32 values, each step rounded to float32 as NumPy's C does it.

    NumPy's ``npy_floor_dividef`` divides ``a - fmod(a, b)`` by ``b`` and floors, every
    step in float32; the same steps in float64, rounded once at the end, differ in about
    a quarter of random cases. ``fmod`` and ``floor`` are exact in either precision,
    so only the subtraction and the division need rounding.

    >>> floor_divide_float32(7.0, 2.0), floor_divide_float32(-7.0, 2.0), floor_divide_float32(1.0, 0.0)
    (3.0, -4.0, inf)
    >>> floor_divide_float32(618279.8125, 0.03735656663775444)   # float64 steps: 16550766.0
    16550767.0
    """
    if b == 0:
        return ieee.divide(a, b)  # +-inf, or nan for 0 / 0 (NumPy's a / b)
    if not math.isfinite(a) or b != b:
        return math.nan
    mod = math.fmod(a, b)
    div = _float32(_float32(a - mod) / b)
    if mod and (b < 0) != (mod < 0):
        div = _float32(div - 1.0)
    if not div:
        return math.copysign(0.0, a / b)
    if not math.isfinite(div):  # a quotient beyond float32's range
        return div
    floor = float(math.floor(div))
    return _float32(floor + 1.0) if div - floor > 0.5 else floor

