"""``python -m zeronn train``: the book's training run as a command, on a small MNIST made here
(and, marked slow, on the real one against NumPy's printed accuracies)."""

import gzip
import io
import json
import os
import signal
import struct
import subprocess
import sys
import time

import pytest
from conftest import SHARED_DATA, child_environment
from test_datasets import idx_labels

from zeronn import random
from zeronn.io import load
from zeronn.tools import mnist
from zeronn.tools.cli import main
from zeronn.tools.train import load_trained


def idx_digits(labels):
    """28x28 images where digit k lights row 2k + 3, with a speck of noise: learnable in a few steps."""
    rng = random.RandomState(7)
    pixels = bytearray()
    for label in labels:
        image = bytearray(28 * 28)
        image[(2 * label + 3) * 28 + 4:(2 * label + 3) * 28 + 24] = bytes([255]) * 20
        for spot in rng.randint(0, 28 * 28, size=5).tolist():
            image[spot] = 128
        pixels += image
    return struct.pack(">IIII", 0x803, len(labels), 28, 28) + bytes(pixels)


@pytest.fixture(scope="module")
def digits(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mnist")
    for prefix, count in (("train", 200), ("t10k", 50)):
        labels = [i % 10 for i in range(count)]
        (folder / f"{prefix}-images-idx3-ubyte.gz").write_bytes(gzip.compress(idx_digits(labels)))
        (folder / f"{prefix}-labels-idx1-ubyte.gz").write_bytes(gzip.compress(idx_labels(labels)))
    return folder


def train(*arguments):
    out = io.StringIO()
    status = main(["train", *map(str, arguments)], out=out)
    return status, out.getvalue()


def test_the_default_run_is_the_books_ch05_loop_and_prints_its_lines(digits):
    status, out = train("--data", digits, "--iterations", 5, "--quiet")
    lines = out.splitlines()
    assert status == 0
    assert lines[0] == ("TwoLayerNet 784-50-10 (relu), sgd lr 0.1, batches of 100: "
                        "5 iterations on 200 training images")
    # an epoch is 200 / 100 = 2 steps: the accuracies after steps 1, 3 and 5, as the book's loop
    epochs = [line for line in lines if line.startswith("train acc, test acc | ")]
    assert len(epochs) == 3
    assert lines[4].startswith("test acc: ") and lines[5].startswith("Time: ")


def test_a_seed_gives_the_same_run_and_another_seed_another(digits):
    first = train("--data", digits, "--iterations", 4, "--quiet", "--seed", 3)[1].splitlines()[:4]
    again = train("--data", digits, "--iterations", 4, "--quiet", "--seed", 3)[1].splitlines()[:4]
    other = train("--data", digits, "--iterations", 4, "--quiet", "--seed", 4)[1].splitlines()[:4]
    assert first == again and first != other


def test_it_learns_and_the_saved_network_predicts_what_it_printed(digits, tmp_path):
    saved = tmp_path / "net.npz"
    status, out = train("--data", digits, "--iterations", 30, "--lr", 0.5, "--quiet", "--save", saved)
    final = float(next(line for line in out.splitlines() if line.startswith("test acc: "))[10:])
    assert status == 0 and final >= 0.9 and f"Saved to {saved}" in out
    network = mnist.load_network(saved)
    x, t = mnist.get_data(digits)
    correct, total = mnist.accuracy(network, x, t)
    assert (correct, total) == (round(final * 50), 50)
    with load(saved) as npz:  # NumPy's format, what it is inside it
        assert sorted(npz.files) == ["W1", "W2", "b1", "b2", "network"]
        assert json.loads(bytes(npz["network"].tolist()))["hidden"] == [50]


def test_chapter_6s_network_with_batch_norm_saves_its_running_statistics(digits, tmp_path):
    saved = tmp_path / "bn.npz"
    status, out = train("--data", digits, "--iterations", 12, "--hidden", 20, 16, "--batch-norm", "--dropout", 0.1,
                        "--weight-decay", 0.01, "--optimizer", "Adam", "--lr", 0.01, "--activation", "sigmoid",
                        "--quiet", "--save", saved)
    assert status == 0
    assert out.splitlines()[0].startswith("MultiLayerNetExtend 784-20-16-10 (sigmoid, batch norm, dropout 0.1, "
                                          "weight decay 0.01), adam lr 0.01")
    final = float(next(line for line in out.splitlines() if line.startswith("test acc: "))[10:])
    network = load_trained(saved)
    assert network.layers["BatchNorm2"].running_var.shape == (16,)
    x, t = mnist.get_data(digits)
    assert mnist.accuracy(network, x, t) == (round(final * 50), 50)


def test_loading_leaves_the_callers_random_numbers_alone(digits, tmp_path):
    saved = tmp_path / "net.npz"
    train("--data", digits, "--iterations", 1, "--quiet", "--save", saved)
    random.seed(5)
    expected = random.rand()
    random.seed(5)
    load_trained(saved)
    assert random.rand() == expected


def test_curves_are_drawn_and_written(digits, tmp_path):
    status, out = train("--data", digits, "--iterations", 6, "--plot", tmp_path / "curves")
    assert status == 0 and "Training loss" in out and "Accuracy" in out
    assert sorted(os.listdir(tmp_path / "curves")) == ["train-accuracy.svg", "train-accuracy.vl.json",
                                                        "train-loss.svg", "train-loss.vl.json"]
    spec = json.loads((tmp_path / "curves" / "train-loss.vl.json").read_text())
    assert len(spec["data"]["values"]) == 6  # one loss a step
    assert "<svg" in (tmp_path / "curves" / "train-accuracy.svg").read_text()


@pytest.mark.parametrize(("arguments", "message"), [
    (["--dropout", "1.5"], "--dropout must be between 0 and 1, got 1.5"),
    (["--save", "net.txt"], "--save writes NumPy's .npz"),
    (["--weight-init", "huge"], "--weight-init takes a number, 'he' or 'xavier', got 'huge'"),
    (["--weight-init", "-1"], "--weight-init must be positive"),
    (["--epochs", "0"], "--epochs must be positive"),
])
def test_bad_options_are_one_line(digits, arguments, message, capsys):
    assert main(["train", "--data", str(digits), *arguments]) == 2
    assert message in capsys.readouterr().err


def test_a_file_that_is_no_trained_network_is_a_clear_error(digits, tmp_path):
    from zeronn import savez, tensor

    savez(tmp_path / "w.npz", W1=tensor([[1.0]]))
    with pytest.raises(ValueError, match="not a network saved by 'python -m zeronn train'"):
        load_trained(tmp_path / "w.npz")
    train("--data", digits, "--iterations", 1, "--quiet", "--save", tmp_path / "net.npz")
    with load(tmp_path / "net.npz") as npz:
        arrays = {name: npz[name] for name in npz.files}
    savez(tmp_path / "short.npz", **{**arrays, "W2": arrays["W2"][:3]})
    with pytest.raises(ValueError, match=r"'W2' has shape \(3, 10\), the network needs \(50, 10\)"):
        load_trained(tmp_path / "short.npz")
    del arrays["b1"]
    savez(tmp_path / "missing.npz", **arrays)
    with pytest.raises(ValueError, match="the network needs 'b1', which the file does not have"):
        load_trained(tmp_path / "missing.npz")


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="Ctrl-C as a POSIX signal")
def test_ctrl_c_stops_cleanly_and_saves_what_was_learnt(digits, tmp_path):
    saved = tmp_path / "net.npz"
    with subprocess.Popen([sys.executable, "-m", "zeronn", "train", "--data", str(digits), "--iterations", "100000",
                           "--quiet", "--save", str(saved)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, env=child_environment(),
                          preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)) as process:
        try:
            time.sleep(4)
            process.send_signal(signal.SIGINT)
            out, err = process.communicate(timeout=60)
        finally:
            process.kill()
    assert process.returncode == 130
    assert err.startswith("zeronn: interrupted after ") and "of 100000 iterations" in err
    assert f"Saved to {saved} (what it had learnt when interrupted)" in err and "Traceback" not in err
    assert mnist.accuracy(load_trained(saved), *mnist.get_data(digits))[1] == 50


MNIST = SHARED_DATA / "mnist"


@pytest.mark.slow
@pytest.mark.skipif(not (MNIST / "train-images-idx3-ubyte.gz").exists(), reason="MNIST is not in ../shared/data")
def test_the_books_ch05_run_prints_numpys_accuracies():
    # The book's ch05/train_neuralnet.py on NumPy 2.4 after np.random.seed(0) prints, after its
    # first step and after step 601: 0.109, 0.1136 and 0.9051333333333333, 0.9069.
    status, out = train("--data", MNIST, "--iterations", 601, "--quiet", "--seed", 0)
    epochs = [line for line in out.splitlines() if line.startswith("train acc, test acc | ")]
    assert status == 0
    assert epochs == ["train acc, test acc | 0.109, 0.1136", "train acc, test acc | 0.9051333333333333, 0.9069"]
