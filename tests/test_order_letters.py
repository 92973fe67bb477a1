"""``order=`` arguments read as NumPy reads them: one letter in either case, bytes too
(``flatten("f")`` is ``flatten("F")``), each function then refusing the letters it has no
use for in NumPy's words. NumPy 2.4's answers, written down."""

import pytest

import zeronn
from zeronn.layout import order_letter


@pytest.mark.parametrize("letter", ["c", "f", "a", "k", b"F"])
def test_order_letters_are_read_in_either_case(letter):
    assert order_letter(letter) == (letter.decode() if isinstance(letter, bytes) else letter).upper()


def test_lowercase_orders_lay_out_as_the_capital_ones():
    x = zeronn.arange(6).reshape(2, 3)
    assert x.flatten("f").tolist() == [0, 3, 1, 4, 2, 5]
    assert x.ravel("f").tolist() == [0, 3, 1, 4, 2, 5]
    assert x.reshape(3, 2, order="f").tolist() == [[0, 4], [3, 2], [1, 5]]
    assert x.copy("f").strides == (8, 16) and x.T.copy("k").strides == (8, 24)
    assert x.tobytes("f") == x.tobytes("F")
    assert zeronn.zeros((2, 3), order="f").strides == (8, 16)
    assert zeronn.zeros_like(x, order="f").strides == (8, 16)
    assert zeronn.Tensor((2, 3), order="f").strides == (8, 16)


@pytest.mark.parametrize(("call", "error", "message"), [
    (lambda x: x.flatten("x"), ValueError, r"^order must be one of 'C', 'F', 'A', or 'K' \(got 'x'\)$"),
    (lambda x: x.ravel("ff"), ValueError, r"^order must be one of 'C', 'F', 'A', or 'K' \(got 'ff'\)$"),
    (lambda x: x.copy(""), ValueError, r"^order must be one of 'C', 'F', 'A', or 'K' \(got ''\)$"),
    (lambda x: x.ravel(1), TypeError, r"^order must be str, not int$"),
    (lambda x: x.reshape(6, order="k"), ValueError, r"^order 'K' is not permitted for reshaping$"),
    (lambda x: zeronn.zeros(3, order="a"), ValueError, r"^only 'C' or 'F' order is permitted$"),
    (lambda x: zeronn.full(3, 1, order="k"), ValueError, r"^only 'C' or 'F' order is permitted$"),
])
def test_orders_numpy_refuses_are_refused_in_its_words(call, error, message):
    with pytest.raises(error, match=message):
        call(zeronn.arange(6).reshape(2, 3))
