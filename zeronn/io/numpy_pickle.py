"""NumPy's pickles read without NumPy, and without running them.

A pickle is a small program for a stack machine: its opcodes push numbers and strings,
build lists and dicts, name importable functions (``GLOBAL``) and call them (``REDUCE``),
and Python's own ``pickle.load`` runs whatever it names, ``os.system`` included. NumPy's
arrays need only a few harmless functions to be rebuilt, so this module decodes the
opcodes and runs the stack machine itself, and knows exactly those functions, each
mapped to a small stand-in here:

- ``numpy._core.multiarray._reconstruct`` (NumPy 1: ``numpy.core``) and ``numpy.ndarray``:
  an empty array, filled in by ``BUILD`` with its shape, dtype, order and bytes;
- ``numpy._core.numeric._frombuffer``: an array from its bytes (pickle protocol 5);
- ``numpy.dtype``: a dtype by its code (``"<f4"``), with its byte order;
- ``_codecs.encode`` and ``builtins.bytes``: the bytes of protocols 0 to 2, which store
  them as latin-1 text;
- zeronn's own ``rebuild_tensor`` and ``dtype``, which a pickled tensor names: those of
  any copy of zeronn, under any name (``zeronn.core.rebuild_tensor``, or
  ``mylib.nn.core.rebuild_tensor`` from a vendored copy), since a copy's modules keep
  their own names whatever the package is called. So a pickle written by one copy loads
  in every other, and nothing is imported to load it.

Everything else is refused with ``pickle.UnpicklingError``, and nothing a pickle does
can reach further than the objects it has made itself. Running the machine here, rather
than Python's unpickler with a list of allowed names, is what bounds its cost by the
pickle's own size:

- the memo is a dict, so a memo index near 2**31 costs one entry, not 2**31 slots;
- every length is checked against the bytes actually there before anything is made,
  and the arrays' data, all together, can never be more bytes than the pickle holds, so
  a tiny pickle cannot ask for gigabytes, however it shares and repeats things;
- every object the machine makes is counted in bytes: at most 64 for each byte read
  (and 16 MiB to start with), never more than ``MAX_PICKLE_BYTES`` in all;
- a dict key or a set item shares its hash with at most 16 others: keys made to collide
  would otherwise cost time growing with the square of their number;
- an array's dimensions are NumPy's: each below 2**63, their product too;
- nothing recurses, and no object is visited twice: the arrays are turned into tensors
  at the end, in the few places the machine saw them go, keeping the sharing (and the
  cycles) of the original;
- only ``BUILD`` of an array or a dtype made by this load is possible, so a pickle cannot
  change zeronn's own objects, and none of the stand-ins is ever returned.

``load_numpy_pickle`` raises ``pickle.UnpicklingError`` (not a pickle, a forbidden name,
an opcode NumPy's arrays never use) or ``ValueError`` (an array it cannot decode), with
``OSError`` for files, and nothing else, whatever the bytes.

>>> import io, pickle
>>> load_numpy_pickle(io.BytesIO(b"cos\\nsystem\\n(S'echo hacked'\\ntR."))
Traceback (most recent call last):
...
_pickle.UnpicklingError: at byte 0: global 'os.system' is forbidden: only NumPy's array globals may be loaded
"""

from __future__ import annotations

__all__ = ["load_numpy_pickle", "MAX_PICKLE_BYTES"]

import codecs
import os
import pickle
import re
import struct
import sys
from typing import IO, Any, Callable, Dict, List, Optional, Tuple, Union

from .._shape import MAX_DIMS, size_of
from ..core import Tensor, rebuild_tensor
from ..dtypes import DType, dtype
from .files import brief, open_regular

PathOrFile = Union[str, "os.PathLike[str]", IO[bytes]]

MAX_PICKLE_BYTES = 1 << 30  # 1 GiB: the book's own pickles are 1.3 MB (weights) and 220 MB (MNIST)
_MEMORY_PER_BYTE = 64  # what the objects made may cost, per byte of the pickle read so far...
_MEMORY_TO_START = 1 << 24  # ... plus 16 MiB, so that a small pickle never has to count
_SAME_HASH = 16  # distinct dict keys (or set items) that may share one hash, in one load
_MAX_DIGITS = 4300  # the longest decimal number read from text: Python's own limit, on every version
_MAX_DIMENSION = (1 << 63) - 1  # NumPy's npy_intp


def load_numpy_pickle(source: PathOrFile, *, encoding: str = "latin1", name: Optional[str] = None) -> Any:
    """Load a pickle of NumPy arrays, giving tensors for the arrays.

    ``source`` is a path (which must be a regular file) or a binary file. Dicts, lists,
    tuples and sets around the arrays are kept, with their sharing; each array becomes a
    ``Tensor`` of the same dtype, shape and values, laid out in memory as the array was
    (a Fortran-ordered array comes back transposed-strided); a bare dtype comes back as
    zeronn's dtype of the same name. Pickle protocols 0 to 5, NumPy 1 and 2, and the
    pickles of Python 2, whose ``str`` is read as ``pickle.load(f, encoding=...)`` reads
    it: ``"latin1"`` (the default here: NumPy's advice for Python 2's arrays), ``"ASCII"``
    (``pickle``'s own default) or ``"bytes"``. A message names the file: its path, or
    ``name`` for a file object.

    >>> import io
    >>> load_numpy_pickle(io.BytesIO(pickle.dumps({"b1": [0.1, 0.2], "note": "no arrays"})))
    {'b1': [0.1, 0.2], 'note': 'no arrays'}
    >>> load_numpy_pickle(io.BytesIO(b"N"), name="w.pkl")
    Traceback (most recent call last):
    ...
    _pickle.UnpicklingError: w.pkl: at byte 1: pickle exhausted before seeing STOP (expected a pickle of NumPy arrays)
    """
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        with open_regular(path) as file:
            size = os.fstat(file.fileno()).st_size
            if size > MAX_PICKLE_BYTES:  # refused before reading a byte of it
                raise ValueError(f"{path}: {_too_large()}")
            return _load_named(file, encoding, path)
    return _load(source, encoding) if name is None else _load_named(source, encoding, name)


def _load_named(file: IO[bytes], encoding: str, name: str) -> Any:
    """``_load``, each error saying which file."""
    try:
        return _load(file, encoding)
    except pickle.UnpicklingError as error:
        raise pickle.UnpicklingError(f"{name}: {error} (expected a pickle of NumPy arrays)") from None
    except ValueError as error:
        raise ValueError(f"{name}: not a readable pickle of NumPy arrays: {error}") from None


def _too_large(limit: int = MAX_PICKLE_BYTES) -> str:
    return f"the pickle is larger than {limit:,} bytes, the most zeronn reads"


def _load(file: IO[bytes], encoding: str) -> Any:
    """Run the pickle in ``file`` on the machine below; every failure is one of the two documented errors."""
    if encoding not in ("ASCII", "latin1", "bytes"):
        raise ValueError(f"encoding must be 'ASCII', 'latin1', or 'bytes', not {_brief(encoding)}")
    machine = _Machine(_Input(file, MAX_PICKLE_BYTES), encoding)
    try:
        return machine.run()
    except (pickle.UnpicklingError, ValueError, OSError):
        raise
    except MemoryError:  # the counting above is of Python's objects, not of the allocator's whims
        raise ValueError("the pickle needs more memory than this process has") from None
    except Exception as error:  # noqa: BLE001 - whatever the bytes, a documented error and never a crash
        raise pickle.UnpicklingError(f"not a pickle of NumPy arrays ({type(error).__name__}: {error})") from None


# ---------------------------------------------------------------------------
# The input: the pickle's bytes, a chunk at a time
# ---------------------------------------------------------------------------


class _Input:
    """The bytes of a pickle, read from ``file`` 64 KiB at a time, never more than ``limit``.

    An opcode and its argument are read from the chunk in memory; a long argument (an
    array's bytes) is read from the file in one piece, a megabyte at a time, so a length
    that the file does not hold costs what the file holds, not what was declared.
    ``position`` is how many bytes have been used, ``start`` where the last opcode began.
    """

    _CHUNK = 1 << 16
    _PIECE = 1 << 20

    def __init__(self, file: IO[bytes], limit: int) -> None:
        self._file = file
        self._limit = limit
        self._read = 0  # bytes read from the file so far
        self._chunk = b""
        self._end = 0  # len(self._chunk)
        self._at = 0  # the next byte of the chunk
        self._base = 0  # where the chunk begins in the file
        self.start = 0

    @property
    def position(self) -> int:
        return self._base + self._at

    def opcode(self) -> int:
        """The next opcode's byte; ``start`` is where it is."""
        at = self._at
        if at >= self._end:
            self._keep(self._from_file(self._CHUNK))
            if not self._end:
                self.start = self._base  # the end of the bytes: where an opcode was wanted
                raise pickle.UnpicklingError("pickle exhausted before seeing STOP")
            at = 0
        self._at = at + 1
        self.start = self._base + at
        return self._chunk[at]

    def byte(self) -> int:
        """A one-byte argument."""
        at = self._at
        if at < self._end:
            self._at = at + 1
            return self._chunk[at]
        return self.take(1)[0]

    def take(self, n: int) -> bytes:
        """Exactly ``n`` bytes, or ``UnpicklingError`` saying how many there were."""
        at, end = self._at, self._at + n
        if end <= self._end:
            self._at = end
            return self._chunk[at:end]
        parts = [self._chunk[at:]]
        self._keep(b"")
        wanted = n - len(parts[0])
        while wanted > 0:
            part = self._from_file(min(wanted, self._PIECE))
            if not part:
                got = n - wanted
                raise pickle.UnpicklingError(f"pickle data was truncated: {n:,} bytes expected, {got:,} there")
            parts.append(part)
            wanted -= len(part)
        self._base = self._read  # the pieces went past the chunk, which stays empty
        return b"".join(parts)

    def line(self) -> bytes:
        """The bytes up to the next newline, which is read too and left out."""
        end = self._chunk.find(b"\n", self._at)
        if end >= 0:
            found, self._at = self._chunk[self._at : end], end + 1
            return found
        parts = [self._chunk[self._at :]]
        while True:
            self._keep(self._from_file(self._CHUNK))
            if not self._end:
                raise pickle.UnpicklingError("pickle data was truncated: a line without its newline")
            end = self._chunk.find(b"\n")
            if end >= 0:
                parts.append(self._chunk[:end])
                self._at = end + 1
                return b"".join(parts)
            parts.append(self._chunk)

    def frame(self, size: int) -> None:
        """Have the next ``size`` bytes (a FRAME's) in memory. As in Python's own unpickler,
        they must all be there: a frame longer than the rest of the pickle is a truncation."""
        missing = size - (self._end - self._at)
        if missing <= 0:
            return
        begin = self.position
        try:
            framed = self.take(size)
        except pickle.UnpicklingError:
            there = self._read - begin
            message = f"pickle data was truncated: a FRAME of {size:,} bytes, {there:,} there"
            raise pickle.UnpicklingError(message) from None
        self._keep(framed, base=begin)

    def _keep(self, chunk: bytes, base: Optional[int] = None) -> None:
        """Make ``chunk`` the bytes in memory: the last read from the file, unless ``base`` says where it begins."""
        self._chunk, self._end, self._at = chunk, len(chunk), 0
        self._base = self._read - len(chunk) if base is None else base

    def _from_file(self, n: int) -> bytes:
        """At most ``n`` bytes of the file (fewer at its end), counted against the limit."""
        if self._read + n > self._limit:
            n = self._limit - self._read + 1  # one byte past the limit, to tell "more" from "exactly"
        data = self._file.read(n)
        if not isinstance(data, bytes):
            raise ValueError(f"expected a binary file, whose read() gives bytes, not {type(data).__name__}")
        self._read += len(data)
        if self._read > self._limit:
            raise ValueError(_too_large(self._limit))
        return data


# ---------------------------------------------------------------------------
# The stand-ins for NumPy's globals
# ---------------------------------------------------------------------------

_DTYPE_CODES = {
    "f2": "float16", "f4": "float32", "f8": "float64",
    "i1": "int8", "i2": "int16", "i4": "int32", "i8": "int64",
    "u1": "uint8", "u2": "uint16", "u4": "uint32", "u8": "uint64",
    "b1": "bool",
}  # fmt: skip
_DTYPE_SIZES = {code: int(code[1]) for code in _DTYPE_CODES}


class _DType:
    """Stands in for ``numpy.dtype``: remembers the type code and the byte order."""

    __slots__ = ("code", "byteorder", "built")

    def __init__(self, code: Any, *_align_and_copy: Any) -> None:  # NumPy's dtype(code, align, copy)
        if not isinstance(code, str) or not code:
            raise ValueError(f"a dtype code must be text such as 'f8', got {_brief(code)}")
        self.code = code
        self.byteorder = code[0] if code[0] in "<>|=" else "<"
        self.built = False

    def build(self, state: Any) -> None:
        # NumPy's dtype state: (version, byteorder, subarray, names, fields, ...).
        if not isinstance(state, tuple) or len(state) < 5 or state[1] not in ("<", ">", "|", "="):
            raise ValueError(f"unsupported dtype state {_brief(state)}")
        if any(part is not None for part in state[2:5]):
            raise ValueError(f"structured or subarray dtypes are not supported ({_brief(self.code)})")
        self.byteorder = state[1]
        self.built = True

    def zeronn_dtype(self) -> DType:
        """The zeronn dtype of the same name (``f4`` is ``float32``)."""
        code = self.code.lstrip("<>|=")
        if code not in _DTYPE_CODES:
            raise ValueError(f"unsupported dtype {_brief(self.code)}: expected one of {sorted(_DTYPE_CODES)}")
        return dtype(_DTYPE_CODES[code])


class _Array:
    """Stands in for ``numpy.ndarray`` while unpickling; turned into a Tensor afterwards."""

    __slots__ = ("shape", "dtype", "fortran", "raw")
    __hash__ = None  # type: ignore[assignment]  # as a tensor is: never a dict key or a set item

    def __init__(self) -> None:
        self.shape: Tuple[int, ...] = ()
        self.dtype: Optional[_DType] = None  # None until BUILD gives it its state
        self.fortran = False
        self.raw = b""

    def build(self, state: Any) -> None:
        # NumPy's array state: (version, shape, dtype, is_fortran, data); version 0 has no version.
        if isinstance(state, tuple) and len(state) == 4:
            state = (0, *state)
        if not isinstance(state, tuple) or len(state) != 5:
            raise ValueError(f"unsupported array state {_brief(state)}")
        _, shape, dtype_, fortran, raw = state
        self.set(shape, dtype_, fortran, raw)

    def set(self, shape: Any, dtype_: Any, fortran: Any, raw: Any) -> None:
        if not isinstance(dtype_, _DType):
            raise ValueError(f"unsupported array dtype {_brief(dtype_)}")
        if isinstance(raw, str):  # Python 2's str, as protocols 0 and 1 may hold it
            raw = raw.encode("latin-1")
        if not isinstance(raw, (bytes, bytearray)):
            kind = type(raw).__name__
            raise ValueError(f"unsupported array data ({kind}): dtype {_brief(dtype_.code)} is not numeric")
        itemsize = _DTYPE_SIZES.get(dtype_.code.lstrip("<>|="), 1)  # an unknown code is refused later
        self.shape, self.dtype = _checked_shape(shape, itemsize), dtype_
        self.fortran, self.raw = bool(fortran), bytes(raw)

    def to_tensor(self) -> Tensor:
        if self.dtype is None:
            raise ValueError("an array without its data: the pickle never set its state")
        to = self.dtype.zeronn_dtype()
        needed = size_of(self.shape) * to.itemsize
        if needed != len(self.raw):
            code = _brief(self.dtype.code)
            raise ValueError(f"array data has {len(self.raw)} bytes, but shape {self.shape} of {code} needs {needed}")
        storage = to.from_bytes(self.raw, big_endian=self.dtype.byteorder == ">")
        if not self.fortran or len(self.shape) < 2:
            return Tensor.from_storage(storage, self.shape, to)
        # Column-major: the data is the row-major data of the reversed shape; its
        # transpose is the array, laid out in memory as NumPy's is.
        return Tensor.from_storage(storage, tuple(reversed(self.shape)), to).transpose()


def _checked_shape(shape: Any, itemsize: int) -> Tuple[int, ...]:
    """``shape`` if NumPy would unpickle an array of it: up to 64 dimensions, each below
    2**63, and the running product of them and of the item size too (NumPy counts the
    array's bytes in a C ``npy_intp``, so ``(2**62, 2**62, 0)`` is too big, ``(0, 2**62,
    2**62)`` is not)."""
    if not isinstance(shape, tuple) or len(shape) > MAX_DIMS or not all(type(n) is int for n in shape):
        raise ValueError(f"unsupported array shape {_brief(shape)}")
    if any(n > _MAX_DIMENSION or n < -_MAX_DIMENSION - 1 for n in shape):
        raise ValueError("Maximum allowed dimension exceeded")  # NumPy's words, before any product
    product = 1
    for n in (*shape, itemsize):
        if n < 0:
            raise ValueError(f"impossible dimension {n} in array shape {shape}")
        product *= n
        if product > _MAX_DIMENSION:
            raise ValueError(f"array is too big: shape {shape} needs more bytes than NumPy can address")
    return shape


def _reconstruct(cls: Any, shape: Any, typecode: Any) -> _Array:
    """Stands in for ``numpy._core.multiarray._reconstruct``: an empty array, for ``BUILD`` to fill."""
    if cls is not _Array:
        raise ValueError("_reconstruct may only make arrays")
    return _Array()


def _frombuffer(buffer: Any, dtype_: Any, shape: Any, order: Any) -> _Array:
    """Stands in for ``numpy._core.numeric._frombuffer`` (pickle protocol 5)."""
    if order not in ("C", "F"):
        raise ValueError(f"unsupported array order {_brief(order)}")
    made = _Array()
    made.set(tuple(shape) if isinstance(shape, list) else shape, dtype_, order == "F", buffer)
    return made


def _encode(text: Any, encoding: Any) -> bytes:
    """Stands in for ``_codecs.encode``: protocols 0 to 2 store bytes as latin-1 text."""
    if not isinstance(text, str) or encoding not in ("latin1", "latin-1"):
        raise ValueError("_codecs.encode may only turn latin-1 text into bytes")
    return text.encode("latin-1")


def _bytes(*args: Any) -> bytes:
    """Stands in for ``builtins.bytes``, which protocols 0 to 2 call with nothing for an empty array."""
    if args:
        raise ValueError("bytes may only be called with no arguments (an empty array's data)")
    return b""


def _rebuild_tensor(*args: Any) -> Tensor:
    """zeronn's own ``rebuild_tensor(name, shape, payload, ...)``, its shape bounded first as an
    array's is (its check of the payload's length multiplies the dimensions)."""
    if len(args) > 1:
        _checked_shape(args[1], 1)
    return rebuild_tensor(*args)


_GLOBALS: Dict[Tuple[str, str], Any] = {
    ("numpy.core.multiarray", "_reconstruct"): _reconstruct,  # NumPy 1
    ("numpy._core.multiarray", "_reconstruct"): _reconstruct,  # NumPy 2
    ("numpy", "ndarray"): _Array,
    ("numpy", "dtype"): _DType,
    ("numpy.core.numeric", "_frombuffer"): _frombuffer,  # protocol 5
    ("numpy._core.numeric", "_frombuffer"): _frombuffer,
    ("_codecs", "encode"): _encode,  # protocols 0 to 2
    ("__builtin__", "bytes"): _bytes,  # protocols 0 to 2, an empty array
    ("builtins", "bytes"): _bytes,
}
# zeronn's own tensors and dtypes (see Tensor.__reduce__), written by any copy of zeronn:
# a pickle names the writer's module path (``zeronn.core``, ``mylib.nn.core``), whose last
# part is the module's own name in every copy, so only that part is looked at.
_OWN: Dict[Tuple[str, str], Any] = {
    (rebuild_tensor.__module__.rpartition(".")[2], "rebuild_tensor"): _rebuild_tensor,
    (dtype.__module__.rpartition(".")[2], "dtype"): dtype,
}
_CALLABLE = {_reconstruct, _frombuffer, _encode, _bytes, _DType, _rebuild_tensor, dtype}  # what REDUCE may call


def _brief(value: Any) -> str:
    """``repr(value)`` cut to 60 characters (``files.brief``), the stand-ins named as NumPy's."""
    return brief(value, {_DType: lambda made: f"dtype({brief(made.code)})", _Array: lambda made: "ndarray"})


def _kind(value: Any) -> str:
    """What ``value`` is, for "not a ...": a plain value shown briefly, anything else by its type's name."""
    return _brief(value) if isinstance(value, _ATOMS) else type(value).__name__


# ---------------------------------------------------------------------------
# The stack machine
# ---------------------------------------------------------------------------

_ATOMS = (str, bytes, bool, int, float, type(None))  # the plain values a pickle of data holds
_MAX_KEY_TUPLE = 16  # items of a tuple used as a dict key or a set item
# What may sit in a list, a dict or the result as it is: data that needs nothing at the end.
_PLAIN = frozenset((*_ATOMS, bytearray, list, dict, set, frozenset, Tensor, DType))
_CONVERTED = (_Array, _DType)  # stand-ins that become a tensor or a dtype at the end
_UINT2, _INT4, _UINT4, _UINT8, _FLOAT8 = (struct.Struct(code) for code in ("<H", "<i", "<I", "<Q", ">d"))
_STOP = ord(".")
# What Python's objects cost, for the memory counted: a container's header, then a
# pointer for each item of a tuple or list, or a slot of a hash table for each of a dict or
# set (with the table's spare room); an entry of the memo is a slot and an int.
_TUPLE_SIZE, _LIST_SIZE, _DICT_SIZE, _SET_SIZE = map(sys.getsizeof, ((), [], {}, set()))
_POINTER, _SLOT, _MEMO_ENTRY = 8, 48, 72


class _Machine:
    """Pickle's stack machine, for the opcodes that plain data and NumPy's arrays use.

    ``run()`` returns what the pickle's ``STOP`` leaves on the stack, its arrays turned
    into tensors. Errors are ``pickle.UnpicklingError`` or ``ValueError``, each with the
    byte where it happened.

    Each opcode's handler reads its own argument from the input. Besides the stack and
    the memo, the machine notes what it must finish at the end: the tuples that hold an
    array or a dtype stand-in (tuples cannot change, so they are made again), the lists
    and dicts an array went into (changed in place, which keeps their sharing and cycles),
    and the tuples that hold a global (never allowed into the result).
    """

    def __init__(self, source: _Input, encoding: str) -> None:
        self._in = source
        self._python_2_str = encoding  # how Python 2's str (STRING, BINSTRING) is read
        self._stack: List[Any] = []
        self._marks: List[int] = []
        self._floor = 0
        self._memo: Dict[int, Any] = {}
        self._made = {"array data": 0, "encoded text": 0}  # bytes made so far, of each kind
        self._memory = 0  # what the objects made cost, in bytes, roughly as Python counts them
        self._allowed = _MEMORY_TO_START  # the memory allowed as of the last look at the position
        self._hashes: Dict[int, Any] = {}  # hash -> a key with it (ints, floats, tuples: their hashes can be chosen)
        self._crowded: Dict[int, List[Any]] = {}  # hash -> the other keys that share it
        self._rebuild: Dict[int, Tuple[Any, ...]] = {}  # id -> a tuple holding something converted at the end
        self._not_data: Dict[int, Tuple[Any, ...]] = {}  # id -> a tuple holding a global or a stand-in
        self._to_fix: Dict[int, Any] = {}  # id -> a list or dict that holds something converted at the end
        self._handlers: List[Optional[Callable[[], None]]] = [None] * 256
        for code, name in _OPCODES.items():
            self._handlers[code] = getattr(self, name)

    def run(self) -> Any:
        source, handlers = self._in, self._handlers
        try:
            code = source.opcode()
            while code != _STOP:
                handler = handlers[code]
                if handler is None:
                    raise pickle.UnpicklingError(_unknown(code))
                handler()
                code = source.opcode()
            root = self._pop()
        except pickle.UnpicklingError as error:
            raise pickle.UnpicklingError(f"at byte {source.start}: {error}") from None
        except (UnicodeDecodeError, OverflowError, struct.error) as error:  # undecodable argument bytes
            raise pickle.UnpicklingError(f"at byte {source.start}: {error}") from None
        except ValueError as error:
            raise ValueError(f"at byte {source.start}: {error}") from None
        return self._finish(root)

    # -- the stack ------------------------------------------------------------
    # ``_floor`` is where the last MARK is (0 without one): nothing below it may be popped.

    def _push(self, value: Any) -> None:
        self._stack.append(value)

    def _pop(self) -> Any:
        if len(self._stack) <= self._floor:
            raise pickle.UnpicklingError("the stack is empty where an object was expected")
        return self._stack.pop()

    def _top(self) -> Any:
        if len(self._stack) <= self._floor:
            raise pickle.UnpicklingError("the stack is empty where an object was expected")
        return self._stack[-1]

    def _pop_mark(self) -> List[Any]:
        if not self._marks:
            raise pickle.UnpicklingError("a MARK was expected and there is none")
        start = self._marks.pop()
        self._floor = self._marks[-1] if self._marks else 0
        items = self._stack[start:]
        del self._stack[start:]
        return items

    def _charge(self, size: int) -> None:
        """Count ``size`` more bytes of objects made; too many for the bytes read is an error."""
        self._memory += size
        if self._memory > self._allowed:  # the allowance grows with the position: look again
            self._allowed = min(MAX_PICKLE_BYTES, _MEMORY_TO_START + _MEMORY_PER_BYTE * self._in.position)
            if self._memory > self._allowed:
                raise ValueError(
                    f"the pickle would make over {self._allowed:,} bytes of objects from {self._in.position:,} "
                    f"bytes: at most {_MEMORY_PER_BYTE} for each byte read, and {MAX_PICKLE_BYTES:,} in all"
                )

    # -- numbers ----------------------------------------------------------------

    def int_(self) -> None:  # INT: text; "00" and "01" are how protocol 0 writes False and True
        text = self._in.line()
        self._push_number(False if text == b"00" else True if text == b"01" else _c_int(text))

    def binint(self) -> None:
        self._push_number(_INT4.unpack(self._in.take(4))[0])

    def binint1(self) -> None:
        self._push(self._in.byte())  # 0..255: Python keeps these, nothing is made

    def binint2(self) -> None:
        self._push_number(_UINT2.unpack(self._in.take(2))[0])

    def long_(self) -> None:  # LONG: decimal text, with Python 2's "L" at its end
        text = self._in.line()
        self._push_number(_int(text[:-1] if text.endswith(b"L") else text, 0))

    def long1(self) -> None:
        self._push_number(int.from_bytes(self._in.take(self._in.byte()), "little", signed=True))

    def long4(self) -> None:
        size = _INT4.unpack(self._in.take(4))[0]
        if size < 0:
            raise pickle.UnpicklingError(f"LONG4 has a negative byte count {size}")
        self._push_number(int.from_bytes(self._in.take(size), "little", signed=True))

    def float_(self) -> None:  # FLOAT: text, as repr writes it
        text = self._in.line()
        try:
            self._push_number(float(text))
        except ValueError:
            raise pickle.UnpicklingError(f"FLOAT argument {_brief(text)} is not a number") from None

    def binfloat(self) -> None:
        self._push_number(_FLOAT8.unpack(self._in.take(8))[0])

    def _push_number(self, value: Any) -> None:
        self._charge(sys.getsizeof(value))
        self._push(value)

    # -- text and bytes ---------------------------------------------------------

    def string(self) -> None:  # STRING: Python 2's str as a quoted, escaped literal
        text = self._in.line()
        if len(text) < 2 or text[0] != text[-1] or text[:1] not in (b"'", b'"'):
            raise pickle.UnpicklingError("the STRING opcode argument must be quoted")
        self._push_text(self._str(codecs.escape_decode(text[1:-1])[0]))

    def binstring(self) -> None:  # BINSTRING: Python 2's str with a 4-byte length
        size = _INT4.unpack(self._in.take(4))[0]
        if size < 0:
            raise pickle.UnpicklingError(f"BINSTRING has a negative byte count {size}")
        self._push_text(self._str(self._in.take(size)))

    def short_binstring(self) -> None:
        self._push_text(self._str(self._in.take(self._in.byte())))

    def _str(self, data: bytes) -> Union[str, bytes]:
        """Python 2's ``str``, as ``pickle.load(file, encoding=...)`` gives it."""
        return data if self._python_2_str == "bytes" else data.decode(self._python_2_str.lower())

    def unicode_(self) -> None:  # UNICODE: protocol 0's text, escaped
        self._push_text(str(self._in.line(), "raw-unicode-escape"))

    def binunicode(self) -> None:
        self._push_text(str(self._in.take(_UINT4.unpack(self._in.take(4))[0]), "utf-8", "surrogatepass"))

    def short_binunicode(self) -> None:
        self._push_text(str(self._in.take(self._in.byte()), "utf-8", "surrogatepass"))

    def binunicode8(self) -> None:
        self._push_text(str(self._in.take(_UINT8.unpack(self._in.take(8))[0]), "utf-8", "surrogatepass"))

    def binbytes(self) -> None:
        self._push_text(self._in.take(_UINT4.unpack(self._in.take(4))[0]))

    def short_binbytes(self) -> None:
        self._push_text(self._in.take(self._in.byte()))

    def binbytes8(self) -> None:
        self._push_text(self._in.take(_UINT8.unpack(self._in.take(8))[0]))

    def bytearray8(self) -> None:
        self._push_text(bytearray(self._in.take(_UINT8.unpack(self._in.take(8))[0])))

    def _push_text(self, value: Union[str, bytes, bytearray]) -> None:
        self._charge(sys.getsizeof(value))
        self._push(value)

    # -- constants and the stack ------------------------------------------------

    def none(self) -> None:
        self._push(None)

    def true(self) -> None:
        self._push(True)

    def false(self) -> None:
        self._push(False)

    def mark(self) -> None:
        self._charge(_POINTER)
        self._floor = len(self._stack)
        self._marks.append(self._floor)

    def pop(self) -> None:
        if self._marks and self._marks[-1] == len(self._stack):
            self._pop_mark()  # POP of a MARK, as pickle's own machine allows
        else:
            self._pop()

    def pop_mark(self) -> None:
        self._pop_mark()

    def dup(self) -> None:
        self._charge(_POINTER)
        self._push(self._top())

    # -- tuples -------------------------------------------------------------------

    def tuple_(self) -> None:
        self._push_tuple(tuple(self._pop_mark()))

    def empty_tuple(self) -> None:
        self._push(())

    def tuple1(self) -> None:
        self._push_tuple((self._pop(),))

    def tuple2(self) -> None:
        second = self._pop()
        self._push_tuple((self._pop(), second))

    def tuple3(self) -> None:
        third, second = self._pop(), self._pop()
        self._push_tuple((self._pop(), second, third))

    def _push_tuple(self, made: Tuple[Any, ...]) -> None:
        """Push a new tuple, noting it if it holds a stand-in to convert or a global."""
        self._charge(_TUPLE_SIZE + _POINTER * len(made))
        for item in made:
            kind = type(item)
            if kind not in _PLAIN and (kind is not tuple or id(item) in self._rebuild or id(item) in self._not_data):
                self._note_tuple(made)
                break
        self._stack.append(made)

    def _note_tuple(self, made: Tuple[Any, ...]) -> None:
        for item in made:
            kind = type(item)
            if kind in _PLAIN:
                continue
            if kind in _CONVERTED or (kind is tuple and id(item) in self._rebuild):
                self._rebuild[id(made)] = made
            elif kind is not tuple or id(item) in self._not_data:  # a global, or a stand-in
                self._not_data[id(made)] = made
                return

    # -- lists, dicts and sets ----------------------------------------------------

    def list_(self) -> None:
        made: List[Any] = []
        self._charge(_LIST_SIZE)
        self._add_to_list(made, self._pop_mark())
        self._push(made)

    def empty_list(self) -> None:
        self._charge(_LIST_SIZE)
        self._push([])

    def append(self) -> None:  # _add_to_list for one item, the most common opcode of a list
        item = self._pop()
        target = self._target(list, "APPEND to")
        self._charge(_POINTER)
        if type(item) not in _PLAIN:
            self._note_item(target, item)
        target.append(item)

    def appends(self) -> None:
        items = self._pop_mark()
        self._add_to_list(self._target(list, "APPEND to"), items)

    def _add_to_list(self, target: List[Any], items: List[Any]) -> None:
        self._charge(_POINTER * len(items))
        for item in items:
            if type(item) not in _PLAIN:
                self._note_item(target, item)
        target.extend(items)

    def dict_(self) -> None:
        made: Dict[Any, Any] = {}
        self._charge(_DICT_SIZE)
        self._set_items(made, self._pop_mark())
        self._push(made)

    def empty_dict(self) -> None:
        self._charge(_DICT_SIZE)
        self._push({})

    def setitem(self) -> None:
        value = self._pop()
        key = self._pop()
        self._set_items(self._target(dict, "SETITEM on"), [key, value])

    def setitems(self) -> None:
        items = self._pop_mark()
        self._set_items(self._target(dict, "SETITEM on"), items)

    def _set_items(self, target: Dict[Any, Any], items: List[Any]) -> None:
        if len(items) % 2:
            raise pickle.UnpicklingError("a dict needs a value for every key")
        self._charge(_SLOT * (len(items) // 2))
        for key, value in zip(items[::2], items[1::2]):
            if type(value) not in _PLAIN:
                self._note_item(target, value)
            target[self._key(key)] = value

    def empty_set(self) -> None:
        self._charge(_SET_SIZE)
        self._push(set())

    def additems(self) -> None:
        items = self._pop_mark()
        target = self._target(set, "ADDITEMS to")
        self._charge(_SLOT * len(items))
        target.update([self._key(item) for item in items])

    def frozenset_(self) -> None:
        items = self._pop_mark()
        self._charge(_SET_SIZE + _SLOT * len(items))
        self._push(frozenset([self._key(item) for item in items]))

    def _target(self, kind: type, action: str) -> Any:
        target = self._top()
        if type(target) is not kind:
            raise pickle.UnpicklingError(f"{action} a {type(target).__name__}, not a {kind.__name__}")
        return target

    def _note_item(self, container: Any, item: Any) -> None:
        """``item``, not plain data, goes into ``container`` (a list, or a dict as a value):
        only data may, and the container is noted if the item is converted at the end."""
        kind = type(item)
        if kind in _CONVERTED or (kind is tuple and id(item) in self._rebuild):
            self._to_fix[id(container)] = container
        elif kind is not tuple or id(item) in self._not_data:
            raise pickle.UnpicklingError(f"a {_kind(item)} inside a {type(container).__name__}: only data may be")

    def _key(self, key: Any) -> Any:
        """``key`` if it may be a dict key or a set item: a str, bytes, number, bool or None,
        or a short tuple of those. An array never may (a tensor is unhashable), nor anything
        whose hash would be costly to compute again at every use (a huge int, a deep tuple),
        nor more than a few keys of one hash: the hashes of numbers, and so of tuples of
        numbers, can be chosen, and keys that share one make a dict slow as a list."""
        if type(key) is tuple and len(key) > _MAX_KEY_TUPLE:
            message = f"a tuple of {len(key)} items as a dict key or in a set: at most {_MAX_KEY_TUPLE}"
            raise pickle.UnpicklingError(message)
        for part in key if type(key) is tuple else (key,):
            if type(part) is _Array:
                raise pickle.UnpicklingError("an array as a dict key or in a set: zeronn's tensors are unhashable")
            if type(part) is int and part.bit_length() > 64:
                raise pickle.UnpicklingError(f"an int of {part.bit_length()} bits as a dict key or in a set")
            if type(part) not in _ATOMS:
                raise pickle.UnpicklingError(f"a {_kind(part)} as a dict key or in a set: only text, numbers, tuples")
        if type(key) in (str, bytes):  # their hashes are salted afresh in every process: nobody can choose them
            return key
        value = hash(key)
        first = self._hashes.get(value, self._hashes)
        if first is self._hashes:
            self._charge(_MEMO_ENTRY)
            self._hashes[value] = key
        elif not (first is key or first == key):
            others = self._crowded.setdefault(value, [])
            if not any(other is key or other == key for other in others):
                if len(others) + 1 >= _SAME_HASH:
                    raise pickle.UnpicklingError(
                        f"more than {_SAME_HASH} dict keys or set items share one hash ({value}): "
                        "keys made to collide, which would make loading slow"
                    )
                self._charge(_POINTER)
                others.append(key)
        return key

    # -- the memo -------------------------------------------------------------

    def put(self) -> None:  # PUT: the index as decimal text
        self._store(_int(self._in.line(), 10))

    def binput(self) -> None:
        self._store(self._in.byte())

    def long_binput(self) -> None:
        self._store(_UINT4.unpack(self._in.take(4))[0])

    def memoize(self) -> None:
        self._store(len(self._memo))

    def _store(self, index: int) -> None:
        if index < 0:
            raise pickle.UnpicklingError(f"memo index {_brief(index)} is not a non-negative int")
        if index not in self._memo:
            self._charge(_MEMO_ENTRY)
        self._memo[index] = self._top()

    def get(self) -> None:
        self._fetch(_int(self._in.line(), 10))

    def binget(self) -> None:
        self._fetch(self._in.byte())

    def long_binget(self) -> None:
        self._fetch(_UINT4.unpack(self._in.take(4))[0])

    def _fetch(self, index: int) -> None:
        if index not in self._memo:
            raise pickle.UnpicklingError(f"memo index {_brief(index)} was never stored")
        self._charge(_POINTER)
        self._push(self._memo[index])

    # -- globals, calls and state ----------------------------------------------

    def global_(self) -> None:  # GLOBAL: the module and the name, a line each
        module = self._in.line().decode("utf-8")
        name = self._in.line().decode("utf-8")
        self._push(_find(module, name))

    def stack_global(self) -> None:
        name = self._pop()
        module = self._pop()
        if not isinstance(module, str) or not isinstance(name, str):
            raise pickle.UnpicklingError("STACK_GLOBAL needs a module name and a name, both text")
        self._push(_find(module, name))

    def reduce(self) -> None:
        args = self._pop()
        function = self._pop()
        if not any(function is allowed for allowed in _CALLABLE):
            raise pickle.UnpicklingError(f"REDUCE may only call NumPy's array stand-ins, not a {_kind(function)}")
        if type(args) is not tuple:
            raise pickle.UnpicklingError(f"REDUCE needs a tuple of arguments, not a {_kind(args)}")
        try:
            made = function(*args)
        except TypeError as error:  # a wrong number of arguments, or zeronn's dtype() of a wrong code
            raise ValueError(f"{getattr(function, '__name__', 'a stand-in')}: {error}") from None
        if isinstance(made, bytes):
            self._spend("encoded text", len(made))
        elif isinstance(made, _Array):
            self._spend("array data", len(made.raw))
        elif isinstance(made, Tensor):
            self._spend("array data", made.size * made.dtype.itemsize)
        self._push(made)

    def build(self) -> None:
        state = self._pop()
        target = self._top()
        if type(target) is _Array and target.dtype is None:
            target.build(state)
            self._spend("array data", len(target.raw))
        elif type(target) is _DType and not target.built:
            target.build(state)
        else:
            raise pickle.UnpicklingError(
                f"BUILD may only set the state of a new array or dtype, not of a {_kind(target)}"
            )

    # -- protocol and framing -------------------------------------------------

    def proto(self) -> None:
        version = self._in.byte()
        if version > 5:
            raise pickle.UnpicklingError(f"unsupported pickle protocol {version}")

    def frame(self) -> None:
        self._in.frame(_UINT8.unpack(self._in.take(8))[0])

    def _spend(self, kind: str, size: int) -> None:
        """Count the bytes of ``kind`` made so far: never more, all together, than the pickle
        holds. Sharing one piece of data between many arrays is how a tiny pickle would ask
        for gigabytes; NumPy's own pickles never share it."""
        self._made[kind] += size
        if self._made[kind] > self._in.position:
            raise ValueError(
                f"the pickle would make {self._made[kind]} bytes of {kind} from {self._in.position} bytes: "
                "it repeats its data, which NumPy's pickles never do"
            )

    # -- the end: arrays to tensors ---------------------------------------------

    def _finish(self, root: Any) -> Any:
        """``root`` with every array stand-in replaced by its tensor and every dtype by zeronn's.

        Each is converted once, however often it is shared. The noted tuples are made
        again in the order they were made (a tuple can only hold tuples made before it),
        then the noted lists and dicts are changed in place.
        """
        kind = type(root)
        if kind not in _PLAIN and kind not in _CONVERTED and (kind is not tuple or id(root) in self._not_data):
            raise pickle.UnpicklingError(f"the pickle returns {_brief(root)}, which is not data")
        changed: Dict[int, Any] = {}

        def converted(item: Any) -> Any:
            if type(item) is _Array:
                if id(item) not in changed:
                    changed[id(item)] = item.to_tensor()
                return changed[id(item)]
            if type(item) is _DType:
                return item.zeronn_dtype()
            return changed.get(id(item), item) if type(item) is tuple else item

        for made in self._rebuild.values():
            changed[id(made)] = tuple(converted(item) for item in made)
        for container in self._to_fix.values():
            if type(container) is list:
                container[:] = [converted(item) for item in container]
            else:
                for key, value in container.items():
                    container[key] = converted(value)
        return converted(root)


def _int(text: bytes, base: int) -> int:
    """An int written as text in a pickle (``base`` 0 reads ``0x10`` as Python's pickle does)."""
    if len(text) > _MAX_DIGITS:
        raise pickle.UnpicklingError(f"a number of {len(text):,} digits: at most {_MAX_DIGITS:,}")
    try:
        return int(text, base)
    except ValueError:
        raise pickle.UnpicklingError(f"invalid literal for an int: {_brief(text)}") from None


_STRTOL = re.compile(rb"\s*([-+]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)")


def _c_int(text: bytes) -> int:
    """INT's argument as ``pickle.loads`` reads it: with C's ``strtol(text, 0)``, so a
    leading ``0x`` is hexadecimal and a leading ``0`` octal, then, if that does not read
    all of it, as Python's ``int(text, 0)``.

    >>> _c_int(b"010"), _c_int(b"-0x10"), _c_int(b"0o7")
    (8, -16, 7)
    """
    match = _STRTOL.fullmatch(text)
    if match is None:
        return _int(text, 0)
    sign, digits = match.groups()
    base = 16 if digits[1:2] in (b"x", b"X") else 8 if digits.startswith(b"0") else 10
    value = _int(digits[2:] if base == 16 else digits, base)
    return -value if sign == b"-" else value


def _find(module: str, name: str) -> Any:
    """What a pickle's global ``module.name`` stands for here, or ``UnpicklingError``.

    >>> _find("mylib.nn.core", "rebuild_tensor") is _find("zeronn.core", "rebuild_tensor")
    True
    >>> _find("os", "system")
    Traceback (most recent call last):
    ...
    _pickle.UnpicklingError: global 'os.system' is forbidden: only NumPy's array globals may be loaded
    """
    package, _, last = module.rpartition(".")
    allowed = _GLOBALS.get((module, name)) or (_OWN.get((last, name)) if package else None)
    if allowed is None:
        shown = _brief(f"{module}.{name}")[1:-1]
        raise pickle.UnpicklingError(f"global '{shown}' is forbidden: only NumPy's array globals may be loaded")
    return allowed


# Refused by name (NumPy's arrays use none of them): INST, OBJ, NEWOBJ and NEWOBJ_EX make
# objects by calling their class; EXT1, EXT2 and EXT4 name globals through the extension
# registry; PERSID and BINPERSID are persistent ids; NEXT_BUFFER and READONLY_BUFFER are
# out-of-band buffers.
_REFUSED = {
    b"i": "INST", b"o": "OBJ", b"\x81": "NEWOBJ", b"\x92": "NEWOBJ_EX", b"\x82": "EXT1", b"\x83": "EXT2",
    b"\x84": "EXT4", b"P": "PERSID", b"Q": "BINPERSID", b"\x97": "NEXT_BUFFER", b"\x98": "READONLY_BUFFER",
}  # fmt: skip


def _unknown(code: int) -> str:
    name = _REFUSED.get(bytes([code]))
    if name is not None:
        return f"opcode {name} is not used by NumPy's array pickles"
    return f"opcode {bytes([code])!r} is unknown"


# Every opcode the machine runs (pickletools's names), and its handler.
_OPCODES = {
    ord(code): name for code, name in {
        b"\x80": "proto", b"\x95": "frame",  # PROTO, FRAME (STOP ends the loop in run)
        b"I": "int_", b"J": "binint", b"K": "binint1", b"M": "binint2",
        b"L": "long_", b"\x8a": "long1", b"\x8b": "long4", b"F": "float_", b"G": "binfloat",
        b"S": "string", b"T": "binstring", b"U": "short_binstring",
        b"V": "unicode_", b"X": "binunicode", b"\x8c": "short_binunicode", b"\x8d": "binunicode8",
        b"B": "binbytes", b"C": "short_binbytes", b"\x8e": "binbytes8", b"\x96": "bytearray8",
        b"N": "none", b"\x88": "true", b"\x89": "false",
        b"(": "mark", b"0": "pop", b"1": "pop_mark", b"2": "dup",
        b"t": "tuple_", b")": "empty_tuple", b"\x85": "tuple1", b"\x86": "tuple2", b"\x87": "tuple3",
        b"l": "list_", b"]": "empty_list", b"a": "append", b"e": "appends",
        b"d": "dict_", b"}": "empty_dict", b"s": "setitem", b"u": "setitems",
        b"\x8f": "empty_set", b"\x90": "additems", b"\x91": "frozenset_",
        b"p": "put", b"q": "binput", b"r": "long_binput", b"\x94": "memoize",
        b"g": "get", b"h": "binget", b"j": "long_binget",
        b"c": "global_", b"\x93": "stack_global", b"R": "reduce", b"b": "build",
    }.items()
}  # fmt: skip
