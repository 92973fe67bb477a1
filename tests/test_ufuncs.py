"""NumPy's ufuncs (zeronn/ufuncs.py, zeronn/loops.py): answers, dtypes, errors, and the ufunc object.

The answers for float64 come from tests/numpy_ufunc_answers.py (NumPy 2.4 on every value
or pair of values of its VALUES, with the floating-point flags it reported), written by
tests/data/make_ufunc_answers.py; everything else is NumPy's answer written down here.
The oracle tests at the end compare with NumPy itself where it is installed.
"""

import itertools
import math
import warnings

import pytest
from conftest import same
from hypothesis import assume, given
from hypothesis import strategies as st
from numpy_ufunc_answers import BINARY, FLOAT32_DIVMOD, UNARY, VALUES  # noqa: I001 - tests/numpy_ufunc_answers.py

import zeronn
from zeronn import errstate, tensor
from zeronn.loops import UFUNCS

# The C library's functions may differ from NumPy's (SIMD) ones in the last bits.
TRANSCENDENTAL = {
    "cbrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "arcsin", "arccos",
    "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh", "power", "float_power", "arctan2", "hypot",
    "logaddexp", "logaddexp2",
}  # fmt: skip
# NumPy's pow flags overflow for a huge base to +inf (an inside of its C library): zeronn does not.
FLAG_DIFFERENCES = {("power", 1e308, math.inf), ("power", -1e308, math.inf)}


def close(a, b, name):
    """The same answer: ``same`` for exact ufuncs, within 2 ulp for the transcendental ones."""
    if same(a, b) or name not in TRANSCENDENTAL:
        return same(a, b)
    return math.isfinite(a) and math.isfinite(b) and abs(a - b) <= 2 * math.ulp(b)


def flags(ufunc, *arguments):
    """The flags ``ufunc`` reports for one-element float64 operands, as NumPy's number
    (divide + 2*over + 4*under + 8*invalid)."""
    seen = []
    with errstate(all="call", call=lambda kind, bits: seen.append(bits)):
        ufunc(*(tensor([value]) for value in arguments))
    return seen[0] if seen else 0


# ---------------------------------------------------------------------------
# Answers and flags for every float ufunc, against NumPy's tables
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(UNARY))
def test_one_operand_ufuncs_give_numpys_answers(name):
    results, _ = UNARY[name]
    with errstate(all="ignore"):
        got = getattr(zeronn, name)(tensor(VALUES)).to_flat_list()
    wrong = [(x, g, r) for x, g, r in zip(VALUES, got, results) if not close(g, r, name)]
    assert not wrong


@pytest.mark.parametrize("name", sorted(UNARY))
def test_one_operand_ufuncs_report_numpys_errors(name):
    _, expected = UNARY[name]
    wrong = [(x, flags(getattr(zeronn, name), x), bits) for x, bits in zip(VALUES, expected)
             if flags(getattr(zeronn, name), x) != bits]
    assert not wrong


@pytest.mark.parametrize("name", sorted(BINARY))
def test_two_operand_ufuncs_give_numpys_answers(name):
    results, _ = BINARY[name]
    left, right = zip(*itertools.product(VALUES, VALUES))
    with errstate(all="ignore"):
        got = getattr(zeronn, name)(tensor(list(left)), tensor(list(right))).to_flat_list()
    wrong = [(a, b, g, r) for a, b, g, r in zip(left, right, got, results) if not close(g, r, name)]
    assert not wrong


@pytest.mark.parametrize("name", sorted(BINARY))
def test_two_operand_ufuncs_report_numpys_errors(name):
    _, expected = BINARY[name]
    ufunc = getattr(zeronn, name)
    wrong = [(a, b, bits) for (a, b), bits in zip(itertools.product(VALUES, VALUES), expected)
             if flags(ufunc, a, b) != bits and (name, a, b) not in FLAG_DIFFERENCES]
    assert not wrong


def test_float32_floor_division_rounds_each_step_as_numpys_float32_loop():
    # Quotients beyond float32's 24 bits: computing in float64 and rounding once gives
    # another answer for 7 of these 300 pairs; NumPy rounds after each step of npy_divmodf.
    a = tensor([row[0] for row in FLOAT32_DIVMOD], dtype="float32")
    b = tensor([row[1] for row in FLOAT32_DIVMOD], dtype="float32")
    assert (a // b).to_flat_list() == [row[2] for row in FLOAT32_DIVMOD]
    assert (a % b).to_flat_list() == [row[3] for row in FLOAT32_DIVMOD]
    quotient, remainder = zeronn.divmod(a, b)
    assert quotient.dtype == remainder.dtype == "float32" and quotient.tolist() == (a // b).tolist()


def test_every_ufunc_of_the_table_is_a_public_ufunc():
    for name, table in UFUNCS.items():
        ufunc = getattr(zeronn, name)
        assert isinstance(ufunc, zeronn.ufunc) and ufunc.__name__ == name and ufunc.nin == table.nin


# ---------------------------------------------------------------------------
# Integers and bools: NumPy's answers written down (NumPy 2.4)
# ---------------------------------------------------------------------------


def test_integer_division_by_zero_gives_zero_and_warns():
    a = tensor([7, -7, 0], dtype="int8")
    with pytest.warns(RuntimeWarning, match="divide by zero encountered in floor_divide"):
        assert (a // 0).tolist() == [0, 0, 0]
    with pytest.warns(RuntimeWarning, match="divide by zero encountered in remainder"):
        assert (a % 0).tolist() == [0, 0, 0]
    with pytest.warns(RuntimeWarning, match="divide by zero encountered in fmod"):
        assert zeronn.fmod(a, 0).tolist() == [0, 0, 0]
    with pytest.warns(RuntimeWarning, match="divide by zero encountered in divmod"):
        quotient, remainder = zeronn.divmod(a, tensor([0, 2, 0], dtype="int8"))
    assert quotient.tolist() == [0, -4, 0] and remainder.tolist() == [0, 1, 0] and remainder.dtype == "int8"
    with errstate(divide="raise"), pytest.raises(FloatingPointError, match="divide by zero encountered in"):
        a //= 0
    assert a.tolist() == [7, -7, 0]  # (the error came before the write)


def test_the_smallest_integer_over_minus_one_wraps_and_warns_overflow():
    smallest = tensor([-128, 6], dtype="int8")
    with pytest.warns(RuntimeWarning, match="overflow encountered in floor_divide"):
        assert (smallest // -1).tolist() == [-128, -6]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the remainder is well defined, and quiet
        assert (smallest % -1).tolist() == [0, 0] and zeronn.fmod(smallest, -1).tolist() == [0, 0]
    with pytest.warns(RuntimeWarning, match="overflow encountered in divmod"):
        assert zeronn.divmod(smallest, -1)[0].tolist() == [-128, -6]


def test_integer_arithmetic_wraps_silently_as_numpys_does():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert (tensor([127], dtype="int8") + 1).tolist() == [-128]
        assert zeronn.square(tensor([16], dtype="uint8")).tolist() == [0]
        assert zeronn.absolute(tensor([-128], dtype="int8")).tolist() == [-128]


@pytest.mark.parametrize("x, y, expected", [
    ([7, -7, 7, -7], [2, 2, -2, -2], [1, -1, 1, -1]),  # C's remainder: the sign of x
])
def test_fmod_of_integers_truncates(x, y, expected):
    assert zeronn.fmod(x, y).tolist() == expected


def test_shifts_are_defined_for_every_count():
    int8 = lambda values: tensor(values, dtype="int8")  # noqa: E731
    assert (int8([1, 1, 1, 1]) << int8([3, 7, 8, -1])).tolist() == [8, -128, 0, 0]
    assert (int8([-8, -8, 8, 8]) >> int8([1, 100, 100, -1])).tolist() == [-4, -1, 0, 0]
    assert (tensor([1]) << 64).tolist() == [0] and (tensor([-1]) >> 64).tolist() == [-1]
    assert (tensor([1]) << 10**12).tolist() == [0]  # no gigantic intermediate number
    mixed = zeronn.left_shift(tensor([1], dtype="uint8"), tensor([3], dtype="int8"))
    assert mixed.tolist() == [8] and mixed.dtype == "int16"
    assert (3 << tensor([1, 2])).tolist() == [6, 12] and (64 >> tensor([1, 2])).tolist() == [32, 16]


def test_bitwise_operators_on_bools_and_integers():
    t, f = tensor([True, True, False, False]), tensor([True, False, True, False])
    assert (t & f).tolist() == [True, False, False, False] and (t | f).tolist() == [True, True, True, False]
    assert (t ^ f).tolist() == [False, True, True, False] and (~t).tolist() == [False, False, True, True]
    assert (t & True).dtype == "bool" and (True ^ t).tolist() == [False, False, True, True]
    assert (tensor([12, -1]) & tensor([10, 7])).tolist() == [8, 7]
    assert (~tensor([0, 255], dtype="uint8")).tolist() == [255, 0] and (~tensor([0, 5])).tolist() == [-1, -6]
    assert (5 & tensor([3, 4])).tolist() == [1, 4] and (5 | tensor([3])).tolist() == [7]


def test_bitwise_operators_in_place():
    x = tensor([12, 5])
    view = x[:]
    x &= 6
    assert view.tolist() == [4, 4]
    x |= 1
    x ^= tensor([1, 0])
    x <<= 2
    x >>= 1
    assert x.tolist() == [8, 10] and view.tolist() == [8, 10]
    flags = tensor([True, False])
    flags |= tensor([False, True])
    assert flags.tolist() == [True, True]
    with pytest.raises(TypeError, match="Cannot cast ufunc 'bitwise_and' output from dtype\\('int64'\\)"):
        flags &= 2  # (NumPy's same_kind rule: int64 cannot go into bool)


BAD = [
    (lambda: tensor([1.5]) & 1, TypeError, "ufunc 'bitwise_and' not supported for the input types"),
    (lambda: ~tensor([1.5]), TypeError, "ufunc 'invert' not supported for the input types"),
    (lambda: tensor([1.0]) << 1, TypeError, "ufunc 'left_shift' not supported for the input types"),
    (lambda: zeronn.sign(tensor([True])), TypeError, "ufunc 'sign' did not contain a loop with signature matching types bool -> None"),  # noqa: E501
    (lambda: +tensor([True]), TypeError, "ufunc 'positive' did not contain a loop"),
    (lambda: -tensor([True]), TypeError, "The numpy boolean negative, the `-` operator, is not supported"),
    (lambda: zeronn.gcd([1.5], [2.0]), TypeError, "ufunc 'gcd' did not contain a loop with signature matching types (float64, float64)"),  # noqa: E501
    (lambda: zeronn.reciprocal([0]), ValueError, "reciprocal of the integer 0 has no value"),
    (lambda: zeronn.power([2], [-1]), ValueError, "Integers to negative integer powers are not allowed."),
]  # fmt: skip


@pytest.mark.parametrize("call, error, message", BAD)
def test_refused_loops_say_why(call, error, message):
    with pytest.raises(error) as caught:
        call()
    assert message in str(caught.value)


# What NumPy computes in: (ufunc, operands, the result's dtype); 0-d operands are tensors.
def typed(values, dtype):
    return tensor(values, dtype=dtype)


LOOPS = [
    ("sqrt", [typed([4], "int16")], "float32"), ("sqrt", [typed([4], "uint32")], "float64"),
    ("sqrt", [typed([4], "float32")], "float32"), ("exp", [[1]], "float64"),
    ("floor", [typed([1], "uint8")], "uint8"), ("floor", [[True]], "bool"), ("rint", [typed([1], "int16")], "float32"),
    ("absolute", [[True]], "bool"), ("square", [[True]], "int8"), ("reciprocal", [[True]], "int8"),
    ("fabs", [typed([-2], "int16")], "float32"), ("isnan", [typed([1], "uint8")], "bool"),
    ("signbit", [typed([-1], "int8")], "bool"), ("logical_not", [[2.5]], "bool"), ("invert", [[True]], "bool"),
    ("divide", [typed([1], "int8"), typed([2], "int8")], "float64"),
    ("divide", [typed([1], "float32"), 2], "float32"),
    ("floor_divide", [[True], [True]], "int8"), ("power", [[True], [True]], "int8"),
    ("fmod", [[True], [True]], "int8"), ("float_power", [typed([2], "float32"), 2], "float64"),
    ("maximum", [[True], [False]], "bool"), ("fmax", [typed([1], "int8"), typed([1], "uint8")], "int16"),
    ("arctan2", [typed([1], "int16"), typed([1], "int16")], "float32"),
    ("arctan2", [typed([1], "int8"), typed([1], "uint16")], "float32"),
    ("hypot", [typed([1], "int16"), typed([1], "uint16")], "float32"),
    ("hypot", [typed([3], "int32"), typed([4], "float32")], "float64"),
    ("copysign", [typed([1], "int16"), 2.5], "float64"), ("copysign", [typed([1], "float32"), 2.5], "float32"),
    ("logaddexp", [[1], [2]], "float64"),
    ("left_shift", [[True], [True]], "int8"), ("bitwise_and", [[True], [False]], "bool"),
    ("bitwise_xor", [typed([1], "uint8"), typed([1], "int8")], "int16"),
    ("gcd", [typed([4], "uint8"), 6], "uint8"), ("logical_and", [[1.5], [0]], "bool"),
    ("less", [typed([1], "int64"), typed([2], "uint64")], "bool"),
]  # fmt: skip


@pytest.mark.parametrize("name, operands, dtype", LOOPS)
def test_each_ufunc_computes_in_numpys_dtype(name, operands, dtype):
    assert getattr(zeronn, name)(*operands).dtype == dtype


def test_the_power_operator_takes_numpys_shortcuts():
    # NumPy's x ** 2 is square(x), and for floats x ** -1 is reciprocal(x) and x ** 0.5 is
    # sqrt(x). np.power's own loop is C's pow, except for one exponent read with stride 0
    # (test_numpy_answers.py): an exponent of one element each is pow. The dtypes and the
    # signs of zeros tell.
    assert (tensor([True, False]) ** 2).dtype == "int8" and zeronn.power(tensor([True]), 2).dtype == "int64"
    assert (tensor([True]) ** 1).dtype == "int64" and (tensor([2], dtype="int8") ** 2).tolist() == [4]
    with errstate(all="ignore"):
        assert all(map(same, (tensor([-0.0, -math.inf]) ** 0.5).tolist(), [-0.0, math.nan]))
        assert all(map(same, zeronn.power(tensor([-0.0, -math.inf]), tensor([0.5, 0.5])).tolist(), [0.0, math.inf]))
        assert (tensor([-0.0]) ** -1).tolist() == [-math.inf]
    with pytest.raises(ValueError, match="Integers to negative integer powers are not allowed."):
        tensor([2]) ** -1  # (no shortcut for integers)
    with pytest.warns(RuntimeWarning, match="overflow encountered in square"):
        tensor([1e200]) ** 2
    flags = tensor([True])
    with pytest.raises(TypeError, match="Cannot cast ufunc 'square' output from dtype\\('int8'\\)"):
        flags **= 2
    x = tensor([3.0, 4.0], dtype="float32")
    x **= 0.5
    assert x.tolist() == [1.7320507764816284, 2.0]


def test_int64_and_uint64_compare_exactly():
    a, b = tensor([2**60, 2**60 + 1]), tensor([2**60 + 1, 2**60], dtype="uint64")
    assert (a < b).tolist() == [True, False] and (a == b).tolist() == [False, False]
    assert (b > a).tolist() == [True, False] and (a != b).tolist() == [True, True]
    assert (tensor([2**64 - 1], dtype="uint64") > -1).tolist() == [True]  # a Python int beyond either
    assert zeronn.less(2**64 - 1, -1) is False and zeronn.equal(2**70, 2**70) is True  # Python ints alone


# ---------------------------------------------------------------------------
# The floating-point errors of tensors and operators: NumPy's words
# ---------------------------------------------------------------------------

MESSAGES = [
    (lambda: tensor([1.0]) / 0, "divide by zero encountered in divide"),
    (lambda: tensor([0.0]) / 0, "invalid value encountered in divide"),
    (lambda: tensor([1e308]) * 10, "overflow encountered in multiply"),
    (lambda: tensor([3e38], dtype="float32") + tensor([3e38], dtype="float32"), "overflow encountered in add"),
    (lambda: tensor([math.inf]) - math.inf, "invalid value encountered in subtract"),
    (lambda: zeronn.log([0.0]), "divide by zero encountered in log"),
    (lambda: zeronn.sqrt([-1.0]), "invalid value encountered in sqrt"),
    (lambda: tensor([-1.0]) ** 0.5, "invalid value encountered in sqrt"),  # NumPy's x ** 0.5 is its sqrt
    (lambda: tensor([0.0]) ** -1, "divide by zero encountered in reciprocal"),
    (lambda: zeronn.power(tensor([0.0]), -1), "divide by zero encountered in power"),
    (lambda: zeronn.exp(tensor([100.0], dtype="float32")), "overflow encountered in exp"),
    (lambda: tensor([1.0, 2.0]) // 0.0, "divide by zero encountered in floor_divide"),
    (lambda: zeronn.floor_divide(4.0, 5e-324), "overflow encountered in floor_divide"),
    (lambda: zeronn.remainder(1.0, 0.0), "invalid value encountered in remainder"),
    (lambda: zeronn.arctanh([1.0]), "divide by zero encountered in arctanh"),
    (lambda: zeronn.sum([1e308, 1e308]), "overflow encountered in reduce"),
    (lambda: tensor([math.inf, -math.inf]).sum(), "invalid value encountered in reduce"),
    (lambda: zeronn.prod([1e200, 1e200]), "overflow encountered in reduce"),
    (lambda: zeronn.cumsum([1e308, 1e308]), "overflow encountered in accumulate"),
    (lambda: zeronn.add.accumulate([1e308, 1e308]), "overflow encountered in accumulate"),
]


@pytest.mark.parametrize("call, message", MESSAGES)
def test_errors_warn_with_numpys_words_by_default(call, message):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    assert message in [str(w.message) for w in caught if w.category is RuntimeWarning]
    with errstate(all="raise"), pytest.raises(FloatingPointError, match=message):
        call()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with errstate(all="ignore"):
            call()


def test_nan_operands_are_quiet_as_in_numpy():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for call in (lambda: tensor([math.nan]) / 0.0, lambda: zeronn.log([math.nan, math.inf]),
                     lambda: zeronn.maximum(math.nan, 1.0), lambda: tensor([math.nan]) < 1,
                     lambda: zeronn.floor_divide([math.nan, 1.0, 0.0], [0.0, math.nan, math.nan]),
                     lambda: zeronn.divide(math.inf, 0.0), lambda: zeronn.exp([-1000.0])):
            call()


def test_divmod_reports_both_halves_once_as_divmod():
    seen = []
    with errstate(all="call", call=lambda kind, bits: seen.append((kind, bits))):
        zeronn.divmod(1.0, 0.0)  # the quotient divides by zero, the remainder is NaN
        zeronn.divmod(math.inf, 0.0)  # inf / 0 is quiet: only the NaN remainder
    assert seen == [("divide by zero", 9), ("invalid value", 9), ("invalid value", 8)]


def test_the_warning_points_at_the_callers_line():
    with pytest.warns(RuntimeWarning) as caught:
        tensor([1.0]) / 0  # <- here
    assert caught[0].filename == __file__


# ---------------------------------------------------------------------------
# The ufunc object: attributes, out=, where=, dtype=, signature=
# ---------------------------------------------------------------------------


def test_ufuncs_have_numpys_attributes():
    assert repr(zeronn.add) == "<ufunc 'add'>" and zeronn.add.__name__ == "add"
    assert (zeronn.add.nin, zeronn.add.nout, zeronn.add.nargs) == (2, 1, 3)
    assert (zeronn.exp.nin, zeronn.divmod.nout, zeronn.divmod.nargs) == (1, 2, 4)
    assert (zeronn.add.identity, zeronn.multiply.identity, zeronn.maximum.identity) == (0, 1, None)
    assert zeronn.logical_and.identity is True and zeronn.bitwise_and.identity == -1
    assert zeronn.true_divide is zeronn.divide and zeronn.mod is zeronn.remainder and zeronn.abs is zeronn.absolute
    assert zeronn.bitwise_not is zeronn.invert and zeronn.pow is zeronn.power and zeronn.atan2 is zeronn.arctan2
    assert zeronn.divide.__name__ == "divide" and zeronn.sqrt.types == ["f->f", "d->d"]
    assert "bb->?" in zeronn.less.types and zeronn.divmod.types[-1] == "dd->dd"


def test_out_receives_the_result_and_is_returned():
    out = zeronn.zeros(3)
    result = zeronn.add([1, 2, 3], 1, out=out)
    assert result is out and out.tolist() == [2.0, 3.0, 4.0]
    x = tensor([1.0, 4.0, 9.0])
    assert zeronn.sqrt(x, out=x) is x and x.tolist() == [1.0, 2.0, 3.0]  # in place, through the view too
    grid = zeronn.zeros((2, 2))
    zeronn.multiply([1, 2], 3, grid)  # positional out, broadcast to out's shape
    assert grid.tolist() == [[3.0, 6.0], [3.0, 6.0]]
    strided = zeronn.zeros(6)
    zeronn.negative([1.0, 2.0, 3.0], out=strided[::2])
    assert strided.tolist() == [-1.0, 0.0, -2.0, 0.0, -3.0, 0.0]
    quotient, remainder = zeronn.zeros(2, dtype=int), zeronn.zeros(2, dtype=int)
    assert zeronn.divmod([7, 8], 3, out=(quotient, remainder)) == (quotient, remainder)
    assert quotient.tolist() == [2, 2] and remainder.tolist() == [1, 2]
    scalar = zeronn.zeros(())
    assert zeronn.add(1.5, 2, out=scalar) is scalar and scalar.item() == 3.5


def test_where_writes_only_where_true():
    out = tensor([10.0, 20.0, 30.0])
    zeronn.add([1.0, 2.0, 3.0], 1, out=out, where=[True, False, True])
    assert out.tolist() == [2.0, 20.0, 4.0]
    grid = zeronn.ones((2, 2))
    zeronn.multiply(grid, 5, out=grid, where=tensor([[True], [False]]))  # the mask broadcasts
    assert grid.tolist() == [[5.0, 5.0], [1.0, 1.0]]
    with pytest.warns(UserWarning, match="'where' used without 'out'"):
        fresh = zeronn.add([1, 2], 1, where=[True, False])
    assert fresh.tolist() == [2, 0]  # (NumPy leaves the rest uninitialised; zeronn's are zeros)


def test_dtype_chooses_the_loop():
    assert zeronn.add(tensor([1], dtype="int8"), 2, dtype="float32").dtype == "float32"
    assert zeronn.add(1, 2, dtype="uint8") == 3
    assert zeronn.sqrt(tensor([4], dtype="int16"), dtype=float).dtype == "float64"
    assert zeronn.equal(1, [1], dtype=bool).tolist() == [True]
    assert zeronn.add([1, 2], [3, 4], signature="dd->d").tolist() == [4.0, 6.0]


OUT_ERRORS = [
    (lambda: zeronn.add([1.5], 1, out=zeronn.zeros(1, dtype=int)), TypeError,
     "Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'"),
    (lambda: zeronn.add(zeronn.ones((2, 3)), 1, out=zeronn.zeros(3)), ValueError,
     "non-broadcastable output operand with shape (3,) doesn't match the broadcast shape (2,3)"),
    (lambda: zeronn.add([1, 2], 1, out=zeronn.zeros(3)), ValueError,
     "operands could not be broadcast together with shapes (2,) () (3,)"),
    (lambda: zeronn.add(1, 2, out=3), TypeError, "return arrays must be of ArrayType"),
    (lambda: zeronn.add(1, 2, zeronn.zeros(()), out=zeronn.zeros(())), TypeError,
     "cannot specify 'out' as both a positional and keyword argument"),
    (lambda: zeronn.divmod(1, 2, out=zeronn.zeros(())), TypeError, "'out' must be a tuple of arrays"),
    (lambda: zeronn.add(1, 2, out=(zeronn.zeros(()), zeronn.zeros(()))), ValueError,
     "The 'out' tuple must have exactly one entry per ufunc output"),
    (lambda: zeronn.add(1), TypeError, "add() takes from 2 to 3 positional arguments but 1 was given"),
    (lambda: zeronn.exp(1, 2, 3), TypeError, "exp() takes from 1 to 2 positional arguments but 3 were given"),
    (lambda: zeronn.add(1, 2.5, dtype=int), TypeError,
     "Cannot cast ufunc 'add' input 1 from dtype('float64') to dtype('int64') with casting rule 'same_kind'"),
    (lambda: zeronn.sqrt([4], dtype=int), TypeError, "No loop matching the specified signature and casting was found"),
    (lambda: zeronn.equal(1, 1, dtype="int64"), TypeError, "No loop matching the specified signature"),
    (lambda: zeronn.equal(1, 1, sig=(None, None, "l")), TypeError, "No loop matching the specified signature"),
    (lambda: zeronn.add(1, 2, out=_read_only()), ValueError, "output array is read-only"),
]  # fmt: skip


def _read_only():
    out = zeronn.zeros(())
    out.setflags(write=False)
    return out


@pytest.mark.parametrize("call, error, message", OUT_ERRORS)
def test_bad_calls_get_numpys_errors(call, error, message):
    with pytest.raises(error) as caught:
        call()
    assert message in str(caught.value)


# ---------------------------------------------------------------------------
# reduce, accumulate, outer
# ---------------------------------------------------------------------------


def test_reduce_folds_along_an_axis():
    m = tensor([[1, 2], [3, 4]])
    assert zeronn.add.reduce(m).tolist() == [4, 6] and zeronn.add.reduce(m, axis=1).tolist() == [3, 7]
    assert zeronn.add.reduce(m, axis=None) == 10 and zeronn.add.reduce(m, axis=(0, 1), keepdims=True).tolist() == [[10]]
    assert zeronn.subtract.reduce([10, 1, 2]) == 7 and zeronn.power.reduce([2, 3, 2]) == 64
    assert zeronn.subtract.reduce(zeronn.zeros(0), initial=5.0) == 5.0
    assert zeronn.maximum.reduce([[1, 5], [7, 2]], axis=1).tolist() == [5, 7]
    assert math.isnan(zeronn.maximum.reduce([1.0, math.nan, 3.0]))
    assert zeronn.logical_xor.reduce([True, True, True]) is True and zeronn.bitwise_or.reduce([1, 2, 4]) == 7
    assert zeronn.add.reduce(tensor([100, 100], dtype="int8")) == 200  # as sum: int8 adds as int64
    assert zeronn.floor_divide.reduce(tensor([100, 7], dtype="int8")) == 14
    assert zeronn.divide.reduce([1, 2]) == 0.5  # integers divide as float64
    assert zeronn.bitwise_and.reduce(tensor([], dtype="uint8")) == 255  # the identity -1, as uint8
    assert zeronn.equal.reduce([0, 0], dtype=bool) is True
    assert zeronn.add.reduce([1.5, 2.5], dtype=int) == 3  # dtype converts first, unsafely, as NumPy's


def test_reduce_reports_as_reduce():
    with errstate(divide="raise"), pytest.raises(FloatingPointError, match="divide by zero encountered in reduce"):
        zeronn.floor_divide.reduce(tensor([5, 0], dtype="int8"))
    with errstate(over="raise"), pytest.raises(FloatingPointError, match="overflow encountered in reduce"):
        zeronn.floor_divide.reduce(tensor([-128, 1, -1], dtype="int8"))


REDUCE_ERRORS = [
    (lambda: zeronn.floor_divide.reduce(tensor([], dtype="int8")), ValueError,
     "zero-size array to reduction operation floor_divide which has no identity"),
    (lambda: zeronn.subtract.reduce([[1, 2], [3, 4]], axis=None), ValueError,
     "reduction operation 'subtract' is not reorderable, so at most one axis may be specified"),
    (lambda: zeronn.equal.reduce([0, 0]), TypeError, "No loop matching the specified signature"),
    (lambda: zeronn.sqrt.reduce([1.0]), ValueError, "reduce only supported for binary functions"),
    (lambda: zeronn.divmod.reduce([1.0]), ValueError, "reduce only supported for functions returning a single value"),
    (lambda: zeronn.add.accumulate([[1, 2]], axis=None), ValueError, "accumulate does not allow multiple axes"),
    (lambda: zeronn.exp.outer([1], [2]), ValueError, "outer only supported for binary functions"),
]  # fmt: skip


@pytest.mark.parametrize("call, error, message", REDUCE_ERRORS)
def test_bad_reductions_get_numpys_errors(call, error, message):
    with pytest.raises(error) as caught:
        call()
    assert message in str(caught.value)


def test_accumulate_keeps_every_running_result():
    assert zeronn.subtract.accumulate([1, 2, 3]).tolist() == [1, -1, -4]
    assert zeronn.add.accumulate(tensor([100, 100], dtype="int8")).tolist() == [100, 200]  # as cumsum: int64
    assert zeronn.maximum.accumulate([[1, 5], [3, 2]], axis=0).tolist() == [[1, 5], [3, 5]]
    assert zeronn.logical_and.accumulate([1, 2, 0]).tolist() == [True, True, False]
    assert zeronn.multiply.accumulate([True, True]).tolist() == [1, 1]
    assert zeronn.minimum.accumulate(zeronn.zeros((0, 2))).shape == (0, 2)


def test_outer_pairs_every_element():
    assert zeronn.add.outer([1, 2], [10, 20, 30]).tolist() == [[11, 21, 31], [12, 22, 32]]
    assert zeronn.less.outer([1, 2], [2]).tolist() == [[True], [False]]
    assert zeronn.multiply.outer(tensor([[1], [2]]), 3).shape == (2, 1)


def test_at_operates_once_per_selection_in_place():
    a = tensor([127, 0], dtype="int8")
    view = a[:]
    assert zeronn.add.at(a, [0, 0, 1], 1) is None and view.tolist() == [-127, 1]  # in place, wrapped
    x = zeronn.zeros((2, 2))
    zeronn.add.at(x, (tensor([0, 1, 1]), tensor([1, 0, 0])), tensor([10, 20, 30]))
    assert x.tolist() == [[0.0, 10.0], [50.0, 0.0]]
    ints = zeronn.zeros(2, dtype=int)
    zeronn.add.at(ints, slice(None), 1.5)  # cast as assignment casts
    assert ints.tolist() == [1, 1]
    y = tensor([1.0, 2.0])
    zeronn.negative.at(y, [0, 0])  # twice: back where it was
    assert y.tolist() == [1.0, 2.0]
    with pytest.warns(RuntimeWarning, match="divide by zero encountered in at"):
        zeronn.divide.at(tensor([1.0]), [0], 0.0)
    for call, error, message in [
        (lambda: zeronn.add.at(zeronn.zeros(2), [0], [1, 2]), ValueError, "array is not broadcastable to correct"),
        (lambda: zeronn.add.at(zeronn.zeros(2), [0]), ValueError, "second operand needed for ufunc"),
        (lambda: zeronn.negative.at(zeronn.zeros(2), [0], 1), ValueError, "second operand provided when ufunc"),
        (lambda: zeronn.add.at(zeronn.zeros(2), [5], 1), IndexError, "index 5 is out of bounds for axis 0 with size 2"),
        (lambda: zeronn.add.at([1, 2], [0], 1), TypeError, "first operand of add.at must be an array"),
    ]:
        with pytest.raises(error, match=message):
            call()


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------

integers = st.integers(-(2**63), 2**63 - 1)


@given(st.lists(integers, min_size=1, max_size=6), st.lists(integers.filter(bool), min_size=1, max_size=1))
def test_floor_division_and_remainder_rebuild_the_dividend(values, divisor):
    a, b = tensor(values), tensor(divisor)
    with errstate(over="ignore"):  # (min // -1 wraps, and warns so)
        quotient, remainder = zeronn.divmod(a, b)
        rebuilt = quotient * b + remainder
    assert rebuilt.tolist() == a.tolist()  # modulo 2**64, which the wrap makes exact
    assert all(r == 0 or (r < 0) == (divisor[0] < 0) for r in remainder.tolist())


@given(st.lists(st.floats(allow_nan=False, allow_infinity=False, width=64), min_size=1, max_size=8))
def test_rint_floor_and_ceil_bracket_each_number(values):
    x = tensor(values)
    floor, ceil, rint = zeronn.floor(x).tolist(), zeronn.ceil(x).tolist(), zeronn.rint(x).tolist()
    for v, low, high, near in zip(values, floor, ceil, rint):
        assert low <= v <= high and high - low in (0.0, 1.0) and near in (low, high)
        assert math.copysign(1, low) == math.copysign(1, v) == math.copysign(1, high)  # -0.0 stays negative


@given(st.lists(st.integers(-1000, 1000), min_size=1, max_size=6), st.integers(0, 70))
def test_left_then_right_shift_of_a_wide_dtype_is_the_identity_below_the_width(values, count):
    x = tensor(values)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        back = (x << count) >> count
    if count < 50:
        assert back.tolist() == values


# ---------------------------------------------------------------------------
# Against NumPy itself
# ---------------------------------------------------------------------------

DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float16", "float32",
          "float64"]


def numpy_or_skip():
    return pytest.importorskip("numpy")


def outcome(function, *operands):
    """What a call gives: (dtype name, values), or the exception's type; and the warnings' words."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = function(*operands)
        except (TypeError, ValueError, ArithmeticError) as error:
            return type(error), sorted(str(w.message) for w in caught)
    results = result if isinstance(result, tuple) else (result,)
    values = [r.tolist() if hasattr(r, "tolist") else r for r in results]
    dtype = ",".join(str(getattr(r, "dtype", type(r).__name__)) for r in results)
    return (dtype, values), sorted(str(w.message) for w in caught if issubclass(w.category, RuntimeWarning))


def agree(mine, numpys):
    """The same outcome: the same values (NaN is NaN, the sign of zero counts) and dtype, or
    an error on both sides (zeronn's for float16 is its own TypeError)."""
    if isinstance(numpys[0], type) or isinstance(mine[0], type):
        return isinstance(numpys[0], type) and isinstance(mine[0], type)
    (dtype, values), (numpy_dtype, numpy_values) = mine[0], numpys[0]

    def flat(nested):
        return [v for part in nested for v in (part if isinstance(part, list) else [part])]

    # NumPy's SIMD exp, log, sin ... may differ in the last bits: 4 units of the dtype's last place.
    unit = (lambda b: 2.0 ** (math.frexp(b)[1] - 24)) if "float32" in dtype else math.ulp
    return dtype == numpy_dtype and all(
        (isinstance(a, float) and isinstance(b, float) and (math.isnan(a) and math.isnan(b)))
        or (a == b and (not isinstance(b, float) or math.copysign(1, a) == math.copysign(1, b)))
        or (isinstance(b, float) and math.isfinite(b) and abs(a - b) <= 4 * unit(b))
        for a, b in zip(flat(values), flat(numpy_values)))


SMALL = [0, 1, 2, 3, 5, 7, 100, 127]


@pytest.mark.oracle
@pytest.mark.parametrize("name", sorted(name for name, table in UFUNCS.items() if table.nin == 1))
def test_one_operand_ufuncs_match_numpy_on_every_dtype(name):
    numpy = numpy_or_skip()
    for dtype in DTYPES:
        values = [v % 2 for v in SMALL] if dtype == "bool" else SMALL + ([-3, -128] if dtype[0] in "if" else [])
        if name == "reciprocal" and dtype[0] != "f":
            values = [v for v in values if v]  # (NumPy leaves 1 // 0 to C; zeronn refuses it)
        mine = outcome(getattr(zeronn, name), tensor(values, dtype=dtype))
        numpys = outcome(getattr(numpy, name), numpy.array(values, dtype=dtype))
        assert agree(mine, numpys), (name, dtype, mine, numpys)
        assert mine[1] == numpys[1], (name, dtype)  # the same warnings, word for word


@pytest.mark.oracle
@pytest.mark.parametrize("name", sorted(name for name, table in UFUNCS.items() if table.nin == 2) + ["divmod"])
def test_two_operand_ufuncs_match_numpy_on_every_pair_of_dtypes(name):
    numpy = numpy_or_skip()
    for left, right in itertools.product(DTYPES, DTYPES):
        a = [v % 2 for v in SMALL] if left == "bool" else SMALL
        b = [v % 2 for v in SMALL[::-1]] if right == "bool" else [3, 2, 1, 0, 7, 5, 1, 2]
        mine = outcome(getattr(zeronn, name), tensor(a, dtype=left), tensor(b, dtype=right))
        numpys = outcome(getattr(numpy, name), numpy.array(a, dtype=left), numpy.array(b, dtype=right))
        assert agree(mine, numpys), (name, left, right, mine, numpys)
        assert mine[1] == numpys[1], (name, left, right, mine[1], numpys[1])


@pytest.mark.oracle
@given(st.sampled_from(["add", "subtract", "multiply", "maximum", "floor_divide"]),
       st.sampled_from(["int8", "uint8", "int64", "float32", "float64"]),
       st.lists(st.integers(-3, 2), min_size=1, max_size=6), st.lists(st.integers(-20, 20), min_size=1, max_size=1))
def test_at_matches_numpy(name, dtype, indices, value):
    numpy = numpy_or_skip()
    a = [120, 5, 0]
    mine, numpys = tensor(a, dtype=dtype), numpy.array(a, dtype=dtype)
    with errstate(all="ignore"), numpy.errstate(all="ignore"):
        getattr(zeronn, name).at(mine, indices, value[0])
        getattr(numpy, name).at(numpys, indices, value[0])
    assert all(map(same, mine.tolist(), numpys.tolist()))


@pytest.mark.oracle
@given(st.sampled_from(sorted(BINARY)), st.lists(st.sampled_from(VALUES + [2.0, -0.5, 1e-310, 7.0]), min_size=2,
                                                   max_size=2), st.sampled_from(["float32", "float64"]))
def test_float_ufuncs_match_numpy_with_python_numbers_too(name, pair, dtype):
    numpy = numpy_or_skip()
    a, b = pair
    assume(dtype == "float64" or not 3.5e38 < abs(b) < math.inf)  # (NumPy's "overflow encountered in cast")
    with numpy.errstate(all="ignore"):  # (1e308 as float32: NumPy warns as it casts)
        operand = numpy.array([a, b], dtype=dtype)
    mine = outcome(getattr(zeronn, name), tensor([a, b], dtype=dtype), b)
    numpys = outcome(getattr(numpy, name), operand, b)
    assert agree(mine, numpys), (mine, numpys)
    assert mine[1] == numpys[1] or name in ("power", "float_power", "logaddexp", "logaddexp2", "nextafter"), (
        mine, numpys)
