"""Weights on disk: the book's NumPy pickle read safely, and zeronn's own JSON.

- ``load_numpy_pickle(path)``: a pickle of NumPy arrays (such as the book's
  ``sample_weight.pkl``) -> the same structure with tensors in place of arrays, without
  NumPy and without running anything the pickle asks for;
- ``network_to_json`` / ``network_from_json``, ``save_network`` / ``load_network``:
  a ``Network`` as plain, human-readable JSON that round-trips exactly.

Why not ``pickle.load``? A pickle is a small program: it may name any importable
function and call it, ``os.system`` included. NumPy's arrays need only a few harmless
functions to be rebuilt, so ``load_numpy_pickle`` uses an unpickler that allows exactly
those, each mapped to a small stand-in here, and refuses every other name.

>>> import io, pickle
>>> hostile = b"cos\\nsystem\\n(S'echo hacked'\\ntR."
>>> load_numpy_pickle(io.BytesIO(hostile))
Traceback (most recent call last):
...
_pickle.UnpicklingError: global 'os.system' is forbidden: only NumPy's array globals may be loaded
"""

from __future__ import annotations

__all__ = [
    "load_numpy_pickle",
    "network_to_json",
    "network_from_json",
    "save_network",
    "load_network",
]

import json
import os
import pickle
import sys
from array import array
from typing import IO, Any, Dict, Tuple, Union

from ._shape import size_of
from .activations import identity, relu, sigmoid, softmax, step
from .core import Tensor, elements
from .dtypes import DType, Storage, bool_, dtype
from .layers import Activation, Dense, Network

PathOrFile = Union[str, "os.PathLike[str]", IO[bytes]]

# ---------------------------------------------------------------------------
# The book's pickle, without NumPy
# ---------------------------------------------------------------------------


def load_numpy_pickle(source: PathOrFile) -> Any:
    """Load a pickle of NumPy arrays, giving tensors for the arrays.

    ``source`` is a path or a binary file. Dicts, lists and tuples around the arrays
    are kept; each array becomes a ``Tensor`` of the same dtype, shape and values, laid
    out in memory as the array was (a Fortran-ordered array comes back transposed-strided).

    Raises ``pickle.UnpicklingError`` naming any global outside NumPy's array
    machinery, and ``ValueError`` for array layouts or dtypes it cannot decode.

    >>> import io, pickle
    >>> load_numpy_pickle(io.BytesIO(pickle.dumps({"b1": [0.1, 0.2], "note": "no arrays"})))
    {'b1': [0.1, 0.2], 'note': 'no arrays'}
    """
    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        with open(source, "rb") as file:
            try:
                return load_numpy_pickle(file)
            except pickle.UnpicklingError as error:
                hint = "expected a pickle of NumPy arrays, such as the book's sample_weight.pkl"
                raise pickle.UnpicklingError(f"{name}: {error} ({hint})") from None
            except (EOFError, ValueError) as error:
                raise ValueError(f"{name}: not a readable pickle of NumPy arrays: {error or 'truncated'}") from None
    loaded = _NumpyArrayUnpickler(source).load()
    return _to_tensors(loaded)


class _NumpyArrayUnpickler(pickle.Unpickler):
    """An unpickler that knows only NumPy's array globals, mapped to the stand-ins below."""

    def find_class(self, module: str, name: str) -> Any:
        allowed = _ALLOWED_GLOBALS.get((module, name))
        if allowed is None:
            raise pickle.UnpicklingError(
                f"global '{module}.{name}' is forbidden: only NumPy's array globals may be loaded"
            )
        return allowed


class _DType:
    """Stands in for ``numpy.dtype``: remembers the type code and the byte order."""

    __slots__ = ("code", "byteorder")

    def __init__(self, code: Any, align: Any = False, copy: Any = True) -> None:
        if not isinstance(code, str):
            raise ValueError(f"dtype code must be text, got {type(code).__name__}")
        self.code = code
        self.byteorder = "<" if code[:1] not in "<>|=" else code[0]

    def __setstate__(self, state: Any) -> None:
        # NumPy's dtype state: (version, byteorder, subarray, names, fields, ...).
        if not isinstance(state, tuple) or len(state) < 2 or state[1] not in ("<", ">", "|", "="):
            raise ValueError(f"unsupported dtype state {state!r}")
        if any(part is not None for part in state[2:5]):
            raise ValueError(f"structured or subarray dtypes are not supported ({self.code})")
        self.byteorder = state[1]

    def zeronn_dtype(self) -> DType:
        """The zeronn dtype of the same name (``f4`` is ``float32``)."""
        code = self.code.lstrip("<>|=")
        if code not in _DTYPE_CODES:
            raise ValueError(f"unsupported dtype '{self.code}': expected one of {sorted(_DTYPE_CODES)}")
        return dtype(_DTYPE_CODES[code])


class _Array:
    """Stands in for ``numpy.ndarray`` while unpickling; turned into a Tensor afterwards."""

    __slots__ = ("shape", "dtype", "fortran", "raw")

    def __init__(self, *ignored: Any) -> None:
        self.shape: Tuple[int, ...] = (0,)
        self.dtype = _DType("f8")
        self.fortran = False
        self.raw: Any = b""

    def __setstate__(self, state: Any) -> None:
        # NumPy's array state: (version, shape, dtype, is_fortran, data); version 0 has no version.
        if isinstance(state, tuple) and len(state) == 4:
            state = (0, *state)
        if not isinstance(state, tuple) or len(state) != 5:
            raise ValueError(f"unsupported array state with {len(state)} parts")
        _, shape, dtype, fortran, raw = state
        self._set(shape, dtype, bool(fortran), raw)

    def _set(self, shape: Any, dtype: Any, fortran: bool, raw: Any) -> None:
        if not isinstance(shape, tuple) or not all(isinstance(n, int) and n >= 0 for n in shape):
            raise ValueError(f"unsupported array shape {shape!r}")
        if not isinstance(dtype, _DType):
            raise ValueError(f"unsupported array dtype {dtype!r}")
        if not isinstance(raw, (bytes, bytearray)):
            raise ValueError(f"unsupported array data ({type(raw).__name__}): dtype '{dtype.code}' is not numeric")
        self.shape, self.dtype, self.fortran, self.raw = shape, dtype, fortran, bytes(raw)

    def to_tensor(self) -> Tensor:
        to = self.dtype.zeronn_dtype()
        needed = size_of(self.shape) * to.itemsize
        if needed != len(self.raw):
            raise ValueError(
                f"array data has {len(self.raw)} bytes, but shape {self.shape} of '{self.dtype.code}' needs {needed}"
            )
        storage = _storage_from_bytes(self.raw, to, big_endian=self.dtype.byteorder == ">")
        if not self.fortran or len(self.shape) < 2:
            return Tensor.from_storage(storage, self.shape, to)
        # Column-major: the data is the row-major data of the reversed shape; its
        # transpose is the array, laid out in memory as NumPy's is.
        return Tensor.from_storage(storage, tuple(reversed(self.shape)), to).transpose()


def _reconstruct(cls: Any, shape: Any, typecode: Any) -> _Array:
    """Stands in for ``numpy.core.multiarray._reconstruct``: an empty array to fill."""
    if cls is not _Array:
        raise ValueError("_reconstruct may only make arrays")
    return _Array()


def _frombuffer(buffer: Any, dtype: Any, shape: Any, order: Any) -> _Array:
    """Stands in for ``numpy.core.numeric._frombuffer`` (pickle protocol 5)."""
    if order not in ("C", "F"):
        raise ValueError(f"unsupported array order {order!r}")
    array = _Array()
    array._set(tuple(shape), dtype, order == "F", buffer)
    return array


def _encode(text: Any, encoding: str = "utf-8") -> bytes:
    """Stands in for ``_codecs.encode``: protocol 2 stores bytes as latin-1 text."""
    if not isinstance(text, str) or encoding not in ("latin1", "latin-1"):
        raise ValueError("_codecs.encode may only turn latin-1 text into bytes")
    return text.encode("latin-1")


_ALLOWED_GLOBALS: Dict[Tuple[str, str], Any] = {
    ("numpy.core.multiarray", "_reconstruct"): _reconstruct,
    ("numpy._core.multiarray", "_reconstruct"): _reconstruct,  # NumPy 2
    ("numpy", "ndarray"): _Array,
    ("numpy", "dtype"): _DType,
    ("numpy.core.numeric", "_frombuffer"): _frombuffer,  # protocol 5
    ("numpy._core.numeric", "_frombuffer"): _frombuffer,
    ("_codecs", "encode"): _encode,  # protocol 2
}
_DTYPE_CODES = {
    "f4": "float32", "f8": "float64",
    "i1": "int8", "i2": "int16", "i4": "int32", "i8": "int64",
    "u1": "uint8", "u2": "uint16", "u4": "uint32", "u8": "uint64",
    "b1": "bool",
}  # fmt: skip
_LIST_CODES = {"float64": "d", "int64": "q", "bool": "B"}  # array typecodes to decode list-kept dtypes


def _to_tensors(value: Any) -> Any:
    """Replace every array stand-in in dicts, lists and tuples by its tensor."""
    if isinstance(value, _Array):
        return value.to_tensor()
    if isinstance(value, dict):
        return {key: _to_tensors(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_to_tensors(item) for item in value)
    return value


def _storage_from_bytes(raw: bytes, to: DType, big_endian: bool) -> Storage:
    """The elements packed in ``raw`` (of dtype ``to``, in either byte order) as ``to``'s storage."""
    packed = array(to.typecode or _LIST_CODES[to.name])
    packed.frombytes(raw)
    if big_endian != (sys.byteorder == "big"):
        packed.byteswap()
    if to is bool_:
        return [value != 0 for value in packed]
    return packed if to.typecode else packed.tolist()


# ---------------------------------------------------------------------------
# zeronn's own tensors in a pickle
# ---------------------------------------------------------------------------


def reduce_tensor(t: Tensor) -> Tuple[Any, ...]:
    """What ``pickle`` stores for a tensor (its ``__reduce__``): the dtype's name, the shape,
    and the elements as little-endian bytes, to be rebuilt by ``rebuild_tensor``.

    >>> import pickle
    >>> from zeronn import tensor
    >>> pickle.loads(pickle.dumps(tensor([[1.5, 2.0]]).T))
    tensor([[1.5],
            [2. ]])
    """
    packed = array(t.dtype.typecode or _LIST_CODES[t.dtype.name], elements(t))
    if sys.byteorder == "big":
        packed.byteswap()
    return (rebuild_tensor, (t.dtype.name, t.shape, packed.tobytes()))


def rebuild_tensor(name: str, shape: Tuple[int, ...], payload: bytes) -> Tensor:
    """A tensor from what ``reduce_tensor`` stored, checked before anything is built.

    >>> rebuild_tensor("int64", (2,), bytes([1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0]))
    tensor([1, 2])
    >>> rebuild_tensor("int64", (3,), bytes(8))
    Traceback (most recent call last):
    ...
    ValueError: cannot unpickle a tensor of shape (3,) and dtype int64 from this data
    """
    to = dtype(name)
    if not isinstance(shape, tuple) or not all(type(n) is int and n >= 0 for n in shape):
        raise ValueError(f"cannot unpickle a tensor of shape {shape!r}")
    if not isinstance(payload, bytes) or len(payload) != size_of(shape) * to.itemsize:
        raise ValueError(f"cannot unpickle a tensor of shape {shape} and dtype {name} from this data")
    return Tensor.from_storage(_storage_from_bytes(payload, to, big_endian=False), shape, to)


# ---------------------------------------------------------------------------
# zeronn's own format: JSON
# ---------------------------------------------------------------------------

_ACTIVATIONS: Dict[str, Activation] = {
    "identity": identity,
    "relu": relu,
    "sigmoid": sigmoid,
    "softmax": softmax,
    "step": step,
}
_FORMAT = "zeronn-network"


def network_to_json(network: Network) -> str:
    """The network as JSON text: its task, and each layer's weight, bias and activation.

    Python writes every float with enough digits to read back exactly, so
    ``network_from_json(network_to_json(n))`` gives the very same numbers.

    >>> from zeronn import Network
    >>> from zeronn.network import init_network
    >>> text = network_to_json(Network.from_params(init_network()))
    >>> network_from_json(text).layers[0].weight.tolist()
    [[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]
    """
    layers = []
    for number, layer in enumerate(network.layers, start=1):
        name = next((key for key, function in _ACTIVATIONS.items() if function is layer.activation), None)
        if name is None:
            raise ValueError(
                f"layer {number}: activation {layer.activation!r} has no JSON name; "
                f"expected one of {sorted(_ACTIVATIONS)}"
            )
        layers.append({"weight": layer.weight.tolist(), "bias": layer.bias.tolist(), "activation": name})
    document = {"format": _FORMAT, "version": 1, "task": network.task, "layers": layers}
    return json.dumps(document, indent=1)


def network_from_json(text: str) -> Network:
    """The network that ``network_to_json`` wrote.

    >>> text = ('{"format": "zeronn-network", "version": 1, "task": "regression", "layers": '
    ...         '[{"weight": [[2.0]], "bias": [1.0], "activation": "identity"}]}')
    >>> network_from_json(text).predict([3.0])
    tensor([7.0])
    """
    document = json.loads(text)
    if not isinstance(document, dict) or document.get("format") != _FORMAT:
        raise ValueError(f"not a zeronn network: expected a JSON object with \"format\": \"{_FORMAT}\"")
    if document.get("version") != 1:
        raise ValueError(f"unsupported zeronn network version {document.get('version')!r}; expected 1")
    layers = []
    for number, layer in enumerate(document.get("layers", []), start=1):
        name = layer.get("activation")
        if name not in _ACTIVATIONS:
            raise ValueError(f"layer {number}: unknown activation {name!r}; expected one of {sorted(_ACTIVATIONS)}")
        layers.append(Dense(layer["weight"], layer["bias"], _ACTIVATIONS[name]))
    return Network(layers, document.get("task", "classification"))


def save_network(network: Network, path: Union[str, "os.PathLike[str]"]) -> None:
    """Write ``network_to_json(network)`` to ``path``.

    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "net.json")
    >>> save_network(Network([Dense([[2.0]], [1.0])], task="regression"), path)
    >>> load_network(path).predict([3.0])
    tensor([7.0])
    """
    with open(path, "w", encoding="utf-8") as file:
        file.write(network_to_json(network))


def load_network(path: Union[str, "os.PathLike[str]"]) -> Network:
    """Read a network that ``save_network`` wrote (see there for an example)."""
    with open(path, encoding="utf-8") as file:
        return network_from_json(file.read())
