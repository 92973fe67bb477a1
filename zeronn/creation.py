"""Tensors made from a rule rather than from data.

- ``arange``: evenly spaced numbers, filled exactly as NumPy fills them;
- ``zeros``, ``ones``, ``full``, ``empty``: a shape filled with one value;
- ``zeros_like``, ``ones_like``, ``full_like``, ``empty_like``, ``copy``: the same shape,
  dtype and memory order as another tensor;
- ``eye``, ``identity``: ones on a diagonal, zeros elsewhere; ``tri``, ``tril``, ``triu``:
  ones below a diagonal, a matrix's lower or upper triangle;
- ``linspace``, ``logspace``: a given number of points between two ends, on a linear or a
  log scale;
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
    "linspace",
    "logspace",
    "tri",
    "tril",
    "triu",
    "meshgrid",
    "frombuffer",
]

import math
import operator
from typing import Any, List, Literal, Optional, Sequence, Tuple, Union, overload

from . import buffers, casting, dtypes
from ._shape import Number, check_ndim, size_of
from .core import Tensor, as_tensor
from .dtypes import DType, DTypeLike, float64
from .layout import like_order, order_letter

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
    if dtype is None and type(start) is int and type(stop) is int and type(step) is int and step:
        counted = range(start, stop, step)  # the usual case, arange(n): NumPy's fill gives range's numbers
        if len(counted) <= _SURELY_FITS and -_FAR < min(start, stop) and max(start, stop) < _FAR:
            return Tensor.from_storage(list(counted), (len(counted),), dtypes.int64)
    return _arange_any(start, stop, step, dtype)


# ``arange``'s usual case: fewer elements than take 64 MB as a list (more are asked about memory
# first), and bounds far from int64's limits (where NumPy's fill wraps around).
_SURELY_FITS = 1 << 23
_FAR = 2**62


def _arange_any(start: Number, stop: Number, step: Number, dtype: Optional[DTypeLike]) -> Tensor:
    """``arange`` in every case: floats, other dtypes, NumPy's fill and its errors."""
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
    to = dtypes.dtype(dtype) if dtype is not None else dtypes.operation_type(start, stop, step)
    if to is dtypes.bool_ and length > 2:
        raise TypeError("arange() is only supported for booleans when the result has at most length 2.")
    dtypes.check_fits((length,), to)
    first, second = casting.cast_scalar(start, to), casting.cast_scalar(start + step, to)
    values: List[Any] = [first, second][:length]
    # NumPy's fill: every element after them from the first two, in the dtype's own arithmetic
    # (integers wrap around as C's do: arange(250, 260, dtype=uint8) goes on 0, 1, 2, 3).
    delta = _in(to, second - first)
    values.extend(_in(to, first + _in(to, i * delta)) for i in range(2, length))
    if to.kind in "iu":
        values = casting.wrap(values, to)
    return Tensor.from_storage(to.storage(values), (length,), to)


def zeros(
    shape: ShapeLike, dtype: Optional[DTypeLike] = None, order: str = "C", *, device: Optional[str] = None,
    like: Any = None,
) -> Tensor:  # fmt: skip
    """A tensor of ``shape`` filled with zeros (``np.zeros``); float64 unless ``dtype`` says,
    laid out row by row (``order="F"``: column by column).

    >>> zeros(3), zeros((1, 2), dtype=int), zeros((2, 3), order="F").strides
    (tensor([0., 0., 0.]), tensor([[0, 0]]), (8, 16))
    """
    return full(shape, 0, float64 if dtype is None else dtype, order, device=device, like=like)


def ones(
    shape: ShapeLike, dtype: Optional[DTypeLike] = None, order: str = "C", *, device: Optional[str] = None,
    like: Any = None,
) -> Tensor:  # fmt: skip
    """A tensor of ``shape`` filled with ones (``np.ones``); float64 unless ``dtype`` says.

    >>> ones((1, 2)), ones(2, dtype=bool)
    (tensor([[1., 1.]]), tensor([ True,  True]))
    """
    return full(shape, 1, float64 if dtype is None else dtype, order, device=device, like=like)


def empty(
    shape: ShapeLike, dtype: Optional[DTypeLike] = None, order: str = "C", *, device: Optional[str] = None,
    like: Any = None,
) -> Tensor:  # fmt: skip
    """``np.empty``: a tensor of ``shape`` whose values are to be overwritten.

    NumPy's holds whatever was in memory; zeronn's holds zeros (a list has no garbage).

    >>> empty(2), empty((2, 2), dtype=None).dtype
    (tensor([0., 0.]), dtype('float64'))
    """
    return zeros(shape, dtype, order, device=device, like=like)


def full(
    shape: ShapeLike, fill_value: Any, dtype: Optional[DTypeLike] = None, order: str = "C", *,
    device: Optional[str] = None, like: Any = None,
) -> Tensor:  # fmt: skip
    """A tensor of ``shape`` with every element ``fill_value`` (``np.full``).

    The dtype is ``fill_value``'s, as ``tensor(fill_value)`` would give it (int64 for an
    int), unless ``dtype`` says otherwise. ``fill_value`` may also be a tensor or a list,
    broadcast over ``shape``.

    >>> full((2, 2), 7), full(3, [1, 2, 3])
    (tensor([[7, 7],
           [7, 7]]), tensor([1, 2, 3]))
    >>> full((2, -1), 7)
    Traceback (most recent call last):
    ...
    ValueError: negative dimensions are not allowed: (2, -1)
    """
    _check_device_and_like(device, like)
    checked = _check_shape(shape)
    order = order_letter(order)
    if order not in ("C", "F"):
        raise ValueError("only 'C' or 'F' order is permitted")
    scalar = isinstance(fill_value, (bool, int, float))
    to = dtypes.dtype(dtype) if dtype is not None else as_tensor(fill_value).dtype
    dtypes.check_fits(checked, to)
    if scalar and (order == "C" or len(checked) < 2):
        value = casting.cast_scalar(fill_value, to)
        # List repetition: one C-level loop, and the same number object shared by every slot.
        return Tensor.from_storage(to.storage([value] * size_of(checked)), checked, to)
    made = _laid_out(checked, to, list(range(len(checked)))[:: -1 if order == "F" else 1])
    made[...] = fill_value if scalar else as_tensor(fill_value)  # (a tensor casts as astype does)
    return made


def zeros_like(
    a: Any, dtype: Optional[DTypeLike] = None, order: str = "K", subok: bool = True, shape: Optional[ShapeLike] = None,
    *, device: Optional[str] = None,
) -> Tensor:  # fmt: skip
    """Zeros of ``a``'s shape and dtype (``np.zeros_like``), laid out as ``a`` is.

    >>> zeros_like([[1, 2], [3, 4]]), zeros_like([1.5, 2.5])
    (tensor([[0, 0],
           [0, 0]]), tensor([0., 0.]))
    """
    return full_like(a, 0, dtype, order, subok, shape, device=device)


def ones_like(
    a: Any, dtype: Optional[DTypeLike] = None, order: str = "K", subok: bool = True, shape: Optional[ShapeLike] = None,
    *, device: Optional[str] = None,
) -> Tensor:  # fmt: skip
    """Ones of ``a``'s shape and dtype (``np.ones_like``).

    >>> ones_like([True, False])
    tensor([ True,  True])
    """
    return full_like(a, 1, dtype, order, subok, shape, device=device)


def empty_like(
    prototype: Any, dtype: Optional[DTypeLike] = None, order: str = "K", subok: bool = True,
    shape: Optional[ShapeLike] = None, *, device: Optional[str] = None,
) -> Tensor:  # fmt: skip
    """``np.empty_like``: a tensor of ``prototype``'s shape and dtype to be overwritten (zeros here).

    >>> empty_like([1.0, 2.0])
    tensor([0., 0.])
    """
    return full_like(prototype, 0, dtype, order, subok, shape, device=device)


def full_like(
    a: Any, fill_value: Any, dtype: Optional[DTypeLike] = None, order: str = "K", subok: bool = True,
    shape: Optional[ShapeLike] = None, *, device: Optional[str] = None,
) -> Tensor:  # fmt: skip
    """A tensor of ``a``'s shape (or ``shape``) and dtype (or ``dtype``) filled with ``fill_value``.

    Like NumPy's, with ``order="K"`` the new tensor keeps ``a``'s memory order: the
    ``zeros_like`` of a transpose is laid out column by column too, so its strides match.
    ``"C"`` and ``"F"`` ask for row or column order, ``"A"`` for column order if ``a`` has it.
    (``subok`` is accepted for NumPy's signature: zeronn has no subclasses of ``Tensor``.)

    >>> x = full_like(zeros((2, 3)).T, 5.0)
    >>> x.shape, x.strides
    ((3, 2), (8, 24))
    """
    _check_device_and_like(device, None)
    a = as_tensor(a)
    to = a.dtype if dtype is None else dtypes.dtype(dtype)
    lengths = a.shape if shape is None else _check_shape(shape)
    order = order_letter(order, "K")
    column_major = order == "F" or (order == "A" and a.flags.f_contiguous and not a.flags.c_contiguous)
    if order == "K" and len(lengths) == a.ndim:
        axes = like_order(a.shape, a.strides)
    else:
        axes = list(range(len(lengths)))[:: -1 if column_major or (order == "K" and _f_only(a)) else 1]
    made = _laid_out(lengths, to, axes)
    if fill_value is not None and not (isinstance(fill_value, (int, float)) and fill_value == 0):
        made[...] = fill_value
    return made


def copy(a: Any, order: str = "K", subok: bool = False) -> Tensor:
    """``np.copy``: a new tensor with ``a``'s elements, keeping ``a``'s memory order
    (``order="K"``; the method ``a.copy()`` lays the copy out row by row, as NumPy's does).

    >>> x = zeros((2, 3)).T
    >>> copy(x).strides, x.copy().strides
    ((8, 24), (16, 8))
    """
    t = as_tensor(a)
    return t.copy(order)  # (subok: zeronn has no subclasses of Tensor)


def eye(
    N: int, M: Optional[int] = None, k: int = 0, dtype: Optional[DTypeLike] = float64, order: str = "C", *,
    device: Optional[str] = None, like: Any = None,
) -> Tensor:  # fmt: skip
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
    made = zeros((N, columns), dtype, order, device=device, like=like)
    for row in range(max(0, -k), min(N, columns - k)):
        made[row, row + k] = 1
    return made


def identity(n: int, dtype: Optional[DTypeLike] = None, *, like: Any = None) -> Tensor:
    """The ``n`` by ``n`` identity matrix (``np.identity``): ``eye(n)``.

    (The book's output function for regression, ``identity_function``, is
    ``zeronn.nn.identity``.)

    >>> identity(3, dtype=int)
    tensor([[1, 0, 0],
            [0, 1, 0],
            [0, 0, 1]])
    """
    return eye(n, dtype=dtype, like=like)


# ---------------------------------------------------------------------------
# Numerical ranges and triangles
# ---------------------------------------------------------------------------


@overload
def linspace(
    start: Any, stop: Any, num: int = 50, endpoint: bool = True, retstep: Literal[False] = False,
    dtype: Optional[DTypeLike] = None, axis: int = 0, *, device: Optional[str] = None,
) -> Tensor: ...
@overload
def linspace(
    start: Any, stop: Any, num: int = 50, endpoint: bool = True, retstep: bool = False,
    dtype: Optional[DTypeLike] = None, axis: int = 0, *, device: Optional[str] = None,
) -> Any: ...
def linspace(
    start: Any, stop: Any, num: int = 50, endpoint: bool = True, retstep: bool = False,
    dtype: Optional[DTypeLike] = None, axis: int = 0, *, device: Optional[str] = None,
) -> Any:  # fmt: skip
    """``num`` evenly spaced numbers from ``start`` to ``stop`` (``np.linspace``), ``stop``
    included unless ``endpoint`` is false; with ``retstep``, also the step between them.

    Computed as NumPy computes them, so the very same floats: ``start + i * step`` with
    ``step = (stop - start) / (num - 1)``, in the dtype of ``start`` and ``stop`` (float64
    for ints), and the last one set to ``stop``. ``start`` and ``stop`` may be tensors: each
    of their elements gets its own range, along ``axis``. An integer ``dtype`` rounds down.

    >>> linspace(0, 1, 5), linspace(2.0, 3.0, 3, endpoint=False, retstep=True)
    (tensor([0.  , 0.25, 0.5 , 0.75, 1.  ]), (tensor([2.        , 2.33333333, 2.66666667]), 0.333...))
    >>> linspace(0, 1, -1)
    Traceback (most recent call last):
    ...
    ValueError: Number of samples, -1, must be non-negative.
    """
    _check_device_and_like(device, None)
    num = operator.index(num)
    if num < 0:
        raise ValueError(f"Number of samples, {num}, must be non-negative.")
    divisions = num - 1 if endpoint else num
    low, high = as_tensor(start), as_tensor(stop)
    computed = dtypes.result_type(low, high, 0.0) if low.ndim or high.ndim else dtypes.result_type(start, stop, 0.0)
    low, high = low.astype(computed), high.astype(computed)
    delta = high - low
    steps = arange(0, num, dtype=computed).reshape((-1,) + (1,) * as_tensor(delta).ndim)
    step: Any = math.nan
    if divisions > 0:
        step = delta / divisions
        if bool(as_tensor(step == 0).any()):  # NumPy's care for subnormal steps: divide first
            y = steps / divisions * delta
        else:
            y = steps * step
    else:
        y = steps * delta
    y = as_tensor(y + low)
    if endpoint and num > 1:
        y[-1, ...] = high
    if axis != 0:
        y = y.transpose(*_moved_first(y.ndim, axis))
    if dtype is not None:
        to = dtypes.dtype(dtype)
        if to.kind in "iu" and y.size:
            y = y.map(math.floor).astype(to)  # NumPy rounds down before casting to an integer
        y = y.astype(to)
    return (y, step) if retstep else y


def logspace(
    start: Any, stop: Any, num: int = 50, endpoint: bool = True, base: Any = 10.0,
    dtype: Optional[DTypeLike] = None, axis: int = 0,
) -> Tensor:  # fmt: skip
    """``num`` numbers spaced evenly on a log scale, ``base ** linspace(start, stop)`` (``np.logspace``).

    >>> logspace(0, 3, 4), logspace(0, 3, 4, base=2, dtype=int)
    (tensor([   1.,   10.,  100., 1000.]), tensor([1, 2, 4, 8]))
    """
    exponents = linspace(start, stop, num, endpoint, axis=axis)
    powers = as_tensor(as_tensor(base) ** exponents if not isinstance(base, (int, float)) else base**exponents)
    return powers if dtype is None else powers.astype(dtype)


def tri(N: int, M: Optional[int] = None, k: int = 0, dtype: DTypeLike = float, *, like: Any = None) -> Tensor:
    """An ``N`` by ``M`` matrix with ones at and below diagonal ``k``, zeros above (``np.tri``).

    >>> tri(3, 4, k=1, dtype=int)
    tensor([[1, 1, 0, 0],
            [1, 1, 1, 0],
            [1, 1, 1, 1]])
    """
    columns = N if M is None else M
    made = zeros((N, columns), dtype, like=like)
    for row in range(N):
        made[row, : max(0, min(columns, row + k + 1))] = 1
    return made


def tril(m: Any, k: int = 0) -> Tensor:
    """A copy of ``m`` with the elements above diagonal ``k`` zeroed (``np.tril``), in each of
    its last two axes' matrices; a vector is first repeated into a square.

    >>> tril([[1, 2, 3], [4, 5, 6], [7, 8, 9]]), tril([1, 2], k=-1)
    (tensor([[1, 0, 0],
           [4, 5, 0],
           [7, 8, 9]]), tensor([[0, 0],
           [1, 0]]))
    """
    return _triangle(m, k, lower=True)


def triu(m: Any, k: int = 0) -> Tensor:
    """A copy of ``m`` with the elements below diagonal ``k`` zeroed (``np.triu``).

    >>> triu([[1, 2, 3], [4, 5, 6], [7, 8, 9]], k=1)
    tensor([[0, 2, 3],
            [0, 0, 6],
            [0, 0, 0]])
    """
    return _triangle(m, k, lower=False)


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
    Bytes are read in this machine's byte order (``buffers.py`` says what is shared).

    >>> x = frombuffer(b"\\x00\\x00\\x00\\x00\\x07\\xff", "uint8", offset=4)
    >>> x, x.flags.writeable
    (tensor([  7, 255], dtype=uint8), False)
    """
    to = dtypes.dtype(dtype)
    storage, writeable = buffers.over_buffer(buffer, to, offset, count)
    made = Tensor.from_storage(storage, (len(storage),), to)
    if not writeable:
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


def _check_device_and_like(device: Optional[str], like: Any) -> None:
    """NumPy's ``device=`` (only "cpu") and ``like=`` (only another tensor here: zeronn has no
    ``__array_function__`` protocol to hand the call to)."""
    if device not in (None, "cpu"):
        raise ValueError(f'Device not understood. Only "cpu" is allowed, but received: {device}')
    if like is not None and not isinstance(like, Tensor):
        raise TypeError("The `like` argument must be an array-like that implements the `__array_function__` protocol.")


def _laid_out(shape: Tuple[int, ...], to: DType, axes: Sequence[int]) -> Tensor:
    """A new tensor of zeros laid out with ``axes`` outermost first (``[1, 0]``: column-major)."""
    strides = [0] * len(shape)
    step = to.itemsize
    for axis in reversed(axes):
        strides[axis] = step
        step *= max(shape[axis], 1)
    return Tensor(shape, to, strides=strides)


def _f_only(t: Tensor) -> bool:
    return bool(t.flags.f_contiguous and not t.flags.c_contiguous)


def _moved_first(ndim: int, axis: int) -> List[int]:
    """The permutation that moves axis 0 to ``axis`` (NumPy's ``moveaxis(y, 0, axis)``)."""
    target = axis % ndim if -ndim <= axis < ndim else axis
    if not 0 <= target < ndim:
        raise ValueError(f"axis {axis} is out of bounds for array of dimension {ndim}")
    order = list(range(1, ndim))
    order.insert(target, 0)
    return order


def _triangle(m: Any, k: int, lower: bool) -> Tensor:
    """``tril`` (``lower``) or ``triu`` of ``m``."""
    made = as_tensor(m)
    if made.ndim < 2:  # NumPy broadcasts a vector against the square mask
        made = made.reshape(1, -1)[[0] * made.size]
    made = made.copy()
    rows, columns = made.shape[-2:]
    for row in range(rows):
        if lower:
            made[..., row, max(0, row + k + 1) :] = 0
        else:
            made[..., row, : max(0, min(columns, row + k))] = 0
    return made


def _in(to: DType, value: Number) -> Number:
    """``value`` as the result of arithmetic in dtype ``to`` (rounded for float32)."""
    return casting.round_float32(value) if to is dtypes.float32 else value
