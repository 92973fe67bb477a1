"""NumPy's .npy and .npz files: written byte for byte as NumPy writes them, read as NumPy
reads them, and every file that is not what it says refused at once, for what it holds.

The bytes written down here are NumPy 2.4's own (``np.save`` of the same arrays); the
oracle tests at the end check both directions against NumPy where it is installed.
"""

import io
import math
import pickle
import struct
import time
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

import zeronn
from zeronn.io.npy import MAGIC, BadNpzFile, NpzFile, load, save, savez, savez_compressed
from zeronn.testing import shapes, tensors


def saved(t):
    file = io.BytesIO()
    save(file, t)
    return file.getvalue()


def loaded(data, **options):
    return load(io.BytesIO(data), **options)


def npy(header, data=b"", version=(1, 0)):
    """An .npy file with this header text, padded as NumPy pads it."""
    length_format = "<H" if version == (1, 0) else "<I"
    encoded = header.encode("utf8" if version == (3, 0) else "latin1")
    prefix = len(MAGIC) + 2 + struct.calcsize(length_format)
    padding = 64 - (prefix + len(encoded) + 1) % 64
    return MAGIC + bytes(version) + struct.pack(length_format, len(encoded) + padding + 1) + encoded \
        + b" " * padding + b"\n" + data


# --- NumPy's bytes, exactly --------------------------------------------------------------------

NUMPY_F4 = (b"\x93NUMPY\x01\x00v\x00{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2), }" + b" " * 58
            + b"\n\x00\x00\xc0?\x00\x00\x00@")
NUMPY_FORTRAN_U2 = (b"\x93NUMPY\x01\x00v\x00{'descr': '<u2', 'fortran_order': True, 'shape': (2, 3), }" + b" " * 59
                    + b"\n\x00\x00\x03\x00\x01\x00\x04\x00\x02\x00\x05\x00")
NUMPY_BOOL_0D = b"\x93NUMPY\x01\x00v\x00{'descr': '|b1', 'fortran_order': False, 'shape': (), }" + b" " * 62 + b"\n\x01"


def test_save_writes_numpys_bytes():
    assert saved(zeronn.tensor([[1.5, 2.0]], dtype="float32")) == NUMPY_F4
    fortran = zeronn.tensor([0, 3, 1, 4, 2, 5], dtype="uint16").reshape(3, 2).T  # F-contiguous: written in F order
    assert fortran.flags.f_contiguous and saved(fortran) == NUMPY_FORTRAN_U2
    assert saved(zeronn.tensor(True)) == NUMPY_BOOL_0D
    assert len(saved(zeronn.zeros(3))) % 64 == 24 and saved(zeronn.zeros(3)).index(b"\n") == 127  # data at 128


def test_load_reads_numpys_bytes_with_their_layout():
    assert loaded(NUMPY_F4).tolist() == [[1.5, 2.0]] and loaded(NUMPY_F4).dtype == "float32"
    t = loaded(NUMPY_FORTRAN_U2)
    assert t.tolist() == [[0, 1, 2], [3, 4, 5]] and t.strides == (2, 4) and t.dtype == "uint16"
    assert loaded(NUMPY_BOOL_0D).shape == () and loaded(NUMPY_BOOL_0D).item() is True


@pytest.mark.parametrize("name, values", [
    ("bool", [True, False]), ("int8", [-128, 127]), ("int16", [-(2**15), 2**15 - 1]),
    ("int32", [-(2**31), 2**31 - 1]), ("int64", [-(2**63), 2**63 - 1]), ("uint8", [0, 255]),
    ("uint16", [0, 2**16 - 1]), ("uint32", [0, 2**32 - 1]), ("uint64", [0, 2**64 - 1]),
    ("float32", [-0.0, 3.4028234663852886e38]), ("float64", [math.inf, 5e-324]),
])
def test_every_dtype_round_trips_exactly(name, values):
    t = zeronn.tensor(values, dtype=name)
    back = loaded(saved(t))
    assert back.dtype == name and back.tolist() == values
    assert [math.copysign(1, v) for v in back.tolist()] == [math.copysign(1, v) for v in values]


@given(tensors(shapes(min_dims=0, max_dims=4, min_side=0, max_side=4)), st.booleans())
def test_a_tensor_round_trips_with_its_values_and_its_order(t, transposed):
    t = t.T if transposed else t
    back = loaded(saved(t))
    assert back.shape == t.shape and back.tolist() == t.tolist() and back.dtype == t.dtype
    assert back.flags.c_contiguous == t.flags.c_contiguous or not (t.flags.c_contiguous or t.flags.f_contiguous)


def test_a_non_contiguous_view_is_written_in_c_order():
    view = zeronn.arange(12).reshape(3, 4)[:, ::2]
    assert not view.flags.c_contiguous and not view.flags.f_contiguous
    back = loaded(saved(view))
    assert back.tolist() == [[0, 2], [4, 6], [8, 10]] and back.flags.c_contiguous


@pytest.mark.parametrize("version", [(1, 0), (2, 0), (3, 0)])
def test_every_format_version_and_byte_order_is_read(version):
    big = npy("{'descr': '>i4', 'fortran_order': False, 'shape': (2,), }", struct.pack(">2i", 1, -2), version)
    assert loaded(big).tolist() == [1, -2] and loaded(big).dtype == "int32"
    little = npy("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 2), }", struct.pack("<4d", 1, 2, 3, 4), version)
    assert loaded(little).tolist() == [[1.0, 3.0], [2.0, 4.0]]
    names = npy("{'descr': 'float32', 'fortran_order': False, 'shape': (1,), }", struct.pack("<f", 0.5), version)
    assert loaded(names).tolist() == [0.5]  # anything np.dtype() reads names a dtype


def test_python_2_headers_with_long_ints_are_read():
    python_2 = npy("{'descr': '|u1', 'fortran_order': False, 'shape': (2L, 1L), }", b"\x07\x08")
    assert loaded(python_2).tolist() == [[7], [8]]


def test_arrays_saved_one_after_another_load_one_after_another(tmp_path):
    file = io.BytesIO()
    save(file, [1, 2])
    save(file, [[3.5]])
    file.seek(0)
    assert load(file).tolist() == [1, 2] and load(file).tolist() == [[3.5]]
    with pytest.raises(EOFError, match="No data left in file"):  # NumPy's error at the end
        load(file)


def test_paths_get_their_extension(tmp_path):
    save(tmp_path / "w", [1.0])
    savez(tmp_path / "n", a=[1])
    savez_compressed(str(tmp_path / "c.npz"), b=[2])
    assert sorted(path.name for path in tmp_path.iterdir()) == ["c.npz", "n.npz", "w.npy"]
    assert load(tmp_path / "w.npy").tolist() == [1.0]
    with load(tmp_path / "c.npz") as npz:
        assert npz["b"].tolist() == [2]


# --- .npz ------------------------------------------------------------------------------------

def test_savez_names_and_npzfile_reads_lazily():
    file = io.BytesIO()
    savez(file, [1, 2], [3.0], W1=[[0.5, 1.5]], b1=zeronn.zeros(2, dtype="float32"))
    file.seek(0)
    npz = load(file)
    assert isinstance(npz, NpzFile) and npz.files == ["W1", "b1", "arr_0", "arr_1"]
    assert list(npz) == npz.files and len(npz) == 4 and "W1" in npz and "W1.npy" in npz and "W9" not in npz
    assert npz["W1"].tolist() == [[0.5, 1.5]] and npz["W1.npy"].tolist() == [[0.5, 1.5]]
    assert npz["b1"].dtype == "float32" and dict(npz.items())["arr_1"].tolist() == [3.0]
    assert repr(npz) == "NpzFile '<stream>' with keys: W1, b1, arr_0, arr_1"
    with pytest.raises(KeyError, match="'W9 is not a file in the archive'"):
        npz["W9"]
    npz.close()
    npz.close()  # twice is fine
    with pytest.raises(KeyError):
        npz["W1"]  # closed


def test_npzfile_closes_the_file_it_opened(tmp_path):
    savez(tmp_path / "a.npz", **{f"x{i}": [i] for i in range(7)})
    with load(tmp_path / "a.npz") as npz:
        assert repr(npz) == f"NpzFile {str(tmp_path / 'a.npz')!r} with keys: x0, x1, x2, x3, x4..."
        inner = npz.fid
    assert inner.closed and npz.zip is None


def test_a_member_that_is_not_npy_gives_its_bytes():
    file = io.BytesIO()
    with zipfile.ZipFile(file, "w") as archive:
        archive.writestr("notes.txt", b"hello")
    file.seek(0)
    assert load(file)["notes.txt"] == b"hello"


def test_savez_refuses_a_name_given_twice():
    with pytest.raises(ValueError, match="Cannot use un-named variables and keyword arr_0"):
        savez(io.BytesIO(), [1], arr_0=[2])


# --- hostile and broken files -------------------------------------------------------------------

GOOD = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }"


@pytest.mark.parametrize("data, message", [
    (b"\x93NUMPZ\x01\x00", r"This file contains pickled \(object\) data"),  # not NumPy's magic: a pickle, as to NumPy
    (MAGIC + b"\x04\x00\x10\x00", r"we only support format version \(1,0\), \(2,0\), and \(3,0\), not \(4, 0\)"),
    (MAGIC + b"\x01\x00\xff", r"EOF: reading array header length, expected 2 bytes got 1"),
    (npy(GOOD)[:-3], r"EOF: reading array header, expected 118 bytes got 115"),
    (npy(GOOD, bytes(15)), "EOF: reading array data, expected 16 bytes got 15"),
    (npy("[1, 2]"), r"Header is not a dictionary: \[1, 2\]"),
    (npy("{'descr': '<f8', 'shape': (2,)}"), r"Header does not contain the correct keys: \['descr', 'shape'\]"),
    (npy("{'descr': '<f8', 'fortran_order': False, 'shape': [2], }"), r"shape is not valid: \[2\]"),
    (npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2.0,), }"), r"shape is not valid: \(2.0,\)"),
    (npy("{'descr': '<f8', 'fortran_order': 0, 'shape': (2,), }"), "fortran_order is not a valid bool: 0"),
    (npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, -1), }"), "negative dimensions are not allowed"),
    (npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2**63, 0), }"), "Cannot parse header"),
    (npy("{'descr': '<f8', 'fortran_order': False, 'shape': (9223372036854775808, 0), }"),
     "Maximum allowed dimension exceeded"),
    (npy("{'descr': '<f8', 'fortran_order': False, 'shape': (" + "1, " * 65 + "), }"),
     "maximum supported dimension for an ndarray is 64, found 65"),
    (npy("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (2,), }"),
     r"descr \[\('a', '<f8'\)\] is a structured dtype, which zeronn does not model"),
    (npy("{'descr': ('<f8', (2,)), 'fortran_order': False, 'shape': (2,), }"), "is a subarray dtype"),
    (npy("{'descr': '<c16', 'fortran_order': False, 'shape': (2,), }"), "descr '<c16' is not a dtype zeronn models"),
    (npy("{'descr': '<U4', 'fortran_order': False, 'shape': (2,), }"), "descr '<U4' is not a dtype zeronn models"),
    (npy("{'descr': '|O', 'fortran_order': False, 'shape': (2,), }"),
     "Object arrays cannot be loaded when allow_pickle=False"),
    (npy("{'descr': " + "(" * 5000 + "}"), "Cannot parse header"),
    (npy("{'descr': '<f8', 'fortran_order': False, 'shape': (" + "9" * 5000 + ",), }"), "Cannot parse header"),
    (npy("{'descr': __import__('os').system('echo hacked'), 'fortran_order': False, 'shape': (2,), }"),
     "Cannot parse header"),  # literal_eval evaluates literals only
    (npy(GOOD + " " * 10_000), r"Header info length \(10102\) is large and may not be safe to load securely"),
    (MAGIC + b"\x02\x00" + struct.pack("<I", 2**32 - 1) + b"{", r"Header info length \(4294967295\) is large"),
    (npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", version=(1, 0)).replace(b"<f8", b"\xe9f8"),
     "descr 'éf8' is not a dtype zeronn models"),  # latin1 in version 1.0
    (npy(GOOD, version=(3, 0)).replace(b"<f8", b"\xe9f8"), "the header is not utf8 text"),
])
def test_broken_npy_files_are_value_errors_in_numpys_words(data, message):
    with pytest.raises(ValueError, match=message):
        loaded(data)


def test_object_arrays_are_refused_even_with_allow_pickle():
    with pytest.raises(ValueError, match="object arrays cannot be loaded: zeronn has no object dtype"):
        loaded(npy("{'descr': '|O', 'fortran_order': False, 'shape': (2,), }", pickle.dumps([1, 2])), allow_pickle=True)


def test_a_tiny_file_never_costs_its_promise():
    huge = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000000,), }", bytes(64))
    with pytest.raises(ValueError, match=r"the array its header promises, shape \(1000000000000,\) of float64, "
                                         "needs at least 8,000,000,000,000 bytes"):
        loaded(huge)  # refused before a byte of data is read
    started = time.process_time()
    for shape in ("(5000000,)", "(10000000,)"):  # 40 and 80 MB promised, 64 bytes there: read, then refused
        with pytest.raises(ValueError, match="EOF: reading array data, expected .* bytes got 64"):
            loaded(npy("{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }", bytes(64)))
    assert time.process_time() - started < 1.0


def test_options_numpy_has_and_zeronn_cannot_honour_are_refused():
    with pytest.raises(ValueError, match="mmap_mode='r' is not supported: zeronn reads the whole array into memory"):
        loaded(NUMPY_F4, mmap_mode="r")
    with pytest.raises(ValueError, match="encoding must be 'ASCII', 'latin1', or 'bytes'"):
        loaded(NUMPY_F4, encoding="utf8")
    with pytest.raises(EOFError, match="No data left in file"):
        loaded(b"")


def test_pickles_go_through_the_safe_reader_only_when_allowed(tmp_path):
    data = pickle.dumps({"W1": [1.5]}, protocol=4)
    with pytest.raises(ValueError, match=r"contains pickled \(object\) data: load\(file, allow_pickle=True\)"):
        loaded(data)
    assert loaded(data, allow_pickle=True) == {"W1": [1.5]}
    hostile = tmp_path / "evil.npy"
    hostile.write_bytes(b"cos\nsystem\n(S'touch hacked'\ntR.")
    with pytest.raises(pickle.UnpicklingError, match=r"evil.npy: at byte 0: global 'os.system' is forbidden"):
        load(hostile, allow_pickle=True)
    assert not (tmp_path / "hacked").exists()
    python_2 = b"S'\\xc0?'\n."  # Python 2's str, read as pickle.load(f, encoding=...) reads it
    assert loaded(python_2, allow_pickle=True, encoding="latin1") == "\xc0?"
    assert loaded(python_2, allow_pickle=True, encoding="bytes") == b"\xc0?"
    with pytest.raises(pickle.UnpicklingError, match="'ascii' codec can't decode byte 0xc0"):
        loaded(python_2, allow_pickle=True)  # NumPy's default, "ASCII", fails on it too


def npz_of(**members):
    file = io.BytesIO()
    savez_compressed(file, **members)
    return file.getvalue()


def test_a_zip_member_cannot_claim_more_than_deflate_can_give():
    data = bytearray(npz_of(x=zeronn.zeros(100)))
    central = data.rindex(b"PK\x01\x02")  # the central directory's entry: sizes at +20 (compressed) and +24
    compressed = struct.unpack("<I", data[central + 20: central + 24])[0]
    if compressed == 0xFFFFFFFF:  # zip64 (NumPy forces it): the sizes are in the extra field
        pytest.skip("the sizes are in a zip64 extra field")
    data[central + 24: central + 28] = struct.pack("<I", 1033 * compressed + 1)
    with pytest.raises(BadNpzFile, match=r"claims [\d,]+ bytes from \d+: more than deflate can give"):
        load(io.BytesIO(bytes(data)))


def test_members_that_share_their_compressed_data_are_refused():
    """The "overlapping files" zip bomb: many central-directory entries point at one member."""
    one = io.BytesIO()
    with zipfile.ZipFile(one, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("x.npy", saved(zeronn.zeros(1000)))
    data = one.getvalue()
    start = data.index(b"PK\x01\x02")
    end_record = data.index(b"PK\x05\x06")
    entry = data[start:end_record]
    copies = [entry.replace(b"x.npy", f"{i}.npy".encode()[-5:].rjust(5, b"y")) for i in range(50)]
    directory = b"".join(copies)
    end = bytearray(data[end_record:])
    end[8:10] = end[10:12] = struct.pack("<H", 50)
    end[12:16] = struct.pack("<I", len(directory))
    end[16:20] = struct.pack("<I", start)
    bomb = data[:start] + directory + bytes(end)
    with pytest.raises(BadNpzFile, match="members share their data"):
        load(io.BytesIO(bomb))


def test_other_compression_methods_and_broken_archives_are_refused():
    file = io.BytesIO()
    with zipfile.ZipFile(file, "w", zipfile.ZIP_BZIP2) as archive:
        archive.writestr("x.npy", saved(zeronn.zeros(3)))
    with pytest.raises(BadNpzFile, match="compressed with method 12: NumPy's savez writes members stored or deflated"):
        load(io.BytesIO(file.getvalue()))
    with pytest.raises(BadNpzFile, match="not a readable .npz archive") as caught:
        loaded(b"PK\x03\x04" + bytes(100))
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, zipfile.BadZipFile)
    corrupt = bytearray(npz_of(x=zeronn.arange(100.0)))
    corrupt[corrupt.index(b"PK\x01\x02") - 30] ^= 0xFF  # a byte of the deflated data
    with pytest.raises(BadNpzFile):
        loaded(bytes(corrupt))["x"]


def test_a_member_that_promises_more_than_it_holds_fails_at_its_end():
    file = io.BytesIO()
    with zipfile.ZipFile(file, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("x.npy", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (10000000,), }", bytes(800)))
    started = time.process_time()
    with pytest.raises(ValueError, match="x.npy: EOF: reading array data, expected 80000000 bytes got 800"):
        loaded(file.getvalue())["x"]
    assert time.process_time() - started < 1.0


# --- against NumPy ---------------------------------------------------------------------------------

NUMPY_DTYPES = ["?", "i1", "<i2", ">i2", "<i4", ">i4", "<i8", "u1", "<u2", ">u4", "<u8", ">u8", "<f4", ">f4", "<f8",
                ">f8"]


@pytest.mark.oracle
@pytest.mark.parametrize("code", NUMPY_DTYPES)
@pytest.mark.parametrize("order", ["C", "F"])
def test_numpy_files_load_in_zeronn_and_zeronn_files_in_numpy(code, order):
    numpy = pytest.importorskip("numpy")
    original = numpy.arange(24).reshape(2, 3, 4).astype(code, order=order)
    if code == "?":
        original = original % 3 == 0
    file = io.BytesIO()
    numpy.save(file, original)
    ours = loaded(file.getvalue())
    assert ours.tolist() == original.tolist() and ours.strides == original.strides
    assert ours.dtype == numpy.dtype(code).name
    back = numpy.load(io.BytesIO(saved(ours)))
    assert back.tolist() == original.tolist() and back.dtype == original.dtype.newbyteorder("<")  # zeronn writes "<"
    assert back.flags.f_contiguous == original.flags.f_contiguous
    if code[0] != ">":  # NumPy writes the native (little-endian) order; so does zeronn, byte for byte
        assert saved(ours) == file.getvalue()


@pytest.mark.oracle
@pytest.mark.parametrize("version", [(1, 0), (2, 0), (3, 0)])
def test_every_version_numpy_writes(version):
    numpy = pytest.importorskip("numpy")
    from numpy.lib import format as numpy_format

    array = numpy.array([[1.5, -2.0]], dtype=">f8")
    file = io.BytesIO()
    numpy_format.write_array(file, array, version=version)
    assert loaded(file.getvalue()).tolist() == [[1.5, -2.0]]


@pytest.mark.oracle
@pytest.mark.parametrize("compressed", [False, True])
def test_npz_files_go_both_ways(compressed):
    numpy = pytest.importorskip("numpy")
    write_numpy = numpy.savez_compressed if compressed else numpy.savez
    write_zeronn = savez_compressed if compressed else savez
    arrays = {"W1": numpy.arange(6, dtype="<f4").reshape(2, 3), "b1": numpy.zeros(0), "t": numpy.array(True),
              "F": numpy.asfortranarray(numpy.arange(4, dtype="u1").reshape(2, 2))}
    file = io.BytesIO()
    write_numpy(file, *arrays.values(), **arrays)
    file.seek(0)
    with load(file) as npz:
        assert npz.files == list(arrays) + ["arr_0", "arr_1", "arr_2", "arr_3"]
        for name, array in arrays.items():
            assert npz[name].tolist() == array.tolist() and npz[name].strides == array.strides, name
        mine = io.BytesIO()
        write_zeronn(mine, **{name: npz[name] for name in npz.files})
    mine.seek(0)
    with numpy.load(mine) as back:
        for name, array in arrays.items():
            assert back[name].tolist() == array.tolist() and back[name].dtype == array.dtype, name
            assert back[name].flags.f_contiguous == array.flags.f_contiguous, name


@pytest.mark.oracle
def test_the_header_checks_are_numpys():
    numpy = pytest.importorskip("numpy")
    for header, data in [("{'descr': '<f8', 'fortran_order': 0, 'shape': (2,), }", b""),
                         ("{'descr': '<f8', 'shape': (2,)}", b""), ("[1, 2]", b""),
                         ("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", bytes(15)),
                         ("{'descr': '|O', 'fortran_order': False, 'shape': (2,), }", b""),
                         (GOOD + " " * 10_000, bytes(16))]:
        with pytest.raises(ValueError):
            numpy.load(io.BytesIO(npy(header, data)))
        with pytest.raises(ValueError):
            loaded(npy(header, data))
