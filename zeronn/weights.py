"""Weights on disk: the book's NumPy pickle read safely, tensors pickled, and zeronn's JSON.

- ``load_numpy_pickle(path)``: a pickle of NumPy arrays (such as the book's
  ``sample_weight.pkl``) -> the same structure with tensors in place of arrays, without
  NumPy and without running anything the pickle asks for (``numpy_pickle.py`` says how);
- ``reduce_tensor`` / ``rebuild_tensor``: how ``pickle`` stores a zeronn tensor;
- ``network_to_json`` / ``network_from_json``, ``save_network`` / ``load_network``:
  a ``Network`` as plain, human-readable JSON that round-trips exactly.

>>> import io, pickle
>>> hostile = b"cos\\nsystem\\n(S'echo hacked'\\ntR."
>>> load_numpy_pickle(io.BytesIO(hostile))
Traceback (most recent call last):
...
_pickle.UnpicklingError: at byte 0: global 'os.system' is forbidden: only NumPy's array globals may be loaded
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
import sys
from array import array
from typing import IO, Any, Dict, Tuple, Union

from ._shape import size_of
from .activations import identity, relu, sigmoid, softmax, step
from .core import Tensor, elements
from .dtypes import dtype
from .files import open_regular
from .layers import Activation, Dense, Network
from .numpy_pickle import LIST_TYPECODES, load_numpy_pickle, storage_from_bytes

PathOrFile = Union[str, "os.PathLike[str]", IO[bytes]]

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
    packed = array(t.dtype.typecode or LIST_TYPECODES[t.dtype.name], elements(t))
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
    return Tensor.from_storage(storage_from_bytes(payload, to, big_endian=False), shape, to)


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
    """The network that ``network_to_json`` wrote. Anything else is a ``ValueError`` that
    says what is wrong (and where: the layer's number), whatever the text.

    >>> text = ('{"format": "zeronn-network", "version": 1, "task": "regression", "layers": '
    ...         '[{"weight": [[2.0]], "bias": [1.0], "activation": "identity"}]}')
    >>> network_from_json(text).predict([3.0])
    tensor([7.0])
    """
    try:
        document = json.loads(text)
    except RecursionError:  # json recurses once per level of nesting
        raise ValueError("not a zeronn network: the JSON is nested too deeply") from None
    if not isinstance(document, dict) or document.get("format") != _FORMAT:
        raise ValueError(f"not a zeronn network: expected a JSON object with \"format\": \"{_FORMAT}\"")
    if document.get("version") != 1:
        raise ValueError(f"unsupported zeronn network version {document.get('version')!r}; expected 1")
    if not isinstance(document.get("layers"), list):
        raise ValueError('a zeronn network needs "layers": a list of layers')
    layers = []
    for number, layer in enumerate(document["layers"], start=1):
        if not isinstance(layer, dict) or not {"weight", "bias", "activation"} <= layer.keys():
            raise ValueError(f"layer {number}: expected an object with a weight, a bias and an activation")
        name = layer["activation"]
        if not isinstance(name, str) or name not in _ACTIVATIONS:
            raise ValueError(f"layer {number}: unknown activation {name!r}; expected one of {sorted(_ACTIVATIONS)}")
        try:
            layers.append(Dense(layer["weight"], layer["bias"], _ACTIVATIONS[name]))
        except (TypeError, ValueError) as error:  # not numbers, ragged, the wrong shapes
            raise ValueError(f"layer {number}: {error}") from None
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
    """Read a network that ``save_network`` wrote (see there for an example).

    ``path`` must be a regular file (``files.open_regular``); the JSON is decoded as UTF-8.
    """
    with open_regular(path) as file:
        return network_from_json(file.read().decode("utf-8"))
