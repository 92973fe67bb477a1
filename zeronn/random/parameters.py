"""How the legacy distributions take their parameters and ``size`` (NumPy's ``_common.pyx``).

A distribution's parameters are numbers or arrays (nested lists, tuples, tensors), and
NumPy treats the two cases apart:

- all numbers: each is checked once (``check``), every draw uses the same values, and
  ``size=None`` gives one Python number;
- any array: each parameter is checked as an array (``check_array``, whose messages say
  "contains NaNs" where the other says "is NaN"), the parameters broadcast against each
  other and against ``size``, and each element of the output is drawn, in row-major
  order, with the parameters at its place.

``fill`` does both for one distribution: ``fill(draw, bits, size, parameters)`` with
``draw(bits, *values)`` drawing one number. ``shape_of`` reads ``size`` as ``np.empty``
reads a shape.

>>> from .mt19937 import MT19937
>>> bits = MT19937(0)
>>> fill(lambda bits, low, span: low + span * bits.next_double(), bits, None, [([0, 10], "low"), (1, "span")])
tensor([ 0.5488135 , 10.71518937])
>>> check(-0.0, "scale", NON_NEGATIVE)
Traceback (most recent call last):
...
ValueError: scale < 0
"""

from __future__ import annotations

__all__ = [
    "NONE",
    "NON_NEGATIVE",
    "POSITIVE",
    "PROBABILITY",
    "PROBABILITY_NOT_0",
    "PROBABILITY_NOT_1",
    "ABOVE_1",
    "AT_LEAST_1",
    "POISSON_LAM",
    "LONG",
    "LONG_MAX",
    "POISSON_LAM_MAX",
    "check",
    "check_array",
    "fill",
    "check_output_shape",
    "iterator_shape",
    "shape_of",
    "leading_shape",
    "floats",
    "integers",
    "c_long",
]

import math
import operator
from typing import Any, Callable, List, Sequence, Tuple

from .._shape import Number, Shape, broadcast_to, check_ndim, size_of
from ..casting import to_float
from ..core import Tensor
from ..dtypes import DType, IntegerOutOfBoundsError, check_fits, float64
from ..nested import flatten_nested

# The constraints, NumPy's CONS_*: what a parameter must be.
NONE = "anything"
NON_NEGATIVE = ">= 0"  # checked on the sign bit: -0.0 is refused, NaN passes
POSITIVE = "> 0"  # NaN passes
PROBABILITY = "in [0, 1]"
PROBABILITY_NOT_0 = "in (0, 1]"
PROBABILITY_NOT_1 = "in [0, 1)"
ABOVE_1 = "> 1"
AT_LEAST_1 = ">= 1"
POISSON_LAM = "a Poisson mean"  # >= 0, and at most POISSON_LAM_MAX
LONG = "a non-negative C long"

LONG_MAX = 2**63 - 1
# The largest Poisson mean: ten standard deviations below the largest C long.
POISSON_LAM_MAX = float(LONG_MAX) - math.sqrt(float(LONG_MAX)) * 10

Parameter = Tuple[Any, ...]  # (value, name[, constraint[, kind]]); the kind is "float" or "int"


# ---------------------------------------------------------------------------
# Checks, with NumPy's messages
# ---------------------------------------------------------------------------


def check(value: Number, name: str, constraint: str) -> None:
    """Raise NumPy's ``ValueError`` if the number ``value`` breaks ``constraint``.

    >>> check(0.5, "p", PROBABILITY)
    >>> check(float("nan"), "p", PROBABILITY)
    Traceback (most recent call last):
    ...
    ValueError: p < 0, p > 1 or p is NaN
    """
    if constraint == NONE:
        return
    if constraint == NON_NEGATIVE:
        if value == value and math.copysign(1.0, value) < 0:
            raise ValueError(f"{name} < 0")
    elif constraint == POSITIVE:
        if value <= 0:
            raise ValueError(f"{name} <= 0")
    elif constraint == PROBABILITY:
        if not 0 <= value <= 1:
            raise ValueError(f"{name} < 0, {name} > 1 or {name} is NaN")
    elif constraint == PROBABILITY_NOT_0:
        if not 0 < value <= 1:
            raise ValueError(f"{name} <= 0, {name} > 1 or {name} contains NaNs")
    elif constraint == PROBABILITY_NOT_1:
        if not 0 <= value < 1:
            raise ValueError(f"{name} < 0, {name} >= 1 or {name} is NaN")
    elif constraint == ABOVE_1:
        if not value > 1:
            raise ValueError(f"{name} <= 1 or {name} is NaN")
    elif constraint == AT_LEAST_1:
        if not value >= 1:
            raise ValueError(f"{name} < 1 or {name} is NaN")
    elif constraint == POISSON_LAM:
        if not value >= 0:
            raise ValueError(f"{name} < 0 or {name} is NaN")
        if value > POISSON_LAM_MAX:
            raise ValueError(f"{name} value too large")
    elif constraint == LONG:
        if value < 0:
            raise ValueError(f"{name} < 0")
        if value > LONG_MAX:
            raise ValueError(_LONG_MESSAGE.format(name))
    else:
        raise ValueError(f"unknown constraint {constraint!r}")


def check_array(values: Sequence[Number], name: str, constraint: str) -> None:
    """Raise NumPy's ``ValueError`` if any of ``values`` (an array parameter's elements)
    breaks ``constraint``.

    >>> check_array([0.5, float("nan")], "p", PROBABILITY)
    Traceback (most recent call last):
    ...
    ValueError: p < 0, p > 1 or p contains NaNs
    """
    if constraint == NONE:
        return
    if constraint == NON_NEGATIVE:
        if any(value == value and math.copysign(1.0, value) < 0 for value in values):
            raise ValueError(f"{name} < 0")
    elif constraint == POSITIVE:
        if any(value <= 0 for value in values):
            raise ValueError(f"{name} <= 0")
    elif constraint == PROBABILITY:
        if not all(0 <= value <= 1 for value in values):
            raise ValueError(f"{name} < 0, {name} > 1 or {name} contains NaNs")
    elif constraint == PROBABILITY_NOT_0:
        if not all(0 < value <= 1 for value in values):
            raise ValueError(f"{name} <= 0, {name} > 1 or {name} contains NaNs")
    elif constraint == PROBABILITY_NOT_1:
        if not all(0 <= value < 1 for value in values):
            raise ValueError(f"{name} < 0, {name} >= 1 or {name} contains NaNs")
    elif constraint == ABOVE_1:
        if not all(value > 1 for value in values):
            raise ValueError(f"{name} <= 1 or {name} contains NaNs")
    elif constraint == AT_LEAST_1:
        if not all(value >= 1 for value in values):
            raise ValueError(f"{name} < 1 or {name} contains NaNs")
    elif constraint == POISSON_LAM:  # (the other order: a NaN is "too large" here)
        if not all(value <= POISSON_LAM_MAX for value in values):
            raise ValueError(f"{name} value too large")
        if not all(value >= 0 for value in values):
            raise ValueError(f"{name} < 0 or {name} contains NaNs")
    elif constraint == LONG:
        if not all(value >= 0 for value in values):
            raise ValueError(f"{name} < 0")
        if not all(value <= LONG_MAX for value in values):
            raise ValueError(_LONG_MESSAGE.format(name))
    else:
        raise ValueError(f"unknown constraint {constraint!r}")


_LONG_MESSAGE = "{0} is out of bounds for long, consider using the new generator API for 64bit integers."


# ---------------------------------------------------------------------------
# Drawing a distribution over its parameters
# ---------------------------------------------------------------------------


def fill(
    draw: Callable[..., Number],
    bits: Any,
    size: Any,
    parameters: Sequence[Parameter],
    dtype: DType = float64,
) -> Any:
    """Draw ``draw(bits, *values)`` once (a number, for ``size=None`` and number
    parameters) or for each element of the output, as NumPy's ``cont`` and ``disc`` do.

    Each parameter is ``(value, name)``, ``(value, name, constraint)`` or
    ``(value, name, constraint, kind)``; the kind is ``"float"`` (the default) or
    ``"int"`` (truncated, as NumPy converts it to int64). ``dtype`` is the output's:
    float64, or int64 for the discrete distributions.

    >>> from .mt19937 import MT19937
    >>> scaled = lambda bits, scale: scale * bits.next_double()
    >>> fill(scaled, MT19937(0), None, [(2.0, "scale", POSITIVE)]), fill(scaled, MT19937(0), 2, [(2.0, "scale")])
    (1.0976270078546495, tensor([1.09762701, 1.43037873]))
    >>> fill(scaled, MT19937(0), None, [([1.0, -1.0], "scale", POSITIVE)])
    Traceback (most recent call last):
    ...
    ValueError: scale <= 0

    Raises NumPy's ``ValueError`` for a parameter that breaks its constraint, and for an
    output ``size`` the parameters do not broadcast to.
    """
    kinds = [parameter[3] if len(parameter) > 3 else "float" for parameter in parameters]
    constraints = [parameter[2] if len(parameter) > 2 else NONE for parameter in parameters]
    arrays = [_flat(parameter[0], kind) for parameter, kind in zip(parameters, kinds)]
    if any(shape for _, shape in arrays):
        for (values, _), (_, name, *_), constraint in zip(arrays, parameters, constraints):
            check_array(values, name, constraint)
        shapes = [shape for _, shape in arrays]
        shape = shape_of(size) if size is not None else iterator_shape(*shapes)
        check_output_shape(shape, shapes)
        check_fits(shape, dtype)
        columns = [broadcast_to(values, of, shape) for values, of in arrays]
        return _tensor([draw(bits, *values) for values in zip(*columns)], shape, dtype)
    values = [_scalar(parameter[0], kind) for parameter, kind in zip(parameters, kinds)]
    for value, (_, name, *_), constraint in zip(values, parameters, constraints):
        check(value, name, constraint)
    if size is None:
        return draw(bits, *values)
    shape = shape_of(size)
    check_fits(shape, dtype)
    return _tensor([draw(bits, *values) for _ in range(size_of(shape))], shape, dtype)


def check_output_shape(shape: Shape, shapes: Sequence[Shape]) -> None:
    """Raise NumPy's ``ValueError`` unless parameters of ``shapes`` broadcast to ``shape``.

    >>> check_output_shape((3, 2), [(2,), (3, 1)])
    >>> check_output_shape((2, 1), [(2,)])
    Traceback (most recent call last):
    ...
    ValueError: Output size (2, 1) is not compatible with broadcast dimensions of inputs (2, 2).
    """
    together = iterator_shape(shape, *shapes)
    if together != tuple(shape):
        raise ValueError(
            f"Output size {tuple(shape)} is not compatible with broadcast dimensions of inputs {together}."
        )


def iterator_shape(*shapes: Shape) -> Shape:
    """The shape ``shapes`` broadcast to, with the error of NumPy's multi-iterator, which
    names the first two that disagree (its arguments count from 0).

    >>> iterator_shape((3, 1), (4,))
    (3, 4)
    >>> iterator_shape((3,), (2,))
    Traceback (most recent call last):
    ...
    ValueError: shape mismatch: ... between arg 0 with shape (3,) and arg 1 with shape (2,).
    """
    ndim = max((len(shape) for shape in shapes), default=0)
    result, setter = [1] * ndim, [0] * ndim
    for axis in range(ndim):
        for position, shape in enumerate(shapes):
            k = axis + len(shape) - ndim
            if k < 0 or shape[k] == 1:
                continue
            if result[axis] == 1:
                result[axis], setter[axis] = shape[k], position
            elif result[axis] != shape[k]:
                first = setter[axis]
                raise ValueError(
                    "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between "
                    f"arg {first} with shape {tuple(shapes[first])} and arg {position} with shape {tuple(shape)}."
                )
    return tuple(result)


def shape_of(size: Any) -> Shape:
    """``size`` as a shape, read as ``np.empty`` reads it: an int or a sequence of ints.

    >>> shape_of(3), shape_of((2, 0)), shape_of([4])
    ((3,), (2, 0), (4,))
    >>> shape_of(-1)
    Traceback (most recent call last):
    ...
    ValueError: negative dimensions are not allowed
    >>> shape_of(2.0)
    Traceback (most recent call last):
    ...
    TypeError: expected a sequence of integers or a single integer, got '2.0'
    """
    try:
        shape: Tuple[int, ...] = (operator.index(size),)
    except TypeError:
        if not isinstance(size, (list, tuple, range, Tensor)):
            raise TypeError(f"expected a sequence of integers or a single integer, got '{size!r}'") from None
        shape = tuple(operator.index(length) for length in size)
    check_ndim(len(shape))
    if any(length < 0 for length in shape):
        raise ValueError("negative dimensions are not allowed")
    return shape


def leading_shape(size: Any) -> Shape:
    """``size`` before a vector's length (``multinomial``, ``dirichlet``): an int, else
    any sequence NumPy would make a tuple of.

    >>> leading_shape(2), leading_shape([3, 1])
    ((2,), (3, 1))
    """
    try:
        return shape_of((operator.index(size),))
    except TypeError:
        return shape_of(tuple(size))


# ---------------------------------------------------------------------------
# Parameters as numbers
# ---------------------------------------------------------------------------


def floats(value: Any) -> Tuple[List[float], Shape]:
    """A parameter as float64 numbers and its shape (``None`` is NaN, as NumPy makes it).

    >>> floats([[1, 2]]), floats(3), floats([None, 0.5])
    (([1.0, 2.0], (1, 2)), ([3.0], ()), ([nan, 0.5], (2,)))
    """
    values, shape = _flat(value, "float")
    return [float(v) for v in values], shape


def integers(value: Any) -> Tuple[List[int], Shape]:
    """A parameter as int64 numbers (floats truncated) and its shape.

    >>> integers([10.7, -3])
    ([10, -3], (2,))
    """
    values, shape = _flat(value, "int")
    return [int(v) for v in values], shape


def c_long(x: float) -> int:
    """C's ``(long)x`` as x86-64 computes it: truncation toward zero, and for NaN or a
    value beyond the range of a long, the "integer indefinite" -2**63. NumPy's
    distributions cast with it, and give that number for such parameters.

    >>> c_long(2.9), c_long(-2.9), c_long(float("inf")), c_long(1e19)
    (2, -2, -9223372036854775808, -9223372036854775808)
    """
    if -9.223372036854775808e18 <= x < 9.223372036854775808e18:
        return int(x)
    return -(2**63)


def _flat(value: Any, kind: str) -> Tuple[List[Number], Shape]:
    if isinstance(value, Tensor):
        values, shape = value.to_flat_list(), value.shape
    elif isinstance(value, (list, tuple, range)):
        try:
            values, shape = flatten_nested(value)
        except TypeError:
            if not any(item is None for item in value):
                raise
            values, shape = flatten_nested([math.nan if item is None else item for item in value])
    else:
        return [_scalar(value, kind)], ()
    if kind == "int":
        return [_int64(v) for v in values], shape
    return [to_float(v) for v in values], shape


def _scalar(value: Any, kind: str) -> Number:
    """One parameter as NumPy's scalar path reads it (``PyFloat_AsDouble``, or a C int64)."""
    if kind == "int":
        return _int64(value)
    return value if type(value) is float else to_float(value)


def _int64(value: Any) -> int:
    number = int(value)
    if not -(2**63) <= number <= LONG_MAX:
        raise IntegerOutOfBoundsError(f"Python int too large to convert to C long: {number}")
    return number


def _tensor(values: List[Any], shape: Shape, dtype: DType) -> Tensor:
    return Tensor.from_storage(dtype.storage(values), shape, dtype)

