"""iinfo, finfo, typecodes and sctypes (typeinfo.py): NumPy 2.4's answers written down."""

import pytest

import zeronn
from zeronn import finfo, iinfo, sctypes, typecodes

# np.iinfo(name).min, .max for every integer dtype (NumPy 2.4).
INTEGER_LIMITS = {
    "int8": (-128, 127),
    "int16": (-32768, 32767),
    "int32": (-2147483648, 2147483647),
    "int64": (-9223372036854775808, 9223372036854775807),
    "uint8": (0, 255),
    "uint16": (0, 65535),
    "uint32": (0, 4294967295),
    "uint64": (0, 18446744073709551615),
}


@pytest.mark.parametrize("name, limits", INTEGER_LIMITS.items())
def test_iinfo_gives_numpys_limits(name, limits):
    info = iinfo(name)
    assert (info.min, info.max) == limits
    assert info.bits == 8 * zeronn.dtype(name).itemsize and info.dtype is zeronn.dtype(name)
    assert info.kind == ("u" if name.startswith("u") else "i") and info.key == f"{info.kind}{info.bits}"
    assert repr(info) == f"iinfo(min={limits[0]}, max={limits[1]}, dtype={name})"


def test_iinfo_takes_every_spelling_of_a_dtype():
    assert iinfo(int).max == 2**63 - 1 and iinfo(zeronn.uint8).max == 255 and iinfo("u2").max == 65535
    assert iinfo(zeronn.intp).bits == 64 and iinfo(zeronn.tensor([1], dtype="int8").dtype).min == -128
    assert str(iinfo("int8")) == (
        "Machine parameters for int8\n"
        "---------------------------------------------------------------\n"
        "min = -128\nmax = 127\n"
        "---------------------------------------------------------------\n"
    )


def test_finfo_gives_numpys_machine_limits():
    f8 = finfo(float)
    assert (f8.bits, f8.eps, f8.epsneg) == (64, 2.220446049250313e-16, 1.1102230246251565e-16)
    assert (f8.max, f8.min, f8.tiny) == (1.7976931348623157e308, -1.7976931348623157e308, 2.2250738585072014e-308)
    assert (f8.smallest_normal, f8.smallest_subnormal, f8.resolution) == (2.2250738585072014e-308, 5e-324, 1e-15)
    assert (f8.precision, f8.maxexp, f8.minexp, f8.nexp, f8.nmant, f8.machep, f8.negep, f8.iexp) == (
        15, 1024, -1022, 11, 52, -52, -53, 11,
    )  # fmt: skip
    f4 = finfo("float32")
    # float32's numbers, held in Python floats (float(np.finfo(np.float32).eps) and so on)
    assert (f4.eps, f4.epsneg, f4.max) == (1.1920928955078125e-07, 5.960464477539063e-08, 3.4028234663852886e38)
    assert (f4.tiny, f4.smallest_subnormal, f4.resolution) == (1.1754943508222875e-38, 1.401298464324817e-45,
                                                              9.999999974752427e-07)  # fmt: skip
    assert (f4.precision, f4.maxexp, f4.minexp, f4.nexp, f4.nmant) == (6, 128, -126, 8, 23)
    assert repr(f4) == "finfo(resolution=1e-06, min=-3.4028235e+38, max=3.4028235e+38, dtype=float32)"
    assert repr(f8) == (
        "finfo(resolution=1e-15, min=-1.7976931348623157e+308, max=1.7976931348623157e+308, dtype=float64)"
    )
    assert str(f4).splitlines()[2] == "precision = 6   resolution = 1e-06"
    assert str(f8).splitlines()[-2] == "smallest_normal = 2.2250738585072014e-308   smallest_subnormal = 5e-324"


BAD = [
    (lambda: iinfo("float32"), ValueError, r"^Invalid integer data type 'f'\.$"),
    (lambda: iinfo(bool), ValueError, r"^Invalid integer data type 'b'\.$"),
    (lambda: finfo(int), ValueError, r"^data type <class '.*int64'> not inexact$"),
    (lambda: finfo("uint8"), ValueError, r"^data type <class '.*uint8'> not inexact$"),
    (lambda: iinfo("float16"), ValueError, r"^Invalid integer data type 'f'\.$"),
    (lambda: iinfo("complex64"), TypeError, "not supported by zeronn"),
    # NumPy reads a NumPy scalar's dtype; zeronn's scalars are Python numbers, which have none
    (lambda: iinfo(3), ValueError, r"^iinfo\(3\): zeronn's scalars are Python numbers, which carry no dtype"),
    (lambda: finfo(1.5), ValueError, r"^finfo\(1\.5\): zeronn's scalars are Python numbers"),
]


@pytest.mark.parametrize("call, error, message", BAD)
def test_bad_arguments_get_numpys_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_typecodes_are_numpys_for_the_dtypes_zeronn_has():
    assert typecodes["AllInteger"] == "bBhHiIlLqQnNpP" and typecodes["Integer"] == "bhilqnp"
    assert typecodes["UnsignedInteger"] == "BHILQNP" and typecodes["AllFloat"] == typecodes["Float"] == "efd"
    assert typecodes["All"] == "?bhilqnpBHILQNPefd"
    assert typecodes["Complex"] == typecodes["Character"] == typecodes["Datetime"] == ""  # kinds zeronn lacks
    for code in typecodes["All"]:  # every code names a dtype zeronn has
        assert zeronn.dtype(code).char in "?bhilBHILefd"


def test_sctypes_list_the_scalar_types_by_kind():
    assert sctypes["int"] == [zeronn.int8, zeronn.int16, zeronn.int32, zeronn.int64]
    assert sctypes["uint"] == [zeronn.uint8, zeronn.uint16, zeronn.uint32, zeronn.uint64]
    assert sctypes["float"] == [zeronn.float16, zeronn.float32, zeronn.float64] and sctypes["complex"] == []
    assert sctypes["others"] == [zeronn.bool_]


# ---------------------------------------------------------------------------
# Against NumPy itself
# ---------------------------------------------------------------------------


@pytest.mark.oracle
@pytest.mark.parametrize("name", ["float32", "float64"])
def test_finfo_agrees_with_numpy(name):
    numpy = pytest.importorskip("numpy")
    ours, theirs = finfo(name), numpy.finfo(name)
    attributes = "bits eps epsneg max min tiny smallest_normal smallest_subnormal resolution precision".split()
    attributes += "maxexp minexp nexp nmant machep negep iexp".split()
    for attribute in attributes:
        assert getattr(ours, attribute) == getattr(theirs, attribute), attribute
    if _numpy_version(numpy) >= (2, 4):  # (older NumPy printed finfo another way)
        assert repr(ours) == repr(theirs) and str(ours) == str(theirs)


@pytest.mark.oracle
@pytest.mark.parametrize("code", list(typecodes["AllInteger"]))
def test_iinfo_agrees_with_numpy(code):
    numpy = pytest.importorskip("numpy")
    ours, theirs = iinfo(code), numpy.iinfo(code)
    assert (ours.min, ours.max, ours.bits, ours.kind, ours.key) == (theirs.min, theirs.max, theirs.bits, theirs.kind,
                                                                      theirs.key)  # fmt: skip
    if _numpy_version(numpy) >= (2, 4):
        assert repr(ours) == repr(theirs) and str(ours) == str(theirs)


def _numpy_version(numpy):
    return tuple(int(part) for part in numpy.__version__.split(".")[:2])


@pytest.mark.oracle
def test_typecodes_are_numpys_less_what_zeronn_lacks():
    numpy = pytest.importorskip("numpy")
    for kind, codes in numpy.typecodes.items():
        kept = "".join(code for code in codes if code in "?bhilqnpBHILQNPefd")
        assert typecodes[kind] == kept, kind
