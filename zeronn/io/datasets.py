"""MNIST from its IDX files: ``read_idx``, ``load_mnist`` and ``load_mnist_split``.

An IDX file is a big-endian header and raw bytes (http://yann.lecun.com/exdb/mnist/):
the magic number ``0x00000801`` (labels: one count follows) or ``0x00000803`` (images:
count, rows, columns follow), then one unsigned byte per label or pixel. The files are
usually gzipped; both forms are read.

``load_mnist`` returns what the book's ``dataset/mnist.py`` returns:
``((x_train, t_train), (x_test, t_test))``. The training images are often not at hand,
so ``load_mnist_split(directory, "test")`` loads the test split alone.

Memory: the 60,000 training images are 47 million pixels. They are kept as NumPy's
book keeps them: ``uint8`` (one byte each, 47 MB), or ``float32`` once normalised (four
bytes each, 188 MB), each in an ``array.array``; as Python floats in a list they would
take over 1.5 GB.

>>> import gzip, io, struct
>>> raw = struct.pack(">IIII", 0x803, 1, 2, 2) + bytes([0, 255, 51, 102])
>>> read_idx(io.BytesIO(gzip.compress(raw)))
tensor([[[  0, 255],
         [ 51, 102]]], dtype=uint8)
"""

from __future__ import annotations

__all__ = ["read_idx", "load_mnist", "load_mnist_split", "normalize_pixels"]

import gzip
import os
import struct
import zlib
from array import array
from contextlib import contextmanager
from typing import IO, Any, Dict, Iterator, Tuple, Union, cast

from .._shape import size_of
from ..casting import round_float32
from ..core import Tensor
from ..creation import zeros
from ..dtypes import check_fits, float32, uint8
from .files import open_regular

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
    """Read an IDX file of labels or images (gzipped or not) into a ``uint8`` tensor.

    Labels give shape ``(count,)``, images ``(count, rows, columns)``. The header is
    checked against the data: a wrong magic number, a truncated file, a corrupt gzip
    stream or bytes left over each raise ``ValueError`` naming the file.

    >>> import io
    >>> read_idx(io.BytesIO(b"not an idx file"))
    Traceback (most recent call last):
    ...
    ValueError: <stream>: not an IDX file of labels or images: magic number 0x6e6f7420, expected 0x801 or 0x803
    """
    pixels, shape = _read_idx_payload(source)
    return Tensor.from_storage(pixels, shape, uint8)


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

    - ``normalize``: pixels as float32 in [0.0, 1.0] (divided by 255.0), else uint8 0..255;
    - ``flatten``: images as rows of 784 numbers, else ``(N, 1, 28, 28)``;
    - ``one_hot_label``: labels as rows of ten float64 0.0/1.0, else uint8 0..9.

    These are the dtypes the book's ``dataset/mnist.py`` gives with NumPy.

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
    tensor([[0. , 1. , 0.2, 0. ],
            [0. , 0. , 0. , 1. ]], dtype=float32)
    >>> t, load_mnist_split(folder, "test", one_hot_label=True)[1][0]
    (tensor([7, 3], dtype=uint8), tensor([0., 0., 0., 0., 0., 0., 0., 1., 0., 0.]))
    """
    if split not in _FILES:
        raise ValueError(f"split must be 'train' or 'test', got {split!r}")
    images_name, labels_name = _FILES[split]
    # The pixels go from the file's bytes straight to their final array, never through a list.
    pixels, image_shape = _read_idx_payload(_find(directory, images_name))
    labels = read_idx(_find(directory, labels_name))
    if len(image_shape) != 3 or labels.ndim != 1 or image_shape[0] != len(labels):
        raise ValueError(f"{directory}: images of shape {image_shape} do not match labels of shape {labels.shape}")
    count, rows, columns = image_shape
    shape = (count, rows * columns) if flatten else (count, 1, rows, columns)
    if normalize:  # four bytes a pixel from one: asked of memory before it is made
        check_fits(shape, float32, f"{os.fspath(directory)}: the {split} images normalised, shape {shape} of float32,")
        x = Tensor.from_storage(normalize_pixels(pixels), shape, float32)
    else:
        x = Tensor.from_storage(pixels, shape, uint8)
    t = _one_hot(labels) if one_hot_label else labels
    return x, t


# ---------------------------------------------------------------------------
# Private helpers
# ---------------------------------------------------------------------------

# The 256 values a normalised pixel can take: float32(k) / 255 in float32, as NumPy's
# ``astype(np.float32) / 255.0`` computes them; and, for each of a float32's four bytes,
# a table from a pixel to that byte of its value.
_NORMALIZED = array("f", [round_float32(value / 255.0) for value in range(256)])
_NORMALIZED_BYTES = [bytes(_NORMALIZED.tobytes()[k::4]) for k in range(4)]


def normalize_pixels(pixels: Union["array[int]", bytes]) -> "array[float]":
    """``pixels / 255`` as float32 (NumPy's ``pixels.astype(np.float32) / 255.0``, bit for bit).

    Each of the four bytes of every value is looked up by ``bytes.translate`` and put in
    place by a slice assignment, both loops in C, a megabyte of pixels at a time (a Python
    loop over the 47 million pixels of MNIST's training set takes seconds; this takes a
    tenth of one). The PNG reader normalises its samples with it too.

    >>> normalize_pixels(bytes([0, 255, 51])).tolist()
    [0.0, 1.0, 0.20000000298023224]
    """
    values = array("f")
    for start in range(0, len(pixels), _CHUNK):
        part = bytes(pixels[start : start + _CHUNK])
        packed = bytearray(4 * len(part))
        for k, table in enumerate(_NORMALIZED_BYTES):
            packed[k::4] = part.translate(table)
        values.frombytes(packed)
    return values


def _one_hot(labels: Tensor) -> Tensor:
    """The book's ``_change_one_hot_label``: a row of ten float64 per label, 1.0 at the label."""
    one_hot = zeros((len(labels), 10))
    for index, label in enumerate(labels.to_flat_list()):
        if not 0 <= label <= 9:
            raise ValueError(f"label {label} at [{index}] is not a digit 0..9; cannot one-hot encode it")
        one_hot[index, label] = 1.0
    return one_hot


def _read_idx_payload(source: PathOrFile) -> Tuple["array[int]", Tuple[int, ...]]:
    """The data bytes of an IDX file, as an ``array('B')``, and the shape its header gives.

    Nothing is read beyond what the header promises plus one byte (or, to count trailing
    garbage, a megabyte more), and what it promises must fit in memory: a small gzip file
    cannot inflate to gigabytes before the header is checked.
    """
    name = os.fspath(source) if isinstance(source, (str, os.PathLike)) else "<stream>"
    with _opened(source, name) as stream:
        head = _read_up_to(stream, 4, name)
        if len(head) < 4:
            raise ValueError(f"{name}: truncated: {len(head)} bytes, too short for an IDX header")
        (magic,) = struct.unpack(">I", head)
        if magic not in _MAGIC_DIMENSIONS:
            raise ValueError(
                f"{name}: not an IDX file of labels or images: magic number {magic:#x}, expected 0x801 or 0x803"
            )
        ndim = _MAGIC_DIMENSIONS[magic]
        dimensions = _read_up_to(stream, 4 * ndim, name)
        if len(dimensions) < 4 * ndim:
            header_size = 4 + 4 * ndim
            raise ValueError(
                f"{name}: truncated: the header needs {header_size} bytes, the file has {4 + len(dimensions)}"
            )
        shape = struct.unpack(f">{ndim}I", dimensions)
        check_fits(shape, uint8, f"{name}: the data its header promises, shape {shape},")
        expected = size_of(shape)
        pixels = array("B")
        for part in _chunks(stream, expected, name):  # straight into the array: one copy in memory
            pixels.frombytes(part)
        if len(pixels) < expected:
            raise ValueError(
                f"{name}: truncated: the header promises {expected} bytes of data {shape}, found {len(pixels)}"
            )
        trailing = len(_read_up_to(stream, _CHUNK + 1, name))
        if trailing:
            count = f"more than {_CHUNK}" if trailing > _CHUNK else str(trailing)
            raise ValueError(f"{name}: {count} bytes of trailing garbage after the data {shape}")
    return pixels, tuple(shape)


_CHUNK = 1 << 20


@contextmanager
def _opened(source: PathOrFile, name: str) -> Iterator[Any]:
    """An IDX source opened for reading, gunzipped on the fly when it starts with gzip's
    magic number. A path must be a regular file: a FIFO would wait forever for a writer,
    and ``/dev/zero`` never ends."""
    own = None
    if isinstance(source, (str, os.PathLike)):
        own = source = open_regular(source)
    try:
        head = source.read(2)
        stream = _Prefixed(head, source)
        yield gzip.GzipFile(fileobj=cast(Any, stream), mode="rb") if head == _GZIP_MAGIC else stream
    finally:
        if own is not None:
            own.close()


class _Prefixed:
    """``head`` (bytes already read from ``stream``, to see whether it is gzipped), then the rest."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self._head, self._stream = head, stream

    def read(self, n: int) -> bytes:
        head = self._head
        if not head:
            return self._stream.read(n)
        if 0 <= n < len(head):
            self._head = head[n:]
            return head[:n]
        self._head = b""
        return head + self._stream.read(-1 if n < 0 else n - len(head))


def _read_up_to(stream: Any, size: int, name: str) -> bytes:
    """At most ``size`` bytes of ``stream``."""
    return b"".join(_chunks(stream, size, name))


def _chunks(stream: Any, size: int, name: str) -> Iterator[bytes]:
    """At most ``size`` bytes of ``stream``, read (and gunzipped) a megabyte at a time."""
    try:
        while size > 0:
            part = stream.read(min(size, _CHUNK))
            if not part:
                return
            size -= len(part)
            yield part
    except (OSError, EOFError, zlib.error) as error:
        raise ValueError(f"{name}: corrupt gzip stream: {error}") from None


def _find(directory: Union[str, "os.PathLike[str]"], name: str) -> str:
    """The path of ``name`` (gzipped or not) in ``directory``. Only a file that is not there
    is "not found": a folder that cannot be read (``PermissionError``) or that is a file
    (``NotADirectoryError``) is reported as what it is, with its path."""
    for candidate in (name + ".gz", name):
        path = os.path.join(directory, candidate)
        try:
            os.stat(path)
        except FileNotFoundError:
            continue
        return path
    raise FileNotFoundError(
        f"MNIST file {name}.gz (or {name}) not found in {os.fspath(directory)!r}; "
        f"MNIST is published at {MNIST_HOME}"
    )

