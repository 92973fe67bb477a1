"""Tools: what a person runs, on top of everything else; nothing in the package imports them.

- ``cli.py``: ``python -m zeronn`` and its subcommands;
- ``book.py``: ``python -m zeronn book``, the book's own scripts with ``numpy`` giving zeronn;
- ``pyplot.py``: the matplotlib and PIL those scripts see, drawing in the terminal and as SVG;
- ``picture.py``: pictures of 2-d data (``imshow``), shaded in text or as SVG;
- ``mnist.py``: the chapter-3 MNIST run with the book's weights;
- ``plot.py``: line charts as SVG, Vega-Lite JSON and terminal text.
"""
