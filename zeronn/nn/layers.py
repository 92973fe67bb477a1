"""Layers with a forward and a backward pass: backpropagation (chapter 5, and 6.3–6.4).

A network is a row of layers. ``forward`` computes a layer's output and keeps what
its derivative will need; ``backward(dout)`` takes the derivative of the loss with
respect to that output (``dout``) and returns it with respect to the input (``dx``),
by the chain rule: ``dx = dout * (d out / d x)``. A layer with weights also keeps the
derivative with respect to them (``dW``, ``db``), for the optimizer.

- ``MulLayer``, ``AddLayer`` (5.4): the two nodes of the book's shopping example;
- ``Relu``, ``Sigmoid`` (5.5): the activations as layers;
- ``Affine`` (5.6.2): ``x · W + b``, the fully connected layer;
- ``SoftmaxWithLoss`` (5.6.3): ``softmax`` and the cross-entropy, whose derivative is
  plain ``(y - t) / batch_size``;
- ``Dropout`` (6.4.3): switch random neurons off while training;
- ``BatchNormalization`` (6.3): normalise each feature over the batch.

Each is written as the book writes it, with its names (``mask``, ``out``, ``dW``...),
and holds nothing but what ``backward`` needs. Shapes: ``N`` is the batch size.

>>> layer = Affine(tensor([[1.0, 2.0], [3.0, 4.0]]), tensor([0.5, -0.5]))
>>> layer.forward(tensor([[1.0, 1.0]]))                      # (1, 2) · (2, 2) + (2,)
tensor([[4.5, 5.5]])
>>> layer.backward(tensor([[1.0, 0.0]]))                     # dx = dout · W.T
tensor([[1., 3.]])
>>> layer.dW, layer.db                                        # x.T · dout, dout summed over the batch
(tensor([[1., 0.],
        [1., 0.]]), tensor([1., 0.]))
"""

from __future__ import annotations

__all__ = ["MulLayer", "AddLayer", "Relu", "Sigmoid", "Affine", "SoftmaxWithLoss", "Dropout", "BatchNormalization"]

from typing import Any, Optional, Tuple

from .. import random
from ..core import Tensor, tensor  # noqa: F401  (tensor: the examples use it)
from ..creation import arange, zeros
from ..ops import dot
from ..ufuncs import sqrt
from .activations import sigmoid, softmax
from .losses import cross_entropy_error

# ---------------------------------------------------------------------------
# 5.4: the simplest layers, on plain numbers
# ---------------------------------------------------------------------------


class MulLayer:
    """A multiplication node: ``out = x * y``; backward, each input gets ``dout`` times the other.

    >>> apple, apple_num, tax = 100, 2, 1.1
    >>> mul_apple_layer, mul_tax_layer = MulLayer(), MulLayer()
    >>> apple_price = mul_apple_layer.forward(apple, apple_num)
    >>> mul_tax_layer.forward(apple_price, tax)                 # the book's apples: 220 yen
    220.00000000000003
    >>> dapple_price, dtax = mul_tax_layer.backward(1)
    >>> mul_apple_layer.backward(dapple_price), dtax           # (dapple, dapple_num), dtax
    ((2.2, 110.00000000000001), 200)

    Numbers or tensors (multiplied elementwise, broadcast as NumPy does). The book's
    ``MulLayer`` (``ch05/layer_naive.py``).
    """

    def __init__(self) -> None:
        self.x: Any = None
        self.y: Any = None

    def forward(self, x: Any, y: Any) -> Any:
        """``x * y``, keeping both for ``backward``."""
        self.x = x
        self.y = y
        out = x * y
        return out

    def backward(self, dout: Any) -> Tuple[Any, Any]:
        """``(dout * y, dout * x)``: the inputs swapped."""
        dx = dout * self.y
        dy = dout * self.x
        return dx, dy


class AddLayer:
    """An addition node: ``out = x + y``; backward, each input gets ``dout`` unchanged.

    >>> add_layer = AddLayer()
    >>> add_layer.forward(200, 450)
    650
    >>> add_layer.backward(1.1)
    (1.1, 1.1)

    The book's ``AddLayer`` (``ch05/layer_naive.py``).
    """

    def forward(self, x: Any, y: Any) -> Any:
        """``x + y`` (nothing to keep: the derivative is 1 either way)."""
        out = x + y
        return out

    def backward(self, dout: Any) -> Tuple[Any, Any]:
        """``(dout, dout)``."""
        dx = dout * 1
        dy = dout * 1
        return dx, dy


# ---------------------------------------------------------------------------
# 5.5: activation layers
# ---------------------------------------------------------------------------


class Relu:
    """ReLU as a layer: ``out = x`` where ``x > 0``, else 0; ``dx = dout`` there, else 0.

    ``mask`` (shape of ``x``) is True where the input was not positive: there the output
    is 0 whatever the input, so no gradient flows back.

    >>> relu = Relu()
    >>> relu.forward(tensor([[1.0, -0.5], [-2.0, 3.0]]))
    tensor([[1., 0.],
            [0., 3.]])
    >>> relu.backward(tensor([[10.0, 10.0], [10.0, 10.0]]))
    tensor([[10.,  0.],
            [ 0., 10.]])

    At exactly 0 the gradient is 0, as the book has it (``x <= 0``). The book's ``Relu``
    in ``common/layers.py``, except that ``backward`` leaves ``dout`` as it was (the
    book's writes its zeros into ``dout`` and returns it).
    """

    def __init__(self) -> None:
        self.mask: Any = None  # set by forward: where x <= 0

    def forward(self, x: Tensor) -> Tensor:
        """``x`` with every element ``<= 0`` set to 0 (``x`` itself unchanged)."""
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout: Tensor) -> Tensor:
        """``dout`` with 0 where the input was ``<= 0``."""
        dx = dout.copy()
        dx[self.mask] = 0
        return dx


class Sigmoid:
    """The sigmoid as a layer: ``out = 1 / (1 + exp(-x))``; ``dx = dout * out * (1 - out)``.

    The derivative needs only the output, so that is what ``forward`` keeps.

    >>> layer = Sigmoid()
    >>> layer.forward(tensor([0.0, 2.0]))
    tensor([0.5       , 0.88079708])
    >>> layer.backward(tensor([1.0, 1.0]))                     # 0.5 * 0.5, and far smaller out there
    tensor([0.25      , 0.10499359])

    The book's ``Sigmoid`` in ``common/layers.py``.
    """

    def __init__(self) -> None:
        self.out: Any = None  # set by forward

    def forward(self, x: Any) -> Tensor:
        """``sigmoid(x)``, kept for ``backward``."""
        out: Tensor = sigmoid(x)
        self.out = out
        return out

    def backward(self, dout: Any) -> Tensor:
        """``dout * (1 - out) * out``."""
        dx: Tensor = dout * (1.0 - self.out) * self.out
        return dx


# ---------------------------------------------------------------------------
# 5.6: the affine layer and the output layer
# ---------------------------------------------------------------------------


class Affine:
    """The fully connected layer: ``out = x · W + b``.

    Shapes: ``x`` is ``(N, D)``, ``W`` is ``(D, M)``, ``b`` is ``(M,)`` and ``out`` is
    ``(N, M)``. An input of more axes (images, ``(N, C, H, W)``) is read as ``N`` rows of
    ``C * H * W`` numbers, and ``dx`` is given back in its shape. Backward::

        dx = dout · W.T            (N, D)
        dW = x.T · dout            (D, M)
        db = dout summed over N    (M,)

    ``W`` and ``b`` are the very tensors given (the network's ``params`` hold the same
    ones, so the optimizer's in-place updates reach the layer).

    ``needs_dx`` (True unless set): when False, ``backward`` computes only ``dW`` and
    ``db`` and returns None. A network sets it on its first layer, whose input is the
    data: nobody uses its ``dx``, and for MNIST's 784 inputs it is a third of the
    arithmetic of a training step (100 x 50 x 784 multiply-adds in a batch of 100).

    >>> layer = Affine(tensor([[1.0], [2.0], [3.0]]), tensor([0.0]))
    >>> x = tensor([[[1.0, 1.0, 1.0]], [[0.0, 1.0, 0.0]]])      # (2, 1, 3): two "images"
    >>> layer.forward(x)
    tensor([[6.],
            [2.]])
    >>> layer.backward(tensor([[1.0], [1.0]])).shape              # dx in the input's shape
    (2, 1, 3)
    >>> layer.forward(tensor([[1.0, 2.0]]))
    Traceback (most recent call last):
    ...
    ValueError: shapes (1,2) and (3,1) not aligned: 2 (dim 1) != 3 (dim 0)

    The book's ``Affine`` in ``common/layers.py``.
    """

    def __init__(self, W: Tensor, b: Tensor) -> None:
        self.W = W
        self.b = b
        self.needs_dx = True

        self.x: Any = None  # set by forward: the input as rows
        self.original_x_shape: Any = None
        # the gradients of the weights, set by backward
        self.dW: Any = None
        self.db: Any = None

    def forward(self, x: Tensor) -> Tensor:
        """``x · W + b``, for ``x`` of shape ``(N, D)`` or ``(N, ...)`` with ``D`` numbers after ``N``."""
        self.original_x_shape = x.shape
        x = x.reshape(x.shape[0], -1)  # one row per input, whatever its shape
        self.x = x

        out: Tensor = dot(self.x, self.W) + self.b
        return out

    def backward(self, dout: Tensor) -> Optional[Tensor]:
        """Set ``dW`` and ``db``; return ``dx`` (None when ``needs_dx`` is False)."""
        self.dW = dot(self.x.T, dout)
        self.db = dout.sum(axis=0)
        if not self.needs_dx:
            return None

        dx: Tensor = dot(dout, self.W.T)
        return dx.reshape(*self.original_x_shape)  # back to the input's shape (images stay images)


class SoftmaxWithLoss:
    """The output layer for learning: ``softmax``, then the cross-entropy against ``t``.

    Forward returns the loss (a number), averaged over the batch. Backward returns the
    derivative of that loss with respect to the scores ``x``, which comes out as simply
    ``(y - t) / N``: the softmax's output minus the answer (this is why the two are
    one layer). With labels ``t``, 1 is taken off the right class's probability in each row.

    Shapes: ``x`` and ``y`` are ``(N, classes)``; ``t`` is one-hot ``(N, classes)`` or
    labels ``(N,)``.

    >>> layer = SoftmaxWithLoss()
    >>> layer.forward(tensor([[2.0, 2.0], [0.0, 0.0]]), tensor([0, 1]))    # even odds: log 2
    0.6931...
    >>> layer.backward()                                   # (y - t) / 2; each row sums to 0
    tensor([[-0.25,  0.25],
            [ 0.25, -0.25]])

    ``dout`` is the derivative of the final loss with respect to this layer's loss: 1
    when this is the loss (the book always passes 1). The book's ``SoftmaxWithLoss`` in
    ``common/layers.py``.
    """

    def __init__(self) -> None:
        self.loss: Any = None
        self.y: Any = None  # the output of softmax
        self.t: Any = None  # the answers: one-hot rows or labels

    def forward(self, x: Tensor, t: Tensor) -> float:
        """The cross-entropy of ``softmax(x)`` against ``t``, averaged over the batch."""
        self.t = t
        self.y = softmax(x)
        loss = cross_entropy_error(self.y, self.t)
        self.loss = loss
        return loss

    def backward(self, dout: Any = 1) -> Tensor:
        """``dout * (y - t) / N``."""
        batch_size = self.t.shape[0]
        dx: Tensor
        if self.t.size == self.y.size:  # one-hot rows
            dx = (self.y - self.t) / batch_size
        else:  # labels: take 1 off each row's right class
            dx = self.y.copy()
            dx[arange(batch_size), self.t] -= 1
            dx /= batch_size
        if dout != 1:  # the book leaves this out: it always passes 1
            dx = dx * dout
        return dx


# ---------------------------------------------------------------------------
# 6.4.3 and 6.3: dropout and batch normalisation
# ---------------------------------------------------------------------------


class Dropout:
    """Dropout: while training, each neuron is switched off at random (with probability
    ``dropout_ratio``), a new choice each forward pass; when testing, every neuron is on
    and the output is scaled by ``1 - dropout_ratio`` to match the training average.

    ``mask`` (shape of ``x``) is True for the neurons kept; backward lets the gradient
    through those only. The draws are ``random.rand(*x.shape) > dropout_ratio``: the
    same numbers as NumPy's for the same seed.

    >>> random.seed(0)
    >>> layer = Dropout(dropout_ratio=0.5)
    >>> layer.forward(tensor([1.0, 2.0, 3.0, 4.0]))            # rand: 0.55, 0.72, 0.60, 0.54
    tensor([1., 2., 3., 4.])
    >>> layer.forward(tensor([1.0, 2.0, 3.0, 4.0]))            # rand: 0.42, 0.65, 0.44, 0.89
    tensor([0., 2., 0., 4.])
    >>> layer.backward(tensor([1.0, 1.0, 1.0, 1.0]))
    tensor([0., 1., 0., 1.])
    >>> layer.forward(tensor([1.0, 2.0, 3.0, 4.0]), train_flg=False)
    tensor([0.5, 1. , 1.5, 2. ])

    The book's ``Dropout`` in ``common/layers.py`` (Srivastava et al.,
    http://arxiv.org/abs/1207.0580).
    """

    def __init__(self, dropout_ratio: float = 0.5) -> None:
        self.dropout_ratio = dropout_ratio
        self.mask: Any = None  # set by forward in training: the neurons kept

    def forward(self, x: Tensor, train_flg: bool = True) -> Tensor:
        """``x * mask`` with a fresh random mask (training), or ``x * (1 - dropout_ratio)``."""
        if train_flg:
            self.mask = random.rand(*x.shape) > self.dropout_ratio
            out: Tensor = x * self.mask
            return out
        else:
            out = x * (1.0 - self.dropout_ratio)
            return out

    def backward(self, dout: Tensor) -> Tensor:
        """``dout * mask``: no gradient through the neurons that were off."""
        dx: Tensor = dout * self.mask
        return dx


class BatchNormalization:
    """Batch normalisation: each feature scaled to mean 0 and variance 1 over the batch,
    then ``gamma * xn + beta`` (a scale and shift that are learnt).

    Training (``train_flg=True``), for ``x`` of shape ``(N, D)``, feature by feature::

        mu  = mean of x over N           xc = x - mu
        var = mean of xc ** 2 over N     std = sqrt(var + 10e-7)
        xn  = xc / std                   out = gamma * xn + beta

    and ``running_mean``/``running_var`` move towards ``mu`` and ``var`` by
    ``1 - momentum`` each time. Testing uses those running averages instead of the batch's.
    An input of more axes is read as ``N`` rows (as ``Affine`` does). ``backward`` follows
    the computation graph of the book's figure 6-17 back, step by step, and sets
    ``dgamma`` and ``dbeta``.

    >>> bn = BatchNormalization(gamma=tensor([1.0, 2.0]), beta=tensor([0.0, 1.0]))
    >>> bn.forward(tensor([[1.0, 10.0], [3.0, 30.0]]))         # each column: -1 and +1, then scaled
    tensor([[-0.9999995 , -0.99999999],
            [ 0.9999995 ,  2.99999999]])
    >>> bn.running_mean                                          # 0.1 of the way from 0 to mu
    tensor([0.2, 2. ])
    >>> bn.backward(tensor([[1.0, 0.0], [0.0, 0.0]]))[0]   # two rows are -1 and +1 whatever x is:
    tensor([4.9999925e-07, 0.0000000e+00])

    (so ``dx`` is almost 0). The book's ``BatchNormalization`` in ``common/layers.py`` (Ioffe and Szegedy,
    http://arxiv.org/abs/1502.03167), with its ``10e-7`` (that is, 1e-6).
    """

    def __init__(
        self,
        gamma: Tensor,
        beta: Tensor,
        momentum: float = 0.9,
        running_mean: Optional[Tensor] = None,
        running_var: Optional[Tensor] = None,
    ) -> None:
        self.gamma = gamma
        self.beta = beta
        self.momentum = momentum
        self.input_shape: Any = None  # (N, D), or (N, C, H, W) after a convolution

        # the averages used when testing
        self.running_mean: Any = running_mean
        self.running_var: Any = running_var

        # what backward needs, set by forward
        self.batch_size: Any = None
        self.xc: Any = None
        self.xn: Any = None
        self.std: Any = None
        self.dgamma: Any = None
        self.dbeta: Any = None

    def forward(self, x: Tensor, train_flg: bool = True) -> Tensor:
        """``gamma * xn + beta``, ``xn`` normalised by the batch (training) or the running averages."""
        self.input_shape = x.shape
        if x.ndim != 2:
            x = x.reshape(x.shape[0], -1)

        out = self._forward(x, train_flg)
        return out.reshape(*self.input_shape)

    def _forward(self, x: Tensor, train_flg: bool) -> Tensor:
        if self.running_mean is None:
            N, D = x.shape
            self.running_mean = zeros(D)
            self.running_var = zeros(D)

        if train_flg:
            mu = x.mean(axis=0)
            xc = x - mu
            var = (xc**2).mean(axis=0)
            std = sqrt(var + 10e-7)
            xn = xc / std

            self.batch_size = x.shape[0]
            self.xc = xc
            self.xn = xn
            self.std = std
            self.running_mean = self.momentum * self.running_mean + (1 - self.momentum) * mu
            self.running_var = self.momentum * self.running_var + (1 - self.momentum) * var
        else:
            xc = x - self.running_mean
            xn = xc / sqrt(self.running_var + 10e-7)

        out: Tensor = self.gamma * xn + self.beta
        return out

    def backward(self, dout: Tensor) -> Tensor:
        """``dx`` in the input's shape; sets ``dgamma`` and ``dbeta``."""
        if dout.ndim != 2:
            dout = dout.reshape(dout.shape[0], -1)

        dx = self._backward(dout)
        return dx.reshape(*self.input_shape)

    def _backward(self, dout: Tensor) -> Tensor:
        # out = gamma * xn + beta, then back through xn = xc / std, std = sqrt(var + eps),
        # var = mean(xc ** 2) and xc = x - mu, each step the chain rule on the one before.
        dbeta = dout.sum(axis=0)
        dgamma = (self.xn * dout).sum(axis=0)
        dxn = self.gamma * dout
        dxc = dxn / self.std
        dstd = -((dxn * self.xc) / (self.std * self.std)).sum(axis=0)
        dvar = 0.5 * dstd / self.std
        dxc += (2.0 / self.batch_size) * self.xc * dvar
        dmu = dxc.sum(axis=0)
        dx: Tensor = dxc - dmu / self.batch_size

        self.dgamma = dgamma
        self.dbeta = dbeta
        return dx
