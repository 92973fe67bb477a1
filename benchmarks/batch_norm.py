"""One iteration of the book's batch-norm comparison (``ch06/batch_norm_test.py``), timed.

    python benchmarks/batch_norm.py [--book DIR] [--mnist DIR | --random] [--iterations N] [--numpy]

The book's own code: two ``MultiLayerNetExtend`` of five hidden layers of 100 (one with
batch normalisation, one without), each a gradient and an SGD step on a batch of 100
MNIST training images, normalised to float32 as the book's ``load_mnist`` gives them (or,
with ``--random`` or without the files, 100 random "images" of 784 pixels, which have no
zeros to skip): the loop body of ``batch_norm_test.py``. With ``--numpy``
the same code runs on NumPy (one BLAS thread), for the ratio. The time is processor
time per iteration (the median), so that a shared machine's other programs do not count.
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ZERONN_SHARED", ROOT.parent / "shared"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--book", default=str(SHARED / "book"))
    parser.add_argument("--mnist", default=str(SHARED / "data" / "mnist"), help="the folder with MNIST's files")
    parser.add_argument("--random", action="store_true", help="random inputs instead of MNIST images")
    parser.add_argument("--iterations", type=int, default=5)
    parser.add_argument("--numpy", action="store_true", help="run the book's code on NumPy instead")
    arguments = parser.parse_args()
    if arguments.numpy:
        os.environ["OPENBLAS_NUM_THREADS"] = "1"
        import numpy
    else:
        sys.path.insert(0, str(ROOT))
        import zeronn as numpy

        sys.modules["numpy"] = numpy  # the book's code imports numpy: give it zeronn
    sys.path.insert(0, arguments.book)
    from common.multi_layer_net_extend import MultiLayerNetExtend
    from common.optimizer import SGD

    numpy.random.seed(0)
    images = Path(arguments.mnist) / "train-images-idx3-ubyte.gz"
    if arguments.random or not images.exists():
        x = numpy.random.rand(100, 784)
        t = numpy.eye(10)[numpy.random.randint(0, 10, 100)]
    else:
        x = numpy.array(first_images(images, 100), dtype=numpy.float32) / numpy.float32(255.0)
        t = numpy.eye(10)[first_labels(Path(arguments.mnist) / "train-labels-idx1-ubyte.gz", 100)]
    networks = [MultiLayerNetExtend(input_size=784, hidden_size_list=[100] * 5, output_size=10,
                                    weight_init_std=0.01, use_batchnorm=use) for use in (True, False)]  # fmt: skip
    optimizer = SGD(lr=0.01)
    times = []
    for _ in range(arguments.iterations):
        started = time.process_time()
        for network in networks:  # batch_norm_test.py's loop body
            grads = network.gradient(x, t)
            optimizer.update(network.params, grads)
        times.append(time.process_time() - started)
    library = "NumPy" if arguments.numpy else "zeronn"
    inputs = "random inputs" if arguments.random or not images.exists() else "MNIST images"
    print(f"{library}: {1000 * statistics.median(times):.1f} ms of processor time per iteration "
          f"(median of {len(times)}; {inputs}; Python {sys.version.split()[0]})")


def first_images(path: Path, count: int) -> list:
    """The first ``count`` images of an MNIST idx file, as rows of 784 ints (0-255)."""
    with gzip.open(path) as file:
        file.read(16)  # the header: magic number, count, rows, columns
        return [list(file.read(784)) for _ in range(count)]


def first_labels(path: Path, count: int) -> list:
    with gzip.open(path) as file:
        file.read(8)
        return list(file.read(count))


if __name__ == "__main__":
    main()
