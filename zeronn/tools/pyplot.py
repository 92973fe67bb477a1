"""matplotlib and PIL for the book's scripts, drawn in the terminal (and as SVG on request).

``python -m zeronn book`` gives a script these stand-ins for ``matplotlib.pyplot`` (and
``pylab``), ``matplotlib.image`` and ``PIL.Image``. They take every call the book's
scripts make, found by reading all of them:

- lines: ``plt.plot(y)``, ``plt.plot(x, y, "--", label=..., linestyle=..., marker=...,
  markevery=..., color=...)``, ``plt.plot(0, 0, "+")``; ``xlabel``, ``ylabel``, ``title``,
  ``xlim``, ``ylim``, ``xticks``, ``yticks``, ``legend``, ``grid``, ``draw``;
  ``plt.hist(values, bins, range=...)``, drawn as the line of its counts;
- panels: ``plt.figure()``, ``plt.subplot(rows, columns, index)``,
  ``fig.add_subplot(rows, columns, index, xticks=[], yticks=[])``, ``fig.subplots_adjust``;
- pictures: ``plt.imshow`` and ``ax.imshow(data, cmap=plt.cm.gray_r, interpolation=...)``
  (filters, digits, photographs), ``matplotlib.image.imread`` (PNG, see ``io/png.py``),
  ``Image.fromarray(pixels).show()`` and ``Image.open(path)``;
- ``plt.show()``: every panel drawn since the last show, lines as text charts, pictures
  shaded; with a folder for figures, each figure is also written there as SVG.

What a terminal cannot draw (``quiver``, ``contour``, 3-d axes) is skipped, and named
once, at ``show()``. Any other call is taken and does nothing, so a script never stops
at a drawing call.

>>> import io
>>> out = io.StringIO()
>>> plt = PyplotStandIn(out)
>>> plt.imshow([[0, 1], [1, 0]], cmap=plt.cm.gray_r); plt.show()
>>> print(out.getvalue().replace(" ", "."))     # gray_r: 0 is white, 1 black
@@
..@@
<BLANKLINE>
"""

from __future__ import annotations

__all__ = ["PyplotStandIn", "Figure", "Axes", "ImageModule", "PilImageModule"]

import builtins
import os
import types
from typing import Any, List, Optional, TextIO, Tuple

from ..io.png import imread, read_png
from .picture import Picture, fitted_size, grid, shade, to_svg_image
from .plot import Chart, Series

_WIDTH = 78
_CELL = (320, 240)  # an SVG panel's size in points


class Axes:
    """One panel of a figure: its lines, its pictures, a title, axis labels and limits.

    ``position`` is ``(rows, columns, index)``, as ``plt.subplot(2, 2, 1)`` gives it.
    """

    def __init__(self, position: Tuple[int, int, int] = (1, 1, 1)) -> None:
        self.position = position
        self.series: List[Series] = []
        self.pictures: List[Picture] = []
        self.skipped: List[str] = []
        self.title_text = ""
        self.labels = ("x", "y")
        self.y_limits: Optional[Tuple[float, float]] = None

    def plot(self, *args: Any, label: str = "", linestyle: str = "-", **ignored: Any) -> List[Any]:
        """``plot(y)``, ``plot(x, y)``, ``plot(x, y, "k--")``, ``plot(0, 0, "+")``: one line, dashed
        for a format or ``linestyle`` of ``--``."""
        formats = [arg for arg in args if isinstance(arg, str)]
        numbers = [arg for arg in args if not isinstance(arg, str)]
        if len(numbers) == 1:
            numbers = [list(range(len(_flat(numbers[0])))), numbers[0]]
        x, y = _flat(numbers[0]), _flat(numbers[1])
        dashed = any("--" in fmt for fmt in formats) or linestyle in ("--", "dashed")
        self.series.append(Series(x, y, label or f"line {len(self.series) + 1}", dashed))
        return []

    def hist(self, x: Any, bins: int = 10, range: Optional[Tuple[float, float]] = None,  # noqa: A002 - matplotlib's name
             **ignored: Any) -> Tuple[List[int], List[float], Any]:
        """A histogram, drawn as the line of its counts over the bins' centres."""
        values = _flat(x)
        low, high = range if range is not None else (min(values, default=0.0), max(values, default=1.0))
        width = (high - low) / bins if high > low else 1.0
        counts = [0] * bins
        for value in values:
            if low <= value <= high:
                counts[min(bins - 1, int((value - low) / width))] += 1
        edges = [low + k * width for k in builtins.range(bins + 1)]
        self.series.append(Series([(a + b) / 2 for a, b in zip(edges, edges[1:])], counts, "histogram"))
        return counts, edges, None

    def imshow(self, X: Any, cmap: Any = None, vmin: Optional[float] = None, vmax: Optional[float] = None,
               **ignored: Any) -> None:
        """A picture: 2-d data through a colour map (scaled from its least to its greatest value),
        or RGB(A)."""
        self.pictures.append(Picture(X, cmap, vmin, vmax))

    def set_title(self, text: Any, **ignored: Any) -> None:
        self.title_text = str(text)

    def set_xlabel(self, text: Any, **ignored: Any) -> None:
        self.labels = (str(text), self.labels[1])

    def set_ylabel(self, text: Any, **ignored: Any) -> None:
        self.labels = (self.labels[0], str(text))

    def set_ylim(self, *limits: Any, **ignored: Any) -> None:
        """Fix the y axis: ``(-0.1, 1.1)`` or ``((-0.1, 1.1),)``."""
        low, high = limits[0] if len(limits) == 1 else limits
        self.y_limits = (float(low), float(high))

    def skip(self, name: str) -> None:
        """A call the terminal cannot draw: noted, named at ``show()``."""
        self.skipped.append(name)

    def chart(self) -> Chart:
        x_label, y_label = self.labels
        return Chart(self.series, title=self.title_text, x_label=x_label, y_label=y_label, y_limits=self.y_limits)

    def __getattr__(self, name: str) -> Any:
        """Any other method (``set_xticks``, ``quiver``, ...) does nothing, noted when it draws."""
        if name.startswith("__"):
            raise AttributeError(name)
        if name.removeprefix("set_") not in _LAYOUT:
            self.skip(name)
        return _nothing


class Figure:
    """A figure: its panels, in the order they were made.

    >>> figure = Figure()
    >>> figure.add_subplot(2, 2, 3).position, figure.add_subplot(224).position, len(figure.axes)
    ((2, 2, 3), (2, 2, 4), 2)
    """

    def __init__(self) -> None:
        self.axes: List[Axes] = []

    def add_subplot(self, *args: Any, **ignored: Any) -> Axes:
        """The panel at ``(rows, columns, index)`` (or ``221`` written as one number), made if new."""
        if len(args) == 1 and isinstance(args[0], int) and 111 <= args[0] <= 999:
            args = tuple(int(digit) for digit in str(args[0]))
        position = (int(args[0]), int(args[1]), int(args[2])) if len(args) == 3 else (1, 1, 1)
        for axes in self.axes:
            if axes.position == position:
                return axes
        self.axes.append(Axes(position))
        return self.axes[-1]

    def gca(self) -> Axes:
        """The current panel: the last one made (one is made if there is none)."""
        return self.axes[-1] if self.axes else self.add_subplot(1, 1, 1)

    def subplots_adjust(self, *args: Any, **kwargs: Any) -> None:
        """Spacing between panels: nothing to do in a terminal."""

    def __getattr__(self, name: str) -> Any:
        """Any other method (``suptitle``, ``savefig``, ...) does nothing."""
        if name.startswith("__"):
            raise AttributeError(name)
        return _nothing


class PyplotStandIn(types.ModuleType):
    """``matplotlib.pyplot`` for a terminal: calls draw on the current figure's current panel,
    ``show()`` draws them all. ``figures``: a folder where each figure is also written as SVG.

    >>> import io
    >>> out = io.StringIO()
    >>> plt = PyplotStandIn(out)
    >>> plt.plot([0, 1, 2], [0, 1, 4], "k--")
    []
    >>> plt.ylim(0, 4); plt.title("squares")
    >>> plt.show()
    >>> print(out.getvalue().splitlines()[0].strip())
    squares
    """

    def __init__(self, out: TextIO, figures: Optional[str] = None) -> None:
        super().__init__("matplotlib.pyplot")
        self._out = out
        self._folder = figures
        self._written = 0
        self._figures: List[Figure] = []
        self.cm = types.SimpleNamespace(**{name: types.SimpleNamespace(name=name) for name in (
            "gray", "gray_r", "grey", "grey_r", "binary", "binary_r", "viridis", "jet", "hot", "cool", "bone")})

    # -- figures and panels ------------------------------------------------------

    def figure(self, *args: Any, **kwargs: Any) -> Figure:
        """A new figure, which the calls that follow draw on."""
        self._figures.append(Figure())
        return self._figures[-1]

    def gcf(self) -> Figure:
        return self._figures[-1] if self._figures else self.figure()

    def gca(self, **ignored: Any) -> Axes:
        return self.gcf().gca()

    def subplot(self, *args: Any, **ignored: Any) -> Axes:
        """Make the panel at ``(rows, columns, index)`` of the current figure the current one."""
        figure = self.gcf()
        axes = figure.add_subplot(*args)
        figure.axes.remove(axes)
        figure.axes.append(axes)  # the current panel is the last
        return axes

    # -- what pyplot's own functions draw on the current panel -----------------------

    def plot(self, *args: Any, **kwargs: Any) -> List[Any]:
        return self.gca().plot(*args, **kwargs)

    def hist(self, *args: Any, **kwargs: Any) -> Tuple[List[int], List[float], Any]:
        return self.gca().hist(*args, **kwargs)

    def imshow(self, *args: Any, **kwargs: Any) -> None:
        self.gca().imshow(*args, **kwargs)

    def title(self, text: Any, **ignored: Any) -> None:
        self.gca().set_title(text)

    def xlabel(self, text: Any, **ignored: Any) -> None:
        self.gca().set_xlabel(text)

    def ylabel(self, text: Any, **ignored: Any) -> None:
        self.gca().set_ylabel(text)

    def ylim(self, *limits: Any, **ignored: Any) -> None:
        """Fix the y axis, as ``plt.ylim(-0.1, 1.1)`` does."""
        self.gca().set_ylim(*limits)

    def show(self, *ignored: Any, **also_ignored: Any) -> None:
        """Draw every panel made since the last ``show``, then start afresh."""
        for figure in self._figures:
            self._draw(figure)
        self._figures = []

    def __getattr__(self, name: str) -> Any:
        """Everything else (``legend``, ``xlim``, ``quiver``, ...) does nothing, noted when it draws."""
        if name.startswith("__"):
            raise AttributeError(name)
        if name not in _LAYOUT:
            self.gca().skip(name)
        return _nothing

    # -- drawing ----------------------------------------------------------------------

    def _draw(self, figure: Figure) -> None:
        encoding = getattr(self._out, "encoding", None)
        panels = [axes for axes in figure.axes if axes.series or axes.pictures]
        pictures = [axes for axes in panels if axes.pictures]
        for axes in panels:
            if axes.series:
                height = 16 if len(panels) == 1 else 10
                print(axes.chart().to_text(width=_WIDTH, height=height, encoding=encoding), file=self._out)
        if pictures:
            columns = max(axes.position[1] for axes in pictures)
            room = max(4, (_WIDTH - (columns - 1)) // columns)
            blocks = []
            for axes in sorted(pictures, key=lambda panel: panel.position[2]):
                picture = axes.pictures[-1]
                lines = shade(picture, *fitted_size(picture, room), encoding=encoding)
                blocks.append(([axes.title_text[:room]] if axes.title_text else []) + lines)
            print("\n".join(grid(blocks, columns)), file=self._out)
        skipped = sorted({name for axes in figure.axes for name in axes.skipped})
        if skipped:
            print(f"(matplotlib: {', '.join(skipped)} not drawn in the terminal)", file=self._out)
        if self._folder is not None and panels:
            self._written += 1
            path = os.path.join(self._folder, f"figure-{self._written}.svg")
            with open(path, "w", encoding="utf-8") as file:
                file.write(figure_svg(panels))
            print(f"(figure written to {path})", file=self._out)


def figure_svg(panels: List[Axes]) -> str:
    """The panels as one SVG document, each in its place of its ``subplot`` grid."""
    rows = max(axes.position[0] for axes in panels)
    columns = max(axes.position[1] for axes in panels)
    width, height = _CELL[0] * columns, _CELL[1] * rows
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" '
             f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
             f'<rect x="0" y="0" width="{width}" height="{height}" fill="white"/>']
    for axes in panels:
        panel_rows, panel_columns, index = axes.position
        cell_width, cell_height = width / panel_columns, height / panel_rows
        x, y = (index - 1) % panel_columns * cell_width, (index - 1) // panel_columns * cell_height
        if axes.series:  # the chart's own SVG, nested in the panel's box, without its XML declaration
            chart = axes.chart().to_svg(600, 400).split("\n", 1)[1]
            box = f'<svg x="{x:.2f}" y="{y:.2f}" width="{cell_width:.2f}" height="{cell_height:.2f}" '
            parts.append(box + chart[len("<svg "):])
        for picture in axes.pictures[-1:]:
            parts.append(to_svg_image(picture, x + 4, y + 4, cell_width - 8, cell_height - 8))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


# ---------------------------------------------------------------------------
# matplotlib.image and PIL.Image
# ---------------------------------------------------------------------------


class ImageModule(types.ModuleType):
    """``matplotlib.image``: ``imread`` of a PNG, float32 in [0, 1] (``io.png.imread``)."""

    def __init__(self) -> None:
        super().__init__("matplotlib.image")
        self.imread = imread


class PilImageModule(types.ModuleType):
    """``PIL.Image``: ``fromarray(pixels)`` and ``open(path)`` give an image whose ``show()``
    draws it in the terminal, as PIL would open it in a window."""

    def __init__(self, pyplot: PyplotStandIn) -> None:
        super().__init__("PIL.Image")
        self._pyplot = pyplot

    def fromarray(self, obj: Any, mode: Optional[str] = None) -> _PilImage:
        """An image of uint8 pixels, grey (H, W) or colour (H, W, 3 or 4), shown as they are."""
        return _PilImage(self._pyplot, obj)

    def open(self, fp: Any, mode: str = "r", formats: Any = None) -> _PilImage:
        """A PNG file's image (its 8-bit samples; other PNGs as ``imread`` reads them)."""
        samples = read_png(fp)
        if samples.dtype == "uint8" and (samples.ndim == 2 or samples.shape[2] in (3, 4)):
            return _PilImage(self._pyplot, samples)
        return _PilImage(self._pyplot, imread(fp))

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return _nothing


class _PilImage:
    """What ``Image.fromarray`` and ``Image.open`` give: ``size``, ``mode`` and ``show()``."""

    def __init__(self, pyplot: PyplotStandIn, pixels: Any) -> None:
        self._pyplot = pyplot
        grey = getattr(pixels, "ndim", 2) == 2
        self._picture = Picture(pixels, "gray", vmin=0.0 if grey else None, vmax=255.0 if grey else None)
        self.size = (self._picture.width, self._picture.height)
        self.mode = "L" if grey else "RGB"

    def show(self, *ignored: Any, **also_ignored: Any) -> None:
        """Shade the image in the terminal (PIL would open it in a window)."""
        figure = Figure()
        figure.add_subplot(1, 1, 1).pictures.append(self._picture)
        self._pyplot._draw(figure)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return _nothing


# ---------------------------------------------------------------------------
# Private helpers
# ---------------------------------------------------------------------------

_LAYOUT = {"legend", "figure", "grid", "draw", "xlim", "xticks", "yticks", "tight_layout", "close", "axis",
           "subplots_adjust", "savefig", "clf", "cla", "pause", "ion", "ioff"}


def _nothing(*args: Any, **kwargs: Any) -> Any:
    return _Nothing()


class _Nothing:
    """What an ignored matplotlib or PIL call returns: anything done with it does nothing."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return _nothing

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self


def _flat(values: Any) -> List[float]:
    """Numbers from a tensor, a list or one number."""
    if hasattr(values, "to_flat_list"):
        return [float(value) for value in values.to_flat_list()]
    if isinstance(values, (int, float)):
        return [float(values)]
    return [float(value) for value in values]

