"""PNG images: every filter, colour type and bit depth read back exactly, the book's two
pictures read as matplotlib reads them, and every broken or hostile file refused at once.

The PNG files here are written by a small encoder below (each row under the filter
chosen for it), so that each case of the format is plain to read; the oracle tests at
the end compare with matplotlib's ``imread`` (through Pillow) where it is installed.
"""

import io
import struct
import sys
import time
import zlib

import pytest
from conftest import SHARED_DATA

import zeronn
from zeronn.casting import round_float32
from zeronn.io.png import SIGNATURE, imread, read_png, write_png

BOOK = SHARED_DATA.parent / "book"


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def ihdr(width, height, bit_depth=8, colour_type=0, interlace=0):
    return chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, interlace))


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def predicted(kind, row, previous, i, step):
    """What filter ``kind`` predicts byte ``i`` of ``row`` to be (the encoder stores the difference)."""
    left = row[i - step] if i >= step else 0
    upper_left = previous[i - step] if i >= step else 0
    return [0, left, previous[i], (left + previous[i]) // 2, paeth(left, previous[i], upper_left)][kind]


def filtered(rows, kinds, step):
    """Each row of raw bytes under its filter (0 None, 1 Sub, 2 Up, 3 Average, 4 Paeth), as an encoder writes it."""
    out, previous = b"", bytes(len(rows[0]))
    for row, kind in zip(rows, kinds):
        out += bytes([kind]) + bytes((row[i] - predicted(kind, row, previous, i, step)) & 0xFF for i in range(len(row)))
        previous = row
    return out


def png(rows, width, kinds=None, bit_depth=8, colour_type=0, extra=b"", step=1, split=1):
    data = zlib.compress(filtered(rows, kinds or [0] * len(rows), step))
    parts = [data[i * len(data) // split:(i + 1) * len(data) // split] for i in range(split)]
    return (SIGNATURE + ihdr(width, len(rows), bit_depth, colour_type) + extra
            + b"".join(chunk(b"IDAT", part) for part in parts) + chunk(b"IEND", b""))


def read(data):
    return read_png(io.BytesIO(data))


# --- the format, case by case --------------------------------------------------------------------

RGB_ROWS = [bytes([10, 200, 30, 250, 5, 128, 0, 0, 255]), bytes([9, 201, 29, 251, 6, 127, 1, 255, 0]),
            bytes([255, 255, 255, 0, 0, 0, 128, 64, 32]), bytes([1, 2, 3, 4, 5, 6, 7, 8, 9])]


@pytest.mark.parametrize("kinds", [[0, 0, 0, 0], [1, 1, 1, 1], [2, 2, 2, 2], [3, 3, 3, 3], [4, 4, 4, 4],
                                   [4, 3, 2, 1]], ids=["none", "sub", "up", "average", "paeth", "mixed"])
def test_every_filter_is_undone(kinds):
    t = read(png(RGB_ROWS, 3, kinds, colour_type=2, step=3, split=3))  # the zlib stream over three IDAT chunks
    assert t.shape == (4, 3, 3) and t.dtype == "uint8"
    assert t.to_flat_list() == list(b"".join(RGB_ROWS))


@pytest.mark.parametrize("bit_depth, values", [(1, [1, 0, 1, 1, 0, 0, 1, 0, 1]), (2, [3, 0, 2, 1, 3, 3, 0, 1, 2]),
                                               (4, [15, 0, 7, 8, 1, 14, 2, 13, 9])])
def test_grey_below_8_bits_is_unpacked_highest_bits_first(bit_depth, values):
    per_byte = 8 // bit_depth
    packed = bytearray()
    for start in range(0, len(values), per_byte):
        group = values[start:start + per_byte] + [0] * (per_byte - len(values[start:start + per_byte]))
        packed.append(sum(value << (8 - bit_depth * (k + 1)) for k, value in enumerate(group)))
    t = read(png([bytes(packed)] * 2, 9, [1, 2], bit_depth=bit_depth))
    assert t.shape == (2, 9) and t.tolist() == [values, values]
    top = (1 << bit_depth) - 1 if bit_depth > 1 else 1
    assert imread(io.BytesIO(png([bytes(packed)], 9, bit_depth=bit_depth))).tolist() == [
        [round_float32(value / top) for value in values]]


def test_16_bits_are_big_endian_and_colour_keeps_the_high_byte():
    row = struct.pack(">6H", 0, 65535, 256, 1, 32768, 257)
    grey = read(png([row], 6, [1], bit_depth=16, step=2))
    assert grey.dtype == "uint16" and grey.tolist() == [[0, 65535, 256, 1, 32768, 257]]
    assert imread(io.BytesIO(png([row], 6, bit_depth=16))).tolist() == [
        [0.0, 1.0, round_float32(256 / 65535), round_float32(1 / 65535),
         round_float32(32768 / 65535), round_float32(257 / 65535)]]
    rgb = imread(io.BytesIO(png([row], 2, [4], bit_depth=16, colour_type=2, step=6)))
    assert rgb.shape == (1, 2, 3) and (rgb * 255).tolist() == [[[0.0, 255.0, 1.0], [0.0, 128.0, 1.0]]]


def test_palettes_grey_with_alpha_and_rgba_become_rgba():
    palette = chunk(b"PLTE", bytes([255, 0, 0, 0, 255, 0, 0, 0, 255])) + chunk(b"tRNS", bytes([0, 128]))
    indexed = png([bytes([0, 1, 2, 1])], 4, extra=palette, colour_type=3)
    assert read(indexed).tolist() == [[0, 1, 2, 1]]
    assert (imread(io.BytesIO(indexed)) * 255).tolist() == [[[255, 0, 0, 0], [0, 255, 0, 128], [0, 0, 255, 255],
                                                             [0, 255, 0, 128]]]
    grey_alpha = imread(io.BytesIO(png([bytes([51, 255, 0, 0])], 2, colour_type=4, step=2)))
    assert (grey_alpha * 255).tolist() == [[[51, 51, 51, 255], [0, 0, 0, 0]]]
    rgba = imread(io.BytesIO(png([bytes([1, 2, 3, 4])], 1, colour_type=6, step=4)))
    assert (rgba * 255).tolist() == [[[1, 2, 3, 4]]]


def test_ancillary_chunks_are_skipped_and_write_png_round_trips(tmp_path):
    extra = chunk(b"tIME", bytes(7)) + chunk(b"pHYs", bytes(9)) + chunk(b"tEXt", b"Comment\x00hello")
    assert read(png([bytes([7, 8])], 2, extra=extra)).tolist() == [[7, 8]]
    for pixels in ([[0, 255], [51, 102]], [[[1, 2, 3], [4, 5, 6]]], [[[1, 2, 3, 4]]]):
        t = zeronn.tensor(pixels, dtype="uint8")
        write_png(tmp_path / "x.png", t)
        assert read_png(tmp_path / "x.png").tolist() == pixels
    assert imread(tmp_path / "x.png", format="png").shape == (1, 1, 4)
    with pytest.raises(ValueError, match="imread reads PNG images only, not format='jpg'"):
        imread(tmp_path / "x.png", format="jpg")


@pytest.mark.skipif(not BOOK.is_dir(), reason="the book's code is not in ../shared/book")
def test_the_books_pictures():
    lena = imread(BOOK / "dataset" / "lena.png")
    grey = imread(BOOK / "dataset" / "lena_gray.png")
    assert lena.shape == (256, 256, 3) and grey.shape == (256, 256) and lena.dtype == grey.dtype == "float32"
    # matplotlib.image.imread's numbers for the first pixels, written down:
    assert lena[0, 0].tolist() == [0.8745098114013672, 0.529411792755127, 0.4745098054409027]
    assert grey[0, :3].tolist() == [0.6352941393852234, 0.6352941393852234, 0.6352941393852234]


# --- broken and hostile files --------------------------------------------------------------------

GOOD = png([bytes([1, 2])], 2)


@pytest.mark.parametrize("data, message", [
    (b"GIF89a" + bytes(20), r"not a PNG file: it starts b'GIF89a\\x00\\x00', not"),
    (SIGNATURE + chunk(b"IDAT", b""), "the first chunk is b'IDAT', not IHDR"),
    (SIGNATURE + chunk(b"IHDR", bytes(12)), "IHDR has 12 bytes, not 13"),
    (SIGNATURE + ihdr(2, 1, bit_depth=16, colour_type=3), "colour type 3 with bit depth 16 is not a PNG's"),
    (SIGNATURE + ihdr(2, 1, colour_type=5), "colour type 5 with bit depth 8 is not a PNG's"),
    (SIGNATURE + ihdr(2, 1, interlace=1), r"interlaced \(Adam7\) PNG images are not supported"),
    (SIGNATURE + ihdr(0, 1), "an image of 0 x 1 pixels: each side must be 1 to 2\\*\\*31 - 1"),
    (SIGNATURE + ihdr(20_000, 20_000), "an image of 20000 x 20000 pixels: more than 178,956,970, Pillow's limit"),
    (GOOD[:40], "truncated"),
    (GOOD[:33] + struct.pack(">I", 2**31 - 2) + b"IDAT" + bytes(10), "the b'IDAT' chunk needs 2,147,483,646 bytes, "
                                                                    "the file has 10"),
    (GOOD[:33] + struct.pack(">I", 2**32 - 1) + b"IDAT", "a chunk of 4,294,967,295 bytes: at most 2,147,483,647"),
    (GOOD[:-1] + bytes([GOOD[-1] ^ 1]), "bad CRC in the b'IEND' chunk: the file is corrupt"),
    (GOOD[:-12], "truncated: a chunk's header is cut short"),
    (png([bytes([1, 2])], 2, extra=chunk(b"ABCD", b"")), "a critical chunk b'ABCD' that this reader does not know"),
    (png([bytes([0])], 1, colour_type=3), "a palette image needs a PLTE chunk of 1 to 256 colours, found 0 bytes"),
    (SIGNATURE + ihdr(2, 2) + chunk(b"IDAT", zlib.compress(b"\x00\x01\x02")) + chunk(b"IEND", b""),
     "truncated: the image data inflates to 3 bytes, the header promises 6"),
    (SIGNATURE + ihdr(2, 1) + chunk(b"IDAT", zlib.compress(b"\x05\x01\x02")) + chunk(b"IEND", b""),
     "row 0 has filter type 5: PNG has 0 to 4"),
    (SIGNATURE + ihdr(2, 1) + chunk(b"IDAT", b"not zlib") + chunk(b"IEND", b""), "corrupt image data"),
])
def test_broken_pngs_are_value_errors_naming_what_is_wrong(data, message):
    with pytest.raises(ValueError, match=message):
        read(data)


def test_a_zlib_bomb_stops_at_what_the_header_promises():
    bomb = zlib.compress(bytes(200 << 20), 9)  # 200 MB of zeros in about 200 KB
    data = SIGNATURE + ihdr(1000, 1000) + chunk(b"IDAT", bomb) + chunk(b"IEND", b"")
    started = time.process_time()
    with pytest.raises(ValueError, match=r"inflates to more than the 1,001,000 bytes its header promises"):
        read(data)
    assert len(data) < 300_000 and time.process_time() - started < 1.0


def test_a_header_beyond_memory_is_refused_before_any_data(monkeypatch):
    import zeronn.dtypes

    monkeypatch.setattr(zeronn.dtypes, "memory_limit", lambda: (10 << 20, "this process's memory limit"))
    with pytest.raises(ValueError, match=r"an image of 5000 x 5000 pixels needs at least 100,000,000 bytes"):
        read(SIGNATURE + ihdr(5000, 5000) + chunk(b"IEND", b""))


def test_write_png_refuses_what_png_cannot_hold():
    for pixels in (zeronn.zeros((2, 2)), zeronn.zeros((2, 2, 2), dtype="uint8"), zeronn.zeros(3, dtype="uint8"),
                   zeronn.zeros((0, 2), dtype="uint8")):
        with pytest.raises(ValueError, match="write_png takes uint8 pixels of shape"):
            write_png(io.BytesIO(), pixels)


# --- against matplotlib -----------------------------------------------------------------------------

@pytest.mark.oracle
@pytest.mark.parametrize("mode, options", [("RGB", {}), ("RGBA", {"optimize": True}), ("L", {}), ("LA", {}),
                                           ("1", {}), ("P", {}), ("P", {"bits": 4}), ("I;16", {})])
def test_pillows_pngs_read_as_matplotlib_reads_them(mode, options):
    numpy = pytest.importorskip("numpy")
    image_module = pytest.importorskip("matplotlib.image")
    pil = pytest.importorskip("PIL.Image")
    rng = numpy.random.default_rng(sys.hash_info.width)
    pixels = rng.integers(0, 256, (17, 13, 4), dtype=numpy.uint8)
    if mode == "I;16":
        picture = pil.fromarray(rng.integers(0, 65536, (9, 7)).astype(numpy.uint16))
    elif mode in ("1", "P"):
        picture = pil.fromarray(pixels[..., :3]).convert(mode)
    else:
        picture = pil.fromarray(pixels[..., 0] if mode == "L" else pixels[..., :len(mode)], mode)
    file = io.BytesIO()
    picture.save(file, format="PNG", **options)
    expected = image_module.imread(io.BytesIO(file.getvalue()))
    ours = imread(io.BytesIO(file.getvalue()))
    assert ours.shape == expected.shape and ours.dtype == "float32"
    assert ours.tolist() == expected.tolist()


@pytest.mark.oracle
@pytest.mark.skipif(not BOOK.is_dir(), reason="the book's code is not in ../shared/book")
@pytest.mark.parametrize("name", ["lena.png", "lena_gray.png"])
def test_the_books_pictures_as_matplotlib_reads_them(name):
    image_module = pytest.importorskip("matplotlib.image")
    assert imread(BOOK / "dataset" / name).tolist() == image_module.imread(BOOK / "dataset" / name).tolist()
