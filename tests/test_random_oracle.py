"""zeronn.random against a live NumPy: long runs of every legacy distribution, in each of
its algorithms' regimes, the bounded integers of every dtype, array parameters, and the
errors; equal to the last bit, and the generator left in the same state."""

import math
import random as python_random
import warnings

import pytest
from conftest import same
from hypothesis import given
from hypothesis import strategies as st
from test_random import BOUNDS

import zeronn
from zeronn.random import RandomState

numpy = pytest.importorskip("numpy")
pytestmark = pytest.mark.oracle

# Each distribution, with parameters that reach each branch of its algorithm.
REGIMES = {
    "beta": [(0.1, 0.9), (0.5, 1.0), (2.0, 3.0), (0.5, 5.0), (1e-3, 1e-3)],
    "binomial": [(10, 0.3), (100, 0.456), (1000, 0.2), (1000, 0.8), (5, 0.9), (10**6, 0.5), (0, 0.3), (7, 1.0)],
    "chisquare": [(0.5,), (3.0,), (50.0,)],
    "dirichlet": [([0.5, 1.0, 2.0],), ([51.7, 39.7],), ([1e-3, 1e-3],)],
    "exponential": [(1.1234,), (0.0,)],
    "f": [(1.0, 2.0), (12.0, 77.0), (0.5, 0.5)],
    "gamma": [(0.3, 2.0), (1.0, 1.0), (5.0, 3.0), (1e-4, 1.0), (1e4, 1.0)],
    "geometric": [(0.01,), (0.2,), (1 / 3,), (0.5,), (1.0,)],
    "gumbel": [(0.123, 2.0)],
    "hypergeometric": [(10, 5, 6), (20, 20, 10), (100, 200, 50), (1000, 500, 1200), (5, 0, 3), (0, 15, 12)],
    "laplace": [(0.123, 2.0)],
    "logistic": [(0.123, 2.0)],
    "lognormal": [(0.123, 2.0), (0.0, 0.0)],
    "logseries": [(0.1,), (0.5,), (0.923456789,), (0.999999,), (0.0,)],
    "multinomial": [(20, [1 / 6] * 6), (100, [0.2, 0.8, 0.0]), (10**5, [0.1, 0.2, 0.3, 0.4])],
    "negative_binomial": [(1, 0.5), (100, 0.12345), (0.5, 0.9), (3.5, 0.01)],
    "noncentral_chisquare": [(5.0, 5.0), (0.5, 0.2), (5.0, 0.0), (1.0, 30.0)],
    "noncentral_f": [(5.0, 2.0, 1.0), (0.9, 0.9, 2.0)],
    "normal": [(0.123, 2.0)],
    "pareto": [(0.123,), (3.0,)],
    "poisson": [(0.123,), (5.0,), (9.999,), (10.0,), (123.4,), (1e7,)],
    "power": [(0.123,), (3.0,)],
    "rayleigh": [(10.0,)],
    "standard_cauchy": [()],
    "standard_exponential": [()],
    "standard_gamma": [(0.1,), (0.999,), (1.0,), (3.0,), (100.0,)],
    "standard_normal": [()],
    "standard_t": [(0.5,), (10.0,)],
    "triangular": [(5.12, 10.23, 20.34), (0.0, 0.0, 1.0), (0.0, 1.0, 1.0)],
    "uniform": [(1.23, 10.54), (-1.0, 1.0)],
    "vonmises": [(1.23, 1.54), (0.0, 1e-9), (0.0, 1e-6), (0.0, 1e7), (-3.0, 50.0)],
    "wald": [(1.23, 1.54), (0.5, 100.0)],
    "weibull": [(1.23,), (0.0,), (50.0,)],
    "zipf": [(1.23,), (2.0,), (6.5,)],
    "tomaxint": [()],
    "random_sample": [()],
}
CASES = [(name, arguments) for name, regimes in REGIMES.items() for arguments in regimes]


def _values(x):
    return x.tolist() if hasattr(x, "tolist") else x


def _same_values(a, b):
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(_same_values(x, y) for x, y in zip(a, b))
    return same(a, b) or (type(a) is int and type(b) is int and a == b)


@pytest.mark.parametrize("name, arguments", CASES, ids=[f"{name}{arguments}" for name, arguments in CASES])
def test_long_runs_are_numpys_and_leave_numpys_state(name, arguments):
    for seed in (0, 1234567890, 2**32 - 1):
        ours, theirs = RandomState(seed), numpy.random.RandomState(seed)
        for size in (400, None, (3, 2)):
            drawn = _values(getattr(ours, name)(*arguments, size=size))
            expected = _values(getattr(theirs, name)(*arguments, size=size))
            assert _same_values(drawn, expected), (name, arguments, seed, size)
        _, keys, position, has_gauss, gauss = ours.get_state()
        _, their_keys, their_position, their_has_gauss, their_gauss = theirs.get_state()
        assert (keys.tolist(), position, has_gauss, gauss) == (
            their_keys.tolist(),
            their_position,
            their_has_gauss,
            their_gauss,
        )


@pytest.mark.parametrize("seed", [0, 7, 123456789])
def test_array_parameters_broadcast_to_numpys_numbers(seed):
    cases = [
        ("normal", ([[0.0], [10.0]], [1.0, 2.0, 3.0]), {}),
        ("uniform", ([0.0, 1.0], [[2.0], [3.0], [4.0]]), {}),
        ("gamma", ([0.5, 5.0], 2.0), {"size": (3, 2)}),
        ("binomial", ([[10], [1000]], [0.1, 0.5, 0.9]), {}),
        ("hypergeometric", ([10, 100], [5, 200], [[6], [12]]), {}),
        ("poisson", ([[1.0, 20.0, 1e4]],), {"size": (2, 3)}),
        ("triangular", ([0.0, 1.0], 2.0, [[3.0], [4.0]]), {}),
        ("negative_binomial", ([1, 5.5], [0.5, 0.01]), {}),
        ("vonmises", ([0.0, 1.0, 2.0], [[0.5], [1e-9]]), {}),
        ("noncentral_f", ([2, 0.9], [3, 0.9], [4, 0.0]), {}),
    ]
    for name, arguments, keywords in cases:
        ours = getattr(RandomState(seed), name)(*arguments, **keywords)
        theirs = getattr(numpy.random.RandomState(seed), name)(*arguments, **keywords)
        assert ours.shape == theirs.shape and _same_values(ours.tolist(), theirs.tolist()), name


DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"]
RANGES = BOUNDS  # each dtype's smallest and largest value


def _bounds(chooser, dtype):
    lowest, highest = RANGES[dtype]
    low = chooser.choice([lowest, 0 if lowest == 0 else -1, chooser.randint(lowest, highest)])
    high = chooser.choice([highest + 1, low + 1, low + 2, chooser.randint(low, highest) + 1, low + 255, low + 2**33])
    return low, min(high, highest + 1)


def test_randint_of_every_dtype_is_numpys_with_interleaved_draws():
    chooser = python_random.Random(0)
    for trial in range(300):
        seed = chooser.randint(0, 2**32 - 1)
        ours, theirs = RandomState(seed), numpy.random.RandomState(seed)
        for _ in range(4):  # several calls: a word half used by one call is not used by the next, as in NumPy
            dtype = chooser.choice(DTYPES)
            low, high = _bounds(chooser, dtype)
            size = chooser.choice([None, 1, 7, (2, 3)])
            drawn = ours.randint(low, high, size=size, dtype=dtype)
            expected = theirs.randint(low, high, size=size, dtype=dtype)
            assert _values(drawn) == _values(expected), (trial, dtype, low, high, size)
        assert ours.random_sample() == theirs.random_sample()


def _outcome(call, *arguments, **keywords):
    try:
        return None, _values(call(*arguments, **keywords))
    except Exception as error:  # noqa: BLE001 - the exception is what is compared
        return type(error), str(error)


def _same_outcome(ours, theirs):
    if theirs[0] is None:
        return ours[0] is None and _same_values(ours[1], theirs[1])
    return ours[0] is not None and issubclass(ours[0], theirs[0]) and ours[1] == theirs[1]


def test_randint_with_array_bounds_of_every_dtype_is_numpys():
    # Lists that mix ints past int64 with others become float64 in NumPy, rounded: the same here.
    chooser = python_random.Random(1)
    for dtype in DTYPES:
        for _ in range(40):
            pairs = [_bounds(chooser, dtype) for _ in range(chooser.randint(1, 6))]
            lows, highs = [low for low, _ in pairs], [high for _, high in pairs]
            size = chooser.choice([None, (3, len(pairs))])
            ours = _outcome(RandomState(5).randint, lows, highs, size=size, dtype=dtype)
            theirs = _outcome(numpy.random.RandomState(5).randint, lows, highs, size=size, dtype=dtype)
            assert _same_outcome(ours, theirs), (dtype, lows, highs, size)


def test_choice_shuffle_permutation_and_bytes_are_numpys():
    chooser = python_random.Random(2)
    for _ in range(60):
        seed = chooser.randint(0, 2**32 - 1)
        ours, theirs = RandomState(seed), numpy.random.RandomState(seed)
        count = chooser.randint(1, 30)
        weights = [chooser.random() for _ in range(count)]
        p = [w / sum(weights) for w in weights]
        replace = chooser.random() < 0.5
        wanted = chooser.randint(0, count)
        assert (
            ours.choice(count, wanted, replace=replace, p=p).tolist()
            == theirs.choice(count, wanted, replace=replace, p=p).tolist()
        )
        assert (
            ours.choice(count, wanted, replace=replace).tolist()
            == theirs.choice(count, wanted, replace=replace).tolist()
        )
        assert ours.permutation(count).tolist() == theirs.permutation(count).tolist()
        length = chooser.randint(0, 13)
        assert ours.bytes(length) == theirs.bytes(length)


def test_seeds_of_every_form_make_numpys_state():
    for seed in (0, 1, 2**32 - 1, [0], [1, 2, 3], [2**32 - 1] * 700, list(range(1000)), range(5)):
        ours, theirs = RandomState(seed), numpy.random.RandomState(seed)
        assert ours.get_state()[1].tolist() == theirs.get_state()[1].tolist()


@given(st.integers(0, 2**32 - 1), st.floats(0.01, 100.0), st.floats(0.01, 100.0))
def test_gamma_beta_and_friends_are_numpys_for_any_seed_and_shape(seed, a, b):
    for name, arguments in (
        ("gamma", (a, b)),
        ("beta", (a, b)),
        ("f", (a, b)),
        ("wald", (a, b)),
        ("zipf", (1 + a,)),
        ("standard_t", (a,)),
        ("vonmises", (a, b)),
        ("noncentral_chisquare", (a, b)),
    ):
        ours = getattr(RandomState(seed), name)(*arguments, size=5).tolist()
        theirs = getattr(numpy.random.RandomState(seed), name)(*arguments, size=5).tolist()
        assert _same_values(ours, theirs), (name, arguments)


@given(st.integers(0, 2**32 - 1), st.integers(0, 10**6), st.floats(0.0, 1.0), st.floats(0.0, 5e5))
def test_binomial_poisson_and_hypergeometric_are_numpys_for_any_seed(seed, n, p, lam):
    for name, arguments in (
        ("binomial", (n, p)),
        ("poisson", (lam,)),
        ("hypergeometric", (n, n // 2 + 1, n // 3 + 1)),
        ("negative_binomial", (n / 10 + 0.1, max(p, 1e-3))),
        ("geometric", (max(p, 1e-3),)),
    ):
        ours = getattr(RandomState(seed), name)(*arguments, size=5).tolist()
        theirs = getattr(numpy.random.RandomState(seed), name)(*arguments, size=5).tolist()
        assert ours == theirs, (name, arguments)


ERROR_CALLS = [
    "r.normal(0, -1)",
    "r.normal(scale=-0.0)",
    "r.uniform(0, inf)",
    "r.uniform([0], [inf])",
    "r.beta([1], [-2])",
    "r.gamma(1, -1)",
    "r.chisquare([1, 0])",
    "r.noncentral_f(1, 1, -1)",
    "r.vonmises(0, -1)",
    "r.wald(0, 1)",
    "r.triangular([1, 2], 1.5, 3)",
    "r.binomial(1, nan)",
    "r.binomial([1], [nan])",
    "r.negative_binomial(1, [nan] * 3)",
    "r.poisson(nan)",
    "r.poisson([nan])",
    "r.poisson([1e19])",
    "r.poisson([-1])",
    "r.zipf(nan)",
    "r.zipf([0.5])",
    "r.geometric(nan)",
    "r.hypergeometric(10, 10, 25)",
    "r.hypergeometric([10], [10], [0])",
    "r.logseries([1.0])",
    "r.multinomial(10, [0.6, 0.6, 0.1])",
    "r.multinomial(10, 0.5)",
    "r.dirichlet([1, -1])",
    "r.dirichlet(1.0)",
    "r.randint(0)",
    "r.randint([0, 0], [5, 0])",
    "r.randint(0, 3, dtype=bool)",
    "r.randint(-1, 5, dtype='uint8')",
    "r.choice(3, 4, replace=False)",
    "r.choice(2, p=[nan, 1.0])",
    "r.choice(3, -1, replace=False)",
    "r.permutation(1.5)",
    "r.seed(-1)",
    "r.seed([])",
    "r.seed([[1, 2]])",
    "r.seed([1.5])",
    "r.set_state('state')",
    "r.binomial([1, 2], 0.5, size=(2, 1))",
    "r.normal([0, 1], 1, size=3)",
    "r.bytes(-5)",
    "r.bytes(-9)",
]


@pytest.mark.parametrize("call", ERROR_CALLS)
def test_errors_are_numpys(call):
    names = {"nan": math.nan, "inf": math.inf}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        theirs = _outcome(eval, call, {"r": numpy.random.RandomState(0), **names})
    ours = _outcome(eval, call, {"r": zeronn.random.RandomState(0), **names})
    assert _same_outcome(ours, theirs)
