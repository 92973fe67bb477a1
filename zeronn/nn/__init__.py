"""Deep learning: the book, chapter by chapter, on zeronn's tensor.

The third layer of the package: it builds on the substrate (the tensor) and the file
formats, and nothing below it imports it. Read the modules in this order:

- ``activations.py`` (3.2, 3.5): ``step``, ``sigmoid``, ``relu``, ``identity``, ``softmax``,
  and the derivatives ``sigmoid_grad``, ``relu_grad``;
- ``network.py`` (3.4.3): the book's three-layer example, ``init_network`` and ``forward``;
- ``dense.py``: the same as objects of any depth, ``Dense`` and ``Network``, and their JSON;
- ``losses.py`` (4.2): ``sum_squared_error`` (also ``mean_squared_error``),
  ``cross_entropy_error``, ``softmax_loss``;
- ``gradient.py`` (4.3, 4.4): ``numerical_diff``, ``numerical_gradient``, ``gradient_descent``;
- ``layers.py`` (5.4–5.6, 6.3, 6.4): ``MulLayer``, ``AddLayer``, ``Relu``, ``Sigmoid``,
  ``Affine``, ``SoftmaxWithLoss``, ``Dropout``, ``BatchNormalization``: forward and backward;
- ``networks.py`` (4.5, 5.7, 6): ``LayerNet``, ``TwoLayerNet``, ``MultiLayerNet``,
  ``MultiLayerNetExtend``;
- ``optimizers.py`` (6.1): ``SGD``, ``Momentum``, ``Nesterov``, ``AdaGrad``, ``RMSprop``, ``Adam``;
- ``weight_init.py`` (6.2): ``weight_scale``, ``init_weights`` (He, Xavier, or a number);
- ``trainer.py`` (6): ``Trainer``, the training loop;
- ``convolution.py`` (7.2–7.4): ``conv_output_size``, ``im2col``, ``col2im``, and the layers
  ``Convolution`` and ``Pooling``: forward and backward;
- ``convnets.py`` (7.5, 8.1): ``ConvNet``, ``SimpleConvNet``, ``DeepConvNet``, and
  ``pretrained(name, file_name)``, a network by name with trained weights (``CONVNETS``).

>>> forward(init_network(), [1.0, 0.5])
tensor([0.31682708, 0.69627909])
"""

from .activations import identity, relu, relu_grad, sigmoid, sigmoid_grad, softmax, step
from .convnets import CONVNETS, ConvNet, DeepConvNet, SimpleConvNet, pretrained
from .convolution import Convolution, Pooling, col2im, conv_output_size, im2col
from .dense import Dense, Network, load_network, network_from_json, network_to_json, save_network
from .gradient import gradient_descent, numerical_diff, numerical_gradient
from .layers import AddLayer, Affine, BatchNormalization, Dropout, MulLayer, Relu, Sigmoid, SoftmaxWithLoss
from .losses import cross_entropy_error, mean_squared_error, softmax_loss, sum_squared_error
from .network import forward, init_network
from .networks import LayerNet, MultiLayerNet, MultiLayerNetExtend, TwoLayerNet
from .optimizers import SGD, AdaGrad, Adam, Momentum, Nesterov, RMSprop
from .trainer import Trainer
from .weight_init import init_weights, weight_scale

__all__ = [
    "step",
    "sigmoid",
    "sigmoid_grad",
    "relu",
    "relu_grad",
    "identity",
    "softmax",
    "init_network",
    "forward",
    "Dense",
    "Network",
    "network_to_json",
    "network_from_json",
    "save_network",
    "load_network",
    "sum_squared_error",
    "mean_squared_error",
    "cross_entropy_error",
    "softmax_loss",
    "numerical_diff",
    "numerical_gradient",
    "gradient_descent",
    "MulLayer",
    "AddLayer",
    "Relu",
    "Sigmoid",
    "Affine",
    "SoftmaxWithLoss",
    "Dropout",
    "BatchNormalization",
    "LayerNet",
    "TwoLayerNet",
    "MultiLayerNet",
    "MultiLayerNetExtend",
    "SGD",
    "Momentum",
    "Nesterov",
    "AdaGrad",
    "RMSprop",
    "Adam",
    "weight_scale",
    "init_weights",
    "Trainer",
    "conv_output_size",
    "im2col",
    "col2im",
    "Convolution",
    "Pooling",
    "ConvNet",
    "SimpleConvNet",
    "DeepConvNet",
    "CONVNETS",
    "pretrained",
]
