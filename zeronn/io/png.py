"""PNG images, read and written with the standard library's zlib: ``read_png``, ``imread``, ``write_png``.

A PNG file (https://www.w3.org/TR/png/) is an 8-byte signature and then chunks, each a
4-byte length, a 4-byte type, the data and a CRC: ``IHDR`` (width, height, bit depth,
colour type, interlace), ``PLTE`` (a palette), ``tRNS`` (the palette's transparency),
``IDAT`` (one zlib stream, split over as many chunks as the writer likes) and ``IEND``.
The inflated stream is one scanline per row, each a filter byte (0 None, 1 Sub, 2 Up,
3 Average, 4 Paeth: how each byte was predicted from its left and upper neighbours)
and the row's samples, packed big-endian at 1, 2, 4, 8 or 16 bits.

- ``read_png(file)``: the samples as stored, a ``uint8`` tensor (``uint16`` for 16-bit
  images) of shape (height, width) for grey, (height, width, channels) otherwise; a
  palette image gives its indices, expanded by ``imread``;
- ``imread(file)``: what ``matplotlib.image.imread`` gives for a PNG: float32 in [0, 1],
  (H, W) for grey, (H, W, 3) for RGB, (H, W, 4) for RGBA, grey with alpha and palettes;
- ``write_png(file, pixels)``: a ``uint8`` tensor as an 8-bit grey, RGB or RGBA PNG.

Bounded by the file, as every reader here: each chunk's length is checked against the
bytes there and its CRC against its data; the image may have at most Pillow's limit of
pixels (178,956,970) and must fit in memory, asked before anything is made; the zlib
stream is inflated a piece at a time and never past the bytes the header promises.
Interlaced (Adam7) images are refused by name.

>>> import io
>>> file = io.BytesIO()
>>> write_png(file, as_tensor([[0, 255], [51, 102]], "uint8"))
>>> _ = file.seek(0); imread(file)
tensor([[0. , 1. ],
        [0.2, 0.4]], dtype=float32)
"""

from __future__ import annotations

__all__ = ["read_png", "imread", "write_png"]

import os
import struct
import sys
import zlib
from array import array
from typing import IO, Any, Iterator, List, Optional, Tuple, Union

from ..casting import round_float32
from ..core import Tensor, as_tensor, elements
from ..dtypes import check_fits, float32, uint8, uint16
from .datasets import normalize_pixels
from .files import brief, open_regular

PathOrFile = Union[str, "os.PathLike[str]", IO[bytes]]

SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_PIXELS = 2 * 89_478_485  # Pillow's: beyond it, Image.open raises DecompressionBombError
_MAX_CHUNK = (1 << 31) - 1  # the PNG specification's limit on a chunk's length
# colour type: (name, channels, the bit depths it may have)
_COLOUR_TYPES = {
    0: ("grey", 1, (1, 2, 4, 8, 16)),
    2: ("RGB", 3, (8, 16)),
    3: ("palette", 1, (1, 2, 4, 8)),
    4: ("grey with alpha", 2, (8, 16)),
    6: ("RGBA", 4, (8, 16)),
}
_PIECE = 1 << 20


class _Header:
    """What ``IHDR`` says: the size, the sample layout, the colour type."""

    __slots__ = ("width", "height", "bit_depth", "colour_type", "channels")

    def __init__(self, data: bytes, name: str) -> None:
        if len(data) != 13:
            raise ValueError(f"{name}: IHDR has {len(data)} bytes, not 13")
        width, height, bit_depth, colour_type, compression, filtering, interlace = struct.unpack(">IIBBBBB", data)
        if colour_type not in _COLOUR_TYPES or bit_depth not in _COLOUR_TYPES[colour_type][2]:
            raise ValueError(f"{name}: colour type {colour_type} with bit depth {bit_depth} is not a PNG's")
        if compression != 0 or filtering != 0:
            raise ValueError(f"{name}: compression method {compression}, filter method {filtering}: PNG has only 0")
        if interlace != 0:
            raise ValueError(f"{name}: interlaced (Adam7) PNG images are not supported; save it without interlacing")
        if not 0 < width < 2**31 or not 0 < height < 2**31:
            raise ValueError(f"{name}: an image of {width} x {height} pixels: each side must be 1 to 2**31 - 1")
        if width * height > MAX_PIXELS:
            raise ValueError(f"{name}: an image of {width} x {height} pixels: more than {MAX_PIXELS:,}, Pillow's limit "
                             "(a decompression bomb?)")
        self.width: int = width
        self.height: int = height
        self.bit_depth: int = bit_depth
        self.colour_type: int = colour_type
        self.channels: int = _COLOUR_TYPES[colour_type][1]

    @property
    def row_bytes(self) -> int:
        """The bytes of one row's samples, without its filter byte."""
        return (self.width * self.channels * self.bit_depth + 7) // 8

    @property
    def pixel_bytes(self) -> int:
        """How far back the Sub, Average and Paeth filters look: one pixel, at least a byte."""
        return max(1, self.channels * self.bit_depth // 8)


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------


def read_png(file: PathOrFile) -> Tensor:
    """The samples of a PNG image, as stored: ``uint8`` (``uint16`` at 16 bits per sample),
    shape (height, width) for grey and palette indices, (height, width, channels) otherwise.

    Raises ``ValueError`` for anything that is not a PNG this reader can read, naming
    the file: a wrong signature, a bad CRC, a chunk longer than the file, an image too
    large, an interlaced one, a truncated or corrupt zlib stream.

    >>> import io
    >>> file = io.BytesIO(); write_png(file, as_tensor([[[255, 0, 0], [0, 0, 255]]], "uint8"))
    >>> _ = file.seek(0); read_png(file)
    tensor([[[255,   0,   0],
             [  0,   0, 255]]], dtype=uint8)
    >>> read_png(io.BytesIO(b"GIF89a"))
    Traceback (most recent call last):
    ...
    ValueError: <stream>: not a PNG file: it starts b'GIF89a', not b'\\x89PNG\\r\\n\\x1a\\n'
    """
    samples, _, _ = _read(file)
    return samples


def imread(fname: PathOrFile, format: Optional[str] = None) -> Tensor:
    """A PNG image as ``matplotlib.image.imread`` gives it: float32 in [0, 1].

    Grey gives (H, W), divided by 1, 3, 15, 255 or 65,535 for 1, 2, 4, 8 or 16 bits (a
    1-bit image is 0 or 1); RGB (H, W, 3); RGBA, grey with alpha and palette images
    (H, W, 4), the last two made RGBA as Pillow makes them. Of 16-bit colour, Pillow
    keeps the high byte, and so does this. Only PNG is read (matplotlib reads other
    formats through Pillow, as uint8): ``format`` may be ``None`` or ``"png"``.

    >>> import io
    >>> file = io.BytesIO(); write_png(file, as_tensor([[[0, 0, 0, 128], [255, 255, 255, 255]]], "uint8"))
    >>> _ = file.seek(0); image = imread(file)
    >>> image.shape, image.dtype, image[0, 0].tolist()
    ((1, 2, 4), dtype('float32'), [0.0, 0.0, 0.0, 0.501960813999176])
    """
    if format is not None and str(format).lower() != "png":
        raise ValueError(f"imread reads PNG images only, not format={brief(format)}")
    samples, header, palette = _read(fname)
    height, width = header.height, header.width
    if header.colour_type == 0:
        return _grey(samples, header)
    if header.bit_depth == 16:  # colour at 16 bits: Pillow keeps the high byte
        raw = bytes(int(value) >> 8 for value in samples.to_flat_list())
    else:
        raw = bytes(elements(samples))
    if header.colour_type == 3:  # palette: the indices looked up, alpha from tRNS (255 without)
        raw = _lookup(raw, palette)
    elif header.colour_type == 4:  # grey with alpha: Pillow's convert("RGBA")
        rgba = bytearray(4 * height * width)
        rgba[0::4] = rgba[1::4] = rgba[2::4] = raw[0::2]
        rgba[3::4] = raw[1::2]
        raw = bytes(rgba)
    channels = 3 if header.colour_type == 2 else 4
    return Tensor.from_storage(normalize_pixels(raw), (height, width, channels), float32)


def _grey(samples: Tensor, header: _Header) -> Tensor:
    """Grey samples as Pillow's modes 1, L;2, L;4, L and I;16B give them to matplotlib."""
    shape = (header.height, header.width)
    if header.bit_depth == 8:
        return Tensor.from_storage(normalize_pixels(bytes(elements(samples))), shape, float32)
    top = (1 << header.bit_depth) - 1 if header.bit_depth > 1 else 1
    table = [round_float32(value / top) for value in range(top + 1)]
    return Tensor.from_storage(array("f", [table[int(value)] for value in samples.to_flat_list()]), shape, float32)


def _read(file: PathOrFile) -> Tuple[Tensor, _Header, List[bytes]]:
    """The samples, the header, and the palette as four tables (red, green, blue, alpha) for
    ``bytes.translate``."""
    name = os.fspath(file) if isinstance(file, (str, os.PathLike)) else str(getattr(file, "name", "<stream>"))
    opened = open_regular(file) if isinstance(file, (str, os.PathLike)) else None
    try:
        source: IO[bytes] = opened if opened is not None else file  # type: ignore[assignment]
        signature = source.read(8)
        if signature != SIGNATURE:
            raise ValueError(f"{name}: not a PNG file: it starts {brief(signature)}, not {SIGNATURE!r}")
        chunks = _chunks(source, name)
        kind, data = next(chunks, (b"", b""))
        if kind != b"IHDR":
            raise ValueError(f"{name}: the first chunk is {brief(kind)}, not IHDR")
        header = _Header(data, name)
        check_fits((header.height, header.width, header.channels), float32,
                   f"{name}: an image of {header.width} x {header.height} pixels")
        palette, transparency = b"", b""
        inflate = _Inflater(header.height * (header.row_bytes + 1), name)
        for kind, data in chunks:
            if kind == b"PLTE":
                palette = data
            elif kind == b"tRNS":
                transparency = data
            elif kind == b"IDAT":
                inflate.feed(data)
            elif kind == b"IEND":
                break
            elif not kind[0] & 0x20:  # an upper-case first letter: a chunk a reader must understand
                raise ValueError(f"{name}: a critical chunk {brief(kind)} that this reader does not know")
        else:
            raise ValueError(f"{name}: truncated: no IEND chunk")
        rows = _unfilter(inflate.result(), header, name)
    finally:
        if opened is not None:
            opened.close()
    return _samples(rows, header), header, _palette_tables(palette, transparency, header, name)


def _chunks(source: IO[bytes], name: str) -> Iterator[Tuple[bytes, bytes]]:
    """``(type, data)`` of each chunk, its length checked against the file and its CRC against its data."""
    while True:
        head = source.read(8)
        if len(head) < 8:
            raise ValueError(f"{name}: truncated: a chunk's header is cut short")
        length, kind = struct.unpack(">I4s", head)
        if length > _MAX_CHUNK:
            raise ValueError(f"{name}: a chunk of {length:,} bytes: at most {_MAX_CHUNK:,}")
        data = _read_exactly(source, length, name, f"the {brief(kind)} chunk")
        (crc,) = struct.unpack(">I", _read_exactly(source, 4, name, f"the CRC of {brief(kind)}"))
        if zlib.crc32(kind + data) != crc:
            raise ValueError(f"{name}: bad CRC in the {brief(kind)} chunk: the file is corrupt")
        yield kind, data


class _Inflater:
    """The IDAT chunks' zlib stream, inflated a piece at a time, never past ``expected`` bytes."""

    def __init__(self, expected: int, name: str) -> None:
        self._expected, self._name = expected, name
        self._inflater = zlib.decompressobj()
        self._parts: List[bytes] = []
        self._size = 0

    def feed(self, data: bytes) -> None:
        pending = data
        try:
            while pending and not self._inflater.eof:
                room = self._expected - self._size + 1  # one byte more shows there is more
                part = self._inflater.decompress(pending, min(room, _PIECE))
                self._parts.append(part)
                self._size += len(part)
                if self._size > self._expected:
                    raise ValueError(f"{self._name}: the image data inflates to more than the {self._expected:,} "
                                     "bytes its header promises")
                pending = self._inflater.unconsumed_tail
        except zlib.error as error:
            raise ValueError(f"{self._name}: corrupt image data: {error}") from None

    def result(self) -> bytes:
        if self._size < self._expected:
            raise ValueError(f"{self._name}: truncated: the image data inflates to {self._size:,} bytes, "
                             f"the header promises {self._expected:,}")
        return b"".join(self._parts)


def _unfilter(data: bytes, header: _Header, name: str) -> List[bytearray]:
    """The rows' bytes, each filter undone (https://www.w3.org/TR/png/#9Filter-types)."""
    width, step = header.row_bytes, header.pixel_bytes
    previous = bytearray(width)  # the row above the first is zeros
    rows: List[bytearray] = []
    for start in range(0, len(data), width + 1):
        kind, row = data[start], bytearray(data[start + 1 : start + 1 + width])
        if kind == 1:  # Sub: plus the byte one pixel to the left
            for i in range(step, width):
                row[i] = (row[i] + row[i - step]) & 0xFF
        elif kind == 2:  # Up: plus the byte above
            row = bytearray((a + b) & 0xFF for a, b in zip(row, previous))
        elif kind == 3:  # Average: plus the mean of left and above, rounded down
            for i in range(width):
                left = row[i - step] if i >= step else 0
                row[i] = (row[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:  # Paeth: plus whichever of left, above, upper-left is nearest left + above - upper-left
            for i in range(width):
                left, up = (row[i - step], previous[i - step]) if i >= step else (0, 0)
                row[i] = (row[i] + _paeth(left, previous[i], up)) & 0xFF
        elif kind != 0:
            raise ValueError(f"{name}: row {len(rows)} has filter type {kind}: PNG has 0 to 4")
        rows.append(row)
        previous = row
    return rows


def _paeth(left: int, above: int, upper_left: int) -> int:
    estimate = left + above - upper_left
    to_left, to_above, to_upper_left = abs(estimate - left), abs(estimate - above), abs(estimate - upper_left)
    if to_left <= to_above and to_left <= to_upper_left:
        return left
    return above if to_above <= to_upper_left else upper_left


def _samples(rows: List[bytearray], header: _Header) -> Tensor:
    """The rows' samples as a tensor: bytes as they are, 16 bits big-endian, fewer bits unpacked."""
    shape = (header.height, header.width) + ((header.channels,) if header.channels > 1 else ())
    data = b"".join(rows)
    if header.bit_depth == 8:
        return Tensor.from_storage(array("B", data), shape, uint8)
    if header.bit_depth == 16:
        values = array("H", data)
        if sys.byteorder == "little":
            values.byteswap()  # PNG's samples are big-endian
        return Tensor.from_storage(values, shape, uint16)
    depth = header.bit_depth  # 1, 2 or 4 bits: one channel (grey or a palette index), the first the highest
    mask, shifts = (1 << depth) - 1, range(8 - depth, -1, -depth)
    unpacked = array("B")
    for row in rows:
        unpacked.extend([(byte >> shift) & mask for byte in row for shift in shifts][: header.width])
    return Tensor.from_storage(unpacked, shape, uint8)


def _palette_tables(palette: bytes, transparency: bytes, header: _Header, name: str) -> List[bytes]:
    """For a palette image, four 256-byte tables from an index to its red, green, blue and alpha."""
    if header.colour_type != 3:
        return []
    if not palette or len(palette) % 3 or len(palette) > 3 * 256:
        raise ValueError(f"{name}: a palette image needs a PLTE chunk of 1 to 256 colours, found {len(palette)} bytes")
    colours = len(palette) // 3
    alpha = transparency[:colours] + b"\xff" * (colours - len(transparency[:colours]))
    return [palette[k::3].ljust(256, b"\x00") for k in range(3)] + [alpha.ljust(256, b"\x00")]


def _lookup(indices: bytes, tables: List[bytes]) -> bytes:
    """Palette indices as RGBA bytes: each channel a ``bytes.translate``, interleaved by slices."""
    rgba = bytearray(4 * len(indices))
    for k, table in enumerate(tables):
        rgba[k::4] = indices.translate(table)
    return bytes(rgba)


def _read_exactly(source: IO[bytes], size: int, name: str, what: str) -> bytes:
    """``size`` bytes, read a megabyte at a time: a length the file does not have costs what it has."""
    parts, left = [], size
    while left > 0:
        part = source.read(min(left, _PIECE))
        if not part:
            raise ValueError(f"{name}: truncated: {what} needs {size:,} bytes, the file has {size - left:,}")
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


def write_png(file: PathOrFile, pixels: Any) -> None:
    """Write ``pixels`` (uint8, shape (H, W), (H, W, 3) or (H, W, 4)) as an 8-bit grey, RGB
    or RGBA PNG, every row unfiltered, the data deflated by zlib.

    >>> import io
    >>> write_png(io.BytesIO(), as_tensor([[0.5]]))
    Traceback (most recent call last):
    ...
    ValueError: write_png takes uint8 pixels of shape (H, W), (H, W, 3) or (H, W, 4), not float64 of shape (1, 1)
    """
    t = as_tensor(pixels)
    colour_types = {1: 0, 3: 2, 4: 6}
    channels = t.shape[2] if t.ndim == 3 else 1
    if t.dtype != uint8 or t.ndim not in (2, 3) or channels not in colour_types or 0 in t.shape[:2]:
        raise ValueError(f"write_png takes uint8 pixels of shape (H, W), (H, W, 3) or (H, W, 4), "
                         f"not {t.dtype} of shape {t.shape}")
    height, width = t.shape[0], t.shape[1]
    data = bytes(elements(t))
    row = width * channels
    scanlines = b"".join(b"\x00" + data[start : start + row] for start in range(0, len(data), row))
    header = struct.pack(">IIBBBBB", width, height, 8, colour_types[channels], 0, 0, 0)
    png = SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(scanlines, 9)) + _chunk(b"IEND", b"")
    if isinstance(file, (str, os.PathLike)):
        with open(file, "wb") as opened:
            opened.write(png)
    else:
        file.write(png)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

