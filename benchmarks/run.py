"""Side-by-side benchmarks: zeronn, the plain hand-written pure-Python kernel, and NumPy.

    python benchmarks/run.py                 # the table
    python benchmarks/run.py --json          # the same, machine-readable
    python benchmarks/run.py --quick         # fewer rounds, no MNIST (a smoke run)

Every workload is timed interleaved in one process (zeronn, plain, NumPy, then plain,
NumPy, zeronn, ...), several rounds, and the table shows medians and the ratios
zeronn/plain and zeronn/NumPy.
Ratios measured side by side hold on a shared, noisy machine where absolute times do not.
This is a script, never a test: nothing here passes or fails.

"plain" is the fastest form a careful programmer writes by hand with lists: the matrix
product ``[[sum(map(mul, row, col)) for col in BT] for row in A]`` with ``B`` transposed
once (on every Python; zeronn itself uses ``math.sumprod`` on 3.12+), ``list(map(add, row,
b))`` for a broadcast addition, comprehensions for the activations. NumPy is used when it
is installed.

The training step is chapter 5's two-layer net (784-50-10, Affine-ReLU-Affine-
SoftmaxWithLoss, batch 100 of real MNIST images, 82 % zeros): forward, loss, backward and
the SGD update, written in the book's style on zeronn (the book's layers,
``params[key] -= lr * grad[key]``), against ``plain_net.step`` (the fastest hand-written
sparse-aware form, see its docstring), and on NumPy; once as the book's code runs it (the
first Affine computes ``dx`` too) and once without that ``dx``. "loss on 3 images" is the
unit of ``ch05/gradient_check.py`` (two of them per weight). "small op" is the overhead
of one operation: two 2-element float64 tensors added.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from operator import add, mul
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import plain_net  # noqa: E402

import zeronn  # noqa: E402
import zeronn.io.datasets  # noqa: E402
from zeronn.tools import mnist  # noqa: E402

try:
    import numpy
except ImportError:  # NumPy is optional: its column is left empty
    numpy = None

SHARED = ROOT.parent / "shared" / "data"

# ---------------------------------------------------------------------------
# The plain kernels: what one writes by hand with lists
# ---------------------------------------------------------------------------

def plain_matmul(A, B):
    """The plain kernel, as the issue measured it: B transposed once, then one
    ``sum(map(mul, row, col))`` per output (on every Python version)."""
    BT = list(zip(*B))
    return [[sum(map(mul, row, col)) for col in BT] for row in A]


def plain_vecmat(x, B):
    return plain_matmul([x], B)[0]


def plain_add_row(A, b):
    return [list(map(add, row, b)) for row in A]


def plain_sigmoid(A):
    exp = math.exp
    return [[1.0 / (1.0 + exp(-v)) for v in row] for row in A]


def plain_relu(A):
    return [[v if v > 0.0 else 0.0 for v in row] for row in A]


def plain_softmax(A):
    exp = math.exp
    out = []
    for row in A:
        c = max(row)
        exps = [exp(v - c) for v in row]
        total = sum(exps)
        out.append([e / total for e in exps])
    return out


def plain_transpose(A):
    return [list(column) for column in zip(*A)]


class Relu:  # the book's layers, in its style, on zeronn or NumPy
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0
        return dout


class Affine:
    def __init__(self, np, W, b):
        self.np, self.W, self.b = np, W, b

    def forward(self, x):
        self.x = x
        return self.np.dot(x, self.W) + self.b

    def backward(self, dout):
        dx = self.np.dot(dout, self.W.T) if self.with_dx else None
        self.dW = self.np.dot(self.x.T, dout)
        self.db = self.np.sum(dout, axis=0)
        return dx

    with_dx = True  # the book's Affine always computes dx; a first layer needs none


class SoftmaxWithLoss:
    def __init__(self, np):
        self.np = np

    def forward(self, x, t):
        np = self.np
        self.t = t
        x = x - np.max(x, axis=-1, keepdims=True)
        self.y = np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)
        batch_size = self.y.shape[0]
        return -np.sum(np.log(self.y[np.arange(batch_size), t] + 1e-7)) / batch_size

    def backward(self):
        batch_size = self.t.shape[0]
        dx = self.y.copy()
        dx[self.np.arange(batch_size), self.t] -= 1
        return dx / batch_size


def book_training_step(np, params, layers, x, t, lr=0.1):
    """One SGD step of ch05's TwoLayerNet, in the book's style, on zeronn or NumPy."""
    affine1, relu, affine2, last = layers
    loss = last.forward(affine2.forward(relu.forward(affine1.forward(x))), t)
    dout = affine1.backward(relu.backward(affine2.backward(last.backward())))
    grads = {"W1": affine1.dW, "b1": affine1.db, "W2": affine2.dW, "b2": affine2.db}
    for key in ("W1", "b1", "W2", "b2"):
        params[key] -= lr * grads[key]
    return loss, dout


def training_workload(rng, with_dx=True):
    """The three training steps, from the same starting weights and the same batch."""
    batch, labels = mnist_batch(rng)
    W1 = [[0.01 * rng.gauss(0, 1) for _ in range(50)] for _ in range(784)]
    W2 = [[0.01 * rng.gauss(0, 1) for _ in range(10)] for _ in range(50)]

    def fresh(np):
        params = {"W1": np.array(W1), "b1": np.zeros(50), "W2": np.array(W2), "b2": np.zeros(10)}
        layers = (Affine(np, params["W1"], params["b1"]), Relu(), Affine(np, params["W2"], params["b2"]),
                  SoftmaxWithLoss(np))
        layers[0].with_dx = with_dx
        return params, layers

    z_params, z_layers = fresh(zeronn)
    z_x, z_t = zeronn.array(batch, dtype="float32"), zeronn.array(labels)
    plain_params = {"W1": [row[:] for row in W1], "b1": [0.0] * 50, "W2": [row[:] for row in W2], "b2": [0.0] * 10}
    implementations = {
        "zeronn": lambda: book_training_step(zeronn, z_params, z_layers, z_x, z_t)[0],
        "plain": lambda: plain_net.step(plain_params, batch, labels, with_dx=with_dx),
        "numpy": None,
    }
    if numpy is not None:
        n_params, n_layers = fresh(numpy)
        n_x, n_t = numpy.array(batch, dtype="float32"), numpy.array(labels)
        implementations["numpy"] = lambda: book_training_step(numpy, n_params, n_layers, n_x, n_t)[0]
    agree([float(f()) for f in implementations.values() if f is not None], "training steps")
    return implementations


def loss_workload(rng):
    """One loss of the two-layer net on 3 images: what ch05/gradient_check.py computes twice per weight."""
    batch, labels = mnist_batch(rng, size=3)
    W1 = [[0.01 * rng.gauss(0, 1) for _ in range(50)] for _ in range(784)]
    W2 = [[0.01 * rng.gauss(0, 1) for _ in range(10)] for _ in range(50)]

    def book_loss(np):
        params = {"W1": np.array(W1), "b1": np.zeros(50), "W2": np.array(W2), "b2": np.zeros(10)}
        affine1, relu = Affine(np, params["W1"], params["b1"]), Relu()
        affine2, last = Affine(np, params["W2"], params["b2"]), SoftmaxWithLoss(np)
        x, t = np.array(batch, dtype="float32"), np.array(labels)
        return lambda: last.forward(affine2.forward(relu.forward(affine1.forward(x))), t)

    def plain_loss():
        a1 = [list(map(add, row, [0.0] * 50)) for row in plain_net.matmul(batch, plain_net.transpose(W1))]
        z1 = [[v if v > 0.0 else 0.0 for v in row] for row in a1]
        a2 = plain_net.matmul(z1, plain_net.transpose(W2))
        loss = 0.0
        for row, label in zip(a2, labels):
            c = max(row)
            exps = [math.exp(v - c) for v in row]
            loss -= math.log(exps[label] / sum(exps) + 1e-7)
        return loss / len(labels)

    implementations = {"zeronn": book_loss(zeronn), "plain": plain_loss, "numpy": book_loss(numpy) if numpy else None}
    agree([float(f()) for f in implementations.values() if f is not None], "losses")
    return implementations


def agree(losses, what):
    """The implementations compute the same thing (the same loss), or the comparison means nothing."""
    if max(losses) - min(losses) > 1e-9:
        raise SystemExit(f"the {what} disagree: {losses}")


def mnist_batch(rng, size=100):
    """``size`` MNIST training images as lists of floats (or, without the files, images as sparse)."""
    path = SHARED / "mnist"
    if (path / "train-images-idx3-ubyte.gz").exists():
        x, t = zeronn.io.datasets.load_mnist_split(path, "train")
        picks = [rng.randrange(len(t)) for _ in range(size)]
        return [x[i].tolist() for i in picks], [int(t[i]) for i in picks]
    images = [[rng.random() if rng.random() < 0.19 else 0.0 for _ in range(784)] for _ in range(size)]
    return images, [rng.randrange(10) for _ in range(size)]


def plain_forward(network, x):
    a1 = [u + v for u, v in zip(plain_vecmat(x, network["W1"]), network["b1"])]
    z1 = plain_sigmoid([a1])[0]
    a2 = [u + v for u, v in zip(plain_vecmat(z1, network["W2"]), network["b2"])]
    z2 = plain_sigmoid([a2])[0]
    return [u + v for u, v in zip(plain_vecmat(z2, network["W3"]), network["b3"])]


def plain_mnist(network, images, labels, batch_size=100):
    """The book's batched loop with the plain kernels: dense, no tricks."""
    correct = 0
    for i in range(0, len(images), batch_size):
        batch = images[i : i + batch_size]
        a1 = plain_add_row(plain_matmul(batch, network["W1"]), network["b1"])
        a2 = plain_add_row(plain_matmul(plain_sigmoid(a1), network["W2"]), network["b2"])
        a3 = plain_add_row(plain_matmul(plain_sigmoid(a2), network["W3"]), network["b3"])
        y = plain_softmax(a3)
        predictions = [row.index(max(row)) for row in y]
        correct += sum(p == t for p, t in zip(predictions, labels[i : i + batch_size]))
    return correct


# ---------------------------------------------------------------------------
# Timing
# ---------------------------------------------------------------------------


def time_call(function, minimum=0.05):
    """Seconds per call, repeating the call until ``minimum`` seconds have passed."""
    calls, started = 0, time.perf_counter()
    while True:
        function()
        calls += 1
        elapsed = time.perf_counter() - started
        if elapsed >= minimum:
            return elapsed / calls


def compare(implementations, rounds, minimum=0.1):
    """Median seconds per call of each implementation, timed interleaved, round by round.

    Each round starts with the next implementation, so that none always runs right after
    another: NumPy's BLAS threads keep spinning for a moment after a product, and would
    otherwise slow down whichever implementation always came after NumPy.
    """
    names = [name for name, function in implementations.items() if function is not None]
    samples = {name: [] for name in names}
    for round_number in range(rounds):
        turn = round_number % len(names)
        for name in names[turn:] + names[:turn]:
            samples[name].append(time_call(implementations[name], minimum))
    return {name: statistics.median(samples[name]) for name in names}


def matrix(rows, columns, rng):
    return [[rng.uniform(-1.0, 1.0) for _ in range(columns)] for _ in range(rows)]


def workloads(rng):
    """name -> {"zeronn": fn, "plain": fn, "numpy": fn or None}."""
    A, B = matrix(100, 784, rng), matrix(784, 50, rng)
    x = A[0]
    M, bias, S = matrix(100, 50, rng), matrix(1, 50, rng)[0], matrix(100, 10, rng)
    tA, tB, tx, tM, tbias, tS = map(zeronn.tensor, (A, B, x, M, bias, S))
    book = {name: t.tolist() for name, t in zeronn.init_network().items()}
    tbook = zeronn.init_network()
    np = numpy
    nA, nB, nx, nM, nbias, nS = (np.array(v) for v in (A, B, x, M, bias, S)) if np else (None,) * 6
    nbook = {name: np.array(v) for name, v in book.items()} if np else None

    def np_softmax(a):
        e = np.exp(a - a.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)

    def np_forward(network, v):
        z1 = 1 / (1 + np.exp(-(v @ network["W1"] + network["b1"])))
        z2 = 1 / (1 + np.exp(-(z1 @ network["W2"] + network["b2"])))
        return z2 @ network["W3"] + network["b3"]

    a2, b2 = [0.5, 1.5], [2.0, -1.0]
    ta2, tb2 = zeronn.tensor(a2), zeronn.tensor(b2)
    na2, nb2 = (np.array(a2), np.array(b2)) if np else (None, None)
    return {
        "small op: (2,) + (2,) float64": {
            "zeronn": lambda: ta2 + tb2, "plain": lambda: list(map(add, a2, b2)),
            "numpy": (lambda: na2 + nb2) if np else None},
        "dot (100x784)@(784x50)": {
            "zeronn": lambda: tA @ tB, "plain": lambda: plain_matmul(A, B),
            "numpy": (lambda: nA @ nB) if np else None},
        "dot (784,)@(784x50)": {
            "zeronn": lambda: tx @ tB, "plain": lambda: plain_vecmat(x, B),
            "numpy": (lambda: nx @ nB) if np else None},
        "add (100x50)+(50,)": {
            "zeronn": lambda: tM + tbias, "plain": lambda: plain_add_row(M, bias),
            "numpy": (lambda: nM + nbias) if np else None},
        "sigmoid 100x50": {
            "zeronn": lambda: zeronn.sigmoid(tM), "plain": lambda: plain_sigmoid(M),
            "numpy": (lambda: 1 / (1 + np.exp(-nM))) if np else None},
        "relu 100x50": {
            "zeronn": lambda: zeronn.relu(tM), "plain": lambda: plain_relu(M),
            "numpy": (lambda: np.maximum(nM, 0)) if np else None},
        "softmax rows of 100x10": {
            "zeronn": lambda: zeronn.softmax(tS), "plain": lambda: plain_softmax(S),
            "numpy": (lambda: np_softmax(nS)) if np else None},
        "forward, book network, one input": {
            "zeronn": lambda: zeronn.forward(tbook, [1.0, 0.5]), "plain": lambda: plain_forward(book, [1.0, 0.5]),
            "numpy": (lambda: np_forward(nbook, np.array([1.0, 0.5]))) if np else None},
    }


def mnist_workload(data, weights, rounds):
    x, t = mnist.get_data(data)
    network = mnist.init_network(weights)
    images, labels = x.tolist(), t.tolist()
    plain_network = {name: value.tolist() for name, value in network.items()}
    answers = {"zeronn": mnist.accuracy(network, x, t, 100)[0], "plain": plain_mnist(plain_network, images, labels)}
    implementations = {
        "zeronn": lambda: mnist.accuracy(network, x, t, 100),
        "plain": lambda: plain_mnist(plain_network, images, labels),
        "numpy": None,
    }
    if numpy is not None:
        nx, nt = numpy.array(images), numpy.array(labels)
        nnet = {name: numpy.array(value) for name, value in plain_network.items()}

        def numpy_mnist():
            correct = 0
            for i in range(0, len(nx), 100):
                z1 = 1 / (1 + numpy.exp(-(nx[i : i + 100] @ nnet["W1"] + nnet["b1"])))
                z2 = 1 / (1 + numpy.exp(-(z1 @ nnet["W2"] + nnet["b2"])))
                a3 = z2 @ nnet["W3"] + nnet["b3"]
                correct += int((a3.argmax(axis=1) == nt[i : i + 100]).sum())
            return correct

        answers["numpy"] = numpy_mnist()
        implementations["numpy"] = numpy_mnist
    if len(set(answers.values())) != 1:
        raise SystemExit(f"the MNIST pipelines disagree: {answers}")
    return compare(implementations, rounds, minimum=0.0), answers["zeronn"]


def train_accuracy_workload(data, rounds):
    """The ch05 net's accuracy over all 60,000 training images, as train_neuralnet.py asks each
    epoch: ``argmax(predict(x_train), axis=1) == t_train`` in one batch (zeronn, NumPy), and the
    same arithmetic by hand, an image at a time (plain)."""
    x, t = zeronn.io.datasets.load_mnist_split(data, "train")
    rng = random.Random(3)
    W1 = [[0.01 * rng.gauss(0, 1) for _ in range(50)] for _ in range(784)]
    W2 = [[0.01 * rng.gauss(0, 1) for _ in range(10)] for _ in range(50)]
    b1, b2 = [rng.gauss(0, 0.1) for _ in range(50)], [rng.gauss(0, 0.1) for _ in range(10)]

    def book_accuracy(np, x, t):
        affine1, relu, affine2 = Affine(np, np.array(W1), np.array(b1)), Relu(), Affine(np, np.array(W2), np.array(b2))
        return lambda: int(np.sum(np.argmax(affine2.forward(relu.forward(affine1.forward(x))), axis=1) == t))

    labels = t.tolist()
    W1T, W2T = plain_net.transpose(W1), plain_net.transpose(W2)

    def plain_accuracy():
        correct = 0
        for start in range(0, len(labels), 1000):  # a thousand images as floats at a time: all would take 1.5 GB
            batch = x[start : start + 1000].tolist()
            a1 = [list(map(add, row, b1)) for row in plain_net.matmul(batch, W1T)]
            z1 = [[v if v > 0.0 else 0.0 for v in row] for row in a1]
            a2 = [list(map(add, row, b2)) for row in plain_net.matmul(z1, W2T)]
            correct += sum(row.index(max(row)) == label for row, label in zip(a2, labels[start : start + 1000]))
        return correct

    implementations = {"zeronn": book_accuracy(zeronn, x, t), "plain": plain_accuracy, "numpy": None}
    if numpy is not None:
        pixels = numpy.frombuffer(x._storage, dtype=numpy.float32).reshape(x.shape)  # the same float32 bytes
        implementations["numpy"] = book_accuracy(numpy, pixels, numpy.array(labels))
    answers = {name: f() for name, f in implementations.items() if f is not None}
    if len(set(answers.values())) != 1:
        raise SystemExit(f"the accuracies disagree: {answers}")
    return compare(implementations, rounds, minimum=0.0)


def import_time(rounds=15):
    """Median extra seconds that ``import zeronn`` adds to a fresh interpreter.

    Measured as a user has it: with the bytecode cached (this machine sets
    PYTHONDONTWRITEBYTECODE, which would make every import compile the sources again).
    """
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def run(code):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environment, check=True)
        return time.perf_counter() - started

    run("import zeronn")  # writes the bytecode
    bare, full = [], []
    for _ in range(rounds):
        bare.append(run("pass"))
        full.append(run("import zeronn"))
    return statistics.median(full) - statistics.median(bare)


PEAK_RSS = (
    "def peak_rss_mb():\n"
    "    # VmHWM is this process's own high-water mark; ru_maxrss would also count the\n"
    "    # parent's memory at fork time.\n"
    "    with open('/proc/self/status') as status:\n"
    "        return next(int(line.split()[1]) for line in status if line.startswith('VmHWM')) / 1024\n"
)


def mnist_peak_rss(data, weights):
    code = (
        PEAK_RSS + "from zeronn.tools import mnist\n"
        f"x, t = mnist.get_data({str(data)!r})\nnetwork = mnist.init_network({str(weights)!r})\n"
        "mnist.accuracy(network, x, t, 100)\nprint(peak_rss_mb())\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True)
    return float(result.stdout)


def machine():
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as info:
            model = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{model}, {os.cpu_count()} cores"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=9, help="rounds per workload (default 9)")
    parser.add_argument("--mnist-rounds", type=int, default=3, help="rounds of the 10,000-image run (default 3)")
    parser.add_argument("--data", type=Path, default=SHARED / "mnist", help="the MNIST folder")
    parser.add_argument("--weights", type=Path, default=SHARED / "sample_weight.pkl", help="sample_weight.pkl")
    parser.add_argument("--quick", action="store_true", help="3 rounds, no MNIST: a smoke run")
    parser.add_argument("--train-accuracy", action="store_true",
                        help="also the ch05 accuracy over the 60,000 training images (about a minute a round)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    arguments = parser.parse_args()
    rounds = 3 if arguments.quick else arguments.rounds

    report = {
        "python": platform.python_version(),
        "machine": machine(),
        "numpy": numpy.__version__ if numpy is not None else None,
        "kernel": "zeronn: math.sumprod" if sys.version_info >= (3, 12) else "zeronn: sum(map(mul, row, col))",
        "rows": [],
    }
    for name, implementations in workloads(random.Random(0)).items():
        report["rows"].append({"workload": name, **compare(implementations, rounds)})
    report["rows"].append({"workload": "ch05 training step, book's layers (dx too)",
                           **compare(training_workload(random.Random(1)), rounds, minimum=0.0)})
    report["rows"].append({"workload": "ch05 training step, first Affine no dx",
                           **compare(training_workload(random.Random(1), with_dx=False), rounds, minimum=0.0)})
    report["rows"].append({"workload": "ch05 loss on 3 images (gradient_check)",
                           **compare(loss_workload(random.Random(2)), rounds)})
    have_mnist = (arguments.data / "t10k-images-idx3-ubyte.gz").exists() and arguments.weights.exists()
    if have_mnist and not arguments.quick:
        medians, correct = mnist_workload(arguments.data, arguments.weights, arguments.mnist_rounds)
        report["rows"].append({"workload": f"MNIST 10,000 images, batches of 100 ({correct} right)", **medians})
        report["mnist_peak_rss_mb"] = round(mnist_peak_rss(arguments.data, arguments.weights), 1)
    if (arguments.data / "train-images-idx3-ubyte.gz").exists() and arguments.train_accuracy:
        report["rows"].append({"workload": "ch05 accuracy, 60,000 training images",
                               **train_accuracy_workload(arguments.data, arguments.mnist_rounds)})
    report["import_ms"] = round(1000 * import_time(), 1)

    if arguments.json:
        print(json.dumps(report, indent=1))
        return
    print(f"Python {report['python']} ({report['kernel']}), {report['machine']}, "
          f"NumPy {report['numpy'] or 'not installed'}")
    print(f"{'workload':44} {'zeronn':>10} {'plain':>10} {'numpy':>10} {'zeronn/plain':>12} {'zeronn/numpy':>12}")
    for row in report["rows"]:
        cells = {key: _milliseconds(row[key]) if key in row else f"{'-':>10}" for key in ("zeronn", "plain", "numpy")}
        over_plain = row["zeronn"] / row["plain"]
        over_numpy = f"{row['zeronn'] / row['numpy']:11.1f}x" if "numpy" in row else f"{'-':>12}"
        times = " ".join(cells[key] for key in ("zeronn", "plain", "numpy"))
        print(f"{row['workload']:44} {times} {over_plain:11.2f}x {over_numpy}")
    print("(times are medians per call in milliseconds)")
    if "mnist_peak_rss_mb" in report:
        print(f"MNIST batch run, peak RSS: {report['mnist_peak_rss_mb']} MB")
    print(f"import zeronn: {report['import_ms']} ms (bytecode cached)")


def _milliseconds(seconds):
    """A time for the table, in milliseconds, with the digits a microsecond needs."""
    return f"{seconds * 1e3:9.4f}m" if seconds < 1e-4 else f"{seconds * 1e3:9.3f}m"


if __name__ == "__main__":
    main()
