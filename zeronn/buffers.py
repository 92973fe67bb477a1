"""A tensor's memory as bytes: buffers in, buffers out, and one dtype's bytes read as another's.

NumPy's arrays are bytes in memory, and several of its features are about those bytes:
``np.frombuffer`` and ``np.ndarray(shape, dtype, buffer)`` read other objects' memory,
``x.view(np.uint8)`` reads an array's bytes as another dtype without copying,
``x.tobytes()`` copies them out, and ``__array_interface__`` lets another library read them.

zeronn keeps the compact dtypes (``int8`` ... ``uint64`` but ``int64``, ``float32``) in an
``array.array``, which *is* a block of bytes in C's layout, so all of that works for them:
a ``memoryview`` reads the same bytes as another C type, and writes through it reach every
tensor over those bytes. ``float64``, ``int64`` and ``bool`` live in Python lists of Python
objects (the fastest container Python has for arithmetic), which have no bytes to share:
for them a copy is made where NumPy would copy too, a view as another dtype of the same
size reads each element's bytes afresh (and is read-only), and where NumPy would share
memory otherwise zeronn raises and says why.

- ``over_buffer(buffer, to, offset, count)``: the storage of ``count`` elements of dtype
  ``to`` over the bytes of ``buffer``, shared where it can be;
- ``reinterpreted(storage, from_, to)``: a compact storage read as another compact dtype, shared;
- ``ReadAs(storage, from_, to)``: a list storage read as another dtype of the same size: a
  live, read-only view (``bool`` as ``uint8``, ``int64`` as ``uint64`` or ``float64``);
- ``foreign_array(obj)``: the elements, shape and dtype of another library's array (a
  NumPy array, say) read through the buffer protocol, without importing that library;
- ``packed(values, dtype)``: what ``tobytes`` gives.

>>> from array import array
>>> storage = array("H", [1, 256])
>>> reinterpreted(storage, dtypes.uint16, dtypes.uint8).tolist()   # the same bytes, little-endian
[1, 0, 0, 1]
"""

from __future__ import annotations

__all__ = ["over_buffer", "reinterpreted", "is_shared", "ReadAs", "foreign_array", "packed"]

import struct
import sys
from array import array
from typing import Any, List, Tuple

from . import dtypes
from .dtypes import DType, Storage

_NATIVE = "<" if sys.byteorder == "little" else ">"


def over_buffer(buffer: Any, to: DType, offset: int = 0, count: int = -1) -> Tuple[Storage, bool]:
    """``count`` elements of dtype ``to`` over the bytes of ``buffer`` from byte ``offset``
    on (all that fit, for ``count=-1``), and whether they may be written.

    For a compact dtype the storage is a ``memoryview`` of the buffer's own bytes: nothing
    is copied, and writes reach the buffer (a read-only buffer, such as ``bytes``, gives a
    read-only storage). float64, int64 and bool are copied into a list, which is honest only
    for a read-only buffer; a writable one is refused, since writes could not reach it.

    >>> storage, writeable = over_buffer(bytearray(b"\\x01\\x02\\x03"), dtypes.uint8, offset=1)
    >>> storage.tolist(), writeable
    ([2, 3], True)
    >>> over_buffer(bytes(16), dtypes.float64)
    ([0.0, 0.0], False)
    >>> over_buffer(bytes(3), dtypes.int16)
    Traceback (most recent call last):
    ...
    ValueError: buffer size must be a multiple of element size
    """
    raw = memoryview(buffer).cast("B")
    if not 0 <= offset <= len(raw):
        raise ValueError(f"offset must be non-negative and no greater than buffer length ({len(raw)})")
    available = (len(raw) - offset) // to.itemsize
    if count < 0:
        if (len(raw) - offset) % to.itemsize:
            raise ValueError("buffer size must be a multiple of element size")
        count = available
    elif count > available:
        raise ValueError("buffer is smaller than requested size")
    window = raw[offset : offset + count * to.itemsize]
    if to.typecode:  # the buffer's own bytes, read as the dtype's C type
        shared: Storage = window.cast(to.typecode)  # type: ignore[call-overload]
        return shared, not raw.readonly
    if not raw.readonly:
        raise ValueError(
            f"zeronn keeps {to} in a Python list, which cannot share a writable buffer: "
            "pass bytes (read-only), or read a dtype such as float32 or uint8"
        )
    return to.from_bytes(window.tobytes()), False


def reinterpreted(storage: Any, from_: DType, to: DType) -> Storage:
    """The bytes of a compact ``storage`` of dtype ``from_`` read as dtype ``to``'s C type,
    shared, not copied: a write through either reaches the other. Its length is as many
    whole elements of ``to`` as the bytes hold.

    A list (float64, int64 and bool) has no bytes to share, so either side being one of
    those dtypes raises ``TypeError``.

    >>> from array import array
    >>> shared = reinterpreted(array("b", [-1, 1]), dtypes.int8, dtypes.uint8)
    >>> shared.tolist()
    [255, 1]
    >>> reinterpreted([1.0], dtypes.float64, dtypes.uint64)
    Traceback (most recent call last):
    ...
    TypeError: zeronn keeps float64 in a Python list of Python numbers, which has no bytes to share \
with another dtype: a float64 tensor cannot be viewed as uint64
    """
    if not from_.typecode or not to.typecode:
        listed = from_ if not from_.typecode else to
        raise TypeError(
            f"zeronn keeps {listed} in a Python list of Python numbers, which has no bytes to share "
            f"with another dtype: a {from_} tensor cannot be viewed as {to}"
        )
    raw = memoryview(storage).cast("B")
    whole = len(raw) - len(raw) % to.itemsize
    shared: Storage = raw[:whole].cast(to.typecode)  # type: ignore[call-overload]
    return shared


def is_shared(storage: Any) -> bool:
    """Whether ``storage`` is bytes in memory, which other dtypes and libraries can share.

    >>> from array import array
    >>> is_shared(array("f", [1.0])), is_shared([1.0])
    (True, False)
    """
    return isinstance(storage, (array, memoryview))


class ReadAs:
    """A storage's elements read, one by one, as another dtype of the same size: how zeronn
    lets a tensor kept in a Python list be *viewed* as another dtype (``x.view("uint8")`` of a
    bool tensor, ``x.view("uint64")`` of an int64 one). Each read converts the element's
    bytes; it is a live view (a write to the tensor shows in it), but read-only, since a
    write through it could not be put back into the list as NumPy would put the bytes.

    >>> bits = ReadAs([True, False], dtypes.bool_, dtypes.uint8)
    >>> bits[0], bits[0:2], len(bits)
    (1, [1, 0], 2)
    >>> ReadAs([-1], dtypes.int64, dtypes.uint64).tolist()
    [18446744073709551615]
    """

    readonly = True

    def __init__(self, storage: Any, from_: DType, to: DType) -> None:
        if from_.itemsize != to.itemsize or to is dtypes.bool_:
            raise TypeError(f"zeronn can read {from_} as another dtype of {from_.itemsize} bytes, not as {to}")
        self._storage, self._from, self._to = storage, from_, to

    @property
    def source(self) -> Any:
        """The storage read: the same memory, element for element."""
        return self._storage

    def __len__(self) -> int:
        return len(self._storage)

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, slice):
            return self._read(self._storage[key])
        return self._read([self._storage[key]])[0]

    def __iter__(self) -> Any:
        return iter(self.tolist())

    def tolist(self) -> List[Any]:
        """Every element, read as the other dtype."""
        return self._read(self._storage)

    def _read(self, values: Any) -> List[Any]:
        converted: Any = self._to.from_bytes(packed(values, self._from))
        return converted if isinstance(converted, list) else converted.tolist()


def foreign_array(obj: Any) -> Tuple[List[Any], Tuple[int, ...], DType]:
    """The elements (row-major), shape and dtype of another library's array, read through
    the buffer protocol: a NumPy array, an ``array.array``, a ``memoryview``. The library
    itself is never imported. Only zeronn's dtypes in this machine's byte order are read;
    the values are copied.

    >>> from array import array
    >>> foreign_array(array("f", [0.5, 1.5]))
    ([0.5, 1.5], (2,), dtype('float32'))
    >>> foreign_array(memoryview(bytes(4)).cast("B", (2, 2)))
    ([0, 0, 0, 0], (2, 2), dtype('uint8'))
    """
    view = memoryview(obj)
    to = _format_dtype(view.format)
    values: Any = to.from_bytes(view.tobytes(order="C"))  # tobytes gathers any strides, row-major
    return (values if isinstance(values, list) else values.tolist()), tuple(view.shape or ()), to


def packed(values: Any, to: DType) -> bytes:
    """``values`` (elements of dtype ``to``) as C packs them in this machine's byte order.

    >>> packed([1, 2], dtypes.int16)
    b'\\x01\\x00\\x02\\x00'
    """
    return to.to_bytes(values, big_endian=sys.byteorder == "big")


# ---------------------------------------------------------------------------
# Private helpers
# ---------------------------------------------------------------------------

def _format_dtype(format: str) -> DType:
    """The dtype of a buffer's struct format character (``"d"``, ``"<i4"`` is not one: the
    buffer protocol says ``"i"``), or ``TypeError`` for one zeronn does not model."""
    code = format[1:] if format[:1] in ("@", "=", _NATIVE) else format
    if code == "?":
        return dtypes.bool_
    if len(code) == 1 and code in "efd":
        return dtypes.dtype(code)
    if len(code) == 1 and code in "bBhHiIlLqQnN":
        kind = "u" if code.isupper() else "i"
        return dtypes.dtype(f"{kind}{struct.calcsize(code)}")  # "l" is 8 bytes here, 4 on Windows
    raise TypeError(
        f"cannot read a buffer of format {format!r}: zeronn reads only its own dtypes "
        "(bool, int8 ... uint64, float16, float32, float64) in this machine's byte order"
    )
