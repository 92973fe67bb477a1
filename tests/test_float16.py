"""float16: storage, rounding, promotion, printing, bytes. Expected values are NumPy 2.4's answers."""

import io
import math
import struct

import pytest
from hypothesis import given
from hypothesis import strategies as st

import zeronn
from zeronn import dtypes, tensor
from zeronn.casting import round_float16
from zeronn.dtypes import float16, promote_types

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16", "float32",
          "float64"]
# np.promote_types("float16", each of DTYPES).name, in that order (NumPy 2.4).
PROMOTED_WITH_FLOAT16 = ["float16", "float16", "float32", "float64", "float64", "float16", "float32", "float64",
                         "float64", "float16", "float32", "float64"]


def test_names_and_descriptions():
    assert zeronn.dtype("float16") is float16 and zeronn.dtype("f2") is float16 and zeronn.dtype("<e") is float16
    assert zeronn.dtype(zeronn.float16) is float16 and zeronn.dtype(zeronn.half) is float16
    assert (float16.char, float16.num, float16.str, float16.itemsize, float16.kind) == ("e", 23, "<f2", 2, "f")
    assert repr(float16) == "dtype('float16')" and zeronn.float16 == float16
    assert zeronn.issubdtype(zeronn.float16, zeronn.floating) and not zeronn.issubdtype("e", zeronn.float32)


def test_promotion_is_numpys():
    for other, expected in zip(DTYPES, PROMOTED_WITH_FLOAT16):
        assert promote_types(float16, other).name == expected, other
        assert promote_types(other, float16).name == expected, other
    assert zeronn.can_cast("int8", float16) and zeronn.can_cast("uint8", float16)
    assert not zeronn.can_cast("uint16", float16) and not zeronn.can_cast(float16, "int8", "same_kind")
    assert zeronn.can_cast(float16, "float32") and zeronn.can_cast("float32", float16, "same_kind")
    assert zeronn.result_type(float16, 0.5) is float16 and zeronn.result_type(float16, 3) is float16


def test_storage_rounds_to_half_precision():
    x = tensor([0.1, 1 / 3, 2049, 70000, -1e-8, 1e-7]).astype("float16")
    assert x.tolist() == [0.0999755859375, 0.333251953125, 2048.0, math.inf, -0.0, 1.1920928955078125e-07]
    assert tensor([65519.0, 65520.0, -1e300], dtype="float16").tolist() == [65504.0, math.inf, -math.inf]
    assert math.isnan(tensor([math.nan], dtype=float16).tolist()[0])
    assert round_float16(0.1) == 0.0999755859375 and round_float16(2049.0) == 2048.0
    assert tensor([300, 70000]).astype("float16").tolist() == [300.0, math.inf]
    assert tensor([1.5, -2.7], dtype="float16").astype("int32").tolist() == [1, -2]
    y = zeronn.zeros(2, dtype="float16")
    y[0] = 0.1
    y[1:] = tensor([1 / 3])
    assert y.tolist() == [0.0999755859375, 0.333251953125]


def test_arithmetic_rounds_each_result_as_numpy():
    a = tensor([1, 2, 3], dtype="float16")
    assert repr(a * 0.1) == "tensor([0.1   , 0.2   , 0.2998], dtype=float16)"
    assert repr(a[:3] / 3) == "tensor([0.3333, 0.6665, 1.    ], dtype=float16)"
    assert repr(zeronn.exp(tensor([0.1, 0.2, 0.3], dtype="float16"))) == "tensor([1.105, 1.222, 1.35 ], dtype=float16)"
    assert repr(a[:2] + tensor([1, 2], dtype="int16")) == "tensor([2., 4.], dtype=float32)"
    assert repr(tensor([1, 2], dtype="int8") + a[:2]) == "tensor([2., 4.], dtype=float16)"
    assert repr(zeronn.sqrt(tensor([2, 3], dtype="int8"))) == "tensor([1.414, 1.732], dtype=float16)"
    assert zeronn.arctan2(tensor([1], dtype="int8"), tensor([1], dtype="uint8")).tolist() == [0.78515625]
    assert zeronn.nextafter(tensor([1.0, 0.0], dtype=float16), 2).tolist() == [1.0009765625, 5.960464477539063e-08]
    with pytest.warns(RuntimeWarning, match="overflow encountered in multiply"):  # (as NumPy warns)
        assert (tensor([60000.0], dtype=float16) * 2).tolist() == [math.inf]


def test_reductions_compute_in_float32_as_numpy():
    a = zeronn.arange(20000, dtype="float16") / 7
    with pytest.warns(RuntimeWarning, match="overflow encountered in reduce"):
        assert a.sum() == math.inf  # the float32 sum, 28.5 million, has no float16
    assert a.mean() == 1428.0 and a.mean().__class__ is float
    assert repr(zeronn.cumsum(a[:5])) == "tensor([0.    , 0.1428, 0.4285, 0.857 , 1.428 ], dtype=float16)"
    tenths = tensor([0.1, 0.2, 0.3] * 1000, dtype="float16")
    assert tenths.sum() == 600.0 and tenths.mean() == 0.199951171875
    assert zeronn.prod(tensor([0.1, 3.0], dtype=float16)) == 0.2998046875


def test_printing_is_numpys():
    assert repr(tensor([0.1, 2.5, 1000, 65504], dtype="float16")) == (
        "tensor([1.00e-01, 2.50e+00, 1.00e+03, 6.55e+04], dtype=float16)")
    assert repr(tensor([999.0], dtype="float16")) == "tensor([999.], dtype=float16)"
    assert repr(tensor([1000.0], dtype="float16")) == "tensor([1.e+03], dtype=float16)"
    assert repr(tensor([[0.5, 1.25], [3, 4]], dtype="float16")) == (
        "tensor([[0.5 , 1.25],\n        [3.  , 4.  ]], dtype=float16)")
    assert str(tensor([1 / 3], dtype="float16")) == "[0.3333]"
    assert repr(tensor([math.inf, math.nan, -0.0], dtype="float16")) == "tensor([inf, nan, -0.], dtype=float16)"
    assert str(zeronn.finfo(zeronn.float16)).splitlines()[2:4] == [
        "precision = 3   resolution = 0.001", "machep = -10   eps =        0.000977"]
    assert repr(zeronn.finfo("e")) == "finfo(resolution=0.001, min=-6.55e+04, max=6.55e+04, dtype=float16)"
    info = zeronn.finfo("float16")
    assert (info.eps, info.max, info.tiny, info.smallest_subnormal) == (2.0**-10, 65504.0, 2.0**-14, 2.0**-24)


def test_bytes_and_npy_files():
    x = tensor([0.1, 1 / 3, 2049, 70000, -1e-8, 1e-7], dtype="float16")
    assert x.tobytes() == b"f.U5\x00h\x00|\x00\x80\x02\x00"
    assert zeronn.frombuffer(b"\x00<\x008", dtype="float16").tolist() == [1.0, 0.5]
    assert tensor([1, 2], dtype=float16).view("int16").tolist() == [15360, 16384]
    assert tensor([15360], dtype="int16").view("float16").tolist() == [1.0]
    saved = io.BytesIO()
    zeronn.save(saved, x)
    assert b"'descr': '<f2'" in saved.getvalue() and saved.getvalue().endswith(x.tobytes())
    saved.seek(0)
    loaded = zeronn.load(saved)
    assert loaded.dtype is float16 and loaded.tobytes() == x.tobytes()
    assert float16.from_bytes(b"\x3c\x00", big_endian=True) == [1.0]


@given(st.floats(allow_nan=False, width=64))
def test_stored_values_are_the_nearest_half_to_the_nearest_single(value):
    stored = tensor([value], dtype="float16").tolist()[0]
    single = struct.unpack("f", struct.pack("f", value))[0] if abs(value) < 3.4e38 else math.copysign(math.inf, value)
    if abs(single) >= 65520.0:
        assert stored == math.copysign(math.inf, single)
    else:
        assert stored == struct.unpack("e", struct.pack("e", single))[0]
        assert abs(stored - single) <= 2.0**-25 or abs(stored - single) <= abs(single) * 2.0**-11


# ---------------------------------------------------------------------------
# Against NumPy itself
# ---------------------------------------------------------------------------

halves = st.floats(-65504, 65504, allow_nan=False, width=32)


@pytest.mark.oracle
@given(st.lists(st.floats(allow_nan=True, width=64), min_size=1, max_size=8))
def test_astype_float16_matches_numpy(values):
    numpy = pytest.importorskip("numpy")
    with numpy.errstate(all="ignore"):
        expected = numpy.array(values).astype(numpy.float16)
    assert tensor(values).astype("float16").tobytes() == expected.tobytes()


@pytest.mark.oracle
@given(st.sampled_from(["add", "subtract", "multiply", "divide", "maximum", "power", "arctan2", "hypot"]),
       st.lists(halves, min_size=1, max_size=6), st.lists(halves, min_size=1, max_size=1))
def test_float16_ufuncs_match_numpy(name, left, right):
    numpy = pytest.importorskip("numpy")
    with numpy.errstate(all="ignore"):
        expected = getattr(numpy, name)(numpy.array(left, numpy.float16), numpy.array(right, numpy.float16))
    with zeronn.errstate(all="ignore"):
        mine = getattr(zeronn, name)(tensor(left, dtype="float16"), tensor(right, dtype="float16"))
    assert mine.dtype.name == expected.dtype.name
    same = [a == b or (a != a and b != b) for a, b in zip(mine.tolist(), expected.tolist())]  # (any NaN: its sign
    assert all(same) and len(same) == expected.size  # bit is the processor's, see test_ufuncs)


@pytest.mark.oracle
@given(st.lists(halves, min_size=1, max_size=30))
def test_float16_printing_and_sums_match_numpy(values):
    numpy = pytest.importorskip("numpy")
    expected = numpy.array(values, numpy.float16)
    mine = tensor(values, dtype="float16")
    assert repr(mine) == repr(expected).replace("array(", "tensor(").replace("\n      ", "\n       ")
    with numpy.errstate(all="ignore"), zeronn.errstate(all="ignore"):
        assert struct.pack("e", mine.sum()) == expected.sum().tobytes()
        assert struct.pack("e", mine.mean()) == expected.mean().tobytes()


def test_module_level_names_exist():
    assert dtypes.float16 is zeronn.dtype(zeronn.float16) and "float16" in zeronn.__all__ and "half" in zeronn.__all__
