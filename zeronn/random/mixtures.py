"""Distributions drawn in two stages, one distribution's draw the parameter of another.

- ``noncentral_chisquare``: a chi-square shifted by the square of a shifted normal, or
  (for at most one degree of freedom) a chi-square with a Poisson number of extra
  degrees; ``noncentral_f`` is its ratio to a central chi-square;
- ``negative_binomial``: a Poisson count whose mean is drawn from a gamma.

They need both ``continuous`` and ``discrete``, and so live apart from both. Each is
NumPy's legacy C (``legacy-distributions.c``) step for step.

>>> from .mt19937 import MT19937
>>> bits = MT19937(0)
>>> noncentral_chisquare(bits, 3.0, 2.0), negative_binomial(bits, 5.0, 0.5)
(6.239245521554961, 11)
"""

from __future__ import annotations

__all__ = ["noncentral_chisquare", "noncentral_f", "negative_binomial"]

import math

from .. import ieee
from .continuous import chisquare, gamma, gauss
from .discrete import poisson
from .mt19937 import MT19937


def noncentral_chisquare(bits: MT19937, df: float, nonc: float) -> float:
    """The noncentral chi-square (NumPy's ``legacy_noncentral_chisquare``).

    >>> noncentral_chisquare(MT19937(0), 3.0, 2.0), noncentral_chisquare(MT19937(0), 0.5, 0.2)
    (6.239245521554961, 0.5232559677486677)
    """
    if nonc == 0:
        return chisquare(bits, df)
    if 1 < df:
        chi2 = chisquare(bits, df - 1)
        n = gauss(bits) + math.sqrt(nonc)
        return chi2 + n * n
    i = poisson(bits, nonc / 2.0)
    out = chisquare(bits, df + 2 * i)
    return math.nan if nonc != nonc else out  # (NumPy checks NaN last, not to change the stream)


def noncentral_f(bits: MT19937, dfnum: float, dfden: float, nonc: float) -> float:
    """The noncentral F: a noncentral chi-square over a central one, each over its degrees.

    >>> noncentral_f(MT19937(0), 5.0, 10.0, 2.0)
    10.588673013320076
    """
    t = noncentral_chisquare(bits, dfnum, nonc) * dfden
    return ieee.divide(t, chisquare(bits, dfden) * dfnum)


def negative_binomial(bits: MT19937, n: float, p: float) -> int:
    """Failures before the ``n``-th success: a Poisson count of gamma-distributed mean
    (NumPy's ``legacy_negative_binomial``; ``n`` need not be an integer).

    >>> negative_binomial(MT19937(0), 5.0, 0.5), negative_binomial(MT19937(0), 1.0, 0.0)
    (12, -9223372036854775808)
    """
    y = gamma(bits, n, ieee.divide(1 - p, p))
    return poisson(bits, y)
