"""NumPy's scalar types: ``np.float32``, ``np.uint8``, ... and the kinds above them.

In NumPy, ``np.float32`` is a class (the type of one float32 number), and
``np.dtype("float32")`` is an object describing the elements of an array; each names
the other (``np.dtype(np.float32)``, ``x.dtype == np.float32``). zeronn keeps the same
two things apart: the dtypes are in ``dtypes.py``, and the scalar types here. Calling one
converts, as NumPy's do; since zeronn's scalars are Python numbers, the result is a Python
number (or a tensor, for a list or a tensor).

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
(0.10000000149011612, 7, True)
>>> uint8([250, 300])                             # a list converts as astype does: it wraps
tensor([250,  44], dtype=uint8)
>>> int8("-5"), float32("0.1"), bool_("False")     # text is read as NumPy reads it
(-5, 0.10000000149011612, True)
>>> issubdtype(uint8, integer), issubdtype("float32", floating), issubdtype(int, floating)
(True, True, False)
>>> intp is int64, uintp(2**64 - 1)               # NumPy's pointer-sized integers are 64 bits
(True, 18446744073709551615)
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

from typing import Any, Dict, Tuple, Type

from . import dtypes
from .casting import cast_scalar
from .core import as_tensor
from .dtypes import DType


class _Kind(type):
    """The type of the scalar types, so that ``isinstance`` asks about kinds of number.

    zeronn's scalars are Python numbers (``t[0]`` of a uint8 tensor is an ``int``), so NumPy
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

    >>> isinstance(3, integer), isinstance(3.5, floating), isinstance(True, number), isinstance(3, int64)
    (True, True, False, False)
    >>> floating(1.0)
    Traceback (most recent call last):
    ...
    TypeError: cannot create 'floating' instances: it is an abstract kind of scalar
    """

    dtype: DType  # set on each concrete type: the dtype it stands for

    def __new__(cls, value: Any = 0) -> Any:
        if "dtype" not in cls.__dict__:
            raise TypeError(f"cannot create '{cls.__name__}' instances: it is an abstract kind of scalar")
        if isinstance(value, (bool, int, float)):
            return cast_scalar(value, cls.dtype)
        if isinstance(value, str):  # NumPy reads a number from text: np.int8("5"), np.float32("1.5")
            return cast_scalar(_parsed(value, cls.dtype), cls.dtype)
        return as_tensor(value).astype(cls.dtype)


class number(generic):
    """Any number: integers and floats (not ``bool_``)."""


class integer(number):
    """Integers, signed or not."""


class signedinteger(integer):
    """``int8`` ... ``int64``."""


class unsignedinteger(integer):
    """``uint8`` ... ``uint64``."""


class inexact(number):
    """Numbers that round: here, the floats."""


class floating(inexact):
    """``float16``, ``float32`` and ``float64``."""


class bool_(generic):
    """``True`` or ``False`` (NumPy 2 also calls it ``bool``)."""

    dtype = dtypes.bool_


class int8(signedinteger):
    dtype = dtypes.int8


class int16(signedinteger):
    dtype = dtypes.int16


class int32(signedinteger):
    dtype = dtypes.int32


class int64(signedinteger):
    dtype = dtypes.int64


class uint8(unsignedinteger):
    dtype = dtypes.uint8


class uint16(unsignedinteger):
    dtype = dtypes.uint16


class uint32(unsignedinteger):
    dtype = dtypes.uint32


class uint64(unsignedinteger):
    dtype = dtypes.uint64


class float16(floating):
    dtype = dtypes.float16


class float32(floating):
    dtype = dtypes.float32


class float64(floating):
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

# NumPy's two bool scalars; zeronn's scalars are Python's own numbers, so these are True and False.
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
