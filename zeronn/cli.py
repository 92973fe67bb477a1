"""``python -m zeronn``: the chapter-3 tour, and the ``forward`` subcommand.

The only module that prints. Nothing imports it but ``__main__``.

- ``python -m zeronn`` (or ``python -m zeronn tour``): the seed notebook replayed
  section by section: arange, the comparison trap, each activation, the output
  layers, and the three-layer forward pass;
- ``python -m zeronn forward 1.0 0.5``: the book's network on one input vector.

Errors in the arguments print one line and exit with status 2.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from typing import Callable, List, Optional, TextIO

from . import activations, creation, network, ops
from .core import tensor

_WIDTH = 78


def main(argv: Optional[List[str]] = None, out: TextIO = sys.stdout) -> int:
    """Run the command line; return the exit status."""
    parser = _build_parser()
    arguments = parser.parse_args(argv)
    command: Callable[[argparse.Namespace, TextIO], int] = arguments.run
    try:
        return command(arguments, out)
    except (ValueError, TypeError) as error:
        print(f"zeronn: error: {error}", file=sys.stderr)
        return 2


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
    show("less([-1.0, 1.0], 0)", ops.less([-1.0, 1.0], 0))
    show("greater([-1.0, 1.0], 0)", ops.greater([-1.0, 1.0], 0))

    samples = tensor([-1.0, 0.0, 1.0, 2.0])
    heading("3. The step function")
    show("step([-1.0, 0.0, 1.0, 2.0])", activations.step(samples))
    _chart_slot(out, "step")

    heading("4. The sigmoid function")
    show("sigmoid([-1.0, 0.0, 1.0, 2.0])", activations.sigmoid(samples))
    show("sigmoid([-1000.0, 1000.0])   # no overflow", activations.sigmoid([-1000.0, 1000.0]))
    _chart_slot(out, "sigmoid")

    heading("5. ReLU")
    show("relu([-1.0, 0.0, 1.0, 2.0])", activations.relu(samples))
    print("(the notebook's Nx.max(t, 0) is elementwise: maximum(t, 0), not t.max(0))", file=out)
    _chart_slot(out, "relu")

    heading("6. Softmax")
    a = tensor([0.3, 2.9, 4.0])
    y = activations.softmax(a)
    show("y = softmax([0.3, 2.9, 4.0]); y", y)
    show("y.sum()", y.sum())
    big = tensor([1010.0, 1000.0, 990.0])
    naive = ops.exp(big) / ops.exp(big).sum()
    show("a = tensor([1010.0, 1000.0, 990.0]); exp(a) / exp(a).sum()   # inf / inf", naive)
    show("softmax(a)   # the max is subtracted first: no overflow", activations.softmax(big))
    _chart_slot(out, "softmax")

    heading("7. Identity")
    show("identity([0.3, 2.9, 4.0])", activations.identity(a))
    _chart_slot(out, "identity")

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


def _chart_slot(out: TextIO, name: str) -> None:
    """Where the terminal chart of ``name`` goes once plots exist (see ``plot``)."""


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


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
    return parser
