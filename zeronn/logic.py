"""NumPy's whole-tensor comparisons: are two tensors equal, or close?

- ``array_equal(a1, a2, equal_nan=False)``: the same shape and the same elements;
- ``array_equiv(a1, a2)``: equal once broadcast against each other;
- ``isclose(a, b, rtol, atol, equal_nan)``: elementwise ``|a - b| <= atol + rtol * |b|``;
- ``allclose(a, b, ...)``: whether ``isclose`` holds everywhere.

Each answers with a Python ``bool`` (``isclose``: a bool tensor), as NumPy does. Inputs
zeronn cannot hold (strings, objects) raise, rather than compare as unequal.

>>> array_equal([1, 2], [1.0, 2.0]), array_equiv([1, 1], 1), allclose([1.0, 2.0], [1.0, 2.0 + 1e-9])
(True, True, True)
"""

from __future__ import annotations

__all__ = ["array_equal", "array_equiv", "isclose", "allclose"]

import math
from typing import Any

from . import dtypes
from ._shape import broadcast_shapes
from .core import Tensor, as_tensor, elements
from .float_errors import errstate
from .manipulation import broadcast_to


def array_equal(a1: Any, a2: Any, equal_nan: bool = False) -> bool:
    """Whether ``a1`` and ``a2`` have the same shape and equal elements (``np.array_equal``);
    NaN equals NaN only with ``equal_nan``. Ragged input is simply unequal, as in NumPy.

    >>> array_equal([1, 2], [1, 2]), array_equal([1, 2], [[1, 2]])
    (True, False)
    >>> nan = float("nan")
    >>> array_equal([1.0, nan], [1.0, nan]), array_equal([1.0, nan], [1.0, nan], equal_nan=True)
    (False, True)
    """
    try:
        first, second = as_tensor(a1), as_tensor(a2)
    except ValueError:  # a ragged list is no array at all: NumPy answers False
        return False
    if first.shape != second.shape:
        return False
    same = elements(as_tensor(first == second))  # compared as NumPy compares: in the promoted dtype
    if not equal_nan:
        return all(same)
    both_nan = (x != x and y != y for x, y in zip(elements(first), elements(second)))
    return all(equal or nan for equal, nan in zip(same, both_nan))


def array_equiv(a1: Any, a2: Any) -> bool:
    """Whether ``a1`` and ``a2`` are equal once broadcast to one shape (``np.array_equiv``);
    shapes that do not broadcast are simply unequal.

    >>> array_equiv([1, 2], [[1, 2], [1, 2]]), array_equiv([1, 2], [1, 2, 3])
    (True, False)
    """
    try:
        first, second = as_tensor(a1), as_tensor(a2)
        shape = broadcast_shapes(first.shape, second.shape)
    except ValueError:
        return False
    return all(elements(as_tensor(broadcast_to(first, shape) == broadcast_to(second, shape))))


def isclose(a: Any, b: Any, rtol: float = 1e-05, atol: float = 1e-08, equal_nan: bool = False) -> Any:
    """Whether each pair of elements is close: ``|a - b| <= atol + rtol * |b|`` (``np.isclose``).

    Computed as NumPy computes it: in the dtype of ``a - b`` (``b`` made a float first), an
    infinity close only to itself, NaN close to nothing (to NaN with ``equal_nan``). Note
    that it is not symmetric: the tolerance scales with ``b``. A bool tensor, or a bool for
    numbers.

    >>> isclose([1e10, 1e-8, float("inf")], [1.00001e10, 1e-9, float("inf")])
    tensor([ True,  True,  True])
    >>> isclose(1.0, 1.1), isclose(float("nan"), float("nan"), equal_nan=True)
    (False, True)
    """
    x = as_tensor(a)
    y = as_tensor(b)
    y = y.astype(dtypes.result_type(y, 1.0))
    with errstate(invalid="ignore"):  # inf - inf: NumPy's isclose is quiet about it too
        distance = as_tensor(abs(x - y))
        tolerance = as_tensor(atol + rtol * as_tensor(abs(y)))
    shape = broadcast_shapes(distance.shape, tolerance.shape)
    columns = [elements(broadcast_to(t, shape)) for t in (x, y, distance, tolerance)]
    close = []
    for xv, yv, gap, allowed in zip(*columns):
        near = (gap <= allowed and math.isfinite(yv)) or xv == yv
        close.append(near or (equal_nan and xv != xv and yv != yv))
    result = Tensor.from_storage(dtypes.bool_.storage(close), shape, dtypes.bool_)
    return result.item() if not shape else result


def allclose(a: Any, b: Any, rtol: float = 1e-05, atol: float = 1e-08, equal_nan: bool = False) -> bool:
    """Whether ``isclose`` holds for every pair (``np.allclose``).

    >>> allclose([1.0, 2.0], [1.0, 2.1]), allclose([1.0, 2.0], [1.0, 2.1], atol=0.2)
    (False, True)
    """
    return bool(as_tensor(isclose(a, b, rtol, atol, equal_nan)).all())
