"""MNIST from its IDX files: ``read_idx``, ``load_mnist`` and ``load_mnist_split``.

An IDX file is a big-endian header and raw bytes (http://yann.lecun.com/exdb/mnist/):
the magic number ``0x00000801`` (labels: one count follows) or ``0x00000803`` (images:
count, rows, columns follow), then one unsigned byte per label or pixel. The files are
usually gzipped; both forms are read.

``load_mnist`` returns what the book's ``dataset/mnist.py`` returns:
``((x_train, t_train), (x_test, t_test))``. The training images are often not at hand,
so ``load_mnist_split(directory, "test")`` loads the test split alone.

Memory: the 10,000 test images are 7.84 million pixels. Pixels are kept as small ints
(one shared object each in CPython), and ``normalize`` maps them through a table of
256 floats, so only 256 float objects exist, whatever the number of images.

>>> import gzip, io, struct
>>> raw = struct.pack(">IIII", 0x803, 1, 2, 2) + bytes([0, 255, 51, 102])
>>> read_idx(io.BytesIO(gzip.compress(raw)))
tensor([[[  0, 255],
         [ 51, 102]]])
"""

from __future__ import annotations

__all__ = ["read_idx", "load_mnist", "load_mnist_split"]

import gzip
import os
import struct
import zlib
from typing import IO, Dict, List, Tuple, Union

from ._shape import size_of
from .core import Tensor

PathOrFile = Union[str, "os.PathLike[str]", IO[bytes]]
MNIST_HOME = "http://yann.lecun.com/exdb/mnist/"
_FILES: Dict[str, Tuple[str, str]] = {
    "train": ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
    "test": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"),
}
_MAGIC_DIMENSIONS = {0x801: 1, 0x803: 3}  # labels have one dimension, images three
_GZIP_MAGIC = b"\x1f\x8b"

# ---------------------------------------------------------------------------
# One IDX file
# ---------------------------------------------------------------------------


def read_idx(source: PathOrFile) -> Tensor:
    """Read an IDX file of labels or images (gzipped or not) into a tensor of ints.

    Labels give shape ``(count,)``, images ``(count, rows, columns)``. The header is
    checked against the data: a wrong magic number, a truncated file, a corrupt gzip
    stream or bytes left over each raise ``ValueError`` naming the file.

    >>> import io
    >>> read_idx(io.BytesIO(b"not an idx file"))
    Traceback (most recent call last):
    ...
    ValueError: <stream>: not an IDX file of labels or images: magic number 0x6e6f7420, expected 0x801 or 0x803
    """
    payload, shape = _read_idx_payload(source)
    # list(bytes) gives ints 0..255, which CPython shares: no memory per pixel beyond the list.
    return Tensor._trusted(list(payload), shape)


# ---------------------------------------------------------------------------
# The MNIST data set, as the book loads it
# ---------------------------------------------------------------------------


def load_mnist(
    directory: Union[str, "os.PathLike[str]"],
    normalize: bool = True,
    flatten: bool = True,
    one_hot_label: bool = False,
) -> Tuple[Tuple[Tensor, Tensor], Tuple[Tensor, Tensor]]:
    """``((x_train, t_train), (x_test, t_test))`` from the four MNIST files in ``directory``.

    - ``normalize``: pixels as floats in [0.0, 1.0] (divided by 255.0), else ints 0..255;
    - ``flatten``: images as rows of 784 numbers, else ``(N, 1, 28, 28)``;
    - ``one_hot_label``: labels as rows of ten 0.0/1.0, else ints 0..9.

    The training images are often not at hand; ``load_mnist_split`` loads one split.
    """
    train = load_mnist_split(directory, "train", normalize, flatten, one_hot_label)
    test = load_mnist_split(directory, "test", normalize, flatten, one_hot_label)
    return train, test


def load_mnist_split(
    directory: Union[str, "os.PathLike[str]"],
    split: str = "test",
    normalize: bool = True,
    flatten: bool = True,
    one_hot_label: bool = False,
) -> Tuple[Tensor, Tensor]:
    """``(x, t)`` of one split, ``"train"`` or ``"test"``; options as in ``load_mnist``.

    Looks for each file gzipped (``t10k-images-idx3-ubyte.gz``) or not. A missing file
    raises ``FileNotFoundError`` saying which file, where, and where MNIST is published.

    >>> import os, struct, tempfile
    >>> folder = tempfile.mkdtemp()      # a test split of two 2 x 2 images
    >>> with open(os.path.join(folder, "t10k-images-idx3-ubyte"), "wb") as file:
    ...     _ = file.write(struct.pack(">IIII", 0x803, 2, 2, 2) + bytes([0, 255, 51, 0, 0, 0, 0, 255]))
    >>> with open(os.path.join(folder, "t10k-labels-idx1-ubyte"), "wb") as file:
    ...     _ = file.write(struct.pack(">II", 0x801, 2) + bytes([7, 3]))
    >>> x, t = load_mnist_split(folder, "test")
    >>> x
    tensor([[0.0, 1.0, 0.2, 0.0],
            [0.0, 0.0, 0.0, 1.0]])
    >>> t, load_mnist_split(folder, "test", one_hot_label=True)[1][0]
    (tensor([7, 3]), tensor([0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0]))
    """
    if split not in _FILES:
        raise ValueError(f"split must be 'train' or 'test', got {split!r}")
    images_name, labels_name = _FILES[split]
    # The pixels go from the file's bytes straight to their final list: one list of
    # 7.84 million entries at a time, never two.
    pixels, image_shape = _read_idx_payload(_find(directory, images_name))
    labels = read_idx(_find(directory, labels_name))
    if len(image_shape) != 3 or labels.ndim != 1 or image_shape[0] != len(labels):
        raise ValueError(f"{directory}: images of shape {image_shape} do not match labels of shape {labels.shape}")
    count, rows, columns = image_shape
    shape = (count, rows * columns) if flatten else (count, 1, rows, columns)
    values = map(_NORMALIZED.__getitem__, pixels) if normalize else iter(pixels)
    x = Tensor._trusted(list(values), shape)
    t = _one_hot(labels) if one_hot_label else labels
    return x, t


# ---------------------------------------------------------------------------
# Private helpers
# ---------------------------------------------------------------------------

# The 256 values a normalised pixel can take: one float object each, shared.
_NORMALIZED = [value / 255.0 for value in range(256)]


def _one_hot(labels: Tensor) -> Tensor:
    rows: List[float] = []
    for index, label in enumerate(labels._data):
        if not 0 <= label <= 9:
            raise ValueError(f"label {label} at [{index}] is not a digit 0..9; cannot one-hot encode it")
        rows.extend(1.0 if digit == label else 0.0 for digit in range(10))
    return Tensor._trusted(rows, (len(labels), 10))


def _read_idx_payload(source: PathOrFile) -> Tuple[memoryview, Tuple[int, ...]]:
    """The data bytes of an IDX file and the shape its header gives, both checked."""
    name = os.fspath(source) if isinstance(source, (str, os.PathLike)) else "<stream>"
    raw = _read_bytes(source, name)
    if len(raw) < 4:
        raise ValueError(f"{name}: truncated: {len(raw)} bytes, too short for an IDX header")
    (magic,) = struct.unpack(">I", raw[:4])
    if magic not in _MAGIC_DIMENSIONS:
        raise ValueError(
            f"{name}: not an IDX file of labels or images: magic number {magic:#x}, expected 0x801 or 0x803"
        )
    ndim = _MAGIC_DIMENSIONS[magic]
    header_size = 4 + 4 * ndim
    if len(raw) < header_size:
        raise ValueError(f"{name}: truncated: the header needs {header_size} bytes, the file has {len(raw)}")
    shape = struct.unpack(f">{ndim}I", raw[4:header_size])
    expected = size_of(shape)
    payload = len(raw) - header_size
    if payload < expected:
        raise ValueError(f"{name}: truncated: the header promises {expected} bytes of data {shape}, found {payload}")
    if payload > expected:
        raise ValueError(f"{name}: {payload - expected} bytes of trailing garbage after the data {shape}")
    return memoryview(raw)[header_size:], tuple(shape)


def _find(directory: Union[str, "os.PathLike[str]"], name: str) -> str:
    for candidate in (name + ".gz", name):
        path = os.path.join(directory, candidate)
        if os.path.exists(path):
            return path
    raise FileNotFoundError(
        f"MNIST file {name}.gz (or {name}) not found in {os.fspath(directory)!r}; "
        f"MNIST is published at {MNIST_HOME}"
    )


def _read_bytes(source: PathOrFile, name: str) -> bytes:
    """All bytes of ``source``, gunzipped when they start with gzip's magic number."""
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as file:
            raw = file.read()
    else:
        raw = source.read()
    if not raw.startswith(_GZIP_MAGIC):
        return raw
    try:
        return gzip.decompress(raw)
    except (OSError, EOFError, zlib.error) as error:
        raise ValueError(f"{name}: corrupt gzip stream: {error}") from None
