# pyright: strict
"""A host's code on zeronn, type-checked as a host would: ``mypy --strict`` and pyright's
strict mode must pass on this file (tests/test_vendoring.py and .ci/run check it).

Every function returns what zeronn's types promise, so a wrong or ``Any`` type in zeronn
shows up here as "Returning Any" or an incompatible return. What stays ``Any`` on
purpose (the kind of result depends on the operands' dimensions: ``x[0]``, ``dot``,
``@``, a reduction along an axis, ``tolist``) is named at the end.
"""

from typing import Any, List, Tuple

from zeronn import (
    Tensor,
    arange,
    array,
    clip,
    concatenate,
    dot,
    exp,
    eye,
    linspace,
    log,
    maximum,
    ones,
    random,
    sqrt,
    tensor,
    where,
    zeros,
    zeros_like,
)
from zeronn import max as max_of
from zeronn import sum as sum_of
from zeronn.nn import cross_entropy_error, forward, init_network, relu, sigmoid, softmax, step


def made() -> Tensor:
    return zeros((2, 3)) + ones(3) + arange(3.0) + eye(3)[0:1] + linspace(0.0, 1.0, 3) + array([1.0]) + tensor(1.0)


def operators(x: Tensor, y: Tensor) -> Tensor:
    return (x + 1) * y - x / 2 + 2**x - (-x) + abs(x) + (x > 0) * (x <= y)


def ufuncs(x: Tensor) -> Tensor:
    return exp(x) + log(x) + sqrt(x) + maximum(x, 0) + maximum(0, x) + where(x > 0, x, 0.0) + clip(x, 0, 1)


def activations(x: Tensor) -> Tensor:
    return sigmoid(x) + relu(x) + step(x) + softmax(x)


def numbers(x: Tensor) -> Tuple[float, float, float, int, bool, float]:
    """A whole-tensor reduction is a Python number, typed as one."""
    return x.sum(), x.mean(), max_of(x), x.argmax(), x.any(), sigmoid(0.5)


def views(x: Tensor) -> Tuple[Tensor, Tensor, Tensor]:
    return x.T + x[None] + x.sum(axis=0, keepdims=True) + sum_of(x, keepdims=True), x.reshape(-1)[1:], x[x > 0]


def draws() -> Tuple[Tensor, Tensor, float]:
    return random.randn(2, 3), random.normal(0.0, 1.0, size=(3,)), random.rand()


def network(x: Tensor) -> Tensor:
    return forward(init_network(), x)


def loss(y: Tensor, t: Tensor) -> float:
    return cross_entropy_error(y, t)


def in_place(x: Tensor) -> Tensor:
    x += 1
    x[0] = 2.0
    return concatenate([x, zeros_like(x)])


def dynamic(x: Tensor) -> Tuple[Any, Any, Any, Any, List[Any]]:
    """Typed ``Any`` on purpose: a number or a tensor, by the operands' dimensions."""
    return x[0], dot(x, x), x @ x, x.sum(axis=0), [x.tolist()]
