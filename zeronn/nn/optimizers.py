"""Optimizers: how to step the parameters with their gradients (section 6.1 of the book).

Every optimizer has one method, ``update(params, grads)``: for each key of the dict
``params``, move ``params[key]`` using ``grads[key]``. The tensors are changed in place
(``params[key] -= ...``), so the layers that hold the same tensors learn too. A
parameter that is a plain number is replaced in the dict instead, as in the book's
``ch06/optimizer_compare_naive.py``.

- ``SGD`` (6.1.2): ``W -= lr * dW``;
- ``Momentum`` (6.1.4): a velocity that the gradient pushes and that keeps going;
- ``Nesterov``: momentum that looks one step ahead;
- ``AdaGrad`` (6.1.5): each parameter's step shrinks as its gradients add up;
- ``RMSprop``: AdaGrad that forgets old gradients at ``decay_rate``;
- ``Adam`` (6.1.6): momentum and RMSprop together, with their start-up bias corrected.

Those with a memory (``v``, ``h``, ``m``) make it on the first ``update``, zeros in each
parameter's shape.

>>> params = {"W": tensor([1.0, -2.0])}
>>> SGD(lr=0.1).update(params, {"W": tensor([10.0, -10.0])})
>>> params["W"]
tensor([ 0., -1.])
"""

from __future__ import annotations

__all__ = ["SGD", "Momentum", "Nesterov", "AdaGrad", "RMSprop", "Adam"]

import math
from typing import Any, Dict, Optional

from ..core import tensor  # noqa: F401  (the examples use it)
from ..creation import zeros_like
from ..ufuncs import sqrt

Params = Dict[str, Any]


class SGD:
    """Stochastic gradient descent: ``params[key] -= lr * grads[key]``.

    >>> params = {"x": -7.0, "y": 2.0}                      # the book's f(x, y) = x**2 / 20 + y**2
    >>> optimizer = SGD(lr=0.95)
    >>> for _ in range(2):
    ...     optimizer.update(params, {"x": params["x"] / 10.0, "y": 2.0 * params["y"]})
    >>> params                                               # x crawls, y zigzags
    {'x': -5.733175, 'y': 1.6199999999999997}

    The book's ``SGD`` in ``common/optimizer.py``.
    """

    def __init__(self, lr: float = 0.01) -> None:
        self.lr = lr

    def update(self, params: Params, grads: Params) -> None:
        """One step down the gradient, in place."""
        for key in params.keys():
            params[key] -= self.lr * grads[key]


class Momentum:
    """SGD with momentum: ``v = momentum * v - lr * grad``, then ``params += v``.

    The parameter moves like a ball rolling downhill: the gradient is a force that
    changes the velocity ``v``, and ``momentum`` (0.9) is the friction that slows it.

    >>> params = {"x": -7.0, "y": 2.0}
    >>> optimizer = Momentum(lr=0.1)
    >>> for _ in range(2):
    ...     optimizer.update(params, {"x": params["x"] / 10.0, "y": 2.0 * params["y"]})
    >>> params
    {'x': -6.7977, 'y': 0.9199999999999999}

    The book's ``Momentum`` in ``common/optimizer.py``.
    """

    def __init__(self, lr: float = 0.01, momentum: float = 0.9) -> None:
        self.lr = lr
        self.momentum = momentum
        self.v: Optional[Params] = None

    def update(self, params: Params, grads: Params) -> None:
        """Push the velocity with the gradient, then move by it."""
        if self.v is None:
            self.v = _zeros_like_each(params)

        for key in params.keys():
            self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]
            params[key] += self.v[key]


class Nesterov(Momentum):
    """Nesterov's accelerated gradient: momentum whose gradient is taken one step ahead.

    The same velocity ``v`` as ``Momentum``; the step is written, as the book writes it,
    so that the gradient is the one at ``params`` itself (Bengio et al.,
    http://arxiv.org/abs/1212.0901)::

        params += momentum * momentum * v - (1 + momentum) * lr * grad
        v = momentum * v - lr * grad

    >>> params = {"x": -7.0, "y": 2.0}
    >>> optimizer = Nesterov(lr=0.1)
    >>> for _ in range(2):
    ...     optimizer.update(params, {"x": params["x"] / 10.0, "y": 2.0 * params["y"]})
    >>> params
    {'x': -6.6798269999999995, 'y': 0.4447999999999999}

    The book's ``Nesterov`` in ``common/optimizer.py``.
    """

    def update(self, params: Params, grads: Params) -> None:
        """The look-ahead step, then the velocity."""
        if self.v is None:
            self.v = _zeros_like_each(params)

        for key in params.keys():
            params[key] += self.momentum * self.momentum * self.v[key]
            params[key] -= (1 + self.momentum) * self.lr * grads[key]
            self.v[key] *= self.momentum
            self.v[key] -= self.lr * grads[key]


class AdaGrad:
    """AdaGrad: ``h += grad * grad``, then ``params -= lr * grad / (sqrt(h) + 1e-7)``.

    Each element gets its own learning rate, smaller the more it has already moved:
    ``h`` adds up its squared gradients. (``1e-7`` keeps a never-moved element's step
    from dividing by 0.)

    >>> params = {"x": -7.0, "y": 2.0}
    >>> optimizer = AdaGrad(lr=1.5)
    >>> optimizer.update(params, {"x": params["x"] / 10.0, "y": 2.0 * params["y"]})
    >>> params                                               # the first step: lr for every element
    {'x': -5.500000214285683, 'y': 0.5000000374999991}

    The book's ``AdaGrad`` in ``common/optimizer.py``.
    """

    def __init__(self, lr: float = 0.01) -> None:
        self.lr = lr
        self.h: Optional[Params] = None

    def update(self, params: Params, grads: Params) -> None:
        """Add the squared gradient to ``h``, then step, scaled by ``1 / sqrt(h)``."""
        if self.h is None:
            self.h = _zeros_like_each(params)

        for key in params.keys():
            self.h[key] += grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (sqrt(self.h[key]) + 1e-7)


class RMSprop(AdaGrad):
    """RMSprop: AdaGrad whose ``h`` is a moving average, forgetting at ``decay_rate``.

    ``h = decay_rate * h + (1 - decay_rate) * grad * grad``; the step is AdaGrad's.
    The learning rate no longer shrinks to nothing over a long run.

    >>> params = {"x": -7.0, "y": 2.0}
    >>> optimizer = RMSprop(lr=0.1)
    >>> optimizer.update(params, {"x": params["x"] / 10.0, "y": 2.0 * params["y"]})
    >>> params                                               # the first step: lr * 10, as 1 / sqrt(0.01) = 10
    {'x': -6.000001428569388, 'y': 1.000000249999938}

    The book's ``RMSprop`` in ``common/optimizer.py`` (Hinton's lecture 6e).
    """

    def __init__(self, lr: float = 0.01, decay_rate: float = 0.99) -> None:
        super().__init__(lr)
        self.decay_rate = decay_rate

    def update(self, params: Params, grads: Params) -> None:
        """Decay ``h``, add the squared gradient, then step as AdaGrad does."""
        if self.h is None:
            self.h = _zeros_like_each(params)

        for key in params.keys():
            self.h[key] *= self.decay_rate
            self.h[key] += (1 - self.decay_rate) * grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (sqrt(self.h[key]) + 1e-7)


class Adam:
    """Adam: a moving average of the gradient (``m``, momentum's velocity) stepped with a
    moving average of its square (``v``, RMSprop's ``h``).

    ``m`` and ``v`` start at 0, so at first they are too small; the step's learning rate
    ``lr_t = lr * sqrt(1 - beta2 ** iter) / (1 - beta1 ** iter)`` corrects for it::

        m += (1 - beta1) * (grad - m)
        v += (1 - beta2) * (grad ** 2 - v)
        params -= lr_t * m / (sqrt(v) + 1e-7)

    >>> params = {"x": -7.0, "y": 2.0}
    >>> optimizer = Adam(lr=0.3)
    >>> optimizer.update(params, {"x": params["x"] / 10.0, "y": 2.0 * params["y"]})
    >>> params                                               # the first step: lr for every element
    {'x': -6.700001355255732, 'y': 1.700000237170637}

    The book's ``Adam`` in ``common/optimizer.py`` (Kingma and Ba,
    http://arxiv.org/abs/1412.6980v8).
    """

    def __init__(self, lr: float = 0.001, beta1: float = 0.9, beta2: float = 0.999) -> None:
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.iter = 0
        self.m: Optional[Params] = None
        self.v: Optional[Params] = None

    def update(self, params: Params, grads: Params) -> None:
        """Move both averages towards the gradient, then step with the corrected rate."""
        if self.m is None or self.v is None:
            self.m, self.v = _zeros_like_each(params), _zeros_like_each(params)

        self.iter += 1
        lr_t = self.lr * math.sqrt(1.0 - self.beta2**self.iter) / (1.0 - self.beta1**self.iter)

        for key in params.keys():
            self.m[key] += (1 - self.beta1) * (grads[key] - self.m[key])
            self.v[key] += (1 - self.beta2) * (grads[key] ** 2 - self.v[key])
            params[key] -= lr_t * self.m[key] / (sqrt(self.v[key]) + 1e-7)


def _zeros_like_each(params: Params) -> Params:
    """A zero tensor in the shape of each parameter: an optimizer's memory, to start with."""
    return {key: zeros_like(val) for key, val in params.items()}
