"""kaiser, i0, convolve and correlate. Expected values are NumPy 2.4's answers."""

import math
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

import zeronn
from zeronn import tensor
from zeronn.signals import convolve, correlate, i0, kaiser


def test_kaiser_is_numpys_window():
    assert kaiser(11, 2).tolist() == [
        0.4386762798370488, 0.6113943543616491, 0.7676749968275236, 0.8921614338542881, 0.9723298008693713, 1.0,
        0.9723298008693713, 0.8921614338542881, 0.7676749968275236, 0.6113943543616491, 0.4386762798370488]
    assert kaiser(1, 5).tolist() == [1.0] and kaiser(0, 5).tolist() == [] and kaiser(-3, 1).tolist() == []
    assert kaiser(4, 0).tolist() == [1.0, 1.0, 1.0, 1.0]
    assert kaiser(0, 5).dtype == "float64"
    with pytest.raises(TypeError, match="kaiser's M and beta must be numbers"):
        kaiser("11", 2)


def test_i0_values_and_dtypes():
    assert i0([0, 1, 10, -3]).tolist() == [1.0, 1.2660658777520082, 2815.716628466254, 4.880792585865024]
    assert repr(i0(0.5)) == "tensor(1.06348337)" and i0(0.5).shape == ()
    assert i0(tensor([1, 2], dtype="int8")).dtype == "float64"
    assert i0(tensor([1, 2], dtype="float32")).dtype == "float32"
    assert i0([8.0, 8.01]).tolist() == [427.56411572180474, 431.58178605209235]  # both sides of the seam
    with pytest.warns(RuntimeWarning, match="overflow encountered in exp"):
        assert i0([800.0]).tolist() == [math.inf]


def test_convolve_modes_are_numpys():
    assert convolve([1, 2, 3, 4, 5], [1, 0, 0, 0], "same").tolist() == [2, 3, 4, 5, 0]
    assert convolve([1, 2, 3, 4, 5], [1, 0, 0], "same").tolist() == [2, 3, 4, 5, 0]
    assert convolve([1, 2, 3], [0.5, 0.25], "valid").tolist() == [1.25, 2.0]
    assert convolve([1, 2, 3], [1, 1], 2).tolist() == [1, 3, 5, 3] and convolve([1, 2, 3], [1, 1], 0).tolist() == [3, 5]
    assert convolve([1], [1, 2, 3], "valid").tolist() == [1, 2, 3]
    assert repr(convolve([True], [True])) == "tensor([ True])"
    assert convolve(tensor([200], dtype="uint8"), tensor([2], dtype="uint8")).tolist() == [144]  # wraps
    assert correlate([1, 2, 3], [0, 1, 0.5], "full").tolist() == [0.5, 2.0, 3.5, 3.0, 0.0]
    assert correlate([0, 1, 0.5], [1, 2, 3, 4], "full").tolist() == [0.0, 4.0, 5.0, 3.5, 2.0, 0.5]  # v the longer


BAD = [
    (lambda: convolve([1, 2], [1], "x"), "mode must be one of 'valid', 'same', or 'full' (got 'x')"),
    (lambda: convolve([1, 2], [1], "S"), "Use one of 'valid', 'same', or 'full' for convolve/correlate mode"),
    (lambda: convolve([1, 2], [1], 3), "integer convolve/correlate mode must be 0, 1, or 2"),
    (lambda: convolve([], [1]), "a cannot be empty"),
    (lambda: convolve([1], []), "v cannot be empty"),
    (lambda: convolve([[1]], [1]), "object too deep for desired array"),
    (lambda: correlate([], [1.0]), "first array argument cannot be empty"),
    (lambda: correlate([1.0], []), "second array argument cannot be empty"),
]


@pytest.mark.parametrize("call, message", BAD)
def test_bad_arguments_are_refused_in_numpys_words(call, message):
    with pytest.raises(ValueError) as caught:
        call()
    assert str(caught.value) == message


def test_smooth_curve_of_the_book():
    # common/util.py: the loss curve smoothed by an 11-point Kaiser window
    x = tensor([float(i % 7) for i in range(30)])
    window_len = 11
    s = zeronn.r_[x[window_len - 1 : 0 : -1], x, x[-1:-window_len:-1]]
    w = kaiser(window_len, 2)
    y = convolve(w / w.sum(), s, mode="valid")
    smoothed = y[5 : len(y) - 5]
    assert smoothed.shape == (30,) and abs(smoothed.sum() - x.sum()) < 2.0


@given(st.lists(st.integers(-50, 50), min_size=1, max_size=12), st.lists(st.integers(-50, 50), min_size=1, max_size=12))
def test_convolution_is_commutative_and_full_length(a, v):
    full = convolve(a, v)
    assert full.tolist() == convolve(v, a).tolist() and len(full) == len(a) + len(v) - 1
    assert sum(full.tolist()) == sum(a) * sum(v)  # the sum of a convolution is the product of the sums


@pytest.mark.oracle
def test_convolve_and_correlate_match_numpy_on_every_mode_and_dtype():
    numpy = pytest.importorskip("numpy")
    rng = random.Random(1)
    for _ in range(600):
        n, m = rng.randint(1, 20), rng.randint(1, 20)
        dtype = rng.choice(["float64", "float32", "float16", "int64", "uint8", "int8", "bool"])
        a, v = [rng.uniform(-5, 5) for _ in range(n)], [rng.uniform(-5, 5) for _ in range(m)]
        if dtype in ("int64", "uint8", "int8"):
            a, v = [int(x) % 100 for x in a], [int(x) % 100 for x in v]
        elif dtype == "bool":
            a, v = [x > 0 for x in a], [x > 0 for x in v]
        mode, name = rng.choice(["full", "same", "valid", 0, 1, 2]), rng.choice(["convolve", "correlate"])
        expected = getattr(numpy, name)(numpy.array(a, dtype=dtype), numpy.array(v, dtype=dtype), mode)
        mine = getattr(zeronn, name)(tensor(a, dtype=dtype), tensor(v, dtype=dtype), mode)
        assert (mine.dtype.name, mine.shape) == (expected.dtype.name, expected.shape)
        if dtype in ("float64", "float32"):  # NumPy's dot loop adds in its own order: the last bits may differ
            scale = max(1.0, max(map(abs, expected.tolist())))
            assert all(abs(x - y) <= 1e-5 * scale for x, y in zip(mine.tolist(), expected.tolist()))
        else:
            assert mine.tolist() == expected.tolist(), (name, dtype, mode)


@pytest.mark.oracle
@given(st.integers(0, 40), st.floats(0, 50))
def test_kaiser_matches_numpy_to_the_last_bit_or_two(M, beta):
    numpy = pytest.importorskip("numpy")  # (NumPy's exp may differ from Python's by an ulp)
    mine, expected = kaiser(M, beta).tolist(), numpy.kaiser(M, beta).tolist()
    assert len(mine) == len(expected) and all(math.isclose(x, y, rel_tol=1e-15) for x, y in zip(mine, expected))


def test_float64_convolution_adds_in_float64():
    # NumPy 2.4: np.convolve([0.1, 0.2, 0.3], [1.0, 1.0]) is [0.1, 0.30000000000000004, 0.5, 0.3]
    # (no float32 rounding anywhere: float32's 0.1 would be 0.10000000149011612)
    assert convolve([0.1, 0.2, 0.3], [1.0, 1.0]).tolist() == [0.1, 0.30000000000000004, 0.5, 0.3]
