"""The Tensor: a flat Python list of numbers and a shape, with NumPy's semantics.

This is zeronn's data model in one file. A tensor of shape ``(2, 3)`` keeps its six
numbers in one list, row after row (row-major order, as NumPy does), and a tuple that
says how to read them::

    tensor([[1, 2, 3],
            [4, 5, 6]])    ->   data [1, 2, 3, 4, 5, 6], shape (2, 3)

Tensors never change after they are made, so operations that only re-read the data
(``reshape``, ``flatten``) share the list instead of copying it.

The public names, in the order data flows through them:

- ``tensor(data, dtype=None)`` and ``Tensor``: make a tensor from nested lists or a number;
- inspection: ``shape``, ``ndim``, ``size``, ``dtype``, ``len()``, iteration,
  ``t[i, j]``, slices, ``tolist()``, ``to_flat_list()``, ``item()``;
- arithmetic ``+ - * / **``, ``-t``, ``abs(t)`` with NumPy's broadcasting, and ``map(fn)``;
- comparisons ``> < >= <= == !=``, giving bool tensors; ``any()``, ``all()``;
- reductions ``sum``, ``max``, ``min``, ``mean``, ``argmax`` along an axis or over all;
- shape changes ``reshape``, ``flatten``, ``T``, ``transpose``, ``astype``;
- linear algebra ``dot`` and ``@``;
- ``as_tensor(x)`` and ``elementwise(function, a, b)``: the two helpers the other
  modules build on.

>>> x = tensor([[1.0, 2.0], [3.0, 4.0]])
>>> x.shape
(2, 2)
>>> x + tensor([10, 20])          # (2, 2) + (2,) broadcasts along the rows
tensor([[11.0, 22.0],
        [13.0, 24.0]])
>>> x.dot(tensor([1.0, 1.0]))
tensor([3.0, 7.0])
>>> x.sum(axis=0)
tensor([4.0, 6.0])
"""

from __future__ import annotations

__all__ = ["Tensor", "tensor", "as_tensor", "elementwise"]

import math
import operator
import sys
from itertools import compress, repeat
from typing import Any, Callable, Iterator, List, Optional, Sequence, Tuple, Union

from ._shape import (
    Number,
    OutOfBoundsError,
    Shape,
    broadcast_shapes,
    broadcast_to,
    flatten_nested,
    format_shape,
    gather,
    nest,
    normalize_axis,
    promote_numbers,
    resolve_reshape,
    size_of,
    strides_of,
    unravel,
)

# What an operand of arithmetic may be: a tensor, a Python number, or nested lists.
Operand = Union["Tensor", Number, Sequence[Any]]
DType = Union[type, str]
_DTYPES = {bool: bool, int: int, float: float, "bool": bool, "int": int, "float": float}


class Tensor:
    """An immutable n-dimensional array of Python numbers (NumPy's ``ndarray``).

    Make one with ``tensor(...)`` or ``Tensor(...)``; both check and copy what they are
    given. The elements all have one type, ``bool``, ``int`` or ``float``, promoted as
    NumPy would (``[1, 2.5]`` holds two floats).

    >>> t = Tensor([[1, 2, 3], [4, 5, 6]])
    >>> t.shape, t.ndim, t.size, t.dtype
    ((2, 3), 2, 6, <class 'int'>)
    >>> t[1, -1], t[:, 1]
    (6, tensor([2, 5]))
    """

    __slots__ = ("_data", "_shape")
    __hash__ = None  # type: ignore[assignment]  # == gives a tensor, so no hashing

    _data: List[Number]
    _shape: Shape

    def __new__(cls, data: Any, dtype: Optional[DType] = None) -> Tensor:
        if isinstance(data, Tensor):
            made = cls._trusted(list(data._data), data._shape)
        else:
            if isinstance(data, (list, tuple)) and any(isinstance(item, Tensor) for item in data):
                data = [item.tolist() if isinstance(item, Tensor) else item for item in data]  # stack rows
            made = cls._trusted(*flatten_nested(data))
        return made if dtype is None else made.astype(dtype)

    @classmethod
    def _trusted(cls, data: List[Number], shape: Shape) -> Tensor:
        """Wrap ``data`` (row-major, already checked) as a tensor, without copying it.

        Every result inside zeronn is made here. The list is never changed afterwards,
        by this tensor or any other, so tensors may share it (``reshape`` does).
        """
        self = object.__new__(cls)
        self._data = data
        self._shape = shape
        return self

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
        return len(self._data)

    @property
    def dtype(self) -> type:
        """The Python type of the elements: ``bool``, ``int`` or ``float``.

        An empty tensor has no element to ask and reports ``float``, NumPy's default.

        >>> tensor([1, 2]).dtype, tensor([1, 2.5]).dtype, tensor([]).dtype
        (<class 'int'>, <class 'float'>, <class 'float'>)
        """
        return type(self._data[0]) if self._data else float

    def __len__(self) -> int:
        """The length of axis 0, as for a list (``TypeError`` for a 0-d tensor)."""
        if not self._shape:
            raise TypeError("len() of unsized object")
        return self._shape[0]

    def __iter__(self) -> Iterator[Any]:
        """Iterate over axis 0: rows of a matrix, numbers of a vector.

        >>> [row.tolist() for row in tensor([[1, 2], [3, 4]])]
        [[1, 2], [3, 4]]
        """
        if not self._shape:
            raise TypeError("iteration over a 0-d array")
        if len(self._shape) == 1:
            return iter(self._data)  # the list never changes, so no copy is needed
        return (self._row(index) for index in range(self._shape[0]))

    def __getitem__(self, key: Any) -> Any:
        """Index as NumPy does: ``t[i]``, ``t[i, j]``, ``t[-1]``, ``t[1:]``, ``t[:, 1]``, ``t[..., 0]``.

        Indexing every axis with an integer gives a Python number; anything else
        gives a tensor.

        >>> m = tensor([[1, 2, 3], [4, 5, 6]])
        >>> m[0], m[1, 2], m[:, 1:], m[..., -1]
        (tensor([1, 2, 3]), 6, tensor([[2, 3],
                [5, 6]]), tensor([3, 6]))
        >>> m[2]
        Traceback (most recent call last):
        ...
        zeronn._shape.OutOfBoundsError: index 2 is out of bounds for axis 0 with size 2
        """
        keys = _expand_index(key, self.ndim)
        # Fast paths for axis 0 (a row, a run of rows): contiguous slices of the data.
        if len(keys) == 1 and isinstance(keys[0], int) and self.ndim > 1:
            return self._row(_check_index(keys[0], self._shape[0], 0))
        if len(keys) == 1 and isinstance(keys[0], slice) and keys[0].step in (None, 1):
            rows = range(*keys[0].indices(self._shape[0]))
            row_size = size_of(self._shape[1:])
            start, stop = rows.start * row_size, max(rows.stop, rows.start) * row_size
            return Tensor._trusted(self._data[start:stop], (len(rows),) + self._shape[1:])
        start = 0
        steps: List[Tuple[int, int]] = []
        for axis, (item, length, stride) in enumerate(zip(keys, self._shape, strides_of(self._shape))):
            if isinstance(item, int):
                start += _check_index(item, length, axis) * stride
            else:
                chosen = range(*item.indices(length))
                start += chosen.start * stride if chosen else 0
                steps.append((chosen.step * stride, len(chosen)))
        # Axes that the key did not mention are taken whole.
        for length, stride in zip(self._shape[len(keys) :], strides_of(self._shape)[len(keys) :]):
            steps.append((stride, length))
        if not steps:
            return self._data[start]
        return Tensor._trusted(gather(self._data, start, steps), tuple(count for _, count in steps))

    def _row(self, index: int) -> Tensor:
        """Row ``index`` of axis 0: a contiguous slice of the data, so no gathering."""
        row_size = size_of(self._shape[1:])
        start = index * row_size
        return Tensor._trusted(self._data[start : start + row_size], self._shape[1:])

    def __contains__(self, value: Any) -> bool:
        """``value in t`` is ``(t == value).any()``, as in NumPy.

        >>> 3 in tensor([[1, 2], [3, 4]])
        True
        """
        return bool((self == value).any())

    def tolist(self) -> Any:
        """Return the elements as new nested Python lists (a number for a 0-d tensor).

        >>> tensor([[1, 2], [3, 4]]).tolist()
        [[1, 2], [3, 4]]
        """
        return nest(self._data, self._shape)

    def to_flat_list(self) -> List[Number]:
        """Return a new flat list of the elements in row-major order (Nx's ``to_flat_list``).

        >>> tensor([[1, 2], [3, 4]]).to_flat_list()
        [1, 2, 3, 4]
        """
        return list(self._data)

    def item(self) -> Number:
        """Return the only element of a one-element tensor as a Python number.

        >>> tensor([[7.5]]).item()
        7.5
        >>> tensor([1, 2]).item()
        Traceback (most recent call last):
        ...
        ValueError: can only convert an array of size 1 to a Python scalar
        """
        if len(self._data) != 1:
            raise ValueError("can only convert an array of size 1 to a Python scalar")
        return self._data[0]

    def __bool__(self) -> bool:
        """The truth of a one-element tensor; anything larger is ambiguous, as in NumPy.

        This is what keeps the notebook's ``if Nx.tensor(-1) < 0`` trap from passing
        silently: ``if t < 0:`` on a vector raises instead of guessing.

        >>> bool(tensor([-1]) < 0)
        True
        >>> bool(tensor([-1, 1]) < 0)
        Traceback (most recent call last):
        ...
        ValueError: The truth value of an array with more than one element is ambiguous. ...
        """
        if len(self._data) == 1:
            return bool(self._data[0])
        if not self._data:
            raise ValueError(
                "The truth value of an empty array is ambiguous. "
                "Use `array.size > 0` to check that an array is not empty."
            )
        raise ValueError(
            "The truth value of an array with more than one element is ambiguous. "
            "Use a.any() or a.all(), or a.item() for one element"
        )

    def __float__(self) -> float:
        """``float(t)`` for a one-element tensor."""
        return float(self.item())

    def __int__(self) -> int:
        """``int(t)`` for a one-element tensor."""
        return int(self.item())

    def __repr__(self) -> str:
        """Show the values, laid out by shape, in a form that reads back with ``tensor``.

        Tensors of more than 1,000 elements show three items at each end of every
        long axis, as NumPy does.

        >>> tensor([[1, 20], [300, 4]])
        tensor([[  1,  20],
                [300,   4]])
        >>> tensor([[], []])
        tensor([[], []])
        """
        return _format_tensor(self._data, self._shape, repr)

    def __str__(self) -> str:
        """Like ``repr``, with floats rounded to 8 decimals, as NumPy prints them.

        >>> print(tensor([0.1 + 0.2, 1 / 3]))
        tensor([       0.3, 0.33333333])
        """
        return _format_tensor(self._data, self._shape, _short)

    # -----------------------------------------------------------------------
    # Elementwise arithmetic: every operator is one call to ``elementwise``.
    # -----------------------------------------------------------------------

    def __add__(self, other: Operand) -> Tensor:
        return _binary(operator.add, self, other)

    def __radd__(self, other: Operand) -> Tensor:  # other + self
        return _binary(operator.add, other, self)

    def __sub__(self, other: Operand) -> Tensor:
        return _binary(operator.sub, self, other)

    def __rsub__(self, other: Operand) -> Tensor:  # other - self
        return _binary(operator.sub, other, self)

    def __mul__(self, other: Operand) -> Tensor:
        return _binary(operator.mul, self, other)

    def __rmul__(self, other: Operand) -> Tensor:  # other * self
        return _binary(operator.mul, other, self)

    def __truediv__(self, other: Operand) -> Tensor:
        return _binary(_divide, self, other)

    def __rtruediv__(self, other: Operand) -> Tensor:  # other / self
        return _binary(_divide, other, self)

    def __pow__(self, other: Operand) -> Tensor:
        return _binary(_power, self, other)

    def __rpow__(self, other: Operand) -> Tensor:  # other ** self
        return _binary(_power, other, self)

    def __neg__(self) -> Tensor:
        return Tensor._trusted(list(map(operator.neg, self._data)), self._shape)

    def __pos__(self) -> Tensor:
        return self

    def __abs__(self) -> Tensor:
        return Tensor._trusted(list(map(abs, self._data)), self._shape)

    def map(self, function: Callable[[Any], Number]) -> Tensor:
        """Return ``function`` applied to every element (Nx's ``Nx.map``).

        The results are checked to be numbers and promoted to one type.

        >>> tensor([1, 2, 3]).map(lambda v: v * 10)
        tensor([10, 20, 30])
        >>> tensor([1, 2]).map(lambda v: v / 2)
        tensor([0.5, 1.0])
        """
        values = list(map(function, self._data))
        return Tensor._trusted(promote_numbers(values, self._shape), self._shape)

    # -----------------------------------------------------------------------
    # Comparisons: bool tensors, as in NumPy (Nx gives 0/1 integers instead).
    # -----------------------------------------------------------------------

    def __lt__(self, other: Operand) -> Tensor:
        return _binary(operator.lt, self, other)

    def __le__(self, other: Operand) -> Tensor:
        return _binary(operator.le, self, other)

    def __gt__(self, other: Operand) -> Tensor:
        return _binary(operator.gt, self, other)

    def __ge__(self, other: Operand) -> Tensor:
        return _binary(operator.ge, self, other)

    def __eq__(self, other: object) -> Tensor:  # type: ignore[override]
        return _binary(operator.eq, self, other)

    def __ne__(self, other: object) -> Tensor:  # type: ignore[override]
        return _binary(operator.ne, self, other)

    def any(self, axis: Optional[int] = None, keepdims: bool = False) -> Any:
        """Whether any element (along ``axis``) is true.

        >>> tensor([0, 0, 3]).any(), tensor([[0, 1], [0, 0]]).any(axis=1)
        (True, tensor([True, False]))
        """
        return self._reduce(any, axis, keepdims)

    def all(self, axis: Optional[int] = None, keepdims: bool = False) -> Any:
        """Whether every element (along ``axis``) is true.

        >>> tensor([1, 2, 0]).all(), tensor([]).all()
        (False, True)
        """
        return self._reduce(all, axis, keepdims)

    # -----------------------------------------------------------------------
    # Reductions: one number for the whole tensor, or a tensor along an axis.
    # -----------------------------------------------------------------------

    def sum(self, axis: Optional[int] = None, keepdims: bool = False) -> Any:
        """Sum all elements, or along ``axis`` (negative axes count from the end).

        >>> m = tensor([[1, 2, 3], [4, 5, 6]])
        >>> m.sum(), m.sum(axis=0), m.sum(axis=-1, keepdims=True)
        (21, tensor([5, 7, 9]), tensor([[ 6],
                [15]]))
        """
        return self._reduce(sum, axis, keepdims)

    def max(self, axis: Optional[int] = None, keepdims: bool = False) -> Any:
        """The largest element, or the largest along ``axis``; NaN wins, as in NumPy.

        This is a reduction: the notebook's elementwise ``Nx.max(t, 0)`` is ``maximum(t, 0)``.

        >>> tensor([[1, 5], [7, 2]]).max(axis=0)
        tensor([7, 5])
        >>> tensor([1.0, float("nan"), 3.0]).max()
        nan
        """
        return self._reduce(_max_of, axis, keepdims)

    def min(self, axis: Optional[int] = None, keepdims: bool = False) -> Any:
        """The smallest element, or the smallest along ``axis``; NaN wins, as in NumPy.

        >>> tensor([[1, 5], [7, 2]]).min(axis=1)
        tensor([1, 2])
        """
        return self._reduce(_min_of, axis, keepdims)

    def mean(self, axis: Optional[int] = None, keepdims: bool = False) -> Any:
        """The arithmetic mean, overall or along ``axis`` (NaN for an empty lane).

        >>> tensor([[1, 2], [3, 4]]).mean(), tensor([[1, 2], [3, 4]]).mean(axis=0)
        (2.5, tensor([2.0, 3.0]))
        """
        return self._reduce(_mean_of, axis, keepdims)

    def argmax(self, axis: Optional[int] = None) -> Any:
        """The index of the largest element: in the flattened tensor, or along ``axis``.

        Ties go to the first maximum; a NaN, if any, counts as the maximum.

        >>> tensor([[1, 9], [7, 2]]).argmax(), tensor([[1, 9], [7, 2]]).argmax(axis=1)
        (1, tensor([1, 0]))
        """
        return self._reduce(_argmax_of, axis, keepdims=False)

    def _reduce(self, lane_function: Callable[[List[Number]], Any], axis: Optional[int], keepdims: bool) -> Any:
        """Apply ``lane_function`` to all data, or to every lane along ``axis``.

        Along an axis the tensor is viewed as ``(outer, length, inner)``; the lane for
        ``(o, i)`` is the slice ``data[o*length*inner + i :: inner]`` cut at the end of
        block ``o``, which Python's slicing gathers at C speed.
        """
        if axis is None:
            value = lane_function(self._data)
            return Tensor._trusted([value], (1,) * self.ndim) if keepdims else value
        axis = normalize_axis(axis, self.ndim)
        outer = size_of(self._shape[:axis])
        inner = size_of(self._shape[axis + 1 :])
        block = self._shape[axis] * inner
        data = self._data
        values = [
            lane_function(data[o * block + i : (o + 1) * block : inner])
            for o in range(outer)
            for i in range(inner)
        ]
        kept = (1,) if keepdims else ()
        shape = self._shape[:axis] + kept + self._shape[axis + 1 :]
        return Tensor._trusted(values, shape) if shape else values[0]  # 1-d -> a number, as NumPy

    # -----------------------------------------------------------------------
    # Shape changes
    # -----------------------------------------------------------------------

    def reshape(self, *shape: Any) -> Tensor:
        """The same data read with another shape; one length may be ``-1`` (inferred).

        ``reshape(2, 3)`` and ``reshape((2, 3))`` mean the same, as in NumPy.

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
        return Tensor._trusted(self._data, resolve_reshape(self.size, shape))

    def flatten(self) -> Tensor:
        """The elements as a 1-d tensor, in row-major order.

        >>> tensor([[1, 2], [3, 4]]).flatten()
        tensor([1, 2, 3, 4])
        """
        return Tensor._trusted(self._data, (self.size,))

    @property
    def T(self) -> Tensor:
        """The transpose: ``transpose()`` with the axes reversed.

        >>> tensor([[1, 2, 3], [4, 5, 6]]).T
        tensor([[1, 4],
                [2, 5],
                [3, 6]])
        """
        return self.transpose()

    def transpose(self, *axes: int) -> Tensor:
        """Permute the axes: reversed by default, or in the order given.

        >>> tensor([[[1, 2]], [[3, 4]]]).transpose(1, 0, 2).shape
        (1, 2, 2)
        """
        if len(axes) == 1 and isinstance(axes[0], (tuple, list)):
            axes = tuple(axes[0])
        order = list(reversed(range(self.ndim))) if not axes else [normalize_axis(a, self.ndim) for a in axes]
        if sorted(order) != list(range(self.ndim)):
            raise ValueError(f"axes {tuple(axes)} don't match a tensor of shape {self._shape}")
        strides = strides_of(self._shape)
        steps = [(strides[axis], self._shape[axis]) for axis in order]
        shape = tuple(self._shape[axis] for axis in order)
        return Tensor._trusted(gather(self._data, 0, steps), shape)

    def astype(self, dtype: DType) -> Tensor:
        """A copy with every element converted to ``bool``, ``int`` or ``float``.

        ``int`` truncates toward zero, as NumPy does; NaN and infinity have no int.

        >>> tensor([-1.5, 0.0, 2.7]).astype(int)
        tensor([-1, 0, 2])
        >>> (tensor([-1.0, 1.0]) > 0).astype(int)
        tensor([0, 1])
        >>> tensor([1.0, float("inf")]).astype(int)
        Traceback (most recent call last):
        ...
        ValueError: cannot convert inf at [1] to int
        """
        convert = _DTYPES.get(dtype) if isinstance(dtype, (type, str)) else None
        if convert is None:
            raise TypeError(f"dtype must be bool, int or float (or their names), not {dtype!r}")
        try:
            return Tensor._trusted(list(map(convert, self._data)), self._shape)
        except (ValueError, OverflowError):
            for index, value in enumerate(self._data):
                try:
                    convert(value)
                except (ValueError, OverflowError):
                    where = list(unravel(index, self._shape))
                    raise ValueError(f"cannot convert {value!r} at {where} to {convert.__name__}") from None
            raise

    # -----------------------------------------------------------------------
    # Linear algebra
    # -----------------------------------------------------------------------

    def dot(self, other: Operand) -> Any:
        """The dot product with NumPy's ``dot`` rules for 0-d to 2-d tensors.

        - vector · vector: a number;
        - matrix · matrix ``(m, n) · (n, p)``: a ``(m, p)`` tensor;
        - vector · matrix ``(n,) · (n, p)``: ``(p,)``; matrix · vector ``(m, n) · (n,)``: ``(m,)``;
        - with a 0-d tensor: elementwise multiplication.

        >>> tensor([1, 2]).dot(tensor([[1, 3, 5], [2, 4, 6]]))
        tensor([5, 11, 17])
        >>> tensor([[1, 2, 3]]).dot(tensor([1, 2]))
        Traceback (most recent call last):
        ...
        ValueError: shapes (1,3) and (2,) not aligned: 3 (dim 1) != 2 (dim 0)
        """
        right = as_tensor(other)
        left_shape, right_shape = self._shape, right._shape
        if not left_shape or not right_shape:
            product = self * right
            return product.item() if product.ndim == 0 else product
        if len(left_shape) > 2 or len(right_shape) > 2:
            raise ValueError(
                f"dot supports tensors of up to 2 dimensions, got shapes "
                f"{format_shape(left_shape)} and {format_shape(right_shape)}"
            )
        inner = left_shape[-1]
        if inner != right_shape[0]:
            raise ValueError(
                f"shapes {format_shape(left_shape)} and {format_shape(right_shape)} not aligned: "
                f"{inner} (dim {len(left_shape) - 1}) != {right_shape[0]} (dim 0)"
            )
        left_rows = left_shape[0] if len(left_shape) == 2 else 1
        columns = right_shape[1] if len(right_shape) == 2 else 1
        rows = [self._data[r * inner : (r + 1) * inner] for r in range(left_rows)]
        # Transpose the right operand once: column j of a row-major (n, p) is data[j::p].
        cols = [right._data[j::columns] for j in range(columns)]
        if _worth_skipping_zeros(self._data, right._data, inner):
            values = _dot_rows_skipping_zeros(rows, cols)
        else:
            values = _dot_rows(rows, cols)
        shape = left_shape[:-1] + right_shape[1:]
        return values[0] if not shape else Tensor._trusted(values, shape)

    def __matmul__(self, other: Operand) -> Any:
        """``a @ b``: ``a.dot(b)``, except that 0-d operands are refused, as in NumPy."""
        return _matmul(self, as_tensor(other))

    def __rmatmul__(self, other: Operand) -> Any:  # other @ self
        return _matmul(as_tensor(other), self)


# ---------------------------------------------------------------------------
# Construction and the shared elementwise engine
# ---------------------------------------------------------------------------


def tensor(data: Any, dtype: Optional[DType] = None) -> Tensor:
    """Make a tensor from a number, nested lists or tuples, or another tensor (``np.array``).

    The data is checked (every row of one length, numbers only) and copied, so later
    changes to ``data`` do not reach the tensor. ``dtype`` converts the elements.

    >>> tensor([[1, 2], [3, 4]])
    tensor([[1, 2],
            [3, 4]])
    >>> tensor([-1.0, 1.0, 2.0] , dtype=bool)
    tensor([True, True, True])
    >>> tensor([tensor([1, 2]), tensor([3, 4])]).shape    # rows that are tensors stack
    (2, 2)
    >>> tensor([[1, 2], [3]])
    Traceback (most recent call last):
    ...
    ValueError: ragged nested list at [1]: expected length 2, got 1
    """
    return Tensor(data, dtype)


def as_tensor(data: Any) -> Tensor:
    """Return ``data`` itself if it is a tensor, else ``tensor(data)`` (``np.asarray``).

    >>> t = tensor([1, 2])
    >>> as_tensor(t) is t, as_tensor([1, 2])
    (True, tensor([1, 2]))
    """
    return data if isinstance(data, Tensor) else Tensor(data)


def elementwise(function: Callable[[Any, Any], Any], left: Operand, right: Operand) -> Tensor:
    """Apply the two-argument ``function`` element by element, with NumPy broadcasting.

    Either side may be a tensor, a Python number or nested lists. Same shapes are
    zipped; a number is repeated; other shapes are first expanded to their common
    broadcast shape. Every operator of ``Tensor`` is one call to this function.

    >>> elementwise(max, tensor([[1], [5]]), tensor([2, 3, 4]))
    tensor([[2, 3, 4],
            [5, 5, 5]])
    >>> elementwise(max, tensor([1, 2]), tensor([1, 2, 3]))
    Traceback (most recent call last):
    ...
    ValueError: operands could not be broadcast together with shapes (2,) (3,)
    """
    left_data, left_shape = _operand_parts(left)
    right_data, right_shape = _operand_parts(right)
    # A Python int meeting a float tensor is read as a float, as NumPy does, so that
    # e.g. maximum(x, 0) on floats gives 0.0, not the int 0.
    if not right_shape and _is_float_data(left_data) and type(right_data[0]) is not float:
        right_data = [float(right_data[0])]
    if not left_shape and _is_float_data(right_data) and type(left_data[0]) is not float:
        left_data = [float(left_data[0])]

    if left_shape == right_shape:
        shape = left_shape
        pairs = (left_data, right_data)
    elif not right_shape:  # tensor with number: the most common case, no expansion
        shape = left_shape
        pairs = (left_data, repeat(right_data[0]))  # type: ignore[assignment]
    elif not left_shape:
        shape = right_shape
        pairs = (repeat(left_data[0]), right_data)  # type: ignore[assignment]
    else:
        shape = broadcast_shapes(left_shape, right_shape)
        pairs = (broadcast_to(left_data, left_shape, shape), broadcast_to(right_data, right_shape, shape))
    try:
        values = list(map(function, *pairs))
    except (ArithmeticError, ValueError) as error:
        raise _explain_failure(function, *pairs, shape) from error
    return Tensor._trusted(values, shape)


# ---------------------------------------------------------------------------
# Private helpers: scalar kernels
# ---------------------------------------------------------------------------

if sys.version_info >= (3, 12):
    # math.sumprod (3.12+) multiplies and adds in C with extended precision: about 4x
    # faster than sum(map(mul, ...)) on this project's machine.
    from math import sumprod as _sumprod
else:

    def _sumprod(p: Sequence[Number], q: Sequence[Number]) -> Number:
        """``p[0]*q[0] + p[1]*q[1] + ...``: about 25 ns a term on CPython 3.11."""
        total: Number = sum(map(operator.mul, p, q))
        return total


def _dot_rows(rows: List[List[Number]], cols: List[List[Number]]) -> List[Number]:
    """One sum of products for every (row, column) pair, row-major: the matrix product."""
    return [_sumprod(row, col) for row in rows for col in cols]


def _dot_rows_skipping_zeros(rows: List[List[Number]], cols: List[List[Number]]) -> List[Number]:
    """``_dot_rows`` that multiplies only the non-zero entries of each row.

    For a row that is 82 % zeros (an MNIST image) this is about 3x faster. A zero
    term adds nothing to a sum, so the answer is the same, provided no column holds an
    infinity or a NaN (``0 * inf`` is NaN): the caller checks that first.
    """
    values: List[Number] = []
    for row in rows:
        nonzero = list(compress(range(len(row)), row))  # the k where row[k] is not 0
        if len(nonzero) < 2:  # itemgetter of one index gives an item, not a tuple
            values.extend(_sumprod(row, col) for col in cols)
            continue
        pick = operator.itemgetter(*nonzero)  # gathers the entries at C speed
        kept = pick(row)
        values.extend(_sumprod(kept, pick(col)) for col in cols)
    return values


def _worth_skipping_zeros(left: List[Number], right: List[Number], inner: int) -> bool:
    """Whether the left operand looks mostly zero and the right one is finite floats.

    Only the first row is counted (a C-speed ``count``), so a dense product pays almost
    nothing for the question. A sum is finite only if every term is (it may also
    overflow, and then the answer is a safe "no").
    """
    first_row = left[:inner]
    if 2 * first_row.count(0) <= len(first_row) or not right or type(right[0]) is not float:
        return False
    try:
        return math.isfinite(sum(right))
    except OverflowError:
        return False


def _divide(a: Number, b: Number) -> float:
    """``a / b`` with IEEE results for division by zero: ``±inf``, or NaN for ``0/0``."""
    try:
        return a / b
    except ZeroDivisionError:
        if a != a or a == 0:
            return math.nan
        return math.copysign(math.inf, a) * math.copysign(1.0, b)


_MAX_INT_BITS = 1 << 16  # about 20,000 digits: far beyond any int a network needs


def _power(base: Number, exponent: Number) -> Number:
    """``base ** exponent`` with NumPy's answers where Python would raise or go complex."""
    if type(base) is not float and type(exponent) is not float:
        if exponent < 0:
            raise ValueError("Integers to negative integer powers are not allowed.")
        # Python's ints never overflow, so 2 ** 10**9 would compute for minutes; NumPy's
        # int64 would wrap to a wrong number. Neither is an answer: refuse it plainly.
        if abs(base) > 1 and (int(abs(base)).bit_length() - 1) * exponent > _MAX_INT_BITS:
            raise ValueError(f"integer power too large: {base} ** {exponent} has over {_MAX_INT_BITS} bits")
    try:
        result = base**exponent
    except ZeroDivisionError:  # 0.0 ** negative
        return math.copysign(math.inf, base) if _is_odd_integer(exponent) else math.inf
    except OverflowError:
        return -math.inf if base < 0 and _is_odd_integer(exponent) else math.inf
    if isinstance(result, complex):  # negative base, fractional exponent
        return math.nan
    return result


def _is_odd_integer(value: Number) -> bool:
    return float(value).is_integer() and int(value) % 2 == 1


def _max_of(lane: List[Number]) -> Number:
    if not lane:
        raise ValueError("zero-size array to reduction operation maximum which has no identity")
    if any(map(math.isnan, lane)):
        return math.nan
    return max(lane)


def _min_of(lane: List[Number]) -> Number:
    if not lane:
        raise ValueError("zero-size array to reduction operation minimum which has no identity")
    if any(map(math.isnan, lane)):
        return math.nan
    return min(lane)


def _mean_of(lane: List[Number]) -> float:
    return sum(lane) / len(lane) if lane else math.nan


def _argmax_of(lane: List[Number]) -> int:
    if not lane:
        raise ValueError("attempt to get argmax of an empty sequence")
    nans = list(map(math.isnan, lane))
    if any(nans):
        return nans.index(True)
    return lane.index(max(lane))


def _matmul(left: Tensor, right: Tensor) -> Any:
    for position, operand in enumerate((left, right)):
        if operand.ndim == 0:
            raise ValueError(f"matmul: Input operand {position} does not have enough dimensions (has 0)")
    return left.dot(right)


# ---------------------------------------------------------------------------
# Private helpers: operands, indexing and errors
# ---------------------------------------------------------------------------


def _binary(function: Callable[[Any, Any], Any], left: Any, right: Any) -> Tensor:
    """``elementwise`` for the operators: ``NotImplemented`` for operands we do not know,
    so that Python can ask the other operand (or raise its usual ``TypeError``)."""
    for operand in (left, right):
        if not isinstance(operand, (Tensor, int, float, list, tuple, range)):
            return NotImplemented  # type: ignore[no-any-return]
    return elementwise(function, left, right)


def _operand_parts(value: Any) -> Tuple[List[Number], Shape]:
    if isinstance(value, Tensor):
        return value._data, value._shape
    if type(value) in (int, float, bool):  # the fast path for Python numbers
        return [value], ()
    return flatten_nested(value)


def _is_float_data(data: List[Number]) -> bool:
    return bool(data) and type(data[0]) is float


def _explain_failure(function: Callable[[Any, Any], Any], left: Any, right: Any, shape: Shape) -> Exception:
    """Find the element where ``function`` failed and say where; NumPy's own messages pass."""
    for index, (a, b) in enumerate(zip(left, right)):
        try:
            function(a, b)
        except ValueError as error:
            return error
        except ArithmeticError as error:
            where = list(unravel(index, shape))
            name = getattr(function, "__name__", "operation")
            return ValueError(f"{name} failed at {where} on {a!r} and {b!r}: {error}")
    return ValueError("elementwise operation failed")


def _expand_index(key: Any, ndim: int) -> List[Any]:
    """Turn a key into one int or slice per indexed axis, expanding ``...``."""
    keys = list(key) if isinstance(key, tuple) else [key]
    for position, item in enumerate(keys):
        if item is Ellipsis:
            continue
        if isinstance(item, slice):
            continue
        if isinstance(item, bool) or not hasattr(item, "__index__"):
            raise TypeError(
                "only integers, slices (`:`) and ellipsis (`...`) are valid indices, "
                f"got {type(item).__name__} {item!r}"
            )
        keys[position] = operator.index(item)
    ellipses = keys.count(Ellipsis)
    if ellipses > 1:
        raise ValueError("an index can only have a single ellipsis ('...')")
    indexed = len(keys) - ellipses
    if indexed > ndim:
        raise OutOfBoundsError(
            f"too many indices for array: array is {ndim}-dimensional, but {indexed} were indexed"
        )
    if ellipses:
        at = keys.index(Ellipsis)
        keys[at : at + 1] = [slice(None)] * (ndim - indexed)
    return keys


def _check_index(index: int, length: int, axis: int) -> int:
    if not -length <= index < length:
        raise OutOfBoundsError(f"index {index} is out of bounds for axis {axis} with size {length}")
    return index % length


# ---------------------------------------------------------------------------
# Private helpers: repr
# ---------------------------------------------------------------------------

_SUMMARY_THRESHOLD = 1000  # NumPy's: larger tensors show only their edges
_EDGE_ITEMS = 3
_LINE_WIDTH = 75


def _format_tensor(data: List[Number], shape: Shape, cell: Callable[[Number], str]) -> str:
    """Lay out the numbers NumPy-style, building strings from the innermost axis out."""
    prefix = "tensor("
    if not shape:
        return f"{prefix}{cell(data[0])})"
    if not data:  # no numbers to lay out: nested lists show it, unless e.g. (0, 3)
        return f"zeros({shape!r})" if 0 in shape[:-1] else f"{prefix}{nest(data, shape)!r})"
    summarise = len(data) > _SUMMARY_THRESHOLD
    kept = [_kept_indices(length, summarise) for length in shape]
    offsets = [0]
    for stride, indices in zip(strides_of(shape), kept):
        offsets = [offset + i * stride for offset in offsets for i in indices if i is not None]
    cells = [cell(data[offset]) for offset in offsets]
    # Align columns: always in the short form (str), and for matrices and up in repr.
    width = max(map(len, cells)) if cell is _short or len(shape) > 1 else 0
    pieces = [cell.rjust(width) for cell in cells]

    last = len(shape) - 1
    for axis in reversed(range(len(shape))):
        shown = [i for i in kept[axis] if i is not None]
        groups = [pieces[start : start + len(shown)] for start in range(0, len(pieces), len(shown))]
        pieces = []
        for members in groups:
            if len(shown) < len(kept[axis]):  # a summarised axis: "..." in the middle
                members = members[:_EDGE_ITEMS] + ["..."] + members[_EDGE_ITEMS:]
            if axis == last:
                pieces.append("[" + _wrap(members, len(prefix) + len(shape)) + "]")
            else:
                # Rows end with a newline, 2-d blocks with a blank line, and so on.
                separator = "," + "\n" * (last - axis) + " " * (len(prefix) + axis + 1)
                pieces.append("[" + separator.join(members) + "]")
    suffix = f", shape={shape!r})" if summarise else ")"
    return prefix + pieces[0] + suffix


def _short(value: Number) -> str:
    """A float as NumPy prints it: 8 decimals at most, scientific when tiny or huge."""
    if type(value) is not float or not math.isfinite(value):
        return repr(value)
    if value == 0 or 1e-4 <= abs(value) < 1e16:
        text = f"{value:.8f}".rstrip("0")
        return text + "0" if text.endswith(".") else text
    mantissa, exponent = f"{value:.8e}".split("e")
    mantissa = mantissa.rstrip("0")
    return f"{mantissa}0e{exponent}" if mantissa.endswith(".") else f"{mantissa}e{exponent}"


def _kept_indices(length: int, summarise: bool) -> List[Optional[int]]:
    """The indices shown along an axis; ``None`` marks the ``...`` of a summary."""
    if summarise and length > 2 * _EDGE_ITEMS:
        return [*range(_EDGE_ITEMS), None, *range(length - _EDGE_ITEMS, length)]
    return list(range(length))


def _wrap(cells: List[str], indent: int) -> str:
    """Join one row's cells with ``", "``, breaking lines at NumPy's width of 75."""
    lines: List[str] = []
    line = ""
    for cell in cells:
        if line and indent + len(line) + len(cell) + 2 > _LINE_WIDTH:
            lines.append(line + ",")
            line = cell
        else:
            line = f"{line}, {cell}" if line else cell
    lines.append(line)
    return ("\n" + " " * indent).join(lines)

