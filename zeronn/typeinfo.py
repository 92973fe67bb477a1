"""What the dtypes can hold: NumPy's ``iinfo``, ``finfo``, ``typecodes`` and ``sctypes``.

- ``iinfo(int_type)``: the smallest and largest value of an integer dtype (an ``IntegerInfo``);
- ``finfo(float_type)``: the machine limits of a float dtype (``eps``, ``tiny``, ``max``, ...),
  computed from its bits rather than copied from a table (a ``FloatInfo``);
- ``typecodes``: NumPy's one-letter type codes, grouped by kind (only those zeronn has);
- ``sctypes``: the scalar types, grouped by kind (``sctypes["int"]`` is int8 ... int64).

Every value is a Python number: zeronn has no NumPy scalars, so ``finfo(float32).eps``
is the float32 number ``2**-23`` held in a Python float.

>>> iinfo("uint8").max, iinfo(int).min
(255, -9223372036854775808)
>>> finfo("float32").eps == 2**-23, finfo(float).max
(True, 1.7976931348623157e+308)
"""

from __future__ import annotations

__all__ = ["iinfo", "finfo", "IntegerInfo", "FloatInfo", "typecodes", "sctypes"]

from typing import Any, Dict, List, Type

from . import dtypes
from .casting import rounder
from .dtypes import DType
from .printing import format_scalar
from .scalars import generic, scalar_type


def _dtype_of(type_: Any, what: str) -> DType:
    """The dtype ``iinfo``/``finfo`` is asked about: a dtype, a scalar type or a name.

    A NumPy scalar (``int8(3)``) is asked about by its dtype, as NumPy does. A Python number
    (a tensor's element) says nothing of the dtype it came from, so it is refused.
    """
    if isinstance(type_, generic):  # one of NumPy's scalars (isinstance: a Python number too)
        scalar_dtype = getattr(type(type_), "dtype", None)
        if scalar_dtype is not None:
            return scalar_dtype  # type: ignore[no-any-return]
        raise ValueError(
            f"{what}({type_!r}): zeronn's scalars are Python numbers, which carry no dtype; "
            "pass a dtype (such as the tensor's .dtype) instead"
        )
    return dtypes.dtype(type_)


# ---------------------------------------------------------------------------
# Integers
# ---------------------------------------------------------------------------


def iinfo(int_type: Any) -> IntegerInfo:
    """The limits of an integer dtype (``np.iinfo``): ``min``, ``max``, ``bits``, ``dtype``.

    (NumPy's ``iinfo`` is a class; here it is a function that makes an ``IntegerInfo``.)

    >>> iinfo("int16")
    iinfo(min=-32768, max=32767, dtype=int16)
    >>> iinfo("uint64").max, iinfo("i1").bits, iinfo("u4").key
    (18446744073709551615, 8, 'u32')
    >>> iinfo("float32")
    Traceback (most recent call last):
    ...
    ValueError: Invalid integer data type 'f'.
    """
    return IntegerInfo(_dtype_of(int_type, "iinfo"))


class IntegerInfo:
    """What ``iinfo`` tells of an integer dtype: ``min``, ``max``, ``bits``, ``kind``, ``key``.

    >>> IntegerInfo(dtypes.uint8).max
    255
    """

    def __init__(self, dtype: DType) -> None:
        self.dtype = dtype
        self.kind = self.dtype.kind
        self.bits = 8 * self.dtype.itemsize
        self.key = f"{self.kind}{self.bits}"
        if self.kind not in "iu":
            raise ValueError(f"Invalid integer data type {self.kind!r}.")

    @property
    def min(self) -> int:
        """The smallest value: ``-2**(bits-1)``, or 0 for an unsigned dtype."""
        return int(self.dtype.min)

    @property
    def max(self) -> int:
        """The largest value: ``2**(bits-1) - 1``, or ``2**bits - 1`` for an unsigned dtype."""
        return int(self.dtype.max)

    def __repr__(self) -> str:
        return f"iinfo(min={self.min}, max={self.max}, dtype={self.dtype})"

    def __str__(self) -> str:
        rule = "-" * 63
        return f"Machine parameters for {self.dtype}\n{rule}\nmin = {self.min}\nmax = {self.max}\n{rule}\n"


# ---------------------------------------------------------------------------
# Floats
# ---------------------------------------------------------------------------

# The IEEE 754 binary formats zeronn has: significand bits after the point, exponent bits.
_FORMATS = {"float16": (10, 5), "float32": (23, 8), "float64": (52, 11)}


def finfo(dtype: Any) -> FloatInfo:
    """The machine limits of a float dtype (``np.finfo``), from its IEEE 754 format
    (NumPy's ``finfo`` is a class; here it is a function that makes a ``FloatInfo``).

    For a format with ``nmant`` bits after the binary point and ``nexp`` exponent bits:

    - ``eps = 2**-nmant``: the gap between 1.0 and the next float; ``epsneg = 2**-(nmant+1)``,
      the gap below 1.0;
    - ``max = (2 - eps) * 2**maxexp / 2``, ``min = -max``;
    - ``tiny = smallest_normal = 2**minexp``; ``smallest_subnormal = 2**(minexp - nmant)``;
    - ``precision``: the decimal digits it holds, ``int(-log10(eps))``; ``resolution = 10**-precision``.

    >>> finfo("float32")
    finfo(resolution=1e-06, min=-3.4028235e+38, max=3.4028235e+38, dtype=float32)
    >>> finfo(float).eps, finfo("f8").smallest_subnormal, finfo("f4").precision
    (2.220446049250313e-16, 5e-324, 6)
    >>> finfo("float16")
    finfo(resolution=0.001, min=-6.55e+04, max=6.55e+04, dtype=float16)
    >>> finfo(int)
    Traceback (most recent call last):
    ...
    ValueError: data type <class '...int64'> not inexact
    """
    return FloatInfo(_dtype_of(dtype, "finfo"))


class FloatInfo:
    """What ``finfo`` tells of a float dtype: ``eps``, ``max``, ``tiny``, ``precision``, ...

    >>> FloatInfo(dtypes.float32).max
    3.4028234663852886e+38
    """

    def __init__(self, dtype: DType) -> None:
        if dtype.kind != "f":
            raise ValueError(f"data type {scalar_type(dtype)!r} not inexact")
        self.dtype = dtype
        self.nmant, self.nexp = _FORMATS[self.dtype.name]
        self.bits = 8 * self.dtype.itemsize
        self.iexp = self.nexp
        self.maxexp = 1 << (self.nexp - 1)  # 128 for float32, 1024 for float64
        self.minexp = 2 - self.maxexp  # the smallest normal exponent: -126, -1022
        self.machep, self.negep = -self.nmant, -self.nmant - 1
        self.eps = 2.0**self.machep
        self.epsneg = 2.0**self.negep
        self.max = (2.0 - self.eps) * 2.0 ** (self.maxexp - 1)
        self.min = -self.max
        self.smallest_normal = self.tiny = 2.0**self.minexp
        self.smallest_subnormal = 2.0 ** (self.minexp - self.nmant)
        self.precision = _digits(self.eps)
        self.resolution = self._as_element(10.0**-self.precision)

    def _as_element(self, value: float) -> float:
        """``value`` as an element of this dtype would hold it (rounded for float32 and float16)."""
        rounded = rounder(self.dtype)
        return rounded(value) if rounded is not None else value

    def _show(self, value: float) -> str:
        return format_scalar(value, self.dtype)

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={self._show(getattr(self, name))}" for name in ("resolution", "min", "max"))
        return f"finfo({shown}, dtype={self.dtype})"

    def __str__(self) -> str:
        rule = "-" * 63
        show = self._show
        return (
            f"Machine parameters for {self.dtype}\n{rule}\n"
            f"precision = {self.precision}   resolution = {show(self.resolution)}\n"
            f"machep = {self.machep}   eps =        {show(self.eps)}\n"
            f"negep =  {self.negep}   epsneg =     {show(self.epsneg)}\n"
            f"minexp = {self.minexp}   tiny =       {show(self.tiny)}\n"
            f"maxexp = {self.maxexp}   max =        {show(self.max)}\n"
            f"nexp =   {self.nexp}   min =        -max\n"
            f"smallest_normal = {show(self.smallest_normal)}   "
            f"smallest_subnormal = {show(self.smallest_subnormal)}\n{rule}\n"
        )


def _digits(eps: float) -> int:
    """How many decimal digits a float with this ``eps`` holds: ``floor(-log10(eps))``,
    counted with exact powers of ten (6 for float32, 15 for float64)."""
    digits = 0
    while 10.0 ** -(digits + 1) >= eps:
        digits += 1
    return digits


# ---------------------------------------------------------------------------
# The type codes and scalar types, by kind
# ---------------------------------------------------------------------------

# NumPy's ``np.typecodes``, keeping only the codes zeronn reads ("n"/"p" are intp, "N"/"P"
# uintp; "l" and "q" both int64 here). The kinds zeronn lacks (complex, characters,
# datetimes, longdouble) are empty, so a loop over them does nothing.
typecodes: Dict[str, str] = {
    "Character": "",
    "Integer": "bhilqnp",
    "UnsignedInteger": "BHILQNP",
    "Float": "efd",
    "Complex": "",
    "AllInteger": "bBhHiIlLqQnNpP",
    "AllFloat": "efd",
    "Datetime": "",
    "All": "?bhilqnpBHILQNPefd",
}


def _scalar_types(*names: str) -> List[Type[generic]]:
    return [scalar_type(name) for name in names]


# NumPy's ``sctypes`` (which NumPy 2 keeps in ``numpy._core.numerictypes``): the scalar
# types of each kind, smallest first, with only the ones zeronn has.
sctypes: Dict[str, List[Type[generic]]] = {
    "int": _scalar_types("int8", "int16", "int32", "int64"),
    "uint": _scalar_types("uint8", "uint16", "uint32", "uint64"),
    "float": _scalar_types("float16", "float32", "float64"),
    "complex": [],
    "others": _scalar_types("bool"),
}
