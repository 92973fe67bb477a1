"""Tensors made from a rule rather than from data.

- ``arange``: evenly spaced numbers, filled exactly as NumPy fills them;
- ``zeros``, ``ones``, ``full``, ``empty``: a shape filled with one value;
- ``zeros_like``, ``ones_like``, ``full_like``, ``empty_like``, ``copy``: the same shape,
  dtype and memory order as another tensor;
- ``eye``, ``identity``: ones on a diagonal, zeros elsewhere;
- ``meshgrid``: coordinate matrices from coordinate vectors (the book's gradient plot);
- ``frombuffer``: a tensor over raw bytes (the book's MNIST loader reads its files so).

>>> arange(5)
tensor([0, 1, 2, 3, 4])
>>> zeros((2, 3), dtype="uint8")
tensor([[0, 0, 0],
        [0, 0, 0]], dtype=uint8)
"""

from __future__ import annotations

__all__ = [
    "arange",
    "zeros",
    "ones",
    "full",
    "empty",
    "zeros_like",
    "ones_like",
    "full_like",
    "empty_like",
    "copy",
    "eye",
    "identity",
    "meshgrid",
    "frombuffer",
]

import math
from typing import Any, List, Optional, Sequence, Tuple, Union

from . import casting, dtypes
from ._shape import Number, check_ndim, size_of
from .core import Tensor, as_tensor
from .dtypes import DType, DTypeLike, float64
from .layout import like_order

ShapeLike = Union[int, Sequence[int]]


def arange(
    start: Number, stop: Optional[Number] = None, step: Number = 1, dtype: Optional[DTypeLike] = None
) -> Tensor:
    """Evenly spaced numbers from ``start`` up to, not including, ``stop`` (``np.arange``).

    With one argument it counts from 0. The length is NumPy's ``ceil((stop - start) /
    step)``; the elements are ints when every argument is an int, floats otherwise.
    They are filled as NumPy fills them: ``start``, ``start + step``, then ``start + i *
    delta`` with ``delta = (start + step) - start``, so that the book's x axis has
    NumPy's very numbers (its middle element is ``-1.7763568394002505e-14``, not 0).

    >>> arange(1, 10, 3), arange(-1.0, 1.0, 0.5)
    (tensor([1, 4, 7]), tensor([-1. , -0.5,  0. ,  0.5]))
    >>> x = arange(-5.0, 5.0, 0.1)          # the book's x axis for every plot
    >>> x.shape, x[50]
    ((100,), -1.7763568394002505e-14)
    >>> arange(0, 5, 0)
    Traceback (most recent call last):
    ...
    ValueError: arange: step must not be zero
    """
    if stop is None:
        start, stop = 0, start
    for name, value in (("start", start), ("stop", stop), ("step", step)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"arange: {name} must be an int or a float, not {type(value).__name__}")
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"arange: {name} must be finite, got {value!r}")
    if step == 0:
        raise ValueError("arange: step must not be zero")
    if all(isinstance(value, int) for value in (start, stop, step)):
        length = max(int(-((start - stop) // step)), 0)  # exact ceiling division for ints
    else:
        low, high, by = (casting.to_float(value) for value in (start, stop, step))
        span = (high - low) / by
        if not math.isfinite(span):
            raise ValueError(f"arange({start!r}, {stop!r}, {step!r}): (stop - start) / step is {span}")
        length = max(math.ceil(span), 0)
    to = dtypes.dtype(dtype) if dtype is not None else dtypes.result_type(start, stop, step)
    dtypes.check_fits((length,), to)
    first, second = casting.cast_scalar(start, to), casting.cast_scalar(start + step, to)
    values: List[Any] = [first, second][:length]
    # NumPy's fill: every element after them from the first two, in the dtype's own arithmetic.
    delta = _in(to, second - first)
    values.extend(_in(to, first + _in(to, i * delta)) for i in range(2, length))
    return Tensor.from_storage(to.storage(values), (length,), to)


def zeros(shape: ShapeLike, dtype: DTypeLike = float64) -> Tensor:
    """A tensor of ``shape`` filled with zeros (``np.zeros``); float64 unless ``dtype`` says.

    >>> zeros(3), zeros((1, 2), dtype=int)
    (tensor([0., 0., 0.]), tensor([[0, 0]]))
    """
    return full(shape, 0, dtype)


def ones(shape: ShapeLike, dtype: DTypeLike = float64) -> Tensor:
    """A tensor of ``shape`` filled with ones (``np.ones``).

    >>> ones((1, 2))
    tensor([[1., 1.]])
    """
    return full(shape, 1, dtype)


def empty(shape: ShapeLike, dtype: DTypeLike = float64) -> Tensor:
    """``np.empty``: a tensor of ``shape`` whose values are to be overwritten.

    NumPy's holds whatever was in memory; zeronn's holds zeros (a list has no garbage).

    >>> empty(2)
    tensor([0., 0.])
    """
    return zeros(shape, dtype)


def full(shape: ShapeLike, fill_value: Number, dtype: Optional[DTypeLike] = None) -> Tensor:
    """A tensor of ``shape`` with every element ``fill_value`` (``np.full``).

    The dtype is ``fill_value``'s (int64 for an int) unless ``dtype`` says otherwise.

    >>> full((2, 2), 7)
    tensor([[7, 7],
            [7, 7]])
    >>> full((2, -1), 7)
    Traceback (most recent call last):
    ...
    ValueError: negative dimensions are not allowed: (2, -1)
    """
    checked = _check_shape(shape)
    size = size_of(checked)
    if not isinstance(fill_value, (bool, int, float)):
        raise TypeError(f"fill_value must be a number, not {type(fill_value).__name__} {fill_value!r}")
    to = dtypes.dtype(dtype) if dtype is not None else dtypes.result_type(fill_value)
    dtypes.check_fits(checked, to)
    value = casting.cast_scalar(fill_value, to)
    # List repetition: one C-level loop, and the same number object shared by every slot.
    return Tensor.from_storage(to.storage([value] * size), checked, to)


def zeros_like(a: Any, dtype: Optional[DTypeLike] = None) -> Tensor:
    """Zeros of ``a``'s shape and dtype (``np.zeros_like``), laid out as ``a`` is.

    >>> zeros_like([[1, 2], [3, 4]]), zeros_like([1.5, 2.5])
    (tensor([[0, 0],
           [0, 0]]), tensor([0., 0.]))
    """
    return full_like(a, 0, dtype)


def ones_like(a: Any, dtype: Optional[DTypeLike] = None) -> Tensor:
    """Ones of ``a``'s shape and dtype (``np.ones_like``).

    >>> ones_like([True, False])
    tensor([ True,  True])
    """
    return full_like(a, 1, dtype)


def empty_like(a: Any, dtype: Optional[DTypeLike] = None) -> Tensor:
    """``np.empty_like``: a tensor of ``a``'s shape and dtype to be overwritten (zeros here).

    >>> empty_like([1.0, 2.0])
    tensor([0., 0.])
    """
    return full_like(a, 0, dtype)


def full_like(a: Any, fill_value: Number, dtype: Optional[DTypeLike] = None) -> Tensor:
    """A tensor of ``a``'s shape and dtype (or ``dtype``) filled with ``fill_value``.

    Like NumPy (``order="K"``), the new tensor keeps ``a``'s memory order: the
    ``zeros_like`` of a transpose is laid out column by column too, so its strides match.

    >>> x = full_like(zeros((2, 3)).T, 5.0)
    >>> x.shape, x.strides
    ((3, 2), (8, 24))
    """
    a = as_tensor(a)
    to = a.dtype if dtype is None else dtypes.dtype(dtype)
    order = like_order(a.shape, a.strides)
    made = full(tuple(a.shape[axis] for axis in order), fill_value, to)
    return made.transpose(*[order.index(axis) for axis in range(a.ndim)])


def copy(a: Any) -> Tensor:
    """``np.copy``: a new tensor with ``a``'s elements, keeping ``a``'s memory order.

    (The method ``a.copy()`` always lays the copy out row by row, as NumPy's does.)

    >>> x = zeros((2, 3)).T
    >>> copy(x).strides, x.copy().strides
    ((8, 24), (16, 8))
    """
    made = empty_like(a)
    made[...] = a
    return made


def eye(N: int, M: Optional[int] = None, k: int = 0, dtype: DTypeLike = float64) -> Tensor:
    """An ``N`` by ``M`` matrix (``M`` is ``N`` unless given) with ones on diagonal ``k`` and
    zeros elsewhere (``np.eye``): ``k > 0`` is above the main diagonal, ``k < 0`` below.

    >>> eye(2), eye(2, 3, k=1, dtype=int)
    (tensor([[1., 0.],
           [0., 1.]]), tensor([[0, 1, 0],
           [0, 0, 1]]))
    """
    columns = N if M is None else M
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in (N, columns, k)):
        raise TypeError(f"eye takes ints for N, M and k, got {N!r}, {M!r} and {k!r}")
    made = zeros((N, columns), dtype)
    for row in range(max(0, -k), min(N, columns - k)):
        made[row, row + k] = 1
    return made


def identity(n: int, dtype: DTypeLike = float64) -> Tensor:
    """The ``n`` by ``n`` identity matrix (``np.identity``): ``eye(n)``.

    (The book's output function for regression, ``identity_function``, is
    ``zeronn.nn.identity``.)

    >>> identity(3, dtype=int)
    tensor([[1, 0, 0],
            [0, 1, 0],
            [0, 0, 1]])
    """
    return eye(n, dtype=dtype)


def meshgrid(*xi: Any, indexing: str = "xy") -> Tuple[Tensor, ...]:
    """Coordinate matrices from coordinate vectors (``np.meshgrid``), as new tensors.

    With ``indexing="xy"`` (the default) ``X, Y = meshgrid(x, y)`` have shape
    ``(len(y), len(x))``: ``X[i, j] = x[j]`` and ``Y[i, j] = y[i]``, the layout of a
    plot. ``indexing="ij"`` keeps the order of the inputs instead.

    >>> X, Y = meshgrid([1, 2, 3], [10, 20])      # a tuple, as NumPy 2 returns
    >>> X
    tensor([[1, 2, 3],
            [1, 2, 3]])
    >>> Y
    tensor([[10, 10, 10],
            [20, 20, 20]])
    """
    if indexing not in ("xy", "ij"):
        raise ValueError(f"Valid values for `indexing` are 'xy' and 'ij', not {indexing!r}")
    vectors = [as_tensor(x).ravel() for x in xi]
    lengths = [len(vector) for vector in vectors]
    if indexing == "xy" and len(vectors) > 1:
        lengths[0], lengths[1] = lengths[1], lengths[0]
    grids = []
    for axis, vector in enumerate(vectors):
        if indexing == "xy" and len(vectors) > 1 and axis < 2:
            axis = 1 - axis
        shape = [1] * len(vectors)
        shape[axis] = len(vector)
        grid = empty(lengths, dtype=vector.dtype)
        grid[...] = vector.reshape(shape)  # copied as they are (x + 0.0 would turn -0.0 into 0.0)
        grids.append(grid)
    return tuple(grids)


def frombuffer(buffer: Any, dtype: DTypeLike = float64, count: int = -1, offset: int = 0) -> Tensor:
    """A 1-d tensor over the bytes of ``buffer`` (``np.frombuffer``), read as ``dtype``.

    The book's MNIST loader reads each file this way:
    ``np.frombuffer(f.read(), np.uint8, offset=16)`` skips the 16-byte header. For
    ``bytes`` the tensor is a read-only view of them, as in NumPy: nothing is copied.
    Bytes are read in this machine's byte order.

    >>> x = frombuffer(b"\\x00\\x00\\x00\\x00\\x07\\xff", "uint8", offset=4)
    >>> x, x.flags.writeable
    (tensor([  7, 255], dtype=uint8), False)
    """
    to = dtypes.dtype(dtype)
    raw = memoryview(buffer).cast("B")
    if not 0 <= offset <= len(raw):
        raise ValueError(f"offset must be non-negative and no greater than buffer length ({len(raw)})")
    available = (len(raw) - offset) // to.itemsize
    if count < 0:
        if (len(raw) - offset) % to.itemsize:
            raise ValueError("buffer size must be a multiple of element size")
        count = available
    elif count > available:
        raise ValueError("buffer is smaller than requested size")
    view = raw[offset : offset + count * to.itemsize]
    if to.typecode:  # a view of the buffer itself
        return Tensor.from_storage(view.cast(to.typecode), (count,), to)  # type: ignore[call-overload]
    if not raw.readonly:
        raise ValueError(
            f"zeronn keeps {to} in a Python list, which cannot share a writable buffer: "
            "pass bytes (read-only), or read a dtype such as float32 or uint8"
        )
    values = view.cast({"float64": "d", "int64": "q", "bool": "?"}[to.name]).tolist()  # type: ignore[call-overload]
    made = Tensor.from_storage(values, (count,), to)
    made.setflags(write=False)
    return made


# ---------------------------------------------------------------------------
# Private helpers
# ---------------------------------------------------------------------------

def _check_shape(shape: ShapeLike) -> Tuple[int, ...]:
    """``3`` or ``(2, 3)`` -> a tuple of non-negative ints, or a clear error."""
    lengths = (shape,) if isinstance(shape, int) else tuple(shape)
    for length in lengths:
        if isinstance(length, bool) or not isinstance(length, int):
            raise TypeError(f"shape must hold ints, got {type(length).__name__} in {shape!r}")
    if any(length < 0 for length in lengths):
        raise ValueError(f"negative dimensions are not allowed: {lengths!r}")
    check_ndim(len(lengths))
    return lengths


def _in(to: DType, value: Number) -> Number:
    """``value`` as the result of arithmetic in dtype ``to`` (rounded for float32)."""
    return casting.round_float32(value) if to is dtypes.float32 else value
