"""zeronn: *Deep Learning from Scratch* in pure Python, with NumPy's names and numbers.

A tensor with NumPy's data model (views that share storage through strides, writes
that reach every view, NumPy's dtypes, broadcasting and random numbers), the book's
activation functions, its three-layer network and MNIST inference with the book's
weights; no dependency beyond the standard library. The names are NumPy's, so the
book's code runs unchanged with ``import zeronn as np``.

>>> import zeronn as np
>>> x = np.array([1.0, 0.5])
>>> W1 = np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]])
>>> np.dot(x, W1) + np.array([0.1, 0.2, 0.3])
tensor([0.3, 0.7, 1.1])
>>> W1[0, 0] = 1.0            # tensors change where NumPy's arrays change
>>> W1.T[0]                   # ... and views see it
tensor([1. , 0.2])
"""

# The layers of the package, each importing only those before it in this list:
# the substrate (NumPy in Python: the modules beside this file), io/ (file formats),
# nn/ (the book's deep learning), tools/ (the command line, plots, the book runner).
from . import io, nn, random
from ._shape import InvalidIndexError, OutOfBoundsError, broadcast_shapes
from .core import Tensor, as_tensor, tensor
from .creation import (
    arange,
    copy,
    empty,
    empty_like,
    eye,
    frombuffer,
    full,
    full_like,
    identity,
    meshgrid,
    ones,
    ones_like,
    zeros,
    zeros_like,
)
from .dtypes import IntegerOutOfBoundsError, can_cast, dtype, promote_types, result_type
from .indexing import nditer
from .nn import Dense, Network, forward, init_network, relu, sigmoid, softmax, step

# ``abs``, ``all``, ``any``, ``max``, ``min`` and ``sum`` share their names with Python's
# built-ins. They are attributes (``zeronn.sum(x, axis=1)``, as ``np.sum``) but stay out
# of ``__all__``, so that ``from zeronn import *`` never hides the built-ins.
# (``import x as x`` is how a package says "re-exported on purpose".)
from .ops import abs as abs
from .ops import all as all
from .ops import any as any
from .ops import (
    argmax,
    array,
    asarray,
    average,
    dot,
    equal,
    exp,
    greater,
    greater_equal,
    less,
    less_equal,
    log,
    matmul,
    maximum,
    mean,
    minimum,
    not_equal,
    sqrt,
)
from .ops import max as max
from .ops import min as min
from .ops import sum as sum
from .scalars import (
    bool_,
    float32,
    float64,
    floating,
    generic,
    inexact,
    int8,
    int16,
    int32,
    int64,
    int_,
    integer,
    intp,
    issubdtype,
    number,
    signedinteger,
    uint8,
    uint16,
    uint32,
    uint64,
    uintp,
    unsignedinteger,
)
from .typeinfo import finfo, iinfo, sctypes, typecodes

ndarray = Tensor  # NumPy's name for the class, so that isinstance(x, np.ndarray) works
bool = bool_  # NumPy 2's name (it shadows the built-in here only: not in __all__)
newaxis = None  # x[:, newaxis] adds an axis of length 1
inf = float("inf")
nan = float("nan")
pi = 3.141592653589793
e = 2.718281828459045

__version__ = "0.2.0"

__all__ = [
    "Dense",
    "IntegerOutOfBoundsError",
    "InvalidIndexError",
    "Network",
    "OutOfBoundsError",
    "Tensor",
    "arange",
    "argmax",
    "array",
    "as_tensor",
    "asarray",
    "average",
    "bool_",
    "broadcast_shapes",
    "can_cast",
    "copy",
    "dot",
    "dtype",
    "e",
    "empty",
    "empty_like",
    "equal",
    "exp",
    "eye",
    "finfo",
    "float32",
    "float64",
    "floating",
    "forward",
    "frombuffer",
    "full",
    "full_like",
    "generic",
    "greater",
    "greater_equal",
    "identity",
    "iinfo",
    "inexact",
    "inf",
    "init_network",
    "int16",
    "int32",
    "int64",
    "int8",
    "int_",
    "integer",
    "intp",
    "io",
    "issubdtype",
    "less",
    "less_equal",
    "log",
    "matmul",
    "maximum",
    "mean",
    "meshgrid",
    "minimum",
    "nan",
    "ndarray",
    "nditer",
    "newaxis",
    "nn",
    "not_equal",
    "number",
    "ones",
    "ones_like",
    "pi",
    "promote_types",
    "random",
    "relu",
    "result_type",
    "sctypes",
    "sigmoid",
    "signedinteger",
    "softmax",
    "sqrt",
    "step",
    "tensor",
    "typecodes",
    "uint16",
    "uint32",
    "uint64",
    "uint8",
    "uintp",
    "unsignedinteger",
    "zeros",
    "zeros_like",
]
