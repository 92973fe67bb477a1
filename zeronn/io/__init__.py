"""File formats: the files zeronn reads and writes, each bounded by its input's size.

The second layer of the package: it builds on the substrate (the tensor) and knows
nothing of networks.

- ``files.py``: ``open_regular(path)``, a data file opened only if it is a regular file
  (a FIFO, a device or a directory is refused by name);
- ``numpy_pickle.py``: ``load_numpy_pickle(path)``, NumPy's pickles (the book's weights)
  read by zeronn's own small pickle machine, which runs nothing the file names;
- ``datasets.py``: MNIST's IDX files (``read_idx``) and the book's ``load_mnist``.

>>> from zeronn.io import load_numpy_pickle, read_idx
"""

from .datasets import load_mnist, load_mnist_split, read_idx
from .files import open_regular
from .numpy_pickle import load_numpy_pickle

__all__ = ["open_regular", "load_numpy_pickle", "read_idx", "load_mnist", "load_mnist_split"]
