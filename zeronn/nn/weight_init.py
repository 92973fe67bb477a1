"""Initial weights: random, and of the right size (section 6.2 of the book).

Weights start as normal random numbers times a scale. Too large a scale and sigmoid's
outputs pile up at 0 and 1, where its gradient vanishes; too small and every neuron
says the same. The scale that keeps each layer's outputs spread out depends on how many
inputs a neuron adds up (``n``, the previous layer's size):

- Xavier (Glorot and Bengio), for sigmoid and tanh: ``sqrt(1 / n)`` (6.2.2);
- He (He et al.), for ReLU, which zeroes half its inputs: ``sqrt(2 / n)`` (6.2.3).

The book's networks take ``weight_init_std``: a number (the scale itself, as
``TwoLayerNet``'s 0.01), or ``'sigmoid'``/``'xavier'``, or ``'relu'``/``'he'``.

- ``weight_scale(weight_init_std, n)``: the scale that means;
- ``init_weights(sizes, weight_init_std)``: ``W1, b1, W2, b2, ...`` for layers of those
  sizes, drawn with ``random.randn`` in the book's order, so a seed gives NumPy's weights.

>>> weight_scale("he", 50), weight_scale("xavier", 100), weight_scale(0.01, 784)
(0.2, 0.1, 0.01)
>>> random.seed(0)
>>> params = init_weights([2, 3, 1], weight_init_std=0.01)
>>> sorted(params), params["W1"].shape, params["b1"]
(['W1', 'W2', 'b1', 'b2'], (2, 3), tensor([0., 0., 0.]))
"""

from __future__ import annotations

__all__ = ["weight_scale", "init_weights"]

import math
from typing import Any, Dict, Sequence, Union

from .. import random
from ..core import Tensor
from ..creation import zeros

WeightInitStd = Union[float, str]
_XAVIER = ("sigmoid", "xavier")
_HE = ("relu", "he")


def weight_scale(weight_init_std: WeightInitStd, n: int) -> float:
    """The standard deviation of the initial weights of a layer with ``n`` inputs.

    ``'relu'`` or ``'he'``: ``sqrt(2 / n)``; ``'sigmoid'`` or ``'xavier'``:
    ``sqrt(1 / n)`` (any case); a number: that number.

    >>> weight_scale("ReLU", 784)
    0.050507627227610534
    >>> weight_scale("tanh", 784)
    Traceback (most recent call last):
    ...
    ValueError: weight_init_std must be a number, 'relu'/'he' or 'sigmoid'/'xavier', got 'tanh'

    What the book's ``MultiLayerNet.__init_weight`` computes for each layer.
    """
    if isinstance(weight_init_std, str):
        name = weight_init_std.lower()
        if name in _HE:
            return math.sqrt(2.0 / n)  # He: recommended with ReLU
        if name in _XAVIER:
            return math.sqrt(1.0 / n)  # Xavier: recommended with sigmoid
    elif isinstance(weight_init_std, (int, float)) and not isinstance(weight_init_std, bool):
        return weight_init_std
    raise ValueError(f"weight_init_std must be a number, 'relu'/'he' or 'sigmoid'/'xavier', got {weight_init_std!r}")


def init_weights(sizes: Sequence[int], weight_init_std: WeightInitStd = "relu") -> Dict[str, Tensor]:
    """``{"W1": ..., "b1": ..., "W2": ...}`` for layers of ``sizes`` (inputs first, outputs last).

    ``Wi`` has shape ``(sizes[i-1], sizes[i])``: ``scale * randn(...)``, with the scale
    from ``weight_scale`` and the layer's input size; ``bi`` is zeros of ``sizes[i]``.
    The ``W`` are drawn one after another, ``W1`` first, as the book's networks draw them.

    >>> random.seed(0)
    >>> init_weights([2, 2], weight_init_std="relu")["W1"]         # sqrt(2 / 2) = 1: randn itself
    tensor([[1.76405235, 0.40015721],
            [0.97873798, 2.2408932 ]])
    >>> init_weights([784, 0, 10])
    Traceback (most recent call last):
    ...
    ValueError: layer sizes must be positive integers, got [784, 0, 10]

    The book's ``MultiLayerNet.__init_weight`` (and ``TwoLayerNet.__init__``'s first lines).
    """
    sizes = list(sizes)
    if len(sizes) < 2:
        raise ValueError(f"init_weights needs the sizes of the inputs and the outputs at least, got {sizes}")
    if not all(_is_size(size) for size in sizes):
        raise ValueError(f"layer sizes must be positive integers, got {sizes}")
    params: Dict[str, Any] = {}
    for idx in range(1, len(sizes)):
        scale = weight_scale(weight_init_std, sizes[idx - 1])
        params["W" + str(idx)] = scale * random.randn(sizes[idx - 1], sizes[idx])
        params["b" + str(idx)] = zeros(sizes[idx])
    return params


def _is_size(size: Any) -> bool:
    return isinstance(size, int) and not isinstance(size, bool) and size > 0
