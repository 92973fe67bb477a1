"""How a tensor prints: NumPy's ``str`` and ``repr``, character for character.

``print(x)`` in the book shows NumPy's layout: ``[0.3        0.33333333]``. zeronn prints
the same, so the book's output and zeronn's can be compared by eye; ``repr`` is NumPy's
``repr`` with ``tensor`` in place of ``array``. The rules, from NumPy's
``arrayprint.py`` with its default options:

- floats show at most 8 digits after the point, fewer when fewer identify the number
  (``0.1``, not ``0.10000000``), padded so that the points line up;
- a tensor switches to scientific notation, all of it at once, when its largest
  magnitude reaches 1e8 (1e6 for float32, 1e3 for float16), its smallest nonzero one is below 1e-4, or
  the two are more than a factor of 1000 apart;
- a tensor of more than 1,000 elements shows three items at each end of every axis,
  with ``...`` between;
- lines wrap at 75 characters; ``repr`` names the dtype unless it is float64, int64
  or bool, and the shape when it cannot be seen.

NumPy finds the shortest digits that identify a float with its Dragon4 algorithm;
Python's ``repr`` finds the same shortest digits for a float64, and a short search
finds them for a float32 or a float16.

- ``array_repr(x)`` and ``array_str(x)``: what ``repr(x)`` and ``str(x)`` return;
- ``format_scalar(value, dtype)``: one element as ``str`` of a NumPy scalar shows it.

>>> from .core import tensor  # (core sits above this module, so the example imports it)
>>> print(tensor([1e-5, 1.0, 1e10]))
[1.e-05 1.e+00 1.e+10]
>>> tensor([[1.5, -2.0], [float("nan"), 4.0]])
tensor([[ 1.5, -2. ],
        [ nan,  4. ]])
"""

from __future__ import annotations

__all__ = ["array_repr", "array_str", "format_scalar"]

import math
from decimal import Decimal
from itertools import product
from typing import Any, Callable, List, Optional, Sequence, Tuple

from ._shape import size_of
from .casting import round_float32, rounder  # noqa: F401 (round_float32: the doctests use it)
from .dtypes import DType, float16, float32

_THRESHOLD = 1000  # more elements than this are summarised
_EDGE_ITEMS = 3
_LINE_WIDTH = 75
_PRECISION = 8
_IMPLIED = ("float64", "int64", "bool")  # dtypes that repr does not name


def array_repr(x: Any) -> str:
    """``repr(x)``: NumPy's ``array_repr``, with ``tensor(`` for ``array(``.

    >>> from .core import tensor
    >>> array_repr(tensor([[1, 2], [3, 4]], dtype="uint8"))
    'tensor([[1, 2],\\n        [3, 4]], dtype=uint8)'
    """
    prefix = "tensor("
    body = "[]" if x.size == 0 else _array2string(x, ", ", prefix, _LINE_WIDTH - len(")"))
    extras = []
    if (x.size == 0 and x.shape != (0,)) or x.size > _THRESHOLD:
        extras.append(f"shape={x.shape}")
    if x.dtype.name not in _IMPLIED or x.size == 0:
        extras.append(f"dtype={x.dtype.name}")
    if not extras:
        return prefix + body + ")"
    text = prefix + body + ","
    extra = ", ".join(extras) + ")"
    last_line = len(text) - (text.rfind("\n") + 1)
    spacer = "\n" + " " * len(prefix) if last_line + len(extra) + 1 > _LINE_WIDTH else " "
    return text + spacer + extra


def array_str(x: Any) -> str:
    """``str(x)``: NumPy's ``array_str``; a 0-d tensor prints as its one number.

    >>> from .core import tensor
    >>> array_str(tensor([[1.0, 2.5], [-3.0, 4.0]]))
    '[[ 1.   2.5]\\n [-3.   4. ]]'
    """
    if not x.shape:
        return format_scalar(x.item(), x.dtype)
    if x.size == 0:
        return "[]"
    return _array2string(x, " ", "", _LINE_WIDTH)


def format_scalar(value: Any, dtype: DType) -> str:
    """``str`` of one NumPy scalar: Python's ``repr`` for float64, shortest digits for float32
    and float16 (which turns to scientific notation from 1e3 on, float32 from 1e6 on).

    >>> from .dtypes import float64
    >>> format_scalar(round_float32(0.1), float32), format_scalar(1234567.0, float32), format_scalar(0.1, float64)
    ('0.1', '1.234567e+06', '0.1')
    >>> format_scalar(0.0999755859375, float16), format_scalar(999.0, float16), format_scalar(1234.0, float16)
    ('0.1', '999.0', '1.234e+03')
    """
    if dtype not in _CUTOFFS or not math.isfinite(value):
        return repr(value) if isinstance(value, float) else str(value)
    digits, exponent = _shortest(value, dtype)
    if value != 0 and not 1e-4 <= abs(value) < _CUTOFFS[dtype]:
        mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        point = exponent + len(digits) - 1
        return f"{_minus(value)}{mantissa}e{point:+03d}"
    text = format(Decimal(f"{_minus(value)}{digits}E{exponent}"), "f")
    return text if "." in text else text + ".0"


# ---------------------------------------------------------------------------
# array2string
# ---------------------------------------------------------------------------


def _array2string(x: Any, separator: str, prefix: str, line_width: int) -> str:
    summarise = x.size > _THRESHOLD
    kept = [_kept_positions(length, summarise) for length in x.shape]
    value_at = _reader(x, summarise)
    shown = [value_at(index) for index in product(*kept)]
    cell = _formatter(shown, x.dtype, x.ndim)
    return _format_array(x.shape, value_at, cell, line_width, " " + " " * len(prefix), separator, summarise)


def _kept_positions(length: int, summarise: bool) -> List[int]:
    """The positions shown along an axis: three at each end of a long axis, in summary."""
    if summarise and length > 2 * _EDGE_ITEMS:
        return [*range(_EDGE_ITEMS), *range(length - _EDGE_ITEMS, length)]
    return list(range(length))


def _reader(x: Any, summarise: bool) -> Callable[[Tuple[int, ...]], Any]:
    """A function from an index to its element, reading all elements once when they are few."""
    if summarise:
        return lambda index: x.item(*index) if len(index) > 1 else x.item(index[0]) if index else x.item()
    flat = x.to_flat_list()
    strides = [size_of(x.shape[axis + 1 :]) for axis in range(x.ndim)]
    return lambda index: flat[sum(i * s for i, s in zip(index, strides))]


def _format_array(
    shape: Tuple[int, ...],
    value_at: Callable[[Tuple[int, ...]], Any],
    cell: Callable[[Any], str],
    line_width: int,
    next_line_prefix: str,
    separator: str,
    summarise: bool,
) -> str:
    """NumPy's ``_formatArray``: nested brackets, wrapped lines, ``...`` in a summary."""

    def recurse(index: Tuple[int, ...], hanging_indent: str, width: int) -> str:
        axis = len(index)
        if axis == len(shape):
            return cell(value_at(index))
        next_hanging_indent = hanging_indent + " "
        next_width = width - len("]")
        length = shape[axis]
        show_summary = summarise and 2 * _EDGE_ITEMS < length
        leading, trailing = (_EDGE_ITEMS, _EDGE_ITEMS) if show_summary else (0, length)
        positions = [*range(leading), *range(length - trailing, length)]
        if axis == len(shape) - 1:  # the last axis: elements, wrapped to the width
            element_width = width - max(len(separator.rstrip()), len("]"))
            text, line = "", hanging_indent
            for count, position in enumerate(positions):
                if show_summary and count == leading:
                    text, line = _extend_line(text, line, "...", element_width, hanging_indent)
                    line += separator
                word = recurse(index + (position,), next_hanging_indent, next_width)
                last = count == len(positions) - 1
                text, line = _extend_line(text, line, word, element_width, hanging_indent)
                if not last:
                    line += separator
            text += line
        else:  # other axes: rows, separated by as many newlines as axes below them
            line_separator = separator.rstrip() + "\n" * (len(shape) - axis - 1)
            parts = [hanging_indent + recurse(index + (position,), next_hanging_indent, next_width)
                     for position in positions]
            if show_summary:
                parts.insert(leading, hanging_indent + "...")
            text = line_separator.join(parts)
        return "[" + text[len(hanging_indent) :] + "]"

    return recurse((), next_line_prefix, line_width)


def _extend_line(text: str, line: str, word: str, line_width: int, next_line_prefix: str) -> Tuple[str, str]:
    if len(line) + len(word) > line_width and len(line) > len(next_line_prefix):
        text += line.rstrip() + "\n"
        line = next_line_prefix
    return text, line + word


# ---------------------------------------------------------------------------
# One element's text: bools, integers and floats
# ---------------------------------------------------------------------------


def _formatter(shown: Sequence[Any], dtype: DType, ndim: int) -> Callable[[Any], str]:
    if dtype.kind == "b":
        true = " True" if ndim else "True"
        return lambda value: true if value else "False"
    if dtype.kind in "iu":
        width = max(len(str(max(shown))), len(str(min(shown))))
        return lambda value: f"{value:{width}}"  # right-aligned, as numbers are
    return _FloatFormat(shown, dtype)


class _FloatFormat:
    """NumPy's ``FloatingFormat`` with its default options (``floatmode="maxprec"``)."""

    def __init__(self, shown: Sequence[float], dtype: DType) -> None:
        self.dtype = dtype
        finite = [value for value in shown if math.isfinite(value)]
        magnitudes = [abs(value) for value in finite if value != 0]
        self.scientific = False
        if magnitudes:
            largest, smallest = max(magnitudes), min(magnitudes)
            cutoff = _CUTOFFS.get(dtype, 1e8)
            self.scientific = largest >= cutoff or smallest < 1e-4 or largest / smallest > 1000.0
        if not finite:
            self.pad_left = self.pad_right = 0
        elif self.scientific:
            texts = [self._scientific(value, None, 0, 2) for value in finite]  # 2: the fewest exponent digits
            mantissas, exponents = zip(*(text.split("e") for text in texts))
            integer_parts, fraction_parts = zip(*(mantissa.split(".") for mantissa in mantissas))
            self.exponent_digits = max(map(len, exponents)) - 1
            self.fraction_digits = max(map(len, fraction_parts))  # every number gets as many
            self.pad_left = max(map(len, integer_parts))
            self.pad_right = self.exponent_digits + 2 + self.fraction_digits
        else:
            texts = [self._positional(value, 0, 0) for value in finite]
            integer_parts, fraction_parts = zip(*(text.split(".") for text in texts))
            self.pad_left = max(map(len, integer_parts))
            self.pad_right = max(map(len, fraction_parts))
        if len(finite) != len(shown):  # room for nan and inf
            negative_infinity = -math.inf in shown
            room = self.pad_right + 1
            self.pad_left = max(self.pad_left, len("nan") - room, len("inf") + negative_infinity - room)

    def __call__(self, value: float) -> str:
        if not math.isfinite(value):
            text = "nan" if value != value else ("-inf" if value == -math.inf else "inf")
            return text.rjust(self.pad_left + self.pad_right + 1)
        if self.scientific:
            return self._scientific(value, self.fraction_digits, self.pad_left, self.exponent_digits)
        return self._positional(value, self.pad_left, self.pad_right)

    def _positional(self, value: float, left: int, right: int) -> str:
        """``value`` with its fewest identifying digits, at most 8 after the point, trailing
        zeros trimmed; padded to ``left`` characters before the point and ``right`` after."""
        digits, exponent = _shortest(value, self.dtype)
        if -exponent > _PRECISION:  # more digits after the point than shown: round
            text = format(abs(value), f".{_PRECISION}f")
        else:
            text = format(Decimal(f"{digits}E{exponent}"), "f")
        integer, _, fraction = text.partition(".")
        return (_minus(value) + integer).rjust(left) + "." + fraction.rstrip("0").ljust(right)

    def _scientific(self, value: float, fraction_digits: Optional[int], left: int, exponent_digits: int) -> str:
        """``value`` as ``d.ddde+XX``: with its fewest identifying digits (at most 8 after the
        point, trailing zeros trimmed) when ``fraction_digits`` is None, else with exactly
        that many after the point, rounded or padded with zeros."""
        digits, exponent = _shortest(value, self.dtype)
        wanted = min(len(digits) - 1, _PRECISION) if fraction_digits is None else fraction_digits
        if len(digits) - 1 == wanted:
            mantissa, power = digits[0] + "." + digits[1:], str(exponent + len(digits) - 1)
        else:
            mantissa, _, power = format(abs(value), f".{wanted}e").partition("e")
        integer, _, fraction = mantissa.partition(".")
        if fraction_digits is None:
            fraction = fraction.rstrip("0")
        sign_and_digits = 1 + max(2, exponent_digits)  # e+05, e-100: a sign and at least two digits
        return f"{(_minus(value) + integer).rjust(left)}.{fraction}e{int(power):+0{sign_and_digits}d}"


def _minus(value: float) -> str:
    """``"-"`` for a negative number, ``-0.0`` included (its sign bit is set), else ``""``."""
    return "-" if math.copysign(1.0, value) == -1.0 else ""


# Where a float32 or float16 switches to scientific notation (float64: 1e8 in a tensor,
# 1e16 as a scalar, as Python's repr does).
_CUTOFFS = {float32: 1e6, float16: 1e3}


def _shortest(value: float, dtype: DType) -> Tuple[str, int]:
    """The fewest significant digits that identify ``abs(value)`` among the numbers of
    ``dtype`` (float64, float32 or float16), and the power of ten of the last one:
    ``0.25`` gives ``("25", -2)``."""
    magnitude = abs(value)
    if magnitude == 0:
        return "0", 0
    text = repr(magnitude)
    rounded = rounder(dtype)
    if rounded is not None:  # the shortest of 1 to 9 significant digits that reads back as this number
        text = next(
            (
                candidate
                for candidate in (f"{magnitude:.{places}e}" for places in range(9))
                if rounded(float(candidate)) == magnitude
            ),
            text,  # not a number of the dtype at all: its float64 digits
        )
    sign, digits, exponent = Decimal(text).normalize().as_tuple()
    return "".join(map(str, digits)), int(exponent)
