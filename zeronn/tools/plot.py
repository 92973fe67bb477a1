"""Line charts with no dependency: SVG for a browser, Vega-Lite for the Vega tools, text
for the terminal.

This module is a leaf: it takes numbers (lists, or anything with ``to_flat_list()``,
such as a tensor) and knows nothing of activations or networks.

- ``Series(x, y, label="", dashed=False)``: one line;
- ``Chart(series, title="", x_label="x", y_label="y", y_limits=None)``: lines on one
  pair of axes, with ``to_svg()``, ``to_vega_lite()``, ``to_text()`` and ``save(path)``;
- ``line_chart(x, y, ...)``: a chart of one series, the common case.

>>> chart = line_chart([0, 1, 2, 3], [0, 1, 4, 9], title="squares")
>>> chart.to_vega_lite()["mark"]
'line'
>>> print(chart.to_text(width=30, height=4, encoding="ascii"))
             squares
  9 |                     ***
    |                *****
4.5 |          ******
  0 |**********
    +------------------------
     0                      3
"""

from __future__ import annotations

__all__ = ["Series", "Chart", "line_chart"]

import json
import math
import os
import sys
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple
from xml.sax.saxutils import escape

# matplotlib's first colours, so the SVGs look like the book's figures.
_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd")
_DASH = "6 4"
_VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"

# ---------------------------------------------------------------------------
# What a chart is
# ---------------------------------------------------------------------------


class Series:
    """One line of a chart: ``x`` and ``y`` of equal length, a label, solid or dashed.

    >>> Series([0, 1], [1, 2], label="y = x + 1")
    Series(2 points, label='y = x + 1', dashed=False)
    """

    __slots__ = ("_x", "_y", "_label", "_dashed")

    def __init__(self, x: Any, y: Any, label: str = "", dashed: bool = False) -> None:
        xs, ys = _numbers(x, "x"), _numbers(y, "y")
        if len(xs) != len(ys):
            raise ValueError(f"x and y must have the same length, got {len(xs)} and {len(ys)}")
        if not xs:
            raise ValueError("a series needs at least one point")
        self._x, self._y = tuple(xs), tuple(ys)
        self._label = str(label)
        self._dashed = bool(dashed)

    @property
    def x(self) -> Tuple[float, ...]:
        """The x values, as floats.

        >>> Series([0, 1], [5, 6]).x
        (0.0, 1.0)
        """
        return self._x

    @property
    def y(self) -> Tuple[float, ...]:
        """The y values, as floats.

        >>> Series([0, 1], [5, 6]).y
        (5.0, 6.0)
        """
        return self._y

    @property
    def label(self) -> str:
        """The name in the legend.

        >>> Series([0], [0], label="step").label
        'step'
        """
        return self._label

    @property
    def dashed(self) -> bool:
        """Whether the line is drawn dashed.

        >>> Series([0], [0], dashed=True).dashed
        True
        """
        return self._dashed

    def __repr__(self) -> str:
        return f"Series({len(self._x)} points, label={self._label!r}, dashed={self._dashed})"


class Chart:
    """Lines on one pair of axes, with a title, axis labels and optional y limits.

    ``y_limits=(low, high)`` fixes the y axis, as the book's ``plt.ylim(-0.1, 1.1)``
    does; without it the axis spans the data.

    >>> x = [-1.0, 0.0, 1.0]
    >>> chart = Chart([Series(x, [0, 0, 1], "step", dashed=True), Series(x, [0.27, 0.5, 0.73], "sigmoid")])
    >>> chart.y_range()
    (0.0, 1.0)
    """

    __slots__ = ("_series", "_title", "_x_label", "_y_label", "_y_limits")

    def __init__(
        self,
        series: Iterable[Series],
        title: str = "",
        x_label: str = "x",
        y_label: str = "y",
        y_limits: Optional[Tuple[float, float]] = None,
    ) -> None:
        self._series = tuple(series)
        if not self._series or not all(isinstance(line, Series) for line in self._series):
            raise TypeError("a chart needs one or more Series")
        if y_limits is not None:
            low, high = (float(limit) for limit in y_limits)
            if not (math.isfinite(low) and math.isfinite(high) and low < high):
                raise ValueError(f"y_limits must be two finite numbers, low < high, got {y_limits!r}")
            y_limits = (low, high)
        self._title, self._x_label, self._y_label = str(title), str(x_label), str(y_label)
        self._y_limits = y_limits

    @property
    def series(self) -> Tuple[Series, ...]:
        """The lines, in drawing order.

        >>> len(line_chart([0, 1], [0, 1]).series)
        1
        """
        return self._series

    @property
    def title(self) -> str:
        """The title above the chart.

        >>> line_chart([0, 1], [0, 1], title="ReLU").title
        'ReLU'
        """
        return self._title

    def x_range(self) -> Tuple[float, float]:
        """The smallest and largest finite x of all series (widened if they are equal).

        >>> line_chart([-5.0, 4.9], [0, 1]).x_range(), line_chart([2.0], [0]).x_range()
        ((-5.0, 4.9), (1.0, 3.0))
        """
        return _widen(_finite_bounds(x for line in self._series for x in line.x))

    def y_range(self) -> Tuple[float, float]:
        """The y limits, or the smallest and largest finite y of all series.

        >>> line_chart([0, 1], [0, 1], y_limits=(-0.1, 1.1)).y_range()
        (-0.1, 1.1)
        """
        if self._y_limits is not None:
            return self._y_limits
        return _widen(_finite_bounds(y for line in self._series for y in line.y))

    # -----------------------------------------------------------------------
    # SVG
    # -----------------------------------------------------------------------

    def to_svg(self, width: int = 600, height: int = 400) -> str:
        """The chart as an SVG 1.1 document: axes with ticks, one polyline per series.

        Screen y grows downwards, so data y is flipped; values beyond the y limits
        are drawn at the edge of the plot area, and NaNs are left out.

        >>> svg = line_chart([0, 1, 2], [0, 1, 4]).to_svg()
        >>> svg.count("<polyline"), 'viewBox="0 0 600 400"' in svg
        (1, True)
        """
        left, right, top, bottom = 60.0, 20.0, 40.0, 50.0
        area = (left, top, width - left - right, height - top - bottom)
        x_low, x_high = self.x_range()
        y_low, y_high = self.y_range()

        def sx(value: float) -> float:
            return area[0] + _fraction(value, x_low, x_high) * area[2]

        def sy(value: float) -> float:
            clamped = min(max(value, y_low), y_high)
            return area[1] + _fraction(-clamped, -y_high, -y_low) * area[3]  # y grows downwards

        font = 'font-family="DejaVu Sans, Arial, sans-serif"'
        text_style = f'{font} font-size="12"'
        parts = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}">',
            f'<rect x="0" y="0" width="{width}" height="{height}" fill="white"/>',
            f'<text x="{width / 2:.1f}" y="24" text-anchor="middle" {font} font-size="16">'
            f"{escape(self._title)}</text>",
        ]
        # Axes: a frame around the plot area, ticks and their labels on the left and bottom.
        parts.append(
            f'<rect x="{area[0]:.1f}" y="{area[1]:.1f}" width="{area[2]:.1f}" height="{area[3]:.1f}" '
            'fill="none" stroke="black" stroke-width="1"/>'
        )
        for tick in nice_ticks(x_low, x_high):
            x = sx(tick)
            parts.append(f'<line x1="{x:.2f}" y1="{area[1] + area[3]:.2f}" x2="{x:.2f}" '
                         f'y2="{area[1] + area[3] + 5:.2f}" stroke="black"/>')
            parts.append(f'<text x="{x:.2f}" y="{area[1] + area[3] + 18:.2f}" text-anchor="middle" '
                         f"{text_style}>{_tick_label(tick)}</text>")
        for tick in nice_ticks(y_low, y_high):
            y = sy(tick)
            parts.append(f'<line x1="{area[0] - 5:.2f}" y1="{y:.2f}" x2="{area[0]:.2f}" y2="{y:.2f}" stroke="black"/>')
            parts.append(f'<text x="{area[0] - 8:.2f}" y="{y + 4:.2f}" text-anchor="end" '
                         f"{text_style}>{_tick_label(tick)}</text>")
        parts.append(f'<text x="{area[0] + area[2] / 2:.1f}" y="{height - 10}" text-anchor="middle" '
                     f"{text_style}>{escape(self._x_label)}</text>")
        parts.append(f'<text x="16" y="{area[1] + area[3] / 2:.1f}" text-anchor="middle" {text_style} '
                     f'transform="rotate(-90 16 {area[1] + area[3] / 2:.1f})">{escape(self._y_label)}</text>')
        for number, line in enumerate(self._series):
            points = " ".join(
                f"{sx(x):.2f},{sy(y):.2f}" for x, y in zip(line.x, line.y) if not math.isnan(y) and math.isfinite(x)
            )
            dash = f' stroke-dasharray="{_DASH}"' if line.dashed else ""
            parts.append(f'<polyline fill="none" stroke="{_colour(number)}" stroke-width="2"{dash} '
                         f'points="{points}"><title>{escape(line.label)}</title></polyline>')
        if len(self._series) > 1:
            parts.extend(self._svg_legend(area[0] + area[2] - 130, area[1] + 10, text_style))
        parts.append("</svg>")
        return "\n".join(parts) + "\n"

    def _svg_legend(self, x: float, y: float, text_style: str) -> List[str]:
        parts = [f'<rect x="{x:.1f}" y="{y:.1f}" width="120" height="{20 * len(self._series) + 6}" '
                 'fill="white" stroke="#999"/>']
        for number, line in enumerate(self._series):
            row = y + 16 + 20 * number
            dash = f' stroke-dasharray="{_DASH}"' if line.dashed else ""
            parts.append(f'<line x1="{x + 8:.1f}" y1="{row - 4:.1f}" x2="{x + 36:.1f}" y2="{row - 4:.1f}" '
                         f'stroke="{_colour(number)}" stroke-width="2"{dash}/>')
            parts.append(f'<text x="{x + 42:.1f}" y="{row:.1f}" {text_style}>{escape(line.label)}</text>')
        return parts

    # -----------------------------------------------------------------------
    # Vega-Lite
    # -----------------------------------------------------------------------

    def to_vega_lite(self, width: int = 600, height: int = 400) -> Dict[str, Any]:
        """The chart as a Vega-Lite v5 spec (a dict; ``json.dumps`` it to save).

        The same shape as the seed notebook's ``VegaLite.new(width: 600, height: 400,
        title: ...) |> data_from_values(...) |> mark(:line)`` with quantitative x and y;
        several series are told apart by a ``series`` field, coloured (and dashed where
        asked). NaN and infinities, which JSON cannot hold, become ``null`` (a gap).

        >>> spec = line_chart([0, 1], [0, 1], title="y = x").to_vega_lite()
        >>> spec["mark"], spec["data"]["values"], spec["encoding"]["x"]["type"]
        ('line', [{'x': 0.0, 'y': 0.0}, {'x': 1.0, 'y': 1.0}], 'quantitative')
        """
        several = len(self._series) > 1
        values = []
        for line in self._series:
            for x, y in zip(line.x, line.y):
                row: Dict[str, Any] = {"x": _json_number(x), "y": _json_number(y)}
                if several:
                    row["series"] = line.label
                values.append(row)
        y_encoding: Dict[str, Any] = {"field": "y", "type": "quantitative", "title": self._y_label}
        if self._y_limits is not None:
            y_encoding["scale"] = {"domain": list(self._y_limits)}
        encoding: Dict[str, Any] = {
            "x": {"field": "x", "type": "quantitative", "title": self._x_label},
            "y": y_encoding,
        }
        if several:
            labels = [line.label for line in self._series]
            encoding["color"] = {"field": "series", "type": "nominal", "title": None,
                                 "scale": {"domain": labels, "range": [_colour(i) for i in range(len(labels))]}}
            if any(line.dashed for line in self._series):
                dashes = [[6, 4] if line.dashed else [1, 0] for line in self._series]
                encoding["strokeDash"] = {"field": "series", "type": "nominal", "legend": None,
                                          "scale": {"domain": labels, "range": dashes}}
        return {
            "$schema": _VEGA_LITE_SCHEMA,
            "title": self._title,
            "width": width,
            "height": height,
            "data": {"values": values},
            "mark": "line",
            "encoding": encoding,
        }

    # -----------------------------------------------------------------------
    # Text
    # -----------------------------------------------------------------------

    def to_text(self, width: int = 80, height: int = 16, encoding: Optional[str] = None) -> str:
        """The chart as lines of text at most ``width`` columns wide, ``height`` rows of plot.

        Where the output ``encoding`` (default: standard output's) can take Unicode,
        lines are drawn in braille dots, 2 x 4 to a character; otherwise in ASCII, one
        ``*`` (then ``o``, ``+``, ``x`` for further series) to a character. The y range
        is labelled on the left, the x range below.

        >>> text = line_chart([0, 1, 2, 3], [0, 1, 4, 9]).to_text(width=40, height=5)
        >>> len(text.splitlines()), max(map(len, text.splitlines())) <= 40
        (7, True)
        """
        if width < 20 or height < 2:
            raise ValueError(f"a text chart needs width >= 20 and height >= 2, got {width} x {height}")
        use_braille = _can_encode("⣿─│└┤", encoding or getattr(sys.stdout, "encoding", None) or "ascii")
        x_low, x_high = self.x_range()
        y_low, y_high = self.y_range()
        y_labels = [_tick_label(y_high), _tick_label((y_low + y_high) / 2), _tick_label(y_low)]
        gutter = max(map(len, y_labels)) + 1
        columns = width - gutter - 2
        dots_x, dots_y = (2, 4) if use_braille else (1, 1)
        canvas = _Canvas(columns * dots_x, height * dots_y)
        for number, line in enumerate(self._series):
            scaled = [
                (_fraction(x, x_low, x_high) * (canvas.width - 1),
                 _fraction(-min(max(y, y_low), y_high), -y_high, -y_low) * (canvas.height - 1))
                for x, y in zip(line.x, line.y) if math.isfinite(x) and not math.isnan(y)
            ]
            canvas.draw_line(scaled, mark=number, dashed=line.dashed)
        rows = canvas.render_braille() if use_braille else canvas.render_ascii()
        vertical, corner, tick, horizontal = ("│", "└", "┤", "─") if use_braille else ("|", "+", "|", "-")
        lines = [(" " * gutter + " " + self._title.center(columns)).rstrip()] if self._title else []
        for number, row in enumerate(rows):
            label = {0: y_labels[0], height // 2: y_labels[1], height - 1: y_labels[2]}.get(number, "")
            lines.append(f"{label.rjust(gutter - 1)} {tick if label else vertical}{row}".rstrip())
        lines.append(" " * gutter + corner + horizontal * columns)
        left, right = _tick_label(x_low), _tick_label(x_high)
        lines.append(" " * (gutter + 1) + left + right.rjust(columns - len(left)))
        notes = []
        if len(self._series) > 1:
            notes.append(", ".join(
                f"{('┄' if line.dashed else '─') if use_braille else _ascii_mark(number)} {line.label}"
                for number, line in enumerate(self._series)
            ))
        if (self._x_label, self._y_label) != ("x", "y"):
            notes.append(f"x: {self._x_label}, y: {self._y_label}")
        if notes:
            lines.append(" " * (gutter + 1) + "; ".join(notes))
        return "\n".join(lines)

    # -----------------------------------------------------------------------
    # Files
    # -----------------------------------------------------------------------

    def save(self, path: "str | os.PathLike[str]") -> str:
        """Write the chart to ``path``; the extension picks the format.

        ``.svg`` (SVG), ``.json`` or ``.vl.json`` (Vega-Lite), ``.txt`` (text, Unicode).
        Returns the format written.

        >>> import os, tempfile
        >>> line_chart([0, 1], [0, 1]).save(os.path.join(tempfile.mkdtemp(), "line.vl.json"))
        'vega-lite'
        """
        name = os.fspath(path).lower()
        if name.endswith(".svg"):
            text, kind = self.to_svg(), "svg"
        elif name.endswith(".json"):
            text, kind = json.dumps(self.to_vega_lite(), indent=1) + "\n", "vega-lite"
        elif name.endswith(".txt"):
            text, kind = self.to_text(encoding="utf-8") + "\n", "text"
        else:
            raise ValueError(f"cannot tell the format of {os.fspath(path)!r}: use .svg, .vl.json, .json or .txt")
        with open(path, "w", encoding="utf-8") as file:
            file.write(text)
        return kind

    def __repr__(self) -> str:
        return f"Chart({list(self._series)!r}, title={self._title!r})"


def line_chart(
    x: Any,
    y: Any,
    *,
    label: str = "",
    title: str = "",
    x_label: str = "x",
    y_label: str = "y",
    y_limits: Optional[Tuple[float, float]] = None,
    dashed: bool = False,
) -> Chart:
    """A chart of one series: ``Chart([Series(x, y, label, dashed)], title, ...)``.

    >>> line_chart([0, 1], [0, 1], title="y = x").title
    'y = x'
    """
    return Chart([Series(x, y, label, dashed)], title, x_label, y_label, y_limits)


def nice_ticks(low: float, high: float, count: int = 6) -> List[float]:
    """Round tick values from ``low`` to ``high``: steps of 1, 2, 2.5 or 5 times a power of 10.

    >>> nice_ticks(-5.0, 4.9)
    [-4.0, -2.0, 0.0, 2.0, 4.0]
    >>> nice_ticks(-0.1, 1.1)
    [0.0, 0.25, 0.5, 0.75, 1.0]
    """
    span = high - low
    if not 0 < span / count < math.inf:  # too narrow or too wide to divide: the ends will do
        return [low, high] if low != high else [low]
    magnitude = 10 ** math.floor(math.log10(span / count))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if span / (m * magnitude) <= count)
    first = math.ceil(low / step - 1e-9)
    ticks = []
    for index in range(first, first + count + 2):
        value = index * step
        if value > high + step * 1e-9:
            break
        ticks.append(round(value, 12) + 0.0)  # + 0.0 turns -0.0 into 0.0
    return ticks


# ---------------------------------------------------------------------------
# Private helpers
# ---------------------------------------------------------------------------


class _Canvas:
    """A grid of dots to draw lines on, rendered as braille or ASCII characters."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self._dots: Dict[Tuple[int, int], int] = {}  # (column, row) -> series number

    def draw_line(self, points: Sequence[Tuple[float, float]], mark: int, dashed: bool) -> None:
        """Join consecutive points with straight runs of dots (every other run if dashed)."""
        for index, ((x0, y0), (x1, y1)) in enumerate(zip(points, points[1:])):
            if dashed and index % 2:
                continue
            steps = max(abs(round(x1) - round(x0)), abs(round(y1) - round(y0)), 1)
            for step in range(steps + 1):
                x = x0 + (x1 - x0) * step / steps
                y = y0 + (y1 - y0) * step / steps
                self._dots.setdefault((round(x), round(y)), mark)
        if len(points) == 1:
            self._dots.setdefault((round(points[0][0]), round(points[0][1])), mark)

    def render_braille(self) -> List[str]:
        # Braille dot bits for (column, row) inside a 2 x 4 cell (Unicode's numbering).
        bits = {(0, 0): 0x01, (0, 1): 0x02, (0, 2): 0x04, (1, 0): 0x08,
                (1, 1): 0x10, (1, 2): 0x20, (0, 3): 0x40, (1, 3): 0x80}  # fmt: skip
        cells = [[0] * (self.width // 2) for _ in range(self.height // 4)]
        for (x, y), _ in self._dots.items():
            cells[y // 4][x // 2] |= bits[(x % 2, y % 4)]
        return ["".join(chr(0x2800 + cell) if cell else " " for cell in row) for row in cells]

    def render_ascii(self) -> List[str]:
        rows = [[" "] * self.width for _ in range(self.height)]
        for (x, y), mark in self._dots.items():
            rows[y][x] = _ascii_mark(mark)
        return ["".join(row) for row in rows]


def _numbers(values: Any, name: str) -> List[float]:
    flat = values.to_flat_list() if hasattr(values, "to_flat_list") else list(values)
    for index, value in enumerate(flat):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"{name} must hold numbers; got {type(value).__name__} {value!r} at [{index}]")
    return [float(value) for value in flat]


def _finite_bounds(values: Iterable[float]) -> Tuple[float, float]:
    finite = [value for value in values if math.isfinite(value)]
    if not finite:
        return (0.0, 1.0)
    return (min(finite), max(finite))


def _fraction(value: float, low: float, high: float) -> float:
    """Where ``value`` lies between ``low`` (0.0) and ``high`` (1.0): ``(value - low) / (high
    - low)``. When the bounds are so far apart that ``high - low`` overflows (near the
    largest float, ±1.7e308), in halves, which gives the same bits there (halving a float
    that large is exact) and keeps the differences finite.

    >>> _fraction(5.0, 0.0, 10.0), _fraction(0.0, -1.7e308, 1.7e308), _fraction(5e-324, 0.0, 1e-323)
    (0.5, 0.5, 0.5)
    """
    span = high - low
    if math.isinf(span):
        return (value / 2 - low / 2) / (high / 2 - low / 2)
    return (value - low) / span


def _widen(bounds: Tuple[float, float]) -> Tuple[float, float]:
    """Bounds with room between them: one point, or equal values, get ±1 around them, or
    more for a value so large that ±1 would not change it (2**53 and beyond).

    >>> _widen((3.0, 3.0)), _widen((2.0**60, 2.0**60)) == (2.0**60 - 2.0**40, 2.0**60 + 2.0**40)
    ((2.0, 4.0), True)
    """
    low, high = bounds
    if low == high:
        pad = max(1.0, abs(low) * 2**-20)
        return (low - pad, high + pad)
    return bounds


def _tick_label(value: float) -> str:
    text = f"{value:.6g}"
    return "0" if text in ("-0", "0") else text


def _colour(number: int) -> str:
    return _COLOURS[number % len(_COLOURS)]


def _ascii_mark(number: int) -> str:
    return "*o+x#"[number % 5]


def _json_number(value: float) -> Optional[float]:
    return value if math.isfinite(value) else None


def _can_encode(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True
