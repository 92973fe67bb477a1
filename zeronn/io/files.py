"""Opening the files zeronn reads (weights, MNIST, networks): regular files only.

A path may name something that is not a file of data at all: a FIFO (named pipe) waits
forever for a writer, a device such as ``/dev/zero`` never ends, a directory cannot be
read. ``open_regular`` looks first (``os.stat``, which follows symbolic links) and
refuses each by name, before reading a byte.

>>> open_regular(".")
Traceback (most recent call last):
...
ValueError: . is a directory, not a regular file
"""

from __future__ import annotations

__all__ = ["open_regular"]

import os
import stat
from typing import IO, Union

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def open_regular(path: Union[str, "os.PathLike[str]"]) -> IO[bytes]:
    """``open(path, "rb")`` if ``path`` is a regular file, else ``ValueError`` naming what it is.

    A missing file is ``FileNotFoundError``, as from ``open``.

    >>> import os, tempfile
    >>> with open_regular(os.path.join(os.path.dirname(__file__), "__init__.py")) as file:
    ...     len(file.read(3))
    3
    >>> open_regular(tempfile.gettempdir())
    Traceback (most recent call last):
    ...
    ValueError: ... is a directory, not a regular file
    """
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
        raise ValueError(f"{os.fspath(path)} is {kind}, not a regular file")
    return open(path, "rb")
