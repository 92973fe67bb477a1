"""Bounded integers as NumPy's legacy ``randint`` draws them, for every integer dtype.

An integer in ``[low, high)`` is ``low`` plus an offset in ``[0, rng]`` with
``rng = high - 1 - low``. NumPy finds the offset by masked rejection: it takes random
bits, keeps the lowest ones under ``mask``, the smallest all-ones number not below
``rng``, and tries again while the result is above ``rng``. How many random bits one
try takes depends on the dtype, and that decides every later number:

- 64-bit dtypes: 32 bits (one word) when ``rng`` fits in 32 bits, else 64 (two words);
- 32-bit dtypes: one word;
- 16-bit and 8-bit dtypes, and bool: a word is split into two 16-bit, four 8-bit or
  thirty-two 1-bit pieces, lowest first, and the rest of a word serves the next number
  (``WordBuffer``);
- a range that takes every value of the bits (``rng`` all ones) uses them unmasked.

>>> from .mt19937 import MT19937
>>> bits = MT19937(0)
>>> randint(bits, 0, 10, 8, dtypes.uint8)            # two words for the eight numbers
tensor([4, 7, 5, 6, 6, 7, 0, 1], dtype=uint8)
>>> randint(bits, 0, 2, 5, dtypes.bool_), randint(bits, -3, 3, None, dtypes.int64)
(tensor([ True,  True, False, False, False]), 0)
>>> randint(bits, 0, 256, 1, dtypes.int8)
Traceback (most recent call last):
...
ValueError: high is out of bounds for int8
"""

from __future__ import annotations

__all__ = ["randint", "random_interval", "WordBuffer", "mask_for"]

from typing import Any, Callable, List, Tuple

from .. import dtypes
from .._shape import Number, Shape, broadcast_shapes, broadcast_to, size_of
from ..core import Tensor, tensor
from ..dtypes import DType, IntegerOutOfBoundsError
from ..nested import flatten_nested
from .mt19937 import MT19937
from .parameters import iterator_shape, shape_of


def mask_for(rng: int) -> int:
    """The smallest number of all ones in binary that is at least ``rng``.

    >>> mask_for(0), mask_for(5), mask_for(8), mask_for(255)
    (0, 7, 15, 255)
    """
    return (1 << rng.bit_length()) - 1


class WordBuffer:
    """The rest of a 32-bit word, for the next 16-bit, 8-bit or 1-bit piece
    (NumPy's ``buf`` and ``bcnt``).

    >>> buffer = WordBuffer(MT19937(0)); [buffer.take(8) for _ in range(5)], buffer.left
    ([172, 10, 127, 140, 47], 3)
    """

    __slots__ = ("bits", "word", "left")

    def __init__(self, bits: MT19937) -> None:
        self.bits = bits
        self.word = 0
        self.left = 0  # pieces of ``word`` not yet given out

    def take(self, width: int) -> int:
        """The next ``width``-bit piece: the lowest bits of a new word, or the next ones
        of the current word."""
        if self.left == 0:
            self.word = self.bits.next_uint32()
            self.left = 32 // width - 1
        else:
            self.word >>= width
            self.left -= 1
        return self.word & ((1 << width) - 1)


def bounded(bits: MT19937, rng: int, width: int, buffer: WordBuffer) -> int:
    """An offset in ``[0, rng]`` for a dtype ``width`` bits wide (1 for bool), drawn as
    NumPy's ``random_bounded_uint64`` and ``random_buffered_bounded_uint*`` draw it.

    >>> bits = MT19937(0); bounded(bits, 5, 64, WordBuffer(bits)), bounded(bits, 255, 8, WordBuffer(bits))
    (4, 47)
    """
    if rng == 0:
        return 0
    if width == 1:  # bool: the next bit of the buffered word
        return buffer.take(1)
    if rng == (1 << width) - 1:  # every value the dtype holds: the bits as they come
        return bits.next_uint64() if width == 64 else bits.next_uint32() if width == 32 else buffer.take(width)
    mask = mask_for(rng)
    if width == 64:  # one word for a range that fits in 32 bits, two for a wider one
        return _masked(bits.next_uint32 if rng <= 0xFFFFFFFF else bits.next_uint64, rng, mask)
    if width == 32:
        return _masked(bits.next_uint32, rng, mask)
    value = buffer.take(width) & mask  # 16 and 8 bits: pieces of a word
    while value > rng:
        value = buffer.take(width) & mask
    return value


def _masked(draw: Callable[[], int], rng: int, mask: int) -> int:
    value = draw() & mask
    while value > rng:
        value = draw() & mask
    return value


def random_interval(bits: MT19937, limit: int) -> int:
    """An integer in ``[0, limit]`` (NumPy's ``random_interval``, which ``shuffle`` and
    ``permutation`` use): masked 32-bit draws, or 64-bit ones past 2**32.

    >>> random_interval(MT19937(0), 9), random_interval(MT19937(0), 0)
    (5, 0)
    """
    if limit == 0:
        return 0
    mask = mask_for(limit)
    return _masked(bits.next_uint32 if limit <= 0xFFFFFFFF else bits.next_uint64, limit, mask)


# ---------------------------------------------------------------------------
# randint
# ---------------------------------------------------------------------------


def randint(bits: MT19937, low: Any, high: Any, size: Any, to: DType) -> Any:
    """Integers of dtype ``to`` in ``[low, high)``: one Python number for number bounds
    and ``size=None``, else a tensor; array bounds broadcast (NumPy's ``_rand_<dtype>``).

    Raises ``ValueError`` for bounds outside the dtype's range or ``low >= high``.
    """
    width, _, _ = _range_of(to)
    shape = () if size is None else shape_of(size)
    if size is not None and size_of(shape) == 0:  # nothing drawn and nothing checked, as in NumPy
        return _tensor([], shape, to)
    lows, low_shape = _exact_integers(low)
    highs, high_shape = _exact_integers(high)
    if low_shape or high_shape:
        return _randint_broadcast(bits, lows, low_shape, highs, high_shape, size, to)
    low, high = lows[0], highs[0] - 1  # the draws are in the closed interval [low, high - 1]
    _check_bounds([low], (), [high], (), to)
    buffer = WordBuffer(bits)
    rng = high - low
    if size is None:
        return _python(low + bounded(bits, rng, width, buffer), to)
    count = size_of(shape)
    dtypes.check_fits(shape, to)
    if width == 64 and rng <= 0xFFFFFFFF or width == 32 and rng != 0xFFFFFFFF:  # the common case, fast
        draw, mask = bits.next_uint32, mask_for(rng)
        values = [low + _masked(draw, rng, mask) for _ in range(count)] if rng else [low] * count
    else:
        values = [low + bounded(bits, rng, width, buffer) for _ in range(count)]
    return _tensor(values, shape, to)


def _randint_broadcast(
    bits: MT19937, lows: List[Any], low_shape: Shape, highs: List[Any], high_shape: Shape, size: Any, to: DType
) -> Tensor:
    """Array bounds: each element drawn with its own bounds, in row-major order, and one
    word buffer for all of them. As in NumPy, the elements follow the broadcast of the
    bounds with the output, taken in order until the output is full."""
    width, _, _ = _range_of(to)
    _check_bounds(lows, low_shape, [high - 1 for high in highs], high_shape, to)
    shape = shape_of(size) if size is not None else iterator_shape(low_shape, high_shape)
    together = iterator_shape(low_shape, high_shape, shape)
    dtypes.check_fits(together, to)
    count = size_of(shape)
    lows_there: List[Any] = broadcast_to(lows, low_shape, together)[:count]
    highs_there: List[Any] = broadcast_to(highs, high_shape, together)[:count]
    buffer = WordBuffer(bits)
    values = [low + bounded(bits, high - 1 - low, width, buffer) for low, high in zip(lows_there, highs_there)]
    return _tensor(values, shape, to)


def _check_bounds(lows: List[Any], low_shape: Shape, highs: List[Any], high_shape: Shape, to: DType) -> None:
    """NumPy's checks of the bounds, ``highs`` already closed (``high - 1``): each within
    the dtype's range, and ``low <= high`` wherever they broadcast together."""
    _, lowest, highest = _range_of(to)
    if any(low < lowest for low in lows):
        raise ValueError(f"low is out of bounds for {to.name}")
    if any(high > highest for high in highs):
        raise ValueError(f"high is out of bounds for {to.name}")
    pairs = broadcast_shapes(low_shape, high_shape)
    dtypes.check_fits(pairs, dtypes.bool_)
    lows_there, highs_there = broadcast_to(lows, low_shape, pairs), broadcast_to(highs, high_shape, pairs)
    if any(low > high for low, high in zip(lows_there, highs_there)):
        raise ValueError("high <= 0" if all(low == 0 for low in lows) else "low >= high")


def _range_of(to: DType) -> Tuple[int, int, int]:
    """The width in bits (1 for bool) and the smallest and largest value of ``to``."""
    if to.kind == "b":
        return 1, 0, 1
    if to.kind not in "iu":
        raise TypeError(f"Unsupported dtype {to!r} for randint")
    width = 8 * to.itemsize
    if to.kind == "u":
        return width, 0, 2**width - 1
    return width, -(2 ** (width - 1)), 2 ** (width - 1) - 1


def _exact_integers(value: Any) -> Tuple[List[Any], Shape]:
    """Bounds as Python ints, read as NumPy reads them: a list through ``np.array``'s
    dtype (so a list mixing ints past int64 with others becomes float64, rounded, as in
    NumPy), floats truncated as NumPy's cast truncates them; ints too large for any dtype
    stay exact, as in NumPy's object arrays."""
    if isinstance(value, (list, tuple, range)):
        try:
            value = tensor(value)
        except IntegerOutOfBoundsError:
            flat, shape = flatten_nested(value)
            return [int(number) for number in flat], shape
    if isinstance(value, Tensor):
        return [int(number) for number in value.to_flat_list()], value.shape
    return [int(value)], ()


def _python(value: int, to: DType) -> Number:
    return bool(value) if to.kind == "b" else value


def _tensor(values: List[int], shape: Shape, to: DType) -> Tensor:
    stored: List[Any] = [bool(value) for value in values] if to.kind == "b" else values
    return Tensor.from_storage(to.storage(stored), shape, to)

