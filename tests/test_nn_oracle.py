"""zeronn.nn against the book's own code on NumPy (marked oracle: they skip without NumPy
or without the book in ../shared/book).

The unit tests of zeronn.nn hold NumPy's numbers as literals; each literal comes from a
scenario function written once, beside its literal, that takes the tensor library and
the deep-learning names as arguments. Here those same scenarios run on NumPy with the
book's ``common/`` classes and functions (imported from the book's own files), and
must give the literals: so every literal is NumPy's, on the book's code.
"""

import importlib
import sys
import types
from contextlib import contextmanager

import pytest
from conftest import SHARED_DATA

BOOK = SHARED_DATA.parent / "book"
# The book's modules, as its scripts import them (ch05's two_layer_net, layer_naive beside it).
BOOK_MODULES = ("common.functions", "common.gradient", "common.layers", "common.optimizer", "common.multi_layer_net",
                "common.multi_layer_net_extend", "common.trainer", "two_layer_net", "layer_naive")

pytestmark = pytest.mark.oracle


def _forget_the_books_modules():
    roots = {name.split(".")[0] for name in BOOK_MODULES}
    for name in [name for name in sys.modules if name.split(".")[0] in roots]:
        del sys.modules[name]


@contextmanager
def the_books_code():
    """``(numpy, book)``: NumPy, and a namespace of the book's classes and functions
    imported from its own files with ``import numpy`` giving NumPy (the book runner's
    stand-in modules are forgotten before and after)."""
    numpy = pytest.importorskip("numpy")
    if not BOOK.is_dir():
        pytest.skip("the book's code is not in ../shared/book")
    saved_path = list(sys.path)
    _forget_the_books_modules()
    sys.path[:0] = [str(BOOK), str(BOOK / "ch05")]
    try:
        book = types.SimpleNamespace()
        for name in BOOK_MODULES:
            module = importlib.import_module(name)
            assert module.np is numpy if hasattr(module, "np") else True
            book.__dict__.update({key: value for key, value in vars(module).items() if not key.startswith("_")})
        yield numpy, book
    finally:
        sys.path[:] = saved_path
        _forget_the_books_modules()


# ---------------------------------------------------------------------------
# Each literal is NumPy's, on the book's code
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "module, scenario, literal",
    [
        ("test_nn_layers", "every_layer", "NUMPY_EVERY_LAYER"),
        ("test_nn_optimizers", "trajectories", "NUMPY_TRAJECTORIES"),
        ("test_nn_weight_init", "initial_weights", "NUMPY_INITIAL_WEIGHTS"),
        ("test_nn_networks", "seeded_networks", "NUMPY_SEEDED_NETWORKS"),
        ("test_nn_trainer", "training_run", "NUMPY_TRAINING_RUN"),
    ],
)
def test_each_literal_is_its_scenario_on_the_books_code_and_numpy(module, scenario, literal):
    tests = importlib.import_module(module)
    with the_books_code() as (numpy, book):
        assert getattr(tests, scenario)(numpy, book) == getattr(tests, literal)


def test_the_books_losses_and_derivatives_on_numpy_are_the_literals():
    with the_books_code() as (numpy, book):
        numpy.random.seed(0)
        x = numpy.random.randn(4, 5)
        t = numpy.random.randint(0, 5, size=4)
        assert book.softmax_loss(x, t) == 2.0643202260176765  # tests/test_nn_losses.py
        assert book.sum_squared_error(book.softmax(x), numpy.eye(5)[t]) == 1.8894341941868635
        assert book.sigmoid_grad(numpy.array([-2.0, 3.0])).tolist() == [0.1049935854035065, 0.045176659730912]
        grad = book.numerical_gradient(lambda x: numpy.sum(x**2), numpy.array([3.0, 0.0]))
        assert grad.tolist() == [6.000000000012662, 0.0]  # tests/test_nn_gradient.py


def test_zeronn_and_the_book_on_numpy_train_alike_for_any_seed():
    """Not a literal: the same scenario, fresh seeds, both sides computed here."""
    from test_nn_trainer import blobs

    import zeronn
    import zeronn.nn

    def run(np, nn, seed):
        x, t = blobs(np, seed)
        network = nn.MultiLayerNetExtend(6, [5], 3, activation="sigmoid", weight_init_std="xavier",
                                         use_dropout=True, dropout_ration=0.2, weight_decay_lambda=0.01)
        trainer = nn.Trainer(network, x, t, x, t, epochs=2, mini_batch_size=8, optimizer="AdaGrad",
                             optimizer_param={"lr": 0.1}, verbose=False)
        trainer.train()
        return [float(v) for v in trainer.train_loss_list], [float(v) for v in trainer.test_acc_list]

    with the_books_code() as (numpy, book):
        for seed in (3, 4, 5):
            numpy_losses, numpy_accuracies = run(numpy, book, seed)
            losses, accuracies = run(zeronn, zeronn.nn, seed)
            assert accuracies == numpy_accuracies
            assert all(abs(a - b) <= 1e-12 * b for a, b in zip(losses, numpy_losses))
