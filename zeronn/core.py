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
  (``nested.py`` does the checking); ``Tensor.from_storage(storage, shape, dtype)``: one
  over a flat sequence, uncopied;
- inspection: ``shape``, ``ndim``, ``size``, ``dtype``, ``strides``, ``T``, ``len()``,
  iteration, ``tolist()``, ``item()``; indexing ``t[key]`` and writing ``t[key] = v``
  (the details live in ``indexing.py``);
- arithmetic ``+ - * / // % **``, in place too (``+=``), and comparisons, by NumPy's rules
  for broadcasting and dtypes; reductions ``sum``, ``max``, ``min``, ``mean``,
  ``argmax``, ``any``, ``all`` (computed in ``reductions.py``); ``reshape``, ``ravel``,
  ``flatten``, ``transpose``, ``copy``, ``astype``; ``dot`` and ``@``;
- ``as_tensor(x)``, ``elements(t)``, ``elementwise(name, a, b)``, ``unary(name, x)``:
  what the other modules build on.

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

__all__ = ["Tensor", "Flags", "tensor", "as_tensor", "elements", "write", "rebuild_tensor", "elementwise", "unary"]

import functools
import operator
from array import array
from typing import Any, Callable, Dict, Iterator, List, NamedTuple, Optional, Sequence, Tuple, Union

from . import casting, dtypes, ieee, indexing, kernels, loops, printing, reductions
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
from .layout import is_f_contiguous, like_order, memory_order, reshape_strides, resolve_reshape
from .nested import flatten_nested, nest, python_dtype

Operand = Union["Tensor", Number, Sequence[Any]]


class Tensor:
    """An n-dimensional array of numbers with NumPy's semantics (NumPy's ``ndarray``).

    Make one with ``tensor(...)`` (``Tensor(...)`` is the same). A tensor changes only
    where an ndarray would: ``t[key] = value``, in-place operators, and writes through
    views. zeronn's own functions never change their arguments.

    >>> t = Tensor([[1, 2, 3], [4, 5, 6]])
    >>> t.shape, t.ndim, t.size, t.dtype, t.strides
    ((2, 3), 2, 6, dtype('int64'), (24, 8))
    >>> t[1, -1], t[:, 1]
    (6, tensor([2, 5]))
    """

    # What a tensor is made of. ``tensor()`` (and ``Tensor(...)``, the same) checks the
    # data and makes one; inside zeronn, results already known to be right are made by
    # ``_new`` (a new row-major tensor) and ``_make`` (any layout, a view), which fill in
    # these fields directly, as ``fractions.Fraction`` has a trusted private constructor
    # beside its checking one.
    __slots__ = ("_storage", "_shape", "_strides", "_offset", "_dtype", "_contiguous", "_writeable", "_base")
    __hash__ = None  # type: ignore[assignment]  # == gives a tensor, so no hashing

    _storage: Storage  # the flat sequence of numbers, shared by every view of it
    _shape: Shape
    _strides: Shape  # in elements (storage[offset + i*strides[0] + j*strides[1]]); .strides reports bytes
    _offset: int  # where element [0, 0, ...] lives in the storage
    _dtype: DType
    _contiguous: bool  # the elements are storage[offset : offset + size], in row-major order
    _writeable: bool
    _base: Optional[Tensor]  # for a view, the tensor that owns the storage (NumPy's ``base``); else None

    def __new__(cls, data: Any, dtype: Optional[DTypeLike] = None) -> Tensor:
        return tensor(data, dtype)

    @classmethod
    def from_storage(cls, storage: Storage, shape: Shape, dtype: DTypeLike = float64) -> Tensor:
        """A row-major tensor of ``shape`` over ``storage``, which it uses without copying.

        ``storage`` must be the container ``dtype`` uses (a list for float64, int64 and
        bool; an ``array.array`` of the dtype's C type otherwise, or a ``memoryview`` of
        that type, which makes a read-only tensor if the memory is read-only) and hold
        exactly the tensor's elements. They are trusted to be of the dtype: this is the constructor for
        data already made right, as NumPy's ``ndarray(shape, dtype, buffer)`` is.

        >>> from array import array
        >>> Tensor.from_storage(array("B", [1, 2, 3, 4]), (2, 2), "uint8")
        tensor([[1, 2],
                [3, 4]], dtype=uint8)
        """
        dtype = dtypes.dtype(dtype)
        shape = tuple(shape)
        kind = "a list" if not dtype.typecode else f"an array('{dtype.typecode}')"
        if isinstance(storage, memoryview):
            fits = storage.format == dtype.typecode  # (a list dtype's typecode is "", no memoryview's format)
        elif dtype.typecode:
            fits = isinstance(storage, array) and storage.typecode == dtype.typecode
        else:
            fits = isinstance(storage, list)
        if not fits:
            raise TypeError(f"{dtype} storage must be {kind}, got {type(storage).__name__}")
        if size_of(shape) != len(storage):
            raise ValueError(f"storage of {len(storage)} elements does not fit shape {shape}")
        writeable = not (isinstance(storage, memoryview) and storage.readonly)
        return _new(storage, shape, dtype, writeable)

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
        return size_of(self._shape)

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
        """The transpose, a view: ``transpose()`` with the axes reversed.

        >>> tensor([[1, 2, 3], [4, 5, 6]]).T
        tensor([[1, 4],
                [2, 5],
                [3, 6]])
        """
        return self.transpose()

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
        owner = self if self._base is None else self._base
        shape, strides = self._shape[1:], self._strides[1:]
        return _make(self._storage, shape, strides, offset, self._dtype, self._writeable, base=owner)

    def __getitem__(self, key: Any) -> Any:
        """Index as NumPy does: ``t[i]``, ``t[i, j]``, ``t[1:]``, ``t[:, ::2]``, ``t[..., 0]``
        give views; ``t[[0, 2]]``, ``t[t > 0]``, ``t[rows, cols]`` give copies.

        Indexing every axis with an integer gives a Python number. See ``indexing.py``.

        >>> m = tensor([[1, 2, 3], [4, 5, 6]])
        >>> m[1, 2], m[:, 1:], m[m > 2], m[[0, 1], [2, 0]]
        (6, tensor([[2, 3],
               [5, 6]]), tensor([3, 4, 5, 6]), tensor([3, 4]))
        """
        if type(key) is int and len(self._shape) > 1:  # the fast paths: a row, and one element
            return self._row(indexing.check_index(key, self._shape[0], 0))
        element = self._element_offset(key)
        if element is not None:
            return self._storage[element]
        selected = indexing.select(self._shape, self._strides, self._offset, key, as_tensor)
        if isinstance(selected, indexing.Picked):  # advanced indexing: a copy
            picked = self._dtype.storage(_gather(self._storage, selected.offsets))
            copy = _new(picked, selected.shape, self._dtype)
            order = list(selected.order)
            if order == sorted(order):
                return copy
            laid_out = copy.transpose(*order).copy().transpose(*_inverse(order))  # laid out as NumPy lays it
            # (NumPy's result owns its memory when the index arrays make every axis, else it is a view)
            return _owning(laid_out) if selected.arrays_only else laid_out
        if selected.scalar:
            return self._storage[selected.offset]
        return self._view(selected.shape, selected.strides, selected.offset)

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
        element = self._element_offset(key)
        if element is not None and type(value) is float and self._dtype is float64:  # the book's x[idx] = tmp_val + h
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

    def _view(self, shape: Shape, strides: Shape, offset: int) -> Tensor:
        """A view of this tensor's storage, read-only if this tensor is; its ``base`` is the
        tensor that owns the storage (a view of a view too, as in NumPy)."""
        owner = self if self._base is None else self._base
        return _make(self._storage, shape, strides, offset, self._dtype, self._writeable, base=owner)

    @property
    def flags(self) -> Flags:
        """NumPy's flags that matter here: ``c_contiguous``, ``f_contiguous``, ``writeable``
        and ``owndata`` (false for a view, and for a tensor over bytes it was given).

        ``flags["C_CONTIGUOUS"]`` works too. A tensor made by ``frombuffer`` over bytes is
        read-only, as NumPy's is, and so are the views of a read-only tensor.

        >>> x = tensor([[1, 2], [3, 4]])
        >>> x.flags.c_contiguous, x.T.flags["C_CONTIGUOUS"], x.T.flags.f_contiguous, x.flags.writeable
        (True, False, True, True)
        >>> x.flags["OWNDATA"], x.T.flags.owndata, x.copy().flags.owndata
        (True, False, True)
        """
        owns = self._base is None and not isinstance(self._storage, memoryview)
        return Flags(self._contiguous, is_f_contiguous(self._shape, self._strides), self._writeable, owns)

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
        ValueError: cannot set WRITEABLE flag to True of this array
        """
        if write is None:
            return
        if write and isinstance(self._storage, memoryview) and self._storage.readonly:
            raise ValueError("cannot set WRITEABLE flag to True of this array: its storage is read-only bytes")
        if write and self._base is not None and not self._base._writeable:
            raise ValueError("cannot set WRITEABLE flag to True of this array")
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
        return values.tolist() if hasattr(values, "tolist") else list(values)

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

    def __add__(self, other: Operand) -> Any:
        return _operator("add", self, other)

    def __radd__(self, other: Operand) -> Any:  # other + self
        return _operator("add", other, self)

    def __sub__(self, other: Operand) -> Any:
        return _operator("subtract", self, other)

    def __rsub__(self, other: Operand) -> Any:  # other - self
        return _operator("subtract", other, self)

    def __mul__(self, other: Operand) -> Any:
        return _operator("multiply", self, other)

    def __rmul__(self, other: Operand) -> Any:  # other * self
        return _operator("multiply", other, self)

    def __truediv__(self, other: Operand) -> Any:
        return _operator("true_divide", self, other)

    def __rtruediv__(self, other: Operand) -> Any:  # other / self
        return _operator("true_divide", other, self)

    def __floordiv__(self, other: Operand) -> Any:
        return _operator("floor_divide", self, other)

    def __rfloordiv__(self, other: Operand) -> Any:  # other // self
        return _operator("floor_divide", other, self)

    def __mod__(self, other: Operand) -> Any:
        return _operator("remainder", self, other)

    def __rmod__(self, other: Operand) -> Any:  # other % self
        return _operator("remainder", other, self)

    def __pow__(self, other: Operand) -> Any:
        if type(other) is int and other == 2 and self._dtype is bool_:
            # NumPy's ``**`` runs np.square for the exponent 2, and its loop for bools is int8's
            return _operator("power", self.astype(dtypes.int8), other)
        return _operator("power", self, other)

    def __rpow__(self, other: Operand) -> Any:  # other ** self
        return _operator("power", other, self)

    def __lt__(self, other: Operand) -> Any:
        return _operator("less", self, other)

    def __le__(self, other: Operand) -> Any:
        return _operator("less_equal", self, other)

    def __gt__(self, other: Operand) -> Any:
        return _operator("greater", self, other)

    def __ge__(self, other: Operand) -> Any:
        return _operator("greater_equal", self, other)

    def __eq__(self, other: object) -> Any:
        return _operator("equal", self, other)

    def __ne__(self, other: object) -> Any:
        return _operator("not_equal", self, other)

    def __neg__(self) -> Any:
        return unary("negative", self)

    def __pos__(self) -> Any:
        return self.copy() if self._shape else self.item()

    def __abs__(self) -> Any:
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
        return self._update("true_divide", other)

    def __ifloordiv__(self, other: Operand) -> Tensor:
        return self._update("floor_divide", other)

    def __imod__(self, other: Operand) -> Tensor:
        return self._update("remainder", other)

    def __ipow__(self, other: Operand) -> Tensor:
        return self._update("power", other)

    def _update(self, name: str, other: Operand) -> Tensor:
        """``self = self <op> other``, written into this tensor's own storage."""
        if not self._writeable:
            raise ValueError("output array is read-only")
        other = other if _is_scalar(other) else as_tensor(other)
        shape = broadcast_shapes(self._shape, getattr(other, "_shape", ()))
        if shape != self._shape:
            raise ValueError(
                f"non-broadcastable output operand with shape {format_shape(self._shape)} "
                f"doesn't match the broadcast shape {format_shape(shape)}"
            )
        # (a 0-d result would come back as a Python number, without its dtype: compute on one element)
        result = elementwise(name, self if self._shape else self.reshape(1), other)
        out = result._dtype
        if not dtypes.can_cast(out, self._dtype, "same_kind"):
            raise TypeError(
                f"Cannot cast ufunc '{name}' output from {out!r} to {self._dtype!r} with casting rule 'same_kind'"
            )
        values = elements(result)
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

    def sum(self, axis: Optional[int] = None, keepdims: bool = False) -> Any:
        """The sum of all elements, or along ``axis`` (negative axes count from the end).

        Integers and bools sum exactly, as int64 (uint64 for unsigned) wrapped as NumPy's
        wrap. Floats are added in NumPy's own order (pairwise along the axis that is
        contiguous in memory: see ``reductions.pairwise_sum``), so that even the last bits
        agree with NumPy's, where a plain running sum would differ already at 9 elements.

        >>> m = tensor([[1, 2, 3], [4, 5, 6]])
        >>> m.sum(), m.sum(axis=0), m.sum(axis=-1, keepdims=True)
        (21, tensor([5, 7, 9]), tensor([[ 6],
               [15]]))
        >>> tensor([0.1] * 10).sum()          # NumPy's 1.0; a running sum gives 0.9999999999999999
        1.0
        """
        if self._dtype.kind != "f":  # exact Python ints, wrapped by as_element
            return self._reduce(sum, axis, keepdims, dtypes.uint64 if self._dtype.kind == "u" else int64)
        return self._float_sum(axis, keepdims)

    def mean(self, axis: Optional[int] = None, keepdims: bool = False) -> Any:
        """The arithmetic mean, overall or along ``axis`` (NaN for an empty lane): the sum
        divided by the count, as NumPy computes it (float32 stays float32; integers are
        summed as float64, a buffer of 8,192 at a time, as NumPy's cast reads them).

        >>> tensor([[1, 2], [3, 4]]).mean(), tensor([[1, 2], [3, 4]]).mean(axis=0)
        (2.5, tensor([2., 3.]))
        """
        if self._dtype.kind == "f":
            total = self._float_sum(axis, keepdims)
        else:
            total = self.astype(float64)._float_sum(axis, keepdims, buffered=True)
        count = self.size if axis is None or not self._shape else self._shape[normalize_axis(axis, self.ndim)]
        if isinstance(total, Tensor):
            return elementwise("true_divide", total, count)
        out = self._dtype if self._dtype.kind == "f" else float64
        return reductions.as_element(ieee.divide(total, float(count)), out)

    def _float_sum(self, axis: Optional[int], keepdims: bool, buffered: bool = False) -> Any:
        """``sum`` of a float tensor, in NumPy's order of additions.

        NumPy reads the tensor in memory order (``order="K"``) and sums each lane along
        the axis contiguous in memory pairwise; across the other axes it adds row after
        row. A whole tensor that is one run of memory is one pairwise sum; one read
        through a cast (``buffered``: a mean of integers) or made of several runs goes
        through NumPy's buffer, 8,192 elements at a time. (For a whole tensor of several
        runs, NumPy sometimes cuts its buffer at a multiple of the runs' length: there
        the last bits may differ from NumPy's.)
        """
        float32 = self._dtype is dtypes.float32
        run_sum = reductions.pairwise_sum_float32 if float32 else reductions.pairwise_sum
        rows_sums: Optional[Callable[[Sequence[Any], int], List[Any]]] = (
            reductions.pairwise_sums_float32 if float32 else reductions.pairwise_sums
        )
        if buffered:  # every run read through the buffer
            run_sum = functools.partial(reductions.buffered_sum, run_sum=run_sum, float32=float32)
            rows_sums = None
        if axis is not None and not self._shape:
            normalize_axis(axis, 1)  # a 0-d tensor takes axis 0 or -1 as the whole, as NumPy does
            axis = None
        if axis is None:
            view = self._in_memory_order()
            values = elements(view)
            one_run = view._contiguous
            value = run_sum(values) if one_run else reductions.buffered_sum(values, run_sum=run_sum, float32=float32)
            value = reductions.as_element(value, self._dtype)
            return _new(self._dtype.storage([value]), (1,) * self.ndim, self._dtype) if keepdims else value
        across = reductions.add_rows_float32 if float32 else reductions.add_rows
        return self._reduce(run_sum, normalize_axis(axis, self.ndim), keepdims, self._dtype, across, rows_sums)

    def _in_memory_order(self) -> Tensor:
        """A view of the same elements in memory order: the axes sorted from the largest
        stride to the smallest (NumPy's ``order="K"``; a negative stride is walked as it is)."""
        if self._contiguous:
            return self
        return self.transpose(*like_order(self._shape, self._strides))

    def max(self, axis: Optional[int] = None, keepdims: bool = False) -> Any:
        """The largest element, or the largest along ``axis``; NaN wins, as in NumPy.

        This is a reduction: the notebook's elementwise ``Nx.max(t, 0)`` is ``maximum(t, 0)``.

        >>> tensor([[1, 5], [7, 2]]).max(axis=0), tensor([1.0, float("nan"), 3.0]).max()
        (tensor([7, 5]), nan)
        """
        return self._reduce(reductions.extreme("maximum"), axis, keepdims, self._dtype)

    def min(self, axis: Optional[int] = None, keepdims: bool = False) -> Any:
        """The smallest element, or the smallest along ``axis``; NaN wins, as in NumPy.

        >>> tensor([[1, 5], [7, 2]]).min(axis=1)
        tensor([1, 2])
        """
        return self._reduce(reductions.extreme("minimum"), axis, keepdims, self._dtype)

    def argmax(self, axis: Optional[int] = None) -> Any:
        """The index of the largest element: in the flattened tensor, or along ``axis``.

        Ties go to the first; a NaN, if any, counts as the largest.

        >>> tensor([[1, 9], [7, 2]]).argmax(), tensor([[1, 9], [7, 2]]).argmax(axis=1)
        (1, tensor([1, 0]))
        """
        return self._reduce(reductions.argmax_of, axis, False, int64)

    def any(self, axis: Optional[int] = None, keepdims: bool = False) -> Any:
        """Whether any element (along ``axis``) is true.

        >>> tensor([0, 0, 3]).any(), tensor([[0, 1], [0, 0]]).any(axis=1)
        (True, tensor([ True, False]))
        """
        return self._reduce(any, axis, keepdims, bool_)

    def all(self, axis: Optional[int] = None, keepdims: bool = False) -> Any:
        """Whether every element (along ``axis``) is true.

        >>> tensor([1, 2, 0]).all(), tensor([]).all()
        (False, True)
        """
        return self._reduce(all, axis, keepdims, bool_)

    def _reduce(
        self, lane_function: Callable[[Any], Any], axis: Optional[int], keepdims: bool, out: DType,
        across: Optional[Callable[[List[Sequence[Any]]], List[Any]]] = None,
        along: Optional[Callable[[Sequence[Any], int], List[Any]]] = None,
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
    # Shape changes: views where NumPy gives views
    # -----------------------------------------------------------------------

    def reshape(self, *shape: Any) -> Tensor:
        """The same elements in another shape; one length may be ``-1`` (inferred).

        A view whenever strides can express the new shape (always, for a contiguous
        tensor), else a copy, by NumPy's rule. ``reshape(2, 3)`` and ``reshape((2, 3))``
        mean the same.

        >>> tensor([1, 2, 3, 4, 5, 6]).reshape(2, -1)
        tensor([[1, 2, 3],
                [4, 5, 6]])
        >>> tensor([1, 2, 3]).reshape(2, 2)
        Traceback (most recent call last):
        ...
        ValueError: cannot reshape array of size 3 into shape (2,2)
        """
        if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
            shape = tuple(shape[0])
        new_shape = resolve_reshape(self.size, shape)
        strides = reshape_strides(self._shape, self._strides, new_shape, -1 not in shape)
        if strides is None:
            return self.copy().reshape(new_shape)
        return self._view(new_shape, strides, self._offset)

    def ravel(self) -> Tensor:
        """The elements as a 1-d tensor: a view if the tensor is contiguous, else a copy.

        >>> x = tensor([[1, 2], [3, 4]])
        >>> x.ravel(), x.T.ravel()
        (tensor([1, 2, 3, 4]), tensor([1, 3, 2, 4]))
        """
        return self.reshape(-1) if self._contiguous else self.flatten()

    def flatten(self) -> Tensor:
        """A copy of the elements as a 1-d tensor, in row-major order.

        >>> tensor([[1, 2], [3, 4]]).flatten()
        tensor([1, 2, 3, 4])
        """
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
        return self._view(shape, strides, self._offset)

    def copy(self) -> Tensor:
        """A new tensor with the same elements in its own storage (row-major).

        >>> x = tensor([1, 2]); y = x.copy(); y[0] = 9
        >>> x, y
        (tensor([1, 2]), tensor([9, 2]))
        """
        values = elements(self)
        storage = list(values) if not self._dtype.typecode else array(self._dtype.typecode, values)
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
        return _dot(self, as_tensor(other), keep_single_term=True)

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
        which ``rebuild_tensor`` checks and turns back into a tensor. As NumPy's pickle, a
        Fortran-ordered tensor stores its elements column by column and comes back
        Fortran-ordered; any other comes back row-major.

        >>> import pickle
        >>> pickle.loads(pickle.dumps(tensor([[1.5, 2.0]]).T))
        tensor([[1.5],
                [2. ]])
        >>> pickle.loads(pickle.dumps(tensor([[1, 2], [3, 4]]).T)).flags.f_contiguous
        True
        """
        fortran = not self._contiguous and is_f_contiguous(self._shape, self._strides)
        values = elements(self.T) if fortran else elements(self)
        payload = self._dtype.to_bytes(values)
        return (rebuild_tensor, (self._dtype.name, self._shape, payload) + ((True,) if fortran else ()))

    def __copy__(self) -> Tensor:
        """``copy.copy(t)``: a copy laid out in memory as ``t`` is, as NumPy's ``__copy__``."""
        return self.astype(self._dtype)

    def __deepcopy__(self, memo: Dict[int, Any]) -> Tensor:
        """``copy.deepcopy(t)``: a copy laid out in memory as ``t`` is, as NumPy's ``__deepcopy__``."""
        return self.astype(self._dtype)


class Flags(NamedTuple):
    """The four of NumPy's ``ndarray.flags`` that zeronn keeps (see ``Tensor.flags``)."""

    c_contiguous: bool
    f_contiguous: bool
    writeable: bool
    owndata: bool

    def __getitem__(self, key: Any) -> Any:  # flags["C_CONTIGUOUS"], as in NumPy
        return getattr(self, key.lower()) if isinstance(key, str) else tuple.__getitem__(self, key)


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
    to = None if dtype is None else dtypes.dtype(dtype)
    if isinstance(data, Tensor):
        return data.astype(to or data.dtype)
    if isinstance(data, (list, tuple)) and data and all(isinstance(item, Tensor) for item in data):
        return _stack(data, to)
    if isinstance(data, (list, tuple)) and any(isinstance(item, Tensor) for item in data):
        data = [item.tolist() if isinstance(item, Tensor) else item for item in data]
    flat, shape = flatten_nested(data)
    if to is None:
        to = python_dtype(flat)
        if to is float64 and flat and type(flat[0]) is int:  # ints too large for int64
            flat = [float(value) for value in flat]
        storage = to.storage(flat)
    else:
        storage = casting.cast_python(flat, to, where=lambda index: list(unravel(index, shape)))
    return Tensor.from_storage(storage, shape, to)


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


def elements(t: Tensor) -> Storage:
    """The elements of ``t`` in row-major order, as a flat sequence to read, never to change.

    It is ``t``'s storage itself when ``t`` is a contiguous whole (no copy at all), a
    slice of it when ``t`` is contiguous, and a new list gathered through the strides
    otherwise. The kernels and the other modules read tensors through this.

    >>> x = tensor([[1, 2, 3], [4, 5, 6]])
    >>> elements(x), elements(x[1]), elements(x.T)
    ([1, 2, 3, 4, 5, 6], [4, 5, 6], [1, 4, 2, 5, 3, 6])
    """
    storage, offset, size = t._storage, t._offset, size_of(t._shape)
    if t._contiguous:
        return storage if len(storage) == size else storage[offset : offset + size]  # (the whole: offset 0)
    *outer_shape, length = t._shape  # (0-d and empty tensors are contiguous)
    *outer_strides, step = t._strides
    values: List[Any] = []
    for start in offsets_of(tuple(outer_shape), tuple(outer_strides), offset):
        stop = start + length * step
        if step == 0:
            values.extend([storage[start]] * length)
        else:
            values.extend(storage[start : stop if stop >= 0 else None : step])
    return values


def write(t: Tensor, values: Sequence[Any]) -> None:
    """Write ``values`` (row-major, already of ``t``'s dtype) into ``t``'s elements, in place.

    A contiguous tensor takes them in one slice assignment; a strided view element by
    element. Views of the same storage see the change, as in NumPy.
    """
    storage = t._storage
    if t._contiguous:
        if isinstance(storage, memoryview) and not isinstance(values, array):
            values = array(storage.format, values)
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
    writeable: bool = True, contiguous: Optional[bool] = None, base: Optional[Tensor] = None,
) -> Tensor:
    """A tensor over ``storage`` in any layout (a view, when ``base`` owns the storage), trusted."""
    self = object.__new__(Tensor)
    self._storage = storage
    self._shape = shape
    self._strides = strides
    self._offset = offset
    self._dtype = dtype
    self._contiguous = is_contiguous(shape, strides) if contiguous is None else contiguous
    self._writeable = writeable
    self._base = base
    return self


def _new(storage: Storage, shape: Shape, dtype: DType, writeable: bool = True) -> Tensor:
    """A tensor that owns ``storage``, its elements in row-major order: ``_make``'s usual
    case, spelled out because every result is made here."""
    self = object.__new__(Tensor)
    self._storage = storage
    self._shape = shape
    self._strides = strides_of(shape)
    self._offset = 0
    self._dtype = dtype
    self._contiguous = True
    self._writeable = writeable
    self._base = None
    return self


def _is_the_view(value: Any, storage: Storage, selected: indexing.View) -> bool:
    """Whether ``value`` is a view of exactly the elements ``selected`` picks from ``storage``."""
    return (
        isinstance(value, Tensor) and value._storage is storage and value._offset == selected.offset
        and value._shape == selected.shape and value._strides == selected.strides
    )


def _owning(t: Tensor) -> Tensor:
    """``t``, a view of a storage nothing else holds, as the tensor that owns it (NumPy's
    new arrays in a layout of their own own their memory: ``(x.T + 1).flags.owndata``)."""
    return _make(t._storage, t._shape, t._strides, t._offset, t._dtype, t._writeable)


def rebuild_tensor(name: str, shape: Tuple[int, ...], payload: bytes, fortran: bool = False) -> Tensor:
    """A tensor from what ``Tensor.__reduce__`` stored, checked before anything is built;
    ``fortran``: the payload holds the elements column by column, and the tensor is laid
    out so.

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
    if fortran is True:
        return _owning(Tensor.from_storage(to.from_bytes(payload), shape[::-1], to).T)
    return Tensor.from_storage(to.from_bytes(payload), shape, to)


# ---------------------------------------------------------------------------
# Elementwise operations: NumPy's ufuncs
# ---------------------------------------------------------------------------
#
# ``a + b`` runs ``Tensor.__add__`` -> ``_operator`` -> ``elementwise``, which asks one
# question first: is this the case a network meets nearly always? Float64 tensors laid
# out row-major, of one shape, or a row against a matrix, or one of them a Python
# number. Then ``_float64`` computes it: one ``kernels.binary`` over the two storages,
# one new tensor. Everything else goes through ``_any_dtypes``: NumPy's promotion rules
# for every dtype and for Python numbers (NEP 50), broadcasting of any shapes, and the
# memory layout of strided operands.


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


def _is_common_case(x1: Any, x2: Any) -> bool:
    """Whether ``x1`` and ``x2`` are row-major float64 tensors, one shape the other's or its
    trailing part (a row against a matrix, a 0-d tensor against anything), or one such
    tensor and a Python int or float: the case ``_float64`` computes."""
    if type(x1) is Tensor:
        if x1._dtype is not float64 or not x1._contiguous:
            return False
        if type(x2) is not Tensor:
            return type(x2) is float or type(x2) is int
        if x2._dtype is not float64 or not x2._contiguous:
            return False
        shape1, shape2 = x1._shape, x2._shape
        return shape1[len(shape1) - len(shape2) :] == shape2 or shape2[len(shape2) - len(shape1) :] == shape1
    return (type(x1) is float or type(x1) is int) and type(x2) is Tensor and x2._dtype is float64 and x2._contiguous


def _float64(name: str, x1: Any, x2: Any) -> Any:
    """``x1 <name> x2`` for float64 tensors (or one and a Python number): Python's own
    operator over the two storages, the shorter one (a row, a number) repeated along the
    longer, and NumPy's IEEE answers where the operator raises (see ``kernels.binary``)."""
    try:
        left = elements(x1) if type(x1) is Tensor else [float(x1)]  # NumPy converts the number to float64
        right = elements(x2) if type(x2) is Tensor else [float(x2)]
    except OverflowError:  # an int beyond float64's range: NumPy's error, from the general path
        return _any_dtypes(name, x1, x2)
    longer = type(x2) is not Tensor or (type(x1) is Tensor and len(x1._shape) >= len(x2._shape))
    shape = x1._shape if longer else x2._shape
    fast, safe = loops.BINARY[name]
    values = _binary(name, fast, safe, left, right)
    return _result(values, shape, bool_ if name in loops.COMPARISONS else float64)


def _binary(
    name: str, fast: Callable[..., Any], safe: Callable[..., Any], left: Sequence[Any], right: Sequence[Any]
) -> List[Any]:
    """``kernels.binary``, or for ``maximum`` against one number (the book's ``relu``,
    ``maximum(0, x)``) its kernel without a function call per element."""
    if name == "maximum" and (len(left) == 1 or len(right) == 1):
        scalar_first = len(left) == 1
        values, scalar = (right, left[0]) if scalar_first else (left, right[0])
        return kernels.maximum_with_scalar(values, scalar, scalar_first)
    return kernels.binary(fast, safe, left, right)


def _any_dtypes(name: str, x1: Any, x2: Any) -> Any:
    """``elementwise`` for every case: any dtypes (with NumPy's promotion, NEP 50 for
    Python numbers), any broadcast, any memory layout."""
    left = x1 if _is_scalar(x1) else as_tensor(x1)
    right = x2 if _is_scalar(x2) else as_tensor(x2)
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
    Python numbers), computed in dtype ``loop``, as ``loops.binary_loop`` says."""
    left_values, left_shape = _operand_values(left, loop)
    right_values, right_shape = _operand_values(right, loop)
    shape = broadcast_shapes(left_shape, right_shape)
    # The second operand as one number for the whole loop (NumPy's loop reads it with stride 0), if it is one
    repeated = len(right_values) == 1 and (not right_shape or right_shape != shape)
    fast, safe = loops.binary_loop(name, loop, right_values[0] if repeated else None)
    # One number is repeated by the kernel itself; any other operand is stretched first.
    if len(left_values) != 1:
        left_values = kernels.stretch(left_values, left_shape, shape)
    if len(right_values) != 1:
        right_values = kernels.stretch(right_values, right_shape, shape)
    values = _binary(name, fast, safe, left_values, right_values)
    out = bool_ if name in loops.COMPARISONS else loop
    if out.kind in "iu":  # exact Python ints, then wrapped as C integers wrap
        values = casting.wrap(values, out)
    return (out.storage(values) if out.typecode else values), shape, out


def unary(name: str, x: Any) -> Any:
    """NumPy's one-argument ufunc ``name`` (``"exp"``, ``"log"``, ``"sqrt"``, ``"negative"``,
    ``"absolute"``) of ``x``: a tensor, or a Python number for a 0-d result.

    >>> unary("exp", [0.0, 1000.0]), unary("sqrt", 4)
    (tensor([ 1., inf]), 2.0)
    """
    x = as_tensor(x)
    if x._dtype is float64 and x._contiguous:  # the common case: no conversion, row-major
        fast, safe = loops.UNARY[name]
        return _result(kernels.unary(fast, safe, elements(x)), x._shape, float64)
    order = _memory_order([x], x._shape, loops.unary_dtype(name, x._dtype))
    if order is None:
        return _result(*_unary(name, x))
    return _owning(_result(*_unary(name, _permuted(x, order))).transpose(*_inverse(order)))


def _unary(name: str, x: Tensor) -> Tuple[Storage, Shape, DType]:
    """The elements (row-major), shape and dtype of ``unary(name, x)``."""
    if x.dtype.kind == "b" and name == "negative":
        raise TypeError(
            "The numpy boolean negative, the `-` operator, is not supported, "
            "use the `~` operator or the logical_not function instead."
        )
    fast, safe = loops.UNARY[name]
    out = loops.unary_dtype(name, x.dtype)
    values: Sequence[Any] = elements(x)
    if out is not x.dtype:
        values = list(map(float, values))
    result = kernels.unary(fast, safe, values)
    if out.kind in "iu":  # exact Python ints, then wrapped as C integers wrap
        result = casting.wrap(result, out)
    return (out.storage(result) if out.typecode else result), x.shape, out


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


def _operator(name: str, left: Any, right: Any) -> Any:
    """``elementwise`` for the operators: ``NotImplemented`` for operands we do not know,
    so that Python can ask the other operand (or raise its usual ``TypeError``).

    ``==`` and ``!=`` with something that is no number (``t == None``) compare every
    element unequal, as NumPy 2 does.
    """
    if type(left) in _OPERAND_TYPES and type(right) in _OPERAND_TYPES:  # the usual case, at once
        return elementwise(name, left, right)
    for operand in (left, right):
        if not isinstance(operand, (Tensor, bool, int, float, list, tuple, range)):
            if name in ("equal", "not_equal"):
                t = left if isinstance(left, Tensor) else right
                return _result(bool_.storage([name == "not_equal"] * t.size), t.shape, bool_)
            return NotImplemented
    return elementwise(name, left, right)


_OPERAND_TYPES = frozenset({Tensor, float, int, bool, list, tuple, range})
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
    if common is float64 and name in loops.COMPARISONS and _is_integer(left) and _is_integer(right):
        return int64  # int64 against uint64: NumPy compares the integers exactly, as Python's ints do
    return loops.binary_dtype(name, common)


def _is_integer(x: Any) -> bool:
    """Whether ``x`` is an integer tensor or a Python int (not a bool)."""
    return x._dtype.kind in "iu" if isinstance(x, Tensor) else type(x) is int


def _promoted(name: str, left: Any, right: Any) -> DType:
    """``dtypes.result_type`` of the operands, and what a too-large Python int means for ``name``."""
    try:
        return dtypes.result_type(left, right)
    except dtypes.IntegerOutOfBoundsError:
        if name == "true_divide":
            return float64  # the Python int goes straight to float64, as the integers do
        if name not in loops.COMPARISONS:
            raise
        return left.dtype if isinstance(left, Tensor) else right.dtype  # ints compare exactly


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
        return [casting.round_float32(value) if common is dtypes.float32 else value], ()
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


def _is_scalar(x: Any) -> bool:
    return isinstance(x, (bool, int, float)) and not isinstance(x, Tensor)


# ---------------------------------------------------------------------------
# The dot product
# ---------------------------------------------------------------------------


def _rows(t: Tensor) -> Iterator[Sequence[Any]]:
    """The rows of a 1-d (one row) or 2-d tensor, read through the strides one at a time,
    so that the 60,000 rows of the MNIST training set never all become lists at once.

    Each is a list, except that a float32 row stays the ``array`` it was sliced as:
    ``kernels.dot`` finds its zeros without turning them into Python floats.
    """
    if t.ndim == 1:
        yield list(elements(t))
        return
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


def _dot(left: Tensor, right: Tensor, keep_single_term: bool) -> Any:
    """``np.dot`` (``keep_single_term``) or ``np.matmul`` of tensors of up to 2 axes."""
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
    inner = left.shape[-1]
    if inner != right.shape[0]:
        raise ValueError(
            f"shapes {format_shape(left.shape)} and {format_shape(right.shape)} not aligned: "
            f"{inner} (dim {left.ndim - 1}) != {right.shape[0]} (dim 0)"
        )
    out = dtypes.promote_types(left.dtype, right.dtype)
    shape = left.shape[:-1] + right.shape[1:]
    dtypes.check_fits(shape, out)
    rows = _rows(left)
    columns = [c if type(c) is list else list(c) for c in (_rows(right.T) if right.ndim == 2 else _rows(right))]
    if inner == 0:
        values: List[Any] = [out.type(0)] * size_of(shape)
    elif inner == 1 and keep_single_term and left.ndim == right.ndim:
        # np.dot of one term is the product itself, whose sign a zero keeps ([-0.0]·[1.0]
        # is -0.0); sums of more terms (and matmul) start from +0.0, as BLAS does.
        values = [row[0] * column[0] for row in rows for column in columns]
    else:
        values = kernels.dot(rows, columns)
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
