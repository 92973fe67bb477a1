"""Run the book's own scripts, unchanged, on zeronn.

``python -m zeronn book deep-learning-from-scratch/ch05/gradient_check.py --mnist DIR``
runs one script of the book's repository (https://github.com/oreilly-japan/deep-learning-from-scratch)
as ``cd ch05 && python gradient_check.py`` would, with three stand-ins:

- ``import numpy`` gives zeronn;
- ``matplotlib.pyplot`` / ``matplotlib.pylab`` remember ``plot(x, y)``, ``ylim``, ``title``
  and friends, and ``show()`` draws the lines in the terminal (zeronn's ``plot``);
  what a terminal cannot show (``quiver``, ``imshow``, 3-d axes, images) is skipped
  with a note;
- ``PIL.Image`` (``ch03/mnist_show.py``) shows nothing, and says so.

``--mnist DIR`` copies the four MNIST files from ``DIR`` into the book's ``dataset/``
folder, where its ``dataset/mnist.py`` looks for them (it downloads them otherwise).
That loader then caches the data in ``dataset/mnist.pkl``, so the book's folder must
be writable.

One line of the book cannot run this way: ``ch03/neuralnet_mnist.py`` reads
``sample_weight.pkl`` with ``pickle.load``, which would call NumPy's own functions by
name, and a pickle that runs code is exactly what zeronn never loads. zeronn reads
that file with ``zeronn.weights.load_numpy_pickle`` instead; ``python -m zeronn mnist``
runs that chapter.

This module is a leaf: only the command line imports it.
"""

from __future__ import annotations

__all__ = ["run_script", "PyplotStandIn"]

import os
import pickle
import runpy
import shutil
import sys
import types
from typing import Any, Dict, List, Optional, TextIO, Tuple, Union

from .plot import Chart, Series

_MNIST_FILES = (
    "train-images-idx3-ubyte.gz",
    "train-labels-idx1-ubyte.gz",
    "t10k-images-idx3-ubyte.gz",
    "t10k-labels-idx1-ubyte.gz",
)
_PICKLE_NOTE = (
    "the book reads sample_weight.pkl with pickle.load, which would run NumPy's own code by name; "
    "zeronn never unpickles code: it reads that file with zeronn.weights.load_numpy_pickle "
    "(python -m zeronn mnist --data DIR --weights FILE runs this chapter)"
)


def run_script(
    path: Union[str, "os.PathLike[str]"],
    mnist: Optional[str] = None,
    seed: Optional[int] = None,
    out: Optional[TextIO] = None,
) -> None:
    """Run the book's script at ``path`` with ``numpy`` as zeronn, as the book runs it.

    The stand-in modules are installed for the run and removed after it, and the
    working directory, ``sys.path`` and ``sys.argv`` are restored. Exceptions from
    the script propagate, as they would from ``python script.py``. Charts and notes go
    to ``out``: standard output (as it is when the script runs) unless given.
    """
    out = sys.stdout if out is None else out
    script = os.path.abspath(path)
    if not os.path.isfile(script):
        raise FileNotFoundError(f"no such script: {os.fspath(path)!r}; give a path like ch05/gradient_check.py")
    folder = os.path.dirname(script)
    if mnist is not None:
        _copy_mnist(mnist, os.path.join(os.path.dirname(folder), "dataset"), out)
    package = sys.modules[__name__.rsplit(".", 2)[0]]  # zeronn (this is zeronn.tools.book), under any name
    if seed is not None:
        package.random.seed(seed)
    pyplot = PyplotStandIn(out)
    stand_ins = _stand_ins(package, pyplot)
    saved_modules = {name: sys.modules.get(name) for name in stand_ins}
    saved = (os.getcwd(), list(sys.path), list(sys.argv))
    sys.modules.update(stand_ins)
    try:
        os.chdir(folder)
        sys.path.insert(0, folder)
        sys.argv = [script]
        runpy.run_path(script, run_name="__main__")
    finally:
        os.chdir(saved[0])
        sys.path[:], sys.argv[:] = saved[1], saved[2]
        for name, module in saved_modules.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
        for name in [name for name in sys.modules if name.split(".")[0] in ("dataset", "common")]:
            del sys.modules[name]  # the book's own packages, imported from its folder


class PyplotStandIn(types.ModuleType):
    """``matplotlib.pyplot`` for a terminal: ``plot`` remembers lines, ``show`` draws them.

    >>> import io
    >>> out = io.StringIO()
    >>> plt = PyplotStandIn(out)
    >>> plt.plot([0, 1, 2], [0, 1, 4], "k--")
    >>> plt.ylim(0, 4); plt.title("squares")
    >>> plt.show()
    >>> print(out.getvalue().splitlines()[0].strip())
    squares
    """

    def __init__(self, out: TextIO) -> None:
        super().__init__("matplotlib.pyplot")
        self._out = out
        self._reset()

    def _reset(self) -> None:
        """A fresh figure, as after ``plt.show()``."""
        self._series: List[Series] = []
        self._skipped: List[str] = []
        self._y_limits: Optional[Tuple[float, float]] = None
        self._title = ""
        self._labels = ("x", "y")

    def plot(self, *args: Any, label: str = "", linestyle: str = "-", **ignored: Any) -> None:
        """``plt.plot(y)``, ``plt.plot(x, y)``, with a format as ``plt.plot(x, y, "k--")`` or
        ``plt.plot(y, "--")``; a format or ``linestyle`` of ``--`` makes the line dashed."""
        formats = [arg for arg in args if isinstance(arg, str)]
        numbers = [arg for arg in args if not isinstance(arg, str)]
        if len(numbers) == 1:
            numbers = [list(range(len(_flat(numbers[0])))), numbers[0]]
        x, y = _flat(numbers[0]), _flat(numbers[1])
        dashed = any("--" in fmt for fmt in formats) or linestyle in ("--", "dashed")
        self._series.append(Series(x, y, label or f"line {len(self._series) + 1}", dashed))

    def ylim(self, *limits: Any) -> None:
        """Fix the y axis, as ``plt.ylim(-0.1, 1.1)`` does."""
        low, high = limits[0] if len(limits) == 1 else limits
        self._y_limits = (float(low), float(high))

    def title(self, text: str, **ignored: Any) -> None:
        self._title = str(text)

    def xlabel(self, text: str, **ignored: Any) -> None:
        self._labels = (str(text), self._labels[1])

    def ylabel(self, text: str, **ignored: Any) -> None:
        self._labels = (self._labels[0], str(text))

    def show(self, *ignored: Any, **also_ignored: Any) -> None:
        """Draw the lines plotted since the last ``show`` in the terminal."""
        if self._series:
            chart = Chart(self._series, title=self._title, x_label=self._labels[0], y_label=self._labels[1],
                          y_limits=self._y_limits)
            print(chart.to_text(width=78, height=16, encoding=getattr(self._out, "encoding", None)), file=self._out)
        if self._skipped:
            print(f"(matplotlib: {', '.join(sorted(set(self._skipped)))} not drawn in the terminal)", file=self._out)
        self._reset()

    def __getattr__(self, name: str) -> Any:
        """Everything else (``legend``, ``figure``, ``quiver``, ...) does nothing, noted when it draws."""
        if name.startswith("__"):
            raise AttributeError(name)
        if name not in ("legend", "figure", "grid", "draw", "xlim", "xticks", "yticks", "tight_layout", "close"):
            self._skipped.append(name)
        return _nothing


def _nothing(*args: Any, **kwargs: Any) -> Any:
    return _Nothing()


class _Nothing:
    """What an ignored matplotlib or PIL call returns: anything done with it does nothing."""

    def __getattr__(self, name: str) -> Any:
        return _nothing

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self


class _ImageStandIn:
    """``PIL.Image`` for a terminal: ``Image.fromarray(a).show()`` says it showed nothing."""

    def __init__(self, pyplot: PyplotStandIn) -> None:
        self._pyplot = pyplot

    def fromarray(self, array: Any, *ignored: Any) -> Any:
        shape = getattr(array, "shape", "?")
        image = _Nothing()
        note = f"(PIL: an image of shape {shape} would open in a window; not shown in the terminal)"
        image.show = lambda *args, **kwargs: print(note, file=self._pyplot._out)  # type: ignore[attr-defined]
        return image

    def __getattr__(self, name: str) -> Any:
        return _nothing


class _NumpyInternals(types.ModuleType):
    """``numpy.core.multiarray`` and its kin: what a NumPy pickle names to run. Refused, saying why."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        # Not AttributeError: pickle would replace the message with its own.
        raise pickle.UnpicklingError(f"{self.__name__}.{name}: {_PICKLE_NOTE}")


def _stand_ins(package: types.ModuleType, pyplot: PyplotStandIn) -> Dict[str, types.ModuleType]:
    matplotlib = types.ModuleType("matplotlib")
    matplotlib.pyplot = matplotlib.pylab = pyplot  # type: ignore[attr-defined]
    toolkits = types.ModuleType("mpl_toolkits")
    mplot3d = types.ModuleType("mpl_toolkits.mplot3d")
    mplot3d.Axes3D = _Nothing()  # type: ignore[attr-defined]
    toolkits.mplot3d = mplot3d  # type: ignore[attr-defined]
    pil = types.ModuleType("PIL")
    pil.Image = _ImageStandIn(pyplot)  # type: ignore[attr-defined]
    modules: Dict[str, types.ModuleType] = {
        "numpy": package,
        "matplotlib": matplotlib,
        "matplotlib.pyplot": pyplot,
        "matplotlib.pylab": pyplot,
        "mpl_toolkits": toolkits,
        "mpl_toolkits.mplot3d": mplot3d,
        "PIL": pil,
    }
    for internal in ("core", "_core", "core.multiarray", "_core.multiarray", "core.numeric", "_core.numeric"):
        modules[f"numpy.{internal}"] = _NumpyInternals(f"numpy.{internal}")
    return modules


def _copy_mnist(source: str, dataset: str, out: TextIO) -> None:
    """Copy the MNIST files the book's loader needs into its ``dataset/`` folder."""
    if not os.path.isdir(dataset):
        raise FileNotFoundError(f"the book's dataset/ folder is not at {dataset!r}: give a script inside the book")
    for name in _MNIST_FILES:
        target = os.path.join(dataset, name)
        if os.path.exists(target):
            continue
        found = os.path.join(source, name)
        if not os.path.isfile(found):
            raise FileNotFoundError(f"MNIST file {name} not found in {source!r}")
        shutil.copyfile(found, target)
        print(f"(copied {name} into {dataset})", file=out)


def _flat(values: Any) -> List[float]:
    flat = values.to_flat_list() if hasattr(values, "to_flat_list") else list(values)
    return [float(value) for value in flat]
