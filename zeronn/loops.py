"""NumPy's ufuncs one element at a time: what each computes, in which dtype, and what it reports.

A ufunc ("universal function") is NumPy's name for an operation applied element by
element: ``np.add``, ``np.exp``, ``np.less``. ``core.elementwise`` and ``core.unary``
do the broadcasting and the memory layout; this module answers the three questions
that depend on which ufunc it is:

1. **In which dtype does it compute?** NumPy keeps, for every ufunc, a list of the loops
   it has, one per dtype (``np.sqrt.types`` is ``['e->e', 'f->f', 'd->d', ...]``), and
   picks one for the operands' dtypes by one of five rules (``RESOLVERS``):

   - ``"promote"``: the operands' common dtype (NEP 50 promotion), or else the first loop
     it converts to without loss: ``floor_divide`` has no loop for bools, so bools
     divide as int8;
   - ``"search"``: the first loop that *each* operand converts to without loss: ``sqrt``
     of int16 is float32, of int32 float64, and of int8 float16;
   - ``"uniform"``: the common dtype itself, or nothing: ``sign`` of bools is an error;
   - ``"divide"``: floats stay, integers and bools become float64;
   - ``"truth"``: every operand as bools, its truth (the logical ufuncs: ``logical_and``
     of ``0.5`` and ``5e-324`` is true even beside float32, where ``5e-324`` is 0).

   ``loop_dtype(name, common, *operands)`` and ``unary_loop(name, dtype)`` apply them;
   ``result_dtype`` is the loop's dtype, or bool for the comparisons, the logical
   ufuncs and ``isnan`` and its kind.
2. **Which Python function computes one element?** ``kernel(name, loop)`` gives
   ``(fast, safe, out)`` (from ``binary_functions``, ``unary_functions`` and
   ``result_dtype``, once per ufunc and dtype): ``fast`` is Python's own
   operator or ``math`` function (C speed, but it raises on some inputs, ``1.0 / 0.0``),
   ``safe`` its IEEE twin from ``ieee.py``, which answers where ``fast`` raises and
   agrees everywhere else. Integer loops compute exactly and are wrapped to the dtype
   afterwards; a few need the dtype's width (shifts, ``power``, ``invert``) or float32's
   own rounding (``floor_divide``, ``remainder``, ``nextafter``). float16 computes as
   NumPy's float16 loops do, in float32 (its float32 functions), the answer rounded to
   float16 as it is stored; only ``nextafter`` steps through float16's own numbers. ``FLOAT64`` has the
   kernel of each ufunc whose float64 loop needs nothing more (core.py's short path);
   ``power_of_one_number`` is NumPy's power loop for one exponent (``x ** 2`` is
   ``x * x``). Beside them, ``check_output`` (NumPy's rules for ``out=`` and ``x += y``)
   and ``power_shortcut`` (NumPy's ``x ** 2`` operator is ``square(x)``).
3. **Which floating-point errors did it raise?** ``check(name, values, operands, loop)``
   looks at a loop's results and reports NumPy's ``divide``, ``over``, ``under`` and
   ``invalid`` flags to ``float_errors`` (which warns, raises or ignores them, as
   ``errstate`` says). Results that are all finite, the usual case, cost one ``sum``.

>>> loop_dtype("floor_divide", dtypes.bool_), unary_loop("sqrt", dtypes.int16), result_dtype("less", dtypes.int8)
(dtype('int8'), dtype('float32'), dtype('bool'))
>>> fast, safe = binary_functions("divide", dtypes.float64)
>>> fast(1.0, 4.0), safe(1.0, 0.0)
(0.25, inf)
>>> unary_loop("sign", dtypes.bool_)
Traceback (most recent call last):
...
TypeError: ufunc 'sign' did not contain a loop with signature matching types bool -> None
"""

from __future__ import annotations

__all__ = [
    "UFUNCS",
    "COMPARISONS",
    "NATIVE",
    "FLOAT64",
    "Ufunc",
    "loop_dtype",
    "unary_loop",
    "result_dtype",
    "Kernel",
    "kernel",
    "binary_functions",
    "unary_functions",
    "check_output",
    "power_shortcut",
    "power_of_one_number",
    "check",
]

import math
import operator
from itertools import cycle
from typing import Any, Callable, Dict, FrozenSet, Iterable, List, NamedTuple, Optional, Sequence, Set, Tuple

from . import dtypes, float_errors, ieee
from ._shape import Shape, format_shape
from .casting import round_float32
from .dtypes import DType

Binary = Callable[[Any, Any], Any]
Unary = Callable[[Any], Any]

# ---------------------------------------------------------------------------
# 1. The table: each ufunc's loops, and how NumPy picks one
# ---------------------------------------------------------------------------

# NumPy's one-letter type codes for the dtypes ("e" is float16).
BOOL, INTEGERS, FLOATS = "?", "bBhHiIlL", "efd"
NUMBERS = INTEGERS + FLOATS
EVERY = BOOL + NUMBERS


class Ufunc(NamedTuple):
    """One ufunc: how many operands, the loops NumPy has (type codes, in NumPy's order),
    the rule that picks one, and whether the result is bool whatever the loop."""

    nin: int
    types: str
    resolver: str
    bool_result: bool = False


UFUNCS: Dict[str, Ufunc] = {
    # arithmetic
    "add": Ufunc(2, EVERY, "promote"),
    "subtract": Ufunc(2, NUMBERS, "promote"),
    "multiply": Ufunc(2, EVERY, "promote"),
    "divide": Ufunc(2, FLOATS, "divide"),
    "floor_divide": Ufunc(2, NUMBERS, "promote"),
    "remainder": Ufunc(2, NUMBERS, "promote"),
    "fmod": Ufunc(2, NUMBERS, "promote"),
    "power": Ufunc(2, NUMBERS, "promote"),
    "float_power": Ufunc(2, "d", "promote"),
    "negative": Ufunc(1, NUMBERS, "uniform"),
    "positive": Ufunc(1, NUMBERS, "uniform"),
    "absolute": Ufunc(1, EVERY, "uniform"),
    "fabs": Ufunc(1, FLOATS, "search"),
    "sign": Ufunc(1, NUMBERS, "uniform"),
    "square": Ufunc(1, NUMBERS, "search"),
    "reciprocal": Ufunc(1, NUMBERS, "search"),
    "gcd": Ufunc(2, INTEGERS, "uniform"),
    "lcm": Ufunc(2, INTEGERS, "uniform"),
    # powers, exponentials, logarithms
    "sqrt": Ufunc(1, FLOATS, "search"),
    "cbrt": Ufunc(1, FLOATS, "search"),
    "exp": Ufunc(1, FLOATS, "search"),
    "exp2": Ufunc(1, FLOATS, "search"),
    "expm1": Ufunc(1, FLOATS, "search"),
    "log": Ufunc(1, FLOATS, "search"),
    "log2": Ufunc(1, FLOATS, "search"),
    "log10": Ufunc(1, FLOATS, "search"),
    "log1p": Ufunc(1, FLOATS, "search"),
    "logaddexp": Ufunc(2, FLOATS, "search"),
    "logaddexp2": Ufunc(2, FLOATS, "search"),
    # trigonometry
    "sin": Ufunc(1, FLOATS, "search"),
    "cos": Ufunc(1, FLOATS, "search"),
    "tan": Ufunc(1, FLOATS, "search"),
    "arcsin": Ufunc(1, FLOATS, "search"),
    "arccos": Ufunc(1, FLOATS, "search"),
    "arctan": Ufunc(1, FLOATS, "search"),
    "arctan2": Ufunc(2, FLOATS, "search"),
    "hypot": Ufunc(2, FLOATS, "search"),
    "sinh": Ufunc(1, FLOATS, "search"),
    "cosh": Ufunc(1, FLOATS, "search"),
    "tanh": Ufunc(1, FLOATS, "search"),
    "arcsinh": Ufunc(1, FLOATS, "search"),
    "arccosh": Ufunc(1, FLOATS, "search"),
    "arctanh": Ufunc(1, FLOATS, "search"),
    "degrees": Ufunc(1, FLOATS, "search"),
    "radians": Ufunc(1, FLOATS, "search"),
    "rad2deg": Ufunc(1, FLOATS, "search"),
    "deg2rad": Ufunc(1, FLOATS, "search"),
    # rounding, signs, the floating-point kinds
    "floor": Ufunc(1, EVERY, "uniform"),
    "ceil": Ufunc(1, EVERY, "uniform"),
    "trunc": Ufunc(1, EVERY, "uniform"),
    "rint": Ufunc(1, FLOATS, "search"),
    "copysign": Ufunc(2, FLOATS, "search"),
    "nextafter": Ufunc(2, FLOATS, "search"),
    "heaviside": Ufunc(2, FLOATS, "search"),
    "isnan": Ufunc(1, EVERY, "uniform", bool_result=True),
    "isinf": Ufunc(1, EVERY, "uniform", bool_result=True),
    "isfinite": Ufunc(1, EVERY, "uniform", bool_result=True),
    "signbit": Ufunc(1, EVERY, "uniform", bool_result=True),  # (NumPy's int loops go via floats: same answers)
    # comparisons and extremes
    "less": Ufunc(2, EVERY, "promote", bool_result=True),
    "less_equal": Ufunc(2, EVERY, "promote", bool_result=True),
    "greater": Ufunc(2, EVERY, "promote", bool_result=True),
    "greater_equal": Ufunc(2, EVERY, "promote", bool_result=True),
    "equal": Ufunc(2, EVERY, "promote", bool_result=True),
    "not_equal": Ufunc(2, EVERY, "promote", bool_result=True),
    "maximum": Ufunc(2, EVERY, "promote"),
    "minimum": Ufunc(2, EVERY, "promote"),
    "fmax": Ufunc(2, EVERY, "promote"),
    "fmin": Ufunc(2, EVERY, "promote"),
    # logic and bits
    "logical_and": Ufunc(2, BOOL, "truth", bool_result=True),
    "logical_or": Ufunc(2, BOOL, "truth", bool_result=True),
    "logical_xor": Ufunc(2, BOOL, "truth", bool_result=True),
    "logical_not": Ufunc(1, BOOL, "truth", bool_result=True),
    "bitwise_and": Ufunc(2, BOOL + INTEGERS, "promote"),
    "bitwise_or": Ufunc(2, BOOL + INTEGERS, "promote"),
    "bitwise_xor": Ufunc(2, BOOL + INTEGERS, "promote"),
    "invert": Ufunc(1, BOOL + INTEGERS, "search"),
    "left_shift": Ufunc(2, INTEGERS, "promote"),
    "right_shift": Ufunc(2, INTEGERS, "promote"),
}
COMPARISONS = frozenset({"less", "less_equal", "greater", "greater_equal", "equal", "not_equal"})
_BOOL_RESULTS = frozenset(name for name, ufunc in UFUNCS.items() if ufunc.bool_result)
RESOLVERS = ("promote", "search", "uniform", "divide", "truth")

_BY_CODE = {code: dtypes.dtype(code) for code in EVERY}
_CODE = {dtype: code for code, dtype in _BY_CODE.items()}
# For each ufunc, the dtypes that compute as themselves: the usual case, which core.py
# checks first with one set lookup. Comparisons leave float64 out: int64 against uint64
# promotes to float64, where NumPy compares the integers exactly (see loop_dtype).
NATIVE: Dict[str, FrozenSet[DType]] = {
    name: frozenset(_BY_CODE[code] for code in ufunc.types if code in _BY_CODE)
    - (frozenset({dtypes.float64}) if name in COMPARISONS else frozenset())
    for name, ufunc in UFUNCS.items()
}

# NumPy's own words where a loop is refused for bools.
_NO_BOOLS = {
    "negative": (
        "The numpy boolean negative, the `-` operator, is not supported, "
        "use the `~` operator or the logical_not function instead."
    ),
    "subtract": (
        "numpy boolean subtract, the `-` operator, is not supported, "
        "use the bitwise_xor, the `^` operator, or the logical_xor function instead."
    ),
}


def loop_dtype(name: str, common: DType, *operands: Any) -> DType:
    """The dtype NumPy computes ufunc ``name`` in, for operands whose common dtype (NEP 50
    promotion, ``dtypes.result_type``) is ``common``. The operands themselves (tensors or
    Python numbers) matter to the ``"search"`` rule and to comparisons.

    >>> loop_dtype("add", dtypes.int8), loop_dtype("divide", dtypes.int8), loop_dtype("power", dtypes.bool_)
    (dtype('int8'), dtype('float64'), dtype('int8'))
    >>> loop_dtype("bitwise_and", dtypes.float64)
    Traceback (most recent call last):
    ...
    TypeError: ufunc 'bitwise_and' not supported for the input types, and the inputs could not be safely \
coerced to any supported types according to the casting rule ''safe''
    """
    ufunc = UFUNCS[name]
    if name in COMPARISONS and common is dtypes.float64:
        # int64 against uint64 promotes to float64, but NumPy compares the integers exactly:
        # as Python ints here, not as floats (2**60 < 2**60 + 1 must hold)
        return dtypes.int64 if _all_integers(operands) else common
    if common is dtypes.bool_ and name in _NO_BOOLS:
        raise TypeError(_NO_BOOLS[name])
    if ufunc.resolver == "divide":
        return common if common.kind == "f" else dtypes.float64
    if ufunc.resolver == "truth":
        return dtypes.bool_
    if ufunc.resolver == "uniform":
        if common not in NATIVE[name]:
            raise TypeError(f"ufunc '{name}' did not contain a loop with signature matching types "
                            f"{_describe(operands, common)} -> None")
        return common
    if ufunc.resolver == "search" and operands:
        wanted = _search_dtypes(operands, common)
    else:
        wanted = [common]
    for code in ufunc.types:
        if all(_casts_safely(dtype, code) for dtype in wanted):
            return _BY_CODE[code]
    raise TypeError(
        f"ufunc '{name}' not supported for the input types, and the inputs could not be safely "
        "coerced to any supported types according to the casting rule ''safe''"
    )


def unary_loop(name: str, dtype: DType) -> DType:
    """The dtype NumPy computes the one-operand ufunc ``name`` of ``dtype`` in.

    >>> unary_loop("exp", dtypes.int16), unary_loop("exp", dtypes.int64), unary_loop("floor", dtypes.uint8)
    (dtype('float32'), dtype('float64'), dtype('uint8'))
    >>> unary_loop("sqrt", dtypes.uint8), unary_loop("sign", dtypes.float16)
    (dtype('float16'), dtype('float16'))
    >>> unary_loop("invert", dtypes.float16)
    Traceback (most recent call last):
    ...
    TypeError: ufunc 'invert' not supported for the input types, and the inputs could not be safely \
coerced to any supported types according to the casting rule ''safe''
    """
    if dtype in NATIVE[name]:
        return dtype
    return loop_dtype(name, dtype)


def result_dtype(name: str, loop: DType) -> DType:
    """The dtype of ufunc ``name``'s result from ``loop``: bool for the comparisons, the
    logical ufuncs and ``isnan``, ``isinf``, ``isfinite``, ``signbit``; ``loop`` otherwise.

    >>> result_dtype("isnan", dtypes.float32), result_dtype("add", dtypes.float32)
    (dtype('bool'), dtype('float32'))
    """
    return dtypes.bool_ if name in _BOOL_RESULTS else loop


def _search_dtypes(operands: Sequence[Any], common: DType) -> List[DType]:
    """The dtypes that must convert to the loop without loss, for the ``"search"`` rule: each
    tensor's own; a Python float among integer tensors asks for float64 (NEP 50); Python
    ints and bools ask nothing (they take the tensors' dtype), unless there are no tensors."""
    wanted = [operand.dtype for operand in operands if isinstance(getattr(operand, "dtype", None), DType)]
    if not wanted:
        return [common]
    if any(type(operand) is float for operand in operands) and all(d.kind != "f" for d in wanted):
        wanted.append(dtypes.float64)
    return wanted


def _casts_safely(dtype: DType, code: str) -> bool:
    return dtypes.can_cast(dtype, _BY_CODE[code], "safe")


def _all_integers(operands: Sequence[Any]) -> bool:
    for operand in operands:  # (a loop, to stop at the first float: x > 0 is the book's usual case)
        found = getattr(operand, "dtype", None)
        if not isinstance(found, DType) or found.kind not in "iu":
            return False
    return bool(operands)


def _describe(operands: Sequence[Any], common: DType) -> str:
    """The operands' dtypes for a message: ``int8``, or ``(int64, float64)`` for two."""
    names = [getattr(getattr(x, "dtype", None), "name", type(x).__name__) for x in operands] or [common.name]
    return names[0] if len(names) == 1 else "(" + ", ".join(names) + ")"


# ---------------------------------------------------------------------------
# 2. The element functions: (fast, safe) for each ufunc and kind of loop
# ---------------------------------------------------------------------------


def _same(function: Callable[..., Any]) -> Tuple[Callable[..., Any], Callable[..., Any]]:
    """A function that never raises on the loop's numbers serves as its own IEEE twin."""
    return function, function


def _logical_and(a: Any, b: Any) -> bool:
    return bool(a) and bool(b)


def _logical_or(a: Any, b: Any) -> bool:
    return bool(a) or bool(b)


def _logical_xor(a: Any, b: Any) -> bool:
    return bool(a) != bool(b)


def _safe_hypot(a: float, b: float) -> float:
    try:
        return math.hypot(a, b)
    except OverflowError:
        return math.inf


_FLOAT_BINARY: Dict[str, Tuple[Binary, Binary]] = {
    "add": _same(operator.add),
    "subtract": _same(operator.sub),
    "multiply": _same(operator.mul),
    "divide": (operator.truediv, ieee.divide),
    "floor_divide": (operator.floordiv, ieee.floor_divide),  # Python's float // and % are NumPy's npy_divmod
    "remainder": (operator.mod, ieee.remainder),
    "fmod": (math.fmod, ieee.fmod),
    "power": _same(ieee.power),
    "float_power": _same(ieee.power),
    "maximum": _same(ieee.maximum),
    "minimum": _same(ieee.minimum),
    "fmax": _same(ieee.fmax),
    "fmin": _same(ieee.fmin),
    "less": _same(operator.lt),
    "less_equal": _same(operator.le),
    "greater": _same(operator.gt),
    "greater_equal": _same(operator.ge),
    "equal": _same(operator.eq),
    "not_equal": _same(operator.ne),
    "logical_and": _same(_logical_and),
    "logical_or": _same(_logical_or),
    "logical_xor": _same(_logical_xor),
    "arctan2": _same(math.atan2),
    "hypot": (math.hypot, _safe_hypot),
    "copysign": _same(math.copysign),
    "nextafter": _same(math.nextafter),
    "logaddexp": _same(ieee.logaddexp),
    "logaddexp2": _same(ieee.logaddexp2),
    "heaviside": _same(ieee.heaviside),
}
# Integers: exact Python ints, wrapped to the dtype afterwards (core.py does the wrapping).
_INTEGER_BINARY: Dict[str, Tuple[Binary, Binary]] = {
    "floor_divide": (operator.floordiv, ieee.floor_divide),  # by zero: 0, as NumPy gives
    "remainder": (operator.mod, ieee.remainder),
    "fmod": _same(ieee.integer_fmod),
    "bitwise_and": _same(operator.and_),
    "bitwise_or": _same(operator.or_),
    "bitwise_xor": _same(operator.xor),
    "gcd": _same(math.gcd),
    "lcm": _same(math.lcm),
}
# On bools NumPy's + is "or" and * is "and" (True + True is True).
_BOOL_BINARY: Dict[str, Tuple[Binary, Binary]] = {
    "add": _same(operator.or_),
    "multiply": _same(operator.and_),
    "bitwise_and": _same(operator.and_),
    "bitwise_or": _same(operator.or_),
    "bitwise_xor": _same(operator.xor),
}


def _float32_floor_divide(a: float, b: float) -> float:
    return ieee.float32_divmod(a, b)[0]


def _float32_remainder(a: float, b: float) -> float:
    return ieee.float32_divmod(a, b)[1]


_SINGLE = (dtypes.float32, dtypes.float16)  # the loops that compute in float32
_FLOAT32_BINARY: Dict[str, Tuple[Binary, Binary]] = {
    "floor_divide": _same(_float32_floor_divide),
    "remainder": _same(_float32_remainder),
    "nextafter": _same(ieee.float32_nextafter),
}


def binary_functions(name: str, loop: DType) -> Tuple[Binary, Binary]:
    """``(fast, safe)`` for one element of the two-operand ufunc ``name`` in dtype ``loop``.

    >>> fast, safe = binary_functions("left_shift", dtypes.int8)
    >>> fast(1, 3), fast(1, -1), binary_functions("add", dtypes.bool_)[0](True, True)
    (8, 0, True)
    """
    if loop.kind == "b" and name in _BOOL_BINARY:
        return _BOOL_BINARY[name]
    if loop.kind in "iu":
        bits = 8 * loop.itemsize
        if name == "power":  # modulo 2**bits: the wrap afterwards makes it signed where it is
            return _same(lambda base, exponent: ieee.integer_power(base, exponent, bits))
        if name == "left_shift":
            return _same(lambda a, b: ieee.left_shift(a, b, bits))
        if name == "right_shift":
            return _same(lambda a, b: ieee.right_shift(a, b, bits))
        if name in _INTEGER_BINARY:
            return _INTEGER_BINARY[name]
    if loop is dtypes.float16 and name == "nextafter":
        return _same(ieee.float16_nextafter)
    if loop in _SINGLE and name in _FLOAT32_BINARY:  # (float16 computes in float32)
        return _FLOAT32_BINARY[name]
    return _FLOAT_BINARY[name]


def _square(x: Any) -> Any:
    return x * x


def _reciprocal(x: float) -> float:
    return 1.0 / x


def _safe_reciprocal(x: float) -> float:
    return ieee.divide(1.0, x)


def _identity(x: Any) -> Any:
    return x


def _false(x: Any) -> bool:
    return False


def _true(x: Any) -> bool:
    return True


def _is_negative(x: Any) -> bool:
    return bool(x < 0)


_FLOAT_UNARY: Dict[str, Tuple[Unary, Unary]] = {
    "negative": _same(operator.neg),
    "positive": _same(operator.pos),
    "absolute": _same(abs),
    "fabs": _same(math.fabs),
    "sign": _same(ieee.sign),
    "square": _same(_square),
    "reciprocal": (_reciprocal, _safe_reciprocal),
    "sqrt": (math.sqrt, ieee.sqrt),
    "cbrt": _same(ieee.cbrt),
    "exp": (math.exp, ieee.exp),
    "exp2": _same(ieee.exp2),
    "expm1": (math.expm1, ieee.expm1),
    "log": (math.log, ieee.log),
    "log2": (math.log2, ieee.log2),
    "log10": (math.log10, ieee.log10),
    "log1p": (math.log1p, ieee.log1p),
    "sin": (math.sin, ieee.sin),
    "cos": (math.cos, ieee.cos),
    "tan": (math.tan, ieee.tan),
    "arcsin": (math.asin, ieee.arcsin),
    "arccos": (math.acos, ieee.arccos),
    "arctan": _same(math.atan),
    "sinh": (math.sinh, ieee.sinh),
    "cosh": (math.cosh, ieee.cosh),
    "tanh": _same(math.tanh),
    "arcsinh": _same(math.asinh),
    "arccosh": (math.acosh, ieee.arccosh),
    "arctanh": (math.atanh, ieee.arctanh),
    "degrees": _same(math.degrees),
    "radians": _same(math.radians),
    "rad2deg": _same(math.degrees),
    "deg2rad": _same(math.radians),
    "floor": _same(ieee.floor),
    "ceil": _same(ieee.ceil),
    "trunc": _same(ieee.trunc),
    "rint": _same(ieee.rint),
    "isnan": _same(math.isnan),
    "isinf": _same(math.isinf),
    "isfinite": _same(math.isfinite),
    "signbit": _same(ieee.signbit),
    "logical_not": _same(operator.not_),
}
# Integers (and bools, where NumPy has the loop): whole numbers are their own floor, and
# never NaN or infinite.
_INTEGER_UNARY: Dict[str, Tuple[Unary, Unary]] = {
    "reciprocal": _same(ieee.integer_reciprocal),
    "floor": _same(_identity),
    "ceil": _same(_identity),
    "trunc": _same(_identity),
    "isnan": _same(_false),
    "isinf": _same(_false),
    "isfinite": _same(_true),
    "signbit": _same(_is_negative),
}


# float32's own constants, as NumPy's float32 loops multiply by them: 180.0f / NPY_PIf.
_PI32 = round_float32(math.pi)
_TO_DEGREES32 = round_float32(180.0 / _PI32)
_TO_RADIANS32 = round_float32(_PI32 / 180.0)


def _float32_degrees(x: float) -> float:
    return x * _TO_DEGREES32  # (rounded to float32 as it is stored)


def _float32_radians(x: float) -> float:
    return x * _TO_RADIANS32


_FLOAT32_UNARY: Dict[str, Tuple[Unary, Unary]] = {
    "degrees": _same(_float32_degrees),
    "radians": _same(_float32_radians),
    "rad2deg": _same(_float32_degrees),
    "deg2rad": _same(_float32_radians),
}


def unary_functions(name: str, loop: DType) -> Tuple[Unary, Unary]:
    """``(fast, safe)`` for one element of the one-operand ufunc ``name`` in dtype ``loop``.

    >>> unary_functions("invert", dtypes.uint8)[0](0), unary_functions("invert", dtypes.int8)[0](0)
    (255, -1)
    """
    if loop.kind in "biu":
        if name == "absolute" and loop.kind == "b":
            return _same(_identity)  # (Python's abs(True) is the int 1)
        if name == "invert":
            if loop.kind == "b":
                return _same(operator.not_)
            mask = (1 << 8 * loop.itemsize) - 1  # every bit of the dtype
            return _same(operator.invert if loop.kind == "i" else lambda x: x ^ mask)
        if name in _INTEGER_UNARY:
            return _INTEGER_UNARY[name]
    if loop in _SINGLE and name in _FLOAT32_UNARY:  # (float16 computes in float32)
        return _FLOAT32_UNARY[name]
    return _FLOAT_UNARY[name]


class Kernel(NamedTuple):
    """What a loop runs: ``fast`` and ``safe`` for one element, and the result's dtype ``out``."""

    fast: Callable[..., Any]
    safe: Callable[..., Any]
    out: DType


_KERNELS: Dict[Tuple[str, str], Kernel] = {}  # made once for each ufunc and loop dtype


def kernel(name: str, loop: DType) -> Kernel:
    """``(fast, safe, out)`` for ufunc ``name`` computing in ``loop``: what core.py runs.

    >>> kernel("less", dtypes.float32).out, kernel("exp", dtypes.float64)[:2] == unary_functions("exp", dtypes.float64)
    (dtype('bool'), True)
    """
    key = (name, loop.name)
    found = _KERNELS.get(key)
    if found is None:
        fast, safe = unary_functions(name, loop) if UFUNCS[name].nin == 1 else binary_functions(name, loop)
        found = _KERNELS[key] = Kernel(fast, safe, result_dtype(name, loop))
    return found


# The ufuncs that compute float64 operands in float64 with one kernel and nothing more
# to decide, each with that kernel: core.py takes float64 tensors through them at once.
# (``power`` is left out: its loop depends on the exponent, see power_of_one_number.)
FLOAT64: Dict[str, Kernel] = {
    name: kernel(name, dtypes.float64) for name, ufunc in UFUNCS.items() if "d" in ufunc.types and name != "power"
}


def check_output(name: str, result: DType, shape: Shape, out: DType, out_shape: Shape) -> None:
    """NumPy's rules for writing ufunc ``name``'s result (of dtype ``result``, broadcast to
    ``shape``) into an existing tensor (``out=``, ``x += y``): the shapes must be the same,
    and the dtype must cast by the "same_kind" rule (``int64 += 1.5`` is refused).

    >>> check_output("add", dtypes.float64, (2,), dtypes.int64, (2,))
    Traceback (most recent call last):
    ...
    TypeError: Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'
    """
    if shape != out_shape:
        raise ValueError(
            f"non-broadcastable output operand with shape {format_shape(out_shape)} "
            f"doesn't match the broadcast shape {format_shape(shape)}"
        )
    if not dtypes.can_cast(result, out, "same_kind"):
        raise TypeError(f"Cannot cast ufunc '{name}' output from {result!r} to {out!r} with casting rule 'same_kind'")


def power_shortcut(dtype: DType, exponent: Any) -> Optional[str]:
    """The ufunc NumPy's ``**`` operator runs instead of ``power`` for a tensor of ``dtype``
    and a Python number ``exponent``: ``x ** 2`` is ``square(x)`` (so bools square as int8),
    and for floats ``x ** -1`` is ``reciprocal(x)`` and ``x ** 0.5`` is ``sqrt(x)`` (which
    differs from C's pow at ``-0.0`` and ``-inf``). None otherwise. (NumPy's
    ``fast_scalar_power``; ``np.power(x, 2)`` itself is always ``power``.)

    >>> power_shortcut(dtypes.bool_, 2), power_shortcut(dtypes.float32, 0.5), power_shortcut(dtypes.int64, -1)
    ('square', 'sqrt', None)
    """
    if type(exponent) is int:
        name = "square" if exponent == 2 else "reciprocal" if exponent == -1 else None
    elif type(exponent) is float:
        name = "sqrt" if exponent == 0.5 else None
    else:
        return None
    return name if name == "square" or (name and dtype.kind == "f") else None


def power_of_one_number(exponent: float) -> Optional[Tuple[Binary, Binary]]:
    """``(fast, safe)`` of NumPy's float ``power`` loop when the exponent is one number
    for the whole loop (a Python number, or a tensor of one element broadcast along the
    base: NumPy's loop reads it with stride 0); None where that loop is C's ``pow``.

    NumPy's power loop looks at such an exponent first: for ``-1``, ``0``, ``0.5``, ``1``
    and ``2`` it computes ``1 / x``, ``1``, ``sqrt(x)``, ``x`` and ``x * x`` instead of
    ``pow(x, y)``. The answers differ at ``-0.0`` and ``-inf`` for ``0.5`` (``sqrt`` gives
    ``-0.0`` and NaN, ``pow`` ``0.0`` and ``inf``) and in the last bit now and then for the
    others. (That check is in the loop NumPy 2 compiles for AVX-512 processors, which
    NumPy 2.4.6 runs on the machine zeronn's answers were taken on; on older processors
    NumPy runs ``pow`` there too.)

    >>> fast, safe = power_of_one_number(0.5)
    >>> safe(-0.0, 0.5), safe(-math.inf, 0.5), ieee.power(-0.0, 0.5), power_of_one_number(3.0)
    (-0.0, nan, 0.0, None)
    """
    return _POWERS_OF_ONE_NUMBER.get(exponent)


def _one_over(base: float, exponent: float) -> float:
    return 1.0 / base


def _safe_one_over(base: float, exponent: float) -> float:
    return ieee.divide(1.0, base)


def _one(base: float, exponent: float) -> float:
    return 1.0


def _square_root(base: float, exponent: float) -> float:
    return math.sqrt(base)


def _safe_square_root(base: float, exponent: float) -> float:
    return ieee.sqrt(base)


def _itself(base: float, exponent: float) -> float:
    return base


def _squared(base: float, exponent: float) -> float:
    return base * base


_POWERS_OF_ONE_NUMBER: Dict[float, Tuple[Binary, Binary]] = {
    -1.0: (_one_over, _safe_one_over),
    0.0: _same(_one),
    0.5: (_square_root, _safe_square_root),
    1.0: _same(_itself),
    2.0: _same(_squared),
}


# ---------------------------------------------------------------------------
# 3. Floating-point errors: NumPy's flags, read from a loop's results
# ---------------------------------------------------------------------------

# Where an infinite result from finite operands is a division by zero (a pole), not an overflow.
_POLES: Dict[str, Callable[..., bool]] = {
    "divide": lambda a, b: b == 0 and math.isfinite(a),  # (inf / 0 is inf with no flag)
    "floor_divide": lambda a, b: b == 0 and math.isfinite(a),
    "log": lambda x: x == 0,
    "log2": lambda x: x == 0,
    "log10": lambda x: x == 0,
    "log1p": lambda x: x == -1,
    "arctanh": lambda x: abs(x) == 1,
    "reciprocal": lambda x: x == 0,
    "power": lambda base, exponent: base == 0 and exponent < 0,
    "float_power": lambda base, exponent: base == 0 and -math.inf < exponent < 0,  # (its pow(0, -inf) is quiet)
}
# Integer loops that report: division by zero, and the one quotient too large, min // -1.
_INTEGER_DIVISIONS = frozenset({"floor_divide", "remainder", "fmod"})
# Underflow is a result too close to zero to be exact (below the smallest normal number,
# and not what the exact answer is). Where that is decided by exact arithmetic on the
# operands: the exact answer as (numerator, denominator), from the operands' own, which
# ``float.as_integer_ratio`` gives exactly.
Ratio = Tuple[int, int]


def _times(*ratios: Ratio) -> Ratio:
    return math.prod(n for n, _ in ratios), math.prod(d for _, d in ratios)


def _over(top: Ratio, bottom: Ratio) -> Ratio:
    return top[0] * bottom[1], top[1] * bottom[0]


_TO_DEGREES, _TO_RADIANS = (180 / math.pi).as_integer_ratio(), (math.pi / 180).as_integer_ratio()
_EXACT_ANSWER: Dict[str, Callable[..., Ratio]] = {
    "rad2deg": lambda x: _times(x.as_integer_ratio(), _TO_DEGREES),
    "deg2rad": lambda x: _times(x.as_integer_ratio(), _TO_RADIANS),
    "multiply": lambda a, b: _times(a.as_integer_ratio(), b.as_integer_ratio()),
    "divide": lambda a, b: _over(a.as_integer_ratio(), b.as_integer_ratio()),
    "square": lambda x: _times(x.as_integer_ratio(), x.as_integer_ratio()),
    "reciprocal": lambda x: _over((1, 1), x.as_integer_ratio()),
    "degrees": lambda x: _times(x.as_integer_ratio(), _TO_DEGREES),
    "radians": lambda x: _times(x.as_integer_ratio(), _TO_RADIANS),
}
# Where a tiny result of nonzero operands is never exact (NumPy's C library says so too).
_INEXACT_WHEN_TINY = frozenset({"exp", "exp2", "sin", "arctan2", "hypot", "power", "float_power"})
_SMALLEST_NORMAL = {"float16": 2.0**-14, "float32": 2.0**-126, "float64": 2.0**-1022}


def check(name: str, values: Sequence[Any], operands: Tuple[Sequence[Any], ...], loop: DType) -> None:
    """Report the floating-point errors of ufunc ``name``, which computed ``values`` (exact
    ints, before wrapping, for an integer loop) from ``operands`` in dtype ``loop``: one
    sequence for each operand, as long as ``values`` or shorter and repeated (one number,
    a row against the rows of a matrix), as ``kernels.binary`` reads them.

    NumPy reads the processor's flags after its loop; zeronn reads the results: a NaN
    from numbers is ``invalid``, an infinity from finite numbers ``divide`` at a pole
    (``1.0 / 0.0``, ``log(0.0)``) and ``over`` elsewhere, an integer division by zero
    ``divide``. Only a loop with such a result is looked at element by element.

    >>> with float_errors.errstate(divide="raise"):
    ...     check("log", [0.0, -math.inf], ([1.0, 0.0],), dtypes.float64)
    Traceback (most recent call last):
    ...
    FloatingPointError: divide by zero encountered in log
    """
    if loop.kind == "f":
        if name in _BOOL_RESULTS:
            return  # comparisons and the like: NumPy's are quiet
        if math.isfinite(sum(values)) and not float_errors.watching_under():
            return  # the usual case: every result a number (their sum is finite only then)
        flagged, under = float_errors.watching()
        if not (flagged or under):
            return
        flags = _float_flags(name, values, _repeated(operands, len(values)), loop, under)
    elif name in _INTEGER_DIVISIONS and loop.kind != "b" and float_errors.watching()[0]:
        flags = _integer_flags(name, values, operands, loop)
    else:
        return  # integer arithmetic wraps silently, as NumPy's does
    float_errors.report(flags, name)


def _repeated(operands: Tuple[Sequence[Any], ...], size: int) -> List[Iterable[Any]]:
    """The operands with each shorter one read round and round (``cycle``) to ``size`` elements."""
    return [operand if len(operand) == size else cycle(operand) for operand in operands]


def _float_flags(
    name: str, values: Sequence[float], operands: List[Iterable[Any]], loop: DType, under: bool
) -> Set[str]:
    flags: Set[str] = set()
    pole = _POLES.get(name)
    tiny = _SMALLEST_NORMAL[loop.name]
    for result, *arguments in zip(values, *operands):
        if math.isfinite(result):
            if under and abs(result) < tiny and _underflowed(name, result, arguments, tiny):
                flags.add("under")
        elif result != result:  # NaN: invalid, unless an operand was NaN already
            if not any(a != a for a in arguments):
                flags.add("invalid")
        elif pole is not None and pole(*arguments):  # an infinity at a pole: 1.0 / 0.0, log(0.0)
            flags.add("divide")
        elif all(map(math.isfinite, arguments)):  # an infinity from finite numbers elsewhere
            flags.add("over")
            if name == "floor_divide":  # NumPy's npy_divmod then meets inf - inf, and says so
                flags.add("invalid")
        if name in ("logaddexp", "logaddexp2"):
            flags.update(_logaddexp_flags(name, arguments[0], arguments[1], under))
    return flags


def _underflowed(name: str, result: float, arguments: List[Any], tiny: float) -> bool:
    """Whether ``result`` (finite, below the smallest normal number ``tiny``) lost precision:
    NumPy's ``under`` flag, for the ufuncs whose underflow NumPy's C library reports."""
    if name == "nextafter":  # C's nextafter flags any step into the subnormals
        return bool(arguments[0] != arguments[1])
    if name == "floor_divide":  # npy_divmod's a / b, which gives the sign of a zero quotient
        a, b = arguments
        if result != 0 or not (math.isfinite(a) and math.isfinite(b) and a and b):
            return False
        quotient = a / b
        return abs(quotient) < tiny and not _is(quotient, _EXACT_ANSWER["divide"](a, b))
    if not all(map(math.isfinite, arguments)):
        return False
    if name in _EXACT_ANSWER:
        if name == "divide" and arguments[1] == 0:
            return False  # (a pole, not an underflow)
        exact = _EXACT_ANSWER[name](*arguments)
        return exact[0] != 0 and not _is(result, exact)
    return name in _INEXACT_WHEN_TINY and all(arguments)


def _is(value: float, ratio: Ratio) -> bool:
    """Whether the float ``value`` is exactly the fraction ``ratio`` (cross-multiplied)."""
    numerator, denominator = value.as_integer_ratio()
    return numerator * ratio[1] == ratio[0] * denominator


def _logaddexp_flags(name: str, x: float, y: float, under: bool) -> Set[str]:
    """What NumPy's ``npy_logaddexp`` flags on the way to its answer: a NaN compared with
    ``<`` (invalid), ``x - y`` too large (overflow), and ``exp`` (or ``exp2``) of a large
    negative difference (underflow)."""
    if x != x or y != y:
        return {"invalid"}
    if x == y or not (math.isfinite(x) and math.isfinite(y)):
        return set()
    if math.isinf(x - y):
        return {"over"}  # the difference of two huge numbers of opposite signs
    limit = 708.4 if name == "logaddexp" else 1022.0  # where exp(-d), exp2(-d) leave the normal numbers
    return {"under"} if under and abs(x - y) > limit else set()


def _integer_flags(name: str, values: Sequence[Any], operands: Tuple[Sequence[Any], ...], loop: DType) -> Set[str]:
    """Division by zero, and the one quotient too large (``min // -1``, which wraps back to
    ``min``): looked for element by element only when a divisor is 0 or -1 (C-speed ``in``)."""
    smallest: Optional[int] = int(loop.min) if loop.kind == "i" and name == "floor_divide" else None
    divisors = operands[1]
    if 0 not in divisors and (smallest is None or -1 not in divisors):
        return set()
    flags: Set[str] = set()
    for a, b in zip(*_repeated(operands, len(values))):
        if b == 0:
            flags.add("divide")
        elif b == -1 and a == smallest:
            flags.add("over")
    return flags
