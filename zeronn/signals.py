"""Signals: the Kaiser window, the Bessel function ``i0`` it is made of, and convolution.

The book smooths its training curves with these (``common/util.py``'s ``smooth_curve``):
the loss is convolved with a Kaiser window of 11 points, normalised to sum to 1, so that
each point becomes a weighted average of its neighbours::

    w = np.kaiser(11, 2)
    y = np.convolve(w / w.sum(), s, mode="valid")

- ``kaiser(M, beta)``: NumPy's Kaiser window, ``i0(beta * sqrt(1 - ((n - alpha) / alpha)**2)) / i0(beta)``;
- ``i0(x)``: the modified Bessel function of the first kind, order 0, by the Chebyshev
  series NumPy takes from the Cephes library (the same coefficients, the same steps);
- ``convolve(a, v, mode)`` and ``correlate(a, v, mode)``: sums of products of one 1-d
  sequence sliding along another, with NumPy's three modes::

      a          1 2 3                full   (len(a) + len(v) - 1 outputs: every overlap)
      v flipped  . . .  ->  slides    same   (max(len(a), len(v)) outputs, centred)
                                      valid  (only where the shorter lies wholly inside)

>>> convolve([1, 2, 3], [0, 1, 0.5])
tensor([0. , 1. , 2.5, 4. , 1.5])
>>> convolve([1, 2, 3], [0, 1, 0.5], "same"), convolve([1, 2, 3], [0, 1, 0.5], "valid")
(tensor([1. , 2.5, 4. ]), tensor([2.5]))
>>> kaiser(5, 2)
tensor([0.43867628, 0.83476143, 1.        , 0.83476143, 0.43867628])
"""

from __future__ import annotations

__all__ = ["kaiser", "i0", "convolve", "correlate"]

from operator import mul
from typing import Any, List, Sequence, Union

from .casting import round_float32, wrap
from .core import Tensor, as_tensor, tensor
from .creation import arange, ones, zeros_like
from .dtypes import bool_, float64, result_type
from .ufuncs import absolute, exp, sqrt

# ---------------------------------------------------------------------------
# i0 and the Kaiser window
# ---------------------------------------------------------------------------

# The Chebyshev coefficients of Cephes' i0 (S. L. Moshier), as NumPy keeps them: for
# |x| <= 8, exp(-x) * i0(x) on [0, 8]; beyond, exp(-x) * sqrt(x) * i0(x) in 8/x.
_I0A = [
    -4.41534164647933937950e-18, 3.33079451882223809783e-17, -2.43127984654795469359e-16,
    1.71539128555513303061e-15, -1.16853328779934516808e-14, 7.67618549860493561688e-14,
    -4.85644678311192946090e-13, 2.95505266312963983461e-12, -1.72682629144155570723e-11,
    9.67580903537323691224e-11, -5.18979560163526290666e-10, 2.65982372468238665035e-9,
    -1.30002500998624804212e-8, 6.04699502254191894932e-8, -2.67079385394061173391e-7,
    1.11738753912010371815e-6, -4.41673835845875056359e-6, 1.64484480707288970893e-5,
    -5.75419501008210370398e-5, 1.88502885095841655729e-4, -5.76375574538582365885e-4,
    1.63947561694133579842e-3, -4.32430999505057594430e-3, 1.05464603945949983183e-2,
    -2.37374148058994688156e-2, 4.93052842396707084878e-2, -9.49010970480476444210e-2,
    1.71620901522208775349e-1, -3.04682672343198398683e-1, 6.76795274409476084995e-1,
]  # fmt: skip
_I0B = [
    -7.23318048787475395456e-18, -4.83050448594418207126e-18, 4.46562142029675999901e-17,
    3.46122286769746109310e-17, -2.82762398051658348494e-16, -3.42548561967721913462e-16,
    1.77256013305652638360e-15, 3.81168066935262242075e-15, -9.55484669882830764870e-15,
    -4.15056934728722208663e-14, 1.54008621752140982691e-14, 3.85277838274214270114e-13,
    7.18012445138366623367e-13, -1.79417853150680611778e-12, -1.32158118404477131188e-11,
    -3.14991652796324136454e-11, 1.18891471078464383424e-11, 4.94060238822496958910e-10,
    3.39623202570838634515e-9, 2.26666899049817806459e-8, 2.04891858946906374183e-7,
    2.89137052083475648297e-6, 6.88975834691682398426e-5, 3.36911647825569408990e-3,
    8.04490411014108831608e-1,
]  # fmt: skip


def i0(x: Any) -> Tensor:
    """The modified Bessel function of the first kind, order 0, of every element (``np.i0``).

    Integers and bools are computed as float64, floats in their own dtype. A number gives
    a 0-d tensor, as NumPy's gives a 0-d array. ``i0`` is even, and grows as ``exp(|x|)``:
    ``inf`` from about 713 on.

    >>> i0([0.0, 1.0, -3.0, 10.0])
    tensor([1.00000000e+00, 1.26606588e+00, 4.88079259e+00, 2.81571663e+03])
    >>> i0(0.5)
    tensor(1.06348337)
    >>> i0([[1.0, 2.0]]).shape
    (1, 2)
    """
    x = as_tensor(x)
    if x.ndim == 0:  # (computed as a 1-d tensor: zeronn's ufuncs give a 0-d one's result as a number)
        return i0(x.reshape(1)).reshape(())
    if x.dtype.kind != "f":
        x = x.astype(float64)
    x = absolute(x)
    # NumPy's piecewise: each series only where it applies, so 32 / x never meets a 0
    y = zeros_like(x)
    small = x <= 8.0
    large = ~small
    if small.any():
        y[small] = _i0_small(x[small])
    if large.any():
        y[large] = _i0_large(x[large])
    return y


def _chbevl(x: Tensor, vals: Sequence[float]) -> Tensor:
    """Cephes' Chebyshev series ``vals`` at ``x``, summed by Clenshaw's recurrence."""
    b0: Any = vals[0]
    b1: Any = 0.0
    b2: Any = 0.0
    for value in vals[1:]:
        b2 = b1
        b1 = b0
        b0 = x * b1 - b2 + value
    result: Tensor = 0.5 * (b0 - b2)
    return result


def _i0_small(x: Tensor) -> Tensor:
    result: Tensor = exp(x) * _chbevl(x / 2.0 - 2, _I0A)
    return result


def _i0_large(x: Tensor) -> Tensor:
    result: Tensor = exp(x) * _chbevl(32.0 / x - 2.0, _I0B) / sqrt(x)
    return result


def kaiser(M: Union[int, float], beta: float) -> Tensor:
    """The Kaiser window of ``M`` points (``np.kaiser``): a taper from near 0 up to 1 in
    the middle and down again, narrower as ``beta`` grows (0 gives a flat window).

    As in NumPy, point ``n`` is ``i0(beta * sqrt(1 - ((n - alpha) / alpha)**2)) / i0(beta)``
    with ``alpha = (M - 1) / 2``; ``M`` of 1 gives ``[1.]``, and ``M`` below 1 an empty
    window. ``M`` should be a whole number: NumPy takes any, and so does zeronn (the points
    past the window's end are NaN, with NumPy's warning).

    >>> kaiser(11, 2)[:3], kaiser(1, 5), kaiser(0, 5), kaiser(3, 0)
    (tensor([0.43867628, 0.61139435, 0.767675  ]), tensor([1.]), tensor([], dtype=float64), tensor([1., 1., 1.]))
    >>> kaiser(4, "2")
    Traceback (most recent call last):
    ...
    TypeError: kaiser's M and beta must be numbers, got 4 and '2'
    """
    if not all(isinstance(value, (int, float)) for value in (M, beta)):
        raise TypeError(f"kaiser's M and beta must be numbers, got {M!r} and {beta!r}")
    M, beta = float(M), float(beta)  # NumPy's np.array([0.0, M, beta]): float64
    if M == 1:
        return ones(1)
    n = arange(0, M)
    alpha = (M - 1) / 2.0
    window: Tensor = i0(beta * sqrt(1 - ((n - alpha) / alpha) ** 2.0)) / i0(beta)
    return window


# ---------------------------------------------------------------------------
# convolve and correlate
# ---------------------------------------------------------------------------

_MODES = {"valid": 0, "same": 1, "full": 2}


def convolve(a: Any, v: Any, mode: Union[str, int] = "full") -> Tensor:
    """The discrete linear convolution of two 1-d sequences (``np.convolve``):
    ``out[k] = sum(a[i] * v[k - i])`` over every ``i`` where both exist.

    ``mode``: ``"full"`` (every overlap, ``len(a) + len(v) - 1`` outputs), ``"same"``
    (``max(len(a), len(v))`` outputs, centred on the full ones), ``"valid"`` (only where
    the shorter lies wholly within the longer); or NumPy's numbers for them, 2, 1 and 0.
    The result's dtype is the two operands' (integers add exactly and wrap, bools give
    ``any(a and v)``); each output's products are added in order, as NumPy's loop adds them
    (float32 and float16 in float32, each step rounded).
    It is ``correlate(a, v[::-1], mode)``, with the longer sequence first.

    >>> convolve([1, 2, 3], [1, 1]), convolve([0.5], [2, 4], mode="same")
    (tensor([1, 3, 5, 3]), tensor([1., 2.]))
    >>> convolve([], [1])
    Traceback (most recent call last):
    ...
    ValueError: a cannot be empty
    >>> convolve([1, 2], [1], mode="middle")
    Traceback (most recent call last):
    ...
    ValueError: mode must be one of 'valid', 'same', or 'full' (got 'middle')
    """
    a, v = _vector(a), _vector(v)
    if len(a) == 0:
        raise ValueError("a cannot be empty")
    if len(v) == 0:
        raise ValueError("v cannot be empty")
    if len(v) > len(a):
        a, v = v, a
    return correlate(a, v[::-1], mode)


def correlate(a: Any, v: Any, mode: Union[str, int] = "valid") -> Tensor:
    """The cross-correlation of two 1-d sequences (``np.correlate``): ``out[k] =
    sum(a[k + i] * v[i])``, ``v`` sliding along ``a``; ``mode`` as for ``convolve``, but
    ``"valid"`` by default. A ``v`` longer than ``a`` gives the outputs in reverse, as NumPy's.

    >>> correlate([1, 2, 3], [0, 1, 0.5]), correlate([1, 2, 3], [0, 1, 0.5], "full")
    (tensor([3.5]), tensor([0.5, 2. , 3.5, 3. , 0. ]))
    >>> correlate([1.0], [[1.0]])
    Traceback (most recent call last):
    ...
    ValueError: object too deep for desired array
    """
    code = _mode(mode)
    a, v = _vector(a), _vector(v)
    common = result_type(a, v)
    for position, operand in (("first", a), ("second", v)):
        if len(operand) == 0:
            raise ValueError(f"{position} array argument cannot be empty")
    inverted = len(v) > len(a)
    if inverted:
        a, v = v, a
    longer, shorter = a.tolist(), v.tolist()
    n = len(shorter)
    left = (0, n // 2, n - 1)[code]  # outputs before the first full overlap
    right = (0, n - n // 2 - 1, n - 1)[code]  # and after the last
    single = common.kind == "f" and common.itemsize < 8  # float32 and float16 add in float32
    values = [_dot(longer, shorter, start, single) for start in range(-left, len(longer) - n + 1 + right)]
    if inverted:
        values.reverse()
    return _as_dtype(values, common)


def _dot(longer: List[Any], shorter: List[Any], start: int, single: bool) -> Any:
    """The sum of the products of ``shorter`` laid on ``longer`` from position ``start``
    (which may begin before ``longer`` or run past its end), in order (in float32 if ``single``)."""
    first = max(0, -start)
    last = min(len(shorter), len(longer) - start)
    products = map(mul, longer[start + first : start + last], shorter[first:last])
    if single:
        total = 0.0
        for product in products:
            total = round_float32(total + round_float32(product))
        return total
    return sum(products, 0)


def _as_dtype(values: List[Any], common: Any) -> Tensor:
    if common is bool_:
        return tensor([bool(value) for value in values], dtype=bool_)
    if common.kind in "iu":
        return tensor(wrap(values, common), dtype=common)
    return tensor([float(value) for value in values], dtype=common)


def _vector(x: Any) -> Tensor:
    """``x`` as a 1-d tensor (NumPy's ``ndmin=1``), refusing more dimensions, as NumPy's C does."""
    vector = as_tensor(x)
    if vector.ndim > 1:
        raise ValueError("object too deep for desired array")
    return vector.reshape(1) if vector.ndim == 0 else vector


def _mode(mode: Any) -> int:
    """NumPy's number for a ``mode``: ``"valid"`` 0, ``"same"`` 1, ``"full"`` 2, with its refusals."""
    if isinstance(mode, str):
        if mode in _MODES:
            return _MODES[mode]
        if mode[:1].lower() in ("v", "s", "f"):  # NumPy 1's abbreviations, which NumPy 2 refuses
            raise ValueError("Use one of 'valid', 'same', or 'full' for convolve/correlate mode")
        raise ValueError(f"mode must be one of 'valid', 'same', or 'full' (got {mode!r})")
    if isinstance(mode, int) and not isinstance(mode, bool) and mode in (0, 1, 2):
        return mode
    raise ValueError("integer convolve/correlate mode must be 0, 1, or 2")
