"""Indexing: from a key to the elements it selects, by NumPy's rules.

A key picks elements in one of two ways (https://numpy.org/doc/stable/user/basics.indexing.html):

- **basic indexing**, with ints, slices, ``...`` and ``None`` (a new axis of length 1),
  gives a *view*: only the shape, the strides and the offset change, so the result
  shares the storage. ``select`` answers with a ``View``;
- **advanced indexing**, with integer tensors or lists (``t[[0, 2]]``, ``y[rows, cols]``)
  or boolean masks (``t[t > 0]``), gives a *copy*: ``select`` answers with ``Picked``,
  the storage offsets of the chosen elements in the order they come out.

Nothing here touches a tensor's numbers: the tensor module reads or writes the storage
at what ``select`` answers. One rule of NumPy's deserves its line: when the advanced
indices stand next to each other, their dimensions replace them in place; when a slice
separates them, their dimensions go first (``x[0, :, [1, 2]]`` of a (3, 4, 5) tensor
has shape (2, 4)).

- ``select(shape, strides, offset, key, to_tensor)``: a ``View`` or ``Picked``;
- ``check_index(index, length, axis)``: one integer index, checked and made positive;
- ``nditer(x, flags, op_flags)``: NumPy's iterator over every element, with
  ``multi_index``, as the book's ``numerical_gradient`` uses it.

>>> select((2, 3), (3, 1), 0, (slice(None), 1), None)
View(shape=(2,), strides=(3,), offset=1, scalar=False)
>>> select((2, 3), (3, 1), 0, 5, None)  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
...
OutOfBoundsError: index 5 is out of bounds for axis 0 with size 2
"""

from __future__ import annotations

__all__ = ["View", "Picked", "select", "check_index", "nditer", "OutOfBoundsError", "InvalidIndexError"]

import operator
from itertools import compress
from typing import Any, Callable, List, NamedTuple, Optional, Sequence, Tuple, Union

from ._shape import (
    MAX_DIMS,
    InvalidIndexError,
    OutOfBoundsError,
    Shape,
    broadcast_shapes,
    broadcast_to,
    offsets_of,
    size_of,
    strides_of,
    unravel,
)
from .dtypes import check_fits, int64
from .layout import memory_order


class View(NamedTuple):
    """What basic indexing selects: a layout over the same storage.

    ``scalar`` is true when every axis was indexed by an int (and there was no ``...``
    and no ``None``): then NumPy gives the element itself, not a 0-d view.
    """

    shape: Shape
    strides: Shape
    offset: int
    scalar: bool


class Picked(NamedTuple):
    """What advanced indexing selects: the storage offset of each element, row-major in ``shape``.

    ``order`` is how NumPy lays the copy out in memory, outermost axis first: the axes
    that the index arrays make go outermost, and the others keep the order of their
    strides in the tensor indexed (``x.T[:, [0, 1]]`` keeps ``x.T``'s column order).
    When the index arrays make every axis (``arrays_only``), the copy is laid out as
    the index arrays are (``x[i.T]`` like ``i.T``), as NumPy's iterator over them walks.
    ``mask`` says the key was one boolean mask of the whole shape (``x[x > 0]``), for
    which NumPy's assignment has rules of its own.
    """

    shape: Shape
    offsets: List[int]
    order: Tuple[int, ...] = ()
    mask: bool = False
    arrays_only: bool = False


class _Array(NamedTuple):
    """An index array, as the flat list of its ints (or bools), its shape and its strides
    (in bytes: only their order matters, for the layout of the copy)."""

    values: List[Any]
    shape: Shape
    boolean: bool
    strides: Shape = ()


Item = Union[int, slice, None, _Array]
ToTensor = Optional[Callable[[Any], Any]]


def select(shape: Shape, strides: Shape, offset: int, key: Any, to_tensor: ToTensor) -> Union[View, Picked]:
    """The elements that ``key`` selects from the layout ``(shape, strides, offset)``.

    ``strides`` and ``offset`` are counted in elements of the storage. ``to_tensor``
    turns a list in the key into a tensor (it is ``core.as_tensor``); a key of ints,
    slices, ``...`` and ``None`` never needs it.

    >>> select((2, 3), (3, 1), 0, (1, 2), None)
    View(shape=(), strides=(), offset=5, scalar=True)
    >>> select((2, 3), (3, 1), 0, (slice(None), slice(None, None, 2)), None)
    View(shape=(2, 2), strides=(3, 2), offset=0, scalar=False)
    """
    items, scalar = _parse(key, len(shape), to_tensor)
    if not any(isinstance(item, _Array) for item in items):
        return _basic(shape, strides, offset, items, scalar)
    return _advanced(shape, strides, offset, items)


def check_index(index: int, length: int, axis: int) -> int:
    """``index`` as a position in ``0 .. length-1`` (negative counts from the end), or an error.

    >>> check_index(-1, 3, 0)
    2
    >>> check_index(3, 3, 1)  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ...
    OutOfBoundsError: index 3 is out of bounds for axis 1 with size 3
    """
    if not -length <= index < length:
        raise OutOfBoundsError(f"index {index} is out of bounds for axis {axis} with size {length}")
    return index % length


# ---------------------------------------------------------------------------
# Reading a key
# ---------------------------------------------------------------------------


def _parse(key: Any, ndim: int, to_tensor: ToTensor) -> Tuple[List[Item], bool]:
    """The key as one item per indexed axis (``...`` expanded), and whether it picks a scalar."""
    raw = list(key) if isinstance(key, tuple) else [key]
    items: List[Any] = [_item(part, to_tensor) for part in raw]
    ellipses = sum(item is Ellipsis for item in items)
    if ellipses > 1:
        raise InvalidIndexError("an index can only have a single ellipsis ('...')")
    used = 0  # the axes of the tensor the key indexes: a boolean mask covers as many as it has
    for item in items:
        if isinstance(item, _Array) and item.boolean:
            used += len(item.shape)
        elif item is not None and item is not Ellipsis:  # a new axis or ``...`` indexes none itself
            used += 1
    if used > ndim:
        raise OutOfBoundsError(f"too many indices for array: array is {ndim}-dimensional, but {used} were indexed")
    scalar = not ellipses and used == ndim and all(isinstance(item, int) for item in items)
    if ellipses:
        at = items.index(Ellipsis)
        items[at : at + 1] = [slice(None)] * (ndim - used)
    else:
        items.extend([slice(None)] * (ndim - used))
    _check_result_ndim(items)
    return items, scalar


def _check_result_ndim(items: List[Item]) -> None:
    """NumPy's limit of 64 axes, on the result: a slice or a ``None`` gives one axis, and
    the index arrays together give as many as their broadcast shape has (a mask: one)."""
    arrays = [1 if item.boolean else len(item.shape) for item in items if isinstance(item, _Array)]
    ndim = sum(isinstance(item, slice) or item is None for item in items) + max(arrays, default=0)
    if ndim > MAX_DIMS:
        raise OutOfBoundsError(
            f"number of dimensions must be within [0, {MAX_DIMS}], indexing result would have {ndim}"
        )


def _index_array(part: Any, to_tensor: ToTensor) -> Any:
    """A list in a key as a tensor; one that holds no numbers (``t[[slice(None)]]``,
    ``t[["1"]]``) is no index, as NumPy says (an ``IndexError``)."""
    try:
        return to_tensor(list(part))  # type: ignore[misc]
    except TypeError:
        raise InvalidIndexError(_VALID_INDICES + f", not a list holding {part!r:.60}") from None


_VALID_INDICES = (
    "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays "
    "are valid indices"
)


def _item(part: Any, to_tensor: ToTensor) -> Any:
    """One part of a key, as an int, a slice, ``None``, ``...`` or an index array."""
    if part is None or part is Ellipsis or isinstance(part, slice):
        return part
    if isinstance(part, bool):
        raise InvalidIndexError("a bool index (t[True]) is not supported by zeronn; use t[None] for a new axis")
    if isinstance(part, int):
        return part
    if isinstance(part, (list, tuple, range)) or hasattr(part, "dtype"):
        array: Any = part if hasattr(part, "dtype") else _index_array(part, to_tensor)
        kind = array.dtype.kind if array.size or hasattr(part, "dtype") else "i"  # a list [] indexes as ints
        if kind not in "biu":
            raise InvalidIndexError(f"arrays used as indices must be of integer (or boolean) type, not {array.dtype}")
        if not array.shape:  # a 0-d integer tensor is an integer
            if kind == "b":
                raise InvalidIndexError("a 0-d boolean index is not supported by zeronn")
            return int(array.item())
        return _Array(array.to_flat_list(), array.shape, kind == "b", tuple(array.strides))
    if hasattr(part, "__index__"):
        return operator.index(part)
    raise InvalidIndexError(_VALID_INDICES + f", not {type(part).__name__} {part!r}")


# ---------------------------------------------------------------------------
# Basic indexing: a view
# ---------------------------------------------------------------------------


def _basic(shape: Shape, strides: Shape, offset: int, items: List[Item], scalar: bool) -> View:
    new_shape: List[int] = []
    new_strides: List[int] = []
    axis = 0
    for item in items:
        if item is None:  # a new axis of length 1; its stride never matters
            new_shape.append(1)
            new_strides.append(0)
            continue
        length, stride = shape[axis], strides[axis]
        if isinstance(item, int):
            offset += check_index(item, length, axis) * stride
        else:
            assert isinstance(item, slice)
            chosen = range(*item.indices(length))
            if chosen:
                offset += chosen.start * stride
            new_shape.append(len(chosen))
            new_strides.append(chosen.step * stride if chosen else stride)  # NumPy: an empty slice has step 1
        axis += 1
    return View(tuple(new_shape), tuple(new_strides), offset, scalar)


# ---------------------------------------------------------------------------
# Advanced indexing: the offsets of a copy
# ---------------------------------------------------------------------------


def _advanced(shape: Shape, strides: Shape, offset: int, items: List[Item]) -> Picked:
    mask = items[0]
    if len(items) == 1 and isinstance(mask, _Array) and mask.boolean:
        # The common x[mask] with a mask of x's own shape: the offsets of the True elements,
        # picked by compress at C speed (the general path below builds a tuple per element).
        if mask.shape != shape:
            _check_mask(shape, 0, mask)
        every = range(offset, offset + len(mask.values)) if strides == strides_of(shape) else offsets_of(
            shape, strides, offset
        )
        picked = list(compress(every, mask.values))
        return Picked((len(picked),), picked, mask=True)
    # Booleans become the integer positions of their True elements (NumPy's nonzero),
    # one integer array per axis they cover; a lone int becomes a 0-d integer array.
    parts: List[Tuple[str, Any, int]] = []  # (kind, item, axis it indexes)
    axis = 0
    for item in items:
        if isinstance(item, _Array) and item.boolean:
            _check_mask(shape, axis, item)
            true_at = [unravel(i, item.shape) for i, flag in enumerate(item.values) if flag]
            for position in range(len(item.shape)):
                positions = [index[position] for index in true_at]
                parts.append(("array", _Array(positions, (len(positions),), False), axis))
                axis += 1
        elif isinstance(item, (_Array, int)):
            array = item if isinstance(item, _Array) else _Array([item], (), False)
            checked = [check_index(i, shape[axis], axis) for i in array.values]
            parts.append(("array", _Array(checked, array.shape, False, array.strides), axis))
            axis += 1
        elif item is None:
            parts.append(("new", None, axis))  # (a new axis indexes nothing: its axis is never read)
        else:
            parts.append(("slice", item, axis))
            axis += 1

    arrays = [(item, axis) for kind, item, axis in parts if kind == "array"]
    where = [position for position, (kind, _, _) in enumerate(parts) if kind == "array"]
    try:
        common = broadcast_shapes(*(array.shape for array, _ in arrays))
    except ValueError:
        listed = " ".join(f"({','.join(map(str, a.shape))}{',' if len(a.shape) == 1 else ''})" for a, _ in arrays)
        raise OutOfBoundsError(
            f"shape mismatch: indexing arrays could not be broadcast together with shapes {listed}"
        ) from None
    check_fits(common, int64, f"the {size_of(common):,} positions these index arrays broadcast to")
    # The offset contribution of the index arrays at each position of their broadcast shape.
    advanced: List[int] = [0] * size_of(common)
    for array, axis in arrays:
        stretched: List[int] = broadcast_to(array.values, array.shape, common)  # type: ignore[assignment]
        advanced = [total + index * strides[axis] for total, index in zip(advanced, stretched)]

    blocks: List[Tuple[Shape, List[int]]] = []  # (shape, offsets) of each output block, in order
    steps: List[Optional[int]] = []  # the stride of each output axis; None for the index arrays' axes
    for kind, item, axis in parts:
        if kind == "slice":
            chosen = range(*item.indices(shape[axis]))
            blocks.append(((len(chosen),), [i * strides[axis] for i in chosen]))
            steps.append(chosen.step * strides[axis] if chosen else strides[axis])
        elif kind == "new":
            blocks.append(((1,), [0]))
            steps.append(0)
    together = where == list(range(where[0], where[-1] + 1))
    at = where[0] if together else 0  # the output axes before the first index array's place
    blocks.insert(at, (common, advanced))
    steps[at:at] = [None] * len(common)

    out_shape: Shape = sum((block_shape for block_shape, _ in blocks), ())
    check_fits(out_shape, int64, f"the {size_of(out_shape):,} elements this index picks")
    offsets = [offset]
    for _, block in blocks:
        offsets = [start + step for start in offsets for step in block]
    picked_axes = [axis for axis, step in enumerate(steps) if step is None]
    kept_axes = sorted((axis for axis, step in enumerate(steps) if step is not None), key=lambda a: -abs(steps[a] or 0))
    if not kept_axes:  # the index arrays make every axis: laid out as they are
        return Picked(out_shape, offsets, tuple(_index_order(common, [array for array, _ in arrays])), arrays_only=True)
    return Picked(out_shape, offsets, tuple(picked_axes + kept_axes))


def _index_order(common: Shape, arrays: List[_Array]) -> List[int]:
    """The memory order (outermost axis first) of index arrays broadcast to ``common``, as
    NumPy's iterator over them finds it (``layout.memory_order``, as for an elementwise result)."""
    steps = []
    for array in arrays:
        strides = array.strides if len(array.strides) == len(array.shape) else strides_of(array.shape)
        padded = (0,) * (len(common) - len(array.shape)) + tuple(
            0 if length == 1 else stride for length, stride in zip(array.shape, strides)
        )
        steps.append(padded)
    return memory_order(common, steps, all(array.shape == common for array in arrays))


def _check_mask(shape: Shape, axis: int, mask: _Array) -> None:
    """A boolean index must have the lengths of the axes it covers, from ``axis`` on."""
    for position, (length, mask_length) in enumerate(zip(shape[axis:], mask.shape)):
        if length != mask_length:
            raise OutOfBoundsError(
                f"boolean index did not match indexed array along axis {axis + position}; size of "
                f"axis is {length} but size of corresponding boolean axis is {mask_length}"
            )


# ---------------------------------------------------------------------------
# nditer
# ---------------------------------------------------------------------------


class nditer:
    """NumPy's ``nditer`` for one tensor: every element once, in memory order.

    The book's ``numerical_gradient`` walks a weight matrix with it::

        it = np.nditer(x, flags=["multi_index"], op_flags=["readwrite"])
        while not it.finished:
            idx = it.multi_index
            ...
            it.iternext()

    ``multi_index`` is the position of the current element; ``iternext()`` moves on
    and says whether there is one; ``finished`` says when there is none. Iterating
    (``for v in nditer(x)``) gives each element as a 0-d view, writable with
    ``op_flags=["readwrite"]`` (``v[...] = 0``). The order is memory order (NumPy's
    ``order="K"``): row by row for a tensor, column by column for a transpose.

    >>> from .core import tensor  # (core sits above this module, so the example imports it)
    >>> x = tensor([[1.0, 2.0], [3.0, 4.0]])
    >>> it = nditer(x, flags=["multi_index"], op_flags=["readwrite"])
    >>> seen = []
    >>> while not it.finished:
    ...     seen.append(it.multi_index)
    ...     _ = it.iternext()
    >>> seen
    [(0, 0), (0, 1), (1, 0), (1, 1)]
    >>> for v in nditer(x, op_flags=["readwrite"]):
    ...     v[...] = v * 10
    >>> x
    tensor([[10., 20.],
            [30., 40.]])
    """

    def __init__(self, x: Any, flags: Sequence[str] = (), op_flags: Sequence[str] = ("readonly",)) -> None:
        known_flags = {"multi_index", "refs_ok", "zerosize_ok"}
        known_op_flags = {"readonly", "readwrite", "writeonly"}
        for flag in flags:
            if flag not in known_flags:
                raise ValueError(f"nditer flag {flag!r} is not supported by zeronn: use {sorted(known_flags)}")
        for flag in op_flags:
            if flag not in known_op_flags:
                raise ValueError(f"nditer op_flag {flag!r} is not supported by zeronn: use {sorted(known_op_flags)}")
        if not hasattr(x, "strides"):
            raise TypeError(f"nditer takes a tensor, got {type(x).__name__}")
        self._x = x
        self._writeable = "readwrite" in op_flags or "writeonly" in op_flags
        self._tracks_index = "multi_index" in flags
        # Memory order: the axis with the largest stride outermost (a stable sort keeps
        # row-major order for a contiguous tensor).
        self._order = sorted(range(x.ndim), key=lambda axis: -abs(x.strides[axis]))
        self._count: int = x.size
        self._step = 0

    @property
    def finished(self) -> bool:
        """Whether every element has been visited."""
        return bool(self._step >= self._count)

    @property
    def multi_index(self) -> Tuple[int, ...]:
        """The index ``(i, j, ...)`` of the current element (needs ``flags=["multi_index"]``)."""
        if not self._tracks_index:
            raise ValueError("Iterator is not tracking a multi-index")
        if self.finished:
            raise ValueError("Iterator is past the end")
        walked = unravel(self._step, tuple(self._x.shape[axis] for axis in self._order))
        return tuple(position for _, position in sorted(zip(self._order, walked)))  # back in axis order

    def iternext(self) -> bool:
        """Move to the next element; ``False`` when there is none."""
        self._step += 1
        return not self.finished

    def __iter__(self) -> nditer:
        return self

    def __next__(self) -> Any:
        if self.finished:
            raise StopIteration
        tracking, self._tracks_index = self._tracks_index, True
        element = self._x[self.multi_index + (Ellipsis,)]
        self._tracks_index = tracking
        if not self._writeable:
            element.setflags(write=False)
        self._step += 1
        return element
