"""NumPy-named functions: ``np.sum(x, axis=1)`` is ``zeronn.sum(x, axis=1)``.

Each takes anything ``tensor()`` accepts (a tensor, a number, nested lists) and
returns a tensor, or a Python number where NumPy gives a scalar.

- construction: ``array`` and ``asarray``, NumPy's names for ``tensor`` and ``as_tensor``
  (with NumPy's ``copy``, ``order`` and ``ndmin``; ``array`` lives in ``core.py``, beside
  ``tensor``), ``ascontiguousarray``, ``asfortranarray``;
- linear algebra: ``dot``, ``matmul``;
- reductions: ``sum``, ``prod``, ``max``, ``min``, ``ptp``, ``mean``, ``average``, ``var``,
  ``std``, ``argmax``, ``argmin``, ``any``, ``all``, and the running ``cumsum``, ``cumprod``;
- rounding and limits: ``round`` (``around``), ``clip``.

The elementwise functions, ``exp``, ``maximum``, ``less`` and the rest, are NumPy's ufuncs
(``ufuncs.py``), which ``zeronn`` exports beside these.

This module defines functions named ``sum``, ``max``, ``min``, ``round``, ``any`` and
``all``, so inside it those names are zeronn's, not Python's: nothing here calls the
built-ins, and the reductions hand their work to the ``Tensor`` methods.

>>> sum([[1, 2], [3, 4]], axis=0), var([1, -1, 1, -1]), clip([-1, 5, 10], 0, 7)
(tensor([4, 6]), 1.0, tensor([0, 5, 7]))
"""

from __future__ import annotations

__all__ = [
    "array",
    "asarray",
    "ascontiguousarray",
    "asfortranarray",
    "dot",
    "matmul",
    "sum",
    "prod",
    "max",
    "min",
    "ptp",
    "mean",
    "average",
    "var",
    "std",
    "argmax",
    "argmin",
    "any",
    "all",
    "cumsum",
    "cumprod",
    "round",
    "around",
    "clip",
]

from typing import Any, Literal, Optional, overload

from ._shape import Number, normalize_axis
from .core import Axis, Tensor, array, as_tensor, dot
from .dtypes import DTypeLike, result_type
from .ufuncs import subtract

# ---------------------------------------------------------------------------
# Construction under NumPy's names
# ---------------------------------------------------------------------------


def asarray(
    data: Any, dtype: Optional[DTypeLike] = None, order: Optional[str] = None, *, copy: Optional[bool] = None,
) -> Tensor:  # fmt: skip
    """``np.asarray``: ``data`` itself if it is a tensor of ``dtype`` (laid out as ``order``
    asks), else a new tensor; ``array(data, dtype, copy=None)``.

    >>> t = array([1, 2])
    >>> asarray(t) is t, asarray([1, 2], dtype="float32")
    (True, tensor([1., 2.], dtype=float32))
    """
    return array(data, dtype, copy=copy, order=order)


def ascontiguousarray(a: Any, dtype: Optional[DTypeLike] = None) -> Tensor:
    """``np.ascontiguousarray``: ``a`` laid out row by row (itself if it already is), at
    least 1-d.

    >>> x = array([[1, 2], [3, 4]]).T
    >>> ascontiguousarray(x).flags.c_contiguous, ascontiguousarray(x).tolist(), ascontiguousarray(7)
    (True, [[1, 3], [2, 4]], tensor([7]))
    """
    return array(a, dtype, copy=None, order="C", ndmin=1)


def asfortranarray(a: Any, dtype: Optional[DTypeLike] = None) -> Tensor:
    """``np.asfortranarray``: ``a`` laid out column by column (itself if it already is), at
    least 1-d.

    >>> asfortranarray([[1, 2], [3, 4]]).strides
    (8, 16)
    """
    return array(a, dtype, copy=None, order="F", ndmin=1)


# ---------------------------------------------------------------------------
# Linear algebra
# ---------------------------------------------------------------------------


def matmul(a: Any, b: Any) -> Any:
    """``np.matmul``, the ``@`` operator: ``dot`` for 1-d and 2-d tensors, refusing numbers.

    >>> matmul([[1, 2]], [[3], [4]])
    tensor([[11]])
    """
    return as_tensor(a) @ as_tensor(b)


# ---------------------------------------------------------------------------
# Reductions: hand over to the Tensor methods, which say what each keyword does
# ---------------------------------------------------------------------------


@overload
def sum(
    a: Any, axis: None = None, dtype: Optional[DTypeLike] = None, out: None = None,
    keepdims: Literal[False] = False, initial: Number = 0, where: Any = True,
) -> float: ...
@overload
def sum(
    a: Any, axis: Axis = None, dtype: Optional[DTypeLike] = None, out: None = None,
    *, keepdims: Literal[True], initial: Number = 0, where: Any = True,
) -> Tensor: ...
@overload
def sum(
    a: Any, axis: Axis = None, dtype: Optional[DTypeLike] = None, out: Optional[Tensor] = None,
    keepdims: bool = False, initial: Number = 0, where: Any = True,
) -> Any: ...
def sum(
    a: Any, axis: Axis = None, dtype: Optional[DTypeLike] = None, out: Optional[Tensor] = None,
    keepdims: bool = False, initial: Number = 0, where: Any = True,
) -> Any:
    """``np.sum``: see ``Tensor.sum``.

    >>> sum([[1, 2], [3, 4]], axis=-1, keepdims=True), sum([]), sum([[1, 2], [3, 4]], axis=(0, 1))
    (tensor([[3],
           [7]]), 0.0, 10)
    """
    return as_tensor(a).sum(axis, dtype, out, keepdims, initial, where)


def prod(
    a: Any, axis: Axis = None, dtype: Optional[DTypeLike] = None, out: Optional[Tensor] = None,
    keepdims: bool = False, initial: Number = 1, where: Any = True,
) -> Any:
    """``np.prod``: see ``Tensor.prod``.

    >>> prod([[1, 2, 3, 4], [5, 6, 7, 9]], axis=-1), prod([])
    (tensor([  24, 1890]), 1.0)
    """
    return as_tensor(a).prod(axis, dtype, out, keepdims, initial, where)


@overload
def max(
    a: Any, axis: None = None, out: None = None, keepdims: Literal[False] = False,
    initial: Optional[Number] = None, where: Any = True,
) -> float: ...
@overload
def max(
    a: Any, axis: Axis = None, out: None = None, *, keepdims: Literal[True],
    initial: Optional[Number] = None, where: Any = True,
) -> Tensor: ...
@overload
def max(
    a: Any, axis: Axis = None, out: Optional[Tensor] = None, keepdims: bool = False,
    initial: Optional[Number] = None, where: Any = True,
) -> Any: ...
def max(
    a: Any, axis: Axis = None, out: Optional[Tensor] = None, keepdims: bool = False,
    initial: Optional[Number] = None, where: Any = True,
) -> Any:
    """``np.max``, a reduction: see ``Tensor.max`` (the elementwise one is ``maximum``).

    >>> max([[1, 8], [5, 2]], axis=-1, keepdims=True)
    tensor([[8],
            [5]])
    """
    return as_tensor(a).max(axis, out, keepdims, initial, where)


@overload
def min(
    a: Any, axis: None = None, out: None = None, keepdims: Literal[False] = False,
    initial: Optional[Number] = None, where: Any = True,
) -> float: ...
@overload
def min(
    a: Any, axis: Axis = None, out: None = None, *, keepdims: Literal[True],
    initial: Optional[Number] = None, where: Any = True,
) -> Tensor: ...
@overload
def min(
    a: Any, axis: Axis = None, out: Optional[Tensor] = None, keepdims: bool = False,
    initial: Optional[Number] = None, where: Any = True,
) -> Any: ...
def min(
    a: Any, axis: Axis = None, out: Optional[Tensor] = None, keepdims: bool = False,
    initial: Optional[Number] = None, where: Any = True,
) -> Any:
    """``np.min``: see ``Tensor.min``.

    >>> min([[1, 8], [5, 2]])
    1
    """
    return as_tensor(a).min(axis, out, keepdims, initial, where)


def ptp(a: Any, axis: Axis = None, out: Optional[Tensor] = None, keepdims: bool = False) -> Any:
    """``np.ptp`` ("peak to peak"): the largest element minus the smallest, in the dtype.

    >>> ptp([3, 4, 5, 10, -3, -5, 6.0]), ptp([[1, 5], [2, 9]], axis=1)
    (15.0, tensor([4, 7]))
    """
    x = as_tensor(a)
    return subtract(x.max(axis, keepdims=keepdims), x.min(axis, keepdims=keepdims), out=out)


@overload
def mean(
    a: Any, axis: None = None, dtype: Optional[DTypeLike] = None, out: None = None,
    keepdims: Literal[False] = False, *, where: Any = True,
) -> float: ...
@overload
def mean(
    a: Any, axis: Axis = None, dtype: Optional[DTypeLike] = None, out: None = None,
    *, keepdims: Literal[True], where: Any = True,
) -> Tensor: ...
@overload
def mean(
    a: Any, axis: Axis = None, dtype: Optional[DTypeLike] = None, out: Optional[Tensor] = None,
    keepdims: bool = False, *, where: Any = True,
) -> Any: ...
def mean(
    a: Any, axis: Axis = None, dtype: Optional[DTypeLike] = None, out: Optional[Tensor] = None,
    keepdims: bool = False, *, where: Any = True,
) -> Any:
    """``np.mean``: see ``Tensor.mean``.

    >>> mean([True, False, True, True])         # the book's accuracy, as a mean
    0.75
    """
    return as_tensor(a).mean(axis, dtype, out, keepdims, where=where)


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
        average_value = a.mean(axis, keepdims=keepdims)
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
    scale = as_tensor(w + 0 * a).sum(axis, keepdims=keepdims)  # the weights broadcast to a's shape, summed like a*w
    if 0 in as_tensor(scale):
        raise ZeroDivisionError("Weights sum to zero, can't be normalized")
    average_value = as_tensor(a * w).sum(axis, keepdims=keepdims) / scale
    return (average_value, scale) if returned else average_value


def _like(value: Any, number: int) -> Any:
    """``number`` in the form of ``value``: a tensor of its shape and dtype, or a Python float."""
    if isinstance(value, Tensor):
        return value * 0 + number
    return float(number)


def var(
    a: Any, axis: Axis = None, dtype: Optional[DTypeLike] = None, out: Optional[Tensor] = None, ddof: Number = 0,
    keepdims: bool = False, *, where: Any = True, mean: Any = None, correction: Optional[Number] = None,
) -> Any:
    """``np.var``: see ``Tensor.var``.

    >>> var([[1, 2, 3], [4, 5, 6]]), var([[1, 2, 3], [4, 5, 6]], axis=0)
    (2.9166666666666665, tensor([2.25, 2.25, 2.25]))
    """
    return as_tensor(a).var(axis, dtype, out, ddof, keepdims, where=where, mean=mean, correction=correction)


def std(
    a: Any, axis: Axis = None, dtype: Optional[DTypeLike] = None, out: Optional[Tensor] = None, ddof: Number = 0,
    keepdims: bool = False, *, where: Any = True, mean: Any = None, correction: Optional[Number] = None,
) -> Any:
    """``np.std``: see ``Tensor.std``.

    >>> std([1, 2, 3, 4]), std([1, 2, 3, 4], ddof=1)
    (1.118033988749895, 1.2909944487358056)
    """
    return as_tensor(a).std(axis, dtype, out, ddof, keepdims, where=where, mean=mean, correction=correction)


def argmax(a: Any, axis: Optional[int] = None, out: Optional[Tensor] = None, *, keepdims: bool = False) -> Any:
    """``np.argmax``: see ``Tensor.argmax``.

    >>> argmax([[0.1, 0.8, 0.1], [0.3, 0.1, 0.6]], axis=1)
    tensor([1, 2])
    """
    return as_tensor(a).argmax(axis, out, keepdims=keepdims)


def argmin(a: Any, axis: Optional[int] = None, out: Optional[Tensor] = None, *, keepdims: bool = False) -> Any:
    """``np.argmin``: see ``Tensor.argmin``.

    >>> argmin([[0.1, 0.8, 0.1], [0.3, 0.1, 0.6]], axis=1), argmin([2.0, float("nan"), 1.0])
    (tensor([0, 1]), 1)
    """
    return as_tensor(a).argmin(axis, out, keepdims=keepdims)


def any(a: Any, axis: Axis = None, out: Optional[Tensor] = None, keepdims: bool = False, *, where: Any = True) -> Any:
    """``np.any``: see ``Tensor.any``.

    >>> any([0, 0, 1])
    True
    """
    return as_tensor(a).any(axis, out, keepdims, where=where)


def all(a: Any, axis: Axis = None, out: Optional[Tensor] = None, keepdims: bool = False, *, where: Any = True) -> Any:
    """``np.all``: see ``Tensor.all``.

    >>> all([1, 1, 0])
    False
    """
    return as_tensor(a).all(axis, out, keepdims, where=where)


def cumsum(a: Any, axis: Optional[int] = None, dtype: Optional[DTypeLike] = None, out: Optional[Tensor] = None) -> Any:
    """``np.cumsum``: see ``Tensor.cumsum``.

    >>> cumsum([1, 2, 3]), cumsum([[1, 2], [3, 4]], axis=1)
    (tensor([1, 3, 6]), tensor([[1, 3],
           [3, 7]]))
    """
    return as_tensor(a).cumsum(axis, dtype, out)


def cumprod(
    a: Any, axis: Optional[int] = None, dtype: Optional[DTypeLike] = None, out: Optional[Tensor] = None
) -> Any:
    """``np.cumprod``: see ``Tensor.cumprod``.

    >>> cumprod([1, 2, 3, 4])
    tensor([ 1,  2,  6, 24])
    """
    return as_tensor(a).cumprod(axis, dtype, out)


# ---------------------------------------------------------------------------
# Rounding and limits
# ---------------------------------------------------------------------------


def round(a: Any, decimals: int = 0, out: Optional[Tensor] = None) -> Any:
    """``np.round``: see ``Tensor.round``.

    >>> round([1.56, 72.54, 6.35, 3.25], decimals=1), round(2.5)
    (tensor([ 1.6, 72.5,  6.4,  3.2]), 2.0)
    """
    return as_tensor(a).round(decimals, out)


def around(a: Any, decimals: int = 0, out: Optional[Tensor] = None) -> Any:
    """``np.around``, NumPy's other name for ``round``.

    >>> around([-0.5, 0.5, 1.5])
    tensor([-0.,  0.,  2.])
    """
    return as_tensor(a).round(decimals, out)


@overload
def clip(a: Tensor, a_min: Any = None, a_max: Any = None, out: Optional[Tensor] = None) -> Tensor: ...
@overload
def clip(a: Any, a_min: Any = None, a_max: Any = None, out: Optional[Tensor] = None) -> Any: ...
def clip(a: Any, a_min: Any = None, a_max: Any = None, out: Optional[Tensor] = None) -> Any:
    """``np.clip``: see ``Tensor.clip``.

    >>> clip([-1, 5, 2, 3, 10, -4, -9], 2, 7)
    tensor([2, 5, 2, 3, 7, 2, 2])
    """
    return as_tensor(a).clip(a_min, a_max, out)
