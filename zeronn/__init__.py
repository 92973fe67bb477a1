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
from .network import Dense, Network, forward, init_network

# ``abs``, ``all``, ``any``, ``max``, ``min`` and ``sum`` share their names with Python's
# built-ins. They are attributes (``zeronn.sum(x, axis=1)``, as ``np.sum``) but stay out
# of ``__all__``, so that ``from zeronn import *`` never hides the built-ins.
# (``import x as x`` is how a package says "re-exported on purpose".)
from .ops import abs as abs
from .ops import all as all
from .ops import any as any
from .ops import argmax, array, asarray, dot, equal, exp, greater, less, log, maximum, mean, minimum
from .ops import max as max
from .ops import min as min
from .ops import sum as sum

__version__ = "0.1.0"

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
