"""padding.py: np.pad, every mode. Expected values are NumPy 2.4's."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zeronn import arange, pad, tensor, zeros


def test_constant_pads_as_the_books_im2col_does():
    batch = arange(8.0).reshape(1, 2, 2, 2)  # (N, C, H, W): only H and W get a border
    padded = pad(batch, [(0, 0), (0, 0), (1, 1), (1, 1)], "constant")
    assert padded.shape == (1, 2, 4, 4) and padded[0, 1].tolist() == [[0.0] * 4, [0.0, 4.0, 5.0, 0.0],
                                                                        [0.0, 6.0, 7.0, 0.0], [0.0] * 4]  # fmt: skip
    assert padded.dtype == "float64" and padded.flags.owndata
    assert batch.tolist() == arange(8.0).reshape(1, 2, 2, 2).tolist()  # the input unchanged


def test_constant_values_per_axis_and_side():
    m = tensor([[1, 2], [3, 4]], dtype="uint8")
    # the last axis is padded last, so the corners are its values; values cast as arrays cast (300 wraps to 44)
    assert pad(m, ((1, 0), (0, 2)), constant_values=((5, 6), (7, 8))).tolist() == [[5, 5, 8, 8], [1, 2, 8, 8],
                                                                                    [3, 4, 8, 8]]  # fmt: skip
    assert pad(m, 1, constant_values=300).tolist()[0] == [44, 44, 44, 44]
    assert pad(m, 1, constant_values=2.7).tolist()[1] == [2, 1, 2, 2]
    assert pad(tensor([1, 2]), (1, 2), constant_values=(7, 9)).tolist() == [7, 1, 2, 9, 9]


def test_every_mode_gives_numpys_numbers():
    assert pad(arange(3), 5, mode="reflect", reflect_type="odd").tolist() == list(range(-5, 8))
    assert pad(arange(3, dtype="uint8"), 5, mode="reflect", reflect_type="odd").tolist() == [
        251, 252, 253, 254, 255, 0, 1, 2, 3, 4, 5, 6, 7]  # fmt: skip  (uint8 arithmetic wraps, as NumPy's)
    assert pad(arange(3), 7, mode="symmetric").tolist() == [0, 0, 1, 2, 2, 1, 0, 0, 1, 2, 2, 1, 0, 0, 1, 2, 2]
    assert pad(arange(3), 7, mode="wrap").tolist() == [2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0]
    assert pad(tensor([1, 2, 3]), (2, 3), mode="reflect").tolist() == [3, 2, 1, 2, 3, 2, 1, 2]
    assert pad(tensor([1]), 3, mode="reflect").tolist() == [1] * 7  # one element: extended as "edge"
    assert pad(arange(3), 4, mode="linear_ramp", end_values=(10, -10)).tolist() == [10, 7, 5, 2, 0, 1, 2, -1, -4,
                                                                                   -7, -10]  # fmt: skip
    assert pad(arange(5), 2, mode="median", stat_length=2).tolist() == [0, 0, 0, 1, 2, 3, 4, 4, 4]
    assert pad(arange(5), 2, mode="mean", stat_length=(2, 3)).tolist() == [0, 0, 0, 1, 2, 3, 4, 3, 3]
    assert pad(arange(5), 1, mode="maximum").tolist() == [4, 0, 1, 2, 3, 4, 4]
    assert pad(arange(5), 1, mode="minimum", stat_length=2).tolist() == [0, 0, 1, 2, 3, 4, 3]
    assert pad(tensor([[1, 2], [3, 4]]), 1, mode="edge").tolist() == [[1, 1, 2, 2], [1, 1, 2, 2], [3, 3, 4, 4],
                                                                      [3, 3, 4, 4]]  # fmt: skip
    assert pad(arange(4.0).reshape(2, 2), 1, mode="reflect").tolist()[0] == [3.0, 2.0, 3.0, 2.0]
    assert pad(tensor([1, 2]), 1, mode="empty").shape == (4,)
    assert pad(zeros((3, 3)).T, 1).flags.f_contiguous  # laid out column by column, as its input


def test_a_function_fills_each_lane():
    def tens(vector, width, axis, kwargs):
        vector[: width[0]] = kwargs.get("value", 10)
        vector[len(vector) - width[1] :] = kwargs.get("value", 10)

    assert pad(arange(3), 2, tens).tolist() == [10, 10, 0, 1, 2, 10, 10]
    assert pad(tensor([[1]]), 1, tens, value=7).tolist() == [[7, 7, 7], [7, 1, 7], [7, 7, 7]]


BAD = [
    (lambda: pad(arange(5), 2, mode="bogus"), ValueError, "^mode 'bogus' is not supported$"),
    (lambda: pad(arange(5), 2, mode="edge", foo=1), ValueError, "^unsupported keyword arguments for mode 'edge':"),
    (lambda: pad(arange(5), -1), ValueError, "^index can't contain negative values$"),
    (lambda: pad(zeros((0, 3)), 1, mode="edge"), ValueError, "^can't extend empty axis 0 using modes other than"),
    (lambda: pad(arange(5), 2, mode="maximum", stat_length=0), ValueError, "^stat_length of 0 yields no value"),
    (lambda: pad(arange(5), 2, mode="reflect", reflect_type="x"), ValueError, "^reflect_type must be 'even' or 'odd'"),
    (lambda: pad(arange(5), [[1, 2, 3]]), ValueError, r"^operands could not be broadcast together with remapped"),
]


@pytest.mark.parametrize("call, error, message", BAD)
def test_bad_arguments_get_numpys_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()


@given(st.lists(st.integers(0, 9), min_size=1, max_size=6), st.integers(0, 7), st.integers(0, 7),
       st.sampled_from(["constant", "edge", "reflect", "symmetric", "wrap", "maximum"]))  # fmt: skip
def test_the_centre_of_a_padded_tensor_is_the_tensor(values, before, after, mode):
    padded = pad(tensor(values), (before, after), mode)
    assert padded.shape == (before + len(values) + after,) and padded[before : before + len(values)].tolist() == values


@pytest.mark.oracle
@given(st.data())
def test_pad_agrees_with_numpy(data):
    numpy = pytest.importorskip("numpy")
    shape = tuple(data.draw(st.lists(st.integers(1, 4), min_size=1, max_size=3)))
    dtype = data.draw(st.sampled_from(["int64", "float64", "uint8", "int16", "float32"]))
    values = data.draw(st.lists(st.integers(0, 9), min_size=zeros(shape).size, max_size=zeros(shape).size))
    mode = data.draw(st.sampled_from(["constant", "edge", "linear_ramp", "maximum", "minimum", "mean", "median",
                                      "reflect", "symmetric", "wrap"]))  # fmt: skip
    widths = [(data.draw(st.integers(0, 6)), data.draw(st.integers(0, 6))) for _ in shape]
    keywords = {}
    if mode in ("reflect", "symmetric") and data.draw(st.booleans()):
        keywords["reflect_type"] = "odd"
    if mode in ("maximum", "minimum", "mean", "median") and data.draw(st.booleans()):
        keywords["stat_length"] = data.draw(st.integers(1, 3))
    if mode == "constant" and data.draw(st.booleans()):
        keywords["constant_values"] = data.draw(st.integers(0, 9))
    if mode == "linear_ramp":
        keywords["end_values"] = (data.draw(st.integers(0, 9)), data.draw(st.integers(0, 9)))
    if mode == "mean" and dtype == "float32":
        return  # float32 means: NumPy adds in float32, zeronn in float64 (README: differences)
    expected = numpy.pad(numpy.array(values, dtype).reshape(shape), widths, mode, **keywords)
    got = pad(tensor(values, dtype).reshape(shape), widths, mode, **keywords)
    assert got.dtype.name == expected.dtype.name and got.tolist() == expected.tolist()
