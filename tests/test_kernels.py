"""Every fast kernel gives the answer of its plain twin, on every kind of input.

The inputs include what broke before: numbers that make ``math.exp`` overflow next to
ones that do not (``exp([1.0, 710.0])`` once gave ``[inf, inf]``), zeros of both signs,
infinities, NaN, the smallest subnormal, ints and empty tensors. "The same" means the
same float: NaN matches NaN, and 0.0 does not match -0.0.
"""

import functools
import math
import operator
from array import array

from conftest import same
from hypothesis import assume, given
from hypothesis import strategies as st

import zeronn
from zeronn import ieee, kernels, tensor
from zeronn._shape import broadcast_to, size_of
from zeronn.core import elements
from zeronn.testing import mutually_broadcastable_shapes, shapes, tensors

INF, NAN = math.inf, math.nan
SPECIAL = [0.0, -0.0, INF, -INF, NAN, 709.78, 710.0, -710.0, -745.2, 1e308, -1e308, 5e-324, 0.5, 1.0, -1.0, 2.0]
any_float = st.one_of(st.sampled_from(SPECIAL), st.floats(), st.floats(-800, 800))
sparse_float = st.one_of(st.just(0.0), st.just(-0.0), st.just(0.0), st.floats(-1e3, 1e3))




def all_same(left, right):
    left, right = list(left), list(right)
    return len(left) == len(right) and all(map(same, left, right))


# ---------------------------------------------------------------------------
# The property that would have caught the exp bug
# ---------------------------------------------------------------------------

ELEMENTWISE = {
    "exp": zeronn.exp, "log": zeronn.log, "sqrt": zeronn.sqrt, "abs": zeronn.abs,
    "negative": lambda x: -x, "sigmoid": zeronn.sigmoid, "relu": zeronn.relu, "step": zeronn.step,
    "identity": zeronn.nn.identity, "x + 1": lambda x: x + 1, "x * 2.5": lambda x: x * 2.5,
    "x / 0.5": lambda x: x / 0.5, "1 / x": lambda x: 1 / x, "x ** 2": lambda x: x**2,
    "2.0 ** x": lambda x: 2.0**x, "x ** 0.5": lambda x: x**0.5, "x // 3": lambda x: x // 3,
    "x % 1.5": lambda x: x % 1.5, "maximum(x, 0)": lambda x: zeronn.maximum(x, 0),
    "maximum(0, x)": lambda x: zeronn.maximum(0, x), "minimum(x, 1)": lambda x: zeronn.minimum(x, 1),
    "x > 0": lambda x: x > 0, "x == x": lambda x: x == x,
}  # fmt: skip


@given(tensors(shapes(min_dims=1, max_dims=2, max_side=6), elements=any_float), st.sampled_from(sorted(ELEMENTWISE)))
@zeronn.errstate(all="ignore")  # NaN and infinities are the point here: no warnings
def test_every_elementwise_function_gives_each_element_what_it_gives_it_alone(x, name):
    function = ELEMENTWISE[name]
    together = zeronn.as_tensor(function(x)).to_flat_list()
    alone = [zeronn.as_tensor(function(tensor([value]))).item() for value in x.to_flat_list()]
    assert all_same(together, alone), name


@given(tensors(shapes(min_dims=1, max_dims=2, max_side=6), elements=st.integers(-50, 50)))
@zeronn.errstate(all="ignore")  # NaN and infinities are the point here: no warnings
def test_integer_tensors_too(x):
    for name in ("exp", "sqrt", "negative", "relu", "x // 3", "x ** 2", "maximum(0, x)"):
        together = zeronn.as_tensor(ELEMENTWISE[name](x)).to_flat_list()
        alone = [zeronn.as_tensor(ELEMENTWISE[name](tensor([value]))).item() for value in x.to_flat_list()]
        assert all_same(together, alone), name


# ---------------------------------------------------------------------------
# kernels.binary and kernels.unary: Python's operators, and the IEEE twins where they raise
# ---------------------------------------------------------------------------

TWINS = [
    (operator.truediv, ieee.divide), (operator.floordiv, ieee.floor_divide), (operator.mod, ieee.remainder),
    (math.exp, ieee.exp), (math.log, ieee.log), (math.sqrt, ieee.sqrt), (ieee.power, ieee.power),
]


@given(st.lists(any_float, max_size=8), st.lists(any_float, max_size=8), st.sampled_from(TWINS))
def test_elementwise_kernels_are_their_safe_twin_element_by_element(left, right, twins):
    fast, safe = twins
    if fast in (math.exp, math.log, math.sqrt):
        assert all_same(kernels.unary(fast, safe, left), [safe(a) for a in left])
    else:
        n = min(len(left), len(right))
        result = kernels.binary(fast, safe, left[:n], right[:n])
        assert all_same(result, [safe(a, b) for a, b in zip(left[:n], right[:n])])


@given(
    st.lists(any_float, max_size=12), st.integers(0, 4), st.booleans(),
    st.sampled_from([t for t in TWINS if t[0] not in (math.exp, math.log, math.sqrt)]),
)
def test_binary_repeats_the_shorter_sequence_as_binary_plain_does(values, row_length, row_first, twins):
    # A row of row_length against a matrix of rows as long (a number when row_length is 1).
    fast, safe = twins
    rows = len(values) // row_length if row_length else 0
    matrix, row = values[: rows * row_length], values[len(values) - row_length :] if row_length else []
    left, right = (row, matrix) if row_first else (matrix, row)
    expected = binary_plain_by_broadcast_to(safe, left, right)
    assert all_same(kernels.binary(fast, safe, left, right), expected)
    assert all_same(kernels.binary_plain(safe, left, right), expected)


def binary_plain_by_broadcast_to(safe, left, right):
    """The pairs as broadcasting defines them: the shorter, a row, broadcast_to the longer's shape."""
    if len(left) == len(right):
        return [safe(a, b) for a, b in zip(left, right)]
    short, long_ = sorted((left, right), key=len)
    if not short:
        return []
    shape = (len(long_) // len(short), len(short))
    wide = broadcast_to(list(short), (len(short),), shape)
    pairs = zip(wide, long_) if short is left else zip(long_, wide)
    return [safe(a, b) for a, b in pairs]


@given(st.lists(any_float, max_size=8), st.sampled_from([0.0, -0.0, 1.0, NAN, -INF]), st.booleans())
def test_maximum_with_a_scalar_is_ieee_maximum(values, scalar, scalar_first):
    fast = kernels.maximum_with_scalar(values, scalar, scalar_first)
    plain = [ieee.maximum(scalar, v) if scalar_first else ieee.maximum(v, scalar) for v in values]
    assert all_same(fast, plain)


@given(mutually_broadcastable_shapes(2, min_side=0, max_dims=4))
def test_stretch_is_its_plain_twin_broadcast_to(drawn):
    shape, target = drawn.input_shapes[0], drawn.result_shape
    values = list(range(size_of(shape)))
    assert list(kernels.stretch(values, shape, target)) == broadcast_to(values, shape, target)


def test_stretch_takes_each_route_to_numpys_answer():
    # Leading 1s (the block repeats), trailing 1s (each value repeats), both, and a 1
    # between longer axes, which only the general broadcast_to can stretch.
    assert list(kernels.stretch([1, 2], (2,), (2, 2))) == [1, 2, 1, 2]
    assert list(kernels.stretch([1, 2], (2, 1), (2, 3))) == [1, 1, 1, 2, 2, 2]
    assert list(kernels.stretch([1, 2], (1, 2, 1), (2, 2, 2))) == [1, 1, 2, 2, 1, 1, 2, 2]
    assert list(kernels.stretch([1, 2, 3, 4], (2, 1, 2), (2, 3, 2))) == [1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4]


# ---------------------------------------------------------------------------
# dot: skipping zeros changes nothing
# ---------------------------------------------------------------------------


@given(st.integers(1, 5), st.integers(1, 12), st.integers(1, 5), st.data())
def test_dot_with_mostly_zero_rows_is_the_plain_product(m, n, p, data):
    rows = [data.draw(st.lists(sparse_float, min_size=n, max_size=n)) for _ in range(m)]
    columns = [data.draw(st.lists(st.floats(-1e3, 1e3), min_size=n, max_size=n)) for _ in range(p)]
    right = row_major(columns)
    fast, plain = kernels.dot(rows, right, p), kernels.dot_plain(rows, right, p)
    if hasattr(math, "sumprod"):  # 3.12+: kernels.dot uses it, with extended precision, last bits
        assert all(map(close_as_sums, fast, plain, kernels.dot_plain(absolute(rows), row_major(absolute(columns)), p)))
        assert all(same(a, b) for a, b in zip(fast, plain) if a == 0 or b == 0)
    else:  # a zero term adds exactly nothing to a sum that starts from +0
        assert all_same(fast, plain)


@given(st.integers(1, 4), st.integers(2, 8), st.data())
def test_zeros_are_not_skipped_against_infinities_or_nan(m, n, data):
    rows = [[0.0] * (n - 1) + [data.draw(st.floats(-10, 10))] for _ in range(m)]
    special = data.draw(st.sampled_from([INF, -INF, NAN]))
    right = [special] + [1.0] * (n - 1)  # one column
    assert all(math.isnan(v) for v in kernels.dot(rows, right, 1))  # 0 * inf and 0 * nan are NaN


def test_dot_edge_cases_match_numpy():
    # (the right operand row-major, then its width: [-1.0, -2.0, -3.0], 1 is one column)
    assert kernels.dot([], [1.0], 1) == []
    assert kernels.dot([[0.0, 0.0, 0.0]], [-1.0, -2.0, -3.0], 1) == [0.0]
    assert math.copysign(1, kernels.dot([[0.0, 0.0, -0.0]], [-1.0, 2.0, 3.0], 1)[0]) == 1
    assert kernels.dot([[0.0, 0.0, 3.0]], [1.0, 1.0, 2.0], 1) == [6.0]
    assert kernels.dot([[0.0, 0.0, 0.0, 1.0]], [1e308, 1e308, 1e308, 2.0], 1) == [2.0]  # the check's sum overflows
    assert kernels.dot([[0.0, 0.0, 0.0]], [], 0) == []  # rows of zeros against no columns at all
    assert kernels.dot([[0.0, 2.0], [0.0, 0.0]], [1.0, 2.0, 3.0, 4.0], 2) == [6.0, 8.0, 0.0, 0.0]
    # Integers (and bools) take the plain loop: a skipped row would give 0.0, not 0.
    ints = kernels.dot([[0, 0, 0, 2], [0, 0, 0, 0]], [1, 2, 3, 4], 1)
    assert ints == [8, 0] and [type(v) for v in ints] == [int, int]
    assert all_same(kernels.dot([[False, False, True]], [True, True, True], 1), [1])


@given(st.integers(1, 4), st.integers(1, 9), st.integers(1, 4), st.data())
def test_float32_rows_read_through_their_bits_give_the_plain_product(m, n, p, data):
    # A float32 row comes as an array('f'): its zeros (either sign), NaN and infinities found from its bits.
    special32 = st.sampled_from([0.0, -0.0, 0.0, 1.5, -2.0, INF, -INF, NAN, 2.0**-149])
    rows = [array("f", data.draw(st.lists(special32, min_size=n, max_size=n))) for _ in range(m)]
    columns = data.draw(st.lists(st.lists(st.floats(-1e3, 1e3), min_size=n, max_size=n), min_size=p, max_size=p))
    fast = kernels.dot(rows, row_major(columns), p)
    plain = kernels.dot_plain([row.tolist() for row in rows], row_major(columns), p)
    assert len(fast) == len(plain)
    assert all(math.isclose(a, b, rel_tol=1e-15) or same(a, b) for a, b in zip(fast, plain))
    assert all(same(a, b) for a, b in zip(fast, plain) if a == 0 or b == 0 or a != a or b != b)


@given(st.integers(0, 4), st.integers(0, 5), st.integers(0, 4), st.data())
def test_tensor_dot_is_the_plain_kernel_on_strided_views(m, n, p, data):
    a = data.draw(tensors((n, m), elements=sparse_float)).T  # strided: read through the strides
    b = data.draw(tensors((p, n), elements=st.floats(-1e3, 1e3))).T
    expected = kernels.dot_plain(a.tolist(), b.to_flat_list(), p) if n else [0.0] * (m * p)
    sizes = kernels.dot_plain(absolute(a.tolist()), [abs(v) for v in b.to_flat_list()], p) if n else [0.0] * (m * p)
    result = a.dot(b)
    assert result.shape == (m, p)
    assert all(map(close_as_sums, result.to_flat_list(), expected, sizes))


def absolute(rows):
    return [[abs(value) for value in row] for row in rows]


def row_major(columns):
    """The right operand whose columns are ``columns``, row by row: what ``kernels.dot`` takes."""
    return [value for row in zip(*columns) for value in row]


def close_as_sums(a, b, size):
    """Equal within what rounding the terms of a sum allows: a few ulps of the sum of their
    sizes (``size``), not of the sum itself, which cancellation can make tiny."""
    return a == b or abs(a - b) <= 4 * 2.0**-52 * size


# ---------------------------------------------------------------------------
# The fused activations are the book's formulas, number for number
# ---------------------------------------------------------------------------


@given(tensors(shapes(min_dims=1, max_dims=2), elements=any_float))
@zeronn.errstate(all="ignore")  # NaN and infinities are the point here: no warnings
def test_fused_sigmoid_is_the_books_formula(x):
    fused = kernels.sigmoid(elements(x))
    book = 1 / (1 + zeronn.exp(-x))  # run step by step on tensors, no fusion
    assert all_same(fused, zeronn.as_tensor(book).to_flat_list())
    assert all_same(zeronn.sigmoid(x).to_flat_list(), fused)


@given(tensors(shapes(min_dims=1, max_dims=3), elements=any_float))
@zeronn.errstate(all="ignore")  # NaN and infinities are the point here: no warnings
def test_fused_softmax_is_the_books_formula(x):
    assume(x.shape[-1] > 0)
    fused = kernels.softmax_rows(elements(x), x.shape[-1])
    shifted = x - zeronn.max(x, axis=-1, keepdims=True)  # the book's common/functions.py
    book = zeronn.exp(shifted) / zeronn.sum(zeronn.exp(shifted), axis=-1, keepdims=True)
    assert all_same(fused, book.to_flat_list())
    assert all_same(zeronn.softmax(x).to_flat_list(), fused)


@given(st.lists(any_float, min_size=1, max_size=8))
def test_max_and_min_reduce_as_numpys_maximum_does(values):
    t = tensor(values)
    assert same(t.max(), functools.reduce(ieee.maximum, values))
    assert same(t.min(), functools.reduce(ieee.minimum, values))


# ---------------------------------------------------------------------------
# pairwise_sum: NumPy's order of additions, the same bits as the C loop line for line
# ---------------------------------------------------------------------------

pairwise_lengths = st.sampled_from([0, 1, 7, 8, 9, 15, 16, 17, 64, 127, 128, 129, 130, 136, 255, 256, 257, 1000])


@given(pairwise_lengths, st.data())
def test_pairwise_sum_is_numpys_loop_line_for_line(n, data):
    values = data.draw(st.lists(any_float, min_size=n, max_size=n))
    assert same(kernels.pairwise_sum(values), kernels.pairwise_sum_plain(values))


@given(st.integers(0, 12), st.sampled_from([1, 5, 8, 10, 16, 50, 129]), st.data())
def test_pairwise_sums_of_rows_are_each_rows_pairwise_sum(rows, length, data):
    values = data.draw(st.lists(any_float, min_size=rows * length, max_size=rows * length))
    expected = [kernels.pairwise_sum_plain(values[r * length : (r + 1) * length]) for r in range(rows)]
    assert all_same(kernels.pairwise_sums(values, length), expected)


def test_pairwise_sum_differs_from_a_running_sum_where_numpy_does():
    running = functools.reduce(operator.add, [0.1] * 10, 0.0)  # (3.12's sum() would compensate)
    assert kernels.pairwise_sum([0.1] * 10) == 1.0 and running == 0.9999999999999999
    assert same(kernels.pairwise_sum([-0.0] * 9), 0.0)  # NumPy's reduction starts from +0.0
