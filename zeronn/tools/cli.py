"""``python -m zeronn``: the chapter-3 tour and its subcommands.

The only module that prints. Nothing imports it but ``__main__``.

- ``python -m zeronn`` (or ``python -m zeronn tour``): the seed notebook replayed
  section by section: arange, the comparison trap, each activation, the output
  layers, and the three-layer forward pass;
- ``python -m zeronn forward 1.0 0.5``: the book's network on one input vector;
- ``python -m zeronn plot NAME``: an activation's chart, in the terminal or as a file;
- ``python -m zeronn train --data DIR``: a network learns MNIST (chapters 4-6; see ``train.py``);
- ``python -m zeronn mnist --data DIR --weights FILE [--net NAME] [--limit N]``: the book's
  accuracy on MNIST (``FILE`` the book's ``sample_weight.pkl`` or an ``.npz`` of the same
  arrays; with ``--net simple-convnet`` or ``deep-convnet``, ``params.pkl`` or
  ``deep_convnet_params.pkl``);
- ``python -m zeronn book SCRIPT [--mnist DIR] [--seed N] [--mnist-limit N] [--figures DIR]``:
  one of the book's own scripts, unchanged, with ``import numpy`` giving zeronn (see ``book.py``).

Errors (bad arguments, missing or corrupt files) print one line and exit with status 2;
Ctrl-C prints one line and exits with status 130, as a shell expects.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import pickle
import re
import sys
import textwrap
import time
import traceback
from typing import Any, Callable, Dict, List, NoReturn, Optional, TextIO

from .. import creation, ops, ufuncs
from ..core import Tensor, tensor
from ..float_errors import errstate
from ..io.files import brief
from ..nn import activations, network
from . import book, mnist, trace, train
from .plot import Chart, Series, line_chart

_WIDTH = 78


def main(argv: Optional[List[str]] = None, out: TextIO = sys.stdout) -> int:
    """Run the command line; return the exit status."""
    parser = _build_parser()
    arguments = parser.parse_args(argv)
    command: Callable[[argparse.Namespace, TextIO], int] = arguments.run
    try:
        return command(arguments, out)
    except BrokenPipeError:
        # The reader went away (``python -m zeronn | head``): stop quietly, as Unix
        # tools do, and keep Python from complaining while it flushes at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as error:
        reason = error.strerror or str(error)
        print(f"zeronn: error: {reason}: {error.filename}" if error.filename else f"zeronn: error: {reason}",
              file=sys.stderr)
        return 2
    except (ValueError, TypeError, pickle.UnpicklingError) as error:
        print(f"zeronn: error: {error}", file=sys.stderr)
        return 2
    except MemoryError:  # zeronn asks before it makes anything large; this is what it could not foresee
        print("zeronn: error: out of memory (a smaller --limit, or a machine with more memory)", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return interrupted()


def interrupted() -> int:
    """Ctrl-C: one line (on a line of its own, after a progress bar), and status 130."""
    print("\nzeronn: interrupted" if sys.stderr.isatty() else "zeronn: interrupted", file=sys.stderr)
    return 130


# ---------------------------------------------------------------------------
# The tour
# ---------------------------------------------------------------------------


def tour(arguments: argparse.Namespace, out: TextIO) -> int:
    """Print the chapter-3 tour: code, then what it gives, section by section."""

    def heading(title: str) -> None:
        print(f"\n{title}\n{'-' * len(title)}", file=out)

    def show(code: str, value: object) -> None:
        print(f">>> {code}", file=out)
        print(str(value), file=out)

    charts = activation_charts(creation.arange(-5.0, 5.0, 0.1))  # the book's x axis

    def chart(name: str) -> None:
        print(file=out)
        print(charts[name].to_text(width=_WIDTH, height=10, encoding=getattr(out, "encoding", None)), file=out)

    print("zeronn: chapter 3 of Deep Learning from Scratch, in pure Python", file=out)

    heading("1. A range of inputs: arange")
    x = creation.arange(-5.0, 5.0, 0.1)
    show("x = arange(-5.0, 5.0, 0.1); x.shape", x.shape)
    show("x[:5]", x[:5])
    show("arange(1, 10, 3)", creation.arange(1, 10, 3))

    heading("2. The comparison trap")
    print("In the notebook, `if Nx.tensor(-1) < 0` is a tensor, and tensors are", file=out)
    print("always truthy. zeronn refuses to guess for more than one element:", file=out)
    print(">>> bool(tensor([-1.0, 1.0]) < 0)", file=out)
    try:
        bool(tensor([-1.0, 1.0]) < 0)
    except ValueError as error:
        print(textwrap.fill(f"ValueError: {error}", _WIDTH, subsequent_indent="    "), file=out)
    show("less([-1.0, 1.0], 0)", ufuncs.less([-1.0, 1.0], 0))
    show("greater([-1.0, 1.0], 0)", ufuncs.greater([-1.0, 1.0], 0))

    samples = tensor([-1.0, 0.0, 1.0, 2.0])
    heading("3. The step function")
    show("step([-1.0, 0.0, 1.0, 2.0])", activations.step(samples))
    chart("step")

    heading("4. The sigmoid function")
    show("sigmoid([-1.0, 0.0, 1.0, 2.0])", activations.sigmoid(samples))
    show("sigmoid([-1000.0, 1000.0])   # no overflow", activations.sigmoid([-1000.0, 1000.0]))
    chart("sigmoid")

    heading("5. ReLU")
    show("relu([-1.0, 0.0, 1.0, 2.0])", activations.relu(samples))
    print("(the notebook's Nx.max(t, 0) is elementwise: maximum(t, 0), not t.max(0))", file=out)
    chart("relu")

    heading("6. Softmax")
    a = tensor([0.3, 2.9, 4.0])
    y = activations.softmax(a)
    show("y = softmax([0.3, 2.9, 4.0]); y", y)
    show("y.sum()", y.sum())
    big = tensor([1010.0, 1000.0, 990.0])
    with errstate(over="ignore", invalid="ignore"):  # NumPy warns: overflow in exp, invalid value in divide
        naive = ufuncs.exp(big) / ufuncs.exp(big).sum()
    show("a = tensor([1010.0, 1000.0, 990.0]); exp(a) / exp(a).sum()   # inf / inf", naive)
    show("softmax(a)   # the max is subtracted first: no overflow", activations.softmax(big))
    chart("softmax")

    heading("7. Identity")
    show("identity([0.3, 2.9, 4.0])", activations.identity(a))
    chart("identity")

    heading("8. Output layers: classification vs regression")
    scores = tensor([0.3, 2.9, 4.0])
    show("softmax(scores)    # classification: probabilities", activations.softmax(scores))
    show("identity(scores)   # regression: the values themselves", activations.identity(scores))
    show("argmax(softmax(scores)) == argmax(scores)", ops.argmax(activations.softmax(scores)) == ops.argmax(scores))

    heading("9. The three-layer network (section 3.4.3)")
    book = network.init_network()
    show("network = init_network(); network['W1']", book["W1"])
    show("forward(network, [1.0, 0.5])", network.forward(book, [1.0, 0.5]))
    print("\nMore: python -m zeronn --help", file=out)
    return 0


# ---------------------------------------------------------------------------
# plot
# ---------------------------------------------------------------------------


def activation_charts(x: Tensor) -> Dict[str, Chart]:
    """Every chart the ``plot`` command draws, over the inputs ``x``, with the book's y limits."""
    return {
        "step": line_chart(x, activations.step(x), label="step", title="Step function", y_limits=(-0.1, 1.1)),
        "sigmoid": line_chart(x, activations.sigmoid(x), label="sigmoid", title="Sigmoid function",
                              y_limits=(-0.1, 1.1)),
        "relu": line_chart(x, activations.relu(x), label="relu", title="ReLU function", y_limits=(-1.0, 5.5)),
        "softmax": line_chart(x, activations.softmax(x), label="softmax",
                              title="Softmax of the whole range (sums to 1)"),
        "identity": line_chart(x, activations.identity(x), label="identity", title="Identity function"),
        "compare": Chart(
            [Series(x, activations.sigmoid(x), "sigmoid"), Series(x, activations.step(x), "step", dashed=True)],
            title="Sigmoid and step functions",
            y_limits=(-0.1, 1.1),
        ),
    }


def run_plot(arguments: argparse.Namespace, out: TextIO) -> int:
    """Draw one chart (or all of them) in the terminal or into files."""
    charts = activation_charts(_x_axis(arguments.start, arguments.stop, arguments.step))
    if arguments.name == "all":
        if arguments.output is None:
            raise ValueError("plot all needs -o DIR: the folder to write every chart into")
        os.makedirs(arguments.output, exist_ok=True)
        for name, chart in charts.items():
            for extension in (".svg", ".vl.json"):
                path = os.path.join(arguments.output, name + extension)
                chart.save(path)
                print(f"wrote {path}", file=out)
        return 0
    chart = charts[arguments.name]
    kind = arguments.format
    if arguments.output is None:
        print(_render(chart, kind or "text", getattr(out, "encoding", None)), end="", file=out)
        return 0
    if kind is None:
        kind = chart.save(arguments.output)
    else:
        with open(arguments.output, "w", encoding="utf-8") as file:
            file.write(_render(chart, kind, "utf-8"))
    print(f"wrote {arguments.output} ({kind})", file=out)
    return 0


_MAX_POINTS = 100_000  # a terminal chart has 160 dots across; an SVG of this many is already large


def _x_axis(start: float, stop: float, step: float) -> Tensor:
    """``arange(start, stop, step)`` for a chart, or a one-line error when it cannot be one."""
    for name, value in (("--start", start), ("--stop", stop), ("--step", step)):
        if not math.isfinite(value):
            raise ValueError(f"{name} must be a finite number, got {value}")
    if step == 0:
        raise ValueError("--step must not be zero")
    points = (stop - start) / step
    given = f"--start {start:g} --stop {stop:g} --step {step:g}"
    if not points > 0:
        raise ValueError(f"{given} gives no points: --stop must lie past --start in the direction of --step")
    if not points <= _MAX_POINTS:
        raise ValueError(f"{given} gives {points:.3g} points; a chart takes at most {_MAX_POINTS:,} (a larger --step)")
    return creation.arange(start, stop, step)


def _render(chart: Chart, kind: str, encoding: Optional[str]) -> str:
    if kind == "svg":
        return chart.to_svg()
    if kind == "vega-lite":
        return json.dumps(chart.to_vega_lite(), indent=1) + "\n"
    return chart.to_text(width=80, encoding=encoding) + "\n"


# ---------------------------------------------------------------------------
# forward
# ---------------------------------------------------------------------------


def run_forward(arguments: argparse.Namespace, out: TextIO) -> int:
    """Print ``y`` of the book's network for the input vector given."""
    x = tensor(arguments.x)
    y = network.forward(network.init_network(), x)
    print(f"x = {x}", file=out)
    print(f"y = {y}", file=out)
    return 0


# ---------------------------------------------------------------------------
# mnist
# ---------------------------------------------------------------------------


def run_mnist(arguments: argparse.Namespace, out: TextIO) -> int:
    """Print the accuracy of the book's weights on the MNIST test set."""
    if not os.path.exists(arguments.weights):
        raise ValueError(
            f"weights file {brief(arguments.weights)} not found; pass the book's sample_weight.pkl "
            "(ch03/ in the book's repository), or an .npz of W1, b1, W2, b2, W3, b3, with --weights"
        )
    convnet = arguments.net != "neuralnet"
    if convnet and arguments.one_by_one:
        raise ValueError(f"--one-by-one is chapter 3's loop; --net {arguments.net} predicts in batches (--batch-size)")
    x, t = (mnist.get_images if convnet else mnist.get_data)(arguments.data)
    if arguments.limit is not None:
        x, t = x[: arguments.limit], t[: arguments.limit]
    batch_size = None if arguments.one_by_one else arguments.batch_size
    show_progress = not arguments.quiet and sys.stderr.isatty()
    progress = _ProgressBar(sys.stderr) if show_progress else None
    started, cpu_started = time.perf_counter(), time.process_time()
    if convnet:
        correct, total = mnist.convnet_accuracy(arguments.net, arguments.weights, x, t, arguments.batch_size, progress)
    else:
        correct, total = mnist.accuracy(mnist.load_network(arguments.weights), x, t, batch_size, progress)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    if progress is not None:
        progress.finish()
    mode = "one by one" if batch_size is None else f"batches of {batch_size}"
    print(f"Accuracy: {correct / total if total else 0.0:.4f}", file=out)
    print(f"Correct: {correct} of {total} test images ({mode})", file=out)
    per_image = f"{1000 * elapsed / total:.1f} ms per image, " if total else ""
    print(f"Time: {elapsed:.1f} s (processor time {cpu:.1f} s), {per_image}"
          f"{total / elapsed if elapsed else 0.0:.0f} images/s", file=out)
    return 0


# ---------------------------------------------------------------------------
# book
# ---------------------------------------------------------------------------


def run_book(arguments: argparse.Namespace, out: TextIO) -> int:
    """Run one of the book's scripts on zeronn; report a failure in the book's code in one line."""
    started = time.perf_counter()
    try:
        book.run_script(arguments.script, arguments.mnist, arguments.seed, out, mnist_limit=arguments.mnist_limit,
                        figures=arguments.figures)
    except (FileNotFoundError, KeyboardInterrupt, SystemExit):
        raise  # a script that is not there; Ctrl-C (one line, 130); the script's own sys.exit(n)
    except BaseException as error:  # noqa: BLE001 - any failure in the book's code, reported with where it happened
        script_folder = os.path.dirname(os.path.dirname(os.path.abspath(arguments.script)))
        frames = [frame for frame in traceback.extract_tb(error.__traceback__)
                  if frame.filename.startswith(script_folder)]
        where = f" (at {os.path.relpath(frames[-1].filename, script_folder)}:{frames[-1].lineno})" if frames else ""
        message = str(error) if len(str(error)) <= 500 else str(error)[:497] + "..."
        print(f"zeronn: error: the book's script failed{where}: {type(error).__name__}: {message}", file=sys.stderr)
        return 1
    print(f"(ran on zeronn in {time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return 0


def run_trace(arguments: argparse.Namespace, out: TextIO) -> int:
    """Print the path an expression takes through the package (``trace.py``)."""
    package = sys.modules[__name__.rsplit(".", 2)[0]]  # zeronn (this is zeronn.tools.cli), under any name
    namespace: Dict[str, Any] = {name: getattr(package.nn, name) for name in package.nn.__all__}
    namespace.update({name: getattr(package, name) for name in package.__all__})
    namespace.update(np=package, nn=package.nn)
    try:
        if arguments.plain:  # the plain twins and the book's formula lines, as a reader wants to meet them
            with package.plain_mode(True):
                path = trace.trace_path(arguments.expression, namespace, arguments.setup)
        else:
            path = trace.trace_path(arguments.expression, namespace, arguments.setup)
    except SyntaxError as error:
        raise ValueError(f"not a Python expression: {error.msg}: {arguments.expression!r}") from None
    print(trace.format_path(path, crossings=arguments.crossings), file=out)
    return 0


class _ProgressBar:
    """A one-line progress bar on a terminal: ``[#####.....] 5000/10000``, redrawn in place."""

    def __init__(self, stream: TextIO, width: int = 40) -> None:
        self._stream = stream
        self._width = width
        self._shown = -1

    def __call__(self, done: int, total: int) -> None:
        filled = self._width * done // total if total else self._width
        if filled == self._shown and done != total:
            return  # redraw only when the bar moves
        self._shown = filled
        bar = "#" * filled + "." * (self._width - filled)
        self._stream.write(f"\r[{bar}] {done}/{total}")
        self._stream.flush()

    def finish(self) -> None:
        self._stream.write("\n")
        self._stream.flush()


_NEGATIVE_NUMBER = re.compile(r"^-(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$|^-(inf|infinity|nan)$", re.IGNORECASE)


def _positive_int(text: str) -> int:
    """An argument that counts something: argparse names this function in its message
    for a ``ValueError``, so every refusal is an ``ArgumentTypeError`` saying what is wanted."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a positive integer, got {brief(text)}")
    return value


def _seed(text: str) -> int:
    """A seed for ``np.random.seed``: an int from 0 to 2**32 - 1, as NumPy's legacy seeding takes."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be an integer, got {brief(text)}") from None
    if not 0 <= value < 2**32:
        raise argparse.ArgumentTypeError(f"Seed must be between 0 and 2**32 - 1, got {brief(value)}")
    return value


class _Parser(argparse.ArgumentParser):
    """argparse, with errors in one line (argparse prints the whole usage first), and
    negative numbers in any form Python reads (``-2.5e-3``, ``-1e1``, ``-inf``) taken as
    numbers, not as options: argparse alone knows only ``-2`` and ``-2.5``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._negative_number_matcher = _NEGATIVE_NUMBER  # the attribute argparse consults

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m zeronn",
        description="Chapter 3 of Deep Learning from Scratch in pure Python. "
        "With no command, runs the tour.",
    )
    parser.set_defaults(run=tour)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    commands.add_parser("tour", help="the chapter-3 tour (the default)").set_defaults(run=tour)
    forward = commands.add_parser(
        "forward",
        help="the book's 2-3-2-2 network on one input",
        description="Run the book's three-layer network (init_network, forward) on X.",
    )
    forward.add_argument("x", nargs=2, type=float, metavar="X", help="the two input numbers, e.g. 1.0 0.5")
    forward.set_defaults(run=run_forward)

    plot = commands.add_parser(
        "plot",
        help="chart an activation (terminal, SVG or Vega-Lite)",
        description="Chart an activation over arange(START, STOP, STEP): in the terminal by default, "
        "or as SVG or Vega-Lite JSON. 'all' writes every chart as .svg and .vl.json into -o DIR.",
    )
    plot.add_argument("name", choices=["step", "sigmoid", "relu", "softmax", "identity", "compare", "all"],
                      metavar="NAME", help="step, sigmoid, relu, softmax, identity, compare (sigmoid and step) "
                      "or all")
    plot.add_argument("--format", choices=["svg", "vega-lite", "text"],
                      help="the output format (default: text, or from the -o file's extension)")
    plot.add_argument("-o", "--output", metavar="FILE", help="write to FILE (for 'all': into the folder FILE)")
    plot.add_argument("--start", type=float, default=-5.0, help="first x (default -5.0)")
    plot.add_argument("--stop", type=float, default=5.0, help="x stops before this (default 5.0)")
    plot.add_argument("--step", type=float, default=0.1, help="x step (default 0.1)")
    plot.set_defaults(run=run_plot)

    digits = commands.add_parser(
        "mnist",
        help="classify the MNIST test set with the book's weights",
        description="Chapter 3's last experiment: the book's sample_weight.pkl on the 10,000 "
        "MNIST test images (accuracy 0.9352); with --net, the pretrained conv nets of chapters 7 and 8 "
        "(simple-convnet with ch07/params.pkl: 0.96; deep-convnet with ch08/deep_convnet_params.pkl: 0.9797).",
    )
    digits.add_argument("--net", choices=["neuralnet", "simple-convnet", "deep-convnet"], default="neuralnet",
                        help="the network: chapter 3's (default), or chapter 7's SimpleConvNet or chapter 8's "
                        "DeepConvNet, whose weights --weights gives")
    digits.add_argument("--data", required=True, metavar="DIR",
                        help="the folder with t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz")
    digits.add_argument("--weights", required=True, metavar="FILE",
                        help="the book's sample_weight.pkl, or an .npz of W1, b1, W2, b2, W3, b3 "
                        "(with --net: params.pkl or deep_convnet_params.pkl)")
    digits.add_argument("--batch-size", type=_positive_int, default=100, metavar="N",
                        help="images per batch (default 100)")
    digits.add_argument("--one-by-one", action="store_true", help="the book's first loop: one image at a time")
    digits.add_argument("--limit", type=_positive_int, metavar="N", help="use only the first N test images")
    digits.add_argument("--quiet", action="store_true", help="no progress bar")
    digits.set_defaults(run=run_mnist)

    script = commands.add_parser(
        "book",
        help="run one of the book's own scripts on zeronn",
        description="Run a script of the book's repository (oreilly-japan/deep-learning-from-scratch) "
        "unchanged, as 'cd ch05 && python gradient_check.py' would, with 'import numpy' giving zeronn; "
        "matplotlib charts are drawn in the terminal.",
    )
    script.add_argument("script", metavar="SCRIPT",
                        help="the script, e.g. deep-learning-from-scratch/ch05/gradient_check.py")
    script.add_argument("--mnist", metavar="DIR",
                        help="copy the four MNIST .gz files from DIR into the book's dataset/")
    script.add_argument("--seed", type=_seed, metavar="N",
                        help="seed zeronn.random first (as np.random.seed(N)), to compare a run with NumPy's")
    script.add_argument("--mnist-limit", type=_positive_int, metavar="N",
                        help="the book's load_mnist returns only the first N images of each split (a quick run)")
    script.add_argument("--figures", metavar="DIR", help="also write each figure shown into DIR as SVG")
    script.set_defaults(run=run_book)

    train.add_parser(commands, _positive_int, float)

    path = commands.add_parser(
        "trace",
        help="list the functions an expression runs through, for reading the source",
        description="Run EXPRESSION with zeronn's names (and np, nn) at hand, and print the package's "
        "functions it enters, in order, with file and line, then the size of that path.",
    )
    path.add_argument("expression", metavar="EXPRESSION",
                      help="e.g. \"forward(init_network(), array([1.0, 0.5]))\"")
    path.add_argument("--setup", default="", metavar="CODE",
                      help="statements to run first, untraced, e.g. \"a = arange(6.0).reshape(2, 3)\"")
    path.add_argument("--plain", action="store_true",
                      help="run in plain mode (zeronn.plain_mode): the plain twins of the kernels, the book's formulas")
    path.add_argument("--crossings", action="store_true",
                      help="also list each caller -> callee pair that crosses from one file to another")
    path.set_defaults(run=run_trace)
    return parser
