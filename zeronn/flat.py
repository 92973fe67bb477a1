"""``t.flat``: a tensor's elements as one flat sequence, to read and to write (NumPy's ``flatiter``).

``t.flat`` walks ``t`` in row-major order, whatever its memory order, as if it were 1-d:
``t.flat[4]`` is the fifth element, ``t.flat[::2] = 0`` zeroes every other one, in ``t``
itself. It never copies ``t``: reading builds new tensors of what it picks, and writing
goes through ``t``'s own indexing, so every view of ``t`` sees the change.

What a key picks, by NumPy's rules for flat iterators (a little narrower than a 1-d
tensor's):

- an int: one element, as a number; a slice, ``...`` or ``()``: a 1-d tensor of them;
- an integer tensor or list: the elements at those positions, in the index's shape;
- a boolean tensor of ``t.size`` elements: a mask (a list of bools is refused, as NumPy
  refuses it, and a single ``True``/``False`` is deprecated).

A value written is repeated as often as needed (``t.flat[[0, 1, 2]] = [7, 8]`` writes 7, 8, 7).

>>> from importlib import import_module          # the tensor module (this one sits below it)
>>> tensor = import_module(".core", __package__).tensor
>>> x = tensor([[1, 2, 3], [4, 5, 6]]).T
>>> x.flat[1], x.flat[1:4]
(4, tensor([4, 2, 5]))
>>> x.flat[::2] = 0
>>> x
tensor([[0, 4],
        [0, 5],
        [0, 6]])
"""

from __future__ import annotations

__all__ = ["flatiter"]

import operator
import warnings
from typing import Any, Callable, List, Optional, Tuple

from ._shape import OutOfBoundsError, unravel

_VALID = "only integers, slices (`:`), ellipsis (`...`) and integer or boolean arrays are valid indices"


class flatiter:
    """A flat, row-major iterator over a tensor that can be indexed and written (NumPy's
    ``flatiter``); ``base`` is the tensor. Iterating it yields the elements, and
    ``index`` and ``coords`` say where the next one is.

    >>> from importlib import import_module
    >>> it = import_module(".core", __package__).tensor([[0, 1, 2], [3, 4, 5]]).flat
    >>> next(it), next(it), it.index, it.coords
    (0, 1, 2, (0, 2))
    >>> len(it), it.copy()
    (6, tensor([0, 1, 2, 3, 4, 5]))
    >>> it[6]  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ...
    OutOfBoundsError: index 6 is out of bounds for size 6
    """

    def __init__(self, base: Any, to_tensor: Callable[..., Any], view: Any = None) -> None:
        self.base = base
        self._view = base if view is None else view  # what is read and written: base, or base broadcast
        self._to_tensor = to_tensor  # core's as_tensor (this module sits below core)
        self.index = 0

    # Iteration ---------------------------------------------------------------

    def __iter__(self) -> flatiter:
        return self

    def __next__(self) -> Any:
        if self.index >= self._view.size:
            raise StopIteration
        value = self._view.item(self.index)
        self.index += 1
        return value

    def __len__(self) -> int:
        return int(self._view.size)

    @property
    def coords(self) -> Tuple[int, ...]:
        """The position ``(i, j, ...)`` in ``base`` of the element the iterator reads next."""
        return unravel(min(self.index, self._view.size - 1), self._view.shape) if self._view.size else ()

    def copy(self, /) -> Any:
        """The elements as a new 1-d tensor (``base.flatten()``)."""
        return self._view.flatten()

    def __array__(self, /, dtype: Any = None, copy: Optional[bool] = None) -> Any:
        """The elements as a new 1-d tensor of ``dtype`` (what ``np.array(t.flat)`` gives)."""
        flat = self._view.flatten()
        return flat if dtype is None else flat.astype(dtype)

    # Indexing ----------------------------------------------------------------

    def __getitem__(self, key: Any) -> Any:
        positions, shape = self._positions(key, writing=False)
        if shape is None:  # one int: one element
            return self._view.item(positions[0])
        values = self._view.ravel()[positions] if positions else self._view.ravel()[0:0]
        return values.reshape(shape)

    def __setitem__(self, key: Any, value: Any) -> None:
        positions, _ = self._positions(key, writing=True)
        if not positions:
            return
        given = self._to_tensor(value, None if hasattr(value, "dtype") else self._view.dtype).ravel()
        if given.size == 0:
            raise ValueError("cannot assign an empty value to elements of a flat iterator")
        repeated = given[[k % given.size for k in range(len(positions))]]  # NumPy repeats the value
        if not self._view.shape:
            self._view[()] = repeated[0]
            return
        where = [unravel(position, self._view.shape) for position in positions]
        self._view[tuple(list(axis) for axis in zip(*where))] = repeated

    def _positions(self, key: Any, writing: bool) -> Tuple[List[int], Optional[Tuple[int, ...]]]:
        """The flat positions ``key`` picks, and the shape of what it gives (``None`` for one element)."""
        size = self._view.size
        if isinstance(key, tuple):
            if not key:
                if writing:
                    raise IndexError("Assigning to a flat iterator with a 0-D index is not supported")
                return list(range(size)), (size,)
            if len(key) > 1:
                raise IndexError(
                    f"too many indices for flat iterator: flat iterator is 1-dimensional, but {len(key)} were indexed"
                )
            key = key[0]  # pyright: ignore[reportGeneralTypeIssues]  (not empty: see above)
        if isinstance(key, flatiter):  # another flat iterator indexes as the elements it walks
            key = key.copy()
        if key is Ellipsis:
            return list(range(size)), (size,)
        if isinstance(key, slice):
            picked = list(range(*key.indices(size)))
            return picked, (len(picked),)
        if isinstance(key, bool) or (hasattr(key, "dtype") and key.dtype.kind == "b" and not key.shape):
            warnings.warn(
                "Indexing flat iterators with a 0-dimensional boolean index is deprecated and may be removed "
                "in a future version. (Deprecated NumPy 2.4)",
                DeprecationWarning,
                stacklevel=3,
            )
            return ([0], None) if bool(key) else ([], (0,))
        if isinstance(key, int) or (hasattr(key, "dtype") and not key.shape and key.dtype.kind in "iu"):
            return [_checked(operator.index(key), size)], None
        if isinstance(key, list):
            return self._from_list(key, size)
        if hasattr(key, "dtype") and key.dtype.kind in "biu":
            return self._from_tensor(key, size)
        raise IndexError(_VALID)

    def _from_list(self, key: List[Any], size: int) -> Tuple[List[int], Tuple[int, ...]]:
        if key and all(isinstance(item, bool) for item in key):
            raise IndexError("boolean indices for iterators are not supported")
        if any(isinstance(item, float) for item in key):
            warnings.warn(
                "Invalid non-array indices for iterator objects are deprecated and will be removed "
                "in a future version. (Deprecated NumPy 2.4)",
                DeprecationWarning,
                stacklevel=4,
            )
            key = [int(item) for item in key]
        return self._from_tensor(self._to_tensor(key, "int64"), size)

    @staticmethod
    def _from_tensor(key: Any, size: int) -> Tuple[List[int], Tuple[int, ...]]:
        if key.dtype.kind == "b":
            if key.ndim > 1:
                raise IndexError(
                    f"too many indices for flat iterator: flat iterator is 1-dimensional, but {key.ndim} were indexed"
                )
            if key.size != size:
                raise IndexError("boolean index did not match indexed flat iterator")
            picked = [i for i, chosen in enumerate(key.tolist()) if chosen]
            return picked, (len(picked),)
        return [_checked(position, size) for position in key.ravel().tolist()], tuple(key.shape)


def _checked(position: int, size: int) -> int:
    if not -size <= position < size:
        raise OutOfBoundsError(f"index {position} is out of bounds for size {size}")
    return position % size

