"""The discrete distributions of NumPy's legacy ``RandomState``, one integer at a time.

As in ``continuous.py``, each function is NumPy's C algorithm step for step
(``legacy-distributions.c`` and ``distributions.c``), drawing from ``bits`` (an
``MT19937``) in NumPy's order, so the integers are NumPy's:

- ``poisson``: multiplying uniforms below a mean of 10, Hörmann's transformed
  rejection (PTRS) from 10 on;
- ``binomial``: inversion of the distribution function when the mean is at most 30,
  else Kachitvichyanukul and Schmeiser's BTPE; ``multinomial`` is a chain of binomials;
- ``geometric``: a search up the distribution function for ``p >= 1/3``, else
  inversion; ``logseries`` (Kemp's method), ``zipf`` (rejection), ``hypergeometric``
  (an urn drawn ball by ball for at most 10 draws, else Stadlober's HRUA);
- ``loggam``: the log-gamma function they use (the SPECFUN series).

Where NumPy's C casts a double to a C long (``(long)floor(x)``), these use
``parameters.c_long``, which gives what such a cast gives on x86-64, -2**63, for a value
out of range: NumPy's numbers for the strangest parameters too.

>>> from .mt19937 import MT19937
>>> bits = MT19937(0)
>>> poisson(bits, 3.5), poisson(bits, 250.0), binomial(bits, 100, 0.3), geometric(bits, 0.2)
(6, 245, 30, 4)
"""

from __future__ import annotations

__all__ = [
    "poisson",
    "binomial",
    "binomial_for_multinomial",
    "multinomial",
    "geometric",
    "logseries",
    "zipf",
    "hypergeometric",
    "loggam",
]

import math
from functools import lru_cache
from typing import List, Sequence, Tuple

from .. import ieee
from .mt19937 import MT19937
from .parameters import LONG_MAX, c_long

_LONG_MAX_AS_FLOAT = float(LONG_MAX)  # 2**63, as C compares a double with LONG_MAX


def _floor_long(x: float) -> int:
    """C's ``(long)floor(x)``: -2**63 for NaN, an infinity or a value out of a long's range
    (``math.floor`` would raise for the first two)."""
    return math.floor(x) if -_LONG_MAX_AS_FLOAT <= x < _LONG_MAX_AS_FLOAT else -(2**63)


# ---------------------------------------------------------------------------
# Poisson
# ---------------------------------------------------------------------------


def poisson(bits: MT19937, lam: float) -> int:
    """A Poisson count of mean ``lam`` (NumPy's ``random_poisson``).

    >>> poisson(MT19937(0), 3.5), poisson(MT19937(0), 250.0), poisson(MT19937(0), 0.0)
    (6, 252, 0)
    """
    if lam >= 10:
        return _poisson_ptrs(bits, lam)
    if lam == 0:
        return 0
    return _poisson_multiplication(bits, lam)


def _poisson_multiplication(bits: MT19937, lam: float) -> int:
    """Count the uniforms whose running product stays above ``exp(-lam)``."""
    enlam = math.exp(-lam)
    count, product = 0, 1.0
    while True:
        product *= bits.next_double()
        if product > enlam:
            count += 1
        else:
            return count


def _poisson_ptrs(bits: MT19937, lam: float) -> int:
    """W. Hörmann, "The transformed rejection method for generating Poisson random
    variables", Insurance: Mathematics and Economics 12, 39-45 (1993)."""
    slam = math.sqrt(lam)
    loglam = math.log(lam)
    b = 0.931 + 2.53 * slam
    a = -0.059 + 0.02483 * b
    invalpha = 1.1239 + 1.1328 / (b - 3.4)
    vr = 0.9277 - 3.6224 / (b - 2)
    while True:
        u = bits.next_double() - 0.5
        v = bits.next_double()
        us = 0.5 - abs(u)
        if us == 0.0:  # u = -0.5 exactly: NumPy's C divides by zero, gets k = -2**63, and draws again
            continue
        k = _floor_long((2 * a / us + b) * u + lam + 0.43)
        if us >= 0.07 and v <= vr:
            return k
        if k < 0 or (us < 0.013 and v > us):
            continue
        if ieee.log(v) + math.log(invalpha) - math.log(a / (us * us) + b) <= -lam + k * loglam - loggam(k + 1):
            return k


# ---------------------------------------------------------------------------
# Binomial and multinomial
# ---------------------------------------------------------------------------


def binomial(bits: MT19937, n: int, p: float) -> int:
    """Successes in ``n`` trials of probability ``p`` (NumPy's ``legacy_random_binomial``):
    the algorithms run on the smaller of ``p`` and ``1 - p``.

    >>> binomial(MT19937(0), 10, 0.3), binomial(MT19937(0), 1000, 0.7), binomial(MT19937(0), 0, 0.5)
    (3, 697, 0)
    """
    if p <= 0.5:
        if p * n <= 30.0:
            return _binomial_inversion(bits, n, p)
        return _binomial_btpe(bits, n, p)
    q = 1.0 - p
    if q * n <= 30.0:
        return n - _binomial_inversion(bits, n, q)
    return n - _binomial_btpe(bits, n, q)


def binomial_for_multinomial(bits: MT19937, n: int, p: float) -> int:
    """NumPy's newer ``random_binomial``, which ``multinomial`` uses: 0 without a draw
    for ``n = 0`` or ``p = 0``, else ``binomial``.

    >>> bits = MT19937(0); binomial_for_multinomial(bits, 0, 0.5), bits.next_double()
    (0, 0.5488135039273248)
    """
    if n == 0 or p == 0.0:
        return 0
    return binomial(bits, n, p)


def multinomial(bits: MT19937, n: int, pvals: Sequence[float]) -> List[int]:
    """Counts of ``n`` trials over outcomes of probabilities ``pvals``: a binomial for each
    outcome in turn, on the trials and the probability left; the last gets the rest.

    >>> multinomial(MT19937(0), 20, [0.2, 0.3, 0.5])
    [4, 7, 9]
    """
    counts = [0] * len(pvals)
    remaining_p, left = 1.0, n
    for j in range(len(pvals) - 1):
        counts[j] = binomial_for_multinomial(bits, left, pvals[j] / remaining_p)
        left -= counts[j]
        if left <= 0:
            break
        remaining_p -= pvals[j]
    if left > 0:
        counts[-1] = left
    return counts


@lru_cache(maxsize=64)
def _inversion_constants(n: int, p: float) -> Tuple[float, float, int]:
    q = 1.0 - p
    qn = ieee.exp(n * ieee.log(q))  # the chance of no success at all
    np_ = n * p
    limit = np_ + 10.0 * ieee.sqrt(np_ * q + 1)
    bound = c_long(n if n < limit else limit)  # C's MIN(n, limit), a double
    return q, qn, bound


def _binomial_inversion(bits: MT19937, n: int, p: float) -> int:
    """Walk up the distribution function from 0; past ``bound`` (ten standard deviations
    above the mean) start again with a new uniform."""
    q, qn, bound = _inversion_constants(n, p)
    x = 0
    px = qn
    u = bits.next_double()
    while u > px:
        x += 1
        if x > bound:
            x = 0
            px = qn
            u = bits.next_double()
        else:
            u -= px
            px = ((n - x + 1) * p * px) / (x * q)
    return x


_BTPEConstants = Tuple[float, float, int, float, float, float, float, float, float, float, float, float, float]


@lru_cache(maxsize=64)
def _btpe_constants(n: int, p: float) -> _BTPEConstants:
    r = min(p, 1.0 - p)
    q = 1.0 - r
    fm = n * r + r
    m = _floor_long(fm)
    p1 = math.floor(2.195 * math.sqrt(n * r * q) - 4.6 * q) + 0.5
    xm = m + 0.5
    xl = xm - p1
    xr = xm + p1
    c = 0.134 + 20.5 / (15.3 + m)
    a = (fm - xl) / (fm - xl * r)
    laml = a * (1.0 + a / 2.0)
    a = (xr - fm) / (xr * q)
    lamr = a * (1.0 + a / 2.0)
    p2 = p1 * (1.0 + 2.0 * c)
    p3 = p2 + c / laml
    p4 = p3 + c / lamr
    return r, q, m, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4


def _binomial_btpe(bits: MT19937, n: int, p: float) -> int:
    """V. Kachitvichyanukul and B. W. Schmeiser, "Binomial random variate generation",
    Communications of the ACM 31, 216-222 (1988): a triangle, two parallelograms and two
    exponential tails over the distribution, and a squeeze before the exact test.
    (NumPy's C is a chain of ``goto`` steps; here each step is a branch of one loop.
    ``p`` is at most 0.5: ``binomial`` passes ``1 - p`` for a larger one.)"""
    r, q, m, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4 = _btpe_constants(n, p)
    nrq = n * r * q
    while True:
        u = bits.next_double() * p4
        v = bits.next_double()
        if u <= p1:  # the triangle: accepted at once
            return _floor_long(xm - p1 * v + u)
        if u <= p2:  # the parallelograms
            x = xl + (u - p1) / c
            v = v * c + 1.0 - abs(m - x + 0.5) / p1
            if v > 1.0:
                continue
            y = _floor_long(x)
        elif u <= p3:  # the left tail
            y = _floor_long(xl + ieee.log(v) / laml)
            if y < 0 or v == 0.0:
                continue
            v = v * (u - p2) * laml
        else:  # the right tail
            y = _floor_long(xr - ieee.log(v) / lamr)
            if y > n or v == 0.0:
                continue
            v = v * (u - p3) * lamr
        k = abs(y - m)
        if not (k > 20 and k < nrq / 2.0 - 1):
            # Near the mode: the exact ratio of probabilities, by recursion from m.
            s = r / q
            a = s * (n + 1)
            f = 1.0
            if m < y:
                for i in range(m + 1, y + 1):
                    f *= a / i - s
            elif m > y:
                for i in range(y + 1, m + 1):
                    f /= a / i - s
            if v > f:
                continue
            return y
        # Far from it: squeeze log(v) between bounds, then Stirling's formula.
        rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5)
        t = -k * k / (2 * nrq)
        big_a = ieee.log(v)
        if big_a < t - rho:
            return y
        if big_a > t + rho:
            continue
        x1 = float(y + 1)
        f1 = float(m + 1)
        z = float(n + 1 - m)
        w = float(n - y + 1)
        if big_a > (
            xm * math.log(f1 / x1)
            + (n - m + 0.5) * math.log(z / w)
            + (y - m) * math.log(w * r / (x1 * q))
            + _stirling(f1)
            + _stirling(z)
            + _stirling(x1)
            + _stirling(w)
        ):
            continue
        return y


def _stirling(x: float) -> float:
    """One of BTPE's four Stirling corrections."""
    x2 = x * x
    return (13680.0 - (462.0 - (132.0 - (99.0 - 140.0 / x2) / x2) / x2) / x2) / x / 166320.0


# ---------------------------------------------------------------------------
# Geometric, logarithmic series, Zipf
# ---------------------------------------------------------------------------


def geometric(bits: MT19937, p: float) -> int:
    """The number of trials up to the first success (NumPy's ``legacy_random_geometric``).

    >>> geometric(MT19937(0), 0.5), geometric(MT19937(0), 0.01)
    (2, 80)

    Raises ``ValueError`` in the one case where NumPy never returns: a uniform draw
    within a few ulps of 1 (a state set on purpose) that the search's rounded sum of
    chances cannot pass.
    """
    if p >= 0.333333333333333333333333:
        # Search: add the probabilities of 1, 2, 3, ... trials until they pass U.
        x = 1
        total = product = p
        q = 1.0 - p
        u = bits.next_double()
        while u > total:
            product *= q
            if total + product == total:  # the sum has stopped below U: NumPy's loop never ends
                raise ValueError(f"geometric: the search for U = {u!r} never ends (the sum of the chances "
                                 f"of p = {p!r} stops at {total!r}); NumPy would hang here")
            total += product
            x += 1
        return x
    quotient = ieee.divide(math.log1p(-bits.next_double()), ieee.log(1 - p))
    return c_long(math.ceil(quotient)) if math.isfinite(quotient) else c_long(quotient)


def logseries(bits: MT19937, p: float) -> int:
    """The logarithmic series distribution, by Kemp's second method (``legacy_logseries``).

    >>> logseries(MT19937(0), 0.9), logseries(MT19937(0), 0.0)
    (3, 1)
    """
    r = ieee.log(1.0 - p)
    while True:
        v = bits.next_double()
        if v >= p:
            return 1
        u = bits.next_double()
        q = 1.0 - math.exp(r * u)
        if v <= q * q:
            result = _floor_long(1 + ieee.divide(ieee.log(v), ieee.log(q)))
            if result < 1 or v == 0.0:
                continue
            return result
        if v >= q:
            return 1
        return 2


def zipf(bits: MT19937, a: float) -> int:
    """The Zipf (zeta) distribution by rejection, truncated to a C long (``random_zipf``).

    >>> zipf(MT19937(0), 2.0), zipf(MT19937(0), 1.5)
    (2, 6)

    Raises ``ValueError`` for ``a - 1 >= 1024``: there ``2 ** (a - 1)`` overflows and
    NumPy's loop never accepts a value (it hangs).
    """
    am1 = a - 1.0
    b = ieee.power(2.0, am1)
    if b == math.inf:
        raise ValueError(f"a = {a!r} is too large: 2 ** (a - 1) overflows, and NumPy's zipf would never return")
    while True:
        u = 1.0 - bits.next_double()
        v = bits.next_double()
        x = ieee.power(u, -1.0 / am1)
        x = float(math.floor(x)) if math.isfinite(x) else x
        if x > _LONG_MAX_AS_FLOAT or x < 1.0:
            continue  # beyond a C long: drawn again
        t = ieee.power(1.0 + 1.0 / x, am1)
        if v * x * (t - 1.0) / (b - 1.0) <= t / b:
            return c_long(x)


# ---------------------------------------------------------------------------
# Hypergeometric
# ---------------------------------------------------------------------------


def hypergeometric(bits: MT19937, good: int, bad: int, sample: int) -> int:
    """Good balls among ``sample`` drawn from an urn of ``good`` and ``bad`` ones
    (NumPy's ``legacy_random_hypergeometric``).

    >>> hypergeometric(MT19937(0), 10, 5, 6), hypergeometric(MT19937(0), 100, 200, 50)
    (4, 19)
    """
    if sample > 10:
        return _hypergeometric_hrua(bits, good, bad, sample)
    if sample > 0:
        return _hypergeometric_urn(bits, good, bad, sample)
    return 0


def _hypergeometric_urn(bits: MT19937, good: int, bad: int, sample: int) -> int:
    """Draw the balls one by one, counting down the balls of the rarer colour left."""
    d1 = bad + good - sample
    d2 = float(min(bad, good))
    y = d2
    k = sample
    while y > 0.0:
        u = bits.next_double()
        y -= math.floor(u + y / (d1 + k))  # (a small finite number: d1 + k >= 1)
        k -= 1
        if k == 0:
            break
    z = c_long(d2 - y)
    return sample - z if good > bad else z


_D1 = 1.7155277699214135  # 2 * sqrt(2 / e)
_D2 = 0.8989161620588988  # 3 - 2 * sqrt(3 / e)


def _hypergeometric_hrua(bits: MT19937, good: int, bad: int, sample: int) -> int:
    """E. Stadlober's ratio-of-uniforms method HRUA, with Ivan Frohne's corrections."""
    mingoodbad = min(good, bad)
    popsize = good + bad
    maxgoodbad = max(good, bad)
    m = min(sample, popsize - sample)
    d4 = float(mingoodbad) / popsize
    d5 = 1.0 - d4
    d6 = m * d4 + 0.5
    d7 = math.sqrt(float(popsize - m) * sample * d4 * d5 / (popsize - 1) + 0.5)
    d8 = _D1 * d7 + _D2
    d9 = _floor_long(float(m + 1) * (mingoodbad + 1) / (popsize + 2))
    d10 = loggam(d9 + 1) + loggam(mingoodbad - d9 + 1) + loggam(m - d9 + 1) + loggam(maxgoodbad - m + d9 + 1)
    d11 = min(min(m, mingoodbad) + 1.0, math.floor(d6 + 16 * d7))  # 16 for 16-digit precision in D1, D2
    while True:
        x = bits.next_double()
        y = bits.next_double()
        w = d6 + ieee.divide(d8 * (y - 0.5), x)
        if w < 0.0 or w >= d11:
            continue  # fast rejection
        z = _floor_long(w)
        t = d10 - (loggam(z + 1) + loggam(mingoodbad - z + 1) + loggam(m - z + 1) + loggam(maxgoodbad - m + z + 1))
        if x * (4.0 - x) - 3.0 <= t:
            break  # fast acceptance
        if x * (x - t) >= 1:
            continue  # fast rejection
        if 2.0 * ieee.log(x) <= t:
            break
    if good > bad:
        z = m - z
    if m < sample:  # the sample was more than half the urn: count the balls left behind
        z = good - z
    return z


# ---------------------------------------------------------------------------
# log Gamma
# ---------------------------------------------------------------------------

_LOGGAM_COEFFICIENTS = (
    8.333333333333333e-02,
    -2.777777777777778e-03,
    7.936507936507937e-04,
    -5.952380952380952e-04,
    8.417508417508418e-04,
    -1.917526917526918e-03,
    6.410256410256410e-03,
    -2.955065359477124e-02,
    1.796443723688307e-01,
    -1.39243221690590e00,
)


def loggam(x: float) -> float:
    """``log(Gamma(x))`` for ``x >= 1`` by the series of Zhang and Jin's "Computation of
    Special Functions" (1996), as NumPy's ``random_loggam`` computes it.

    >>> loggam(1.0), loggam(10.0), round(loggam(0.5), 12)
    (0.0, 12.80182748008147, 0.572364942925)
    """
    x0 = x
    n = 0
    if x == 1.0 or x == 2.0:
        return 0.0
    if x <= 7.0:  # shift up to 7 or more, where the series is accurate, and back down
        n = c_long(7 - x)
        x0 = x + n
    x2 = 1.0 / (x0 * x0)
    gl0 = _LOGGAM_COEFFICIENTS[9]
    for k in range(8, -1, -1):
        gl0 *= x2
        gl0 += _LOGGAM_COEFFICIENTS[k]
    gl = gl0 / x0 + 0.5 * math.log(2 * math.pi) + (x0 - 0.5) * math.log(x0) - x0
    if x <= 7.0:
        for _ in range(n):
            gl -= math.log(x0 - 1.0)
            x0 -= 1.0
    return gl
