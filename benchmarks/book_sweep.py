"""Run every script of the book on zeronn and on NumPy, and write the table of what each prints.

    python benchmarks/book_sweep.py --book /work/shared/book --mnist /work/shared/data/mnist \
        --work /tmp/sweep --timeout 180 --mnist-limit 100 > table.md

Each script runs in a process of its own, as ``cd chNN && python script.py`` would, twice:
with ``import numpy`` giving zeronn (``tools.book.run_script``, whose charts go elsewhere
so that only what the script prints is compared) and with NumPy itself (matplotlib's
``Agg`` back end, ``show`` a no-op), each from its own copy of the book (the book's MNIST
cache, ``dataset/mnist.pkl``, holds each library's own arrays), with ``random.seed(0)``.
The long training scripts (``LIMITED``) get the first ``--mnist-limit`` images of each
split, in both runs alike. A script that has used ``--timeout`` seconds of processor time
is stopped (the machine is shared: the clock would measure the other programs too).

The table gives, for each script: the last line it printed on each (or the error), whether
the two outputs agree line for line, and the processor time of each run (the machine is
shared, so processor time says more than the clock). Needs NumPy and matplotlib for the
NumPy runs; zeronn itself needs neither.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import runpy
import shutil
import subprocess
import sys
import time
from typing import Dict, List, Optional, Tuple

# The scripts that train on MNIST or classify all of it: given the first N images only.
LIMITED = {
    "ch04/train_neuralnet.py", "ch05/train_neuralnet.py", "ch06/batch_norm_test.py",
    "ch06/hyperparameter_optimization.py", "ch06/optimizer_compare_mnist.py", "ch06/overfit_dropout.py",
    "ch06/overfit_weight_decay.py", "ch06/weight_init_compare.py", "ch07/train_convnet.py",
    "ch08/train_deepnet.py", "ch08/half_float_network.py", "ch08/misclassified_mnist.py",
}  # fmt: skip
WEIGHTS = ("ch03/sample_weight.pkl", "ch07/params.pkl", "ch08/deep_convnet_params.pkl")
MNIST_FILES = ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
               "t10k-labels-idx1-ubyte.gz")  # fmt: skip


def scripts(book: str) -> List[str]:
    """Every script of chapters 1-8 and ``dataset/mnist.py``, relative to ``book``."""
    found = [os.path.join(chapter, name) for chapter in sorted(os.listdir(book)) if chapter.startswith("ch")
             for name in sorted(os.listdir(os.path.join(book, chapter))) if name.endswith(".py")]  # fmt: skip
    return found + ["dataset/mnist.py"]


def copy_book(book: str, mnist: str, target: str) -> str:
    if not os.path.isdir(target):
        shutil.copytree(book, target)
        for name in MNIST_FILES:
            shutil.copyfile(os.path.join(mnist, name), os.path.join(target, "dataset", name))
    return target


def run_one(library: str, book: str, script: str, limit: Optional[int], timeout: float) -> Tuple[str, float, str]:
    """``(stdout, processor seconds, status)`` of one script run in a process of its own."""
    command = [sys.executable, os.path.abspath(__file__), "--run", library, os.path.join(book, script)]
    if limit is not None:
        command += ["--mnist-limit", str(limit)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = int(timeout)

    def limit_processor_time() -> None:  # the child gets SIGXCPU after that much processor time
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 5))

    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=20 * timeout,
                              preexec_fn=limit_processor_time)  # fmt: skip
        output = done.stdout
        if done.returncode == 0:
            status = "ok"
        elif done.returncode in (-24, -9):  # SIGXCPU, SIGKILL
            status = f"stopped after {seconds} s of processor time"
        else:
            status = (done.stderr.strip().splitlines() or ["failed"])[-1]
    except subprocess.TimeoutExpired as stopped:
        output = stopped.stdout.decode() if isinstance(stopped.stdout, bytes) else (stopped.stdout or "")
        status = f"stopped after {20 * timeout:.0f} s"
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return output, cpu, status


def run_here(library: str, script: str, limit: Optional[int]) -> None:
    """Run ``script`` in this process, on ``library`` ("zeronn" or "numpy"), seeded with 0."""
    script = os.path.abspath(script)
    if library == "zeronn":
        sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        from zeronn.tools.book import run_script

        run_script(script, seed=0, out=io.StringIO(), mnist_limit=limit)  # charts into the StringIO
        return
    os.environ["OPENBLAS_NUM_THREADS"] = "1"  # one thread, as zeronn: its processor time is then comparable
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy

    plt.show = lambda *args, **kwargs: None
    numpy.random.seed(0)
    folder = os.path.dirname(script)
    os.chdir(folder)
    sys.path.insert(0, folder)
    sys.path.insert(1, os.path.dirname(folder))
    sys.argv = [script]
    if limit is not None:
        import pickle

        import dataset.mnist as book_mnist  # the book's loader: its pickle.load keeps the first N rows

        class Limited:
            def __getattr__(self, name: str) -> object:
                return getattr(pickle, name)

            @staticmethod
            def load(file: object) -> object:
                loaded = pickle.load(file)  # type: ignore[arg-type]
                return {key: value[:limit].copy() for key, value in loaded.items()}

        book_mnist.pickle = Limited()  # type: ignore[assignment]
    runpy.run_path(script, run_name="__main__")


def shown(text: str, width: int = 60) -> str:
    line = next((line for line in reversed(text.strip().splitlines()) if line.strip()), "(nothing)")
    line = line.strip().replace("|", "\\|")
    return line if len(line) <= width else line[: width - 1] + "…"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--book", default="../shared/book")
    parser.add_argument("--mnist", default="../shared/data/mnist")
    parser.add_argument("--work", default="/tmp/zeronn-book-sweep")
    parser.add_argument("--timeout", type=float, default=30.0, help="processor seconds per script and library")
    parser.add_argument("--mnist-limit", type=int, help="images per split for the LIMITED scripts (default 100)")
    parser.add_argument("--only", nargs="*", help="these scripts only (e.g. ch03/relu.py)")
    parser.add_argument("--run", nargs=2, metavar=("LIBRARY", "SCRIPT"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.run:
        run_here(arguments.run[0], arguments.run[1], arguments.mnist_limit)
        return
    arguments.mnist_limit = arguments.mnist_limit or 100
    books: Dict[str, str] = {library: copy_book(arguments.book, arguments.mnist, os.path.join(arguments.work, library))
                             for library in ("zeronn", "numpy")}  # fmt: skip
    print("| script | `--mnist-limit` | zeronn prints (last line) | NumPy prints (last line) | same output | "
          "zeronn CPU s | NumPy CPU s |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for script in arguments.only or scripts(arguments.book):
        limit = arguments.mnist_limit if script in LIMITED else None
        results = {library: run_one(library, books[library], script, limit, arguments.timeout)
                   for library in ("numpy", "zeronn")}  # fmt: skip
        for library in books:  # the training scripts save over the book's weights: put them back
            for weights in WEIGHTS:
                shutil.copyfile(os.path.join(arguments.book, weights), os.path.join(books[library], weights))
        (mine, mine_cpu, mine_status), (theirs, their_cpu, their_status) = results["zeronn"], results["numpy"]
        same = "yes" if mine.strip() == theirs.strip() and mine_status == their_status == "ok" else "no"
        left = shown(mine) if mine_status == "ok" else f"{shown(mine, 30)} — **{shown(mine_status, 40)}**"
        right = shown(theirs) if their_status == "ok" else f"{shown(theirs, 30)} — **{shown(their_status, 40)}**"
        print(f"| {script} | {limit or ''} | {left} | {right} | {same} | {mine_cpu:.1f} | {their_cpu:.1f} |",
              flush=True)
        for library, (output, _, _) in results.items():  # the whole outputs, to compare by eye
            with open(os.path.join(arguments.work, f"{script.replace('/', '_')}.{library}.txt"), "w") as file:
                file.write(output)
    print(f"\n(run {time.strftime('%Y-%m-%d %H:%M')} UTC, Python {sys.version.split()[0]}, timeout "
          f"{arguments.timeout:.0f} s per script)")


if __name__ == "__main__":
    main()
