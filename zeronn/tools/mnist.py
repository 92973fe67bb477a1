"""The end of chapter 3: classify the MNIST test digits with the book's trained weights.

Read it next to the book's ``ch03/neuralnet_mnist.py`` and ``neuralnet_mnist_batch.py``:
the same ``get_data``, ``init_network`` and ``predict``, and the two accuracy loops, one
image at a time and in batches. The book's weights reach an accuracy of 0.9352.

- ``get_data(directory)``: the normalised, flattened test images and their labels;
- ``init_network(weights_path)``: the book's ``sample_weight.pkl``, read without NumPy,
  or the same six arrays saved by ``np.savez`` (an ``.npz`` file);
- ``load_network(path)``: that, or a network ``python -m zeronn train --save`` wrote;
- ``predict(network, x)``: the forward pass of section 3.4.3 (or the trained network's
  ``predict``), then softmax;
- ``accuracy(network, x, t, batch_size=100)``: how many predictions match the labels;
- ``get_images(directory)`` and ``convnet_accuracy(name, weights_path, x, t)``: the same
  for the book's pretrained convolutional networks of chapters 7 and 8 (``SimpleConvNet``
  with ``ch07/params.pkl``: 0.96; ``DeepConvNet`` with ``ch08/deep_convnet_params.pkl``:
  0.9797), which read the images as 1 x 28 x 28.

>>> network = {"W1": [[1.0], [0.0]], "b1": [0.0], "W2": [[1.0]], "b2": [0.0],
...            "W3": [[1.0, -1.0]], "b3": [0.0, 0.0]}
>>> accuracy(network, [[5.0, 0.0], [-5.0, 0.0]], [0, 0], batch_size=2)
(2, 2)
"""

from __future__ import annotations

__all__ = ["get_data", "get_images", "init_network", "load_network", "predict", "accuracy", "convnet_accuracy"]

import os
from typing import Any, Callable, Dict, Optional, Tuple, Union

from ..core import Tensor, as_tensor
from ..io.datasets import load_mnist_split
from ..io.files import brief
from ..io.npy import NpzFile, load
from ..nn.activations import softmax
from ..nn.convnets import pretrained
from ..nn.network import forward
from .train import load_trained

Progress = Callable[[int, int], None]


def get_data(directory: Union[str, "os.PathLike[str]"]) -> Tuple[Tensor, Tensor]:
    """``(x_test, t_test)``: the book's ``load_mnist(normalize=True, flatten=True,
    one_hot_label=False)``, test split only (see ``datasets.load_mnist_split``).

    ``x_test`` is (10000, 784) floats in [0, 1], ``t_test`` (10000,) ints 0..9.
    """
    return load_mnist_split(directory, "test", normalize=True, flatten=True, one_hot_label=False)


def get_images(directory: Union[str, "os.PathLike[str]"]) -> Tuple[Tensor, Tensor]:
    """``(x_test, t_test)`` as the book's conv nets read them: ``load_mnist(flatten=False)``,
    so ``x_test`` is (10000, 1, 28, 28) floats in [0, 1] (one channel of 28 x 28 pixels)."""
    return load_mnist_split(directory, "test", normalize=True, flatten=False, one_hot_label=False)


def convnet_accuracy(
    name: str,
    weights_path: Union[str, "os.PathLike[str]"],
    x: Any,
    t: Any,
    batch_size: int = 100,
    progress: Optional[Progress] = None,
) -> Tuple[int, int]:
    """``(correct, total)`` of the book's pretrained network ``name`` (``"simple-convnet"``
    or ``"deep-convnet"``, see ``nn.convnets.pretrained``) with the weights in
    ``weights_path`` on the images ``x`` (N, 1, 28, 28) and labels ``t``, ``batch_size``
    images at a time, as the book's ``accuracy`` predicts them.

    >>> convnet_accuracy("lenet", "params.pkl", [], [])
    Traceback (most recent call last):
    ...
    ValueError: no network called 'lenet': the choices are 'simple-convnet', 'deep-convnet'
    """
    network = pretrained(name, weights_path)
    x, t = as_tensor(x), as_tensor(t)
    if x.ndim != 4 or t.shape != (len(x),):
        raise ValueError(f"expected images (N, 1, 28, 28) and labels (N,), got shapes {x.shape} and {t.shape}")
    fraction = network.accuracy(x, t, batch_size, progress=progress)
    return round(fraction * len(x)), len(x)


def init_network(weights_path: Union[str, "os.PathLike[str]"]) -> Dict[str, Any]:
    """The book's trained weights ``W1, b1, W2, b2, W3, b3``: from ``sample_weight.pkl``
    (a NumPy pickle, read by ``io.load_numpy_pickle``, which runs nothing the pickle asks
    for) or from an ``.npz`` file of the same six arrays (``np.savez(path, W1=W1, ...)``).

    Which it is comes from the file's first bytes (``io.npy.load``). With the book's
    file, ``W1`` is (784, 50), ``W2`` (50, 100) and ``W3`` (100, 10). An ``.npy`` file
    holds one array, not six, and is refused, as is anything without the six names.

    >>> import io, pickle, tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "w.pkl")
    >>> with open(path, "wb") as file:
    ...     pickle.dump({"W1": [1.0], 2: "b"}, file)
    >>> init_network(path)
    Traceback (most recent call last):
    ...
    ValueError: .../w.pkl: expected a dict of W1, b1, W2, b2, W3, b3; found a dict of 'W1', 2
    """
    loaded = load(weights_path, allow_pickle=True)
    if isinstance(loaded, NpzFile):
        with loaded:
            loaded = {name: loaded[name] for name in loaded.files}
    names = ("W1", "b1", "W2", "b2", "W3", "b3")
    if not isinstance(loaded, dict) or any(name not in loaded for name in names):
        if isinstance(loaded, Tensor):
            found = f"one array of shape {loaded.shape} (an .npy file: save the six arrays with savez)"
        elif isinstance(loaded, dict):
            keys = list(loaded)
            more = f", ... ({len(keys):,} keys)" if len(keys) > 6 else ""
            found = f"a dict of {', '.join(map(brief, keys[:6])) or 'nothing'}{more}"
        else:
            found = type(loaded).__name__
        raise ValueError(f"{os.fspath(weights_path)}: expected a dict of {', '.join(names)}; found {found}")
    return loaded


def load_network(weights_path: Union[str, "os.PathLike[str]"]) -> Any:
    """The network in ``weights_path``: the book's six arrays as ``init_network`` reads
    them, or a network that ``python -m zeronn train --save FILE.npz`` wrote (an ``.npz``
    with a ``network`` entry, which ``train.load_trained`` rebuilds).
    """
    loaded = load(weights_path, allow_pickle=True)
    if isinstance(loaded, NpzFile):
        with loaded:
            if "network" in loaded.files:
                return load_trained(loaded)
    return init_network(weights_path)


def predict(network: Any, x: Any) -> Tensor:
    """Class probabilities for one image (784 numbers) or a batch (one image per row).

    The book's ``predict`` is section 3.4.3's forward pass (sigmoid, sigmoid, then the
    scores ``a3``) with softmax as the output function, so that is how it is written. A
    trained network (one with a ``predict`` of its own, as ``zeronn.nn``'s networks have)
    gives its scores, and softmax makes them probabilities.

    >>> network = {"W1": [[1.0], [0.0]], "b1": [0.0], "W2": [[1.0]], "b2": [0.0],
    ...            "W3": [[1.0, -1.0]], "b3": [0.0, 0.0]}
    >>> predict(network, [[5.0, 0.0], [-5.0, 0.0]]).argmax(axis=1)
    tensor([0, 0])
    """
    scores = forward(network, x) if isinstance(network, dict) else network.predict(as_tensor(x))
    y = softmax(scores)
    return y


def accuracy(
    network: Any,
    x: Tensor,
    t: Tensor,
    batch_size: Optional[int] = 100,
    progress: Optional[Progress] = None,
) -> Tuple[int, int]:
    """``(correct, total)``: how many of the images in ``x`` are classified as ``t`` says.

    ``batch_size=None`` runs the book's first loop, one image at a time; a number runs
    its batched loop. ``progress(done, total)`` is called after each step, if given.

    >>> network = {"W1": [[1.0], [0.0]], "b1": [0.0], "W2": [[1.0]], "b2": [0.0],
    ...            "W3": [[1.0, -1.0]], "b3": [0.0, 0.0]}
    >>> accuracy(network, [[5.0, 0.0], [-5.0, 0.0]], [0, 1], batch_size=None)
    (1, 2)
    """
    x, t = as_tensor(x), as_tensor(t)
    if x.ndim != 2 or t.shape != (len(x),):
        raise ValueError(f"expected images (N, pixels) and labels (N,), got shapes {x.shape} and {t.shape}")
    if batch_size is not None and (isinstance(batch_size, bool) or batch_size < 1):
        raise ValueError(f"batch_size must be a positive int or None, got {batch_size!r}")
    accuracy_cnt = 0
    if batch_size is None:  # neuralnet_mnist.py
        for i in range(len(x)):
            y = predict(network, x[i])
            p = y.argmax()  # the index of the most likely digit
            if p == t[i]:
                accuracy_cnt += 1
            if progress is not None:
                progress(i + 1, len(x))
    else:  # neuralnet_mnist_batch.py
        for i in range(0, len(x), batch_size):
            x_batch = x[i : i + batch_size]
            y_batch = predict(network, x_batch)
            p = y_batch.argmax(axis=1)
            accuracy_cnt += (p == t[i : i + batch_size]).sum()
            if progress is not None:
                progress(min(i + batch_size, len(x)), len(x))
    return accuracy_cnt, len(x)

