"""The activation functions of chapter 3, in the book's order and the book's forms.

- ``step``: 0 or 1, the perceptron's switch: ``np.array(x > 0, dtype=int)`` (3.2.2);
- ``sigmoid``: the smooth switch ``1 / (1 + np.exp(-x))`` (3.2.4);
- ``relu``: ``np.maximum(0, x)`` (3.2.7);
- ``identity``: the output function for regression (3.5);
- ``softmax``: the output function for classification, along the last axis (3.5.1);
- ``sigmoid_grad``, ``relu_grad``: their derivatives, for gradients worked out by hand
  (the book's ``common/functions.py``; the layers of ``layers.py`` do this in ``backward``).

Each is written as the book writes it, on tensors. ``sigmoid`` and ``softmax`` are
several steps, each a pass over the data; for float64 (where every step rounds as
Python's float does) they run instead as one fused pass (``kernels.sigmoid``,
``kernels.softmax_rows``), which ``tests/test_kernels.py`` holds equal to the formula
here, number for number. In plain mode (``plain_mode(True)`` or ``ZERONN_PLAIN=1``, see
``kernels.py``) the fused passes are skipped and the formula lines below are what runs.

>>> sigmoid([-1.0, 1.0, 2.0])
tensor([0.26894142, 0.73105858, 0.88079708])
>>> softmax([0.3, 2.9, 4.0])
tensor([0.01821127, 0.24519181, 0.73659691])
"""

from __future__ import annotations

__all__ = ["step", "sigmoid", "relu", "identity", "softmax", "sigmoid_grad", "relu_grad"]

from typing import Any, Sequence, Union, overload

from .. import kernels
from ..core import Tensor, as_tensor, fused, tensor
from ..creation import zeros_like
from ..float_errors import errstate
from ..ufuncs import exp, maximum


def step(x: Any) -> Tensor:
    """1 where ``x > 0``, else 0, as ints: the book's ``np.array(x > 0, dtype=int)``.

    >>> step([-1.0, 0.0, 2.0])
    tensor([0, 0, 1])
    """
    return tensor(as_tensor(x) > 0, dtype=int)


@overload
def sigmoid(x: Union[Tensor, Sequence[Any]]) -> Tensor: ...
@overload
def sigmoid(x: float) -> float: ...
@overload
def sigmoid(x: Any) -> Any: ...
def sigmoid(x: Any) -> Any:
    """``1 / (1 + exp(-x))`` for every element (the book's ``1 / (1 + np.exp(-x))``).

    Far out it gives exactly 0.0 and 1.0, as NumPy's does: ``exp(1000)`` is ``inf``,
    and ``1 / inf`` is 0. NaN stays NaN.

    >>> sigmoid([-1000.0, 0.0, 1000.0])
    tensor([0. , 0.5, 1. ])
    """
    fast = fused(kernels.sigmoid, x)  # a float64 tensor: the same numbers in one pass
    if fast is not None:
        return fast
    x = as_tensor(x)  # (plain mode, other dtypes, lists: the formula, step by step)
    with errstate(over="ignore"):  # exp(1000.0) is inf, and 1 / (1 + inf) the 0.0 wanted: silent, as the fused pass
        return 1 / (1 + exp(-x))


@overload
def relu(x: Union[Tensor, Sequence[Any]]) -> Tensor: ...
@overload
def relu(x: float) -> float: ...
@overload
def relu(x: Any) -> Any: ...
def relu(x: Any) -> Any:
    """``x`` where it is positive, else 0: the book's ``np.maximum(0, x)``. NaN stays NaN.

    >>> relu([-2.0, 0.0, 3.5, float("nan")]), relu([-2, 3])
    (tensor([0. , 0. , 3.5, nan]), tensor([0, 3]))
    """
    return maximum(0, x)


def identity(x: Any) -> Tensor:
    """``x`` unchanged (a tensor itself; anything else made one): the output function for
    regression, the book's ``identity_function``.

    >>> x = tensor([0.3, -1.2])
    >>> identity(x) is x, identity([0.3, -1.2])
    (True, tensor([ 0.3, -1.2]))
    """
    return x if isinstance(x, Tensor) else tensor(x)


def softmax(x: Any, axis: int = -1) -> Tensor:
    """``exp(x) / sum(exp(x))`` along ``axis`` (the last one by default): probabilities.

    The largest value along the axis is subtracted first (the book's overflow
    countermeasure): the answer is the same, and ``exp`` never sees a large number.
    A 1-d vector gives one distribution; a 2-d batch gives one per row. (SciPy's
    ``softmax`` normalises over the whole array by default; the book, and this, do not.)

    >>> softmax([1010.0, 1000.0, 990.0])
    tensor([9.99954600e-01, 4.53978686e-05, 2.06106005e-09])
    >>> softmax([[1.0, 1.0], [0.0, 100.0]])   # each row sums to 1
    tensor([[5.00000000e-01, 5.00000000e-01],
            [3.72007598e-44, 1.00000000e+00]])
    >>> softmax(tensor(3.0))                  # one number: certainty (a 0-d result is a number)
    1.0
    """
    fast = fused(kernels.softmax_rows, x, axis)  # a float64 tensor, along its last axis: the same numbers row by row
    if fast is not None:
        return fast
    x = as_tensor(x)  # (plain mode, other dtypes or axes, lists: the formula, step by step)
    x = x - x.max(axis=axis, keepdims=True)  # overflow countermeasure
    e = as_tensor(exp(x))  # (a 0-d tensor's exp is a number)
    y: Tensor = e / e.sum(axis=axis, keepdims=True)
    return y


@overload
def sigmoid_grad(x: Union[Tensor, Sequence[Any]]) -> Tensor: ...
@overload
def sigmoid_grad(x: float) -> float: ...
@overload
def sigmoid_grad(x: Any) -> Any: ...
def sigmoid_grad(x: Any) -> Any:
    """The derivative of the sigmoid at ``x``: ``(1 - sigmoid(x)) * sigmoid(x)``.

    Largest (0.25) at 0, and nearly 0 far out, where the sigmoid is flat: the vanishing
    gradient of section 6.2.

    >>> sigmoid_grad([0.0, 2.0, -1000.0])
    tensor([0.25      , 0.10499359, 0.        ])

    The book's ``sigmoid_grad`` in ``common/functions.py`` (its ``ch04/two_layer_net.py``
    uses it).
    """
    return (1.0 - sigmoid(x)) * sigmoid(x)


def relu_grad(x: Any) -> Tensor:
    """The derivative of ReLU at ``x``: 1 where ``x >= 0``, else 0, as floats.

    At exactly 0 (where ReLU has no derivative) this says 1, as the book's
    ``relu_grad`` does; the ``Relu`` layer of ``layers.py`` says 0 there.

    >>> relu_grad([-2.0, 0.0, 3.0])
    tensor([0., 1., 1.])

    The book's ``relu_grad`` in ``common/functions.py``.
    """
    x = as_tensor(x)
    grad = zeros_like(x)
    grad[x >= 0] = 1
    return grad
