"""NumPy's scalar types: ``np.float32``, ``np.uint8``, ... and the kinds above them.

In NumPy, ``np.float32`` is a class (the type of one float32 number), and
``np.dtype("float32")`` is an object describing the elements of an array; each names
the other (``np.dtype(np.float32)``, ``x.dtype == np.float32``). zeronn keeps the same
two things apart: the dtypes are in ``dtypes.py``, and the scalar types here.

Calling a sized type makes one of NumPy's scalars: ``int8(-128)`` is an ``int`` (a
``float`` for the float types) that knows its dtype, and its arithmetic is the ufuncs'
in that dtype, as NumPy's is: it wraps and warns (``int8(-128) // int8(-1)``), float32
rounds to float32, and Python numbers beside it are weak (NEP 50). Elements read from a
tensor stay plain Python numbers (``t[0]``), the one place zeronn differs; ``bool_``
gives Python's ``True`` and ``False`` (``bool`` cannot be subclassed).

The kinds form NumPy's tree, so that ``issubdtype`` can ask "is this an integer?"::

    generic
    ├── bool_
    └── number
        ├── integer
        │   ├── signedinteger     int8  int16  int32  int64
        │   └── unsignedinteger   uint8 uint16 uint32 uint64
        └── inexact
            └── floating          float16 float32 float64

>>> float32(0.1), uint8(7), bool_(2)             # rounded, as NumPy rounds them
(np.float32(0.1), np.uint8(7), True)
>>> float32(0.1) + float32(0.2), int8(100) + 1.5, int8(-7) // uint8(2)
(np.float32(0.3), np.float64(101.5), np.int16(-4))
>>> with float_errors.errstate(over="ignore"):   # (else each warns: overflow encountered in scalar ...)
...     int8(-128) // int8(-1), int8(100) + int8(100)
(np.int8(-128), np.int8(-56))
>>> uint8([250, 300])                             # a list converts as astype does: it wraps
tensor([250,  44], dtype=uint8)
>>> int8("-5"), float32("0.1"), bool_("False")     # text is read as NumPy reads it
(np.int8(-5), np.float32(0.1), True)
>>> issubdtype(uint8, integer), issubdtype("float32", floating), issubdtype(int, floating)
(True, True, False)
>>> intp is int64, uintp(2**64 - 1)               # NumPy's pointer-sized integers are 64 bits
(True, np.uint64(18446744073709551615))
"""

from __future__ import annotations

__all__ = [
    "generic",
    "number",
    "integer",
    "signedinteger",
    "unsignedinteger",
    "inexact",
    "floating",
    "bool_",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "float16",
    "float32",
    "float64",
    "intp",
    "uintp",
    "int_",
    "uint",
    "byte",
    "ubyte",
    "short",
    "ushort",
    "intc",
    "uintc",
    "long",
    "ulong",
    "longlong",
    "ulonglong",
    "half",
    "single",
    "double",
    "True_",
    "False_",
    "scalar_type",
    "issubdtype",
]

import operator
from typing import Any, Callable, Dict, Tuple, Type

from . import core, dtypes, float_errors, ufuncs
from .casting import cast_scalar
from .core import Tensor, as_tensor
from .dtypes import DType
from .printing import format_scalar

# ---------------------------------------------------------------------------
# A scalar's arithmetic: the ufunc on one-element tensors, NumPy's scalar warnings
# ---------------------------------------------------------------------------

_Method = Callable[..., Any]

# The integer operations whose overflow NumPy's scalars report (its arrays wrap silently).
_EXACT: Dict[str, Callable[..., Any]] = {
    "add": operator.add, "subtract": operator.sub, "multiply": operator.mul,
    "negative": operator.neg, "absolute": abs,
}


def _operator(name: str) -> Tuple[_Method, _Method]:
    """The methods ``x <op> other`` and ``other <op> x`` of a scalar, for ufunc ``name``."""

    def forward(self: Any, other: Any) -> Any:
        return _computed(name, self, other)

    def reflected(self: Any, other: Any) -> Any:
        return _computed(name, other, self)

    return forward, reflected


def _unary(name: str) -> _Method:
    """The method ``<op> x`` of a scalar (``-x``, ``abs(x)``, ``~x``), for ufunc ``name``."""

    def method(self: Any) -> Any:
        return _computed(name, self)

    return method


def _computed(name: str, *operands: Any) -> Any:
    """Ufunc ``name`` of ``operands``, at least one a scalar of a concrete type: a tensor
    if a tensor or a list takes part, else NumPy's scalar (or pair of them, for ``divmod``).
    ``NotImplemented`` for an operand that is no number, so that Python asks the other."""
    if name == "multiply" and any(isinstance(x, (list, tuple)) for x in operands):
        return NotImplemented  # Python repeats the sequence, as beside NumPy's: [1] * int64(3) is [1, 1, 1]
    if any(isinstance(x, (Tensor, list, tuple)) for x in operands):
        return getattr(ufuncs, name)(*operands)
    if not all(isinstance(x, (bool, int, float)) for x in operands):
        return NotImplemented
    # As one-element tensors, so that the result keeps its dtype (a 0-d one would be a Python number).
    ones = [_one_element(x) for x in operands]
    with float_errors.deferred(f"scalar {name}" if _scalar_math(operands) else name):
        result = getattr(ufuncs, name)(*ones)
        if name in _EXACT and result.dtype.kind in "iu" and result[0] != _EXACT[name](*map(int, operands)):
            float_errors.report({"over"}, name)
    if isinstance(result, tuple):
        return tuple(_scalar(part) for part in result)
    return _scalar(result)


def _scalar_math(operands: Tuple[Any, ...]) -> bool:
    """Whether NumPy's scalar math computes this (its warnings say "in scalar add"), not its
    ufunc: when one scalar's type holds the other operand (``int8(1) // int16(0)``, ``int8(1)
    + 100``); ``uint8(1) // int8(0)`` (an int16 loop) and ``int8(1) / 0.0`` go to the ufunc."""
    if len(operands) == 1:
        return True
    return any(_holds(x, other) for x, other in (operands, operands[::-1]))


def _holds(x: Any, other: Any) -> bool:
    """Whether ``x`` is a scalar whose type holds ``other``: a scalar of a type that casts
    to it safely, or a Python int (a Python float only for the float types)."""
    if not type.__instancecheck__(generic, x):
        return False
    if type.__instancecheck__(generic, other):
        return dtypes.can_cast(other.dtype, x.dtype, "safe")
    return not isinstance(other, float) or x.dtype.kind == "f"


def _one_element(x: Any) -> Any:
    """A scalar of a concrete type as a tensor of shape ``(1,)``; a Python number (weak,
    by NEP 50) as it is."""
    if type.__instancecheck__(generic, x):  # (isinstance would count Python numbers in, see _Kind)
        return Tensor.from_storage(x.dtype.storage([x.item()]), (1,), x.dtype)
    return x


def _scalar(result: Tensor) -> Any:
    """The one element of ``result`` as a scalar of its dtype (a Python bool for bools)."""
    value = result[0]
    return value if result.dtype.kind == "b" else _BY_DTYPE[result.dtype]._of(value)


class _Kind(type):
    """The type of the scalar types, so that ``isinstance`` asks about kinds of number.

    A tensor's elements are Python numbers (``t[0]`` of a uint8 tensor is an ``int``), so NumPy
    code that asks ``isinstance(t[0], np.integer)`` asks it of an ``int``. The abstract kinds
    answer by the Python type: an ``int`` is an ``integer`` (and a ``number``), a ``float``
    is ``floating`` (``inexact``, ``number``), a ``bool`` only ``generic``, as NumPy's
    ``bool_`` is. Which of the concrete types a number came from (``int8`` or ``uint64``)
    a Python number cannot tell, so ``isinstance(3, int64)`` stays false, and so do
    ``signedinteger`` and ``unsignedinteger``.
    """

    def __instancecheck__(cls, instance: Any) -> bool:
        if type.__instancecheck__(cls, instance):
            return True
        return cls in _PYTHON_KINDS.get(type(instance), ())


class generic(metaclass=_Kind):
    """The root of NumPy's scalar types. The abstract kinds cannot be called; they answer
    ``isinstance`` for Python numbers by their kind (see ``_Kind``).

    A concrete type's scalar computes as NumPy's does: ``a + b`` is ``ufuncs.add(a, b)``
    on the two as one-element tensors of their dtypes, and the result a scalar of the
    dtype that gives; a tensor or a list beside it gives a tensor. NumPy's scalars warn
    where its arrays wrap silently (``int8(100) + int8(100)``, "overflow encountered in
    scalar add"), and name their ufunc "scalar ...".

    >>> isinstance(3, integer), isinstance(3.5, floating), isinstance(True, number), isinstance(3, int64)
    (True, True, False, False)
    >>> int8(5) * as_tensor([1, 2]), int8(5) == 5.0, float32(0.1) == 0.1   # 0.1 is rounded to float32 first
    (tensor([ 5, 10]), True, True)
    >>> with float_errors.errstate(over="raise"):   # (by default it warns, and gives np.uint8(255))
    ...     uint8(3) - uint8(4)
    Traceback (most recent call last):
    ...
    FloatingPointError: overflow encountered in scalar subtract
    >>> floating(1.0)
    Traceback (most recent call last):
    ...
    TypeError: cannot create 'floating' instances: it is an abstract kind of scalar
    """

    __slots__ = ()
    dtype: DType  # set on each concrete type: the dtype it stands for

    def __new__(cls, value: Any = 0) -> Any:
        if "dtype" not in cls.__dict__:
            raise TypeError(f"cannot create '{cls.__name__}' instances: it is an abstract kind of scalar")
        if isinstance(value, str):  # NumPy reads a number from text: np.int8("5"), np.float32("1.5")
            value = _parsed(value, cls.dtype)
        if not isinstance(value, (bool, int, float)):
            return as_tensor(value).astype(cls.dtype)
        number = cast_scalar(value, cls.dtype)
        if cls.dtype.kind == "b":
            return number  # Python's True or False: bool has no subclasses
        return cls._of(number)

    @classmethod
    def _of(cls, number: Any) -> Any:
        """The scalar of an element already of this type's dtype (no conversion, no checks)."""
        return cls.dtype.type.__new__(cls, number)  # type: ignore[arg-type]

    # What NumPy's scalars have of an array's attributes.
    shape: Tuple[int, ...] = ()
    ndim = 0
    size = 1

    def item(self) -> Any:
        """The plain Python number (``np.generic.item``): ``int8(5).item()`` is ``5``."""
        return self.dtype.type(self)

    def round(self, decimals: int = 0) -> Any:
        """Rounded to ``decimals`` places, as ``Tensor.round`` rounds, in the scalar's own dtype.

        >>> float64(2.5).round(), float32(1.25).round(1), int16(1234).round(-2)
        (np.float64(2.0), np.float32(1.2), np.int16(1200))
        """
        return _scalar(_one_element(self).round(decimals))

    def __round__(self, ndigits: Any = None) -> Any:  # round(x): an int; round(x, n): NumPy's round
        return round(self.item()) if ndigits is None else self.round(ndigits)

    def __repr__(self) -> str:
        return f"np.{type(self).__name__}({self})"

    def __str__(self) -> str:
        return format_scalar(self.item(), self.dtype)

    def __hash__(self) -> int:  # a scalar hashes as the Python number it equals
        return hash(self.item())

    # Arithmetic, comparisons and bits: NumPy's ufuncs (``_operator`` above).
    __add__, __radd__ = _operator("add")
    __sub__, __rsub__ = _operator("subtract")
    __mul__, __rmul__ = _operator("multiply")
    __truediv__, __rtruediv__ = _operator("divide")
    __floordiv__, __rfloordiv__ = _operator("floor_divide")
    __mod__, __rmod__ = _operator("remainder")
    __divmod__, __rdivmod__ = _operator("divmod")
    __pow__, __rpow__ = _operator("power")
    __and__, __rand__ = _operator("bitwise_and")
    __or__, __ror__ = _operator("bitwise_or")
    __xor__, __rxor__ = _operator("bitwise_xor")
    __lshift__, __rlshift__ = _operator("left_shift")
    __rshift__, __rrshift__ = _operator("right_shift")
    __lt__ = _operator("less")[0]
    __le__ = _operator("less_equal")[0]
    __gt__ = _operator("greater")[0]
    __ge__ = _operator("greater_equal")[0]
    __eq__ = _operator("equal")[0]
    __ne__ = _operator("not_equal")[0]
    __neg__ = _unary("negative")
    __pos__ = _unary("positive")
    __abs__ = _unary("absolute")
    __invert__ = _unary("invert")


class number(generic):
    """Any number: integers and floats (not ``bool_``)."""

    __slots__ = ()


class integer(number):
    """Integers, signed or not."""

    __slots__ = ()


class signedinteger(integer):
    """``int8`` ... ``int64``."""

    __slots__ = ()


class unsignedinteger(integer):
    """``uint8`` ... ``uint64``."""

    __slots__ = ()


class inexact(number):
    """Numbers that round: here, the floats."""

    __slots__ = ()


class floating(inexact):
    """``float16``, ``float32`` and ``float64``."""

    __slots__ = ()


class bool_(generic):
    """``True`` or ``False`` (NumPy 2 also calls it ``bool``)."""

    __slots__ = ()

    dtype = dtypes.bool_


class int8(signedinteger, int):
    __slots__ = ()
    dtype = dtypes.int8


class int16(signedinteger, int):
    __slots__ = ()
    dtype = dtypes.int16


class int32(signedinteger, int):
    __slots__ = ()
    dtype = dtypes.int32


class int64(signedinteger, int):
    __slots__ = ()
    dtype = dtypes.int64


class uint8(unsignedinteger, int):
    __slots__ = ()
    dtype = dtypes.uint8


class uint16(unsignedinteger, int):
    __slots__ = ()
    dtype = dtypes.uint16


class uint32(unsignedinteger, int):
    __slots__ = ()
    dtype = dtypes.uint32


class uint64(unsignedinteger, int):
    __slots__ = ()
    dtype = dtypes.uint64


class float16(floating, float):
    __slots__ = ()
    dtype = dtypes.float16


class float32(floating, float):
    __slots__ = ()
    dtype = dtypes.float32


class float64(floating, float):
    __slots__ = ()
    dtype = dtypes.float64


# NumPy's other names for some of them: the integers that hold a pointer (``np.intp``,
# ``np.uintp``, the type codes "n" and "N") and the default integers (``np.int_``,
# ``np.uint``), all 64 bits here, as on every 64-bit platform NumPy 2 supports.
intp = int64
uintp = uint64
int_ = int64
uint = uint64
# And C's names for them, as NumPy gives them (a C long of 64 bits, as on Linux and macOS).
byte, ubyte, short, ushort, intc, uintc = int8, uint8, int16, uint16, int32, uint32
long, ulong, longlong, ulonglong = int64, uint64, int64, uint64
half, single, double = float16, float32, float64

# NumPy's two bool scalars: Python's own True and False here (bool cannot be subclassed).
True_, False_ = True, False

# What each Python number is an instance of, among the abstract kinds.
_PYTHON_KINDS: Dict[type, Tuple[type, ...]] = {
    bool: (generic,),
    int: (generic, number, integer),
    float: (generic, number, inexact, floating),
}

_BY_DTYPE: Dict[DType, Type[generic]] = {
    kind.dtype: kind
    for kind in (bool_, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float16, float32, float64)
}


# t[()] of a 0-d tensor gives one of these (core.py keeps the table, filled in here); a
# bool stays Python's, as bool_() gives it
core.SCALAR_TYPES.update((dtype, scalar._of) for dtype, scalar in _BY_DTYPE.items() if dtype.kind != "b")


def scalar_type(dtype: Any) -> Type[generic]:
    """The scalar type of a dtype (NumPy's ``dtype.type``).

    >>> scalar_type("f4").__name__, scalar_type(int) is int64
    ('float32', True)
    """
    return _BY_DTYPE[dtypes.dtype(dtype)]


def issubdtype(arg1: Any, arg2: Any) -> bool:
    """Whether ``arg1`` is of the kind ``arg2`` (NumPy's ``issubdtype``): each a dtype, a
    scalar type, a name, or one of the abstract kinds (``integer``, ``floating``, ...).

    >>> issubdtype("int16", signedinteger), issubdtype(float32, float64), issubdtype(bool, number)
    (True, False, False)
    """
    return issubclass(_as_kind(arg1), _as_kind(arg2))


def _parsed(text: str, to: DType) -> Any:
    """The number ``text`` spells, as NumPy's scalar types read it: an int for the integer
    types (``int()``'s rules), a float for the floats, and any non-empty text is ``True``."""
    if to.kind == "b":
        return bool(text)
    return int(text) if to.kind in "iu" else float(text)


def _as_kind(arg: Any) -> Type[generic]:
    if isinstance(arg, type) and issubclass(arg, generic):
        return arg
    return scalar_type(arg)
