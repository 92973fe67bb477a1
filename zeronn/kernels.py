"""The loops that do the arithmetic, written for speed, each beside the plain loop it must equal.

Everything here works on flat sequences of Python numbers (a list, or an
``array.array``) in row-major order; the tensor module turns tensors into such sequences
and back. Each fast kernel sits next to its plain twin, or names it, and
``tests/test_kernels.py`` checks that the two agree on every kind of input: zeros of
both signs, infinities, NaN, numbers that overflow, ints, empty tensors.

Where the speed comes from:

- ``map`` over whole sequences, with ``itertools`` to broadcast (``cycle`` repeats a row
  or a number) instead of building the expanded operand;
- Python's operators first, and NumPy's IEEE answers (``ieee.py``) element by element
  only for a sequence where an operator raised;
- ``sum(map(mul, row, col))`` for the matrix product, or ``math.sumprod`` (3.12+, about
  four times faster), and skipping the zeros of a mostly-zero left operand;
- the book's sigmoid and softmax fused into one pass over float64 data.

The public names:

- ``binary(fast, safe, left, right)`` (plain twin ``binary_plain``): one function over
  two sequences, the shorter repeated along the longer; ``unary(fast, safe, values)``;
- ``stretch(values, shape, target)`` (plain twin ``_shape.broadcast_to``): values
  broadcast to ``target``;
- ``dot(rows, right, width)`` (plain twin ``dot_plain``): all row-column sums of
  products, the right operand given row-major;
- ``maximum_with_scalar(values, scalar, scalar_first)``: ``maximum`` against one number;
- ``pairwise_sum(values)`` (plain twin ``pairwise_sum_plain``): NumPy's sum of a run of
  floats, in its own order of additions;
- ``sigmoid(values)``, ``softmax_rows(values, length)``: the book's formulas in one pass
  (their plain twins are the formulas themselves in ``activations.py``);
- ``plain_mode(on=True)``: the switch (also the environment variable ``ZERONN_PLAIN=1``)
  under which every kernel here runs its plain twin and the activations their formulas.

Plain mode
----------

The fast kernels are what runs; the plain twins are what to read. A learner who steps
through the code with a debugger, or traces it (``python -m zeronn trace --plain``),
wants to meet the plain ones: ``plain_mode(True)`` (or ``with plain_mode():``, or
``ZERONN_PLAIN=1`` in the environment before the package is imported) makes each fast
kernel hand its work to its plain twin at its first line, and makes ``sigmoid`` and
``softmax`` in ``nn/activations.py`` run the book's formula lines on tensors. The values
are the same numbers (``tests/test_plain_mode.py`` holds them equal bit for bit), except
the matrix product on Python 3.12+, where the fast ``dot`` uses ``math.sumprod`` (extended
precision) and the plain twin ``sum(map(mul, row, column))``: there they differ in the last
bits, as both differ from NumPy's BLAS. Plain mode is slower (several times on a network).

>>> stretch([1, 2, 3], (3,), (2, 3))
[1, 2, 3, 1, 2, 3]
>>> dot([[1.0, 2.0]], [3.0, 4.0, 5.0, 6.0], 2)        # [[1, 2]] @ [[3, 4], [5, 6]]
[13.0, 16.0]
"""

from __future__ import annotations

__all__ = [
    "binary",
    "binary_plain",
    "unary",
    "stretch",
    "dot",
    "dot_plain",
    "maximum_with_scalar",
    "add_in_order",
    "pairwise_sum",
    "pairwise_sums",
    "pairwise_sum_plain",
    "sigmoid",
    "softmax_rows",
    "plain_mode",
]

import functools
import math
import os
import sys
from array import array
from functools import reduce
from itertools import chain, compress, cycle, islice, repeat
from operator import add, itemgetter, mul, sub, truediv
from types import TracebackType
from typing import Any, Callable, Iterable, Iterator, List, Optional, Sequence, Tuple, Type

from . import ieee
from ._shape import Shape, broadcast_to, size_of

Values = Sequence[Any]

# Whether plain mode is on (see the module's docstring): read by every fast kernel at its
# first line and by nn/activations.py; changed only by ``plain_mode``.
plain_mode_on = os.environ.get("ZERONN_PLAIN", "") not in ("", "0")

# ---------------------------------------------------------------------------
# Elementwise functions and broadcasting
# ---------------------------------------------------------------------------


def binary(fast: Callable[[Any, Any], Any], safe: Callable[[Any, Any], Any], left: Values, right: Values) -> List[Any]:
    """``fast(a, b)`` for each pair of elements of ``left`` and ``right``, the shorter one
    repeated along the longer: broadcasting's two everyday cases, one number against a
    tensor (a sequence of one) and a row against a matrix (a length that divides the
    other's), repeated by ``cycle`` without building anything. (Other broadcasts are
    ``stretch``-ed to full length first.)

    ``fast`` is Python's operator (``operator.truediv``), which raises on some inputs
    where NumPy answers (``1.0 / 0.0``). If it raises anywhere, every pair is computed
    again with ``safe``, its IEEE twin from ``ieee.py``, which gives the same answer
    wherever ``fast`` does not raise: so an element's answer never depends on its
    neighbours. Plain twin: ``binary_plain``.

    >>> from operator import truediv
    >>> binary(truediv, ieee.divide, [1.0, 1.0, 0.0], [2.0, 0.0, 0.0])
    [0.5, inf, nan]
    >>> binary(truediv, ieee.divide, [1.0, 2.0, 3.0, 4.0], [1.0, 10.0])   # a row of 2, repeated
    [1.0, 0.2, 3.0, 0.4]
    """
    if plain_mode_on:
        return binary_plain(safe, left, right)
    try:
        return list(map(fast, left, right) if len(left) == len(right) else map(fast, *_paired(left, right)))
    except (ArithmeticError, ValueError):  # e.g. ZeroDivisionError, OverflowError, math domain error
        return list(map(safe, *_paired(left, right)))


def binary_plain(safe: Callable[[Any, Any], Any], left: Values, right: Values) -> List[Any]:
    """The plain twin of ``binary``: ``safe`` of each pair, the shorter sequence read round and round.

    >>> binary_plain(ieee.divide, [1.0, 2.0, 3.0, 4.0], [1.0, 10.0])
    [1.0, 0.2, 3.0, 0.4]
    """
    size = max(len(left), len(right)) if len(left) and len(right) else 0
    return [safe(left[i % len(left)], right[i % len(right)]) for i in range(size)]


def _paired(left: Values, right: Values) -> Tuple[Iterable[Any], Iterable[Any]]:
    """The two sequences, the shorter one repeated (``cycle``) as long as the longer lasts."""
    if len(left) == len(right):
        return left, right
    return (cycle(left), right) if len(left) < len(right) else (left, cycle(right))


def unary(fast: Callable[[Any], Any], safe: Callable[[Any], Any], values: Values) -> List[Any]:
    """``fast(v)`` for every ``v``; if it raises anywhere, ``safe(v)`` for every ``v``, as in ``binary``.
    Plain twin: ``[safe(v) for v in values]``.

    >>> unary(math.exp, ieee.exp, [0.0, 1000.0])
    [1.0, inf]
    """
    if plain_mode_on:
        return [safe(v) for v in values]
    try:
        return list(map(fast, values))
    except (ArithmeticError, ValueError):
        return list(map(safe, values))


def stretch(values: Values, shape: Shape, target: Shape) -> Values:
    """``values`` of ``shape`` broadcast to ``target`` (which they broadcast to): the fast
    twin of ``_shape.broadcast_to``, which gives the same list.

    The cases a network meets cost one C-speed pass: the same shape gives the values
    themselves, one number a repeated list, a row (``(n,)`` against ``(m, n)``) the row
    cycled, a column (``(m, 1)`` against ``(m, n)``) each value repeated in turn.
    Anything else is ``_shape.broadcast_to`` itself.

    >>> stretch([7], (), (2, 2)), stretch([1, 2], (2, 1), (2, 3))
    ([7, 7, 7, 7], [1, 1, 1, 2, 2, 2])
    """
    if plain_mode_on:
        return broadcast_to(list(values), shape, target)
    if shape == target:
        return values
    size = size_of(target)
    if len(values) == 1:
        return [values[0]] * size
    padded = (1,) * (len(target) - len(shape)) + shape
    lead = 0  # leading axes of length 1, where the whole block repeats
    while padded[lead] == 1:
        lead += 1
    trail = len(padded)  # trailing axes of length 1, where each value repeats
    while padded[trail - 1] == 1:
        trail -= 1
    if padded[lead:trail] == target[lead:trail]:
        inner = size_of(target[trail:])
        stretched = values if inner == 1 else chain.from_iterable(map(repeat, values, repeat(inner)))
        return list(stretched if lead == 0 else islice(cycle(stretched), size))
    return broadcast_to(list(values), shape, target)


def maximum_with_scalar(values: Values, scalar: Any, scalar_first: bool) -> List[Any]:
    """``maximum(scalar, v)`` (or ``maximum(v, scalar)``) for every ``v``, in one comprehension.

    The book's ``relu`` is ``maximum(0, x)``: this is it without a function call per
    element. Plain twin: ``[ieee.maximum(scalar, v) for v in values]`` (or the
    arguments swapped). NaN wins and a tie keeps the second argument, as there.

    >>> maximum_with_scalar([-1.0, 2.0, float("nan"), -0.0], 0.0, True)
    [0.0, 2.0, nan, -0.0]
    """
    if plain_mode_on:
        return [ieee.maximum(scalar, v) if scalar_first else ieee.maximum(v, scalar) for v in values]
    c = scalar
    if c != c:  # NaN wins
        return [c] * len(values)
    if scalar_first:  # the tie keeps v
        return [c if c > v else v for v in values]
    return [c if c >= v else v for v in values]  # the tie keeps c; NaN v fails c >= v and is kept


# ---------------------------------------------------------------------------
# The matrix product
# ---------------------------------------------------------------------------

if sys.version_info >= (3, 12):
    from math import sumprod  # multiplies and adds in C, with extended precision

    def _row_times(row: Values, columns: Iterable[Values]) -> List[Any]:
        """``[sumprod(row, column) for column in columns]``, with no Python-level loop.

        ``math.sumprod`` (3.12+) is about 4x faster than ``sum(map(mul, ...))``, and its
        last bits may differ from it.

        >>> _row_times([1.0, 2.0], [[3.0, 5.0], [4.0, 6.0]])     # [1, 2] times the columns
        [13.0, 16.0]
        """
        return list(map(sumprod, repeat(row), columns))

    # Gathering the nonzero terms costs about as much as a term of sumprod, so skipping
    # zeros pays once more than 60 % of the row is zero (measured on rows of 50).
    _ZEROS_WORTH_SKIPPING = 0.6

else:

    def _row_times(row: Values, columns: Iterable[Values]) -> List[Any]:
        """``[sum(map(mul, row, column)) for column in columns]``, with no Python-level
        loop: the inner ``map`` objects are made by ``map`` itself. About 25 ns a term.

        >>> _row_times([1.0, 2.0], [[3.0, 5.0], [4.0, 6.0]])     # [1, 2] times the columns
        [13.0, 16.0]
        """
        return list(map(sum, map(map, repeat(mul), repeat(row), columns)))

    # Gathering a term costs about a quarter of adding it, so skipping zeros pays once
    # more than about 40 % of the row is zero (measured on rows of 50; the gradient
    # flowing back through ReLU is about half zeros).
    _ZEROS_WORTH_SKIPPING = 0.4


def dot_plain(rows: Iterable[Values], right: Values, width: int) -> List[Any]:
    """The plain twin of ``dot``: one sum of products per (row, column), row-major.

    >>> dot_plain([[1, 2], [3, 4]], [5, 6, 7, 8], 2)     # [[1, 2], [3, 4]] @ [[5, 6], [7, 8]]
    [19, 22, 43, 50]
    """
    columns = [right[j::width] for j in range(width)]
    return [sum(map(mul, row, column)) for row in rows for column in columns]


def dot(rows: Iterable[Values], right: Values, width: int) -> List[Any]:
    """The matrix product of the left operand, given as its rows (read once, in order),
    and the right operand, given as its elements row by row (``width`` to a row),
    row-major: ``dot_plain``'s answer, faster.

    Each output is one ``sumprod`` of a left row and a right column. A left row with
    enough zeros (an MNIST image is 82 % zeros, a gradient through ReLU about half) is
    multiplied by its nonzero terms only: the right operand's rows at those positions,
    picked by one ``itemgetter`` and turned into the columns that count by ``zip``,
    which touches only the rows it needs (about 3x faster on MNIST). A zero term adds
    nothing to a sum, so the answer is the same, except that ``0 * inf`` and ``0 * nan``
    are NaN: that is why zeros are skipped only when the right operand holds finite
    floats (asked once, at the first row worth it). A left row may be a list or, for
    float32, the ``array`` itself.

    >>> dot([[0.0, 0.0, 0.0, 2.0]], [1.0, 2.0, 3.0, 4.0], 1)
    [8.0]
    >>> dot([[0.0, 0.0, 0.0, 2.0]], [math.inf, 0.0, 0.0, 1.0], 1)     # 0 * inf is not skipped
    [nan]
    """
    if plain_mode_on:
        return dot_plain(rows, right, width)
    values: List[Any] = []
    right_rows: Optional[List[Values]] = None  # the right operand's rows, cut at the first sparse row ([]: not finite)
    columns: Optional[List[Values]] = None  # its columns, cut at the first dense row
    for row in rows:
        nonzero = _nonzero_positions(row)
        if len(nonzero) <= _DENSE_BELOW * len(row):
            if right_rows is None:  # (a sum is finite only if every term is; one that overflows is inf, not an error)
                finite = len(right) and type(right[0]) is float and math.isfinite(sum(right))
                right_rows = [right[start : start + width] for start in range(0, len(right), width)] if finite else []
            if right_rows:  # zeros may be skipped
                values += _sparse_row_times(row, nonzero, right_rows, width)
                continue
        if columns is None:
            columns = [right[j::width] for j in range(width)]
        values += _row_times(row if type(row) is list else list(row), columns)
    return values


# A row is multiplied by its nonzero terms only when at most this share of it is nonzero.
_DENSE_BELOW = 1 - _ZEROS_WORTH_SKIPPING


def _nonzero_positions(row: Values) -> List[int]:
    """The positions ``k`` where ``row[k]`` is not zero.

    A float32 row (an ``array.array``) is read through the bits of its numbers, as
    unsigned ints: zero is always the same int object, so the zeros of an image never
    become Python floats. (``-0.0`` has its sign bit set and counts as nonzero: one more
    term, which changes no sum.)

    >>> _nonzero_positions([0.0, 2.5, 0.0, -1.0]), _nonzero_positions(array("f", [0.0, -0.0, 3.0]))
    ([1, 3], [1, 2])
    """
    if isinstance(row, array) and row.typecode == "f":
        bits = memoryview(row).cast("B").cast("I")  # (C's unsigned int: 4 bytes, as a float32)
        return list(compress(range(len(bits)), bits))
    return list(compress(range(len(row)), row))


def _sparse_row_times(row: Values, nonzero: List[int], right_rows: List[Values], width: int) -> List[Any]:
    """``row`` times the right operand (its rows ``right_rows``, ``width`` long), with the
    terms at ``nonzero`` only (every other term is a zero)."""
    if not nonzero:  # a sum of zeros (of either sign), from +0: exactly 0.0
        return [0.0] * width
    if len(nonzero) == 1:  # (itemgetter of one index gives an item, not a tuple)
        k = nonzero[0]
        value = row[k]
        return [0.0 + value * term for term in right_rows[k]]
    pick = itemgetter(*nonzero)  # gathers the entries at C speed
    return _row_times(pick(row), zip(*pick(right_rows)))  # (zip: the picked rows' columns)


# ---------------------------------------------------------------------------
# NumPy's pairwise summation
# ---------------------------------------------------------------------------

# ``add_in_order(values, start)`` is ``start + values[0] + values[1] + ...``, each addition
# rounded, left to right, as C's loop adds: Python's ``sum`` before 3.12. From 3.12 on,
# ``sum`` of floats compensates the rounding errors, and so differs from NumPy in the last
# bits: there ``reduce`` adds them one by one (both run in C).
add_in_order: Callable[[Iterable[float], float], float] = (
    functools.partial(reduce, add) if sys.version_info >= (3, 12) else sum
)


def pairwise_sum(
    values: Values, add2: Callable[[float, float], float] = add,
    add_all: Callable[[Iterable[float], float], float] = add_in_order,
) -> float:
    """The sum NumPy gives for a run of floats: ``+0.0`` (its reduction's start) plus
    ``pairwise_sum`` of ``numpy/_core/src/umath/loops_utils.h.src``, last bits included.

    NumPy's order: fewer than 8 values are added in order; up to 128 go to 8 running
    sums (``values[j]``, ``values[j + 8]``, ``values[j + 16]``, ...), which are added as a
    tree, then the rest in order; a longer run is halved (at a multiple of 8) and each
    half summed so, down to blocks of at most 128. The rounding error grows as ``log n``,
    not ``n``. Here each running sum is one slice (``values[j::8]`` of a block) added in C;
    ``add2`` and ``add_all`` add two numbers, and a sequence from a start (float32 passes
    its own, rounded to float32). Plain twin: ``pairwise_sum_plain``, NumPy's C line for line.

    >>> pairwise_sum([0.1] * 10), add_in_order([0.1] * 10, 0.0)    # a running sum
    (1.0, 0.9999999999999999)
    >>> pairwise_sum([]), pairwise_sum([-0.0])
    (0.0, 0.0)
    """
    if plain_mode_on:
        return pairwise_sum_plain(values, add2)
    return add2(0.0, _pairwise(values, 0, len(values), add2, add_all))


def _pairwise(
    values: Values, start: int, n: int, add2: Callable[[float, float], float],
    add_all: Callable[[Iterable[float], float], float],
) -> float:
    """NumPy's pairwise sum of the ``n`` values from ``values[start]`` (before its final ``+ 0.0``).

    Fewer than 8 values: added in order; up to 128: 8 running sums and their tree, then
    the rest in order; more: halves, each summed so.

    >>> _pairwise([1.0, 2.0, 3.0], 0, 3, add, add_in_order), _pairwise([0.1] * 10, 0, 10, add, add_in_order)
    (6.0, 1.0)
    """
    if n < 8:  # (NumPy's own case, and four times faster than the next one's for these)
        return add_all(values[start : start + n], -0.0)  # (-0.0: a run of -0.0 sums to -0.0)
    if n <= 128:
        whole = start + n - n % 8  # (every running sum starts from its first value: -0.0 + v is v)
        r = [add_all(values[start + j : whole : 8], -0.0) for j in range(8)]
        total = add2(add2(add2(r[0], r[1]), add2(r[2], r[3])), add2(add2(r[4], r[5]), add2(r[6], r[7])))
        return add_all(values[whole : start + n], total)  # the rest, in order
    half = n // 2
    half -= half % 8
    return add2(_pairwise(values, start, half, add2, add_all), _pairwise(values, start + half, n - half, add2, add_all))


def pairwise_sums(
    values: Values, length: int, add2: Callable[[float, float], float] = add,
    add_all: Callable[[Iterable[float], float], float] = add_in_order,
) -> List[float]:
    """``pairwise_sum`` of every run of ``length`` values (the rows of a row-major matrix:
    ``x.sum(axis=-1)``, softmax's row sums), all rows at once: the running sums of every
    row are columns of the matrix (``values[j::length]``), added by ``map``.

    >>> pairwise_sums([0.1] * 20, 10), pairwise_sums([1.0, 2.0, 3.0, 4.0], 2)
    ([1.0, 1.0], [3.0, 7.0])
    """
    rows = len(values) // length if length else 0
    if plain_mode_on:
        return [pairwise_sum_plain(values[row * length : (row + 1) * length], add2) for row in range(rows)]
    if length > 128 or rows < 8:  # a few rows, or long ones: each on its own
        return [add2(0.0, _pairwise(values, row * length, length, add2, add_all)) for row in range(rows)]
    return _all_rows_at_once(values, length, rows, add2, add_all)


def _all_rows_at_once(
    values: Values, length: int, rows: int, add2: Callable[[float, float], float],
    add_all: Callable[[Iterable[float], float], float],
) -> List[float]:
    """``pairwise_sums`` of 8 rows or more, of at most 128 values: each step of NumPy's
    order is one ``map`` down a column, for every row at once (rather than a Python loop
    a row: many short rows, such as a batch's softmax, are the case worth it)."""
    if length < 8:
        each_row = map(values.__getitem__, [slice(row * length, (row + 1) * length) for row in range(rows)])
        return list(map(add2, repeat(0.0), map(add_all, each_row, repeat(-0.0))))
    whole = length - length % 8
    r: List[Sequence[float]] = [values[j::length] for j in range(8)]  # each row's values 0 to 7 start its sums
    for k in range(8, whole, 8):
        r = [list(map(add2, r[j], values[k + j :: length])) for j in range(8)]
    sums = list(_tree(r, add2))
    for rest in range(whole, length):  # each row's rest, in order
        sums = list(map(add2, sums, values[rest::length]))
    return list(map(add2, repeat(0.0), sums))


def _tree(r: List[Sequence[float]], add2: Callable[[float, float], float]) -> Iterator[float]:
    """``((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))`` for every block (or row) at once."""
    low = map(add2, map(add2, r[0], r[1]), map(add2, r[2], r[3]))
    high = map(add2, map(add2, r[4], r[5]), map(add2, r[6], r[7]))
    return map(add2, low, high)


def pairwise_sum_plain(values: Values, add2: Callable[[float, float], float] = add) -> float:
    """The plain twin of ``pairwise_sum``: NumPy's C loop, line for line (``add2`` adds two
    numbers: float32 passes its own, rounded to float32).

    >>> pairwise_sum_plain([0.1] * 10)
    1.0
    """

    def pairwise(start: int, n: int) -> float:
        if n < 8:
            res = -0.0
            for i in range(start, start + n):
                res = add2(res, values[i])
            return res
        if n <= 128:
            r: List[float] = [values[start + j] for j in range(8)]
            i = 8
            while i < n - n % 8:
                for j in range(8):
                    r[j] = add2(r[j], values[start + i + j])
                i += 8
            res = add2(add2(add2(r[0], r[1]), add2(r[2], r[3])), add2(add2(r[4], r[5]), add2(r[6], r[7])))
            for rest in range(i, n):  # after the last whole eight
                res = add2(res, values[start + rest])
            return res
        half = n // 2
        half -= half % 8
        return add2(pairwise(start, half), pairwise(start + half, n - half))

    return add2(0.0, pairwise(0, len(values)))


# ---------------------------------------------------------------------------
# The book's activation formulas, fused into one pass over float64 data
# ---------------------------------------------------------------------------


def sigmoid(values: Values) -> List[float]:
    """``1 / (1 + exp(-v))`` for every float ``v``, in one comprehension.

    Plain twin: ``activations.sigmoid`` computed step by step on tensors, the book's
    ``1 / (1 + np.exp(-x))``; in float64 every step rounds the same way, so the numbers
    are identical. ``math.exp`` raises past about 709.78, where IEEE says ``inf``: then
    every element is computed with ``ieee.exp``, so an element's value never depends on
    its neighbours.

    >>> sigmoid([0.0, -1000.0, 1000.0])
    [0.5, 0.0, 1.0]
    """
    exp = math.exp
    try:
        return [1.0 / (1.0 + exp(-v)) for v in values]
    except OverflowError:
        ieee_exp = ieee.exp
        return [1.0 / (1.0 + ieee_exp(-v)) for v in values]


def softmax_rows(values: Values, length: int) -> List[float]:
    """Softmax of each run of ``length`` floats (the rows of the last axis).

    Plain twin: ``activations.softmax`` computed on tensors, the book's
    ``x = x - np.max(x, axis=-1, keepdims=True); np.exp(x) / np.sum(np.exp(x), ...)``,
    with the same order of additions (NumPy's, ``pairwise_sum``), so the same numbers. ``exp`` never overflows here:
    ``v - c`` is at most 0 (or NaN, which ``math.exp`` passes through). A NaN anywhere in
    a row makes the whole row NaN, whichever value Python's ``max`` picked.

    Each step is one ``map`` pass over the whole tensor, each row's max and sum repeated
    along the row.

    >>> softmax_rows([0.0, 0.0, 1000.0, 1000.0], 2)
    [0.5, 0.5, 0.5, 0.5]
    """
    rows = zip(*[iter(values)] * length)  # the rows, as tuples
    each_c = _each_row(map(max, rows), length)  # overflow countermeasure: each row's max, along the row
    exp_a = list(map(math.exp, map(sub, values, each_c)))
    each_sum = _each_row(pairwise_sums(exp_a, length), length)
    return list(map(truediv, exp_a, each_sum))


def _each_row(per_row: Iterable[Any], length: int) -> Iterable[Any]:
    """One number per row, repeated along the row: ``[a, b]`` gives ``a, a, a, b, b, b`` for rows of 3."""
    return chain.from_iterable(map(repeat, per_row, repeat(length)))


# ---------------------------------------------------------------------------
# Plain mode
# ---------------------------------------------------------------------------


class plain_mode:
    """Switch plain mode on (or off, ``plain_mode(False)``): every kernel of this module runs
    its plain twin, and ``sigmoid``/``softmax`` the book's formula lines (see the module's
    docstring). It takes effect at once and stays; used in a ``with`` statement, the mode
    before comes back at its end. The environment variable ``ZERONN_PLAIN=1`` turns it on
    at import. The mode is one for the whole process (not per thread).

    zeronn's version of minitorch's ``NUMBA_DISABLE_JIT``; NumPy has no such switch.

    >>> with plain_mode():
    ...     dot([[1.0, 2.0]], [3.0, 4.0, 5.0, 6.0], 2)       # dot_plain ran: the same numbers
    [13.0, 16.0]
    >>> plain_mode("yes")
    Traceback (most recent call last):
    ...
    TypeError: plain_mode takes True or False, got 'yes'
    """

    def __init__(self, on: bool = True) -> None:
        global plain_mode_on
        if not isinstance(on, bool):
            raise TypeError(f"plain_mode takes True or False, got {on!r}")
        self._before = plain_mode_on
        plain_mode_on = on

    def __enter__(self) -> plain_mode:
        return self

    def __exit__(
        self, kind: Optional[Type[BaseException]], error: Optional[BaseException], traceback: Optional[TracebackType]
    ) -> None:
        global plain_mode_on
        plain_mode_on = self._before
