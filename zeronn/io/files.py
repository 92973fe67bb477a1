"""What every reader of files shares: opening regular files only, and naming hostile input briefly.

A path may name something that is not a file of data at all: a FIFO (named pipe) waits
forever for a writer, a device such as ``/dev/zero`` never ends, a directory cannot be
read. ``open_regular`` looks first (``os.stat``, which follows symbolic links) and
refuses each by name, before reading a byte.

A message about a bad file shows what was wrong with it, and ``brief`` keeps that short:
a megabyte of text, a number of a million digits or a dict of a million keys is shown by
its first few characters, its size or its first few items.

>>> open_regular(".")
Traceback (most recent call last):
...
ValueError: . is a directory, not a regular file
>>> len(brief("x" * 1_000_000)), brief(10**100_000), brief(list(range(100)))
(60, 'an int of 332193 bits', '[0, 1, 2, 3, 4, 5, 6, 7, ...]')
"""

from __future__ import annotations

__all__ = ["open_regular", "brief"]

import os
import stat
from typing import IO, Any, Callable, Dict, Optional, Union

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


_BRACKETS: Dict[type, str] = {tuple: "({})", list: "[{}]", dict: "{{{}}}"}


def brief(value: Any, shown: Optional[Dict[type, Callable[[Any], str]]] = None, depth: int = 0) -> str:
    """``repr(value)`` cut to 60 characters, for a message about hostile input.

    Text and bytes pass through ``repr`` by their first 61 characters only; an int of more
    than 128 bits is given by its size (its digits would cost time, and Python refuses
    more than 4,300 of them); a tuple, list or dict by its first eight items, two levels
    deep; anything else by its type's name, or by ``shown[type(value)](value)``.

    >>> brief((1.5, "a", None)), brief({"W1": 1, 2: [3]}), brief(object())
    ("(1.5, 'a', None)", "{'W1': 1, 2: [3]}", 'object')
    """
    kind = type(value)
    if kind is int and value.bit_length() > 128:
        text = f"an int of {value.bit_length()} bits"
    elif kind in (str, bytes, bytearray):
        text = repr(value[:61])
    elif kind in (int, float, bool, type(None)):
        text = repr(value)
    elif shown is not None and kind in shown:
        text = shown[kind](value)
    elif kind in (tuple, list, dict) and depth < 2:
        items = list(value.items())[:8] if kind is dict else value[:8]
        parts = [f"{brief(key, shown, 2)}: {brief(item, shown, depth + 1)}" for key, item in items] if kind is dict \
            else [brief(item, shown, depth + 1) for item in items]
        if len(value) > 8:
            parts.append("...")
        body = ", ".join(parts) + ("," if kind is tuple and len(value) == 1 else "")
        text = _BRACKETS[kind].format(body)
    else:
        text = kind.__name__
    return text if len(text) <= 60 else text[:57] + "..."
