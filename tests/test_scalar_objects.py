"""NumPy's scalars: ``int8(-128)``, ``float32(0.1)``, ... are ``int``/``float`` subclasses that
carry their dtype and compute as NumPy's scalars do (the ufuncs in their dtype, NEP 50, the
"scalar ..." warnings). NumPy 2.4's answers, written as literals; an oracle test beside."""

import math
import pickle
import warnings

import pytest

import zeronn
import zeronn as np
from zeronn import dtypes, errstate, tensor


def quiet(call):
    """``call()`` with NumPy's floating-point warnings caught, and their messages; an error
    raised as ("raises", its message)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = call()
        except (OverflowError, TypeError) as error:
            result = ("raises", str(error))
    return result, [str(w.message) for w in caught]


def test_a_sized_scalar_is_a_python_number_that_knows_its_dtype():
    x = np.int8(-128)
    assert type(x) is np.int8 and isinstance(x, int) and x == -128 and x.dtype is dtypes.int8
    assert isinstance(x, np.signedinteger) and not isinstance(x, np.unsignedinteger)
    assert isinstance(np.float32(0.1), float) and np.float32(0.1).item() == 0.10000000149011612
    assert type(np.float32(0.1).item()) is float and type(np.int8(5).item()) is int
    assert (x.shape, x.ndim, x.size) == ((), 0, 1)
    assert np.bool_(2) is True  # bool cannot be subclassed: NumPy's np.True_ is Python's True here


@pytest.mark.parametrize(("value", "text", "shown"), [
    (np.int8(-128), "np.int8(-128)", "-128"),
    (np.uint64(2**64 - 1), "np.uint64(18446744073709551615)", "18446744073709551615"),
    (np.float32(0.1), "np.float32(0.1)", "0.1"),
    (np.float32(1e20), "np.float32(1e+20)", "1e+20"),
    (np.float64(1.5), "np.float64(1.5)", "1.5"),
])
def test_scalars_print_as_numpys(value, text, shown):
    assert repr(value) == text and str(value) == shown and f"{value}" == shown


def test_integer_scalars_wrap_and_warn_as_numpys():
    cases = [
        (lambda: np.int8(-128) // np.int8(-1), "np.int8(-128)", "overflow encountered in scalar floor_divide"),
        (lambda: np.int8(100) + 100, "np.int8(-56)", "overflow encountered in scalar add"),
        (lambda: np.uint8(3) - np.uint8(4), "np.uint8(255)", "overflow encountered in scalar subtract"),
        (lambda: -np.int8(-128), "np.int8(-128)", "overflow encountered in scalar negative"),
        (lambda: abs(np.int8(-128)), "np.int8(-128)", "overflow encountered in scalar absolute"),
        (lambda: divmod(np.int8(-128), np.int8(-1)), "(np.int8(-128), np.int8(0))",
         "overflow encountered in scalar divmod"),
        (lambda: np.int64(5) // 0, "np.int64(0)", "divide by zero encountered in scalar floor_divide"),
        (lambda: np.float64(1) / 0, "np.float64(inf)", "divide by zero encountered in scalar divide"),
    ]
    for call, answer, message in cases:
        result, caught = quiet(call)
        assert repr(result) == answer and caught == [message]
    with errstate(over="raise"), pytest.raises(FloatingPointError, match="^overflow encountered in scalar add$"):
        np.int16(32767) + np.int16(1)


def test_scalars_promote_as_numpys_strong_types_and_python_numbers_weak():
    assert repr(np.int8(1) + 1.5) == "np.float64(2.5)" and repr(np.int8(-7) // np.uint8(2)) == "np.int16(-4)"
    assert repr(np.float32(0.1) + np.float32(0.2)) == "np.float32(0.3)"  # added in float32
    assert repr(np.int8(1) / np.int8(2)) == "np.float64(0.5)" and repr(np.int16(3) ** 2) == "np.int16(9)"
    assert repr(np.int8(5) & 3) == "np.int8(1)" and repr(~np.uint8(0)) == "np.uint8(255)"
    assert repr(np.int8(1) << 7) == "np.int8(-128)"  # shifts wrap without a word, as NumPy's
    # a tensor beside a scalar: the scalar's dtype is strong (NumPy 2), the result a tensor
    assert (tensor([1, 2], dtype="int8") + np.int16(300)).tolist() == [301, 302]
    assert (tensor([1, 2], dtype="int8") + np.int16(300)).dtype is dtypes.int16
    assert (np.int8(5) * tensor([1, 2])).dtype is dtypes.int64
    assert tensor(np.float32(1.5)).dtype is dtypes.float32 and tensor(np.uint8(7)).dtype is dtypes.uint8
    with pytest.raises(OverflowError, match="Python integer 300 out of bounds for int8"):
        np.int8(1) + 300


def test_scalars_compare_and_hash_as_the_numbers_they_are():
    assert np.float32(0.1) == 0.1 and np.int8(3) == 3 and np.int8(5) < 6.5  # 0.1 rounded to float32 first
    assert hash(np.float32(0.1)) == hash(0.10000000149011612) and {np.int8(3): 1}[3] == 1
    assert (np.int8(3) == None) is False and (np.int8(3) != "3") is True  # noqa: E711


def test_scalars_round_as_numpys():
    assert round(np.float32(2.5)) == 2 and type(round(np.float32(2.5))) is int
    assert repr(round(np.float32(2.567), 2)) == "np.float32(2.57)" and repr(round(np.int8(17), -1)) == "np.int8(20)"
    assert repr(round(np.int64(501), -2)) == "np.int64(500)" and repr(np.float64(1.0).round()) == "np.float64(1.0)"
    assert repr(round(np.float64(5.1e73), -73)) == "np.float64(5e+73)"


def test_a_list_times_an_integer_scalar_repeats_as_python_does():
    assert [1] * np.int64(3) == [1, 1, 1] and np.int8(2) * [7] == [7, 7]
    with pytest.raises(TypeError):
        [1] * np.float64(3)


def test_scalars_index_pickle_and_convert():
    assert [10, 20, 30][np.int8(1)] == 20 and float(np.float32(0.5)) == 0.5 and int(np.uint8(7)) == 7
    again = pickle.loads(pickle.dumps(np.float32(0.1)))
    assert type(again) is np.float32 and again == np.float32(0.1)
    assert math.isnan(np.float32("nan"))


def computed(module, op, left, right):
    """``left op right`` with each side made by ``module`` (zeronn or NumPy): a (name, value)
    pair, Python's int and float as they are."""
    names = {"int": int, "float": float}
    x, y = ((names.get(name) or getattr(module, name))(value) for name, value in (left, right))
    return quiet(lambda: eval(f"x {op} y", {"x": x, "y": y}))


@pytest.mark.oracle
def test_scalar_arithmetic_is_numpys():
    numpy = pytest.importorskip("numpy")
    values = {"int8": [-128, -1, 0, 7, 127], "uint8": [0, 1, 255], "int16": [-32768, -3, 300],
              "int64": [-(2**63), -5, 2**62], "uint64": [0, 3, 2**64 - 1],
              "float32": [-1.5, 0.1, 3e38], "float64": [-2.5, 0.1, 1e308], "int": [0, -1, 100], "float": [0.0, 2.5]}
    operands = [(name, value) for name in values for value in values[name]]
    checked = 0
    for left in operands:
        for right in operands:
            python_left = left[0] in ("int", "float")
            if python_left and (right[0] in ("int", "float") or left[0] == "float" and "int" in right[0]):
                continue  # (a Python float before an integer scalar computes in Python: see the README)
            for op in ["+", "-", "*", "//", "%", "/", "<", "=="]:
                (ours, our_words), (theirs, words) = computed(zeronn, op, left, right), computed(numpy, op, left, right)
                assert our_words == words, (left, op, right)
                if isinstance(theirs, numpy.bool_):
                    assert ours is bool(theirs), (left, op, right)
                else:  # the same type, value and repr (or the same error)
                    same_type = type(ours).__name__ == type(theirs).__name__
                    assert repr(ours) == repr(theirs) and same_type, (left, op, right)
                checked += 1
    assert checked == 5800


@pytest.mark.parametrize(("data", "dtype", "values"), [
    ([np.float32(1), np.float32(2)], "float32", [1.0, 2.0]),
    ([[np.float32(0.1)], [np.float32(2)]], "float32", [[0.10000000149011612], [2.0]]),
    ([np.int8(1), 2], "int64", [1, 2]),  # a Python int among them is NumPy's default integer
    ([np.uint8(1), np.int8(-1)], "int16", [1, -1]),
    ([np.float32(1), 2.0], "float64", [1.0, 2.0]),
    ([np.uint8(200), True], "uint8", [200, 1]),
    (np.int16(-3), "int16", -3),
])
def test_a_list_of_numpys_scalars_has_the_dtype_numpy_gives_it(data, dtype, values):
    made = tensor(data)
    assert made.dtype.name == dtype and made.tolist() == values
    assert all(type(v) in (int, float) for v in made.to_flat_list())  # elements stay plain numbers


def test_iinfo_and_finfo_read_a_scalars_dtype_as_numpys_do():
    assert np.iinfo(np.int8(3)).max == 127 and np.iinfo(np.uint16(0)).max == 65535
    assert np.finfo(np.float32(1)).bits == 32
    with pytest.raises(ValueError, match=r"^iinfo\(3\): zeronn's scalars are Python numbers, which carry no dtype"):
        np.iinfo(3)  # a Python number (a tensor's element) cannot say which dtype it came from


def test_empty_tuple_index_of_a_0d_tensor_gives_numpys_scalar():
    # NumPy 2.4: np.array(0)[()] is np.int64(0); np.array(1.5, 'f4')[()] is np.float32(1.5);
    # a 1-d array's [()] is the array itself (a view), and .item() stays a Python number
    a = zeronn.array(0)
    assert repr(a[()]) == "np.int64(0)" and isinstance(a[()], zeronn.int_)
    assert repr(zeronn.array(1.5, dtype=zeronn.float32)[()]) == "np.float32(1.5)"
    assert repr(zeronn.array(7, dtype=zeronn.uint8)[()]) == "np.uint8(7)"
    assert zeronn.array(True)[()] is True  # bool_ gives Python's bool (see bool_)
    assert type(zeronn.array(2.0).item()) is float and type(zeronn.arange(2.0)[1]) is float
    one_d = zeronn.arange(3)
    assert one_d[()].tolist() == [0, 1, 2] and one_d[()].base is one_d
