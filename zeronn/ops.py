"""NumPy-named functions: ``np.exp(x)`` is ``zeronn.exp(x)``.

Each takes anything ``tensor()`` accepts (a tensor, a number, nested lists) and
returns a tensor, or a number where NumPy gives a scalar.

- elementwise: ``exp``, ``log``, ``maximum``, ``minimum``, ``abs``;
- comparisons: ``greater``, ``less``, ``equal``;
- linear algebra: ``dot``;
- reductions: ``sum``, ``max``, ``min``, ``mean``, ``argmax``, ``any``, ``all``;
- construction: ``array`` and ``asarray``, NumPy's names for ``tensor`` and ``as_tensor``.

This module defines functions named ``sum``, ``max``, ``min``, ``abs``, ``any`` and
``all``, so inside it those names are zeronn's, not Python's: nothing here calls the
built-ins, and the reductions hand their work to the ``Tensor`` methods.

>>> exp([0.0, 1.0])
tensor([1.0, 2.718281828459045])
>>> maximum([-2.0, 0.5, float("nan")], 0)      # the notebook's Nx.max(t, 0)
tensor([0.0, 0.5, nan])
"""

from __future__ import annotations

__all__ = [
    "array",
    "asarray",
    "exp",
    "log",
    "maximum",
    "minimum",
    "abs",
    "greater",
    "less",
    "equal",
    "dot",
    "sum",
    "max",
    "min",
    "mean",
    "argmax",
    "any",
    "all",
]

import math
import operator
from typing import Any, Optional

from ._shape import Number
from .core import DType, Tensor, as_tensor, elementwise, tensor

# ---------------------------------------------------------------------------
# Construction under NumPy's names
# ---------------------------------------------------------------------------


def array(data: Any, dtype: Optional[DType] = None) -> Tensor:
    """``np.array``: the same as ``tensor(data, dtype)``.

    >>> array([-1.0, 1.0, 2.0] ) > 0
    tensor([False, True, True])
    >>> array(array([-1.0, 1.0]) > 0, dtype=int)   # the book's step_function
    tensor([0, 1])
    """
    return tensor(data, dtype)


def asarray(data: Any) -> Tensor:
    """``np.asarray``: ``data`` itself if it is a tensor, else a new tensor.

    >>> asarray([1, 2])
    tensor([1, 2])
    """
    return as_tensor(data)


# ---------------------------------------------------------------------------
# Elementwise functions
# ---------------------------------------------------------------------------


def exp(x: Any) -> Tensor:
    """``e ** x`` for every element; overflow gives ``inf``, as in NumPy.

    >>> exp([0.0, -1000.0, 1000.0])
    tensor([1.0, 0.0, inf])
    """
    data = as_tensor(x)
    try:
        values = list(map(math.exp, data._data))
    except OverflowError:  # math.exp raises past about 709.78; IEEE says inf
        values = [math.inf if value > 0 else math.exp(value) for value in data._data]
    return Tensor._trusted(values, data.shape)


def log(x: Any) -> Tensor:
    """The natural logarithm of every element: ``log(0) = -inf``, ``log(-1) = nan``.

    These are NumPy's answers (without its warnings); Python's ``math.log`` raises.

    >>> log([1.0, 0.0, -1.0])
    tensor([0.0, -inf, nan])
    """
    data = as_tensor(x)
    try:
        values = list(map(math.log, data._data))
    except ValueError:  # math.log refuses 0 and negatives
        values = [_log_ieee(value) for value in data._data]
    return Tensor._trusted(values, data.shape)


def maximum(x1: Any, x2: Any) -> Tensor:
    """The larger of each pair of elements, broadcasting; NaN on either side wins.

    This is the notebook's ``Nx.max(t, 0)`` and the book's ``np.maximum(0, x)``.
    (Python's ``max(0.0, nan)`` depends on the order; this does not.)

    >>> maximum([[1, 5]], [[3], [4]])
    tensor([[3, 5],
            [4, 5]])
    >>> maximum(0, [float("nan"), -1.0])
    tensor([nan, 0.0])
    """
    a, b = as_tensor(x1), as_tensor(x2)
    return _promoted(elementwise(_larger, a, b), a, b)


def minimum(x1: Any, x2: Any) -> Tensor:
    """The smaller of each pair of elements, broadcasting; NaN on either side wins.

    >>> minimum([1.0, 5.0, float("nan")], 2)
    tensor([1.0, 2.0, nan])
    """
    a, b = as_tensor(x1), as_tensor(x2)
    return _promoted(elementwise(_smaller, a, b), a, b)


def abs(x: Any) -> Tensor:
    """The absolute value of every element (``np.abs``).

    >>> abs([-1.5, 2])
    tensor([1.5, 2.0])
    """
    return as_tensor(x).__abs__()


# ---------------------------------------------------------------------------
# Comparisons: bool tensors (Nx's greater/less give 0/1 integers)
# ---------------------------------------------------------------------------


def greater(x1: Any, x2: Any) -> Tensor:
    """``x1 > x2`` elementwise, as bools.

    >>> greater([-1, 0, 2], 0)
    tensor([False, False, True])
    """
    return elementwise(operator.gt, x1, x2)


def less(x1: Any, x2: Any) -> Tensor:
    """``x1 < x2`` elementwise, as bools.

    >>> less([-1, 0, 2], 0)
    tensor([True, False, False])
    """
    return elementwise(operator.lt, x1, x2)


def equal(x1: Any, x2: Any) -> Tensor:
    """``x1 == x2`` elementwise, as bools (NaN equals nothing, itself included).

    >>> equal([1, 2, 3], [1, 0, 3])
    tensor([True, False, True])
    """
    return elementwise(operator.eq, x1, x2)


# ---------------------------------------------------------------------------
# Linear algebra and reductions: hand over to the Tensor methods
# ---------------------------------------------------------------------------


def dot(a: Any, b: Any) -> Any:
    """``np.dot`` for 0-d to 2-d tensors; see ``Tensor.dot``.

    >>> dot([1.0, 0.5], [[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]])
    tensor([0.2, 0.5, 0.8])
    >>> dot([1, 2, 3], [4, 5, 6])
    32
    """
    return as_tensor(a).dot(b)


def sum(x: Any, axis: Optional[int] = None, keepdims: bool = False) -> Any:
    """``np.sum``: see ``Tensor.sum``.

    >>> sum([[1, 2], [3, 4]], axis=-1, keepdims=True)
    tensor([[3],
            [7]])
    """
    return as_tensor(x).sum(axis, keepdims)


def max(x: Any, axis: Optional[int] = None, keepdims: bool = False) -> Any:
    """``np.max``, a reduction: see ``Tensor.max`` (the elementwise one is ``maximum``).

    >>> max([[1, 8], [5, 2]], axis=-1, keepdims=True)
    tensor([[8],
            [5]])
    """
    return as_tensor(x).max(axis, keepdims)


def min(x: Any, axis: Optional[int] = None, keepdims: bool = False) -> Any:
    """``np.min``, a reduction: see ``Tensor.min``.

    >>> min([[1, 8], [5, 2]])
    1
    """
    return as_tensor(x).min(axis, keepdims)


def mean(x: Any, axis: Optional[int] = None, keepdims: bool = False) -> Any:
    """``np.mean``: see ``Tensor.mean``.

    >>> mean([True, False, True, True])         # the book's accuracy, as a mean
    0.75
    """
    return as_tensor(x).mean(axis, keepdims)


def argmax(x: Any, axis: Optional[int] = None) -> Any:
    """``np.argmax``: see ``Tensor.argmax``.

    >>> argmax([[0.1, 0.8, 0.1], [0.3, 0.1, 0.6]], axis=1)
    tensor([1, 2])
    """
    return as_tensor(x).argmax(axis)


def any(x: Any, axis: Optional[int] = None, keepdims: bool = False) -> Any:
    """``np.any``: see ``Tensor.any``.

    >>> any([0, 0, 1])
    True
    """
    return as_tensor(x).any(axis, keepdims)


def all(x: Any, axis: Optional[int] = None, keepdims: bool = False) -> Any:
    """``np.all``: see ``Tensor.all``.

    >>> all([1, 1, 0])
    False
    """
    return as_tensor(x).all(axis, keepdims)


# ---------------------------------------------------------------------------
# Private helpers
# ---------------------------------------------------------------------------


def _larger(a: Number, b: Number) -> Number:
    # ``a != a`` is true only for NaN: a NaN on the left is kept, and a NaN on the
    # right fails ``a >= b`` and is kept too.
    return a if a >= b or a != a else b


def _smaller(a: Number, b: Number) -> Number:
    return a if a <= b or a != a else b


def _promoted(result: Tensor, a: Tensor, b: Tensor) -> Tensor:
    """Make the maximum of an int tensor and a float tensor all floats, as NumPy does.

    Picking elements from both sides could otherwise mix ints and floats. (A Python
    number meeting a float tensor is already read as a float by ``elementwise``.)
    """
    kinds = {a.dtype, b.dtype}
    return result.astype(float) if float in kinds and len(kinds) > 1 else result


def _log_ieee(value: Number) -> float:
    if value == 0:
        return -math.inf
    if value < 0 or value != value:
        return math.nan
    return math.log(value)

