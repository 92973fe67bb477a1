"""Tensors made from a rule rather than from data: ``arange``, ``zeros``, ``ones``, ``full``.

>>> arange(5)
tensor([0, 1, 2, 3, 4])
>>> zeros((2, 3))
tensor([[0.0, 0.0, 0.0],
        [0.0, 0.0, 0.0]])
"""

from __future__ import annotations

__all__ = ["arange", "zeros", "ones", "full"]

import math
from typing import Optional, Sequence, Tuple, Union

from ._shape import Number, promote_numbers, size_of
from .core import Tensor

ShapeLike = Union[int, Sequence[int]]


def arange(start: Number, stop: Optional[Number] = None, step: Number = 1) -> Tensor:
    """Evenly spaced numbers from ``start`` up to, not including, ``stop`` (``np.arange``).

    With one argument it counts from 0. The length is NumPy's
    ``ceil((stop - start) / step)`` and element ``i`` is ``start + i * step``; the
    elements are ints when every argument is an int, floats otherwise.

    >>> arange(1, 10, 3)
    tensor([1, 4, 7])
    >>> arange(-1.0, 1.0, 0.5)
    tensor([-1.0, -0.5, 0.0, 0.5])
    >>> arange(-5.0, 5.0, 0.1).shape          # the book's x axis for every plot
    (100,)
    >>> arange(0, 5, 0)
    Traceback (most recent call last):
    ...
    ValueError: arange: step must not be zero
    """
    if stop is None:
        start, stop = 0, start
    for name, value in (("start", start), ("stop", stop), ("step", step)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"arange: {name} must be an int or a float, not {type(value).__name__}")
        if not math.isfinite(value):
            raise ValueError(f"arange: {name} must be finite, got {value!r}")
    if step == 0:
        raise ValueError("arange: step must not be zero")
    length: int
    if all(isinstance(value, int) for value in (start, stop, step)):
        length = int(-((start - stop) // step))  # exact ceiling division for ints
    else:
        length = math.ceil((stop - start) / step)
    _check_size(length)
    values = [start + i * step for i in range(max(length, 0))]
    return Tensor._trusted(values, (len(values),))


def zeros(shape: ShapeLike) -> Tensor:
    """A tensor of ``shape`` filled with ``0.0`` (``np.zeros``).

    >>> zeros(3)
    tensor([0.0, 0.0, 0.0])
    """
    return full(shape, 0.0)


def ones(shape: ShapeLike) -> Tensor:
    """A tensor of ``shape`` filled with ``1.0`` (``np.ones``).

    >>> ones((1, 2))
    tensor([[1.0, 1.0]])
    """
    return full(shape, 1.0)


def full(shape: ShapeLike, fill_value: Number) -> Tensor:
    """A tensor of ``shape`` with every element ``fill_value`` (``np.full``).

    >>> full((2, 2), 7)
    tensor([[7, 7],
            [7, 7]])
    >>> full((2, -1), 7)
    Traceback (most recent call last):
    ...
    ValueError: negative dimensions are not allowed: (2, -1)
    """
    checked = _check_shape(shape)
    _check_size(size_of(checked))
    [value] = promote_numbers([fill_value], ())
    # List repetition: one C-level loop, and the same number object shared by every slot.
    return Tensor._trusted([value] * size_of(checked), checked)


# A list of 2**31 elements holds 16 GiB of pointers alone: asking for more is a mistake
# that would otherwise end, minutes later, in a MemoryError or a swapping machine.
_MAX_SIZE = 1 << 31


def _check_size(size: int) -> None:
    if size > _MAX_SIZE:
        raise ValueError(f"{size} elements are too many for a list-based tensor (the limit is {_MAX_SIZE})")


def _check_shape(shape: ShapeLike) -> Tuple[int, ...]:
    """``3`` or ``(2, 3)`` -> a tuple of non-negative ints, or a clear error."""
    lengths = (shape,) if isinstance(shape, int) else tuple(shape)
    for length in lengths:
        if isinstance(length, bool) or not isinstance(length, int):
            raise TypeError(f"shape must hold ints, got {type(length).__name__} in {shape!r}")
    if any(length < 0 for length in lengths):
        raise ValueError(f"negative dimensions are not allowed: {lengths!r}")
    return lengths
