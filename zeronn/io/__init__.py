"""File formats: the files zeronn reads and writes, each bounded by its input's size.

The second layer of the package: it builds on the substrate (the tensor) and knows
nothing of networks.

- ``files.py``: ``open_regular(path)``, a data file opened only if it is a regular file
  (a FIFO, a device or a directory is refused by name), and ``brief``, hostile input
  shown briefly in a message;
- ``numpy_pickle.py``: ``load_numpy_pickle(path)``, NumPy's pickles (the book's weights)
  read by zeronn's own small pickle machine, which runs nothing the file names;
- ``npy.py``: NumPy's own formats, ``save``/``load`` (``.npy``) and ``savez``/
  ``savez_compressed`` (``.npz``), as ``np.save`` and ``np.load`` read and write them;
- ``datasets.py``: MNIST's IDX files (``read_idx``) and the book's ``load_mnist``;
- ``png.py``: PNG images (``read_png``, matplotlib's ``imread``, ``write_png``), with zlib.
"""

from .datasets import load_mnist, load_mnist_split, read_idx
from .files import open_regular
from .npy import NpzFile, load, save, savez, savez_compressed
from .numpy_pickle import load_numpy_pickle
from .png import imread, read_png, write_png

__all__ = [
    "open_regular",
    "load_numpy_pickle",
    "save",
    "load",
    "savez",
    "savez_compressed",
    "NpzFile",
    "read_idx",
    "load_mnist",
    "load_mnist_split",
    "read_png",
    "imread",
    "write_png",
]
