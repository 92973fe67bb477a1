"""``python -m zeronn train``: a network learns MNIST, as chapters 4-6 of the book teach.

By default it is the book's ``ch05/train_neuralnet.py``: ``TwoLayerNet`` (784-50-10,
ReLU, weights ``0.01 * randn``), SGD with learning rate 0.1, batches of 100 drawn at
random, 10,000 iterations, the accuracy on all the training and test images at the start
of every epoch (600 iterations), printed as the book prints it::

    train acc, test acc | 0.109, 0.1136
    train acc, test acc | 0.9051333333333333, 0.9069
    ...

After ``random.seed(0)`` (``--seed 0``, the default) it draws NumPy's numbers, so the lines
are those of the book's script run on NumPy after ``np.random.seed(0)``. The options
choose chapter 6's network instead (more hidden layers, sigmoid, batch normalisation,
dropout, weight decay) and its optimizers. On a terminal a progress bar shows the running
loss; at the end the loss and accuracy curves are drawn (``--plot DIR`` also writes them
as SVG and Vega-Lite). Ctrl-C stops cleanly between two steps: the network keeps what it
learnt, and ``--save FILE`` writes it (NumPy's ``.npz``, which ``mnist --weights``
reads).

The module is the command's whole story: ``build_network`` (which network the options
ask for), ``run_train`` (data, training, report), ``save_trained`` (the file) and
``curves`` (the pictures).
"""

from __future__ import annotations

__all__ = ["add_parser", "build_network", "run_train", "curves", "save_trained", "load_trained", "TrainingProgress"]

import argparse
import json
import os
import sys
import time
from typing import Any, Callable, Dict, List, Optional, TextIO

from .. import random
from ..core import Tensor, tensor
from ..io.datasets import load_mnist
from ..io.npy import NpzFile, load, savez
from ..nn.networks import MultiLayerNetExtend, TwoLayerNet
from ..nn.trainer import OPTIMIZERS, Trainer
from .plot import Chart, Series

_EPOCH_LINE = "train acc, test acc | {train}, {test}"  # the book's ch04/ch05 line
_FORMAT = "zeronn-trained-network"


def add_parser(commands: Any, positive_int: Callable[[str], int], number: Callable[[str], float]) -> None:
    """The ``train`` subcommand's options, on ``commands`` (argparse's subparsers)."""
    train = commands.add_parser(
        "train",
        help="train a network on all of MNIST (chapters 4-6)",
        description="Train a network on the 60,000 MNIST training images and test it on the 10,000 test "
        "images. The defaults are the book's ch05/train_neuralnet.py: TwoLayerNet 784-50-10, SGD lr 0.1, "
        "batches of 100, 10,000 iterations; with --seed 0 it prints NumPy's accuracies.",
    )
    train.add_argument("--data", required=True, metavar="DIR",
                       help="the folder with MNIST's four files (train-images-idx3-ubyte.gz, ...)")
    network = train.add_argument_group("the network")
    network.add_argument("--hidden", type=positive_int, nargs="+", default=[50], metavar="N",
                         help="the sizes of the hidden layers (default: 50, the book's TwoLayerNet)")
    network.add_argument("--activation", choices=["relu", "sigmoid"], default="relu",
                         help="the hidden layers' activation (default relu)")
    network.add_argument("--weight-init", default=None, metavar="STD",
                         help="the weights' initial scale: a number, 'he' (or 'relu') or 'xavier' (or 'sigmoid') "
                         "(default: 0.01 for one ReLU hidden layer, as the book's TwoLayerNet; else He or Xavier, "
                         "following --activation)")
    network.add_argument("--batch-norm", action="store_true", help="batch normalisation in each hidden layer (6.3)")
    network.add_argument("--dropout", type=number, default=0.0, metavar="RATIO",
                         help="dropout after each hidden layer, switching off RATIO of the neurons (6.4.3)")
    network.add_argument("--weight-decay", type=number, default=0.0, metavar="LAMBDA",
                         help="L2 weight decay of strength LAMBDA (6.4.2)")
    learning = train.add_argument_group("the learning")
    learning.add_argument("--optimizer", type=str.lower, choices=sorted(OPTIMIZERS), default="sgd",
                          help="the optimizer (default sgd)")
    learning.add_argument("--lr", type=number, default=0.1, help="the learning rate (default 0.1)")
    learning.add_argument("--batch-size", type=positive_int, default=100, metavar="N",
                          help="training images per step (default 100)")
    length = learning.add_mutually_exclusive_group()
    length.add_argument("--iterations", type=positive_int, metavar="N",
                        help="training steps (default 10000, as the book)")
    length.add_argument("--epochs", type=number, metavar="E",
                        help="or epochs: E times as many steps as it takes to draw the training set once")
    learning.add_argument("--seed", type=int, default=0, metavar="N",
                          help="seed zeronn.random first, as np.random.seed(N) (default 0)")
    data = train.add_argument_group("the data and the output")
    data.add_argument("--limit", type=positive_int, metavar="N", help="train on the first N training images only")
    data.add_argument("--test-limit", type=positive_int, metavar="N", help="test on the first N test images only")
    data.add_argument("--evaluate", type=positive_int, metavar="N",
                      help="measure each epoch's accuracies on the first N images of each set (default: all)")
    data.add_argument("--save", metavar="FILE", help="write the trained network to FILE (.npz), also on Ctrl-C")
    data.add_argument("--plot", metavar="DIR", help="write the loss and accuracy curves into DIR as SVG and Vega-Lite")
    data.add_argument("--quiet", action="store_true", help="no progress bar and no curves in the terminal")
    train.set_defaults(run=run_train)


def build_network(arguments: argparse.Namespace) -> Any:
    """The network the options ask for: the book's ``TwoLayerNet`` for one ReLU hidden layer
    with nothing added (what ``ch05/train_neuralnet.py`` trains), else ``MultiLayerNetExtend``.

    Both draw their weights from ``zeronn.random`` in the book's order, so a seed gives
    NumPy's network.
    """
    scale = _weight_scale(arguments.weight_init)
    plain = (len(arguments.hidden) == 1 and arguments.activation == "relu" and not arguments.batch_norm
             and not arguments.dropout and not arguments.weight_decay)
    if plain and (scale is None or isinstance(scale, float)):
        return TwoLayerNet(784, arguments.hidden[0], 10, weight_init_std=0.01 if scale is None else scale)
    if scale is None:
        scale = "he" if arguments.activation == "relu" else "xavier"
    return MultiLayerNetExtend(
        784, arguments.hidden, 10, activation=arguments.activation, weight_init_std=scale,
        weight_decay_lambda=arguments.weight_decay, use_dropout=bool(arguments.dropout),
        dropout_ration=arguments.dropout, use_batchnorm=arguments.batch_norm,
    )


class TrainingProgress:
    """A one-line progress bar with the running loss: ``[#####.....] 5000/10000 loss 0.2310``.

    The loss shown is the mean of the last 100 steps' losses (one step's loss jumps with
    its batch). It redraws at most ten times a second.
    """

    def __init__(self, stream: TextIO, total: int, width: int = 30) -> None:
        self._stream = stream
        self._total = total
        self._width = width
        self._recent: List[float] = []
        self._drawn = 0.0

    def __call__(self, step: int, loss: float) -> None:
        self._recent = (self._recent + [loss])[-100:]
        now = time.monotonic()
        if now - self._drawn < 0.1 and step != self._total:
            return
        self._drawn = now
        filled = self._width * step // self._total if self._total else self._width
        bar = "#" * filled + "." * (self._width - filled)
        running = sum(self._recent) / len(self._recent)
        self._stream.write(f"\r[{bar}] {step}/{self._total} loss {running:.4f}")
        self._stream.flush()

    def clear(self) -> None:
        """Wipe the bar, so that a line can be printed in its place."""
        self._stream.write("\r" + " " * (self._width + 40) + "\r")
        self._stream.flush()


def run_train(arguments: argparse.Namespace, out: TextIO) -> int:
    """Train the network the options describe, printing the book's lines; 130 after Ctrl-C."""
    if arguments.dropout and not 0.0 < arguments.dropout < 1.0:
        raise ValueError(f"--dropout must be between 0 and 1, got {arguments.dropout}")
    if arguments.epochs is not None and not arguments.epochs > 0:
        raise ValueError(f"--epochs must be positive, got {arguments.epochs}")
    if arguments.save and not arguments.save.endswith(".npz"):
        raise ValueError(f"--save writes NumPy's .npz: give a file name ending in .npz, not {arguments.save!r}")
    (x_train, t_train), (x_test, t_test) = load_mnist(arguments.data, normalize=True)
    if arguments.limit is not None:
        x_train, t_train = x_train[: arguments.limit], t_train[: arguments.limit]
    if arguments.test_limit is not None:
        x_test, t_test = x_test[: arguments.test_limit], t_test[: arguments.test_limit]

    random.seed(arguments.seed)
    network = build_network(arguments)
    trainer = Trainer(network, x_train, t_train, x_test, t_test, epochs=arguments.epochs or 1,
                      mini_batch_size=arguments.batch_size, optimizer=arguments.optimizer,
                      optimizer_param={"lr": arguments.lr},
                      evaluate_sample_num_per_epoch=arguments.evaluate, verbose=False)
    if arguments.epochs is None:
        trainer.max_iter = arguments.iterations or 10000
    progress = TrainingProgress(sys.stderr, trainer.max_iter) if not arguments.quiet and sys.stderr.isatty() else None

    def epoch_line(epoch: int, train_acc: float, test_acc: float) -> None:
        if progress is not None:
            progress.clear()
        print(_EPOCH_LINE.format(train=train_acc, test=test_acc), file=out, flush=True)

    trainer.on_epoch = epoch_line
    trainer.on_step = progress
    print(f"{_describe(network, arguments)}: {trainer.max_iter} iterations on {x_train.shape[0]} training images",
          file=out, flush=True)
    started = time.perf_counter()
    test_acc = trainer.train()
    elapsed = time.perf_counter() - started
    if progress is not None:
        progress.clear()
    steps = trainer.current_iter
    if trainer.interrupted:
        print(f"zeronn: interrupted after {steps} of {trainer.max_iter} iterations", file=sys.stderr)
    else:
        print(f"test acc: {test_acc}", file=out)
    checks = len(trainer.train_acc_list)
    print(f"Time: {elapsed:.1f} s for {steps} iterations and {checks} accuracy checks", file=out)
    if arguments.save:
        save_trained(network, arguments, arguments.save)
        print(f"Saved to {arguments.save}" + (" (what it had learnt when interrupted)" if trainer.interrupted else ""),
              file=out if not trainer.interrupted else sys.stderr)
    charts = curves(trainer)
    if not arguments.quiet and not trainer.interrupted:
        for chart in charts.values():
            print(file=out)
            print(chart.to_text(width=72, height=12, encoding=getattr(out, "encoding", None)), file=out)
    if arguments.plot:
        os.makedirs(arguments.plot, exist_ok=True)
        for name, chart in charts.items():
            for extension in (".svg", ".vl.json"):
                chart.save(os.path.join(arguments.plot, f"train-{name}{extension}"))
        print(f"Curves written to {arguments.plot}", file=out)
    return 130 if trainer.interrupted else 0


def curves(trainer: Trainer) -> Dict[str, Chart]:
    """The loss after each step and the accuracies after each epoch, as the book draws them
    (``ch04/train_neuralnet.py``): ``{"loss": Chart, "accuracy": Chart}``."""
    losses = trainer.train_loss_list
    loss = Chart([Series(list(range(1, len(losses) + 1)), losses, "loss")],
                 title="Training loss", x_label="iteration", y_label="loss")
    epochs = list(range(len(trainer.train_acc_list)))
    accuracy = Chart([Series(epochs, trainer.train_acc_list, "train acc"),
                      Series(epochs, trainer.test_acc_list, "test acc", dashed=True)],
                     title="Accuracy", x_label="epochs", y_label="accuracy", y_limits=(0.0, 1.0))
    return {"loss": loss, "accuracy": accuracy}


def save_trained(network: Any, arguments: argparse.Namespace, path: str) -> None:
    """Write ``network`` to ``path`` as NumPy's ``.npz``, which ``load_trained`` (and
    ``python -m zeronn mnist --weights``, and NumPy's ``np.load``) read back.

    The file holds each of ``network.params`` under its own name (``W1``, ``b1``, ...,
    ``gamma1``, ``beta1``), the running mean and variance of each batch normalisation
    (``running_mean1``, ``running_var1``: what it normalises with when testing), and
    ``network``, what the network is (its sizes and options) as JSON text in a uint8
    array. It is written beside ``path`` first and then moved into place, so that a
    Ctrl-C while writing never leaves half a file.
    """
    description = {
        "format": _FORMAT, "version": 1, "input_size": 784, "hidden": list(arguments.hidden), "output_size": 10,
        "activation": arguments.activation, "batch_norm": bool(arguments.batch_norm),
        "dropout": arguments.dropout, "weight_decay": arguments.weight_decay,
    }
    arrays = dict(network.params)
    for index in range(1, len(arguments.hidden) + 1):
        batch_norm = network.layers.get(f"BatchNorm{index}")
        if batch_norm is not None and batch_norm.running_mean is not None:
            arrays[f"running_mean{index}"] = batch_norm.running_mean
            arrays[f"running_var{index}"] = batch_norm.running_var
    arrays["network"] = tensor(list(json.dumps(description).encode("utf-8")), dtype="uint8")
    partial = path + ".partial"
    with open(partial, "wb") as file:
        savez(file, **arrays)
    os.replace(partial, path)


def load_trained(source: Any) -> Any:
    """The network ``save_trained`` wrote, from its path or its loaded ``.npz`` (a ``NpzFile``),
    ready to ``predict`` (a network with batch normalisation predicts with its running
    statistics). A file that is not one is a ``ValueError`` saying what is missing.
    """
    if not isinstance(source, NpzFile):
        with load(source) as loaded:
            return load_trained(loaded)
    if "network" not in source.files:
        raise ValueError(f"{source.name}: not a network saved by 'python -m zeronn train' (no 'network' entry)")
    try:
        description = json.loads(bytes(source["network"].tolist()).decode("utf-8"))
        if description.get("format") != _FORMAT or description.get("version") != 1:
            raise ValueError("an unknown format or version")
        options = argparse.Namespace(
            hidden=[int(n) for n in description["hidden"]], activation=description["activation"],
            batch_norm=bool(description["batch_norm"]), dropout=float(description["dropout"]),
            weight_decay=float(description["weight_decay"]), weight_init=None,
        )
        state = random.get_state()  # the network's first weights are drawn, then overwritten:
        network = build_network(options)  # leave the caller's random numbers as they were
        random.set_state(state)
    except (TypeError, KeyError, ValueError, AttributeError) as error:
        raise ValueError(f"{source.name}: the 'network' entry does not describe a network ({error})") from None
    for name, parameter in network.params.items():
        parameter[...] = _entry(source, name, parameter.shape)  # in place: the layers hold these tensors
    for index in range(1, len(options.hidden) + 1):
        batch_norm = network.layers.get(f"BatchNorm{index}")
        if batch_norm is not None:
            batch_norm.running_mean = _entry(source, f"running_mean{index}", batch_norm.gamma.shape)
            batch_norm.running_var = _entry(source, f"running_var{index}", batch_norm.gamma.shape)
    return network


def _entry(source: NpzFile, name: str, shape: Any) -> Tensor:
    """``source[name]``, which must be there and have ``shape``."""
    if name not in source.files:
        raise ValueError(f"{source.name}: the network needs '{name}', which the file does not have")
    value: Tensor = source[name]
    if value.shape != tuple(shape):
        raise ValueError(f"{source.name}: '{name}' has shape {value.shape}, the network needs {tuple(shape)}")
    return value


def _weight_scale(text: Optional[str]) -> Any:
    """``--weight-init``: None, a number, or one of the book's names."""
    if text is None:
        return None
    if text.lower() in ("he", "relu", "xavier", "sigmoid"):
        return text.lower()
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"--weight-init takes a number, 'he' or 'xavier', got {text!r}") from None
    if not value > 0:
        raise ValueError(f"--weight-init must be positive, got {text}")
    return value


def _describe(network: Any, arguments: argparse.Namespace) -> str:
    sizes = "-".join(map(str, [784, *arguments.hidden, 10]))
    extras = [name for name, on in (("batch norm", arguments.batch_norm), (f"dropout {arguments.dropout}",
              arguments.dropout), (f"weight decay {arguments.weight_decay}", arguments.weight_decay)) if on]
    kind = type(network).__name__
    return f"{kind} {sizes} ({arguments.activation}{', ' + ', '.join(extras) if extras else ''}), " \
           f"{arguments.optimizer} lr {arguments.lr}, batches of {arguments.batch_size}"
