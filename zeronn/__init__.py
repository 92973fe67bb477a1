"""zeronn: chapter 3 of *Deep Learning from Scratch* in pure Python.

A small list-based tensor with NumPy's semantics, the chapter's activation functions,
its three-layer network and MNIST inference with the book's weights: no dependency
beyond the standard library. The names are NumPy's, so the book's code reads almost
unchanged with ``import zeronn as np``.

>>> import zeronn as np
>>> x = np.array([1.0, 0.5])
>>> W1 = np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]])
>>> np.dot(x, W1) + np.array([0.1, 0.2, 0.3])
tensor([0.30000000000000004, 0.7, 1.1])
"""

from ._shape import OutOfBoundsError, broadcast_shapes
from .activations import identity, relu, sigmoid, softmax, step
from .core import Tensor, as_tensor, tensor
from .creation import arange, full, ones, zeros
from .ops import (
    abs,
    all,
    any,
    argmax,
    array,
    asarray,
    dot,
    equal,
    exp,
    greater,
    less,
    log,
    max,
    maximum,
    mean,
    min,
    minimum,
    sum,
)
from .network import Dense, Network, forward, init_network

__version__ = "0.1.0"

# ``sum``, ``max``, ``min``, ``abs``, ``any`` and ``all`` are NumPy-style functions that
# live here as attributes (``zeronn.sum(x, axis=1)``) but are left out of ``__all__``,
# so that ``from zeronn import *`` never hides Python's built-ins of the same names.
__all__ = [
    "Dense",
    "Network",
    "OutOfBoundsError",
    "Tensor",
    "arange",
    "argmax",
    "array",
    "as_tensor",
    "asarray",
    "broadcast_shapes",
    "dot",
    "equal",
    "exp",
    "forward",
    "full",
    "greater",
    "identity",
    "init_network",
    "less",
    "log",
    "maximum",
    "mean",
    "minimum",
    "ones",
    "relu",
    "sigmoid",
    "softmax",
    "step",
    "tensor",
    "zeros",
]
