"""MNIST's IDX files: made inside the tests, read back, and every corruption refused."""

import gzip
import io
import json
import struct
import subprocess
import sys
import textwrap

import pytest
from conftest import SHARED_DATA, child_environment

from zeronn.io.datasets import _Prefixed, load_mnist, load_mnist_split, read_idx

IMAGES = [[[0, 255], [51, 102]], [[1, 2], [3, 4]], [[255, 255], [0, 0]]]
LABELS = [7, 0, 9]


def idx_images(images):
    count, rows, columns = len(images), len(images[0]), len(images[0][0])
    pixels = bytes(p for image in images for row in image for p in row)
    return struct.pack(">IIII", 0x803, count, rows, columns) + pixels


def idx_labels(labels):
    return struct.pack(">II", 0x801, len(labels)) + bytes(labels)


def write_mnist(directory, split_names=("t10k", "train"), compress=True):
    for prefix in split_names:
        for kind, payload in (("images-idx3", idx_images(IMAGES)), ("labels-idx1", idx_labels(LABELS))):
            name = f"{prefix}-{kind}-ubyte"
            data = gzip.compress(payload) if compress else payload
            (directory / (name + (".gz" if compress else ""))).write_bytes(data)
    return directory


@pytest.mark.parametrize("compress", [True, False])
def test_read_idx_round_trips_images_and_labels(tmp_path, compress):
    for name, payload, expected in (("i", idx_images(IMAGES), IMAGES), ("l", idx_labels(LABELS), LABELS)):
        path = tmp_path / name
        path.write_bytes(gzip.compress(payload) if compress else payload)
        t = read_idx(path)
        assert t.tolist() == expected and t.dtype == "uint8"


CORRUPTIONS = [
    ("wrong magic", lambda raw: struct.pack(">I", 0x804) + raw[4:], "magic number 0x804, expected 0x801 or 0x803"),
    ("too short", lambda raw: raw[:3], "truncated: 3 bytes, too short"),
    ("truncated header", lambda raw: raw[:10], "truncated: the header needs 16 bytes, the file has 10"),
    ("truncated data", lambda raw: raw[:-1], r"truncated: the header promises 12 bytes of data \(3, 2, 2\), found 11"),
    ("trailing garbage", lambda raw: raw + b"xyz", "3 bytes of trailing garbage"),
]


@pytest.mark.parametrize("label, corrupt, message", CORRUPTIONS, ids=[c[0] for c in CORRUPTIONS])
def test_each_corruption_is_a_clear_error_naming_the_file(tmp_path, label, corrupt, message):
    path = tmp_path / "images.gz"
    path.write_bytes(gzip.compress(corrupt(idx_images(IMAGES))))
    with pytest.raises(ValueError, match=f"images.gz: .*{message}"):
        read_idx(path)


def test_a_corrupt_gzip_stream_is_a_clear_error(tmp_path):
    path = tmp_path / "labels.gz"
    path.write_bytes(gzip.compress(idx_labels(LABELS))[:-6])
    with pytest.raises(ValueError, match="labels.gz: corrupt gzip stream"):
        read_idx(path)


# ---------------------------------------------------------------------------
# Hostile files: headers that promise more than memory holds (special files: test_files.py)
# ---------------------------------------------------------------------------


def test_trailing_garbage_is_counted_without_reading_it_all(tmp_path):
    path = tmp_path / "labels"
    path.write_bytes(idx_labels(LABELS) + bytes(3 << 20))
    with pytest.raises(ValueError, match=r"more than 1048576 bytes of trailing garbage after the data \(3,\)"):
        read_idx(path)
    path.write_bytes(idx_labels(LABELS) + bytes(1 << 20))  # exactly as much as is looked at: counted
    with pytest.raises(ValueError, match=r": 1048576 bytes of trailing garbage after the data \(3,\)"):
        read_idx(path)


BOMB = textwrap.dedent(r"""
    import gzip, json, resource, struct, sys, time, zlib
    resource.setrlimit(resource.RLIMIT_AS, (500 << 20, 500 << 20))
    from zeronn.io.datasets import read_idx
    results = {}
    # 1 MB of gzip that inflates to 1 GB, behind a header that promises all of it
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    header = struct.pack(">IIII", 0x803, 1000, 1000, 1000)
    stream = compressor.compress(header) + b"".join(compressor.compress(bytes(1 << 20)) for _ in range(1000))
    stream += compressor.flush()
    # the same zeros behind a header that promises 100 bytes
    small = gzip.compress(struct.pack(">II", 0x801, 100) + bytes(200 << 20))
    for name, data in (("promises a gigabyte", stream), ("promises 100 bytes", small)):
        path = sys.argv[1] + "/" + name.replace(" ", "-")
        open(path, "wb").write(data)
        started = time.process_time()
        try:
            read_idx(path)
            results[name] = "loaded"
        except ValueError as error:
            results[name] = str(error)
        results[name + " seconds"] = time.process_time() - started
    results["compressed bytes"] = len(stream)
    print(json.dumps(results))
""")


def test_a_gzip_bomb_stops_at_what_the_header_promises_and_memory_allows(tmp_path):
    environment = child_environment()
    run = subprocess.run([sys.executable, "-c", BOMB, str(tmp_path)], capture_output=True, text=True,
                         env=environment, timeout=60)
    assert run.returncode == 0, run.stderr[-2000:]
    results = json.loads(run.stdout)
    assert results["compressed bytes"] < 2 << 20
    assert "the data its header promises, shape (1000, 1000, 1000), needs at least 1,000,000,000 bytes" in results[
        "promises a gigabyte"]  # refused before a byte of data is inflated
    assert "more than 1048576 bytes of trailing garbage after the data (100,)" in results["promises 100 bytes"]
    assert results["promises a gigabyte seconds"] < 1 and results["promises 100 bytes seconds"] < 1


def test_load_mnist_returns_the_books_tuples(tmp_path):
    (x_train, t_train), (x_test, t_test) = load_mnist(write_mnist(tmp_path))
    assert x_train.shape == x_test.shape == (3, 4) and t_test.tolist() == LABELS
    assert x_test.dtype == "float32" and t_test.dtype == "uint8"  # the book's dtypes with NumPy
    # float32(k) / 255 in float32, NumPy's answers written down:
    assert x_test[0].tolist() == [0.0, 1.0, 0.20000000298023224, 0.4000000059604645]
    assert x_test[1].tolist() == [0.003921568859368563, 0.007843137718737125, 0.0117647061124444, 0.01568627543747425]


def test_load_mnist_split_options(tmp_path):
    write_mnist(tmp_path, split_names=("t10k",), compress=False)
    x, t = load_mnist_split(tmp_path, "test", normalize=False, flatten=False, one_hot_label=True)
    assert x.shape == (3, 1, 2, 2) and x.tolist()[0] == [IMAGES[0]]
    assert t.tolist()[0] == [0.0] * 7 + [1.0, 0.0, 0.0] and t.shape == (3, 10)


def test_images_are_kept_compact(tmp_path):
    x, _ = load_mnist_split(write_mnist(tmp_path), "test")
    raw, _ = load_mnist_split(tmp_path, "test", normalize=False)
    # Four bytes a normalised pixel and one a raw one, as NumPy keeps them.
    assert x.dtype.itemsize == 4 and x.strides == (16, 4)
    assert raw.dtype.itemsize == 1 and raw.strides == (4, 1)


def test_missing_files_name_the_file_and_where_mnist_lives(tmp_path):
    write_mnist(tmp_path, split_names=("t10k",))
    with pytest.raises(FileNotFoundError, match=r"train-images-idx3-ubyte.gz .* not found in .*yann.lecun.com"):
        load_mnist(tmp_path)
    with pytest.raises(ValueError, match="split must be 'train' or 'test'"):
        load_mnist_split(tmp_path, "validation")


def test_labels_that_are_not_digits_cannot_be_one_hot(tmp_path):
    write_mnist(tmp_path, split_names=("t10k",))
    (tmp_path / "t10k-labels-idx1-ubyte.gz").write_bytes(gzip.compress(idx_labels([1, 2, 12])))
    with pytest.raises(ValueError, match=r"label 12 at \[2\] is not a digit"):
        load_mnist_split(tmp_path, "test", one_hot_label=True)


MNIST = SHARED_DATA / "mnist"


@pytest.mark.skipif(not (MNIST / "train-labels-idx1-ubyte.gz").exists(), reason=f"MNIST is not at {MNIST}")
def test_the_real_training_labels_start_as_published():
    labels = read_idx(MNIST / "train-labels-idx1-ubyte.gz")
    assert labels.shape == (60000,) and labels[:10].tolist() == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]


def test_the_sniffed_head_is_read_back_before_the_stream():
    stream = _Prefixed(b"abc", io.BytesIO(b"defg"))
    assert stream.read(0) == b"" and stream.read(2) == b"ab"  # read(0) takes nothing, from the head either
    assert stream.read(3) == b"cde" and stream.read(-1) == b"fg" and stream.read(5) == b""
    assert _Prefixed(b"abc", io.BytesIO(b"defg")).read(-1) == b"abcdefg"  # all: the head, then the rest
    assert _Prefixed(b"abc", io.BytesIO(b"defg")).read(5) == b"abcde"
