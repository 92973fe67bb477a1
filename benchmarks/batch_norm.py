"""One iteration of the book's batch-norm comparison (``ch06/batch_norm_test.py``), timed.

    python benchmarks/batch_norm.py [--book DIR] [--iterations N] [--numpy]

The book's own code: two ``MultiLayerNetExtend`` of five hidden layers of 100 (one with
batch normalisation, one without), each a gradient and an SGD step on a batch of 100
random "images" of 784 pixels: the loop body of ``batch_norm_test.py``. With ``--numpy``
the same code runs on NumPy (one BLAS thread), for the ratio. The time is processor
time per iteration (the median), so that a shared machine's other programs do not count.
"""

from __future__ import annotations

import argparse
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
    x = numpy.random.rand(100, 784)
    t = numpy.eye(10)[numpy.random.randint(0, 10, 100)]
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
    print(f"{library}: {1000 * statistics.median(times):.1f} ms of processor time per iteration "
          f"(median of {len(times)}; Python {sys.version.split()[0]})")


if __name__ == "__main__":
    main()
