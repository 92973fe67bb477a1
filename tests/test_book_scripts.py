"""The book's own scripts (../shared/book), unchanged, run on zeronn by ``zeronn.book``.

Each runs in a copy of the book's folder (the book's MNIST loader writes its cache beside
itself), with ``import numpy`` giving zeronn. Printed numbers are compared with what the
same scripts print with NumPy 2.4 and the same seed, written down as literals. The
scripts that load all of MNIST are marked slow.

Where a script of the book only draws a chart, or needs all of MNIST and minutes, a short
driver written into the copy calls the book's own code (its ``common/`` classes and
functions, a chapter's module) the way its scripts do, and prints what NumPy printed
for the same driver. The book's code itself is never copied here.
"""

import gzip
import shutil
import struct

import pytest
from conftest import SHARED_DATA

from zeronn.testing import assert_allclose
from zeronn.tools.book import run_script

BOOK = SHARED_DATA.parent / "book"
needs_the_book = pytest.mark.skipif(not BOOK.is_dir(), reason="the book's code is not in ../shared/book")


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    if not BOOK.is_dir():
        pytest.skip("the book's code is not in ../shared/book")
    folder = tmp_path_factory.mktemp("book") / "book"
    shutil.copytree(BOOK, folder)
    for path in folder.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)  # the shared copy is read-only
    return folder


def run(book, script, capsys, **options):
    run_script(book / script, **options)
    return capsys.readouterr().out


def run_driver(book, script, source, capsys):
    """Write ``source`` as ``script`` into the copy of the book, run it as the book's own, and
    return what it printed."""
    (book / script).write_text(source)
    return run(book, script, capsys)


@pytest.mark.parametrize("script", ["ch03/step_function.py", "ch03/sigmoid.py", "ch03/relu.py",
                                    "ch03/sig_step_compare.py", "ch04/gradient_method.py"])
def test_plotting_scripts_draw_their_charts_in_the_terminal(book, capsys, script):
    out = run(book, script, capsys)
    assert "└" in out or "+--" in out  # a chart's x axis


def test_gradient_1d_prints_numpys_derivative(book, capsys):
    assert run(book, "ch04/gradient_1d.py", capsys).splitlines()[0] == "0.1999999999990898"


def test_gradient_2d_runs_and_says_what_it_cannot_draw(book, capsys):
    assert "quiver not drawn in the terminal" in run(book, "ch04/gradient_2d.py", capsys)


def test_gradient_simplenet_prints_numpys_gradient_for_seed_0(book, capsys):
    out = run(book, "ch04/gradient_simplenet.py", capsys, seed=0)
    assert out == "[[ 0.44452826  0.14014461 -0.58467287]\n [ 0.66679239  0.21021692 -0.87700931]]\n"


def test_the_layer_scripts_print_the_books_prices(book, capsys):
    out = run(book, "ch05/buy_apple_orange.py", capsys)
    assert out == "price: 715\ndApple: 2.2\ndApple_num: 110\ndOrange: 3.3000000000000003\ndOrange_num: 165\ndTax: 650\n"
    assert run(book, "ch05/buy_apple.py", capsys) == "price: 220\ndApple: 2.2\ndApple_num: 110\ndTax: 200\n"


FIELD = """\
import numpy as np
from gradient_2d import numerical_gradient, function_2

X, Y = np.meshgrid(np.arange(-2, 2.5, 0.25), np.arange(-2, 2.5, 0.25))
grad = numerical_gradient(function_2, np.array([X.flatten(), Y.flatten()]).T).T
print(grad.shape, grad[:, :3].tolist(), round(float(grad.sum()), 6))
"""


def test_the_gradient_field_of_gradient_2d_is_numpys(book, capsys):
    # gradient_2d.py's own lines, whose quiver plot a terminal cannot draw: its
    # numerical_gradient walks the rows of a transpose and writes grad[idx] row by row.
    out = run_driver(book, "ch04/_field.py", FIELD, capsys)
    assert out == ("(2, 324) [[-3.9999999999995595, -3.5000000000007248, -3.00000000000189], "
                   "[-3.9999999999995595, -4.000000000004, -4.000000000004]] 162.0\n")


DESCENT = """\
import numpy as np
from gradient_method import gradient_descent, function_2

init_x = np.array([-3.0, 4.0])
x, x_history = gradient_descent(function_2, init_x, lr=0.1, step_num=100)
print(x is init_x, x.tolist(), x_history.shape, x_history[1].tolist())
"""


def test_the_books_gradient_descent_changes_x_in_place_and_reaches_numpys_minimum(book, capsys):
    last = run_driver(book, "ch04/_descent.py", DESCENT, capsys).splitlines()[-1]  # after gradient_method's chart
    assert last == ("True [-6.111107928998789e-10, 8.148143905314271e-10] (100, 2) "
                    "[-2.399999999999622, 3.200000000000088]")


FUNCTIONS = """\
import numpy as np
from common.functions import *
from common.gradient import numerical_gradient

x = np.array([[-1.0, 0.5, 2.0], [3.0, -0.25, 0.0]])
t = np.array([2, 0])
print(step_function(x).tolist(), relu_grad(x).tolist())
print(sigmoid(x).tolist())
print(sigmoid_grad(x).tolist())
print(softmax(x).tolist())
print(cross_entropy_error(softmax(x), t), softmax_loss(x, t), sum_squared_error(softmax(x), np.eye(3)[t]))
print(numerical_gradient(lambda w: np.sum(softmax(w) * np.arange(3.0)), x).tolist())
"""


def test_the_books_common_functions_print_numpys_numbers(book, capsys):
    lines = run_driver(book, "_functions.py", FUNCTIONS, capsys).splitlines()
    assert lines[0] == "[[0, 1, 1], [1, 0, 0]] [[0.0, 1.0, 1.0], [1.0, 0.0, 1.0]]"
    numpy = [
        [[0.2689414213699951, 0.6224593312018546, 0.8807970779778823], [0.9525741268224334, 0.43782349911420193, 0.5]],
        [[0.19661193324148185, 0.2350037122015945, 0.10499358540350662], [0.045176659730912, 0.24613408273759835,
                                                                            0.25]],
        [[0.039112573270687456, 0.1752903921400367, 0.7855970345892759],
         [0.9186437381745075, 0.03561968322728837, 0.04573657859820431]],
        [0.163083977391616, 0.163083977391616, 0.04410229216733754],
        [[-0.06830950154745885, -0.1308515539799604, 0.19916105540529472],
         [-0.11675304213087934, 0.031092676552324505, 0.08566036561630241]],
    ]
    for line, expected in zip(lines[1:], numpy):
        got = [float(v) for v in line.split()] if line[0] != "[" else eval(line)  # the printed lists
        assert_allclose(got, expected, rtol=1e-9)  # the numerical gradient: last bits of the sums, / 2h


SMALL_GRADIENT_CHECK = """\
import numpy as np
from two_layer_net import TwoLayerNet

np.random.seed(0)
network = TwoLayerNet(input_size=6, hidden_size=8, output_size=3, weight_init_std=0.5)
x_batch = np.random.randn(3, 6)
t_batch = np.eye(3)[np.random.randint(0, 3, size=3)]
grad_numerical = network.numerical_gradient(x_batch, t_batch)
grad_backprop = network.gradient(x_batch, t_batch)
for key in grad_numerical.keys():
    diff = np.average(np.abs(grad_backprop[key] - grad_numerical[key]))
    print(key + ":" + str(diff))
"""


def test_the_books_gradient_check_on_a_small_net_gives_numpys_differences(book, capsys):
    # ch05/gradient_check.py's loop on a 6-8-3 TwoLayerNet (the script's 784-50-10 takes minutes).
    out = run_driver(book, "ch05/_small_gradient_check.py", SMALL_GRADIENT_CHECK, capsys)
    printed = dict(line.split(":") for line in out.splitlines())
    numpy = {"W1": 1.0134045972495599e-08, "b1": 1.4910080856165436e-08, "W2": 2.8583888172772447e-08,
             "b2": 3.4426458563515304e-08}
    assert printed.keys() == numpy.keys()
    for key, value in numpy.items():  # differences of noise: alike to a few digits
        assert abs(float(printed[key]) - value) < 1e-3 * value, key


SMALL_TRAINING = """\
import sys, os
sys.path.append(os.pardir)
import numpy as np
from common.multi_layer_net_extend import MultiLayerNetExtend
from common.trainer import Trainer

np.random.seed(1)
t = np.random.randint(0, 3, size=60)
centres = 2.0 * np.random.randn(3, 6)
x = centres[t] + 0.5 * np.random.randn(60, 6)
network = MultiLayerNetExtend(6, [8, 8], 3, use_batchnorm=True, use_dropout=True, dropout_ration=0.1,
                              weight_decay_lambda=0.01)
trainer = Trainer(network, x, t, x[:30], t[:30], epochs=3, mini_batch_size=10, optimizer="Adam",
                  optimizer_param={"lr": 0.01}, evaluate_sample_num_per_epoch=20)
trainer.train()
"""

NUMPY_SMALL_TRAINING = [
    8.273390721098112, "=== epoch:1, train acc:0.1, test acc:0.1 ===", 1.6703591488575567, 3.6192693799401483,
    2.0831175033305036, 2.462603807676225, 1.6402409620143068, 1.6078409398270765,
    "=== epoch:2, train acc:0.25, test acc:0.25 ===", 0.9948693268874149, 1.2437350966207776, 0.78745779426654,
    1.0506475539881195, 0.8325874841065349, 0.8022620472772867, "=== epoch:3, train acc:0.7, test acc:0.7 ===",
    0.6612922922075117, 0.7882531909414915, 0.6756332554428022, 0.5053987678021343, 0.7686562220713993,
    "=============== Final Test Accuracy ===============", "test acc:0.7333333333333333",
]


def test_the_books_trainer_and_extended_network_print_numpys_lines(book, capsys):
    # common/trainer.py, multi_layer_net_extend.py, layers.py (batch norm, dropout) and
    # optimizer.py (Adam), as ch06's scripts use them, on 60 points instead of MNIST.
    lines = run_driver(book, "ch06/_small_training.py", SMALL_TRAINING, capsys).splitlines()
    assert len(lines) == len(NUMPY_SMALL_TRAINING)
    for line, expected in zip(lines, NUMPY_SMALL_TRAINING):
        if isinstance(expected, float):  # a loss: the same to the last bits (sums in another order)
            assert line.startswith("train loss:") and abs(float(line[11:]) - expected) <= 1e-12 * expected
        else:
            assert line == expected


TINY_MNIST = """\
import numpy as np
from dataset.mnist import load_mnist

(x_train, t_train), (x_test, t_test) = load_mnist(normalize=True, one_hot_label=True)
print(x_train.shape, x_train.dtype, float(x_train[0, 1]), float(x_test[1, 783]), t_train.dtype)
print(np.argmax(t_train, axis=1).tolist(), np.argmax(t_test, axis=1).tolist(), float(t_train.sum()))
(x_train, t_train), _ = load_mnist(normalize=False, flatten=False)
print(x_train.shape, x_train.dtype, t_train.dtype, t_train.tolist(), int(x_train[3, 0, 27, 27]))
"""


def _idx(magic, dims, payload):
    return struct.pack(">I" + "I" * len(dims), magic, *dims) + bytes(payload)


@needs_the_book
def test_the_books_mnist_loader_on_a_tiny_mnist(tmp_path, capsys):
    # dataset/mnist.py: frombuffer, reshape, pickle.dump and pickle.load of tensors,
    # astype(np.float32), x /= 255.0 in place, one-hot rows written through row views.
    # (without the MNIST files or the cached mnist.pkl a run with --mnist leaves in the book's folder)
    shutil.copytree(BOOK / "dataset", tmp_path / "dataset", ignore=shutil.ignore_patterns("*.gz", "*.pkl"))
    files = {"train-images-idx3-ubyte.gz": _idx(0x803, (4, 28, 28), [(7 * i) % 256 for i in range(4 * 784)]),
             "train-labels-idx1-ubyte.gz": _idx(0x801, (4,), [5, 0, 4, 1]),
             "t10k-images-idx3-ubyte.gz": _idx(0x803, (2, 28, 28), [(3 * i) % 256 for i in range(2 * 784)]),
             "t10k-labels-idx1-ubyte.gz": _idx(0x801, (2,), [7, 2])}
    for name, data in files.items():
        (tmp_path / "dataset" / name).write_bytes(gzip.compress(data))
    (tmp_path / "dataset").chmod(0o755)
    lines = run_driver(tmp_path, "_tiny.py", TINY_MNIST, capsys).splitlines()
    assert lines[-3:] == [  # NumPy's lines (after the loader's "Converting ..." notes)
        "(4, 784) float32 0.027450980618596077 0.364705890417099 float64",  # float32(7) / 255 in float32
        "[5, 0, 4, 1] [7, 2] 4.0",
        "(4, 1, 28, 28) uint8 uint8 [5, 0, 4, 1] 185",
    ]
    assert (tmp_path / "dataset" / "mnist.pkl").exists()


def test_numpys_names_that_shadow_builtins_stay_out_of_a_star_import():
    # The book writes np.sum and np.max beside Python's own sum and max; zeronn has both
    # (np.sum(x, axis=1), as NumPy), but "from zeronn import *" never hides the built-ins.
    import zeronn as np

    assert np.sum is not sum and np.max is not max
    assert not {"sum", "max", "min", "abs", "all", "any"} & set(np.__all__)
    assert np.sum(np.tensor([[1, 2], [3, 4]]), axis=0).tolist() == [4, 6]


def test_the_weight_init_histograms_script_runs_to_its_end(book, capsys):
    # ch06/weight_init_activation_histogram.py: five sigmoid layers of 100 on 1,000 inputs
    # (50 million multiply-adds, a few seconds); each layer's histogram is a panel of its own.
    out = run(book, "ch06/weight_init_activation_histogram.py", capsys, seed=0)
    titles = [line.strip() for line in out.splitlines() if line.strip().endswith("-layer")]
    assert titles == ["1-layer", "2-layer", "3-layer", "4-layer", "5-layer"] and "not drawn" not in out


def test_a_missing_script_is_a_clear_error(book):
    with pytest.raises(FileNotFoundError, match="no such script"):
        run_script(book / "ch09" / "nothing.py")


@pytest.mark.slow
def test_the_books_mnist_loader_and_gradient_check(book, capsys):
    mnist = SHARED_DATA / "mnist"
    if not (mnist / "train-images-idx3-ubyte.gz").exists():
        pytest.skip("the MNIST files are not in ../shared/data/mnist")
    out = run(book, "ch03/mnist_show.py", capsys, mnist=str(mnist))
    assert "5\n(784,)\n(28, 28)\n" in out
    digit = out.split("(28, 28)\n")[1].splitlines()  # Image.fromarray(img).show(): the five, shaded
    assert len(digit) == 28 and max(map(len, digit)) <= 56 and sum(line.count("█") for line in digit) > 50
    assert (book / "dataset" / "mnist.pkl").exists()  # the book's own cache of zeronn tensors
    out = run(book, "ch05/gradient_check.py", capsys, seed=0)
    # NumPy with seed 0 prints W1:4.607467933069501e-10 b1:2.777903984426842e-09
    # W2:6.065616148113627e-09 b2:1.403123972357201e-07: numerical noise beyond 4 digits.
    numpy = {"W1": 4.607467933069501e-10, "b1": 2.777903984426842e-09, "W2": 6.065616148113627e-09,
             "b2": 1.403123972357201e-07}
    printed = dict(line.split(":") for line in out.splitlines() if line[:2] in numpy)
    assert printed.keys() == numpy.keys()
    for key, value in numpy.items():
        assert float(printed[key]) < 1e-5 and abs(float(printed[key]) - value) < 1e-3 * value, key
    # The book's pickle.load of sample_weight.pkl goes through zeronn's safe reader: NumPy's accuracy.
    shutil.copy(SHARED_DATA / "sample_weight.pkl", book / "ch03")
    assert run(book, "ch03/neuralnet_mnist_batch.py", capsys) == "Accuracy:0.9352\n"
    assert run(book, "ch03/neuralnet_mnist.py", capsys, mnist_limit=500).startswith("Accuracy:0.9")
