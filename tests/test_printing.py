"""Printing: str and repr exactly as NumPy 2.4 prints (repr with ``tensor`` for ``array``).

The literals below are NumPy's output, made once with ``repr(a.view(tensor))`` for an
ndarray subclass named ``tensor`` (NumPy's repr names the class, and wraps lines for the
length of its name, as zeronn does).
"""

import pytest

import zeronn
from zeronn import arange, full, tensor, zeros  # noqa: F401  (used by the BUILT expressions)
from zeronn.casting import round_float32
from zeronn.dtypes import float32
from zeronn.printing import format_scalar

# (data, dtype, NumPy's str, NumPy's repr as a tensor)
LITERALS = [  # fmt: skip
    ('[0.1 + 0.2, 1 / 3]', None, '[0.3        0.33333333]', 'tensor([0.3       , 0.33333333])'),
    ('[1e-5, 1.0, 1e10]', None, '[1.e-05 1.e+00 1.e+10]', 'tensor([1.e-05, 1.e+00, 1.e+10])'),
    ("[[1.5, -2.0], [float('nan'), 4.0]]", None, '[[ 1.5 -2. ]\n [ nan  4. ]]', 'tensor([[ 1.5, -2. ],\n        [ nan,  4. ]])'),
    ('[1.0, 2.5, -3.0]', None, '[ 1.   2.5 -3. ]', 'tensor([ 1. ,  2.5, -3. ])'),
    ('[0.0, -0.0]', None, '[ 0. -0.]', 'tensor([ 0., -0.])'),
    ('[-0.0, 1e10]', None, '[-0.e+00  1.e+10]', 'tensor([-0.e+00,  1.e+10])'),
    ('[-0.0, 1e10]', 'float32', '[-0.e+00  1.e+10]', 'tensor([-0.e+00,  1.e+10], dtype=float32)'),
    ('[1e16, 1.0]', None, '[1.e+16 1.e+00]', 'tensor([1.e+16, 1.e+00])'),
    ('[1e-100, 1.0]', None, '[1.e-100 1.e+000]', 'tensor([1.e-100, 1.e+000])'),
    ('[123456789.3, 1.0]', None, '[1.23456789e+08 1.00000000e+00]', 'tensor([1.23456789e+08, 1.00000000e+00])'),
    ("[float('inf'), 1e10]", None, '[   inf 1.e+10]', 'tensor([   inf, 1.e+10])'),
    ("[float('-inf'), 1.0]", None, '[-inf   1.]', 'tensor([-inf,   1.])'),
    ("[float('nan')]", None, '[nan]', 'tensor([nan])'),
    ('[0.1, 0.2]', 'float32', '[0.1 0.2]', 'tensor([0.1, 0.2], dtype=float32)'),
    ('[1e7, 1.0]', 'float32', '[1.e+07 1.e+00]', 'tensor([1.e+07, 1.e+00], dtype=float32)'),
    ('[0.5, 255]', 'float32', '[  0.5 255. ]', 'tensor([  0.5, 255. ], dtype=float32)'),
    ('[1, 20, -300]', None, '[   1   20 -300]', 'tensor([   1,   20, -300])'),
    ('[True, False]', None, '[ True False]', 'tensor([ True, False])'),
    ('[[True]]', None, '[[ True]]', 'tensor([[ True]])'),
    ('[250, 3]', 'uint8', '[250   3]', 'tensor([250,   3], dtype=uint8)'),
    ('[[1, 2], [3, 4]]', 'int8', '[[1 2]\n [3 4]]', 'tensor([[1, 2],\n        [3, 4]], dtype=int8)'),
    ('[]', None, '[]', 'tensor([], dtype=float64)'),
    ('[[], []]', None, '[]', 'tensor([], shape=(2, 0), dtype=float64)'),
    ('[]', 'int32', '[]', 'tensor([], dtype=int32)'),
    ('5.0', None, '5.0', 'tensor(5.)'),
    ('3', None, '3', 'tensor(3)'),
    ('2.5', 'float32', '2.5', 'tensor(2.5, dtype=float32)'),
    ('True', None, 'True', 'tensor(True)'),
    ('[0.0001, 1]', None, '[1.e-04 1.e+00]', 'tensor([1.e-04, 1.e+00])'),
    # Exactly 1e8 (1e6 in float32) is NumPy's threshold for exponents; just below it is not.
    ('[1e8, 1e6]', None, '[1.e+08 1.e+06]', 'tensor([1.e+08, 1.e+06])'),
    ('[99999999.0, 1e6]', None, '[99999999.  1000000.]', 'tensor([99999999.,  1000000.])'),
    ('[1e6, 1e4]', 'float32', '[1.e+06 1.e+04]', 'tensor([1.e+06, 1.e+04], dtype=float32)'),
    ('[999999.0, 1e4]', 'float32', '[999999.  10000.]', 'tensor([999999.,  10000.], dtype=float32)'),
    # Exactly 1e-4 is not below NumPy's threshold for exponents; just below it is.
    ('[0.0001, 0.05]', None, '[0.0001 0.05  ]', 'tensor([0.0001, 0.05  ])'),
    ('[0.00009999, 0.05]', None, '[9.999e-05 5.000e-02]', 'tensor([9.999e-05, 5.000e-02])'),
    # Rounded to 8 digits, then the zeros that rounding left are trimmed:
    ('[0.1000000001, 2.5]', None, '[0.1 2.5]', 'tensor([0.1, 2.5])'),
    ('[1.0000000001e-5, 1.0]', None, '[1.e-05 1.e+00]', 'tensor([1.e-05, 1.e+00])'),
    ('[99999999.0, 1.0]', None, '[9.9999999e+07 1.0000000e+00]', 'tensor([9.9999999e+07, 1.0000000e+00])'),
    ('[[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]]', None, '[[[1. 2.]\n  [3. 4.]]\n\n [[5. 6.]\n  [7. 8.]]]', 'tensor([[[1., 2.],\n         [3., 4.]],\n\n        [[5., 6.],\n         [7., 8.]]])'),
    ('[1e-5]', 'float32', '[1.e-05]', 'tensor([1.e-05], dtype=float32)'),
    ('[1234567.0]', 'float32', '[1.234567e+06]', 'tensor([1.234567e+06], dtype=float32)'),
]
BUILT = [
    ('arange(2000).reshape(2, 1000)', '[[   0    1    2 ...  997  998  999]\n [1000 1001 1002 ... 1997 1998 1999]]', 'tensor([[   0,    1,    2, ...,  997,  998,  999],\n        [1000, 1001, 1002, ..., 1997, 1998, 1999]], shape=(2, 1000))'),
    ('arange(1001.0)', '[   0.    1.    2. ...  998.  999. 1000.]', 'tensor([   0.,    1.,    2., ...,  998.,  999., 1000.], shape=(1001,))'),
    ('arange(30.0) / 7', '[0.         0.14285714 0.28571429 0.42857143 0.57142857 0.71428571\n 0.85714286 1.         1.14285714 1.28571429 1.42857143 1.57142857\n 1.71428571 1.85714286 2.         2.14285714 2.28571429 2.42857143\n 2.57142857 2.71428571 2.85714286 3.         3.14285714 3.28571429\n 3.42857143 3.57142857 3.71428571 3.85714286 4.         4.14285714]', 'tensor([0.        , 0.14285714, 0.28571429, 0.42857143, 0.57142857,\n        0.71428571, 0.85714286, 1.        , 1.14285714, 1.28571429,\n        1.42857143, 1.57142857, 1.71428571, 1.85714286, 2.        ,\n        2.14285714, 2.28571429, 2.42857143, 2.57142857, 2.71428571,\n        2.85714286, 3.        , 3.14285714, 3.28571429, 3.42857143,\n        3.57142857, 3.71428571, 3.85714286, 4.        , 4.14285714])'),
    ('arange(24).reshape(2, 3, 4) * 1000', '[[[    0  1000  2000  3000]\n  [ 4000  5000  6000  7000]\n  [ 8000  9000 10000 11000]]\n\n [[12000 13000 14000 15000]\n  [16000 17000 18000 19000]\n  [20000 21000 22000 23000]]]', 'tensor([[[    0,  1000,  2000,  3000],\n         [ 4000,  5000,  6000,  7000],\n         [ 8000,  9000, 10000, 11000]],\n\n        [[12000, 13000, 14000, 15000],\n         [16000, 17000, 18000, 19000],\n         [20000, 21000, 22000, 23000]]])'),
    ("zeros((1001,), dtype='uint8')", '[0 0 0 ... 0 0 0]', 'tensor([0, 0, 0, ..., 0, 0, 0], shape=(1001,), dtype=uint8)'),
    ('arange(-5.0, 5.0, 0.1)[:12]', '[-5.  -4.9 -4.8 -4.7 -4.6 -4.5 -4.4 -4.3 -4.2 -4.1 -4.  -3.9]', 'tensor([-5. , -4.9, -4.8, -4.7, -4.6, -4.5, -4.4, -4.3, -4.2, -4.1, -4. ,\n        -3.9])'),
    ('arange(2000.0).reshape(40, 50)', '[[0.000e+00 1.000e+00 2.000e+00 ... 4.700e+01 4.800e+01 4.900e+01]\n [5.000e+01 5.100e+01 5.200e+01 ... 9.700e+01 9.800e+01 9.900e+01]\n [1.000e+02 1.010e+02 1.020e+02 ... 1.470e+02 1.480e+02 1.490e+02]\n ...\n [1.850e+03 1.851e+03 1.852e+03 ... 1.897e+03 1.898e+03 1.899e+03]\n [1.900e+03 1.901e+03 1.902e+03 ... 1.947e+03 1.948e+03 1.949e+03]\n [1.950e+03 1.951e+03 1.952e+03 ... 1.997e+03 1.998e+03 1.999e+03]]', 'tensor([[0.000e+00, 1.000e+00, 2.000e+00, ..., 4.700e+01, 4.800e+01,\n         4.900e+01],\n        [5.000e+01, 5.100e+01, 5.200e+01, ..., 9.700e+01, 9.800e+01,\n         9.900e+01],\n        [1.000e+02, 1.010e+02, 1.020e+02, ..., 1.470e+02, 1.480e+02,\n         1.490e+02],\n        ...,\n        [1.850e+03, 1.851e+03, 1.852e+03, ..., 1.897e+03, 1.898e+03,\n         1.899e+03],\n        [1.900e+03, 1.901e+03, 1.902e+03, ..., 1.947e+03, 1.948e+03,\n         1.949e+03],\n        [1.950e+03, 1.951e+03, 1.952e+03, ..., 1.997e+03, 1.998e+03,\n         1.999e+03]], shape=(40, 50))'),
    # The first line ends exactly at the 75th column: a word that just fits stays on it.
    ('full(60, 1)', '[1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1\n 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1]', 'tensor([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,\n        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,\n        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])'),
    # An axis of 7 is longer than the 3 + 3 kept at its ends: summarised too.
    ('arange(1001).reshape(143, 7)', '[[   0    1    2 ...    4    5    6]\n [   7    8    9 ...   11   12   13]\n [  14   15   16 ...   18   19   20]\n ...\n [ 980  981  982 ...  984  985  986]\n [ 987  988  989 ...  991  992  993]\n [ 994  995  996 ...  998  999 1000]]', 'tensor([[   0,    1,    2, ...,    4,    5,    6],\n        [   7,    8,    9, ...,   11,   12,   13],\n        [  14,   15,   16, ...,   18,   19,   20],\n        ...,\n        [ 980,  981,  982, ...,  984,  985,  986],\n        [ 987,  988,  989, ...,  991,  992,  993],\n        [ 994,  995,  996, ...,  998,  999, 1000]], shape=(143, 7))'),
    # ", dtype=int8)" ends exactly at the 75th column, and stays; int16's is one longer, and wraps.
    ("(arange(11) * 10).astype('int8')", '[  0  10  20  30  40  50  60  70  80  90 100]', 'tensor([  0,  10,  20,  30,  40,  50,  60,  70,  80,  90, 100], dtype=int8)'),
    ("(arange(11) * 10).astype('int16')", '[  0  10  20  30  40  50  60  70  80  90 100]', 'tensor([  0,  10,  20,  30,  40,  50,  60,  70,  80,  90, 100],\n       dtype=int16)'),
    ('arange(6).reshape(1, 2, 3, 1)', '[[[[0]\n   [1]\n   [2]]\n\n  [[3]\n   [4]\n   [5]]]]', 'tensor([[[[0],\n          [1],\n          [2]],\n\n         [[3],\n          [4],\n          [5]]]])'),
]
SCALARS32 = [
    (0.1, '0.1'),
    (1e-05, '1e-05'),
    (10000000000.0, '1e+10'),
    (123456.0, '123456.0'),
    (1234567.0, '1.234567e+06'),
    (1e+16, '1e+16'),
    (3.4e+38, '3.4e+38'),
    (0.0001, '1e-04'),
    (0.0001234, '0.0001234'),
    (-2.5, '-2.5'),
    (0.0, '0.0'),
    (-0.0, '-0.0'),
    (999999.0, '999999.0'),  # the last float32 scalar below 1e6 printed positionally
    (999999.94, '999999.94'),
    (1e6, '1e+06'),
    (-1e6, '-1e+06'),
    (9.9999e-05, '9.9999e-05'),
]


@pytest.mark.parametrize("data, dtype, expected_str, expected_repr", LITERALS)
def test_printing_matches_numpy(data, dtype, expected_str, expected_repr):
    t = tensor(eval(data), dtype=dtype)
    assert str(t) == expected_str
    assert repr(t) == expected_repr


@pytest.mark.parametrize("expression, expected_str, expected_repr", BUILT)
def test_large_and_wrapped_tensors_print_as_numpy_prints_them(expression, expected_str, expected_repr):
    t = eval(expression)
    assert str(t) == expected_str
    assert repr(t) == expected_repr


@pytest.mark.parametrize("value, expected", SCALARS32)
def test_float32_scalars_print_as_numpy_scalars(value, expected):
    assert format_scalar(round_float32(value), float32) == expected
    assert str(tensor(value, dtype="float32")) == expected


def test_the_issue_examples():
    assert str(tensor([1e-5, 1.0, 1e10])) == "[1.e-05 1.e+00 1.e+10]"
    assert str(zeronn.softmax([0.3, 2.9, 4.0])) == "[0.01821127 0.24519181 0.73659691]"


def test_where_summarising_starts():
    assert "..." not in repr(arange(1000)) and "..." in repr(arange(1001))
    assert repr(arange(1001)).endswith("shape=(1001,))")
    assert max(map(len, repr(arange(1000)).splitlines())) <= 75


def test_printing_a_huge_tensor_reads_only_its_corners():
    x = zeros((3000, 3000), dtype="uint8")  # 9 million elements: reading all would take seconds
    assert repr(x).endswith("shape=(3000, 3000), dtype=uint8)")
