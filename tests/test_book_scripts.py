"""The book's own scripts (../shared/book), unchanged, run on zeronn by ``zeronn.book``.

Each runs in a copy of the book's folder (the book's MNIST loader writes its cache beside
itself), with ``import numpy`` giving zeronn. Printed numbers are compared with what the
same scripts print with NumPy 2.4 and the same seed, written down as literals. The
scripts that load all of MNIST are marked slow.
"""

import shutil

import pytest
from conftest import SHARED_DATA

from zeronn.tools.book import run_script

BOOK = SHARED_DATA.parent / "book"
pytestmark = pytest.mark.skipif(not BOOK.is_dir(), reason="the book's code is not in ../shared/book")


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    folder = tmp_path_factory.mktemp("book") / "book"
    shutil.copytree(BOOK, folder)
    for path in folder.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)  # the shared copy is read-only
    return folder


def run(book, script, capsys, **options):
    run_script(book / script, **options)
    return capsys.readouterr().out


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
