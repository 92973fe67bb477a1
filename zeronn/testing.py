"""Hypothesis strategies for zeronn tensors, and an ``assert_allclose`` that checks shapes.

They mirror ``hypothesis.extra.numpy`` but build zeronn tensors and need no NumPy:

- ``shapes(...)``: tuples like ``(3, 1, 4)`` (``array_shapes`` there);
- ``tensors(shape, elements=...)``: tensors of a fixed or drawn shape (``arrays``);
- ``broadcastable_shapes(shape, ...)``: shapes that broadcast against ``shape``;
- ``mutually_broadcastable_shapes(num_shapes, ...)``: several shapes that broadcast
  together, with the shape they broadcast to;
- ``assert_allclose(actual, desired, rtol, atol)``: NumPy's tolerance test, shapes included.

This module imports hypothesis (install it with ``pip install hypothesis``); ``import
zeronn`` never imports this module, so zeronn itself keeps to the standard library.

>>> from hypothesis import given
>>> @given(tensors(shapes(max_dims=2)))
... def test_adding_zero_changes_nothing(t):
...     assert_allclose(t + 0, t)
>>> test_adding_zero_changes_nothing()
"""

from __future__ import annotations

__all__ = [
    "shapes",
    "tensors",
    "broadcastable_shapes",
    "mutually_broadcastable_shapes",
    "BroadcastableShapes",
    "assert_allclose",
]

import math
from typing import Any, List, NamedTuple, Optional, Tuple, Union

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - the message is the point
    raise ImportError("zeronn.testing needs hypothesis: pip install hypothesis") from error

from ._shape import Shape, broadcast_shapes, size_of, unravel
from .core import Tensor, as_tensor, tensor

# ---------------------------------------------------------------------------
# Shapes
# ---------------------------------------------------------------------------


def shapes(
    *,
    min_dims: int = 1,
    max_dims: Optional[int] = None,
    min_side: int = 1,
    max_side: Optional[int] = None,
) -> st.SearchStrategy[Shape]:
    """Return a strategy for shapes: tuples of side lengths.

    - ``min_dims`` (default 1): the fewest axes;
    - ``max_dims`` (default ``min_dims + 2``): the most axes;
    - ``min_side`` (default 1): the shortest axis; 0 allows empty tensors;
    - ``max_side`` (default ``min_side + 5``): the longest axis.

    >>> shapes(min_dims=2, max_dims=2, min_side=3, max_side=3).example()
    (3, 3)
    """
    max_dims = min_dims + 2 if max_dims is None else max_dims
    max_side = min_side + 5 if max_side is None else max_side
    _check_bounds("dims", min_dims, max_dims)
    _check_bounds("side", min_side, max_side)
    sides = st.integers(min_side, max_side)
    return st.lists(sides, min_size=min_dims, max_size=max_dims).map(tuple)


def tensors(
    shape: Union[Shape, int, st.SearchStrategy[Shape]],
    *,
    elements: Optional[st.SearchStrategy[Any]] = None,
) -> st.SearchStrategy[Tensor]:
    """Return a strategy for tensors of ``shape`` (a tuple, an int, or a strategy of shapes).

    - ``elements`` (default: finite floats between -1e6 and 1e6): the strategy each
      element is drawn from; ints, bools or floats with NaN and infinity all work.

    >>> tensors((2, 3), elements=st.just(1)).example()
    tensor([[1, 1, 1],
            [1, 1, 1]])
    """
    if elements is None:
        elements = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
    chosen: st.SearchStrategy[Any] = elements
    if isinstance(shape, st.SearchStrategy):
        return shape.flatmap(lambda drawn: tensors(drawn, elements=chosen))
    fixed = (shape,) if isinstance(shape, int) else tuple(shape)
    if any(length < 0 for length in fixed):
        raise ValueError(f"shape={fixed!r} must not hold negative lengths")
    count = size_of(fixed)
    flat = st.lists(chosen, min_size=count, max_size=count)
    return flat.map(lambda values: tensor(values).reshape(fixed))


def broadcastable_shapes(
    shape: Shape,
    *,
    min_dims: int = 0,
    max_dims: Optional[int] = None,
    min_side: int = 1,
    max_side: Optional[int] = None,
) -> st.SearchStrategy[Shape]:
    """Return a strategy for shapes that broadcast against ``shape``.

    Along the axes it shares with ``shape`` a drawn side is ``shape``'s own or 1 (or
    anything, where ``shape`` has a 1); extra leading axes take any side.

    - ``min_dims`` (default 0) and ``max_dims`` (default ``max(len(shape), min_dims) + 2``);
    - ``min_side`` (default 1) and ``max_side`` (default the largest side of ``shape``,
      or ``min_side``, plus 2).

    >>> drawn = broadcastable_shapes((3, 1)).example()
    >>> len(broadcast_shapes(drawn, (3, 1))) >= 2
    True
    """
    shape = tuple(shape)
    max_dims = max(len(shape), min_dims) + 2 if max_dims is None else max_dims
    max_side = max((*shape, min_side)) + 2 if max_side is None else max_side
    _check_bounds("dims", min_dims, max_dims)
    _check_bounds("side", min_side, max_side)

    @st.composite
    def draw_shape(draw: Any) -> Shape:
        ndim = draw(st.integers(min_dims, max_dims))
        sides: List[int] = []
        for position in range(ndim):  # from the last axis backwards
            options = _compatible_sides(shape, position, min_side, max_side)
            if not options:
                break
            sides.append(draw(st.sampled_from(options)))
        if len(sides) < min_dims:
            raise ValueError(
                f"no shape of min_dims={min_dims} with sides in [{min_side}, {max_side}] "
                f"broadcasts against {shape}"
            )
        return tuple(reversed(sides))

    return draw_shape()


class BroadcastableShapes(NamedTuple):
    """What ``mutually_broadcastable_shapes`` draws: the inputs and their broadcast shape.

    >>> BroadcastableShapes(input_shapes=((2, 1), (3,)), result_shape=(2, 3)).result_shape
    (2, 3)
    """

    input_shapes: Tuple[Shape, ...]
    result_shape: Shape


def mutually_broadcastable_shapes(
    num_shapes: int,
    *,
    base_shape: Shape = (),
    min_dims: int = 0,
    max_dims: Optional[int] = None,
    min_side: int = 1,
    max_side: Optional[int] = None,
) -> st.SearchStrategy[BroadcastableShapes]:
    """Return a strategy for ``num_shapes`` shapes that broadcast together (and with
    ``base_shape``), and the shape they broadcast to.

    - ``num_shapes``: how many shapes to draw (at least 1);
    - ``base_shape`` (default ``()``): a shape that every drawn shape must also fit;
    - ``min_dims``, ``max_dims``, ``min_side``, ``max_side``: as in ``broadcastable_shapes``.

    >>> drawn = mutually_broadcastable_shapes(2).example()
    >>> broadcast_shapes(*drawn.input_shapes) == drawn.result_shape
    True
    """
    if num_shapes < 1:
        raise ValueError(f"num_shapes={num_shapes} must be at least 1")
    base_shape = tuple(base_shape)
    max_dims = max(len(base_shape), min_dims) + 2 if max_dims is None else max_dims
    max_side = max((*base_shape, min_side)) + 2 if max_side is None else max_side
    _check_bounds("dims", min_dims, max_dims)
    _check_bounds("side", min_side, max_side)

    @st.composite
    def draw_shapes(draw: Any) -> BroadcastableShapes:
        # First a common "core" shape; then each input keeps or shrinks to 1 each side.
        core = draw(broadcastable_shapes(base_shape, min_dims=max_dims, max_dims=max_dims,
                                         min_side=min_side, max_side=max_side))
        inputs = []
        for _ in range(num_shapes):
            ndim = draw(st.integers(min_dims, max_dims))
            sides = [
                draw(st.sampled_from(sorted({side, 1}))) if min_side <= 1 else side
                for side in core[len(core) - ndim :]
            ]
            inputs.append(tuple(sides))
        result = broadcast_shapes(base_shape, *inputs)
        return BroadcastableShapes(tuple(inputs), result)

    return draw_shapes()


# ---------------------------------------------------------------------------
# Comparing results
# ---------------------------------------------------------------------------


def assert_allclose(actual: Any, desired: Any, rtol: float = 1e-7, atol: float = 0.0) -> None:
    """Check that two tensors have one shape and close elements, as NumPy's
    ``assert_allclose`` does: ``|actual - desired| <= atol + rtol * |desired|``.

    NaNs match NaNs, infinities match infinities of the same sign; shapes must be
    equal (no broadcasting). Raises ``AssertionError`` naming the first mismatch.

    >>> assert_allclose(tensor([1.0, 2.0]), [1.0, 2.0 + 1e-9])
    >>> assert_allclose(tensor([1.0, 2.0]), [1.0, 2.5])
    Traceback (most recent call last):
    ...
    AssertionError: not close (rtol=1e-07, atol=0.0): 1 of 2 elements differ; first at [1]: actual 2.0, desired 2.5
    """
    got, want = as_tensor(actual), as_tensor(desired)
    if got.shape != want.shape:
        raise AssertionError(f"shapes differ: actual {got.shape}, desired {want.shape}")
    bad = [
        index
        for index, (a, d) in enumerate(zip(got.to_flat_list(), want.to_flat_list()))
        if not _close(a, d, rtol, atol)
    ]
    if bad:
        first = bad[0]
        raise AssertionError(
            f"not close (rtol={rtol}, atol={atol}): {len(bad)} of {got.size} elements differ; "
            f"first at {list(unravel(first, got.shape))}: actual {got.to_flat_list()[first]!r}, "
            f"desired {want.to_flat_list()[first]!r}"
        )


# ---------------------------------------------------------------------------
# Private helpers
# ---------------------------------------------------------------------------


def _close(actual: float, desired: float, rtol: float, atol: float) -> bool:
    if math.isnan(actual) or math.isnan(desired):
        return math.isnan(actual) and math.isnan(desired)
    if math.isinf(actual) or math.isinf(desired):
        return actual == desired
    return abs(actual - desired) <= atol + rtol * abs(desired)


def _check_bounds(name: str, low: int, high: int) -> None:
    if low < 0:
        raise ValueError(f"min_{name}={low} must be at least 0")
    if high < low:
        raise ValueError(f"max_{name}={high} must be at least min_{name}={low}")


def _compatible_sides(shape: Shape, position: int, min_side: int, max_side: int) -> List[int]:
    """The sides that broadcast against ``shape`` at ``position`` counted from the end."""
    if position >= len(shape) or shape[-1 - position] == 1:
        return list(range(min_side, max_side + 1))
    side = shape[-1 - position]
    return [length for length in sorted({side, 1}) if min_side <= length <= max_side]
