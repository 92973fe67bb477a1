"""Convolutional networks: the book's ``SimpleConvNet`` (7.5) and ``DeepConvNet`` (8.1).

- ``ConvNet``: what the two share, on ``LayerNet`` (``predict``, ``loss``,
  ``numerical_gradient``, ``save_params``/``load_params``): ``gradient`` for
  convolution layers and ``accuracy`` a batch at a time;
- ``SimpleConvNet`` (7.5): convolution, ReLU, pooling, then Affine, ReLU, Affine; the
  book's trained weights (``ch07/params.pkl``) classify 0.96 of the MNIST test images;
- ``DeepConvNet`` (8.1): six 3 x 3 convolutions, three poolings, two Affine layers with
  dropout; its trained weights (``ch08/deep_convnet_params.pkl``) classify 0.9797;
- ``CONVNETS`` and ``pretrained(name, file_name)``: a network by its command-line name,
  with trained weights.

The weights are ``W1``, ``b1``, ``W2``, ... in the order of the layers that hold them
(convolutions first, then Affine layers), as the book names them, and ``gradient``
returns the same keys.

>>> random.seed(0)
>>> network = SimpleConvNet(input_dim=(1, 6, 6), conv_param={"filter_num": 2, "filter_size": 3, "pad": 0, "stride": 1},
...                         hidden_size=4, output_size=3)
>>> list(network.layers)
['Conv1', 'Relu1', 'Pool1', 'Affine1', 'Relu2', 'Affine2']
>>> [network.params[key].shape for key in ("W1", "W2", "W3")]     # 2 filters x 2 x 2 pooled
[(2, 1, 3, 3), (8, 4), (4, 3)]
>>> x = random.rand(2, 1, 6, 6)
>>> network.predict(x).shape, network.loss(x, tensor([0, 2]))
((2, 3), 1.0986...)
"""

from __future__ import annotations

__all__ = ["ConvNet", "SimpleConvNet", "DeepConvNet", "CONVNETS", "pretrained"]

import math
import os
from collections import OrderedDict
from typing import Callable, Dict, List, Mapping, Optional, Sequence, Tuple, Type, Union

from .. import random
from ..core import Tensor, tensor  # noqa: F401  (tensor: the examples use it)
from ..creation import zeros
from .convolution import Convolution, Pooling, conv_output_size
from .layers import Affine, Dropout, Relu, SoftmaxWithLoss
from .networks import LayerNet

ConvParam = Mapping[str, int]
Progress = Callable[[int, int], None]

_SIMPLE_CONV_PARAM = {"filter_num": 30, "filter_size": 5, "pad": 0, "stride": 1}
_DEEP_CONV_PARAMS = (
    {"filter_num": 16, "filter_size": 3, "pad": 1, "stride": 1},
    {"filter_num": 16, "filter_size": 3, "pad": 1, "stride": 1},
    {"filter_num": 32, "filter_size": 3, "pad": 1, "stride": 1},
    {"filter_num": 32, "filter_size": 3, "pad": 2, "stride": 1},
    {"filter_num": 64, "filter_size": 3, "pad": 1, "stride": 1},
    {"filter_num": 64, "filter_size": 3, "pad": 1, "stride": 1},
)


class ConvNet(LayerNet):
    """A ``LayerNet`` whose weighted layers include convolutions: what ``SimpleConvNet``
    and ``DeepConvNet`` share.

    Its weighted layers (``Convolution`` and ``Affine``, in order) hold ``W1, b1``, ``W2,
    b2``, ...: ``gradient`` reads each one's ``dW`` and ``db`` under those names.
    ``accuracy`` predicts ``batch_size`` images at a time, as the book's conv nets do: a
    convolution's intermediate images take far more memory than its input (DeepConvNet's
    second layer holds 16 images of 28 x 28 for each input).

    >>> class OneFilter(ConvNet):                      # one 1 x 1 filter, then Affine: the smallest
    ...     def __init__(self):
    ...         self.params = {"W1": tensor([[[[2.0]]]]), "b1": tensor([0.0]),
    ...                        "W2": tensor([[1.0, -1.0]]), "b2": tensor([0.0, 0.0])}
    ...         self.layers = OrderedDict(Conv1=Convolution(self.params["W1"], self.params["b1"]),
    ...                                   Affine1=Affine(self.params["W2"], self.params["b2"]))
    ...         self.last_layer = SoftmaxWithLoss()
    ...         self.hidden_layer_num = 1
    >>> network = OneFilter()
    >>> x = tensor([[[[1.0]]], [[[-1.0]]]])
    >>> network.predict(x), network.accuracy(x, tensor([0, 0]))
    (tensor([[ 2., -2.],
            [-2.,  2.]]), 0.5)
    >>> network.gradient(x, tensor([0, 0]))["W1"]
    tensor([[[[0.96402758]]]])
    """

    def accuracy(self, x: Tensor, t: Tensor, batch_size: int = 100, *, progress: Optional[Progress] = None) -> float:
        """The fraction of images whose largest score is the answer ``t`` (labels or
        one-hot rows), predicting ``batch_size`` images at a time.

        ``progress(done, total)``, if given, is called after each batch (a progress bar's
        hook). Every image counts: the book's loop leaves out a last batch smaller than
        ``batch_size``, though it still divides by all of them.
        """
        if x.shape[0] == 0:
            raise ValueError("accuracy needs at least one input, got none")
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        if t.ndim != 1:
            t = t.argmax(axis=1)

        correct = 0
        for start in range(0, x.shape[0], batch_size):
            y = self.predict(x[start : start + batch_size], train_flg=False)
            correct += (y.argmax(axis=1) == t[start : start + batch_size]).sum()
            if progress is not None:
                progress(min(start + batch_size, x.shape[0]), x.shape[0])
        accuracy: float = correct / float(x.shape[0])
        return accuracy

    def gradient(self, x: Tensor, t: Tensor) -> Dict[str, Tensor]:
        """The gradient of the loss for every weight, by backpropagation: the forward pass
        (training), then each layer's ``backward``, last layer first."""
        self.loss(x, t, train_flg=True)  # forward
        dout = self.last_layer.backward(1)  # backward, last layer first
        for layer in reversed(self.layers.values()):
            dout = layer.backward(dout)
        return {name + str(idx): getattr(layer, "d" + name)  # the gradients, named as the weights are
                for idx, layer in enumerate(self.weighted_layers(), start=1) for name in ("W", "b")}

    def weighted_layers(self) -> List[Union[Convolution, Affine]]:
        """The layers that hold ``W1, b1``, ``W2, b2``, ...: the convolutions and the Affine layers, in order."""
        return [layer for layer in self.layers.values() if isinstance(layer, (Convolution, Affine))]


class SimpleConvNet(ConvNet):
    """The book's simple convolutional network (7.5)::

        Conv1 - Relu1 - Pool1 - Affine1 - Relu2 - Affine2 - SoftmaxWithLoss

    - ``input_dim``: one image's ``(channels, height, width)``;
    - ``conv_param``: the convolution's ``filter_num``, ``filter_size`` (square filters),
      ``pad`` and ``stride``;
    - ``hidden_size``, ``output_size``: the Affine layers' outputs;
    - ``weight_init_std``: the weights start as ``weight_init_std * random.randn(...)``
      (``W1``, ``W2``, ``W3`` in turn), the biases as zeros: after ``random.seed(s)``, the
      weights NumPy draws after ``np.random.seed(s)``.

    Shapes: ``W1`` ``(filter_num, channels, filter_size, filter_size)``, ``W2``
    ``(filter_num * pooled_h * pooled_w, hidden_size)``, ``W3`` ``(hidden_size,
    output_size)``; the pooling halves the convolution's output (2 x 2, stride 2).

    >>> random.seed(0)
    >>> network = SimpleConvNet()                     # the book's: 30 filters of 5 x 5 on 28 x 28
    >>> network.params["W2"].shape                    # 30 x 12 x 12 pooled numbers
    (4320, 100)
    >>> SimpleConvNet(input_dim=(1, 4, 4))
    Traceback (most recent call last):
    ...
    ValueError: a filter of size 5 does not fit an input of size 4 padded by 0

    The book's ``SimpleConvNet`` in ``ch07/simple_convnet.py`` (which sizes ``W2`` from
    the height alone, and for an odd convolution output, wrongly).
    """

    def __init__(
        self,
        input_dim: Sequence[int] = (1, 28, 28),
        conv_param: ConvParam = _SIMPLE_CONV_PARAM,
        hidden_size: int = 100,
        output_size: int = 10,
        weight_init_std: float = 0.01,
    ) -> None:
        filter_num = conv_param["filter_num"]
        filter_size = conv_param["filter_size"]
        filter_pad = conv_param["pad"]
        filter_stride = conv_param["stride"]
        channels, height, width = input_dim
        conv_h = conv_output_size(height, filter_size, filter_stride, filter_pad)
        conv_w = conv_output_size(width, filter_size, filter_stride, filter_pad)
        pool_output_size = filter_num * conv_output_size(conv_h, 2, 2) * conv_output_size(conv_w, 2, 2)

        # the weights, drawn as the book draws them
        self.params = {}
        self.params["W1"] = weight_init_std * random.randn(filter_num, channels, filter_size, filter_size)
        self.params["b1"] = zeros(filter_num)
        self.params["W2"] = weight_init_std * random.randn(pool_output_size, hidden_size)
        self.params["b2"] = zeros(hidden_size)
        self.params["W3"] = weight_init_std * random.randn(hidden_size, output_size)
        self.params["b3"] = zeros(output_size)

        # the layers
        self.layers = OrderedDict()
        self.layers["Conv1"] = Convolution(self.params["W1"], self.params["b1"], filter_stride, filter_pad)
        self.layers["Relu1"] = Relu()
        self.layers["Pool1"] = Pooling(pool_h=2, pool_w=2, stride=2)
        self.layers["Affine1"] = Affine(self.params["W2"], self.params["b2"])
        self.layers["Relu2"] = Relu()
        self.layers["Affine2"] = Affine(self.params["W3"], self.params["b3"])
        self.last_layer = SoftmaxWithLoss()

        self.hidden_layer_num = 2  # three weighted layers
        self.layers["Conv1"].needs_dx = False  # its input is the data: no gradient needed there


class DeepConvNet(ConvNet):
    """The book's deep convolutional network (8.1), over 99 % right on MNIST::

        Conv1 - Relu1 - Conv2 - Relu2 - Pool1 -
        Conv3 - Relu3 - Conv4 - Relu4 - Pool2 -
        Conv5 - Relu5 - Conv6 - Relu6 - Pool3 -
        Affine1 - Relu7 - Dropout1 - Affine2 - Dropout2 - SoftmaxWithLoss

    - ``input_dim``: one image's ``(channels, height, width)``;
    - ``conv_param_1`` ... ``conv_param_6``: each convolution's ``filter_num``,
      ``filter_size``, ``pad`` and ``stride`` (the book's: 16, 16, 32, 32, 64, 64 filters
      of 3 x 3, padded by 1 but the fourth by 2);
    - ``hidden_size``, ``output_size``: the Affine layers' outputs.

    He's initial weights (``sqrt(2 / n)`` times ``random.randn``, ``n`` the inputs each
    neuron sees), drawn ``W1`` to ``W8`` in turn as the book draws them; the dropout ratio
    is 0.5. ``loss`` is the training loss (dropout on), as the book's; ``predict`` and
    ``accuracy`` test unless told otherwise.

    >>> random.seed(0)
    >>> network = DeepConvNet()
    >>> network.params["W7"].shape                    # 64 filters of 4 x 4 after three poolings
    (1024, 50)
    >>> network.params["W1"][0, 0, 0]                 # sqrt(2 / 9) * randn: each of 9 inputs
    tensor([0.83158225, 0.18863592, 0.46138151])

    The book's ``DeepConvNet`` in ``ch08/deep_convnet.py``, which keeps its layers in a
    list (``layers[0]`` here is ``layers["Conv1"]``) and writes its weights' scales out
    by hand; they are computed here, the same for the book's settings.
    """

    def __init__(
        self,
        input_dim: Sequence[int] = (1, 28, 28),
        conv_param_1: ConvParam = _DEEP_CONV_PARAMS[0],
        conv_param_2: ConvParam = _DEEP_CONV_PARAMS[1],
        conv_param_3: ConvParam = _DEEP_CONV_PARAMS[2],
        conv_param_4: ConvParam = _DEEP_CONV_PARAMS[3],
        conv_param_5: ConvParam = _DEEP_CONV_PARAMS[4],
        conv_param_6: ConvParam = _DEEP_CONV_PARAMS[5],
        hidden_size: int = 50,
        output_size: int = 10,
    ) -> None:
        conv_params = [conv_param_1, conv_param_2, conv_param_3, conv_param_4, conv_param_5, conv_param_6]
        channels, height, width = input_dim

        # the weights, He's initial values (for ReLU), drawn as the book draws them
        self.params = {}
        shapes: List[Tuple[int, ...]] = []
        for idx, conv_param in enumerate(conv_params):
            size = conv_param["filter_size"]
            shapes.append((conv_param["filter_num"], channels, size, size))
            channels = conv_param["filter_num"]
            height = conv_output_size(height, size, conv_param["stride"], conv_param["pad"])
            width = conv_output_size(width, size, conv_param["stride"], conv_param["pad"])
            if idx % 2 == 1:  # a pooling after every second convolution
                height, width = conv_output_size(height, 2, 2), conv_output_size(width, 2, 2)
        shapes += [(channels * height * width, hidden_size), (hidden_size, output_size)]
        for idx, shape in enumerate(shapes, start=1):
            pre_node_num = math.prod(shape[1:]) if len(shape) == 4 else shape[0]  # the inputs of one neuron
            self.params["W" + str(idx)] = math.sqrt(2.0 / pre_node_num) * random.randn(*shape)
            self.params["b" + str(idx)] = zeros(shape[0] if len(shape) == 4 else shape[1])

        # the layers
        self.layers = OrderedDict()
        for idx, conv_param in enumerate(conv_params, start=1):
            W, b = self.params["W" + str(idx)], self.params["b" + str(idx)]
            self.layers["Conv" + str(idx)] = Convolution(W, b, conv_param["stride"], conv_param["pad"])
            self.layers["Relu" + str(idx)] = Relu()
            if idx % 2 == 0:
                self.layers["Pool" + str(idx // 2)] = Pooling(pool_h=2, pool_w=2, stride=2)
        self.layers["Affine1"] = Affine(self.params["W7"], self.params["b7"])
        self.layers["Relu7"] = Relu()
        self.layers["Dropout1"] = Dropout(0.5)
        self.layers["Affine2"] = Affine(self.params["W8"], self.params["b8"])
        self.layers["Dropout2"] = Dropout(0.5)
        self.last_layer = SoftmaxWithLoss()

        self.hidden_layer_num = 7  # eight weighted layers
        self.layers["Conv1"].needs_dx = False  # its input is the data: no gradient needed there

    def loss(self, x: Tensor, t: Tensor, train_flg: bool = True) -> float:
        """The cross-entropy of the predictions against ``t``: for training (dropout on)
        unless ``train_flg=False``, as the book's ``loss``, which always trains."""
        return super().loss(x, t, train_flg)


# ---------------------------------------------------------------------------
# The networks by name, with trained weights
# ---------------------------------------------------------------------------

CONVNETS: Dict[str, Type[ConvNet]] = {"simple-convnet": SimpleConvNet, "deep-convnet": DeepConvNet}


def pretrained(name: str, file_name: Union[str, "os.PathLike[str]"]) -> ConvNet:
    """The network called ``name`` in ``CONVNETS`` (``"simple-convnet"`` or
    ``"deep-convnet"``), with the book's settings and the weights in ``file_name``
    (the book's ``params.pkl`` and ``deep_convnet_params.pkl``, or an ``.npz`` file).

    No random numbers are drawn (``random``'s state is left as it was), and the weights
    are read with ``load_params``, which runs nothing a pickle names.

    >>> pretrained("lenet", "params.pkl")
    Traceback (most recent call last):
    ...
    ValueError: no network called 'lenet': the choices are 'simple-convnet', 'deep-convnet'
    """
    if name not in CONVNETS:
        choices = ", ".join(repr(key) for key in CONVNETS)
        raise ValueError(f"no network called {name!r}: the choices are {choices}")
    state = random.get_state()
    try:
        network = CONVNETS[name]()
    finally:
        random.set_state(state)
    network.load_params(file_name)
    return network
