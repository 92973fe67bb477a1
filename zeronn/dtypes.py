"""Dtypes: what kind of number each element of a tensor is, as NumPy defines them.

Every tensor has one dtype. zeronn has NumPy's numeric ones:

==========================  ===========================  =====================================
dtype                       holds                        stored as
==========================  ===========================  =====================================
``bool_``                   ``True`` / ``False``         a list of Python bools
``int64``                   integers of 64 bits          a list of Python ints
``float64``                 double-precision floats      a list of Python floats
``int8 int16 int32``        smaller integers             ``array.array`` of the C type
``uint8 ... uint64``        unsigned integers            ``array.array`` of the C type
``float32``                 single-precision floats      ``array.array('f')``
``float16``                 half-precision floats        a list of Python floats, each rounded
==========================  ===========================  =====================================

``float64``, ``int64`` and ``bool_`` are Python's own ``float``, ``int`` and ``bool``, so
their elements live in a plain list: the fastest container Python has, and what the
arithmetic works on. The others are kept compact in an ``array.array`` (a ``uint8`` pixel
takes one byte, a ``float32`` four), which is what makes the book's 60,000 MNIST images
fit in memory: 47 MB as ``uint8``, 188 MB as ``float32``.

``float16`` (the book's ``ch08/half_float_network.py``) has no ``array.array`` typecode,
so its elements are Python floats in a list, each one rounded to the nearest
half-precision number as it is stored (``round_float16_all``: through float32, then
through ``struct``'s half format ``'e'``, as NumPy computes float16 in float32 and
rounds the answer). Its bytes are packed with ``struct``'s ``'e'`` too.

The public names:

- the dtypes themselves, ``bool_``, ``int8`` ... ``uint64``, ``float16``, ``float32``, ``float64``
  (NumPy's scalar types of the same names, which convert as ``np.float32(x)`` does, are
  in ``scalars.py``);
- ``dtype(x)``: a dtype from a name (``"float32"``, ``"f4"``), a Python type or a dtype;
- ``promote_types(a, b)`` and ``result_type(*operands)``: NumPy's promotion rules;
- ``can_cast(from_, to, casting)``: whether NumPy's ``"same_kind"`` (in-place
  arithmetic) or ``"safe"`` rule allows a cast;
- ``IntegerOutOfBoundsError``: a Python int too large for the dtype it meets.

Converting values from one dtype to another is in ``casting.py``.

Integers wrap around as NumPy's do (``uint8`` 250 + 10 is 4). ``float32`` arithmetic is
done in float64 and rounded to float32 after each operation, which for ``+ - * /`` gives
exactly float32's own answers (a double holds more than twice float32's digits).

>>> promote_types(uint8, float32), promote_types(int64, float32)
(dtype('float32'), dtype('float64'))
>>> result_type(uint8, 3), result_type(uint8, 3.5)       # Python numbers are "weak"
(dtype('uint8'), dtype('float64'))
>>> int16.from_bytes(bytes([1, 0, 0, 1]))                 # two little-endian int16s
array('h', [1, 256])
"""

from __future__ import annotations

__all__ = [
    "DType",
    "IntegerOutOfBoundsError",
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
    "dtype",
    "promote_types",
    "result_type",
    "operation_type",
    "can_cast",
    "check_fits",
    "round_float16_all",
]

import builtins
import math
import os
import struct
import sys
from array import array
from itertools import islice
from typing import Any, Iterable, List, MutableSequence, Sequence, Tuple, Union

try:
    import resource  # Unix only: the process's own memory limit, if it has one
except ImportError:  # pragma: no cover - Windows
    resource = None  # type: ignore[assignment]

Number = Union[bool, int, float]
Storage = MutableSequence[Any]  # a list, an array.array, or a read-only memoryview
DTypeLike = Any  # a DType, a name such as "float32", or bool / int / float

# The machine's array typecode for each integer width (``"l"`` is 4 bytes on Windows).
_INT_CODES = {array(code).itemsize: code for code in "bhilq"}
_UINT_CODES = {array(code).itemsize: code for code in "BHILQ"}


class IntegerOutOfBoundsError(ValueError, OverflowError):
    """A Python int that the dtype it is combined with cannot hold (NumPy's ``OverflowError``).

    It is a ``ValueError``, as every bad value in zeronn is, and an ``OverflowError``,
    which is what NumPy raises, so code written for either catches it.

    >>> check_python_int(300, uint8)  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ...
    IntegerOutOfBoundsError: Python integer 300 out of bounds for uint8
    """


class DType:
    """One of NumPy's numeric dtypes: its name, kind, size and how zeronn stores it.

    - ``name``: ``"float32"``, ``"uint8"``, ...; ``str(dtype)`` gives it too;
    - ``kind``: ``"b"`` (bool), ``"u"`` (unsigned), ``"i"`` (signed integer), ``"f"`` (float);
    - ``itemsize``: bytes per element in NumPy (and in zeronn's compact storage);
    - ``type``: the Python type an element reads as: ``bool``, ``int`` or ``float``.

    A dtype compares equal to anything ``dtype()`` turns into it, so ``t.dtype ==
    float``, ``t.dtype == "float64"`` and ``t.dtype == float64`` all hold for a float64
    tensor. (The names that convert, as ``np.float32(x)`` does, are NumPy's scalar types
    in ``scalars.py``; ``dtype(np.float32)`` is this.)

    >>> float32, float32.kind, float32.itemsize, str(float32)
    (dtype('float32'), 'f', 4, 'float32')
    >>> float64 == float, uint8 == "u1", int64 == "float64"
    (True, True, False)
    """

    __slots__ = ("name", "kind", "itemsize", "typecode")

    def __init__(self, name: str, kind: str, itemsize: int, typecode: str) -> None:
        self.name = name
        self.kind = kind
        self.itemsize = itemsize
        self.typecode = typecode  # the array.array typecode; "" for the list-backed dtypes

    @property
    def type(self) -> type:
        """The Python type of one element: ``bool``, ``int`` or ``float``.

        >>> uint8.type, float32.type
        (<class 'int'>, <class 'float'>)
        """
        return {"b": bool, "u": int, "i": int, "f": float}[self.kind]

    @property
    def min(self) -> Number:
        """The smallest value (``-inf`` for floats).

        >>> int8.min, uint8.min
        (-128, 0)
        """
        if self.kind == "f":
            return -math.inf
        return -(1 << (8 * self.itemsize - 1)) if self.kind == "i" else 0

    @property
    def max(self) -> Number:
        """The largest value (``inf`` for floats).

        >>> int8.max, uint8.max, bool_.max
        (127, 255, 1)
        """
        if self.kind == "f":
            return math.inf
        if self.kind == "b":
            return 1
        bits = 8 * self.itemsize - (self.kind == "i")
        return (1 << bits) - 1

    # NumPy's other descriptions of a dtype. zeronn's dtypes are all native, unstructured
    # numbers, so most of these are constants; they are here because NumPy code reads them.

    @property
    def char(self) -> str:
        """NumPy's one-letter type code (``"d"`` for float64, ``"l"`` for int64, ``"?"`` for bool).

        >>> float64.char, int64.char, uint8.char, bool_.char
        ('d', 'l', 'B', '?')
        """
        return _CHARS[self.name]

    @property
    def num(self) -> int:
        """NumPy's number for the type (its C enum ``NPY_TYPES``): 0 for bool ... 12 for float64.

        >>> bool_.num, int64.num, float64.num
        (0, 7, 12)
        """
        return _NUMS[self.name]

    @property
    def byteorder(self) -> str:
        """``"|"`` where byte order means nothing (one byte), else ``"="`` (native: zeronn has no other).

        >>> uint8.byteorder, float32.byteorder
        ('|', '=')
        """
        return "|" if self.itemsize == 1 else "="

    @property
    def str(self) -> builtins.str:  # (builtins.str: inside the class, "str" is this property)
        """The array-interface type string: byte order, kind and size (``"<f8"``, ``"|u1"``).

        >>> float64.str, bool_.str, uint8.str
        ('<f8', '|b1', '|u1')
        """
        order = "|" if self.itemsize == 1 else _NATIVE_ORDER
        return f"{order}{self.kind}{self.itemsize}"

    @property
    def descr(self) -> List[Tuple[builtins.str, builtins.str]]:
        """The array interface's ``descr``: one unnamed field of ``str``.

        >>> int16.descr
        [('', '<i2')]
        """
        return [("", self.str)]

    isnative = True  # every zeronn dtype is in this machine's byte order
    isbuiltin = 1  # NumPy's code for "one of the built-in types"
    hasobject = False
    metadata = None
    fields = None  # zeronn has no structured dtypes
    names = None
    subdtype = None
    shape: Tuple[int, ...] = ()
    ndim = 0

    @property
    def alignment(self) -> int:
        """The alignment C asks of an element: its size, for numbers.

        >>> float32.alignment
        4
        """
        return self.itemsize

    @property
    def base(self) -> DType:
        """The dtype itself: NumPy's ``base`` differs only for subarray dtypes, which zeronn lacks."""
        return self

    def newbyteorder(self, new_order: builtins.str = "S") -> DType:
        """The dtype with another byte order: ``"S"`` swaps, ``"<"``, ``">"``, ``"="`` or ``"|"``
        set one. zeronn keeps every number in this machine's order, so only a native answer
        (or a one-byte dtype, which has no order) can be given; the others raise.

        >>> int8.newbyteorder(), float64.newbyteorder("=")
        (dtype('int8'), dtype('float64'))
        >>> float64.newbyteorder()
        Traceback (most recent call last):
        ...
        TypeError: zeronn keeps numbers only in this machine's byte order: float64 cannot be swapped
        """
        orders = {"S": "swap", "swap": "swap", "<": "little", "L": "little", "little": "little",
                  ">": "big", "B": "big", "big": "big", "=": "native", "N": "native", "native": "native",
                  "|": "native", "I": "native"}  # fmt: skip
        if new_order not in orders:
            raise ValueError(f"byteorder not recognized (got {new_order!r})")
        wanted = orders[new_order]
        if self.itemsize == 1 or wanted == "native" or wanted == sys.byteorder:
            return self
        how = "swapped" if wanted == "swap" else f"stored {wanted}-endian"
        raise TypeError(f"zeronn keeps numbers only in this machine's byte order: {self.name} cannot be {how}")

    def __bool__(self) -> bool:
        return True  # a dtype is true, as NumPy's are (it has no length to make it false)

    def __repr__(self) -> builtins.str:
        return f"dtype('{self.name}')"

    def __str__(self) -> builtins.str:
        return self.name

    def __eq__(self, other: object) -> bool:
        try:
            return self is dtype(other)
        except TypeError:
            return False

    def __hash__(self) -> int:
        return hash(self.name)

    def __reduce__(self) -> Any:
        return (dtype, (self.name,))  # unpickles to the one object of this name

    # -----------------------------------------------------------------------
    # Storage: the container that holds a tensor's elements
    # -----------------------------------------------------------------------

    def storage(self, values: Iterable[Any]) -> Storage:
        """A new container of this dtype holding ``values`` (already of this dtype).

        A list for ``bool_``, ``int64`` and ``float64``; an ``array.array`` otherwise,
        filled in chunks so that a large tensor never passes through a list.

        >>> float32.storage([0.5, 1.0]), float64.storage((0.5, 1.0))
        (array('f', [0.5, 1.0]), [0.5, 1.0])
        """
        if not self.typecode:
            return round_float16_all(values) if self is float16 else list(values)
        # equivalent mutants: array() takes any iterable; the chunks below only spare a list's memory.
        if isinstance(values, (list, array, memoryview)):  # converted element by element, in C
            return array(self.typecode, values)
        made = array(self.typecode)
        iterator = iter(values)
        while True:
            chunk = list(islice(iterator, 1 << 16))
            if not chunk:
                return made
            made.fromlist(chunk)

    def from_bytes(self, raw: bytes, big_endian: bool = False) -> Storage:
        """The elements packed in ``raw`` (C's layout, in either byte order) as this dtype's storage.

        >>> int32.from_bytes(bytes([0, 0, 0, 1]), big_endian=True), float64.from_bytes(bytes(8))
        (array('i', [1]), [0.0])
        """
        if self is float16:  # (array has no half-precision typecode: struct's "e" reads it)
            count = len(raw) // 2
            return list(struct.unpack(f"{'>' if big_endian else '<'}{count}e", raw[: 2 * count]))
        packed = array(self.packcode)
        packed.frombytes(raw)
        if big_endian != (sys.byteorder == "big"):
            packed.byteswap()
        if self is bool_:
            return [value != 0 for value in packed]
        return packed if self.typecode else packed.tolist()

    def to_bytes(self, values: Iterable[Any], big_endian: bool = False) -> bytes:
        """``values`` (elements of this dtype) packed as C packs them, in the byte order asked for.

        >>> int32.to_bytes([1], big_endian=True), bool_.to_bytes([True, False])
        (b'\\x00\\x00\\x00\\x01', b'\\x01\\x00')
        """
        if self is float16:
            listed = list(values)
            return struct.pack(f"{'>' if big_endian else '<'}{len(listed)}e", *listed)
        packed = array(self.packcode, values)
        if big_endian != (sys.byteorder == "big"):
            packed.byteswap()
        return packed.tobytes()

    @property
    def packcode(self) -> builtins.str:
        """The ``array.array`` typecode that packs this dtype's bytes (``"d"`` for float64, ...).

        For ``float16``, which ``array.array`` lacks, it is ``struct``'s code ``"e"``.

        >>> float64.packcode, bool_.packcode, uint8.packcode, float16.packcode
        ('d', 'B', 'B', 'e')
        """
        if self is float16:
            return "e"
        return self.typecode or _LIST_PACKCODES[self.kind]

    def empty_storage(self, size: int) -> Storage:
        """A container of ``size`` zeros of this dtype (NumPy's ``empty`` holds garbage)."""
        zero = self.type(0)
        return [zero] * size if not self.typecode else array(self.typecode, bytes(size * self.itemsize))


bool_ = DType("bool", "b", 1, "")
int8 = DType("int8", "i", 1, _INT_CODES[1])
int16 = DType("int16", "i", 2, _INT_CODES[2])
int32 = DType("int32", "i", 4, _INT_CODES[4])
int64 = DType("int64", "i", 8, "")
uint8 = DType("uint8", "u", 1, _UINT_CODES[1])
uint16 = DType("uint16", "u", 2, _UINT_CODES[2])
uint32 = DType("uint32", "u", 4, _UINT_CODES[4])
uint64 = DType("uint64", "u", 8, _UINT_CODES[8])
float16 = DType("float16", "f", 2, "")
float32 = DType("float32", "f", 4, "f")
float64 = DType("float64", "f", 8, "")

_LIST_PACKCODES = {"f": "d", "i": "q", "b": "B"}  # how the list-kept float64, int64 and bool pack
# NumPy's type codes and type numbers (``dtype.char``, ``dtype.num``), a C long being 64 bits.
_CHARS = {"bool": "?", "int8": "b", "int16": "h", "int32": "i", "int64": "l", "uint8": "B", "uint16": "H",
          "uint32": "I", "uint64": "L", "float16": "e", "float32": "f", "float64": "d"}  # fmt: skip
_NUMS = {"bool": 0, "int8": 1, "uint8": 2, "int16": 3, "uint16": 4, "int32": 5, "uint32": 6, "int64": 7,
         "uint64": 8, "float16": 23, "float32": 11, "float64": 12}  # fmt: skip

_ALL = (bool_, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float16, float32, float64)
# NumPy's other spellings of them: kind-and-size codes ("f4"), one-letter type codes, C and
# Python names. A C long is 64 bits here, as on 64-bit Linux and macOS (on Windows NumPy's
# "l" and "long" are int32).
_ALIASES = {
    bool_: ("bool_", "?", "b1"),
    int8: ("i1", "b", "byte"),
    int16: ("i2", "h", "short"),
    int32: ("i4", "i", "intc"),
    int64: ("i8", "l", "q", "p", "n", "int", "int_", "intp", "long", "longlong"),
    uint8: ("u1", "B", "ubyte"),
    uint16: ("u2", "H", "ushort"),
    uint32: ("u4", "I", "uintc"),
    uint64: ("u8", "L", "Q", "P", "N", "uint", "uintp", "ulong", "ulonglong"),
    float16: ("f2", "e", "half"),
    float32: ("f4", "f", "single"),
    float64: ("f8", "d", "float", "double"),
}  # fmt: skip
_BY_NAME = {d.name: d for d in _ALL}
_BY_NAME.update({alias: d for d, aliases in _ALIASES.items() for alias in aliases})
_PYTHON_TYPES = {bool: bool_, int: int64, float: float64}
_NATIVE_ORDER = "<" if sys.byteorder == "little" else ">"


def dtype(obj: Any, align: bool = False, copy: bool = False, metadata: Any = None) -> DType:
    """The dtype that ``obj`` names: a dtype, a name or type code (as ``str`` or ``bytes``),
    ``bool``/``int``/``float``, a scalar type, or ``None`` (NumPy's default, float64).

    As in NumPy, ``int`` means ``int64`` and ``float`` means ``float64``. ``align`` and
    ``copy`` change nothing for the dtypes zeronn has; ``metadata`` is refused, because
    each of zeronn's dtypes is one shared object (``x.dtype is float64`` holds).

    >>> dtype("f4"), dtype(int), dtype("<u1"), dtype(None), dtype(b"n")
    (dtype('float32'), dtype('int64'), dtype('uint8'), dtype('float64'), dtype('int64'))
    >>> dtype("complex64")
    Traceback (most recent call last):
    ...
    TypeError: data type 'complex64' is not supported by zeronn: use one of bool, int8, int16, int32, int64, uint8, \
uint16, uint32, uint64, float16, float32, float64
    """
    if metadata is not None:
        raise TypeError("zeronn's dtypes carry no metadata: each is one object shared by every tensor of its kind")
    if isinstance(obj, DType):
        return obj
    if obj is None:
        return float64
    named = getattr(obj, "dtype", None) if isinstance(obj, type) else None
    if isinstance(named, DType):  # a scalar type such as np.float32, as NumPy reads it
        return named
    if isinstance(obj, type) and obj in _PYTHON_TYPES:
        return _PYTHON_TYPES[obj]
    if isinstance(obj, bytes):
        try:
            obj = obj.decode("ascii")
        except UnicodeDecodeError:
            raise TypeError("data type not understood") from None
    if isinstance(obj, str):
        ordered = obj[:1] in ("|", "=", _NATIVE_ORDER) and len(obj) <= 3  # only a code takes an order: "<f4"
        name = obj[1:] if ordered else obj
        if name in _BY_NAME:
            return _BY_NAME[name]
        if name in _REMOVED_ALIASES:
            raise TypeError(f"Alias {name!r} was removed in NumPy 2.0. Use a name without a digit at the end.")
        if name in ("", "|", "=", "<", ">"):
            raise TypeError(f"data type {obj!r} not understood")
        names = ", ".join(d.name for d in _ALL)
        shown = obj if len(obj) <= 40 else obj[:40] + "..."
        raise TypeError(f"data type {shown!r} is not supported by zeronn: use one of {names}")
    shown_object = repr(obj) if len(repr(obj)) <= 60 else type(obj).__name__
    raise TypeError(f"data type {shown_object} not understood")


# NumPy 1's names with a size digit that NumPy 2 removed (np.dtype("int0") raises, saying so).
_REMOVED_ALIASES = ("int0", "uint0", "bool8", "bytes0", "str0", "object0", "void0")


# ---------------------------------------------------------------------------
# What a new tensor would cost
# ---------------------------------------------------------------------------

_UNCHECKED_BYTES = 1 << 26  # below 64 MB a tensor is made without asking


def check_fits(shape: Sequence[int], to: DType, what: str = "") -> None:
    """Raise ``ValueError`` before making a tensor of ``shape`` and dtype ``to`` that could
    never fit: one that needs more bytes than this machine has, or than this process may
    use (its ``RLIMIT_AS``). The message says the bytes, so the mistake is plain at once,
    not minutes later in a ``MemoryError`` or a swapping machine.

    The cost counted is the least the storage takes: a pointer (8 bytes) per element for
    the dtypes kept in a list, the item size for those kept in an ``array.array``. Small
    tensors cost one multiplication to check. ``what`` names the thing in the message.

    >>> check_fits((10**6, 10**6), float64)
    Traceback (most recent call last):
    ...
    ValueError: a tensor of shape (1000000, 1000000) and dtype float64 needs at least 8,000,000,000,000 bytes, ...
    """
    cost = math.prod(shape) * (to.itemsize if to.typecode else 8)
    if cost <= _UNCHECKED_BYTES:
        return
    limit, where = memory_limit()
    if cost > limit:
        shown = "(" + ", ".join(map(str, shape)) + ("," if len(shape) == 1 else "") + ")"
        what = what or f"a tensor of shape {shown} and dtype {to.name}"
        raise ValueError(f"{what} needs at least {cost:,} bytes, more than {where} ({limit:,} bytes)")


def memory_limit() -> Tuple[int, str]:
    """The most memory a tensor may take, in bytes, and what sets it: the machine's physical
    memory, or the process's address-space limit where one is set and smaller.

    >>> limit, where = memory_limit()
    >>> limit > 0 and where in ("this machine's memory", "this process's memory limit")
    True
    """
    try:
        limit, where = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES"), "this machine's memory"
    except (AttributeError, ValueError, OSError):  # pragma: no cover - no sysconf (Windows)
        limit, where = 1 << 40, "1 TiB"
    if resource is not None:
        soft, _ = resource.getrlimit(resource.RLIMIT_AS)
        if soft != resource.RLIM_INFINITY and soft < limit:
            limit, where = soft, "this process's memory limit"
    return limit, where


# ---------------------------------------------------------------------------
# Promotion (https://numpy.org/doc/stable/reference/arrays.promotion.html)
# ---------------------------------------------------------------------------

_KIND_ORDER = {"b": 0, "u": 1, "i": 2, "f": 3}


def promote_types(type1: DTypeLike, type2: DTypeLike) -> DType:
    """The smallest dtype that holds every value of both: NumPy's ``promote_types``.

    Each argument is a dtype or anything ``dtype()`` reads (``"int8"``, ``float``, ...).
    Along one kind, the wider wins. An unsigned integer meets a signed one in a signed
    integer twice its width (``uint8`` and ``int8`` give ``int16``), and ``uint64`` with any
    signed integer gives ``float64``. An integer meets a float in a float at least twice its
    width: 8-bit integers fit in ``float16``, 16-bit ones in ``float32``, wider ones need
    ``float64``.

    >>> promote_types(uint8, int8), promote_types(uint64, int64), promote_types("i2", "f4")
    (dtype('int16'), dtype('float64'), dtype('float32'))
    >>> promote_types(int8, float16), promote_types(int16, "e"), promote_types(float16, float32)
    (dtype('float16'), dtype('float32'), dtype('float32'))
    """
    a, b = dtype(type1), dtype(type2)
    if a is b:
        return a
    if _KIND_ORDER[a.kind] > _KIND_ORDER[b.kind]:
        a, b = b, a  # now a's kind is the lower one
    if a.kind == "b":
        return b
    if a.kind == b.kind:  # both floats, both signed or both unsigned: the wider
        return max(a, b, key=lambda d: d.itemsize)
    if b.kind == "f":
        holds = _FLOATS[min(8, 2 * a.itemsize)]  # float16 holds int8 exactly, float32 int16, no wider
        return max(b, holds, key=lambda d: d.itemsize)
    # a is unsigned, b is signed
    if b.itemsize > a.itemsize:
        return b
    return _signed(2 * a.itemsize) if a.itemsize < 8 else float64


def result_type(*operands: Any) -> DType:
    """The dtype of an operation on ``operands``: dtypes, tensors or Python numbers.

    Python numbers are "weak" (NumPy 2's rule): they take the tensor's dtype when their
    kind fits it, so ``uint8`` + ``1`` stays ``uint8`` and ``float32`` * ``0.5`` stays
    ``float32``; a float meeting integers gives ``float64``. Only a number's kind counts,
    not its value, as in NumPy: ``result_type(uint8, 300)`` is ``uint8`` (the operation
    itself refuses 300, see ``operation_type``).

    >>> result_type(float32, 0.5), result_type(int32, 2.5), result_type(True, 1)
    (dtype('float32'), dtype('float64'), dtype('int64'))
    >>> result_type(uint8, 300), result_type(1, 2**64)
    (dtype('uint8'), dtype('int64'))
    """
    strong = [operand_dtype(x) for x in operands if not _is_python_number(x)]
    if not strong:  # only Python numbers: their own types, promoted
        strong = [_python_dtype(x) for x in operands]
    result = strong[0]
    for other in strong[1:]:
        result = promote_types(result, other)
    for x in operands:
        if _is_python_number(x):
            result = _with_weak(result, x)
    return result


def operation_type(*operands: Any) -> DType:
    """``result_type``, and a Python int among the operands too large for it refused, as
    NumPy refuses it when the operation converts it (``IntegerOutOfBoundsError``, an
    ``OverflowError`` as NumPy's is).

    >>> operation_type(uint8, 3)
    dtype('uint8')
    >>> operation_type(uint8, 300)  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ...
    IntegerOutOfBoundsError: Python integer 300 out of bounds for uint8
    """
    result = result_type(*operands)
    if result.kind in "iu":
        for x in operands:
            if _is_python_number(x) and not isinstance(x, (bool, float)):
                check_python_int(x, result)
    return result


def _with_weak(result: DType, x: Number) -> DType:
    """``result`` after meeting the Python number ``x`` (NEP 50)."""
    if isinstance(x, bool):
        return result
    if isinstance(x, int):
        return int64 if result.kind == "b" else result
    return result if result.kind == "f" else float64


def operand_dtype(x: Any) -> DType:
    """The dtype of a tensor (anything with a ``dtype``) or a dtype itself."""
    found = getattr(x, "dtype", x)
    return found if isinstance(found, DType) else dtype(found)


def can_cast(from_: Any, to: DTypeLike, casting: str = "safe") -> bool:
    """Whether NumPy's rule ``casting`` allows converting ``from_`` to ``to``.

    ``from_`` is a dtype (or a name of one) or a tensor, whose dtype is asked about. The rules:

    - ``"no"`` and ``"equiv"``: only to the same dtype (zeronn's dtypes are all native, so
      the two agree);
    - ``"safe"``: every value is kept (``uint8`` to ``int16``, ``int16`` to ``float32``);
    - ``"same_kind"`` (the rule of ``+=`` and friends): also narrowing within a kind, and
      going up the ladder bool -> unsigned -> signed -> float, but never down it;
    - ``"unsafe"``: anything.

    Python numbers are refused, as NumPy 2 refuses them (their dtype would depend on the value).

    >>> can_cast(int64, int32, "same_kind"), can_cast("f8", int64, "same_kind")
    (True, False)
    >>> can_cast(int64, int32), can_cast(uint8, "i2"), can_cast(uint8, uint8, "no")
    (False, True, True)
    >>> can_cast(3, int8)
    Traceback (most recent call last):
    ...
    TypeError: can_cast() does not support Python ints, floats, and complex because the result used to depend on \
the value.
    This change was part of adopting NEP 50, we may explicitly allow them again in the future.
    """
    if isinstance(from_, (int, float, complex)) and not hasattr(from_, "dtype"):
        raise TypeError(
            "can_cast() does not support Python ints, floats, and complex because the result used to depend on "
            "the value.\nThis change was part of adopting NEP 50, we may explicitly allow them again in the future."
        )
    source, target = operand_dtype(from_), dtype(to)
    if casting in ("no", "equiv"):
        return source is target
    if casting == "safe":
        return promote_types(source, target) is target
    if casting == "same_kind":
        return _KIND_ORDER[source.kind] <= _KIND_ORDER[target.kind]
    if casting == "unsafe":
        return True
    raise ValueError(f"casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' (got {casting!r})")


def check_python_int(value: int, to: DType) -> None:
    """Raise ``IntegerOutOfBoundsError`` unless ``to`` can hold the Python int ``value``."""
    if not to.min <= value <= to.max:
        raise IntegerOutOfBoundsError(f"Python integer {describe_int(value)} out of bounds for {to.name}")


def describe_int(value: int) -> str:
    """An int for a message: its digits when it has up to 30, else its size, so that a
    hostile 10**100000 neither floods the message nor trips Python's digit limit.

    >>> describe_int(300), describe_int(-2**2000)
    ('300', '-2**2000 or so (an int of 2001 bits)')
    """
    if value.bit_length() <= 99:
        return str(value)
    sign = "-" if value < 0 else ""
    return f"{sign}2**{value.bit_length() - 1} or so (an int of {value.bit_length()} bits)"


# ---------------------------------------------------------------------------
# Private helpers
# ---------------------------------------------------------------------------


_FLOATS = {2: float16, 4: float32, 8: float64}


def round_float16_all(values: Iterable[Any]) -> List[float]:
    """Python floats rounded to the nearest half-precision (``float16``) numbers, as a list.

    Each is rounded first to float32 and then to float16, as NumPy's float16 arithmetic
    computes in float32 and rounds the answer (for ``+ - * /`` and ``sqrt`` both roundings
    together are the one correct rounding). Beyond float16's largest number, 65504, lies
    infinity (``struct`` refuses to pack it, so those are done one by one).

    >>> round_float16_all([0.1, 65519.0, 65520.0, -1e300, float("nan")])
    [0.0999755859375, 65504.0, inf, -inf, nan]
    """
    singles = array("f", values)  # rounded to float32 in C
    try:
        return list(struct.unpack(f"{len(singles)}e", struct.pack(f"{len(singles)}e", *singles)))
    except OverflowError:  # some beyond the largest float16: those round to infinity
        return [_round_float16(value) for value in singles]


def _round_float16(single: float) -> float:
    if abs(single) >= 65520.0:  # halfway between 65504 and 2**16 and above: infinity
        return math.copysign(math.inf, single)
    rounded: float = struct.unpack("e", struct.pack("e", single))[0]
    return rounded


def _signed(itemsize: int) -> DType:
    return {1: int8, 2: int16, 4: int32, 8: int64}[itemsize]


def _is_python_number(x: Any) -> bool:
    return isinstance(x, (bool, int, float)) and not hasattr(x, "dtype")


def _number_type(x: Number) -> type:
    return bool if isinstance(x, bool) else int if isinstance(x, int) else float


def _python_dtype(x: Number) -> DType:
    return _PYTHON_TYPES[_number_type(x)]


