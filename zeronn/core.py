"""The Tensor: NumPy's ndarray in Python, made of a storage, a shape, strides and an offset.

A tensor keeps its numbers in one flat sequence, the *storage*, and reads it through
three more things: its *shape*, its *strides* (how far to step in the storage for one
step along each axis) and an *offset* (where element ``[0, 0, ...]`` lives)::

    storage  [0, 1, 2, 3, 4, 5]     (float64: 8 bytes each)

                                            strides in       strides in
                                            elements         bytes (.strides)
    x        [[0, 1, 2],        shape (2, 3)  (3, 1)           (24, 8)       offset 0
              [3, 4, 5]]        x[i, j] is storage[0 + 3*i + 1*j]

    x.T      [[0, 3],           shape (3, 2)  (1, 3)           (8, 24)       offset 0
              [1, 4],           x.T[i, j] is storage[0 + 1*i + 3*j]
              [2, 5]]

    x[1]     [3, 4, 5]          shape (3,)    (1,)             (8,)          offset 3
    x[:, 1]  [1, 4]             shape (2,)    (3,)             (24,)         offset 1
    x[:, ::2] [[0, 2],          shape (2, 2)  (3, 2)           (24, 16)      offset 0
               [3, 5]]

Every one of these is a *view*: a new tensor over the same storage, made by computing
new strides instead of copying numbers. That is why ``x.T`` costs nothing, and why
writing through a view changes the tensor it came from (``x[1][2] = 7`` changes
``x``). Fancy indexing (``x[[0, 1]]``, ``x[x > 0]``), ``flatten``, ``copy`` and
``astype`` copy, exactly as in NumPy. zeronn steps through its storage in elements (the
``_strides`` field); ``.strides`` reports bytes, the element strides times the item
size, as NumPy does. (The book never shows strides.)

The numbers are kept as each dtype suggests (see ``dtypes.py``): float64, int64 and
bool in a Python list, the compact dtypes in an ``array.array``.

The public names:

- ``tensor(data, dtype=None)``, ``Tensor``: a tensor from nested lists or a number
  (``nested.py`` does the checking), and ``array(data)``, NumPy's name for it;
  ``Tensor.from_storage(storage, shape, dtype)``: one over a flat sequence, uncopied;
- inspection: ``shape``, ``ndim``, ``size``, ``dtype``, ``strides``, ``T``, ``len()``,
  iteration, ``tolist()``, ``item()``; indexing ``t[key]`` and writing ``t[key] = v``
  (the details live in ``indexing.py``);
- arithmetic ``+ - * / // % **``, bitwise ``~ & | ^ << >>``, in place too (``+=``), and
  comparisons, by NumPy's rules for broadcasting and dtypes (``loops.py`` has each
  ufunc's); reductions ``sum``, ``max``, ``min``, ``mean``, ``argmax``, ``any``, ``all``
  (computed in ``reductions.py``) and ``prod``, ``argmin``, ``cumsum``, ``cumprod``,
  ``var``, ``std`` (``statistics.py``), with NumPy's ``axis`` (tuples too), ``keepdims``,
  ``out``, ``where``, ``dtype``, ``initial``; ``clip``, ``round``; ``reshape``, ``ravel``,
  ``flatten``, ``transpose``, ``copy``, ``astype``; ``dot`` and ``@``;
- ``dot(a, b)`` (``np.dot``);
- ``as_tensor(x)``, ``elements(t)``, ``elementwise(name, a, b)``, ``unary(name, x)``, and
  ``fused(kernel, x)`` (a fused kernel run on a float64 tensor): what the other modules
  build on.

Each operation takes the float64 case first, in a few lines (the forward pass and a
training step run almost only those), and hands every other case (other dtypes, strided
layouts, keywords) to a function beside it: ``_update_any``, ``_dot_any_dtypes``,
``_from_any_data``, ``_get_selection``, ... README's "Reading the
source" follows three paths through this file, function by function.

>>> x = tensor([[1.0, 2.0], [3.0, 4.0]])
>>> x + tensor([10, 20])          # (2, 2) + (2,) broadcasts along the rows
tensor([[11., 22.],
        [13., 24.]])
>>> row = x[0]                    # a view: writing through it changes x
>>> row += 100
>>> x
tensor([[101., 102.],
        [  3.,   4.]])
"""

from __future__ import annotations

__all__ = [
    "Tensor", "Flags", "tensor", "array", "as_tensor", "as_strided", "elements", "fused", "memory_of",
    "write", "rebuild_tensor",
    "elementwise", "unary", "dot",
]  # fmt: skip

import builtins
import functools
import itertools
import math
import operator
import sys
from array import array as typed_array  # the standard library's array.array (``array`` is NumPy's name, below)
from typing import Any, Callable, Dict, Iterable, Iterator, List, Literal, Optional, Sequence, Tuple, Union, overload

from . import (
    axes,
    buffers,
    casting,
    dtypes,
    float_errors,
    ieee,
    indexing,
    kernels,
    lanes,
    loops,
    ordering,
    printing,
    reductions,
    statistics,
)  # fmt: skip
from ._shape import (
    Number,
    Shape,
    broadcast_shapes,
    format_shape,
    is_contiguous,
    normalize_axis,
    offsets_of,
    size_of,
    strides_of,
    unravel,
)
from .dtypes import DType, DTypeLike, Storage, bool_, float64, int64
from .flat import flatiter
from .layout import (
    innermost_run,
    is_f_contiguous,
    like_order,
    memory_order,
    order_letter,
    reshape_strides,
    resolve_reshape,
)
from .nested import flatten_nested, nest, python_dtype

Operand = Union["Tensor", Number, Sequence[Any]]
Axis = Union[None, int, Tuple[int, ...]]  # a reduction's axes: all of them, one, or several
Lanes = Callable[[List[Sequence[Any]]], List[Any]]  # a block's rows along an axis, reduced together
Runs = Callable[[Sequence[Any], int], List[Any]]  # every run of a length reduced at once


class Tensor:
    """An n-dimensional array of numbers with NumPy's semantics (NumPy's ``ndarray``).

    Make one from data with ``tensor(...)`` (NumPy's ``np.array``); ``Tensor(shape, dtype,
    buffer)`` is NumPy's low-level ``np.ndarray(shape, dtype, buffer)``. A tensor changes
    only where an ndarray would: ``t[key] = value``, in-place operators, and writes
    through views. zeronn's own functions never change their arguments.

    >>> t = tensor([[1, 2, 3], [4, 5, 6]])
    >>> t.shape, t.ndim, t.size, t.dtype, t.strides
    ((2, 3), 2, 6, dtype('int64'), (24, 8))
    >>> t[1, -1], t[:, 1]
    (6, tensor([2, 5]))
    """

    # What a tensor is made of. ``tensor()`` (and ``Tensor(shape, dtype, buffer)``) check
    # what they are given and make one; inside zeronn, results already known to be right
    # are made by ``_new`` (a new row-major tensor) and ``_make`` (any layout, a view),
    # which fill in these fields directly, as ``fractions.Fraction`` has a trusted private
    # constructor beside its checking one.
    __slots__ = ("_storage", "_shape", "_strides", "_offset", "_dtype", "_contiguous", "_writeable", "_base")
    __hash__ = None  # type: ignore[assignment]  # == gives a tensor, so no hashing

    _storage: Storage  # the flat sequence of numbers, shared by every view of it
    _shape: Shape
    _strides: Shape  # in elements (storage[offset + i*strides[0] + j*strides[1]]); .strides reports bytes
    _offset: int  # where element [0, 0, ...] lives in the storage
    _dtype: DType
    _contiguous: bool  # the elements are storage[offset : offset + size], in row-major order
    _writeable: bool
    _base: Any  # what a view reads: the tensor (or buffer) whose memory it shares; None for an owner

    def __new__(
        cls, shape: Any, dtype: Optional[DTypeLike] = float, buffer: Any = None, offset: int = 0,
        strides: Optional[Sequence[int]] = None, order: Optional[str] = None,
    ) -> Tensor:
        """NumPy's low-level constructor, ``np.ndarray(shape, dtype, buffer, offset, strides, order)``:
        a tensor of ``shape`` over the bytes of ``buffer`` (shared where the dtype is compact,
        see ``buffers.py``), or over new zeros. ``offset`` and ``strides`` are in bytes, as
        NumPy's; ``order="F"`` lays the elements out column by column. (``tensor(data)`` is
        the usual way to make a tensor from data.)

        >>> Tensor((2, 3), "uint8", buffer=bytes(range(6)), offset=0, strides=(1, 2))
        tensor([[0, 2, 4],
                [1, 3, 5]], dtype=uint8)
        >>> Tensor((2,), "int16", buffer=bytes(3))
        Traceback (most recent call last):
        ...
        TypeError: buffer is too small for requested array
        """
        if cls is not Tensor:
            _refuse_subclass(cls)
        return _construct(shape, dtype, buffer, offset, strides, order)

    @classmethod
    def from_storage(
        cls, storage: Storage, shape: Shape, dtype: DTypeLike = float64, strides: Optional[Sequence[int]] = None
    ) -> Tensor:
        """A row-major tensor of ``shape`` over ``storage``, which it uses without copying
        (or laid out by ``strides``, in bytes, as NumPy lays out a result in another order).

        ``storage`` must be the container ``dtype`` uses (a list for float64, int64 and
        bool; an ``array.array`` of the dtype's C type otherwise, or a ``memoryview`` of
        that type, which makes a read-only tensor if the memory is read-only) and hold
        exactly the tensor's elements. They are trusted to be of the dtype: this is the constructor for
        data already made right, as NumPy's ``ndarray(shape, dtype, buffer)`` is.

        >>> from array import array
        >>> Tensor.from_storage(array("B", [1, 2, 3, 4]), (2, 2), "uint8")
        tensor([[1, 2],
                [3, 4]], dtype=uint8)
        >>> Tensor.from_storage(array("B", [1, 2, 3, 4]), (2, 2), "uint8", strides=(1, 2))
        tensor([[1, 3],
                [2, 4]], dtype=uint8)
        """
        if type(storage) is list and (dtype is float64 or dtype is int64 or dtype is bool_) and strides is None:
            if len(storage) == math.prod(shape):  # the usual case: a list of a list dtype's numbers, row-major
                return _new(storage, tuple(shape), dtype)
        return _from_any_storage(storage, shape, dtypes.dtype(dtype), strides)

    # -----------------------------------------------------------------------
    # Inspection
    # -----------------------------------------------------------------------

    @property
    def shape(self) -> Shape:
        """The length of each axis, e.g. ``(2, 3)``; ``()`` for a 0-d tensor.

        >>> tensor([[1, 2, 3], [4, 5, 6]]).shape
        (2, 3)
        """
        return self._shape

    @shape.setter
    def shape(self, shape: Any) -> None:
        """``t.shape = (3, 2)`` reshapes ``t`` itself, where strides can (never by copying), as NumPy's.

        >>> x = tensor([1, 2, 3, 4]); x.shape = (2, -1); x
        tensor([[1, 2],
                [3, 4]])
        >>> x.T.shape = (4,)
        Traceback (most recent call last):
        ...
        AttributeError: Incompatible shape for in-place modification. Use `.reshape()` to make a copy with ...
        """
        asked = tuple(shape) if isinstance(shape, (tuple, list)) else (shape,)
        new_shape = resolve_reshape(self.size, asked)
        strides = reshape_strides(self._shape, self._strides, new_shape, -1 not in asked)
        if strides is None:
            raise AttributeError(
                "Incompatible shape for in-place modification. Use `.reshape()` to make a copy with the desired shape."
            )
        self._shape, self._strides = new_shape, strides
        self._contiguous = is_contiguous(new_shape, strides)

    @property
    def ndim(self) -> int:
        """The number of axes: ``len(shape)``.

        >>> tensor(5).ndim, tensor([[1]]).ndim
        (0, 2)
        """
        return len(self._shape)

    @property
    def size(self) -> int:
        """The number of elements: the product of the shape.

        >>> tensor([[1, 2, 3], [4, 5, 6]]).size
        6
        """
        return math.prod(self._shape)

    @property
    def dtype(self) -> DType:
        """The dtype of the elements (``dtype('float64')``, ``dtype('uint8')``, ...).

        >>> tensor([1, 2]).dtype, tensor([1, 2.5]).dtype, tensor([]).dtype
        (dtype('int64'), dtype('float64'), dtype('float64'))
        """
        return self._dtype

    @property
    def strides(self) -> Shape:
        """Bytes to step in memory for one step along each axis, as NumPy reports them.

        >>> x = tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
        >>> x.strides, x.T.strides, x[:, ::2].strides
        ((24, 8), (8, 24), (24, 16))
        """
        return tuple(stride * self._dtype.itemsize for stride in self._strides)

    @property
    def T(self) -> Tensor:
        """The transpose, a view: ``transpose()``, the axes reversed. Nothing moves: the
        same storage is read with the shape and the strides reversed.

        >>> m = tensor([[1, 2, 3], [4, 5, 6]])
        >>> m.T, m.T._strides, m._strides                    # (in elements)
        (tensor([[1, 4],
                [2, 5],
                [3, 6]]), (1, 3), (3, 1))
        """
        layout = (self._shape[::-1], self._strides[::-1], self._offset)
        return _make(self._storage, *layout, self._dtype, self._writeable, base=_base_of(self))

    def __len__(self) -> int:
        """The length of axis 0, as for a list (``TypeError`` for a 0-d tensor)."""
        if not self._shape:
            raise TypeError("len() of unsized object")
        return self._shape[0]

    def __iter__(self) -> Iterator[Any]:
        """Iterate over axis 0: rows (views) of a matrix, numbers of a vector.

        >>> [row.tolist() for row in tensor([[1, 2], [3, 4]])]
        [[1, 2], [3, 4]]
        """
        if not self._shape:
            raise TypeError("iteration over a 0-d array")
        if len(self._shape) == 1:
            return iter(self.to_flat_list())
        return (self._row(index) for index in range(self._shape[0]))

    def _row(self, index: int) -> Tensor:
        """Row ``index`` of axis 0, as a view."""
        offset = self._offset + index * self._strides[0]
        return _make(
            self._storage, self._shape[1:], self._strides[1:], offset, self._dtype, self._writeable, base=_base_of(self)
        )

    @overload
    def __getitem__(self, key: Union[slice, None, Tensor, List[Any]]) -> Tensor: ...  # always a tensor
    @overload
    def __getitem__(self, key: Any) -> Any: ...  # ints: a number or a tensor, by the dimensions
    def __getitem__(self, key: Any) -> Any:
        """Index as NumPy does: ``t[i]``, ``t[i, j]``, ``t[1:]``, ``t[:, ::2]``, ``t[..., 0]``
        give views; ``t[[0, 2]]``, ``t[t > 0]``, ``t[rows, cols]`` give copies.

        Indexing every axis with an integer gives a Python number; ``t[()]`` of a 0-d tensor
        gives NumPy's scalar (``np.int64(0)``), as NumPy's does. See ``indexing.py``.

        >>> m = tensor([[1, 2, 3], [4, 5, 6]])
        >>> m[1, 2], m[:, 1:], m[m > 2], m[[0, 1], [2, 0]]
        (6, tensor([[2, 3],
               [5, 6]]), tensor([3, 4, 5, 6]), tensor([3, 4]))
        """
        if type(key) is int and len(self._shape) > 1:  # the fast paths: a row, one element per row, one element
            return self._row(indexing.check_index(key, self._shape[0], 0))
        picked = _picked_pairs(self, key)  # the book's y[np.arange(batch_size), t]: one element per row
        if picked is not None:
            return picked
        element = self._element_offset(key)
        if element is not None:
            if not self._shape and type(key) is tuple:  # t[()]: NumPy's way to ask a 0-d tensor for its scalar
                return SCALAR_TYPES.get(self._dtype, _same)(self._storage[element])
            return self._storage[element]
        return self._get_selection(key)

    def _get_selection(self, key: Any) -> Any:
        """``__getitem__`` for every key but the fast ones: what ``indexing.select`` selects."""
        if type(key) is Tensor and key._dtype is int64:  # x[batch_mask], the book's mini-batch?
            rows = self._picked_rows(key)
            if rows is not None:
                return rows
        selected = indexing.select(self._shape, self._strides, self._offset, key, as_tensor)
        if isinstance(selected, indexing.Picked):  # advanced indexing: a copy
            picked = self._dtype.storage(_gather(self._storage, selected.offsets))
            copy = _new(picked, selected.shape, self._dtype)
            order = list(selected.order)
            if order == sorted(order):
                return copy
            laid_out = copy.transpose(*order).copy().transpose(*_inverse(order))  # laid out as NumPy lays it
            # (NumPy's result owns its memory when the index arrays come first or make every axis;
            # else it is a view, whose axes NumPy swapped after the copy)
            return _owning(laid_out) if selected.arrays_only or selected.order[0] == 0 else laid_out
        if selected.scalar:
            return self._storage[selected.offset]
        layout = (selected.shape, selected.strides, selected.offset)
        return _make(self._storage, *layout, self._dtype, self._writeable, base=_base_of(self))

    def _picked_rows(self, key: Any) -> Optional[Tensor]:
        """``x[batch_mask]``, the book's mini-batch (a 1-d tensor of row numbers into a
        row-major tensor of two axes or more): the rows copied a slice at a time, instead of
        ``indexing.select``'s one offset per element (60x faster on MNIST's 784 pixels a
        row). None for any other key.

        >>> x = tensor([[0, 1], [2, 3], [4, 5]])
        >>> x[tensor([2, 0, -1])]
        tensor([[4, 5],
               [0, 1],
               [4, 5]])
        >>> x[tensor([3])]  # doctest: +IGNORE_EXCEPTION_DETAIL
        Traceback (most recent call last):
        ...
        OutOfBoundsError: index 3 is out of bounds for axis 0 with size 3
        """
        if len(key._shape) != 1 or len(self._shape) < 2 or type(self._storage) not in (typed_array, list):
            return None
        if self._strides != strides_of(self._shape):  # (NumPy's copy keeps any other strides' order)
            return None
        length, width = self._shape[0], size_of(self._shape[1:])
        storage = self._storage
        picked = storage[:0]  # an empty container of the storage's own kind
        for index in key.tolist():
            start = self._offset + indexing.check_index(index, length, 0) * width
            picked += storage[start : start + width]
        return _new(picked, key._shape + self._shape[1:], self._dtype)

    def __setitem__(self, key: Any, value: Any) -> None:
        """Write ``value`` (broadcast to the selection) wherever ``t[key]`` points, as NumPy does.

        Python numbers and lists are converted as ``tensor(value, t.dtype)`` would convert
        them (an int too large for the dtype is an error); a tensor is cast as ``astype``
        casts. See ``indexing.py`` for what a key selects, and ``_assignable`` for the
        values each kind of key takes.

        >>> t = tensor([[1.0, 2.0], [3.0, 4.0]])
        >>> t[0] = 0; t[t > 3] = -1; t[[1], [0]] = 9
        >>> t
        tensor([[ 0.,  0.],
                [ 9., -1.]])
        """
        if not self._writeable:
            raise ValueError("assignment destination is read-only")
        if _is_own_mask(key, self) and _is_float64_number(value, self):  # the book's Relu: out[self.mask] = 0
            storage, offset, number = self._storage, self._offset, float(value)
            for position in itertools.compress(range(self.size), elements(key)):  # where the mask is True, at C speed
                storage[offset + position] = number
        else:
            self._set_selection(key, value)

    def _set_selection(self, key: Any, value: Any) -> None:
        """``__setitem__`` for every key but the book's mask: one element of a float64 tensor
        first (the book's ``x[idx] = tmp_val + h``), then what ``indexing.select`` selects.

        >>> t = tensor([[1.0, 2.0], [3.0, 4.0]])
        >>> t._set_selection((0, 1), 9.0); t._set_selection(1, [7, 8]); t
        tensor([[1., 9.],
                [7., 8.]])
        """
        element = self._element_offset(key)
        if element is not None and type(value) is float and self._dtype is float64:
            self._storage[element] = value
            return
        selected = indexing.select(self._shape, self._strides, self._offset, key, as_tensor)
        if isinstance(selected, indexing.Picked):
            values = _assignable(value, selected.shape, self._dtype, "mask" if selected.mask else "picked")
            for offset, element in zip(selected.offsets, values):
                self._storage[offset] = element  # repeated offsets: the last write wins, as in NumPy
        elif selected.scalar:
            fast = type(value) is float and self._dtype is float64  # the book's x[idx] = tmp_val + h
            self._storage[selected.offset] = value if fast else _assignable(value, (), self._dtype, "element")[0]
        elif not _is_the_view(value, self._storage, selected):
            view = _make(self._storage, selected.shape, selected.strides, selected.offset, self._dtype)
            write(view, _assignable(value, selected.shape, self._dtype, "view"))
        # else: ``t[k] += v`` is Python's ``t.__setitem__(k, t.__getitem__(k).__iadd__(v))``.
        # ``t[k]`` was a view, already changed in place by ``__iadd__``, and comes back here to
        # be written over itself: NumPy writes the same numbers again; zeronn skips that.

    def _element_offset(self, key: Any) -> Optional[int]:
        """Where ``t[i]`` (1-d) or ``t[i, j, ...]`` (one int per axis) lives in the storage:
        the usual element access, without ``indexing.select``; ``None`` for any other key."""
        if type(key) is int and len(self._shape) == 1:
            return self._offset + indexing.check_index(key, self._shape[0], 0) * self._strides[0]
        if type(key) is not tuple or len(key) != len(self._shape) or not all(type(index) is int for index in key):
            return None
        offset = self._offset
        for axis, (index, length, stride) in enumerate(zip(key, self._shape, self._strides)):
            offset += indexing.check_index(index, length, axis) * stride
        return offset

    @property
    def flags(self) -> Flags:
        """NumPy's flags that matter here: ``c_contiguous``, ``f_contiguous``, ``writeable`` and
        ``owndata`` (see ``Flags``).

        ``flags["C_CONTIGUOUS"]`` works too, and ``t.flags.writeable = False`` is
        ``t.setflags(write=False)``. A tensor made by ``frombuffer`` over bytes is read-only,
        as NumPy's is, and so are the views of a read-only tensor.

        >>> x = tensor([[1, 2], [3, 4]])
        >>> x.flags.c_contiguous, x.T.flags["C_CONTIGUOUS"], x.T.flags.f_contiguous, x.flags.writeable
        (True, False, True, True)
        >>> x.T.flags.owndata, x.T.base is x
        (False, True)
        """
        return Flags(self)

    def setflags(self, write: Optional[bool] = None) -> None:
        """Make the tensor read-only (``write=False``) or writable again, as NumPy's ``setflags``.

        A view of a read-only tensor cannot be made writable (its writes would reach the
        read-only tensor), as in NumPy.

        >>> x = tensor([1, 2]); x.setflags(write=False)
        >>> x[0] = 5
        Traceback (most recent call last):
        ...
        ValueError: assignment destination is read-only
        >>> x[1:].setflags(write=True)
        Traceback (most recent call last):
        ...
        ValueError: cannot set WRITEABLE flag to True of this array: its base is read-only
        """
        if write is None:
            return
        if write and getattr(self._storage, "readonly", False):
            raise ValueError("cannot set WRITEABLE flag to True of this array: its storage is read-only")
        if write and isinstance(self._base, Tensor) and not self._base._writeable:
            raise ValueError("cannot set WRITEABLE flag to True of this array: its base is read-only")
        self._writeable = bool(write)

    def __contains__(self, value: Any) -> bool:
        """``value in t`` is ``(t == value).any()``, as in NumPy.

        >>> 3 in tensor([[1, 2], [3, 4]]), None in tensor([1, 2])
        (True, False)
        """
        return bool(as_tensor(self == value).any())

    def tolist(self) -> Any:
        """The elements as new nested Python lists (a number for a 0-d tensor).

        >>> tensor([[1, 2], [3, 4]]).tolist()
        [[1, 2], [3, 4]]
        """
        return nest(self.to_flat_list(), self._shape)

    def to_flat_list(self) -> List[Number]:
        """A new flat list of the elements in row-major order (Nx's ``to_flat_list``).

        >>> tensor([[1, 2], [3, 4]]).T.to_flat_list()
        [1, 3, 2, 4]
        """
        values = elements(self)
        return values.tolist() if isinstance(values, (typed_array, memoryview)) else list(values)

    def item(self, *index: int) -> Number:
        """One element as a Python number: the only one, the ``i``-th in row-major order,
        or the one at ``(i, j, ...)``.

        >>> tensor([[7.5]]).item(), tensor([[1, 2], [3, 4]]).item(2), tensor([[1, 2], [3, 4]]).item(0, 1)
        (7.5, 3, 2)
        >>> tensor([1, 2]).item()
        Traceback (most recent call last):
        ...
        ValueError: can only convert an array of size 1 to a Python scalar
        """
        if not index:
            if self.size != 1:
                raise ValueError("can only convert an array of size 1 to a Python scalar")
            return self._storage[self._offset]  # type: ignore[no-any-return]
        if len(index) == 1:
            (flat,) = index
            if not -self.size <= flat < self.size:
                raise indexing.OutOfBoundsError(f"index {flat} is out of bounds for size {self.size}")
            index = unravel(flat % self.size, self._shape)
        return self[tuple(index)]  # type: ignore[no-any-return]

    def __bool__(self) -> bool:
        """The truth of a one-element tensor; anything larger is ambiguous, as in NumPy.

        This keeps the notebook's ``if Nx.tensor(-1) < 0`` trap from passing silently.

        >>> bool(tensor([-1]) < 0)
        True
        >>> bool(tensor([-1, 1]) < 0)
        Traceback (most recent call last):
        ...
        ValueError: The truth value of an array with more than one element is ambiguous. ...
        """
        if self.size == 1:
            return bool(self.item())
        if self.size == 0:
            raise ValueError(
                "The truth value of an empty array is ambiguous. "
                "Use `array.size > 0` to check that an array is not empty."
            )
        raise ValueError(
            "The truth value of an array with more than one element is ambiguous. "
            "Use a.any() or a.all(), or a.item() for one element"
        )

    def __float__(self) -> float:
        """``float(t)`` for a one-element tensor (``TypeError`` for more, as in NumPy)."""
        return float(self._only_element())

    def __int__(self) -> int:
        """``int(t)`` for a one-element tensor (``TypeError`` for more, as in NumPy)."""
        return int(self._only_element())

    def _only_element(self) -> Number:
        if self.size != 1:
            raise TypeError("only length-1 arrays can be converted to Python scalars")
        return self.item()

    def __index__(self) -> int:
        """``operator.index(t)`` for a 0-d tensor of integers (so it can index a list)."""
        if self._shape or self._dtype.kind not in "iu":
            raise TypeError("only integer scalar arrays can be converted to a scalar index")
        return int(self.item())

    def __repr__(self) -> str:
        """NumPy's ``repr``, with ``tensor`` for ``array`` (see ``printing.py``).

        >>> tensor([[1, 20], [300, 4]])
        tensor([[  1,  20],
                [300,   4]])
        """
        return printing.array_repr(self)

    def __str__(self) -> str:
        """NumPy's ``str``: what ``print`` shows.

        >>> print(tensor([0.1 + 0.2, 1 / 3]))
        [0.3        0.33333333]
        """
        return printing.array_str(self)

    # -----------------------------------------------------------------------
    # Arithmetic and comparisons: each operator is one call to ``elementwise``
    # -----------------------------------------------------------------------

    def __add__(self, other: Operand) -> Tensor:
        """``self + other``: Python calls this for ``a + b``, and every operator is one such line.

        >>> tensor([1.0, 2.0]) + 0.5, tensor([[1.0], [2.0]]) + tensor([10.0, 20.0])
        (tensor([1.5, 2.5]), tensor([[11., 21.],
                [12., 22.]]))
        """
        return _operator("add", self, other)

    def __radd__(self, other: Operand) -> Tensor:  # other + self
        return _operator("add", other, self)

    def __sub__(self, other: Operand) -> Tensor:
        return _operator("subtract", self, other)

    def __rsub__(self, other: Operand) -> Tensor:  # other - self
        return _operator("subtract", other, self)

    def __mul__(self, other: Operand) -> Tensor:
        return _operator("multiply", self, other)

    def __rmul__(self, other: Operand) -> Tensor:  # other * self
        return _operator("multiply", other, self)

    def __truediv__(self, other: Operand) -> Tensor:
        return _operator("divide", self, other)

    def __rtruediv__(self, other: Operand) -> Tensor:  # other / self
        return _operator("divide", other, self)

    def __floordiv__(self, other: Operand) -> Tensor:
        return _operator("floor_divide", self, other)

    def __rfloordiv__(self, other: Operand) -> Tensor:  # other // self
        return _operator("floor_divide", other, self)

    def __mod__(self, other: Operand) -> Tensor:
        return _operator("remainder", self, other)

    def __rmod__(self, other: Operand) -> Tensor:  # other % self
        return _operator("remainder", other, self)

    def __pow__(self, other: Operand) -> Tensor:
        shortcut = loops.power_shortcut(self._dtype, other)  # NumPy's x ** 2 is square(x): see there
        return unary(shortcut, self) if shortcut else _operator("power", self, other)

    def __rpow__(self, other: Operand) -> Tensor:  # other ** self
        return _operator("power", other, self)

    def __lt__(self, other: Operand) -> Tensor:
        return _operator("less", self, other)

    def __le__(self, other: Operand) -> Tensor:
        return _operator("less_equal", self, other)

    def __gt__(self, other: Operand) -> Tensor:
        return _operator("greater", self, other)

    def __ge__(self, other: Operand) -> Tensor:
        return _operator("greater_equal", self, other)

    def __eq__(self, other: object) -> Tensor:  # type: ignore[override]  # elementwise, as NumPy's
        return _operator("equal", self, other)

    def __ne__(self, other: object) -> Tensor:  # type: ignore[override]  # elementwise, as NumPy's
        return _operator("not_equal", self, other)

    # Bitwise operators: bools and integers only, as in NumPy (``~`` of a bool is "not").

    def __invert__(self) -> Tensor:
        return unary("invert", self)

    def __and__(self, other: Operand) -> Tensor:
        return _operator("bitwise_and", self, other)

    def __rand__(self, other: Operand) -> Tensor:  # other & self
        return _operator("bitwise_and", other, self)

    def __or__(self, other: Operand) -> Tensor:
        return _operator("bitwise_or", self, other)

    def __ror__(self, other: Operand) -> Tensor:  # other | self
        return _operator("bitwise_or", other, self)

    def __xor__(self, other: Operand) -> Tensor:
        return _operator("bitwise_xor", self, other)

    def __rxor__(self, other: Operand) -> Tensor:  # other ^ self
        return _operator("bitwise_xor", other, self)

    def __lshift__(self, other: Operand) -> Tensor:
        return _operator("left_shift", self, other)

    def __rlshift__(self, other: Operand) -> Tensor:  # other << self
        return _operator("left_shift", other, self)

    def __rshift__(self, other: Operand) -> Tensor:
        return _operator("right_shift", self, other)

    def __rrshift__(self, other: Operand) -> Tensor:  # other >> self
        return _operator("right_shift", other, self)

    def __iand__(self, other: Operand) -> Tensor:
        return self._update("bitwise_and", other)

    def __ior__(self, other: Operand) -> Tensor:
        return self._update("bitwise_or", other)

    def __ixor__(self, other: Operand) -> Tensor:
        return self._update("bitwise_xor", other)

    def __ilshift__(self, other: Operand) -> Tensor:
        return self._update("left_shift", other)

    def __irshift__(self, other: Operand) -> Tensor:
        return self._update("right_shift", other)

    def __neg__(self) -> Tensor:
        return unary("negative", self)

    def __pos__(self) -> Tensor:
        return unary("positive", self)

    def __abs__(self) -> Tensor:
        return unary("absolute", self)

    # In place: the result is written into this tensor's storage, so every view of it
    # sees the change; the result's dtype must cast to ours by NumPy's "same_kind" rule.

    def __iadd__(self, other: Operand) -> Tensor:
        return self._update("add", other)

    def __isub__(self, other: Operand) -> Tensor:
        return self._update("subtract", other)

    def __imul__(self, other: Operand) -> Tensor:
        return self._update("multiply", other)

    def __itruediv__(self, other: Operand) -> Tensor:
        return self._update("divide", other)

    def __ifloordiv__(self, other: Operand) -> Tensor:
        return self._update("floor_divide", other)

    def __imod__(self, other: Operand) -> Tensor:
        return self._update("remainder", other)

    def __ipow__(self, other: Operand) -> Tensor:
        return self._update(loops.power_shortcut(self._dtype, other) or "power", other)

    def _update(self, name: str, other: Operand) -> Tensor:
        """``self = self <op> other``, written into this tensor's own storage: first NumPy's
        rules for an output operand (``loops.check_output``: the shape, the cast), then the
        operation as ``elementwise`` (or ``unary``) computes it."""
        if not self._writeable:
            raise ValueError("output array is read-only")
        if name in _FLOAT64_IN_PLACE and self._shape and _is_common_case(self, other, any_layout=True) and (
            type(other) is not Tensor or len(other._shape) <= len(self._shape)
        ):  # float64, and the result has our shape: computed as ``self <op> other`` is, then written in
            write(self, _float64(name, self, other)._storage)
            return self
        return self._update_any(name, other)

    def _update_any(self, name: str, other: Operand) -> Tensor:
        """``_update`` in every case: any dtypes (the result cast back to ours), broadcasting, layout.

        A large tensor updated with a number (the book's ``x /= 255.0`` on 47 million
        pixels) is updated a block of rows at a time, through views: the values in flight
        are Python numbers, about 40 bytes each, and a block bounds them (NumPy needs no
        extra memory at all). The float errors of all the blocks are reported once.
        """
        if _is_scalar(other) and self._shape and self._shape[0] > 1 and self.size > _IN_PLACE_BLOCK:
            rows = max(1, _IN_PLACE_BLOCK // (self.size // self._shape[0]))
            with float_errors.deferred(name):
                for start in range(0, self._shape[0], rows):
                    self[start : start + rows]._update_any(name, other)
            return self
        other = other if _is_scalar(other) else as_tensor(other)
        one_operand = loops.UFUNCS[name].nin == 1  # x **= 2: NumPy's square(x, out=x)
        loop = loops.unary_loop(name, self._dtype) if one_operand else _loop_dtype(name, self, other)
        out = loops.result_dtype(name, loop)
        shape = self._shape if one_operand else broadcast_shapes(self._shape, getattr(other, "_shape", ()))
        loops.check_output(name, out, shape, self._dtype, self._shape)
        operand = self if self._shape else self.reshape(1)  # (a 0-d result would be a number, without its dtype)
        values = elements(unary(name, operand) if one_operand else elementwise(name, operand, other))
        if out is not self._dtype:
            values = casting.cast_values(values, out, self._dtype)
        write(self, values)
        return self

    def map(self, function: Callable[[Any], Number]) -> Tensor:
        """``function`` applied to every element (Nx's ``Nx.map``; NumPy's ``vectorize``).

        The dtype follows the results, as ``tensor()`` would choose it.

        >>> tensor([1, 2, 3]).map(lambda v: v * 10), tensor([1, 2]).map(lambda v: v / 2)
        (tensor([10, 20, 30]), tensor([0.5, 1. ]))
        """
        return tensor(nest(list(map(function, elements(self))), self._shape))

    # -----------------------------------------------------------------------
    # Reductions: one number for the whole tensor, or a tensor along an axis
    # -----------------------------------------------------------------------
    # Each takes NumPy's keywords: ``axis`` (an int, a tuple of ints, or None for all),
    # ``keepdims``, ``out`` (a tensor to write the result into, which is returned), and
    # for most ``where`` (a mask: only its True elements take part) and ``dtype``.
    # The ``@overload`` lines before a method are for type checkers only (README,
    # "Vendoring"): the whole tensor's reduction is a Python number, ``keepdims=True``
    # keeps a tensor, and along an axis it is either, by the dimensions (``Any``).

    @overload
    def sum(
        self, axis: None = None, dtype: Optional[DTypeLike] = None, out: None = None,
        keepdims: Literal[False] = False, initial: Number = 0, where: Any = True,
    ) -> float: ...
    @overload
    def sum(
        self, axis: Axis = None, dtype: Optional[DTypeLike] = None, out: None = None,
        *, keepdims: Literal[True], initial: Number = 0, where: Any = True,
    ) -> Tensor: ...
    @overload
    def sum(
        self, axis: Axis = None, dtype: Optional[DTypeLike] = None, out: Optional[Tensor] = None,
        keepdims: bool = False, initial: Number = 0, where: Any = True,
    ) -> Any: ...
    def sum(
        self, axis: Axis = None, dtype: Optional[DTypeLike] = None, out: Optional[Tensor] = None,
        keepdims: bool = False, initial: Number = 0, where: Any = True,
    ) -> Any:
        """The sum of all elements, or along ``axis`` (negative axes count from the end).

        Integers and bools sum exactly, as int64 (uint64 for unsigned) wrapped as NumPy's
        wrap; ``dtype`` chooses another (``dtype=float``), ``initial`` starts the sum.
        Floats are added in NumPy's own order (pairwise along the axis contiguous in
        memory: see ``_float_sum``), so that even the last bits agree with NumPy's, where
        a running sum differs already at 9 elements.

        >>> m = tensor([[1, 2, 3], [4, 5, 6]])
        >>> m.sum(), m.sum(axis=0), m.sum(axis=-1, keepdims=True)
        (21, tensor([5, 7, 9]), tensor([[ 6],
               [15]]))
        >>> m.sum(axis=(0, 1)), m.sum(where=m > 2), tensor([]).sum()
        (21, 18, 0.0)
        >>> tensor([0.1] * 10).sum()          # NumPy's 1.0; a running sum gives 0.9999999999999999
        1.0
        """
        if self._dtype is float64 and self._contiguous and dtype is None and out is None and where is True and not (
            keepdims or initial
        ):
            total = _float64_sum(self, axis)  # the usual case; None when it is not that after all
            if total is not None:
                return total
        return self._sum_any(axis, dtype, out, keepdims, initial, where)

    def _sum_any(
        self, axis: Axis, dtype: Optional[DTypeLike], out: Optional[Tensor], keepdims: bool, initial: Number, where: Any
    ) -> Any:
        """``sum`` in every case: any dtype, ``initial``, ``where``, ``out``, a strided view."""
        to = self._sum_dtype(dtype)
        source = self if dtype is None else self._as_kind(to)
        if to.kind == "f":
            return source._float_sum(axis, keepdims, to, out, initial, where, buffered=self._dtype is not to)
        start = to.type(initial)  # exact Python ints, wrapped to ``to`` at the end
        return source._reduction("add", lambda lane: builtins.sum(lane, start), axis, keepdims, to, out, where)

    @overload
    def mean(
        self, axis: None = None, dtype: Optional[DTypeLike] = None, out: None = None,
        keepdims: Literal[False] = False, *, where: Any = True,
    ) -> float: ...
    @overload
    def mean(
        self, axis: Axis = None, dtype: Optional[DTypeLike] = None, out: None = None,
        *, keepdims: Literal[True], where: Any = True,
    ) -> Tensor: ...
    @overload
    def mean(
        self, axis: Axis = None, dtype: Optional[DTypeLike] = None, out: Optional[Tensor] = None,
        keepdims: bool = False, *, where: Any = True,
    ) -> Any: ...
    def mean(
        self, axis: Axis = None, dtype: Optional[DTypeLike] = None, out: Optional[Tensor] = None,
        keepdims: bool = False, *, where: Any = True,
    ) -> Any:
        """The arithmetic mean, overall or along ``axis``: the sum (in NumPy's order of
        additions, see ``sum``) divided by the count, as NumPy computes it; float32 stays
        float32, integers are summed as float64.

        An empty lane's mean is NaN, with NumPy's ``RuntimeWarning`` "Mean of empty slice."
        (and its ``invalid`` error: see ``float_errors.errstate``).

        >>> tensor([[1, 2], [3, 4]]).mean(), tensor([[1, 2], [3, 4]]).mean(axis=0)
        (2.5, tensor([2., 3.]))
        >>> tensor([[1, 2], [3, 4]]).mean(where=tensor([[True, False], [True, True]]))
        2.6666666666666665
        """
        if dtype is None and self._dtype is dtypes.float16:  # NumPy's mean of float16 is computed in float32
            mean32 = self.mean(axis, dtypes.float32, None, keepdims, where=where)
            result = mean32.astype(self._dtype) if isinstance(mean32, Tensor) else casting.round_float16(mean32)
            return result if out is None else _into(out, result, "add")
        to = dtypes.dtype(dtype) if dtype is not None else self._dtype if self._dtype.kind == "f" else float64
        axes = _axes(axis, self.ndim)  # (a 0-d tensor has no axis 0 here, as in NumPy)
        count = self._count(axes, where)
        if isinstance(count, Tensor) and not keepdims:
            count = count.reshape(tuple(n for position, n in enumerate(count.shape) if position not in axes))
        total = self.sum(axis, to, None, keepdims, where=where)
        empty = 0 in elements(count) if isinstance(count, Tensor) else count == 0
        if empty:
            float_errors.warn("Mean of empty slice.")
        if isinstance(total, Tensor):  # NumPy's true_divide into the sums, cast back to their dtype
            result = as_tensor(elementwise("divide", total, count)).astype(to)
        else:
            if empty:
                float_errors.report({"invalid"}, "divide")
            result = reductions.as_element(ieee.divide(total, float(count)), to)
        return result if out is None else _into(out, result, "add")

    def _float_sum(
        self, axis: Axis, keepdims: bool, to: DType, out: Optional[Tensor], initial: Number, where: Any,
        buffered: bool,
    ) -> Any:
        """``sum`` in the float dtype ``to``, in NumPy's order of additions.

        NumPy reads the tensor in memory order (``order="K"``) and sums each lane along
        the axis contiguous in memory pairwise (``kernels.pairwise_sum``); across the
        other axes it adds row after row (``reductions.add_rows``). A whole tensor that
        is one run of memory is one pairwise sum; one read through a cast (``buffered``:
        a sum of integers as floats, of float32 as float64) or made of several runs goes
        through NumPy's buffer, 8,192 elements at a time (``reductions.buffered_sum``; as
        many whole runs as fit in 8,192 where NumPy reads them in place).
        A whole tensor is read with its axes in memory order, largest stride first, and each
        walked as it runs (a reversed axis stays reversed, unlike ``ravel("K")``).
        Several axes, a ``where`` mask or an ``initial`` sum each lane pairwise. (For a
        whole tensor of several runs NumPy sometimes cuts its buffer at a multiple of the
        runs' length, and it walks several axes in its own order: there the last bits may
        differ from NumPy's.)
        """
        float32 = to in (dtypes.float32, dtypes.float16)  # NumPy adds float16 in float32, rounding at the end
        run_sum = reductions.pairwise_sum_float32 if float32 else reductions.pairwise_sum
        along = reductions.pairwise_sums_float32 if float32 else reductions.pairwise_sums
        across = reductions.add_rows_float32 if float32 else reductions.add_rows
        if buffered:  # every run read through the buffer
            run_sum = functools.partial(reductions.buffered_sum, run_sum=run_sum, float32=float32)
        if isinstance(axis, (tuple, list)):  # one axis, or all of them, as NumPy reduces those
            axes = _axes(axis, self.ndim)
            axis = None if len(axes) == self.ndim else axes[0] if len(axes) == 1 else axis
        if initial or where is not True or not (axis is None or type(axis) is int):
            start = to.type(initial)
            return self._reduction("add", lambda lane: start + run_sum(lane), axis, keepdims, to, out, where)
        if axis is not None:
            return self._reduction("add", run_sum, axis, keepdims, to, out, where, across, None if buffered else along)
        in_memory = self if self._contiguous else self.transpose(*like_order(self._shape, self._strides))
        length, step = innermost_run(in_memory._shape, in_memory._strides)
        if length < in_memory.size and not buffered:  # several runs: as many as NumPy's loop takes at a time
            size = reductions.buffer_size(length, step)
            run_sum = functools.partial(reductions.buffered_sum, run_sum=run_sum, float32=float32, size=size)
        return in_memory._reduction("add", run_sum, None, keepdims, to, out, where)

    @overload
    def max(
        self, axis: None = None, out: None = None, keepdims: Literal[False] = False,
        initial: Optional[Number] = None, where: Any = True,
    ) -> float: ...
    @overload
    def max(
        self, axis: Axis = None, out: None = None, *, keepdims: Literal[True],
        initial: Optional[Number] = None, where: Any = True,
    ) -> Tensor: ...
    @overload
    def max(
        self, axis: Axis = None, out: Optional[Tensor] = None, keepdims: bool = False,
        initial: Optional[Number] = None, where: Any = True,
    ) -> Any: ...
    def max(
        self, axis: Axis = None, out: Optional[Tensor] = None, keepdims: bool = False,
        initial: Optional[Number] = None, where: Any = True,
    ) -> Any:
        """The largest element, or the largest along ``axis``; NaN wins, as in NumPy.

        This is a reduction: the notebook's elementwise ``Nx.max(t, 0)`` is ``maximum(t, 0)``.
        ``initial`` takes part too, so an empty tensor has a maximum with it and none without.

        >>> tensor([[1, 5], [7, 2]]).max(axis=0), tensor([1.0, float("nan"), 3.0]).max()
        (tensor([7, 5]), nan)
        >>> tensor([]).max(initial=-1.0)
        -1.0
        """
        return self._reduction("maximum", _extreme("maximum", initial), axis, keepdims, self._dtype, out, where)

    @overload
    def min(
        self, axis: None = None, out: None = None, keepdims: Literal[False] = False,
        initial: Optional[Number] = None, where: Any = True,
    ) -> float: ...
    @overload
    def min(
        self, axis: Axis = None, out: None = None, *, keepdims: Literal[True],
        initial: Optional[Number] = None, where: Any = True,
    ) -> Tensor: ...
    @overload
    def min(
        self, axis: Axis = None, out: Optional[Tensor] = None, keepdims: bool = False,
        initial: Optional[Number] = None, where: Any = True,
    ) -> Any: ...
    def min(
        self, axis: Axis = None, out: Optional[Tensor] = None, keepdims: bool = False,
        initial: Optional[Number] = None, where: Any = True,
    ) -> Any:
        """The smallest element, or the smallest along ``axis``; NaN wins, as in NumPy.

        >>> tensor([[1, 5], [7, 2]]).min(axis=1)
        tensor([1, 2])
        >>> tensor([]).min()
        Traceback (most recent call last):
        ...
        ValueError: zero-size array to reduction operation minimum which has no identity
        """
        return self._reduction("minimum", _extreme("minimum", initial), axis, keepdims, self._dtype, out, where)

    @overload
    def argmax(self, axis: None = None, out: None = None, *, keepdims: Literal[False] = False) -> int: ...
    @overload
    def argmax(self, axis: Optional[int] = None, out: Optional[Tensor] = None, *, keepdims: bool = False) -> Any: ...
    def argmax(self, axis: Optional[int] = None, out: Optional[Tensor] = None, *, keepdims: bool = False) -> Any:
        """The index of the largest element: in the flattened tensor, or along ``axis``.

        Ties go to the first; a NaN, if any, counts as the largest.

        >>> tensor([[1, 9], [7, 2]]).argmax(), tensor([[1, 9], [7, 2]]).argmax(axis=1)
        (1, tensor([1, 0]))
        """
        if type(axis) is int and axis in (1, -1) and len(self._shape) == 2 and self._shape[1] and self._contiguous:
            if out is None and not keepdims:  # the usual case, each row's answer (the book's accuracy)
                rows, length = self._shape
                values = elements(self)
                starts = range(0, rows * length, length)
                return _new([reductions.argmax_of(values[start : start + length]) for start in starts], (rows,), int64)
        result = self._reduce(reductions.argmax_of, axis, keepdims, int64)
        return result if out is None else _into(out, result, "argmax")

    @overload
    def any(
        self, axis: None = None, out: None = None, keepdims: Literal[False] = False, *, where: Any = True
    ) -> bool: ...
    @overload
    def any(
        self, axis: Axis = None, out: Optional[Tensor] = None, keepdims: bool = False, *, where: Any = True
    ) -> Any: ...
    def any(self, axis: Axis = None, out: Optional[Tensor] = None, keepdims: bool = False, *, where: Any = True) -> Any:
        """Whether any element (along ``axis``) is true.

        >>> tensor([0, 0, 3]).any(), tensor([[0, 1], [0, 0]]).any(axis=1)
        (True, tensor([ True, False]))
        """
        return self._reduction("logical_or", any, axis, keepdims, bool_, out, where)

    @overload
    def all(
        self, axis: None = None, out: None = None, keepdims: Literal[False] = False, *, where: Any = True
    ) -> bool: ...
    @overload
    def all(
        self, axis: Axis = None, out: Optional[Tensor] = None, keepdims: bool = False, *, where: Any = True
    ) -> Any: ...
    def all(self, axis: Axis = None, out: Optional[Tensor] = None, keepdims: bool = False, *, where: Any = True) -> Any:
        """Whether every element (along ``axis``) is true.

        >>> tensor([1, 2, 0]).all(), tensor([]).all()
        (False, True)
        """
        return self._reduction("logical_and", all, axis, keepdims, bool_, out, where)

    def _reduce(
        self, lane_function: Callable[[Any], Any], axis: Optional[int], keepdims: bool, out: DType,
        across: Optional[Lanes] = None, along: Optional[Runs] = None,
    ) -> Any:
        """``lane_function`` of all the elements, or of every lane along ``axis``, as dtype
        ``out``: a Python number where NumPy's result would be 0-d, else a tensor laid out in
        this tensor's memory order, as NumPy lays it out (``reductions.py`` does the lanes;
        ``across`` and ``along`` are ``reduce_lanes``'s, for the other axes and the last).

        A 0-d tensor takes ``axis=0`` or ``-1`` as the whole tensor, as NumPy does.
        """
        if axis is not None and not self._shape:
            normalize_axis(axis, 1)  # 0 and -1 only
            axis = None
        if axis is None:
            value = reductions.as_element(lane_function(elements(self)), out)
            return _new(out.storage([value]), (1,) * self.ndim, out) if keepdims else value
        axis = normalize_axis(axis, self.ndim)
        if not self._contiguous:  # NumPy lays the result out in the tensor's memory order
            steps = tuple(0 if length == 1 else stride for length, stride in zip(self._shape, self._strides))
            order = memory_order(self._shape, [steps], same_shapes=False)
            if order != list(range(self.ndim)):
                permuted = self.transpose(*order)._reduce(lane_function, order.index(axis), True, out, across, along)
                kept = permuted.transpose(*_inverse(order))
                return _owning(kept if keepdims else kept[(slice(None),) * axis + (0,)])
        values = elements(self)
        results, shape = reductions.reduce_lanes(values, self._shape, axis, keepdims, lane_function, out, across, along)
        return _result(out.storage(results), shape, out)

    # -----------------------------------------------------------------------
    # More reductions and NumPy's math methods
    # -----------------------------------------------------------------------
    # prod, cumsum, cumprod, argmin, var, std, clip and round, with NumPy's keywords;
    # ``statistics.py`` has their lane functions. ``_reduction`` is what every reduction
    # goes through: one axis the quick way (``_reduce``), several axes or a mask by moving
    # the reduced axes to the end and reducing them as one.

    @overload
    def prod(
        self, axis: None = None, dtype: Optional[DTypeLike] = None, out: None = None,
        keepdims: Literal[False] = False, initial: Number = 1, where: Any = True,
    ) -> float: ...
    @overload
    def prod(
        self, axis: Axis = None, dtype: Optional[DTypeLike] = None, out: Optional[Tensor] = None,
        keepdims: bool = False, initial: Number = 1, where: Any = True,
    ) -> Any: ...
    def prod(
        self, axis: Axis = None, dtype: Optional[DTypeLike] = None, out: Optional[Tensor] = None,
        keepdims: bool = False, initial: Number = 1, where: Any = True,
    ) -> Any:
        """The product of all elements, or along ``axis`` (NumPy's ``multiply.reduce``).

        Integers and bools multiply as int64 (uint64 for unsigned) and wrap as NumPy's do;
        the product of nothing is 1.

        >>> tensor([[1, 2], [3, 4]]).prod(axis=1), tensor([]).prod(), tensor([2**62, 4]).prod()
        (tensor([ 2, 12]), 1.0, 0)
        >>> with float_errors.errstate(over="raise"):
        ...     tensor([1e200, 1e200]).prod()
        Traceback (most recent call last):
        ...
        FloatingPointError: overflow encountered in reduce
        """
        to = self._sum_dtype(dtype)
        product = statistics.product(to, initial)
        return self._as_kind(to)._reduction("multiply", product, axis, keepdims, to, out, where)

    @overload
    def argmin(self, axis: None = None, out: None = None, *, keepdims: Literal[False] = False) -> int: ...
    @overload
    def argmin(self, axis: Optional[int] = None, out: Optional[Tensor] = None, *, keepdims: bool = False) -> Any: ...
    def argmin(self, axis: Optional[int] = None, out: Optional[Tensor] = None, *, keepdims: bool = False) -> Any:
        """The index of the smallest element: in the flattened tensor, or along ``axis``.

        Ties go to the first; a NaN, if any, counts as the smallest.

        >>> tensor([[3, 1], [0, 5]]).argmin(), tensor([[3, 1], [0, 5]]).argmin(axis=1, keepdims=True)
        (2, tensor([[1],
               [0]]))
        """
        result = self._reduce(statistics.argmin_of, axis, keepdims, int64)
        return result if out is None else _into(out, result, "argmin")

    def cumsum(
        self, axis: Optional[int] = None, dtype: Optional[DTypeLike] = None, out: Optional[Tensor] = None
    ) -> Any:
        """The running sums along ``axis``, or of the flattened tensor (NumPy's ``add.accumulate``).

        The dtype is ``sum``'s: int64 for small integers and bools.

        >>> tensor([[1, 2], [3, 4]]).cumsum(), tensor([[1, 2], [3, 4]]).cumsum(axis=0)
        (tensor([ 1,  3,  6, 10]), tensor([[1, 2],
               [4, 6]]))
        """
        return self._accumulate("add", operator.add, axis, dtype, out)

    def cumprod(
        self, axis: Optional[int] = None, dtype: Optional[DTypeLike] = None, out: Optional[Tensor] = None
    ) -> Any:
        """The running products along ``axis``, or of the flattened tensor (``multiply.accumulate``).

        >>> tensor([1.5, 2.0, 4.0]).cumprod(), tensor([[1, 2], [3, 4]]).cumprod(axis=1)
        (tensor([ 1.5,  3. , 12. ]), tensor([[ 1,  2],
               [ 3, 12]]))
        """
        return self._accumulate("multiply", operator.mul, axis, dtype, out)

    def var(
        self, axis: Axis = None, dtype: Optional[DTypeLike] = None, out: Optional[Tensor] = None, ddof: Number = 0,
        keepdims: bool = False, *, where: Any = True, mean: Any = None, correction: Optional[Number] = None,
    ) -> Any:
        """The variance, ``mean(abs(x - x.mean())**2)``, overall or along ``axis``.

        NumPy's steps: the mean (``keepdims``), the squared deviations, their sum divided by
        ``n - ddof`` (``correction`` is NumPy 2's other name for ``ddof``). ``mean`` gives
        the mean already computed (with ``keepdims=True``'s shape). Where ``n - ddof`` is not
        positive the answer is NaN or inf, with the warning "Degrees of freedom <= 0 for slice".

        >>> tensor([1, -1, 1, -1]).var(), tensor([1, -1, 1, -1]).var(ddof=1)
        (1.0, 1.3333333333333333)
        >>> tensor([[1.0, 2.0], [3.0, 5.0]]).var(axis=1)
        tensor([0.25, 1.  ])
        """
        if correction is not None:
            if ddof != 0:
                raise ValueError("ddof and correction can't be provided simultaneously.")
            ddof = correction
        to = dtypes.dtype(dtype) if dtype is not None else None
        if to is None and self._dtype.kind != "f":
            to = float64  # integers: NumPy's mean and deviations are float64
        axes = _axes(axis, self.ndim)
        count = self._count(axes, where)  # n: a number, or (with where) a tensor of keepdims' shape
        counts = elements(as_tensor(count))
        if len(counts) and min(counts) - ddof <= 0:
            float_errors.warn("Degrees of freedom <= 0 for slice")
        if mean is None:
            mean = elementwise("divide", self.sum(axis, to, keepdims=True, where=where), count)
        deviations = as_tensor(elementwise("subtract", self, mean))
        squares = as_tensor(elementwise("multiply", deviations, deviations))
        total = squares.sum(axis, to, keepdims=keepdims, where=where)  # (as NumPy's sum, in its order)
        if isinstance(count, Tensor) and not keepdims:
            count = count.reshape(tuple(n for axis, n in enumerate(count.shape) if axis not in axes))
        divisor = elementwise("maximum", elementwise("subtract", count, ddof), 0)
        result = elementwise("divide", total, divisor)
        return result if out is None else _into(out, result, "var")

    def std(
        self, axis: Axis = None, dtype: Optional[DTypeLike] = None, out: Optional[Tensor] = None, ddof: Number = 0,
        keepdims: bool = False, *, where: Any = True, mean: Any = None, correction: Optional[Number] = None,
    ) -> Any:
        """The standard deviation: the square root of ``var`` (same keywords).

        >>> tensor([[1, 2, 3], [4, 5, 6]]).std(), tensor([2.0, 4.0]).std(ddof=1)
        (1.707825127659933, 1.4142135623730951)
        """
        variance = self.var(axis, dtype, None, ddof, keepdims, where=where, mean=mean, correction=correction)
        result = unary("sqrt", variance)
        return result if out is None else _into(out, result, "std")

    def clip(self, min: Any = None, max: Any = None, out: Optional[Tensor] = None) -> Tensor:
        """Every element brought into ``[min, max]``: ``minimum(maximum(x, min), max)``.

        NaN stays NaN; with ``min > max`` every element is ``max``, as in NumPy. A Python
        int bound beyond an integer dtype's range clips nothing on that side.

        >>> tensor([-1, 5, 2, 10]).clip(2, 7), tensor([1.5, float("nan")]).clip(0, 1)
        (tensor([2, 5, 2, 7]), tensor([ 1., nan]))
        >>> tensor([1, 200], dtype="uint8").clip(0, 300)
        tensor([  1, 200], dtype=uint8)
        """
        if min is None and max is None:
            raise ValueError("One of max or min must be given")
        result: Any = self
        if min is not None:
            result = elementwise("maximum", result, self._bound(min))
        if max is not None:
            result = elementwise("minimum", result, self._bound(max))
        return result if out is None else _into(out, result, "clip")

    def round(self, decimals: int = 0, out: Optional[Tensor] = None) -> Any:
        """Each element rounded to ``decimals`` places, halves to even (NumPy's ``around``).

        NumPy's way, so its answers: ``rint(x * 10**decimals) / 10**decimals`` for floats
        (``2.675`` is ``2.67499999...`` in binary, yet rounds to ``2.68``, as in NumPy);
        integers are unchanged unless ``decimals`` is negative.

        >>> tensor([1.56, 72.54, 6.35, 3.25, -0.5]).round(1), tensor([1.5, 2.5, -0.5]).round()
        (tensor([ 1.6, 72.5,  6.4,  3.2, -0.5]), tensor([ 2.,  2., -0.]))
        >>> tensor([1234, -1250]).round(-2)
        tensor([ 1200, -1200])
        """
        decimals = operator.index(decimals)
        if self._dtype.kind in "iu" and decimals >= 0:
            result: Any = self.copy()
        elif decimals == 0:
            result = unary("rint", self)
        else:
            scale = 10.0 ** abs(decimals)
            first, then = ("multiply", "divide") if decimals > 0 else ("divide", "multiply")
            result = elementwise(then, unary("rint", elementwise(first, self, scale)), scale)
            if self._dtype.kind != "f":  # integers come back as integers, as NumPy casts them
                result = as_tensor(result).astype(self._dtype) if isinstance(result, Tensor) else int(result)
        return result if out is None else _into(out, result, "round")

    def _reduction(
        self, name: str, lane_function: Callable[[Any], Any], axis: Axis, keepdims: bool, to: DType,
        out: Optional[Tensor], where: Any, across: Optional[Lanes] = None, along: Optional[Runs] = None,
    ) -> Any:
        """The reduction ``name`` by ``lane_function`` over ``axis`` (None, an int or a tuple),
        only where ``where`` is True, as dtype ``to``; written into ``out`` if given.
        ``across`` and ``along`` reduce many lanes at once (see ``_reduce``)."""
        if where is True and (axis is None or type(axis) is int):
            result = self._reduce(lane_function, axis, keepdims, to, across, along)
        else:
            result = self._reduce_masked(lane_function, _axes(axis, self.ndim), keepdims, to, where)
        if to.kind == "f" and name in ("add", "multiply") and not _all_finite(result):
            self._reduction_errors(lane_function, axis, where, to)
        return result if out is None else _into(out, result, name)

    def _reduction_errors(self, lane_function: Callable[[Any], Any], axis: Axis, where: Any, to: DType) -> None:
        """NumPy's floating-point errors of a sum or product with an infinite or NaN result:
        "overflow encountered in reduce" where a lane of finite numbers gave ``inf``,
        "invalid value ..." where a lane without NaN gave NaN (``inf - inf``, ``0 * inf``)."""
        if not float_errors.watching()[0]:
            return

        def flags_of(lane: Sequence[Any]) -> int:
            result = reductions.as_element(lane_function(lane), to)
            if not len(lane) or math.isfinite(result):
                return 0  # (an empty lane's mean is mean's own warning)
            if result != result:
                return 0 if any(value != value for value in lane) else 8
            return 2 if all(map(math.isfinite, lane)) else 0

        bits = elements(as_tensor(self._reduction("", flags_of, axis, False, int64, None, where)))
        float_errors.report([flag for flag, bit in (("over", 2), ("invalid", 8)) if any(b & bit for b in bits)],
                            "reduce")

    def _reduce_masked(
        self, lane_function: Callable[[Any], Any], axes: Tuple[int, ...], keepdims: bool, to: DType, where: Any
    ) -> Any:
        """``_reduce`` over several axes at once, of the elements where ``where`` is True: the
        kept axes first and the reduced ones last, as one lane per kept position."""
        kept = [axis for axis in range(self.ndim) if axis not in axes]
        order = kept + list(axes)
        values: Sequence[Any] = elements(self.transpose(*order))
        if where is not True:
            mask = _broadcast_mask(where, self._shape)
            values = list(zip(values, elements(mask.transpose(*order))))
            unmasked = lane_function
            lane_function = lambda pairs: unmasked([value for value, keep in pairs if keep])
        kept_shape = tuple(self._shape[axis] for axis in kept)
        lanes = kept_shape + (size_of(tuple(self._shape[axis] for axis in axes)),)
        results, _ = reductions.reduce_lanes(values, lanes, len(kept), False, lane_function, to)
        return _result(to.storage(results), _kept_shape(self._shape, axes) if keepdims else kept_shape, to)

    def _accumulate(
        self, name: str, step: Callable[[Any, Any], Any], axis: Optional[int], dtype: Optional[DTypeLike],
        out: Optional[Tensor],
    ) -> Any:
        """``cumsum`` and ``cumprod``: every lane along ``axis`` (of the flattened tensor for
        None) replaced by its running totals under ``step``."""
        to = self._sum_dtype(dtype)
        source = self.ravel() if axis is None else self
        axis = 0 if axis is None else normalize_axis(axis, self.ndim)
        values = elements(source._as_kind(to))
        totals = statistics.accumulate_lanes(values, source._shape, axis, step, to)
        if to.kind == "f" and not _all_finite(totals):  # NumPy's "... encountered in accumulate"
            float_errors.report(_running_errors(values, totals), "accumulate")
        result = _result(to.storage(totals), source._shape, to)
        return result if out is None else _into(out, result, name)

    def _sum_dtype(self, dtype: Optional[DTypeLike]) -> DType:
        """The dtype ``sum`` and ``prod`` compute in: ``dtype``, or NumPy's choice (int64 for
        integers and bools, uint64 for unsigned, floats as they are)."""
        if dtype is not None:
            return dtypes.dtype(dtype)
        return self._dtype if self._dtype.kind == "f" else dtypes.uint64 if self._dtype.kind == "u" else int64

    def _as_kind(self, to: DType) -> Tensor:
        """This tensor as ``to`` where a reduction in ``to`` needs it converted first: floats
        into integers (``sum(dtype=int)`` truncates each element), integers into floats."""
        if (to.kind == "f") == (self._dtype.kind == "f"):
            return self  # (integers stay exact Python ints until the result is wrapped)
        return self.astype(to)

    def _count(self, axes: Tuple[int, ...], where: Any) -> Any:
        """How many elements each lane of a reduction over ``axes`` has (a tensor of
        ``keepdims``'s shape where ``where`` counts them): the ``n`` of ``var``."""
        if where is True:
            return size_of(tuple(self._shape[axis] for axis in axes))
        mask = _broadcast_mask(where, self._shape)
        return mask.sum(axes, keepdims=True)

    def _bound(self, bound: Any) -> Any:
        """A ``clip`` bound: a Python int beyond an integer dtype's range is brought to its edge."""
        if type(bound) is int and self._dtype.kind in "iu":
            return min(max(bound, int(self._dtype.min)), int(self._dtype.max))
        return bound

    # -----------------------------------------------------------------------
    # Shape changes: views where NumPy gives views
    # -----------------------------------------------------------------------

    def reshape(self, *shape: Any, order: str = "C", copy: Optional[bool] = None) -> Tensor:
        """The same elements in another shape; one length may be ``-1`` (inferred).

        A view whenever strides can express the new shape (always, for a contiguous
        tensor), else a copy, by NumPy's rule. ``reshape(2, 3)`` and ``reshape((2, 3))``
        mean the same. ``order="F"`` reads and places the elements column by column
        (``"A"``: so if the tensor is laid out so); ``copy=True`` always copies, and
        ``copy=False`` raises rather than copy.

        >>> tensor([1, 2, 3, 4, 5, 6]).reshape(2, -1)
        tensor([[1, 2, 3],
                [4, 5, 6]])
        >>> tensor([1, 2, 3, 4, 5, 6]).reshape(2, 3, order="F")
        tensor([[1, 3, 5],
                [2, 4, 6]])
        >>> tensor([1, 2, 3]).reshape(2, 2)
        Traceback (most recent call last):
        ...
        ValueError: cannot reshape array of size 3 into shape (2,2)
        """
        if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
            shape = tuple(shape[0])
        if self._contiguous and order == "C" and copy is None and self.size:  # the usual case: a row-major view
            new_shape = resolve_reshape(self.size, shape)
            strides = self._strides if new_shape == self._shape and -1 not in shape else strides_of(new_shape)
            layout = (new_shape, strides, self._offset)
            return _make(self._storage, *layout, self._dtype, self._writeable, True, _base_of(self))
        return self._reshape_any(shape, order, copy)

    def _reshape_any(self, shape: Tuple[Any, ...], order: str, copy: Optional[bool]) -> Tensor:
        """``reshape`` in every case: another order, a copy asked for or refused, a strided view."""
        order = order_letter(order)
        if order == "K":
            raise ValueError("order 'K' is not permitted for reshaping")
        if order == "F" or (order == "A" and self.flags.f_contiguous and not self._contiguous):
            new_shape = resolve_reshape(self.size, shape)
            return self.transpose().reshape(new_shape[::-1], copy=copy).transpose()
        new_shape = resolve_reshape(self.size, shape)
        strides = reshape_strides(self._shape, self._strides, new_shape, -1 not in shape)
        if copy:
            return self.copy().reshape(new_shape)
        if strides is None:
            if copy is False:
                raise ValueError("Unable to avoid creating a copy while reshaping.")
            return self.copy().reshape(new_shape)
        return _make(self._storage, new_shape, strides, self._offset, self._dtype, self._writeable, base=_base_of(self))

    def ravel(self, order: str = "C") -> Tensor:
        """The elements as a 1-d tensor: a view where strides allow it, else a copy.

        ``order="C"`` reads them row by row, ``"F"`` column by column, ``"A"`` column by
        column only if the tensor is laid out so, and ``"K"`` in the order they lie in memory.

        >>> x = tensor([[1, 2], [3, 4]])
        >>> x.ravel(), x.T.ravel(), x.T.ravel("K")
        (tensor([1, 2, 3, 4]), tensor([1, 3, 2, 4]), tensor([1, 2, 3, 4]))
        """
        if order != "C":
            order = order_letter(order)
        if order == "K":
            return _in_memory_order(self).reshape(-1)
        if order == "F" or (order == "A" and self.flags.f_contiguous and not self._contiguous):
            return self.transpose().ravel()
        return self.reshape(-1) if self._contiguous else self.flatten()

    def flatten(self, order: str = "C") -> Tensor:
        """A copy of the elements as a 1-d tensor, in row-major order (``order="F"``: column
        by column; ``"A"``: so if the tensor is laid out so; ``"K"``: as they lie in memory).

        >>> tensor([[1, 2], [3, 4]]).flatten(), tensor([[1, 2], [3, 4]]).flatten("F")
        (tensor([1, 2, 3, 4]), tensor([1, 3, 2, 4]))
        """
        if order != "C":
            order = order_letter(order)
        if order != "C":
            return self.ravel(order).copy()
        flat = self.copy()
        return _new(flat._storage, (self.size,), self._dtype)

    def transpose(self, *axes: int) -> Tensor:
        """A view with the axes permuted: reversed by default, or in the order given.

        >>> tensor([[[1, 2]], [[3, 4]]]).transpose(1, 0, 2).shape
        (1, 2, 2)
        """
        if len(axes) == 1 and isinstance(axes[0], (tuple, list)):
            axes = tuple(axes[0])
        order = list(reversed(range(self.ndim))) if not axes else [normalize_axis(a, self.ndim) for a in axes]
        if sorted(order) != list(range(self.ndim)):
            raise ValueError(f"axes {tuple(axes)} don't match a tensor of shape {self._shape}")
        shape = tuple(self._shape[axis] for axis in order)
        strides = tuple(self._strides[axis] for axis in order)
        return _make(self._storage, shape, strides, self._offset, self._dtype, self._writeable, base=_base_of(self))

    def copy(self, order: str = "C") -> Tensor:
        """A new tensor with the same elements in its own storage: row-major, or laid out
        as ``order`` says (``"F"`` column-major, ``"A"`` column-major if the tensor is,
        ``"K"`` as the tensor is).

        >>> x = tensor([1, 2]); y = x.copy(); y[0] = 9
        >>> x, y, tensor([[1, 2], [3, 4]]).copy("F").strides
        (tensor([1, 2]), tensor([9, 2]), (8, 16))
        """
        if order != "C" and order_letter(order) != "C":
            axes = _order_axes(self, order_letter(order))
            return _owning(self.transpose(*axes).copy().transpose(*_inverse(axes)))
        values = elements(self)
        storage = list(values) if not self._dtype.typecode else typed_array(self._dtype.typecode, values)
        return _new(storage, self._shape, self._dtype)

    def astype(self, dtype: DTypeLike) -> Tensor:
        """A copy with every element converted to ``dtype``, by NumPy's casting rules.

        Floats to integers truncate toward zero; integers wrap into a narrower type;
        NaN, infinities and out-of-range floats have no integer, and raise. As NumPy's,
        the copy is laid out in memory as the tensor is (``order="K"``).

        >>> tensor([-1.5, 0.0, 2.7]).astype(int), tensor([300, -1]).astype("uint8")
        (tensor([-1,  0,  2]), tensor([ 44, 255], dtype=uint8))
        >>> tensor([1.0, float("inf")]).astype(int)
        Traceback (most recent call last):
        ...
        ValueError: cannot convert inf at [1] to int64
        """
        to = dtypes.dtype(dtype)
        order = like_order(self._shape, self._strides)
        source = self.transpose(*order)  # the same elements, row-major in memory order
        where = lambda index: [unravel(index, source._shape)[order.index(axis)] for axis in range(self.ndim)]
        storage = casting.cast_values(elements(source), self._dtype, to, where)
        made = _new(storage, source._shape, to)
        return _owning(made.transpose(*_inverse(order)))

    # -----------------------------------------------------------------------
    # Linear algebra
    # -----------------------------------------------------------------------

    def dot(self, other: Operand) -> Any:
        """The dot product, with NumPy's ``dot`` rules for 0-d to 2-d tensors.

        - vector · vector: a number;
        - matrix · matrix ``(m, n) · (n, p)``: a ``(m, p)`` tensor;
        - vector · matrix ``(n,) · (n, p)``: ``(p,)``; matrix · vector ``(m, n) · (n,)``: ``(m,)``;
        - with a 0-d tensor or a number: elementwise multiplication.

        >>> tensor([1, 2]).dot(tensor([[1, 3, 5], [2, 4, 6]]))
        tensor([ 5, 11, 17])
        >>> tensor([[1, 2, 3]]).dot(tensor([1, 2]))
        Traceback (most recent call last):
        ...
        ValueError: shapes (1,3) and (2,) not aligned: 3 (dim 1) != 2 (dim 0)
        """
        return dot(self, other)

    def __matmul__(self, other: Operand) -> Any:
        """``a @ b``: ``a.dot(b)``, except that 0-d operands are refused, as in NumPy."""
        return _matmul(self, as_tensor(other))

    def __rmatmul__(self, other: Operand) -> Any:  # other @ self
        return _matmul(as_tensor(other), self)

    # -----------------------------------------------------------------------
    # Copies: pickle and the copy module
    # -----------------------------------------------------------------------

    def __reduce__(self) -> Any:
        """Pickle as the dtype's name, the shape and the elements as little-endian bytes,
        which ``rebuild_tensor`` checks and turns back into a tensor. A column-major tensor
        is stored column by column and comes back column-major, as NumPy's does.

        The arguments are plain Python (a str, a tuple of ints, bytes, a bool), the same in
        every copy of zeronn; only the function's name is this copy's (``zeronn.core`` or,
        vendored, ``mylib.nn.core``), because Python's pickler writes a function by the
        module path it was imported from. So ``pickle.loads`` reads the pickle wherever
        that path imports, and every copy's ``io.load_numpy_pickle`` reads it under any
        name, importing nothing. (NumPy's own form cannot be written without NumPy: the
        pickler imports a function's module to check its name.)

        >>> import pickle
        >>> back = pickle.loads(pickle.dumps(tensor([[1.5, 2.0]]).T))
        >>> back, back.flags.f_contiguous
        (tensor([[1.5],
                [2. ]]), True)
        """
        fortran = not self._contiguous and is_f_contiguous(self._shape, self._strides)
        ordered = elements(self.transpose()) if fortran else elements(self)
        return (rebuild_tensor, (self._dtype.name, self._shape, self._dtype.to_bytes(ordered), fortran))

    def __copy__(self) -> Tensor:  # as NumPy's: laid out as the tensor is
        return self.copy("K")

    def __deepcopy__(self, memo: Dict[int, Any]) -> Tensor:
        return self.copy("K")

    # -----------------------------------------------------------------------
    # NumPy's other ndarray methods: its memory, views as another dtype, and the
    # methods NumPy's shape and sorting routines share (the work is done in the
    # modules named in each, which sit below this one)
    # -----------------------------------------------------------------------

    @property
    def base(self) -> Any:
        """What a view reads: the tensor (or buffer) whose storage it shares, ``None`` for a
        tensor that owns its storage. A view of a view has the first one's base, as in NumPy.

        >>> x = tensor([1, 2, 3]); v = x[1:]
        >>> x.base is None, v.base is x, v[1:].base is x, x.copy().base is None
        (True, True, True, True)
        """
        return self._base

    @property
    def itemsize(self) -> int:
        """Bytes per element, as NumPy counts them (``dtype.itemsize``).

        >>> tensor([1.0]).itemsize, tensor([1], dtype="uint8").itemsize
        (8, 1)
        """
        return self._dtype.itemsize

    @property
    def nbytes(self) -> int:
        """Bytes the elements take in NumPy: ``size * itemsize``. (zeronn's lists of Python
        numbers take more; its ``array.array`` storages exactly this.)

        >>> tensor([[1, 2, 3], [4, 5, 6]], dtype="int16").nbytes
        12
        """
        return self.size * self._dtype.itemsize

    @property
    def flat(self) -> flatiter:
        """The elements as one flat, row-major sequence to read and write (see ``flat.py``).

        >>> x = tensor([[1, 2], [3, 4]]); x.flat[[0, 3]] = 0
        >>> x.flat[1], list(x.flat), x
        (2, [0, 2, 3, 0], tensor([[0, 2],
                [3, 0]]))
        """
        return flatiter(self, as_tensor)

    @flat.setter
    def flat(self, value: Any) -> None:
        flatiter(self, as_tensor)[...] = value  # t.flat = v writes v over every element, repeating it

    def fill(self, value: Any) -> None:
        """Set every element to ``value``, a number, as NumPy's ``fill`` (in place).

        >>> x = tensor([[1, 2], [3, 4]], dtype="uint8"); x.fill(7); x
        tensor([[7, 7],
                [7, 7]], dtype=uint8)
        >>> x.fill([1, 2])
        Traceback (most recent call last):
        ...
        ValueError: Input object to FillWithScalar is not a scalar
        """
        if not _is_scalar(value) and not (isinstance(value, Tensor) and value.size == 1):
            raise ValueError("Input object to FillWithScalar is not a scalar")
        self[...] = value if _is_scalar(value) else value.reshape(())

    def view(self, dtype: Any = None, type: Any = None) -> Tensor:
        """A view of the same storage: as it is, as another dtype, or as a subclass of ``Tensor``.

        A view as another dtype reads the same bytes as that dtype, as NumPy's does. For the
        compact dtypes the bytes are shared: writes through either reach the other
        (``buffers.py``). float64, int64 and bool live in Python lists, which have no bytes:
        a view of (or as) one of them as another dtype of the same size reads each element's
        bytes afresh, so it sees every later write, but it is read-only; a view that would
        change the item size raises ``TypeError`` (``frombuffer(x.tobytes(), dtype)`` reads
        a copy of the bytes). A dtype of another size divides or multiplies the last axis,
        which must be contiguous.

        >>> x = tensor([1, 256], dtype="uint16")
        >>> b = x.view("uint8"); b
        tensor([1, 0, 0, 1], dtype=uint8)
        >>> b[0] = 2; x
        tensor([  2, 256], dtype=uint16)
        >>> mask = tensor([True, False]); bits = mask.view("uint8"); mask[1] = True; bits
        tensor([1, 1], dtype=uint8)
        >>> tensor([1.0]).view("int8")
        Traceback (most recent call last):
        ...
        TypeError: zeronn keeps float64 in a Python list of Python numbers, which has no bytes to share with \
another dtype: a float64 tensor cannot be viewed as int8
        """
        if isinstance(dtype, builtins.type) and issubclass(dtype, Tensor) and type is None:
            dtype, type = None, dtype  # x.view(MyTensor): a type, not a dtype
        if type is not None and type is not Tensor:
            if not (isinstance(type, builtins.type) and issubclass(type, Tensor)):
                raise TypeError("Cannot specify output type: it must be a subclass of Tensor (np.ndarray)")
            _refuse_subclass(type)
        made = _make(self._storage, self._shape, self._strides, self._offset, self._dtype, self._writeable,
                     self._contiguous, base=_base_of(self))  # fmt: skip
        if dtype is not None and dtypes.dtype(dtype) is not self._dtype:
            made = _reinterpreted(made, dtypes.dtype(dtype))
        return made

    def tobytes(self, order: str = "C") -> bytes:
        """The elements as bytes, packed as C packs them in this machine's byte order, row by
        row (``order="F"``: column by column; ``"A"``: so if the tensor is laid out so).

        >>> tensor([[1, 2], [3, 4]], dtype="uint8").tobytes("F")
        b'\\x01\\x03\\x02\\x04'
        """
        order = order_letter(order)
        ordered = self.transpose(*_order_axes(self, "F" if order == "F" else "A" if order == "A" else "C"))
        return buffers.packed(elements(ordered), self._dtype)

    @property
    def __array_interface__(self) -> Dict[str, Any]:
        """NumPy's array interface, through which NumPy (``np.asarray(t)``) and others read a tensor.

        A compact dtype's storage is shared: NumPy's array then reads (and, unless the tensor
        is read-only, writes) the tensor's own memory. float64, int64 and bool have no memory
        to share, so NumPy gets a read-only copy of their bytes.

        >>> face = tensor([[1, 2], [3, 4]], dtype="uint8").T.__array_interface__
        >>> face["shape"], face["typestr"], face["strides"], face["offset"]
        ((2, 2), '|u1', (1, 2), 0)
        """
        face: Dict[str, Any] = {"shape": self._shape, "typestr": self._dtype.str, "descr": self._dtype.descr,
                                "version": 3}  # fmt: skip
        if buffers.is_shared(self._storage):
            shared = memoryview(self._storage)  # type: ignore[arg-type]
            face["data"] = shared if self._writeable else shared.toreadonly()
            face["offset"] = self._offset * self._dtype.itemsize
            face["strides"] = None if self._contiguous else self.strides
        else:
            face["data"] = self.tobytes()
            face["offset"], face["strides"] = 0, None
        return face

    def __array__(self, dtype: Any = None, copy: Optional[bool] = None) -> Any:
        """NumPy's hook for ``np.array(t)``: the tensor as a NumPy array, made by NumPy from
        ``__array_interface__``. NumPy calls it; zeronn never imports NumPy itself.
        ``copy=False`` raises where a copy is needed (float64, int64 and bool always).
        """
        numpy = sys.modules.get("numpy")
        if numpy is None:
            raise TypeError("__array__ makes a NumPy array: import numpy first (zeronn never imports it)")
        if copy is False and (not buffers.is_shared(self._storage) or dtype not in (None, self._dtype.name)):
            raise ValueError("Unable to avoid copy while creating an array as requested.")
        return numpy.array(_Interface(self.__array_interface__), dtype=dtype, copy=bool(copy) or None)

    def squeeze(self, axis: Any = None) -> Tensor:
        """A view without axes of length 1: all of them, or those ``axis`` names.

        >>> tensor([[[1], [2]]]).squeeze().shape, tensor([[[1], [2]]]).squeeze(axis=2).shape
        ((2,), (1, 2))
        >>> tensor([[1, 2]]).squeeze(axis=1)
        Traceback (most recent call last):
        ...
        ValueError: cannot select an axis to squeeze out which has size not equal to one
        """
        chosen = range(self.ndim) if axis is None else axes.normalize_axis_tuple(axis, self.ndim)
        if axis is not None and any(self._shape[a] != 1 for a in chosen):
            raise ValueError("cannot select an axis to squeeze out which has size not equal to one")
        key = tuple(0 if a in chosen and self._shape[a] == 1 else slice(None) for a in range(self.ndim))
        squeezed: Tensor = self[key + (Ellipsis,)]  # a view; the Ellipsis keeps a 0-d result a tensor
        return squeezed

    def swapaxes(self, axis1: int, axis2: int) -> Tensor:
        """A view with two axes swapped (``transpose`` with the permutation from ``axes.py``).

        >>> tensor([[[1, 2, 3]]]).swapaxes(0, 2).shape
        (3, 1, 1)
        """
        return self.transpose(*axes.swapped_order(self.ndim, axis1, axis2))

    def repeat(self, repeats: Any, axis: Optional[int] = None) -> Tensor:
        """Each element repeated: ``repeats`` times, or ``repeats[i]`` times for element ``i``
        along ``axis`` (of the flattened tensor when ``axis`` is None). A new tensor.

        >>> tensor([[1, 2], [3, 4]]).repeat(2), tensor([[1, 2], [3, 4]]).repeat([1, 2], axis=0)
        (tensor([1, 1, 2, 2, 3, 3, 4, 4]), tensor([[1, 2],
               [3, 4],
               [3, 4]]))
        >>> tensor([1, 2]).repeat([1, 2, 3])
        Traceback (most recent call last):
        ...
        ValueError: operands could not be broadcast together with shape (2,) (3,)
        """
        source = self.ravel() if axis is None else self
        axis = 0 if axis is None else normalize_axis(axis, self.ndim)
        counts: List[int] = [int(count) for count in as_tensor(repeats).astype(int64).to_flat_list()]
        length = source._shape[axis] if source._shape else 1
        if len(counts) == 1:
            counts = counts * length
        if len(counts) != length:
            raise ValueError(f"operands could not be broadcast together with shape ({length},) ({len(counts)},)")
        if any(count < 0 for count in counts):
            raise ValueError("repeats may not contain negative values.")
        shape = source._shape[:axis] + (sum(counts),) + source._shape[axis + 1 :]
        dtypes.check_fits(shape, self._dtype)

        def repeated(lane: Sequence[Any]) -> List[Any]:
            return [value for value, count in zip(lane, counts) for _ in range(count)]

        values = lanes.map_lanes(elements(source), source._shape, axis, repeated, sum(counts))
        return _new(self._dtype.storage(values), shape, self._dtype)

    def sort(self, axis: Optional[int] = -1, kind: Optional[str] = None, order: Any = None,
             *, stable: Optional[bool] = None) -> None:  # fmt: skip
        """Sort the tensor itself along ``axis`` (the last by default), ascending, NaNs last,
        equal elements in the order they were (``ordering.py``). ``kind`` is NumPy's name
        for the algorithm; every kind gives that stable order here.

        >>> x = tensor([[3.0, float("nan"), 1.0], [2.0, 0.0, 5.0]]); x.sort(); x
        tensor([[ 1.,  3., nan],
                [ 0.,  2.,  5.]])
        """
        ordering.check_kind(kind, stable)
        _no_fields(order)
        if not self._writeable:
            raise ValueError("assignment destination is read-only")
        axis = normalize_axis(-1 if axis is None else axis, self.ndim)
        values = lanes.map_lanes(elements(self), self._shape, axis, ordering.sort_lane, self._shape[axis])
        write(self, self._dtype.storage(values))

    def argsort(self, axis: Optional[int] = -1, kind: Optional[str] = None, order: Any = None,
                *, stable: Optional[bool] = None) -> Tensor:  # fmt: skip
        """The indices that sort the tensor along ``axis`` (of the flattened tensor when None).

        >>> tensor([3, 1, 2]).argsort(), tensor([[3, 1], [0, 2]]).argsort(axis=0)
        (tensor([1, 2, 0]), tensor([[1, 0],
               [0, 1]]))
        """
        ordering.check_kind(kind, stable)
        _no_fields(order)
        source = self.ravel() if axis is None else self
        axis = normalize_axis(-1 if axis is None else axis, source.ndim)
        length = source._shape[axis]
        indices = lanes.map_lanes(elements(source), source._shape, axis, ordering.argsort_lane, length)
        return _new(int64.storage(indices), source._shape, int64)

    def nonzero(self) -> Tuple[Tensor, ...]:
        """The indices of the elements that are not zero: one int64 tensor per axis.

        >>> tensor([[0, 3], [4, 0]]).nonzero()
        (tensor([0, 1]), tensor([1, 0]))
        >>> tensor(5).nonzero()
        Traceback (most recent call last):
        ...
        ValueError: Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead. ...
        """
        if not self._shape:
            raise ValueError(
                "Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead. "
                "If the context of this error is of the form `arr[nonzero(cond)]`, just use `arr[cond]`."
            )
        where = [unravel(i, self._shape) for i, value in enumerate(elements(self)) if value]
        columns = list(zip(*where)) if where else [()] * self.ndim
        return tuple(_new(int64.storage(column), (len(where),), int64) for column in columns)


class Flags:
    """NumPy's ``ndarray.flags`` for a tensor: whether its elements lie row by row
    (``c_contiguous``) or column by column (``f_contiguous``) in its storage, whether it
    may be written (``writeable``, which can be set) and whether it owns its storage
    (``owndata``: it is no view). zeronn's elements are always ``aligned``. Each can also
    be read as ``flags["C_CONTIGUOUS"]``, or by NumPy's letter (``flags["C"]``).

    >>> x = tensor([1, 2]); x.flags.writeable = False; x.flags
      C_CONTIGUOUS : True
      F_CONTIGUOUS : True
      OWNDATA : True
      WRITEABLE : False
      ALIGNED : True
      WRITEBACKIFCOPY : False
    <BLANKLINE>
    """

    __slots__ = ("_tensor",)
    _NAMES = {"C": "c_contiguous", "CONTIGUOUS": "c_contiguous", "F": "f_contiguous", "FORTRAN": "f_contiguous",
              "W": "writeable", "O": "owndata", "A": "aligned", "X": "writebackifcopy"}  # fmt: skip
    _SHOWN = ("C_CONTIGUOUS", "F_CONTIGUOUS", "OWNDATA", "WRITEABLE", "ALIGNED", "WRITEBACKIFCOPY")

    def __init__(self, t: Tensor) -> None:
        self._tensor = t

    @property
    def c_contiguous(self) -> bool:
        """Whether the elements lie row by row, one run of the storage."""
        return self._tensor._contiguous

    @property
    def f_contiguous(self) -> bool:
        """Whether the elements lie column by column, one run of the storage."""
        return is_f_contiguous(self._tensor._shape, self._tensor._strides)

    @property
    def writeable(self) -> bool:
        """Whether the tensor may be written; setting it is ``setflags(write=...)``."""
        return self._tensor._writeable

    @writeable.setter
    def writeable(self, value: bool) -> None:
        self._tensor.setflags(write=value)

    @property
    def owndata(self) -> bool:
        """Whether the tensor owns its storage (it is no view: ``base`` is None)."""
        return self._tensor._base is None

    aligned = True  # every element of a Python list or an array.array is where C would put it
    writebackifcopy = False  # zeronn makes no temporary copies that write back

    def __getitem__(self, key: str) -> bool:  # flags["C_CONTIGUOUS"] or flags["C"], as in NumPy
        value: bool = getattr(self, self._NAMES.get(key, key.lower()))
        return value

    def __setitem__(self, key: str, value: bool) -> None:
        if self._NAMES.get(key, key.lower()) != "writeable":
            raise ValueError(f"zeronn can only set the WRITEABLE flag, not {key!r}")
        self.writeable = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Flags) and all(self[name] == other[name] for name in self._SHOWN)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return "".join(f"  {name} : {self[name]}\n" for name in self._SHOWN)


# ---------------------------------------------------------------------------
# Construction
# ---------------------------------------------------------------------------


def tensor(data: Any, dtype: Optional[DTypeLike] = None) -> Tensor:
    """A tensor from a number, nested lists or tuples, or another tensor (``np.array``).

    The data is checked (every row of one length, numbers only) and copied. Without a
    ``dtype`` it is chosen from the elements, as NumPy does: bools, int64, or float64
    if any element is a float. With one, each number is converted to it.

    >>> tensor([[1, 2], [3, 4]])
    tensor([[1, 2],
            [3, 4]])
    >>> tensor([-1.0, 1.0, 2.0], dtype=bool), tensor([0.5, 255], dtype="float32")
    (tensor([ True,  True,  True]), tensor([  0.5, 255. ], dtype=float32))
    >>> tensor([tensor([1, 2]), tensor([3, 4])]).shape    # tensors in a list stack
    (2, 2)
    >>> tensor([[1, 2], [3]])
    Traceback (most recent call last):
    ...
    ValueError: ragged nested list at [1]: expected length 2, got 1
    """
    if dtype is None and type(data) is list and _NESTED_ITEMS.issuperset(map(type, data)):  # the usual case
        flat, shape = flatten_nested(data)  # nested lists of numbers, checked and flattened (nested.py)
        if flat and type(flat[0]) is float and type(flat) is list:  # floats make float64, kept in that very list
            return _new(flat, shape, float64)  # (NumPy's scalars among them made a nested.Typed: its own dtype)
        return _from_flat(flat, shape, None)
    return _from_any_data(data, None if dtype is None else dtypes.dtype(dtype))


# What the lists of the usual case hold: numbers, and more lists (not tensors, not NumPy's arrays).
_NESTED_ITEMS = frozenset({float, int, bool, list, tuple})


def array(
    data: Any, dtype: Optional[DTypeLike] = None, *, copy: Optional[bool] = True, order: Optional[str] = "K",
    ndmin: int = 0,
) -> Tensor:  # fmt: skip
    """``np.array``: a new tensor of ``data`` (``tensor(data, dtype)``), laid out as ``order``
    says ("K": as ``data`` is; "C" row by row; "F" column by column; "A": "F" if ``data`` is
    column-major), with at least ``ndmin`` axes (new ones in front). ``copy=None`` returns
    ``data`` itself when it already is all that; ``copy=False`` insists on that.

    >>> array([-1.0, 1.0, 2.0]) > 0
    tensor([False,  True,  True])
    >>> array(array([-1.0, 1.0]) > 0, dtype=int)   # the book's step_function
    tensor([0, 1])
    >>> array([[1, 2], [3, 4]], order="F").strides, array(5, ndmin=2)
    ((8, 16), tensor([[5]]))
    >>> array([1, 2], copy=False)
    Traceback (most recent call last):
    ...
    ValueError: Unable to avoid copy while creating an array as requested.
    """
    if copy is True and order == "K" and not ndmin:  # the usual case: tensor() itself
        return tensor(data, dtype)
    return _array_as_asked(data, dtype, copy, order_letter(order, "K"), ndmin)


def _array_as_asked(data: Any, dtype: Optional[DTypeLike], copy: Optional[bool], order: str, ndmin: int) -> Tensor:
    """``array`` with a copy, an order or axes asked for: made as NumPy makes it."""
    made = as_tensor(data, dtype) if copy is not True else tensor(data, dtype)
    copied = made is not data
    if order == "A":
        order = "F" if made.flags.f_contiguous and not made.flags.c_contiguous else "C"
    if (order == "C" and not made.flags.c_contiguous) or (order == "F" and not made.flags.f_contiguous):
        made, copied = made.copy(order), True
    if copy is False and copied:
        raise ValueError("Unable to avoid copy while creating an array as requested.")
    if made.ndim < ndmin:  # a view with axes of length 1 in front
        made = made.reshape((1,) * (ndmin - made.ndim) + made.shape)
    return made


def _from_any_data(data: Any, to: Optional[DType]) -> Tensor:
    """``tensor(data, to)`` for any data: a number, another tensor, tensors in a list, another
    library's array."""
    if _is_foreign(data):  # another library's array (NumPy's, say), read through its buffer
        data = _from_foreign(data)
    if isinstance(data, Tensor):
        return data.astype(to or data.dtype)
    if to is None and not isinstance(data, (list, tuple)):
        to = _scalar_dtype(data)  # one of NumPy's scalars keeps its dtype: tensor(np.int8(5))
    if isinstance(data, (list, tuple)) and any(_is_foreign(item) for item in data):
        data = [_from_foreign(item) if _is_foreign(item) else item for item in data]
    if isinstance(data, (list, tuple)) and data and all(isinstance(item, Tensor) for item in data):
        return _stack(data, to)
    if isinstance(data, (list, tuple)) and any(isinstance(item, Tensor) for item in data):
        data = [item.tolist() if isinstance(item, Tensor) else item for item in data]
    flat, shape = flatten_nested(data)
    return _from_flat(flat, shape, to)


def _from_flat(flat: List[Number], shape: Shape, to: Optional[DType]) -> Tensor:
    """A tensor of ``shape`` holding ``flat`` (numbers of one type), as ``to`` or as NumPy
    chooses (``python_dtype``)."""
    if to is None:
        to = python_dtype(flat)
        if to is float64 and flat and type(flat[0]) is int:  # ints too large for int64
            flat = [float(value) for value in flat]
        storage = to.storage(flat)
    else:
        storage = casting.cast_python(flat, to, where=lambda index: list(unravel(index, shape)))
    return _new(storage, shape, to)


def _is_foreign(data: Any) -> bool:
    """Whether ``data`` is another library's array (or a buffer of numbers), which ``tensor``
    reads through the buffer protocol. ``bytes`` are text to NumPy (its "S" dtype), not numbers."""
    if isinstance(data, (Tensor, bool, int, float, list, tuple, range, str, bytes)):
        return False
    return isinstance(data, (memoryview, typed_array, bytearray)) or hasattr(data, "__array_interface__")


def _from_foreign(data: Any) -> Tensor:
    """A tensor of the numbers in another library's array, without importing that library."""
    try:
        values, shape, to = buffers.foreign_array(data)
    except TypeError as error:
        if "buffer" in str(error) and hasattr(data, "__array__"):  # no buffer: ask for a NumPy array
            values, shape, to = buffers.foreign_array(data.__array__())
        else:
            raise
    return _new(to.storage(values), shape, to)


def _stack(items: Sequence[Tensor], to: Optional[DType]) -> Tensor:
    """``tensor([t1, t2, ...])``: tensors of one shape stacked along a new first axis."""
    shape = items[0].shape
    for index, item in enumerate(items):
        if item.shape != shape:
            raise ValueError(f"ragged nested list at [{index}]: expected shape {shape}, got {item.shape}")
    common = items[0].dtype
    for item in items[1:]:
        common = dtypes.promote_types(common, item.dtype)
    values: List[Any] = []
    for item in items:
        same = item.dtype is common
        values.extend(elements(item) if same else casting.cast_values(elements(item), item.dtype, common))
    stacked = Tensor.from_storage(common.storage(values), (len(items),) + shape, common)
    return stacked if to is None or to is common else stacked.astype(to)


def _from_any_storage(storage: Storage, shape: Sequence[int], dtype: DType, strides: Optional[Sequence[int]]) -> Tensor:
    """``Tensor.from_storage`` in every case: the container checked against the dtype, the
    size against the shape, and ``strides`` (in bytes) against both."""
    shape = tuple(shape)
    kind = "a list" if not dtype.typecode else f"an array('{dtype.typecode}')"
    if isinstance(storage, memoryview):
        fits = storage.format == dtype.typecode  # (a list dtype's typecode is "", no memoryview's format)
    elif dtype.typecode:
        fits = isinstance(storage, typed_array) and storage.typecode == dtype.typecode
    else:
        fits = isinstance(storage, list)
    if not fits:
        raise TypeError(f"{dtype} storage must be {kind}, got {type(storage).__name__}")
    if size_of(shape) != len(storage):
        raise ValueError(f"storage of {len(storage)} elements does not fit shape {shape}")
    writeable = not (isinstance(storage, memoryview) and storage.readonly)
    if strides is None:
        return _new(storage, shape, dtype, writeable)
    element_strides = tuple(step // dtype.itemsize for step in strides)
    if len(strides) != len(shape) or any(step % dtype.itemsize for step in strides):
        raise ValueError(f"strides {tuple(strides)} do not fit shape {shape} and dtype {dtype}")
    _check_reach(len(storage), shape, element_strides, 0, f"strides {tuple(strides)}")
    return _make(storage, shape, element_strides, 0, dtype, writeable)


def as_tensor(data: Any, dtype: Optional[DTypeLike] = None) -> Tensor:
    """``data`` itself if it is a tensor (of ``dtype``, if given), else ``tensor(data, dtype)``
    (``np.asarray``).

    >>> t = tensor([1, 2])
    >>> as_tensor(t) is t, as_tensor([1, 2], float)
    (True, tensor([1., 2.]))
    """
    if isinstance(data, Tensor) and (dtype is None or data.dtype == dtype):
        return data
    return tensor(data, dtype)


def as_strided(
    x: Tensor, shape: Optional[Sequence[int]] = None, strides: Optional[Sequence[int]] = None, writeable: bool = True
) -> Tensor:
    """A view of ``x``'s storage with another ``shape`` and ``strides`` (in bytes, from ``x``'s
    first element): NumPy's ``np.lib.stride_tricks.as_strided``, the tool behind
    ``broadcast_to`` and sliding windows. Unlike NumPy's, it checks that every element it
    can reach lies in the storage. ``writeable=False`` makes the view read-only, which a
    view that reaches one element through several indices should be.

    >>> x = tensor([1, 2, 3, 4])
    >>> as_strided(x, (3, 2), (8, 8))                  # overlapping windows of two
    tensor([[1, 2],
            [2, 3],
            [3, 4]])
    >>> as_strided(x, (2,), (32,))
    Traceback (most recent call last):
    ...
    ValueError: as_strided: shape (2,) and strides (32,) reach element 4 of a storage of 4 (starting at 0)
    """
    lengths = x._shape if shape is None else tuple(operator.index(n) for n in shape)
    steps = x.strides if strides is None else tuple(operator.index(n) for n in strides)
    if len(steps) != len(lengths) or any(n < 0 for n in lengths):
        raise ValueError(f"as_strided: shape {lengths} and strides {steps} must be as long, with no negative length")
    itemsize = x._dtype.itemsize
    if any(step % itemsize for step in steps):
        raise ValueError(f"as_strided: zeronn's strides count whole elements: {steps} are not multiples of {itemsize}")
    element_strides = tuple(step // itemsize for step in steps)
    what = f"as_strided: shape {lengths} and strides {steps}"
    _check_reach(len(x._storage), lengths, element_strides, x._offset, what)
    writeable = writeable and x._writeable
    return _make(x._storage, lengths, element_strides, x._offset, x._dtype, writeable, base=_base_of(x))


def memory_of(t: Tensor) -> Tuple[Any, List[int]]:
    """The storage ``t`` reads (for a read-only view as another dtype of a list, the list under
    it) and where each of its elements lies in it, row-major: what ``shares_memory`` compares.

    >>> x = tensor([1, 2, 3, 4])
    >>> memory_of(x[::2])[1], memory_of(x[::2])[0] is memory_of(x)[0]
    ([0, 2], True)
    """
    storage = t._storage.source if isinstance(t._storage, buffers.ReadAs) else t._storage
    return storage, offsets_of(t._shape, t._strides, t._offset)


def _check_reach(available: int, shape: Shape, strides: Shape, offset: int, what: str) -> None:
    """Raise ``ValueError`` unless every element of the layout lies in a storage of ``available``."""
    if size_of(shape) == 0:
        return
    lowest = offset + sum(min(0, (n - 1) * step) for n, step in zip(shape, strides))
    highest = offset + sum(max(0, (n - 1) * step) for n, step in zip(shape, strides))
    if lowest < 0 or highest >= available:
        reached = lowest if lowest < 0 else highest
        raise ValueError(f"{what} reach element {reached} of a storage of {available} (starting at {offset})")


def _construct(
    shape: Any, dtype: Optional[DTypeLike], buffer: Any, offset: int,
    strides: Optional[Sequence[int]], order: Optional[str],
) -> Tensor:
    """``Tensor(shape, dtype, buffer, offset, strides, order)``: NumPy's ``ndarray`` constructor."""
    lengths = (operator.index(shape),) if not isinstance(shape, (tuple, list)) else tuple(map(operator.index, shape))
    if any(n < 0 for n in lengths):
        raise ValueError("negative dimensions are not allowed")
    order = order_letter(order)
    to = dtypes.dtype(dtype)
    dtypes.check_fits(lengths, to)
    if strides is None:
        element_strides = strides_of(lengths) if order != "F" else tuple(reversed(strides_of(tuple(reversed(lengths)))))
    else:
        if len(strides) != len(lengths):
            raise ValueError("strides, if given, must be the same length as shape")
        if any(operator.index(step) % to.itemsize for step in strides):
            shown = tuple(strides)
            raise ValueError(f"zeronn's strides count whole elements: {shown} are not multiples of {to.itemsize}")
        element_strides = tuple(operator.index(step) // to.itemsize for step in strides)
    base: Any = None
    writeable, start = True, 0
    if buffer is None:
        storage = to.empty_storage(size_of(lengths))
    elif isinstance(buffer, Tensor):  # a tensor's memory, as NumPy reads an ndarray's buffer
        if not buffer._contiguous:
            raise ValueError("ndarray is not contiguous")
        if offset % to.itemsize:
            raise ValueError(f"zeronn's offsets count whole elements: {offset} is not a multiple of {to.itemsize}")
        storage, start = buffer._storage, buffer._offset + offset // to.itemsize
        base, writeable = buffer, buffer._writeable
        if buffer._dtype is not to:  # its bytes read as another dtype: shared, where they are bytes
            shared: Any = storage
            if buffers.is_shared(storage):
                shared = memoryview(shared)[buffer._offset : buffer._offset + buffer.size]
            storage, start = buffers.reinterpreted(shared, buffer._dtype, to), offset // to.itemsize
    else:
        if offset < 0:
            raise ValueError(f"offset must be non-negative and no greater than buffer length, got {offset}")
        count = max((memoryview(buffer).nbytes - offset) // to.itemsize, 0)
        storage, writeable = buffers.over_buffer(buffer, to, offset, count)
        base = buffer
    try:
        _check_reach(len(storage), lengths, element_strides, start, "")
    except ValueError:
        if buffer is None:
            raise ValueError("strides is incompatible with shape of requested array and size of buffer") from None
        raise TypeError("buffer is too small for requested array") from None
    return _make(storage, lengths, element_strides, start, to, writeable, base=base)


def _refuse_subclass(cls: type) -> None:
    """Refuse to make an instance of a subclass of ``Tensor``. NumPy keeps an ndarray
    subclass through views, indexing, ufuncs and the functions (``__array_finalize__``,
    ``__array_wrap__``); zeronn's operations make plain tensors, so a subclass would turn
    into a ``Tensor`` somewhere along the way without a word: a silent difference."""
    raise TypeError(
        f"zeronn does not model subclasses of Tensor (NumPy's ndarray subclasses): {cls.__name__} "
        "would not survive its operations, which make plain tensors; keep a Tensor in an attribute instead"
    )


def elements(t: Tensor) -> Storage:
    """The elements of ``t`` in row-major order, as a flat sequence to read, never to change.

    It is ``t``'s storage itself when ``t`` is a contiguous whole (no copy at all), a
    slice of it when ``t`` is contiguous, and a new list gathered through the strides
    otherwise. The kernels and the other modules read tensors through this.

    >>> x = tensor([[1, 2, 3], [4, 5, 6]])
    >>> elements(x), elements(x[1]), elements(x.T)
    ([1, 2, 3, 4, 5, 6], [4, 5, 6], [1, 4, 2, 5, 3, 6])
    """
    storage, offset, size = t._storage, t._offset, math.prod(t._shape)
    if t._contiguous:
        return storage if len(storage) == size else storage[offset : offset + size]  # (the whole: offset 0)
    return _gathered(t)


def _gathered(t: Tensor) -> List[Any]:
    """The elements of a strided view, in row-major order: each innermost run is one slice."""
    storage, offset = t._storage, t._offset
    *outer_shape, length = t._shape  # (0-d and empty tensors are contiguous)
    *outer_strides, step = t._strides
    values: List[Any] = []
    for start in offsets_of(tuple(outer_shape), tuple(outer_strides), offset):
        stop = start + length * step
        values.extend(storage[start : stop if stop >= 0 else None : step] if step else [storage[start]] * length)
    return values


def _float64_sum(t: Tensor, axis: Any) -> Any:
    """``t.sum(axis)`` of a row-major float64 tensor, all of it or along an axis of a
    matrix, in NumPy's order of additions (what ``_float_sum`` does for these, in fewer
    steps): pairwise along the rows (``kernels.pairwise_sum``), one row after another down
    the columns (``reductions.add_rows``). ``None`` for anything else, and for a result
    that is not finite (NumPy's "overflow encountered in reduce" is ``_float_sum``'s to report).

    >>> _float64_sum(tensor([[1.0, 2.0], [3.0, 4.0]]), 0), _float64_sum(tensor([0.1] * 10), None)
    (tensor([4., 6.]), 1.0)
    >>> _float64_sum(tensor([[1.0], [2.0]]), 0) is None      # a column: the general sum's
    True
    """
    values = elements(t)
    if axis is None:
        total = kernels.pairwise_sum(values)
        return total if math.isfinite(total) else None
    if len(t._shape) != 2 or type(axis) is not int or not -2 <= axis <= 1 or 0 in t._shape or t._shape[1] == 1:
        return None  # (a column's elements are one run in memory: NumPy sums it pairwise, as _float_sum does)
    rows, length = t._shape
    if axis in (1, -1):  # each row's sum
        sums, shape = kernels.pairwise_sums(values, length), (rows,)
    else:  # each column's sum: the rows added one after another
        each_row: List[Sequence[float]] = [values[start : start + length] for start in range(0, rows * length, length)]
        sums, shape = reductions.add_rows(each_row), (length,)
    return _new(sums, shape, float64) if math.isfinite(builtins.sum(sums)) else None


def _is_own_mask(key: Any, t: Tensor) -> bool:
    """Whether ``key`` is a row-major bool tensor of ``t``'s own shape (``t[t > 0]``), ``t`` row-major too."""
    return type(key) is Tensor and key._dtype is bool_ and key._shape == t._shape and key._contiguous and t._contiguous


def _is_float64_number(value: Any, t: Tensor) -> bool:
    """Whether ``value`` is a Python float, or an int that float64 holds, and ``t`` is float64."""
    kind = type(value)
    return t._dtype is float64 and (kind is float or (kind is int and -_FLOAT64_INTS < value < _FLOAT64_INTS))


def _picked_pairs(t: Tensor, key: Any) -> Optional[Tensor]:
    """``t[rows, columns]`` for a row-major matrix ``t`` and two int64 vectors of one length
    (the book's ``y[np.arange(batch_size), t]``): element ``(rows[k], columns[k])`` for each
    ``k``. ``None`` for any other key, or an index out of bounds (``indexing.py`` says which)."""
    if type(key) is not tuple or len(key) != 2 or len(t._shape) != 2 or not t._contiguous:
        return None
    rows, columns = key
    if not (type(rows) is Tensor and type(columns) is Tensor and rows._dtype is int64 and columns._dtype is int64
            and len(rows._shape) == 1 and rows._shape == columns._shape):
        return None
    height, width = t._shape
    row_values, column_values = elements(rows), elements(columns)
    if row_values and not (-height <= min(row_values) and max(row_values) < height
                           and -width <= min(column_values) and max(column_values) < width):
        return None
    storage, offset = t._storage, t._offset
    picked = [storage[offset + (r % height) * width + c % width] for r, c in zip(row_values, column_values)]
    return _new(t._dtype.storage(picked) if t._dtype.typecode else picked, rows._shape, t._dtype)


def fused(kernel: Callable[..., List[float]], x: Any, axis: Optional[int] = None) -> Optional[Tensor]:
    """A fused kernel (``kernels.sigmoid``) run on a float64 tensor ``x`` of at least one
    axis: ``kernel(elements(x))`` as a new tensor of ``x``'s shape. A kernel of rows
    (``kernels.softmax_rows``) is given the ``axis`` they run along, which must be the
    last, and is called ``kernel(elements(x), length of a row)``, rows of none excepted.
    ``None`` for anything else, and in plain mode: the caller then computes its formula
    step by step.

    >>> fused(kernels.sigmoid, tensor([0.0, 1000.0])), fused(kernels.sigmoid, tensor([0, 1]))
    (tensor([0.5, 1. ]), None)
    >>> fused(kernels.softmax_rows, tensor([[1.0, 1.0]]), axis=-1), fused(kernels.softmax_rows, tensor([[1.0]]), axis=0)
    (tensor([[0.5, 0.5]]), None)
    """
    if type(x) is not Tensor or x._dtype is not float64 or not x._shape or kernels.plain_mode_on:
        return None
    if axis is None:
        return _new(kernel(elements(x)), x._shape, float64)
    if type(axis) is not int or axis not in (-1, len(x._shape) - 1) or 0 in x._shape:
        return None
    return _new(kernel(elements(x), x._shape[-1]), x._shape, float64)


def write(t: Tensor, values: Sequence[Any]) -> None:
    """Write ``values`` (row-major, already of ``t``'s dtype) into ``t``'s elements, in place.

    A contiguous tensor takes them in one slice assignment; a strided view element by
    element. Views of the same storage see the change, as in NumPy.
    """
    storage = t._storage
    if t._contiguous:
        if isinstance(storage, memoryview) and not isinstance(values, typed_array):
            values = typed_array(storage.format, values)
        storage[t._offset : t._offset + len(values)] = values
    else:
        for offset, value in zip(offsets_of(t._shape, t._strides, t._offset), values):
            storage[offset] = value


def _gather(storage: Storage, offsets: List[int]) -> List[Any]:
    """The elements at ``offsets``: ``itemgetter`` fetches them at C speed."""
    if len(offsets) > 1:
        return list(operator.itemgetter(*offsets)(storage))
    return [storage[offset] for offset in offsets]


def _assignable(value: Any, shape: Shape, dtype: DType, key: str) -> Storage:
    """``value`` as ``size_of(shape)`` elements of ``dtype``, broadcast to ``shape``: what
    assignment writes. It is always a new container, so it never aliases the target.

    What NumPy accepts depends on the ``key`` that selected ``shape``:

    - ``"element"`` (``t[1, 2] = v``): one number, or a 0-d tensor;
    - ``"view"`` (``t[0] = v``, ``t[:, 1:] = v``): a nested list no deeper than the view;
      a tensor with more axes, if the extra leading ones have length 1;
    - ``"picked"`` (``t[[0, 2]] = v``): anything whose shape broadcasts, leading 1s dropped;
    - ``"mask"`` (``t[t > 0] = v``, a mask of ``t``'s whole shape): a 0-d or 1-d value,
      of one element or of one per ``True``.
    """
    if _is_scalar(value):
        return dtype.storage([casting.cast_scalar(value, dtype)] * size_of(shape))
    source = value if isinstance(value, Tensor) else tensor(value, dtype)
    if key == "element" and source.ndim:
        raise ValueError("setting an array element with a sequence.")
    if key == "view" and source.ndim > len(shape) and not isinstance(value, Tensor):
        raise ValueError(
            "setting an array element with a sequence. "
            f"The requested array would exceed the maximum number of dimension of {len(shape)}."
        )
    if key == "mask" and source.ndim > 1:
        raise TypeError(
            f"NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, "
            f"input has {source.ndim} dimensions"
        )
    if key == "mask" and source.size not in (1, size_of(shape)):
        raise ValueError(
            f"NumPy boolean array indexing assignment cannot assign {source.size} input values "
            f"to the {size_of(shape)} output values where the mask is true"
        )
    value_shape = source.shape
    while len(value_shape) > len(shape) and value_shape[0] == 1:  # NumPy drops leading 1s
        value_shape = value_shape[1:]
    try:
        fits = broadcast_shapes(value_shape, shape) == shape
    except ValueError:
        fits = False
    if not fits and key == "picked":
        raise ValueError(
            f"shape mismatch: value array of shape {format_shape(source.shape)} could not be broadcast "
            f"to indexing result of shape {format_shape(shape)}"
        )
    if not fits:
        raise ValueError(
            f"could not broadcast input array from shape {format_shape(source.shape)} into shape {format_shape(shape)}"
        )
    values = elements(source)
    if source.dtype is not dtype:
        values = casting.cast_values(values, source.dtype, dtype)
    return dtype.storage(kernels.stretch(values, value_shape, shape))


def _make(
    storage: Storage, shape: Shape, strides: Shape, offset: int, dtype: DType,
    writeable: bool = True, contiguous: Optional[bool] = None, base: Any = None,
) -> Tensor:
    """A tensor over ``storage``, trusted: every tensor inside zeronn is made here. ``base``
    is the tensor a view reads (NumPy's ``base``); the owner of a new storage has none.

    >>> m = _make([1.0, 2.0, 3.0, 4.0], (2, 2), (1, 2), 0, float64)     # read column by column
    >>> m, m._contiguous
    (tensor([[1., 3.],
            [2., 4.]]), False)
    """
    self = object.__new__(Tensor)
    self._storage, self._dtype = storage, dtype
    self._shape, self._strides, self._offset = shape, strides, offset  # [i, j, ...] is at offset + Σ index × stride
    self._contiguous = is_contiguous(shape, strides) if contiguous is None else contiguous
    self._writeable, self._base = writeable, base
    return self


def _base_of(t: Tensor) -> Any:
    """The base of a view of ``t``, as NumPy sets it: ``t``'s own base if that is a tensor
    (a view of a view reads the first one's base), else ``t`` itself."""
    return t._base if isinstance(t._base, Tensor) else t


def _reinterpreted(t: Tensor, to: DType) -> Tensor:
    """``t.view(to)``: ``t``'s bytes read as dtype ``to``, sharing them (see ``Tensor.view``)."""
    old, new = t._dtype.itemsize, to.itemsize
    if old == new and not (buffers.is_shared(t._storage) and to.typecode):  # a list's elements, read as `to`
        read_as: Any = buffers.ReadAs(t._storage, t._dtype, to)  # (a read-only storage)
        return _make(read_as, t._shape, t._strides, t._offset, to, False, base=t._base)
    storage = buffers.reinterpreted(t._storage, t._dtype, to)
    if old == new:
        return _make(storage, t._shape, t._strides, t._offset, to, t._writeable, base=t._base)
    if not t._shape:
        raise ValueError("Changing the dtype of a 0d array is only supported if the itemsize is unchanged")
    if t._shape[-1] != 1 and t._strides[-1] != 1:
        raise ValueError("To change to a dtype of a different size, the last axis must be contiguous")
    last = t._shape[-1] * old
    if last % new:
        raise ValueError(
            "When changing to a larger dtype, its size must be a divisor of the total size in bytes "
            "of the last axis of the array."
        )
    byte_strides = [step * old for step in t._strides[:-1]]
    if t._offset * old % new or any(step % new for step in byte_strides):
        raise ValueError(
            f"zeronn's strides count whole elements: this view's layout in bytes does not fall on "
            f"{to} boundaries, so it cannot be read as {to}"
        )
    shape = t._shape[:-1] + (last // new,)
    strides = tuple(step // new for step in byte_strides) + (1,)
    return _make(storage, shape, strides, t._offset * old // new, to, t._writeable, base=t._base)


def _no_fields(order: Any) -> None:
    if order is not None:
        raise ValueError("Cannot specify order when the array has no fields.")


class _Interface:
    """An object with only an ``__array_interface__``: what ``Tensor.__array__`` hands NumPy."""

    def __init__(self, interface: Dict[str, Any]) -> None:
        self.__array_interface__ = interface


def _order_axes(t: Tensor, order: str) -> List[int]:
    """The axes, outermost first, of a copy of ``t`` laid out in ``order`` ("C", "F", "A", "K")."""
    if order == "K":
        return like_order(t._shape, t._strides)
    if order == "F" or (order == "A" and is_f_contiguous(t._shape, t._strides) and not t._contiguous):
        return list(reversed(range(t.ndim)))
    return list(range(t.ndim))


def _in_memory_order(t: Tensor) -> Tensor:
    """A view of ``t`` with its axes in the order they lie in memory and none running
    backwards: what ``ravel("K")`` reads row by row (NumPy's "K" order)."""
    flips = tuple(slice(None, None, -1) if step < 0 else slice(None) for step in t._strides)
    forwards: Tensor = t[flips + (Ellipsis,)]  # (the Ellipsis keeps a 0-d tensor a tensor)
    return forwards.transpose(*like_order(forwards._shape, forwards._strides))


def _owning(t: Tensor) -> Tensor:
    """``t``, a view of a temporary that nothing else holds (a result computed in another memory
    order and transposed back), made the owner of its storage, as NumPy's result is."""
    t._base = None
    return t


def _new(storage: Storage, shape: Shape, dtype: DType, writeable: bool = True) -> Tensor:
    """A tensor that owns ``storage``, its elements in row-major order: ``_make``'s usual
    case, which every result is. Nothing is checked: the caller made the storage right
    (``tensor()`` is the constructor that checks).

    >>> t = _new([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], (2, 3), float64)
    >>> t, t._strides, t.strides            # strides in elements, and in bytes as NumPy reports them
    (tensor([[1., 2., 3.],
            [4., 5., 6.]]), (3, 1), (24, 8))
    """
    return _make(storage, shape, strides_of(shape), 0, dtype, writeable, True)


def _is_the_view(value: Any, storage: Storage, selected: indexing.View) -> bool:
    """Whether ``value`` is a view of exactly the elements ``selected`` picks from ``storage``."""
    return (
        isinstance(value, Tensor) and value._storage is storage and value._offset == selected.offset
        and value._shape == selected.shape and value._strides == selected.strides
    )


def rebuild_tensor(name: str, shape: Tuple[int, ...], payload: bytes, fortran: bool = False) -> Tensor:
    """A tensor from what ``Tensor.__reduce__`` stored, checked before anything is built
    (``fortran``: the bytes hold the elements column by column).

    >>> rebuild_tensor("int64", (2,), bytes([1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0]))
    tensor([1, 2])
    >>> rebuild_tensor("int64", (3,), bytes(8))
    Traceback (most recent call last):
    ...
    ValueError: cannot unpickle a tensor of shape (3,) and dtype int64 from this data
    """
    to = dtypes.dtype(name)
    if not isinstance(shape, tuple) or not all(type(n) is int and n >= 0 for n in shape):
        raise ValueError(f"cannot unpickle a tensor of shape {shape!r}")
    if not isinstance(payload, bytes) or len(payload) != size_of(shape) * to.itemsize:
        raise ValueError(f"cannot unpickle a tensor of shape {shape} and dtype {name} from this data")
    if fortran is True:  # (anything else but False is refused: a pickle is untrusted data)
        return _owning(Tensor.from_storage(to.from_bytes(payload), shape[::-1], to).transpose())
    if fortran is not False:
        raise ValueError(f"cannot unpickle a tensor with the order flag {fortran!r}")
    return Tensor.from_storage(to.from_bytes(payload), shape, to)


# ---------------------------------------------------------------------------
# Elementwise operations: NumPy's ufuncs
# ---------------------------------------------------------------------------
#
# ``a + b`` runs ``Tensor.__add__`` -> ``_operator`` (``np.add(a, b)`` runs ``elementwise``),
# which asks one question first (``_is_common_case``): is this the case a network meets
# nearly always? Float64 tensors laid out row-major, of one shape, or a row against a
# matrix, or one of them a Python number. Then ``_float64`` computes it: one ``kernels.binary`` over the two storages,
# one look at the results for NumPy's floating-point errors (``loops.check``: a single
# ``sum`` when they are all numbers), one new tensor. Everything else goes through
# ``_any_dtypes``: NumPy's promotion rules for every dtype and for Python numbers
# (NEP 50), broadcasting of any shapes, and the memory layout of strided operands. Both
# compute an element with the same functions (``loops.kernel``), so they give the same
# answers.


# The types say ``Tensor`` where a tensor comes back for tensors of at least one
# dimension; a 0-d result is a Python number at run time (NumPy's scalar), which the
# types do not follow, as NumPy's own stubs do not. Where the kind of result depends on
# the operands' dimensions (an index, a reduction along an axis), they say ``Any``.
@overload
def elementwise(name: str, x1: Tensor, x2: Any) -> Tensor: ...
@overload
def elementwise(name: str, x1: Any, x2: Tensor) -> Tensor: ...
@overload
def elementwise(name: str, x1: Any, x2: Any) -> Any: ...
def elementwise(name: str, x1: Any, x2: Any) -> Any:
    """NumPy's ufunc ``name`` (``"add"``, ``"maximum"``, ``"less"``, ...) of ``x1`` and ``x2``.

    Either side may be a tensor, a Python number or nested lists. The shapes broadcast
    and the dtypes promote by NumPy's rules; the result is a tensor, or a Python number
    when it is 0-d (where NumPy gives a scalar). Every operator of ``Tensor`` is a call to
    this function.

    >>> elementwise("maximum", tensor([[1], [5]]), tensor([2, 3, 4]))
    tensor([[2, 3, 4],
            [5, 5, 5]])
    >>> elementwise("add", tensor([1, 2]), tensor([1, 2, 3]))
    Traceback (most recent call last):
    ...
    ValueError: operands could not be broadcast together with shapes (2,) (3,)
    """
    if name in loops.FLOAT64 and _is_common_case(x1, x2):
        return _float64(name, x1, x2)
    return _any_dtypes(name, x1, x2)


def _is_common_case(x1: Any, x2: Any, any_layout: bool = False) -> bool:
    """Whether ``x1`` and ``x2`` are row-major float64 tensors, one shape the other's or its
    trailing part (a row against a matrix, a 0-d tensor against anything), or one such
    tensor and a Python float or int: the case ``_float64`` computes. (``any_layout``: strided
    views too, for a result whose layout does not matter, as an in-place one's.)

    >>> m = tensor([[1.0, 2.0], [3.0, 4.0]])
    >>> _is_common_case(m, tensor([1.0, 2.0])), _is_common_case(m, 2), _is_common_case(m, tensor([1, 2]))
    (True, True, False)
    >>> _is_common_case(m.T, 1.0), _is_common_case(m.T, 1.0, any_layout=True)
    (False, True)
    """
    if type(x1) is not Tensor or type(x2) is not Tensor:  # a tensor and a number, which NumPy makes float64
        t, number = (x1, x2) if type(x1) is Tensor else (x2, x1)
        return type(t) is Tensor and _is_float64_number(number, t) and (t._contiguous or any_layout)
    if x1._dtype is not float64 or x2._dtype is not float64 or not (x1._contiguous and x2._contiguous or any_layout):
        return False
    shape1, shape2 = x1._shape, x2._shape
    return shape1[len(shape1) - len(shape2) :] == shape2 or shape2[len(shape2) - len(shape1) :] == shape1


_FLOAT64_INTS = 2**1023  # (an int beyond, which float() may not convert, goes the general way)


def _float64(name: str, x1: Any, x2: Any) -> Any:
    """``x1 <name> x2`` in the common case: the ufunc's Python function (its float64
    kernel) over the two storages, the shorter one (a row, a number) repeated along the
    longer by ``kernels.binary``, NumPy's floating-point errors reported, one new tensor.

    >>> _float64("multiply", tensor([[1.0, 2.0], [3.0, 4.0]]), tensor([10.0, 100.0]))    # a row, cycled
    tensor([[ 10., 200.],
           [ 30., 400.]])
    """
    kernel = loops.FLOAT64[name]
    left = elements(x1) if type(x1) is Tensor else [float(x1)]  # NumPy converts the number to float64
    right = elements(x2) if type(x2) is Tensor else [float(x2)]
    binary = _maximum if name == "maximum" else kernels.binary  # (maximum has its own kernel against a number)
    values = binary(kernel.fast, kernel.safe, left, right)
    # Every result a number (their sum is finite only then) and underflow ignored, as by
    # default: nothing to report, the usual case. Else NumPy's flags, element by element.
    if kernel.out is float64 and (not math.isfinite(sum(values)) or float_errors.watching_under()):
        loops.check(name, values, (left, right), float64)
    longer = x1 if type(x2) is not Tensor or (type(x1) is Tensor and len(x1._shape) >= len(x2._shape)) else x2
    return _new(values, longer._shape, kernel.out) if longer._shape else values[0]


def _maximum(
    fast: Callable[..., Any], safe: Callable[..., Any], left: Sequence[Any], right: Sequence[Any]
) -> List[Any]:
    """``kernels.binary`` for ``maximum``: against one number (the book's ``relu``,
    ``maximum(0, x)``) its own kernel, without a function call per element.

    >>> _maximum(max, ieee.maximum, [0.0], [-1.0, 2.0, float("nan")])
    [0.0, 2.0, nan]
    """
    if len(left) == 1 or len(right) == 1:
        scalar_first = len(left) == 1
        values, scalar = (right, left[0]) if scalar_first else (left, right[0])
        return kernels.maximum_with_scalar(values, scalar, scalar_first)
    return kernels.binary(fast, safe, left, right)


def _any_dtypes(name: str, x1: Any, x2: Any) -> Any:
    """``elementwise`` for every case: any dtypes (with NumPy's promotion, NEP 50 for
    Python numbers), any broadcast, any memory layout."""
    left = x1 if _is_weak(x1) else as_tensor(x1)
    right = x2 if _is_weak(x2) else as_tensor(x2)
    loop = _loop_dtype(name, left, right)
    shape = broadcast_shapes(*(x._shape for x in (left, right) if isinstance(x, Tensor)))
    if shape != getattr(left, "_shape", None) and shape != getattr(right, "_shape", None):
        dtypes.check_fits(shape, loop)  # broadcasting made a larger shape than either operand's
    order = _memory_order([left, right], shape, loop)
    if order is None:
        return _result(*_compute(name, left, right, loop))
    computed = _result(*_compute(name, _permuted(left, order), _permuted(right, order), loop))
    return _owning(computed.transpose(*_inverse(order)))


def _compute(name: str, left: Any, right: Any, loop: DType) -> Tuple[Storage, Shape, DType]:
    """The elements (row-major), shape and dtype of ``left <name> right`` (tensors or
    Python numbers), computed in dtype ``loop`` by ``loops.kernel(name, loop)``."""
    left_values, left_shape = _operand_values(left, loop)
    right_values, right_shape = _operand_values(right, loop)
    shape = broadcast_shapes(left_shape, right_shape)
    fast, safe, out = loops.kernel(name, loop)
    if name == "power" and loop.kind == "f" and len(right_values) == 1 and (not right_shape or right_shape != shape):
        # One exponent for the whole loop, which NumPy's loop reads with stride 0: see there
        fast, safe = loops.power_of_one_number(right_values[0]) or (fast, safe)
    # One number is repeated by the kernel itself; any other operand is stretched first.
    if len(left_values) != 1:
        left_values = kernels.stretch(left_values, left_shape, shape)
    if len(right_values) != 1:
        right_values = kernels.stretch(right_values, right_shape, shape)
    values = (_maximum if name == "maximum" else kernels.binary)(fast, safe, left_values, right_values)
    return _stored(name, values, (left_values, right_values), loop, out), shape, out


@overload
def unary(name: str, x: Tensor) -> Tensor: ...
@overload
def unary(name: str, x: Any) -> Any: ...
def unary(name: str, x: Any) -> Any:
    """NumPy's one-argument ufunc ``name`` (``"exp"``, ``"sqrt"``, ``"negative"``,
    ``"isnan"``, ... every one in ``loops.UFUNCS``) of ``x``: a tensor, or a Python number
    for a 0-d result. ``loops.py`` says in which dtype it computes.

    >>> unary("exp", [0.0, 1.0]), unary("sqrt", 4), unary("isnan", [1.0, float("nan")])
    (tensor([1.        , 2.71828183]), 2.0, tensor([False,  True]))
    """
    x = as_tensor(x)
    if name in loops.FLOAT64 and x._dtype is float64 and x._contiguous:  # the common case, as in elementwise
        fast, safe, out = loops.FLOAT64[name]
        values = elements(x)
        result = kernels.unary(fast, safe, values)
        if out is float64 and (not math.isfinite(sum(result)) or float_errors.watching_under()):
            loops.check(name, result, (values,), float64)  # NumPy's flags, as in _float64
        return _new(result, x._shape, out) if x._shape else result[0]
    return _unary_any(name, x)


def _unary_any(name: str, x: Tensor) -> Any:
    """``unary`` in every case: any dtype (computed in the dtype ``loops.py`` says), any layout."""
    dtype = x._dtype
    loop = dtype if dtype in loops.NATIVE[name] else loops.unary_loop(name, dtype)
    order = None if x._contiguous else _memory_order([x], x._shape, loop)
    if order is None:  # the result row-major, as the tensor is
        return _result(*_unary(name, x, loop))
    computed = _result(*_unary(name, _permuted(x, order), loop))
    return _owning(computed.transpose(*_inverse(order)))


def _unary(name: str, x: Tensor, loop: DType) -> Tuple[Storage, Shape, DType]:
    """The elements (row-major), shape and dtype of ``unary(name, x)``, computed in dtype ``loop``."""
    fast, safe, out = loops.kernel(name, loop)
    values: Sequence[Any] = elements(x)
    if loop is not x._dtype:
        values = casting.cast_values(values, x._dtype, loop)
    result = kernels.unary(fast, safe, values)
    return _stored(name, result, (values,), loop, out), x._shape, out


def _stored(name: str, values: List[Any], operands: Tuple[Sequence[Any], ...], loop: DType, out: DType) -> Storage:
    """A loop's ``values`` as the storage of dtype ``out``, with NumPy's floating-point errors
    reported (``loops.check``): integers are looked at exact and then wrapped, as C's wrap;
    floats once stored, where float32 has rounded them (``1e39`` is ``inf`` there)."""
    if out.kind in "iu":
        loops.check(name, values, operands, loop)
        return out.storage(casting.wrap(values, out))
    # (a list dtype keeps the new list; float16, kept in a list, is rounded as it is stored)
    stored = out.storage(values) if out.typecode or out is dtypes.float16 else values
    loops.check(name, stored, operands, loop)
    return stored


def _memory_order(operands: List[Any], shape: Shape, loop: DType) -> Optional[List[int]]:
    """The axes, outermost first, in which NumPy lays out the result of an elementwise
    operation, or ``None`` when that is plain row-major order (the usual case).

    NumPy gives the result the memory order of its operands (``layout.memory_order``):
    ``x.T + 1`` is laid out as ``x.T`` is. Row-major operands go straight through;
    otherwise ``elementwise`` computes on the operands transposed into that order (views),
    and transposes the result back (a view again). ``loop`` is the dtype the operands are
    computed in: NumPy's shortcut for operands all of one layout only applies when none
    of them has to be converted first.
    """
    tensors = [t for t in operands if isinstance(t, Tensor) and t._shape]
    if len(shape) < 2 or all(t._contiguous for t in tensors):  # every vote is for row-major order
        return None
    ndim = len(shape)
    aligned = [t[(None,) * (ndim - t.ndim)] if t.ndim < ndim else t for t in tensors]
    strides = [tuple(0 if length == 1 else stride for length, stride in zip(t._shape, t._strides)) for t in aligned]
    uniform = all(t._shape == shape and t._dtype is loop for t in tensors)
    order = memory_order(shape, strides, uniform)
    return None if order == list(range(ndim)) else order


def _permuted(operand: Any, order: List[int]) -> Any:
    """A tensor operand with leading axes of length 1 added up to ``len(order)`` axes and
    then transposed into ``order`` (a view); a number or a 0-d tensor as it is."""
    if not isinstance(operand, Tensor) or not operand._shape:
        return operand
    return operand[(None,) * (len(order) - operand.ndim)].transpose(*order)


def _inverse(order: List[int]) -> List[int]:
    """The permutation that undoes ``order``: ``t.transpose(order).transpose(_inverse(order))`` is ``t``."""
    return [order.index(axis) for axis in range(len(order))]


@overload
def _operator(name: str, left: Tensor, right: Any) -> Tensor: ...
@overload
def _operator(name: str, left: Any, right: Tensor) -> Tensor: ...
def _operator(name: str, left: Any, right: Any) -> Any:
    """``elementwise`` for the operators: ``NotImplemented`` for operands we do not know,
    so that Python can ask the other operand (or raise its usual ``TypeError``).

    ``==`` and ``!=`` with something that is no number (``t == None``) compare every
    element unequal, as NumPy 2 does.

    >>> _operator("add", tensor([1.0, 2.0]), 1), _operator("add", tensor([1.0]), "x")
    (tensor([2., 3.]), NotImplemented)
    >>> _operator("equal", tensor([1, 2]), None)
    tensor([False, False])
    """
    if name in loops.FLOAT64 and _is_common_case(left, right):  # float64 tensors, or one and a number
        return _float64(name, left, right)
    return _operator_any(name, left, right)


def _operator_any(name: str, left: Any, right: Any) -> Any:
    """``_operator`` for every case but the common one."""
    if type(left) in _OPERAND_TYPES and type(right) in _OPERAND_TYPES:  # operands NumPy knows, at once
        return _any_dtypes(name, left, right)
    for operand in (left, right):
        if not isinstance(operand, (Tensor, bool, int, float, list, tuple, range)):
            if name in ("equal", "not_equal"):
                t = left if isinstance(left, Tensor) else right
                return _result(bool_.storage([name == "not_equal"] * t.size), t.shape, bool_)
            return NotImplemented
    return elementwise(name, left, right)


_OPERAND_TYPES = frozenset({Tensor, float, int, bool, list, tuple, range})

# The in-place operators that ``_update`` computes as ``_float64`` does, when the operands are its common case.
_FLOAT64_IN_PLACE = frozenset({"add", "subtract", "multiply", "divide", "floor_divide", "remainder"})

_NUMBERS = (int, float)


def _loop_dtype(name: str, left: Any, right: Any) -> DType:
    """The dtype NumPy computes ``left <name> right`` in, to which both operands are converted."""
    if isinstance(left, Tensor) and (  # the usual cases first: one dtype, or floats with a Python number
        (isinstance(right, Tensor) and right._dtype is left._dtype)
        or (type(right) in _NUMBERS and left._dtype.kind == "f")
    ):
        common = left._dtype
    elif type(left) in _NUMBERS and isinstance(right, Tensor) and right._dtype.kind == "f":
        common = right._dtype
    else:
        common = _promoted(name, left, right)
    if common in loops.NATIVE[name]:  # the usual case: NumPy has a loop for the common dtype itself
        return common
    return loops.loop_dtype(name, common, left, right)  # the ufunc's own rule (loops.py)


def _promoted(name: str, left: Any, right: Any) -> DType:
    """``dtypes.operation_type`` of the operands, and what a too-large Python int means for ``name``."""
    try:
        return dtypes.operation_type(left, right)
    except dtypes.IntegerOutOfBoundsError:
        if name == "divide":
            return float64  # the Python int goes straight to float64, as the integers do
        if name not in loops.COMPARISONS:
            raise
        held = left if isinstance(left, Tensor) else right
        return held.dtype if isinstance(held, Tensor) else int64  # ints compare exactly (two Python ints too)


def _operand_values(operand: Any, common: DType) -> Tuple[Sequence[Any], Shape]:
    """An operand's elements as Python numbers of ``common``'s kind, and its shape.

    NumPy converts each operand to the common dtype before the loop runs: ints meeting
    floats become floats, bools meeting ints become ints, and a Python float meeting
    float32 is first rounded to float32.
    """
    if not isinstance(operand, Tensor):  # a Python number, already checked by result_type
        try:
            value = common.type(operand)
        except OverflowError:
            raise dtypes.IntegerOutOfBoundsError(
                f"Python integer {dtypes.describe_int(operand)} out of bounds for {common}"
            ) from None
        rounded = casting.rounder(common)
        return [rounded(value) if rounded is not None else value], ()
    values = elements(operand)
    if operand.dtype.type is common.type:  # bool, int or float elements already
        return values, operand.shape
    return list(map(common.type, values)), operand.shape


def _result(values: Storage, shape: Shape, dtype: DType) -> Any:
    """A tensor of ``values``, or its one element as a Python number when ``shape`` is ``()``."""
    if not shape:
        return values[0]
    return _new(values, shape, dtype)


def _as_storage(result: Any, dtype: DType) -> Storage:
    """The elements of a result that may be a tensor or (for a 0-d one) a Python number."""
    return elements(result) if isinstance(result, Tensor) else dtype.storage([result])


# NumPy's scalar types by dtype (``np.int8``, ...), for the one place a tensor gives one of
# them: ``t[()]`` of a 0-d tensor. ``scalars.py``, above this module, fills it in.
SCALAR_TYPES: Dict[DType, Callable[[Any], Any]] = {}


def _same(value: Any) -> Any:
    return value


_IN_PLACE_BLOCK = 1 << 20  # elements updated at once in place with a number (see _update_any)


def _is_scalar(x: Any) -> bool:
    return isinstance(x, (bool, int, float)) and not isinstance(x, Tensor)


def _is_weak(x: Any) -> bool:
    """Whether ``x`` is a Python number, which NEP 50 calls weak: not one of NumPy's scalars
    (``np.int8(5)``, an ``int`` that carries its dtype, see ``scalars.py``), which are strong."""
    return _is_scalar(x) and _scalar_dtype(x) is None


def _scalar_dtype(x: Any) -> Optional[DType]:
    """The dtype of one of NumPy's scalars (``scalars.py``: its type names one), else ``None``."""
    dtype = getattr(type(x), "dtype", None)
    return dtype if isinstance(dtype, DType) else None


# ---------------------------------------------------------------------------
# What the reductions share: axes, masks, and writing into ``out``
# ---------------------------------------------------------------------------


def _axes(axis: Axis, ndim: int) -> Tuple[int, ...]:
    """``axis`` as a sorted tuple of axes, each checked: None means every axis.

    >>> _axes(None, 3), _axes(-1, 3), _axes((2, 0), 3)
    ((0, 1, 2), (2,), (0, 2))
    >>> _axes((0, -2), 2)
    Traceback (most recent call last):
    ...
    ValueError: duplicate value in 'axis'
    """
    if axis is None:
        return tuple(range(ndim))
    given = (axis,) if not isinstance(axis, (tuple, list)) else tuple(axis)
    axes = [normalize_axis(a, ndim) for a in given]
    if len(set(axes)) != len(axes):
        raise ValueError("duplicate value in 'axis'")
    return tuple(sorted(axes))


def _kept_shape(shape: Shape, axes: Tuple[int, ...]) -> Shape:
    """``shape`` with a 1 for each reduced axis: what ``keepdims=True`` gives."""
    return tuple(1 if axis in axes else length for axis, length in enumerate(shape))


def _broadcast_mask(where: Any, shape: Shape) -> Tensor:
    """A reduction's ``where=`` as a bool tensor of ``shape`` (it must broadcast to it)."""
    mask = as_tensor(where)
    if mask.dtype is not bool_:
        mask = mask.astype(bool_)
    if broadcast_shapes(mask.shape, shape) != shape:
        raise ValueError(
            f"operands could not be broadcast together with shapes {format_shape(mask.shape)} {format_shape(shape)}"
        )
    return _new(bool_.storage(kernels.stretch(elements(mask), mask.shape, shape)), shape, bool_)


def _extreme(name: str, initial: Optional[Number]) -> Callable[[Sequence[Any]], Any]:
    """``max``'s or ``min``'s lane function, with ``initial`` taking part when given."""
    extreme_of = reductions.extreme(name)
    if initial is None:
        return extreme_of
    return lambda lane: extreme_of([initial, *lane])


def _all_finite(result: Any) -> bool:
    """Whether a float result (a tensor, a list or a number) holds no ``inf`` and no NaN: one
    C-speed ``sum``, finite only then (or overflowed, which costs a closer look for nothing)."""
    if type(result) is float:
        return math.isfinite(result)
    values = elements(result) if isinstance(result, Tensor) else result if isinstance(result, list) else [result]
    return math.isfinite(sum(values))


def _running_errors(values: Sequence[Any], totals: Sequence[Any]) -> List[str]:
    """The flags of running totals (``cumsum``, ``cumprod``) that are not all finite: NaN
    from numbers is ``invalid``, infinity from finite numbers ``over`` (judged over the
    whole tensor, not lane by lane)."""
    flags = []
    if any(total != total for total in totals) and not any(value != value for value in values):
        flags.append("invalid")
    if any(map(math.isinf, totals)) and all(map(math.isfinite, values)):
        flags.append("over")
    return flags


def _into(out: Any, result: Any, name: str) -> Tensor:
    """Write a reduction's ``result`` into ``out`` (cast as NumPy casts a reduction's
    output, unsafely) and return ``out``, as NumPy's ``out=`` does."""
    if not isinstance(out, Tensor):
        raise TypeError(f"output must be an array, got {type(out).__name__}")
    shape = result.shape if isinstance(result, Tensor) else ()
    if out.ndim != len(shape):
        raise ValueError(
            f"output parameter for reduction operation {name} has the wrong number of dimensions: "
            f"Found {out.ndim} but expected {len(shape)}"
        )
    if out.shape != shape:
        raise ValueError(
            f"output parameter for reduction operation {name} has a non-matching shape: "
            f"{format_shape(out.shape)}, expected {format_shape(shape)}"
        )
    out[...] = result
    return out


# ---------------------------------------------------------------------------
# The dot product
# ---------------------------------------------------------------------------


def dot(a: Any, b: Any) -> Any:
    """``np.dot`` for 0-d to 2-d tensors (or nested lists): the matrix product, a number
    for two vectors, the elementwise product with a 0-d tensor or a number.

    >>> dot([1.0, 0.5], [[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]])
    tensor([0.2, 0.5, 0.8])
    >>> dot([1, 2, 3], [4, 5, 6]), dot([-0.0], [1.0])
    (32, -0.0)
    >>> dot([[1, 2, 3]], [1, 2])
    Traceback (most recent call last):
    ...
    ValueError: shapes (1,3) and (2,) not aligned: 3 (dim 1) != 2 (dim 0)
    """
    return _dot(as_tensor(a), as_tensor(b), keep_single_term=True)


def _dot(left: Tensor, right: Tensor, keep_single_term: bool) -> Any:
    """``np.dot`` (``keep_single_term``) or ``np.matmul`` of tensors of up to 2 axes.

    The usual case first: float64 matrices or vectors, at least two terms to a sum. The
    left operand goes to ``kernels.dot`` row by row, the right one as its elements row
    by row, ``width`` to a row (a vector is one column).

    >>> _dot(tensor([1.0, 0.5]), tensor([[0.1, 0.3], [0.2, 0.4]]), keep_single_term=True)   # (2,) · (2, 2)
    tensor([0.2, 0.5])
    >>> _dot(tensor([[1.0, 2.0]]), tensor([1.0, 2.0, 3.0]), keep_single_term=True)
    Traceback (most recent call last):
    ...
    ValueError: shapes (1,2) and (3,) not aligned: 2 (dim 1) != 3 (dim 0)
    """
    if len(left._shape) not in (1, 2) or len(right._shape) not in (1, 2) or left._shape[-1] != right._shape[0]:
        return _dot_of_numbers_or_error(left, right, keep_single_term)  # a 0-d operand, or NumPy's error
    shape = left._shape[:-1] + right._shape[1:]
    if left._dtype is not float64 or right._dtype is not float64 or left._shape[-1] < 2 or (
        math.prod(shape) > _SURELY_FITS  # a large product: _dot_any_dtypes asks first whether memory holds it
    ):
        return _dot_any_dtypes(left, right, shape, keep_single_term)
    width = right._shape[1] if len(right._shape) == 2 else 1
    values = kernels.dot(_rows(left), elements(right), width)
    return _new(values, shape, float64) if shape else values[0]


# Fewer elements than this take less than 64 MB as a list: no need to ask the machine.
_SURELY_FITS = 1 << 23


def _rows(t: Tensor) -> Iterable[Sequence[Any]]:
    """The rows of a 1-d (one row) or 2-d tensor, read one at a time, so that the 60,000
    rows of the MNIST training set never all become lists at once: for a tensor held in a
    list, ``map`` slices them out of the storage through the strides as ``kernels.dot`` asks
    for them (no Python code of ours runs between two rows).

    >>> m = tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    >>> list(_rows(m)), list(_rows(m.T))                  # m.T's rows: storage[0::3], storage[1::3], ...
    ([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], [[1.0, 4.0], [2.0, 5.0], [3.0, 6.0]])
    """
    if len(t._shape) == 1:
        return [list(elements(t))]
    (rows, length), (step_row, step) = t._shape, t._strides
    if type(t._storage) is not list or not length or step <= 0:  # an array's rows; a row repeated, or reversed
        return _strided_rows(t)
    starts = [t._offset + row * step_row for row in range(rows)]
    return map(t._storage.__getitem__, [slice(start, start + length * step, step) for start in starts])


def _strided_rows(t: Tensor) -> Iterator[Sequence[Any]]:
    """The rows of a 2-d tensor, read through the strides, one at a time.

    Each is a list, except that a float32 row stays the ``array`` it was sliced as:
    ``kernels.dot`` finds its zeros without turning them into Python floats.
    """
    storage, (rows, length), (step_row, step) = t._storage, t._shape, t._strides
    keep_array = t._dtype is dtypes.float32 and not isinstance(storage, memoryview)
    for row in range(rows):
        start = t._offset + row * step_row
        stop = start + length * step
        if not length:
            yield []
            continue
        line: Any = storage[start : stop if stop >= 0 else None : step] if step else [storage[start]] * length
        yield line if keep_array or type(line) is list else line.tolist()


def _dot_of_numbers_or_error(left: Tensor, right: Tensor, keep_single_term: bool) -> Any:
    """``_dot`` with a 0-d operand (an elementwise product), or the error for more than 2
    axes, or for vectors and matrices whose lengths do not meet."""
    if not left.ndim or not right.ndim:
        product = elementwise("multiply", left, right)
        if isinstance(product, Tensor) and product._dtype.kind == "f" and product.size > 1 and keep_single_term:
            # NumPy's dot scales a float tensor by a number with BLAS's axpy into zeros, which
            # turns a product of -0.0 into +0.0; one element is multiplied plainly.
            return elementwise("add", 0.0, product)
        return product
    if left.ndim > 2 or right.ndim > 2:
        raise ValueError(
            f"dot supports tensors of up to 2 dimensions, got shapes "
            f"{format_shape(left.shape)} and {format_shape(right.shape)}"
        )
    raise ValueError(
        f"shapes {format_shape(left.shape)} and {format_shape(right.shape)} not aligned: "
        f"{left.shape[-1]} (dim {left.ndim - 1}) != {right.shape[0]} (dim 0)"
    )


def _dot_any_dtypes(left: Tensor, right: Tensor, shape: Shape, keep_single_term: bool) -> Any:
    """``_dot`` of aligned tensors of any dtypes, and of sums of one term or none."""
    inner = left.shape[-1]
    out = dtypes.promote_types(left.dtype, right.dtype)
    dtypes.check_fits(shape, out)
    rows = _rows(left)
    right_values = elements(right)  # row-major: (inner, width), a vector being one column
    width = right.shape[1] if right.ndim == 2 else 1
    if inner == 0:
        values: List[Any] = [out.type(0)] * size_of(shape)
    elif inner == 1 and keep_single_term and left.ndim == right.ndim:
        # np.dot of one term is the product itself, whose sign a zero keeps ([-0.0]·[1.0]
        # is -0.0); sums of more terms (and matmul) start from +0.0, as BLAS does.
        values = [row[0] * term for row in rows for term in right_values]
    else:
        values = kernels.dot(rows, right_values, width)
    if out is bool_:
        values = [value != 0 for value in values]
    elif out.kind in "iu":
        values = casting.wrap(values, out)
    return _result(out.storage(values), shape, out)


def _matmul(left: Tensor, right: Tensor) -> Any:
    for position, operand in enumerate((left, right)):
        if operand.ndim == 0:
            raise ValueError(f"matmul: Input operand {position} does not have enough dimensions (has 0)")
    return _dot(left, right, keep_single_term=False)
