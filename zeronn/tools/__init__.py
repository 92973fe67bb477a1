"""Tools: what a person runs, on top of everything else; nothing in the package imports them.

- ``cli.py``: ``python -m zeronn`` and its subcommands;
- ``book.py``: ``python -m zeronn book``, the book's own scripts with ``numpy`` giving zeronn;
- ``mnist.py``: the chapter-3 MNIST run with the book's weights;
- ``plot.py``: line charts as SVG, Vega-Lite JSON and terminal text.
"""
