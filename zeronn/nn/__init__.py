"""Deep learning: the book, chapter by chapter, on zeronn's tensor.

The third layer of the package: it builds on the substrate (the tensor) and the file
formats, and nothing below it imports it.

- ``activations.py`` (3.2, 3.5): ``step``, ``sigmoid``, ``relu``, ``identity``, ``softmax``;
- ``network.py`` (3.4.3): the book's three-layer example, ``init_network`` and ``forward``;
- ``dense.py``: the same as objects of any depth, ``Dense`` and ``Network``, and their JSON.

>>> from zeronn.nn import forward, init_network
>>> forward(init_network(), [1.0, 0.5])
tensor([0.31682708, 0.69627909])
"""

from .activations import identity, relu, sigmoid, softmax, step
from .dense import Dense, Network, load_network, network_from_json, network_to_json, save_network
from .network import forward, init_network

__all__ = [
    "step",
    "sigmoid",
    "relu",
    "identity",
    "softmax",
    "init_network",
    "forward",
    "Dense",
    "Network",
    "network_to_json",
    "network_from_json",
    "save_network",
    "load_network",
]
