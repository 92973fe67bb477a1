"""zeronn.ieee gives NumPy's answer for one number, on every edge case NumPy has one for.

The tables are NumPy 2.4's ufuncs on one-element float64 arrays, written down by
``tests/data/make_ieee_answers.py``. "The same" means the same float: NaN matches NaN,
and 0.0 does not match -0.0.
"""

import math

import pytest
from numpy_ieee_answers import (  # noqa: I001 - tests/numpy_ieee_answers.py
    DIVIDE,
    EXP,
    FLOOR_DIVIDE,
    LOG,
    MAXIMUM,
    MINIMUM,
    POWER,
    REMAINDER,
    SQRT,
)

import zeronn
from zeronn import ieee, tensor


def same(a, b):
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if a == b:
        return math.copysign(1.0, a) == math.copysign(1.0, b)
    # NumPy's SIMD pow and exp may differ from the C library's in the last bit (the
    # numerical contract: within a few ulps); NaN, infinities and zeros must match exactly.
    return math.isfinite(a) and math.isfinite(b) and b != 0 and abs(a - b) <= 2 * math.ulp(b)


BINARY = [
    (ieee.divide, DIVIDE), (ieee.power, POWER), (ieee.floor_divide, FLOOR_DIVIDE),
    (ieee.remainder, REMAINDER), (ieee.maximum, MAXIMUM), (ieee.minimum, MINIMUM),
]  # fmt: skip


@pytest.mark.parametrize("function, table", BINARY, ids=lambda value: getattr(value, "__name__", ""))
def test_binary_functions_give_numpys_answers(function, table):
    wrong = [(a, b, expected, function(a, b)) for a, b, expected in table if not same(function(a, b), expected)]
    assert not wrong


@pytest.mark.parametrize("function, table", [(ieee.exp, EXP), (ieee.log, LOG), (ieee.sqrt, SQRT)],
                         ids=["exp", "log", "sqrt"])
def test_unary_functions_give_numpys_answers(function, table):
    wrong = [(a, expected, function(a)) for a, expected in table if not same(function(a), expected)]
    assert not wrong


@pytest.mark.parametrize("function, table", [(zeronn.exp, EXP), (zeronn.log, LOG), (zeronn.sqrt, SQRT)],
                         ids=["exp", "log", "sqrt"])
@zeronn.errstate(all="ignore")  # the answers are tested here; test_ufuncs.py tests the warnings
def test_whole_tensors_give_the_same_answers(function, table):
    inputs, expected = zip(*table)
    assert all(map(same, function(tensor(list(inputs))).to_flat_list(), expected))


@zeronn.errstate(all="ignore")  # the answers are tested here; test_ufuncs.py tests the warnings
def test_tensor_operators_give_the_same_answers():
    pairs = {"/": DIVIDE, "//": FLOOR_DIVIDE, "%": REMAINDER}
    for symbol, table in pairs.items():
        left, right, expected = (list(column) for column in zip(*table))
        result = eval(f"tensor(left) {symbol} tensor(right)")
        assert all(map(same, result.to_flat_list(), expected)), symbol


@zeronn.errstate(all="ignore")  # the answers are tested here; test_ufuncs.py tests the warnings
def test_power_with_a_tensor_exponent_is_cs_pow():
    left, right, expected = (list(column) for column in zip(*POWER))
    assert all(map(same, (tensor(left) ** tensor(right)).to_flat_list(), expected))


@zeronn.errstate(all="ignore")  # the answers are tested here; test_ufuncs.py tests the warnings
def test_power_of_one_half_is_numpys_square_root():
    # NumPy's x ** 0.5 (a Python float exponent) runs np.sqrt, not pow: they differ at -0.0 and -inf.
    result = tensor([-0.0, -math.inf, 4.0, -4.0]) ** 0.5
    assert all(map(same, result.to_flat_list(), [-0.0, math.nan, 2.0, math.nan]))
    x = tensor([-0.0, 9.0])
    x **= 0.5
    assert all(map(same, x.to_flat_list(), [-0.0, 3.0]))
    assert same((tensor([-math.inf]) ** tensor([0.5])).item(), math.inf)  # np.power: C's pow


def test_remainder_by_zero_is_nan_if_either_side_is_a_float():
    assert math.isnan(ieee.remainder(1.0, 0)) and math.isnan(ieee.remainder(1, 0.0))
    assert ieee.remainder(1, 0) == 0 and type(ieee.remainder(1, 0)) is int


def test_integer_power_keeps_the_low_bits_and_refuses_negative_exponents():
    assert ieee.integer_power(3, 4, 64) == 81 and ieee.integer_power(2, 63, 64) == 2**63
    assert ieee.integer_power(-3, 3, 8) == 256 - 27 and ieee.integer_power(2, 8, 8) == 0
    assert ieee.integer_power(7, 0, 64) == 1 and ieee.integer_power(0, 0, 64) == 1
    with pytest.raises(ValueError, match="Integers to negative integer powers are not allowed."):
        ieee.integer_power(2, -1, 64)
