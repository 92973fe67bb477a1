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
            └── floating          float32 float64

>>> float32(0.1), uint8(7), bool_(2)             # rounded, as NumPy rounds them
(0.10000000149011612, 7, True)
>>> uint8([250, 300])                             # a list converts as astype does: it wraps
tensor([250,  44], dtype=uint8)
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
    "float32",
    "float64",
    "intp",
    "uintp",
    "int_",
    "scalar_type",
    "issubdtype",
]

from typing import Any, Dict, Type

from . import dtypes
from .casting import cast_scalar
from .core import as_tensor
from .dtypes import DType


class generic:
    """The root of NumPy's scalar types. The abstract kinds cannot be called.

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
    """``float32`` and ``float64``."""


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


class float32(floating):
    dtype = dtypes.float32


class float64(floating):
    dtype = dtypes.float64


# NumPy's other names for two of them: the integers that hold a pointer (``np.intp``,
# ``np.uintp``, the type codes "n" and "N") and the default integer (``np.int_``), all 64
# bits here, as on every 64-bit platform NumPy 2 supports.
intp = int64
uintp = uint64
int_ = int64

_BY_DTYPE: Dict[DType, Type[generic]] = {
    kind.dtype: kind for kind in (bool_, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float32, float64)
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


def _as_kind(arg: Any) -> Type[generic]:
    if isinstance(arg, type) and issubclass(arg, generic):
        return arg
    return scalar_type(arg)
