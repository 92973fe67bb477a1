"""NumPy-named functions: ``np.exp(x)`` is ``zeronn.exp(x)``.

Each takes anything ``tensor()`` accepts (a tensor, a number, nested lists) and
returns a tensor, or a Python number where NumPy gives a scalar.

- elementwise: ``exp``, ``log``, ``sqrt``, ``abs``, ``maximum``, ``minimum``;
- comparisons: ``greater``, ``greater_equal``, ``less``, ``less_equal``, ``equal``, ``not_equal``;
- linear algebra: ``dot``, ``matmul``;
- reductions: ``sum``, ``max``, ``min``, ``mean``, ``average``, ``argmax``, ``any``, ``all``;
- construction: ``array`` and ``asarray``, NumPy's names for ``tensor`` and ``as_tensor``.

This module defines functions named ``sum``, ``max``, ``min``, ``abs``, ``any`` and
``all``, so inside it those names are zeronn's, not Python's: nothing here calls the
built-ins, and the reductions hand their work to the ``Tensor`` methods.

>>> exp([0.0, 1.0])
tensor([1.        , 2.71828183])
>>> maximum([-2.0, 0.5, float("nan")], 0)      # the notebook's Nx.max(t, 0)
tensor([0. , 0.5, nan])
"""

from __future__ import annotations

__all__ = [
    "array",
    "asarray",
    "exp",
    "log",
    "sqrt",
    "maximum",
    "minimum",
    "abs",
    "greater",
    "greater_equal",
    "less",
    "less_equal",
    "equal",
    "not_equal",
    "dot",
    "matmul",
    "sum",
    "max",
    "min",
    "mean",
    "average",
    "argmax",
    "any",
    "all",
]

from typing import Any, Optional

from ._shape import normalize_axis
from .core import Tensor, as_tensor, elementwise, tensor, unary
from .dtypes import DTypeLike, result_type

# ---------------------------------------------------------------------------
# Construction under NumPy's names
# ---------------------------------------------------------------------------


def array(data: Any, dtype: Optional[DTypeLike] = None) -> Tensor:
    """``np.array``: the same as ``tensor(data, dtype)``, always a new tensor.

    >>> array([-1.0, 1.0, 2.0]) > 0
    tensor([False,  True,  True])
    >>> array(array([-1.0, 1.0]) > 0, dtype=int)   # the book's step_function
    tensor([0, 1])
    """
    return tensor(data, dtype)


def asarray(data: Any, dtype: Optional[DTypeLike] = None) -> Tensor:
    """``np.asarray``: ``data`` itself if it is a tensor of ``dtype``, else a new tensor.

    >>> t = array([1, 2])
    >>> asarray(t) is t, asarray([1, 2], dtype="float32")
    (True, tensor([1., 2.], dtype=float32))
    """
    return as_tensor(data, dtype)


# ---------------------------------------------------------------------------
# Elementwise functions
# ---------------------------------------------------------------------------


def exp(x: Any) -> Any:
    """``e ** x`` for every element; overflow gives ``inf``, as in NumPy.

    Each element's value depends on that element alone: ``exp([1.0, 710.0])`` is
    ``[e, inf]``.

    >>> exp([0.0, -1000.0, 1.0, 710.0])
    tensor([1.        , 0.        , 2.71828183,        inf])
    """
    return unary("exp", x)


def log(x: Any) -> Any:
    """The natural logarithm of every element: ``log(0) = -inf``, ``log(-1) = nan``.

    These are NumPy's answers (without its warnings); Python's ``math.log`` raises.

    >>> log([1.0, 0.0, -1.0, 0.5])
    tensor([ 0.        ,        -inf,         nan, -0.69314718])
    """
    return unary("log", x)


def sqrt(x: Any) -> Any:
    """The square root of every element; ``nan`` below zero.

    >>> sqrt([4.0, 2.0, -1.0])
    tensor([2.        , 1.41421356,        nan])
    """
    return unary("sqrt", x)


def maximum(x1: Any, x2: Any) -> Any:
    """The larger of each pair of elements, broadcasting; NaN on either side wins.

    This is the notebook's ``Nx.max(t, 0)`` and the book's ``np.maximum(0, x)``.
    (Python's ``max(0.0, nan)`` depends on the order; this does not.) Of two equal
    values the second is kept, so ``maximum(0, -0.0)`` is ``-0.0``, as in NumPy.

    >>> maximum([[1, 5]], [[3], [4]])
    tensor([[3, 5],
            [4, 5]])
    >>> maximum(0, [float("nan"), -1.0, -0.0])
    tensor([nan,  0., -0.])
    """
    return elementwise("maximum", x1, x2)


def minimum(x1: Any, x2: Any) -> Any:
    """The smaller of each pair of elements, broadcasting; NaN on either side wins.

    >>> minimum([1.0, 5.0, float("nan")], 2)
    tensor([ 1.,  2., nan])
    """
    return elementwise("minimum", x1, x2)


def abs(x: Any) -> Any:
    """The absolute value of every element (``np.abs``).

    >>> abs([-1.5, 2])
    tensor([1.5, 2. ])
    """
    return unary("absolute", x)


# ---------------------------------------------------------------------------
# Comparisons: bool tensors (Nx's greater/less give 0/1 integers)
# ---------------------------------------------------------------------------


def greater(x1: Any, x2: Any) -> Any:
    """``x1 > x2`` elementwise, as bools.

    >>> greater([-1, 0, 2], 0)
    tensor([False, False,  True])
    """
    return elementwise("greater", x1, x2)


def greater_equal(x1: Any, x2: Any) -> Any:
    """``x1 >= x2`` elementwise, as bools.

    >>> greater_equal([-1, 0, 2], 0)
    tensor([False,  True,  True])
    """
    return elementwise("greater_equal", x1, x2)


def less(x1: Any, x2: Any) -> Any:
    """``x1 < x2`` elementwise, as bools.

    >>> less([-1, 0, 2], 0)
    tensor([ True, False, False])
    """
    return elementwise("less", x1, x2)


def less_equal(x1: Any, x2: Any) -> Any:
    """``x1 <= x2`` elementwise, as bools.

    >>> less_equal([-1, 0, 2], 0)
    tensor([ True,  True, False])
    """
    return elementwise("less_equal", x1, x2)


def equal(x1: Any, x2: Any) -> Any:
    """``x1 == x2`` elementwise, as bools (NaN equals nothing, itself included).

    >>> equal([1, 2, 3], [1, 0, 3])
    tensor([ True, False,  True])
    """
    return elementwise("equal", x1, x2)


def not_equal(x1: Any, x2: Any) -> Any:
    """``x1 != x2`` elementwise, as bools (NaN differs from everything, itself included).

    >>> not_equal([1.0, 2.0, float("nan")], [1.0, 0.0, float("nan")])
    tensor([False,  True,  True])
    """
    return elementwise("not_equal", x1, x2)


# ---------------------------------------------------------------------------
# Linear algebra and reductions: hand over to the Tensor methods
# ---------------------------------------------------------------------------


def dot(a: Any, b: Any) -> Any:
    """``np.dot`` for 0-d to 2-d tensors; see ``Tensor.dot``.

    >>> dot([1.0, 0.5], [[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]])
    tensor([0.2, 0.5, 0.8])
    >>> dot([1, 2, 3], [4, 5, 6]), dot([-0.0], [1.0])
    (32, -0.0)
    """
    return as_tensor(a).dot(b)


def matmul(a: Any, b: Any) -> Any:
    """``np.matmul``, the ``@`` operator: ``dot`` for 1-d and 2-d tensors, refusing numbers.

    >>> matmul([[1, 2]], [[3], [4]])
    tensor([[11]])
    """
    return as_tensor(a) @ as_tensor(b)


def sum(x: Any, axis: Optional[int] = None, keepdims: bool = False) -> Any:
    """``np.sum``: see ``Tensor.sum``.

    >>> sum([[1, 2], [3, 4]], axis=-1, keepdims=True), sum([])
    (tensor([[3],
           [7]]), 0.0)
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


def average(a: Any, axis: Optional[int] = None, weights: Any = None, returned: bool = False, *,
            keepdims: bool = False) -> Any:  # fmt: skip
    """``np.average``: the mean, or with ``weights`` the weighted mean ``sum(a*w) / sum(w)``.

    ``weights`` has ``a``'s shape, or is 1-d with the length of ``axis``. As NumPy, the
    products and sums are computed in the dtype of ``a`` and the weights together, and at
    least float64 for integers and bools, so integer weights never wrap around; float32
    with float32 weights stays float32. ``returned=True`` also gives the sum of the weights.
    The book's gradient check prints ``np.average(np.abs(grad_backprop - grad_numerical))``.

    >>> average([1.0, 2.0, 3.0]), average([1.0, 2.0, 3.0], weights=[3, 1, 0])
    (2.0, 1.25)
    >>> average([[1.0, 2.0], [3.0, 4.0]], axis=1, weights=[1, 3])
    tensor([1.75, 3.75])
    >>> average(array([200, 200], dtype="uint8"), weights=array([2, 2], dtype="uint8"), returned=True)
    (200.0, 4.0)
    """
    a = as_tensor(a)
    if weights is None:
        average_value = a.mean(axis, keepdims)
        count = a.size // (as_tensor(average_value).size or 1)  # (max is zeronn's here)
        return (average_value, _like(average_value, count)) if returned else average_value
    w = as_tensor(weights)
    computed = result_type(a.dtype, w.dtype, *(["f8"] if a.dtype.kind in "biu" else []))
    if w.shape != a.shape:
        if axis is None:
            raise TypeError("Axis must be specified when shapes of a and weights differ.")
        axis = normalize_axis(axis, a.ndim)
        if w.shape != (a.shape[axis],):
            raise ValueError(
                "Shape of weights must be consistent with shape of a along specified axis: "
                f"weights {w.shape}, a {a.shape}, axis {axis}."
            )
        w = w.reshape(tuple(length if position == axis else 1 for position, length in enumerate(a.shape)))
    a, w = a.astype(computed), w.astype(computed)
    scale = as_tensor(w + 0 * a).sum(axis, keepdims)  # the weights broadcast to a's shape, summed like a*w
    if 0 in as_tensor(scale):
        raise ZeroDivisionError("Weights sum to zero, can't be normalized")
    average_value = as_tensor(a * w).sum(axis, keepdims) / scale
    return (average_value, scale) if returned else average_value


def _like(value: Any, number: int) -> Any:
    """``number`` in the form of ``value``: a tensor of its shape and dtype, or a Python float."""
    if isinstance(value, Tensor):
        return value * 0 + number
    return float(number)


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
