"""Chapter 3's last experiment: the book's weights on MNIST, and the mnist command."""

import io
import os
import pickle
import subprocess
import sys
import textwrap
import time

import pytest
from conftest import PROJECT, SHARED_DATA, child_environment
from test_datasets import LABELS, write_mnist

from zeronn.io import load_numpy_pickle, save, savez, savez_compressed
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


def test_init_network_names_what_it_found_briefly(tmp_path):
    mixed = tmp_path / "mixed.pkl"
    mixed.write_bytes(pickle.dumps({"W1": [1.0], 2: "b", None: 3}))  # keys sorted() cannot order
    with pytest.raises(ValueError, match=r"mixed.pkl: expected a dict of W1, b1, W2, b2, W3, b3; "
                                         r"found a dict of 'W1', 2, None$"):
        mnist.init_network(mixed)
    many = tmp_path / "many.pkl"
    many.write_bytes(pickle.dumps({f"key{i}": i for i in range(100_000)}))
    with pytest.raises(ValueError, match=r"'key0', 'key1', 'key2', 'key3', 'key4', 'key5', \.\.\. \(100,000 keys\)$"):
        mnist.init_network(many)  # not a hundred thousand keys in the message
    save(tmp_path / "one.npy", [[1.0]])
    with pytest.raises(ValueError, match=r"one.npy: expected a dict of .*; found one array of shape \(1, 1\) "
                                         r"\(an .npy file: save the six arrays with savez\)"):
        mnist.init_network(tmp_path / "one.npy")


@pytest.mark.parametrize("write", [savez, savez_compressed])
def test_init_network_reads_the_same_arrays_from_an_npz(tmp_path, write):
    write(tmp_path / "tiny.npz", **TINY)
    network = mnist.init_network(tmp_path / "tiny.npz")
    assert sorted(network) == sorted(TINY) and all(network[name].tolist() == TINY[name] for name in TINY)
    x, t = mnist.get_data(write_mnist(tmp_path))
    assert mnist.accuracy(network, x, t) == mnist.accuracy(TINY, x, t)
    out = io.StringIO()
    assert main(["mnist", "--data", str(tmp_path), "--weights", str(tmp_path / "tiny.npz")], out=out) == 0
    correct = mnist.accuracy(TINY, x, t)[0]
    assert out.getvalue().splitlines()[1] == f"Correct: {correct} of 3 test images (batches of 100)"


@have_data
def test_the_books_weights_as_npz_give_the_same_predictions(tmp_path):
    savez(tmp_path / "sample_weight.npz", **mnist.init_network(WEIGHTS))
    x, t = mnist.get_data(MNIST)
    x, t = x[:300], t[:300]
    from_pickle = mnist.predict(mnist.init_network(WEIGHTS), x)
    from_npz = mnist.predict(mnist.init_network(tmp_path / "sample_weight.npz"), x)
    assert from_npz.tolist() == from_pickle.tolist()


def test_the_data_folder_is_reported_as_what_it_is(tmp_path):
    (tmp_path / "a_file").write_text("not a folder")
    status = subprocess.run([sys.executable, "-m", "zeronn", "mnist", "--data", str(tmp_path / "a_file"),
                             "--weights", str(PROJECT / "tests" / "data" / "c_f4_p3.pkl")], cwd=PROJECT,
                            capture_output=True, text=True)
    assert status.returncode == 2 and status.stderr.startswith("zeronn: error: Not a directory: ")
    assert "a_file/t10k-images-idx3-ubyte.gz" in status.stderr and "not found" not in status.stderr


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="permissions do not bind root")
def test_an_unreadable_data_folder_is_not_a_missing_file(tmp_path):
    folder = tmp_path / "mnist"
    folder.mkdir()
    write_mnist(folder)
    folder.chmod(0)
    try:
        with pytest.raises(PermissionError):
            mnist.get_data(folder)
    finally:
        folder.chmod(0o755)


NORMALIZED_BOMB = textwrap.dedent(r"""
    import gzip, os, resource, struct, sys
    folder = sys.argv[1]
    count = 60_000  # 47 MB of pixels from a 46 KB gzip: 188 MB once normalised
    with gzip.open(os.path.join(folder, "t10k-images-idx3-ubyte.gz"), "wb") as file:
        file.write(struct.pack(">IIII", 0x803, count, 28, 28))
        for _ in range(count // 1000):
            file.write(bytes(784_000))
    with gzip.open(os.path.join(folder, "t10k-labels-idx1-ubyte.gz"), "wb") as file:
        file.write(struct.pack(">II", 0x801, count) + bytes(count))
    print(os.path.getsize(os.path.join(folder, "t10k-images-idx3-ubyte.gz")))
""")


@pytest.mark.skipif(os.name != "posix", reason="a memory limit through the resource module")
def test_the_normalised_copy_is_asked_of_memory_before_it_is_made(tmp_path):
    made = subprocess.run([sys.executable, "-c", NORMALIZED_BOMB, str(tmp_path)], capture_output=True, text=True,
                          check=True)
    assert int(made.stdout) < 100_000
    limited = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (150 << 20, 150 << 20)); "
               "from zeronn.tools.cli import main; sys.exit(main())")
    run = subprocess.run([sys.executable, "-c", limited, "mnist", "--data", str(tmp_path), "--weights",
                          str(PROJECT / "tests" / "data" / "c_f4_p3.pkl")], capture_output=True, text=True,
                         env=child_environment(), timeout=60)
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr[-1000:]
    assert run.stderr == (f"zeronn: error: {tmp_path}: the test images normalised, shape (60000, 784) of float32, "
                          "needs at least 188,160,000 bytes, more than this process's memory limit (157,286,400 "
                          "bytes)\n")
    started = time.process_time()
    x, t = mnist.get_data(tmp_path)  # without the limit: made in C loops, not a Python loop per pixel
    assert time.process_time() - started < 5.0 and x.shape == (60000, 784) and x.dtype == "float32"


def test_running_out_of_memory_anyway_is_one_line(monkeypatch, capsys):
    def exhausted(directory):
        raise MemoryError
    monkeypatch.setattr(mnist, "get_data", exhausted)
    status = main(["mnist", "--data", ".", "--weights", str(PROJECT / "tests" / "data" / "c_f4_p3.pkl")])
    assert status == 2 and capsys.readouterr().err == (
        "zeronn: error: out of memory (a smaller --limit, or a machine with more memory)\n")


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
    for size, shown in (("0", "'0'"), ("x", "'x'"), ("9" * 100_000, "'" + "9" * 56 + "...")):
        bad_size = subprocess.run([sys.executable, "-m", "zeronn", "mnist", "--data", ".", "--weights", "w",
                                   "--batch-size", size], cwd=PROJECT, capture_output=True, text=True)
        assert bad_size.returncode == 2 and "_positive_int" not in bad_size.stderr
        assert f"argument --batch-size: must be a positive integer, got {shown} (see" in bad_size.stderr


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


BOOK = SHARED_DATA.parent / "book"
CONVNET_WEIGHTS = {"simple-convnet": BOOK / "ch07" / "params.pkl",
                   "deep-convnet": BOOK / "ch08" / "deep_convnet_params.pkl"}
have_convnets = pytest.mark.skipif(
    not (MNIST / "t10k-images-idx3-ubyte.gz").exists() or not all(path.exists() for path in CONVNET_WEIGHTS.values()),
    reason=f"the MNIST test set and the book's conv net weights are not in {SHARED_DATA.parent}",
)


@have_convnets
@pytest.mark.parametrize("net, limit, correct", [("simple-convnet", 20, 19), ("deep-convnet", 10, 10)])
def test_mnist_command_runs_the_books_pretrained_convnets(net, limit, correct):
    # NumPy on the book's code: SimpleConvNet misses image 8 (and 92), DeepConvNet image 78 of the first 100
    out = io.StringIO()
    argv = ["mnist", "--data", str(MNIST), "--net", net, "--weights", str(CONVNET_WEIGHTS[net]), "--limit", str(limit)]
    assert main(argv + ["--batch-size", "10"], out=out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0] == f"Accuracy: {correct / limit:.4f}"
    assert lines[1] == f"Correct: {correct} of {limit} test images (batches of 10)"
    assert lines[2].startswith("Time: ") and "ms per image" in lines[2]


@have_convnets
def test_mnist_command_refuses_the_one_by_one_loop_for_convnets():
    result = subprocess.run([sys.executable, "-m", "zeronn", "mnist", "--data", str(MNIST), "--net", "simple-convnet",
                             "--weights", str(CONVNET_WEIGHTS["simple-convnet"]), "--one-by-one"],
                            cwd=PROJECT, capture_output=True, text=True)  # fmt: skip
    assert result.returncode == 2 and "--one-by-one is chapter 3's loop" in result.stderr


@pytest.mark.slow
@have_convnets
@pytest.mark.parametrize("net, accuracy", [("simple-convnet", "0.9610"), ("deep-convnet", "0.9760")])
def test_the_books_convnets_give_numpys_accuracy_on_the_first_1000(net, accuracy):
    out = io.StringIO()
    argv = ["mnist", "--data", str(MNIST), "--net", net, "--weights", str(CONVNET_WEIGHTS[net]), "--limit", "1000"]
    assert main(argv, out=out) == 0
    assert out.getvalue().splitlines()[0] == f"Accuracy: {accuracy}"  # NumPy: 0.961 and 0.976
