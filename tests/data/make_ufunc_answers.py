"""Write tests/numpy_ufunc_answers.py: NumPy's answers and error flags for every float ufunc.

Run with NumPy installed (python tests/data/make_ufunc_answers.py); zeronn's tests read
the file it writes, and never need NumPy. For each ufunc it records, for every value of
VALUES (or every pair of them, in ``itertools.product`` order), NumPy 2.4's answer on a
one-element float64 array and the floating-point flags NumPy reported for it, as
``divide + 2*over + 4*under + 8*invalid`` (the numbers ``np.seterrcall`` is given). For
float32 ``floor_divide`` and ``remainder`` it records random pairs, where float32's own
rounding matters.
"""

import itertools
import math
import random
import textwrap
from pathlib import Path

import numpy as np
from make_ieee_answers import literal as float_literal  # (this folder: the scripts run from it)

VALUES = [0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 3.0, math.inf, -math.inf, math.nan, 1e308, -1e308, 5e-324, 1e-300]
UNARY = [
    "negative", "positive", "absolute", "fabs", "sign", "square", "reciprocal", "sqrt", "cbrt", "exp", "exp2",
    "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "arcsin", "arccos", "arctan", "sinh", "cosh",
    "tanh", "arcsinh", "arccosh", "arctanh", "degrees", "radians", "rad2deg", "deg2rad", "floor", "ceil", "trunc",
    "rint", "isnan", "isinf", "isfinite", "signbit", "logical_not",
]
BINARY = [
    "add", "subtract", "multiply", "divide", "floor_divide", "remainder", "fmod", "power", "float_power",
    "maximum", "minimum", "fmax", "fmin", "arctan2", "hypot", "copysign", "nextafter", "logaddexp", "logaddexp2",
    "heaviside", "less", "less_equal", "greater", "greater_equal", "equal", "not_equal", "logical_and",
    "logical_or", "logical_xor",
]


def literal(x):
    """A number as Python source (``INF``, ``NAN``), or a bool."""
    return repr(bool(x)) if isinstance(x, (bool, np.bool_)) else float_literal(x)


def answer(ufunc, *arguments):
    """NumPy's result and the flags it reported, for one-element float64 operands."""
    bits = []
    with np.errstate(all="call", call=lambda kind, flag: bits.append(flag)):
        result = ufunc(*(np.array([value]) for value in arguments))[0]
    return result, (bits[0] if bits else 0)


def wrapped(items):
    """A list literal over as many lines as it takes, 12 spaces in."""
    text = textwrap.fill(", ".join(items), width=112, initial_indent=" " * 12, subsequent_indent=" " * 12,
                         break_on_hyphens=False)
    return ["        [", text, "        ],"]


def rows(name, results, flags):
    return [f"    {name!r}: ("] + wrapped(map(literal, results)) + wrapped(map(str, flags)) + ["    ),"]


def main():
    lines = ['"""NumPy 2.4\'s answers and flags, written by tests/data/make_ufunc_answers.py."""', "",
             "import math", "", "INF, NAN = math.inf, math.nan", "",
             f"VALUES = [{', '.join(map(literal, VALUES))}]", "",
             "# name: (results, flags) for each value of VALUES", "UNARY = {  # fmt: skip"]
    for name in UNARY:
        results, flags = zip(*(answer(getattr(np, name), x) for x in VALUES))
        lines += rows(name, results, list(flags))
    lines += ["}", "", "# name: (results, flags) for each pair of VALUES, in itertools.product order",
              "BINARY = {  # fmt: skip"]
    for name in BINARY:
        results, flags = zip(*(answer(getattr(np, name), a, b) for a, b in itertools.product(VALUES, VALUES)))
        lines += rows(name, results, list(flags))
    lines += ["}", ""]
    generator = random.Random(2024)
    # Quotients beyond float32's 24 bits, where rounding each step differs from rounding once
    # (about 5 % of these pairs), and ordinary ones.
    ranges = [(1e6, -3, 1), (1e4, -6, -2), (100.0, -3, 1)]
    pairs = [(np.float32(generator.uniform(-top, top)),
              np.float32(generator.choice([-1, 1]) * 10 ** generator.uniform(low, high)))
             for top, low, high in ranges for _ in range(100)]
    lines.append("# float32 (a, b, a // b, a % b): NumPy's float32 loop rounds each step to float32")
    lines.append("FLOAT32_DIVMOD = [  # fmt: skip")
    for a, b in pairs:
        quotient, remainder = np.floor_divide(a, b), np.remainder(a, b)
        lines.append(f"    ({literal(a)}, {literal(b)}, {literal(quotient)}, {literal(remainder)}),")
    lines.append("]")
    target = Path(__file__).resolve().parent.parent / "numpy_ufunc_answers.py"
    target.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
