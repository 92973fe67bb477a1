"""Dtypes: names, promotion, casting, storage. Expected values are NumPy 2.4's answers."""

import math
import pickle
from array import array

import pytest
from hypothesis import given
from hypothesis import strategies as st

import zeronn
from zeronn import dtypes
from zeronn.casting import cast_python, cast_values, round_float32, wrap
from zeronn.dtypes import (
    IntegerOutOfBoundsError,
    bool_,
    can_cast,
    dtype,
    float32,
    float64,
    int8,
    int16,
    int32,
    int64,
    promote_types,
    result_type,
    uint8,
    uint16,
    uint32,
    uint64,
)

ALL = [bool_, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float32, float64]

# np.promote_types(row, column).name for the dtypes above, in that order (NumPy 2.4).
PROMOTED = """
bool    int8    int16   int32   int64   uint8   uint16  uint32  uint64  float32 float64
int8    int8    int16   int32   int64   int16   int32   int64   float64 float32 float64
int16   int16   int16   int32   int64   int16   int32   int64   float64 float32 float64
int32   int32   int32   int32   int64   int32   int32   int64   float64 float64 float64
int64   int64   int64   int64   int64   int64   int64   int64   float64 float64 float64
uint8   int16   int16   int32   int64   uint8   uint16  uint32  uint64  float32 float64
uint16  int32   int32   int32   int64   uint16  uint16  uint32  uint64  float32 float64
uint32  int64   int64   int64   int64   uint32  uint32  uint32  uint64  float64 float64
uint64  float64 float64 float64 float64 uint64  uint64  uint64  uint64  float64 float64
float32 float32 float32 float64 float64 float32 float32 float64 float64 float32 float64
float64 float64 float64 float64 float64 float64 float64 float64 float64 float64 float64
"""


def test_promote_types_is_numpys_table():
    table = [row.split() for row in PROMOTED.strip().splitlines()]
    for a, row in zip(ALL, table):
        for b, expected in zip(ALL, row):
            assert promote_types(a, b).name == expected, (a, b)


@given(st.sampled_from(ALL), st.sampled_from(ALL))
def test_promotion_is_symmetric_and_holds_both(a, b):
    result = promote_types(a, b)
    assert result is promote_types(b, a)
    assert can_cast(a, result) and can_cast(b, result)


def test_python_numbers_are_weak():
    assert result_type(uint8, 3) == uint8 and result_type(uint8, 3.5) == float64
    assert result_type(float32, 0.5) == float32 and result_type(int32, True) == int32
    assert result_type(bool_, 2) == int64 and result_type(True, False) == bool_
    assert result_type(1, 2.5) == float64
    # NumPy 2.4: result_type looks at a Python int's kind, not its value; the operation refuses it
    assert result_type(uint8, -1) == uint8 and result_type(int8, 2**40) == int8 and result_type(1, 2**64) == int64
    assert dtypes.operation_type(uint8, 255) == uint8
    with pytest.raises(IntegerOutOfBoundsError, match="Python integer -1 out of bounds for uint8"):
        dtypes.operation_type(uint8, -1)
    with pytest.raises(OverflowError, match="Python integer -1 out of bounds for uint8"):
        zeronn.tensor([1], dtype="uint8") + -1


def test_can_cast_same_kind_and_safe():
    assert can_cast(int64, int32, "same_kind") and can_cast(uint8, int8, "same_kind")
    assert not can_cast(float64, int64, "same_kind") and not can_cast(int8, bool_, "same_kind")
    assert not can_cast(int64, uint8, "same_kind") and can_cast(bool_, float32, "same_kind")
    assert can_cast(uint8, int16) and not can_cast(int64, int32) and not can_cast(int64, float32)
    assert can_cast(int8, int8, "equiv") and not can_cast(int8, int16, "equiv") and not can_cast(int8, int16, "no")
    with pytest.raises(ValueError, match=r"^casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' \(got"):
        can_cast(int8, int16, "bad")
    assert can_cast(zeronn.ones(2), "f4", "same_kind") and not can_cast(zeronn.ones(2), "f4")  # a tensor: its dtype
    assert can_cast("u8", "i1", "same_kind") and not can_cast("i1", "u8", "same_kind")
    for python_number in (True, 1, 1.0):
        with pytest.raises(TypeError, match="^can_cast.. does not support Python ints, floats, and complex"):
            can_cast(python_number, int8)
    assert can_cast(float64, int8, "unsafe") and can_cast(float64, bool_, "unsafe")  # anything goes
    assert promote_types(float32, float64) is float64 is promote_types(float64, float32)
    assert promote_types(int8, int64) is int64 and promote_types(uint16, uint8) is uint16


def test_names_and_python_types():
    assert dtype("f4") is float32 and dtype("<f8") is float64 and dtype(float) is float64
    assert dtype(int) is int64 and dtype(bool) is bool_ and dtype("bool_") is bool_
    assert dtype("u1") is uint8 and dtype("=i4") is int32 and dtype(uint16) is uint16
    # np.float32 is a scalar type, not a dtype; each names the other, as in NumPy
    assert dtype(zeronn.float32) is float32 and dtype(zeronn.uint8) is uint8
    assert zeronn.float32 == float32 and float32 == zeronn.float32 and zeronn.float32 != float64
    assert float64 == "float64" and float64 == float  # noqa: E721 - a dtype equals what names it
    assert not (float64 == "float32") and int64 != 3
    assert repr(float32) == "dtype('float32')" and str(float32) == "float32"
    assert pickle.loads(pickle.dumps(float32)) is float32
    assert {float32: 1}[dtype("f4")] == 1  # hashable, equal names hash equal
    for bad in ("complex64", "complex128", "U5", ">f4"):
        with pytest.raises(TypeError, match="not supported by zeronn"):
            dtype(bad)
    with pytest.raises(TypeError, match="not understood"):
        dtype(3)


# NumPy 2.4's np.dtype(name).name on 64-bit Linux, for every spelling zeronn reads.
NUMPY_NAMES = {
    "bool": ["bool", "bool_", "?", "b1"],
    "int8": ["int8", "i1", "b", "byte"],
    "int16": ["int16", "i2", "h", "short"],
    "int32": ["int32", "i4", "i", "intc"],
    "int64": ["int64", "i8", "l", "q", "p", "n", "int", "int_", "intp", "long", "longlong"],
    "uint8": ["uint8", "u1", "B", "ubyte"],
    "uint16": ["uint16", "u2", "H", "ushort"],
    "uint32": ["uint32", "u4", "I", "uintc"],
    "uint64": ["uint64", "u8", "L", "Q", "P", "N", "uint", "uintp", "ulong", "ulonglong"],
    "float16": ["float16", "f2", "e", "half"],
    "float32": ["float32", "f4", "f", "single"],
    "float64": ["float64", "f8", "d", "float", "double"],
}


@pytest.mark.parametrize("name, spellings", NUMPY_NAMES.items())
def test_every_spelling_names_numpys_dtype(name, spellings):
    for spelling in spellings:
        assert dtype(spelling).name == name, spelling
        if len(spelling) <= 2:  # a type code may say the byte order; a word may not
            assert dtype("=" + spelling).name == name and dtype("|" + spelling).name == name, spelling
        else:
            with pytest.raises(TypeError, match="not supported by zeronn"):
                dtype("=" + spelling)
    assert sorted(sum(NUMPY_NAMES.values(), [])) == sorted(dtypes._BY_NAME)  # and zeronn reads no others


def test_spellings_of_what_zeronn_lacks_are_refused():
    for name in ("g", "longdouble", "F", "complex", "float_"):
        with pytest.raises(TypeError, match=f"data type '{name}' is not supported by zeronn"):
            dtype(name)
    for name in ("int0", "uint0", "bool8", "object0"):  # NumPy 2's own message for the names it removed
        with pytest.raises(TypeError, match=f"^Alias '{name}' was removed in NumPy 2.0. Use a name without a digit"):
            dtype(name)


def test_limits_and_sizes():
    assert [d.itemsize for d in ALL] == [1, 1, 2, 4, 8, 1, 2, 4, 8, 4, 8]
    assert (int8.min, int8.max, uint8.max, int64.min) == (-128, 127, 255, -(2**63))
    assert (uint64.max, float32.max, float64.min) == (2**64 - 1, math.inf, -math.inf)
    assert [d.type for d in (bool_, uint8, int64, float32)] == [bool, int, int, float]


def test_calling_a_scalar_type_converts_as_numpy_scalars_do():
    np = zeronn
    assert np.uint8(7) == 7 and np.float32(0.1) == 0.10000000149011612 and np.bool_(2) is True
    assert np.int32(2.9) == 2 and np.float64(3) == 3.0 and np.float64() == 0.0
    assert np.uint8([250, 300]).tolist() == [250, 44] and np.uint8([250, 300]).dtype is uint8
    with pytest.raises(IntegerOutOfBoundsError, match="Python integer 300 out of bounds for uint8"):
        np.uint8(300)
    with pytest.raises(TypeError, match="cannot create 'integer' instances"):
        np.integer(3)


@pytest.mark.parametrize(
    ("kind", "members"),
    [
        ("integer", ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]),
        ("signedinteger", ["int8", "int16", "int32", "int64"]),
        ("unsignedinteger", ["uint8", "uint16", "uint32", "uint64"]),
        ("floating", ["float32", "float64"]),
        ("inexact", ["float32", "float64"]),
        ("number", [d.name for d in ALL if d is not bool_]),
        ("generic", [d.name for d in ALL]),
    ],
)
def test_issubdtype_follows_numpys_tree_of_kinds(kind, members):
    for each in ALL:
        assert zeronn.issubdtype(each, getattr(zeronn, kind)) is (each.name in members), (each, kind)
        assert zeronn.issubdtype(zeronn.scalars.scalar_type(each), getattr(zeronn, kind)) is (each.name in members)
    assert zeronn.issubdtype(float32, float32) and not zeronn.issubdtype(float32, float64)


def test_storage_is_a_list_or_a_compact_array():
    assert float64.storage((1.0, 2.0)) == [1.0, 2.0] and int64.storage([1]) == [1]
    assert float32.storage([0.5]) == array("f", [0.5]) and uint8.storage(iter([1, 2])) == array("B", [1, 2])
    assert uint8.empty_storage(3) == array("B", [0, 0, 0]) and float64.empty_storage(2) == [0.0, 0.0]


def test_casting_values_follows_numpy():
    assert cast_values([-1.7, 2.9, -0.0], float64, int64) == [-1, 2, 0]
    assert cast_values([300, -1], int64, uint8) == array("B", [44, 255])
    assert cast_values([2**63], uint64, int64) == [-(2**63)]
    assert cast_values([0, 2, -1], int64, bool_) == [False, True, True]
    assert cast_values([math.nan], float64, bool_) == [True]
    assert cast_values([1, 2], uint8, float32) == array("f", [1.0, 2.0])
    assert cast_values([2**60 + 2**36 + 1], int64, float32)[0] == 1.1529216420458004e18  # one rounding
    # Halfway between two float32s, NumPy rounds to the even one (2**60 + 2**36 lies between
    # 2**60 and 2**60 + 2**37); an int64 or uint64 needs more bits than float64's 53 for that.
    ties = [2**60 + 2**36, 2**60 + 3 * 2**36, -(2**60 + 3 * 2**36), 2**62 - 1]
    assert list(cast_values(ties, int64, float32)) == [1152921504606846976, 1152921779484753920,
                                                       -1152921779484753920, 4611686018427387904]
    assert list(cast_values([2**64 - 1, 2**53 + 1], uint64, float32)) == [2.0**64, 2.0**53]
    # Just above 2**53 float64 already rounds: 2**53 + 2**30 + 2**29 - 1 would become a float32
    # tie and round up to 2**53 + 2**31; rounded once, as NumPy rounds it, it is 2**53 + 2**30.
    assert list(cast_values([2**53 + 2**30 + 2**29 - 1], int64, float32)) == [2.0**53 + 2**30]
    with pytest.raises(ValueError, match=r"cannot convert nan at \[2\] to int64"):
        cast_values([1.5, 2.5, math.nan, math.inf], float64, int64, where=lambda index: [index])
    assert cast_values([1 / 3], float64, float32)[0] == 0.3333333432674408
    with pytest.raises(ValueError, match="cannot convert inf to int32"):
        cast_values([math.inf], float64, int32)
    with pytest.raises(ValueError, match=r"cannot convert 300.5 at \[0\] to uint8: out of range"):
        cast_values([300.5], float64, uint8, where=lambda index: [index])


def test_casting_python_numbers_checks_their_range():
    assert cast_python([True, 2, 3.7], int64) == [1, 2, 3]
    assert cast_python([2**60 + 2**36 + 1], float32)[0] == 1.152921504606847e18  # via float64, as NumPy
    with pytest.raises(IntegerOutOfBoundsError, match=r"Python integer 256 out of bounds for uint8 \(at \[1\]\)"):
        cast_python([255, 256], uint8, where=lambda index: [index])


def test_wrap_and_round_float32():
    assert wrap([2**63, -1], int64) == [-(2**63), -1] and wrap([256, -1, 255], uint8) == [0, 255, 255]
    assert wrap([128, -129], int8) == [-128, 127]
    values = [1, 2]
    assert wrap(values, int8) is values  # nothing to wrap: the list itself
    assert round_float32(0.1) == 0.10000000149011612 and round_float32(1e39) == math.inf
    assert round_float32(-1e39) == -math.inf and math.isnan(round_float32(math.nan))


@given(st.integers(-(2**70), 2**70), st.sampled_from([int8, int16, int32, int64, uint8, uint16, uint32, uint64]))
def test_wrap_is_congruent_and_in_range(value, to):
    (wrapped,) = wrap([value], to)
    assert to.min <= wrapped <= to.max and (wrapped - value) % (1 << (8 * to.itemsize)) == 0


@given(st.floats(allow_nan=False, width=32))
def test_round_float32_keeps_float32_values(value):
    assert round_float32(value) == value


def test_tensors_in_the_dtype_that_numpy_gives():
    assert zeronn.zeros(2, dtype="float32").dtype is float32
    assert zeronn.arange(3, dtype="uint8").tolist() == [0, 1, 2]
    assert zeronn.tensor([1, 2]).astype(zeronn.float32).dtype is float32
    assert dtypes.operand_dtype(zeronn.ones(1)) is float64


# ---------------------------------------------------------------------------
# NumPy's other descriptions of a dtype, and the spellings NumPy 2 added or removed
# ---------------------------------------------------------------------------


def test_dtype_of_none_and_of_bytes_is_numpys():
    assert dtype(None) is float64  # NumPy's default dtype
    assert dtype(b"f") is float32 and dtype(b"<i4") is int32 and dtype(b"n") is int64 and dtype("N") is uint64
    for bad, message in ((b"", "data type '' not understood"), (b"|", "data type '|' not understood"),
                         (b"\xff", "^data type not understood$")):  # fmt: skip
        with pytest.raises(TypeError, match=message):
            dtype(bad)
    with pytest.raises(TypeError, match="^zeronn's dtypes carry no metadata"):
        dtype("f8", metadata={1: 1})
    long_name = "x" * 10**6  # a hostile spelling is named briefly, not echoed whole
    with pytest.raises(TypeError) as refused:
        dtype(long_name)
    assert len(str(refused.value)) < 300


# np.dtype(name).char, .str, .num, .byteorder, .alignment for each dtype (NumPy 2.4, Linux x86-64).
DESCRIPTIONS = {
    "bool": ("?", "|b1", 0, "|", 1),
    "int8": ("b", "|i1", 1, "|", 1),
    "int16": ("h", "<i2", 3, "=", 2),
    "int32": ("i", "<i4", 5, "=", 4),
    "int64": ("l", "<i8", 7, "=", 8),
    "uint8": ("B", "|u1", 2, "|", 1),
    "uint16": ("H", "<u2", 4, "=", 2),
    "uint32": ("I", "<u4", 6, "=", 4),
    "uint64": ("L", "<u8", 8, "=", 8),
    "float32": ("f", "<f4", 11, "=", 4),
    "float64": ("d", "<f8", 12, "=", 8),
}


@pytest.mark.parametrize("name, described", DESCRIPTIONS.items())
def test_a_dtype_describes_itself_as_numpys(name, described):
    d = dtype(name)
    assert (d.char, d.str, d.num, d.byteorder, d.alignment) == described
    assert d.descr == [("", d.str)] and d.isnative and d.base is d and d.shape == () and d.ndim == 0
    assert d.fields is None and d.names is None and d.metadata is None and bool(d)
    assert dtype(d.char) is d and dtype(d.str) is d


def test_newbyteorder_keeps_native_order_and_refuses_a_swap():
    assert int8.newbyteorder() is int8 and uint8.newbyteorder(">") is uint8  # one byte: no order to swap
    assert float64.newbyteorder("=") is float64 and float64.newbyteorder("<") is float64  # this machine: little
    with pytest.raises(TypeError, match="^zeronn keeps numbers only in this machine's byte order: float64 cannot be "
                                        "swapped"):  # fmt: skip
        float64.newbyteorder()
    with pytest.raises(TypeError, match="int32 cannot be stored big-endian"):
        int32.newbyteorder(">")
    with pytest.raises(ValueError, match=r"^byteorder not recognized \(got 'x'\)$"):
        int32.newbyteorder("x")


def test_promote_types_takes_names():
    assert promote_types("int8", "int16") is int16 and promote_types("u1", int) is int64
    assert promote_types(bool, "f4") is float32 and promote_types(zeronn.uint64, "i8") is float64


def test_the_c_names_of_the_scalar_types_are_numpys():
    assert zeronn.double is zeronn.float64 and zeronn.single is zeronn.float32 and zeronn.intc is zeronn.int32
    assert zeronn.intp is zeronn.int64 and zeronn.uintp is zeronn.uint64 and zeronn.long is zeronn.int64
    assert zeronn.byte is zeronn.int8 and zeronn.ubyte is zeronn.uint8 and zeronn.ulonglong is zeronn.uint64
    assert zeronn.int_ is zeronn.int64 and zeronn.uint is zeronn.uint64 and zeronn.True_ is True


def test_isinstance_asks_python_numbers_about_their_kind():
    # zeronn's scalars are Python numbers: t[0] of any integer tensor is an int
    element = zeronn.tensor([255], dtype="uint8")[0]
    assert isinstance(element, zeronn.integer) and isinstance(element, zeronn.number)
    assert isinstance(2.5, zeronn.floating) and isinstance(2.5, zeronn.inexact) and not isinstance(2.5, zeronn.integer)
    assert isinstance(True, zeronn.generic) and not isinstance(True, zeronn.number)  # np.bool_ is no number
    # which concrete type a Python int came from cannot be told: those stay false, as for NumPy
    assert not isinstance(3, zeronn.int64) and not isinstance(3, zeronn.signedinteger)
    assert not isinstance("3", zeronn.generic) and not isinstance(None, zeronn.number)


@pytest.mark.oracle
def test_can_cast_agrees_with_numpy_for_every_pair_and_rule():
    numpy = pytest.importorskip("numpy")
    for source in ALL:
        for target in ALL:
            for rule in ("no", "equiv", "safe", "same_kind", "unsafe"):
                expected = numpy.can_cast(source.name, target.name, rule)
                assert can_cast(source, target.name, rule) == expected, (source, target, rule)
                assert can_cast(zeronn.zeros(1, source), target, rule) == expected  # a tensor: its dtype


@pytest.mark.oracle
def test_dtype_descriptions_agree_with_numpy():
    numpy = pytest.importorskip("numpy")
    for d in ALL:
        theirs = numpy.dtype(d.name)
        assert (d.char, d.str, d.num, d.byteorder, d.alignment, d.descr) == (
            theirs.char, theirs.str, theirs.num, theirs.byteorder, theirs.alignment, theirs.descr,
        )  # fmt: skip


def test_scalar_types_read_numbers_from_text_as_numpy_does():
    assert zeronn.int8("-5") == -5 and zeronn.uint8(" 7 ") == 7 and zeronn.float32("0.1") == 0.10000000149011612
    assert zeronn.bool_("False") is True and zeronn.bool_("") is False  # any text but "" is true, as in NumPy
    with pytest.raises(OverflowError, match="^Python integer -129 out of bounds for int8$"):
        zeronn.int8("-129")
    with pytest.raises(ValueError, match="invalid literal for int"):
        zeronn.int64("1.5")
