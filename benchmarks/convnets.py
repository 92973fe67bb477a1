"""Convolutions side by side: zeronn, a plain hand-written im2col loop, and NumPy (the book's code).

    python benchmarks/convnets.py                  # the table (about 5 minutes on a quiet machine)
    python benchmarks/convnets.py --quick          # fewer images and rounds: a smoke run
    python benchmarks/convnets.py --json           # the same, machine-readable
    python benchmarks/convnets.py --memory         # also DeepConvNet's peak memory over all 10,000 test images

Every workload is timed interleaved in one process (zeronn, plain, NumPy, each round
starting with the next one) and the table shows medians and the ratios zeronn/plain and
zeronn/NumPy: ratios measured side by side hold on a shared, noisy machine where absolute
times do not. This is a script, never a test: nothing here passes or fails.

"plain" is what a careful programmer writes by hand with nested lists: ``im2col`` with a
slice per filter line (``row += line[j*stride : j*stride + FW]``), one
``sum(map(mul, row, w))`` per output and filter, the filters flattened once, ``col2im``
adding a slice at a time, pooling with ``max`` over each window. It computes in float64 on
every Python version; zeronn uses ``math.sumprod`` on 3.12+ and skips the zeros of the left
operand of a product when there are many (see ``zeronn/kernels.py``), which is where its
lead over plain comes from. NumPy's column is the book's own code (``common/layers.py``,
``ch07/simple_convnet.py``, ``ch08/deep_convnet.py``) on NumPy, when NumPy and the book are
at hand.

The workloads, all on the real MNIST test images and the book's trained weights:

- the convolution layer, forward and backward, on SimpleConvNet's first layer (30 filters
  of 5 x 5 on 28 x 28 images) and on DeepConvNet's second (16 filters of 16 x 3 x 3,
  padded by 1, on the first layer's ReLU output);
- SimpleConvNet and DeepConvNet inference, per image (batches of 100), with the accuracy
  each gives (the same for all three, or the script stops).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
from operator import add, mul
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from run import compare  # noqa: E402  (benchmarks/run.py: interleaved rounds, medians)

import zeronn  # noqa: E402
from zeronn.io.datasets import load_mnist_split  # noqa: E402
from zeronn.nn import Convolution, DeepConvNet, SimpleConvNet  # noqa: E402

try:
    import numpy
except ImportError:  # NumPy is optional: its column is left empty
    numpy = None

SHARED = Path(os.environ.get("ZERONN_SHARED", ROOT.parent / "shared"))  # as tests/conftest.py finds it
MNIST = SHARED / "data" / "mnist"
BOOK = SHARED / "book"
WEIGHTS = {"simple": BOOK / "ch07" / "params.pkl", "deep": BOOK / "ch08" / "deep_convnet_params.pkl"}

# ---------------------------------------------------------------------------
# The plain kernels: nested lists, by hand
# ---------------------------------------------------------------------------


def plain_pad(images, pad):
    """(N, C, H, W) nested lists with ``pad`` zeros around each channel."""
    if not pad:
        return images
    padded = []
    for image in images:
        planes = []
        for plane in image:
            width = len(plane[0]) + 2 * pad
            edge = [0.0] * pad
            planes.append([[0.0] * width for _ in range(pad)] + [edge + line + edge for line in plane]
                          + [[0.0] * width for _ in range(pad)])
        padded.append(planes)
    return padded


def plain_im2col(images, FH, FW, stride, pad):
    """The patches, one list per output place (n, i, j): a slice per filter line."""
    images = plain_pad(images, pad)
    H, W = len(images[0][0]), len(images[0][0][0])
    out_h, out_w = (H - FH) // stride + 1, (W - FW) // stride + 1
    col = []
    for image in images:
        for i in range(out_h):
            for j in range(out_w):
                row = []
                for plane in image:
                    for dy in range(FH):
                        row += plane[i * stride + dy][j * stride : j * stride + FW]
                col.append(row)
    return col, out_h, out_w


def flat_filters(W):
    """(FN, C, FH, FW) nested lists as FN flat rows."""
    return [[v for plane in f for line in plane for v in line] for f in W]


def plain_conv_forward(images, W, b, stride, pad):
    """(N, FN, out_h, out_w) nested lists, and the patches (for backward)."""
    col, out_h, out_w = plain_im2col(images, len(W[0][0]), len(W[0][0][0]), stride, pad)
    filters = flat_filters(W)
    rows = [[sum(map(mul, row, f)) + bias for f, bias in zip(filters, b)] for row in col]
    places = out_h * out_w
    out = []
    for n in range(len(images)):
        channels = zip(*rows[n * places : (n + 1) * places])
        out.append([[list(channel[i * out_w : (i + 1) * out_w]) for i in range(out_h)] for channel in channels])
    return out, col


def plain_conv_backward(images, W, col, dout, stride, pad):
    """dx (N, C, H, W), dW as FN flat rows, db."""
    FH, FW = len(W[0][0]), len(W[0][0][0])
    dout_rows = []  # one row of FN per output place
    for image in dout:
        dout_rows += zip(*[[v for line in channel for v in line] for channel in image])
    db = [sum(column) for column in zip(*dout_rows)]
    col_T, dout_T = list(zip(*col)), list(zip(*dout_rows))
    dW = [[sum(map(mul, d, c)) for c in col_T] for d in dout_T]
    W_columns = list(zip(*flat_filters(W)))
    dcol = [[sum(map(mul, d, w)) for w in W_columns] for d in dout_rows]
    # col2im: each row's numbers added back where its patch was, a filter line at a time
    padded = plain_pad([[[[0.0] * len(images[0][0][0]) for _ in image[0]] for _ in image] for image in images], pad)
    out_h, out_w = len(dout[0][0]), len(dout[0][0][0])
    r = 0
    for image in padded:
        for i in range(out_h):
            for j in range(out_w):
                row, k = dcol[r], 0
                for plane in image:
                    for dy in range(FH):
                        line, left = plane[i * stride + dy], j * stride
                        line[left : left + FW] = map(add, line[left : left + FW], row[k : k + FW])
                        k += FW
                r += 1
    H, W_ = len(images[0][0]), len(images[0][0][0])
    dx = [[[line[pad : pad + W_] for line in plane[pad : pad + H]] for plane in image] for image in padded]
    return dx, dW, db


def plain_relu(images):
    return [[[[v if v > 0.0 else 0.0 for v in line] for line in plane] for plane in image] for image in images]


def plain_pool(images, size=2, stride=2):
    out = []
    for image in images:
        planes = []
        for plane in image:
            out_h, out_w = (len(plane) - size) // stride + 1, (len(plane[0]) - size) // stride + 1
            planes.append([[max(v for line in plane[i * stride : i * stride + size]
                                for v in line[j * stride : j * stride + size]) for j in range(out_w)]
                           for i in range(out_h)])
        out.append(planes)
    return out


def plain_affine(rows, W, b):
    WT = list(zip(*W))
    return [[sum(map(mul, row, column)) + bias for column, bias in zip(WT, b)] for row in rows]


def flatten_images(images):
    return [[v for plane in image for line in plane for v in line] for image in images]


def plain_simple_convnet(params, images):
    h, _ = plain_conv_forward(images, params["W1"], params["b1"], 1, 0)
    h = plain_pool(plain_relu(h))
    h = plain_affine(flatten_images(h), params["W2"], params["b2"])
    h = [[v if v > 0.0 else 0.0 for v in row] for row in h]
    return plain_affine(h, params["W3"], params["b3"])


DEEP_PADS = (1, 1, 1, 2, 1, 1)


def plain_deep_convnet(params, images):
    h = images
    for idx, pad in enumerate(DEEP_PADS, start=1):
        h = plain_relu(plain_conv_forward(h, params[f"W{idx}"], params[f"b{idx}"], 1, pad)[0])
        if idx % 2 == 0:
            h = plain_pool(h)
    h = plain_affine(flatten_images(h), params["W7"], params["b7"])
    h = [[0.5 * (v if v > 0.0 else 0.0) for v in row] for row in h]  # ReLU, then dropout's test scaling
    return [[0.5 * v for v in row] for row in plain_affine(h, params["W8"], params["b8"])]


def argmax_rows(rows):
    return [row.index(max(row)) for row in rows]


# ---------------------------------------------------------------------------
# NumPy with the book's own code
# ---------------------------------------------------------------------------


def books_networks():
    """The book's SimpleConvNet and DeepConvNet classes, imported from its files (or None)."""
    if numpy is None or not BOOK.is_dir():
        return None
    sys.path[:0] = [str(BOOK), str(BOOK / "ch07"), str(BOOK / "ch08")]
    try:
        from common.layers import Convolution as BookConvolution
        from deep_convnet import DeepConvNet as BookDeepConvNet
        from simple_convnet import SimpleConvNet as BookSimpleConvNet
    finally:
        del sys.path[:3]
    return BookSimpleConvNet, BookDeepConvNet, BookConvolution


# ---------------------------------------------------------------------------
# Timing
# ---------------------------------------------------------------------------


def convolution_workloads(x, simple, deep, book):
    """Forward and backward of SimpleConvNet's first layer and DeepConvNet's second."""
    first = zeronn.nn.Relu().forward(Convolution(deep.params["W1"], deep.params["b1"], 1, 1).forward(x))
    cases = {
        "SimpleConvNet conv1 (30x1x5x5)": (x, simple.params["W1"], simple.params["b1"], 1, 0),
        "DeepConvNet conv2 (16x16x3x3, pad 1)": (first, deep.params["W2"], deep.params["b2"], 1, 1),
    }
    results = {}
    for name, case in cases.items():
        forward, backward, images = convolution_case(*case, book)
        results[name + ", forward"] = (forward, images)
        results[name + ", backward"] = (backward, images)
    return results


def convolution_case(images, W, b, stride, pad, book):
    """The forward and backward implementations of one convolution layer, and its number of images."""
    layer = Convolution(W, b, stride, pad)
    out = layer.forward(images)
    dout = zeronn.random.randn(*out.shape) * (out > 0)  # a gradient as ReLU lets it through: zeros where out <= 0
    lists = {"x": images.tolist(), "W": W.tolist(), "b": b.tolist(), "dout": dout.tolist()}
    _, col = plain_conv_forward(lists["x"], lists["W"], lists["b"], stride, pad)
    forward = {
        "zeronn": lambda: layer.forward(images),
        "plain": lambda: plain_conv_forward(lists["x"], lists["W"], lists["b"], stride, pad),
        "numpy": None,
    }
    backward = {
        "zeronn": lambda: layer.backward(dout),
        "plain": lambda: plain_conv_backward(lists["x"], lists["W"], col, lists["dout"], stride, pad),
        "numpy": None,
    }
    if book is not None:
        book_layer = book[2](numpy.array(lists["W"]), numpy.array(lists["b"]), stride, pad)
        n_x, n_dout = numpy.array(lists["x"]), numpy.array(lists["dout"])
        book_layer.forward(n_x)
        forward["numpy"] = lambda: book_layer.forward(n_x)
        backward["numpy"] = lambda: book_layer.backward(n_dout)
    return forward, backward, len(lists["x"])


def inference_workloads(x, t, simple, deep, book, plain_params):
    labels = t.tolist()
    images = x.tolist()
    networks = {"SimpleConvNet": (simple, plain_simple_convnet, "simple"),
                "DeepConvNet": (deep, plain_deep_convnet, "deep")}
    results = {}
    for name, (network, plain, key) in networks.items():
        answers = {"zeronn": network.accuracy(x, t),
                   "plain": sum(p == label for p, label in zip(argmax_rows(plain(plain_params[key], images)), labels))
                   / len(labels)}
        implementations = {
            "zeronn": lambda network=network: network.accuracy(x, t),
            "plain": lambda plain=plain, key=key: plain(plain_params[key], images),
            "numpy": None,
        }
        if book is not None:
            book_network = (book[0] if key == "simple" else book[1])()
            book_network.load_params(str(WEIGHTS[key]))
            n_x, n_t = numpy.array(images), numpy.array(labels)
            batch = min(100, len(labels))  # the book's loop leaves out a last, smaller batch
            answers["numpy"] = float(book_network.accuracy(n_x, n_t, batch))
            implementations["numpy"] = (lambda book_network=book_network, n_x=n_x, n_t=n_t, batch=batch:
                                        book_network.accuracy(n_x, n_t, batch))
        if len(set(answers.values())) != 1:
            raise SystemExit(f"{name}: the implementations disagree on the accuracy: {answers}")
        results[f"{name} inference"] = (implementations, len(labels), answers["zeronn"])
    return results


PEAK_RSS = (
    "def peak_rss_mb():\n"
    "    with open('/proc/self/status') as status:\n"
    "        return next(int(line.split()[1]) for line in status if line.startswith('VmHWM')) / 1024\n"
)


def deep_convnet_peak_memory(limit=None):
    """Peak memory (MB) and seconds of DeepConvNet's accuracy on the test images, in a fresh process."""
    code = (
        PEAK_RSS + "import time\nfrom zeronn.io.datasets import load_mnist_split\nfrom zeronn.nn import DeepConvNet\n"
        f"x, t = load_mnist_split({str(MNIST)!r}, 'test', flatten=False)\n"
        f"x, t = x[:{limit}], t[:{limit}]\n"
        f"network = DeepConvNet()\nnetwork.load_params({str(WEIGHTS['deep'])!r})\n"
        "started = time.perf_counter()\naccuracy = network.accuracy(x, t)\n"
        "print(accuracy, time.perf_counter() - started, peak_rss_mb())\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True)
    accuracy, seconds, peak = result.stdout.split()
    return float(accuracy), float(seconds), float(peak)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20 images, 2 rounds: a smoke run")
    parser.add_argument("--images", type=int, default=None, help="images per workload (default 100)")
    parser.add_argument("--rounds", type=int, default=None, help="rounds (default 3)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--memory", action="store_true", help="DeepConvNet over all 10,000 test images, peak memory")
    args = parser.parse_args()
    count = args.images or (20 if args.quick else 100)
    rounds = args.rounds or (2 if args.quick else 3)
    if not (MNIST / "t10k-images-idx3-ubyte.gz").exists() or not all(path.exists() for path in WEIGHTS.values()):
        raise SystemExit(f"needs MNIST in {MNIST} and the book's weights in {BOOK}")

    x, t = load_mnist_split(MNIST, "test", flatten=False)
    x, t = x[:count], t[:count]
    zeronn.random.seed(0)
    simple, deep = SimpleConvNet(), DeepConvNet()
    simple.load_params(WEIGHTS["simple"])
    deep.load_params(WEIGHTS["deep"])
    plain_params = {"simple": {key: value.tolist() for key, value in simple.params.items()},
                    "deep": {key: value.tolist() for key, value in deep.params.items()}}
    book = books_networks()

    rows = []
    workloads = {**convolution_workloads(x, simple, deep, book), **inference_workloads(x, t, simple, deep, book,
                                                                                        plain_params)}
    for name, (implementations, images, *accuracy) in workloads.items():
        seconds = compare(implementations, rounds, minimum=0.0)
        row = {"workload": name, "per_image_ms": {k: 1000 * v / images for k, v in seconds.items()},
               "zeronn/plain": seconds["zeronn"] / seconds["plain"]}
        if "numpy" in seconds:
            row["zeronn/numpy"] = seconds["zeronn"] / seconds["numpy"]
        if accuracy:
            row["accuracy"] = accuracy[0]
        rows.append(row)
        if not args.json:
            ms = row["per_image_ms"]
            numpy_part = ""
            if "numpy" in ms:
                numpy_part = f"  numpy {ms['numpy']:8.3f} ms  zeronn/numpy {row['zeronn/numpy']:6.0f}x"
            print(f"{name:48s} zeronn {ms['zeronn']:8.2f} ms  plain {ms['plain']:8.2f} ms  "
                  f"zeronn/plain {row['zeronn/plain']:5.2f}x{numpy_part}", flush=True)
    report = {"python": platform.python_version(), "machine": platform.machine(), "images": count,
              "rounds": rounds, "workloads": rows}
    if args.memory:
        accuracy, seconds, peak = deep_convnet_peak_memory()
        report["deep_convnet_all_test_images"] = {"accuracy": accuracy, "seconds": seconds, "peak_mb": peak}
        if not args.json:
            print(f"DeepConvNet, all 10,000 test images: accuracy {accuracy}, {seconds:.0f} s "
                  f"({1000 * seconds / 10000:.0f} ms per image), peak memory {peak:.0f} MB")
    if args.json:
        print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
