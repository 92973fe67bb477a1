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
from typing import Any

from ._shape import Number
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

    ``math.exp(1000)`` raises; so the formula is used only where ``-x <= 0``, and the
    equal form ``exp(x) / (1 + exp(x))`` where ``x < 0``. Far out it gives exactly
    0.0 and 1.0; NaN stays NaN.

    >>> sigmoid([-1000.0, 0.0, 1000.0])
    tensor([0.0, 0.5, 1.0])
    """
    data = as_tensor(x)
    return Tensor._trusted(list(map(_stable_sigmoid, data._data)), data.shape)


def relu(x: Any) -> Tensor:
    """``x`` where it is positive, else 0: the book's ``np.maximum(0, x)``. NaN stays NaN.

    >>> relu([-2.0, 0.0, 3.5, float("nan")])
    tensor([0.0, 0.0, 3.5, nan])
    """
    return maximum(x, 0)


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
    c = a.max(axis=axis, keepdims=True)  # overflow countermeasure
    exp_a = exp(a - c)
    sum_exp_a: Tensor = exp_a.sum(axis=axis, keepdims=True)
    return exp_a / sum_exp_a


def _stable_sigmoid(value: Number) -> float:
    if value >= 0:
        return 1.0 / (1.0 + math.exp(-value))
    e = math.exp(value)  # value < 0 (or NaN): exp cannot overflow
    return e / (1.0 + e)
