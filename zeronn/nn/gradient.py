"""Numerical differentiation and gradient descent (sections 4.3 and 4.4 of the book).

A derivative says how much ``f(x)`` changes when ``x`` moves a little. Measured
numerically: move ``x`` by a small ``h`` either way and divide the change by ``2 * h``
(the central difference, more accurate than a step one way only).

- ``numerical_diff(f, x)``: the derivative of a function of one number (4.3.1);
- ``numerical_gradient(f, x)``: every partial derivative of ``f`` at the tensor ``x``, one
  element at a time, each moved and put back in place (4.4); any shape;
- ``gradient_descent(f, init_x, lr, step_num)``: step against the gradient, again and
  again, to a minimum of ``f`` (4.4.1).

Backpropagation (``layers.py``) gets the same gradients far faster; this is what it is
checked against.

>>> numerical_diff(lambda x: 0.01 * x ** 2 + 0.1 * x, 5.0)      # the book's function_1: 0.2
0.1999999999990898
>>> numerical_gradient(lambda x: (x ** 2).sum(), tensor([3.0, 4.0]))
tensor([6., 8.])
"""

from __future__ import annotations

__all__ = ["numerical_diff", "numerical_gradient", "gradient_descent"]

from typing import Any, Callable

from ..core import Tensor, tensor
from ..creation import zeros_like
from ..indexing import nditer


def numerical_diff(f: Callable[[Any], Any], x: Any) -> Any:
    """``(f(x + h) - f(x - h)) / (2 * h)`` with ``h = 1e-4``: the slope of ``f`` at ``x``.

    >>> numerical_diff(lambda x: 0.01 * x ** 2 + 0.1 * x, 10.0)    # exactly 0.3
    0.2999999999986347
    >>> numerical_diff(abs, 0.0)            # no derivative at a kink: the central difference says 0
    0.0

    The book's ``numerical_diff`` (``ch04/gradient_1d.py``).
    """
    h = 1e-4  # 0.0001: small, yet not lost to rounding (x + 1e-50 rounds back to x)
    return (f(x + h) - f(x - h)) / (2 * h)


def numerical_gradient(f: Callable[[Tensor], Any], x: Tensor) -> Tensor:
    """The gradient of ``f`` at ``x``: ``grad[idx] = (f(x with x[idx] + h) - f(x with x[idx] - h)) / 2h``.

    ``x`` is moved in place, one element at a time, and put back: ``f`` may ignore its
    argument and read the same tensor elsewhere (the book's networks do: their loss reads
    the weights they hold, which are ``x``). Each element gets back exactly the value it
    had, so ``x`` is unchanged afterwards. The elements are visited in memory order with
    ``nditer``, as the book does, so a ``f`` that draws random numbers draws them in the
    book's order. ``grad`` has the shape of ``x``.

    >>> W = tensor([[1.0, -2.0], [0.5, 3.0]])
    >>> numerical_gradient(lambda W: (W ** 2).sum(), W)        # 2W
    tensor([[ 2., -4.],
            [ 1.,  6.]])
    >>> W                                                       # as it was
    tensor([[ 1. , -2. ],
            [ 0.5,  3. ]])

    ``x`` must be a tensor of floats (it is written to): anything else is a ``TypeError``,
    since ``x + h`` written into integers would lose ``h`` and give a gradient of 0.
    The book's ``numerical_gradient`` in ``common/gradient.py``.
    """
    if not isinstance(x, Tensor):
        raise TypeError(f"numerical_gradient moves x in place: x must be a tensor, got {type(x).__name__}")
    if x.dtype.kind != "f":
        raise TypeError(f"numerical_gradient needs a float tensor, got {x.dtype}: x + h would be rounded back to x")
    h = 1e-4  # 0.0001
    grad = zeros_like(x)

    it = nditer(x, flags=["multi_index"], op_flags=["readwrite"])
    while not it.finished:
        idx = it.multi_index
        tmp_val = x[idx]
        x[idx] = tmp_val + h
        fxh1 = f(x)  # f(x + h)

        x[idx] = tmp_val - h
        fxh2 = f(x)  # f(x - h)
        grad[idx] = (fxh1 - fxh2) / (2 * h)

        x[idx] = tmp_val  # put the value back
        it.iternext()

    return grad


def gradient_descent(f: Callable[[Tensor], Any], init_x: Any, lr: float = 0.01, step_num: int = 100) -> Tensor:
    """Start at ``init_x`` and take ``step_num`` steps of ``x -= lr * gradient``.

    ``lr`` (the learning rate) sets the step: too large and ``x`` flies off, too small and
    it barely moves (the book's section 4.4.1 shows both).

    >>> gradient_descent(lambda x: (x ** 2).sum(), [-3.0, 4.0], lr=0.1)    # the minimum is (0, 0)
    tensor([-6.11110793e-10,  8.14814391e-10])

    ``init_x`` is left as it was: the steps are taken on a copy (the book's version
    changes ``init_x`` in place, as ``x -= ...`` on the same array). An integer
    ``init_x`` is a ``TypeError`` (see ``numerical_gradient``). The book's ``gradient_descent``
    (``ch04/gradient_method.py`` also returns each step's ``x``, for its plot).
    """
    x = tensor(init_x)  # a copy: init_x stays as it was

    for _ in range(step_num):
        grad = numerical_gradient(f, x)
        x -= lr * grad

    return x
