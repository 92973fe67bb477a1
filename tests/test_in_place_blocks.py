"""A large tensor updated in place with a number goes a block of rows at a time
(``core._update_any``), so the book's ``x /= 255.0`` on all of MNIST stays within memory.
The blocks are made small here, so that small tensors take that path too."""

import warnings

import pytest
from conftest import same
from hypothesis import given
from hypothesis import strategies as st

import zeronn
from zeronn import core
from zeronn.testing import tensors


@pytest.fixture
def small_blocks(monkeypatch):
    monkeypatch.setattr(core, "_IN_PLACE_BLOCK", 4)


@given(tensors(st.tuples(st.integers(2, 5), st.integers(1, 4))), st.sampled_from(["float32", "float64"]),
       st.floats(-1e3, 1e3))
def test_blockwise_update_gives_the_whole_updates_answer(x, dtype, number):
    x = x.astype(dtype)
    expected = x.copy()
    expected._update_any("add", number)  # the whole tensor at once (small: no blocks)
    saved = core._IN_PLACE_BLOCK
    core._IN_PLACE_BLOCK = 3
    try:
        x += number
    finally:
        core._IN_PLACE_BLOCK = saved
    assert all(map(same, x.to_flat_list(), expected.to_flat_list()))


def test_blocks_write_through_to_the_base_and_its_other_views(small_blocks):
    base = zeronn.arange(24, dtype=zeronn.uint8).reshape(6, 4)
    x = base.astype(zeronn.float32)
    column = x[:, 1]
    x /= 255.0
    assert x.dtype == zeronn.float32
    assert x[5, 3] == pytest.approx(23 / 255, rel=1e-7) and column.tolist() == x[:, 1].tolist()
    strided = zeronn.zeros((6, 4))[::2]  # a view: its rows are not adjacent
    strided += 1.5
    assert strided.base.tolist()[:2] == [[1.5] * 4, [0.0] * 4]


def test_float_errors_of_all_blocks_are_reported_once(small_blocks):
    x = zeronn.ones((6, 4), dtype=zeronn.float32)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        x /= 0.0
    assert [str(w.message) for w in caught] == ["divide by zero encountered in divide"]
    assert x.tolist() == [[float("inf")] * 4] * 6
    y = zeronn.ones((6, 4), dtype=zeronn.float32)
    with zeronn.errstate(divide="raise"), pytest.raises(FloatingPointError, match="divide by zero"):
        y /= 0.0
    assert y[5, 3] == float("inf")  # as NumPy: every element is written, then the error raised


def test_a_cast_refused_in_the_first_block_writes_nothing(small_blocks):
    x = zeronn.arange(24).reshape(6, 4)
    with pytest.raises(TypeError, match=r"Cannot cast ufunc 'divide' output from dtype\('float64'\)"):
        x /= 2.0
    assert x.tolist() == zeronn.arange(24).reshape(6, 4).tolist()


def test_one_axis_and_a_single_row_are_updated_whole(small_blocks):
    # 1-d: blocks of elements; one row of many elements: no blocks to cut, done at once
    line = zeronn.arange(10, dtype=zeronn.float32)
    line *= 2.0
    assert line.tolist() == [float(2 * i) for i in range(10)]
    row = zeronn.ones((1, 9), dtype=zeronn.float32)
    returned = row.__iadd__(0.5)
    assert returned is row and row.tolist() == [[1.5] * 9]
