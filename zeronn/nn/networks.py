"""Networks that learn: layers in a row, a loss on top, gradients by backpropagation
(sections 4.5 and 5.7 of the book, and chapter 6's extensions).

- ``LayerNet``: what every network here does with its layers (5.7.1): ``predict``,
  ``loss``, ``accuracy``, ``numerical_gradient`` and ``gradient`` (backpropagation);
- ``TwoLayerNet`` (4.5, 5.7.2): Affine, ReLU, Affine, then ``SoftmaxWithLoss``;
- ``MultiLayerNet`` (6.1–6.4): any number of hidden layers, ReLU or sigmoid, He or
  Xavier initial weights, weight decay;
- ``MultiLayerNetExtend`` (6.3, 6.4.3): and batch normalisation and dropout;
- ``save_params``/``load_params`` (every network here): the weights to a file and back,
  the book's pickles (read without running them) and NumPy's ``.npz``.

A network keeps its weights in ``params`` (``"W1"``, ``"b1"``, ``"W2"``, ...), the
very tensors its layers hold: an optimizer's ``update(network.params, grads)`` changes
them in place, and the layers compute with the new values. ``gradient`` returns a dict
with the same keys.

The book's ``TwoLayerNet`` of section 4.5 (sigmoid, its gradient worked out by hand)
becomes, in 5.7, the one here; they draw the same initial weights.

>>> random.seed(0)
>>> network = TwoLayerNet(input_size=3, hidden_size=4, output_size=2)
>>> x, t = tensor([[1.0, 0.5, -1.0]]), tensor([[0.0, 1.0]])
>>> network.loss(x, t)                                # about log 2: it does not know yet
0.6933...
>>> grads = network.gradient(x, t)
>>> sorted(grads), grads["W1"].shape
(['W1', 'W2', 'b1', 'b2'], (3, 4))
"""

from __future__ import annotations

__all__ = ["LayerNet", "TwoLayerNet", "MultiLayerNet", "MultiLayerNetExtend"]

import os
import pickle
from collections import OrderedDict
from typing import IO, Any, Callable, Dict, List, Sequence, Union

from .. import random  # noqa: F401  (the examples use it)
from ..core import Tensor, as_tensor, tensor  # noqa: F401  (tensor: the examples use it)
from ..creation import ones, zeros
from ..io.npy import NpzFile, load, savez
from .gradient import numerical_gradient
from .layers import Affine, BatchNormalization, Dropout, Relu, Sigmoid, SoftmaxWithLoss
from .weight_init import WeightInitStd, init_weights

PathOrFile = Union[str, "os.PathLike[str]", IO[bytes]]

# accuracy() predicts this many rows at a time: the same answers (when not training,
# each row's prediction is its own), without 60,000 rows of every layer in memory at once.
_ACCURACY_BATCH = 1000


class LayerNet:
    """Layers in a row (the ordered dict ``layers``), then ``last_layer``, a
    ``SoftmaxWithLoss``: what predicting, the loss and both gradients are for such a network.

    A subclass builds ``params``, ``layers`` (the ``Affine`` layers named ``"Affine1"``,
    ``"Affine2"``, ..., a ``BatchNormalization`` after ``"Affine<i>"`` named
    ``"BatchNorm<i>"``), ``last_layer`` and ``hidden_layer_num``; ``weight_decay_lambda``
    is 0 unless it sets one. The smallest, softmax regression (no hidden layer):

    >>> class SoftmaxRegression(LayerNet):
    ...     def __init__(self):
    ...         self.params = {"W1": tensor([[1.0, -1.0]]), "b1": tensor([0.0, 0.0])}
    ...         self.layers = OrderedDict(Affine1=Affine(self.params["W1"], self.params["b1"]))
    ...         self.last_layer = SoftmaxWithLoss()
    ...         self.hidden_layer_num = 0
    >>> network = SoftmaxRegression()
    >>> x, t = tensor([[2.0], [-1.0]]), tensor([0, 0])
    >>> network.predict(x), network.accuracy(x, t)
    (tensor([[ 2., -2.],
            [-1.,  1.]]), 0.5)
    >>> network.gradient(x, t)["W1"]                    # x.T · (y - t) / 2
    tensor([[ 0.42241233, -0.42241233]])
    """

    params: Dict[str, Tensor]
    layers: "OrderedDict[str, Any]"
    last_layer: SoftmaxWithLoss
    hidden_layer_num: int
    weight_decay_lambda: float = 0

    def predict(self, x: Tensor, train_flg: bool = False) -> Tensor:
        """The scores, one row per input: each layer's ``forward`` in turn (no softmax:
        the largest score is the answer either way).

        ``train_flg`` tells dropout and batch normalisation whether this is training."""
        for layer in self.layers.values():
            if isinstance(layer, (Dropout, BatchNormalization)):  # they act otherwise while training
                x = layer.forward(x, train_flg)
            else:
                x = layer.forward(x)
        return x

    def loss(self, x: Tensor, t: Tensor, train_flg: bool = False) -> float:
        """The cross-entropy of the predictions against ``t``, plus the weight decay
        ``0.5 * weight_decay_lambda * sum(W ** 2)`` for every ``W``."""
        y = self.predict(x, train_flg)

        weight_decay = 0.0
        if self.weight_decay_lambda:  # (the book adds it even when it is 0)
            for idx in range(1, self.hidden_layer_num + 2):
                W = self.params["W" + str(idx)]
                weight_decay += 0.5 * self.weight_decay_lambda * (W**2).sum()

        return self.last_layer.forward(y, t) + weight_decay

    def accuracy(self, x: Tensor, t: Tensor) -> float:
        """The fraction of inputs whose largest score is the answer ``t`` (one-hot or labels)."""
        if x.shape[0] == 0:
            raise ValueError("accuracy needs at least one input, got none")
        if t.ndim != 1:
            t = t.argmax(axis=1)

        correct = 0
        for start in range(0, x.shape[0], _ACCURACY_BATCH):
            y = self.predict(x[start : start + _ACCURACY_BATCH])
            correct += (y.argmax(axis=1) == t[start : start + _ACCURACY_BATCH]).sum()
        accuracy: float = correct / float(x.shape[0])
        return accuracy

    def numerical_gradient(self, x: Tensor, t: Tensor) -> Dict[str, Tensor]:
        """The gradient of the loss for every parameter, by numerical differentiation: slow
        (two losses per weight), but simple enough to check ``gradient`` against."""

        def loss_W(W: Tensor) -> float:  # W is moved in place: the loss sees it through the layers
            return self.loss(x, t, train_flg=True)

        grads = {}
        for idx in range(1, self.hidden_layer_num + 2):
            for name in ("W", "b", "gamma", "beta"):
                key = name + str(idx)
                if key in self.params:
                    grads[key] = numerical_gradient(loss_W, self.params[key])
        return grads

    def gradient(self, x: Tensor, t: Tensor) -> Dict[str, Tensor]:
        """The gradient of the loss for every parameter, by backpropagation: the forward
        pass, then each layer's ``backward``, last layer first."""
        # forward
        self.loss(x, t, train_flg=True)

        # backward
        dout: Any = 1
        dout = self.last_layer.backward(dout)
        for layer in reversed(self.layers.values()):
            dout = layer.backward(dout)

        # the gradients, named as the parameters are
        grads = {}
        for idx in range(1, self.hidden_layer_num + 2):
            affine = self.layers["Affine" + str(idx)]
            grads["W" + str(idx)] = affine.dW
            if self.weight_decay_lambda:  # the decay's derivative: lambda * W
                grads["W" + str(idx)] = affine.dW + self.weight_decay_lambda * affine.W
            grads["b" + str(idx)] = affine.db
            batch_norm = self.layers.get("BatchNorm" + str(idx))
            if batch_norm is not None:
                grads["gamma" + str(idx)] = batch_norm.dgamma
                grads["beta" + str(idx)] = batch_norm.dbeta
        return grads

    # -----------------------------------------------------------------------
    # The weights to a file and back
    # -----------------------------------------------------------------------

    def save_params(self, file_name: PathOrFile = "params.pkl") -> None:
        """Write ``params`` (and batch normalisation's running averages, as
        ``running_mean<i>`` and ``running_var<i>``) to ``file_name``: NumPy's ``.npz``
        (``np.savez``) when the name ends in ``.npz``, which NumPy's ``np.load`` reads too;
        otherwise a pickle of a dict of tensors, as the book's ``pickle.dump`` (which
        ``load_params`` reads back, as does Python's ``pickle.load`` with zeronn importable).

        >>> import os, tempfile
        >>> random.seed(0)
        >>> network = TwoLayerNet(input_size=2, hidden_size=3, output_size=2)
        >>> path = os.path.join(tempfile.mkdtemp(), "params.npz")
        >>> network.save_params(path)
        >>> network.params["W1"][...] = 0.0
        >>> network.load_params(path)
        >>> network.params["W1"][0]                  # back, in the very tensor the layer holds
        tensor([0.01764052, 0.00400157, 0.00978738])

        The book's ``save_params`` (``ch07/simple_convnet.py``), which pickles ``params`` only.
        """
        saved: Dict[str, Any] = self._saved_params()
        if isinstance(file_name, (str, os.PathLike)) and os.fspath(file_name).endswith(".npz"):
            savez(file_name, **saved)
        elif isinstance(file_name, (str, os.PathLike)):
            with open(file_name, "wb") as file:
                pickle.dump(saved, file)
        else:  # an open binary file
            pickle.dump(saved, file_name)

    def load_params(self, file_name: PathOrFile = "params.pkl") -> None:
        """Read the weights in ``file_name`` into the network's own tensors (``params[key][...]
        = value``): the layers hold those very tensors, so they compute with the new weights.

        The file is NumPy's ``.npz`` or a pickle of a dict of arrays (the book's
        ``params.pkl`` and ``deep_convnet_params.pkl``, or one that ``save_params`` wrote),
        told apart by its first bytes and read by ``io.load``; a pickle is read by zeronn's
        safe reader, which runs nothing the pickle names. It must hold every weight of the
        network, each of its shape, and nothing else but batch normalisation's running
        averages. The values are cast to the network's dtype (float64), and nothing is
        changed unless all of them fit.

        >>> import io, pickle
        >>> network = TwoLayerNet(input_size=2, hidden_size=3, output_size=2)
        >>> network.load_params(io.BytesIO(pickle.dumps({"W1": zeros((3, 2))})))
        Traceback (most recent call last):
        ...
        ValueError: <file>: the file's weights are not this network's (missing: b1, W2, b2)

        The book's ``load_params`` (``ch07/simple_convnet.py``), which runs ``pickle.load``
        (any code a pickle names) and puts the loaded arrays in place of the network's.
        """
        where = os.fspath(file_name) if isinstance(file_name, (str, os.PathLike)) else "<file>"
        loaded = load(file_name, allow_pickle=True)
        if isinstance(loaded, NpzFile):
            with loaded:
                loaded = {key: loaded[key] for key in loaded.files}
        self._load_saved_params(loaded, where)

    def _saved_params(self) -> Dict[str, Tensor]:
        """``params``, and each batch normalisation's running averages once it has some."""
        saved = dict(self.params)
        for name, layer in self.layers.items():
            if isinstance(layer, BatchNormalization) and layer.running_mean is not None:
                idx = name[len("BatchNorm") :]
                saved["running_mean" + idx] = layer.running_mean
                saved["running_var" + idx] = layer.running_var
        return saved

    def _load_saved_params(self, loaded: Any, where: str) -> None:
        """Check ``loaded`` (a dict from the file ``where``) against the network, then write it in."""
        if not isinstance(loaded, dict) or not all(isinstance(key, str) for key in loaded):
            raise ValueError(f"{where}: expected a dict of named weights, got {type(loaded).__name__}")
        running = {}
        for name, layer in self.layers.items():
            if isinstance(layer, BatchNormalization):
                idx = name[len("BatchNorm") :]
                running["running_mean" + idx] = (layer, "running_mean")
                running["running_var" + idx] = (layer, "running_var")
        unknown = [key for key in loaded if key not in self.params and key not in running]
        missing = [key for key in self.params if key not in loaded]
        if unknown or missing:
            raise ValueError(
                f"{where}: the file's weights are not this network's"
                + (f" (unknown: {', '.join(unknown)})" if unknown else "")
                + (f" (missing: {', '.join(missing)})" if missing else "")
            )
        values = {key: as_tensor(value) for key, value in loaded.items()}
        for key, value in values.items():  # every shape checked before anything is written
            expected = self.params[key].shape if key in self.params else running[key][0].gamma.shape
            if value.shape != expected:
                raise ValueError(f"{where}: {key} has shape {value.shape} in the file, the network's is {expected}")
        for key, value in values.items():
            if key in self.params:
                self.params[key][...] = value
            else:
                layer, attribute = running[key]
                setattr(layer, attribute, value.astype(float))


class TwoLayerNet(LayerNet):
    """The book's two-layer network (5.7.2): Affine, ReLU, Affine, then ``SoftmaxWithLoss``.

    Shapes: ``W1`` ``(input_size, hidden_size)``, ``b1`` ``(hidden_size,)``, ``W2``
    ``(hidden_size, output_size)``, ``b2`` ``(output_size,)``. The weights start as
    ``weight_init_std * random.randn(...)`` (``W1``, then ``W2``), the biases as zeros:
    after ``random.seed(s)``, the weights NumPy draws after ``np.random.seed(s)``.

    >>> random.seed(0)
    >>> network = TwoLayerNet(input_size=2, hidden_size=3, output_size=2)
    >>> network.params["W1"]
    tensor([[ 0.01764052,  0.00400157,  0.00978738],
            [ 0.02240893,  0.01867558, -0.00977278]])
    >>> list(network.layers)
    ['Affine1', 'Relu1', 'Affine2']
    >>> network.accuracy(tensor([[1.0, 2.0], [2.0, 1.0]]), tensor([0, 1]))
    0.5

    The book's ``TwoLayerNet`` in ``ch05/two_layer_net.py``; the last layer is also
    ``lastLayer``, the book's name for it there.
    """

    def __init__(
        self, input_size: int, hidden_size: int, output_size: int, weight_init_std: WeightInitStd = 0.01
    ) -> None:
        # the weights, drawn as the book draws them
        self.params = init_weights([input_size, hidden_size, output_size], weight_init_std)

        # the layers
        self.layers = OrderedDict()
        self.layers["Affine1"] = Affine(self.params["W1"], self.params["b1"])
        self.layers["Relu1"] = Relu()
        self.layers["Affine2"] = Affine(self.params["W2"], self.params["b2"])
        self.last_layer = SoftmaxWithLoss()

        self.lastLayer = self.last_layer  # the book's name in ch05/two_layer_net.py
        self.hidden_layer_num = 1
        self.layers["Affine1"].needs_dx = False  # its input is the data: no gradient needed there

    # The book's own three methods of ch05/two_layer_net.py: this network has no dropout,
    # batch normalisation or weight decay, so it needs none of ``LayerNet``'s cases for them.

    def predict(self, x: Tensor, train_flg: bool = False) -> Tensor:
        """The scores, one row per input: each layer's ``forward`` in turn. (``train_flg``
        changes nothing here: it is ``LayerNet``'s signature.)"""
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x: Tensor, t: Tensor, train_flg: bool = False) -> float:
        """The cross-entropy of the predictions against ``t``."""
        y = self.predict(x)
        return self.lastLayer.forward(y, t)

    def gradient(self, x: Tensor, t: Tensor) -> Dict[str, Tensor]:
        """The gradient of the loss for every parameter, by backpropagation: the forward
        pass, then each layer's ``backward``, last layer first."""
        # forward
        self.loss(x, t)

        # backward
        dout: Any = 1
        dout = self.lastLayer.backward(dout)
        for layer in reversed(self.layers.values()):
            dout = layer.backward(dout)

        grads = {}
        grads["W1"], grads["b1"] = self.layers["Affine1"].dW, self.layers["Affine1"].db
        grads["W2"], grads["b2"] = self.layers["Affine2"].dW, self.layers["Affine2"].db
        return grads


class MultiLayerNet(LayerNet):
    """A fully connected network of any depth (chapter 6): for each size in
    ``hidden_size_list`` an Affine layer and an activation, then Affine and
    ``SoftmaxWithLoss``.

    - ``activation``: ``'relu'`` or ``'sigmoid'``;
    - ``weight_init_std``: a number, or ``'relu'``/``'he'`` (He), ``'sigmoid'``/``'xavier'``
      (Xavier): see ``weight_init``;
    - ``weight_decay_lambda``: the strength of the L2 weight decay (6.4.2): the loss adds
      ``0.5 * lambda * sum(W ** 2)`` for each ``W``, so large weights cost.

    >>> random.seed(0)
    >>> network = MultiLayerNet(input_size=4, hidden_size_list=[5, 5], output_size=3, weight_decay_lambda=0.1)
    >>> list(network.layers)
    ['Affine1', 'Activation_function1', 'Affine2', 'Activation_function2', 'Affine3']
    >>> MultiLayerNet(4, [5], 3, activation="tanh")
    Traceback (most recent call last):
    ...
    ValueError: activation must be 'relu' or 'sigmoid', got 'tanh'

    The book's ``MultiLayerNet`` in ``common/multi_layer_net.py``.
    """

    def __init__(
        self,
        input_size: int,
        hidden_size_list: Sequence[int],
        output_size: int,
        activation: str = "relu",
        weight_init_std: WeightInitStd = "relu",
        weight_decay_lambda: float = 0,
    ) -> None:
        activation_layer: Dict[str, Callable[[], Any]] = {"sigmoid": Sigmoid, "relu": Relu}
        if activation not in activation_layer:
            raise ValueError(f"activation must be 'relu' or 'sigmoid', got {activation!r}")
        self.input_size = input_size
        self.output_size = output_size
        self.hidden_size_list: List[int] = list(hidden_size_list)
        self.hidden_layer_num = len(self.hidden_size_list)
        self.weight_decay_lambda = weight_decay_lambda

        # the weights, drawn as the book draws them
        self.params = init_weights([input_size, *self.hidden_size_list, output_size], weight_init_std)

        # the layers
        self.layers = OrderedDict()
        for idx in range(1, self.hidden_layer_num + 1):
            self._add_hidden_layer(idx, activation_layer[activation])

        idx = self.hidden_layer_num + 1
        self.layers["Affine" + str(idx)] = Affine(self.params["W" + str(idx)], self.params["b" + str(idx)])
        self.last_layer = SoftmaxWithLoss()

        self.layers["Affine1"].needs_dx = False  # its input is the data: no gradient needed there

    def _add_hidden_layer(self, idx: int, activation_layer: Callable[[], Any]) -> None:
        """Hidden layer ``idx``: Affine, then the activation."""
        self.layers["Affine" + str(idx)] = Affine(self.params["W" + str(idx)], self.params["b" + str(idx)])
        self.layers["Activation_function" + str(idx)] = activation_layer()


class MultiLayerNetExtend(MultiLayerNet):
    """``MultiLayerNet`` with batch normalisation and dropout in each hidden layer.

    A hidden layer becomes Affine, ``BatchNormalization`` (if ``use_batchnorm``; its
    ``gamma`` and ``beta`` join ``params`` as ``"gamma<i>"``, ``"beta<i>"``), the
    activation, ``Dropout`` (if ``use_dropout``, switching off ``dropout_ration`` of the
    neurons: the book's spelling). ``predict``, ``loss`` and ``accuracy`` are for testing
    unless ``train_flg=True``; ``gradient`` trains.

    >>> random.seed(0)
    >>> network = MultiLayerNetExtend(4, [5], 3, use_batchnorm=True, use_dropout=True)
    >>> list(network.layers)
    ['Affine1', 'BatchNorm1', 'Activation_function1', 'Dropout1', 'Affine2']
    >>> list(network.params)
    ['W1', 'b1', 'W2', 'b2', 'gamma1', 'beta1']

    The book's ``MultiLayerNetExtend`` in ``common/multi_layer_net_extend.py``.
    """

    def __init__(
        self,
        input_size: int,
        hidden_size_list: Sequence[int],
        output_size: int,
        activation: str = "relu",
        weight_init_std: WeightInitStd = "relu",
        weight_decay_lambda: float = 0,
        use_dropout: bool = False,
        dropout_ration: float = 0.5,
        use_batchnorm: bool = False,
    ) -> None:
        self.use_dropout = use_dropout
        self.dropout_ration = dropout_ration
        self.use_batchnorm = use_batchnorm
        super().__init__(input_size, hidden_size_list, output_size, activation, weight_init_std, weight_decay_lambda)

    def _add_hidden_layer(self, idx: int, activation_layer: Callable[[], Any]) -> None:
        """Hidden layer ``idx``: Affine, batch normalisation, the activation, dropout."""
        self.layers["Affine" + str(idx)] = Affine(self.params["W" + str(idx)], self.params["b" + str(idx)])
        if self.use_batchnorm:
            size = self.hidden_size_list[idx - 1]
            self.params["gamma" + str(idx)] = ones(size)
            self.params["beta" + str(idx)] = zeros(size)
            self.layers["BatchNorm" + str(idx)] = BatchNormalization(
                self.params["gamma" + str(idx)], self.params["beta" + str(idx)]
            )
        self.layers["Activation_function" + str(idx)] = activation_layer()
        if self.use_dropout:
            self.layers["Dropout" + str(idx)] = Dropout(self.dropout_ration)
