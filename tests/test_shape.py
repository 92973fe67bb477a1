"""Shape arithmetic on tuples (``_shape``), nested lists (``nested``), and reshape (``layout``)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

import zeronn
from zeronn import OutOfBoundsError
from zeronn._shape import broadcast_shapes, broadcast_to, format_shape, normalize_axis, size_of, strides_of, unravel
from zeronn.layout import resolve_reshape
from zeronn.nested import flatten_nested, nest
from zeronn.testing import mutually_broadcastable_shapes, shapes


def test_flatten_nested_gives_row_major_data_and_shape():
    assert flatten_nested([[1, 2, 3], [4, 5, 6]]) == ([1, 2, 3, 4, 5, 6], (2, 3))
    assert flatten_nested(((1,), (2,))) == ([1, 2], (2, 1))
    assert flatten_nested(range(3)) == ([0, 1, 2], (3,))
    assert flatten_nested(2.5) == ([2.5], ())
    assert flatten_nested([]) == ([], (0,))
    assert flatten_nested([[], [], []]) == ([], (3, 0))


def test_flatten_nested_promotes_like_numpy():
    assert flatten_nested([True, 2]) == ([1, 2], (2,))
    assert flatten_nested([1, 2.5]) == ([1.0, 2.5], (2,))
    values, _ = flatten_nested([True, 1.5])
    assert [type(v) for v in values] == [float, float]


def test_flatten_nested_stops_past_64_levels_without_recursion():
    data = 1.0
    for _ in range(64):
        data = [data]
    flat, shape = flatten_nested(data)
    assert flat == [1.0] and shape == (1,) * 64
    nested = nest(flat, shape)
    for _ in range(64):
        assert isinstance(nested, list) and len(nested) == 1
        nested = nested[0]
    assert nested == 1.0
    for _ in range(5000):
        data = [data]
    with pytest.raises(ValueError, match="maximum supported dimension for an ndarray is 64, found 65"):
        flatten_nested(data)


@given(shapes(min_dims=0, max_dims=4, min_side=0, max_side=4))
def test_nest_then_flatten_is_a_round_trip(shape):
    flat = list(range(size_of(shape)))
    if 0 in shape[:-1]:
        # Nested lists stop at the first empty axis: (2, 0, 3) nests as [[], []].
        first_zero = shape.index(0)
        assert flatten_nested(nest(flat, shape)) == ([], shape[: first_zero + 1])
    else:
        assert flatten_nested(nest(flat, shape)) == (flat, shape)


def test_strides_and_unravel_agree():
    assert strides_of((2, 3, 4)) == (12, 4, 1)
    assert strides_of(()) == ()
    assert unravel(23, (2, 3, 4)) == (1, 2, 3)
    assert unravel(0, ()) == ()


def test_format_shape_matches_numpy():
    assert [format_shape(s) for s in [(), (4,), (2, 3)]] == ["()", "(4,)", "(2,3)"]


def test_broadcast_shapes_known_answers():
    assert broadcast_shapes((100, 50), (50,)) == (100, 50)
    assert broadcast_shapes((8, 1, 6, 1), (7, 1, 5)) == (8, 7, 6, 5)
    assert broadcast_shapes((), (3,)) == (3,)
    assert broadcast_shapes((0,), (1,)) == (0,)
    assert broadcast_shapes() == ()


@given(mutually_broadcastable_shapes(2))
def test_broadcast_shapes_is_symmetric(drawn):
    a, b = drawn.input_shapes
    assert broadcast_shapes(a, b) == broadcast_shapes(b, a) == drawn.result_shape


@given(mutually_broadcastable_shapes(2))
def test_broadcast_shapes_follows_the_rule(drawn):
    result = drawn.result_shape
    for shape in drawn.input_shapes:
        padded = (1,) * (len(result) - len(shape)) + shape
        assert all(side in (1, target) for side, target in zip(padded, result))


def test_broadcast_to_repeats_inner_and_outer_axes():
    assert broadcast_to([1, 2], (2, 1), (2, 3)) == [1, 1, 1, 2, 2, 2]
    assert broadcast_to([1, 2, 3], (3,), (2, 3)) == [1, 2, 3, 1, 2, 3]
    assert broadcast_to([7], (), (2, 2)) == [7, 7, 7, 7]
    assert broadcast_to([1, 2], (1, 2, 1), (2, 2, 2)) == [1, 1, 2, 2, 1, 1, 2, 2]


def test_broadcast_to_never_changes_its_input():
    data = [1, 2, 3]
    result = broadcast_to(data, (3,), (3,))
    assert result == data and result is not data


@given(st.integers(-6, 5), st.integers(1, 6))
def test_normalize_axis_accepts_exactly_the_valid_range(axis, ndim):
    if -ndim <= axis < ndim:
        assert normalize_axis(axis, ndim) == axis % ndim
    else:
        with pytest.raises(OutOfBoundsError, match=f"axis {axis} is out of bounds for array of dimension {ndim}"):
            normalize_axis(axis, ndim)


def test_resolve_reshape_fills_the_unknown_length():
    assert resolve_reshape(6, (3, -1)) == (3, 2)
    assert resolve_reshape(6, (-1,)) == (6,)
    assert resolve_reshape(1, ()) == ()
    # NumPy refuses an unknown length next to a zero: any length would do.
    with pytest.raises(ValueError, match="cannot reshape array of size 0"):
        resolve_reshape(0, (0, -1, 3))


def test_resolve_reshape_errors():
    with pytest.raises(ValueError, match="can only specify one unknown dimension"):
        resolve_reshape(6, (-1, -1))
    with pytest.raises(ValueError, match=r"cannot reshape array of size 6 into shape \(4,\)"):
        resolve_reshape(6, (4,))
    with pytest.raises(ValueError, match=r"cannot reshape array of size 7 into shape \(2,-1\)"):
        resolve_reshape(7, (2, -1))
    with pytest.raises(TypeError, match="shape lengths must be ints"):
        resolve_reshape(6, (2.0, 3))


def test_reshape_takes_numpys_integer_scalars_as_lengths_and_gives_python_ints():
    x = zeronn.arange(6)
    for shape in [(zeronn.int64(6),), (zeronn.int64(2), zeronn.int64(3)), (zeronn.int32(3), -1)]:
        reshaped = x.reshape(shape)
        assert all(type(length) is int for length in reshaped.shape)
        assert reshaped.shape == tuple(int(length) if length != -1 else 2 for length in shape)
    with pytest.raises(ValueError, match="^can only specify one unknown dimension$"):
        x.reshape(-1, -1)
