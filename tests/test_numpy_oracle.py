"""zeronn against NumPy itself, where NumPy is installed (``.ci/run`` installs it for this step).

The strongest check of the data model: a hypothesis state machine makes a tensor and an
ndarray with the same numbers, then applies the same views (slices with steps, ints,
``...``, new axes, transposes, reshapes), copies, writes through every kind of key, and
in-place operators to both, and after every step checks that every tensor made so far
still equals its array: values, shape, dtype and strides. A write through one view must
show in every other view of the same storage, exactly where NumPy shows it.

Beside it: elementwise operators on every pair of dtypes (result dtype and values),
printing (``str`` and ``repr``), and the random numbers for random seeds.
"""

import math
import operator

import pytest
from conftest import same
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, initialize, invariant, multiple, rule

import zeronn

numpy = pytest.importorskip("numpy")
pytestmark = pytest.mark.oracle

DTYPES = ["bool", "int8", "uint8", "int32", "int64", "float32", "float64"]


def agree(tensor, array):
    """Whether a zeronn tensor and an ndarray hold the same numbers in the same layout."""
    if tensor.shape != array.shape or tensor.dtype.name != array.dtype.name or tensor.strides != array.strides:
        return False
    flags = ("C_CONTIGUOUS", "F_CONTIGUOUS", "WRITEABLE")
    if [tensor.flags[flag] for flag in flags] != [array.flags[flag] for flag in flags]:
        return False
    return all(map(same, tensor.to_flat_list(), array.ravel().tolist()))




def basic_key(data, shape):
    """A random key of ints, slices (with steps, negative too), ``...`` and ``None``."""
    parts = []
    for length in shape:
        kind = data.draw(st.sampled_from(["slice", "slice", "int", "all"]))
        if kind == "int" and length:
            parts.append(data.draw(st.integers(-length, length - 1)))
        elif kind == "slice":
            start = data.draw(st.none() | st.integers(-length - 1, length + 1))
            stop = data.draw(st.none() | st.integers(-length - 1, length + 1))
            step = data.draw(st.none() | st.sampled_from([1, 2, 3, -1, -2]))
            parts.append(slice(start, stop, step))
        else:
            parts.append(slice(None))
    if parts and data.draw(st.booleans()):
        at = data.draw(st.integers(0, len(parts)))
        parts[at:at] = [data.draw(st.sampled_from([None, Ellipsis]))]
    return tuple(parts)


def fancy_key(data, shape):
    """A key with an integer list, a boolean mask, or integer lists on two axes."""
    kind = data.draw(st.sampled_from(["ints", "mask", "pair"]))
    if kind == "mask":
        return "mask", [data.draw(st.booleans()) for _ in range(math.prod(shape))]
    if kind == "pair" and len(shape) >= 2 and shape[0] and shape[1]:
        count = data.draw(st.integers(1, 4))
        return "pair", ([data.draw(st.integers(-shape[0], shape[0] - 1)) for _ in range(count)],
                        [data.draw(st.integers(-shape[1], shape[1] - 1)) for _ in range(count)])
    count = data.draw(st.integers(0, 4))
    return "ints", [data.draw(st.integers(-shape[0], shape[0] - 1)) for _ in range(count)] if shape[0] else []


def apply_fancy(x, key, module):
    kind, parts = key
    if kind == "mask":
        return x[module.array(parts, dtype=bool).reshape(x.shape)]
    if kind == "pair":
        return x[module.array(parts[0], dtype=int), module.array(parts[1], dtype=int)]
    return x[module.array(parts, dtype=int)]


class ViewsWritesAndInPlaceOperators(RuleBasedStateMachine):
    """The same operations on a zeronn tensor and a NumPy array; every pair must always agree."""

    pairs = Bundle("pairs")

    def __init__(self):
        super().__init__()
        self.made = []

    @initialize(target=pairs, data=st.data())
    def make(self, data):
        shape = tuple(data.draw(st.lists(st.integers(1, 4), min_size=1, max_size=3)))
        dtype = data.draw(st.sampled_from(DTYPES))
        values = data.draw(st.lists(st.integers(-9, 9), min_size=math.prod(shape), max_size=math.prod(shape)))
        pair = (zeronn.tensor(values, dtype="int64").astype(dtype).reshape(shape),
                numpy.array(values, dtype="int64").astype(dtype).reshape(shape))
        self.made.append(pair)
        return pair

    @rule(target=pairs, pair=pairs, data=st.data())
    def view(self, pair, data):
        z, n = pair
        key = basic_key(data, z.shape)
        made = (z[key], n[key])
        if not isinstance(made[1], numpy.ndarray):  # a scalar: it must be the same number
            if type(made[0]) in (bool, int, float):  # a Python number, for NumPy's scalar (README)
                assert same(made[0], made[1].item())
            else:  # NumPy's scalar itself: t[()] of a 0-d tensor
                assert repr(made[0]) == repr(made[1])
            return multiple()
        self.made.append(made)
        return made

    @rule(target=pairs, pair=pairs, data=st.data())
    def transpose(self, pair, data):
        z, n = pair
        axes = data.draw(st.permutations(range(z.ndim)))
        made = (z.transpose(axes), n.transpose(axes))
        self.made.append(made)
        return made

    @rule(target=pairs, pair=pairs, data=st.data())
    def reshape(self, pair, data):
        z, n = pair
        size, factors = z.size, []
        for factor in (2, 3, 2, 1):
            if size % factor == 0 and data.draw(st.booleans()):
                factors.append(factor)
                size //= factor
        factors.append(size)
        shape = tuple(data.draw(st.permutations(factors)))
        made = (z.reshape(shape), n.reshape(shape))  # a view where strides allow, else a copy
        self.made.append(made)
        return made

    @rule(target=pairs, pair=pairs, how=st.sampled_from(["ravel", "copy", "flatten", "T"]))
    def reread(self, pair, how):
        z, n = pair
        made = (getattr(z, how), getattr(n, how))
        made = (made[0](), made[1]()) if how != "T" else made
        self.made.append(made)
        return made

    @rule(target=pairs, pair=pairs, dtype=st.sampled_from(DTYPES))
    def astype(self, pair, dtype):
        z, n = pair
        try:
            converted = z.astype(dtype)
        except ValueError:
            # zeronn refuses only what C leaves undefined: NaN, inf or a float out of range to an int.
            info = numpy.iinfo(dtype)
            assert n.dtype.kind == "f" and not all(math.isfinite(v) and info.min <= int(v) <= info.max
                                                   for v in n.ravel().tolist())
            return multiple()
        made = (converted, n.astype(dtype))
        self.made.append(made)
        return made

    @rule(target=pairs, pair=pairs, data=st.data())
    def fancy(self, pair, data):
        z, n = pair
        if not z.ndim:
            return multiple()
        key = fancy_key(data, z.shape)
        made = (apply_fancy(z, key, zeronn), apply_fancy(n, key, numpy))
        self.made.append(made)
        return made

    @rule(target=pairs, pair=pairs, other=pairs, symbol=st.sampled_from(["+", "*", ">", "-"]),
          number=st.integers(-3, 3), with_number=st.booleans())
    def arithmetic(self, pair, other, symbol, number, with_number):
        (z, n), (z2, n2) = pair, other
        if with_number or symbol == "-":  # bool - bool is refused by both; keep to numbers
            z2, n2 = number, number
        try:
            numpy.broadcast_shapes(n.shape, numpy.shape(n2))
        except ValueError:
            return multiple()
        results = []
        for a, b in ((z, z2), (n, n2)):
            try:
                with numpy.errstate(all="ignore"), zeronn.errstate(all="ignore"):
                    results.append(eval(f"a {symbol} b", {"a": a, "b": b}))
            except (TypeError, ValueError, OverflowError):
                results.append(None)
        assert (results[0] is None) == (results[1] is None), results
        if results[1] is None or not isinstance(results[1], numpy.ndarray):
            return multiple()
        self.made.append(tuple(results))
        return tuple(results)

    @rule(target=pairs, pair=pairs, data=st.data(), how=st.sampled_from(["sum", "max"]))
    def reduce(self, pair, data, how):
        z, n = pair
        if z.ndim < 2 or not z.size:
            return multiple()
        axis = data.draw(st.integers(-z.ndim, z.ndim - 1))
        keepdims = data.draw(st.booleans())
        with numpy.errstate(all="ignore"), zeronn.errstate(all="ignore"):  # inf + -inf: the values, not the warnings
            made = (getattr(z, how)(axis=axis, keepdims=keepdims), getattr(n, how)(axis=axis, keepdims=keepdims))
        self.made.append(made)
        return made

    @rule(pair=pairs, data=st.data())
    def write(self, pair, data):
        z, n = pair
        key = basic_key(data, z.shape) if data.draw(st.booleans()) or not z.ndim else None
        value = data.draw(st.integers(-5, 5) | st.floats(-5, 5) | st.booleans())
        if key is None:
            kind, parts = fancy_key(data, z.shape)
            z_key = apply_key_parts(kind, parts, z.shape, zeronn)
            n_key = apply_key_parts(kind, parts, n.shape, numpy)
        else:
            z_key = n_key = key
        outcomes = []
        for x, k in ((z, z_key), (n, n_key)):
            try:
                x[k] = value
                outcomes.append(None)
            except (ValueError, OverflowError) as error:  # -1 into uint8: both refuse
                outcomes.append(type(error))
        assert (outcomes[0] is None) == (outcomes[1] is None), outcomes

    @rule(pair=pairs, op=st.sampled_from(["+=", "-=", "*=", "/="]), value=st.integers(-3, 3))
    def update(self, pair, op, value):
        z, n = pair
        inplace = {"+=": operator.iadd, "-=": operator.isub, "*=": operator.imul, "/=": operator.itruediv}[op]
        outcomes = []
        for x in (z, n):
            try:
                with numpy.errstate(all="ignore"), zeronn.errstate(all="ignore"):
                    inplace(x, value)
                outcomes.append(None)
            except (TypeError, ValueError, OverflowError) as error:
                outcomes.append(type(error))
        assert (outcomes[0] is None) == (outcomes[1] is None), outcomes  # both refuse, or neither

    @invariant()
    def every_tensor_equals_its_array(self):
        for z, n in self.made:
            assert agree(z, n), (z, n)


def apply_key_parts(kind, parts, shape, module):
    if kind == "mask":
        return module.array(parts, dtype=bool).reshape(shape)
    if kind == "pair":
        return module.array(parts[0], dtype=int), module.array(parts[1], dtype=int)
    return module.array(parts, dtype=int)


TestViewsWritesAndInPlaceOperators = ViewsWritesAndInPlaceOperators.TestCase
TestViewsWritesAndInPlaceOperators.settings = settings(max_examples=150, stateful_step_count=30, deadline=None)


def test_every_dtype_spelling_zeronn_reads_means_what_it_means_to_numpy():
    names = sorted(zeronn.dtypes._BY_NAME)
    for prefix in ("", "=", "|"):
        for name in names:
            try:
                expected = numpy.dtype(prefix + name).name
            except TypeError:
                expected = TypeError
            try:
                got = zeronn.dtype(prefix + name).name
            except TypeError:
                got = TypeError
            assert got == expected, prefix + name


# ---------------------------------------------------------------------------
# Elementwise operators on every pair of dtypes
# ---------------------------------------------------------------------------

OPERATORS = ["+", "-", "*", "/", "//", "%", "**", "<", "==", ">="]
small = st.lists(st.integers(-6, 6), min_size=1, max_size=5)


@given(st.sampled_from(DTYPES), st.sampled_from(DTYPES), st.sampled_from(OPERATORS), small, st.data())
def test_operators_give_numpys_dtype_and_values(left_dtype, right_dtype, symbol, values, data):
    others = data.draw(st.lists(st.integers(-6, 6), min_size=len(values), max_size=len(values)))
    z = [zeronn.tensor(v).astype(d) for v, d in ((values, left_dtype), (others, right_dtype))]
    n = [numpy.array(v).astype(d) for v, d in ((values, left_dtype), (others, right_dtype))]
    results = []
    for a, b in (z, n):
        try:
            with numpy.errstate(all="ignore"), zeronn.errstate(all="ignore"):
                results.append(eval(f"a {symbol} b", {"a": a, "b": b}))
        except (TypeError, ValueError) as error:
            results.append(type(error))
    if not isinstance(results[1], numpy.ndarray):  # NumPy refuses (bool - bool, int ** negative)
        assert isinstance(results[0], type) and issubclass(results[0], Exception), (results[0], results[1])
        return
    assert results[0].dtype.name == results[1].dtype.name
    if results[1].dtype.kind == "f" and symbol == "**":  # NumPy's SIMD pow: the last bit may differ
        last_bits = 1e-15 if results[1].dtype == "float64" else 2.4e-7  # (2 units of float32's last place)
        assert numpy.allclose(results[0].tolist(), results[1], rtol=last_bits, atol=0, equal_nan=True)
    else:
        assert all(map(same, results[0].to_flat_list(), results[1].tolist()))


@given(st.sampled_from(DTYPES), small, st.sampled_from([-2, 0, 3, 2.5, -0.5, True]),
       st.sampled_from(["+", "*", "-", "/", ">", "**"]))
def test_python_numbers_meet_tensors_as_numpy_2_says(dtype, values, number, symbol):
    a, b = zeronn.tensor(values).astype(dtype), numpy.array(values).astype(dtype)
    outcome = []
    for x in (a, b):
        try:
            with numpy.errstate(all="ignore"), zeronn.errstate(all="ignore"):
                outcome.append(eval(f"x {symbol} number", {"x": x, "number": number}))
        except (TypeError, ValueError, OverflowError) as error:
            outcome.append(type(error))
    if not isinstance(outcome[1], numpy.ndarray):
        assert isinstance(outcome[0], type), outcome
        return
    assert outcome[0].dtype.name == outcome[1].dtype.name
    assert numpy.allclose(outcome[0].tolist(), outcome[1].astype(float), rtol=1e-6, equal_nan=True)


# ---------------------------------------------------------------------------
# Printing
# ---------------------------------------------------------------------------


class tensor(numpy.ndarray):  # noqa: N801 - NumPy's repr names the class: "tensor(...)"
    pass


special = st.sampled_from([0.0, -0.0, math.inf, -math.inf, math.nan, 1e-5, 1e10, 123456789.3, 0.1, -2.5])
printable = st.one_of(st.floats(-1e12, 1e12), special, st.floats(allow_nan=False))


@given(st.lists(st.integers(1, 4), min_size=0, max_size=3), st.sampled_from(DTYPES), st.data())
def test_str_and_repr_are_numpys(shape, dtype, data):
    size = math.prod(shape)
    if dtype.startswith("float"):
        values = data.draw(st.lists(printable, min_size=size, max_size=size))
    else:
        values = data.draw(st.lists(st.integers(-200, 200), min_size=size, max_size=size))
    with numpy.errstate(all="ignore"), zeronn.errstate(all="ignore"):
        array = numpy.array(values, dtype="float64" if dtype.startswith("float") else "int64").astype(dtype)
    array = array.reshape(shape)
    t = zeronn.tensor(array.tolist(), dtype=dtype).reshape(shape)
    assert str(t) == str(array)
    assert repr(t) == repr(array.view(tensor))


@given(st.integers(995, 1010), st.sampled_from(["float64", "int64", "float32"]))
def test_summaries_are_numpys(count, dtype):
    array = numpy.arange(count).astype(dtype)
    t = zeronn.arange(count).astype(dtype)
    assert str(t) == str(array) and repr(t) == repr(array.view(tensor))


# ---------------------------------------------------------------------------
# Random numbers
# ---------------------------------------------------------------------------


@settings(max_examples=25)
@given(st.integers(0, 2**32 - 1), st.integers(1, 60000), st.integers(0, 20))
def test_random_numbers_are_numpys_for_any_seed(seed, population, count):
    for module in (numpy.random, zeronn.random):
        module.seed(seed)
    assert zeronn.random.randn(count).tolist() == numpy.random.randn(count).tolist()
    assert zeronn.random.choice(population, count).tolist() == numpy.random.choice(population, count).tolist()
    assert zeronn.random.permutation(count).tolist() == numpy.random.permutation(count).tolist()
    assert zeronn.random.rand(2, 3).tolist() == numpy.random.rand(2, 3).tolist()


@pytest.mark.parametrize("shape", [(3, 2), (3, 2, 2), (2, 1, 3), (1, 2, 1), (2, 3, 4)])
@pytest.mark.parametrize("layout", ["C", "F", "reversed", "transposed"])
def test_fancy_indexing_is_laid_out_and_owned_as_numpys(shape, layout):
    # the mini-batch x[batch_mask] (a fast path) and the general pick: shape, strides, flags, values
    def arranged(library):
        base = library.arange(float(math.prod(shape))).reshape(shape)
        return {"C": base, "F": base.T.copy().T, "reversed": base[::-1], "transposed": base.T}[layout]

    x, a = arranged(zeronn), arranged(numpy)
    second = 1 % x.shape[0]
    keys = [[0, second], "array", (slice(None), [0]), [[0], [second]]]
    keys += [([0], slice(None), [0]), (slice(None), [0], [0])] if x.ndim == 3 else [([0], [0])]
    for key in keys:
        if key == "array":
            picked, expected = x[zeronn.array([0, second])], a[numpy.array([0, second])]
        else:
            picked, expected = x[key], a[key]
        assert agree(picked, expected), (key, picked.strides, expected.strides)
        assert picked.flags.owndata == expected.flags.owndata, key
