"""NumPy's pickles read without NumPy, and without running them.

A pickle is a small program for a stack machine: its opcodes push numbers and strings,
build lists and dicts, name importable functions (``GLOBAL``) and call them (``REDUCE``),
and Python's own ``pickle.load`` runs whatever it names, ``os.system`` included. NumPy's
arrays need only a few harmless functions to be rebuilt, so this module runs the stack
machine itself, over the opcodes ``pickletools.genops`` decodes, and knows exactly those
functions, each mapped to a small stand-in here:

- ``numpy._core.multiarray._reconstruct`` (NumPy 1: ``numpy.core``) and ``numpy.ndarray``:
  an empty array, filled in by ``BUILD`` with its shape, dtype, order and bytes;
- ``numpy._core.numeric._frombuffer``: an array from its bytes (pickle protocol 5);
- ``numpy.dtype``: a dtype by its code (``"<f4"``), with its byte order;
- ``_codecs.encode`` and ``builtins.bytes``: the bytes of protocols 0 to 2, which store
  them as latin-1 text.

Everything else is refused with ``pickle.UnpicklingError``, and nothing a pickle does
can reach further than the objects it has made itself. Running the machine here, rather
than Python's unpickler with a list of allowed names, is what bounds its cost:

- the memo is a dict, so a memo index near 2**31 costs one entry, not 2**31 slots;
- every length is checked against the bytes actually there before anything is made,
  and the arrays' data, all together, can never be more bytes than the pickle holds, so
  a tiny pickle cannot ask for gigabytes, however it shares and repeats things;
- nothing recurses: the machine is a loop, and the arrays are turned into tensors by a
  walk with an explicit stack that converts each shared object once and keeps the sharing
  (and the cycles) of the original;
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

import os
import pickle
import pickletools
from typing import IO, Any, Callable, Dict, Iterator, List, Optional, Set, Tuple, Union

from .._shape import MAX_DIMS, size_of
from ..core import Tensor
from ..dtypes import DType, dtype
from .files import open_regular

PathOrFile = Union[str, "os.PathLike[str]", IO[bytes]]

MAX_PICKLE_BYTES = 1 << 30  # 1 GiB: the book's own pickles are 1.3 MB (weights) and 220 MB (MNIST)


def load_numpy_pickle(source: PathOrFile) -> Any:
    """Load a pickle of NumPy arrays, giving tensors for the arrays.

    ``source`` is a path (which must be a regular file) or a binary file. Dicts, lists,
    tuples and sets around the arrays are kept, with their sharing; each array becomes a
    ``Tensor`` of the same dtype, shape and values, laid out in memory as the array was
    (a Fortran-ordered array comes back transposed-strided); a bare dtype comes back as
    zeronn's dtype of the same name. Pickle protocols 0 to 5, NumPy 1 and 2.

    >>> import io
    >>> load_numpy_pickle(io.BytesIO(pickle.dumps({"b1": [0.1, 0.2], "note": "no arrays"})))
    {'b1': [0.1, 0.2], 'note': 'no arrays'}
    """
    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        with open_regular(name) as file:
            size = os.fstat(file.fileno()).st_size
            if size > MAX_PICKLE_BYTES:  # refused before reading a byte of it
                raise ValueError(f"{name}: {_too_large()}")
            try:
                return _load(file)
            except pickle.UnpicklingError as error:
                hint = "expected a pickle of NumPy arrays, such as the book's sample_weight.pkl"
                raise pickle.UnpicklingError(f"{name}: {error} ({hint})") from None
            except ValueError as error:
                raise ValueError(f"{name}: not a readable pickle of NumPy arrays: {error}") from None
    return _load(source)


def _too_large(limit: int = MAX_PICKLE_BYTES) -> str:
    return f"the pickle is larger than {limit:,} bytes, the most zeronn reads"


def _load(file: IO[bytes]) -> Any:
    """Run the pickle in ``file`` on the machine below; every failure is one of the two documented errors."""
    reader = _BoundedReader(file, MAX_PICKLE_BYTES)
    machine = _Machine(reader)
    try:
        return _to_tensors(machine.run())
    except (pickle.UnpicklingError, ValueError, OSError):
        raise
    except Exception as error:  # noqa: BLE001 - whatever the bytes, a documented error and never a crash
        raise pickle.UnpicklingError(f"not a pickle of NumPy arrays ({type(error).__name__}: {error})") from None


class _BoundedReader:
    """A binary file read in chunks of at most 1 MB, and never more than ``limit`` bytes in all.

    ``pickletools`` reads a declared length with one ``read(n)``; a pickle that declares
    2**63 bytes must cost what the file holds, not what it declares.
    """

    _CHUNK = 1 << 20

    def __init__(self, file: IO[bytes], limit: int) -> None:
        self._file = file
        self._limit = self._left = limit
        self.size = 0  # bytes read so far: also the budget for the arrays' data

    def read(self, n: int) -> bytes:  # genops always says how many
        wanted = min(n, self._left + 1)
        parts = []
        while wanted > 0:
            part = self._file.read(min(wanted, self._CHUNK))
            if not part:
                break
            parts.append(part)
            wanted -= len(part)
        return self._count(b"".join(parts))

    def readline(self) -> bytes:
        parts = []
        while True:
            part = self._file.readline(min(self._CHUNK, self._left + 1))
            parts.append(part)
            if not part or part.endswith(b"\n") or sum(map(len, parts)) > self._left:
                break
        return self._count(b"".join(parts))

    def tell(self) -> int:
        return self.size

    def _count(self, data: bytes) -> bytes:
        if len(data) > self._left:
            raise ValueError(_too_large(self._limit))
        self._left -= len(data)
        self.size += len(data)
        return data


# ---------------------------------------------------------------------------
# The stand-ins for NumPy's globals
# ---------------------------------------------------------------------------

_DTYPE_CODES = {
    "f4": "float32", "f8": "float64",
    "i1": "int8", "i2": "int16", "i4": "int32", "i8": "int64",
    "u1": "uint8", "u2": "uint16", "u4": "uint32", "u8": "uint64",
    "b1": "bool",
}  # fmt: skip


class _DType:
    """Stands in for ``numpy.dtype``: remembers the type code and the byte order."""

    __slots__ = ("code", "byteorder", "built")

    def __init__(self, code: Any, *_align_and_copy: Any) -> None:  # NumPy's dtype(code, align, copy)
        if not isinstance(code, str) or not code:
            raise ValueError(f"a dtype code must be text such as 'f8', got {code!r}")
        self.code = code
        self.byteorder = code[0] if code[0] in "<>|=" else "<"
        self.built = False

    def build(self, state: Any) -> None:
        # NumPy's dtype state: (version, byteorder, subarray, names, fields, ...).
        if not isinstance(state, tuple) or len(state) < 5 or state[1] not in ("<", ">", "|", "="):
            raise ValueError(f"unsupported dtype state {state!r}")
        if any(part is not None for part in state[2:5]):
            raise ValueError(f"structured or subarray dtypes are not supported ({self.code})")
        self.byteorder = state[1]
        self.built = True

    def zeronn_dtype(self) -> DType:
        """The zeronn dtype of the same name (``f4`` is ``float32``)."""
        code = self.code.lstrip("<>|=")
        if code not in _DTYPE_CODES:
            raise ValueError(f"unsupported dtype '{self.code}': expected one of {sorted(_DTYPE_CODES)}")
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
        if not isinstance(shape, tuple) or not all(type(n) is int and n >= 0 for n in shape) or len(shape) > MAX_DIMS:
            raise ValueError(f"unsupported array shape {_brief(shape)}")
        if not isinstance(dtype_, _DType):
            raise ValueError(f"unsupported array dtype {_brief(dtype_)}")
        if isinstance(raw, str):  # Python 2's str, as protocols 0 and 1 may hold it
            raw = raw.encode("latin-1")
        if not isinstance(raw, (bytes, bytearray)):
            raise ValueError(f"unsupported array data ({type(raw).__name__}): dtype '{dtype_.code}' is not numeric")
        self.shape, self.dtype, self.fortran, self.raw = shape, dtype_, bool(fortran), bytes(raw)

    def to_tensor(self) -> Tensor:
        if self.dtype is None:
            raise ValueError("an array without its data: the pickle never set its state")
        to = self.dtype.zeronn_dtype()
        needed = size_of(self.shape) * to.itemsize
        if needed != len(self.raw):
            raise ValueError(
                f"array data has {len(self.raw)} bytes, but shape {self.shape} of '{self.dtype.code}' needs {needed}"
            )
        storage = to.from_bytes(self.raw, big_endian=self.dtype.byteorder == ">")
        if not self.fortran or len(self.shape) < 2:
            return Tensor.from_storage(storage, self.shape, to)
        # Column-major: the data is the row-major data of the reversed shape; its
        # transpose is the array, laid out in memory as NumPy's is.
        return Tensor.from_storage(storage, tuple(reversed(self.shape)), to).transpose()


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
_CALLABLE = {_reconstruct, _frombuffer, _encode, _bytes, _DType}  # what REDUCE may call


def _brief(value: Any) -> str:
    """``repr(value)`` cut to 60 characters, for messages about hostile input."""
    text = repr(value) if isinstance(value, (str, bytes, int, float, bool, type(None))) else type(value).__name__
    return text if len(text) <= 60 else text[:57] + "..."


# ---------------------------------------------------------------------------
# The stack machine
# ---------------------------------------------------------------------------

_ATOMS = (str, bytes, bool, int, float, type(None))  # the plain values a pickle of data holds
_MAX_KEY_TUPLE = 16  # items of a tuple used as a dict key or a set item


class _Machine:
    """Pickle's stack machine, for the opcodes that plain data and NumPy's arrays use.

    ``run()`` returns what the pickle's ``STOP`` leaves on the stack. Errors are
    ``pickle.UnpicklingError`` or ``ValueError``, each with the byte where it happened.
    """

    def __init__(self, reader: _BoundedReader) -> None:
        self._reader = reader
        self._stack: List[Any] = []
        self._marks: List[int] = []
        self._memo: Dict[int, Any] = {}
        self._made = {"array data": 0, "encoded text": 0}  # bytes made so far, of each kind

    def run(self) -> Any:
        position: Optional[int] = 0
        try:
            for opcode, arg, at in _opcodes(self._reader):
                position = at  # for the message, if this opcode fails
                handler = _HANDLERS.get(opcode.name)
                if handler is None:
                    raise pickle.UnpicklingError(f"opcode {opcode.name} is not used by NumPy's array pickles")
                handler(self, arg)
            return self._pop()  # what STOP left: genops ends after STOP (bytes that stop short are its error)
        except pickle.UnpicklingError as error:
            raise pickle.UnpicklingError(f"at byte {position}: {error}") from None
        except ValueError as error:
            raise ValueError(f"at byte {position}: {error}") from None

    # -- the stack ------------------------------------------------------------

    def _push(self, value: Any) -> None:
        self._stack.append(value)

    def _pop(self) -> Any:
        if not self._stack or (self._marks and self._marks[-1] == len(self._stack)):
            raise pickle.UnpicklingError("the stack is empty where an object was expected")
        return self._stack.pop()

    def _top(self) -> Any:
        if not self._stack or (self._marks and self._marks[-1] == len(self._stack)):
            raise pickle.UnpicklingError("the stack is empty where an object was expected")
        return self._stack[-1]

    def _pop_mark(self) -> List[Any]:
        if not self._marks:
            raise pickle.UnpicklingError("a MARK was expected and there is none")
        start = self._marks.pop()
        items = self._stack[start:]
        del self._stack[start:]
        return items

    # -- plain values ---------------------------------------------------------

    def value(self, arg: Any) -> None:  # numbers, strings, bytes: the argument itself
        self._push(arg)

    def bytearray_(self, arg: Any) -> None:
        self._push(bytearray(arg))

    def none(self, arg: Any) -> None:
        self._push(None)

    def true(self, arg: Any) -> None:
        self._push(True)

    def false(self, arg: Any) -> None:
        self._push(False)

    # -- containers -----------------------------------------------------------

    def mark(self, arg: Any) -> None:
        self._marks.append(len(self._stack))

    def pop(self, arg: Any) -> None:
        if self._marks and self._marks[-1] == len(self._stack):
            self._marks.pop()  # POP of a MARK, as pickle's own machine allows
        else:
            self._pop()

    def pop_mark(self, arg: Any) -> None:
        self._pop_mark()

    def dup(self, arg: Any) -> None:
        self._push(self._top())

    def tuple_(self, arg: Any) -> None:
        self._push(tuple(self._pop_mark()))

    def empty_tuple(self, arg: Any) -> None:
        self._push(())

    def tuple1(self, arg: Any) -> None:
        self._push((self._pop(),))

    def tuple2(self, arg: Any) -> None:
        second = self._pop()
        self._push((self._pop(), second))

    def tuple3(self, arg: Any) -> None:
        third, second = self._pop(), self._pop()
        self._push((self._pop(), second, third))

    def list_(self, arg: Any) -> None:
        self._push(self._pop_mark())

    def empty_list(self, arg: Any) -> None:
        self._push([])

    def append(self, arg: Any) -> None:
        item = self._pop()
        self._list().append(item)

    def appends(self, arg: Any) -> None:
        items = self._pop_mark()
        self._list().extend(items)

    def _list(self) -> List[Any]:
        target = self._top()
        if type(target) is not list:
            raise pickle.UnpicklingError(f"APPEND to a {type(target).__name__}, not a list")
        return target

    def dict_(self, arg: Any) -> None:
        items = self._pop_mark()
        made: Dict[Any, Any] = {}
        self._set_items(made, items)
        self._push(made)

    def empty_dict(self, arg: Any) -> None:
        self._push({})

    def setitem(self, arg: Any) -> None:
        value = self._pop()
        key = self._pop()
        self._set_items(self._dict(), [key, value])

    def setitems(self, arg: Any) -> None:
        items = self._pop_mark()
        self._set_items(self._dict(), items)

    def _dict(self) -> Dict[Any, Any]:
        target = self._top()
        if type(target) is not dict:
            raise pickle.UnpicklingError(f"SETITEM on a {type(target).__name__}, not a dict")
        return target

    def _set_items(self, target: Dict[Any, Any], items: List[Any]) -> None:
        if len(items) % 2:
            raise pickle.UnpicklingError("a dict needs a value for every key")
        for key, value in zip(items[::2], items[1::2]):
            target[_checked_key(key)] = value

    def empty_set(self, arg: Any) -> None:
        self._push(set())

    def additems(self, arg: Any) -> None:
        items = self._pop_mark()
        target = self._top()
        if type(target) is not set:
            raise pickle.UnpicklingError(f"ADDITEMS to a {type(target).__name__}, not a set")
        target.update(map(_checked_key, items))

    def frozenset_(self, arg: Any) -> None:
        self._push(frozenset(map(_checked_key, self._pop_mark())))

    # -- the memo -------------------------------------------------------------

    def put(self, arg: Any) -> None:
        if not isinstance(arg, int) or isinstance(arg, bool) or arg < 0:
            raise pickle.UnpicklingError(f"memo index {_brief(arg)} is not a non-negative int")
        self._memo[arg] = self._top()

    def memoize(self, arg: Any) -> None:
        self._memo[len(self._memo)] = self._top()

    def get(self, arg: Any) -> None:
        if arg not in self._memo:
            raise pickle.UnpicklingError(f"memo index {_brief(arg)} was never stored")
        self._push(self._memo[arg])

    # -- globals, calls and state ----------------------------------------------

    def global_(self, arg: Any) -> None:
        module, _, name = str(arg).partition(" ")
        self._push(_find(module, name))

    def stack_global(self, arg: Any) -> None:
        name = self._pop()
        module = self._pop()
        if not isinstance(module, str) or not isinstance(name, str):
            raise pickle.UnpicklingError("STACK_GLOBAL needs a module name and a name, both text")
        self._push(_find(module, name))

    def reduce(self, arg: Any) -> None:
        args = self._pop()
        function = self._pop()
        if not any(function is allowed for allowed in _CALLABLE):
            raise pickle.UnpicklingError(f"REDUCE may only call NumPy's array stand-ins, not a {_brief(function)}")
        if type(args) is not tuple:
            raise pickle.UnpicklingError(f"REDUCE needs a tuple of arguments, not a {_brief(args)}")
        try:
            made = function(*args)
        except TypeError as error:  # a wrong number of arguments
            raise ValueError(f"{getattr(function, '__name__', 'a stand-in')}: {error}") from None
        if isinstance(made, bytes):
            self._spend("encoded text", len(made))
        elif isinstance(made, _Array):
            self._spend("array data", len(made.raw))
        self._push(made)

    def build(self, arg: Any) -> None:
        state = self._pop()
        target = self._top()
        if type(target) is _Array and target.dtype is None:
            target.build(state)
            self._spend("array data", len(target.raw))
        elif type(target) is _DType and not target.built:
            target.build(state)
        else:
            raise pickle.UnpicklingError(
                f"BUILD may only set the state of a new array or dtype, not of a {_brief(target)}"
            )

    def proto(self, arg: Any) -> None:
        if not isinstance(arg, int) or not 0 <= arg <= 5:
            raise pickle.UnpicklingError(f"unsupported pickle protocol {_brief(arg)}")

    def nothing(self, arg: Any) -> None:
        """FRAME (a hint for buffering) and STOP (the end) ask nothing of the machine."""

    def _spend(self, kind: str, size: int) -> None:
        """Count the bytes of ``kind`` made so far: never more, all together, than the pickle
        holds. Sharing one piece of data between many arrays is how a tiny pickle would ask
        for gigabytes; NumPy's own pickles never share it."""
        self._made[kind] += size
        if self._made[kind] > self._reader.size:
            raise ValueError(
                f"the pickle would make {self._made[kind]} bytes of {kind} from {self._reader.size} bytes: "
                "it repeats its data, which NumPy's pickles never do"
            )


def _opcodes(reader: _BoundedReader) -> Iterator[Tuple[Any, Any, Optional[int]]]:
    """``pickletools.genops``, its complaints about the bytes turned into ``UnpicklingError``."""
    operations = pickletools.genops(reader)  # type: ignore[arg-type]  # read, readline and tell are enough
    while True:
        try:
            yield next(operations)
        except StopIteration:
            return
        except (ValueError, OverflowError, UnicodeDecodeError, EOFError) as error:
            raise pickle.UnpicklingError(str(error) or type(error).__name__) from None


def _find(module: str, name: str) -> Any:
    allowed = _GLOBALS.get((module, name))
    if allowed is None:
        raise pickle.UnpicklingError(f"global '{module}.{name}' is forbidden: only NumPy's array globals may be loaded")
    return allowed


def _checked_key(key: Any) -> Any:
    """``key`` if it may be a dict key or a set item: a str, bytes, number, bool or None,
    or a short tuple of those. An array never may (a tensor is unhashable), nor anything
    whose hash would be costly to compute again at every use (a huge int, a deep tuple)."""
    if type(key) is tuple and len(key) > _MAX_KEY_TUPLE:
        raise pickle.UnpicklingError(f"a tuple of {len(key)} items as a dict key or in a set: at most {_MAX_KEY_TUPLE}")
    for part in key if type(key) is tuple else (key,):
        if type(part) is _Array:
            raise pickle.UnpicklingError("an array as a dict key or in a set: zeronn's tensors are unhashable")
        if type(part) is int and part.bit_length() > 64:
            raise pickle.UnpicklingError(f"an int of {part.bit_length()} bits as a dict key or in a set")
        if type(part) not in _ATOMS:
            raise pickle.UnpicklingError(f"a {_brief(part)} as a dict key or in a set: only text, numbers, tuples")
    return key


_HANDLERS: Dict[str, Callable[[_Machine, Any], None]] = {
    "PROTO": _Machine.proto, "FRAME": _Machine.nothing, "STOP": _Machine.nothing,
    "INT": _Machine.value, "BININT": _Machine.value, "BININT1": _Machine.value, "BININT2": _Machine.value,
    "LONG": _Machine.value, "LONG1": _Machine.value, "LONG4": _Machine.value,
    "FLOAT": _Machine.value, "BINFLOAT": _Machine.value,
    "STRING": _Machine.value, "BINSTRING": _Machine.value, "SHORT_BINSTRING": _Machine.value,
    "UNICODE": _Machine.value, "SHORT_BINUNICODE": _Machine.value, "BINUNICODE": _Machine.value,
    "BINUNICODE8": _Machine.value,
    "SHORT_BINBYTES": _Machine.value, "BINBYTES": _Machine.value, "BINBYTES8": _Machine.value,
    "BYTEARRAY8": _Machine.bytearray_,
    "NONE": _Machine.none, "NEWTRUE": _Machine.true, "NEWFALSE": _Machine.false,
    "MARK": _Machine.mark, "POP": _Machine.pop, "POP_MARK": _Machine.pop_mark, "DUP": _Machine.dup,
    "TUPLE": _Machine.tuple_, "EMPTY_TUPLE": _Machine.empty_tuple,
    "TUPLE1": _Machine.tuple1, "TUPLE2": _Machine.tuple2, "TUPLE3": _Machine.tuple3,
    "LIST": _Machine.list_, "EMPTY_LIST": _Machine.empty_list, "APPEND": _Machine.append,
    "APPENDS": _Machine.appends,
    "DICT": _Machine.dict_, "EMPTY_DICT": _Machine.empty_dict, "SETITEM": _Machine.setitem,
    "SETITEMS": _Machine.setitems,
    "EMPTY_SET": _Machine.empty_set, "ADDITEMS": _Machine.additems, "FROZENSET": _Machine.frozenset_,
    "PUT": _Machine.put, "BINPUT": _Machine.put, "LONG_BINPUT": _Machine.put, "MEMOIZE": _Machine.memoize,
    "GET": _Machine.get, "BINGET": _Machine.get, "LONG_BINGET": _Machine.get,
    "GLOBAL": _Machine.global_, "STACK_GLOBAL": _Machine.stack_global,
    "REDUCE": _Machine.reduce, "BUILD": _Machine.build,
}  # fmt: skip
# Not here, so refused by name: INST, OBJ, NEWOBJ, NEWOBJ_EX (objects made by calling
# their class), EXT1, EXT2, EXT4 (the extension registry), PERSID, BINPERSID (persistent
# ids), NEXT_BUFFER, READONLY_BUFFER (out-of-band buffers). NumPy's arrays use none of them.


# ---------------------------------------------------------------------------
# Arrays to tensors, without recursion
# ---------------------------------------------------------------------------


def _to_tensors(root: Any) -> Any:
    """``root`` with every array stand-in replaced by its tensor and every dtype by zeronn's.

    Each object is converted once, however often it is shared, and the sharing stays (two
    references to one array give two references to one tensor). Lists and dicts are the
    machine's own new objects, so they are changed in place, which also keeps any cycle
    through them; a tuple is made again only if something in it changed. The walk keeps
    its own stack, so nesting depth costs memory, never recursion.
    """
    order: List[Any] = []  # every object reached, each once
    seen: Dict[int, Any] = {}
    pending = [root]
    while pending:
        item = pending.pop()
        if id(item) in seen:
            continue
        seen[id(item)] = item
        order.append(item)
        if type(item) in (list, tuple, set, frozenset):
            pending.extend(item)
        elif type(item) is dict:
            pending.extend(item.values())
        elif type(item) not in (*_ATOMS, bytearray, _Array, _DType):
            raise pickle.UnpicklingError(f"the pickle returns {_brief(item)}, which is not data")

    changed: Dict[int, Any] = {}  # id -> what replaces the object
    for item in order:
        if type(item) is _Array:
            changed[id(item)] = item.to_tensor()
        elif type(item) is _DType:
            changed[id(item)] = item.zeronn_dtype()
    for item in _tuples_inner_first(order):
        if any(id(part) in changed for part in item):
            changed[id(item)] = tuple(changed.get(id(part), part) for part in item)
    for item in order:
        if type(item) is list:
            item[:] = [changed.get(id(part), part) for part in item]
        elif type(item) is dict:
            for key, value in item.items():
                if id(value) in changed:
                    item[key] = changed[id(value)]
    return changed.get(id(root), root)


def _tuples_inner_first(order: List[Any]) -> List[Tuple[Any, ...]]:
    """The tuples among ``order``, each after every tuple inside it.

    Tuples can only contain tuples made before them, so following tuple-in-tuple links
    never comes back to where it started: an iterative depth-first walk gives the order.
    """
    done: Set[int] = set()
    result: List[Tuple[Any, ...]] = []
    for start in order:
        if type(start) is not tuple or id(start) in done:
            continue
        stack: List[Tuple[Tuple[Any, ...], bool]] = [(start, False)]
        while stack:
            item, expanded = stack.pop()
            if id(item) in done:
                continue
            if expanded:
                done.add(id(item))
                result.append(item)
                continue
            stack.append((item, True))
            stack.extend((part, False) for part in item if type(part) is tuple and id(part) not in done)
    return result
