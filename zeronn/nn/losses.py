"""Loss functions: how far a network's output is from the answer (section 4.2 of the book).

Learning means making one number small. That number is the loss: 0 when the network
is right and sure of it, larger the further it is off.

- ``sum_squared_error(y, t)`` (the book's ``mean_squared_error``, 4.2.1): half the sum of
  the squared differences;
- ``cross_entropy_error(y, t)`` (4.2.2, 4.2.4): minus the log of the probability the
  network gave the right answer, averaged over a batch; ``t`` one-hot or labels;
- ``softmax_loss(x, t)``: ``softmax`` then ``cross_entropy_error``, from raw scores.

``y`` is a probability vector (one input) or a batch of them (one row per input), such as
``softmax`` gives; ``t`` is the answer, as one-hot rows (``[0, 0, 1]``) or as labels (``2``).

>>> y = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]   # the book's example: "2", at 60 %
>>> t = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
>>> sum_squared_error(y, t), cross_entropy_error(y, t)
(0.0975..., 0.5108...)
"""

from __future__ import annotations

__all__ = ["sum_squared_error", "mean_squared_error", "cross_entropy_error", "softmax_loss"]

from typing import Any

from ..core import as_tensor
from ..creation import arange
from ..ufuncs import log
from .activations import softmax


def sum_squared_error(y: Any, t: Any) -> float:
    """``0.5 * sum((y - t) ** 2)``: half the sum of squares, over every element of a batch.

    The book names it ``mean_squared_error`` in the text and ``sum_squared_error`` in its
    ``common/functions.py``; it is a sum, not a mean (``mean_squared_error`` is kept as
    the same function). The ``0.5`` makes its derivative plain ``y - t``.

    >>> sum_squared_error([0.1, 0.05, 0.6, 0.0], [0, 0, 1, 0])
    0.0862...
    >>> sum_squared_error([[1.0, 2.0], [3.0, 4.0]], [[1.0, 2.0], [3.0, 6.0]])   # a batch: one sum
    2.0

    Shapes that do not broadcast raise NumPy's ``ValueError``.
    """
    y, t = as_tensor(y), as_tensor(t)
    loss: float = 0.5 * ((y - t) ** 2).sum()
    return loss


mean_squared_error = sum_squared_error  # the name in the book's text (section 4.2.1)


def cross_entropy_error(y: Any, t: Any) -> float:
    """``-sum(t * log(y + 1e-7)) / batch_size``: the cross-entropy, averaged over the batch.

    Only the right answer's probability counts (``t`` is 0 elsewhere), so the sum is a
    pick: for each row, minus the log of ``y[row, answer]``. ``t`` is either one-hot
    (the same shape as ``y``) or the labels (one integer per row); one-hot rows are turned
    into labels with ``argmax``. The tiny ``1e-7`` keeps ``log(0)``, which is ``-inf``,
    out of the sum. A 1-d ``y`` is one input, a batch of one.

    - ``y``: shape ``(N, classes)`` or ``(classes,)``, probabilities;
    - ``t``: one-hot, shape as ``y``; or labels, shape ``(N,)`` (or a single label for 1-d ``y``).

    >>> cross_entropy_error([0.1, 0.05, 0.6, 0.0], [0, 0, 1, 0])
    0.5108...
    >>> cross_entropy_error([[0.1, 0.9], [0.8, 0.2]], [1, 0])       # labels: -(log 0.9 + log 0.8) / 2
    0.164...
    >>> cross_entropy_error([0.0, 1.0], [1, 0])                     # sure and wrong: large, not inf
    16.11809565095832

    A label that is not a column of ``y`` raises NumPy's ``IndexError``. The book's
    ``cross_entropy_error`` in ``common/functions.py``.
    """
    y, t = as_tensor(y), as_tensor(t)
    if y.ndim == 1:  # one input: a batch of one
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:  # one-hot rows: take the index of each row's 1
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    loss: float = -log(y[arange(batch_size), t] + 1e-7).sum() / batch_size
    return loss


def softmax_loss(X: Any, t: Any) -> float:
    """``cross_entropy_error(softmax(X), t)``: the loss straight from the scores ``X``.

    >>> softmax_loss([[2.0, 2.0]], [0])        # even odds: log 2
    0.6931...

    The book's ``softmax_loss`` in ``common/functions.py``; ``SoftmaxWithLoss`` (in
    ``layers.py``) is the same as a layer, with its backward pass.
    """
    y = softmax(X)
    return cross_entropy_error(y, t)
