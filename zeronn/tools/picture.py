"""Pictures of 2-d data, as ``imshow`` draws them: terminal shading, and SVG with the pixels as a PNG.

A ``Picture`` is what ``plt.imshow(data, cmap=...)`` shows: a grey or colour image,
its values scaled as matplotlib scales them (2-d data from its smallest to its largest
value, unless ``vmin``/``vmax`` say otherwise; RGB(A) floats clipped to [0, 1]; uint8 as
it is) and seen through a colour map (``"gray"``: dark to light; ``"gray_r"``: light to
dark, the book's choice for digits and filters).

- ``Picture(data, cmap="gray", vmin=None, vmax=None)``: the picture; ``luminance()``,
  its brightness in [0, 1] per pixel, and ``rgba()``, its colours as bytes;
- ``shade(picture, width, height, encoding)``: lines of text, one character a block of
  pixels, from ``" "`` (dark) to ``"█"`` (light), or ASCII's ``" .:-=+*#%@"``;
- ``grid(blocks, columns)``: blocks of lines side by side, as ``plt.subplot`` lays them;
- ``to_svg_image(picture, x, y, width, height)``: an SVG ``<image>`` of the pixels
  (a PNG inside, drawn pixelated, as ``interpolation="nearest"`` draws them).

>>> picture = Picture([[0.0, 0.5], [1.0, 0.25]])
>>> print("\\n".join(shade(picture, 2, 2, encoding="ascii")))
 +
@:
"""

from __future__ import annotations

__all__ = ["Picture", "shade", "grid", "to_svg_image", "fitted_size"]

import base64
import io
import math
import sys
from typing import Any, List, Optional, Sequence, Tuple

from ..core import as_tensor
from ..io.png import write_png

_UNICODE_SHADES = " ░▒▓█"
_ASCII_SHADES = " .:-=+*#%@"
_GREY_MAPS = {"gray": False, "grey": False, "binary_r": False, "gray_r": True, "grey_r": True, "binary": True}


class Picture:
    """One ``imshow``: the data's shape, and each pixel's colour in [0, 1] (RGBA).

    >>> Picture([[0, 10], [5, 10]]).luminance()
    [[0.0, 1.0], [0.5, 1.0]]
    >>> Picture([[0, 10]], cmap="gray_r").luminance(), Picture([[1, 1]]).luminance()
    ([[1.0, 0.0]], [[0.0, 0.0]])
    >>> Picture([[[1.0, 0.0, 0.0]]]).rgba()
    b'\\xff\\x00\\x00\\xff'
    """

    def __init__(self, data: Any, cmap: Any = None, vmin: Optional[float] = None,
                 vmax: Optional[float] = None) -> None:
        t = as_tensor(data)
        if t.ndim == 3 and t.shape[2] in (3, 4):
            self.colour = True
        elif t.ndim == 2:
            self.colour = False
        else:
            raise TypeError(f"Invalid shape {t.shape} for image data")  # matplotlib's words
        if 0 in t.shape[:2]:
            raise ValueError(f"an image of shape {t.shape} has no pixels")
        self.height, self.width = t.shape[0], t.shape[1]
        self.cmap = str(getattr(cmap, "name", cmap or "gray"))
        values = [float(value) for value in t.to_flat_list()]
        if self.colour:
            scale = 255.0 if t.dtype.kind in "ui" else 1.0
            self._rgba = [_clip(value / scale) for value in values]
            if t.shape[2] == 3:  # no alpha: opaque
                self._rgba = [part for start in range(0, len(self._rgba), 3)
                              for part in (*self._rgba[start:start + 3], 1.0)]
        else:
            finite = [value for value in values if math.isfinite(value)]
            low = vmin if vmin is not None else min(finite, default=0.0)
            high = vmax if vmax is not None else max(finite, default=0.0)
            scaled = [_clip((value - low) / (high - low)) if high > low else 0.0 for value in values]
            reverse = _GREY_MAPS.get(self.cmap, False)
            self._rgba = [part for value in scaled for part in (*(1.0 - value if reverse else value,) * 3, 1.0)]

    @property
    def grey_map(self) -> bool:
        """Whether the colour map is one this module draws exactly (the greys); others are drawn grey."""
        return self.colour or self.cmap in _GREY_MAPS

    def luminance(self) -> List[List[float]]:
        """Brightness per pixel, 0 (black) to 1 (white), over a white page where transparent."""
        rgba, width = self._rgba, self.width
        values = [(0.299 * rgba[k] + 0.587 * rgba[k + 1] + 0.114 * rgba[k + 2]) * rgba[k + 3] + (1.0 - rgba[k + 3])
                  for k in range(0, len(rgba), 4)]
        return [[round(value, 12) for value in values[row * width:(row + 1) * width]] for row in range(self.height)]

    def rgba(self) -> bytes:
        """The colours as 8-bit RGBA, row by row."""
        return bytes(round(part * 255) for part in self._rgba)


def fitted_size(picture: Picture, max_width: int, max_height: int = 40) -> Tuple[int, int]:
    """The characters (columns, rows) a picture takes at most ``max_width`` wide: a character
    is about twice as tall as it is wide, and a pixel is never more than two columns.

    >>> fitted_size(Picture([[0] * 28] * 28), 78), fitted_size(Picture([[0] * 5] * 5), 18)
    ((56, 28), (10, 5))
    """
    columns = max(1, min(max_width, 2 * picture.width))
    rows = max(1, round(columns * picture.height / picture.width / 2))
    if rows > max_height:
        rows = max_height
        columns = max(1, min(columns, round(2 * rows * picture.width / picture.height)))
    return columns, rows


def shade(picture: Picture, columns: int, rows: int, encoding: Optional[str] = None) -> List[str]:
    """The picture as ``rows`` lines of ``columns`` characters, each the mean brightness of
    the pixels under it, dark to light; in Unicode's shading blocks where ``encoding`` (by
    default, standard output's, as for the charts of ``plot.py``) takes them, in ASCII otherwise.
    """
    shades = _UNICODE_SHADES if _can_encode(_UNICODE_SHADES, encoding or sys.stdout.encoding) else _ASCII_SHADES
    light = picture.luminance()
    lines = []
    for row in range(rows):
        top, bottom = _span(row, rows, picture.height)
        line = []
        for column in range(columns):
            left, right = _span(column, columns, picture.width)
            block = [light[y][x] for y in range(top, bottom) for x in range(left, right)]
            mean = sum(block) / len(block)
            line.append(shades[min(len(shades) - 1, int(mean * len(shades)))])
        lines.append("".join(line))
    return lines


def grid(blocks: Sequence[Sequence[str]], columns: int, gap: int = 1) -> List[str]:
    """Blocks of lines laid out ``columns`` to a row, as subplots are, each padded to its width.

    >>> grid([["ab"], ["c", "d"], ["e"]], columns=2)
    ['ab c', '   d', 'e']
    """
    lines: List[str] = []
    for start in range(0, len(blocks), columns):
        row = blocks[start:start + columns]
        widths = [max(map(len, block), default=0) for block in row]
        for number in range(max(map(len, row), default=0)):
            parts = [(block[number] if number < len(block) else "").ljust(width) for block, width in zip(row, widths)]
            lines.append((" " * gap).join(parts).rstrip())
    return lines


def to_svg_image(picture: Picture, x: float, y: float, width: float, height: float) -> str:
    """An SVG ``<image>`` element of the picture in the box given, its pixels square and sharp."""
    png = io.BytesIO()
    pixels = as_tensor(list(picture.rgba()), "uint8").reshape(picture.height, picture.width, 4)
    write_png(png, pixels)
    scale = min(width / picture.width, height / picture.height)
    shown_width, shown_height = picture.width * scale, picture.height * scale
    left, top = x + (width - shown_width) / 2, y + (height - shown_height) / 2
    data = base64.b64encode(png.getvalue()).decode("ascii")
    return (f'<image x="{left:.2f}" y="{top:.2f}" width="{shown_width:.2f}" height="{shown_height:.2f}" '
            f'style="image-rendering: pixelated" preserveAspectRatio="none" '
            f'xlink:href="data:image/png;base64,{data}" href="data:image/png;base64,{data}"/>')


def _span(index: int, parts: int, size: int) -> Tuple[int, int]:
    """The pixels ``[start, stop)`` under part ``index`` of ``parts`` equal parts of ``size`` (at least one)."""
    start = index * size // parts
    return start, max(start + 1, (index + 1) * size // parts)


def _clip(value: float) -> float:
    return 0.0 if not value >= 0.0 else 1.0 if value > 1.0 else value  # NaN drawn as 0, as a bad value


def _can_encode(text: str, encoding: Optional[str]) -> bool:
    try:
        text.encode(encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True
