"""The neural network of chapter 3: the book's three-layer example (section 3.4.3).

``init_network()`` and ``forward(network, x)`` are the book's code line for line, with
its names ``W1, b1, a1, z1, ... y``. The same network as objects, with any number of
layers, is in ``layers.py`` (``Dense``, ``Network``).

>>> network = init_network()
>>> forward(network, [1.0, 0.5])
tensor([0.31682708, 0.69627909])
"""

from __future__ import annotations

__all__ = ["init_network", "forward"]

from typing import Any, Dict

from ..core import Tensor, tensor
from ..ops import dot
from .activations import identity, sigmoid


def init_network() -> Dict[str, Tensor]:
    """The book's weights and biases for a 2 -> 3 -> 2 -> 2 network.

    >>> network = init_network()
    >>> network["W1"].shape, network["b1"].shape, network["W3"].shape
    ((2, 3), (3,), (2, 2))
    """
    network = {}
    network["W1"] = tensor([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]])
    network["b1"] = tensor([0.1, 0.2, 0.3])
    network["W2"] = tensor([[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]])
    network["b2"] = tensor([0.1, 0.2])
    network["W3"] = tensor([[0.1, 0.3], [0.2, 0.4]])
    network["b3"] = tensor([0.1, 0.2])
    return network


def forward(network: Dict[str, Any], x: Any) -> Tensor:
    """The book's forward pass: two sigmoid layers, then an identity output.

    ``x`` is one input vector or a batch with one input per row.

    >>> forward(init_network(), [[1.0, 0.5], [1.0, 0.5]]).shape
    (2, 2)
    """
    W1, W2, W3 = network["W1"], network["W2"], network["W3"]
    b1, b2, b3 = network["b1"], network["b2"], network["b3"]

    a1 = dot(x, W1) + b1
    z1 = sigmoid(a1)
    a2 = dot(z1, W2) + b2
    z2 = sigmoid(a2)
    a3 = dot(z2, W3) + b3
    y = identity(a3)

    return y
