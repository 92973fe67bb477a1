"""Run the book's own scripts, unchanged, on zeronn.

``python -m zeronn book deep-learning-from-scratch/ch05/gradient_check.py --mnist DIR``
runs one script of the book's repository (https://github.com/oreilly-japan/deep-learning-from-scratch)
as ``cd ch05 && python gradient_check.py`` would, with stand-ins for what it imports:

- ``import numpy`` gives zeronn;
- ``matplotlib.pyplot`` / ``pylab``, ``matplotlib.image`` and ``PIL.Image`` draw in the
  terminal, and as SVG files with ``figures=DIR`` (see ``pyplot.py``);
- ``pickle.load`` and ``pickle.loads`` read with zeronn's safe reader
  (``io.load_numpy_pickle``), which runs nothing the pickle names: the book's weight
  files (``sample_weight.pkl``, ``params.pkl``, ``deep_convnet_params.pkl``) and the
  book's own cache of MNIST (``dataset/mnist.pkl``, zeronn's tensors, which
  ``pickle.dump`` writes as Python's own does) load, and anything that asks for more
  is refused, naming the file. ``pickle.dump`` is Python's.

``mnist=DIR`` copies the four MNIST files from ``DIR`` into the book's ``dataset/``
folder, where its ``dataset/mnist.py`` looks for them (it downloads them otherwise);
that loader then caches the data in ``dataset/mnist.pkl``, so the book's folder must
be writable. ``mnist_limit=N`` makes the book's ``load_mnist`` return only the first
``N`` images and labels of each split, for a quick run of the long training scripts:
the ``pickle.load`` with which it reads its ``mnist.pkl`` keeps the first ``N`` rows,
and the book's own code converts and returns those (the script's code is left as it is).

This module is a leaf: only the command line imports it.
"""

from __future__ import annotations

__all__ = ["run_script", "PyplotStandIn", "safe_pickle_module"]

import importlib.abc
import importlib.machinery
import io
import os
import pickle
import runpy
import shutil
import sys
import types
from typing import IO, Any, Dict, Optional, Sequence, TextIO, Union, cast

from ..io.numpy_pickle import load_numpy_pickle
from .pyplot import ImageModule, PilImageModule, PyplotStandIn

_MNIST_FILES = (
    "train-images-idx3-ubyte.gz",
    "train-labels-idx1-ubyte.gz",
    "t10k-images-idx3-ubyte.gz",
    "t10k-labels-idx1-ubyte.gz",
)
_PICKLE_NOTE = (
    "zeronn never unpickles code: inside 'python -m zeronn book', pickle.load reads pickles of NumPy arrays "
    "and of zeronn's tensors with zeronn's safe reader, which refuses anything more"
)


def run_script(
    path: Union[str, "os.PathLike[str]"],
    mnist: Optional[str] = None,
    seed: Optional[int] = None,
    out: Optional[TextIO] = None,
    *,
    mnist_limit: Optional[int] = None,
    figures: Optional[str] = None,
) -> None:
    """Run the book's script at ``path`` with ``numpy`` as zeronn, as the book runs it.

    The stand-in modules are installed for the run and removed after it, and the
    working directory, ``sys.path`` and ``sys.argv`` are restored. Exceptions from
    the script propagate, as they would from ``python script.py``. Charts and notes go
    to ``out``: standard output (as it is when the script runs) unless given; each
    figure is also written as SVG into the folder ``figures``, if given.
    """
    out = cast(TextIO, sys.stdout) if out is None else out  # (typeshed: sys.stdout may be None)
    script = os.path.abspath(path)
    if not os.path.isfile(script):
        raise FileNotFoundError(f"no such script: {os.fspath(path)!r}; give a path like ch05/gradient_check.py")
    if mnist_limit is not None and (isinstance(mnist_limit, bool) or mnist_limit < 1):
        raise ValueError(f"mnist_limit must be a positive int, got {mnist_limit!r}")
    if figures is not None:
        os.makedirs(figures, exist_ok=True)
    folder = os.path.dirname(script)
    if mnist is not None:
        _copy_mnist(mnist, os.path.join(os.path.dirname(folder), "dataset"), out)
    package = sys.modules[__name__.rsplit(".", 2)[0]]  # zeronn (this is zeronn.tools.book), under any name
    if seed is not None:
        package.random.seed(seed)
    stand_ins = _stand_ins(package, PyplotStandIn(out, figures))
    saved_modules = {name: sys.modules.get(name) for name in stand_ins}
    saved = (os.getcwd(), list(sys.path), list(sys.argv), list(sys.meta_path))
    _forget_relative_finders()  # the book's sys.path.append(os.pardir) must mean this script's parent
    sys.modules.update(stand_ins)
    if mnist_limit is not None:
        sys.meta_path.insert(0, _LimitedMnist(mnist_limit))
    try:
        os.chdir(folder)
        sys.path.insert(0, folder)
        sys.argv = [script]
        runpy.run_path(script, run_name="__main__")
    finally:
        os.chdir(saved[0])
        sys.path[:], sys.argv[:], sys.meta_path[:] = saved[1], saved[2], saved[3]
        for name, module in saved_modules.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
        for name in [name for name in sys.modules if name.split(".")[0] in ("dataset", "common")]:
            del sys.modules[name]  # the book's own packages, imported from its folder
        _forget_relative_finders()


def _forget_relative_finders() -> None:
    """Drop the import system's finders for relative ``sys.path`` entries (``".."``): each
    was made for the directory that was current then, and would look there ever after."""
    for entry in [entry for entry in sys.path_importer_cache if not os.path.isabs(entry)]:
        del sys.path_importer_cache[entry]


# ---------------------------------------------------------------------------
# pickle, read safely
# ---------------------------------------------------------------------------


def safe_pickle_module() -> types.ModuleType:
    """Python's ``pickle``, but for ``load`` and ``loads``, which read with zeronn's safe reader.

    >>> import io
    >>> safe = safe_pickle_module()
    >>> safe.loads(safe.dumps({"W1": [0.5]})), safe.dump is pickle.dump
    ({'W1': [0.5]}, True)
    >>> safe.loads(b"cos\\nsystem\\n(S'echo hacked'\\ntR.")
    Traceback (most recent call last):
    ...
    _pickle.UnpicklingError: <bytes>: at byte 0: global 'os.system' is forbidden: only NumPy's array globals may be \
loaded (expected a pickle of NumPy arrays); zeronn never unpickles code: ...
    """
    module = types.ModuleType("pickle", pickle.__doc__)
    module.__dict__.update({name: value for name, value in vars(pickle).items() if not name.startswith("__")})
    module.load = _safe_load  # type: ignore[attr-defined]
    module.loads = _safe_loads  # type: ignore[attr-defined]
    return module


def _safe_load(file: IO[bytes], *, fix_imports: bool = True, encoding: str = "ASCII", errors: str = "strict",
               buffers: Any = None) -> Any:
    """``pickle.load``, by zeronn's safe reader; a refusal names the file."""
    return _safely(file, str(getattr(file, "name", "<stream>")), encoding)


def _safe_loads(data: bytes, *, fix_imports: bool = True, encoding: str = "ASCII", errors: str = "strict",
                buffers: Any = None) -> Any:
    """``pickle.loads``, by zeronn's safe reader."""
    return _safely(io.BytesIO(data), "<bytes>", encoding)


def _safely(file: IO[bytes], name: str, encoding: str) -> Any:
    try:
        return load_numpy_pickle(file, encoding=encoding, name=name)
    except pickle.UnpicklingError as error:  # what the script asked for and was refused: say why
        raise pickle.UnpicklingError(f"{error}; {_PICKLE_NOTE}") from None


class _NumpyInternals(types.ModuleType):
    """``numpy.core.multiarray`` and its kin: what a NumPy pickle names to run. Refused, saying why
    (reached only by a pickle read some other way than ``pickle.load``, such as ``pickle.Unpickler``)."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        # Not AttributeError: pickle would replace the message with its own.
        raise pickle.UnpicklingError(f"{self.__name__}.{name}: {_PICKLE_NOTE}")


# ---------------------------------------------------------------------------
# A smaller MNIST
# ---------------------------------------------------------------------------


class _LimitedMnist(importlib.abc.MetaPathFinder):
    """Finds the book's ``dataset.mnist`` as Python would, and gives it a ``pickle`` whose
    ``load`` keeps the first ``limit`` rows of each array: its ``load_mnist`` reads the
    cached ``mnist.pkl`` with it, then converts (normalises, one-hot encodes) only those,
    and returns them. The book's code runs as it is, on less data."""

    def __init__(self, limit: int) -> None:
        self._limit = limit

    def find_spec(self, fullname: str, path: Optional[Sequence[str]], target: Any = None) -> Any:
        if fullname != "dataset.mnist":
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is not None and isinstance(spec.loader, importlib.abc.Loader):
            spec.loader = _LimitingLoader(spec.loader, self._limit)
        return spec


class _LimitingLoader(importlib.abc.Loader):
    def __init__(self, loader: importlib.abc.Loader, limit: int) -> None:
        self._loader, self._limit = loader, limit

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> Optional[types.ModuleType]:
        return self._loader.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        self._loader.exec_module(module)
        limited, limit = safe_pickle_module(), self._limit

        def load(file: IO[bytes], **options: Any) -> Any:
            loaded = _safe_load(file, **options)
            if not isinstance(loaded, dict):
                return loaded
            return {key: value[:limit].copy() if hasattr(value, "copy") else value for key, value in loaded.items()}

        limited.load = load  # type: ignore[attr-defined]
        module.pickle = limited  # type: ignore[attr-defined]  # the module's own name for pickle, as it imports it


# ---------------------------------------------------------------------------
# The stand-ins, and the MNIST files
# ---------------------------------------------------------------------------


def _stand_ins(package: types.ModuleType, pyplot: PyplotStandIn) -> Dict[str, types.ModuleType]:
    matplotlib = types.ModuleType("matplotlib")
    image = ImageModule()
    matplotlib.pyplot = matplotlib.pylab = pyplot  # type: ignore[attr-defined]
    matplotlib.image = image  # type: ignore[attr-defined]
    matplotlib.cm = pyplot.cm  # type: ignore[attr-defined]
    toolkits = types.ModuleType("mpl_toolkits")
    mplot3d = types.ModuleType("mpl_toolkits.mplot3d")
    mplot3d.Axes3D = object  # type: ignore[attr-defined]  # imported by ch04/gradient_2d.py, never used
    toolkits.mplot3d = mplot3d  # type: ignore[attr-defined]
    pil = types.ModuleType("PIL")
    pil_image = PilImageModule(pyplot)
    pil.Image = pil_image  # type: ignore[attr-defined]
    modules: Dict[str, types.ModuleType] = {
        "numpy": package,
        "matplotlib": matplotlib,
        "matplotlib.pyplot": pyplot,
        "matplotlib.pylab": pyplot,
        "matplotlib.image": image,
        "mpl_toolkits": toolkits,
        "mpl_toolkits.mplot3d": mplot3d,
        "PIL": pil,
        "PIL.Image": pil_image,
        "pickle": safe_pickle_module(),
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
