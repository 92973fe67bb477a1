"""The activation functions of chapter 3, in the book's order.

- ``step``: 0 or 1, the perceptron's switch (section 3.2.2);
- ``sigmoid``: the smooth switch ``1 / (1 + exp(-x))`` (3.2.4);
- ``relu``: ``max(0, x)`` elementwise (3.2.7);
- ``identity``: the output function for regression (3.5);
- ``softmax``: the output function for classification, along the last axis (3.5.1).

Each takes anything ``tensor()`` accepts and returns a tensor.

>>> sigmoid([-1.0, 1.0, 2.0])
tensor([0.2689414213699951, 0.7310585786300049, 0.8807970779778823])
>>> softmax([0.3, 2.9, 4.0])
tensor([0.01821127329554753, 0.24519181293507392, 0.7365969137693786])
"""

from __future__ import annotations

__all__ = ["step", "sigmoid", "relu", "identity", "softmax"]

import math
from typing import Any, List

from ._shape import Number, normalize_axis
from .core import Tensor, as_tensor
from .ops import exp, maximum


def step(x: Any) -> Tensor:
    """1 where ``x > 0``, else 0, as ints: the book's ``np.array(x > 0, dtype=int)``.

    >>> step([-1.0, 0.0, 2.0])
    tensor([0, 0, 1])
    """
    return (as_tensor(x) > 0).astype(int)


def sigmoid(x: Any) -> Tensor:
    """``1 / (1 + exp(-x))`` for every element, computed so that it never overflows.

    ``math.exp(1000)`` raises, so where ``exp(-x)`` would overflow the equal form
    ``exp(x) / (1 + exp(x))`` takes over for ``x < 0``. Far out it gives exactly 0.0
    and 1.0; NaN stays NaN.

    >>> sigmoid([-1000.0, 0.0, 1000.0])
    tensor([0.0, 0.5, 1.0])
    """
    data = as_tensor(x)
    exp = math.exp
    try:
        # The formula as written is the fastest form in Python (a function call per
        # element was measured 1.4x slower); exp(-v) overflows only for v < -709.78.
        values = [1.0 / (1.0 + exp(-v)) for v in data._data]
    except OverflowError:
        values = list(map(_stable_sigmoid, data._data))
    return Tensor._trusted(values, data.shape)


def relu(x: Any) -> Tensor:
    """``x`` where it is positive, else 0: the book's ``np.maximum(0, x)``. NaN stays NaN.

    >>> relu([-2.0, 0.0, 3.5, float("nan")])
    tensor([0.0, 0.0, 3.5, nan])
    """
    data = as_tensor(x)
    if data.dtype is not float:
        return maximum(data, 0)
    # The same as maximum(x, 0.0), written inline: measured 2x faster than a call per
    # element. "not v <= 0.0" is true for NaN (every comparison with NaN is false).
    return Tensor._trusted([v if not v <= 0.0 else 0.0 for v in data._data], data.shape)


def identity(x: Any) -> Tensor:
    """``x`` unchanged (as a tensor): the output function for regression.

    >>> identity([0.3, -1.2])
    tensor([0.3, -1.2])
    """
    return as_tensor(x)


def softmax(x: Any, axis: int = -1) -> Tensor:
    """``exp(x) / sum(exp(x))`` along ``axis`` (the last one by default): probabilities.

    The largest value along the axis is subtracted first (the book's overflow
    countermeasure): the answer is the same, and ``exp`` never sees a large number.
    A 1-d vector gives one distribution; a 2-d batch gives one per row. (SciPy's
    ``softmax`` normalises over the whole array by default; the book, and this, do not.)

    >>> softmax([1010.0, 1000.0, 990.0])
    tensor([0.99995460, 4.5397868e-05, 2.0610600e-09])
    >>> print(softmax([[1.0, 1.0], [0.0, 100.0]]))   # each row sums to 1
    tensor([[     0.5,      0.5],
            [3.72e-44,      1.0]])
    """
    a = as_tensor(x)
    if a.ndim and normalize_axis(axis, a.ndim) == a.ndim - 1:
        # Along the last axis each row is a contiguous run of the data: the book's
        # 1-d formula, row by row, in one pass (measured 2x faster than the steps below).
        n = a.shape[-1]
        values: List[float] = []
        for start in range(0, a.size, n or 1):
            values.extend(_softmax_row(a._data[start : start + n]))
        return Tensor._trusted(values, a.shape)
    c = a.max(axis=axis, keepdims=True)  # overflow countermeasure
    exp_a = exp(a - c)
    sum_exp_a: Tensor = exp_a.sum(axis=axis, keepdims=True)
    return exp_a / sum_exp_a


def _softmax_row(a: List[Number]) -> List[float]:
    c = max(a)  # overflow countermeasure (a NaN anywhere makes the whole row NaN either way)
    exp = math.exp
    exp_a = [exp(v - c) for v in a]
    sum_exp_a = sum(exp_a)
    return [e / sum_exp_a for e in exp_a]


def _stable_sigmoid(value: Number) -> float:
    if value >= 0:
        return 1.0 / (1.0 + math.exp(-value))
    e = math.exp(value)  # value < 0 (or NaN): exp cannot overflow
    return e / (1.0 + e)
