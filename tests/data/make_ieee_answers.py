"""Write tests/numpy_ieee_answers.py: NumPy's answers on edge-case pairs, for test_ieee.py.

Run with NumPy installed (python tests/data/make_ieee_answers.py); zeronn's tests read
the file it writes, and never need NumPy. Each answer is NumPy's ufunc on one-element
float64 arrays (C's pow and friends), the loop that zeronn's functions mirror.
"""

import itertools
import math
from pathlib import Path

import numpy as np

VALUES = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, math.inf, -math.inf, math.nan, 1e308, -1e308, 5e-324,
          0.5, 3.0, -3.0, 1e200, -1e200]
EXTRA = [709.78, 710.0, -745.2, -746.0]


def literal(x):
    x = float(x)
    if math.isnan(x):
        return "NAN"
    if math.isinf(x):
        return "INF" if x > 0 else "-INF"
    return repr(x)


def main():
    lines = ['"""NumPy 2.4\'s answers on edge cases, written by tests/data/make_ieee_answers.py."""', "",
             "import math", "", "INF, NAN = math.inf, math.nan", ""]
    with np.errstate(all="ignore"):
        for name in ("divide", "power", "floor_divide", "remainder", "maximum", "minimum"):
            ufunc = getattr(np, name)
            rows = [f"({literal(a)}, {literal(b)}, {literal(ufunc(np.array([a]), np.array([b]))[0])})"
                    for a, b in itertools.product(VALUES, VALUES)]
            lines.append(f"{name.upper()} = [  # fmt: skip")
            lines.extend(f"    {row}," for row in rows)
            lines.append("]")
        for name in ("exp", "log", "sqrt"):
            ufunc = getattr(np, name)
            rows = [f"({literal(a)}, {literal(ufunc(np.array([a]))[0])})" for a in VALUES + EXTRA]
            lines.append(f"{name.upper()} = [  # fmt: skip")
            lines.extend(f"    {row}," for row in rows)
            lines.append("]")
    target = Path(__file__).resolve().parent.parent / "numpy_ieee_answers.py"
    target.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
