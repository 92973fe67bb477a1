"""``pad``: a tensor with a border around it, filled as NumPy fills it.

The book's ``im2col`` (chapter 7) pads every image of a batch with zeros before it cuts
the image into patches: ``np.pad(input_data, [(0, 0), (0, 0), (pad, pad), (pad, pad)],
'constant')``. NumPy's ``pad`` knows more ways to fill the border (its "modes"):

==============  =====================================================================
``constant``    a number (``constant_values``, 0 by default), per axis and side
``edge``        the edge element, repeated
``linear_ramp`` a straight line from ``end_values`` to the edge element
``maximum``     the largest (``minimum``: smallest, ``mean``, ``median``) of the
                ``stat_length`` elements nearest each edge (all of them by default)
``reflect``     the elements mirrored about the edge, the edge itself not repeated
``symmetric``   the same, with the edge repeated; ``reflect_type="odd"`` reflects the
                values about the edge value too (``2 * edge - value``)
``wrap``        the elements from the other end, as if the tensor repeated
``empty``       anything (zeros here)
a function      ``function(vector, pad_width, axis, kwargs)`` fills each 1-d lane in place
==============  =====================================================================

As NumPy does, the axes are padded one after the other, each over what the ones before
gave (so a corner of a ``constant`` border takes the last axis's value), and a border
wider than the tensor is filled by repeating the rule.

>>> pad(tensor([[1, 2], [3, 4]]), 1)
tensor([[0, 0, 0, 0],
        [0, 1, 2, 0],
        [0, 3, 4, 0],
        [0, 0, 0, 0]])
>>> pad(tensor([1, 2, 3]), (2, 3), mode="reflect")
tensor([3, 2, 1, 2, 3, 2, 1, 2])
"""

from __future__ import annotations

__all__ = ["pad"]

from typing import Any, Callable, Dict, List, Sequence, Tuple

from ._shape import size_of
from .core import Tensor, as_tensor, tensor
from .creation import linspace
from .dtypes import int64

Pair = Tuple[Any, Any]

_KEYWORDS: Dict[str, Tuple[str, ...]] = {
    "constant": ("constant_values",),
    "edge": (),
    "linear_ramp": ("end_values",),
    "maximum": ("stat_length",),
    "mean": ("stat_length",),
    "median": ("stat_length",),
    "minimum": ("stat_length",),
    "reflect": ("reflect_type",),
    "symmetric": ("reflect_type",),
    "wrap": (),
    "empty": (),
}


def pad(array: Any, pad_width: Any, mode: Any = "constant", **kwargs: Any) -> Tensor:
    """``array`` with a border of ``pad_width`` elements on each side of each axis (``np.pad``).

    ``pad_width`` is one number for every side of every axis, a ``(before, after)`` pair
    for every axis, or one pair per axis: ``((1, 1), (0, 2))``. The ``mode`` and its
    keyword arguments are NumPy's (see the table above). The result is a new tensor of
    ``array``'s dtype, laid out column-major if ``array`` is (only).

    >>> pad(tensor([1, 2]), (1, 2), mode="constant", constant_values=(7, 9))
    tensor([7, 1, 2, 9, 9])
    >>> pad(tensor([0, 1, 2]), 4, mode="wrap")
    tensor([2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0])
    >>> pad(tensor([1, 2]), 1, mode="mirror")
    Traceback (most recent call last):
    ...
    ValueError: mode 'mirror' is not supported
    """
    original = as_tensor(array)
    widths = _as_pairs(pad_width, original.ndim, as_index=True)
    if callable(mode):
        return _pad_with_function(original, widths, mode, kwargs)
    if mode not in _KEYWORDS:
        raise ValueError(f"mode '{mode}' is not supported")
    unsupported = set(kwargs) - set(_KEYWORDS[mode])
    if unsupported:
        raise ValueError(f"unsupported keyword arguments for mode '{mode}': {unsupported}")
    padded, centre = _padded_copy(original, widths)
    if mode == "empty":
        return padded
    if mode == "constant":
        values = _as_pairs(kwargs.get("constant_values", 0), padded.ndim)
        for axis, width in enumerate(widths):
            _fill_sides(_region(padded, centre, axis), axis, width, [as_tensor(v) for v in values[axis]])
        return padded
    for axis, width in enumerate(widths):
        if original.shape[axis] == 0 and any(width):
            raise ValueError(f"can't extend empty axis {axis} using modes other than 'constant' or 'empty'")
    if original.size == 0:
        return padded
    for axis, width in enumerate(widths):
        region = _region(padded, centre, axis)
        if mode == "edge":
            _fill_sides(region, axis, width, _edges(region, axis, width))
        elif mode == "linear_ramp":
            ends = _as_pairs(kwargs.get("end_values", 0), padded.ndim)[axis]
            _fill_sides(region, axis, width, _ramps(region, axis, width, ends))
        elif mode in ("maximum", "minimum", "mean", "median"):
            lengths = _as_pairs(kwargs.get("stat_length"), padded.ndim, as_index=True)[axis]
            _fill_sides(region, axis, width, _statistics(region, axis, width, lengths, mode))
        elif mode in ("reflect", "symmetric"):
            kind = kwargs.get("reflect_type", "even")
            _reflect(region, axis, width, original.shape[axis], mode == "symmetric", kind)
        else:
            _wrap(region, axis, width, original.shape[axis])
    return padded


# ---------------------------------------------------------------------------
# The padded tensor and the part of it each axis works on
# ---------------------------------------------------------------------------


def _padded_copy(original: Tensor, widths: List[Pair]) -> Tuple[Tensor, Tuple[slice, ...]]:
    """A new tensor of the padded shape with ``original`` in its centre, and the centre's key."""
    shape = tuple(before + length + after for (before, after), length in zip(widths, original.shape))
    column_major = original.flags.f_contiguous and not original.flags.c_contiguous
    padded = Tensor(shape, original.dtype, order="F" if column_major else "C")
    centre = tuple(slice(before, before + length) for (before, _), length in zip(widths, original.shape))
    padded[centre] = original
    return padded, centre


def _region(padded: Tensor, centre: Tuple[slice, ...], axis: int) -> Tensor:
    """The part of ``padded`` that padding ``axis`` writes and reads: every axis before it
    whole (already padded), the ones after it only their centre (padded later)."""
    key = (slice(None),) * (axis + 1) + centre[axis + 1 :]
    region: Tensor = padded[key + (Ellipsis,)]
    return region


def _along(axis: int, key: Any) -> Tuple[Any, ...]:
    """A key that applies ``key`` (a slice) to ``axis`` and takes every other axis whole."""
    return (slice(None),) * axis + (key, Ellipsis)


def _fill_sides(region: Tensor, axis: int, width: Pair, values: Sequence[Any]) -> None:
    """Write ``values[0]`` over the ``width[0]`` elements before the centre, ``values[1]`` after it."""
    before, after = width
    length = region.shape[axis]
    region[_along(axis, slice(None, before))] = values[0]
    region[_along(axis, slice(length - after, None))] = values[1]


# ---------------------------------------------------------------------------
# The modes
# ---------------------------------------------------------------------------


def _edges(region: Tensor, axis: int, width: Pair) -> List[Tensor]:
    """The first and last element along ``axis`` of the centre, as slabs of length 1."""
    before, after = width
    last = region.shape[axis] - after
    return [region[_along(axis, slice(before, before + 1))], region[_along(axis, slice(last - 1, last))]]


def _ramps(region: Tensor, axis: int, width: Pair, ends: Pair) -> List[Tensor]:
    """``linear_ramp``: from each end value towards the edge, the edge itself left out."""
    ramps = []
    for side, (edge, end, count) in enumerate(zip(_edges(region, axis, width), ends, width)):
        ramp = linspace(end, edge.squeeze(axis), count, endpoint=False, dtype=region.dtype, axis=axis)
        ramps.append(ramp[_along(axis, slice(None, None, -1))] if side else ramp)
    return ramps


def _statistics(region: Tensor, axis: int, width: Pair, lengths: Pair, mode: str) -> List[Any]:
    """``maximum``, ``minimum``, ``mean`` or ``median`` of the ``lengths`` elements nearest each edge."""
    before, after = width
    start, stop = before, region.shape[axis] - after
    most = stop - start
    left, right = (most if n is None or n > most else n for n in lengths)
    if (left == 0 or right == 0) and mode in ("maximum", "minimum"):
        raise ValueError("stat_length of 0 yields no value for padding")
    chunks = [region[_along(axis, slice(start, start + left))], region[_along(axis, slice(stop - right, stop))]]
    return [_statistic(chunk, axis, mode, region.dtype.kind in "iu") for chunk in chunks]


def _statistic(chunk: Tensor, axis: int, mode: str, integers: bool) -> Any:
    """One statistic of ``chunk`` along ``axis``, kept as a slab of length 1 (rounded half to
    even for integers, as NumPy's ``np.round`` does before the value is stored)."""
    if mode == "maximum":
        return chunk.max(axis, keepdims=True)
    if mode == "minimum":
        return chunk.min(axis, keepdims=True)
    value = as_tensor(chunk.mean(axis, keepdims=True) if mode == "mean" else _median(chunk, axis))
    return value.map(round).astype(int64) if integers and value.size else value


def _median(chunk: Tensor, axis: int) -> Tensor:
    """The median along ``axis`` as a slab of length 1: the mean of the middle one or two of
    the sorted values, NaN where there is a NaN."""
    ordered = chunk.copy()
    ordered.sort(axis)
    count = ordered.shape[axis]
    middle = ordered[_along(axis, slice((count - 1) // 2, count // 2 + 1))]
    median = as_tensor(middle.mean(axis, keepdims=True))
    if median.dtype.kind == "f" and count:
        last = ordered[_along(axis, slice(count - 1, count))]
        median[last != last] = float("nan")  # NaN sorts last: any NaN makes the median NaN
    return median


def _reflect(region: Tensor, axis: int, width: Pair, period: int, include_edge: bool, kind: str) -> None:
    """``reflect`` and ``symmetric``: the border filled in chunks, each a mirror image of what
    lies next to it (NumPy's ``_set_reflect_both``), until both sides are full. A chunk is
    at most the whole periods of the original elements next to it, so a wide border repeats
    the reflection (with ``"odd"``, each time about the new edge)."""
    if kind not in ("even", "odd"):
        raise ValueError(f"reflect_type must be 'even' or 'odd', got {kind!r}")
    before, after = width
    if period == 1:  # NumPy extends a single element as "edge" does
        _fill_sides(region, axis, width, _edges(region, axis, width))
        return
    skip = 0 if include_edge else 1  # reflect leaves the edge element out of the mirror image
    while before or after:
        centre = region.shape[axis] - before - after
        chunk = centre // period * period if include_edge else (centre - 1) // (period - 1) * (period - 1)
        if before:
            count = min(chunk, before)
            mirrored = _flipped(region, axis, before + skip, before + skip + count)
            if kind == "odd":
                mirrored = 2 * region[_along(axis, slice(before, before + 1))] - mirrored
            region[_along(axis, slice(before - count, before))] = mirrored
            before -= count
        if after:
            count = min(chunk, after)
            end = region.shape[axis] - after  # where the right border starts
            mirrored = _flipped(region, axis, end - skip - count, end - skip)
            if kind == "odd":
                mirrored = 2 * region[_along(axis, slice(end - 1, end))] - mirrored
            region[_along(axis, slice(end, end + count))] = mirrored
            after -= count


def _flipped(region: Tensor, axis: int, start: int, stop: int) -> Tensor:
    """The elements ``start:stop`` along ``axis``, in reverse order (a view)."""
    flipped: Tensor = region[_along(axis, slice(start, stop))][_along(axis, slice(None, None, -1))]
    return flipped


def _wrap(region: Tensor, axis: int, width: Pair, period: int) -> None:
    """``wrap``: the border filled in chunks copied from the other end (NumPy's ``_set_wrap_both``)."""
    before, after = width
    while before or after:
        centre = region.shape[axis] - before - after
        whole = centre // period * period  # copy whole periods only
        if before:
            count = min(whole, before)
            region[_along(axis, slice(before - count, before))] = region[
                _along(axis, slice(before + whole - count, before + whole))
            ]
            before -= count
        if after:
            count = min(whole, after)
            end = region.shape[axis] - after
            copied = region[_along(axis, slice(end - whole, end - whole + count))]
            region[_along(axis, slice(end, end + count))] = copied
            after -= count


def _pad_with_function(original: Tensor, widths: List[Pair], function: Callable[..., Any], kwargs: Any) -> Tensor:
    """``pad`` with a function for the mode: each 1-d lane of each axis, a view, handed to it."""
    padded, _ = _padded_copy(original, widths)
    for axis in range(padded.ndim):
        others = padded.shape[:axis] + padded.shape[axis + 1 :]
        for flat in range(size_of(others)):
            position: List[Any] = []
            for length in reversed(others):
                flat, index = divmod(flat, length)
                position.insert(0, index)
            position.insert(axis, slice(None))
            function(padded[tuple(position)], tuple(widths[axis]), axis, kwargs)
    return padded


# ---------------------------------------------------------------------------
# Widths and values for every axis
# ---------------------------------------------------------------------------


def _as_pairs(given: Any, ndim: int, as_index: bool = False) -> List[Pair]:
    """``given`` (a number, a pair, or a pair per axis) as one ``(before, after)`` pair per axis
    (NumPy's ``_as_pairs``); widths (``as_index``) are rounded to ints and must not be negative."""
    if given is None:
        return [(None, None)] * ndim
    values = as_tensor(given)
    if as_index:
        values = tensor([[round(v) for v in values.to_flat_list()]], int64).reshape(values.shape)
        if values.size and min(values.to_flat_list()) < 0:
            raise ValueError("index can't contain negative values")
    flat = values.ravel()
    scalars = [flat[(i, Ellipsis)] for i in range(flat.size)]  # 0-d tensors: they cast as arrays do
    shown: List[Any] = [s.item() if as_index else s for s in scalars]
    if values.ndim < 3 and values.size == 1:
        return [(shown[0], shown[0])] * ndim
    if values.ndim < 3 and values.size == 2 and values.shape != (2, 1):
        return [(shown[0], shown[1])] * ndim
    rows, columns = ((1, 1) + values.shape)[-2:]
    if values.ndim > 2 or rows not in (1, ndim) or columns not in (1, 2):
        raise ValueError(
            "operands could not be broadcast together with remapped shapes [original->remapped]: "
            f"{values.shape} and requested shape ({ndim},2)"
        )
    pairs = []
    for axis in range(ndim):
        row = axis if rows == ndim else 0
        pick = [shown[row * columns + (side if columns == 2 else 0)] for side in (0, 1)]
        pairs.append((pick[0], pick[1]))
    return pairs

