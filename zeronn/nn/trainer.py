"""The training loop (chapter 6's ``Trainer``): mini-batches, gradients, updates, and
the accuracy after each epoch.

One step: draw ``mini_batch_size`` random training inputs (with ``random.choice``, as
the book does), compute the gradient, let the optimizer update ``network.params``, and
record the loss. Every epoch (as many steps as it takes to draw as many inputs as the
training set has, on average), measure the accuracy on the training and the test data.

With ``verbose`` the book's lines are printed (``train loss:...`` each step, ``=== epoch:1,
train acc:..., test acc:... ===`` each epoch). For a program of its own: ``on_step`` is
called after each step with its number (from 1) and the loss, ``on_epoch`` with the
epoch's number and both accuracies; ``train_loss_list``, ``train_acc_list`` and
``test_acc_list`` keep them all. Ctrl-C (``KeyboardInterrupt``) stops ``train`` cleanly:
the network keeps what it has learnt, ``interrupted`` is True, and ``train()`` again goes on.

>>> random.seed(0)
>>> x = random.randn(40, 2); t = tensor(x.sum(axis=1) > 0, dtype=int)   # which side of a line
>>> network = TwoLayerNet(input_size=2, hidden_size=8, output_size=2, weight_init_std=0.5)
>>> trainer = Trainer(network, x, t, x, t, epochs=4, mini_batch_size=10,
...                   optimizer="Adam", optimizer_param={"lr": 0.1}, verbose=False)
>>> trainer.train()                                    # the test accuracy at the end
0.975
>>> trainer.test_acc_list, len(trainer.train_loss_list)  # after each epoch's first step; the steps
([0.575, 0.925, 0.975, 0.95], 16)
"""

from __future__ import annotations

__all__ = ["Trainer"]

from typing import Any, Callable, Dict, List, Optional

from .. import random
from ..core import Tensor, tensor  # noqa: F401  (tensor: the example uses it)
from .networks import TwoLayerNet  # noqa: F401  (the example uses it)
from .optimizers import SGD, AdaGrad, Adam, Momentum, Nesterov, RMSprop

OPTIMIZERS: Dict[str, Callable[..., Any]] = {
    "sgd": SGD,
    "momentum": Momentum,
    "nesterov": Nesterov,
    "adagrad": AdaGrad,
    "rmsprop": RMSprop,
    "adam": Adam,
}


class Trainer:
    """Train ``network`` on ``(x_train, t_train)`` for ``epochs``, testing on ``(x_test, t_test)``.

    - ``network``: anything with ``params``, ``gradient(x, t)``, ``loss(x, t)`` and
      ``accuracy(x, t)`` (the networks of ``networks.py``, or the book's own);
    - ``epochs`` (20), ``mini_batch_size`` (100);
    - ``optimizer``: the name of one in ``optimizers.py`` (any case: ``'SGD'``,
      ``'Momentum'``, ``'Nesterov'``, ``'AdaGrad'``, ``'RMSprop'``, ``'Adam'``), made with
      ``optimizer_param`` (``{'lr': 0.01}``);
    - ``evaluate_sample_num_per_epoch``: measure each epoch's accuracies on the first
      that many inputs only (None: all of them);
    - ``verbose``: print the book's lines;
    - ``on_step(iteration, loss)``, ``on_epoch(epoch, train_acc, test_acc)``: called as
      they happen (None: not called).

    ``train()`` runs ``max_iter = int(epochs * iter_per_epoch)`` steps of ``train_step()``,
    where ``iter_per_epoch = max(train_size / mini_batch_size, 1)``, and returns the final
    test accuracy (None when interrupted). A Ctrl-C that arrives during the optimizer's
    update may leave that step partly applied (some parameters moved, not yet the others).

    >>> Trainer(None, tensor([[0.0]]), tensor([0]), tensor([[0.0]]), tensor([0]), optimizer="LBFGS")
    Traceback (most recent call last):
    ...
    ValueError: unknown optimizer 'LBFGS': use one of sgd, momentum, nesterov, adagrad, rmsprop, adam

    The book's ``Trainer`` in ``common/trainer.py``, with the same arguments and lines.
    """

    def __init__(
        self,
        network: Any,
        x_train: Tensor,
        t_train: Tensor,
        x_test: Tensor,
        t_test: Tensor,
        epochs: int = 20,
        mini_batch_size: int = 100,
        optimizer: str = "SGD",
        optimizer_param: Optional[Dict[str, Any]] = None,
        evaluate_sample_num_per_epoch: Optional[int] = None,
        verbose: bool = True,
        on_step: Optional[Callable[[int, float], Any]] = None,
        on_epoch: Optional[Callable[[int, float, float], Any]] = None,
    ) -> None:
        if not isinstance(optimizer, str) or optimizer.lower() not in OPTIMIZERS:
            raise ValueError(f"unknown optimizer {optimizer!r}: use one of {', '.join(OPTIMIZERS)}")
        self.network = network
        self.verbose = verbose
        self.x_train = x_train
        self.t_train = t_train
        self.x_test = x_test
        self.t_test = t_test
        self.epochs = epochs
        self.batch_size = mini_batch_size
        self.evaluate_sample_num_per_epoch = evaluate_sample_num_per_epoch
        self.on_step = on_step
        self.on_epoch = on_epoch

        # optimizer
        self.optimizer = OPTIMIZERS[optimizer.lower()](**(optimizer_param or {"lr": 0.01}))

        self.train_size = x_train.shape[0]
        self.iter_per_epoch = max(self.train_size / mini_batch_size, 1)
        self.max_iter = int(epochs * self.iter_per_epoch)
        self.current_iter = 0
        self.current_epoch = 0
        self.interrupted = False

        self.train_loss_list: List[float] = []
        self.train_acc_list: List[float] = []
        self.test_acc_list: List[float] = []

    def train_step(self) -> None:
        """One mini-batch: gradient, update, loss; and the accuracies when an epoch begins."""
        batch_mask = random.choice(self.train_size, self.batch_size)
        x_batch = self.x_train[batch_mask]
        t_batch = self.t_train[batch_mask]

        grads = self.network.gradient(x_batch, t_batch)
        self.optimizer.update(self.network.params, grads)

        loss = self.network.loss(x_batch, t_batch)  # after the update, as the book records it
        self.train_loss_list.append(loss)
        if self.verbose:
            print("train loss:" + str(loss))

        if self.current_iter % self.iter_per_epoch == 0:
            self.current_epoch += 1
            train_acc, test_acc = self._accuracies()
            self.train_acc_list.append(train_acc)
            self.test_acc_list.append(test_acc)
            if self.verbose:
                print(f"=== epoch:{self.current_epoch}, train acc:{train_acc}, test acc:{test_acc} ===")
            if self.on_epoch is not None:
                self.on_epoch(self.current_epoch, train_acc, test_acc)
        self.current_iter += 1
        if self.on_step is not None:
            self.on_step(self.current_iter, loss)

    def train(self) -> Optional[float]:
        """Run the steps left of ``max_iter``; then the test accuracy on all of the test data."""
        self.interrupted = False
        try:
            while self.current_iter < self.max_iter:
                self.train_step()
        except KeyboardInterrupt:
            self.interrupted = True
            if self.verbose:
                print(f"=== interrupted after {self.current_iter} of {self.max_iter} iterations ===")
            return None

        test_acc: float = self.network.accuracy(self.x_test, self.t_test)
        if self.verbose:
            print("=============== Final Test Accuracy ===============")
            print("test acc:" + str(test_acc))
        return test_acc

    def _accuracies(self) -> Any:
        """``(train_acc, test_acc)``, on the first ``evaluate_sample_num_per_epoch`` inputs or all."""
        n = self.evaluate_sample_num_per_epoch  # None: x[:None] is all of x
        train_acc = self.network.accuracy(self.x_train[:n], self.t_train[:n])
        test_acc = self.network.accuracy(self.x_test[:n], self.t_test[:n])
        return train_acc, test_acc
