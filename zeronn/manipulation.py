"""NumPy's array manipulation routines: shapes changed, axes moved, tensors joined and split.

Most of these make *views* (see ``core.py``): a new shape, new strides or a new offset
over the same storage, so they cost nothing and writes through them reach the original,
exactly where NumPy's do. The joining functions make new tensors, laid out in memory as
NumPy lays them out. By NumPy's groups (https://numpy.org/doc/stable/reference/routines.array-manipulation.html):

- shapes: ``shape``, ``size``, ``ndim``, ``reshape``, ``ravel``;
- axes: ``transpose`` (``permute_dims``), ``matrix_transpose``, ``moveaxis``, ``rollaxis``, ``swapaxes``;
- dimensions: ``atleast_1d``, ``atleast_2d``, ``atleast_3d``, ``expand_dims``, ``squeeze``,
  ``broadcast_to``, ``broadcast_arrays``, and the ``broadcast`` object;
- joining: ``concatenate``, ``stack``, ``vstack``, ``hstack``, ``dstack``, ``column_stack``,
  ``block``, ``unstack``, ``append``, and the index tricks ``r_``, ``c_``, ``s_``;
- splitting: ``split``, ``array_split``, ``hsplit``, ``vsplit``, ``dsplit``;
- repeating and rearranging: ``repeat``, ``tile``, ``resize``, ``roll``, ``flip``, ``fliplr``,
  ``flipud``, ``rot90``.

>>> a, b = tensor([[1, 2], [3, 4]]), tensor([[5, 6]])
>>> concatenate((a, b))
tensor([[1, 2],
        [3, 4],
        [5, 6]])
>>> stack((a[0], b[0]), axis=1)
tensor([[1, 5],
        [2, 6]])
>>> moveaxis(zeros((2, 3, 4)), 0, -1).shape
(3, 4, 2)
"""

from __future__ import annotations

__all__ = [
    "shape",
    "size",
    "ndim",
    "reshape",
    "ravel",
    "transpose",
    "permute_dims",
    "matrix_transpose",
    "moveaxis",
    "rollaxis",
    "swapaxes",
    "atleast_1d",
    "atleast_2d",
    "atleast_3d",
    "expand_dims",
    "squeeze",
    "broadcast_to",
    "broadcast_arrays",
    "broadcast",
    "concatenate",
    "stack",
    "vstack",
    "hstack",
    "dstack",
    "column_stack",
    "block",
    "unstack",
    "append",
    "split",
    "array_split",
    "hsplit",
    "vsplit",
    "dsplit",
    "repeat",
    "tile",
    "resize",
    "roll",
    "flip",
    "fliplr",
    "flipud",
    "rot90",
    "r_",
    "c_",
    "s_",
]

import operator
from typing import Any, Iterator, List, Optional, Sequence, Tuple, Union

from . import axes, casting, dtypes
from ._shape import Shape, broadcast_shapes, format_shape, normalize_axis, size_of
from .core import Tensor, as_strided, as_tensor, elements, tensor
from .creation import arange, linspace, zeros
from .dtypes import DType, DTypeLike
from .flat import flatiter

ShapeLike = Union[int, Sequence[int]]


# ---------------------------------------------------------------------------
# Shapes
# ---------------------------------------------------------------------------


def shape(a: Any) -> Shape:
    """The shape of ``a`` (``np.shape``), which may be nested lists or a number.

    >>> shape([[1, 2, 3], [4, 5, 6]]), shape(7)
    ((2, 3), ())
    """
    return as_tensor(a).shape


def size(a: Any, axis: Any = None) -> int:
    """The number of elements of ``a``, or along ``axis`` (an int or a tuple of them): ``np.size``.

    >>> size([[1, 2, 3], [4, 5, 6]]), size([[1, 2, 3], [4, 5, 6]], axis=1), size([[1, 2, 3]], ())
    (6, 3, 1)
    """
    t = as_tensor(a)
    if axis is None:
        return t.size
    return size_of(tuple(t.shape[a] for a in axes.normalize_axis_tuple(axis, t.ndim)))


def ndim(a: Any) -> int:
    """The number of axes of ``a`` (``np.ndim``).

    >>> ndim([[1, 2, 3]]), ndim(5.0)
    (2, 0)
    """
    return as_tensor(a).ndim


def reshape(a: Any, /, shape: Any = None, order: str = "C", *, copy: Optional[bool] = None) -> Tensor:
    """``a`` in another shape (``np.reshape``): a view where strides allow, see ``Tensor.reshape``.

    >>> reshape(arange(6), (3, -1))
    tensor([[0, 1],
            [2, 3],
            [4, 5]])
    """
    if shape is None:
        raise TypeError("reshape() missing 1 required positional argument: 'shape'")
    return as_tensor(a).reshape(shape, order=order, copy=copy)


def ravel(a: Any, order: str = "C") -> Tensor:
    """``a``'s elements as a 1-d tensor (``np.ravel``), a view where strides allow; see ``Tensor.ravel``.

    >>> ravel([[1, 2], [3, 4]], order="F")
    tensor([1, 3, 2, 4])
    """
    return as_tensor(a).ravel(order)


# ---------------------------------------------------------------------------
# Axes: permutations, all of them views
# ---------------------------------------------------------------------------


def transpose(a: Any, axes: Optional[Sequence[int]] = None) -> Tensor:
    """``a`` with its axes reversed, or permuted as ``axes`` says (``np.transpose``): a view.

    >>> transpose(zeros((2, 3, 4)), (1, 0, 2)).shape
    (3, 2, 4)
    """
    t = as_tensor(a)
    return t.transpose() if axes is None else t.transpose(*axes)


def permute_dims(a: Any, axes: Optional[Sequence[int]] = None) -> Tensor:
    """``transpose`` under the array API's name (``np.permute_dims``).

    >>> permute_dims([[1, 2, 3]]).shape
    (3, 1)
    """
    return transpose(a, axes)


def matrix_transpose(x: Any, /) -> Tensor:
    """Each matrix of ``x`` transposed: its last two axes swapped (``np.matrix_transpose``), a view.

    >>> matrix_transpose([[1, 2], [3, 4], [5, 6]])
    tensor([[1, 3, 5],
            [2, 4, 6]])
    >>> matrix_transpose([1, 2])
    Traceback (most recent call last):
    ...
    ValueError: Input array must be at least 2-dimensional, but it is 1
    """
    t = as_tensor(x)
    if t.ndim < 2:
        raise ValueError(f"Input array must be at least 2-dimensional, but it is {t.ndim}")
    return t.swapaxes(-1, -2)


def moveaxis(a: Any, source: Any, destination: Any) -> Tensor:
    """``a`` with the axes ``source`` moved to the positions ``destination``, the others in
    their order (``np.moveaxis``): a view.

    >>> moveaxis(zeros((3, 4, 5)), 0, -1).shape, moveaxis(zeros((3, 4, 5)), [0, 1], [-1, -2]).shape
    ((4, 5, 3), (5, 4, 3))
    """
    t = as_tensor(a)
    return t.transpose(*axes.moved_order(t.ndim, source, destination))


def rollaxis(a: Any, axis: int, start: int = 0) -> Tensor:
    """``a`` with ``axis`` rolled back to lie before ``start`` (``np.rollaxis``; ``moveaxis``
    says it more plainly): a view.

    >>> rollaxis(zeros((3, 4, 5, 6)), 3, 1).shape
    (3, 6, 4, 5)
    """
    t = as_tensor(a)
    return t.transpose(*axes.rolled_order(t.ndim, axis, start))


def swapaxes(a: Any, axis1: int, axis2: int) -> Tensor:
    """``a`` with two axes swapped (``np.swapaxes``): a view.

    >>> swapaxes([[1, 2, 3]], 0, 1)
    tensor([[1],
            [2],
            [3]])
    """
    return as_tensor(a).swapaxes(axis1, axis2)


# ---------------------------------------------------------------------------
# Dimensions: added, removed, broadcast
# ---------------------------------------------------------------------------


def atleast_1d(*arys: Any) -> Any:
    """Each argument as a tensor of at least one axis (a number becomes shape ``(1,)``):
    one tensor for one argument, a tuple for several (``np.atleast_1d``). Views.

    >>> atleast_1d(3.0), atleast_1d(1, [2, 3])
    (tensor([3.]), (tensor([1]), tensor([2, 3])))
    """
    return _each(arys, lambda t: t.reshape(1) if t.ndim == 0 else t)


def atleast_2d(*arys: Any) -> Any:
    """Each argument with at least two axes: a vector ``(n,)`` becomes a row ``(1, n)`` (``np.atleast_2d``).

    >>> atleast_2d([1, 2]).shape, atleast_2d(5).shape
    ((1, 2), (1, 1))
    """
    return _each(arys, lambda t: t.reshape(1, 1) if t.ndim == 0 else t[None] if t.ndim == 1 else t)


def atleast_3d(*arys: Any) -> Any:
    """Each argument with at least three axes: ``(n,)`` becomes ``(1, n, 1)``, ``(m, n)``
    becomes ``(m, n, 1)`` (``np.atleast_3d``).

    >>> atleast_3d([1, 2]).shape, atleast_3d([[1, 2]]).shape
    ((1, 2, 1), (1, 2, 1))
    """

    def three(t: Tensor) -> Tensor:
        if t.ndim == 0:
            return t.reshape(1, 1, 1)
        key = (None, slice(None), None) if t.ndim == 1 else (slice(None), slice(None), None)
        three_axes: Tensor = t[key] if t.ndim < 3 else t
        return three_axes

    return _each(arys, three)


def expand_dims(a: Any, axis: Any) -> Tensor:
    """``a`` with new axes of length 1 at the positions ``axis`` (an int or a tuple),
    counted in the result (``np.expand_dims``): a view.

    >>> expand_dims([1, 2], 0).shape, expand_dims([1, 2], (0, -1)).shape
    ((1, 2), (1, 2, 1))
    """
    t = as_tensor(a)
    added = axes.normalize_axis_tuple(axis, t.ndim + (len(axis) if isinstance(axis, (tuple, list)) else 1))
    lengths = iter(t.shape)
    new_shape = tuple(1 if position in added else next(lengths) for position in range(t.ndim + len(added)))
    return t.reshape(new_shape)


def squeeze(a: Any, axis: Any = None) -> Tensor:
    """``a`` without axes of length 1 (all, or those ``axis`` names): ``np.squeeze``, a view.

    >>> squeeze([[[1], [2]]]).shape
    (2,)
    """
    return as_tensor(a).squeeze(axis)


def broadcast_to(array: Any, shape: ShapeLike, subok: bool = False) -> Tensor:
    """A read-only view of ``array`` with the shape ``shape``, by NumPy's broadcasting rule
    (``np.broadcast_to``): an axis of length 1 is read again and again (its stride is 0),
    so a (1, 3) row becomes a (1000, 3) matrix without a copy.

    >>> x = broadcast_to([1, 2, 3], (2, 3))
    >>> x, x.strides, x.flags.writeable
    (tensor([[1, 2, 3],
           [1, 2, 3]]), (0, 8), False)
    >>> broadcast_to([1, 2, 3], (2, 4))
    Traceback (most recent call last):
    ...
    ValueError: operands could not be broadcast together with remapped shapes [original->remapped]: (3,)  and \
requested shape (2,4)
    """
    t = as_tensor(array)
    target = _lengths(shape)
    if any(length < 0 for length in target):
        raise ValueError("all elements of broadcast shape must be non-negative")
    if not target and t.ndim:
        raise ValueError("cannot broadcast a non-scalar to a scalar array")
    if t.ndim > len(target):
        raise ValueError("input operand has more dimensions than allowed by the axis remapping")
    lead = len(target) - t.ndim
    if any(have not in (want, 1) for have, want in zip(t.shape, target[lead:])):
        raise ValueError(
            "operands could not be broadcast together with remapped shapes [original->remapped]: "
            f"{format_shape(t.shape)}  and requested shape {format_shape(target)}"
        )
    kept = zip(t.shape, target[lead:], t.strides)
    strides = (0,) * lead + tuple(0 if have != want else step for have, want, step in kept)
    return as_strided(t, target, strides, writeable=False)


def broadcast_arrays(*args: Any, subok: bool = False) -> Tuple[Tensor, ...]:
    """The arguments broadcast against each other (``np.broadcast_arrays``): the ones
    already of the common shape as they are, the others read-only ``broadcast_to`` views.
    (NumPy still lets you write to those, with a warning that it soon will not.)

    >>> x, y = broadcast_arrays([[1], [2]], [10, 20, 30])
    >>> x.shape, y.shape, y[1].tolist()
    ((2, 3), (2, 3), [10, 20, 30])
    """
    tensors = [as_tensor(arg) for arg in args]
    common = broadcast_shapes(*(t.shape for t in tensors)) if tensors else ()
    return tuple(t if t.shape == common else broadcast_to(t, common) for t in tensors)


class broadcast:
    """What broadcasting the arguments together gives (NumPy's ``broadcast`` object): its
    ``shape``, ``ndim`` and ``size``, ``numiter`` arguments, an iterator over each of them
    broadcast (``iters``), and, iterated, a tuple of their elements at each position.

    >>> b = broadcast([[1], [2]], [10, 20])
    >>> b.shape, b.numiter, list(b)
    ((2, 2), 2, [(1, 10), (1, 20), (2, 10), (2, 20)])
    >>> broadcast([[1, 2, 3]], [[4], [5]], [6, 7])
    Traceback (most recent call last):
    ...
    ValueError: shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with \
shape (1, 3) and arg 2 with shape (2,).
    """

    def __init__(self, *arrays: Any) -> None:
        bases: List[Tensor] = []
        for array in arrays:  # a broadcast object among the arguments brings its own arrays
            if isinstance(array, broadcast):
                bases.extend(it.base for it in array.iters)
            else:
                bases.append(as_tensor(array))
        if len(bases) > 64:
            raise ValueError(f"Need at most 64 array objects, got {len(bases)}.")
        self.shape = _broadcast_shape([t.shape for t in bases])
        # NumPy's iterators read each array broadcast, and report the array itself as their base.
        views = [broadcast_to(t, self.shape) for t in bases]
        self.iters: Tuple[flatiter, ...] = tuple(flatiter(t, as_tensor, view) for t, view in zip(bases, views))
        self.index = 0

    @property
    def numiter(self) -> int:
        """How many arrays are broadcast together."""
        return len(self.iters)

    @property
    def ndim(self) -> int:
        """How many axes the broadcast shape has (also ``nd``)."""
        return len(self.shape)

    nd = ndim

    @property
    def size(self) -> int:
        """How many elements the broadcast shape has."""
        return size_of(self.shape)

    def reset(self, /) -> None:
        """Start the iteration again from the first element."""
        self.index = 0
        for it in self.iters:
            it.index = 0

    def __iter__(self) -> Iterator[Tuple[Any, ...]]:
        return self

    def __next__(self) -> Tuple[Any, ...]:
        if self.index >= self.size:
            raise StopIteration
        self.index += 1
        return tuple(next(it) for it in self.iters)


# ---------------------------------------------------------------------------
# Joining
# ---------------------------------------------------------------------------


def concatenate(
    arrays: Any, axis: Optional[int] = 0, out: Optional[Tensor] = None, *,
    dtype: Optional[DTypeLike] = None, casting: str = "same_kind",
) -> Tensor:  # fmt: skip
    """The tensors joined along an existing axis (``np.concatenate``), in a new tensor.

    Every tensor must have the same number of axes and the same lengths but along
    ``axis``; with ``axis=None`` they are flattened first. The result's dtype is NumPy's
    promotion of theirs (a Python number among them is "weak"), or ``dtype``, or ``out``'s,
    and each input must cast to it by the rule ``casting`` (``"same_kind"`` by default).
    The result is laid out in memory as the inputs are (all column-major gives column-major).

    >>> concatenate(([[1, 2]], [[3.5, 4]]), axis=1)
    tensor([[1. , 2. , 3.5, 4. ]])
    >>> concatenate(([1, 2], [[3, 4]]))
    Traceback (most recent call last):
    ...
    ValueError: all the input arrays must have same number of dimensions, but the array at index 0 has 1 \
dimension(s) and the array at index 1 has 2 dimension(s)
    """
    if out is not None and dtype is not None:
        raise TypeError("concatenate() only takes `out` or `dtype` as an argument, but both were provided.")
    _check_casting(casting)
    items = _sequence_items(arrays, "The first input argument needs to be a sequence")
    if not items:
        raise ValueError("need at least one array to concatenate")
    tensors = [as_tensor(item) for item in items]
    if axis is None:
        tensors = [t.ravel() for t in tensors]
        axis = 0
    elif any(t.ndim == 0 for t in tensors):
        raise ValueError("zero-dimensional arrays cannot be concatenated")
    first = tensors[0]
    axis = normalize_axis(axis, first.ndim)
    _check_concatenable(tensors, axis)
    to = _joined_dtype(items, tensors, out, dtype, casting)
    length = sum(t.shape[axis] for t in tensors)
    joined_shape = first.shape[:axis] + (length,) + first.shape[axis + 1 :]
    if out is not None and out.shape != joined_shape:
        raise ValueError("Output array is the wrong shape")
    dtypes.check_fits(joined_shape, to)
    order = _joined_order(tensors, axis)  # the result's memory order: the inputs'
    made = _join_row_major([t.transpose(*order) for t in tensors], order.index(axis), to)
    if order != sorted(order):  # laid out in that order, and owning its storage, as NumPy's result
        laid_out = made.transpose(*[order.index(a) for a in range(len(order))])
        made = Tensor.from_storage(elements(made), laid_out.shape, to, laid_out.strides)
    if out is None:
        return made
    out[...] = made
    return out


def stack(
    arrays: Any, axis: int = 0, out: Optional[Tensor] = None, *,
    dtype: Optional[DTypeLike] = None, casting: str = "same_kind",
) -> Tensor:  # fmt: skip
    """The tensors, all of one shape, joined along a new axis ``axis`` (``np.stack``).

    >>> stack(([1, 2], [3, 4])), stack(([1, 2], [3, 4]), axis=-1).shape
    (tensor([[1, 2],
           [3, 4]]), (2, 2))
    >>> stack(([1, 2], [3, 4, 5]))
    Traceback (most recent call last):
    ...
    ValueError: all input arrays must have the same shape
    """
    items = _stack_items(arrays)
    if not items:
        raise ValueError("need at least one array to stack")
    tensors = [as_tensor(item) for item in items]
    if any(t.shape != tensors[0].shape for t in tensors):
        raise ValueError("all input arrays must have the same shape")
    axis = normalize_axis(axis, tensors[0].ndim + 1)
    key = (slice(None),) * axis + (None, Ellipsis)
    return concatenate([t[key] for t in tensors], axis, out, dtype=dtype, casting=casting)


def vstack(tup: Any, *, dtype: Optional[DTypeLike] = None, casting: str = "same_kind") -> Tensor:
    """The tensors stacked row by row (``np.vstack``): vectors become rows, then joined along axis 0.

    >>> vstack(([1, 2], [3, 4]))
    tensor([[1, 2],
            [3, 4]])
    """
    return concatenate(_as_tuple(atleast_2d(*_stack_items(tup))), 0, dtype=dtype, casting=casting)


def hstack(tup: Any, *, dtype: Optional[DTypeLike] = None, casting: str = "same_kind") -> Tensor:
    """The tensors joined column-wise (``np.hstack``): along axis 1, or axis 0 for vectors.

    >>> hstack(([1, 2], [3])), hstack(([[1], [2]], [[3], [4]]))
    (tensor([1, 2, 3]), tensor([[1, 3],
           [2, 4]]))
    """
    tensors = _as_tuple(atleast_1d(*_stack_items(tup)))
    axis = 0 if tensors and tensors[0].ndim == 1 else 1
    return concatenate(tensors, axis, dtype=dtype, casting=casting)


def dstack(tup: Any) -> Tensor:
    """The tensors joined depth-wise, along a third axis (``np.dstack``).

    >>> dstack(([1, 2], [3, 4]))
    tensor([[[1, 3],
             [2, 4]]])
    """
    return concatenate(_as_tuple(atleast_3d(*_stack_items(tup))), 2)


def column_stack(tup: Any) -> Tensor:
    """Vectors as the columns of a matrix (``np.column_stack``); 2-d tensors joined along axis 1.

    >>> column_stack(([1, 2], [3, 4]))
    tensor([[1, 3],
            [2, 4]])
    """
    tensors = [as_tensor(item) for item in _stack_items(tup)]
    return concatenate([t[:, None] if t.ndim < 2 else t for t in (atleast_1d(t) for t in tensors)], 1)


def block(arrays: Any) -> Tensor:
    """A tensor assembled from nested lists of blocks (``np.block``): the innermost lists are
    joined along the last axis, the next ones out along the one before, and so on, as a
    matrix is written from its blocks. Every block gets as many axes as the result.

    >>> A, B = zeros((2, 2)) + 1, zeros((2, 1))
    >>> block([[A, B], [zeros((1, 3))]])
    tensor([[1., 1., 0.],
            [1., 1., 0.],
            [0., 0., 0.]])
    >>> block([[1, 2], 3])
    Traceback (most recent call last):
    ...
    ValueError: List depths are mismatched. First element was at depth 2, but there is an element at depth 1 \
(arrays[1])
    """
    depth, result_ndim = _block_depths(arrays)
    ndim = max(depth, result_ndim)

    def assemble(item: Any, level: int) -> Tensor:
        if level == depth:
            t = as_tensor(item)
            return t.reshape((1,) * (ndim - t.ndim) + t.shape)  # more axes, at the front
        return concatenate([assemble(part, level + 1) for part in item], axis=-(depth - level))

    made = assemble(arrays, 0)
    return made.copy("K") if depth == 0 else made


def unstack(x: Any, /, *, axis: int = 0) -> Tuple[Tensor, ...]:
    """``x`` split along ``axis`` into views, one for each position (``np.unstack``).

    >>> unstack([[1, 2], [3, 4]], axis=1)
    (tensor([1, 3]), tensor([2, 4]))
    """
    t = as_tensor(x)
    if t.ndim == 0:
        raise ValueError("Input array must be at least 1-d.")
    moved = moveaxis(t, axis, 0)
    return tuple(moved[(index, Ellipsis)] for index in range(moved.shape[0]))


def append(arr: Any, values: Any, axis: Optional[int] = None) -> Tensor:
    """``values`` joined to the end of ``arr`` (``np.append``), both flattened when ``axis`` is None.

    >>> append([1, 2], [[3], [4]]), append([[1, 2]], [[3, 4]], axis=0).shape
    (tensor([1, 2, 3, 4]), (2, 2))
    """
    if axis is None:
        return concatenate((as_tensor(arr).ravel(), as_tensor(values).ravel()))
    return concatenate((arr, values), axis)


# ---------------------------------------------------------------------------
# Splitting
# ---------------------------------------------------------------------------


def array_split(ary: Any, indices_or_sections: Any, axis: int = 0) -> List[Tensor]:
    """``ary`` cut along ``axis`` into views: into ``n`` parts as equal as can be (the first
    ones one longer), or at the given indices (``np.array_split``).

    >>> array_split(arange(5), 3), array_split(arange(5), [1, 3])
    ([tensor([0, 1]), tensor([2, 3]), tensor([4])], [tensor([0]), tensor([1, 2]), tensor([3, 4])])
    """
    t = as_tensor(ary)
    axis = normalize_axis(axis, t.ndim)
    length = t.shape[axis]
    if isinstance(indices_or_sections, (list, tuple, Tensor)):
        cuts = [0] + [int(i) for i in as_tensor(indices_or_sections).ravel().tolist()] + [length]
    else:
        sections = operator.index(indices_or_sections)
        if sections <= 0:
            raise ValueError("number sections must be larger than 0.")
        each, extra = divmod(length, sections)
        cuts = [0]
        for part in range(sections):
            cuts.append(cuts[-1] + each + (part < extra))
    before = (slice(None),) * axis
    return [t[before + (slice(start, stop), Ellipsis)] for start, stop in zip(cuts, cuts[1:])]


def split(ary: Any, indices_or_sections: Any, axis: int = 0) -> List[Tensor]:
    """``array_split``, but a number of sections must divide the axis exactly (``np.split``).

    >>> split(arange(6), 3)
    [tensor([0, 1]), tensor([2, 3]), tensor([4, 5])]
    >>> split(arange(5), 3)
    Traceback (most recent call last):
    ...
    ValueError: array split does not result in an equal division
    """
    if not isinstance(indices_or_sections, (list, tuple, Tensor)):
        t = as_tensor(ary)
        if t.shape[normalize_axis(axis, t.ndim)] % operator.index(indices_or_sections):
            raise ValueError("array split does not result in an equal division")
    return array_split(ary, indices_or_sections, axis)


def hsplit(ary: Any, indices_or_sections: Any) -> List[Tensor]:
    """``split`` along axis 1 (axis 0 for a vector): ``np.hsplit``.

    >>> hsplit([[1, 2], [3, 4]], 2)
    [tensor([[1],
           [3]]), tensor([[2],
           [4]])]
    """
    t = _at_least(ary, 1, "hsplit")
    return split(t, indices_or_sections, 1 if t.ndim > 1 else 0)


def vsplit(ary: Any, indices_or_sections: Any) -> List[Tensor]:
    """``split`` along axis 0 of a tensor of two or more axes (``np.vsplit``).

    >>> vsplit([[1, 2], [3, 4]], 2)
    [tensor([[1, 2]]), tensor([[3, 4]])]
    """
    return split(_at_least(ary, 2, "vsplit"), indices_or_sections, 0)


def dsplit(ary: Any, indices_or_sections: Any) -> List[Tensor]:
    """``split`` along axis 2 of a tensor of three or more axes (``np.dsplit``).

    >>> [part.shape for part in dsplit(zeros((1, 2, 4)), 2)]
    [(1, 2, 2), (1, 2, 2)]
    """
    return split(_at_least(ary, 3, "dsplit"), indices_or_sections, 2)


# ---------------------------------------------------------------------------
# Repeating and rearranging
# ---------------------------------------------------------------------------


def repeat(a: Any, repeats: Any, axis: Optional[int] = None) -> Tensor:
    """Each element repeated (``np.repeat``); see ``Tensor.repeat``.

    >>> repeat([1, 2], [3, 1])
    tensor([1, 1, 1, 2])
    """
    return as_tensor(a).repeat(repeats, axis)


def tile(A: Any, reps: Any) -> Tensor:
    """``A`` repeated ``reps`` times along each axis (``np.tile``): ``reps`` as long as ``A``
    has axes, or with 1s added in front of the shorter of the two.

    >>> tile([1, 2], 2), tile([1, 2], (2, 1))
    (tensor([1, 2, 1, 2]), tensor([[1, 2],
           [1, 2]]))
    """
    t = as_tensor(A)
    counts = _lengths(reps)
    ndim = max(t.ndim, len(counts))
    counts = (1,) * (ndim - len(counts)) + counts
    t = t.reshape((1,) * (ndim - t.ndim) + t.shape)
    for axis, count in enumerate(counts):
        if count != 1:
            t = concatenate([t] * count, axis) if count else t[(slice(None),) * axis + (slice(0, 0), Ellipsis)]
    return t.copy() if all(count == 1 for count in counts) else t


def resize(a: Any, new_shape: ShapeLike) -> Tensor:
    """A new tensor of ``new_shape`` filled with ``a``'s elements, repeated as often as
    needed (``np.resize``; NumPy's method ``a.resize`` pads with zeros instead).

    >>> resize([[1, 2], [3, 4]], (3, 3))
    tensor([[1, 2, 3],
            [4, 1, 2],
            [3, 4, 1]])
    """
    t = as_tensor(a).ravel()
    lengths = _lengths(new_shape)
    if any(length < 0 for length in lengths):
        raise ValueError("all elements of `new_shape` must be non-negative")
    count = size_of(lengths)
    if not t.size or not count:
        return zeros(lengths, t.dtype)
    repeats = -(-count // t.size)
    repeated: Tensor = concatenate([t] * repeats)[:count]
    return repeated.reshape(lengths)


def roll(a: Any, shift: Any, axis: Any = None) -> Tensor:
    """``a``'s elements shifted ``shift`` places along ``axis`` (along the flattened tensor
    when None), those going off the end coming back at the start (``np.roll``). ``shift``
    and ``axis`` may be tuples, which broadcast against each other.

    >>> roll(arange(5), 2), roll([[1, 2, 3], [4, 5, 6]], (1, -1), axis=(0, 1))
    (tensor([3, 4, 0, 1, 2]), tensor([[5, 6, 4],
           [2, 3, 1]]))
    """
    t = as_tensor(a)
    if axis is None:
        return roll(t.ravel(), shift, 0).reshape(t.shape)
    shifts = [int(s) for s in as_tensor(shift).ravel().tolist()] if not isinstance(shift, int) else [shift]
    rolled_axes = list(axes.normalize_axis_tuple(axis, t.ndim, allow_duplicate=True))
    if len(shifts) != len(rolled_axes) and 1 not in (len(shifts), len(rolled_axes)):
        raise ValueError("'shift' and 'axis' should be scalars or 1D sequences of the same length")
    total = [0] * t.ndim
    for s, ax in zip(shifts * len(rolled_axes) if len(shifts) == 1 else shifts,
                     rolled_axes * len(shifts) if len(rolled_axes) == 1 else rolled_axes):  # fmt: skip
        total[ax] += s
    result = t
    for ax, s in enumerate(total):
        length = t.shape[ax]
        if length and s % length:
            cut = length - s % length
            before = (slice(None),) * ax
            result = concatenate((result[before + (slice(cut, None),)], result[before + (slice(None, cut),)]), ax)
    return result if result is not t else t.copy()


def flip(m: Any, axis: Any = None) -> Tensor:
    """``m`` with the order of elements reversed along ``axis`` (all axes when None): ``np.flip``, a view.

    >>> flip([[1, 2], [3, 4]]), flip([[1, 2], [3, 4]], axis=1)
    (tensor([[4, 3],
           [2, 1]]), tensor([[2, 1],
           [4, 3]]))
    """
    t = as_tensor(m)
    flipped = range(t.ndim) if axis is None else axes.normalize_axis_tuple(axis, t.ndim)
    key = tuple(slice(None, None, -1) if a in flipped else slice(None) for a in range(t.ndim))
    view: Tensor = t[key + (Ellipsis,)]
    return view


def fliplr(m: Any) -> Tensor:
    """``m`` reversed left to right, along axis 1 (``np.fliplr``): a view.

    >>> fliplr([[1, 2], [3, 4]])
    tensor([[2, 1],
            [4, 3]])
    """
    return flip(_at_least(m, 2, "fliplr", "Input must be >= 2-d."), 1)


def flipud(m: Any) -> Tensor:
    """``m`` reversed upside down, along axis 0 (``np.flipud``): a view.

    >>> flipud([1, 2, 3])
    tensor([3, 2, 1])
    """
    return flip(_at_least(m, 1, "flipud", "Input must be >= 1-d."), 0)


def rot90(m: Any, k: int = 1, axes: Tuple[int, int] = (0, 1)) -> Tensor:
    """``m`` rotated by 90 degrees ``k`` times, from the first of ``axes`` towards the second
    (``np.rot90``): a view.

    >>> rot90([[1, 2], [3, 4]])
    tensor([[2, 4],
            [1, 3]])
    """
    t = as_tensor(m)
    if len(axes) != 2:
        raise ValueError("len(axes) must be 2.")
    first, second = (normalize_axis(a, t.ndim) for a in axes)
    if first == second:
        raise ValueError("Axes must be different.")
    k %= 4
    if k == 0:
        view: Tensor = t[(Ellipsis,)]
        return view
    if k == 2:
        return flip(flip(t, first), second)
    order = list(range(t.ndim))
    order[first], order[second] = order[second], order[first]
    return flip(t, second).transpose(*order) if k == 1 else flip(t.transpose(*order), second)


# ---------------------------------------------------------------------------
# Index tricks: r_, c_, s_
# ---------------------------------------------------------------------------


class _Concatenator:
    """``r_[...]`` and ``c_[...]``: tensors built by concatenating what the brackets hold.

    Slices become ranges (``1:4`` is ``arange(1, 4)``; a complex step ``0:1:5j`` asks for 5
    points, as ``linspace``), numbers and lists become 1-d tensors, and a leading string
    ``"axis,ndmin,trans1d"`` says how to join (``"0,2"`` makes rows). Python numbers are
    "weak", as in NumPy: they take the tensors' dtype when it holds them.
    """

    def __init__(self, axis: int, ndmin: int, trans1d: int) -> None:
        self.axis, self.ndmin, self.trans1d = axis, ndmin, trans1d

    def __getitem__(self, key: Any) -> Tensor:
        parts = list(key) if isinstance(key, tuple) else [key]
        axis, ndmin, trans1d = self.axis, self.ndmin, self.trans1d
        if parts and isinstance(parts[0], str):
            axis, ndmin, trans1d = _directive(parts.pop(0), axis, ndmin, trans1d)
        pieces: List[Any] = []
        for part in parts:
            if isinstance(part, str):
                raise ValueError("string directives must be placed at the beginning")
            if isinstance(part, slice):
                piece = _slice_range(part)
            elif isinstance(part, (bool, int, float)):
                pieces.append(part)  # a weak scalar: its dtype is decided with the others
                continue
            else:
                piece = as_tensor(part)
            pieces.append(_with_ndmin(piece, ndmin, trans1d))
        if not pieces:
            return zeros(0)
        # The Python numbers take the dtype of everything together, and must fit it (255 in int8
        # is NumPy's OverflowError); the tensors join as concatenate promotes them.
        to = dtypes.operation_type(*pieces)
        joined = [p if isinstance(p, Tensor) else tensor([p], to).reshape((1,) * max(ndmin, 1)) for p in pieces]
        return concatenate(joined, axis)

    def __len__(self) -> int:
        return 0


class _IndexExpression:
    """``s_[...]``: the key itself, to keep for later indexing (``x[s_[::2, 1]]``)."""

    def __getitem__(self, key: Any) -> Any:
        return key


r_ = _Concatenator(0, 1, -1)
"""``r_[...]``: concatenation along the first axis (NumPy's ``r_``). ``r_[1:4, 0, [7, 8]]`` is
``tensor([1, 2, 3, 0, 7, 8])``; ``r_["0,2", [1, 2], [3, 4]]`` stacks them as rows."""
c_ = _Concatenator(-1, 2, 0)
"""``c_[...]``: concatenation along the last axis, vectors as columns (NumPy's ``c_``)."""
s_ = _IndexExpression()
"""``s_[...]``: a key to index with later (NumPy's ``s_``): ``s_[::2, 1]`` is ``(slice(None, None, 2), 1)``."""


# ---------------------------------------------------------------------------
# Private helpers
# ---------------------------------------------------------------------------


def _lengths(shape: Any) -> Tuple[int, ...]:
    """A shape given as an int or a sequence of ints, as a tuple of ints."""
    if isinstance(shape, (tuple, list)):
        return tuple(map(operator.index, shape))
    return (operator.index(shape),)


def _each(arys: Tuple[Any, ...], change: Any) -> Any:
    """``change`` of each argument as a tensor: one result for one argument, else a tuple."""
    results = tuple(change(as_tensor(a)) for a in arys)
    return results[0] if len(results) == 1 else results


def _as_tuple(result: Any) -> Tuple[Tensor, ...]:
    return result if isinstance(result, tuple) else (result,)


def _sequence_items(arrays: Any, message: str) -> List[Any]:
    """The items of ``arrays``, a list, a tuple or a tensor (its views along axis 0)."""
    if isinstance(arrays, Tensor):
        return [arrays[(index, Ellipsis)] for index in range(len(arrays))] if arrays.ndim else [arrays]
    if not isinstance(arrays, (list, tuple)):
        raise TypeError(message)
    return list(arrays)


def _stack_items(arrays: Any) -> List[Any]:
    """The tensors to stack: NumPy refuses a generator (or anything without ``[]``)."""
    return _sequence_items(arrays, 'arrays to stack must be passed as a "sequence" type such as list or tuple.')


def _check_casting(casting: str) -> None:
    if casting not in ("no", "equiv", "safe", "same_kind", "unsafe"):
        raise ValueError(f"casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' (got {casting!r})")


def _check_concatenable(tensors: List[Tensor], axis: int) -> None:
    first = tensors[0]
    for index, t in enumerate(tensors[1:], start=1):
        if t.ndim != first.ndim:
            raise ValueError(
                "all the input arrays must have same number of dimensions, but the array at index 0 has "
                f"{first.ndim} dimension(s) and the array at index {index} has {t.ndim} dimension(s)"
            )
        for dim, (mine, theirs) in enumerate(zip(first.shape, t.shape)):
            if dim != axis and mine != theirs:
                raise ValueError(
                    "all the input array dimensions except for the concatenation axis must match exactly, "
                    f"but along dimension {dim}, the array at index 0 has size {mine} and the array at "
                    f"index {index} has size {theirs}"
                )


def _joined_dtype(items: List[Any], tensors: List[Tensor], out: Optional[Tensor], dtype: Any, casting: str) -> DType:
    """The dtype of a join: ``dtype``, ``out``'s, or NumPy's promotion (Python numbers weak);
    every input must cast to it by the rule ``casting``."""
    if dtype is not None:
        to = dtypes.dtype(dtype)
    elif out is not None:
        to = out.dtype
    else:
        weak = [item for item in items if isinstance(item, (bool, int, float)) and not isinstance(item, Tensor)]
        strong = [t for item, t in zip(items, tensors) if not (isinstance(item, (bool, int, float)))]
        to = dtypes.result_type(*strong, *weak)
    for item, t in zip(items, tensors):
        if isinstance(item, (bool, int, float)) and not isinstance(item, Tensor):
            dtypes.operation_type(to, item)  # a weak Python int must still fit: NumPy's OverflowError
            continue
        if not dtypes.can_cast(t.dtype, to, casting):
            raise TypeError(
                f"Cannot cast array data from {t.dtype!r} to {to!r} according to the rule {casting!r}"
            )
    return to


def _joined_order(tensors: List[Tensor], axis: int) -> List[int]:
    """The memory order (axes, outermost first) NumPy gives a join: the inputs' own, found by
    NumPy's stable insertion sort of the axes by stride (``PyArray_CreateMultiSortedStridePerm``).

    Each axis is moved ahead of an earlier one when the inputs say its stride is larger:
    an input votes only where both axes are longer than 1 in it, and a vote for row-major
    order wins over one against. Axes no input votes on stay where they are.
    """
    order = list(range(tensors[0].ndim))
    for i0 in range(1, len(order)):
        moving, position = order[i0], i0
        for i1 in range(i0 - 1, -1, -1):
            other, decided, swap = order[i1], False, False
            for t in tensors:
                if t.shape[moving] != 1 and t.shape[other] != 1:
                    if abs(t.strides[moving]) <= abs(t.strides[other]):
                        swap = False  # row-major order wins
                    elif not decided:
                        swap = True
                    decided = True
            if decided and not swap:
                break
            if decided:
                position = i1
        order.insert(position, order.pop(i0))
    return order


def _join_row_major(tensors: List[Tensor], axis: int, to: DType) -> Tensor:
    """Row-major tensors joined along ``axis``, as a new row-major tensor of dtype ``to``."""
    first = tensors[0]
    outer = size_of(first.shape[:axis])
    blocks = []  # each tensor's elements, cut into one block per outer position
    for t in tensors:
        values = elements(t)
        if t.dtype is not to:
            values = casting.cast_values(values, t.dtype, to)
        inner = size_of(t.shape[axis:])
        blocks.append([values[o * inner : (o + 1) * inner] for o in range(outer)])
    joined: List[Any] = []
    for o in range(outer):
        for parts in blocks:
            joined.extend(parts[o])
    length = sum(t.shape[axis] for t in tensors)
    return Tensor.from_storage(to.storage(joined), first.shape[:axis] + (length,) + first.shape[axis + 1 :], to)


def _block_depths(arrays: Any) -> Tuple[int, int]:
    """How deep ``block``'s lists are nested and the most axes of any block, with NumPy's
    errors: a tuple, lists of different depths, then an empty list (in that order)."""
    index, most_ndim = _block_walk(arrays, [])
    if index and index[-1] is None:  # an empty list at the bottom: nothing to place there
        raise ValueError(f"List at {_block_place(index)} cannot be empty")
    return len(index), most_ndim


def _block_walk(item: Any, index: List[Any]) -> Tuple[List[Any], int]:
    """The position of ``item``'s first block (ending in ``None`` if an empty list was met,
    which must be reported) and the most axes of its blocks."""
    if isinstance(item, tuple):
        raise TypeError(
            f"{_block_place(index)} is a tuple. Only lists can be used to arrange blocks, and np.block does "
            "not allow implicit conversion from tuple to ndarray."
        )
    if not isinstance(item, list):
        return index, as_tensor(item).ndim
    if not item:
        return index + [None], 0
    first, most_ndim = _block_walk(item[0], index + [0])
    for position, part in enumerate(item[1:], start=1):
        found, ndim = _block_walk(part, index + [position])
        most_ndim = max(most_ndim, ndim)
        if len(found) != len(first):
            raise ValueError(
                f"List depths are mismatched. First element was at depth {len(first)}, but there is an "
                f"element at depth {len(found)} ({_block_place(found)})"
            )
        if found[-1] is None:  # keep the news of an empty list
            first = found
    return first, most_ndim


def _block_place(index: List[Any]) -> str:
    return "arrays" + "".join(f"[{i}]" for i in index if i is not None)


def _broadcast_shape(shapes: List[Shape]) -> Shape:
    """``broadcast_shapes``, with the message of NumPy's ``broadcast`` object."""
    try:
        return broadcast_shapes(*shapes) if shapes else ()
    except ValueError:
        pass
    ndim = max(len(s) for s in shapes)
    for axis in range(1, ndim + 1):  # find the first pair that disagrees, as NumPy names it
        seen: List[Tuple[int, int]] = []
        for index, s in enumerate(shapes):
            length = s[-axis] if axis <= len(s) else 1
            for other, other_length in seen:
                if 1 not in (length, other_length) and length != other_length:
                    raise ValueError(
                        "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between "
                        f"arg {other} with shape {shapes[other]} and arg {index} with shape {s}."
                    )
            seen.append((index, length))
    raise ValueError("shape mismatch: objects cannot be broadcast to a single shape.")  # pragma: no cover


def _at_least(m: Any, ndim: int, name: str, message: str = "") -> Tensor:
    t = as_tensor(m)
    if t.ndim < ndim:
        raise ValueError(message or f"{name} only works on arrays of {ndim} or more dimensions")
    return t


def _slice_range(part: slice) -> Tensor:
    """What a slice inside ``r_[...]`` stands for: a range, or points from a complex step."""
    start = 0 if part.start is None else part.start
    step = 1 if part.step is None else part.step
    if isinstance(step, complex):
        points: Tensor = linspace(start, part.stop, int(abs(step)))
        return points
    return arange(start, part.stop, step)


def _with_ndmin(t: Tensor, ndmin: int, trans1d: int) -> Tensor:
    """``t`` with at least ``ndmin`` axes, added in front, then its own axes moved to start at
    position ``trans1d`` (NumPy's ``AxisConcatenator`` rule: ``c_`` makes vectors columns)."""
    if t.ndim >= ndmin:
        return t
    added = ndmin - t.ndim
    t = t.reshape((1,) * added + t.shape)
    if trans1d == -1:
        return t
    start = trans1d if trans1d >= 0 else trans1d + added + 1
    order = list(range(ndmin))
    return t.transpose(*(order[:start] + order[added:] + order[start:added]))


def _directive(text: str, axis: int, ndmin: int, trans1d: int) -> Tuple[int, int, int]:
    """``r_``'s leading string ``"axis[,ndmin[,trans1d]]"``; the matrix directives are refused."""
    if text in ("r", "c"):
        raise TypeError("zeronn has no np.matrix: the 'r' and 'c' directives of r_ are not supported")
    try:
        numbers = [int(part) for part in text.split(",")]
    except ValueError:
        raise ValueError(f"unknown special directive {text!r}") from None
    if not 1 <= len(numbers) <= 3:
        raise ValueError(f"unknown special directive {text!r}")
    numbers += [ndmin, trans1d][len(numbers) - 1 :]
    return numbers[0], numbers[1], numbers[2]

