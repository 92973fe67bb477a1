"""The cross product of vectors: ``np.cross`` (``dot`` and ``matmul`` are in ``ops.py``).

For 3-vectors ``a`` and ``b``, ``cross(a, b)`` is the vector perpendicular to both:

    (a1*b2 - a2*b1,  a2*b0 - a0*b2,  a0*b1 - a1*b0)

computed, as NumPy computes it, product by product in the dtype of ``a`` and ``b``
together (so integers wrap as NumPy's do). The vectors lie along an axis of each tensor
(the last by default) and the other axes broadcast, so a stack of vectors crosses a
stack. A 2-vector counts as lying in the plane (its third component 0); NumPy 2 deprecates
crossing two 2-vectors, whose answer is the number ``a0*b1 - a1*b0``.

>>> cross([1, 0, 0], [0, 1, 0])
tensor([0, 0, 1])
>>> cross([[1, 2, 3], [4, 5, 6]], [0, 0, 1]).tolist()
[[2, -1, 0], [5, -4, 0]]
"""

from __future__ import annotations

__all__ = ["cross"]

import warnings
from typing import Any, List, Optional

from ._shape import broadcast_shapes
from .core import Tensor, as_tensor
from .manipulation import broadcast_to, moveaxis, stack


def cross(a: Any, b: Any, axisa: int = -1, axisb: int = -1, axisc: int = -1, axis: Optional[int] = None) -> Any:
    """The cross product of the vectors in ``a`` and ``b`` (``np.cross``), along ``axisa`` and
    ``axisb`` (or ``axis`` for both), the result's vectors along ``axisc``.

    >>> cross([1, 2, 3], [4, 5, 6]), cross([1, 2, 0], [3, 4])
    (tensor([-3,  6, -3]), tensor([ 0,  0, -2]))
    >>> cross([1, 2, 3, 4], [1, 2, 3])
    Traceback (most recent call last):
    ...
    ValueError: incompatible dimensions for cross product
    (dimension must be 2 or 3)
    """
    if axis is not None:
        axisa = axisb = axisc = axis
    first, second = moveaxis(as_tensor(a), axisa, -1), moveaxis(as_tensor(b), axisb, -1)
    if first.shape[-1] not in (2, 3) or second.shape[-1] not in (2, 3):
        raise ValueError("incompatible dimensions for cross product\n(dimension must be 2 or 3)")
    if first.shape[-1] == second.shape[-1] == 2:
        warnings.warn(
            "Arrays of 2-dimensional vectors are deprecated. Use arrays of 3-dimensional vectors instead. "
            "(deprecated in NumPy 2.0)",
            DeprecationWarning,
            stacklevel=2,
        )
    shape = broadcast_shapes(first.shape[:-1], second.shape[:-1])
    a_parts, b_parts = _components(first, shape), _components(second, shape)
    if first.shape[-1] == second.shape[-1] == 2:
        return a_parts[0] * b_parts[1] - a_parts[1] * b_parts[0]
    a0, a1, a2 = a_parts
    b0, b1, b2 = b_parts
    parts = [_product(a1, b2, a2, b1), _product(a2, b0, a0, b2), _product(a0, b1, a1, b0)]
    made = stack([as_tensor(part) for part in parts], axis=-1)
    return moveaxis(made, -1, axisc)


def _components(vectors: Tensor, shape: tuple) -> List[Any]:  # type: ignore[type-arg]
    """The components of the vectors, each broadcast to the common ``shape``; a 2-vector's
    third is ``None`` (zero)."""
    parts: List[Any] = [broadcast_to(vectors[..., k], shape) for k in range(vectors.shape[-1])]
    return parts + [None] if len(parts) == 2 else parts


def _product(x1: Any, y1: Any, x2: Any, y2: Any) -> Any:
    """``x1*y1 - x2*y2``, where a ``None`` (a 2-vector's missing component) makes its term 0."""
    if x1 is None or y1 is None:
        return -(x2 * y2)
    if x2 is None or y2 is None:
        return x1 * y1
    return x1 * y1 - x2 * y2
