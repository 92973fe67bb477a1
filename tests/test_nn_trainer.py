"""zeronn.nn.trainer: NumPy's losses and printed lines for a seeded training run, the
hooks, and a clean stop on Ctrl-C."""

import contextlib
import io

import pytest

import zeronn
import zeronn.nn
from zeronn import random, tensor
from zeronn.nn import MultiLayerNet, Trainer, TwoLayerNet


def blobs(np, seed, n=60, features=6, classes=3):
    """Three clouds of points and their labels, drawn with np.random after ``seed``."""
    np.random.seed(seed)
    t = np.random.randint(0, classes, size=n)
    centres = 2.0 * np.random.randn(classes, features)
    x = centres[t] + 0.5 * np.random.randn(n, features)
    return x, t


def training_run(np, nn):
    """The book's Trainer with its printed lines, on MultiLayerNetExtend (batch norm,
    weight decay) and Momentum: three epochs of six steps. (The Trainer's loss is the
    testing loss, which uses batch norm's running averages: they start at 0 and take a
    few steps to warm up, hence the large first losses and the low first accuracies.)"""
    x, t = blobs(np, seed=1)
    network = nn.MultiLayerNetExtend(6, [8, 8], 3, use_batchnorm=True, weight_decay_lambda=0.01)
    trainer = nn.Trainer(network, x, t, x[:30], t[:30], epochs=3, mini_batch_size=10, optimizer="Momentum",
                         optimizer_param={"lr": 0.01}, evaluate_sample_num_per_epoch=20)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        trainer.train()
    return printed.getvalue().splitlines()


NUMPY_TRAINING_RUN = ['train loss:13.224707337863304', '=== epoch:1, train acc:0.0, test acc:0.0 ===',
                      'train loss:9.664923932992783', 'train loss:5.546102078352034', 'train loss:3.074888467635078',
                      'train loss:2.8576094757122927', 'train loss:2.308546324489102', 'train loss:1.455058548454964',
                      '=== epoch:2, train acc:0.1, test acc:0.1 ===', 'train loss:1.7130049198992359',
                      'train loss:1.4165065708013547', 'train loss:1.2326178698986063',
                      'train loss:1.3396922082696117', 'train loss:1.029415949342773', 'train loss:0.798690494057044',
                      '=== epoch:3, train acc:0.65, test acc:0.65 ===', 'train loss:0.8168121165562798',
                      'train loss:0.8263576497815541', 'train loss:0.5715780464997396',
                      'train loss:0.705889697709706', 'train loss:0.5829660728274724',
                      '=============== Final Test Accuracy ===============', 'test acc:0.6666666666666666']


def test_a_training_run_prints_numpys_lines():
    lines = training_run(zeronn, zeronn.nn)
    assert len(lines) == len(NUMPY_TRAINING_RUN)
    for line, expected in zip(lines, NUMPY_TRAINING_RUN):
        if line.startswith("train loss:"):  # the sums of a forward pass: the same to the last bits
            assert expected.startswith("train loss:")
            assert abs(float(line[11:]) - float(expected[11:])) <= 1e-12 * float(expected[11:])
        else:  # the epochs' accuracies (counts divided by a count) and the last lines: to the letter
            assert line == expected


def small_trainer(**options):
    x, t = blobs(zeronn, seed=2)
    random.seed(0)
    network = TwoLayerNet(6, 8, 3, weight_init_std=0.5)
    settings = dict(epochs=2, mini_batch_size=10, optimizer="Adam", optimizer_param={"lr": 0.05}, verbose=False)
    settings.update(options)
    return Trainer(network, x, t, x[:20], t[:20], **settings)


def test_the_hooks_see_every_step_and_every_epoch():
    steps, epochs = [], []
    trainer = small_trainer(on_step=lambda i, loss: steps.append((i, loss)), on_epoch=lambda *e: epochs.append(e))
    final = trainer.train()
    assert trainer.max_iter == 12 and [i for i, _ in steps] == list(range(1, 13))
    assert [loss for _, loss in steps] == trainer.train_loss_list
    assert epochs == [(1, trainer.train_acc_list[0], trainer.test_acc_list[0]),
                      (2, trainer.train_acc_list[1], trainer.test_acc_list[1])]
    assert final == trainer.network.accuracy(trainer.x_test, trainer.t_test) and not trainer.interrupted


def test_an_epoch_begins_where_the_books_modulo_says():
    # 25 inputs in batches of 10: 2.5 steps an epoch; the book tests current_iter % 2.5 == 0,
    # which whole step numbers meet at 0 and 5 only.
    trainer = small_trainer(epochs=4)
    trainer.x_train, trainer.t_train = trainer.x_train[:25], trainer.t_train[:25]
    trainer.train_size = 25
    trainer.iter_per_epoch = max(25 / 10, 1)
    trainer.max_iter = int(4 * trainer.iter_per_epoch)
    trainer.train()
    assert (trainer.max_iter, len(trainer.train_loss_list), len(trainer.test_acc_list)) == (10, 10, 2)


class StopsAt:
    """A network that raises KeyboardInterrupt, as Ctrl-C would, in its ``stop``-th gradient."""

    def __init__(self, network, stop):
        self.network, self.stop, self.calls = network, stop, 0
        self.params = network.params

    def gradient(self, x, t):
        self.calls += 1
        if self.calls == self.stop:
            raise KeyboardInterrupt
        return self.network.gradient(x, t)

    def loss(self, x, t):
        return self.network.loss(x, t)

    def accuracy(self, x, t):
        return self.network.accuracy(x, t)


def test_ctrl_c_stops_cleanly_keeps_what_was_learnt_and_train_goes_on():
    trainer = small_trainer(verbose=True)
    trainer.network = StopsAt(trainer.network, stop=5)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert trainer.train() is None
    assert trainer.interrupted and trainer.current_iter == 4 and len(trainer.train_loss_list) == 4
    assert printed.getvalue().splitlines()[-1] == "=== interrupted after 4 of 12 iterations ==="
    learnt = trainer.network.params["W1"].tolist()
    assert trainer.network.loss(trainer.x_train, trainer.t_train) < 1.0  # four Adam steps were kept
    with contextlib.redirect_stdout(io.StringIO()):
        final = trainer.train()  # and again: the remaining eight steps
    assert final is not None and not trainer.interrupted and trainer.current_iter == 12
    assert trainer.network.params["W1"].tolist() != learnt


def test_an_unknown_optimizer_is_named_with_the_known_ones():
    x = tensor([[0.0]])
    with pytest.raises(ValueError, match="unknown optimizer 'lbfgs': use one of sgd, momentum, nesterov, adagrad, "):
        Trainer(MultiLayerNet(1, [1], 2), x, tensor([0]), x, tensor([0]), optimizer="lbfgs")
