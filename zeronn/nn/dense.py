"""Networks as objects: ``Dense`` layers in a row, and a ``Network`` of them.

- ``Dense``: one fully connected layer, ``activation(x · weight + bias)``;
- ``Network``: layers in a row, whose output function follows the task: ``softmax``
  for classification, ``identity`` for regression (section 3.5 of the book).

They compute exactly what the book's ``forward`` (``network.py``) computes, for any
number of layers, and check their shapes as they are built.

- ``network_to_json`` / ``network_from_json``, ``save_network`` / ``load_network``:
  a ``Network`` as plain, human-readable JSON that round-trips exactly.

>>> Network.from_params(init_network(), task="regression").predict([1.0, 0.5])
tensor([0.31682708, 0.69627909])
"""

from __future__ import annotations

__all__ = ["Dense", "Network", "Activation", "network_to_json", "network_from_json", "save_network", "load_network"]

import json
import os
from typing import Any, Callable, Dict, Iterable, Tuple, Union

from ..core import Tensor, as_tensor
from ..io.files import open_regular
from ..ops import dot
from .activations import identity, relu, sigmoid, softmax, step
from .network import init_network  # noqa: F401  (the examples below use the book's weights)

Activation = Callable[[Any], Tensor]
_OUTPUT_FUNCTIONS: Dict[str, Activation] = {"classification": softmax, "regression": identity}


class Dense:
    """A fully connected layer: ``activation(x · weight + bias)``.

    ``weight`` has shape ``(inputs, outputs)``; ``bias`` has shape ``(outputs,)``, or
    ``(1, outputs)`` as a row (which gives a ``(1, outputs)`` result, as NumPy does).
    A layer never changes; there are no caches.

    >>> layer = Dense([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]], [0.1, 0.2, 0.3], sigmoid)
    >>> layer
    Dense(inputs=2, outputs=3, activation=sigmoid)
    >>> layer([1.0, 0.5])
    tensor([0.57444252, 0.66818777, 0.75026011])
    >>> Dense([[1.0, 2.0]], [1.0, 2.0, 3.0])
    Traceback (most recent call last):
    ...
    ValueError: bias of shape (3,) does not fit weight of shape (1, 2): expected (2,) or (1, 2)
    """

    __slots__ = ("_weight", "_bias", "_activation")
    _weight: Tensor
    _bias: Tensor
    _activation: Activation

    def __init__(self, weight: Any, bias: Any, activation: Activation = identity) -> None:
        weight = as_tensor(weight)
        bias = as_tensor(bias)
        if weight.ndim != 2:
            raise ValueError(f"weight must be 2-d (inputs, outputs), got shape {weight.shape}")
        outputs = weight.shape[1]
        if bias.shape not in ((outputs,), (1, outputs)):
            raise ValueError(
                f"bias of shape {bias.shape} does not fit weight of shape {weight.shape}: "
                f"expected {(outputs,)} or {(1, outputs)}"
            )
        if not callable(activation):
            raise TypeError(f"activation must be callable, got {type(activation).__name__}")
        self._weight = weight
        self._bias = bias
        self._activation = activation

    @property
    def weight(self) -> Tensor:
        """The ``(inputs, outputs)`` weight matrix.

        >>> Dense([[1.0, 2.0]], [0.5, 0.5]).weight
        tensor([[1., 2.]])
        """
        return self._weight

    @property
    def bias(self) -> Tensor:
        """The bias, ``(outputs,)`` or ``(1, outputs)``.

        >>> Dense([[1.0, 2.0]], [0.5, 0.5]).bias
        tensor([0.5, 0.5])
        """
        return self._bias

    @property
    def activation(self) -> Activation:
        """The function applied to ``x · weight + bias`` (``identity`` by default).

        >>> Dense([[1.0]], [0.0], sigmoid).activation is sigmoid
        True
        """
        return self._activation

    @property
    def inputs(self) -> int:
        """How many numbers one input has.

        >>> Dense([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], [0.0, 0.0, 0.0]).inputs
        2
        """
        return self._weight.shape[0]

    @property
    def outputs(self) -> int:
        """How many numbers one output has.

        >>> Dense([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], [0.0, 0.0, 0.0]).outputs
        3
        """
        return self._weight.shape[1]

    def __call__(self, x: Any) -> Tensor:
        x = as_tensor(x)
        if x.ndim not in (1, 2) or x.shape[-1] != self.inputs:
            raise ValueError(
                f"expected an input of shape ({self.inputs},) or (batch, {self.inputs}) "
                f"for weight of shape {self._weight.shape}, got shape {x.shape}"
            )
        a = dot(x, self._weight) + self._bias
        return self._activation(a)

    def __repr__(self) -> str:
        name = getattr(self._activation, "__name__", repr(self._activation))
        return f"Dense(inputs={self.inputs}, outputs={self.outputs}, activation={name})"


class Network:
    """Layers applied in order, then the output function of the task.

    ``task`` is ``"classification"`` (the output is ``softmax``: probabilities that
    sum to 1) or ``"regression"`` (the output is ``identity``: the values as they are).
    Give the last layer no activation of its own (the default, ``identity``).

    >>> book = init_network()
    >>> layers = [
    ...     Dense(book["W1"], book["b1"], sigmoid),
    ...     Dense(book["W2"], book["b2"], sigmoid),
    ...     Dense(book["W3"], book["b3"]),
    ... ]
    >>> Network(layers, task="regression").predict([1.0, 0.5])
    tensor([0.31682708, 0.69627909])
    >>> classifier = Network(layers, task="classification")
    >>> classifier.predict([1.0, 0.5])
    tensor([0.40625907, 0.59374093])
    >>> classifier.predict_class([[1.0, 0.5], [-3.0, 4.0]])
    tensor([1, 1])
    >>> Network([Dense(book["W1"], book["b1"]), Dense(book["W3"], book["b3"])])
    Traceback (most recent call last):
    ...
    ValueError: layer 2 takes 2 inputs (weight (2, 2)) but layer 1 gives 3 outputs (weight (2, 3))
    """

    __slots__ = ("_layers", "_task")

    def __init__(self, layers: Iterable[Dense], task: str = "classification") -> None:
        layers = tuple(layers)
        if not layers:
            raise ValueError("a network needs at least one layer")
        for number, layer in enumerate(layers, start=1):
            if not isinstance(layer, Dense):
                raise TypeError(f"layer {number} must be a Dense layer, got {type(layer).__name__}")
        for number, (before, after) in enumerate(zip(layers, layers[1:]), start=2):
            if after.inputs != before.outputs:
                raise ValueError(
                    f"layer {number} takes {after.inputs} inputs (weight {after.weight.shape}) "
                    f"but layer {number - 1} gives {before.outputs} outputs (weight {before.weight.shape})"
                )
        if not isinstance(task, str) or task not in _OUTPUT_FUNCTIONS:
            raise ValueError(f"task must be 'classification' or 'regression', got {task!r}")
        self._layers: Tuple[Dense, ...] = layers
        self._task = task

    @classmethod
    def from_params(
        cls,
        params: Dict[str, Any],
        hidden_activation: Activation = sigmoid,
        task: str = "classification",
    ) -> Network:
        """A network from the book's parameter dict ``{"W1": ..., "b1": ..., "W2": ...}``.

        Every layer but the last uses ``hidden_activation``.

        >>> for layer in Network.from_params(init_network()).layers:
        ...     print(layer)
        Dense(inputs=2, outputs=3, activation=sigmoid)
        Dense(inputs=3, outputs=2, activation=sigmoid)
        Dense(inputs=2, outputs=2, activation=identity)
        """
        count = 0
        while f"W{count + 1}" in params:
            count += 1
        if count == 0:
            raise ValueError(f"no weights named W1, W2, ... among {sorted(params)}")
        layers = []
        for number in range(1, count + 1):
            if f"b{number}" not in params:
                raise ValueError(f"W{number} has no bias b{number} among {sorted(params)}")
            activation = hidden_activation if number < count else identity
            layers.append(Dense(params[f"W{number}"], params[f"b{number}"], activation))
        return cls(layers, task)

    @property
    def layers(self) -> Tuple[Dense, ...]:
        """The layers, first to last.

        >>> len(Network.from_params(init_network()).layers)
        3
        """
        return self._layers

    @property
    def task(self) -> str:
        """``"classification"`` or ``"regression"``.

        >>> Network.from_params(init_network(), task="regression").task
        'regression'
        """
        return self._task

    @property
    def output_function(self) -> Activation:
        """``softmax`` for classification, ``identity`` for regression.

        >>> Network.from_params(init_network()).output_function is softmax
        True
        """
        return _OUTPUT_FUNCTIONS[self._task]

    def scores(self, x: Any) -> Tensor:
        """The last layer's output before the output function (the book's ``a3``).

        >>> Network.from_params(init_network()).scores([1.0, 0.5])
        tensor([0.31682708, 0.69627909])
        """
        z = as_tensor(x)
        for number, layer in enumerate(self._layers, start=1):
            try:
                z = layer(z)
            except ValueError as error:
                raise ValueError(f"layer {number}: {error}") from None
        return z

    def predict(self, x: Any) -> Tensor:
        """Probabilities (classification) or values (regression) for one input or a batch.

        >>> Network.from_params(init_network()).predict([[1.0, 0.5]]).sum(axis=-1)
        tensor([1.])
        """
        return self.output_function(self.scores(x))

    def predict_class(self, x: Any) -> Any:
        """The most likely class: an int for one input, a tensor of ints for a batch.

        ``softmax`` keeps the order of its inputs, so this is the argmax of the scores.

        >>> Network.from_params(init_network()).predict_class([1.0, 0.5])
        1
        """
        if self._task != "classification":
            raise ValueError("predict_class needs a classification network, this one does regression")
        return self.scores(x).argmax(axis=-1)  # a number for 1-d scores

    def __repr__(self) -> str:
        return f"Network({list(self._layers)!r}, task={self._task!r})"


# ---------------------------------------------------------------------------
# zeronn's own file format for a Network: JSON
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
    tensor([7.])
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
    tensor([7.])
    """
    with open(path, "w", encoding="utf-8") as file:
        file.write(network_to_json(network))


def load_network(path: Union[str, "os.PathLike[str]"]) -> Network:
    """Read a network that ``save_network`` wrote (see there for an example).

    ``path`` must be a regular file (``files.open_regular``); the JSON is decoded as UTF-8.
    """
    with open_regular(path) as file:
        return network_from_json(file.read().decode("utf-8"))
