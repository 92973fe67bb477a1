"""Chapter 3's last experiment: the book's weights on MNIST, and the mnist command."""

import io
import os
import subprocess
import sys

import pytest
from conftest import PROJECT, SHARED_DATA
from test_datasets import LABELS, write_mnist

from zeronn.io import load_numpy_pickle
from zeronn.tools import mnist
from zeronn.tools.cli import _ProgressBar, main

MNIST = SHARED_DATA / "mnist"
WEIGHTS = SHARED_DATA / "sample_weight.pkl"
have_data = pytest.mark.skipif(
    not (MNIST / "t10k-images-idx3-ubyte.gz").exists() or not WEIGHTS.exists(),
    reason=f"the MNIST test set and the book's weights are not in {SHARED_DATA}",
)
TINY = {"W1": [[1.0, 0.0], [0.0, 1.0], [0.0, 0.0], [0.0, 0.0]], "b1": [0.0, 0.0],
        "W2": [[1.0, 0.0], [0.0, 1.0]], "b2": [0.0, 0.0],
        "W3": [[1.0] + [0.0] * 9, [0.0] * 7 + [3.0, 0.0, 0.0]], "b3": [0.0] * 10}


def test_accuracy_one_by_one_and_in_batches_agree(tmp_path):
    x, t = mnist.get_data(write_mnist(tmp_path))
    assert t.tolist() == LABELS
    seen = []
    batched = mnist.accuracy(TINY, x, t, batch_size=2, progress=lambda done, total: seen.append(done))
    assert batched == mnist.accuracy(TINY, x, t, batch_size=None)
    assert seen == [2, 3]
    assert mnist.accuracy(TINY, x, t, batch_size=1) == batched  # the smallest batch
    one_by_one = []
    mnist.accuracy(TINY, x, t, batch_size=None, progress=lambda done, total: one_by_one.append((done, total)))
    assert one_by_one == [(1, 3), (2, 3), (3, 3)]
    probabilities = mnist.predict(TINY, x)
    assert probabilities.shape == (3, 10)
    assert batched[0] == (probabilities.argmax(axis=1) == t).sum()


def test_accuracy_rejects_bad_shapes_and_batch_sizes():
    with pytest.raises(ValueError, match=r"got shapes \(4,\) and \(1,\)"):
        mnist.accuracy(TINY, [1.0, 2.0, 3.0, 4.0], [1])
    with pytest.raises(ValueError, match="batch_size must be a positive int"):
        mnist.accuracy(TINY, [[1.0] * 4], [1], batch_size=0)


def test_init_network_wants_the_six_arrays(tmp_path):
    (tmp_path / "w.pkl").write_bytes((PROJECT / "tests" / "data" / "book_like_legacy_p3.pkl").read_bytes())
    with pytest.raises(ValueError, match="expected a dict of W1, b1, W2, b2, W3, b3; found"):
        mnist.init_network(tmp_path / "w.pkl")
    assert sorted(load_numpy_pickle(tmp_path / "w.pkl")) == ["W1", "b1"]


def test_progress_bar_redraws_in_place():
    stream = io.StringIO()
    bar = _ProgressBar(stream, width=10)
    for done in range(0, 101, 25):
        bar(done, 100)
    bar.finish()
    assert stream.getvalue().split("\r")[1:] == [
        "[..........] 0/100", "[##........] 25/100", "[#####.....] 50/100",
        "[#######...] 75/100", "[##########] 100/100\n",
    ]


def test_mnist_command_errors_are_one_line_and_exit_2(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "data").mkdir()
    weights = PROJECT / "tests" / "data" / "c_f4_p3.pkl"
    for argv, message in [
        (["mnist", "--data", str(tmp_path / "empty"), "--weights", str(weights)], "t10k-images-idx3-ubyte.gz (or"),
        (["mnist", "--data", str(write_mnist(tmp_path / "data")), "--weights", "none.pkl"],
         "weights file 'none.pkl' not found; pass the book's sample_weight.pkl"),
        (["mnist", "--data", str(tmp_path / "data"), "--weights", str(weights)], "expected a dict of W1"),
    ]:
        result = subprocess.run([sys.executable, "-m", "zeronn", *argv], cwd=PROJECT, capture_output=True, text=True)
        assert result.returncode == 2 and message in result.stderr
        assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    bad_size = subprocess.run([sys.executable, "-m", "zeronn", "mnist", "--data", ".", "--weights", "w",
                               "--batch-size", "0"], cwd=PROJECT, capture_output=True, text=True)
    assert bad_size.returncode == 2 and "must be a positive integer" in bad_size.stderr


@have_data
def test_mnist_command_prints_accuracy_count_and_speed():
    out = io.StringIO()
    status = main(["mnist", "--data", str(MNIST), "--weights", str(WEIGHTS), "--limit", "500"], out=out)
    lines = out.getvalue().splitlines()
    assert status == 0 and lines[0].startswith("Accuracy: 0.9")
    assert lines[1] == f"Correct: {round(float(lines[0].split()[1]) * 500)} of 500 test images (batches of 100)"
    assert lines[2].startswith("Time: ") and lines[2].endswith(" images/s")


@pytest.mark.slow
@have_data
@pytest.mark.parametrize("batch_size", [100, None], ids=["batches of 100", "one by one"])
def test_the_books_accuracy_on_the_full_test_set(batch_size):
    x, t = mnist.get_data(MNIST)
    network = mnist.init_network(WEIGHTS)
    assert mnist.accuracy(network, x, t, batch_size) == (9352, 10000)


@pytest.mark.slow
@have_data
@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="peak memory is read from Linux's /proc")
def test_the_full_test_set_runs_in_under_150_mb():
    # VmHWM is the child's own peak (ru_maxrss would include pytest's memory at fork).
    code = (
        "from zeronn.tools import mnist\n"
        f"x, t = mnist.get_data({str(MNIST)!r})\n"
        f"network = mnist.init_network({str(WEIGHTS)!r})\n"
        "correct, total = mnist.accuracy(network, x, t, 100)\n"
        "status = open('/proc/self/status').read().split('VmHWM:')[1].split()[0]\n"
        "print(correct, status)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, check=True)
    correct, peak_kib = map(int, result.stdout.split())
    assert correct == 9352 and peak_kib < 150 * 1024
