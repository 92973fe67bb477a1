"""NumPy's own files: ``.npy`` (one array) and ``.npz`` (a zip of them), read and written.

The format (https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html): six
magic bytes ``\\x93NUMPY``, the format version (1.0, 2.0 or 3.0), the header's length (2
bytes in 1.0, 4 in the others), then the header, a Python dict written as text::

    {'descr': '<f4', 'fortran_order': False, 'shape': (784, 50), }

padded with spaces and a newline so that the data starts at a multiple of 64 bytes,
then the data: the elements in C order (or Fortran order, if the header says so), in
the byte order ``descr`` names (``<`` little-endian, ``>`` big-endian, ``|`` one byte).
An ``.npz`` file is a zip archive of ``.npy`` files, one per array, named after it.

- ``save(file, arr)`` and ``load(file)``: one array, as ``np.save`` and ``np.load``;
- ``savez(file, *args, **kwds)`` and ``savez_compressed``: several, as ``np.savez``;
- ``load`` of an ``.npz`` gives an ``NpzFile``: ``.files``, ``npz["W1"]`` (read when
  asked for), ``with``, ``close()``.

A file is read as carefully as the pickle reader reads one (``numpy_pickle.py``), and
never costs more than it holds: the header is at most ``max_header_size`` characters
(NumPy's 10,000) and parsed by ``ast.literal_eval``, which runs nothing; the data is read
a megabyte at a time, so a shape that promises more than the file has fails at the end
of the file, not after allocating the promise; a zip member may not claim to inflate
beyond what deflate can do (1,032 to 1), nor may two members share compressed bytes,
which is how zip bombs multiply. Object arrays are refused (zeronn has no object dtype),
and so is a pickle, unless ``allow_pickle=True`` says to read it with zeronn's own safe
reader, which runs nothing the file names (``pickle.load`` is never called).

>>> import io
>>> file = io.BytesIO()
>>> save(file, as_tensor([[1.5, 2.0]], "float32"))
>>> file.getvalue()[:58]
b"\\x93NUMPY\\x01\\x00v\\x00{'descr': '<f4', 'fortran_order': False, 'shape'"
>>> _ = file.seek(0); load(file)
tensor([[1.5, 2. ]], dtype=float32)
"""

from __future__ import annotations

__all__ = ["save", "load", "savez", "savez_compressed", "NpzFile", "BadNpzFile"]

import ast
import os
import re
import struct
import sys
import zipfile
from collections.abc import Mapping
from typing import IO, Any, Dict, Iterator, Optional, Tuple, Union

from .._shape import check_ndim, size_of
from ..core import Tensor, as_tensor, elements
from ..dtypes import DType, check_fits, dtype
from .files import brief, open_regular
from .numpy_pickle import load_numpy_pickle

PathOrFile = Union[str, "os.PathLike[str]", IO[bytes]]

MAGIC = b"\x93NUMPY"
MAX_HEADER_SIZE = 10_000  # NumPy's: ast.literal_eval is not safe for long texts
_LENGTH_AND_ENCODING = {(1, 0): ("<H", "latin1"), (2, 0): ("<I", "latin1"), (3, 0): ("<I", "utf8")}
_ALIGN = 64  # the data starts at a multiple of 64 bytes
_GROWTH_DIGITS = 21  # NumPy leaves room in the header for the first axis to grow to 21 digits
_PIECE = 1 << 20
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")  # a zip's first member, or an empty zip's end record
_DEFLATE_RATIO = 1032  # the most deflate can inflate one byte to
_MAX_DIMENSION = (1 << 63) - 1  # NumPy's npy_intp


class BadNpzFile(zipfile.BadZipFile, ValueError):
    """An ``.npz`` file that is not a readable zip archive: ``zipfile.BadZipFile``, as NumPy
    raises, and also ``ValueError``, as every other bad file zeronn reads."""


# ---------------------------------------------------------------------------
# One array: save and load
# ---------------------------------------------------------------------------


def save(file: PathOrFile, arr: Any, allow_pickle: bool = True) -> None:
    """Write ``arr`` to ``file`` in NumPy's ``.npy`` format (``np.save``).

    A path without the ``.npy`` extension gets it; an open binary file is written at its
    position. The format is 1.0 (2.0 if the header were longer than 65,535 bytes), the
    data little-endian, in Fortran order for a Fortran-contiguous tensor and C order
    otherwise, exactly as NumPy writes it; the file loads in NumPy and back in zeronn.
    ``allow_pickle`` is NumPy's argument; zeronn's dtypes never need a pickle.

    >>> import io, tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "x")
    >>> save(path, [[1, 2], [3, 4]]); sorted(os.listdir(os.path.dirname(path)))
    ['x.npy']
    >>> load(path + ".npy").T.flags.f_contiguous, load(path + ".npy")
    (True, tensor([[1, 2],
           [3, 4]]))
    """
    t = as_tensor(arr)
    if isinstance(file, (str, os.PathLike)):
        path = os.fspath(file)
        with open(path if path.endswith(".npy") else path + ".npy", "wb") as opened:
            _write_array(opened, t)
    else:
        _write_array(file, t)


def load(
    file: PathOrFile,
    mmap_mode: Optional[str] = None,
    allow_pickle: bool = False,
    fix_imports: bool = True,
    encoding: str = "ASCII",
    *,
    max_header_size: int = MAX_HEADER_SIZE,
) -> Any:
    """Read an ``.npy`` file (a tensor), an ``.npz`` file (an ``NpzFile``) or, with
    ``allow_pickle=True``, a pickle of arrays (``np.load``).

    Which it is comes from the first bytes, not the name. A file object must be binary
    and seekable; it is left after the array, so that arrays saved one after another in
    one file load one after another. ``encoding`` says how a Python 2 pickle's ``str``
    is read (``"ASCII"``, ``"latin1"`` or ``"bytes"``, as in NumPy); ``fix_imports`` is
    accepted for NumPy's signature (the safe reader knows Python 2's names anyway).

    Raises ``ValueError`` for a file that is not what it says (a header that is not
    NumPy's, data cut short, a dtype zeronn does not model, an object array, a pickle
    without ``allow_pickle=True``, ``mmap_mode``, which zeronn cannot do),
    ``EOFError`` for an empty file (as NumPy) and ``pickle.UnpicklingError`` for a
    pickle the safe reader refuses.

    >>> import io
    >>> load(io.BytesIO(b"\\x80\\x04N."))
    Traceback (most recent call last):
    ...
    ValueError: This file contains pickled (object) data: load(file, allow_pickle=True) reads it \
with zeronn's safe reader, which runs nothing the pickle names
    >>> load(io.BytesIO(b"\\x80\\x04N."), allow_pickle=True) is None
    True
    """
    if mmap_mode is not None:
        raise ValueError(f"mmap_mode={brief(mmap_mode)} is not supported: zeronn reads the whole array into memory; "
                         "use mmap_mode=None")
    if encoding not in ("ASCII", "latin1", "bytes"):
        raise ValueError("encoding must be 'ASCII', 'latin1', or 'bytes'")  # NumPy's words
    name = os.fspath(file) if isinstance(file, (str, os.PathLike)) else getattr(file, "name", "<stream>")
    opened = open_regular(file) if isinstance(file, (str, os.PathLike)) else None
    fid: IO[bytes] = file if opened is None else opened  # type: ignore[assignment]  # a file, not a path
    try:
        magic = fid.read(len(MAGIC))
        if not magic:
            raise EOFError("No data left in file")  # NumPy's words
        fid.seek(-len(magic), os.SEEK_CUR)
        if magic.startswith(_ZIP_MAGICS):
            npz = NpzFile(fid, own_fid=opened is not None, allow_pickle=allow_pickle, max_header_size=max_header_size)
            opened = None  # the NpzFile closes it
            return npz
        if magic == MAGIC:
            return _read_array(fid, name, allow_pickle, max_header_size)
        if not allow_pickle:
            raise ValueError("This file contains pickled (object) data: load(file, allow_pickle=True) reads it "
                             "with zeronn's safe reader, which runs nothing the pickle names")
        return load_numpy_pickle(fid, encoding=encoding, name=name)
    finally:
        if opened is not None:
            opened.close()


# ---------------------------------------------------------------------------
# Several arrays: savez, savez_compressed and NpzFile
# ---------------------------------------------------------------------------


def savez(file: PathOrFile, *args: Any, allow_pickle: bool = True, **kwds: Any) -> None:
    """Write several arrays to ``file`` as an uncompressed ``.npz`` archive (``np.savez``).

    Keyword arguments are saved under their names (``W1.npy`` in the archive), positional
    ones as ``arr_0``, ``arr_1``, ... A path without ``.npz`` gets it.

    >>> import io
    >>> file = io.BytesIO()
    >>> savez(file, [1, 2], W1=[[0.5]])
    >>> _ = file.seek(0)
    >>> with load(file) as npz:
    ...     npz.files, npz["arr_0"], npz["W1"]
    (['W1', 'arr_0'], tensor([1, 2]), tensor([[0.5]]))
    >>> savez(io.BytesIO(), [1], arr_0=[2])
    Traceback (most recent call last):
    ...
    ValueError: Cannot use un-named variables and keyword arr_0
    """
    _savez(file, args, kwds, zipfile.ZIP_STORED)


def savez_compressed(file: PathOrFile, *args: Any, allow_pickle: bool = True, **kwds: Any) -> None:
    """``savez``, with each member deflated (``np.savez_compressed``).

    >>> import io
    >>> small, large = io.BytesIO(), io.BytesIO()
    >>> savez_compressed(small, x=[0.0] * 1000); savez(large, x=[0.0] * 1000)
    >>> _ = small.seek(0)
    >>> len(small.getvalue()) < len(large.getvalue()) // 10, load(small)["x"].shape
    (True, (1000,))
    """
    _savez(file, args, kwds, zipfile.ZIP_DEFLATED)


def _savez(file: PathOrFile, args: Tuple[Any, ...], kwds: Dict[str, Any], compression: int) -> None:
    arrays = dict(kwds)
    for number, value in enumerate(args):
        key = f"arr_{number}"
        if key in arrays:
            raise ValueError(f"Cannot use un-named variables and keyword {key}")  # NumPy's words
        arrays[key] = value
    tensors = {key: as_tensor(value) for key, value in arrays.items()}  # every one checked before writing
    if isinstance(file, (str, os.PathLike)):
        path = os.fspath(file)
        file = path if path.endswith(".npz") else path + ".npz"
    with zipfile.ZipFile(file, mode="w", compression=compression, allowZip64=True) as archive:
        for key, t in tensors.items():
            with archive.open(key + ".npy", "w", force_zip64=True) as member:  # as NumPy does (gh-10776)
                _write_array(member, t)


class NpzFile(Mapping[str, Any]):
    """The arrays of an ``.npz`` archive, each read when it is asked for (NumPy's ``NpzFile``).

    - ``files``: the names of the arrays (``W1`` for the member ``W1.npy``), in the
      archive's order;
    - ``npz[name]``: a tensor (``name`` or ``name + ".npy"``); a member that is not an
      ``.npy`` file gives its bytes, as in NumPy;
    - ``with load(path) as npz:`` closes the file at the end, as ``npz.close()`` does.

    NumPy's ``npz.f.name`` (attribute access) is left out. The archive is checked when
    it is opened: members stored or deflated (as NumPy writes them), none claiming more
    than deflate can give, none sharing compressed bytes with another.

    >>> import io
    >>> file = io.BytesIO(); savez(file, x=[1.0, 2.0], y=[True]); _ = file.seek(0)
    >>> npz = load(file)
    >>> npz, "x" in npz, len(npz), npz["y.npy"]
    (NpzFile '<stream>' with keys: x, y, True, 2, tensor([ True]))
    >>> npz["z"]
    Traceback (most recent call last):
    ...
    KeyError: 'z is not a file in the archive'
    >>> npz.close()
    """

    _MAX_REPR_ARRAY_COUNT = 5

    def __init__(
        self, fid: IO[bytes], own_fid: bool = False, allow_pickle: bool = False, *,
        max_header_size: int = MAX_HEADER_SIZE,
    ) -> None:
        self.fid: Optional[IO[bytes]] = fid if own_fid else None
        self.name = str(getattr(fid, "name", "<stream>"))
        self.allow_pickle = allow_pickle
        self.max_header_size = max_header_size
        self.zip: Optional[zipfile.ZipFile] = None
        try:
            self.zip = zipfile.ZipFile(fid)
            _check_archive(self.zip, fid)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as error:
            self.close()
            raise BadNpzFile(f"{self.name}: not a readable .npz archive: {error}") from None
        names = self.zip.namelist()
        self.files = [name[: -len(".npy")] if name.endswith(".npy") else name for name in names]
        self._members = dict(zip(self.files, names))
        self._members.update(zip(names, names))

    def __getitem__(self, key: str) -> Any:
        member = self._members.get(key) if isinstance(key, str) else None
        if member is None or self.zip is None:
            raise KeyError(f"{_shown(key) if isinstance(key, str) else brief(key)} is not a file in the archive")
        where = f"{self.name}: {_shown(member)}"
        try:
            with self.zip.open(member) as stream:
                if stream.read(len(MAGIC)) != MAGIC:
                    stream.seek(0)
                    return _read_exactly(stream, self.zip.getinfo(member).file_size, where, "a member")
                stream.seek(0)
                return _read_array(stream, where, self.allow_pickle, self.max_header_size)
        except (zipfile.BadZipFile, OSError, EOFError) as error:  # a bad CRC, a corrupt deflate stream
            raise BadNpzFile(f"{where}: {error}") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self.files)

    def __len__(self) -> int:
        return len(self.files)

    def __contains__(self, key: object) -> bool:
        return key in self._members

    def __repr__(self) -> str:
        keys = ", ".join(self.files[: self._MAX_REPR_ARRAY_COUNT])
        more = "..." if len(self.files) > self._MAX_REPR_ARRAY_COUNT else ""
        return f"NpzFile {self.name!r} with keys: {keys}{more}"

    def __enter__(self) -> NpzFile:
        return self

    def __exit__(self, *exception: Any) -> None:
        self.close()

    def close(self) -> None:
        """Close the archive, and the file if ``load`` opened it."""
        if self.zip is not None:
            self.zip.close()
            self.zip = None
        if self.fid is not None:
            self.fid.close()
            self.fid = None

    def __del__(self) -> None:
        self.close()


def _check_archive(archive: zipfile.ZipFile, fid: IO[bytes]) -> None:
    """Refuse an archive that could inflate to more than its members say, before any is read."""
    end = fid.seek(0, os.SEEK_END)
    compressed = 0
    for info in archive.infolist():
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ValueError(f"member {brief(info.filename)} is compressed with method {info.compress_type}: "
                             "NumPy's savez writes members stored or deflated")
        most = info.compress_size if info.compress_type == zipfile.ZIP_STORED else _DEFLATE_RATIO * info.compress_size
        if info.file_size > most:
            raise ValueError(f"member {brief(info.filename)} claims {info.file_size:,} bytes from "
                             f"{info.compress_size:,}: more than deflate can give (a zip bomb?)")
        compressed += info.compress_size
    if compressed > end:
        raise ValueError(f"the members' compressed data ({compressed:,} bytes) is more than the archive's "
                         f"{end:,} bytes: members share their data (a zip bomb?)")


# ---------------------------------------------------------------------------
# Writing an array
# ---------------------------------------------------------------------------


def _write_array(file: IO[bytes], t: Tensor) -> None:
    """The header, then the data: ``np.lib.format.write_array`` for zeronn's tensors."""
    fortran = t.ndim > 1 and not t.flags.c_contiguous and t.flags.f_contiguous
    file.write(_header(_descr(t.dtype), fortran, t.shape))
    file.write(t.dtype.to_bytes(elements(t.T if fortran else t), big_endian=False))


def _descr(of: DType) -> str:
    """NumPy's ``dtype.str``, little-endian: ``'<f8'``, ``'|u1'``, ``'|b1'``."""
    return f"{'|' if of.itemsize == 1 else '<'}{of.kind}{of.itemsize}"


def _header(descr: str, fortran: bool, shape: Tuple[int, ...]) -> bytes:
    """The magic, the version, the header's length and the header, padded as NumPy pads it."""
    text = f"{{'descr': {descr!r}, 'fortran_order': {fortran!r}, 'shape': {shape!r}, }}"
    if shape:  # room for the growing axis (the first, or the last in Fortran order) to grow
        text += " " * (_GROWTH_DIGITS - len(repr(shape[-1 if fortran else 0])))
    for version in ((1, 0), (2, 0)):
        length_format, encoding = _LENGTH_AND_ENCODING[version]
        encoded = text.encode(encoding)
        prefix = len(MAGIC) + 2 + struct.calcsize(length_format)
        padding = _ALIGN - (prefix + len(encoded) + 1) % _ALIGN
        try:
            length = struct.pack(length_format, len(encoded) + padding + 1)
        except struct.error:  # too long for version 1.0's two bytes
            continue
        return MAGIC + bytes(version) + length + encoded + b" " * padding + b"\n"
    raise ValueError(f"an array header of {len(text):,} characters is too long even for version 2.0")


# ---------------------------------------------------------------------------
# Reading an array
# ---------------------------------------------------------------------------


def _read_array(file: IO[bytes], name: str, allow_pickle: bool, max_header_size: int) -> Tensor:
    """``np.lib.format.read_array``: the header checked, then exactly the data it promises."""
    magic = _read_exactly(file, len(MAGIC) + 2, name, "magic string")
    if magic[:-2] != MAGIC:
        raise ValueError(f"{name}: the magic string is not correct; expected {MAGIC!r}, got {magic[:-2]!r}")
    version = (magic[-2], magic[-1])
    if version not in _LENGTH_AND_ENCODING:
        raise ValueError(f"{name}: we only support format version (1,0), (2,0), and (3,0), not {version}")
    shape, fortran, to, big_endian = _read_header(file, name, version, allow_pickle, max_header_size)
    check_fits(shape, to, f"{name}: the array its header promises, shape {shape} of {to.name},")
    raw = _read_exactly(file, size_of(shape) * to.itemsize, name, "array data")
    storage = to.from_bytes(raw, big_endian=big_endian)
    if not fortran or len(shape) < 2:
        return Tensor.from_storage(storage, shape, to)
    # Column-major: the row-major data of the reversed shape, transposed (NumPy's layout too).
    return Tensor.from_storage(storage, tuple(reversed(shape)), to).transpose()


def _read_header(
    file: IO[bytes], name: str, version: Tuple[int, int], allow_pickle: bool, max_header_size: int
) -> Tuple[Tuple[int, ...], bool, DType, bool]:
    """``(shape, fortran_order, dtype, big_endian)`` from the header, each checked as NumPy checks it."""
    length_format, encoding = _LENGTH_AND_ENCODING[version]
    (length,) = struct.unpack(length_format, _read_exactly(file, struct.calcsize(length_format), name,
                                                           "array header length"))
    if length > 4 * max_header_size:  # more than the longest text allowed could take: not read at all
        raise ValueError(_too_long(name, length, max_header_size))
    try:
        text = _read_exactly(file, length, name, "array header").decode(encoding)
    except UnicodeDecodeError as error:
        raise ValueError(f"{name}: the header is not {encoding} text: {error}") from None
    if len(text) > max_header_size:
        raise ValueError(_too_long(name, len(text), max_header_size))
    header = _literal(text, name, version)
    if not isinstance(header, dict):
        raise ValueError(f"{name}: Header is not a dictionary: {brief(header)}")
    if set(header) != {"descr", "fortran_order", "shape"}:
        raise ValueError(f"{name}: Header does not contain the correct keys: {brief(sorted(map(str, header)))}")
    shape, fortran = header["shape"], header["fortran_order"]
    if not isinstance(shape, tuple) or not all(isinstance(n, int) for n in shape):
        raise ValueError(f"{name}: shape is not valid: {brief(shape)}")
    if not isinstance(fortran, bool):
        raise ValueError(f"{name}: fortran_order is not a valid bool: {brief(fortran)}")
    check_ndim(len(shape))
    if any(n < 0 for n in shape):
        raise ValueError(f"{name}: negative dimensions are not allowed: shape {brief(shape)}")
    if any(n > _MAX_DIMENSION for n in shape):
        raise ValueError(f"{name}: Maximum allowed dimension exceeded: shape {brief(shape)}")
    to, big_endian = _dtype_of(header["descr"], name, allow_pickle)
    return tuple(int(n) for n in shape), fortran, to, big_endian


def _literal(text: str, name: str, version: Tuple[int, int]) -> Any:
    """The header's dict, by ``ast.literal_eval`` (which evaluates literals only)."""
    try:
        return ast.literal_eval(text)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        pass
    if version <= (2, 0):  # Python 2 wrote long ints with an L: (3L, 4L)
        try:
            return ast.literal_eval(re.sub(r"(?<=\d)L\b", "", text))
        except (SyntaxError, ValueError, MemoryError, RecursionError):
            pass
    raise ValueError(f"{name}: Cannot parse header: {brief(text)}")


def _dtype_of(descr: Any, name: str, allow_pickle: bool) -> Tuple[DType, bool]:
    """The zeronn dtype a ``descr`` names, and whether its data is big-endian."""
    if not isinstance(descr, str):
        kind = "structured" if isinstance(descr, list) else "subarray" if isinstance(descr, tuple) else "unknown"
        raise ValueError(f"{name}: descr {brief(descr)} is a {kind} dtype, which zeronn does not model")
    order, code = (descr[0], descr[1:]) if descr[:1] in ("<", ">", "|", "=") else ("=", descr)
    if code.startswith("O"):
        if not allow_pickle:
            raise ValueError(f"{name}: Object arrays cannot be loaded when allow_pickle=False")  # NumPy's words
        raise ValueError(f"{name}: object arrays cannot be loaded: zeronn has no object dtype")
    try:
        to = dtype(code)
    except TypeError:
        raise ValueError(f"{name}: descr {brief(descr)} is not a dtype zeronn models") from None
    big_endian = order == ">" or (order in ("=", "|") and sys.byteorder == "big")
    return to, big_endian


def _read_exactly(file: IO[bytes], size: int, name: str, what: str) -> bytes:
    """``size`` bytes of ``file``, read a megabyte at a time, or ``ValueError`` in NumPy's words:
    a promise of more than the file holds costs what the file holds."""
    data = bytearray()
    while len(data) < size:
        part = file.read(min(size - len(data), _PIECE))
        if not part:
            raise ValueError(f"{name}: EOF: reading {what}, expected {size} bytes got {len(data)}")
        data += part
    return bytes(data)


def _shown(text: str) -> str:
    """``text`` cut to 60 characters, for a message."""
    return text if len(text) <= 60 else text[:57] + "..."


def _too_long(name: str, length: int, limit: int) -> str:
    return (f"{name}: Header info length ({length}) is large and may not be safe to load securely: "
            f"at most max_header_size={limit} characters")
