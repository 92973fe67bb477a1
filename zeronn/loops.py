"""NumPy's ufuncs one element at a time: what each computes, and in which dtype.

A ufunc ("universal function") is NumPy's name for an operation applied element by
element: ``np.add``, ``np.exp``, ``np.less``. ``core.elementwise`` and ``core.unary``
do the broadcasting, the dtypes and the memory layout; this table says, for each
ufunc's name, which Python function computes one element:

- ``BINARY``: two-argument ufuncs, as ``(fast, safe)``: ``fast`` is Python's own operator
  (C speed, but it raises on some inputs, ``1.0 / 0.0``), ``safe`` its IEEE twin from
  ``ieee.py``, which answers where ``fast`` raises and agrees everywhere else;
- ``COMPARISONS``: the binary ufuncs whose result is bool;
- ``ON_BOOLS``: what ``+`` and ``*`` mean on bools (``or`` and ``and``, as in NumPy);
- ``UNARY``: one-argument ufuncs, ``(fast, safe)`` likewise;
- ``unary_dtype(name, dtype)``: the dtype a one-argument ufunc computes in.

>>> fast, safe = BINARY["true_divide"]
>>> fast(1.0, 4.0), safe(1.0, 0.0)
(0.25, inf)
"""

from __future__ import annotations

__all__ = ["BINARY", "COMPARISONS", "ON_BOOLS", "UNARY", "TO_FLOAT", "unary_dtype"]

import math
import operator
from typing import Any, Callable, Dict, Tuple

from . import dtypes, ieee
from .dtypes import DType

# name -> (Python's operator, its IEEE twin for when the operator raises)
BINARY: Dict[str, Tuple[Callable[[Any, Any], Any], Callable[[Any, Any], Any]]] = {
    "add": (operator.add, operator.add),
    "subtract": (operator.sub, operator.sub),
    "multiply": (operator.mul, operator.mul),
    "true_divide": (operator.truediv, ieee.divide),
    "floor_divide": (operator.floordiv, ieee.floor_divide),
    "remainder": (operator.mod, ieee.remainder),
    "power": (ieee.power, ieee.power),
    "maximum": (ieee.maximum, ieee.maximum),
    "minimum": (ieee.minimum, ieee.minimum),
    "less": (operator.lt, operator.lt),
    "less_equal": (operator.le, operator.le),
    "greater": (operator.gt, operator.gt),
    "greater_equal": (operator.ge, operator.ge),
    "equal": (operator.eq, operator.eq),
    "not_equal": (operator.ne, operator.ne),
}
COMPARISONS = {"less", "less_equal", "greater", "greater_equal", "equal", "not_equal"}
# On bools NumPy's + is "or" and * is "and"; - has no meaning.
ON_BOOLS = {"add": operator.or_, "multiply": operator.and_}
UNARY: Dict[str, Tuple[Callable[[Any], Any], Callable[[Any], Any]]] = {
    "negative": (operator.neg, operator.neg),
    "absolute": (abs, abs),
    "exp": (math.exp, ieee.exp),
    "log": (math.log, ieee.log),
    "sqrt": (math.sqrt, ieee.sqrt),
}
TO_FLOAT = {"exp", "log", "sqrt"}  # integers and bools go in as floats: see unary_dtype


def unary_dtype(name: str, dtype: DType) -> DType:
    """The dtype NumPy computes ``name`` of ``dtype`` in: ``dtype`` itself, except that
    ``exp``, ``log`` and ``sqrt`` take integers and bools as the smallest float that holds
    every value exactly: float32 for 2-byte integers, float64 for wider ones, and float16
    for bools and 1-byte integers, which zeronn does not have, so it says so.

    >>> unary_dtype("exp", dtypes.int16), unary_dtype("exp", dtypes.int64), unary_dtype("negative", dtypes.int64)
    (dtype('float32'), dtype('float64'), dtype('int64'))
    """
    if name not in TO_FLOAT or dtype.kind == "f":
        return dtype
    if dtype.itemsize == 1:
        raise TypeError(
            f"NumPy computes {name} of {dtype.name} in float16, which zeronn does not have; "
            "convert first, as x.astype('float32') or x.astype(float)"
        )
    return dtypes.float32 if dtype.itemsize == 2 else dtypes.float64
